// Throughput of the clean stage on the article extraction benchmark pages:
// BM_ExtractHtml runs the pipeline (stages "clean") over the 181 HTML pages
// of scrapinghub-aeb, BM_CleanText over the same pages saved as scraped text
// (aeb-scraped). One iteration is one pass over every page, so the MB/s and
// pages/s figures are averages over the whole corpus, not over whichever
// pages a short run happened to reach.
//
//   ninja -C build-bench clean_bench && build-bench/clean_bench
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {
namespace {

// Returns the pages of `kind` ("html" or "text") as pipeline input, loaded
// once per process.
const std::vector<Page>& Pages(std::string_view kind) {
  static const auto load = [](std::string_view k) {
    std::vector<Page> pages;
    for (bench::LoadedPage& p : bench::LoadAebPages(k)) {
      Page page;
      page.source = p.id;
      page.id = p.id;
      page.format = k == "html" ? PageFormat::kHtml : PageFormat::kText;
      page.content = RepairUtf8(p.content);
      page.charset = "utf-8";
      pages.push_back(std::move(page));
    }
    return pages;
  };
  static const std::vector<Page> html = load("html");
  static const std::vector<Page> text = load("text");
  return kind == "html" ? html : text;
}

void RunPipeline(benchmark::State& state, std::string_view kind) {
  const std::vector<Page>& pages = Pages(kind);
  if (pages.empty()) {
    state.SkipWithError(kind == "html"
                            ? "dataset missing: ../shared/datasets/scrapinghub-aeb"
                            : "dataset missing: ../shared/datasets/aeb-scraped");
    return;
  }
  std::unique_ptr<Pipeline> pipeline;
  Status st = Pipeline::Create(bench::CleanStageOnly(), &pipeline);
  if (!st.ok()) {
    state.SkipWithError(("cannot create pipeline: " + st.ToString()).c_str());
    return;
  }
  size_t bytes = 0;
  for (const Page& p : pages) bytes += p.content.size();
  for (auto _ : state) {
    for (const Page& p : pages) {
      Document doc = pipeline->Process(p);
      benchmark::DoNotOptimize(doc.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.counters["pages"] = static_cast<double>(pages.size());
}

void BM_ExtractHtml(benchmark::State& state) { RunPipeline(state, "html"); }
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CleanText(benchmark::State& state) { RunPipeline(state, "text"); }
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();

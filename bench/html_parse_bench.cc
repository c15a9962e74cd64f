// Raw HTML parser throughput on the 181 article extraction benchmark pages
// (scrapinghub-aeb, 174 KB each on average): libxml2's HTML parser, the
// library baseline, beside dateline's own HtmlDom (src/clean/html_dom.h).
// This is the measurement behind the choice of parser. One iteration is one
// pass over every page (parse, then free the tree), so MB/s is an average
// over the whole corpus.
//
//   ninja -C build-bench html_parse_bench && build-bench/html_parse_bench
//
// libxml2 is linked into this benchmark only (see the bench block of
// CMakeLists.txt); without libxml2-dev its benchmark is left out.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"

#ifdef DATELINE_HAVE_LIBXML2
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#endif
#ifdef DATELINE_HAVE_HTML_DOM
#include "clean/html_dom.h"
#endif

namespace dateline {
namespace {

// Returns the decoded (UTF-8, repaired) AEB pages, loaded once.
const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    for (bench::LoadedPage& p : bench::LoadAebPages("html")) {
      out.push_back(RepairUtf8(p.content));
    }
    return out;
  }();
  return pages;
}

// Sets the MB/s and pages/s counters for a benchmark that made
// state.iterations() passes over `pages`.
void SetThroughput(benchmark::State& state, const std::vector<std::string>& pages) {
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
}

#ifdef DATELINE_HAVE_LIBXML2
void BM_Libxml2HtmlParse(benchmark::State& state) {
  const std::vector<std::string>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("dataset missing: ../shared/datasets/scrapinghub-aeb");
    return;
  }
  const int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                      HTML_PARSE_NONET;
  for (auto _ : state) {
    for (const std::string& p : pages) {
      htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                      options);
      benchmark::DoNotOptimize(doc);
      if (doc != nullptr) xmlFreeDoc(doc);
    }
  }
  SetThroughput(state, pages);
}
BENCHMARK(BM_Libxml2HtmlParse)->Unit(benchmark::kMillisecond)->MinTime(3.0);
#endif

#ifdef DATELINE_HAVE_HTML_DOM
void BM_HtmlDomParse(benchmark::State& state) {
  const std::vector<std::string>& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("dataset missing: ../shared/datasets/scrapinghub-aeb");
    return;
  }
  size_t nodes = 0;
  for (auto _ : state) {
    for (const std::string& p : pages) {
      // A fresh tree per page, as the extractor builds one; Parse into a
      // reused HtmlDom would hide the allocation cost.
      HtmlDom dom;
      dom.Parse(p);
      nodes += dom.nodes().size();
      benchmark::DoNotOptimize(nodes);
    }
  }
  SetThroughput(state, pages);
}
BENCHMARK(BM_HtmlDomParse)->Unit(benchmark::kMillisecond)->MinTime(3.0);
#endif

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
#ifdef DATELINE_HAVE_LIBXML2
  xmlInitParser();
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
#ifdef DATELINE_HAVE_LIBXML2
  xmlCleanupParser();
#endif
  return 0;
}

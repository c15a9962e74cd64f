// Speed of event coding on real news text, one thread: the 181 AEB pages
// run through the pipeline up to "clean" and "events"; clean text to events
// is events minus clean (segment, tag, resolve and the coder). The coder
// alone is timed directly: EventCoder::Code over the resolved documents. Prints sentences/s and
// events as one JSON line. (PETRARCH-2 codes about 540 sentences/s after a
// CoreNLP parse that runs at about 0.7 stories/s.)
//
//   events_speed_eval [--dataset DIR] [--repeat N]
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_data.h"
#include "pipeline_timing.h"
#include "dateline/pipeline.h"
#include "events/event_coder.h"

namespace dateline {
namespace {

int Main(int argc, char** argv) {
  CLI::App app{"event coding speed on the AEB pages"};
  std::string dataset;
  int repeat = 3;
  app.add_option("--dataset", dataset, "scrapinghub-aeb directory");
  app.add_option("--repeat", repeat, "passes; the best is kept");
  CLI11_PARSE(app, argc, argv);
  std::vector<Page> pages = bench::AebHtmlPages(dataset);
  if (pages.empty()) {
    std::fprintf(stderr, "events_speed_eval: no AEB pages found\n");
    return 2;
  }
  std::unique_ptr<Pipeline> clean, resolve, full;
  Status s = Pipeline::Create(bench::CleanStageOnly(), &clean);
  if (s.ok()) s = Pipeline::Create(PipelineOptions{"resolve", ""}, &resolve);
  if (s.ok()) s = Pipeline::Create(PipelineOptions{"events", ""}, &full);
  if (!s.ok()) {
    std::fprintf(stderr, "events_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  size_t tokens = 0, sentences = 0, events = 0, unused = 0;
  double t_full = bench::TimeProcess(*full, pages, repeat, &tokens, &sentences, &events);
  double t_clean = bench::TimeProcess(*clean, pages, repeat, &unused, &unused);
  double from_clean = std::max(1e-9, t_full - t_clean);
  std::unique_ptr<EventCoder> coder_only;
  s = EventCoder::Create(std::string(DATELINE_SOURCE_DIR) + "/data",
                         &coder_only);
  if (!s.ok()) {
    std::fprintf(stderr, "events_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  std::vector<Document> resolved;
  for (const Page& p : pages) resolved.push_back(resolve->Process(p));
  double coder = 1e100;
  for (int r = 0; r < repeat; ++r) {
    std::vector<Document> docs = resolved;
    auto start = std::chrono::steady_clock::now();
    for (Document& d : docs) coder_only->Code(&d);
    double secs = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - start)
                      .count();
    coder = std::min(coder, std::max(1e-9, secs));
  }
  std::printf(
      "{\"pages\":%zu,\"tokens\":%zu,\"sentences\":%zu,\"events\":%zu,"
      "\"events_s\":%.4f,\"coder_s\":%.4f,\"clean_s\":%.4f,"
      "\"clean_text_to_events_sentences_per_s\":%.0f,"
      "\"coder_alone_sentences_per_s\":%.0f}\n",
      pages.size(), tokens, sentences, events, t_full, coder, t_clean,
      sentences / from_clean, sentences / coder);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// Timing the pipeline over the AEB pages, for the speed evaluations
// (language_speed_eval, events_speed_eval): the pages as Page records, and
// the best of `repeat` passes of Pipeline::Process over them.
#ifndef DATELINE_BENCH_PIPELINE_TIMING_H_
#define DATELINE_BENCH_PIPELINE_TIMING_H_

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "bench_data.h"
#include "dateline/pipeline.h"

namespace dateline {
namespace bench {

// The AEB HTML pages under `dataset` ("" = the default folder) as pages;
// empty when none are found.
inline std::vector<Page> AebHtmlPages(const std::string& dataset) {
  std::vector<Page> pages;
  for (LoadedPage& l : LoadAebPages("html", dataset)) {
    Page p;
    p.source = l.id;
    p.format = PageFormat::kHtml;
    p.content = std::move(l.content);
    pages.push_back(std::move(p));
  }
  return pages;
}

// Runs `pipeline` over every page `repeat` times; returns the best pass in
// seconds and that pass's token, sentence and (if asked) event counts.
inline double TimeProcess(const Pipeline& pipeline,
                          const std::vector<Page>& pages, int repeat,
                          size_t* tokens, size_t* sentences,
                          size_t* events = nullptr) {
  double best = 1e100;
  for (int r = 0; r < repeat; ++r) {
    size_t t = 0, s = 0, e = 0;
    auto start = std::chrono::steady_clock::now();
    for (const Page& p : pages) {
      Document doc = pipeline.Process(p);
      t += doc.tokens.size();
      s += doc.sentences.size();
      e += doc.events.size();
    }
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    best = std::min(best, secs);
    *tokens = t;
    *sentences = s;
    if (events) *events = e;
  }
  return best;
}

}  // namespace bench
}  // namespace dateline

#endif  // DATELINE_BENCH_PIPELINE_TIMING_H_

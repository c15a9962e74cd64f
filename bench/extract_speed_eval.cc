// extract_speed_eval: how fast dateline's clean stage runs, measured the
// same way as the Readability.js peer (bench/peers/readability/run.mjs), so
// bench/run_clean_speed.sh can print one ratio from one run.
//
// Loads every *.html (or *.txt) file of a directory into memory first, then
// runs Pipeline::Process over all of them, single-threaded, R times, and
// prints one JSON line: pages, bytes, the best and median pass times, and
// pages/s and MB/s (MB = 10^6 bytes of decoded UTF-8 page) of the best pass.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"

int main(int argc, char** argv) {
  using namespace dateline;
  CLI::App app{"Times dateline's clean stage over a directory of pages, one thread"};
  std::string dir;
  std::string format = "html";
  int repeat = 5;
  app.add_option("dir", dir, "directory of pages (*.html for html, *.txt for text)")->required();
  app.add_option("--format", format, "page format")->check(CLI::IsMember({"html", "text"}));
  std::string clean_model;
  app.add_option("--clean-model", clean_model,
                 "text pages: the cleaner's line model file, or default for "
                 "data/models/clean_lines.model (none, the default: the rules alone)");
  app.add_option("--repeat,-r", repeat, "passes over all pages; the best is reported")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const std::string suffix = format == "html" ? ".html" : ".txt";
  std::vector<Page> pages;
  size_t bytes = 0;
  for (const std::string& path : bench::ListFiles(dir, suffix)) {
    std::string raw;
    if (!bench::ReadWholeFile(path, &raw)) {
      std::fprintf(stderr, "extract_speed_eval: %s: cannot read\n", path.c_str());
      continue;
    }
    Page page;
    page.source = path;
    page.id = bench::StemOf(path, suffix);
    page.format = format == "html" ? PageFormat::kHtml : PageFormat::kText;
    page.content = RepairUtf8(raw);
    page.charset = "utf-8";
    bytes += page.content.size();
    pages.push_back(std::move(page));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "extract_speed_eval: no %s files in %s\n", suffix.c_str(), dir.c_str());
    return 2;
  }

  std::unique_ptr<Pipeline> pipeline;
  PipelineOptions options = bench::CleanStageOnly();
  options.clean_model = clean_model;
  Status st = Pipeline::Create(options, &pipeline);
  if (!st.ok()) {
    std::fprintf(stderr, "extract_speed_eval: cannot create pipeline: %s\n",
                 st.ToString().c_str());
    return 2;
  }

  std::vector<double> seconds;
  size_t errors = 0;
  size_t text_bytes = 0;  // summed so no pass can be optimised away
  for (int r = 0; r < repeat; ++r) {
    errors = 0;
    text_bytes = 0;
    auto start = std::chrono::steady_clock::now();
    for (const Page& page : pages) {
      Document doc = pipeline->Process(page);
      text_bytes += doc.text.size();
      if (!doc.error.empty()) ++errors;
    }
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  double best = sorted.front();
  double median = sorted[sorted.size() / 2];
  if (sorted.size() % 2 == 0) median = (sorted[sorted.size() / 2 - 1] + median) / 2;

  nlohmann::json out = {
      {"tool", "dateline"},
      {"format", format},
      {"pages", pages.size()},
      {"bytes", bytes},
      {"repeat", repeat},
      {"best_s", best},
      {"median_s", median},
      {"pages_per_s", pages.size() / best},
      {"mb_per_s", bytes / 1e6 / best},
      {"errors", errors},
      {"text_bytes", text_bytes},
  };
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

// dateline: the command-line front end. Verbs as in CONTRACT.md.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string stages;  // empty: every stage that is built
  bool provenance = false;
  size_t max_page_mb = 256;
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
};

// Runs `dateline extract`: one JSON line per page on stdout. Returns the exit
// status: 0 if at least one page was read, 1 if none could be, 2 for usage.
int RunExtract(const ExtractArgs& args) {
  dateline::PipelineOptions popts;
  popts.stages = args.stages;
  std::unique_ptr<dateline::Pipeline> pipeline;
  dateline::Status s = dateline::Pipeline::Create(popts, &pipeline);
  if (!s.ok()) {
    std::fprintf(stderr, "dateline: %s\n", s.ToString().c_str());
    return 2;
  }
  dateline::ReadOptions ropts;
  ropts.max_page_bytes = args.max_page_mb << 20;
  auto reader = dateline::InputReader::Open(args.inputs, ropts);
  dateline::JsonOptions jopts;
  jopts.provenance = args.provenance;
  // Pages are read in order, cleaned in parallel in batches, and written in
  // input order. A batch is bounded in pages and bytes so memory stays flat.
  const size_t jobs = std::max<size_t>(1, args.jobs);
  const size_t kBatchPages = 32 * jobs;
  const size_t kBatchBytes = size_t{128} << 20;
  std::vector<dateline::Page> batch;
  std::vector<std::string> lines;
  std::vector<std::string> errors_text;
  size_t pages = 0, errors = 0;
  bool more = true;
  while (more) {
    batch.clear();
    size_t bytes = 0;
    dateline::Page page;
    while (batch.size() < kBatchPages && bytes < kBatchBytes &&
           (more = reader->Next(&page))) {
      bytes += page.content.size();
      batch.push_back(std::move(page));
    }
    if (batch.empty()) break;
    lines.assign(batch.size(), std::string());
    errors_text.assign(batch.size(), std::string());
    std::atomic<size_t> next{0};
    auto work = [&]() {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        dateline::Document doc = pipeline->Process(batch[i]);
        if (!doc.error.empty()) {
          // Reader errors already name the input.
          errors_text[i] = doc.error.find(doc.source) != std::string::npos
                               ? doc.error
                               : doc.source + ": " + doc.error;
        }
        lines[i] = dateline::ToJsonLine(doc, jopts);
        lines[i].push_back('\n');
        batch[i] = dateline::Page();  // free the page early
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < std::min(jobs, batch.size()); ++t) {
      threads.emplace_back(work);
    }
    work();
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      ++pages;
      if (!errors_text[i].empty()) {
        ++errors;
        std::fprintf(stderr, "dateline: %s\n", errors_text[i].c_str());
      }
      std::fwrite(lines[i].data(), 1, lines[i].size(), stdout);
    }
  }
  std::fflush(stdout);
  if (pages == 0) {
    std::fprintf(stderr, "dateline: no pages in the input\n");
    return 1;
  }
  return errors == pages ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dateline: news pages in, structured record out"};
  app.require_subcommand(1);

  ExtractArgs extract;
  CLI::App* ex = app.add_subcommand(
      "extract", "Print one JSON record per article (JSON Lines)");
  ex->add_option("INPUT", extract.inputs,
                 "Files, directories (walked) or - for stdin")
      ->required();
  ex->add_option("--stages", extract.stages,
                 "Stop after this stage: read, clean, segment, tag, resolve, "
                 "quotes "
                 "(default: all)");
  ex->add_flag("--provenance", extract.provenance,
               "Add source, format and the offset map back to the page");
  ex->add_option("-j,--jobs", extract.jobs,
                 "Pages cleaned in parallel (default: all cores); output "
                 "keeps input order");
  ex->add_option("--max-page-mb", extract.max_page_mb,
                 "Refuse pages larger than this (MiB)");

  // Verbs of CONTRACT.md that later stages build.
  for (const char* verb : {"ingest", "search", "events", "quotes", "entities",
                           "stories", "export", "serve"}) {
    CLI::App* sub = app.add_subcommand(verb, "(not built yet)");
    sub->allow_extras();
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (ex->parsed()) return RunExtract(extract);
  for (CLI::App* sub : app.get_subcommands()) {
    std::fprintf(stderr, "dateline %s: not built yet\n",
                 sub->get_name().c_str());
  }
  return 2;
}

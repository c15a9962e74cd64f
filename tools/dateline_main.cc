// dateline: the command-line front end. Verbs as in CONTRACT.md.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string stages = "clean";
  bool provenance = false;
  size_t max_page_mb = 256;
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
  dateline::Page page;
  size_t pages = 0, errors = 0;
  std::string line;
  while (reader->Next(&page)) {
    ++pages;
    dateline::Document doc = pipeline->Process(page);
    if (!doc.error.empty()) {
      ++errors;
      // Reader errors already name the input.
      if (doc.error.find(doc.source) != std::string::npos) {
        std::fprintf(stderr, "dateline: %s\n", doc.error.c_str());
      } else {
        std::fprintf(stderr, "dateline: %s: %s\n", doc.source.c_str(),
                     doc.error.c_str());
      }
    }
    line = dateline::ToJsonLine(doc, jopts);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
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
                 "Stop after this stage (read, clean)");
  ex->add_flag("--provenance", extract.provenance,
               "Add source, format and the offset map back to the page");
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

// petrarch_unit_eval: PETRARCH's unit-test records (PETR.UnitTest.records.xml,
// 284 stylised sentences about fictional actors) coded with the
// PETR.Validate.{verbs,actors,agents,discards}.txt dictionaries they were
// written for, loaded through EventCoder's PETRARCH readers.
//
// Each record's <Text> goes through dateline's own language layer (the
// Treebank <Parse> is never read) and the coder in PETRARCH mode. A record
// matches when its coded (source, target, code) triples equal the gold ones
// as multisets; "---" in the gold is no target. These dictionaries use
// WEIS-era codes (064, 224, ...) that are not CAMEO, so the coder runs with
// accept_any_code here (the one place it does). PETRARCH-2 matches 85 of
// the 284 and raises exceptions on 36.
//
//   build/petrarch_unit_eval [RECORDS] [--dictionaries DIR] [-v]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "dateline/pipeline.h"
#include "event_eval_util.h"
#include "events/event_coder.h"

namespace dateline {
namespace {

int Main(int argc, char** argv) {
  CLI::App app{"PETRARCH unit-test records with the PETR.Validate dictionaries"};
  std::string dir =
      std::string(DATELINE_SOURCE_DIR) + "/../shared/datasets/petrarch-validation";
  std::string path;
  bool verbose = false;
  app.add_option("path", path, "PETR.UnitTest.records.xml");
  app.add_option("--dictionaries", dir, "folder with PETR.Validate.*.txt");
  app.add_flag("-v,--verbose", verbose, "print every record's codings");
  CLI11_PARSE(app, argc, argv);
  if (path.empty()) path = dir + "/PETR.UnitTest.records.xml";

  std::vector<ValidationRecord> records;
  Status s = ReadValidationRecords(path, &records);
  std::unique_ptr<Pipeline> pipeline;
  if (s.ok()) s = Pipeline::Create(PipelineOptions{"resolve", ""}, &pipeline);
  EventCoderOptions options;
  options.petrarch_dir = dir;
  options.accept_any_code = true;
  std::unique_ptr<EventCoder> coder;
  if (s.ok()) {
    s = EventCoder::Create(std::string(DATELINE_SOURCE_DIR) + "/data", options,
                           &coder);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "petrarch_unit_eval: %s\n", s.ToString().c_str());
    return 1;
  }
  TripleScore exact;
  int matched = 0, errors = 0;
  for (const ValidationRecord& r : records) {
    Document doc = CodeText(*pipeline, r.text, r.date);
    if (!doc.error.empty()) ++errors;
    coder->Code(&doc);
    std::vector<Triple> pred;
    for (const Event& e : doc.events) {
      pred.push_back({e.source.code, e.has_target ? e.target.code : "---",
                      e.code});
    }
    int tp = exact.Add(r.gold, pred, false);
    bool same = tp == static_cast<int>(r.gold.size()) &&
                tp == static_cast<int>(pred.size());
    if (same) ++matched;
    if (verbose) {
      std::printf("%s %s %s\n  %s\n", same ? "OK  " : "MISS", r.id.c_str(),
                  r.category.c_str(), r.text.c_str());
      for (const Triple& g : r.gold)
        std::printf("  gold %s %s %s\n", g.code.c_str(), g.source.c_str(),
                    g.target.c_str());
      for (const Event& e : doc.events)
        std::printf("  ours %s %s %s   [%s]\n", e.code.c_str(),
                    e.source.code.c_str(),
                    e.has_target ? e.target.code.c_str() : "---",
                    e.evidence.c_str());
    }
  }
  std::printf("PETR.UnitTest.records: %zu records, %d gold codings, %d coded\n",
              records.size(), exact.gold, exact.pred);
  std::printf("  records matching exactly: %d of %zu (PETRARCH-2: 85, crashes "
              "on 36)\n",
              matched, records.size());
  std::printf("  triples P %.3f  R %.3f  (tp %d); records with an error: %d; "
              "crashes: 0\n",
              exact.Precision(), exact.Recall(), exact.tp, errors);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

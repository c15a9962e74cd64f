// Plain option structs for readers and the pipeline.
#ifndef DATELINE_OPTIONS_H_
#define DATELINE_OPTIONS_H_

#include <cstddef>
#include <string>
#include <utility>

namespace dateline {

struct ReadOptions {
  // Pages (after decompression) larger than this are refused with an error
  // record rather than read, so one huge file cannot exhaust memory.
  size_t max_page_bytes = size_t{256} << 20;
  // Walk directories recursively.
  bool recursive = true;
  // The outlet of pages whose input names none (`--outlet`): set as
  // PageMetadata::outlet with outlet_origin "option". Empty: none.
  std::string outlet;
};

struct PipelineOptions {
  PipelineOptions() = default;
  // PipelineOptions{"events", ""}: the stages and the data directory.
  PipelineOptions(std::string stages_in, std::string data_dir_in)
      : stages(std::move(stages_in)), data_dir(std::move(data_dir_in)) {}

  // The last stage to run: a prefix of the pipeline ("read", "clean",
  // "segment", "tag", "resolve"). Empty: every stage that is built.
  std::string stages;
  // Where the models and gazetteers are (data/ of the source tree): empty
  // means $DATELINE_DATA_DIR, else the data/ directory the build came from.
  std::string data_dir;
  // Events stage. A directory holding PETRARCH-format dictionaries
  // (PETR.Validate.{verbs,actors,agents,discards}.txt) to code with instead
  // of dateline's own; codes outside the CAMEO table are then dropped.
  std::string event_dictionaries;
  // Also emit events with no target, and violent events whose perpetrator
  // is not named (empty source code), as PLOVER allows. Off: dyadic events
  // only, as CAMEO and GDELT code them.
  bool events_without_target = false;
  bool events_without_source = false;
  // Also code match reports (off: teams named as countries are no events).
  bool code_sports_pages = false;
  // Clean stage, text pages: the cleaner's learnt line classifier. Empty or
  // "none": the rules alone (the default, for now: the model moves the
  // clean text the event gold set's offsets point into); "default":
  // models/clean_lines.model of the data directory; else a model's path.
  std::string clean_model;
  // Quotes stage. Also keep reported acts and stances (quotes whose
  // cue_class is "act": "refused to enroll her daughter", "has signed a
  // measure") in Document::quotes, as PolNeAR annotates them; off: only
  // statements (bench/polnear_eval turns it on to score against PolNeAR).
  bool quote_acts = false;
  // Parse stage: parse every sentence. Off (the default), while the clauses
  // stage runs, a sentence in which no clause can arise (no verb, copula,
  // pronoun or nominal predicate: syntax/parse_selection.h) is left
  // unparsed, its tokens with head -1 and relation "_": the clause layer,
  // quotes and events are the same either way. On when the tree itself is
  // read (`dateline extract --layers tokens,clauses`); a pipeline whose last
  // stage is parse parses every sentence anyway.
  bool full_parse = false;
};

}  // namespace dateline

#endif  // DATELINE_OPTIONS_H_

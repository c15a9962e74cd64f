// conll_eval: scores dateline's trained sequence taggers on CoNLL-2003.
//
// Named entities: exact-span micro precision, recall and F1 the way conlleval
// counts them (a chunk starts at B-X, or at I-X after O or another type), for
// all four types, per type, and for PER/ORG/LOC alone (MISC ignored, the
// figure OpenNLP's 83.75 is quoted in). Speed: tokens per second of the tagger
// alone on one thread (only the tagging loop is timed, best of --repeat runs).
// With --pos / --chunk models it also prints token accuracy of those.
//
//   build-ner/conll_eval                       # test (eng.testb)
//   build-ner/conll_eval --conllpp             # CoNLL++ corrected test
//   build-ner/conll_eval --data
//   ../shared/datasets/conll2003/eng.valid.iob2.txt.gz
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "entities/conll_corpus.h"
#include "entities/tagger_model.h"

namespace dateline {
namespace {

struct Loaded {
  std::vector<TaggerDocument> docs;  // word views
  std::vector<std::vector<std::vector<std::string>>>
      columns;  // [col][sentence]
};

void Print(const char* name, const SpanCounter::Counts& c) {
  std::printf("  %-14s P %6.2f  R %6.2f  F1 %6.2f   (tp %ld fp %ld fn %ld)\n",
              name, c.Precision(), c.Recall(), c.F1(), c.tp, c.fp, c.fn);
}

// Tags every document with `model` `repeat` times; returns the best tokens/s
// and leaves the tags of the last run in `pred`.
double TagAll(const SequenceTagger& model,
              const std::vector<TaggerDocument>& docs, int repeat,
              size_t tokens,
              std::vector<std::vector<std::vector<std::string>>>* pred) {
  double best = 0;
  std::vector<std::vector<std::vector<int>>> ids(docs.size());
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (size_t d = 0; d < docs.size(); ++d)
      model.TagDocumentIds(docs[d], &ids[d]);
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    best = std::max(best, tokens / secs);
  }
  pred->assign(docs.size(), {});
  for (size_t d = 0; d < docs.size(); ++d)
    for (const auto& s : ids[d]) {
      (*pred)[d].emplace_back();
      for (int id : s) (*pred)[d].back().push_back(model.external_labels()[id]);
    }
  return best;
}

int Main(int argc, char** argv) {
  const std::string shared = "../shared/datasets/conll2003/";
  std::string data = shared + "eng.test.iob2.txt.gz";
  std::string ner_path =
      std::string(DATELINE_SOURCE_DIR) + "/data/models/ner.model";
  std::string pos_path, chunk_path, predictions_path;
  bool conllpp = false;
  bool speed_only = false;
  int repeat = 5;
  CLI::App app{
      "Score dateline's taggers on CoNLL-2003 (run from the repository root)"};
  app.add_option("--data", data, "CoNLL file to score (default: eng.test)");
  app.add_flag("--conllpp", conllpp,
               "score the CoNLL++ corrected test file instead");
  app.add_option("--model", ner_path, "entity model");
  app.add_option("--pos", pos_path, "also score this POS model (column 2)");
  app.add_option("--chunk", chunk_path,
                 "also score this chunk model (column 3)");
  app.add_option("--predictions", predictions_path,
                 "write `word gold predicted` lines (conlleval input)");
  app.add_option("--repeat", repeat, "timing runs (best is reported)");
  app.add_flag("--speed-only", speed_only,
               "only time the entity tagger; print `tokens_per_s: N`");
  CLI11_PARSE(app, argc, argv);
  if (conllpp) data = shared + "conllpp.test.iob2.txt.gz";

  ConllCorpus corpus;
  Status st = ReadConllFile(data, &corpus);
  if (!st.ok()) {
    std::fprintf(stderr, "conll_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  const size_t tokens = corpus.TokenCount();
  std::vector<TaggerDocument> docs;
  for (const auto& d : corpus.documents) {
    docs.emplace_back();
    for (const auto& s : d.sentences) {
      docs.back().emplace_back();
      for (const auto& t : s) docs.back().back().push_back(t.word);
    }
  }
  auto gold = [&](size_t d, size_t s, int column) {
    std::vector<std::string> out;
    for (const auto& t : corpus.documents[d].sentences[s])
      out.push_back(column < static_cast<int>(t.columns.size())
                        ? t.columns[column]
                        : "O");
    return out;
  };
  std::printf("data: %s (%zu documents, %zu tokens)\n", data.c_str(),
              corpus.documents.size(), tokens);

  SequenceTagger ner;
  st = ner.Load(ner_path);
  if (!st.ok()) {
    std::fprintf(stderr, "conll_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  std::vector<std::vector<std::vector<std::string>>> pred;
  double tps = TagAll(ner, docs, repeat, tokens, &pred);
  if (speed_only) {
    std::printf("tokens_per_s: %.0f\n", tps);
    return 0;
  }
  SpanCounter counter;
  for (size_t d = 0; d < docs.size(); ++d)
    for (size_t s = 0; s < docs[d].size(); ++s)
      counter.Add(gold(d, s, 2), pred[d][s]);
  std::printf("entities: %s (%zu features)\n", ner_path.c_str(),
              ner.feature_count());
  Print("ALL (4 types)", counter.All());
  for (const auto& t : counter.Types()) Print(t.c_str(), counter.Type(t));
  Print("PER/ORG/LOC", counter.All({"MISC"}));
  if (!predictions_path.empty()) {
    std::FILE* f = std::fopen(predictions_path.c_str(), "w");
    if (f == nullptr) {
      std::fprintf(stderr, "conll_eval: cannot write %s\n",
                   predictions_path.c_str());
      return 1;
    }
    for (size_t d = 0; d < docs.size(); ++d) {
      for (size_t s = 0; s < docs[d].size(); ++s) {
        const auto g = gold(d, s, 2);
        for (size_t i = 0; i < docs[d][s].size(); ++i)
          std::fprintf(f, "%s %s %s\n", std::string(docs[d][s][i]).c_str(),
                       g[i].c_str(), pred[d][s][i].c_str());
        std::fputc('\n', f);
      }
    }
    std::fclose(f);
  }
  std::printf("  speed: %.0f tokens/s (one thread, tagging only, best of %d)\n",
              tps, repeat);

  for (auto [path, column, name] :
       {std::tuple<std::string, int, const char*>{pos_path, 0, "pos"},
        std::tuple<std::string, int, const char*>{chunk_path, 1, "chunk"}}) {
    if (path.empty()) continue;
    SequenceTagger model;
    st = model.Load(path);
    if (!st.ok()) {
      std::fprintf(stderr, "conll_eval: %s\n", st.ToString().c_str());
      return 1;
    }
    tps = TagAll(model, docs, repeat, tokens, &pred);
    SpanCounter c;
    for (size_t d = 0; d < docs.size(); ++d)
      for (size_t s = 0; s < docs[d].size(); ++s)
        c.Add(gold(d, s, column), pred[d][s]);
    std::printf("%s: %s  token accuracy %.2f  (%.0f tokens/s)\n", name,
                path.c_str(), c.TokenAccuracy(), tps);
    if (column == 1) Print("chunk spans", c.All());
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

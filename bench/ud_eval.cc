// ud_eval: scores dateline's dependency parser on a CoNLL-U treebank with
// gold tokens and the project's own predicted tags, as the CoNLL 2018 shared
// task counts: every word, punctuation included; LAS on universal relations.
//
//   build/ud_eval                      # UD English-EWT test
//   build/ud_eval --data ../shared/datasets/ud-english/en_gum-ud-dev.conllu.gz
//   taskset -c 1 build/ud_eval --speed  # also parser tokens/s, one thread
//   build/ud_eval --beam 4               # parse with another beam width
//
// Prints "UAS x LAS y", the full-label LAS (subtypes compared too), LAS F1 of
// nsubj, obj, obl, ccomp and conj, and the tagger's agreement with XPOS.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "entities/tagger_model.h"
#include "syntax/parser_corpus.h"

namespace dateline {
namespace {

// Prints the `n` most frequent tagging errors: the tag before (the
// treebank's), the predicted tag and the treebank's, with a count and an
// example word.
void PrintTagConfusions(const std::vector<ParserExample>& predicted,
                        const std::vector<ParserExample>& gold, size_t n) {
  std::map<std::string, std::pair<long, std::string>> counts;
  long errors = 0;
  for (size_t i = 0; i < predicted.size(); ++i) {
    const ParserExample& p = predicted[i];
    const ParserExample& g = gold[i];
    for (size_t k = 0; k < p.tags.size() && k < g.tags.size(); ++k) {
      if (p.tags[k] == g.tags[k]) continue;
      ++errors;
      std::string key = (k == 0 ? std::string("<s>") : g.tags[k - 1]) + " " +
                        p.tags[k] + " " + g.tags[k];
      auto& [count, example] = counts[key];
      if (count++ == 0) example = p.words[k];
    }
  }
  std::vector<std::pair<long, std::string>> order;
  for (const auto& [key, v] : counts) order.push_back({v.first, key});
  std::sort(order.rbegin(), order.rend());
  std::printf("tagging errors: %ld; the most frequent (tag before, "
              "predicted, treebank's):\n", errors);
  for (size_t i = 0; i < order.size() && i < n; ++i) {
    std::printf("  %6ld  %-24s e.g. %s\n", order[i].first,
                order[i].second.c_str(), counts[order[i].second].second.c_str());
  }
}

int Main(int argc, char** argv) {
  std::string data =
      "../shared/datasets/ud-english/en_ewt-ud-test.conllu.gz";
  std::string model_path = std::string(DATELINE_SOURCE_DIR) + "/data/models/parser.model";
  std::string pos_path = std::string(DATELINE_SOURCE_DIR) + "/data/models/pos.model";
  bool speed = false;
  bool gold_tags = false;
  int repeat = 3;
  CLI::App app{"Score dateline's dependency parser on a CoNLL-U treebank"};
  app.add_option("--data", data, "CoNLL-U file (.gz ok)");
  app.add_option("--model", model_path, "parser model");
  app.add_option("--pos", pos_path, "part-of-speech model (the tags it reads)");
  app.add_flag("--speed", speed, "also time the parser alone (best of --repeat)");
  app.add_option("--repeat", repeat, "timed passes with --speed");
  app.add_flag("--gold-tags", gold_tags,
               "parse with the treebank's own tags instead (not the metric: "
               "an upper bound of what better tagging would give)");
  int beam = 0;
  float prune = 0;
  app.add_option("--prune", prune,
                 "drop the model's weights below this before parsing (to "
                 "measure what a pruned model would do)");
  int confusions = 0;
  bool repair = false;
  app.add_flag("--tag-repair", repair,
               "apply the tag stage's repair first (a participle as "
               "the finite verb: syntax/tag_repair.h), as the pipeline does");
  app.add_option("--tag-confusions", confusions,
                 "also print the N most frequent tagging errors (predicted "
                 "tag, the treebank's, by the treebank's tag before)");
  app.add_option("--beam", beam,
                 "decode with this beam width instead of the model's own");
  CLI11_PARSE(app, argc, argv);

  SequenceTagger pos;
  DependencyParser parser;
  Status st = pos.Load(pos_path);
  if (st.ok()) st = parser.Load(model_path);
  if (st.ok() && beam > 0) parser.set_beam(beam);
  if (st.ok() && prune > 0) parser.Prune(prune);
  std::vector<ParserExample> examples;
  double tag_acc = 0;
  if (st.ok()) st = LoadParserExamples(data, pos, &examples, &tag_acc, gold_tags);
  if (!st.ok()) {
    std::fprintf(stderr, "ud_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  AttachmentCounter c;
  ScoreParser(parser, examples, &c, repair);
  std::printf("%s: %zu sentences, %ld words; predicted tags = XPOS on %.2f%%\n",
              data.c_str(), examples.size(), c.words(), tag_acc);
  std::printf("UAS %.2f LAS %.2f\n", c.Uas(), c.Las());
  std::printf("full-label LAS %.2f\n", c.FullLas());
  for (const char* rel : {"nsubj", "obj", "obl", "ccomp", "conj"}) {
    const AttachmentCounter::Counts k = c.Relation(rel);
    std::printf("  %-6s LAS F1 %6.2f  (gold %ld, predicted %ld, correct %ld)\n",
                rel, c.RelationF1(rel), k.gold, k.predicted, k.correct);
  }
  if (confusions > 0) {
    std::vector<ParserExample> gold;
    st = LoadParserExamples(data, pos, &gold, nullptr, true);
    if (!st.ok() || gold.size() != examples.size()) {
      std::fprintf(stderr, "ud_eval: %s\n", st.ToString().c_str());
      return 1;
    }
    PrintTagConfusions(examples, gold, static_cast<size_t>(confusions));
  }
  if (speed) {
    std::vector<std::vector<std::string_view>> words, tags;
    long tokens = 0;
    for (const ParserExample& ex : examples) {
      words.emplace_back(ex.words.begin(), ex.words.end());
      tags.emplace_back(ex.tags.begin(), ex.tags.end());
      tokens += ex.words.size();
    }
    double best = 0, best_cpu = 0;
    DependencyTree tree;
    for (int r = 0; r < repeat; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const std::clock_t c0 = std::clock();
      for (size_t i = 0; i < words.size(); ++i)
        parser.Parse(words[i], tags[i], &tree);
      const double secs = std::chrono::duration<double>(
                              std::chrono::steady_clock::now() - t0)
                              .count();
      const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      if (secs > 0) best = std::max(best, tokens / secs);
      if (cpu > 0) best_cpu = std::max(best_cpu, tokens / cpu);
    }
    std::printf("parser speed: %.0f tokens/s (one thread, best of %d)\n", best,
                repeat);
    // On a shared machine the wall clock counts the time other processes
    // had the core; the process's CPU time does not.
    std::printf("parser speed by CPU time: %.0f tokens/s\n", best_cpu);
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

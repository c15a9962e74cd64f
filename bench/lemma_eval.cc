// Accuracy of the clause layer's lemmas (ClauseLemma, what event patterns
// and quote cues are keyed by) against a UD treebank's gold lemmas, for the
// words a clause can be headed by: verbs (UPOS VERB and AUX) and nouns
// (NOUN). The treebank's own XPOS tags are given, so the figure is the
// lemmatizer's alone. Lower-cased on both sides.
//
//   lemma_eval [--data FILE.conllu[.gz]] [--model FILE | --rules] [--show N]
//
// Default data: EWT dev (../shared/datasets/ud-english); default model:
// data/models/lemmas.model (--rules: ClauseLemma's own rules instead).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "base/system_words.h"
#include "syntax/clauses.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"

namespace dateline {
namespace {

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int Main(int argc, char** argv) {
  CLI::App app{"clause lemmas against a UD treebank's gold lemmas"};
  std::string data = std::string(DATELINE_SOURCE_DIR) +
                     "/../shared/datasets/ud-english/en_ewt-ud-dev.conllu.gz";
  int show = 0;
  std::string model = std::string(DATELINE_SOURCE_DIR) + "/data/models/lemmas.model";
  bool rules = false;
  app.add_option("--data", data, "CoNLL-U file (plain or .gz)");
  app.add_option("--model", model, "lemma table (train_lemmas)");
  app.add_flag("--rules", rules, "score ClauseLemma's own rules, no table");
  bool no_words = false;
  app.add_flag("--no-word-list", no_words,
               "the table's rules alone, not checked against the system word "
               "list (as the pipeline does)");
  app.add_option("--show", show, "print the N most frequent errors");
  CLI11_PARSE(app, argc, argv);
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(data, &sentences);
  if (!s.ok()) {
    std::fprintf(stderr, "lemma_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  Lemmatizer lemmatizer;
  if (!rules) {
    s = lemmatizer.Load(model);
    if (!s.ok()) {
      std::fprintf(stderr, "lemma_eval: %s\n", s.ToString().c_str());
      return 2;
    }
    if (!no_words) lemmatizer.set_known_words(&SystemWords());
  }
  struct Count {
    long all = 0, right = 0;
  };
  std::map<std::string, Count> by_class;
  std::map<std::string, long> errors;  // "form/XPOS -> ours (gold)"
  for (const ConlluSentence& sent : sentences) {
    for (const ConlluWord& w : sent.words) {
      std::string cls;
      if (w.upos == "VERB" || w.upos == "AUX") cls = "verb";
      if (w.upos == "NOUN") cls = "noun";
      if (cls.empty() || w.lemma == "_") continue;
      const std::string ours = ClauseLemma(w.form, w.xpos, rules ? nullptr : &lemmatizer);
      const std::string gold = Lower(w.lemma);
      Count& c = by_class[cls];
      ++c.all;
      if (ours == gold) {
        ++c.right;
      } else {
        ++errors[Lower(w.form) + "/" + w.xpos + " -> " + ours + " (" + gold +
                 ")"];
      }
    }
  }
  long all = 0, right = 0;
  for (const auto& [cls, c] : by_class) {
    std::printf("%s: %.2f%% (%ld of %ld)\n", cls.c_str(),
                c.all ? 100.0 * c.right / c.all : 0.0, c.right, c.all);
    all += c.all;
    right += c.right;
  }
  std::printf("lemma accuracy %.2f%% (%ld of %ld verbs and nouns)\n",
              all ? 100.0 * right / all : 0.0, right, all);
  if (show > 0) {
    std::vector<std::pair<long, std::string>> top;
    for (const auto& [e, n] : errors) top.push_back({-n, e});
    std::sort(top.begin(), top.end());
    for (int i = 0; i < show && i < static_cast<int>(top.size()); ++i) {
      std::printf("%5ld  %s\n", -top[i].first, top[i].second.c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// A learnt lemmatizer for verbs and plural nouns: suffix rules ("-osed" ->
// "-ose", "-ies" -> "-y") and the forms the rules get wrong ("people"),
// counted from a treebank's gold lemmas by Lemmatizer::Train (tools/
// train_lemmas_main.cc writes data/models/lemmas.model from UD English-EWT
// train). The clause layer's ClauseLemma uses it when the pipeline has
// loaded one, and its own suffix rules otherwise.
//
// Immutable after loading: Lemma() is safe to call from several threads.
#ifndef DATELINE_SYNTAX_LEMMATIZER_H_
#define DATELINE_SYNTAX_LEMMATIZER_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/system_words.h"
#include "dateline/status.h"
#include "syntax/conllu.h"

namespace dateline {

class Lemmatizer {
 public:
  // The word classes a lemma is learnt for, by Penn tag: 'V' verbs (VB*,
  // MD), 'N' plural nouns (NNS, NNPS); 0 for any other tag (its lemma is
  // the word).
  static char ClassOf(std::string_view tag);

  // Returns the lower-case lemma of `word` with Penn `tag`: a listed form's
  // lemma, else the rule of the longest suffix it ends with (leaving at
  // least two letters), else the word. With known words set, a rule's
  // lemma that is no known word gives way to the first of the word's
  // LemmaCandidates that is one ("resumed": the "-med" rule's "resum" is
  // no word, "resume" is). "" when the tag's class is not learnt (the
  // caller decides).
  std::string Lemma(std::string_view word, std::string_view tag) const;

  // The words a lemma may be checked against (lower case; the pipeline
  // gives SystemWords()); null or empty: the rules alone. Not owned; must
  // outlive the lemmatizer. Set before use.
  void set_known_words(const WordList* words) {
    known_ = words;
  }

  // Learns from gold sentences (form, XPOS, lemma): every suffix of 1-6
  // letters of a form takes the change (letters cut, letters added) most
  // frequent among the forms of its class ending in it, kept when at least
  // `min_count` forms show it; a form whose lemma the rules then get wrong
  // is listed. Deterministic.
  static Lemmatizer Train(const std::vector<ConlluSentence>& sentences,
                          int min_count = 2);

  // Text file: '#' lines (the provenance `header`), then "rule\tCLASS\t
  // SUFFIX\tCUT\tADD" and "form\tCLASS\tFORM\tLEMMA" lines.
  std::string Serialize(const std::string& header) const;
  // Reads a file written by Serialize; IOError when it cannot be read,
  // Corruption naming the line when a line is neither a rule nor a form.
  Status Load(const std::string& path);
  // As Load, from the file's bytes (`name` is used in errors).
  Status Parse(std::string_view data, const std::string& name);

  size_t rules() const { return rules_.size(); }
  size_t forms() const { return forms_.size(); }

 private:
  struct Change {
    int cut = 0;
    std::string add;
  };
  std::string ByRules(const std::string& lower, char cls) const;
  // Keys are CLASS + suffix (or form).
  std::unordered_map<std::string, Change> rules_;
  std::unordered_map<std::string, std::string> forms_;
  const WordList* known_ = nullptr;
};

}  // namespace dateline

#endif  // DATELINE_SYNTAX_LEMMATIZER_H_

// CoNLL-U treebanks (Universal Dependencies): the words of each sentence with
// their gold tags, heads and relations. Multi-word token lines ("3-4") and
// empty nodes ("5.1") are skipped, so a sentence is its syntactic words, as
// the CoNLL 2018 evaluation counts them. Used by the parser's trainer and
// evaluator; the treebanks stay in ../shared/datasets/ud-english.
#ifndef DATELINE_SYNTAX_CONLLU_H_
#define DATELINE_SYNTAX_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = 0;        // 1-based; 0 is the root
  std::string deprel;  // full relation, with subtype ("nsubj:pass")
  bool space_after = true;
};

struct ConlluSentence {
  std::string id;  // "# sent_id = ..." when given
  std::vector<ConlluWord> words;
};

// Parses CoNLL-U text (`name` is used in errors). Returns Corruption naming
// the line when a word line has fewer than 10 columns, an ID or HEAD that is
// not a number, or a head outside its sentence.
Status ParseConllu(std::string_view text, const std::string& name,
                   std::vector<ConlluSentence>* sentences);

// Reads a plain or gzip'd CoNLL-U file. Returns IOError when it cannot be
// read, else as ParseConllu.
Status ReadConlluFile(const std::string& path,
                      std::vector<ConlluSentence>* sentences);

// Attachment scores as the CoNLL 2018 shared task counts them: every word,
// punctuation included; LAS compares the universal part of the relation
// ("nsubj" for "nsubj:pass"), and full-label LAS the whole of it.
class AttachmentCounter {
 public:
  struct Counts {
    long gold = 0, predicted = 0, correct = 0;  // per relation: LAS counts
  };
  // Adds one sentence: gold and predicted heads (1-based, 0 = root) and
  // relations, the same length.
  void Add(const std::vector<int>& gold_heads,
           const std::vector<std::string>& gold_labels,
           const std::vector<int>& heads,
           const std::vector<std::string>& labels);
  long words() const { return words_; }
  double Uas() const { return words_ ? 100.0 * uas_ / words_ : 0; }
  double Las() const { return words_ ? 100.0 * las_ / words_ : 0; }
  double FullLas() const { return words_ ? 100.0 * full_las_ / words_ : 0; }
  // LAS F1 of one universal relation (gold and predicted words with it).
  double RelationF1(const std::string& relation) const;
  Counts Relation(const std::string& relation) const;

 private:
  long words_ = 0, uas_ = 0, las_ = 0, full_las_ = 0;
  std::vector<std::pair<std::string, Counts>> relations_;
  Counts* Find(const std::string& relation);
};

// Returns the universal part of a relation: "nsubj:pass" -> "nsubj".
std::string UniversalRelation(const std::string& label);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_CONLLU_H_

// QuoteExtractor: finds quotations and reported statements in a document and
// who made them (the quotes stage). It reads the language layer the earlier
// stages wrote (text, tokens, sentences, part-of-speech tags, chunks,
// mentions, entities) and fills Document::quotes; it changes nothing else.
//
// Direct quotations are found from the quotation marks themselves (straight
// and curly, nested single quotes inside double ones, quotes running over
// several paragraphs, quotes interrupted by their attribution); marks that
// are inches (6'2"), apostrophes (rock 'n' roll, '90s) or never closed give
// nothing. Reported speech is found from the cue lexicons in data/quotes/
// ("said", "told", "according to", ...; see data/quotes/README.md) and the
// clause around the cue; the speaker is the subject (or inverted subject, or
// the agent of a passive) of the cue, found by a walk over the chunks and,
// where the walk finds none, the agent of the cue's clause in the clause
// layer (Document::clauses), resolved to an entity: a named person
// or organisation, a title ("the spokesman") through the entities' roles, a
// pronoun to the last person mentioned before it. Each quote says what its
// cue reports (Quote::cue_class: speech, belief, act, evidence). A reported
// content ends before another clause inside it (the clause the cue's clause
// hangs on, a predicate coordinated with the cue, a conjunct with its own
// speaker and verb of saying), and the words given back are looked at again
// for cues: one attribution's content never holds another's cue.
//
// When data/models/quote_cues.model is present, a learnt cue detector
// (src/quotes/cue_model.h) adds verbs the lexicons miss as cues.
// When data/models/quotes.model is present, a learnt model then moves
// the first and last words of each reported (indirect) content
// (src/quotes/quote_model.h), told by the clause layer where the cue's
// complement and agent begin and end.
//
// What is no statement leaves the output: reported acts and stances (cue
// class "act", kept only with SetKeepActs) and negated verbs of responding
// ("has not responded", "Neither DHS nor ICE have responded", "declined to
// comment"), which the clause layer (Document::clauses) marks negated.
//
// Built once by Create; Extract is const and thread-safe.
#ifndef DATELINE_QUOTES_QUOTE_EXTRACTOR_H_
#define DATELINE_QUOTES_QUOTE_EXTRACTOR_H_

#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "quotes/cue_model.h"
#include "quotes/quote_model.h"

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

class QuoteExtractor {
 public:
  // How a cue word introduces what was said (see data/quotes/cues.tsv).
  enum class CueClass {
    kSpeech,
    kObject,
    kBelief,
    kAct,
    kEvidence,
    kAccording,
    kNone,  // never a cue (listed so the generated lexicon cannot add it)
  };

  // Loads data_dir/quotes/cues.tsv and, when present, the supplementary
  // data/quotes/cues_polnear.tsv (tools/build_cues_main.cc; its forms never
  // override the hand-written ones) and the content boundary model
  // data_dir/models/quotes.model. Returns NotFound when cues.tsv is
  // missing and Corruption when a line has no class or an unknown one, or
  // when the model is malformed.
  static Status Create(const std::string& data_dir,
                       std::unique_ptr<QuoteExtractor>* out);

  // Builds an extractor from the text of a cue lexicon (for tests). Returns
  // Corruption as Create does.
  static Status FromLexicon(std::string_view lexicon,
                            std::unique_ptr<QuoteExtractor>* out);

  // Fills doc->quotes (cleared first) from doc->text and its language layer.
  // Works with whatever layers are present: without tags every cue word
  // counts as a verb; without entities speakers have names but no ids.
  void Extract(Document* doc) const;

  // Replaces the content boundary model (nullptr: the rules' bounds only,
  // as the trainer needs them).
  void SetContentModel(std::shared_ptr<const QuoteModel> model) {
    content_model_ = std::move(model);
  }

  // Keeps reported acts and stances (an indirect quote whose cue_class is
  // "act": "refused to enroll her daughter", "has signed a measure",
  // "denied the claims") in Document::quotes. Off by default: they are not
  // statements; PolNeAR annotates them as attributions, so its scorer
  // (bench/polnear_eval) turns this on (PipelineOptions::quote_acts).
  void SetKeepActs(bool keep) { keep_acts_ = keep; }

  // Replaces the cue detector (nullptr: the lexicons' cues only).
  void SetCueModel(std::shared_ptr<const CueModel> model) {
    cue_model_ = std::move(model);
  }

  // Returns true when token i of doc is one the cue detector is asked about:
  // a verb (by doc.pos) that no lexicon lists, not an auxiliary.
  bool CueCandidate(const Document& doc, int i) const;
  // The same for a noun before "of", "about", "for", "on", "to", "over",
  // "against", "with" or a complementizer "that" ("criticism of",
  // "questions about", "the claim that"): a nominal cue whose content is
  // the noun phrase or clause after it.
  static bool NounCueCandidate(const Document& doc, int i);

 private:
  QuoteExtractor() = default;

  std::unordered_map<std::string, CueClass> cues_;  // one-word forms
  std::unordered_map<std::string, CueClass> phrases_;  // "according to"
  std::shared_ptr<const QuoteModel> content_model_;
  std::shared_ptr<const CueModel> cue_model_;
  // Lemmas of verbs whose negation says that nothing was said ("has not
  // responded", "declined to comment"): data/quotes/non_statements.tsv.
  std::unordered_set<std::string> non_statements_;
  bool keep_acts_ = false;

  // Drops from doc->quotes what is no statement: acts (unless keep_acts_)
  // and negated non-statements, read from the clause layer.
  void DropNonStatements(Document* doc) const;
};

}  // namespace dateline

#endif  // DATELINE_QUOTES_QUOTE_EXTRACTOR_H_

// ClausePatterns: CAMEO verb patterns over the clause layer, and the matcher.
//
// A pattern is keyed by a predicate lemma and kind (verb, noun, or an
// adjective after "be"), asks for arguments by role and preposition
// ("patient=invitation|invite", "obl:of", "comp=visit"), and says where the
// target is ("patient|obl:with", "patient.agent": the agent or possessor of
// the noun that is the patient). Our file data/events/patterns.tsv is read
// first; the verb-and-phrase patterns of data/events/verbs.tsv and
// PETRARCH verb dictionaries (EventPattern) are mapped onto the same form
// (FromEventPattern), so one matcher serves all three.
//
// Immutable after loading; Match is const and thread-safe.
#ifndef DATELINE_EVENTS_CLAUSE_PATTERNS_H_
#define DATELINE_EVENTS_CLAUSE_PATTERNS_H_

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "events/event_coder.h"
#include "syntax/noun_frames.h"

namespace dateline {

// One argument a pattern asks for.
struct ArgRequirement {
  // "agent", "patient", "recipient", "oblique", "complement", "attribute",
  // or "any" (a preposition word: an oblique with it, a particle, or for
  // "to" a complement clause; a content word: any argument holding it);
  // "modal" (the clause's modality is one of `words`) or "aux" (one of
  // `words` is among the three tokens before the predicate: "must").
  std::string role;
  std::string preposition;         // obliques: "" = any
  std::vector<std::string> words;  // one of these in the phrase ("" = any)
};

// Where the target is: a role (with a preposition for obliques), the agent
// or possessor of the noun that fills the role ("patient.agent"), the
// subject of the complement clause ("comp": "demanded that Hamas
// renounce"), or the country of the event's place ("location").
struct TargetSlot {
  std::string role;
  std::string preposition;
  bool of_noun = false;  // "patient.agent"
  // Named by the pattern itself (a patterns.tsv target, a verbs.tsv
  // "prep="), not one of the mapped rows' fallback prepositions: it may be
  // looked for inside the patient too ("imposed tariffs on Chinese goods").
  bool named = false;
};

struct ClausePattern {
  std::string code;
  std::string lemma;  // "*": any predicate (with a "modal" requirement)
  std::string kind = "verb";  // "verb", "noun" or "adj"
  std::vector<ArgRequirement> needs;
  std::vector<TargetSlot> targets;  // tried in order
  bool sym = false, solo = false, reporter = false, nopassive = false;
  bool swap = false;  // source and target swap ("receive X from Y")
  // A stated stance: "would insist Japan open its markets" is the demand
  // itself, so a future modality does not make it hypothetical.
  bool stance = false;
  // A residual statement ("told parliament", 010): coded only when no other
  // event comes from its sentence, and never to the media.
  bool residual = false;
  std::string intent_code, neg_code, reverse_code;
  // The code when source and target are political actors of one country
  // (flag verbal=CODE): "the Tories attacked Labour" is criticism (111).
  std::string verbal_code;
  // The code when the source is a crowd or civil society (flag crowd=CODE):
  // "students protested against the lecture" is a protest (140).
  std::string crowd_code;
  // Set when the pattern asks for a modality ("X said Y must go"): the
  // modality is the act's content, not a doubt about the act, so the code
  // is neither hypothetical nor bent by it.
  bool modal = false;
  int specificity = 0;  // the most specific match wins
  std::string origin;   // "patterns.tsv:12", "verbs.tsv:40"
};

class ClausePatterns {
 public:
  // Reads data/events/patterns.tsv (format in its header). Returns IOError
  // when it cannot be read, Corruption naming bad lines (good ones kept).
  Status LoadFile(const std::string& path);
  // Adds verbs.tsv or PETRARCH patterns, mapped onto clause patterns.
  void AddEventPatterns(const std::vector<EventPattern>& patterns,
                        const std::string& origin);
  // Adds a noun pattern per event noun of the clause layer's frame table
  // (data/syntax/noun_frames.tsv): its code, or for a row without one the
  // code of its verb's plain pattern (loaded so far, else one of `verbs`);
  // its target the party after one of its patient prepositions, in order.
  // Call after LoadFile and before AddEventPatterns.
  void AddNounFrames(const NounFrames& frames,
                     const std::vector<EventPattern>& verbs);
  // Builds the lemma index; call after the loads.
  void Finish();

  // Returns the most specific pattern matching clause `c` of doc (ties:
  // the first loaded), or null.
  const ClausePattern* Match(const Document& doc, int c) const;

  // Returns the most specific noun pattern for the noun at token `noun`
  // (or the compound it ends: "hunger strike") whose requirements clause
  // `c` meets: the event a light verb's object names ("staged a hunger
  // strike"). Null when none.
  const ClausePattern* MatchNoun(const Document& doc, int c,
                                 uint32_t noun) const;

  size_t size() const { return patterns_.size(); }
  const std::vector<ClausePattern>& patterns() const { return patterns_; }

 private:
  bool Satisfies(const Document& doc, const Clause& c,
                 const ArgRequirement& r) const;
  std::vector<ClausePattern> patterns_;
  std::unordered_map<std::string, std::vector<size_t>> index_;  // kind:lemma
};

// Maps one verbs.tsv / PETRARCH pattern onto a clause pattern.
ClausePattern FromEventPattern(const EventPattern& p);

// Returns whether a lower-cased word is a preposition a pattern may name.
bool IsPatternPreposition(const std::string& w);

// Returns the tokens [b, e) of doc whose bytes lie inside `span` (the
// pattern matcher and the clause coder both map argument spans to tokens).
std::pair<size_t, size_t> TokensIn(const Document& doc, const Span& span);

}  // namespace dateline

#endif  // DATELINE_EVENTS_CLAUSE_PATTERNS_H_

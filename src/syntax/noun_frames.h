// NounFrames: the event nouns the clause layer makes predicates of, and how
// each names its parties, read from data/syntax/noun_frames.tsv.
//
// A frame says which dependents of the noun give its doer (a possessor
// "Syria's involvement", a name or country adjective before it "US
// objections", a "by" phrase "the arrest of X by Y"), which prepositions
// mark the party it is done to ("criticism of", "objection to", "talks
// with", "trust in"), and the CAMEO code it gives (or the verb whose
// pattern gives it: "praise" -> praise). A few rows are not events but
// nouns that negate the frame in their "of" phrase ("a lack of trust in").
//
// Immutable after loading; Find is const and thread-safe.
#ifndef DATELINE_SYNTAX_NOUN_FRAMES_H_
#define DATELINE_SYNTAX_NOUN_FRAMES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct NounFrame {
  std::string noun;  // lower-case lemma ("talk" for "talks")
  std::string verb;  // the verb the noun names, "" when none
  // Where the doer comes from.
  bool agent_poss = false;  // nmod:poss ("Syria's", "his")
  bool agent_mod = false;   // a name or capitalised adjective before it
  bool agent_by = false;    // an nmod with "by"
  // Prepositions of the party the act is done to or is about, in the
  // order a target is looked for ("of", "against", "between" ...).
  std::vector<std::string> patient;
  std::string code;   // CAMEO code, "" when the verb's pattern gives it
  std::string flags;  // patterns.tsv flags: sym, solo, neg=CODE, verbal=CODE
  // The noun is a predicate only with one of its patient prepositions
  // ("opposition to X": "the opposition" alone is a party, not an act).
  bool bound = false;
  // Not an event: a frame in this noun's "of" phrase is negated ("a lack
  // of trust in", "the absence of support for").
  bool negates = false;
  int line = 0;
};

class NounFrames {
 public:
  // Reads the table (format in its header). Returns IOError when it cannot
  // be read, Corruption naming bad lines (good ones kept).
  Status LoadFile(const std::string& path);

  // Returns the frame of a noun lemma, or null.
  const NounFrame* Find(std::string_view lemma) const;
  // Returns whether `lemma` negates the frame of its "of" phrase.
  bool Negates(std::string_view lemma) const;

  const std::vector<NounFrame>& frames() const { return frames_; }

 private:
  std::vector<NounFrame> frames_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace dateline

#endif  // DATELINE_SYNTAX_NOUN_FRAMES_H_

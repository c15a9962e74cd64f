// The abbreviations the tokenizer keeps their period on and the sentence
// splitter does not end sentences at. The list is the project's own, written
// for English news prose; see abbreviations.cc. Thread-safe (constant data).
#ifndef DATELINE_TEXT_ABBREVIATIONS_H_
#define DATELINE_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace dateline {

enum class AbbreviationKind {
  kNone,
  // Precedes a name or number and never ends a sentence: Mr., Gen., Sen.
  kTitle,
  // Precedes a number only ("No. 1"); the tokenizer keeps its period only
  // when a digit follows.
  kBeforeNumber,
  // Can end a sentence: U.S., Inc., Co., etc., a.m., Sept. The splitter ends
  // the sentence after one only before a clear sentence starter.
  kCanEndSentence,
};

// Returns the kind of `word`, written without its final period ("Mr",
// "U.S", "etc"). Case-sensitive: "No" is an abbreviation, "no" is not.
AbbreviationKind LookupAbbreviation(std::string_view word);

// Returns true if `word` is one that clearly starts a sentence after a
// sentence-final abbreviation ("The", "He", "But", ...).
bool IsSentenceStarter(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_TEXT_ABBREVIATIONS_H_

// Candidate base forms of an English word form by suffix rules and a table
// of irregular verbs, with no model: the clause layer's fallback lemma and
// the event coder's pattern lookups (a word is looked up under each
// candidate) both read it.
#ifndef DATELINE_SYNTAX_LEMMA_CANDIDATES_H_
#define DATELINE_SYNTAX_LEMMA_CANDIDATES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Returns the candidate base forms of an English word form ("accused" ->
// "accused", "accuse", "accus"; "met" -> "meet"), lower-cased, the word itself
// first.
std::vector<std::string> LemmaCandidates(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_LEMMA_CANDIDATES_H_

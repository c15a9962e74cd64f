// Which sentences the parse stage has to parse when no one reads the tree
// itself, only the clause layer built from it (issue 12: the pipeline's
// speed).
//
// The clause layer (syntax/clauses.h) makes a clause of a verb, of a word
// with a copula ("is", "was") below it, or of an event noun with an argument
// ("talks with", "US criticism", "Iran's attack"); the quotes and events
// stages read the tree only through clauses and the relations of their
// predicates' tokens (and of the token right after one). A sentence in which
// no token could be any of these gets no clause however it is parsed, so
// leaving it unparsed changes nothing the later stages see. The test is on
// part-of-speech tags and words only, and errs towards parsing.
//
// A free function over a Document; no state, thread-safe.
#ifndef DATELINE_SYNTAX_PARSE_SELECTION_H_
#define DATELINE_SYNTAX_PARSE_SELECTION_H_

#include <cstdint>
#include <vector>

#include "dateline/document.h"

namespace dateline {

// The relation the parse stage gives the tokens of a sentence it left
// unparsed (their head is -1): CoNLL-U's "no value".
inline constexpr const char* kUnparsedRelation = "_";

// Returns, for each of doc.sentences, 1 when its parse can matter to the
// clause layer and so must be made, else 0. A sentence is parsed when it
// has
//  1. a verb or modal (a Penn tag starting "VB", or "MD") or a form of "be"
//     whatever its tag (a copula): a clause's predicate;
//  2. a pronoun (PRP, PRP$, WP, WP$): an actor the events stage may resolve;
//  3. a common noun (NN, NNS) and a word that could give it an argument: a
//     preposition (IN, TO), a possessive (POS, PRP$, WP$) or a capitalised
//     adjective or name (JJ*, NNP*): a nominal predicate;
//  4. a parsed sentence before it that ends on a word, not punctuation (the
//     events stage reads the relation of the token after a predicate).
// Reads text, tokens, sentences and pos; without a tag for every token,
// every sentence is parsed.
std::vector<uint8_t> SentencesToParse(const Document& doc);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_PARSE_SELECTION_H_

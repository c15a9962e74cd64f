// The clause layer: predicates and their arguments, read off the dependency
// parse. This is the one place in the project that walks the tree; the
// quotes and events stages read Document::clauses instead.
//
// BuildClauses is a free function over a Document; it keeps no state and is
// safe to call from several threads on different documents.
#ifndef DATELINE_SYNTAX_CLAUSES_H_
#define DATELINE_SYNTAX_CLAUSES_H_

#include <string>
#include <string_view>

#include "dateline/document.h"
#include "syntax/lemmatizer.h"
#include "syntax/noun_frames.h"

namespace dateline {

// Replaces doc->clauses with one Clause per predicate of the parse: verbs
// heading a clause (root, ccomp, xcomp, advcl, acl, acl:relcl, conj of a
// predicate, parataxis, csubj, and clausal obliques) and the event nouns of
// `frames` ("talks with", "visit to", "US objections", "frustration with":
// none when null) that name a party, with their arguments, voice, tense,
// polarity, modality and attribution (see Clause in dateline/document.h).
//
// Reads text, tokens, sentences, pos, heads, deprels and entities. Never
// fails: what is inconsistent (vectors of different lengths, heads outside
// their sentence, cycles, spans outside the text) is skipped, and a
// document without a parse gets no clauses. Linear in the number of tokens.
// Predicates' lemmas come from `lemmatizer` when given (the pipeline loads
// data/models/lemmas.model), else from ClauseLemma's own rules; the event
// nouns from `frames` (the pipeline loads data/syntax/noun_frames.tsv).
void BuildClauses(Document* doc, const Lemmatizer* lemmatizer = nullptr,
                  const NounFrames* frames = nullptr);

// Returns the lower-case base form of `word` given its Penn `tag`
// ("met"/VBD -> "meet", "accused"/VBN -> "accuse", "talks"/NNS -> "talk"):
// contractions by rule ("'s"/VBZ -> "be"), verbs and plural nouns by
// `lemmatizer` when given, else by suffix rules and a table of irregular
// forms.
std::string ClauseLemma(std::string_view word, std::string_view tag,
                        const Lemmatizer* lemmatizer = nullptr);

// Tree lookups for the stages that read clauses, so that only this layer
// walks the parse. Both look at tokens in [h + 1, end) only and return -1
// when there is none (or no parse).
// The noun of the "of" phrase the parse hangs on token `h` ("thousands" in
// "Tens of thousands", "students" in "thousands of students").
int64_t OfPhraseNoun(const Document& doc, uint32_t h, uint32_t end);
// The noun of the nominal modifier whose case is `preposition` (lower case)
// the parse hangs on token `h` ("Russia" in "wheat from Russia" for
// "from"); OfPhraseNoun is this for "of".
int64_t PrepositionalModifier(const Document& doc, uint32_t h, uint32_t end,
                              std::string_view preposition);
// The head of the apposition the parse hangs on token `h` ("Kenzo Oshima,
// the United Nations Emergency Relief Coordinator").
int64_t AppositionOf(const Document& doc, uint32_t h, uint32_t end);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_CLAUSES_H_

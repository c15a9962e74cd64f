// The reference resolver: which actor a pronoun, a first-person word in a
// quotation or a definite description stands for, across the sentences of
// one document.
//
// The actor finder names each sentence's actors alone and resolves a
// pronoun only to a party of its own sentence; what it leaves (a
// FoundActor with `pronoun` set and no code) is resolved here, from the
// sentences before (at most `max_sentences`, the nearest first):
//   - "he", "she", "him", "his", "her": the speaker the quotes stage gave
//     the pronoun ("..., he argued"), else the nearest person with a code,
//     a sentence's subjects (agents) and speakers first; never a country or
//     a body, and never a person of the other gender. A person's gender
//     comes from the document: a word of its roles or the word before a
//     mention that lexicons.tsv lists as male_word or female_word
//     ("spokesman", "Queen", "Mrs"), the given name opening its name
//     (first_names.tsv's gender, EventLexicons::LoadGivenNames); unknown,
//     or contradicted, it agrees with both.
//   - "it", "its" (a subject or a possessor) and "they", "them", "their":
//     the body, country or group with a code that is a sentence's subject,
//     number agreeing where the words tell it ("they" a list or a plural
//     noun, "it" neither); never a person. An expletive or copula "it" ("it
//     appears that", "it is clear") and a pronoun inside a name ("He
//     Jianxiong") stand for nothing.
//   - "I", "we", "my", "our" inside a quotation, or inside a quotation
//     paragraph the quotes stage could not close, that goes on from a
//     quotation of the sentence before: its speaker.
//   - "the ministry", "the government", "the party", "the company" ... (the
//     lexicons.tsv lists reference_government, reference_country and
//     reference_head), also from earlier in its own sentence: the nearest
//     actor of that kind, a government or a country for the first two, else
//     one whose own name ends in the noun ("the Labour Party" for "the
//     party").
// A referent is never one of the reference's own clause's other arguments,
// so that a resolution makes no self-event ("Putin met Kim. He praised
// Putin": "He" is Kim). A nearer person or organisation the entity layer
// found but the finder could not code stops the search ("Assange ... he" is
// not an earlier coded prosecutor). A resolved actor keeps the reference's
// own tokens [b, e) and takes the referent's code, entity id and name.
//
// Stateless functions; thread-safe on distinct documents.
#ifndef DATELINE_EVENTS_REFERENCES_H_
#define DATELINE_EVENTS_REFERENCES_H_

#include <functional>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "events/found_actors.h"

namespace dateline {

class EventLexicons;

struct ReferenceOptions {
  // How many sentences before the reference's own a referent may be in.
  int max_sentences = 3;
};

// Returns the CAMEO code the article gives entity `id`, "" when none.
using EntityCodeLookup = std::function<std::string(const std::string& id)>;

// Resolves the references among `groups` (each sentence's actors, in
// sentence order, as many vectors as doc.sentences or fewer) in place,
// as the file comment says. `lexicons` gives the description nouns (none
// are resolved when it is null); `entity_code` the code of a quotation's
// speaker. References left without a referent keep an empty code.
void ResolveReferences(const Document& doc, const EventLexicons* lexicons,
                       const EntityCodeLookup& entity_code,
                       const ReferenceOptions& options,
                       std::vector<std::vector<FoundGroup>>* groups);

}  // namespace dateline

#endif  // DATELINE_EVENTS_REFERENCES_H_

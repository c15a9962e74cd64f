// One repair of the part-of-speech tags, made by the pipeline's tag stage
// after the tagger: a sentence with no finite verb whose past participle
// follows its subject and takes an object ("Police arrested 40 people",
// "British police detained two men") has that participle as its past tense
// verb (VBD).
//
// The tagger reads a window of words, and after a plural noun it often takes
// a news sentence's main verb for a participle (VBN); the parser then makes
// a reduced relative of it ("police [who were] arrested ...") and the
// sentence loses its subject and object. A sentence needs a finite verb,
// and a participle right before a noun phrase is not passive, so the repair
// is made only when both hold: no VBD, VBZ, VBP or MD in the sentence, and
// a VBN after a noun or pronoun and before a determiner, number, adjective,
// possessive or noun. "Three people killed in blast" (no object) is left.
//
// Free functions, no state, thread-safe.
#ifndef DATELINE_SYNTAX_TAG_REPAIR_H_
#define DATELINE_SYNTAX_TAG_REPAIR_H_

#include <string_view>
#include <vector>

namespace dateline {

// Returns the index of the participle in `tags` (one sentence's Penn tags)
// that is the sentence's finite verb by the rule above, or -1.
int ParticipleAsFiniteVerb(const std::vector<std::string_view>& tags);

// Applies the repair to `tags` in place; returns whether it changed one.
bool RepairFiniteVerb(std::vector<std::string_view>* tags);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_TAG_REPAIR_H_

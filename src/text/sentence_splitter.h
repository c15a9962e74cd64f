// SentenceSplitter: groups the tokens of a clean text into sentences, for
// English news prose. Paragraphs (separated by a blank line) always end a
// sentence; within one, a sentence ends after . ! ? or an ellipsis (with the
// closing quotes and brackets that follow it) when the next token can start
// a sentence, and after a sentence-final abbreviation ("U.S.", "Inc.") or an
// initial ("Plan B.") only when a clear sentence starter ("The", "He",
// "But", ...) follows, so "Jake P. Sullivan" stays whole. Titles ("Gen.",
// "Mr.") and list numbers ("1.", "Steps: 2.") never end one.
// A single line break ends a sentence after a short line (under 50 bytes: a
// heading, tag line or menu item) when the next line can start one; longer
// lines are taken as hard-wrapped prose.
// A dateline opening a line ("SEOUL/MOSCOW – ", "WASHINGTON, March 6 - ",
// "LONDON (Reuters) - ": LeadDatelineLength in src/clean) is a sentence of
// its own, as UD's English Web Treebank splits "WASHINGTON (Reuters) -", so
// the tagger and the parser start the lead sentence after it.
//
// Sentences are byte spans into the text plus the token range they hold;
// their token ranges tile the token vector. Stateless: thread-safe, no
// exceptions.
#ifndef DATELINE_TEXT_SENTENCE_SPLITTER_H_
#define DATELINE_TEXT_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace dateline {

struct Sentence {
  uint32_t begin;  // byte offset of the first token
  uint32_t end;    // byte offset just past the last token
  uint32_t token_begin;
  uint32_t token_end;
};

// Stores in *sentences (cleared first) the sentences of `text`, whose tokens
// (from Tokenize over the same text) are `tokens`. Empty when there are no
// tokens.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* sentences);

// Tokenizes `text` into *tokens and splits it into *sentences.
void TokenizeAndSplit(std::string_view text, std::vector<Token>* tokens,
                      std::vector<Sentence>* sentences);

}  // namespace dateline

#endif  // DATELINE_TEXT_SENTENCE_SPLITTER_H_

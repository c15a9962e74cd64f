// Tokenizer: splits clean UTF-8 text into Penn-Treebank-like tokens, the
// units the tagger (trained on CoNLL-2003) and everything after it count in.
//
// Tokens are byte spans [begin, end) into the text passed in; the tokenizer
// owns nothing and keeps no state, so Tokenize is thread-safe. It never
// throws and accepts any bytes (ill-formed UTF-8 becomes one-byte symbol
// tokens).
//
// Conventions (those of CoNLL-2003 / the Penn Treebank where they matter):
//   punctuation and quotes (straight and curly) are tokens of their own;
//   "U.S.", "e.g.", "a.m.", "Mr.", "Gen.", "Inc.", "J.", "1.5", "1,000",
//   "01:47", "1/2", "Moscow-Pyongyang", "70-year-old" are one token each;
//   "$1,000" is "$" "1,000"; "SEOUL/MOSCOW" is "SEOUL" "/" "MOSCOW";
//   contractions split: "won't" -> "wo" "n't", "Russia's" -> "Russia" "'s"
//   (also with U+2019); URLs and e-mail addresses are one token.
#ifndef DATELINE_TEXT_TOKENIZER_H_
#define DATELINE_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline {

enum TokenKind : uint8_t {
  kTokenWord = 0,    // letters, possibly with digits, hyphens, apostrophes
  kTokenNumber = 1,  // starts with a digit and has no letters: 1.5, 1,000
  kTokenPunct = 2,   // . , ; : ! ? ( ) [ ] { } dashes, ellipses, quotes
  kTokenSymbol = 3,  // $ % & + = # @ * and other symbols, emoji
  kTokenUrl = 4,     // http://..., https://..., www....
  kTokenEmail = 5,   // name@example.com
};

struct Token {
  uint32_t begin;
  uint32_t end;
  uint8_t kind;  // a TokenKind
};

// Appends the tokens of `text` to *tokens (cleared first), in order,
// non-overlapping, none starting or ending with whitespace. Texts longer
// than 4 GiB are tokenized up to the first 4 GiB (offsets are 32-bit).
void Tokenize(std::string_view text, std::vector<Token>* tokens);

// Returns the text of `token` in `text`.
inline std::string_view TokenText(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

// Returns true if `t` is a quotation mark token: " ' “ ” ‘ ’ « » „ ‹ ›.
bool IsQuoteToken(std::string_view t);

// Returns true if `t` is a quotation mark that can only close a quotation
// (” ’ »), false for opening and ambiguous ones.
bool IsClosingQuoteToken(std::string_view t);

}  // namespace dateline

#endif  // DATELINE_TEXT_TOKENIZER_H_

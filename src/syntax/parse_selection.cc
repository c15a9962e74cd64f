#include "syntax/parse_selection.h"

#include <array>
#include <string_view>

#include "base/ascii.h"

namespace dateline {
namespace {

bool Starts(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Forms of "be", lower case: a copula makes a clause of the word it hangs
// on, and the tagger does not always call it a verb ("'s" is often POS).
bool IsBeForm(std::string_view lower) {
  static constexpr std::array<std::string_view, 14> kBe = {
      "be", "is", "are", "am", "was", "were", "been", "being", "'s", "'re",
      "'m",
      // The contractions with a typographic apostrophe.
      "\xE2\x80\x99s", "\xE2\x80\x99re", "\xE2\x80\x99m"};
  for (std::string_view b : kBe)
    if (lower == b) return true;
  return false;
}

// Penn tags of punctuation and symbols: no predicate.
bool IsPunctuationTag(std::string_view tag) {
  static constexpr std::array<std::string_view, 12> kPunct = {
      ".",     ",", ":", "``",   "''",  "-LRB-",
      "-RRB-", "#", "$", "HYPH", "NFP", "SYM"};
  for (std::string_view p : kPunct)
    if (tag == p) return true;
  return false;
}

// What one sentence's tokens hold, for the rules of SentencesToParse.
struct SentenceFacts {
  bool predicate = false;    // rule 1
  bool pronoun = false;      // rule 2
  bool common_noun = false;  // rule 3, with argument_word
  bool argument_word = false;
};

SentenceFacts Facts(const Document& doc, const SentenceSpan& s) {
  SentenceFacts f;
  std::string_view text = doc.text;
  for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
    std::string_view tag = doc.pos[t];
    const Span& tok = doc.tokens[t];
    std::string_view word = tok.end <= text.size() && tok.begin <= tok.end
                                ? text.substr(tok.begin, tok.end - tok.begin)
                                : std::string_view();
    if (Starts(tag, "VB") || tag == "MD" ||
        (word.size() <= 6 && IsBeForm(AsciiLower(word)))) {
      f.predicate = true;
    }
    if (tag == "PRP" || tag == "PRP$" || tag == "WP" || tag == "WP$")
      f.pronoun = true;
    if (tag == "NN" || tag == "NNS") f.common_noun = true;
    if (tag == "IN" || tag == "TO" || tag == "POS" || tag == "PRP$" ||
        tag == "WP$" ||
        ((Starts(tag, "JJ") || Starts(tag, "NNP")) && !word.empty() &&
         word[0] >= 'A' && word[0] <= 'Z')) {
      f.argument_word = true;
    }
  }
  return f;
}

}  // namespace

std::vector<uint8_t> SentencesToParse(const Document& doc) {
  std::vector<uint8_t> parse(doc.sentences.size(), 1);
  if (doc.pos.size() != doc.tokens.size()) return parse;
  bool after_open_end = false;  // rule 4: the previous sentence's state
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceSpan& s = doc.sentences[si];
    if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end) {
      after_open_end = false;
      continue;
    }
    const SentenceFacts f = Facts(doc, s);
    parse[si] = f.predicate || f.pronoun ||
                (f.common_noun && f.argument_word) || after_open_end;
    after_open_end = parse[si] && !IsPunctuationTag(doc.pos[s.token_end - 1]);
  }
  return parse;
}

}  // namespace dateline

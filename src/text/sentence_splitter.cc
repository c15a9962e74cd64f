#include "text/sentence_splitter.h"

#include <unicode/uchar.h>

#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "clean/metadata.h"
#include "text/abbreviations.h"

namespace dateline {
namespace {

bool IsTerminal(std::string_view t) {
  if (t.empty()) return false;
  char c = t[0];
  if (c == '.' || c == '!' || c == '?') return true;  // ".", "...", "?!"
  return t == "\xE2\x80\xA6";                         // …
}

// Closing brackets and quotes that stay with the sentence they follow.
bool IsCloser(std::string_view t) {
  return t == ")" || t == "]" || t == "}" || t == "\"" || t == "'" ||
         t == "''" || IsClosingQuoteToken(t);
}

bool IsOpener(std::string_view t) {
  return t == "(" || t == "[" || t == "\"" || t == "'" || t == "``" ||
         t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "\xC2\xAB" ||
         t == "\xE2\x80\x9E" || t == "\xE2\x80\xB9";
}

// Returns true if the token can open a sentence: a capital, a digit or an
// opening quote or bracket. A lowercase word ('"Why?" he asked') cannot.
bool CanStartSentence(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return true;
    if (c >= '0' && c <= '9') return true;
    return IsOpener(t);
  }
  if (IsOpener(t)) return true;
  size_t pos = 0;
  uint32_t cp = DecodeUtf8(t, &pos);
  return u_isupper(static_cast<UChar32>(cp)) ||
         u_istitle(static_cast<UChar32>(cp));
}

// Returns true if a blank line separates the two tokens.
bool BlankLineBetween(std::string_view text, const Token& a, const Token& b) {
  int newlines = 0;
  for (uint32_t k = a.end; k < b.begin; ++k) {
    if (text[k] == '\n' && ++newlines == 2) return true;
  }
  return false;
}

// Returns true if a single line break between the tokens ends a sentence:
// the line before is short (a menu item, a tag line, a byline, a heading,
// not a hard-wrapped line of prose) and the next line can start one.
bool ShortLineBreakBetween(std::string_view text, const Token& a,
                           const Token& b, std::string_view next) {
  constexpr size_t kMaxShortLine = 50;
  bool newline = false;
  for (uint32_t k = a.end; k < b.begin; ++k)
    newline = newline || text[k] == '\n';
  if (!newline) return false;
  size_t line_start = text.rfind('\n', a.end == 0 ? 0 : a.end - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  return a.end - line_start < kMaxShortLine && CanStartSentence(next);
}

// Returns the byte offset a sentence starting at token `k` ends at because
// its line opens with a dateline ("SEOUL/MOSCOW – ", "WASHINGTON, March 6 -
// "), 0 when it does not.
uint32_t DatelineEnd(std::string_view text, const std::vector<Token>& tokens,
                     size_t k) {
  const uint32_t begin = tokens[k].begin;
  const uint32_t after = k == 0 ? 0 : tokens[k - 1].end;
  if (k > 0 &&
      text.substr(after, begin - after).find('\n') == std::string_view::npos)
    return 0;
  std::string_view paragraph = text.substr(begin);
  paragraph = paragraph.substr(0, paragraph.find("\n\n"));
  const size_t n = LeadDatelineLength(paragraph);
  return n == 0 ? 0 : begin + static_cast<uint32_t>(n);
}

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Sentence>* sentences) {
  sentences->clear();
  const size_t n = tokens.size();
  auto tok = [&](size_t k) { return TokenText(text, tokens[k]); };
  size_t start = 0;
  size_t i = 0;
  uint32_t dateline_end = n > 0 ? DatelineEnd(text, tokens, 0) : 0;
  while (i < n) {
    std::string_view t = tok(i);
    size_t last = i;
    bool end_here = false;
    bool terminal = tokens[i].kind == kTokenPunct && IsTerminal(t);
    bool abbrev = !terminal && tokens[i].kind == kTokenWord && t.size() > 1 &&
                  t.back() == '.';
    if (terminal || abbrev) {
      // Closing quotes and brackets right after the mark belong to it.
      while (last + 1 < n && tokens[last + 1].begin == tokens[last].end &&
             IsCloser(tok(last + 1))) {
        ++last;
      }
      size_t next = last + 1;
      if (next >= n) {
        end_here = true;
      } else if (BlankLineBetween(text, tokens[last], tokens[next])) {
        end_here = true;
      } else if (terminal) {
        // "1." opening a sentence, a line or following a colon is a list
        // number, not an end.
        bool list_number = false;
        if (t == "." && i > start && tokens[i - 1].kind == kTokenNumber &&
            tokens[i - 1].end - tokens[i - 1].begin <= 2 &&
            tokens[i - 1].end == tokens[i].begin) {
          if (i - 1 == start) {
            list_number = true;
          } else {
            const Token& before = tokens[i - 2];
            std::string_view gap =
                text.substr(before.end, tokens[i - 1].begin - before.end);
            list_number = TokenText(text, before) == ":" ||
                          gap.find('\n') != std::string_view::npos;
          }
        }
        end_here = !list_number && CanStartSentence(tok(next));
      } else {
        std::string_view word = t.substr(0, t.size() - 1);
        AbbreviationKind kind = LookupAbbreviation(word);
        // Titles never end a sentence; sentence-final abbreviations, dotted
        // acronyms and initials ("Plan B.") only before a clear starter,
        // which a name after an initial ("George W. Bush") is not.
        if (kind == AbbreviationKind::kCanEndSentence ||
            kind == AbbreviationKind::kNone) {
          std::string_view nt = tok(next);
          if (IsOpener(nt) && next + 1 < n) nt = tok(next + 1);
          end_here = IsSentenceStarter(nt);
        }
      }
    }
    if (!end_here && last + 1 < n &&
        (BlankLineBetween(text, tokens[last], tokens[last + 1]) ||
         ShortLineBreakBetween(text, tokens[last], tokens[last + 1],
                               tok(last + 1)))) {
      end_here = true;
    }
    // A dateline is a sentence of its own, whole ("ST. JOSEPH, Mich. (AP)
    // —" does not end at "Mich.").
    if (dateline_end > 0 && last + 1 < n) {
      if (tokens[last + 1].begin < dateline_end) {
        end_here = false;
      } else if (tokens[last].end <= dateline_end) {
        end_here = true;
      }
    }
    if (end_here || last + 1 >= n) {
      sentences->push_back(Sentence{tokens[start].begin, tokens[last].end,
                                    static_cast<uint32_t>(start),
                                    static_cast<uint32_t>(last + 1)});
      start = last + 1;
      dateline_end = start < n ? DatelineEnd(text, tokens, start) : 0;
    }
    i = last + 1;
  }
}

void TokenizeAndSplit(std::string_view text, std::vector<Token>* tokens,
                      std::vector<Sentence>* sentences) {
  Tokenize(text, tokens);
  SplitSentences(text, *tokens, sentences);
}

}  // namespace dateline

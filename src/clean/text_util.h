// Small UTF-8 text helpers shared by the scraped-text cleaner and the
// metadata helpers (src/clean/). Pure functions; thread-safe.
#ifndef DATELINE_CLEAN_TEXT_UTIL_H_
#define DATELINE_CLEAN_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {
namespace clean_internal {

// Returns `s` without leading and trailing ASCII whitespace, NBSP and other
// Unicode spaces.
std::string_view Trim(std::string_view s);

// Returns true for Unicode letters (ICU u_isalpha) and for combining marks.
bool IsLetter(uint32_t cp);
bool IsUpper(uint32_t cp);
bool IsLower(uint32_t cp);
bool IsDigit(uint32_t cp);
// Han, Hiragana, Katakana, Hangul, Thai: scripts written without spaces
// between words (or with few of them), counted by characters.
bool IsCjk(uint32_t cp);
// Returns true for Unicode white space, including NBSP.
bool IsSpace(uint32_t cp);

// Returns `s` lower-cased (full Unicode, root locale).
std::string ToLower(std::string_view s);

// Returns `s` with curly quotes made straight, dashes made '-', NBSP made a
// space, runs of spaces collapsed, and letters lower-cased: a key for
// comparing two renderings of the same line.
std::string NormalizeForCompare(std::string_view s);

// One word of a line: letters, digits and inner apostrophes/hyphens.
struct Word {
  size_t begin = 0;  // bytes into the line
  size_t end = 0;
  bool capitalized = false;  // first letter upper case
  bool all_upper = false;    // every letter upper case (and >= 2 letters)
};

// Splits `s` into words (runs of letters/digits joined by ' ’ - inside).
// CJK characters each count as one word.
std::vector<Word> SplitWords(std::string_view s);

// Returns the number of code points in `s`.
size_t CharCount(std::string_view s);

// Returns true if `s` starts with `prefix`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
// Returns true if `s` equals `t`, ignoring ASCII case.
bool EqualsNoCase(std::string_view s, std::string_view t);
// Returns true if `needle` occurs in `s`, ignoring ASCII case.
bool ContainsNoCase(std::string_view s, std::string_view needle);

// Returns the code point that ends `s` (0 when empty).
uint32_t LastCodePoint(std::string_view s);

}  // namespace clean_internal
}  // namespace dateline

#endif  // DATELINE_CLEAN_TEXT_UTIL_H_

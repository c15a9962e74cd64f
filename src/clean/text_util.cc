#include "clean/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cctype>

#include "base/utf8.h"

namespace dateline {
namespace clean_internal {

bool IsSpace(uint32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
      cp == '\v')
    return true;
  if (cp < 0x80) return false;
  if (cp == 0xA0 || cp == 0xFEFF || cp == 0x200B) return true;
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t p = b;
    uint32_t cp = DecodeUtf8(s, &p);
    if (!IsSpace(cp)) break;
    b = p;
  }
  size_t e = s.size();
  while (e > b) {
    // Step back to the start of the last code point.
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    size_t p = start;
    uint32_t cp = DecodeUtf8(s, &p);
    if (!IsSpace(cp)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  UChar32 c = static_cast<UChar32>(cp);
  if (u_isalpha(c)) return true;
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp));
}

bool IsLower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

bool IsDigit(uint32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

bool IsCjk(uint32_t cp) {
  if (cp < 0x0E00) return false;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
  if (U_FAILURE(err)) return false;
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
         sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL || sc == USCRIPT_THAI;
}

std::string ToLower(std::string_view s) { return LowerUtf8(s); }

std::string NormalizeForCompare(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    uint32_t cp = DecodeUtf8(s, &i);
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        cp = '\'';
        break;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      case 0xAB: case 0xBB:
        cp = '"';
        break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      case 0x2015: case 0x2212:
        cp = '-';
        break;
      default:
        break;
    }
    if (IsSpace(cp)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      AppendUtf8(static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp))),
                 &out);
    }
  }
  return out;
}

namespace {
bool IsJoiner(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2011;
}
}  // namespace

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0;
  bool in_word = false;
  Word cur;
  int letters = 0, uppers = 0;
  auto finish = [&](size_t end) {
    if (!in_word) return;
    cur.end = end;
    cur.all_upper = letters >= 2 && uppers == letters;
    words.push_back(cur);
    in_word = false;
  };
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(s, &i);
    if (IsCjk(cp)) {
      finish(start);
      Word w;
      w.begin = start;
      w.end = i;
      words.push_back(w);
      continue;
    }
    bool alnum = IsLetter(cp) || IsDigit(cp);
    if (alnum) {
      if (!in_word) {
        in_word = true;
        cur = Word();
        cur.begin = start;
        cur.capitalized = IsUpper(cp);
        letters = uppers = 0;
      }
      if (IsLetter(cp)) {
        ++letters;
        if (IsUpper(cp)) ++uppers;
      }
      continue;
    }
    if (in_word && IsJoiner(cp) && i < s.size()) {
      size_t peek = i;
      uint32_t next = DecodeUtf8(s, &peek);
      if (IsLetter(next) || IsDigit(next)) continue;
    }
    finish(start);
  }
  finish(s.size());
  return words;
}

size_t CharCount(std::string_view s) { return CodePointCount(s); }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  return EqualsNoCase(s.substr(0, prefix.size()), prefix);
}

namespace {
// ASCII case folding, as std::tolower in the "C" locale, without the call.
inline char FoldAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
}  // namespace

bool EqualsNoCase(std::string_view s, std::string_view t) {
  if (s.size() != t.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (FoldAscii(s[i]) != FoldAscii(t[i])) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  if (s.size() < needle.size()) return false;
  // Hot in the scraped-text cleaner (many phrases per line): skip to
  // candidates by the first character before comparing the rest.
  const char first = FoldAscii(needle[0]);
  const std::string_view rest = needle.substr(1);
  const size_t last = s.size() - needle.size();
  for (size_t i = 0; i <= last; ++i) {
    if (FoldAscii(s[i]) != first) continue;
    if (EqualsNoCase(s.substr(i + 1, rest.size()), rest)) return true;
  }
  return false;
}

uint32_t LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  return DecodeUtf8(s, &start);
}

}  // namespace clean_internal
}  // namespace dateline

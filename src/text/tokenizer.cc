#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "text/abbreviations.h"

namespace dateline {
namespace {

enum CharClass : uint8_t {
  kSpace,
  kLetter,
  kDigit,
  kMark,  // combining marks and joiners: part of the word around them
  kPunctuation,
  kSymbol,
};

// ASCII classes, built once; the scanner looks bytes up here and only asks
// ICU about code points >= U+0080.
struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) {
      CharClass k = kSymbol;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
          c == '\v' || c < 32) {
        k = kSpace;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        k = kLetter;
      } else if (c >= '0' && c <= '9') {
        k = kDigit;
      } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
                 c == '?' || c == '(' || c == ')' || c == '[' || c == ']' ||
                 c == '{' || c == '}' || c == '"' || c == '\'' || c == '`' ||
                 c == '-') {
        k = kPunctuation;
      }
      cls[c] = k;
    }
  }
};
constexpr AsciiTable kAscii;

CharClass ClassifyNonAscii(uint32_t cp) {
  switch (cp) {
    case 0x200B:
    case 0x2060:
    case 0xFEFF:  // zero-width spaces
      return kSpace;
    case 0x00AD:
    case 0x200C:
    case 0x200D:  // soft hyphen, ZWNJ, ZWJ
      return kMark;
    default:
      break;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(cp))) return kSpace;
  if (u_isalpha(static_cast<UChar32>(cp))) return kLetter;
  int8_t gc = u_charType(static_cast<UChar32>(cp));
  switch (gc) {
    case U_DECIMAL_DIGIT_NUMBER:
      return kDigit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return kMark;
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return kSpace;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return kPunctuation;
    default:
      return kSymbol;
  }
}

inline bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>* out)
      : s_(text.data()),
        n_(std::min<size_t>(text.size(), std::numeric_limits<uint32_t>::max())),
        text_(text.substr(0, n_)),
        out_(out) {}

  void Run();

 private:
  // Returns the class of the code point at `pos` and stores its byte length.
  CharClass ClassAt(size_t pos, size_t* len) const {
    unsigned char c = static_cast<unsigned char>(s_[pos]);
    if (c < 0x80) {
      *len = 1;
      return kAscii.cls[c];
    }
    size_t q = pos;
    uint32_t cp = DecodeUtf8(text_, &q);
    *len = q - pos;
    if (cp == 0xFFFD && *len == 1) return kSymbol;  // ill-formed byte
    return ClassifyNonAscii(cp);
  }
  bool IsWordCharAt(size_t pos) const {
    if (pos >= n_) return false;
    size_t len;
    CharClass k = ClassAt(pos, &len);
    return k == kLetter || k == kDigit || k == kMark;
  }
  bool IsLetterAt(size_t pos) const {
    if (pos >= n_) return false;
    size_t len;
    CharClass k = ClassAt(pos, &len);
    return k == kLetter || k == kMark;
  }
  // Returns the byte length of an apostrophe (' or U+2019) at pos, else 0.
  size_t ApostropheAt(size_t pos) const {
    if (pos >= n_) return 0;
    if (s_[pos] == '\'') return 1;
    if (pos + 2 < n_ + 0 && static_cast<unsigned char>(s_[pos]) == 0xE2 &&
        static_cast<unsigned char>(s_[pos + 1]) == 0x80 &&
        static_cast<unsigned char>(s_[pos + 2]) == 0x99) {
      return 3;
    }
    return 0;
  }
  // Returns the end of a clitic ('s 're 've 'll 'd 'm) whose apostrophe
  // starts at pos, or 0 when there is none.
  size_t CliticEnd(size_t pos) const {
    size_t a = ApostropheAt(pos);
    if (a == 0) return 0;
    size_t q = pos + a;
    size_t l = q;
    while (l < n_ && IsAsciiLetter(s_[l]) && l - q < 3) ++l;
    if (l == q || IsWordCharAt(l)) return 0;
    char c0 = Lower(s_[q]);
    size_t len = l - q;
    if (len == 1 && (c0 == 's' || c0 == 'd' || c0 == 'm')) return l;
    if (len == 2) {
      char c1 = Lower(s_[q + 1]);
      if ((c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') ||
          (c0 == 'l' && c1 == 'l'))
        return l;
    }
    return 0;
  }
  // Returns the end of "n't" starting at pos, or 0.
  size_t NtEnd(size_t pos) const {
    if (pos >= n_ || Lower(s_[pos]) != 'n') return 0;
    size_t a = ApostropheAt(pos + 1);
    if (a == 0) return 0;
    size_t t = pos + 1 + a;
    if (t >= n_ || Lower(s_[t]) != 't' || IsWordCharAt(t + 1)) return 0;
    return t + 1;
  }

  bool TryUrl(size_t p);
  size_t ScanWord(size_t p, uint8_t* kind);
  size_t TryEmail(size_t p, size_t at) const;
  bool AttachPeriod(size_t p, size_t q, bool internal_dot,
                    bool has_digit) const;

  void Emit(size_t b, size_t e, uint8_t kind) {
    out_->push_back(
        Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind});
  }
  bool PrevWordEndsAt(size_t p) const {
    return !out_->empty() && out_->back().end == p &&
           out_->back().kind == kTokenWord;
  }

  const char* s_;
  size_t n_;
  std::string_view text_;
  std::vector<Token>* out_;
};

bool StartsWithAt(std::string_view text, size_t p, std::string_view prefix) {
  return text.size() - p >= prefix.size() &&
         text.compare(p, prefix.size(), prefix) == 0;
}

bool Scanner::TryUrl(size_t p) {
  char c = s_[p];
  if (c != 'h' && c != 'H' && c != 'w' && c != 'W' && c != 'f') return false;
  size_t prefix = 0;
  for (std::string_view pre : {"http://", "https://", "HTTP://", "HTTPS://",
                               "ftp://", "www.", "WWW."}) {
    if (StartsWithAt(text_, p, pre)) {
      prefix = pre.size();
      break;
    }
  }
  if (prefix == 0 || p + prefix >= n_ || !IsWordCharAt(p + prefix))
    return false;
  size_t q = p + prefix;
  bool paren = false;
  while (q < n_) {
    unsigned char b = static_cast<unsigned char>(s_[q]);
    if (b < 0x80) {
      if (kAscii.cls[b] == kSpace || b == '"' || b == '<' || b == '>' ||
          b == '\'' || b == '`')
        break;
      if (b == '(') paren = true;
      ++q;
    } else {
      size_t len;
      CharClass k = ClassAt(q, &len);
      if (k == kSpace || k == kPunctuation) break;  // curly quotes, dashes
      q += len;
    }
  }
  while (q > p + prefix) {
    char b = s_[q - 1];
    if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' ||
        b == ']' || b == '}' || (b == ')' && !paren)) {
      --q;
    } else {
      break;
    }
  }
  Emit(p, q, kTokenUrl);
  out_->back().end = static_cast<uint32_t>(q);
  return true;
}

// `at` is the position of an '@' that ends the local part [p, at). Returns
// the end of the address, or 0 when the domain is not one.
size_t Scanner::TryEmail(size_t p, size_t at) const {
  if (at == p) return 0;
  size_t q = at + 1;
  while (q < n_ && (IsAsciiLetter(s_[q]) || IsAsciiDigit(s_[q]) ||
                    s_[q] == '-' || s_[q] == '.')) {
    ++q;
  }
  while (q > at + 1 && (s_[q - 1] == '.' || s_[q - 1] == '-')) --q;
  size_t last_dot = 0;
  for (size_t k = at + 1; k < q; ++k) {
    if (s_[k] == '.') last_dot = k;
  }
  if (last_dot == 0 || last_dot <= at + 1 || last_dot + 1 >= q) return 0;
  if (!IsAsciiLetter(s_[q - 1])) return 0;
  return q;
}

bool Scanner::AttachPeriod(size_t p, size_t q, bool internal_dot,
                           bool has_digit) const {
  if (q + 1 < n_ && s_[q + 1] == '.') return false;  // an ellipsis follows
  std::string_view w = text_.substr(p, q - p);
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // initial
  AbbreviationKind kind = LookupAbbreviation(w);
  if (kind == AbbreviationKind::kTitle ||
      kind == AbbreviationKind::kCanEndSentence)
    return true;
  if (kind == AbbreviationKind::kBeforeNumber) {
    size_t r = q + 1;
    while (r < n_ && (s_[r] == ' ' || s_[r] == '\t')) ++r;
    return r < n_ && IsAsciiDigit(s_[r]);
  }
  if (internal_dot && !has_digit) {
    // Dotted short segments: U.S, e.g, a.m, J.K, Ph.D. Not domains.
    size_t seg = 0;
    for (char c : w) {
      if (c == '.') {
        seg = 0;
      } else if (++seg > 3) {
        return false;
      }
    }
    return true;
  }
  return false;
}

size_t Scanner::ScanWord(size_t p, uint8_t* kind) {
  size_t q = p;
  bool has_alpha = false;
  bool has_digit = false;
  bool internal_dot = false;
  char prev = 0;  // last ASCII byte of the word, or 0x7F after a non-ASCII one
  while (q < n_) {
    unsigned char b = static_cast<unsigned char>(s_[q]);
    if (b < 0x80) {
      CharClass k = kAscii.cls[b];
      if (k == kLetter) {
        has_alpha = true;
        prev = static_cast<char>(b);
        ++q;
        continue;
      }
      if (k == kDigit) {
        has_digit = true;
        prev = static_cast<char>(b);
        ++q;
        continue;
      }
      // A joiner continues the word only between the right characters.
      bool prev_digit = IsAsciiDigit(prev);
      bool prev_alnum = prev != 0 && prev != '.' && prev != '-';
      switch (b) {
        case '.':
          if (q + 1 < n_ && IsWordCharAt(q + 1) && prev_alnum) {
            if (!IsAsciiDigit(s_[q + 1]) || !has_alpha) {
              internal_dot = internal_dot || !prev_digit;
              prev = '.';
              ++q;
              continue;
            }
            if (prev_digit) {  // 1.5
              prev = '.';
              ++q;
              continue;
            }
          }
          // "U.S.-led": a dotted abbreviation joined by a hyphen.
          if (internal_dot && q + 2 < n_ && s_[q + 1] == '-' &&
              IsLetterAt(q + 2)) {
            q += 2;
            prev = '-';
            continue;
          }
          break;
        case ',':
          if (prev_digit && q + 3 < n_ + 0 && IsAsciiDigit(s_[q + 1]) &&
              IsAsciiDigit(s_[q + 2]) && IsAsciiDigit(s_[q + 3]) &&
              (q + 4 >= n_ || !IsAsciiDigit(s_[q + 4]))) {
            prev = ',';
            ++q;
            continue;
          }
          break;
        case ':':
        case '/':
          if (prev_digit && !has_alpha && q + 1 < n_ &&
              IsAsciiDigit(s_[q + 1])) {
            prev = static_cast<char>(b);
            ++q;
            continue;
          }
          break;
        case '-':
        case '_':
          if (prev_alnum && IsWordCharAt(q + 1)) {
            prev = static_cast<char>(b);
            ++q;
            continue;
          }
          break;
        case '&':
          if (prev >= 'A' && prev <= 'Z' && q + 1 < n_ && s_[q + 1] >= 'A' &&
              s_[q + 1] <= 'Z' && q - p <= 3) {
            prev = '&';
            ++q;
            continue;
          }
          break;
        case '@': {
          size_t e = TryEmail(p, q);
          if (e != 0) {
            *kind = kTokenEmail;
            return e;
          }
          break;
        }
        case '\'':
          break;  // handled below with U+2019
        default:
          break;
      }
      if (b != '\'') break;
    } else {
      size_t len;
      CharClass k = ClassAt(q, &len);
      if (k == kLetter || k == kMark || k == kDigit) {
        if (k == kDigit)
          has_digit = true;
        else
          has_alpha = true;
        prev = 0x7F;
        q += len;
        continue;
      }
      // U+2010 and U+2011 are hyphens inside words.
      if (len == 3 && b == 0xE2 &&
          static_cast<unsigned char>(s_[q + 1]) == 0x80 &&
          (static_cast<unsigned char>(s_[q + 2]) == 0x90 ||
           static_cast<unsigned char>(s_[q + 2]) == 0x91) &&
          prev != 0 && IsWordCharAt(q + 3)) {
        prev = '-';
        q += 3;
        continue;
      }
      if (ApostropheAt(q) == 0) break;
    }
    // An apostrophe: a clitic or n't ends the word; O'Brien goes on.
    size_t a = ApostropheAt(q);
    if (a == 0 || q == p || !has_alpha) break;
    if (CliticEnd(q) != 0) break;
    if (q - p >= 2 && Lower(s_[q - 1]) == 'n' && NtEnd(q - 1) != 0) {
      q -= 1;
      break;
    }
    if (IsLetterAt(q + a) && (prev != 0)) {
      prev = 0x7F;
      q += a;
      continue;
    }
    break;
  }
  if (q < n_ && s_[q] == '.' && has_alpha &&
      AttachPeriod(p, q, internal_dot, has_digit))
    ++q;
  *kind = has_alpha ? kTokenWord : kTokenNumber;
  return q;
}

void Scanner::Run() {
  size_t p = 0;
  while (p < n_) {
    unsigned char b = static_cast<unsigned char>(s_[p]);
    size_t len = 1;
    CharClass k = b < 0x80 ? kAscii.cls[b] : ClassAt(p, &len);
    if (k == kSpace) {
      p += len;
      continue;
    }
    if (k == kLetter || k == kDigit || k == kMark) {
      if (TryUrl(p)) {
        p = out_->back().end;
        continue;
      }
      if (PrevWordEndsAt(p)) {
        size_t e = NtEnd(p);
        if (e != 0) {
          Emit(p, e, kTokenWord);
          p = e;
          continue;
        }
      }
      uint8_t kind = kTokenWord;
      size_t e = ScanWord(p, &kind);
      if (e == p) e = p + len;  // cannot happen; guards against a stall
      Emit(p, e, kind);
      p = e;
      continue;
    }
    if (k == kPunctuation) {
      if (ApostropheAt(p) != 0 && PrevWordEndsAt(p)) {
        size_t e = CliticEnd(p);
        if (e != 0) {
          Emit(p, e, kTokenWord);
          p = e;
          continue;
        }
      }
      if (b == '.' || b == '-' || b == '!' || b == '?' || b == '`') {
        // Runs: "...", "--", "?!", "``".
        size_t e = p + 1;
        if (b == '!' || b == '?') {
          while (e < n_ && (s_[e] == '!' || s_[e] == '?')) ++e;
        } else {
          while (e < n_ && s_[e] == static_cast<char>(b)) ++e;
        }
        Emit(p, e, kTokenPunct);
        p = e;
        continue;
      }
      Emit(p, p + len, kTokenPunct);
      p += len;
      continue;
    }
    Emit(p, p + len, kTokenSymbol);
    p += len;
  }
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  tokens->clear();
  tokens->reserve(text.size() / 5 + 8);
  Scanner scanner(text, tokens);
  scanner.Run();
}

bool IsQuoteToken(std::string_view t) {
  return t == "\"" || t == "'" || t == "``" || t == "''" ||
         t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x98" ||
         t == "\xE2\x80\x99" || t == "\xC2\xAB" || t == "\xC2\xBB" ||
         t == "\xE2\x80\x9E" || t == "\xE2\x80\xB9" || t == "\xE2\x80\xBA";
}

bool IsClosingQuoteToken(std::string_view t) {
  return t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "\xC2\xBB" ||
         t == "\xE2\x80\xBA" || t == "''";
}

}  // namespace dateline

// ParseDateTime: dates and times as news pages print them, in many shapes.
// A small tokenizer (numbers, words, punctuation) and a few patterns over the
// tokens; no std::regex, since the cleaner calls this on many lines.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::IsDigit;
using clean_internal::IsLetter;
using clean_internal::IsSpace;
using clean_internal::ToLower;

enum class Kind { kNum, kWord, kPunct };

struct Token {
  Kind kind;
  std::string text;  // lower-cased for words
  std::string raw;   // as written
  int value = 0;     // numbers
  int digits = 0;    // numbers
  bool space_before = false;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  bool space = true;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(s, &i);
    if (IsSpace(cp)) {
      space = true;
      continue;
    }
    Token t;
    t.space_before = space;
    space = false;
    if (cp < 0x80 && IsDigit(cp)) {
      size_t j = start;
      long v = 0;
      int n = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') {
        if (n < 9) v = v * 10 + (s[j] - '0');
        ++n;
        ++j;
      }
      t.kind = Kind::kNum;
      t.value = static_cast<int>(v);
      t.digits = n;
      t.raw = std::string(s.substr(start, j - start));
      t.text = t.raw;
      i = j;
    } else if (IsLetter(cp) && !clean_internal::IsCjk(cp)) {
      size_t j = i;
      while (j < s.size()) {
        size_t p = j;
        uint32_t c = DecodeUtf8(s, &p);
        if (!IsLetter(c) || clean_internal::IsCjk(c)) break;
        j = p;
      }
      t.kind = Kind::kWord;
      t.raw = std::string(s.substr(start, j - start));
      t.text = ToLower(t.raw);
      i = j;
    } else {
      t.kind = Kind::kPunct;
      t.raw = std::string(s.substr(start, i - start));
      // A minus sign or an en dash reads as '-'.
      if (cp == 0x2212 || cp == 0x2013) {
        t.text.clear();
        t.text.push_back('-');
      } else {
        t.text = t.raw;
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

struct MonthName {
  const char* name;
  int month;
};

// Month names and abbreviations: English, French, German, Spanish, Italian,
// Portuguese, Dutch.
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3},
    {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6},
    {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},
    {"mai", 5}, {"juin", 6}, {"juillet", 7}, {"août", 8}, {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"janv", 1}, {"févr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    // German
    {"januar", 1}, {"februar", 2}, {"märz", 3}, {"mär", 3}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
    {"dezembro", 12},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
    {"augustus", 8},
};

int MonthOf(const Token& t) {
  if (t.kind != Kind::kWord) return 0;
  for (const MonthName& m : kMonths) {
    if (t.text == m.name) return m.month;
  }
  return 0;
}

struct Zone {
  const char* name;
  int minutes;
};

// Common time-zone abbreviations as news sites print them.
constexpr Zone kZones[] = {
    {"utc", 0},        {"gmt", 0},        {"z", 0},
    {"wet", 0},        {"bst", 60},       {"ist", 330},
    {"cet", 60},       {"cest", 120},     {"met", 60},
    {"mest", 120},     {"eet", 120},      {"eest", 180},
    {"msk", 180},      {"trt", 180},      {"ast", -240},
    {"adt", -180},     {"est", -300},     {"edt", -240},
    {"cst", -360},     {"cdt", -300},     {"mst", -420},
    {"mdt", -360},     {"pst", -480},     {"pdt", -420},
    {"akst", -540},    {"akdt", -480},    {"hst", -600},
    {"jst", 540},      {"kst", 540},      {"hkt", 480},
    {"sgt", 480},      {"pht", 480},      {"awst", 480},
    {"acst", 570},     {"aest", 600},     {"aedt", 660},
    {"nzst", 720},     {"nzdt", 780},     {"wib", 420},
    {"pkt", 300},      {"sast", 120},     {"wat", 60},
    {"cat", 120},      {"eat", 180},      {"gst", 240},
};

bool ZoneOf(const Token& t, int* minutes) {
  if (t.kind != Kind::kWord) return false;
  // Abbreviations are written in capitals; "est" in lower case is a word.
  for (char c : t.raw) {
    if (c >= 'a' && c <= 'z') return false;
  }
  for (const Zone& z : kZones) {
    if (t.text == z.name) {
      *minutes = z.minutes;
      return true;
    }
  }
  return false;
}

bool IsFiller(const Token& t) {
  if (t.kind == Kind::kPunct) {
    return t.text == "." || t.text == "," || t.text == "-" || t.text == "/";
  }
  if (t.kind == Kind::kWord) {
    return t.text == "de" || t.text == "of" || t.text == "the" ||
           t.text == "di" || t.text == "del" || t.text == "th" ||
           t.text == "st" || t.text == "nd" || t.text == "rd" ||
           t.text == "er" || t.text == "º";
  }
  return false;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool ValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
         d <= DaysIn(y, m);
}

struct Found {
  int year = 0, month = 0, day = 0;
  size_t first = 0, last = 0;  // token range used
};

bool IsNum(const std::vector<Token>& t, size_t i, int min_digits,
           int max_digits) {
  return i < t.size() && t[i].kind == Kind::kNum &&
         t[i].digits >= min_digits && t[i].digits <= max_digits;
}

bool IsPunct(const std::vector<Token>& t, size_t i, std::string_view p) {
  return i < t.size() && t[i].kind == Kind::kPunct && t[i].text == p;
}

bool IsDateSep(const std::vector<Token>& t, size_t i) {
  return IsPunct(t, i, "-") || IsPunct(t, i, "/") || IsPunct(t, i, ".");
}

// Numeric dates: Y-M-D, Y/M/D, Y.M.D, D.M.Y, M/D/Y, D-M-Y, and the CJK
// 2018年8月25日 / 2018년 8월 25일.
bool FindNumericDate(const std::vector<Token>& t, Found* f) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (IsNum(t, i, 4, 4) && IsDateSep(t, i + 1) && IsNum(t, i + 2, 1, 2) &&
        i + 3 < t.size() && t[i + 3].text == t[i + 1].text &&
        IsNum(t, i + 4, 1, 2)) {
      Found g{t[i].value, t[i + 2].value, t[i + 4].value, i, i + 4};
      if (ValidDate(g.year, g.month, g.day)) {
        *f = g;
        return true;
      }
    }
    if (IsNum(t, i, 4, 4) && i + 5 < t.size() &&
        (t[i + 1].text == "年" || t[i + 1].text == "년") &&
        IsNum(t, i + 2, 1, 2) &&
        (t[i + 3].text == "月" || t[i + 3].text == "월") &&
        IsNum(t, i + 4, 1, 2) &&
        (t[i + 5].text == "日" || t[i + 5].text == "일")) {
      Found g{t[i].value, t[i + 2].value, t[i + 4].value, i, i + 5};
      if (ValidDate(g.year, g.month, g.day)) {
        *f = g;
        return true;
      }
    }
    if (IsNum(t, i, 1, 2) && IsDateSep(t, i + 1) && IsNum(t, i + 2, 1, 2) &&
        i + 3 < t.size() && t[i + 3].text == t[i + 1].text &&
        IsNum(t, i + 4, 4, 4)) {
      int a = t[i].value, b = t[i + 2].value, y = t[i + 4].value;
      int m, d;
      if (a > 12) {
        d = a, m = b;
      } else if (b > 12) {
        m = a, d = b;
      } else if (t[i + 1].text == "/") {
        m = a, d = b;  // the slash form is mostly American
      } else {
        d = a, m = b;  // dots and dashes are mostly European
      }
      if (ValidDate(y, m, d)) {
        *f = Found{y, m, d, i, i + 4};
        return true;
      }
    }
  }
  return false;
}

// Dates with a month name: "September 15, 2023", "Sept. 15th 2023",
// "15 Sep 2023", "15. September 2023", "15 de septiembre de 2023".
bool FindNamedDate(const std::vector<Token>& t, Found* f) {
  for (size_t i = 0; i < t.size(); ++i) {
    int month = MonthOf(t[i]);
    if (month == 0) continue;
    // Month Day[,] Year
    size_t j = i + 1;
    while (j < t.size() && j <= i + 2 && IsFiller(t[j])) ++j;
    if (IsNum(t, j, 1, 2)) {
      size_t k = j + 1;
      while (k < t.size() && k <= j + 3 && IsFiller(t[k])) ++k;
      if (IsNum(t, k, 4, 4) && ValidDate(t[k].value, month, t[j].value)) {
        *f = Found{t[k].value, month, t[j].value, i, k};
        return true;
      }
    }
    // Day Month Year
    if (i > 0) {
      size_t d = i - 1;
      int steps = 0;
      while (d > 0 && steps < 2 && IsFiller(t[d])) --d, ++steps;
      size_t k = i + 1;
      while (k < t.size() && k <= i + 3 && IsFiller(t[k])) ++k;
      if (IsNum(t, d, 1, 2) && IsNum(t, k, 4, 4) &&
          ValidDate(t[k].value, month, t[d].value)) {
        *f = Found{t[k].value, month, t[d].value, d, k};
        return true;
      }
    }
  }
  return false;
}

struct Time {
  int hour = -1, minute = 0, second = 0;
  bool has_offset = false;
  int offset = 0;  // minutes east of UTC
};

bool IsAmPm(const std::vector<Token>& t, size_t i, bool* pm, size_t* next) {
  if (i >= t.size() || t[i].kind != Kind::kWord) return false;
  const std::string& w = t[i].text;
  if (w == "am" || w == "pm") {
    *pm = w == "pm";
    *next = i + 1;
    if (IsPunct(t, *next, ".")) ++*next;
    return true;
  }
  // a.m. / p.m.
  if ((w == "a" || w == "p") && IsPunct(t, i + 1, ".") && i + 2 < t.size() &&
      t[i + 2].text == "m") {
    *pm = w == "p";
    *next = i + 3;
    if (IsPunct(t, *next, ".")) ++*next;
    return true;
  }
  return false;
}

// Parses "+08:00", "+0800", "-4", "+05:30" at t[i]; returns tokens used.
size_t ParseOffset(const std::vector<Token>& t, size_t i, int* minutes) {
  if (!(IsPunct(t, i, "+") || IsPunct(t, i, "-"))) return 0;
  int sign = t[i].text == "+" ? 1 : -1;
  if (!IsNum(t, i + 1, 1, 4) || t[i + 1].space_before) return 0;
  int h, m = 0;
  size_t used = 2;
  if (t[i + 1].digits == 4) {
    h = t[i + 1].value / 100;
    m = t[i + 1].value % 100;
  } else if (t[i + 1].digits <= 2) {
    h = t[i + 1].value;
    if (IsPunct(t, i + 2, ":") && IsNum(t, i + 3, 2, 2)) {
      m = t[i + 3].value;
      used = 4;
    }
  } else {
    return 0;
  }
  if (h > 14 || m > 59) return 0;
  *minutes = sign * (h * 60 + m);
  return used;
}

bool FindTime(const std::vector<Token>& t, const Found& date, Time* out) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (i >= date.first && i <= date.last) continue;
    if (!IsNum(t, i, 1, 2)) continue;
    Time tm;
    size_t next;
    bool pm = false;
    if (IsPunct(t, i + 1, ":") && IsNum(t, i + 2, 2, 2)) {
      tm.hour = t[i].value;
      tm.minute = t[i + 2].value;
      next = i + 3;
      if (IsPunct(t, next, ":") && IsNum(t, next + 1, 2, 2)) {
        tm.second = t[next + 1].value;
        next += 2;
        if (IsPunct(t, next, ".") && IsNum(t, next + 1, 1, 9)) next += 2;
      }
      size_t after;
      if (IsAmPm(t, next, &pm, &after)) {
        if (tm.hour < 1 || tm.hour > 12) continue;
        tm.hour = tm.hour % 12 + (pm ? 12 : 0);
        next = after;
      }
    } else {
      // "3pm", "3 p.m."
      size_t after;
      if (!IsAmPm(t, i + 1, &pm, &after)) continue;
      if (t[i].value < 1 || t[i].value > 12) continue;
      tm.hour = t[i].value % 12 + (pm ? 12 : 0);
      next = after;
    }
    if (tm.hour > 23 || tm.minute > 59 || tm.second > 59) continue;
    // An offset or a zone right after the time (or after the date that
    // follows it: "3:04 PM EDT, Mon May 6").
    int minutes = 0;
    if (next < t.size() && t[next].kind == Kind::kWord &&
        t[next].text == "z" && !t[next].space_before) {
      tm.has_offset = true;
      tm.offset = 0;
    } else if (size_t used = ParseOffset(t, next, &minutes)) {
      (void)used;
      tm.has_offset = true;
      tm.offset = minutes;
    } else if (next < t.size() && ZoneOf(t[next], &minutes)) {
      tm.has_offset = true;
      tm.offset = minutes;
      int extra = 0;
      if (ParseOffset(t, next + 1, &extra)) tm.offset += extra;
    }
    *out = tm;
    return true;
  }
  return false;
}

}  // namespace

std::string ParseDateTime(std::string_view s) {
  if (s.size() > 400) s = s.substr(0, 400);
  std::vector<Token> t = Tokenize(s);
  Found date;
  bool found = false;
  // Prefer whichever pattern starts first.
  Found numeric, named;
  bool has_numeric = FindNumericDate(t, &numeric);
  bool has_named = FindNamedDate(t, &named);
  if (has_numeric && (!has_named || numeric.first <= named.first)) {
    date = numeric;
    found = true;
  } else if (has_named) {
    date = named;
    found = true;
  }
  if (!found) return "";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date.year, date.month,
                date.day);
  std::string out = buf;
  Time tm;
  if (FindTime(t, date, &tm)) {
    if (tm.second != 0) {
      std::snprintf(buf, sizeof(buf), "T%02d:%02d:%02d", tm.hour, tm.minute,
                    tm.second);
    } else {
      std::snprintf(buf, sizeof(buf), "T%02d:%02d", tm.hour, tm.minute);
    }
    out += buf;
    if (tm.has_offset) {
      int m = tm.offset;
      char sign = m < 0 ? '-' : '+';
      if (m < 0) m = -m;
      std::snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, m / 60, m % 60);
      out += buf;
    }
  }
  return out;
}

}  // namespace dateline

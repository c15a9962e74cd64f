#include "text/time_expressions.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "clean/metadata.h"

namespace dateline {
namespace {

namespace ch = std::chrono;

struct Ymd {
  int y = 0;
  int m = 0;
  int d = 0;
};

bool ValidDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return ch::year_month_day(ch::year(y), ch::month(static_cast<unsigned>(m)),
                            ch::day(static_cast<unsigned>(d)))
      .ok();
}

ch::sys_days ToDays(const Ymd& v) {
  return ch::sys_days(ch::year_month_day(ch::year(v.y),
                                         ch::month(static_cast<unsigned>(v.m)),
                                         ch::day(static_cast<unsigned>(v.d))));
}

Ymd FromDays(ch::sys_days sd) {
  ch::year_month_day ymd(sd);
  return Ymd{static_cast<int>(ymd.year()),
             static_cast<int>(static_cast<unsigned>(ymd.month())),
             static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Monday = 1 ... Sunday = 7.
int IsoWeekday(ch::sys_days sd) {
  return static_cast<int>(ch::weekday(sd).iso_encoding());
}

std::string FormatDay(const Ymd& v) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", v.y, v.m, v.d);
  return buf;
}
std::string FormatMonth(int y, int m) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
  return buf;
}
std::string FormatYear(int y) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d", y);
  return buf;
}
std::string FormatWeek(ch::sys_days sd) {
  // The ISO week belongs to the year of its Thursday.
  ch::sys_days thursday = sd + ch::days(4 - IsoWeekday(sd));
  Ymd t = FromDays(thursday);
  ch::sys_days jan1 = ToDays(Ymd{t.y, 1, 1});
  int week = static_cast<int>((thursday - jan1).count()) / 7 + 1;
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-W%02d", t.y, week);
  return buf;
}

int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// Parses "YYYY-MM-DD" at the start of `s`.
bool ParseIsoDay(std::string_view s, Ymd* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!ValidDate(y, m, d)) return false;
  *out = Ymd{y, m, d};
  return true;
}

bool ParsePublished(std::string_view published, Ymd* out) {
  if (published.empty()) return false;
  if (ParseIsoDay(published, out)) return true;
  std::string iso = ParseDateTime(published);
  return ParseIsoDay(iso, out);
}

bool IsCapitalised(std::string_view t) {
  return !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
}

constexpr std::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"monday",   "tuesday", "wednesday",
                                          "thursday", "friday",  "saturday",
                                          "sunday"};

// Returns 1..12 for a capitalised month name or abbreviation ("Sept.",
// "Sep", "SEPTEMBER"), else 0.
int MonthOf(std::string_view t) {
  if (!IsCapitalised(t)) return 0;
  if (t.back() == '.') t.remove_suffix(1);
  std::string l = AsciiLower(t);
  for (int i = 0; i < 12; ++i) {
    if (l == kMonths[i]) return i + 1;
  }
  if (l.size() == 3 || l == "sept") {
    for (int i = 0; i < 12; ++i) {
      if (i != 4 && kMonths[i].substr(0, 3) == l.substr(0, 3)) return i + 1;
    }
  }
  return 0;
}

// Returns 1 (Monday) ... 7 (Sunday) for a capitalised weekday, else 0.
int WeekdayOf(std::string_view t) {
  if (!IsCapitalised(t) || t.size() < 6) return 0;
  std::string l = AsciiLower(t);
  for (int i = 0; i < 7; ++i) {
    if (l == kWeekdays[i]) return i + 1;
  }
  return 0;
}

// Returns the day of month in "13" or "13th", else 0.
int DayOf(std::string_view t) {
  size_t n = 0;
  while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view rest = t.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" &&
      rest != "th")
    return 0;
  int d = Digits(t, 0, n);
  return d >= 1 && d <= 31 ? d : 0;
}

// Returns the year in a four-digit token 1000..2199, else 0.
int YearOf(std::string_view t) {
  if (t.size() != 4) return 0;
  int y = Digits(t, 0, 4);
  return y >= 1000 && y <= 2199 ? y : 0;
}

// Returns a small count written as digits or a word ("two", "a"), else 0.
int CountOf(std::string_view t) {
  static constexpr std::string_view kWords[] = {
      "one",   "two",   "three", "four", "five",   "six",
      "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  std::string l = AsciiLower(t);
  if (l == "a" || l == "an") return 1;
  for (int i = 0; i < 12; ++i) {
    if (l == kWords[i]) return i + 1;
  }
  if (!l.empty() && l.size() <= 3) {
    int v = Digits(l, 0, l.size());
    if (v > 0) return v;
  }
  return 0;
}

enum class Tense { kNone, kPast, kFuture };

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Returns the tense a word suggests for the time expressions near it.
Tense CueOf(std::string_view t, std::string_view next) {
  if (t.empty() || !(t[0] >= 'a' && t[0] <= 'z')) {
    if (t == "'ll" || t == "\xE2\x80\x99ll") return Tense::kFuture;
    if (!IsCapitalised(t)) return Tense::kNone;
  }
  std::string l = AsciiLower(t);
  static constexpr std::string_view kFuture[] = {
      "will",   "would",    "shall",    "due",      "scheduled", "plans",
      "plan",   "planned",  "planning", "expected", "expects",   "intends",
      "intend", "upcoming", "could",    "may",      "might",     "aims",
      "hopes",  "tomorrow", "later"};
  static constexpr std::string_view kPast[] = {
      "said", "says",   "told",   "was",       "were",    "had",
      "has",  "have",   "did",    "been",      "ago",     "met",
      "held", "made",   "went",   "came",      "took",    "gave",
      "saw",  "left",   "began",  "spoke",     "sent",    "won",
      "lost", "fought", "became", "yesterday", "earlier", "last"};
  for (std::string_view w : kFuture) {
    if (l == w) return Tense::kFuture;
  }
  if ((l == "wo" && (next == "n't" || next == "n\xE2\x80\x99t")) ||
      ((l == "going" || l == "set") && next == "to")) {
    return Tense::kFuture;
  }
  for (std::string_view w : kPast) {
    if (l == w) return Tense::kPast;
  }
  if (t[0] >= 'a' && t[0] <= 'z' && l.size() >= 5 && EndsWith(l, "ed") &&
      !EndsWith(l, "eed")) {
    return Tense::kPast;
  }
  return Tense::kNone;
}

bool IsYearContext(std::string_view prev) {
  static constexpr std::string_view kWords[] = {
      "in",      "since",         "by",        "until",  "till",
      "through", "from",          "to",        "during", "of",
      "before",  "after",         "early",     "late",   "mid",
      "the",     "around",        "circa",     "year",   "for",
      "'s",      "\xE2\x80\x99s", "between",   "and",    "fiscal",
      "spring",  "summer",        "autumn",    "fall",   "winter",
      "end",     "start",         "beginning", "(",      "\xE2\x80\x93"};
  std::string l = AsciiLower(prev);
  for (std::string_view w : kWords) {
    if (l == w) return true;
  }
  return false;
}

bool IsMonthContext(std::string_view prev) {
  static constexpr std::string_view kWords[] = {
      "in",    "since", "by",     "until", "till",   "through",
      "from",  "to",    "during", "of",    "before", "after",
      "early", "late",  "mid",    "last",  "next",   "this"};
  std::string l = AsciiLower(prev);
  for (std::string_view w : kWords) {
    if (l == w) return true;
  }
  return false;
}

struct Match {
  size_t token_end = 0;  // one past the last token
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string value;
  std::string granularity;
  std::string rule;
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& tokens,
         bool have_anchor, const Ymd& anchor, TenseHint hint)
      : text_(text),
        tokens_(tokens),
        have_anchor_(have_anchor),
        anchor_(anchor),
        hint_(hint) {}

  void Run(const Sentence& s, std::vector<TimeExpression>* out) {
    sb_ = s.token_begin;
    se_ = s.token_end;
    size_t k = sb_;
    while (k < se_) {
      Match m;
      if (MatchAt(k, &m)) {
        out->push_back(TimeExpression{m.begin, m.end, std::move(m.value),
                                      std::move(m.granularity),
                                      std::move(m.rule)});
        k = m.token_end;
      } else {
        ++k;
      }
    }
  }

 private:
  std::string_view Tok(size_t k) const {
    return k >= sb_ && k < se_ ? TokenText(text_, tokens_[k])
                               : std::string_view();
  }

  void Set(Match* m, size_t kb, size_t ke, std::string value, const char* gran,
           std::string rule) const {
    m->token_end = ke;
    m->begin = tokens_[kb].begin;
    m->end = tokens_[ke - 1].end;
    m->value = std::move(value);
    m->granularity = gran;
    m->rule = std::move(rule);
  }

  // Returns the tense for the expression over tokens [kb, ke).
  Tense TenseFor(size_t kb, size_t ke) const {
    if (hint_ == TenseHint::kPast) return Tense::kPast;
    if (hint_ == TenseHint::kFuture) return Tense::kFuture;
    for (size_t k = kb; k > sb_; --k) {
      Tense t = CueOf(Tok(k - 1), Tok(k));
      if (t != Tense::kNone) return t;
    }
    for (size_t k = ke; k < se_; ++k) {
      Tense t = CueOf(Tok(k), Tok(k + 1));
      if (t != Tense::kNone) return t;
    }
    return Tense::kPast;
  }
  static const char* TenseName(Tense t) {
    return t == Tense::kFuture ? "future" : "past";
  }

  ch::sys_days Anchor() const { return ToDays(anchor_); }

  bool ResolveWeekday(int wd, Tense tense, Match* m, size_t kb, size_t ke,
                      const char* rule) const {
    if (!have_anchor_) return false;
    ch::sys_days a = Anchor();
    ch::sys_days d;
    std::string r = rule;
    if (r == "weekday-last") {
      d = a - ch::days(1);
      while (IsoWeekday(d) != wd) d -= ch::days(1);
    } else if (r == "weekday-next") {
      d = a + ch::days(1);
      while (IsoWeekday(d) != wd) d += ch::days(1);
    } else if (tense == Tense::kFuture) {
      d = a - ch::days(1);
      while (IsoWeekday(d) != wd) d += ch::days(1);
      r += "-future";
    } else {
      d = a;
      while (IsoWeekday(d) != wd) d -= ch::days(1);
      r += "-past";
    }
    Set(m, kb, ke, FormatDay(FromDays(d)), "day", r);
    return true;
  }

  bool ResolveMonth(int month, int modifier, size_t kb, size_t ke,
                    Match* m) const {
    if (!have_anchor_) return false;
    int y = anchor_.y;
    std::string rule;
    if (modifier < 0) {
      if (month >= anchor_.m) --y;
      rule = "month-last";
    } else if (modifier > 0) {
      if (month <= anchor_.m) ++y;
      rule = "month-next";
    } else if (modifier == 0 && kb > sb_ && AsciiLower(Tok(kb)) == "this") {
      rule = "month-this";
    } else {
      Tense t = TenseFor(kb, ke);
      if (t == Tense::kFuture) {
        if (month < anchor_.m) ++y;
      } else if (month > anchor_.m) {
        --y;
      }
      rule = std::string("month-") + TenseName(t);
    }
    Set(m, kb, ke, FormatMonth(y, month), "month", rule);
    return true;
  }

  bool ResolveMonthDay(int month, int day, size_t kb, size_t ke,
                       Match* m) const {
    if (!have_anchor_) return false;
    Tense t = TenseFor(kb, ke);
    int y = anchor_.y;
    ch::sys_days a = Anchor();
    auto days_of = [&](int year) -> ch::sys_days {
      // Feb 29 in a common year falls back to Feb 28.
      int d = day;
      while (!ValidDate(year, month, d)) --d;
      return ToDays(Ymd{year, month, d});
    };
    if (t == Tense::kFuture) {
      if (days_of(y) < a - ch::days(1)) ++y;
    } else if (days_of(y) > a + ch::days(1)) {
      --y;
    }
    if (!ValidDate(y, month, day)) return false;
    Set(m, kb, ke, FormatDay(Ymd{y, month, day}), "day",
        std::string("monthday-") + TenseName(t));
    return true;
  }

  bool MatchAt(size_t k, Match* m) const;
  bool MatchCore(size_t k, Match* m) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  bool have_anchor_;
  Ymd anchor_;
  TenseHint hint_;
  size_t sb_ = 0;  // the current sentence's tokens
  size_t se_ = 0;
};

// Returns false for tokens that cannot start a time expression: most
// lowercase words and punctuation. Keeps the scan cheap (no allocation).
bool MayStartExpression(std::string_view t, uint8_t kind) {
  if (t.empty() || kind == kTokenPunct || kind == kTokenUrl ||
      kind == kTokenEmail)
    return false;
  char c = t[0];
  if (!(c >= 'a' && c <= 'z')) return true;  // capitalised, digits, non-ASCII
  if (t.size() <= 9) {
    // The lowercase words that can open an expression, by first letter.
    switch (c) {
      case 'a':
        return t == "a" || t == "an";
      case 'b':
        return t == "between";
      case 'c':
        return t == "coming";
      case 'e':
        return t == "eight" || t == "eleven";
      case 'f':
        return t == "from" || t == "four" || t == "five";
      case 'l':
        return t == "last";
      case 'n':
        return t == "next" || t == "nine";
      case 'o':
        return t == "one";
      case 's':
        return t == "since" || t == "six" || t == "seven";
      case 't':
        return t == "this" || t == "today" || t == "tomorrow" ||
               t == "tonight" || t == "two" || t == "three" || t == "ten" ||
               t == "twelve";
      case 'y':
        return t == "yesterday";
      default:
        break;
    }
  }
  return t.size() > 4 && t.back() == 's' &&
         t[t.size() - 2] == '0';  // mid-1990s
}

bool Finder::MatchAt(size_t k, Match* m) const {
  std::string_view t = Tok(k);
  if (!MayStartExpression(t, tokens_[k].kind)) return false;
  std::string l = AsciiLower(t);
  if (l == "since") {
    // "since 2022", "since July", "since Russia's 2022 invasion".
    if (MatchCore(k + 1, m) && m->granularity != "range") {
      m->value += "/";
      m->granularity = "range";
      m->rule = "since-" + m->rule;
      m->begin = tokens_[k].begin;
      return true;
    }
    for (size_t j = k + 2; j < se_ && j <= k + 5; ++j) {
      std::string_view p = Tok(j - 1);
      if ((p == "'s" || p == "\xE2\x80\x99s") && YearOf(Tok(j)) != 0) {
        Set(m, k, j + 1, FormatYear(YearOf(Tok(j))) + "/", "range",
            "since-possessive-year");
        return true;
      }
    }
    return false;
  }
  if ((l == "between" || l == "from") && YearOf(Tok(k + 1)) != 0) {
    std::string_view link = Tok(k + 2);
    if ((link == "and" || link == "to" || link == "until" || link == "-" ||
         link == "\xE2\x80\x93") &&
        YearOf(Tok(k + 3)) != 0) {
      Set(m, k, k + 4,
          FormatYear(YearOf(Tok(k + 1))) + "/" + FormatYear(YearOf(Tok(k + 3))),
          "range", "year-range");
      return true;
    }
  }
  return MatchCore(k, m);
}

bool Finder::MatchCore(size_t k, Match* m) const {
  if (k >= se_) return false;
  std::string_view t = Tok(k);
  if (t.empty()) return false;
  // Decades: "the 1990s", "mid-1990s", "the 1990's".
  if (t.size() >= 5 && t.back() == 's') {
    std::string_view y4 = t.substr(t.size() - 5, 4);
    if (YearOf(y4) != 0 && y4[3] == '0' &&
        (t.size() == 5 || t[t.size() - 6] == '-')) {
      Set(m, k, k + 1, std::string(y4.substr(0, 3)), "decade", "decade");
      return true;
    }
  }
  // Every other expression starts with a word of at most 9 letters
  // ("september", "yesterday") or a number.
  if (tokens_[k].kind == kTokenWord && t.size() > 9) return false;
  std::string l = AsciiLower(t);
  const uint8_t kind = tokens_[k].kind;
  std::string_view prev = k > sb_ ? Tok(k - 1) : std::string_view();

  // 2023-09-13, and year ranges 1997-2024.
  if (kind == kTokenNumber && t.size() == 10) {
    Ymd v;
    if (ParseIsoDay(t, &v)) {
      Set(m, k, k + 1, FormatDay(v), "day", "iso-date");
      return true;
    }
  }
  if (kind == kTokenNumber && t.size() == 9 && t[4] == '-' &&
      YearOf(t.substr(0, 4)) != 0 && YearOf(t.substr(5)) != 0 &&
      YearOf(t.substr(0, 4)) < YearOf(t.substr(5))) {
    Set(m, k, k + 1,
        std::string(t.substr(0, 4)) + "/" + std::string(t.substr(5)), "range",
        "year-range");
    return true;
  }

  // Month first: "September 13, 2023", "Sept. 13", "July 2000", "October".
  if (int month = MonthOf(t); month != 0) {
    std::string_view next = Tok(k + 1);
    int day = DayOf(next);
    if (day != 0) {
      size_t j = k + 2;
      if (Tok(j) == ",") ++j;
      int year = YearOf(Tok(j));
      if (year != 0 && ValidDate(year, month, day)) {
        Set(m, k, j + 1, FormatDay(Ymd{year, month, day}), "day", "date");
        return true;
      }
      if (ResolveMonthDay(month, day, k, k + 2, m)) return true;
      return false;
    }
    if (int year = YearOf(next); year != 0) {
      Set(m, k, k + 2, FormatMonth(year, month), "month", "month-year");
      return true;
    }
    bool ambiguous =
        month == 5 || month == 3 || t.back() == '.' || t.size() == 3;
    if (ambiguous && !IsMonthContext(prev)) return false;
    return ResolveMonth(month, 0, k, k + 1, m);
  }

  // Day first: "13 September 2023", "13 Sept".
  if (int day = DayOf(t); day != 0 && kind != kTokenPunct) {
    int month = MonthOf(Tok(k + 1));
    if (month != 0) {
      int year = YearOf(Tok(k + 2));
      if (year != 0 && ValidDate(year, month, day)) {
        Set(m, k, k + 3, FormatDay(Ymd{year, month, day}), "day", "date");
        return true;
      }
      return ResolveMonthDay(month, day, k, k + 2, m);
    }
  }

  // last/next/this/coming + week, month, year, weekday, month name.
  if (l == "last" || l == "next" || l == "this" || l == "coming") {
    int dir = l == "last" ? -1 : (l == "this" ? 0 : 1);
    std::string_view n = Tok(k + 1);
    std::string nl = AsciiLower(n);
    if (!have_anchor_) return false;
    ch::sys_days a = Anchor();
    if (nl == "week" || nl == "weekend") {
      Set(m, k, k + 2, FormatWeek(a + ch::days(7 * dir)), "week", "week-" + l);
      return true;
    }
    if (nl == "month") {
      int mm = anchor_.m + dir, yy = anchor_.y;
      if (mm == 0) {
        mm = 12;
        --yy;
      }
      if (mm == 13) {
        mm = 1;
        ++yy;
      }
      Set(m, k, k + 2, FormatMonth(yy, mm), "month", "month-" + l);
      return true;
    }
    if (nl == "year") {
      Set(m, k, k + 2, FormatYear(anchor_.y + dir), "year", "year-" + l);
      return true;
    }
    if (nl == "night" && dir <= 0) {
      Set(m, k, k + 2, FormatDay(FromDays(a + ch::days(dir))), "day",
          "night-" + l);
      return true;
    }
    if ((nl == "morning" || nl == "afternoon" || nl == "evening") && dir == 0) {
      Set(m, k, k + 2, FormatDay(anchor_), "day", "today");
      return true;
    }
    if (int wd = WeekdayOf(n); wd != 0) {
      const char* rule =
          dir < 0 ? "weekday-last" : (dir > 0 ? "weekday-next" : "weekday");
      return ResolveWeekday(wd, TenseFor(k, k + 2), m, k, k + 2, rule);
    }
    if (int month = MonthOf(n); month != 0 && n.back() != '.') {
      return ResolveMonth(month, dir, k, k + 2, m);
    }
    return false;
  }

  if (int wd = WeekdayOf(t); wd != 0) {
    return ResolveWeekday(wd, TenseFor(k, k + 1), m, k, k + 1, "weekday");
  }

  if (l == "yesterday" || l == "today" || l == "tomorrow" || l == "tonight") {
    if (!have_anchor_) return false;
    int delta = l == "yesterday" ? -1 : (l == "tomorrow" ? 1 : 0);
    Set(m, k, k + 1, FormatDay(FromDays(Anchor() + ch::days(delta))), "day", l);
    return true;
  }

  // "two years ago", "a week ago".
  if (int count = CountOf(t); count != 0 && AsciiLower(Tok(k + 2)) == "ago") {
    std::string unit = AsciiLower(Tok(k + 1));
    if (!unit.empty() && unit.back() == 's') unit.pop_back();
    if (!have_anchor_) return false;
    ch::sys_days a = Anchor();
    if (unit == "day") {
      Set(m, k, k + 3, FormatDay(FromDays(a - ch::days(count))), "day", "ago");
      return true;
    }
    if (unit == "week") {
      Set(m, k, k + 3, FormatWeek(a - ch::days(7 * count)), "week", "ago");
      return true;
    }
    if (unit == "month") {
      int total = anchor_.y * 12 + (anchor_.m - 1) - count;
      Set(m, k, k + 3, FormatMonth(total / 12, total % 12 + 1), "month", "ago");
      return true;
    }
    if (unit == "year") {
      Set(m, k, k + 3, FormatYear(anchor_.y - count), "year", "ago");
      return true;
    }
    return false;
  }

  if (int year = YearOf(t); year != 0 && kind == kTokenNumber) {
    std::string_view next = Tok(k + 1);
    if (year % 10 == 0 && AsciiLower(prev) == "the" &&
        (next == "'s" || next == "\xE2\x80\x99s")) {
      Set(m, k, k + 2, FormatYear(year).substr(0, 3), "decade", "decade");
      return true;
    }
    if (!IsYearContext(prev)) return false;
    // "Travel (1465)": a count in a menu; "(1999)" after a title is a year.
    if (prev == "(" && (year < 1800 || Tok(k + 1) != ")")) return false;
    // "in 2000 troops", "the 2000 soldiers", "2000 percent": counts, not years.
    std::string nl = AsciiLower(next);
    bool plural_noun = !next.empty() && next[0] >= 'a' && next[0] <= 'z' &&
                       next.back() == 's' && next.size() > 3;
    if (plural_noun || nl == "percent" || next == "%" || nl == "people")
      return false;
    Set(m, k, k + 1, FormatYear(year), "year", "year");
    return true;
  }
  return false;
}

}  // namespace

void FindTimeExpressions(std::string_view text,
                         const std::vector<Token>& tokens,
                         const std::vector<Sentence>& sentences,
                         std::string_view published,
                         std::vector<TimeExpression>* out, TenseHint hint) {
  out->clear();
  Ymd anchor;
  bool have_anchor = ParsePublished(published, &anchor);
  Finder finder(text, tokens, have_anchor, anchor, hint);
  for (const Sentence& s : sentences) finder.Run(s, out);
}

void FindTimeExpressions(std::string_view text, std::string_view published,
                         std::vector<TimeExpression>* out, TenseHint hint) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  TokenizeAndSplit(text, &tokens, &sentences);
  FindTimeExpressions(text, tokens, sentences, published, out, hint);
}

bool IsCalendarWord(std::string_view word) {
  if (MonthOf(word) != 0 || WeekdayOf(word) != 0) return true;
  static constexpr std::string_view kRelative[] = {
      "today",   "yesterday", "tomorrow", "tonight", "morning", "afternoon",
      "evening", "night",     "weekend",  "minute",  "hour",    "day",
      "week",    "month",     "year",     "decade",  "century"};
  std::string l = AsciiLower(word);
  for (std::string_view r : kRelative) {
    if (l == r) return true;
  }
  // "18 years after ...", "two decades": a count of a unit of time.
  if (l.size() > 1 && l.back() == 's') {
    l.pop_back();
    if (l == "centurie") l = "century";
    for (std::string_view r : kRelative) {
      if (l == r) return true;
    }
  }
  return false;
}

}  // namespace dateline

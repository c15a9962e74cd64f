// ParseDateline: the place (and agency, and date) that opens a news story,
// "SEOUL/MOSCOW – ", "WASHINGTON (Reuters) - ", "LONDON, May 3 (AP) — ";
// LeadDatelineLength: the same prefix (or "NEW DELHI: ") where the segment
// stage starts the lead sentence after it.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::IsLetter;
using clean_internal::IsLower;
using clean_internal::IsUpper;
using clean_internal::Trim;

// Place-name words written in lower case inside a Title-case name.
bool IsConnector(std::string_view w) {
  return w == "de" || w == "la" || w == "del" || w == "da" || w == "do" ||
         w == "of" || w == "upon" || w == "on" || w == "el" || w == "al" ||
         w == "es" || w == "am" || w == "an" || w == "der" || w == "sur";
}

enum class Case { kNone, kUpper, kTitle };

// Classifies a place name ("NEW YORK", "St. Louis", "Rio de Janeiro"):
// letters, spaces, '.', '\'', '-'; at most 4 words.
Case PlaceCase(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 40) return Case::kNone;
  bool all_upper = true, title = true;
  int words = 0, letters = 0;
  size_t i = 0;
  bool word_start = true;
  std::string word;
  auto end_word = [&]() {
    if (!word.empty() && IsConnector(word)) {
      // fine inside a Title-case name, not in an all-caps one
      all_upper = false;
    }
    word.clear();
  };
  while (i < s.size()) {
    uint32_t cp = DecodeUtf8(s, &i);
    if (cp == ' ') {
      end_word();
      word_start = true;
      continue;
    }
    if (cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-') {
      word_start = cp == '-';
      continue;
    }
    if (!IsLetter(cp)) return Case::kNone;
    ++letters;
    if (word_start) {
      ++words;
      word_start = false;
      word.clear();
      if (!IsUpper(cp)) {
        all_upper = false;
        // lower-case connector words are checked at the word's end
      }
    }
    if (cp < 0x80) word.push_back(static_cast<char>(cp));
    if (IsLower(cp)) all_upper = false;
  }
  end_word();
  if (words == 0 || words > 4 || letters < 2) return Case::kNone;
  if (all_upper) return Case::kUpper;
  // Title case: every word capitalised except connectors.
  i = 0;
  word_start = true;
  size_t word_begin = 0;
  while (i <= s.size()) {
    if (i == s.size() || s[i] == ' ') {
      std::string_view w = s.substr(word_begin, i - word_begin);
      if (!w.empty()) {
        size_t p = 0;
        uint32_t first = DecodeUtf8(w, &p);
        if (!IsUpper(first) && !IsConnector(w)) title = false;
      }
      word_begin = i + 1;
    }
    ++i;
  }
  return title ? Case::kTitle : Case::kNone;
}

// Dashes that end a dateline, with the spaces around them.
constexpr std::string_view kDashes[] = {" – ", " — ", " - ", " -- ", "—",
                                        " –", " —", " -"};

// Returns true if `s` is "(Reuters)", "(AP)" ...: a short parenthetical.
bool IsAgency(std::string_view s) {
  s = Trim(s);
  if (s.size() < 3 || s.front() != '(' || s.back() != ')') return false;
  std::string_view inner = s.substr(1, s.size() - 2);
  auto words = clean_internal::SplitWords(inner);
  if (words.empty() || words.size() > 4) return false;
  size_t p = 0;
  return IsUpper(DecodeUtf8(inner, &p));
}

// What a dateline prefix holds (ReadDateline).
struct DatelineParts {
  size_t length = 0;  // bytes of the prefix, its dash and the spaces after
  std::vector<std::string> places;
  bool agency = false;             // "(Reuters)"
  bool date = false;               // ", May 3"
  bool region = false;             // ", South Korea", ", N.Y."
  Case place_case = Case::kUpper;  // kTitle when any place is Title case
};

// Reads "PLACE[/PLACE][, date or region][ (Agency)]" up to the first of
// `dashes` in the paragraph's head into *out. Returns false when the head
// has none of them, or what precedes it is not of that shape.
bool ReadDateline(std::string_view paragraph,
                  std::span<const std::string_view> dashes,
                  DatelineParts* out) {
  std::string_view head = paragraph.substr(0, 160);
  // The first dash within the head.
  size_t dash = std::string_view::npos, dash_len = 0;
  for (std::string_view d : dashes) {
    size_t p = head.find(d);
    if (p != std::string_view::npos && p > 0 && p < dash) {
      dash = p;
      dash_len = d.size();
    }
  }
  if (dash == std::string_view::npos || dash > 120) return false;
  size_t end = dash + dash_len;
  while (end < paragraph.size() && paragraph[end] == ' ') ++end;
  if (end >= paragraph.size()) return false;
  out->length = end;
  std::string_view prefix = Trim(paragraph.substr(0, dash));

  // Peel the agency "(Reuters)" off the end.
  if (!prefix.empty() && prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open != std::string_view::npos && IsAgency(prefix.substr(open))) {
      out->agency = true;
      prefix = Trim(prefix.substr(0, open));
    }
  }
  if (prefix.empty()) return out->agency;

  // Then ", May 3" and ", South Korea" after the place.
  std::string_view place = prefix;
  size_t comma = prefix.find(',');
  if (comma != std::string_view::npos) {
    place = Trim(prefix.substr(0, comma));
    std::string_view rest = prefix.substr(comma + 1);
    // At most two comma-separated parts after the place.
    int parts = 0;
    while (!rest.empty()) {
      size_t c = rest.find(',');
      std::string_view part = Trim(rest.substr(0, c));
      rest = c == std::string_view::npos ? std::string_view()
                                         : rest.substr(c + 1);
      if (++parts > 2) return false;
      auto words = clean_internal::SplitWords(part);
      bool has_digit = false;
      for (char ch : part) has_digit |= ch >= '0' && ch <= '9';
      if (has_digit && words.size() <= 3) {
        out->date = true;  // "May 3", "Sept. 15", "3 May"
      } else if (PlaceCase(part) != Case::kNone) {
        out->region = true;
      } else {
        return false;
      }
    }
  }
  // "SEOUL/MOSCOW": several places.
  size_t start = 0;
  while (start <= place.size()) {
    size_t slash = place.find('/', start);
    if (slash == std::string_view::npos) slash = place.size();
    std::string_view one = Trim(place.substr(start, slash - start));
    Case c = PlaceCase(one);
    if (c == Case::kNone) return false;
    if (c == Case::kTitle) out->place_case = Case::kTitle;
    out->places.emplace_back(one);
    start = slash + 1;
  }
  return !out->places.empty();
}

// Reads a dash dateline; a Title-case name before a dash is too often a
// sentence ("Kim Jong Un — ..."), so it needs the agency or the date.
bool ReadDashDateline(std::string_view paragraph, DatelineParts* out) {
  if (!ReadDateline(paragraph, kDashes, out)) return false;
  return out->place_case == Case::kUpper || out->agency || out->date;
}

// Returns true if `rest`, what follows a dateline, opens a sentence of
// prose: it starts with a capital, a digit or an opening quote, and its
// first words are not all in capitals (a headline's "... - KREMLIN SAYS").
bool OpensProse(std::string_view rest) {
  size_t i = 0;
  uint32_t first = DecodeUtf8(rest, &i);
  if (!IsUpper(first) && !(first >= '0' && first <= '9') && first != '"' &&
      first != '\'' && first != 0x201C && first != 0x2018 && first != 0xAB)
    return false;
  std::string_view words = rest.substr(0, 60);
  for (size_t p = 0; p < words.size();) {
    if (IsLower(DecodeUtf8(words, &p))) return true;
  }
  return false;
}

// Returns the number of letters in `s`.
int Letters(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) n += IsLetter(DecodeUtf8(s, &i)) ? 1 : 0;
  return n;
}

// The colon that ends a dateline in some outlets' style ("NEW DELHI: ").
constexpr std::string_view kColon[] = {": "};

}  // namespace

size_t ParseDateline(std::string_view paragraph,
                     std::vector<std::string>* places) {
  DatelineParts d;
  if (!ReadDashDateline(paragraph, &d)) return 0;
  places->insert(places->end(), d.places.begin(), d.places.end());
  return d.length;
}

size_t LeadDatelineLength(std::string_view paragraph) {
  DatelineParts d;
  if (!ReadDashDateline(paragraph, &d)) {
    // "NEW DELHI: " only in capitals: a Title-case name before a colon is
    // a sentence's ("Kim: ...") or a headline's.
    d = DatelineParts();
    if (!ReadDateline(paragraph, kColon, &d) ||
        d.place_case != Case::kUpper)
      return 0;
  }
  // One bare name of two letters is an acronym opening a sentence ("US -
  // China talks", "EU - Japan deal"), not where the story was filed.
  if (d.places.size() == 1 && !d.agency && !d.date && !d.region &&
      Letters(d.places[0]) < 3)
    return 0;
  return OpensProse(paragraph.substr(d.length)) ? d.length : 0;
}

}  // namespace dateline

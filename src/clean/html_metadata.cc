// Reads a page's own metadata: <title>, <meta> (Open Graph, article:*,
// Dublin Core, parsely, sailthru ...), JSON-LD (NewsArticle and kin, also in
// @graph), <time datetime>, <link rel=canonical>, <html lang>.
#include "clean/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "clean/metadata.h"

namespace dateline {
namespace {

// Reads the article facts of one JSON-LD block (also inside @graph).
void ReadJsonLd(std::string_view json, HtmlMetadata* m) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded()) return;
  std::vector<const nlohmann::json*> stack = {&j};
  auto str = [](const nlohmann::json& v) -> std::string {
    return v.is_string() ? v.get<std::string>() : std::string();
  };
  size_t visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& e : *v) stack.push_back(&e);
      continue;
    }
    if (!v->is_object()) continue;
    if (v->contains("@graph")) stack.push_back(&(*v)["@graph"]);
    std::string type;
    if (v->contains("@type")) {
      const auto& t = (*v)["@type"];
      type = t.is_array() && !t.empty() ? str(t[0]) : str(t);
    }
    bool article = type.find("Article") != std::string::npos ||
                   type == "BlogPosting" || type == "Report" ||
                   type == "WebPage";
    if (!article) continue;
    bool strong = type != "WebPage";
    if (v->contains("headline") && (strong || m->ld_headline.empty())) {
      // Some sites entity-encode inside JSON ("&#8216;", "&#163;").
      m->ld_headline = DecodeHtmlText(str((*v)["headline"]));
    }
    if (v->contains("datePublished") && (strong || m->ld_published.empty())) {
      m->ld_published = str((*v)["datePublished"]);
    }
    if (v->contains("author") && strong && m->ld_authors.empty()) {
      const auto& a = (*v)["author"];
      std::vector<const nlohmann::json*> as;
      if (a.is_array()) {
        for (const auto& e : a) as.push_back(&e);
      } else {
        as.push_back(&a);
      }
      for (const auto* e : as) {
        // An organisation as author (the outlet, an agency) is no byline.
        if (e->is_object() && e->contains("@type")) {
          const auto& t = (*e)["@type"];
          std::string at = AsciiLower(t.is_array() && !t.empty() ? str(t[0]) : str(t));
          if (at.find("organization") != std::string::npos) continue;
        }
        std::string name = DecodeHtmlText(
            e->is_object() && e->contains("name") ? str((*e)["name"]) : str(*e));
        if (!name.empty() && name.find("http") != 0) {
          m->ld_authors.push_back(name);
        }
      }
    }
    if (v->contains("publisher") && (*v)["publisher"].is_object() &&
        (*v)["publisher"].contains("name")) {
      m->ld_publisher = str((*v)["publisher"]["name"]);
    }
    if (v->contains("keywords") && m->tags.empty()) {
      const auto& k = (*v)["keywords"];
      if (k.is_array()) {
        for (const auto& e : k) {
          if (e.is_string()) m->tags.push_back(e.get<std::string>());
        }
      } else if (k.is_string()) {
        ParseTagLine("Tags: " + k.get<std::string>(), &m->tags);
      }
    }
  }
}

// Returns `s` lower-cased (ASCII) with only letters and digits kept (all
// non-ASCII bytes kept): the key two spellings of a name or headline share.
std::string AlnumKey(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// Returns the words of `s` of three bytes or more, lower-cased.
std::vector<std::string> ContentWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else {
      if (w.size() >= 3) out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// Returns the decoded, whitespace-collapsed text under `node` (scripts and
// styles left out), or "" when it runs past `max_bytes`.
std::string SubtreeText(const HtmlDom& dom, uint32_t node, size_t max_bytes) {
  const auto& nodes = dom.nodes();
  std::string raw;
  uint32_t i = nodes[node].first_child;
  while (i != kNoNode && i != node) {
    const HtmlNode& n = nodes[i];
    bool descend = false;
    if (n.type == NodeType::kText) {
      raw.append(n.text);
      if (raw.size() > 4 * max_bytes) return "";
    } else if (n.type == NodeType::kElement && n.tag != Tag::kScript &&
               n.tag != Tag::kStyle) {
      raw.push_back(' ');
      descend = n.first_child != kNoNode;
    }
    if (descend) {
      i = n.first_child;
      continue;
    }
    while (i != node && nodes[i].next_sibling == kNoNode) i = nodes[i].parent;
    if (i == node) break;
    i = nodes[i].next_sibling;
  }
  std::string text = CollapseWhitespace(DecodeHtmlText(raw));
  return text.size() > max_bytes ? "" : text;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// Words that name an organisation, a desk or a role, never a person: a name
// holding one is not a byline name ("Staff Reports", "AP Auto Writer").
constexpr std::string_view kNotPersonWords[] = {
    "staff", "editorial", "editor", "editors", "desk", "bureau", "team",
    "admin", "administrator", "news", "press", "reuters", "afp", "pti", "ians",
    "wire", "wires", "services", "reports", "agency", "media", "writer",
    "reporter", "correspondent", "columnist", "contributor", "magazine",
    "newspaper", "online", "digital", "network", "blog", "sport", "sports",
    "daily", "herald", "journal", "tribune", "group", "inc", "ltd", "llc",
    "company", "office", "department", "international", "service", "business",
    "insider", "writers", "reporters", "correspondents", "columnists",
    "contributors", "redação", "redacción", "redaktion", "rédaction", "redazione"};

// Particles that stand lower-case inside a person's name.
constexpr std::string_view kNameParticles[] = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von",
    "der", "den", "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter"};

// Returns the title-cased form of an ALL CAPS name ("MEG KINNARD" -> "Meg
// Kinnard"); other names unchanged.
std::string TitleCaseIfShouting(std::string name) {
  bool has_lower = std::any_of(name.begin(), name.end(), IsLowerAscii);
  bool has_upper = std::any_of(name.begin(), name.end(), IsUpperAscii);
  if (has_lower || !has_upper) return name;
  bool start = true;
  for (char& c : name) {
    if (IsUpperAscii(c) && !start) c = static_cast<char>(c + 32);
    start = c == ' ' || c == '-' || c == '\'';
  }
  return name;
}

// Returns true when `name` reads as a person's name: one to five words, each
// capitalised (or a particle, or an initial), no digits, no organisation
// word, not the article "The", not one shouted acronym, and not the site's
// own name.
bool LooksLikePersonName(const std::string& name,
                         const std::vector<std::string>& site_keys,
                         const std::string& host_key) {
  if (name.empty() || name.size() > 60) return false;
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < name.size()) {
    size_t sp = name.find(' ', pos);
    if (sp == std::string::npos) sp = name.size();
    if (sp > pos) words.push_back(name.substr(pos, sp - pos));
    pos = sp + 1;
  }
  if (words.empty() || words.size() > 5) return false;
  if (words[0] == "The" || words[0] == "the") return false;
  for (const std::string& w : words) {
    for (char c : w) {
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '/' ||
          c == ':' || c == '|') {
        return false;
      }
    }
    std::string lw = AsciiLower(w);
    while (!lw.empty() && (lw.back() == '.' || lw.back() == ',')) lw.pop_back();
    for (std::string_view bad : kNotPersonWords) {
      if (lw == bad) return false;
    }
    bool particle = false;
    for (std::string_view p : kNameParticles) particle |= lw == p;
    unsigned char first = static_cast<unsigned char>(w[0]);
    if (!particle && IsLowerAscii(static_cast<char>(first))) return false;
  }
  // "AP Writers", "CNN Business": an acronym beside ordinary words is an
  // outlet (a name in capitals is shouted throughout).
  auto shouted = [](const std::string& w) {
    return w.size() >= 2 && !std::any_of(w.begin(), w.end(), IsLowerAscii) &&
           std::count_if(w.begin(), w.end(), IsUpperAscii) >= 2;
  };
  size_t shouted_words = std::count_if(words.begin(), words.end(), shouted);
  if (shouted_words > 0 && shouted_words < words.size()) {
    bool has_lower_word = std::any_of(words.begin(), words.end(), [](const std::string& w) {
      return std::any_of(w.begin(), w.end(), IsLowerAscii);
    });
    if (has_lower_word) return false;
  }
  // One word: a first name ("Catherine"), not an acronym or a handle.
  if (words.size() == 1) {
    const std::string& w = words[0];
    if (w.size() >= 2 && !std::any_of(w.begin(), w.end(), IsLowerAscii) &&
        std::all_of(w.begin(), w.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        })) {
      return false;
    }
  }
  std::string key = AlnumKey(name);
  if (key.size() < 2) return false;
  for (const std::string& site : site_keys) {
    if (!site.empty() && (site == key || site.find(key) != std::string::npos)) {
      return false;
    }
  }
  if (!host_key.empty() && key.size() >= 3 && host_key.find(key) != std::string::npos) {
    return false;
  }
  return true;
}

// Returns the position of the first whole word `w` (ASCII, any case) in `s`
// at or after `from`, or npos.
size_t FindWordNoCase(std::string_view s, std::string_view w, size_t from = 0) {
  std::string ls = AsciiLower(s);
  std::string lw = AsciiLower(w);
  size_t p = from;
  while ((p = ls.find(lw, p)) != std::string::npos) {
    bool left = p == 0 || !std::isalpha(static_cast<unsigned char>(ls[p - 1]));
    size_t e = p + lw.size();
    bool right = e >= ls.size() || !std::isalpha(static_cast<unsigned char>(ls[e]));
    if (left && right) return p;
    ++p;
  }
  return std::string::npos;
}

constexpr std::string_view kMonthWords[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "january", "february", "march", "april", "june",
    "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "updated",
    "published", "posted"};


// Returns the date a printed date line gives for first publication ("Posted
// Nov 18, 2019, 8:19 PM", "Published 11:11 PM EST Nov 19, 2019"), as
// ParseDateTime writes it; "" when the line gives only an update date or
// no full date.
std::string PrintedPublishedDate(std::string_view text) {
  if (text.size() > 300) return "";
  std::string from(text);
  size_t pos = std::string::npos;
  for (const char* w : {"published", "posted", "original", "publiziert", "publicado",
                        "publié", "pubblicato"}) {
    size_t p = FindWordNoCase(text, w);
    if (p != std::string::npos && (pos == std::string::npos || p < pos)) pos = p;
  }
  if (pos != std::string::npos) {
    from = std::string(text.substr(pos));
  } else {
    for (const char* w : {"updated", "modified", "aktualisiert", "atualizado", "actualizado",
                          "edited"}) {
      if (FindWordNoCase(text, w) != std::string::npos) return "";
    }
  }
  std::string iso = ParseDateTime(from);
  if (iso.size() < 10 || iso[4] != '-') return "";
  return iso;
}

// Returns the days from 1970-01-01 to the date that `iso` opens with.
long DaysOf(std::string_view iso) {
  int y = std::atoi(std::string(iso.substr(0, 4)).c_str());
  int m = std::atoi(std::string(iso.substr(5, 2)).c_str());
  int d = std::atoi(std::string(iso.substr(8, 2)).c_str());
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Returns the civil date of day `z` since 1970-01-01 as "YYYY-MM-DD"
// (Howard Hinnant's civil_from_days).
std::string DateOfDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

// Returns the zone offset in minutes that an ISO time stamp names
// ("...T00:24-05:00" -> -300); false when it names none.
bool OffsetOf(std::string_view iso, int* minutes) {
  size_t t = iso.find('T');
  if (t == std::string_view::npos) return false;
  std::string_view time = iso.substr(t);
  if (!time.empty() && time.back() == 'Z') {
    *minutes = 0;
    return true;
  }
  size_t sign = time.find_first_of("+-");
  if (sign == std::string_view::npos || time.size() < sign + 3) return false;
  std::string digits;
  for (char c : time.substr(sign + 1)) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  if (digits.size() != 2 && digits.size() != 4) return false;
  int h = std::atoi(digits.substr(0, 2).c_str());
  int m = digits.size() == 4 ? std::atoi(digits.substr(2).c_str()) : 0;
  *minutes = (time[sign] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

// Returns the date of a UTC time stamp ("2019-11-20T02:07:18+00:00") in the
// zone `offset` minutes from UTC; "" when `iso` holds no time of day.
std::string LocalDate(std::string_view iso, int offset) {
  if (iso.size() < 16 || iso[10] != 'T') return "";
  int hh = std::atoi(std::string(iso.substr(11, 2)).c_str());
  int mm = std::atoi(std::string(iso.substr(14, 2)).c_str());
  long minutes = DaysOf(iso) * 1440 + hh * 60 + mm + offset;
  long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  return DateOfDays(days);
}

// True when an ISO time stamp is in UTC or names no zone: its date part may
// be a day off the date the outlet printed in its own zone.
bool IsUtcOrZoneless(std::string_view iso) {
  if (iso.size() <= 10) return false;  // a date alone is as printed
  if (iso.back() == 'Z') return true;
  size_t t = iso.find('T');
  if (t == std::string_view::npos) return true;
  std::string_view time = iso.substr(t);
  size_t sign = time.find_first_of("+-");
  if (sign == std::string_view::npos) return true;
  std::string_view off = time.substr(sign + 1);
  return off == "00:00" || off == "0000" || off == "00";
}

// Returns `title` without trailing " | Site" / " - Site" parts whose site
// is the page's own (its og:site_name, publisher, or a name its host holds).
std::string StripSiteName(std::string title, const std::vector<std::string>& site_keys,
                          const std::string& host_key) {
  static constexpr std::string_view kSeps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " : "};
  for (int round = 0; round < 3; ++round) {
    size_t best = std::string::npos, len = 0;
    for (std::string_view sep : kSeps) {
      size_t p = title.rfind(sep);
      if (p != std::string::npos && p > 0 && (best == std::string::npos || p > best)) {
        best = p;
        len = sep.size();
      }
    }
    if (best == std::string::npos) break;
    std::string right = AlnumKey(title.substr(best + len));
    bool own = false;
    for (const std::string& k : site_keys) own |= !k.empty() && k == right;
    own |= right.size() >= 3 && !host_key.empty() && host_key.find(right) != std::string::npos;
    if (!own) break;
    title.resize(best);
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

}  // namespace

std::vector<std::string> ParseBylineNames(std::string_view line,
                                          const std::vector<std::string>& site_names,
                                          std::string_view host) {
  std::vector<std::string> site_keys;
  for (const std::string& n : site_names) {
    std::string k = AlnumKey(n);
    if (!k.empty()) site_keys.push_back(k);
  }
  std::string host_key = AlnumKey(host.substr(0, 4) == "www." ? host.substr(4) : host);
  std::string s = CollapseWhitespace(line);
  // The label before the names: "By", "Posted by", "Written by", "Text:".
  size_t by = FindWordNoCase(s, "by");
  if (by != std::string::npos && by < 40) {
    s = s.substr(by + 2);
  } else {
    for (std::string_view label : {"Текст:", "Text:", "Autor:", "Author:", "Por ", "Von ",
                                   "Par ", "Door "}) {
      if (s.rfind(label, 0) == 0) s = s.substr(label.size());
    }
  }
  while (!s.empty() && (s[0] == ':' || s[0] == ' ')) s.erase(0, 1);
  // The names end where a date, a separator or a status word starts.
  size_t end = s.size();
  for (std::string_view stop : {" | ", " - ", " – ", " — ", " · ", " / ", "(", "@", " on ",
                                " publiziert", " Published", " Updated", " Posted", " PUBLISHED",
                                " UPDATED", " View ", " Follow ", " Read ", " See ",
                                " Email ", " More "}) {
    end = std::min(end, s.find(stop));
  }
  for (size_t i = 0; i < end; ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      end = i;
      break;
    }
  }
  s.resize(std::min(end, s.size()));
  // "Finian Cunningham. Sputnik International": a full stop after a word,
  // not after an initial, ends the name.
  for (size_t p = s.find(". "); p != std::string::npos; p = s.find(". ", p + 1)) {
    size_t ws = s.rfind(' ', p);
    size_t word_len = p - (ws == std::string::npos ? 0 : ws + 1);
    if (word_len >= 2) {
      s.resize(p);
      break;
    }
  }
  // One part per name: "A, B and C", "A & B", "A und B".
  {
    static constexpr std::string_view kJoins[] = {" and ", " AND ", " & ", " und ",
                                                  " et ",  " , ",   ", "};
    std::string split;
    for (size_t i = 0; i < s.size();) {
      size_t len = 0;
      for (std::string_view sep : kJoins) {
        if (std::string_view(s).substr(i, sep.size()) == sep) {
          len = sep.size();
          break;
        }
      }
      if (len > 0) {
        split.push_back('\x01');
        i += len;
      } else {
        split.push_back(s[i++]);
      }
    }
    s = std::move(split);
  }
  std::vector<std::string> names;
  size_t pos = 0;
  for (int part = 0; pos <= s.size(); ++part) {
    size_t next = s.find('\x01', pos);
    std::string name = s.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    pos = next == std::string::npos ? s.size() + 1 : next + 1;
    // Words, trailing month / weekday / status words dropped.
    std::vector<std::string> words;
    size_t w = 0;
    while (w < name.size()) {
      size_t sp = name.find(' ', w);
      if (sp == std::string::npos) sp = name.size();
      std::string word = name.substr(w, sp - w);
      while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':')) {
        word.pop_back();
      }
      if (!word.empty()) words.push_back(word);
      w = sp + 1;
    }
    while (!words.empty()) {
      std::string lw = AsciiLower(words.back());
      while (!lw.empty() && lw.back() == '.') lw.pop_back();
      bool drop = false;
      for (std::string_view m : kMonthWords) drop |= lw == m;
      if (!drop) break;
      words.pop_back();
    }
    // "ERIC TUCKER Associated Press": a shouted name ends where the case
    // changes.
    if (words.size() >= 3) {
      auto shouted = [](const std::string& x) {
        return !std::any_of(x.begin(), x.end(), IsLowerAscii) &&
               std::any_of(x.begin(), x.end(), IsUpperAscii);
      };
      if (shouted(words[0]) && shouted(words[1])) {
        size_t k = 2;
        while (k < words.size() && shouted(words[k])) ++k;
        words.resize(k);
      }
    }
    std::string joined;
    for (const std::string& x : words) {
      if (!joined.empty()) joined.push_back(' ');
      joined += x;
    }
    if (!LooksLikePersonName(joined, site_keys, host_key)) continue;
    // After the first name, a single word is a role or an outlet ("Jane
    // Doe, Futurism"), not another person.
    if (part > 0 && words.size() < 2) continue;
    joined = TitleCaseIfShouting(joined);
    if (std::find(names.begin(), names.end(), joined) == names.end()) {
      names.push_back(std::move(joined));
    }
  }
  return names;
}

namespace {

// Reads the byline and printed-date evidence of element `i`: schema.org
// itemprop=author, rel=author and class names that say byline, author or
// date (comment sections left out), and <time> texts.
void ReadVisibleEvidence(const HtmlDom& dom, uint32_t i, HtmlMetadata* m) {
  const HtmlNode& n = dom.node(i);
  switch (n.tag) {
    case Tag::kHtml: case Tag::kHead: case Tag::kBody: case Tag::kMeta:
    case Tag::kScript: case Tag::kStyle: case Tag::kLink: case Tag::kTitle:
      return;
    default:
      break;
  }
  constexpr size_t kMaxSnippets = 24;
  std::string cls = AsciiLower(dom.Attr(i, "class"));
  std::string id = AsciiLower(dom.Attr(i, "id"));
  std::string rel = AsciiLower(dom.Attr(i, "rel"));
  std::string prop = AsciiLower(dom.Attr(i, "itemprop"));
  std::string names = cls + " " + id;
  if (names.find("comment") != std::string::npos ||
      names.find("related") != std::string::npos) {
    return;
  }
  bool byline = rel == "author" || prop == "author" ||
                names.find("byline") != std::string::npos ||
                names.find("author") != std::string::npos;
  bool date = n.tag == Tag::kTime || prop == "datepublished" ||
              names.find("date") != std::string::npos ||
              names.find("time") != std::string::npos ||
              names.find("publish") != std::string::npos ||
              names.find("posted") != std::string::npos;
  if (!byline && !date) return;
  std::string text = SubtreeText(dom, i, 240);
  if (text.empty()) return;
  if (byline && m->bylines.size() < kMaxSnippets) m->bylines.push_back({i, text});
  if ((date || byline) && m->printed_dates.size() < kMaxSnippets) {
    m->printed_dates.push_back({i, text});
  }
}

}  // namespace

void ReadHtmlMetadata(const HtmlDom& dom, HtmlMetadata* m) {
  const auto& nodes = dom.nodes();
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const HtmlNode& n = nodes[i];
    if (n.type != NodeType::kElement) continue;
    ReadVisibleEvidence(dom, i, m);
    switch (n.tag) {
      case Tag::kHtml: {
        std::string_view lang = dom.Attr(i, "lang");
        if (lang.size() >= 2) m->lang = AsciiLower(lang.substr(0, 2));
        break;
      }
      case Tag::kTitle:
        if (m->title_tag.empty() && n.first_child != kNoNode) {
          m->title_tag = DecodeHtmlText(nodes[n.first_child].text);
        }
        break;
      case Tag::kTime:
        if (m->time_datetime.empty()) {
          std::string_view dt = dom.Attr(i, "datetime");
          if (!dt.empty()) m->time_datetime = DecodeHtmlText(dt);
        }
        break;
      case Tag::kLink: {
        std::string_view rel = dom.Attr(i, "rel");
        if (m->canonical.empty() && AsciiLower(rel) == "canonical") {
          m->canonical = DecodeHtmlText(dom.Attr(i, "href"));
        }
        break;
      }
      case Tag::kScript: {
        std::string_view type = dom.Attr(i, "type");
        if (AsciiLower(type) == "application/ld+json" &&
            n.first_child != kNoNode) {
          ReadJsonLd(nodes[n.first_child].text, m);
        }
        break;
      }
      case Tag::kMeta: {
        std::string key = AsciiLower(dom.Attr(i, "property"));
        if (key.empty()) key = AsciiLower(dom.Attr(i, "name"));
        if (key.empty()) key = AsciiLower(dom.Attr(i, "itemprop"));
        if (key.empty()) break;
        std::string value = DecodeHtmlText(dom.Attr(i, "content"));
        if (value.empty()) break;
        if (key == "og:title" || key == "twitter:title") {
          if (m->og_title.empty()) m->og_title = value;
        } else if (key == "og:site_name" || key == "application-name") {
          if (m->site_name.empty()) m->site_name = value;
        } else if (key == "article:published_time" ||
                   key == "article:published" || key == "og:published_time" ||
                   key == "datepublished" || key == "pubdate" ||
                   key == "publishdate" || key == "date" || key == "dc.date" ||
                   key == "dc.date.issued" || key == "sailthru.date" ||
                   key == "parsely-pub-date" || key == "article.published" ||
                   key == "dcterms.created" || key == "publish-date") {
          if (m->published_meta.empty()) m->published_meta = value;
        } else if (key == "author" || key == "article:author" ||
                   key == "sailthru.author" || key == "parsely-author" ||
                   key == "dc.creator" || key == "byl") {
          if (value.find("http") != 0 && value.find('/') == std::string::npos) {
            std::string v = value;
            if (v.size() > 3 &&
                (v.compare(0, 3, "By ") == 0 || v.compare(0, 3, "BY ") == 0)) {
              v = v.substr(3);
            }
            if (std::find(m->meta_authors.begin(), m->meta_authors.end(), v) ==
                m->meta_authors.end()) {
              m->meta_authors.push_back(v);
            }
          }
        } else if (key == "article:tag") {
          m->tags.push_back(value);
        } else if (key == "news_keywords" || key == "keywords") {
          std::vector<std::string> tags;
          if (m->tags.empty() && ParseTagLine("Tags: " + value, &tags)) {
            m->tags = tags;
          }
        } else if (key == "og:url") {
          if (m->canonical.empty()) m->canonical = value;
        }
        break;
      }
      default:
        break;
    }
  }
}

void ApplyHtmlMetadata(const HtmlMetadata& meta, Document* doc) {
  const HtmlMetadata* m = &meta;
  std::string title, site;
  SplitTitle(m->title_tag, &title, &site);
  auto& source = doc->metadata_source;
  if (doc->url.empty() && !m->canonical.empty()) {
    doc->url = m->canonical;
    source["url"] = "html:canonical";
  }
  // The site's own names: what a title suffix or a byline must not be.
  std::vector<std::string> site_names;
  const std::string* const own_names[] = {&m->site_name, &m->ld_publisher, &site};
  for (const std::string* n : own_names) {
    if (!n->empty()) site_names.push_back(*n);
  }
  std::vector<std::string> site_keys;
  for (const std::string& n : site_names) site_keys.push_back(AlnumKey(n));
  std::string host;
  if (size_t scheme = doc->url.find("://"); scheme != std::string::npos) {
    host = doc->url.substr(scheme + 3);
    host.resize(std::min(host.size(), host.find_first_of("/?#")));
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
  }
  std::string host_key = AlnumKey(host);

  // Title: the printed headline, an <h1> that agrees with what the page
  // says its title is (a navigation or masthead <h1> does not); else the
  // JSON-LD headline, og:title or <title>, without the site's name.
  std::vector<PageSnippet> h1s = m->h1s;
  if (h1s.empty() && !m->h1.empty()) h1s.push_back({0, m->h1});
  std::vector<std::string> cand_words;
  std::vector<std::string> cand_keys;
  for (const std::string* c : {&m->title_tag, &m->og_title, &m->ld_headline}) {
    if (c->empty()) continue;
    cand_keys.push_back(AlnumKey(*c));
    for (std::string& w : ContentWords(*c)) cand_words.push_back(std::move(w));
  }
  const PageSnippet* headline = nullptr;
  for (const PageSnippet& h : h1s) {
    std::string key = AlnumKey(h.text);
    if (key.size() < 4) continue;
    bool is_site = false;
    for (const std::string& k : site_keys) is_site |= k == key;
    if (is_site) continue;
    bool agrees = cand_keys.empty() && ContentWords(h.text).size() >= 2;
    for (const std::string& c : cand_keys) {
      agrees |= key.size() >= 10 && c.find(key) != std::string::npos;
    }
    size_t shared = 0;
    std::vector<std::string> words = ContentWords(h.text);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (const std::string& w : words) {
      shared += std::find(cand_words.begin(), cand_words.end(), w) != cand_words.end();
    }
    agrees |= shared >= 2;
    if (agrees) {
      headline = &h;
      break;
    }
  }
  if (headline != nullptr) {
    doc->title = headline->text;
    source["title"] = "html:h1";
  } else if (!m->ld_headline.empty()) {
    doc->title = StripSiteName(m->ld_headline, site_keys, host_key);
    source["title"] = "html:json-ld";
  } else if (!m->og_title.empty()) {
    // With the site's name known, only that name is cut; else the guess of
    // SplitTitle ("Headline - Short Name").
    std::string t = StripSiteName(m->og_title, site_keys, host_key), s;
    if (site_keys.empty()) SplitTitle(std::string(t), &t, &s);
    doc->title = t;
    source["title"] = "html:meta";
  } else if (!title.empty() || h1s.empty()) {
    // An <h1> that agrees with nothing is more often the masthead.
    doc->title = title;
    if (!title.empty()) source["title"] = "html:title";
  } else {
    doc->title = h1s.front().text;
    source["title"] = "html:h1";
  }
  uint32_t headline_node = headline != nullptr ? headline->node : 0;
  // A site name that is an address says no more than the URL does.
  auto usable = [](const std::string& name) {
    return !name.empty() && name.find("://") == std::string::npos &&
           name.rfind("www.", 0) != 0;
  };
  std::string outlet_source =
      usable(m->site_name)
          ? m->site_name
          : (usable(m->ld_publisher) ? m->ld_publisher
                                     : (usable(site) ? site : ""));
  doc->outlet = OutletName(outlet_source, doc->url);
  if (doc->outlet.empty()) doc->outlet = outlet_source;
  if (!doc->outlet.empty()) {
    source["outlet"] = outlet_source.empty()           ? "url"
                       : outlet_source == m->site_name ? "html:meta"
                       : outlet_source == m->ld_publisher
                           ? "html:json-ld"
                           : "html:title";
  }
  const std::pair<const std::string*, const char*> dates[] = {
      {&m->published_meta, "html:meta"},
      {&m->ld_published, "html:json-ld"},
      {&m->time_datetime, "html:time"}};
  for (const auto& [cand, from] : dates) {
    if (cand->empty()) continue;
    std::string iso = ParseDateTime(*cand);
    if (!iso.empty()) {
      doc->published = iso;
      source["published"] = from;
      break;
    }
  }
  // The date printed with the article (the first under the headline, else
  // the first on the page) is the date in the outlet's own zone: it stands
  // in when there is no machine-readable date, and it wins over a UTC time
  // stamp one day off it ("Nov 18, 2019 9:24 pm ET" vs 2019-11-19T02:24Z).
  std::string printed;
  for (int pass = 0; pass < 2 && printed.empty(); ++pass) {
    for (const PageSnippet& d : m->printed_dates) {
      if (pass == 0 && d.node < headline_node) continue;
      printed = PrintedPublishedDate(d.text);
      if (!printed.empty()) break;
    }
    if (headline_node == 0) break;
  }
  // A UTC stamp read in the zone the page prints its times in (even an
  // update's: "Updated 12:24 am EST"): 2019-11-20T02:07Z is Nov 19 in EST.
  int stamp_offset = 0, page_offset = 0;
  if (!doc->published.empty() && OffsetOf(doc->published, &stamp_offset) &&
      stamp_offset == 0) {
    for (const PageSnippet& d : m->printed_dates) {
      if (d.node < headline_node) continue;
      std::string iso = ParseDateTime(d.text);
      if (iso.size() >= 16 && OffsetOf(iso, &page_offset)) {
        std::string local = LocalDate(doc->published, page_offset);
        if (!local.empty() && page_offset != 0) {
          doc->published = local;
          source["published"] = "html:printed-zone";
          printed.clear();
        }
        break;
      }
    }
  }
  if (!printed.empty()) {
    if (doc->published.empty()) {
      doc->published = printed;
      source["published"] = "html:printed";
    } else if (IsUtcOrZoneless(doc->published) &&
               std::labs(DaysOf(doc->published) - DaysOf(printed)) == 1) {
      doc->published = printed;
      source["published"] = "html:printed";
    }
  }
  // Authors: the people JSON-LD or the meta tags name, else those of the
  // printed byline; the byline wins when it names them and more.
  std::vector<std::string> named;
  for (const std::string& a : !m->ld_authors.empty() ? m->ld_authors : m->meta_authors) {
    for (std::string& n : ParseBylineNames(a, site_names, host)) {
      if (std::find(named.begin(), named.end(), n) == named.end()) named.push_back(std::move(n));
    }
  }
  std::vector<std::string> byline;
  for (int pass = 0; pass < 2 && byline.empty(); ++pass) {
    for (const PageSnippet& b : m->bylines) {
      if (pass == 0 && b.node < headline_node) continue;
      byline = ParseBylineNames(b.text, site_names, host);
      if (!byline.empty()) break;
    }
    if (headline_node == 0) break;
  }
  bool byline_wins = named.empty();
  if (!named.empty() && byline.size() > named.size()) {
    byline_wins = std::all_of(named.begin(), named.end(), [&](const std::string& n) {
      return std::find(byline.begin(), byline.end(), n) != byline.end();
    });
  }
  for (std::string& n : byline_wins ? byline : named) {
    if (std::find(doc->authors.begin(), doc->authors.end(), n) == doc->authors.end()) {
      doc->authors.push_back(std::move(n));
    }
  }
  if (!doc->authors.empty()) {
    source["authors"] = byline_wins ? "html:byline"
                        : !m->ld_authors.empty() ? "html:json-ld"
                                                 : "html:meta";
  }
  // Tags once each, whatever their case (keywords and article:tag repeat).
  for (const std::string& t : m->tags) {
    std::string key = AsciiLower(t);
    bool seen = false;
    for (const std::string& o : doc->tags) seen |= AsciiLower(o) == key;
    if (!seen && !t.empty()) doc->tags.push_back(t);
  }
  if (!doc->tags.empty()) source["tags"] = "html:meta";
  doc->language = m->lang;
  if (!doc->language.empty()) source["language"] = "html:lang";
}

}  // namespace dateline

// The real-news event gold set (bench/gold/real_news_events.tsv): its file
// format, the parser and checks shared by the draw program
// (event_gold_draw_eval.cc), the evaluator (event_gold_eval.cc) and the
// format test (tests/event_gold_test.cc), and the code that finds a
// referenced article in the shared datasets.
//
// The file stores references and codes, never the text (the datasets'
// licences): one row per sentence, TAB-separated, '#' lines are comments:
//
//   id split draw dataset file article begin end hash events note
//
//   id       "g0001" ...
//   split    "dev" or "test" (test: held out; never read while writing rules)
//   draw     "pair" (chosen because it names two political actors) or
//            "random"
//   dataset  folder under the datasets root ("bbc-news", "reuters21578",
//            "scrapinghub-aeb", "aeb-scraped")
//   file     file inside it ("bbc-fulltext.tar.gz", "html/<id>.html.gz")
//   article  the page inside the file: the tar member (Reuters: the member
//            and "#newid=N"), or the AEB page id
//   begin,end  the sentence, bytes of Document::text as the clean stage
//            gives it for that page
//   hash     the first 8 hex digits of Hash64Hex of those bytes (drift check)
//   events   "-" for none, else events separated by ';', each
//            SOURCE>TARGET:CODE with optional ":n" (negated), ":h"
//            (hypothetical) or ":nh" ("USAGOV>RUSGOV:036:h")
//   note     free text (ambiguities), may be empty
//
// Header-only, like the other bench/ helpers. No exceptions escape; errors
// are Status values naming the file and line.
#ifndef DATELINE_BENCH_EVENT_GOLD_H_
#define DATELINE_BENCH_EVENT_GOLD_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/hash.h"
#include "dateline/document.h"
#include "dateline/reader.h"
#include "dateline/status.h"
#include "events/cameo.h"

namespace dateline {
namespace gold {

struct GoldEvent {
  std::string source, target, code;
  bool negated = false;
  bool hypothetical = false;
};

struct GoldSentence {
  std::string id, split, draw, dataset, file, article;
  uint32_t begin = 0, end = 0;
  std::string hash;
  std::vector<GoldEvent> events;
  std::string note;
  int line = 0;  // in the gold file
};

// Returns the short hash stored for a sentence's bytes.
inline std::string SentenceHash(std::string_view text) {
  return Hash64Hex(text).substr(0, 8);
}

// Returns "test" for about 2 in 5 references, "dev" for the rest: a hash of
// the reference alone, so the split is fixed before anything is coded.
inline std::string SplitOf(std::string_view reference) {
  return Hash64(std::string("event-gold-split:") + std::string(reference)) %
                     5 <
                 2
             ? "test"
             : "dev";
}

// Returns the half of the dev split a row belongs to, by the parity of its
// id's number: "dev-even" (g0002, g0004 ...: rules may be read from these
// sentences) or "dev-odd" (a check whose sentences are never read); "" for a
// test row or an id with no number.
inline std::string DevHalfOf(const GoldSentence& row) {
  if (row.split != "dev" || row.id.empty()) return "";
  char last = row.id.back();
  if (last < '0' || last > '9') return "";
  return (last - '0') % 2 == 0 ? "dev-even" : "dev-odd";
}

// Returns whether `row` is in `part`: "all", "dev", "test", "dev-even" or
// "dev-odd".
inline bool InPart(const GoldSentence& row, std::string_view part) {
  if (part == "all") return true;
  if (part == "dev-even" || part == "dev-odd") return DevHalfOf(row) == part;
  return row.split == part;
}

// Returns the part of an actor code that the country-level score compares:
// the first three letters, or the first six for international, non-state
// and multinational actors ("IGOUNO", "IGOEUR", "NGOHRI"), whose first three
// say only what kind of body they are.
inline std::string CountryPart(std::string_view code) {
  if (code.size() >= 6 &&
      (code.substr(0, 3) == "IGO" || code.substr(0, 3) == "NGO" ||
       code.substr(0, 3) == "NGM" || code.substr(0, 3) == "MNC")) {
    return std::string(code.substr(0, 6));
  }
  return std::string(code.substr(0, 3));
}

// Returns whether `code` is shaped like a CAMEO actor code: 3 to 18
// upper-case letters in groups of three.
inline bool ActorCodeShape(std::string_view code) {
  if (code.size() < 3 || code.size() > 18 || code.size() % 3 != 0) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// CAMEO's non-country first groups the gold may use: international and
// non-governmental bodies, multinationals, and regions ("the West" WST).
inline bool NonCountryPrefix(std::string_view p) {
  static const std::set<std::string_view> kPrefixes = {
      "IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "WST", "EUR", "AFR", "ASA",
      "MEA", "SAM", "NAF", "SAF", "WAF", "EAF", "CAF", "SAS", "SEA", "CAS",
      "BLK", "BAL", "MDT", "CRB", "LAM", "NMR", "EEU", "PGS", "SCN", "WEU"};
  return kPrefixes.count(p) > 0;
}

// Parses one events field ("-" or SOURCE>TARGET:CODE[:flags];...).
inline Status ParseEvents(std::string_view field, std::vector<GoldEvent>* out) {
  out->clear();
  if (field == "-") return Status::OK();
  if (field.empty()) return Status::InvalidArgument("empty events field", "");
  size_t pos = 0;
  while (pos <= field.size()) {
    size_t semi = field.find(';', pos);
    std::string_view ev = field.substr(
        pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos);
    pos = semi == std::string_view::npos ? field.size() + 1 : semi + 1;
    GoldEvent e;
    size_t gt = ev.find('>');
    size_t colon = ev.find(':');
    if (gt == std::string_view::npos || colon == std::string_view::npos ||
        colon < gt) {
      return Status::InvalidArgument("event not SOURCE>TARGET:CODE",
                                     std::string(ev));
    }
    e.source = std::string(ev.substr(0, gt));
    e.target = std::string(ev.substr(gt + 1, colon - gt - 1));
    std::string_view rest = ev.substr(colon + 1);
    size_t c2 = rest.find(':');
    e.code = std::string(rest.substr(0, c2));
    if (c2 != std::string_view::npos) {
      std::string_view flags = rest.substr(c2 + 1);
      if (flags.empty()) {
        return Status::InvalidArgument("empty flags", std::string(ev));
      }
      for (char f : flags) {
        if (f == 'n' && !e.negated) {
          e.negated = true;
        } else if (f == 'h' && !e.hypothetical) {
          e.hypothetical = true;
        } else {
          return Status::InvalidArgument("flags are n, h or nh",
                                         std::string(ev));
        }
      }
    }
    if (!ActorCodeShape(e.source) || !ActorCodeShape(e.target)) {
      return Status::InvalidArgument("actor code not 3-18 capitals in threes",
                                     std::string(ev));
    }
    if (e.code.size() < 2 || e.code.size() > 4) {
      return Status::InvalidArgument("event code not 2-4 digits",
                                     std::string(ev));
    }
    for (char c : e.code) {
      if (c < '0' || c > '9') {
        return Status::InvalidArgument("event code not digits",
                                       std::string(ev));
      }
    }
    out->push_back(std::move(e));
  }
  return Status::OK();
}

// Splits a line at TABs.
// Calls f(line number, line) for each line of `text` that is neither empty
// nor a '#' comment, CR of CRLF removed: the gold files' line loop.
template <typename F>
void ForEachDataLine(std::string_view text, F f) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(
        pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f(line_no, line);
  }
}

inline std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t b = 0;
  while (true) {
    size_t t = line.find('\t', b);
    if (t == std::string_view::npos) {
      cols.push_back(line.substr(b));
      break;
    }
    cols.push_back(line.substr(b, t - b));
    b = t + 1;
  }
  return cols;
}

inline bool ParseOffset(std::string_view s, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

// Parses the gold file's text (`name` for messages). Every row must have
// the eleven columns (the note may be empty), a known split and draw, a
// unique id, begin < end, an 8-hex hash and a parsable events field.
// Returns Corruption naming the first bad lines (at most 10); the rows that
// parsed are in *out all the same.
inline Status ParseGold(std::string_view text, std::string_view name,
                        std::vector<GoldSentence>* out) {
  out->clear();
  std::string errors;
  int bad = 0;
  std::set<std::string> ids;
  ForEachDataLine(text, [&](int line_no, std::string_view line) {
    auto fail = [&](const std::string& why) {
      if (++bad <= 10) {
        errors += (errors.empty() ? "" : "; ") + std::string("line ") +
                  std::to_string(line_no) + ": " + why;
      }
    };
    std::vector<std::string_view> c = SplitTabs(line);
    if (c.size() != 11) {
      fail("expected 11 TAB-separated columns, got " +
           std::to_string(c.size()));
      return;
    }
    GoldSentence g;
    g.line = line_no;
    g.id = std::string(c[0]);
    g.split = std::string(c[1]);
    g.draw = std::string(c[2]);
    g.dataset = std::string(c[3]);
    g.file = std::string(c[4]);
    g.article = std::string(c[5]);
    g.hash = std::string(c[8]);
    g.note = std::string(c[10]);
    if (g.id.empty() || !ids.insert(g.id).second) {
      fail("empty or repeated id '" + g.id + "'");
      return;
    }
    if (g.split != "dev" && g.split != "test") {
      fail("split must be dev or test");
      return;
    }
    if (g.draw != "pair" && g.draw != "random") {
      fail("draw must be pair or random");
      return;
    }
    if (g.dataset.empty() || g.file.empty() || g.article.empty()) {
      fail("empty dataset, file or article");
      return;
    }
    if (!ParseOffset(c[6], &g.begin) || !ParseOffset(c[7], &g.end) ||
        g.begin >= g.end) {
      fail("offsets must be numbers with begin < end");
      return;
    }
    bool hex = g.hash.size() == 8;
    for (char h : g.hash) {
      hex = hex && ((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f'));
    }
    if (!hex) {
      fail("hash must be 8 lower-case hex digits");
      return;
    }
    Status s = ParseEvents(c[9], &g.events);
    if (!s.ok()) {
      fail(s.ToString());
      return;
    }
    out->push_back(std::move(g));
  });
  if (bad > 0) {
    return Status::Corruption(std::string(name),
                              std::to_string(bad) + " bad rows: " + errors);
  }
  return Status::OK();
}

// Checks one row's codes: every event code in the CAMEO table, every actor
// code's first group a country code (`is_country`) or a CAMEO non-country
// group, source and target different, no event listed twice. Returns
// InvalidArgument naming the row and the code.
template <typename IsCountry>
Status CheckCodes(const GoldSentence& g, const CameoTable& cameo,
                  const IsCountry& is_country) {
  std::set<std::string> seen;
  for (const GoldEvent& e : g.events) {
    std::string where = g.id + " (line " + std::to_string(g.line) + ")";
    if (!cameo.Contains(e.code)) {
      return Status::InvalidArgument(where, "not a CAMEO event code: " + e.code);
    }
    for (const std::string* a : {&e.source, &e.target}) {
      std::string first = a->substr(0, 3);
      if (!is_country(first) && !NonCountryPrefix(first)) {
        return Status::InvalidArgument(
            where, "actor code's first group is no country or CAMEO group: " +
                       *a);
      }
    }
    if (e.source == e.target) {
      return Status::InvalidArgument(where, "source equals target: " + e.source);
    }
    std::string key = e.source + ">" + e.target + ":" + e.code +
                      (e.negated ? "n" : "") + (e.hypothetical ? "h" : "");
    if (!seen.insert(key).second) {
      return Status::InvalidArgument(where, "event listed twice: " + key);
    }
  }
  return Status::OK();
}

// Where a gold event took place (bench/gold/real_news_places.tsv): coded
// after the events, by the same protocol (blind to the coder's output).
// `feature` is "city", "region", "country" or "" (the text does not say);
// `country` ISO 3166 alpha-3 (empty for a sea); `geonameid` a city's
// GeoNames id (empty for a city the table lacks).
struct GoldPlace {
  std::string id, event;  // the gold row and its event as the events column writes it
  std::string place, feature, country, geonameid, basis;
  bool ambiguous = false;
  int line = 0;
};

// The event as the events column writes it ("USAGOV>CHN:036:h").
inline std::string EventString(const GoldEvent& e) {
  return e.source + ">" + e.target + ":" + e.code +
         (e.negated || e.hypothetical
              ? std::string(":") + (e.negated ? "n" : "") +
                    (e.hypothetical ? "h" : "")
              : "");
}

// Parses a places file: `id event place feature country geonameid basis
// ambiguous note`, '-' for an empty field, '#' lines comments. Returns
// Corruption naming the bad rows.
inline Status ParsePlaces(std::string_view text, std::string_view name,
                          std::vector<GoldPlace>* out) {
  out->clear();
  std::string errors;
  int bad = 0;
  ForEachDataLine(text, [&](int line_no, std::string_view line) {
    std::vector<std::string_view> c = SplitTabs(line);
    auto field = [&](size_t i) {
      return i < c.size() && c[i] != "-" ? std::string(c[i]) : std::string();
    };
    GoldPlace p;
    p.line = line_no;
    p.id = field(0);
    p.event = field(1);
    p.place = field(2);
    p.feature = field(3);
    p.country = field(4);
    p.geonameid = field(5);
    p.basis = field(6);
    p.ambiguous = field(7) == "yes";
    std::string why;
    if (c.size() < 8 || c.size() > 9) {
      why = "expected 8 or 9 TAB-separated columns";
    } else if (p.id.empty() || p.event.empty()) {
      why = "empty id or event";
    } else if (p.feature != "" && p.feature != "city" && p.feature != "region" &&
               p.feature != "country") {
      why = "feature must be city, region, country or -";
    } else if (p.feature.empty() ? !p.country.empty()
                                 : p.country.empty() && p.feature != "region") {
      // A sea is a region of no country ("the Persian Gulf").
      why = "a city or country needs a country, no place none";
    } else if (p.country.size() != 0 && p.country.size() != 3) {
      why = "country must be ISO alpha-3";
    }
    if (!why.empty()) {
      if (++bad <= 10) {
        errors += (errors.empty() ? "" : "; ") + std::string("line ") +
                  std::to_string(line_no) + ": " + why;
      }
      return;
    }
    out->push_back(std::move(p));
  });
  if (bad > 0) {
    return Status::Corruption(std::string(name),
                              std::to_string(bad) + " bad rows: " + errors);
  }
  return Status::OK();
}

// Where a gold row's article lives: the dataset file to open, and the key
// of the page inside it.
inline std::string FileKey(const std::string& dataset, const std::string& file) {
  return dataset + "/" + file;
}

// Returns the article key of a page read from `path` (the part of its
// source after "path#": a tar member, "member#newid=N"), or `fallback` when
// the source has no such part (a file of its own, e.g. an AEB page).
inline std::string ArticleOf(const Page& page, const std::string& path,
                             const std::string& fallback) {
  if (page.source.size() > path.size() + 1 &&
      page.source.compare(0, path.size(), path) == 0 &&
      page.source[path.size()] == '#') {
    return page.source.substr(path.size() + 1);
  }
  return fallback;
}

// Reads the pages of `dataset`/`file` under `root` whose article keys are in
// `wanted` into *pages (key -> page). `fallback` is the article key of a
// file that holds one page. Returns NotFound when the file is missing; a
// page that cannot be read is left out (the caller counts it as drift).
inline Status ReadArticles(const std::string& root, const std::string& dataset,
                           const std::string& file, const std::string& fallback,
                           const std::set<std::string>& wanted,
                           std::map<std::string, Page>* pages) {
  std::string path = root + "/" + dataset + "/" + file;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("no such dataset file", path);
  std::fclose(f);
  auto reader = InputReader::Open({path}, ReadOptions());
  Page page;
  size_t found = 0;
  while (found < wanted.size() && reader->Next(&page)) {
    if (!page.status.ok()) continue;
    std::string key = ArticleOf(page, path, fallback);
    if (!wanted.count(key) || pages->count(key)) continue;
    (*pages)[key] = std::move(page);
    ++found;
    page = Page();
  }
  return Status::OK();
}

}  // namespace gold
}  // namespace dateline

#endif  // DATELINE_BENCH_EVENT_GOLD_H_

// Helpers shared by the event evaluation programs: a tolerant reader for
// PETRARCH validation records (PETR2_GSR_validation.xml is not well-formed
// XML; PETR.UnitTest.records.xml is), triple scoring, symmetric pairs read
// as a gold writes them, and running one text
// through the pipeline with a publication date.
#ifndef DATELINE_BENCH_EVENT_EVAL_UTIL_H_
#define DATELINE_BENCH_EVENT_EVAL_UTIL_H_

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/pipeline.h"

namespace dateline {

struct Triple {
  std::string source, target, code;
  // A symmetric act coded once per unordered pair: matches a gold triple
  // with source and target either way round.
  bool unordered = false;
};

struct ValidationRecord {
  std::string id, date, category, text;
  std::vector<Triple> gold;  // empty for noevents
  bool noevents = false;
  // Coder options in force (<Config option value> before the record).
  bool require_dyad = true;
};

inline std::string XmlAttr(std::string_view tag, std::string_view name) {
  std::string key = std::string(name) + "=\"";
  size_t p = 0;
  while ((p = tag.find(key, p)) != std::string_view::npos) {
    if (p == 0 || tag[p - 1] == ' ' || tag[p - 1] == '\t' ||
        tag[p - 1] == '\n') {
      size_t b = p + key.size();
      size_t e = tag.find('"', b);
      if (e == std::string_view::npos) return "";
      return std::string(tag.substr(b, e - b));
    }
    p += key.size();
  }
  return "";
}

inline std::string XmlUnescape(std::string s) {
  const std::pair<const char*, const char*> kEnt[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
      {"&apos;", "'"}};
  for (auto [from, to] : kEnt) {
    size_t p = 0;
    while ((p = s.find(from, p)) != std::string::npos) {
      s.replace(p, std::strlen(from), to);
      p += std::strlen(to);
    }
  }
  return s;
}

// Collapses whitespace runs (the records wrap lines).
inline std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Reads the <Sentence> records of a PETRARCH validation file. Tolerant:
// a record is the text from "<Sentence " to "</Sentence>"; malformed
// records are skipped. IOError when the file cannot be read.
inline Status ReadValidationRecords(const std::string& path,
                                    std::vector<ValidationRecord>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read", path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string x = ss.str();
  bool require_dyad = true;
  size_t pos = 0;
  while (true) {
    size_t b = x.find("<Sentence ", pos);
    // <Config> elements between records change options.
    size_t c = x.find("<Config ", pos);
    while (c != std::string::npos && (b == std::string::npos || c < b)) {
      size_t ce = x.find('>', c);
      if (ce == std::string::npos) break;
      std::string_view tag(x.data() + c, ce - c);
      if (XmlAttr(tag, "option") == "require_dyad") {
        std::string v = XmlAttr(tag, "value");
        std::transform(v.begin(), v.end(), v.begin(), ::tolower);
        require_dyad = v != "false";
      }
      c = x.find("<Config ", ce);
    }
    if (b == std::string::npos) break;
    size_t e = x.find("</Sentence>", b);
    if (e == std::string::npos) break;
    std::string_view rec(x.data() + b, e - b);
    pos = e + 11;
    size_t he = rec.find('>');
    if (he == std::string_view::npos) continue;
    std::string_view head = rec.substr(0, he);
    ValidationRecord r;
    r.id = XmlAttr(head, "id");
    r.date = XmlAttr(head, "date");
    r.category = XmlAttr(head, "category");
    r.require_dyad = require_dyad;
    size_t q = 0;
    while ((q = rec.find("<EventCoding", q)) != std::string_view::npos) {
      size_t qe = rec.find('>', q);
      if (qe == std::string_view::npos) break;
      std::string_view tag = rec.substr(q, qe - q);
      std::string ne = XmlAttr(tag, "noevents");
      if (!ne.empty() && (ne[0] == 'T' || ne[0] == 't')) {
        r.noevents = true;
      } else {
        Triple t{XmlAttr(tag, "sourcecode"), XmlAttr(tag, "targetcode"),
                 XmlAttr(tag, "eventcode")};
        if (t.target.empty()) t.target = "---";
        if (!t.code.empty()) r.gold.push_back(t);
      }
      q = qe;
    }
    size_t tb = rec.find("<Text>");
    size_t te = rec.find("</Text>");
    if (tb != std::string_view::npos && te != std::string_view::npos &&
        te > tb) {
      r.text = Collapse(XmlUnescape(std::string(rec.substr(tb + 6, te - tb - 6))));
    }
    out->push_back(std::move(r));
  }
  return Status::OK();
}

// "20080806" -> "2008-08-06"; other forms pass through.
inline std::string IsoDate(const std::string& d) {
  if (d.size() == 8 && std::all_of(d.begin(), d.end(), ::isdigit)) {
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  }
  return "";
}

// Runs `text` through the pipeline as a minimal HTML page whose only
// metadata is the publication date, so time expressions and time-bounded
// actor codes resolve against the record's date.
inline Document CodeText(const Pipeline& pipeline, const std::string& text,
                         const std::string& date) {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '<') o += "&lt;";
      else if (c == '>') o += "&gt;";
      else if (c == '&') o += "&amp;";
      else o += c;
    }
    return o;
  };
  Page page;
  page.source = "record";
  page.format = PageFormat::kHtml;
  std::string iso = IsoDate(date);
  page.content = "<html><head>";
  if (!iso.empty()) {
    page.content += "<meta property=\"article:published_time\" content=\"" +
                    iso + "T12:00:00Z\">";
  }
  page.content += "</head><body><article><p>" + esc(text) +
                  "</p></article></body></html>";
  return pipeline.Process(page);
}

// Micro-averaged matching of predicted triples to gold triples.
struct TripleScore {
  int tp = 0, gold = 0, pred = 0;
  // Adds one record; returns its true positives. `root_only` compares the
  // first two digits of the codes.
  int Add(const std::vector<Triple>& g, const std::vector<Triple>& p,
          bool root_only) {
    std::vector<bool> used(g.size(), false);
    int hits = 0;
    for (const Triple& t : p) {
      for (size_t k = 0; k < g.size(); ++k) {
        if (used[k]) continue;
        bool code = root_only ? g[k].code.substr(0, 2) == t.code.substr(0, 2)
                              : g[k].code == t.code;
        bool pair = (g[k].source == t.source && g[k].target == t.target) ||
                    (t.unordered && g[k].source == t.target &&
                     g[k].target == t.source);
        if (code && pair) {
          used[k] = true;
          ++hits;
          break;
        }
      }
    }
    tp += hits;
    gold += static_cast<int>(g.size());
    pred += static_cast<int>(p.size());
    return hits;
  }
  double Precision() const { return pred ? double(tp) / pred : 0; }
  double Recall() const { return gold ? double(tp) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Reads the countries of a symmetric act, coded once per unordered pair
// (`p_src` the first-named party's, `p_tgt` the other's), the way a gold
// record writes it: against a reciprocal record (PLOVER's SRC/TAR) both
// parties in both roles; against a one-way record in the order that gives
// more matches with `g_src` / `g_tgt`.
inline void ReadPairAsGold(bool reciprocal, const std::set<std::string>& g_src,
                           const std::set<std::string>& g_tgt,
                           std::set<std::string>* p_src,
                           std::set<std::string>* p_tgt) {
  auto hits = [](const std::set<std::string>& g,
                 const std::set<std::string>& p) {
    int n = 0;
    for (const std::string& c : p) n += g.count(c) > 0;
    return n;
  };
  if (reciprocal) {
    p_src->insert(p_tgt->begin(), p_tgt->end());
    *p_tgt = *p_src;
  } else if (hits(g_src, *p_tgt) + hits(g_tgt, *p_src) >
             hits(g_src, *p_src) + hits(g_tgt, *p_tgt)) {
    std::swap(*p_src, *p_tgt);
  }
}

// Parses RFC-4180 CSV (quoted fields with "" escapes and embedded newlines).
inline std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        rows.back().push_back(field);
        rows.emplace_back();
      }
      field.clear();
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any || !field.empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

}  // namespace dateline

#endif  // DATELINE_BENCH_EVENT_EVAL_UTIL_H_

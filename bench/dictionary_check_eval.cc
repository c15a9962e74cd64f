// dictionary_check_eval: what the actor dictionaries read and how much of
// the gold actors they can find, before any event coding.
//
//   1. Parse counts of the PETRARCH-2 validation dictionaries
//      (../shared/datasets/petrarch-validation/PETR.Validate.{actors,agents,
//      discards}.txt) and of dateline's own dictionaries (data/).
//   2. Actor recall upper bounds: for each record of PETR.UnitTest.records.xml
//      (with the PETR.Validate dictionaries) and PETR2_GSR_validation.xml
//      (with dateline's dictionaries), every gold source/target code is
//      looked for among the codes MatchActor gives anywhere in the sentence
//      (at the record's date); a gold code counts as found when a match's
//      code is a prefix of it ("USA" or "USAGOV" for gold "USAGOV"). Codes
//      starting "---" (no actor code in the gold) are not counted. Agents
//      are not combined, so this bounds the actor part of event recall.
//   3. plover-gsr development records: for each gold source/target actor,
//      whether the first dictionary match inside its actorText has the gold
//      code's first three letters (its country, or IGO/NGO), counting JAP as
//      JPN, ITL as ITA and TMP as TLS (the variants the gazetteer README
//      lists for that file).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bench_data.h"
#include "events/actor_dictionary.h"

namespace dateline {
namespace {

// Splits text into tokens: whitespace, with , ; : ( ) " split off and a
// sentence-final period dropped from a word without other periods.
std::vector<std::string> Tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&]() {
    if (cur.size() > 1 && cur.back() == '.' &&
        cur.find('.') == cur.size() - 1)
      cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      flush();
    } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
               c == '"') {
      flush();
      out.emplace_back(1, c);
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

// Returns the value of attribute `name` in the tag text `tag`, "" if none.
std::string Attr(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  p += key.size();
  size_t e = tag.find('"', p);
  if (e == std::string_view::npos) return "";
  return std::string(tag.substr(p, e - p));
}

struct Record {
  std::string id, date, text;
  std::vector<std::string> gold;  // source and target codes
};

// Reads the <Sentence> records of a PETRARCH validation file (tolerating
// the GSR file's self-closed <Sentence .../> tags).
std::vector<Record> ReadRecords(const std::string& xml) {
  std::vector<Record> out;
  size_t p = 0;
  while (true) {
    size_t b = xml.find("<Sentence ", p);
    if (b == std::string::npos) break;
    size_t tag_end = xml.find('>', b);
    size_t end = xml.find("</Sentence>", b);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    Record r;
    std::string_view tag(xml.data() + b, tag_end - b);
    r.id = Attr(tag, "id");
    r.date = Attr(tag, "date");
    std::string_view body(xml.data() + tag_end, end - tag_end);
    size_t t1 = body.find("<Text>"), t2 = body.find("</Text>");
    if (t1 != std::string_view::npos && t2 != std::string_view::npos && t2 > t1)
      r.text = std::string(body.substr(t1 + 6, t2 - t1 - 6));
    size_t q = 0;
    while ((q = body.find("<EventCoding", q)) != std::string_view::npos) {
      size_t qe = body.find('>', q);
      if (qe == std::string_view::npos) break;
      std::string_view ec = body.substr(q, qe - q);
      for (const char* a : {"sourcecode", "targetcode"}) {
        std::string c = Attr(ec, a);
        if (!c.empty()) r.gold.push_back(c);
      }
      q = qe;
    }
    out.push_back(std::move(r));
    p = end + 11;
  }
  return out;
}

// Counts gold codes found among the sentence's actor matches.
void ActorRecall(const ActorDictionary& dict, const std::vector<Record>& recs,
                 const char* title) {
  size_t total = 0, found = 0, records_all = 0, with_gold = 0;
  for (const Record& r : recs) {
    std::vector<std::string> toks = Tokens(r.text);
    std::vector<std::string_view> words(toks.begin(), toks.end());
    std::set<std::string> codes;
    for (size_t i = 0; i < words.size();) {
      std::string code, name;
      size_t n = dict.MatchActor(words, i, r.date, &code, &name);
      if (n == 0) {
        ++i;
        continue;
      }
      size_t s = 0;
      while (true) {
        size_t slash = code.find('/', s);
        codes.insert(code.substr(s, slash == std::string::npos ? slash : slash - s));
        if (slash == std::string::npos) break;
        s = slash + 1;
      }
      i += n;
    }
    std::set<std::string> gold;
    for (const std::string& g : r.gold)
      if (g.rfind("---", 0) != 0) gold.insert(g);
    if (gold.empty()) continue;
    ++with_gold;
    bool all = true;
    for (const std::string& g : gold) {
      ++total;
      bool ok = false;
      for (const std::string& c : codes)
        if (!c.empty() && c != "---" && g.rfind(c, 0) == 0) ok = true;
      found += ok;
      all = all && ok;
    }
    records_all += all;
  }
  std::printf("%s: gold actor codes found in the sentence %zu/%zu (%.1f%%); "
              "records with every gold actor found %zu/%zu\n",
              title, found, total, total ? 100.0 * found / total : 0.0,
              records_all, with_gold);
}

std::string CanonicalCountry(std::string c) {
  c = c.substr(0, 3);
  if (c == "JAP") return "JPN";
  if (c == "ITL") return "ITA";
  if (c == "TMP") return "TLS";
  return c;
}

int Main(int argc, char** argv) {
  std::string petr = bench::FindSharedDataset("petrarch-validation");
  std::string plover = bench::FindSharedDataset("plover-gsr");
  std::string data = std::string(DATELINE_SOURCE_DIR) + "/data";
  CLI::App app{"Parse counts and actor-recall bounds of the actor dictionaries"};
  app.add_option("--petrarch", petr, "petrarch-validation folder");
  app.add_option("--plover", plover, "plover-gsr folder");
  app.add_option("--data", data, "dateline data folder");
  CLI11_PARSE(app, argc, argv);
  if (petr.empty()) {
    std::fprintf(stderr, "dictionary_check_eval: petrarch-validation dataset not found\n");
    return 1;
  }
  ActorDictionary pd;
  Status sa = pd.LoadPetrarchActors(petr + "/PETR.Validate.actors.txt");
  Status sg = pd.LoadPetrarchAgents(petr + "/PETR.Validate.agents.txt");
  Status sd = pd.LoadPetrarchDiscards(petr + "/PETR.Validate.discards.txt");
  std::printf("PETR.Validate.actors.txt:   %s; %zu lines read, %zu phrases (%zu distinct), %zu lines skipped\n",
              sa.ToString().c_str(), pd.actor_stats().lines, pd.actor_stats().entries,
              pd.actor_count(), pd.actor_stats().skipped);
  std::printf("PETR.Validate.agents.txt:   %s; %zu lines read, %zu forms (%zu distinct, plurals and markers expanded), %zu lines skipped\n",
              sg.ToString().c_str(), pd.agent_stats().lines, pd.agent_stats().entries,
              pd.agent_count(), pd.agent_stats().skipped);
  std::printf("PETR.Validate.discards.txt: %s; %zu lines read, %zu phrases, %zu lines skipped\n",
              sd.ToString().c_str(), pd.discard_stats().lines, pd.discard_stats().entries,
              pd.discard_stats().skipped);
  std::unique_ptr<ActorDictionary> dd;
  Status s = ActorDictionary::LoadDefault(data, &dd);
  if (!dd) {
    std::fprintf(stderr, "dictionary_check_eval: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("dateline dictionaries (%s): %s; %zu rows, %zu actor phrases, %zu agent forms\n",
              data.c_str(), s.ToString().c_str(), dd->actor_stats().lines, dd->actor_count(),
              dd->agent_count());

  std::string xml;
  if (bench::ReadWholeFile(petr + "/PETR.UnitTest.records.xml", &xml))
    ActorRecall(pd, ReadRecords(xml), "PETR.UnitTest.records.xml, PETR.Validate dictionaries");
  if (bench::ReadWholeFile(petr + "/PETR2_GSR_validation.xml", &xml))
    ActorRecall(*dd, ReadRecords(xml), "PETR2_GSR_validation.xml, dateline dictionaries");

  std::string text;
  if (!plover.empty() &&
      bench::ReadWholeFile(plover + "/PLOVER_GSR_CAMEO.dev.json", &text)) {
    nlohmann::json recs = nlohmann::json::parse(text, nullptr, false);
    size_t total = 0, found = 0, matched = 0;
    if (recs.is_array()) {
      for (const auto& r : recs) {
        if (!r.is_object()) continue;
        std::string date = r.value("date", "");
        for (const char* side : {"source", "target"}) {
          if (!r.contains(side) || !r[side].is_array()) continue;
          for (const auto& a : r[side]) {
            if (!a.is_object() || !a.contains("code") || !a["code"].is_string()) continue;
            std::string gold = a["code"];
            std::string actor_text = a.value("actorText", "");
            if (gold.size() < 3 || actor_text.empty()) continue;
            ++total;
            std::vector<std::string> toks = Tokens(actor_text);
            std::vector<std::string_view> words(toks.begin(), toks.end());
            std::string code, name;
            for (size_t i = 0; i < words.size(); ++i) {
              if (dd->MatchActor(words, i, date, &code, &name) > 0) break;
              code.clear();
            }
            if (!code.empty()) ++matched;
            if (!code.empty() && CanonicalCountry(code) == CanonicalCountry(gold)) ++found;
          }
        }
      }
    }
    std::printf("PLOVER_GSR_CAMEO.dev.json, dateline dictionaries: %zu gold actors; actorText "
                "has a dictionary match %zu, with the gold's first three letters %zu (%.1f%%)\n",
                total, matched, found, total ? 100.0 * found / total : 0.0);
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

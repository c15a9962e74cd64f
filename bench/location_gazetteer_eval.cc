// location_gazetteer_eval: how many event locations of the event-location
// dataset (Halterman 2019; ../shared/datasets/event-location, see its
// SOURCE.md) dateline's gazetteers know, as the actor dictionary sees them
// (countries, capitals, cities and regions of data/gazetteers/).
//
// For every LOCATION span (the place where the record's event happened) it
// asks ActorDictionary::MatchActor for a country, capital or place name:
//   exact    the whole span is one gazetteer name ("Aleppo", "Gaza Strip")
//   inside   some gazetteer name lies inside the span ("eastern Aleppo")
// and it lists the most frequent spans with no name inside. Reported for the
// re-annotated gold records (source RELABEL) and for all accepted records.
// This is gazetteer coverage, not event-location accuracy (which needs the
// event coder): a location the gazetteers miss can still be found as an
// entity in the text, but its country is then unknown.
//
// The dataset is a zip with one JSON array; the program reads the zip's
// central directory and inflates the entry with zlib.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench_data.h"
#include "event_location_data.h"
#include "events/actor_dictionary.h"

namespace dateline {
namespace {

// Splits a span into tokens at spaces, splitting off commas and brackets.
std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == ',' || c == '(' ||
        c == ')') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct Tally {
  size_t spans = 0, exact = 0, inside = 0;
  std::map<std::string, size_t> missing;
};

void Print(const char* title, const Tally& t, size_t top) {
  auto pct = [&](size_t n) { return t.spans ? 100.0 * n / t.spans : 0.0; };
  std::printf("%s: %zu location spans\n", title, t.spans);
  std::printf("  exact gazetteer name:      %zu (%.1f%%)\n", t.exact, pct(t.exact));
  std::printf("  a gazetteer name inside:   %zu (%.1f%%)\n", t.inside, pct(t.inside));
  std::vector<std::pair<size_t, std::string>> v;
  for (const auto& [name, n] : t.missing) v.emplace_back(n, name);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::printf("  most frequent spans with no name inside:");
  for (size_t k = 0; k < v.size() && k < top; ++k)
    std::printf("%s %s (%zu)", k ? "," : "", v[k].second.c_str(), v[k].first);
  std::printf("\n");
}

int Main(int argc, char** argv) {
  std::string dataset = bench::FindSharedDataset("event-location");
  std::string data = std::string(DATELINE_SOURCE_DIR) + "/data";
  size_t top = 25;
  CLI::App app{"Coverage of the event-location dataset's locations by dateline's gazetteers"};
  app.add_option("--dataset", dataset, "event-location folder (default ../shared/datasets/event-location)");
  app.add_option("--data", data, "dateline data folder (gazetteers/, events/)");
  app.add_option("--top", top, "how many missing spans to list");
  CLI11_PARSE(app, argc, argv);
  if (dataset.empty()) {
    std::fprintf(stderr, "location_gazetteer_eval: event-location dataset not found\n");
    return 1;
  }
  std::unique_ptr<ActorDictionary> dict;
  Status st = ActorDictionary::LoadDefault(data, &dict);
  if (!dict) {
    std::fprintf(stderr, "location_gazetteer_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  std::string zip, json_text, error;
  if (!bench::ReadWholeFile(dataset + "/labeled_text.jsonl.zip", &zip) ||
      !bench::UnzipEntry(zip, "labeled_text.jsonl", &json_text, &error)) {
    std::fprintf(stderr, "location_gazetteer_eval: cannot read %s/labeled_text.jsonl.zip: %s\n",
                 dataset.c_str(), error.c_str());
    return 1;
  }
  nlohmann::json records = nlohmann::json::parse(json_text, nullptr, false);
  if (!records.is_array()) {
    std::fprintf(stderr, "location_gazetteer_eval: not a JSON array\n");
    return 1;
  }
  Tally gold, accepted;
  size_t skipped = 0;
  for (const auto& r : records) {
    if (!r.is_object() || !r.contains("text") || !r["text"].is_string() ||
        !r.contains("spans") || !r["spans"].is_array()) {
      ++skipped;
      continue;
    }
    bool is_gold = r.value("source", "") == "RELABEL";
    bool is_accepted = r.value("answer", "") == "accept";
    if (!is_gold && !is_accepted) continue;
    const std::string text = r["text"];
    for (const auto& s : r["spans"]) {
      if (!s.is_object() || s.value("label", "") != "LOCATION") continue;
      size_t b = bench::ByteOffset(text, s.value("start", 0));
      size_t e = bench::ByteOffset(text, s.value("end", 0));
      while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
      if (e < b + 2) {  // empty or one-letter spans: annotation slips
        ++skipped;
        continue;
      }
      std::string span = text.substr(b, e - b);
      std::vector<std::string> toks = Tokens(span);
      if (toks.empty()) {
        ++skipped;
        continue;
      }
      std::vector<std::string_view> words(toks.begin(), toks.end());
      bool exact = false, inside = false;
      for (size_t i = 0; i < words.size(); ++i) {
        ActorDictionary::ActorMatch m;
        size_t n = dict->MatchActor(words, i, "", &m);
        using Kind = ActorDictionary::ActorKind;
        if (n == 0 || (m.kind != Kind::kPlace && m.kind != Kind::kCapital &&
                       m.kind != Kind::kCountry && m.kind != Kind::kMetonym))
          continue;
        inside = true;
        if (i == 0 && n == words.size()) exact = true;
      }
      for (Tally* t : {is_gold ? &gold : nullptr, is_accepted ? &accepted : nullptr}) {
        if (t == nullptr) continue;
        ++t->spans;
        if (exact) ++t->exact;
        if (inside) ++t->inside;
        if (!inside) ++t->missing[span];
      }
    }
  }
  Print("RELABEL (gold) records", gold, top);
  Print("all accepted records", accepted, top);
  std::printf("spans skipped (empty or one character, or bad records): %zu\n", skipped);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

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
#include "events/actor_dictionary.h"

namespace dateline {
namespace {

uint32_t Le32(std::string_view s, size_t p) {
  if (p + 4 > s.size()) return 0;
  return static_cast<uint32_t>(static_cast<unsigned char>(s[p])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 3])) << 24;
}
uint16_t Le16(std::string_view s, size_t p) {
  if (p + 2 > s.size()) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(s[p]) |
                               static_cast<unsigned char>(s[p + 1]) << 8);
}

// Extracts the entry `name` of the zip archive `zip` (stored or deflated).
bool UnzipEntry(std::string_view zip, std::string_view name, std::string* out,
                std::string* error) {
  if (zip.size() < 22) {
    *error = "not a zip file";
    return false;
  }
  size_t eocd = std::string_view::npos;
  for (size_t p = zip.size() - 22;; --p) {
    if (Le32(zip, p) == 0x06054b50) {
      eocd = p;
      break;
    }
    if (p == 0 || zip.size() - p > 70000) break;
  }
  if (eocd == std::string_view::npos) {
    *error = "no end of central directory";
    return false;
  }
  size_t entries = Le16(zip, eocd + 10);
  size_t p = Le32(zip, eocd + 16);
  for (size_t k = 0; k < entries; ++k) {
    if (Le32(zip, p) != 0x02014b50) break;
    uint16_t method = Le16(zip, p + 10);
    uint32_t csize = Le32(zip, p + 20), usize = Le32(zip, p + 24);
    uint16_t nlen = Le16(zip, p + 28), xlen = Le16(zip, p + 30),
             clen = Le16(zip, p + 32);
    uint32_t local = Le32(zip, p + 42);
    std::string_view entry = zip.substr(std::min(zip.size(), p + 46), nlen);
    p += 46 + nlen + xlen + clen;
    if (entry != name) continue;
    if (Le32(zip, local) != 0x04034b50) break;
    size_t data = local + 30 + Le16(zip, local + 26) + Le16(zip, local + 28);
    if (data + csize > zip.size()) break;
    std::string_view comp = zip.substr(data, csize);
    if (method == 0) {
      *out = std::string(comp);
      return true;
    }
    if (method != 8) {
      *error = "unsupported compression method";
      return false;
    }
    out->assign(usize, '\0');
    z_stream zs{};
    if (inflateInit2(&zs, -15) != Z_OK) break;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(comp.data()));
    zs.avail_in = static_cast<uInt>(comp.size());
    zs.next_out = reinterpret_cast<Bytef*>(out->data());
    zs.avail_out = static_cast<uInt>(out->size());
    int rc = inflate(&zs, Z_FINISH);
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
      *error = "inflate failed";
      return false;
    }
    out->resize(zs.total_out);
    return true;
  }
  *error = "entry not found or damaged";
  return false;
}

// Returns the byte offset of code point `cp` in UTF-8 `s` (Prodigy's
// offsets count Python characters), s.size() when past the end.
size_t ByteOffset(std::string_view s, size_t cp) {
  size_t k = 0;
  for (size_t b = 0; b < s.size(); ++b) {
    if ((static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
    if (k == cp) return b;
    ++k;
  }
  return s.size();
}

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
      !UnzipEntry(zip, "labeled_text.jsonl", &json_text, &error)) {
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
      size_t b = ByteOffset(text, s.value("start", 0));
      size_t e = ByteOffset(text, s.value("end", 0));
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

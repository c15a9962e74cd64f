// geocode_eval: the geocoder (src/geo, data/geo/places.tsv) on the event
// locations of the event-location dataset (Halterman 2019;
// ../shared/datasets/event-location, see its SOURCE.md).
//
//   build/geocode_eval [DATASET_DIR] [--data DIR] [--top N]
//
// The dataset marks where each event happened (LOCATION spans) but gives no
// country or coordinates, so the program measures what it can:
//  coverage   the share of LOCATION spans the geocoder resolves, the whole
//             span ("Aleppo", "Gaza City") or, failing that, the span cut
//             to its first and last capitalised words ("eastern Aleppo"),
//             by GDELT type;
//  country agreement with two references that owe nothing to GeoNames:
//   (a) dateline's hand-written gazetteers (data/gazetteers/countries.tsv
//       names, aliases and capitals; places.tsv names and aliases): the
//       spans that are one of their names, where any of the name's
//       countries counts as agreeing (Crimea UKR|RUS);
//   (b) the sentence: when the sentence names exactly one country within
//       40 bytes of the span, outside it (by a name, alias or demonym of
//       countries.tsv: "the Syrian city of Aleppo", "Aleppo, Syria"), that
//       country; for spans the geocoder does not resolve as a country. A
//       silver reference: the country near a place is usually its own, but
//       not always ("Russian strikes on Aleppo").
// Each is scored twice: with no context, and with the countries the
// sentence names as the article context (the way the event coder will call
// it). Against (b) the second is not independent (the context is the
// reference) and is printed only to show how often context decides.
// Reported for the re-annotated gold records (source RELABEL) and for all
// accepted records.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bench_data.h"
#include "event_location_data.h"
#include "geo/geocoder.h"
#include "geo/place_name.h"

namespace dateline {
namespace {

// Reference (b) looks for a country named this close to the span.
constexpr size_t kNearBytes = 40;

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// The hand-written references: PlaceKey of a name -> its countries.
struct HandGazetteer {
  std::unordered_map<std::string, std::set<std::string>> place_countries;
  // Country names, aliases and demonyms as written (case-sensitive
  // matching in the sentence), each with its alpha-3 code.
  std::vector<std::pair<std::string, std::string>> country_forms;
};

bool LoadHand(const std::string& data, HandGazetteer* g) {
  std::ifstream countries(data + "/gazetteers/countries.tsv"), places(data + "/gazetteers/places.tsv");
  if (!countries || !places) return false;
  for (std::string line; std::getline(countries, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 6 || f[1].empty() || f[1] == "SUN") continue;
    std::vector<std::string> names = {f[0]};
    for (const std::string& a : Split(f[3], '|')) names.push_back(a);
    for (const std::string& n : names) {
      if (n.empty()) continue;
      g->place_countries[geo::PlaceKey(n)].insert(f[1]);
      g->country_forms.emplace_back(n, f[1]);
    }
    for (const std::string& d : Split(f[4], '|'))
      if (!d.empty()) g->country_forms.emplace_back(d, f[1]);
    for (const std::string& c : Split(f[5], '|'))
      if (!c.empty()) g->place_countries[geo::PlaceKey(c)].insert(f[1]);
  }
  for (std::string line; std::getline(places, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 4 || f[2].empty()) continue;
    std::vector<std::string> names = {f[0]};
    for (const std::string& a : Split(f[3], '|')) names.push_back(a);
    for (const std::string& n : names)
      if (!n.empty())
        for (const std::string& c : Split(f[2], '|')) g->place_countries[geo::PlaceKey(n)].insert(c);
  }
  return true;
}

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Returns the countries the sentence names outside [span_b, span_e); with
// `window`, only those within `window` bytes of the span.
std::vector<std::string> SentenceCountries(const std::string& text, size_t span_b, size_t span_e,
                                           const HandGazetteer& g, size_t window = 0) {
  std::set<std::string> found;
  for (const auto& [form, iso3] : g.country_forms) {
    if (form.size() < 2) continue;
    for (size_t p = text.find(form); p != std::string::npos; p = text.find(form, p + 1)) {
      size_t e = p + form.size();
      bool left = p == 0 || !IsWordChar(text[p - 1]);
      bool right = e >= text.size() || !IsWordChar(text[e]) || form.back() == '.';
      if (!left || !right) continue;
      if (p < span_e && e > span_b) continue;
      if (window && (e + window < span_b || p > span_e + window)) continue;
      found.insert(iso3);
      break;
    }
  }
  return {found.begin(), found.end()};
}

// Splits a span into words at spaces, splitting off commas and brackets.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool Capitalised(const std::string& w) {
  return !w.empty() && geo::StartsWithCapital(w);
}

struct Tally {
  size_t spans = 0, whole = 0, inside = 0;
  size_t by_type[6] = {0, 0, 0, 0, 0, 0};
  // (a) hand gazetteer: spans with a reference; agreeing without / with context.
  size_t hand = 0, hand_ok = 0, hand_ok_ctx = 0, hand_resolved = 0;
  // (b) one country named in the sentence.
  size_t sent = 0, sent_resolved = 0, sent_ok = 0, sent_ok_ctx = 0;
  size_t context_changed = 0;
  std::map<std::string, size_t> missing;
  std::map<std::string, size_t> disagree_hand, disagree_sent, hand_missing;
};

double Pct(size_t n, size_t d) { return d ? 100.0 * static_cast<double>(n) / static_cast<double>(d) : 0.0; }

void PrintTop(const char* title, const std::map<std::string, size_t>& m, size_t top) {
  std::vector<std::pair<size_t, std::string>> v;
  for (const auto& [name, n] : m) v.emplace_back(n, name);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::printf("  %s:", title);
  for (size_t k = 0; k < v.size() && k < top; ++k)
    std::printf("%s %s (%zu)", k ? "," : "", v[k].second.c_str(), v[k].first);
  std::printf("\n");
}

void Print(const char* title, const Tally& t, size_t top) {
  size_t resolved = t.whole + t.inside;
  std::printf("%s: %zu location spans\n", title, t.spans);
  std::printf("  resolved: %zu (%.1f%%): whole span %zu (%.1f%%), a name inside %zu (%.1f%%)\n", resolved,
              Pct(resolved, t.spans), t.whole, Pct(t.whole, t.spans), t.inside, Pct(t.inside, t.spans));
  std::printf("  by GDELT type (without context): country %zu, US state %zu, US city %zu, world city %zu, world ADM1 %zu\n",
              t.by_type[1], t.by_type[2], t.by_type[3], t.by_type[4], t.by_type[5]);
  std::printf("  (a) hand gazetteer names: %zu spans, geocoder resolves %zu; same country: %zu (%.1f%%) "
              "without context, %zu (%.1f%%) with the sentence's countries\n",
              t.hand, t.hand_resolved, t.hand_ok, Pct(t.hand_ok, t.hand), t.hand_ok_ctx,
              Pct(t.hand_ok_ctx, t.hand));
  std::printf("  (b) one country named within 40 bytes (spans not resolved as a country): %zu spans, resolved %zu; same country: %zu (%.1f%% of "
              "resolved) without context; with it as context %zu (%.1f%%, not independent)\n",
              t.sent, t.sent_resolved, t.sent_ok, Pct(t.sent_ok, t.sent_resolved), t.sent_ok_ctx,
              Pct(t.sent_ok_ctx, t.sent_resolved));
  std::printf("  the sentence's countries as context changed (or refused) the answer for %zu of %zu resolved spans\n",
              t.context_changed, resolved);
  PrintTop("most frequent unresolved spans", t.missing, top);
  PrintTop("(a) hand gazetteer names not resolved", t.hand_missing, top);
  PrintTop("(a) disagreements, span geocoder!=reference", t.disagree_hand, top);
  PrintTop("(b) disagreements, span geocoder!=sentence", t.disagree_sent, top);
}

int Main(int argc, char** argv) {
  std::string dataset = bench::FindSharedDataset("event-location");
  std::string data = std::string(DATELINE_SOURCE_DIR) + "/data";
  size_t top = 20;
  bool show_gold = false;
  CLI::App app{"The geocoder on the event-location dataset's event locations"};
  app.add_option("dataset", dataset, "event-location folder (default ../shared/datasets/event-location)");
  app.add_option("--data", data, "dateline data folder (geo/places.tsv, gazetteers/)");
  app.add_option("--top", top, "how many names to list");
  app.add_flag("--show-gold", show_gold,
               "print each gold (RELABEL) span with the answer given the sentence's countries, and the sentence");
  CLI11_PARSE(app, argc, argv);
  if (dataset.empty()) {
    std::fprintf(stderr, "geocode_eval: event-location dataset not found\n");
    return 1;
  }
  std::unique_ptr<Geocoder> geo;
  Status st = Geocoder::Load(data, &geo);
  if (!st.ok()) {
    std::fprintf(stderr, "geocode_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  HandGazetteer hand;
  if (!LoadHand(data, &hand)) {
    std::fprintf(stderr, "geocode_eval: cannot read %s/gazetteers/{countries,places}.tsv\n", data.c_str());
    return 1;
  }
  std::string zip, json_text, error;
  if (!bench::ReadWholeFile(dataset + "/labeled_text.jsonl.zip", &zip) ||
      !bench::UnzipEntry(zip, "labeled_text.jsonl", &json_text, &error)) {
    std::fprintf(stderr, "geocode_eval: cannot read %s/labeled_text.jsonl.zip: %s\n", dataset.c_str(),
                 error.c_str());
    return 1;
  }
  nlohmann::json records = nlohmann::json::parse(json_text, nullptr, false);
  if (!records.is_array()) {
    std::fprintf(stderr, "geocode_eval: not a JSON array\n");
    return 1;
  }
  Tally gold, accepted;
  size_t skipped = 0, lookups = 0;
  double seconds = 0;
  const std::vector<std::string> no_context;
  auto resolve = [&](std::string_view name, const std::vector<std::string>& ctx) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = geo->Resolve(name, ctx);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++lookups;
    return r;
  };
  for (const auto& r : records) {
    if (!r.is_object() || !r.contains("text") || !r["text"].is_string() || !r.contains("spans") ||
        !r["spans"].is_array()) {
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
      std::vector<std::string> context = SentenceCountries(text, b, e, hand);
      std::vector<std::string> near = SentenceCountries(text, b, e, hand, kNearBytes);

      // The whole span, else the span from its first capitalised word to
      // its last ("eastern Aleppo", "Aleppo 's outskirts"); no shorter run,
      // which would turn "Abu Kamal" into Mount Abu.
      std::string used = span;
      auto plain = resolve(span, no_context);
      bool whole = plain.has_value();
      if (!whole) {
        std::vector<std::string> w = Words(span);
        size_t i = 0, j = w.size();
        while (i < j && !Capitalised(w[i])) ++i;
        while (j > i && !Capitalised(w[j - 1])) --j;
        if (i < j && j - i < w.size()) {
          std::string sub;
          for (size_t k = i; k < j; ++k) sub += (k > i ? " " : "") + w[k];
          plain = resolve(sub, no_context);
          if (plain) used = sub;
        }
      }
      auto with_ctx = plain ? resolve(used, context) : std::nullopt;

      if (show_gold && is_gold) {
        std::printf("GOLD\t%s\t%s\t%s\t%s\n", span.c_str(),
                    with_ctx ? (with_ctx->name + " " + with_ctx->country_iso3 + " type " +
                                std::to_string(static_cast<int>(with_ctx->type)))
                                   .c_str()
                             : "-",
                    [&] {
                      std::string c;
                      for (const std::string& x : context) c += (c.empty() ? "" : ",") + x;
                      return c;
                    }()
                        .c_str(),
                    text.c_str());
      }
      std::set<std::string> hand_ref;
      if (auto h = hand.place_countries.find(geo::PlaceKey(span)); h != hand.place_countries.end())
        hand_ref = h->second;
      for (Tally* t : {is_gold ? &gold : nullptr, is_accepted ? &accepted : nullptr}) {
        if (t == nullptr) continue;
        ++t->spans;
        if (!plain) {
          ++t->missing[span];
        } else {
          ++(whole ? t->whole : t->inside);
          ++t->by_type[static_cast<int>(plain->type)];
          if (!with_ctx || with_ctx->feature_id != plain->feature_id) ++t->context_changed;
        }
        if (!hand_ref.empty()) {
          ++t->hand;
          if (plain) {
            ++t->hand_resolved;
            if (hand_ref.count(plain->country_iso3)) ++t->hand_ok;
            else ++t->disagree_hand[span + " " + plain->country_iso3 + "!=" + *hand_ref.begin()];
            if (with_ctx && hand_ref.count(with_ctx->country_iso3)) ++t->hand_ok_ctx;
          } else {
            ++t->hand_missing[span];
          }
        }
        if (near.size() == 1 && !(plain && plain->type == GeoType::kCountry)) {
          ++t->sent;
          if (plain) {
            ++t->sent_resolved;
            if (plain->country_iso3 == near[0]) ++t->sent_ok;
            else ++t->disagree_sent[used + " " + plain->country_iso3 + "!=" + near[0]];
            if (with_ctx && with_ctx->country_iso3 == near[0]) ++t->sent_ok_ctx;
          }
        }
      }
    }
  }
  Print("RELABEL (gold) records", gold, top);
  Print("all accepted records", accepted, top);
  std::printf("spans skipped (empty or one character, or bad records): %zu\n", skipped);
  std::printf("geocoder: %zu places loaded, %zu lookups, %.2f us a lookup\n", geo->size(), lookups,
              lookups ? seconds * 1e6 / static_cast<double>(lookups) : 0.0);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

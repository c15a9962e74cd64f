// event_gold_eval: scores the event coder on the real-news gold set
// (bench/gold/real_news_events.tsv; format in bench/event_gold.h, how it
// was drawn and coded in bench/README.md).
//
// Each referenced article is read from the shared datasets with dateline's
// own readers and run through the whole pipeline (through events, default
// options: dyadic events). The coder's events of a gold sentence are those
// whose trigger starts inside the sentence's [begin, end) (the sentence's
// start when an event has no trigger). A row whose bytes no longer hash to
// its stored hash is looked for among the article's sentences by hash
// (moved); when not found, or when the article is gone, it is counted as
// drifted and left out of the scores, never silently.
//
// Matching: per sentence, a multiset match of coder events to gold events,
// each gold event matched at most once. An event is (source, target, root,
// negated, hypothetical):
//  - actors: first line by country (gold::CountryPart: the first three
//    letters, six for IGO/NGO/NGM/MNC), second line by full code (country
//    and sectors);
//  - negated must agree: a gold negated act is matched only by a coder
//    event flagged negated (an unflagged one is the act asserted: wrong);
//  - hypothetical must agree, except for roots 03 (intent) and 13
//    (threaten), whose codes already say the act is not done: a gold
//    hypothetical event ("if ..., X will sanction Y") is matched only by a
//    coder event flagged hypothetical;
//  - symmetric acts (040, 041, 044, 046, 057, 060-064), coded once per pair in
//    the gold, match a coder event in either direction; a coder that codes
//    both directions gets one hit and one false positive.
// Then per root (country level), the same with flags ignored, and counts of
// the coder's errors by kind.
//
//   build/event_gold_eval [GOLD] [--data DIR]
//       [--split dev|dev-even|dev-odd|test|all] [-v]
//
// -v prints each dev sentence with its text, gold and coder events; test
// sentences only with --show-test (the test part is held out: rules are
// never written from it). dev-even and dev-odd halve the dev part by the
// parity of the id (gold::DevHalfOf): rules are read from the even half, the
// odd half is a check, so -v with --split dev-odd prints its figures only.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "bench_data.h"
#include "dateline/pipeline.h"
#include "event_gold.h"
#include "events/cameo.h"

namespace dateline {
namespace {

using gold::GoldEvent;
using gold::GoldSentence;

struct Item {
  std::string source, target, code;
  bool negated = false, hypothetical = false;
  // Where: for a gold event its places row (`place_coded` false when the
  // places file has none), for a coder event its geocoded place. feature
  // "city", "region", "country" or "" (none); id a city's GeoNames id.
  bool place_coded = false;
  std::string place_feature, place_country, place_id, place_name;
};

Item MakeItem(std::string source, std::string target, std::string code,
              bool negated, bool hypothetical) {
  Item i;
  i.source = std::move(source);
  i.target = std::move(target);
  i.code = std::move(code);
  i.negated = negated;
  i.hypothetical = hypothetical;
  return i;
}

bool Symmetric(const std::string& code) {
  static const std::set<std::string> kCodes = {"040", "041", "044", "046", "057",
                                               "060", "061", "062", "063",
                                               "064"};
  return kCodes.count(code) > 0;
}

std::string Root(const std::string& code) { return code.substr(0, 2); }

struct Score {
  int tp = 0, gold = 0, pred = 0;
  double P() const { return pred ? double(tp) / pred : 0; }
  double R() const { return gold ? double(tp) / gold : 0; }
};

// Matches one sentence's coder events to its gold events; `country`
// compares country parts, `flags` negation and hypothesis. Fills
// *gold_hit / *pred_hit, and *gold_of_pred (the gold index each coder event
// matched, -1 for none) when given.
int Match(const std::vector<Item>& g, const std::vector<Item>& p, bool country,
          bool flags, std::vector<bool>* gold_hit, std::vector<bool>* pred_hit,
          std::vector<int>* gold_of_pred = nullptr) {
  auto actor = [&](const std::string& a) {
    return country ? gold::CountryPart(a) : a;
  };
  auto same = [&](const Item& x, const Item& y, bool swapped) {
    if (Root(x.code) != Root(y.code)) return false;
    if (flags) {
      if (x.negated != y.negated) return false;
      std::string r = Root(x.code);
      if (r != "03" && r != "13" && x.hypothetical != y.hypothetical)
        return false;
    }
    if (!swapped) {
      return actor(x.source) == actor(y.source) &&
             actor(x.target) == actor(y.target);
    }
    return actor(x.source) == actor(y.target) &&
           actor(x.target) == actor(y.source);
  };
  gold_hit->assign(g.size(), false);
  pred_hit->assign(p.size(), false);
  if (gold_of_pred != nullptr) gold_of_pred->assign(p.size(), -1);
  int hits = 0;
  for (bool swapped : {false, true}) {
    for (size_t j = 0; j < p.size(); ++j) {
      if ((*pred_hit)[j]) continue;
      for (size_t k = 0; k < g.size(); ++k) {
        if ((*gold_hit)[k]) continue;
        if (swapped && !Symmetric(g[k].code)) continue;
        if (same(g[k], p[j], swapped)) {
          (*gold_hit)[k] = (*pred_hit)[j] = true;
          if (gold_of_pred != nullptr) (*gold_of_pred)[j] = static_cast<int>(k);
          ++hits;
          break;
        }
      }
    }
  }
  return hits;
}

struct Scored {
  const GoldSentence* row;
  std::vector<Item> gold, pred;
  std::vector<std::string> evidence;  // per pred
  std::vector<std::string> place;     // per pred: "" or "Name (source) -> geo"
  std::string text;
};

struct Report {
  Score country, full, noflags;
  std::map<std::string, Score> per_root;
  int sentences = 0, gold_events = 0, pred_events = 0;
  // Coder errors by kind (country level, flags compared).
  int fp_no_gold = 0, fp_root_wrong = 0, fp_actor_wrong = 0, fp_flag = 0,
      fp_reversed = 0, fp_other = 0;
  int fn_no_pred = 0, fn_other = 0;
  // Coder events that cannot match a dyadic gold event: no target, or an
  // actor whose country the coder did not find ("---GOV").
  int pred_no_target = 0, pred_unknown_country = 0;
  // Coder events with a place, by where it comes from, and those geocoded.
  std::map<std::string, int> placed;
  int geocoded = 0;
  // Places of the coder events matched to a gold event (country level)
  // whose place the places file codes: both placed (country right, exact
  // right), only the coder, only the gold, neither.
  int place_matched = 0, place_both = 0, place_country_right = 0,
      place_exact_right = 0, place_coder_only = 0, place_gold_only = 0,
      place_neither = 0;
};

// Whether a coder place is the gold place itself: the same city (GeoNames
// id), the same region (name, country), or the country as a whole.
bool SamePlace(const Item& gold, const Item& coder) {
  if (gold.place_feature != coder.place_feature ||
      gold.place_country != coder.place_country)
    return false;
  if (gold.place_feature == "city") return gold.place_id == coder.place_id;
  if (gold.place_feature == "region")
    return AsciiLower(gold.place_name) == AsciiLower(coder.place_name);
  return true;
}

void AddPlaces(const Scored& s, Report* r) {
  std::vector<bool> gh, ph;
  std::vector<int> of;
  Match(s.gold, s.pred, true, true, &gh, &ph, &of);
  for (size_t j = 0; j < s.pred.size(); ++j) {
    if (of[j] < 0) continue;
    const Item& g = s.gold[of[j]];
    const Item& p = s.pred[j];
    if (!g.place_coded) continue;
    ++r->place_matched;
    bool gp = !g.place_feature.empty(), pp = !p.place_feature.empty();
    if (gp && pp) {
      ++r->place_both;
      r->place_country_right += g.place_country == p.place_country;
      r->place_exact_right += SamePlace(g, p);
    } else if (pp) {
      ++r->place_coder_only;
    } else if (gp) {
      ++r->place_gold_only;
    } else {
      ++r->place_neither;
    }
  }
}

std::string Fmt(const Item& e) {
  return e.source + ">" + e.target + ":" + e.code +
         (e.negated || e.hypothetical
              ? std::string(":") + (e.negated ? "n" : "") +
                    (e.hypothetical ? "h" : "")
              : "");
}

void Add(const Scored& s, Report* r) {
  std::vector<bool> gh, ph;
  ++r->sentences;
  r->gold_events += static_cast<int>(s.gold.size());
  r->pred_events += static_cast<int>(s.pred.size());
  int hits = Match(s.gold, s.pred, true, true, &gh, &ph);
  r->country.tp += hits;
  r->country.gold += static_cast<int>(s.gold.size());
  r->country.pred += static_cast<int>(s.pred.size());
  for (size_t k = 0; k < s.gold.size(); ++k) {
    Score& pr = r->per_root[Root(s.gold[k].code)];
    ++pr.gold;
    if (gh[k]) ++pr.tp;
    if (!gh[k]) (s.pred.empty() ? r->fn_no_pred : r->fn_other)++;
  }
  for (size_t j = 0; j < s.pred.size(); ++j) {
    ++r->per_root[Root(s.pred[j].code)].pred;
    if (s.pred[j].target.empty()) ++r->pred_no_target;
    if (s.pred[j].source.compare(0, 3, "---") == 0 ||
        s.pred[j].target.compare(0, 3, "---") == 0)
      ++r->pred_unknown_country;
    if (ph[j]) continue;
    const Item& p = s.pred[j];
    if (s.gold.empty()) {
      ++r->fp_no_gold;
      continue;
    }
    auto c = [](const std::string& a) { return gold::CountryPart(a); };
    bool actors = false, root = false, flag = false, reversed = false;
    for (const Item& g : s.gold) {
      bool a = c(g.source) == c(p.source) && c(g.target) == c(p.target);
      bool rev = c(g.source) == c(p.target) && c(g.target) == c(p.source);
      bool rt = Root(g.code) == Root(p.code);
      if (a && rt) flag = true;
      if (a && !rt) actors = true;
      if (rev && rt) reversed = true;
      if (rt && !a) root = true;
    }
    if (flag) ++r->fp_flag;
    else if (reversed) ++r->fp_reversed;
    else if (actors) ++r->fp_root_wrong;
    else if (root) ++r->fp_actor_wrong;
    else ++r->fp_other;
  }
  r->full.tp += Match(s.gold, s.pred, false, true, &gh, &ph);
  r->full.gold += static_cast<int>(s.gold.size());
  r->full.pred += static_cast<int>(s.pred.size());
  r->noflags.tp += Match(s.gold, s.pred, true, false, &gh, &ph);
  r->noflags.gold += static_cast<int>(s.gold.size());
  r->noflags.pred += static_cast<int>(s.pred.size());
  AddPlaces(s, r);
}

void PrintReport(const Report& r, const char* split, int drifted, int moved) {
  std::printf("precision %.3f recall %.3f\n", r.country.P(), r.country.R());
  std::printf("with sectors: precision %.3f recall %.3f\n", r.full.P(),
              r.full.R());
  std::printf("flags ignored (country level): precision %.3f recall %.3f\n",
              r.noflags.P(), r.noflags.R());
  std::printf("split %s: %d sentences scored, %d drifted (not scored), %d "
              "moved; %d gold events, %d coder events, %d matched\n",
              split, r.sentences, drifted, moved, r.gold_events, r.pred_events,
              r.country.tp);
  std::printf("per root (country level): root gold coder matched P R\n");
  for (const auto& [root, s] : r.per_root) {
    std::printf("  %s %4d %4d %4d %.3f %.3f\n", root.c_str(), s.gold, s.pred,
                s.tp, s.P(), s.R());
  }
  int fp = r.country.pred - r.country.tp, fn = r.country.gold - r.country.tp;
  std::printf("coder events not matched: %d (in sentences with no gold event "
              "%d; actors and root right but a flag wrong %d; symmetric "
              "actors reversed %d; actors right, root wrong %d; root right, "
              "actors wrong %d; neither %d)\n",
              fp, r.fp_no_gold, r.fp_flag, r.fp_reversed, r.fp_root_wrong,
              r.fp_actor_wrong, r.fp_other);
  std::printf("gold events not matched: %d (in sentences where the coder "
              "found nothing %d)\n",
              fn, r.fn_no_pred);
  std::printf("coder events with no target %d, with an actor of unknown "
              "country (---) %d\n",
              r.pred_no_target, r.pred_unknown_country);
}

// Returns the reports a row counts in: its split, its half of dev, "all".
std::vector<std::string> Keys(const GoldSentence& g) {
  std::vector<std::string> keys = {g.split, "all"};
  std::string half = gold::DevHalfOf(g);
  if (!half.empty()) keys.push_back(half);
  return keys;
}

std::string DefaultDataRoot() {
  std::string bbc = bench::FindSharedDataset("bbc-news");
  if (bbc.empty()) return "../shared/datasets";
  return bbc.substr(0, bbc.size() - std::string("/bbc-news").size());
}

int Main(int argc, char** argv) {
  CLI::App app{"event coding on the real-news gold set"};
  std::string path =
      std::string(DATELINE_SOURCE_DIR) + "/bench/gold/real_news_events.tsv";
  std::string data, split = "all";
  bool verbose = false, show_test = false;
  std::string places_path =
      std::string(DATELINE_SOURCE_DIR) + "/bench/gold/real_news_places.tsv";
  app.add_option("gold", path, "the gold file");
  app.add_option("--places", places_path,
                 "where the gold events took place (none: no place scores)");
  app.add_option("--data", data, "datasets root (default ../shared/datasets)");
  app.add_option("--split", split, "dev, dev-even, dev-odd, test or all")
      ->check(CLI::IsMember({"dev", "dev-even", "dev-odd", "test", "all"}));
  app.add_flag("-v,--verbose", verbose, "print every dev sentence");
  app.add_flag("--show-test", show_test,
               "with -v, print the held-out test sentences too");
  CLI11_PARSE(app, argc, argv);
  if (data.empty()) data = DefaultDataRoot();

  std::string text;
  if (!bench::ReadWholeFile(path, &text)) {
    std::fprintf(stderr, "event_gold_eval: cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<GoldSentence> rows;
  Status s = gold::ParseGold(text, path, &rows);
  if (!s.ok()) {
    std::fprintf(stderr, "event_gold_eval: %s\n", s.ToString().c_str());
    return 1;
  }
  // The gold events' places, by row id and event string.
  std::map<std::string, const gold::GoldPlace*> places;
  std::vector<gold::GoldPlace> place_rows;
  bool have_places = false;
  if (!places_path.empty() && places_path != "none" &&
      bench::ReadWholeFile(places_path, &text)) {
    s = gold::ParsePlaces(text, places_path, &place_rows);
    if (!s.ok()) {
      std::fprintf(stderr, "event_gold_eval: %s\n", s.ToString().c_str());
      return 1;
    }
    have_places = true;
    std::set<std::string> gold_keys;
    for (const GoldSentence& g : rows)
      for (const GoldEvent& e : g.events)
        gold_keys.insert(g.id + "|" + gold::EventString(e));
    for (const gold::GoldPlace& p : place_rows) {
      std::string key = p.id + "|" + p.event;
      if (!gold_keys.count(key) || !places.emplace(key, &p).second) {
        std::fprintf(stderr, "event_gold_eval: %s line %d: %s %s is no gold "
                     "event or is placed twice\n", places_path.c_str(),
                     p.line, p.id.c_str(), p.event.c_str());
        return 1;
      }
    }
  }
  std::unique_ptr<CameoTable> cameo;
  s = CameoTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/events",
                       &cameo);
  std::unique_ptr<Pipeline> pipeline;
  if (s.ok()) s = Pipeline::Create(PipelineOptions{"events", ""}, &pipeline);
  if (!s.ok()) {
    std::fprintf(stderr, "event_gold_eval: %s\n", s.ToString().c_str());
    return 1;
  }
  for (const GoldSentence& g : rows) {
    for (const GoldEvent& e : g.events) {
      if (!cameo->Contains(e.code)) {
        std::fprintf(stderr, "event_gold_eval: %s line %d: %s is no CAMEO "
                     "code\n", path.c_str(), g.line, e.code.c_str());
        return 1;
      }
    }
  }

  // The articles, file by file.
  std::map<std::string, std::set<std::string>> wanted;  // file key -> articles
  for (const GoldSentence& g : rows) {
    if (!gold::InPart(g, split)) continue;
    wanted[gold::FileKey(g.dataset, g.file)].insert(g.article);
  }
  std::map<std::string, Document> docs;  // file key + "|" + article
  int missing_files = 0;
  for (const auto& [key, articles] : wanted) {
    size_t slash = key.find('/');
    std::string dataset = key.substr(0, slash), file = key.substr(slash + 1);
    std::map<std::string, Page> pages;
    s = gold::ReadArticles(data, dataset, file, *articles.begin(), articles,
                           &pages);
    if (!s.ok()) {
      ++missing_files;
      if (missing_files <= 3) {
        std::fprintf(stderr, "event_gold_eval: %s\n", s.ToString().c_str());
      }
      continue;
    }
    for (auto& [art, page] : pages) {
      docs[key + "|" + art] = pipeline->Process(page);
    }
  }
  if (missing_files > 0 && docs.empty()) {
    std::fprintf(stderr, "event_gold_eval: no dataset file found under %s "
                 "(--data)\n", data.c_str());
    return 1;
  }

  std::map<std::string, Report> reports;  // "dev", "test", "all"
  std::map<std::string, int> drifted, moved;
  std::vector<std::string> drift_ids;
  for (const GoldSentence& g : rows) {
    if (!gold::InPart(g, split)) continue;
    auto it = docs.find(gold::FileKey(g.dataset, g.file) + "|" + g.article);
    uint32_t b = g.begin, e = g.end;
    bool found = false;
    if (it != docs.end()) {
      const std::string& t = it->second.text;
      if (e <= t.size() &&
          gold::SentenceHash(std::string_view(t).substr(b, e - b)) == g.hash) {
        found = true;
      } else {
        for (const SentenceSpan& ss : it->second.sentences) {
          std::string_view st(t.data() + ss.span.begin,
                              ss.span.end - ss.span.begin);
          if (gold::SentenceHash(st) == g.hash) {
            b = ss.span.begin;
            e = ss.span.end;
            found = true;
            for (const std::string& key : Keys(g)) ++moved[key];
            break;
          }
        }
      }
    }
    if (!found) {
      for (const std::string& key : Keys(g)) ++drifted[key];
      drift_ids.push_back(g.id);
      continue;
    }
    const Document& doc = it->second;
    Scored sc;
    sc.row = &g;
    sc.text = doc.text.substr(b, e - b);
    for (const GoldEvent& ge : g.events) {
      Item gi =
          MakeItem(ge.source, ge.target, ge.code, ge.negated, ge.hypothetical);
      auto pl = places.find(g.id + "|" + gold::EventString(ge));
      if (pl != places.end()) {
        gi.place_coded = true;
        gi.place_feature = pl->second->feature;
        gi.place_country = pl->second->country;
        gi.place_id = pl->second->geonameid;
        gi.place_name = pl->second->place;
      }
      sc.gold.push_back(gi);
    }
    for (const Event& ev : doc.events) {
      uint32_t at = ev.trigger.end > ev.trigger.begin ? ev.trigger.begin
                                                      : ev.sentence.begin;
      if (at < b || at >= e) continue;
      Item p = MakeItem(
          ev.source.code.empty() ? "---" : ev.source.code,
          ev.has_target ? (ev.target.code.empty() ? "---" : ev.target.code)
                        : "",
          ev.code, ev.negated, ev.hypothetical);
      if (ev.geo.resolved) {
        // GDELT's types: 1 country, 2 US state, 5 world state, 3/4 cities.
        p.place_feature = ev.geo.type == 1                       ? "country"
                          : (ev.geo.type == 2 || ev.geo.type == 5) ? "region"
                                                                   : "city";
        p.place_country = ev.geo.country;
        p.place_id = ev.geo.feature_id;
        p.place_name = ev.geo.name;
      }
      sc.pred.push_back(p);
      sc.evidence.push_back(ev.evidence);
      std::string place;
      if (!ev.location.empty()) {
        place = ev.location + " (" + ev.location_source + ")";
        if (ev.geo.resolved) place += " -> " + ev.geo.name + ", " + ev.geo.country;
      }
      sc.place.push_back(place);
      for (const std::string& key : Keys(g)) {
        Report& r = reports[key];
        if (!ev.location.empty()) ++r.placed[ev.location_source];
        r.geocoded += ev.geo.resolved;
      }
    }
    for (const std::string& key : Keys(g)) Add(sc, &reports[key]);
    Add(sc, &reports["source:" + (g.dataset.find("aeb") != std::string::npos
                                      ? std::string("aeb")
                                      : g.dataset)]);
    if (verbose && ((g.split == "dev" && split != "dev-odd") || show_test)) {
      std::vector<bool> gh, ph;
      Match(sc.gold, sc.pred, true, true, &gh, &ph);
      std::printf("%s %s %s %s#%s\n  %s\n", g.id.c_str(), g.split.c_str(),
                  g.draw.c_str(), g.dataset.c_str(), g.article.c_str(),
                  sc.text.c_str());
      for (size_t k = 0; k < sc.gold.size(); ++k) {
        const Item& gk = sc.gold[k];
        std::string where =
            !gk.place_coded ? ""
            : gk.place_feature.empty()
                ? " @ -"
                : " @ " + gk.place_name + ", " + gk.place_country + " (" +
                      gk.place_feature + ")";
        std::printf("    gold  %s %s%s\n", gh[k] ? "ok  " : "MISS",
                    Fmt(gk).c_str(), where.c_str());
      }
      for (size_t j = 0; j < sc.pred.size(); ++j) {
        std::printf("    coder %s %s [%s]%s%s\n", ph[j] ? "ok  " : "FP  ",
                    Fmt(sc.pred[j]).c_str(), sc.evidence[j].c_str(),
                    sc.place[j].empty() ? "" : " @ ", sc.place[j].c_str());
      }
      if (!g.note.empty()) std::printf("    note: %s\n", g.note.c_str());
    }
  }
  PrintReport(reports[split], split.c_str(), drifted[split], moved[split]);
  {
    // Issue 13 item 4: how many coder events get a place, from where, and
    // how many of those the gazetteer resolves (whether the place is the
    // right one is checked by hand with -v, bench/README.md).
    const Report& r = reports[split];
    int placed = 0;
    std::string by;
    for (const auto& [source, n] : r.placed) {
      placed += n;
      by += (by.empty() ? "" : ", ") + (source.empty() ? "?" : source) + " " +
            std::to_string(n);
    }
    std::printf("coder events with a place: %d of %d (%s); geocoded %d\n",
                placed, r.pred_events, by.c_str(), r.geocoded);
    if (have_places) {
      // The places file codes where each gold event happened; of the coder
      // events matched to one, how many places agree.
      int coder = r.place_both + r.place_coder_only;
      int gold_n = r.place_both + r.place_gold_only;
      std::printf("places of matched events: %d matched (gold place coded); "
                  "both placed %d, country right %d, exact %d; coder only %d, "
                  "gold only %d, neither %d; country precision %.3f recall "
                  "%.3f, exact precision %.3f recall %.3f\n",
                  r.place_matched, r.place_both, r.place_country_right,
                  r.place_exact_right, r.place_coder_only, r.place_gold_only,
                  r.place_neither,
                  coder ? double(r.place_country_right) / coder : 0.0,
                  gold_n ? double(r.place_country_right) / gold_n : 0.0,
                  coder ? double(r.place_exact_right) / coder : 0.0,
                  gold_n ? double(r.place_exact_right) / gold_n : 0.0);
    }
  }
  if (split == "all") {
    for (const char* part : {"dev", "dev-even", "dev-odd", "test"}) {
      const Report& r = reports[part];
      std::printf("%s: precision %.3f recall %.3f; with sectors %.3f %.3f; "
                  "%d sentences, %d drifted, %d gold events, %d coder "
                  "events\n",
                  part, r.country.P(), r.country.R(), r.full.P(), r.full.R(),
                  r.sentences, drifted[part], r.gold_events, r.pred_events);
    }
  }
  for (const auto& [key, r] : reports) {
    if (key.rfind("source:", 0) != 0) continue;
    std::printf("%s (split %s): precision %.3f recall %.3f; %d sentences, "
                "%d gold events, %d coder events\n",
                key.c_str() + 7, split.c_str(), r.country.P(), r.country.R(),
                r.sentences, r.gold_events, r.pred_events);
  }
  if (!drift_ids.empty()) {
    std::printf("drifted:");
    for (size_t k = 0; k < drift_ids.size() && k < 20; ++k) {
      std::printf(" %s", drift_ids[k].c_str());
    }
    std::printf("%s\n", drift_ids.size() > 20 ? " ..." : "");
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

#include "geo/geocoder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <tuple>
#include <unordered_map>

#include "geo/place_name.h"

namespace dateline {
namespace {

// Preference weights inside the last tier (see Pick). A score is
// ln(population) plus these, so an admin-1 seat counts as ~2.7 times its
// population: enough for "Hyderabad" (Telangana's seat) over a larger
// namesake, not for a town of 20,000 that is a seat over a city of a million
// that is not.
constexpr double kAdmin1SeatBonus = 1.0;
constexpr double kAdmin2SeatBonus = 0.3;
// The place's own name over an alternate name (x2.7), and a capital named by
// an alternate name (x7.4): "Geneva" is Genève (183,000, the name an
// alternate) over Geneva, Illinois (21,000, its own name); "Delhi" is Delhi
// (10.9 million, own name) over Dili (150,000, a capital with "Delhi" among
// its alternate names).
constexpr double kOwnNameBonus = 1.0;
constexpr double kCapitalBonus = 2.0;
// Keys shorter than this are not looked up squashed ("Gaza" would find
// Gazza).
constexpr size_t kMinSquashed = 5;

struct Place {
  GeoPlace geo;
  std::string admin1;  // GeoNames admin1 code ("TX"), "" for a country
  long long population = 0;
  long long numeric_id = 0;  // geonameid; 0 for states and countries
  bool national_capital = false;  // PPLC or PPLG
  double seat_bonus = 0;
  // For an admin-1 seat outside the US: the index of its ADM1 region (see
  // AddRegions), which "<seat> province" resolves to; -1 otherwise.
  int64_t region = -1;
};

struct Candidate {
  uint32_t place;
  bool own_name;  // matched the name, ascii name or a news name, not an alternate
  bool acronym;   // matched only by an all-capital name ("SADR", "DPRK")
};

// Returns true when `name` has letters and none in lower case ("SADR",
// "U.S.", "DPRK"): an acronym, which text in lower case does not mean
// ("Sadr City" is not the Sahrawi Republic).
bool IsAcronym(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return letter;
}

std::vector<std::string_view> SplitTabs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find('\t', start);
    if (end == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

bool ParseDouble(std::string_view s, double* v) {
  std::string t(s);
  char* end = nullptr;
  *v = std::strtod(t.c_str(), &end);
  return !t.empty() && end == t.c_str() + t.size() && std::isfinite(*v);
}

bool InContext(const Place& p, const std::vector<std::string>& context) {
  for (const std::string& c : context)
    if (c == p.geo.country_iso3) return true;
  return false;
}

// Which candidates a lookup may return. `within`: a place named elsewhere in
// the name ("Paris, Texas"): candidates must lie in its country, and in its
// ADM1 when it is one. Acronyms only for a query without lower-case
// letters; no country for a name cut down from a longer one ("Sadr City").
struct Filter {
  const Place* within = nullptr;
  bool acronyms = true;
  bool countries = true;
  bool Accepts(const Candidate& c, const Place& p) const {
    if (c.acronym && !acronyms) return false;
    if (!countries && p.geo.type == GeoType::kCountry) return false;
    if (within == nullptr) return true;
    const Place* place = within;
    if (p.geo.country_iso3 != place->geo.country_iso3) return false;
    if (place->geo.type == GeoType::kUsState || place->geo.type == GeoType::kWorldState)
      return p.admin1 == place->admin1;
    return true;
  }
};

}  // namespace

// Returns `key` without spaces and with doubled letters single, the form a
// last lookup tries: transliterations differ in exactly these ways ("Deir
// Ezzor" / "Deir ez-Zor", "Daraa" / "Dar'a").
std::string Squash(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == ' ' || (!out.empty() && out.back() == c)) continue;
    out += c;
  }
  return out;
}

// Returns `key` without a leading Arabic article ("al raqqa" -> "raqqa",
// "ash shaddadi" -> "shaddadi"), or "" when it has none: transliterations
// keep or drop it at will ("Al-Raqqa", "Raqqa", "Ar Raqqah").
std::string WithoutArticle(std::string_view key) {
  static constexpr std::string_view kArticles[] = {"al ", "el ", "ar ", "as ", "ash ", "ad ",
                                                   "an ", "at ", "az "};
  for (std::string_view a : kArticles) {
    if (key.size() > a.size() + 2 && key.substr(0, a.size()) == a) return std::string(key.substr(a.size()));
  }
  return "";
}

struct Geocoder::Rep {
  std::vector<Place> places;

  // Adds an ADM1 region (GDELT type 5) for every admin-1 seat (PPLA)
  // outside the US, named as its seat, at the population-weighted mean of
  // the region's cities in the table, with their summed population. The
  // table has no region names, so a region is reached only through its seat
  // and a region word ("Idlib province", "Aleppo Governorate").
  void AddRegions() {
    struct Sum {
      double x = 0, y = 0, z = 0;
      long long population = 0;
    };
    constexpr double kRad = 3.14159265358979323846 / 180;
    std::unordered_map<std::string, Sum> sums;
    for (const Place& p : places) {
      if (p.numeric_id == 0 || p.geo.type != GeoType::kWorldCity || p.admin1.empty() || p.admin1 == "00")
        continue;
      Sum& s = sums[p.geo.adm1];
      double w = static_cast<double>(std::max(p.population, 1LL));
      s.x += w * std::cos(p.geo.lat * kRad) * std::cos(p.geo.lon * kRad);
      s.y += w * std::cos(p.geo.lat * kRad) * std::sin(p.geo.lon * kRad);
      s.z += w * std::sin(p.geo.lat * kRad);
      s.population += p.population;
    }
    std::unordered_map<std::string, int64_t> made;
    size_t n = places.size();
    for (size_t k = 0; k < n; ++k) {
      Place& seat = places[k];
      if (seat.seat_bonus != kAdmin1SeatBonus || seat.geo.type != GeoType::kWorldCity) continue;
      auto it = sums.find(seat.geo.adm1);
      if (it == sums.end()) continue;
      auto [m, fresh] = made.emplace(seat.geo.adm1, static_cast<int64_t>(places.size()));
      seat.region = m->second;
      if (!fresh) continue;
      Place r;
      r.geo.name = seat.geo.name;
      r.geo.country_iso3 = seat.geo.country_iso3;
      r.geo.type = GeoType::kWorldState;
      r.geo.lat = std::atan2(it->second.z, std::hypot(it->second.x, it->second.y)) / kRad;
      r.geo.lon = std::atan2(it->second.y, it->second.x) / kRad;
      r.geo.feature_id = seat.geo.adm1;
      r.geo.adm1 = seat.geo.adm1;
      r.admin1 = seat.admin1;
      r.population = it->second.population;
      places.push_back(std::move(r));  // `seat` may dangle from here on
    }
    regions = places.size() - n;
  }
  size_t regions = 0;
  std::unordered_map<std::string, std::vector<Candidate>> index, squashed;

  void Add(std::string_view name, uint32_t place, bool own_name) {
    std::string key = geo::PlaceKey(name);
    if (key.empty()) return;
    Candidate c{place, own_name, IsAcronym(name)};
    AddTo(&index, key, c);
    AddTo(&squashed, Squash(key), c);
    // The name without its article is an alternate name, found squashed
    // ("Shadadi" for "Ash Shaddadi").
    if (std::string bare = WithoutArticle(key); !bare.empty())
      AddTo(&squashed, Squash(bare), Candidate{place, false, c.acronym});
  }
  static void AddTo(std::unordered_map<std::string, std::vector<Candidate>>* map,
                    const std::string& key, Candidate add) {
    std::vector<Candidate>& v = (*map)[key];
    for (Candidate& c : v) {
      if (c.place == add.place) {
        c.own_name = c.own_name || add.own_name;
        c.acronym = c.acronym && add.acronym;
        return;
      }
    }
    v.push_back(add);
  }

  const std::vector<Candidate>* Find(const std::string& key) const {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &it->second;
  }

  // Returns the best candidate `filter` accepts (nullptr when none):
  //  1. a country, unless a US state of the same name is in the context
  //     ("Georgia" in a US story) -- a country's name means the country
  //     even in a story about another ("Lebanon" is not Lebanon, Tennessee);
  //  2. a place in one of the context countries;
  //  3. a national capital or seat of government by its own name
  //     (GeoNames' name or a news name: "Washington", "Santiago");
  //  4. ln(population) + bonuses for an admin seat, for the own name over
  //     an alternate name and for a capital known by an alternate name: so
  //     "Geneva" is Genève, not Geneva, Illinois, and "Delhi" is Delhi, not
  //     Dili, among whose alternate names it is;
  //  5. the smaller feature id (determinism).
  // A state beaten by a city inside it of the same name gives way to the
  // city ("New York").
  const Place* Pick(const std::vector<Candidate>& cands,
                    const std::vector<std::string>& context,
                    Filter filter) const {
    const Place* best = nullptr;
    std::tuple<int, int, int, double> best_key;
    bool has_country = false, state_in_context = false;
    for (const Candidate& c : cands) {
      const Place& p = places[c.place];
      if (!filter.Accepts(c, p)) continue;
      if (p.geo.type == GeoType::kCountry) has_country = true;
      if (p.geo.type == GeoType::kUsState && InContext(p, context)) state_in_context = true;
    }
    bool prefer_country = has_country && !state_in_context;
    for (const Candidate& c : cands) {
      const Place& p = places[c.place];
      if (!filter.Accepts(c, p)) continue;
      int country = prefer_country && p.geo.type == GeoType::kCountry ? 1 : 0;
      int in_context = InContext(p, context) ? 1 : 0;
      int capital = p.national_capital && c.own_name ? 1 : 0;
      double score = std::log(static_cast<double>(std::max(p.population, 1000LL))) + p.seat_bonus +
                     (c.own_name ? kOwnNameBonus : 0) + (p.national_capital ? kCapitalBonus : 0);
      auto key = std::make_tuple(country, in_context, capital, score);
      if (best == nullptr || key > best_key ||
          (key == best_key && std::tie(p.numeric_id, p.geo.feature_id) <
                                  std::tie(best->numeric_id, best->geo.feature_id))) {
        best = &p;
        best_key = key;
      }
    }
    if (best != nullptr &&
        (best->geo.type == GeoType::kUsState || best->geo.type == GeoType::kWorldState)) {
      const Place* city = nullptr;
      for (const Candidate& c : cands) {
        const Place& p = places[c.place];
        if (!filter.Accepts(c, p) || p.numeric_id == 0 || p.geo.country_iso3 != best->geo.country_iso3 ||
            p.admin1 != best->admin1)
          continue;
        if (city == nullptr || p.population > city->population) city = &p;
      }
      if (city != nullptr) best = city;
    }
    return best;
  }

  const Place* Lookup(std::string_view name, const std::vector<std::string>& context,
                      int depth) const {
    std::string key = geo::PlaceKey(name);
    if (key.empty()) return nullptr;
    Filter whole;
    whole.acronyms = IsAcronym(name);
    Filter part = whole;
    part.countries = false;
    if (const auto* c = Find(key)) {
      if (const Place* p = Pick(*c, context, whole)) return p;
    }
    // "Paris, Texas", "JEDDAH, Saudi Arabia", "a village, Aleppo": the head
    // within the place after the comma, else that place.
    size_t comma = name.find(',');
    if (comma != std::string_view::npos && depth < 2) {
      std::string_view head = name.substr(0, comma), tail = name.substr(comma + 1);
      const Place* outer = Lookup(tail, context, depth + 1);
      if (outer != nullptr) {
        if (const auto* c = Find(geo::PlaceKey(head))) {
          Filter in = whole;
          in.acronyms = IsAcronym(head);
          in.within = outer;
          if (const Place* p = Pick(*c, context, in)) return p;
        }
        return outer;
      }
    }
    // "Gaza City" for "Gaza", "Idlib province" for the city the province
    // is named after (the table has no ADM1 regions outside the US), "Deir
    // Ezzor Military Airport" for the city; then each of these squashed.
    static constexpr std::string_view kSuffixes[] = {
        " city", " province", " governorate", " oblast", " region", " state", " district",
        " county", " countryside", " suburbs", " military airport", " international airport",
        " airport", " air base", " airbase", " refugee camp", " camp"};
    std::vector<std::string> variants;
    bool region_word = false;
    for (std::string_view suffix : kSuffixes) {
      if (key.size() > suffix.size() + 2 &&
          std::string_view(key).substr(key.size() - suffix.size()) == suffix) {
        variants.push_back(key.substr(0, key.size() - suffix.size()));
        region_word = suffix == " province" || suffix == " governorate" || suffix == " oblast" ||
                      suffix == " region" || suffix == " state";
        break;
      }
    }
    if (key.rfind("city of ", 0) == 0) variants.push_back(key.substr(8));
    for (size_t k = 0; k < variants.size(); ++k) {
      if (const auto* c = Find(variants[k])) {
        if (const Place* p = Pick(*c, context, part)) {
          // "Idlib province": the region Idlib is the seat of (GDELT type 5).
          if (k == 0 && region_word && p->region >= 0) return &places[static_cast<size_t>(p->region)];
          return p;
        }
      }
    }
    // "western Afghanistan", "northern Aleppo": a compass word in lower case
    // before a name is not part of it ("Northern Ireland", "West Bank" are
    // names, and "North Korea" is found whole before this).
    static constexpr std::string_view kCompass[] = {
        "northern ", "southern ", "eastern ", "western ", "central ", "northeastern ",
        "northwestern ", "southeastern ", "southwestern ", "north ", "south ", "east ", "west "};
    bool lower_start = !name.empty() && name.front() >= 'a' && name.front() <= 'z';
    for (std::string_view w : kCompass) {
      if (!lower_start) break;
      if (key.size() > w.size() + 2 && std::string_view(key).substr(0, w.size()) == w) {
        if (const auto* c = Find(key.substr(w.size()))) {
          if (const Place* p = Pick(*c, context, whole)) return p;
        }
        break;
      }
    }
    // Weak evidence: the name without an Arabic article ("Al-Zara" is not
    // Zara, Croatia, in a Syrian story), then squashed. With an article
    // context, only a place in it.
    std::string bare = WithoutArticle(key);
    if (!bare.empty()) {
      if (const auto* c = Find(bare)) {
        const Place* p = Pick(*c, context, part);
        if (p != nullptr && (context.empty() || InContext(*p, context))) return p;
      }
      variants.push_back(bare);
    }
    variants.insert(variants.begin(), key);
    for (const std::string& v : variants) {
      if (v.size() < kMinSquashed) continue;
      std::string sq = Squash(v);
      if (auto it = squashed.find(sq); it != squashed.end()) {
        // ("Daraa" in a Syrian story is not Dara, Senegal.)
        const Place* p = Pick(it->second, context, v == key ? whole : part);
        if (p != nullptr && (context.empty() || InContext(*p, context))) return p;
      }
    }
    return nullptr;
  }
};

Geocoder::Geocoder(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Geocoder::~Geocoder() = default;

size_t Geocoder::size() const { return rep_->places.size() - rep_->regions; }

Status Geocoder::Load(const std::string& data_dir, std::unique_ptr<Geocoder>* out) {
  std::string path = data_dir + "/geo/places.tsv";
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 && ::stat((data_dir + "/places.tsv").c_str(), &st) == 0)
    path = data_dir + "/places.tsv";
  return LoadTable(path, out);
}

Status Geocoder::LoadTable(const std::string& path, std::unique_ptr<Geocoder>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot open the geocoder table");
  auto rep = std::make_unique<Rep>();
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    auto bad = [&](const char* why) {
      return Status::Corruption(path + ":" + std::to_string(line_no), why);
    };
    if (f.size() != 12) return bad("expected 12 TAB-separated columns");
    std::string_view news_names = f[3];
    f.erase(f.begin() + 3);  // the columns below are numbered without it
    Place p;
    p.geo.feature_id = std::string(f[0]);
    p.geo.name = std::string(f[1]);
    p.geo.country_iso3 = std::string(f[4]);
    std::string iso2(f[5]);
    p.admin1 = std::string(f[6]);
    std::string_view code = f[7];
    p.population = std::atoll(std::string(f[8]).c_str());
    if (p.geo.feature_id.empty() || p.geo.name.empty() || p.geo.country_iso3.size() != 3)
      return bad("empty feature id or name, or a country code that is not alpha-3");
    if (!ParseDouble(f[9], &p.geo.lat) || !ParseDouble(f[10], &p.geo.lon) ||
        std::fabs(p.geo.lat) > 90 || std::fabs(p.geo.lon) > 180)
      return bad("bad latitude or longitude");
    if (code == "PCLI") {
      p.geo.type = GeoType::kCountry;
      p.geo.adm1 = iso2;
      p.admin1.clear();
    } else if (code == "ADM1") {
      p.geo.type = p.geo.country_iso3 == "USA" ? GeoType::kUsState : GeoType::kWorldState;
      p.geo.adm1 = iso2 + p.admin1;
    } else {
      p.geo.type = p.geo.country_iso3 == "USA" ? GeoType::kUsCity : GeoType::kWorldCity;
      p.geo.adm1 = p.admin1.empty() || p.admin1 == "00" ? iso2 : iso2 + p.admin1;
      p.numeric_id = std::atoll(p.geo.feature_id.c_str());
      if (p.numeric_id <= 0) return bad("a city's feature id must be its geonameid");
      p.national_capital = code == "PPLC" || code == "PPLG";
      p.seat_bonus = code == "PPLA" ? kAdmin1SeatBonus : code == "PPLA2" ? kAdmin2SeatBonus : 0;
    }
    uint32_t idx = static_cast<uint32_t>(rep->places.size());
    rep->places.push_back(std::move(p));
    rep->Add(f[1], idx, true);
    if (!f[2].empty()) rep->Add(f[2], idx, true);
    for (auto [list, own] : {std::pair{news_names, true}, std::pair{f[3], false}}) {
      while (!list.empty()) {
        size_t bar = list.find('|');
        rep->Add(list.substr(0, bar), idx, own);
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
      }
    }
  }
  if (in.bad()) return Status::IOError(path, "read error");
  if (rep->places.empty()) return Status::Corruption(path, "no places in the geocoder table");
  rep->AddRegions();
  out->reset(new Geocoder(std::move(rep)));
  return Status::OK();
}

std::optional<GeoPlace> Geocoder::Resolve(
    std::string_view place_name, const std::vector<std::string>& context_countries_iso3) const {
  const Place* p = rep_->Lookup(place_name, context_countries_iso3, 0);
  if (p == nullptr) return std::nullopt;
  return p->geo;
}

}  // namespace dateline

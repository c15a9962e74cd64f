// build_geo_gazetteer: derives data/geo/places.tsv, the geocoder's table,
// from GeoNames (cities15000.txt.gz and countryInfo.txt, CC BY "GeoNames";
// ../shared/datasets/geonames by default) and dateline's own
// data/gazetteers/countries.tsv (ISO alpha-3 codes and English country
// aliases). Deterministic: the same inputs give the same bytes.
//
//   build/build_geo_gazetteer [GEONAMES_DIR] [--countries FILE] [--regions FILE]
//                             [--out FILE]
//
// Rows (see data/geo/README.md for the columns):
//  - every city of cities15000 whose country has an alpha-3 code, with the
//    Latin-script alternate names that look like names (capitalised, no
//    digits, not an all-capital code, not a world region of dateline's
//    data/gazetteers/places.tsv), at most kMaxAlternates of them;
//  - a row per US state and DC (GeoNames admin1 codes are the postal codes),
//    at the population-weighted mean of its cities, population = the sum of
//    its cities (cities15000 has no ADM1 features);
//  - a row per country with cities, named as countries.tsv names it, with its
//    aliases, countryInfo's population, and coordinates = the
//    population-weighted mean of its cities on the unit sphere (a population
//    centroid: GeoNames here has no geographic centroids).
// National capitals (PPLC) are set from countries.tsv's capital and
// government-metonym names, and those names go in the news_names column
// when GeoNames calls the city otherwise ("Washington", "Kyiv"); see
// MarkCapitals below and data/geo/README.md.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "geo/place_name.h"

namespace dateline {
namespace {

constexpr size_t kMaxAlternates = 40;
constexpr double kPi = 3.14159265358979323846;

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos
                                         ? std::string_view::npos
                                         : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

// ISO alpha-2 -> alpha-3 for countryInfo rows that countries.tsv has no row
// for (dependencies, former states): public ISO 3166 codes.
const std::map<std::string, std::string>& ExtraAlpha3() {
  static const auto* m = new std::map<std::string, std::string>{
      {"AI", "AIA"}, {"AQ", "ATA"}, {"AS", "ASM"}, {"AW", "ABW"}, {"AX", "ALA"},
      {"BL", "BLM"}, {"BM", "BMU"}, {"BQ", "BES"}, {"BV", "BVT"}, {"CC", "CCK"},
      {"CW", "CUW"}, {"CX", "CXR"}, {"FK", "FLK"}, {"FO", "FRO"}, {"GF", "GUF"},
      {"GG", "GGY"}, {"GI", "GIB"}, {"GP", "GLP"}, {"GS", "SGS"}, {"GU", "GUM"},
      {"HM", "HMD"}, {"IM", "IMN"}, {"IO", "IOT"}, {"JE", "JEY"}, {"KY", "CYM"},
      {"MF", "MAF"}, {"MP", "MNP"}, {"MQ", "MTQ"}, {"MS", "MSR"}, {"NC", "NCL"},
      {"NF", "NFK"}, {"NU", "NIU"}, {"PF", "PYF"}, {"PM", "SPM"}, {"PN", "PCN"},
      {"PS", "PSE"}, {"RE", "REU"}, {"SH", "SHN"}, {"SJ", "SJM"}, {"SX", "SXM"},
      {"TC", "TCA"}, {"TF", "ATF"}, {"TK", "TKL"}, {"UM", "UMI"}, {"VG", "VGB"},
      {"VI", "VIR"}, {"WF", "WLF"}, {"YT", "MYT"}, {"CS", "SCG"}, {"AN", "ANT"}};
  return *m;
}

// US states and DC by their postal code (GeoNames' US admin1 code).
const std::map<std::string, std::string>& UsStates() {
  static const auto* m = new std::map<std::string, std::string>{
      {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
      {"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"},
      {"DE", "Delaware"}, {"DC", "District of Columbia"}, {"FL", "Florida"},
      {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
      {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"},
      {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
      {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
      {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"},
      {"NE", "Nebraska"}, {"NV", "Nevada"}, {"NH", "New Hampshire"},
      {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
      {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"},
      {"OK", "Oklahoma"}, {"OR", "Oregon"}, {"PA", "Pennsylvania"},
      {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
      {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"},
      {"VA", "Virginia"}, {"WA", "Washington"}, {"WV", "West Virginia"},
      {"WI", "Wisconsin"}, {"WY", "Wyoming"}};
  return *m;
}

// Other names of states used in news ("Washington State" is how news tells
// the state from the capital).
const std::map<std::string, std::string>& UsStateAliases() {
  static const auto* m = new std::map<std::string, std::string>{
      {"WA", "Washington State|State of Washington"},
      {"NY", "New York State|State of New York"}};
  return *m;
}

struct Row {
  std::string id, name, ascii, alternates, iso3, iso2, admin1, code;
  std::string news_names;             // see MarkCapitals
  std::vector<std::string> all_keys;  // PlaceKey of every GeoNames name
  long long population = 0;
  double lat = 0, lon = 0;
  int order = 0;  // 0 country, 1 state, 2 city: the file's sort order
  long long numeric_id = 0;
};

// Accumulates a population-weighted mean position on the unit sphere (so a
// country that spans the antimeridian does not average to the wrong side).
struct Centroid {
  double x = 0, y = 0, z = 0, weight = 0;
  void Add(double lat, double lon, double w) {
    double la = lat * kPi / 180, lo = lon * kPi / 180;
    x += w * std::cos(la) * std::cos(lo);
    y += w * std::cos(la) * std::sin(lo);
    z += w * std::sin(la);
    weight += w;
  }
  void Get(double* lat, double* lon) const {
    double h = std::hypot(x, y);
    *lat = std::atan2(z, h) * 180 / kPi;
    *lon = std::atan2(y, x) * 180 / kPi;
  }
};

// Keeps the alternate names worth matching in English news: ASCII (English
// exonyms are; a form with diacritics mostly folds to one that is listed
// too), starting with a capital, no digits, not an all-capital code
// ("ALV"), not a repeat of the name or of another kept alternate (by
// PlaceKey), not a world region's name (`regions`: "Africa" is an old name
// of Mahdia, Tunisia, but in the news it is the continent), at most
// kMaxAlternates in GeoNames' order.
std::string PickAlternates(const std::string& list, const std::string& name,
                           const std::string& ascii,
                           const std::set<std::string>& regions) {
  std::set<std::string> seen = {geo::PlaceKey(name), geo::PlaceKey(ascii)};
  seen.insert(regions.begin(), regions.end());
  std::vector<std::string> kept;
  for (const std::string& alt : Split(list, ',')) {
    if (kept.size() >= kMaxAlternates) break;
    if (alt.size() < 3 || alt.find('|') != std::string::npos) continue;
    if (!geo::StartsWithCapital(alt)) continue;
    bool digit = false, lower = false, ascii = true;
    for (char c : alt) {
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
      if (c >= '0' && c <= '9') digit = true;
      if (c >= 'a' && c <= 'z') lower = true;
    }
    if (!ascii || digit || !lower) continue;
    std::string key = geo::PlaceKey(alt);
    if (key.empty() || !seen.insert(key).second) continue;
    kept.push_back(alt);
  }
  std::string out;
  for (const std::string& s : kept) out += (out.empty() ? "" : "|") + s;
  return out;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.5f", v);
  std::string s = buf;
  if (s == "-0.00000") s = "0.00000";
  return s;
}

int Main(int argc, char** argv) {
  std::string geonames = "../shared/datasets/geonames";
  std::string countries_path = "data/gazetteers/countries.tsv";
  std::string out_path = "data/geo/places.tsv";
  CLI::App app{"Derive data/geo/places.tsv (the geocoder's table) from GeoNames"};
  app.add_option("geonames", geonames, "folder with cities15000.txt.gz and countryInfo.txt");
  app.add_option("--countries", countries_path, "dateline's countries.tsv (alpha-3 codes, aliases)");
  std::string regions_path = "data/gazetteers/places.tsv";
  app.add_option("--out", out_path, "table to write");
  app.add_option("--regions", regions_path,
                 "dateline's places.tsv, whose world regions (type geo, no "
                 "country) are no city's alternate name");
  CLI11_PARSE(app, argc, argv);

  // places.tsv: the names and aliases of world regions, seas and the like.
  std::set<std::string> regions;
  {
    std::ifstream rin(regions_path);
    if (!rin) {
      std::fprintf(stderr, "build_geo_gazetteer: cannot read %s\n",
                   regions_path.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(rin, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = Split(line, '\t');
      if (f.size() < 3 || f[1] != "geo" || !f[2].empty()) continue;
      regions.insert(geo::PlaceKey(f[0]));
      if (f.size() > 3) {
        for (const std::string& a : Split(f[3], '|')) {
          if (!a.empty()) regions.insert(geo::PlaceKey(a));
        }
      }
    }
  }

  // countries.tsv: English name and aliases -> alpha-3.
  std::ifstream cin_(countries_path);
  if (!cin_) {
    std::fprintf(stderr, "build_geo_gazetteer: cannot read %s\n", countries_path.c_str());
    return 1;
  }
  struct Country {
    std::string name, aliases;
    std::vector<std::string> capitals;  // capital and metonyms as written
  };
  std::map<std::string, std::string> name_to_iso3;  // PlaceKey -> iso3
  std::map<std::string, Country> by_iso3;
  for (std::string line; std::getline(cin_, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 4 || f[1].empty() || f[1] == "SUN") continue;
    Country& c = by_iso3[f[1]];
    c.name = f[0];
    c.aliases = f[3];
    for (size_t col : {5, 6})
      if (f.size() > col)
        for (const std::string& n : Split(f[col], '|'))
          if (!n.empty()) c.capitals.push_back(n);
    name_to_iso3[geo::PlaceKey(f[0])] = f[1];
    for (const std::string& a : Split(f[3], '|'))
      if (!a.empty()) name_to_iso3.emplace(geo::PlaceKey(a), f[1]);
  }

  // countryInfo: alpha-2, name, capital, area, population.
  std::ifstream info(geonames + "/countryInfo.txt");
  if (!info) {
    std::fprintf(stderr, "build_geo_gazetteer: cannot read %s/countryInfo.txt\n", geonames.c_str());
    return 1;
  }
  std::map<std::string, std::string> iso2_to_iso3;
  std::map<std::string, std::pair<std::string, long long>> iso2_info;  // name, population
  std::map<std::string, std::string> info_capital;  // iso3 -> countryInfo's capital
  size_t unmapped = 0;
  for (std::string line; std::getline(info, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 5) continue;
    std::string iso3;
    auto it = name_to_iso3.find(geo::PlaceKey(f[1]));
    if (it != name_to_iso3.end()) {
      iso3 = it->second;
    } else if (auto e = ExtraAlpha3().find(f[0]); e != ExtraAlpha3().end()) {
      iso3 = e->second;
    } else {
      std::fprintf(stderr, "build_geo_gazetteer: no alpha-3 code for %s %s\n", f[0].c_str(), f[1].c_str());
      ++unmapped;
      continue;
    }
    iso2_to_iso3[f[0]] = iso3;
    iso2_info[f[0]] = {f[1], std::atoll(f[4].c_str())};
    // "Douglas, Isle of Man": the capital's name before the comma.
    if (!f[2].empty()) info_capital[iso3] = f[2].substr(0, f[2].find(','));
  }

  std::string gz;
  if (!ReadGzip(geonames + "/cities15000.txt.gz", &gz)) {
    std::fprintf(stderr, "build_geo_gazetteer: cannot read %s/cities15000.txt.gz\n", geonames.c_str());
    return 1;
  }
  std::vector<Row> rows;
  std::map<std::string, Centroid> country_centroid, state_centroid;
  std::map<std::string, long long> state_population;
  size_t skipped = 0, cities = 0;
  std::istringstream lines(gz);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 15) {
      ++skipped;
      continue;
    }
    auto iso3 = iso2_to_iso3.find(f[8]);
    if (iso3 == iso2_to_iso3.end() || f[6] != "P") {
      ++skipped;
      continue;
    }
    Row r;
    r.id = f[0];
    r.numeric_id = std::atoll(f[0].c_str());
    r.name = f[1];
    r.ascii = f[2] == f[1] ? "" : f[2];
    r.alternates = PickAlternates(f[3], f[1], f[2], regions);
    r.all_keys = {geo::PlaceKey(f[1]), geo::PlaceKey(f[2])};
    for (const std::string& a : Split(f[3], ',')) r.all_keys.push_back(geo::PlaceKey(a));
    r.lat = std::atof(f[4].c_str());
    r.lon = std::atof(f[5].c_str());
    r.code = f[7];
    r.iso2 = f[8];
    r.iso3 = iso3->second;
    r.admin1 = f[10];
    r.population = std::atoll(f[14].c_str());
    r.order = 2;
    double w = static_cast<double>(std::max(r.population, 1LL));
    country_centroid[r.iso2].Add(r.lat, r.lon, w);
    if (r.iso2 == "US" && UsStates().count(r.admin1)) {
      state_centroid[r.admin1].Add(r.lat, r.lon, w);
      state_population[r.admin1] += r.population;
    }
    rows.push_back(std::move(r));
    ++cities;
  }

  // MarkCapitals. GeoNames' 2012 codes are not to be trusted here
  // (Haselbachtal, Germany and Amato, Italy are PPLC; Bolivia's is La Paz,
  // countries.tsv says Sucre), so PPLC is set on the most populous city of
  // the country that has, among its GeoNames names, a name countries.tsv
  // gives as the capital or as a government metonym ("Washington",
  // "La Paz|Sucre"), else countryInfo's capital; other PPLC rows become
  // PPL. PPLG (seat of government: Den Haag) is kept. The names of
  // countries.tsv that are not the city's own GeoNames name ("Washington"
  // for "Washington, D. C.", "Kyiv" for "Kiev") go in news_names, which the
  // geocoder matches as the place's own name.
  size_t capitals = 0;
  {
    std::map<std::string, std::vector<std::string>> capital_names;  // iso3 -> names
    for (const auto& [iso3, c] : by_iso3) capital_names[iso3] = c.capitals;
    for (const auto& [iso3, cap] : info_capital)
      if (capital_names[iso3].empty()) capital_names[iso3].push_back(cap);
    std::map<std::string, std::vector<size_t>> by_country;
    std::vector<bool> geonames_capital(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) {
      by_country[rows[k].iso3].push_back(k);
      geonames_capital[k] = rows[k].code == "PPLC" || rows[k].code == "PPLG";
      if (rows[k].code == "PPLC") rows[k].code = "PPL";
    }
    for (const auto& [iso3, names] : capital_names) {
      ++capitals;
      for (const std::string& n : names) {
        std::string key = geo::PlaceKey(n);
        // Among the cities that have the name: one GeoNames codes as a
        // capital ("Washington" is DC, not Washington, Utah), then one with
        // it as its own name ("New Delhi" is New Delhi, not Delhi, which
        // has it as an alternate name), then the most populous.
        size_t best = rows.size();
        std::tuple<bool, bool, long long> best_key;
        for (size_t k : by_country[iso3]) {
          const Row& r = rows[k];
          auto it = std::find(r.all_keys.begin(), r.all_keys.end(), key);
          if (it == r.all_keys.end()) continue;
          auto rank = std::make_tuple(geonames_capital[k], it - r.all_keys.begin() < 2, r.population);
          if (best == rows.size() || rank > best_key) {
            best = k;
            best_key = rank;
          }
        }
        if (best == rows.size()) continue;
        Row& r = rows[best];
        if (r.code != "PPLC" && r.code != "PPLG") r.code = "PPLC";
        if (key != geo::PlaceKey(r.name) && key != geo::PlaceKey(r.ascii.empty() ? r.name : r.ascii)) {
          bool dup = false;
          for (const std::string& e : Split(r.news_names, '|')) dup = dup || geo::PlaceKey(e) == key;
          if (!dup) r.news_names += (r.news_names.empty() ? "" : "|") + n;
        }
      }
    }
  }

  size_t states = 0;
  for (const auto& [code, name] : UsStates()) {
    auto c = state_centroid.find(code);
    if (c == state_centroid.end()) continue;
    Row r;
    r.id = "US" + code;
    r.name = name;
    if (auto a = UsStateAliases().find(code); a != UsStateAliases().end()) r.alternates = a->second;
    r.iso3 = "USA";
    r.iso2 = "US";
    r.admin1 = code;
    r.code = "ADM1";
    r.population = state_population[code];
    c->second.Get(&r.lat, &r.lon);
    r.order = 1;
    rows.push_back(std::move(r));
    ++states;
  }

  size_t countries = 0;
  for (const auto& [iso2, iso3] : iso2_to_iso3) {
    auto c = country_centroid.find(iso2);
    if (c == country_centroid.end()) continue;  // no city: no coordinates
    Row r;
    r.id = iso3;
    const auto& [info_name, population] = iso2_info[iso2];
    std::vector<std::string> alts;
    if (auto bc = by_iso3.find(iso3); bc != by_iso3.end()) {
      r.name = bc->second.name;
      for (const std::string& a : Split(bc->second.aliases, '|'))
        if (!a.empty()) alts.push_back(a);
    } else {
      r.name = info_name;
    }
    if (geo::PlaceKey(info_name) != geo::PlaceKey(r.name) &&
        std::find(alts.begin(), alts.end(), info_name) == alts.end()) {
      alts.push_back(info_name);
    }
    for (const std::string& a : alts) r.alternates += (r.alternates.empty() ? "" : "|") + a;
    r.iso3 = iso3;
    r.iso2 = iso2;
    r.code = "PCLI";
    r.population = population;
    c->second.Get(&r.lat, &r.lon);
    r.order = 0;
    rows.push_back(std::move(r));
    ++countries;
  }

  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.order != b.order) return a.order < b.order;
    if (a.numeric_id != b.numeric_id) return a.numeric_id < b.numeric_id;
    return a.id < b.id;
  });

  std::string command = "build/build_geo_gazetteer";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  std::ofstream out(out_path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "build_geo_gazetteer: cannot write %s\n", out_path.c_str());
    return 1;
  }
  out << "# Generated by tools/build_geo_gazetteer_main.cc; do not edit. Command: " << command << "\n"
      << "# dateline geocoder table: " << countries << " countries, " << states << " US states and DC, "
      << cities << " cities of 15,000 people or more.\n"
      << "# Derived from GeoNames (geonames.org), CC BY 4.0, attribution: \"GeoNames\" (cities15000, a snapshot of about "
         "2012, and countryInfo), with alpha-3 codes and country aliases from dateline's data/gazetteers/countries.tsv.\n"
      << "# Country rows: coordinates = population-weighted mean of the country's cities in this table (on the sphere), "
         "population = countryInfo's. US state rows: the same mean over the state's cities, population = their sum.\n"
      << "# alternate_names: GeoNames alternate names in ASCII that look like names (capitalised, no digits, not "
         "all capitals), at most " << kMaxAlternates << "; for countries the aliases of countries.tsv.\n"
      << "# feature_id: GeoNames geonameid (cities), US + postal code (states), ISO alpha-3 (countries). "
         "feature_code: GeoNames (PPLC capital, PPLG seat of government, PPLA admin-1 seat ...), ADM1 state, PCLI country.\n"
      << "# news_names: names dateline's countries.tsv gives a capital that are not its GeoNames name (Washington, Kyiv); "
         "matched as the place's own name. PPLC is set from countries.tsv's capitals (see the tool).\n"
      << "# feature_id\tname\tascii_name\tnews_names\talternate_names\tcountry_iso3\tcountry_iso2\tadmin1\tfeature_code\tpopulation\tlat\tlon\n";
  for (const Row& r : rows) {
    out << r.id << '\t' << r.name << '\t' << r.ascii << '\t' << r.news_names << '\t' << r.alternates << '\t' << r.iso3 << '\t' << r.iso2
        << '\t' << r.admin1 << '\t' << r.code << '\t' << r.population << '\t' << Fixed(r.lat) << '\t'
        << Fixed(r.lon) << '\n';
  }
  out.close();
  if (!out) {
    std::fprintf(stderr, "build_geo_gazetteer: error writing %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "build_geo_gazetteer: wrote %s: %zu countries, %zu states, %zu cities (%zu GeoNames rows skipped, "
               "%zu countries without an alpha-3 code, %zu countries with capital names)\n",
               out_path.c_str(), countries, states, cities, skipped, unmapped, capitals);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// Geocoder: place names to GDELT ActionGeo fields (name, country, feature
// type, latitude, longitude, feature id, ADM1 code), offline, from the table
// tools/build_geo_gazetteer derives from GeoNames (data/geo/places.tsv: cities
// of 15,000 people or more, US states, countries; see data/geo/README.md).
//
// Matching ignores case, Latin diacritics and punctuation ("são paulo" =
// "Sao Paulo", "Washington, D.C." = "Washington DC", "St. Petersburg" =
// "St Petersburg", a leading "the" is dropped), and knows each place's
// GeoNames alternate names and the country aliases of
// data/gazetteers/countries.tsv ("Burma", "DPRK"). A name with several
// candidates ("Paris": France, Texas ...) is resolved by, in order: a
// country (its name means the country even in a story set elsewhere:
// "Lebanon" is not Lebanon, Tennessee), unless a US state of that name is in
// the context ("Georgia" in a US story); a candidate in one of the article's
// countries; a national capital or seat of government by its own name
// (GeoNames' name, or the name countries.tsv gives a capital: "Washington",
// "Kyiv"); then population, with bonuses for an admin seat, for a place's
// own name over an alternate name and for a capital ("Geneva" is Genève,
// not Geneva, Illinois; "Delhi" is not Dili; see geocoder.cc); and the
// smaller feature id, so the answer is deterministic. A city beats a state of the same name that
// contains it ("New York"); "Washington" alone is the capital, "Washington
// State" the state. "Paris, Texas" and "JEDDAH, Saudi Arabia" look the head
// up inside the place after the comma (that place itself when the head is
// unknown). When the whole name is unknown: a place word is dropped ("Gaza
// City", "Deir Ezzor Military Airport"; never leaving a country: "Sadr
// City" is not SADR); "<admin-1 seat> province|governorate|oblast|region|
// state" outside the US is the seat's ADM1 region (type 5: "Idlib
// province"); a lower-case compass word is dropped ("western Afghanistan");
// then, as weak evidence accepted only inside the context countries when
// there are any, a leading Arabic article is dropped ("Al-Raqqa") and
// spaces and doubled letters are ignored ("Deir Ezzor" = "Deir ez-Zor").
// An all-capital alias ("SADR", "DPRK") matches only text without lower
// case letters.
//
// Immutable after loading: Resolve() is safe to call from several threads.
#ifndef DATELINE_GEO_GEOCODER_H_
#define DATELINE_GEO_GEOCODER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

// GDELT's ActionGeo_Type.
enum class GeoType : int {
  kCountry = 1,
  kUsState = 2,
  kUsCity = 3,
  kWorldCity = 4,
  kWorldState = 5,  // an ADM1 region outside the US
};

// One resolved place, as GDELT's ActionGeo_* columns want it.
struct GeoPlace {
  std::string name;          // the table's name: "Paris", "Texas", "Russia"
  std::string country_iso3;  // ISO 3166-1 alpha-3 ("FRA"); CAMEO's country code
  GeoType type = GeoType::kWorldCity;
  double lat = 0, lon = 0;   // WGS84 degrees; a country's is its centroid
                             // as data/geo/README.md defines it
  // GeoNames geonameid for a city ("2988507"); the ADM1 code for a state
  // ("USTX"); ISO alpha-3 for a country ("RUS").
  std::string feature_id;
  // ISO alpha-2 + GeoNames admin1 code ("FR11", "USTX"); alpha-2 alone for a
  // country ("RU"). GDELT writes FIPS 10-4 country codes here, which differ
  // from ISO for some countries (Russia RS, Germany GM).
  std::string adm1;
};

class Geocoder {
 public:
  ~Geocoder();
  Geocoder(const Geocoder&) = delete;
  Geocoder& operator=(const Geocoder&) = delete;

  // Loads `data_dir`/geo/places.tsv (`data_dir` is the repository's data/;
  // `data_dir`/places.tsv is read when there is no geo/ folder). Fails with
  // NotFound or IOError when the file cannot be read, Corruption (naming the
  // line) when a row is malformed.
  static Status Load(const std::string& data_dir,
                     std::unique_ptr<Geocoder>* out);
  // Loads one table file in the format of data/geo/places.tsv.
  static Status LoadTable(const std::string& path,
                          std::unique_ptr<Geocoder>* out);

  // Returns the place `place_name` most likely names in an article about
  // `context_countries_iso3` (may be empty), or nullopt when no entry of the
  // table has that name. Microseconds: one hash lookup and a scan of the
  // candidates that share the name.
  std::optional<GeoPlace> Resolve(
      std::string_view place_name,
      const std::vector<std::string>& context_countries_iso3) const;

  // Returns how many rows the table holds (the ADM1 regions derived from
  // admin-1 seats are not counted).
  size_t size() const;

 private:
  struct Rep;
  explicit Geocoder(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace dateline

#endif  // DATELINE_GEO_GEOCODER_H_

#include "geo/geocoder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "geo/place_name.h"

namespace dateline {
namespace {

const std::string kSource = DATELINE_SOURCE_DIR;
const std::vector<std::string> kNoContext;

class GeocoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status st = Geocoder::Load(kSource + "/src/geo/testdata", &geo_);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  std::string Country(std::string_view name, const std::vector<std::string>& context = {}) const {
    auto p = geo_->Resolve(name, context);
    return p ? p->country_iso3 : "none";
  }
  std::string Id(std::string_view name, const std::vector<std::string>& context = {}) const {
    auto p = geo_->Resolve(name, context);
    return p ? p->feature_id : "none";
  }
  std::unique_ptr<Geocoder> geo_;
};

TEST(PlaceKeyTest, FoldsCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(geo::PlaceKey("São Paulo"), "sao paulo");
  EXPECT_EQ(geo::PlaceKey("SAO PAULO"), "sao paulo");
  EXPECT_EQ(geo::PlaceKey("Zürich"), "zurich");
  EXPECT_EQ(geo::PlaceKey("Łódź"), "lodz");
  EXPECT_EQ(geo::PlaceKey("Washington, D. C."), "washington dc");
  EXPECT_EQ(geo::PlaceKey("Washington D.C."), "washington dc");
  EXPECT_EQ(geo::PlaceKey("St. Petersburg"), "saint petersburg");
  EXPECT_EQ(geo::PlaceKey("Dara’a"), "daraa");
  EXPECT_EQ(geo::PlaceKey("The Hague"), "hague");
  EXPECT_EQ(geo::PlaceKey("Russia's"), "russia");
  EXPECT_EQ(geo::PlaceKey("Kim Jong-un"), "kim jong un");
  EXPECT_EQ(geo::PlaceKey(" ,. "), "");
  EXPECT_EQ(geo::PlaceKey("Москва"), "москва");
}

TEST_F(GeocoderTest, ParisWithoutContextIsTheCapitalOfFrance) {
  auto p = geo_->Resolve("Paris", kNoContext);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Paris");
  EXPECT_EQ(p->country_iso3, "FRA");
  EXPECT_EQ(p->type, GeoType::kWorldCity);
  EXPECT_EQ(p->feature_id, "2988507");
  EXPECT_EQ(p->adm1, "FRA8");
  EXPECT_NEAR(p->lat, 48.85341, 1e-9);
  EXPECT_NEAR(p->lon, 2.3488, 1e-9);
}

TEST_F(GeocoderTest, ParisInATexasStoryIsParisTexas) {
  auto p = geo_->Resolve("Paris", {"USA"});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->country_iso3, "USA");
  EXPECT_EQ(p->type, GeoType::kUsCity);
  EXPECT_EQ(p->feature_id, "4717560");
  EXPECT_EQ(p->adm1, "USTX");
  // Both countries in the story: the capital wins.
  EXPECT_EQ(Country("Paris", {"USA", "FRA"}), "FRA");
  // A context that names neither leaves the capital.
  EXPECT_EQ(Country("Paris", {"DEU"}), "FRA");
  // The qualifier in the name decides without any context.
  EXPECT_EQ(Id("Paris, Texas"), "4717560");
  EXPECT_EQ(Id("Moscow, United States"), "5601538");
  EXPECT_EQ(Id("MOSCOW, Russia"), "524901");
}

TEST_F(GeocoderTest, CountriesByNameAndAlias) {
  auto p = geo_->Resolve("Russia", kNoContext);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, GeoType::kCountry);
  EXPECT_EQ(p->country_iso3, "RUS");
  EXPECT_EQ(p->feature_id, "RUS");
  EXPECT_EQ(p->adm1, "RU");
  EXPECT_EQ(Id("Russian Federation"), "RUS");
  EXPECT_EQ(Id("Russia's"), "RUS");
  EXPECT_EQ(Id("western Russia"), "RUS");
  EXPECT_EQ(Id("northern Texas"), "USTX");
  EXPECT_EQ(Id("Western Russia"), "none");  // capitalised: a name of its own
  // "<admin-1 seat> province" is the seat's region, type 5, at the mean of
  // the region's cities; a seat's own name stays the city.
  auto sp = geo_->Resolve("Sao Paulo state", kNoContext);
  ASSERT_TRUE(sp);
  EXPECT_EQ(sp->type, GeoType::kWorldState);
  EXPECT_EQ(sp->feature_id, "BR27");
  EXPECT_EQ(sp->adm1, "BR27");
  EXPECT_EQ(sp->country_iso3, "BRA");
  EXPECT_NEAR(sp->lat, -23.5475, 1e-6);
  EXPECT_EQ(Id("Zurich canton"), "none");
  EXPECT_EQ(Id("Moscow province"), "524901");  // a capital, not an admin-1 seat: the city
  EXPECT_EQ(Id("U.S."), "USA");
  EXPECT_EQ(Id("USA"), "USA");
  // An acronym alias means nothing in lower-case text, and a name cut down
  // from a longer one is not a country ("Sadr City" is not SADR).
  EXPECT_EQ(Id("Usa"), "none");
  EXPECT_EQ(Id("America City"), "none");
  // A country's name means the country even in a story set elsewhere.
  EXPECT_EQ(Id("Lebanon", {"USA"}), "LBN");
}

TEST_F(GeocoderTest, UsStates) {
  auto p = geo_->Resolve("Texas", kNoContext);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, GeoType::kUsState);
  EXPECT_EQ(p->country_iso3, "USA");
  EXPECT_EQ(p->feature_id, "USTX");
  EXPECT_EQ(p->adm1, "USTX");
  // Georgia: the country, unless the story is about the US.
  EXPECT_EQ(Id("Georgia"), "GEO");
  EXPECT_EQ(Id("Georgia", {"USA"}), "USGA");
  // A city inside the state of the same name is the city.
  EXPECT_EQ(Id("New York"), "5128581");
  EXPECT_EQ(Id("New York State"), "USNY");
}

TEST_F(GeocoderTest, WashingtonIsTheCapitalUnlessTheStateIsSaid) {
  EXPECT_EQ(Id("Washington"), "4140963");
  EXPECT_EQ(Id("Washington", {"USA"}), "4140963");
  EXPECT_EQ(Id("Washington, D.C."), "4140963");
  EXPECT_EQ(Id("WASHINGTON DC"), "4140963");
  EXPECT_EQ(Id("Washington State"), "USWA");
  auto p = geo_->Resolve("Washington", kNoContext);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, GeoType::kUsCity);
  EXPECT_EQ(p->adm1, "USDC");
}

TEST_F(GeocoderTest, CaseDiacriticsAndAlternateNames) {
  EXPECT_EQ(Id("PARIS"), "2988507");
  EXPECT_EQ(Id("paris"), "2988507");
  EXPECT_EQ(Id("São Paulo"), "3448439");
  EXPECT_EQ(Id("Sao Paulo"), "3448439");
  EXPECT_EQ(Id("SÃO PAULO"), "3448439");
  EXPECT_EQ(Id("Zurich"), "2657896");
  EXPECT_EQ(Id("ZÜRICH"), "2657896");
  EXPECT_EQ(Id("The Hague"), "2747373");
  EXPECT_EQ(Id("Moskva"), "524901");  // the capital's alternate over Idaho
  // A place's own name beats another's alternate name, even a capital's.
  EXPECT_EQ(Id("Delhi"), "1273294");
  EXPECT_EQ(Id("Dilli", {"TLS"}), "1645457");
  // An exonym of a larger city beats a small namesake's own name.
  EXPECT_EQ(Id("Geneva"), "2660646");
  EXPECT_EQ(Id("Geneva", {"USA"}), "4893591");
  // A news name (countries.tsv's) is an own name.
  EXPECT_EQ(Id("Kyiv"), "703448");
  // Transliterations that differ in spaces and doubled letters, and a
  // leading Arabic article, are found as a last resort ...
  EXPECT_EQ(Id("Moscou"), "524901");
  EXPECT_EQ(Id("Mosscow"), "524901");
  EXPECT_EQ(Id("Al-Moscow"), "524901");
  // ... but only in the article's countries when it has some.
  EXPECT_EQ(Id("Mosscow", {"RUS"}), "524901");
  EXPECT_EQ(Id("Mosscow", {"FRA"}), "none");
  EXPECT_EQ(Id("Moscow", {"USA"}), "5601538");
  EXPECT_EQ(Id("Moscow", {"USA", "RUS"}), "524901");
}

TEST_F(GeocoderTest, UnknownNamesResolveToNothing) {
  EXPECT_FALSE(geo_->Resolve("Atlantis", kNoContext));
  EXPECT_FALSE(geo_->Resolve("", kNoContext));
  EXPECT_FALSE(geo_->Resolve(" , ", kNoContext));
  EXPECT_FALSE(geo_->Resolve("Pari", kNoContext));
  EXPECT_FALSE(geo_->Resolve("Paris Texas Moscow", kNoContext));
  EXPECT_EQ(geo_->size(), 24u);
}

TEST_F(GeocoderTest, AnyBytesAreSafe) {
  // Ill-formed UTF-8, NULs, commas and long inputs resolve or not, but never
  // crash (run under the sanitizer build too).
  uint32_t x = 12345;
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    size_t n = k % 200;
    for (size_t i = 0; i < n; ++i) {
      x = x * 1103515245u + 12345u;
      const char alphabet[] = {'a', 'P', ',', ' ', '.', '\'', '\0', '\xC3', '\xA9', '\xFF', 'x', '-'};
      s += alphabet[(x >> 16) % sizeof(alphabet)];
    }
    geo_->Resolve(s, k % 2 ? std::vector<std::string>{"USA"} : kNoContext);
  }
  EXPECT_EQ(Id(std::string("Paris\0", 6)), "2988507");
}

TEST_F(GeocoderTest, ResolveIsSafeFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 2000; ++k) {
        if (Id("Paris", t % 2 ? std::vector<std::string>{"USA"} : kNoContext) !=
            (t % 2 ? "4717560" : "2988507"))
          ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(GeocoderLoadTest, MissingAndMalformedTables) {
  std::unique_ptr<Geocoder> geo;
  Status st = Geocoder::Load("/nonexistent/dateline-data", &geo);
  EXPECT_TRUE(st.IsNotFound()) << st.ToString();
  EXPECT_FALSE(geo);

  std::string path = ::testing::TempDir() + "/geocoder_bad_places.tsv";
  {
    std::ofstream out(path);
    out << "# header\n2988507\tParis\t\t\tFRA\tFR\tA8\tPPLC\t100\tnorth\t2.3\n";
  }
  st = Geocoder::LoadTable(path, &geo);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_NE(st.message().find(":2"), std::string::npos) << st.ToString();
  {
    std::ofstream out(path);
    out << "2988507\tParis\tFRA\n";
  }
  EXPECT_TRUE(Geocoder::LoadTable(path, &geo).IsCorruption());
  {
    std::ofstream out(path);
    out << "# only comments\n";
  }
  EXPECT_TRUE(Geocoder::LoadTable(path, &geo).IsCorruption());
  std::remove(path.c_str());
}

// The shipped table (data/geo/places.tsv, built by build_geo_gazetteer).
TEST(GeocoderDataTest, RealTable) {
  std::unique_ptr<Geocoder> geo;
  Status st = Geocoder::Load(kSource + "/data", &geo);
  if (st.IsNotFound()) GTEST_SKIP() << "data/geo/places.tsv not built: " << st.ToString();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_GT(geo->size(), 20000u);

  auto moscow = geo->Resolve("Moscow", kNoContext);
  ASSERT_TRUE(moscow);
  EXPECT_EQ(moscow->country_iso3, "RUS");
  EXPECT_EQ(moscow->feature_id, "524901");
  EXPECT_EQ(moscow->type, GeoType::kWorldCity);

  auto pyongyang = geo->Resolve("Pyongyang", kNoContext);
  ASSERT_TRUE(pyongyang);
  EXPECT_EQ(pyongyang->country_iso3, "PRK");
  EXPECT_EQ(pyongyang->feature_id, "1871859");  // the capital, PPLC
  EXPECT_NEAR(pyongyang->lat, 39.03, 0.05);
  EXPECT_NEAR(pyongyang->lon, 125.75, 0.05);

  auto jeddah = geo->Resolve("Jeddah", kNoContext);
  ASSERT_TRUE(jeddah);
  EXPECT_EQ(jeddah->country_iso3, "SAU");
  auto jiddah = geo->Resolve("Jiddah", kNoContext);
  ASSERT_TRUE(jiddah);
  EXPECT_EQ(jiddah->feature_id, jeddah->feature_id);

  // A continent is no city's old name ("Africa" was Mahdia's, in Tunisia).
  EXPECT_FALSE(geo->Resolve("Africa", kNoContext));

  auto russia = geo->Resolve("Russia", kNoContext);
  ASSERT_TRUE(russia);
  EXPECT_EQ(russia->type, GeoType::kCountry);
  EXPECT_EQ(russia->feature_id, "RUS");
  auto dprk = geo->Resolve("DPRK", kNoContext);
  ASSERT_TRUE(dprk);
  EXPECT_EQ(dprk->country_iso3, "PRK");

  auto paris_tx = geo->Resolve("Paris", {"USA"});
  ASSERT_TRUE(paris_tx);
  EXPECT_EQ(paris_tx->adm1, "USTX");
  EXPECT_EQ(geo->Resolve("Paris", kNoContext)->country_iso3, "FRA");
  EXPECT_EQ(geo->Resolve("Washington", kNoContext)->feature_id, "4140963");
  EXPECT_EQ(geo->Resolve("Texas", kNoContext)->type, GeoType::kUsState);
  EXPECT_EQ(geo->Resolve("Kyiv", kNoContext)->country_iso3, "UKR");
  EXPECT_EQ(geo->Resolve("The Hague", kNoContext)->country_iso3, "NLD");
  EXPECT_EQ(geo->Resolve("New York", kNoContext)->feature_id, "5128581");
  EXPECT_EQ(geo->Resolve("Georgia", kNoContext)->country_iso3, "GEO");
  EXPECT_EQ(geo->Resolve("Georgia", {"USA"})->feature_id, "USGA");
  EXPECT_EQ(geo->Resolve("Moscow, Idaho", kNoContext)->feature_id, "5601538");
  // A region word after an admin-1 seat: the region (type 5).
  auto idlib = geo->Resolve("Idlib province", {"SYR"});
  ASSERT_TRUE(idlib);
  EXPECT_EQ(idlib->type, GeoType::kWorldState);
  EXPECT_EQ(idlib->country_iso3, "SYR");
  EXPECT_EQ(idlib->feature_id, idlib->adm1);
  EXPECT_EQ(geo->Resolve("Idlib", {"SYR"})->type, GeoType::kWorldCity);

  // A lookup takes microseconds.
  const char* names[] = {"Moscow", "Paris", "São Paulo", "Unknownville", "Washington, D.C."};
  auto t0 = std::chrono::steady_clock::now();
  size_t found = 0;
  const int kRounds = 20000;
  for (int k = 0; k < kRounds; ++k)
    found += geo->Resolve(names[k % 5], {"USA"}).has_value();
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
              kRounds;
  EXPECT_EQ(found, kRounds / 5 * 4);
  EXPECT_LT(us, 50.0) << us << " µs per lookup";
  std::printf("Resolve: %.2f µs per lookup on the real table\n", us);
}

}  // namespace
}  // namespace dateline

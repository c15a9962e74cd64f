#include "entities/knowledge_base.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace dateline {
namespace {

// A small gazetteer in the formats of data/gazetteers/*.tsv, written for
// the test.
std::string WriteGazetteer() {
  // One directory per process: ctest runs each test as a process of its own,
  // two at once under -j2, and they used to rewrite one shared directory.
  std::string dir =
      testing::TempDir() + "/kb_gazetteer_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/countries.tsv")
      << "# name\tiso3\tcameo_code\taliases\tdemonyms\tcapital\tgovernment_metonyms\n"
      << "Burkina Faso\tBFA\tBFA\t\tBurkinabe\tOuagadougou\tOuagadougou\n"
      << "China\tCHN\tCHN\tPRC\tChinese\tBeijing\tBeijing\n"
      << "Jordan\tJOR\tJOR\t\tJordanian\tAmman\tAmman\n"
      << "United Kingdom\tGBR\tGBR\tUK|Britain\tBritish\tLondon\tLondon|Downing Street\n"
      << "United States\tUSA\tUSA\tU.S.|US|America\tAmerican\tWashington, D.C.\t"
         "Washington|White House\n";
  std::ofstream(dir + "/organizations.tsv")
      << "# name\ttype\tcountry_iso3\tcameo_code\taliases\n"
      << "Boko Haram\tREB\tNGA\tNGAREB\t\n"
      << "United Nations\tIGO\t\tIGOUNO\tUN|U.N.\n";
  std::ofstream(dir + "/institutions.tsv")
      << "# name\ttype\taliases\n"
      << "United Nations\tIGO\tUnited Nations Organization\n";
  std::ofstream(dir + "/leaders.tsv")
      << "# name\tcountry_iso3\trole\tstart\tend\taliases\tcameo_actor\tcomment\n"
      << "Bashar al-Assad\tSYR\tpresident\t2000-07-17\t2024-12-08\t\tSYRGOV\t\n"
      << "George H. W. Bush\tUSA\tpresident\t1989-01-20\t1993-01-20\t\tUSAGOV\t\n"
      << "George W. Bush\tUSA\tpresident\t2001-01-20\t2009-01-20\t\tUSAGOV\t\n"
      << "Gordon Brown\tGBR\tprime_minister\t2007-06-27\t2010-05-11\t\tGBRGOV\t\n"
      << "Gordon Brown\tGBR\tfinance_minister\t1997-05-02\t2007-06-27\t\tGBRGOV\t\n"
      << "Tony Blair\tGBR\tprime_minister\t1997-05-02\t2007-06-27\tAnthony Blair\tGBRGOV\t\n"
      << "Xi Jinping\tCHN\tpresident\t2013-03-14\t\t\tCHNGOV\t\n";
  std::ofstream(dir + "/people.tsv")
      << "# name\tfield\taliases\tsurname\n"
      << "Michael Jordan\tus_sports\t\tJordan\n";
  std::ofstream(dir + "/first_names.tsv") << "# name\nGeorge\nMichael\n";
  return dir;
}

Entity Make(const std::string& name, const std::string& type,
            const std::string& country = "") {
  Entity e;
  e.id = "e" + name;
  e.name = name;
  e.type = type;
  e.country = country;
  e.mentions = {{0, 1}};
  return e;
}

class KnowledgeBaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = KnowledgeBase::Create(WriteGazetteer(), &kb_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  // Links `entities` and returns their canonical ids.
  std::vector<std::string> Link(std::vector<Entity> entities,
                                const std::string& published = "") {
    kb_->Link(published, &entities);
    linked_ = entities;
    std::vector<std::string> out;
    for (const Entity& e : entities) out.push_back(e.canonical_id);
    return out;
  }
  std::unique_ptr<KnowledgeBase> kb_;
  std::vector<Entity> linked_;
};

using V = std::vector<std::string>;

TEST_F(KnowledgeBaseTest, TablesBecomeOneEntityPerName) {
  EXPECT_NE(kb_->Find("country:USA"), nullptr);
  EXPECT_EQ(kb_->Find("country:USA")->name, "United States");
  // organizations.tsv and institutions.tsv both list the UN: one entity.
  const CanonicalEntity* un = kb_->Find("org:united-nations");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(kb_->Named("U.N.").size(), 1u);
  EXPECT_EQ(kb_->Named("United Nations Organization").front(), un);
  // Gordon Brown's two offices are one person.
  const CanonicalEntity* brown = kb_->Find("person:gordon-brown");
  ASSERT_NE(brown, nullptr);
  EXPECT_EQ(brown->terms.size(), 2u);
  EXPECT_EQ(brown->surname, "brown");
  EXPECT_EQ(kb_->Find("person:xi-jinping")->surname, "xi");
  EXPECT_EQ(kb_->Find("person:nobody"), nullptr);
}

TEST_F(KnowledgeBaseTest, NamesOfOneCountryAreOneEntityOfOneType) {
  EXPECT_EQ(Link({Make("U.S.", "LOC"), Make("United States", "ORG"),
                  Make("US", "LOC"), Make("Burkina Faso", "PER")}),
            (V{"country:USA", "country:USA", "country:USA", "country:BFA"}));
  for (const Entity& e : linked_) EXPECT_EQ(e.type, "LOC") << e.name;
  EXPECT_EQ(linked_[3].canonical_name, "Burkina Faso");
  EXPECT_EQ(linked_[3].country, "BFA");
  // A group tagged as a person is the organisation.
  EXPECT_EQ(Link({Make("Boko Haram", "PER")}), V{"org:boko-haram"});
  EXPECT_EQ(linked_[0].type, "ORG");
}

TEST_F(KnowledgeBaseTest, OneWordNamesDoNotCrossBetweenPeopleAndPlaces) {
  // "Jordan" the player is neither the country nor, by surname alone,
  // anybody: no office-holder of that name.
  EXPECT_EQ(Link({Make("Jordan", "PER", "USA")}), V{""});
  EXPECT_EQ(linked_[0].type, "PER");
  EXPECT_EQ(Link({Make("Jordan", "LOC")}), V{"country:JOR"});
  EXPECT_EQ(Link({Make("Michael Jordan", "PER")}), V{"person:michael-jordan"});
}

TEST_F(KnowledgeBaseTest, ASurnameAloneIsTheOfficeHolderOfTheArticlesCountry) {
  // "Mr Blair" in a British article, dated or not.
  EXPECT_EQ(Link({Make("Mr Blair", "PER"), Make("Britain", "LOC", "GBR")},
                 "2005-03-01"),
            (V{"person:tony-blair", "country:GBR"}));
  EXPECT_EQ(linked_[0].canonical_name, "Tony Blair");
  EXPECT_EQ(linked_[0].country, "GBR");
  EXPECT_EQ(Link({Make("Blair", "PER"), Make("UK", "LOC", "GBR")}),
            (V{"person:tony-blair", "country:GBR"}));
  // No British name in the article: not him.
  EXPECT_EQ(Link({Make("Mr Blair", "PER"), Make("China", "LOC", "CHN")}),
            (V{"", "country:CHN"}));
  // Before he took office he was nobody to this table.
  EXPECT_EQ(Link({Make("Blair", "PER"), Make("UK", "LOC", "GBR")},
                 "1990-06-01"),
            (V{"", "country:GBR"}));
  // Two presidents Bush: the date decides; undated, neither.
  EXPECT_EQ(Link({Make("Bush", "PER"), Make("U.S.", "LOC", "USA")},
                 "1991-02-01"),
            (V{"person:george-h-w-bush", "country:USA"}));
  EXPECT_EQ(Link({Make("Bush", "PER"), Make("U.S.", "LOC", "USA")},
                 "2003-03-20"),
            (V{"person:george-w-bush", "country:USA"}));
  EXPECT_EQ(Link({Make("Bush", "PER"), Make("U.S.", "LOC", "USA")}),
            (V{"", "country:USA"}));
  // Family name first; particles belong to the surname.
  EXPECT_EQ(Link({Make("Xi", "PER"), Make("China", "LOC", "CHN")},
                 "2023-05-01"),
            (V{"person:xi-jinping", "country:CHN"}));
  EXPECT_EQ(Link({Make("Assad", "PER", "SYR")}, "2011-05-01"),
            V{"person:bashar-al-assad"});
}

TEST_F(KnowledgeBaseTest, CourtesyTitlesAndAliasesLink) {
  EXPECT_EQ(Link({Make("Mr Tony Blair", "PER")}), V{"person:tony-blair"});
  Entity e = Make("Blair", "PER");
  e.aliases = {"Anthony Blair"};
  EXPECT_EQ(Link({e}), V{"person:tony-blair"});
}

TEST_F(KnowledgeBaseTest, CapitalsAreTheirCityNotTheirCountry) {
  // "Washington said": the entity keeps government USA, and is not linked
  // to the country (it is the city; see PlacesAreGeoNamesFeatures).
  Entity gov = Make("Washington", "LOC");
  gov.government = "USA";
  gov.government_mentions = gov.mentions;
  EXPECT_EQ(Link({gov}), V{""});
  EXPECT_EQ(linked_[0].government, "USA");
}

TEST_F(KnowledgeBaseTest, ShortFormsAndForeignNamesakesStayUnlinked) {
  // The name decides before its other forms; a ticker is no alias.
  Entity bank = Make("Bankers Trust", "ORG");
  bank.aliases = {"UN"};
  EXPECT_EQ(Link({bank}), V{""});
  Entity un = Make("World Body", "ORG");
  un.aliases = {"United Nations Organization"};
  EXPECT_EQ(Link({un}), V{"org:united-nations"});
  // A national organisation in a story about other countries.
  EXPECT_EQ(Link({Make("Boko Haram", "ORG"), Make("China", "LOC", "CHN")}),
            (V{"", "country:CHN"}));
  EXPECT_EQ(Link({Make("Boko Haram", "ORG")}), V{"org:boko-haram"});
}

TEST_F(KnowledgeBaseTest, AnUndatedSurnameNeedsTheStorysMainCountry) {
  // A British story that mentions China once: "Xi" is not linked; in a
  // story mostly about China, he is.
  Entity uk = Make("Britain", "LOC", "GBR");
  uk.mentions = {{0, 1}, {2, 3}, {4, 5}};
  EXPECT_EQ(Link({Make("Xi", "PER"), uk, Make("China", "LOC", "CHN")}),
            (V{"", "country:GBR", "country:CHN"}));
  Entity cn = Make("China", "LOC", "CHN");
  cn.mentions = {{0, 1}, {2, 3}, {4, 5}};
  EXPECT_EQ(Link({Make("Xi", "PER"), Make("Britain", "LOC", "GBR"), cn}),
            (V{"person:xi-jinping", "country:GBR", "country:CHN"}));
  // Dated, in office then: linked whatever the story is mostly about.
  EXPECT_EQ(Link({Make("Xi", "PER"), uk, Make("China", "LOC", "CHN")},
                 "2024-01-01"),
            (V{"person:xi-jinping", "country:GBR", "country:CHN"}));
}

TEST_F(KnowledgeBaseTest, UnknownNamesStayUnlinkedAndRelinkingClears) {
  std::vector<Entity> v = {Make("Zorblax Quux", "PER"), Make("", "ORG")};
  v[0].canonical_id = "stale";
  kb_->Link("", &v);
  EXPECT_EQ(v[0].canonical_id, "");
  EXPECT_EQ(v[0].canonical_name, "");
  EXPECT_EQ(v[1].canonical_id, "");
}

TEST_F(KnowledgeBaseTest, PlacesAreGeoNamesFeatures) {
  // Two rows in the format of data/geo/places.tsv.
  const std::string path = testing::TempDir() + "/kb_places.tsv";
  std::ofstream(path)
      << "# feature_id\tname\tascii_name\tnews_names\talternate_names\t"
         "country_iso3\tcountry_iso2\tadmin1\tfeature_code\tpopulation\tlat\tlon\n"
      << "USA\tUnited States\t\t\t\tUSA\tUS\t\tPCLI\t310232863\t38\t-97\n"
      << "5128581\tNew York City\tNew York City\t\tNew York\tUSA\tUS\tNY\tPPL\t"
         "8175133\t40.71427\t-74.00597\n";
  std::unique_ptr<Geocoder> places;
  Status s = Geocoder::LoadTable(path, &places);
  ASSERT_TRUE(s.ok()) << s.ToString();
  kb_->SetPlaces(places.get());
  // The dateline's capitals and the text's form are one place; a person is
  // never looked up as a place.
  EXPECT_EQ(Link({Make("NEW YORK", "LOC"), Make("New York", "LOC"),
                  Make("York", "PER")}),
            (V{"geo:5128581", "geo:5128581", ""}));
  EXPECT_EQ(linked_[0].canonical_name, "New York City");
  EXPECT_EQ(linked_[0].country, "USA");
  EXPECT_EQ(Link({Make("Atlantis", "LOC")}), V{""});
  EXPECT_EQ(Link({Make("New York County", "LOC")}), V{""});
  kb_->SetPlaces(nullptr);
  EXPECT_EQ(Link({Make("New York", "LOC")}), V{""});
}

TEST(KnowledgeBaseCreateTest, MissingCountriesIsNotFound) {
  std::unique_ptr<KnowledgeBase> kb;
  Status s = KnowledgeBase::Create("/nonexistent/dir", &kb);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
}

TEST(CanonicalSlugTest, NameKeyWithHyphens) {
  EXPECT_EQ(CanonicalSlug("Tony Blair"), "tony-blair");
  EXPECT_EQ(CanonicalSlug("U.S."), "us");
  EXPECT_EQ(CanonicalSlug("Kim Jong-Un"), "kim-jong-un");
}

}  // namespace
}  // namespace dateline

#include "events/actor_dictionary.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace dateline {
namespace {

// Splits at spaces, keeping the views into `text`.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t sp = text.find(' ', start);
    if (sp == std::string_view::npos) sp = text.size();
    if (sp > start) out.push_back(text.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

// Returns "<tokens>:<code>" for the actor at token i of `text`.
std::string Actor(const ActorDictionary& d, std::string_view text, size_t i,
                  std::string_view date = "") {
  std::vector<std::string_view> w = Words(text);
  std::string code, name;
  size_t n = d.MatchActor(w, i, date, &code, &name);
  if (n == 0) return "-";
  return std::to_string(n) + ":" + code;
}

std::string Agent(const ActorDictionary& d, std::string_view text,
                  size_t i = 0) {
  std::vector<std::string_view> w = Words(text);
  std::string code;
  bool before = false;
  size_t n = d.MatchAgent(w, i, &code, &before);
  if (n == 0) return "-";
  return std::to_string(n) + ":" + (before ? code + "~" : "~" + code);
}

constexpr char kActors[] =
    "<!-- a test dictionary -->\n"
    "<!-- a block comment\n"
    "UNSEEN [XXX]\n"
    "-->\n"
    "# a comment line\n"
    "UNITED_STATES [USA]\n"
    "+USA \n"
    "+U.S.  #JW   9/12/91\n"
    "NORTH_KOREA  [PRK] # comment\n"
    "+THE_HERMIT_KINGDOM\n"
    "\n"
    "GOLLUM  # pas 27 Apr 03\n"
    "+SMEAGOL\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "#\t[950601-990815]\n"
    "\t[HOBREB > 990816]\n"
    "SAM_GAMGEE [HOB]  # default\n"
    "\t[HOBCIV <20080120]\n"
    "\t[ORCHOB 20100109-20100112] # nested inside the next\n"
    "\t[HOBMIL 20080120-20121109]\n"
    "\t[HOBGOV 20121109-20130119]\n"
    "\t[HOBELI >20130119]\n"
    "ONODOHER  \n"
    "\t[ONO <911226] \n"
    "THE_SHIRE  [FRO/BIL/SAM]\n"
    "BOROMIR  [---]\n"
    "ARNOR_  [ARN]\n"
    "ENT  \n"
    "\t[ENT]\n"
    "UFFE_ELLEMANN_JENSEN  [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]\n"
    "PRESIDENT HOSNI MURBARAK [EGYGOV]\n"
    "PALESTINIAN [pse]\n"
    "PALESTINE  [PAL]\n"
    "+PALESTINIAN\n"
    "KIM_JONG-UN [PRKGOV]\n"
    "UNITED_NATIONS [IGOUNO]\n"
    "+UN_\n";

TEST(ActorDictionaryTest, PetrarchActorsSynonymsAndCase) {
  ActorDictionary d;
  Status s = d.ParsePetrarchActors(kActors, "test.actors");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Actor(d, "the United States said", 1), "2:USA");
  EXPECT_EQ(Actor(d, "UNITED STATES", 0), "2:USA");
  EXPECT_EQ(Actor(d, "U.S. troops", 0), "1:USA");
  EXPECT_EQ(Actor(d, "US troops", 0), "1:USA");
  EXPECT_EQ(Actor(d, "U.S troops", 0), "1:USA");
  EXPECT_EQ(Actor(d, "USA", 0), "1:USA");
  EXPECT_EQ(Actor(d, "the Hermit Kingdom fired", 0), "3:PRK");
  EXPECT_EQ(Actor(d, "North Korea's army", 0), "2:PRK");
  EXPECT_EQ(Actor(d, "North Korea 's army", 0), "2:PRK");
  EXPECT_EQ(Actor(d, "North Korea’s army", 0), "2:PRK");
  EXPECT_EQ(Actor(d, "the Shire", 0), "2:FRO/BIL/SAM");
  EXPECT_EQ(Actor(d, "Boromir", 0), "1:---");
  EXPECT_EQ(Actor(d, "Arnor", 0), "1:ARN");
  EXPECT_EQ(Actor(d, "An Ent", 1), "1:ENT");
  EXPECT_EQ(Actor(d, "President Hosni Murbarak", 0), "3:EGYGOV");
  EXPECT_EQ(Actor(d, "Palestinian", 0), "1:PAL");  // later definition wins
  EXPECT_EQ(Actor(d, "Kim Jong-un", 0), "2:PRKGOV");
  EXPECT_EQ(Actor(d, "Kim Jong Un", 0), "3:PRKGOV");
  EXPECT_EQ(Actor(d, "Kim Jong - un met", 0), "4:PRKGOV");
  EXPECT_EQ(Actor(d, "UN", 0), "1:IGOUNO");
  EXPECT_EQ(Actor(d, "un", 0), "-");  // a common word: capitals only
  EXPECT_EQ(Actor(d, "Unseen", 0), "-");
  EXPECT_EQ(Actor(d, "North", 0), "-");  // prefix of a name only
  EXPECT_EQ(Actor(d, "said", 0), "-");
  std::string name;
  std::vector<std::string_view> w = Words("Smeagol");
  d.MatchActor(w, 0, "19960101", nullptr, &name);
  EXPECT_EQ(name, "GOLLUM");
  // Out of range and empty inputs.
  EXPECT_EQ(d.MatchActor(w, 5, "", nullptr, nullptr), 0u);
  EXPECT_EQ(d.MatchActor({}, 0, "", nullptr, nullptr), 0u);
  EXPECT_EQ(d.actor_stats().skipped, 0u);
}

TEST(ActorDictionaryTest, PetrarchDateRestrictions) {
  ActorDictionary d;
  ASSERT_TRUE(d.ParsePetrarchActors(kActors, "test.actors").ok());
  EXPECT_EQ(Actor(d, "Gollum", 0, "1995-01-01"), "1:HOB");
  EXPECT_EQ(Actor(d, "Gollum", 0, "1995-11-01"), "1:HOBGOV");
  EXPECT_EQ(Actor(d, "Smeagol", 0, "19990101"), "1:HOBGOV");
  EXPECT_EQ(Actor(d, "Gollum", 0, "2001-01-01"), "1:HOBREB");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "1995-01-04"), "2:HOBCIV");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2008-01-19"), "2:HOBCIV");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2010-01-06"), "2:HOBMIL");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2010-01-09"), "2:ORCHOB");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2010-01-12"), "2:ORCHOB");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2010-01-13"), "2:HOBMIL");
  // Both intervals hold on 2012-11-09; the narrower one wins.
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2012-11-09"), "2:HOBGOV");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2012-12-31"), "2:HOBGOV");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "2014-01-04"), "2:HOBELI");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, ""), "2:HOBELI");  // latest
  EXPECT_EQ(Actor(d, "Onodoher", 0, "1990-01-01"), "1:ONO");
  EXPECT_EQ(Actor(d, "Onodoher", 0, "1995-01-01"), "1:");  // known, no code
  EXPECT_EQ(Actor(d, "Uffe Ellemann Jensen", 0, "1987-08-01"), "3:IGOEUREEC");
  EXPECT_EQ(Actor(d, "Uffe Ellemann Jensen", 0, "1985-08-01"), "3:");
  EXPECT_EQ(Actor(d, "Gollum", 0, "not a date"), "1:HOBREB");  // = latest
}

TEST(ActorDictionaryTest, PetrarchActorErrorsNameLines) {
  ActorDictionary d;
  Status s = d.ParsePetrarchActors(
      "[STRAY]\n"              // line 1: code with no actor
      "GOOD [GOO]\n"
      "BAD_DATE [BAD 2001x]\n" // line 3
      "EMPTY_CODE []\n"        // line 4
      "+SYNONYM_OK\n"          // synonym of the bad group: dropped with it
      "ALSO_GOOD  [ALG]\n"
      // Found by fuzz/actor_dictionary_fuzz.cc: a 16-digit date made
      // std::stoi throw out of the loader.
      "LONG_DATE [LDT 1995060119950601 - 19990815]\n",
      "bad.actors");
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_NE(s.ToString().find("bad.actors"), std::string::npos);
  EXPECT_NE(s.ToString().find("line 1"), std::string::npos);
  EXPECT_NE(s.ToString().find("line 3"), std::string::npos);
  EXPECT_NE(s.ToString().find("line 4"), std::string::npos);
  EXPECT_EQ(d.actor_stats().skipped, 4u);
  EXPECT_NE(s.ToString().find("line 7"), std::string::npos);
  EXPECT_EQ(Actor(d, "good", 0), "1:GOO");
  EXPECT_EQ(Actor(d, "also good", 0), "2:ALG");
  EXPECT_EQ(Actor(d, "bad date", 0), "-");
}

TEST(ActorDictionaryTest, PetrarchAgents) {
  ActorDictionary d;
  Status s = d.ParsePetrarchAgents(
      "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
      "!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
      "FOREIGN_MINISTER [~GOVFRM] # jap 4/14/01\n"
      "POLICE {} [ ~COP] # JON 2/8/95\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
      "HUMAN_RIGHTS_ORGANIZATION  [  NGO~] # sls\n"
      "AUTHORITY  [~GOV]\n"
      "SPOKESMAN [~GOV]\n"
      "# JOURNALISTS'_UNION  [~LABMED]\n"
      "NO_CODE_HERE\n"
      "!BROKEN! MARKER\n",
      "test.agents");
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_NE(s.ToString().find("line 12"), std::string::npos);
  EXPECT_NE(s.ToString().find("line 13"), std::string::npos);
  EXPECT_EQ(Agent(d, "Foreign Minister Lavrov"), "2:~GOVFRM");
  EXPECT_EQ(Agent(d, "foreign ministers"), "2:~GOVFRM");
  EXPECT_EQ(Agent(d, "police"), "1:~COP");
  EXPECT_EQ(Agent(d, "polices"), "-");  // {} = no plural
  EXPECT_EQ(Agent(d, "attorneys general"), "2:~GOV");
  EXPECT_EQ(Agent(d, "attorney generals"), "-");
  EXPECT_EQ(Agent(d, "congressmen"), "1:~LEG");
  EXPECT_EQ(Agent(d, "Congresswoman"), "1:~LEG");
  EXPECT_EQ(Agent(d, "ministry of silly walks"), "4:~GOV");
  EXPECT_EQ(Agent(d, "ministries of silly walks"), "4:~GOV");
  EXPECT_EQ(Agent(d, "human rights organizations"), "3:NGO~");
  EXPECT_EQ(Agent(d, "authorities"), "1:~GOV");
  EXPECT_EQ(Agent(d, "spokesmen"), "1:~GOV");
  EXPECT_EQ(Agent(d, "journalists' union"), "-");
  EXPECT_EQ(Agent(d, "the police", 1), "1:~COP");
}

TEST(ActorDictionaryTest, PetrarchDiscards) {
  ActorDictionary d;
  EXPECT_FALSE(d.Discard("Manchester United won."));
  ASSERT_TRUE(d.ParsePetrarchDiscards("# Story-level with '+'\n"
                                      "MONTHS LATER\n"
                                      "+Manchester United   # pas\n"
                                      "BASEBALL   \n"
                                      "+ESPN2\n",
                                      "test.discards")
                  .ok());
  EXPECT_EQ(d.DiscardLevel("Fans cheered as Manchester United won."), 2);
  EXPECT_EQ(d.DiscardLevel("Months later, the talks resumed."), 1);
  EXPECT_EQ(d.DiscardLevel("He watched baseball on ESPN2."), 2);
  EXPECT_TRUE(d.Discard("A BASEBALL game."));
  EXPECT_FALSE(d.Discard("Manchester is a city; United we stand."));
  EXPECT_FALSE(d.Discard("Months passed."));
  EXPECT_FALSE(d.Discard(""));
}

TEST(ActorDictionaryTest, GarbageNeverCrashes) {
  std::mt19937 rng(7);
  const std::string alphabet = "[]{}<>!~+-_#/ \t\nAZaz09.'\"=,\xC3\xE2\x80";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    size_t n = rng() % 300;
    for (size_t k = 0; k < n; ++k) text.push_back(alphabet[rng() % alphabet.size()]);
    ActorDictionary d;
    d.ParsePetrarchActors(text, "fuzz");
    d.ParsePetrarchAgents(text, "fuzz");
    d.ParsePetrarchDiscards(text, "fuzz");
    std::vector<std::string_view> w = Words(text);
    std::string code, name;
    for (size_t i = 0; i <= w.size(); ++i) {
      d.MatchActor(w, i, "2020-01-01", &code, &name);
      d.MatchAgent(w, i, &code);
    }
    d.Discard(text);
    d.CountryOf(text);
  }
}

// LoadDefault on a small data folder written here: bad rows are skipped and
// named, the rest is usable.
TEST(ActorDictionaryTest, LoadDefaultSkipsBadRows) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() /
                 ("dateline_actor_dict_" + std::to_string(::getpid()));
  fs::create_directories(dir / "gazetteers");
  fs::create_directories(dir / "events");
  auto write = [&](const char* rel, const char* text) {
    std::ofstream(dir / rel) << text;
  };
  write("gazetteers/countries.tsv",
        "# name\tiso3\tcameo_code\taliases\tdemonyms\tcapital\tgovernment_metonyms\n"
        "Gondor\tGON\tGON\tKingdom of Gondor\tGondorian|Gondorians\tMinas Tirith\tMinas Tirith|Citadel\n");
  write("gazetteers/organizations.tsv",
        "# name\ttype\tcountry_iso3\tcameo_code\taliases\n"
        "White Council\tIGO\t\tIGOWHC\tWC\n");
  write("gazetteers/leaders.tsv",
        "# name\tcountry_iso3\trole\tstart\tend\taliases\tcameo_actor\tcomment\n"
        "Aragorn Elessar\tGON\tmonarch\t3019-05-01\t\tStrider\tGONGOV\t\n"
        "Denethor Ecthelion\tGON\tsteward\t2984\t3019-03\t\tGONGOV\t\n"
        "Bad Row\tGON\tsteward\t30x9\t\t\tGONGOV\t\n");
  write("events/agents.tsv", "# name\tcode\tplural\nsteward\tGOV\t\n");
  std::unique_ptr<ActorDictionary> d;
  Status s = ActorDictionary::LoadDefault(dir.string(), &d);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("leaders.tsv line 4"), std::string::npos)
      << s.ToString();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(Actor(*d, "Gondorians", 0), "1:GON");
  EXPECT_EQ(Actor(*d, "Minas Tirith", 0), "2:GON");
  EXPECT_EQ(Actor(*d, "the Citadel", 1), "1:GONGOV");
  EXPECT_EQ(Actor(*d, "Aragorn Elessar", 0, "3019-06-01"), "2:GONGOV");
  EXPECT_EQ(Actor(*d, "Aragorn Elessar", 0, "3000-01-01"), "2:GONELI");
  EXPECT_EQ(Actor(*d, "Ecthelion", 0, "3000-01-01"), "1:GONGOV");  // surname
  EXPECT_EQ(Actor(*d, "Denethor Ecthelion", 0, "3019-04-01"), "2:GONELI");
  EXPECT_EQ(Actor(*d, "Bad Row", 0), "-");
  EXPECT_EQ(Actor(*d, "WC", 0), "1:IGOWHC");
  EXPECT_EQ(Agent(*d, "stewards"), "1:~GOV");
  EXPECT_EQ(d->CountryOf("Gondorian"), "GON");
  // A missing required file is an I/O error.
  fs::remove(dir / "events/agents.tsv");
  std::unique_ptr<ActorDictionary> d2;
  EXPECT_TRUE(ActorDictionary::LoadDefault(dir.string(), &d2).IsIOError());
  fs::remove_all(dir);
}

// dateline's own dictionaries.
class DefaultDictionaryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = ActorDictionary::LoadDefault(DATELINE_SOURCE_DIR "/data", &dict_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static std::unique_ptr<ActorDictionary> dict_;
};
std::unique_ptr<ActorDictionary> DefaultDictionaryTest::dict_;

TEST_F(DefaultDictionaryTest, CountriesCapitalsMetonyms) {
  const ActorDictionary& d = *dict_;
  EXPECT_EQ(Actor(d, "Russia", 0), "1:RUS");
  EXPECT_EQ(Actor(d, "Russian officials", 0), "1:RUS");
  EXPECT_EQ(Actor(d, "Moscow", 0), "1:RUS");
  EXPECT_EQ(Actor(d, "the Kremlin said", 0), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Kremlin", 0), "1:RUSGOV");
  EXPECT_EQ(Actor(d, "the White House", 0), "3:USAGOV");
  EXPECT_EQ(Actor(d, "Washington", 0), "1:USA");
  EXPECT_EQ(Actor(d, "U.S.", 0), "1:USA");
  EXPECT_EQ(Actor(d, "US", 0), "1:USA");
  EXPECT_EQ(Actor(d, "give us", 1), "-");
  EXPECT_EQ(Actor(d, "North Korea", 0), "2:PRK");
  EXPECT_EQ(Actor(d, "North Korean", 0), "2:PRK");
  EXPECT_EQ(Actor(d, "Pyongyang", 0), "1:PRK");
  EXPECT_EQ(Actor(d, "South Korea's", 0), "2:KOR");
  // A possessive inside a dictionary name.
  EXPECT_EQ(Actor(d, "South Korea's National Security Council", 0), "5:KORGOV");
  EXPECT_EQ(Actor(d, "the Democratic People’s Republic of Korea", 1), "5:PRK");
  EXPECT_EQ(d.CountryOf("Russian"), "RUS");
  EXPECT_EQ(d.CountryOf("Moscow"), "RUS");
  EXPECT_EQ(d.CountryOf("Kremlin"), "RUS");
  EXPECT_EQ(d.CountryOf("the White House"), "USA");
  EXPECT_EQ(d.CountryOf("north korean"), "PRK");
  EXPECT_EQ(d.CountryOf("North"), "");
  EXPECT_EQ(d.CountryOf(""), "");
  EXPECT_EQ(d.CountryOf("Vladimir Putin"), "");
  EXPECT_TRUE(d.IsCountryCode("RUS"));
  EXPECT_TRUE(d.IsCountryCode("KSV"));
  EXPECT_FALSE(d.IsCountryCode("IGO"));
  EXPECT_FALSE(d.IsCountryCode("GOV"));
  EXPECT_FALSE(d.IsCountryCode("RUSGOV"));
}

TEST_F(DefaultDictionaryTest, PeopleWithDates) {
  const ActorDictionary& d = *dict_;
  EXPECT_EQ(Actor(d, "Vladimir Putin", 0, "2023-09-13"), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Vladimir Putin", 0, "2000-07-19"), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Vladimir Putin", 0, "2010-01-01"), "2:RUSGOV");  // PM
  EXPECT_EQ(Actor(d, "Vladimir Putin", 0, "1995-01-01"), "2:RUSELI");
  EXPECT_EQ(Actor(d, "Vladimir Putin", 0, ""), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Kim Jong Un", 0, "2023-09-13"), "3:PRKGOV");
  EXPECT_EQ(Actor(d, "Kim Jong-un", 0, "2023-09-13"), "2:PRKGOV");
  EXPECT_EQ(Actor(d, "Kim Jong Un's", 0, "2023-09-13"), "3:PRKGOV");
  EXPECT_EQ(Actor(d, "Sergei Lavrov", 0, "2023-09-13"), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Sergey Shoigu", 0, "2023-07-26"), "2:RUSGOV");
  EXPECT_EQ(Actor(d, "Joe Biden", 0, "2023-09-13"), "2:USAGOV");
  EXPECT_EQ(Actor(d, "Joe Biden", 0, "1995-01-01"), "2:USAELI");
  std::string code, name;
  std::vector<std::string_view> w = Words("Sergey Lavrov");
  d.MatchActor(w, 0, "2023-09-13", &code, &name);
  EXPECT_EQ(name, "Sergei Lavrov");
}

// UK party names are parties (kind kParty), so the coder can check them
// against the article's country ("Australian Labour" is no British party);
// a person and a country are not.
TEST_F(DefaultDictionaryTest, PartiesHaveAKindOfTheirOwn) {
  const ActorDictionary& d = *dict_;
  auto kind = [&](const char* text) {
    std::vector<std::string_view> w = Words(text);
    ActorDictionary::ActorMatch m;
    d.MatchActor(w, 0, "1987-03-06", &m);
    return m.kind;
  };
  using Kind = ActorDictionary::ActorKind;
  EXPECT_EQ(kind("Labour"), Kind::kParty);
  EXPECT_EQ(kind("Tories"), Kind::kParty);
  EXPECT_EQ(kind("Liberal Democrats"), Kind::kParty);
  EXPECT_EQ(kind("UKIP"), Kind::kParty);
  EXPECT_EQ(kind("Michael Howard"), Kind::kPerson);
  EXPECT_EQ(kind("Australia"), Kind::kCountry);
}

// A hyphenated family name alone names its person ("Kilroy-Silk said":
// before, only its last part was a key, and "Silk" alone is no name); the
// last part of a name with an article stays a key ("Assad").
TEST_F(DefaultDictionaryTest, HyphenatedSurnamesAlone) {
  const ActorDictionary& d = *dict_;
  EXPECT_EQ(Actor(d, "Kilroy-Silk said", 0, "2005-03-03"), "1:GBROPP");
  EXPECT_EQ(Actor(d, "Assad said", 0, "2015-01-01"), "1:SYRGOV");
}

TEST_F(DefaultDictionaryTest, SurnamesPlacesAndCapitals) {
  const ActorDictionary& d = *dict_;
  EXPECT_EQ(Actor(d, "Putin said", 0, "2023-09-13"), "1:RUSGOV");
  EXPECT_EQ(Actor(d, "Putin's visit", 0, "2000-07-19"), "1:RUSGOV");
  EXPECT_EQ(Actor(d, "Obama said", 0, "2010-01-01"), "1:USAGOV");
  EXPECT_EQ(Actor(d, "Lavrov", 0, "2023-09-13"), "1:RUSGOV");
  EXPECT_EQ(Actor(d, "Shoigu", 0, "2023-07-26"), "1:RUSGOV");
  EXPECT_EQ(Actor(d, "President Reagan's", 1, "1985-01-01"), "1:USAGOV");  // actors.tsv
  EXPECT_EQ(Actor(d, "South Carolina", 0), "2:USA");  // events/places.tsv
  EXPECT_EQ(Actor(d, "Bachelet", 0, "2020-01-01"), "1:IGOUNOHRIHCH");
  EXPECT_EQ(Actor(d, "Bachelet", 0, "2015-01-01"), "1:CHLGOV");
  EXPECT_EQ(Actor(d, "Michel Suleiman", 0, "2008-08-06"), "2:LBNGOV");
  std::string name;
  std::vector<std::string_view> w = Words("Putin");
  d.MatchActor(w, 0, "", nullptr, &name);
  EXPECT_EQ(name, "Vladimir Putin");
  // Shared by people of several countries, or a common word: not a name.
  EXPECT_EQ(Actor(d, "Kim said", 0, "2023-09-13"), "-");
  EXPECT_EQ(Actor(d, "May said", 0, "2017-01-01"), "-");
  EXPECT_EQ(Actor(d, "putin", 0), "-");  // surnames need a capital
  // Family names that are English words or abbreviations are no one alone
  // (Hun Sen, No Kwang Chol, Duma Boko): "Sen." is a senator, "No" a word.
  EXPECT_EQ(Actor(d, "Sen. Warren said", 0, "2023-01-01"), "-");
  EXPECT_EQ(Actor(d, "No one said", 0, "2025-01-01"), "-");
  EXPECT_EQ(Actor(d, "Boko Haram", 0, "2025-01-01"), "2:NGAREB");
  // Diacritics fold: "Francois Mitterrand" = "François Mitterrand".
  EXPECT_EQ(Actor(d, "Francois Mitterrand", 0, "1990-01-01"), "2:FRAGOV");
  EXPECT_EQ(Actor(d, "FRANÇOIS MITTERRAND", 0, "1990-01-01"), "2:FRAGOV");
  EXPECT_EQ(Actor(d, "Recep Tayyip Erdogan", 0, "2023-01-01"), "3:TURGOV");
  EXPECT_EQ(Actor(d, "Zürich", 0), "1:CHE");
  // A name before a hyphenated participle: "Saudi-led".
  EXPECT_EQ(Actor(d, "the U.S.-led coalition", 1), "1:USA");
  EXPECT_EQ(Actor(d, "Vietnamese-led forces", 0), "1:VNM");
  EXPECT_EQ(Actor(d, "Russia-Ukraine war", 0), "-");
  // Cities and regions of one country stand for it.
  EXPECT_EQ(Actor(d, "Zurich", 0), "1:CHE");
  EXPECT_EQ(Actor(d, "Vladivostok", 0), "1:RUS");
  EXPECT_EQ(Actor(d, "Komsomolsk-on-Amur", 0), "1:RUS");
  EXPECT_EQ(Actor(d, "the Korean Peninsula", 1), "-");  // two countries
  // Proper names need a capital: "pole" is not a Pole.
  EXPECT_EQ(Actor(d, "a Pole", 1), "1:POL");
  EXPECT_EQ(Actor(d, "a pole", 1), "-");
}

TEST_F(DefaultDictionaryTest, SurnameCandidatesInOffice) {
  const ActorDictionary& d = *dict_;
  auto names = [&](std::string_view surname, std::string_view date) {
    std::string out;
    for (const auto& m : d.SurnameCandidates(surname, date))
      out += (out.empty() ? "" : "|") + m.name + "=" + m.code;
    return out;
  };
  std::string kims = names("Kim", "2023-09-13");
  EXPECT_NE(kims.find("Kim Jong Un=PRKGOV"), std::string::npos) << kims;
  EXPECT_EQ(kims.find("Kim Jong Il"), std::string::npos) << kims;  // died 2011
  EXPECT_NE(names("Kim", "2005-01-01").find("Kim Jong Il=PRKGOV"),
            std::string::npos);
  EXPECT_EQ(names("Putin", "2023-09-13"), "Vladimir Putin=RUSGOV");
  EXPECT_EQ(names("Putin", "1995-01-01"), "");
  EXPECT_EQ(names("Nobody", "2023-09-13"), "");
  EXPECT_EQ(names("Kim Jong", "2023-09-13"), "");  // one token only
}

TEST_F(DefaultDictionaryTest, MatchKinds) {
  const ActorDictionary& d = *dict_;
  using Kind = ActorDictionary::ActorKind;
  auto kind = [&](std::string_view text) {
    std::vector<std::string_view> w = Words(text);
    ActorDictionary::ActorMatch m;
    EXPECT_GT(d.MatchActor(w, 0, "2023-09-13", &m), 0u) << text;
    return m.kind;
  };
  EXPECT_EQ(kind("Russia"), Kind::kCountry);
  EXPECT_EQ(kind("Russians"), Kind::kCountry);
  EXPECT_EQ(kind("Moscow"), Kind::kCapital);
  EXPECT_EQ(kind("Kremlin"), Kind::kMetonym);
  EXPECT_EQ(kind("Vladivostok"), Kind::kPlace);
  EXPECT_EQ(kind("NATO"), Kind::kOrganization);
  EXPECT_EQ(kind("Vladimir Putin"), Kind::kPerson);
  EXPECT_EQ(kind("Putin"), Kind::kSurname);
  EXPECT_EQ(kind("Ronald Reagan"), Kind::kPerson);
  EXPECT_EQ(kind("Osama bin Laden"), Kind::kPerson);  // undated, kind column
  EXPECT_EQ(kind("Zawahiri"), Kind::kSurname);
  EXPECT_EQ(kind("Gaza Strip"), Kind::kPlace);
  EXPECT_EQ(kind("Rohingya"), Kind::kOrganization);
  ActorDictionary::ActorMatch m;
  std::vector<std::string_view> w = Words("Sergey Lavrov said");
  EXPECT_EQ(d.MatchActor(w, 0, "2023-09-13", &m), 2u);
  EXPECT_EQ(m.tokens, 2u);
  EXPECT_EQ(m.code, "RUSGOV");
  EXPECT_EQ(m.name, "Sergei Lavrov");
  EXPECT_EQ(d.MatchActor(w, 0, "", nullptr), 2u);
}

TEST_F(DefaultDictionaryTest, OrganisationsAndAgents) {
  const ActorDictionary& d = *dict_;
  EXPECT_EQ(Actor(d, "NATO", 0), "1:IGOWSTNAT");
  EXPECT_EQ(Actor(d, "the United Nations", 1), "2:IGOUNO");
  EXPECT_EQ(Actor(d, "U.N.", 0), "1:IGOUNO");
  EXPECT_EQ(Actor(d, "European Union", 0), "2:IGOEUREEC");
  EXPECT_EQ(Actor(d, "IAEA", 0), "1:IGOUNOIAE");
  EXPECT_EQ(Actor(d, "World Health Organization", 0), "3:IGOUNOHLHWHO");
  EXPECT_EQ(Actor(d, "WHO", 0), "1:IGOUNOHLHWHO");
  EXPECT_EQ(Actor(d, "who said", 0), "-");
  EXPECT_EQ(Agent(d, "Foreign Minister Sergei Lavrov"), "2:~GOV");
  EXPECT_EQ(Agent(d, "foreign ministry spokeswoman"), "3:~GOV");
  EXPECT_EQ(Agent(d, "spokesmen"), "1:~GOV");
  EXPECT_EQ(Agent(d, "rebels"), "1:~REB");
  EXPECT_EQ(Agent(d, "police"), "1:~COP");
  EXPECT_EQ(Agent(d, "army"), "1:~MIL");
  EXPECT_EQ(Agent(d, "armies"), "1:~MIL");
  EXPECT_EQ(Agent(d, "lawmakers"), "1:~LEG");
  EXPECT_EQ(Agent(d, "parliament"), "1:~LEG");
  EXPECT_EQ(Agent(d, "court"), "1:~JUD");
  EXPECT_EQ(Agent(d, "protesters"), "1:~OPP");
  EXPECT_EQ(Agent(d, "government forces"), "2:~MIL");
  EXPECT_EQ(Agent(d, "state media"), "2:~GOVMED");
  // A bare generic body is a sector word; its full name is an actor.
  EXPECT_EQ(Actor(d, "Congress", 0), "-");
  EXPECT_EQ(Agent(d, "Congress"), "1:~LEG");
  EXPECT_EQ(Actor(d, "Rwanda's Senate", 1), "-");
  EXPECT_EQ(Actor(d, "the U.S. Congress", 1), "2:USALEG");
  EXPECT_EQ(Actor(d, "the Gaza Strip", 1), "2:PSEGZA");
  // Acronyms and bodies every country has are sector words, not one
  // country's body: "South Korea's NSC", "Russia's Ministry of Defence".
  EXPECT_EQ(Actor(d, "NSC", 0), "-");
  EXPECT_EQ(Agent(d, "NSC"), "1:~GOV");
  EXPECT_EQ(Actor(d, "Ministry of Defence", 0), "-");
  EXPECT_EQ(Actor(d, "British Ministry of Defence", 0), "4:GBRMIL");
  EXPECT_EQ(Agent(d, "said"), "-");
  EXPECT_GT(d.agent_count(), 250u);
}

// The codes in data/events/ are well formed: actor codes start with a
// country code of countries.tsv (or IGO/NGO/IMG) and continue in 3-letter
// blocks; agent codes are known CAMEO sector codes; places name a country.
TEST(ProjectDataTest, CodesAreWellFormed) {
  auto rows = [](const std::string& rel) {
    std::ifstream in(std::string(DATELINE_SOURCE_DIR) + "/data/" + rel);
    std::vector<std::vector<std::string>> out;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      size_t b = 0;
      while (true) {
        size_t t = line.find('\t', b);
        f.push_back(line.substr(b, t == std::string::npos ? t : t - b));
        if (t == std::string::npos) break;
        b = t + 1;
      }
      out.push_back(f);
    }
    return out;
  };
  std::set<std::string> countries = {"IGO", "NGO", "IMG"};
  for (const auto& f : rows("gazetteers/countries.tsv"))
    if (f.size() > 2 && !f[2].empty()) countries.insert(f[2]);
  std::set<std::string> isos;
  for (const auto& f : rows("gazetteers/countries.tsv"))
    if (f.size() > 1 && !f[1].empty()) isos.insert(f[1]);
  ASSERT_GT(countries.size(), 190u);
  auto actor_code_ok = [&](const std::string& c) {
    if (c.size() < 3 || c.size() % 3 != 0) return false;
    for (char ch : c)
      if (ch < 'A' || ch > 'Z') return false;
    return countries.count(c.substr(0, 3)) > 0;
  };
  auto actors = rows("events/actors.tsv");
  ASSERT_GT(actors.size(), 50u);
  for (const auto& f : actors) {
    ASSERT_EQ(f.size(), 8u) << f[0];
    EXPECT_TRUE(f[6] == "person" || f[6] == "group" || f[6] == "party" ||
                f[6] == "place")
        << f[0] << " " << f[6];
    EXPECT_TRUE(actor_code_ok(f[1])) << f[0] << " " << f[1];
    if (!f[5].empty()) {
      EXPECT_TRUE(actor_code_ok(f[5])) << f[0] << " " << f[5];
    }
    if (!f[2].empty() && !f[3].empty()) {
      EXPECT_LE(f[2], f[3]) << f[0];
    }
  }
  const std::set<std::string> sectors = {
      "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "RAD", "MOD",
      "MED", "BUS", "NGO", "HRI", "ENV", "CVL", "EDU", "HLH", "REL", "LAB",
      "AGR", "ELI", "SPY", "CRM", "REF", "UAF", "MUS", "CHR", "JEW", "HIN",
      "BUD"};
  for (const auto& f : rows("events/agents.tsv")) {
    ASSERT_GE(f.size(), 2u);
    // One sector or several joined ("GOVMED").
    bool ok = !f[1].empty() && f[1].size() % 3 == 0;
    for (size_t k = 0; ok && k < f[1].size(); k += 3)
      ok = sectors.count(f[1].substr(k, 3)) > 0;
    EXPECT_TRUE(ok) << f[0] << " " << f[1];
    for (char ch : f[0]) EXPECT_FALSE(ch >= 'A' && ch <= 'Z') << f[0];
  }
  for (const auto& f : rows("events/places.tsv")) {
    ASSERT_GE(f.size(), 3u);
    EXPECT_TRUE(isos.count(f[2])) << f[0] << " " << f[2];
  }
}

// The PETRARCH validation dictionaries from ../shared.
class PetrarchValidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = DATELINE_SOURCE_DIR "/../shared/datasets/petrarch-validation/";
    if (!std::ifstream(dir_ + "PETR.Validate.actors.txt"))
      GTEST_SKIP() << "../shared/datasets/petrarch-validation is absent";
  }
  std::string dir_;
};

TEST_F(PetrarchValidateTest, LoadsAllFourFormats) {
  ActorDictionary d;
  Status s = d.LoadPetrarchActors(dir_ + "PETR.Validate.actors.txt");
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = d.LoadPetrarchAgents(dir_ + "PETR.Validate.agents.txt");
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = d.LoadPetrarchDiscards(dir_ + "PETR.Validate.discards.txt");
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(d.actor_stats().entries, 150u);
  EXPECT_EQ(d.actor_stats().skipped, 0u);
  EXPECT_GT(d.agent_stats().entries, 150u);
  EXPECT_EQ(d.discard_stats().entries, 9u);

  EXPECT_EQ(Actor(d, "Israeli troops", 0), "2:ISRMIL");
  EXPECT_EQ(Actor(d, "Hamas wing", 0), "2:PSEHMSBRD");
  EXPECT_EQ(Actor(d, "the Hermit Kingdom", 0), "3:PRK");
  EXPECT_EQ(Actor(d, "Seoul", 0), "1:KOR");
  EXPECT_EQ(Actor(d, "Zealand", 0), "1:DNK");
  EXPECT_EQ(Actor(d, "New Zealand", 0), "2:NZE");
  EXPECT_EQ(Actor(d, "U.S.", 0), "1:USA");
  EXPECT_EQ(Actor(d, "Interpol", 0), "1:IGOCOPITP");
  EXPECT_EQ(Actor(d, "the Shire", 0), "2:FRO/BIL/SAM");
  EXPECT_EQ(Actor(d, "Lorien", 0), "1:ELR/GAL");
  EXPECT_EQ(Actor(d, "Eriadorian", 0), "1:ERI");
  EXPECT_EQ(Actor(d, "Prince of Dol Amroth", 0, "19990809"), "4:DOL");
  EXPECT_EQ(Actor(d, "Prince of Dol Amroth", 0, "19950101"), "4:---");
  EXPECT_EQ(Actor(d, "Zimbabwe", 0, "19781223"), "1:RHO");
  EXPECT_EQ(Actor(d, "Zimbabwe", 0, "20010101"), "1:ZBW");
  EXPECT_EQ(Actor(d, "Gollum", 0, "19951101"), "1:HOBGOV");
  EXPECT_EQ(Actor(d, "Stinker", 0, "20010101"), "1:HOBREB");
  EXPECT_EQ(Actor(d, "Gollum", 0, "19950101"), "1:HOB");
  EXPECT_EQ(Actor(d, "Hamfast Gamgee", 0, "19950104"), "2:HOB");
  EXPECT_EQ(Actor(d, "Hamfast Gamgee", 0, "20121109"), "2:HOBGOV");
  EXPECT_EQ(Actor(d, "Sam Gamgee", 0, "20100110"), "2:ORCHOB");
  EXPECT_EQ(Actor(d, "Nasgul", 0), "-");  // commented out

  EXPECT_EQ(Agent(d, "foreign minister"), "2:~GOVFRM");
  EXPECT_EQ(Agent(d, "congressmen"), "1:~LEG");
  EXPECT_EQ(Agent(d, "minister of silly walks"), "4:~GOV");
  EXPECT_EQ(Agent(d, "human rights organizations"), "3:NGO~");
  EXPECT_EQ(Agent(d, "MSF"), "1:NGO~");
  EXPECT_EQ(Agent(d, "golden geese"), "2:~GGS");
  EXPECT_EQ(Agent(d, "troops"), "1:~MIL");
  EXPECT_EQ(Agent(d, "police"), "1:~COP");

  EXPECT_EQ(d.DiscardLevel("Manchester United beat Arsenal."), 2);
  EXPECT_EQ(d.DiscardLevel("Years later, Gondor attacked."), 1);
  EXPECT_EQ(d.DiscardLevel("Gondor attacked Mordor."), 0);
}

}  // namespace
}  // namespace dateline

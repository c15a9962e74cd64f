// Issue 5 on the seed page: the events the coder must find (who did what to
// whom, when), each with evidence in the text, and none from the ads or the
// newsletter box. The coder has no rule for this page: these come from the
// general patterns in data/events/verbs.tsv and the actor dictionaries.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "dateline/pipeline.h"
#include "seed_page.h"
#include "events/cameo.h"

namespace dateline {
namespace {

// These tests describe the clause coder, which is not the pipeline's
// default yet (src/events/event_coder.cc says why): the variable makes every
// coder this process creates the clause one.
const bool kClauseCoder = [] {
  setenv("DATELINE_EVENTS_CODER", "clause", 1);
  return true;
}();


class SeedEventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { doc_ = ProcessSeedPage("events").release(); }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  void SetUp() override {
    if (!doc_) GTEST_SKIP() << "seed page not found at " << kSeedPage;
  }

  static bool Starts(const std::string& s, const char* p) {
    return s.rfind(p, 0) == 0;
  }

  // The events matching `pred`, printed on failure.
  static std::vector<const Event*> Find(
      const std::function<bool(const Event&)>& pred) {
    std::vector<const Event*> out;
    for (const Event& e : doc_->events) {
      if (pred(e)) out.push_back(&e);
    }
    return out;
  }

  static std::string All() {
    std::string out;
    for (const Event& e : doc_->events) {
      out += e.code + " " + e.source.code + " -> " +
             (e.has_target ? e.target.code : "-") + " [" + e.evidence +
             "] " + e.date + (e.hypothetical ? " hyp" : "") +
             (e.negated ? " neg" : "") + "\n";
    }
    return out;
  }

  static std::string EntityId(const std::string& name) {
    for (const Entity& e : doc_->entities) {
      if (e.name == name) return e.id;
    }
    return "";
  }

  static Document* doc_;
};
Document* SeedEventsTest::doc_ = nullptr;

TEST_F(SeedEventsTest, PutinAcceptsKimsInvitation) {
  auto found = Find([](const Event& e) {
    return e.code == "036" && e.source.code == "RUSGOV" &&
           Starts(e.target.code, "PRK") &&
           e.evidence.find("accepted") != std::string::npos;
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, KimInvitesPutin) {
  auto found = Find([](const Event& e) {
    return (e.root == "02" || e.code == "036") && e.source.code == "PRKGOV" &&
           e.target.code == "RUSGOV" &&
           e.evidence.find("invited") != std::string::npos;
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, PutinKimMeetingOnSeptember13) {
  auto found = Find([](const Event& e) {
    bool pair = (Starts(e.source.code, "RUS") && Starts(e.target.code, "PRK")) ||
                (Starts(e.source.code, "PRK") && Starts(e.target.code, "RUS"));
    return e.root == "04" && pair && e.date == "2023-09-13" &&
           !e.hypothetical;
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, LavrovIntendsToVisitPyongyangInOctober) {
  std::string lavrov = EntityId("Sergei Lavrov");
  auto found = Find([&](const Event& e) {
    return e.code == "036" && e.source.code == "RUSGOV" &&
           e.source.entity == lavrov && Starts(e.target.code, "PRK") &&
           e.hypothetical && e.date == "2023-10";
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, WashingtonAccusesNorthKorea) {
  auto found = Find([](const Event& e) {
    return Starts(e.code, "112") && Starts(e.source.code, "USA") &&
           Starts(e.target.code, "PRK");
  });
  EXPECT_FALSE(found.empty()) << All();
  // Providing arms is what was alleged, not an event that happened.
  auto arms = Find([](const Event& e) {
    return e.root == "07" && Starts(e.source.code, "PRK") && !e.hypothetical;
  });
  EXPECT_TRUE(arms.empty()) << All();
}

TEST_F(SeedEventsTest, RussiaAndNorthKoreaDeny) {
  for (const char* who : {"RUS", "PRK"}) {
    auto found = Find([&](const Event& e) {
      return e.code == "016" && Starts(e.source.code, who);
    });
    EXPECT_FALSE(found.empty()) << who << "\n" << All();
  }
}

TEST_F(SeedEventsTest, PromiseToDeepenDefenseCooperation) {
  auto found = Find([](const Event& e) {
    return e.root == "03" && e.hypothetical &&
           e.evidence.find("deepen") != std::string::npos &&
           ((Starts(e.source.code, "RUS") && Starts(e.target.code, "PRK")) ||
            (Starts(e.source.code, "PRK") && Starts(e.target.code, "RUS")));
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, UnitedStatesThreatensSanctionsNotImposed) {
  for (const char* who : {"RUS", "PRK"}) {
    auto found = Find([&](const Event& e) {
      return e.root == "13" && Starts(e.source.code, "USA") &&
             Starts(e.target.code, who) && e.hypothetical;
    });
    EXPECT_FALSE(found.empty()) << who << "\n" << All();
  }
  auto imposed = Find([](const Event& e) { return e.root == "16"; });
  EXPECT_TRUE(imposed.empty()) << All();
}

// Consulting is symmetric: coded once per pair of the three (the clause
// coder's convention, src/events/clause_coder.h), in either direction.
TEST_F(SeedEventsTest, UnitedStatesJapanSouthKoreaConsult) {
  int pairs = 0;
  for (const char* a : {"USA", "JPN", "KOR"}) {
    for (const char* b : {"USA", "JPN", "KOR"}) {
      if (std::string(a) >= b) continue;
      int found = 0;
      for (const Event& e : doc_->events) {
        bool ab = Starts(e.source.code, a) && Starts(e.target.code, b);
        bool ba = Starts(e.source.code, b) && Starts(e.target.code, a);
        if (e.root == "04" && (ab || ba) && e.date == "2023-09-14") ++found;
      }
      EXPECT_LE(found, 1) << a << " " << b << "\n" << All();
      if (found > 0) ++pairs;
    }
  }
  EXPECT_EQ(pairs, 3) << All();
}

TEST_F(SeedEventsTest, SouthKoreasSecurityCouncilWarnsOfAPrice) {
  auto found = Find([](const Event& e) {
    return e.root == "13" && Starts(e.source.code, "KOR") &&
           (Starts(e.target.code, "PRK") || Starts(e.target.code, "RUS"));
  });
  EXPECT_FALSE(found.empty()) << All();
}

// Disabled with the clause coder (issue 13): the parser reads "Over a
// sumptuous lunch of ... dumplings made with Kamchatka crab, ... and
// sturgeon, Kim on Wednesday toasted to Putin's health" with Kim as an
// oblique of "made" and the lunch as the subject of "toasted", so the
// clause has no agent Kim; the coder does not walk tokens to find one.
TEST_F(SeedEventsTest, DISABLED_KimPraisesRussia) {
  auto found = Find([](const Event& e) {
    return e.root == "05" && e.source.code == "PRKGOV" &&
           Starts(e.target.code, "RUS") && e.date == "2023-09-13";
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, AntonovCriticisesTheUnitedStates) {
  std::string antonov = EntityId("Anatoly Antonov");
  auto found = Find([&](const Event& e) {
    return e.root == "11" && e.source.entity == antonov &&
           Starts(e.source.code, "RUS") && Starts(e.target.code, "USA");
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, KimToVisitKomsomolskOnAmur) {
  auto found = Find([](const Event& e) {
    return (e.code == "042" || e.code == "036") && e.source.code == "PRKGOV" &&
           e.location == "Komsomolsk-on-Amur" && e.hypothetical &&
           e.date == "2023-09-14";
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, ShoigusJulyVisit) {
  std::string shoigu = EntityId("Sergei Shoigu");
  auto found = Find([&](const Event& e) {
    return e.code == "042" && e.source.entity == shoigu &&
           e.source.code == "RUSGOV" && Starts(e.target.code, "PRK") &&
           e.date == "2023-07";
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, PutinsJuly2000VisitToPyongyang) {
  auto found = Find([](const Event& e) {
    return e.code == "042" && e.source.code == "RUSGOV" &&
           Starts(e.target.code, "PRK") && e.date == "2000-07" &&
           !e.hypothetical;
  });
  EXPECT_FALSE(found.empty()) << All();
}

TEST_F(SeedEventsTest, EveryEventHasEvidenceAndACameoCode) {
  std::unique_ptr<CameoTable> cameo;
  ASSERT_TRUE(
      CameoTable::Load(DATELINE_SOURCE_DIR "/data/events", &cameo).ok());
  ASSERT_FALSE(doc_->events.empty());
  for (const Event& e : doc_->events) {
    const CameoCode* c = cameo->Find(e.code);
    ASSERT_NE(c, nullptr) << e.code;
    EXPECT_EQ(e.root, e.code.substr(0, 2));
    EXPECT_EQ(e.quad_class, c->quad_class);
    EXPECT_DOUBLE_EQ(e.goldstein, c->goldstein);
    EXPECT_FALSE(e.source.code.empty());
    ASSERT_LE(e.trigger.end, doc_->text.size());
    EXPECT_EQ(e.evidence, doc_->text.substr(e.trigger.begin,
                                            e.trigger.end - e.trigger.begin));
    EXPECT_GE(e.trigger.begin, e.sentence.begin);
    EXPECT_LE(e.trigger.end, e.sentence.end);
    // The span is the mention in this sentence; the name is the same text,
    // or for a pronoun ("they") the actor it stands for.
    std::string at = doc_->text.substr(
        e.source.span.begin, e.source.span.end - e.source.span.begin);
    bool pronoun = at == "he" || at == "she" || at == "they" || at == "it" ||
                   at == "He" || at == "She" || at == "They" || at == "It" ||
                   at == "we" || at == "We" || at == "their" || at == "its";
    if (!pronoun) {
      EXPECT_EQ(e.source.name, at);
    }
  }
}

TEST_F(SeedEventsTest, NothingFromAdsOrNewsletter) {
  for (const Event& e : doc_->events) {
    std::string sentence = doc_->text.substr(
        e.sentence.begin, e.sentence.end - e.sentence.begin);
    for (const char* w : {"subscription", "newsletter", "Privacy", "cookies",
                          "ADVERTISEMENT", "Copyright"}) {
      EXPECT_EQ(sentence.find(w), std::string::npos) << sentence;
    }
  }
}

}  // namespace
}  // namespace dateline

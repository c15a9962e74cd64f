// Issue 3 on the seed page: the people, organisations and dates that the
// language layer (segment, tag, resolve) must find.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "dateline/pipeline.h"
#include "seed_page.h"

namespace dateline {
namespace {

class SeedEntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { doc_ = ProcessSeedPage("").release(); }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  void SetUp() override {
    if (!doc_) GTEST_SKIP() << "seed page not found at " << kSeedPage;
  }

  // Returns the entities named `name` (there must be exactly one).
  static std::vector<const Entity*> Named(const std::string& name) {
    std::vector<const Entity*> out;
    for (const Entity& e : doc_->entities) {
      if (e.name == name) out.push_back(&e);
    }
    return out;
  }

  static Document* doc_;
};
Document* SeedEntitiesTest::doc_ = nullptr;

TEST_F(SeedEntitiesTest, EachPersonOnceWithRoleCountryAndAge) {
  struct Expect {
    const char* name;
    const char* role;  // "" = any
    const char* country;
    int age;
  };
  const Expect people[] = {
      {"Vladimir Putin", "President", "RUS", 70},
      {"Kim Jong Un", "", "PRK", 39},
      {"Dmitry Peskov", "Kremlin spokesman", "RUS", -1},
      {"Sergei Lavrov", "Foreign Minister", "RUS", -1},
      {"Sergei Shoigu", "Defense Minister", "RUS", -1},
      {"Jake Sullivan", "national security adviser", "USA", -1},
      {"Takeo Akiba", "", "JPN", -1},
      {"Cho Tae-yong", "", "KOR", -1},
      {"Anatoly Antonov", "ambassador to the United States", "RUS", -1},
      {"Kim Jong Il", "", "PRK", -1},
      {"Boris Yeltsin", "", "RUS", -1},
  };
  for (const Expect& p : people) {
    std::vector<const Entity*> found = Named(p.name);
    ASSERT_EQ(found.size(), 1u) << p.name;
    const Entity& e = *found[0];
    EXPECT_EQ(e.type, "PER") << p.name;
    EXPECT_EQ(e.country, p.country) << p.name;
    if (*p.role) {
      EXPECT_NE(std::find(e.roles.begin(), e.roles.end(), p.role),
                e.roles.end())
          << p.name << " lacks role " << p.role;
    }
    if (p.age >= 0) {
      EXPECT_EQ(e.age, p.age) << p.name;
    }
  }
  // Kim Jong Un keeps his short forms; his father stays apart.
  const Entity& kim = *Named("Kim Jong Un")[0];
  EXPECT_GE(kim.mentions.size(), 5u);
  EXPECT_NE(std::find(kim.aliases.begin(), kim.aliases.end(), "Kim Jong-Un"),
            kim.aliases.end());
  EXPECT_EQ(Named("Kim Jong Il")[0]->mentions.size(), 1u);
  // "Putin" is never an entity of its own.
  EXPECT_TRUE(Named("Putin").empty());
}

TEST_F(SeedEntitiesTest, Organisations) {
  for (const char* org :
       {"KCNA", "U.N. Security Council", "White House", "Kremlin"}) {
    std::vector<const Entity*> found = Named(org);
    ASSERT_EQ(found.size(), 1u) << org;
    EXPECT_EQ(found[0]->type, "ORG") << org;
  }
  bool state_department = false;
  for (const Entity& e : doc_->entities) {
    state_department |=
        e.type == "ORG" && e.name.find("State Department") != std::string::npos;
  }
  EXPECT_TRUE(state_department);
}

TEST_F(SeedEntitiesTest, OnWednesdayIsTheThirteenth) {
  bool found = false;
  for (const TimeMention& t : doc_->times) {
    std::string text =
        doc_->text.substr(t.span.begin, t.span.end - t.span.begin);
    if (text == "Wednesday") {
      EXPECT_EQ(t.value, "2023-09-13");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

// Property: every span of the language layer lies in the text, and an
// entity's mention reads as its name or one of its aliases.
TEST_F(SeedEntitiesTest, SpansPointIntoTheText) {
  const std::string& text = doc_->text;
  for (const Span& t : doc_->tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
  }
  for (const Entity& e : doc_->entities) {
    for (const Span& m : e.mentions) {
      ASSERT_LE(m.end, text.size());
      std::string s = text.substr(m.begin, m.end - m.begin);
      bool known = s == e.name || std::find(e.aliases.begin(), e.aliases.end(),
                                            s) != e.aliases.end();
      // A possessive mention ("Putin’s") reads as the name plus "’s".
      for (const std::string& form : e.aliases) {
        known |= s.rfind(form, 0) == 0 && s.size() <= form.size() + 3;
      }
      known |= s.rfind(e.name, 0) == 0 && s.size() <= e.name.size() + 3;
      EXPECT_TRUE(known) << s << " / " << e.name;
    }
  }
}

}  // namespace
}  // namespace dateline

#include "events/cameo.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

constexpr char kSmall[] =
    "# code\tname\tgoldstein\tquad_class\n"
    "03\tExpress intent to cooperate\t4.0\t1\n"
    "036\tExpress intent to meet or negotiate\t4.0\t1\n"
    "0311\tExpress intent to cooperate economically\t5.2\t1\n"
    "19\tFight\t-10.0\t4\n"
    "190\tUse conventional military force, not specified below\t-10\t4\n";
constexpr char kPlover[] =
    "# code\tplover_event\tplover_mode\tplover_context\tsource\n"
    "036\tAGREE\t\tdiplomatic\tplover-2021\n";

TEST(CameoTableTest, ParsesAndFinds) {
  std::unique_ptr<CameoTable> t;
  ASSERT_TRUE(CameoTable::Parse(kSmall, kPlover, &t).ok());
  EXPECT_EQ(t->size(), 5u);
  const CameoCode* c = t->Find("036");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Express intent to meet or negotiate");
  EXPECT_DOUBLE_EQ(c->goldstein, 4.0);
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover, "AGREE");
  EXPECT_EQ(c->plover_context, "diplomatic");
  EXPECT_EQ(t->Find("0311")->plover, "");
  EXPECT_EQ(t->Root("0311"), "03");
  EXPECT_EQ(t->Root("19"), "19");
  EXPECT_EQ(t->Root("99"), "");
  EXPECT_EQ(t->Base("0311"), "");  // its base 031 is not in this small table
  EXPECT_EQ(t->Base("036"), "036");
  EXPECT_EQ(t->Base("03"), "03");
  EXPECT_EQ(t->Base("99"), "");
  EXPECT_TRUE(t->Contains("190"));
  EXPECT_FALSE(t->Contains("36"));   // codes are strings: "036" != "36"
  EXPECT_FALSE(t->Contains("0360"));
  EXPECT_FALSE(t->Contains(""));
  EXPECT_DOUBLE_EQ(t->Find("190")->goldstein, -10);
}

TEST(CameoTableTest, RejectsMalformedRowsWithLineNumbers) {
  struct Case {
    const char* text;
    const char* expect;
  } cases[] = {
      {"03\tX\t4.0\n", "line 1"},                          // 3 columns
      {"03\tX\tfour\t1\n", "Goldstein"},                  // not a number
      {"03\tX\t40\t1\n", "Goldstein"},                    // out of range
      {"03\tX\t4\t5\n", "quad"},                          // quad 5
      {"3A\tX\t4\t1\n", "bad CAMEO code"},                 // not digits
      {"21\tX\t4\t1\n", "bad CAMEO code"},                 // root > 20
      {"03\tX\t4\t1\n03\tY\t4\t1\n", "line 2"},            // duplicate
      {"036\tX\t4\t1\n", "root"},                          // root missing
      {"# only comments\n", "no codes"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<CameoTable> t;
    Status s = CameoTable::Parse(c.text, "", &t);
    EXPECT_TRUE(s.IsCorruption()) << c.text;
    EXPECT_NE(s.ToString().find(c.expect), std::string::npos)
        << c.text << " -> " << s.ToString();
  }
  std::unique_ptr<CameoTable> t;
  Status s = CameoTable::Parse(kSmall, "999\tAGREE\t\t\tx\n", &t);
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_NE(s.ToString().find("cameo_plover.tsv line 1"), std::string::npos);
}

TEST(CameoTableTest, MissingDirectoryIsIOError) {
  std::unique_ptr<CameoTable> t;
  EXPECT_TRUE(CameoTable::Load("/nonexistent/dir", &t).IsIOError());
}

// The project's own table: every root and its codes, with consistent
// quad classes and a PLOVER category for every code outside root 01.
TEST(CameoTableTest, ProjectTableIsComplete) {
  std::unique_ptr<CameoTable> t;
  Status s = CameoTable::Load(DATELINE_SOURCE_DIR "/data/events", &t);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GE(t->size(), 300u);
  for (int r = 1; r <= 20; ++r) {
    char root[3] = {static_cast<char>('0' + r / 10),
                    static_cast<char>('0' + r % 10), 0};
    ASSERT_TRUE(t->Contains(root)) << root;
  }
  for (const CameoCode& c : t->codes()) {
    int root = std::stoi(c.code.substr(0, 2));
    int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    EXPECT_EQ(c.quad_class, quad) << c.code;
    if (c.code.size() == 4) {
      EXPECT_TRUE(t->Contains(c.code.substr(0, 3))) << c.code;
    }
    if (root != 1) {
      EXPECT_FALSE(c.plover.empty()) << c.code;
    }
  }
  EXPECT_EQ(t->Find("036")->name, "Express intent to meet or negotiate");
  EXPECT_DOUBLE_EQ(t->Find("163")->goldstein, -8.0);
  EXPECT_EQ(t->Find("163")->plover, "COERCE");
  EXPECT_EQ(t->Find("112")->plover, "ACCUSE");
  EXPECT_EQ(t->Base("1823"), "182");
  EXPECT_EQ(t->Root("1823"), "18");
}

}  // namespace
}  // namespace dateline

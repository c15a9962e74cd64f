#include "entities/leaders_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace dateline {
namespace {

std::string Write(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

constexpr char kHeader[] =
    "# people in office\n"
    "# name\tcountry_iso3\trole\tstart\tend\taliases\tcameo_actor\tcomment\n";

TEST(LeadersTableTest, ReadsRowsTrimmedWithAliases) {
  std::string path = Write(
      "leaders_ok.tsv",
      std::string(kHeader) +
          "Tony Blair\tGBR\tprime_minister\t1997-05-02\t2007-06-27\t"
          "Anthony Blair| Blair \tGBRGOV\t\n"
          "\tGBR\tnobody\t\t\t\t\t\n"  // no name: skipped
          "Antonio Guterres\t\tsecretary_general\t2017\t\t\tIGOUNO\tUN\r\n");
  std::vector<LeaderRow> rows;
  ASSERT_TRUE(ReadLeaders(path, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].name, "Tony Blair");
  EXPECT_EQ(rows[0].country, "GBR");
  EXPECT_EQ(rows[0].role, "prime_minister");
  EXPECT_EQ(rows[0].start, "1997-05-02");
  EXPECT_EQ(rows[0].end, "2007-06-27");
  EXPECT_EQ(rows[0].aliases, (std::vector<std::string>{"Anthony Blair", "Blair"}));
  EXPECT_EQ(rows[0].cameo_actor, "GBRGOV");
  EXPECT_EQ(rows[1].line, 5);
  EXPECT_EQ(rows[1].country, "");  // an IGO's chief
  EXPECT_EQ(rows[1].end, "");
  EXPECT_EQ(rows[1].cameo_actor, "IGOUNO");
}

TEST(LeadersTableTest, RejectsOtherColumnsAndMissingFiles) {
  std::vector<LeaderRow> rows;
  // Columns swapped: the reader names the first one out of place.
  std::string path = Write(
      "leaders_swapped.tsv",
      "# name\trole\tcountry_iso3\tstart\tend\taliases\tcameo_actor\n"
      "Tony Blair\tprime_minister\tGBR\t1997\t2007\t\tGBRGOV\n");
  Status s = ReadLeaders(path, &rows);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("country_iso3"), std::string::npos)
      << s.ToString();
  // No header at all.
  s = ReadLeaders(Write("leaders_bare.tsv", "Tony Blair\tGBR\n"), &rows);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  s = ReadLeaders(testing::TempDir() + "/no_such_leaders.tsv", &rows);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
}

TEST(LeadersTableTest, ReadsTheShippedTable) {
  std::vector<LeaderRow> rows;
  Status s = ReadLeaders(
      std::string(DATELINE_SOURCE_DIR) + "/data/gazetteers/leaders.tsv", &rows);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GT(rows.size(), 500u);
  for (const LeaderRow& r : rows) {
    EXPECT_FALSE(r.cameo_actor.empty()) << "line " << r.line;
    EXPECT_TRUE(r.country.empty() || r.country.size() == 3) << "line " << r.line;
  }
}

}  // namespace
}  // namespace dateline

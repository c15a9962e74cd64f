#include "entities/leaders_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/tsv_table.h"

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

// Reads a date written YYYY, YYYY-MM or YYYY-MM-DD into the first and last
// day it can mean, as yyyymmdd ("2025-02" -> 20250201, 20250228). Returns
// false when it is none of these or names no real day.
bool DayRange(const std::string& d, int* first, int* last) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > d.size()) return -1;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  int y = digits(0, 4);
  if (y < 1900 || y > 2100) return false;
  if (d.size() == 4) {
    *first = y * 10000 + 101;
    *last = y * 10000 + 1231;
    return true;
  }
  int m = d[4] == '-' ? digits(5, 2) : -1;
  if (m < 1 || m > 12) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int days = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d.size() == 7) {
    *first = y * 10000 + m * 100 + 1;
    *last = y * 10000 + m * 100 + days;
    return true;
  }
  int day = d[7] == '-' ? digits(8, 2) : -1;
  if (day < 1 || day > days) return false;
  *first = *last = y * 10000 + m * 100 + day;
  return true;
}

TEST(LeadersTableTest, DayRangeReadsThePrecisionsTheTableUses) {
  int a = 0, b = 0;
  ASSERT_TRUE(DayRange("2025-01-20", &a, &b));
  EXPECT_EQ(a, 20250120);
  EXPECT_EQ(b, 20250120);
  ASSERT_TRUE(DayRange("2024-02", &a, &b));
  EXPECT_EQ(b, 20240229);
  ASSERT_TRUE(DayRange("1999", &a, &b));
  EXPECT_EQ(a, 19990101);
  EXPECT_EQ(b, 19991231);
  EXPECT_FALSE(DayRange("2025-13", &a, &b));
  EXPECT_FALSE(DayRange("2023-02-29", &a, &b));
  EXPECT_FALSE(DayRange("2025/01/20", &a, &b));
  EXPECT_FALSE(DayRange("Jan 2025", &a, &b));
}

// The shipped table as its header describes it: dates that parse, terms that
// do not run backwards or overlap, rows sorted, countries that exist and codes
// that start with the country's CAMEO code (IGO for international bodies).
TEST(LeadersTableTest, ShippedTableIsConsistent) {
  const std::string dir = std::string(DATELINE_SOURCE_DIR) + "/data/gazetteers";
  std::vector<LeaderRow> rows;
  ASSERT_TRUE(ReadLeaders(dir + "/leaders.tsv", &rows).ok());
  std::vector<TsvRow> countries;
  ASSERT_TRUE(ReadTsv(dir + "/countries.tsv", &countries).ok());
  std::map<std::string, std::string> cameo;  // iso3 -> CAMEO country code
  for (const TsvRow& c : countries)
    if (!c[1].empty()) cameo[c[1]] = c[2];
  ASSERT_GT(cameo.size(), 190u);

  // One person's terms in one role, as (first day, end or 0 when open, line).
  struct Term {
    int start, end, line;
  };
  std::map<std::pair<std::string, std::string>, std::vector<Term>> terms;
  for (const LeaderRow& r : rows) {
    int s_first = 0, s_last = 0, e_first = 0, e_last = 0;
    if (!r.start.empty()) {
      EXPECT_TRUE(DayRange(r.start, &s_first, &s_last))
          << "line " << r.line << ": start " << r.start;
    }
    if (!r.end.empty()) {
      EXPECT_TRUE(DayRange(r.end, &e_first, &e_last))
          << "line " << r.line << ": end " << r.end;
      // "2025-09" to "2025-09" is a term within one month: fine.
      EXPECT_LE(s_first, e_last) << "line " << r.line << ": " << r.name
                                 << " ends before starting";
    }
    if (r.country.empty()) {
      EXPECT_EQ(r.cameo_actor.compare(0, 3, "IGO"), 0)
          << "line " << r.line << ": " << r.cameo_actor;
    } else {
      auto c = cameo.find(r.country);
      if (c == cameo.end()) {
        ADD_FAILURE() << "line " << r.line << ": " << r.country
                      << " not in countries.tsv";
        continue;
      }
      EXPECT_EQ(r.cameo_actor.compare(0, c->second.size(), c->second), 0)
          << "line " << r.line << ": " << r.cameo_actor << " for "
          << r.country;
    }
    if (!r.start.empty())
      terms[{r.name, r.role}].push_back({s_first, r.end.empty() ? 0 : e_first,
                                         r.line});
  }
  // A term may start on the day the previous one ended (the file's
  // convention for handovers); dates are read at their first day, so a term
  // ending "2025-12" and the next starting "2025-12" do not overlap.
  for (auto& [key, v] : terms) {
    std::sort(v.begin(), v.end(),
              [](const Term& a, const Term& b) { return a.start < b.start; });
    for (size_t i = 1; i < v.size(); ++i) {
      EXPECT_NE(v[i - 1].end, 0)
          << key.first << " (" << key.second << "): open term at line "
          << v[i - 1].line << " followed by line " << v[i].line;
      EXPECT_GE(v[i].start, v[i - 1].end)
          << key.first << " (" << key.second << "): line " << v[i].line
          << " starts before line " << v[i - 1].line << " ends";
    }
  }

  // Sorted by name in code-point order, then by the other columns: byte
  // order of UTF-8 is code-point order.
  std::vector<TsvRow> raw;
  ASSERT_TRUE(ReadTsv(dir + "/leaders.tsv", &raw).ok());
  ASSERT_EQ(raw.size(), rows.size());
  for (size_t i = 1; i < raw.size(); ++i) {
    EXPECT_EQ(raw[i].cols.size(), 8u) << "line " << raw[i].line;
    EXPECT_FALSE(raw[i].cols < raw[i - 1].cols)
        << "line " << raw[i].line << " (" << raw[i][0]
        << ") sorts before line " << raw[i - 1].line << " (" << raw[i - 1][0]
        << ")";
  }
}

TEST(LeadersTableTest, ShippedTableKnowsTheSecondTrumpAdministration) {
  std::vector<LeaderRow> rows;
  ASSERT_TRUE(ReadLeaders(
      std::string(DATELINE_SOURCE_DIR) + "/data/gazetteers/leaders.tsv", &rows)
                  .ok());
  auto holds = [&](const std::string& name, const std::string& role,
                   const std::string& start) {
    for (const LeaderRow& r : rows)
      if (r.name == name && r.role == role && r.start == start) return true;
    return false;
  };
  // Issue 13, item 2: "Trump is USAGOV from 2025-01-20".
  EXPECT_TRUE(holds("Donald Trump", "president", "2025-01-20"));
  EXPECT_TRUE(holds("Marco Rubio", "foreign_minister", "2025-01-21"));
  EXPECT_TRUE(holds("Pete Hegseth", "defence_minister", "2025-01-25"));
  EXPECT_TRUE(holds("Pam Bondi", "attorney_general", "2025-02-05"));
  EXPECT_TRUE(holds("Susie Wiles", "chief_of_staff", "2025-01-20"));
}

}  // namespace
}  // namespace dateline

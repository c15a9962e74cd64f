#include "text/time_expressions.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {
namespace {

// "span=value/granularity" for each expression, in order.
std::vector<std::string> Find(std::string_view text, std::string_view published,
                              TenseHint hint = TenseHint::kAuto) {
  std::vector<TimeExpression> found;
  FindTimeExpressions(text, published, &found, hint);
  std::vector<std::string> out;
  for (const TimeExpression& e : found) {
    out.push_back(std::string(text.substr(e.begin, e.end - e.begin)) + "=" +
                  e.value + "/" + e.granularity);
  }
  return out;
}

using V = std::vector<std::string>;
constexpr char kPub[] = "2023-09-15T01:47+08:00";  // a Friday

TEST(TimeExpressionsTest, WeekdaysFromTheSeed) {
  EXPECT_EQ(Find("the two leaders toasted their friendship on Wednesday with "
                 "Russian wine",
                 kPub),
            (V{"Wednesday=2023-09-13/day"}));
  EXPECT_EQ(
      Find("On Thursday, the top officials discussed the meeting in a call.",
           kPub),
      (V{"Thursday=2023-09-14/day"}));
  EXPECT_EQ(Find("The U.S. State Department said on Wednesday the Biden "
                 "administration "
                 "\xE2\x80\x9Cwon\xE2\x80\x99t hesitate\xE2\x80\x9D to impose "
                 "sanctions.",
                 kPub),
            (V{"Wednesday=2023-09-13/day"}));
  // Future: the first Thursday from the day before publication.
  EXPECT_EQ(
      Find("Kim is due on Thursday to visit aviation factories, Putin said.",
           kPub),
      (V{"Thursday=2023-09-14/day"}));
  EXPECT_EQ(Find("He will meet them on Monday.", kPub),
            (V{"Monday=2023-09-18/day"}));
  EXPECT_EQ(Find("They met on Friday.", kPub), (V{"Friday=2023-09-15/day"}));
  EXPECT_EQ(Find("They met last Friday and meet again next Friday.", kPub),
            (V{"last Friday=2023-09-08/day", "next Friday=2023-09-22/day"}));
}

TEST(TimeExpressionsTest, Months) {
  EXPECT_EQ(Find("Foreign Minister Sergei Lavrov would travel to Pyongyang in "
                 "October.",
                 kPub),
            (V{"October=2023-10/month"}));
  EXPECT_EQ(Find("During a visit to North Korea in July, Defense Minister "
                 "Sergei Shoigu was "
                 "shown banned ballistic missiles.",
                 kPub),
            (V{"July=2023-07/month"}));
  EXPECT_EQ(Find("The visit happened in October.", kPub),
            (V{"October=2022-10/month"}));
  EXPECT_EQ(Find("The talks are in August.", kPub, TenseHint::kFuture),
            (V{"August=2024-08/month"}));
  EXPECT_EQ(Find("Putin visited Pyongyang in July 2000 for a meeting.", kPub),
            (V{"July 2000=2000-07/month"}));
  EXPECT_EQ(Find("North Korea was founded in September 1948.", kPub),
            (V{"September 1948=1948-09/month"}));
  EXPECT_EQ(Find("He may go. In May they went.", kPub),
            (V{"May=2023-05/month"}));
  EXPECT_EQ(Find("Sales fell last month and will rise next month.", kPub),
            (V{"last month=2023-08/month", "next month=2023-10/month"}));
  EXPECT_EQ(Find("Sales fell last December.", kPub),
            (V{"last December=2022-12/month"}));
}

TEST(TimeExpressionsTest, Dates) {
  EXPECT_EQ(Find("Russia, September 13, 2023 in this image", kPub),
            (V{"September 13, 2023=2023-09-13/day"}));
  EXPECT_EQ(Find("The summit opened Sept. 13 in Vostochny.", kPub),
            (V{"Sept. 13=2023-09-13/day"}));
  EXPECT_EQ(Find("It ended on 13 September 2023.", ""),
            (V{"13 September 2023=2023-09-13/day"}));
  EXPECT_EQ(Find("The vote is due Dec. 2.", kPub),
            (V{"Dec. 2=2023-12-02/day"}));
  EXPECT_EQ(Find("The vote was held Dec. 2.", kPub),
            (V{"Dec. 2=2022-12-02/day"}));
  EXPECT_EQ(Find("The file is dated 2023-09-13.", ""),
            (V{"2023-09-13=2023-09-13/day"}));
  EXPECT_EQ(Find("Bad date February 30, 2023 here.", ""), (V{}));
}

TEST(TimeExpressionsTest, YearsAndRanges) {
  EXPECT_EQ(
      Find("After taking over from Boris Yeltsin in 1999, Putin left.", ""),
      (V{"1999=1999/year"}));
  EXPECT_EQ(
      Find("support dropped off after the 1991 collapse of the Soviet Union",
           ""),
      (V{"1991=1991/year"}));
  EXPECT_EQ(Find("Prices have risen since 2022.", ""),
            (V{"since 2022=2022//range"}));
  EXPECT_EQ(
      Find("Since Russia\xE2\x80\x99s 2022 invasion of Ukraine, Putin stayed.",
           ""),
      (V{"Since Russia\xE2\x80\x99s 2022=2022//range"}));
  EXPECT_EQ(Find("It has grown since July 2000.", ""),
            (V{"since July 2000=2000-07//range"}));
  EXPECT_EQ(Find("He served between 2000 and 2008.", ""),
            (V{"between 2000 and 2008=2000/2008/range"}));
  EXPECT_EQ(Find("Copyright 1997-2024", ""), (V{"1997-2024=1997/2024/range"}));
  EXPECT_EQ(Find("It was built in the 1990s and rebuilt in the mid-2000s.", ""),
            (V{"1990s=199/decade", "mid-2000s=200/decade"}));
  // Counts, not years.
  EXPECT_EQ(
      Find("The army sent 2000 troops, in 2000 vehicles, and 1500 people.", ""),
      (V{}));
}

TEST(TimeExpressionsTest, Relative) {
  EXPECT_EQ(
      Find("Yesterday it rained, today it is dry, tomorrow it snows.", kPub),
      (V{"Yesterday=2023-09-14/day", "today=2023-09-15/day",
         "tomorrow=2023-09-16/day"}));
  EXPECT_EQ(Find("He came last week and leaves next week.", kPub),
            (V{"last week=2023-W36/week", "next week=2023-W38/week"}));
  EXPECT_EQ(Find("This year was hard; last year was worse.", kPub),
            (V{"This year=2023/year", "last year=2022/year"}));
  EXPECT_EQ(Find("He left two years ago and three days ago.", kPub),
            (V{"two years ago=2021/year", "three days ago=2023-09-12/day"}));
  EXPECT_EQ(Find("It happened 3 months ago.", "2023-02-10"),
            (V{"3 months ago=2022-11/month"}));
  // No anchor: relative expressions are left out, absolute ones stay.
  EXPECT_EQ(Find("He came on Wednesday, last week, in October 2001.", ""),
            (V{"October 2001=2001-10/month"}));
  // A publication date in another form is parsed by ParseDateTime.
  EXPECT_EQ(Find("They met on Wednesday.", "/ 01:47 AM September 15, 2023"),
            (V{"Wednesday=2023-09-13/day"}));
}

TEST(TimeExpressionsTest, RuleAndOffsets) {
  std::string text = "Lavrov would travel to Pyongyang in October.";
  std::vector<TimeExpression> found;
  FindTimeExpressions(text, "2023-09-15", &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "month-future");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
            "October");
  FindTimeExpressions(text, "2023-09-15", &found, TenseHint::kPast);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "2022-10");
}

TEST(TimeExpressionsTest, SeedPage) {
  std::ifstream in(DATELINE_SOURCE_DIR
                   "/../shared/seed/000_1d3cb87e18d9be47.txt",
                   std::ios::binary);
  if (!in) {
    GTEST_SKIP() << "seed page missing: " DATELINE_SOURCE_DIR
                    "/../shared/seed/000_1d3cb87e18d9be47.txt";
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<TimeExpression> found;
  FindTimeExpressions(text, "2023-09-15T01:47", &found);
  int wednesdays = 0;
  bool october = false, july = false, since = false, y1991 = false,
       july2000 = false;
  for (const TimeExpression& e : found) {
    ASSERT_LE(e.end, text.size());
    std::string_view span(text.data() + e.begin, e.end - e.begin);
    if (span == "Wednesday") {
      ++wednesdays;
      EXPECT_EQ(e.value, "2023-09-13");
    }
    if (span == "Thursday") {
      EXPECT_EQ(e.value, "2023-09-14");
    }
    if (span == "October") october = e.value == "2023-10";
    if (span == "July") july = e.value == "2023-07";
    if (span == "1991") y1991 = e.value == "1991";
    if (span == "July 2000") july2000 = e.value == "2000-07";
    if (e.value == "2022/") since = true;
  }
  EXPECT_EQ(wednesdays, 4);
  EXPECT_TRUE(october);
  EXPECT_TRUE(july);
  EXPECT_TRUE(since);
  EXPECT_TRUE(y1991);
  EXPECT_TRUE(july2000);
}

TEST(CalendarWordTest, MonthsWeekdaysAndRelativeWords) {
  for (const char* w : {"Thursday", "October", "Sept.", "yesterday", "Week",
                        "night", "years", "decades", "centuries"})
    EXPECT_TRUE(IsCalendarWord(w)) << w;
  for (const char* w : {"thursday", "group", "Israel", "", "monthly", "s"})
    EXPECT_FALSE(IsCalendarWord(w)) << w;
}

}  // namespace
}  // namespace dateline

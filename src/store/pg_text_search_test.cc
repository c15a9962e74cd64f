#include "store/pg_text_search.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

const std::vector<FtsColumn> kColumns = {
    {"title", 'A'}, {"text", 'B'}, {"captions", 'C'}};

std::string Ts(const std::string& q) {
  std::string out;
  Status s = FtsToTsQuery(q, kColumns, &out);
  EXPECT_TRUE(s.ok()) << q << ": " << s.ToString();
  return out;
}

TEST(SearchTerms, SplitAsUnicode61WithoutDiacritics) {
  EXPECT_EQ(SearchTerms("The U.S. oil-prices, Zürich's CAFÉ 2023!"),
            (std::vector<std::string>{"the", "u", "s", "oil", "prices",
                                      "zurich", "s", "cafe", "2023"}));
  EXPECT_EQ(SearchTerms("“Quoted” — dash…"),
            (std::vector<std::string>{"quoted", "dash"}));
  EXPECT_EQ(SearchTerms("Восточный 東京"),
            (std::vector<std::string>{"восточный", "東京"}));  // Latin only
  EXPECT_TRUE(SearchTerms(" .,;- ").empty());
}

TEST(TsVectorLiteral, PositionsWeightsAndAGapBetweenFields) {
  EXPECT_EQ(TsVectorLiteral({{"Bank rate", 'A'}, {"the bank", 'B'}}),
            "'bank':1A,5B 'rate':2A 'the':4B");  // 3: the gap
  EXPECT_EQ(TsVectorLiteral({}), "");
}

TEST(FtsToTsQuery, TranslatesFts5Syntax) {
  EXPECT_EQ(Ts("harbour"), "'harbour'");
  EXPECT_EQ(Ts("Harbour pilots"), "( 'harbour' & 'pilots' )");
  EXPECT_EQ(Ts("\"interest rate\""), "( 'interest' <-> 'rate' )");
  EXPECT_EQ(Ts("inflat*"), "'inflat':*");
  EXPECT_EQ(Ts("a OR b c"), "( 'a' | ( 'b' & 'c' ) )");
  EXPECT_EQ(Ts("a NOT b"), "( 'a' & !'b' )");
  EXPECT_EQ(Ts("title: kremlin"), "'kremlin':A");
  EXPECT_EQ(Ts("{text captions}: \"kim jong\"*"),
            "( 'kim':BC <-> 'jong':*BC )");
  EXPECT_EQ(Ts("- title : x"), "'x':BC");
  EXPECT_EQ(Ts("NEAR(bank rate, 5)"), "( 'bank' & 'rate' )");
  EXPECT_EQ(Ts("\"U.S.\""), "( 'u' <-> 's' )");
  EXPECT_EQ(Ts("a + b"), "( 'a' <-> 'b' )");
  EXPECT_EQ(Ts("\"...\""), "'!'");  // no term: matches nothing
  // Quotes inside a phrase are doubled in FTS5 and are no term here.
  EXPECT_EQ(Ts("\"say \"\"no\"\"\""), "( 'say' <-> 'no' )");
}

// (FTS5 accepts "^word", a first-token query; here it is refused, as
// docs/archive.md says.)
TEST(FtsToTsQuery, RefusesWhatFts5Refuses) {
  for (const char* bad : {"\"unterminated", "a AND", "(", "x:y", "NEAR(", "*",
                          "a)", "OR b", "oil-prices", "a.b"}) {
    std::string out;
    Status s = FtsToTsQuery(bad, kColumns, &out);
    EXPECT_TRUE(s.IsInvalidArgument()) << bad << " -> " << out;
  }
}

}  // namespace
}  // namespace dateline

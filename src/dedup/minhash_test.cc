#include "dedup/minhash.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

const char kStory[] =
    "The central bank raised its main interest rate by half a point on "
    "Thursday, the third rise this year, saying inflation was still too high. "
    "\"We will do what it takes,\" the governor told reporters in the capital. "
    "Markets had expected a smaller move, and the currency rose sharply after "
    "the announcement. Economists said further increases were likely before "
    "the end of the year, as food and fuel prices kept climbing.";

TEST(MinHashTest, NormalisationIgnoresCaseQuotesAndWrapping) {
  std::string storage;
  auto words = ShingleWords("\xe2\x80\x9cWe will\xe2\x80\x9d \n do it's", &storage);
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words[0], "we");
  EXPECT_EQ(words[4], "s");
  std::string wrapped = kStory;
  for (size_t i = 60; i < wrapped.size(); i += 61) {
    if (wrapped[i] == ' ') wrapped[i] = '\n';
  }
  std::string curly = kStory;
  size_t p;
  while ((p = curly.find('"')) != std::string::npos) {
    curly.replace(p, 1, "\xe2\x80\x9d");
  }
  EXPECT_EQ(ShingleHashes(kStory), ShingleHashes(wrapped));
  EXPECT_EQ(ShingleHashes(kStory), ShingleHashes(curly));
  EXPECT_EQ(ShingleHashes("A B C D"), ShingleHashes("a, b; c - d"));
  EXPECT_TRUE(ShingleHashes(" ... ").empty());
  EXPECT_EQ(ShingleHashes("two words").size(), 1u);
}

TEST(MinHashTest, EstimatesTrackTrueSimilarity) {
  std::vector<uint32_t> a = MinHashSignature(kStory);
  ASSERT_EQ(a.size(), kFullSignatureSize);
  EXPECT_EQ(EstimateSimilarity(a, a).jaccard, 1.0);
  std::string longer = std::string(kStory) +
                       " Sign up for our newsletter. Follow us for the latest "
                       "business news and analysis every morning.";
  std::vector<uint32_t> b = MinHashSignature(longer);
  Similarity s = EstimateSimilarity(a, b);
  EXPECT_GT(s.jaccard, 0.6);
  EXPECT_GT(s.containment, 0.85);
  EXPECT_TRUE(SameStory(a, b, StoryRule()));
  std::vector<uint32_t> other = MinHashSignature(
      "The national football team lost its opening match of the tournament "
      "on Saturday after a late penalty, and the coach said his players had "
      "been tired after a long season in which many of them played twice a "
      "week for their clubs and travelled across the continent.");
  EXPECT_LT(EstimateSimilarity(a, other).jaccard, 0.1);
  EXPECT_FALSE(SameStory(a, other, StoryRule()));
  EXPECT_EQ(BandKeys(a).size(), kBands);
  EXPECT_TRUE(BandKeys({}).empty());
  EXPECT_TRUE(MinHashSignature("").empty());
}

TEST(MinHashTest, TemplateReportsWithOtherFiguresAreDifferentStories) {
  auto report = [](const char* tonnes, const char* week, const char* ships) {
    return std::string("WASHINGTON - There were ") + tonnes +
           " tonnes of U.S. corn shipped to the Soviet Union in the week ended " +
           week + ", according to the U.S. Agriculture Department's latest "
           "Export Sales report. The Soviet Union has purchased " + ships +
           " mln tonnes of U.S. corn for delivery in the fourth year of the "
           "U.S.-USSR grain agreement, the department said in its report.";
  };
  std::vector<uint32_t> a = MinHashSignature(report("106,200", "March 26", "2.6"));
  std::vector<uint32_t> b = MinHashSignature(report("287,700", "April 2", "3.1"));
  std::vector<uint32_t> a2 = MinHashSignature(report("106,200", "March 26", "2.6") +
                                              " Additional reporting by staff.");
  EXPECT_GT(EstimateSimilarity(a, b).jaccard, 0.45);  // words alike
  EXPECT_LT(FigureContainment(a, b), 0.5);
  EXPECT_FALSE(SameStory(a, b, StoryRule()));
  EXPECT_EQ(FigureContainment(a, a2), 1.0);
  EXPECT_TRUE(SameStory(a, a2, StoryRule()));
}

TEST(MinHashTest, ShortTextsJoinOnlyWhenNearlyIdentical) {
  std::vector<uint32_t> a = MinHashSignature(
      "NOTE: Share adjusted for three-for-two stock split in February 1987.");
  std::vector<uint32_t> b = MinHashSignature(
      "NOTE: Share adjusted for three-for-two stock split in June 1986.");
  EXPECT_FALSE(SameStory(a, b, StoryRule()));
  EXPECT_TRUE(SameStory(a, a, StoryRule()));
}

TEST(MinHashTest, BadUtf8DoesNotStall) {
  std::string bad = "caf\xc3 \xff\xfe word word word word";
  EXPECT_FALSE(ShingleHashes(bad).empty());
}

}  // namespace
}  // namespace dateline

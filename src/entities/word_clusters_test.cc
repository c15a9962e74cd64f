#include "entities/word_clusters.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

// Two kinds of words in two kinds of contexts: nouns after "the", verbs after
// "we". The exchange algorithm must put each kind in a class of its own.
std::vector<std::vector<std::string>> ToyCorpus() {
  const char* nouns[] = {"Zorblat", "quenn", "marov", "velin"};
  const char* verbs[] = {"ran", "swam", "walked", "hopped"};
  std::vector<std::vector<std::string>> out;
  for (int i = 0; i < 200; ++i) {
    out.push_back({"the", nouns[i % 4], "sat", "there", "."});
    out.push_back({"we", verbs[(i / 3) % 4], "quickly", "home", "."});
  }
  return out;
}

TEST(WordClustersTest, GroupsWordsThatShareContexts) {
  ClusterOptions opt;
  opt.classes = {8, 9};
  opt.min_count = 2;
  WordClusterTable t = BuildWordClusters(ToyCorpus(), opt);
  ASSERT_EQ(t.size(), 15u);  // every word of the toy corpus is frequent
  for (size_t g = 0; g < 2; ++g) {
    auto cls = [&](const char* w) { return t.at(ClusterKey(w)).at(g); };
    EXPECT_EQ(cls("zorblat"), cls("QUENN"));  // keys are lower-cased
    EXPECT_EQ(cls("quenn"), cls("marov"));
    EXPECT_EQ(cls("marov"), cls("velin"));
    EXPECT_EQ(cls("ran"), cls("swam"));
    EXPECT_EQ(cls("swam"), cls("walked"));
    EXPECT_EQ(cls("walked"), cls("hopped"));
    EXPECT_NE(cls("ran"), cls("velin"));
  }
}

TEST(WordClustersTest, DeterministicAndSafeOnOddInput) {
  ClusterOptions opt;
  opt.classes = {3};
  opt.min_count = 1;
  EXPECT_EQ(BuildWordClusters(ToyCorpus(), opt),
            BuildWordClusters(ToyCorpus(), opt));
  EXPECT_TRUE(BuildWordClusters({}, opt).empty());
  WordClusterTable t = BuildWordClusters({{}, {""}, {"a"}}, opt);
  EXPECT_EQ(t.size(), 2u);  // "" and "a"
  opt.classes = {1000};     // more classes than words
  EXPECT_EQ(BuildWordClusters(ToyCorpus(), opt).size(), 15u);
}

}  // namespace
}  // namespace dateline

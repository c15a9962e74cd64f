// Triple scoring of the event evaluations (bench/event_eval_util.h): a
// symmetric act the clause coder codes once per unordered pair matches a
// gold triple either way round, and its countries are read as a PLOVER
// record writes them; any other act only in its own order.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "../bench/event_eval_util.h"
#include "events/clause_coder.h"

namespace dateline {
namespace {

TEST(TripleScoreTest, AnUnorderedPairMatchesEitherWayRound) {
  std::vector<Triple> gold = {{"LBNGOV", "USAMIL", "046"},
                              {"USAMIL", "LBNGOV", "046"}};
  TripleScore score;
  // Coded once, in the other order than the gold's first triple.
  EXPECT_EQ(score.Add(gold, {{"USAMIL", "LBNGOV", "046", true}}, false), 1);
  TripleScore swapped;
  EXPECT_EQ(swapped.Add({{"LBNGOV", "USAMIL", "046"}},
                        {{"USAMIL", "LBNGOV", "046", true}}, false),
            1);
  // An ordered act does not match its reverse.
  TripleScore ordered;
  EXPECT_EQ(ordered.Add({{"LBNGOV", "USAMIL", "111"}},
                        {{"USAMIL", "LBNGOV", "111", false}}, false),
            0);
}

TEST(TripleScoreTest, APairReadAsAReciprocalOrAOneWayRecord) {
  using Set = std::set<std::string>;
  Set src = {"USA"}, tgt = {"JOR"};
  // PLOVER's SRC/TAR: both parties in both roles.
  ReadPairAsGold(true, {"USA", "JOR"}, {"USA", "JOR"}, &src, &tgt);
  EXPECT_EQ(src, (Set{"JOR", "USA"}));
  EXPECT_EQ(tgt, (Set{"JOR", "USA"}));
  // A one-way record: the order it gives.
  Set a = {"LBN"}, b = {"ISR"};
  ReadPairAsGold(false, {"ISR"}, {"LBN"}, &a, &b);
  EXPECT_EQ(a, Set{"ISR"});
  EXPECT_EQ(b, Set{"LBN"});
  Set c = {"ISR"}, d = {"LBN"};
  ReadPairAsGold(false, {"ISR"}, {"LBN"}, &c, &d);
  EXPECT_EQ(c, Set{"ISR"});
}

TEST(TripleScoreTest, SymmetricCodesAreTheCodersOnePerPairActs) {
  EXPECT_TRUE(SymmetricCode("040"));
  EXPECT_TRUE(SymmetricCode("046"));
  EXPECT_TRUE(SymmetricCode("057"));
  EXPECT_FALSE(SymmetricCode("042"));  // a visit has a visitor and a host
  EXPECT_FALSE(SymmetricCode("111"));
}

}  // namespace
}  // namespace dateline

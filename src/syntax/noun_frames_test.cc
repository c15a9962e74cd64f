// NounFrames: the loader of data/syntax/noun_frames.tsv.
#include "syntax/noun_frames.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace dateline {
namespace {

TEST(NounFramesTest, ReadsRowsAndNamesBadLines) {
  const std::string path = ::testing::TempDir() + "/noun_frames.tsv";
  {
    std::ofstream out(path);
    out << "# noun\tverb\tagent\tpatient\tcode\tflags\n"
           "talk\ttalk\tposs|mod\twith|between\t046\tsym\n"
           "arrest\tarrest\tmod|by\tof\t\t\n"
           "lack\t-\t-\t-\t-\tnegates\n"
           "bad\t-\tnowhere\tof\t110\t\n"
           "nocode\t-\tposs\tof\t-\t\n";
  }
  NounFrames frames;
  Status s = frames.LoadFile(path);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("5,6"), std::string::npos) << s.ToString();
  const NounFrame* talk = frames.Find("talk");
  ASSERT_NE(talk, nullptr);
  EXPECT_TRUE(talk->agent_poss && talk->agent_mod && !talk->agent_by);
  EXPECT_EQ(talk->patient, (std::vector<std::string>{"with", "between"}));
  EXPECT_EQ(talk->code, "046");
  EXPECT_EQ(talk->flags, "sym");
  const NounFrame* arrest = frames.Find("arrest");
  ASSERT_NE(arrest, nullptr);
  EXPECT_TRUE(arrest->agent_by && !arrest->agent_poss);
  EXPECT_EQ(arrest->code, "");  // the verb's pattern gives it
  EXPECT_EQ(arrest->verb, "arrest");
  EXPECT_EQ(frames.Find("lack"), nullptr);  // not an event
  EXPECT_TRUE(frames.Negates("lack"));
  EXPECT_FALSE(frames.Negates("talk"));
  EXPECT_EQ(frames.Find("bad"), nullptr);
  EXPECT_TRUE(frames.LoadFile(path + ".missing").IsIOError());
}

// The committed table loads whole.
TEST(NounFramesTest, CommittedTableLoads) {
  NounFrames frames;
  Status s =
      frames.LoadFile(DATELINE_SOURCE_DIR "/data/syntax/noun_frames.tsv");
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_NE(frames.Find("talk"), nullptr);
}

}  // namespace
}  // namespace dateline

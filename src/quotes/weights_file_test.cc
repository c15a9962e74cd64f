#include "quotes/weights_file.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(WeightsFileTest, ParsesNotesNumberAndRows) {
  double margin = 0;
  std::unordered_map<uint64_t, float> w;
  std::vector<std::string> info;
  Status s = ParseWeights(
      "# quotes model\n# trained on train\nmargin 0.5\r\n"
      "00000000000000ff 1.25\n0123456789abcdef -0.5\n",
      "m", "margin", &margin, &w, &info);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_DOUBLE_EQ(margin, 0.5);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_FLOAT_EQ(w[0xff], 1.25f);
  EXPECT_FLOAT_EQ(w[0x0123456789abcdefULL], -0.5f);
  ASSERT_EQ(info.size(), 1u);  // the first line names the model
  EXPECT_EQ(info[0], "trained on train");
}

TEST(WeightsFileTest, MalformedLinesNameTheirLine) {
  double n = 0;
  std::unordered_map<uint64_t, float> w;
  std::vector<std::string> info;
  Status s = ParseWeights("# m\nmargin x\n", "m", "margin", &n, &w, &info);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("line 2"), std::string::npos) << s.ToString();
  s = ParseWeights("# m\n0000000000000zzz 1\n", "m", "margin", &n, &w, &info);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("key"), std::string::npos) << s.ToString();
  s = ParseWeights("# m\n00000000000000ff nan\n", "m", "margin", &n, &w, &info);
  EXPECT_FALSE(s.ok());
  s = ParseWeights("# m\nshort\n", "m", "margin", &n, &w, &info);
  EXPECT_FALSE(s.ok());
}

TEST(WeightsFileTest, MissingFileIsAnIOError) {
  double n = 0;
  std::unordered_map<uint64_t, float> w;
  std::vector<std::string> info;
  Status s = ReadWeightsFile("/nonexistent/dateline.model", "margin", &n, &w,
                             &info);
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace dateline

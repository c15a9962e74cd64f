#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

TEST(Utf8Test, LowerCasesCodePointByCodePoint) {
  EXPECT_EQ(LowerUtf8("Émigré IN Paris"), "émigré in paris");
  EXPECT_EQ(LowerUtf8("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(LowerUtf8(""), "");
  EXPECT_EQ(LowerUtf8("A\xff"), "a\xEF\xBF\xBD");  // ill-formed: U+FFFD
  std::string out = "x";
  AppendLowerUtf8("YZ", &out);
  EXPECT_EQ(out, "xyz");
}

}  // namespace
}  // namespace dateline

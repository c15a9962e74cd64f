#include "base/system_words.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace dateline {
namespace {

TEST(WordListTest, FindsItsWordsAndNoOthers) {
  const WordList words({"resume", "aim", "aim", "potato", "émigré"});
  EXPECT_EQ(words.size(), 4u);  // "aim" once
  for (const char* w : {"resume", "aim", "potato", "émigré"}) {
    EXPECT_TRUE(words.Contains(w)) << w;
  }
  for (const char* w : {"resum", "", "ai", "aims", "zzz", "Aim"}) {
    EXPECT_FALSE(words.Contains(w)) << w;
  }
  EXPECT_TRUE(WordList().empty());
  EXPECT_FALSE(WordList().Contains("aim"));
}

TEST(WordListTest, ReadsAFileLowerCased) {
  const std::string path = ::testing::TempDir() + "/words.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Aim\r\n\nÉmigré\nresume\nResume\nzebra";  // no final newline
  }
  WordList words;
  ASSERT_TRUE(words.Read(path));
  EXPECT_EQ(words.size(), 4u);
  for (const char* w : {"aim", "émigré", "resume", "zebra"}) {
    EXPECT_TRUE(words.Contains(w)) << w;
  }
  EXPECT_FALSE(words.Contains("Aim"));
  EXPECT_FALSE(words.Read(path + ".missing"));
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dateline

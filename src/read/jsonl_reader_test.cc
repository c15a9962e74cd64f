#include "read/jsonl_reader.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "read/read_test_util.h"

namespace dateline {
namespace {

using testing_util::Gzip;
using testing_util::ReadAll;

TEST(ReadJsonlTest, FieldsAndFormats) {
  std::string jsonl =
      "{\"url\": \"http://j.example/1\", \"id\": \"a1\", \"html\": "
      "\"<p>Caf\\u00e9</p>\"}\n"
      "\n"
      "{\"text\": \"Line one.\\nLine two.\", \"id\": 42}\r\n";
  std::vector<Page> pages = ReadAll("feed.jsonl", jsonl);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_EQ(pages[0].source, "feed.jsonl:1");
  EXPECT_EQ(pages[0].url, "http://j.example/1");
  EXPECT_EQ(pages[0].id, "a1");
  EXPECT_EQ(pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(pages[0].content, "<p>Caf\xc3\xa9</p>");
  EXPECT_EQ(pages[0].charset, "utf-8");
  EXPECT_EQ(pages[1].source, "feed.jsonl:3");
  EXPECT_EQ(pages[1].format, PageFormat::kText);
  EXPECT_EQ(pages[1].id, "42");
  EXPECT_EQ(pages[1].content, "Line one.\nLine two.");
}

TEST(ReadJsonlTest, BadLinesGiveErrorsAndTheBatchGoesOn) {
  std::string jsonl =
      "{\"html\": \"<p>one</p>\"}\n"
      "{\"html\": \"unterminated\n"
      "[1, 2, 3]\n"
      "{\"title\": \"no body\"}\n"
      "{\"html\": 17}\n"
      "{\"text\": \"   \"}\n"
      "{\"text\": \"last\"}";
  std::vector<Page> pages = ReadAll("bad.jsonl", jsonl);
  ASSERT_EQ(pages.size(), 7u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_TRUE(pages[1].status.IsCorruption());
  EXPECT_NE(pages[1].status.message().find("bad.jsonl:2"), std::string::npos);
  EXPECT_NE(pages[2].status.message().find("not a JSON object"),
            std::string::npos);
  EXPECT_NE(pages[3].status.message().find("html"), std::string::npos);
  EXPECT_FALSE(pages[4].status.ok());
  EXPECT_NE(pages[5].status.message().find("empty"), std::string::npos);
  EXPECT_TRUE(pages[6].status.ok());
  EXPECT_EQ(pages[6].content, "last");
}

TEST(ReadJsonlTest, InvalidUtf8AndNulEscapesAreRepaired) {
  std::string jsonl = "{\"text\": \"bad \xff byte and \\u0000 nul\"}\n";
  std::vector<Page> pages = ReadAll("u.jsonl", jsonl);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].status.ok()) << pages[0].status.ToString();
  EXPECT_TRUE(IsValidUtf8(pages[0].content));
  EXPECT_EQ(pages[0].content, "bad \xef\xbf\xbd byte and  nul");
}

TEST(ReadJsonlTest, LineOverLimitIsRefused) {
  ReadOptions options;
  options.max_page_bytes = 1000;
  std::string jsonl = "{\"text\": \"" + std::string(5000, 'x') + "\"}\n" +
                      "{\"text\": \"fits\"}\n";
  std::vector<Page> pages = ReadAll("big.jsonl", jsonl, options);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.IsInvalidArgument());
  EXPECT_EQ(pages[1].content, "fits");
  EXPECT_EQ(pages[1].source, "big.jsonl:2");
}

TEST(ReadJsonlTest, GzippedAndTruncated) {
  std::string jsonl;
  for (int i = 0; i < 200; ++i) {
    jsonl += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"Story " +
             std::to_string(i * 7919) + " words words words\"}\n";
  }
  std::vector<Page> pages = ReadAll("f.jsonl.gz", Gzip(jsonl));
  ASSERT_EQ(pages.size(), 200u);
  EXPECT_EQ(pages[199].id, "199");

  std::string cut = Gzip(jsonl);
  cut.resize(cut.size() * 2 / 3);
  pages = ReadAll("cut.jsonl.gz", cut);
  ASSERT_GE(pages.size(), 2u);
  for (size_t i = 0; i + 1 < pages.size(); ++i) {
    EXPECT_TRUE(pages[i].status.ok()) << i << " " << pages[i].status.ToString();
  }
  EXPECT_TRUE(pages.back().status.IsCorruption());
  EXPECT_NE(pages.back().status.message().find("truncated gzip"),
            std::string::npos);
}

}  // namespace
}  // namespace dateline

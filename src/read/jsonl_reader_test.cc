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

// Test for issue 16: a JSONL record's title, author, date and outlet were
// dropped (title 0/89, authors 0/89, published 0/89).
TEST(ReadJsonlTest, MetadataInTheCommonShapes) {
  std::string jsonl =
      // news-please: body under maintext, "text": null, authors a list.
      "{\"title\": \"Port vote\", \"authors\": [\"Ann Lee\", \"Bo Chan\"], "
      "\"date_publish\": \"2024-03-01 17:42:00\", \"language\": \"en\", "
      "\"source_domain\": \"www.gazette.example\", \"text\": null, "
      "\"description\": \"A vote.\", \"maintext\": \"The port voted.\"}\n"
      // trafilatura: author a string, tags a string, sitename.
      "{\"title\": \"Drought\", \"author\": \"Priya Raman; Jonas Feld\", "
      "\"date\": \"2024-04-11\", \"hostname\": \"tribune.example\", "
      "\"source-hostname\": \"Valley Tribune\", \"tags\": \"drought,rice\", "
      "\"text\": \"Farmers stopped planting.\"}\n"
      // A scraper: body under content (HTML by its content), NewsAPI's
      // source object, authors as objects.
      "{\"headline\": \"Buses\", \"authors\": [{\"name\": \"Sam Ortiz\"}], "
      "\"source\": {\"id\": null, \"name\": \"Metro Daily\"}, "
      "\"pubdate\": 1718000000, \"keywords\": [\"transport\"], "
      "\"content\": \"<html><body><p>Buses run.</p></body></html>\"}\n"
      // Plain text under body; "source" as a string is a path, not an outlet.
      "{\"body\": \"Plain words.\", \"source\": \"/data/x.txt\"}\n";
  std::vector<Page> pages = ReadAll("feed.jsonl", jsonl);
  ASSERT_EQ(pages.size(), 4u);
  for (const Page& p : pages) {
    EXPECT_TRUE(p.status.ok()) << p.status.ToString();
    EXPECT_EQ(p.metadata.origin, "jsonl");
  }
  EXPECT_EQ(pages[0].format, PageFormat::kText);
  EXPECT_EQ(pages[0].content, "The port voted.");
  EXPECT_EQ(pages[0].metadata.title, "Port vote");
  EXPECT_EQ(pages[0].metadata.authors,
            (std::vector<std::string>{"Ann Lee", "Bo Chan"}));
  EXPECT_EQ(pages[0].metadata.published, "2024-03-01 17:42:00");
  EXPECT_EQ(pages[0].metadata.language, "en");
  EXPECT_EQ(pages[0].metadata.outlet, "www.gazette.example");
  EXPECT_EQ(pages[0].metadata.description, "A vote.");
  EXPECT_EQ(pages[1].metadata.authors,
            (std::vector<std::string>{"Priya Raman; Jonas Feld"}));
  EXPECT_EQ(pages[1].metadata.published, "2024-04-11");
  EXPECT_EQ(pages[1].metadata.outlet, "Valley Tribune");  // a name first
  EXPECT_EQ(pages[1].metadata.tags, (std::vector<std::string>{"drought,rice"}));
  EXPECT_EQ(pages[2].format, PageFormat::kHtml);
  EXPECT_EQ(pages[2].metadata.title, "Buses");
  EXPECT_EQ(pages[2].metadata.authors,
            (std::vector<std::string>{"Sam Ortiz"}));
  EXPECT_EQ(pages[2].metadata.outlet, "Metro Daily");
  EXPECT_EQ(pages[2].metadata.published, "1718000000");
  EXPECT_EQ(pages[2].metadata.tags, (std::vector<std::string>{"transport"}));
  EXPECT_EQ(pages[3].format, PageFormat::kText);
  EXPECT_EQ(pages[3].content, "Plain words.");
  EXPECT_EQ(pages[3].metadata.outlet, "");
}

TEST(ReadJsonlTest, NoBodyFieldNamesTheFieldsItLooksFor) {
  std::vector<Page> pages = ReadAll("f.jsonl", "{\"title\": \"only\"}\n");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].status.IsInvalidArgument());
  EXPECT_NE(pages[0].status.ToString().find("`maintext`"), std::string::npos);
}

}  // namespace
}  // namespace dateline

#include "read/reuters_reader.h"

#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace dateline {
namespace {

using testing_util::ReadAll;

const char kSgml[] =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n"
    "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
    "<UNKNOWN> \n&#5;&#5;&#5;C T\n</UNKNOWN>\n"
    "<TEXT>&#2;\n<TITLE>BAHIA COCOA REVIEW</TITLE>\n"
    "<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued "
    "throughout the week in\nthe Bahia cocoa zone, &lt;Comissaria Smith> "
    "said.\n    The dry period means the temporao will be late.\n"
    " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
    "<REUTERS NEWID=\"2\">\n<DATE>26-FEB-1987 15:02:20.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>SHORT ONE</TITLE>Blah blah blah.\n"
    "&#3;\n</TEXT>\n</REUTERS>\n"
    "<REUTERS NEWID=\"3\">\n<DATE> 7-APR-1987 11:02:35.07</DATE>\n<TEXT><TITLE>SECOND</TITLE><BODY>Body of the "
    "second one.\n</BODY></TEXT>\n</REUTERS>\n";

TEST(ReutersReaderTest, RecordsWithBodyBecomePages) {
  std::vector<Page> pages = ReadAll("reut2-000.sgm", kSgml);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_EQ(pages[0].source, "reut2-000.sgm#newid=1");
  EXPECT_EQ(pages[0].format, PageFormat::kText);
  EXPECT_EQ(pages[0].content,
            "BAHIA COCOA REVIEW\n\n26 February 1987 15:01\n\nSALVADOR, Feb 26 "
            "- Showers continued throughout the week in the Bahia cocoa zone, "
            "<Comissaria Smith> said.\n\nThe dry period means the temporao "
            "will be late.");
  EXPECT_EQ(pages[1].source, "reut2-000.sgm#newid=3");
  EXPECT_EQ(pages[1].content, "SECOND\n\n7 April 1987 11:02\n\nBody of the second one.");
}

TEST(ReutersReaderTest, CutOffRecordIsAnError) {
  std::string s(kSgml);
  s.resize(s.find("<REUTERS NEWID=\"3\">") + 40);
  std::vector<Page> pages = ReadAll("r.sgm", s);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[1].status.IsCorruption());
}

// Found by read_blob_fuzz: a file that looks like Reuters SGML (a lone
// DOCTYPE) but holds no record with a BODY yielded no page at all.
TEST(ReutersReaderTest, FileWithoutArticlesIsAnErrorNotNothing) {
  std::vector<Page> pages = ReadAll("r.sgm", "<!DOCTYPE lewis\"<p>caf\n");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].status.IsCorruption());
  std::string brief(kSgml);
  brief = brief.substr(brief.find("<REUTERS NEWID=\"2\">"));
  brief.resize(brief.find("<REUTERS NEWID=\"3\">"));
  pages = ReadAll("r.sgm", brief);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_FALSE(pages[0].status.ok());
}

TEST(ReutersReaderTest, Detection) {
  EXPECT_TRUE(LooksLikeReutersSgml("\n<!DOCTYPE lewis SYSTEM"));
  EXPECT_TRUE(LooksLikeReutersSgml("<REUTERS TOPICS=\"NO\">"));
  EXPECT_FALSE(LooksLikeReutersSgml("<html><REUTERS"));
  std::string text, id;
  EXPECT_FALSE(ReutersRecordToText("<REUTERS NEWID=\"9\"><BODY>  </BODY>", &text, &id));
  EXPECT_EQ(id, "9");
}

// Test for issue 16: the reader knows every article is Reuters, yet none
// had an outlet, and title suffixes ("- USDA") became junk outlets.
TEST(ReutersReaderTest, RecordMetadata) {
  std::string sgml(kSgml);
  sgml.insert(sgml.find("<UNKNOWN>"),
              "<TOPICS><D>cocoa</D></TOPICS>\n<PLACES><D>el-salvador</D>"
              "<D>usa</D></PLACES>\n");
  std::vector<Page> pages = ReadAll("reut2-000.sgm", sgml);
  ASSERT_EQ(pages.size(), 2u);
  const PageMetadata& m = pages[0].metadata;
  EXPECT_EQ(m.origin, "reuters");
  EXPECT_EQ(m.outlet, "Reuters");
  EXPECT_EQ(m.title, "BAHIA COCOA REVIEW");
  EXPECT_EQ(m.published, "1987-02-26T15:01");
  EXPECT_EQ(m.tags, (std::vector<std::string>{"cocoa", "el-salvador", "usa"}));
  // A one-digit day.
  EXPECT_EQ(pages[1].metadata.published, "1987-04-07T11:02");
  EXPECT_EQ(pages[1].metadata.outlet, "Reuters");
  EXPECT_TRUE(pages[1].metadata.tags.empty());
}

}  // namespace
}  // namespace dateline

// Unit tests for CleanScrapedText on a small fictional scraped page.
#include "clean/text_cleaner.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

// A page as a naive scraper saves it: title line, blank line, then menus,
// the article with its widgets, and the footer. Fictional.
const char kPage[] =
    "Harbour reopens after storm, port says | Coastal Herald News\n"
    "\n"
    "Home\n"
    "World\n"
    "Business\n"
    "Sport\n"
    "Weather\n"
    "\n"
    "Harbour reopens after storm, port says\n"
    "\n"
    "By Jane Roe and John Doe\n"
    "\n"
    "Published 3:04 PM EDT, Mon May 6, 2019\n"
    "\n"
    "PORT HARLOW (Coast Wire) \xE2\x80\x93 The harbour of Port Harlow "
    "reopened on Monday after a storm closed it for two days, the port "
    "authority said.\n"
    "\n"
    "Ferries resumed their morning runs at dawn, and the first cargo ship "
    "docked shortly before noon, officials told reporters at the quay.\n"
    "\n"
    "ADVERTISEMENT\n"
    "\n"
    "The storm brought winds of more than 100 kilometres an hour and flooded "
    "several streets near the old fish market, where shop owners spent the "
    "weekend clearing water.\n"
    "\n"
    "What comes next\n"
    "\n"
    "The authority said it would inspect the breakwater this week and "
    "publish a report on the damage by the end of the month.\n"
    "\n"
    "Subscribe to our morning newsletter\n"
    "\n"
    "\xE2\x80\x9CWe were lucky this time,\xE2\x80\x9D the harbour master "
    "said in a statement.\n"
    "\n"
    "Tags: harbour, Port Harlow, storms\n"
    "\n"
    "Related stories\n"
    "\n"
    "Storm warning issued for the coast\n"
    "Ferry company adds winter sailings\n"
    "Fish market to get new roof\n"
    "\n"
    "Leave a comment\n"
    "\n"
    "I have lived by this harbour for forty years and never saw a storm like "
    "the one we had this weekend, truly frightening.\n"
    "\n"
    "\xC2\xA9 2019 Coastal Herald. All rights reserved.\n"
    "We use cookies to improve your experience. By continuing you accept "
    "our use of cookies.\n";

class TextCleanerTest : public ::testing::Test {
 protected:
  void SetUp() override { status_ = CleanScrapedText(kPage, &doc_); }

  std::string ReasonOf(const std::string& prefix) const {
    for (const Removal& r : doc_.removed) {
      if (r.text.rfind(prefix, 0) == 0) return r.reason;
    }
    return "";
  }

  Document doc_;
  Status status_;
};

TEST_F(TextCleanerTest, KeepsTheArticle) {
  ASSERT_TRUE(status_.ok()) << status_.ToString();
  EXPECT_EQ(doc_.text.rfind("PORT HARLOW (Coast Wire)", 0), 0u)
      << doc_.text.substr(0, 120);
  const std::string end = "the harbour master said in a statement.";
  ASSERT_GE(doc_.text.size(), end.size());
  EXPECT_EQ(doc_.text.substr(doc_.text.size() - end.size()), end);
  // The heading inside the article stays; paragraphs are separated by a
  // blank line.
  EXPECT_NE(doc_.text.find("\n\nWhat comes next\n\n"), std::string::npos);
}

TEST_F(TextCleanerTest, DropsBoilerplateWithReasons) {
  for (const char* junk : {"ADVERTISEMENT", "newsletter", "Tags:", "Related",
                           "Storm warning issued", "forty years", "cookies",
                           "All rights reserved", "Home\n", "By Jane Roe"}) {
    EXPECT_EQ(doc_.text.find(junk), std::string::npos) << junk;
  }
  EXPECT_EQ(ReasonOf("ADVERTISEMENT"), "advertisement");
  EXPECT_EQ(ReasonOf("Subscribe to our morning newsletter"), "newsletter");
  EXPECT_EQ(ReasonOf("Tags:"), "tags");
  EXPECT_EQ(ReasonOf("\xC2\xA9 2019"), "copyright");
  EXPECT_EQ(ReasonOf("We use cookies"), "cookie");
  EXPECT_EQ(ReasonOf("By Jane Roe"), "byline");
  EXPECT_EQ(ReasonOf("Published 3:04 PM"), "date");
  EXPECT_EQ(ReasonOf("Harbour reopens after storm, port says |"), "title");
}

TEST_F(TextCleanerTest, FillsMetadata) {
  EXPECT_EQ(doc_.title, "Harbour reopens after storm, port says");
  EXPECT_EQ(doc_.outlet, "Coastal Herald");
  EXPECT_EQ(doc_.published, "2019-05-06T15:04-04:00");
  EXPECT_EQ(doc_.authors, (std::vector<std::string>{"Jane Roe", "John Doe"}));
  EXPECT_EQ(doc_.datelines, std::vector<std::string>{"PORT HARLOW"});
  EXPECT_EQ(doc_.tags,
            (std::vector<std::string>{"harbour", "Port Harlow", "storms"}));
  EXPECT_EQ(doc_.language, "en");
}

TEST_F(TextCleanerTest, OffsetsMapEachParagraphBack) {
  const std::string page = kPage;
  ASSERT_FALSE(doc_.offsets.empty());
  uint32_t last_end = 0;
  for (const OffsetPiece& p : doc_.offsets) {
    EXPECT_GE(p.text_begin, last_end);
    last_end = p.text_end;
    EXPECT_EQ(doc_.text.substr(p.text_begin, p.text_end - p.text_begin),
              page.substr(p.page_begin, p.page_end - p.page_begin));
  }
}

TEST(TextCleanerCaptionTest, CaptionPrintedTwiceBecomesOne) {
  const std::string page =
      "Ferries return to Port Harlow | Coastal Herald\n"
      "\n"
      "Ferries return to Port Harlow\n"
      "\n"
      "A ferry leaves Port Harlow on Monday, May 6, 2019, after the storm "
      "that closed the harbour. HERALD via WIRE\n"
      "\n"
      "A ferry leaves Port Harlow on Monday, May 6, 2019, after the storm "
      "that closed the harbour. (HERALD via WIRE)\n"
      "\n"
      "Ferries returned to Port Harlow on Monday after a storm closed the "
      "harbour for two days, the port authority said in a statement.\n"
      "\n"
      "The first ferry left at dawn with about forty passengers on board, "
      "most of them workers heading to the islands for the week.\n";
  Document doc;
  ASSERT_TRUE(CleanScrapedText(page, &doc).ok());
  ASSERT_EQ(doc.captions.size(), 1u);
  EXPECT_EQ(doc.captions[0].credit, "HERALD via WIRE");
  EXPECT_EQ(doc.captions[0].text.rfind("A ferry leaves Port Harlow", 0), 0u);
  EXPECT_EQ(doc.text.find("A ferry leaves"), std::string::npos);
  EXPECT_EQ(doc.text.rfind("Ferries returned to Port Harlow", 0), 0u);
}

TEST(TextCleanerRepairTest, RepairShiftsOffsets) {
  const std::string page =
      "Quarantelle opens | Coastal Herald\n"
      "\n"
      "The Harlow Quarantelle opened on Monday, and visitors to the "
      "?uarantelle paid nothing on the first day, the city said.\n"
      "\n"
      "Officials said the Quarantelle would charge a small fee from June, "
      "when the summer season starts in the harbour town.\n";
  Document doc;
  ASSERT_TRUE(CleanScrapedText(page, &doc).ok());
  ASSERT_EQ(doc.repairs.size(), 1u);
  const Repair& r = doc.repairs[0];
  EXPECT_EQ(doc.text.substr(r.span.begin, r.span.end - r.span.begin), "Q");
  EXPECT_EQ(r.word, "Quarantelle");
  ASSERT_EQ(doc.offsets.size(), 2u);
  EXPECT_EQ(doc.text.substr(doc.offsets[1].text_begin,
                            doc.offsets[1].text_end -
                                doc.offsets[1].text_begin),
            page.substr(doc.offsets[1].page_begin,
                        doc.offsets[1].page_end - doc.offsets[1].page_begin));
}

TEST(TextCleanerEmptyTest, NothingLeftIsCorruption) {
  Document doc;
  Status s = CleanScrapedText("Menu\n\nHome\nLogin\n", &doc);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
}

}  // namespace
}  // namespace dateline

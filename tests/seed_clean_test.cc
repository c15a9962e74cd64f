// The seed page (../shared/seed) must come out right: title, outlet, date,
// datelines, tags, one caption, the repaired "Cosmodrome", and a body free of
// the page's boilerplate.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "clean/text_cleaner.h"
#include "dateline/document.h"

namespace dateline {
namespace {

const char kSeedPath[] =
    DATELINE_SOURCE_DIR "/../shared/seed/000_1d3cb87e18d9be47.txt";

class SeedCleanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(kSeedPath, std::ios::binary);
    if (!in) {
      GTEST_SKIP() << "seed page not found at " << kSeedPath
                   << " (shared/ is not beside the checkout)";
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    page_ = ss.str();
    status_ = CleanScrapedText(page_, &doc_);
  }

  std::string page_;
  Document doc_;
  Status status_;
};

TEST_F(SeedCleanTest, Metadata) {
  ASSERT_TRUE(status_.ok()) << status_.ToString();
  EXPECT_TRUE(doc_.title ==
                  "Putin 'gratefully' accepts Kim invite to visit North "
                  "Korea - Kremlin" ||
              doc_.title ==
                  "Putin \u2018gratefully\u2019 accepts Kim invite to visit "
                  "North Korea \u2013 Kremlin")
      << doc_.title;
  EXPECT_EQ(doc_.outlet, "Inquirer");
  EXPECT_EQ(doc_.published, "2023-09-15T01:47");
  EXPECT_EQ(doc_.datelines, (std::vector<std::string>{"SEOUL", "MOSCOW"}));
  EXPECT_EQ(doc_.tags,
            (std::vector<std::string>{"guns", "Kim Jong-Un", "North Korea",
                                      "Russia", "Vladimir Putin"}));
  EXPECT_EQ(doc_.language, "en");
}

TEST_F(SeedCleanTest, OneCaptionWithCredit) {
  ASSERT_EQ(doc_.captions.size(), 1u);
  EXPECT_EQ(doc_.captions[0].credit, "KCNA via REUTERS");
  EXPECT_NE(doc_.captions[0].text.find("Vostochny Cosmodrome"),
            std::string::npos)
      << doc_.captions[0].text;
  EXPECT_EQ(doc_.text.find("Korean Central News Agency"), std::string::npos);
}

TEST_F(SeedCleanTest, CosmodromeRepairedAndRecorded) {
  bool found = false;
  for (const Repair& r : doc_.repairs) {
    if (r.word == "Cosmodrome" && r.original == "?" && r.replacement == "C")
      found = true;
  }
  EXPECT_TRUE(found) << "no Cosmodrome repair; the word list comes from "
                        "/usr/share/dict (Debian package wamerican-huge)";
}

TEST_F(SeedCleanTest, Body) {
  EXPECT_EQ(doc_.text.rfind("SEOUL/MOSCOW \u2013 Russian President Vladimir "
                            "Putin accepted",
                            0),
            0u)
      << doc_.text.substr(0, 200);
  const std::string end = "said in a statement.";
  ASSERT_GE(doc_.text.size(), end.size());
  EXPECT_EQ(doc_.text.substr(doc_.text.size() - end.size()), end);
  for (const char* junk :
       {"ADVERTISEMENT", "FEATURED STORIES", "subscription", "newsletter",
        "By providing an email address", "\ngsg", "TAGS:", "Copyright",
        "cookies", "01:47 AM"}) {
    EXPECT_EQ(doc_.text.find(junk), std::string::npos) << junk;
  }
  // Headings in the article stay.
  EXPECT_NE(doc_.text.find("\u2018FRIENDSHIP\u2019"), std::string::npos);
}

TEST_F(SeedCleanTest, RemovedLinesHaveReasons) {
  auto reason_of = [&](const std::string& prefix) -> std::string {
    for (const Removal& r : doc_.removed) {
      if (r.text.rfind(prefix, 0) == 0) return r.reason;
    }
    return "";
  };
  EXPECT_EQ(reason_of("ADVERTISEMENT"), "advertisement");
  EXPECT_EQ(reason_of("FEATURED STORIES"), "featured");
  EXPECT_EQ(reason_of("Subscribe to our daily newsletter"), "newsletter");
  EXPECT_EQ(reason_of("TAGS:"), "tags");
  EXPECT_EQ(reason_of("\u00a9 Copyright"), "copyright");
  EXPECT_EQ(reason_of("We use cookies"), "cookie");
  EXPECT_EQ(reason_of("gsg"), "editor-initials");
  EXPECT_EQ(reason_of("/ 01:47 AM"), "date");
}

TEST_F(SeedCleanTest, OffsetsMapBackToThePage) {
  ASSERT_FALSE(doc_.offsets.empty());
  for (const OffsetPiece& p : doc_.offsets) {
    ASSERT_LE(p.text_end, doc_.text.size());
    ASSERT_LE(p.page_end, page_.size());
    EXPECT_EQ(doc_.text.substr(p.text_begin, p.text_end - p.text_begin),
              page_.substr(p.page_begin, p.page_end - p.page_begin));
  }
}

}  // namespace
}  // namespace dateline

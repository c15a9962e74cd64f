#include "clean/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"
#include "clean/html_dom.h"

namespace dateline {
namespace {

// A fictional page with the usual clutter around its article.
const char kPage[] = R"(<!DOCTYPE html>
<html lang="en"><head>
<title>Ferry crews vote to strike | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2024-03-04T09:12:00+01:00">
<meta property="article:tag" content="Labour"><meta property="article:tag" content="Ferries">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry crews vote to strike",
 "author":{"@type":"Person","name":"Ana Lind"},"datePublished":"2024-03-04T09:12:00+01:00"}</script>
</head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<main><article class="story">
<h1>Ferry crews vote to strike</h1>
<p class="byline">By Ana Lind</p>
<p>NORDHAVN – Ferry crews on the northern routes voted on Monday to strike for three days next week, the union said, in a dispute over pay and rest hours that has lasted since the summer.</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>&ldquo;We did not want this,&rdquo; said union secretary Per Holm, adding that talks with the operator had broken down on Friday after eleven hours.</p>
<figure><img src="ferry.jpg"><figcaption>A ferry leaves Nordhavn harbour, March 1, 2024. Photo: Ola Berg</figcaption></figure>
<div class="ad-slot">ADVERTISEMENT</div>
<p>The operator, which carries about 9,000 passengers a day, said it would run a reduced timetable and offered refunds to travellers who had booked crossings for the strike days.</p>
<p>Transport minister Eva Strand urged both sides to return to the table, saying the islands depended on the service for food, medicine and school runs.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">Island schools close for storm</a></li></ul></aside>
<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news first, every weekday, straight to your inbox.</p></div>
</main>
<footer><p>&copy; 2024 The Harbour Gazette. All rights reserved.</p></footer>
</body></html>)";

class HtmlExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    page_ = kPage;
    ASSERT_TRUE(ExtractArticleFromHtml(page_, &doc_).ok());
  }
  std::string page_;
  Document doc_;
};

TEST_F(HtmlExtractorTest, KeepsTheArticleParagraphsInOrder) {
  EXPECT_EQ(doc_.text.find("NORDHAVN – Ferry crews"), 0u) << doc_.text;
  size_t quote = doc_.text.find("\u201cWe did not want this,\u201d");
  size_t operator_ = doc_.text.find("The operator, which carries");
  size_t minister = doc_.text.find("Transport minister Eva Strand");
  EXPECT_NE(quote, std::string::npos);
  EXPECT_LT(quote, operator_);
  EXPECT_LT(operator_, minister);
  EXPECT_TRUE(doc_.text.ends_with("medicine and school runs.")) << doc_.text;
}

TEST_F(HtmlExtractorTest, LeavesOutTheClutter) {
  for (const char* junk :
       {"Home", "cookies", "Share on Facebook", "ADVERTISEMENT",
        "Bridge repairs", "Sign up", "All rights reserved", "By Ana Lind",
        "Photo: Ola Berg", "Ferry crews vote to strike"}) {
    EXPECT_EQ(doc_.text.find(junk), std::string::npos) << junk;
  }
}

TEST_F(HtmlExtractorTest, ReportsWhatWasRemovedAndWhy) {
  bool cookie = false, share = false;
  for (const Removal& r : doc_.removed) {
    cookie |=
        r.reason == "cookie" && r.text.find("cookies") != std::string::npos;
    share |= r.reason == "share";
  }
  EXPECT_TRUE(cookie);
  EXPECT_TRUE(share);
}

TEST_F(HtmlExtractorTest, ReadsMetadata) {
  EXPECT_EQ(doc_.title, "Ferry crews vote to strike");
  EXPECT_EQ(doc_.authors, std::vector<std::string>{"Ana Lind"});
  EXPECT_EQ(doc_.language, "en");
  EXPECT_EQ(doc_.tags, (std::vector<std::string>{"Labour", "Ferries"}));
  ASSERT_EQ(doc_.captions.size(), 1u);
  EXPECT_NE(doc_.captions[0].text.find("A ferry leaves"), std::string::npos);
  EXPECT_EQ(doc_.published.substr(0, 16), "2024-03-04T09:12");
}

// Property: every offset piece points at page text that, stripped of tags
// and decoded, is the clean paragraph.
TEST_F(HtmlExtractorTest, OffsetsMapBackIntoThePage) {
  ASSERT_FALSE(doc_.offsets.empty());
  for (const OffsetPiece& p : doc_.offsets) {
    ASSERT_LE(p.text_end, doc_.text.size());
    ASSERT_LE(p.page_end, page_.size());
    std::string raw = page_.substr(p.page_begin, p.page_end - p.page_begin);
    std::string stripped;
    bool in_tag = false;
    for (char c : raw) {
      if (c == '<') in_tag = true;
      if (!in_tag) stripped += c;
      if (c == '>') in_tag = false;
    }
    std::string decoded;
    AppendDecodedEntities(stripped, &decoded);
    std::string para =
        doc_.text.substr(p.text_begin, p.text_end - p.text_begin);
    EXPECT_EQ(decoded, para);
  }
}

TEST(HtmlExtractorEdgeTest, EmptyAndTextlessPagesGiveAnError) {
  for (const char* html : {"", "<html><head><title>x</title></head></html>",
                           "<script>var a = 1;</script>"}) {
    Document doc;
    Status s = ExtractArticleFromHtml(html, &doc);
    EXPECT_FALSE(s.ok()) << html;
    EXPECT_TRUE(doc.text.empty());
  }
}

TEST(HtmlExtractorEdgeTest, ShortPageWithoutStructureStillGivesItsText) {
  Document doc;
  ASSERT_TRUE(ExtractArticleFromHtml(
                  "<p>Only one short paragraph, but it is the page.</p>", &doc)
                  .ok());
  EXPECT_EQ(doc.text, "Only one short paragraph, but it is the page.");
}

// A line that is a date is left out; a short sentence that gives a date is
// the story's.
TEST(HtmlExtractorEdgeTest, DateLinesGoSentencesWithDatesStay) {
  Document doc;
  ASSERT_TRUE(ExtractArticleFromHtml(
                  "<article><p>PUBLISHED: November 19, 2019 at 8:59 pm</p>"
                  "<p>sexta-feira, 22 de outubro de 2010</p>"
                  "<p>The United States fired on Russia on 3 May 2015 in "
                  "Kharkiv.</p><p>Officials met again on Friday, the ministry "
                  "said in a statement to reporters.</p></article>",
                  &doc)
                  .ok());
  EXPECT_EQ(doc.text,
            "The United States fired on Russia on 3 May 2015 in Kharkiv.\n\n"
            "Officials met again on Friday, the ministry said in a statement "
            "to reporters.");
  int dates = 0;
  for (const Removal& r : doc.removed) dates += r.reason == "date";
  EXPECT_EQ(dates, 2);
}

TEST(HtmlExtractorEdgeTest, OutputIsValidUtf8) {
  Document doc;
  ExtractArticleFromHtml(
      "<p>Bad entity &#xD800; and &#55296; and a long enough sentence to be "
      "kept by the extractor, with commas, and more words.</p>",
      &doc);
  EXPECT_TRUE(IsValidUtf8(doc.text));
}

}  // namespace
}  // namespace dateline

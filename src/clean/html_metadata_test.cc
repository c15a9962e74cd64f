#include "clean/html_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/html_extractor.h"

namespace dateline {
namespace {

using Names = std::vector<std::string>;

Names Byline(std::string_view line, const Names& sites = {}, std::string_view host = "") {
  return ParseBylineNames(line, sites, host);
}

TEST(ParseBylineNamesTest, PeopleWithoutLabelRolesOrDates) {
  EXPECT_EQ(Byline("By Jane Doe and JOHN ROE, AP Writers"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(Byline("Tom Krisher, AP Auto Writer"), Names{"Tom Krisher"});
  EXPECT_EQ(Byline("Posted by Ana Lind on May 3, 2024, 6:21 AM EST"), Names{"Ana Lind"});
  EXPECT_EQ(Byline("By Stefan Becket, Kathryn Watson, Grace Segers November 20, 2019"),
            (Names{"Stefan Becket", "Kathryn Watson", "Grace Segers"}));
  EXPECT_EQ(Byline("By Umair Irfan Updated Nov 13, 2019, 10:28am EST"), Names{"Umair Irfan"});
  EXPECT_EQ(Byline("Amy Kuperinsky | NJ Advance Media for NJ.com"), Names{"Amy Kuperinsky"});
  EXPECT_EQ(Byline("Jose Altoveros View More Articles"), Names{"Jose Altoveros"});
}

TEST(ParseBylineNamesTest, KeepsInitialsAndParticles) {
  EXPECT_EQ(Byline("Sarah E. Needleman"), Names{"Sarah E. Needleman"});
  EXPECT_EQ(Byline("By Ana de la Cruz"), Names{"Ana de la Cruz"});
  EXPECT_EQ(Byline("by Catherine"), Names{"Catherine"});
}

TEST(ParseBylineNamesTest, DropsOutletsAfterTheName) {
  EXPECT_EQ(Byline("Finian Cunningham. Sputnik International"), Names{"Finian Cunningham"});
  EXPECT_EQ(Byline("Victor Tangermann, Futurism"), Names{"Victor Tangermann"});
  EXPECT_EQ(Byline("VICTOR TANGERMANN, FUTURISM 18 NOV 2019"), Names{"Victor Tangermann"});
  EXPECT_EQ(Byline("Rachael Link, MS, RD"), Names{"Rachael Link"});
  EXPECT_EQ(Byline("By LISA MASCARO and ERIC TUCKER Associated Press"),
            (Names{"Lisa Mascaro", "Eric Tucker"}));
}

TEST(ParseBylineNamesTest, NoPersonNoName) {
  for (const char* line : {"Reuters", "The Associated Press", "By Staff Reports",
                           "Editorial", "News Nation Bureau", "admin", "by jdadmin",
                           "rmb8090", "KWCHCIK", "By JERUSALEM POST STAFF"}) {
    EXPECT_EQ(Byline(line), Names{}) << line;
  }
}

TEST(ParseBylineNamesTest, TheSitesOwnNameIsNoPerson) {
  EXPECT_EQ(Byline("LinkNaija October 06, 2018", {}, "www.linknaija.com"), Names{});
  EXPECT_EQ(Byline("By AppleInsider", {"AppleInsider"}), Names{});
  EXPECT_EQ(Byline("Posted by Vortex", {}, "vortexcannon.org"), Names{});
  EXPECT_EQ(Byline("By Ana Lind", {"The Harbour Gazette"}, "harbourgazette.example"),
            Names{"Ana Lind"});
}

// Builds a page with `head` in <head> and `top` above an article long
// enough for the extractor to keep.
Document Extract(const std::string& head, const std::string& top,
                 const std::string& url = "https://harbourgazette.example/a/1") {
  std::string html = "<html lang=\"en\"><head>" + head + "</head><body>" + top +
                     "<article><p>NORDHAVN – Ferry crews on the northern routes voted on Monday "
                     "to strike for three days next week, the union said, in a dispute over pay "
                     "and rest hours that has lasted since the summer.</p><p>The operator, which "
                     "carries about 9,000 passengers a day, said it would run a reduced timetable "
                     "and offered refunds to travellers who had booked crossings.</p></article>"
                     "</body></html>";
  Document doc;
  doc.url = url;
  EXPECT_TRUE(ExtractArticleFromHtml(html, &doc).ok());
  return doc;
}

TEST(HtmlMetadataTitleTest, PrintedHeadlineWinsOverTheSeoVariant) {
  Document doc = Extract(
      "<title>Ferry strike: crews vote | The Harbour Gazette</title>"
      "<meta property=\"og:title\" content=\"Ferry crews vote to strike next week\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Ferry strike: crews vote\"}</script>",
      "<h1>Ferry crews vote to strike over pay</h1>");
  EXPECT_EQ(doc.title, "Ferry crews vote to strike over pay");
  EXPECT_EQ(doc.metadata_source["title"], "html:h1");
}

TEST(HtmlMetadataTitleTest, MastheadAndSectionHeadingsAreNoHeadline) {
  Document doc = Extract(
      "<title>Ferry crews vote to strike - Harbour Gazette</title>"
      "<meta property=\"og:site_name\" content=\"Harbour Gazette\">",
      "<h1>Harbour Gazette</h1><h1>Games</h1>");
  EXPECT_EQ(doc.title, "Ferry crews vote to strike");
}

TEST(HtmlMetadataTitleTest, SecondH1WhenTheFirstIsABanner) {
  Document doc = Extract(
      "<meta property=\"og:title\" content=\"Ferry crews vote to strike\">",
      "<h1>Warning: this browser is not supported</h1><h1>Ferry crews vote to strike</h1>");
  EXPECT_EQ(doc.title, "Ferry crews vote to strike");
}

TEST(HtmlMetadataTitleTest, JsonLdHeadlineDecodedAndWithoutTheSiteName) {
  Document doc = Extract(
      "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Crews &#8216;ready&#8217; to strike | Harbour Gazette\"}</script>",
      "");
  EXPECT_EQ(doc.title, "Crews \u2018ready\u2019 to strike");
}

TEST(HtmlMetadataTitleTest, ADashInsideTheHeadlineIsNotASiteName) {
  Document doc = Extract(
      "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
      "<meta property=\"og:title\" content=\"Take C.A.R.E. - comwrap auf der DMEXCO 2018\">",
      "");
  EXPECT_EQ(doc.title, "Take C.A.R.E. - comwrap auf der DMEXCO 2018");
}

TEST(HtmlMetadataAuthorsTest, PrintedBylineWhenTheMarkupNamesNobody) {
  Document doc = Extract("", "<h1>Ferry crews vote to strike</h1>"
                             "<p class=\"byline\">By Ana Lind and Per Holm | May 3, 2024</p>");
  EXPECT_EQ(doc.authors, (Names{"Ana Lind", "Per Holm"}));
  EXPECT_EQ(doc.metadata_source["authors"], "html:byline");
}

TEST(HtmlMetadataAuthorsTest, BylineWithMorePeopleWinsOverJsonLd) {
  Document doc = Extract(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Lind\"}}</script>",
      "<h1>Ferry crews vote to strike</h1>"
      "<p class=\"article-byline\">By Ana Lind, Per Holm, Eva Strand</p>");
  EXPECT_EQ(doc.authors, (Names{"Ana Lind", "Per Holm", "Eva Strand"}));
}

TEST(HtmlMetadataAuthorsTest, OrganisationsAndAgenciesAreNoAuthors) {
  Document doc = Extract(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette\"}}</script>",
      "<h1>Ferry crews vote to strike</h1><span class=\"author-name\">Reuters</span>");
  EXPECT_TRUE(doc.authors.empty());
}

TEST(HtmlMetadataAuthorsTest, RelAuthorLink) {
  Document doc = Extract("", "<h1>Ferry crews vote to strike</h1>"
                             "<div>Text: <a rel=\"author\" href=\"/p/ana\">Ana Lind</a></div>");
  EXPECT_EQ(doc.authors, Names{"Ana Lind"});
}

TEST(HtmlMetadataDateTest, PrintedDateWinsOverAUtcStampADayOff) {
  Document doc = Extract(
      "<meta property=\"article:published_time\" content=\"2019-11-19T02:24:00Z\">",
      "<h1>Ferry crews vote to strike</h1>"
      "<time datetime=\"2019-11-19T02:24:00Z\">Nov 18, 2019 at 9:24 pm ET</time>");
  EXPECT_EQ(doc.published.substr(0, 10), "2019-11-18");
  EXPECT_EQ(doc.metadata_source["published"], "html:printed");
}

TEST(HtmlMetadataDateTest, UtcStampReadInTheZoneThePagePrints) {
  Document doc = Extract(
      "<meta property=\"article:published_time\" content=\"2019-11-20T02:07:18Z\">",
      "<h1>Ferry crews vote to strike</h1>"
      "<time datetime=\"2019-11-20T05:24:29Z\">Updated 12:24 am EST, Wednesday, "
      "November 20, 2019</time>");
  EXPECT_EQ(doc.published.substr(0, 10), "2019-11-19");
  EXPECT_EQ(doc.metadata_source["published"], "html:printed-zone");
}

TEST(HtmlMetadataDateTest, StampWithTheOutletsOffsetStands) {
  Document doc = Extract(
      "<meta property=\"article:published_time\" content=\"2019-11-08T15:30:00-05:00\">",
      "<h1>Ferry crews vote to strike</h1>"
      "<span class=\"date\">Nov 9, 2019</span>");
  EXPECT_EQ(doc.published.substr(0, 10), "2019-11-08");
}

TEST(HtmlMetadataDateTest, PrintedDateWhenThereIsNoStamp) {
  Document doc = Extract("", "<h1>Ferry crews vote to strike</h1>"
                             "<span class=\"article-publish-date\">November 19, 2019, 9:02 AM"
                             "</span>");
  EXPECT_EQ(doc.published.substr(0, 10), "2019-11-19");
}

TEST(HtmlMetadataDateTest, AnUpdateDateIsNoPublicationDate) {
  Document doc = Extract("", "<h1>Ferry crews vote to strike</h1>"
                             "<span class=\"timestamp\">Updated 1:39 am EST, November 20, 2019"
                             "</span><span class=\"dateline\">Updated Nov 21, 2019; "
                             "Posted Nov 18, 2019</span>");
  EXPECT_EQ(doc.published.substr(0, 10), "2019-11-18");
}

}  // namespace
}  // namespace dateline

// Tests of ApplyPageMetadata: what the input says outranks the cleaner, once
// normalised, and metadata_source says where each field came from.
#include <gtest/gtest.h>

#include "clean/metadata.h"

namespace dateline {
namespace {

TEST(InputMetadataTest, NormalisesInputDates) {
  EXPECT_EQ(NormalizeInputDate("2019-03-15 10:20:00"), "2019-03-15T10:20");
  EXPECT_EQ(NormalizeInputDate("2024-05-01T12:00:00Z"),
            "2024-05-01T12:00+00:00");
  EXPECT_EQ(NormalizeInputDate("Wed, 01 May 2024 08:30:00 GMT"),
            "2024-05-01T08:30+00:00");
  EXPECT_EQ(NormalizeInputDate("2024-04-11"), "2024-04-11");
  EXPECT_EQ(NormalizeInputDate("1718000000"), "2024-06-10T06:13:20+00:00");
  EXPECT_EQ(NormalizeInputDate("1718000000000"), "2024-06-10T06:13:20+00:00");
  EXPECT_EQ(NormalizeInputDate("yesterday-ish"), "");
  EXPECT_EQ(NormalizeInputDate(""), "");
}

TEST(InputMetadataTest, InputOutranksTheCleaner) {
  Page page;
  page.url = "https://www.ledger.example/a";
  page.metadata.origin = "jsonl";
  page.metadata.title = "  Coalition reaches\n budget deal ";
  page.metadata.authors = {"By Hanna Lindqvist and Omar Haddad",
                           "Omar Haddad"};
  page.metadata.published = "2024-05-20T06:30:00+02:00";
  page.metadata.language = "en-GB";
  page.metadata.outlet = "www.bbc.co.uk";
  page.metadata.tags = {"budget, coalition", "Budget"};
  page.metadata.description = "A deal.";
  Document doc;
  doc.format = PageFormat::kHtml;
  doc.url = page.url;
  doc.title = "Budget deal";
  doc.authors = {"Web Desk"};
  doc.published = "2024-05-21T09:00+02:00";
  doc.outlet = "Ledger";
  doc.language = "sv";
  doc.metadata_source = {{"title", "html:title"}, {"authors", "html:meta"},
                         {"published", "html:meta"}};
  doc.repairs.push_back({{0, 1}, "title", 0, "?", "B", "Budget"});
  doc.repairs.push_back({{0, 1}, "text", 0, "?", "x", "x"});
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.title, "Coalition reaches budget deal");
  EXPECT_EQ(doc.authors,
            (std::vector<std::string>{"Hanna Lindqvist", "Omar Haddad"}));
  EXPECT_EQ(doc.published, "2024-05-20T06:30+02:00");
  EXPECT_EQ(doc.language, "en");
  EXPECT_EQ(doc.outlet, "BBC");
  EXPECT_EQ(doc.tags, (std::vector<std::string>{"budget", "coalition"}));
  EXPECT_EQ(doc.description, "A deal.");
  ASSERT_EQ(doc.repairs.size(), 1u);  // the title's repair went with it
  EXPECT_EQ(doc.repairs[0].field, "text");
  for (const char* field : {"url", "title", "authors", "published",
                            "language", "outlet", "tags", "description"}) {
    EXPECT_EQ(doc.metadata_source[field], "input:jsonl") << field;
  }
}

TEST(InputMetadataTest, WhatDoesNotNormaliseLeavesTheCleanersValue) {
  Page page;
  page.metadata.origin = "jsonl";
  page.metadata.published = "not a date";
  page.metadata.language = "English";
  page.metadata.authors = {"https://x.example/staff"};
  Document doc;
  doc.format = PageFormat::kText;
  doc.title = "Headline";
  doc.published = "2024-01-02";
  doc.language = "en";
  doc.authors = {"Jane Roe"};
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.published, "2024-01-02");
  EXPECT_EQ(doc.language, "en");
  EXPECT_EQ(doc.authors, (std::vector<std::string>{"Jane Roe"}));
  EXPECT_EQ(doc.metadata_source["published"], "text");
  EXPECT_EQ(doc.metadata_source["title"], "text");
  EXPECT_EQ(doc.metadata_source["authors"], "text");
  EXPECT_EQ(doc.metadata_source["language"], "detected");
  EXPECT_EQ(doc.metadata_source.count("url"), 0u);
}

TEST(InputMetadataTest, FetchDateOnlyWhenNothingElseDates) {
  Page page;
  page.metadata.origin = "warc";
  page.metadata.fetched = "Wed, 01 May 2024 08:30:00 GMT";
  page.metadata.fetched_origin = "http";
  Document dated;
  dated.format = PageFormat::kHtml;
  dated.published = "2024-04-30";
  dated.metadata_source["published"] = "html:json-ld";
  ApplyPageMetadata(page, &dated);
  EXPECT_EQ(dated.published, "2024-04-30");
  EXPECT_EQ(dated.metadata_source["published"], "html:json-ld");
  Document undated;
  undated.format = PageFormat::kHtml;
  ApplyPageMetadata(page, &undated);
  EXPECT_EQ(undated.published, "2024-05-01T08:30+00:00");
  EXPECT_EQ(undated.metadata_source["published"], "input:http");
}

TEST(InputMetadataTest, OutletOptionAndNames) {
  Page page;
  page.metadata.outlet = "BBC News";
  page.metadata.outlet_origin = "option";
  Document doc;
  doc.outlet = "Blair";  // what a title suffix gave
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.outlet, "BBC News");
  EXPECT_EQ(doc.metadata_source["outlet"], "input:option");
  // A comma between full names splits; "Doe, Jane" is one name.
  page = Page();
  page.metadata.origin = "jsonl";
  page.metadata.authors = {"Jane Doe, John Roe", "Doe, Jane"};
  doc = Document();
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.authors, (std::vector<std::string>{"Jane Doe", "John Roe",
                                                   "Doe, Jane"}));
}

// Test for issue 16: "UK rebate 'unjustified' - Chirac" gave outlet
// "Chirac"; an outlet from the input puts the attribution back.
TEST(InputMetadataTest, OutletFromTheInputRestoresATitleAttribution) {
  Page page;
  page.metadata.outlet = "BBC";
  page.metadata.outlet_origin = "option";
  Document doc;
  doc.format = PageFormat::kText;
  doc.title = "UK rebate 'unjustified'";
  doc.outlet = "Chirac";
  doc.removed.push_back({"UK rebate 'unjustified' - Chirac", "title"});
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.title, "UK rebate 'unjustified' - Chirac");
  EXPECT_EQ(doc.outlet, "BBC");
  // The same outlet named two ways: the split stands.
  page.metadata.outlet = "BBC";
  doc = Document();
  doc.format = PageFormat::kText;
  doc.title = "Headline here";
  doc.outlet = "BBC News";
  doc.removed.push_back({"Headline here - BBC News", "title"});
  ApplyPageMetadata(page, &doc);
  EXPECT_EQ(doc.title, "Headline here");
}

}  // namespace
}  // namespace dateline

// Unit tests for the metadata helpers, on small fictional fixtures.
#include "clean/metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace dateline {
namespace {

TEST(SplitTitleTest, DropsSiteAfterBar) {
  std::string title, site;
  SplitTitle("Mayor 'happily' opens bridge - council | Riverside Herald News",
             &title, &site);
  EXPECT_EQ(title, "Mayor 'happily' opens bridge - council");
  EXPECT_EQ(site, "Riverside Herald News");
}

TEST(SplitTitleTest, DropsSiteAfterDash) {
  std::string title, site;
  SplitTitle("Storm closes harbour for two days - The Coastal Times", &title,
             &site);
  EXPECT_EQ(title, "Storm closes harbour for two days");
  EXPECT_EQ(site, "The Coastal Times");
}

TEST(SplitTitleTest, DropsSectionLabel) {
  std::string title, site;
  SplitTitle("Opinion | Why the bridge took ten years - The Coastal Times",
             &title, &site);
  EXPECT_EQ(title, "Why the bridge took ten years");
  EXPECT_EQ(site, "The Coastal Times");
}

TEST(SplitTitleTest, KeepsTitleWithoutSite) {
  std::string title, site;
  SplitTitle("Storm closes harbour", &title, &site);
  EXPECT_EQ(title, "Storm closes harbour");
  EXPECT_EQ(site, "");
}

TEST(OutletNameTest, FromSiteName) {
  EXPECT_EQ(OutletName("Riverside Herald News", ""), "Riverside Herald");
  EXPECT_EQ(OutletName("Inquirer News", ""), "Inquirer");
  EXPECT_EQ(OutletName("BBC News", ""), "BBC News");
  EXPECT_EQ(OutletName("Fox News", ""), "Fox News");
  EXPECT_EQ(OutletName("HERALD.net", ""), "HERALD");
}

TEST(OutletNameTest, FromUrl) {
  EXPECT_EQ(OutletName("", "https://newsinfo.inquirer.net/123/story"),
            "Inquirer");
  EXPECT_EQ(OutletName("", "https://www.bbc.co.uk/news/world-1"), "Bbc");
  EXPECT_EQ(OutletName("", ""), "");
}

TEST(ParseDateTimeTest, Iso) {
  EXPECT_EQ(ParseDateTime("2023-09-15T01:47:00+08:00"),
            "2023-09-15T01:47+08:00");
  EXPECT_EQ(ParseDateTime("2023-09-15T01:47:30Z"), "2023-09-15T01:47:30+00:00");
  EXPECT_EQ(ParseDateTime("2023-09-15 01:47"), "2023-09-15T01:47");
  EXPECT_EQ(ParseDateTime("2023-09-15"), "2023-09-15");
  EXPECT_EQ(ParseDateTime("2019/05/06"), "2019-05-06");
}

TEST(ParseDateTimeTest, MonthNames) {
  EXPECT_EQ(ParseDateTime("/ 01:47 AM September 15, 2023"),
            "2023-09-15T01:47");
  EXPECT_EQ(ParseDateTime("September 15, 2023"), "2023-09-15");
  EXPECT_EQ(ParseDateTime("Sept. 15, 2023"), "2023-09-15");
  EXPECT_EQ(ParseDateTime("15 Sep 2023"), "2023-09-15");
  EXPECT_EQ(ParseDateTime("Updated 3 May 2019"), "2019-05-03");
  EXPECT_EQ(ParseDateTime("Published 3:04 PM EDT, Mon May 6, 2019"),
            "2019-05-06T15:04-04:00");
  EXPECT_EQ(ParseDateTime("15 September 2023 11:02 BST"),
            "2023-09-15T11:02+01:00");
  EXPECT_EQ(ParseDateTime("Nov 19, 2019, 10:31 pm CST"),
            "2019-11-19T22:31-06:00");
  EXPECT_EQ(ParseDateTime("12:05 a.m. March 2, 2020"), "2020-03-02T00:05");
  EXPECT_EQ(ParseDateTime("15 de septiembre de 2023"), "2023-09-15");
  EXPECT_EQ(ParseDateTime("15. März 2021"), "2021-03-15");
  EXPECT_EQ(ParseDateTime("2018年8月25日"), "2018-08-25");
}

TEST(ParseDateTimeTest, NoDate) {
  EXPECT_EQ(ParseDateTime(""), "");
  EXPECT_EQ(ParseDateTime("LONDON, May 3 (AP)"), "");
  EXPECT_EQ(ParseDateTime("2 hours ago"), "");
  EXPECT_EQ(ParseDateTime("The harbour will reopen on Monday."), "");
  EXPECT_EQ(ParseDateTime("February 30, 2023"), "");
}

TEST(ParseDatelineTest, Shapes) {
  std::vector<std::string> places;
  std::string p = "SEOUL/MOSCOW – Russian President said";
  EXPECT_EQ(ParseDateline(p, &places), p.find("Russian"));
  EXPECT_EQ(places, (std::vector<std::string>{"SEOUL", "MOSCOW"}));

  places.clear();
  p = "WASHINGTON (Reuters) - The Senate voted";
  EXPECT_EQ(ParseDateline(p, &places), p.find("The Senate"));
  EXPECT_EQ(places, std::vector<std::string>{"WASHINGTON"});

  places.clear();
  p = "LONDON, May 3 (AP) — Rain fell";
  EXPECT_EQ(ParseDateline(p, &places), p.find("Rain"));
  EXPECT_EQ(places, std::vector<std::string>{"LONDON"});

  places.clear();
  p = "NEW YORK — Stocks rose";
  EXPECT_EQ(ParseDateline(p, &places), p.find("Stocks"));
  EXPECT_EQ(places, std::vector<std::string>{"NEW YORK"});

  places.clear();
  p = "Port Harlow, June 2 (Coast Wire) - Ferries stopped";
  EXPECT_EQ(ParseDateline(p, &places), p.find("Ferries"));
  EXPECT_EQ(places, std::vector<std::string>{"Port Harlow"});
}

// Issue 12: the dateline a lead sentence starts after (the segment stage
// makes it a sentence of its own).
TEST(LeadDatelineLengthTest, Shapes) {
  // Each paragraph as its dateline prefix (with the spaces after the dash)
  // and the sentence after it.
  const std::pair<std::string, std::string> kCases[] = {
      {"SEOUL/MOSCOW \xE2\x80\x93 ",
       "Russian President Vladimir Putin accepted"},
      {"WASHINGTON, March 6 - ", "The Labour Party criticised"},
      {"LONDON (Reuters) - ", "British police arrested"},
      {"(Reuters) \xE2\x80\x94 ", "The New York State Attorney General"},
      {"BUFFALO, N.Y. \xE2\x80\x94 ", "Hours before"},
      {"Port Harlow, June 2 (Coast Wire) - ", "Ferries stopped"},
      {"NEW DELHI: ", "India and Pakistan agreed"},
      {"WASHINGTON - ", "\xE2\x80\x9CWe will act,\xE2\x80\x9D he said."},
      {"WHEAT - ", "2,602,000 bushels including 1,647,000 in Chicago"},
  };
  for (const auto& [prefix, sentence] : kCases) {
    EXPECT_EQ(LeadDatelineLength(prefix + sentence), prefix.size()) << prefix;
  }
}

TEST(LeadDatelineLengthTest, NotADateline) {
  for (const char* p :
       {"US - China talks resumed in Geneva on Monday.",
        "U.S. - China talks resumed in Geneva on Monday.",
        "TRUMP WINS - BIDEN CONCEDES IN NAIL-BITER",
        "ALL PORK PRICES - FOB MIDWEST BASIS.",
        "SOWS - steady/up 2.00 dlrs.",
        "ATLANTA-based Delta said it would cut flights.",
        "ATLANTA\xE2\x80\x94" "based Delta said it would cut flights.",
        "The talks - held in GENEVA - ended on Monday.",
        "Kim: The summit went well.",
        "Kim Jong Un \xE2\x80\x94 the leader \xE2\x80\x94 arrived.",
        "No dash in this paragraph at all."}) {
    EXPECT_EQ(LeadDatelineLength(p), 0u) << p;
  }
}

TEST(ParseDatelineTest, NotADateline) {
  std::vector<std::string> places;
  EXPECT_EQ(ParseDateline("Kim Jong Un — the leader — arrived.", &places), 0u);
  EXPECT_EQ(ParseDateline("The mayor said the bridge - which cost "
                          "millions - would open.",
                          &places),
            0u);
  EXPECT_EQ(ParseDateline("No dash in this paragraph at all.", &places), 0u);
  EXPECT_TRUE(places.empty());
}

TEST(ParseTagLineTest, Tags) {
  std::vector<std::string> tags;
  EXPECT_TRUE(ParseTagLine("TAGS: harbour, Port Harlow, storms", &tags));
  EXPECT_EQ(tags,
            (std::vector<std::string>{"harbour", "Port Harlow", "storms"}));
  tags.clear();
  EXPECT_TRUE(ParseTagLine("Topics: ferries; weather", &tags));
  EXPECT_EQ(tags, (std::vector<std::string>{"ferries", "weather"}));
  tags.clear();
  EXPECT_FALSE(ParseTagLine("The tags were removed, officials said.", &tags));
  EXPECT_FALSE(ParseTagLine("Tags", &tags));
  EXPECT_TRUE(tags.empty());
}

TEST(SplitCaptionCreditTest, Forms) {
  std::string text, credit;
  SplitCaptionCredit("The mayor at the bridge on Monday. (HERALD via WIRE)",
                     &text, &credit);
  EXPECT_EQ(text, "The mayor at the bridge on Monday.");
  EXPECT_EQ(credit, "HERALD via WIRE");

  SplitCaptionCredit("The mayor at the bridge on Monday. HERALD via WIRE",
                     &text, &credit);
  EXPECT_EQ(text, "The mayor at the bridge on Monday.");
  EXPECT_EQ(credit, "HERALD via WIRE");

  SplitCaptionCredit("Ferries wait in the harbour (Photo: AP)", &text,
                     &credit);
  EXPECT_EQ(text, "Ferries wait in the harbour");
  EXPECT_EQ(credit, "AP");

  SplitCaptionCredit("Ferries wait. Credit... Jane Roe/The Coastal Times",
                     &text, &credit);
  EXPECT_EQ(text, "Ferries wait.");
  EXPECT_EQ(credit, "Jane Roe/The Coastal Times");

  SplitCaptionCredit("Ferries wait in the harbour.", &text, &credit);
  EXPECT_EQ(text, "Ferries wait in the harbour.");
  EXPECT_EQ(credit, "");
}

TEST(RepairLostCharactersTest, FromDocumentWords) {
  std::string text =
      "The Harlow Quarantelle opened in May. Visitors to the ?uarantelle "
      "paid nothing.";
  std::vector<Repair> repairs;
  RepairLostCharacters(&text, &repairs);
  EXPECT_EQ(text,
            "The Harlow Quarantelle opened in May. Visitors to the "
            "Quarantelle paid nothing.");
  ASSERT_EQ(repairs.size(), 1u);
  EXPECT_EQ(repairs[0].original, "?");
  EXPECT_EQ(repairs[0].replacement, "Q");
  EXPECT_EQ(repairs[0].word, "Quarantelle");
  EXPECT_EQ(text.substr(repairs[0].span.begin,
                        repairs[0].span.end - repairs[0].span.begin),
            "Q");
}

TEST(RepairLostCharactersTest, ApostropheAndReplacementChar) {
  std::string text = "The city\xEF\xBF\xBDs mayor said it\xE2\x80\x99s done.";
  std::vector<Repair> repairs;
  RepairLostCharacters(&text, &repairs);
  EXPECT_EQ(text, "The city\xE2\x80\x99s mayor said it\xE2\x80\x99s done.");
  ASSERT_EQ(repairs.size(), 1u);
  EXPECT_EQ(repairs[0].original, "\xEF\xBF\xBD");
  EXPECT_EQ(repairs[0].word, "city\xE2\x80\x99s");
}

TEST(RepairLostCharactersTest, LeavesRealQuestionMarks) {
  std::string text =
      "Why? Nobody knows ? not even the mayor. See https://example.org/a?b=c "
      "or ?? or x?.";
  std::string before = text;
  std::vector<Repair> repairs;
  RepairLostCharacters(&text, &repairs);
  EXPECT_EQ(text, before);
  EXPECT_TRUE(repairs.empty());
}

TEST(RepairLostCharactersTest, LeavesAmbiguousWords) {
  // "?at" fits bat, cat, hat ...: no single word, no repair.
  std::string text = "The ?at sat on the mat near the cat and the hat.";
  std::string before = text;
  std::vector<Repair> repairs;
  RepairLostCharacters(&text, &repairs);
  EXPECT_EQ(text, before);
  EXPECT_TRUE(repairs.empty());
}

TEST(DetectLanguageTest, Languages) {
  EXPECT_EQ(DetectLanguage("The mayor said that the bridge would open in May "
                           "and that it was built by the city."),
            "en");
  EXPECT_EQ(DetectLanguage("Le maire a dit que le pont sera ouvert en mai et "
                           "qu'il a été construit par la ville."),
            "fr");
  EXPECT_EQ(DetectLanguage("Der Bürgermeister sagte, dass die Brücke im Mai "
                           "eröffnet wird und von der Stadt gebaut wurde."),
            "de");
  EXPECT_EQ(DetectLanguage("El alcalde dijo que el puente se abrirá en mayo y "
                           "que fue construido por la ciudad."),
            "es");
  EXPECT_EQ(DetectLanguage("Il sindaco ha detto che il ponte sarà aperto a "
                           "maggio e che è stato costruito dalla città."),
            "it");
  EXPECT_EQ(DetectLanguage("O prefeito disse que a ponte será aberta em maio e "
                           "que foi construída pela cidade."),
            "pt");
  EXPECT_EQ(DetectLanguage("De burgemeester zei dat de brug in mei wordt "
                           "geopend en door de stad is gebouwd."),
            "nl");
  EXPECT_EQ(DetectLanguage("Belediye başkanı köprünün mayıs ayında açılacağını "
                           "ve şehir tarafından inşa edildiğini söyledi. Bu "
                           "çok daha iyi olarak görüldü ve bir gün için."),
            "tr");
  EXPECT_EQ(DetectLanguage("Мэр сказал, что мост откроется в мае и что его "
                           "построил город."),
            "ru");
  EXPECT_EQ(DetectLanguage("قال رئيس البلدية إن الجسر سيفتح في مايو وإن "
                           "المدينة بنته."),
            "ar");
  EXPECT_EQ(DetectLanguage("市长说，这座桥将于五月开通，是由城市建造的。"), "zh");
  EXPECT_EQ(DetectLanguage("市長は、橋は五月に開通し、市が建設したと述べた。"),
            "ja");
  EXPECT_EQ(DetectLanguage("시장은 다리가 5월에 개통되며 시가 건설했다고 "
                           "말했다."),
            "ko");
  EXPECT_EQ(DetectLanguage("12345 !!!"), "");
}

}  // namespace
}  // namespace dateline

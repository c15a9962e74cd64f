// Unit tests for LineClassifier: labels from a true body, training,
// the model file, and the cleaner deciding lines with a model. Fictional
// pages; the shipped model is read from data/models when it is there.
#include "clean/line_classifier.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/text_cleaner.h"
#include "dateline/document.h"

namespace dateline {
namespace {

// A page as a naive scraper saves it, with `story` (paragraphs separated
// by blank lines) between menus, widgets and a comment section.
std::string Page(const std::string& headline, const std::string& story) {
  return headline + " | Coastal Herald News\n\nHome\nWorld\nBusiness\nSport\n\n" +
         headline + "\n\nBy Jane Roe\n\n" + story +
         "\n\nSubscribe to our morning newsletter\n\n"
         "Related stories\n\nStorm warning issued for the coast\n"
         "Ferry company adds winter sailings\nFish market to get new roof\n\n"
         "Leave a comment\n\n"
         "I have lived by this harbour for forty years and never saw a storm "
         "like the one we had this weekend, truly frightening.\n\n"
         "\xC2\xA9 2019 Coastal Herald. All rights reserved.\n";
}

const char kStory1[] =
    "The harbour of Port Harlow reopened on Monday after a storm closed it "
    "for two days, the port authority said.\n\n"
    "Ferries resumed their morning runs at dawn, and the first cargo ship "
    "docked shortly before noon, officials told reporters at the quay.\n\n"
    "The authority said it would inspect the breakwater this week and "
    "publish a report on the damage by the end of the month.";
const char kStory2[] =
    "The old fish market of Port Harlow will get a new roof before winter, "
    "the town council decided on Tuesday.\n\n"
    "Stall holders had complained for years that rain came through the "
    "roof, and the storm of last week made it worse, they said.\n\n"
    "Work is to start in October and take about six weeks, during which "
    "the market moves to the car park by the quay.";
const char kStory3[] =
    "A new ferry line will link Port Harlow with the islands from next "
    "spring, the ferry company said on Wednesday.\n\n"
    "The company will run two sailings a day in summer and one in winter, "
    "with a larger boat that can carry forty cars.\n\n"
    "Islanders welcomed the plan but asked for cheaper fares for people "
    "who live on the islands all year round.";

// The pages' lines as the cleaner sees them, labelled by their stories.
struct Corpus {
  std::vector<std::string> pages;
  std::vector<std::vector<ScrapedLine>> lines;
  std::vector<LabelledPage> labelled;
};

void BuildCorpus(Corpus* c) {
  const std::pair<const char*, const char*> items[] = {
      {"Harbour reopens after storm", kStory1},
      {"Fish market to get new roof", kStory2},
      {"Ferry line to the islands", kStory3}};
  for (const auto& [headline, story] : items) c->pages.push_back(Page(headline, story));
  c->lines.resize(c->pages.size());
  for (size_t i = 0; i < c->pages.size(); ++i) {
    Document doc;
    ASSERT_TRUE(CleanScrapedText(c->pages[i], &doc, nullptr, &c->lines[i]).ok());
    c->labelled.push_back({&c->lines[i], LabelLines(c->lines[i], items[i].second)});
  }
}

TEST(LineClassifierTest, LabelsLinesFromTheTrueBody) {
  std::vector<ScrapedLine> lines(4);
  lines[0].text = "Ferries resumed their morning runs at dawn.";
  lines[1].text = "Subscribe to our morning newsletter";
  lines[2].text = "* * *";
  lines[3].text = "at dawn";  // short: the whole line must be in the body
  const std::vector<int> labels = LabelLines(
      lines, "The port reopened. Ferries resumed their morning runs at dawn.");
  EXPECT_EQ(labels, (std::vector<int>{1, 0, -1, 1}));
}

TEST(LineClassifierTest, CleanerGivesEveryBodyLineWithFeatures) {
  Corpus c;
  BuildCorpus(&c);
  ASSERT_FALSE(c.lines[0].empty());
  // The title line is not a body line; the menu's first entry is.
  EXPECT_EQ(c.lines[0][0].text, "Home");
  for (const ScrapedLine& l : c.lines[0]) {
    EXPECT_FALSE(l.text.empty());
    EXPECT_GE(l.features.size(), 20u) << l.text;
    EXPECT_FALSE(l.rule_features.empty()) << l.text;
  }
}

TEST(LineClassifierTest, LearntModelKeepsTheArticleOfAnUnseenPage) {
  Corpus c;
  BuildCorpus(&c);
  // Trained on the first two pages only; the third is unseen.
  std::vector<LabelledPage> train(c.labelled.begin(), c.labelled.begin() + 2);
  LineClassifier model = LineClassifier::Train(train, LineTrainOptions());
  ASSERT_GT(model.rows(), 0u);
  Document doc;
  ASSERT_TRUE(CleanScrapedText(c.pages[2], &doc, &model, nullptr).ok());
  EXPECT_EQ(doc.text.rfind("A new ferry line will link Port Harlow", 0), 0u)
      << doc.text;
  EXPECT_NE(doc.text.find("all year round."), std::string::npos) << doc.text;
  for (const char* junk : {"newsletter", "forty years", "Related", "Storm warning",
                           "All rights reserved", "Home"}) {
    EXPECT_EQ(doc.text.find(junk), std::string::npos) << junk;
  }
  // The cleaner's other jobs stay the rules': title and byline.
  EXPECT_EQ(doc.title, "Ferry line to the islands");
  EXPECT_EQ(doc.authors, std::vector<std::string>{"Jane Roe"});
  // Every kept paragraph still maps back into the page.
  for (const OffsetPiece& p : doc.offsets) {
    EXPECT_EQ(doc.text.substr(p.text_begin, p.text_end - p.text_begin),
              c.pages[2].substr(p.page_begin, p.page_end - p.page_begin));
  }
}

TEST(LineClassifierTest, TrainingIsDeterministicAndTheFileRoundTrips) {
  Corpus c;
  BuildCorpus(&c);
  LineTrainOptions options;
  LineClassifier a = LineClassifier::Train(c.labelled, options);
  LineClassifier b = LineClassifier::Train(c.labelled, options);
  a.AddInfo("made_by", "line_classifier_test");
  b.AddInfo("made_by", "line_classifier_test");
  const std::string pa = ::testing::TempDir() + "line_classifier_a.model";
  const std::string pb = ::testing::TempDir() + "line_classifier_b.model";
  ASSERT_TRUE(a.Save(pa).ok());
  ASSERT_TRUE(b.Save(pb).ok());
  auto read = [](const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  const std::string fa = read(pa);
  EXPECT_EQ(fa, read(pb));
  LineClassifier loaded;
  ASSERT_TRUE(loaded.Load(pa).ok());
  ASSERT_FALSE(loaded.info().empty());
  EXPECT_EQ(loaded.info()[0].first, "made_by");
  for (const auto& lines : c.lines) EXPECT_EQ(loaded.Decide(lines), a.Decide(lines));
  std::remove(pa.c_str());
  std::remove(pb.c_str());
}

TEST(LineClassifierTest, RefusesOtherFilesAndFeatureSets) {
  LineClassifier m;
  EXPECT_TRUE(m.Parse("not a model\n", "x.model").IsCorruption());
  EXPECT_TRUE(m.Parse("dateline line classifier\nfeature_set\t0\n", "x.model")
                  .IsCorruption());
  EXPECT_TRUE(m.Parse("dateline line classifier\n# made_by: test\n", "x.model")
                  .IsCorruption());
  EXPECT_TRUE(m.Load("/nonexistent/clean_lines.model").IsIOError());
}

// The shipped model keeps the article of a page none of its training pages
// came from (the fictional Coastal Herald).
TEST(LineClassifierTest, ShippedModelCleansAFictionalPage) {
  const std::string path =
      std::string(DATELINE_SOURCE_DIR) + "/data/models/" + LineClassifier::kFileName;
  std::ifstream probe(path);
  if (!probe) GTEST_SKIP() << "no shipped line model at " << path;
  LineClassifier model;
  ASSERT_TRUE(model.Load(path).ok());
  const std::string page = Page("Harbour reopens after storm", kStory1);
  Document doc;
  ASSERT_TRUE(CleanScrapedText(page, &doc, &model, nullptr).ok());
  EXPECT_EQ(doc.text, std::string(kStory1));
}

}  // namespace
}  // namespace dateline

// The pipeline's stages declare the layers they require and provide, and
// Pipeline::Create refuses a chain in which a stage would run without them.
#include <gtest/gtest.h>

#include <memory>

#include "dateline/pipeline.h"

namespace dateline {
namespace {

Status CreateWith(const std::string& stages) {
  std::unique_ptr<Pipeline> p;
  return Pipeline::Create(PipelineOptions(stages, ""), &p);
}

TEST(PipelineStagesTest, StageNamesAreInOrder) {
  const std::vector<std::string> expected = {
      "read",    "clean",  "segment", "tag",   "parse", "resolve",
      "clauses", "quotes", "events",  "dedup", "store"};
  EXPECT_EQ(Pipeline::StageNames(), expected);
}

TEST(PipelineStagesTest, EveryPrefixIsAValidChain) {
  for (const char* stage : {"read", "clean", "segment", "tag", "parse",
                            "resolve", "clauses", "quotes", "events"}) {
    EXPECT_TRUE(CreateWith(stage).ok()) << stage;
  }
}

TEST(PipelineStagesTest, EventsWithoutTheirLayersAreRefused) {
  Status s = CreateWith("clean,segment,tag,events");
  ASSERT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.ToString().find("'events' requires the 'entities' layer"),
            std::string::npos)
      << s.ToString();
  s = CreateWith("clean,segment,tag,resolve,quotes,events");
  ASSERT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.ToString().find("'clauses'"), std::string::npos) << s.ToString();
  s = CreateWith("clean,segment,tag,resolve,clauses");
  ASSERT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_NE(s.ToString().find("'tree' layer, which stage 'parse'"),
            std::string::npos)
      << s.ToString();
}

TEST(PipelineStagesTest, ACompleteListIsAccepted) {
  EXPECT_TRUE(
      CreateWith("clean,segment,tag,parse,resolve,clauses,quotes,events").ok());
  EXPECT_TRUE(CreateWith("clean,segment,tag,parse").ok());
}

TEST(PipelineStagesTest, UnknownAndUnbuiltStagesAreErrors) {
  EXPECT_TRUE(CreateWith("nonsense").IsInvalidArgument());
  EXPECT_TRUE(CreateWith("clean,nonsense").IsInvalidArgument());
  EXPECT_TRUE(CreateWith("dedup").IsNotSupported());
}

// Process with a StageTimes gives the same document, and time to each
// stage that ran and to none that did not.
TEST(PipelineStagesTest, StageTimesCountTheStagesThatRan) {
  std::unique_ptr<Pipeline> p;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions("clauses", ""), &p).ok());
  Page page;
  page.source = "test";
  page.format = PageFormat::kText;
  page.content =
      "Putin accepts invitation\n\nMOSCOW (Reuters) - Russian President "
      "Vladimir Putin accepted North Korea's invitation to visit Pyongyang, "
      "the Kremlin said on Thursday. Lavrov will travel there in October.\n";
  Pipeline::StageTimes times;
  const Document timed = p->Process(page, &times);
  EXPECT_EQ(ToJsonLine(timed), ToJsonLine(p->Process(page)));
  const std::vector<std::string>& names = Pipeline::StageNames();
  ASSERT_EQ(times.seconds.size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    const bool ran = names[i] == "clean" || names[i] == "segment" ||
                     names[i] == "tag" || names[i] == "parse" ||
                     names[i] == "resolve" || names[i] == "clauses";
    if (ran) {
      EXPECT_GT(times.seconds[i], 0.0) << names[i];
    } else {
      EXPECT_EQ(times.seconds[i], 0.0) << names[i];
    }
  }
}

TEST(PipelineStagesTest, TheParseStageGivesEachSentenceATree) {
  std::unique_ptr<Pipeline> p;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions("parse", ""), &p).ok());
  Document doc;
  doc.text =
      "Russian President Vladimir Putin accepted North Korea's invitation. "
      "Lavrov will travel to Pyongyang in October.";
  p->AnalyseText(&doc);
  ASSERT_TRUE(doc.error.empty()) << doc.error;
  ASSERT_EQ(doc.heads.size(), doc.tokens.size());
  ASSERT_EQ(doc.deprels.size(), doc.tokens.size());
  ASSERT_EQ(doc.sentences.size(), 2u);
  auto word = [&](size_t t) {
    return doc.text.substr(doc.tokens[t].begin,
                           doc.tokens[t].end - doc.tokens[t].begin);
  };
  auto find = [&](const std::string& w) {
    for (size_t t = 0; t < doc.tokens.size(); ++t)
      if (word(t) == w) return static_cast<int>(t);
    return -1;
  };
  const int accepted = find("accepted"), invitation = find("invitation");
  ASSERT_GE(accepted, 0);
  EXPECT_EQ(doc.heads[accepted], -1);
  // The subject is the name (UD heads a name by its first word, "Vladimir",
  // with "Putin" flat under it) or its title.
  int subject = -1;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.heads[t] == accepted && doc.deprels[t] == "nsubj")
      subject = static_cast<int>(t);
  }
  ASSERT_GE(subject, 0);
  EXPECT_TRUE(word(subject) == "Vladimir" || word(subject) == "Putin" ||
              word(subject) == "President")
      << word(subject);
  EXPECT_EQ(doc.heads[invitation], accepted);
  EXPECT_EQ(doc.deprels[invitation], "obj");
  const int travel = find("travel"), pyongyang = find("Pyongyang");
  EXPECT_EQ(doc.heads[pyongyang], travel);
  EXPECT_EQ(doc.deprels[pyongyang], "obl");
}

}  // namespace
}  // namespace dateline

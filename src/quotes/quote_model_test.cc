// QuoteModel on documents built by hand (no models, no shared data): the
// candidates it offers, what it learns, its file, and bad files.
#include "quotes/quote_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dateline {
namespace {

// One sentence, tokens split at spaces, each tagged "NN" (or "VBD" for the
// cue), and one quote: source, cue, content given as token ranges.
Document MakeDoc(const std::string& text, int src_b, int src_e, int cue_b,
                 int cue_e, int con_b, int con_e, const char* kind = "indirect") {
  Document doc;
  doc.text = text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    doc.tokens.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(sp)});
    pos = sp + 1;
  }
  const int n = static_cast<int>(doc.tokens.size());
  for (int k = 0; k < n; ++k) {
    doc.pos.push_back(k >= cue_b && k < cue_e ? "VBD" : "NN");
    doc.chunks.push_back("O");
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(text.size())}, 0,
                           static_cast<uint32_t>(n)});
  auto span = [&](int b, int e) {
    return Span{doc.tokens[b].begin, doc.tokens[e - 1].end};
  };
  Quote q;
  q.kind = kind;
  q.span = span(con_b, con_e);
  q.cue_span = span(cue_b, cue_e);
  q.speaker_span = span(src_b, src_e);
  q.cue_class = "speech";
  q.sentence = {0, static_cast<uint32_t>(text.size())};
  doc.quotes.push_back(q);
  return doc;
}

std::string Text(const Document& doc, Span s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}

// "Kim said yesterday the plan failed badly ." with the content starting at
// "yesterday" (the rules' choice) and the right start "the".
Document PlanDoc() {
  return MakeDoc("Kim said yesterday the plan failed badly .", 0, 1, 1, 2, 2, 7);
}

TEST(QuoteModelTest, CandidatesStayOffTheCueAndSource) {
  Document doc = PlanDoc();
  BoundaryCandidates start, end;
  ASSERT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent,
                                     &start, &end));
  ASSERT_FALSE(start.tokens.empty());
  for (int t : start.tokens) EXPECT_GE(t, 2);  // never "Kim" or "said"
  EXPECT_EQ(start.tokens[start.original], 2);
  EXPECT_EQ(end.tokens[end.original], 7);
  for (int u : end.tokens) EXPECT_LE(u, 8);
  ASSERT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kSource,
                                     &start, &end));
  for (int u : end.tokens) EXPECT_LE(u, 1);  // the source cannot take "said"
}

// PolNeAR never nests attributions: a content's bounds never take in another
// quote's cue (the learnt end moved "the plan failed" over "and Lee warned").
TEST(QuoteModelTest, ContentCandidatesStayOffAnotherQuotesCue) {
  Document doc =
      MakeDoc("Kim said the plan failed and Lee warned them .", 0, 1, 1, 2, 2, 5);
  Document other = MakeDoc("Kim said the plan failed and Lee warned them .", 6,
                           7, 7, 8, 8, 9);
  doc.pos[7] = "VBD";
  doc.quotes.push_back(other.quotes[0]);
  BoundaryCandidates start, end;
  ASSERT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent,
                                     &start, &end));
  EXPECT_EQ(end.tokens[end.original], 5);
  for (int u : end.tokens) EXPECT_LE(u, 7);  // never "warned"
  // The second quote's own bounds are free to start after the first cue.
  ASSERT_TRUE(QuoteModel::Candidates(doc, 1, QuoteModel::Part::kContent,
                                     &start, &end));
  EXPECT_EQ(start.tokens[start.original], 8);
}

// "After arguing the plan failed , Kim left town .": the source comes after
// the content, as the agent of the clause the cue's clause hangs on; its
// end candidates never take in that clause's verb ("Kim left town" was the
// learnt source).
TEST(QuoteModelTest, SourceCandidatesStayOffTheVerbItIsTheAgentOf) {
  Document doc = MakeDoc("After arguing the plan failed , Kim left town .", 6,
                         7, 1, 2, 2, 5);
  doc.pos[7] = "VBD";
  auto span = [&](int b, int e) {
    return Span{doc.tokens[b].begin, doc.tokens[e - 1].end};
  };
  Clause main;
  main.predicate = 7;  // "left"
  main.sentence = doc.sentences[0].span;
  ClauseArgument agent;
  agent.role = "agent";
  agent.head = 6;
  agent.span = span(6, 7);
  main.arguments.push_back(agent);
  Clause cue;
  cue.predicate = 1;  // "arguing"
  cue.parent = 1;
  cue.relation = "advcl";
  cue.sentence = doc.sentences[0].span;
  doc.clauses = {cue, main};
  BoundaryCandidates start, end;
  ASSERT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kSource,
                                     &start, &end));
  EXPECT_EQ(end.tokens[end.original], 7);
  for (int u : end.tokens) EXPECT_LE(u, 7);  // never "left"
  // Without the clause layer the verb is a candidate as before.
  doc.clauses.clear();
  ASSERT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kSource,
                                     &start, &end));
  EXPECT_GT(end.tokens.back(), 7);
}

TEST(QuoteModelTest, DirectQuotesKeepTheirContent) {
  Document doc = MakeDoc("Kim said the plan failed .", 0, 1, 1, 2, 2, 5, "direct");
  BoundaryCandidates start, end;
  EXPECT_FALSE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent,
                                      &start, &end));
  EXPECT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kCue, &start, &end));
}

// Examples whose right start is the token after the rules' one.
std::vector<BoundaryExample> ShiftExamples(const Document& doc) {
  BoundaryCandidates start, end;
  EXPECT_TRUE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent,
                                     &start, &end));
  BoundaryExample ex;
  ex.candidates = start;
  ex.gold = -1;
  for (size_t i = 0; i < start.tokens.size(); ++i) {
    if (start.tokens[i] == 3) ex.gold = static_cast<int>(i);
  }
  EXPECT_GE(ex.gold, 0);
  BoundaryExample keep_end;
  keep_end.candidates = end;
  keep_end.gold = end.original;
  return {ex, keep_end};
}

TEST(QuoteModelTest, LearnsAndRefinesTheStart) {
  Document doc = PlanDoc();
  QuoteModel model;
  ASSERT_TRUE(QuoteModel::Train(ShiftExamples(doc), 3, 1, &model).ok());
  EXPECT_GT(model.feature_count(), 0u);
  model.Refine(&doc);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(Text(doc, doc.quotes[0].span), "the plan failed badly");
  EXPECT_EQ(Text(doc, doc.quotes[0].speaker_span), "Kim");
  EXPECT_EQ(Text(doc, doc.quotes[0].cue_span), "said");
}

TEST(QuoteModelTest, FilterDropsWhatItLearntToDrop) {
  Document doc = PlanDoc();
  std::vector<uint64_t> f;
  ASSERT_TRUE(QuoteModel::FilterFeatures(doc, 0, &f));
  BoundaryExample ex;
  ex.candidates.tokens = {0, 1};
  ex.candidates.features = {{QuoteModel::DropFeature()}, f};
  ex.candidates.original = 1;
  ex.gold = 0;  // not an attribution
  QuoteModel model;
  ASSERT_TRUE(QuoteModel::Train({ex}, 2, 1, &model).ok());
  EXPECT_FALSE(model.Keep(f));
  // A large enough margin keeps it.
  model.set_keep_margin(1000);
  EXPECT_TRUE(model.Keep(f));
  model.set_keep_margin(0);
  model.Refine(&doc);
  EXPECT_TRUE(doc.quotes.empty());
  // Partial quotes are never judged.
  Document partial = MakeDoc("Kim said the plan failed .", 0, 1, 1, 2, 2, 5, "partial");
  EXPECT_FALSE(QuoteModel::FilterFeatures(partial, 0, &f));
}

TEST(QuoteModelTest, SourceFilterKeepsTheQuote) {
  Document doc = PlanDoc();
  doc.quotes[0].speaker = "e1";
  doc.quotes[0].speaker_name = "Kim";
  std::vector<uint64_t> f, g;
  ASSERT_TRUE(QuoteModel::SourceFeatures(doc, 0, &f));
  ASSERT_TRUE(QuoteModel::FilterFeatures(doc, 0, &g));
  EXPECT_NE(f, g);  // features of their own
  BoundaryExample ex;
  ex.candidates.tokens = {0, 1};
  ex.candidates.features = {{QuoteModel::DropSourceFeature()}, f};
  ex.candidates.original = 1;
  ex.gold = 0;  // a wrong source
  QuoteModel model;
  ASSERT_TRUE(QuoteModel::Train({ex}, 2, 1, &model).ok());
  EXPECT_FALSE(model.KeepSource(f));
  EXPECT_TRUE(model.Keep(g));  // the quote itself is not judged by it
  model.Refine(&doc);
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker_span.end, doc.quotes[0].speaker_span.begin);
  EXPECT_TRUE(doc.quotes[0].speaker.empty());
  EXPECT_TRUE(doc.quotes[0].speaker_name.empty());
  EXPECT_EQ(Text(doc, doc.quotes[0].cue_span), "said");
  // A quote without a source has nothing to judge.
  EXPECT_FALSE(QuoteModel::SourceFeatures(doc, 0, &f));
}

TEST(QuoteModelTest, SaveLoadRoundTripAndDeterminism) {
  Document doc = PlanDoc();
  QuoteModel a, b;
  ASSERT_TRUE(QuoteModel::Train(ShiftExamples(doc), 3, 7, &a).ok());
  ASSERT_TRUE(QuoteModel::Train(ShiftExamples(doc), 3, 7, &b).ok());
  a.info().push_back("made for a test");
  a.set_keep_margin(2.5);
  b.info().push_back("made for a test");
  b.set_keep_margin(2.5);
  std::string pa = testing::TempDir() + "quote_model_a.model";
  std::string pb = testing::TempDir() + "quote_model_b.model";
  ASSERT_TRUE(a.Save(pa).ok());
  ASSERT_TRUE(b.Save(pb).ok());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  EXPECT_EQ(slurp(pa), slurp(pb));
  QuoteModel c;
  ASSERT_TRUE(c.Load(pa).ok());
  EXPECT_EQ(c.feature_count(), a.feature_count());
  EXPECT_DOUBLE_EQ(c.keep_margin(), 2.5);
  ASSERT_EQ(c.info().size(), 1u);
  EXPECT_EQ(c.info()[0], "made for a test");
  c.Refine(&doc);
  EXPECT_EQ(Text(doc, doc.quotes[0].span), "the plan failed badly");
  std::remove(pa.c_str());
  std::remove(pb.c_str());
}

TEST(QuoteModelTest, BadFilesAndNoData) {
  QuoteModel m;
  EXPECT_TRUE(m.Load(testing::TempDir() + "no_such_quote.model").IsIOError());
  std::string p = testing::TempDir() + "bad_quote.model";
  for (const char* body : {"0123 1\n", "zzzzzzzzzzzzzzzz 1\n",
                           "0123456789abcdef x\n", "margin q\n",
                           "0123456789abcdef nan\n"}) {
    {
      std::ofstream out(p, std::ios::binary);
      out << "# header\n" << body;
    }
    EXPECT_TRUE(m.Load(p).IsCorruption()) << body;
  }
  std::remove(p.c_str());
  EXPECT_TRUE(QuoteModel::Train({}, 3, 1, &m).IsInvalidArgument());
  // Quotes out of range or without bounds on tokens give no candidates.
  Document doc = PlanDoc();
  BoundaryCandidates s, e;
  EXPECT_FALSE(QuoteModel::Candidates(doc, 5, QuoteModel::Part::kContent, &s, &e));
  doc.quotes[0].span = {1, 7};  // inside "Kim" and "said"
  EXPECT_FALSE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent, &s, &e));
  doc.quotes[0].span = {0, 9999};
  EXPECT_FALSE(QuoteModel::Candidates(doc, 0, QuoteModel::Part::kContent, &s, &e));
}

}  // namespace
}  // namespace dateline

// CueModel and the quotes stage's use of it, on documents tagged by hand (no
// models, no shared data): what it learns, its file and bad files, and the
// verbal and nominal cues it adds to the lexicons'.
#include "quotes/cue_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "quotes/quote_extractor.h"

namespace dateline {
namespace {

// One sentence, tokens split at spaces, with the given tags.
Document Tagged(const std::string& text, const std::vector<std::string>& tags) {
  Document doc;
  doc.text = text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    doc.tokens.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(sp)});
    pos = sp + 1;
  }
  doc.pos = tags;
  doc.pos.resize(doc.tokens.size(), "NN");
  for (const std::string& t : doc.pos) {
    doc.chunks.push_back(t[0] == 'N' || t == "PRP$" || t == "JJ" ? "I-NP" : "O");
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(text.size())}, 0,
                           static_cast<uint32_t>(doc.tokens.size())});
  return doc;
}

std::string Text(const Document& doc, Span s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}

Document CastDoc() {
  return Tagged("Clinton cast her rival as weak .",
                {"NNP", "VBD", "PRP$", "NN", "IN", "JJ", "."});
}
Document AteDoc() {
  return Tagged("Clinton ate her lunch at noon .",
                {"NNP", "VBD", "PRP$", "NN", "IN", "NN", "."});
}
Document CriticismDoc() {
  return Tagged("his criticism of Clinton grew .",
                {"PRP$", "NN", "IN", "NNP", "VBD", "."});
}
Document RoofDoc() {
  return Tagged("the roof of the house fell .",
                {"DT", "NN", "IN", "DT", "NN", "VBD", "."});
}

// Examples from the candidate tokens of the documents: token i of each is a
// cue when `cue` says so.
std::vector<std::pair<std::vector<uint64_t>, bool>> Examples() {
  std::vector<std::pair<std::vector<uint64_t>, bool>> ex;
  auto add = [&](const Document& doc, int i, bool cue) {
    std::vector<uint64_t> f;
    CueModel::Features(doc, i, 0, static_cast<int>(doc.tokens.size()), &f);
    ex.emplace_back(std::move(f), cue);
  };
  add(CastDoc(), 1, true);
  add(AteDoc(), 1, false);
  add(CriticismDoc(), 1, true);
  add(RoofDoc(), 1, false);
  return ex;
}

TEST(CueModelTest, LearnsCuesFromContext) {
  CueModel m;
  ASSERT_TRUE(CueModel::Train(Examples(), 5, 1, &m).ok());
  auto score = [&](const Document& doc, int i) {
    std::vector<uint64_t> f;
    CueModel::Features(doc, i, 0, static_cast<int>(doc.tokens.size()), &f);
    return m.IsCue(f);
  };
  EXPECT_TRUE(score(CastDoc(), 1));
  EXPECT_FALSE(score(AteDoc(), 1));
  EXPECT_TRUE(score(CriticismDoc(), 1));
  EXPECT_FALSE(score(RoofDoc(), 1));
  EXPECT_TRUE(CueModel::Train({}, 5, 1, &m).IsInvalidArgument());
}

TEST(CueModelTest, SaveLoadRoundTripAndBadFiles) {
  CueModel a;
  ASSERT_TRUE(CueModel::Train(Examples(), 5, 1, &a).ok());
  a.info().push_back("made for a test");
  a.set_threshold(0.5);
  std::string p = testing::TempDir() + "cue_model_a.model";
  ASSERT_TRUE(a.Save(p).ok());
  CueModel b;
  ASSERT_TRUE(b.Load(p).ok());
  EXPECT_EQ(b.feature_count(), a.feature_count());
  EXPECT_DOUBLE_EQ(b.threshold(), 0.5);
  ASSERT_EQ(b.info().size(), 1u);
  EXPECT_EQ(b.info()[0], "made for a test");
  std::vector<uint64_t> f;
  Document cast = CastDoc();
  CueModel::Features(cast, 1, 0, 7, &f);
  EXPECT_NEAR(a.Score(f), b.Score(f), 1e-4);
  EXPECT_TRUE(b.Load(testing::TempDir() + "no_such_cue.model").IsIOError());
  for (const char* body : {"0123 1\n", "zzzzzzzzzzzzzzzz 1\n",
                           "0123456789abcdef x\n", "threshold q\n",
                           "0123456789abcdef nan\n"}) {
    {
      std::ofstream out(p, std::ios::binary);
      out << "# header\n" << body;
    }
    EXPECT_TRUE(b.Load(p).IsCorruption()) << body;
  }
  std::remove(p.c_str());
}

TEST(CueModelTest, FeaturesSurviveOddDocuments) {
  Document doc = CastDoc();
  std::vector<uint64_t> f;
  doc.pos.clear();  // no tags
  doc.chunks.clear();
  CueModel::Features(doc, 1, 0, 7, &f);
  EXPECT_FALSE(f.empty());
  doc.tokens[1] = {5, 9999};  // a token past the text
  CueModel::Features(doc, 1, 0, 7, &f);
  CueModel::Features(doc, 6, 0, 7, &f);  // at the sentence end
  EXPECT_FALSE(f.empty());
}

TEST(CueModelTest, ExtractorAddsTheCuesTheModelAccepts) {
  std::unique_ptr<QuoteExtractor> q;
  ASSERT_TRUE(QuoteExtractor::FromLexicon("said\tspeech\n", &q).ok());
  // The detector's cues are acts, which only PolNeAR's scoring keeps.
  q->SetKeepActs(true);
  Document cast = CastDoc();
  EXPECT_TRUE(q->CueCandidate(cast, 1));      // "cast": a verb no list has
  EXPECT_FALSE(q->CueCandidate(cast, 0));     // a name
  EXPECT_TRUE(QuoteExtractor::NounCueCandidate(CriticismDoc(), 1));
  EXPECT_FALSE(QuoteExtractor::NounCueCandidate(CriticismDoc(), 3));
  // Without a cue model the lexicon alone finds nothing here.
  q->Extract(&cast);
  EXPECT_TRUE(cast.quotes.empty());
  auto m = std::make_shared<CueModel>();
  ASSERT_TRUE(CueModel::Train(Examples(), 5, 1, m.get()).ok());
  q->SetCueModel(m);
  q->Extract(&cast);
  ASSERT_EQ(cast.quotes.size(), 1u);
  EXPECT_EQ(Text(cast, cast.quotes[0].cue_span), "cast");
  EXPECT_EQ(Text(cast, cast.quotes[0].speaker_span), "Clinton");
  EXPECT_EQ(cast.quotes[0].cue_class, "act");
  Document ate = AteDoc();
  q->Extract(&ate);
  EXPECT_TRUE(ate.quotes.empty());
  Document crit = CriticismDoc();
  q->Extract(&crit);
  ASSERT_EQ(crit.quotes.size(), 1u);
  EXPECT_EQ(Text(crit, crit.quotes[0].cue_span), "criticism of");
  EXPECT_EQ(Text(crit, crit.quotes[0].span), "Clinton");
  EXPECT_EQ(Text(crit, crit.quotes[0].speaker_span), "his");
  Document roof = RoofDoc();
  q->Extract(&roof);
  EXPECT_TRUE(roof.quotes.empty());
}

// A sentence whose verb (token 1) heads a clause of the clause layer, with
// an agent (token 0) and either a clausal complement whose own subject is
// token 2 (tokens 2 to the end but the full stop) or an object (token 2 on).
Document WithClause(const std::string& text,
                    const std::vector<std::string>& tags,
                    const std::string& lemma, bool complement) {
  Document doc = Tagged(text, tags);
  const int n = static_cast<int>(doc.tokens.size());
  auto span = [&](int b, int e) {
    return Span{doc.tokens[b].begin, doc.tokens[e - 1].end};
  };
  Clause cl;
  cl.predicate = 1;
  cl.predicate_span = span(1, 2);
  cl.lemma = lemma;
  cl.kind = "verb";
  cl.voice = "active";
  cl.sentence = doc.sentences[0].span;
  ClauseArgument agent;
  agent.role = "agent";
  agent.head = 0;
  agent.span = span(0, 1);
  cl.arguments.push_back(agent);
  ClauseArgument arg;
  arg.role = complement ? "complement" : "patient";
  arg.head = 2;
  arg.span = span(2, n - 1);
  if (complement) arg.clause = 1;
  cl.arguments.push_back(arg);
  doc.clauses.push_back(cl);
  if (complement) {
    Clause inner;
    inner.predicate = static_cast<uint32_t>(n - 2);
    inner.lemma = "x";
    inner.kind = "verb";
    inner.sentence = cl.sentence;
    inner.parent = 0;
    ClauseArgument subject;
    subject.role = "agent";
    subject.head = 2;
    subject.span = span(2, 3);
    inner.arguments.push_back(subject);
    doc.clauses.push_back(inner);
  }
  return doc;
}

// The clause layer tells a verb that takes a clause from one that takes an
// object: a verb the model never saw, in words it never saw, is a cue when
// it heads a clause with a clausal complement.
TEST(CueModelTest, LearnsFromTheClauseLayer) {
  std::vector<std::pair<std::vector<uint64_t>, bool>> ex;
  auto add = [&](const Document& doc, bool cue) {
    std::vector<uint64_t> f;
    CueModel::Features(doc, 1, 0, static_cast<int>(doc.tokens.size()), &f);
    ex.emplace_back(std::move(f), cue);
  };
  add(WithClause("Aides whispered voters would leave .",
                 {"NNS", "VBD", "NNS", "MD", "VB", "."}, "whisper", true),
      true);
  add(WithClause("Farmers grumbled prices had fallen .",
                 {"NNS", "VBD", "NNS", "VBD", "VBN", "."}, "grumble", true),
      true);
  add(WithClause("Aides carried boxes upstairs yesterday .",
                 {"NNS", "VBD", "NNS", "RB", "NN", "."}, "carry", false),
      false);
  add(WithClause("Farmers planted seeds early today .",
                 {"NNS", "VBD", "NNS", "RB", "NN", "."}, "plant", false),
      false);
  CueModel m;
  ASSERT_TRUE(CueModel::Train(ex, 10, 1, &m).ok());
  auto score = [&](const Document& doc) {
    std::vector<uint64_t> f;
    CueModel::Features(doc, 1, 0, static_cast<int>(doc.tokens.size()), &f);
    return m.Score(f);
  };
  Document murmured =
      WithClause("Officials murmured taxes will rise .",
                 {"NNS", "VBD", "NNS", "MD", "VB", "."}, "murmur", true);
  Document lifted =
      WithClause("Officials lifted taxes again now .",
                 {"NNS", "VBD", "NNS", "RB", "RB", "."}, "lift", false);
  EXPECT_GT(score(murmured), score(lifted));
  EXPECT_GT(score(murmured), 0);
  // Without the clause layer there are only the word features.
  std::vector<uint64_t> with, without;
  CueModel::Features(lifted, 1, 0, 6, &with);
  lifted.clauses.clear();
  CueModel::Features(lifted, 1, 0, 6, &without);
  EXPECT_GT(with.size(), without.size());
}

}  // namespace
}  // namespace dateline

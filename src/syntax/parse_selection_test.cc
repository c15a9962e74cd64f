#include "syntax/parse_selection.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dateline/pipeline.h"

namespace dateline {
namespace {

// A document of tagged sentences: each word with its Penn tag, the words
// joined by spaces, one sentence after the other.
using TaggedSentence = std::vector<std::pair<std::string, std::string>>;

Document Tagged(const std::vector<TaggedSentence>& sentences) {
  Document doc;
  for (const TaggedSentence& s : sentences) {
    SentenceSpan span;
    span.token_begin = static_cast<uint32_t>(doc.tokens.size());
    span.span.begin = static_cast<uint32_t>(doc.text.size());
    for (const auto& [word, tag] : s) {
      if (!doc.text.empty()) doc.text += ' ';
      const auto b = static_cast<uint32_t>(doc.text.size());
      doc.text += word;
      doc.tokens.push_back({b, static_cast<uint32_t>(doc.text.size())});
      doc.pos.push_back(tag);
    }
    span.token_end = static_cast<uint32_t>(doc.tokens.size());
    span.span.end = static_cast<uint32_t>(doc.text.size());
    doc.sentences.push_back(span);
  }
  return doc;
}

std::vector<uint8_t> Selected(const std::vector<TaggedSentence>& sentences) {
  return SentencesToParse(Tagged(sentences));
}

TEST(ParseSelectionTest, ASentenceWithACueIsParsed) {
  EXPECT_EQ(
      Selected(
          {{{"Lavrov", "NNP"}, {"said", "VBD"}, {"so", "RB"}, {".", "."}}}),
      std::vector<uint8_t>{1});
}

TEST(ParseSelectionTest, AVerblessSentenceWithTwoActorsAndAnEventNounIsParsed) {
  // "Iran's attack on Israel": a nominal predicate with its agent and
  // patient, no verb.
  EXPECT_EQ(Selected({{{"Iran", "NNP"},
                       {"'s", "POS"},
                       {"attack", "NN"},
                       {"on", "IN"},
                       {"Israel", "NNP"}}}),
            std::vector<uint8_t>{1});
  // "US criticism": a capitalised modifier names whose act it is.
  EXPECT_EQ(Selected({{{"Sharp", "JJ"}, {"US", "NNP"}, {"criticism", "NN"}}}),
            std::vector<uint8_t>{1});
}

TEST(ParseSelectionTest, ASentenceWithNeitherIsNotParsed) {
  EXPECT_EQ(Selected({{{"Advertisement", "NN"}},
                      {{"12", "CD"}, {"March", "NNP"}, {"2024", "CD"}},
                      // Names alone: no word that could head a clause.
                      {{"Moscow", "NNP"},
                       {",", ","},
                       {"Kyiv", "NNP"},
                       {"and", "CC"},
                       {"Minsk", "NNP"},
                       {".", "."}}}),
            (std::vector<uint8_t>{0, 0, 0}));
}

TEST(ParseSelectionTest, PronounsAndCopulasWhateverTheirTagAreParsed) {
  // A pronoun may be an actor the events stage resolves.
  EXPECT_EQ(Selected({{{"Him", "PRP"}, {"again", "RB"}, {".", "."}}}),
            std::vector<uint8_t>{1});
  // A form of "be" the tagger did not call a verb may still be a copula.
  EXPECT_EQ(Selected({{{"Tehran", "NNP"}, {"'s", "POS"}, {"next", "JJ"}}}),
            std::vector<uint8_t>{1});
  EXPECT_EQ(Selected({{{"Maybe", "RB"}, {"was", "NN"}}}),
            std::vector<uint8_t>{1});
}

TEST(ParseSelectionTest, TheSentenceAfterOneEndingOnAWordIsParsed) {
  // The events stage reads the relation of the token after a predicate
  // ("lashed out" + "at"): after a parsed sentence ending on a word, the
  // next one is parsed; after one ending on punctuation it is not.
  EXPECT_EQ(
      Selected({{{"Officials", "NNS"}, {"lashed", "VBD"}}, {{"again", "RB"}}}),
      (std::vector<uint8_t>{1, 1}));
  EXPECT_EQ(Selected({{{"Officials", "NNS"}, {"lashed", "VBD"}, {".", "."}},
                      {{"again", "RB"}}}),
            (std::vector<uint8_t>{1, 0}));
}

TEST(ParseSelectionTest, WithoutATagForEveryTokenEverySentenceIsParsed) {
  Document doc = Tagged({{{"Advertisement", "NN"}}, {{"Reuters", "NNP"}}});
  doc.pos.pop_back();
  EXPECT_EQ(SentencesToParse(doc), (std::vector<uint8_t>{1, 1}));
}

// Through the pipeline, with the project's models: the default leaves the
// sentences that can hold no clause unparsed, full_parse parses them, and
// the clause layer is the same either way.
TEST(ParseSelectionTest, ThePipelineParsesEverySentenceOnlyWhenAskedTo) {
  const char* kText =
      "Advertisement\n\nMOSCOW (Reuters) - Russian President Vladimir Putin "
      "accepted North Korea's invitation to visit Pyongyang, the Kremlin "
      "said on Thursday.\n\nMoscow, Kyiv and Minsk.\n\nLavrov will travel "
      "there in October.\n";
  auto run = [&](bool full_parse) {
    PipelineOptions options("clauses", "");
    options.full_parse = full_parse;
    std::unique_ptr<Pipeline> p;
    Status s = Pipeline::Create(options, &p);
    EXPECT_TRUE(s.ok()) << s.ToString();
    Document doc;
    doc.text = kText;
    if (p != nullptr) p->AnalyseText(&doc);
    return doc;
  };
  const Document some = run(false), all = run(true);
  ASSERT_TRUE(some.error.empty()) << some.error;
  ASSERT_EQ(some.tokens.size(), all.tokens.size());
  ASSERT_EQ(some.deprels.size(), some.tokens.size());
  ASSERT_EQ(all.deprels.size(), all.tokens.size());
  auto word = [&](size_t t) {
    return some.text.substr(some.tokens[t].begin,
                            some.tokens[t].end - some.tokens[t].begin);
  };
  size_t unparsed = 0;
  for (size_t t = 0; t < some.tokens.size(); ++t) {
    EXPECT_NE(all.deprels[t], kUnparsedRelation) << word(t);
    if (some.deprels[t] == kUnparsedRelation) {
      ++unparsed;
      EXPECT_EQ(some.heads[t], -1) << word(t);
      EXPECT_TRUE(word(t) == "Advertisement" || word(t) == "Moscow" ||
                  word(t) == "Kyiv" || word(t) == "and" || word(t) == "Minsk" ||
                  word(t) == "," || word(t) == "." || word(t) == "MOSCOW" ||
                  word(t) == "(" || word(t) == "Reuters" || word(t) == ")" ||
                  word(t) == "-")
          << word(t);
    } else {
      EXPECT_EQ(some.heads[t], all.heads[t]) << word(t);
      EXPECT_EQ(some.deprels[t], all.deprels[t]) << word(t);
    }
  }
  // "Advertisement", the dateline "MOSCOW (Reuters) -" (a sentence of its
  // own) and "Moscow, Kyiv and Minsk."
  EXPECT_EQ(unparsed, 12u);
  JsonOptions clauses;
  clauses.clauses = true;
  EXPECT_FALSE(some.clauses.empty());
  EXPECT_EQ(ToJsonLine(some, clauses), ToJsonLine(all, clauses));
}

// A pipeline that stops at the parse gives every sentence its tree, whatever
// full_parse says: the tree is what it is run for.
TEST(ParseSelectionTest, APipelineEndingAtTheParseParsesEverySentence) {
  std::unique_ptr<Pipeline> p;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions("parse", ""), &p).ok());
  Document doc;
  doc.text = "Advertisement\n\nMoscow, Kyiv and Minsk.\n";
  p->AnalyseText(&doc);
  ASSERT_TRUE(doc.error.empty()) << doc.error;
  ASSERT_EQ(doc.deprels.size(), doc.tokens.size());
  ASSERT_FALSE(doc.tokens.empty());
  for (const std::string& rel : doc.deprels) EXPECT_NE(rel, kUnparsedRelation);
}

}  // namespace
}  // namespace dateline

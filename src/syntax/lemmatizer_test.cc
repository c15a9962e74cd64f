#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "syntax/clauses.h"

namespace dateline {
namespace {

// A treebank of (form, XPOS, lemma) words, one sentence.
std::vector<ConlluSentence> Treebank(
    const std::vector<std::vector<const char*>>& words) {
  ConlluSentence s;
  for (const auto& w : words) {
    ConlluWord cw;
    cw.form = w[0];
    cw.xpos = w[1];
    cw.lemma = w[2];
    s.words.push_back(cw);
  }
  return {s};
}

TEST(LemmatizerTest, LearnsSuffixRulesAndListsWhatTheyGetWrong) {
  Lemmatizer lem = Lemmatizer::Train(Treebank({{"imposed", "VBN", "impose"},
                                               {"proposed", "VBD", "propose"},
                                               {"opposed", "VBD", "oppose"},
                                               {"walked", "VBD", "walk"},
                                               {"talked", "VBD", "talk"},
                                               {"went", "VBD", "go"},
                                               {"cities", "NNS", "city"},
                                               {"parties", "NNS", "party"},
                                               {"Talks", "NNS", "talk"},
                                               {"banks", "NNS", "bank"}}));
  // Unseen forms by the rule of their longest learnt suffix.
  EXPECT_EQ(lem.Lemma("exposed", "VBN"), "expose");
  EXPECT_EQ(lem.Lemma("balked", "VBD"), "balk");
  EXPECT_EQ(lem.Lemma("armies", "NNS"), "army");
  EXPECT_EQ(lem.Lemma("Tanks", "NNS"), "tank");
  // A form the rules get wrong is listed.
  EXPECT_EQ(lem.Lemma("went", "VBD"), "go");
  // Singular nouns and other tags are not its business.
  EXPECT_EQ(lem.Lemma("talks", "NN"), "");
  EXPECT_EQ(lem.Lemma("quickly", "RB"), "");
}

TEST(LemmatizerTest, SavedTableLoadsTheSameAndBadLinesAreRefused) {
  Lemmatizer lem = Lemmatizer::Train(Treebank({{"imposed", "VBN", "impose"},
                                               {"proposed", "VBD", "propose"},
                                               {"walks", "VBZ", "walk"},
                                               {"talks", "VBZ", "talk"},
                                               {"went", "VBD", "go"}}));
  const std::string path = ::testing::TempDir() + "/lemmas.model";
  {
    std::ofstream out(path, std::ios::binary);
    out << lem.Serialize("test table\nsecond line");
  }
  Lemmatizer back;
  ASSERT_TRUE(back.Load(path).ok());
  EXPECT_EQ(back.rules(), lem.rules());
  EXPECT_EQ(back.forms(), lem.forms());
  for (const char* w : {"exposed", "balks", "went", "sits"}) {
    EXPECT_EQ(back.Lemma(w, "VBD"), lem.Lemma(w, "VBD")) << w;
  }
  // The same data give the same file.
  EXPECT_EQ(lem.Serialize("h"),
            Lemmatizer::Train(Treebank({{"imposed", "VBN", "impose"},
                                        {"proposed", "VBD", "propose"},
                                        {"walks", "VBZ", "walk"},
                                        {"talks", "VBZ", "talk"},
                                        {"went", "VBD", "go"}}))
                .Serialize("h"));
  {
    std::ofstream out(path, std::ios::binary);
    out << "rule\tV\ted\tnine\t\n";
  }
  Status s = back.Load(path);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("line 1"), std::string::npos);
  EXPECT_TRUE(back.Load(path + ".missing").IsIOError());
  std::remove(path.c_str());
}

// The committed table (data/models/lemmas.model, UD English-EWT train) on
// the forms the clause layer's own rules clip ("imposes" -> "impos").
TEST(LemmatizerTest, CommittedTableGivesBaseForms) {
  Lemmatizer lem;
  ASSERT_TRUE(
      lem.Load(std::string(DATELINE_SOURCE_DIR) + "/data/models/lemmas.model")
          .ok());
  const std::vector<std::vector<const char*>> cases = {
      {"imposes", "VBZ", "impose"},    {"opposes", "VBZ", "oppose"},
      {"negotiated", "VBN", "negotiate"}, {"required", "VBD", "require"},
      {"died", "VBD", "die"},          {"met", "VBD", "meet"},
      {"accused", "VBN", "accuse"},    {"said", "VBD", "say"},
      {"talks", "NNS", "talk"},        {"cases", "NNS", "case"},
      {"sanctions", "NNS", "sanction"}};
  for (const auto& c : cases) {
    EXPECT_EQ(lem.Lemma(c[0], c[1]), c[2]) << c[0];
    EXPECT_EQ(ClauseLemma(c[0], c[1], &lem), c[2]) << c[0];
  }
  // Contractions stay the clause layer's rules.
  EXPECT_EQ(ClauseLemma("'s", "VBZ", &lem), "be");
  EXPECT_EQ(ClauseLemma("n't", "RB", &lem), "not");
}

// A rule's lemma that is no word gives way to a candidate that is one
// ("resumed": the "-med" rule of "aimed", "claimed" cuts two letters).
TEST(LemmatizerTest, KnownWordsOverruleALemmaThatIsNoWord) {
  Lemmatizer lem;
  ASSERT_TRUE(lem.Parse("rule\tV\tmed\t2\t\n"
                        "rule\tN\ts\t1\t\n",
                        "table")
                  .ok());
  EXPECT_EQ(lem.Lemma("resumed", "VBD"), "resum");  // the rule alone
  const WordList words({"resume", "aim", "resumed", "potato"});
  lem.set_known_words(&words);
  EXPECT_EQ(lem.Lemma("resumed", "VBD"), "resume");
  EXPECT_EQ(lem.Lemma("Aimed", "VBD"), "aim");  // the rule's word stands
  EXPECT_EQ(lem.Lemma("potatoes", "NNS"), "potato");
  // No candidate is a word: the rule's lemma, not the form.
  EXPECT_EQ(lem.Lemma("zorbmed", "VBD"), "zorbm");
  const WordList none;
  lem.set_known_words(&none);
  EXPECT_EQ(lem.Lemma("resumed", "VBD"), "resum");
}

}  // namespace
}  // namespace dateline

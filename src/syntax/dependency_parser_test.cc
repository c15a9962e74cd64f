#include "syntax/dependency_parser.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "syntax/conllu.h"
#include "syntax/parser_corpus.h"

namespace dateline {
namespace {

// Checks what every parse must be: heads inside the sentence, exactly one
// root, no cycle, labels in range.
void ExpectTree(const DependencyParser& parser, const DependencyTree& tree,
                size_t n) {
  ASSERT_EQ(tree.heads.size(), n);
  ASSERT_EQ(tree.labels.size(), n);
  int roots = 0;
  for (size_t i = 0; i < n; ++i) {
    ASSERT_GE(tree.heads[i], -1);
    ASSERT_LT(tree.heads[i], static_cast<int>(n));
    ASSERT_NE(tree.heads[i], static_cast<int>(i));
    ASSERT_GE(tree.labels[i], 0);
    ASSERT_LT(tree.labels[i], static_cast<int>(parser.labels().size()));
    roots += tree.heads[i] < 0;
    // Following heads reaches the root within n steps.
    int at = static_cast<int>(i);
    size_t steps = 0;
    while (at >= 0 && steps <= n) {
      at = tree.heads[at];
      ++steps;
    }
    ASSERT_LE(steps, n) << "cycle through word " << i;
  }
  if (n > 0) {
    EXPECT_EQ(roots, 1);
  }
}

ParserExample Example(const std::string& words, const std::string& tags,
                      std::vector<int> heads, const std::string& labels) {
  ParserExample ex;
  std::istringstream w(words), t(tags), l(labels);
  std::string x;
  while (w >> x) ex.words.push_back(x);
  while (t >> x) ex.tags.push_back(x);
  while (l >> x) ex.labels.push_back(x);
  ex.heads = std::move(heads);
  return ex;
}

// A tiny treebank of simple clauses the parser must learn exactly.
std::vector<ParserExample> TinyTreebank() {
  std::vector<ParserExample> out;
  const char* subjects[] = {"Putin", "Kim", "Lavrov", "Peskov", "Biden"};
  const char* verbs[] = {"accepted", "visited", "praised", "met", "accused"};
  const char* objects[] = {"Moscow", "Pyongyang", "Kim", "Seoul", "Tokyo"};
  for (const char* s : subjects) {
    for (const char* v : verbs) {
      for (const char* o : objects) {
        out.push_back(Example(std::string(s) + " " + v + " " + o + " .",
                              "NNP VBD NNP .", {1, -1, 1, 1},
                              "nsubj root obj punct"));
        out.push_back(Example(std::string("the ") + s + " " + v + " " + o +
                                  " in October .",
                              "DT NNP VBD NNP IN NNP .", {1, 2, -1, 2, 5, 2, 2},
                              "det nsubj root obj case obl punct"));
      }
    }
  }
  return out;
}

DependencyParser TrainTiny() {
  ParserTrainOptions opt;
  opt.epochs = 5;
  DependencyParser parser;
  EXPECT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &parser).ok());
  return parser;
}

TEST(DependencyParserTest, LearnsATinyTreebank) {
  DependencyParser parser = TrainTiny();
  ASSERT_TRUE(parser.trained());
  DependencyTree tree;
  parser.Parse({"the", "Kim", "praised", "Tokyo", "in", "October", "."},
               {"DT", "NNP", "VBD", "NNP", "IN", "NNP", "."}, &tree);
  ExpectTree(parser, tree, 7);
  EXPECT_EQ(tree.heads, (std::vector<int>{1, 2, -1, 2, 5, 2, 2}));
  EXPECT_EQ(parser.labels()[tree.labels[1]], "nsubj");
  EXPECT_EQ(parser.labels()[tree.labels[3]], "obj");
  EXPECT_EQ(parser.labels()[tree.labels[5]], "obl");
}

TEST(DependencyParserTest, TrainingIsDeterministic) {
  DependencyParser a = TrainTiny(), b = TrainTiny();
  const std::string pa = ::testing::TempDir() + "/a.model";
  const std::string pb = ::testing::TempDir() + "/b.model";
  ASSERT_TRUE(a.Save(pa).ok());
  ASSERT_TRUE(b.Save(pb).ok());
  std::ifstream fa(pa, std::ios::binary), fb(pb, std::ios::binary);
  std::string da((std::istreambuf_iterator<char>(fa)), {});
  std::string db((std::istreambuf_iterator<char>(fb)), {});
  EXPECT_FALSE(da.empty());
  EXPECT_EQ(da, db);
}

TEST(DependencyParserTest, SaveLoadGivesTheSameParses) {
  DependencyParser parser = TrainTiny();
  parser.AddInfo("made_by", "test");
  const std::string path = ::testing::TempDir() + "/parser.model";
  ASSERT_TRUE(parser.Save(path).ok());
  DependencyParser loaded;
  ASSERT_TRUE(loaded.Load(path).ok());
  EXPECT_EQ(loaded.labels(), parser.labels());
  ASSERT_EQ(loaded.info().size(), parser.info().size());
  for (const ParserExample& ex : TinyTreebank()) {
    std::vector<std::string_view> w(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> t(ex.tags.begin(), ex.tags.end());
    DependencyTree x, y;
    parser.Parse(w, t, &x);
    loaded.Parse(w, t, &y);
    EXPECT_EQ(x.heads, y.heads);
    EXPECT_EQ(x.labels, y.labels);
  }
}

TEST(DependencyParserTest, AnyInputGivesATree) {
  DependencyParser parser = TrainTiny();
  std::mt19937 rng(7);
  const std::vector<std::string> vocab = {"the", "Kim", ".", ",", "met", "in",
                                          "", "\xff", "October", "and"};
  const std::vector<std::string> tagset = {"DT", "NNP", ".", ",", "VBD",
                                           "IN", "",  "XX", "NN"};
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = rng() % 40;
    std::vector<std::string_view> w, t;
    for (size_t i = 0; i < n; ++i) {
      w.push_back(vocab[rng() % vocab.size()]);
      if (rng() % 10) t.push_back(tagset[rng() % tagset.size()]);
    }
    DependencyTree tree;
    parser.Parse(w, t, &tree);
    ExpectTree(parser, tree, n);
  }
}

TEST(DependencyParserTest, LongSentenceIsCutIntoPieces) {
  DependencyParser parser = TrainTiny();
  std::vector<std::string_view> w, t;
  for (int i = 0; i < 5000; ++i) {
    w.push_back(i % 2 ? "," : "Kim");
    t.push_back(i % 2 ? "," : "NNP");
  }
  DependencyTree tree;
  parser.Parse(w, t, &tree);
  ExpectTree(parser, tree, w.size());
  // No arc crosses a piece boundary except the pieces' roots.
  for (size_t i = 0; i < w.size(); ++i) {
    const int h = tree.heads[i];
    if (h < 0) continue;
    const size_t piece = i / DependencyParser::kMaxSentenceTokens;
    if (static_cast<size_t>(h) / DependencyParser::kMaxSentenceTokens !=
        piece) {
      EXPECT_EQ(parser.labels()[tree.labels[i]], "parataxis");
    }
  }
}

// A possessor is never a verb's object in UD: the committed model hangs
// "Kim" on "accepted" before it reads the "'s" (the seed's lead sentence);
// Parse mends it to the nmod:poss of "invitation", which becomes the obj.
TEST(DependencyParserTest, APossessorIsNoObjectOfTheVerb) {
  DependencyParser parser;
  ASSERT_TRUE(
      parser.Load(DATELINE_SOURCE_DIR "/data/models/parser.model").ok());
  const std::vector<std::string_view> w = {
      "Russian", "President", "Vladimir", "Putin",  "accepted", "Kim",
      "Jong",    "Un",        "'s",       "invitation", "to",   "visit",
      "North",   "Korea",     "."};
  const std::vector<std::string_view> t = {
      "JJ", "NNP", "NNP", "NNP", "VBD", "NNP", "NNP", "NNP",
      "POS", "NN", "TO", "VB", "NNP", "NNP", "."};
  DependencyTree tree;
  parser.Parse(w, t, &tree);
  ExpectTree(parser, tree, w.size());
  const auto& l = parser.labels();
  EXPECT_EQ(tree.heads[5], 9);
  EXPECT_EQ(l[tree.labels[5]], "nmod:poss");
  EXPECT_EQ(tree.heads[9], 4);
  EXPECT_EQ(l[tree.labels[9]], "obj");
  EXPECT_EQ(tree.heads[8], 5);
  EXPECT_EQ(l[tree.labels[8]], "case");
}

TEST(DependencyParserTest, UntrainedParserStillGivesATree) {
  DependencyParser parser;
  DependencyTree tree;
  parser.Parse({"a", "b"}, {"DT", "NN"}, &tree);
  EXPECT_EQ(tree.heads.size(), 2u);
  parser.Parse({}, {}, &tree);
  EXPECT_TRUE(tree.heads.empty());
}

TEST(DependencyParserTest, BadModelsAreCorruption) {
  DependencyParser parser = TrainTiny();
  const std::string path = ::testing::TempDir() + "/good.model";
  ASSERT_TRUE(parser.Save(path).ok());
  std::ifstream f(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(f)), {});
  DependencyParser p;
  EXPECT_TRUE(p.Parse(data, "good").ok());
  for (size_t cut : {size_t{0}, size_t{10}, data.size() / 2, data.size() - 1}) {
    Status s = p.Parse(std::string_view(data).substr(0, cut), "cut");
    EXPECT_TRUE(s.IsCorruption()) << cut << ": " << s.ToString();
  }
  EXPECT_TRUE(p.Parse("not a model\n", "x").IsCorruption());
  EXPECT_TRUE(p.Load(::testing::TempDir() + "/missing.model").IsIOError());
}

DependencyParser TrainTinyBeam(int beam_from) {
  ParserTrainOptions opt;
  opt.epochs = 5;
  opt.beam = 4;
  opt.beam_from = beam_from;
  DependencyParser parser;
  EXPECT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &parser).ok());
  return parser;
}

std::string FileBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

TEST(DependencyParserTest, BeamTrainedParserLearnsATinyTreebank) {
  // Global training from the first epoch, and after a greedy first epoch.
  for (int beam_from : {1, 2}) {
    DependencyParser parser = TrainTinyBeam(beam_from);
    ASSERT_TRUE(parser.trained());
    EXPECT_EQ(parser.beam(), 4);
    DependencyTree tree;
    parser.Parse({"the", "Kim", "praised", "Tokyo", "in", "October", "."},
                 {"DT", "NNP", "VBD", "NNP", "IN", "NNP", "."}, &tree);
    ExpectTree(parser, tree, 7);
    EXPECT_EQ(tree.heads, (std::vector<int>{1, 2, -1, 2, 5, 2, 2}));
    EXPECT_EQ(parser.labels()[tree.labels[1]], "nsubj");
    EXPECT_EQ(parser.labels()[tree.labels[3]], "obj");
    EXPECT_EQ(parser.labels()[tree.labels[5]], "obl");
  }
}

TEST(DependencyParserTest, BeamTrainingIsDeterministic) {
  const std::string pa = ::testing::TempDir() + "/beam_a.model";
  const std::string pb = ::testing::TempDir() + "/beam_b.model";
  ASSERT_TRUE(TrainTinyBeam(2).Save(pa).ok());
  ASSERT_TRUE(TrainTinyBeam(2).Save(pb).ok());
  const std::string da = FileBytes(pa), db = FileBytes(pb);
  EXPECT_FALSE(da.empty());
  EXPECT_EQ(da, db);
}

TEST(DependencyParserTest, BeamWidthIsSavedAndGreedyFilesStayAsBefore) {
  DependencyParser beam = TrainTinyBeam(2);
  const std::string path = ::testing::TempDir() + "/beam.model";
  ASSERT_TRUE(beam.Save(path).ok());
  const std::string data = FileBytes(path);
  EXPECT_NE(data.find("\nbeam\t4\n"), std::string::npos);
  DependencyParser loaded;
  ASSERT_TRUE(loaded.Load(path).ok());
  EXPECT_EQ(loaded.beam(), 4);
  for (const ParserExample& ex : TinyTreebank()) {
    std::vector<std::string_view> w(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> t(ex.tags.begin(), ex.tags.end());
    DependencyTree x, y;
    beam.Parse(w, t, &x);
    loaded.Parse(w, t, &y);
    EXPECT_EQ(x.heads, y.heads);
    EXPECT_EQ(x.labels, y.labels);
  }
  // A greedy model's file has no beam line (models written before the beam
  // load as they did), and a bad width is refused.
  const std::string greedy_path = ::testing::TempDir() + "/greedy.model";
  ASSERT_TRUE(TrainTiny().Save(greedy_path).ok());
  const std::string greedy = FileBytes(greedy_path);
  EXPECT_EQ(greedy.find("\nbeam\t"), std::string::npos);
  ASSERT_TRUE(loaded.Load(greedy_path).ok());
  EXPECT_EQ(loaded.beam(), 1);
  std::string bad = data;
  bad.replace(bad.find("\nbeam\t4\n"), 8, "\nbeam\t0\n");
  EXPECT_TRUE(loaded.Parse(bad, "bad").IsCorruption());
}

TEST(DependencyParserTest, BeamParserGivesATreeForAnyInput) {
  DependencyParser parser = TrainTinyBeam(2);
  std::mt19937 rng(11);
  const std::vector<std::string> vocab = {"the", "Kim", ".", ",", "met", "in",
                                          "", "\xff", "October", "and"};
  const std::vector<std::string> tagset = {"DT", "NNP", ".", ",", "VBD",
                                           "IN", "",  "XX", "NN"};
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = rng() % 40;
    std::vector<std::string_view> w, t;
    for (size_t i = 0; i < n; ++i) {
      w.push_back(vocab[rng() % vocab.size()]);
      if (rng() % 10) t.push_back(tagset[rng() % tagset.size()]);
    }
    DependencyTree tree;
    parser.Parse(w, t, &tree);
    ExpectTree(parser, tree, n);
  }
  // A long sentence is still cut into pieces.
  std::vector<std::string_view> w, t;
  for (int i = 0; i < 1000; ++i) {
    w.push_back(i % 2 ? "," : "Kim");
    t.push_back(i % 2 ? "," : "NNP");
  }
  DependencyTree tree;
  parser.Parse(w, t, &tree);
  ExpectTree(parser, tree, w.size());
}

TEST(DependencyParserTest, FeatureSetV3IsSavedAndLearnsATinyTreebank) {
  ParserTrainOptions opt;
  opt.epochs = 5;
  opt.feature_version = 3;
  DependencyParser parser;
  ASSERT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &parser).ok());
  const std::string path = ::testing::TempDir() + "/v3.model";
  ASSERT_TRUE(parser.Save(path).ok());
  const std::string data = FileBytes(path);
  EXPECT_NE(data.find("\nfeature_set\tarc-eager-v3\n"), std::string::npos);
  DependencyParser loaded;
  ASSERT_TRUE(loaded.Load(path).ok());
  for (const ParserExample& ex : TinyTreebank()) {
    std::vector<std::string_view> w(ex.words.begin(), ex.words.end());
    std::vector<std::string_view> t(ex.tags.begin(), ex.tags.end());
    DependencyTree x;
    loaded.Parse(w, t, &x);
    EXPECT_EQ(x.heads, ex.heads);
  }
  // A v2 model (the default) still says v2.
  const std::string v2_path = ::testing::TempDir() + "/v2.model";
  ASSERT_TRUE(TrainTiny().Save(v2_path).ok());
  EXPECT_NE(FileBytes(v2_path).find("\nfeature_set\tarc-eager-v2\n"),
            std::string::npos);
}

std::string ModelBytes(const DependencyParser& parser, const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name;
  EXPECT_TRUE(parser.Save(path).ok());
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

// Uptraining data: sentences of a construction the tiny treebank lacks (a
// passive with a by-agent), as a stronger parser would have parsed them.
std::vector<ParserExample> AutoParsedPassives() {
  std::vector<ParserExample> out;
  const char* objects[] = {"Moscow", "Pyongyang", "Kim", "Seoul", "Tokyo"};
  const char* agents[] = {"Putin", "Kim", "Lavrov", "Peskov", "Biden"};
  for (const char* o : objects) {
    for (const char* a : agents) {
      out.push_back(Example(std::string(o) + " was visited by " + a + " .",
                            "NNP VBD VBN IN NNP .", {2, 2, -1, 4, 2, 2},
                            "nsubj:pass aux:pass root case obl:agent punct"));
    }
  }
  return out;
}

TEST(DependencyParserTest, NoExtraDataTrainsAsBefore) {
  // An empty pool, or a pool with none taken an epoch, leaves the treebank's
  // order and exploration draws alone: the same weights as without it.
  const std::vector<ParserExample> extra = AutoParsedPassives();
  ParserTrainOptions opt;
  opt.epochs = 5;
  opt.extra = &extra;
  opt.extra_per_epoch = 0;
  DependencyParser with_pool;
  ASSERT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &with_pool).ok());
  const std::vector<ParserExample> none;
  opt.extra = &none;
  opt.extra_per_epoch = 10;
  DependencyParser empty_pool;
  ASSERT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &empty_pool).ok());
  const std::string plain = ModelBytes(TrainTiny(), "plain.model");
  EXPECT_EQ(ModelBytes(with_pool, "pool.model"), plain);
  EXPECT_EQ(ModelBytes(empty_pool, "empty.model"), plain);
}

TEST(DependencyParserTest, LearnsFromExtraAutoParsedSentences) {
  const std::vector<ParserExample> extra = AutoParsedPassives();
  ParserTrainOptions opt;
  opt.epochs = 5;
  opt.extra = &extra;
  opt.extra_per_epoch = 10;  // 50 of the 25-sentence pool over 5 epochs
  DependencyParser parser;
  ASSERT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &parser).ok());
  // A passive neither the treebank nor the pool holds (the pool's verb is
  // "visited").
  const std::vector<std::string_view> words = {"Seoul", "was", "praised",
                                               "by", "Lavrov", "."};
  const std::vector<std::string_view> tags = {"NNP", "VBD", "VBN",
                                              "IN", "NNP", "."};
  DependencyTree tree;
  parser.Parse(words, tags, &tree);
  ExpectTree(parser, tree, 6);
  EXPECT_EQ(tree.heads, (std::vector<int>{2, 2, -1, 4, 2, 2}));
  EXPECT_EQ(parser.labels()[tree.labels[0]], "nsubj:pass");
  EXPECT_EQ(parser.labels()[tree.labels[4]], "obl:agent");
  // The treebank alone has no such labels to give.
  const DependencyParser plain = TrainTiny();
  for (const std::string& l : plain.labels()) EXPECT_NE(l, "obl:agent");
  // And the mixing is deterministic.
  DependencyParser again;
  ASSERT_TRUE(TrainDependencyParser(TinyTreebank(), opt, &again).ok());
  EXPECT_EQ(ModelBytes(parser, "up_a.model"), ModelBytes(again, "up_b.model"));
}

TEST(ParserCorpusTest, AutoParsedSentencesKeepTheirTags) {
  // build/parse_news writes the pipeline's tags in XPOS: read as they are,
  // not re-tagged, and at most --extra-max sentences.
  const std::string path = ::testing::TempDir() + "/news.conllu";
  {
    std::ofstream out(path);
    out << "# source = a\n"
           "1\tU. S.\t_\t_\tNNP\t_\t2\tnsubj\t_\t_\n"
           "2\tsaid\t_\t_\tVBD\t_\t0\troot\t_\t_\n"
           "3\t\"\t_\t_\t\"\t_\t2\tpunct\t_\t_\n\n"
           "1\tHe\t_\t_\tPRP\t_\t2\tnsubj\t_\t_\n"
           "2\tleft\t_\t_\tVBD\t_\t0\troot\t_\t_\n\n";
  }
  std::vector<ParserExample> ex;
  ASSERT_TRUE(LoadAutoParsedExamples(path, 0, &ex).ok());
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].words, (std::vector<std::string>{"U. S.", "said", "\""}));
  EXPECT_EQ(ex[0].tags, (std::vector<std::string>{"NNP", "VBD", "\""}));
  EXPECT_EQ(ex[0].heads, (std::vector<int>{1, -1, 1}));
  EXPECT_EQ(ex[0].labels,
            (std::vector<std::string>{"nsubj", "root", "punct"}));
  ASSERT_TRUE(LoadAutoParsedExamples(path, 1, &ex).ok());
  EXPECT_EQ(ex.size(), 1u);
  EXPECT_FALSE(LoadAutoParsedExamples(path + ".missing", 0, &ex).ok());
}

TEST(ProjectivizeTest, LiftsCrossingArcs) {
  // Arcs 2->0, 2->1, 1->3: word 2 lies inside 1->3 without being dominated
  // by 1, so word 3 is lifted to its head's head, 2.
  std::vector<int> heads = {2, 2, -1, 1};
  EXPECT_EQ(Projectivize(&heads), 1);
  EXPECT_EQ(heads, (std::vector<int>{2, 2, -1, 2}));
  std::vector<int> proj = {1, -1, 1};
  EXPECT_EQ(Projectivize(&proj), 0);
}

TEST(ConlluTest, ReadsWordsAndSkipsRangesAndEmptyNodes) {
  const std::string text =
      "# sent_id = s1\n"
      "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n"
      "\n"
      "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";
  std::vector<ConlluSentence> s;
  ASSERT_TRUE(ParseConllu(text, "t", &s).ok());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].id, "s1");
  ASSERT_EQ(s[0].words.size(), 3u);
  EXPECT_EQ(s[0].words[1].form, "n't");
  EXPECT_EQ(s[0].words[1].head, 3);
  EXPECT_FALSE(s[0].words[2].space_after);
  EXPECT_EQ(s[1].words[0].deprel, "root");
}

TEST(ConlluTest, MalformedLinesAreCorruption) {
  std::vector<ConlluSentence> s;
  EXPECT_TRUE(ParseConllu("1\tword\n", "t", &s).IsCorruption());
  EXPECT_TRUE(
      ParseConllu("1\ta\ta\tX\tX\t_\tx\tdep\t_\t_\n", "t", &s).IsCorruption());
  EXPECT_TRUE(
      ParseConllu("1\ta\ta\tX\tX\t_\t5\tdep\t_\t_\n", "t", &s).IsCorruption());
  EXPECT_TRUE(ParseConllu("", "t", &s).ok());
  EXPECT_TRUE(s.empty());
}

TEST(AttachmentCounterTest, CountsUniversalRelations) {
  AttachmentCounter c;
  c.Add({2, 0, 2}, {"nsubj:pass", "root", "punct"}, {2, 0, 1},
        {"nsubj", "root", "punct"});
  EXPECT_EQ(c.words(), 3);
  EXPECT_NEAR(c.Uas(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(c.Las(), 200.0 / 3, 1e-9);   // nsubj:pass counts as nsubj
  EXPECT_NEAR(c.FullLas(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(c.RelationF1("nsubj"), 100.0, 1e-9);
  EXPECT_EQ(UniversalRelation("obl:agent"), "obl");
}

}  // namespace
}  // namespace dateline

#include "entities/tagger_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "entities/conll_corpus.h"

namespace dateline {
namespace {

// A small fictional news corpus: every name is invented.
std::vector<TaggedDocument> FictionalCorpus(int docs, int offset = 0) {
  const char* first[] = {"Zorblat", "Quenna", "Ardo",
                         "Melisk",  "Tovan",  "Irsa"};
  const char* last[] = {"Quenn", "Valdor", "Oskin", "Thrane", "Pellow", "Marr"};
  const char* places[] = {"Marovia", "Dunhollow", "Kestria", "Port Velin",
                          "Ostrava Nova"};
  const char* orgs[] = {"Velin Bank", "Kestrian Rail", "Omnibright",
                        "Dunhollow United"};
  std::vector<TaggedDocument> out;
  auto add = [](TaggedDocument* d, const std::string& text,
                const std::string& tags) {
    std::vector<std::string> w, t;
    size_t i = 0, j = 0;
    while (i < text.size()) {
      size_t a = text.find(' ', i), b = tags.find(' ', j);
      w.push_back(
          text.substr(i, a == std::string::npos ? std::string::npos : a - i));
      t.push_back(
          tags.substr(j, b == std::string::npos ? std::string::npos : b - j));
      if (a == std::string::npos) break;
      i = a + 1;
      j = b + 1;
    }
    d->words.push_back(w);
    d->labels.push_back(t);
  };
  for (int n = offset; n < offset + docs; ++n) {
    TaggedDocument d;
    std::string f = first[n % 6], l = last[(n / 6) % 6], p = places[n % 5],
                o = orgs[(n / 5) % 4];
    std::string ptags =
        std::string(p.find(' ') == std::string::npos ? "B-LOC" : "B-LOC I-LOC");
    std::string otags =
        std::string(o.find(' ') == std::string::npos ? "B-ORG" : "B-ORG I-ORG");
    add(&d, f + " " + l + " arrived in " + p + " on Tuesday .",
        "B-PER I-PER O O " + ptags + " O O O");
    add(&d, "The chief of " + o + " met " + l + " there .",
        "O O O " + otags + " O B-PER O O");
    add(&d, l + " said " + o + " would invest in " + p + " .",
        "B-PER O " + otags + " O O O " + ptags + " O");
    out.push_back(d);
  }
  return out;
}

TaggerDocument Views(const TaggedDocument& d) {
  TaggerDocument doc;
  for (const auto& s : d.words) doc.emplace_back(s.begin(), s.end());
  return doc;
}

double Accuracy(const SequenceTagger& m,
                const std::vector<TaggedDocument>& docs) {
  SpanCounter c;
  std::vector<std::vector<std::string>> pred;
  for (const auto& d : docs) {
    m.TagDocument(Views(d), &pred);
    for (size_t s = 0; s < d.labels.size(); ++s) c.Add(d.labels[s], pred[s]);
  }
  return c.TokenAccuracy();
}

Gazetteer FictionalGazetteer() {
  Gazetteer g;
  g.Add("Marovia", "countries");
  g.Add("Velin Bank", "organizations");
  return g;
}

TEST(SequenceTaggerTest, LearnsFictionalEntities) {
  TaggerTrainOptions opt;
  opt.epochs = 8;
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(60), FictionalGazetteer(), opt, &m)
          .ok());
  EXPECT_GE(Accuracy(m, FictionalCorpus(60)), 99.0);
  EXPECT_GE(Accuracy(m, FictionalCorpus(30, 60)), 95.0);  // new combinations
  std::vector<std::vector<std::string>> tags;
  m.TagDocument(
      {{"Ardo", "Valdor", "arrived", "in", "Kestria", "on", "Tuesday", "."}},
      &tags);
  EXPECT_EQ(tags[0], (std::vector<std::string>{"B-PER", "I-PER", "O", "O",
                                               "B-LOC", "O", "O", "O"}));
}

void ExpectRoundTrip(const SequenceTagger& m, const std::string& name) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  ASSERT_TRUE(m.Save(path).ok());
  SequenceTagger loaded;
  ASSERT_TRUE(loaded.Load(path).ok());
  EXPECT_EQ(loaded.feature_count(), m.feature_count());
  EXPECT_EQ(loaded.external_labels(), m.external_labels());
  for (const auto& d : FictionalCorpus(40, 100)) {
    std::vector<std::vector<int>> a, b;
    m.TagDocumentIds(Views(d), &a);
    loaded.TagDocumentIds(Views(d), &b);
    EXPECT_EQ(a, b);
  }
  std::remove(path.c_str());
}

TEST(SequenceTaggerTest, SaveLoadRoundTripGivesIdenticalTags) {
  TaggerTrainOptions opt;
  opt.epochs = 5;
  opt.word_dropout = 0.2f;
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(40), FictionalGazetteer(), opt, &m)
          .ok());
  m.AddInfo("note", "made by a test");
  ExpectRoundTrip(m, "dateline_tagger_test.model");
}

TEST(SequenceTaggerTest, TwoStageModelRoundTrips) {
  TaggerTrainOptions opt;
  opt.epochs = 4;
  opt.two_stage = true;
  opt.folds = 3;
  int stage_calls[3] = {0, 0, 0};
  opt.on_epoch = [&](int stage, int epoch, const SequenceTagger&) {
    ++stage_calls[stage];
    return static_cast<double>(epoch);
  };
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(40), FictionalGazetteer(), opt, &m)
          .ok());
  EXPECT_EQ(stage_calls[0], 0);
  EXPECT_EQ(stage_calls[1], 4);
  EXPECT_EQ(stage_calls[2], 4);
  EXPECT_GE(Accuracy(m, FictionalCorpus(40)), 99.0);
  ExpectRoundTrip(m, "dateline_tagger_2stage_test.model");
}

// Every I-X follows a B-X or I-X of the same type.
bool ValidIob2(const std::vector<std::string>& tags) {
  std::string prev = "O";
  for (const auto& t : tags) {
    if (t.rfind("I-", 0) == 0 &&
        (prev.size() < 2 || prev.substr(2) != t.substr(2)))
      return false;
    prev = t;
  }
  return true;
}

TEST(SequenceTaggerTest, ViterbiModelLearnsRoundTripsAndEmitsValidIob2) {
  TaggerTrainOptions opt;
  opt.epochs = 6;
  opt.viterbi = true;
  opt.two_stage = true;
  opt.folds = 3;
  opt.word_dropout = 0.2f;
  // Both stages use the lexicon and the clusters; the file holds them once.
  std::vector<std::vector<std::string>> text;
  for (const auto& d : FictionalCorpus(30, 200))
    for (const auto& s : d.words) text.push_back(s);
  opt.lexicon = std::make_shared<WordLexicon>(BuildWordLexicon(text, 2));
  ClusterOptions copt;
  copt.classes = {4, 16};
  opt.clusters =
      std::make_shared<WordClusterTable>(BuildWordClusters(text, copt));
  ASSERT_FALSE(opt.clusters->empty());
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(60), FictionalGazetteer(), opt, &m)
          .ok());
  EXPECT_GE(Accuracy(m, FictionalCorpus(60)), 99.0);
  EXPECT_GE(Accuracy(m, FictionalCorpus(30, 60)), 95.0);
  std::vector<std::vector<std::string>> tags;
  m.TagDocument(
      {{"Ardo", "Valdor", "arrived", "in", "Kestria", "on", "Tuesday", "."}},
      &tags);
  EXPECT_EQ(tags[0], (std::vector<std::string>{"B-PER", "I-PER", "O", "O",
                                               "B-LOC", "O", "O", "O"}));
  // Odd input, one-word and long sentences: tags are always valid IOB2.
  std::string long_word(5000, 'Q');
  TaggerDocument odd = {{}, {"Valdor"}, {"", long_word, "\xff", "Port"}};
  odd.emplace_back();
  for (int i = 0; i < 3000; ++i)
    odd.back().push_back(i % 7 == 0 ? "Velin" : i % 7 == 1 ? "Bank" : "said");
  m.TagDocument(odd, &tags);
  ASSERT_EQ(tags.size(), odd.size());
  for (size_t s = 0; s < odd.size(); ++s) {
    EXPECT_EQ(tags[s].size(), odd[s].size());
    EXPECT_TRUE(ValidIob2(tags[s]));
  }
  ExpectRoundTrip(m, "dateline_tagger_viterbi_test.model");
  // The decoder goes with the training: the file says so.
  std::string path =
      (std::filesystem::temp_directory_path() / "dateline_vit_hdr.model")
          .string();
  ASSERT_TRUE(m.Save(path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  EXPECT_NE(head.find("encoding\tbilou-viterbi"), std::string::npos);
  EXPECT_NE(head.find("clusters\tshared"), std::string::npos);
  EXPECT_NE(head.find("lexicon\tshared"), std::string::npos);
  std::remove(path.c_str());
}

TEST(SequenceTaggerTest, HugeDocumentsAreTaggedInBoundedChunks) {
  TaggerTrainOptions opt;
  opt.epochs = 4;
  opt.viterbi = true;
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(40), FictionalGazetteer(), opt, &m)
          .ok());
  const TaggerSentence sentence = {"Ardo",    "Valdor", "arrived", "in",
                                   "Kestria", "on",     "Tuesday", "."};
  const std::vector<std::string> expected = {"B-PER", "I-PER", "O", "O",
                                             "B-LOC", "O",     "O", "O"};
  // More tokens than one chunk holds, and one sentence longer than a piece.
  TaggerDocument doc;
  size_t tokens = 0;
  while (tokens <= SequenceTagger::kMaxChunkTokens + 100) {
    doc.push_back(sentence);
    tokens += sentence.size();
  }
  TaggerSentence long_sentence;
  while (long_sentence.size() < 2 * SequenceTagger::kMaxSentenceTokens + 5)
    long_sentence.insert(long_sentence.end(), sentence.begin(), sentence.end());
  doc.insert(doc.begin() + 7, long_sentence);
  doc.insert(doc.begin() + 3, TaggerSentence{});
  std::vector<std::vector<std::string>> tags;
  m.TagDocument(doc, &tags);
  ASSERT_EQ(tags.size(), doc.size());
  size_t same = 0, sentences = 0;
  for (size_t s = 0; s < doc.size(); ++s) {
    ASSERT_EQ(tags[s].size(), doc[s].size());
    EXPECT_TRUE(ValidIob2(tags[s]));
    if (doc[s] == sentence) {
      ++sentences;
      same += tags[s] == expected;
    }
  }
  EXPECT_EQ(same, sentences);  // chunking does not change ordinary sentences
  // The long sentence is tagged piece by piece, names included.
  const auto& lt = tags[8];
  EXPECT_EQ(std::vector<std::string>(lt.begin(), lt.begin() + 8), expected);
}

TEST(SequenceTaggerTest, WordLexiconFromUnlabelledText) {
  std::vector<std::vector<std::string>> text;
  for (int i = 0; i < 5; ++i) {
    text.push_back({"The", "minister", "met", "Zorblat", "in", "Marovia", "."});
    text.push_back({"Officials", "in", "Marovia", "said", "so", "."});
  }
  WordLexicon lex = BuildWordLexicon(text, 3);
  EXPECT_EQ(lex.size(), 10u);  // every word is seen >= 3 times
  int always_capitalised = 0;
  for (const auto& [k, st] : lex)
    if (st.cap_bucket / 4 == 4) ++always_capitalised;
  EXPECT_EQ(always_capitalised, 2);  // Zorblat, Marovia
  // A model trained with a lexicon carries it through Save and Load.
  TaggerTrainOptions opt;
  opt.epochs = 4;
  opt.lexicon = std::make_shared<WordLexicon>(lex);
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(40), FictionalGazetteer(), opt, &m)
          .ok());
  ExpectRoundTrip(m, "dateline_tagger_lexicon_test.model");
}

TEST(SequenceTaggerTest, OddInputIsTaggedWithoutTrouble) {
  TaggerTrainOptions opt;
  opt.epochs = 2;
  SequenceTagger m;
  ASSERT_TRUE(
      TrainSequenceTagger(FictionalCorpus(10), FictionalGazetteer(), opt, &m)
          .ok());
  std::string long_word(10000, 'Q');
  TaggerDocument doc = {{}, {"", long_word, "\xC3\xA9t\xC3\xA9", "\xff"}, {}};
  std::vector<std::vector<std::string>> tags;
  m.TagDocument(doc, &tags);
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_TRUE(tags[0].empty());
  EXPECT_EQ(tags[1].size(), 4u);
  m.TagDocument({}, &tags);
  EXPECT_TRUE(tags.empty());
  SequenceTagger untrained;  // tags every word O
  untrained.TagDocument(doc, &tags);
  EXPECT_EQ(tags[1], (std::vector<std::string>(4, "O")));
}

// Trains a plain-label part-of-speech tagger on two short sentences
// repeated 30 times (3 epochs).
Status TrainTinyPosTagger(SequenceTagger* m) {
  TaggedDocument d;
  for (int i = 0; i < 30; ++i) {
    d.words.push_back({"Zorblat", "eats", "red", "plums", "."});
    d.labels.push_back({"NNP", "VBZ", "JJ", "NNS", "."});
    d.words.push_back({"Quenna", "sees", "the", "plums", "."});
    d.labels.push_back({"NNP", "VBZ", "DT", "NNS", "."});
  }
  TaggerTrainOptions opt;
  opt.encoding = SequenceTagger::Encoding::kPlain;
  opt.epochs = 3;
  return TrainSequenceTagger({d}, Gazetteer(), opt, m);
}

TEST(SequenceTaggerTest, PlainLabelsForPartOfSpeech) {
  SequenceTagger m;
  ASSERT_TRUE(TrainTinyPosTagger(&m).ok());
  EXPECT_EQ(m.external_labels(),
            (std::vector<std::string>{".", "DT", "JJ", "NNP", "NNS", "VBZ"}));
  std::vector<std::vector<std::string>> tags;
  m.TagDocument({{"Quenna", "sees", "the", "plums", "."}}, &tags);
  EXPECT_EQ(tags[0],
            (std::vector<std::string>{"NNP", "VBZ", "DT", "NNS", "."}));
}

// The static features of a sentence are written into a buffer kept from the
// sentence before (ExtractStatic grows it, never shrinks it): a sentence
// after a long one must get exactly the tags it gets alone.
TEST(SequenceTaggerTest, SentenceAfterALongOneIsTaggedAsAlone) {
  SequenceTagger m;
  ASSERT_TRUE(TrainTinyPosTagger(&m).ok());
  const TaggerSentence short_one = {"Quenna", "eats", "the", "plums", "."};
  TaggerSentence long_one;
  for (int i = 0; i < 700; ++i) long_one.push_back(i % 2 ? "red-plums" : "Zorblat");
  std::vector<std::vector<std::string>> alone, after;
  m.TagDocument({short_one}, &alone);
  m.TagDocument({long_one, short_one, long_one, short_one}, &after);
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(after[1], alone[0]);
  EXPECT_EQ(after[3], alone[0]);
  EXPECT_EQ(after[0], after[2]);
  EXPECT_EQ(m.StaticFeatureHashes(short_one, 4),
            m.StaticFeatureHashes(short_one, 4));
}

TEST(SequenceTaggerTest, FeatureHashesAreStable) {
  SequenceTagger m;  // no gazetteer: features depend on the words only
  TaggerSentence s = {"Zorblat", "visited", "Marovia", "."};
  std::vector<uint64_t> a = m.StaticFeatureHashes(s, 0);
  std::vector<uint64_t> b = m.StaticFeatureHashes(s, 0);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  // The first feature is the word itself; its value is part of the model
  // format and must not change between runs, machines or builds.
  EXPECT_EQ(a[0], 13139535901930395263ULL) << std::hex << a[0];
  // Different words give different features.
  EXPECT_NE(m.StaticFeatureHashes(s, 2)[0], a[0]);
}

TEST(SequenceTaggerTest, RejectsBadInput) {
  SequenceTagger m;
  TaggerTrainOptions opt;
  EXPECT_TRUE(
      TrainSequenceTagger({}, Gazetteer(), opt, &m).IsInvalidArgument());
  TaggedDocument d;
  d.words = {{"a", "b"}};
  d.labels = {{"O"}};
  EXPECT_TRUE(
      TrainSequenceTagger({d}, Gazetteer(), opt, &m).IsInvalidArgument());
  std::string path =
      (std::filesystem::temp_directory_path() / "dateline_bad.model").string();
  std::ofstream(path) << "not a model\n";
  EXPECT_TRUE(m.Load(path).IsCorruption());
  std::remove(path.c_str());
  EXPECT_TRUE(m.Load("/nonexistent/model").IsIOError());
}

// Needs the CoNLL-2003 files in ../shared and the committed model.
TEST(SequenceTaggerTest, CommittedModelOnConllDev) {
  const std::string dev = std::string(DATELINE_SOURCE_DIR) +
                          "/../shared/datasets/conll2003/eng.valid.iob2.txt.gz";
  const std::string model =
      std::string(DATELINE_SOURCE_DIR) + "/data/models/ner.model";
  if (!std::filesystem::exists(dev))
    GTEST_SKIP() << "CoNLL-2003 not found at " << dev
                 << " (../shared is absent)";
  ConllCorpus corpus;
  ASSERT_TRUE(ReadConllFile(dev, &corpus).ok());
  SequenceTagger m;
  ASSERT_TRUE(m.Load(model).ok()) << model;
  SpanCounter c;
  std::vector<std::vector<std::string>> pred;
  for (const auto& d : corpus.documents) {
    TaggerDocument doc;
    for (const auto& s : d.sentences) {
      doc.emplace_back();
      for (const auto& t : s) doc.back().push_back(t.word);
    }
    m.TagDocument(doc, &pred);
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      std::vector<std::string> gold;
      for (const auto& t : d.sentences[s]) gold.push_back(t.columns[2]);
      c.Add(gold, pred[s]);
    }
  }
  EXPECT_GE(c.All().F1(), 89.0);
}

}  // namespace
}  // namespace dateline

#include "entities/conll_corpus.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dateline {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ConllCorpusTest, ReadsDocumentsAndSentences) {
  std::string path = WriteTemp("dateline_conll_test.txt",
                               "-DOCSTART- -X- -X- O\n\n"
                               "Zorblat NNP B-NP B-PER\nwins VBZ B-VP O\n\n"
                               "Marovia NNP B-NP B-LOC\n\n"
                               "-DOCSTART- -X- -X- O\n\n"
                               "Hello UH B-INTJ O\n");
  ConllCorpus corpus;
  ASSERT_TRUE(ReadConllFile(path, &corpus).ok());
  ASSERT_EQ(corpus.documents.size(), 2u);
  ASSERT_EQ(corpus.documents[0].sentences.size(), 2u);
  EXPECT_EQ(corpus.documents[0].sentences[0][0].word, "Zorblat");
  EXPECT_EQ(corpus.documents[0].sentences[0][0].columns[2], "B-PER");
  EXPECT_EQ(corpus.TokenCount(), 4u);
  std::remove(path.c_str());
}

TEST(ConllCorpusTest, MissingFileIsIOError) {
  ConllCorpus corpus;
  EXPECT_TRUE(ReadConllFile("/nonexistent/x.txt.gz", &corpus).IsIOError());
}

TEST(ConllCorpusTest, Md5OfContent) {
  std::string path = WriteTemp("dateline_md5_test.txt", "abc");
  EXPECT_EQ(ConllFileMd5(path), "900150983cd24fb0d6963f7d28e17f72");
  std::remove(path.c_str());
}

TEST(ConllCorpusTest, SpansReadLikeConlleval) {
  std::vector<LabelledSpan> spans =
      SpansFromIob({"B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "O"});
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (LabelledSpan{0, 2, "PER"}));
  EXPECT_EQ(spans[1], (LabelledSpan{3, 4, "LOC"}));  // I- after O opens
  EXPECT_EQ(spans[2], (LabelledSpan{4, 5, "LOC"}));  // B- closes and opens
  EXPECT_EQ(spans[3], (LabelledSpan{5, 6, "ORG"}));  // type change opens
}

TEST(ConllCorpusTest, SpanCounterCountsExactMatches) {
  SpanCounter c;
  c.Add({"B-PER", "I-PER", "O", "B-LOC"}, {"B-PER", "O", "O", "B-LOC"});
  EXPECT_EQ(c.All().tp, 1);
  EXPECT_EQ(c.All().fp, 1);
  EXPECT_EQ(c.All().fn, 1);
  EXPECT_EQ(c.Type("PER").fn, 1);
  EXPECT_EQ(c.All({"PER"}).tp, 1);
  EXPECT_DOUBLE_EQ(c.All().F1(), 50.0);
  EXPECT_DOUBLE_EQ(c.TokenAccuracy(), 75.0);
}

}  // namespace
}  // namespace dateline

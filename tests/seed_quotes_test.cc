// Issue 4 on the seed page: every quotation and reported statement the issue
// lists, each with its speaker.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dateline/pipeline.h"
#include "seed_page.h"

namespace dateline {
namespace {

class SeedQuotesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { doc_ = ProcessSeedPage("").release(); }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  void SetUp() override {
    if (!doc_) GTEST_SKIP() << "seed page not found at " << kSeedPage;
  }

  // Returns the quote whose text starts with `start`, or nullptr.
  static const Quote* Find(const std::string& start) {
    for (const Quote& q : doc_->quotes) {
      std::string text = doc_->text.substr(q.span.begin, q.span.end - q.span.begin);
      if (text.rfind(start, 0) == 0) return &q;
    }
    return nullptr;
  }
  // Returns the name of entity `id`, or "" when there is none.
  static std::string EntityName(const std::string& id) {
    for (const Entity& e : doc_->entities) {
      if (e.id == id) return e.name;
    }
    return "";
  }

  static Document* doc_;
};
Document* SeedQuotesTest::doc_ = nullptr;

TEST_F(SeedQuotesTest, EveryListedQuoteWithItsSpeaker) {
  struct Expect {
    const char* start;    // the quote's text begins so
    const char* kind;
    const char* speaker;  // entity name, or "" for none
    const char* speaker_name;
  };
  const Expect kExpect[] = {
      {"At the end of the reception, Kim Jong Un courteously invited Putin",
       "direct", "KCNA", "KCNA"},
      {"gratefully", "partial", "Dmitry Peskov", "Dmitry Peskov"},
      {"won\xE2\x80\x99t hesitate", "partial", "U.S. State Department",
       "U.S. State Department"},
      {"would directly violate multiple U.N. Security Council resolutions",
       "partial", "White House", "White House"},
      {"pay a price", "partial", "National Security Council",
       "National Security Council"},
      {"great Russia", "partial", "Kim Jong Un", "Kim Jong Un"},
      {"sacred fight", "partial", "Kim Jong Un", "Kim Jong Un"},
      {"The United States has no right to lecture us on how to live,",
       "direct", "Anatoly Antonov", "Anatoly Antonov"},
      {"Kim is due on Thursday to visit military and civilian aviation",
       "indirect", "Vladimir Putin", "Vladimir Putin"},
      {"Russia remained a responsible member of the U.N. Security Council",
       "indirect", "Dmitry Peskov", "Dmitry Peskov"},
      {"Moscow would develop its relations with North Korea", "indirect",
       "Dmitry Peskov", "Dmitry Peskov"},
      {"the United States was hypocritical to criticize the summit",
       "indirect", "", "Russian diplomats"},
  };
  for (const Expect& e : kExpect) {
    SCOPED_TRACE(e.start);
    const Quote* q = Find(e.start);
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->kind, e.kind);
    EXPECT_EQ(EntityName(q->speaker), e.speaker);
    EXPECT_EQ(q->speaker_name, e.speaker_name);
  }
}

TEST_F(SeedQuotesTest, CuesAsTheyRead) {
  const Quote* kcna = Find("At the end of the reception");
  ASSERT_NE(kcna, nullptr);
  EXPECT_EQ(kcna->cue, "said");
  const Quote* antonov = Find("The United States has no right");
  ASSERT_NE(antonov, nullptr);
  EXPECT_EQ(antonov->cue, "said in a statement");
  const Quote* peskov = Find("Moscow would develop");
  ASSERT_NE(peskov, nullptr);
  EXPECT_EQ(peskov->cue, "added");
}

TEST_F(SeedQuotesTest, SpansInsideTheirSentence) {
  for (const Quote& q : doc_->quotes) {
    for (const Span& s : {q.span, q.cue_span, q.speaker_span}) {
      if (s.end == s.begin) continue;
      EXPECT_LE(s.end, doc_->text.size());
      EXPECT_GE(s.begin, q.sentence.begin);
      EXPECT_LE(s.end, q.sentence.end);
    }
  }
}

}  // namespace
}  // namespace dateline

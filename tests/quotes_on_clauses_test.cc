// Issue 13, item 5: quotes on the clause layer, one construction each, in the
// default output (PipelineOptions::quote_acts off) and, where it differs,
// with acts kept as PolNeAR annotates them. The source is the agent of the
// speech predicate, the content its clausal complement or the quotation;
// acts and stances leave the default output; negated non-statements ("has
// not responded") are no quotes.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "language_layer.h"
#include "quotes/quote_extractor.h"

namespace dateline {
namespace {

class QuotesOnClausesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    statements_ = new LanguageLayer();
    Status s = statements_->Load(DATELINE_SOURCE_DIR "/data");
    ASSERT_TRUE(s.ok()) << s.ToString();
    with_acts_ = new LanguageLayer();
    s = with_acts_->Load(DATELINE_SOURCE_DIR "/data", /*quote_acts=*/true);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    delete statements_;
    delete with_acts_;
    statements_ = with_acts_ = nullptr;
  }

  static Document Run(const std::string& text, bool acts = false) {
    Document doc;
    doc.text = text;
    (acts ? with_acts_ : statements_)->Run(&doc);
    return doc;
  }
  static std::string Text(const Document& doc, Span s) {
    return doc.text.substr(s.begin, s.end - s.begin);
  }
  static std::string Speaker(const Document& doc, const Quote& q) {
    for (const Entity& e : doc.entities) {
      if (e.id == q.speaker) return e.name;
    }
    return "";
  }
  // Returns every quote as "speaker|cue|text", for failure messages.
  static std::string Dump(const Document& doc) {
    std::string out;
    for (const Quote& q : doc.quotes) {
      out.append("[").append(Text(doc, q.speaker_span)).append("|");
      out.append(q.cue).append("|").append(Text(doc, q.span)).append("] ");
    }
    return out;
  }

  static LanguageLayer* statements_;
  static LanguageLayer* with_acts_;
};
LanguageLayer* QuotesOnClausesTest::statements_ = nullptr;
LanguageLayer* QuotesOnClausesTest::with_acts_ = nullptr;

// The evidence: "has signed a measure" came out as a quotation.
TEST_F(QuotesOnClausesTest, AnActIsNoQuote) {
  const std::string text =
      "Governor Sarah Klein has signed a measure that bans the practice.";
  Document doc = Run(text);
  EXPECT_TRUE(doc.quotes.empty()) << Dump(doc);
  // PolNeAR annotates it: kept with acts, as an act.
  Document acts = Run(text, true);
  ASSERT_EQ(acts.quotes.size(), 1u) << Dump(acts);
  EXPECT_EQ(acts.quotes[0].cue_class, "act");
  EXPECT_EQ(Text(acts, acts.quotes[0].speaker_span), "Governor Sarah Klein");
}

// "refused to enroll her daughter": a refusal is an act, not a statement.
TEST_F(QuotesOnClausesTest, ARefusalIsNoQuote) {
  Document doc = Run("The Franklin school refused to enroll her daughter.");
  EXPECT_TRUE(doc.quotes.empty()) << Dump(doc);
}

// A stance taken ("denied the charges") leaves the default output too.
TEST_F(QuotesOnClausesTest, AStanceIsNoQuote) {
  const std::string text = "Tom Becker denied the charges against him.";
  EXPECT_TRUE(Run(text).quotes.empty()) << Dump(Run(text));
  Document acts = Run(text, true);
  ASSERT_FALSE(acts.quotes.empty());
  EXPECT_EQ(acts.quotes[0].cue_class, "act");
}

// ... but the act reported by a speaker is what the speaker said.
TEST_F(QuotesOnClausesTest, AnActReportedBySomeoneIsTheirStatement) {
  Document doc = Run(
      "The Franklin school refused to enroll her daughter, Maria Lopez said.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.cue, "said");
  EXPECT_EQ(q.cue_class, "speech");
  EXPECT_EQ(Speaker(doc, q), "Maria Lopez");
  EXPECT_EQ(Text(doc, q.span), "The Franklin school refused to enroll her daughter");
}

// The evidence: "Neither DHS nor ICE have responded" became ICE's
// statement.
TEST_F(QuotesOnClausesTest, NeitherNorHaveRespondedIsNoQuote) {
  Document doc =
      Run("Neither DHS nor ICE have responded to requests for comment.");
  EXPECT_TRUE(doc.quotes.empty()) << Dump(doc);
}

TEST_F(QuotesOnClausesTest, HasNotRespondedIsNoQuote) {
  Document doc =
      Run("A spokesman for the agency has not responded to questions.");
  EXPECT_TRUE(doc.quotes.empty()) << Dump(doc);
  Document never = Run("The White House did not reply to an email on Friday.");
  EXPECT_TRUE(never.quotes.empty()) << Dump(never);
}

// A reply that says something is a statement.
TEST_F(QuotesOnClausesTest, ARespondingStatementIsAQuote) {
  Document doc = Run(
      "A spokesman for the agency responded that the officers had followed "
      "the law.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  EXPECT_EQ(Text(doc, doc.quotes[0].speaker_span), "A spokesman for the agency");
  EXPECT_EQ(Text(doc, doc.quotes[0].span),
            "the officers had followed the law");
}

// The source is the agent of the speech predicate, the content its clausal
// complement (without "that").
TEST_F(QuotesOnClausesTest, SourceIsTheAgentContentTheComplement) {
  Document doc = Run(
      "Kremlin spokesman Dmitry Peskov said that Putin would travel to "
      "Pyongyang.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.kind, "indirect");
  EXPECT_EQ(Speaker(doc, q), "Dmitry Peskov");
  EXPECT_EQ(Text(doc, q.span), "Putin would travel to Pyongyang");
  EXPECT_EQ(q.cue, "said");
}

// An inverted agent after the quotation: the quotation is the content.
TEST_F(QuotesOnClausesTest, QuotationWithAnInvertedAgent) {
  Document doc = Run("\"We will win this fight,\" said Senator Anna Price.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.kind, "direct");
  EXPECT_EQ(Speaker(doc, q), "Anna Price");
  EXPECT_EQ(Text(doc, q.span), "We will win this fight,");
}

// The agent of a passive speech predicate is its by-phrase.
TEST_F(QuotesOnClausesTest, PassiveSpeechTakesTheByPhrase) {
  Document doc = Run(
      "The closure of the plant was first reported by the Coastal Ledger.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  EXPECT_EQ(Text(doc, doc.quotes[0].speaker_span), "the Coastal Ledger");
  EXPECT_EQ(Text(doc, doc.quotes[0].span), "The closure of the plant");
}

// A direct quotation stays a quote whatever its cue's class: the words were
// said.
TEST_F(QuotesOnClausesTest, AQuotationWithAnActCueStays) {
  Document doc = Run(
      "\"This is a disgrace,\" Mayor Dana Whitcombe said, denying the "
      "charges.");
  bool quotation = false;
  for (const Quote& q : doc.quotes) {
    if (q.kind == "direct") {
      quotation = true;
      EXPECT_EQ(Speaker(doc, q), "Dana Whitcombe");
    }
  }
  EXPECT_TRUE(quotation) << Dump(doc);
}

// A subject the walk over chunks cannot cross (a relative clause with a
// coordination inside): the agent of the cue's clause is the speaker.
TEST_F(QuotesOnClausesTest, ALongSubjectIsTheClauseAgent) {
  Document doc = Run(
      "The senator, who faces a tough race next year and has raised millions "
      "from donors, said the bill would fail.");
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  EXPECT_EQ(Text(doc, doc.quotes[0].speaker_span).rfind("The senator", 0), 0u)
      << Dump(doc);
  EXPECT_EQ(Text(doc, doc.quotes[0].span), "the bill would fail");
}

// Returns the first quote whose cue starts with `cue`, or nullptr.
const Quote* WithCue(const Document& doc, const std::string& cue) {
  for (const Quote& q : doc.quotes) {
    if (q.cue.rfind(cue, 0) == 0) return &q;
  }
  return nullptr;
}

// The quotes stage's rules alone (no learnt filter or bounds) over the
// language layer up to the clause layer, acts kept: what the rules give
// the learnt model to start from.
class QuoteRulesOnClausesTest : public QuotesOnClausesTest {
 protected:
  static void SetUpTestSuite() {
    QuotesOnClausesTest::SetUpTestSuite();
    PipelineOptions options;
    options.stages = "clauses";
    options.data_dir = DATELINE_SOURCE_DIR "/data";
    Status s = Pipeline::Create(options, &clauses_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    std::unique_ptr<QuoteExtractor> rules;
    s = QuoteExtractor::Create(DATELINE_SOURCE_DIR "/data", &rules);
    ASSERT_TRUE(s.ok()) << s.ToString();
    rules->SetContentModel(nullptr);
    rules->SetKeepActs(true);
    rules_ = rules.release();
  }
  static void TearDownTestSuite() {
    clauses_.reset();
    delete rules_;
    rules_ = nullptr;
    QuotesOnClausesTest::TearDownTestSuite();
  }
  static Document Rules(const std::string& text) {
    Document doc;
    doc.text = text;
    clauses_->AnalyseText(&doc);
    rules_->Extract(&doc);
    return doc;
  }

  static std::unique_ptr<Pipeline> clauses_;
  static QuoteExtractor* rules_;
};
std::unique_ptr<Pipeline> QuoteRulesOnClausesTest::clauses_;
QuoteExtractor* QuoteRulesOnClausesTest::rules_ = nullptr;

// A clause the parse coordinates with the cue ("said X and she accused Y")
// is a second attribution, not more of what was said: the content ends
// before it (PolNeAR never lets a content run over another cue), and the
// words given back find their own cue. A conjunct of the complement ("X
// would reopen and the road would follow") stays in the content.
TEST_F(QuoteRulesOnClausesTest, ContentEndsBeforeAClauseCoordinatedWithTheCue) {
  Document doc = Rules(
      "Mayor Ann Keller said the old bridge was unsafe and she accused the "
      "contractor of long delays.");
  const Quote* said = WithCue(doc, "said");
  ASSERT_NE(said, nullptr) << Dump(doc);
  EXPECT_EQ(Text(doc, said->span), "the old bridge was unsafe") << Dump(doc);
  EXPECT_EQ(Text(doc, said->speaker_span), "Mayor Ann Keller");
  // (Its source is the walk's "unsafe and she"; the learnt bounds cut it.)
  const Quote* accused = WithCue(doc, "accused");
  ASSERT_NE(accused, nullptr) << Dump(doc);
  EXPECT_EQ(Text(doc, accused->span), "the contractor of long delays");
  Document both = Rules(
      "The minister said the bridge would reopen in May and the road would "
      "follow in June.");
  ASSERT_EQ(both.quotes.size(), 1u) << Dump(both);
  EXPECT_EQ(Text(both, both.quotes[0].span),
            "the bridge would reopen in May and the road would follow in June");
}

// A cue in an adverbial clause: what was said ends where the clause the
// adverbial hangs on goes on ("After X said [...], the mayor closed it").
TEST_F(QuoteRulesOnClausesTest, ContentEndsWhereTheOuterClauseGoesOn) {
  for (const char* opener : {"After", "When"}) {
    Document doc = Rules(std::string(opener) +
                         " the minister said the old bridge was unsafe, the "
                         "mayor closed it to traffic on Monday.");
    const Quote* said = WithCue(doc, "said");
    ASSERT_NE(said, nullptr) << Dump(doc);
    EXPECT_EQ(Text(doc, said->span), "the old bridge was unsafe") << Dump(doc);
    EXPECT_EQ(Text(doc, said->speaker_span), "the minister");
  }
}

// A conjunct with a subject of its own and a verb of saying is a statement
// of its own wherever the parse hangs it ("... but he also warned ...").
TEST_F(QuoteRulesOnClausesTest, ContentEndsBeforeASecondSpeakersVerb) {
  Document doc = Rules(
      "The minister said the old bridge was unsafe but the mayor insisted it "
      "would stay open.");
  const Quote* said = WithCue(doc, "said");
  ASSERT_NE(said, nullptr) << Dump(doc);
  EXPECT_EQ(Text(doc, said->span), "the old bridge was unsafe") << Dump(doc);
  const Quote* insisted = WithCue(doc, "insisted");
  ASSERT_NE(insisted, nullptr) << Dump(doc);
  EXPECT_EQ(Text(doc, insisted->speaker_span), "the mayor");
  EXPECT_EQ(Text(doc, insisted->span), "it would stay open");
}

}  // namespace
}  // namespace dateline

// QuoteExtractor over short texts written for the tests, one construction
// each, with the project's own models (data/), so no shared data is needed.
#include "quotes/quote_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "language_layer.h"

namespace dateline {
namespace {

class QuoteExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    layer_ = new LanguageLayer();
    // These constructions come from PolNeAR, which annotates acts and
    // stances as attributions: keep them (the default output drops them;
    // quotes_on_clauses_test.cc).
    Status s = layer_->Load(DATELINE_SOURCE_DIR "/data", /*quote_acts=*/true);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    delete layer_;
    layer_ = nullptr;
  }

  Document Run(const std::string& text) {
    Document doc;
    doc.text = text;
    layer_->Run(&doc);
    CheckSpans(doc);
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
  // Returns the quote whose text is `text`, or nullptr.
  static const Quote* Find(const Document& doc, const std::string& text) {
    for (const Quote& q : doc.quotes) {
      if (Text(doc, q.span) == text) return &q;
    }
    return nullptr;
  }
  // Property: every span lies inside the text and inside its sentence span.
  static void CheckSpans(const Document& doc) {
    for (const Quote& q : doc.quotes) {
      EXPECT_LT(q.span.begin, q.span.end);
      EXPECT_LE(q.sentence.end, doc.text.size());
      for (const Span& s : {q.span, q.cue_span, q.speaker_span}) {
        if (s.begin == s.end) continue;
        EXPECT_LE(s.end, doc.text.size());
        EXPECT_GE(s.begin, q.sentence.begin) << Text(doc, s);
        EXPECT_LE(s.end, q.sentence.end) << Text(doc, s);
      }
      if (!q.cue.empty()) {
        EXPECT_EQ(q.cue, Text(doc, q.cue_span));
      }
    }
  }

  static LanguageLayer* layer_;
};
LanguageLayer* QuoteExtractorTest::layer_ = nullptr;

TEST_F(QuoteExtractorTest, CurlyQuoteWithNamedSpeaker) {
  Document doc = Run(
      "\xE2\x80\x9CWe are ready to talk,\xE2\x80\x9D Maria Lopez said on "
      "Monday.");
  const Quote* q = Find(doc, "We are ready to talk,");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(q->cue, "said");
  EXPECT_EQ(Speaker(doc, *q), "Maria Lopez");
  EXPECT_EQ(Text(doc, q->speaker_span), "Maria Lopez");
}

TEST_F(QuoteExtractorTest, StraightQuoteWithInvertedSpeaker) {
  Document doc = Run(
      "Talks resumed in Geneva. \"The deal is done,\" said Peter Hartmann, "
      "the German envoy.");
  const Quote* q = Find(doc, "The deal is done,");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(Speaker(doc, *q), "Peter Hartmann");
}

TEST_F(QuoteExtractorTest, QuoteInterruptedByAttribution) {
  Document doc = Run(
      "Daniel Brooks spoke after the vote. \xE2\x80\x9CWe will win,\xE2\x80\x9D "
      "he said, \xE2\x80\x9C" "and soon.\xE2\x80\x9D");
  const Quote* a = Find(doc, "We will win,");
  const Quote* b = Find(doc, "and soon.");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->kind, "direct");
  EXPECT_EQ(b->kind, "direct");
  EXPECT_EQ(Speaker(doc, *a), "Daniel Brooks");  // "he", resolved
  EXPECT_EQ(Speaker(doc, *b), "Daniel Brooks");
  EXPECT_EQ(Text(doc, a->speaker_span), "he");
}

TEST_F(QuoteExtractorTest, QuoteOverSeveralParagraphs) {
  Document doc = Run(
      "Anna Weber was at home that night. \xE2\x80\x9CThe water came in fast. We "
      "had minutes to leave.\n\n\xE2\x80\x9C" "By morning the street was gone,"
      "\xE2\x80\x9D she said.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.kind, "direct");
  EXPECT_EQ(Text(doc, q.span).rfind("The water came in fast.", 0), 0u);
  EXPECT_NE(Text(doc, q.span).find("By morning the street was gone,"),
            std::string::npos);
  EXPECT_EQ(Speaker(doc, q), "Anna Weber");
}

TEST_F(QuoteExtractorTest, NestedSingleQuotesStayInside) {
  Document doc = Run(
      "\xE2\x80\x9CThey told us \xE2\x80\x98no\xE2\x80\x99 twice before the "
      "vote,\xE2\x80\x9D Tom Becker said.");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(Text(doc, doc.quotes[0].span),
            "They told us \xE2\x80\x98no\xE2\x80\x99 twice before the vote,");
  EXPECT_EQ(Speaker(doc, doc.quotes[0]), "Tom Becker");
}

TEST_F(QuoteExtractorTest, PartialQuoteTakesTheSpeakerOfItsSentence) {
  Document doc = Run(
      "Kremlin spokesman Dmitry Peskov said that Putin \xE2\x80\x9Cgratefully"
      "\xE2\x80\x9D accepted the invitation.");
  const Quote* q = Find(doc, "gratefully");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "partial");
  EXPECT_EQ(Speaker(doc, *q), "Dmitry Peskov");
  const Quote* indirect = Find(
      doc, "Putin \xE2\x80\x9Cgratefully\xE2\x80\x9D accepted the invitation");
  ASSERT_NE(indirect, nullptr);
  EXPECT_EQ(indirect->kind, "indirect");
}

TEST_F(QuoteExtractorTest, ScareQuoteWithoutCueGoesToTheSubject) {
  Document doc = Run(
      "Over lunch, Laura Chen toasted the victory of \xE2\x80\x9Cgreat "
      "Russia\xE2\x80\x9D with her hosts.");
  const Quote* q = Find(doc, "great Russia");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "partial");
  EXPECT_EQ(Speaker(doc, *q), "Laura Chen");
}

TEST_F(QuoteExtractorTest, IndirectSpeechWithEachCue) {
  struct Case {
    const char* text;
    const char* content;
    const char* cue;
    const char* speaker;
  };
  const Case kCases[] = {
      {"John Harris said the plant would close in May.",
       "the plant would close in May", "said", "John Harris"},
      {"Maria Lopez told reporters that the plan had failed.",
       "the plan had failed", "told", "Maria Lopez"},
      {"But Peter Hartmann added that talks would go on.",
       "talks would go on", "added", "Peter Hartmann"},
      {"Sarah Klein warned that prices would rise again.",
       "prices would rise again", "warned", "Sarah Klein"},
      {"Tom Becker denied the charges against him.", "the charges against him",
       "denied", "Tom Becker"},
      {"Anna Weber noted that the budget was smaller.",
       "the budget was smaller", "noted", "Anna Weber"},
      {"Michael Grant accused the company of hiding losses.",
       "the company of hiding losses", "accused", "Michael Grant"},
      {"Sales fell by a third last year, according to Laura Chen.",
       "Sales fell by a third last year", "according to", "Laura Chen"},
      {"According to Maria Lopez, the account was opened in March.",
       "the account was opened in March", "According to", "Maria Lopez"},
      {"The strike will end on Friday, David Miller said in a statement.",
       "The strike will end on Friday", "said in a statement",
       "David Miller"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Document doc = Run(c.text);
    const Quote* q = Find(doc, c.content);
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->kind, "indirect");
    EXPECT_EQ(q->cue, c.cue);
    EXPECT_EQ(Speaker(doc, *q), c.speaker);
  }
}

TEST_F(QuoteExtractorTest, CueClassSaysWhatKindOfStatement) {
  Document said = Run("John Harris said the plant would close in May.");
  ASSERT_FALSE(said.quotes.empty());
  EXPECT_EQ(said.quotes[0].cue_class, "speech");
  Document denied = Run("Tom Becker denied the charges against him.");
  ASSERT_FALSE(denied.quotes.empty());
  EXPECT_EQ(denied.quotes[0].cue_class, "act");
  Document believes = Run("Sarah Klein believes the market will recover.");
  ASSERT_FALSE(believes.quotes.empty());
  EXPECT_EQ(believes.quotes[0].cue_class, "belief");
}

TEST_F(QuoteExtractorTest, StatementOfAnOrganisation) {
  Document doc = Run(
      "A White House statement said the tests would violate U.N. "
      "resolutions.");
  const Quote* q = Find(doc, "the tests would violate U.N. resolutions");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Speaker(doc, *q), "White House");
  EXPECT_EQ(Text(doc, q->speaker_span), "A White House statement");
}

TEST_F(QuoteExtractorTest, NewsAgencyAsSpeaker) {
  Document doc = Run(
      "\xE2\x80\x9CThe talks were a success,\xE2\x80\x9D KCNA said.");
  const Quote* q = Find(doc, "The talks were a success,");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Speaker(doc, *q), "KCNA");
}

TEST_F(QuoteExtractorTest, TitleResolvedThroughRoles) {
  Document doc = Run(
      "Kremlin spokesman Dmitry Peskov spoke to reporters on Friday.\n\n"
      "The spokesman said the visit was planned for October.");
  const Quote* q = Find(doc, "the visit was planned for October");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->speaker_span), "The spokesman");
  EXPECT_EQ(Speaker(doc, *q), "Dmitry Peskov");
}

TEST_F(QuoteExtractorTest, PronounResolvedToTheLastPerson) {
  Document doc = Run(
      "Laura Chen met David Miller in Berlin on Monday. He said the deal "
      "was close.");
  const Quote* q = Find(doc, "the deal was close");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->speaker_span), "He");
  EXPECT_EQ(Speaker(doc, *q), "David Miller");
}

TEST_F(QuoteExtractorTest, SeveralSpeakersAtOnce) {
  Document doc = Run(
      "Jake Sullivan and counterparts Takeo Akiba and Cho Tae-yong noted "
      "that the launches broke the rules.");
  const Quote* q = Find(doc, "the launches broke the rules");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Speaker(doc, *q), "Jake Sullivan");
  std::vector<std::string> names;
  for (const std::string& id : q->speakers) {
    for (const Entity& e : doc.entities) {
      if (e.id == id) names.push_back(e.name);
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Jake Sullivan", "Takeo Akiba",
                                             "Cho Tae-yong"}));
}

TEST_F(QuoteExtractorTest, QuoteThatNeverClosesGivesNothing) {
  Document doc = Run(
      "\xE2\x80\x9CWe will never give up the fight for our homes.\n\n"
      "The mayor left the hall early.");
  for (const Quote& q : doc.quotes) EXPECT_NE(q.kind, "direct");
  Document straight = Run("\"This is not over, the sign read in red paint.");
  for (const Quote& q : straight.quotes) EXPECT_NE(q.kind, "direct");
}

TEST_F(QuoteExtractorTest, InchesAndApostrophesAreNoQuotes) {
  for (const char* text :
       {"The center is 6'2\" tall and weighs 230 pounds.",
        "She grew up on rock 'n' roll in the '90s and never looked back.",
        "The board\xE2\x80\x99s members met in the \xE2\x80\x99" "90s and the "
        "players\xE2\x80\x99 union agreed.",
        "He measured 5\xE2\x80\x99 10\xE2\x80\x9D at the draft."}) {
    SCOPED_TRACE(text);
    Document doc = Run(text);
    EXPECT_TRUE(doc.quotes.empty());
  }
}

TEST_F(QuoteExtractorTest, EmptyAndInconsistentLayers) {
  std::unique_ptr<QuoteExtractor> q;
  ASSERT_TRUE(QuoteExtractor::FromLexicon("said\tspeech\n", &q).ok());
  Document empty;
  q->Extract(&empty);
  EXPECT_TRUE(empty.quotes.empty());
  Document bad;
  bad.text = "He said \"so.\"";
  bad.tokens = {{0, 2}, {3, 400}};  // past the text
  q->Extract(&bad);
  EXPECT_TRUE(bad.quotes.empty());
  EXPECT_FALSE(QuoteExtractor::FromLexicon("said\n", &q).ok());
  EXPECT_FALSE(QuoteExtractor::FromLexicon("said\tshouting\n", &q).ok());
}

TEST_F(QuoteExtractorTest, RaisingVerbHasNoSpeakerAndTwoParts) {
  // PolNeAR's convention: the subject and the infinitive are the content,
  // the cue names no source.
  Document doc = Run("The governor is expected to sign the bill on Friday.");
  const Quote* inf = Find(doc, "to sign the bill on Friday");
  ASSERT_NE(inf, nullptr);
  EXPECT_EQ(inf->cue, "is expected");
  EXPECT_EQ(inf->speaker_span.begin, inf->speaker_span.end);
  EXPECT_NE(Find(doc, "The governor"), nullptr);
  Document seem = Run("Senator Maria Lopez seemed to soften her stance.");
  const Quote* q = Find(seem, "to soften her stance");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "seemed");
  // A predicate adjective is content too, as PolNeAR marks "New Hampshire
  // seems stable" (this asserted no quote while the tagger read "strange" as
  // a noun); either way the cue names no source.
  for (const Quote& q : Run("The results seemed strange.").quotes) {
    EXPECT_EQ(q.cue, "seemed");
    EXPECT_TRUE(q.speaker.empty()) << q.speaker_name;
  }
}

TEST_F(QuoteExtractorTest, QuestionWhoseAskerIsNotNamed) {
  Document doc = Run(
      "Asked whether he would run again, Tom Becker said he had not "
      "decided.");
  const Quote* q = Find(doc, "whether he would run again");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "Asked");
  EXPECT_EQ(q->speaker_span.begin, q->speaker_span.end);
  const Quote* answer = Find(doc, "he had not decided");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(Text(doc, answer->speaker_span), "Tom Becker");
  Document passive =
      Run("Sanders was asked about the emails during the interview.");
  const Quote* p = Find(passive, "the emails during the interview");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->cue, "was asked about");
}

// The rules take the clause to its end ("Clinton in New Hampshire on
// Monday"); the content model (data/models/quotes.model) then decides how
// much of it PolNeAR would mark, so only the start is asserted here.
TEST_F(QuoteExtractorTest, ActCueContentIsItsObject) {
  Document doc = Run("Tom Becker endorsed Clinton in New Hampshire on Monday.");
  const Quote* q = nullptr;
  for (const Quote& c : doc.quotes) {
    if (c.cue == "endorsed") q = &c;
  }
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->span).rfind("Clinton", 0), 0u) << Text(doc, q->span);
  EXPECT_EQ(q->cue_class, "act");
  EXPECT_EQ(Text(doc, q->speaker_span), "Tom Becker");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Property: on arbitrary text built from the pieces quotations are made of
// (marks, commas, cue words, names, paragraph breaks) the extractor never
// crashes and every span stays inside the text and its sentence.
TEST_F(QuoteExtractorTest, RandomTextsKeepSpansInside) {
  const char* const kPieces[] = {
      "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
      "\xE2\x80\x99", "''", "``", ",", ".", ":", ";", "?", "\n\n", "\n",
      " said", " says", " told", " according to", " added", " he", " she",
      " who", " Maria Lopez", " the spokesman", " KCNA", " and", " that",
      " the plan", " failed", " on Monday", " 6'2\"", " '90s", " (NSC)",
      " however", " \xE2\x80\x94", " in a statement", " A White House statement",
      " saying", " Asked", " \xC3\xA9t\xC3\xA9", "\xFF"};
  uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = 1 + next() % 60;
    for (int k = 0; k < n; ++k) {
      text += kPieces[next() % (sizeof(kPieces) / sizeof(kPieces[0]))];
    }
    SCOPED_TRACE(text);
    Run(text);  // checks the spans
  }
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Regression: the POS model tags a noun after "to" as an infinitive
// ("according to law/VB enforcement officials"); the source must survive.
TEST_F(QuoteExtractorTest, AccordingToANounTheTaggerTookForAVerb) {
  Document doc = Run(
      "According to law enforcement officials, the account was opened in "
      "March.");
  const Quote* q = Find(doc, "the account was opened in March");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->speaker_span), "law enforcement officials");
}

// An opening "According to ..." phrase with its own prepositional phrases:
// the source runs on to its comma, the content starts after it.
TEST_F(QuoteExtractorTest, AccordingToRunsOnToTheComma) {
  Document doc = Run(
      "According to exit polls conducted by the Associated Press and "
      "television networks, black voters make up a fifth of the electorate.");
  const Quote* q = Find(doc, "black voters make up a fifth of the electorate");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->speaker_span),
            "exit polls conducted by the Associated Press and television "
            "networks");
}

// "In a ... poll, CONTENT": the poll is the source, "In" the cue; an opening
// "In" phrase without a poll is none.
TEST_F(QuoteExtractorTest, InAPollOpener) {
  Document doc = Run(
      "In a Washington Post poll released Sunday, just 8 percent of Democrats "
      "favoured the plan.");
  const Quote* q = Find(doc, "just 8 percent of Democrats favoured the plan");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(doc, q->speaker_span), "a Washington Post poll released Sunday");
  EXPECT_EQ(Text(doc, q->cue_span), "In");
  Document none = Run("In the morning, the plan failed badly in the end.");
  EXPECT_EQ(Find(none, "the plan failed badly in the end"), nullptr);
}

// A quotation that opens its sentence takes the speaker before the verb
// however long the description: commas, brackets, a phrase after the verb.
TEST_F(QuoteExtractorTest, QuotationThenALongSpeakerDescription) {
  Document doc = Run(
      "\xE2\x80\x9CIt is not the position that everything is hunky-dory,"
      "\xE2\x80\x9D Gene Sperling, a top outside Clinton adviser, said at a "
      "recent event on the economy in Iowa.");
  const Quote* q = Find(doc, "It is not the position that everything is hunky-dory,");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(Text(doc, q->cue_span).substr(0, 4), "said");
  EXPECT_EQ(Text(doc, q->speaker_span), "Gene Sperling, a top outside Clinton adviser");
  // Nothing after the verb is taken for what was said.
  EXPECT_EQ(Find(doc, "a recent event on the economy in Iowa"), nullptr);
  Document br = Run(
      "\"It reminds us how important this election is,\" Sen. Marco Rubio "
      "(R-Fla.) said Saturday night at the debate, which was held in New "
      "Hampshire.");
  const Quote* r = Find(br, "It reminds us how important this election is,");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "direct");
  EXPECT_NE(Text(br, r->speaker_span).find("Marco Rubio"), std::string::npos);
}

// The tagger reads some verbs at a sentence's end as nouns ("explains/NNS");
// a quotation closed by a full stop takes a short speaker; an inverted verb
// after a quotation that closed its own sentence ('...?" wrote Sanders').
TEST_F(QuoteExtractorTest, QuotationThenVerbInOtherShapes) {
  Document doc = Run(
      "The website is new. \xE2\x80\x9C" "A slow economy has us on an "
      "unsustainable path,\xE2\x80\x9D the website explains.");
  const Quote* q = Find(doc, "A slow economy has us on an unsustainable path,");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(q->cue, "explains");
  Document inv = Run(
      "The campaign was quiet.\n\n\xE2\x80\x9C" "Could this happen in the "
      "United States? You bet it could.\xE2\x80\x9D wrote Sanders, a senator "
      "from Vermont, in an op-ed.");
  const Quote* w = Find(inv, "Could this happen in the United States? You bet it could.");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->kind, "direct");
  EXPECT_EQ(w->cue, "wrote");
  EXPECT_EQ(Text(inv, w->speaker_span).substr(0, 7), "Sanders");
}

// A verb of saying, a comma and a quotation that ends the sentence: the
// quotation is what was said, its speaker the verb's subject.
TEST_F(QuoteExtractorTest, CueThenCommaThenQuotation) {
  Document doc = Run(
      "Clinton said, \"I do take responsibility.\" She followed that by "
      "saying, \"I am not a natural politician, in case you have not "
      "noticed.\"");
  const Quote* q = Find(doc, "I am not a natural politician, in case you have not noticed.");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(q->cue, "saying");
  Document put = Run(
      "At the time, as the prosecutor Marc Trevidic put it, \"apart from "
      "some jogging for fitness, there was not much to complain about.\"");
  const Quote* p = Find(put,
                        "apart from some jogging for fitness, there was not much "
                        "to complain about.");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, "direct");
  EXPECT_EQ(p->cue, "put it");
}

// The second part of an interrupted quotation after a time phrase or a
// longer phrase after the cue.
TEST_F(QuoteExtractorTest, SecondPartAfterAPhrase) {
  Document doc = Run(
      "\xE2\x80\x9CThat does not mean no response,\xE2\x80\x9D one Clinton "
      "aide said late last month, \xE2\x80\x9C" "but a muted one.\xE2\x80\x9D");
  const Quote* b = Find(doc, "but a muted one.");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->kind, "direct");
  EXPECT_EQ(b->cue.substr(0, 4), "said");  // the model may take the time in
  Document longer = Run(
      "\"I have no idea how these men and women voted,\" he said of people "
      "whose rights were restored, \"But I do know that they made an "
      "investment.\"");
  const Quote* c = Find(longer, "But I do know that they made an investment.");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, "direct");
}

// Two words ending a sentence right after an attribution in the same
// paragraph are the speaker's; a quoted two-word heading alone is nothing.
TEST_F(QuoteExtractorTest, ShortSentenceAfterAnAttribution) {
  Document doc = Run(
      "The truck stopped. \"There was carnage on the road,\" Bouhlel said. "
      "\"Bodies everywhere.\"");
  const Quote* q = Find(doc, "Bodies everywhere.");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_EQ(Text(doc, q->speaker_span), "Bouhlel");
  Document heading = Run("Bouhlel said nothing.\n\n\"Bodies everywhere\"\n\nThe rest.");
  EXPECT_EQ(Find(heading, "Bodies everywhere"), nullptr);
}

// Closing marks typed wrong: a left double mark after a word, two right
// single marks for a double one. The quotations after them pair up.
TEST_F(QuoteExtractorTest, MistypedClosingMarks) {
  Document doc = Run(
      "He set up a website called \xE2\x80\x9C" "Cape Breton If Trump "
      "Wins\xE2\x80\x9C that pitches the island.\n\n\xE2\x80\x9CHi Americans! "
      "Trump may become your president!\xE2\x80\x9D a welcome message on the "
      "website reads.");
  const Quote* q = Find(doc, "Hi Americans! Trump may become your president!");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "direct");
  EXPECT_NE(Find(doc, "Cape Breton If Trump Wins"), nullptr);
  Document two = Run(
      "Kelly asked a \xE2\x80\x9Cquestion\xE2\x80\x99\xE2\x80\x99 that "
      "stung.\n\n\xE2\x80\x9CYou have called women fat pigs,\xE2\x80\x9D "
      "Kelly said.");
  const Quote* k = Find(two, "You have called women fat pigs,");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->kind, "direct");
}

// "which Democrats say could be aiding Mr. Sanders": the relative pronoun is
// the content's first part.
TEST_F(QuoteExtractorTest, RelativePronounIsTheFirstPart) {
  Document doc = Run(
      "There has been a surge of people registering as independents, which "
      "Democrats say could be aiding Mr. Sanders.");
  const Quote* w = Find(doc, "which");
  const Quote* c = Find(doc, "could be aiding Mr. Sanders");
  ASSERT_NE(w, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(w->cue, "say");
  EXPECT_EQ(Text(doc, w->speaker_span), "Democrats");
}

// Verbs of seeming with a predicate, and "It appears that ...": PolNeAR's
// beliefs with no source.
TEST_F(QuoteExtractorTest, SeemingWithAPredicateOrAClause) {
  Document doc = Run("As the jokes spread, the Trump team appeared paralyzed.");
  const Quote* a = Find(doc, "the Trump team");
  const Quote* b = Find(doc, "paralyzed");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->cue, "appeared");
  EXPECT_TRUE(b->speaker_span.end == b->speaker_span.begin);
  Document it = Run("It appears, though, that the championship game was not boring.");
  const Quote* c = Find(it, "the championship game was not boring");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->cue, "appears");
  EXPECT_EQ(Find(it, "It"), nullptr);
}

// "reportedly": a cue with no source, the clause around it in two parts.
TEST_F(QuoteExtractorTest, ReportedlyIsACueWithoutASource) {
  Document doc = Run("Khoga was reportedly on that trip with his family.");
  const Quote* a = Find(doc, "Khoga was");
  const Quote* b = Find(doc, "on that trip with his family");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->cue, "reportedly");
  EXPECT_TRUE(b->speaker_span.end == b->speaker_span.begin);
}

// A plural subject and a cue's base form the tagger took for a noun.
TEST_F(QuoteExtractorTest, BaseFormAfterAPluralSubject) {
  Document doc = Run("Trump fans insist delegates must heed the will of the party.");
  const Quote* q = Find(doc, "delegates must heed the will of the party");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "insist");
  EXPECT_EQ(Text(doc, q->speaker_span), "Trump fans");
}

// A quotation after a comma inside a that-clause belongs to the clause.
TEST_F(QuoteExtractorTest, QuotationInsideAThatClause) {
  Document doc = Run(
      "Clinton told the crowd that after more than 200 years and 44 male "
      "presidents, \"It's time.\"");
  const Quote* q = Find(doc,
                        "after more than 200 years and 44 male presidents, "
                        "\"It's time.\"");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->cue, "told");
}

// 'Instead, Axelrod said, "..."': the words before an attribution that
// interrupts the sentence are the first part; an opening phrase of place or
// time is not.
TEST_F(QuoteExtractorTest, FirstPartBeforeAnInterruptingAttribution) {
  Document doc = Run("Instead, Axelrod said, \"she started as the favorite.\"");
  const Quote* a = Find(doc, "Instead");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "indirect");
  EXPECT_EQ(Text(doc, a->speaker_span), "Axelrod");
  Document in = Run("In an interview, Trump said, \"We will win.\"");
  EXPECT_EQ(Find(in, "In an interview"), nullptr);
  EXPECT_NE(Find(in, "We will win."), nullptr);
}

// "X, at Y, said A will ...": a phrase between commas before the cue and a
// clause after it. The noun phrase after the cue is the clause's subject,
// not an inverted speaker; the speaker is the cue's agent before the commas.
TEST_F(QuoteExtractorTest, CommaPhraseBeforeCueThenAClause) {
  Document doc = Run(
      "On Friday, Helen Marsh, at the Institute for Fiscal Studies, said "
      "the new levy will raise less than the Treasury hopes.");
  const Quote* q =
      Find(doc, "the new levy will raise less than the Treasury hopes");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->cue, "said");
  EXPECT_EQ(Text(doc, q->speaker_span).rfind("Helen Marsh", 0), 0u)
      << Text(doc, q->speaker_span);
  // An inverted speaker after a comma stays one.
  Document inv = Run(
      "The levy will raise little, said Helen Marsh, an economist at the "
      "institute.");
  const Quote* r = Find(inv, "The levy will raise little");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(Text(inv, r->speaker_span).rfind("Helen Marsh", 0), 0u)
      << Text(inv, r->speaker_span);
}

// PolNeAR marks the object of an act as its content even when it is one
// word ("endorsed him.", "praised Putin, saying ..."), and "so" or "that"
// after a verb of saying; these were lost when the clause after the cue was
// shorter than two tokens.
TEST_F(QuoteExtractorTest, OneWordObjectIsTheContent) {
  Document doc = Run("Last spring the mayor of Dunmore endorsed him.");
  const Quote* q = Find(doc, "him");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, "indirect");
  EXPECT_EQ(q->cue, "endorsed");
  EXPECT_EQ(Text(doc, q->speaker_span), "the mayor of Dunmore");
  Document so = Run("In March, most of the farmers in the valley said so.");
  const Quote* r = Find(so, "so");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->cue, "said");
  // A time word after the verb is no content.
  Document day = Run("The mayor of Dunmore said Thursday.");
  EXPECT_EQ(Find(day, "Thursday"), nullptr);
}

// PolNeAR never nests attributions: "X, who said Y, said Z" is two, the
// first with "who" its source; the outer source ends before the relative
// clause. Before, the walk took the relative clause into the outer source
// and its cue was never looked at.
TEST_F(QuoteExtractorTest, ReportingRelativeClauseIsAnAttributionOfItsOwn) {
  Document doc = Run(
      "The mayor, who said he usually votes for the Greens, said one "
      "candidate he likes is the governor.");
  const Quote* inner = Find(doc, "he usually votes for the Greens");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->cue, "said");
  EXPECT_EQ(Text(doc, inner->speaker_span), "who");
  const Quote* outer = Find(doc, "one candidate he likes is the governor");
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(Text(doc, outer->speaker_span), "The mayor");
  // A relative clause that reports nothing stays in the source.
  Document plain = Run(
      "Jason Furman, who leads the council, said the economy is growing.");
  const Quote* q = Find(plain, "the economy is growing");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(Text(plain, q->speaker_span), "Jason Furman, who leads the council");
}

// "said [X] and the governor urged ...": a conjunct with a subject of its
// own whose verb is one of telling or urging (class object) is another
// attribution, like one of saying; the content of the first ends before
// it, and the learnt bounds no longer move that end back over the second
// cue (PolNeAR never nests attributions). Before, the first content ran to
// the end of the sentence and the second attribution was lost.
TEST_F(QuoteExtractorTest, ConjunctWithAVerbOfTellingIsItsOwnAttribution) {
  Document doc = Run(
      "Officials said the road had flooded twice and the governor urged "
      "drivers to stay home.");
  const Quote* first = Find(doc, "the road had flooded twice");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->cue, "said");
  EXPECT_EQ(Text(doc, first->speaker_span), "Officials");
  const Quote* second = nullptr;
  for (const Quote& q : doc.quotes) {
    if (q.cue == "urged") second = &q;
  }
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(Text(doc, second->speaker_span), "the governor");
  EXPECT_EQ(Text(doc, second->span), "drivers to stay home");
}

// "Sen. Bernie Sanders (I-Vt.) said": the abbreviation's period inside the
// parentheses is a token of its own, and the walk over the subject stopped
// at it, so the attribution was lost with its cue and content (PolNeAR
// keeps the party label in the source).
TEST_F(QuoteExtractorTest, PartyLabelWithAPeriodStaysInTheSource) {
  Document doc = Run(
      "Sen. Bernie Sanders (I-Vt.) said he will make his medical records "
      "public.");
  const Quote* q = Find(doc, "he will make his medical records public");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "said");
  EXPECT_EQ(Text(doc, q->speaker_span), "Sen. Bernie Sanders (I-Vt.)");
}

// "After arguing that ..., the governor left": a gerund cue after a
// preposition has no subject of its own; its speaker is the agent of the
// clause it hangs on, here after it, and that is no inverted subject (the
// content after the cue stays). Before, the attribution was lost.
TEST_F(QuoteExtractorTest, GerundAfterAPrepositionTakesTheMainSubject) {
  Document doc = Run(
      "After arguing that the results had narrowed the race, the governor "
      "left the state.");
  const Quote* q = Find(doc, "the results had narrowed the race");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "arguing");
  EXPECT_EQ(Text(doc, q->speaker_span), "the governor");
}

// "Some say", "another says": a determiner standing alone as the cue's
// subject in the clause layer is the speaker; before, a verb after a
// determiner was taken for an adjective ("the said document") and the
// attribution was lost. "That said, ..." stays no attribution.
TEST_F(QuoteExtractorTest, DeterminerSubjectIsASpeaker) {
  Document doc = Run(
      "Some say the new bridge is unsafe. Another says it will stand for "
      "decades.");
  const Quote* some = Find(doc, "the new bridge is unsafe");
  ASSERT_NE(some, nullptr);
  EXPECT_EQ(some->cue, "say");
  EXPECT_EQ(Text(doc, some->speaker_span), "Some");
  const Quote* another = Find(doc, "it will stand for decades");
  ASSERT_NE(another, nullptr);
  EXPECT_EQ(Text(doc, another->speaker_span), "Another");
  Document idiom = Run("That said, the bridge will stay open until June.");
  for (const Quote& q : idiom.quotes) EXPECT_NE(q.cue, "said");
}

// "Six in 10 say he is ...": the tagger reads "say" after a number as a
// noun; before a clause that opens with a pronoun, "that" or a determiner
// it is the verb, as after a plural noun. "three state primaries" stays a
// noun phrase.
TEST_F(QuoteExtractorTest, NumberSubjectBeforeAClause) {
  Document doc = Run("Six in 10 say he is at least somewhat decisive.");
  const Quote* q = Find(doc, "he is at least somewhat decisive");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->cue, "say");
  EXPECT_EQ(Text(doc, q->speaker_span), "Six in 10");
  Document noun = Run("He has won at least three state primaries on Tuesday.");
  for (const Quote& n : noun.quotes) EXPECT_NE(n.cue, "state");
}

}  // namespace
}  // namespace dateline

// Issues 12 and 13: a wire story's dateline ("WASHINGTON, March 6 -",
// "LONDON (Reuters) -") is a sentence of its own, so the lead sentence is
// tagged and parsed from its first word (its verb the root, its subject the
// nsubj), and the event coder still takes the dateline as the event's place
// when the clause names none. Through the whole pipeline, on pages written
// here.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "text_page.h"

namespace dateline {
namespace {

std::string Text(const Document& doc, const Span& s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}

// The index of the first token reading `word`, -1 when none.
int TokenOf(const Document& doc, const std::string& word) {
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (Text(doc, doc.tokens[t]) == word) return static_cast<int>(t);
  }
  return -1;
}

// The text of the first dependent of token `head` with relation `deprel`.
std::string Dependent(const Document& doc, int head,
                      const std::string& deprel) {
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.heads[t] == head && doc.deprels[t] == deprel)
      return Text(doc, doc.tokens[t]);
  }
  return "";
}

// Checks that the page's first sentence is `dateline`, that the next one
// is parsed with `verb` its root and `subject` the verb's nsubj, and that
// no dateline token hangs in the lead sentence's tree.
void ExpectLead(const Document& doc, const std::string& dateline,
                const std::string& verb, const std::string& subject) {
  ASSERT_GE(doc.sentences.size(), 2u);
  EXPECT_EQ(Text(doc, doc.sentences[0].span), dateline);
  const SentenceSpan& lead = doc.sentences[1];
  const int v = TokenOf(doc, verb);
  ASSERT_GE(v, static_cast<int>(lead.token_begin));
  EXPECT_EQ(doc.deprels[v], "root");
  EXPECT_EQ(doc.heads[v], -1);
  EXPECT_EQ(Dependent(doc, v, "nsubj"), subject);
  for (uint32_t t = lead.token_begin; t < lead.token_end; ++t) {
    EXPECT_TRUE(doc.heads[t] == -1 ||
                doc.heads[t] >= static_cast<int>(lead.token_begin))
        << Text(doc, doc.tokens[t]);
  }
}

TEST(LeadDatelineTest, ReutersStyleLead) {
  std::unique_ptr<Document> doc = ProcessTextPage(
      "reuters-lead",
      "U.S. condemns Iran over missile test\n\n"
      "WASHINGTON, March 6 - The United States condemned Iran on Friday for "
      "testing a new ballistic missile, saying the launch broke a United "
      "Nations resolution and threatened its neighbours.\n\n"
      "The State Department said it would raise the test with its allies "
      "at the United Nations next week.\n");
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->error, "");
  ExpectLead(*doc, "WASHINGTON, March 6 -", "condemned", "States");
  EXPECT_EQ(doc->datelines, std::vector<std::string>{"WASHINGTON"});
  // Issue 13: no place in the clause, so the dateline is the event's.
  bool found = false;
  for (const Event& e : doc->events) {
    if (Text(*doc, e.trigger) != "condemned") continue;
    found = true;
    EXPECT_EQ(e.source.code.substr(0, 3), "USA");
    EXPECT_EQ(e.target.code.substr(0, 3), "IRN");
    EXPECT_EQ(e.location, "WASHINGTON");
    EXPECT_EQ(e.location_source, "dateline");
  }
  EXPECT_TRUE(found);
}

TEST(LeadDatelineTest, AgencyLead) {
  std::unique_ptr<Document> doc = ProcessTextPage(
      "agency-lead",
      "Britain and France agree on Channel patrols\n\n"
      "LONDON (Reuters) - Britain signed a new agreement with France on "
      "Tuesday to step up patrols on the beaches of northern France, the "
      "interior ministry said in a statement.\n");
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->error, "");
  ExpectLead(*doc, "LONDON (Reuters) -", "signed", "Britain");
}

TEST(LeadDatelineTest, SimilarShapesStayInTheirSentence) {
  std::unique_ptr<Document> doc = ProcessTextPage(
      "not-datelines",
      "Trade talks resume\n\n"
      "US - China talks resumed in Geneva on Monday after a pause of three "
      "months, officials from both governments told reporters there.\n\n"
      "ATLANTA-based Delta Air Lines said on Monday it would cut flights to "
      "Shanghai and Beijing from next month because of weak demand.\n");
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->error, "");
  ASSERT_EQ(doc->sentences.size(), 2u);
  EXPECT_EQ(Text(*doc, doc->sentences[0].span).substr(0, 16),
            "US - China talks");
  EXPECT_EQ(Text(*doc, doc->sentences[1].span).substr(0, 19),
            "ATLANTA-based Delta");
}

}  // namespace
}  // namespace dateline

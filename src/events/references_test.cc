// The reference resolver on its own (issue 13, item 2): documents built by
// hand (tokens, tags, clauses, quotations and the actor finder's groups),
// one per construction, asserting the code, entity and span each reference
// takes, and the cases that must stay unresolved.
#include "events/references.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "events/event_lexicons.h"

namespace dateline {
namespace {

// A document made one sentence at a time: words separated by spaces, each
// with its Penn tag.
class DocBuilder {
 public:
  // Appends a sentence of `words` ("Putin/NNP met/VBD Kim/NNP ./."), and
  // returns its first token's index.
  uint32_t Sentence(const std::vector<std::string>& words) {
    SentenceSpan s;
    s.token_begin = static_cast<uint32_t>(doc_.tokens.size());
    if (!doc_.text.empty()) doc_.text += " ";
    s.span.begin = static_cast<uint32_t>(doc_.text.size());
    for (const std::string& wt : words) {
      size_t slash = wt.rfind('/');
      std::string w = wt.substr(0, slash), tag = wt.substr(slash + 1);
      if (doc_.text.size() > s.span.begin) doc_.text += " ";
      Span t{static_cast<uint32_t>(doc_.text.size()), 0};
      doc_.text += w;
      t.end = static_cast<uint32_t>(doc_.text.size());
      doc_.tokens.push_back(t);
      doc_.pos.push_back(tag);
      doc_.deprels.push_back(tag == "PRP$" ? "nmod:poss" : "dep");
    }
    s.token_end = static_cast<uint32_t>(doc_.tokens.size());
    s.span.end = static_cast<uint32_t>(doc_.text.size());
    doc_.sentences.push_back(s);
    groups_.emplace_back();
    return s.token_begin;
  }
  // Bytes of tokens [b, e).
  Span Bytes(uint32_t b, uint32_t e) const {
    return {doc_.tokens[b].begin, doc_.tokens[e - 1].end};
  }
  // Adds a clause on `predicate` with arguments (role, first token, end).
  void AddClause(uint32_t predicate,
                 const std::vector<std::tuple<std::string, uint32_t,
                                              uint32_t>>& args,
                 int parent = -1) {
    Clause c;
    c.predicate = predicate;
    c.kind = "verb";
    c.voice = "active";
    c.parent = parent;
    for (const auto& [role, b, e] : args) {
      ClauseArgument a;
      a.role = role;
      a.head = e - 1;
      a.span = Bytes(b, e);
      c.arguments.push_back(a);
    }
    doc_.clauses.push_back(c);
  }
  // Adds an actor group of one actor at tokens [b, e) of the last sentence.
  FoundActor& Actor(uint32_t b, uint32_t e, const std::string& code,
                    const std::string& entity = "", bool person = false) {
    FoundGroup g;
    g.b = b;
    g.e = e;
    FoundActor f;
    f.b = b;
    f.e = e;
    f.code = code;
    f.entity = entity;
    f.person = person;
    g.actors.push_back(f);
    groups_.back().push_back(g);
    return groups_.back().back().actors.back();
  }
  // Adds a pronoun the actor finder could not resolve in its sentence.
  FoundActor& Pronoun(uint32_t b, uint32_t e = 0) {
    FoundActor& f = Actor(b, e ? e : b + 1, "");
    f.pronoun = true;
    return f;
  }
  // Adds a person entity `id` named `name`, mentioned at tokens [b, e),
  // with `roles`.
  void Person(const std::string& id, const std::string& name, uint32_t b,
              uint32_t e, const std::vector<std::string>& roles = {}) {
    Entity en;
    en.id = id;
    en.name = name;
    en.type = "PER";
    en.roles = roles;
    en.mentions.push_back(Bytes(b, e));
    doc_.entities.push_back(en);
  }
  Document& doc() { return doc_; }
  std::vector<std::vector<FoundGroup>>& groups() { return groups_; }
  // The actors of the group that starts at token `b`.
  const std::vector<FoundActor>& At(uint32_t b) const {
    for (const auto& s : groups_) {
      for (const FoundGroup& g : s) {
        if (g.b == b) return g.actors;
      }
    }
    static const std::vector<FoundActor> kNone;
    return kNone;
  }

 private:
  Document doc_;
  std::vector<std::vector<FoundGroup>> groups_;
};

class ReferencesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    lexicons_ = new EventLexicons;
    ASSERT_TRUE(
        lexicons_->Load(DATELINE_SOURCE_DIR "/data/events/lexicons.tsv").ok());
    ASSERT_TRUE(lexicons_
                    ->LoadGivenNames(DATELINE_SOURCE_DIR
                                     "/data/gazetteers/first_names.tsv")
                    .ok());
  }
  static void TearDownTestSuite() { delete lexicons_; }
  void Resolve(DocBuilder* d,
               std::vector<std::pair<std::string, std::string>> codes = {}) {
    EntityCodeLookup lookup = [codes](const std::string& id) {
      for (const auto& [e, c] : codes) {
        if (e == id) return c;
      }
      return std::string();
    };
    ResolveReferences(d->doc(), lexicons_, lookup, ReferenceOptions{},
                      &d->groups());
  }
  static EventLexicons* lexicons_;
};
EventLexicons* ReferencesTest::lexicons_ = nullptr;

TEST_F(ReferencesTest, PronounSubjectTakesThePreviousSentencesSubject) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Blair/NNP", "visited/VBD", "Chirac/NNP", "./."});
  d.Actor(s0, s0 + 1, "GBRGOV", "e1", true).name = "Tony Blair";
  d.Actor(s0 + 2, s0 + 3, "FRAGOV", "e2", true);
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}, {"patient", s0 + 2, s0 + 3}});
  uint32_t s1 = d.Sentence({"He/PRP", "criticised/VBD", "Iran/NNP", "./."});
  d.Pronoun(s1);
  d.Actor(s1 + 2, s1 + 3, "IRN");
  d.AddClause(s1 + 1, {{"agent", s1, s1 + 1}, {"patient", s1 + 2, s1 + 3}});
  Resolve(&d);
  const std::vector<FoundActor>& he = d.At(s1);
  ASSERT_EQ(he.size(), 1u);
  EXPECT_EQ(he[0].code, "GBRGOV");
  EXPECT_EQ(he[0].entity, "e1");
  EXPECT_EQ(he[0].name, "Tony Blair");
  EXPECT_TRUE(he[0].pronoun);
  // The reference keeps its own words as its span.
  EXPECT_EQ(he[0].b, s1);
  EXPECT_EQ(he[0].e, s1 + 1);
}

TEST_F(ReferencesTest, PossessivePronounGivesItsSectorToTheCountry) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Iran/NNP", "tested/VBD", "a/DT", "missile/NN",
                            "./."});
  d.Actor(s0, s0 + 1, "IRN", "e1");
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}, {"patient", s0 + 2, s0 + 4}});
  uint32_t s1 = d.Sentence({"Its/PRP$", "army/NN", "threatened/VBD",
                            "Israel/NNP", "./."});
  d.Pronoun(s1, s1 + 2).sector = "MIL";
  d.Actor(s1 + 3, s1 + 4, "ISR", "e2");
  d.AddClause(s1 + 2, {{"agent", s1, s1 + 2}, {"patient", s1 + 3, s1 + 4}});
  Resolve(&d);
  ASSERT_EQ(d.At(s1).size(), 1u);
  EXPECT_EQ(d.At(s1)[0].code, "IRNMIL");
  EXPECT_EQ(d.At(s1)[0].entity, "e1");
  EXPECT_EQ(d.At(s1)[0].e, s1 + 2);
}

TEST_F(ReferencesTest, FirstPersonInAQuotationIsItsSpeaker) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"\"/``", "We/PRP", "oppose/VBP", "Israel/NNP",
                            ",/,", "\"/''", "Esper/NNP", "said/VBD", "./."});
  d.Actor(s0 + 3, s0 + 4, "ISR", "e2");
  d.Actor(s0 + 6, s0 + 7, "USAGOV", "e1", true);
  Quote q;
  q.kind = "direct";
  q.span = d.Bytes(s0 + 1, s0 + 5);
  q.speaker = "e1";
  q.speaker_name = "Mark Esper";
  q.speaker_span = d.Bytes(s0 + 6, s0 + 7);
  d.doc().quotes.push_back(q);
  Resolve(&d, {{"e1", "USAGOV"}});
  const std::vector<FoundActor>& we = d.At(s0 + 1);
  ASSERT_EQ(we.size(), 1u);
  EXPECT_EQ(we[0].code, "USAGOV");
  EXPECT_EQ(we[0].entity, "e1");
  EXPECT_EQ(we[0].name, "Mark Esper");
}

TEST_F(ReferencesTest, PronounSourceOfAQuotationIsTheQuotesSpeaker) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Kilroy-Silk/NNP", "spoke/VBD", "./."});
  uint32_t s1 = d.Sentence({"Britain/NNP", "must/MD", "act/VB", ",/,",
                            "he/PRP", "argued/VBD", "./."});
  d.Actor(s1, s1 + 1, "GBR");
  d.Pronoun(s1 + 4);
  d.AddClause(s1 + 2, {{"agent", s1, s1 + 1}});
  d.AddClause(s1 + 5, {{"agent", s1 + 4, s1 + 5}});
  Quote q;
  q.kind = "indirect";
  q.span = d.Bytes(s1, s1 + 3);
  q.speaker = "e7";
  q.speaker_name = "Robert Kilroy-Silk";
  q.speaker_span = d.Bytes(s1 + 4, s1 + 5);
  d.doc().quotes.push_back(q);
  Resolve(&d, {{"e7", "GBROPP"}});
  ASSERT_EQ(d.At(s1 + 4).size(), 1u);
  EXPECT_EQ(d.At(s1 + 4)[0].code, "GBROPP");
  EXPECT_EQ(d.At(s1 + 4)[0].entity, "e7");
  (void)s0;
}

TEST_F(ReferencesTest, DescriptionTakesTheNearestGovernment) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Russia/NNP", "accused/VBD", "Ukraine/NNP",
                            "./."});
  d.Actor(s0, s0 + 1, "RUS", "e1");
  d.Actor(s0 + 2, s0 + 3, "UKR", "e2");
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}, {"patient", s0 + 2, s0 + 3}});
  uint32_t s1 = d.Sentence({"The/DT", "ministry/NN", "criticised/VBD",
                            "Britain/NNP", "./."});
  d.Actor(s1, s1 + 2, "---GOV");
  d.Actor(s1 + 3, s1 + 4, "GBR", "e3");
  d.AddClause(s1 + 2, {{"agent", s1, s1 + 2}, {"patient", s1 + 3, s1 + 4}});
  Resolve(&d);
  ASSERT_EQ(d.At(s1).size(), 1u);
  EXPECT_EQ(d.At(s1)[0].code, "RUSGOV");
  EXPECT_EQ(d.At(s1)[0].entity, "e1");
  EXPECT_TRUE(d.At(s1)[0].pronoun);
}

TEST_F(ReferencesTest, DescriptionTakesAnActorNamedWithItsNoun) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"The/DT", "Labour/NNP", "Party/NNP", "won/VBD",
                            "./."});
  d.Actor(s0 + 1, s0 + 3, "GBRGOV", "e1");
  uint32_t s1 = d.Sentence({"The/DT", "party/NN", "criticised/VBD",
                            "France/NNP", "./."});
  d.Actor(s1 + 3, s1 + 4, "FRA", "e2");
  d.AddClause(s1 + 2, {{"agent", s1, s1 + 2}, {"patient", s1 + 3, s1 + 4}});
  Resolve(&d);
  // A group is added for the description, which the finder did not code.
  ASSERT_EQ(d.At(s1).size(), 1u);
  EXPECT_EQ(d.At(s1)[0].code, "GBRGOV");
  EXPECT_EQ(d.At(s1)[0].e, s1 + 2);
}

TEST_F(ReferencesTest, PersonPronounNeverTakesACountry) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Russia/NNP", "accused/VBD", "Ukraine/NNP",
                            "./."});
  d.Actor(s0, s0 + 1, "RUS", "e1");
  d.Actor(s0 + 2, s0 + 3, "UKR", "e2");
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}, {"patient", s0 + 2, s0 + 3}});
  uint32_t s1 = d.Sentence({"He/PRP", "criticised/VBD", "Britain/NNP",
                            "./."});
  d.Pronoun(s1);
  d.Actor(s1 + 2, s1 + 3, "GBR", "e3");
  d.AddClause(s1 + 1, {{"agent", s1, s1 + 1}, {"patient", s1 + 2, s1 + 3}});
  Resolve(&d);
  ASSERT_EQ(d.At(s1).size(), 1u);
  EXPECT_TRUE(d.At(s1)[0].code.empty());
}

TEST_F(ReferencesTest, ItNeverTakesAPerson) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Putin/NNP", "spoke/VBD", "./."});
  d.Actor(s0, s0 + 1, "RUSGOV", "e1", true);
  uint32_t s1 = d.Sentence({"It/PRP", "criticised/VBD", "Britain/NNP",
                            "./."});
  d.Pronoun(s1);
  d.Actor(s1 + 2, s1 + 3, "GBR", "e3");
  Resolve(&d);
  EXPECT_TRUE(d.At(s1)[0].code.empty());
}

TEST_F(ReferencesTest, PronounSkipsItsClausesOtherArgument) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Putin/NNP", "met/VBD", "Kim/NNP", "./."});
  d.Actor(s0, s0 + 1, "RUSGOV", "e1", true);
  d.Actor(s0 + 2, s0 + 3, "PRKGOV", "e2", true);
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}, {"patient", s0 + 2, s0 + 3}});
  uint32_t s1 = d.Sentence({"He/PRP", "praised/VBD", "Putin/NNP", "./."});
  d.Pronoun(s1);
  d.Actor(s1 + 2, s1 + 3, "RUSGOV", "e1", true);
  d.AddClause(s1 + 1, {{"agent", s1, s1 + 1}, {"patient", s1 + 2, s1 + 3}});
  Resolve(&d);
  // Putin is the previous subject, but the object of "praised": "He" is
  // Kim, not a self-event of Putin's.
  ASSERT_EQ(d.At(s1).size(), 1u);
  EXPECT_EQ(d.At(s1)[0].code, "PRKGOV");
  EXPECT_EQ(d.At(s1)[0].entity, "e2");
}

TEST_F(ReferencesTest, NoReferentBeyondTheDistance) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Blair/NNP", "spoke/VBD", "./."});
  d.Actor(s0, s0 + 1, "GBRGOV", "e1", true);
  for (int i = 0; i < 3; ++i) d.Sentence({"It/PRP", "rained/VBD", "./."});
  uint32_t s4 = d.Sentence({"He/PRP", "criticised/VBD", "Iran/NNP", "./."});
  d.Pronoun(s4);
  d.Actor(s4 + 2, s4 + 3, "IRN");
  Resolve(&d);
  EXPECT_TRUE(d.At(s4)[0].code.empty());
}

// Gender agreement (issue 13, item 2): seen on a real page, "He also said
// he hoped ..." (the Afghan president) took "Stephanie Grisham", a woman
// named in between.
class GenderTest : public ReferencesTest {
 protected:
  // "Ghani spoke." then sentence `middle` with a coded person `other`
  // (entity e2, USAGOV) as its subject, then "<pronoun> criticised Iran."
  // Returns the pronoun's token.
  uint32_t Build(DocBuilder* d, const std::vector<std::string>& middle,
                 uint32_t other_len, const std::string& pronoun) {
    uint32_t s0 = d->Sentence({"Ghani/NNP", "spoke/VBD", "./."});
    d->Actor(s0, s0 + 1, "AFGGOV", "e1", true);
    d->Person("e1", "Ghani", s0, s0 + 1);
    d->AddClause(s0 + 1, {{"agent", s0, s0 + 1}});
    uint32_t s1 = d->Sentence(middle);
    d->Actor(s1, s1 + other_len, "USAGOV", "e2", true);
    d->AddClause(s1 + other_len, {{"agent", s1, s1 + other_len}});
    uint32_t s2 =
        d->Sentence({pronoun + "/PRP", "criticised/VBD", "Iran/NNP", "./."});
    d->Pronoun(s2);
    d->Actor(s2 + 2, s2 + 3, "IRN");
    d->AddClause(s2 + 1, {{"agent", s2, s2 + 1}, {"patient", s2 + 2, s2 + 3}});
    return s2;
  }
};

TEST_F(GenderTest, HeSkipsANearerWomanNamedByHerGivenName) {
  DocBuilder d;
  uint32_t he =
      Build(&d, {"Sarah/NNP", "Sanders/NNP", "spoke/VBD", "./."}, 2, "He");
  d.Person("e2", "Sarah Sanders", he - 4, he - 2);
  Resolve(&d);
  ASSERT_EQ(d.At(he).size(), 1u);
  EXPECT_EQ(d.At(he)[0].code, "AFGGOV");
  EXPECT_EQ(d.At(he)[0].entity, "e1");
}

TEST_F(GenderTest, SheSkipsASpokesman) {
  DocBuilder d;
  uint32_t she = Build(&d, {"Peskov/NNP", "spoke/VBD", "./."}, 1, "She");
  d.Person("e2", "Dmitry Peskov", she - 3, she - 2, {"Kremlin spokesman"});
  Resolve(&d);
  ASSERT_EQ(d.At(she).size(), 1u);
  EXPECT_EQ(d.At(she)[0].entity, "e1");
}

TEST_F(GenderTest, HonorificBeforeAMentionTellsTheGender) {
  DocBuilder d;
  uint32_t he = Build(&d, {"Mrs/NNP", "May/NNP", "spoke/VBD", "./."}, 2, "He");
  // The entity is "May" alone; "Mrs" is the word before its mention.
  d.Person("e2", "May", he - 3, he - 2);
  Resolve(&d);
  ASSERT_EQ(d.At(he).size(), 1u);
  EXPECT_EQ(d.At(he)[0].entity, "e1");
}

TEST_F(GenderTest, UnknownGenderStaysCompatible) {
  for (const char* pronoun : {"He", "She"}) {
    DocBuilder d;
    uint32_t r = Build(&d, {"Blair/NNP", "spoke/VBD", "./."}, 1, pronoun);
    d.Person("e2", "Blair", r - 3, r - 2);
    Resolve(&d);
    ASSERT_EQ(d.At(r).size(), 1u) << pronoun;
    EXPECT_EQ(d.At(r)[0].entity, "e2") << pronoun;
  }
}

TEST_F(GenderTest, AGivenNameOfBothGendersTellsNothing) {
  for (const char* pronoun : {"He", "She"}) {
    DocBuilder d;
    uint32_t r =
        Build(&d, {"Andrea/NNP", "Nahles/NNP", "spoke/VBD", "./."}, 2, pronoun);
    d.Person("e2", "Andrea Nahles", r - 4, r - 2);
    Resolve(&d);
    ASSERT_EQ(d.At(r).size(), 1u) << pronoun;
    EXPECT_EQ(d.At(r)[0].entity, "e2") << pronoun;
  }
}

TEST_F(GenderTest, QuotesSpeakerOfTheOtherGenderIsNotThePronouns) {
  DocBuilder d;
  uint32_t he =
      Build(&d, {"Sarah/NNP", "Sanders/NNP", "spoke/VBD", "./."}, 2, "He");
  d.Person("e2", "Sarah Sanders", he - 4, he - 2);
  // The quotes stage took the last person named as the source of "he".
  Quote q;
  q.kind = "indirect";
  q.span = d.Bytes(he + 1, he + 3);
  q.speaker = "e2";
  q.speaker_name = "Sarah Sanders";
  q.speaker_span = d.Bytes(he, he + 1);
  d.doc().quotes.push_back(q);
  Resolve(&d, {{"e2", "USAGOV"}});
  EXPECT_EQ(d.At(he)[0].entity, "e1");
}

TEST_F(GenderTest, AnUncodedWomanDoesNotStopHe) {
  DocBuilder d;
  uint32_t s0 = d.Sentence({"Ghani/NNP", "spoke/VBD", "./."});
  d.Actor(s0, s0 + 1, "AFGGOV", "e1", true);
  d.Person("e1", "Ghani", s0, s0 + 1);
  d.AddClause(s0 + 1, {{"agent", s0, s0 + 1}});
  // A person the finder could not code stops the search, unless she is
  // a woman and the pronoun "he".
  uint32_t s1 = d.Sentence({"Mary/NNP", "Smith/NNP", "spoke/VBD", "./."});
  d.Person("e3", "Mary Smith", s1, s1 + 2);
  d.AddClause(s1 + 2, {{"agent", s1, s1 + 2}});
  uint32_t s2 = d.Sentence({"He/PRP", "criticised/VBD", "Iran/NNP", "./."});
  d.Pronoun(s2);
  d.Actor(s2 + 2, s2 + 3, "IRN");
  d.AddClause(s2 + 1, {{"agent", s2, s2 + 1}, {"patient", s2 + 2, s2 + 3}});
  Resolve(&d);
  ASSERT_EQ(d.At(s2).size(), 1u);
  EXPECT_EQ(d.At(s2)[0].entity, "e1");
}

}  // namespace
}  // namespace dateline

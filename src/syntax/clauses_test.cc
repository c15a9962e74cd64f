// The clause layer on hand-built parses: one test per construction, then
// inputs a parser never gives (mismatched layers, cycles, heads out of
// range, a 5,000-token chain) that must not crash or blow up.
#include "syntax/clauses.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace dateline {
namespace {

// One CoNLL-like row: head (1-based, 0 = root), relation, Penn tag.
using Row = std::tuple<int, const char*, const char*>;

// The committed table of noun frames (data/syntax/noun_frames.tsv), which
// the pipeline gives the clause layer.
const NounFrames& Frames() {
  static const NounFrames* frames = [] {
    auto* f = new NounFrames();
    EXPECT_TRUE(
        f->LoadFile(DATELINE_SOURCE_DIR "/data/syntax/noun_frames.tsv").ok());
    return f;
  }();
  return *frames;
}

// Returns a one-sentence Document of the whitespace-separated `words` with
// the parse in `rows` (one per word), then runs BuildClauses.
Document Parse(
    const std::string& words, const std::vector<Row>& rows,
    const std::vector<std::pair<std::string, std::string>>& entities = {}) {
  Document doc;
  std::istringstream in(words);
  std::string w;
  while (in >> w) {
    if (!doc.text.empty()) doc.text += ' ';
    Span s;
    s.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += w;
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.tokens.push_back(s);
  }
  EXPECT_EQ(doc.tokens.size(), rows.size()) << words;
  for (const Row& r : rows) {
    doc.heads.push_back(std::get<0>(r) - 1);
    doc.deprels.push_back(std::get<1>(r));
    doc.pos.push_back(std::get<2>(r));
  }
  SentenceSpan sentence;
  sentence.span = {0, static_cast<uint32_t>(doc.text.size())};
  sentence.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(sentence);
  // Entities: (id, phrase); every occurrence of the phrase is a mention.
  for (const auto& [id, phrase] : entities) {
    Entity e;
    e.id = id;
    e.name = phrase;
    for (size_t at = doc.text.find(phrase); at != std::string::npos;
         at = doc.text.find(phrase, at + 1)) {
      e.mentions.push_back({static_cast<uint32_t>(at),
                            static_cast<uint32_t>(at + phrase.size())});
    }
    doc.entities.push_back(e);
  }
  BuildClauses(&doc, nullptr, &Frames());
  return doc;
}

std::string Text(const Document& doc, const Span& s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}

// The clause whose predicate reads `word` (nullptr when none).
const Clause* Find(const Document& doc, const std::string& word) {
  for (const Clause& c : doc.clauses) {
    const Span& t = doc.tokens[c.predicate];
    if (Text(doc, t) == word) return &c;
  }
  return nullptr;
}

int IndexOf(const Document& doc, const Clause* c) {
  return c ? static_cast<int>(c - doc.clauses.data()) : -2;
}

// The arguments of `c` in `role`, as their span texts.
std::vector<std::string> Args(const Document& doc, const Clause& c,
                              const std::string& role) {
  std::vector<std::string> out;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == role) out.push_back(Text(doc, a.span));
  }
  return out;
}

const ClauseArgument* Arg(const Clause& c, const std::string& role,
                          size_t nth = 0) {
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == role && nth-- == 0) return &a;
  }
  return nullptr;
}

using Strings = std::vector<std::string>;

TEST(ClauseLemmaTest, BaseForms) {
  EXPECT_EQ(ClauseLemma("met", "VBD"), "meet");
  EXPECT_EQ(ClauseLemma("accused", "VBN"), "accuse");
  EXPECT_EQ(ClauseLemma("has", "VBZ"), "have");
  EXPECT_EQ(ClauseLemma("providing", "VBG"), "provide");
  EXPECT_EQ(ClauseLemma("invited", "VBD"), "invite");
  EXPECT_EQ(ClauseLemma("visited", "VBD"), "visit");
  EXPECT_EQ(ClauseLemma("travelled", "VBD"), "travel");
  EXPECT_EQ(ClauseLemma("agreed", "VBD"), "agree");
  EXPECT_EQ(ClauseLemma("stopped", "VBD"), "stop");
  EXPECT_EQ(ClauseLemma("added", "VBD"), "add");
  EXPECT_EQ(ClauseLemma("denied", "VBD"), "deny");
  EXPECT_EQ(ClauseLemma("discussed", "VBD"), "discuss");
  EXPECT_EQ(ClauseLemma("imposed", "VBN"), "impose");
  EXPECT_EQ(ClauseLemma("announced", "VBD"), "announce");
  EXPECT_EQ(ClauseLemma("Said", "VBD"), "say");
  EXPECT_EQ(ClauseLemma("talks", "NNS"), "talk");
  EXPECT_EQ(ClauseLemma("sanctions", "NNS"), "sanction");
  EXPECT_EQ(ClauseLemma("visit", "VB"), "visit");
}

TEST(ClausesTest, ActiveTransitive) {
  Document doc = Parse("Putin accepted Kim 's invitation .",
                       {{2, "nsubj", "NNP"},
                        {0, "root", "VBD"},
                        {5, "nmod:poss", "NNP"},
                        {3, "case", "POS"},
                        {2, "obj", "NN"},
                        {2, "punct", "."}},
                       {{"e1", "Putin"}, {"e2", "Kim"}});
  const Clause* c = Find(doc, "accepted");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->lemma, "accept");
  EXPECT_EQ(c->kind, "verb");
  EXPECT_EQ(c->voice, "active");
  EXPECT_EQ(c->tense, "past");
  EXPECT_FALSE(c->negated);
  EXPECT_EQ(c->modality, "");
  EXPECT_EQ(c->parent, -1);
  EXPECT_EQ(Text(doc, c->sentence), doc.text);
  EXPECT_EQ(Text(doc, c->predicate_span), "accepted");
  ASSERT_NE(Arg(*c, "agent"), nullptr);
  EXPECT_EQ(Text(doc, Arg(*c, "agent")->span), "Putin");
  EXPECT_EQ(Arg(*c, "agent")->entity, "e1");
  ASSERT_NE(Arg(*c, "patient"), nullptr);
  EXPECT_EQ(Text(doc, Arg(*c, "patient")->span), "Kim 's invitation");
  EXPECT_EQ(Arg(*c, "patient")->entity, "");
  // "invitation" is a nominal predicate (it has a possessor): Kim invites.
  const Clause* n = Find(doc, "invitation");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->kind, "noun");
  EXPECT_EQ(n->lemma, "invitation");
  EXPECT_EQ(n->parent, IndexOf(doc, c));
  EXPECT_EQ(Arg(*c, "patient")->clause, IndexOf(doc, n));
  ASSERT_NE(Arg(*n, "agent"), nullptr);
  EXPECT_EQ(Arg(*n, "agent")->entity, "e2");
}

TEST(ClausesTest, PassiveWithByAgent) {
  Document doc = Parse("Shoigu was shown missiles by Kim .",
                       {{3, "nsubj:pass", "NNP"},
                        {3, "aux:pass", "VBD"},
                        {0, "root", "VBN"},
                        {3, "obj", "NNS"},
                        {6, "case", "IN"},
                        {3, "obl:agent", "NNP"},
                        {3, "punct", "."}},
                       {{"e1", "Shoigu"}, {"e2", "Kim"}});
  const Clause* c = Find(doc, "shown");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->lemma, "show");
  EXPECT_EQ(c->voice, "passive");
  EXPECT_EQ(c->tense, "past");
  ASSERT_NE(Arg(*c, "agent"), nullptr);
  EXPECT_EQ(Text(doc, Arg(*c, "agent")->span), "Kim");
  EXPECT_EQ(Arg(*c, "agent")->preposition, "by");
  EXPECT_EQ(Arg(*c, "agent")->entity, "e2");
  EXPECT_EQ(Args(doc, *c, "patient"), (Strings{"Shoigu", "missiles"}));
}

TEST(ClausesTest, Negation) {
  Document doc = Parse("Russia did not attack Ukraine .", {{4, "nsubj", "NNP"},
                                                           {4, "aux", "VBD"},
                                                           {4, "advmod", "RB"},
                                                           {0, "root", "VB"},
                                                           {4, "obj", "NNP"},
                                                           {4, "punct", "."}});
  const Clause* c = Find(doc, "attack");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->negated);
  EXPECT_EQ(c->tense, "past");

  Document longer = Parse("He no longer supports it .", {{4, "nsubj", "PRP"},
                                                         {3, "advmod", "DT"},
                                                         {4, "advmod", "RBR"},
                                                         {0, "root", "VBZ"},
                                                         {4, "obj", "PRP"},
                                                         {4, "punct", "."}});
  ASSERT_NE(Find(longer, "supports"), nullptr);
  EXPECT_TRUE(Find(longer, "supports")->negated);
  EXPECT_EQ(Find(longer, "supports")->lemma, "support");
  EXPECT_EQ(Find(longer, "supports")->tense, "present");

  // "refused to meet": the embedded act is negated.
  Document refused = Parse("Kim refused to meet Biden .", {{2, "nsubj", "NNP"},
                                                           {0, "root", "VBD"},
                                                           {4, "mark", "TO"},
                                                           {2, "xcomp", "VB"},
                                                           {4, "obj", "NNP"},
                                                           {2, "punct", "."}});
  ASSERT_NE(Find(refused, "meet"), nullptr);
  EXPECT_TRUE(Find(refused, "meet")->negated);
  EXPECT_FALSE(Find(refused, "refused")->negated);

  // "not only ... but also": the act is asserted, and more added.
  Document only = Parse("Russia has not only threatened Iraq .",
                        {{5, "nsubj", "NNP"},
                         {5, "aux", "VBZ"},
                         {5, "advmod", "RB"},
                         {5, "advmod", "RB"},
                         {0, "root", "VBN"},
                         {5, "obj", "NNP"},
                         {5, "punct", "."}});
  ASSERT_NE(Find(only, "threatened"), nullptr);
  EXPECT_FALSE(Find(only, "threatened")->negated);

  // "was reluctant to endorse": the adjective denies the act it governs.
  auto adjective = [](const std::string& adj) {
    return Parse("Moscow was " + adj + " to endorse the plan .",
                 {{3, "nsubj", "NNP"},
                  {3, "cop", "VBD"},
                  {0, "root", "JJ"},
                  {5, "mark", "TO"},
                  {3, "xcomp", "VB"},
                  {7, "det", "DT"},
                  {5, "obj", "NN"},
                  {3, "punct", "."}});
  };
  Document reluctant = adjective("reluctant");
  ASSERT_NE(Find(reluctant, "endorse"), nullptr);
  EXPECT_TRUE(Find(reluctant, "endorse")->negated);
  Document eager = adjective("eager");
  ASSERT_NE(Find(eager, "endorse"), nullptr);
  EXPECT_FALSE(Find(eager, "endorse")->negated);
}

TEST(ClausesTest, FutureWillAndObliques) {
  Document doc = Parse("Lavrov will travel to Pyongyang in October .",
                       {{3, "nsubj", "NNP"},
                        {3, "aux", "MD"},
                        {0, "root", "VB"},
                        {5, "case", "TO"},
                        {3, "obl", "NNP"},
                        {7, "case", "IN"},
                        {3, "obl", "NNP"},
                        {3, "punct", "."}},
                       {{"e1", "Lavrov"}, {"e2", "Pyongyang"}});
  const Clause* c = Find(doc, "travel");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->tense, "future");
  EXPECT_EQ(c->modality, "future");
  const ClauseArgument* to = Arg(*c, "oblique", 0);
  const ClauseArgument* in = Arg(*c, "oblique", 1);
  ASSERT_NE(to, nullptr);
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(to->preposition, "to");
  EXPECT_EQ(Text(doc, to->span), "Pyongyang");  // the case word is left out
  EXPECT_EQ(to->entity, "e2");
  EXPECT_EQ(in->preposition, "in");
  EXPECT_EQ(Text(doc, in->span), "October");
}

TEST(ClausesTest, MultiwordPrepositionAndPassiveSubject) {
  Document doc =
      Parse("Sanctions were imposed on Russia according to officials .",
            {{3, "nsubj:pass", "NNS"},
             {3, "aux:pass", "VBD"},
             {0, "root", "VBN"},
             {5, "case", "IN"},
             {3, "obl", "NNP"},
             {8, "case", "VBG"},
             {6, "fixed", "IN"},
             {3, "obl", "NNS"},
             {3, "punct", "."}});
  const Clause* c = Find(doc, "imposed");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->voice, "passive");
  EXPECT_EQ(Args(doc, *c, "patient"), Strings{"Sanctions"});
  EXPECT_TRUE(Args(doc, *c, "agent").empty());
  EXPECT_EQ(Arg(*c, "oblique", 0)->preposition, "on");
  EXPECT_EQ(Arg(*c, "oblique", 1)->preposition, "according to");
  EXPECT_EQ(Text(doc, Arg(*c, "oblique", 1)->span), "officials");
}

TEST(ClausesTest, ClausalObliqueWithObjectControl) {
  Document doc = Parse("Washington has accused North Korea of providing arms .",
                       {{3, "nsubj", "NNP"},
                        {3, "aux", "VBZ"},
                        {0, "root", "VBN"},
                        {5, "compound", "NNP"},
                        {3, "obj", "NNP"},
                        {7, "mark", "IN"},
                        {3, "advcl", "VBG"},
                        {7, "obj", "NNS"},
                        {3, "punct", "."}},
                       {{"e1", "Washington"}, {"e2", "North Korea"}});
  const Clause* c = Find(doc, "accused");
  const Clause* p = Find(doc, "providing");
  ASSERT_NE(c, nullptr);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(c->lemma, "accuse");
  EXPECT_EQ(c->tense, "past");
  EXPECT_EQ(Arg(*c, "agent")->entity, "e1");
  EXPECT_EQ(Text(doc, Arg(*c, "patient")->span), "North Korea");
  EXPECT_EQ(Arg(*c, "patient")->entity, "e2");
  const ClauseArgument* of = Arg(*c, "oblique");
  ASSERT_NE(of, nullptr);
  EXPECT_EQ(of->preposition, "of");
  EXPECT_EQ(of->clause, IndexOf(doc, p));
  EXPECT_EQ(Text(doc, of->span), "providing arms");
  EXPECT_EQ(p->lemma, "provide");
  EXPECT_EQ(p->parent, IndexOf(doc, c));
  ASSERT_NE(Arg(*p, "agent"), nullptr);
  EXPECT_EQ(Arg(*p, "agent")->entity, "e2");
  EXPECT_TRUE(Arg(*p, "agent")->controlled);
}

TEST(ClausesTest, ConditionalIf) {
  Document doc = Parse("Russia will pay a price if they violate resolutions .",
                       {{3, "nsubj", "NNP"},
                        {3, "aux", "MD"},
                        {0, "root", "VB"},
                        {5, "det", "DT"},
                        {3, "obj", "NN"},
                        {8, "mark", "IN"},
                        {8, "nsubj", "PRP"},
                        {3, "advcl", "VBP"},
                        {8, "obj", "NNS"},
                        {3, "punct", "."}});
  const Clause* pay = Find(doc, "pay");
  const Clause* violate = Find(doc, "violate");
  ASSERT_NE(pay, nullptr);
  ASSERT_NE(violate, nullptr);
  EXPECT_EQ(violate->modality, "conditional");
  EXPECT_EQ(pay->modality, "conditional");  // outranks "future"
  EXPECT_EQ(pay->tense, "future");
  EXPECT_EQ(violate->parent, IndexOf(doc, pay));
  EXPECT_EQ(Args(doc, *violate, "agent"), Strings{"they"});
}

TEST(ClausesTest, WontHesitateToImposeIf) {
  Document doc = Parse(
      "The administration wo n't hesitate to impose sanctions on Russia if "
      "they conclude deals .",
      {{2, "det", "DT"},
       {5, "nsubj", "NN"},
       {5, "aux", "MD"},
       {5, "advmod", "RB"},
       {0, "root", "VB"},
       {7, "mark", "TO"},
       {5, "xcomp", "VB"},
       {7, "obj", "NNS"},
       {10, "case", "IN"},
       {7, "obl", "NNP"},
       {13, "mark", "IN"},
       {13, "nsubj", "PRP"},
       {7, "advcl", "VBP"},
       {13, "obj", "NNS"},
       {5, "punct", "."}});
  const Clause* hesitate = Find(doc, "hesitate");
  const Clause* impose = Find(doc, "impose");
  ASSERT_NE(hesitate, nullptr);
  ASSERT_NE(impose, nullptr);
  EXPECT_TRUE(hesitate->negated);
  EXPECT_EQ(hesitate->tense, "future");
  EXPECT_EQ(hesitate->modality, "future");
  EXPECT_FALSE(impose->negated);
  EXPECT_EQ(impose->modality, "conditional");
  EXPECT_EQ(Args(doc, *impose, "agent"), Strings{"The administration"});
  EXPECT_TRUE(Arg(*impose, "agent")->controlled);
}

TEST(ClausesTest, QuestionAndWhether) {
  Document doc = Parse("Will Putin visit Pyongyang ?", {{3, "aux", "MD"},
                                                        {3, "nsubj", "NNP"},
                                                        {0, "root", "VB"},
                                                        {3, "obj", "NNP"},
                                                        {3, "punct", "."}});
  ASSERT_NE(Find(doc, "visit"), nullptr);
  EXPECT_EQ(Find(doc, "visit")->modality, "question");

  Document whether =
      Parse("Reporters asked whether Russia could remove sanctions .",
            {{2, "nsubj", "NNS"},
             {0, "root", "VBD"},
             {6, "mark", "IN"},
             {6, "nsubj", "NNP"},
             {6, "aux", "MD"},
             {2, "ccomp", "VB"},
             {6, "obj", "NNS"},
             {2, "punct", "."}});
  const Clause* remove = Find(whether, "remove");
  ASSERT_NE(remove, nullptr);
  EXPECT_EQ(remove->modality, "question");  // outranks "possible"
  EXPECT_EQ(remove->parent, IndexOf(whether, Find(whether, "asked")));
  EXPECT_EQ(Find(whether, "asked")->modality, "");
}

TEST(ClausesTest, ThreatenToAndCould) {
  Document doc = Parse("North Korea threatened to strike Seoul .",
                       {{2, "compound", "NNP"},
                        {3, "nsubj", "NNP"},
                        {0, "root", "VBD"},
                        {5, "mark", "TO"},
                        {3, "xcomp", "VB"},
                        {5, "obj", "NNP"},
                        {3, "punct", "."}},
                       {{"e1", "North Korea"}});
  const Clause* strike = Find(doc, "strike");
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->modality, "threat");
  ASSERT_NE(Arg(*strike, "agent"), nullptr);
  EXPECT_EQ(Text(doc, Arg(*strike, "agent")->span), "North Korea");
  EXPECT_EQ(Arg(*strike, "agent")->entity, "e1");
  EXPECT_TRUE(Arg(*strike, "agent")->controlled);
  EXPECT_EQ(Find(doc, "threatened")->modality, "");

  Document could = Parse("Moscow could bolster Russia 's military .",
                         {{3, "nsubj", "NNP"},
                          {3, "aux", "MD"},
                          {0, "root", "VB"},
                          {6, "nmod:poss", "NNP"},
                          {4, "case", "POS"},
                          {3, "obj", "NN"},
                          {3, "punct", "."}});
  ASSERT_NE(Find(could, "bolster"), nullptr);
  EXPECT_EQ(Find(could, "bolster")->modality, "possible");
  EXPECT_EQ(Find(could, "bolster")->tense, "present");
}

TEST(ClausesTest, AttributionSaidThat) {
  Document doc = Parse(
      "Peskov said that Putin accepted the invite and that Lavrov would "
      "travel to Pyongyang .",
      {{2, "nsubj", "NNP"},
       {0, "root", "VBD"},
       {5, "mark", "IN"},
       {5, "nsubj", "NNP"},
       {2, "ccomp", "VBD"},
       {7, "det", "DT"},
       {5, "obj", "NN"},
       {12, "cc", "CC"},
       {12, "mark", "IN"},
       {12, "nsubj", "NNP"},
       {12, "aux", "MD"},
       {5, "conj", "VB"},
       {14, "case", "TO"},
       {12, "obl", "NNP"},
       {2, "punct", "."}},
      {{"e1", "Peskov"}, {"e2", "Putin"}, {"e3", "Lavrov"}});
  const Clause* said = Find(doc, "said");
  const Clause* accepted = Find(doc, "accepted");
  const Clause* travel = Find(doc, "travel");
  ASSERT_NE(said, nullptr);
  ASSERT_NE(accepted, nullptr);
  ASSERT_NE(travel, nullptr);
  EXPECT_EQ(Arg(*said, "agent")->entity, "e1");
  EXPECT_EQ(accepted->attributed_by, IndexOf(doc, said));
  EXPECT_EQ(travel->attributed_by, IndexOf(doc, said));
  EXPECT_EQ(said->attributed_by, -1);
  const ClauseArgument* what = Arg(*said, "complement");
  ASSERT_NE(what, nullptr);
  EXPECT_EQ(what->clause, IndexOf(doc, accepted));
  EXPECT_EQ(accepted->relation, "ccomp");
  // The second "that" clause is a conjunct of the complement, not of "said".
  EXPECT_EQ(travel->relation, "conj");
  EXPECT_EQ(travel->parent, IndexOf(doc, accepted));
  EXPECT_EQ(Text(doc, what->span), "Putin accepted the invite");
  // "would" under a past verb of saying reports a future.
  EXPECT_EQ(travel->modality, "future");
  EXPECT_EQ(accepted->modality, "");
  EXPECT_EQ(Arg(*travel, "agent")->entity, "e3");
  EXPECT_FALSE(Arg(*travel, "agent")->distributed);
}

TEST(ClausesTest, AttributionByParentheticalSaying) {
  Document doc = Parse("Kim is due to visit factories , Putin said .",
                       {{3, "nsubj", "NNP"},
                        {3, "cop", "VBZ"},
                        {0, "root", "JJ"},
                        {5, "mark", "TO"},
                        {3, "xcomp", "VB"},
                        {5, "obj", "NNS"},
                        {9, "punct", ","},
                        {9, "nsubj", "NNP"},
                        {3, "parataxis", "VBD"},
                        {3, "punct", "."}});
  const Clause* is = Find(doc, "is");
  const Clause* said = Find(doc, "said");
  const Clause* visit = Find(doc, "visit");
  ASSERT_NE(is, nullptr);
  ASSERT_NE(said, nullptr);
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(is->lemma, "be");
  EXPECT_EQ(Args(doc, *is, "attribute"), Strings{"due"});
  EXPECT_EQ(Args(doc, *is, "agent"), Strings{"Kim"});
  EXPECT_EQ(is->attributed_by, IndexOf(doc, said));
  EXPECT_EQ(Args(doc, *visit, "agent"), Strings{"Kim"});
  EXPECT_EQ(visit->parent, IndexOf(doc, is));
}

TEST(ClausesTest, CoordinatedSubjects) {
  Document doc = Parse("Russia and North Korea have denied the claims .",
                       {{6, "nsubj", "NNP"},
                        {4, "cc", "CC"},
                        {4, "compound", "NNP"},
                        {1, "conj", "NNP"},
                        {6, "aux", "VBP"},
                        {0, "root", "VBN"},
                        {8, "det", "DT"},
                        {6, "obj", "NNS"},
                        {6, "punct", "."}},
                       {{"e1", "Russia"}, {"e2", "North Korea"}});
  const Clause* c = Find(doc, "denied");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->lemma, "deny");
  EXPECT_EQ(c->tense, "past");
  EXPECT_EQ(Args(doc, *c, "agent"), (Strings{"Russia", "North Korea"}));
  EXPECT_FALSE(Arg(*c, "agent", 0)->distributed);
  EXPECT_TRUE(Arg(*c, "agent", 1)->distributed);
  EXPECT_EQ(Arg(*c, "agent", 0)->entity, "e1");
  EXPECT_EQ(Arg(*c, "agent", 1)->entity, "e2");
}

TEST(ClausesTest, CoordinatedVerbsShareTheSubject) {
  Document doc = Parse("Putin arrived and met Kim .",
                       {{2, "nsubj", "NNP"},
                        {0, "root", "VBD"},
                        {4, "cc", "CC"},
                        {2, "conj", "VBD"},
                        {4, "obj", "NNP"},
                        {2, "punct", "."}},
                       {{"e1", "Putin"}, {"e2", "Kim"}});
  const Clause* met = Find(doc, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->lemma, "meet");
  EXPECT_EQ(met->parent, IndexOf(doc, Find(doc, "arrived")));
  // How each predicate hangs on its head (the quotes stage ends a content
  // before a clause coordinated with its cue).
  EXPECT_EQ(met->relation, "conj");
  EXPECT_EQ(Find(doc, "arrived")->relation, "root");
  ASSERT_NE(Arg(*met, "agent"), nullptr);
  EXPECT_EQ(Arg(*met, "agent")->entity, "e1");
  EXPECT_TRUE(Arg(*met, "agent")->distributed);
  EXPECT_EQ(Arg(*met, "patient")->entity, "e2");
}

TEST(ClausesTest, SubjectControl) {
  Document doc = Parse("Putin agreed to visit Pyongyang .",
                       {{2, "nsubj", "NNP"},
                        {0, "root", "VBD"},
                        {4, "mark", "TO"},
                        {2, "xcomp", "VB"},
                        {4, "obj", "NNP"},
                        {2, "punct", "."}},
                       {{"e1", "Putin"}});
  const Clause* agreed = Find(doc, "agreed");
  const Clause* visit = Find(doc, "visit");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->modality, "intent");
  ASSERT_NE(Arg(*visit, "agent"), nullptr);
  EXPECT_EQ(Arg(*visit, "agent")->entity, "e1");
  EXPECT_TRUE(Arg(*visit, "agent")->controlled);
  EXPECT_EQ(Arg(*agreed, "complement")->clause, IndexOf(doc, visit));
}

TEST(ClausesTest, ObjectControl) {
  Document doc = Parse("Kim invited Putin to visit the DPRK .",
                       {{2, "nsubj", "NNP"},
                        {0, "root", "VBD"},
                        {2, "obj", "NNP"},
                        {5, "mark", "TO"},
                        {2, "xcomp", "VB"},
                        {7, "det", "DT"},
                        {5, "obj", "NNP"},
                        {2, "punct", "."}},
                       {{"e1", "Kim"}, {"e2", "Putin"}, {"e3", "DPRK"}});
  const Clause* visit = Find(doc, "visit");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(Args(doc, *visit, "agent"), Strings{"Putin"});
  EXPECT_EQ(Arg(*visit, "agent")->entity, "e2");
  EXPECT_TRUE(Arg(*visit, "agent")->controlled);
  EXPECT_EQ(Arg(*visit, "patient")->entity, "e3");
}

TEST(ClausesTest, RelativeClauseAndParticiple) {
  Document doc = Parse("The leader who visited Moscow met Putin .",
                       {{2, "det", "DT"},
                        {6, "nsubj", "NN"},
                        {4, "nsubj", "WP"},
                        {2, "acl:relcl", "VBD"},
                        {4, "obj", "NNP"},
                        {0, "root", "VBD"},
                        {6, "obj", "NNP"},
                        {6, "punct", "."}});
  const Clause* visited = Find(doc, "visited");
  const Clause* met = Find(doc, "met");
  ASSERT_NE(visited, nullptr);
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(Args(doc, *visited, "agent"), Strings{"The leader"});
  EXPECT_EQ(Arg(*visited, "agent")->head, 1u);
  EXPECT_EQ(Args(doc, *met, "agent"), Strings{"The leader"});  // no relcl
  EXPECT_EQ(visited->parent, IndexOf(doc, met));

  Document made =
      Parse("Kim ate dumplings made with crab .", {{2, "nsubj", "NNP"},
                                                   {0, "root", "VBD"},
                                                   {2, "obj", "NNS"},
                                                   {3, "acl", "VBN"},
                                                   {6, "case", "IN"},
                                                   {4, "obl", "NN"},
                                                   {2, "punct", "."}});
  const Clause* c = Find(made, "made");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->lemma, "make");
  EXPECT_EQ(Args(made, *c, "patient"), Strings{"dumplings"});
  EXPECT_TRUE(Args(made, *c, "agent").empty());
  EXPECT_EQ(Arg(*c, "oblique")->preposition, "with");
}

TEST(ClausesTest, AppositiveGivesTheEntity) {
  Document doc = Parse("The spokesman , Peskov , spoke .",
                       {{2, "det", "DT"},
                        {6, "nsubj", "NN"},
                        {4, "punct", ","},
                        {2, "appos", "NNP"},
                        {4, "punct", ","},
                        {0, "root", "VBD"},
                        {6, "punct", "."}},
                       {{"e1", "Peskov"}});
  const Clause* c = Find(doc, "spoke");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Args(doc, *c, "agent"), Strings{"The spokesman"});
  EXPECT_EQ(Arg(*c, "agent")->entity, "e1");
}

TEST(ClausesTest, NominalPredicateTalksWith) {
  Document doc = Parse("They held talks with Kim on Wednesday .",
                       {{2, "nsubj", "PRP"},
                        {0, "root", "VBD"},
                        {2, "obj", "NNS"},
                        {5, "case", "IN"},
                        {3, "nmod", "NNP"},
                        {7, "case", "IN"},
                        {2, "obl", "NNP"},
                        {2, "punct", "."}},
                       {{"e1", "Kim"}});
  const Clause* held = Find(doc, "held");
  const Clause* talks = Find(doc, "talks");
  ASSERT_NE(held, nullptr);
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(held->lemma, "hold");
  EXPECT_EQ(talks->kind, "noun");
  EXPECT_EQ(talks->lemma, "talk");
  EXPECT_EQ(talks->parent, IndexOf(doc, held));
  ASSERT_NE(Arg(*talks, "oblique"), nullptr);
  EXPECT_EQ(Arg(*talks, "oblique")->preposition, "with");
  EXPECT_EQ(Arg(*talks, "oblique")->entity, "e1");
  EXPECT_EQ(Args(doc, *held, "patient"), Strings{"talks with Kim"});
  EXPECT_EQ(Arg(*held, "oblique")->preposition, "on");
  EXPECT_EQ(Text(doc, Arg(*held, "oblique")->span), "Wednesday");
}

// "despite US objections": a name before an event noun with no possessor
// is its agent, as "the US's objections" would be; the sentence's first
// word ("Nuclear talks") and a lower-case modifier ("peace talks") are not.
TEST(ClausesTest, NamedModifierOfAnEventNounIsItsAgent) {
  Document doc = Parse("They voted despite US objections to the plan .",
                       {{2, "nsubj", "PRP"},
                        {0, "root", "VBD"},
                        {5, "case", "IN"},
                        {5, "compound", "NNP"},
                        {2, "obl", "NNS"},
                        {8, "case", "IN"},
                        {8, "det", "DT"},
                        {5, "nmod", "NN"},
                        {2, "punct", "."}});
  const Clause* objections = Find(doc, "objections");
  ASSERT_NE(objections, nullptr);
  EXPECT_EQ(objections->kind, "noun");
  EXPECT_EQ(objections->lemma, "objection");
  EXPECT_EQ(Args(doc, *objections, "agent"), Strings{"US"});
  ASSERT_NE(Arg(*objections, "oblique"), nullptr);
  EXPECT_EQ(Arg(*objections, "oblique")->preposition, "to");

  Document first = Parse("Nuclear talks resumed .", {{2, "amod", "JJ"},
                                                     {3, "nsubj", "NNS"},
                                                     {0, "root", "VBD"},
                                                     {3, "punct", "."}});
  EXPECT_EQ(Find(first, "talks"), nullptr);
  Document lower = Parse("They began peace talks .", {{2, "nsubj", "PRP"},
                                                      {0, "root", "VBD"},
                                                      {4, "compound", "NN"},
                                                      {2, "obj", "NNS"},
                                                      {2, "punct", "."}});
  EXPECT_EQ(Find(lower, "talks"), nullptr);
}

// Noun frames (data/syntax/noun_frames.tsv): a "by" phrase is the doer of
// a noun whose frame allows it ("the attack on the embassy by Iran").
TEST(ClauseNounFramesTest, ByPhraseIsTheAgent) {
  Document doc = Parse("The attack on the embassy by Iran failed .",
                       {{2, "det", "DT"},
                        {8, "nsubj", "NN"},
                        {5, "case", "IN"},
                        {5, "det", "DT"},
                        {2, "nmod", "NN"},
                        {7, "case", "IN"},
                        {2, "nmod", "NNP"},
                        {0, "root", "VBD"},
                        {8, "punct", "."}});
  const Clause* n = Find(doc, "attack");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->kind, "noun");
  EXPECT_EQ(Args(doc, *n, "agent"), Strings{"Iran"});
  ASSERT_NE(Arg(*n, "oblique"), nullptr);
  EXPECT_EQ(Arg(*n, "oblique")->preposition, "on");
  EXPECT_EQ(Text(doc, Arg(*n, "oblique")->span), "the embassy");
  EXPECT_FALSE(n->negated);
}

// A noun that names no party is no predicate ("The talks ended"), and
// without a table the clause layer makes no noun a predicate.
TEST(ClauseNounFramesTest, NoPartyNoPredicate) {
  Document talks = Parse("The talks ended .", {{2, "det", "DT"},
                                               {3, "nsubj", "NNS"},
                                               {0, "root", "VBD"},
                                               {3, "punct", "."}});
  EXPECT_EQ(Find(talks, "talks"), nullptr);
  Document with = Parse("The talks with Iran ended .", {{2, "det", "DT"},
                                                        {5, "nsubj", "NNS"},
                                                        {4, "case", "IN"},
                                                        {2, "nmod", "NNP"},
                                                        {0, "root", "VBD"},
                                                        {5, "punct", "."}});
  ASSERT_NE(Find(with, "talks"), nullptr);
  EXPECT_EQ(Find(with, "talks")->lemma, "talk");
  BuildClauses(&with);
  EXPECT_EQ(Find(with, "talks"), nullptr);
}

// A date is no party of an event noun: "a September conversation with
// Iran" and "Monday 's talks with Iran" have no agent (the time layer marks
// the dates).
TEST(ClauseNounFramesTest, ADateIsNoAgent) {
  Document doc = Parse("a September conversation with Iran",
                       {{3, "det", "DT"},
                        {3, "compound", "NNP"},
                        {0, "root", "NN"},
                        {5, "case", "IN"},
                        {3, "nmod", "NNP"}});
  ASSERT_NE(Find(doc, "conversation"), nullptr);
  EXPECT_EQ(Args(doc, *Find(doc, "conversation"), "agent"),
            Strings{"September"});
  doc.times.push_back({{2, 11}, "2024-09", "month", "test"});
  BuildClauses(&doc, nullptr, &Frames());
  ASSERT_NE(Find(doc, "conversation"), nullptr);
  EXPECT_TRUE(Args(doc, *Find(doc, "conversation"), "agent").empty());
  Document poss = Parse("Monday 's talks with Iran",
                        {{3, "nmod:poss", "NNP"},
                         {1, "case", "POS"},
                         {0, "root", "NNS"},
                         {5, "case", "IN"},
                         {3, "nmod", "NNP"}});
  poss.times.push_back({{0, 6}, "2024-03-04", "day", "test"});
  BuildClauses(&poss, nullptr, &Frames());
  ASSERT_NE(Find(poss, "talks"), nullptr);
  EXPECT_TRUE(Args(poss, *Find(poss, "talks"), "agent").empty());
}

// "avoid" denies what it governs: its object noun ("avoided direct
// criticism of teachers") and its complement ("avoided criticising the
// teachers"), as "fail", "refuse" and "decline" do.
TEST(ClauseNounFramesTest, AvoidedCriticismIsNegated) {
  Document noun = Parse("Leaders avoided direct criticism of teachers .",
                        {{2, "nsubj", "NNS"},
                         {0, "root", "VBD"},
                         {4, "amod", "JJ"},
                         {2, "obj", "NN"},
                         {6, "case", "IN"},
                         {4, "nmod", "NNS"},
                         {2, "punct", "."}});
  const Clause* criticism = Find(noun, "criticism");
  ASSERT_NE(criticism, nullptr);
  EXPECT_EQ(criticism->kind, "noun");
  EXPECT_TRUE(criticism->negated);
  ASSERT_NE(Find(noun, "avoided"), nullptr);
  EXPECT_FALSE(Find(noun, "avoided")->negated);

  Document verb = Parse("Leaders avoided criticising the teachers .",
                        {{2, "nsubj", "NNS"},
                         {0, "root", "VBD"},
                         {2, "xcomp", "VBG"},
                         {5, "det", "DT"},
                         {3, "obj", "NNS"},
                         {2, "punct", "."}});
  ASSERT_NE(Find(verb, "criticising"), nullptr);
  EXPECT_TRUE(Find(verb, "criticising")->negated);
  EXPECT_EQ(Args(verb, *Find(verb, "criticising"), "agent"),
            Strings{"Leaders"});

  Document plain = Parse("Leaders voiced direct criticism of teachers .",
                         {{2, "nsubj", "NNS"},
                          {0, "root", "VBD"},
                          {4, "amod", "JJ"},
                          {2, "obj", "NN"},
                          {6, "case", "IN"},
                          {4, "nmod", "NNS"},
                          {2, "punct", "."}});
  ASSERT_NE(Find(plain, "criticism"), nullptr);
  EXPECT_FALSE(Find(plain, "criticism")->negated);
}

// "There is a lack of trust in Blair": the noun in the "of" phrase of a
// `negates` row is negated, and what an existential clause says exists is
// no agent of it.
TEST(ClauseNounFramesTest, LackOfTrustIsNegatedAndExistentialHasNoAgent) {
  Document doc = Parse("There is a lack of trust in Blair .",
                       {{2, "expl", "EX"},
                        {0, "root", "VBZ"},
                        {4, "det", "DT"},
                        {2, "nsubj", "NN"},
                        {6, "case", "IN"},
                        {4, "nmod", "NN"},
                        {8, "case", "IN"},
                        {6, "nmod", "NNP"},
                        {2, "punct", "."}});
  const Clause* trust = Find(doc, "trust");
  ASSERT_NE(trust, nullptr);
  EXPECT_EQ(trust->kind, "noun");
  EXPECT_TRUE(trust->negated);
  ASSERT_NE(Arg(*trust, "oblique"), nullptr);
  EXPECT_EQ(Arg(*trust, "oblique")->preposition, "in");
  const Clause* is = Find(doc, "is");
  ASSERT_NE(is, nullptr);
  EXPECT_TRUE(Args(doc, *is, "agent").empty());
  EXPECT_EQ(Args(doc, *is, "patient"), Strings{"a lack of trust in Blair"});
  EXPECT_EQ(Find(doc, "lack"), nullptr);  // not an event
  // The parser may hang "in Blair" on "lack": it is still the trust's.
  Document low = Parse("There is a lack of trust in Blair .",
                       {{2, "expl", "EX"},
                        {0, "root", "VBZ"},
                        {4, "det", "DT"},
                        {2, "nsubj", "NN"},
                        {6, "case", "IN"},
                        {4, "nmod", "NN"},
                        {8, "case", "IN"},
                        {4, "nmod", "NNP"},
                        {2, "punct", "."}});
  trust = Find(low, "trust");
  ASSERT_NE(trust, nullptr);
  EXPECT_TRUE(trust->negated);
  EXPECT_EQ(Args(low, *trust, "oblique"), Strings{"Blair"});
}

// The infinitive of a noun that denies ("reluctance to endorse") or of a
// noun with "no" ("no willingness to accept") is negated; of another noun
// ("readiness to endorse") it is not.
TEST(ClauseNounFramesTest, ReluctanceToActDeniesTheAct) {
  auto parse = [](const std::string& det, const std::string& noun) {
    return Parse("Moscow expressed " + det + noun + " to endorse the plan .",
                 det.empty() ? std::vector<Row>{{2, "nsubj", "NNP"},
                                                {0, "root", "VBD"},
                                                {2, "obj", "NN"},
                                                {5, "mark", "TO"},
                                                {3, "acl", "VB"},
                                                {7, "det", "DT"},
                                                {5, "obj", "NN"},
                                                {2, "punct", "."}}
                             : std::vector<Row>{{2, "nsubj", "NNP"},
                                                {0, "root", "VBD"},
                                                {4, "det", "DT"},
                                                {2, "obj", "NN"},
                                                {6, "mark", "TO"},
                                                {4, "acl", "VB"},
                                                {8, "det", "DT"},
                                                {6, "obj", "NN"},
                                                {2, "punct", "."}});
  };
  Document reluctance = parse("", "reluctance");
  ASSERT_NE(Find(reluctance, "endorse"), nullptr);
  EXPECT_TRUE(Find(reluctance, "endorse")->negated);
  Document no = parse("no ", "willingness");
  ASSERT_NE(Find(no, "endorse"), nullptr);
  EXPECT_TRUE(Find(no, "endorse")->negated);
  Document readiness = parse("", "readiness");
  ASSERT_NE(Find(readiness, "endorse"), nullptr);
  EXPECT_FALSE(Find(readiness, "endorse")->negated);
}

// What a denial's object says is denied: "denied claims that it attacked
// Georgia"; what a report's object says is not: "confirmed reports that it
// attacked Georgia".
TEST(ClausesTest, TheClauseOfADeniedClaimIsNegated) {
  auto parse = [](const std::string& verb) {
    return Parse("Russia " + verb + " claims that it attacked Georgia .",
                 {{2, "nsubj", "NNP"},
                  {0, "root", "VBD"},
                  {2, "obj", "NNS"},
                  {6, "mark", "IN"},
                  {6, "nsubj", "PRP"},
                  {3, "acl", "VBD"},
                  {6, "obj", "NNP"},
                  {2, "punct", "."}});
  };
  Document denied = parse("denied");
  ASSERT_NE(Find(denied, "attacked"), nullptr);
  EXPECT_TRUE(Find(denied, "attacked")->negated);
  Document confirmed = parse("confirmed");
  ASSERT_NE(Find(confirmed, "attacked"), nullptr);
  EXPECT_FALSE(Find(confirmed, "attacked")->negated);
}

// A `bound` noun needs its patient phrase: "Syria 's opposition" is a
// party, "Syria 's opposition to the plan" an act.
TEST(ClauseNounFramesTest, BoundNounNeedsItsPatient) {
  Document party = Parse("Syria 's opposition met .", {{3, "nmod:poss", "NNP"},
                                                       {1, "case", "POS"},
                                                       {4, "nsubj", "NN"},
                                                       {0, "root", "VBD"},
                                                       {4, "punct", "."}});
  EXPECT_EQ(Find(party, "opposition"), nullptr);
  Document act = Parse("Syria 's opposition to the plan grew .",
                       {{3, "nmod:poss", "NNP"},
                        {1, "case", "POS"},
                        {7, "nsubj", "NN"},
                        {6, "case", "IN"},
                        {6, "det", "DT"},
                        {3, "nmod", "NN"},
                        {0, "root", "VBD"},
                        {7, "punct", "."}});
  const Clause* o = Find(act, "opposition");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(Args(act, *o, "agent"), Strings{"Syria"});
}

// Robustness: none of these may crash, and what is consistent still counts.
TEST(ClausesRobustnessTest, EmptyAndUnparsed) {
  Document doc;
  BuildClauses(&doc);
  EXPECT_TRUE(doc.clauses.empty());
  doc.text = "Putin met Kim .";
  doc.tokens = {{0, 5}, {6, 9}, {10, 13}, {14, 15}};
  doc.sentences.push_back({{0, 15}, 0, 4});
  BuildClauses(&doc);  // no parse: no clauses
  EXPECT_TRUE(doc.clauses.empty());
  BuildClauses(nullptr);
}

TEST(ClausesRobustnessTest, MismatchedSizes) {
  Document doc = Parse("Putin met Kim .", {{2, "nsubj", "NNP"},
                                           {0, "root", "VBD"},
                                           {2, "obj", "NNP"},
                                           {2, "punct", "."}});
  ASSERT_EQ(doc.clauses.size(), 1u);
  Document a = doc;
  a.heads.resize(2);
  a.pos.resize(1);
  a.deprels.push_back("obj");
  a.sentences[0].token_end = 40;
  BuildClauses(&a);
  EXPECT_LE(a.clauses.size(), 1u);
  Document b = doc;
  b.tokens.resize(1);
  b.sentences.push_back({{0, 99}, 2, 1});  // begin past end
  BuildClauses(&b);
  Document c = doc;
  c.tokens[2] = {100, 200};  // outside the text
  c.entities.push_back({});
  c.entities[0].id = "e1";
  c.entities[0].mentions = {{6, 300}, {500, 400}};
  BuildClauses(&c);
  for (const Clause& cl : c.clauses) {
    for (const ClauseArgument& arg : cl.arguments) {
      EXPECT_LE(arg.span.begin, arg.span.end);
      EXPECT_LE(arg.span.end, c.text.size());
    }
  }
  Document d = doc;
  d.sentences.clear();  // tokens in no sentence are skipped
  BuildClauses(&d);
  EXPECT_TRUE(d.clauses.empty());
}

TEST(ClausesRobustnessTest, CyclesAndHeadsOutOfRange) {
  Document doc = Parse("Putin met Kim .", {{2, "nsubj", "NNP"},
                                           {0, "root", "VBD"},
                                           {2, "obj", "NNP"},
                                           {2, "punct", "."}});
  Document cycle = doc;
  cycle.heads = {1, 2, 1, 3};  // 1 -> 2 -> 1, and 3 -> 3's chain
  BuildClauses(&cycle);
  Document self = doc;
  self.heads = {0, 1, 2, 3};  // every token its own head
  BuildClauses(&self);
  Document range = doc;
  range.heads = {100, -7, 1 << 30, -1};
  BuildClauses(&range);
  EXPECT_EQ(range.clauses.size(), 1u);  // "met" is still the root
  for (const Document* d : {&cycle, &self, &range}) {
    for (const Clause& c : d->clauses) {
      EXPECT_LT(c.predicate, d->tokens.size());
      EXPECT_GE(c.parent, -1);
      EXPECT_LT(c.parent, static_cast<int>(d->clauses.size()));
    }
  }
}

TEST(ClausesRobustnessTest, RandomTrees) {
  const char* rels[] = {"root",       "nsubj",     "obj",       "xcomp",
                        "ccomp",      "conj",      "acl:relcl", "advcl",
                        "obl",        "case",      "mark",      "cop",
                        "aux",        "nmod:poss", "appos",     "parataxis",
                        "nsubj:pass", "obl:agent", "punct"};
  const char* tags[] = {"VBD", "VB", "NN", "NNS", "NNP", "IN", "MD", "WP", "."};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 300; ++iter) {
    std::string words;
    std::vector<Row> rows;
    int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      words += (i % 3 == 0 ? "if " : i % 3 == 1 ? "talks " : "said ");
      rows.emplace_back(static_cast<int>(rng() % (n + 3)) - 1,
                        rels[rng() % std::size(rels)],
                        tags[rng() % std::size(tags)]);
    }
    Document doc = Parse(words, rows, {{"e1", "talks"}});
    for (const Clause& c : doc.clauses) {
      EXPECT_LT(c.attributed_by, static_cast<int>(doc.clauses.size()));
      for (const ClauseArgument& a : c.arguments) {
        EXPECT_LT(a.head, doc.tokens.size());
        EXPECT_LT(a.clause, static_cast<int>(doc.clauses.size()));
      }
    }
  }
}

// A 5,000-token sentence shaped as chains: verbs each the xcomp or conj of
// the one before, then nouns each the conj of the one before; linear work.
TEST(ClausesRobustnessTest, LongChainIsLinear) {
  constexpr int kVerbs = 2500, kNouns = 2500;
  Document doc;
  for (int i = 0; i < kVerbs + kNouns; ++i) {
    if (i > 0) doc.text += ' ';
    uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += i < kVerbs ? "visited" : "Korea";
    doc.tokens.push_back({b, static_cast<uint32_t>(doc.text.size())});
    if (i == 0) {
      doc.heads.push_back(-1);
      doc.deprels.push_back("root");
    } else if (i < kVerbs) {
      doc.heads.push_back(i - 1);
      doc.deprels.push_back(i % 2 ? "xcomp" : "conj");
    } else if (i == kVerbs) {
      doc.heads.push_back(0);
      doc.deprels.push_back("nsubj");
    } else {
      doc.heads.push_back(i - 1);
      doc.deprels.push_back("conj");
    }
    doc.pos.push_back(i < kVerbs ? "VBD" : "NNP");
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())},
                           0,
                           static_cast<uint32_t>(doc.tokens.size())});
  Entity e;
  e.id = "e1";
  e.mentions.push_back({0, static_cast<uint32_t>(doc.text.size())});
  doc.entities.push_back(e);
  auto start = std::chrono::steady_clock::now();
  BuildClauses(&doc);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_EQ(doc.clauses.size(), static_cast<size_t>(kVerbs));
  EXPECT_LT(seconds, 2.0);
  size_t args = 0;
  for (const Clause& c : doc.clauses) args += c.arguments.size();
  EXPECT_LT(args, size_t{100} * kVerbs);
}

// The tree lookups other stages call instead of walking the parse: the noun
// of an "of" phrase ("Tens of thousands of students": thousands, then
// students) and an apposition ("Oshima , the coordinator , arrived").
TEST(TreeLookupTest, OfPhraseNounAndApposition) {
  Document d = Parse("Tens of thousands of students marched",
                     {{6, "nsubj", "NNS"},
                      {3, "case", "IN"},
                      {1, "nmod", "NNS"},
                      {5, "case", "IN"},
                      {3, "nmod", "NNS"},
                      {0, "root", "VBD"}});
  EXPECT_EQ(OfPhraseNoun(d, 0, 6), 2);
  EXPECT_EQ(OfPhraseNoun(d, 2, 6), 4);
  EXPECT_EQ(OfPhraseNoun(d, 4, 6), -1);
  EXPECT_EQ(OfPhraseNoun(d, 0, 2), -1);  // "thousands" past the end given
  Document a = Parse("Oshima , the coordinator , arrived",
                     {{6, "nsubj", "NNP"},
                      {4, "punct", ","},
                      {4, "det", "DT"},
                      {1, "appos", "NN"},
                      {4, "punct", ","},
                      {0, "root", "VBD"}});
  EXPECT_EQ(AppositionOf(a, 0, 6), 3);
  EXPECT_EQ(AppositionOf(a, 3, 6), -1);
  Document none;  // no parse
  EXPECT_EQ(OfPhraseNoun(none, 0, 5), -1);
  EXPECT_EQ(AppositionOf(none, 0, 5), -1);
}

// The noun of a prepositional modifier by its preposition, compared lower
// case: "wheat From Russia" for "from"; not an oblique of the verb.
TEST(TreeLookupTest, PrepositionalModifier) {
  Document d = Parse("Egypt imports wheat From Russia in May",
                     {{2, "nsubj", "NNP"},
                      {0, "root", "VBZ"},
                      {2, "obj", "NN"},
                      {5, "case", "IN"},
                      {3, "nmod", "NNP"},
                      {7, "case", "IN"},
                      {2, "obl", "NNP"}});
  EXPECT_EQ(PrepositionalModifier(d, 2, 7, "from"), 4);
  EXPECT_EQ(PrepositionalModifier(d, 2, 7, "in"), -1);   // the verb's
  EXPECT_EQ(PrepositionalModifier(d, 1, 7, "in"), -1);   // an obl, no nmod
  EXPECT_EQ(PrepositionalModifier(d, 2, 4, "from"), -1);  // past the end
  EXPECT_EQ(OfPhraseNoun(d, 2, 7), -1);
}

// "The embassy was bombed, killing 11 people": the participle of result
// takes the bombing's doer (the by-agent), never the passive's subject.
TEST(ClausesTest, AResultParticipleAfterAPassiveTakesItsByAgent) {
  Document bare = Parse("The embassy was bombed , killing 11 people .",
                        {{2, "det", "DT"},
                         {4, "nsubj:pass", "NN"},
                         {4, "aux:pass", "VBD"},
                         {0, "root", "VBN"},
                         {6, "punct", ","},
                         {4, "advcl", "VBG"},
                         {8, "nummod", "CD"},
                         {6, "obj", "NNS"},
                         {4, "punct", "."}});
  const Clause* kill = Find(bare, "killing");
  ASSERT_NE(kill, nullptr);
  EXPECT_EQ(Arg(*kill, "agent"), nullptr);
  EXPECT_EQ(Args(bare, *kill, "patient"), (Strings{"11 people"}));

  Document by = Parse("The embassy was bombed by militants , killing 11 people .",
                      {{2, "det", "DT"},
                       {4, "nsubj:pass", "NN"},
                       {4, "aux:pass", "VBD"},
                       {0, "root", "VBN"},
                       {6, "case", "IN"},
                       {4, "obl:agent", "NNS"},
                       {8, "punct", ","},
                       {4, "advcl", "VBG"},
                       {10, "nummod", "CD"},
                       {8, "obj", "NNS"},
                       {4, "punct", "."}});
  kill = Find(by, "killing");
  ASSERT_NE(kill, nullptr);
  ASSERT_NE(Arg(*kill, "agent"), nullptr);
  EXPECT_EQ(Text(by, Arg(*kill, "agent")->span), "militants");
}

// "was captured in Panama and extradited to the United States": the
// conjoined participle shares the passive's auxiliary, so its subject is
// the one extradited, not the extraditer.
TEST(ClausesTest, AParticipleConjoinedToAPassiveIsPassive) {
  Document doc = Parse(
      "Montoya was captured in Panama and extradited to the United States .",
      {{3, "nsubj:pass", "NNP"},
       {3, "aux:pass", "VBD"},
       {0, "root", "VBN"},
       {5, "case", "IN"},
       {3, "obl", "NNP"},
       {7, "cc", "CC"},
       {3, "conj", "VBN"},
       {11, "case", "TO"},
       {11, "det", "DT"},
       {11, "compound", "NNP"},
       {7, "obl", "NNPS"},
       {3, "punct", "."}});
  const Clause* c = Find(doc, "extradited");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->voice, "passive");
  EXPECT_EQ(Arg(*c, "agent"), nullptr);
  EXPECT_EQ(Args(doc, *c, "patient"), (Strings{"Montoya"}));
}

// "Chile signed a deal, and there was an agreement with Peru": an
// existential clause coordinated with another takes no doer from it.
TEST(ClausesTest, AnExistentialConjunctSharesNoSubject) {
  Document doc = Parse(
      "Chile signed a deal , and there was an agreement with Peru .",
      {{2, "nsubj", "NNP"},
       {0, "root", "VBD"},
       {4, "det", "DT"},
       {2, "obj", "NN"},
       {8, "punct", ","},
       {8, "cc", "CC"},
       {8, "expl", "EX"},
       {2, "conj", "VBD"},
       {10, "det", "DT"},
       {8, "nsubj", "NN"},
       {12, "case", "IN"},
       {10, "nmod", "NNP"},
       {2, "punct", "."}});
  const Clause* c = Find(doc, "was");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Arg(*c, "agent"), nullptr);
  EXPECT_EQ(Args(doc, *c, "patient"), (Strings{"an agreement with Peru"}));
}

// "Canada asked the United States to cut emissions", parsed with the
// infinitive as a purpose clause after an indirect object: the object
// cuts, not Canada.
TEST(ClausesTest, AnInfinitiveAfterAnIndirectObjectIsItsAct) {
  Document doc = Parse(
      "Canada asked the United States to cut emissions .",
      {{2, "nsubj", "NNP"},
       {0, "root", "VBD"},
       {5, "det", "DT"},
       {5, "compound", "NNP"},
       {2, "iobj", "NNPS"},
       {7, "mark", "TO"},
       {2, "advcl", "VB"},
       {7, "obj", "NNS"},
       {2, "punct", "."}});
  const Clause* c = Find(doc, "cut");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Args(doc, *c, "agent"), (Strings{"the United States"}));
}

}  // namespace
}  // namespace dateline

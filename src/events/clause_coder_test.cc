// The clause coder's constructions for the weak CAMEO roots (issue 13,
// second pass): reported necessity as a demand or appeal, the target of a
// demand as the subject of what it asks for, predicates whose clause lemma
// is a clipped stem, objections, nominal criticism and criticism received,
// the sentence's opening party when the parse loses the subject, a target
// named inside the patient, a light verb's event noun, disapproval of an
// act's doer, tariffs, the condition of a conditional threat, and one's own
// wanted act as intent; and (third pass) a stated stance as a demand, a
// meeting's place as no host, statements to a named addressee, borrowing
// and extradition as appeals, training forces as military aid (their
// purpose not coded), calling an act wrong, saying no, breaking with, the
// dateline as no actor, "we" as the quotation's speaker, present relative
// clauses as states, gatherings as no target, working with, returning to
// and importing from a party, a denial answering the accuser, dyadic
// events by default, wanting another party's thing, easing an embargo.
// Actors from other sentences (issue 13, item 2): pronouns, a continued
// quotation's first person, "the government", and the two that must not
// resolve (a person pronoun after a country, the clause's other party);
// "he" never a woman.
// Each runs a short page written for the test through the whole pipeline
// with the clause coder, and asserts codes and actors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <map>
#include <string>
#include <vector>

#include "dateline/pipeline.h"
#include "events/event_attributes.h"
#include "events/event_coder.h"
#include "syntax/clauses.h"
#include "syntax/lemmatizer.h"
#include "text_page.h"

namespace dateline {
namespace {

const bool kClauseCoder = [] {
  setenv("DATELINE_EVENTS_CODER", "clause", 1);
  return true;
}();

constexpr char kPage[] =
    "Trade and tariffs\n\nMarch 3, 2024\n\n"
    "The United States said Japan must open its markets.\n\n"
    "Germany said Greece should cut its spending.\n\n"
    "Chinese Premier Li Qiang said China must cut its debt.\n\n"
    "Russia demanded that Ukraine withdraw its troops.\n\n"
    "The United States imposes sanctions on Iran.\n\n"
    "France opposed Britain's decision.\n\n"
    "Russia voiced criticism of Israel.\n\n"
    "The United States faced criticism from China.\n\n"
    "Iraq on Saturday appealed to the United Nations to lift the embargo.\n\n"
    "France sent military aid to Ukraine on Monday.\n\n"
    "Palestinian students staged demonstrations against Israel.\n\n"
    "Britain condemned the attack on the embassy by Iran.\n\n"
    "The United States imposed tariffs on Chinese steel.\n\n"
    "Washington said it would raise tariffs on Chinese goods if talks "
    "failed.\n\n"
    "If Russia imposes sanctions on Ukraine, prices will rise.\n\n"
    "Japan wants to help Indonesia.\n\n"
    "Germany wants France to help Greece.\n\n"
    "Israel on Wednesday released two Palestinian prisoners, a spokesman "
    "said.\n\n"
    "The United States would insist Japan open its markets.\n\n"
    "Turkey insisted it would not bow to the demands.\n\n"
    "Brazilian President Luiz Inacio Lula da Silva will attend a meeting in "
    "Managua.\n\n"
    "Japanese Prime Minister Fumio Kishida told the Japanese parliament the "
    "economy was growing.\n\n"
    "French President Emmanuel Macron told the BBC the economy was "
    "growing.\n\n"
    "Kenya plans to borrow 500 million dollars from the World Bank.\n\n"
    "Spain is seeking the suspect's extradition from Mexico.\n\n"
    "Turkish officers trained Somali forces to fight against Kenya.\n\n"
    "France called Britain's decision unacceptable.\n\n"
    "The United States said no to the Chinese proposal.\n\n"
    "Egypt broke with Moscow in 1972.\n\n"
    "Later, in remarks at Brazil's Workers' Party headquarters, Austin said, "
    "\"We strongly oppose violations of international law by Russia.\"\n\n"
    "Turkey, which occupies northern Cyprus, rejected the plan.\n\n"
    "Greece, which invaded Cyprus in 1974, rejected the plan.\n\n"
    "At the United Nations summit, Indian Prime Minister Narendra Modi "
    "pledged that his country would cut emissions.\n\n"
    "\"We are prepared to work with France,\" Japanese Prime Minister Fumio "
    "Kishida said.\n\n"
    "Germany worked with Poland on border controls.\n\n"
    "Portugal returned Macau to China in 1999, officials said.\n\n"
    "Egypt may import more wheat from Russia this year.\n\n"
    "Italy and Spain want the EU budget to be raised to 2 percent of "
    "national incomes.\n\n"
    "The United States eased the embargo on Cuba.\n";

// "CODE SOURCE>TARGET" of each of a document's events, in order.
std::vector<std::string> Pairs(const Document& d) {
  std::vector<std::string> out;
  for (const Event& e : d.events) {
    out.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  return out;
}

class ClauseCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = ProcessTextPage("clause_coder_test", kPage).release();
  }
  static void TearDownTestSuite() { delete doc_; }
  // Runs a page of its own through the pipeline.
  static Document Process(const char* content) {
    std::unique_ptr<Document> d = ProcessTextPage("clause_coder_test", content);
    return d ? std::move(*d) : Document{};
  }
  void SetUp() override { ASSERT_NE(doc_, nullptr); }

  static std::string All() {
    std::string out;
    for (const Event& e : doc_->events) {
      out += e.code + " " + e.source.code + " -> " +
             (e.has_target ? e.target.code : "-") + " [" + e.evidence + "]" +
             (e.hypothetical ? " hyp" : "") + (e.negated ? " neg" : "") + "\n";
    }
    return out;
  }
  // The events of the sentence holding `words`.
  static std::vector<const Event*> In(const char* words) {
    std::vector<const Event*> out;
    for (const Event& e : doc_->events) {
      std::string s = doc_->text.substr(e.sentence.begin,
                                        e.sentence.end - e.sentence.begin);
      if (s.find(words) != std::string::npos) out.push_back(&e);
    }
    return out;
  }

  static Document* doc_;
};
Document* ClauseCoderTest::doc_ = nullptr;

// "X said Y must VERB" is X's demand of Y (the codebook's 1011 example,
// "declared that China must drop barriers"), asserted, not hypothetical;
// Y's opening is not coded.
TEST_F(ClauseCoderTest, ReportedMustIsADemandOnTheSubject) {
  auto ev = In("Japan must open");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "10");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "JPN");
  EXPECT_FALSE(ev[0]->hypothetical);
}

// "should" is an appeal or suggestion (0242: "Japan needs to enact
// reforms").
TEST_F(ClauseCoderTest, ReportedShouldIsAnAppeal) {
  auto ev = In("Greece should cut");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "02");
  EXPECT_EQ(ev[0]->source.code, "DEU");
  EXPECT_EQ(ev[0]->target.code, "GRC");
}

// A government saying what its own country must do makes no demand.
TEST_F(ClauseCoderTest, OwnCountryIsNoTargetOfADemand) {
  for (const Event* e : In("China must cut its debt")) {
    EXPECT_NE(e->root, "10") << All();
    EXPECT_NE(e->root, "02") << All();
  }
}

// "demanded that Ukraine withdraw": the target is the complement's subject;
// the withdrawal asked for is not coded.
TEST_F(ClauseCoderTest, DemandTargetsTheComplementSubject) {
  auto ev = In("demanded that Ukraine");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "10");
  EXPECT_EQ(ev[0]->source.code, "RUS");
  EXPECT_EQ(ev[0]->target.code, "UKR");
}

// "imposes" has the clause lemma "impos"; the word's base form matches
// "impose sanction*".
TEST_F(ClauseCoderTest, ClippedLemmaFindsItsPattern) {
  auto ev = In("States imposes sanctions");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "163");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "IRN");
}

// Opposing a party's act is an objection (110), aimed at its owner.
TEST_F(ClauseCoderTest, OpposeIsAnObjectionToTheActsOwner) {
  auto ev = In("France opposed");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "110");
  EXPECT_EQ(ev[0]->source.code, "FRA");
  EXPECT_EQ(ev[0]->target.code, "GBR");
}

// "voiced criticism of Israel": the host clause's subject criticises the
// party after "of".
TEST_F(ClauseCoderTest, NominalCriticismOfAParty) {
  auto ev = In("criticism of Israel");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "111");
  EXPECT_EQ(ev[0]->source.code, "RUS");
  EXPECT_EQ(ev[0]->target.code, "ISR");
}

// "faced criticism from China": the subject is the target, "from" the
// critic.
TEST_F(ClauseCoderTest, CriticismReceivedSwapsTheParties) {
  auto ev = In("faced criticism");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "111");
  EXPECT_EQ(ev[0]->source.code, "CHN");
  EXPECT_EQ(ev[0]->target.code, "USA");
}

// "Iraq on Saturday appealed": the parse takes the time word for the
// subject; the party the sentence opens with is the source.
TEST_F(ClauseCoderTest, OpeningPartyIsTheSourceWhenTheParseLosesIt) {
  auto ev = In("on Saturday appealed");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "02");
  EXPECT_EQ(ev[0]->source.code, "IRQ");
  EXPECT_EQ(ev[0]->target.code, "IGOUNO");
}

// "sent military aid to Ukraine": the parse hangs "to Ukraine" on the noun;
// a party-naming preposition inside the patient still gives the target.
TEST_F(ClauseCoderTest, TargetAfterAPrepositionInsideThePatient) {
  auto ev = In("military aid to Ukraine");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "07");
  EXPECT_EQ(ev[0]->source.code, "FRA");
  EXPECT_EQ(ev[0]->target.code, "UKR");
}

// "staged demonstrations against Israel": the light verb's object is the
// event.
TEST_F(ClauseCoderTest, LightVerbCodesItsEventNoun) {
  auto ev = In("staged demonstrations");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "141");
  EXPECT_EQ(ev[0]->source.code.substr(0, 3), "PSE");
  EXPECT_EQ(ev[0]->target.code, "ISR");
}

// "condemned the attack ... by Iran": disapproval aims at the doer of the
// act it objects to, named by "by" inside the patient.
TEST_F(ClauseCoderTest, DisapprovalTargetsTheDoerAfterBy) {
  auto ev = In("condemned the attack");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "11");
  EXPECT_EQ(ev[0]->source.code, "GBR");
  EXPECT_EQ(ev[0]->target.code, "IRN");
}

// The object of an act of its own is not the subject's act: Britain
// condemned the attack, it did not attack.
TEST_F(ClauseCoderTest, ObjectOfAnActIsNotTheSubjectsAct) {
  for (const Event* e : In("condemned the attack")) {
    EXPECT_NE(e->root, "19") << All();
  }
}

// Tariffs on a party's goods restrict trade as punishment (163); the party
// is after "on" even when the parse hangs it on the noun.
TEST_F(ClauseCoderTest, TariffsOnAPartysGoodsAreSanctions) {
  auto ev = In("imposed tariffs");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "163");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "CHN");
}

// "would raise tariffs ... if talks failed": the conditional act is a
// threat (1312); the condition itself ("If Russia imposes sanctions ...,
// prices will rise") is a hypothetical act, not a threat.
TEST_F(ClauseCoderTest, ConditionalTariffsThreatenTheConditionDoesNot) {
  auto ev = In("would raise tariffs");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "1312");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "CHN");
  auto cond = In("If Russia imposes");
  ASSERT_EQ(cond.size(), 1u) << All();
  EXPECT_EQ(cond[0]->code, "163");
  EXPECT_TRUE(cond[0]->hypothetical);
  EXPECT_EQ(cond[0]->source.code, "RUS");
  EXPECT_EQ(cond[0]->target.code, "UKR");
}

// "Japan wants to help Indonesia": one's own wanted act is an intent (033);
// "Germany wants France to help Greece": France's help is only wanted.
TEST_F(ClauseCoderTest, WantingOnesOwnActIsIntent) {
  auto ev = In("Japan wants to help");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "03");
  EXPECT_EQ(ev[0]->source.code, "JPN");
  EXPECT_EQ(ev[0]->target.code, "IDN");
  for (const Event* e : In("wants France to help")) {
    EXPECT_NE(e->source.code, "FRA") << All();
  }
}

// "Israel on Wednesday released ..., a spokesman said": the lost
// subject is the party the sentence opens with, not the reporter.
TEST_F(ClauseCoderTest, ReportedActKeepsItsOpeningSubject) {
  auto ev = In("released two Palestinian prisoners");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "08");
  EXPECT_EQ(ev[0]->source.code, "ISR");
  EXPECT_EQ(ev[0]->target.code.substr(0, 3), "PSE");
}

// "would insist Japan open its markets": a stated stance is the demand
// itself, not a hypothetical one; "insisted it would not bow" states what
// will be (a claim), not what another must do.
TEST_F(ClauseCoderTest, InsistingOnAnotherPartysActIsADemand) {
  auto ev = In("would insist Japan");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "10");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "JPN");
  EXPECT_FALSE(ev[0]->hypothetical);
  for (const Event* e : In("Turkey insisted")) {
    EXPECT_NE(e->root, "10") << All();
  }
}

// A meeting held in a place is not a visit to its country.
TEST_F(ClauseCoderTest, AMeetingsPlaceIsNotItsTarget) {
  for (const Event* e : In("attend a meeting in Managua")) {
    EXPECT_FALSE(e->has_target && e->target.code == "NIC") << All();
  }
}

// "told the Japanese parliament ...": a statement to a named addressee is
// 010 when nothing else in the sentence is coded; telling the media is no
// event.
TEST_F(ClauseCoderTest, StatementToANamedAddressee) {
  auto ev = In("Kishida told the Japanese parliament");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "010");
  EXPECT_EQ(ev[0]->source.code, "JPNGOV");
  EXPECT_EQ(ev[0]->target.code, "JPNLEG");
  EXPECT_TRUE(In("Macron told the BBC").empty()) << All();
}

// Borrowing from a party is an appeal for economic aid (0231), planned
// here; seeking an extradition from one an appeal for judicial
// cooperation (0213).
TEST_F(ClauseCoderTest, BorrowingAndExtraditionAreAppeals) {
  auto ev = In("borrow 500 million");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "0231");
  EXPECT_TRUE(ev[0]->hypothetical);
  EXPECT_EQ(ev[0]->source.code, "KEN");
  EXPECT_EQ(ev[0]->target.code, "IGOUNODEVWBK");
  auto ex = In("extradition from Mexico");
  ASSERT_EQ(ex.size(), 1u) << All();
  EXPECT_EQ(ex[0]->code, "0213");
  EXPECT_EQ(ex[0]->source.code, "ESP");
  EXPECT_EQ(ex[0]->target.code, "MEX");
}

// Training a party's forces is military aid (072); what the trained party
// is to do is its own act, only intended: not the trainer's attack.
TEST_F(ClauseCoderTest, TrainingForcesIsMilitaryAidTheirPurposeIsNotCoded) {
  auto ev = In("trained Somali forces");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "072");
  EXPECT_EQ(ev[0]->source.code.substr(0, 3), "TUR");
  EXPECT_EQ(ev[0]->target.code.substr(0, 3), "SOM");
}

// "called Britain's decision unacceptable": criticism of the act's owner;
// "said no to the Chinese proposal": a rejection; "broke with Moscow":
// relations broken.
TEST_F(ClauseCoderTest, CallingWrongSayingNoAndBreakingWith) {
  auto call = In("decision unacceptable");
  ASSERT_EQ(call.size(), 1u) << All();
  EXPECT_EQ(call[0]->code, "111");
  EXPECT_EQ(call[0]->source.code, "FRA");
  EXPECT_EQ(call[0]->target.code, "GBR");
  auto no = In("said no to");
  ASSERT_EQ(no.size(), 1u) << All();
  EXPECT_EQ(no[0]->root, "12");
  EXPECT_EQ(no[0]->source.code, "USA");
  EXPECT_EQ(no[0]->target.code, "CHN");
  auto broke = In("broke with Moscow");
  ASSERT_EQ(broke.size(), 1u) << All();
  EXPECT_EQ(broke[0]->code, "161");
  EXPECT_EQ(broke[0]->source.code, "EGY");
  EXPECT_EQ(broke[0]->target.code, "RUS");
}

// "We" in a quotation is its speaker alone, not a party the sentence
// names beside it ("in remarks at Brazil's Workers' Party headquarters").
TEST_F(ClauseCoderTest, WeInAQuotationIsTheSpeaker) {
  auto ev = In("We strongly oppose");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "11");
  EXPECT_EQ(ev[0]->source.code.substr(0, 3), "USA");
  EXPECT_EQ(ev[0]->target.code, "RUS");
}

// "Turkey, which occupies northern Cyprus": a relative clause in the
// simple present describes a standing state, not an act; in the past
// ("which invaded Cyprus in 1974") it reports one.
TEST_F(ClauseCoderTest, PresentRelativeClauseIsAState) {
  for (const Event* e : In("which occupies")) {
    EXPECT_NE(e->evidence, "occupies") << All();
  }
  bool invaded = false;
  for (const Event* e : In("which invaded")) {
    invaded |= e->evidence == "invaded" && e->source.code == "GRC" &&
               e->target.code == "CYP";
  }
  EXPECT_TRUE(invaded) << All();
}

// "At the United Nations summit, Modi pledged": the gathering is the
// occasion, not the party the pledge is made to.
TEST_F(ClauseCoderTest, AGatheringIsNoTarget) {
  for (const Event* e : In("At the United Nations summit")) {
    EXPECT_NE(e->target.code, "IGOUNO") << All();
  }
}

// "We are prepared to work with France," the speaker said: "we" left
// empty by the actor finder is the quotation's speaker; working with a
// party is cooperation (060), prepared to, the intent to cooperate (031).
TEST_F(ClauseCoderTest, WorkingWithAPartyAndWeAsTheSpeaker) {
  auto ev = In("prepared to work with France");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->root, "03");
  EXPECT_EQ(ev[0]->source.code, "JPNGOV");
  EXPECT_EQ(ev[0]->target.code, "FRA");
  auto done = In("worked with Poland");
  ASSERT_EQ(done.size(), 1u) << All();
  EXPECT_EQ(done[0]->code, "060");
  EXPECT_EQ(done[0]->source.code, "DEU");
  EXPECT_EQ(done[0]->target.code, "POL");
}

// Returning a thing to a party is 0842; importing from one is economic
// exchange (061), here only possible.
TEST_F(ClauseCoderTest, ReturningToAndImportingFromAParty) {
  auto back = In("returned Macau to China");
  ASSERT_EQ(back.size(), 1u) << All();
  EXPECT_EQ(back[0]->code, "0842");
  EXPECT_EQ(back[0]->source.code, "PRT");
  EXPECT_EQ(back[0]->target.code, "CHN");
  auto trade = In("import more wheat");
  ASSERT_EQ(trade.size(), 1u) << All();
  EXPECT_EQ(trade[0]->code, "061");
  EXPECT_TRUE(trade[0]->hypothetical);
  EXPECT_EQ(trade[0]->source.code, "EGY");
  EXPECT_EQ(trade[0]->target.code, "RUS");
}

// "Italy and Spain want the EU budget to be raised": what a party wants of
// another party's thing or act is a demand on it (100), one per wanter.
TEST_F(ClauseCoderTest, WantingAnotherPartysThingIsADemand) {
  auto ev = In("want the EU budget");
  ASSERT_EQ(ev.size(), 2u) << All();
  for (const Event* e : ev) {
    EXPECT_EQ(e->root, "10");
    EXPECT_EQ(e->target.code, "IGOEUREEC");
  }
  EXPECT_EQ(ev[0]->source.code, "ITA");
  EXPECT_EQ(ev[1]->source.code, "ESP");
}

// Easing an embargo on a party is 085, the party after "on" its target.
TEST_F(ClauseCoderTest, EasingAnEmbargoOnAParty) {
  auto ev = In("eased the embargo");
  ASSERT_EQ(ev.size(), 1u) << All();
  EXPECT_EQ(ev[0]->code, "085");
  EXPECT_EQ(ev[0]->source.code, "USA");
  EXPECT_EQ(ev[0]->target.code, "CUB");
}

// Events are dyadic by default. A denial of "the accusations" answers the
// article's latest accuser; a denial of an act with no party denied to
// gives no event.
TEST_F(ClauseCoderTest, DenialAnswersTheAccuser) {
  Document d = Process(
      "Drones\n\nMarch 3, 2024\n\n"
      "Washington has accused Iran of supplying drones to Russia.\n\n"
      "Iran denied the accusations on Tuesday.\n\n"
      "Syria denied having chemical weapons.\n");
  bool answered = false;
  for (const Event& e : d.events) {
    EXPECT_TRUE(e.has_target) << e.code << " " << e.evidence;
    answered |= e.code == "016" && e.source.code == "IRN" &&
                e.target.code == "USA";
  }
  EXPECT_TRUE(answered);
}

// Issue 13, recall pass: the party warned is the object of "warn" even
// when a "that" clause follows ("warned Turkey that ...": the clause layer
// calls it the recipient).
TEST_F(ClauseCoderTest, TheWarnedPartyIsTheTarget) {
  Document d = Process(
      "Grain\n\nMarch 3, 2023\n\n"
      "Russian President Vladimir Putin warned Turkey on Monday that the "
      "grain deal could collapse.\n");
  bool warned = false;
  for (const Event& e : d.events) {
    warned |= e.code.compare(0, 2, "01") == 0 && e.source.code == "RUSGOV" &&
              e.has_target && e.target.code == "TUR";
  }
  EXPECT_TRUE(warned);
}

// Issue 13, recall pass: "he" as the speaker of a quotation is not a person
// the quotation itself names (the quotes stage's last person named), so it
// goes back to the speaker of the sentence before; and a disapproval said
// to exist ("there is a lack of trust in X") is held by whoever says so.
TEST_F(ClauseCoderTest, AnExistingDistrustIsTheSpeakers) {
  Document d = Process(
      "Trust\n\nMarch 3, 2023\n\n"
      "Labour leader Keir Starmer spoke to party members in Leeds on "
      "Monday.\n\n"
      "\"There is a deep lack of trust in Rishi Sunak and in his "
      "government,\" he said.\n");
  bool distrust = false;
  for (const Event& e : d.events) {
    if (e.evidence != "trust") continue;
    EXPECT_EQ(e.code.substr(0, 2), "11");
    EXPECT_NE(e.source.code, "GBRGOV");
    EXPECT_EQ(e.source.code.substr(0, 3), "GBR");
    EXPECT_EQ(e.target.code, "GBRGOV");
    distrust = true;
  }
  EXPECT_TRUE(distrust);
}

// Issue 13, recall pass: a visit noun that names no destination ("the
// main aim of Modi's visit") is a visit to the country the story is filed
// from, never to the visitor's own.
TEST_F(ClauseCoderTest, AVisitWithNoDestinationIsToTheDatelinesCountry) {
  Document d = Process(
      "Oil\n\nMOSCOW, May 4 - Indian Prime Minister Narendra Modi arrived "
      "on Tuesday.\n\n"
      "Indian officials said the main aim of Modi's visit was to discuss "
      "oil.\n");
  bool visit = false;
  for (const Event& e : d.events) {
    if (e.evidence != "visit") continue;
    visit = true;
    EXPECT_EQ(e.code, "042");
    EXPECT_EQ(e.source.code.substr(0, 3), "IND");
    EXPECT_EQ(e.target.code, "RUS");
  }
  EXPECT_TRUE(visit);
  Document home = Process(
      "Oil\n\nNEW DELHI, May 4 - Indian Prime Minister Narendra Modi "
      "spoke on Tuesday.\n\n"
      "Indian officials said the main aim of Modi's visit was to discuss "
      "oil.\n");
  for (const Event& e : home.events) EXPECT_NE(e.evidence, "visit");
}

// The place a story was filed from is no party to it: "BRUSSELS, June 29 -
// Leaders of the European Community began their summit" is not Belgium's
// act.
TEST_F(ClauseCoderTest, TheDatelineIsNoActor) {
  Document d = Process(
      "Summit\n\nBRUSSELS, June 29 - Leaders of the European Community "
      "(EC) began their two-day summit, officials said.\n");
  for (const Event& e : d.events) {
    EXPECT_NE(e.source.code, "BEL") << e.code << " " << e.evidence;
    EXPECT_NE(e.target.code, "BEL") << e.code << " " << e.evidence;
  }
}

// A surname is its person's only when the article does not name someone
// else by it: "Morrison" after "Timothy Morrison" is not Australia's Scott
// Morrison; after Scott Morrison it is.
TEST_F(ClauseCoderTest, SurnameOfAnotherPersonIsNotTheLeader) {
  Document other = Process(
      "Testimony\n\nNovember 20, 2019\n\n"
      "Timothy Morrison, a former aide, spoke to reporters on Monday.\n\n"
      "Morrison accused Iran of lying about the attack.\n");
  for (const Event& e : other.events) {
    EXPECT_NE(e.source.code.substr(0, 3), "AUS") << e.code << " " << e.evidence;
  }
  Document leader = Process(
      "Testimony\n\nNovember 20, 2019\n\n"
      "Australian Prime Minister Scott Morrison spoke to reporters on "
      "Monday.\n\n"
      "Morrison accused Iran of lying about the attack.\n");
  bool accused = false;
  for (const Event& e : leader.events) {
    accused |= e.code.substr(0, 2) == "11" && e.source.code == "AUSGOV" &&
               e.target.code == "IRN";
  }
  EXPECT_TRUE(accused);
}


// Issue 13, fourth pass (PLOVER and GSR records read at even positions
// only; each sentence here written for its test).

// Lists a page's events, for failure messages.
std::string EventsOf(const Document& d) {
  std::string out;
  for (const Event& e : d.events) {
    out += e.code + " " + e.source.code + " -> " +
           (e.has_target ? e.target.code : "-") + " [" + e.evidence + "] @" +
           e.location + (e.hypothetical ? " hyp" : "") + "\n";
  }
  return out;
}

// Returns the first event with root `root`, or null.
const Event* RootEvent(const Document& d, const std::string& root) {
  for (const Event& e : d.events) {
    if (e.root == root) return &e;
  }
  return nullptr;
}

// Expects an event of root `root` from actor code `source` to `target`.
void ExpectRootEvent(const Document& d, const std::string& root,
                     const std::string& source, const std::string& target) {
  const Event* e = RootEvent(d, root);
  ASSERT_NE(e, nullptr) << EventsOf(d);
  EXPECT_EQ(e->source.code, source) << EventsOf(d);
  EXPECT_EQ(e->target.code, target) << EventsOf(d);
}

// Two groups named after one country are two parties: "Venezuelan
// students" accusing "the Venezuelan government" share the country's
// entity but not their code.
TEST_F(ClauseCoderTest, GroupsOfOneCountryAreTwoParties) {
  Document d = Process(
      "Protest\n\nMay 4, 2023\n\nVenezuelan students accused the Venezuelan "
      "government of corruption.\n");
  const Event* e = RootEvent(d, "11");
  ASSERT_NE(e, nullptr) << EventsOf(d);
  EXPECT_EQ(e->source.code.substr(0, 3), "VEN");
  EXPECT_NE(e->source.code, "VENGOV");
  EXPECT_EQ(e->target.code, "VENGOV");
}

// An act on a place's people (lexicons.tsv place_target) has the place's
// country as target, and the source's own forces ("its forces") are no
// target: 154 EGY -> LBY; lifting a curfew in Mogadishu, 0813 on SOM.
TEST_F(ClauseCoderTest, ActOnAPlaceTargetsItsCountryNotOwnForces) {
  Document d = Process(
      "Forces\n\nMay 4, 2023\n\nEgypt strengthened its forces in Libya on "
      "Friday.\n\nEthiopian troops lifted the curfew in Mogadishu on "
      "Monday.\n");
  ExpectRootEvent(d, "15", "EGY", "LBY");
  const Event* c = RootEvent(d, "08");
  ASSERT_NE(c, nullptr) << EventsOf(d);
  EXPECT_EQ(c->code, "0813");
  EXPECT_EQ(c->source.code.substr(0, 3), "ETH");
  EXPECT_EQ(c->target.code, "SOM");
}

// A place named inside a clause the oblique holds ("in an attempt to
// force Syria to withdraw") is not where the act took place.
TEST_F(ClauseCoderTest, NoPlaceFromAClauseInsideTheOblique) {
  Document d = Process(
      "Roads\n\nMay 4, 2023\n\nTurkish troops blocked roads in an attempt to "
      "force Syria to withdraw.\n");
  for (const Event& e : d.events) {
    EXPECT_NE(e.location, "Syria") << EventsOf(d);
  }
}

// "Hundreds of thousands of striking Chilean copper miners": the party a
// quantity counts, down the parse's "of" phrases, is the source.
TEST_F(ClauseCoderTest, AQuantityOfAPartyIsTheParty) {
  Document d = Process(
      "Strike\n\nMay 4, 2023\n\nHundreds of thousands of striking Chilean "
      "copper miners staged protests against the government.\n");
  const Event* e = RootEvent(d, "14");
  ASSERT_NE(e, nullptr) << EventsOf(d);
  EXPECT_EQ(e->source.code.substr(0, 3), "CHL");
}

// A name the actor finder cannot code takes the office its apposition
// names: "Ahmed Farouk, the Egyptian foreign minister" is EGYGOV.
TEST_F(ClauseCoderTest, AnUncodedNameTakesItsApposition) {
  Document d = Process(
      "Truce\n\nMay 4, 2023\n\nAhmed Farouk, the Egyptian foreign minister, "
      "accused Israel of violating the truce.\n");
  ExpectRootEvent(d, "11", "EGYGOV", "ISR");
}

// The consequence of a conditional is an offer: "would meet the envoy if
// he came" is an intent to meet (036), hypothetical.
TEST_F(ClauseCoderTest, AConditionalOfferIsIntent) {
  Document d = Process(
      "Talks\n\nMay 4, 2023\n\nSomali rebels said they would meet the Kenyan "
      "envoy if he came to Mogadishu.\n");
  ASSERT_FALSE(d.events.empty()) << EventsOf(d);
  EXPECT_EQ(d.events[0].code, "036") << EventsOf(d);
  EXPECT_TRUE(d.events[0].hypothetical);
  EXPECT_EQ(d.events[0].source.code.substr(0, 3), "SOM");
  EXPECT_EQ(d.events[0].target.code.substr(0, 3), "KEN");
}

// "have sworn to attack" is a threat of force (138), as "vowed to".
TEST_F(ClauseCoderTest, ASwornAttackIsAThreat) {
  Document d = Process(
      "Vow\n\nMay 4, 2023\n\nHouthi fighters have sworn to attack Saudi "
      "Arabia.\n");
  ASSERT_FALSE(d.events.empty()) << EventsOf(d);
  EXPECT_EQ(d.events[0].code, "138") << EventsOf(d);
  EXPECT_EQ(d.events[0].target.code, "SAU");
}

// A refusal or a threat is aimed at the target of the act it is about
// ("refused to meet China's foreign minister": 12x JPN -> CHN), and of two
// codes for one act the more specific is kept ("threatened to seize": 137,
// not the threat's 130).
TEST_F(ClauseCoderTest, RefusalAndThreatAimAtTheirContentsTarget) {
  Document d = Process(
      "Ships\n\nMay 4, 2023\n\nJapan refused to meet China's foreign "
      "minister during the regional security conference this week.\n\nIran "
      "threatened to seize American ships in the Strait of Hormuz after the "
      "incident last month.\n");
  const Event* r = RootEvent(d, "12");
  ASSERT_NE(r, nullptr) << EventsOf(d);
  EXPECT_EQ(r->source.code, "JPN");
  EXPECT_EQ(r->target.code.substr(0, 3), "CHN");
  const Event* t = RootEvent(d, "13");
  ASSERT_NE(t, nullptr) << EventsOf(d);
  EXPECT_EQ(t->code, "137");
  EXPECT_EQ(t->source.code, "IRN");
  EXPECT_EQ(t->target.code, "USA");
}

// A demand or an investigation aims at the doer after "by": "demanded an
// apology by Germany", "investigating abuses by Moroccan police".
TEST_F(ClauseCoderTest, DemandAndInvestigationAimAtTheDoer) {
  Document d = Process(
      "Apology\n\nMay 4, 2023\n\nPoland on Tuesday demanded a formal "
      "apology by Germany for the remarks of the week before.\n\nSpain is "
      "investigating alleged abuses by Moroccan police officers along the "
      "border near Ceuta.\n");
  ExpectRootEvent(d, "10", "POL", "DEU");
  const Event* b = RootEvent(d, "09");
  ASSERT_NE(b, nullptr) << EventsOf(d);
  EXPECT_EQ(b->source.code, "ESP");
  EXPECT_EQ(b->target.code.substr(0, 3), "MAR");
}

// A past participle modifying a noun ("a member of Hamas arrested in
// March") names no doer: not the reporter ("Palestinian officials said").
TEST_F(ClauseCoderTest, ANounsParticipleHasNoDoer) {
  Document d = Process(
      "Release\n\nMay 4, 2023\n\nIsrael on Tuesday released the deputy mayor "
      "of the southern city of Hebron, a member of the Islamist Hamas "
      "movement arrested in March, Palestinian officials said.\n");
  for (const Event& e : d.events) {
    EXPECT_NE(e.root, "17") << EventsOf(d);
  }
  const Event* r = RootEvent(d, "08");
  ASSERT_NE(r, nullptr) << EventsOf(d);
  EXPECT_EQ(r->source.code, "ISR");
}

// Office holders and parties by the article's date (data/events/actors.tsv):
// in 2005 Michael Howard led the opposition and Labour governed; in 2012 the
// Conservatives governed with the Liberal Democrats (one side: no event).
TEST_F(ClauseCoderTest, PartiesAndOfficeHoldersOnTheArticlesDate) {
  auto pair = [](const Document& d, const std::string& root) {
    std::vector<std::string> out;
    for (const Event& e : d.events) {
      if (e.root == root && e.has_target)
        out.push_back(e.source.code + ">" + e.target.code);
    }
    return out;
  };
  Document in2005 = Process(
      "Election\n\nMarch 3, 2005\n\n"
      "Michael Howard accused Gordon Brown of wasting money.\n\n"
      "The Tories criticised Labour over the economy.\n");
  EXPECT_EQ(pair(in2005, "11"),
            (std::vector<std::string>{"GBROPP>GBRGOV", "GBROPP>GBRGOV"}));
  Document in2012 = Process(
      "Economy\n\nMarch 3, 2012\n\n"
      "The Tories criticised Labour over its record on the economy in a "
      "long debate in the Commons on Tuesday.\n\n"
      "The Liberal Democrats criticised the Tories over the budget.\n");
  EXPECT_EQ(pair(in2012, "11"), (std::vector<std::string>{"GBRGOV>GBROPP"}));
}

// Test for a party bug of issue 13: UK party names coded GBR in any
// article (Reuters-21578's "Australian Labour" was GBROPP). A party name is
// its own country's party only in that country's news; qualified by another
// country it is that country's party (PTY, or the sector beside it), and
// unqualified in a story datelined elsewhere, the dateline country's.
TEST_F(ClauseCoderTest, APartyNameIsItsCountrysOnlyInThatCountrysNews) {
  Document nz = Process(
      "Tests\n\nMarch 6, 1987\n\n"
      "WELLINGTON, March 6 - The Labour government criticised France over "
      "its nuclear tests in the Pacific on Friday.\n");
  EXPECT_EQ(Pairs(nz), (std::vector<std::string>{"111 NZLGOV>FRA"}));
  Document au = Process(
      "Beef\n\nMarch 6, 1987\n\n"
      "Australia's Labour Party criticised Japan over its beef quotas on "
      "Friday.\n");
  EXPECT_EQ(Pairs(au), (std::vector<std::string>{"111 AUSPTY>JPN"}));
  Document uk = Process(
      "Budget\n\nMarch 6, 1987\n\n"
      "The Labour Party criticised France over its budget on Friday.\n\n"
      "The budget was debated in London on Thursday.\n");
  EXPECT_EQ(Pairs(uk), (std::vector<std::string>{"111 GBROPP>FRA"}));
}

// Actors from their own words (issue 13, "What to build" 2): the US parties
// by the date (the president's party GOV, the other OPP), a sector word
// beside a party naming that sector of its country ("Republican lawmakers"
// USALEG, "Labour MPs" GBRLEG; "Tory leader" keeps the party's code), and
// an ombudsman as a human-rights office (HRI).
TEST_F(ClauseCoderTest, PartiesAndOfficesCodedFromTheirOwnWords) {
  auto roots = [](const Document& d) {
    std::vector<std::string> out;
    for (const Event& e : d.events) {
      out.push_back(e.root + " " + e.source.code + ">" +
                    (e.has_target ? e.target.code : "-"));
    }
    return out;
  };
  Document us = Process(
      "Border\n\nNovember 20, 2019\n\n"
      "The talks went on in Washington on Monday.\n\n"
      "Republican lawmakers criticised Mexico over the border.\n\n"
      "The Democrats criticised China over its trade policy.\n\n"
      "Bolivia's public ombudsman called on Chile to release the "
      "prisoners.\n");
  EXPECT_EQ(roots(us), (std::vector<std::string>{"11 USALEG>MEX",
                                                 "11 USAOPP>CHN",
                                                 "02 BOLHRI>CHL"}));
  Document uk = Process(
      "Fish\n\nMarch 3, 2005\n\n"
      "The talks went on in Brussels on Monday.\n\n"
      "Labour MPs criticised France over the fishing quotas.\n\n"
      "Tory leader Michael Howard criticised France over the quotas.\n");
  EXPECT_EQ(roots(uk), (std::vector<std::string>{"11 GBRLEG>FRA",
                                                 "11 GBROPP>FRA"}));
}

// Verbs the CAMEO codebook's own descriptions name and no row had (085
// "relax, or lessen economic sanctions", 164 "terminate ... negotiations",
// 111 "defame, denigrate", 050 "improve ... diplomatic cooperation").
TEST_F(ClauseCoderTest, VerbsOfTheCodebooksOwnDescriptions) {
  Document d = Process(
      "Talks\n\nMarch 3, 2024\n\n"
      "The talks went on in Geneva on Monday.\n\n"
      "Germany relaxed its sanctions on Iran.\n\n"
      "Russia terminated talks with Japan on Wednesday.\n\n"
      "India denigrated Pakistan in a speech.\n\n"
      "China and Vietnam improved ties on Friday.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"085 DEU>IRN", "164 RUS>JPN",
                                           "111 IND>PAK", "050 CHN>VNM"}));
}

// "claimed (that) X did ...": a claim is an accusation of the party whose
// act it claims (verbs.tsv "claim prep=": the patient, else the subject of
// the content), and the claimed act is not coded as done.
TEST_F(ClauseCoderTest, AClaimAccusesThePartyWhoseActItClaims) {
  Document d = Process(
      "Plant\n\nMarch 3, 2024\n\n"
      "Russia claimed that Ukraine shelled the power plant.\n");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].code, "112");
  EXPECT_EQ(d.events[0].source.code, "RUS");
  EXPECT_EQ(d.events[0].target.code, "UKR");
}

// Event nouns with a named modifier as their doer ("US objections"), the
// party after their preposition as target, and "between A and B" as both
// parties of a symmetric act, once.
TEST_F(ClauseCoderTest, NominalActsOfANamedModifierAndBetweenTwoParties) {
  Document d = Process(
      "Vote\n\nMarch 3, 2024\n\n"
      "The council voted on Monday despite US objections to the Chinese "
      "proposal.\n\n"
      "Officials described a long conversation between India and Pakistan "
      "in Geneva.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"110 USA>CHN", "040 IND>PAK"}));
}

// Between political actors of one country an attack is one of words
// (verbs.tsv "attack" verbal=111); against another country's forces it
// stays an attack.
TEST_F(ClauseCoderTest, AttackBetweenPoliticalActorsOfOneCountryIsCriticism) {
  Document d = Process(
      "Crime\n\nMarch 3, 2005\n\n"
      "Michael Howard attacked Tony Blair over the rise in violent crime "
      "in a speech to party members in Birmingham on Tuesday.\n\n"
      "Iraqi troops attacked Iranian soldiers near Basra.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"111 GBROPP>GBRGOV",
                                           "190 IRQMIL>IRNMIL"}));
}

// More verbs of criticism (codebook 111): "hit out at", "castigate".
TEST_F(ClauseCoderTest, MoreVerbsOfCriticism) {
  Document d = Process(
      "Fishing\n\nMarch 3, 2005\n\n"
      "The Tories hit out at Labour over the fishing quotas agreed in "
      "Brussels on Tuesday night after long talks.\n\n"
      "France castigated Britain over the quotas on Wednesday morning.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"111 GBROPP>GBRGOV", "111 FRA>GBR"}));
}

// "launched an attack on" (verbs.tsv "launch attack") carries the same
// verbal reading as "attack".
TEST_F(ClauseCoderTest, LaunchedAttackBetweenPoliticalActorsIsCriticism) {
  Document d = Process(
      "Schools\n\nMarch 3, 2005\n\n"
      "Charles Kennedy launched an attack on Tony Blair over school funding "
      "in a speech to party members in Harrogate on Saturday.\n\n"
      "The speech was well received by the members who heard it there.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"111 GBROPP>GBRGOV"}));
}

// The coder's rules on hand-built parses: the correct UD tree of each
// construction, so that what is tested is the rule and not a model's
// choice. One row per token: its head (1-based within the sentence, 0 for
// the root), relation, and a tag when the tree needs another than the
// tagger's ("withdraw" is a verb in "demanded that Ukraine withdraw", which
// the tagger reads as a noun).
struct Row {
  int head;
  const char* rel;
  const char* tag = "";
};

std::string DataDir() {
  const char* env = std::getenv("DATELINE_DATA_DIR");
  return env != nullptr ? env : DATELINE_SOURCE_DIR "/data";
}

// Runs the one-sentence `text` through the pipeline to its resolve stage
// (tokens, tags, entities), puts the parse of `rows` in place of the
// model's, builds the clause layer and codes the events.
Document CodeOnParse(const std::string& text, const std::vector<Row>& rows,
                     const EventCoderOptions& options = EventCoderOptions()) {
  Document doc;
  doc.text = text;
  doc.published = "2024-03-03";
  std::unique_ptr<Pipeline> pipeline;
  EXPECT_TRUE(
      Pipeline::Create(PipelineOptions{"resolve", DataDir()}, &pipeline).ok());
  if (!pipeline) return doc;
  pipeline->AnalyseText(&doc);
  EXPECT_EQ(doc.sentences.size(), 1u) << text;
  EXPECT_EQ(doc.tokens.size(), rows.size()) << text;
  if (doc.tokens.size() != rows.size()) return doc;
  for (size_t i = 0; i < rows.size(); ++i) {
    doc.heads[i] = rows[i].head - 1;
    doc.deprels[i] = rows[i].rel;
    if (rows[i].tag[0] != '\0') doc.pos[i] = rows[i].tag;
  }
  Lemmatizer lemmas;
  EXPECT_TRUE(lemmas.Load(DataDir() + "/models/lemmas.model").ok());
  NounFrames frames;
  EXPECT_TRUE(frames.LoadFile(DataDir() + "/syntax/noun_frames.tsv").ok());
  BuildClauses(&doc, &lemmas, &frames);
  std::unique_ptr<EventCoder> coder;
  EXPECT_TRUE(EventCoder::Create(DataDir(), options, &coder).ok());
  if (coder) coder->Code(&doc);
  return doc;
}

std::string Events(const Document& doc) {
  std::string out;
  for (const Event& e : doc.events) {
    out += e.code + " " + e.source.code + " -> " +
           (e.has_target ? e.target.code : "-") + " [" + e.evidence + "]" +
           (e.hypothetical ? " hyp" : "") + "\n";
  }
  return out;
}

// A relative clause is no content of the verb of its noun's clause: in
// "Greece, which invaded Cyprus in 1974, rejected the plan" the invasion is
// asserted though "reject" does not assert its content (the parse hangs
// "invaded" on "Greece" as acl:relcl, "rejected" the root; an earlier
// parser made "invaded" the root, which hid this).
TEST(ClauseCoderOnParseTest, RelativeClauseIsNoContentOfTheMainVerb) {
  Document doc = CodeOnParse(
      "Greece, which invaded Cyprus in 1974, rejected the plan.",
      {{9, "nsubj"}, {4, "punct"}, {4, "nsubj"}, {1, "acl:relcl"},
       {4, "obj"}, {7, "case"}, {4, "obl"}, {4, "punct"}, {0, "root"},
       {11, "det"}, {9, "obj"}, {9, "punct"}});
  bool invaded = false;
  for (const Event& e : doc.events) {
    invaded |= e.evidence == "invaded" && e.source.code == "GRC" &&
               e.target.code == "CYP" && !e.hypothetical;
  }
  EXPECT_TRUE(invaded) << Events(doc);
  // In the simple present it tells a standing state: no event.
  doc = CodeOnParse(
      "Turkey, which occupies northern Cyprus, rejected the plan.",
      {{8, "nsubj"}, {4, "punct"}, {4, "nsubj"}, {1, "acl:relcl"},
       {6, "amod"}, {4, "obj"}, {4, "punct"}, {0, "root"}, {10, "det"},
       {8, "obj"}, {8, "punct"}});
  for (const Event& e : doc.events) EXPECT_NE(e.evidence, "occupies");
}

// "may import more wheat from Russia": the source of the goods is the
// verb's oblique, and a parse that hangs "from Russia" on the object
// instead (a prepositional phrase's attachment, the choice a parser gets
// wrong most) gives the same event.
TEST(ClauseCoderOnParseTest, ImportFromEitherAttachment) {
  const std::string text = "Egypt may import more wheat from Russia this year.";
  for (int from_head : {3, 5}) {
    Document doc = CodeOnParse(
        text, {{3, "nsubj"}, {3, "aux"}, {0, "root"}, {5, "amod"}, {3, "obj"},
               {7, "case"}, {from_head, from_head == 3 ? "obl" : "nmod"},
               {9, "det"}, {3, "obl:unmarked"}, {3, "punct"}});
    ASSERT_EQ(doc.events.size(), 1u) << from_head << "\n" << Events(doc);
    EXPECT_EQ(doc.events[0].code, "061");
    EXPECT_EQ(doc.events[0].source.code, "EGY");
    EXPECT_EQ(doc.events[0].target.code, "RUS");
    EXPECT_TRUE(doc.events[0].hypothetical);
  }
}

// "have made China wary of offering concessions" (China the obj, "wary"
// the xcomp, as UD has it): a phrase pattern's words ("make concession*")
// are looked for in a complement without a clause only up to its head, so
// the concessions China is wary of offering are no concession made to it.
TEST(ClauseCoderOnParseTest, WordsAfterAComplementsHeadAreNotTheVerbs) {
  Document doc = CodeOnParse(
      "Trump's demands have made China wary of offering concessions.",
      {{3, "nmod:poss"}, {1, "case"}, {5, "nsubj"}, {5, "aux"}, {0, "root"},
       {5, "obj"}, {5, "xcomp"}, {9, "mark"}, {7, "advcl"}, {9, "obj"},
       {5, "punct"}});
  for (const Event& e : doc.events) {
    EXPECT_NE(e.evidence, "made") << Events(doc);
  }
}

// "demanded that Ukraine withdraw its troops", parsed as UD has it (the
// subjunctive "withdraw" the ccomp, "Ukraine" its nsubj): a demand on the
// complement's subject; the withdrawal asked for is not coded.
TEST(ClauseCoderOnParseTest, DemandTargetsTheComplementSubject) {
  Document doc = CodeOnParse(
      "Russia demanded that Ukraine withdraw its troops.",
      {{2, "nsubj"}, {0, "root"}, {5, "mark"}, {5, "nsubj"},
       {2, "ccomp", "VB"}, {7, "nmod:poss"}, {5, "obj"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].root, "10");
  EXPECT_EQ(doc.events[0].source.code, "RUS");
  EXPECT_EQ(doc.events[0].target.code, "UKR");
}

// A threat is aimed at the party whose act it is conditional on
// ("threatened to quit the talks if China raised its tariffs": 13x JPN ->
// CHN; the codebook's 134 example), when it names no party of its own.
TEST_F(ClauseCoderTest, AThreatAimsAtThePartyOfItsCondition) {
  Document d = Process(
      "Tariffs\n\nMay 4, 2023\n\nJapan threatened to quit the trade talks "
      "if China raised its tariffs on rice again.\n");
  const Event* t = RootEvent(d, "13");
  ASSERT_NE(t, nullptr) << EventsOf(d);
  EXPECT_EQ(t->source.code, "JPN");
  EXPECT_EQ(t->target.code.substr(0, 3), "CHN");
}

// An act that falls on a place's people finds the place after a locative
// preposition read over modifiers and one "NOUN of" ("in the town of
// Mombasa", "in the northern city of Kano"), inside the patient or another
// oblique: its country is the target.
TEST_F(ClauseCoderTest, APlaceInsideThePatientOrAnOblique) {
  Document d = Process(
      "Curfew\n\nMay 4, 2023\n\nKenyan police imposed a curfew in the town "
      "of Mombasa after the riots.\n\nNigerian troops remained on alert in "
      "the northern city of Kano after the attacks.\n");
  const Event* c = RootEvent(d, "17");
  ASSERT_NE(c, nullptr) << EventsOf(d);
  EXPECT_EQ(c->source.code.substr(0, 3), "KEN");
  EXPECT_EQ(c->target.code, "KEN");
  const Event* m = RootEvent(d, "15");
  ASSERT_NE(m, nullptr) << EventsOf(d);
  EXPECT_EQ(m->source.code.substr(0, 3), "NGA");
  EXPECT_EQ(m->target.code, "NGA");
}

// A sector the actor finder gave no country takes the country its phrase
// names before the head or after "from" ("Nurses from two Canadian
// charities", "the Kabul University Medical School").
TEST_F(ClauseCoderTest, ASectorTakesTheCountryItsPhraseNames) {
  Document d = Process(
      "Aid\n\nMay 4, 2023\n\nNurses from two Canadian charities delivered "
      "medicine to the Kabul University Medical School on Monday.\n");
  ASSERT_FALSE(d.events.empty()) << EventsOf(d);
  EXPECT_EQ(d.events[0].source.code.substr(0, 3), "CAN") << EventsOf(d);
  EXPECT_EQ(d.events[0].target.code.substr(0, 3), "AFG") << EventsOf(d);
}

// The purpose of an act not done is not done: "would not give permission
// to Poland to help Ukraine" is a refusal to Poland, and no help to Ukraine.
TEST_F(ClauseCoderTest, ThePurposeOfANegatedActIsNotCoded) {
  Document d = Process(
      "Permission\n\nMay 4, 2023\n\nGermany said it would not give "
      "permission to Poland to help Ukraine.\n");
  for (const Event& e : d.events) {
    EXPECT_NE(e.target.code.substr(0, 3), "UKR") << EventsOf(d);
  }
  const Event* r = RootEvent(d, "12");
  ASSERT_NE(r, nullptr) << EventsOf(d);
  EXPECT_EQ(r->target.code, "POL");
}

// "may sign the deal despite US objections to France's plan": the
// objections were made (110 USA>FRA, asserted), whatever "may" says of the
// signing (lexicons.tsv fact_prep); "the deal" names no party and is no
// act.
TEST(ClauseCoderOnParseTest, ObjectionsAfterDespiteAreAsserted) {
  Document doc = CodeOnParse(
      "Germany may sign the deal despite US objections to France's plan.",
      {{3, "nsubj"}, {3, "aux", "MD"}, {0, "root", "VB"}, {5, "det"},
       {3, "obj", "NN"}, {8, "case"}, {8, "compound", "NNP"},
       {3, "obl", "NNS"}, {12, "case"}, {12, "nmod:poss", "NNP"},
       {10, "case", "POS"}, {8, "nmod", "NN"}, {3, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "110");
  EXPECT_EQ(doc.events[0].source.code, "USA");
  EXPECT_EQ(doc.events[0].target.code, "FRA");
  EXPECT_FALSE(doc.events[0].hypothetical);
  // With no party of their own, objections set against an act ("despite")
  // aim at its doer.
  doc = CodeOnParse("Germany signed the deal despite US objections.",
                    {{2, "nsubj"}, {0, "root", "VBD"}, {4, "det"},
                     {2, "obj", "NN"}, {7, "case"}, {7, "compound", "NNP"},
                     {2, "obl", "NNS"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "110");
  EXPECT_EQ(doc.events[0].source.code, "USA");
  EXPECT_EQ(doc.events[0].target.code, "DEU");
}

// "called for talks with Iran" is the call (026, the demand frame of
// "call for talks"), not also talks held with Iran (046).
TEST(ClauseCoderOnParseTest, TalksCalledForAreNotCodedTwice) {
  Document doc = CodeOnParse(
      "France called for talks with Iran.",
      {{2, "nsubj"}, {0, "root", "VBD"}, {4, "case"}, {2, "obl", "NNS"},
       {6, "case"}, {4, "nmod"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "026");
  EXPECT_EQ(doc.events[0].source.code, "FRA");
  EXPECT_EQ(doc.events[0].target.code, "IRN");
}

// Evaluative nouns of the frame table (data/syntax/noun_frames.tsv) on
// hand-built parses. "British frustration with Japan" is Britain's
// disapproval of Japan (110); the sentence's first word, whose capital says
// nothing, is found as the modifier of the subject of "reached".
TEST(ClauseCoderOnParseTest, FrustrationWithAPartyIsDisapproval) {
  Document doc = CodeOnParse(
      "British frustration with Japan has reached boiling point.",
      {{2, "amod", "JJ"}, {6, "nsubj", "NN"}, {4, "case"}, {2, "nmod"},
       {6, "aux"}, {0, "root", "VBN"}, {8, "compound"}, {6, "obj", "NN"},
       {6, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "110");
  EXPECT_EQ(doc.events[0].source.code.substr(0, 3), "GBR");
  EXPECT_EQ(doc.events[0].target.code, "JPN");
  EXPECT_FALSE(doc.events[0].hypothetical);
}

// "a lack of trust in Iran" denies the trust (051): its `neg=` code, a
// disapproval (110) of Iran; the holder, named by neither the noun nor the
// existential clause, is whoever says so.
TEST(ClauseCoderOnParseTest, ALackOfTrustIsTheSpeakersDisapproval) {
  Document doc = CodeOnParse(
      "Israel said there was a lack of trust in Iran.",
      {{2, "nsubj"}, {0, "root"}, {4, "expl"}, {2, "ccomp"}, {6, "det"},
       {4, "nsubj"}, {8, "case"}, {6, "nmod", "NN"}, {10, "case"},
       {8, "nmod"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "110");
  EXPECT_EQ(doc.events[0].source.code, "ISR");
  EXPECT_EQ(doc.events[0].target.code, "IRN");
  EXPECT_FALSE(doc.events[0].negated);
}

// The evaluative adjectives after "be" (patterns.tsv): "is disappointed
// with Britain" is a disapproval (110) of Britain.
TEST(ClauseCoderOnParseTest, DisappointedWithAPartyIsDisapproval) {
  Document doc = CodeOnParse(
      "France is disappointed with Britain.",
      {{3, "nsubj"}, {3, "cop", "VBZ"}, {0, "root", "JJ"}, {5, "case"},
       {3, "obl"}, {3, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "110");
  EXPECT_EQ(doc.events[0].source.code, "FRA");
  EXPECT_EQ(doc.events[0].target.code, "GBR");
}

// "The attack on British troops by Iranian forces": the "by" phrase is the
// doer of the attack (190), the party after "on" its target.
TEST(ClauseCoderOnParseTest, TheByPhraseOfANounIsItsDoer) {
  Document doc = CodeOnParse(
      "The attack on British troops by Iranian forces angered London.",
      {{2, "det"}, {9, "nsubj", "NN"}, {5, "case"}, {5, "amod", "JJ"},
       {2, "nmod", "NNS"}, {8, "case"}, {8, "amod", "JJ"}, {2, "nmod", "NNS"},
       {0, "root", "VBD"}, {9, "obj", "NNP"}, {9, "punct"}});
  const Event* attack = nullptr;
  for (const Event& e : doc.events) {
    if (e.code == "190") attack = &e;
  }
  ASSERT_NE(attack, nullptr) << Events(doc);
  EXPECT_EQ(attack->source.code.substr(0, 3), "IRN");
  EXPECT_EQ(attack->target.code.substr(0, 3), "GBR");
}

// A row without a code takes its verb's plain pattern's ("denunciation":
// verbs.tsv "denounce", 111).
TEST(ClauseCoderOnParseTest, ANounWithoutACodeTakesItsVerbs) {
  Document doc = CodeOnParse(
      "Germany's denunciation of Russia angered Moscow.",
      {{3, "nmod:poss", "NNP"}, {1, "case", "POS"}, {6, "nsubj", "NN"},
       {5, "case"}, {3, "nmod"}, {0, "root", "VBD"}, {6, "obj", "NNP"},
       {6, "punct"}});
  ASSERT_FALSE(doc.events.empty()) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "111");
  EXPECT_EQ(doc.events[0].source.code, "DEU");
  EXPECT_EQ(doc.events[0].target.code, "RUS");
}

// Through the whole pipeline (the committed models' parse): frustration
// with, and anger at, a party are disapprovals (110).
TEST_F(ClauseCoderTest, EvaluativeNounsThroughThePipeline) {
  Document d = Process(
      "Trade\n\nMarch 3, 2024\n\n"
      "Russia expressed frustration with Britain over the expulsions on "
      "Monday.\n\n"
      "Egypt voiced anger at Israel over the raid.\n");
  std::vector<std::string> got;
  for (const Event& e : d.events) {
    got.push_back(e.code + " " + e.source.code + ">" +
                  (e.has_target ? e.target.code : "-"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"110 RUS>GBR", "110 EGY>ISR"}))
      << EventsOf(d);
}

// Issue 13, item 2: actors from other sentences, by the document's
// reference resolver (events/references.h).
//
// Returns `page` closed by a sentence with no actor in its last paragraph:
// the cleaner drops a page of short paragraphs as boilerplate.
std::string WithFiller(const std::string& page) {
  return page +
         " The weather in the region was cold and wet for most of the week, "
         "and many schools stayed closed.\n";
}

// A pronoun subject two sentences after its person ("Macron arrived ... The
// visit lasted ... He criticised Iran"): the event keeps the pronoun as its
// span and takes the person's code, entity and name.
TEST_F(ClauseCoderTest, APronounSubjectTakesAPersonFromAnEarlierSentence) {
  Document d = Process(WithFiller(
      "Visits\n\nMarch 3, 2024\n\nFrench President Emmanuel Macron "
      "arrived in Berlin on Monday. The visit lasted two days. He "
      "criticised Iran over its nuclear programme.")
                           .c_str());
  const Event* e = RootEvent(d, "11");
  ASSERT_NE(e, nullptr) << EventsOf(d);
  EXPECT_EQ(e->source.code, "FRAGOV");
  EXPECT_EQ(e->target.code, "IRN");
  EXPECT_EQ(e->source.name, "French President Emmanuel Macron");
  EXPECT_FALSE(e->source.entity.empty());
  EXPECT_EQ(d.text.substr(e->source.span.begin,
                          e->source.span.end - e->source.span.begin),
            "He");
}

// "Its army": a possessive pronoun gives its sector to the country the
// sentences before have as subject.
TEST_F(ClauseCoderTest, APossessivePronounTakesACountryFromAnEarlierSentence) {
  Document d = Process(WithFiller(
      "Tests\n\nMarch 3, 2024\n\nIran tested a new missile on "
      "Wednesday. The test lasted an hour. Its army threatened Israel.")
                           .c_str());
  ExpectRootEvent(d, "13", "IRNMIL", "ISR");
}

// A quotation paragraph the quotes stage could not close ("... ," Kishida
// said. "I warmly applaud ... "This spirit ..."): its first person is the
// speaker of the quotation it continues.
TEST_F(ClauseCoderTest, FirstPersonInAContinuedQuotationIsItsSpeaker) {
  Document d = Process(WithFiller(
      "Kashmir\n\nMarch 3, 2024\n\n\"This will help the region,\" "
      "Japanese Prime Minister Fumio Kishida said. \"I warmly applaud the "
      "efforts of India and Pakistan. \"This spirit of cooperation will lead "
      "to many more measures.\"")
                           .c_str());
  std::vector<std::string> targets;
  for (const Event& e : d.events) {
    if (e.root != "05") continue;
    EXPECT_EQ(e.source.code, "JPNGOV") << EventsOf(d);
    targets.push_back(e.target.code);
  }
  EXPECT_EQ(targets, (std::vector<std::string>{"IND", "PAK"})) << EventsOf(d);
}

// "The government" after "Russia warned Poland": the government named
// before, not a sector with no country.
TEST_F(ClauseCoderTest, ADescriptionTakesTheGovernmentNamedBefore) {
  Document d = Process(WithFiller(
      "Warnings\n\nMarch 3, 2024\n\nRussia warned Poland on Thursday. "
      "The government also criticised Lithuania.")
                           .c_str());
  ExpectRootEvent(d, "11", "RUSGOV", "LTU");
}

// A person pronoun with only a country before it stays unresolved: no
// event of Russia's from "He also criticised Britain".
TEST_F(ClauseCoderTest, APersonPronounNeverTakesACountry) {
  Document d = Process(WithFiller(
      "Shelling\n\nMarch 3, 2024\n\nRussia accused Ukraine of shelling "
      "Donetsk on Tuesday. He also criticised Britain.")
                           .c_str());
  ASSERT_NE(RootEvent(d, "11"), nullptr) << EventsOf(d);  // the accusation
  for (const Event& e : d.events) {
    EXPECT_NE(e.target.code, "GBR") << EventsOf(d);
  }
}

// "Scholz met Macron ... He praised Scholz": the previous subject is the
// clause's own other argument, so "He" is Macron, not a self-event.
TEST_F(ClauseCoderTest, APronounSkipsItsClausesOtherArgument) {
  Document d = Process(WithFiller(
      "Talks\n\nMarch 3, 2024\n\nGerman Chancellor Olaf Scholz met French "
      "President Emmanuel Macron in Paris on Monday. He praised Scholz.")
                           .c_str());
  ExpectRootEvent(d, "05", "FRAGOV", "DEUGOV");
}

// "He" after a man and then a woman named by her given name ("Macron
// arrived ... Angela Merkel welcomed ... He criticised Iran"): the man, the
// nearer woman being of the other gender (first_names.tsv).
TEST_F(ClauseCoderTest, HeSkipsANearerWomanNamedByHerGivenName) {
  Document d = Process(WithFiller(
      "Visits\n\nMarch 3, 2019\n\nFrench President Emmanuel Macron "
      "arrived in Berlin on Monday. German Chancellor Angela Merkel spoke "
      "to reporters. He criticised Iran over its nuclear programme.")
                           .c_str());
  const Event* e = RootEvent(d, "11");
  ASSERT_NE(e, nullptr) << EventsOf(d);
  EXPECT_EQ(e->source.code, "FRAGOV");
  EXPECT_EQ(e->target.code, "IRN");
  EXPECT_EQ(d.text.substr(e->source.span.begin,
                          e->source.span.end - e->source.span.begin),
            "He");
}

// Saying again is saying: "reiterated that Iran must free the hostages" is
// France's demand of Iran (10x), as "said that ... must" is (issue 13, gap
// pass: the clause layer did not attribute the complement of "reiterate").
TEST(ClauseCoderOnParseTest, ReiteratedMustIsADemand) {
  Document doc = CodeOnParse(
      "France reiterated that Iran must free the hostages.",
      {{2, "nsubj"}, {0, "root"}, {6, "mark"}, {6, "nsubj"}, {6, "aux"},
       {2, "ccomp", "VB"}, {8, "det"}, {6, "obj"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].root, "10");
  EXPECT_EQ(doc.events[0].source.code, "FRA");
  EXPECT_EQ(doc.events[0].target.code, "IRN");
  EXPECT_FALSE(doc.events[0].hypothetical);
}

// An intent not held is the refusal of its kind: "would not give
// permission" (080 as intent, 035) refuses to yield (124), not material
// cooperation (121); "would not meet" (036) rejects the meeting (125).
TEST(ClauseCoderOnParseTest, NegatedIntentIsTheRefusalOfItsKind) {
  Document doc = CodeOnParse(
      "Germany said it would not give permission to Turkey.",
      {{2, "nsubj"}, {0, "root"}, {6, "nsubj"}, {6, "aux"}, {6, "advmod"},
       {2, "ccomp"}, {6, "obj"}, {9, "case"}, {6, "obl"}, {2, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "124");
  EXPECT_EQ(doc.events[0].source.code, "DEU");
  EXPECT_EQ(doc.events[0].target.code, "TUR");
  EXPECT_EQ(ChooseCode("036", "", "", "future", true).code, "125");
  EXPECT_EQ(ChooseCode("070", "", "", "future", true).code, "121");
}

// Sympathy falls on the people of the place struck (018 in `place_target`):
// "expressed sympathy over the floods in Bangladesh", no party named, is
// condolence to Bangladesh.
TEST(ClauseCoderOnParseTest, SympathyForAPlaceTargetsItsCountry) {
  Document doc = CodeOnParse(
      "The Japanese prime minister expressed sympathy over the floods in "
      "Bangladesh.",
      {{4, "det"}, {4, "amod"}, {4, "amod"}, {5, "nsubj"}, {0, "root"},
       {5, "obj"}, {9, "case"}, {9, "det"}, {5, "obl"}, {11, "case"},
       {9, "nmod"}, {5, "punct"}});
  ASSERT_EQ(doc.events.size(), 1u) << Events(doc);
  EXPECT_EQ(doc.events[0].code, "018");
  EXPECT_EQ(doc.events[0].source.code, "JPNGOV");
  EXPECT_EQ(doc.events[0].target.code, "BGD");
}

// An act tried is an act done, not a content: "tried to seize a British
// tanker", "attempted to seize" are the seizure (17x), as the token coder
// and PLOVER code attempts (issue 13, gap pass).
TEST(ClauseCoderOnParseTest, AnAttemptedActIsCoded) {
  for (const char* verb : {"tried", "attempted"}) {
    Document doc = CodeOnParse(
        std::string("Iran ") + verb + " to seize a British tanker.",
        {{2, "nsubj"}, {0, "root"}, {4, "mark"}, {2, "xcomp"}, {7, "det"},
         {7, "amod"}, {4, "obj"}, {2, "punct"}});
    ASSERT_EQ(doc.events.size(), 1u) << verb << "\n" << Events(doc);
    EXPECT_EQ(doc.events[0].root, "17") << Events(doc);
    EXPECT_EQ(doc.events[0].source.code, "IRN");
    EXPECT_EQ(doc.events[0].target.code, "GBR");
  }
}

// "killing five people, Iraqi state media reported": the media are the
// subject of "reported", not an apposition of "people", so the victims stay
// civilians and the reporters are no target of the killing.
TEST(ClauseCoderOnParseTest, TheReporterAfterACommaIsNoApposition) {
  Document doc = CodeOnParse(
      "Rebels shelled the city, killing five people, Iraqi state media "
      "reported.",
      {{2, "nsubj"}, {0, "root"}, {4, "det"}, {2, "obj"}, {6, "punct"},
       {2, "advcl"}, {8, "nummod"}, {6, "obj"}, {13, "punct"}, {12, "amod"},
       {12, "compound"}, {13, "nsubj"}, {2, "parataxis"}, {2, "punct"}});
  bool killing = false;
  for (const Event& e : doc.events) {
    if (e.evidence != "killing") continue;
    killing = true;
    EXPECT_EQ(e.target.code.substr(e.target.code.size() - 3), "CVL")
        << Events(doc);
    EXPECT_EQ(e.target.code.find("GOV"), std::string::npos) << Events(doc);
  }
  EXPECT_TRUE(killing) << Events(doc);
}

// "During Israel's invasion of Lebanon, the group captured ...": the clause
// names its doer ("the group"), whom the tables do not know; the source is
// not borrowed from the party the sentence opens with.
TEST(ClauseCoderOnParseTest, ANamedDoerNoTableKnowsBorrowsNoSource) {
  Document doc = CodeOnParse(
      "During Israel's invasion of Lebanon, the group captured three Israeli "
      "soldiers.",
      {{4, "case"}, {4, "nmod:poss"}, {2, "case"}, {10, "obl"}, {6, "case"},
       {4, "nmod"}, {10, "punct"}, {9, "det"}, {10, "nsubj"}, {0, "root"},
       {13, "nummod"}, {13, "amod"}, {10, "obj"}, {10, "punct"}});
  for (const Event& e : doc.events) {
    EXPECT_NE(e.source.code.substr(0, 3), "ISR") << Events(doc);
  }
  // Nor does a relative clause whose noun is no actor ("the chiefs, who
  // arrived": not the mayor's arrival).
  Document chiefs = CodeOnParse(
      "The mayor praised the chiefs, who arrived in London.",
      {{2, "det"}, {3, "nsubj"}, {0, "root"}, {5, "det"}, {3, "obj"},
       {8, "punct"}, {8, "nsubj"}, {5, "acl:relcl"}, {10, "case"},
       {8, "obl"}, {3, "punct"}});
  for (const Event& e : chiefs.events) {
    EXPECT_NE(e.evidence, "arrived") << Events(chiefs);
  }
  // A participle's doer is still its host's ("detonated a bomb killing").
  Document bomb = CodeOnParse(
      "Hamas militants detonated a bomb killing three Israeli soldiers.",
      {{2, "compound"}, {3, "nsubj"}, {0, "root"}, {5, "det"}, {3, "obj"},
       {5, "acl"}, {9, "nummod"}, {9, "amod"}, {6, "obj"}, {3, "punct"}});
  bool killing = false;
  for (const Event& e : bomb.events) {
    killing |= e.evidence == "killing" && e.root == "18" &&
               !e.source.code.empty() && e.target.code == "ISRMIL";
  }
  EXPECT_TRUE(killing) << Events(bomb);
}

// "killing himself and three tourists": a reflexive is the doer itself,
// never a target (the resolver must not hand it the place named before).
TEST(ClauseCoderOnParseTest, AReflexiveIsNoTarget) {
  Document doc = CodeOnParse(
      "An attacker detonated a bomb in Cairo, killing himself and three "
      "tourists.",
      {{2, "det"}, {3, "nsubj"}, {0, "root"}, {5, "det"}, {3, "obj"},
       {7, "case"}, {3, "obl"}, {9, "punct"}, {3, "advcl"}, {9, "obj"},
       {13, "cc"}, {13, "nummod"}, {10, "conj"}, {3, "punct"}});
  for (const Event& e : doc.events) {
    EXPECT_NE(e.target.code.substr(0, 3), "EGY") << Events(doc);
  }
}

// "protest against" is a disapproval (110) from a government and a protest
// (140, flag crowd=) from a crowd or civil society.
TEST(ClauseCoderOnParseTest, ACrowdsProtestIsAProtestAStatesADisapproval) {
  const std::vector<Row> rows = {{2, "nsubj"}, {0, "root"}, {6, "case"},
                                 {6, "det"},   {6, "amod"}, {2, "obl"},
                                 {2, "punct"}};
  Document students = CodeOnParse(
      "Students protested against the Japanese government.", rows);
  ASSERT_EQ(students.events.size(), 1u) << Events(students);
  EXPECT_EQ(students.events[0].code, "140") << Events(students);
  EXPECT_EQ(students.events[0].target.code.substr(0, 3), "JPN");
  Document china =
      CodeOnParse("China protested against the Japanese government.", rows);
  ASSERT_EQ(china.events.size(), 1u) << Events(china);
  EXPECT_EQ(china.events[0].code, "110") << Events(china);
  EXPECT_EQ(china.events[0].source.code, "CHN");
}

// "It is important to support Iraq": under an expletive subject the act
// has no doer of its own, and the reporter's is not borrowed.
TEST(ClauseCoderOnParseTest, AnActUnderAnExpletiveHasNoSource) {
  Document doc = CodeOnParse(
      "Germany said it is important to support Iraq.",
      {{2, "nsubj"}, {0, "root"}, {5, "expl"}, {5, "cop"}, {2, "ccomp"},
       {7, "mark"}, {5, "advcl"}, {7, "obj"}, {2, "punct"}});
  for (const Event& e : doc.events) {
    EXPECT_NE(e.evidence, "support") << Events(doc);
  }
}

// A refusal aims at the party of the act refused even where that act's
// pattern names its party after one preposition only ("meet in": the
// target after "with"): "refused to meet China's prime minister in
// Beijing" is 12x JPN -> CHN (issue 13, PLOVER pass).
TEST(ClauseCoderOnParseTest, RefusedMeetingAimsAtItsObject) {
  Document doc = CodeOnParse(
      "Japan refused to meet China's prime minister in Beijing.",
      {{2, "nsubj"}, {0, "root"}, {4, "mark"}, {2, "xcomp"},
       {8, "nmod:poss"}, {5, "case"}, {8, "amod"}, {4, "obj"}, {10, "case"},
       {4, "obl"}, {2, "punct"}});
  ASSERT_FALSE(doc.events.empty()) << Events(doc);
  EXPECT_EQ(doc.events[0].root, "12") << Events(doc);
  EXPECT_EQ(doc.events[0].source.code, "JPN");
  ASSERT_TRUE(doc.events[0].has_target) << Events(doc);
  EXPECT_EQ(doc.events[0].target.code.substr(0, 3), "CHN") << Events(doc);
}

// A thing attacked is its owner's or origin's, after "for" or "from",
// also down a chain of "of" ("a camp for Sudanese refugees", "a convoy of
// trucks from Kenya"), as the party a quantity counts was; a journey is its
// destination's ("advised against travel to Kenya": 160 USA -> KEN).
TEST(ClauseCoderOnParseTest, AThingsOwnerAfterForOrFromIsTheTarget) {
  Document camp = CodeOnParse(
      "Rebels attacked a camp for Sudanese refugees.",
      {{2, "nsubj"}, {0, "root"}, {4, "det"}, {2, "obj"}, {7, "case"},
       {7, "amod"}, {4, "nmod"}, {2, "punct"}});
  ASSERT_FALSE(camp.events.empty()) << Events(camp);
  EXPECT_EQ(camp.events[0].root, "19") << Events(camp);
  EXPECT_EQ(camp.events[0].target.code.substr(0, 3), "SDN") << Events(camp);
  Document convoy = CodeOnParse(
      "Rebels attacked a convoy of trucks from Kenya.",
      {{2, "nsubj"}, {0, "root"}, {4, "det"}, {2, "obj"}, {6, "case"},
       {4, "nmod"}, {8, "case"}, {6, "nmod"}, {2, "punct"}});
  ASSERT_FALSE(convoy.events.empty()) << Events(convoy);
  EXPECT_EQ(convoy.events[0].root, "19") << Events(convoy);
  EXPECT_EQ(convoy.events[0].target.code, "KEN") << Events(convoy);
  Document travel = CodeOnParse(
      "The United States advised against travel to Kenya.",
      {{3, "det"}, {3, "compound"}, {4, "nsubj"}, {0, "root"}, {6, "case"},
       {4, "obl"}, {8, "case"}, {6, "nmod"}, {4, "punct"}});
  ASSERT_FALSE(travel.events.empty()) << Events(travel);
  EXPECT_EQ(travel.events[0].code, "160") << Events(travel);
  EXPECT_EQ(travel.events[0].source.code, "USA") << Events(travel);
  EXPECT_EQ(travel.events[0].target.code, "KEN") << Events(travel);
}

// A sector with no country of its own takes the country the phrase places
// it in after a locative preposition ("students across Kenya": KENEDU), as
// it took an origin after "from", "of" or "in".
TEST(ClauseCoderOnParseTest, ASectorTakesTheCountryItIsPlacedIn) {
  Document doc = CodeOnParse(
      "Students across Kenya protested against France.",
      {{4, "nsubj"}, {3, "case"}, {1, "nmod"}, {0, "root"}, {6, "case"},
       {4, "obl"}, {4, "punct"}});
  ASSERT_FALSE(doc.events.empty()) << Events(doc);
  EXPECT_EQ(doc.events[0].source.code.substr(0, 3), "KEN") << Events(doc);
  EXPECT_EQ(doc.events[0].target.code, "FRA") << Events(doc);
}

// "Israel and Lebanon renewed negotiations on an Israeli withdrawal": a
// symmetric act of a coordinated subject is the pair's, though its topic
// names one of them (before, the topic's Israel was the target: LBN ->
// ISR); once per pair by default, the first named the source; in both
// directions with reciprocal_pairs (PLOVER's SRC/TAR records).
TEST(ClauseCoderOnParseTest, ACoordinatedPairsTopicIsNoTarget) {
  const std::vector<Row> parse = {
      {5, "nsubj"}, {3, "cc"}, {1, "conj"}, {5, "aux"}, {0, "root"},
      {5, "obj"}, {10, "case"}, {10, "det"}, {10, "amod"}, {5, "obl"},
      {5, "punct"}};
  const std::string text =
      "Israel and Lebanon have renewed negotiations on an Israeli "
      "withdrawal.";
  Document once = CodeOnParse(text, parse);
  ASSERT_EQ(once.events.size(), 1u) << Events(once);
  EXPECT_EQ(once.events[0].root, "04") << Events(once);
  EXPECT_EQ(once.events[0].source.code, "ISR") << Events(once);
  EXPECT_EQ(once.events[0].target.code, "LBN") << Events(once);
  EventCoderOptions options;
  options.reciprocal_pairs = true;
  Document both = CodeOnParse(text, parse, options);
  ASSERT_EQ(both.events.size(), 2u) << Events(both);
  EXPECT_EQ(both.events[0].source.code, both.events[1].target.code);
  EXPECT_EQ(both.events[1].source.code, both.events[0].target.code);
  EXPECT_NE(both.events[0].source.code, both.events[1].source.code);
}

// "The Kenyan Union of Teachers, the umbrella union for primary school
// teachers, announced that it has called off a strike": the pronoun subject
// of what is reported stands for the reporter (KENLAB), not for the party
// the apposition between them names (the teachers, ---EDU).
TEST(ClauseCoderOnParseTest, ThePronounOfAReportIsTheReporter) {
  EventCoderOptions options;
  options.allow_missing_target = true;
  Document doc = CodeOnParse(
      "The Kenyan Union of Teachers, the umbrella union for primary school "
      "teachers, announced that it has called off a strike.",
      {{3, "det"}, {3, "amod"}, {15, "nsubj"}, {5, "case"}, {3, "nmod"},
       {9, "punct"}, {9, "det"}, {9, "compound"}, {3, "appos"},
       {13, "case"}, {13, "amod"}, {13, "compound"}, {9, "nmod"},
       {9, "punct"}, {0, "root"}, {19, "mark"}, {19, "nsubj"}, {19, "aux"},
       {15, "ccomp"}, {19, "compound:prt"}, {22, "det"}, {19, "obj"},
       {15, "punct"}},
      options);
  const Event* e = nullptr;
  for (const Event& x : doc.events) {
    if (x.evidence.rfind("called", 0) == 0) e = &x;
  }
  ASSERT_NE(e, nullptr) << Events(doc);
  EXPECT_EQ(e->root, "08") << Events(doc);
  EXPECT_EQ(e->source.code.substr(0, 3), "KEN") << Events(doc);
}

}  // namespace

// Issue 13, "What to build" 2: an unnamed group takes its country from the
// article's context. A country's own institution ("Police", "officers", "the
// government") in a story whose dateline names a country, and no other
// country dominating it, is that country's; a company is not ("creditor
// banks" in a story from Buenos Aires are nobody's in particular); and "the
// government" resolved to the dateline's country stays a party (only a
// pronoun resolved to the dateline's place is dropped); unidentified
// attackers take no country.
TEST_F(ClauseCoderTest, AnUnnamedInstitutionIsTheDatelinesCountrys) {
  Document police = Process(
      "Unrest\n\nMarch 3, 2024\n\n"
      "NAIROBI, Kenya (AP) - Police fired tear gas at protesters in the "
      "capital on Tuesday.\n");
  EXPECT_EQ(Pairs(police), (std::vector<std::string>{"175 KENCOP>KENOPP"}));
  Document government = Process(
      "Unrest\n\nMarch 3, 2024\n\n"
      "NAIROBI, Kenya (AP) - The government accused opposition leaders of "
      "inciting violence on Tuesday.\n");
  EXPECT_EQ(Pairs(government), (std::vector<std::string>{"112 KENGOV>KENOPP"}));
  Document banks = Process(
      "Debt\n\nMarch 3, 1987\n\n"
      "BUENOS AIRES, March 3 - The government accused creditor banks of "
      "blocking the debt talks.\n");
  for (const Event& e : banks.events) {
    EXPECT_NE(e.target.code, "ARGBUS") << e.code << " " << e.evidence;
  }
  // Attackers (UAF) are unidentified, whatever country the story is about.
  Document attackers = Process(
      "Somalia\n\nMarch 3, 2024\n\n"
      "WASHINGTON - The United States condemned the attack on Tuesday. "
      "American officials praised Kenya and Washington thanked Ethiopia.\n\n"
      "Somali forces killed six attackers on Monday.\n");
  bool killed = false;
  for (const Event& e : attackers.events) {
    if (e.source.code != "SOMMIL") continue;
    killed = true;
    EXPECT_EQ(e.target.code, "---UAF") << e.code << " " << e.evidence;
  }
  EXPECT_TRUE(killed);
  Document undated = Process(
      "Unrest\n\nMarch 3, 2024\n\n"
      "Police fired tear gas at protesters on Tuesday.\n");
  for (const Event& e : undated.events) {
    EXPECT_EQ(e.source.code, "---COP") << e.code << " " << e.evidence;
  }
}

// A symmetric act of plural doers with no other party is their gathering,
// not a meeting with the place's country: "finance ministers are meeting in
// Brussels", "EU leaders are holding talks in Brussels" are no EU > Belgium
// event; "Chirac met Blair in Brussels" still meets Blair.
TEST(ClauseCoderOnParseTest, PluralDoersMeetingInAPlaceMeetNoHost) {
  std::unique_ptr<Document> d = ProcessTextPage(
      "gathering_test",
      "Ministers\n\nMarch 3, 2005\n\n"
      "European Union finance ministers are meeting on Thursday in "
      "Brussels.\n\n"
      "EU leaders are holding talks in Brussels on the economy.\n\n"
      "French President Jacques Chirac met British Prime Minister Tony Blair "
      "in Brussels on Friday.\n");
  ASSERT_NE(d, nullptr);
  bool chirac = false;
  for (const Event& e : d->events) {
    EXPECT_NE(e.target.code, "BEL") << e.code << " " << e.evidence;
    chirac |= e.source.code == "FRAGOV" && e.target.code == "GBRGOV";
  }
  EXPECT_TRUE(chirac);
}

// Words to the public are no dyadic event ("urged people to ...", "told
// researchers"); acts on it are ("fired tear gas at protesters", "arrested
// 40 people").
TEST(ClauseCoderOnParseTest, WordsToThePublicAreNoEvent) {
  std::unique_ptr<Document> d = ProcessTextPage(
      "public_test",
      "Comments\n\nMarch 3, 2005\n\n"
      "Prime Minister Tony Blair urged people to put the comments into "
      "context.\n\n"
      "Home Secretary Charles Clarke told researchers the figures were "
      "wrong.\n\n"
      "British police arrested 40 people in London on Friday.\n");
  ASSERT_NE(d, nullptr);
  std::vector<std::string> codes;
  for (const Event& e : d->events) codes.push_back(e.code);
  EXPECT_EQ(codes, std::vector<std::string>{"173"});
}

// A region's adjective names its countries as a group, coded with CAMEO's
// region code ("European leaders" EURGOV, events/regions.tsv); before,
// "leaders" took the article's dominant country (USAGOV in a story about
// the US).
TEST(ClauseCoderOnParseTest, ARegionsLeadersAreTheRegions) {
  std::unique_ptr<Document> d = ProcessTextPage(
      "region_test",
      "The euro\n\nMarch 3, 2005\n\n"
      "The US Treasury said on Monday the dollar would recover. President "
      "Bush said Washington wanted a strong dollar.\n\n"
      "European leaders have openly blamed the US for the sharp rise in the "
      "euro.\n");
  ASSERT_NE(d, nullptr);
  bool blamed = false;
  for (const Event& e : d->events) {
    if (e.evidence != "blamed") continue;
    blamed = true;
    EXPECT_EQ(e.source.code, "EURGOV");
    EXPECT_EQ(e.target.code.substr(0, 3), "USA");
  }
  EXPECT_TRUE(blamed);
}

// One consults a party, not a thing a party's name modifies: "meeting the
// Lisbon targets" is no meeting with Portugal; "met Russian officials in
// London" meets the officials (the place is where), and "U.N. mediator Diego
// Cordovez" is a person.
TEST(ClauseCoderOnParseTest, AConsultationIsWithAPartyNotAThing) {
  std::unique_ptr<Document> d = ProcessTextPage(
      "consult_test",
      "Targets\n\nMarch 3, 2005\n\n"
      "The EU has come closer to meeting the Lisbon targets.\n\n"
      "Tony Blair met Russian officials in London on Monday.\n\n"
      "Afghan rebel leaders said they would meet U.N. mediator Diego "
      "Cordovez.\n");
  ASSERT_NE(d, nullptr);
  std::vector<std::string> pairs;
  for (const Event& e : d->events) {
    pairs.push_back(e.source.code + ">" + e.target.code);
    if (e.target.code == "RUSGOV") {
      EXPECT_EQ(e.location, "London");
    }
  }
  EXPECT_EQ(pairs, (std::vector<std::string>{"GBRGOV>RUSGOV",
                                             "AFGREB>IGOUNO"}));
}

// A shadow minister is the opposition's (Westminster's shadow cabinet,
// agents.tsv), not the government's: "Shadow home secretary Tom Fairley"
// (a name no table knows) GBROPP.
TEST_F(ClauseCoderTest, AShadowMinisterIsTheOpposition) {
  Document d = Process(
      "Europe\n\nMarch 3, 2005\n\n"
      "LONDON (Reuters) - Shadow home secretary Tom Fairley criticised "
      "Foreign Secretary Jack Straw over the EU constitution.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"111 GBROPP>GBRGOV"}));
}

// The singular of a party's name is the party ("the Liberal Democrat
// leader", "Lib Dem leader"): it was read as the US Democrats' ("Democrat
// leader" USAGOV) or not at all.
TEST_F(ClauseCoderTest, ASingularPartyNameIsTheParty) {
  Document d = Process(
      "Iraq\n\nMarch 3, 2005\n\n"
      "The Liberal Democrat leader criticised the government over Iraq.\n\n"
      "Lib Dem leader Charles Kennedy criticised Tony Blair.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"111 GBROPP>GBRGOV",
                                                "111 GBROPP>GBRGOV"}));
}

// Asking whether something happened is a question, not an appeal to the
// party asked about: "a reporter asked whether the minister had approved
// the sale" gives no 020 to the minister.
TEST_F(ClauseCoderTest, AskingWhetherIsNoAppeal) {
  Document d = Process(
      "Arms\n\nMarch 3, 2005\n\n"
      "LONDON (Reuters) - A reporter asked whether Defence Secretary Geoff "
      "Hoon had approved the sale.\n\n"
      "Jack Straw asked Iran to stop enriching uranium.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"020 GBRGOV>IRN"}));
}

// A meeting someone is scheduled to hold is planned, whatever the parse
// makes of the infinitive ("was scheduled on Monday to meet" hangs it as a
// purpose clause): intent to meet, hypothetical.
TEST_F(ClauseCoderTest, AScheduledMeetingIsAnIntent) {
  Document d = Process(
      "Talks\n\nMarch 3, 2005\n\n"
      "A U.S. Senate delegation was scheduled on Monday to meet Jordanian "
      "Prime Minister Ali Abu al-Ragheb.\n");
  ASSERT_EQ(Pairs(d), (std::vector<std::string>{"036 USALEG>JORGOV"}));
  EXPECT_TRUE(d.events[0].hypothetical);
}

// The object of a verb that ends an act names an act of before: "will end
// its trade agreement with Canada" is no 057 (and a denied report of it,
// none either).
TEST_F(ClauseCoderTest, EndingAnAgreementIsNoSigning) {
  Document d = Process(
      "Trade\n\nMarch 3, 2005\n\n"
      "An official denied a report that Mexico will end its trade agreement "
      "with Canada.\n\n"
      "Mexico suspended its talks with Canada.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{}));
}

// A body no table knows takes the sector of its head, which stops before
// "of": the "Ministry of Trade and Industry" is a ministry (GOV), not
// industry (BUS); in a story filed from Seoul, South Korea's.
TEST_F(ClauseCoderTest, ABodysSectorIsItsHeadsBeforeOf) {
  Document d = Process(
      "Exports\n\nMarch 3, 2005\n\n"
      "SEOUL, March 3 (Reuters) - The Ministry of Commerce and Industry "
      "criticised Japan over its export curbs.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"111 KORGOV>JPN"}));
}

// "foreign banks" are not of the story's country: the group keeps no
// country rather than the one the article is about.
TEST_F(ClauseCoderTest, ForeignGroupsTakeNoCountryFromTheStory) {
  Document d = Process(
      "Debt\n\nMarch 3, 2005\n\n"
      "MANILA, March 3 (Reuters) - The Philippines signed an agreement with "
      "foreign banks on its debt. Philippine officials said the Philippines "
      "and Japan would talk. The Philippines welcomed the move.\n");
  for (const Event& e : d.events) {
    if (e.evidence == "signed") {
      EXPECT_EQ(e.target.code, "---BUS");
    }
  }
  bool signed_found = false;
  for (const Event& e : d.events) signed_found |= e.evidence == "signed";
  EXPECT_TRUE(signed_found) << ::testing::PrintToString(Pairs(d));
}

// "and there was also an agreement with Venezuela": an existential clause
// lends its event noun no doer from the clause it is coordinated with.
TEST_F(ClauseCoderTest, AnExistentialClauseBorrowsNoDoer) {
  Document d = Process(
      "Debt\n\nMarch 3, 2005\n\n"
      "Chile signed an agreement with Peru last week, and there was also an "
      "agreement with Venezuela on debt payments.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"057 CHL>PER"}));
}

// Between two companies an appeal or a deal is business, which the
// codebook does not code; a body named after its country takes its head's
// sector ("Japan Development Bank" JPNBUS).
TEST_F(ClauseCoderTest, CompaniesAmongThemselvesAreNoEvent) {
  Document d = Process(
      "Banks\n\nMarch 3, 2005\n\n"
      "Japan Development Bank asked the Mitsui company to repay its loans.\n\n"
      "Japan Development Bank asked the Chinese government to ease its "
      "rules.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"020 JPNBUS>CHNGOV"}));
}

// Calling for sanctions against a country rallies others against it (113,
// the codebook's "Rally opposition against"); it was coded as an appeal
// for military protection.
TEST_F(ClauseCoderTest, CallingForSanctionsRalliesOpposition) {
  Document d = Process(
      "Trade\n\nMarch 3, 2005\n\n"
      "The dispute over car exports grew on Monday. Britain called for trade "
      "sanctions against Japan.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"113 GBR>JPN"}));
}

// A body the tables do not know, named "the Government of X", is X's
// government: the head gives the sector, the country after "of" the
// country ("the Imperial Government of China" CHNGOV).
TEST_F(ClauseCoderTest, TheGovernmentOfACountryIsItsGovernment) {
  Document d = Process(
      "Bonds\n\nMarch 3, 1987\n\n"
      "The bond market was quiet on Monday. The Provisional Government of "
      "Chad criticised the Government of Libya.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"111 TCDGOV>LBYGOV"}));
}

// "was asked by a reporter whether ...": asking a question is no appeal,
// to the party asked or to the one asked about.
TEST_F(ClauseCoderTest, BeingAskedAQuestionIsNoAppeal) {
  Document d = Process(
      "Acid rain\n\nMarch 19, 1987\n\n"
      "WASHINGTON, March 19 - The president spoke on Thursday. President "
      "Reagan was asked by a reporter whether Canada should cut its "
      "emissions. Canada asked the United States to cut emissions.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"020 CAN>USA"}));
}

// A leader's visit to a city of his own country is no dyadic event; a
// visit abroad is, and an act on a place's people stays.
TEST_F(ClauseCoderTest, AVisitHomeIsNoEvent) {
  Document d = Process(
      "Iraq\n\nApril 7, 1987\n\n"
      "BAGHDAD, April 7 - Iraqi President Saddam Hussein visited the "
      "northern city of Mosul today. Saddam Hussein visited Amman on "
      "Monday.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"042 IRQGOV>JOR"}));
}

// A title held in a company ("President Taro Yamada of Sakura Telecom
// Inc") is a company officer's, not an office of state.
TEST_F(ClauseCoderTest, ACompanyPresidentIsNoGovernment) {
  Document d = Process(
      "Telecom\n\nMarch 26, 1987\n\n"
      "TOKYO, March 26 - Japan's telecom market opened on Monday. President "
      "Taro Yamada of Sakura Telecom Inc criticised the Chinese "
      "government.\n");
  ASSERT_EQ(d.events.size(), 1u) << ::testing::PrintToString(Pairs(d));
  EXPECT_EQ(d.events[0].target.code, "CHNGOV");
  EXPECT_EQ(d.events[0].source.code.substr(3), "BUS");
}

// "The King" is the story's king, not a Cambodian: the family-name-first
// surname index took the title of the alias "King Norodom Sihamoni" for a
// family name.
TEST_F(ClauseCoderTest, TheKingIsNoSurname) {
  Document d = Process(
      "Spain\n\nOctober 19, 1987\n\n"
      "MADRID, Oct 19 - The parliament met on Monday. The King criticised "
      "Morocco.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"111 ESPGOV>MAR"}));
}

// A host receives the party its object names ("received Mitterrand"), not
// the owner or origin of a thing ("received a bid from investor X", "no
// phone calls from lawmakers").
TEST_F(ClauseCoderTest, ReceivingAThingHostsNobody) {
  Document d = Process(
      "Bids\n\nMarch 11, 1987\n\n"
      "BONN, March 11 - Chancellor Helmut Kohl received a letter from "
      "Margaret Thatcher. Kohl received Francois Mitterrand in Bonn on "
      "Monday.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"043 DEUGOV>FRAGOV"}));
}

// A company named with a country ("GM Canada", "Japan Line Ltd") is a
// business of that country, not the country; a company acting on its own
// country as a whole ("the U.S. and United Kingdom assets") is no event.
TEST_F(ClauseCoderTest, ACompanyNamedWithACountryIsNoState) {
  Document d = Process(
      "Companies\n\nMarch 3, 1987\n\n"
      "TORONTO, March 3 - Trading was quiet on Tuesday. GM Canada "
      "criticised Mexico. Japan Line Ltd agreed to sell two ships to "
      "China. Great American Industrial Group Inc agreed to acquire the "
      "U.S. and United Kingdom assets of Pfaudler Co.\n");
  const std::vector<std::string> pairs = Pairs(d);
  EXPECT_NE(std::find(pairs.begin(), pairs.end(), "111 CANBUS>MEX"),
            pairs.end())
      << ::testing::PrintToString(pairs);
  for (const Event& e : d.events) {
    EXPECT_NE(e.source.code, "CAN") << ::testing::PrintToString(pairs);
    EXPECT_NE(e.source.code, "JPN") << ::testing::PrintToString(pairs);
    EXPECT_NE(e.target.code, "USA") << ::testing::PrintToString(pairs);
    if (e.target.code == "CHN") {
      EXPECT_EQ(e.source.code, "JPNBUS");
    }
  }
}

// An unnamed group given the story's country that acts on that very
// country is not of it ("Banks had been pressing Brazil": creditors);
// a state's institution stays the story's.
TEST_F(ClauseCoderTest, AGroupActingOnTheStorysCountryIsNotOfIt) {
  Document d = Process(
      "Debt\n\nMarch 3, 1987\n\n"
      "BRASILIA, March 3 - Brazil suspended interest payments on Friday. "
      "Brazilian officials met in Brasilia. Brazil's President Jose Sarney "
      "spoke on television. Banks had been pressing Brazil to make a "
      "token interest payment. The finance minister criticised Brazil's "
      "opposition.\n");
  const std::vector<std::string> pairs = Pairs(d);
  bool banks = false;
  for (const Event& e : d.events) {
    EXPECT_NE(e.source.code, "BRABUS") << ::testing::PrintToString(pairs);
    if (e.source.code == "---BUS" && e.target.code == "BRA") banks = true;
  }
  EXPECT_TRUE(banks) << ::testing::PrintToString(pairs);
}

// Two doers of a symmetric act are each other's party, also when control
// lends the infinitive only one of them; the place is where they meet,
// not a party ("Reagan and Mulroney are scheduled to meet in Ottawa").
TEST_F(ClauseCoderTest, ThePlaceOfAPairsMeetingIsNoParty) {
  Document d = Process(
      "Summit\n\nMarch 20, 1987\n\n"
      "WASHINGTON, March 20 - The talks were announced on Friday. Reagan "
      "and Mulroney are scheduled to meet April 5-6 in Ottawa.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"036 USAGOV>CANGOV"}));
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].location, "Ottawa");
  EXPECT_TRUE(d.events[0].hypothetical);
}

// A noun of relation names other parties than the country it is said of
// ("America's allies", "allies of Iran" are neither America nor Iran); a
// name in apposition is the party ("Turkey's rival Greece").
TEST_F(ClauseCoderTest, AnAllyIsNotTheCountryItIsAlliedTo) {
  Document d = Process(
      "Gulf\n\nMarch 3, 2020\n\n"
      "WASHINGTON, March 3 - The talks ended on Monday. Japan criticised "
      "America's allies. Germany criticised the allies of Iran. Cairo "
      "last year signed an agreement with Turkey's rival Greece.\n");
  EXPECT_EQ(Pairs(d), (std::vector<std::string>{"057 EGY>GRC"}));
}

// What one reacts to is another's act: "Japan responded to the criticism
// of China" is no Japanese criticism; "Japan voiced criticism of China"
// (a light verb) is.
TEST_F(ClauseCoderTest, AReactionIsNotTheActReactedTo) {
  Document d = Process(
      "Trade\n\nMarch 3, 1987\n\n"
      "TOKYO, March 3 - The hearing ended on Monday. Japan responded to "
      "the criticism of China. U.S. Agriculture Secretary Richard Lyng, "
      "reacting to recent criticism of U.S. meat inspection, defended the "
      "program.\n");
  EXPECT_TRUE(Pairs(d).empty()) << ::testing::PrintToString(Pairs(d));
}

// A country that names a currency is no party ("47 mln U.S. dlrs", "the
// south Korean won"); a capitalised word before a name is no currency
// ("Saudi Arabian Crown Prince Abdullah").
TEST_F(ClauseCoderTest, ACurrencyIsNoParty) {
  Document d = Process(
      "Aid\n\nMarch 3, 1987\n\n"
      "DHAKA, March 3 - The talks ended on Monday. Japan will lend 47 mln "
      "U.S. dlrs to Bangladesh. Saudi Arabian Crown Prince Abdullah "
      "criticised Iran.\n");
  const std::vector<std::string> pairs = Pairs(d);
  bool saudi = false;
  for (const Event& e : d.events) {
    EXPECT_NE(e.target.code, "USA") << ::testing::PrintToString(pairs);
    EXPECT_NE(e.source.code, "USA") << ::testing::PrintToString(pairs);
    saudi |= e.source.code.compare(0, 3, "SAU") == 0 && e.target.code == "IRN";
  }
  EXPECT_TRUE(saudi) << ::testing::PrintToString(pairs);
}

// A visit takes place where it goes, a planned one where it would go: the
// destination is the event's place (GDELT's ActionGeo), not the dateline,
// unless the clause names its own place ("met Reagan in Washington").
TEST_F(ClauseCoderTest, AVisitTakesPlaceAtItsDestination) {
  Document d = Process(
      "Visit\n\nMarch 3, 1987\n\n"
      "PARIS, March 3 - The talks ended on Monday. French Prime Minister "
      "Jacques Chirac will visit London next week. Chancellor Helmut Kohl "
      "visited Britain in January.\n");
  int visits = 0;  // the planned visit is intent (036), the done one 042
  for (const Event& e : d.events) {
    if (e.code != "042" && e.code != "036") continue;
    ++visits;
    EXPECT_EQ(e.location_source, "destination") << EventsOf(d);
    EXPECT_TRUE(e.location == "London" || e.location == "Britain")
        << EventsOf(d);
  }
  EXPECT_EQ(visits, 2) << EventsOf(d);
  d = Process(
      "Visit\n\nMarch 3, 1987\n\n"
      "PARIS, March 3 - The talks ended on Monday. French Prime Minister "
      "Jacques Chirac visited the United States and met President Reagan in "
      "Washington.\n");
  bool met = false;
  for (const Event& e : d.events) {
    if (e.code.compare(0, 2, "04") != 0 || e.target.code != "USAGOV") continue;
    met = true;
    EXPECT_EQ(e.location, "Washington") << EventsOf(d);
    EXPECT_EQ(e.location_source, "clause") << EventsOf(d);
  }
  EXPECT_TRUE(met) << EventsOf(d);
}

// Where an act took place when its clause names no place of its own: a
// participle happens where its host clause does ("attacked ... in Donetsk,
// killing eight soldiers"); a place no table knows is still a place ("in
// the Aziziyah district"); with no dateline either, the place named
// nearest in the sentence ("After the battle of Kobani, Turkey condemned
// Syria"), which a dateline outranks.
TEST_F(ClauseCoderTest, PlacesOfParticiplesUnknownNamesAndTheSentence) {
  Document d = Process(
      "Clashes\n\n"
      "Russian forces attacked Ukrainian positions in Donetsk on Thursday, "
      "killing eight Ukrainian soldiers. Syrian troops attacked Turkish "
      "soldiers in the Aziziyah district. After the battle of Kobani, Turkey "
      "condemned Syria.\n");
  std::map<std::string, std::string> where;  // evidence -> location (source)
  for (const Event& e : d.events)
    where[e.evidence + " " + e.source.code] =
        e.location + " (" + e.location_source + ")";
  EXPECT_EQ(where["killing RUSMIL"], "Donetsk (clause)") << EventsOf(d);
  EXPECT_EQ(where["attacked SYRMIL"], "Aziziyah (clause)") << EventsOf(d);
  EXPECT_EQ(where["condemned TUR"], "Kobani (sentence)") << EventsOf(d);

  d = Process(
      "Clashes\n\nMarch 3, 1987\n\n"
      "BEIRUT, March 3 - After the battle of Kobani, Turkey condemned "
      "Syria.\n");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].location_source, "dateline") << EventsOf(d);
}

// EventCoder::ClausePlaces (read by bench/event_location_eval) places every
// clause, whether or not it gives an event: one entry per clause, the
// participle at its host's place, with the place's bytes.
TEST_F(ClauseCoderTest, ClausePlacesPlacesEveryClause) {
  Document d = Process(
      "Clashes\n\n"
      "Gunmen attacked a market in Donetsk on Thursday, killing eight "
      "people.\n");
  std::unique_ptr<EventCoder> coder;
  ASSERT_TRUE(EventCoder::Create(DataDir(), &coder).ok());
  std::vector<EventCoder::ClausePlace> places = coder->ClausePlaces(d);
  ASSERT_EQ(places.size(), d.clauses.size());
  int donetsk = 0;
  for (const EventCoder::ClausePlace& p : places) {
    const std::string lemma = d.clauses[p.clause].lemma;
    if (lemma != "attack" && lemma != "kill") continue;
    EXPECT_EQ(p.name, "Donetsk") << lemma;
    EXPECT_EQ(p.source, "clause") << lemma;
    ASSERT_GT(p.span.end, p.span.begin) << lemma;
    EXPECT_EQ(d.text.substr(p.span.begin, p.span.end - p.span.begin), "Donetsk");
    ++donetsk;
  }
  EXPECT_EQ(donetsk, 2);
}

}  // namespace dateline

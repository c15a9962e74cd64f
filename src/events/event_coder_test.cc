#include "events/event_coder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "dateline/pipeline.h"
#include "events/cameo.h"
#include "syntax/lemma_candidates.h"

namespace dateline {
namespace {

// These tests describe the token-pattern coder (src/events/event_coder.cc),
// kept for PETRARCH dictionaries and as EventCoderOptions::token_coder; the
// pipeline's default coder on the clause layer is tested in
// tests/event_clause_test.cc and tests/seed_events_test.cc. The variable
// makes every coder this process creates (the pipeline's too) the token one.
const bool kTokenCoder = [] {
  setenv("DATELINE_EVENTS_CODER", "token", 1);
  return true;
}();

// Runs the whole pipeline (the repository's data/) over a short text.
class EventCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Pipeline::Create(PipelineOptions{"events", ""}, &pipeline_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() { pipeline_.reset(); }

  static Document Code(const std::string& text) {
    Page page;
    page.source = "test";
    page.format = PageFormat::kHtml;
    page.content =
        "<html><head><meta property=\"article:published_time\" "
        "content=\"2015-06-09T12:00:00Z\"></head><body><article><p>" +
        text + "</p></article></body></html>";
    return pipeline_->Process(page);
  }

  static std::string Codes(const Document& doc) {
    std::string out;
    for (const Event& e : doc.events) {
      if (!out.empty()) out += " ";
      out += e.code + ":" + e.source.code + ">" +
             (e.has_target ? e.target.code : "-");
      if (e.negated) out += "!neg";
      if (e.hypothetical) out += "?";
    }
    return out;
  }

  static std::unique_ptr<Pipeline> pipeline_;
};
std::unique_ptr<Pipeline> EventCoderTest::pipeline_;

// GDELT's convention: an event with no date of its own takes the
// publication date, and its place (else the dateline's) is geocoded.
TEST_F(EventCoderTest, DateAndPlaceSayWhereTheyComeFrom) {
  Document d = Code("The United States fired on Russia.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].date, "2015-06-09");
  EXPECT_EQ(d.events[0].date_source, "published");
  EXPECT_EQ(d.events[0].location, "");
  EXPECT_FALSE(d.events[0].geo.resolved);

  d = Code(
      "Officials said the United States fired on Russia in Kharkiv on 3 May "
      "2015.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].date, "2015-05-03");
  EXPECT_EQ(d.events[0].date_source, "sentence");
  EXPECT_EQ(d.events[0].location, "Kharkiv");
  EXPECT_EQ(d.events[0].location_source, "sentence");
  ASSERT_TRUE(d.events[0].geo.resolved);
  EXPECT_EQ(d.events[0].geo.country, "UKR");

  d = Code("KYIV (Reuters) - The United States fired on Russia.");
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].location, "KYIV");
  EXPECT_EQ(d.events[0].location_source, "dateline");
  ASSERT_TRUE(d.events[0].geo.resolved);
  EXPECT_EQ(d.events[0].geo.country, "UKR");
  EXPECT_EQ(d.events[0].geo.type, 4);  // a world city
}

TEST_F(EventCoderTest, ActiveVoice) {
  EXPECT_EQ(Codes(Code("The United States fired on Russia.")), "190:USA>RUS");
  // The more specific pattern wins ("fire missile*" is artillery, 194).
  EXPECT_EQ(Codes(Code("The United States fired missiles at Russia.")),
            "194:USA>RUS");
}

TEST_F(EventCoderTest, PassiveVoiceSwapsActors) {
  EXPECT_EQ(Codes(Code("Ukraine was attacked by Russia on Monday.")),
            "190:RUS>UKR");
}

TEST_F(EventCoderTest, CoordinatedSubjects) {
  EXPECT_EQ(Codes(Code("France and Germany condemned Iran.")),
            "110:FRA>IRN 110:DEU>IRN");
}

TEST_F(EventCoderTest, SymmetricVerbPairsACoordinatedSubject) {
  EXPECT_EQ(Codes(Code("Russia and China met on Tuesday.")),
            "040:RUS>CHN 040:CHN>RUS");
}

TEST_F(EventCoderTest, ReportedSpeechCodesTheReportedEvent) {
  EXPECT_EQ(Codes(Code("Germany said Iran accused Israel of the attack.")),
            "1123:IRN>ISR");
}

TEST_F(EventCoderTest, IntentFromWould) {
  Document doc = Code("Japan said it would visit Vietnam in October.");
  ASSERT_EQ(doc.events.size(), 1u) << Codes(doc);
  EXPECT_EQ(doc.events[0].code, "036");
  EXPECT_TRUE(doc.events[0].hypothetical);
  EXPECT_EQ(doc.events[0].date, "2015-10");
}

TEST_F(EventCoderTest, ThreatNotSanction) {
  EXPECT_EQ(Codes(Code("France will not hesitate to impose sanctions on Iran "
                       "if it tests a missile.")),
            "1312:FRA>IRN?");
}

TEST_F(EventCoderTest, NegatedAidIsRejection) {
  EXPECT_EQ(Codes(Code("Germany said it would not provide support to Iran.")),
            "121:DEU>IRN");
}

TEST_F(EventCoderTest, NegationFlag) {
  EXPECT_EQ(Codes(Code("Russia did not attack Ukraine.")), "190:RUS>UKR!neg");
}

TEST_F(EventCoderTest, NoEventWithoutPattern) {
  EXPECT_EQ(Codes(Code("Russia and Ukraine are large countries.")), "");
  EXPECT_EQ(Codes(Code("")), "");
}

TEST_F(EventCoderTest, SpansPointIntoText) {
  Document doc = Code("Russian troops shelled Kharkiv, Ukrainian officials said.");
  for (const Event& e : doc.events) {
    EXPECT_EQ(e.evidence, doc.text.substr(e.trigger.begin,
                                          e.trigger.end - e.trigger.begin));
    EXPECT_LE(e.sentence.end, doc.text.size());
  }
}

TEST(EventPatternsTest, BadLinesAreNamed) {
  std::string path = ::testing::TempDir() + "/verbs_bad.tsv";
  {
    std::ofstream out(path);
    out << "# comment\n190\tattack\t\n\tno code\t\n042\tvisit\tbogus\n";
  }
  std::vector<EventPattern> patterns;
  Status s = EventCoder::LoadPatterns(path, &patterns);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("3"), std::string::npos);
  EXPECT_NE(s.ToString().find("4"), std::string::npos);
  ASSERT_GE(patterns.size(), 1u);
  EXPECT_EQ(patterns[0].code, "190");
  std::remove(path.c_str());
  EXPECT_TRUE(EventCoder::LoadPatterns(path, &patterns).IsIOError());
}

TEST(EventPatternsTest, ShippedPatternsUseOnlyCameoCodes) {
  std::vector<EventPattern> patterns;
  Status s = EventCoder::LoadPatterns(
      DATELINE_SOURCE_DIR "/data/events/verbs.tsv", &patterns);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<EventCoder> coder;
  ASSERT_TRUE(EventCoder::Create(DATELINE_SOURCE_DIR "/data", &coder).ok());
  EXPECT_EQ(coder->pattern_count(), patterns.size());
  std::unique_ptr<CameoTable> cameo;
  ASSERT_TRUE(CameoTable::Load(DATELINE_SOURCE_DIR "/data/events", &cameo).ok());
  for (const EventPattern& p : patterns) {
    EXPECT_TRUE(cameo->Contains(p.code)) << p.code << " line " << p.line;
    if (!p.intent_code.empty()) {
      EXPECT_TRUE(cameo->Contains(p.intent_code));
    }
    if (!p.neg_code.empty()) {
      EXPECT_TRUE(cameo->Contains(p.neg_code));
    }
  }
  // Every root has patterns.
  for (int root = 1; root <= 20; ++root) {
    char r[12];
    std::snprintf(r, sizeof(r), "%02d", root);
    bool any = false;
    for (const EventPattern& p : patterns) any |= p.code.rfind(r, 0) == 0;
    EXPECT_TRUE(any) << r;
  }
}

TEST_F(EventCoderTest, CountedObjectsAndSubjects) {
  // A participle before a counted object is active, not a reduced relative.
  EXPECT_EQ(Codes(Code("Turkish police arrested 40 Syrians on Monday.")),
            "173:TURCOP>SYR");
  // "-ll" and "-ss" stems are undoubled ("expelled" -> "expel"). Expelling
  // diplomats reduces diplomatic relations (161), as the codebook's 174
  // usage note says, not the deportation of individuals (174).
  EXPECT_EQ(Codes(Code("Kenya expelled three Somali diplomats.")),
            "161:KEN>SOMGOV");
  // A progressive the tagger reads as an adjective is still the verb.
  EXPECT_EQ(Codes(Code("Kenyan students are demanding elections from the "
                       "Kenyan government.")),
            "104:KENEDU>KENGOV");
}

TEST_F(EventCoderTest, TitlesAndAppositives) {
  // Out of office on the page's date, but the text's title names his
  // office then.
  EXPECT_EQ(Codes(Code("General David Petraeus met with Afghan officials.")),
            "040:USAMIL>AFGGOV");
  // The subject is past the appositive, and "London-based" is no actor.
  EXPECT_EQ(Codes(Code("Amnesty International, a London-based group that "
                       "campaigns for prisoners, said Nigerian troops had "
                       "killed ten civilians.")),
            "112:NGOHRIAMN>NGAMIL");
}

TEST_F(EventCoderTest, ReportedViolenceAndConditionalThreats) {
  // A party's own report of an attack is its accusation; a trailing
  // attribution is not.
  EXPECT_EQ(Codes(Code("Nigeria said Cameroon attacked its border posts.")),
            "112:NGA>CMR");
  EXPECT_EQ(Codes(Code("Nigerian troops killed ten civilians, officials "
                       "said.")),
            "1823:NGAMIL>---CVL");
  // The target of a conditional threat is the condition's subject.
  EXPECT_EQ(Codes(Code("Iran threatened to halt talks unless France lifted "
                       "its sanctions.")),
            "134:IRN>FRA");
}

TEST_F(EventCoderTest, AttackNounModifierAndVictims) {
  // The party modifying the attack noun is its agent, the passive's
  // subject its target, and civilians attacked in a place are its people.
  EXPECT_EQ(Codes(Code("Five civilians were killed in Russian air strikes in "
                       "Aleppo.")),
            "195:RUS>SYRCVL");
}

TEST_F(EventCoderTest, CondolencesGoToThePlaceOfTheLoss) {
  EXPECT_EQ(Codes(Code("President Obama expressed sorrow for the shootings in "
                       "South Carolina.")),
            "018:USAGOV>USA");
}

TEST_F(EventCoderTest, SymmetricVerbWithObjectIsOneSided) {
  EXPECT_EQ(Codes(Code("Japan met with China on Tuesday.")), "040:JPN>CHN");
  // A direct object, no "with".
  EXPECT_EQ(Codes(Code("Vladimir Putin met Xi Jinping on Monday.")),
            "040:RUSGOV>CHNGOV");
  EXPECT_EQ(Codes(Code("Japan held talks with China on Tuesday.")),
            "046:JPN>CHN 046:CHN>JPN");
}

// The events of `html_body` through a whole pipeline built with `options`
// (the events stage's options among them), as "code:source>target " items.
std::string CodeWith(PipelineOptions options, const std::string& html_body) {
  options.stages = "events";
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(options, &pipeline);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return "(no pipeline)";
  Page page;
  page.format = PageFormat::kHtml;
  page.content = "<html><body><article><p>" + html_body +
                 "</p></article></body></html>";
  Document doc = pipeline->Process(page);
  std::string out;
  for (const Event& e : doc.events) {
    out += e.code + ":" + e.source.code + ">" +
           (e.has_target ? e.target.code : "-") + " ";
  }
  return out;
}

TEST(EventCoderOptionsTest, MissingSourceOnlyWhenAllowed) {
  auto code = [](bool allow) {
    PipelineOptions options;
    options.events_without_source = allow;
    return CodeWith(options,
                    "Three Iraqi civilians were killed in a car bombing in "
                    "Baghdad.");
  };
  EXPECT_EQ(code(false), "");
  EXPECT_EQ(code(true), "1823:>IRQCVL ");
}

TEST_F(EventCoderTest, PassiveWithTheObjectAsSubject) {
  // The pattern "present evidence against" with its object noun fronted.
  EXPECT_EQ(Codes(Code("Evidence against Russia was presented by the US.")),
            "1124:USA>RUS");
  EXPECT_EQ(Codes(Code("Sanctions were imposed on Iran by the European "
                       "Union.")),
            "163:IGOEUREEC>IRN");
  // No agent, no event; and a noun that is not the pattern's is no match.
  EXPECT_EQ(Codes(Code("The sanctions were imposed last year.")), "");
  EXPECT_EQ(Codes(Code("Aid to Russia was presented by the US.")), "");
}

TEST_F(EventCoderTest, PressureFromSomeoneIsTheirDemand) {
  EXPECT_EQ(Codes(Code("Obama faces pressure from Congress to help Iran.")),
            "100:---LEG>USAGOV");
}

TEST_F(EventCoderTest, ClaimingOnesOwnAttackIsClaimingResponsibility) {
  EXPECT_EQ(Codes(Code("The US claimed that it had attacked Iraq.")),
            "015:USA>IRQ");
  // "they" for a collective when no plural party is named.
  EXPECT_EQ(Codes(Code("The US claimed that they had attacked Iraq.")),
            "015:USA>IRQ");
  // Someone else's attack stays an accusation.
  EXPECT_EQ(Codes(Code("The US claimed that Iran had attacked Iraq.")),
            "112:USA>IRN");
}

TEST_F(EventCoderTest, AttackFromAPlaceWithNoAgent) {
  EXPECT_EQ(Codes(Code("Israel said a mortar bomb was fired at it from the "
                       "Gaza Strip on Tuesday.")),
            "112:ISR>PSEGZA");
}

TEST_F(EventCoderTest, ArrestWarrantNamesItsTarget) {
  EXPECT_EQ(Codes(Code("A Russian court issued an arrest warrant against the "
                       "Ukrainian president.")),
            "173:RUSJUD>UKRGOV");
}

TEST_F(EventCoderTest, RefusingPermissionIsRefusingToYield) {
  EXPECT_EQ(Codes(Code("Obama said he would not give permission to Russia to "
                       "help Israel.")),
            "124:USAGOV>RUS");
}

TEST_F(EventCoderTest, LowerCaseSurnameAfterATitle) {
  EXPECT_EQ(Codes(Code("President obama met with Vladimir Putin.")),
            "040:USAGOV>RUSGOV");
}

TEST_F(EventCoderTest, ClaimedAttackTargetsThePlaceAttacked) {
  EXPECT_EQ(Codes(Code("Al-Shabab claimed responsibility for a deadly attack "
                       "targeting shoppers at a mall in Kenya's capital.")),
            "015:SOMREB>KEN");
}

TEST_F(EventCoderTest, LinkedOrBackedGroupIsNotItsPatron) {
  // "Iran-backed militias" are not Iran, "Al-Qaeda-linked rebels" not
  // al-Qaeda.
  EXPECT_EQ(Codes(Code("Iran-backed militias attacked US troops.")),
            "190:---REB>USAMIL");
}

TEST_F(EventCoderTest, APersonNamedAfterAPlaceIsNotItsCountry) {
  EXPECT_EQ(Codes(Code("Jordan Peterson criticised Canada.")), "");
  EXPECT_EQ(Codes(Code("Jordan criticised Canada.")), "111:JOR>CAN");
}

TEST_F(EventCoderTest, SurnameOfAnotherKnownPersonIsNotTheLeader) {
  // The leaders gazetteer has Robin Cook; this story is about Tim Cook.
  Document doc = Code("Apple chief executive Tim Cook visited China. Cook "
                      "praised Britain on Monday.");
  for (const Event& e : doc.events) EXPECT_NE(e.source.code, "GBRELI");
}

TEST_F(EventCoderTest, AcronymsThatAreWordsInHeadingsAndVerbs) {
  EXPECT_EQ(Codes(Code("WHO IS THE FRONT-RUNNER IN FRANCE?")), "");
  EXPECT_EQ(Codes(Code("IS fighters attacked Syria.")), "190:IMGMUSISI>SYR");
}

TEST_F(EventCoderTest, SportsResultsAreNotForce) {
  EXPECT_EQ(Codes(Code("Wales beat Hungary 2-0 to reach the finals.")), "");
  EXPECT_EQ(Codes(Code("Kazakhstan won the Davis Cup doubles match. The "
                       "tournament goes on. Russia beat Croatia on Monday.")),
            "");
  EXPECT_EQ(Codes(Code("Police beat protesters in Cairo.")),
            "182:---COP>EGYOPP");
}

TEST_F(EventCoderTest, ABodysSpokespersonKeepsItsSector) {
  EXPECT_EQ(Codes(Code("An Alibaba spokesperson declined to comment.")),
            "011:CHNBUS>-");
}

TEST_F(EventCoderTest, OneEventPerSentenceForARestatement) {
  EXPECT_EQ(Codes(Code("Russia accused Ukraine and attacked Poland.")),
            "112:RUS>UKR 190:RUS>POL");
  EXPECT_EQ(Codes(Code("Russia attacked Ukraine and attacked it again.")),
            "190:RUS>UKR");
}

TEST_F(EventCoderTest, LowerCaseSpeakersAreNoLegislators) {
  EXPECT_EQ(Codes(Code("The speakers criticised Russia.")), "");
}

TEST_F(EventCoderTest, ReleasingADocumentIsNoYield) {
  EXPECT_EQ(Codes(Code("Israel released the transcript of the call with "
                       "Egypt.")),
            "");
  EXPECT_EQ(Codes(Code("Israel released 20 Egyptian prisoners.")),
            "0841:ISR>EGYCRM");
}

TEST_F(EventCoderTest, AByAfterAnotherParticipleIsNotTheAgent) {
  EXPECT_EQ(Codes(Code("Dozens of protesters have been killed in Iraq, "
                       "according to reports received by Amnesty.")),
            "");
  EXPECT_EQ(Codes(Code("Dozens of Iraqi protesters have been killed by "
                       "Iranian forces.")),
            "1823:IRNMIL>IRQOPP");
}

TEST_F(EventCoderTest, NoEventBetweenActorsOfOneCode) {
  EXPECT_EQ(Codes(Code("American Airlines offered to fly the cat to "
                       "Portland.")),
            "");
}

TEST_F(EventCoderTest, ParticipleClauseTakesTheMainSubject) {
  EXPECT_EQ(Codes(Code("Russia held talks with Japan, Canada and Mexico, "
                       "publicly threatening them with tariffs.")),
            "046:RUS>JPN 046:RUS>CAN 046:RUS>MEX 046:JPN>RUS 046:CAN>RUS "
            "046:MEX>RUS");
  EXPECT_EQ(Codes(Code("Russia held talks with Japan, publicly threatening "
                       "Canada with sanctions.")),
            "046:RUS>JPN 046:JPN>RUS 1312:RUS>CAN");
}

TEST(EventCoderOptionsTest, MatchReportsOnlyWhenAsked) {
  auto code = [](bool sports) {
    PipelineOptions options;
    options.code_sports_pages = sports;
    return CodeWith(options,
                    "The Italy coach praised his squad before the match. Italy "
                    "travel to Scotland for the league fixture on Saturday, and "
                    "the striker criticised the referee.");
  };
  EXPECT_EQ(code(false), "");
  EXPECT_NE(code(true), "");
}

TEST_F(EventCoderTest, VerbalAttacksAreCriticism) {
  EXPECT_EQ(Codes(Code("Russia attacked the decision by Britain's highest "
                       "court.")),
            "111:RUS>GBR");
  EXPECT_EQ(Codes(Code("Russia attacked Britain, saying it lied.")),
            "111:RUS>GBR");
  EXPECT_EQ(Codes(Code("Russia attacked Ukraine with drones.")),
            "190:RUS>UKR");
}

TEST_F(EventCoderTest, FiguresOfSpeechAreNoForce) {
  EXPECT_EQ(Codes(Code("Russian MPs bombarded the French minister with a "
                       "barrage of requests.")),
            "");
  EXPECT_EQ(Codes(Code("The Russian minister shot hoops with French "
                       "students.")),
            "");
  EXPECT_EQ(Codes(Code("Russia said it would not \"invade\" Ukraine's "
                       "market.")),
            "");
  // What was prevented did not happen.
  EXPECT_EQ(Codes(Code("Russia stopped Ukraine from attacking Poland.")),
            "");
}

TEST_F(EventCoderTest, WhatIsDeniedDidNotHappen) {
  EXPECT_EQ(Codes(Code("The German minister denied accusing France of using "
                       "the EU as cover.")),
            "016:DEUGOV>FRA");
  EXPECT_EQ(Codes(Code("Russia denied the accusation and attacked Ukraine.")),
            "016:RUS>- 190:RUS>UKR");
}

TEST_F(EventCoderTest, RecognitionIsOfAStateOrGovernment) {
  EXPECT_EQ(Codes(Code("The Russian minister recognised people's concerns.")),
            "");
  EXPECT_EQ(Codes(Code("Russia recognised Kosovo.")), "054:RUS>KSV");
}

TEST_F(EventCoderTest, NoAidInMessagesOrInHelpingToReduce) {
  EXPECT_EQ(Codes(Code("The Russian minister will deliver the same message "
                       "to Iraq.")),
            "");
  EXPECT_EQ(Codes(Code("A dollar fall is needed to help reduce the U.S. "
                       "trade deficit.")),
            "");
  EXPECT_EQ(Codes(Code("Russian doctors delivered goods to Iraq.")),
            "070:RUSHLH>IRQ");
}

TEST_F(EventCoderTest, DenialsTargetTheAccuserNotTheClause) {
  EXPECT_EQ(Codes(Code("Russia denied Ukraine would be invaded.")),
            "016:RUS>-");
  EXPECT_EQ(Codes(Code("Russia denied Ukraine's accusations.")),
            "016:RUS>UKR");
}

TEST_F(EventCoderTest, ParticipleAfterAnAdverbModifiesANoun) {
  EXPECT_EQ(Codes(Code("Egypt bought currently blocked spare parts from "
                       "Russia.")),
            "");
}

TEST_F(EventCoderTest, PossessivePronounWithASector) {
  // "its forces" are the referent's military; its own report of its own
  // act is the act, not an accusation.
  EXPECT_EQ(Codes(Code("Iraq said its forces killed thousands of Iranian "
                       "soldiers.")),
            "1823:IRQMIL>IRNMIL");
  // Its own forces are what it acts with, not its target.
  EXPECT_EQ(Codes(Code("Israel has strengthened its forces in Lebanon.")),
            "154:ISR>LBN");
}

TEST_F(EventCoderTest, ProtestAgainstWinsOverPlace) {
  EXPECT_EQ(Codes(Code("Iraqi students demonstrated in Baghdad against the "
                       "United States.")),
            "141:IRQEDU>USA");
}

TEST_F(EventCoderTest, ShowingRalliesAndStrikes) {
  EXPECT_EQ(Codes(Code("OPEC demonstrated its commitment to quotas.")), "");
  EXPECT_EQ(Codes(Code("Russian shares staged a rally on the Moscow stock "
                       "market.")),
            "");
  EXPECT_EQ(Codes(Code("Israeli jets struck Gaza on Monday.")),
            "190:ISR>PSEGZA");
  EXPECT_EQ(Codes(Code("Egyptian workers went on strike.")), "143:EGYLAB>-");
}

TEST(LemmaTest, Forms) {
  auto has = [](std::string_view w, const char* l) {
    for (const std::string& c : LemmaCandidates(w)) {
      if (c == l) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("accused", "accuse"));
  EXPECT_TRUE(has("met", "meet"));
  EXPECT_TRUE(has("stopped", "stop"));
  EXPECT_TRUE(has("carried", "carry"));
  EXPECT_TRUE(has("visiting", "visit"));
  EXPECT_TRUE(has("Threatens", "threaten"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Bad input never crashes: layers that disagree in size, spans past the
// text, sentences past the tokens.
TEST(EventCoderRobustnessTest, SurvivesInconsistentLayers) {
  std::unique_ptr<EventCoder> coder;
  ASSERT_TRUE(EventCoder::Create(DATELINE_SOURCE_DIR "/data", &coder).ok());
  Document doc;
  doc.text = "Russia attacked Ukraine and France condemned Russia.";
  for (uint32_t b = 0, e; b < doc.text.size(); b = e + 1) {
    e = static_cast<uint32_t>(doc.text.find_first_of(" .", b));
    if (e == std::string::npos) e = static_cast<uint32_t>(doc.text.size());
    if (e > b) doc.tokens.push_back({b, e});
  }
  doc.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())}, 0,
                           static_cast<uint32_t>(doc.tokens.size())});
  doc.pos = {"NNP", "VBD"};  // shorter than the tokens
  Entity e;
  e.id = "e1";
  e.type = "LOC";
  e.country = "RUS";
  e.mentions = {{0, 6}, {500, 600}};  // one past the text
  doc.entities.push_back(e);
  doc.times.push_back({{900, 950}, "2020-01-01", "day", "x"});
  coder->Code(&doc);
  // Sentences that point past the tokens are skipped.
  doc.sentences.push_back({{0, 5}, 3, 400});
  coder->Code(&doc);
  // Every token tagged as a verb, every word an actor candidate.
  doc.pos.assign(doc.tokens.size(), "VBD");
  coder->Code(&doc);
  for (const Event& ev : doc.events) {
    EXPECT_LE(ev.trigger.end, doc.text.size());
  }
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The PETRARCH readers: a tiny dictionary set in that format codes a
// sentence with its own (non-CAMEO) codes when asked to.
TEST(PetrarchDictionaryTest, CodesWithUserDictionaries) {
  // One directory per process: ctest runs each test as a process of its own,
  // two at once under -j2, and they used to rewrite one shared directory.
  std::string dir =
      ::testing::TempDir() + "/petr_small_" + std::to_string(::getpid());
  std::string mk = "mkdir -p '" + dir + "'";
  ASSERT_EQ(std::system(mk.c_str()), 0);
  WriteFile(dir + "/PETR.Validate.verbs.txt",
            "&TIES\n+DIPLOMATIC TIES\n+RELATIONS\n\n"
            "--- RESTORE [064] ---\nRESTORE\n- * FULL &TIES [065]\n\n"
            "--- ARRIVE [032:033] ---\nARRIVE\n");
  WriteFile(dir + "/PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n");
  WriteFile(dir + "/PETR.Validate.agents.txt", "GOVERNMENT [~GOV]\n");
  WriteFile(dir + "/PETR.Validate.discards.txt", "+VOLLEYBALL\n");
  EventCoderOptions options;
  options.petrarch_dir = dir;
  options.accept_any_code = true;
  std::unique_ptr<EventCoder> coder;
  Status s = EventCoder::Create(DATELINE_SOURCE_DIR "/data", options, &coder);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions{"resolve", ""}, &pipeline).ok());
  auto code = [&](const std::string& text) {
    Page page;
    page.format = PageFormat::kHtml;
    page.content = "<html><body><article><p>" + text +
                   "</p></article></body></html>";
    Document doc = pipeline->Process(page);
    coder->Code(&doc);
    std::string out;
    for (const Event& e : doc.events) {
      out += e.code + ":" + e.source.code + ">" +
             (e.has_target ? e.target.code : "-") + " ";
    }
    return out;
  };
  EXPECT_EQ(code("The Arnor government will restore full diplomatic ties with "
                 "Gondor."),
            "065:ARNGOV>GON ");
  EXPECT_EQ(code("Arnor arrived in Gondor on Monday."),
            "032:ARN>GON 033:GON>ARN ");
  // Without accept_any_code the foreign codes are not emitted.
  options.accept_any_code = false;
  ASSERT_TRUE(EventCoder::Create(DATELINE_SOURCE_DIR "/data", options, &coder)
                  .ok());
  EXPECT_EQ(code("Arnor arrived in Gondor on Monday."),
            "032:ARN>GON 033:GON>ARN ");  // both are CAMEO codes too
  EXPECT_EQ(code("The Arnor government will restore full diplomatic ties with "
                 "Gondor."),
            "");  // 065 is not one
}

TEST(PetrarchDictionaryTest, MalformedVerbFileDoesNotCrash) {
  std::string path = ::testing::TempDir() + "/petr_bad_verbs.txt";
  WriteFile(path,
            "--- [\n- * [\n&\n+\n---\n\x01\xff"
            "[123:\n- _ * _ [9]\n--- X [---] ---\nX {\n- % * &NOPE_ [1]\n"
            "&A\n+&A\n\n- * &A [2]\n");
  std::vector<EventPattern> patterns;
  EXPECT_TRUE(EventCoder::LoadPetrarchVerbs(path, &patterns).ok());
  EXPECT_TRUE(EventCoder::LoadPetrarchVerbs(path + ".missing", &patterns)
                  .IsIOError());
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Test for a page with no full stops: one 12,000-word "sentence" took
// seconds (the searches are quadratic in sentence length); it is now coded
// in windows, with every event inside the text.
TEST(EventCoderRobustnessTest, RunOnSentenceIsCodedInWindows) {
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions{"events", ""}, &pipeline).ok());
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "Russia attacked Ukraine and ";
  text += "France condemned Russia.";
  Page page;
  page.format = PageFormat::kHtml;
  page.content = "<html><body><article><p>" + text + "</p></article></body></html>";
  Document doc = pipeline->Process(page);
  ASSERT_FALSE(doc.events.empty());
  for (const Event& e : doc.events) {
    EXPECT_LE(e.sentence.end, doc.text.size());
    EXPECT_LE(e.trigger.end, e.sentence.end);
    EXPECT_GE(e.trigger.begin, e.sentence.begin);
  }
}

TEST_F(EventCoderTest, QuantitiesAndTimesInsidePatterns) {
  // A time and a quantity between a pattern's words do not count against
  // its reach ("drive out ... villagers" is a mass expulsion, 201).
  EXPECT_EQ(Codes(Code("The Sudanese army drove out on Monday more than "
                       "2,000 villagers from Darfur.")),
            "201:SDNMIL>SDNCVL");
  EXPECT_EQ(Codes(Code("Turkey will allow up to 5,000 Syrian refugees to "
                       "return.")),
            "0355:TUR>SYRREF?");
}

TEST_F(EventCoderTest, SwornIntentAndDiplomaticProtest) {
  // "sworn to" marks intent: a threat of force, not fighting.
  EXPECT_EQ(Codes(Code("Kurdish rebels have sworn to attack Turkey.")),
            "138:---REB>TUR?");
  // Summoning an envoy is an official complaint; calling for sanctions
  // against a party rallies others against it.
  EXPECT_EQ(Codes(Code("Peru summoned Chile's ambassador on Monday.")),
            "114:PER>CHLGOV");
  EXPECT_EQ(Codes(Code("Peru called for sanctions against Chile.")),
            "113:PER>CHL");
  // Refusing refugees entry rejects a request for aid (122).
  EXPECT_EQ(Codes(Code("Israeli settlers refused admittance to Palestinian "
                       "refugees.")),
            "122:ISRCVL>PSEREF");
}

TEST_F(EventCoderTest, CountrySectorWithModifierAndTime) {
  // A party name between a country's "'s" and its sector, and a time after
  // the sector word, keep the sector.
  EXPECT_EQ(Codes(Code("Nicaragua's Sandinista government ordered the "
                       "newspaper to close.")),
            "1721:NICGOV>---MED");
  EXPECT_EQ(Codes(Code("Peru's government today criticized Chile.")),
            "111:PERGOV>CHL");
}

TEST_F(EventCoderTest, MemberOfBodyAndNamedAppositive) {
  // "a member of" a body is coded as the body; an uncoded name in
  // apposition leaves the description before it as the subject.
  EXPECT_EQ(Codes(Code("A member of the Syrian parliament criticized "
                       "Turkey.")),
            "111:SYRLEG>TUR");
  EXPECT_EQ(Codes(Code("A member of the Syrian parliament, Mohammed Mamoun, "
                       "criticized Turkey.")),
            "111:SYRLEG>TUR");
  // A pattern without a passive reading is not read as a reduced relative
  // either ("shortened by an hour the curfew").
  EXPECT_EQ(Codes(Code("Sudan shortened by an hour the curfew in "
                       "Khartoum.")),
            "0813:SDN>SDN");
}

TEST_F(EventCoderTest, OpeningPhraseIsNoListHead) {
  // An uncoded name closing an opening phrase does not join the subject
  // after the comma into one list after a preposition.
  EXPECT_EQ(Codes(Code("Under the Memorandum of Understanding on Cessation "
                       "of Hostilities, the Peruvian government and Chile "
                       "criticized Bolivia.")),
            "111:PERGOV>BOL 111:CHL>BOL");
}

TEST_F(EventCoderTest, CodebookRowsForMassViolenceAndRallies) {
  // "were engaged in" has no passive reading; "rallies" is the plural of
  // "rally".
  EXPECT_EQ(Codes(Code("Serb forces were engaged in ethnic cleansing in "
                       "Kosovo.")),
            "203:SRBMIL>KSV");
  EXPECT_EQ(Codes(Code("Kenyan students staged rallies against the Kenyan "
                       "government.")),
            "141:KENEDU>KENGOV");
}

TEST_F(EventCoderTest, PatternObjectMakesParticipleActive) {
  // A participle whose pattern ends in its object is active, not a reduced
  // relative ("doctors [who were] handed ...").
  EXPECT_EQ(Codes(Code("Swiss doctors handed over medicine to Iran.")),
            "073:CHEHLH>IRN");
}

TEST_F(EventCoderTest, RepublicOf) {
  // "the republic of X" is X.
  EXPECT_EQ(Codes(Code("The republic of Slovenia criticized Croatia.")),
            "111:SVN>HRV");
}

TEST_F(EventCoderTest, CountryModifiersAndPossessedNames) {
  // A noun between a country and its sector keeps the sector.
  EXPECT_EQ(Codes(Code("Israeli border police arrested ten Palestinians.")),
            "173:ISRCOP>PSE");
  // A name the country's "'s" possesses is coded as the country.
  EXPECT_EQ(Codes(Code("Kenya's Liberal Democratic Party criticized "
                       "Uganda.")),
            "111:KEN>UGA");
}

TEST_F(EventCoderTest, AgentlessYieldAndFractions) {
  // A yield in the passive with no agent is the subject's own act; "one
  // third of" X is X.
  EXPECT_EQ(Codes(Code("One third of Kurdish rebels in Turkey have been "
                       "demobilized.")),
            "0873:TURREB>-");
}

TEST_F(EventCoderTest, SectorWordBeforeGroupHead) {
  // A sector word before "coalition", "group" and the like codes the actor.
  EXPECT_EQ(Codes(Code("A Kenyan opposition coalition criticized the "
                       "Kenyan government.")),
            "111:KENOPP>KENGOV");
  // Agreeing to postpone a demonstration is intent to ease dissent.
  EXPECT_EQ(Codes(Code("Kenyan opposition leaders agreed to postpone the "
                       "demonstration against the Kenyan government.")),
            "0352:KENOPP>KENGOV?");
}

TEST_F(EventCoderTest, PreparingForceIsPosture) {
  // Preparing to use force is a force posture (150), also past an aspect
  // verb ("prepared to resume shelling"); an aspect verb alone changes
  // nothing.
  EXPECT_EQ(Codes(Code("The Turkish army prepared to resume shelling "
                       "Syria.")),
            "150:TURMIL>SYR?");
  EXPECT_EQ(Codes(Code("Turkish troops continued shelling Syria.")),
            "190:TURMIL>SYR");
}

}  // namespace
}  // namespace dateline

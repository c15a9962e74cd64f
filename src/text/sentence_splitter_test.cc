#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace dateline {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  TokenizeAndSplit(text, &tokens, &sentences);
  std::vector<std::string> out;
  for (const Sentence& s : sentences)
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using V = std::vector<std::string>;

// Sentences of the seed article (Inquirer / Reuters, 2023-09-15), inline so
// the test runs without ../shared.
constexpr char kSeedDateline[] =
    "SEOUL/MOSCOW \xE2\x80\x93 Russian President Vladimir Putin accepted Kim "
    "Jong Un\xE2\x80\x99s "
    "invitation to visit North Korea, stoking U.S. concerns that a revived "
    "Moscow-Pyongyang axis "
    "could bolster Russia\xE2\x80\x99s military in Ukraine and provide Kim "
    "sensitive missile "
    "technology.";
constexpr char kSeedPeskov[] =
    "Kremlin spokesman Dmitry Peskov said that Putin "
    "\xE2\x80\x9Cgratefully\xE2\x80\x9D accepted "
    "the invite and that Foreign Minister Sergei Lavrov would travel to "
    "Pyongyang in October. "
    "Since Russia\xE2\x80\x99s 2022 invasion of Ukraine, Putin has rarely "
    "travelled abroad.";
constexpr char kSeedWhiteHouse[] =
    "A White House statement said U.S. national security adviser Jake Sullivan "
    "and counterparts "
    "Takeo Akiba of Japan and Cho Tae-yong of South Korea noted that any North "
    "Korean arms "
    "exports to Russia \xE2\x80\x9Cwould directly violate multiple U.N. "
    "Security Council "
    "resolutions, including resolutions that Russia itself voted to "
    "adopt.\xE2\x80\x9D";

// The seed's lead sentence after its dateline.
constexpr char kSeedLead[] =
    "Russian President Vladimir Putin accepted Kim Jong Un\xE2\x80\x99s "
    "invitation to visit North Korea, stoking U.S. concerns that a revived "
    "Moscow-Pyongyang axis could bolster Russia\xE2\x80\x99s military in "
    "Ukraine and provide Kim sensitive missile technology.";

TEST(SentenceSplitterTest, SeedSentences) {
  // Issue 12: the dateline is a sentence of its own, so the lead sentence's
  // tags and tree start at "Russian".
  EXPECT_EQ(Split(kSeedDateline), (V{"SEOUL/MOSCOW \xE2\x80\x93", kSeedLead}));
  EXPECT_EQ(Split(kSeedPeskov), (V{"Kremlin spokesman Dmitry Peskov said that "
                                   "Putin \xE2\x80\x9Cgratefully\xE2\x80\x9D "
                                   "accepted the invite and that Foreign "
                                   "Minister Sergei Lavrov would travel to "
                                   "Pyongyang in October.",
                                   "Since Russia\xE2\x80\x99s 2022 invasion of "
                                   "Ukraine, Putin has rarely travelled "
                                   "abroad."}));
  std::string two =
      std::string(kSeedWhiteHouse) + " South Korea\xE2\x80\x99s NSC said so.";
  EXPECT_EQ(Split(two),
            (V{kSeedWhiteHouse, "South Korea\xE2\x80\x99s NSC said so."}));
}

TEST(SentenceSplitterTest, Abbreviations) {
  EXPECT_EQ(Split("Gen. Smith met Sen. Jones and Gov. Lee on Sept. 13 at 3 "
                  "p.m. local time."),
            (V{"Gen. Smith met Sen. Jones and Gov. Lee on Sept. 13 at 3 p.m. "
               "local time."}));
  EXPECT_EQ(Split("Mr. and Mrs. Kim met Dr. Lee at St. Paul. It went well."),
            (V{"Mr. and Mrs. Kim met Dr. Lee at St. Paul.", "It went well."}));
  EXPECT_EQ(Split("Acme Inc. and Foo Corp. agreed, as did Bar Ltd. and Baz Co. "
                  "on No. 5 Rd."),
            (V{"Acme Inc. and Foo Corp. agreed, as did Bar Ltd. and Baz Co. on "
               "No. 5 Rd."}));
  EXPECT_EQ(Split("It is 3 vs. 2, etc. and so on."),
            (V{"It is 3 vs. 2, etc. and so on."}));
  EXPECT_EQ(
      Split("The U.N. Security Council met. The U.S. State Department spoke."),
      (V{"The U.N. Security Council met.",
         "The U.S. State Department spoke."}));
}

TEST(SentenceSplitterTest, SentenceFinalAbbreviation) {
  EXPECT_EQ(Split("He lives in the U.S. The White House said nothing."),
            (V{"He lives in the U.S.", "The White House said nothing."}));
  EXPECT_EQ(Split("They sold it to Acme Inc. But the deal failed."),
            (V{"They sold it to Acme Inc.", "But the deal failed."}));
  EXPECT_EQ(Split("It starts at 9 a.m. He will speak first."),
            (V{"It starts at 9 a.m.", "He will speak first."}));
  // Not a clear sentence starter: stays.
  EXPECT_EQ(Split("The U.S. Senate voted."), (V{"The U.S. Senate voted."}));
}

TEST(SentenceSplitterTest, Initials) {
  EXPECT_EQ(Split("They chose Plan B. The rest failed."),
            (V{"They chose Plan B.", "The rest failed."}));
  EXPECT_EQ(Split("Jake P. Sullivan met J.K. Rowling and George W. Bush."),
            (V{"Jake P. Sullivan met J.K. Rowling and George W. Bush."}));
}

TEST(SentenceSplitterTest, Quotes) {
  EXPECT_EQ(Split("Putin said it \"gratefully\" accepted.\" He said more."),
            (V{"Putin said it \"gratefully\" accepted.\"", "He said more."}));
  EXPECT_EQ(Split("\xE2\x80\x9CWe will win. They will lose,\xE2\x80\x9D he "
                  "said. Then he left."),
            (V{"\xE2\x80\x9CWe will win.",
               "They will lose,\xE2\x80\x9D he said.", "Then he left."}));
  EXPECT_EQ(Split("\"Why?\" he asked. \"Because.\" She left!"),
            (V{"\"Why?\" he asked.", "\"Because.\"", "She left!"}));
  EXPECT_EQ(Split("He was clear. \"No deal,\" he said."),
            (V{"He was clear.", "\"No deal,\" he said."}));
  EXPECT_EQ(Split("It ended (for now.) Then more."),
            (V{"It ended (for now.)", "Then more."}));
}

TEST(SentenceSplitterTest, EllipsesListsAndParagraphs) {
  EXPECT_EQ(Split("He paused... and went on. Then \xE2\x80\xA6 Nothing."),
            (V{"He paused... and went on.", "Then \xE2\x80\xA6", "Nothing."}));
  EXPECT_EQ(Split("1. First item here.\n\n2. Second item."),
            (V{"1. First item here.", "2. Second item."}));
  EXPECT_EQ(Split("ADVERTISEMENT\n\nCalling each other comrades, they met"),
            (V{"ADVERTISEMENT", "Calling each other comrades, they met"}));
  EXPECT_EQ(Split("A headline without a period\n\nBody text. More."),
            (V{"A headline without a period", "Body text.", "More."}));
  EXPECT_EQ(Split("Steps: 1. Do this. 2. Do that."),
            (V{"Steps: 1. Do this.", "2. Do that."}));
  EXPECT_EQ(Split("He was ranked No. 1. The team won."),
            (V{"He was ranked No. 1.", "The team won."}));
  EXPECT_EQ(Split("It rose in 1948. The war ended."),
            (V{"It rose in 1948.", "The war ended."}));
  EXPECT_EQ(Split("gsg\nTAGS: guns, Kim Jong-Un"),
            (V{"gsg", "TAGS: guns, Kim Jong-Un"}));
  EXPECT_EQ(Split("Home\nNews\nSports"), (V{"Home", "News", "Sports"}));
  // Hard-wrapped prose keeps its sentence.
  EXPECT_EQ(Split("The ministers of the two countries met on Wednesday and "
                  "the\nPresident "
                  "said so."),
            (V{"The ministers of the two countries met on Wednesday and "
               "the\nPresident said so."}));
  EXPECT_EQ(Split("Growth was 1.5 percent. Prices rose 2.3%."),
            (V{"Growth was 1.5 percent.", "Prices rose 2.3%."}));
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("\n\n  \n").empty());
}

// Checks the invariants every tokenization and split must keep.
void CheckInvariants(std::string_view text) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  TokenizeAndSplit(text, &tokens, &sentences);
  uint32_t prev_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.begin, prev_end);
    prev_end = t.end;
    ASSERT_FALSE(std::isspace(static_cast<unsigned char>(text[t.begin])));
    ASSERT_FALSE(std::isspace(static_cast<unsigned char>(text[t.end - 1])));
  }
  uint32_t next_token = 0;
  for (const Sentence& s : sentences) {
    ASSERT_EQ(s.token_begin, next_token);
    ASSERT_LT(s.token_begin, s.token_end);
    ASSERT_LE(s.token_end, tokens.size());
    ASSERT_EQ(s.begin, tokens[s.token_begin].begin);
    ASSERT_EQ(s.end, tokens[s.token_end - 1].end);
    ASSERT_LE(s.end, text.size());
    std::string_view st = text.substr(s.begin, s.end - s.begin);
    ASSERT_EQ(st.find("\n\n"), std::string_view::npos) << st;
    next_token = s.token_end;
  }
  ASSERT_EQ(next_token, tokens.size());
}

std::string ReadSeed() {
  std::ifstream in(DATELINE_SOURCE_DIR
                   "/../shared/seed/000_1d3cb87e18d9be47.txt",
                   std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Issue 12: a wire story's dateline ends a sentence; the lead sentence
// starts after its dash.
TEST(SentenceSplitterTest, DatelineIsASentence) {
  EXPECT_EQ(Split("WASHINGTON, March 6 - The Labour Party criticised the "
                  "budget. It said so."),
            (V{"WASHINGTON, March 6 -",
               "The Labour Party criticised the budget.", "It said so."}));
  EXPECT_EQ(Split("LONDON (Reuters) - Police arrested three men."),
            (V{"LONDON (Reuters) -", "Police arrested three men."}));
  // Whole, though "Mich." before "(AP)" could end a sentence.
  EXPECT_EQ(Split("ST. JOSEPH, Mich. (AP) \xE2\x80\x94 Officials reported "
                  "a death."),
            (V{"ST. JOSEPH, Mich. (AP) \xE2\x80\x94",
               "Officials reported a death."}));
  // Any paragraph's, and a line's after a short line.
  EXPECT_EQ(Split("Markets\n\nBRUSSELS -- The Commission met.\n"
                  "NEW YORK - Stocks rose."),
            (V{"Markets", "BRUSSELS --", "The Commission met.", "NEW YORK -",
               "Stocks rose."}));
  EXPECT_EQ(Split("NEW DELHI: India and Pakistan agreed to talks."),
            (V{"NEW DELHI:", "India and Pakistan agreed to talks."}));
}

// Issue 12: what looks like a dateline but opens a sentence stays in it.
TEST(SentenceSplitterTest, NotADateline) {
  for (const char* text :
       {"US - China talks resumed in Geneva on Monday.",
        "TRUMP WINS - BIDEN CONCEDES IN NAIL-BITER",
        "ATLANTA-based Delta said it would cut flights.",
        "ATLANTA\xE2\x80\x94" "based Delta said it would cut flights.",
        "The talks - held in GENEVA - ended on Monday.",
        "Kim: The summit went well, he said.",
        "Kim Jong Un \xE2\x80\x94 the leader \xE2\x80\x94 arrived."}) {
    EXPECT_EQ(Split(text), (V{text})) << text;
  }
  // Not at a line's start.
  EXPECT_EQ(Split("He said LONDON - and Paris - would agree."),
            (V{"He said LONDON - and Paris - would agree."}));
}

TEST(SentenceSplitterTest, PropertyOnFixtures) {
  for (std::string_view text :
       {std::string_view(kSeedDateline), std::string_view(kSeedPeskov),
        std::string_view("WASHINGTON, March 6 - A\n\n(AP) - B\nX: Y"),
        std::string_view(kSeedWhiteHouse), std::string_view("a"),
        std::string_view(". . ."), std::string_view("'s n't ''"),
        std::string_view("\xE2\x80\x99s \xFF\xFE \xE2\x80"),
        std::string_view("U.S.\n\nU.S."),
        std::string_view("http:// www. a@ @b .@. -- - ... 1. 1.")}) {
    CheckInvariants(text);
  }
}

TEST(SentenceSplitterTest, PropertyOnRandomBytes) {
  // A fixed-seed generator over characters that stress the scanner.
  const std::string_view alphabet[] = {"a",
                                       "Z",
                                       "1",
                                       ".",
                                       ",",
                                       "'",
                                       "\"",
                                       "-",
                                       " ",
                                       "\n",
                                       "\xE2\x80\x99",
                                       "\xE2\x80\x9C",
                                       "\xE2\x80\x9D",
                                       "@",
                                       "/",
                                       ":",
                                       "$",
                                       "\xC3\xA9",
                                       "\xFF",
                                       "\xE2\x80",
                                       "n",
                                       "t",
                                       "s",
                                       "U.S.",
                                       "http://",
                                       "www.",
                                       "\xE2\x80\xA6",
                                       "&",
                                       "_"};
  uint64_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int len = static_cast<int>(state % 40);
    for (int i = 0; i < len; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text +=
          alphabet[(state >> 33) % (sizeof(alphabet) / sizeof(alphabet[0]))];
    }
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    CheckInvariants(text);
    if (HasFatalFailure()) {
      ADD_FAILURE() << "text: " << text;
      return;
    }
  }
}

TEST(SentenceSplitterTest, SeedPage) {
  std::string seed = ReadSeed();
  if (seed.empty()) {
    GTEST_SKIP() << "seed page missing: " DATELINE_SOURCE_DIR
                    "/../shared/seed/000_1d3cb87e18d9be47.txt";
  }
  CheckInvariants(seed);
  std::vector<std::string> sentences = Split(seed);
  auto has = [&](std::string_view s) {
    for (const std::string& x : sentences) {
      if (x == s) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("SEOUL/MOSCOW \xE2\x80\x93"));
  EXPECT_TRUE(has(kSeedLead));
  EXPECT_TRUE(
      has("But Peskov added that Moscow would develop its relations with North "
          "Korea in "
          "accordance with its own interests."));
  EXPECT_TRUE(has("Your subscription could not be saved."));
  EXPECT_TRUE(has("Please try again."));
  EXPECT_TRUE(
      has("\xE2\x80\x9CThe United States has no right to lecture us on how to "
          "live,\xE2\x80\x9D Russia\xE2\x80\x99s ambassador to the United "
          "States, Anatoly "
          "Antonov, said in a statement."));
  EXPECT_TRUE(has(
      "Since Russia\xE2\x80\x99s 2022 invasion of Ukraine, Putin has rarely "
      "travelled abroad."));
  EXPECT_TRUE(has(kSeedWhiteHouse));
}

}  // namespace
}  // namespace dateline

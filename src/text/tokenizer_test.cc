#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline {
namespace {

std::vector<std::string> Toks(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(TokenText(text, t));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, SplitsPunctuationAndQuotes) {
  EXPECT_EQ(Toks("Putin \"gratefully\" accepted, then left."),
            (V{"Putin", "\"", "gratefully", "\"", "accepted", ",", "then",
               "left", "."}));
  EXPECT_EQ(Toks("Calling each other \xE2\x80\x9C"
                 "comrades\xE2\x80\x9D, the"),
            (V{"Calling", "each", "other", "\xE2\x80\x9C", "comrades",
               "\xE2\x80\x9D", ",", "the"}));
  EXPECT_EQ(Toks("\xE2\x80\x98"
                 "FRIENDSHIP\xE2\x80\x99"),
            (V{"\xE2\x80\x98", "FRIENDSHIP", "\xE2\x80\x99"}));
  EXPECT_EQ(Toks("(KCNA via REUTERS)"),
            (V{"(", "KCNA", "via", "REUTERS", ")"}));
}

TEST(TokenizerTest, KeepsAbbreviations) {
  EXPECT_EQ(Toks("stoking U.S. concerns"), (V{"stoking", "U.S.", "concerns"}));
  EXPECT_EQ(Toks("the U.N. Security Council"),
            (V{"the", "U.N.", "Security", "Council"}));
  EXPECT_EQ(Toks("e.g. this, at 3 p.m. today"),
            (V{"e.g.", "this", ",", "at", "3", "p.m.", "today"}));
  EXPECT_EQ(Toks("Mr. Kim and Gen. Smith met Sen. Jones"),
            (V{"Mr.", "Kim", "and", "Gen.", "Smith", "met", "Sen.", "Jones"}));
  EXPECT_EQ(Toks("Jake P. Sullivan and J.K. Rowling"),
            (V{"Jake", "P.", "Sullivan", "and", "J.K.", "Rowling"}));
  EXPECT_EQ(Toks("Sept. 13 at Acme Inc. and Acme Co."),
            (V{"Sept.", "13", "at", "Acme", "Inc.", "and", "Acme", "Co."}));
  EXPECT_EQ(Toks("No. 1 but no."), (V{"No.", "1", "but", "no", "."}));
  EXPECT_EQ(Toks("the U.S.-led coalition"),
            (V{"the", "U.S.-led", "coalition"}));
  EXPECT_EQ(Toks("It ended."), (V{"It", "ended", "."}));
  EXPECT_EQ(Toks("Wait..."), (V{"Wait", "..."}));
  EXPECT_EQ(Toks("U.S..."), (V{"U.S", "..."}));
}

TEST(TokenizerTest, Numbers) {
  EXPECT_EQ(Toks("1.5 percent of $1,000 at 01:47 AM"),
            (V{"1.5", "percent", "of", "$", "1,000", "at", "01:47", "AM"}));
  EXPECT_EQ(Toks("up 5% to 1/2, 2,3 and 10,000,000."),
            (V{"up", "5", "%", "to", "1/2", ",", "2", ",", "3", "and",
               "10,000,000", "."}));
  EXPECT_EQ(Toks("September 13, 2023"), (V{"September", "13", ",", "2023"}));
  EXPECT_EQ(Toks("in the 1990s"), (V{"in", "the", "1990s"}));
}

TEST(TokenizerTest, Hyphens) {
  EXPECT_EQ(Toks("a revived Moscow-Pyongyang axis"),
            (V{"a", "revived", "Moscow-Pyongyang", "axis"}));
  EXPECT_EQ(Toks("the 70-year-old Putin"), (V{"the", "70-year-old", "Putin"}));
  EXPECT_EQ(Toks("Komsomolsk-on-Amur"), (V{"Komsomolsk-on-Amur"}));
  EXPECT_EQ(Toks("SEOUL/MOSCOW \xE2\x80\x93 Russian"),
            (V{"SEOUL", "/", "MOSCOW", "\xE2\x80\x93", "Russian"}));
  EXPECT_EQ(Toks("pre- and post-war -- fine"),
            (V{"pre", "-", "and", "post-war", "--", "fine"}));
}

TEST(TokenizerTest, Contractions) {
  EXPECT_EQ(Toks("won't hesitate"), (V{"wo", "n't", "hesitate"}));
  EXPECT_EQ(Toks("won\xE2\x80\x99t"), (V{"wo", "n\xE2\x80\x99t"}));
  EXPECT_EQ(Toks("don't can't isn't"),
            (V{"do", "n't", "ca", "n't", "is", "n't"}));
  EXPECT_EQ(Toks("Russia's President"), (V{"Russia", "'s", "President"}));
  EXPECT_EQ(Toks("Russia\xE2\x80\x99s President"),
            (V{"Russia", "\xE2\x80\x99s", "President"}));
  EXPECT_EQ(Toks("we're they've I'll I'd I'm"),
            (V{"we", "'re", "they", "'ve", "I", "'ll", "I", "'d", "I", "'m"}));
  EXPECT_EQ(Toks("O'Brien and the allies' arms"),
            (V{"O'Brien", "and", "the", "allies", "'", "arms"}));
}

TEST(TokenizerTest, UrlsAndEmails) {
  EXPECT_EQ(Toks("see https://example.com/a?b=1. Or www.inquirer.net, or"),
            (V{"see", "https://example.com/a?b=1", ".", "Or",
               "www.inquirer.net", ",", "or"}));
  EXPECT_EQ(Toks("mail john.smith@example.co.uk."),
            (V{"mail", "john.smith@example.co.uk", "."}));
  std::vector<Token> tokens;
  Tokenize("x https://a.b/c y@z.org", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, kTokenUrl);
  EXPECT_EQ(tokens[2].kind, kTokenEmail);
}

TEST(TokenizerTest, KindsAndOffsets) {
  std::string text = "Kim, 39, paid $5.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0].kind, kTokenWord);
  EXPECT_EQ(tokens[1].kind, kTokenPunct);
  EXPECT_EQ(tokens[2].kind, kTokenNumber);
  EXPECT_EQ(tokens[5].kind, kTokenSymbol);
  EXPECT_EQ(tokens[2].begin, 5u);
  EXPECT_EQ(tokens[2].end, 7u);
}

TEST(TokenizerTest, QuoteTokens) {
  EXPECT_TRUE(IsQuoteToken("\""));
  EXPECT_TRUE(IsQuoteToken("\xE2\x80\x9C"));
  EXPECT_FALSE(IsQuoteToken("a"));
  EXPECT_TRUE(IsClosingQuoteToken("\xE2\x80\x9D"));
  EXPECT_FALSE(IsClosingQuoteToken("\""));
}

TEST(TokenizerTest, NonAsciiAndInvalidBytes) {
  EXPECT_EQ(Toks("Zürich\xC2\xA0"
                 "caf\xC3\xA9s \xE2\x80\xA6 na\xC3\xAFve"),
            (V{"Zürich", "caf\xC3\xA9s", "\xE2\x80\xA6", "na\xC3\xAFve"}));
  EXPECT_EQ(Toks("Москва и Пхеньян."), (V{"Москва", "и", "Пхеньян", "."}));
  EXPECT_EQ(Toks("a\xFF"
                 "b"),
            (V{"a", "\xFF", "b"}));
  EXPECT_EQ(Toks("\xE2\x82\xAC"
                 "5 \xF0\x9F\x98\x80"),
            (V{"\xE2\x82\xAC", "5", "\xF0\x9F\x98\x80"}));
  EXPECT_TRUE(Toks("").empty());
  EXPECT_TRUE(Toks(" \n\n\t ").empty());
}

}  // namespace
}  // namespace dateline

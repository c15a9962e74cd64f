#include "entities/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dateline {
namespace {

TEST(GazetteerTest, MatchesMultiTokenNamesCaseInsensitively) {
  Gazetteer g;
  g.Add("Kim Jong Un", "leaders");
  g.Add("Marovia", "countries");
  std::vector<std::string_view> words = {"KIM",     "Jong",    "Un",
                                         "visited", "marovia", "."};
  std::vector<Gazetteer::TokenMatch> m;
  g.Match(words, &m);
  ASSERT_EQ(m.size(), words.size());
  EXPECT_EQ(m[0].begin, 1u);
  EXPECT_EQ(m[1].inside, 1u);
  EXPECT_EQ(m[2].inside, 1u);
  EXPECT_EQ(m[3].begin | m[3].inside, 0u);
  EXPECT_EQ(m[4].begin, 2u);
}

TEST(GazetteerTest, PrefixOfANameIsNoMatch) {
  Gazetteer g;
  g.Add("Kim Jong Un", "leaders");
  std::vector<std::string_view> words = {"Kim", "Jong", "Il"};
  std::vector<Gazetteer::TokenMatch> m;
  g.Match(words, &m);
  for (const auto& t : m) EXPECT_EQ(t.begin | t.inside, 0u);
}

TEST(GazetteerTest, TokenizesLikeConll) {
  EXPECT_EQ(Gazetteer::Tokenize("People's Republic of Marovia (East)"),
            (std::vector<std::string>{"People", "'s", "Republic", "of",
                                      "Marovia", "(", "East", ")"}));
}

TEST(GazetteerTest, EntryLinesRoundTrip) {
  Gazetteer g;
  g.Add("Bank of Zorblat", "organizations");
  Gazetteer h;
  for (const auto& e : g.entries()) h.AddEntryLine(e);
  std::vector<std::string_view> words = {"bank", "of", "zorblat"};
  std::vector<Gazetteer::TokenMatch> a, b;
  g.Match(words, &a);
  h.Match(words, &b);
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(a[i].begin, b[i].begin);
    EXPECT_EQ(a[i].inside, b[i].inside);
  }
  EXPECT_EQ(h.types(), g.types());
}

TEST(GazetteerTest, LoadsBothFileLayouts) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dateline_gazetteer_test";
  fs::create_directories(dir);
  std::ofstream(dir / "a_simple.tsv") << "# names\nZorblat Quenn\tPER\n";
  std::ofstream(dir / "b_table.tsv")
      << "# fictional countries\n# name\tiso3\taliases\tdemonyms\n"
         "Marovia\tMRV\tRepublic of Marovia|Marov\tMarovian|Marovians\n";
  Gazetteer g;
  ASSERT_TRUE(g.LoadDirectory(dir.string()).ok());
  EXPECT_EQ(g.types(),
            (std::vector<std::string>{"PER", "b_table", "b_table.demonyms"}));
  // Marovia, Republic of Marovia, Marov, Marovian, Marovians, Zorblat Quenn;
  // the code column is not a name.
  EXPECT_EQ(g.size(), 6u);
  std::vector<std::string_view> words = {"MRV", "Marovians"};
  std::vector<Gazetteer::TokenMatch> m;
  g.Match(words, &m);
  EXPECT_EQ(m[0].begin, 0u);
  EXPECT_EQ(m[1].begin, 4u);
  fs::remove_all(dir);
}

TEST(GazetteerTest, LoadsOneColumnTablesAndSurnameColumns) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dateline_gazetteer_test1";
  fs::create_directories(dir);
  std::ofstream(dir / "given.tsv") << "# given names\n# name\nQuenna\nArdo\n";
  std::ofstream(dir / "people.tsv")
      << "# name\tfield\taliases\tsurname\n"
         "Ardo Valdor\ttennis\tA. Valdor\tValdor\n";
  Gazetteer g;
  ASSERT_TRUE(g.LoadDirectory(dir.string()).ok());
  EXPECT_EQ(g.types(),
            (std::vector<std::string>{"given", "people", "people.surname"}));
  EXPECT_EQ(g.size(), 5u);  // Quenna, Ardo, Ardo Valdor, A. Valdor, Valdor
  std::vector<std::string_view> words = {"Ardo", "Valdor"};
  std::vector<Gazetteer::TokenMatch> m;
  g.Match(words, &m);
  EXPECT_EQ(m[0].begin, 3u);   // given name, start of a full name
  EXPECT_EQ(m[1].begin, 4u);   // a surname alone
  EXPECT_EQ(m[1].inside, 2u);  // inside the full name
  fs::remove_all(dir);
}

TEST(GazetteerTest, TypographicQuotesMatchAsciiEntries) {
  Gazetteer g;
  g.Add("People's Bank of Zorblat", "organizations");
  std::vector<std::string_view> words = {"People", "\xE2\x80\x99s", "Bank",
                                         "of", "Zorblat"};
  std::vector<Gazetteer::TokenMatch> m;
  g.Match(words, &m);
  EXPECT_EQ(m[0].begin, 1u);
  EXPECT_EQ(m[4].inside, 1u);
  std::string out;
  Gazetteer::NormalizeQuotes(
      "\xE2\x80\x9C"
      "A"
      "\xE2\x80\x98"
      "b"
      "\xE2\x80\x9D \xE2\x80\x94",
      true, &out);
  EXPECT_EQ(out, "\"a'b\" \xE2\x80\x94");  // the dash is left alone
  Gazetteer::NormalizeQuotes("\xE2\x80", false, &out);  // cut short: kept
  EXPECT_EQ(out, "\xE2\x80");
}

TEST(GazetteerTest, MissingDirectoryIsIOError) {
  Gazetteer g;
  EXPECT_TRUE(g.LoadDirectory("/nonexistent/gazetteers").IsIOError());
}

}  // namespace
}  // namespace dateline

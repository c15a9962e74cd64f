// The real-news event gold set (bench/gold/real_news_events.tsv) and its
// parser (bench/event_gold.h), which build/event_gold_eval reads: the parser
// on small inline files, then the committed file's format (every row parses,
// every event code is in the CAMEO table, every actor code starts with a
// country or a CAMEO group). These need no dataset. The last test resolves
// every reference against ../shared/datasets (the sentence's bytes still
// hash to the stored hash) and skips when the datasets are missing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "../bench/event_gold.h"
#include "dateline/pipeline.h"
#include "events/actor_dictionary.h"
#include "events/cameo.h"

namespace dateline {
namespace gold {
namespace {

const char kRow[] =
    "g0001\tdev\tpair\tbbc-news\tbbc-fulltext.tar.gz\tbbc/politics/1.txt\t10\t"
    "90\t0123abcd\tGBRGOV>IRQ:042;USA>RUSGOV:036:h\tnote\n";

std::string GoldPath() {
  return std::string(DATELINE_SOURCE_DIR) + "/bench/gold/real_news_events.tsv";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(EventGoldParseTest, EventsField) {
  std::vector<GoldEvent> ev;
  ASSERT_TRUE(ParseEvents("-", &ev).ok());
  EXPECT_TRUE(ev.empty());
  ASSERT_TRUE(ParseEvents("USAGOV>RUSGOV:036:h;GBR>IGOEUREEC:111:nh", &ev).ok());
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].source, "USAGOV");
  EXPECT_EQ(ev[0].target, "RUSGOV");
  EXPECT_EQ(ev[0].code, "036");
  EXPECT_TRUE(ev[0].hypothetical);
  EXPECT_FALSE(ev[0].negated);
  EXPECT_TRUE(ev[1].negated && ev[1].hypothetical);
  for (const char* bad : {"", "USA>RUS", "USA:RUS>042", "USA>RUS:04x",
                          "usa>RUS:042", "USAG>RUS:042", "USA>RUS:042:x",
                          "USA>RUS:042:", "USA>RUS:042;", "USA>RUS:04211"}) {
    EXPECT_FALSE(ParseEvents(bad, &ev).ok()) << bad;
  }
}

TEST(EventGoldParseTest, Rows) {
  std::vector<GoldSentence> rows;
  std::string text = std::string("# comment\n\n") + kRow;
  ASSERT_TRUE(ParseGold(text, "t", &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].article, "bbc/politics/1.txt");
  EXPECT_EQ(rows[0].begin, 10u);
  EXPECT_EQ(rows[0].end, 90u);
  EXPECT_EQ(rows[0].events.size(), 2u);
  EXPECT_EQ(rows[0].line, 3);
  // Each of these spoils the row once.
  const std::pair<std::string, std::string> kBad[] = {
      {"\tdev\t", "\tmaybe\t"},         {"\tpair\t", "\tchosen\t"},
      {"\t10\t", "\t90\t"},             {"0123abcd", "0123ABCD"},
      {"GBRGOV>IRQ:042", "GBRGOV>IRQ"}, {"\tnote", ""}};
  for (const auto& [from, to] : kBad) {
    std::string row = kRow;
    row.replace(row.find(from), from.size(), to);
    Status s = ParseGold(row, "t", &rows);
    EXPECT_FALSE(s.ok()) << row;
    EXPECT_NE(s.ToString().find("line 1"), std::string::npos) << s.ToString();
  }
  EXPECT_FALSE(ParseGold(std::string(kRow) + kRow, "t", &rows).ok())
      << "repeated id";
}

TEST(EventGoldParseTest, Places) {
  const char text[] =
      "# id\tevent\tplace\tfeature\tcountry\tgeonameid\tbasis\tambiguous\tnote\n"
      "g0001\tGBRGOV>IRQ:042\tBaghdad\tcity\tIRQ\t98182\tsentence\tno\tvisit\n"
      "g0001\tUSA>RUSGOV:036:h\t-\t-\t-\t-\t-\tyes\n";
  std::vector<GoldPlace> places;
  Status s = ParsePlaces(text, "t", &places);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].event, "GBRGOV>IRQ:042");
  EXPECT_EQ(places[0].place, "Baghdad");
  EXPECT_EQ(places[0].feature, "city");
  EXPECT_EQ(places[0].country, "IRQ");
  EXPECT_EQ(places[0].geonameid, "98182");
  EXPECT_FALSE(places[0].ambiguous);
  EXPECT_TRUE(places[1].feature.empty());
  EXPECT_TRUE(places[1].country.empty());
  EXPECT_TRUE(places[1].ambiguous);

  // The event strings are the events column's.
  std::vector<GoldSentence> rows;
  ASSERT_TRUE(ParseGold(kRow, "t", &rows).ok());
  EXPECT_EQ(EventString(rows[0].events[0]), "GBRGOV>IRQ:042");
  EXPECT_EQ(EventString(rows[0].events[1]), "USA>RUSGOV:036:h");

  // A feature without a country, a bad feature, too few columns.
  for (const char* bad :
       {"g1\tA>B:010\tParis\tcity\t-\t-\tsentence\tno\n",
        "g1\tA>B:010\tParis\ttown\tFRA\t-\tsentence\tno\n",
        "g1\tA>B:010\tParis\tcity\n"}) {
    EXPECT_TRUE(ParsePlaces(bad, "t", &places).IsCorruption())
        << bad;
  }
}

TEST(EventGoldParseTest, CountryPart) {
  EXPECT_EQ(CountryPart("USAGOV"), "USA");
  EXPECT_EQ(CountryPart("RUS"), "RUS");
  EXPECT_EQ(CountryPart("IGOUNOKID"), "IGOUNO");
  EXPECT_EQ(CountryPart("NGOHRIAMN"), "NGOHRI");
  EXPECT_EQ(CountryPart("IGO"), "IGO");
}

TEST(EventGoldParseTest, SplitIsAFunctionOfTheReference) {
  int test = 0;
  for (int i = 0; i < 1000; ++i) {
    std::string ref = "bbc-news/x#" + std::to_string(i);
    EXPECT_EQ(SplitOf(ref), SplitOf(ref));
    test += SplitOf(ref) == "test";
  }
  EXPECT_GT(test, 340);
  EXPECT_LT(test, 460);
}

TEST(EventGoldParseTest, DevHalvesByTheParityOfTheId) {
  GoldSentence even, odd, test;
  even.id = "g0002";
  even.split = "dev";
  odd.id = "g0013";
  odd.split = "dev";
  test.id = "g0004";
  test.split = "test";
  EXPECT_EQ(DevHalfOf(even), "dev-even");
  EXPECT_EQ(DevHalfOf(odd), "dev-odd");
  EXPECT_EQ(DevHalfOf(test), "");
  EXPECT_TRUE(InPart(even, "dev-even"));
  EXPECT_FALSE(InPart(even, "dev-odd"));
  EXPECT_TRUE(InPart(odd, "dev"));
  EXPECT_TRUE(InPart(odd, "dev-odd"));
  EXPECT_FALSE(InPart(test, "dev-even"));
  EXPECT_TRUE(InPart(test, "test"));
  EXPECT_TRUE(InPart(test, "all"));
}

// The committed gold file: every row parses and every code is valid.
TEST(EventGoldFileTest, EveryRowParsesWithValidCodes) {
  std::string text = ReadFile(GoldPath());
  ASSERT_FALSE(text.empty()) << "cannot read " << GoldPath();
  std::vector<GoldSentence> rows;
  Status s = ParseGold(text, GoldPath(), &rows);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GE(rows.size(), 400u);

  std::unique_ptr<CameoTable> cameo;
  ASSERT_TRUE(CameoTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/events",
                               &cameo)
                  .ok());
  std::unique_ptr<ActorDictionary> actors;
  ActorDictionary::LoadDefault(std::string(DATELINE_SOURCE_DIR) + "/data",
                               &actors);
  ASSERT_NE(actors, nullptr);
  auto is_country = [&](const std::string& c) {
    return actors->IsCountryCode(c);
  };
  int test = 0, pair = 0, events = 0;
  std::set<std::string> refs;
  for (const GoldSentence& g : rows) {
    Status c = CheckCodes(g, *cameo, is_country);
    EXPECT_TRUE(c.ok()) << c.ToString();
    test += g.split == "test";
    pair += g.draw == "pair";
    events += static_cast<int>(g.events.size());
    EXPECT_TRUE(refs.insert(g.dataset + "/" + g.file + "#" + g.article + "@" +
                            std::to_string(g.begin))
                    .second)
        << "sentence drawn twice: " << g.id;
    // The split recorded is the one the reference gives, at the offset the
    // sentence was drawn at: a row whose offsets moved later (the clean
    // text changed before it) says "drawn at N" in its note and keeps its
    // split.
    uint32_t drawn = g.begin;
    const size_t at = g.note.find("drawn at ");
    if (at != std::string::npos) {
      drawn = static_cast<uint32_t>(std::strtoul(g.note.c_str() + at + 9, nullptr, 10));
    }
    EXPECT_EQ(g.split, SplitOf(g.dataset + "/" + g.file + "#" + g.article +
                               "@" + std::to_string(drawn)))
        << g.id;
  }
  int n = static_cast<int>(rows.size());
  EXPECT_GT(test, n * 35 / 100);
  EXPECT_LT(test, n * 45 / 100);
  EXPECT_GT(pair, n * 3 / 4);
  EXPECT_GT(events, 0);
}

// bench/gold/real_news_places.tsv places every gold event once, and names
// no event the gold file lacks.
TEST(EventGoldFileTest, EveryGoldEventHasOnePlaceRow) {
  std::vector<GoldSentence> rows;
  ASSERT_TRUE(ParseGold(ReadFile(GoldPath()), GoldPath(), &rows).ok());
  const std::string path =
      std::string(DATELINE_SOURCE_DIR) + "/bench/gold/real_news_places.tsv";
  std::string text = ReadFile(path);
  ASSERT_FALSE(text.empty()) << "cannot read " << path;
  std::vector<GoldPlace> places;
  Status s = ParsePlaces(text, path, &places);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::map<std::string, int> events;
  for (const GoldSentence& g : rows)
    for (const GoldEvent& e : g.events) events[g.id + "|" + EventString(e)] = 0;
  for (const GoldPlace& p : places) {
    auto it = events.find(p.id + "|" + p.event);
    ASSERT_NE(it, events.end()) << "line " << p.line << ": no such gold event";
    EXPECT_EQ(++it->second, 1) << "line " << p.line << ": placed twice";
    if (p.feature == "city" || p.feature == "country") {
      EXPECT_EQ(p.country.size(), 3u) << "line " << p.line;
    }
  }
  for (const auto& [key, n] : events) EXPECT_EQ(n, 1) << key << " has no place row";
}

// Every reference still resolves: the page is in the dataset and the bytes
// at the stored offsets of its clean text hash to the stored hash.
TEST(EventGoldFileTest, ReferencesResolveInTheSharedDatasets) {
  std::string root = std::string(DATELINE_SOURCE_DIR) + "/../shared/datasets";
  if (!std::filesystem::is_directory(root + "/bbc-news")) {
    GTEST_SKIP() << "shared datasets not found at " << root
                 << ": the references are not checked";
  }
  std::vector<GoldSentence> rows;
  ASSERT_TRUE(ParseGold(ReadFile(GoldPath()), GoldPath(), &rows).ok());
  std::unique_ptr<Pipeline> pipeline;
  ASSERT_TRUE(Pipeline::Create(PipelineOptions{"segment", ""}, &pipeline).ok());
  std::map<std::string, std::set<std::string>> wanted;
  for (const GoldSentence& g : rows) {
    wanted[g.dataset + "\t" + g.file].insert(g.article);
  }
  std::map<std::string, std::string> texts;  // dataset \t file \t article
  for (const auto& [key, articles] : wanted) {
    size_t t = key.find('\t');
    std::map<std::string, Page> pages;
    ASSERT_TRUE(ReadArticles(root, key.substr(0, t), key.substr(t + 1),
                             *articles.begin(), articles, &pages)
                    .ok())
        << key;
    for (auto& [art, page] : pages) {
      texts[key + "\t" + art] = pipeline->Process(page).text;
    }
  }
  int drifted = 0;
  for (const GoldSentence& g : rows) {
    auto it = texts.find(g.dataset + "\t" + g.file + "\t" + g.article);
    bool ok = it != texts.end() && g.end <= it->second.size() &&
              SentenceHash(std::string_view(it->second)
                               .substr(g.begin, g.end - g.begin)) == g.hash;
    if (!ok) {
      ++drifted;
      ADD_FAILURE() << g.id << " (line " << g.line << ") no longer resolves";
    }
  }
  EXPECT_EQ(drifted, 0);
}

}  // namespace
}  // namespace gold
}  // namespace dateline

// One suite for both archive stores: every case runs against SQLite and
// against PostgreSQL (value-parameterised), and CrossStore puts the same
// documents into both and compares every query's answers.
//
// The PostgreSQL server: store/pg_test_server.h (a throwaway cluster, or
// $DATELINE_TEST_PG_URL). Without libpq or server binaries the PostgreSQL
// cases skip and say why, unless $DATELINE_TEST_REQUIRE_PG is set (CI).
#include <algorithm>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "dateline/archive.h"
#include "store/archive_sql.h"
#include "store/archive_test_docs.h"
#include "store/pg_test_server.h"
#include "store/postgres_archive.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

ArchiveOptions ReadOnly() {
  ArchiveOptions o;
  o.read_only = true;
  return o;
}

// Opens a fresh archive of the store `store` ("sqlite" or "postgres") for
// the running test; "" or why the case must skip.
std::string FreshTarget(const std::string& store, const fs::path& dir,
                        std::string* target) {
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::string clean;
  for (char c : name) clean.push_back(std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_');
  if (store == "postgres") return PgServer::Get().NewDatabase(clean.substr(0, 40), target);
  *target = (dir / (clean + ".db")).string();
  return "";
}

class ConformanceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_conformance_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::string why = FreshTarget(GetParam(), dir_, &target_);
    if (!why.empty()) {
      if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
      GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
    }
    Status s = Archive::Open(target_, ArchiveOptions(), &db_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void TearDown() override {
    db_.reset();
    if (GetParam() == "sqlite" && !target_.empty()) {
      for (const char* ext : {"", "-wal", "-shm"}) fs::remove(target_ + ext);
    }
  }

  PutOutcome Put(const Document& d, const std::string& key,
                 const std::string& hash, std::string* story = nullptr) {
    return PutInto(db_.get(), d, key, hash, story);
  }
  static PutOutcome PutInto(Archive* a, const Document& d, const std::string& key,
                            const std::string& hash, std::string* story = nullptr) {
    PutOutcome out = PutOutcome::kUnchanged;
    std::string s;
    Status st = a->Put(d, {key, hash}, {}, ToJsonLine(d), &out, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    if (story != nullptr) *story = s;
    return out;
  }

  std::vector<std::string> SearchIds(SearchQuery q) {
    std::vector<SearchHit> hits;
    Status s = db_->Search(q, &hits);
    EXPECT_TRUE(s.ok()) << q.query << ": " << s.ToString();
    std::vector<std::string> ids;
    for (const SearchHit& h : hits) ids.push_back(h.id);
    return ids;
  }
  std::vector<std::string> SearchSet(const std::string& query) {
    SearchQuery q;
    q.query = query;
    q.order = SearchOrder::kOldest;
    q.limit = 0;
    return SearchIds(q);
  }

  fs::path dir_;
  std::string target_;
  std::unique_ptr<Archive> db_;
};

TEST_P(ConformanceTest, PutStoresEveryLayerAndQueriesFindThem) {
  Document d = testdocs::Kremlin();
  EXPECT_EQ(Put(d, d.url, "h1"), PutOutcome::kAdded);
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, 1);
  EXPECT_EQ(st.entities, 4);
  EXPECT_EQ(st.mentions, 5);
  EXPECT_EQ(st.quotes, 1);
  EXPECT_EQ(st.events, 2);

  std::vector<QuoteRow> quotes;
  QuoteQuery qq;
  qq.speaker = "peskov";  // exactly: no speaker of that name
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_TRUE(quotes.empty());
  qq.speaker_contains = true;  // a word of the speaker's names
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  ASSERT_EQ(quotes.size(), 1u);
  qq = QuoteQuery();
  qq.speaker = "dmitry PESKOV";
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "a matter for two neighbours");
  EXPECT_EQ(quotes[0].speaker_entity_name, "Dmitry Peskov");
  EXPECT_EQ(quotes[0].quote.cue, "said");
  qq = QuoteQuery();
  qq.words = "neighbours";
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_EQ(quotes.size(), 1u);
  qq.words = "Peskov";  // the speaker column is not searched by words
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_EQ(quotes.size(), 0u);

  EventQuery eq;
  eq.actors = {"RUS", "PRK"};
  eq.period = {"2023-09-01", "2023-09-30"};
  std::vector<EventRow> events;
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.code, "040");
  EXPECT_EQ(events[0].event.source.code, "RUSGOV");
  EXPECT_EQ(events[0].event.location, "Vostochny");
  EXPECT_DOUBLE_EQ(events[0].event.goldstein, 1.0);
  EXPECT_TRUE(events[0].in_lead);
  EXPECT_EQ(events[0].article, "k1");
  // The date's and place's sources, the place geocoded, the reporter.
  const Event& talks = events[0].event;
  EXPECT_EQ(talks.date_source, "clause");
  EXPECT_EQ(talks.location_source, "clause");
  ASSERT_TRUE(talks.geo.resolved);
  EXPECT_EQ(talks.geo.name, "Tsiolkovsky");
  EXPECT_EQ(talks.geo.country, "RUS");
  EXPECT_EQ(talks.geo.type, 4);
  EXPECT_EQ(talks.geo.feature, "city");
  EXPECT_EQ(talks.geo.adm1, "RU05");
  EXPECT_EQ(talks.geo.feature_id, "7668452");
  EXPECT_NEAR(talks.geo.latitude, 51.7, 1e-6);
  EXPECT_NEAR(talks.geo.longitude, 128.1, 1e-6);
  ASSERT_TRUE(talks.has_reporter);
  EXPECT_EQ(talks.reporter.name, "Dmitry Peskov");
  EXPECT_EQ(talks.reporter.code, "RUSGOV");
  EXPECT_EQ(talks.reporter.entity, "e1");
  EXPECT_EQ(talks.reporter.span.begin, d.entities[0].mentions[0].begin);
  EXPECT_EQ(talks.reporter.span.end, d.entities[0].mentions[0].end);
  const Event& denial = events[1].event;
  EXPECT_EQ(denial.date_source, "published");
  EXPECT_EQ(denial.location_source, "dateline");
  EXPECT_FALSE(denial.geo.resolved);
  EXPECT_FALSE(denial.has_reporter);
  // Places keep the geocoding of their events: the same name resolved and
  // not resolved is two rows.
  std::vector<PlaceCount> places;
  ASSERT_TRUE(db_->Places(EventQuery(), &places).ok());
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].name, "Vostochny");
  EXPECT_EQ(places[1].name, "Vostochny");
  EXPECT_EQ(places[0].geo.resolved + places[1].geo.resolved, 1);
  const PlaceCount& resolved = places[0].geo.resolved ? places[0] : places[1];
  EXPECT_EQ(resolved.geo.name, "Tsiolkovsky");
  EXPECT_EQ(resolved.geo.country, "RUS");
  EXPECT_NEAR(resolved.geo.latitude, 51.7, 1e-6);
  EXPECT_EQ(resolved.geo.feature_id, "7668452");
  eq.actors = {"PRK", "RUS"};
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 2u);
  eq.code = "03";
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].event.negated);
  eq = EventQuery();
  eq.entity = "kim jong";
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 1u);
  eq.entity = "north kor";  // an actor without an entity: its name
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 1u);
  eq = EventQuery();
  eq.actors = {"USA"};
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 0u);

  std::vector<SearchHit> hits;
  SearchQuery sq;
  sq.query = "cosmodrome";
  ASSERT_TRUE(db_->Search(sq, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, "k1");
  EXPECT_NE(hits[0].snippet.find("[cosmodrome]"), std::string::npos)
      << hits[0].snippet;

  std::vector<EntityCount> ents;
  EntityQuery enq;
  enq.type = "PER";
  ASSERT_TRUE(db_->Entities(enq, &ents).ok());
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(ents[0].name, "Dmitry Peskov");
  EXPECT_EQ(ents[0].mentions, 2);
  enq.name = "pesk";
  ASSERT_TRUE(db_->Entities(enq, &ents).ok());
  ASSERT_EQ(ents.size(), 1u);

  EntityProfile prof;
  ASSERT_TRUE(db_->Profile("dmitry peskov", "", &prof).ok());
  EXPECT_EQ(prof.name, "Dmitry Peskov");
  EXPECT_EQ(prof.quotes, 1);
  EXPECT_EQ(prof.aliases, (std::vector<std::string>{"Peskov"}));
  ASSERT_TRUE(db_->Profile("Vladimir Putin", "PER", &prof).ok());
  EXPECT_EQ(prof.events_as_source, 1);
  EXPECT_TRUE(db_->Profile("Nobody", "", &prof).IsNotFound());

  std::vector<std::string> records;
  SearchQuery all;
  all.limit = 0;
  ASSERT_TRUE(db_->ForEachRecord(all, [&](const std::string& r) {
    records.push_back(r);
    return true;
  }).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0], ToJsonLine(d).substr(0, ToJsonLine(d).size() - 1) +
                            ",\"story\":\"k1\"}");
  std::string record;
  ASSERT_TRUE(db_->Record("k1", &record).ok());
  EXPECT_EQ(record, records[0]);
  EXPECT_TRUE(db_->Record("nope", &record).IsNotFound());
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

TEST_P(ConformanceTest, SamePageAddsNothingAndChangedPageReplaces) {
  Document d = testdocs::Kremlin();
  EXPECT_EQ(Put(d, d.url, "h1"), PutOutcome::kAdded);
  EXPECT_EQ(Put(d, d.url, "h1"), PutOutcome::kUnchanged);
  bool found = false;
  ASSERT_TRUE(db_->Contains("h1", d.source, &found).ok());
  EXPECT_TRUE(found);
  Document changed = d;
  changed.title = "Kremlin: Kim visit a matter for two neighbours (updated)";
  changed.quotes.clear();
  changed.events.resize(1);
  EXPECT_EQ(Put(changed, d.url, "h2"), PutOutcome::kReplaced);
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, 1);
  EXPECT_EQ(st.quotes, 0);
  EXPECT_EQ(st.events, 1);
  EXPECT_EQ(st.entities, 4);
  EXPECT_EQ(SearchSet("updated"), (std::vector<std::string>{"k1"}));
  ASSERT_TRUE(db_->Contains("h1", d.source, &found).ok());
  EXPECT_FALSE(found);
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

// The same bytes read from two inputs (a page saved as a file, and the
// WARC record of it that gives its URL): one article, the preferred copy
// (PreferredCopy), in whichever order the copies come.
TEST_P(ConformanceTest, TwoCopiesOfAPageKeepThePreferredOneInEitherOrder) {
  auto copies = [](const std::string& n) {
    Document file = testdocs::Other("f" + n, testdocs::kFootball);
    file.source = "pages/council.html";
    Document warc = file;
    warc.id = "w" + n;
    warc.url = "https://news.example/council-" + n;
    warc.source = "bundle.warc.gz#" + n;
    return std::make_pair(file, warc);
  };
  auto [file1, warc1] = copies("1");
  EXPECT_EQ(Put(file1, "/abs/pages/council.html", "h1"), PutOutcome::kAdded);
  EXPECT_EQ(Put(warc1, warc1.url, "h1"), PutOutcome::kReplaced);
  EXPECT_EQ(Put(file1, "/abs/pages/council.html", "h1"), PutOutcome::kUnchanged);
  auto [file2, warc2] = copies("2");
  EXPECT_EQ(Put(warc2, warc2.url, "h2"), PutOutcome::kAdded);
  EXPECT_EQ(Put(file2, "/abs/pages/council.html", "h2"), PutOutcome::kUnchanged);
  // Two copies that both give a URL: the smaller id.
  Document b = warc2, a = warc2;
  b.id = "b3";
  b.url = "https://news.example/b";
  a.id = "a3";
  a.url = "https://news.example/a";
  EXPECT_EQ(Put(b, b.url, "h3"), PutOutcome::kAdded);
  EXPECT_EQ(Put(a, a.url, "h3"), PutOutcome::kReplaced);
  EXPECT_EQ(Put(b, b.url, "h3"), PutOutcome::kUnchanged);

  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, 3);
  std::string record;
  for (const char* kept : {"w1", "w2", "a3"}) {
    EXPECT_TRUE(db_->Record(kept, &record).ok()) << kept;
  }
  for (const char* lost : {"f1", "f2", "b3"}) {
    EXPECT_TRUE(db_->Record(lost, &record).IsNotFound()) << lost;
  }
  // Ingest skips a page only when its own input's copy is archived.
  bool found = false;
  ASSERT_TRUE(db_->Contains("h1", warc1.source, &found).ok());
  EXPECT_TRUE(found);
  ASSERT_TRUE(db_->Contains("h1", file1.source, &found).ok());
  EXPECT_FALSE(found);
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

TEST_P(ConformanceTest, NearDuplicatesShareAStory) {
  std::string story;
  Put(testdocs::Other("w1", testdocs::kWire), "a", "ha", &story);
  EXPECT_EQ(story, "w1");
  Document c = testdocs::Other("w2", testdocs::WireCopy());
  c.outlet = "Other Outlet";
  Put(c, "b", "hb", &story);
  EXPECT_EQ(story, "w1");
  Put(testdocs::Other("x1", testdocs::kFootball), "c", "hc", &story);
  EXPECT_EQ(story, "x1");
  std::vector<StoryRow> rows;
  ASSERT_TRUE(db_->Stories(StoryQuery(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size, 2);
  EXPECT_EQ(rows[0].members, (std::vector<std::string>{"w1", "w2"}));
  EXPECT_EQ(rows[0].outlets, (std::vector<std::string>{"-", "Other Outlet"}));
  ListTotals t;
  ASSERT_TRUE(db_->Count(StoryQuery(), &t).ok());
  EXPECT_EQ(t.total, 1);
  StoryQuery sq;
  sq.min_size = 1;
  sq.query = "football";
  ASSERT_TRUE(db_->Stories(sq, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].story, "x1");
  std::vector<StoryMember> members;
  ASSERT_TRUE(db_->StoryMembers("w1", &members).ok());
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1].outlet, "Other Outlet");
  EXPECT_TRUE(db_->StoryMembers("nope", &members).IsNotFound());
  ASSERT_TRUE(db_->StoryOf("w2", &story).ok());
  EXPECT_EQ(story, "w1");
  EXPECT_TRUE(db_->StoryOf("nope", &story).IsNotFound());
}

TEST_P(ConformanceTest, CopiesAreDaysApartAtMost) {
  std::string story;
  Put(testdocs::Other("a", testdocs::kWire, "1987-03-02"), "a", "ha", &story);
  Put(testdocs::Other("b", testdocs::kWire + std::string(" More."), "1987-03-04"),
      "b", "hb", &story);
  EXPECT_EQ(story, "a");
  Put(testdocs::Other("c", testdocs::kWire + std::string(" Later."), "1987-03-20"),
      "c", "hc", &story);
  EXPECT_EQ(story, "c");
  Put(testdocs::Other("d", testdocs::kWire + std::string(" Undated."), ""), "d",
      "hd", &story);
  EXPECT_NE(story, "d");
}

TEST_P(ConformanceTest, FullTextSyntaxMeansTheSame) {
  Put(testdocs::Kremlin(), "k", "h1");
  Put(testdocs::Other("w1", testdocs::kWire), "w", "hw");
  Put(testdocs::Other("f1", testdocs::kFootball), "f", "hf");
  Document u = testdocs::Other("u1", "Talks with the U.S. on oil-prices and the café "
                                     "owners of Zürich went nowhere.");
  u.captions = {{"Harbour cranes at dusk", ""}};
  Put(u, "u", "hu");
  using V = std::vector<std::string>;
  EXPECT_EQ(SearchSet("cosmodrome"), V{"k1"});
  EXPECT_EQ(SearchSet("Cosmodrome"), V{"k1"});
  EXPECT_EQ(SearchSet("\"interest rate\""), V{"w1"});
  EXPECT_EQ(SearchSet("\"rate interest\""), V{});
  EXPECT_EQ(SearchSet("inflat*"), V{"w1"});
  EXPECT_EQ(SearchSet("penalty OR cosmodrome"), (V{"k1", "f1"}));
  EXPECT_EQ(SearchSet("the NOT penalty"), (V{"k1", "w1", "u1"}));
  EXPECT_EQ(SearchSet("(penalty OR inflation) AND coach"), V{"f1"});
  EXPECT_EQ(SearchSet("title : kremlin"), V{"k1"});
  EXPECT_EQ(SearchSet("title : cosmodrome"), V{});
  EXPECT_EQ(SearchSet("{text captions} : cranes"), V{"u1"});
  EXPECT_EQ(SearchSet("NEAR(bank rate)"), V{"w1"});
  EXPECT_EQ(SearchSet("\"U.S.\""), V{"u1"});
  EXPECT_EQ(SearchSet("\"oil-prices\""), V{"u1"});
  EXPECT_EQ(SearchSet("cafe"), V{"u1"});
  EXPECT_EQ(SearchSet("zurich"), V{"u1"});
  EXPECT_EQ(SearchSet("\"the owners\""), V{});
  EXPECT_EQ(SearchSet("harbour + cranes"), V{"u1"});
  SearchQuery plain;
  plain.query = "U.S. oil-prices";
  plain.plain = true;
  plain.limit = 0;
  EXPECT_EQ(SearchIds(plain), V{"u1"});
  plain.query = "... --";
  EXPECT_EQ(SearchIds(plain), V{});
  // Title words weigh more: the title match ranks first.
  SearchQuery ranked;
  ranked.query = "kremlin";
  Put(testdocs::Other("t1", "Nothing here about the Kremlin except this one word."), "t",
      "ht");
  std::vector<std::string> ids = SearchIds(ranked);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "k1");
}

TEST_P(ConformanceTest, BadQueriesGiveClearErrorsAndUserTextIsBound) {
  Put(testdocs::Kremlin(), "k", "h1");
  std::vector<SearchHit> hits;
  SearchQuery sq;
  for (const char* bad : {"\"unterminated", "a AND", "(", "x:y", "NEAR(", "*"}) {
    sq.query = bad;
    Status s = db_->Search(sq, &hits);
    EXPECT_TRUE(s.IsInvalidArgument()) << bad << " -> " << s.ToString();
    EXPECT_NE(s.message().find("full-text query"), std::string::npos) << s.ToString();
  }
  sq.query = "\"'; DROP TABLE articles; --\"";
  EXPECT_TRUE(db_->Search(sq, &hits).ok());
  EXPECT_TRUE(hits.empty());
  QuoteQuery qq;
  qq.speaker = "x' OR '1'='1";
  std::vector<QuoteRow> quotes;
  EXPECT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_TRUE(quotes.empty());
  qq.speaker = "%";
  EXPECT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_TRUE(quotes.empty());
  qq.speaker_contains = true;
  for (const char* bad : {"x' OR '1'='1", "%", "\"", "*"}) {
    qq.speaker = bad;
    EXPECT_TRUE(db_->Quotes(qq, &quotes).ok()) << bad;
    EXPECT_TRUE(quotes.empty()) << bad;
  }
  EventQuery eq;
  eq.actors = {"rus'"};
  std::vector<EventRow> events;
  EXPECT_TRUE(db_->Events(eq, &events).IsInvalidArgument());
  eq = EventQuery();
  eq.period.since = "2023-13";
  EXPECT_TRUE(db_->Events(eq, &events).IsInvalidArgument());
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, 1);
}

// Dates, outlets, paging, totals, facets and the views over many rows.
TEST_P(ConformanceTest, FiltersPagingAndViews) {
  ASSERT_TRUE(db_->Begin().ok());
  for (const Document& d : testdocs::Mixed()) Put(d, d.id, "h" + d.id);
  ASSERT_TRUE(db_->Commit().ok());
  using V = std::vector<std::string>;
  SearchQuery q;
  q.order = SearchOrder::kNewest;
  q.limit = 0;
  EXPECT_EQ(SearchIds(q), (V{"m4", "m3", "m2", "m1", "m5"}));
  q.order = SearchOrder::kOldest;
  EXPECT_EQ(SearchIds(q), (V{"m1", "m2", "m3", "m4", "m5"}));
  q.limit = 2;
  q.offset = 1;
  EXPECT_EQ(SearchIds(q), (V{"m2", "m3"}));
  q = SearchQuery();
  q.order = SearchOrder::kOldest;
  q.period = {"2023-02", "2023-03"};
  EXPECT_EQ(SearchIds(q), (V{"m2", "m3"}));
  ListTotals t;
  ASSERT_TRUE(db_->Count(q, &t).ok());
  EXPECT_EQ(t.total, 2);
  EXPECT_EQ(t.undated, 1);
  q.period.include_undated = true;
  EXPECT_EQ(SearchIds(q), (V{"m2", "m3", "m5"}));
  q = SearchQuery();
  q.outlet = "harbour times";  // any case
  q.order = SearchOrder::kOldest;
  EXPECT_EQ(SearchIds(q), (V{"m1", "m3"}));
  q = SearchQuery();
  q.query = "harbour";
  SearchFacets f;
  ASSERT_TRUE(db_->Facets(q, &f).ok());
  ASSERT_EQ(f.outlet.size(), 2u);
  EXPECT_EQ(f.outlet[0].value, "Harbour Times");
  EXPECT_EQ(f.outlet[0].count, 2);
  ASSERT_EQ(f.year.size(), 2u);
  EXPECT_EQ(f.year[0].value, "2024");
  EXPECT_EQ(f.year[1].value, "2023");
  ASSERT_TRUE(db_->Count(q, &t).ok());
  EXPECT_EQ(t.total, 3);
  EXPECT_EQ(t.undated, -1);

  EventQuery eq;
  eq.limit = 0;
  std::vector<EventRow> ev;
  ASSERT_TRUE(db_->Events(eq, &ev).ok());
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].article, "m1");
  EXPECT_EQ(ev[2].article, "m5");  // undated last
  eq.order = EventOrder::kGoldsteinLow;
  ASSERT_TRUE(db_->Events(eq, &ev).ok());
  EXPECT_EQ(ev[0].event.goldstein, -10);
  eq = EventQuery();
  eq.quad_class = 4;
  ASSERT_TRUE(db_->Count(eq, &t).ok());
  EXPECT_EQ(t.total, 1);
  eq = EventQuery();
  eq.period = {"2023", "2023"};
  ASSERT_TRUE(db_->Count(eq, &t).ok());
  EXPECT_EQ(t.total, 2);
  EXPECT_EQ(t.undated, 1);

  std::vector<NetworkEdge> net;
  ASSERT_TRUE(db_->Network(NetworkQuery(), &net).ok());
  ASSERT_EQ(net.size(), 2u);
  EXPECT_EQ(net[0].source, "USA");
  EXPECT_EQ(net[0].target, "CHN");
  EXPECT_EQ(net[0].events, 2);
  EXPECT_DOUBLE_EQ(net[0].goldstein, -4.0);
  std::vector<PlaceCount> places;
  EventQuery pq;
  ASSERT_TRUE(db_->Places(pq, &places).ok());
  ASSERT_EQ(places.size(), 2u);
  EXPECT_EQ(places[0].name, "Geneva");
  EXPECT_EQ(places[0].events, 2);

  TimelineQuery tq;
  tq.bucket = TimeBucket::kMonth;
  TimelineResult tl;
  ASSERT_TRUE(db_->Timeline(tq, &tl).ok());
  // Without a period the undated are a point of their own ("") too.
  ASSERT_EQ(tl.points.size(), 5u);
  EXPECT_EQ(tl.points[0].period, "");
  EXPECT_EQ(tl.points[1].period, "2023-01");
  EXPECT_EQ(tl.points[1].events, 1);
  EXPECT_EQ(tl.undated.articles, 1);
  EXPECT_EQ(tl.undated.events, 1);

  EntityQuery enq;
  enq.limit = 1;
  enq.offset = 0;
  std::vector<EntityCount> ents;
  ASSERT_TRUE(db_->Entities(enq, &ents).ok());
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].name, "Geneva");
  EXPECT_EQ(ents[0].articles, 3);
  ASSERT_TRUE(db_->Count(EntityQuery(), &t).ok());
  EXPECT_EQ(t.total, 3);
  enq = EntityQuery();
  enq.period = {"2024", ""};
  ASSERT_TRUE(db_->Count(enq, &t).ok());
  EXPECT_EQ(t.total, 2);
  EXPECT_EQ(t.undated, 1);

  QuoteQuery qq;
  ListTotals qt;
  ASSERT_TRUE(db_->Count(qq, &qt).ok());
  EXPECT_EQ(qt.total, 0);
}

TEST_P(ConformanceTest, GroupCommitsAtomicallyAndVersionMoves) {
  std::unique_ptr<Archive> reader;
  ASSERT_TRUE(Archive::Open(target_, ReadOnly(), &reader).ok());
  int64_t v0 = 0, v1 = 0;
  ASSERT_TRUE(reader->Version(&v0).ok());
  ASSERT_TRUE(db_->Begin().ok());
  Put(testdocs::Other("a", testdocs::kWire), "a", "ha");
  Put(testdocs::Other("b", "Something else entirely about a different matter."),
      "b", "hb");
  ArchiveStats st;
  ASSERT_TRUE(reader->Stats(&st).ok());
  EXPECT_EQ(st.articles, 0);
  ASSERT_TRUE(db_->Commit().ok());
  ASSERT_TRUE(reader->Stats(&st).ok());
  EXPECT_EQ(st.articles, 2);
  ASSERT_TRUE(reader->Version(&v1).ok());
  EXPECT_NE(v0, v1);
  PutOutcome out;
  std::string story;
  EXPECT_FALSE(reader->Put(testdocs::Kremlin(), {"k2", "h2"}, {}, "", &out, &story).ok());
}

// Two articles call Tony Blair by other names; both are linked to one
// canonical entity. Another Blair is not him.
TEST_P(ConformanceTest, CanonicalEntitiesJoinNamesAcrossArticles) {
  auto doc = [](const std::string& id, const std::string& name,
                const std::string& canonical) {
    Document d;
    d.id = id;
    d.url = "https://news.example/" + id;
    d.title = "Blair speaks";
    d.published = "2005-03-0" + id.substr(1, 1);
    d.text = name + " said \"we will win\" in London.";
    Entity e;
    e.id = "e1";
    e.name = name;
    e.type = "PER";
    e.canonical_id = canonical;
    e.canonical_name = canonical.empty() ? "" : "Tony Blair";
    e.mentions = {testdocs::At(d.text, name)};
    d.entities = {e};
    Quote q;
    q.span = testdocs::At(d.text, "we will win");
    q.kind = "direct";
    q.cue = "said";
    q.speaker = "e1";
    q.speaker_name = name;
    q.speaker_span = e.mentions[0];
    d.quotes = {q};
    return d;
  };
  Put(doc("b1", "Tony Blair", "person:tony-blair"), "u1", "h1");
  Put(doc("b2", "Mr Blair", "person:tony-blair"), "u2", "h2");
  Put(doc("b3", "Bob Blair", ""), "u3", "h3");
  auto speakers = [&](const std::string& who, bool contains) {
    QuoteQuery q;
    q.speaker = who;
    q.speaker_contains = contains;
    std::vector<QuoteRow> rows;
    EXPECT_TRUE(db_->Quotes(q, &rows).ok());
    std::vector<std::string> out;
    for (const QuoteRow& r : rows) out.push_back(r.article);
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(speakers("Tony Blair", false), (V{"b1", "b2"}));
  EXPECT_EQ(speakers("tony blair", false), (V{"b1", "b2"}));
  EXPECT_EQ(speakers("person:tony-blair", false), (V{"b1", "b2"}));
  EXPECT_EQ(speakers("Bob Blair", false), (V{"b3"}));
  EXPECT_EQ(speakers("Blair", false), V{});
  EXPECT_EQ(speakers("Blair", true), (V{"b1", "b2", "b3"}));
  // A date filter keeps them (the articles are dated).
  QuoteQuery dated;
  dated.speaker = "Tony Blair";
  dated.period.since = "2005-03";
  std::vector<QuoteRow> rows;
  ASSERT_TRUE(db_->Quotes(dated, &rows).ok());
  EXPECT_EQ(rows.size(), 2u);
  for (const QuoteRow& r : rows) EXPECT_EQ(r.speaker_entity_name, "Tony Blair");

  // The entity list counts Tony Blair once over both articles, with or
  // without the totals table (a name filter reads the rows).
  for (const std::string& name : {std::string(), std::string("Blair")}) {
    EntityQuery eq;
    eq.name = name;
    eq.limit = 0;
    std::vector<EntityCount> ents;
    ASSERT_TRUE(db_->Entities(eq, &ents).ok());
    ASSERT_EQ(ents.size(), 2u) << name;
    EXPECT_EQ(ents[0].name, "Tony Blair");
    EXPECT_EQ(ents[0].articles, 2);
    EXPECT_EQ(ents[0].canonical_id, "person:tony-blair");
    EXPECT_EQ(ents[1].name, "Bob Blair");
    EXPECT_EQ(ents[1].canonical_id, "");
    ListTotals t;
    ASSERT_TRUE(db_->Count(eq, &t).ok());
    EXPECT_EQ(t.total, 2);
  }
  EntityQuery by_id;
  by_id.canonical = "person:tony-blair";
  std::vector<EntityCount> ents;
  ASSERT_TRUE(db_->Entities(by_id, &ents).ok());
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].articles, 2);
  EntityProfile profile;
  ASSERT_TRUE(db_->Profile("tony blair", "", &profile).ok());
  EXPECT_EQ(profile.name, "Tony Blair");
  EXPECT_EQ(profile.articles, 2);
  EXPECT_EQ(profile.quotes, 2);
  EXPECT_NE(std::find(profile.aliases.begin(), profile.aliases.end(),
                      "Mr Blair"),
            profile.aliases.end());
  // Replacing an article lowers the totals by its canonical entity.
  Document gone = doc("b2", "Mr Blair", "person:tony-blair");
  gone.entities.clear();
  gone.quotes.clear();
  Put(gone, "u2", "h4");
  EntityQuery all;
  ASSERT_TRUE(db_->Entities(all, &ents).ok());
  ASSERT_EQ(ents.size(), 2u);
  for (const EntityCount& e : ents) EXPECT_EQ(e.articles, 1) << e.name;
}

TEST_P(ConformanceTest, EntityTotalsFollowPutsAndReplacements) {
  Document d = testdocs::Kremlin();
  Put(d, d.url, "h1");
  Document second = testdocs::KremlinCopy(" More.");
  Put(second, second.url, "h2");
  Document changed = d;
  changed.entities.resize(2);
  Put(changed, d.url, "h3");
  auto list = [&](const Period& p) {
    EntityQuery q;
    q.period = p;
    q.limit = 0;
    std::vector<EntityCount> out;
    EXPECT_TRUE(db_->Entities(q, &out).ok());
    std::vector<std::string> rows;
    for (const EntityCount& e : out) {
      rows.push_back(e.name + "/" + e.type + "/" + std::to_string(e.articles) +
                     "/" + std::to_string(e.mentions));
    }
    return rows;
  };
  Period all_time;
  all_time.since = "1900";
  std::vector<std::string> kept = list(Period());
  EXPECT_EQ(kept, list(all_time));
  EXPECT_EQ(kept.size(), 4u);
}

// Two writers (own connections, own threads) put the same pages in
// opposite orders, in groups: every page once, copies in one story.
TEST_P(ConformanceTest, ConcurrentWritersArchiveEachPageOnce) {
  std::vector<Document> docs = testdocs::Mixed();
  for (int i = 0; i < 6; ++i) {
    std::string text = testdocs::kWire;
    text.append(i, '!');
    text.append(" Copy ").append(std::to_string(i)).append(".");
    std::string id = "c";
    id.append(std::to_string(i));
    Document w = testdocs::Other(id, text);
    docs.push_back(w);
  }
  auto writer = [&](bool reverse) {
    std::unique_ptr<Archive> a;
    Status s = Archive::Open(target_, ArchiveOptions(), &a);
    ASSERT_TRUE(s.ok()) << s.ToString();
    std::vector<Document> order = docs;
    if (reverse) std::reverse(order.begin(), order.end());
    for (size_t i = 0; i < order.size(); i += 3) {
      ASSERT_TRUE(a->Begin().ok());
      for (size_t k = i; k < std::min(order.size(), i + 3); ++k) {
        PutInto(a.get(), order[k], order[k].id, "h" + order[k].id);
      }
      ASSERT_TRUE(a->Commit().ok());
    }
  };
  std::thread t1(writer, false), t2(writer, true);
  t1.join();
  t2.join();
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, static_cast<int64_t>(docs.size()));
  EXPECT_EQ(st.events, 3);
  std::vector<StoryRow> rows;
  ASSERT_TRUE(db_->Stories(StoryQuery(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size, 6);
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

TEST_P(ConformanceTest, SpentBudgetStopsTheNextQuery) {
  Put(testdocs::Kremlin(), "k", "h1");
  ArchiveOptions o = ReadOnly();
  o.query_timeout_ms = 1;
  std::unique_ptr<Archive> ro;
  ASSERT_TRUE(Archive::Open(target_, o, &ro).ok());
  ro->RestartBudget();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  ListTotals t;
  Status s = ro->Count(SearchQuery(), &t);
  EXPECT_TRUE(s.IsTimedOut()) << s.ToString();
  EXPECT_NE(s.message().find("time limit of 1 ms"), std::string::npos);
  o.query_timeout_ms = 5000;
  ASSERT_TRUE(Archive::Open(target_, o, &ro).ok());
  EXPECT_TRUE(ro->Count(SearchQuery(), &t).ok());
  EXPECT_EQ(t.total, 1);
}

// Text with tabs, newlines, backslashes and quotes comes back as it went in
// (PostgreSQL sends some rows with COPY, whose text format escapes them),
// and a document with thousands of entities (more values than one
// statement takes) is stored whole.
TEST_P(ConformanceTest, OddCharactersAndLargeDocumentsRoundTrip) {
  Document d = testdocs::Kremlin();
  d.quotes[0].cue = "said\t\\N \"x\"\r\n'; --";
  d.events[0].evidence = "talks\twith \\ back\nslash \\N";
  d.events[0].location = "Vostochny\t(\"Восточный\")";
  ASSERT_EQ(Put(d, d.url, "h1"), PutOutcome::kAdded);
  QuoteQuery qq;
  std::vector<QuoteRow> quotes;
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].quote.cue, d.quotes[0].cue);
  EventQuery eq;
  std::vector<EventRow> events;
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event.evidence, d.events[0].evidence);
  EXPECT_EQ(events[0].event.location, d.events[0].location);

  Document big = testdocs::Other("big", "");
  for (int i = 0; i < 3200; ++i) {
    big.text.append("Name");
    big.text.append(std::to_string(i));
    big.text.append(" met. ");
  }
  ASSERT_TRUE(db_->Begin().ok());
  for (int i = 0; i < 3200; ++i) {
    Entity e;
    e.id = std::string("e").append(std::to_string(i));
    e.name = std::string("Name").append(std::to_string(i));
    e.type = i % 2 ? "PER" : "ORG";
    e.mentions = {testdocs::At(big.text, std::string(e.name).append(" "))};
    e.mentions[0].end -= 1;
    big.entities.push_back(e);
  }
  ASSERT_EQ(Put(big, "big", "hbig"), PutOutcome::kAdded);
  ASSERT_TRUE(db_->Commit().ok());
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.entities, 4 + 3200);
  EXPECT_EQ(st.mentions, 5 + 3200);
  ListTotals t;
  EntityQuery all;
  ASSERT_TRUE(db_->Count(all, &t).ok());
  EXPECT_EQ(t.total, 4 + 3200);
  // Replaced by a smaller version: the totals follow.
  big.entities.resize(10);
  ASSERT_EQ(Put(big, "big", "hbig2"), PutOutcome::kReplaced);
  ASSERT_TRUE(db_->Count(all, &t).ok());
  EXPECT_EQ(t.total, 4 + 10);
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

INSTANTIATE_TEST_SUITE_P(Stores, ConformanceTest,
                         ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// The same documents in both stores: every query gives the same answer
// (relevance order aside, docs/archive.md).
TEST(CrossStore, SameDocumentsSameAnswers) {
  fs::path dir = fs::temp_directory_path() /
                 ("dateline_crossstore_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string pg;
  std::string why = PgServer::Get().NewDatabase("cross", &pg);
  if (!why.empty()) {
    if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
    GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
  }
  std::string lite = (dir / "cross.db").string();
  fs::remove(lite);
  std::unique_ptr<Archive> a, b;
  ASSERT_TRUE(Archive::Open(lite, ArchiveOptions(), &a).ok());
  Status s = Archive::Open(pg, ArchiveOptions(), &b);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<Document> docs = testdocs::Mixed();
  docs.push_back(testdocs::Kremlin());
  docs.push_back(testdocs::Other("w1", testdocs::kWire));
  docs.push_back(testdocs::Other("w2", testdocs::WireCopy()));
  docs.push_back(testdocs::Other("f1", testdocs::kFootball, ""));
  for (Archive* x : {a.get(), b.get()}) {
    ASSERT_TRUE(x->Begin().ok());
    for (const Document& d : docs) {
      PutOutcome out;
      std::string story;
      ASSERT_TRUE(x->Put(d, {d.id, "h" + d.id}, {}, ToJsonLine(d), &out, &story).ok());
    }
    ASSERT_TRUE(x->Commit().ok());
  }
  auto hits = [](Archive* x, SearchQuery q) {
    std::vector<SearchHit> h;
    EXPECT_TRUE(x->Search(q, &h).ok());
    std::string out;
    for (const SearchHit& e : h) {
      out += e.id + "|" + e.title + "|" + e.outlet + "|" + e.published + "|" +
             e.story + ";";
    }
    ListTotals t;
    EXPECT_TRUE(x->Count(q, &t).ok());
    return out + std::to_string(t.total) + "/" + std::to_string(t.undated);
  };
  for (const char* query : {"", "harbour", "the", "bank OR penalty", "kim*",
                            "\"two neighbours\"", "NOT"}) {
    for (SearchOrder o : {SearchOrder::kNewest, SearchOrder::kOldest}) {
      SearchQuery q;
      q.query = query;
      q.order = o;
      q.limit = 0;
      if (std::string(query) == "NOT") {
        std::vector<SearchHit> h;
        EXPECT_EQ(a->Search(q, &h).IsInvalidArgument(),
                  b->Search(q, &h).IsInvalidArgument());
        continue;
      }
      EXPECT_EQ(hits(a.get(), q), hits(b.get(), q)) << query;
      q.period = {"2023", "2023-12"};
      EXPECT_EQ(hits(a.get(), q), hits(b.get(), q)) << query;
    }
  }
  auto events = [](Archive* x, const EventQuery& q) {
    std::string out;
    EXPECT_TRUE(x->ForEachEvent(q, [&](const EventRow& r) {
      const Event& e = r.event;
      out += r.article + "|" + e.source.code + ">" + e.target.code + "|" +
             e.code + "|" + std::to_string(e.goldstein) + "|" + e.date + "|" +
             e.location + "|" + (r.in_lead ? "L" : "-") + ";";
      return true;
    }).ok());
    return out;
  };
  for (EventOrder o : {EventOrder::kOldest, EventOrder::kNewest,
                       EventOrder::kGoldstein, EventOrder::kGoldsteinLow}) {
    EventQuery q;
    q.order = o;
    q.limit = 0;
    EXPECT_EQ(events(a.get(), q), events(b.get(), q));
  }
  EventQuery rus;
  rus.actors = {"RUS"};
  EXPECT_EQ(events(a.get(), rus), events(b.get(), rus));
  auto entities = [](Archive* x, const EntityQuery& q) {
    std::vector<EntityCount> v;
    EXPECT_TRUE(x->Entities(q, &v).ok());
    std::string out;
    for (const EntityCount& e : v) {
      out += e.name + "|" + e.type + "|" + e.country + "|" +
             std::to_string(e.articles) + "|" + std::to_string(e.mentions) + ";";
    }
    return out;
  };
  EntityQuery eq;
  eq.limit = 0;
  EXPECT_EQ(entities(a.get(), eq), entities(b.get(), eq));
  eq.period.since = "2023";
  EXPECT_EQ(entities(a.get(), eq), entities(b.get(), eq));
  auto stories = [](Archive* x) {
    StoryQuery q;
    q.min_size = 1;
    q.limit = 0;
    std::vector<StoryRow> v;
    EXPECT_TRUE(x->Stories(q, &v).ok());
    std::string out;
    for (const StoryRow& r : v) {
      out += r.story + "|" + std::to_string(r.size) + "|" + r.title + "|";
      for (const std::string& m : r.members) out += m + ",";
      out += ";";
    }
    return out;
  };
  EXPECT_EQ(stories(a.get()), stories(b.get()));
  auto records = [](Archive* x) {
    std::vector<std::string> v;
    SearchQuery q;
    q.limit = 0;
    EXPECT_TRUE(x->ForEachRecord(q, [&](const std::string& r) {
      v.push_back(r);
      return true;
    }).ok());
    return v;
  };
  EXPECT_EQ(records(a.get()), records(b.get()));
  ArchiveStats sa, sb;
  ASSERT_TRUE(a->Stats(&sa).ok());
  ASSERT_TRUE(b->Stats(&sb).ok());
  EXPECT_EQ(sa.articles, sb.articles);
  EXPECT_EQ(sa.stories, sb.stories);
  EXPECT_EQ(sa.duplicate_articles, sb.duplicate_articles);
  EXPECT_EQ(sa.mentions, sb.mentions);
  EXPECT_EQ(sa.events, sb.events);
  a.reset();
  b.reset();
  fs::remove_all(dir);
}

// A fresh PostgreSQL archive for the tests below; "" or why they skip.
std::string PgOnly(std::string* target) {
  std::string why = PgServer::Get().NewDatabase(
      ::testing::UnitTest::GetInstance()->current_test_info()->name(), target);
  return why;
}

// The server cancels a query over its budget (statement_timeout), and the
// archive says TimedOut as SQLite's progress handler does.
TEST(PostgresOnly, ServerStopsQueryOverBudget) {
  std::string target;
  std::string why = PgOnly(&target);
  if (!why.empty()) {
    if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
    GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
  }
  std::unique_ptr<Archive> db;
  ASSERT_TRUE(Archive::Open(target, ArchiveOptions(), &db).ok());
  ASSERT_TRUE(db->Begin().ok());
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (int k = 0; k < 60; ++k) {
      text.append("w");
      text.append(std::to_string((i * 31 + k * 7) % 1500));
      text.append(" ");
    }
    PutOutcome out;
    std::string story;
    std::string id = "o";
    id.append(std::to_string(i));
    ASSERT_TRUE(db->Put(testdocs::Other(id, text), {id, std::to_string(i)},
                        {}, "", &out, &story)
                    .ok());
  }
  ASSERT_TRUE(db->Commit().ok());
  ArchiveOptions o = ReadOnly();
  o.query_timeout_ms = 1;
  std::unique_ptr<Archive> ro;
  ASSERT_TRUE(Archive::Open(target, o, &ro).ok());
  SearchQuery q;
  for (int i = 0; i < 150; ++i) {
    q.query.append(i > 0 ? " OR w" : "w");
    q.query.append(std::to_string(i % 15));
    q.query.append("*");
  }
  q.limit = 0;
  q.order = SearchOrder::kRelevance;
  std::vector<SearchHit> hits;
  Status s;
  // The server's timer is coarse: a few tries at most.
  for (int i = 0; i < 5 && !s.IsTimedOut(); ++i) s = ro->Search(q, &hits);
  EXPECT_TRUE(s.IsTimedOut()) << s.ToString();
  EXPECT_NE(s.message().find("time limit of 1 ms"), std::string::npos);
  // The connection is usable after the cancelled query.
  o.query_timeout_ms = 0;
  ArchiveStats st;
  ASSERT_TRUE(ro->Stats(&st).ok());
  EXPECT_EQ(st.articles, 400);
}

// A reader (serve) outlives a server restart: the next query reconnects.
TEST(PostgresOnly, ReaderReconnectsAfterServerRestart) {
  std::string target;
  std::string why = PgOnly(&target);
  if (!why.empty()) {
    if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
    GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
  }
  if (std::getenv("DATELINE_TEST_PG_URL") != nullptr) {
    GTEST_SKIP() << "not restarting a server of the user's ($DATELINE_TEST_PG_URL)";
  }
  std::unique_ptr<Archive> db, ro;
  ASSERT_TRUE(Archive::Open(target, ArchiveOptions(), &db).ok());
  PutOutcome out;
  std::string story;
  ASSERT_TRUE(db->Put(testdocs::Kremlin(), {"k", "h"}, {}, "", &out, &story).ok());
  ArchiveOptions o = ReadOnly();
  o.query_timeout_ms = 5000;
  ASSERT_TRUE(Archive::Open(target, o, &ro).ok());
  ArchiveStats st;
  ASSERT_TRUE(ro->Stats(&st).ok());
  ASSERT_TRUE(PgServer::Get().Restart());
  ListTotals t;
  Status s = ro->Count(SearchQuery(), &t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(t.total, 1);
  // A writer too, between groups.
  s = db->Put(testdocs::Other("w1", testdocs::kWire), {"w", "hw"}, {}, "", &out,
              &story);
  EXPECT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(ro->Stats(&st).ok());
  EXPECT_EQ(st.articles, 2);
}

// Writers opening a new database at once create the schema once (the
// migration's advisory lock); an archive of a newer schema is refused.
// An archive of step 2 (no event places or reporters) is refused to a
// reader with the command that migrates it, and migrated by a writer: its
// old events keep empty fields, new ones keep theirs.
TEST(PostgresOnly, StepTwoArchiveIsMigrated) {
  std::string target;
  std::string why = PgOnly(&target);
  if (!why.empty()) {
    if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
    GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
  }
  {
    std::unique_ptr<Archive> db;
    ASSERT_TRUE(Archive::Open(target, ArchiveOptions(), &db).ok());
    Document d = testdocs::Kremlin();
    PutOutcome out;
    std::string story;
    ASSERT_TRUE(db->Put(d, {"k1", "h1"}, {}, ToJsonLine(d), &out, &story).ok());
    ASSERT_TRUE(db->Commit().ok());
  }
  std::string drop;
  for (const archive_sql::EventExtraColumn& c : archive_sql::kEventExtras) {
    drop += std::string(drop.empty() ? "" : ",") + " DROP COLUMN " + c.name;
  }
  if (RunShell("psql -X -q -v ON_ERROR_STOP=1 " + ShellQuote(target) +
               " -c " + ShellQuote("ALTER TABLE events" + drop) + " -c " +
               ShellQuote("DELETE FROM schema_version WHERE version = 3") +
               " >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "psql cannot reach the test database";
  }
  std::unique_ptr<Archive> db;
  Status s = Archive::Open(target, ReadOnly(), &db);
  EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
  EXPECT_NE(s.message().find("migrate"), std::string::npos);
  ASSERT_TRUE(Archive::Open(target, ArchiveOptions(), &db).ok());
  Document d = testdocs::KremlinCopy(" Later.");
  PutOutcome out;
  std::string story;
  ASSERT_TRUE(db->Put(d, {"k2", "h2"}, {}, ToJsonLine(d), &out, &story).ok());
  ASSERT_TRUE(db->Commit().ok());
  EventQuery q;
  q.code = "040";
  std::vector<EventRow> events;
  ASSERT_TRUE(db->Events(q, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_FALSE(events[0].event.geo.resolved);
  ASSERT_TRUE(events[1].event.geo.resolved);
  EXPECT_EQ(events[1].event.geo.name, "Tsiolkovsky");
  EXPECT_EQ(events[1].event.reporter.name, "Dmitry Peskov");
}

TEST(PostgresOnly, SchemaIsCreatedOnceAndNewerIsRefused) {
  std::string target;
  std::string why = PgOnly(&target);
  if (!why.empty()) {
    if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
    GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
  }
  std::vector<std::thread> openers;
  std::vector<Status> results(4);
  for (int i = 0; i < 4; ++i) {
    openers.emplace_back([&, i] {
      std::unique_ptr<Archive> a;
      results[i] = Archive::Open(target, ArchiveOptions(), &a);
    });
  }
  for (std::thread& t : openers) t.join();
  for (const Status& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  std::string psql_target = target;
  if (RunShell("psql -X -q -v ON_ERROR_STOP=1 " + ShellQuote(psql_target) +
               " -c 'INSERT INTO schema_version(version) VALUES (99)' "
               ">/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "psql cannot reach the test database";
  }
  std::unique_ptr<Archive> a;
  Status s = Archive::Open(target, ArchiveOptions(), &a);
  EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
  EXPECT_NE(s.message().find("newer"), std::string::npos);
  s = Archive::Open(target, ReadOnly(), &a);
  EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
}

TEST(PostgresTarget, UrlsGoToPostgresAndPasswordsAreHidden) {
  EXPECT_TRUE(IsPostgresTarget("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresTarget("postgres://h/db"));
  EXPECT_TRUE(IsPostgresTarget("host=/tmp dbname=x"));
  EXPECT_FALSE(IsPostgresTarget("dateline.db"));
  EXPECT_FALSE(IsPostgresTarget("/data/postgresql.db"));
  EXPECT_EQ(RedactTarget("postgresql://me:secret@db.example:5432/news"),
            "postgresql://me:***@db.example:5432/news");
  EXPECT_EQ(RedactTarget("host=db password=secret dbname=news"),
            "host=db password=*** dbname=news");
  EXPECT_EQ(RedactTarget("postgresql://db/news?password=secret&sslmode=require"),
            "postgresql://db/news?password=***&sslmode=require");
  std::unique_ptr<Archive> a;
  Status s = Archive::Open(
      "postgresql://me:secret@127.0.0.1:1/nothing?connect_timeout=2",
      ArchiveOptions(), &a);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString().find("secret"), std::string::npos) << s.ToString();
  if (!HavePostgres()) {
    EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
  }
}

}  // namespace
}  // namespace dateline

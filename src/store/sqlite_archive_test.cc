#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "dateline/archive.h"
#include "store/archive_sql.h"
#include "store/archive_test_docs.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

ArchiveOptions ReadOnly() {
  ArchiveOptions o;
  o.read_only = true;
  return o;
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_archive_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "a.db").string();
    ASSERT_TRUE(Archive::Open(path_, ArchiveOptions(), &db_).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  PutOutcome Put(const Document& d, const std::string& key,
                 const std::string& hash, std::string* story = nullptr) {
    PutOutcome out;
    std::string s;
    Status st = db_->Put(d, {key, hash}, {}, ToJsonLine(d), &out, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    if (story != nullptr) *story = s;
    return out;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Archive> db_;
};

// The documents the archive tests share (store/archive_test_docs.h).
using testdocs::Kremlin;
using testdocs::KremlinCopy;
using testdocs::kWire;
using testdocs::Other;

TEST_F(ArchiveTest, PutStoresEveryLayerAndQueriesFindThem) {
  Document d = Kremlin();
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
  qq.speaker = "peskov";
  qq.speaker_contains = true;
  ASSERT_TRUE(db_->Quotes(qq, &quotes).ok());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "a matter for two neighbours");
  EXPECT_EQ(quotes[0].speaker_entity_name, "Dmitry Peskov");
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
  ASSERT_EQ(events.size(), 2u);  // the second takes the article's date
  EXPECT_EQ(events[0].event.code, "040");
  EXPECT_EQ(events[0].event.source.code, "RUSGOV");
  EXPECT_EQ(events[0].event.location, "Vostochny");
  eq.actors = {"PRK", "RUS"};  // either direction
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
  eq = EventQuery();
  eq.actors = {"USA"};
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 0u);
  eq = EventQuery();
  eq.period = {"2023-10", ""};
  ASSERT_TRUE(db_->Events(eq, &events).ok());
  EXPECT_EQ(events.size(), 0u);

  std::vector<SearchHit> hits;
  SearchQuery sq;
  sq.query = "cosmodrome";
  ASSERT_TRUE(db_->Search(sq, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, "k1");
  EXPECT_NE(hits[0].snippet.find("[cosmodrome]"), std::string::npos);

  std::vector<EntityCount> ents;
  EntityQuery enq;
  enq.type = "PER";
  ASSERT_TRUE(db_->Entities(enq, &ents).ok());
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(ents[0].name, "Dmitry Peskov");  // most mentions break no tie
  EXPECT_EQ(ents[0].articles, 1);

  std::vector<std::string> records;
  SearchQuery all;
  all.limit = 0;
  ASSERT_TRUE(db_->ForEachRecord(all, [&](const std::string& r) {
    records.push_back(r);
    return true;
  }).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].find("\"story\":\"k1\"}"), std::string::npos);
  EXPECT_TRUE(db_->CheckIntegrity().ok());
}

TEST_F(ArchiveTest, SamePageAddsNothingAndChangedPageReplaces) {
  Document d = Kremlin();
  EXPECT_EQ(Put(d, d.url, "h1"), PutOutcome::kAdded);
  EXPECT_EQ(Put(d, d.url, "h1"), PutOutcome::kUnchanged);
  bool found = false;
  ASSERT_TRUE(db_->Contains("h1", d.source, &found).ok());
  EXPECT_TRUE(found);
  Document changed = d;
  changed.id = "k1";
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
  std::vector<SearchHit> hits;
  SearchQuery sq;
  sq.query = "updated";
  ASSERT_TRUE(db_->Search(sq, &hits).ok());
  EXPECT_EQ(hits.size(), 1u);
  sq.query = "neighbours";
  ASSERT_TRUE(db_->Search(sq, &hits).ok());
  EXPECT_EQ(hits.size(), 1u);  // the old version's FTS rows are gone
  ASSERT_TRUE(db_->Contains("h1", d.source, &found).ok());
  EXPECT_FALSE(found);
}

TEST_F(ArchiveTest, NearDuplicatesShareAStory) {
  std::string story;
  Put(Other("w1", kWire), "a", "ha", &story);
  EXPECT_EQ(story, "w1");
  // Another outlet: retitled, quote marks and wrapping changed, a line of
  // boilerplate added.
  std::string copy = kWire;
  for (size_t i = 50; i < copy.size(); i += 70) {
    if (copy[i] == ' ') copy[i] = '\n';
  }
  copy += "\n\nCopyright 2023 Other Outlet. All rights reserved.";
  Document c = Other("w2", copy);
  c.outlet = "Other Outlet";
  Put(c, "b", "hb", &story);
  EXPECT_EQ(story, "w1");
  Put(Other("x1", "The national football team lost its opening match of the "
                  "tournament on Saturday after a late penalty, and the coach "
                  "said his players had been tired after a long season."),
      "c", "hc", &story);
  EXPECT_EQ(story, "x1");
  std::vector<StoryRow> rows;
  ASSERT_TRUE(db_->Stories(StoryQuery(), &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size, 2);
  EXPECT_EQ(rows[0].members, (std::vector<std::string>{"w1", "w2"}));
  EXPECT_EQ(rows[0].outlets, (std::vector<std::string>{"-", "Other Outlet"}));
  ASSERT_TRUE(db_->StoryOf("w2", &story).ok());
  EXPECT_EQ(story, "w1");
  EXPECT_TRUE(db_->StoryOf("nope", &story).IsNotFound());
}

TEST_F(ArchiveTest, CopiesAreDaysApartAtMost) {
  std::string story;
  Put(Other("a", kWire, "1987-03-02"), "a", "ha", &story);
  Put(Other("b", kWire + std::string(" More."), "1987-03-04"), "b", "hb", &story);
  EXPECT_EQ(story, "a");  // two days later: a copy
  Put(Other("c", kWire + std::string(" Later."), "1987-03-20"), "c", "hc", &story);
  EXPECT_EQ(story, "c");  // weeks later: the next report from the template
  Put(Other("d", kWire + std::string(" Undated."), ""), "d", "hd", &story);
  EXPECT_NE(story, "d");  // no date: no limit
}

TEST_F(ArchiveTest, BadQueriesGiveClearErrorsAndUserTextIsBound) {
  Put(Kremlin(), "k", "h1");
  std::vector<SearchHit> hits;
  SearchQuery sq;
  for (const char* bad : {"\"unterminated", "a AND", "(", "x:y", "NEAR(", "*"}) {
    sq.query = bad;
    Status s = db_->Search(sq, &hits);
    EXPECT_TRUE(s.IsInvalidArgument()) << bad << " -> " << s.ToString();
    EXPECT_NE(s.message().find("full-text query"), std::string::npos) << s.ToString();
  }
  // SQL in user text is just text.
  sq.query = "\"'; DROP TABLE articles; --\"";
  EXPECT_TRUE(db_->Search(sq, &hits).ok());
  EXPECT_TRUE(hits.empty());
  QuoteQuery qq;
  qq.speaker = "x' OR '1'='1";
  std::vector<QuoteRow> quotes;
  EXPECT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_TRUE(quotes.empty());
  qq.speaker = "%";  // LIKE wildcards are literal
  EXPECT_TRUE(db_->Quotes(qq, &quotes).ok());
  EXPECT_TRUE(quotes.empty());
  EventQuery eq;
  eq.actors = {"rus;--"};
  std::vector<EventRow> events;
  EXPECT_TRUE(db_->Events(eq, &events).IsInvalidArgument());
  eq.actors = {};
  eq.code = "4a";
  EXPECT_TRUE(db_->Events(eq, &events).IsInvalidArgument());
  eq.code = "";
  eq.period.since = "September";
  Status s = db_->Events(eq, &events);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_NE(s.message().find("--since"), std::string::npos);
  EntityQuery enq;
  enq.type = "PERSON";
  std::vector<EntityCount> ents;
  EXPECT_TRUE(db_->Entities(enq, &ents).IsInvalidArgument());
  ArchiveStats st;
  ASSERT_TRUE(db_->Stats(&st).ok());
  EXPECT_EQ(st.articles, 1);
}

TEST_F(ArchiveTest, OpenRefusesWhatIsNotAnArchive) {
  std::unique_ptr<Archive> other;
  EXPECT_TRUE(Archive::Open((dir_ / "missing.db").string(),
                            ReadOnly(), &other)
                  .IsNotFound());
  std::string junk = (dir_ / "junk.db").string();
  std::ofstream(junk) << "this is not a database, just text that is long "
                         "enough to be read as a header by sqlite itself....";
  Status s = Archive::Open(junk, ArchiveOptions(), &other);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not a dateline archive"), std::string::npos)
      << s.ToString();
  // A reader opens the same file while the writer has it.
  Put(Kremlin(), "k", "h1");
  ASSERT_TRUE(Archive::Open(path_, ReadOnly(), &other).ok());
  ArchiveStats st;
  ASSERT_TRUE(other->Stats(&st).ok());
  EXPECT_EQ(st.articles, 1);
  PutOutcome out;
  std::string story;
  EXPECT_FALSE(other->Put(Kremlin(), {"k2", "h2"}, {}, "", &out, &story).ok());
}

TEST_F(ArchiveTest, GroupCommitsAtomically) {
  ASSERT_TRUE(db_->Begin().ok());
  Put(Other("a", kWire), "a", "ha");
  Put(Other("b", "Something else entirely about a different matter."), "b", "hb");
  // Another connection sees nothing until the commit.
  std::unique_ptr<Archive> reader;
  ASSERT_TRUE(Archive::Open(path_, ReadOnly(), &reader).ok());
  ArchiveStats st;
  ASSERT_TRUE(reader->Stats(&st).ok());
  EXPECT_EQ(st.articles, 0);
  ASSERT_TRUE(db_->Commit().ok());
  ASSERT_TRUE(reader->Stats(&st).ok());
  EXPECT_EQ(st.articles, 2);
}

// The entity list read from the kept totals equals the one grouped from
// the entity rows (a period forces the grouped query), through additions
// and a replacement.
TEST_F(ArchiveTest, EntityTotalsFollowPutsAndReplacements) {
  Document d = Kremlin();
  Put(d, d.url, "h1");
  Document second = KremlinCopy(" More.");
  Put(second, second.url, "h2");
  Document changed = d;
  changed.entities.resize(2);  // the changed page names fewer entities
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
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(kept[0].substr(0, kept[0].find('/')), "Dmitry Peskov");
  ListTotals t;
  ASSERT_TRUE(db_->Count(EntityQuery(), &t).ok());
  EXPECT_EQ(t.total, static_cast<int64_t>(kept.size()));
  EXPECT_EQ(t.undated, -1);  // no period: nothing left out, not counted
}

// A query over its budget stops with TimedOut; the budget of a request is
// shared by its queries (RestartBudget).
TEST_F(ArchiveTest, QueriesStopAtTheirBudget) {
  ASSERT_TRUE(db_->Begin().ok());
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      text.append("w");
      text.append(std::to_string((i * 31 + k * 7) % 1500));
      text.append(" ");
    }
    Put(Other(std::string("o").append(std::to_string(i)), text),
        std::string("o").append(std::to_string(i)), std::to_string(i));
  }
  ASSERT_TRUE(db_->Commit().ok());
  ArchiveOptions o = ReadOnly();
  o.query_timeout_ms = 1;
  std::unique_ptr<Archive> ro;
  ASSERT_TRUE(Archive::Open(path_, o, &ro).ok());
  SearchQuery q;
  for (int i = 0; i < 150; ++i) {
    q.query.append(i > 0 ? " OR w" : "w");
    q.query.append(std::to_string(i % 15));
    q.query.append("*");
  }
  q.limit = 0;
  std::vector<SearchHit> hits;
  Status s = ro->Search(q, &hits);
  EXPECT_TRUE(s.IsTimedOut()) << s.ToString();
  EXPECT_NE(s.message().find("time limit of 1 ms"), std::string::npos);
  // Spent budget: the next query of the same request stops at once.
  ro->RestartBudget();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  ArchiveStats st;
  ListTotals t;
  EXPECT_TRUE(ro->Count(SearchQuery(), &t).IsTimedOut());
  // A new request has a budget again.
  ro->RestartBudget();
  EXPECT_TRUE(ro->Stats(&st).ok());
}

// Captions are searched with the title and text (the seed's "Vostochny
// Cosmodrome" is only in a caption).
TEST_F(ArchiveTest, CaptionsAreSearched) {
  Document d = Other("c1", "The two leaders met at a launch site in the Far East.");
  d.captions = {{"Putin and Kim at the Vostochny Cosmodrome", "Reuters"}};
  Put(d, "c1", "hc1");
  SearchQuery q;
  q.query = "Vostochny";
  std::vector<SearchHit> hits;
  ASSERT_TRUE(db_->Search(q, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, "c1");
  EXPECT_NE(hits[0].snippet.find("[Vostochny]"), std::string::npos) << hits[0].snippet;
}

// An archive of schema 1 (title and text indexed, no captions column) is
// migrated on its first writable open: what it held is still found, and
// captions of new articles are searched.
TEST_F(ArchiveTest, SchemaOneIsMigrated) {
  Put(Other("old1", "Harbour pilots voted to strike."), "old1", "h-old1");
  db_.reset();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    const char* kDowngrade =
        "DROP TRIGGER articles_ai; DROP TRIGGER articles_ad; DROP TABLE articles_fts;"
        "ALTER TABLE articles DROP COLUMN captions;"
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
        "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');"
        "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN INSERT INTO "
        "articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;"
        "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN INSERT INTO "
        "articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, "
        "old.title, old.text); END;"
        "UPDATE meta SET value='1' WHERE key='schema_version';";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw, kDowngrade, nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_close(raw);
  }
  // A reader of the old schema still searches it.
  {
    std::unique_ptr<Archive> ro;
    ASSERT_TRUE(Archive::Open(path_, ReadOnly(), &ro).ok());
    SearchQuery q;
    q.query = "pilots";
    std::vector<SearchHit> hits;
    ASSERT_TRUE(ro->Search(q, &hits).ok());
    EXPECT_EQ(hits.size(), 1u);
  }
  ASSERT_TRUE(Archive::Open(path_, ArchiveOptions(), &db_).ok());
  Document d = Other("new1", "Tugs idle.");
  d.captions = {{"The pilot boat Zephyrine at anchor", ""}};
  Put(d, "new1", "h-new1");
  for (const char* word : {"pilots", "Zephyrine", "Tugs"}) {
    SearchQuery q;
    q.query = word;
    std::vector<SearchHit> hits;
    ASSERT_TRUE(db_->Search(q, &hits).ok()) << word;
    EXPECT_EQ(hits.size(), 1u) << word;
  }
  ASSERT_TRUE(db_->CheckIntegrity().ok());
}

// An archive of schema 2 (no canonical entity columns) is read as it is by
// a reader, and migrated on its first writable open: its entities listed
// by their own names, new linked rows by their canonical entity.
// SQL that takes the schema-4 event columns away again (an archive of
// schema 3 had none).
std::string DropEventExtras() {
  std::string sql;
  for (const archive_sql::EventExtraColumn& c : archive_sql::kEventExtras) {
    sql += std::string("ALTER TABLE events DROP COLUMN ") + c.name + ";";
  }
  return sql;
}

TEST_F(ArchiveTest, SchemaThreeIsReadAndMigrated) {
  Put(testdocs::Kremlin(), "k1", "h-k1");
  db_.reset();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    const std::string downgrade =
        DropEventExtras() + "UPDATE meta SET value='3' WHERE key='schema_version';";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw, downgrade.c_str(), nullptr, nullptr, &err),
              SQLITE_OK)
        << err;
    sqlite3_close(raw);
  }
  std::vector<EventRow> events;
  {
    // Read as it is: the events without the new fields.
    std::unique_ptr<Archive> ro;
    Status s = Archive::Open(path_, ReadOnly(), &ro);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_TRUE(ro->Events(EventQuery(), &events).ok());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].event.code, "040");
    EXPECT_EQ(events[0].event.date_source, "");
    EXPECT_FALSE(events[0].event.geo.resolved);
    EXPECT_FALSE(events[0].event.has_reporter);
  }
  // A writable open migrates it; the old rows keep empty fields and a new
  // article's events keep theirs.
  ASSERT_TRUE(Archive::Open(path_, ArchiveOptions(), &db_).ok());
  Document d = testdocs::KremlinCopy(" Later.");
  Put(d, "k2", "h-k2");
  EventQuery q;
  q.code = "040";
  ASSERT_TRUE(db_->Events(q, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_FALSE(events[0].event.geo.resolved);
  ASSERT_TRUE(events[1].event.geo.resolved);
  EXPECT_EQ(events[1].event.geo.name, "Tsiolkovsky");
  EXPECT_EQ(events[1].event.reporter.name, "Dmitry Peskov");
  ASSERT_TRUE(db_->CheckIntegrity().ok());
}

TEST_F(ArchiveTest, SchemaTwoIsReadAndMigrated) {
  Put(testdocs::Kremlin(), "k1", "h-k1");
  db_.reset();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    const std::string kDowngrade =
        std::string("DROP TRIGGER entity_totals_ai; DROP TRIGGER entity_totals_ad;"
        "DROP TABLE entity_totals; DROP INDEX entities_canonical;"
        "DROP INDEX entities_canonical_name; DROP INDEX mentions_canonical;"
        "ALTER TABLE entities DROP COLUMN canonical_id;"
        "ALTER TABLE entities DROP COLUMN canonical_name;"
        "ALTER TABLE mentions DROP COLUMN canonical_id;") +
        DropEventExtras() + "UPDATE meta SET value='2' WHERE key='schema_version';";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw, kDowngrade.c_str(), nullptr, nullptr, &err),
              SQLITE_OK)
        << err;
    sqlite3_close(raw);
  }
  {
    std::unique_ptr<Archive> ro;
    Status s = Archive::Open(path_, ReadOnly(), &ro);
    ASSERT_TRUE(s.ok()) << s.ToString();
    std::vector<EventRow> events;
    ASSERT_TRUE(ro->Events(EventQuery(), &events).ok());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_FALSE(events[0].event.geo.resolved);
    EntityQuery q;
    q.limit = 0;
    std::vector<EntityCount> ents;
    ASSERT_TRUE(ro->Entities(q, &ents).ok());
    EXPECT_EQ(ents.size(), 4u);
    QuoteQuery qq;
    qq.speaker = "Dmitry Peskov";
    std::vector<QuoteRow> quotes;
    ASSERT_TRUE(ro->Quotes(qq, &quotes).ok());
    EXPECT_EQ(quotes.size(), 1u);
  }
  ASSERT_TRUE(Archive::Open(path_, ArchiveOptions(), &db_).ok());
  Document d = testdocs::KremlinCopy(" Later.");
  d.entities[1].name = "Putin";
  d.entities[1].canonical_id = "person:vladimir-putin";
  d.entities[1].canonical_name = "Vladimir Putin";
  Put(d, "k2", "h-k2");
  EntityQuery q;
  q.canonical = "person:vladimir-putin";
  std::vector<EntityCount> ents;
  ASSERT_TRUE(db_->Entities(q, &ents).ok());
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].articles, 1);  // the old row is not linked
  q = EntityQuery();
  q.limit = 0;
  ASSERT_TRUE(db_->Entities(q, &ents).ok());
  ASSERT_FALSE(ents.empty());
  bool putin = false;
  for (const EntityCount& e : ents) {
    if (e.name == "Vladimir Putin") {
      putin = true;
      EXPECT_EQ(e.articles, 2);  // by the old row's name and the new canonical
    }
  }
  EXPECT_TRUE(putin);
  ASSERT_TRUE(db_->CheckIntegrity().ok());
}

}  // namespace
}  // namespace dateline

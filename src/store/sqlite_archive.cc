// SqliteArchive: the embedded archive (docs/archive.md). One SQLite file in
// WAL mode: articles with their layers in plain tables, FTS5 indexes over
// titles and text and over quotes (external content, kept in step by
// triggers), and an LSH table of MinHash band keys for story grouping.
//
// Writes happen in the caller's transaction groups (Begin/Commit); SQLite's
// WAL commit is atomic, so a process killed mid-ingest leaves the archive as
// of its last commit, and `ingest` run again skips what is already there
// (content hash) and adds the rest.
#include <sqlite3.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "dateline/archive.h"
#include "dedup/minhash.h"
#include "store/archive_sql.h"
#include "store/postgres_archive.h"
#include "store/sqlite_db.h"

namespace dateline {
namespace {

using namespace archive_sql;  // the helpers both stores share

constexpr int kSchemaVersion = 4;

const char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  page_key TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '',
  datelines TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  captions TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  story TEXT NOT NULL,
  shingles INTEGER NOT NULL DEFAULT 0,
  minhash BLOB,
  record BLOB,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story, published);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS entities(
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  eid TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  government TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT '',
  mention_count INTEGER NOT NULL DEFAULT 0,
  canonical_id TEXT NOT NULL DEFAULT '',
  canonical_name TEXT NOT NULL DEFAULT '',
  UNIQUE(article, eid));
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
-- Covers the top-entities query (no table lookups).
CREATE INDEX IF NOT EXISTS entities_type ON entities(type, name, country, mention_count, article);
CREATE TABLE IF NOT EXISTS mentions(
  article INTEGER NOT NULL,
  eid TEXT NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  government INTEGER NOT NULL DEFAULT 0,
  canonical_id TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article, eid);
CREATE TABLE IF NOT EXISTS quotes(
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  cue TEXT NOT NULL DEFAULT '',
  speaker TEXT NOT NULL DEFAULT '',
  speaker_name TEXT NOT NULL DEFAULT '',
  begin INTEGER NOT NULL, end INTEGER NOT NULL,
  cue_begin INTEGER NOT NULL DEFAULT 0, cue_end INTEGER NOT NULL DEFAULT 0,
  speaker_begin INTEGER NOT NULL DEFAULT 0,
  speaker_end INTEGER NOT NULL DEFAULT 0,
  sentence_begin INTEGER NOT NULL DEFAULT 0,
  sentence_end INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article, speaker);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS events(
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  source_name TEXT NOT NULL DEFAULT '',
  source_code TEXT NOT NULL DEFAULT '',
  source_entity TEXT NOT NULL DEFAULT '',
  source_begin INTEGER NOT NULL DEFAULT 0,
  source_end INTEGER NOT NULL DEFAULT 0,
  has_target INTEGER NOT NULL DEFAULT 0,
  target_name TEXT NOT NULL DEFAULT '',
  target_code TEXT NOT NULL DEFAULT '',
  target_entity TEXT NOT NULL DEFAULT '',
  target_begin INTEGER NOT NULL DEFAULT 0,
  target_end INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER NOT NULL DEFAULT 0,
  goldstein REAL NOT NULL DEFAULT 0,
  date TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  negated INTEGER NOT NULL DEFAULT 0,
  hypothetical INTEGER NOT NULL DEFAULT 0,
  sentence_begin INTEGER NOT NULL DEFAULT 0,
  sentence_end INTEGER NOT NULL DEFAULT 0,
  trigger_begin INTEGER NOT NULL DEFAULT 0,
  trigger_end INTEGER NOT NULL DEFAULT 0,
  evidence TEXT NOT NULL DEFAULT '',
  event_date TEXT NOT NULL DEFAULT '',
  date_source TEXT NOT NULL DEFAULT '',
  location_source TEXT NOT NULL DEFAULT '',
  geo_type INTEGER NOT NULL DEFAULT 0,
  geo_name TEXT NOT NULL DEFAULT '',
  geo_country TEXT NOT NULL DEFAULT '',
  geo_feature TEXT NOT NULL DEFAULT '',
  geo_adm1 TEXT NOT NULL DEFAULT '',
  geo_lat REAL NOT NULL DEFAULT 0,
  geo_lon REAL NOT NULL DEFAULT 0,
  geo_id TEXT NOT NULL DEFAULT '',
  has_reporter INTEGER NOT NULL DEFAULT 0,
  reporter_name TEXT NOT NULL DEFAULT '',
  reporter_code TEXT NOT NULL DEFAULT '',
  reporter_entity TEXT NOT NULL DEFAULT '',
  reporter_begin INTEGER NOT NULL DEFAULT 0,
  reporter_end INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code, event_date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, event_date);
CREATE INDEX IF NOT EXISTS events_code ON events(code, event_date);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE TABLE IF NOT EXISTS lsh(
  band_key INTEGER NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY(band_key, article)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS entities_fts USING fts5(
  name, aliases, content='entities', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
  text, speaker_name, content='quotes', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS entities_ai AFTER INSERT ON entities BEGIN
  INSERT INTO entities_fts(rowid, name, aliases) VALUES (new.rowid, new.name, new.aliases);
END;
CREATE TRIGGER IF NOT EXISTS entities_ad AFTER DELETE ON entities BEGIN
  INSERT INTO entities_fts(entities_fts, rowid, name, aliases)
    VALUES ('delete', old.rowid, old.name, old.aliases);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.rowid, old.text, old.speaker_name);
END;
)sql";

// The full-text index of articles: title, text and captions (schema 2; an
// archive of schema 1 indexed title and text and is migrated on its first
// writable open: kMigrateTo2).
const char kArticlesFts[] = R"sql(
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, captions, content='articles', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO articles_fts(articles_fts, rank) VALUES('rank', 'bm25(4.0, 1.0, 1.0)');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text, captions)
    VALUES (new.rowid, new.title, new.text, new.captions);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text, captions)
    VALUES ('delete', old.rowid, old.title, old.text, old.captions);
END;
)sql";

// An entity row listed by the name ?1 (see EntityKey), by index lookups.
constexpr char kEntityNamed[] =
    "(n.canonical_name = ?1 COLLATE NOCASE OR (n.canonical_name = '' AND "
    "n.name = ?1 COLLATE NOCASE))";

// Indexes over the canonical entity columns (schema 3), made after the
// migration that adds the columns to an older archive.
const char kCanonicalIndexes[] = R"sql(
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical_id);
CREATE INDEX IF NOT EXISTS entities_canonical_name
  ON entities(canonical_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS mentions_canonical ON mentions(canonical_id);
)sql";

// Schema 2 -> 3: the canonical entity of each entity and mention; the
// entity totals are regrouped by canonical entity (dropped here, rebuilt by
// Init). Entities archived before stay unlinked until ingested again.
// (The columns are added by MigrateTo3 where missing.)
const char kMigrateTo3[] = R"sql(
DROP TRIGGER IF EXISTS entity_totals_ai;
DROP TRIGGER IF EXISTS entity_totals_ad;
DROP TABLE IF EXISTS entity_totals;
)sql";

// Schema 1 -> 2: a captions column, and the index rebuilt over it (the
// captions of articles archived before are empty until they are ingested
// again).
const char kMigrateTo2[] = R"sql(
ALTER TABLE articles ADD COLUMN captions TEXT NOT NULL DEFAULT '';
DROP TRIGGER IF EXISTS articles_ai;
DROP TRIGGER IF EXISTS articles_ad;
DROP TABLE IF EXISTS articles_fts;
)sql";

// Entities over the whole archive: articles and mentions per entity of the
// archive — the canonical entity's name for linked rows ("Tony Blair" for
// the "Mr Blair" of an article), else the row's own name — and type, kept
// by triggers, so the entity list is read from an index rather than grouped
// from every entity row (95 ms -> well under 1 ms on the 19k archive).
// `country` and `canonical_id` are the greatest seen, as the grouped query
// gives; a deletion does not lower them.
const char kEntityTotals[] = R"sql(
CREATE TABLE IF NOT EXISTS entity_totals(
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  articles INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  canonical_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(name, type)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_totals_rank ON entity_totals(articles DESC, name);
CREATE INDEX IF NOT EXISTS entity_totals_type ON entity_totals(type, articles DESC, name);
CREATE TRIGGER IF NOT EXISTS entity_totals_ai AFTER INSERT ON entities BEGIN
  INSERT INTO entity_totals(name, type, country, articles, mentions, canonical_id)
    VALUES (iif(new.canonical_name != '', new.canonical_name, new.name),
            new.type, new.country, 1, new.mention_count, new.canonical_id)
    ON CONFLICT(name, type) DO UPDATE SET articles = articles + 1,
      mentions = mentions + excluded.mentions,
      country = max(country, excluded.country),
      canonical_id = max(canonical_id, excluded.canonical_id);
END;
CREATE TRIGGER IF NOT EXISTS entity_totals_ad AFTER DELETE ON entities BEGIN
  UPDATE entity_totals SET articles = articles - 1,
    mentions = mentions - old.mention_count
    WHERE name = iif(old.canonical_name != '', old.canonical_name, old.name)
      AND type = old.type;
  DELETE FROM entity_totals
    WHERE name = iif(old.canonical_name != '', old.canonical_name, old.name)
      AND type = old.type AND articles <= 0;
END;
)sql";


class SqliteArchive : public Archive {
 public:
  SqliteArchive(sqlite3* db, std::string path, const ArchiveOptions& options)
      : db_(db), path_(std::move(path)), options_(options) {
    rule_.min_jaccard = options.story_threshold;
  }
  SqliteArchive(const SqliteArchive&) = delete;
  SqliteArchive& operator=(const SqliteArchive&) = delete;
  ~SqliteArchive() override {
    // Finalise statements before closing (their destructors run after).
    for (Statement* st : {&find_hash_, &find_key_, &find_id_, &lsh_find_,
                          &cand_, &ins_article_, &ins_entity_, &ins_mention_,
                          &ins_quote_, &ins_event_, &ins_lsh_, &del_lsh_,
                          &version_}) {
      st->Finalize();
    }
    for (auto& d : deletes_) d.Finalize();
    if (in_group_) Exec(db_, "ROLLBACK");
    sqlite3_close_v2(db_);
  }

  Status Init() {
    // A 64 MB page cache: the writer's LSH and FTS lookups, and queries,
    // mostly stay out of read() calls (measured: the writer's busy time on
    // the BBC + Reuters ingest fell by about a third).
    // Readers also map the file: pages come from the OS's cache, shared by
    // every connection, rather than each connection's own copy.
    Status s = Exec(db_, ("PRAGMA foreign_keys=OFF; PRAGMA cache_size=-" +
                          std::to_string(std::max(256, options_.cache_kib)) +
                          "; PRAGMA temp_store=MEMORY;" +
                          (options_.read_only ? " PRAGMA mmap_size=0;" : ""))
                             .c_str());
    if (!s.ok()) return Named(s);
    if (options_.read_only) {
      Statement st;
      s = st.Prepare(db_, "SELECT value FROM meta WHERE key='schema_version'");
      if (!s.ok()) return NotArchive(s);
      if (!st.Step(&s)) {
        return Status::IOError(path_, "not a dateline archive (no schema version)");
      }
      const int64_t version = std::atoll(st.Text(0).c_str());
      st.Finalize();
      s = FindEntityTotals();
      if (!s.ok() || version >= kSchemaVersion) return s;
      // An archive of an older schema (the first writable open migrates
      // it): this connection's own views, which shadow the tables of the
      // same name, give its rows the newer columns, empty. Temporary
      // objects write nothing to the file.
      std::string views;
      if (version < 3) {
        // Schema 3: the canonical entity columns.
        views +=
            "CREATE TEMP VIEW entities AS SELECT *, '' AS canonical_id, '' AS "
            "canonical_name FROM main.entities; CREATE TEMP VIEW mentions AS "
            "SELECT *, '' AS canonical_id FROM main.mentions;";
        if (has_entity_totals_) {
          views += "CREATE TEMP VIEW entity_totals AS SELECT *, '' AS "
                   "canonical_id FROM main.entity_totals;";
        }
      }
      // Schema 4: the events' date and place sources, place and reporter.
      views += "CREATE TEMP VIEW events AS SELECT *";
      for (const EventExtraColumn& c : kEventExtras) {
        views += c.kind == 't' ? ", ''" : ", 0";
        views += std::string(" AS ") + c.name;
      }
      views += " FROM main.events;";
      return Named(Exec(db_, views.c_str()));
    }
    s = Exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    if (!s.ok()) return NotArchive(s);
    // A non-empty SQLite file that is not ours is refused.
    {
      Statement st;
      s = st.Prepare(db_,
                     "SELECT count(*) FROM sqlite_schema WHERE name NOT "
                     "LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN "
                     "(SELECT name FROM sqlite_schema WHERE name LIKE "
                     "'articles%' OR name LIKE 'quotes%' OR name LIKE "
                     "'events%' OR name LIKE 'entit%' OR name LIKE "
                     "'mentions%' OR name LIKE 'lsh%' OR name='meta')");
      if (!s.ok()) return NotArchive(s);
      if (st.Step(&s) && st.Int(0) > 0) {
        return Status::IOError(path_,
                               "not a dateline archive (other tables inside)");
      }
      if (!s.ok()) return NotArchive(s);
    }
    s = Exec(db_, "BEGIN IMMEDIATE");
    if (!s.ok()) return Named(s);
    s = Exec(db_, kSchema);
    if (s.ok()) {
      Statement st;
      s = st.Prepare(db_,
                     "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                     "ON CONFLICT(key) DO NOTHING");
      if (s.ok()) {
        st.Bind(1, static_cast<int64_t>(kSchemaVersion));
        s = st.Run();
      }
    }
    if (s.ok()) s = Migrate();
    if (!s.ok()) {
      Exec(db_, "ROLLBACK");
      return Named(s);
    }
    s = Exec(db_, "COMMIT");
    if (!s.ok()) return Named(s);
    // The entity totals, filled once for an archive written before them.
    s = Exec(db_, "BEGIN IMMEDIATE");
    if (!s.ok()) return Named(s);
    s = Exec(db_, kEntityTotals);
    if (s.ok()) {
      const std::string key = EntityKey("entities");
      s = Exec(db_, ("INSERT INTO entity_totals(name, type, country, articles, "
                     "mentions, canonical_id) SELECT " + key + ", type, "
                     "max(country), count(*), sum(mention_count), "
                     "max(canonical_id) FROM entities WHERE NOT EXISTS "
                     "(SELECT 1 FROM entity_totals) GROUP BY " + key + ", type")
                        .c_str());
    }
    if (!s.ok()) {
      Exec(db_, "ROLLBACK");
      return Named(s);
    }
    s = Exec(db_, "COMMIT");
    if (!s.ok()) return Named(s);
    s = FindEntityTotals();
    if (!s.ok()) return s;
    return PrepareWrites();
  }

  // Brings an archive of an older schema to kSchemaVersion (inside the
  // caller's transaction) and creates the article index.
  Status Migrate() {
    int64_t version = kSchemaVersion;
    {
      Statement st;
      Status s = st.Prepare(db_, "SELECT value FROM meta WHERE key='schema_version'");
      if (!s.ok()) return s;
      if (st.Step(&s)) version = std::atoll(st.Text(0).c_str());
      if (!s.ok()) return s;
    }
    if (version > kSchemaVersion) {
      return Status::NotSupported(path_, "archive of a newer dateline (schema " +
                                             std::to_string(version) + ")");
    }
    Status s;
    if (version < 2) s = Exec(db_, kMigrateTo2);
    if (s.ok()) s = Exec(db_, kArticlesFts);
    if (s.ok() && version < 2) {
      s = Exec(db_, "INSERT INTO articles_fts(articles_fts) VALUES('rebuild')");
    }
    if (s.ok() && version < 3) s = MigrateTo3();
    if (s.ok()) s = Exec(db_, kCanonicalIndexes);
    if (s.ok() && version < 4) s = MigrateTo4();
    if (s.ok() && version < kSchemaVersion) {
      s = Exec(db_, ("UPDATE meta SET value='" + std::to_string(kSchemaVersion) +
                     "' WHERE key='schema_version'").c_str());
    }
    return s;
  }

  // Schema 2 -> 3: the canonical columns (each added unless there), then
  // kMigrateTo3.
  Status MigrateTo3() {
    const std::pair<const char*, const char*> columns[] = {
        {"entities", "canonical_id"},
        {"entities", "canonical_name"},
        {"mentions", "canonical_id"}};
    for (const auto& [table, column] : columns) {
      Status s = AddColumn(table, column, "TEXT NOT NULL DEFAULT ''");
      if (!s.ok()) return s;
    }
    return Exec(db_, kMigrateTo3);
  }

  // Schema 3 -> 4: the events' extra columns (kEventExtras), empty.
  Status MigrateTo4() {
    for (const EventExtraColumn& c : kEventExtras) {
      Status s = AddColumn("events", c.name,
                           c.kind == 't'   ? "TEXT NOT NULL DEFAULT ''"
                           : c.kind == 'i' ? "INTEGER NOT NULL DEFAULT 0"
                                           : "REAL NOT NULL DEFAULT 0");
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  // Adds `column` of type `decl` to `table` unless it is there.
  Status AddColumn(const char* table, const char* column, const char* decl) {
    Statement st;
    Status s = st.Prepare(db_, std::string("SELECT 1 FROM pragma_table_info('") +
                                   table + "') WHERE name = ?");
    if (!s.ok()) return s;
    st.Bind(1, std::string(column));
    const bool present = st.Step(&s);
    if (!s.ok()) return s;
    st.Finalize();
    if (present) return Status::OK();
    return Exec(db_, (std::string("ALTER TABLE ") + table + " ADD COLUMN " +
                      column + " " + decl)
                         .c_str());
  }

  // Whether the archive keeps entity totals (a reader of an archive written
  // before them groups the entity rows instead).
  Status FindEntityTotals() {
    Statement st;
    Status s = st.Prepare(db_,
                          "SELECT 1 FROM sqlite_schema WHERE name = "
                          "'entity_totals'");
    if (!s.ok()) return Named(s);
    has_entity_totals_ = st.Step(&s);
    return Named(s);
  }

  Status Begin() override {
    if (in_group_) return Status::OK();
    Status s = Exec(db_, "BEGIN IMMEDIATE");
    if (!s.ok()) return Named(s);
    in_group_ = true;
    return Status::OK();
  }

  Status Commit() override {
    if (!in_group_) return Status::OK();
    in_group_ = false;
    return Named(Exec(db_, "COMMIT"));
  }

  Status Contains(const std::string& content_hash, const std::string& source,
                  bool* found) override {
    *found = false;
    Statement st;
    Status s = st.Prepare(
        db_, "SELECT 1 FROM articles WHERE content_hash=? AND source=? LIMIT 1");
    if (!s.ok()) return s;
    st.Bind(1, content_hash);
    st.Bind(2, source);
    *found = st.Step(&s);
    return s;
  }

  Status Put(const Document& doc, const PutKey& key,
             const std::vector<uint32_t>& signature, const std::string& record,
             PutOutcome* outcome, std::string* story) override {
    if (options_.read_only) {
      return Status::InvalidArgument(path_, "archive opened read-only");
    }
    if (!doc.error.empty()) {
      return Status::InvalidArgument(doc.source, "document has an error");
    }
    const bool own_group = !in_group_;
    if (own_group) {
      Status s = Begin();
      if (!s.ok()) return s;
    }
    Status s = PutInGroup(doc, key, signature, record, outcome, story);
    if (own_group) {
      if (s.ok()) {
        s = Commit();
      } else {
        Exec(db_, "ROLLBACK");
        in_group_ = false;
      }
    }
    return s;
  }

  // Runs `f` under the query time budget: a progress handler stops SQLite
  // once the deadline has passed, and the query returns TimedOut.
  template <typename F>
  Status Timed(F&& f) {
    if (options_.query_timeout_ms <= 0) return f();
    deadline_ = shared_budget_ ? shared_deadline_
                               : std::chrono::steady_clock::now() +
                                     std::chrono::milliseconds(options_.query_timeout_ms);
    timed_out_ = false;
    if (std::chrono::steady_clock::now() >= deadline_) timed_out_ = true;
    if (timed_out_) {
      return Status::TimedOut(
          "query stopped at its time limit of " +
          std::to_string(options_.query_timeout_ms) +
          " ms (narrow it: fewer terms or prefixes, a period, a filter)");
    }
    sqlite3_progress_handler(db_, 2000, &SqliteArchive::Progress, this);
    Status s = f();
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    if (timed_out_) {
      return Status::TimedOut(
          "query stopped at its time limit of " +
          std::to_string(options_.query_timeout_ms) +
          " ms (narrow it: fewer terms or prefixes, a period, a filter)");
    }
    return s;
  }
  static int Progress(void* self) {
    auto* a = static_cast<SqliteArchive*>(self);
    if (std::chrono::steady_clock::now() < a->deadline_) return 0;
    a->timed_out_ = true;
    return 1;
  }

  // The full-text query of a search (plain text converted), checked.
  Status SearchFts(const std::string& query, bool plain, std::string* fts) {
    *fts = plain ? PlainTextQuery(query) : query;
    if (fts->empty()) return Status::OK();
    if (CountTerms(*fts) > kMaxQueryTerms) {
      return Status::InvalidArgument(
          "q", "the query has more than " + std::to_string(kMaxQueryTerms) +
                   " terms");
    }
    return CheckFts("articles_fts", *fts);
  }

  // The filters of a search over `articles a` (the full-text match as a
  // rowid set), for lists, counts and facets.
  Status SearchWhere(const SearchQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    std::string fts;
    s = SearchFts(q.query, q.plain, &fts);
    if (!s.ok()) return s;
    if (!q.query.empty() && fts.empty()) {
      w->Add("0");  // plain text without a word matches nothing
    } else if (!fts.empty()) {
      w->Add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
      w->Text(fts);
    }
    w->Period(q.period, "a.published", undated_only);
    if (!q.outlet.empty()) {
      w->Add("a.outlet = ? COLLATE NOCASE");
      w->Text(q.outlet);
    }
    if (!q.story.empty()) {
      w->Add("a.story = ?");
      w->Text(q.story);
    }
    return Status::OK();
  }

  static std::string LimitSql(size_t limit, size_t offset) {
    std::string sql;
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    if (offset > 0) {
      if (limit == 0) sql += " LIMIT -1";
      sql += " OFFSET " + std::to_string(offset);
    }
    return sql;
  }

  Status Search(const SearchQuery& q, std::vector<SearchHit>* out) override {
    out->clear();
    return Timed([&] { return SearchList(q, out); });
  }

  Status SearchList(const SearchQuery& q, std::vector<SearchHit>* out) {
    Where w;
    Status s = SearchWhere(q, false, &w);
    if (!s.ok()) return s;
    std::string fts;
    s = SearchFts(q.query, q.plain, &fts);
    if (!s.ok()) return s;
    const std::string cols =
        "a.id, a.title, a.outlet, a.url, a.source, a.published, a.story";
    std::string sql;
    const bool ranked = !fts.empty() && q.order == SearchOrder::kRelevance;
    if (ranked) {
      // ORDER BY rank lets FTS5 sort inside the virtual table, so snippet()
      // runs for the rows returned only, not for every match.
      Where rest;
      SearchQuery q2 = q;
      q2.query.clear();
      s = SearchWhere(q2, false, &rest);
      if (!s.ok()) return s;
      sql = "SELECT " + cols +
            ", snippet(articles_fts, -1, '[', ']', '...', 16), rank FROM "
            "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ?" +
            (rest.Sql().empty() ? "" : " AND " + rest.Sql().substr(7)) +
            " ORDER BY rank" + LimitSql(q.limit, q.offset);
      Statement st;
      s = st.Prepare(db_, sql);
      if (!s.ok()) return s;
      st.Bind(1, fts);
      rest.BindAll(&st, 2);
      return ReadHits(&st, out);
    }
    std::string order;
    if (q.order == SearchOrder::kOldest) {
      order = " ORDER BY a.published = '', a.published, a.rowid";
    } else {
      order = " ORDER BY a.published DESC, a.rowid DESC";
    }
    // The page's rowids first, then the columns (the text's start) of
    // those rows only.
    sql = "SELECT " + cols + ", substr(a.text, 1, 160), 0, a.rowid FROM (SELECT "
          "a.rowid AS rid FROM articles a" + w.Sql() + order +
          LimitSql(q.limit, q.offset) +
          ") page JOIN articles a ON a.rowid = page.rid" + order;
    Statement st;
    s = st.Prepare(db_, sql);
    if (!s.ok()) return s;
    w.BindAll(&st);
    std::vector<int64_t> rowids;
    s = ReadHits(&st, out, &rowids);
    if (!s.ok() || fts.empty()) return s;
    // Sorted by date: snippets of the page's hits only.
    Statement snip;
    s = snip.Prepare(db_,
                     "SELECT snippet(articles_fts, -1, '[', ']', '...', 16), "
                     "rank FROM articles_fts WHERE articles_fts MATCH ? AND "
                     "rowid = ?");
    if (!s.ok()) return s;
    for (size_t i = 0; i < out->size(); ++i) {
      snip.Reset();
      snip.Bind(1, fts);
      snip.Bind(2, rowids[i]);
      if (snip.Step(&s)) {
        (*out)[i].snippet = snip.Text(0);
        (*out)[i].score = snip.Double(1);
      }
      if (!s.ok()) return s;
    }
    return s;
  }

  Status ReadHits(Statement* st, std::vector<SearchHit>* out,
                  std::vector<int64_t>* rowids = nullptr) {
    Status s;
    while (st->Step(&s)) {
      SearchHit h;
      h.id = st->Text(0);
      h.title = st->Text(1);
      h.outlet = st->Text(2);
      h.url = st->Text(3);
      h.source = st->Text(4);
      h.published = st->Text(5);
      h.story = st->Text(6);
      h.snippet = st->Text(7);
      h.score = st->Double(8);
      if (rowids != nullptr) rowids->push_back(st->Int(9));
      out->push_back(std::move(h));
    }
    return s;
  }

  // count(*) of `from` under `w` into *n.
  Status CountRows(const std::string& from, const Where& w, int64_t* n) {
    Statement st;
    Status s = st.Prepare(db_, "SELECT count(*) FROM " + from + w.Sql());
    if (!s.ok()) return s;
    w.BindAll(&st);
    *n = st.Step(&s) ? st.Int(0) : 0;
    return s;
  }

  // Runs `where(undated_only, &w)` twice: all matches, then (with a
  // period) the undated.
  template <typename W>
  Status Totals(const std::string& from, const Period& period, W&& where,
                ListTotals* out) {
    *out = ListTotals();
    return Timed([&] {
      Where all;
      Status s = where(false, &all);
      if (!s.ok()) return s;
      s = CountRows(from, all, &out->total);
      if (!s.ok() || (period.since.empty() && period.until.empty())) return s;
      Where undated;
      s = where(true, &undated);
      if (!s.ok()) return s;
      return CountRows(from, undated, &out->undated);
    });
  }

  Status Count(const SearchQuery& q, ListTotals* out) override {
    return Totals("articles a", q.period, [&](bool u, Where* w) {
      return SearchWhere(q, u, w);
    }, out);
  }

  Status Facets(const SearchQuery& q, SearchFacets* out) override {
    *out = SearchFacets();
    return Timed([&] {
      Where w;
      Status s = SearchWhere(q, false, &w);
      if (!s.ok()) return s;
      struct {
        const char* expr;
        const char* order;
        std::vector<FacetCount>* into;
      } facets[] = {
          {"a.outlet", "2 DESC, 1", &out->outlet},
          {"substr(a.published, 1, 4)", "1 DESC", &out->year},
      };
      for (auto& f : facets) {
        Statement st;
        s = st.Prepare(db_, std::string("SELECT ") + f.expr +
                                ", count(*) FROM articles a" + w.Sql() +
                                " GROUP BY 1 ORDER BY " + f.order + " LIMIT 20");
        if (!s.ok()) return s;
        w.BindAll(&st);
        while (st.Step(&s)) f.into->push_back({st.Text(0), st.Int(1)});
        if (!s.ok()) return s;
      }
      return s;
    });
  }

  Status Events(const EventQuery& q, std::vector<EventRow>* out) override {
    out->clear();
    return ForEachEvent(q, [&](const EventRow& r) {
      out->push_back(r);
      return true;
    });
  }

  // The filters of an event query over `events e`.
  Status EventWhere(const EventQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    if (q.actors.size() > 2) {
      return Status::InvalidArgument("--actor", "give at most two actor codes");
    }
    for (const std::string& a : q.actors) {
      if (a.empty() || a.size() > 15 ||
          !std::all_of(a.begin(), a.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
          })) {
        return Status::InvalidArgument(
            "--actor", "'" + a.substr(0, 40) +
                           "' is not a CAMEO actor code (upper-case "
                           "letters, digits, '-' for an unknown country, e.g. "
                           "RUS, RUSGOV, ---GOV)");
      }
    }
    if (!q.code.empty() &&
        (q.code.size() > 4 ||
         !std::all_of(q.code.begin(), q.code.end(),
                      [](char c) { return c >= '0' && c <= '9'; }))) {
      return Status::InvalidArgument(
          "--code", "'" + q.code.substr(0, 40) +
                        "' is not a CAMEO event code or root (digits, e.g. 04 "
                        "or 036)");
    }
    if (q.quad_class < 0 || q.quad_class > 4) {
      return Status::InvalidArgument("--quad", "quad class is 1, 2, 3 or 4");
    }
    if (q.actors.size() == 1) {
      w->Add("e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\'");
      w->Text(LikePrefix(q.actors[0]));
      w->Text(LikePrefix(q.actors[0]));
    } else if (q.actors.size() == 2) {
      w->Add(
          "(e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE "
          "'\\') OR (e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? "
          "ESCAPE '\\')");
      w->Text(LikePrefix(q.actors[0]));
      w->Text(LikePrefix(q.actors[1]));
      w->Text(LikePrefix(q.actors[1]));
      w->Text(LikePrefix(q.actors[0]));
    }
    if (!q.entity.empty()) {
      // The matching entities first (their name index), then their events
      // through events_article; names of actors with no entity are matched
      // on the events themselves.
      std::string names = NameQuery(q.entity);
      if (names.empty()) {
        w->Add("0");
      } else {
        w->Add(
            "e.rowid IN (SELECT ev.rowid FROM entities n CROSS JOIN events ev "
            "ON ev.article = n.article AND (ev.source_entity = n.eid OR "
            "ev.target_entity = n.eid) WHERE n.rowid IN (SELECT rowid FROM "
            "entities_fts WHERE entities_fts MATCH ?) UNION SELECT rowid FROM "
            "events WHERE source_name LIKE ? ESCAPE '\\' OR target_name LIKE ? "
            "ESCAPE '\\')");
        w->Text(names);
        w->Text(LikeContains(q.entity));
        w->Text(LikeContains(q.entity));
      }
    }
    if (!q.code.empty()) {
      w->Add("e.code LIKE ? ESCAPE '\\'");
      w->Text(LikePrefix(q.code));
    }
    if (q.quad_class != 0) {
      w->Add("e.quad_class = ?");
      w->Int(q.quad_class);
    }
    w->Period(q.period, "e.event_date", undated_only);
    return Status::OK();
  }

  Status Count(const EventQuery& q, ListTotals* out) override {
    return Totals("events e", q.period, [&](bool u, Where* w) {
      return EventWhere(q, u, w);
    }, out);
  }

  Status ForEachEvent(const EventQuery& q,
                      const std::function<bool(const EventRow&)>& fn) override {
    return Timed([&] { return EventList(q, fn); });
  }

  Status EventList(const EventQuery& q,
                   const std::function<bool(const EventRow&)>& fn) {
    Where w;
    Status s = EventWhere(q, false, &w);
    if (!s.ok()) return s;
    const char* order = " ORDER BY e.event_date = '', e.event_date, e.rowid";
    switch (q.order) {
      case EventOrder::kOldest:
        break;
      case EventOrder::kNewest:
        order = " ORDER BY e.event_date DESC, e.rowid DESC";
        break;
      case EventOrder::kGoldstein:
        order = " ORDER BY e.goldstein DESC, e.rowid";
        break;
      case EventOrder::kGoldsteinLow:
        order = " ORDER BY e.goldstein, e.rowid";
        break;
    }
    std::string sql =
        "SELECT a.id, a.title, a.published, a.url, a.outlet, e.source_name, "
        "e.source_code, e.source_entity, e.source_begin, e.source_end, "
        "e.has_target, e.target_name, e.target_code, e.target_entity, "
        "e.target_begin, e.target_end, e.code, e.root, e.quad_class, "
        "e.goldstein, e.date, e.location, e.negated, e.hypothetical, "
        "e.sentence_begin, e.sentence_end, e.trigger_begin, e.trigger_end, "
        "e.evidence, e.rowid, a.source, a.ingested_at, "
        "(instr(a.text, char(10) || char(10)) = 0 OR e.sentence_begin < "
        "instr(a.text, char(10) || char(10)))" + EventExtraColumns("e.") +
        " FROM "
        // The page's rowids first (filter and order on the events alone),
        // then the columns of those rows only: the lead test reads the
        // article's text, which for every match before the sort cost a
        // scan of every matching article.
        "(SELECT e.rowid AS rid FROM events e" +
        w.Sql() + order + LimitSql(q.limit, q.offset) +
        ") page JOIN events e ON e.rowid = page.rid JOIN articles a ON "
        "a.rowid = e.article" + order;
    Statement st;
    s = st.Prepare(db_, sql);
    if (!s.ok()) return s;
    w.BindAll(&st);
    while (st.Step(&s)) {
      EventRow r;
      r.article = st.Text(0);
      r.title = st.Text(1);
      r.published = st.Text(2);
      r.url = st.Text(3);
      r.outlet = st.Text(4);
      Event& e = r.event;
      e.source = {st.Text(5), st.Text(6), st.Text(7),
                  {static_cast<uint32_t>(st.Int(8)),
                   static_cast<uint32_t>(st.Int(9))}};
      e.has_target = st.Int(10) != 0;
      e.target = {st.Text(11), st.Text(12), st.Text(13),
                  {static_cast<uint32_t>(st.Int(14)),
                   static_cast<uint32_t>(st.Int(15))}};
      e.code = st.Text(16);
      e.root = st.Text(17);
      e.quad_class = static_cast<int>(st.Int(18));
      e.goldstein = st.Double(19);
      e.date = st.Text(20);
      e.location = st.Text(21);
      e.negated = st.Int(22) != 0;
      e.hypothetical = st.Int(23) != 0;
      e.sentence = {static_cast<uint32_t>(st.Int(24)),
                    static_cast<uint32_t>(st.Int(25))};
      e.trigger = {static_cast<uint32_t>(st.Int(26)),
                   static_cast<uint32_t>(st.Int(27))};
      e.evidence = st.Text(28);
      r.event_id = st.Int(29);
      r.source = st.Text(30);
      r.ingested_at = st.Text(31);
      r.in_lead = st.Int(32) != 0;
      ReadEventExtras([&](size_t k) { return st.Text(33 + static_cast<int>(k)); },
                      &e);
      if (!fn(r)) break;
    }
    return s;
  }

  // The filters of a quote query over `quotes q JOIN articles a`.
  Status QuoteWhere(const QuoteQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    if (!q.speaker.empty() && !q.speaker_contains) {
      // Exactly this speaker: the entity of that canonical id or name (any
      // case), or of that name in its article when not linked, or a speaker
      // named so without an entity.
      w->Add(
          "q.rowid IN (SELECT q2.rowid FROM entities n2 JOIN quotes q2 ON "
          "q2.article = n2.article AND q2.speaker = n2.eid WHERE "
          "n2.canonical_id = ? OR n2.canonical_name = ? COLLATE NOCASE OR "
          "(n2.canonical_name = '' AND n2.name = ? COLLATE NOCASE) "
          "UNION SELECT rowid FROM quotes WHERE speaker_name = ? COLLATE "
          "NOCASE AND speaker = '')");
      for (int i = 0; i < 4; ++i) w->Text(q.speaker);
    } else if (!q.speaker.empty()) {
      std::string names = NameQuery(q.speaker);
      if (names.empty()) {
        w->Add("0");
      } else {
        // Two indexed lookups (the speaker as named, the speaker's entity
        // by any of its names) rather than a LIKE scan of every quote.
        w->Add(
            "q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
            "UNION SELECT q2.rowid FROM entities n2 JOIN quotes q2 ON "
            "q2.article = n2.article AND q2.speaker = n2.eid WHERE n2.rowid IN "
            "(SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?))");
        w->Text("speaker_name : " + names);
        w->Text(names);
      }
    }
    if (!q.words.empty()) {
      if (CountTerms(q.words) > kMaxQueryTerms) {
        return Status::InvalidArgument(
            "words", "more than " + std::to_string(kMaxQueryTerms) + " terms");
      }
      s = CheckFts("quotes_fts", "text : (" + q.words + ")");
      if (!s.ok()) return s;
      w->Add("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)");
      // Only the quoted words, not the speaker column.
      w->Text("text : (" + q.words + ")");
    }
    w->Period(q.period, "a.published", undated_only);
    return Status::OK();
  }

  // The quotes joined to their articles: with no filter on the quotes,
  // articles first (their date index, in order), else the quotes first.
  static std::string QuoteFrom(const QuoteQuery& q) {
    if (!q.speaker.empty() || !q.words.empty()) {
      return "quotes q JOIN articles a ON a.rowid = q.article";
    }
    return "articles a CROSS JOIN quotes q ON q.article = a.rowid";
  }

  Status Count(const QuoteQuery& q, ListTotals* out) override {
    if (q.speaker.empty() && q.words.empty() && q.period.since.empty() &&
        q.period.until.empty()) {
      return Totals("quotes q", q.period, [&](bool u, Where* w) {
        return QuoteWhere(q, u, w);
      }, out);
    }
    return Totals(QuoteFrom(q), q.period,
                  [&](bool u, Where* w) { return QuoteWhere(q, u, w); }, out);
  }

  Status Quotes(const QuoteQuery& q, std::vector<QuoteRow>* out) override {
    out->clear();
    return Timed([&] { return QuoteList(q, out); });
  }

  Status QuoteList(const QuoteQuery& q, std::vector<QuoteRow>* out) {
    Where w;
    Status s = QuoteWhere(q, false, &w);
    if (!s.ok()) return s;
    std::string sql =
        "SELECT a.id, a.title, a.published, a.outlet, coalesce(" +
        EntityKey("n") + ", ''), "
        "q.text, q.kind, q.cue, q.speaker, q.speaker_name, q.begin, q.end, "
        "q.cue_begin, q.cue_end, q.speaker_begin, q.speaker_end, "
        "q.sentence_begin, q.sentence_end FROM (SELECT q.rowid AS rid FROM " +
        QuoteFrom(q) + w.Sql() + " ORDER BY a.published DESC, q.rowid" +
        LimitSql(q.limit, q.offset) +
        ") page JOIN quotes q ON q.rowid = page.rid JOIN articles a ON "
        "a.rowid = q.article LEFT JOIN entities n ON n.article = q.article "
        "AND n.eid = q.speaker ORDER BY a.published DESC, q.rowid";
    Statement st;
    s = st.Prepare(db_, sql);
    if (!s.ok()) return s;
    w.BindAll(&st);
    auto span = [&](int c) {
      return Span{static_cast<uint32_t>(st.Int(c)),
                  static_cast<uint32_t>(st.Int(c + 1))};
    };
    while (st.Step(&s)) {
      QuoteRow r;
      r.article = st.Text(0);
      r.title = st.Text(1);
      r.published = st.Text(2);
      r.outlet = st.Text(3);
      r.speaker_entity_name = st.Text(4);
      r.text = st.Text(5);
      r.quote.kind = st.Text(6);
      r.quote.cue = st.Text(7);
      r.quote.speaker = st.Text(8);
      r.quote.speaker_name = st.Text(9);
      r.quote.span = span(10);
      r.quote.cue_span = span(12);
      r.quote.speaker_span = span(14);
      r.quote.sentence = span(16);
      out->push_back(std::move(r));
    }
    return s;
  }

  // The filters of an entity query over `entities n`.
  Status EntityWhere(const EntityQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    if (!q.type.empty() && q.type != "PER" && q.type != "ORG" &&
        q.type != "LOC" && q.type != "MISC") {
      return Status::InvalidArgument(
          "--type", "'" + q.type.substr(0, 40) + "' is not PER, ORG, LOC or MISC");
    }
    if (!q.type.empty()) {
      w->Add("n.type = ?");
      w->Text(q.type);
    }
    if (!q.canonical.empty()) {
      w->Add("n.canonical_id = ?");
      w->Text(q.canonical);
    }
    if (!q.name.empty()) {
      std::string names = NameQuery(q.name);
      if (names.empty()) {
        w->Add("0");
      } else {
        w->Add("n.rowid IN (SELECT rowid FROM entities_fts WHERE entities_fts "
               "MATCH ?)");
        w->Text("name : " + names);
      }
    }
    // A period picks the articles first (index on published).
    Where a;
    a.Period(q.period, "published", undated_only);
    if (!a.Sql().empty()) {
      w->Add("n.article IN (SELECT rowid FROM articles" + a.Sql() + ")");
      a.MoveValuesTo(w);
    }
    return Status::OK();
  }

  Status Count(const EntityQuery& q, ListTotals* out) override {
    if (UsesTotals(q)) {
      return Totals("entity_totals n", q.period, [&](bool u, Where* w) {
        return EntityWhere(q, u, w);
      }, out);
    }
    return Totals(
        "(SELECT 1 FROM entities n", q.period,
        [&](bool u, Where* w) {
          Status s = EntityWhere(q, u, w);
          w->Suffix(" GROUP BY " + EntityKey("n") + ", n.type)");
          return s;
        },
        out);
  }

  // True when an entity query can be read from entity_totals.
  bool UsesTotals(const EntityQuery& q) const {
    return has_entity_totals_ && q.name.empty() && q.canonical.empty() &&
           q.period.since.empty() &&
           q.period.until.empty();
  }

  Status Entities(const EntityQuery& q, std::vector<EntityCount>* out) override {
    out->clear();
    return Timed([&] {
      Where w;
      Status s = EntityWhere(q, false, &w);
      if (!s.ok()) return s;
      const std::string key = EntityKey("n");
      std::string sql =
          UsesTotals(q)
              ? "SELECT n.name, n.type, n.country, n.articles, n.mentions, "
                "n.canonical_id FROM entity_totals n" + w.Sql() +
                    " ORDER BY n.articles DESC, n.name" +
                    LimitSql(q.limit, q.offset)
              : "SELECT " + key + " AS k, n.type, max(n.country), count(*) AS "
                "arts, sum(n.mention_count), max(n.canonical_id) FROM "
                "entities n" + w.Sql() + " GROUP BY k, n.type ORDER BY arts "
                "DESC, k" + LimitSql(q.limit, q.offset);
      Statement st;
      s = st.Prepare(db_, sql);
      if (!s.ok()) return s;
      w.BindAll(&st);
      while (st.Step(&s)) {
        out->push_back({st.Text(0), st.Text(1), st.Text(2), st.Int(3),
                        st.Int(4), st.Text(5)});
      }
      return s;
    });
  }

  // The filters of a story query over `articles a` (grouped by story).
  Status StoryWhere(const StoryQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    w->Period(q.period, "a.published", undated_only);
    if (!q.query.empty()) {
      if (CountTerms(q.query) > kMaxQueryTerms) {
        return Status::InvalidArgument(
            "query", "more than " + std::to_string(kMaxQueryTerms) + " terms");
      }
      s = CheckFts("articles_fts", q.query);
      if (!s.ok()) return s;
      w->Add(
          "a.story IN (SELECT m.story FROM articles m WHERE m.rowid IN "
          "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))");
      w->Text(q.query);
    }
    return Status::OK();
  }

  Status Count(const StoryQuery& q, ListTotals* out) override {
    return Totals(
        "(SELECT count(*) AS c FROM articles a", q.period,
        [&](bool u, Where* w) {
          Status s = StoryWhere(q, u, w);
          w->Suffix(" GROUP BY a.story HAVING c >= " +
                    std::to_string(std::max<size_t>(1, q.min_size)) + ")");
          return s;
        },
        out);
  }

  Status Stories(const StoryQuery& q, std::vector<StoryRow>* out) override {
    out->clear();
    return Timed([&] { return StoryList(q, out); });
  }

  Status StoryList(const StoryQuery& q, std::vector<StoryRow>* out) {
    Where w;
    Status s = StoryWhere(q, false, &w);
    if (!s.ok()) return s;
    std::string sql =
        "SELECT a.story, count(*) AS c, min(a.published), max(a.published) "
        "FROM articles a" +
        w.Sql() + " GROUP BY a.story HAVING c >= ? ORDER BY c DESC, a.story" +
        LimitSql(q.limit, q.offset);
    Statement st;
    s = st.Prepare(db_, sql);
    if (!s.ok()) return s;
    int next = w.BindAll(&st);
    st.Bind(next, static_cast<int64_t>(std::max<size_t>(1, q.min_size)));
    while (st.Step(&s)) {
      StoryRow r;
      r.story = st.Text(0);
      r.size = st.Int(1);
      r.first_published = st.Text(2);
      r.last_published = st.Text(3);
      out->push_back(std::move(r));
    }
    if (!s.ok()) return s;
    Statement members;
    s = members.Prepare(db_,
                        "SELECT id, title, outlet, url, source FROM articles "
                        "WHERE story = ? ORDER BY published, rowid");
    if (!s.ok()) return s;
    for (StoryRow& r : *out) {
      members.Reset();
      members.Bind(1, r.story);
      std::set<std::string> seen;
      while (members.Step(&s)) {
        r.members.push_back(members.Text(0));
        if (r.title.empty()) r.title = members.Text(1);
        std::string outlet = members.Text(2);
        if (outlet.empty()) outlet = HostOf(members.Text(3));
        if (outlet.empty()) outlet = "-";
        if (seen.insert(outlet).second) r.outlets.push_back(outlet);
      }
      if (!s.ok()) return s;
    }
    return s;
  }

  Status Timeline(const TimelineQuery& q, TimelineResult* out) override {
    *out = TimelineResult();
    return Timed([&] {
      SearchQuery sq;
      sq.query = q.query;
      sq.plain = q.plain;
      sq.period = q.period;
      sq.period.include_undated = false;
      size_t width = q.bucket == TimeBucket::kDay     ? 10
                     : q.bucket == TimeBucket::kMonth ? 7
                                                      : 4;
      for (bool undated : {false, true}) {
        Where w;
        Status s = SearchWhere(sq, undated, &w);
        if (!s.ok()) return s;
        // One pass over the matching articles; quotes and events counted
        // through their article index.
        std::string sql =
            "SELECT substr(a.published, 1, " + std::to_string(width) +
            ") AS p, count(*), sum((SELECT count(*) FROM quotes q WHERE "
            "q.article = a.rowid)), sum((SELECT count(*) FROM events e WHERE "
            "e.article = a.rowid)) FROM articles a" +
            w.Sql() + " GROUP BY p ORDER BY p";
        Statement st;
        s = st.Prepare(db_, sql);
        if (!s.ok()) return s;
        w.BindAll(&st);
        while (st.Step(&s)) {
          TimelinePoint pt{st.Text(0), st.Int(1), st.Int(2), st.Int(3)};
          if (undated) {
            out->undated.articles += pt.articles;
            out->undated.quotes += pt.quotes;
            out->undated.events += pt.events;
          } else if (pt.period.size() == width) {
            out->points.push_back(std::move(pt));
          } else {
            // A date shorter than the bucket ("2023" by month): kept in
            // its own, coarser period, so no article is lost.
            out->points.push_back(std::move(pt));
          }
        }
        if (!s.ok()) return s;
      }
      return Status::OK();
    });
  }

  Status Network(const NetworkQuery& q, std::vector<NetworkEdge>* out) override {
    out->clear();
    return Timed([&] {
      EventQuery eq;
      eq.period = q.period;
      eq.quad_class = q.quad_class;
      Where w;
      Status s = EventWhere(eq, false, &w);
      if (!s.ok()) return s;
      w.Add("e.has_target = 1 AND e.source_code != '' AND e.target_code != ''");
      const std::string src = q.by_country ? "substr(e.source_code, 1, 3)" : "e.source_code";
      const std::string tgt = q.by_country ? "substr(e.target_code, 1, 3)" : "e.target_code";
      std::string sql = "SELECT " + src + " AS s, " + tgt +
                        " AS t, count(*) AS c, avg(e.goldstein) FROM events e" +
                        w.Sql() + " GROUP BY s, t ORDER BY c DESC, s, t" +
                        LimitSql(q.limit, 0);
      Statement st;
      s = st.Prepare(db_, sql);
      if (!s.ok()) return s;
      w.BindAll(&st);
      while (st.Step(&s)) {
        out->push_back({st.Text(0), st.Text(1), st.Int(2), st.Double(3)});
      }
      return s;
    });
  }

  Status Places(const EventQuery& q, std::vector<PlaceCount>* out) override {
    out->clear();
    return Timed([&] {
      Where w;
      Status s = EventWhere(q, false, &w);
      if (!s.ok()) return s;
      w.Add("e.location != ''");
      std::string sql = std::string("SELECT e.location, count(*) AS c, ") +
                        kPlaceColumns + " FROM events e" + w.Sql() +
                        " GROUP BY e.location, " + kPlaceColumns +
                        " ORDER BY c DESC, 1, e.geo_id" +
                        LimitSql(q.limit, q.offset);
      Statement st;
      s = st.Prepare(db_, sql);
      if (!s.ok()) return s;
      w.BindAll(&st);
      while (st.Step(&s)) {
        PlaceCount pc{st.Text(0), st.Int(1), {}};
        ReadPlaceGeo([&](int k) { return st.Text(2 + k); }, &pc.geo);
        out->push_back(std::move(pc));
      }
      return s;
    });
  }

  Status Profile(const std::string& name, const std::string& type,
                EntityProfile* out) override {
    *out = EntityProfile();
    return Timed([&]() -> Status {
      if (!type.empty() && type != "PER" && type != "ORG" && type != "LOC" &&
          type != "MISC") {
        return Status::InvalidArgument(
            "--type", "'" + type.substr(0, 40) + "' is not PER, ORG, LOC or MISC");
      }
      // The entity rows of this exact name (any case), the most common type
      // unless one is given.
      Statement st;
      Status s = st.Prepare(
          db_,
          "SELECT " + EntityKey("n") + " AS k, n.type, max(n.country), "
          "count(*), sum(n.mention_count) FROM entities n WHERE " +
              kEntityNamed + " AND (?2 = '' OR n.type = ?2) GROUP BY k, "
              "n.type ORDER BY count(*) DESC LIMIT 1");
      if (!s.ok()) return s;
      st.Bind(1, name);
      st.Bind(2, type);
      if (!st.Step(&s)) {
        if (!s.ok()) return s;
        return Status::NotFound("entity '" + name.substr(0, 100) + "'",
                                "no entity of that name in the archive");
      }
      out->name = st.Text(0);
      out->type = st.Text(1);
      out->country = st.Text(2);
      out->articles = st.Int(3);
      out->mentions = st.Int(4);
      const char* kOf =
          "FROM entities n JOIN %s x ON x.article = n.article AND x.%s = n.eid "
          "WHERE %s AND n.type = ?2";
      struct {
        const char* table;
        const char* column;
        int64_t* value;
      } counts[] = {{"quotes", "speaker", &out->quotes},
                    {"events", "source_entity", &out->events_as_source},
                    {"events", "target_entity", &out->events_as_target}};
      for (auto& c : counts) {
        char sql[600];
        std::snprintf(sql, sizeof sql, kOf, c.table, c.column, kEntityNamed);
        Statement cs;
        s = cs.Prepare(db_, std::string("SELECT count(*) ") + sql);
        if (!s.ok()) return s;
        cs.Bind(1, out->name);
        cs.Bind(2, out->type);
        *c.value = cs.Step(&s) ? cs.Int(0) : 0;
        if (!s.ok()) return s;
      }
      // Other names: the aliases the resolver gave its rows, most common
      // first.
      Statement al;
      s = al.Prepare(db_,
                     std::string("SELECT n.aliases || char(31) || n.name "
                                 "FROM entities n WHERE ") +
                         kEntityNamed + " AND n.type = ?2 LIMIT 2000");
      if (!s.ok()) return s;
      al.Bind(1, out->name);
      al.Bind(2, out->type);
      std::map<std::string, int> seen;
      while (al.Step(&s)) {
        std::string list = al.Text(0);
        size_t b = 0;
        while (b <= list.size()) {
          size_t e = list.find('\x1f', b);
          if (e == std::string::npos) e = list.size();
          std::string a = list.substr(b, e - b);
          if (!a.empty() && a != out->name) ++seen[a];
          b = e + 1;
        }
      }
      if (!s.ok()) return s;
      std::vector<std::pair<int, std::string>> order;
      for (auto& [a, n] : seen) order.push_back({-n, a});
      std::sort(order.begin(), order.end());
      for (size_t i = 0; i < order.size() && i < 50; ++i) {
        out->aliases.push_back(order[i].second);
      }
      return Status::OK();
    });
  }

  Status StoryMembers(const std::string& story,
                      std::vector<StoryMember>* out) override {
    out->clear();
    return Timed([&]() -> Status {
      Statement st;
      Status s = st.Prepare(
          db_,
          "SELECT id, title, outlet, url, source, published, substr(text, 1, "
          "600) FROM articles WHERE story = ? ORDER BY published = '', "
          "published, rowid LIMIT 500");
      if (!s.ok()) return s;
      st.Bind(1, story);
      while (st.Step(&s)) {
        out->push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3),
                        st.Text(4), st.Text(5), st.Text(6)});
      }
      if (!s.ok()) return s;
      if (out->empty()) return Status::NotFound("story '" + story.substr(0, 100) + "'", "no such story");
      return Status::OK();
    });
  }

  Status Stats(ArchiveStats* out) override {
    *out = ArchiveStats();
    struct {
      const char* sql;
      int64_t* value;
    } counts[] = {
        {"SELECT count(*) FROM articles", &out->articles},
        {"SELECT count(*), coalesce(sum(c), 0) FROM (SELECT count(*) AS c "
         "FROM articles GROUP BY story HAVING c > 1)",
         &out->stories},
        {"SELECT count(*) FROM entities", &out->entities},
        {"SELECT count(*) FROM mentions", &out->mentions},
        {"SELECT count(*) FROM quotes", &out->quotes},
        {"SELECT count(*) FROM events", &out->events},
    };
    for (auto& c : counts) {
      Statement st;
      Status s = st.Prepare(db_, c.sql);
      if (!s.ok()) return s;
      if (st.Step(&s)) {
        *c.value = st.Int(0);
        if (c.value == &out->stories) out->duplicate_articles = st.Int(1);
      }
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status ForEachRecord(
      const SearchQuery& q,
      const std::function<bool(const std::string&)>& fn) override {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    Where w;
    if (!q.query.empty()) {
      s = CheckFts("articles_fts", q.query);
      if (!s.ok()) return s;
      w.Add("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
      w.Text(q.query);
    }
    w.Period(q.period, "a.published");
    if (!q.outlet.empty()) {
      w.Add("a.outlet = ? COLLATE NOCASE");
      w.Text(q.outlet);
    }
    if (!q.story.empty()) {
      w.Add("a.story = ?");
      w.Text(q.story);
    }
    std::string sql = "SELECT a.record, a.story FROM articles a" + w.Sql() +
                      " ORDER BY a.published, a.rowid";
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    Statement st;
    s = st.Prepare(db_, sql);
    if (!s.ok()) return s;
    w.BindAll(&st);
    std::string line;
    while (st.Step(&s)) {
      Status u = UnpackRecord(st.BlobView(0), &line);
      if (!u.ok()) return Status::Corruption(path_, u.message());
      if (!line.empty() && line.back() == '}') {
        // Story ids are hex: no escaping needed.
        line.pop_back();
        line += ",\"story\":\"" + st.Text(1) + "\"}";
      }
      if (!fn(line)) break;
    }
    return s;
  }

  Status ForEachContentHash(
      const std::function<void(const std::string&, const std::string&)>& fn)
      override {
    Statement st;
    Status s = st.Prepare(db_, "SELECT content_hash, source FROM articles");
    if (!s.ok()) return s;
    while (st.Step(&s)) fn(st.Text(0), st.Text(1));
    return s;
  }

  Status StoryOf(const std::string& id, std::string* story) override {
    Statement st;
    Status s = st.Prepare(db_, "SELECT story FROM articles WHERE id = ?");
    if (!s.ok()) return s;
    st.Bind(1, id);
    if (st.Step(&s)) {
      *story = st.Text(0);
      return Status::OK();
    }
    if (!s.ok()) return s;
    return Status::NotFound(id, "no such article");
  }

  Status Record(const std::string& id, std::string* record) override {
    record->clear();
    Statement st;
    Status s = st.Prepare(db_, "SELECT record, story FROM articles WHERE id = ?");
    if (!s.ok()) return s;
    st.Bind(1, id);
    if (!st.Step(&s)) {
      if (!s.ok()) return s;
      return Status::NotFound(id, "no such article");
    }
    s = UnpackRecord(st.BlobView(0), record);
    if (!s.ok()) return Status::Corruption(path_, s.message());
    if (!record->empty() && record->back() == '}') {
      // Story ids are hex: no escaping needed.
      record->pop_back();
      *record += ",\"story\":\"" + st.Text(1) + "\"}";
    }
    return Status::OK();
  }

  void RestartBudget() override {
    shared_budget_ = true;
    shared_deadline_ = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(options_.query_timeout_ms);
  }

  Status Version(int64_t* version) override {
    *version = 0;
    if (!version_.prepared()) {
      Status s = version_.Prepare(db_, "PRAGMA data_version");
      if (!s.ok()) return s;
    }
    version_.Reset();
    Status s;
    if (version_.Step(&s)) *version = version_.Int(0);
    version_.Reset();
    return s;
  }

  Status CheckIntegrity() override {
    Statement st;
    Status s = st.Prepare(db_, "PRAGMA integrity_check");
    if (!s.ok()) return s;
    std::string report;
    while (st.Step(&s)) {
      if (!report.empty()) report += "; ";
      report += st.Text(0);
    }
    if (!s.ok()) return s;
    if (report != "ok") return Status::Corruption(path_, report);
    return Status::OK();
  }

 private:
  // Runs the FTS5 query `q` on `table` once, so that a malformed query is
  // reported as the user's error (InvalidArgument) before the real query.
  Status CheckFts(const char* table, const std::string& q) {
    Statement st;
    Status s = st.Prepare(db_, std::string("SELECT 1 FROM ") + table +
                                   " WHERE " + table + " MATCH ? LIMIT 1");
    if (!s.ok()) return s;
    st.Bind(1, q);
    st.Step(&s);
    if (s.ok()) return s;
    std::string msg = s.message();
    if (msg.starts_with("archive: ")) msg.erase(0, 9);
    if (msg.starts_with("fts5: ")) msg.erase(0, 6);
    if (msg.find("locked") != std::string::npos) return s;
    return Status::InvalidArgument(
        "bad full-text query '" + q + "'",
        msg + " (use words, \"a phrase\", OR, NOT, NEAR(a b), prefix*; put "
              "other punctuation inside double quotes)");
  }

  Status Named(const Status& s) {
    if (s.ok()) return s;
    return Status::IOError(path_, s.message());
  }
  Status NotArchive(const Status& s) {
    if (s.message().find("not a dateline archive") != std::string::npos ||
        s.message().find("file is not a database") != std::string::npos) {
      return Status::IOError(path_, "not a dateline archive");
    }
    return Named(s);
  }

  Status PrepareWrites() {
    std::string marks;
    for (size_t i = 0; i < kEventExtraCount; ++i) marks += ",?";
    const std::string insert_event =
        "INSERT INTO events(article, source_name, source_code, "
        "source_entity, source_begin, source_end, has_target, target_name, "
        "target_code, target_entity, target_begin, target_end, code, root, "
        "quad_class, goldstein, date, location, negated, hypothetical, "
        "sentence_begin, sentence_end, trigger_begin, trigger_end, evidence, "
        "event_date" + EventExtraColumns("") + ") VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?" + marks + ")";
    struct {
      Statement* st;
      const char* sql;
    } stmts[] = {
        {&find_hash_,
         "SELECT story, rowid, id, url, page_key FROM articles "
         "WHERE content_hash = ? LIMIT 1"},
        {&find_key_, "SELECT rowid FROM articles WHERE page_key = ?"},
        {&find_id_, "SELECT rowid FROM articles WHERE id = ?"},
        {&lsh_find_, "SELECT article FROM lsh WHERE band_key = ?"},
        {&cand_,
         "SELECT story, minhash, published FROM articles WHERE rowid = ?"},
        {&ins_article_,
         "INSERT INTO articles(id, page_key, content_hash, url, outlet, title, "
         "published, language, authors, datelines, tags, text, source, story, "
         "shingles, minhash, record, captions) VALUES "
         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
        {&ins_entity_,
         "INSERT OR IGNORE INTO entities(article, eid, name, type, country, "
         "government, roles, aliases, mention_count, canonical_id, "
         "canonical_name) VALUES (?,?,?,?,?,?,?,?,?,?,?)"},
        {&ins_mention_,
         "INSERT INTO mentions(article, eid, begin, end, government, "
         "canonical_id) VALUES (?,?,?,?,?,?)"},
        {&ins_quote_,
         "INSERT INTO quotes(article, text, kind, cue, speaker, speaker_name, "
         "begin, end, cue_begin, cue_end, speaker_begin, speaker_end, "
         "sentence_begin, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
        {&ins_event_, insert_event.c_str()},
        {&ins_lsh_,
         "INSERT OR IGNORE INTO lsh(band_key, article) VALUES (?, ?)"},
        {&del_lsh_, "DELETE FROM lsh WHERE band_key = ? AND article = ?"},
    };
    for (auto& p : stmts) {
      Status s = p.st->Prepare(db_, p.sql);
      if (!s.ok()) return Named(s);
    }
    const char* kDeletes[] = {
        "DELETE FROM entities WHERE article = ?",
        "DELETE FROM mentions WHERE article = ?",
        "DELETE FROM quotes WHERE article = ?",
        "DELETE FROM events WHERE article = ?",
        "DELETE FROM articles WHERE rowid = ?",
    };
    for (size_t i = 0; i < deletes_.size(); ++i) {
      Status s = deletes_[i].Prepare(db_, kDeletes[i]);
      if (!s.ok()) return Named(s);
    }
    return Status::OK();
  }

  Status DeleteArticle(int64_t rowid) {
    // The LSH rows: recompute the band keys from the stored signature (an
    // index on lsh(article) would cost as much space as lsh itself).
    cand_.Reset();
    cand_.Bind(1, rowid);
    Status s;
    std::vector<uint32_t> sig;
    if (cand_.Step(&s)) sig = cand_.Blob32(1);
    cand_.Reset();
    if (!s.ok()) return s;
    for (int64_t key : BandKeys(sig)) {
      del_lsh_.Reset();
      del_lsh_.Bind(1, key);
      del_lsh_.Bind(2, rowid);
      s = del_lsh_.Run();
      if (!s.ok()) return s;
    }
    for (Statement& d : deletes_) {
      d.Reset();
      d.Bind(1, rowid);
      Status s = d.Run();
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  // Finds the rowid for `value` with `st` (one bound text); 0 if none.
  Status FindRow(Statement* st, const std::string& value, int64_t* rowid) {
    *rowid = 0;
    st->Reset();
    st->Bind(1, value);
    Status s;
    if (st->Step(&s)) *rowid = st->Int(0);
    st->Reset();
    return s;
  }

  // Returns the story of the closest archived near-duplicate, "" if none.
  Status FindStory(const std::vector<uint32_t>& sig,
                   const std::vector<int64_t>& bands,
                   const std::string& published, std::string* story) {
    const int64_t day = DayNumber(published);
    story->clear();
    std::set<int64_t> candidates;
    Status s;
    for (int64_t key : bands) {
      lsh_find_.Reset();
      lsh_find_.Bind(1, key);
      while (lsh_find_.Step(&s)) {
        candidates.insert(lsh_find_.Int(0));
        if (candidates.size() > 2000) break;  // a degenerate band
      }
      lsh_find_.Reset();
      if (!s.ok()) return s;
    }
    double best = -1;
    for (int64_t c : candidates) {
      cand_.Reset();
      cand_.Bind(1, c);
      if (cand_.Step(&s)) {
        std::vector<uint32_t> other = cand_.Blob32(1);
        const int64_t other_day = DayNumber(cand_.Text(2));
        const bool far = options_.story_max_days > 0 && day >= 0 &&
                         other_day >= 0 &&
                         std::llabs(day - other_day) > options_.story_max_days;
        if (!far && SameStory(sig, other, rule_)) {
          Similarity sim = EstimateSimilarity(sig, other);
          double score = std::max(sim.jaccard, sim.containment * 0.999);
          if (score > best) {
            best = score;
            *story = cand_.Text(0);
          }
        }
      }
      cand_.Reset();
      if (!s.ok()) return s;
    }
    return s;
  }

  Status PutInGroup(const Document& doc, const PutKey& key,
                    const std::vector<uint32_t>& given_sig,
                    const std::string& record, PutOutcome* outcome,
                    std::string* story) {
    Status s;
    *outcome = PutOutcome::kAdded;
    // The same page again: nothing to do, unless this is another copy of
    // it that is preferred to the archived one (PreferredCopy).
    find_hash_.Reset();
    find_hash_.Bind(1, key.content_hash);
    if (find_hash_.Step(&s)) {
      const int64_t copy = find_hash_.Int(1);
      const bool same = find_hash_.Text(2) == doc.id ||
                        find_hash_.Text(4) == key.key;
      if (same || !PreferredCopy(doc.url, doc.id, find_hash_.Text(3),
                                 find_hash_.Text(2))) {
        *story = find_hash_.Text(0);
        find_hash_.Reset();
        *outcome = PutOutcome::kUnchanged;
        return Status::OK();
      }
      find_hash_.Reset();
      s = DeleteArticle(copy);
      if (!s.ok()) return s;
      *outcome = PutOutcome::kReplaced;
    }
    find_hash_.Reset();
    if (!s.ok()) return s;
    int64_t old = 0;
    s = FindRow(&find_key_, key.key, &old);
    if (!s.ok()) return s;
    if (old != 0) {
      s = DeleteArticle(old);
      if (!s.ok()) return s;
      *outcome = PutOutcome::kReplaced;
    }
    s = FindRow(&find_id_, doc.id, &old);
    if (!s.ok()) return s;
    if (old != 0) {
      s = DeleteArticle(old);
      if (!s.ok()) return s;
      *outcome = PutOutcome::kReplaced;
    }
    std::vector<uint32_t> sig =
        given_sig.empty() ? MinHashSignature(doc.text) : given_sig;
    std::vector<int64_t> bands = BandKeys(sig);
    s = FindStory(sig, bands, doc.published, story);
    if (!s.ok()) return s;
    if (story->empty()) *story = doc.id;

    Statement& a = ins_article_;
    a.Reset();
    a.Bind(1, doc.id);
    a.Bind(2, key.key);
    a.Bind(3, key.content_hash);
    a.Bind(4, doc.url);
    a.Bind(5, doc.outlet);
    a.Bind(6, doc.title);
    a.Bind(7, doc.published);
    a.Bind(8, doc.language);
    a.Bind(9, JoinList(doc.authors));
    a.Bind(10, JoinList(doc.datelines));
    a.Bind(11, JoinList(doc.tags));
    a.Bind(12, doc.text);
    a.Bind(13, doc.source);
    a.Bind(14, *story);
    a.Bind(15, static_cast<int64_t>(sig.empty() ? 0 : sig.back()));
    if (sig.empty()) {
      a.BindNull(16);
    } else {
      a.BindBlob(16, sig.data(), sig.size() * sizeof(uint32_t));
    }
    std::string packed;
    s = PackRecord(record, &packed);
    if (!s.ok()) return s;
    a.BindBlob(17, packed.data(), packed.size());
    std::string captions;
    for (const Caption& c : doc.captions) {
      if (!captions.empty()) captions.push_back('\n');
      captions += c.text;
    }
    a.Bind(18, captions);
    s = a.Run();
    if (!s.ok()) return s;
    const int64_t row = sqlite3_last_insert_rowid(db_);

    for (const Entity& e : doc.entities) {
      Statement& st = ins_entity_;
      st.Reset();
      st.Bind(1, row);
      st.Bind(2, e.id);
      st.Bind(3, e.name);
      st.Bind(4, e.type);
      st.Bind(5, e.country);
      st.Bind(6, e.government);
      st.Bind(7, JoinList(e.roles));
      st.Bind(8, JoinList(e.aliases));
      st.Bind(9, static_cast<int64_t>(e.mentions.size()));
      st.Bind(10, e.canonical_id);
      st.Bind(11, e.canonical_name);
      s = st.Run();
      if (!s.ok()) return s;
      for (int gov = 0; gov < 2; ++gov) {
        for (const Span& m : gov ? e.government_mentions : e.mentions) {
          Statement& mt = ins_mention_;
          mt.Reset();
          mt.Bind(1, row);
          mt.Bind(2, e.id);
          mt.Bind(3, static_cast<int64_t>(m.begin));
          mt.Bind(4, static_cast<int64_t>(m.end));
          mt.Bind(5, static_cast<int64_t>(gov));
          mt.Bind(6, e.canonical_id);
          s = mt.Run();
          if (!s.ok()) return s;
        }
      }
    }
    for (const Quote& q : doc.quotes) {
      Statement& st = ins_quote_;
      st.Reset();
      st.Bind(1, row);
      st.Bind(2, Slice(doc.text, q.span));
      st.Bind(3, q.kind);
      st.Bind(4, q.cue);
      st.Bind(5, q.speaker);
      st.Bind(6, q.speaker_name);
      int i = 7;
      for (const Span& sp : {q.span, q.cue_span, q.speaker_span, q.sentence}) {
        st.Bind(i++, static_cast<int64_t>(sp.begin));
        st.Bind(i++, static_cast<int64_t>(sp.end));
      }
      s = st.Run();
      if (!s.ok()) return s;
    }
    for (const Event& e : doc.events) {
      Statement& st = ins_event_;
      st.Reset();
      st.Bind(1, row);
      st.Bind(2, e.source.name);
      st.Bind(3, e.source.code);
      st.Bind(4, e.source.entity);
      st.Bind(5, static_cast<int64_t>(e.source.span.begin));
      st.Bind(6, static_cast<int64_t>(e.source.span.end));
      st.Bind(7, static_cast<int64_t>(e.has_target));
      st.Bind(8, e.target.name);
      st.Bind(9, e.target.code);
      st.Bind(10, e.target.entity);
      st.Bind(11, static_cast<int64_t>(e.target.span.begin));
      st.Bind(12, static_cast<int64_t>(e.target.span.end));
      st.Bind(13, e.code);
      st.Bind(14, e.root);
      st.Bind(15, static_cast<int64_t>(e.quad_class));
      st.Bind(16, e.goldstein);
      st.Bind(17, e.date);
      st.Bind(18, e.location);
      st.Bind(19, static_cast<int64_t>(e.negated));
      st.Bind(20, static_cast<int64_t>(e.hypothetical));
      st.Bind(21, static_cast<int64_t>(e.sentence.begin));
      st.Bind(22, static_cast<int64_t>(e.sentence.end));
      st.Bind(23, static_cast<int64_t>(e.trigger.begin));
      st.Bind(24, static_cast<int64_t>(e.trigger.end));
      st.Bind(25, e.evidence);
      // The date filters use the event's own date, else the article's.
      st.Bind(26, e.date.empty() ? doc.published : e.date);
      int k = 27;
      for (const std::string& v : EventExtraValues(e)) st.Bind(k++, v);
      s = st.Run();
      if (!s.ok()) return s;
    }
    for (int64_t k : bands) {
      ins_lsh_.Reset();
      ins_lsh_.Bind(1, k);
      ins_lsh_.Bind(2, row);
      s = ins_lsh_.Run();
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  sqlite3* db_;
  std::string path_;
  ArchiveOptions options_;
  StoryRule rule_;
  bool in_group_ = false;
  // The running query's deadline (Timed) and whether it was reached.
  std::chrono::steady_clock::time_point deadline_;
  bool timed_out_ = false;
  bool has_entity_totals_ = false;
  bool shared_budget_ = false;  // RestartBudget was called
  std::chrono::steady_clock::time_point shared_deadline_;
  Statement find_hash_, find_key_, find_id_, lsh_find_, cand_;
  Statement ins_article_, ins_entity_, ins_mention_, ins_quote_, ins_event_,
      ins_lsh_;
  Statement del_lsh_;
  Statement version_;
  std::array<Statement, 5> deletes_;
};

}  // namespace

bool PreferredCopy(const std::string& url, const std::string& id,
                   const std::string& other_url, const std::string& other_id) {
  if (url.empty() != other_url.empty()) return !url.empty();
  return id < other_id;
}

std::string PlainTextQuery(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' ||
                               text[i] == '\n' || text[i] == '\r')) {
      ++i;
    }
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' &&
           text[i] != '\n' && text[i] != '\r') {
      ++i;
    }
    std::string_view word(text.data() + b, i - b);
    if (CountTerms(word) == 0) continue;  // punctuation alone: no term
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    for (char c : word) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

std::vector<uint32_t> Archive::Signature(const std::string& text) {
  return MinHashSignature(text);
}

Status Archive::Open(const std::string& path, const ArchiveOptions& options,
                     std::unique_ptr<Archive>* archive) {
  archive->reset();
  // A PostgreSQL URL or key=value string: the server archive.
  if (IsPostgresTarget(path)) return OpenPostgresArchive(path, options, archive);
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(path, "no such archive (run `dateline ingest` first)");
  }
  // SQLite's global memory statistics take a mutex on every allocation,
  // which serialises the server's connections; dateline never reads them.
  static std::once_flag memstatus_off;
  std::call_once(memstatus_off, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  int flags = SQLITE_OPEN_NOMUTEX |
              (options.read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IOError(path, "cannot open archive: " + msg);
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  auto impl = std::make_unique<SqliteArchive>(db, path, options);
  Status s = impl->Init();
  if (!s.ok()) return s;
  *archive = std::move(impl);
  return Status::OK();
}

}  // namespace dateline

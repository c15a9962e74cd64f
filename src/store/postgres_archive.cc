// PostgresArchive: the archive in a PostgreSQL database (docs/archive.md).
// The tables are the SQLite archive's (articles, entities, mentions, quotes,
// events, lsh, entity_totals), each searchable table with a tsvector column
// under a GIN index in place of an FTS5 table; the schema is created and
// migrated in numbered steps recorded in schema_version.
//
// Writers: a group (Begin..Commit) is one transaction that first takes a
// transaction-level advisory lock (kWriteLock), so writers from any number
// of processes take turns per group. That makes "is this page archived?"
// and the story assignment (read the LSH bands, pick the closest article,
// insert the new bands) one step that no other writer interleaves with: a
// page is archived once and a copy joins its story whatever the timing.
// Unique keys (page_key, id, (article, eid), (band_key, article)) with
// ON CONFLICT back that up. Readers never wait for the lock.
//
// Every value is bound as a parameter (PQexecParams); SQL text holds only
// fixed fragments and numbers the code computed.
#include "store/postgres_archive.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include "store/archive_sql.h"

#ifdef DATELINE_HAVE_LIBPQ
#include <libpq-fe.h>

#include <chrono>

#include "dedup/minhash.h"
#include "store/pg_text_search.h"
#endif

namespace dateline {

bool IsPostgresTarget(const std::string& target) {
  if (target.starts_with("postgresql://") || target.starts_with("postgres://")) {
    return true;
  }
  // libpq key=value strings start with a keyword and '='.
  for (const char* k : {"host=", "hostaddr=", "dbname=", "user=", "port=",
                        "service=", "sslmode="}) {
    if (target.starts_with(k)) return true;
  }
  return false;
}

std::string RedactTarget(const std::string& target) {
  std::string out = target;
  // URL: scheme://user:password@host
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t at = out.find('@', scheme + 3);
    size_t slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // password=... as a key=value pair or a URL parameter.
  for (size_t p = out.find("password="); p != std::string::npos;
       p = out.find("password=", p + 1)) {
    size_t b = p + 9;
    size_t e = b;
    if (e < out.size() && out[e] == '\'') {
      e = out.find('\'', e + 1);
      e = e == std::string::npos ? out.size() : e + 1;
    } else {
      while (e < out.size() && out[e] != ' ' && out[e] != '&') ++e;
    }
    out.replace(b, e - b, "***");
  }
  return out;
}

#ifndef DATELINE_HAVE_LIBPQ

bool HavePostgres() { return false; }

Status OpenPostgresArchive(const std::string& target, const ArchiveOptions&,
                           std::unique_ptr<Archive>* archive) {
  archive->reset();
  return Status::NotSupported(
      RedactTarget(target),
      "dateline was built without PostgreSQL (install libpq-dev and "
      "rebuild: scripts/setup.sh)");
}

#else  // DATELINE_HAVE_LIBPQ

bool HavePostgres() { return true; }

namespace {

using namespace archive_sql;  // the helpers both stores share

// Advisory lock keys (arbitrary 64-bit constants, "dateline" in ASCII).
constexpr int64_t kWriteLock = 0x646174656c696e65;
constexpr int64_t kSchemaLock = 0x646174656c696e66;

// The schema in numbered steps: an archive at version N runs the steps
// after N, each in the transaction that records it in schema_version.
// Step 1 is the SQLite archive's schema 2 (articles with captions,
// entity totals). Text columns compare byte-wise (COLLATE "C"), as SQLite
// does, so orders and date comparisons agree whatever the server's locale.
struct Migration {
  int version;
  const char* sql;
};
const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE articles(
  rowid BIGSERIAL PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  page_key TEXT COLLATE "C" NOT NULL UNIQUE,
  content_hash TEXT COLLATE "C" NOT NULL,
  url TEXT COLLATE "C" NOT NULL DEFAULT '',
  outlet TEXT COLLATE "C" NOT NULL DEFAULT '',
  title TEXT COLLATE "C" NOT NULL DEFAULT '',
  published TEXT COLLATE "C" NOT NULL DEFAULT '',
  language TEXT COLLATE "C" NOT NULL DEFAULT '',
  authors TEXT COLLATE "C" NOT NULL DEFAULT '',
  datelines TEXT COLLATE "C" NOT NULL DEFAULT '',
  tags TEXT COLLATE "C" NOT NULL DEFAULT '',
  text TEXT COLLATE "C" NOT NULL DEFAULT '',
  captions TEXT COLLATE "C" NOT NULL DEFAULT '',
  source TEXT COLLATE "C" NOT NULL DEFAULT '',
  story TEXT COLLATE "C" NOT NULL,
  shingles BIGINT NOT NULL DEFAULT 0,
  minhash BYTEA,
  record BYTEA,
  ingested_at TEXT COLLATE "C" NOT NULL DEFAULT
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  fts TSVECTOR NOT NULL DEFAULT ''::tsvector);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));
CREATE INDEX articles_fts ON articles USING GIN(fts);
CREATE TABLE entities(
  rowid BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL,
  eid TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  country TEXT COLLATE "C" NOT NULL DEFAULT '',
  government TEXT COLLATE "C" NOT NULL DEFAULT '',
  roles TEXT COLLATE "C" NOT NULL DEFAULT '',
  aliases TEXT COLLATE "C" NOT NULL DEFAULT '',
  mention_count BIGINT NOT NULL DEFAULT 0,
  fts TSVECTOR NOT NULL DEFAULT ''::tsvector,
  UNIQUE(article, eid));
CREATE INDEX entities_name ON entities(lower(name));
CREATE INDEX entities_type ON entities(type, name);
CREATE INDEX entities_fts ON entities USING GIN(fts);
CREATE TABLE mentions(
  article BIGINT NOT NULL,
  eid TEXT COLLATE "C" NOT NULL,
  "begin" BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  government INTEGER NOT NULL DEFAULT 0);
CREATE INDEX mentions_article ON mentions(article, eid);
CREATE TABLE quotes(
  rowid BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL,
  text TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL DEFAULT '',
  cue TEXT COLLATE "C" NOT NULL DEFAULT '',
  speaker TEXT COLLATE "C" NOT NULL DEFAULT '',
  speaker_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  "begin" BIGINT NOT NULL, "end" BIGINT NOT NULL,
  cue_begin BIGINT NOT NULL DEFAULT 0, cue_end BIGINT NOT NULL DEFAULT 0,
  speaker_begin BIGINT NOT NULL DEFAULT 0,
  speaker_end BIGINT NOT NULL DEFAULT 0,
  sentence_begin BIGINT NOT NULL DEFAULT 0,
  sentence_end BIGINT NOT NULL DEFAULT 0,
  fts TSVECTOR NOT NULL DEFAULT ''::tsvector);
CREATE INDEX quotes_article ON quotes(article, speaker);
CREATE INDEX quotes_fts ON quotes USING GIN(fts);
CREATE TABLE events(
  rowid BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL,
  source_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  source_code TEXT COLLATE "C" NOT NULL DEFAULT '',
  source_entity TEXT COLLATE "C" NOT NULL DEFAULT '',
  source_begin BIGINT NOT NULL DEFAULT 0,
  source_end BIGINT NOT NULL DEFAULT 0,
  has_target INTEGER NOT NULL DEFAULT 0,
  target_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  target_code TEXT COLLATE "C" NOT NULL DEFAULT '',
  target_entity TEXT COLLATE "C" NOT NULL DEFAULT '',
  target_begin BIGINT NOT NULL DEFAULT 0,
  target_end BIGINT NOT NULL DEFAULT 0,
  code TEXT COLLATE "C" NOT NULL,
  root TEXT COLLATE "C" NOT NULL,
  quad_class INTEGER NOT NULL DEFAULT 0,
  goldstein DOUBLE PRECISION NOT NULL DEFAULT 0,
  "date" TEXT COLLATE "C" NOT NULL DEFAULT '',
  location TEXT COLLATE "C" NOT NULL DEFAULT '',
  negated INTEGER NOT NULL DEFAULT 0,
  hypothetical INTEGER NOT NULL DEFAULT 0,
  sentence_begin BIGINT NOT NULL DEFAULT 0,
  sentence_end BIGINT NOT NULL DEFAULT 0,
  trigger_begin BIGINT NOT NULL DEFAULT 0,
  trigger_end BIGINT NOT NULL DEFAULT 0,
  evidence TEXT COLLATE "C" NOT NULL DEFAULT '',
  event_date TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX events_article ON events(article);
CREATE INDEX events_source ON events(source_code, event_date);
CREATE INDEX events_target ON events(target_code, event_date);
CREATE INDEX events_code ON events(code, event_date);
CREATE INDEX events_date ON events(event_date);
CREATE TABLE lsh(
  band_key BIGINT NOT NULL,
  article BIGINT NOT NULL,
  PRIMARY KEY(band_key, article));
CREATE TABLE entity_totals(
  name TEXT COLLATE "C" NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  country TEXT COLLATE "C" NOT NULL DEFAULT '',
  articles BIGINT NOT NULL,
  mentions BIGINT NOT NULL,
  PRIMARY KEY(name, type));
CREATE INDEX entity_totals_rank ON entity_totals(articles DESC, name);
CREATE INDEX entity_totals_type ON entity_totals(type, articles DESC, name);
-- Bumped by every commit that wrote: Version() for answer caches.
CREATE TABLE archive_version(id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO archive_version VALUES (1, 0);
)sql"},
    // The SQLite archive's schema 3: the canonical entity of each entity
    // and mention. Entity totals are listed by the canonical entity's name
    // for linked rows (EntityKey); rows archived before are unlinked, so
    // their totals stay as they are.
    {2, R"sql(
ALTER TABLE entities ADD COLUMN canonical_id TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN canonical_name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN canonical_id TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE entity_totals ADD COLUMN canonical_id TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX entities_canonical ON entities(canonical_id);
CREATE INDEX entities_canonical_name ON entities(lower(canonical_name));
CREATE INDEX mentions_canonical ON mentions(canonical_id);
)sql"},
    // The events' date and place sources, place and reporter
    // (archive_sql.h kEventExtras, in that order).
    {3, R"sql(
ALTER TABLE events
  ADD COLUMN date_source TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN location_source TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN geo_type INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN geo_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN geo_country TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN geo_feature TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN geo_adm1 TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN geo_lat DOUBLE PRECISION NOT NULL DEFAULT 0,
  ADD COLUMN geo_lon DOUBLE PRECISION NOT NULL DEFAULT 0,
  ADD COLUMN geo_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN has_reporter INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN reporter_name TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN reporter_code TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN reporter_entity TEXT COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN reporter_begin BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN reporter_end BIGINT NOT NULL DEFAULT 0;
)sql"},
};
constexpr int kSchemaVersion = 3;

// An entity row listed by the name given twice ('?' and '?'; lower-cased
// lookups by index; lower() with COLLATE "C" folds ASCII only, as SQLite's
// NOCASE).
constexpr char kEntityNamed[] =
    "(lower(n.canonical_name) = lower(?) OR (n.canonical_name = '' AND "
    "lower(n.name) = lower(?)))";

// The FTS5 columns of each searchable table and the tsvector weights that
// stand for them (pg_text_search.h).
const std::vector<FtsColumn> kArticleColumns = {
    {"title", 'A'}, {"text", 'B'}, {"captions", 'C'}};
const std::vector<FtsColumn> kQuoteColumns = {{"text", 'A'},
                                              {"speaker_name", 'B'}};
const std::vector<FtsColumn> kEntityColumns = {{"name", 'A'}, {"aliases", 'B'}};

// ts_rank weights {D, C, B, A}: title four times text and captions, as the
// SQLite archive's bm25(4.0, 1.0, 1.0).
const char kRank[] = "ts_rank('{0.1, 0.25, 0.25, 1.0}', a.fts, ?::tsquery, 1)";
// The snippet: matched words in the text, else in the title (FTS5's
// snippet() picks the best column the same way).
#define DATELINE_HEADLINE_OPTIONS                                       \
  "'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, " \
  "MaxFragments=1, FragmentDelimiter=...'"
const char kHeadline[] =
    "CASE WHEN strpos(h.t, '[') > 0 OR a.title = '' THEN h.t ELSE "
    "ts_headline('simple', a.title, ?::tsquery, " DATELINE_HEADLINE_OPTIONS
    ") END";
const char kHeadlineText[] =
    " CROSS JOIN LATERAL (SELECT ts_headline('simple', a.text, ?::tsquery, "
    DATELINE_HEADLINE_OPTIONS ") AS t) h";
#undef DATELINE_HEADLINE_OPTIONS

std::string TimedOutStatusText(int ms) {
  return "query stopped at its time limit of " + std::to_string(ms) +
         " ms (narrow it: fewer terms or prefixes, a period, a filter)";
}

// Parameters of one statement, bound by position as Where::BindAll binds
// (the SQL's '?' become $1, $2, ... in order).
class Params {
 public:
  void Bind(int i, std::string_view v) { Slot(i) = std::string(v); }
  void Bind(int i, int64_t v) { Slot(i) = std::to_string(v); }
  // Appends a value; returns its 1-based position.
  int Add(std::string_view v) {
    values_.emplace_back(v);
    formats_.push_back(0);
    return static_cast<int>(values_.size());
  }
  int Add(int64_t v) { return Add(std::to_string(v)); }
  // Appends binary data (bytea).
  int AddBytes(std::string_view v) {
    int i = Add(v);
    formats_[i - 1] = 1;
    return i;
  }
  int size() const { return static_cast<int>(values_.size()); }
  const std::vector<std::string>& values() const { return values_; }
  const std::vector<int>& formats() const { return formats_; }

 private:
  std::string& Slot(int i) {
    if (static_cast<int>(values_.size()) < i) {
      values_.resize(i);
      formats_.resize(i, 0);
    }
    return values_[i - 1];
  }
  std::vector<std::string> values_;
  std::vector<int> formats_;
};

// Replaces each '?' of `sql` with $1, $2, ... (the fragments here hold no
// '?' of their own).
std::string Dollars(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string LimitSql(size_t limit, size_t offset) {
  std::string sql;
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  if (offset > 0) sql += " OFFSET " + std::to_string(offset);
  return sql;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// A query result (RAII over PGresult).
class Result {
 public:
  Result() = default;
  explicit Result(PGresult* r) : r_(r) {}
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept {
    if (this != &o) {
      PQclear(r_);
      r_ = o.r_;
      o.r_ = nullptr;
    }
    return *this;
  }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result() { PQclear(r_); }

  int rows() const { return r_ == nullptr ? 0 : PQntuples(r_); }
  std::string Text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col),
                       static_cast<size_t>(PQgetlength(r_, row, col)));
  }
  int64_t Int(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
  }
  double Double(int row, int col) const {
    return std::strtod(PQgetvalue(r_, row, col), nullptr);
  }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  PGresult* get() const { return r_; }
  // A bytea column in text form ("\x0a1b...").
  std::string Bytes(int row, int col) const {
    const char* p = PQgetvalue(r_, row, col);
    const size_t n = static_cast<size_t>(PQgetlength(r_, row, col));
    std::string out;
    if (n < 2 || p[0] != '\\' || p[1] != 'x') return out;
    out.resize((n - 2) / 2);
    for (size_t i = 0; i < out.size(); ++i) {
      out[i] = static_cast<char>(HexValue(p[2 + 2 * i]) * 16 +
                                 HexValue(p[3 + 2 * i]));
    }
    return out;
  }
  std::vector<uint32_t> Blob32(int row, int col) const {
    std::string b = Bytes(row, col);
    std::vector<uint32_t> v(b.size() / 4);
    if (!v.empty()) std::memcpy(v.data(), b.data(), v.size() * 4);
    return v;
  }

 private:
  PGresult* r_ = nullptr;
};

void IgnoreNotice(void*, const char*) {}

class PostgresArchive : public Archive {
 public:
  PostgresArchive(PGconn* conn, std::string target, const ArchiveOptions& options)
      : conn_(conn), name_(RedactTarget(target)), options_(options) {
    rule_.min_jaccard = options.story_threshold;
  }
  PostgresArchive(const PostgresArchive&) = delete;
  PostgresArchive& operator=(const PostgresArchive&) = delete;
  ~PostgresArchive() override {
    if (in_group_) Exec("ROLLBACK");
    PQfinish(conn_);
  }

  Status Init() {
    // CREATE ... IF NOT EXISTS and the like report notices on stderr by
    // default; the archive's messages come back as Status instead.
    PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
    Status s = Session();
    if (!s.ok()) return s;
    if (options_.read_only) {
      Result r;
      s = Exec("SELECT to_regclass('schema_version') IS NOT NULL", Params(), &r);
      if (!s.ok()) return s;
      if (r.rows() == 0 || r.Text(0, 0) != "t") {
        return Status::IOError(name_, "not a dateline archive (no schema version)");
      }
      int64_t version = 0;
      s = CheckVersion(&version);
      if (!s.ok()) return s;
      if (version < kSchemaVersion) {
        return Status::NotSupported(
            name_, "archive of schema " + std::to_string(version) +
                       " (this dateline reads " +
                       std::to_string(kSchemaVersion) +
                       "): open it once for writing to migrate it, e.g. "
                       "dateline ingest --archive URL");
      }
      return Status::OK();
    }
    return Migrate();
  }

  // Settings of the connection (again after a reconnect).
  Status Session() {
    std::string sql =
        "SET client_encoding = 'UTF8'; SET standard_conforming_strings = on; "
        "SET client_min_messages = warning; SET bytea_output = 'hex'";
    // A reader (serve, the query verbs) runs read-only transactions: the
    // server refuses any write it might be tricked into.
    if (options_.read_only) sql += "; SET default_transaction_read_only = on";
    return Exec(sql.c_str());
  }

  // Runs the migrations this archive lacks, under an advisory lock so that
  // processes opening a new archive at once create it once.
  Status Migrate() {
    Status s = Exec("BEGIN");
    if (!s.ok()) return s;
    Params p;
    p.Add(kSchemaLock);
    Result r;
    s = Exec("SELECT pg_advisory_xact_lock(?)", p, &r);
    if (s.ok()) {
      s = Exec("SELECT to_regclass('schema_version') IS NULL AND "
               "to_regclass('articles') IS NOT NULL",
               Params(), &r);
    }
    if (s.ok() && r.rows() > 0 && r.Text(0, 0) == "t") {
      s = Status::IOError(name_,
                          "not a dateline archive (an articles table without "
                          "schema_version)");
    }
    if (s.ok()) {
      s = Exec(
          "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY "
          "KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
    int64_t version = 0;
    if (s.ok()) s = CheckVersion(&version);
    for (const Migration& m : kMigrations) {
      if (!s.ok() || m.version <= version) continue;
      s = Exec(m.sql);
      if (s.ok()) {
        Params v;
        v.Add(static_cast<int64_t>(m.version));
        s = Exec("INSERT INTO schema_version(version) VALUES (?)", v, nullptr);
      }
    }
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    return Exec("COMMIT");
  }

  // Reads the schema version; NotSupported when newer than this build's.
  Status CheckVersion(int64_t* out) {
    Result r;
    Status s = Exec("SELECT coalesce(max(version), 0) FROM schema_version",
                    Params(), &r);
    if (!s.ok()) return s;
    const int64_t v = r.rows() > 0 ? r.Int(0, 0) : 0;
    if (v > kSchemaVersion) {
      return Status::NotSupported(name_, "archive of a newer dateline (schema " +
                                             std::to_string(v) + ")");
    }
    if (out != nullptr) *out = v;
    return Status::OK();
  }

  Status Begin() override {
    if (in_group_) return Status::OK();
    if (options_.read_only) {
      return Status::InvalidArgument(name_, "archive opened read-only");
    }
    Status s = Exec("BEGIN", /*may_reconnect=*/true);
    if (!s.ok()) return s;
    // Writers take turns per group (see the top of this file); waiting
    // longer than busy_timeout_ms reports "locked", which ingest retries.
    s = Exec(("SET LOCAL lock_timeout = " +
              std::to_string(std::max(0, options_.busy_timeout_ms)))
                 .c_str());
    Params p;
    p.Add(kWriteLock);
    if (s.ok()) s = Exec("SELECT pg_advisory_xact_lock(?)", p, nullptr);
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    in_group_ = true;
    dirty_ = false;
    return Status::OK();
  }

  Status Commit() override {
    if (!in_group_) return Status::OK();
    Status s = Flush();
    in_group_ = false;
    if (s.ok() && dirty_) {
      s = Exec("UPDATE archive_version SET n = n + 1 WHERE id = 1");
    }
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    return Exec("COMMIT");
  }

  Status Contains(const std::string& content_hash, const std::string& source,
                  bool* found) override {
    *found = false;
    Params p;
    p.Add(content_hash);
    p.Add(source);
    Result r;
    Status s = Exec(
        "SELECT 1 FROM articles WHERE content_hash = ? AND source = ? LIMIT 1",
        p, &r);
    *found = s.ok() && r.rows() > 0;
    return s;
  }

  Status Put(const Document& doc, const PutKey& key,
             const std::vector<uint32_t>& signature, const std::string& record,
             PutOutcome* outcome, std::string* story) override {
    if (options_.read_only) {
      return Status::InvalidArgument(name_, "archive opened read-only");
    }
    if (!doc.error.empty()) {
      return Status::InvalidArgument(doc.source, "document has an error");
    }
    const bool own_group = !in_group_;
    if (own_group) {
      Status s = Begin();
      if (!s.ok()) return s;
    } else {
      // A failed statement aborts a PostgreSQL transaction; the savepoint
      // keeps the rest of the group, as a failed Put in a SQLite group does.
      Status s = Exec("SAVEPOINT put");
      if (!s.ok()) return s;
    }
    size_t buffered[3];
    for (int i = 0; i < 3; ++i) buffered[i] = copy_[i].size();
    in_put_ = true;
    Status s = PutInGroup(doc, key, signature, record, outcome, story);
    in_put_ = false;
    if (!s.ok()) {
      // The rows this Put buffered go with it.
      for (int i = 0; i < 3; ++i) copy_[i].resize(buffered[i]);
    }
    if (own_group) {
      if (s.ok()) {
        dirty_ = true;
        s = Commit();
      } else {
        Exec("ROLLBACK");
        in_group_ = false;
      }
    } else if (s.ok()) {
      dirty_ = true;
      s = Exec("RELEASE SAVEPOINT put");
      // A bounded buffer: a long group is copied in parts.
      if (s.ok() && copy_[0].size() + copy_[1].size() + copy_[2].size() > (8u << 20)) {
        s = Flush();
      }
    } else {
      Exec("ROLLBACK TO SAVEPOINT put");
    }
    return s;
  }

  // Runs `f` under the query time budget: statement_timeout is the time
  // left, and a query the server cancels for it returns TimedOut.
  template <typename F>
  Status Timed(F&& f) {
    if (options_.query_timeout_ms <= 0) return f();
    const auto now = std::chrono::steady_clock::now();
    const auto deadline =
        shared_budget_ ? shared_deadline_
                       : now + std::chrono::milliseconds(options_.query_timeout_ms);
    const int64_t left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    if (left <= 0) {
      return Status::TimedOut(TimedOutStatusText(options_.query_timeout_ms));
    }
    timeout_ms_ = left;
    Status s = Exec(("SET statement_timeout = " + std::to_string(left)).c_str(),
                    /*may_reconnect=*/true);
    if (!s.ok()) return s;
    s = f();
    timeout_ms_ = 0;
    Status r = Exec("SET statement_timeout = 0", /*may_reconnect=*/true);
    if (s.IsTimedOut()) {
      return Status::TimedOut(TimedOutStatusText(options_.query_timeout_ms));
    }
    return s.ok() ? r : s;
  }

  // The tsquery of an FTS5 query over `columns`; InvalidArgument, worded as
  // the SQLite archive words it, for a malformed one.
  Status TsQuery(const std::string& q, const std::vector<FtsColumn>& columns,
                 std::string* tsquery) {
    Status s = FtsToTsQuery(q, columns, tsquery);
    if (s.ok()) return s;
    return Status::InvalidArgument(
        "bad full-text query '" + q + "'",
        s.message() + " (use words, \"a phrase\", OR, NOT, NEAR(a b), "
                      "prefix*; put other punctuation inside double quotes)");
  }

  // The tsquery of a search (plain text converted), checked; "" for none.
  Status SearchTs(const std::string& query, bool plain, std::string* ts,
                  bool* nothing) {
    ts->clear();
    *nothing = false;
    const std::string fts = plain ? PlainTextQuery(query) : query;
    if (fts.empty()) {
      *nothing = !query.empty();  // plain text without a word
      return Status::OK();
    }
    if (CountTerms(fts) > kMaxQueryTerms) {
      return Status::InvalidArgument(
          "q", "the query has more than " + std::to_string(kMaxQueryTerms) +
                   " terms");
    }
    return TsQuery(fts, kArticleColumns, ts);
  }

  Status SearchWhere(const SearchQuery& q, bool undated_only, Where* w,
                     bool with_query = true) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    std::string ts;
    bool nothing = false;
    s = SearchTs(q.query, q.plain, &ts, &nothing);
    if (!s.ok()) return s;
    if (nothing) {
      w->Add("false");
    } else if (!ts.empty() && with_query) {
      w->Add("a.fts @@ ?::tsquery");
      w->Text(ts);
    }
    w->Period(q.period, "a.published", undated_only);
    if (!q.outlet.empty()) {
      w->Add("lower(a.outlet) = lower(?)");
      w->Text(q.outlet);
    }
    if (!q.story.empty()) {
      w->Add("a.story = ?");
      w->Text(q.story);
    }
    return Status::OK();
  }

  Status Search(const SearchQuery& q, std::vector<SearchHit>* out) override {
    out->clear();
    return Timed([&] { return SearchList(q, out); });
  }

  Status SearchList(const SearchQuery& q, std::vector<SearchHit>* out) {
    Where w;
    Status s = SearchWhere(q, false, &w);
    if (!s.ok()) return s;
    std::string ts;
    bool nothing = false;
    s = SearchTs(q.query, q.plain, &ts, &nothing);
    if (!s.ok()) return s;
    const bool ranked = !ts.empty() && q.order == SearchOrder::kRelevance;
    std::string inner_order, outer_order;
    if (ranked) {
      inner_order = " ORDER BY score, a.rowid";
      outer_order = " ORDER BY page.score, a.rowid";
    } else if (q.order == SearchOrder::kOldest) {
      inner_order = outer_order =
          " ORDER BY a.published = '', a.published, a.rowid";
    } else {
      inner_order = outer_order = " ORDER BY a.published DESC, a.rowid DESC";
    }
    // The page's rows first (filter, rank and order), then the columns and
    // the snippet of those rows only.
    Params p;
    std::string sql =
        "SELECT a.id, a.title, a.outlet, a.url, a.source, a.published, "
        "a.story, ";
    if (ts.empty()) {
      sql += "substr(a.text, 1, 160), 0";
    } else {
      sql += std::string(kHeadline) + ", page.score";
      p.Add(ts);
    }
    sql += " FROM (SELECT a.rowid AS rid, ";
    if (ts.empty()) {
      sql += "0 AS score";
    } else {
      sql += "-" + std::string(kRank) + " AS score";
      p.Add(ts);
    }
    sql += " FROM articles a" + w.Sql() + inner_order +
           LimitSql(q.limit, q.offset) +
           ") page JOIN articles a ON a.rowid = page.rid" +
           (ts.empty() ? "" : kHeadlineText) + outer_order;
    w.BindAll(&p, p.size() + 1);
    if (!ts.empty()) p.Add(ts);  // kHeadlineText's, after the page's
    Result r;
    s = Exec(sql, p, &r);
    if (!s.ok()) return s;
    for (int i = 0; i < r.rows(); ++i) {
      SearchHit h;
      h.id = r.Text(i, 0);
      h.title = r.Text(i, 1);
      h.outlet = r.Text(i, 2);
      h.url = r.Text(i, 3);
      h.source = r.Text(i, 4);
      h.published = r.Text(i, 5);
      h.story = r.Text(i, 6);
      h.snippet = r.Text(i, 7);
      h.score = r.Double(i, 8);
      out->push_back(std::move(h));
    }
    return Status::OK();
  }

  Status CountRows(const std::string& from, const Where& w, int64_t* n) {
    Params p;
    w.BindAll(&p);
    Result r;
    Status s = Exec("SELECT count(*) FROM " + from + w.Sql(), p, &r);
    *n = s.ok() && r.rows() > 0 ? r.Int(0, 0) : 0;
    return s;
  }

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
        Params p;
        w.BindAll(&p);
        Result r;
        s = Exec(std::string("SELECT ") + f.expr + ", count(*) FROM articles a" +
                     w.Sql() + " GROUP BY 1 ORDER BY " + f.order + " LIMIT 20",
                 p, &r);
        if (!s.ok()) return s;
        for (int i = 0; i < r.rows(); ++i) {
          f.into->push_back({r.Text(i, 0), r.Int(i, 1)});
        }
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
      std::string names = NameQuery(q.entity);
      std::string ts;
      if (!names.empty()) {
        s = TsQuery(names, kEntityColumns, &ts);
        if (!s.ok()) return s;
      }
      if (names.empty()) {
        w->Add("false");
      } else {
        // SQLite's LIKE ignores ASCII case: ILIKE here.
        w->Add(
            "e.rowid IN (SELECT ev.rowid FROM entities n JOIN events ev "
            "ON ev.article = n.article AND (ev.source_entity = n.eid OR "
            "ev.target_entity = n.eid) WHERE n.fts @@ ?::tsquery UNION SELECT "
            "rowid FROM events WHERE source_name ILIKE ? ESCAPE '\\' OR "
            "target_name ILIKE ? ESCAPE '\\')");
        w->Text(ts);
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
        "e.goldstein, e.\"date\", e.location, e.negated, e.hypothetical, "
        "e.sentence_begin, e.sentence_end, e.trigger_begin, e.trigger_end, "
        "e.evidence, e.rowid, a.source, a.ingested_at, "
        "(strpos(a.text, E'\\n\\n') = 0 OR e.sentence_begin < "
        "strpos(a.text, E'\\n\\n'))" + EventExtraColumns("e.") +
        " FROM (SELECT e.rowid AS rid FROM events e" +
        w.Sql() + order + LimitSql(q.limit, q.offset) +
        ") page JOIN events e ON e.rowid = page.rid JOIN articles a ON "
        "a.rowid = e.article" + order;
    Params p;
    w.BindAll(&p);
    return Stream(sql, p, [&](const Result& r, int i) {
      EventRow row;
      row.article = r.Text(i, 0);
      row.title = r.Text(i, 1);
      row.published = r.Text(i, 2);
      row.url = r.Text(i, 3);
      row.outlet = r.Text(i, 4);
      auto u = [&](int c) { return static_cast<uint32_t>(r.Int(i, c)); };
      Event& e = row.event;
      e.source = {r.Text(i, 5), r.Text(i, 6), r.Text(i, 7), {u(8), u(9)}};
      e.has_target = r.Int(i, 10) != 0;
      e.target = {r.Text(i, 11), r.Text(i, 12), r.Text(i, 13), {u(14), u(15)}};
      e.code = r.Text(i, 16);
      e.root = r.Text(i, 17);
      e.quad_class = static_cast<int>(r.Int(i, 18));
      e.goldstein = r.Double(i, 19);
      e.date = r.Text(i, 20);
      e.location = r.Text(i, 21);
      e.negated = r.Int(i, 22) != 0;
      e.hypothetical = r.Int(i, 23) != 0;
      e.sentence = {u(24), u(25)};
      e.trigger = {u(26), u(27)};
      e.evidence = r.Text(i, 28);
      row.event_id = r.Int(i, 29);
      row.source = r.Text(i, 30);
      row.ingested_at = r.Text(i, 31);
      row.in_lead = r.Text(i, 32) == "t";
      ReadEventExtras(
          [&](size_t k) { return r.Text(i, 33 + static_cast<int>(k)); }, &e);
      return fn(row);
    });
  }

  Status QuoteWhere(const QuoteQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    if (!q.speaker.empty() && !q.speaker_contains) {
      // Exactly this speaker (see QuoteQuery::speaker).
      w->Add(
          "q.rowid IN (SELECT q2.rowid FROM entities n2 JOIN quotes q2 ON "
          "q2.article = n2.article AND q2.speaker = n2.eid WHERE "
          "n2.canonical_id = ? OR lower(n2.canonical_name) = lower(?) OR "
          "(n2.canonical_name = '' AND lower(n2.name) = lower(?)) UNION "
          "SELECT rowid FROM quotes WHERE lower(speaker_name) = lower(?) AND "
          "speaker = '')");
      for (int i = 0; i < 4; ++i) w->Text(q.speaker);
    } else if (!q.speaker.empty()) {
      std::string names = NameQuery(q.speaker);
      if (names.empty()) {
        w->Add("false");
      } else {
        std::string by_name, by_entity;
        s = TsQuery("speaker_name : " + names, kQuoteColumns, &by_name);
        if (s.ok()) s = TsQuery(names, kEntityColumns, &by_entity);
        if (!s.ok()) return s;
        w->Add(
            "q.rowid IN (SELECT rowid FROM quotes WHERE fts @@ ?::tsquery "
            "UNION SELECT q2.rowid FROM entities n2 JOIN quotes q2 ON "
            "q2.article = n2.article AND q2.speaker = n2.eid WHERE n2.fts @@ "
            "?::tsquery)");
        w->Text(by_name);
        w->Text(by_entity);
      }
    }
    if (!q.words.empty()) {
      if (CountTerms(q.words) > kMaxQueryTerms) {
        return Status::InvalidArgument(
            "words", "more than " + std::to_string(kMaxQueryTerms) + " terms");
      }
      std::string ts;
      s = TsQuery("text : (" + q.words + ")", kQuoteColumns, &ts);
      if (!s.ok()) return s;
      w->Add("q.fts @@ ?::tsquery");
      w->Text(ts);
    }
    w->Period(q.period, "a.published", undated_only);
    return Status::OK();
  }

  Status Count(const QuoteQuery& q, ListTotals* out) override {
    if (q.speaker.empty() && q.words.empty() && q.period.since.empty() &&
        q.period.until.empty()) {
      return Totals("quotes q", q.period, [&](bool u, Where* w) {
        return QuoteWhere(q, u, w);
      }, out);
    }
    return Totals("quotes q JOIN articles a ON a.rowid = q.article", q.period,
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
        "q.text, q.kind, q.cue, q.speaker, q.speaker_name, q.\"begin\", "
        "q.\"end\", q.cue_begin, q.cue_end, q.speaker_begin, q.speaker_end, "
        "q.sentence_begin, q.sentence_end FROM (SELECT q.rowid AS rid, "
        "a.published FROM quotes q JOIN articles a ON a.rowid = q.article" +
        w.Sql() + " ORDER BY a.published DESC, q.rowid" +
        LimitSql(q.limit, q.offset) +
        ") page JOIN quotes q ON q.rowid = page.rid JOIN articles a ON "
        "a.rowid = q.article LEFT JOIN entities n ON n.article = q.article "
        "AND n.eid = q.speaker ORDER BY a.published DESC, q.rowid";
    Params p;
    w.BindAll(&p);
    Result r;
    s = Exec(sql, p, &r);
    if (!s.ok()) return s;
    for (int i = 0; i < r.rows(); ++i) {
      auto span = [&](int c) {
        return Span{static_cast<uint32_t>(r.Int(i, c)),
                    static_cast<uint32_t>(r.Int(i, c + 1))};
      };
      QuoteRow row;
      row.article = r.Text(i, 0);
      row.title = r.Text(i, 1);
      row.published = r.Text(i, 2);
      row.outlet = r.Text(i, 3);
      row.speaker_entity_name = r.Text(i, 4);
      row.text = r.Text(i, 5);
      row.quote.kind = r.Text(i, 6);
      row.quote.cue = r.Text(i, 7);
      row.quote.speaker = r.Text(i, 8);
      row.quote.speaker_name = r.Text(i, 9);
      row.quote.span = span(10);
      row.quote.cue_span = span(12);
      row.quote.speaker_span = span(14);
      row.quote.sentence = span(16);
      out->push_back(std::move(row));
    }
    return Status::OK();
  }

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
        w->Add("false");
      } else {
        std::string ts;
        s = TsQuery("name : " + names, kEntityColumns, &ts);
        if (!s.ok()) return s;
        w->Add("n.fts @@ ?::tsquery");
        w->Text(ts);
      }
    }
    Where a;
    a.Period(q.period, "published", undated_only);
    if (!a.Sql().empty()) {
      w->Add("n.article IN (SELECT rowid FROM articles" + a.Sql() + ")");
      a.MoveValuesTo(w);
    }
    return Status::OK();
  }

  static bool UsesTotals(const EntityQuery& q) {
    return q.name.empty() && q.canonical.empty() && q.period.since.empty() &&
           q.period.until.empty();
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
          w->Suffix(" GROUP BY " + EntityKey("n") + ", n.type) g");
          return s;
        },
        out);
  }

  Status Entities(const EntityQuery& q, std::vector<EntityCount>* out) override {
    out->clear();
    return Timed([&] {
      Where w;
      Status s = EntityWhere(q, false, &w);
      if (!s.ok()) return s;
      std::string sql =
          UsesTotals(q)
              ? "SELECT n.name, n.type, n.country, n.articles, n.mentions, "
                "n.canonical_id FROM entity_totals n" + w.Sql() +
                    // Ties in the order of SQLite's index (articles DESC,
                    // name) with its key (name, type) inside.
                    " ORDER BY n.articles DESC, n.name, n.type" +
                    LimitSql(q.limit, q.offset)
              : "SELECT " + EntityKey("n") + " AS k, n.type, max(n.country), "
                "count(*) AS arts, sum(n.mention_count), max(n.canonical_id) "
                "FROM entities n" + w.Sql() +
                    " GROUP BY k, n.type ORDER BY arts DESC, k, n.type" +
                    LimitSql(q.limit, q.offset);
      Params p;
      w.BindAll(&p);
      Result r;
      s = Exec(sql, p, &r);
      if (!s.ok()) return s;
      for (int i = 0; i < r.rows(); ++i) {
        out->push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), r.Int(i, 3),
                        r.Int(i, 4), r.Text(i, 5)});
      }
      return s;
    });
  }

  Status StoryWhere(const StoryQuery& q, bool undated_only, Where* w) {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    w->Period(q.period, "a.published", undated_only);
    if (!q.query.empty()) {
      if (CountTerms(q.query) > kMaxQueryTerms) {
        return Status::InvalidArgument(
            "query", "more than " + std::to_string(kMaxQueryTerms) + " terms");
      }
      std::string ts;
      s = TsQuery(q.query, kArticleColumns, &ts);
      if (!s.ok()) return s;
      w->Add("a.story IN (SELECT m.story FROM articles m WHERE m.fts @@ ?::tsquery)");
      w->Text(ts);
    }
    return Status::OK();
  }

  Status Count(const StoryQuery& q, ListTotals* out) override {
    return Totals(
        "(SELECT a.story FROM articles a", q.period,
        [&](bool u, Where* w) {
          Status s = StoryWhere(q, u, w);
          w->Suffix(" GROUP BY a.story HAVING count(*) >= " +
                    std::to_string(std::max<size_t>(1, q.min_size)) + ") g");
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
    Params p;
    w.BindAll(&p);
    p.Add(static_cast<int64_t>(std::max<size_t>(1, q.min_size)));
    Result r;
    s = Exec("SELECT a.story, count(*) AS c, min(a.published), max(a.published) "
             "FROM articles a" +
                 w.Sql() +
                 " GROUP BY a.story HAVING count(*) >= ? ORDER BY c DESC, "
                 "a.story" +
                 LimitSql(q.limit, q.offset),
             p, &r);
    if (!s.ok()) return s;
    for (int i = 0; i < r.rows(); ++i) {
      StoryRow row;
      row.story = r.Text(i, 0);
      row.size = r.Int(i, 1);
      row.first_published = r.Text(i, 2);
      row.last_published = r.Text(i, 3);
      out->push_back(std::move(row));
    }
    for (StoryRow& row : *out) {
      Params mp;
      mp.Add(row.story);
      Result m;
      s = Exec("SELECT id, title, outlet, url, source FROM articles WHERE "
               "story = ? ORDER BY published, rowid",
               mp, &m);
      if (!s.ok()) return s;
      std::set<std::string> seen;
      for (int i = 0; i < m.rows(); ++i) {
        row.members.push_back(m.Text(i, 0));
        if (row.title.empty()) row.title = m.Text(i, 1);
        std::string outlet = m.Text(i, 2);
        if (outlet.empty()) outlet = HostOf(m.Text(i, 3));
        if (outlet.empty()) outlet = "-";
        if (seen.insert(outlet).second) row.outlets.push_back(outlet);
      }
    }
    return Status::OK();
  }

  Status Timeline(const TimelineQuery& q, TimelineResult* out) override {
    *out = TimelineResult();
    return Timed([&] {
      SearchQuery sq;
      sq.query = q.query;
      sq.plain = q.plain;
      sq.period = q.period;
      sq.period.include_undated = false;
      const size_t width = q.bucket == TimeBucket::kDay     ? 10
                           : q.bucket == TimeBucket::kMonth ? 7
                                                            : 4;
      for (bool undated : {false, true}) {
        Where w;
        Status s = SearchWhere(sq, undated, &w);
        if (!s.ok()) return s;
        Params p;
        w.BindAll(&p);
        Result r;
        s = Exec("SELECT substr(a.published, 1, " + std::to_string(width) +
                     ") AS p, count(*), sum((SELECT count(*) FROM quotes q "
                     "WHERE q.article = a.rowid)), sum((SELECT count(*) FROM "
                     "events e WHERE e.article = a.rowid)) FROM articles a" +
                     w.Sql() + " GROUP BY p ORDER BY p",
                 p, &r);
        if (!s.ok()) return s;
        for (int i = 0; i < r.rows(); ++i) {
          TimelinePoint pt{r.Text(i, 0), r.Int(i, 1), r.Int(i, 2), r.Int(i, 3)};
          if (undated) {
            out->undated.articles += pt.articles;
            out->undated.quotes += pt.quotes;
            out->undated.events += pt.events;
          } else {
            out->points.push_back(std::move(pt));
          }
        }
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
      const std::string src =
          q.by_country ? "substr(e.source_code, 1, 3)" : "e.source_code";
      const std::string tgt =
          q.by_country ? "substr(e.target_code, 1, 3)" : "e.target_code";
      Params p;
      w.BindAll(&p);
      Result r;
      s = Exec("SELECT " + src + " AS s, " + tgt +
                   " AS t, count(*) AS c, avg(e.goldstein) FROM events e" +
                   w.Sql() + " GROUP BY 1, 2 ORDER BY c DESC, s, t" +
                   LimitSql(q.limit, 0),
               p, &r);
      if (!s.ok()) return s;
      for (int i = 0; i < r.rows(); ++i) {
        out->push_back({r.Text(i, 0), r.Text(i, 1), r.Int(i, 2), r.Double(i, 3)});
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
      Params p;
      w.BindAll(&p);
      Result r;
      s = Exec(std::string("SELECT e.location, count(*) AS c, ") +
                   kPlaceColumns + " FROM events e" + w.Sql() +
                   " GROUP BY e.location, " + kPlaceColumns +
                   " ORDER BY c DESC, 1, e.geo_id" +
                   LimitSql(q.limit, q.offset),
               p, &r);
      if (!s.ok()) return s;
      for (int i = 0; i < r.rows(); ++i) {
        PlaceCount pc{r.Text(i, 0), r.Int(i, 1), {}};
        ReadPlaceGeo([&](int k) { return r.Text(i, 2 + k); }, &pc.geo);
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
      // lower() with COLLATE "C" folds ASCII only, as SQLite's NOCASE.
      Params p;
      p.Add(name);
      p.Add(name);
      p.Add(type);
      p.Add(type);
      Result r;
      Status s = Exec(
          "SELECT " + EntityKey("n") + " AS k, n.type, max(n.country), "
          "count(*), sum(n.mention_count) FROM entities n WHERE " +
              kEntityNamed + " AND (? = '' OR n.type = ?) GROUP BY k, n.type "
              "ORDER BY count(*) DESC, k, n.type LIMIT 1",
          p, &r);
      if (!s.ok()) return s;
      if (r.rows() == 0) {
        return Status::NotFound("entity '" + name.substr(0, 100) + "'",
                                "no entity of that name in the archive");
      }
      out->name = r.Text(0, 0);
      out->type = r.Text(0, 1);
      out->country = r.Text(0, 2);
      out->articles = r.Int(0, 3);
      out->mentions = r.Int(0, 4);
      struct {
        const char* table;
        const char* column;
        int64_t* value;
      } counts[] = {{"quotes", "speaker", &out->quotes},
                    {"events", "source_entity", &out->events_as_source},
                    {"events", "target_entity", &out->events_as_target}};
      for (auto& c : counts) {
        Params cp;
        cp.Add(out->name);
        cp.Add(out->name);
        cp.Add(out->type);
        Result cr;
        s = Exec(std::string("SELECT count(*) FROM entities n JOIN ") + c.table +
                     " x ON x.article = n.article AND x." + c.column +
                     " = n.eid WHERE " + kEntityNamed + " AND n.type = ?",
                 cp, &cr);
        if (!s.ok()) return s;
        *c.value = cr.rows() > 0 ? cr.Int(0, 0) : 0;
      }
      Params ap;
      ap.Add(out->name);
      ap.Add(out->name);
      ap.Add(out->type);
      Result al;
      s = Exec(std::string("SELECT n.aliases || chr(31) || n.name FROM "
                           "entities n WHERE ") +
                   kEntityNamed + " AND n.type = ? LIMIT 2000",
               ap, &al);
      if (!s.ok()) return s;
      std::map<std::string, int> seen;
      for (int i = 0; i < al.rows(); ++i) {
        std::string list = al.Text(i, 0);
        size_t b = 0;
        while (b <= list.size()) {
          size_t e = list.find('\x1f', b);
          if (e == std::string::npos) e = list.size();
          std::string a = list.substr(b, e - b);
          if (!a.empty() && a != out->name) ++seen[a];
          b = e + 1;
        }
      }
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
      Params p;
      p.Add(story);
      Result r;
      Status s = Exec(
          "SELECT id, title, outlet, url, source, published, substr(text, 1, "
          "600) FROM articles WHERE story = ? ORDER BY published = '', "
          "published, rowid LIMIT 500",
          p, &r);
      if (!s.ok()) return s;
      for (int i = 0; i < r.rows(); ++i) {
        out->push_back({r.Text(i, 0), r.Text(i, 1), r.Text(i, 2), r.Text(i, 3),
                        r.Text(i, 4), r.Text(i, 5), r.Text(i, 6)});
      }
      if (out->empty()) {
        return Status::NotFound("story '" + story.substr(0, 100) + "'",
                                "no such story");
      }
      return Status::OK();
    });
  }

  Status Stats(ArchiveStats* out) override {
    *out = ArchiveStats();
    Result r;
    Status s = Exec(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM "
        "entities), (SELECT count(*) FROM mentions), (SELECT count(*) FROM "
        "quotes), (SELECT count(*) FROM events), s.n, s.m FROM (SELECT "
        "count(*) AS n, coalesce(sum(c), 0) AS m FROM (SELECT count(*) AS c "
        "FROM articles GROUP BY story HAVING count(*) > 1) g) s",
        Params(), &r);
    if (!s.ok() || r.rows() == 0) return s;
    out->articles = r.Int(0, 0);
    out->entities = r.Int(0, 1);
    out->mentions = r.Int(0, 2);
    out->quotes = r.Int(0, 3);
    out->events = r.Int(0, 4);
    out->stories = r.Int(0, 5);
    out->duplicate_articles = r.Int(0, 6);
    return Status::OK();
  }

  Status ForEachRecord(
      const SearchQuery& q,
      const std::function<bool(const std::string&)>& fn) override {
    Status s = CheckPeriod(q.period);
    if (!s.ok()) return s;
    Where w;
    if (!q.query.empty()) {
      std::string ts;
      s = TsQuery(q.query, kArticleColumns, &ts);
      if (!s.ok()) return s;
      w.Add("a.fts @@ ?::tsquery");
      w.Text(ts);
    }
    w.Period(q.period, "a.published");
    if (!q.outlet.empty()) {
      w.Add("lower(a.outlet) = lower(?)");
      w.Text(q.outlet);
    }
    if (!q.story.empty()) {
      w.Add("a.story = ?");
      w.Text(q.story);
    }
    std::string sql = "SELECT a.record, a.story FROM articles a" + w.Sql() +
                      " ORDER BY a.published, a.rowid";
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    Params p;
    w.BindAll(&p);
    std::string line;
    Status u;
    s = Stream(sql, p, [&](const Result& r, int i) {
      u = UnpackRecord(r.Bytes(i, 0), &line);
      if (!u.ok()) return false;
      if (!line.empty() && line.back() == '}') {
        // Story ids are hex: no escaping needed.
        line.pop_back();
        line += ",\"story\":\"" + r.Text(i, 1) + "\"}";
      }
      return fn(line);
    });
    if (!u.ok()) return Status::Corruption(name_, u.message());
    return s;
  }

  Status ForEachContentHash(
      const std::function<void(const std::string&, const std::string&)>& fn)
      override {
    return Stream("SELECT content_hash, source FROM articles", Params(),
                  [&](const Result& r, int i) {
                    fn(r.Text(i, 0), r.Text(i, 1));
                    return true;
                  });
  }

  Status StoryOf(const std::string& id, std::string* story) override {
    Params p;
    p.Add(id);
    Result r;
    Status s = Exec("SELECT story FROM articles WHERE id = ?", p, &r);
    if (!s.ok()) return s;
    if (r.rows() == 0) return Status::NotFound(id, "no such article");
    *story = r.Text(0, 0);
    return Status::OK();
  }

  Status Record(const std::string& id, std::string* record) override {
    record->clear();
    Params p;
    p.Add(id);
    Result r;
    Status s = Exec("SELECT record, story FROM articles WHERE id = ?", p, &r);
    if (!s.ok()) return s;
    if (r.rows() == 0) return Status::NotFound(id, "no such article");
    s = UnpackRecord(r.Bytes(0, 0), record);
    if (!s.ok()) return Status::Corruption(name_, s.message());
    if (!record->empty() && record->back() == '}') {
      record->pop_back();
      *record += ",\"story\":\"" + r.Text(0, 1) + "\"}";
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
    Result r;
    Status s = Exec("SELECT n FROM archive_version WHERE id = 1", Params(), &r);
    if (s.ok() && r.rows() > 0) *version = r.Int(0, 0);
    return s;
  }

  // PostgreSQL checks its own pages (and amcheck is an extension); this
  // checks what is the archive's: every layer row belongs to an article.
  Status CheckIntegrity() override {
    Result r;
    Status s = Exec(
        "SELECT (SELECT count(*) FROM entities x WHERE NOT EXISTS (SELECT 1 "
        "FROM articles a WHERE a.rowid = x.article)) + (SELECT count(*) FROM "
        "quotes x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.rowid = "
        "x.article)) + (SELECT count(*) FROM events x WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.rowid = x.article)) + (SELECT "
        "count(*) FROM mentions x WHERE NOT EXISTS (SELECT 1 FROM articles a "
        "WHERE a.rowid = x.article))",
        Params(), &r);
    if (!s.ok()) return s;
    if (r.rows() > 0 && r.Int(0, 0) != 0) {
      return Status::Corruption(name_, std::to_string(r.Int(0, 0)) +
                                           " layer rows without an article");
    }
    return Status::OK();
  }

 private:
  // Runs statements without parameters or results (may be several).
  Status Exec(const char* sql, bool may_reconnect = false) {
    Result r(PQexec(conn_, sql));
    Status s = Check(r, PGRES_COMMAND_OK);
    if (!s.ok() && may_reconnect && Reconnect()) {
      r = Result(PQexec(conn_, sql));
      s = Check(r, PGRES_COMMAND_OK);
    }
    return s;
  }

  // After the server went away (restarted, a dropped connection), connects
  // again and restores the session; false when the connection is fine or
  // cannot be restored. Never inside a write group: its transaction is
  // gone with the connection, and the caller must hear that the group failed
  // (ingest run again finishes it).
  bool Reconnect() {
    if (in_group_ || PQstatus(conn_) != CONNECTION_BAD) return false;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    if (!Session().ok()) return false;
    if (timeout_ms_ > 0) {
      return Exec(("SET statement_timeout = " + std::to_string(timeout_ms_)).c_str()).ok();
    }
    return true;
  }

  // Runs `sql` ('?' placeholders) with `p`; rows into *out when given.
  Status Exec(const std::string& sql, const Params& p, Result* out) {
    Status f = FlushBeforeRead();
    if (!f.ok()) return f;
    const std::string text = Dollars(sql);
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (const std::string& v : p.values()) {
      values.push_back(v.c_str());
      lengths.push_back(static_cast<int>(v.size()));
    }
    Result r(PQexecParams(conn_, text.c_str(), p.size(), nullptr,
                          values.empty() ? nullptr : values.data(),
                          lengths.empty() ? nullptr : lengths.data(),
                          p.formats().empty() ? nullptr : p.formats().data(), 0));
    Status s = Check(r, PGRES_TUPLES_OK);
    if (!s.ok() && Reconnect()) {
      r = Result(PQexecParams(conn_, text.c_str(), p.size(), nullptr,
                              values.empty() ? nullptr : values.data(),
                              lengths.empty() ? nullptr : lengths.data(),
                              p.formats().empty() ? nullptr : p.formats().data(), 0));
      s = Check(r, PGRES_TUPLES_OK);
    }
    if (s.ok() && out != nullptr) *out = std::move(r);
    return s;
  }

  // Runs `sql` and hands each row to fn as it arrives (single-row mode),
  // so an export of the whole archive holds one row at a time.
  Status Stream(const std::string& sql, const Params& p,
                const std::function<bool(const Result&, int)>& fn) {
    Status f = FlushBeforeRead();
    if (!f.ok()) return f;
    const std::string text = Dollars(sql);
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (const std::string& v : p.values()) {
      values.push_back(v.c_str());
      lengths.push_back(static_cast<int>(v.size()));
    }
    auto send = [&] {
      return PQsendQueryParams(conn_, text.c_str(), p.size(), nullptr,
                               values.empty() ? nullptr : values.data(),
                               lengths.empty() ? nullptr : lengths.data(),
                               p.formats().empty() ? nullptr : p.formats().data(),
                               0) != 0;
    };
    if (!send() && !(Reconnect() && send())) {
      return Status::IOError(name_, PQerrorMessage(conn_));
    }
    PQsetSingleRowMode(conn_);
    Status s;
    bool more = true;
    while (PGresult* raw = PQgetResult(conn_)) {
      Result r(raw);
      const ExecStatusType st = PQresultStatus(raw);
      if (st == PGRES_SINGLE_TUPLE) {
        // After fn says stop, the rest is read and dropped (the
        // connection takes no new query until the result is consumed).
        if (more && s.ok()) more = fn(r, 0);
      } else if (st != PGRES_TUPLES_OK && s.ok()) {
        s = Check(r, PGRES_TUPLES_OK);
      }
    }
    return s;
  }

  Status Check(const Result& r, ExecStatusType want) {
    PGresult* raw = r.get();
    ExecStatusType st = raw == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(raw);
    if (st == want || st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
      return Status::OK();
    }
    const char* state =
        raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_SQLSTATE);
    std::string msg = raw != nullptr ? PQresultErrorMessage(raw) : "";
    if (msg.empty()) msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    if (state != nullptr && std::strcmp(state, "57014") == 0) {
      return Status::TimedOut(TimedOutStatusText(options_.query_timeout_ms));
    }
    if (state != nullptr && std::strcmp(state, "55P03") == 0) {
      return Status::IOError(name_, "archive is locked by another writer: " + msg);
    }
    return Status::IOError(name_, msg);
  }

  // The layer tables whose rows a write group collects and sends with
  // COPY (mentions, quotes, events: nothing in a Put reads them back).
  static const std::string& CopySql(int table) {
    static const std::string kSql[3] = {
        "COPY mentions(article, eid, \"begin\", \"end\", government, "
        "canonical_id) FROM STDIN",
        "COPY quotes(article, text, kind, cue, speaker, speaker_name, "
        "\"begin\", \"end\", cue_begin, cue_end, speaker_begin, speaker_end, "
        "sentence_begin, sentence_end, fts) FROM STDIN",
        "COPY events(article, source_name, source_code, source_entity, "
        "source_begin, source_end, has_target, target_name, target_code, "
        "target_entity, target_begin, target_end, code, root, quad_class, "
        "goldstein, \"date\", location, negated, hypothetical, "
        "sentence_begin, sentence_end, trigger_begin, trigger_end, evidence, "
        "event_date" + EventExtraColumns("") + ") FROM STDIN"};
    return kSql[table];
  }

  // Appends rows (row-major, `ncols` values each) to a COPY buffer in
  // COPY's text format (tab-separated, backslash escapes).
  static void AppendCopyRows(const std::vector<std::string>& values,
                             size_t ncols, std::string* out) {
    for (size_t i = 0; i < values.size(); ++i) {
      for (char c : values[i]) {
        switch (c) {
          case '\\': *out += "\\\\"; break;
          case '\n': *out += "\\n"; break;
          case '\r': *out += "\\r"; break;
          case '\t': *out += "\\t"; break;
          default: out->push_back(c);
        }
      }
      out->push_back((i + 1) % ncols == 0 ? '\n' : '\t');
    }
  }

  // Sends the collected rows (in the open transaction) and empties the
  // buffers.
  Status Flush() {
    for (int i = 0; i < 3; ++i) {
      if (copy_[i].empty()) continue;
      std::string data;
      data.swap(copy_[i]);
      Result r(PQexec(conn_, CopySql(i).c_str()));
      if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
        return Check(r, PGRES_COMMAND_OK);
      }
      const int ok = PQputCopyData(conn_, data.data(), static_cast<int>(data.size()));
      PQputCopyEnd(conn_, ok == 1 ? nullptr : "dateline: sending rows failed");
      Status s;
      while (PGresult* raw = PQgetResult(conn_)) {
        Result done(raw);
        if (s.ok()) s = Check(done, PGRES_COMMAND_OK);
      }
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  // A read on this connection inside a write group sees the group's rows,
  // as in SQLite: the buffers go first.
  Status FlushBeforeRead() {
    if (in_put_ || (copy_[0].empty() && copy_[1].empty() && copy_[2].empty())) {
      return Status::OK();
    }
    return Flush();
  }

  Status DeleteArticle(int64_t rowid, const std::vector<uint32_t>& sig) {
    // The replaced article's rows may still be in the buffers.
    Status f = Flush();
    if (!f.ok()) return f;
    Params p;
    p.Add(rowid);
    std::string keys = "{";
    for (int64_t k : BandKeys(sig)) {
      if (keys.size() > 1) keys.push_back(',');
      keys += std::to_string(k);
    }
    keys += "}";
    p.Add(keys);
    // One statement: the entity totals lowered (from the rows as they were)
    // and every row of the article deleted.
    Status s = Exec(
        "WITH tot AS (UPDATE entity_totals t SET articles = t.articles - d.c, "
        "mentions = t.mentions - d.m FROM (SELECT (CASE WHEN canonical_name <> "
        "'' THEN canonical_name ELSE name END) AS name, type, count(*) AS c, "
        "sum(mention_count) AS m FROM entities WHERE article = $1 GROUP BY "
        "1, type) d WHERE t.name = d.name AND t.type = d.type), "
        "l AS (DELETE FROM lsh WHERE band_key = ANY($2::bigint[]) AND article "
        "= $1), n AS (DELETE FROM entities WHERE article = $1), m AS (DELETE "
        "FROM mentions WHERE article = $1), q AS (DELETE FROM quotes WHERE "
        "article = $1), e AS (DELETE FROM events WHERE article = $1) DELETE "
        "FROM articles WHERE rowid = $1",
        p, nullptr);
    if (!s.ok()) return s;
    return Exec("DELETE FROM entity_totals WHERE articles <= 0");
  }

  // Returns the story of the closest archived near-duplicate, "" if none:
  // the SQLite archive's walk (bands in order, each band's articles in
  // rowid order, at most ~2000 candidates) over the lsh table.
  Status FindStory(const std::vector<uint32_t>& sig,
                   const std::vector<int64_t>& bands,
                   const std::string& published, std::string* story) {
    story->clear();
    if (bands.empty()) return Status::OK();
    std::string keys = "{";
    for (int64_t k : bands) {
      if (keys.size() > 1) keys.push_back(',');
      keys += std::to_string(k);
    }
    keys += "}";
    Params p;
    p.Add(keys);
    Result r;
    // The band's articles with the columns the rule reads, in one query.
    Status s = Exec(
        "SELECT x.band_key, x.article, a.story, a.minhash, a.published FROM "
        "(SELECT band_key, article, row_number() OVER (PARTITION BY band_key "
        "ORDER BY article) AS n FROM lsh WHERE band_key = ANY(?::bigint[])) x "
        "JOIN articles a ON a.rowid = x.article WHERE x.n <= 2001 ORDER BY "
        "x.band_key, x.article",
        p, &r);
    if (!s.ok()) return s;
    std::map<int64_t, std::vector<int64_t>> by_band;
    std::map<int64_t, int> row_of;  // article -> a result row
    for (int i = 0; i < r.rows(); ++i) {
      by_band[r.Int(i, 0)].push_back(r.Int(i, 1));
      row_of.emplace(r.Int(i, 1), i);
    }
    std::set<int64_t> candidates;
    for (int64_t key : bands) {
      auto it = by_band.find(key);
      if (it == by_band.end()) continue;
      for (int64_t a : it->second) {
        candidates.insert(a);
        if (candidates.size() > 2000) break;  // a degenerate band
      }
    }
    const Result& cr = r;
    const int64_t day = DayNumber(published);
    double best = -1;
    for (int64_t c : candidates) {
      const int i = row_of[c];
      std::vector<uint32_t> other = cr.Blob32(i, 3);
      const int64_t other_day = DayNumber(cr.Text(i, 4));
      const bool far = options_.story_max_days > 0 && day >= 0 &&
                       other_day >= 0 &&
                       std::llabs(day - other_day) > options_.story_max_days;
      if (!far && SameStory(sig, other, rule_)) {
        Similarity sim = EstimateSimilarity(sig, other);
        double score = std::max(sim.jaccard, sim.containment * 0.999);
        if (score > best) {
          best = score;
          *story = cr.Text(i, 2);
        }
      }
    }
    return Status::OK();
  }

  // The rows of the document's quotes and events, as the INSERTs take them.
  static std::vector<std::string> QuoteValues(const Document& doc,
                                              const std::string& row) {
    std::vector<std::string> quotes;
    for (const Quote& q : doc.quotes) {
      const std::string text(Slice(doc.text, q.span));
      for (std::string v : {row, text, q.kind, q.cue, q.speaker, q.speaker_name}) {
        quotes.push_back(std::move(v));
      }
      for (const Span& sp : {q.span, q.cue_span, q.speaker_span, q.sentence}) {
        quotes.push_back(std::to_string(sp.begin));
        quotes.push_back(std::to_string(sp.end));
      }
      quotes.push_back(TsVectorLiteral({{text, 'A'}, {q.speaker_name, 'B'}}));
    }
    return quotes;
  }
  static std::vector<std::string> EventValues(const Document& doc,
                                              const std::string& row) {
    std::vector<std::string> events;
    for (const Event& e : doc.events) {
      char goldstein[32];
      std::snprintf(goldstein, sizeof goldstein, "%.17g", e.goldstein);
      for (std::string v :
           {row, e.source.name, e.source.code, e.source.entity,
            std::to_string(e.source.span.begin), std::to_string(e.source.span.end),
            std::to_string(e.has_target ? 1 : 0), e.target.name, e.target.code,
            e.target.entity, std::to_string(e.target.span.begin),
            std::to_string(e.target.span.end), e.code, e.root,
            std::to_string(e.quad_class), std::string(goldstein), e.date,
            e.location, std::to_string(e.negated ? 1 : 0),
            std::to_string(e.hypothetical ? 1 : 0),
            std::to_string(e.sentence.begin), std::to_string(e.sentence.end),
            std::to_string(e.trigger.begin), std::to_string(e.trigger.end),
            e.evidence,
            // The date filters use the event's own date, else the article's.
            e.date.empty() ? doc.published : e.date}) {
        events.push_back(std::move(v));
      }
      for (std::string& v : EventExtraValues(e)) events.push_back(std::move(v));
    }
    return events;
  }

  // Returns "(?,?),(?,?)..." for rows [b, e) of `values` (row-major,
  // casts.size() columns), their values appended to *p.
  static std::string ValuesSql(const std::vector<const char*>& casts,
                               const std::vector<std::string>& values, size_t b,
                               size_t e, Params* p) {
    const size_t ncols = casts.size();
    std::string sql;
    for (size_t r = b; r < e; ++r) {
      sql += r > b ? ",(" : "(";
      for (size_t c = 0; c < ncols; ++c) {
        if (c > 0) sql.push_back(',');
        sql += "?";
        sql += casts[c];
        p->Add(values[r * ncols + c]);
      }
      sql.push_back(')');
    }
    return sql;
  }

  // Inserts rows of `ncols` values each (row-major in `values`) as
  // multi-row INSERTs of at most ~30000 parameters. `casts` gives each
  // column's cast ("" for none), `tail` follows the VALUES list.
  Status InsertRows(const std::string& head, const std::vector<const char*>& casts,
                    const std::vector<std::string>& values, const char* tail) {
    const size_t ncols = casts.size();
    const size_t rows = values.size() / ncols;
    const size_t per = std::max<size_t>(1, 30000 / ncols);
    for (size_t b = 0; b < rows; b += per) {
      const size_t e = std::min(rows, b + per);
      Params p;
      std::string sql = head + " VALUES " + ValuesSql(casts, values, b, e, &p) + tail;
      Status s = Exec(sql, p, nullptr);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Status PutInGroup(const Document& doc, const PutKey& key,
                    const std::vector<uint32_t>& given_sig,
                    const std::string& record, PutOutcome* outcome,
                    std::string* story) {
    // One look-up: the same page again (nothing to do, unless this is
    // another copy of it that is preferred to the archived one:
    // PreferredCopy), and the articles this one replaces (same key, or
    // same id).
    {
      Params p;
      p.Add(key.content_hash);
      p.Add(key.key);
      p.Add(key.key);
      p.Add(doc.id);
      p.Add(doc.id);
      Result r;
      Status s = Exec(
          "WITH copy AS (SELECT story, rowid, minhash, id, url, page_key FROM "
          "articles WHERE content_hash = ? LIMIT 1) SELECT (SELECT story FROM "
          "copy), (SELECT rowid FROM articles WHERE page_key = ?), (SELECT "
          "minhash FROM articles WHERE page_key = ?), (SELECT rowid FROM "
          "articles WHERE id = ?), (SELECT minhash FROM articles WHERE id = "
          "?), (SELECT rowid FROM copy), (SELECT minhash FROM copy), (SELECT "
          "id FROM copy), (SELECT url FROM copy), (SELECT page_key FROM copy)",
          p, &r);
      if (!s.ok()) return s;
      if (r.rows() == 0) return Status::IOError(name_, "look-up gave no row");
      *outcome = PutOutcome::kAdded;
      int64_t deleted = 0;
      if (!r.IsNull(0, 0)) {
        const bool same = r.Text(0, 7) == doc.id || r.Text(0, 9) == key.key;
        if (same || !PreferredCopy(doc.url, doc.id, r.Text(0, 8), r.Text(0, 7))) {
          *story = r.Text(0, 0);
          *outcome = PutOutcome::kUnchanged;
          return Status::OK();
        }
        deleted = r.Int(0, 5);
        s = DeleteArticle(deleted, r.Blob32(0, 6));
        if (!s.ok()) return s;
        *outcome = PutOutcome::kReplaced;
      }
      for (int c : {1, 3}) {
        if (r.IsNull(0, c) || r.Int(0, c) == deleted) continue;
        deleted = r.Int(0, c);
        s = DeleteArticle(deleted, r.Blob32(0, c + 1));
        if (!s.ok()) return s;
        *outcome = PutOutcome::kReplaced;
      }
    }
    std::vector<uint32_t> sig =
        given_sig.empty() ? MinHashSignature(doc.text) : given_sig;
    std::vector<int64_t> bands = BandKeys(sig);
    Status s = FindStory(sig, bands, doc.published, story);
    if (!s.ok()) return s;
    if (story->empty()) *story = doc.id;

    std::string captions;
    for (const Caption& c : doc.captions) {
      if (!captions.empty()) captions.push_back('\n');
      captions += c.text;
    }
    std::string packed;
    s = PackRecord(record, &packed);
    if (!s.ok()) return s;
    Params a;
    for (const std::string* v :
         {&doc.id, &key.key, &key.content_hash, &doc.url, &doc.outlet,
          &doc.title, &doc.published, &doc.language}) {
      a.Add(*v);
    }
    a.Add(JoinList(doc.authors));
    a.Add(JoinList(doc.datelines));
    a.Add(JoinList(doc.tags));
    a.Add(doc.text);
    a.Add(doc.source);
    a.Add(*story);
    a.Add(static_cast<int64_t>(sig.empty() ? 0 : sig.back()));
    a.AddBytes(std::string_view(reinterpret_cast<const char*>(sig.data()),
                                sig.size() * sizeof(uint32_t)));
    a.AddBytes(packed);
    a.Add(captions);
    a.Add(TsVectorLiteral({{doc.title, 'A'}, {doc.text, 'B'}, {captions, 'C'}}));
    Result ins;
    s = Exec(
        "INSERT INTO articles(id, page_key, content_hash, url, outlet, title, "
        "published, language, authors, datelines, tags, text, source, story, "
        "shingles, minhash, record, captions, fts) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::tsvector) ON CONFLICT DO "
        "NOTHING RETURNING rowid",
        a, &ins);
    if (!s.ok()) return s;
    if (ins.rows() == 0) {
      // Another writer archived this page first (only possible without the
      // write lock, kept as a guard): the page is there once.
      *outcome = PutOutcome::kUnchanged;
      return Status::OK();
    }
    const std::string row = ins.Text(0, 0);

    std::vector<std::string> ents, ments;
    for (const Entity& e : doc.entities) {
      const std::string aliases = JoinList(e.aliases);
      for (std::string v : {row, e.id, e.name, e.type, e.country, e.government,
                            JoinList(e.roles), aliases,
                            std::to_string(e.mentions.size()),
                            TsVectorLiteral({{e.name, 'A'}, {aliases, 'B'}}),
                            e.canonical_id, e.canonical_name}) {
        ents.push_back(std::move(v));
      }
      for (int gov = 0; gov < 2; ++gov) {
        for (const Span& m : gov ? e.government_mentions : e.mentions) {
          for (std::string v : {row, e.id, std::to_string(m.begin),
                                std::to_string(m.end), std::to_string(gov),
                                e.canonical_id}) {
            ments.push_back(std::move(v));
          }
        }
      }
    }
    // The layers. Mentions, quotes and events are collected for COPY at
    // the group's end (Flush). Entities and LSH bands go in now, in one
    // statement of data-modifying CTEs: a later Put reads the bands, and
    // the entity totals come from the rows the entity insert returns, so
    // exactly the rows inserted count, as SQLite's trigger counts them.
    // A document too large for one statement's parameters takes a
    // statement per table.
    struct Rows {
      const char* head;
      std::vector<const char*> casts;
      std::vector<std::string>* values;
      const char* tail;
    };
    std::vector<std::string> events = EventValues(doc, row);
    std::vector<std::string> quotes = QuoteValues(doc, row);
    std::vector<std::string> lsh;
    for (int64_t k : bands) {
      lsh.push_back(std::to_string(k));
      lsh.push_back(row);
    }
    const Rows tables[] = {
        {"INSERT INTO entities(article, eid, name, type, country, government, "
         "roles, aliases, mention_count, fts, canonical_id, canonical_name)",
         {"::bigint", "", "", "", "", "", "", "", "::bigint", "::tsvector", "",
          ""},
         &ents,
         " ON CONFLICT (article, eid) DO NOTHING RETURNING name, type, "
         "country, mention_count, canonical_id, canonical_name"},
        {"INSERT INTO lsh(band_key, article)", {"::bigint", "::bigint"}, &lsh,
         " ON CONFLICT DO NOTHING"},
    };
    const char kTotals[] =
        " INSERT INTO entity_totals(name, type, country, articles, mentions, "
        "canonical_id) SELECT (CASE WHEN e.canonical_name <> '' THEN "
        "e.canonical_name ELSE e.name END) AS k, type, max(country), count(*), "
        "sum(mention_count), max(canonical_id) FROM %s e GROUP BY k, type ON "
        "CONFLICT (name, type) DO UPDATE SET articles = entity_totals.articles "
        "+ excluded.articles, mentions = entity_totals.mentions + "
        "excluded.mentions, country = greatest(entity_totals.country, "
        "excluded.country), canonical_id = greatest(entity_totals.canonical_id, "
        "excluded.canonical_id)";
    AppendCopyRows(ments, 6, &copy_[0]);
    AppendCopyRows(quotes, 15, &copy_[1]);
    AppendCopyRows(events, 26 + kEventExtraCount, &copy_[2]);
    size_t total = 0;
    for (const Rows& t : tables) total += t.values->size();
    if (total <= 30000) {
      std::string sql = "WITH ";
      Params p;
      int n = 0;
      for (const Rows& t : tables) {
        if (t.values->empty()) continue;
        const std::string name = "t" + std::to_string(n++);
        sql += (n > 1 ? ", " : "") + name + " AS (" + t.head + " VALUES " +
               ValuesSql(t.casts, *t.values, 0, t.values->size() / t.casts.size(), &p) +
               t.tail + ")";
        if (t.values == &ents) {
          char totals[1200];
          std::snprintf(totals, sizeof totals, kTotals, name.c_str());
          sql += ", totals AS (" + std::string(totals) + ")";
        }
      }
      if (n == 0) return Status::OK();
      sql += " SELECT 1";
      return Exec(sql, p, nullptr);
    }
    for (const Rows& t : tables) {
      if (t.values->empty()) continue;
      // RETURNING has no reader outside a WITH: the totals are read from
      // the table.
      s = InsertRows(t.head, t.casts, *t.values,
                     t.values == &ents ? " ON CONFLICT (article, eid) DO NOTHING"
                                       : t.tail);
      if (!s.ok()) return s;
    }
    if (!ents.empty()) {
      char totals[1200];
      std::snprintf(totals, sizeof totals, kTotals,
                    "(SELECT * FROM entities WHERE article = ?::bigint)");
      Params tp;
      tp.Add(row);
      s = Exec(totals, tp, nullptr);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  PGconn* conn_;
  std::string name_;  // the target without its password
  ArchiveOptions options_;
  StoryRule rule_;
  bool in_group_ = false;
  bool dirty_ = false;  // the open group wrote something
  bool shared_budget_ = false;
  std::chrono::steady_clock::time_point shared_deadline_;
  int64_t timeout_ms_ = 0;  // statement_timeout in force (Timed)
  bool in_put_ = false;     // inside PutInGroup: its reads need no flush
  std::string copy_[3];     // rows for kCopySql, COPY text format
};

}  // namespace

Status OpenPostgresArchive(const std::string& target,
                           const ArchiveOptions& options,
                           std::unique_ptr<Archive>* archive) {
  archive->reset();
  PGconn* conn = PQconnectdb(target.c_str());
  if (conn == nullptr) {
    return Status::IOError(RedactTarget(target), "cannot allocate a connection");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(conn);
    return Status::IOError(RedactTarget(target), "cannot connect: " + msg);
  }
  auto impl = std::make_unique<PostgresArchive>(conn, target, options);
  Status s = impl->Init();
  if (!s.ok()) return s;
  *archive = std::move(impl);
  return Status::OK();
}

#endif  // DATELINE_HAVE_LIBPQ

}  // namespace dateline

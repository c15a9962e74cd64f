// Archive: the store `dateline ingest` writes and the query verbs read. The
// embedded default is one SQLite file (WAL mode, so readers query while a
// writer ingests); Archive::Open hides the implementation as leveldb::DB::Open
// hides DBImpl. Schema and query options: docs/archive.md.
//
// Thread safety: one Archive object is used by one thread at a time. Many
// processes (or many Archive objects) may open the same file; SQLite allows
// one writer and any number of readers at once. Every method returns a
// Status; none throws. User text (search words, names, codes, dates) is
// always bound as a parameter, never spliced into SQL.
#ifndef DATELINE_ARCHIVE_H_
#define DATELINE_ARCHIVE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

struct ArchiveOptions {
  // Open for queries only: the file must exist; nothing is written.
  bool read_only = false;
  // How long to wait for another process's lock before giving up (ms).
  int busy_timeout_ms = 10000;
  // Near-duplicate threshold: an article joins the story of an archived
  // article whose estimated shingle Jaccard similarity is at least this.
  double story_threshold = 0.45;
  // Copies of one story run within days of each other: a candidate
  // published more than this many days apart (both dates known) is another
  // story (a weekly report from the same template). 0: no limit.
  int story_max_days = 3;
  // Time budget of one query in milliseconds (0: none). A query over it
  // stops and returns TimedOut.
  int query_timeout_ms = 0;
  // Page cache of one connection, KiB. Readers that also map the file
  // (read_only) need little of their own.
  int cache_kib = 65536;
};

// What Put did with a document.
enum class PutOutcome {
  kAdded,      // a new article
  kReplaced,   // an article with the same key (URL or source) changed
  kUnchanged,  // the same page (content hash) is already archived
};

// Identity of a page for Put: `key` says which page this is (its URL when
// known, else its source path), `content_hash` what it held (hash of the
// page bytes). Same hash: nothing to do; same key, other hash: replace.
struct PutKey {
  std::string key;
  std::string content_hash;
};

// Common filters. Dates are ISO 8601 prefixes ("2023", "2023-09",
// "2023-09-13"), compared as text against the article's `published` (and an
// event's own date when it has one); `until` is inclusive ("2023-09" takes
// the whole month). limit 0 means no limit. Items without a date (an
// article whose page gave none) fall outside any period unless
// include_undated; with no period every item is listed.
struct Period {
  std::string since;
  std::string until;
  bool include_undated = false;
};

// Counts for a list: every matching item (not only the page asked for), and
// how many of the matching items have no date (counted without the
// period's dates, so a user sees what a date filter leaves out; -1 when
// the query has no period, as then nothing is left out).
struct ListTotals {
  int64_t total = 0;
  int64_t undated = -1;
};

// The order of search hits.
enum class SearchOrder {
  kRelevance,  // bm25 with a query; newest first without one
  kNewest,     // publication date, newest first, undated last
  kOldest,     // publication date, oldest first, undated last
};

// The order of events.
enum class EventOrder {
  kOldest,        // event date, oldest first, undated last
  kNewest,        // event date, newest first, undated last
  kGoldstein,     // most cooperative first
  kGoldsteinLow,  // most conflictual first
};

struct SearchQuery {
  std::string query;  // FTS5 query over titles and text: words, "a phrase",
                      // OR, NOT, NEAR(...), prefix*; empty: every article
  // The query is text as people type it ("U.S.", "oil-prices", "AT&T"):
  // each word is one term (its punctuation-joined parts a phrase), all of
  // them required; nothing in it is syntax.
  bool plain = false;
  Period period;
  std::string outlet;
  std::string story;  // only the members of this story
  SearchOrder order = SearchOrder::kRelevance;
  size_t limit = 20;
  size_t offset = 0;  // skip this many hits first
};

// The most terms a search query may have (words, phrases, prefixes).
inline constexpr size_t kMaxQueryTerms = 200;

// Converts text as people type it into an FTS5 query of required terms
// (each word a quoted phrase). "" when the text has no word.
std::string PlainTextQuery(const std::string& text);

// Value counts of the matching articles (facets of a search).
struct FacetCount {
  std::string value;
  int64_t count = 0;
};
struct SearchFacets {
  std::vector<FacetCount> outlet;  // most articles first (at most 20)
  std::vector<FacetCount> year;    // by year; "" for undated
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string outlet;
  std::string url;
  std::string source;
  std::string published;
  std::string story;
  std::string snippet;  // matched words between [ and ]
  double score = 0;     // bm25: lower is better
};

struct EventQuery {
  // CAMEO actor codes, matched as prefixes ("RUS" matches "RUSGOV"). One
  // code: either side of the event. Two codes: one on each side, either way.
  std::vector<std::string> actors;
  std::string entity;  // actor entity or name containing this (any case)
  std::string code;    // CAMEO event code or root, as a prefix ("04", "036")
  int quad_class = 0;  // 1..4, 0 for any
  Period period;
  EventOrder order = EventOrder::kOldest;
  size_t limit = 50;
  size_t offset = 0;
};

struct EventRow {
  int64_t event_id = 0;  // stable within the archive (GDELT GlobalEventID)
  std::string article;  // article id
  std::string title;
  std::string published;
  std::string url;
  std::string outlet;
  std::string source;       // the page's source when it has no URL
  std::string ingested_at;  // UTC, ISO 8601
  bool in_lead = false;     // the event's sentence is in the first paragraph
  Event event;
};

struct QuoteQuery {
  // The speaker, exactly (any case): a canonical entity's id or name
  // ("person:tony-blair", "Tony Blair": also the articles that call him "Mr
  // Blair"), else the speaker entity's name in its article, else the
  // speaker as named when no entity was found.
  std::string speaker;
  // Match `speaker` as words contained in the speaker's name or any name of
  // the speaker entity ("Blair" finds Tony Blair and Bob Blair).
  bool speaker_contains = false;
  std::string words;    // FTS5 query over the quoted words
  Period period;
  size_t limit = 50;
  size_t offset = 0;
};

struct QuoteRow {
  std::string article;
  std::string title;
  std::string published;
  std::string outlet;
  std::string speaker_entity_name;  // the resolved entity's name, if any
  Quote quote;
  std::string text;  // the quoted words as they read
};

// Entities are listed by their canonical entity ("Tony Blair", whatever an
// article called him) when linked, else by the name an article gave them.
struct EntityQuery {
  std::string type;  // PER, ORG, LOC, MISC or "" for all
  std::string name;  // name containing this (any case), "" for all
  std::string canonical;  // only this canonical entity ("person:tony-blair")
  Period period;
  size_t limit = 20;
  size_t offset = 0;
};

struct EntityCount {
  std::string name;
  std::string type;
  std::string country;
  int64_t articles = 0;  // articles that mention it
  int64_t mentions = 0;  // mentions in those articles
  std::string canonical_id;  // "" when not linked
};

struct StoryQuery {
  size_t min_size = 2;  // groups with at least this many articles
  Period period;
  std::string query;  // FTS5 query: only stories with a matching member
  size_t limit = 20;
  size_t offset = 0;
};

struct StoryRow {
  std::string story;
  int64_t size = 0;
  std::string title;  // the earliest member's title
  std::string first_published;
  std::string last_published;
  std::vector<std::string> outlets;  // distinct outlets (or sources' hosts)
  std::vector<std::string> members;  // article ids, earliest first
};

struct ArchiveStats {
  int64_t articles = 0;
  int64_t stories = 0;           // groups with two or more articles
  int64_t duplicate_articles = 0;  // articles in those groups
  int64_t entities = 0;
  int64_t mentions = 0;
  int64_t quotes = 0;
  int64_t events = 0;
};

// Attention over time: articles matching a search, and their quotes and
// events, counted per day, month or year of the article's publication.
enum class TimeBucket { kDay, kMonth, kYear };
struct TimelineQuery {
  std::string query;  // as SearchQuery::query; empty: every article
  bool plain = false;
  Period period;      // include_undated is ignored: undated are counted apart
  TimeBucket bucket = TimeBucket::kMonth;
};
struct TimelinePoint {
  std::string period;  // "2023", "2023-09" or "2023-09-13"
  int64_t articles = 0;
  int64_t quotes = 0;
  int64_t events = 0;
};
struct TimelineResult {
  std::vector<TimelinePoint> points;  // oldest first, empty periods left out
  TimelinePoint undated;              // the matching articles without a date
};

// Who acts on whom: events grouped by (source, target) actor, either the
// whole CAMEO actor code or its country part (first three letters).
struct NetworkQuery {
  Period period;
  int quad_class = 0;        // 1..4, 0 for any
  bool by_country = true;
  size_t limit = 200;        // the heaviest edges
};
struct NetworkEdge {
  std::string source;
  std::string target;
  int64_t events = 0;
  double goldstein = 0;  // mean Goldstein score of those events
};

// Where events happen: events per place name as the text gave it.
struct PlaceCount {
  std::string name;
  int64_t events = 0;
  // Where the events' place was geocoded when they were coded (with their
  // article's countries: "Paris" in a Texas story); `resolved` false for
  // events archived without one. A name geocoded two ways is two rows.
  EventGeo geo;
};

// One entity across the archive: the name as listed by Entities.
struct EntityProfile {
  std::string name;
  std::string type;
  std::string country;
  std::vector<std::string> aliases;  // other names it goes by
  int64_t articles = 0;
  int64_t mentions = 0;
  int64_t quotes = 0;  // quotes whose speaker it is
  int64_t events_as_source = 0;
  int64_t events_as_target = 0;
};

// One copy of a story.
struct StoryMember {
  std::string id;
  std::string title;
  std::string outlet;
  std::string url;
  std::string source;
  std::string published;
  std::string excerpt;  // the start of the clean text
};

// Of two archived copies of the same page (the same bytes, read from two
// inputs: a file and a WARC record of it), whether the copy (`url`, `id`)
// is kept over (`other_url`, `other_id`): a copy whose input or page gives
// its URL first, then the smaller id. A total order, so an archive holds
// the same copy whatever order, or on whichever worker, the copies came.
bool PreferredCopy(const std::string& url, const std::string& id,
                   const std::string& other_url, const std::string& other_id);

class Archive {
 public:
  virtual ~Archive() = default;

  // Opens (creating unless read_only) the archive at `path`. Returns
  // IOError naming the file when it cannot be opened or is not an archive,
  // NotFound when read_only and it does not exist.
  static Status Open(const std::string& path, const ArchiveOptions& options,
                     std::unique_ptr<Archive>* archive);

  // Returns the MinHash signature Put uses to group near-duplicates, from the
  // article's clean text. Thread-safe and pure: workers compute it in
  // parallel and hand it to Put.
  static std::vector<uint32_t> Signature(const std::string& text);

  // Groups writes: Put between Begin and Commit lands atomically (a crash
  // loses the open group and nothing else). Put outside a group commits
  // each document on its own.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;

  // Returns true if a page with this content hash was archived from
  // `source` (the input it was read from, Document::source). Ingest skips
  // such a page unread. The same bytes read from another input are
  // processed, and Put keeps one copy, the preferred one (PreferredCopy),
  // whatever order the copies arrive in.
  virtual Status Contains(const std::string& content_hash,
                          const std::string& source, bool* found) = 0;

  // Stores `doc` (a document without error) with all its layers and assigns
  // its story. `signature` is Signature(doc.text) (computed here if empty).
  // `record` is the JSON record line (ToJsonLine), kept for export.
  virtual Status Put(const Document& doc, const PutKey& key,
                     const std::vector<uint32_t>& signature,
                     const std::string& record, PutOutcome* outcome,
                     std::string* story) = 0;

  // Queries. Each clears *out and fills it. A malformed FTS5 query gives
  // InvalidArgument with the reason; a bad date or code gives
  // InvalidArgument naming the field.
  virtual Status Search(const SearchQuery& q, std::vector<SearchHit>* out) = 0;
  virtual Status Events(const EventQuery& q, std::vector<EventRow>* out) = 0;
  virtual Status Quotes(const QuoteQuery& q, std::vector<QuoteRow>* out) = 0;
  virtual Status Entities(const EntityQuery& q,
                          std::vector<EntityCount>* out) = 0;
  virtual Status Stories(const StoryQuery& q, std::vector<StoryRow>* out) = 0;
  virtual Status Stats(ArchiveStats* out) = 0;

  // The counts of each list above (limit and offset ignored).
  virtual Status Count(const SearchQuery& q, ListTotals* out) = 0;
  virtual Status Count(const EventQuery& q, ListTotals* out) = 0;
  virtual Status Count(const QuoteQuery& q, ListTotals* out) = 0;
  virtual Status Count(const EntityQuery& q, ListTotals* out) = 0;
  virtual Status Count(const StoryQuery& q, ListTotals* out) = 0;
  // Outlet and year counts of the articles a search matches.
  virtual Status Facets(const SearchQuery& q, SearchFacets* out) = 0;

  // Views over many rows (docs/serve.md).
  virtual Status Timeline(const TimelineQuery& q, TimelineResult* out) = 0;
  virtual Status Network(const NetworkQuery& q,
                         std::vector<NetworkEdge>* out) = 0;
  // Events per location, most first, for the events `q` selects
  // (q.limit: the most places returned).
  virtual Status Places(const EventQuery& q, std::vector<PlaceCount>* out) = 0;
  // NotFound when no entity has this name (and type, unless empty).
  virtual Status Profile(const std::string& name, const std::string& type,
                         EntityProfile* out) = 0;
  // The members of a story, earliest first; NotFound for an unknown story.
  virtual Status StoryMembers(const std::string& story,
                              std::vector<StoryMember>* out) = 0;

  // Streams the JSON records (with "story" added) of the articles matching
  // `q` (limit 0: all), oldest first, to `fn`; stops early when fn returns
  // false.
  virtual Status ForEachRecord(
      const SearchQuery& q,
      const std::function<bool(const std::string& record)>& fn) = 0;
  // Streams the events matching `q` (limit 0: all) to `fn`.
  virtual Status ForEachEvent(
      const EventQuery& q, const std::function<bool(const EventRow&)>& fn) = 0;

  // Hands the content hash and the source of every archived page to `fn`
  // (ingest reads them once to skip pages already there; see Contains).
  // NotSupported unless the store implements it.
  virtual Status ForEachContentHash(
      const std::function<void(const std::string& hash,
                               const std::string& source)>& fn) {
    (void)fn;
    return Status::NotSupported("archive", "no bulk read of content hashes");
  }

  // Returns the story id of article `id` (NotFound if not archived).
  virtual Status StoryOf(const std::string& id, std::string* story) = 0;

  // Sets *record to the JSON record (with "story" added) of article `id`, as
  // ForEachRecord gives it (offsets in code points). NotFound if not
  // archived.
  virtual Status Record(const std::string& id, std::string* record) = 0;

  // Starts the time budget (ArchiveOptions::query_timeout_ms) of a group of
  // queries answering one request: until the next call, every query shares
  // the budget from now. Without it, each query has a budget of its own.
  virtual void RestartBudget() = 0;

  // Sets *version to a number that changes whenever another connection
  // commits to the archive (SQLite's data_version): a reader caching
  // answers drops them when it changes.
  virtual Status Version(int64_t* version) = 0;

  // Runs PRAGMA integrity_check; Corruption with its report if not "ok".
  virtual Status CheckIntegrity() = 0;
};

}  // namespace dateline

#endif  // DATELINE_ARCHIVE_H_

// Page and Document: what a reader yields and what the pipeline builds.
//
// A Page is one input as read: its bytes already decoded to UTF-8, its
// format (HTML or plain scraped text) and where it came from. A Document is
// the record the pipeline builds from a Page, one layer per stage; its fields
// are those of the JSON record in CONTRACT.md. Both are plain values: copyable,
// movable, not synchronised.
#ifndef DATELINE_DOCUMENT_H_
#define DATELINE_DOCUMENT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dateline/status.h"

namespace dateline {

enum class PageFormat { kUnknown = 0, kHtml, kText };

// Returns "html", "text" or "unknown".
const char* PageFormatName(PageFormat format);

// What an input says about a page besides its content: the fields of a JSON
// Lines record, the dates of WARC and HTTP headers, a Reuters SGML record's
// elements, `--outlet`. Values are as the input writes them (the clean stage
// normalises dates to ISO 8601, languages to ISO 639-1, author strings to
// names); "" and {} when the input says nothing. They outrank what the
// cleaner finds in the page, except `fetched`, which is only a fallback.
struct PageMetadata {
  std::string title;
  std::vector<std::string> authors;
  std::string published;
  std::string language;
  std::string outlet;
  std::vector<std::string> tags;
  std::string description;
  // The reader that read the page and these fields: "jsonl", "warc",
  // "reuters"; "" for a bare file.
  std::string origin;
  // "option" when `outlet` came from ReadOptions::outlet (`--outlet`).
  std::string outlet_origin;
  // When the page was fetched or last changed (HTTP Last-Modified, else
  // WARC-Date), as written; `published` only when nothing better is known.
  std::string fetched;
  std::string fetched_origin;  // "http" or "warc"
};

struct Page {
  std::string source;  // file path, "path#record=N", "path:LINE" or "-"
  std::string url;     // when the input says (WARC target URI, JSONL url)
  std::string id;      // when the input says (JSONL id)
  PageFormat format = PageFormat::kUnknown;
  std::string content;  // the page, valid UTF-8
  std::string charset;  // the charset the bytes were decoded from
  Status status;        // not OK: the page could not be read; content empty
  PageMetadata metadata;  // what the input says about the page
};

// A [begin, end) range in bytes of Document::text (internally); the JSON
// writer turns it into Unicode code points.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// One piece of the map from clean text back to the page: `length` bytes of
// Document::text starting at `text_begin` came from the page content starting
// at byte `page_begin` (possibly after entity decoding and whitespace
// collapsing, so lengths may differ; page_end closes the page range).
struct OffsetPiece {
  uint32_t text_begin = 0;
  uint32_t text_end = 0;
  uint32_t page_begin = 0;
  uint32_t page_end = 0;
};

struct Caption {
  std::string text;
  std::string credit;
};

struct Removal {
  std::string text;
  std::string reason;  // short code: "advertisement", "newsletter", ...
};

// A character repaired in the clean text: `span` (bytes of the repaired
// field) now holds `replacement`, where the page had `original` (e.g. "?" or
// U+FFFD lost in a bad conversion). `field` names the string repaired:
// "text", "title" or "caption" (then `index` is the caption's position).
struct Repair {
  Span span;
  std::string field = "text";
  uint32_t index = 0;
  std::string original;
  std::string replacement;
  std::string word;  // the repaired word, as it now reads
};

// The language layer: sentences (as token ranges), names found by the
// tagger, and time expressions resolved against the publication date.
struct SentenceSpan {
  Span span;
  uint32_t token_begin = 0;  // index into Document::tokens
  uint32_t token_end = 0;
};
struct NamedMention {
  Span span;
  std::string type;  // PER, ORG, LOC, MISC
};
struct TimeMention {
  Span span;
  std::string value;        // ISO 8601: 2023-09-13, 2023-10, 2022/, 199
  std::string granularity;  // day, week, month, year, decade, range
  std::string rule;         // how it was resolved ("weekday-past", ...)
};

// A person, organisation, place or other named thing, once per real-world
// referent in the document (within-document resolution), with every mention.
struct Entity {
  std::string id;    // "e1", "e2", ... in order of first mention
  std::string name;  // the fullest form mentioned ("Kim Jong Un")
  std::string type;  // PER, ORG, LOC or MISC
  std::vector<std::string> aliases;  // other forms ("Kim", "Kim Jong-Un")
  std::vector<std::string> roles;    // "Kremlin spokesman", "President"
  std::string country;               // ISO 3166 alpha-3, "" when unknown
  int age = -1;                      // -1 when the text gives none
  // For places and institutions that stand for a government ("Moscow
  // said", "the Kremlin"): the country whose government, else "".
  std::string government;
  std::vector<Span> mentions;             // bytes of Document::text
  std::vector<Span> government_mentions;  // the mentions acting as government
  // The entity of dateline's knowledge base it is ("person:tony-blair",
  // "country:GBR"), the same in every article; "" when not linked.
  std::string canonical_id;
  std::string canonical_name;  // that entity's name ("Tony Blair"), or ""
};

// A quotation or reported statement and who made it (quotes stage).
struct Quote {
  Span span;          // the words quoted or reported, bytes of Document::text
  std::string kind;   // "direct", "partial" or "indirect"
  std::string cue;    // the cue as it reads ("said", "according to")
  Span cue_span;      // {0, 0} when there is no cue word
  std::string speaker;       // entity id ("e3"), "" when unresolved
  std::string speaker_name;  // the speaker as named ("Dmitry Peskov")
  Span speaker_span;         // the speaker's mention, {0, 0} when none
  Span sentence;             // the sentence (or sentences) holding it
  // Every entity id when several speak at once ("Sullivan and counterparts
  // Akiba and Cho noted"), speaker being the first; empty otherwise.
  std::vector<std::string> speakers;
  // What the cue reports: "speech" (said, told, according to), "belief"
  // (believes, wants), "act" (denied, called for, endorsed: a stance taken),
  // "evidence" (a poll shows); "" when there is no cue.
  std::string cue_class;
};

// One side of an event: the actor as named, its CAMEO actor code
// ("RUSGOV", "USA", "IGOUNO") and the entity it resolves to.
struct EventActor {
  std::string name;
  std::string code;    // "" when uncoded
  std::string entity;  // entity id, "" when none
  Span span;           // the mention, {0, 0} when none
};

// Where an event took place as a gazetteer resolves it (GDELT's ActionGeo
// fields); `resolved` false when no geocoder ran or none matched.
struct EventGeo {
  bool resolved = false;
  std::string name;     // the gazetteer's name ("Jeddah")
  std::string country;  // ISO 3166 alpha-3 of the place
  // GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world
  // city, 5 world state (an ADM1 region); 0 when not resolved.
  int type = 0;
  std::string feature;  // that type as a word: "country", "city", ...
  double latitude = 0, longitude = 0;
  // GeoNames id of a city, the ADM1 code of a state, ISO alpha-3 of a
  // country.
  std::string feature_id;
  std::string adm1;  // ISO alpha-2 + GeoNames admin1 ("FR11"; "RU" alone)
};

// A coded event: who did what to whom, when and where (events stage).
struct Event {
  EventActor source;
  EventActor target;
  bool has_target = false;
  std::string code;  // CAMEO event code, "036"
  std::string root;  // its root, "03"
  int quad_class = 0;
  double goldstein = 0;
  std::string date;      // ISO 8601 (day, month or year), "" when unknown
  std::string location;  // place name as the text gives it, "" when none
  bool negated = false;
  bool hypothetical = false;  // intent, threat, condition, future
  Span sentence;
  Span trigger;          // the words that triggered the code
  std::string evidence;  // those words as they read
  // Where `date` comes from: "clause" (the clause's own time expression or
  // its reporting clause's), "sentence" (another in the sentence),
  // "published" (the publication date, as GDELT), "" when none.
  std::string date_source;
  // Where `location` comes from: "clause" (a locative oblique: "talks in
  // Jeddah"), "destination" (the place a visit goes to: "visit to
  // London"), "dateline" (the article's dateline), "sentence" (with no
  // dateline, the place named nearest in the sentence; the token coder: a
  // place of the sentence), "" when none.
  std::string location_source;
  EventGeo geo;  // `location` geocoded, when a geocoder is given
  // Who reports the act ("Peskov said Putin accepted"): the speaker of the
  // clause of saying; has_reporter false when the act is told directly.
  EventActor reporter;
  bool has_reporter = false;
};

// One argument of a clause (clauses stage): the phrase that fills a role of
// its predicate, found in the dependency parse.
struct ClauseArgument {
  // "agent" (nsubj, or the by-phrase of a passive), "patient" (obj, or the
  // subject of a passive), "recipient" (iobj, "to" of give/send), "oblique"
  // (obl with its preposition), "complement" (a clause: ccomp, xcomp),
  // "attribute" (the predicate of a copula).
  std::string role;
  std::string preposition;  // obliques: "with", "against", "of" ... else ""
  uint32_t head = 0;        // token index of the phrase's head
  Span span;                // the phrase, bytes of Document::text
  std::string entity;       // the entity whose mention the phrase holds, or ""
  int clause = -1;          // complements: index into Document::clauses
  // Shared with another argument of the same role by coordination ("A and B
  // met"), or taken from the clause that controls this one ("agreed to
  // visit": the agreer); the head then lies outside this clause.
  bool distributed = false;
  bool controlled = false;
};

// A predicate and its arguments (clauses stage): who did what to whom, with
// the polarity, modality and attribution the sentence gives it. Built once
// per document from the parse; the quotes and events stages read these
// instead of walking the tree.
struct Clause {
  uint32_t predicate = 0;   // token index of the predicate's head
  Span predicate_span;      // the predicate with its particle ("back off")
  std::string lemma;        // "accept", "visit", "talk"
  std::string kind;         // "verb" or "noun" ("talks with", "visit to")
  std::string voice;        // "active" or "passive"
  std::string tense;        // "past", "present", "future"
  bool negated = false;     // not, never, no longer, fail to, deny
  // "" (asserted), or what holds it back: "future" (will), "intent" (plan to,
  // agree to), "threat" (threaten to), "possible" (could, may, might),
  // "necessity" (must, should), "conditional" (an if-clause or its
  // consequence), "question" (a question, whether-clause).
  std::string modality;
  int parent = -1;          // the clause this one is an argument or adjunct of
  // How the predicate hangs on its head in the parse, without the subtype:
  // "root", "ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", ...
  // ("conj" of a clause is a second predicate coordinated with it).
  std::string relation;
  // The clause of saying that reports this one ("Peskov said ..."), and its
  // speaker's argument index there; -1 when none.
  int attributed_by = -1;
  Span sentence;
  std::vector<ClauseArgument> arguments;
};

struct Document {
  std::string id;
  std::string url;
  std::string outlet;
  std::string title;
  std::string published;  // ISO 8601, "" when unknown
  std::vector<std::string> authors;
  std::vector<std::string> datelines;
  std::string language;  // ISO 639-1, "" when unknown
  std::vector<std::string> tags;
  std::string description;  // the input's summary of the article, "" if none
  // Where each metadata field came from: "title", "published", ... ->
  // "input:jsonl", "html:json-ld", "text", ... (docs/schema.md).
  std::map<std::string, std::string> metadata_source;
  std::vector<Caption> captions;
  std::string text;  // clean body; paragraphs separated by "\n\n"
  std::vector<Removal> removed;
  std::vector<Repair> repairs;       // characters repaired in text
  std::vector<Span> tokens;             // segment stage
  std::vector<SentenceSpan> sentences;  // segment stage
  std::vector<std::string> pos;         // tag stage: Penn tag per token
  std::vector<std::string> chunks;      // tag stage: IOB chunk per token
  std::vector<NamedMention> mentions;   // tag stage
  // parse stage: per token, the index (into tokens) of its head, -1 for the
  // root of its sentence, and its Universal Dependencies relation.
  std::vector<int32_t> heads;
  std::vector<std::string> deprels;
  std::vector<Entity> entities;         // resolve stage
  std::vector<TimeMention> times;       // resolve stage
  std::vector<Clause> clauses;          // clauses stage
  std::vector<Quote> quotes;            // quotes stage
  std::vector<Event> events;            // events stage
  std::vector<OffsetPiece> offsets;  // text -> page content
  std::string error;                 // non-empty: could not be processed
  // The list layers the pipeline was asked for (its stages): the record
  // carries each of them, as an empty list when the stage found nothing or
  // the page could not be processed, so "no events" reads the same on every
  // record. A layer not asked for is left out (not claimed empty).
  struct Layers {
    bool entities = false;  // and times: the resolve stage
    bool quotes = false;
    bool events = false;
  } layers;

  // Provenance, not part of the JSON record unless asked for.
  std::string source;
  PageFormat format = PageFormat::kUnknown;
};

struct JsonOptions {
  // Add "source", "format" and "offsets" (the map back to the page, as
  // [text_begin, text_end, page_begin, page_end] with text offsets in code
  // points and page offsets in bytes of the decoded page).
  bool provenance = false;
  // Add "tokens" (with "pos", "head" and "deprel" when parsed) and "clauses"
  // (`--layers tokens,clauses`).
  bool tokens = false;
  bool clauses = false;
};

// Returns the document as one line of JSON (no trailing newline), with the
// fields and order of CONTRACT.md. Offsets become code points.
std::string ToJsonLine(const Document& doc, const JsonOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_DOCUMENT_H_

// EventCoder: who did what to whom, coded in CAMEO, from the language layer.
//
// Reads a Document that has been through segment, tag and resolve (tokens,
// sentences, part of speech, chunks, names, entities, times) and appends one
// Event per coded event to Document::events. No external parser: the coder
// matches verb and phrase patterns (data/events/verbs.tsv, or PETRARCH
// verb dictionaries) over each sentence's tokens, finds the source and target
// actors around the trigger (subject and object, passive "by" agents,
// coordinated actors, reported speech, pronouns), reads negation and
// modality from the words before the trigger, and codes the actors through
// the ActorDictionary and the entities (the actors of a sentence come from
// the actor finder, actor_finder.h, which the clause coder reads too).
//
// Created once by Create (loads the CAMEO table, actors and patterns); Code
// is const and thread-safe.
#ifndef DATELINE_EVENTS_EVENT_CODER_H_
#define DATELINE_EVENTS_EVENT_CODER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

class ActorDictionary;
class CameoTable;

class Geocoder;
class NounFrames;

struct EventCoderOptions {
  // The place table events are geocoded with, shared with the caller (the
  // pipeline's resolve stage reads the same one); not owned, must outlive
  // the coder. Null: loaded from data_dir (geo/places.tsv), if there.
  const Geocoder* geocoder = nullptr;
  // The event nouns of the clause layer (data/syntax/noun_frames.tsv),
  // whose codes become noun patterns; shared with the pipeline's clauses
  // stage, not owned. Null: loaded from data_dir, if there.
  const NounFrames* noun_frames = nullptr;
  // Our patterns: empty means data_dir + "/events/verbs.tsv".
  std::string verbs_path;
  // Use PETRARCH-format dictionaries instead of ours: the directory holding
  // PETR.Validate.{verbs,actors,agents,discards}.txt (or files named by the
  // paths below, which override it).
  std::string petrarch_dir;
  std::string petrarch_verbs;
  std::string petrarch_actors;
  std::string petrarch_agents;
  std::string petrarch_discards;
  // Emit events whose target is unknown only for patterns that allow it
  // (protests, denials); when true, also for every other pattern.
  bool allow_missing_target = false;
  // Emit violent events (roots 18-20) whose perpetrator the text does not
  // name ("three civilians were killed in a car bombing"), with an empty
  // source code, as GDELT and PLOVER allow; the target must be coded. Off
  // by default (CAMEO/PETRARCH events are dyadic).
  bool allow_missing_source = false;
  // Code a symmetric act (meet, negotiate, sign: SymmetricCode) whose
  // parties are a coordinated subject ("Israel and Lebanon renewed
  // negotiations") or named by "between" in both directions, as PLOVER's
  // reciprocal (SRC/TAR) records and PETRARCH code it. Off by default: the
  // real-news gold set, GDELT's practice, codes it once per pair.
  bool reciprocal_pairs = false;
  // Emit codes that are not in the CAMEO table (user dictionaries in
  // another scheme, such as the WEIS-coded PETR.Validate.verbs.txt); root is
  // then the code's first two characters, quad class and Goldstein 0. Off
  // by default: with it off no emitted code is outside the table.
  bool accept_any_code = false;
  // Code match reports too. Off by default: on a page whose words are
  // sports words (at least 4, 3 different, and 1% of its words: "match",
  // "striker", "referee" ...) teams are named as countries ("Wales beat
  // France") and every "event" is a game.
  bool code_sports_pages = false;
  // Code with the token-pattern coder of before the clause layer instead
  // of the clause coder (for comparison; also used when a document has no
  // clauses). With PETRARCH dictionaries the token coder is the default
  // (its profile is what petrarch_unit_eval measures) unless
  // clause_coder_petrarch is set.
  bool token_coder = false;
  // With the clause coder, code a sentence in which it finds nothing with
  // the token coder (more events, fewer of them right; off by default).
  bool token_fallback = false;
  bool clause_coder_petrarch = false;
};

// One verb or phrase pattern: a trigger and the words that must follow it.
struct EventPattern {
  std::string code;                // CAMEO event code
  std::vector<std::string> words;  // words[0] is the trigger lemma
  bool noun = false;               // the trigger is a noun
  bool adj = false;                // "X is ADJ"
  bool sym = false;                // symmetric: pairs within a subject group
  bool solo = false;               // no target needed
  bool reporter = false;           // source = the reporter of the clause
  bool nopassive = false;
  bool swap = false;               // source and target swap ("receive X from")
  bool compound = false;           // PETRARCH "%": for a compound subject
  std::string intent_code;         // code when expressed as intent
  std::string neg_code;            // code when negated
  // Code when both parties are political actors of one country: an attack
  // in words ("Michael Howard attacked Labour's record": 111, not 190).
  // The clause coder reads it; the token coder ignores it.
  std::string verbal_code;
  // Code when the source is a crowd or civil society (civilians,
  // activists, students, workers, farmers, refugees, or a people named by
  // its plural): "students protested against the lecture" is a protest
  // (140), not a government's disapproval (110). Clause coder only.
  std::string crowd_code;
  std::string reverse_code;        // also target -> source with this code
                                   // (PETRARCH "[032:033]")
  std::vector<std::string> preps;  // the target follows one of these
  // PETRARCH patterns: words that must come before the trigger (reversed,
  // nearest first) and whether the pattern marks the source/target slots.
  std::vector<std::string> before;
  int line = 0;
};

class EventCoder {
 public:
  ~EventCoder();
  EventCoder(const EventCoder&) = delete;
  EventCoder& operator=(const EventCoder&) = delete;

  // Loads the CAMEO table and the actor dictionaries from data_dir (data/ of
  // the source tree) and the patterns the options name. Fails with the
  // loader's Status (NotFound, Corruption) naming the file.
  static Status Create(const std::string& data_dir,
                       std::unique_ptr<EventCoder>* out);
  static Status Create(const std::string& data_dir,
                       const EventCoderOptions& options,
                       std::unique_ptr<EventCoder>* out);

  // Appends the events found in doc's sentences to doc->events. Needs the
  // segment, tag and resolve layers; does nothing on a document without
  // sentences. Never throws on any text.
  void Code(Document* doc) const;

  // Where each clause of doc takes place, as the clause coder places the
  // events it codes from it (ClauseCoder::PlaceOfClause), for every clause
  // whether or not it gives an event: bench/event_location_eval scores
  // this on event-location's sentences. Needs the layers Code needs and the
  // clause layer; empty without clauses.
  struct ClausePlace {
    int clause = -1;     // index into doc.clauses
    std::string name;    // the place as the text names it ("" when none)
    std::string source;  // "clause", "dateline" or ""
    Span span;           // its bytes in doc.text, when a mention gives them
  };
  std::vector<ClausePlace> ClausePlaces(const Document& doc) const;

  size_t pattern_count() const { return patterns_.size(); }

  struct Impl;  // defined in event_coder.cc

  // Reads our pattern file (format in data/events/verbs.tsv's header).
  // Returns IOError when it cannot be read and Corruption naming the bad
  // lines (the good ones are still appended).
  static Status LoadPatterns(const std::string& path,
                             std::vector<EventPattern>* out);
  // Reads a PETRARCH-2 verb dictionary (PETR.Validate.verbs.txt format):
  // verb blocks "--- NAME [code] ---", "WORD {FORMS} [code]" lines, synonym
  // sets "&SET", "- pattern [code]" lines and pair codes "[a:b]". Lines it
  // cannot read are skipped. Returns IOError when the file cannot be read,
  // Corruption when synonym sets expand past 500,000 patterns.
  static Status LoadPetrarchVerbs(const std::string& path,
                                  std::vector<EventPattern>* out);

 private:
  EventCoder();
  std::unique_ptr<Impl> impl_;
  std::vector<EventPattern> patterns_;
};

class Geocoder;
// Fills each event's `geo` from its `location` with `geocoder`, ambiguous
// names resolved by the article's countries (its entities' countries, most
// mentioned first). Events whose place the gazetteer lacks keep `geo`
// unresolved.
void Geocode(const Geocoder& geocoder, Document* doc);

}  // namespace dateline

#endif  // DATELINE_EVENTS_EVENT_CODER_H_

// ActorDictionary: the names an event coder turns into CAMEO actor codes.
// Actors are countries (names, aliases, demonyms, capitals, government
// metonyms), organisations and people, each with a code that may depend on
// the date ("Vladimir Putin" is RUSGOV on every date from 2000); agents are
// sector words ("foreign minister" -> GOV, "rebels" -> REB) that combine
// with a country; discards are phrases that take a sentence or story out of
// coding (sports and the like).
//
// Two ways to fill it: LoadDefault() reads dateline's own dictionaries
// (data/gazetteers/*.tsv and data/events/*.tsv); the LoadPetrarch*() methods
// read user dictionaries in the PETRARCH-2 formats. Both may be combined;
// a later PETRARCH definition of a phrase replaces an earlier one.
//
// Matching works on tokens as the language layer gives them, compared
// case-insensitively after normalisation: periods in abbreviations are
// dropped ("U.S." = "US"), a possessive "'s" or "'" is ignored ("Russia's"),
// Latin diacritics fold ("Erdoğan" = "Erdogan"), hyphens and in-name
// punctuation tokens split or join freely ("Kim Jong-un" = "Kim Jong Un" =
// "Kim Jong - un"), and a name may end inside a hyphenated token before a
// participle ("U.S.-led", "Saudi-backed"). A one-word name that is an
// acronym and also a common word ("US", "WHO", "IS") matches only upper-case
// text; a name dateline's tables write with a capital does not match a
// token in lower case ("pole" is not POL). PETRARCH entries ignore case.
//
// Codes are returned as written: PETRARCH's null code "---" stays "---",
// and a code with '/' ("FRO/BIL/SAM") names several actors at once. An empty
// code means the name is known but has no code on that date.
//
// Immutable after loading: const methods are safe to call from several
// threads; loading is not.
#ifndef DATELINE_EVENTS_ACTOR_DICTIONARY_H_
#define DATELINE_EVENTS_ACTOR_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

class ActorDictionary {
 public:
  // Where an actor name comes from: a PETRARCH dictionary, or which of
  // dateline's tables (a capital or place may be a location rather than an
  // actor; a surname alone is weaker evidence than a full name).
  enum class ActorKind {
    kPetrarch,      // LoadPetrarchActors
    kCountry,       // country name, alias or demonym
    kCapital,       // capital city ("Moscow" -> RUS)
    kMetonym,       // government metonym ("Kremlin" -> RUSGOV)
    kPlace,         // other city or region of one country ("Zurich" -> CHE)
    kOrganization,  // organisation or group
    kPerson,        // a person's full name or alias
    kSurname,       // a person's surname alone ("Putin")
    kParty,         // a political party ("Labour" -> GBROPP): its code holds
                    // only where the text is about its country
  };
  // One actor match: tokens matched, code on the date, the dictionary's
  // name for the actor, and its kind.
  struct ActorMatch {
    size_t tokens = 0;
    std::string code, name;
    ActorKind kind = ActorKind::kPetrarch;
  };

  // What a load read: lines with content, entries (phrases) added, lines
  // that could not be parsed (each one also named in the returned Status).
  struct LoadStats {
    size_t lines = 0, entries = 0, skipped = 0;
  };

  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(const ActorDictionary&) = delete;
  ActorDictionary& operator=(const ActorDictionary&) = delete;

  // Loads dateline's dictionaries from `data_dir` (the repository's data/):
  // gazetteers/countries.tsv, organizations.tsv, leaders.tsv, places.tsv
  // and events/agents.tsv, actors.tsv, places.tsv (data/events/README.md
  // says how each becomes codes: capitals code the country, other metonyms
  // its GOV; people outside their offices are the country's ELI; surnames
  // alone when unambiguous; a bare alias that is also an agent phrase, such
  // as "Congress", is left to the agent dictionary). Returns IOError when a
  // required file (countries, organizations, leaders, agents) is missing,
  // and Corruption naming file and lines for bad rows, which are skipped:
  // *out is then set and usable all the same.
  static Status LoadDefault(const std::string& data_dir,
                            std::unique_ptr<ActorDictionary>* out);

  // Reads PETRARCH-2 dictionaries (formats as in PETR.Validate.*.txt).
  // Lines that cannot be parsed are skipped and counted; the returned Status
  // is then Corruption listing their line numbers, and the good lines are
  // kept. IOError when the file cannot be read.
  Status LoadPetrarchActors(const std::string& path);
  Status LoadPetrarchAgents(const std::string& path);
  Status LoadPetrarchDiscards(const std::string& path);
  // The same from text in memory; `name` is used in messages.
  Status ParsePetrarchActors(std::string_view text, std::string_view name);
  Status ParsePetrarchAgents(std::string_view text, std::string_view name);
  Status ParsePetrarchDiscards(std::string_view text, std::string_view name);
  // Figures of the last load of each kind.
  const LoadStats& actor_stats() const { return actor_stats_; }
  const LoadStats& agent_stats() const { return agent_stats_; }
  const LoadStats& discard_stats() const { return discard_stats_; }

  // Finds the longest actor name starting at words[i]; on a match sets
  // *code to its code valid on `date` (ISO "2023-09-15", "2023-09", "2023"
  // or "YYYYMMDD"; "" or an unreadable date = the code valid after every
  // dated period, i.e. the latest) and *name to the dictionary's name for
  // it, and returns the number of tokens matched. Returns 0 when none
  // matches. `code` and `name` may be null. Among date-restricted PETRARCH
  // codes that hold on the date, the narrowest interval wins (ties: the
  // first listed); then the first undated code.
  size_t MatchActor(const std::vector<std::string_view>& words, size_t i,
                    std::string_view date, std::string* code,
                    std::string* name) const;
  // The same, filling *match (which may be null) with the kind too.
  size_t MatchActor(const std::vector<std::string_view>& words, size_t i,
                    std::string_view date, ActorMatch* match) const;

  // Finds the longest agent (sector) phrase starting at words[i]
  // ("Foreign Minister" -> "GOV", "rebels" -> "REB"); returns the number of
  // tokens matched, 0 if none. *before_actor (if given) is set when the code
  // goes before the actor's code (PETRARCH "[NGO~]") rather than after it.
  size_t MatchAgent(const std::vector<std::string_view>& words, size_t i,
                    std::string* code, bool* before_actor = nullptr) const;

  // Returns the people of leaders.tsv whose surname is `surname` (one
  // token, "Kim") and who hold an office on `date` ("" = the latest), with
  // the code of that office and their full name; empty when none. Use it
  // for a surname MatchActor does not take alone because several
  // countries' people share it; the text must then choose.
  std::vector<ActorMatch> SurnameCandidates(std::string_view surname,
                                            std::string_view date) const;

  // Returns the CAMEO country code for a whole phrase that is a country
  // name, alias, demonym, capital or government metonym ("Russian",
  // "Moscow", "Kremlin" -> "RUS"), "" if none.
  std::string CountryOf(std::string_view phrase) const;

  // Returns whether `code` is a country's CAMEO code in the loaded
  // countries.tsv ("RUS", "KSV"); false for "IGO", sector codes, regions and
  // anything when only PETRARCH dictionaries are loaded. Splits an actor code
  // into country and sectors ("RUSGOV" -> RUS + GOV).
  bool IsCountryCode(std::string_view code) const;

  // Returns whether `sentence` contains a PETRARCH discard phrase (either
  // level); false when no discards are loaded.
  bool Discard(std::string_view sentence) const;
  // Returns 2 when `text` contains a story-level ("+") discard phrase, 1 for
  // a sentence-level one only, 0 for none.
  int DiscardLevel(std::string_view text) const;

  size_t actor_count() const;
  size_t agent_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  LoadStats actor_stats_, agent_stats_, discard_stats_;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_ACTOR_DICTIONARY_H_

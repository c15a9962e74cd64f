// ActorFinder: the actors of one sentence, read off its tokens. The actor
// dictionary's names, the entity layer's mentions, sector words and
// pronouns become pieces; neighbouring pieces merge into one actor
// ("Russian" + "President" + "Vladimir Putin", "officials of" + "the United
// States"); coordinated actors form a group ("the United States, South
// Korea and Japan"); pronouns take a party named before them.
//
// Who calls it: the token coder (SentenceCoder in event_coder.cc, which is
// built on it and adds the trigger matching and the subject and object
// searches), and EventCoder::Code through FoundGroupsOf, whose groups the
// reference resolver (references.h) and the clause coder (clause_coder.h)
// read. One finder per document: it holds the document's per-token view
// (lower-cased words, entity marks) and the subjects the previous sentence
// leaves for the next one's pronouns, so it is not thread-safe; the tables
// it reads (actor dictionary, surname index) are shared and read-only.
#ifndef DATELINE_EVENTS_ACTOR_FINDER_H_
#define DATELINE_EVENTS_ACTOR_FINDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dateline/document.h"
#include "events/found_actors.h"

namespace dateline {

class ActorDictionary;
class EventLexicons;

namespace token_actors {

// Word tests the actor finder and the token coder share.
inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
inline bool IsVerbTag(std::string_view tag) { return StartsWith(tag, "VB"); }
inline bool IsFiniteTag(std::string_view tag) {
  return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD";
}
inline bool IsQuote(std::string_view w) {
  return w == "\"" || w == "'" || w == "``" || w == "''" ||
         w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "\xE2\x80\x98" ||
         w == "\xE2\x80\x99" || w == "\xC2\xAB" || w == "\xC2\xBB";
}
// The words of a name as the dictionary's matcher reads them ("Scott
// Morrison" -> {"Scott", "Morrison"}): split at spaces.
std::vector<std::string_view> NameWords(std::string_view name);
// Verbs of saying ("said", "told", "announced"), in their written forms.
const std::unordered_set<std::string>& ReportingVerbs();

// An actor as found in one sentence: tokens [b, e) (document indices).
struct Actor {
  uint32_t b = 0, e = 0;
  std::string code;    // "" for an unresolved pronoun
  std::string entity;  // entity id
  std::string etype;   // entity type when from an entity
  bool pronoun = false;
  bool person = false;
  std::string pronoun_word;
  std::string name;  // for a resolved pronoun: the referent as named
  std::string agent_of;  // "officials of X": the sector, for X's list mates
  std::string poss_agent;  // "its forces": the sector after the pronoun
  std::string dict_name, dict_code;  // a dictionary person and their code
};

// Coordinated actors: tokens [b, e).
struct Group {
  std::vector<Actor> actors;
  uint32_t b = 0, e = 0;
  bool subject_ok = false;  // not a prepositional object, no verb before
};

// Surname (lower-cased) -> full names of people in the leaders gazetteer,
// so "Obama" alone finds "Barack Obama"'s time-bounded code. (The actor
// dictionary matches full names and aliases only.)
using SurnameIndex = std::unordered_map<std::string, std::vector<std::string>>;

// Reads the names of data/gazetteers/leaders.tsv (at `path`) into the
// surname index: the last word of each name and alias, and for names
// written family name first (Chinese, Korean, Vietnamese) the first word
// too; not the family names that are also common words. A file that
// cannot be read leaves the index as it was.
void LoadSurnames(const std::string& path, SurnameIndex* out);

// The actor finder over one document (see the file comment).
struct ActorFinder {
  // `dictionary` may be null (no actor is then coded from names); with
  // `petrarch` a second sector word joins the first ("GOVMIL"), as
  // PETRARCH dictionaries code. `lexicons` (data/events/lexicons.tsv) may
  // be null: no word list is then read. The tables must outlive the finder.
  ActorFinder(const ActorDictionary* dictionary, const SurnameIndex& surnames,
              bool petrarch, Document* doc,
              const EventLexicons* lexicons = nullptr);

  // Reads the document's per-token view; call once before the rest.
  void Prepare();

  // Returns the actors of sentence [sb, se) in token order; `words` are
  // its tokens' text, `date` the day people's offices are read for.
  std::vector<Actor> FindActors(uint32_t sb, uint32_t se,
                                const std::vector<std::string_view>& words,
                                std::string_view date) const;
  // Groups coordinated actors ("the United States, South Korea and
  // Japan") and marks the groups that can be a subject.
  std::vector<Group> MakeGroups(const std::vector<Actor>& actors,
                                uint32_t sb) const;
  // Replaces pronoun actors by what they refer to: the nearest earlier
  // subject in the sentence, else the previous sentence's subjects.
  void ResolvePronouns(std::vector<Group>* groups) const;
  // The actor finder for the clause coder: the sentence's actors, grouped
  // by coordination, pronouns resolved, places told from governments.
  // `clause_date`: the date of the sentence's main clause, "" for none.
  std::vector<FoundGroup> FoundGroupsOf(const SentenceSpan& s,
                                        const std::string& clause_date);

  // The time mention for an event around trigger t in sentence s.
  std::string DateFor(const SentenceSpan& s, uint32_t t) const;
  // A finite verb, not the possessive "'s" the tagger sometimes reads as
  // "is".
  bool Finite(uint32_t t) const;
  // A participle the tagger read as a verb but that modifies a noun ("the
  // two exiled dissidents").
  bool Adjectival(uint32_t t) const;
  // Returns true if token u belongs to a quantity before a noun.
  bool QuantityWord(uint32_t u) const;
  // Returns true if token t closes a clause (ClauseWords, a reporting
  // verb, a complementizer "that").
  bool IsClauseWord(uint32_t t) const;
  // Returns true for a country code with one sector ("CHNBUS", "USAGOV"),
  // false for an organisation's code ("IGOUNO") or a bare country.
  bool CountryWithSector(const std::string& code) const;

  std::string_view Tag(uint32_t t) const {
    return t < doc->pos.size() ? std::string_view(doc->pos[t])
                               : std::string_view();
  }
  std::string_view Word(uint32_t t) const {
    const Span& s = doc->tokens[t];
    return text.substr(s.begin, s.end - s.begin);
  }

  const ActorDictionary* dictionary;
  const EventLexicons* lexicons = nullptr;
  const SurnameIndex& surnames;
  bool petrarch;
  Document* doc;
  std::string_view text;
  // Per document token: lower-cased form; entity index starting/covering.
  std::vector<std::string> low;
  std::vector<int> token_entity;        // entity index or -1
  std::vector<uint8_t> entity_start;    // a mention starts here
  std::vector<uint8_t> entity_gov;      // the mention acts as government
  std::vector<Actor> previous_subjects;  // from the previous sentence
  std::string fallback_date;  // the latest calendar date mentioned
  // Where the article is, for party names: the dateline's country and how
  // often the entities name each country.
  std::string dateline_country;
  std::unordered_map<std::string, size_t> named_countries;

 private:
  struct Piece;
  struct Merged;
  using Words = std::vector<std::string_view>;

  std::string PartyCountry(const std::string& home) const;
  std::string EntityCode(const Entity& e, bool gov_mention) const;
  bool SurnameOfAnother(uint32_t t, const std::string& name) const;
  // The steps of FindActors: pieces, then actors merged from them.
  std::vector<Piece> MatchPieces(uint32_t sb, uint32_t se, const Words& words,
                                 std::string_view date) const;
  size_t MatchName(uint32_t t, size_t i, const Words& words,
                   std::string_view date, std::string* code,
                   std::string* name, bool* party) const;
  bool HeadingWord(uint32_t t, uint32_t sb, uint32_t se,
                   const Words& words) const;
  bool LocatedBody(uint32_t t, size_t n) const;
  size_t EntityLength(uint32_t t, uint32_t sb, uint32_t se,
                      const Words& words) const;
  Piece NamePiece(uint32_t t, uint32_t sb, uint32_t se, const Words& words,
                  size_t n, size_t ent_len, const std::string& code,
                  const std::string& name, bool party) const;
  uint32_t OfAt(uint32_t b, uint32_t e) const;
  std::string BodySector(uint32_t b, uint32_t e, uint32_t sb,
                         const Words& words) const;
  std::string OfCountry(uint32_t b, uint32_t e, uint32_t sb,
                        const Words& words) const;
  bool LegalForm(uint32_t t) const;
  bool CurrencyAt(uint32_t t, uint32_t se) const;
  std::string CompanyWithCountry(uint32_t t, size_t ent_len, uint32_t sb,
                                 const Words& words,
                                 std::string_view date) const;
  bool CompanyAfter(uint32_t t) const;
  size_t AgentLength(uint32_t t, uint32_t se, size_t i, const Words& words,
                     std::string* agent, bool* before) const;
  std::vector<Actor> MergePieces(const std::vector<Piece>& pieces,
                                 uint32_t sb) const;
  Actor PronounActor(const std::vector<Piece>& pieces, size_t* k) const;
  size_t JoinPieces(const std::vector<Piece>& pieces, size_t k,
                    Merged* m) const;
  void RecodeMerged(const std::vector<Piece>& pieces, size_t k, size_t j,
                    uint32_t sb, Merged* m) const;
  Actor MergedActor(const std::vector<Piece>& pieces, size_t k, size_t j,
                    const Merged& m) const;
  // The steps of MakeGroups.
  size_t ExtendList(const std::vector<Actor>& actors, size_t k,
                    Group* group) const;
  void ShareSectors(Group* group) const;
  bool CanBeSubject(const Group& g, uint32_t sb) const;
};

}  // namespace token_actors
}  // namespace dateline

#endif  // DATELINE_EVENTS_ACTOR_FINDER_H_

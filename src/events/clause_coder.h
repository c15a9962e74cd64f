// ClauseCoder: CAMEO events from the clause layer.
//
// For each clause of a sentence the matcher (ClausePatterns) picks a
// pattern by predicate lemma, argument role and preposition; the source is
// the agent's actor (for a clause without one, its controller or the noun's
// host clause), the target the actor of the role the pattern names; the
// clause's modality and polarity bend the code (EventAttributes); its time
// expression dates it and its locative oblique places it. No token is
// walked to find a subject or object: arguments come from the clause
// layer, and actors inside them from the actor finder (FoundGroup: the
// names the actor dictionary and the entities code, in token order).
//
// Symmetric acts (meet, talk, agree, cooperate: CAMEO 040-046, 057, 06x
// and patterns flagged sym) are coded once per unordered pair: the
// first-named party is the source. Events are dyadic unless the options
// allow a missing target; a statement to a named addressee (patterns
// flagged residual) is kept only when its sentence gives no other event.
//
// Holds pointers to tables it does not own; CodeSentence is const and
// thread-safe.
#ifndef DATELINE_EVENTS_CLAUSE_CODER_H_
#define DATELINE_EVENTS_CLAUSE_CODER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "events/found_actors.h"

namespace dateline {

class CameoTable;
class ClausePatterns;
class EventLexicons;

// Returns whether CAMEO `code` is an act that is the same seen from either
// side (meet, negotiate, sign an agreement, cooperate: 040, 041, 044, 046,
// 057, 060-064), which the clause coder codes once per unordered pair;
// evaluations against gold sets that code such acts in both directions
// read it to compare pairs, not orders.
bool SymmetricCode(const std::string& code);

// Gives codes to actors the sentence alone leaves uncoded, from the whole
// article: a later mention of an entity takes the code an earlier one had
// ("Tony Blair" ... "Mr Blair"); references (pronouns, "I" and "we" in a
// quotation, "the ministry") take their referent's, by ResolveReferences
// (events/references.h; `lexicons` gives the description nouns, may be
// null); a sector with no country ("---GOV": "the government", "an ICE
// spokesperson") takes the article's main country (the country of most of
// its coded actors, when it has at least three and twice the next one's).
// `groups` holds each sentence's groups, in sentence order.
void FillActorCodes(const Document& doc, const EventLexicons* lexicons,
                    std::vector<std::vector<FoundGroup>>* groups);

// What the coder looks up in a document more than once, built once per
// document (Index): each sentence's clauses, the places the entity layer
// found (by position), entities by id.
struct ClauseIndex {
  std::vector<std::vector<int>> clauses_by_sentence;
  std::vector<std::pair<Span, int>> places;  // LOC mentions, entity index
  std::unordered_map<std::string, int> entity_by_id;
  // The place the story is filed from ("WASHINGTON, March 31 -") as the
  // entity layer's place of the document's first dateline: its mention's
  // tokens and country; `dateline.code` empty when there is none.
  FoundActor dateline;
  static ClauseIndex Build(const Document& doc);
};

struct ClauseCoderOptions {
  bool allow_missing_target = false;
  bool allow_missing_source = false;
  bool accept_any_code = false;
  bool reciprocal_pairs = false;  // EventCoderOptions::reciprocal_pairs
};

class ClauseCoder {
 public:
  ClauseCoder(const ClausePatterns* patterns, const CameoTable* cameo,
              const EventLexicons* lexicons, ClauseCoderOptions options);

  // Appends the events of the clauses of sentence number `sentence` to
  // *out. `groups` are the sentence's actors, `index` ClauseIndex::Build
  // of doc. Does nothing for a document without clauses.
  void CodeSentence(const Document& doc, const ClauseIndex& index,
                    size_t sentence, const std::vector<FoundGroup>& groups,
                    std::vector<Event>* out) const;

  // Where clause `ci` of sentence number `sentence` takes place, as the
  // events of that clause get it: its locative oblique's place (or a place
  // after a locative preposition inside its object), else its host's when
  // it is a noun or a modal clause, else the dateline. Sets *source to
  // "clause" or "dateline" ("" and an empty actor when none).
  FoundActor PlaceOfClause(const Document& doc, const ClauseIndex& index,
                           size_t sentence,
                           const std::vector<FoundGroup>& groups, int ci,
                           std::string* source) const;

 private:
  struct Context;
  void CodeClause(const Context& cx, int ci, std::vector<Event>* out) const;
  // Returns whether clause `ci`, matched by `p`, tells no act of its own:
  // the purpose of a party made the object or of an act not done, a stance
  // whose content is no other party's act, a described state, the content
  // of an accusation, request or fear.
  bool NotAnAct(const Context& cx, int ci,
                const struct ClausePattern& p) const;
  // Sets the source and target candidates of clause `ci` by pattern `p`:
  // the reporter and the clause's subject for `reporter` patterns, else
  // the clause's subject and the pattern's target roles, then the target
  // of its content act or of its condition. Returns false when the clause
  // has no act of its own to code (a reporter pattern with no reporter).
  bool PartiesOf(const Context& cx, int ci, const struct ClausePattern& p,
                 std::vector<FoundActor>* sources,
                 std::vector<FoundActor>* targets) const;
  std::vector<FoundActor> SourcesOf(const Context& cx, int ci,
                                    int depth) const;
  std::vector<FoundActor> TargetsOf(const Context& cx, int ci,
                                    const struct ClausePattern& p) const;
  // Returns whether clause `ci` is, or takes as patient or oblique, a
  // gathering (lexicons.tsv `gathering`: meeting, summit, conference).
  // Drops the targets that are a name before an argument's head that is
  // no actor itself ("the Lisbon targets"; "Russian officials" stays).
  void DropModifiers(const Context& cx, const Clause& c,
                     std::vector<FoundActor>* targets) const;
  // Whether a clause's doers are several (coordinated, or a plural noun:
  // "finance ministers") and it names no other party (an object that is
  // an actor, a "with" phrase).
  bool AmongThemselves(const Context& cx, const Clause& c) const;
  bool AtGathering(const Context& cx, int ci) const;
  // Returns the accuser a denial or rejection of "those claims" answers
  // (lexicons.tsv `answer` predicates, `accusation_noun` patients): the
  // source of the latest accusation or criticism (root 11) coded in the
  // article before this sentence ("Washington has accused North Korea of
  // providing arms ... Both Russia and North Korea have denied those
  // claims"). Empty when none.
  std::vector<FoundActor> AccuserAnswered(
      const Context& cx, const Clause& c,
      const std::vector<Event>& earlier) const;
  // Returns whether the word at `token`, lower-cased or in a base form, is
  // in lexicon `list`.
  bool WordIn(const Document& doc, uint32_t token,
              const std::string& list) const;
  // Returns whether the word at `token` names a gathering.
  bool Gathering(const Document& doc, uint32_t token) const;
  // "a conversation in Warsaw between Sondland and an aide to Zelenskiy",
  // "talks between India and Pakistan": a symmetric noun's parties are the
  // ones "between" names, not the host clause's subject; once per pair, the
  // first named as the source (the gold set's convention). Sets *sources
  // and *targets to them; false when "between" names parties not found (no
  // event), true otherwise.
  bool BetweenParties(const Context& cx, const Clause& c,
                      const ClausePattern& p, std::vector<FoundActor>* sources,
                      std::vector<FoundActor>* targets) const;
  // "a major aim of Chirac's visit" in a story filed from Washington: a
  // visit noun that names nothing but its visitor is to the country of the
  // dateline, unless that is a visitor's own. Empty otherwise.
  std::vector<FoundActor> DatelineHost(
      const Context& cx, int ci, const std::vector<FoundActor>& sources) const;
  // "\"There is a lack of trust in Blair,\" he said": an approval or
  // disapproval said to exist, with no holder of its own, is held by whoever
  // says so. Empty unless `c` is such a noun in a subjectless "be" clause.
  std::vector<FoundActor> ExistentialHolder(const Context& cx, const Clause& c,
                                            const ClausePattern& p) const;
  // Returns whether lexicons.tsv list `list` holds `code` or one of its
  // prefixes ("place_target" 081 holds 0813).
  bool CodeIn(const std::string& list, const std::string& code) const;
  // Returns the target of the act clause `ci` is about: its content or
  // purpose clause's ("refused to meet Jordan's King", "threatened to
  // shell Iraqi towns"), by that clause's own pattern or else its object
  // or a party-naming oblique, one level further down when that names
  // none ("promised to continue military aid to Mozambique"). Empty when
  // none.
  std::vector<FoundActor> ContentTargets(const Context& cx, int ci,
                                         int depth) const;
  // Returns the party whose act a threat (or a conditional act) depends
  // on: the subject of an "if" or "unless" clause under clause `ci`, at
  // most two clauses down ("threatened to stop negotiations if the United
  // States goes ahead": the codebook's 134 is aimed at the actions of the
  // target). Empty when none.
  std::vector<FoundActor> ConditionTargets(const Context& cx, int ci,
                                           int depth) const;
  std::vector<FoundActor> ActorsOf(const Context& cx,
                                   const ClauseArgument& a,
                                   bool places = false) const;
  // Returns the party a sentence opens with, as the source of its main
  // clause when the parse gave that clause no agent holding an actor
  // ("Yasser Arafat Wednesday rejected ...": a time word between subject
  // and verb loses the subject), also for a root event noun and for the
  // content of a trailing clause of saying ("Israel on Wednesday released
  // ..., officials said"); empty when another predicate comes between
  // them or the clause is otherwise subordinate, or passive.
  std::vector<FoundActor> OpeningSubject(const Context& cx, int ci) const;
  // Returns the party after `prep` inside the clause's patient ("shared
  // evidence with the U.S.": the parse may hang the target's phrase on the
  // noun instead of the verb). Unless the pattern `named` it, only a
  // party-naming preposition counts (with, against, to, toward, from, by).
  std::vector<FoundActor> PrepositionInPatient(const Context& cx,
                                               const Clause& c,
                                               const std::string& prep,
                                               bool named) const;
  // Returns the actors of the subject of complement `a` (its agent, or
  // its patient when passive), or of the phrase when it holds no clause.
  std::vector<FoundActor> ComplementSubject(const Context& cx,
                                            const ClauseArgument& a) const;
  // Where clause `ci` takes place (PlaceOfClause). `extended` false looks
  // only at the clause's locative phrases (and a noun or modal clause's
  // host's): the places that may stand for a visit's or meeting's party.
  FoundActor PlaceOf(const Context& cx, int ci, std::string* source,
                     bool extended = true) const;
  // The last run of proper nouns in tokens [tb, te) that no actor, time or
  // non-place entity holds: a place no table knows. Empty name when none.
  FoundActor UnknownPlaceIn(const Context& cx, uint32_t tb, uint32_t te) const;
  // The place nearest token `predicate` in the sentence that is no party:
  // an actor finder's place or an entity layer's place no actor holds.
  // Empty name when none.
  FoundActor NearestPlace(const Context& cx, uint32_t predicate) const;
  void Emit(const Context& cx, int ci, const struct ClausePattern& p,
            const FoundActor& src, const FoundActor* tgt,
            const FoundActor& place, const std::string& place_source,
            std::vector<Event>* out) const;

  const ClausePatterns* patterns_;
  const CameoTable* cameo_;
  const EventLexicons* lex_;
  ClauseCoderOptions options_;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_CLAUSE_CODER_H_

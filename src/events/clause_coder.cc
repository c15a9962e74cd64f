#include "events/clause_coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "base/ascii.h"
#include "events/cameo.h"
#include "events/clause_patterns.h"
#include "events/event_attributes.h"
#include "events/event_lexicons.h"
#include "events/references.h"
#include "syntax/clauses.h"
#include "syntax/lemma_candidates.h"
#include "text/time_expressions.h"

namespace dateline {
namespace {

// Returns how specific a CAMEO code is: longer is more specific, and of
// two of one length the one not ending in 0 ("137" over "130").
int Specificity(const std::string& code) {
  return 2 * static_cast<int>(code.size()) +
         (!code.empty() && code.back() != '0' ? 1 : 0);
}

EventActor ToEventActor(const Document& doc, const FoundActor& a) {
  EventActor out;
  out.code = a.code;
  out.entity = a.entity;
  if (a.e > a.b && a.e <= doc.tokens.size()) {
    out.span = {doc.tokens[a.b].begin, doc.tokens[a.e - 1].end};
    out.name = a.name.empty() ? doc.text.substr(out.span.begin,
                                                out.span.end - out.span.begin)
                              : a.name;
  } else {
    out.name = a.name;
  }
  return out;
}

// Keeps the first actor of each country (or organisation) among actors
// of one role: "his Israeli counterpart, Ariel Sharon" is one party.
void OnePerCountry(std::vector<FoundActor>* actors) {
  std::vector<FoundActor> out;
  for (FoundActor& f : *actors) {
    std::string key = f.code.substr(0, 3);
    if (key == "IGO" || key == "NGO" || key == "---") key = f.code;
    bool seen = false;
    for (const FoundActor& g : out) {
      std::string k = g.code.substr(0, 3);
      if (k == "IGO" || k == "NGO" || k == "---") k = g.code;
      seen |= k == key;
    }
    if (!seen) out.push_back(std::move(f));
  }
  *actors = std::move(out);
}

std::string_view WordAt(const Document& doc, size_t t) {
  if (t >= doc.tokens.size()) return {};
  const Span& s = doc.tokens[t];
  return std::string_view(doc.text).substr(s.begin, s.end - s.begin);
}

// Returns the preposition that governs the phrase starting at token `b`,
// lower-cased, read back over its determiner and modifiers ("to war-torn
// Mozambique", "in the occupied West Bank") and over one "NOUN of" ("in
// the town of Cizre"); tokens at or before `lo` are not read. Empty when
// none.
std::string PrepositionBefore(const Document& doc, uint32_t b, uint32_t lo) {
  auto modifier = [&](uint32_t t) {
    if (t >= doc.pos.size()) return false;
    const std::string& tag = doc.pos[t];
    return tag == "DT" || tag == "CD" || tag == "PRP$" || tag == "VBN" ||
           tag.compare(0, 2, "JJ") == 0;
  };
  uint32_t t = b;
  bool of_skipped = false;
  while (t > lo + 1) {
    --t;
    if (modifier(t) && b - t <= 4) continue;
    std::string w(WordAt(doc, t));
    for (char& ch : w) ch = static_cast<char>(std::tolower(ch));
    if (w == "of" && !of_skipped && t > lo + 2 && t - 1 < doc.pos.size() &&
        doc.pos[t - 1].compare(0, 2, "NN") == 0 &&
        doc.pos[t - 1].compare(0, 3, "NNP") != 0) {
      of_skipped = true;
      --t;  // the noun; the loop steps over it
      continue;
    }
    return w;
  }
  return {};
}

// Returns whether two actors are one party: the same code, or the same
// person. Two groups named after one country ("Georgian demonstrators",
// "the Georgian government") share the country's entity but are two
// parties when their codes differ.
bool SameActor(const FoundActor& a, const FoundActor& b) {
  if (!a.entity.empty() && a.entity == b.entity && (a.person || b.person))
    return true;
  return a.code == b.code;
}

// Returns whether every actor of `parties` is one of `among` (true for
// none).
bool AllAmong(const std::vector<FoundActor>& parties,
              const std::vector<FoundActor>& among) {
  for (const FoundActor& t : parties) {
    bool found = false;
    for (const FoundActor& f : among) found |= SameActor(f, t);
    if (!found) return false;
  }
  return true;
}

// Drops the targets that are a source's own, named by a possessive pronoun
// ("Israel has strengthened its forces in Lebanon", "agreed to re-open its
// borders"): the act is on the source's own forces or land, and its target
// is the place or party named elsewhere.
void DropOwn(const std::vector<FoundActor>& sources,
             std::vector<FoundActor>* targets) {
  auto own = [&](const FoundActor& t) {
    if (!t.pronoun) return false;
    for (const FoundActor& s : sources) {
      if (!t.entity.empty() && s.entity == t.entity) return true;
      if (t.code.size() >= 3 && s.code.size() >= 3 &&
          t.code.compare(0, 3, "---") != 0 &&
          t.code.compare(0, 3, s.code, 0, 3) == 0)
        return true;
    }
    return false;
  };
  targets->erase(std::remove_if(targets->begin(), targets->end(), own),
                 targets->end());
}

// "Zhao said China should lower the cost of exports": a government (or
// its leader) saying what its own country must do states its policy; it
// makes no demand of another party. Drops such targets.
void DropOwnCountry(const std::vector<FoundActor>& sources,
                    std::vector<FoundActor>* targets) {
  auto own = [&](const FoundActor& t) {
    if (t.code.size() != 3) return false;
    for (const FoundActor& s : sources) {
      if (s.code.compare(0, 3, t.code) != 0) continue;
      std::string sector = s.code.substr(std::min<size_t>(3, s.code.size()));
      if (sector.empty() || sector == "GOV" || sector == "ELI") return true;
    }
    return false;
  };
  targets->erase(std::remove_if(targets->begin(), targets->end(), own),
                 targets->end());
}

// Whether agent `a` of clause `c` is a noun phrase the clause itself names
// as its doer: the predicate's own subject or the noun its relative clause
// modifies (not the noun a participle modifies, nor the subject of a
// controlling clause), or a relative pronoun standing for such a noun
// ("fighting that has killed"); a common or proper noun, not a time ("Iraq
// on Saturday appealed": a parse that took "Saturday" for the subject names
// nobody). Pronouns are not: the references resolver may not have found
// theirs.
bool NamesItsDoer(const Document& doc, const ClauseArgument& a,
                  const Clause& c) {
  uint32_t h = a.head;
  if (a.controlled || h >= doc.pos.size() || h >= doc.heads.size() ||
      c.predicate >= doc.heads.size())
    return false;
  // The predicate's own subject, or the noun its relative clause modifies
  // ("bid chiefs, who arrived in London").
  const bool relative = doc.heads[c.predicate] == static_cast<int32_t>(h) &&
                        doc.deprels[c.predicate] == "acl:relcl";
  if (doc.heads[h] != static_cast<int32_t>(c.predicate) && !relative)
    return false;
  const std::string& tag = doc.pos[h];
  if ((tag == "WDT" || tag == "WP") && doc.heads[c.predicate] >= 0)
    h = static_cast<uint32_t>(doc.heads[c.predicate]);
  if (h >= doc.pos.size() || doc.pos[h].compare(0, 2, "NN") != 0)
    return false;
  const Span& t = doc.tokens[h];
  for (const TimeMention& m : doc.times) {
    if (t.begin >= m.span.begin && t.end <= m.span.end) return false;
  }
  return !IsCalendarWord(WordAt(doc, h));
}

// Returns whether clause `c` takes its subject from its parent's subject
// ("Obama wants to attack": the wanter attacks), not from its object
// ("wants Britain to use its influence").
bool SubjectControlled(const Document& doc, const Clause& c) {
  if (c.parent < 0 || c.parent >= static_cast<int>(doc.clauses.size()))
    return false;
  const Clause& up = doc.clauses[c.parent];
  bool own = false, shared = false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "agent") continue;
    if (!a.controlled) own = true;
    for (const ClauseArgument& b : up.arguments) {
      if (b.role == "agent" && b.head == a.head) shared = true;
    }
  }
  return shared && !own;
}

// Returns whether verb clause `c` is an infinitive of purpose with no
// subject of its own under a verb or its object ("trained the forces to fight",
// "sent personnel to investigate").
bool InfinitiveOfPurpose(const Document& doc, const Clause& c) {
  if (c.kind != "verb" || c.parent < 0 ||
      c.parent >= static_cast<int>(doc.clauses.size()) || c.predicate == 0 ||
      c.predicate >= doc.deprels.size())
    return false;
  const std::string& rel = doc.deprels[c.predicate];
  if (rel.compare(0, 5, "xcomp") != 0 && rel.compare(0, 5, "advcl") != 0 &&
      rel.compare(0, 3, "acl") != 0)
    return false;
  if (WordAt(doc, c.predicate - 1) != "to") return false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == "agent" && !a.controlled) return false;
  }
  return doc.clauses[c.parent].kind == "verb";
}

// Returns whether the content of a stance predicate ("insist") is what
// another party must do ("insist Japan open its markets", "insisted that
// China must ..."), not a statement of what will be ("insisted it would
// not bow to demands": a claim).
bool StanceContent(const Document& doc, const Clause& c) {
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "complement" || a.clause < 0 ||
        a.clause >= static_cast<int>(doc.clauses.size()))
      continue;
    // The content takes the stance's own modality ("would insist Japan
    // open"); a modality of its own makes it a claim.
    const Clause& k = doc.clauses[a.clause];
    if (k.negated || (!k.modality.empty() && k.modality != "necessity" &&
                      k.modality != c.modality))
      return false;
  }
  return true;
}

// Returns whether verb clause `c` is a relative clause ("which invaded
// Cyprus"), by the relation the parse gives its predicate.
bool RelativeClause(const Document& doc, const Clause& c) {
  return c.kind == "verb" && c.predicate < doc.deprels.size() &&
         doc.deprels[c.predicate] == "acl:relcl";
}

// Returns whether verb clause `c` is a relative clause in the simple
// present with no modality ("Turkey, which occupies northern Cyprus"): it
// describes a standing state of the noun, not an act that took place.
bool DescribedState(const Document& doc, const Clause& c) {
  return RelativeClause(doc, c) && c.tense == "present" && c.modality.empty() &&
         !c.negated;
}

// Returns whether `source` and `target` are political actors of one country:
// its government, opposition, legislature, courts or elites, the target
// possibly the country itself ("Michael Howard attacked the cost of
// Britain's asylum system"). Between them an attack is one of words.
bool PoliticalPairOfOneCountry(const std::string& source,
                               const std::string& target) {
  auto political = [](std::string_view sector) {
    return sector == "GOV" || sector == "OPP" || sector == "LEG" ||
           sector == "ELI" || sector == "JUD";
  };
  if (source.size() < 6 || target.size() < 3 || !CountryPrefix(source) ||
      source.compare(0, 3, target, 0, 3) != 0)
    return false;
  std::string_view t(target);
  return political(std::string_view(source).substr(3, 3)) &&
         (t.size() == 3 || political(t.substr(3, 3)));
}

// The group of `groups` that holds token `t`, or nullptr.
const FoundGroup* GroupAt(const std::vector<FoundGroup>& groups, uint32_t t) {
  for (const FoundGroup& g : groups) {
    if (g.b <= t && t < g.e) return &g;
  }
  return nullptr;
}

// Whether an actor is the public: an unnamed group of civilians, students
// or researchers ("people", "voters", "researchers": CVL, EDU).
bool ThePublic(const FoundActor& f) {
  if (!f.entity.empty() || f.code.size() < 6) return false;
  std::string_view sector = std::string_view(f.code).substr(3, 3);
  return sector == "CVL" || sector == "EDU";
}

// Returns whether `a` is a crowd or civil society rather than a state or
// an organisation: its sector is civilians, activists and opposition
// crowds, students, workers, farmers or refugees, or it is a country's
// people named by a plural ("Palestinians", "Iranians": a bare country
// code from a plural noun).
bool Crowd(const Document& doc, const FoundActor& a) {
  static constexpr std::string_view kCrowd[] = {"CVL", "OPP", "EDU",
                                                "LAB", "AGR", "REF"};
  std::string_view code(a.code);
  if (code.size() >= 6) {
    for (std::string_view s : kCrowd) {
      if (code.substr(3, 3) == s) return true;
    }
    return false;
  }
  if (code.size() != 3 || a.person || a.e == 0 || a.e > doc.pos.size())
    return false;
  std::string_view tag = doc.pos[a.e - 1];
  return tag == "NNPS" || tag == "NNS";
}

// Returns the groups of a sentence without the actors of its dateline
// ("BRUSSELS, June 29 - Leaders of ..."): the place a story was filed from
// is no party to it, and neither is a pronoun resolved to it.
std::vector<FoundGroup> WithoutDateline(const Document& doc,
                                        const SentenceSpan& s,
                                        const std::vector<FoundGroup>& groups) {
  if (doc.datelines.empty()) return groups;
  std::string_view text = std::string_view(doc.text).substr(
      s.span.begin, s.span.end - s.span.begin);
  uint32_t end = 0;  // the dateline's last byte, when the sentence opens so
  for (const std::string& d : doc.datelines) {
    if (!d.empty() && text.substr(0, d.size()) == d)
      end = s.span.begin + static_cast<uint32_t>(d.size());
  }
  std::vector<FoundGroup> out;
  for (const FoundGroup& g : groups) {
    if (end > 0 && g.e > g.b && g.e <= doc.tokens.size() &&
        doc.tokens[g.e - 1].end <= end)
      continue;
    FoundGroup k = g;
    k.actors.clear();
    for (const FoundActor& f : g.actors) {
      // A description ("the government") resolved to the dateline's
      // country is that country's government, and stays.
      bool word = f.b < doc.pos.size() && doc.pos[f.b].rfind("PRP", 0) == 0;
      bool dateline = false;
      for (const std::string& d : doc.datelines) {
        dateline |= word && f.pronoun && !f.name.empty() && f.name == d;
      }
      if (!dateline) k.actors.push_back(f);
    }
    out.push_back(std::move(k));
  }
  return out;
}

// Keeps the targets that are an argument of `c` themselves: the addressee
// is the argument itself ("told parliament"), not a party named inside it
// ("told the tale of a 43-year-old man").
void KeepAddressees(const Clause& c, std::vector<FoundActor>* targets) {
  auto inside = [&](const FoundActor& t) {
    for (const ClauseArgument& a : c.arguments) {
      if (a.role != "agent" && a.head >= t.b && a.head < t.e) return true;
    }
    return false;
  };
  std::vector<FoundActor> named;
  for (FoundActor& t : *targets) {
    if (inside(t)) named.push_back(std::move(t));
  }
  *targets = std::move(named);
}

// Prints a clause's parties (DATELINE_EVENTS_DEBUG).
void PrintParties(int ci, const Clause& c, const ClausePattern& p,
                  const std::vector<FoundActor>& sources,
                  const std::vector<FoundActor>& targets) {
  std::string who;
  for (const FoundActor& f : sources) who += " S:" + f.code;
  for (const FoundActor& f : targets) who += " T:" + f.code;
  std::fprintf(stderr, "clause %d %s %s ->%s\n", ci, c.lemma.c_str(),
               p.origin.c_str(), who.c_str());
}

// The place the article's dateline names ("NAIROBI, Kenya (AP) -"): the
// first mention of a place with a country whose text is the dateline, and
// its entity; nullptr when none.
const Entity* DatelineMention(const Document& doc, Span* mention) {
  if (doc.datelines.empty()) return nullptr;
  const std::string& d = doc.datelines[0];
  const Entity* found = nullptr;
  for (const Entity& e : doc.entities) {
    if (e.type != "LOC" || e.country.size() != 3) continue;
    for (const Span& m : e.mentions) {
      if ((found && m.begin >= mention->begin) ||
          doc.text.compare(m.begin, m.end - m.begin, d) != 0)
        continue;
      found = &e;
      *mention = m;
    }
  }
  return found;
}

// The country of the place the article's dateline names (KEN), or "".
std::string DatelineCountry(const Document& doc) {
  Span m;
  const Entity* e = DatelineMention(doc, &m);
  return e ? e->country : "";
}

// The country with the most votes, when it has at least `least` and twice
// the votes of any other; else "".
std::string DominantCountry(const std::unordered_map<std::string, int>& votes,
                            int least) {
  std::string top;
  int best = 0, second = 0;
  for (const auto& [c, n] : votes) {
    if (n > best || (n == best && c < top)) {
      second = best;
      best = n;
      top = c;
    } else if (n > second) {
      second = n;
    }
  }
  return best >= least && best >= 2 * second ? top : "";
}

// Whether an agent code's sector ("GOV", "COPUAF") is one of a country's
// own institutions or movements: government, armed forces, police, courts,
// legislature, intelligence, opposition, unions, rebels and insurgents
// (companies, media, civilians and religions cross borders).
bool HomeSector(std::string_view sector) {
  for (std::string_view s : {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP",
                             "LAB", "REB", "INS"}) {
    if (sector.substr(0, 3) == s) return true;
  }
  return false;
}

// Returns whether group `g` is said to be of another country than the
// story's ("foreign banks", "overseas creditors", "international
// investors"): a foreign_word among the adjectives and nouns just before it.
bool ForeignGroup(const Document& doc, const EventLexicons* lexicons,
                  const FoundGroup& g) {
  if (lexicons == nullptr) return false;
  for (uint32_t k = 1; k <= 3 && k <= g.b; ++k) {
    const uint32_t t = g.b - k;
    if (t >= doc.pos.size()) return false;
    if (lexicons->Has("foreign_word", AsciiLower(WordAt(doc, t)))) return true;
    const std::string& tag = doc.pos[t];
    if (tag != "JJ" && tag != "NN" && tag != "NNS" && tag != "VBN") return false;
  }
  return false;
}

}  // namespace

void FillActorCodes(const Document& doc, const EventLexicons* lexicons,
                    std::vector<std::vector<FoundGroup>>* groups) {
  std::unordered_map<std::string, std::string> by_entity;
  std::unordered_map<std::string, int> countries;
  for (const auto& sentence : *groups) {
    for (const FoundGroup& g : sentence) {
      for (const FoundActor& f : g.actors) {
        if (f.pronoun || f.place || f.code.empty()) continue;
        if (!f.entity.empty() && CountryPrefix(f.code))
          by_entity.emplace(f.entity, f.code);
      }
    }
  }
  auto entity_code = [&](const std::string& id) -> std::string {
    auto it = by_entity.find(id);
    if (it != by_entity.end()) return it->second;
    for (const Entity& e : doc.entities) {
      if (e.id == id && e.type != "LOC" && e.country.size() == 3)
        return e.country;
    }
    return "";
  };
  for (auto& sentence : *groups) {
    for (FoundGroup& g : sentence) {
      for (FoundActor& f : g.actors) {
        if (f.code.empty() && !f.entity.empty()) f.code = entity_code(f.entity);
        // The wire's credit ("(AP)": USAMED) says nothing of the story.
        if (f.pronoun || f.place || !CountryPrefix(f.code) ||
            f.code.compare(3, 3, "MED") == 0)
          continue;
        ++countries[f.code.substr(0, 3)];
      }
    }
  }
  // The article's own country, which an unnamed group without one takes
  // ("Officials said"): the country most of its coded actors belong to,
  // when it has at least three of them and twice any other's. Failing that,
  // a country's unnamed institution ("Police fired tear gas") is the
  // dateline's country's ("NAIROBI, Kenya (AP) -"), the dateline counted
  // as two votes under the same rule; companies, civilians and the like are
  // not, as "creditor banks" in a story filed from Buenos Aires are no
  // Argentine's (HomeSector).
  std::string main_country = DominantCountry(countries, 3);
  std::string host = DatelineCountry(doc);
  std::string home_country;
  if (main_country.empty() && !host.empty()) {
    countries[host] += 2;
    home_country = DominantCountry(countries, 2);
  }
  ResolveReferences(doc, lexicons, entity_code, ReferenceOptions{}, groups);
  for (auto& sentence : *groups) {
    for (FoundGroup& g : sentence) {
      // "foreign banks" are not the story's country's.
      if (ForeignGroup(doc, lexicons, g)) continue;
      for (FoundActor& f : g.actors) {
        if (f.code.size() <= 3 || f.code.compare(0, 3, "---") != 0) continue;
        // "attackers" (UAF) are unidentified: no country is theirs.
        if (f.code.compare(3, 3, "UAF") == 0) continue;
        if (!main_country.empty()) {
          f.code = main_country + f.code.substr(3);
          f.country_from_story = true;
        } else if (!home_country.empty() && HomeSector(f.code.substr(3))) {
          f.code = home_country + f.code.substr(3);
          f.country_from_story = true;
        }
      }
    }
  }
}

bool SymmetricCode(const std::string& code) {
  static const std::set<std::string> kCodes = {
      "040", "041", "044", "046", "057", "060", "061", "062", "063", "064"};
  return kCodes.count(code) > 0;
}

ClauseIndex ClauseIndex::Build(const Document& doc) {
  ClauseIndex x;
  x.clauses_by_sentence.resize(doc.sentences.size());
  for (size_t ci = 0; ci < doc.clauses.size(); ++ci) {
    uint32_t p = doc.clauses[ci].predicate;
    auto it = std::upper_bound(
        doc.sentences.begin(), doc.sentences.end(), p,
        [](uint32_t t, const SentenceSpan& s) { return t < s.token_begin; });
    if (it == doc.sentences.begin()) continue;
    --it;
    if (p >= it->token_end) continue;
    x.clauses_by_sentence[it - doc.sentences.begin()].push_back(
        static_cast<int>(ci));
  }
  for (size_t ei = 0; ei < doc.entities.size(); ++ei) {
    const Entity& e = doc.entities[ei];
    x.entity_by_id.emplace(e.id, static_cast<int>(ei));
    if (e.type != "LOC") continue;
    for (const Span& m : e.mentions) {
      x.places.push_back({m, static_cast<int>(ei)});
    }
  }
  std::sort(x.places.begin(), x.places.end(),
            [](const auto& a, const auto& b) {
              return a.first.begin < b.first.begin;
            });
  Span m;
  if (const Entity* e = DatelineMention(doc, &m)) {
    auto [tb, te] = TokensIn(doc, m);
    x.dateline.b = static_cast<uint32_t>(tb);
    x.dateline.e = static_cast<uint32_t>(te);
    x.dateline.code = e->country;
    x.dateline.entity = e->id;
    x.dateline.name = doc.datelines[0];
    x.dateline.place = true;
  }
  return x;
}

struct ClauseCoder::Context {
  const Document& doc;
  const ClauseIndex& index;
  const SentenceSpan& sentence;
  const std::vector<int>& clauses;
  const std::vector<FoundGroup>& groups;
  // Events of residual patterns (a statement to a named addressee), kept
  // only when the sentence gives no other event.
  std::vector<Event>* residual;
  const Entity* EntityById(const std::string& id) const {
    auto it = index.entity_by_id.find(id);
    return it == index.entity_by_id.end() ? nullptr
                                          : &doc.entities[it->second];
  }
};

ClauseCoder::ClauseCoder(const ClausePatterns* patterns,
                         const CameoTable* cameo,
                         const EventLexicons* lexicons,
                         ClauseCoderOptions options)
    : patterns_(patterns), cameo_(cameo), lex_(lexicons), options_(options) {}

FoundActor ClauseCoder::PlaceOfClause(const Document& doc,
                                      const ClauseIndex& index,
                                      size_t sentence,
                                      const std::vector<FoundGroup>& groups,
                                      int ci, std::string* source) const {
  source->clear();
  if (sentence >= index.clauses_by_sentence.size() || ci < 0 ||
      ci >= static_cast<int>(doc.clauses.size()))
    return FoundActor{};
  const SentenceSpan& s = doc.sentences[sentence];
  std::vector<FoundGroup> kept = WithoutDateline(doc, s, groups);
  std::vector<Event> residual;
  Context cx{doc, index, s, index.clauses_by_sentence[sentence], kept,
             &residual};
  return PlaceOf(cx, ci, source);
}

void ClauseCoder::CodeSentence(const Document& doc, const ClauseIndex& index,
                               size_t sentence,
                               const std::vector<FoundGroup>& groups,
                               std::vector<Event>* out) const {
  if (sentence >= index.clauses_by_sentence.size()) return;
  const SentenceSpan& s = doc.sentences[sentence];
  const std::vector<int>& clauses = index.clauses_by_sentence[sentence];
  std::vector<FoundGroup> kept = WithoutDateline(doc, s, groups);
  std::vector<Event> residual;
  Context cx{doc, index, s, clauses, kept, &residual};
  static const bool debug = std::getenv("DATELINE_EVENTS_DEBUG") != nullptr;
  if (debug) {
    std::fprintf(stderr, "SENT %s\n",
                 doc.text.substr(s.span.begin, s.span.end - s.span.begin).c_str());
    for (int ci : clauses) {
      const Clause& c = doc.clauses[ci];
      std::fprintf(stderr, " c%d %s/%s %s %s%s par=%d |", ci, c.lemma.c_str(),
                   c.kind.c_str(), c.voice.c_str(), c.modality.c_str(),
                   c.negated ? " NEG" : "", c.parent);
      for (const ClauseArgument& a : c.arguments) {
        std::string t = doc.text.substr(a.span.begin, a.span.end - a.span.begin);
        if (t.size() > 30) t = t.substr(0, 30);
        std::fprintf(stderr, " %s%s%s=%s", a.role.c_str(),
                     a.preposition.empty() ? "" : ":", a.preposition.c_str(),
                     t.c_str());
      }
      std::fprintf(stderr, "\n");
    }
    for (const FoundGroup& g : groups) {
      std::fprintf(stderr, "group [%u,%u)", g.b, g.e);
      for (const FoundActor& f : g.actors)
        std::fprintf(stderr, " %s%s%s", f.code.c_str(), f.place ? "(place)" : "",
                     f.pronoun ? "(pron)" : "");
      std::fprintf(stderr, "\n");
    }
  }
  size_t first = out->size();
  for (int ci : clauses) CodeClause(cx, ci, out);
  if (out->size() == first) {
    for (Event& e : residual) out->push_back(std::move(e));
  }
  // One event per (root, source, target) in a sentence, and per unordered
  // pair for symmetric acts: a light verb and its noun ("held talks") or
  // two clauses of one act give it once.
  // Of two, the more specific code is kept ("threatened to seize": the
  // threat's 130 and the threatened act's 137 give 137).
  std::map<std::tuple<std::string, std::string, std::string>, size_t> seen;
  size_t keep = first;
  for (size_t i = first; i < out->size(); ++i) {
    Event& e = (*out)[i];
    std::string t = e.has_target ? e.target.code : "";
    auto key = std::make_tuple(e.root, e.source.code, t);
    auto it = seen.find(key);
    if (it == seen.end() && SymmetricCode(e.code) &&
        !options_.reciprocal_pairs)
      it = seen.find(std::make_tuple(e.root, t, e.source.code));
    if (it != seen.end()) {
      Event& kept = (*out)[it->second];
      if (Specificity(e.code) > Specificity(kept.code) &&
          e.has_target == kept.has_target &&
          e.source.code == kept.source.code)
        kept = std::move(e);
      continue;
    }
    seen.emplace(key, keep);
    if (keep != i) (*out)[keep] = std::move(e);
    ++keep;
  }
  out->resize(keep);
}

bool ClauseCoder::NotAnAct(const Context& cx, int ci,
                           const ClausePattern& p) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  // "trained the Syrian opposition forces to fight against Islamic State":
  // the purpose of a party made the object is that party's act, and only
  // intended; "sent personnel to investigate": with no party as object the
  // purpose is the sender's act.
  if (InfinitiveOfPurpose(doc, c) &&
      doc.clauses[c.parent].voice != "passive") {
    for (const ClauseArgument& a : doc.clauses[c.parent].arguments) {
      if (a.role == "patient" && !ActorsOf(cx, a).empty()) return true;
    }
  }
  // "would not give permission to Russia to help Israel", "did not send
  // troops to fight": the purpose of an act not done is not done either.
  if (InfinitiveOfPurpose(doc, c) && doc.clauses[c.parent].negated &&
      doc.deprels[c.predicate].compare(0, 5, "xcomp") != 0)
    return true;
  if (p.stance && !StanceContent(doc, c)) return true;
  if (DescribedState(doc, c)) return true;
  // "Reagan was asked by a reporter whether the government should set
  // standards": asking a question is no appeal, to whomever it is put.
  if (c.kind == "verb" && lex_->Has("question_verb", c.lemma)) {
    for (int k : cx.clauses) {
      const Clause& q = doc.clauses[k];
      if (q.parent == ci && q.modality == "question" &&
          (q.relation == "ccomp" || q.relation == "advcl"))
        return true;
    }
  }
  // "will end its agreement with the U.S.", "suspended the talks": the
  // object of a verb that ends an act names one that took place before.
  if (c.kind == "noun" && c.parent >= 0 &&
      c.parent < static_cast<int>(doc.clauses.size()) &&
      doc.clauses[c.parent].kind == "verb" && c.predicate < doc.deprels.size() &&
      doc.deprels[c.predicate] == "obj" &&
      lex_->Has("ending_verb", doc.clauses[c.parent].lemma))
    return true;
  // The content of an accusation, a request, a fear ... is not an act;
  // but what one wants or hopes to do oneself is an intent ("wants to help
  // Israel": 033), not a content. A relative clause is never the content:
  // it tells of its noun ("Greece, which invaded Cyprus in 1974, rejected
  // the plan": the invasion is asserted, whatever "rejected" says).
  if (c.parent >= 0 && c.parent < static_cast<int>(doc.clauses.size()) &&
      !RelativeClause(doc, c) &&
      lex_->Has("content_parent", doc.clauses[c.parent].lemma) &&
      !(lex_->Has("intent_parent", doc.clauses[c.parent].lemma) &&
        SubjectControlled(doc, c)))
    return true;
  return false;
}

bool ClauseCoder::PartiesOf(const Context& cx, int ci, const ClausePattern& p,
                            std::vector<FoundActor>* sources,
                            std::vector<FoundActor>* targets) const {
  const Clause& c = cx.doc.clauses[ci];
  if (p.reporter) {
    if (c.attributed_by < 0) return false;
    *sources = SourcesOf(cx, c.attributed_by, 2);
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == (c.voice == "passive" ? "patient" : "agent")) {
        for (const FoundActor& f : ActorsOf(cx, a)) targets->push_back(f);
      }
    }
  } else {
    *sources = SourcesOf(cx, ci, 0);
    if (sources->empty()) *sources = ExistentialHolder(cx, c, p);
    *targets = TargetsOf(cx, ci, p);
    // "promised to continue military aid to Mozambique", "refused to meet
    // Jordan's King", "threatened to shell Iraqi towns", "staged a strike to
    // protest President Assad's failure": an intent, refusal, threat or
    // protest is aimed at the target of the act it is about.
    if (targets->empty() && CodeIn("content_target", p.code))
      *targets = ContentTargets(cx, ci, 0);
    // "threatened to stop negotiations if the United States goes ahead":
    // a threat, or an act promised on a condition, with no party of its
    // own (or only its source's) aims at the party of the condition.
    if (AllAmong(*targets, *sources) &&
        (CodeIn("condition_target", p.code) ||
         c.modality == "threat" || c.modality == "conditional")) {
      std::vector<FoundActor> cond = ConditionTargets(cx, ci, 0);
      if (!cond.empty()) *targets = std::move(cond);
    }
  }
  return true;
}

void ClauseCoder::CodeClause(const Context& cx, int ci,
                             std::vector<Event>* out) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  const ClausePattern* p = patterns_->Match(doc, ci);
  // "staged mass demonstrations", "began a hunger strike": a light verb
  // says no more than that its object, an event noun, took place.
  if (!p && c.kind == "verb" && lex_->Has("light_verb", c.lemma)) {
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "patient" && !p) p = patterns_->MatchNoun(doc, ci, a.head);
    }
  }
  if (!p || NotAnAct(cx, ci, *p)) return;
  std::vector<FoundActor> sources, targets;
  if (!PartiesOf(cx, ci, *p, &sources, &targets)) return;
  if (p->residual) KeepAddressees(c, &targets);
  OnePerCountry(&sources);
  DropOwn(sources, &targets);
  OnePerCountry(&targets);
  // "meeting the Lisbon targets", "to meet US demand": one consults a
  // party, not a thing a party's name modifies.
  if (p->code.compare(0, 2, "04") == 0 && p->code != "042")
    DropModifiers(cx, c, &targets);
  if (p->swap) std::swap(sources, targets);
  if (p->modal) DropOwnCountry(sources, &targets);
  static const bool debug = std::getenv("DATELINE_EVENTS_DEBUG") != nullptr;
  if (debug) PrintParties(ci, c, *p, sources, targets);
  std::string place_source;
  FoundActor place = PlaceOf(cx, ci, &place_source);
  bool to_place = false;
  for (const TargetSlot& t : p->targets) to_place |= t.role == "location";
  // A meeting or summit held in a place is not a visit to its country
  // ("attend a meeting in Managua", "an ICCO meeting in London").
  if (to_place && AtGathering(cx, ci)) to_place = false;
  // "European Union finance ministers are meeting in Brussels", "the
  // leaders met in Washington": a symmetric act of plural doers and no
  // other party is their gathering, not a visit to the place.
  if (to_place && p->sym && AmongThemselves(cx, c)) to_place = false;
  // "Reagan and Mulroney are scheduled to meet in Ottawa": two doers of a
  // symmetric act are each other's party (also when control lends the
  // infinitive only the nearer of them); the place is where they meet.
  if (to_place && p->sym && sources.size() >= 2 && targets.empty())
    to_place = false;
  // Acts that fall on a place's people ("lifted a curfew in Montenegro",
  // "strengthened its forces in Lebanon", "suspended aid deliveries in
  // Baghdad") have its country as target when no party is named.
  to_place |= CodeIn("place_target", p->code);
  if (targets.empty() && to_place) {
    // The party a place stands for comes from the clause's own locative
    // phrases only, not from where the place finder looks further (a place
    // acted on, a host clause's, the nearest in the sentence).
    std::string own_source;
    FoundActor own = PlaceOf(cx, ci, &own_source, /*extended=*/false);
    if (own_source == "clause" && own.code.size() == 3) targets.push_back(own);
  }
  if (targets.empty() && to_place) targets = DatelineHost(cx, ci, sources);
  if (!BetweenParties(cx, c, *p, &sources, &targets)) return;
  // PLOVER's convention (option reciprocal_pairs): a pair "between" names
  // is also coded the other way.
  if (options_.reciprocal_pairs && c.kind == "noun" && p->sym &&
      sources.size() == 1 &&
      std::any_of(c.arguments.begin(), c.arguments.end(),
                  [](const ClauseArgument& a) {
                    return a.role == "oblique" && a.preposition == "between";
                  })) {
    for (const FoundActor& t : targets)
      Emit(cx, ci, *p, t, &sources[0], place, place_source, out);
  }
  if (sources.empty()) {
    std::string root = p->code.substr(0, 2);
    if (!(options_.allow_missing_source && root >= "18" && root <= "20" &&
          !targets.empty()))
      return;
    sources.push_back(FoundActor{});
  }
  // "Israel and Lebanon renewed negotiations on an Israeli troop
  // pullback": a symmetric act of a coordinated subject whose only other
  // parties are its own (named in the topic) is the subject's pair.
  if (p->sym && sources.size() >= 2 && AllAmong(targets, sources))
    targets.clear();
  if (targets.empty()) targets = AccuserAnswered(cx, c, *out);
  if (targets.empty()) {
    if (p->sym && sources.size() >= 2) {
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = i + 1; j < sources.size(); ++j) {
          if (SameActor(sources[i], sources[j])) continue;
          Emit(cx, ci, *p, sources[i], &sources[j], place, place_source,
               out);
          if (options_.reciprocal_pairs)
            Emit(cx, ci, *p, sources[j], &sources[i], place, place_source,
                 out);
        }
      }
      return;
    }
    // Events are dyadic unless the options allow a missing target (PLOVER's
    // coding); `solo` marks the acts that may then go without one.
    if (!options_.allow_missing_target) return;
    for (const FoundActor& s : sources) {
      Emit(cx, ci, *p, s, nullptr, place, place_source, out);
    }
    return;
  }
  for (const FoundActor& s : sources) {
    for (const FoundActor& t : targets) {
      if (SameActor(s, t)) continue;
      Emit(cx, ci, *p, s, &t, place, place_source, out);
    }
  }
}

bool ClauseCoder::BetweenParties(const Context& cx, const Clause& c,
                                 const ClausePattern& p,
                                 std::vector<FoundActor>* sources,
                                 std::vector<FoundActor>* targets) const {
  if (c.kind != "noun" || !p.sym) return true;
  std::vector<FoundActor> between;
  bool named = false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "oblique" || a.preposition != "between") continue;
    named = true;
    for (const FoundActor& f : ActorsOf(cx, a)) between.push_back(f);
  }
  OnePerCountry(&between);
  // Parties named there but not found: not the host's subject's act.
  if (named && between.size() < 2) return false;
  if (named) {
    sources->assign(between.begin(), between.begin() + 1);
    targets->assign(between.begin() + 1, between.end());
  }
  return true;
}

std::vector<FoundActor> ClauseCoder::DatelineHost(
    const Context& cx, int ci, const std::vector<FoundActor>& sources) const {
  const Clause& c = cx.doc.clauses[ci];
  const FoundActor& host = cx.index.dateline;
  if (c.kind != "noun" || host.code.empty() || sources.empty()) return {};
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "agent") return {};
  }
  for (const FoundActor& f : sources) {
    if (f.code.compare(0, 3, host.code) == 0) return {};
  }
  return {host};
}

std::vector<FoundActor> ClauseCoder::ExistentialHolder(
    const Context& cx, const Clause& c, const ClausePattern& p) const {
  const Document& doc = cx.doc;
  std::string root = p.code.substr(0, 2);
  if (c.kind != "noun" || (root != "05" && root != "11") || c.parent < 0 ||
      c.parent >= static_cast<int>(doc.clauses.size()))
    return {};
  const Clause& be = doc.clauses[c.parent];
  if (be.lemma != "be" || be.attributed_by < 0) return {};
  for (const ClauseArgument& a : be.arguments) {
    if (a.role == "agent") return {};
  }
  return SourcesOf(cx, be.attributed_by, 2);
}

bool ClauseCoder::CodeIn(const std::string& list,
                         const std::string& code) const {
  for (size_t n = 2; n <= code.size(); ++n) {
    if (lex_->Has(list, code.substr(0, n))) return true;
  }
  return false;
}

std::vector<FoundActor> ClauseCoder::ContentTargets(const Context& cx, int ci,
                                                    int depth) const {
  const Document& doc = cx.doc;
  // Where an act with no pattern of its own names its party: its object,
  // recipient, or a party-naming preposition ("continue military aid to
  // Mozambique").
  static const ClausePattern kAnyAct = [] {
    ClausePattern p;
    p.targets = {{"patient", "", false}, {"recipient", "", false}};
    for (const char* prep : {"with", "against", "to", "toward", "towards",
                             "on", "upon", "at", "into"})
      p.targets.push_back({"oblique", prep, false});
    return p;
  }();
  std::vector<FoundActor> out;
  for (int k : cx.clauses) {
    const Clause& d = doc.clauses[k];
    if (k == ci || d.parent != ci || d.kind != "verb" ||
        d.predicate >= doc.deprels.size())
      continue;
    // Its content ("refused to meet") or purpose ("to protest"), not a
    // condition or a time clause.
    const std::string& rel = doc.deprels[d.predicate];
    bool content = rel.compare(0, 5, "xcomp") == 0 ||
                   rel.compare(0, 5, "ccomp") == 0 ||
                   (rel.compare(0, 5, "advcl") == 0 && d.predicate > 0 &&
                    WordAt(doc, d.predicate - 1) == "to");
    if (!content) continue;
    const ClausePattern* q = patterns_->Match(doc, k);
    out = TargetsOf(cx, k, q ? *q : kAnyAct);
    // A pattern that names its party after one preposition ("meet in",
    // target after "with") still has one in its object ("refused to meet
    // Jordan's King in Tel Aviv").
    if (out.empty() && q) out = TargetsOf(cx, k, kAnyAct);
    if (out.empty() && depth < 1) out = ContentTargets(cx, k, depth + 1);
    if (!out.empty()) return out;
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::ConditionTargets(const Context& cx,
                                                      int ci,
                                                      int depth) const {
  const Document& doc = cx.doc;
  std::vector<FoundActor> out;
  for (int k : cx.clauses) {
    const Clause& d = doc.clauses[k];
    if (k == ci || d.parent != ci || d.kind != "verb" ||
        d.predicate >= doc.deprels.size())
      continue;
    const std::string& rel = doc.deprels[d.predicate];
    // The condition: an adverbial clause the clause layer marked
    // conditional ("if", "unless"); else look in the clauses below.
    bool condition = false;
    if (rel.compare(0, 5, "advcl") == 0 && d.modality == "conditional") {
      // Its own "if" or "unless", not a clause the condition hangs on.
      for (uint32_t t = cx.sentence.token_begin;
           t < d.predicate && t < doc.heads.size(); ++t) {
        std::string_view w = WordAt(doc, t);
        condition |= doc.heads[t] == static_cast<int32_t>(d.predicate) &&
                     doc.deprels[t] == "mark" &&
                     (w == "if" || w == "If" || w == "unless" ||
                      w == "Unless");
      }
    }
    if (condition) {
      for (const ClauseArgument& a : d.arguments) {
        if (a.role != (d.voice == "passive" ? "patient" : "agent")) continue;
        for (const FoundActor& f : ActorsOf(cx, a)) out.push_back(f);
      }
    } else if (depth < 2) {
      // The parse hangs the condition on the nearest verb ("to stop
      // negotiations to reduce weapons if ...").
      out = ConditionTargets(cx, k, depth + 1);
    }
    if (!out.empty()) return out;
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::AccuserAnswered(
    const Context& cx, const Clause& c,
    const std::vector<Event>& earlier) const {
  const Document& doc = cx.doc;
  std::vector<FoundActor> out;
  if (!lex_->Has("answer", c.lemma)) return out;
  bool claims = false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == "patient" && a.clause < 0)
      claims |= WordIn(doc, a.head, "accusation_noun");
  }
  if (!claims) return out;
  // The latest accusation or criticism coded before this sentence.
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (it->sentence.begin >= cx.sentence.span.begin) continue;
    if (it->root != "11" || it->source.code.empty()) continue;
    FoundActor f;
    f.code = it->source.code;
    f.entity = it->source.entity;
    f.name = it->source.name;
    out.push_back(std::move(f));
    break;
  }
  return out;
}

bool ClauseCoder::WordIn(const Document& doc, uint32_t token,
                         const std::string& list) const {
  std::string w(WordAt(doc, token));
  for (char& ch : w) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  if (lex_->Has(list, w)) return true;
  for (const std::string& l : LemmaCandidates(w)) {
    if (lex_->Has(list, l)) return true;
  }
  return false;
}

bool ClauseCoder::Gathering(const Document& doc, uint32_t token) const {
  return WordIn(doc, token, "gathering");
}

void ClauseCoder::DropModifiers(const Context& cx, const Clause& c,
                                std::vector<FoundActor>* targets) const {
  std::vector<FoundActor> kept;
  for (const FoundActor& t : *targets) {
    bool modifier = false;
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "agent") continue;
      auto [tb, te] = TokensIn(cx.doc, a.span);
      // Only a common noun is a thing ("U.N. mediator Diego Cordovez" is
      // a person however the finder grouped it).
      bool common = a.head < cx.doc.pos.size() &&
                    (cx.doc.pos[a.head] == "NN" || cx.doc.pos[a.head] == "NNS");
      if (t.b < tb || t.e > te || t.e > a.head || !common ||
          GroupAt(cx.groups, a.head))
        continue;
      // "his Israeli counterpart, Ariel Sharon", "U.N. mediator Diego
      // Cordovez": a name right after the head, or a party named after it
      // (an apposition), says the head is a person.
      bool named_after = false;
      for (const FoundGroup& g : cx.groups) {
        named_after |= (g.b > a.head && g.e <= te && !g.actors.empty()) ||
                       (g.b > a.head && g.b <= a.head + 2);
      }
      for (uint32_t k = a.head + 1;
           !named_after && k < cx.sentence.token_end && k < cx.doc.heads.size();
           ++k) {
        named_after = cx.doc.heads[k] == static_cast<int32_t>(a.head) &&
                      cx.doc.deprels[k] == "appos";
      }
      if (!named_after) modifier = true;
    }
    if (!modifier || t.pronoun) kept.push_back(t);
  }
  *targets = std::move(kept);
}

bool ClauseCoder::AmongThemselves(const Context& cx, const Clause& c) const {
  const Document& doc = cx.doc;
  int agents = 0;
  bool plural = false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == "oblique" && a.preposition == "with") return false;
    // An object that is a party ("met Italian officials"); the event noun
    // of a light verb ("holding talks") is none.
    const FoundGroup* g = GroupAt(cx.groups, a.head);
    if (a.role == "patient" && g && !g->actors.empty()) return false;
    if (a.role != "agent") continue;
    ++agents;
    plural |= a.head < doc.pos.size() && (doc.pos[a.head] == "NNS" ||
                                          doc.pos[a.head] == "NNPS");
  }
  return agents > 1 || plural;
}

bool ClauseCoder::AtGathering(const Context& cx, int ci) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  if (c.kind == "noun" && Gathering(doc, c.predicate)) return true;
  for (const ClauseArgument& a : c.arguments) {
    if ((a.role == "patient" || a.role == "oblique") &&
        Gathering(doc, a.head))
      return true;
  }
  return false;
}

std::vector<FoundActor> ClauseCoder::ActorsOf(const Context& cx,
                                              const ClauseArgument& a,
                                              bool places) const {
  std::vector<FoundActor> out;
  auto [tb, te] = TokensIn(cx.doc, a.span);
  uint32_t h = a.head;
  const FoundGroup* pick = GroupAt(cx.groups, h);
  // "U.S. allies", "Russia's neighbours", "allies of Iran": a noun of
  // relation names other parties than the country it is said of. After a
  // possessive pronoun the name says who they are ("its OPEC partners",
  // "its Philippine partner").
  if (!pick && h < cx.doc.tokens.size() && h >= tb &&
      WordIn(cx.doc, h, "relational_noun")) {
    bool own = false;
    for (uint32_t k = tb; k < h; ++k) {
      own |= cx.doc.pos[k] == "PRP$";
    }
    bool country = false;
    for (const FoundGroup& g : cx.groups) {
      if (g.e <= tb || g.b >= te || g.actors.empty()) continue;
      const std::string& code = g.actors[0].code;
      country |= CountryPrefix(code);
    }
    if (!own && country) return out;
  }
  // The possessor or modifier before the head: "Kim's invitation", "U.S.
  // concerns".
  if (!pick && h >= tb && h < te) {
    for (const FoundGroup& g : cx.groups) {
      if (g.b >= tb && g.e <= h) pick = &g;
    }
  }
  // "the efforts of both India and Pakistan", "the leader of Britain's
  // biggest union": the party the head belongs to.
  if (!pick && h + 2 < te && WordAt(cx.doc, h + 1) == "of") {
    for (const FoundGroup& g : cx.groups) {
      if (g.b >= h + 2 && g.b <= h + 4 && g.e <= te) {
        pick = &g;
        break;
      }
    }
  }
  // "Tens of thousands of university students": the party a quantity or
  // a part counts, down the parse's chain of "of" phrases.
  auto holding = [&](uint32_t t, uint32_t after) -> const FoundGroup* {
    const FoundGroup* mod = nullptr;
    for (const FoundGroup& g : cx.groups) {
      if (g.b <= t && t < g.e) return &g;
      if (g.b > after && g.e <= t) mod = &g;  // "of British officials"
    }
    return mod;
  };
  // "a camp for Congolese refugees", "a mission of observers from the
  // OSCE", "advised against travel to Tunisia": a thing's owner, origin or
  // destination, after "for", "from" or "to".
  for (uint32_t cur = h, hop = 0; !pick && hop < 3; ++hop) {
    int64_t next = OfPhraseNoun(cx.doc, cur, te);
    for (const char* prep : {"for", "from", "to"}) {
      if (next < 0) next = PrepositionalModifier(cx.doc, cur, te, prep);
    }
    if (next < 0) break;
    pick = holding(static_cast<uint32_t>(next), cur);
    cur = static_cast<uint32_t>(next);
  }
  auto coded = [&](const FoundGroup* g) {
    if (g) {
      for (const FoundActor& f : g->actors) {
        if ((places || !f.place) && !f.code.empty()) out.push_back(f);
      }
    }
  };
  coded(pick);
  // "Doctors from two American aid groups", "Baghdad University Medical
  // School", "students throughout Indonesia": a sector the finder gave no
  // country takes the country of a party the phrase names before its head
  // or after "from", "of" or a locative preposition (its origin), when
  // that is the phrase's only country.
  std::string country;
  bool several = false;
  for (const FoundActor& f : out) {
    if (f.code.compare(0, 3, "---") != 0 || f.code.size() <= 3) continue;
    for (const FoundGroup& g : cx.groups) {
      if (&g == pick || g.b < tb || g.e > te || g.actors.empty()) continue;
      const FoundActor& o = g.actors[0];
      if (!CountryPrefix(o.code) || o.person || o.pronoun) continue;
      bool before = g.e <= h;
      std::string prep = before ? "" : PrepositionBefore(cx.doc, g.b, h);
      if (!before && prep != "from" && prep != "of" &&
          !lex_->Has("location_prep", prep))
        continue;
      if (!country.empty() && country != o.code.substr(0, 3)) several = true;
      country = o.code.substr(0, 3);
    }
    break;
  }
  if (!country.empty() && !several) {
    for (FoundActor& f : out) {
      if (f.code.compare(0, 3, "---") == 0 && f.code.size() > 3)
        f.code = country + f.code.substr(3);
    }
  }
  // "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a
  // name the finder could not code takes the office its apposition names.
  if (out.empty() && h < cx.sentence.token_end) {
    int64_t ap = AppositionOf(cx.doc, h, cx.sentence.token_end);
    if (ap >= 0) coded(holding(static_cast<uint32_t>(ap), h));
  }
  if (out.empty()) return out;
  // "Russia's ambassador to the United States, Anatoly Antonov": the
  // person the phrase names, when the actor finder coded only the office.
  if (out.size() == 1 && !a.entity.empty() && !out[0].pronoun &&
      out[0].entity != a.entity) {
    const Entity* named = cx.EntityById(a.entity);
    const Entity* coded = cx.EntityById(out[0].entity);
    bool person = named && named->type == "PER";
    bool actor_person = coded && coded->type == "PER";
    if (person && !actor_person) out[0].entity = a.entity;
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::SourcesOf(const Context& cx, int ci,
                                               int depth) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  std::vector<FoundActor> out;
  bool named_non_actor = false;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "agent") continue;
    std::vector<FoundActor> found = ActorsOf(cx, a);
    std::string_view w = WordAt(doc, a.head);
    if (found.empty() && (w == "who" || w == "which" || w == "that") &&
        c.predicate < doc.heads.size() && doc.heads[c.predicate] >= 0) {
      // "Jack Straw, who will hold talks": the noun the clause modifies.
      ClauseArgument noun = a;
      noun.head = static_cast<uint32_t>(doc.heads[c.predicate]);
      noun.span = doc.tokens[noun.head];
      found = ActorsOf(cx, noun);
    }
    // "The Nigerian Union of Teachers, the umbrella union for teachers,
    // announced that it has called off a strike": a pronoun subject of
    // what is reported stands for the reporter, whatever party named
    // between them the resolver chose.
    bool pronoun = !found.empty();
    for (const FoundActor& f : found) pronoun &= f.pronoun;
    if (pronoun && depth == 0 && c.attributed_by >= 0 &&
        c.attributed_by == c.parent &&
        c.attributed_by < static_cast<int>(doc.clauses.size())) {
      for (const ClauseArgument& r : doc.clauses[c.attributed_by].arguments) {
        if (r.role != "agent") continue;
        std::vector<FoundActor> speaker = ActorsOf(cx, r);
        bool named = !speaker.empty();
        for (const FoundActor& f : speaker) named &= !f.pronoun;
        if (named) found = std::move(speaker);
        break;
      }
    }
    for (const FoundActor& f : found) out.push_back(f);
    if (found.empty() && NamesItsDoer(doc, a, c)) named_non_actor = true;
  }
  // "the group captured three soldiers", "fighting that has killed 100
  // people": the clause names its doer, and the doer is no actor the tables
  // know; its source is not borrowed from the sentence's opening party nor
  // from the clause it hangs on.
  if (out.empty() && named_non_actor) return out;
  // "Germany relaxed its sanctions on Iran", "ended its offensive": an act
  // of the verb's own subject that the verb, an act of its own, changes is
  // coded by the verb only.
  if (!out.empty() && depth == 0 && c.kind == "noun" && c.parent >= 0 &&
      c.parent < static_cast<int>(doc.clauses.size())) {
    const Clause& up = doc.clauses[c.parent];
    if (up.kind == "verb" && !lex_->Has("light_verb", up.lemma) &&
        patterns_->Match(doc, c.parent)) {
      for (const FoundActor& f : SourcesOf(cx, c.parent, 0)) {
        for (const FoundActor& g : out) {
          if (SameActor(f, g)) return {};
        }
      }
    }
  }
  // A participle that modifies a noun ("a member of Hamas jailed a year
  // ago") is passive in meaning whatever voice the parse gave it: its doer
  // is not named, and is not its host clause's subject nor the reporter.
  if (out.empty() && c.kind == "verb" && c.predicate < doc.deprels.size() &&
      c.predicate < doc.pos.size() && doc.deprels[c.predicate] == "acl" &&
      doc.pos[c.predicate] == "VBN")
    return out;
  if (out.empty() && depth == 0) out = OpeningSubject(cx, ci);
  if (!out.empty() || depth >= 2) return out;
  if (c.voice == "passive" && c.kind == "verb") return out;
  int p = c.parent;
  if (p < 0 || p >= static_cast<int>(doc.clauses.size())) return out;
  const Clause& parent = doc.clauses[p];
  // A noun's act is its host clause's subject's ("During a visit to North
  // Korea, Shoigu was shown ..."); a subjectless verb takes its
  // controller's, or its reporter's.
  // The object of an act of its own is not its subject's act ("Britain
  // condemned the attack": not Britain's attack); of a light verb it is
  // ("launched an attack").
  if (c.kind == "noun" && parent.kind == "verb" &&
      !lex_->Has("light_verb", parent.lemma) && patterns_->Match(doc, p))
    return out;
  // "Lyng, reacting to recent criticism of U.S. meat inspection", "Japan
  // responded to the attack": what one reacts to is another's act.
  if (c.kind == "noun" && parent.kind == "verb" &&
      lex_->Has("reaction_verb", parent.lemma))
    return out;
  if (c.kind == "noun" && parent.voice == "passive") {
    for (const ClauseArgument& a : parent.arguments) {
      if (a.role != "patient") continue;
      for (const FoundActor& f : ActorsOf(cx, a)) out.push_back(f);
      if (!out.empty()) break;
    }
    return out;
  }
  // "It is important to support teachers": under an extraposing "it" the
  // act's doer is anyone, not the host's nor its reporter's ("there was a
  // lack of trust" is existential: the reporter holds it). The expletive
  // hangs on the predicate, or on the adjective a copula predicate joins.
  int32_t host = static_cast<int32_t>(parent.predicate);
  int32_t over = host < static_cast<int32_t>(doc.heads.size()) &&
                         doc.deprels[host] == "cop"
                     ? doc.heads[host]
                     : host;
  for (uint32_t t = cx.sentence.token_begin; t < cx.sentence.token_end; ++t) {
    if (t < doc.heads.size() && doc.deprels[t] == "expl" &&
        (doc.heads[t] == host || doc.heads[t] == over) &&
        AsciiLower(WordAt(doc, t)) == "it")
      return out;
    // "Chile signed an agreement, and there was also an agreement with
    // Venezuela": an existential host that nobody reports lends no doer.
    if (t < doc.heads.size() && doc.deprels[t] == "expl" &&
        doc.heads[t] == host && parent.attributed_by < 0 &&
        AsciiLower(WordAt(doc, t)) == "there")
      return out;
  }
  return SourcesOf(cx, p, depth + 1);
}

std::vector<FoundActor> ClauseCoder::TargetsOf(const Context& cx, int ci,
                                               const ClausePattern& p) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  std::vector<FoundActor> out;
  // A visit or a meeting has its place's country as target ("visit Aceh
  // in Indonesia"); other acts never take a place for an actor.
  bool places = false;
  for (const TargetSlot& slot : p.targets) places |= slot.role == "location";
  // The obliques of the noun that is the patient count as the clause's
  // ("impose sanctions on Iran", "signed an agreement with France").
  std::vector<ClauseArgument> args = c.arguments;
  for (const ClauseArgument& a : c.arguments) {
    // ... and of an event noun after a preposition the pattern asks for
    // ("called for talks with Iran").
    bool noun_oblique = a.role == "oblique" && a.clause >= 0 &&
                        a.clause < static_cast<int>(doc.clauses.size()) &&
                        doc.clauses[a.clause].kind == "noun" &&
                        std::any_of(p.needs.begin(), p.needs.end(),
                                    [&](const ArgRequirement& r) {
                                      return !r.preposition.empty() &&
                                             r.preposition == a.preposition;
                                    });
    if (a.role != "patient" && !noun_oblique) continue;
    for (int k : cx.clauses) {
      const Clause& n = doc.clauses[k];
      if (n.kind != "noun" || n.predicate != a.head || k == ci) continue;
      for (const ClauseArgument& b : n.arguments) {
        if (b.role == "oblique") args.push_back(b);
      }
    }
  }
  for (const TargetSlot& slot : p.targets) {
    if (slot.role == "location") continue;
    for (const ClauseArgument& a : args) {
      if (a.role != slot.role) continue;
      if (slot.role == "oblique" && a.preposition != slot.preposition) continue;
      // "killing himself and three tourists": a reflexive is the clause's
      // own doer, never a second party.
      if (ReflexivePronoun(AsciiLower(WordAt(doc, a.head)))) continue;
      // "At the UN Climate Action Summit, Modi pledged": the gathering is
      // the occasion, not the party addressed, unless the pattern names
      // the preposition itself.
      if (slot.role == "oblique" && !slot.named && Gathering(cx.doc, a.head))
        continue;
      std::vector<FoundActor> found;
      if (slot.role == "complement") {
        found = ComplementSubject(cx, a);
        for (const FoundActor& f : found) out.push_back(f);
        continue;
      }
      if (slot.of_noun) {
        // "accepted Kim's invitation": the inviter.
        for (int k : cx.clauses) {
          if (!found.empty()) break;
          if (doc.clauses[k].predicate != a.head ||
              doc.clauses[k].kind != "noun")
            continue;
          for (const ClauseArgument& b : doc.clauses[k].arguments) {
            if (b.role != "agent") continue;
            for (const FoundActor& f : ActorsOf(cx, b)) found.push_back(f);
          }
        }
      }
      // "received a bid from investor Theodore Cross": a host receives the
      // party its object names itself, not the owner or origin of a thing.
      if (found.empty() && slot.role == "patient" &&
          CodeIn("head_target", p.code)) {
        if (const FoundGroup* g = GroupAt(cx.groups, a.head)) {
          for (const FoundActor& f : g->actors) {
            if ((places || !f.place) && !f.code.empty()) found.push_back(f);
          }
        }
        for (const FoundActor& f : found) out.push_back(f);
        continue;
      }
      if (found.empty()) found = ActorsOf(cx, a, places);
      for (const FoundActor& f : found) out.push_back(f);
    }
    if (out.empty() && slot.role == "oblique")
      out = PrepositionInPatient(cx, c, slot.preposition, slot.named);
    if (!out.empty()) return out;
  }
  // "Germany signed the deal despite US objections": a disapproval with no
  // party of its own aims at the doer of the act it is set against.
  if (c.kind == "noun" && p.code.compare(0, 2, "11") == 0 && c.parent >= 0 &&
      c.parent < static_cast<int>(doc.clauses.size())) {
    for (const ClauseArgument& a : doc.clauses[c.parent].arguments) {
      if (a.clause == ci && lex_->Has("concessive_prep", a.preposition))
        return SourcesOf(cx, c.parent, 0);
    }
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::PrepositionInPatient(
    const Context& cx, const Clause& c, const std::string& prep,
    bool named) const {
  const Document& doc = cx.doc;
  std::vector<FoundActor> out;
  // Prepositions that name a party after a noun too ("aid to", "talks
  // with", "violations by China": the doer of the act objected to); "at",
  // "on", "over" after a noun mostly name a place or a topic.
  static const std::set<std::string> kPartyPreps = {
      "with", "against", "to", "toward", "towards", "from", "by"};
  if (prep.empty() || (!named && !kPartyPreps.count(prep))) return out;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role != "patient") continue;
    auto [tb, te] = TokensIn(doc, a.span);
    for (const FoundGroup& g : cx.groups) {
      if (g.b <= a.head || g.b <= tb + 1 || g.e > te) continue;
      // Not inside a clause the noun holds ("the hearing, which is to
      // take place at ...").
      bool embedded = false;
      for (int k : cx.clauses) {
        uint32_t p = doc.clauses[k].predicate;
        embedded |= doc.clauses[k].kind == "verb" && p > a.head && p < g.b;
      }
      if (embedded) break;
      if (PrepositionBefore(doc, g.b, std::max<uint32_t>(a.head, static_cast<uint32_t>(tb))) != prep)
        continue;
      for (const FoundActor& f : g.actors) {
        if (!f.place && !f.code.empty()) out.push_back(f);
      }
      if (!out.empty()) return out;
    }
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::OpeningSubject(const Context& cx,
                                                    int ci) const {
  const Document& doc = cx.doc;
  const Clause& c = doc.clauses[ci];
  std::vector<FoundActor> out;
  if (c.voice == "passive" || (c.kind != "verb" && c.parent >= 0)) return out;
  // A main clause, a root event noun whose light verb the parse lost ("...,
  // held talks with"), or the content of a trailing clause of saying
  // ("Israel on Wednesday released ..., officials said": not the
  // officials' act).
  if (c.parent >= 0 && !(c.attributed_by == c.parent &&
                         c.parent < static_cast<int>(doc.clauses.size()) &&
                         lex_->Has("speech", doc.clauses[c.parent].lemma) &&
                         doc.clauses[c.parent].predicate > c.predicate))
    return out;
  // Where the named subject should end: the agent the parser gave (a time
  // word, "Iraq on Saturday appealed"), else the predicate.
  uint32_t limit = c.predicate;
  for (const ClauseArgument& a : c.arguments) {
    if (a.role == "agent") limit = std::min<uint32_t>(
          limit, static_cast<uint32_t>(TokensIn(doc, a.span).first));
  }
  if (cx.groups.empty()) return out;
  const FoundGroup& g = cx.groups.front();
  // The sentence opens with the party ("Washington along with its allies
  // demanded", "Yasser Arafat Wednesday rejected"), before any other
  // predicate.
  if (g.b > cx.sentence.token_begin + 1 || g.e > limit) return out;
  for (int k : cx.clauses) {
    uint32_t p = doc.clauses[k].predicate;
    if (k != ci && p >= g.b && p < c.predicate) return out;
  }
  for (const FoundActor& f : g.actors) {
    if (!f.place && !f.code.empty()) out.push_back(f);
  }
  return out;
}

std::vector<FoundActor> ClauseCoder::ComplementSubject(
    const Context& cx, const ClauseArgument& a) const {
  const Document& doc = cx.doc;
  if (a.clause < 0 || a.clause >= static_cast<int>(doc.clauses.size())) {
    // No clause under it: the actor the phrase opens with ("insist Japan
    // open its markets").
    return ActorsOf(cx, a);
  }
  const Clause& c = doc.clauses[a.clause];
  // "asked whether Bush had opposed the sales": a question's subject is
  // what is asked about, not a party asked to act.
  if (c.modality == "question") return {};
  // A controlled subject ("urged X to leave") is the patient already.
  std::vector<FoundActor> out;
  for (const ClauseArgument& b : c.arguments) {
    if (b.controlled) continue;
    if (b.role != (c.voice == "passive" ? "patient" : "agent")) continue;
    for (const FoundActor& f : ActorsOf(cx, b)) out.push_back(f);
  }
  return out;
}

FoundActor ClauseCoder::UnknownPlaceIn(const Context& cx, uint32_t tb,
                                       uint32_t te) const {
  const Document& doc = cx.doc;
  FoundActor out;
  te = std::min<uint32_t>(te, static_cast<uint32_t>(doc.pos.size()));
  if (te <= tb) return out;
  // The tokens a name may be made of: proper nouns that no actor, time or
  // person / organisation / other entity holds, marked in one pass each.
  std::vector<char> free(te - tb, 0);
  for (uint32_t t = tb; t < te; ++t) {
    const Span& k = doc.tokens[t];
    free[t - tb] = doc.pos[t].compare(0, 3, "NNP") == 0 &&
                   !IsCalendarWord(std::string_view(doc.text).substr(
                       k.begin, k.end - k.begin));
  }
  auto hold = [&](size_t b, size_t e) {
    for (size_t t = std::max<size_t>(b, tb); t < std::min<size_t>(e, te); ++t)
      free[t - tb] = 0;
  };
  for (const FoundGroup& g : cx.groups)
    if (!g.actors.empty()) hold(g.b, g.e);
  for (const TimeMention& m : doc.times) {
    auto [b, e] = TokensIn(doc, m.span);
    hold(b, e);
  }
  for (const Entity& ent : doc.entities) {
    if (ent.type == "LOC") continue;
    for (const Span& m : ent.mentions) {
      auto [b, e] = TokensIn(doc, m);
      hold(b, e);
    }
  }
  for (uint32_t t = tb; t < te;) {
    if (!free[t - tb]) {
      ++t;
      continue;
    }
    uint32_t e = t;
    while (e < te && free[e - tb]) ++e;
    out.b = t;
    out.e = e;
    out.place = true;
    out.name = doc.text.substr(doc.tokens[t].begin,
                               doc.tokens[e - 1].end - doc.tokens[t].begin);
    t = e;
  }
  return out;
}

FoundActor ClauseCoder::NearestPlace(const Context& cx,
                                     uint32_t predicate) const {
  const Document& doc = cx.doc;
  FoundActor best;
  uint32_t best_distance = UINT32_MAX;
  auto consider = [&](const FoundActor& f, uint32_t b, uint32_t e) {
    uint32_t d = e <= predicate ? predicate - e + 1 : b > predicate ? b - predicate : 0;
    if (d < best_distance) best_distance = d, best = f;
  };
  for (const FoundGroup& g : cx.groups) {
    for (const FoundActor& f : g.actors) {
      // A country or capital only after a locative preposition ("killed
      // in Iraq"): elsewhere it is a party.
      if (!f.place &&
          !(f.code.size() == 3 && !f.person && !f.pronoun &&
            lex_->Has("location_prep",
                      PrepositionBefore(doc, g.b,
                                        cx.sentence.token_begin > 0
                                            ? cx.sentence.token_begin - 1
                                            : 0))))
        continue;
      FoundActor out = f;
      out.name = ToEventActor(doc, f).name;
      consider(out, g.b, g.e);
    }
  }
  // The entity layer's places that no group holds (a name no table knows).
  const Span& sent = cx.sentence.span;
  for (const auto& [m, ei] : cx.index.places) {
    if (m.begin < sent.begin || m.end > sent.end) continue;
    auto [tb64, te64] = TokensIn(doc, m);
    const uint32_t tb = static_cast<uint32_t>(tb64), te = static_cast<uint32_t>(te64);
    if (te <= tb) continue;
    bool held = false;
    for (const FoundGroup& g : cx.groups)
      held |= tb < g.e && g.b < te && !g.actors.empty();
    if (held) continue;
    FoundActor f;
    f.b = tb;
    f.e = te;
    f.name = doc.text.substr(m.begin, m.end - m.begin);
    f.code = doc.entities[ei].country;
    f.entity = doc.entities[ei].id;
    f.place = true;
    consider(f, tb, te);
  }
  return best;
}

FoundActor ClauseCoder::PlaceOf(const Context& cx, int ci,
                                std::string* source, bool extended) const {
  const Document& doc = cx.doc;
  const int first = ci;
  for (int depth = 0; depth < 2 && ci >= 0; ++depth) {
    const Clause& c = doc.clauses[ci];
    for (const ClauseArgument& a : c.arguments) {
      if (a.role != "oblique" || !lex_->Has("location_prep", a.preposition))
        continue;
      auto [tb, te] = TokensIn(doc, a.span);
      // Not inside a clause the phrase holds ("in an attempt to force the
      // U.S. to abandon the base": no place).
      for (int k : cx.clauses) {
        uint32_t p = doc.clauses[k].predicate;
        if (k != ci && doc.clauses[k].kind == "verb" && p > tb && p < te)
          te = p;
      }
      // The last place the actor finder coded in the phrase ("the Russian
      // city of Komsomolsk-on-Amur"), a country or capital included.
      const FoundActor* best = nullptr;
      const FoundActor* country = nullptr;
      for (const FoundGroup& g : cx.groups) {
        if (g.b < tb || g.e > te) continue;
        for (const FoundActor& f : g.actors) {
          if (f.place) best = &f;
          if (f.code.size() == 3 && !f.person && !f.pronoun) country = &f;
        }
      }
      if (best) {
        *source = "clause";
        FoundActor f = *best;
        f.name = ToEventActor(doc, f).name;
        return f;
      }
      // A name no table knows ("in Rangae district", "the eastern Syrian
      // city of Deir Ezzor"): the phrase's last run of proper nouns that
      // is no actor, person, organisation or time.
      FoundActor unknown =
          extended ? UnknownPlaceIn(cx, tb, te) : FoundActor{};
      if (!unknown.name.empty()) {
        *source = "clause";
        return unknown;
      }
      if (country) {
        *source = "clause";
        FoundActor f = *country;
        f.name = ToEventActor(doc, f).name;
        return f;
      }
      // Else a place the entity layer found there.
      auto it = std::lower_bound(
          cx.index.places.begin(), cx.index.places.end(), a.span.begin,
          [](const std::pair<Span, int>& p, uint32_t b) {
            return p.first.begin < b;
          });
      uint32_t end = te > tb && te <= doc.tokens.size() ? doc.tokens[te - 1].end
                                                         : a.span.end;
      if (it != cx.index.places.end() && it->first.end <= end) {
        const Span& m = it->first;
        const Entity& e = doc.entities[it->second];
        FoundActor f;
        f.name = doc.text.substr(m.begin, m.end - m.begin);
        f.code = e.country;
        f.entity = e.id;
        f.place = true;
        *source = "clause";
        return f;
      }
    }
    // "held talks in Beijing", "imposed a curfew in the town of Cizre",
    // "remained on alert in the occupied West Bank": a place after a
    // locative preposition inside the patient or another oblique.
    for (const ClauseArgument& a : c.arguments) {
      if (a.role != "patient" && a.role != "oblique") continue;
      auto [tb, te] = TokensIn(doc, a.span);
      for (const FoundGroup& g : cx.groups) {
        if (g.b <= a.head || g.b <= tb || g.e > te || g.actors.empty())
          continue;
        if (!lex_->Has("location_prep",
                       PrepositionBefore(doc, g.b, std::max<uint32_t>(a.head, static_cast<uint32_t>(tb)))))
          continue;
        const FoundActor& f = g.actors[0];
        if (!f.place && !(f.code.size() == 3 && !f.person)) continue;
        *source = "clause";
        FoundActor out = f;
        out.name = ToEventActor(doc, f).name;
        return out;
      }
    }
    // A noun, a modal clause, a participle hanging on its clause ("hit a
    // trolleybus in Donetsk, killing 8 people") and a second predicate
    // coordinated with one ("were shot and killed") happen where their
    // host does.
    if (c.kind != "noun" && c.modality.empty() &&
        !(extended && c.relation == "conj") &&
        !(extended && c.relation == "advcl" && c.predicate < doc.pos.size() &&
          (doc.pos[c.predicate] == "VBG" || doc.pos[c.predicate] == "VBN")))
      break;
    ci = c.parent;
  }
  FoundActor none;
  if (!doc.datelines.empty()) {
    none.name = doc.datelines[0];
    *source = "dateline";
    return none;
  }
  // With no dateline either, the place named nearest the predicate in the
  // sentence (GDELT places an event at the location mentioned closest to
  // it): a place that is no party, attached to no clause by the parse, so
  // the weakest evidence, taken only when the article gives no other.
  FoundActor near =
      extended ? NearestPlace(cx, doc.clauses[first].predicate) : FoundActor{};
  if (!near.name.empty()) {
    *source = "sentence";
    return near;
  }
  return none;
}

void ClauseCoder::Emit(const Context& cx, int ci, const ClausePattern& p,
                       const FoundActor& named_src, const FoundActor* tgt,
                       const FoundActor& place,
                       const std::string& place_source,
                       std::vector<Event>* out) const {
  const Document& doc = cx.doc;
  // An unnamed group given the story's country ("banks" in a story about
  // Brazil) that acts on that very country ("Banks had been pressing
  // Brazil", "bankers agreed to give Argentina ...") is not of it: its
  // country is unknown. A state's institutions ("the farm minister
  // criticised two German members") stay the story's.
  FoundActor unknown_country;
  const bool foreign = named_src.country_from_story && tgt != nullptr &&
                       tgt->code.size() == 3 && named_src.code.size() > 3 &&
                       named_src.code.compare(0, 3, tgt->code) == 0 &&
                       !HomeSector(std::string_view(named_src.code).substr(3));
  if (foreign) {
    unknown_country = named_src;
    unknown_country.code = "---" + named_src.code.substr(3);
  }
  const FoundActor& src = foreign ? unknown_country : named_src;
  const Clause& c = doc.clauses[ci];
  // A noun is negated with its light verb ("did not sign the agreement").
  bool negated = c.negated;
  if (c.kind == "noun" && c.parent >= 0 &&
      c.parent < static_cast<int>(doc.clauses.size()))
    negated |= doc.clauses[c.parent].negated;
  // A pattern that asks for a modality codes the reporting clause's act
  // ("said Japan must open": said, not must), so that clause's modality
  // and polarity bend it.
  int act = ci;
  if (p.modal && c.attributed_by >= 0 &&
      c.attributed_by < static_cast<int>(doc.clauses.size())) {
    act = c.attributed_by;
    negated = doc.clauses[act].negated;
  }
  std::string modality = ClauseModality(doc, act, *lex_);
  if (p.stance && (modality == "future" || modality == "conditional"))
    modality.clear();
  // The condition of a conditional ("If the U.S. imposes a tariff, the
  // duty is paid ..."): an adverbial clause of the conditional or future
  // act; it is hypothetical but threatens nothing (its parent may). An
  // act the future one governs ("won't hesitate to impose") is no
  // condition.
  const Clause& ac = doc.clauses[act];
  if (modality == "conditional" && ac.parent >= 0 &&
      ac.parent < static_cast<int>(doc.clauses.size()) &&
      ac.predicate < doc.deprels.size() &&
      doc.deprels[ac.predicate].compare(0, 5, "advcl") == 0) {
    const std::string& up = doc.clauses[ac.parent].modality;
    if (up == "conditional" || up == "future") modality = "possible";
  }
  // "The Tories attacked Labour": between political actors of one country
  // an attack is criticism; "students protested against" is a protest.
  const std::string& code =
      !p.verbal_code.empty() && tgt &&
              PoliticalPairOfOneCountry(src.code, tgt->code)
          ? p.verbal_code
      : !p.crowd_code.empty() && Crowd(doc, src) ? p.crowd_code
                                                 : p.code;
  CodeChoice choice = ChooseCode(code, p.intent_code, p.neg_code, modality,
                                 negated);
  if (choice.drop) return;
  const CameoCode* entry = cameo_->Find(choice.code);
  if (!entry && !options_.accept_any_code) return;
  // "Saddam Hussein visited the northern city of Mosul", "a trip to
  // Dallas": a visit to a place of one's own country is no dyadic event.
  // Acts that fall on a place's people ("imposed a curfew in Cizre") stay.
  if (tgt && tgt->place && choice.code.compare(0, 2, "04") == 0 &&
      src.code.size() >= 3 && tgt->code.size() >= 3 &&
      CountryPrefix(src.code) && src.code.compare(0, 3, tgt->code, 0, 3) == 0)
    return;
  // "Japan Line asked banks to shelve repayment": between two companies it
  // is business, not the political event the codebook codes.
  if (tgt && Company(src.code) && Company(tgt->code)) return;
  // "Great American Industrial Group Inc agreed to acquire the U.S. and
  // United Kingdom assets", "Washington Water Power Co asked the Washington
  // commission": a company acting on its own country as a whole is a
  // misreading (assets there, a body or product named after it), not an
  // event.
  if (tgt && Company(src.code) && tgt->code.size() == 3 &&
      src.code.compare(0, 3, tgt->code) == 0)
    return;
  // "urged people to put the comments into context", "told researchers":
  // words to the public are no dyadic event; acts on it are.
  if (entry && (entry->quad_class == 1 || entry->quad_class == 3) && tgt &&
      ThePublic(*tgt))
    return;
  Event ev;
  ev.code = choice.code;
  ev.root = entry ? std::string(cameo_->Root(ev.code)) : ev.code.substr(0, 2);
  ev.quad_class = entry ? entry->quad_class : 0;
  ev.goldstein = entry ? entry->goldstein : 0;
  ev.negated = choice.negated;
  ev.hypothetical = choice.hypothetical;
  ev.source = ToEventActor(doc, src);
  if (tgt) {
    ev.target = ToEventActor(doc, *tgt);
    ev.has_target = true;
  }
  ev.date = ClauseDate(doc, ci);
  ev.date_source = ev.date.empty() ? "" : "clause";
  if (ev.date.empty() && !doc.published.empty()) {
    ev.date = doc.published.substr(0, 10);
    ev.date_source = "published";
  }
  ev.location = place.name;
  ev.location_source = place_source;
  // A visit takes place where it goes (GDELT's ActionGeo of "Putin visited
  // Pyongyang" is Pyongyang), a planned one where it would go (036 "will
  // visit London"): a destination named as a country or a place ("visit to
  // London") is the event's place unless the clause names its own ("met
  // Bush in Washington").
  if (tgt && p.code == "042" && place_source != "clause" && !tgt->person &&
      !tgt->pronoun && !tgt->country_from_story && tgt->code.size() == 3) {
    ev.location = ToEventActor(doc, *tgt).name;
    ev.location_source = "destination";
  }
  ev.sentence = cx.sentence.span;
  ev.trigger = c.predicate_span;
  ev.evidence = doc.text.substr(c.predicate_span.begin,
                                c.predicate_span.end - c.predicate_span.begin);
  if (c.attributed_by >= 0 &&
      c.attributed_by < static_cast<int>(doc.clauses.size())) {
    for (const ClauseArgument& a : doc.clauses[c.attributed_by].arguments) {
      if (a.role != "agent") continue;
      std::vector<FoundActor> who = ActorsOf(cx, a);
      if (who.empty()) continue;
      ev.reporter = ToEventActor(doc, who[0]);
      ev.has_reporter = true;
      break;
    }
  }
  if (p.residual) {
    // Telling the media is no event (the gold set's and GDELT's practice).
    if (tgt && tgt->code.size() > 3 &&
        tgt->code.find("MED", 3) != std::string::npos)
      return;
    cx.residual->push_back(std::move(ev));
    return;
  }
  out->push_back(std::move(ev));
  if (tgt && !p.reverse_code.empty() && cameo_->Find(p.reverse_code)) {
    Event back = out->back();
    std::swap(back.source, back.target);
    back.code = p.reverse_code;
    const CameoCode* r = cameo_->Find(back.code);
    back.root = std::string(cameo_->Root(back.code));
    back.quad_class = r->quad_class;
    back.goldstein = r->goldstein;
    out->push_back(std::move(back));
  }
}

}  // namespace dateline

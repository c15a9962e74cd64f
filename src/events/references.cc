#include "events/references.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/ascii.h"
#include "events/clause_patterns.h"
#include "events/event_lexicons.h"

namespace dateline {
namespace {

std::string_view WordAt(const Document& doc, size_t t) {
  if (t >= doc.tokens.size()) return {};
  const Span& s = doc.tokens[t];
  return std::string_view(doc.text).substr(s.begin, s.end - s.begin);
}

std::string LowerAt(const Document& doc, size_t t) {
  return AsciiLower(WordAt(doc, t));
}

std::string_view TagAt(const Document& doc, size_t t) {
  return t < doc.pos.size() ? std::string_view(doc.pos[t]) : std::string_view();
}

bool PluralNoun(const Document& doc, size_t t) {
  std::string_view tag = TagAt(doc, t);
  return tag == "NNS" || tag == "NNPS";
}

// What a reference may stand for.
enum class Want {
  kNone,
  kPerson,      // he, she, him, his, her
  kThing,       // it, its: one body, country or group
  kPlural,      // they, them, their: a list or a plural noun
  kGovernment,  // the government, the ministry: a government or country
  kCountry,     // the country
  kHead,        // the party, the company: an actor named with that noun
};

Want PronounWant(const std::string& w) {
  if (w == "he" || w == "she" || w == "him" || w == "his" || w == "her" ||
      w == "himself" || w == "herself")
    return Want::kPerson;
  if (w == "it" || w == "its" || w == "itself") return Want::kThing;
  if (w == "they" || w == "them" || w == "their" || w == "themselves")
    return Want::kPlural;
  return Want::kNone;
}

Want DescriptionWant(const EventLexicons& lex, const std::string& noun) {
  if (lex.Has("reference_government", noun)) return Want::kGovernment;
  if (lex.Has("reference_country", noun)) return Want::kCountry;
  if (lex.Has("reference_head", noun)) return Want::kHead;
  return Want::kNone;
}

bool FirstPerson(std::string_view w) {
  return w == "I" || w == "we" || w == "We" || w == "me" || w == "us" ||
         w == "my" || w == "our" || w == "My" || w == "Our";
}

// The quotation with a speaker (not an indirect one) that holds token
// span `t`, or nullptr.
const Quote* SpokenQuoteAround(const Document& doc, const Span& t) {
  for (const Quote& q : doc.quotes) {
    if (q.kind == "indirect" || q.speaker.empty()) continue;
    if (t.begin >= q.span.begin && t.end <= q.span.end) return &q;
  }
  return nullptr;
}

// The direct quotation a sentence that opens with a quotation mark goes on
// with when the quotes stage found no quotation around token `t` (an
// unclosed quotation paragraph: "... ," he said. "I warmly applaud ...
// "This spirit ..."): the last direct quotation with a speaker that ends
// before the sentence, in the same paragraph, at most one sentence before.
// nullptr when none.
const Quote* ContinuedQuote(const Document& doc, uint32_t t) {
  auto it = std::upper_bound(
      doc.sentences.begin(), doc.sentences.end(), t,
      [](uint32_t x, const SentenceSpan& s) { return x < s.token_begin; });
  if (it == doc.sentences.begin()) return nullptr;
  size_t s = static_cast<size_t>(it - doc.sentences.begin() - 1);
  const SentenceSpan& sent = doc.sentences[s];
  std::string_view open = WordAt(doc, sent.token_begin);
  if (s == 0 || (open != "\"" && open != "\u201c")) return nullptr;
  uint32_t from = doc.sentences[s - 1].span.begin;
  if (doc.text.find("\n\n", from) < sent.span.begin) return nullptr;
  const Quote* last = nullptr;
  for (const Quote& q : doc.quotes) {
    if (q.kind != "direct" || q.speaker.empty()) continue;
    if (q.span.end <= sent.span.begin && q.span.end >= from) last = &q;
  }
  return last;
}

// A group that is one first-person word inside a quotation whose speaker
// is among its actors ("We strongly oppose ...", Esper said) stands for the
// speaker alone, not for another party the actor finder joined to it.
void NarrowToSpeaker(const Document& doc, FoundGroup* g) {
  if (g->e != g->b + 1 || g->b >= doc.tokens.size() || g->actors.size() < 2)
    return;
  const Span& t = doc.tokens[g->b];
  if (!FirstPerson(WordAt(doc, g->b))) return;
  const Quote* q = SpokenQuoteAround(doc, t);
  if (q == nullptr) return;
  std::vector<FoundActor> speaker;
  for (const FoundActor& f : g->actors) {
    if (f.entity == q->speaker) speaker.push_back(f);
  }
  if (!speaker.empty()) g->actors = std::move(speaker);
}

// "I" and "we" inside a quotation are its speaker: a first-person actor
// the finder left uncoded, and one it passed over or left empty ("\"we are
// prepared to work with ...\""), when the article codes that speaker.
void ResolveFirstPerson(const Document& doc,
                        const EntityCodeLookup& entity_code,
                        std::vector<std::vector<FoundGroup>>* groups) {
  for (auto& sentence : *groups) {
    for (FoundGroup& g : sentence) {
      NarrowToSpeaker(doc, &g);
      for (FoundActor& f : g.actors) {
        if (!f.code.empty() || f.e != f.b + 1 || !FirstPerson(WordAt(doc, f.b)))
          continue;
        const Quote* q = SpokenQuoteAround(doc, doc.tokens[f.b]);
        if (q == nullptr) q = ContinuedQuote(doc, f.b);
        if (q == nullptr) continue;
        f.code = entity_code(q->speaker);
        f.name = q->speaker_name;
        f.entity = q->speaker;
        f.pronoun = true;
      }
    }
  }
  for (size_t i = 0; i < groups->size() && i < doc.sentences.size(); ++i) {
    std::vector<FoundGroup>& sentence = (*groups)[i];
    const SentenceSpan& s = doc.sentences[i];
    for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size();
         ++t) {
      std::string_view w = WordAt(doc, t);
      if (w != "I" && w != "we" && w != "We") continue;
      auto at = std::find_if(sentence.begin(), sentence.end(),
                             [&](const FoundGroup& g) { return g.e > t; });
      bool covered = at != sentence.end() && at->b <= t;
      if (covered && !at->actors.empty()) continue;
      const Quote* q = SpokenQuoteAround(doc, doc.tokens[t]);
      if (q == nullptr) q = ContinuedQuote(doc, t);
      if (q == nullptr) continue;
      FoundActor f;
      f.b = t;
      f.e = t + 1;
      f.code = entity_code(q->speaker);
      f.entity = q->speaker;
      f.name = q->speaker_name;
      f.pronoun = true;
      if (f.code.empty()) continue;
      if (covered) {
        at->actors.push_back(std::move(f));
      } else {
        FoundGroup g;
        g.b = t;
        g.e = t + 1;
        g.actors.push_back(std::move(f));
        sentence.insert(at, std::move(g));
      }
    }
  }
}

// What the resolver reads of a document besides the groups: the clauses of
// each sentence, and how prominent each token's phrase is (2: the subject
// of a main clause or a quotation's speaker; 1: another clause's subject).
struct Context {
  const Document& doc;
  const EventLexicons* lex;
  const EntityCodeLookup& entity_code;
  const ReferenceOptions& options;
  std::vector<std::vector<FoundGroup>>& groups;
  std::vector<std::vector<int>> clauses;  // by sentence
  std::vector<uint8_t> prominence;        // by token
  // Whether each token heads a clause's argument.
  std::vector<bool> argument;
  // The entity layer's mentions of people (PER) and organisations (ORG),
  // tokens [b, e), in text order: a nearer one the actor finder could not
  // code stops a search ("Assange ... he": not an earlier coded person).
  struct Mention {
    uint32_t b, e;
    bool person;
    char gender;  // the entity's (PersonGender)
  };
  std::vector<Mention> mentions;
  std::unordered_set<std::string> people;        // ids of PER entities
  std::unordered_map<std::string, char> gender;  // PER ids, 'm' or 'f'
};

size_t SentenceOf(const Document& doc, uint32_t token) {
  auto it = std::upper_bound(
      doc.sentences.begin(), doc.sentences.end(), token,
      [](uint32_t t, const SentenceSpan& s) { return t < s.token_begin; });
  return it == doc.sentences.begin()
             ? doc.sentences.size()
             : static_cast<size_t>(it - doc.sentences.begin() - 1);
}

// Adds to *male and *female the words of `text` (lower case, a final "."
// dropped) that lexicons.tsv lists as male_word or female_word.
void CountGenderWords(const EventLexicons& lex, std::string_view text,
                      int* male, int* female) {
  for (size_t i = 0; i < text.size();) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string w = AsciiLower(text.substr(i, j - i));
    i = j + 1;
    if (!w.empty() && w.back() == '.') w.pop_back();
    *male += lex.Has("male_word", w);
    *female += lex.Has("female_word", w);
  }
}

// A person's gender as the document tells it: 'm' or 'f' from the words of
// its roles ("Kremlin spokesman", "Queen"), the word before a mention ("Mr",
// "Dame", "spokeswoman"), the given name that opens its name of two words
// or more (first_names.tsv); 0 when nothing tells or the evidence
// disagrees. A name of both genders (Jean, Kim) tells nothing.
char PersonGender(const Document& doc, const EventLexicons& lex,
                  const Entity& en) {
  int male = 0, female = 0;
  for (const std::string& role : en.roles)
    CountGenderWords(lex, role, &male, &female);
  for (const Span& m : en.mentions) {
    auto [b, e] = TokensIn(doc, m);
    if (e <= b) continue;
    CountGenderWords(lex, WordAt(doc, b), &male, &female);
    if (b > 0) CountGenderWords(lex, WordAt(doc, b - 1), &male, &female);
  }
  for (const std::string* name : {&en.name, &en.canonical_name}) {
    size_t space = name->find(' ');
    if (space == std::string::npos) continue;
    std::string given = AsciiLower(std::string_view(*name).substr(0, space));
    male += lex.Has("given_male", given);
    female += lex.Has("given_female", given);
  }
  if (male > 0 && female == 0) return 'm';
  if (female > 0 && male == 0) return 'f';
  return 0;
}

// Returns whether pronoun `w` (lower case) may stand for a person of
// gender `g`: "he" for no woman, "she" for no man, any other for anyone.
bool GenderAgrees(const std::string& w, char g) {
  if (w == "he" || w == "him" || w == "his" || w == "himself") return g != 'f';
  if (w == "she" || w == "her" || w == "herself") return g != 'm';
  return true;
}

char GenderOf(const Context& cx, const std::string& entity) {
  auto it = cx.gender.find(entity);
  return it == cx.gender.end() ? 0 : it->second;
}

void Index(Context* cx) {
  const Document& doc = cx->doc;
  cx->clauses.resize(doc.sentences.size());
  cx->prominence.assign(doc.tokens.size(), 0);
  cx->argument.assign(doc.tokens.size(), false);
  for (const Entity& en : doc.entities) {
    if (en.type == "PER") cx->people.insert(en.id);
    if (en.type != "PER" && en.type != "ORG") continue;
    char g = en.type == "PER" && cx->lex ? PersonGender(doc, *cx->lex, en) : 0;
    if (g) cx->gender[en.id] = g;
    for (const Span& m : en.mentions) {
      auto [b, e] = TokensIn(doc, m);
      if (e > b)
        cx->mentions.push_back({static_cast<uint32_t>(b),
                                static_cast<uint32_t>(e), en.type == "PER", g});
    }
  }
  std::sort(cx->mentions.begin(), cx->mentions.end(),
            [](const Context::Mention& x, const Context::Mention& y) {
              return x.b < y.b;
            });
  for (size_t ci = 0; ci < doc.clauses.size(); ++ci) {
    const Clause& c = doc.clauses[ci];
    size_t s = SentenceOf(doc, c.predicate);
    if (s < cx->clauses.size()) cx->clauses[s].push_back(static_cast<int>(ci));
    for (const ClauseArgument& a : c.arguments) {
      if (a.head >= doc.tokens.size()) continue;
      cx->argument[a.head] = true;
      if (a.role != "agent") continue;
      uint8_t p = c.parent < 0 ? 2 : 1;
      cx->prominence[a.head] = std::max(cx->prominence[a.head], p);
    }
  }
  for (const Quote& q : doc.quotes) {
    if (q.speaker_span.end <= q.speaker_span.begin) continue;
    auto [b, e] = TokensIn(doc, q.speaker_span);
    for (size_t t = b; t < e && t < cx->prominence.size(); ++t)
      cx->prominence[t] = 2;
  }
}

// The codes and entities of the other arguments of the clause whose
// argument holds tokens [b, e) of sentence `s`: a reference never stands
// for its own clause's other party.
struct Excluded {
  std::vector<std::string> codes, entities;
  bool Has(const FoundActor& f) const {
    return (!f.code.empty() &&
            std::find(codes.begin(), codes.end(), f.code) != codes.end()) ||
           (!f.entity.empty() && std::find(entities.begin(), entities.end(),
                                           f.entity) != entities.end());
  }
};

Excluded OtherArguments(const Context& cx, size_t s, uint32_t b, uint32_t e) {
  Excluded out;
  const Document& doc = cx.doc;
  for (int ci : cx.clauses[s]) {
    const Clause& c = doc.clauses[ci];
    const ClauseArgument* own = nullptr;
    size_t own_size = 0;
    for (const ClauseArgument& a : c.arguments) {
      auto [tb, te] = TokensIn(doc, a.span);
      if (tb > b || te < e) continue;
      if (!own || te - tb < own_size) {
        own = &a;
        own_size = te - tb;
      }
    }
    if (!own) continue;
    for (const ClauseArgument& a : c.arguments) {
      if (&a == own || a.role == "complement") continue;
      auto [tb, te] = TokensIn(doc, a.span);
      if (tb <= b && te >= e) continue;  // holds the reference's too
      for (const FoundGroup& g : cx.groups[s]) {
        if (g.b < tb || g.e > te) continue;
        for (const FoundActor& f : g.actors) {
          if (!f.code.empty()) out.codes.push_back(f.code);
          if (!f.entity.empty()) out.entities.push_back(f.entity);
        }
      }
    }
  }
  return out;
}

bool IsPerson(const Context& cx, const FoundActor& f) {
  return f.person || (!f.entity.empty() && cx.people.count(f.entity) > 0);
}

// The actors of group `g` that reference kind `want` may stand for (`noun`
// the description's noun, or a person pronoun whose gender they agree
// with); empty when the group is none of that kind.
std::vector<FoundActor> Compatible(const Context& cx, const FoundGroup& g,
                                   Want want, const std::string& noun) {
  const Document& doc = cx.doc;
  std::vector<FoundActor> out;
  std::vector<const FoundActor*> coded;
  for (const FoundActor& f : g.actors) {
    if (f.code.empty() || f.place || f.code.compare(0, 3, "---") == 0)
      continue;
    coded.push_back(&f);
  }
  if (coded.empty()) return out;
  if (want == Want::kPlural) {
    // A list ("Russia and North Korea"), or one plural noun that says who
    // ("Palestinian students").
    if (coded.size() >= 2 ||
        (!IsPerson(cx, *coded[0]) && PluralNoun(doc, coded[0]->e - 1))) {
      for (const FoundActor* f : coded) out.push_back(*f);
    }
    return out;
  }
  if (coded.size() != 1 || g.actors.size() != 1) return out;
  const FoundActor& f = *coded[0];
  bool person = IsPerson(cx, f);
  bool country = CountryPrefix(f.code);
  switch (want) {
    case Want::kPerson:
      if (person && GenderAgrees(noun, GenderOf(cx, f.entity)))
        out.push_back(f);
      break;
    case Want::kThing:
      if (!person && !PluralNoun(doc, f.e - 1)) out.push_back(f);
      break;
    case Want::kGovernment:
      if (!person && country &&
          (f.code.size() == 3 || f.code.compare(3, 3, "GOV") == 0))
        out.push_back(f);
      break;
    case Want::kCountry:
      if (!person && country && f.code.size() == 3) out.push_back(f);
      break;
    case Want::kHead:
      if (!person && f.e > f.b && LowerAt(doc, f.e - 1) == noun)
        out.push_back(f);
      break;
    case Want::kPlural:
    case Want::kNone:
      break;
  }
  return out;
}

// Returns whether tokens [b, e) lie inside a group of sentence `k` with an
// actor the finder coded (as a person when `person`).
bool CodedGroupOver(const Context& cx, size_t k, uint32_t b, uint32_t e,
                    bool person) {
  for (const FoundGroup& g : cx.groups[k]) {
    if (g.b > b || g.e < e) continue;
    for (const FoundActor& f : g.actors) {
      if (!f.code.empty() && IsPerson(cx, f) == person) return true;
    }
  }
  return false;
}

int Prominence(const Context& cx, uint32_t b, uint32_t e) {
  int rank = 0;
  for (uint32_t t = b; t < e && t < cx.prominence.size(); ++t)
    rank = std::max<int>(rank, cx.prominence[t]);
  return rank;
}

// The phrases of sentence `k` before token `limit` that a reference of kind
// `want` (a person pronoun `noun`) could stand for but that have no code (a
// person of agreeing gender or organisation the entity layer found, a
// plural subject noun): a reference nearer to one of them than to a coded
// actor is left unresolved. Adds their [b, e) and prominence to *out.
void Blockers(const Context& cx, size_t k, uint32_t limit, Want want,
              const std::string& noun,
              std::vector<std::tuple<int, uint32_t, uint32_t>>* out) {
  const SentenceSpan& sent = cx.doc.sentences[k];
  uint32_t end = std::min(limit, sent.token_end);
  if (want == Want::kPerson || want == Want::kThing) {
    bool person = want == Want::kPerson;
    auto first = std::lower_bound(
        cx.mentions.begin(), cx.mentions.end(), sent.token_begin,
        [](const Context::Mention& m, uint32_t t) { return m.b < t; });
    for (auto it = first; it != cx.mentions.end(); ++it) {
      const Context::Mention& m = *it;
      if (m.e > end) break;
      if (m.person != person || (person && !GenderAgrees(noun, m.gender)))
        continue;
      if (!CodedGroupOver(cx, k, m.b, m.e, person))
        out->emplace_back(Prominence(cx, m.b, m.e), m.b, m.e);
    }
  } else if (want == Want::kPlural) {
    for (uint32_t t = sent.token_begin; t < end; ++t) {
      if (cx.prominence[t] > 0 && PluralNoun(cx.doc, t) &&
          !CodedGroupOver(cx, k, t, t + 1, false) &&
          !CodedGroupOver(cx, k, t, t + 1, true))
        out->emplace_back(cx.prominence[t], t, t + 1);
    }
  }
}

// Returns the referent of a reference of kind `want` at tokens [b, e) of
// sentence `s`: in that sentence before it (unless `first` is 1), else in
// the sentences before,
// the nearest sentence first, and in a sentence its most prominent phrase
// (a subject or speaker), of two equally prominent the nearer. Empty when
// that phrase is one the finder could not code (Blockers).
std::vector<FoundActor> Referent(const Context& cx, size_t s, uint32_t b,
                                 uint32_t e, Want want,
                                 const std::string& noun, int first) {
  Excluded excluded = OtherArguments(cx, s, b, e);
  for (int d = first; d <= cx.options.max_sentences && static_cast<size_t>(d) <= s;
       ++d) {
    size_t k = s - static_cast<size_t>(d);
    if (k >= cx.groups.size()) continue;
    uint32_t limit = d == 0 ? b : cx.doc.sentences[k].token_end;
    std::vector<FoundActor> best;
    int best_rank = -1;
    uint32_t best_at = 0;
    for (const FoundGroup& g : cx.groups[k]) {
      if (g.e > limit) break;
      std::vector<FoundActor> found = Compatible(cx, g, want, noun);
      bool other = false;
      for (const FoundActor& f : found) other |= excluded.Has(f);
      if (found.empty() || other) continue;
      int rank = Prominence(cx, g.b, g.e);
      if (rank >= best_rank) {
        best = std::move(found);
        best_rank = rank;
        best_at = g.b;
      }
    }
    std::vector<std::tuple<int, uint32_t, uint32_t>> blockers;
    Blockers(cx, k, limit, want, noun, &blockers);
    bool blocked = false;
    for (const auto& [rank, mb, me] : blockers) {
      if (rank > best_rank || (rank == best_rank && mb > best_at)) {
        blocked = true;
        best_rank = rank;
        best_at = mb;
      }
    }
    if (blocked) return {};
    // In another sentence a body or group is its subject or speaker ("The
    // ministry said ... It added"), not any party it names.
    bool subject_only =
        d > 0 && (want == Want::kThing || want == Want::kPlural);
    if (subject_only && !best.empty() && best_rank < 1) return {};
    if (!best.empty()) return best;
  }
  return {};
}

// Returns whether entity `id` has a mention inside byte span `words`.
bool NamedInside(const Document& doc, const std::string& id,
                 const Span& words) {
  for (const Entity& en : doc.entities) {
    if (en.id != id) continue;
    for (const Span& m : en.mentions) {
      if (m.begin >= words.begin && m.end <= words.end) return true;
    }
  }
  return false;
}

// The speaker the quotes stage gave a pronoun that is a quotation's source
// ("..., he argued"), when the article codes that speaker and its gender
// agrees with the pronoun (the quotes stage takes the last person named,
// whatever the gender).
std::vector<FoundActor> QuoteSpeaker(const Context& cx, const FoundActor& r,
                                     Want want, const std::string& word) {
  const Document& doc = cx.doc;
  std::vector<FoundActor> out;
  if (want != Want::kPerson || r.e <= r.b || r.e > doc.tokens.size())
    return out;
  uint32_t begin = doc.tokens[r.b].begin, end = doc.tokens[r.e - 1].end;
  for (const Quote& q : doc.quotes) {
    if (q.speaker.empty() || q.speaker_span.begin > begin ||
        q.speaker_span.end < end)
      continue;
    if (!GenderAgrees(word, GenderOf(cx, q.speaker))) break;
    // "\"There is a lack of trust in Tony Blair,\" he said": a speaker does
    // not name himself in his own words; the quotes stage's last person
    // named is then someone the quotation talks about.
    if (NamedInside(cx.doc, q.speaker, q.span)) break;
    FoundActor f;
    f.code = cx.entity_code(q.speaker);
    f.entity = q.speaker;
    f.name = q.speaker_name;
    f.person = true;
    if (!f.code.empty()) out.push_back(std::move(f));
    break;
  }
  return out;
}

// Returns the referents as the reference's actors: its tokens, the
// referent's code (a possessive's sector or a description's kind on the
// referent's country), entity and name.
std::vector<FoundActor> AsReference(const Document& doc,
                                    const std::vector<FoundActor>& referents,
                                    uint32_t b, uint32_t e,
                                    const std::string& sector, Want want) {
  std::vector<FoundActor> out;
  for (const FoundActor& r : referents) {
    FoundActor f = r;
    if (f.name.empty() && r.e > r.b && r.e <= doc.tokens.size()) {
      const Span& x = doc.tokens[r.b];
      const Span& y = doc.tokens[r.e - 1];
      f.name = doc.text.substr(x.begin, y.end - x.begin);
    }
    std::string own = want == Want::kGovernment ? "GOV" : sector;
    if (want == Want::kCountry) f.code = r.code.substr(0, 3);
    if (!own.empty() && CountryPrefix(r.code)) {
      f.code = r.code.substr(0, 3) + own;
      f.person = false;
    }
    f.b = b;
    f.e = e;
    f.pronoun = true;
    f.place = false;
    f.sector.clear();
    out.push_back(std::move(f));
  }
  return out;
}

// Returns whether the pronoun at token `t` of sentence `s` can stand for an
// actor: a clause's argument or the possessor of one ("its forces"), not
// part of a name ("He Jianxiong"), and no expletive or copula subject ("it
// appears that", "it is clear", "it was inappropriate").
bool ActorReference(const Context& cx, size_t s, uint32_t t, Want want) {
  const Document& doc = cx.doc;
  std::string_view rel =
      t < doc.deprels.size() ? std::string_view(doc.deprels[t]) : "";
  if (rel == "expl") return false;
  if (!cx.argument[t] && rel != "nmod:poss") return false;
  auto after = std::upper_bound(
      cx.mentions.begin(), cx.mentions.end(), t,
      [](uint32_t x, const Context::Mention& m) { return x < m.b; });
  if (after != cx.mentions.begin() && std::prev(after)->e > t) return false;
  if (want != Want::kThing || rel == "nmod:poss") return true;
  // "it" stands for a party only as a subject ("it said", not "deal with
  // it").
  bool subject = false;
  for (int ci : cx.clauses[s]) {
    const Clause& c = doc.clauses[ci];
    bool agent = false, copula = c.lemma == "be";
    for (const ClauseArgument& a : c.arguments) {
      agent |= a.role == "agent" && a.head == t;
      copula |= a.role == "attribute" || a.role == "complement";
    }
    if (agent && copula) return false;
    subject |= agent;
  }
  return subject;
}

// Resolves the pronouns sentence `s`'s actor finder left uncoded.
void ResolveLeftPronouns(Context* cx, size_t s) {
  std::vector<FoundGroup>& sentence = cx->groups[s];
  for (size_t gi = 0; gi < sentence.size(); ++gi) {
    FoundGroup& g = sentence[gi];
    if (g.actors.size() != 1 || !g.actors[0].pronoun ||
        !g.actors[0].code.empty())
      continue;
    const FoundActor r = g.actors[0];
    std::string word = LowerAt(cx->doc, r.b);
    Want want = PronounWant(word);
    if (want == Want::kNone || !ActorReference(*cx, s, r.b, want)) continue;
    std::vector<FoundActor> ref = QuoteSpeaker(*cx, r, want, word);
    // Within its own sentence the actor finder has tried already.
    if (ref.empty()) ref = Referent(*cx, s, r.b, r.e, want, word, 1);
    if (ref.empty()) continue;
    sentence[gi].actors = AsReference(cx->doc, ref, r.b, r.e, r.sector, want);
  }
}

// Resolves the definite descriptions of sentence `s` ("the ministry") that
// the actor finder left without a country: the group covering the noun is
// replaced, or one is added, when a referent is found.
void ResolveDescriptions(Context* cx, size_t s) {
  const Document& doc = cx->doc;
  const SentenceSpan& sent = doc.sentences[s];
  for (uint32_t t = sent.token_begin; t + 1 < sent.token_end; ++t) {
    if (LowerAt(doc, t) != "the") continue;
    // "the ruling party", "the Foreign Ministry": up to two modifiers.
    uint32_t k = t + 1;
    while (k + 1 < sent.token_end && k - t <= 2 &&
           (TagAt(doc, k).substr(0, 2) == "JJ" || TagAt(doc, k) == "VBN" ||
            TagAt(doc, k) == "NNP"))
      ++k;
    std::string noun = LowerAt(doc, k);
    Want want = DescriptionWant(*cx->lex, noun);
    if (want == Want::kNone) continue;
    // The head, not a modifier ("the party leader", "the government of
    // Iraq").
    if (k + 1 < sent.token_end &&
        (LowerAt(doc, k + 1) == "of" ||
         (TagAt(doc, k + 1).substr(0, 2) == "NN")))
      continue;
    std::vector<FoundGroup>& sentence = cx->groups[s];
    auto at = std::find_if(sentence.begin(), sentence.end(),
                           [&](const FoundGroup& g) { return g.e > k; });
    bool covered = at != sentence.end() && at->b <= k;
    if (covered) {
      bool named = false;
      for (const FoundActor& f : at->actors) {
        named |= !f.code.empty() && f.code.compare(0, 3, "---") != 0;
      }
      if (named || at->actors.size() > 1) continue;
    }
    std::vector<FoundActor> ref = Referent(*cx, s, t, k + 1, want, noun, 0);
    if (ref.empty()) continue;
    std::vector<FoundActor> actors = AsReference(doc, ref, t, k + 1, "", want);
    if (covered) {
      at->actors = std::move(actors);
    } else {
      FoundGroup g;
      g.b = t;
      g.e = k + 1;
      g.actors = std::move(actors);
      sentence.insert(at, std::move(g));
    }
    t = k;
  }
}

}  // namespace

void ResolveReferences(const Document& doc, const EventLexicons* lexicons,
                       const EntityCodeLookup& entity_code,
                       const ReferenceOptions& options,
                       std::vector<std::vector<FoundGroup>>* groups) {
  ResolveFirstPerson(doc, entity_code, groups);
  Context cx{doc, lexicons, entity_code, options, *groups, {}, {}, {}, {}, {},
             {}};
  Index(&cx);
  size_t n = std::min(groups->size(), doc.sentences.size());
  for (size_t s = 0; s < n; ++s) {
    ResolveLeftPronouns(&cx, s);
    if (lexicons) ResolveDescriptions(&cx, s);
  }
}

}  // namespace dateline

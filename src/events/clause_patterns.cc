#include "events/clause_patterns.h"

#include <algorithm>
#include <unordered_set>

#include "base/ascii.h"
#include "base/tsv_table.h"
#include "syntax/clauses.h"
#include "syntax/lemma_candidates.h"

namespace dateline {
namespace {

// The targets a verbs.tsv pattern without "prep=" looks in, after the
// patient and recipient: the prepositions that name a party, never a
// place ("in") or a time.
const char* const kTargetPreps[] = {"with", "against", "to",   "toward",
                                    "towards", "on",   "upon", "at",
                                    "over",  "into",   "of"};

// Returns whether the lower-cased `token` is `word` ("sanction*" is a
// prefix; a base form counts: "invited" is "invite").
bool WordIs(const std::string& token, const std::string& word) {
  if (!word.empty() && word.back() == '*') {
    return token.compare(0, word.size() - 1, word, 0, word.size() - 1) == 0;
  }
  if (token == word) return true;
  if (token.size() + 1 < word.size() || token[0] != word[0]) return false;
  for (const std::string& l : LemmaCandidates(token)) {
    if (l == word) return true;
  }
  return false;
}

bool PhraseHas(const Document& doc, const Span& span,
               const std::vector<std::string>& words) {
  auto [b, e] = TokensIn(doc, span);
  for (size_t t = b; t < e; ++t) {
    const Span& s = doc.tokens[t];
    std::string low = AsciiLower(
        std::string_view(doc.text).substr(s.begin, s.end - s.begin));
    for (const std::string& w : words) {
      if (WordIs(low, w)) return true;
    }
  }
  return false;
}

bool OneOf(const std::string& lemma, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (WordIs(lemma, w)) return true;
  }
  return false;
}

// Reads "patient=invitation|invite", "obl:of", "comp=visit" into *r.
bool ParseRequirement(const std::string& s, ArgRequirement* r) {
  size_t eq = s.find('=');
  std::string role = s.substr(0, eq);
  if (eq != std::string::npos) r->words = SplitList(s.substr(eq + 1));
  size_t colon = role.find(':');
  if (colon != std::string::npos) {
    r->preposition = role.substr(colon + 1);
    role = role.substr(0, colon);
  }
  static const std::unordered_set<std::string> kRoles = {
      "agent", "patient", "recipient", "obl", "comp", "attr", "any",
      "modal", "aux"};
  if (!kRoles.count(role)) return false;
  if (role == "obl") role = "oblique";
  if (role == "comp") role = "complement";
  if (role == "attr") role = "attribute";
  r->role = role;
  return true;
}

bool ParseTarget(const std::string& s, TargetSlot* t) {
  std::string role = s;
  if (role.size() > 6 && role.compare(role.size() - 6, 6, ".agent") == 0) {
    t->of_noun = true;
    role.resize(role.size() - 6);
  }
  size_t colon = role.find(':');
  if (colon != std::string::npos) {
    t->preposition = role.substr(colon + 1);
    role = role.substr(0, colon);
  }
  if (role == "obl") role = "oblique";
  if (role == "comp") role = "complement";
  static const std::unordered_set<std::string> kRoles = {
      "patient", "recipient", "oblique", "location", "agent", "complement"};
  t->role = role;
  return kRoles.count(role) > 0;
}

bool ParseFlag(const std::string& f, ClausePattern* p) {
  if (f == "sym") p->sym = true;
  else if (f == "solo") p->solo = true;
  else if (f == "reporter") p->reporter = true;
  else if (f == "nopassive") p->nopassive = true;
  else if (f == "swap") p->swap = true;
  else if (f == "stance") p->stance = true;
  else if (f == "residual") p->residual = true;
  else if (f.rfind("intent=", 0) == 0) p->intent_code = f.substr(7);
  else if (f.rfind("neg=", 0) == 0) p->neg_code = f.substr(4);
  else if (f.rfind("verbal=", 0) == 0) p->verbal_code = f.substr(7);
  else if (f.rfind("crowd=", 0) == 0) p->crowd_code = f.substr(6);
  else return false;
  return true;
}

}  // namespace

std::pair<size_t, size_t> TokensIn(const Document& doc, const Span& span) {
  auto lo = std::lower_bound(
      doc.tokens.begin(), doc.tokens.end(), span.begin,
      [](const Span& t, uint32_t b) { return t.begin < b; });
  size_t b = static_cast<size_t>(lo - doc.tokens.begin());
  size_t e = b;
  while (e < doc.tokens.size() && doc.tokens[e].end <= span.end) ++e;
  return {b, e};
}

bool IsPatternPreposition(const std::string& w) {
  static const std::unordered_set<std::string> kPreps = {
      "of",   "with",  "against", "to",      "toward", "towards", "on",
      "upon", "at",    "over",    "into",    "onto",   "for",     "from",
      "in",   "about", "by",      "between", "among",  "across",  "off",
      "out",  "up",    "down",    "back",    "away",   "through", "under"};
  return kPreps.count(w) > 0;
}

Status ClausePatterns::LoadFile(const std::string& path) {
  std::vector<TsvRow> rows;
  Status s = ReadTsv(path, &rows);
  if (!s.ok()) return s;
  std::string bad;
  size_t slash = path.find_last_of('/');
  std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  for (const TsvRow& row : rows) {
    ClausePattern p;
    p.code = row[0];
    p.lemma = AsciiLower(row[1]);
    p.kind = row[2].empty() ? "verb" : row[2];
    bool ok = !p.code.empty() && !p.lemma.empty() &&
              (p.kind == "verb" || p.kind == "noun" || p.kind == "adj");
    for (const std::string& r : SplitList(row[3], ' ')) {
      ArgRequirement req;
      ok = ok && ParseRequirement(r, &req);
      p.needs.push_back(std::move(req));
    }
    for (const std::string& t : SplitList(row[4], '|')) {
      TargetSlot slot;
      slot.named = true;
      ok = ok && ParseTarget(t, &slot);
      p.targets.push_back(std::move(slot));
    }
    for (const std::string& f : SplitList(row[5], ',')) {
      ok = ok && ParseFlag(f, &p);
    }
    if (!ok) {
      bad += (bad.empty() ? "" : ",") + std::to_string(row.line);
      continue;
    }
    for (const ArgRequirement& r : p.needs) p.modal |= r.role == "modal";
    // Hand-written clause patterns outrank mapped phrase patterns of the
    // same length. A reported modality ("X said Y must open its markets")
    // outranks the predicate's own pattern: the act is X's demand, not Y's
    // opening.
    p.specificity = 2 * static_cast<int>(p.needs.size()) + 1;
    if (p.modal) p.specificity += 100;
    p.origin = file + ":" + std::to_string(row.line);
    patterns_.push_back(std::move(p));
  }
  if (!bad.empty()) return Status::Corruption("bad pattern lines " + bad, path);
  return Status::OK();
}

ClausePattern FromEventPattern(const EventPattern& e) {
  ClausePattern p;
  p.code = e.code;
  p.lemma = e.words.empty() ? "" : e.words[0];
  p.kind = e.adj ? "adj" : (e.noun ? "noun" : "verb");
  std::string last_prep;
  for (size_t i = 1; i < e.words.size(); ++i) {
    ArgRequirement r;
    r.role = "any";
    if (IsPatternPreposition(e.words[i])) {
      r.preposition = e.words[i];
      last_prep = e.words[i];
    } else {
      r.words = {e.words[i]};
    }
    p.needs.push_back(std::move(r));
  }
  for (const std::string& prep : e.preps) {
    // An empty alternative ("prep=", "prep=|with") is the token coder's
    // object with no preposition: the clause's patient ("charged the
    // minister with", "claimed Downing Street had ..."). An accusation
    // made as a claim names the accused as the subject of what it claims
    // ("claimed that an MI6 officer played a key role").
    if (prep.empty()) {
      p.targets.push_back({"patient", "", false, true});
      if (e.code.compare(0, 2, "11") == 0)
        p.targets.push_back({"complement", "", false, true});
      continue;
    }
    // "warn ... that": the party told, before "that", is the clause
    // layer's recipient ("warned Tony Blair that the war could be
    // illegal"). The subject of the "that" clause (the token coder's party
    // after "that") is left out: it is mostly the speaker's own side or no
    // party warned ("the Bundesbank warned that Germany's efforts ...").
    if (prep == "that") {
      p.targets.push_back({"recipient", "", false, true});
      continue;
    }
    p.targets.push_back({"oblique", prep, false, true});
  }
  if (e.preps.empty()) {
    if (e.swap) p.targets.push_back({"oblique", "from", false});
    if (p.kind != "noun") {
      p.targets.push_back({"patient", "", false});
      p.targets.push_back({"recipient", "", false});
      // An appeal or demand names its target as the subject of what it
      // asks for ("demanded that Hamas renounce its armed struggle").
      if (e.code.compare(0, 2, "02") == 0 || e.code.compare(0, 2, "10") == 0)
        p.targets.push_back({"complement", "", false});
    }
    // Disapproval and rejection aim at whoever did the act they object to
    // ("condemned the attack on the embassy by Iran"), an investigation at
    // whoever did what it looks into ("investigating war crimes by Croatian
    // extremists against Serb civilians"), a demand or appeal at whoever is
    // to do what it asks ("demanded an admission by Moscow"): before the
    // act's own victim or topic.
    if (e.code.compare(0, 2, "11") == 0 || e.code.compare(0, 2, "12") == 0 ||
        e.code.compare(0, 2, "09") == 0 || e.code.compare(0, 2, "10") == 0 ||
        e.code.compare(0, 2, "02") == 0)
      p.targets.push_back({"oblique", "by", false});
    if (!last_prep.empty()) p.targets.push_back({"oblique", last_prep, false});
    for (const char* prep : kTargetPreps) {
      if (prep != last_prep) p.targets.push_back({"oblique", prep, false});
    }
    if (p.kind == "noun") p.targets.push_back({"patient", "", false});
  }
  // A visit to a place is a visit to its country ("visited factories in
  // Komsomolsk-on-Amur").
  if (e.code.compare(0, 2, "04") == 0)
    p.targets.push_back({"location", "", false});
  p.sym = e.sym;
  p.solo = e.solo;
  p.reporter = e.reporter;
  p.nopassive = e.nopassive;
  p.swap = e.swap;
  p.intent_code = e.intent_code;
  p.neg_code = e.neg_code;
  p.verbal_code = e.verbal_code;
  p.crowd_code = e.crowd_code;
  p.reverse_code = e.reverse_code;
  p.specificity = 2 * static_cast<int>(p.needs.size());
  return p;
}

void ClausePatterns::AddEventPatterns(const std::vector<EventPattern>& in,
                                      const std::string& origin) {
  for (const EventPattern& e : in) {
    if (e.words.empty()) continue;
    ClausePattern p = FromEventPattern(e);
    p.origin = origin + ":" + std::to_string(e.line);
    patterns_.push_back(std::move(p));
  }
}

void ClausePatterns::AddNounFrames(const NounFrames& frames,
                                   const std::vector<EventPattern>& verbs) {
  // The code of a verb's plain pattern: no requirement, no preposition.
  auto verb_code = [&](const std::string& verb) -> std::string {
    for (const ClausePattern& p : patterns_) {
      if (p.kind == "verb" && p.lemma == verb && p.needs.empty()) return p.code;
    }
    for (const EventPattern& e : verbs) {
      if (!e.noun && !e.adj && e.words.size() == 1 && e.words[0] == verb)
        return e.code;
    }
    return "";
  };
  for (const NounFrame& f : frames.frames()) {
    if (f.negates) continue;
    ClausePattern p;
    p.code = f.code.empty() ? verb_code(f.verb) : f.code;
    p.lemma = f.noun;
    p.kind = "noun";
    bool ok = !p.code.empty();
    for (const std::string& flag : SplitList(f.flags, ',')) {
      ok = ok && ParseFlag(flag, &p);
    }
    if (!ok) continue;
    for (const std::string& prep : f.patient) {
      p.targets.push_back({"oblique", prep, false, true});
    }
    // A visit or meeting falls back to its place's country.
    if (p.code.compare(0, 2, "04") == 0)
      p.targets.push_back({"location", "", false, false});
    p.specificity = 1;  // as a patterns.tsv row with no requirement
    p.origin = "noun_frames.tsv:" + std::to_string(f.line);
    patterns_.push_back(std::move(p));
  }
}

void ClausePatterns::Finish() {
  index_.clear();
  for (size_t i = 0; i < patterns_.size(); ++i) {
    index_[patterns_[i].kind + ":" + patterns_[i].lemma].push_back(i);
  }
}

bool ClausePatterns::Satisfies(const Document& doc, const Clause& c,
                               const ArgRequirement& r) const {
  if (r.role == "modal") return OneOf(c.modality, r.words);
  if (r.role == "aux") {
    // "must" in "Japan must open its markets": a word just before the
    // predicate (the clause layer keeps the modality, not its auxiliary).
    for (uint32_t k = 1; k <= 3 && k <= c.predicate; ++k) {
      const Span& s = doc.tokens[c.predicate - k];
      if (s.end <= c.sentence.begin) break;
      if (OneOf(AsciiLower(std::string_view(doc.text).substr(
                    s.begin, s.end - s.begin)),
                r.words))
        return true;
    }
    return false;
  }
  if (r.role == "any" && !r.preposition.empty()) {
    // A preposition: an oblique with it, the predicate's particle ("call
    // on"), a recipient or a complement clause for "to".
    std::string pred = AsciiLower(std::string_view(doc.text).substr(
        c.predicate_span.begin, c.predicate_span.end - c.predicate_span.begin));
    if (pred.size() > r.preposition.size() &&
        pred.compare(pred.size() - r.preposition.size(), r.preposition.size(),
                     r.preposition) == 0 &&
        pred[pred.size() - r.preposition.size() - 1] == ' ')
      return true;
    // An adverb particle the parse left out of the predicate ("hit out at",
    // "lash out at"): the word right after it.
    if (c.predicate + 1 < doc.tokens.size() &&
        c.predicate + 1 < doc.deprels.size() &&
        (doc.deprels[c.predicate + 1] == "advmod" ||
         doc.deprels[c.predicate + 1] == "compound:prt")) {
      const Span& s = doc.tokens[c.predicate + 1];
      if (s.begin >= c.predicate_span.end &&
          AsciiLower(std::string_view(doc.text).substr(s.begin, s.end - s.begin)) ==
              r.preposition)
        return true;
    }
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "oblique" && a.preposition == r.preposition) return true;
      if (r.preposition == "to" &&
          (a.role == "complement" || a.role == "recipient"))
        return true;
    }
    return false;
  }
  for (const ClauseArgument& a : c.arguments) {
    if (r.role == "any" ? a.role == "agent" : a.role != r.role) continue;
    if (!r.preposition.empty() && a.preposition != r.preposition) continue;
    if (r.words.empty()) return true;
    if (a.role == "complement" && a.clause >= 0 &&
        a.clause < static_cast<int>(doc.clauses.size()) &&
        OneOf(doc.clauses[a.clause].lemma, r.words))
      return true;
    // A complement with a clause is matched by its lemma only; one without
    // ("called the decision unacceptable") by its words.
    if (a.role == "complement" && r.role == "complement" && a.clause >= 0)
      continue;
    // ... and only up to its head: "made China wary of offering
    // concessions" makes no concession (the words after "wary" are its
    // own), "called the decision unacceptable" does call it so.
    if (a.role == "complement" && a.clause < 0 && a.head < doc.tokens.size()) {
      const Span upto{a.span.begin,
                      std::min(a.span.end, doc.tokens[a.head].end)};
      if (PhraseHas(doc, upto, r.words)) return true;
      continue;
    }
    if (PhraseHas(doc, a.span, r.words)) return true;
  }
  // "may import more wheat from Russia": a phrase with the pattern's
  // preposition that the parse hangs on the object rather than on the verb
  // (the attachment a parser gets wrong most) is the verb's, since the
  // verb's pattern asks for that preposition.
  if (r.role == "oblique" && !r.preposition.empty() && r.words.empty()) {
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "patient" && a.clause < 0 &&
          PrepositionalModifier(doc, a.head, TokensIn(doc, a.span).second,
                                r.preposition) >= 0)
        return true;
    }
  }
  return false;
}

const ClausePattern* ClausePatterns::Match(const Document& doc, int ci) const {
  const Clause& c = doc.clauses[ci];
  std::string key = c.kind == "noun" ? "noun:" : "verb:";
  std::vector<std::string> keys;
  if (c.lemma == "be") {
    for (const ClauseArgument& a : c.arguments) {
      if (a.role != "attribute" || a.head >= doc.tokens.size()) continue;
      const Span& s = doc.tokens[a.head];
      keys.push_back("adj:" + AsciiLower(std::string_view(doc.text).substr(
                                  s.begin, s.end - s.begin)));
    }
  } else {
    keys.push_back(key + c.lemma);
    if (c.kind == "noun") {
      for (const std::string& l : LemmaCandidates(c.lemma)) {
        if (l != c.lemma) keys.push_back(key + l);
      }
    } else if (!index_.count(key + c.lemma) &&
               c.predicate < doc.tokens.size()) {
      // The clause layer's lemma can be a clipped stem ("imposes" ->
      // "impos", "opposes" -> "oppos"): try the base forms of the word.
      const Span& s = doc.tokens[c.predicate];
      for (const std::string& l : LemmaCandidates(
               std::string_view(doc.text).substr(s.begin, s.end - s.begin))) {
        if (l != c.lemma) keys.push_back(key + l);
      }
    }
  }
  if (!c.modality.empty()) keys.push_back(key + "*");
  const ClausePattern* best = nullptr;
  size_t best_i = 0;
  for (const std::string& k : keys) {
    auto it = index_.find(k);
    if (it == index_.end()) continue;
    for (size_t i : it->second) {
      const ClausePattern& p = patterns_[i];
      if (p.nopassive && c.voice == "passive") continue;
      if (p.modal && p.reporter && c.attributed_by < 0) continue;
      if (best && (p.specificity < best->specificity ||
                   (p.specificity == best->specificity && i > best_i)))
        continue;
      bool all = true;
      for (const ArgRequirement& r : p.needs) {
        if (!Satisfies(doc, c, r)) {
          all = false;
          break;
        }
      }
      if (all) {
        best = &p;
        best_i = i;
      }
    }
  }
  return best;
}

const ClausePattern* ClausePatterns::MatchNoun(const Document& doc, int ci,
                                               uint32_t noun) const {
  const Clause& c = doc.clauses[ci];
  if (noun >= doc.tokens.size()) return nullptr;
  std::vector<std::string> keys;
  for (uint32_t t : {noun, noun - 1}) {
    if (t >= doc.tokens.size() || (t < noun && t <= c.predicate)) continue;
    const Span& s = doc.tokens[t];
    for (const std::string& l : LemmaCandidates(
             std::string_view(doc.text).substr(s.begin, s.end - s.begin)))
      keys.push_back("noun:" + l);
  }
  const ClausePattern* best = nullptr;
  for (const std::string& k : keys) {
    auto it = index_.find(k);
    if (it == index_.end()) continue;
    for (size_t i : it->second) {
      const ClausePattern& p = patterns_[i];
      if (p.reporter || (best && p.specificity <= best->specificity)) continue;
      bool all = true;
      for (const ArgRequirement& r : p.needs) all = all && Satisfies(doc, c, r);
      if (all) best = &p;
    }
  }
  return best;
}

}  // namespace dateline

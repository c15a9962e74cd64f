// The clause layer: one pass over each sentence's dependency tree that turns
// predicates into Clause records (see clauses.h and Clause in document.h).
//
// The tree is sanitised first (heads outside their sentence and cycles are
// cut), then every step visits each token or each child list a bounded
// number of times, so a document is processed in linear time: phrase spans
// come from precomputed subtree extents, parents and depths are memoised,
// and inherited subjects and conjuncts are capped.
#include "syntax/clauses.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "syntax/lemma_candidates.h"

namespace dateline {
namespace {

// Caps that keep pathological parses linear: conjuncts expanded per
// argument, subjects passed down to a conjoined or controlled clause.
constexpr size_t kMaxConjuncts = 32;
constexpr size_t kMaxInherited = 8;

// Lower-cases ASCII and reads a curly apostrophe (U+2019) as "'", so
// "n’t" and "’s" match their rules.
std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (s.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

bool Starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool Ends(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

template <size_t N>
bool In(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Returns true when a stem left by removing -ed/-ing lost a final "e"
// ("accus" -> "accuse", "provid" -> "provide"), by its last letters.
bool NeedsE(const std::string& s) {
  static constexpr std::array<std::string_view, 16> kWithE = {
      "invit",    "cit",     "excit",    "unit",   "ignit", "recit",
      "spit",     "complet", "delet",    "compet", "creat", "persuad",
      "interfer", "adher",   "persever", "postpon"};
  static constexpr std::array<std::string_view, 8> kWithoutE = {
      "monitor", "sponsor", "honor",   "anchor",
      "focus",   "bias",    "develop", "envelop"};
  if (In(s, kWithE)) return true;
  if (In(s, kWithoutE)) return false;
  size_t m = s.size();
  if (m < 2) return false;
  char last = s[m - 1], prev = s[m - 2], pprev = m >= 3 ? s[m - 3] : 'x';
  bool single = IsVowel(prev) && !IsVowel(pprev);  // consonant-vowel-last
  switch (last) {
    case 'c':
    case 'v':
    case 'z':
    case 'u':
    case 'e':
      return true;
    case 's':
      return prev != 's';
    case 'g':
      return prev == 'r' || prev == 'd' ||
             (prev == 'n' && (pprev == 'a' || pprev == 'e'));
    case 'l':
      return (!IsVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w' &&
              prev != 'n') ||
             (single && (prev == 'i' || prev == 'u' || prev == 'o'));
    case 'k':
      return single;
    case 't':
      return single && (prev == 'a' || prev == 'o' || prev == 'u');
    case 'd':
      return single && prev != 'e';
    case 'r':
      return single && prev != 'e';
    case 'm':
      return single && prev != 'e';
    case 'n':
      return single && prev == 'i';
    case 'p':
      return single && (prev != 'o' || m <= 3) && prev != 'e';
    case 'b':
      return single && (prev == 'i' || prev == 'o' || prev == 'u');
    default:
      return false;
  }
}

// The base form of a stem left by removing -ed or -ing.
std::string RestoreStem(std::string stem) {
  size_t m = stem.size();
  if (m >= 2 && stem[m - 1] == 'e' && stem[m - 2] == 'e') return stem;
  if (m >= 3 && stem[m - 1] == stem[m - 2] && !IsVowel(stem[m - 1])) {
    char c = stem[m - 1];
    if (c == 's' || c == 'z' || c == 'f') return stem;
    if (c == 'l') {
      if (m >= 6 && (Ends(stem, "ell") || Ends(stem, "oll"))) {
        stem.pop_back();
      }
      return stem;
    }
    if (m >= 4) stem.pop_back();
    return stem;
  }
  return NeedsE(stem) ? stem + "e" : stem;
}

}  // namespace

std::string ClauseLemma(std::string_view word, std::string_view tag,
                        const Lemmatizer* lemmatizer) {
  std::string w = Lower(word);
  if (w == "'s") return Starts(tag, "VB") ? "be" : w;
  if (w == "'re" || w == "'m") return "be";
  if (w == "'ve") return "have";
  if (w == "'ll" || w == "wo") return "will";
  if (w == "'d") return "would";
  if (w == "ca") return "can";
  if (w == "n't") return "not";
  if (lemmatizer != nullptr) {
    std::string l = lemmatizer->Lemma(w, tag);
    if (!l.empty()) return l;
  }
  size_t n = w.size();
  // Participles the shared table lacks.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14>
      kMore = {{{"shown", "show"},
                {"thought", "think"},
                {"got", "get"},
                {"gotten", "get"},
                {"ate", "eat"},
                {"eaten", "eat"},
                {"arose", "arise"},
                {"arisen", "arise"},
                {"forgot", "forget"},
                {"forgotten", "forget"},
                {"stuck", "stick"},
                {"dug", "dig"},
                {"overtook", "overtake"},
                {"sought", "seek"}}};
  for (const auto& [form, base] : kMore) {
    if (w == form) return std::string(base);
  }
  std::vector<std::string> c = LemmaCandidates(w);
  bool noun = Starts(tag, "NN");
  if (noun && tag != "NNS" && tag != "NNPS") return w;
  // The suffix LemmaCandidates strips and its first candidate; a different
  // second candidate means the irregular table answered ("met" -> "meet").
  std::string expected;
  enum { kNone, kY, kIng, kEd, kEs, kS } suffix = kNone;
  auto ends = [&](std::string_view s) {
    return n > s.size() + 1 && Ends(w, s);
  };
  if (ends("ies") || ends("ied")) {
    suffix = kY;
    expected = w.substr(0, n - 3) + "y";
  } else if (ends("ing")) {
    suffix = kIng;
    expected = w.substr(0, n - 3);
  } else if (ends("ed")) {
    suffix = kEd;
    expected = w.substr(0, n - 2);
  } else if (ends("es")) {
    suffix = kEs;
    expected = w.substr(0, n - 2);
  } else if (ends("s") && !ends("ss")) {
    suffix = kS;
    expected = w.substr(0, n - 1);
  }
  if (c.size() > 1 && (suffix == kNone || c[1] != expected)) return c[1];
  if (noun) {
    if (suffix == kY || suffix == kS) return expected;
    if (suffix == kEs) {
      return Ends(expected, "s") || Ends(expected, "x") ||
                     Ends(expected, "ch") || Ends(expected, "sh")
                 ? expected
                 : w.substr(0, n - 1);
    }
    return w;
  }
  if (tag == "VB" || tag == "VBP") return w;
  switch (suffix) {
    case kY:
      return expected;
    case kIng:
    case kEd:
      return RestoreStem(expected);
    case kEs:
      return Ends(expected, "s") || Ends(expected, "x") ||
                     Ends(expected, "z") || Ends(expected, "ch") ||
                     Ends(expected, "sh") || Ends(expected, "o")
                 ? expected
                 : w.substr(0, n - 1);
    case kS:
      return expected;
    default:
      return w;
  }
}

namespace {

// "reiterate", "reaffirm", "repeat": saying again is saying ("reiterated
// that Libya must hand over the bombers" is a reported demand).
constexpr std::array<std::string_view, 24> kSaying = {
    "say",     "tell",    "state", "announce",  "claim",    "report",
    "add",     "note",    "write", "insist",    "warn",     "confirm",
    "deny",    "explain", "argue", "believe",   "think",    "assert",
    "declare", "stress",  "reply", "reiterate", "reaffirm", "repeat"};
// "was scheduled to meet", "prepared to head to Brussels": a plan too.
constexpr std::array<std::string_view, 14> kIntent = {
    "plan",   "intend",  "agree",  "aim", "seek",   "want",     "hope",
    "decide", "promise", "expect", "vow", "pledge", "schedule", "prepare"};
constexpr std::array<std::string_view, 2> kThreat = {"threaten", "warn"};
// Verbs that deny the act of their complement ("failed to pay", "refused to
// meet", "avoided criticising"); "avoid" also its object noun ("avoided
// direct criticism of teachers").
constexpr std::array<std::string_view, 4> kNegating = {"fail", "refuse",
                                                       "decline", "avoid"};
// Adjectives that deny the act of their complement ("was reluctant to
// endorse", "is unwilling to accept"), read as words: the tagger may take
// "unwilling" for a verb.
constexpr std::array<std::string_view, 6> kNegatingAdjectives = {
    "reluctant", "unwilling", "loath", "loth", "hesitant", "unable"};
// Verbs that deny what their object says ("denied claims that ...").
constexpr std::array<std::string_view, 4> kDenying = {"deny", "dismiss",
                                                      "refute", "reject"};
constexpr std::array<std::string_view, 4> kQuestionVerbs = {
    "ask", "wonder", "question", "inquire"};
// Subordinators of an adverbial clause that make it a prepositional
// argument ("accused X of providing arms").
constexpr std::array<std::string_view, 12> kClausePreps = {
    "of",    "for",     "by",   "from", "with", "without",
    "about", "against", "into", "on",   "upon", "in"};
constexpr std::array<std::string_view, 6> kRelativePronouns = {
    "who", "which", "that", "whom", "whose", "what"};

std::string_view Base(std::string_view rel) {
  return rel.substr(0, rel.find(':'));
}

// How a clause's modality ranks when several apply: the strongest wins.
int ModalityRank(std::string_view m) {
  static constexpr std::array<std::string_view, 8> kOrder = {
      "",       "future", "possible",    "necessity",
      "intent", "threat", "conditional", "question"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == m) return static_cast<int>(i);
  }
  return 0;
}

void SetModality(Clause* c, std::string_view m) {
  if (ModalityRank(m) > ModalityRank(c->modality)) c->modality = m;
}

// One predicate found in the tree: `node` is the tree node that holds its
// dependents (the nominal of a copula), `pred` the predicate word.
struct Pred {
  uint32_t node = 0;
  uint32_t pred = 0;
  int sentence = 0;
  bool copula = false;
  bool noun = false;
  bool would = false;  // has the auxiliary "would"
  const NounFrame* frame = nullptr;  // nouns: their frame
};

class ClauseBuilder {
 public:
  ClauseBuilder(Document* doc, const Lemmatizer* lemmatizer,
                const NounFrames* frames)
      : doc_(*doc), lemmatizer_(lemmatizer), frames_(frames) {}

  void Run() {
    doc_.clauses.clear();
    if (!Sanitize()) return;
    BuildChildren();
    ComputeOrder();
    MapEntities();
    FindPredicates();
    doc_.clauses.resize(preds_.size());
    subjects_.resize(preds_.size());
    for (size_t ci = 0; ci < preds_.size(); ++ci) FillClause(ci);
    for (uint32_t t : order_) {
      if (clause_of_[t] >= 0) Inherit(static_cast<size_t>(clause_of_[t]));
    }
  }

 private:
  struct Children {
    const uint32_t* b;
    const uint32_t* e;
    const uint32_t* begin() const { return b; }
    const uint32_t* end() const { return e; }
  };

  bool Sanitize();
  void BuildChildren();
  void ComputeOrder();
  void MapEntities();
  void FindPredicates();
  void FillClause(size_t ci);
  void ReadAuxiliaries(size_t ci);
  void CollectArguments(size_t ci);
  void AddArgument(size_t ci, const char* role, std::string prep, uint32_t d,
                   bool subject);
  void Inherit(size_t ci);
  void InheritSubjects(size_t ci, int hc);
  void InheritModality(size_t ci, int hc);
  bool DeniedByItsNoun(uint32_t t) const;

  Children Kids(uint32_t t) const {
    return {child_.data() + child_off_[t], child_.data() + child_off_[t + 1]};
  }
  int FindChild(uint32_t t, std::string_view rel) const {
    for (uint32_t d : Kids(t)) {
      if (rel_[d] == rel) return static_cast<int>(d);
    }
    return -1;
  }
  std::string_view Word(uint32_t t) const {
    const Span& s = doc_.tokens[t];
    size_t b = std::min<size_t>(s.begin, doc_.text.size());
    size_t e = std::min<size_t>(std::max(s.begin, s.end), doc_.text.size());
    return std::string_view(doc_.text).substr(b, e - b);
  }
  bool IsVerb(uint32_t t) const { return Starts(tag_[t], "VB"); }
  bool IsPunct(uint32_t t) const {
    static constexpr std::array<std::string_view, 9> kPunct = {
        ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"};
    return rel_[t] == "punct" || In(tag_[t], kPunct);
  }
  std::string CasePrep(uint32_t d) const;
  std::string MarkWord(uint32_t d) const;
  Span PhraseSpan(uint32_t h, bool attribute, int skip = -1) const;
  std::string EntityOf(uint32_t h) const;
  int NamedModifier(uint32_t t) const;
  const NounFrame* FrameOf(uint32_t t) const;
  bool NegatedNoun(uint32_t t) const;
  bool NegatedByHead(uint32_t t) const;
  bool InTime(uint32_t t) const;
  std::vector<uint32_t> NegatorPatients(uint32_t t, const NounFrame* f) const;
  bool SentenceIsQuestion(int s) const;

  Document& doc_;
  const Lemmatizer* lemmatizer_;  // may be null: ClauseLemma's rules
  const NounFrames* frames_;      // may be null: no event nouns
  size_t n_ = 0;
  std::vector<int> head_;
  std::vector<std::string_view> rel_;
  std::vector<std::string_view> tag_;
  std::vector<std::string> low_;
  std::vector<int> sent_;
  std::vector<uint32_t> child_off_, child_;
  std::vector<uint32_t> order_;    // tokens, parents before children
  std::vector<uint32_t> lo_, hi_;  // each subtree's first and last token
  std::vector<int> up_;            // nearest clause strictly above a token
  std::vector<int> entity_;        // index into doc_.entities, -1 none
  std::vector<int> clause_of_;     // clause whose node the token is, -1 none
  std::vector<Pred> preds_;
  // Per clause, its subjects as arguments, for conjoined and controlled
  // clauses to inherit.
  std::vector<std::vector<ClauseArgument>> subjects_;
};

bool ClauseBuilder::Sanitize() {
  n_ = std::min({doc_.tokens.size(), doc_.heads.size(), doc_.deprels.size()});
  if (n_ == 0) return false;
  sent_.assign(n_, -1);
  size_t covered = 0;  // sentences may not overlap: later ones are clipped
  for (size_t s = 0; s < doc_.sentences.size(); ++s) {
    size_t b = std::max<size_t>(doc_.sentences[s].token_begin, covered);
    size_t e = std::min<size_t>(doc_.sentences[s].token_end, n_);
    for (size_t t = b; t < e; ++t) sent_[t] = static_cast<int>(s);
    covered = std::max(covered, e);
  }
  head_.assign(n_, -1);
  rel_.resize(n_);
  tag_.resize(n_);
  low_.resize(n_);
  for (size_t t = 0; t < n_; ++t) {
    int32_t h = doc_.heads[t];
    if (sent_[t] >= 0 && h >= 0 && static_cast<size_t>(h) < n_ &&
        static_cast<size_t>(h) != t && sent_[h] == sent_[t]) {
      head_[t] = h;
    }
    rel_[t] = doc_.deprels[t];
    if (t < doc_.pos.size()) tag_[t] = doc_.pos[t];
    low_[t] = Lower(Word(static_cast<uint32_t>(t)));
  }
  // Cut cycles: walk up from each token; meeting a token of the current
  // walk again closes a cycle, which is broken at the walk's last step.
  std::vector<uint8_t> state(n_, 0);  // 0 new, 1 on the walk, 2 done
  std::vector<uint32_t> walk;
  for (size_t t = 0; t < n_; ++t) {
    walk.clear();
    int u = static_cast<int>(t);
    while (u >= 0 && state[u] == 0) {
      state[u] = 1;
      walk.push_back(static_cast<uint32_t>(u));
      u = head_[u];
    }
    if (u >= 0 && state[u] == 1) head_[walk.back()] = -1;
    for (uint32_t w : walk) state[w] = 2;
  }
  return true;
}

void ClauseBuilder::BuildChildren() {
  child_off_.assign(n_ + 1, 0);
  for (size_t t = 0; t < n_; ++t) {
    if (head_[t] >= 0) ++child_off_[head_[t] + 1];
  }
  for (size_t t = 0; t < n_; ++t) child_off_[t + 1] += child_off_[t];
  child_.assign(child_off_[n_], 0);
  std::vector<uint32_t> fill(child_off_.begin(), child_off_.end() - 1);
  for (size_t t = 0; t < n_; ++t) {
    if (head_[t] >= 0) child_[fill[head_[t]]++] = static_cast<uint32_t>(t);
  }
}

void ClauseBuilder::ComputeOrder() {
  // Breadth-first from the roots gives parents before children.
  order_.clear();
  order_.reserve(n_);
  for (size_t t = 0; t < n_; ++t) {
    if (head_[t] < 0) order_.push_back(static_cast<uint32_t>(t));
  }
  for (size_t i = 0; i < order_.size(); ++i) {
    for (uint32_t d : Kids(order_[i])) order_.push_back(d);
  }
  lo_.resize(n_);
  hi_.resize(n_);
  for (size_t t = 0; t < n_; ++t) lo_[t] = hi_[t] = static_cast<uint32_t>(t);
  for (size_t i = order_.size(); i-- > 0;) {
    uint32_t t = order_[i];
    if (head_[t] < 0) continue;
    lo_[head_[t]] = std::min(lo_[head_[t]], lo_[t]);
    hi_[head_[t]] = std::max(hi_[head_[t]], hi_[t]);
  }
}

void ClauseBuilder::MapEntities() {
  entity_.assign(n_, -1);
  for (size_t t = 1; t < n_; ++t) {
    if (doc_.tokens[t].begin < doc_.tokens[t - 1].begin ||
        doc_.tokens[t].end < doc_.tokens[t - 1].end) {
      return;  // unordered tokens: no entity can be placed safely
    }
  }
  const Span* tokens = doc_.tokens.data();
  for (size_t e = 0; e < doc_.entities.size(); ++e) {
    for (const Span& m : doc_.entities[e].mentions) {
      const Span* it = std::partition_point(
          tokens, tokens + n_, [&](const Span& s) { return s.end <= m.begin; });
      for (size_t t = it - tokens; t < n_ && tokens[t].begin < m.end; ++t) {
        if (entity_[t] < 0) entity_[t] = static_cast<int>(e);
      }
    }
  }
}

void ClauseBuilder::FindPredicates() {
  static constexpr std::array<std::string_view, 9> kClausal = {
      "root",      "ccomp", "xcomp", "advcl", "acl",
      "parataxis", "csubj", "conj",  "dep"};
  clause_of_.assign(n_, -1);
  for (uint32_t t = 0; t < n_; ++t) {
    if (sent_[t] < 0) continue;
    std::string_view base = Base(rel_[t]);
    bool clausal = In(base, kClausal);
    int cop = FindChild(t, "cop");
    Pred p;
    p.node = p.pred = t;
    p.sentence = sent_[t];
    if (IsVerb(t) && cop < 0) {
      bool ok =
          clausal || ((base == "obl" || base == "nmod") && tag_[t] == "VBG");
      if (base == "conj") {
        int h = head_[t];
        ok = h >= 0 && (IsVerb(h) || FindChild(h, "cop") >= 0);
      }
      if (!ok) continue;
    } else if (cop >= 0 && clausal) {
      p.pred = static_cast<uint32_t>(cop);
      p.copula = true;
    } else if ((p.frame = FrameOf(t)) != nullptr) {
      p.noun = true;
    } else {
      continue;
    }
    clause_of_[t] = static_cast<int>(preds_.size());
    preds_.push_back(p);
  }
  // The nearest clause above each token, parents first.
  up_.assign(n_, -1);
  for (uint32_t t : order_) {
    int h = head_[t];
    if (h >= 0) up_[t] = clause_of_[h] >= 0 ? clause_of_[h] : up_[h];
  }
}

const NounFrame* ClauseBuilder::FrameOf(uint32_t t) const {
  // A common noun of the frame table that names a party the way its frame
  // says ("US objections", "Syria's involvement", "talks with Iran"); "the
  // talks" alone is no act of anyone's.
  if (frames_ == nullptr || !Starts(tag_[t], "NN") || Starts(tag_[t], "NNP"))
    return nullptr;
  const NounFrame* f =
      frames_->Find(ClauseLemma(low_[t], tag_[t], lemmatizer_));
  if (f == nullptr) return nullptr;
  if (!f->bound && f->agent_mod && NamedModifier(t) >= 0) return f;
  for (uint32_t d : Kids(t)) {
    std::string_view b = Base(rel_[d]);
    if (rel_[d] == "nmod:poss" && f->agent_poss && !f->bound && !InTime(d))
      return f;
    if (b != "nmod" && b != "obl") continue;
    std::string prep = CasePrep(d);
    if (std::find(f->patient.begin(), f->patient.end(), prep) !=
        f->patient.end())
      return f;
    if (prep == "by" && f->agent_by && !f->bound) return f;
  }
  return NegatorPatients(t, f).empty() ? nullptr : f;
}

std::vector<uint32_t> ClauseBuilder::NegatorPatients(
    uint32_t t, const NounFrame* f) const {
  // "a lack of trust in Blair" parsed with "in Blair" on "lack": the phrase
  // is the frame's, since the negating noun takes only its "of" phrase.
  std::vector<uint32_t> out;
  int h = head_[t];
  if (!NegatedByHead(t)) return out;
  for (uint32_t d : Kids(static_cast<uint32_t>(h))) {
    if (d == t || Base(rel_[d]) != "nmod") continue;
    if (std::find(f->patient.begin(), f->patient.end(), CasePrep(d)) !=
        f->patient.end())
      out.push_back(d);
  }
  return out;
}

bool ClauseBuilder::NegatedByHead(uint32_t t) const {
  int h = head_[t];
  return frames_ != nullptr && h >= 0 && Base(rel_[t]) == "nmod" &&
         CasePrep(t) == "of" && Starts(tag_[h], "NN") &&
         frames_->Negates(ClauseLemma(low_[h], tag_[h], lemmatizer_));
}

bool ClauseBuilder::DeniedByItsNoun(uint32_t t) const {
  // "expressed reluctance to endorse", "the failure to pay", "showed no
  // willingness to accept": the infinitive of a noun the frame table marks
  // `negates`, or of a noun with the determiner "no", is denied.
  int h = head_[t];
  std::string_view base = Base(rel_[t]);
  // "denied claims that it had attacked Georgia", "dismissed reports it was
  // withdrawing": the clause of what a denial's object says is denied.
  if (h >= 0 && (base == "acl" || base == "ccomp") &&
      Starts(tag_[h], "NN") && Base(rel_[h]) == "obj" && head_[h] >= 0) {
    uint32_t v = static_cast<uint32_t>(head_[h]);
    if (Starts(tag_[v], "VB") &&
        In(ClauseLemma(low_[v], tag_[v], lemmatizer_), kDenying))
      return true;
  }
  if (h < 0 || (base != "acl" && base != "xcomp") || !Starts(tag_[h], "NN") ||
      MarkWord(t) != "to")
    return false;
  for (uint32_t d : Kids(static_cast<uint32_t>(h))) {
    if (Base(rel_[d]) == "det" && low_[d] == "no") return true;
  }
  return frames_ != nullptr &&
         frames_->Negates(ClauseLemma(low_[h], tag_[h], lemmatizer_));
}

bool ClauseBuilder::NegatedNoun(uint32_t t) const {
  // "no confidence in", "a lack of trust in", "the absence of support for",
  // "avoided direct criticism of": the act the noun names is denied.
  for (uint32_t d : Kids(t)) {
    if (Base(rel_[d]) == "det" && low_[d] == "no") return true;
  }
  int h = head_[t];
  if (h >= 0 && rel_[t] == "obj" && Starts(tag_[h], "VB") &&
      ClauseLemma(low_[h], tag_[h], lemmatizer_) == "avoid")
    return true;
  return NegatedByHead(t);
}

std::string ClauseBuilder::CasePrep(uint32_t d) const {
  std::string out;
  for (uint32_t c : Kids(d)) {
    if (rel_[c] != "case" || low_[c] == "'s" || low_[c] == "'") continue;
    if (!out.empty()) out += ' ';
    out += low_[c];
    for (uint32_t f : Kids(c)) {
      if (rel_[f] == "fixed") out += " " + low_[f];
    }
  }
  return out;
}

std::string ClauseBuilder::MarkWord(uint32_t d) const {
  for (uint32_t c : Kids(d)) {
    if (rel_[c] == "mark") return low_[c];
  }
  return "";
}

Span ClauseBuilder::PhraseSpan(uint32_t h, bool attribute, int skip) const {
  // What a phrase leaves out: for a noun phrase its relative clauses,
  // appositives, conjuncts and case word; for a clause its subordinator and
  // conjuncts; for the attribute of a copula everything clausal.
  static constexpr std::array<std::string_view, 9> kNominalOut = {
      "acl:relcl", "appos", "punct",     "conj",     "cc",
      "case",      "mark",  "parataxis", "discourse"};
  static constexpr std::array<std::string_view, 12> kAttributeOut = {
      "nsubj", "csubj", "cop",       "aux", "mark", "ccomp",
      "xcomp", "advcl", "parataxis", "obl", "expl", "advmod"};
  uint32_t lo = h, hi = h;
  for (uint32_t d : Kids(h)) {
    std::string_view rel = rel_[d];
    if (In(rel, kNominalOut) || static_cast<int>(d) == skip) continue;
    if (attribute && In(Base(rel), kAttributeOut)) continue;
    lo = std::min(lo, lo_[d]);
    hi = std::max(hi, hi_[d]);
  }
  while (lo < hi && IsPunct(lo)) ++lo;
  while (hi > lo && IsPunct(hi)) --hi;
  Span s;
  size_t size = doc_.text.size();
  s.begin =
      static_cast<uint32_t>(std::min<size_t>(doc_.tokens[lo].begin, size));
  s.end = static_cast<uint32_t>(std::min<size_t>(doc_.tokens[hi].end, size));
  if (s.end < s.begin) s.end = s.begin;
  return s;
}

std::string ClauseBuilder::EntityOf(uint32_t h) const {
  // The head's own entity, else an appositive's, a flat name part's or a
  // proper-noun compound's ("spokesman" + "Dmitry Peskov").
  int e = entity_[h];
  for (std::string_view want : {"appos", "flat", "compound"}) {
    for (uint32_t d : Kids(h)) {
      if (e >= 0) break;
      if (Base(rel_[d]) != want) continue;
      if (want == "compound" && !Starts(tag_[d], "NNP")) continue;
      e = entity_[d];
    }
  }
  return e >= 0 ? doc_.entities[e].id : "";
}

int ClauseBuilder::NamedModifier(uint32_t t) const {
  // "US objections", "British criticism", "UN sanctions": a name or a
  // capitalised adjective before an event noun with no possessor says whose
  // act it is, as "the US's objections" would. Not the sentence's first
  // word, whose capital says nothing ("Nuclear talks").
  int found = -1;
  for (uint32_t d : Kids(t)) {
    if (rel_[d] == "nmod:poss" && !InTime(d)) return -1;
    std::string_view rel = rel_[d];
    if (d >= t || (rel != "compound" && rel != "amod")) continue;
    if (!Starts(tag_[d], "NNP") && !Starts(tag_[d], "JJ")) continue;
    std::string_view w = Word(d);
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') continue;
    if (InTime(d)) continue;  // "a key September conversation"
    if (sent_[d] >= 0 &&
        doc_.sentences[sent_[d]].token_begin == static_cast<uint32_t>(d))
      continue;
    found = static_cast<int>(d);
  }
  return found;
}

bool ClauseBuilder::InTime(uint32_t t) const {
  // A date or time is no party: "a key September conversation", "last
  // month's U.S. invasion".
  const Span& tok = doc_.tokens[t];
  for (const TimeMention& m : doc_.times) {
    if (m.span.begin <= tok.begin && tok.end <= m.span.end) return true;
  }
  return false;
}

bool ClauseBuilder::SentenceIsQuestion(int s) const {
  const SentenceSpan& sp = doc_.sentences[s];
  size_t end = std::min<size_t>(sp.span.end, doc_.text.size());
  size_t begin = std::min<size_t>(sp.span.begin, end);
  std::string_view text =
      std::string_view(doc_.text).substr(begin, end - begin);
  // Closing quotes and brackets may follow the question mark.
  while (!text.empty()) {
    if (Ends(text, "\xE2\x80\x9D") || Ends(text, "\xE2\x80\x99")) {
      text.remove_suffix(3);
    } else if (std::string_view(" \n\t\"')").find(text.back()) !=
               std::string_view::npos) {
      text.remove_suffix(1);
    } else {
      return text.back() == '?';
    }
  }
  return false;
}

void ClauseBuilder::FillClause(size_t ci) {
  const Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  c.predicate = p.pred;
  uint32_t lo = p.pred, hi = p.pred;
  for (uint32_t d : Kids(p.node)) {
    if (rel_[d] == "compound:prt") {
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
  }
  size_t size = doc_.text.size();
  c.predicate_span.begin =
      static_cast<uint32_t>(std::min<size_t>(doc_.tokens[lo].begin, size));
  c.predicate_span.end = static_cast<uint32_t>(std::max<size_t>(
      c.predicate_span.begin, std::min<size_t>(doc_.tokens[hi].end, size)));
  c.kind = p.noun ? "noun" : "verb";
  c.lemma = p.copula ? "be" : ClauseLemma(low_[p.pred], tag_[p.pred], lemmatizer_);
  c.voice = "active";
  c.tense = p.noun ? "" : "present";
  c.sentence = doc_.sentences[p.sentence].span;
  if (!p.noun) ReadAuxiliaries(ci);
  if (p.noun) c.negated = NegatedNoun(p.node);
  // Subordinators: "if"/"unless" make this clause and the one it modifies
  // conditional (an "if" under ask/wonder asks a question instead);
  // "whether" makes a question.
  std::string mark = MarkWord(p.node);
  int h = head_[p.node];
  int hc = h >= 0 ? clause_of_[h] : -1;
  bool asks = hc >= 0 && !preds_[hc].copula &&
              In(ClauseLemma(low_[h], tag_[h], lemmatizer_), kQuestionVerbs);
  if (mark == "whether" || (mark == "if" && asks)) {
    SetModality(&c, "question");
  } else if (mark == "if" || mark == "unless") {
    SetModality(&c, "conditional");
    if (hc >= 0 && Base(rel_[p.node]) == "advcl") {
      SetModality(&doc_.clauses[hc], "conditional");
    }
  }
  if (head_[p.node] < 0 && SentenceIsQuestion(p.sentence)) {
    SetModality(&c, "question");
  }
  CollectArguments(ci);
}

void ClauseBuilder::ReadAuxiliaries(size_t ci) {
  Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  bool past = tag_[p.pred] == "VBD", have = false;
  auto negator = [&](uint32_t d) {
    std::string_view b = Base(rel_[d]);
    if (b != "advmod" && b != "neg") return false;
    const std::string& w = low_[d];
    // "have not only threatened Iraq but also Turkey", "not just": the
    // act is asserted and more is added.
    if (w == "not" && d + 1 < low_.size() &&
        (low_[d + 1] == "only" || low_[d + 1] == "just" ||
         low_[d + 1] == "merely" || low_[d + 1] == "simply"))
      return false;
    if (w == "not" || w == "n't" || w == "never" || w == "nt") return true;
    if (w == "longer" || w == "more") {
      for (uint32_t k : Kids(d)) {
        if (low_[k] == "no") return true;
      }
      return d > 0 && low_[d - 1] == "no";
    }
    return false;
  };
  for (uint32_t d : Kids(p.node)) {
    std::string_view rel = rel_[d];
    std::string_view base = Base(rel);
    if (rel == "aux:pass" || rel == "nsubj:pass" || rel == "csubj:pass") {
      c.voice = "passive";
    }
    if (negator(d)) c.negated = true;
    if (base != "aux" && base != "cop") continue;
    for (uint32_t k : Kids(d)) c.negated |= negator(k);
    const std::string& w = low_[d];
    if (w == "will" || w == "shall" || w == "'ll" || w == "wo") {
      c.tense = "future";
      SetModality(&c, "future");
    } else if (w == "could" || w == "may" || w == "might") {
      SetModality(&c, "possible");
    } else if (w == "cannot") {
      c.negated = true;
      SetModality(&c, "possible");
    } else if (w == "must" || w == "should" || w == "ought") {
      SetModality(&c, "necessity");
    } else if (w == "would" || w == "'d") {
      p.would = true;
    } else if (w == "was" || w == "were" || w == "had" || w == "did") {
      past = true;
    }
    have |= w == "has" || w == "have" || w == "had" || w == "'ve";
  }
  if (c.tense != "future" && (past || (have && tag_[p.pred] == "VBN"))) {
    c.tense = "past";
  }
}

void ClauseBuilder::CollectArguments(size_t ci) {
  const Pred& p = preds_[ci];
  bool passive = doc_.clauses[ci].voice == "passive";
  const NounFrame* f = p.frame;
  const int named_modifier =
      p.noun && f->agent_mod ? NamedModifier(p.node) : -1;
  // "There is a lack of trust in X": what an existential clause says exists
  // does nothing; it is no agent.
  const int expl = FindChild(p.node, "expl");
  const bool existential = expl >= 0 && low_[expl] == "there";
  for (uint32_t d : Kids(p.node)) {
    std::string_view rel = rel_[d];
    std::string_view base = Base(rel);
    if (p.noun) {
      // The doer: a possessor, a named modifier, or "by" ("the arrest of
      // Assange by the UK police"), as the noun's frame allows.
      if ((rel == "nmod:poss" && f->agent_poss && !InTime(d)) ||
          static_cast<int>(d) == named_modifier) {
        AddArgument(ci, "agent", "", d, false);
      } else if (base == "nmod" || base == "obl") {
        std::string prep = CasePrep(d);
        bool by = prep == "by" && f->agent_by;
        AddArgument(ci, by ? "agent" : "oblique", std::move(prep), d, false);
      } else if (base == "acl" && clause_of_[d] >= 0) {
        AddArgument(ci, "complement", "", d, false);
      }
      continue;
    }
    if (rel == "nsubj:pass" || rel == "csubj:pass") {
      AddArgument(ci, "patient", "", d, true);
    } else if (base == "nsubj" || base == "csubj") {
      AddArgument(ci, passive || existential ? "patient" : "agent", "", d,
                  !existential);
    } else if (rel == "obl:agent") {
      AddArgument(ci, "agent", "by", d, false);
    } else if (base == "obj") {
      AddArgument(ci, "patient", "", d, false);
    } else if (base == "iobj") {
      AddArgument(ci, "recipient", "", d, false);
    } else if (base == "obl") {
      std::string prep = CasePrep(d);
      if (prep.empty() && clause_of_[d] >= 0) prep = MarkWord(d);
      AddArgument(ci, "oblique", prep, d, false);
    } else if (base == "ccomp" || base == "xcomp") {
      AddArgument(ci, "complement", "", d, false);
    } else if (base == "advcl" && clause_of_[d] >= 0 &&
               In(MarkWord(d), kClausePreps)) {
      AddArgument(ci, "oblique", MarkWord(d), d, false);
    }
  }
  if (p.noun) {
    for (uint32_t d : NegatorPatients(p.node, f)) {
      AddArgument(ci, "oblique", CasePrep(d), d, false);
    }
  }
  if (p.copula) AddArgument(ci, "attribute", "", p.node, false);
}

void ClauseBuilder::AddArgument(size_t ci, const char* role, std::string prep,
                                uint32_t d, bool subject) {
  const Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  // A relative pronoun stands for the noun the relative clause modifies
  // ("resolutions that ... voted": the resolutions).
  uint32_t h = d;
  std::string_view base = Base(rel_[p.node]);
  if (base == "acl" && head_[p.node] >= 0 && d != p.node &&
      (tag_[d] == "WDT" || tag_[d] == "WP" || In(low_[d], kRelativePronouns))) {
    h = static_cast<uint32_t>(head_[p.node]);
  }
  ClauseArgument a;
  a.role = role;
  a.preposition = std::move(prep);
  a.head = h;
  bool attribute = a.role == "attribute";
  // The clause itself is left out of the noun it modifies ("dumplings made
  // with crab": the patient of "made" reads "dumplings").
  a.span = PhraseSpan(h, attribute, static_cast<int>(p.node));
  a.entity = EntityOf(h);
  if (!attribute && clause_of_[h] >= 0) a.clause = clause_of_[h];
  c.arguments.push_back(a);
  if (subject) subjects_[ci].push_back(a);
  if (attribute || clause_of_[h] >= 0 || h != d) return;
  // Conjuncts of a noun phrase fill the same role ("Russia and North
  // Korea"): conj chains are walked breadth-first, capped.
  std::vector<uint32_t> conj;
  for (size_t i = 0; i <= conj.size() && conj.size() < kMaxConjuncts; ++i) {
    uint32_t from = i == 0 ? d : conj[i - 1];
    for (uint32_t k : Kids(from)) {
      if (rel_[k] == "conj" && clause_of_[k] < 0 &&
          conj.size() < kMaxConjuncts) {
        conj.push_back(k);
      }
    }
  }
  for (uint32_t k : conj) {
    ClauseArgument b = a;
    std::string own = CasePrep(k);
    if (!own.empty()) b.preposition = own;
    b.head = k;
    b.span = PhraseSpan(k, false);
    b.entity = EntityOf(k);
    b.distributed = true;
    c.arguments.push_back(b);
    if (subject) subjects_[ci].push_back(b);
  }
}

void ClauseBuilder::Inherit(size_t ci) {
  const Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  c.parent = up_[p.node];
  int h = head_[p.node];
  int hc = h >= 0 ? clause_of_[h] : -1;
  std::string_view base = Base(rel_[p.node]);
  c.relation = std::string(base);
  // Attribution: the complement of a verb of saying ("Peskov said that
  // ..."), the clause a saying verb is parenthetical to ("..., Putin
  // said"), and conjuncts of an attributed clause.
  if (hc >= 0 && (base == "ccomp" || base == "parataxis") &&
      doc_.clauses[hc].kind == "verb" && In(doc_.clauses[hc].lemma, kSaying)) {
    c.attributed_by = hc;
  }
  for (uint32_t d : Kids(p.node)) {
    if (c.attributed_by >= 0) break;
    int dc = clause_of_[d];
    if (Base(rel_[d]) == "parataxis" && dc >= 0 &&
        doc_.clauses[dc].kind == "verb" &&
        In(doc_.clauses[dc].lemma, kSaying)) {
      c.attributed_by = dc;
    }
  }
  if (c.attributed_by < 0 && base == "conj" && hc >= 0) {
    c.attributed_by = doc_.clauses[hc].attributed_by;
  }
  if (!p.noun) InheritSubjects(ci, hc);
  InheritModality(ci, hc);
}

void ClauseBuilder::InheritSubjects(size_t ci, int hc) {
  const Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  if (!subjects_[ci].empty()) {
    // A relative clause with its own subject whose noun is the missing
    // object ("the deal they signed").
    if (rel_[p.node] != "acl:relcl" || head_[p.node] < 0) return;
    for (const ClauseArgument& a : c.arguments) {
      if (a.role == "patient" || a.role == "complement") return;
      if (a.head == static_cast<uint32_t>(head_[p.node])) return;
    }
    AddArgument(ci, "patient", "", static_cast<uint32_t>(head_[p.node]), false);
    return;
  }
  // "Chile signed an agreement, and there was also an agreement with
  // Venezuela": an existential clause has no doer to share.
  if (const int expl = FindChild(p.node, "expl");
      expl >= 0 && low_[expl] == "there")
    return;
  std::string_view base = Base(rel_[p.node]);
  // "was captured in Panama and extradited to the United States": a past
  // participle conjoined to a passive, with no auxiliary of its own, shares
  // the passive's auxiliary and so its voice.
  if (base == "conj" && hc >= 0 && doc_.clauses[hc].kind == "verb" &&
      doc_.clauses[hc].voice == "passive" && tag_[p.pred] == "VBN") {
    bool own_aux = false;
    for (uint32_t d : Kids(p.node)) {
      own_aux |= Base(rel_[d]) == "aux" || Base(rel_[d]) == "cop";
    }
    if (!own_aux) c.voice = "passive";
  }
  bool passive = c.voice == "passive";
  const char* role = passive ? "patient" : "agent";
  std::vector<ClauseArgument> from;
  bool controlled = false;
  if (hc >= 0 && doc_.clauses[hc].kind == "verb" &&
      (base == "conj" || base == "xcomp" || base == "advcl")) {
    from = subjects_[hc];
    controlled = base != "conj";
    // Object control: "invited Putin to visit", "accused North Korea of
    // providing arms": the controller's object acts.
    std::string mark = MarkWord(p.node);
    // An infinitive the parse hangs as a purpose clause after an indirect
    // object ("asked the United States to cut emissions") is controlled
    // by that object too.
    bool to_after_iobj = false;
    if (base == "advcl" && mark == "to") {
      for (const ClauseArgument& a : doc_.clauses[hc].arguments) {
        to_after_iobj |= a.role == "recipient" && Base(rel_[a.head]) == "iobj";
      }
    }
    bool object_control =
        (base == "xcomp" && doc_.clauses[hc].lemma != "promise") ||
        (base == "advcl" && (mark == "of" || mark == "from" || mark == "for")) ||
        to_after_iobj;
    if (object_control) {
      std::vector<ClauseArgument> objects;
      // "asked the United States to cut emissions": the parse may make the
      // controller an indirect object.
      for (const ClauseArgument& a : doc_.clauses[hc].arguments) {
        std::string_view r = Base(rel_[a.head]);
        if (((a.role == "patient" &&
              (r == "obj" || (r == "conj" && a.distributed))) ||
             (a.role == "recipient" && r == "iobj")) &&
            !a.controlled) {
          objects.push_back(a);
        }
      }
      if (!objects.empty()) from = std::move(objects);
    }
    // A bare participle of result after a passive ("The embassy was bombed,
    // killing 11 people"): its doer is the act's, the by-agent when there is
    // one, never the passive's subject. With a mark ("was arrested while
    // trying to flee") the subject does act.
    if (base == "advcl" && mark.empty() && tag_[p.pred] == "VBG" &&
        doc_.clauses[hc].voice == "passive") {
      from.clear();
      for (const ClauseArgument& a : doc_.clauses[hc].arguments) {
        if (a.role == "agent" && !a.controlled) from.push_back(a);
      }
    }
    // A bare participle ("Asked whether ..., Peskov said") is passive.
    if (base == "advcl" && tag_[p.pred] == "VBN") role = "patient";
    if (base == "advcl" && !mark.empty() && mark != "to" &&
        tag_[p.pred] != "VBG" && tag_[p.pred] != "VBN") {
      from.clear();  // a finite adverbial clause has its own subject
    }
  } else if (base == "acl" && head_[p.node] >= 0 && MarkWord(p.node) != "to") {
    // A participle or relative clause: the modified noun ("dumplings made
    // with crab": made, patient dumplings).
    uint32_t noun = static_cast<uint32_t>(head_[p.node]);
    for (const ClauseArgument& a : c.arguments) {
      if (a.head == noun) return;  // a relative pronoun already stood for it
    }
    if (tag_[p.pred] == "VBN") role = "patient";
    AddArgument(ci, role, "", noun, true);
    return;
  }
  size_t taken = 0;
  for (ClauseArgument a : from) {
    if (taken++ == kMaxInherited) break;
    a.role = role;
    a.preposition.clear();
    if (controlled) {
      a.controlled = true;
    } else {
      a.distributed = true;
    }
    c.arguments.push_back(a);
    subjects_[ci].push_back(a);
  }
}

void ClauseBuilder::InheritModality(size_t ci, int hc) {
  const Pred& p = preds_[ci];
  Clause& c = doc_.clauses[ci];
  std::string_view base = Base(rel_[p.node]);
  if (p.would) {
    // "would" reports a future under a past verb of saying ("Peskov said
    // Lavrov would travel"); elsewhere it is hypothetical.
    bool reported =
        c.attributed_by >= 0 && doc_.clauses[c.attributed_by].tense == "past";
    SetModality(&c, reported ? "future" : "conditional");
    if (reported && c.tense == "present") c.tense = "future";
  }
  if (DeniedByItsNoun(p.node)) c.negated = true;
  if (hc < 0) return;
  const Clause& parent = doc_.clauses[hc];
  const std::string& lemma = parent.lemma;
  bool verb = parent.kind == "verb";
  // "was scheduled today to meet": the parse may hang the infinitive of
  // an intent, threat or refusal as a purpose clause; it is the complement.
  bool complement =
      base == "xcomp" ||
      (base == "advcl" && MarkWord(p.node) == "to" &&
       (In(lemma, kIntent) || In(lemma, kThreat) || In(lemma, kNegating)));
  if (verb && complement) {
    if (In(lemma, kIntent)) SetModality(&c, "intent");
    if (In(lemma, kThreat)) SetModality(&c, "threat");
    if (lemma == "go" && tag_[parent.predicate] == "VBG") {
      c.tense = "future";
      SetModality(&c, "future");
    }
    if (In(lemma, kNegating)) c.negated = true;
    if (In(low_[preds_[hc].node], kNegatingAdjectives)) c.negated = true;
    // "won't hesitate to impose": the embedded act shares the modality.
    if (c.modality.empty()) c.modality = parent.modality;
  }
  if (verb && base == "ccomp" && lemma == "threaten") {
    SetModality(&c, "threat");
  }
  if (verb && lemma == "deny" && (base == "ccomp" || base == "xcomp")) {
    c.negated = true;
  }
}

}  // namespace

void BuildClauses(Document* doc, const Lemmatizer* lemmatizer,
                  const NounFrames* frames) {
  if (doc == nullptr) return;
  ClauseBuilder(doc, lemmatizer, frames).Run();
}

int64_t OfPhraseNoun(const Document& doc, uint32_t h, uint32_t end) {
  return PrepositionalModifier(doc, h, end, "of");
}

int64_t PrepositionalModifier(const Document& doc, uint32_t h, uint32_t end,
                              std::string_view preposition) {
  end = std::min<uint32_t>(
      end, static_cast<uint32_t>(std::min(
               {doc.heads.size(), doc.deprels.size(), doc.tokens.size()})));
  const std::string_view text = doc.text;
  for (uint32_t t = h + 1; t < end; ++t) {
    if (doc.heads[t] != static_cast<int32_t>(h) ||
        doc.deprels[t].compare(0, 4, "nmod") != 0)
      continue;
    for (uint32_t k = h + 1; k < t; ++k) {
      if (doc.heads[k] != static_cast<int32_t>(t) || doc.deprels[k] != "case")
        continue;
      const Span& w = doc.tokens[k];
      if (w.end <= text.size() && w.begin <= w.end &&
          AsciiLower(text.substr(w.begin, w.end - w.begin)) == preposition)
        return t;
    }
  }
  return -1;
}

int64_t AppositionOf(const Document& doc, uint32_t h, uint32_t end) {
  end = std::min<uint32_t>(
      end, static_cast<uint32_t>(std::min(doc.heads.size(), doc.deprels.size())));
  for (uint32_t t = h + 1; t < end; ++t) {
    if (doc.heads[t] == static_cast<int32_t>(h) && doc.deprels[t] == "appos")
      return t;
  }
  return -1;
}

}  // namespace dateline

#include "syntax/dependency_parser.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

#include "base/hash.h"

namespace dateline {
namespace {

constexpr char kMagic[] = "dateline-dependency-parser 1";
// Bump when the feature templates change: old models then refuse to load.
constexpr char kFeatureSet[] = "arc-eager-v2";
// v3: v2's templates and more (ExtractFeatures); a model says which it has.
constexpr char kFeatureSetV3[] = "arc-eager-v3";

// Transitions: class 0 SHIFT, 1 REDUCE, 2 + l LEFT-ARC(l), 2 + L + l
// RIGHT-ARC(l).
enum Move { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3 };

constexpr uint64_t kNone = 0x6e6f6e65ULL;  // an absent word, tag or label
constexpr uint64_t kRootWord = 0x726f6f74ULL;

// One word's hashed attributes, computed once per sentence.
struct WordFeats {
  uint64_t w = kNone;   // lower case
  uint64_t p = kNone;   // tag
  uint64_t wp = kNone;  // both
  uint64_t c[3] = {kNone, kNone, kNone};  // cluster classes, coarse to fine
  // Lookahead past a name: the tag of the first word after the run of
  // proper nouns that starts here ("Kim Jong Un 's": POS), so a name is
  // not taken as an object before its possessive is seen.
  uint64_t after_name = kNone;
};

// Parser state over words 1..n (0 is the root). Child and label-set
// bookkeeping makes every feature O(1).
struct State {
  explicit State(int n)
      : n(n),
        head(n + 1, -1),
        label(n + 1, -1),
        lc1(n + 1, -1),
        lc2(n + 1, -1),
        rc1(n + 1, -1),
        rc2(n + 1, -1),
        nl(n + 1, 0),
        nr(n + 1, 0),
        lset(n + 1, 0),
        rset(n + 1, 0),
        in_stack(n + 1, 0) {
    stack.reserve(n + 1);
    stack.push_back(0);
    in_stack[0] = 1;
  }
  int n;
  int b = 1;
  int root_child = -1;
  std::vector<int> stack;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;
  std::vector<uint8_t> in_stack;

  int s0() const { return stack.back(); }
  bool done() const { return b > n; }

  void AddArc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (h == 0) root_child = d;
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
      ++nl[h];
      lset[h] |= uint64_t{1} << (l & 63);
    } else {
      if (rc1[h] < 0 || d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (rc2[h] < 0 || d > rc2[h]) {
        rc2[h] = d;
      }
      ++nr[h];
      rset[h] |= uint64_t{1} << (l & 63);
    }
  }
  void Apply(int move, int l) {
    switch (move) {
      case kShift:
        stack.push_back(b);
        in_stack[b] = 1;
        ++b;
        break;
      case kReduce:
        in_stack[stack.back()] = 0;
        stack.pop_back();
        break;
      case kLeft:
        AddArc(b, stack.back(), l);
        in_stack[stack.back()] = 0;
        stack.pop_back();
        break;
      case kRight:
        AddArc(stack.back(), b, l);
        stack.push_back(b);
        in_stack[b] = 1;
        ++b;
        break;
    }
  }
};

// Which moves are allowed (labels apart): arcs only while the buffer has a
// word; the root takes one dependent, by RIGHT-ARC; REDUCE only a word
// with a head, LEFT-ARC only one without.
struct Allowed {
  bool shift = false, reduce = false, left = false, right = false;
  bool right_root_only = false;  // RIGHT-ARC from the root: label root
};
Allowed AllowedMoves(const State& st) {
  Allowed a;
  const int s0 = st.s0();
  const bool buffer = st.b <= st.n;
  a.shift = buffer;
  a.reduce = s0 != 0 && st.head[s0] >= 0;
  a.left = buffer && s0 != 0 && st.head[s0] < 0;
  if (buffer) {
    if (s0 == 0) {
      a.right = st.root_child < 0;
      a.right_root_only = true;
    } else {
      a.right = true;
    }
  }
  // SHIFT of the last word when the stack holds words without heads would
  // strand them; fine: they are attached after the last transition.
  return a;
}

// Calls f(move, label, class) for every allowed move, in the order the
// greedy parser breaks ties by (the first of equal scores wins).
template <typename F>
void ForEachMove(const Allowed& a, int L, int root_label, F&& f) {
  if (a.shift) f(kShift, 0, 0);
  if (a.reduce) f(kReduce, 0, 1);
  for (int l = 0; l < L; ++l) {
    if (l == root_label) continue;
    if (a.left) f(kLeft, l, 2 + l);
    if (a.right && !a.right_root_only) f(kRight, l, 2 + L + l);
  }
  if (a.right && a.right_root_only) f(kRight, root_label, 2 + L + root_label);
}

// Applies transition class `cls` (see Move) to *st.
void ApplyClass(State* st, int cls, int L) {
  if (cls == 0) {
    st->Apply(kShift, 0);
  } else if (cls == 1) {
    st->Apply(kReduce, 0);
  } else if (cls < 2 + L) {
    st->Apply(kLeft, cls - 2);
  } else {
    st->Apply(kRight, cls - 2 - L);
  }
}

// The best `width` of a step's candidate moves, best first; of equal
// scores the one offered first is kept (so decoding is deterministic).
template <typename Score>
class TopK {
 public:
  struct Item {
    Score score;
    int parent;  // hypothesis it extends
    int cls;     // its move's class, -1 for a finished hypothesis carried on
  };
  explicit TopK(int width) : width_(width) { items_.reserve(width + 1); }
  void Clear() { items_.clear(); }
  bool Wants(Score score) const {
    return static_cast<int>(items_.size()) < width_ || score > items_.back().score;
  }
  void Offer(Score score, int parent, int cls) {
    if (!Wants(score)) return;
    size_t i = items_.size();
    items_.push_back({score, parent, cls});
    while (i > 0 && items_[i - 1].score < score) {
      items_[i] = items_[i - 1];
      --i;
    }
    items_[i] = {score, parent, cls};
    if (static_cast<int>(items_.size()) > width_) items_.pop_back();
  }
  const std::vector<Item>& items() const { return items_; }

 private:
  int width_;
  std::vector<Item> items_;
};

uint64_t K(uint64_t t, uint64_t a) { return MixHash(t, a); }
uint64_t K(uint64_t t, uint64_t a, uint64_t b) {
  return MixHash(MixHash(t, a), b);
}
uint64_t K(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
  return MixHash(MixHash(MixHash(t, a), b), c);
}

int DistanceBucket(int d) {
  if (d <= 4) return d;
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

constexpr size_t kMaxFeatures = 128;

// Feature templates (Zhang and Nivre 2011, with cluster and context
// additions). The template ids are part of the model format.
size_t ExtractFeatures(const State& st, const std::vector<WordFeats>& wf,
                       uint64_t* f, int version) {
  static const WordFeats kAbsent;
  const int n = st.n;
  auto at = [&](int i) -> const WordFeats& {
    return i < 0 || i > n ? kAbsent : wf[i];
  };
  auto lab = [&](int i) -> uint64_t {
    return i < 0 ? kNone : static_cast<uint64_t>(st.label[i] + 7);
  };
  const int s0 = st.s0();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= n ? st.b : -1;
  const int n1 = n0 >= 0 && n0 + 1 <= n ? n0 + 1 : -1;
  const int n2 = n1 >= 0 && n1 + 1 <= n ? n1 + 1 : -1;
  const int s0h = s0 > 0 ? st.head[s0] : -1;
  const int s0h2 = s0h > 0 ? st.head[s0h] : -1;
  const int s0l = st.lc1[s0], s0l2 = st.lc2[s0];
  const int s0r = st.rc1[s0], s0r2 = st.rc2[s0];
  const int n0l = n0 >= 0 ? st.lc1[n0] : -1;
  const int n0l2 = n0 >= 0 ? st.lc2[n0] : -1;
  const WordFeats &S0 = at(s0), &N0 = at(n0), &N1 = at(n1), &N2 = at(n2);
  const WordFeats &S0h = at(s0h), &S0h2 = at(s0h2), &S0l = at(s0l),
                  &S0l2 = at(s0l2), &S0r = at(s0r), &S0r2 = at(s0r2),
                  &N0l = at(n0l), &N0l2 = at(n0l2), &S1 = at(s1);
  const uint64_t d =
      n0 >= 0 ? static_cast<uint64_t>(DistanceBucket(n0 - s0)) : kNone;
  const uint64_t s0vl = st.nl[s0], s0vr = st.nr[s0];
  const uint64_t n0vl = n0 >= 0 ? st.nl[n0] : kNone;
  const uint64_t s0sl = st.lset[s0], s0sr = st.rset[s0];
  const uint64_t n0sl = n0 >= 0 ? st.lset[n0] : kNone;
  const uint64_t s0hashead = s0 == 0 ? 2 : (s0h >= 0 ? 1 : 0);
  // Tags of the words next to s0 and n0 in the sentence.
  const WordFeats& S0next = at(s0 > 0 && s0 + 1 <= n ? s0 + 1 : -1);
  const WordFeats& N0prev = at(n0 > 1 ? n0 - 1 : -1);
  size_t k = 0;
  uint64_t t = 0;
  auto add = [&](uint64_t key) { f[k++] = key; };
  // Bias.
  add(K(++t, 1));
  // Single words.
  add(K(++t, S0.wp)); add(K(++t, S0.w)); add(K(++t, S0.p));
  add(K(++t, N0.wp)); add(K(++t, N0.w)); add(K(++t, N0.p));
  add(K(++t, N1.wp)); add(K(++t, N1.w)); add(K(++t, N1.p));
  add(K(++t, N2.wp)); add(K(++t, N2.w)); add(K(++t, N2.p));
  // Pairs.
  add(K(++t, S0.wp, N0.wp)); add(K(++t, S0.wp, N0.w)); add(K(++t, S0.w, N0.wp));
  add(K(++t, S0.wp, N0.p)); add(K(++t, S0.p, N0.wp)); add(K(++t, S0.w, N0.w));
  add(K(++t, S0.p, N0.p)); add(K(++t, N0.p, N1.p));
  // Triples.
  add(K(++t, N0.p, N1.p, N2.p)); add(K(++t, S0.p, N0.p, N1.p));
  add(K(++t, S0h.p, S0.p, N0.p)); add(K(++t, S0.p, S0l.p, N0.p));
  add(K(++t, S0.p, S0r.p, N0.p)); add(K(++t, S0.p, N0.p, N0l.p));
  // Distance.
  add(K(++t, S0.w, d)); add(K(++t, S0.p, d)); add(K(++t, N0.w, d));
  add(K(++t, N0.p, d)); add(K(++t, S0.w, N0.w, d)); add(K(++t, S0.p, N0.p, d));
  // Valency.
  add(K(++t, S0.w, s0vr)); add(K(++t, S0.p, s0vr)); add(K(++t, S0.w, s0vl));
  add(K(++t, S0.p, s0vl)); add(K(++t, N0.w, n0vl)); add(K(++t, N0.p, n0vl));
  // Unigrams of heads and children.
  add(K(++t, S0h.w)); add(K(++t, S0h.p)); add(K(++t, lab(s0)));
  add(K(++t, S0l.w)); add(K(++t, S0l.p)); add(K(++t, lab(s0l)));
  add(K(++t, S0r.w)); add(K(++t, S0r.p)); add(K(++t, lab(s0r)));
  add(K(++t, N0l.w)); add(K(++t, N0l.p)); add(K(++t, lab(n0l)));
  // Third order.
  add(K(++t, S0h2.w)); add(K(++t, S0h2.p)); add(K(++t, lab(s0h)));
  add(K(++t, S0l2.w)); add(K(++t, S0l2.p)); add(K(++t, lab(s0l2)));
  add(K(++t, S0r2.w)); add(K(++t, S0r2.p)); add(K(++t, lab(s0r2)));
  add(K(++t, N0l2.w)); add(K(++t, N0l2.p)); add(K(++t, lab(n0l2)));
  add(K(++t, S0.p, S0l.p, S0l2.p)); add(K(++t, S0.p, S0r.p, S0r2.p));
  add(K(++t, S0.p, S0h.p, S0h2.p)); add(K(++t, N0.p, N0l.p, N0l2.p));
  // Label sets.
  add(K(++t, S0.w, s0sr)); add(K(++t, S0.p, s0sr)); add(K(++t, S0.w, s0sl));
  add(K(++t, S0.p, s0sl)); add(K(++t, N0.w, n0sl)); add(K(++t, N0.p, n0sl));
  // Additions: whether s0 has its head, s1, neighbouring tags, labels of
  // the children with the pair.
  add(K(++t, s0hashead, S0.p, N0.p));
  add(K(++t, S1.p)); add(K(++t, S1.w)); add(K(++t, S1.p, S0.p, N0.p));
  add(K(++t, S0.p, S0next.p, N0.p)); add(K(++t, S0.p, N0prev.p, N0.p));
  add(K(++t, S0.p, N0.p, lab(s0l))); add(K(++t, S0.p, N0.p, lab(s0r)));
  add(K(++t, S0.p, N0.p, lab(n0l)));
  // Word clusters (Koo, Carreras and Collins 2008).
  add(K(++t, S0.c[0])); add(K(++t, S0.c[1])); add(K(++t, S0.c[2]));
  add(K(++t, N0.c[0])); add(K(++t, N0.c[1])); add(K(++t, N0.c[2]));
  add(K(++t, N1.c[1])); add(K(++t, N2.c[0]));
  add(K(++t, S0.c[1], N0.c[1])); add(K(++t, S0.c[0], N0.c[0], d));
  add(K(++t, S0.c[2], N0.p)); add(K(++t, S0.p, N0.c[2]));
  add(K(++t, S0.c[1], N0.p, N1.p)); add(K(++t, S0.p, N0.c[1], N1.p));
  add(K(++t, S0h.c[1], S0.p, N0.p)); add(K(++t, N0.c[1], N1.c[1]));
  add(K(++t, S0.c[1], s0hashead, N0.c[1]));
  // v2: lookahead past names.
  add(K(++t, S0.p, N0.p, N0.after_name)); add(K(++t, N0.w, N0.after_name));
  add(K(++t, S0.w, N0.p, N0.after_name));
  if (version < 3) return k;
  // v3: word pairs in the buffer, the second stack word with the first,
  // clusters of the words around s0 and n0, and one word further ahead.
  const int s1h = s1 > 0 ? st.head[s1] : -1;
  const int n3 = n2 >= 0 && n2 + 1 <= n ? n2 + 1 : -1;
  const WordFeats& N3 = at(n3);
  add(K(++t, N0.w, N1.w)); add(K(++t, N0.wp, N1.p)); add(K(++t, N0.p, N1.wp));
  add(K(++t, S1.wp)); add(K(++t, S1.p, S0.p)); add(K(++t, S1.w, S0.w));
  add(K(++t, S1.p, S0.p, lab(s1)));
  add(K(++t, S1.p, S0.p, s1h >= 0 ? 1 : 0));
  add(K(++t, S0h.c[1], S0.c[1])); add(K(++t, S0l.c[1], S0.p));
  add(K(++t, S0r.c[1], S0.p)); add(K(++t, N0l.c[1], N0.p));
  add(K(++t, N1.c[2])); add(K(++t, N1.p, N2.p, N3.p));
  return k;
}

// What each template of ExtractFeatures depends on, in its order: 'B' the
// buffer front alone (and the sentence), 'S' the stack top and the buffer
// front as words (not what has been attached to them), 'D' the rest of the
// state (heads, children, labels, valencies, s1). The bias counts as 'B'.
constexpr char kFeatureGroups[] =
    "B" "SSS" "BBBBBBBBB" "SSSSSSS" "B"          // 1-21
    "B" "S" "DDDD"                               // triples
    "SSSSSS" "DDDDDD"                            // distance, valency
    "DDDDDDDDDDDD" "DDDDDDDDDDDD" "DDDD"         // heads and children
    "DDDDDD" "D" "DDD" "SS" "DDD"                // label sets, additions
    "SSS" "BBB" "BB" "SSSSSS" "D" "B" "D"        // clusters
    "SBS"                                        // v2: after names
    "BBB" "DDDDD" "DDDD" "BB";                   // v3
static_assert(sizeof(kFeatureGroups) - 1 == 116);

// Scores parser states for one sentence, remembering the sums of the
// feature groups that repeat: the 'B' group per buffer front (greedy
// parsing reads each front about twice, a beam's hypotheses more often), the
// 'S' group per (stack top, buffer front) pair (a beam's hypotheses often
// differ only in a label). Integer sums in another order: the same scores as
// PerceptronWeights::Score over all features. One per sentence and thread.
class StateScorer {
 public:
  StateScorer(const PerceptronWeights& weights,
              const std::vector<WordFeats>& wf, int version, bool memo)
      : weights_(weights),
        wf_(wf),
        version_(version),
        classes_(weights.classes()),
        rows_(static_cast<size_t>(kBufferRows + kPairRows) * classes_),
        tags_(kBufferRows + kPairRows, -1) {
    if (memo) cache_.emplace();
  }

  // Sets scores[0..classes) (overwriting) for state `st`.
  void Score(const State& st, int32_t* scores) {
    uint64_t f[kMaxFeatures];
    const size_t nf = ExtractFeatures(st, wf_, f, version_);
    uint64_t dynamic[kMaxFeatures];
    size_t nd = 0;
    for (size_t i = 0; i < nf; ++i)
      if (kFeatureGroups[i] == 'D') dynamic[nd++] = f[i];
    std::fill(scores, scores + classes_, 0);
    Lookup(dynamic, nd, scores);
    const int32_t* b = Group(f, nf, 'B', st.b % kBufferRows, st.b);
    const int64_t pair = static_cast<int64_t>(st.s0()) * 4096 + st.b;
    const int32_t* s = Group(
        f, nf, 'S', kBufferRows + static_cast<int>(MixHash(pair, 7) % kPairRows),
        pair);
    for (int c = 0; c < classes_; ++c) scores[c] += b[c] + s[c];
#ifndef NDEBUG
    // kFeatureGroups must follow ExtractFeatures: a template put in the
    // wrong group would score stale sums. Debug builds check every state.
    std::vector<int32_t> full(classes_, 0);
    weights_.Score(f, nf, full.data());
    for (int c = 0; c < classes_; ++c)
      if (full[c] != scores[c]) std::abort();
#endif
  }

 private:
  static constexpr int kBufferRows = 16;
  static constexpr int kPairRows = 64;

  void Lookup(const uint64_t* keys, size_t n, int32_t* scores) {
    if (cache_) {
      weights_.Score(keys, n, scores, &*cache_);
    } else {
      weights_.Score(keys, n, scores);
    }
  }
  // The sum of group `g`'s rows, from row `row` of the memo when it holds
  // the sum for `tag`.
  const int32_t* Group(const uint64_t* f, size_t nf, char g, int row,
                       int64_t tag) {
    int32_t* out = rows_.data() + static_cast<size_t>(row) * classes_;
    if (tags_[row] == tag) return out;
    uint64_t keys[kMaxFeatures];
    size_t n = 0;
    for (size_t i = 0; i < nf; ++i)
      if (kFeatureGroups[i] == g) keys[n++] = f[i];
    std::fill(out, out + classes_, 0);
    Lookup(keys, n, out);
    tags_[row] = tag;
    return out;
  }

  const PerceptronWeights& weights_;
  const std::vector<WordFeats>& wf_;
  const int version_;
  const int classes_;
  // A memo of lookups, for a beam (whose hypotheses share most keys).
  std::optional<PerceptronWeights::LookupCache> cache_;
  std::vector<int32_t> rows_;
  std::vector<int64_t> tags_;
};

std::vector<WordFeats> AnalyseWords(
    const std::vector<std::string_view>& words,
    const std::vector<std::string_view>& tags, size_t begin, size_t end,
    const WordClusterTable* clusters) {
  std::vector<WordFeats> wf(end - begin + 1);
  wf[0].w = kRootWord;
  wf[0].p = kRootWord;
  wf[0].wp = kRootWord;
  for (size_t i = begin; i < end; ++i) {
    WordFeats& f = wf[i - begin + 1];
    f.w = ClusterKey(words[i]);
    f.p = i < tags.size() ? Hash64(tags[i]) : kNone;
    f.wp = MixHash(f.w, f.p);
    if (clusters != nullptr) {
      auto it = clusters->find(f.w);
      if (it != clusters->end()) {
        for (size_t g = 0; g < 3 && g < it->second.size(); ++g) {
          f.c[g] = static_cast<uint64_t>(it->second[g]) + 1000 * (g + 1);
        }
      }
    }
  }
  // Right to left: the tag after each run of NNP/NNPS words.
  uint64_t after = kNone;
  for (size_t i = end; i-- > begin;) {
    const std::string_view tag = i < tags.size() ? tags[i] : std::string_view();
    const bool name = tag == "NNP" || tag == "NNPS";
    WordFeats& f = wf[i - begin + 1];
    f.after_name = name ? after : kNone;
    if (!name) after = f.p;
  }
  return wf;
}

bool IsPunctTag(std::string_view tag) {
  return tag == "." || tag == "," || tag == ":" || tag == "``" ||
         tag == "(" || tag == ")" || tag == "\"" ||
         tag == "''" || tag == "-LRB-" || tag == "-RRB-" || tag == "HYPH" ||
         tag == "NFP" || tag == "#" || tag == "$";
}

// Attaches the words left without a head after the last transition: to the
// root's dependent when there is one (as punct or parataxis), else the
// first of them becomes it.
void FinishTree(State* st, const std::vector<std::string_view>& tags,
                size_t begin, int root_label, int punct_label,
                int parataxis_label) {
  for (int i = 1; i <= st->n; ++i) {
    if (st->head[i] >= 0) continue;
    if (st->root_child < 0) {
      st->AddArc(0, i, root_label);
      continue;
    }
    const size_t ti = begin + i - 1;
    const bool punct = ti < tags.size() && IsPunctTag(tags[ti]);
    st->AddArc(st->root_child, i, punct ? punct_label : parataxis_label);
  }
}

// UD lets no possessor be a verb's object: a word whose case is a
// possessive "'s" (tag POS) hung on a verb as obj or iobj, with the noun
// after its "'s" hung on the same verb ("accepted Kim Jong Un 's
// invitation": "Kim" obj, "invitation" a second obj), is that noun's
// nmod:poss, and the noun takes the relation the possessor had. The
// greedy parser decides on "Kim" before it reads the "'s"; this mends the
// tree it leaves, which UD's validator would reject.
void RepairPossessors(const std::vector<std::string_view>& tags, int obj,
                      int iobj, int poss, int case_label,
                      DependencyTree* tree) {
  const int total = static_cast<int>(tree->heads.size());
  for (int c = 0; c < total && c < static_cast<int>(tags.size()); ++c) {
    if (tags[c] != "POS" || tree->labels[c] != case_label) continue;
    const int p = tree->heads[c];
    if (p < 0 || p >= c) continue;
    const int v = tree->heads[p];
    const int rel = tree->labels[p];
    if (v < 0 || (rel != obj && rel != iobj) || tags[v].substr(0, 2) != "VB")
      continue;
    // The possessed noun: the first word after the "'s" that hangs on the
    // verb, within a short noun phrase.
    for (int n = c + 1; n < total && n <= c + 6; ++n) {
      if (tree->heads[n] != v) continue;
      if (tags[n].substr(0, 2) == "NN") {
        tree->heads[p] = n;
        tree->labels[n] = rel;
        tree->labels[p] = poss;
      }
      break;
    }
  }
}

// Keeps the `width` best hypotheses at each step (each a copy of its state:
// at most kMaxSentenceTokens words) until all have read the whole buffer,
// then leaves the best in *st. A finished hypothesis is carried on with its
// score while others still move.
// `score(state, scores)` sets the scores of every joint class.
template <typename Scorer>
void BeamParse(int L, int root_label, int width, int classes, State* st,
               const Scorer& score) {
  std::vector<int32_t> scores(classes);
  // Two sets of `width` states used in turn, so their storage is reused
  // from step to step.
  std::vector<State> beam(width, *st), next(width, *st);
  std::vector<int64_t> beam_score(width, 0), next_score(width, 0);
  size_t size = 1;
  TopK<int64_t> top(width);
  while (true) {
    top.Clear();
    bool open = false;
    for (size_t h = 0; h < size; ++h) {
      const State& s = beam[h];
      const int64_t base = beam_score[h];
      if (s.done()) {
        top.Offer(base, static_cast<int>(h), -1);
        continue;
      }
      open = true;
      score(s, scores.data());
      ForEachMove(AllowedMoves(s), L, root_label, [&](int, int, int cls) {
        top.Offer(base + scores[cls], static_cast<int>(h), cls);
      });
    }
    if (!open) break;
    const auto& items = top.items();
    for (size_t i = 0; i < items.size(); ++i) {
      next[i] = beam[items[i].parent];
      if (items[i].cls >= 0) ApplyClass(&next[i], items[i].cls, L);
      next_score[i] = items[i].score;
    }
    size = items.size();
    std::swap(beam, next);
    std::swap(beam_score, next_score);
  }
  *st = std::move(beam[0]);
}

int LabelOf(const std::vector<std::string>& labels, std::string_view name) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

DependencyParser::DependencyParser() = default;
DependencyParser::~DependencyParser() = default;
DependencyParser::DependencyParser(DependencyParser&&) noexcept = default;
DependencyParser& DependencyParser::operator=(DependencyParser&&) noexcept =
    default;

int DependencyParser::LabelId(std::string_view label) const {
  return LabelOf(labels_, label);
}

void DependencyParser::Parse(const std::vector<std::string_view>& words,
                             const std::vector<std::string_view>& tags,
                             DependencyTree* tree) const {
  const size_t total = words.size();
  tree->heads.assign(total, -1);
  tree->labels.assign(total, root_label_);
  const int L = static_cast<int>(labels_.size());
  const int classes = weights_.classes();
  std::vector<int32_t> scores(std::max(classes, 1));
  int first_root = -1;
  for (size_t begin = 0; begin < total; begin += kMaxSentenceTokens) {
    const size_t end = std::min(total, begin + kMaxSentenceTokens);
    const int n = static_cast<int>(end - begin);
    std::vector<WordFeats> wf =
        AnalyseWords(words, tags, begin, end, clusters_.get());
    State st(n);
    StateScorer scorer(weights_, wf, feature_version_, beam_ > 1);
    if (beam_ > 1 && classes > 0) {
      BeamParse(L, root_label_, beam_, classes, &st,
                [&](const State& s, int32_t* scores) {
                  scorer.Score(s, scores);
                });
    }
    while (!st.done() && classes > 0) {
      const Allowed a = AllowedMoves(st);
      scorer.Score(st, scores.data());
      int best_move = -1, best_label = 0;
      int32_t best = 0;
      ForEachMove(a, L, root_label_, [&](int move, int l, int cls) {
        if (best_move < 0 || scores[cls] > best) {
          best = scores[cls];
          best_move = move;
          best_label = l;
        }
      });
      if (best_move < 0) break;
      st.Apply(best_move, best_label);
    }
    FinishTree(&st, tags, begin, root_label_, punct_label_, parataxis_label_);
    for (int i = 1; i <= n; ++i) {
      const size_t w = begin + i - 1;
      const int h = st.head[i];
      tree->labels[w] = st.label[i];
      if (h == 0) {
        if (first_root < 0) {
          first_root = static_cast<int>(w);
          tree->heads[w] = -1;
        } else {
          // A later piece of a cut sentence hangs from the first root.
          tree->heads[w] = first_root;
          tree->labels[w] = parataxis_label_;
        }
      } else {
        tree->heads[w] = static_cast<int>(begin) + h - 1;
      }
    }
  }
  if (std::find(tags.begin(), tags.end(), "POS") != tags.end()) {
    const int obj = LabelId("obj"), iobj = LabelId("iobj");
    const int poss = LabelId("nmod:poss"), case_label = LabelId("case");
    if (obj >= 0 && poss >= 0 && case_label >= 0)
      RepairPossessors(tags, obj, iobj, poss, case_label, tree);
  }
}

Status DependencyParser::Save(const std::string& path) const {
  std::string out = kMagic;
  out += "\nfeature_set\t";
  out += feature_version_ >= 3 ? kFeatureSetV3 : kFeatureSet;
  out += "\nlabels\t";
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (i) out += ' ';
    out += labels_[i];
  }
  out += '\n';
  // Only beam-trained models say so: a greedy model's file is as before.
  if (beam_ > 1) out += "beam\t" + std::to_string(beam_) + "\n";
  for (const auto& [k, v] : info_) {
    out += "info\t" + k + "\t";
    for (char c : v) out += (c == '\n' || c == '\t') ? ' ' : c;
    out += '\n';
  }
  if (clusters_ != nullptr && !clusters_->empty()) {
    std::vector<const std::pair<const uint64_t, std::vector<uint16_t>>*> items;
    for (const auto& kv : *clusters_) items.push_back(&kv);
    std::sort(items.begin(), items.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    out += "clusters\t" + std::to_string(items.size()) + "\t3\n";
    for (const auto* kv : items) {
      for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<char>(kv->first >> (8 * i)));
      for (size_t g = 0; g < 3; ++g) {
        const uint16_t c = g < kv->second.size() ? kv->second[g] : 65535;
        out.push_back(static_cast<char>(c & 0xff));
        out.push_back(static_cast<char>(c >> 8));
      }
    }
  }
  weights_.Serialize(&out);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(path, "cannot open for writing");
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  f.close();
  if (!f) return Status::IOError(path, "write failed");
  return Status::OK();
}

Status DependencyParser::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) return Status::IOError(path, "cannot open");
  // One sized read: a character iterator over a 27 MB model costs seconds
  // in unoptimised (sanitizer) builds.
  const std::streamoff size = f.tellg();
  if (size < 0) return Status::IOError(path, "cannot read");
  std::string data(static_cast<size_t>(size), '\0');
  f.seekg(0);
  if (!f.read(data.data(), size)) return Status::IOError(path, "cannot read");
  return Parse(data, path);
}

Status DependencyParser::Parse(std::string_view data, const std::string& name) {
  auto bad = [&](const std::string& why) {
    return Status::Corruption(name, why);
  };
  size_t pos = 0;
  auto next_line = [&](std::string_view* line) {
    if (pos >= data.size()) return false;
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    *line = data.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(&line) || line != kMagic)
    return bad("not a dateline dependency parser model");
  DependencyParser m;
  while (true) {
    const size_t line_start = pos;
    if (!next_line(&line)) return bad("truncated header");
    const size_t tab = line.find('\t');
    const std::string_view key = line.substr(0, tab);
    const std::string_view value =
        tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
    if (key == "feature_set") {
      if (value == kFeatureSet) {
        m.feature_version_ = 2;
      } else if (value == kFeatureSetV3) {
        m.feature_version_ = 3;
      } else {
        return bad("feature set " + std::string(value) + ", this build reads " +
                   kFeatureSet + " and " + kFeatureSetV3);
      }
    } else if (key == "labels") {
      std::istringstream in{std::string(value)};
      std::string l;
      while (in >> l) m.labels_.push_back(l);
    } else if (key == "beam") {
      const int width = std::atoi(std::string(value).c_str());
      if (width < 1 || width > kMaxBeam) return bad("bad beam width");
      m.beam_ = width;
    } else if (key == "info") {
      const size_t t2 = value.find('\t');
      m.info_.emplace_back(std::string(value.substr(0, t2)),
                           t2 == std::string_view::npos
                               ? std::string()
                               : std::string(value.substr(t2 + 1)));
    } else if (key == "clusters") {
      const unsigned long long count =
          std::strtoull(std::string(value).c_str(), nullptr, 10);
      if (count > (data.size() - pos) / 14) return bad("truncated clusters");
      auto table = std::make_shared<WordClusterTable>();
      table->reserve(count);
      const auto* u = reinterpret_cast<const unsigned char*>(data.data());
      for (size_t i = 0; i < count; ++i) {
        uint64_t k = 0;
        for (int b = 0; b < 8; ++b)
          k |= static_cast<uint64_t>(u[pos + b]) << (8 * b);
        std::vector<uint16_t> cls(3);
        for (int g = 0; g < 3; ++g)
          cls[g] = static_cast<uint16_t>(u[pos + 8 + 2 * g] |
                                         (u[pos + 9 + 2 * g] << 8));
        pos += 14;
        (*table)[k] = std::move(cls);
      }
      m.clusters_ = std::move(table);
    } else if (key == "weights") {
      pos = line_start;
      break;
    } else {
      return bad("unknown header line '" + std::string(key) + "'");
    }
  }
  const int L = static_cast<int>(m.labels_.size());
  if (L == 0 || 2 + 2 * L > PerceptronWeights::kMaxClasses)
    return bad("bad label count");
  m.root_label_ = m.LabelId("root");
  m.punct_label_ = m.LabelId("punct");
  m.parataxis_label_ = m.LabelId("parataxis");
  if (m.root_label_ < 0 || m.punct_label_ < 0 || m.parataxis_label_ < 0)
    return bad("labels root, punct and parataxis are required");
  Status s = m.weights_.Parse(name, data, &pos, 2 + 2 * L);
  if (!s.ok()) return s;
  *this = std::move(m);
  return Status::OK();
}

Status DependencyParser::Mean(const std::vector<const DependencyParser*>& parts,
                              DependencyParser* out) {
  if (parts.empty()) return Status::InvalidArgument("no parsers to mix");
  std::vector<const PerceptronWeights*> weights;
  for (const DependencyParser* p : parts) {
    if (p->labels_ != parts[0]->labels_)
      return Status::InvalidArgument("parsers with different labels");
    weights.push_back(&p->weights_);
  }
  DependencyParser m;
  m.labels_ = parts[0]->labels_;
  m.root_label_ = parts[0]->root_label_;
  m.punct_label_ = parts[0]->punct_label_;
  m.parataxis_label_ = parts[0]->parataxis_label_;
  m.clusters_ = parts[0]->clusters_;
  m.beam_ = parts[0]->beam_;
  m.feature_version_ = parts[0]->feature_version_;
  m.info_ = parts[0]->info_;
  m.weights_ = PerceptronWeights::Mean(weights);
  *out = std::move(m);
  return Status::OK();
}

int Projectivize(std::vector<int>* heads_ptr) {
  std::vector<int>& heads = *heads_ptr;
  const int n = static_cast<int>(heads.size());
  int lifts = 0;
  // An arc (h, d) is non-projective when a word strictly between them is not
  // dominated by h.
  auto dominated = [&](int h, int w) {
    for (int steps = 0; w >= 0 && steps <= n; ++steps) {
      if (w == h) return true;
      w = heads[w];
    }
    return false;
  };
  while (true) {
    int best = -1, best_len = n + 1;
    for (int d = 0; d < n; ++d) {
      const int h = heads[d];
      if (h < 0) continue;
      const int lo = std::min(h, d), hi = std::max(h, d);
      if (hi - lo >= best_len) continue;
      for (int w = lo + 1; w < hi; ++w) {
        if (!dominated(h, w)) {
          best = d;
          best_len = hi - lo;
          break;
        }
      }
    }
    if (best < 0 || lifts > 4 * n) return lifts;
    heads[best] = heads[heads[best]];
    ++lifts;
  }
}

// Trains with the dynamic oracle: every state's moves are scored by how many
// gold arcs each makes unreachable; the model is updated towards the best
// move of least cost whenever its own choice costs more.
class ParserTrainer {
 public:
  ParserTrainer(const std::vector<ParserExample>& examples,
                const ParserTrainOptions& options)
      : examples_(examples), options_(options) {}

  Status Train(DependencyParser* model, int* best_epoch, double* best_score);

 private:
  struct Gold {
    std::vector<int> head;   // 1-based, 0 = root
    std::vector<int> label;  // label id
    std::vector<std::vector<int>> children;
  };
  void TrainSentence(const ParserExample& ex, const Gold& gold,
                     PerceptronTrainer* trainer, std::mt19937_64* rng,
                     bool explore);
  void TrainSentenceBeam(const ParserExample& ex, const Gold& gold,
                         PerceptronTrainer* trainer);
  void MoveCosts(const State& st, const Gold& gold, const Allowed& a,
                 std::vector<int>* cost_of) const;

  const std::vector<ParserExample>& examples_;
  const ParserTrainOptions& options_;
  std::vector<std::string> labels_;
  int root_label_ = 0;
};

// The dynamic oracle's cost of every allowed class in `st`: how many gold
// arcs (a wrong label counts as one) the move makes unreachable. Classes
// not allowed get -1.
void ParserTrainer::MoveCosts(const State& st, const Gold& gold,
                              const Allowed& a, std::vector<int>* cost_of) const {
  const int L = static_cast<int>(labels_.size());
  const int s0 = st.s0(), b = st.b;
  // Unlabelled costs of the four moves.
  int c_shift = 0, c_reduce = 0, c_left = 0, c_right = 0;
  if (a.shift) {
    if (st.in_stack[gold.head[b]]) ++c_shift;
    for (int k : gold.children[b])
      if (st.in_stack[k] && st.head[k] < 0) ++c_shift;
  }
  if (a.reduce || a.left) {
    int lost_children = 0;
    for (int k : gold.children[s0])
      if (k >= b) ++lost_children;
    c_reduce = lost_children;
    c_left = lost_children;
    const int gh = gold.head[s0];
    if (gh > b) ++c_left;
  }
  if (a.right) {
    const int gh = gold.head[b];
    if (gh != s0 && (gh > b || st.in_stack[gh])) ++c_right;
    for (int k : gold.children[b])
      if (st.in_stack[k] && st.head[k] < 0) ++c_right;
  }
  cost_of->assign(2 + 2 * L, -1);
  ForEachMove(a, L, root_label_, [&](int move, int l, int cls) {
    int c = 0;
    switch (move) {
      case kShift: c = c_shift; break;
      case kReduce: c = c_reduce; break;
      case kLeft:
        c = c_left + (gold.head[s0] == b && gold.label[s0] != l);
        break;
      case kRight:
        c = c_right;
        if (!a.right_root_only)
          c += gold.head[b] == s0 && gold.label[b] != l;
        break;
    }
    (*cost_of)[cls] = c;
  });
}

void ParserTrainer::TrainSentence(const ParserExample& ex, const Gold& gold,
                                  PerceptronTrainer* trainer,
                                  std::mt19937_64* rng, bool explore) {
  const int n = static_cast<int>(ex.words.size());
  const int L = static_cast<int>(labels_.size());
  std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
  std::vector<std::string_view> tags(ex.tags.begin(), ex.tags.end());
  std::vector<WordFeats> wf =
      AnalyseWords(words, tags, 0, n, options_.clusters.get());
  State st(n);
  std::vector<float> scores(2 + 2 * L);
  uint64_t feats[kMaxFeatures];
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<int> cost_of;
  while (!st.done()) {
    const Allowed a = AllowedMoves(st);
    MoveCosts(st, gold, a, &cost_of);
    std::fill(scores.begin(), scores.end(), 0.0f);
    const size_t nf = ExtractFeatures(st, wf, feats, options_.feature_version);
    trainer->Score(feats, nf, scores.data());
    int pred = -1, best_gold = -1, min_cost = 1 << 30;
    float pred_score = 0, gold_score = 0;
    ForEachMove(a, L, root_label_, [&](int, int, int cls) {
      const int cost = cost_of[cls];
      if (pred < 0 || scores[cls] > pred_score) {
        pred = cls;
        pred_score = scores[cls];
      }
      if (cost < min_cost ||
          (cost == min_cost && scores[cls] > gold_score)) {
        min_cost = cost;
        best_gold = cls;
        gold_score = scores[cls];
      }
    });
    if (pred < 0) break;
    if (cost_of[pred] > min_cost) {
      trainer->Update(feats, nf, best_gold, 1.0f);
      trainer->Update(feats, nf, pred, -1.0f);
    }
    trainer->Tick();
    const int next =
        explore && cost_of[pred] > min_cost && coin(*rng) < options_.explore
            ? pred
            : best_gold;
    ApplyClass(&st, next, L);
  }
}

// Global training over the beam (Zhang and Nivre 2011; Huang, Fayong and
// Guo 2012). Two beams advance side by side: the model's own, and a gold
// beam that extends each of its hypotheses only by that state's least-cost
// moves (the dynamic oracle's costs, so every derivation of the gold tree
// counts as gold, not one canonical sequence). At the step where the model's
// best hypothesis, when it costs more than the gold beam's best, outscores
// it by the most, the weights move towards the gold best's moves and away
// from the model's best's (their shared prefix cancels).
void ParserTrainer::TrainSentenceBeam(const ParserExample& ex, const Gold& gold,
                                      PerceptronTrainer* trainer) {
  const int n = static_cast<int>(ex.words.size());
  const int L = static_cast<int>(labels_.size());
  const int width = options_.beam;
  std::vector<std::string_view> words(ex.words.begin(), ex.words.end());
  std::vector<std::string_view> tags(ex.tags.begin(), ex.tags.end());
  std::vector<WordFeats> wf =
      AnalyseWords(words, tags, 0, n, options_.clusters.get());
  std::vector<float> scores(2 + 2 * L);
  uint64_t feats[kMaxFeatures];
  std::vector<int> cost_of;
  struct Beam {
    std::vector<State> states, next;
    std::vector<double> score, next_score;
    std::vector<int> cost, next_cost;
    size_t size = 1;
    // history[t][i]: the hypothesis i of step t+1 came from hypothesis
    // .first of step t by class .second (-1: carried on, finished).
    std::vector<std::vector<std::pair<int, int>>> history;
  };
  Beam beams[2];  // 0: the model's, 1: gold
  for (Beam& bm : beams) {
    bm.states.assign(width, State(n));
    bm.next.assign(width, State(n));
    bm.score.assign(width, 0.0);
    bm.next_score.assign(width, 0.0);
    bm.cost.assign(width, 0);
    bm.next_cost.assign(width, 0);
  }
  TopK<double> top(width);
  // The weights do not change during the search (the update comes after),
  // so lookups are remembered for the whole sentence.
  PerceptronTrainer::LookupCache cache;
  double max_violation = 0;
  int violation_step = -1;  // steps taken when it was measured
  int steps = 0;
  while (true) {
    bool open = false;
    for (int g = 0; g < 2; ++g) {
      Beam& bm = beams[g];
      top.Clear();
      for (size_t h = 0; h < bm.size; ++h) {
        const State& st = bm.states[h];
        if (st.done()) {
          top.Offer(bm.score[h], static_cast<int>(h), -1);
          continue;
        }
        open = true;
        const Allowed a = AllowedMoves(st);
        MoveCosts(st, gold, a, &cost_of);
        int min_cost = 1 << 30;
        for (int c : cost_of)
          if (c >= 0) min_cost = std::min(min_cost, c);
        std::fill(scores.begin(), scores.end(), 0.0f);
        const size_t nf =
            ExtractFeatures(st, wf, feats, options_.feature_version);
        trainer->Score(feats, nf, scores.data(), &cache);
        ForEachMove(a, L, root_label_, [&](int, int, int cls) {
          if (g == 1 && cost_of[cls] != min_cost) return;
          top.Offer(bm.score[h] + scores[cls], static_cast<int>(h), cls);
        });
      }
      const auto& items = top.items();
      bm.history.emplace_back();
      for (size_t i = 0; i < items.size(); ++i) {
        const int p = items[i].parent, cls = items[i].cls;
        bm.next[i] = bm.states[p];
        bm.next_cost[i] = bm.cost[p];
        if (cls >= 0) {
          // Costs of the parent's moves again: cheap next to the features.
          MoveCosts(bm.states[p], gold, AllowedMoves(bm.states[p]), &cost_of);
          bm.next_cost[i] += cost_of[cls];
          ApplyClass(&bm.next[i], cls, L);
        }
        bm.next_score[i] = items[i].score;
        bm.history.back().emplace_back(p, cls);
      }
      bm.size = items.size();
      std::swap(bm.states, bm.next);
      std::swap(bm.score, bm.next_score);
      std::swap(bm.cost, bm.next_cost);
    }
    if (!open) break;
    ++steps;
    const Beam &pb = beams[0], &gb = beams[1];
    if (pb.cost[0] > gb.cost[0]) {
      const double v = pb.score[0] - gb.score[0];
      if (v >= max_violation) {
        max_violation = v;
        violation_step = steps;
      }
    }
  }
  for (int t = 0; t < steps; ++t) trainer->Tick();
  if (violation_step < 0) return;
  // The classes of the best hypothesis of each beam at violation_step.
  auto path = [&](const Beam& bm) {
    std::vector<int> classes(violation_step);
    int i = 0;
    for (int t = violation_step; t-- > 0;) {
      classes[t] = bm.history[t][i].second;
      i = bm.history[t][i].first;
    }
    return classes;
  };
  const std::vector<int> pred = path(beams[0]), best = path(beams[1]);
  size_t shared = 0;
  State st(n);
  while (shared < pred.size() && pred[shared] == best[shared]) {
    if (pred[shared] >= 0) ApplyClass(&st, pred[shared], L);
    ++shared;
  }
  for (int g = 0; g < 2; ++g) {
    const std::vector<int>& classes = g == 0 ? pred : best;
    State s = st;
    const float delta = g == 0 ? -1.0f : 1.0f;
    for (size_t t = shared; t < classes.size(); ++t) {
      const int cls = classes[t];
      if (cls < 0) continue;
      const size_t nf = ExtractFeatures(s, wf, feats, options_.feature_version);
      trainer->Update(feats, nf, cls, delta);
      ApplyClass(&s, cls, L);
    }
  }
}

Status ParserTrainer::Train(DependencyParser* model, int* best_epoch,
                            double* best_score) {
  if (examples_.empty()) return Status::InvalidArgument("no training data");
  // The uptraining pool, after the treebank: example i >= examples_.size()
  // is extra[i - examples_.size()].
  const std::vector<ParserExample> no_extra;
  const std::vector<ParserExample>& extra =
      options_.extra != nullptr && options_.extra_per_epoch > 0
          ? *options_.extra
          : no_extra;
  auto example = [&](size_t i) -> const ParserExample& {
    return i < examples_.size() ? examples_[i] : extra[i - examples_.size()];
  };
  const size_t total = examples_.size() + extra.size();
  // Labels in order of first appearance, root first.
  labels_ = {"root", "punct", "parataxis"};
  for (size_t e = 0; e < total; ++e) {
    const ParserExample& ex = example(e);
    if (ex.words.size() != ex.tags.size() || ex.words.size() != ex.heads.size() ||
        ex.words.size() != ex.labels.size()) {
      return Status::InvalidArgument("words, tags, heads and labels differ in length");
    }
    for (size_t i = 0; i < ex.words.size(); ++i) {
      if (ex.heads[i] < -1 || ex.heads[i] >= static_cast<int>(ex.words.size()))
        return Status::InvalidArgument("head outside its sentence");
      if (LabelOf(labels_, ex.labels[i]) < 0) labels_.push_back(ex.labels[i]);
    }
  }
  const int L = static_cast<int>(labels_.size());
  if (2 + 2 * L > PerceptronWeights::kMaxClasses)
    return Status::InvalidArgument("too many labels");
  root_label_ = 0;
  std::vector<Gold> golds(total);
  int lifted = 0;
  for (size_t e = 0; e < total; ++e) {
    const ParserExample& ex = example(e);
    std::vector<int> heads = ex.heads;
    lifted += Projectivize(&heads);
    const int n = static_cast<int>(heads.size());
    Gold& g = golds[e];
    g.head.assign(n + 1, -1);
    g.label.assign(n + 1, -1);
    g.children.assign(n + 1, {});
    for (int i = 0; i < n; ++i) {
      g.head[i + 1] = heads[i] + 1;
      g.label[i + 1] = LabelOf(labels_, ex.labels[i]);
      g.children[heads[i] + 1].push_back(i + 1);
    }
  }
  model->AddInfo("projectivised", std::to_string(lifted) + " lifts");
  PerceptronTrainer trainer(2 + 2 * L);
  std::mt19937_64 rng(options_.seed);
  std::vector<size_t> order(examples_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // The extra pool's order and its mixing with the treebank come from a
  // generator of their own, so the treebank's order and exploration draws
  // stay those of a run without extra data.
  std::mt19937_64 extra_rng(options_.seed ^ 0x9e3779b97f4a7c15ULL);
  std::vector<size_t> extra_order(extra.size());
  for (size_t i = 0; i < extra.size(); ++i)
    extra_order[i] = examples_.size() + i;
  for (size_t i = extra_order.size(); i > 1; --i)
    std::swap(extra_order[i - 1], extra_order[extra_rng() % i]);
  size_t extra_next = 0;
  std::vector<size_t> epoch_order;
  double best = -1;
  int best_at = 0, since_best = 0;
  DependencyParser best_model;
  for (int epoch = 1; epoch <= options_.epochs; ++epoch) {
    // Fisher-Yates with the seeded generator: the same order everywhere.
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[rng() % i]);
    }
    const std::vector<size_t>* visit = &order;
    if (!extra.empty()) {
      epoch_order = order;
      const size_t take = std::min(options_.extra_per_epoch, extra.size());
      for (size_t k = 0; k < take; ++k) {
        epoch_order.push_back(extra_order[extra_next]);
        extra_next = (extra_next + 1) % extra_order.size();
      }
      for (size_t i = epoch_order.size(); i > 1; --i)
        std::swap(epoch_order[i - 1], epoch_order[extra_rng() % i]);
      visit = &epoch_order;
    }
    const bool explore = epoch >= options_.explore_from && options_.explore > 0;
    const bool global = options_.beam > 1 && epoch >= options_.beam_from;
    for (size_t i : *visit) {
      const ParserExample& ex = example(i);
      if (ex.words.empty()) continue;
      if (global) {
        TrainSentenceBeam(ex, golds[i], &trainer);
      } else {
        TrainSentence(ex, golds[i], &trainer, &rng, explore);
      }
    }
    DependencyParser m;
    m.labels_ = labels_;
    m.root_label_ = 0;
    m.punct_label_ = 1;
    m.parataxis_label_ = 2;
    m.clusters_ = options_.clusters;
    m.feature_version_ = options_.feature_version;
    m.beam_ = std::clamp(
        options_.decode_beam > 0 ? options_.decode_beam : options_.beam, 1,
        DependencyParser::kMaxBeam);
    m.weights_ = trainer.Averaged(options_.prune);
    m.info_ = model->info_;
    const double score = options_.on_epoch ? options_.on_epoch(epoch, m) : epoch;
    if (score > best) {
      best = score;
      best_at = epoch;
      best_model = std::move(m);
      since_best = 0;
    } else if (options_.patience > 0 && ++since_best >= options_.patience) {
      break;
    }
  }
  *model = std::move(best_model);
  if (best_epoch != nullptr) *best_epoch = best_at;
  if (best_score != nullptr) *best_score = best;
  return Status::OK();
}

Status TrainDependencyParser(const std::vector<ParserExample>& examples,
                             const ParserTrainOptions& options,
                             DependencyParser* model, int* best_epoch,
                             double* best_score) {
  ParserTrainer trainer(examples, options);
  return trainer.Train(model, best_epoch, best_score);
}

}  // namespace dateline

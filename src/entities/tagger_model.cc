#include "entities/tagger_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "base/hash.h"
#include "entities/conll_corpus.h"

namespace dateline {
namespace {

constexpr char kMagic[] = "dateline-sequence-tagger 1";
// Bump when the feature templates change: old models then refuse to load.
constexpr char kFeatureSet[] = "tagger-v2";

// The project's feature mixer (base/hash.h), shared with the parser. Always
// inlined: ExtractStatic, large, calls it ~60 times a word, and GCC left
// Mix3 out of line there (a call per feature).
[[gnu::always_inline]] inline uint64_t Mix(uint64_t a, uint64_t b) {
  return MixHash(a, b);
}
[[gnu::always_inline]] inline uint64_t Mix3(uint64_t a, uint64_t b,
                                            uint64_t c) {
  return Mix(Mix(a, b), c);
}

// Feature templates. Values are part of the model format: never renumber.
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kShapeM1,
  kShapeP1,
  kShapeM1Shape,
  kShapeShapeP1,
  kLowerM1Lower,
  kLowerLowerP1,
  kFirstCap,
  kAllCaps,
  kHyphen,
  kDigits,
  kHeadlineShape,
  kHeadlineLower,
  kGazBegin,
  kGazInside,
  kGazM1,
  kGazP1,
  kDocCasing,
  kFirstWord,
  kWordM1,
  kWordP1,
  kSuffixM1,
  kLowerP1Shape,
  kGazExact,
  kStage1,
  kStage1Prev,
  kStage1Next,
  kStage1Word,
  kAggHas,
  kAggMajor,
  kAggShare,
  kAggNeighbour,
  kSuffixP1,
  kWindowLeft,
  kWindowRight,
  kCapRun,
  kLexCap,
  kLexLeft,
  kLexRight,
  kLexLeftRight,
  kLexCapM1,
  kLexCapP1,
  kShapeM2Shape,
  kShapeShapeP2,
  kCluster,
  kClusterM1,
  kClusterP1,
  kClusterM2,
  kClusterP2,
  kClusterShape,
  // dynamic (depend on earlier predictions)
  kPrev1 = 100,
  kPrev2Prev1,
  kPrev1Lower,
  kPrev1Shape,
  kPrevOcc,
  kPrevOccShape,
  kPrev2,
};

constexpr int kLexicalFeatures = 4;
constexpr uint64_t kBoundary = 0x5bd1e9955bd1e995ULL;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct TokenInfo {
  uint64_t word, lower, shape, sshape, suffix3;
  const WordStat* stat = nullptr;
  const std::vector<uint16_t>* clusters = nullptr;
  bool cap;       // first character upper case
  bool no_lower;  // has letters and none is lower case
};

// Per-document casing evidence: lower-cased word -> bit 0: seen capitalised
// not at a sentence start and not in a headline; bit 1: seen lower case.
using DocCasing = std::unordered_map<uint64_t, uint8_t>;

class Scratch {
 public:
  std::string lower, shape, sshape, norm;
};

void Analyse(std::string_view w, Scratch* s, TokenInfo* t) {
  // Typographic quotes read as the ASCII ones CoNLL text has ("’s").
  if (w.find('\xE2') != std::string_view::npos) {
    Gazetteer::NormalizeQuotes(w, false, &s->norm);
    w = s->norm;
  }
  s->lower.assign(w);
  s->shape.clear();
  s->sshape.clear();
  bool has_letter = false, has_lower = false;
  for (char& c : s->lower) {
    char sc;
    if (IsUpper(c)) {
      c = static_cast<char>(c - 'A' + 'a');
      sc = 'X';
      has_letter = true;
    } else if (IsLower(c)) {
      sc = 'x';
      has_letter = has_lower = true;
    } else if (IsDigit(c)) {
      sc = 'd';
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      sc = 'u';
      has_letter = true;
      has_lower = true;
    } else {
      sc = c;
    }
    if (s->shape.size() < 12) s->shape.push_back(sc);
    if (s->sshape.empty() || s->sshape.back() != sc) s->sshape.push_back(sc);
  }
  t->word = Hash64(w);
  t->lower = Hash64(s->lower);
  t->shape = Hash64(s->shape);
  t->sshape = Hash64(s->sshape);
  t->suffix3 = Hash64(std::string_view(s->lower).substr(
      s->lower.size() > 3 ? s->lower.size() - 3 : 0));
  t->cap = !w.empty() && IsUpper(w[0]);
  t->no_lower = has_letter && !has_lower;
}

bool IsHeadline(const std::vector<TokenInfo>& info) {
  int letters = 0, upper = 0;
  for (const auto& t : info) {
    if (t.no_lower) ++upper;
    if (t.no_lower || t.cap || t.sshape != 0) ++letters;
  }
  (void)letters;
  int with_letters = 0;
  for (const auto& t : info) with_letters += (t.no_lower || t.cap) ? 1 : 0;
  return upper >= 2 && upper * 10 >= static_cast<int>(info.size()) * 6 &&
         with_letters > 0;
}

// Static features of one sentence: offs[i]..offs[i+1] index feats.
struct SentenceFeatures {
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offs;
  std::vector<uint64_t> lower;
  std::vector<uint64_t> sshape;
  std::vector<uint8_t> cap;
};

}  // namespace

// What every stage needs to know about a document's words, computed once.
struct TaggerDocInfo {
  std::vector<std::vector<TokenInfo>> tokens;
  std::vector<std::vector<Gazetteer::TokenMatch>> gazetteer;
  DocCasing casing;
};

namespace {

void CollectCasing(const TaggerSentence& s, const std::vector<TokenInfo>& info,
                   DocCasing* casing) {
  if (IsHeadline(info)) return;
  for (size_t i = 1; i < s.size(); ++i) {
    if (info[i].cap && !info[i].no_lower) (*casing)[info[i].lower] |= 1;
    if (!s[i].empty() && IsLower(s[i][0])) (*casing)[info[i].lower] |= 2;
  }
}

// Per-document counts of the first-stage types each lower-cased word got.
using TypeCounts = std::array<uint16_t, 8>;
using DocAggregate = std::unordered_map<uint64_t, TypeCounts>;

struct StackInput {
  const std::vector<int>* labels = nullptr;  // first-stage labels
  const DocAggregate* aggregate = nullptr;
};

void AnalyseDocument(const TaggerDocument& doc, const Gazetteer& gaz,
                     const WordLexicon* lexicon,
                     const WordClusterTable* clusters, bool casing,
                     Scratch* scratch, TaggerDocInfo* out) {
  out->tokens.resize(doc.size());
  out->gazetteer.resize(doc.size());
  out->casing.clear();
  for (size_t s = 0; s < doc.size(); ++s) {
    out->tokens[s].resize(doc[s].size());
    for (size_t i = 0; i < doc[s].size(); ++i) {
      TokenInfo& t = out->tokens[s][i];
      Analyse(doc[s][i], scratch, &t);
      if (lexicon != nullptr) {
        auto it = lexicon->find(t.lower);
        t.stat = it == lexicon->end() ? nullptr : &it->second;
      }
      if (clusters != nullptr) {
        auto it = clusters->find(t.lower);
        t.clusters = it == clusters->end() ? nullptr : &it->second;
      }
    }
    gaz.Match(doc[s], &out->gazetteer[s]);
    if (casing) CollectCasing(doc[s], out->tokens[s], &out->casing);
  }
}

void ExtractStatic(const TaggerSentence& s, const std::vector<TokenInfo>& info,
                   const std::vector<Gazetteer::TokenMatch>& gm,
                   const DocCasing& casing, size_t cluster_sizes,
                   SentenceFeatures* out, const StackInput& stack = {}) {
  const size_t n = s.size();
  // Features are written through a cursor into a buffer grown before each
  // word to the most one word can have, not pushed one by one (a capacity
  // check and, out of line, a call per feature). The buffer is never shrunk
  // between sentences: offs says which part is this sentence's.
  struct Cursor {
    uint64_t* p;
    void push_back(uint64_t v) { *p++ = v; }
  };
  const size_t max_per_word =
      128 + 5 * Gazetteer::kMaxTypes + 5 * cluster_sizes;
  size_t used = 0;
  out->offs.assign(1, 0);
  out->lower.resize(n);
  out->sshape.resize(n);
  out->cap.resize(n);
  const bool headline = IsHeadline(info);
  const bool any_clusters = cluster_sizes > 0;
  // Runs of capitalised words (names usually are one): each word's run
  // length and position in it.
  std::vector<uint8_t> run_len(n, 0), run_pos(n, 0);
  for (size_t i = 0; i < n;) {
    if (!info[i].cap) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && info[j].cap) ++j;
    for (size_t k = i; k < j; ++k) {
      run_len[k] = static_cast<uint8_t>(std::min<size_t>(j - i, 5));
      run_pos[k] = k == i ? (j - i == 1 ? 3 : 0) : (k + 1 == j ? 2 : 1);
    }
    i = j;
  }
  auto lower_at = [&](long j) {
    return (j < 0 || j >= static_cast<long>(n)) ? kBoundary + j : info[j].lower;
  };
  auto word_at = [&](long j) {
    return (j < 0 || j >= static_cast<long>(n)) ? kBoundary + j : info[j].word;
  };
  auto shape_at = [&](long j) {
    return (j < 0 || j >= static_cast<long>(n)) ? kBoundary + j
                                                : info[j].sshape;
  };
  for (size_t i = 0; i < n; ++i) {
    if (out->feats.size() < used + max_per_word)
      out->feats.resize(used + max_per_word);
    Cursor f{out->feats.data() + used};
    const long li = static_cast<long>(i);
    const TokenInfo& t = info[i];
    std::string_view w = s[i];
    // The lexical features come first (kLexicalFeatures of them) so that
    // training can leave them out for a token (word dropout).
    f.push_back(Mix(kWord, t.word));
    f.push_back(Mix(kLower, t.lower));
    f.push_back(Mix3(kLowerM1Lower, lower_at(li - 1), t.lower));
    f.push_back(Mix3(kLowerLowerP1, t.lower, lower_at(li + 1)));
    f.push_back(Mix(kBias, 0));
    f.push_back(Mix(kShape, t.shape));
    f.push_back(Mix(kShortShape, t.sshape));
    for (size_t k = 1; k <= 4 && k <= w.size(); ++k) {
      f.push_back(Mix3(kPrefix, k, Hash64(w.substr(0, k))));
      f.push_back(Mix3(kSuffix, k, Hash64(w.substr(w.size() - k))));
    }
    f.push_back(Mix(kLowerM1, lower_at(li - 1)));
    f.push_back(Mix(kLowerM2, lower_at(li - 2)));
    f.push_back(Mix(kLowerP1, lower_at(li + 1)));
    f.push_back(Mix(kLowerP2, lower_at(li + 2)));
    f.push_back(Mix(kWordM1, word_at(li - 1)));
    f.push_back(Mix(kWordP1, word_at(li + 1)));
    f.push_back(Mix(kShapeM1, shape_at(li - 1)));
    f.push_back(Mix(kShapeP1, shape_at(li + 1)));
    f.push_back(Mix3(kShapeM1Shape, shape_at(li - 1), t.sshape));
    f.push_back(Mix3(kShapeShapeP1, t.sshape, shape_at(li + 1)));
    f.push_back(Mix3(kLowerP1Shape, lower_at(li + 1), t.sshape));
    if (i > 0) f.push_back(Mix(kSuffixM1, info[i - 1].suffix3));
    if (i + 1 < n) f.push_back(Mix(kSuffixP1, info[i + 1].suffix3));
    if (t.stat != nullptr) {
      f.push_back(Mix3(kLexCap, t.stat->cap_bucket,
                       t.cap * 4 + t.no_lower * 2 + (i == 0 || headline)));
      f.push_back(Mix(kLexLeft, t.stat->left));
      f.push_back(Mix(kLexRight, t.stat->right));
      f.push_back(Mix3(kLexLeftRight, t.stat->left, t.stat->right));
    } else {
      f.push_back(Mix3(kLexCap, 255,
                       t.cap * 4 + t.no_lower * 2 + (i == 0 || headline)));
    }
    if (i > 0)
      f.push_back(Mix(kLexCapM1,
                      info[i - 1].stat ? info[i - 1].stat->cap_bucket : 255));
    if (i + 1 < n)
      f.push_back(Mix(kLexCapP1,
                      info[i + 1].stat ? info[i + 1].stat->cap_bucket : 255));
    if (run_len[i] > 0 && !headline)
      f.push_back(Mix3(kCapRun, run_len[i], run_pos[i]));
    // Word clusters: the class of the word and of its neighbours in every
    // clustering (65535: not in the table, 65534: beyond the sentence).
    if (any_clusters) {
      auto cluster_at = [&](long j, size_t g) -> uint64_t {
        if (j < 0 || j >= static_cast<long>(n)) return 65534;
        const auto* c = info[j].clusters;
        return c != nullptr && g < c->size() ? (*c)[g] : 65535;
      };
      for (size_t g = 0; g < cluster_sizes; ++g) {
        const uint64_t c = cluster_at(li, g);
        f.push_back(Mix3(kCluster, g, c));
        f.push_back(Mix3(kClusterM1, g, cluster_at(li - 1, g)));
        f.push_back(Mix3(kClusterP1, g, cluster_at(li + 1, g)));
        if (g + 1 == cluster_sizes)
          f.push_back(Mix3(kClusterShape, c, t.sshape));
        if (g == 0) {
          f.push_back(Mix3(kClusterM2, g, cluster_at(li - 2, g)));
          f.push_back(Mix3(kClusterP2, g, cluster_at(li + 2, g)));
        }
      }
    }
    f.push_back(Mix3(kShapeM2Shape, shape_at(li - 2), t.sshape));
    f.push_back(Mix3(kShapeShapeP2, t.sshape, shape_at(li + 2)));
    // Bags of the words up to four to the left and to the right.
    for (long k = 1; k <= 4; ++k) {
      if (li - k >= 0) f.push_back(Mix(kWindowLeft, info[i - k].lower));
      if (li + k < static_cast<long>(n))
        f.push_back(Mix(kWindowRight, info[i + k].lower));
    }
    if (i == 0) f.push_back(Mix3(kFirstWord, t.cap, t.sshape));
    if (i == 0 && t.cap) f.push_back(Mix(kFirstCap, 1));
    if (t.no_lower) f.push_back(Mix(kAllCaps, w.size() > 1 ? 2 : 1));
    if (w.find('-') != std::string_view::npos && w.size() > 1)
      f.push_back(Mix(kHyphen, 1));
    {
      int digits = 0;
      for (char c : w) digits += IsDigit(c);
      if (digits > 0) {
        uint64_t pattern;
        if (digits == static_cast<int>(w.size())) {
          bool year = w.size() == 4 && (w[0] == '1' || w[0] == '2');
          pattern = year ? 100 : std::min<size_t>(w.size(), 6);
        } else {
          pattern = 200 + std::min(digits, 4);
        }
        f.push_back(Mix(kDigits, pattern));
      }
    }
    if (headline) {
      f.push_back(Mix(kHeadlineShape, t.sshape));
      f.push_back(Mix(kHeadlineLower, t.lower));
    }
    for (int ty = 0; ty < Gazetteer::kMaxTypes; ++ty) {
      const uint32_t bit = 1u << ty;
      if (gm[i].begin & bit) f.push_back(Mix3(kGazBegin, ty, t.cap));
      if (gm[i].inside & bit) f.push_back(Mix3(kGazInside, ty, t.cap));
      if (i > 0 && ((gm[i - 1].begin | gm[i - 1].inside) & bit))
        f.push_back(Mix(kGazM1, ty));
      if (i + 1 < n && ((gm[i + 1].begin | gm[i + 1].inside) & bit))
        f.push_back(Mix(kGazP1, ty));
      // The whole token sequence is exactly one name of type ty.
      if ((gm[i].begin & bit) && (i + 1 == n || !(gm[i + 1].inside & bit)))
        f.push_back(Mix3(kGazExact, ty, t.cap));
    }
    {
      auto it = casing.find(t.lower);
      uint64_t flags = it == casing.end() ? 0 : it->second;
      f.push_back(Mix3(kDocCasing, flags * 4 + t.cap * 2 + t.no_lower,
                       headline || i == 0));
    }
    if (stack.labels != nullptr) {
      const auto& l1 = *stack.labels;
      auto label_at = [&](long j) -> uint64_t {
        return (j < 0 || j >= static_cast<long>(n)) ? 999 : l1[j];
      };
      f.push_back(Mix(kStage1, label_at(li)));
      f.push_back(Mix3(kStage1Prev, label_at(li - 1), label_at(li)));
      f.push_back(Mix3(kStage1Next, label_at(li), label_at(li + 1)));
      f.push_back(Mix3(kStage1Word, label_at(li), t.lower));
      auto it = stack.aggregate->find(t.lower);
      if (it != stack.aggregate->end()) {
        const TypeCounts& c = it->second;
        int total = 0, best = 0;
        for (int k = 0; k < 8; ++k) {
          total += c[k];
          if (k > 0 && c[k] > c[best]) best = k;
          if (k > 0 && c[k] > 0) f.push_back(Mix3(kAggHas, k, t.cap));
        }
        if (best > 0) {
          f.push_back(Mix3(kAggMajor, best, t.cap * 2 + t.no_lower));
          f.push_back(Mix3(kAggShare, best, (c[best] * 4) / (total + 1)));
        } else {
          f.push_back(Mix3(kAggMajor, 0, t.cap * 2 + t.no_lower));
        }
      }
      // The same for the next and previous words' majority types.
      for (long d : {-1L, 1L}) {
        long j = li + d;
        if (j < 0 || j >= static_cast<long>(n)) continue;
        auto jt = stack.aggregate->find(info[j].lower);
        if (jt == stack.aggregate->end()) continue;
        int best = 0;
        for (int k = 1; k < 8; ++k)
          if (jt->second[k] > jt->second[best]) best = k;
        f.push_back(Mix3(kAggNeighbour, d + 1, best));
      }
    }
    used = static_cast<size_t>(f.p - out->feats.data());
    out->offs.push_back(static_cast<uint32_t>(used));
    out->lower[i] = t.lower;
    out->sshape[i] = t.sshape;
    out->cap[i] = (t.cap ? 1 : 0) | (t.no_lower ? 2 : 0);
  }
}

// Labels of the BILOU scheme: 0 = O, then B, I, L, U for each type.
inline int Kind(int label) { return (label - 1) % 4; }  // 0 B 1 I 2 L 3 U
inline int TypeOf(int label) { return label == 0 ? 0 : (label - 1) / 4 + 1; }

bool Allowed(int prev, int cur) {
  // prev < 0: sentence start.
  bool open = prev > 0 && (Kind(prev) == 0 || Kind(prev) == 1);
  if (!open) return cur == 0 || Kind(cur) == 0 || Kind(cur) == 3;
  return cur > 0 && TypeOf(cur) == TypeOf(prev) &&
         (Kind(cur) == 1 || Kind(cur) == 2);
}

int DynamicFeatures(int p1, int p2, uint64_t lower, uint64_t sshape,
                    int prev_occ, uint8_t cap, uint64_t* out) {
  int n = 0;
  out[n++] = Mix(kPrev1, p1 + 1);
  out[n++] = Mix(kPrev2, p2 + 1);
  out[n++] = Mix3(kPrev2Prev1, p2 + 1, p1 + 1);
  out[n++] = Mix3(kPrev1Lower, p1 + 1, lower);
  out[n++] = Mix3(kPrev1Shape, p1 + 1, sshape);
  if (prev_occ >= 0) {
    out[n++] = Mix(kPrevOcc, prev_occ);
    out[n++] = Mix3(kPrevOccShape, prev_occ, cap * 1000003ULL + sshape);
  }
  return n;
}

// `add_many(keys, dests, n)`, when given, adds the rows of n keys each to
// its destination in order, as add_row would one by one (a model's
// PerceptronWeights::AddScaledMany: the lookups of a word prefetched
// together).
using AddRowsFn = std::function<void(const uint64_t*, float* const*, size_t)>;

// Decodes one sentence greedily. `score_row(key, scores)` adds the weights
// of feature `key` to scores. prev_occ maps lower-cased words to the entity
// type they last received in this document (BILOU only).
template <typename AddRow>
void Decode(const SentenceFeatures& sf, int num_labels, bool bilou,
            const std::unordered_map<uint64_t, int>* prev_occ,
            const AddRow& add_row, std::vector<int>* out,
            std::vector<float>* scores, const std::vector<int>* gold = nullptr,
            const std::function<void(const uint64_t*, int, const uint64_t*, int,
                                     int, int)>* update = nullptr,
            const std::vector<uint8_t>* dropped = nullptr,
            const AddRowsFn* add_many = nullptr) {
  const size_t n = sf.lower.size();
  out->resize(n);
  int p1 = -1, p2 = -1;
  uint64_t dyn[8];
  std::vector<float*> dests;
  scores->resize(num_labels);
  for (size_t i = 0; i < n; ++i) {
    int occ = -1;
    if (prev_occ != nullptr) {
      auto it = prev_occ->find(sf.lower[i]);
      if (it != prev_occ->end()) occ = it->second;
    }
    int nd =
        DynamicFeatures(p1, p2, sf.lower[i], sf.sshape[i], occ, sf.cap[i], dyn);
    std::fill(scores->begin(), scores->end(), 0.0f);
    const uint64_t* st = sf.feats.data() + sf.offs[i];
    int ns = static_cast<int>(sf.offs[i + 1] - sf.offs[i]);
    if (dropped != nullptr && (*dropped)[i]) {
      st += kLexicalFeatures;
      ns -= kLexicalFeatures;
    }
    float* sc = scores->data();
    if (add_many != nullptr) {
      dests.assign(static_cast<size_t>(std::max(ns, nd)), sc);
      (*add_many)(st, dests.data(), static_cast<size_t>(ns));
      (*add_many)(dyn, dests.data(), static_cast<size_t>(nd));
    } else {
      for (int k = 0; k < ns; ++k) add_row(st[k], sc);
      for (int k = 0; k < nd; ++k) add_row(dyn[k], sc);
    }
    int best = -1;
    float best_score = 0;
    for (int l = 0; l < num_labels; ++l) {
      if (bilou && !Allowed(p1, l)) continue;
      if (best < 0 || sc[l] > best_score) {
        best = l;
        best_score = sc[l];
      }
    }
    if (update != nullptr && (*gold)[i] != best)
      (*update)(st, ns, dyn, nd, (*gold)[i], best);
    // Training follows its own predictions (greedy, as at test time).
    (*out)[i] = best;
    p2 = p1;
    p1 = best;
  }
}

// The states of second-order Viterbi under BILOU constraints: pairs
// (prev2 + 1, prev1 + 1) of labels (0 = before the sentence) that BILOU
// allows next to each other, about 100 of the 18 x 18 pairs for four types,
// each followed by the 3-9 labels BILOU allows after prev1. Depends only on
// the label count, so it is built once per model.
struct ViterbiGraph {
  int L = 0, P = 0, S = 0;
  std::vector<int> a, b;        // per state: prev2 + 1, prev1 + 1
  std::vector<int> succ_begin;  // per state: its successors' range in
  std::vector<int> succ_label;  // succ_label/succ_state
  std::vector<int> succ_state;
  std::vector<uint8_t> final_ok;  // per state: may end the sentence
};

ViterbiGraph BuildViterbiGraph(int L) {
  ViterbiGraph g;
  g.L = L;
  g.P = L + 1;
  std::vector<int> id(static_cast<size_t>(g.P) * g.P, -1);
  for (int a = 0; a < g.P; ++a)
    for (int b = 0; b < g.P; ++b) {
      bool ok = (a == 0 && b == 0) || (b > 0 && Allowed(a - 1, b - 1));
      if (!ok) continue;
      id[a * g.P + b] = g.S++;
      g.a.push_back(a);
      g.b.push_back(b);
      const int l = b - 1;
      g.final_ok.push_back(l <= 0 || Kind(l) == 2 || Kind(l) == 3);
    }
  for (int s = 0; s < g.S; ++s) {
    g.succ_begin.push_back(static_cast<int>(g.succ_label.size()));
    for (int l = 0; l < L; ++l) {
      if (!Allowed(g.b[s] - 1, l)) continue;
      g.succ_label.push_back(l);
      g.succ_state.push_back(id[g.b[s] * g.P + l + 1]);
    }
  }
  g.succ_begin.push_back(static_cast<int>(g.succ_label.size()));
  return g;
}

// Token-independent transition weights of every state, T[s * L + l] =
// w(prev2) + w(prev1) + w(prev2 prev1) for label l.
template <typename AddRow>
void ViterbiTransitions(const ViterbiGraph& g, const AddRow& add_row,
                        std::vector<float>* t) {
  const int L = g.L;
  std::vector<float> w2(static_cast<size_t>(g.P) * L, 0.0f), w1(w2);
  for (int a = 0; a < g.P; ++a) {
    add_row(Mix(kPrev2, a), w2.data() + a * L);
    add_row(Mix(kPrev1, a), w1.data() + a * L);
  }
  t->assign(static_cast<size_t>(g.S) * L, 0.0f);
  for (int s = 0; s < g.S; ++s) {
    float* r = t->data() + s * L;
    add_row(Mix3(kPrev2Prev1, g.a[s], g.b[s]), r);
    const float* x = w2.data() + g.a[s] * L;
    const float* y = w1.data() + g.b[s] * L;
    for (int l = 0; l < L; ++l) r[l] += x[l] + y[l];
  }
}

// Reused buffers of ViterbiDecode.
struct ViterbiScratch {
  std::vector<float> delta, next, S, A;
  std::vector<uint64_t> keys;  // a word's (prev1, word) feature keys
  std::vector<float*> dests;   // where each key's row is added
  std::vector<uint8_t> live1;
  std::vector<uint16_t> back;
};

// Exact second-order Viterbi over the BILOU-allowed (prev2, prev1) states of
// `g`, with the same features as the greedy decoder; no entity may stay open
// at the end of a sentence. `trans` comes from ViterbiTransitions. Used for
// kBilou models in training and tagging (the weights are learnt by the
// structured perceptron). `add_many` as for Decode.
template <typename AddRow>
void ViterbiDecode(const SentenceFeatures& sf, const ViterbiGraph& g,
                   const std::vector<float>& trans,
                   const std::unordered_map<uint64_t, int>* prev_occ,
                   const AddRow& add_row, std::vector<int>* out,
                   ViterbiScratch* x,
                   const std::vector<uint8_t>* dropped = nullptr,
                   const AddRowsFn* add_many = nullptr) {
  const size_t n = sf.lower.size();
  out->resize(n);
  if (n == 0) return;
  const int L = g.L, P = g.P, NS = g.S;
  const float kNeg = -1e30f;
  x->delta.assign(NS, kNeg);
  x->next.resize(NS);
  x->back.resize(n * NS);
  x->S.resize(L);
  x->A.resize(static_cast<size_t>(P) * L);
  x->live1.resize(P);
  x->delta[0] = 0;  // (start, start) is state 0
  for (size_t i = 0; i < n; ++i) {
    float* S = x->S.data();
    std::fill(S, S + L, 0.0f);
    const uint64_t* st = sf.feats.data() + sf.offs[i];
    int ns = static_cast<int>(sf.offs[i + 1] - sf.offs[i]);
    if (dropped != nullptr && (*dropped)[i]) {
      st += kLexicalFeatures;
      ns -= kLexicalFeatures;
    }
    if (add_many != nullptr) {
      x->dests.assign(static_cast<size_t>(ns), S);
      (*add_many)(st, x->dests.data(), static_cast<size_t>(ns));
    } else {
      for (int k = 0; k < ns; ++k) add_row(st[k], S);
    }
    if (prev_occ != nullptr) {
      auto it = prev_occ->find(sf.lower[i]);
      if (it != prev_occ->end()) {
        const int occ = it->second;
        add_row(Mix(kPrevOcc, occ), S);
        add_row(Mix3(kPrevOccShape, occ, sf.cap[i] * 1000003ULL + sf.sshape[i]),
                S);
      }
    }
    // Features of (prev1, word): only for the prev1 labels still alive.
    std::fill(x->live1.begin(), x->live1.end(), 0);
    for (int s = 0; s < NS; ++s)
      if (x->delta[s] > kNeg) x->live1[g.b[s]] = 1;
    x->keys.clear();
    x->dests.clear();
    for (int b = 0; b < P; ++b) {
      if (!x->live1[b]) continue;
      float* r = x->A.data() + b * L;
      std::copy(S, S + L, r);
      x->keys.push_back(Mix3(kPrev1Lower, b, sf.lower[i]));
      x->keys.push_back(Mix3(kPrev1Shape, b, sf.sshape[i]));
      x->dests.push_back(r);
      x->dests.push_back(r);
    }
    if (add_many != nullptr) {
      (*add_many)(x->keys.data(), x->dests.data(), x->keys.size());
    } else {
      for (size_t k = 0; k < x->keys.size(); ++k)
        add_row(x->keys[k], x->dests[k]);
    }
    std::fill(x->next.begin(), x->next.end(), kNeg);
    uint16_t* back = x->back.data() + i * NS;
    for (int s = 0; s < NS; ++s) {
      const float d = x->delta[s];
      if (d <= kNeg) continue;
      const float* c = trans.data() + s * L;
      const float* ar = x->A.data() + g.b[s] * L;
      for (int k = g.succ_begin[s]; k < g.succ_begin[s + 1]; ++k) {
        const int l = g.succ_label[k];
        const int to = g.succ_state[k];
        const float v = d + ar[l] + c[l];
        if (v > x->next[to]) {
          x->next[to] = v;
          back[to] = static_cast<uint16_t>(s);
        }
      }
    }
    x->delta.swap(x->next);
  }
  int best = -1;
  for (int pass = 0; pass < 2 && best < 0; ++pass)
    for (int s = 0; s < NS; ++s) {
      if (x->delta[s] <= kNeg || (pass == 0 && !g.final_ok[s])) continue;
      if (best < 0 || x->delta[s] > x->delta[best]) best = s;
    }
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = g.b[best] - 1;
    best = x->back[i * NS + best];
  }
}

void UpdatePrevOcc(const SentenceFeatures& sf, const std::vector<int>& labels,
                   std::unordered_map<uint64_t, int>* prev_occ) {
  for (size_t i = 0; i < labels.size(); ++i) {
    // Only words that look like names carry evidence worth remembering.
    if (sf.cap[i] == 0 && TypeOf(labels[i]) == 0) continue;
    (*prev_occ)[sf.lower[i]] = TypeOf(labels[i]);
  }
}

void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
uint64_t GetU64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

// Growable open-addressing map from feature key to row, for training.
class TrainTable {
 public:
  explicit TrainTable(int labels) : labels_(labels) { Rehash(1 << 16); }
  int Find(uint64_t key) const {
    for (uint64_t s = key & mask_;; s = (s + 1) & mask_) {
      if (keys_[s] == key) return rows_[s];
      if (keys_[s] == 0) return -1;
    }
  }
  int FindOrInsert(uint64_t key) {
    if ((count_ + 1) * 2 > keys_.size()) Rehash(keys_.size() * 2);
    uint64_t s = key & mask_;
    for (;; s = (s + 1) & mask_) {
      if (keys_[s] == key) return rows_[s];
      if (keys_[s] == 0) break;
    }
    keys_[s] = key;
    rows_[s] = static_cast<int>(count_++);
    row_keys_.push_back(key);
    w_.resize(count_ * labels_, 0.0f);
    u_.resize(count_ * labels_, 0.0);
    return rows_[s];
  }
  size_t count() const { return count_; }
  std::vector<float> w_;
  std::vector<double> u_;
  std::vector<uint64_t> row_keys_;

 private:
  void Rehash(size_t size) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<int32_t> old_rows = std::move(rows_);
    keys_.assign(size, 0);
    rows_.assign(size, -1);
    mask_ = size - 1;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] == 0) continue;
      uint64_t s = old_keys[i] & mask_;
      while (keys_[s] != 0) s = (s + 1) & mask_;
      keys_[s] = old_keys[i];
      rows_[s] = old_rows[i];
    }
  }
  int labels_;
  size_t count_ = 0;
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<int32_t> rows_;
};

std::vector<std::string> ToBilou(const std::vector<std::string>& iob) {
  std::vector<std::string> out(iob.size(), "O");
  for (const auto& span : SpansFromIob(iob)) {
    if (span.end - span.begin == 1) {
      out[span.begin] = "U-" + span.type;
      continue;
    }
    out[span.begin] = "B-" + span.type;
    for (int i = span.begin + 1; i + 1 < span.end; ++i)
      out[i] = "I-" + span.type;
    out[span.end - 1] = "L-" + span.type;
  }
  return out;
}

}  // namespace

SequenceTagger::SequenceTagger() = default;
SequenceTagger::~SequenceTagger() = default;
SequenceTagger::SequenceTagger(SequenceTagger&&) noexcept = default;
SequenceTagger& SequenceTagger::operator=(SequenceTagger&&) noexcept = default;
SequenceTagger::SequenceTagger(const SequenceTagger&) = default;
SequenceTagger& SequenceTagger::operator=(const SequenceTagger&) = default;

void SequenceTagger::TagChunk(const TaggerDocument& doc,
                              std::vector<std::vector<int>>* labels) const {
  Scratch scratch;
  auto info = std::make_unique<TaggerDocInfo>();
  AnalyseDocument(doc, gazetteer_, lexicon_.get(), clusters_.get(),
                  encoding_ == Encoding::kBilou, &scratch, info.get());
  TagAnalysed(doc, *info, labels);
}

void SequenceTagger::TagInternal(const TaggerDocument& doc,
                                 std::vector<std::vector<int>>* labels) const {
  size_t total = 0;
  bool long_sentence = false;
  for (const auto& s : doc) {
    total += s.size();
    long_sentence |= s.size() > kMaxSentenceTokens;
  }
  if (total <= kMaxChunkTokens && !long_sentence) {
    TagChunk(doc, labels);
    return;
  }
  // A huge page: tag it as a run of documents of at most kMaxChunkTokens
  // tokens (document-level features then span one chunk), and sentences
  // longer than kMaxSentenceTokens as pieces, so that the analysis, the
  // features and the decoder's tables stay bounded whatever the input.
  labels->assign(doc.size(), {});
  TaggerDocument chunk;
  std::vector<size_t> origin;  // chunk sentence -> sentence of doc
  std::vector<std::vector<int>> out;
  size_t chunk_tokens = 0;
  auto flush = [&] {
    if (chunk.empty()) return;
    TagChunk(chunk, &out);
    for (size_t k = 0; k < chunk.size(); ++k) {
      auto& dst = (*labels)[origin[k]];
      dst.insert(dst.end(), out[k].begin(), out[k].end());
    }
    chunk.clear();
    origin.clear();
    out.clear();
    chunk_tokens = 0;
  };
  for (size_t si = 0; si < doc.size(); ++si) {
    const TaggerSentence& s = doc[si];
    (*labels)[si].reserve(s.size());
    for (size_t b = 0; b < s.size(); b += kMaxSentenceTokens) {
      const size_t e = std::min(s.size(), b + kMaxSentenceTokens);
      if (chunk_tokens + (e - b) > kMaxChunkTokens) flush();
      chunk.emplace_back(s.begin() + static_cast<long>(b),
                         s.begin() + static_cast<long>(e));
      origin.push_back(si);
      chunk_tokens += e - b;
    }
  }
  flush();
}

void SequenceTagger::TagAnalysed(const TaggerDocument& doc,
                                 const TaggerDocInfo& info,
                                 std::vector<std::vector<int>>* labels) const {
  const bool bilou = encoding_ == Encoding::kBilou;
  const int num_labels = static_cast<int>(labels_.size());
  std::vector<std::vector<int>> first;
  DocAggregate aggregate;
  if (stage1_ != nullptr) {
    // Both stages share the gazetteer, so they share the analysis.
    stage1_->TagAnalysed(doc, info, &first);
    for (size_t s = 0; s < doc.size(); ++s)
      for (size_t i = 0; i < doc[s].size(); ++i) {
        auto& c = aggregate[info.tokens[s][i].lower];
        int t = std::min(TypeOf(first[s][i]), 7);
        if (c[t] < 65535) ++c[t];
      }
  }
  std::unordered_map<uint64_t, int> prev_occ;
  SentenceFeatures sf;
  std::vector<float> scores;
  labels->resize(doc.size());
  auto add_row = [this](uint64_t key, float* sc) {
    weights_.AddScaled(key, sc);
  };
  const AddRowsFn add_many = [this](const uint64_t* keys, float* const* dests,
                                    size_t n) {
    weights_.AddScaledMany(keys, dests, n);
  };
  const bool viterbi = bilou && viterbi_;
  ViterbiGraph graph;
  std::vector<float> trans;
  ViterbiScratch vscratch;
  if (viterbi) {
    graph = BuildViterbiGraph(num_labels);
    ViterbiTransitions(graph, add_row, &trans);
  }
  for (size_t si = 0; si < doc.size(); ++si) {
    StackInput stack;
    if (stage1_ != nullptr) {
      stack.labels = &first[si];
      stack.aggregate = &aggregate;
    }
    ExtractStatic(doc[si], info.tokens[si], info.gazetteer[si], info.casing,
                  ClusterSizes(), &sf, stack);
    auto& out = (*labels)[si];
    if (viterbi)
      ViterbiDecode(sf, graph, trans, &prev_occ, add_row, &out, &vscratch,
                    nullptr, &add_many);
    else
      Decode(sf, num_labels, bilou, bilou ? &prev_occ : nullptr, add_row, &out,
             &scores, nullptr, nullptr, nullptr, &add_many);
    if (bilou) UpdatePrevOcc(sf, out, &prev_occ);
  }
}

void SequenceTagger::TagDocumentIds(
    const TaggerDocument& doc, std::vector<std::vector<int>>* labels) const {
  TagInternal(doc, labels);
  for (auto& s : *labels)
    for (int& l : s) l = to_external_[l];
}

void SequenceTagger::TagDocument(
    const TaggerDocument& doc,
    std::vector<std::vector<std::string>>* labels) const {
  std::vector<std::vector<int>> ids;
  TagDocumentIds(doc, &ids);
  labels->resize(ids.size());
  for (size_t s = 0; s < ids.size(); ++s) {
    (*labels)[s].clear();
    for (int id : ids[s]) (*labels)[s].push_back(external_labels_[id]);
  }
}

std::vector<uint64_t> SequenceTagger::StaticFeatureHashes(
    const TaggerSentence& sentence, size_t i) const {
  Scratch scratch;
  TaggerDocInfo info;
  AnalyseDocument({sentence}, gazetteer_, lexicon_.get(), clusters_.get(),
                  false, &scratch, &info);
  SentenceFeatures sf;
  ExtractStatic(sentence, info.tokens[0], info.gazetteer[0], info.casing,
                ClusterSizes(), &sf);
  if (i >= sentence.size()) return {};
  return std::vector<uint64_t>(sf.feats.begin() + sf.offs[i],
                               sf.feats.begin() + sf.offs[i + 1]);
}

Status SequenceTagger::Save(const std::string& path) const {
  std::string out;
  Serialize(&out);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(path, "cannot open for writing");
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  f.close();
  if (!f) return Status::IOError(path, "write failed");
  return Status::OK();
}

void SequenceTagger::Serialize(std::string* out_ptr,
                               const SequenceTagger* outer) const {
  std::string& out = *out_ptr;
  out += kMagic;
  out += "\nfeature_set\t";
  out += kFeatureSet;
  out += "\nencoding\t";
  out += encoding_ == Encoding::kBilou ? (viterbi_ ? "bilou-viterbi" : "bilou")
                                       : "plain";
  out += "\nlabels\t";
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (i) out += ' ';
    out += labels_[i];
  }
  out += '\n';
  for (const auto& [k, v] : info_) {
    out += "info\t" + k + "\t";
    for (char c : v) out += (c == '\n' || c == '\t') ? ' ' : c;
    out += '\n';
  }
  if (stage1_ != nullptr) {
    std::string inner;
    stage1_->Serialize(&inner, this);
    out += "stage1\t" + std::to_string(inner.size()) + "\n";
    out += inner;
  }
  if (outer != nullptr && lexicon_ == outer->lexicon_) {
    out += "lexicon\tshared\n";
  } else if (lexicon_ != nullptr) {
    // Sorted, so that the same lexicon always gives the same bytes.
    std::vector<std::pair<uint64_t, WordStat>> items(lexicon_->begin(),
                                                     lexicon_->end());
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out += "lexicon\t" + std::to_string(items.size()) + "\n";
    for (const auto& [key, st] : items) {
      PutU64(&out, key);
      out.push_back(static_cast<char>(st.cap_bucket));
      for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>(st.left >> (8 * i)));
      for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>(st.right >> (8 * i)));
    }
  }
  if (outer != nullptr && clusters_ != nullptr &&
      clusters_ == outer->clusters_) {
    out += "clusters\tshared\n";
  } else if (clusters_ != nullptr && !clusters_->empty()) {
    std::vector<const std::pair<const uint64_t, std::vector<uint16_t>>*> items;
    for (const auto& kv : *clusters_) items.push_back(&kv);
    std::sort(items.begin(), items.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    const size_t k = ClusterSizes();
    out += "clusters\t" + std::to_string(items.size()) + "\t" +
           std::to_string(k) + "\n";
    for (const auto* kv : items) {
      PutU64(&out, kv->first);
      for (size_t g = 0; g < k; ++g) {
        const uint16_t c = g < kv->second.size() ? kv->second[g] : 65535;
        out.push_back(static_cast<char>(c & 0xff));
        out.push_back(static_cast<char>(c >> 8));
      }
    }
  }
  out += "gazetteer\t" + std::to_string(gazetteer_.entries().size()) + "\n";
  for (const auto& e : gazetteer_.entries()) out += e + "\n";
  weights_.Serialize(&out);
}

Status SequenceTagger::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError(path, "cannot open");
  std::string data((std::istreambuf_iterator<char>(f)),
                   std::istreambuf_iterator<char>());
  size_t pos = 0;
  return Parse(path, data, &pos);
}

Status SequenceTagger::Parse(const std::string& path, std::string_view data,
                             size_t* pos_ptr) {
  size_t& pos = *pos_ptr;
  auto next_line = [&](std::string_view* line) {
    if (pos >= data.size()) return false;
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) return false;
    *line = std::string_view(data.data() + pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  auto bad = [&](const std::string& why) {
    return Status::Corruption(path, why);
  };
  std::string_view line;
  if (!next_line(&line) || line != kMagic)
    return bad("not a dateline tagger model");
  SequenceTagger m;
  m.labels_.clear();
  m.external_labels_.clear();
  m.to_external_.clear();
  std::shared_ptr<SequenceTagger> stage1;
  while (true) {
    const size_t line_start = pos;
    if (!next_line(&line)) return bad("truncated header");
    size_t tab = line.find('\t');
    std::string_view key = line.substr(0, tab);
    std::string_view value = tab == std::string_view::npos
                                 ? std::string_view()
                                 : line.substr(tab + 1);
    if (key == "feature_set") {
      if (value != kFeatureSet)
        return bad("feature set " + std::string(value) + ", this build reads " +
                   kFeatureSet);
    } else if (key == "encoding") {
      m.encoding_ = (value == "bilou" || value == "bilou-viterbi")
                        ? Encoding::kBilou
                        : Encoding::kPlain;
      m.viterbi_ = value == "bilou-viterbi";
    } else if (key == "labels") {
      std::istringstream in{std::string(value)};
      std::string l;
      while (in >> l) m.labels_.push_back(l);
    } else if (key == "info") {
      size_t t2 = value.find('\t');
      m.info_.emplace_back(std::string(value.substr(0, t2)),
                           t2 == std::string_view::npos
                               ? std::string()
                               : std::string(value.substr(t2 + 1)));
    } else if (key == "stage1") {
      size_t size = std::strtoull(std::string(value).c_str(), nullptr, 10);
      if (pos + size > data.size()) return bad("truncated stage 1 model");
      auto inner = std::make_shared<SequenceTagger>();
      size_t inner_pos = 0;
      Status st = inner->Parse(path, data.substr(pos, size), &inner_pos);
      if (!st.ok()) return st;
      pos += size;
      stage1 = inner;
      m.stage1_ = std::move(inner);
    } else if (key == "lexicon" && value == "shared") {
      m.shared_tables_ |= 1;
    } else if (key == "clusters" && value == "shared") {
      m.shared_tables_ |= 2;
    } else if (key == "lexicon") {
      size_t count = std::strtoull(std::string(value).c_str(), nullptr, 10);
      if (pos + count * 17 > data.size()) return bad("truncated lexicon");
      auto lex = std::make_shared<WordLexicon>();
      lex->reserve(count);
      const unsigned char* p =
          reinterpret_cast<const unsigned char*>(data.data()) + pos;
      for (size_t i = 0; i < count; ++i, p += 17) {
        WordStat st;
        st.cap_bucket = p[8];
        st.left = p[9] | (p[10] << 8) | (p[11] << 16) |
                  (static_cast<uint32_t>(p[12]) << 24);
        st.right = p[13] | (p[14] << 8) | (p[15] << 16) |
                   (static_cast<uint32_t>(p[16]) << 24);
        (*lex)[GetU64(p)] = st;
      }
      pos += count * 17;
      m.lexicon_ = std::move(lex);
    } else if (key == "clusters") {
      size_t t2 = value.find('\t');
      if (t2 == std::string_view::npos) return bad("bad clusters line");
      size_t count =
          std::strtoull(std::string(value.substr(0, t2)).c_str(), nullptr, 10);
      size_t k =
          std::strtoull(std::string(value.substr(t2 + 1)).c_str(), nullptr, 10);
      if (k == 0 || k > 16) return bad("bad cluster count");
      const size_t rec = 8 + 2 * k;
      if (count > data.size() / rec || pos + count * rec > data.size())
        return bad("truncated clusters");
      auto table = std::make_shared<WordClusterTable>();
      table->reserve(count);
      const unsigned char* p =
          reinterpret_cast<const unsigned char*>(data.data()) + pos;
      for (size_t i = 0; i < count; ++i, p += rec) {
        std::vector<uint16_t> ids(k);
        for (size_t g = 0; g < k; ++g)
          ids[g] = static_cast<uint16_t>(p[8 + 2 * g] | (p[9 + 2 * g] << 8));
        (*table)[GetU64(p)] = std::move(ids);
      }
      pos += count * rec;
      m.clusters_ = std::move(table);
    } else if (key == "gazetteer") {
      long n = std::atol(std::string(value).c_str());
      for (long i = 0; i < n; ++i) {
        if (!next_line(&line)) return bad("truncated gazetteer");
        m.gazetteer_.AddEntryLine(line);
      }
    } else if (key == "weights") {
      pos = line_start;  // the table reads its own header line
      break;
    }
  }
  const int L = static_cast<int>(m.labels_.size());
  if (L == 0 || L > 255) return bad("bad label count");
  Status ws = m.weights_.Parse(path, data, &pos, L);
  if (!ws.ok()) return ws;
  m.weights_.KeepFloatRows();
  if (stage1 != nullptr) {
    // The first stage uses the tables written once in this model.
    if (stage1->shared_tables_ & 1) stage1->lexicon_ = m.lexicon_;
    if (stage1->shared_tables_ & 2) stage1->clusters_ = m.clusters_;
    stage1->shared_tables_ = 0;
  }
  // External labels.
  if (m.encoding_ == Encoding::kBilou) {
    m.external_labels_.push_back("O");
    m.to_external_.push_back(0);
    for (int l = 1; l < L; ++l) {
      std::string type = m.labels_[l].substr(2);
      char kind = m.labels_[l][0];
      std::string ext = ((kind == 'B' || kind == 'U') ? "B-" : "I-") + type;
      auto it =
          std::find(m.external_labels_.begin(), m.external_labels_.end(), ext);
      if (it == m.external_labels_.end()) {
        m.external_labels_.push_back(ext);
        m.to_external_.push_back(static_cast<int>(m.external_labels_.size()) -
                                 1);
      } else {
        m.to_external_.push_back(
            static_cast<int>(it - m.external_labels_.begin()));
      }
    }
  } else {
    m.external_labels_ = m.labels_;
    for (int l = 0; l < L; ++l) m.to_external_.push_back(l);
  }
  *this = std::move(m);
  return Status::OK();
}

// Builds runtime models from training state (a friend of SequenceTagger).
class SequenceTaggerTrainer {
 public:
  static void Snapshot(const TrainTable& table, double c, float prune,
                       const SequenceTagger& proto, SequenceTagger* out) {
    *out = proto;
    const int L = static_cast<int>(proto.labels_.size());
    std::vector<float> avg(table.count() * L);
    float maxabs = 0;
    for (size_t i = 0; i < avg.size(); ++i) {
      avg[i] = static_cast<float>(table.w_[i] - table.u_[i] / c);
      maxabs = std::max(maxabs, std::fabs(avg[i]));
    }
    float scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
    std::vector<uint64_t> keys(table.row_keys_.begin(),
                               table.row_keys_.begin() + table.count());
    std::vector<int16_t> q(table.count() * L);
    for (size_t i = 0; i < q.size(); ++i) {
      const float v = avg[i];
      q[i] = std::fabs(v) < prune ? 0
                                  : static_cast<int16_t>(std::lround(v / scale));
    }
    out->weights_ = PerceptronWeights::FromRows(L, scale, keys, q);
    out->weights_.KeepFloatRows();
  }

  static Status Train(const std::vector<TaggedDocument>& docs,
                      const Gazetteer& gazetteer,
                      const TaggerTrainOptions& options, SequenceTagger* model,
                      int* best_epoch_out, double* best_score_out) {
    const bool bilou = options.encoding == SequenceTagger::Encoding::kBilou;
    // Labels.
    std::vector<std::string> external;
    for (const auto& d : docs) {
      if (d.words.size() != d.labels.size())
        return Status::InvalidArgument("training document", "sentence count");
      for (size_t s = 0; s < d.words.size(); ++s) {
        if (d.words[s].size() != d.labels[s].size())
          return Status::InvalidArgument("training sentence", "label count");
        for (const auto& l : d.labels[s]) external.push_back(l);
      }
    }
    if (external.empty()) return Status::InvalidArgument("no training data");
    std::sort(external.begin(), external.end());
    external.erase(std::unique(external.begin(), external.end()),
                   external.end());
    SequenceTagger proto;
    proto.labels_.clear();
    proto.external_labels_.clear();
    proto.to_external_.clear();
    proto.encoding_ = options.encoding;
    proto.viterbi_ =
        options.viterbi && options.encoding == SequenceTagger::Encoding::kBilou;
    proto.gazetteer_ = gazetteer;
    proto.lexicon_ = options.lexicon;
    proto.clusters_ = options.clusters;
    if (bilou) {
      std::vector<std::string> types;
      for (const auto& l : external)
        if (l.size() > 2 && l[1] == '-') types.push_back(l.substr(2));
      std::sort(types.begin(), types.end());
      types.erase(std::unique(types.begin(), types.end()), types.end());
      proto.labels_.push_back("O");
      for (const auto& t : types)
        for (const char* k : {"B-", "I-", "L-", "U-"})
          proto.labels_.push_back(k + t);
    } else {
      proto.labels_ = external;
    }
    if (proto.labels_.size() > 255)
      return Status::InvalidArgument("too many labels");
    // Save+Load derive the external labels; do the same here through a
    // minimal header round trip of the label set.
    {
      if (bilou) {
        proto.external_labels_.push_back("O");
        proto.to_external_.push_back(0);
        for (size_t l = 1; l < proto.labels_.size(); ++l) {
          std::string type = proto.labels_[l].substr(2);
          char kind = proto.labels_[l][0];
          std::string ext = ((kind == 'B' || kind == 'U') ? "B-" : "I-") + type;
          auto it = std::find(proto.external_labels_.begin(),
                              proto.external_labels_.end(), ext);
          if (it == proto.external_labels_.end()) {
            proto.external_labels_.push_back(ext);
            proto.to_external_.push_back(
                static_cast<int>(proto.external_labels_.size()) - 1);
          } else {
            proto.to_external_.push_back(
                static_cast<int>(it - proto.external_labels_.begin()));
          }
        }
      } else {
        proto.external_labels_ = proto.labels_;
        for (size_t l = 0; l < proto.labels_.size(); ++l)
          proto.to_external_.push_back(static_cast<int>(l));
      }
    }
    const int L = static_cast<int>(proto.labels_.size());
    std::unordered_map<std::string, int> label_id;
    for (int l = 0; l < L; ++l) label_id[proto.labels_[l]] = l;

    // Words as views, and gold labels as ids, once.
    std::vector<TaggerDocument> views(docs.size());
    std::vector<std::vector<std::vector<int>>> gold(docs.size());
    for (size_t d = 0; d < docs.size(); ++d) {
      views[d].resize(docs[d].words.size());
      gold[d].resize(docs[d].words.size());
      for (size_t s = 0; s < views[d].size(); ++s) {
        for (const auto& w : docs[d].words[s]) views[d][s].push_back(w);
        std::vector<std::string> tags =
            bilou ? ToBilou(docs[d].labels[s]) : docs[d].labels[s];
        for (const auto& t : tags) {
          auto it = label_id.find(t);
          gold[d][s].push_back(it == label_id.end() ? 0 : it->second);
        }
      }
    }
    std::vector<size_t> all(docs.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;

    auto callback = [&](int stage) {
      std::function<double(int, const SequenceTagger&)> fn;
      if (options.on_epoch)
        fn = [&options, stage](int epoch, const SequenceTagger& m) {
          return options.on_epoch(stage, epoch, m);
        };
      return fn;
    };
    if (!options.two_stage) {
      return TrainOne(views, gold, all, nullptr, gazetteer, options, proto,
                      options.epochs, callback(0), model, best_epoch_out,
                      best_score_out);
    }
    // Stage 1 on everything, the epoch picked on development data.
    auto stage1 = std::make_shared<SequenceTagger>();
    int epochs1 = 0;
    Status st =
        TrainOne(views, gold, all, nullptr, gazetteer, options, proto,
                 options.epochs, callback(1), stage1.get(), &epochs1, nullptr);
    if (!st.ok()) return st;
    // Jackknifed first-stage tags for the training documents.
    const int folds = std::max(2, options.folds);
    std::vector<std::vector<std::vector<int>>> first(docs.size());
    for (int k = 0; k < folds; ++k) {
      std::vector<size_t> in;
      for (size_t d = 0; d < docs.size(); ++d)
        if (static_cast<int>(d % folds) != k) in.push_back(d);
      SequenceTagger fold_model;
      st = TrainOne(views, gold, in, nullptr, gazetteer, options, proto,
                    epochs1, nullptr, &fold_model, nullptr, nullptr);
      if (!st.ok()) return st;
      for (size_t d = 0; d < docs.size(); ++d)
        if (static_cast<int>(d % folds) == k)
          fold_model.TagInternal(views[d], &first[d]);
    }
    SequenceTagger proto2 = proto;
    proto2.stage1_ = stage1;
    return TrainOne(views, gold, all, &first, gazetteer, options, proto2,
                    options.epochs, callback(2), model, best_epoch_out,
                    best_score_out);
  }

  // Trains one model on the documents `subset` of `views`/`gold`; `first`
  // (may be null) holds first-stage labels for every document.
  static Status TrainOne(
      const std::vector<TaggerDocument>& views,
      const std::vector<std::vector<std::vector<int>>>& gold,
      const std::vector<size_t>& subset,
      const std::vector<std::vector<std::vector<int>>>* first,
      const Gazetteer& gazetteer, const TaggerTrainOptions& options,
      const SequenceTagger& proto, int epochs,
      const std::function<double(int, const SequenceTagger&)>& on_epoch,
      SequenceTagger* model, int* best_epoch_out, double* best_score_out) {
    const bool bilou = proto.encoding_ == SequenceTagger::Encoding::kBilou;
    const int L = static_cast<int>(proto.labels_.size());
    struct Doc {
      std::vector<SentenceFeatures> sentences;
      const std::vector<std::vector<int>>* gold;
    };
    std::vector<Doc> data(subset.size());
    Scratch scratch;
    for (size_t k = 0; k < subset.size(); ++k) {
      const size_t d = subset[k];
      TaggerDocInfo info;
      AnalyseDocument(views[d], gazetteer, proto.lexicon_.get(),
                      proto.clusters_.get(), bilou, &scratch, &info);
      data[k].sentences.resize(views[d].size());
      data[k].gold = &gold[d];
      DocAggregate aggregate;
      if (first != nullptr) {
        for (size_t s = 0; s < views[d].size(); ++s)
          for (size_t i = 0; i < views[d][s].size(); ++i) {
            auto& c = aggregate[info.tokens[s][i].lower];
            int t = std::min(TypeOf((*first)[d][s][i]), 7);
            if (c[t] < 65535) ++c[t];
          }
      }
      for (size_t s = 0; s < views[d].size(); ++s) {
        StackInput stack;
        if (first != nullptr) {
          stack.labels = &(*first)[d][s];
          stack.aggregate = &aggregate;
        }
        ExtractStatic(views[d][s], info.tokens[s], info.gazetteer[s],
                      info.casing, proto.ClusterSizes(), &data[k].sentences[s],
                      stack);
      }
    }

    TrainTable table(L);
    double c = 1;
    auto update = [&](const uint64_t* st, int ns, const uint64_t* dyn, int nd,
                      int g, int pred) {
      auto bump = [&](uint64_t key) {
        size_t r = static_cast<size_t>(table.FindOrInsert(key)) * L;
        table.w_[r + g] += 1.0f;
        table.u_[r + g] += c;
        if (pred >= 0) {
          table.w_[r + pred] -= 1.0f;
          table.u_[r + pred] -= c;
        }
      };
      for (int k = 0; k < ns; ++k) bump(st[k]);
      for (int k = 0; k < nd; ++k) bump(dyn[k]);
    };
    std::function<void(const uint64_t*, int, const uint64_t*, int, int, int)>
        update_fn = update;
    auto add_row = [&](uint64_t key, float* sc) {
      int r = table.Find(key);
      if (r < 0) return;
      const float* w = table.w_.data() + static_cast<size_t>(r) * L;
      for (int l = 0; l < L; ++l) sc[l] += w[l];
    };

    std::vector<size_t> order(data.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(options.seed);
    std::vector<float> scores;
    std::vector<int> pred;
    std::vector<uint8_t> dropped;
    const ViterbiGraph graph = BuildViterbiGraph(L);
    std::vector<float> trans;
    ViterbiScratch vscratch;
    const uint32_t drop_below =
        static_cast<uint32_t>(options.word_dropout * 4294967295.0);
    double best_score = -1;
    int best_epoch = 0;
    int since_best = 0;
    SequenceTagger best, snap;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) {
        size_t j = rng() % i;
        std::swap(order[i - 1], order[j]);
      }
      for (size_t d : order) {
        std::unordered_map<uint64_t, int> prev_occ;
        for (size_t s = 0; s < data[d].sentences.size(); ++s) {
          const auto& sf = data[d].sentences[s];
          const auto& g = (*data[d].gold)[s];
          dropped.resize(g.size());
          for (auto& x : dropped) x = rng() < drop_below;
          if (bilou && proto.viterbi_) {
            ViterbiTransitions(graph, add_row, &trans);
            ViterbiDecode(sf, graph, trans, &prev_occ, add_row, &pred,
                          &vscratch,
                          options.word_dropout > 0 ? &dropped : nullptr);
            // Structured perceptron: phi(gold) - phi(pred).
            uint64_t dg[8], dp[8];
            int gp1 = -1, gp2 = -1, pp1 = -1, pp2 = -1;
            for (size_t i = 0; i < g.size(); ++i) {
              int occ = -1;
              auto it = prev_occ.find(sf.lower[i]);
              if (it != prev_occ.end()) occ = it->second;
              const int gi = g[i], pi = pred[i];
              if (gi != pi || gp1 != pp1 || gp2 != pp2) {
                const uint64_t* st = sf.feats.data() + sf.offs[i];
                int ns = static_cast<int>(sf.offs[i + 1] - sf.offs[i]);
                if (options.word_dropout > 0 && dropped[i]) {
                  st += kLexicalFeatures;
                  ns -= kLexicalFeatures;
                }
                int ng = DynamicFeatures(gp1, gp2, sf.lower[i], sf.sshape[i],
                                         occ, sf.cap[i], dg);
                int np = DynamicFeatures(pp1, pp2, sf.lower[i], sf.sshape[i],
                                         occ, sf.cap[i], dp);
                auto bump1 = [&](uint64_t key, int label, float v) {
                  size_t r = static_cast<size_t>(table.FindOrInsert(key)) * L;
                  table.w_[r + label] += v;
                  table.u_[r + label] += v * c;
                };
                if (gi != pi)
                  for (int k = 0; k < ns; ++k) {
                    bump1(st[k], gi, 1);
                    bump1(st[k], pi, -1);
                  }
                for (int k = 0; k < ng; ++k) bump1(dg[k], gi, 1);
                for (int k = 0; k < np; ++k) bump1(dp[k], pi, -1);
              }
              gp2 = gp1;
              gp1 = gi;
              pp2 = pp1;
              pp1 = pi;
            }
          } else {
            Decode(sf, L, bilou, bilou ? &prev_occ : nullptr, add_row, &pred,
                   &scores, &g, &update_fn,
                   options.word_dropout > 0 ? &dropped : nullptr);
          }
          c += static_cast<double>(g.size());
          if (bilou) UpdatePrevOcc(sf, pred, &prev_occ);
        }
      }
      if (!on_epoch && epoch < epochs) continue;
      Snapshot(table, c, options.prune, proto, &snap);
      double score = on_epoch ? on_epoch(epoch, snap) : epoch;
      if (score > best_score) {
        best_score = score;
        best_epoch = epoch;
        best = snap;
        since_best = 0;
      } else if (options.patience > 0 && ++since_best >= options.patience) {
        break;
      }
    }
    *model = std::move(best);
    if (best_epoch_out) *best_epoch_out = best_epoch;
    if (best_score_out) *best_score_out = best_score;
    return Status::OK();
  }
};

Status TrainSequenceTagger(const std::vector<TaggedDocument>& docs,
                           const Gazetteer& gazetteer,
                           const TaggerTrainOptions& options,
                           SequenceTagger* model, int* best_epoch,
                           double* best_score) {
  return SequenceTaggerTrainer::Train(docs, gazetteer, options, model,
                                      best_epoch, best_score);
}

WordLexicon BuildWordLexicon(
    const std::vector<std::vector<std::string>>& sentences, int min_count) {
  struct Counts {
    uint32_t total = 0, inner = 0, inner_cap = 0;
    std::unordered_map<uint32_t, uint32_t> left, right;
  };
  std::unordered_map<uint64_t, Counts> counts;
  Scratch scratch;
  std::vector<TokenInfo> info;
  for (const auto& s : sentences) {
    info.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) Analyse(s[i], &scratch, &info[i]);
    const bool headline = IsHeadline(info);
    for (size_t i = 0; i < s.size(); ++i) {
      Counts& c = counts[info[i].lower];
      ++c.total;
      if (i > 0 && !headline) {
        ++c.inner;
        if (info[i].cap) ++c.inner_cap;
      }
      ++c.left[static_cast<uint32_t>(i > 0 ? info[i - 1].lower : kBoundary)];
      ++c.right[static_cast<uint32_t>(i + 1 < s.size() ? info[i + 1].lower
                                                       : kBoundary + 1)];
    }
  }
  auto top = [](const std::unordered_map<uint32_t, uint32_t>& m) {
    uint32_t best = 0, best_count = 0;
    for (const auto& [k, v] : m)
      if (v > best_count || (v == best_count && k < best)) {
        best = k;
        best_count = v;
      }
    return best;
  };
  WordLexicon lex;
  for (const auto& [key, c] : counts) {
    if (static_cast<int>(c.total) < min_count) continue;
    WordStat st;
    int share = 0;
    if (c.inner > 0) {
      double r = static_cast<double>(c.inner_cap) / c.inner;
      share = r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.95 ? 3 : 4;
    } else {
      share = 2;
    }
    int freq = c.total < 10 ? 0 : c.total < 100 ? 1 : c.total < 1000 ? 2 : 3;
    st.cap_bucket = static_cast<uint8_t>(share * 4 + freq);
    st.left = top(c.left);
    st.right = top(c.right);
    lex[key] = st;
  }
  return lex;
}

}  // namespace dateline

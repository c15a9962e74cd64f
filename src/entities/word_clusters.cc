#include "entities/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/hash.h"
#include "entities/gazetteer.h"

namespace dateline {
namespace {

// x log x, from a table for small counts.
class XLogX {
 public:
  XLogX() : table_(1 << 16) {
    for (size_t i = 1; i < table_.size(); ++i)
      table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
  }
  double operator()(int64_t x) const {
    if (x <= 0) return 0.0;
    if (x < static_cast<int64_t>(table_.size())) return table_[x];
    const double d = static_cast<double>(x);
    return d * std::log(d);
  }

 private:
  std::vector<double> table_;
};

struct Vocabulary {
  std::vector<uint64_t> keys;  // word id -> key (the last id: rare words)
  std::vector<int64_t> count;
  // Bigrams as adjacency lists (word id, count), self-loops apart.
  std::vector<std::vector<std::pair<int, int>>> succ, pred;
  std::vector<int64_t> self, left, right;  // self-loop, as w1, as w2 counts
};

Vocabulary Count(const std::vector<std::vector<std::string>>& sentences,
                 int min_count) {
  std::unordered_map<uint64_t, int64_t> freq;
  for (const auto& s : sentences)
    for (const auto& w : s) ++freq[ClusterKey(w)];
  std::vector<std::pair<int64_t, uint64_t>> kept;
  for (const auto& [k, n] : freq)
    if (n >= min_count) kept.emplace_back(n, k);
  // Most frequent first; ties by key, so that the result is deterministic.
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  Vocabulary v;
  std::unordered_map<uint64_t, int> id;
  for (const auto& [n, k] : kept) {
    id[k] = static_cast<int>(v.keys.size());
    v.keys.push_back(k);
  }
  const int rare = static_cast<int>(v.keys.size());
  v.keys.push_back(0);
  const int boundary = rare + 1;  // sentence start/end
  v.keys.push_back(0);
  const size_t V = v.keys.size();
  v.count.assign(V, 0);
  v.self.assign(V, 0);
  v.left.assign(V, 0);
  v.right.assign(V, 0);
  std::unordered_map<uint64_t, int64_t> bigrams;
  std::vector<int> ids;
  for (const auto& s : sentences) {
    ids.assign(1, boundary);
    for (const auto& w : s) {
      auto it = id.find(ClusterKey(w));
      ids.push_back(it == id.end() ? rare : it->second);
    }
    ids.push_back(boundary);
    for (size_t i = 0; i + 1 < ids.size(); ++i)
      ++bigrams[(static_cast<uint64_t>(ids[i]) << 32) | ids[i + 1]];
    for (int w : ids) ++v.count[w];
  }
  v.succ.resize(V);
  v.pred.resize(V);
  std::vector<std::pair<uint64_t, int64_t>> sorted(bigrams.begin(),
                                                   bigrams.end());
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [key, n] : sorted) {
    const int a = static_cast<int>(key >> 32), b = static_cast<int>(key);
    v.left[a] += n;
    v.right[b] += n;
    if (a == b) {
      v.self[a] += n;
      continue;
    }
    v.succ[a].emplace_back(b, static_cast<int>(n));
    v.pred[b].emplace_back(a, static_cast<int>(n));
  }
  return v;
}

// One clustering of `v` into C classes.
std::vector<uint16_t> Exchange(const Vocabulary& v, int C, int iterations,
                               const XLogX& f, std::string* log) {
  const int V = static_cast<int>(v.keys.size());
  std::vector<int> cls(V);
  // The C-1 most frequent words start in classes of their own, the rest in
  // the classes round robin.
  for (int w = 0; w < V; ++w) cls[w] = w < C ? w : w % C;
  std::vector<int64_t> M(static_cast<size_t>(C) * C, 0), Nl(C, 0), Nr(C, 0);
  auto m = [&](int a, int b) -> int64_t& {
    return M[static_cast<size_t>(a) * C + b];
  };
  for (int w = 0; w < V; ++w) {
    for (const auto& [u, n] : v.succ[w]) m(cls[w], cls[u]) += n;
    m(cls[w], cls[w]) += v.self[w];
    Nl[cls[w]] += v.left[w];
    Nr[cls[w]] += v.right[w];
  }
  int64_t total = 0;
  for (int w = 0; w < V; ++w) total += v.left[w];
  std::vector<int64_t> S(C, 0), P(C, 0);
  std::vector<int> touched;
  std::vector<uint8_t> is_touched(C, 0);
  for (int it = 1; it <= iterations; ++it) {
    int moves = 0;
    for (int w = 0; w < V; ++w) {
      const int a = cls[w];
      // Counts from w to each class and from each class to w.
      touched.clear();
      for (const auto& [u, n] : v.succ[w]) {
        const int c = cls[u];
        if (!is_touched[c]) is_touched[c] = 1, touched.push_back(c);
        S[c] += n;
      }
      for (const auto& [u, n] : v.pred[w]) {
        const int c = cls[u];
        if (!is_touched[c]) is_touched[c] = 1, touched.push_back(c);
        P[c] += n;
      }
      // Take w out of a.
      for (int c : touched) {
        if (c == a) continue;
        m(a, c) -= S[c];
        m(c, a) -= P[c];
      }
      m(a, a) -= S[a] + P[a] + v.self[w];
      Nl[a] -= v.left[w];
      Nr[a] -= v.right[w];
      // The class that gains most from w (ties: the lowest id, then a).
      int best = a;
      double best_gain = -1e300;
      for (int k = 0; k < C; ++k) {
        double g = 0;
        for (int c : touched) {
          if (c == k) continue;
          if (S[c]) g += f(m(k, c) + S[c]) - f(m(k, c));
          if (P[c]) g += f(m(c, k) + P[c]) - f(m(c, k));
        }
        const int64_t kk = m(k, k);
        g += f(kk + S[k] + P[k] + v.self[w]) - f(kk);
        g -= f(Nl[k] + v.left[w]) - f(Nl[k]);
        g -= f(Nr[k] + v.right[w]) - f(Nr[k]);
        if (g > best_gain + 1e-9 || (k == a && g >= best_gain - 1e-9)) {
          best_gain = g;
          best = k;
        }
      }
      // Put w in best.
      for (int c : touched) {
        if (c == best) continue;
        m(best, c) += S[c];
        m(c, best) += P[c];
      }
      m(best, best) += S[best] + P[best] + v.self[w];
      Nl[best] += v.left[w];
      Nr[best] += v.right[w];
      if (best != a) ++moves;
      cls[w] = best;
      for (int c : touched) S[c] = P[c] = 0, is_touched[c] = 0;
    }
    if (log != nullptr) {
      double ll = 0;
      for (int64_t x : M) ll += f(x);
      for (int c = 0; c < C; ++c) ll -= f(Nl[c]) + f(Nr[c]);
      char buf[128];
      std::snprintf(buf, sizeof(buf),
                    "clusters %d pass %d: %d moves, class-bigram LL/token "
                    "%.4f\n",
                    C, it, moves, ll / static_cast<double>(total));
      *log += buf;
    }
    if (moves == 0) break;
  }
  std::vector<uint16_t> out(V);
  for (int w = 0; w < V; ++w) out[w] = static_cast<uint16_t>(cls[w]);
  return out;
}

}  // namespace

uint64_t ClusterKey(std::string_view word) {
  std::string lower;
  Gazetteer::NormalizeQuotes(word, true, &lower);
  return Hash64(lower);
}

WordClusterTable BuildWordClusters(
    const std::vector<std::vector<std::string>>& sentences,
    const ClusterOptions& options, std::string* log) {
  WordClusterTable table;
  if (sentences.empty() || options.classes.empty()) return table;
  const Vocabulary v = Count(sentences, std::max(1, options.min_count));
  const XLogX f;
  std::vector<std::vector<uint16_t>> runs;
  for (int C : options.classes) {
    C = std::clamp(C, 2, 65535);
    runs.push_back(Exchange(v, C, options.iterations, f, log));
  }
  const size_t words = v.keys.size() - 2;  // not the rare and boundary ids
  for (size_t w = 0; w < words; ++w) {
    std::vector<uint16_t> ids;
    for (const auto& r : runs) ids.push_back(r[w]);
    table[v.keys[w]] = std::move(ids);
  }
  return table;
}

}  // namespace dateline

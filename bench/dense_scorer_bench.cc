// What one parser decision costs: the committed sparse scorer (hashed
// feature weights, data/models/parser.model) against the two ways a dense
// scorer of the Chen and Manning (2014) kind computes its hidden layer,
// measured side by side in one process (issue 12: would a dense scorer let
// a beam of 4 cost what the greedy parser costs today?).
//
//   build/dense_scorer_bench [--benchmark_repetitions=3]
//
// Counter `ns_per_decision` is the figure. The sparse scorer is timed by
// parsing EWT dev (gold tokens and XPOS tags: tags do not change the work)
// with the greedy model, 2n - 1 transitions a sentence of n words; it skips
// when the treebank is missing. The dense scorers are the network's forward
// pass alone, with random weights (time does not depend on their values):
// 48 features (18 words, 18 tags, 12 labels; Chen and Manning's set), 50
// dimensions each, 200 hidden units with the cube activation, 92 outputs
// (the arc-eager moves over 45 labels):
//  - "full": the 48 embeddings gathered, then a 200 x 2400 matrix product;
//  - "precomputed": each (position, id) row of the first layer computed in
//    advance (Chen and Manning's trick), 48 rows of 200 floats summed; the
//    table (18 x 20,000 words + tags + labels, 290 MB) is read at word ids
//    drawn from a Zipf distribution, as words are.
// Neither counts feature extraction, which the sparse figure includes.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bench_data.h"
#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"

namespace dateline {
namespace {

constexpr int kWords = 18, kTags = 18, kLabels = 12;
constexpr int kFeatures = kWords + kTags + kLabels;
constexpr int kDim = 50, kHidden = 200, kMoves = 92;
constexpr int kVocab = 20000, kTagIds = 50, kLabelIds = 45;

// Feature ids of one decision: word ids Zipf-distributed, tags and labels
// uniform. Many decisions drawn once, cycled through.
std::vector<int> DrawIds(size_t decisions) {
  std::mt19937 rng(7);
  std::vector<double> cdf(kVocab);
  double sum = 0;
  for (int i = 0; i < kVocab; ++i) cdf[i] = (sum += 1.0 / (i + 1));
  std::uniform_real_distribution<double> u(0, sum);
  std::vector<int> ids;
  ids.reserve(decisions * kFeatures);
  for (size_t d = 0; d < decisions; ++d) {
    for (int f = 0; f < kWords; ++f) {
      double x = u(rng);
      ids.push_back(static_cast<int>(std::lower_bound(cdf.begin(), cdf.end(), x) -
                                     cdf.begin()));
    }
    for (int f = 0; f < kTags; ++f) ids.push_back(static_cast<int>(rng() % kTagIds));
    for (int f = 0; f < kLabels; ++f) ids.push_back(static_cast<int>(rng() % kLabelIds));
  }
  return ids;
}

std::vector<float> Random(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-0.01f, 0.01f);
  std::vector<float> v(n);
  for (float& x : v) x = u(rng);
  return v;
}

// The output layer and the best move, shared by both dense scorers. The
// weights are stored by hidden unit (w2[j * kMoves + m]) so that the product
// is a sum of scaled rows, which the compiler vectorises without reordering
// a reduction (no -ffast-math in this build).
int Output(const std::vector<float>& w2, float* h) {
  float out[kMoves] = {};
  for (int j = 0; j < kHidden; ++j) {
    const float c = h[j] * h[j] * h[j];
    const float* row = w2.data() + static_cast<size_t>(j) * kMoves;
    for (int m = 0; m < kMoves; ++m) out[m] += c * row[m];
  }
  int best = 0;
  for (int m = 1; m < kMoves; ++m)
    if (out[m] > out[best]) best = m;
  return best;
}

void BM_DenseFull(benchmark::State& state) {
  const size_t decisions = 4096;
  std::vector<int> ids = DrawIds(decisions);
  std::vector<float> words = Random(static_cast<size_t>(kVocab) * kDim, 1);
  std::vector<float> tags = Random(static_cast<size_t>(kTagIds) * kDim, 2);
  std::vector<float> labels = Random(static_cast<size_t>(kLabelIds) * kDim, 3);
  std::vector<float> w1 = Random(static_cast<size_t>(kHidden) * kFeatures * kDim, 4);
  std::vector<float> w2 = Random(static_cast<size_t>(kMoves) * kHidden, 5);
  std::vector<float> x(kFeatures * kDim), h(kHidden);
  size_t d = 0, n = 0;
  for (auto _ : state) {
    const int* f = ids.data() + (d++ % decisions) * kFeatures;
    for (int i = 0; i < kFeatures; ++i) {
      const float* e = i < kWords ? &words[static_cast<size_t>(f[i]) * kDim]
                       : i < kWords + kTags ? &tags[static_cast<size_t>(f[i]) * kDim]
                                            : &labels[static_cast<size_t>(f[i]) * kDim];
      std::copy(e, e + kDim, x.begin() + i * kDim);
    }
    // By input (w1[k * kHidden + j]): a sum of scaled rows, as Output.
    std::fill(h.begin(), h.end(), 0.0f);
    for (int k = 0; k < kFeatures * kDim; ++k) {
      const float c = x[k];
      const float* row = w1.data() + static_cast<size_t>(k) * kHidden;
      for (int j = 0; j < kHidden; ++j) h[j] += c * row[j];
    }
    benchmark::DoNotOptimize(Output(w2, h.data()));
    ++n;
  }
  state.counters["ns_per_decision"] = benchmark::Counter(
      static_cast<double>(n), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DenseFull)->Unit(benchmark::kMicrosecond);

void BM_DensePrecomputed(benchmark::State& state) {
  const size_t decisions = 65536;
  std::vector<int> ids = DrawIds(decisions);
  // Rows: words by position, then tags by position, then labels by position.
  const size_t word_rows = static_cast<size_t>(kWords) * kVocab;
  const size_t tag_rows = static_cast<size_t>(kTags) * kTagIds;
  const size_t rows = word_rows + tag_rows + static_cast<size_t>(kLabels) * kLabelIds;
  std::vector<float> table = Random(rows * kHidden, 6);
  std::vector<float> w2 = Random(static_cast<size_t>(kMoves) * kHidden, 5);
  std::vector<float> h(kHidden);
  size_t d = 0, n = 0;
  for (auto _ : state) {
    const int* f = ids.data() + (d++ % decisions) * kFeatures;
    std::fill(h.begin(), h.end(), 0.0f);
    for (int i = 0; i < kFeatures; ++i) {
      size_t row = i < kWords ? static_cast<size_t>(i) * kVocab + f[i]
                   : i < kWords + kTags
                       ? word_rows + static_cast<size_t>(i - kWords) * kTagIds + f[i]
                       : word_rows + tag_rows +
                             static_cast<size_t>(i - kWords - kTags) * kLabelIds + f[i];
      const float* r = table.data() + row * kHidden;
      for (int j = 0; j < kHidden; ++j) h[j] += r[j];
    }
    benchmark::DoNotOptimize(Output(w2, h.data()));
    ++n;
  }
  state.counters["ns_per_decision"] = benchmark::Counter(
      static_cast<double>(n), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DensePrecomputed)->Unit(benchmark::kMicrosecond);

void BM_SparseCommitted(benchmark::State& state) {
  static std::vector<ConlluSentence> sentences;
  static DependencyParser parser;
  if (sentences.empty()) {
    std::string ud = bench::FindSharedDataset("ud-english");
    Status s = ud.empty() ? Status::NotFound("ud-english")
                          : ReadConlluFile(ud + "/en_ewt-ud-dev.conllu.gz", &sentences);
    if (s.ok()) s = parser.Load(std::string(DATELINE_SOURCE_DIR) + "/data/models/parser.model");
    if (!s.ok()) {
      state.SkipWithError(("needs ../shared/datasets/ud-english and the parser "
                           "model: " + s.ToString()).c_str());
      return;
    }
  }
  DependencyTree tree;
  size_t decisions = 0;
  std::vector<std::string_view> words, tags;
  for (auto _ : state) {
    for (const ConlluSentence& sent : sentences) {
      words.clear();
      tags.clear();
      for (const ConlluWord& w : sent.words) {
        words.push_back(w.form);
        tags.push_back(w.xpos);
      }
      parser.Parse(words, tags, &tree);
      benchmark::DoNotOptimize(tree.heads.data());
      decisions += 2 * words.size() - 1;
    }
  }
  state.counters["ns_per_decision"] = benchmark::Counter(
      static_cast<double>(decisions), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_SparseCommitted)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();

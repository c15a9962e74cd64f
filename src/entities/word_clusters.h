// Word clusters from unlabelled text by the exchange algorithm (Kneser and
// Ney 1993; Martin, Liermann and Ney 1998): every word is put in one of C
// classes so that the class bigram model P(c2 | c1) P(w | c) gives the text
// the highest likelihood, by moving one word at a time to the class that
// raises it most. Like Brown clusters, words that occur in the same contexts
// end up together (weekdays, surnames, football clubs, currencies), which is
// what a tagger needs for words it never saw in training. Several clusterings
// of different sizes stand in for the prefixes of Brown's hierarchy.
#ifndef DATELINE_ENTITIES_WORD_CLUSTERS_H_
#define DATELINE_ENTITIES_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline {

// Key: ClusterKey(word). Value: the word's class in each clustering, in the
// order of `ClusterOptions::classes`.
using WordClusterTable = std::unordered_map<uint64_t, std::vector<uint16_t>>;

struct ClusterOptions {
  std::vector<int> classes = {64, 256, 1024};  // one clustering per size
  int min_count = 3;   // rarer words share one "rare word" entry
  int iterations = 8;  // passes over the vocabulary
};

// Clusters the lower-cased words of `sentences`. `log` (may be null) gets one
// line per pass: size, pass, moves, log-likelihood per token.
WordClusterTable BuildWordClusters(
    const std::vector<std::vector<std::string>>& sentences,
    const ClusterOptions& options, std::string* log = nullptr);

// The lower-casing (ASCII letters, typographic quotes as ASCII ones) and
// hash BuildWordClusters keys words by: the tagger's "lower" hash.
uint64_t ClusterKey(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_ENTITIES_WORD_CLUSTERS_H_

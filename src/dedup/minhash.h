// Near-duplicate detection for wire copy: word shingles, MinHash signatures
// and LSH bands (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of
// Massive Datasets", ch. 3). The archive keeps each article's band keys in an
// index, looks up candidates sharing a band, and accepts a candidate when the
// signatures say the shingle sets are close enough (SameStory).
//
// Text is normalised before shingling so that what syndication changes does
// not count: case, punctuation, quote marks (straight or curly), dashes and
// line wrapping all vanish; only the sequence of words is kept. Titles are
// not shingled (outlets retitle). Stateless functions; thread-safe.
#ifndef DATELINE_DEDUP_MINHASH_H_
#define DATELINE_DEDUP_MINHASH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Words per shingle.
constexpr size_t kShingleWords = 4;
// LSH layout: kBands bands of kRows hashes each.
constexpr size_t kBands = 42;
constexpr size_t kRows = 3;
// The text part of a signature: kSignatureSize - 1 minima and the shingle
// count. After it come the figures: the count of distinct number tokens
// ("106,200", "7-3/4", "1987") and the kNumberSlots smallest of their hashes.
// Two reports written from one template (weekly grain shipments, a bank's
// prime rate) share most shingles but not their figures; copies of one story
// keep them.
constexpr size_t kSignatureSize = kBands * kRows;
constexpr size_t kNumberSlots = 24;
constexpr size_t kFullSignatureSize = kSignatureSize + 1 + kNumberSlots;

// Returns the normalised words of `text`: runs of letters and digits
// (ASCII lowercased; any other letter kept as is), split at everything else.
std::vector<std::string_view> ShingleWords(std::string_view text,
                                           std::string* storage);

// Returns the distinct hashes of the kShingleWords-word shingles of `text`,
// sorted. A text with fewer words gives one shingle of all of them; a text
// with no words gives none.
std::vector<uint64_t> ShingleHashes(std::string_view text);

// Returns the signature (kFullSignatureSize values: MinHash of the shingles,
// their count, then the figures, see above) of `text`; empty when it has no
// words.
std::vector<uint32_t> MinHashSignature(std::string_view text);

// Returns the band keys of a signature: one 63-bit key per band (band index
// mixed in), empty for an empty signature.
std::vector<int64_t> BandKeys(const std::vector<uint32_t>& signature);

// Estimates from two signatures the Jaccard similarity of their shingle sets
// and the containment of the smaller in the larger (|A n B| / min(|A|,|B|)).
struct Similarity {
  double jaccard = 0;
  double containment = 0;
};
Similarity EstimateSimilarity(const std::vector<uint32_t>& a,
                              const std::vector<uint32_t>& b);

// Returns the share of the smaller article's figures found in the other's
// (exact up to kNumberSlots figures, a bottom-k estimate beyond), or 1 when
// either has fewer than two figures.
double FigureContainment(const std::vector<uint32_t>& a,
                         const std::vector<uint32_t>& b);

// The rule that decides whether two articles are copies of one story.
struct StoryRule {
  double min_jaccard = 0.45;
  double min_containment = 0.80;
  // Containment only counts when the smaller text has this many shingles
  // (a two-line brief is contained in many stories).
  uint32_t min_shingles_for_containment = 40;
  // Articles sharing less than this share of their figures are different
  // reports, however alike their words.
  double min_figure_containment = 0.5;
  // A text this short (in shingles: one line, a note left of a table) only
  // joins a story when nearly identical.
  uint32_t short_text_shingles = 15;
  double short_text_min_jaccard = 0.9;
};
bool SameStory(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
               const StoryRule& rule);

}  // namespace dateline

#endif  // DATELINE_DEDUP_MINHASH_H_

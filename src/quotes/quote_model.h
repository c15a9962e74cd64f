// QuoteModel: a learnt second look at the quotes the rules found
// (QuoteExtractor), three averaged perceptrons over hashed features learnt
// together (their features are disjoint):
//
// 1. Filter: it drops a quote (direct or indirect, never partial) whose cue,
//    source and content look like no attribution in the PolNeAR sense, from
//    the cue's words, class and part of speech, the source's head word, the
//    content's first words and length, nesting in another quote, and the
//    sentence (headline, quotation marks, length), and the cue's clause in
//    the clause layer (negated, modality, whether the source is its agent
//    and the content its complement).
// 2. Source filter: over the same facts, it leaves out a source that looks
//    wrong (the quote stays, without a speaker).
// 3. Bounds: for the content of an indirect quote, and the source and cue of
//    any quote but a partial one, it picks the first and the last token among
//    the tokens within kWindow of the rules' choice, scoring each candidate
//    boundary from the words, part-of-speech tags and chunks around it, its
//    distance from the rules' choice, the words it adds or drops, and what
//    the neighbouring tokens belong to (cue, source, content), and the
//    clause layer: which argument starts or ends there, and how far the
//    candidate lies from the cue clause's complement (content) or agent
//    (source). Start and end are chosen apart; a candidate never takes in a
//    token of the quote's other two spans and never leaves the quote's
//    sentence. Direct quotations keep their marks' bounds.
//
// The committed model (data/models/quotes.model) was trained by
// tools/train_quotes_main.cc on the PolNeAR train split; see
// data/models/README.md. A model is immutable after Load/Train; its const
// methods are thread-safe.
#ifndef DATELINE_QUOTES_QUOTE_MODEL_H_
#define DATELINE_QUOTES_QUOTE_MODEL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

// The candidate boundaries of one side (start or end) of one quote: the
// token each candidate puts the boundary at (start: the first token of the
// content; end: one past its last token), its features, and which candidate
// is the rules' own choice.
struct BoundaryCandidates {
  std::vector<int> tokens;
  std::vector<std::vector<uint64_t>> features;
  int original = 0;  // index into tokens
};

// One training example: candidates and the index of the right one.
struct BoundaryExample {
  BoundaryCandidates candidates;
  int gold = 0;
};

class QuoteModel {
 public:
  // How far (in tokens) from the rules' boundary candidates are looked for.
  static constexpr int kWindow = 8;
  // The same for the content of an indirect quote.
  static constexpr int kContentWindow = 40;

  // The spans of a quote whose bounds the model moves.
  enum class Part { kContent, kSource, kCue };

  // Computes the start and end candidates of one part of doc.quotes[q]: the
  // content of an indirect quote, or the source or the cue of any quote but
  // a partial one. Returns false when there is no such part or it does not
  // lie on token bounds.
  static bool Candidates(const Document& doc, size_t q, Part part,
                         BoundaryCandidates* start, BoundaryCandidates* end);

  // Returns the index of the best-scoring candidate.
  int Best(const BoundaryCandidates& c) const;

  // Computes the filter's features of doc.quotes[q]. Returns false when the
  // quote is not one the filter judges (partial quotes).
  static bool FilterFeatures(const Document& doc, size_t q,
                             std::vector<uint64_t>* features);
  // The one feature of the "drop" side of a filter example.
  static uint64_t DropFeature();
  // Returns true when the filter keeps a quote with these features.
  bool Keep(const std::vector<uint64_t>& features) const;

  // The same for the quote's source alone (false when it has none): a
  // source the model rejects is left out and the quote kept.
  static bool SourceFeatures(const Document& doc, size_t q,
                             std::vector<uint64_t>* features);
  static uint64_t DropSourceFeature();
  bool KeepSource(const std::vector<uint64_t>& features) const;

  // Drops the quotes of *doc the filter rejects, then moves the bounds of
  // every indirect quote to the best candidates (when the new start still
  // comes before the new end).
  void Refine(Document* doc) const;

  // Text file: '#' lines (how it was made), "margin M" (the filter's keep
  // margin), then "KEY WEIGHT" lines, KEY a 16-digit hex feature hash. Save returns IOError when the file cannot be
  // written; Load returns IOError when it cannot be read and Corruption
  // when a line is malformed.
  Status Save(const std::string& path) const;
  Status Load(const std::string& path);

  // Averaged-perceptron training (Collins 2002) over `examples` in a fixed
  // pseudo-random order per epoch (seeded, so the same data give the same
  // model). With runs > 1 the weights are the mean of that many perceptrons
  // trained with seeds seed, seed + 1, ... (steadier choices). Returns
  // InvalidArgument when there are no examples.
  static Status Train(const std::vector<BoundaryExample>& examples, int epochs,
                      uint32_t seed, QuoteModel* out, int runs = 1);

  // The filter keeps a quote when its score plus this margin is at least
  // the score of dropping it: above 0 it keeps doubtful quotes (recall).
  void set_keep_margin(double m) { keep_margin_ = m; }
  double keep_margin() const { return keep_margin_; }

  // Free-form lines written at the top of the model file.
  std::vector<std::string>& info() { return info_; }
  size_t feature_count() const { return weights_.size(); }

 private:
  double Score(const std::vector<uint64_t>& features) const;
  // Turns filter features into the source filter's.
  static void SourceFromFilter(std::vector<uint64_t>* features);
  // Fills the open-addressing table Score reads from weights_.
  void BuildTable();

  std::unordered_map<uint64_t, float> weights_;
  // The same weights as a flat table (Fibonacci hashing, linear probing).
  std::vector<uint64_t> table_keys_;
  std::vector<float> table_weights_;
  uint64_t mask_ = 0;
  int shift_ = 64;
  std::vector<std::string> info_;
  double keep_margin_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_QUOTES_QUOTE_MODEL_H_

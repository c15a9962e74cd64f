// SequenceTagger: a greedy left-to-right averaged-perceptron sequence tagger
// over hashed features, used for named entities (BILOU-encoded spans, with
// gazetteer, unlabelled-text and document-level features, optionally in two
// stages) and for part-of-speech tags and chunks (plain labels). A model file
// carries everything it needs: labels, weights, its gazetteer entries, its
// word statistics and its first stage; data/models/README.md says how the
// committed ones were made.
//
// Features are strings never built as strings: every token's word, lower
// case, shape and affixes are hashed once (XXH3) and each template combines
// those hashes with a fixed 64-bit mixer, so a feature's hash is the same on
// every machine and in every run. Weights live in one flat float table, one
// row of |labels| weights per feature that survived training.
//
// A trained tagger is immutable: const methods may be called from several
// threads at once. The trainer (TrainSequenceTagger) is single-threaded.
#ifndef DATELINE_ENTITIES_TAGGER_MODEL_H_
#define DATELINE_ENTITIES_TAGGER_MODEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/perceptron.h"
#include "dateline/status.h"
#include "entities/gazetteer.h"
#include "entities/word_clusters.h"

namespace dateline {

// Words of one sentence, and a document as its sentences in order.
using TaggerSentence = std::vector<std::string_view>;
using TaggerDocument = std::vector<TaggerSentence>;

struct TaggerDocInfo;

// What unlabelled text says about a (lower-cased) word: how often it is
// capitalised away from sentence starts, and its most frequent left and
// right neighbours. A cheap stand-in for word clusters.
struct WordStat {
  uint8_t cap_bucket =
      0;               // capitalised share (0..4) * 4 + log frequency (0..3)
  uint32_t left = 0;   // 32-bit hash of the most frequent left neighbour
  uint32_t right = 0;  // same for the right neighbour
};
using WordLexicon =
    std::unordered_map<uint64_t, WordStat>;  // key: Hash64(lower)

// Builds a WordLexicon from tokenised sentences of unlabelled text; words
// seen fewer than `min_count` times are left out.
WordLexicon BuildWordLexicon(
    const std::vector<std::vector<std::string>>& sentences, int min_count);

class SequenceTagger {
 public:
  // Bounds of one tagging unit (see TagDocument): a document longer than
  // this many tokens is tagged in consecutive chunks of whole sentences, and
  // a longer sentence in pieces of this many tokens.
  static constexpr size_t kMaxChunkTokens = 200000;
  static constexpr size_t kMaxSentenceTokens = 1000;

  // How labels are learnt. kBilou: the input labels are IOB2 spans
  // (B-X/I-X/O), learnt as B/I/L/U/O with transitions constrained, and
  // document-level features ("this word was tagged X earlier in the document")
  // are on. kPlain: each label is learnt as it is (POS tags, chunks).
  enum class Encoding { kPlain, kBilou };

  SequenceTagger();
  ~SequenceTagger();
  SequenceTagger(SequenceTagger&&) noexcept;
  SequenceTagger& operator=(SequenceTagger&&) noexcept;
  SequenceTagger(const SequenceTagger&);
  SequenceTagger& operator=(const SequenceTagger&);

  // Tags every sentence of `doc`; `labels` gets one label per word, as
  // external label strings (IOB2 for kBilou). Sentences are tagged in order,
  // because earlier tags feed the document-level features of later ones.
  // Memory beyond the output is bounded: a document of more than
  // kMaxChunkTokens tokens is tagged chunk by chunk, and a sentence of more
  // than kMaxSentenceTokens piece by piece.
  void TagDocument(const TaggerDocument& doc,
                   std::vector<std::vector<std::string>>* labels) const;

  // Same as TagDocument with label ids into external_labels().
  void TagDocumentIds(const TaggerDocument& doc,
                      std::vector<std::vector<int>>* labels) const;

  // The labels TagDocumentIds returns ids into (IOB2 for kBilou).
  const std::vector<std::string>& external_labels() const {
    return external_labels_;
  }
  Encoding encoding() const { return encoding_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  // The word clusters stored in the model (null when it has none).
  std::shared_ptr<const WordClusterTable> clusters() const { return clusters_; }
  // The unlabelled-text word statistics stored in the model (or null).
  std::shared_ptr<const WordLexicon> lexicon() const { return lexicon_; }
  size_t feature_count() const { return weights_.rows(); }

  // Free-form `key value` lines recorded in the model file's text header
  // (how the model was made).
  const std::vector<std::pair<std::string, std::string>>& info() const {
    return info_;
  }
  void AddInfo(std::string key, std::string value) {
    info_.emplace_back(std::move(key), std::move(value));
  }

  // Writes the model: a text header (labels, info lines, gazetteer entries)
  // then the weights as (key, label, int16) records. Returns IOError when the
  // file cannot be written.
  Status Save(const std::string& path) const;
  // Reads a model written by Save. Returns IOError when the file cannot be
  // read and Corruption when it is not a valid model.
  Status Load(const std::string& path);

  // Returns the 64-bit hashes of the static features of word `i` of
  // `sentence` (for tests: they must not change between runs or machines).
  std::vector<uint64_t> StaticFeatureHashes(const TaggerSentence& sentence,
                                            size_t i) const;

 private:
  friend class SequenceTaggerTrainer;

  // Tags `doc` with internal label ids (BILOU for kBilou), in chunks of at
  // most kMaxChunkTokens tokens and sentence pieces of at most
  // kMaxSentenceTokens, so that memory stays bounded on huge pages.
  void TagInternal(const TaggerDocument& doc,
                   std::vector<std::vector<int>>* labels) const;
  // Tags `doc` as one unit (all of its document-level features).
  void TagChunk(const TaggerDocument& doc,
                std::vector<std::vector<int>>* labels) const;
  void TagAnalysed(const TaggerDocument& doc, const TaggerDocInfo& info,
                   std::vector<std::vector<int>>* labels) const;

  // Clusterings per word in clusters_ (0 without clusters).
  size_t ClusterSizes() const {
    return clusters_ == nullptr || clusters_->empty()
               ? 0
               : clusters_->begin()->second.size();
  }
  // `outer`: the model this one is the first stage of; tables it shares
  // with it (lexicon, clusters) are written once, in the outer model.
  void Serialize(std::string* out, const SequenceTagger* outer = nullptr) const;
  Status Parse(const std::string& path, std::string_view data, size_t* pos);

  Encoding encoding_ = Encoding::kPlain;
  // A model neither trained nor loaded tags every word "O".
  std::vector<std::string> labels_{"O"};           // internal (BILOU) labels
  std::vector<std::string> external_labels_{"O"};  // what callers see
  std::vector<int> to_external_{0};                // internal id -> external id
  Gazetteer gazetteer_;
  std::vector<std::pair<std::string, std::string>> info_;
  // The weights, sparse int16 steps of one scale (base/perceptron.h: a row
  // holds only the labels a feature has a weight for, a few of 45 POS tags
  // on average, so the table stays within the caches).
  PerceptronWeights weights_;
  // Two-stage tagging (Ratinov and Roth 2009): when set, this model first
  // runs over the whole document and its tags, and the tags every word
  // received anywhere in the document, are features of this one.
  std::shared_ptr<const SequenceTagger> stage1_;
  std::shared_ptr<const WordLexicon> lexicon_;
  // Optional word clusters (classes of the word and its neighbours are
  // features); stored in the model file.
  std::shared_ptr<const WordClusterTable> clusters_;
  // While parsing a first stage: bit 0 / 1 = its lexicon / clusters are the
  // outer model's ("shared" in the file).
  uint8_t shared_tables_ = 0;
  // kBilou only: decode with second-order Viterbi (weights were learnt with
  // the structured perceptron); else greedy. Recorded as "bilou-viterbi".
  bool viterbi_ = false;
};

// One training example: a document with a gold label for every word.
struct TaggedDocument {
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<std::string>> labels;
};

struct TaggerTrainOptions {
  SequenceTagger::Encoding encoding = SequenceTagger::Encoding::kBilou;
  int epochs = 15;
  uint32_t seed = 1;
  // Averaged weights with |w| below this are dropped from the model.
  float prune = 0.0f;
  // Called after every epoch with the averaged, quantised model of that epoch;
  // returns its score on development data (higher is better). The epoch with
  // the best score is kept. When unset the last epoch is kept.
  // `stage` is 1 or 2 (two-stage training), else 0.
  std::function<double(int stage, int epoch, const SequenceTagger& model)>
      on_epoch;
  // Two stages: a first model trained as usual, and a second one whose
  // features include the first one's tags over the whole document. The
  // second is trained on first-stage tags from `folds`-fold jackknifing, so
  // it sees first-stage mistakes as they happen on unseen text.
  bool two_stage = false;
  // Optional statistics from unlabelled text (stored in the model).
  std::shared_ptr<const WordLexicon> lexicon;
  // Optional word clusters from unlabelled text (stored in the model).
  std::shared_ptr<const WordClusterTable> clusters;
  int folds = 5;
  // Share of training tokens, drawn anew each epoch, whose word-identity
  // features are left out, so the model also learns from context, shape and
  // affixes (helps on names never seen in training).
  float word_dropout = 0.0f;
  // Stop when the score has not improved for this many epochs (0 = never).
  int patience = 0;
  // kBilou only: structured perceptron with exact second-order Viterbi
  // decoding (in training and tagging) instead of greedy decoding.
  bool viterbi = false;
};

// Trains a tagger on `docs` with `gazetteer` (may be empty) and returns it in
// `model`. Returns InvalidArgument when there is no data or labels and words
// disagree in length.
Status TrainSequenceTagger(const std::vector<TaggedDocument>& docs,
                           const Gazetteer& gazetteer,
                           const TaggerTrainOptions& options,
                           SequenceTagger* model, int* best_epoch = nullptr,
                           double* best_score = nullptr);

}  // namespace dateline

#endif  // DATELINE_ENTITIES_TAGGER_MODEL_H_

// DependencyParser: a transition-based dependency parser (arc-eager, Nivre
// 2003) over the project's tokens and Penn tags, labelled with Universal
// Dependencies relations. Transitions are scored by the averaged perceptron
// of base/perceptron.h over hashed features of the stack and buffer (the
// templates of Zhang and Nivre 2011, plus word clusters). It is trained with
// the dynamic oracle of Goldberg and Nivre (2012), so it learns to recover
// from its own mistakes, and optionally then over a beam as a structured
// perceptron (Zhang and Nivre 2011; Huang, Fayong and Guo 2012), after which
// it parses with a small beam instead of greedily.
//
// Parsing is linear in the sentence's length: 2n transitions, each with a
// fixed number of features; a sentence longer than kMaxSentenceTokens is
// parsed in pieces whose roots hang from the first piece's root. A model
// trained with a beam (ParserTrainOptions::beam) keeps that many hypotheses
// per step: the cost per word grows with the width (hypotheses are copied,
// at most kMaxSentenceTokens words each), never with the sentence's length.
//
// A trained parser is immutable: Parse may be called from several threads
// at once. The trainer (TrainDependencyParser) is single-threaded and
// deterministic for given data and options.
#ifndef DATELINE_SYNTAX_DEPENDENCY_PARSER_H_
#define DATELINE_SYNTAX_DEPENDENCY_PARSER_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/perceptron.h"
#include "dateline/status.h"
#include "entities/word_clusters.h"

namespace dateline {

// One sentence's parse: for word i, heads[i] is the index of its head word,
// or -1 for the sentence's one root; labels[i] indexes the parser's labels().
struct DependencyTree {
  std::vector<int> heads;
  std::vector<int> labels;
};

class DependencyParser {
 public:
  static constexpr size_t kMaxSentenceTokens = 256;

  DependencyParser();
  ~DependencyParser();
  DependencyParser(DependencyParser&&) noexcept;
  DependencyParser& operator=(DependencyParser&&) noexcept;

  // Parses one sentence: `words` and their Penn `tags` (the same length;
  // missing tags read as unknown). Always returns a tree: one root, every
  // head inside the sentence, no cycle. An empty sentence gives empty vectors.
  void Parse(const std::vector<std::string_view>& words,
             const std::vector<std::string_view>& tags,
             DependencyTree* tree) const;

  // The relations labels index ("nsubj", "obl:agent", ...; "root" included).
  const std::vector<std::string>& labels() const { return labels_; }
  int LabelId(std::string_view label) const;
  bool trained() const { return weights_.rows() > 0; }

  // Hypotheses kept per step when parsing (1: greedy). The model file says
  // what it was trained with; a different width may be set to measure.
  int beam() const { return beam_; }
  void set_beam(int width) { beam_ = std::clamp(width, 1, kMaxBeam); }
  static constexpr int kMaxBeam = 64;

  // `key value` lines recorded in the model file (how it was made).
  const std::vector<std::pair<std::string, std::string>>& info() const {
    return info_;
  }
  void AddInfo(std::string key, std::string value) {
    info_.emplace_back(std::move(key), std::move(value));
  }

  // Writes the model: a text header (labels, info lines), the word-cluster
  // table, then the weights. Returns IOError when it cannot be written.
  Status Save(const std::string& path) const;
  // Reads a model written by Save: IOError when the file cannot be read,
  // Corruption when it is not a valid parser model.
  Status Load(const std::string& path);
  // As Load, from the model's bytes (`name` for errors).
  Status Parse(std::string_view data, const std::string& name);

  // Drops the weights below `min_abs` in magnitude (a smaller, faster model;
  // train_parser --prune-after).
  void Prune(float min_abs) { weights_ = weights_.Pruned(min_abs); }
  size_t weight_rows() const { return weights_.rows(); }

  // Makes *out the mean of parsers trained on the same labels in other
  // orders (parameter mixing, McDonald, Hall and Mann 2010): their weights
  // averaged. Returns InvalidArgument when the labels differ.
  static Status Mean(const std::vector<const DependencyParser*>& parts,
                     DependencyParser* out);

 private:
  friend class ParserTrainer;
  std::vector<std::string> labels_;
  int root_label_ = 0;
  int punct_label_ = 0;
  int parataxis_label_ = 0;
  int beam_ = 1;
  // The feature templates the weights are for: 2 (arc-eager-v2) or 3.
  int feature_version_ = 2;
  std::vector<std::pair<std::string, std::string>> info_;
  std::shared_ptr<const WordClusterTable> clusters_;
  PerceptronWeights weights_;
};

// One training sentence: words, the tags the parser will see (predicted,
// as at run time), and the gold tree (heads -1 for the root; label strings).
struct ParserExample {
  std::vector<std::string> words;
  std::vector<std::string> tags;
  std::vector<int> heads;
  std::vector<std::string> labels;
};

struct ParserTrainOptions {
  int epochs = 15;
  uint32_t seed = 1;
  // From this epoch on (1-based), the trainer follows its own prediction
  // with probability `explore` instead of the oracle's best transition.
  int explore_from = 2;
  double explore = 0.9;
  float prune = 0.0f;
  // Optional word clusters (stored in the model).
  std::shared_ptr<const WordClusterTable> clusters;
  // Called after each epoch with the averaged model; returns its dev score.
  // The best epoch is kept (the last one when unset).
  std::function<double(int epoch, const DependencyParser& model)> on_epoch;
  int patience = 0;  // stop after this many epochs without a better score
  // Beam width. Above 1, the epochs from `beam_from` on (1-based; the ones
  // before it train greedily with the dynamic oracle, as with beam 1) are
  // trained globally: a structured perceptron over the beam with the
  // max-violation update of Huang, Fayong and Guo (2012), against a gold
  // beam of the least-cost hypotheses; the model then decodes with the beam.
  int beam = 1;
  int beam_from = 1;
  // The width the model parses with (and its epochs are scored with), when
  // not `beam`: trained over a wider beam, a model parses better with a
  // narrow one than a model trained over the narrow one.
  int decode_beam = 0;
  // Feature templates: 2 (arc-eager-v2, the committed model's) or 3 (v2 and
  // more: buffer word pairs, s1 with s0, clusters around s0 and n0, n3).
  int feature_version = 2;
  // Uptraining (Petrov et al. 2010): automatically parsed sentences (news
  // parsed by a stronger parser) trained on beside the treebank. Each epoch
  // takes the next `extra_per_epoch` of them (the pool shuffled once by the
  // seed, then cycled), mixed into the treebank's shuffled order; 0 or an
  // empty pool trains on the treebank alone, exactly as without them.
  const std::vector<ParserExample>* extra = nullptr;
  size_t extra_per_epoch = 0;
};

// Trains a parser on `examples`. Non-projective trees are projectivised
// (dependents lifted) first, since arc-eager builds projective trees.
// Returns InvalidArgument when there is no data, lengths disagree or a head
// is outside its sentence.
Status TrainDependencyParser(const std::vector<ParserExample>& examples,
                             const ParserTrainOptions& options,
                             DependencyParser* model, int* best_epoch = nullptr,
                             double* best_score = nullptr);

// Makes `heads` (-1 = root) projective by lifting the dependent of the
// shortest crossing arc to its grandparent until no arcs cross. Returns the
// number of lifts.
int Projectivize(std::vector<int>* heads);

}  // namespace dateline

#endif  // DATELINE_SYNTAX_DEPENDENCY_PARSER_H_

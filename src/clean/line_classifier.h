// LineClassifier: the learnt half of the scraped-text cleaner. It decides,
// line by line, whether a line of a scraped page is article text, from
// language-independent evidence the cleaner measures (length, punctuation
// and capitalisation shape, link-like tokens, repetition in the page,
// position relative to the headline and to the rules' best prose run, the
// neighbours' shape) and from the rules' own verdicts and word-list hits as
// extra features, so it learns when to trust them.
//
// The weights are the project's averaged perceptron (base/perceptron.h),
// two classes (0 not article, 1 article) over hashed feature keys; the file
// is a text header ("# ..." provenance lines, "feature_set N") followed by
// PerceptronWeights' binary rows. A loaded LineClassifier is immutable:
// Score may be called from several threads. Training is single-threaded
// and deterministic (a seeded shuffle).
#ifndef DATELINE_CLEAN_LINE_CLASSIFIER_H_
#define DATELINE_CLEAN_LINE_CLASSIFIER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/perceptron.h"
#include "dateline/status.h"

namespace dateline {

// One non-blank body line of a page as the cleaner saw it (filled by
// CleanScrapedText when asked for its lines; the trainer's input).
struct ScrapedLine {
  std::string text;                // the line, trimmed
  bool rule_keep = false;          // what the rules alone decided
  // Hashed feature keys: language-independent evidence (shape,
  // punctuation, repetition, position, neighbours) ...
  std::vector<uint64_t> features;
  // ... and the rules' verdicts and word-list hits.
  std::vector<uint64_t> rule_features;
};

struct LineTrainOptions {
  int epochs = 3;
  uint64_t seed = 1;
  // Each update weighs 1 + this * log2(1 + tokens of the line): the metric
  // counts tokens, so a long line matters more than a short one.
  float token_weight = 1.0f;
  // Also learn from the rules' verdicts and word-list hits (off: from the
  // language-independent evidence alone).
  bool rule_features = true;
  // A line the rules kept is dropped only when its margin is below minus
  // this (stored in the model).
  float drop_margin = 200.0f;
};

// One page for training: its lines and their labels (LabelLines).
struct LabelledPage {
  const std::vector<ScrapedLine>* lines = nullptr;
  std::vector<int> labels;
};

class LineClassifier {
 public:
  // The file name under data/models/.
  static constexpr const char* kFileName = "clean_lines.model";
  // Bumped whenever the cleaner's features change: a model of another
  // feature set is refused at load time.
  static constexpr int kFeatureSet = 2;

  // Reads a model written by Save. Returns IOError when `path` cannot be
  // read, Corruption (naming it) when it is malformed or of another
  // feature set.
  Status Load(const std::string& path);
  Status Parse(std::string_view data, const std::string& name);
  // Writes the model (provenance lines from AddInfo first). Returns IOError
  // when `path` cannot be written.
  Status Save(const std::string& path) const;

  // Decides every line of a page (its non-blank body lines in order): true
  // for article text. A line the rules dropped is kept above margin zero; a
  // line the rules kept is dropped only below minus the model's drop margin.
  std::vector<bool> Decide(const std::vector<ScrapedLine>& lines) const;
  // Returns each line's margin of "article" over "not article".
  std::vector<float> Margins(const std::vector<ScrapedLine>& lines) const;

  // Adds a provenance line ("# key: value") to the header Save writes.
  void AddInfo(const std::string& key, const std::string& value) {
    info_.emplace_back(key, value);
  }
  const std::vector<std::pair<std::string, std::string>>& info() const {
    return info_;
  }
  size_t rows() const { return weights_.rows(); }

  // Trains a model on `pages` (labels -1 are skipped).
  static LineClassifier Train(const std::vector<LabelledPage>& pages,
                              const LineTrainOptions& options);

 private:
  PerceptronWeights weights_;
  bool rule_features_ = true;
  float drop_margin_ = 0.0f;
  std::vector<std::pair<std::string, std::string>> info_;
};

// Returns a label per line from the page's true article body: 1 when most
// of the line's word tokens (its 4-token windows, or the whole line when it
// is shorter) occur in the body, 0 when not, -1 when the line has no word
// token (it adds nothing to the metric either way).
std::vector<int> LabelLines(const std::vector<ScrapedLine>& lines,
                            std::string_view body);

}  // namespace dateline

#endif  // DATELINE_CLEAN_LINE_CLASSIFIER_H_

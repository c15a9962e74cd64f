// CueModel: a learnt cue detector for the quotes stage. The cue lexicons
// (data/quotes/) name the verbs that usually report speech; a verb they do
// not list may still be a cue in its context ("Clinton cast her rival as
// ...", "polls show", "read a sign"). The model is a binary averaged
// perceptron (Collins 2002) over hashed features of one verb token in its
// sentence: its word, suffix and tag, the words and tags around it, what
// follows it (a complementizer, a preposition, a quotation mark), where
// it stands in the sentence, and the clause it heads in the clause layer
// (Document::clauses, when present): its lemma, its arguments' roles (a
// clausal complement, and whether that clause has a subject of its own),
// what kind of thing its agent is (person, organisation, pronoun), its
// polarity and modality, and whether another clause reports it. QuoteExtractor asks it only about verbs the
// lexicons do not know; a verb it accepts is handled as a cue of class `act`
// by the same rules as a listed one (source, content).
//
// The committed model (data/models/quote_cues.model) was trained by
// tools/train_quotes_main.cc on the PolNeAR train split; see
// data/models/README.md. A model is immutable after Load/Train; its const
// methods are thread-safe.
#ifndef DATELINE_QUOTES_CUE_MODEL_H_
#define DATELINE_QUOTES_CUE_MODEL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

class CueModel {
 public:
  // Computes the features of token i of doc, which lies in the sentence of
  // tokens [sb, se). Uses doc.pos and doc.chunks when they cover the tokens,
  // and doc.clauses when there are any.
  static void Features(const Document& doc, int i, int sb, int se,
                       std::vector<uint64_t>* features);

  // Returns the score of a token with these features (above the threshold:
  // a cue).
  double Score(const std::vector<uint64_t>& features) const;
  bool IsCue(const std::vector<uint64_t>& features) const {
    return Score(features) > threshold_;
  }

  // Averaged-perceptron training over (features, is a cue) examples in a
  // seeded pseudo-random order per epoch. Returns InvalidArgument when there
  // are no examples.
  static Status Train(
      const std::vector<std::pair<std::vector<uint64_t>, bool>>& examples,
      int epochs, uint32_t seed, CueModel* out);

  // Text file: '#' lines (how it was made), "threshold T", then "KEY WEIGHT"
  // lines, KEY a 16-digit hex feature hash. Save returns IOError when the
  // file cannot be written; Load returns IOError when it cannot be read and
  // Corruption when a line is malformed.
  Status Save(const std::string& path) const;
  Status Load(const std::string& path);

  void set_threshold(double t) { threshold_ = t; }
  double threshold() const { return threshold_; }
  std::vector<std::string>& info() { return info_; }
  size_t feature_count() const { return weights_.size(); }

 private:
  std::unordered_map<uint64_t, float> weights_;
  std::vector<std::string> info_;
  double threshold_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_QUOTES_CUE_MODEL_H_

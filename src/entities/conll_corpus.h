// CoNLL-2003 style corpora: one token per line with whitespace-separated
// columns (`WORD POS CHUNK NER`), a blank line between sentences and a
// `-DOCSTART-` line between documents. Read plain or gzip'd files; used by the
// trainers and evaluation programs (the corpora themselves stay outside the
// repository, in ../shared/datasets).
#ifndef DATELINE_ENTITIES_CONLL_CORPUS_H_
#define DATELINE_ENTITIES_CONLL_CORPUS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct ConllToken {
  std::string word;
  std::vector<std::string> columns;  // the columns after the word
};

using ConllSentence = std::vector<ConllToken>;

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

struct ConllCorpus {
  std::vector<ConllDocument> documents;
  size_t TokenCount() const;
};

// Reads `path` (gzip'd or plain) into `corpus`. A file without any
// -DOCSTART- line is one document. Returns IOError when the file cannot be
// read and Corruption when a token line has fewer than two columns.
Status ReadConllFile(const std::string& path, ConllCorpus* corpus);

// Reads the whole of `path`, gzip'd or plain, appending to *out. Returns
// false when it cannot be opened or is truncated.
bool ReadCorpusFile(const std::string& path, std::string* out);

// Returns the md5 (32 lowercase hex digits) of the *uncompressed* content of
// `path`, or "" when it cannot be read.
std::string ConllFileMd5(const std::string& path);

// One labelled span [begin, end) of tokens.
struct LabelledSpan {
  int begin = 0;
  int end = 0;
  std::string type;
  bool operator==(const LabelledSpan&) const = default;
};

// Returns the chunks of an IOB1/IOB2 tag sequence the way conlleval reads
// them: a chunk starts at B-X, or at I-X after O or after another type.
std::vector<LabelledSpan> SpansFromIob(const std::vector<std::string>& tags);

// Counts exact-span matches between gold and predicted IOB tag sequences
// (conlleval's micro-averaged precision, recall and F1).
class SpanCounter {
 public:
  struct Counts {
    long tp = 0, fp = 0, fn = 0;
    double Precision() const { return tp + fp ? 100.0 * tp / (tp + fp) : 0; }
    double Recall() const { return tp + fn ? 100.0 * tp / (tp + fn) : 0; }
    double F1() const {
      double p = Precision(), r = Recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
  };
  // Adds one sentence.
  void Add(const std::vector<std::string>& gold,
           const std::vector<std::string>& predicted);
  // Micro counts over all types, or over the types not in `excluded`.
  Counts All(const std::vector<std::string>& excluded = {}) const;
  Counts Type(const std::string& type) const;
  std::vector<std::string> Types() const;
  // Token accuracy (for POS tags and chunks), in percent.
  double TokenAccuracy() const {
    return tokens_ ? 100.0 * correct_tokens_ / tokens_ : 0;
  }

 private:
  std::vector<std::pair<std::string, Counts>> per_type_;
  Counts* Get(const std::string& type);
  long tokens_ = 0, correct_tokens_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_ENTITIES_CONLL_CORPUS_H_

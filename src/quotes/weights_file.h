// The text format of the quotes stage's learnt models (quote_model.h,
// cue_model.h): "# " comment lines (the first names the model, the rest are
// kept as its notes), one "NAME VALUE" line for the model's one number, and
// rows "%016x %g" of feature hash and weight.
#ifndef DATELINE_QUOTES_WEIGHTS_FILE_H_
#define DATELINE_QUOTES_WEIGHTS_FILE_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

// FNV-1a, 64 bits, over a feature's parts (each closed by a separator): the
// same hash on every machine and in every run, so a model file means the same
// everywhere.
class FeatureHash {
 public:
  FeatureHash& Add(std::string_view s) {
    for (unsigned char c : s) {
      h_ ^= c;
      h_ *= 0x100000001b3ULL;
    }
    h_ ^= 0x1f;  // separator
    h_ *= 0x100000001b3ULL;
    return *this;
  }
  FeatureHash& Add(int v) {
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%d", v);
    return Add(std::string_view(buf, n > 0 ? static_cast<size_t>(n) : 0));
  }
  uint64_t value() const { return h_ == 0 ? 1 : h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// Parses a model's text (`path` names it in errors). `number_name` is the
// NAME of the number line ("margin"); a malformed line is a Corruption error
// naming its line number.
Status ParseWeights(std::string_view text, const std::string& path,
                    std::string_view number_name, double* number,
                    std::unordered_map<uint64_t, float>* weights,
                    std::vector<std::string>* info);

// Reads and parses the file `path`.
Status ReadWeightsFile(const std::string& path, std::string_view number_name,
                       double* number,
                       std::unordered_map<uint64_t, float>* weights,
                       std::vector<std::string>* info);

}  // namespace dateline

#endif  // DATELINE_QUOTES_WEIGHTS_FILE_H_

// Fuzzes the reader of the quotes stage's learnt model files
// (quotes.model, quote_cues.model): any text either parses or gives a
// Corruption error, never a crash; a parsed file's number is a number.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quotes/weights_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  double number = 0;
  std::unordered_map<uint64_t, float> weights;
  std::vector<std::string> info;
  dateline::Status s =
      dateline::ParseWeights(text, "fuzz", "margin", &number, &weights, &info);
  if (s.ok() && !(number == number)) std::abort();
  if (!s.ok() && !weights.empty() && s.ToString().empty()) std::abort();
  return 0;
}

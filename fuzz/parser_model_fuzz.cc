// Fuzzes the reader of the dependency parser's model file (parser.model):
// any bytes either load or give a Corruption error, never a crash; a model
// that loads parses a sentence into a tree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "syntax/dependency_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::DependencyParser parser;
  dateline::Status s = parser.Parse(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!s.ok()) {
    if (!s.IsCorruption()) std::abort();
    return 0;
  }
  dateline::DependencyTree tree;
  parser.Parse({"Putin", "met", "Kim", "."}, {"NNP", "VBD", "NNP", "."}, &tree);
  if (tree.heads.size() != 4) std::abort();
  int roots = 0;
  for (int h : tree.heads) {
    if (h < -1 || h >= 4) std::abort();
    roots += h < 0;
  }
  if (roots != 1) std::abort();
  return 0;
}

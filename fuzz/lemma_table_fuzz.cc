// Fuzzes the reader of the clause layer's lemma table (lemmas.model): any
// bytes either load or give a Corruption error, never a crash; a table that
// loads lemmatizes words of every length without reading out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "syntax/lemmatizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::Lemmatizer lem;
  dateline::Status s = lem.Parse(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!s.ok()) {
    if (!s.IsCorruption()) std::abort();
    return 0;
  }
  for (const char* w : {"", "a", "is", "imposes", "negotiated", "cities"}) {
    for (const char* tag : {"VBZ", "NNS", "NN"}) {
      std::string l = lem.Lemma(w, tag);
      // A lemma is what the table adds to a stem of the word.
      if (l.size() > std::string_view(w).size() + size) std::abort();
    }
  }
  return 0;
}

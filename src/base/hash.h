// Stable content hashes for ids.
#ifndef DATELINE_BASE_HASH_H_
#define DATELINE_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

// Returns the 64-bit XXH3 hash of `data` (stable across runs and machines).
uint64_t Hash64(std::string_view data);

// Returns Hash64 as 16 lowercase hex digits.
std::string Hash64Hex(std::string_view data);

// Combines two 64-bit values into one well-mixed hash (a fixed mixer, so a
// feature key made of hashes is the same on every machine and in every run);
// never 0, which the learnt models' tables keep for empty slots. Always
// inlined: the feature extractors call it ~100 times a word, and GCC leaves
// it out of line in their large functions.
[[gnu::always_inline]] inline uint64_t MixHash(uint64_t a, uint64_t b) {
  uint64_t x = (a * 0x9E3779B97F4A7C15ULL) ^ b;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x == 0 ? 1 : x;
}

}  // namespace dateline

#endif  // DATELINE_BASE_HASH_H_

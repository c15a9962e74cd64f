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

}  // namespace dateline

#endif  // DATELINE_BASE_HASH_H_

#include "base/hash.h"

#include <xxhash.h>

namespace dateline {

uint64_t Hash64(std::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

std::string Hash64Hex(std::string_view data) {
  static const char kHex[] = "0123456789abcdef";
  uint64_t h = Hash64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

}  // namespace dateline

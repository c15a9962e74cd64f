// UTF-8 helpers: validation, repair, code point counting, encoding.
#ifndef DATELINE_BASE_UTF8_H_
#define DATELINE_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

// Returns true if `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Returns `s` with every ill-formed sequence replaced by U+FFFD, and NUL
// bytes dropped. `*replaced` (if given) receives the number of replacements.
std::string RepairUtf8(std::string_view s, size_t* replaced = nullptr);

// Appends the UTF-8 encoding of code point `cp` (U+FFFD if invalid).
void AppendUtf8(uint32_t cp, std::string* out);

// Decodes the code point at s[*pos] and advances *pos; returns U+FFFD (and
// advances one byte) on an ill-formed sequence.
uint32_t DecodeUtf8(std::string_view s, size_t* pos);

// Returns `s` in Unicode lower case, code point by code point (ICU's simple
// case mapping: "Émigré" -> "émigré"; ASCII by a fast path); ill-formed
// sequences become U+FFFD.
std::string LowerUtf8(std::string_view s);
// The same, appended to *out.
void AppendLowerUtf8(std::string_view s, std::string* out);

// Returns the number of code points in s[0, byte_offset).
size_t CodePointCount(std::string_view s);

// Maps byte offsets of a UTF-8 string to code point offsets in O(1) each
// after an O(n) build. Offsets not on a character boundary map to the
// character that contains them.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  size_t ToCodePoint(size_t byte_offset) const;

 private:
  std::string_view s_;
  // Code point count before each 64-byte block.
  std::basic_string<uint32_t> block_counts_;
};

}  // namespace dateline

#endif  // DATELINE_BASE_UTF8_H_

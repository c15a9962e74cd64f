// ASCII case folding for identifiers, tags and English words: the bytes
// 'A'..'Z' become 'a'..'z', every other byte (UTF-8 included) is kept.
// Unicode-aware folding, where text needs it, goes through ICU instead.
#ifndef DATELINE_BASE_ASCII_H_
#define DATELINE_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace dateline {

inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace dateline

#endif  // DATELINE_BASE_ASCII_H_

#include "base/utf8.h"

#include <unicode/uchar.h>

namespace dateline {
namespace {

// Returns the length of the well-formed sequence at s[i], or 0.
inline size_t SequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    return (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (i + 3 >= n) return 0;
    unsigned char c1 = p[i + 1];
    if ((c1 & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
        (p[i + 3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t len = SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string RepairUtf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = SequenceLength(s, i);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++count;
      ++i;
    } else if (len == 1 && s[i] == '\0') {
      ++count;
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  if (replaced) *replaced = count;
  return out;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t DecodeUtf8(std::string_view s, size_t* pos) {
  size_t i = *pos;
  size_t len = SequenceLength(s, i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  switch (len) {
    case 1:
      *pos = i + 1;
      return p[0];
    case 2:
      *pos = i + 2;
      return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
      *pos = i + 3;
      return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4:
      *pos = i + 4;
      return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
             ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default:
      *pos = i + 1;
      return 0xFFFD;
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(std::string_view s) : s_(s) {
  block_counts_.reserve(s.size() / 64 + 2);
  uint32_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i % 64 == 0) block_counts_.push_back(count);
    count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  block_counts_.push_back(count);
}

size_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  if (byte_offset >= s_.size()) return block_counts_.back();
  size_t block = byte_offset / 64;
  size_t n = block_counts_[block];
  for (size_t i = block * 64; i < byte_offset; ++i) {
    n += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
  }
  // Inside a multi-byte character: count the character itself only once
  // it starts, i.e. map to the character that contains the offset.
  return n;
}

void AppendLowerUtf8(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    const uint32_t cp = DecodeUtf8(s, &i);
    AppendUtf8(static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp))),
               out);
  }
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendLowerUtf8(s, &out);
  return out;
}

}  // namespace dateline

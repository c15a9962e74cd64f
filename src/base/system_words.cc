#include "base/system_words.h"

#include <unicode/uchar.h>

#include <fstream>
#include <string_view>

#include "base/utf8.h"

namespace dateline {
namespace {

// Unicode lower case, code point by code point ("Émigré" -> "émigré").
std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    const uint32_t cp = DecodeUtf8(s, &i);
    AppendUtf8(static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp))),
               &out);
  }
  return out;
}

}  // namespace

const std::unordered_set<std::string>& SystemWords() {
  static const std::unordered_set<std::string>* words = [] {
    auto* set = new std::unordered_set<std::string>();
    for (const char* path : {"/usr/share/dict/american-english-huge",
                             "/usr/share/dict/american-english-large",
                             "/usr/share/dict/american-english",
                             "/usr/share/dict/british-english",
                             "/usr/share/dict/words"}) {
      std::ifstream in(path);
      if (!in) continue;
      set->reserve(400000);
      std::string line;
      while (std::getline(in, line)) {
        if (!line.empty()) set->insert(Lower(line));
      }
      break;
    }
    return set;
  }();
  return *words;
}

}  // namespace dateline

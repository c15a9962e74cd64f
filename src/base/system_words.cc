#include "base/system_words.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "base/utf8.h"

namespace dateline {

WordList::WordList(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    spans_.emplace_back(static_cast<uint32_t>(data_.size()),
                        static_cast<uint32_t>(w.size()));
    data_ += w;
    data_ += '\n';
  }
  Index();
}

bool WordList::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::string raw((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
  data_.clear();
  spans_.clear();
  data_.reserve(raw.size() + raw.size() / 16);
  size_t b = 0;
  while (b < raw.size()) {
    size_t e = raw.find('\n', b);
    if (e == std::string::npos) e = raw.size();
    std::string_view line(raw.data() + b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      const size_t at = data_.size();
      AppendLowerUtf8(line, &data_);
      spans_.emplace_back(static_cast<uint32_t>(at),
                          static_cast<uint32_t>(data_.size() - at));
      data_ += '\n';
    }
    b = e + 1;
  }
  Index();
  return true;
}

void WordList::Index() {
  std::sort(spans_.begin(), spans_.end(),
            [this](const auto& a, const auto& b) {
              return std::string_view(data_).substr(a.first, a.second) <
                     std::string_view(data_).substr(b.first, b.second);
            });
  spans_.erase(std::unique(spans_.begin(), spans_.end(),
                           [this](const auto& a, const auto& b) {
                             return std::string_view(data_).substr(
                                        a.first, a.second) ==
                                    std::string_view(data_).substr(b.first,
                                                                   b.second);
                           }),
               spans_.end());
}

bool WordList::Contains(std::string_view word) const {
  size_t lo = 0, hi = spans_.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const std::string_view w = At(mid);
    if (w == word) return true;
    if (w < word) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

const WordList& SystemWords() {
  static const WordList* words = [] {
    auto* list = new WordList();
    for (const char* path : {"/usr/share/dict/american-english-huge",
                             "/usr/share/dict/american-english-large",
                             "/usr/share/dict/american-english",
                             "/usr/share/dict/british-english",
                             "/usr/share/dict/words"}) {
      if (list->Read(path)) break;
    }
    return list;
  }();
  return *words;
}

}  // namespace dateline

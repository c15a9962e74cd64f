// The system's English word list (/usr/share/dict: Debian package
// wamerican-huge, else wamerican or another list), lower-cased, read once on
// first use and shared: the cleaner puts lost characters back with it
// (clean/char_repair.cc) and the lemmatizer checks its suffix rules against
// it (syntax/lemmatizer.h). Empty when the machine has no list, so callers
// must work without it.
//
// The words are kept in one buffer, sorted, and looked up by binary search:
// reading the 480,000 lines of wamerican-huge takes about 60 ms and 8 MB,
// where a hash set of strings took 300-400 ms and 24 MB, paid by every
// process that runs the pipeline.
//
// Thread-safe: the list is built once (a function-local static) and never
// changed.
#ifndef DATELINE_BASE_SYSTEM_WORDS_H_
#define DATELINE_BASE_SYSTEM_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

// A sorted set of lower-case words.
class WordList {
 public:
  WordList() = default;
  // The words as given (callers lower-case them); duplicates are kept once.
  explicit WordList(const std::vector<std::string>& words);

  // Reads a word list, one word per line, each lower-cased (Unicode, code
  // point by code point); false when the file cannot be opened.
  bool Read(const std::string& path);

  bool Contains(std::string_view word) const;
  size_t size() const { return spans_.size(); }
  bool empty() const { return spans_.empty(); }

 private:
  void Index();  // sorts spans_ and drops duplicates
  std::string_view At(size_t i) const {
    return std::string_view(data_).substr(spans_[i].first, spans_[i].second);
  }
  std::string data_;                                 // words, '\n'-separated
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // offset, length
};

// The system's word list (see above); empty without one.
const WordList& SystemWords();

}  // namespace dateline

#endif  // DATELINE_BASE_SYSTEM_WORDS_H_

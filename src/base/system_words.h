// The system's English word list (/usr/share/dict: Debian package
// wamerican-huge, else wamerican or another list), lower-cased, read once on
// first use and shared: the cleaner puts lost characters back with it
// (clean/char_repair.cc) and the lemmatizer checks its suffix rules against
// it (syntax/lemmatizer.h). Empty when the machine has no list, so callers
// must work without it.
//
// Thread-safe: the set is built once (a function-local static) and never
// changed.
#ifndef DATELINE_BASE_SYSTEM_WORDS_H_
#define DATELINE_BASE_SYSTEM_WORDS_H_

#include <string>
#include <unordered_set>

namespace dateline {

const std::unordered_set<std::string>& SystemWords();

}  // namespace dateline

#endif  // DATELINE_BASE_SYSTEM_WORDS_H_

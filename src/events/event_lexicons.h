// EventLexicons: the few word lists the clause coder reads, from
// data/events/lexicons.tsv (which predicates hold an unasserted content,
// which mark a planned act, which prepositions place an event, which
// predicates report), and the genders of given names. Immutable after
// loading; safe to share between threads.
#ifndef DATELINE_EVENTS_EVENT_LEXICONS_H_
#define DATELINE_EVENTS_EVENT_LEXICONS_H_

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "dateline/status.h"

namespace dateline {

class EventLexicons {
 public:
  // Reads `path` (list<TAB>word rows). IOError when it cannot be read.
  Status Load(const std::string& path);
  // Reads the given names of data/gazetteers/first_names.tsv (name<TAB>
  // gender rows) into the lists "given_male" and "given_female", lower
  // case; a name of empty gender joins neither. IOError when it cannot be
  // read.
  Status LoadGivenNames(const std::string& path);
  // Returns whether `word` is in `list` ("content_parent", ...).
  bool Has(const std::string& list, const std::string& word) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> lists_;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_EVENT_LEXICONS_H_

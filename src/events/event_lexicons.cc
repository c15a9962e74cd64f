#include "events/event_lexicons.h"

#include <vector>

#include "base/ascii.h"
#include "base/tsv_table.h"

namespace dateline {

Status EventLexicons::Load(const std::string& path) {
  std::vector<TsvRow> rows;
  Status s = ReadTsv(path, &rows);
  if (!s.ok()) return s;
  for (const TsvRow& r : rows) {
    if (!r[0].empty() && !r[1].empty()) lists_[r[0]].insert(r[1]);
  }
  return Status::OK();
}

Status EventLexicons::LoadGivenNames(const std::string& path) {
  std::vector<TsvRow> rows;
  Status s = ReadTsv(path, &rows);
  if (!s.ok()) return s;
  for (const TsvRow& r : rows) {
    std::string name = AsciiLower(r[0]);
    if (r[1] == "m") lists_["given_male"].insert(name);
    if (r[1] == "f") lists_["given_female"].insert(name);
  }
  return Status::OK();
}

bool EventLexicons::Has(const std::string& list,
                        const std::string& word) const {
  auto it = lists_.find(list);
  return it != lists_.end() && it->second.count(word) > 0;
}

}  // namespace dateline

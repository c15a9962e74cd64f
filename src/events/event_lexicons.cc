#include "events/event_lexicons.h"

#include <vector>

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

bool EventLexicons::Has(const std::string& list,
                        const std::string& word) const {
  auto it = lists_.find(list);
  return it != lists_.end() && it->second.count(word) > 0;
}

}  // namespace dateline

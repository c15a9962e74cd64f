#include "base/tsv_table.h"

#include <fstream>

namespace dateline {

const std::string& TsvRow::operator[](size_t i) const {
  static const std::string kEmpty;
  return i < cols.size() ? cols[i] : kEmpty;
}

Status ReadTsv(const std::string& path, std::vector<TsvRow>* rows,
               std::vector<std::string>* header) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read table", path);
  if (header != nullptr) header->clear();
  std::string line;
  int n = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '#' && header != nullptr && !header_seen &&
        line.find('\t') != std::string::npos) {
      const size_t b = line.find_first_not_of(" #");
      if (b != std::string::npos) *header = SplitList(line.substr(b), '\t');
      header_seen = true;
    }
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = n;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.cols.push_back(line.substr(
          start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows->push_back(std::move(row));
  }
  return Status::OK();
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace dateline

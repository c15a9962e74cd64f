// TsvTable: one reader for the project's reference tables (data/**/*.tsv).
//
// UTF-8, LF (a trailing CR is dropped), TAB-separated, no quoting; lines
// starting with '#' and empty lines are skipped. Each row keeps its line
// number so loaders can name bad lines. A plain value; not synchronised.
#ifndef DATELINE_BASE_TSV_TABLE_H_
#define DATELINE_BASE_TSV_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct TsvRow {
  int line = 0;
  std::vector<std::string> cols;
  // Returns column i, "" when the row is shorter.
  const std::string& operator[](size_t i) const;
};

// Reads `path` into *rows. Returns IOError when the file cannot be read.
// With `header`, the column names of the first comment line that has a TAB
// ("# name\tiso3\t...", the '#' and leading spaces dropped) go there (left
// empty when the file has none).
Status ReadTsv(const std::string& path, std::vector<TsvRow>* rows,
               std::vector<std::string>* header = nullptr);

// Splits `s` at `sep` ("a|b" -> {"a", "b"}); empty pieces are dropped.
std::vector<std::string> SplitList(std::string_view s, char sep = '|');

}  // namespace dateline

#endif  // DATELINE_BASE_TSV_TABLE_H_

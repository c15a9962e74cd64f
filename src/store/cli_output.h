// Output of the query verbs: aligned text tables for a terminal and JSON
// Lines for scripts. Internal to the CLI. Not thread-safe.
#ifndef DATELINE_STORE_CLI_OUTPUT_H_
#define DATELINE_STORE_CLI_OUTPUT_H_

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "dateline/archive.h"

namespace dateline {

// Columns sized to their widest cell (in code points); the column marked
// `flex` takes what is left of `width` and long cells are cut with "...".
class TextTable {
 public:
  TextTable(std::vector<std::string> headers, size_t flex)
      : headers_(std::move(headers)), flex_(flex) {}
  void Row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  // Adds a line printed under the last row, indented (a snippet).
  void Note(std::string text) { notes_[rows_.size() - 1] = std::move(text); }
  void Print(std::FILE* out, size_t width) const;

 private:
  std::vector<std::string> headers_;
  size_t flex_;
  std::vector<std::vector<std::string>> rows_;
  std::map<size_t, std::string> notes_;
};

// Returns the terminal width of stdout ($COLUMNS, the tty, else 120).
size_t TerminalWidth();

// Returns `s` cut to `width` code points with "..." when longer, newlines
// and tabs turned into spaces.
std::string Fit(const std::string& s, size_t width);

// The date part of an ISO date-time ("2023-09-13T10:00" -> "2023-09-13").
std::string DatePart(const std::string& iso);

// JSON Lines for each row kind (one object, no newline).
std::string ToJson(const SearchHit& h);
std::string ToJson(const EventRow& r);
std::string ToJson(const QuoteRow& r);
std::string ToJson(const EntityCount& e);
std::string ToJson(const StoryRow& s);

// CSV (RFC 4180) quoting of one field.
std::string CsvField(const std::string& s);

// One CSV record: the fields quoted as CsvField does, joined by commas.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace dateline

#endif  // DATELINE_STORE_CLI_OUTPUT_H_

// Full-text search for the PostgreSQL archive with the SQLite archive's
// meaning: text is split into terms as FTS5's unicode61 tokenizer splits it
// (letters and digits; case and diacritics folded), and a query in FTS5
// syntax (words, "a phrase", OR, AND, NOT, ( ), prefix*, column filters,
// NEAR) becomes a tsquery over those terms. PostgreSQL's own parser and
// websearch_to_tsquery split and read text otherwise ("U.S." is one host
// token there, "-word" is NOT), so the same query would find other
// articles in the two stores; here both stores see the same terms.
// Internal to src/store; pure functions, thread-safe. No libpq needed.
#ifndef DATELINE_STORE_PG_TEXT_SEARCH_H_
#define DATELINE_STORE_PG_TEXT_SEARCH_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline {

// Returns the terms of `text` in order: runs of letters and digits (and
// private-use characters), lower-cased, diacritics removed, as unicode61
// with remove_diacritics 2.
std::vector<std::string> SearchTerms(std::string_view text);

// Returns a tsvector literal (for `$1::tsvector`) of the fields, each
// (text, weight letter A-D) positioned after the one before with a gap, so a
// phrase never spans two fields (FTS5 matches within one column).
// Positions past PostgreSQL's 16383 are clamped, as to_tsvector does.
std::string TsVectorLiteral(
    const std::vector<std::pair<std::string_view, char>>& fields);

// One searchable column of an FTS5 table and the tsvector weight that
// stands for it.
struct FtsColumn {
  std::string name;
  char weight;
};

// Converts the FTS5 query `q` into a tsquery literal (for `$1::tsquery`)
// over the weighted columns. Returns InvalidArgument with the reason for a
// malformed query (unbalanced quotes or brackets, stray punctuation, an
// unknown column), as FTS5 refuses it. NEAR(a b, N) becomes "a and b"
// (tsquery's distance operator is ordered).
Status FtsToTsQuery(std::string_view q, const std::vector<FtsColumn>& columns,
                    std::string* tsquery);

}  // namespace dateline

#endif  // DATELINE_STORE_PG_TEXT_SEARCH_H_

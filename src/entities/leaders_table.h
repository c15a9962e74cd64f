// LeadersTable: data/gazetteers/leaders.tsv — people in office, one row per
// person, role and period — read by one reader for every stage that needs
// it: the entity resolver (a person's role and country), the knowledge base
// (canonical people and their terms), the actor dictionary (CAMEO codes by
// date) and the token event coder (its surname index).
//
// Columns (the file's header must name them, in this order): name,
// country_iso3, role, start, end, aliases (|-separated), cameo_actor,
// comment. Values are trimmed of spaces; dates are left as written (YYYY,
// YYYY-MM or YYYY-MM-DD, or empty) for the reader that needs them to judge.
#ifndef DATELINE_ENTITIES_LEADERS_TABLE_H_
#define DATELINE_ENTITIES_LEADERS_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct LeaderRow {
  int line = 0;              // in the file, for error messages
  std::string name;          // "Vladimir Putin"
  std::string country;       // ISO 3166 alpha-3; "" for IGOs
  std::string role;          // as written: "foreign_minister"
  std::string start, end;    // "" when open
  std::vector<std::string> aliases;
  std::string cameo_actor;   // "RUSGOV"
};

// Reads `path` into *rows (rows without a name are skipped). Returns
// IOError when it cannot be read, Corruption when its header does not name
// the columns above in order.
Status ReadLeaders(const std::string& path, std::vector<LeaderRow>* rows);

// Whether `surname` (lower case: "sen", "no", "brown") is a family name of
// leaders.tsv that is also a common word, a given name, a place, a currency
// or an abbreviation, so that the word alone ("Sen.", "No one", "Brown
// University") is not taken for the person. Read by every surname index
// (the actor dictionary's, the token coder's).
bool SurnameIsAlsoAWord(std::string_view surname);

}  // namespace dateline

#endif  // DATELINE_ENTITIES_LEADERS_TABLE_H_

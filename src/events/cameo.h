// CameoTable: the CAMEO event ontology (codes, names, Goldstein weights, quad
// classes and PLOVER categories) read from the project's own TSV files
// (data/events/cameo.tsv, data/events/cameo_plover.tsv). Immutable after
// Load(); const methods are safe to call from several threads.
#ifndef DATELINE_EVENTS_CAMEO_H_
#define DATELINE_EVENTS_CAMEO_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct CameoCode {
  std::string code, name;  // "0311", "Express intent to cooperate economically"
  double goldstein = 0;    // -10 .. +10
  int quad_class = 0;      // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover;      // PLOVER event category ("AGREE"), "" when none
  std::string plover_mode, plover_context;  // PLOVER mode and context, "" when none
};

class CameoTable {
 public:
  // Loads `dir`/cameo.tsv (required) and `dir`/cameo_plover.tsv (optional;
  // when absent every `plover` is empty). Returns IOError when cameo.tsv
  // cannot be read and Corruption naming file and line for a malformed row
  // (bad code, missing column, non-numeric Goldstein, quad not 1-4,
  // duplicate code, a sub-code whose root is missing, a PLOVER row for an
  // unknown code).
  static Status Load(const std::string& dir, std::unique_ptr<CameoTable>* out);

  // Parses the two files' contents (same errors as Load); `plover_tsv` may
  // be empty.
  static Status Parse(std::string_view cameo_tsv, std::string_view plover_tsv,
                      std::unique_ptr<CameoTable>* out);

  // Returns the entry for `code` ("0311"), nullptr when not a CAMEO code.
  const CameoCode* Find(std::string_view code) const;
  bool Contains(std::string_view code) const { return Find(code) != nullptr; }
  // Returns the 2-digit root of a known code ("0311" -> "03"), "" when
  // `code` is not in the table. The view points into the table.
  std::string_view Root(std::string_view code) const;
  // Returns the 3-digit base code of a known code, as GDELT's EventBaseCode
  // ("0311" -> "031", "036" -> "036"); a root is its own base ("03");
  // "" when `code` is not in the table. The view points into the table.
  std::string_view Base(std::string_view code) const;
  size_t size() const { return codes_.size(); }
  // All codes in file order.
  const std::vector<CameoCode>& codes() const { return codes_; }

 CameoTable() = default;
  CameoTable(const CameoTable&) = delete;
  CameoTable& operator=(const CameoTable&) = delete;

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string_view, size_t> index_;  // views into codes_
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_CAMEO_H_

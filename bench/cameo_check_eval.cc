// cameo_check_eval: checks dateline's own CAMEO table (data/events/cameo.tsv)
// and CAMEO-to-PLOVER mapping (data/events/cameo_plover.tsv) against the
// published files in ../shared/datasets/cameo-codebook:
//
//   cameo-codes.utf8.csv     the CAMEO codebook as machine-readable rows
//                            (code, name, Goldstein, root); see its SOURCE.md
//   CAMEO2PLOVER-2021.txt    the PLOVER project's conversion table
//
// It prints how many codes agree on name, Goldstein value and quad class,
// and lists every disagreement and every code present on one side only.
// Names are compared after folding case, dropping ", not specified below"
// and punctuation; the codebook has no quad-class column, so the quad class
// is checked against the GDELT rule applied to the codebook's root_code
// (01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
// conflict, 14-20 material conflict).
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bench_data.h"
#include "event_eval_util.h"
#include "events/cameo.h"

namespace dateline {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return std::string(s.substr(b, e - b));
}

// Folds a code name for comparison: lower case, letters and digits only,
// without the residual-category suffix.
std::string FoldName(std::string_view name) {
  std::string s;
  for (char c : name) s.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* suffix : {", not specified below", " not specified below",
                             ", not specified"}) {
    size_t p = s.find(suffix);
    if (p != std::string::npos) s.erase(p);
  }
  std::string out;
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

int QuadOfRoot(int root) {
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

// Normalises a PLOVER field: trimmed, no spaces, lower case except the event.
std::string FoldPlover(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

int Main(int argc, char** argv) {
  std::string dataset = bench::FindSharedDataset("cameo-codebook");
  std::string data = std::string(DATELINE_SOURCE_DIR) + "/data/events";
  CLI::App app{"Check dateline's CAMEO table and PLOVER mapping against the "
               "published codebook"};
  app.add_option("--dataset", dataset,
                 "cameo-codebook folder (default ../shared/datasets/cameo-codebook)");
  app.add_option("--data", data, "folder with cameo.tsv and cameo_plover.tsv");
  CLI11_PARSE(app, argc, argv);
  if (dataset.empty()) {
    std::fprintf(stderr, "cameo_check_eval: cameo-codebook dataset not found\n");
    return 1;
  }
  std::unique_ptr<CameoTable> table;
  Status st = CameoTable::Load(data, &table);
  if (!st.ok()) {
    std::fprintf(stderr, "cameo_check_eval: %s\n", st.ToString().c_str());
    return 1;
  }
  std::string csv;
  if (!bench::ReadWholeFile(dataset + "/cameo-codes.utf8.csv", &csv)) {
    std::fprintf(stderr, "cameo_check_eval: cannot read %s/cameo-codes.utf8.csv\n",
                 dataset.c_str());
    return 1;
  }
  auto rows = ParseCsv(csv);
  if (rows.empty()) {
    std::fprintf(stderr, "cameo_check_eval: empty codebook\n");
    return 1;
  }
  std::map<std::string, size_t> col;
  for (size_t k = 0; k < rows[0].size(); ++k) col[rows[0][k]] = k;
  for (const char* need : {"code", "name", "goldstein", "root_code"}) {
    if (!col.count(need)) {
      std::fprintf(stderr, "cameo_check_eval: codebook has no column %s\n", need);
      return 1;
    }
  }

  size_t book = 0, present = 0, name_ok = 0, gold_ok = 0, quad_ok = 0, all_ok = 0;
  std::vector<std::string> missing, name_bad, gold_bad, quad_bad;
  std::set<std::string> book_codes;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() <= std::max({col["code"], col["name"], col["goldstein"],
                                col["root_code"]}))
      continue;
    std::string code = Trim(row[col["code"]]);
    if (code.empty()) continue;
    ++book;
    book_codes.insert(code);
    const CameoCode* c = table->Find(code);
    if (c == nullptr) {
      missing.push_back(code + " \"" + row[col["name"]] + "\" " + row[col["goldstein"]]);
      continue;
    }
    ++present;
    bool ok = true;
    if (FoldName(c->name) == FoldName(row[col["name"]])) {
      ++name_ok;
    } else {
      ok = false;
      name_bad.push_back(code + ": ours \"" + c->name + "\", codebook \"" +
                         row[col["name"]] + "\"");
    }
    char* end = nullptr;
    std::string g = Trim(row[col["goldstein"]]);
    double want = std::strtod(g.c_str(), &end);
    if (end != g.c_str() && std::fabs(want - c->goldstein) < 1e-9) {
      ++gold_ok;
    } else {
      ok = false;
      char buf[160];
      std::snprintf(buf, sizeof(buf), "%s: ours %.1f, codebook %s", code.c_str(),
                    c->goldstein, g.c_str());
      gold_bad.push_back(buf);
    }
    int root = std::atoi(Trim(row[col["root_code"]]).c_str());
    if (root >= 1 && root <= 20 && QuadOfRoot(root) == c->quad_class) {
      ++quad_ok;
    } else {
      ok = false;
      quad_bad.push_back(code + ": ours " + std::to_string(c->quad_class) +
                         ", root_code " + row[col["root_code"]]);
    }
    if (ok) ++all_ok;
  }
  std::vector<std::string> extra;
  for (const CameoCode& c : table->codes())
    if (!book_codes.count(c.code)) extra.push_back(c.code + " \"" + c.name + "\"");

  std::printf("CAMEO table: %zu codes in data/events/cameo.tsv, %zu in the codebook\n",
              table->size(), book);
  std::printf("  codebook codes present in ours: %zu/%zu\n", present, book);
  std::printf("  name agrees:      %zu/%zu\n", name_ok, present);
  std::printf("  goldstein agrees: %zu/%zu\n", gold_ok, present);
  std::printf("  quad agrees:      %zu/%zu (GDELT rule on the codebook's root_code)\n",
              quad_ok, present);
  std::printf("  all three agree:  %zu/%zu\n", all_ok, book);
  auto list = [](const char* title, const std::vector<std::string>& v) {
    if (v.empty()) return;
    std::printf("%s (%zu):\n", title, v.size());
    for (const auto& s : v) std::printf("  %s\n", s.c_str());
  };
  list("missing from ours", missing);
  list("only in ours", extra);
  list("name differs", name_bad);
  list("goldstein differs", gold_bad);
  list("quad differs", quad_bad);

  // PLOVER mapping.
  std::string plover_text;
  if (!bench::ReadWholeFile(dataset + "/CAMEO2PLOVER-2021.txt", &plover_text)) {
    std::fprintf(stderr, "cameo_check_eval: cannot read CAMEO2PLOVER-2021.txt\n");
    return 1;
  }
  size_t lines = 0, map_present = 0, ev_ok = 0, mode_ok = 0, ctx_ok = 0;
  std::vector<std::string> map_missing, ev_bad, mode_bad, ctx_bad;
  std::set<std::string> seen;
  size_t start = 0;
  while (start < plover_text.size()) {
    size_t nl = plover_text.find('\n', start);
    if (nl == std::string::npos) nl = plover_text.size();
    std::string line = plover_text.substr(start, nl - start);
    start = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string code = Trim(line.substr(0, colon));
    bool digits = !code.empty() && code.size() >= 3;
    for (char ch : code) digits = digits && ch >= '0' && ch <= '9';
    if (!digits) continue;  // root headings ("03: AGREE") and the end marker
    std::string rest = line.substr(colon + 1);
    size_t hash = rest.find('#');
    if (hash != std::string::npos) rest.resize(hash);
    std::vector<std::string> f;
    size_t s0 = 0;
    while (true) {
      size_t comma = rest.find(',', s0);
      f.push_back(Trim(rest.substr(s0, comma == std::string::npos ? std::string::npos
                                                                   : comma - s0)));
      if (comma == std::string::npos) break;
      s0 = comma + 1;
    }
    while (f.size() < 3) f.push_back("");
    if (!seen.insert(code).second) continue;  // a repeated line (175)
    ++lines;
    const CameoCode* c = table->Find(code);
    if (c == nullptr || c->plover.empty()) {
      map_missing.push_back(code + " -> " + f[0] + (c == nullptr ? " (not a code in our table)" : ""));
      continue;
    }
    ++map_present;
    if (FoldPlover(c->plover) == FoldPlover(f[0])) ++ev_ok;
    else ev_bad.push_back(code + ": ours " + c->plover + ", table " + f[0]);
    if (FoldPlover(c->plover_mode) == FoldPlover(f[1])) ++mode_ok;
    else mode_bad.push_back(code + ": ours '" + c->plover_mode + "', table '" + f[1] + "'");
    if (FoldPlover(c->plover_context) == FoldPlover(f[2])) ++ctx_ok;
    else ctx_bad.push_back(code + ": ours '" + c->plover_context + "', table '" + f[2] + "'");
  }
  size_t ours_mapped = 0, ours_convention = 0;
  for (const CameoCode& c : table->codes()) {
    if (c.plover.empty()) continue;
    ++ours_mapped;
    if (!seen.count(c.code)) ++ours_convention;
  }
  std::printf("\nPLOVER mapping: %zu code lines in CAMEO2PLOVER-2021.txt; ours maps %zu codes "
              "(%zu of them not in that table, e.g. roots and 02x by project convention)\n",
              lines, ours_mapped, ours_convention);
  std::printf("  table codes mapped by ours: %zu/%zu\n", map_present, lines);
  std::printf("  event agrees:   %zu/%zu\n", ev_ok, map_present);
  std::printf("  mode agrees:    %zu/%zu\n", mode_ok, map_present);
  std::printf("  context agrees: %zu/%zu\n", ctx_ok, map_present);
  list("table codes ours does not map", map_missing);
  list("event differs", ev_bad);
  list("mode differs", mode_bad);
  list("context differs", ctx_bad);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

#include "events/cameo.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dateline {
namespace {

// Splits `line` at TABs.
std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool IsCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  int root = (s[0] - '0') * 10 + (s[1] - '0');
  return root >= 1 && root <= 20;
}

bool ParseDouble(std::string_view s, double* v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Calls fn(line_number, line) for each non-comment, non-blank line.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  size_t lineno = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Status s = fn(lineno, line);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, "cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path, "read failed");
  *out = ss.str();
  return Status::OK();
}

}  // namespace

Status CameoTable::Parse(std::string_view cameo_tsv,
                         std::string_view plover_tsv,
                         std::unique_ptr<CameoTable>* out) {
  auto table = std::make_unique<CameoTable>();
  std::unordered_map<std::string, size_t> pos;
  Status s = ForEachLine(cameo_tsv, [&](size_t lineno,
                                        std::string_view line) -> Status {
    std::vector<std::string_view> f = SplitTabs(line);
    std::string where = "cameo.tsv line " + std::to_string(lineno);
    if (f.size() < 4) return Status::Corruption(where, "expected 4 columns");
    if (!IsCode(f[0])) return Status::Corruption(where, "bad CAMEO code");
    if (f[1].empty()) return Status::Corruption(where, "empty name");
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    if (!ParseDouble(f[2], &c.goldstein) || c.goldstein < -10 ||
        c.goldstein > 10)
      return Status::Corruption(where, "bad Goldstein value");
    if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4')
      return Status::Corruption(where, "quad_class must be 1-4");
    c.quad_class = f[3][0] - '0';
    if (pos.count(c.code)) return Status::Corruption(where, "duplicate code");
    if (c.code.size() > 2 && !pos.count(c.code.substr(0, 2)))
      return Status::Corruption(where, "root code not defined before it");
    pos[c.code] = table->codes_.size();
    table->codes_.push_back(std::move(c));
    return Status::OK();
  });
  if (!s.ok()) return s;
  if (table->codes_.empty())
    return Status::Corruption("cameo.tsv", "no codes");
  s = ForEachLine(plover_tsv, [&](size_t lineno,
                                  std::string_view line) -> Status {
    std::vector<std::string_view> f = SplitTabs(line);
    std::string where = "cameo_plover.tsv line " + std::to_string(lineno);
    if (f.size() < 4) return Status::Corruption(where, "expected 4 columns");
    auto it = pos.find(std::string(f[0]));
    if (it == pos.end()) return Status::Corruption(where, "unknown CAMEO code");
    CameoCode& c = table->codes_[it->second];
    c.plover = std::string(f[1]);
    c.plover_mode = std::string(f[2]);
    c.plover_context = std::string(f[3]);
    return Status::OK();
  });
  if (!s.ok()) return s;
  for (size_t i = 0; i < table->codes_.size(); ++i)
    table->index_.emplace(table->codes_[i].code, i);
  *out = std::move(table);
  return Status::OK();
}

Status CameoTable::Load(const std::string& dir,
                        std::unique_ptr<CameoTable>* out) {
  std::string cameo, plover;
  Status s = ReadFile(dir + "/cameo.tsv", &cameo);
  if (!s.ok()) return s;
  std::ifstream probe(dir + "/cameo_plover.tsv");
  if (probe) {
    s = ReadFile(dir + "/cameo_plover.tsv", &plover);
    if (!s.ok()) return s;
  }
  s = Parse(cameo, plover, out);
  if (!s.ok()) return Status::Corruption(dir, s.message());
  return s;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &codes_[it->second];
}

std::string_view CameoTable::Root(std::string_view code) const {
  const CameoCode* c = Find(code);
  if (c == nullptr) return {};
  const CameoCode* root = Find(std::string_view(c->code).substr(0, 2));
  return root ? std::string_view(root->code) : std::string_view();
}

std::string_view CameoTable::Base(std::string_view code) const {
  const CameoCode* c = Find(code);
  if (c == nullptr) return {};
  if (c->code.size() <= 3) return c->code;
  const CameoCode* base = Find(std::string_view(c->code).substr(0, 3));
  return base ? std::string_view(base->code) : std::string_view();
}

}  // namespace dateline

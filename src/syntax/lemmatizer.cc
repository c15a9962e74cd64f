#include "syntax/lemmatizer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "base/ascii.h"
#include "syntax/lemma_candidates.h"

namespace dateline {
namespace {

constexpr int kMaxSuffix = 6;
constexpr size_t kMinStem = 2;

// Splits a line at tabs, keeping empty fields ("rule\tV\tks\t1\t": the
// change adds nothing).
std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? e : e - b));
    if (e == std::string::npos) return out;
    b = e + 1;
  }
}

}  // namespace

char Lemmatizer::ClassOf(std::string_view tag) {
  if (tag == "MD" || tag.substr(0, 2) == "VB") return 'V';
  if (tag == "NNS" || tag == "NNPS") return 'N';
  return 0;
}

std::string Lemmatizer::ByRules(const std::string& lower, char cls) const {
  const size_t n = lower.size();
  std::string key(1, cls);
  for (size_t len = std::min<size_t>(kMaxSuffix, n > kMinStem ? n - kMinStem : 0);
       len >= 1; --len) {
    key.resize(1);
    key.append(lower, n - len, len);
    auto it = rules_.find(key);
    if (it == rules_.end()) continue;
    return lower.substr(0, n - static_cast<size_t>(it->second.cut)) +
           it->second.add;
  }
  return lower;
}

std::string Lemmatizer::Lemma(std::string_view word,
                              std::string_view tag) const {
  const char cls = ClassOf(tag);
  if (cls == 0) return "";
  std::string lower = AsciiLower(word);
  std::string key(1, cls);
  key += lower;
  auto it = forms_.find(key);
  if (it != forms_.end()) return it->second;
  std::string lemma = ByRules(lower, cls);
  if (known_ == nullptr || known_->empty() || lemma == lower ||
      known_->Contains(lemma)) {
    return lemma;
  }
  for (const std::string& c : LemmaCandidates(lower)) {
    if (c != lower && known_->Contains(c)) return c;
  }
  return lemma;
}

Lemmatizer Lemmatizer::Train(const std::vector<ConlluSentence>& sentences,
                             int min_count) {
  // Each form's most frequent lemma (ties: the first in byte order).
  std::map<std::string, std::map<std::string, long>> seen;  // CLASS+form
  for (const ConlluSentence& s : sentences) {
    for (const ConlluWord& w : s.words) {
      const char cls = ClassOf(w.xpos);
      if (cls == 0 || w.lemma == "_" || w.form.empty()) continue;
      std::string key(1, cls);
      key += AsciiLower(w.form);
      ++seen[key][AsciiLower(w.lemma)];
    }
  }
  std::map<std::string, std::string> lemma_of;
  for (const auto& [key, lemmas] : seen) {
    const std::string* best = nullptr;
    long best_n = 0;
    for (const auto& [l, n] : lemmas) {
      if (n > best_n) {
        best = &l;
        best_n = n;
      }
    }
    lemma_of[key] = *best;
  }
  // Per suffix, how many forms (types) show each change that stays inside
  // the suffix.
  std::map<std::string, std::map<std::pair<int, std::string>, long>> changes;
  for (const auto& [key, lemma] : lemma_of) {
    const std::string form = key.substr(1);
    size_t p = 0;
    while (p < form.size() && p < lemma.size() && form[p] == lemma[p]) ++p;
    const int cut = static_cast<int>(form.size() - p);
    const std::string add = lemma.substr(p);
    const size_t n = form.size();
    for (size_t len = 1; len <= kMaxSuffix && len + kMinStem <= n; ++len) {
      if (cut > static_cast<int>(len)) continue;
      ++changes[key.substr(0, 1) + form.substr(n - len)][{cut, add}];
    }
  }
  Lemmatizer out;
  for (const auto& [suffix, counts] : changes) {
    const std::pair<int, std::string>* best = nullptr;
    long best_n = 0;
    for (const auto& [change, n] : counts) {
      if (n > best_n) {
        best = &change;
        best_n = n;
      }
    }
    if (best_n < min_count) continue;
    out.rules_[suffix] = {best->first, best->second};
  }
  for (const auto& [key, lemma] : lemma_of) {
    if (out.ByRules(key.substr(1), key[0]) != lemma) out.forms_[key] = lemma;
  }
  return out;
}

std::string Lemmatizer::Serialize(const std::string& header) const {
  std::ostringstream o;
  std::istringstream h(header);
  for (std::string line; std::getline(h, line);) o << "# " << line << "\n";
  // Sorted, so the same data give the same file.
  std::vector<std::tuple<std::string, int, std::string>> rules;
  for (const auto& [k, c] : rules_) rules.emplace_back(k, c.cut, c.add);
  std::sort(rules.begin(), rules.end());
  for (const auto& [k, cut, add] : rules) {
    o << "rule\t" << k[0] << "\t" << k.substr(1) << "\t" << cut << "\t" << add
      << "\n";
  }
  std::vector<std::pair<std::string, std::string>> forms(forms_.begin(),
                                                         forms_.end());
  std::sort(forms.begin(), forms.end());
  for (const auto& [k, l] : forms) {
    o << "form\t" << k[0] << "\t" << k.substr(1) << "\t" << l << "\n";
  }
  return o.str();
}

Status Lemmatizer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, "cannot read the lemma table");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return Parse(bytes.str(), path);
}

Status Lemmatizer::Parse(std::string_view data, const std::string& name) {
  rules_.clear();
  forms_.clear();
  int n = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string line(data.substr(pos, nl - pos));
    pos = nl + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Fields(line);
    const bool ok_class = f.size() >= 2 && (f[1] == "V" || f[1] == "N");
    if (ok_class && f[0] == "rule" && f.size() == 5 && !f[2].empty()) {
      char* end = nullptr;
      const long cut = std::strtol(f[3].c_str(), &end, 10);
      if (end != f[3].c_str() && *end == '\0' && cut >= 0 &&
          cut <= static_cast<long>(f[2].size())) {
        rules_[f[1] + f[2]] = {static_cast<int>(cut), f[4]};
        continue;
      }
    } else if (ok_class && f[0] == "form" && f.size() == 4 && !f[2].empty()) {
      forms_[f[1] + f[2]] = f[3];
      continue;
    }
    rules_.clear();
    forms_.clear();
    return Status::Corruption(name, "line " + std::to_string(n) +
                                        ": not a rule or form line");
  }
  return Status::OK();
}

}  // namespace dateline

#include "entities/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/hash.h"

namespace dateline {
namespace {

uint64_t EdgeKey(uint32_t node, uint64_t token_hash) {
  uint64_t x =
      token_hash ^ (static_cast<uint64_t>(node) * 0x9E3779B97F4A7C15ULL);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  return x;
}

uint64_t LowerHash(std::string_view word, std::string* buf) {
  Gazetteer::NormalizeQuotes(word, true, buf);
  return Hash64(*buf);
}

}  // namespace

void Gazetteer::NormalizeQuotes(std::string_view word, bool lower,
                                std::string* out) {
  out->clear();
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80') {
      const char d = word[i + 2];
      if (d == '\x98' || d == '\x99') {  // ‘ ’
        out->push_back('\'');
        i += 2;
        continue;
      }
      if (d == '\x9C' || d == '\x9D') {  // “ ”
        out->push_back('"');
        i += 2;
        continue;
      }
    }
    if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out->push_back(c);
  }
}

std::vector<std::string> Gazetteer::Tokenize(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == ' ' || c == '\t') {
      flush();
    } else if (c == ',' || c == '(' || c == ')' || c == '"' || c == ';' ||
               c == ':') {
      flush();
      out.emplace_back(1, c);
    } else if (c == '\'' && i + 1 < name.size() && name[i + 1] == 's' &&
               (i + 2 == name.size() || name[i + 2] == ' ') && !cur.empty()) {
      flush();  // "People's" -> "People 's", as in CoNLL
      cur = "'s";
      ++i;
    } else {
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

int Gazetteer::TypeId(std::string_view type) {
  for (size_t i = 0; i < types_.size(); ++i)
    if (types_[i] == type) return static_cast<int>(i);
  if (types_.size() >= kMaxTypes) return -1;
  types_.emplace_back(type);
  return static_cast<int>(types_.size()) - 1;
}

void Gazetteer::AddTokens(const std::vector<std::string>& toks, int type) {
  if (toks.empty() || type < 0) return;
  std::string buf;
  uint32_t node = 0;
  for (const auto& t : toks) {
    uint64_t key = EdgeKey(node, LowerHash(t, &buf));
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      uint32_t next = static_cast<uint32_t>(node_types_.size());
      node_types_.push_back(0);
      edges_.emplace(key, next);
      node = next;
    } else {
      node = it->second;
    }
  }
  node_types_[node] |= 1u << type;
}

void Gazetteer::Add(std::string_view name, std::string_view type) {
  std::vector<std::string> toks = Tokenize(name);
  if (toks.empty() || type.empty()) return;
  int id = TypeId(type);
  if (id < 0) return;
  std::string line(type);
  line.push_back('\t');
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i) line.push_back(' ');
    line += toks[i];
  }
  entries_.push_back(line);
  AddTokens(toks, id);
}

void Gazetteer::AddEntryLine(std::string_view line) {
  size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return;
  std::string_view type = line.substr(0, tab);
  std::string_view rest = line.substr(tab + 1);
  std::vector<std::string> toks;
  size_t i = 0;
  while (i < rest.size()) {
    size_t j = rest.find(' ', i);
    if (j == std::string_view::npos) j = rest.size();
    if (j > i) toks.emplace_back(rest.substr(i, j - i));
    i = j + 1;
  }
  int id = TypeId(type);
  if (id < 0 || toks.empty()) return;
  entries_.emplace_back(line);
  AddTokens(toks, id);
}

Status Gazetteer::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  }
  if (ec) return Status::IOError(dir, ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    if (!in) return Status::IOError(path.string(), "cannot open");
    const std::string stem = path.stem().string();
    // Two layouts: `name<TAB>type` lines, or a table whose column names are
    // given by a `# name<TAB>...` comment line. In a table every name-like
    // column (name, aliases, demonyms, capital, ...; lists split on '|')
    // becomes a type of its own: "<file>" for names and aliases,
    // "<file>.<column>" for the others.
    std::vector<std::string> column_types;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      std::vector<std::string_view> cols;
      std::string_view body(line);
      bool comment = body[0] == '#';
      if (comment) {
        body.remove_prefix(1);
        while (!body.empty() && body[0] == ' ') body.remove_prefix(1);
      }
      for (size_t i = 0;;) {
        size_t tab = body.find('\t', i);
        cols.push_back(body.substr(i, tab == std::string_view::npos
                                          ? std::string_view::npos
                                          : tab - i));
        if (tab == std::string_view::npos) break;
        i = tab + 1;
      }
      if (comment) {
        if (!cols.empty() && cols[0] == "name" && column_types.empty()) {
          for (auto c : cols) {
            static const char* kNameLike[] = {
                "aliases",     "alias",         "demonyms", "demonym",
                "capital",     "capitals",      "cities",   "city",
                "short_names", "abbreviations", "acronyms", "acronym",
                "short_name",  "abbreviation",  "surname",  "surnames"};
            std::string type;
            if (c == "name" || c == "aliases" || c == "alias" ||
                c == "short_names" || c == "short_name" ||
                c == "abbreviations" || c == "abbreviation" ||
                c == "acronyms" || c == "acronym") {
              type = stem;
            } else {
              for (const char* k : kNameLike)
                if (c == k) type = stem + "." + std::string(c);
            }
            column_types.push_back(type);
          }
        }
        continue;
      }
      if (column_types.empty()) {
        if (cols.size() >= 2) Add(cols[0], cols[1]);
        continue;
      }
      for (size_t c = 0; c < cols.size() && c < column_types.size(); ++c) {
        if (column_types[c].empty()) continue;
        std::string_view v = cols[c];
        for (size_t i = 0;;) {
          size_t bar = v.find('|', i);
          std::string_view item =
              v.substr(i, bar == std::string_view::npos ? std::string_view::npos
                                                        : bar - i);
          if (!item.empty()) Add(item, column_types[c]);
          if (bar == std::string_view::npos) break;
          i = bar + 1;
        }
      }
    }
  }
  return Status::OK();
}

void Gazetteer::Match(const std::vector<std::string_view>& words,
                      std::vector<TokenMatch>* out) const {
  out->assign(words.size(), TokenMatch());
  if (edges_.empty()) return;
  std::string buf;
  std::vector<uint64_t> hashes(words.size());
  for (size_t i = 0; i < words.size(); ++i)
    hashes[i] = LowerHash(words[i], &buf);
  for (size_t i = 0; i < words.size(); ++i) {
    uint32_t node = 0;
    for (size_t j = i; j < words.size() && j - i < 12; ++j) {
      auto it = edges_.find(EdgeKey(node, hashes[j]));
      if (it == edges_.end()) break;
      node = it->second;
      uint32_t types = node_types_[node];
      if (types == 0) continue;
      (*out)[i].begin |= types;
      for (size_t k = i + 1; k <= j; ++k) (*out)[k].inside |= types;
    }
  }
}

}  // namespace dateline

// Reading the PolNeAR corpus (../shared/datasets/polnear/SOURCE.md) in
// memory: the gzip'd tarball's members, and each .ann file's Source, Cue and
// Content spans in code points, as bench/polnear_eval.cc scores them and
// tools/build_cues_main.cc counts them. Header-only; no exceptions; malformed
// input gives empty results or skipped lines, never a crash.
#ifndef DATELINE_BENCH_POLNEAR_CORPUS_H_
#define DATELINE_BENCH_POLNEAR_CORPUS_H_

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_data.h"
#include "read/tar_reader.h"

namespace dateline {
namespace polnear {

inline const char* const kLabels[] = {"Source", "Cue", "Content"};

// Reads the regular-file members of the gzip'd tar archive at `path` into
// *out (name -> content), with the tar header parser of src/read (checksums,
// ustar prefixes); GNU long names are followed. Returns false when it cannot
// be read, a header is bad, or the archive is cut.
inline bool ReadTarGz(const std::string& path, std::map<std::string, std::string>* out) {
  std::string data;
  if (!bench::ReadGzipFile(path, &data)) return false;
  size_t pos = 0;
  std::string long_name;
  while (pos + 512 <= data.size()) {
    std::string_view block(data.data() + pos, 512);
    if (IsZeroBlock(block)) break;
    TarHeader h;
    if (!ParseTarHeader(block, &h).ok()) return false;
    pos += 512;
    if (h.size > data.size() - pos) return false;
    std::string body = data.substr(pos, h.size);
    pos += (h.size + 511) / 512 * 512;
    if (h.type == 'L') {  // GNU long name for the next member
      long_name = body.substr(0, strnlen(body.c_str(), body.size()));
      continue;
    }
    std::string name = h.name;
    if (!long_name.empty()) {
      name = long_name;
      long_name.clear();
    }
    if (h.type == '0' || h.type == '\0') (*out)[name] = std::move(body);
  }
  return true;
}

using SpanSet = std::set<std::pair<uint32_t, uint32_t>>;  // code points
struct Spans {
  SpanSet by_label[3];
};

// Parses a brat .ann file's Source, Cue and Content text-bound annotations.
// Malformed lines are skipped and counted in *bad.
inline Spans ParseAnn(std::string_view ann, std::u32string_view text, size_t* bad) {
  Spans out;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] != 'T') continue;
    size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    std::string_view mid = line.substr(
        t1 + 1, (t2 == std::string_view::npos ? line.size() : t2) - t1 - 1);
    size_t sp = mid.find(' ');
    if (sp == std::string_view::npos) continue;
    std::string_view type = mid.substr(0, sp);
    int label = -1;
    for (int l = 0; l < 3; ++l) {
      if (type == kLabels[l]) label = l;
    }
    if (label < 0) continue;
    std::vector<std::pair<uint32_t, uint32_t>> frags;
    std::string rest(mid.substr(sp + 1));
    size_t p = 0;
    bool ok = true;
    while (p < rest.size()) {
      size_t semi = rest.find(';', p);
      if (semi == std::string::npos) semi = rest.size();
      unsigned long a = 0, b = 0;
      if (std::sscanf(rest.substr(p, semi - p).c_str(), "%lu %lu", &a, &b) != 2 ||
          a > b || b > text.size()) {
        ok = false;
        break;
      }
      frags.emplace_back(a, b);
      p = semi + 1;
    }
    if (!ok || frags.empty()) {
      ++*bad;
      continue;
    }
    std::sort(frags.begin(), frags.end());
    // Join fragments separated by whitespace only.
    std::vector<std::pair<uint32_t, uint32_t>> joined;
    for (auto f : frags) {
      if (!joined.empty() && f.first >= joined.back().second) {
        bool space = true;
        for (uint32_t k = joined.back().second; k < f.first; ++k) {
          char32_t c = text[k];
          if (c != ' ' && c != '\n' && c != '\t' && c != 0xA0) space = false;
        }
        if (space) {
          joined.back().second = f.second;
          continue;
        }
      }
      joined.push_back(f);
    }
    for (auto f : joined) {
      if (f.second > f.first) out.by_label[label].insert(f);
    }
  }
  return out;
}

// Decodes UTF-8 `s` to code points; (*byte_to_cp)[i] is the code point
// holding byte i (and [size] the count).
inline std::u32string Decode(std::string_view s, std::vector<uint32_t>* byte_to_cp) {
  std::u32string out;
  byte_to_cp->assign(s.size() + 1, 0);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = c;
    if (n > 1) {
      cp = c & (0x3F >> (n - 1));
      for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    for (size_t k = 0; k < n; ++k) (*byte_to_cp)[i + k] = out.size();
    out.push_back(cp);
    i += n;
  }
  (*byte_to_cp)[s.size()] = out.size();
  return out;
}


// The articles of one split ("train", "dev"): text and the first .ann file
// in name order (the gold standard when several annotators did one).
struct Article {
  std::string stem;
  const std::string* text = nullptr;
  const std::string* ann = nullptr;
};
inline std::vector<Article> Articles(const std::map<std::string, std::string>& files,
                                     const std::string& split) {
  std::vector<Article> out;
  std::string text_prefix = "data/" + split + "/text/";
  std::string ann_prefix = "data/" + split + "/attributions/";
  for (const auto& [name, content] : files) {
    if (name.rfind(text_prefix, 0) != 0 || name.size() < 4 ||
        name.compare(name.size() - 4, 4, ".txt") != 0) {
      continue;
    }
    std::string stem = name.substr(text_prefix.size(),
                                   name.size() - 4 - text_prefix.size());
    auto it = files.lower_bound(ann_prefix + stem + "_");
    if (it == files.end() || it->first.rfind(ann_prefix + stem + "_", 0) != 0) {
      continue;
    }
    std::string rest = it->first.substr(ann_prefix.size() + stem.size() + 1);
    if (rest.find('_') != std::string::npos || rest.find('/') != std::string::npos) {
      continue;
    }
    out.push_back({stem, &content, &it->second});
  }
  return out;
}

// Returns the corpus tarball under ../shared/datasets/polnear (or the path
// bench::FindSharedDataset finds).
inline std::string DefaultArchive() {
  std::string dir = bench::FindSharedDataset("polnear");
  return (dir.empty() ? "../shared/datasets/polnear" : dir) +
         "/polnear-v1.0.0-train-dev.tar.gz";
}

}  // namespace polnear
}  // namespace dateline

#endif  // DATELINE_BENCH_POLNEAR_CORPUS_H_

// Helpers shared by the evaluation and speed programs in bench/: finding the
// datasets in ../shared/datasets, reading plain and gzip files, listing a
// directory. Header-only so every *_eval.cc and *_bench.cc stays one
// translation unit (CMake builds each of them as its own executable).
// Not thread-safe beyond what the standard library gives; no exceptions
// escape (failures return false or an empty result).
#ifndef DATELINE_BENCH_BENCH_DATA_H_
#define DATELINE_BENCH_BENCH_DATA_H_

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "dateline/options.h"

namespace dateline {
namespace bench {

// The clean stage alone: what the article-extraction benchmark and the
// clean-speed runs measure (the language layer has its own benchmarks).
inline PipelineOptions CleanStageOnly() {
  PipelineOptions options;
  options.stages = "clean";
  return options;
}

// Returns the first of `candidates` that is an existing directory, or "" if
// none is.
inline std::string FirstExistingDir(const std::vector<std::string>& candidates) {
  for (const std::string& dir : candidates) {
    std::error_code ec;
    if (!dir.empty() && std::filesystem::is_directory(dir, ec)) return dir;
  }
  return "";
}

// Returns the directory of the shared dataset `name` (e.g.
// "scrapinghub-aeb"): ../shared/datasets/NAME relative to the current
// directory, else the same above the source tree, else /work/shared/....
// Returns "" when none exists.
inline std::string FindSharedDataset(std::string_view name) {
  std::string n(name);
  std::vector<std::string> candidates = {"../shared/datasets/" + n,
                                         "../../shared/datasets/" + n};
#ifdef DATELINE_SOURCE_DIR
  candidates.push_back(std::string(DATELINE_SOURCE_DIR) + "/../shared/datasets/" + n);
#endif
  candidates.push_back("/work/shared/datasets/" + n);
  return FirstExistingDir(candidates);
}

// Reads the whole file at `path` into *out. Returns false on any I/O error.
inline bool ReadWholeFile(const std::string& path, std::string* out) {
  out->clear();
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

// Reads and gunzips the file at `path` into *out (a file that is not gzip
// is read as is, which is how zlib's gz* functions behave). Returns false on
// an I/O or decompression error.
inline bool ReadGzipFile(const std::string& path, std::string* out) {
  out->clear();
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

// Writes `data` to `path`, replacing it. Returns false on an I/O error.
inline bool WriteWholeFile(const std::string& path, std::string_view data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  return ok;
}

// Returns the regular files directly in `dir` whose names end in `suffix`,
// sorted by name. Empty when the directory cannot be read.
inline std::vector<std::string> ListFiles(const std::string& dir, std::string_view suffix) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A page loaded into memory for a benchmark: its id (file name without the
// extension), and its content.
struct LoadedPage {
  std::string id;
  std::string content;
};

// Returns the file name of `path` without `suffix` (when it ends so).
inline std::string StemOf(const std::string& path, std::string_view suffix) {
  std::string name = std::filesystem::path(path).filename().string();
  if (name.size() >= suffix.size() &&
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    name.resize(name.size() - suffix.size());
  }
  return name;
}

// Loads the benchmark's pages into memory: kind "html" reads
// scrapinghub-aeb/html/*.html.gz (gunzipped), kind "text" reads
// aeb-scraped/*.txt. Returns an empty vector when the dataset is missing; a
// file that cannot be read is skipped. Content is as stored (UTF-8, not
// repaired).
// `dir` overrides where the dataset is (the scrapinghub-aeb or aeb-scraped
// directory itself).
inline std::vector<LoadedPage> LoadAebPages(std::string_view kind,
                                            std::string dir = "") {
  std::vector<LoadedPage> pages;
  bool html = kind == "html";
  if (dir.empty()) {
    dir = FindSharedDataset(html ? "scrapinghub-aeb" : "aeb-scraped");
  }
  if (dir.empty()) return pages;
  if (html) dir += "/html";
  const std::string_view suffix = html ? ".html.gz" : ".txt";
  for (const std::string& path : ListFiles(dir, suffix)) {
    LoadedPage page;
    page.id = StemOf(path, suffix);
    bool ok = html ? ReadGzipFile(path, &page.content) : ReadWholeFile(path, &page.content);
    if (ok) pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace bench
}  // namespace dateline

#endif  // DATELINE_BENCH_BENCH_DATA_H_

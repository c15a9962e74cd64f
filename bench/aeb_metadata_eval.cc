// aeb_metadata_eval: scores the page metadata dateline's clean stage reads
// (title, authors, published) against the hand-labelled AEB metadata set in
// bench/gold/aeb_metadata.tsv (see bench/gold/README.md for the labelling
// rules). Exact match after light normalisation:
//
//   title      whitespace collapsed and trimmed, curly quotes and apostrophes
//              equal to straight ones, dashes (en, em, minus) equal to '-',
//              "…" equal to "..."; case-sensitive otherwise.
//   authors    the same normalisation on each name, compared as sets (order
//              ignored); an empty gold list wants an empty prediction.
//   published  the date part (YYYY-MM-DD) only; an empty gold date wants an
//              empty prediction.
//
// Split: ids starting with 0-9, a or b are "dev", c-f "test".
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {
namespace {

struct GoldPage {
  std::string id, title, published;
  std::set<std::string> authors;
};

// Returns `s` with the equivalences above applied and whitespace collapsed.
std::string Normalize(std::string_view s) {
  static const std::pair<const char*, const char*> kSame[] = {
      {"\u2018", "'"}, {"\u2019", "'"}, {"\u201C", "\""}, {"\u201D", "\""},
      {"\u2013", "-"}, {"\u2014", "-"}, {"\u2212", "-"},  {"\u2026", "..."},
      {"\u00A0", " "}, {"\u2032", "'"}};
  std::string t(s);
  for (const auto& [from, to] : kSame) {
    size_t pos = 0;
    std::string f(from);
    while ((pos = t.find(f, pos)) != std::string::npos) {
      t.replace(pos, f.size(), to);
      pos += std::string_view(to).size();
    }
  }
  std::string out;
  bool space = false;
  for (char c : t) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    f.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return f;
}

std::set<std::string> AuthorSet(const std::vector<std::string>& names) {
  std::set<std::string> out;
  for (const std::string& n : names) {
    std::string k = Normalize(n);
    if (!k.empty()) out.insert(k);
  }
  return out;
}

// Reads the gold file (header line first, '#' lines skipped). Returns false
// and prints the cause when the file is missing or a line is malformed.
bool LoadGold(const std::string& path, std::vector<GoldPage>* gold) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "aeb_metadata_eval: %s: cannot read\n", path.c_str());
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 || line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 4) {
      std::fprintf(stderr, "aeb_metadata_eval: %s:%d: want id, title, authors, published\n",
                   path.c_str(), line_no);
      return false;
    }
    GoldPage g;
    g.id = f[0];
    g.title = Normalize(f[1]);
    std::vector<std::string> names;
    size_t start = 0;
    while (start <= f[2].size() && !f[2].empty()) {
      size_t semi = f[2].find(';', start);
      names.push_back(f[2].substr(start, semi - start));
      if (semi == std::string::npos) break;
      start = semi + 1;
    }
    g.authors = AuthorSet(names);
    g.published = f[3].substr(0, 10);
    gold->push_back(std::move(g));
  }
  return true;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) {
    if (!out.empty()) out += "; ";
    out += x;
  }
  return out;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
  using namespace dateline;
  CLI::App app{"Scores dateline's HTML metadata (title, authors, published) on the AEB pages"};
  std::string dataset;
  std::string gold_path = "bench/gold/aeb_metadata.tsv";
  std::string split = "dev";
  bool verbose = false;
  app.add_option("dataset", dataset,
                 "benchmark dir with html/ (default ../shared/datasets/scrapinghub-aeb)");
  app.add_option("--gold", gold_path, "the hand-labelled metadata TSV");
  app.add_option("--split", split, "dev (ids 0-9a-b), test (c-f) or all")
      ->check(CLI::IsMember({"dev", "test", "all"}));
  app.add_flag("--verbose,-v", verbose, "list every wrong field");
  CLI11_PARSE(app, argc, argv);

  if (dataset.empty()) dataset = bench::FindSharedDataset("scrapinghub-aeb");
  if (dataset.empty()) {
    std::fprintf(stderr, "aeb_metadata_eval: dataset not found; give its directory\n");
    return 2;
  }
  std::vector<GoldPage> gold;
  if (!LoadGold(gold_path, &gold)) return 2;
  // The page addresses, as aeb_eval passes them (a crawl knows its URLs).
  std::map<std::string, std::string> urls;
  {
    std::string text;
    if (bench::ReadWholeFile(dataset + "/ground-truth.json", &text)) {
      nlohmann::json truth = nlohmann::json::parse(text, nullptr, false);
      if (truth.is_object()) {
        for (const auto& [id, item] : truth.items()) {
          if (item.is_object() && item.contains("url") && item["url"].is_string()) {
            urls[id] = item["url"].get<std::string>();
          }
        }
      }
    }
  }
  std::erase_if(gold, [&](const GoldPage& g) {
    bool dev = !g.id.empty() && ((g.id[0] >= '0' && g.id[0] <= '9') || g.id[0] == 'a' ||
                                 g.id[0] == 'b');
    return (split == "dev" && !dev) || (split == "test" && dev);
  });
  if (gold.empty()) {
    std::fprintf(stderr, "aeb_metadata_eval: no labelled pages in split %s\n", split.c_str());
    return 2;
  }
  std::unique_ptr<Pipeline> pipeline;
  Status st = Pipeline::Create(bench::CleanStageOnly(), &pipeline);
  if (!st.ok()) {
    std::fprintf(stderr, "aeb_metadata_eval: cannot create pipeline: %s\n",
                 st.ToString().c_str());
    return 2;
  }
  int title_ok = 0, authors_ok = 0, published_ok = 0, missing = 0;
  std::vector<std::string> errors[3];
  for (const GoldPage& g : gold) {
    Page page;
    page.id = g.id;
    if (auto it = urls.find(g.id); it != urls.end()) page.url = it->second;
    page.source = dataset + "/html/" + g.id + ".html.gz";
    page.format = PageFormat::kHtml;
    std::string raw;
    if (!bench::ReadGzipFile(page.source, &raw)) {
      std::fprintf(stderr, "aeb_metadata_eval: %s: cannot read\n", page.source.c_str());
      ++missing;
      continue;
    }
    page.content = RepairUtf8(raw);
    page.charset = "utf-8";
    Document doc = pipeline->Process(page);
    std::string title = Normalize(doc.title);
    std::set<std::string> authors = AuthorSet(doc.authors);
    std::string published = doc.published.substr(0, 10);
    std::string id8 = g.id.substr(0, 8);
    if (title == g.title) {
      ++title_ok;
    } else {
      errors[0].push_back(id8 + "  want [" + g.title + "]  got [" + title + "]");
    }
    if (authors == g.authors) {
      ++authors_ok;
    } else {
      errors[1].push_back(id8 + "  want [" + Join(g.authors) + "]  got [" + Join(authors) + "]");
    }
    if (published == g.published) {
      ++published_ok;
    } else {
      errors[2].push_back(id8 + "  want [" + g.published + "]  got [" + doc.published + "]");
    }
  }
  if (verbose) {
    const char* names[3] = {"title", "authors", "published"};
    for (int f = 0; f < 3; ++f) {
      std::printf("%s errors (%zu):\n", names[f], errors[f].size());
      for (const std::string& e : errors[f]) std::printf("  %s\n", e.c_str());
    }
  }
  double n = static_cast<double>(gold.size() - missing);
  std::printf("AEB metadata %s: title %.1f%% (%d/%.0f)  authors %.1f%% (%d/%.0f)  "
              "published %.1f%% (%d/%.0f)",
              split.c_str(), 100 * title_ok / n, title_ok, n, 100 * authors_ok / n, authors_ok,
              n, 100 * published_ok / n, published_ok, n);
  if (missing) std::printf("  missing %d", missing);
  std::printf("\n");
  return missing ? 1 : 0;
}

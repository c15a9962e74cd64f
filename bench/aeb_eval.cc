// aeb_eval: scores dateline's article extraction on the Zyte/Scrapinghub
// Article Extraction Benchmark (181 news and blog pages with a hand-made
// article body each), with the benchmark's own metric, re-implemented here:
//
//   tokens      Python's re.findall(r'\w+', text) on str: runs of Unicode
//               letters (L*), numbers (Numeric_Type != None) and '_'.
//               Combining marks are NOT word characters in Python's `re`,
//               so "é" written as e + U+0301 splits; we do the same.
//   shingles    multiset of 4-token windows (a text of 1..3 tokens is one
//               shorter shingle; no tokens, no shingle).
//   per page    TP = sum of min counts, FP = extra predicted, FN = missing,
//               all three divided by TP+FP+FN so every page weighs the same;
//               P = 1 and R = 1 when FP = FN = 0, P = 0 when TP = FP = 0,
//               R = 0 when TP = FN = 0, else TP/(TP+FP) and TP/(TP+FN).
//   overall     P = mean over pages with TP+FP > 0, R = mean over pages with
//               TP+FN > 0, F1 = 2PR/(P+R); accuracy = share of pages whose
//               token sequence equals the truth's.
//   ±           standard deviation over 1000 bootstrap resamples of pages.
//
// With --predictions FILE.json it scores a prediction file in the upstream
// format ({id: {articleBody}}) instead of running dateline; that is how the
// metric was checked against the published scores of other tools.
//
// With --format text --leave-one-outlet-out it scores the scraped-text
// cleaner's line classifier on outlets it never saw: for each outlet (URL
// host), a model trained on the other outlets' pages cleans its pages.
#include <unicode/uchar.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"
#include "clean/line_classifier.h"
#include "clean/text_cleaner.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {
namespace {

// Returns true for the characters Python's `re` counts as \w in a str
// pattern: str.isalnum() (general category L*, or any Numeric_Type) or '_'.
bool IsWordChar(uint32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_';
  }
  UChar32 uc = static_cast<UChar32>(c);
  if (u_isalpha(uc)) return true;
  return u_getIntPropertyValue(uc, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

// Returns the \w+ tokens of `text` as views into it.
std::vector<std::string_view> Tokenize(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < text.size()) {
    size_t here = pos;
    uint32_t c = DecodeUtf8(text, &pos);
    bool word = IsWordChar(c);
    if (word && start == std::string_view::npos) {
      start = here;
    } else if (!word && start != std::string_view::npos) {
      tokens.push_back(text.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

constexpr size_t kShingleSize = 4;

// Returns the multiset of shingles of `tokens`, each shingle its tokens
// joined by a space (never a word character, so joining is unambiguous).
std::unordered_map<std::string, int> Shingles(const std::vector<std::string_view>& tokens) {
  std::unordered_map<std::string, int> counts;
  if (tokens.empty()) return counts;
  size_t n = tokens.size() >= kShingleSize ? tokens.size() - kShingleSize + 1 : 1;
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    key.clear();
    size_t end = std::min(tokens.size(), i + kShingleSize);
    for (size_t j = i; j < end; ++j) {
      if (j > i) key.push_back(' ');
      key.append(tokens[j]);
    }
    ++counts[key];
  }
  return counts;
}

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalised to sum 1 (or all 0)
  bool exact = false;             // token sequences equal
};

PageScore ScorePage(std::string_view truth, std::string_view pred) {
  std::vector<std::string_view> t_tokens = Tokenize(truth);
  std::vector<std::string_view> p_tokens = Tokenize(pred);
  PageScore s;
  s.exact = t_tokens == p_tokens;
  std::unordered_map<std::string, int> t = Shingles(t_tokens);
  std::unordered_map<std::string, int> p = Shingles(p_tokens);
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    s.tp += std::min(tc, pc);
    s.fn += std::max(0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    auto it = t.find(key);
    int tc = it == t.end() ? 0 : it->second;
    s.fp += std::max(0, pc - tc);
  }
  double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  return s;
}

double PagePrecision(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) return 1.0;
  if (s.tp == 0 && s.fp == 0) return 0.0;
  return s.tp / (s.tp + s.fp);
}

double PageRecall(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) return 1.0;
  if (s.tp == 0 && s.fn == 0) return 0.0;
  return s.tp / (s.tp + s.fn);
}

struct Metrics {
  double f1 = 0, precision = 0, recall = 0, accuracy = 0;
};

// Returns the metrics over the pages scores[indexes[i]] (indexes may repeat).
Metrics ComputeMetrics(const std::vector<PageScore>& scores, const std::vector<size_t>& indexes) {
  double p_sum = 0, r_sum = 0, exact = 0;
  size_t p_n = 0, r_n = 0;
  for (size_t i : indexes) {
    const PageScore& s = scores[i];
    if (s.tp + s.fp > 0) {
      p_sum += PagePrecision(s);
      ++p_n;
    }
    if (s.tp + s.fn > 0) {
      r_sum += PageRecall(s);
      ++r_n;
    }
    exact += s.exact ? 1 : 0;
  }
  Metrics m;
  m.precision = p_n ? p_sum / p_n : 0;
  m.recall = r_n ? r_sum / r_n : 0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
  m.accuracy = indexes.empty() ? 0 : exact / indexes.size();
  return m;
}

double SampleStd(const std::vector<double>& v) {
  if (v.size() < 2) return 0;
  double mean = 0;
  for (double x : v) mean += x;
  mean /= v.size();
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / (v.size() - 1));
}

// Returns the bootstrap standard deviation of each metric over `rounds`
// resamples (with replacement) of the pages.
Metrics BootstrapStd(const std::vector<PageScore>& scores, int rounds, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, scores.empty() ? 0 : scores.size() - 1);
  std::vector<double> f1, p, r, a;
  std::vector<size_t> idx(scores.size());
  for (int round = 0; round < rounds && !scores.empty(); ++round) {
    for (size_t& i : idx) i = pick(rng);
    Metrics m = ComputeMetrics(scores, idx);
    f1.push_back(m.f1);
    p.push_back(m.precision);
    r.push_back(m.recall);
    a.push_back(m.accuracy);
  }
  return Metrics{SampleStd(f1), SampleStd(p), SampleStd(r), SampleStd(a)};
}

struct TruthItem {
  std::string id;
  std::string url;
  std::string body;
};

bool LoadJson(const std::string& path, nlohmann::json* out, std::string* error) {
  std::string text;
  if (!bench::ReadWholeFile(path, &text)) {
    *error = path + ": cannot read";
    return false;
  }
  try {
    *out = nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return false;
  }
  if (!out->is_object()) {
    *error = path + ": not a JSON object";
    return false;
  }
  return true;
}

std::string StringField(const nlohmann::json& item, const char* name) {
  if (!item.is_object()) return "";
  auto it = item.find(name);
  if (it == item.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// Keeps the items of `truth` selected by --ids and --split. The split is by
// position in id order: "even" keeps positions 0, 2, 4, ..., "odd" 1, 3, ...
bool SelectItems(const std::string& ids_file, const std::string& split,
                 std::vector<TruthItem>* truth) {
  if (!ids_file.empty()) {
    std::ifstream in(ids_file);
    if (!in) {
      std::fprintf(stderr, "aeb_eval: %s: cannot read\n", ids_file.c_str());
      return false;
    }
    std::set<std::string> wanted;
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty() && line[0] != '#') wanted.insert(line);
    }
    std::erase_if(*truth, [&](const TruthItem& t) { return !wanted.count(t.id); });
  }
  if (split == "odd" || split == "even") {
    std::vector<TruthItem> kept;
    size_t parity = split == "odd" ? 1 : 0;
    for (size_t i = 0; i < truth->size(); ++i) {
      if (i % 2 == parity) kept.push_back(std::move((*truth)[i]));
    }
    *truth = std::move(kept);
  }
  return true;
}


// Returns the outlet of a page: its URL's host without "www.".
std::string OutletOf(const std::string& url) {
  size_t b = url.find("://");
  b = b == std::string::npos ? 0 : b + 3;
  size_t e = url.find_first_of("/?#:", b);
  std::string host = url.substr(b, e == std::string::npos ? std::string::npos : e - b);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// Cleans every page with a line classifier that never saw its outlet: for
// each outlet, a model trained on the pages of all the others. Fills
// preds[i] for truth[i] (pages that cannot be read stay empty and count in
// *missing).
void LeaveOneOutletOut(const std::vector<TruthItem>& truth, const std::string& pages_dir,
                       const LineTrainOptions& options, std::vector<std::string>* preds,
                       int* missing, double* train_seconds) {
  const size_t n = truth.size();
  std::vector<std::string> contents(n);
  std::vector<std::vector<ScrapedLine>> lines(n);
  std::vector<std::vector<int>> labels(n);
  std::vector<bool> ok(n, false);
  std::map<std::string, std::vector<size_t>> outlets;
  for (size_t i = 0; i < n; ++i) {
    std::string raw;
    if (!bench::ReadWholeFile(pages_dir + "/" + truth[i].id + ".txt", &raw)) {
      ++*missing;
      continue;
    }
    ok[i] = true;
    contents[i] = RepairUtf8(raw);
    Document doc;
    CleanScrapedText(contents[i], &doc, nullptr, &lines[i]);
    labels[i] = LabelLines(lines[i], truth[i].body);
    outlets[OutletOf(truth[i].url)].push_back(i);
  }
  preds->assign(n, "");
  for (const auto& [outlet, held_out] : outlets) {
    std::vector<LabelledPage> train;
    for (size_t i = 0; i < n; ++i) {
      if (!ok[i] || OutletOf(truth[i].url) == outlet) continue;
      train.push_back({&lines[i], labels[i]});
    }
    auto start = std::chrono::steady_clock::now();
    LineClassifier model = LineClassifier::Train(train, options);
    *train_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i : held_out) {
      Document doc;
      CleanScrapedText(contents[i], &doc, &model, nullptr);
      (*preds)[i] = std::move(doc.text);
    }
  }
}
}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
  using namespace dateline;
  CLI::App app{"Scores dateline's article extraction on the Scrapinghub article extraction benchmark"};
  std::string dataset;
  std::string format = "html";
  std::string pages_dir;
  std::string dump_dir;
  std::string ids_file;
  std::string split = "all";
  std::string predictions;
  std::string tokens_out;
  int worst = 0;
  int rounds = 1000;
  uint64_t seed = 20191127;
  app.add_option("--dataset", dataset,
                 "benchmark dir with ground-truth.json and html/ "
                 "(default ../shared/datasets/scrapinghub-aeb)");
  app.add_option("--format", format, "what dateline reads: html pages or scraped text")
      ->check(CLI::IsMember({"html", "text"}));
  app.add_option("--pages", pages_dir,
                 "for --format text: dir of <id>.txt (default ../shared/datasets/aeb-scraped)");
  app.add_option("--dump", dump_dir, "write each prediction to DIR/<id>.txt");
  app.add_option("--worst", worst, "print the N worst pages by F1");
  app.add_option("--ids", ids_file, "score only the ids listed in FILE (one a line)");
  app.add_option("--split", split, "score every page, or the odd/even positions in id order")
      ->check(CLI::IsMember({"odd", "even", "all"}));
  std::string clean_model;
  bool looo = false;
  LineTrainOptions train_options;
  app.add_option("--clean-model", clean_model,
                 "text pages: the cleaner's line model file, or default for "
                 "data/models/clean_lines.model (none, the default: the rules alone)");
  app.add_flag("--leave-one-outlet-out", looo,
               "text pages: score each outlet's pages with a line model trained on the "
               "other outlets' pages only");
  app.add_option("--epochs", train_options.epochs, "--leave-one-outlet-out: training epochs");
  app.add_option("--train-seed", train_options.seed, "--leave-one-outlet-out: shuffle seed");
  app.add_option("--rule-features", train_options.rule_features,
                 "--leave-one-outlet-out: also learn from the rules' verdicts and word lists");
  app.add_option("--drop-margin", train_options.drop_margin,
                 "--leave-one-outlet-out: margin below which a line the rules kept is dropped");
  app.add_option("--token-weight", train_options.token_weight,
                 "--leave-one-outlet-out: update weight per log2 token of a line");
  app.add_option("--bootstrap", rounds, "bootstrap resamples for the ± figures");
  app.add_option("--seed", seed, "bootstrap random seed");
  // Hidden: for checking the metric against upstream outputs and Python.
  app.add_option("--predictions", predictions,
                 "score a prediction file {id: {articleBody}} instead of running dateline")
      ->group("");
  app.add_option("--tokens-out", tokens_out,
                 "write the tokens of every ground-truth body, one a line, and exit")
      ->group("");
  CLI11_PARSE(app, argc, argv);

  if (dataset.empty()) dataset = bench::FindSharedDataset("scrapinghub-aeb");
  if (dataset.empty()) {
    std::fprintf(stderr, "aeb_eval: dataset not found; give --dataset DIR\n");
    return 2;
  }
  nlohmann::json truth_json;
  std::string error;
  if (!LoadJson(dataset + "/ground-truth.json", &truth_json, &error)) {
    std::fprintf(stderr, "aeb_eval: %s\n", error.c_str());
    return 2;
  }
  std::vector<TruthItem> truth;
  for (const auto& [id, item] : truth_json.items()) {
    truth.push_back({id, StringField(item, "url"), StringField(item, "articleBody")});
  }
  std::sort(truth.begin(), truth.end(),
            [](const TruthItem& a, const TruthItem& b) { return a.id < b.id; });

  if (!tokens_out.empty()) {
    std::string out;
    for (const TruthItem& t : truth) {
      for (std::string_view tok : Tokenize(t.body)) {
        out.append(tok);
        out.push_back('\n');
      }
    }
    if (!bench::WriteWholeFile(tokens_out, out)) {
      std::fprintf(stderr, "aeb_eval: %s: cannot write\n", tokens_out.c_str());
      return 2;
    }
    return 0;
  }

  if (!SelectItems(ids_file, split, &truth)) return 2;
  if (truth.empty()) {
    std::fprintf(stderr, "aeb_eval: no pages selected\n");
    return 2;
  }

  nlohmann::json pred_json;
  std::unique_ptr<Pipeline> pipeline;
  std::string label;
  if (!predictions.empty()) {
    if (!LoadJson(predictions, &pred_json, &error)) {
      std::fprintf(stderr, "aeb_eval: %s\n", error.c_str());
      return 2;
    }
    label = std::filesystem::path(predictions).stem().string();
  } else {
    PipelineOptions options = bench::CleanStageOnly();
    options.clean_model = clean_model;
    Status st = Pipeline::Create(options, &pipeline);
    if (!st.ok()) {
      std::fprintf(stderr, "aeb_eval: cannot create pipeline: %s\n", st.ToString().c_str());
      return 2;
    }
    label = format;
    if (format == "text" && pages_dir.empty()) {
      pages_dir = bench::FindSharedDataset("aeb-scraped");
      if (pages_dir.empty()) {
        std::fprintf(stderr, "aeb_eval: aeb-scraped not found; give --pages DIR\n");
        return 2;
      }
    }
  }
  if (!dump_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(dump_dir, ec);
  }

  std::vector<PageScore> scores;
  int missing = 0, errors = 0;
  double extract_seconds = 0;
  std::vector<std::string> looo_preds;
  double train_seconds = 0;
  if (looo) {
    if (format != "text" || !predictions.empty()) {
      std::fprintf(stderr, "aeb_eval: --leave-one-outlet-out needs --format text\n");
      return 2;
    }
    LeaveOneOutletOut(truth, pages_dir, train_options, &looo_preds, &missing, &train_seconds);
    label = "text leave-one-outlet-out";
  }
  for (size_t ti = 0; ti < truth.size(); ++ti) {
    const TruthItem& t = truth[ti];
    std::string pred;
    if (looo) {
      pred = looo_preds[ti];
    } else if (!predictions.empty()) {
      auto it = pred_json.find(t.id);
      if (it == pred_json.end()) {
        ++missing;
      } else {
        pred = StringField(*it, "articleBody");
      }
    } else {
      Page page;
      page.url = t.url;
      page.id = t.id;
      std::string raw;
      bool read_ok;
      if (format == "html") {
        page.source = dataset + "/html/" + t.id + ".html.gz";
        page.format = PageFormat::kHtml;
        read_ok = bench::ReadGzipFile(page.source, &raw);
      } else {
        page.source = pages_dir + "/" + t.id + ".txt";
        page.format = PageFormat::kText;
        read_ok = bench::ReadWholeFile(page.source, &raw);
      }
      if (!read_ok) {
        std::fprintf(stderr, "aeb_eval: %s: cannot read\n", page.source.c_str());
        ++missing;
      } else {
        page.content = RepairUtf8(raw);
        page.charset = "utf-8";
        auto start = std::chrono::steady_clock::now();
        Document doc = pipeline->Process(page);
        extract_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!doc.error.empty()) ++errors;
        pred = std::move(doc.text);
      }
    }
    if (!dump_dir.empty() &&
        !bench::WriteWholeFile(dump_dir + "/" + t.id + ".txt", pred)) {
      std::fprintf(stderr, "aeb_eval: %s/%s.txt: cannot write\n", dump_dir.c_str(),
                   t.id.c_str());
    }
    scores.push_back(ScorePage(t.body, pred));
  }

  std::vector<size_t> all(scores.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Metrics m = ComputeMetrics(scores, all);
  Metrics sd = BootstrapStd(scores, rounds, seed);

  if (worst > 0) {
    std::vector<size_t> order = all;
    auto f1_of = [&](size_t i) {
      double p = PagePrecision(scores[i]), r = PageRecall(scores[i]);
      return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return f1_of(a) < f1_of(b); });
    std::printf("worst pages by F1:\n   F1     P      R     id  url\n");
    for (size_t k = 0; k < order.size() && k < static_cast<size_t>(worst); ++k) {
      size_t i = order[k];
      std::printf("  %.3f  %.3f  %.3f  %s  %s\n", f1_of(i), PagePrecision(scores[i]),
                  PageRecall(scores[i]), truth[i].id.c_str(), truth[i].url.c_str());
    }
  }

  std::printf(
      "AEB %s: F1 %.4f ± %.4f  precision %.4f ± %.4f  recall %.4f ± %.4f  "
      "accuracy %.4f ± %.4f  pages %zu",
      label.c_str(), m.f1, sd.f1, m.precision, sd.precision, m.recall, sd.recall,
      m.accuracy, sd.accuracy, scores.size());
  if (split != "all") std::printf("  split %s", split.c_str());
  if (missing) std::printf("  missing %d", missing);
  if (errors) std::printf("  errors %d", errors);
  if (looo) std::printf("  (training %.1f s)", train_seconds);
  if (predictions.empty() && extract_seconds > 0) {
    std::printf("  (%.1f pages/s)", scores.size() / extract_seconds);
  }
  std::printf("\n");
  return 0;
}

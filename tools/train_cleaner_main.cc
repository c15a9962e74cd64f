// train_cleaner: trains the scraped-text cleaner's line classifier
// (src/clean/line_classifier.h) on pages saved as plain text with their
// true article bodies: by default the 181 pages of aeb-scraped and the
// articleBody of scrapinghub-aeb's ground-truth.json.
//
//   build/train_cleaner --out data/models/clean_lines.model
//
// Each page is cleaned by the rules, which give every line its features;
// a line's label says whether most of its word tokens occur in the true
// body (LabelLines). Deterministic: the same pages and options give the
// same weights (the date line aside).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/hash.h"
#include "base/utf8.h"
#include "clean/line_classifier.h"
#include "clean/text_cleaner.h"
#include "dateline/document.h"
#include "entities/conll_corpus.h"

namespace dateline {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

int Main(int argc, char** argv) {
  std::string truth_path = "../shared/datasets/scrapinghub-aeb/ground-truth.json";
  std::string pages_dir = "../shared/datasets/aeb-scraped";
  std::string out_path;
  std::vector<std::string> notes;
  LineTrainOptions opt;
  CLI::App app{"Train the scraped-text cleaner's line classifier"};
  app.add_option("--truth", truth_path, "JSON {id: {articleBody, url}}");
  app.add_option("--pages", pages_dir, "dir of <id>.txt scraped pages");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--epochs", opt.epochs, "training epochs");
  app.add_option("--seed", opt.seed, "shuffle seed");
  app.add_option("--rule-features", opt.rule_features,
                 "also learn from the rules' verdicts and word-list hits");
  app.add_option("--drop-margin", opt.drop_margin,
                 "a line the rules kept is dropped only below minus this margin");
  app.add_option("--token-weight", opt.token_weight,
                 "update weight per log2 token of a line");
  app.add_option("--note", notes, "KEY=VALUE lines for the model's header (scores)");
  CLI11_PARSE(app, argc, argv);

  std::string truth_text;
  if (!ReadFile(truth_path, &truth_text)) {
    std::fprintf(stderr, "train_cleaner: %s: cannot read\n", truth_path.c_str());
    return 1;
  }
  nlohmann::json truth;
  try {
    truth = nlohmann::json::parse(truth_text);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_cleaner: %s: %s\n", truth_path.c_str(), e.what());
    return 1;
  }
  std::vector<std::string> ids;
  for (const auto& [id, item] : truth.items()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());

  std::vector<std::vector<ScrapedLine>> lines(ids.size());
  std::vector<LabelledPage> pages;
  std::string all_pages;  // for the data hash
  size_t examples = 0, article = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto& item = truth[ids[i]];
    if (!item.is_object() || !item.contains("articleBody") ||
        !item["articleBody"].is_string())
      continue;
    std::string raw;
    const std::string path = pages_dir + "/" + ids[i] + ".txt";
    if (!ReadFile(path, &raw)) {
      std::fprintf(stderr, "train_cleaner: %s: cannot read\n", path.c_str());
      return 1;
    }
    all_pages += raw;
    std::string content = RepairUtf8(raw);
    Document doc;
    CleanScrapedText(content, &doc, nullptr, &lines[i]);
    LabelledPage p{&lines[i], LabelLines(lines[i], item["articleBody"].get<std::string>())};
    for (int l : p.labels) {
      examples += l >= 0;
      article += l == 1;
    }
    pages.push_back(std::move(p));
  }
  LineClassifier model = LineClassifier::Train(pages, opt);

  // Line accuracy on the training pages themselves (tuned-on).
  size_t right = 0;
  for (const LabelledPage& p : pages) {
    const std::vector<bool> keep = model.Decide(*p.lines);
    for (size_t k = 0; k < p.labels.size(); ++k) {
      if (p.labels[k] < 0) continue;
      right += keep[k] == (p.labels[k] == 1);
    }
  }
  char date[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  model.AddInfo("made_by",
                "train_cleaner (tools/train_cleaner_main.cc, averaged perceptron of "
                "src/base/perceptron.h, 2 classes)");
  model.AddInfo("date", date);
  model.AddInfo("truth", truth_path + " md5 " + ConllFileMd5(truth_path));
  model.AddInfo("pages", pages_dir + " (" + std::to_string(pages.size()) +
                             " pages, XXH3 of their bytes in id order " +
                             Hash64Hex(all_pages) + ")");
  char buf[256];
  std::snprintf(buf, sizeof(buf), "--epochs %d --seed %llu --rule-features %d --drop-margin %g --token-weight %g",
                opt.epochs, static_cast<unsigned long long>(opt.seed),
                opt.rule_features ? 1 : 0, static_cast<double>(opt.drop_margin),
                static_cast<double>(opt.token_weight));
  model.AddInfo("options", buf);
  std::snprintf(buf, sizeof(buf),
                "%zu labelled lines, %zu article; training-line accuracy %.4f "
                "(tuned-on)",
                examples, article, examples ? double(right) / examples : 0.0);
  model.AddInfo("examples", buf);
  for (const std::string& n : notes) {
    size_t eq = n.find('=');
    model.AddInfo(n.substr(0, eq), eq == std::string::npos ? "" : n.substr(eq + 1));
  }
  Status s = model.Save(out_path);
  if (!s.ok()) {
    std::fprintf(stderr, "train_cleaner: %s\n", s.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "train_cleaner: %s: %zu rows; %s\n", out_path.c_str(),
               model.rows(), buf);
  return 0;
}

}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

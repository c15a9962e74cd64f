#include "clean/line_classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <random>
#include <unordered_set>

#include "base/hash.h"
#include "base/utf8.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

constexpr std::string_view kMagic = "dateline line classifier";

// The word tokens of `s` (runs of letters, digits and '_'), as the AEB
// metric counts them.
std::vector<std::string_view> WordTokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0, start = std::string_view::npos;
  while (pos < s.size()) {
    size_t here = pos;
    uint32_t c = DecodeUtf8(s, &pos);
    bool word = c == '_' || clean_internal::IsLetter(c) ||
                clean_internal::IsDigit(c);
    if (word && start == std::string_view::npos) {
      start = here;
    } else if (!word && start != std::string_view::npos) {
      out.push_back(s.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back(s.substr(start));
  return out;
}

uint64_t GramKey(const std::vector<std::string_view>& t, size_t i, size_t n) {
  uint64_t h = n;
  for (size_t j = i; j < i + n; ++j) h = MixHash(h, Hash64(t[j]));
  return h;
}

}  // namespace

std::vector<int> LabelLines(const std::vector<ScrapedLine>& lines,
                            std::string_view body) {
  const std::vector<std::string_view> b = WordTokens(body);
  // The body's n-grams of 1 to 4 tokens.
  std::unordered_set<uint64_t> grams;
  for (size_t n = 1; n <= 4; ++n) {
    for (size_t i = 0; i + n <= b.size(); ++i) grams.insert(GramKey(b, i, n));
  }
  std::vector<int> labels;
  labels.reserve(lines.size());
  for (const ScrapedLine& l : lines) {
    const std::vector<std::string_view> t = WordTokens(l.text);
    if (t.empty()) {
      labels.push_back(-1);
      continue;
    }
    const size_t n = std::min<size_t>(4, t.size());
    size_t found = 0, total = 0;
    for (size_t i = 0; i + n <= t.size(); ++i, ++total) {
      if (grams.count(GramKey(t, i, n))) ++found;
    }
    labels.push_back(found * 2 > total ? 1 : 0);
  }
  return labels;
}

namespace {

// Returns the keys of a line the model reads.
std::vector<uint64_t> KeysOf(const ScrapedLine& l, bool rule_features) {
  std::vector<uint64_t> keys;
  keys.reserve(l.features.size() + l.rule_features.size() + 16);
  keys = l.features;
  if (rule_features) {
    keys.insert(keys.end(), l.rule_features.begin(), l.rule_features.end());
  }
  return keys;
}

struct Example {
  const std::vector<uint64_t>* keys;
  int label;
  float weight;
};

PerceptronWeights TrainWeights(const std::vector<Example>& examples,
                               const LineTrainOptions& options) {
  PerceptronTrainer trainer(2);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // A seeded Fisher-Yates (std::shuffle's draws differ between libraries).
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[rng() % i]);
    }
    for (size_t k : order) {
      const Example& e = examples[k];
      const std::vector<uint64_t>& keys = *e.keys;
      float s[2] = {0, 0};
      trainer.Score(keys.data(), keys.size(), s);
      const int guess = s[1] > s[0] ? 1 : 0;
      if (guess != e.label) {
        trainer.Update(keys.data(), keys.size(), e.label, e.weight);
        trainer.Update(keys.data(), keys.size(), guess, -e.weight);
      }
      trainer.Tick();
    }
  }
  return trainer.Averaged();
}

}  // namespace

std::vector<float> LineClassifier::Margins(
    const std::vector<ScrapedLine>& lines) const {
  std::vector<float> m(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const ScrapedLine& l = lines[i];
    int32_t s[2] = {0, 0};
    weights_.Score(l.features.data(), l.features.size(), s);
    if (rule_features_)
      weights_.Score(l.rule_features.data(), l.rule_features.size(), s);
    m[i] = static_cast<float>(s[1] - s[0]) * weights_.scale();
  }
  return m;
}

std::vector<bool> LineClassifier::Decide(
    const std::vector<ScrapedLine>& lines) const {
  const std::vector<float> m = Margins(lines);
  std::vector<bool> keep(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    keep[i] = lines[i].rule_keep ? m[i] >= -drop_margin_ : m[i] > 0;
  return keep;
}

LineClassifier LineClassifier::Train(const std::vector<LabelledPage>& pages,
                                     const LineTrainOptions& options) {
  // Each line's update weight.
  auto weight_of = [&](const ScrapedLine& l) {
    const float tokens = static_cast<float>(WordTokens(l.text).size());
    return 1.0f + options.token_weight * std::log2(1.0f + tokens);
  };
  // Every labelled line's keys.
  std::vector<std::vector<uint64_t>> keys;
  std::vector<Example> examples;
  for (const LabelledPage& p : pages) {
    for (size_t i = 0; i < p.lines->size() && i < p.labels.size(); ++i) {
      if (p.labels[i] >= 0) keys.push_back(KeysOf((*p.lines)[i], options.rule_features));
    }
  }
  size_t at = 0;
  for (const LabelledPage& p : pages) {
    for (size_t i = 0; i < p.lines->size() && i < p.labels.size(); ++i) {
      if (p.labels[i] < 0) continue;
      examples.push_back({&keys[at++], p.labels[i], weight_of((*p.lines)[i])});
    }
  }
  LineClassifier model;
  model.rule_features_ = options.rule_features;
  model.drop_margin_ = options.drop_margin;
  model.weights_ = TrainWeights(examples, options);
  return model;
}

Status LineClassifier::Save(const std::string& path) const {
  std::string out(kMagic);
  out += "\n";
  for (const auto& [key, value] : info_) out += "# " + key + ": " + value + "\n";
  out += "feature_set\t" + std::to_string(kFeatureSet) + "\n";
  out += std::string("rule_features\t") + (rule_features_ ? "1" : "0") + "\n";
  char margin[64];
  std::snprintf(margin, sizeof(margin), "drop_margin\t%.9g\n", drop_margin_);
  out += margin;
  weights_.Serialize(&out);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError(path, "cannot open for writing");
  f.write(out.data(), static_cast<std::streamsize>(out.size()));
  f.close();
  if (!f) return Status::IOError(path, "write failed");
  return Status::OK();
}

Status LineClassifier::Load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::IOError(path, "cannot open");
  std::string data((std::istreambuf_iterator<char>(f)),
                   std::istreambuf_iterator<char>());
  if (f.bad()) return Status::IOError(path, "cannot read");
  return Parse(data, path);
}

Status LineClassifier::Parse(std::string_view data, const std::string& name) {
  size_t pos = 0;
  auto next_line = [&](std::string_view* line) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    *line = data.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(&line) || line != kMagic)
    return Status::Corruption(name, "not a dateline line classifier model");
  LineClassifier m;
  bool feature_set = false;
  while (true) {
    const size_t start = pos;
    if (!next_line(&line)) return Status::Corruption(name, "truncated header");
    if (line.starts_with("# ")) {
      std::string_view kv = line.substr(2);
      size_t colon = kv.find(": ");
      m.info_.emplace_back(std::string(kv.substr(0, colon)),
                           colon == std::string_view::npos
                               ? std::string()
                               : std::string(kv.substr(colon + 2)));
    } else if (line.starts_with("feature_set\t")) {
      if (line.substr(12) != std::to_string(kFeatureSet)) {
        return Status::Corruption(
            name, "feature set " + std::string(line.substr(12)) +
                      ", this build reads " + std::to_string(kFeatureSet));
      }
      feature_set = true;
    } else if (line.starts_with("drop_margin\t")) {
      m.drop_margin_ = std::strtof(std::string(line.substr(12)).c_str(), nullptr);
    } else if (line == "rule_features\t0" || line == "rule_features\t1") {
      m.rule_features_ = line.back() == '1';
    } else if (line.starts_with("weights\t")) {
      pos = start;
      break;
    } else {
      return Status::Corruption(name, "unknown header line '" +
                                          std::string(line) + "'");
    }
  }
  if (!feature_set) return Status::Corruption(name, "no feature_set line");
  Status s = m.weights_.Parse(name, data, &pos, 2);
  if (!s.ok()) return s;
  *this = std::move(m);
  return Status::OK();
}

}  // namespace dateline

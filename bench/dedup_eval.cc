// Wire-copy dedup quality: pairwise precision and recall of the archive's
// story grouping on a labelled set built at run time, by a seeded procedure,
// from the BBC News articles (../shared/datasets/bbc-news); nothing of the
// dataset is copied into the repository. See bench/README.md, "dedup_eval".
//
// The set. The 2,225 BBC articles are read from the tarball with the
// project's own tar reader and cleaned (stage "clean"). Articles that are
// already near-copies of another BBC article (the dataset has about 100
// exact and near duplicate pairs) are dropped, so that "different article"
// really means different. The rest are split in two by a seeded hash of
// their path: dev (used to choose the threshold) and test (reported). From
// each split, --originals articles are drawn (all five categories), and for
// each, --variants syndication-style copies are made, each applying at least
// two of: retitled, trimmed (the last 20-40% of paragraphs dropped),
// re-wrapped (hard line breaks at 60-76 columns), boilerplate lines added
// (newsletter, copyright, follow-us, "additional reporting"), quote marks
// changed (straight to curly), paragraphs reordered. Every page (originals
// and variants, shuffled) goes through the clean stage and into a fresh
// archive, which assigns stories exactly as `dateline ingest` does.
//
// The figures. Gold pairs: two pages made from the same original. Predicted
// pairs: two pages in the same story. Pairwise precision = correct predicted
// pairs / predicted pairs; recall = correct predicted pairs / gold pairs.
// Negatives include every pair of different articles from the same BBC
// category (same topic: business, politics, sport, tech, entertainment);
// their false positives are counted on their own.
//
//   dedup_eval [--dataset DIR] [--seed N] [--originals N] [--variants N]
//              [--split dev|test] [--threshold J] [--sweep]
//   dedup_eval --reuters [--dataset DIR] [--sample N]   groups in Reuters-21578
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "base/hash.h"
#include "bench_data.h"
#include "dateline/archive.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "dedup/minhash.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

struct Article {
  std::string source;    // tar member path
  std::string category;  // bbc/<category>/NNN.txt
  std::string title;
  std::vector<std::string> paragraphs;
};

struct Item {
  std::string page;  // page text as a crawler would save it
  int group = 0;     // original index
  std::string category;
  std::string key;
};

std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t e = text.find("\n\n", pos);
    if (e == std::string::npos) e = text.size();
    if (e > pos) out.push_back(text.substr(pos, e - pos));
    pos = e + 2;
  }
  return out;
}

std::string Category(const std::string& source) {
  size_t b = source.find("#bbc/");
  if (b == std::string::npos) return "";
  b += 5;
  size_t e = source.find('/', b);
  return e == std::string::npos ? "" : source.substr(b, e - b);
}

// Reads and cleans the BBC articles from the tarball.
bool LoadBbc(const std::string& dir, std::vector<Article>* out) {
  std::string tarball = dir + "/bbc-fulltext.tar.gz";
  if (!fs::exists(tarball)) return false;
  PipelineOptions po;
  po.stages = "clean";
  std::unique_ptr<Pipeline> clean;
  if (!Pipeline::Create(po, &clean).ok()) return false;
  auto reader = InputReader::Open({tarball}, ReadOptions());
  Page page;
  while (reader->Next(&page)) {
    std::string cat = Category(page.source);
    if (cat.empty() || !page.status.ok()) continue;
    Document d = clean->Process(page);
    if (!d.error.empty()) continue;
    Article a;
    a.source = page.source.substr(page.source.find('#') + 1);
    a.category = cat;
    a.title = d.title;
    a.paragraphs = SplitParagraphs(d.text);
    if (a.paragraphs.size() < 3) continue;
    out->push_back(std::move(a));
  }
  return true;
}

std::string Join(const std::vector<std::string>& paras) {
  std::string out;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i > 0) out += "\n\n";
    out += paras[i];
  }
  return out;
}

// Drops articles that are near-copies of an earlier one (estimated
// Jaccard >= 0.3 on the same shingles the archive uses).
std::vector<Article> DropNearCopies(std::vector<Article> all, size_t* dropped) {
  std::vector<std::vector<uint32_t>> sigs;
  std::vector<Article> kept;
  *dropped = 0;
  for (Article& a : all) {
    std::vector<uint32_t> sig = MinHashSignature(Join(a.paragraphs));
    bool copy = false;
    for (const auto& s : sigs) {
      if (EstimateSimilarity(sig, s).jaccard >= 0.3) {
        copy = true;
        break;
      }
    }
    if (copy) {
      ++*dropped;
      continue;
    }
    sigs.push_back(std::move(sig));
    kept.push_back(std::move(a));
  }
  return kept;
}

const char* kBoilerplate[] = {
    "Sign up for our daily newsletter to get the top stories first.",
    "Copyright 2005 The Example Tribune. All rights reserved.",
    "Follow us on Twitter and Facebook for the latest news.",
    "Additional reporting by our staff correspondents.",
    "This article was distributed by a news agency and edited for length.",
    "Click here to read more stories like this one.",
};

std::string CurlyQuotes(const std::string& s) {
  std::string out;
  bool open = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') {
      out += open ? "\xe2\x80\x9c" : "\xe2\x80\x9d";
      open = !open;
    } else if (s[i] == '\'') {
      out += "\xe2\x80\x99";
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string Rewrap(const std::string& para, size_t width) {
  std::string out;
  size_t col = 0, pos = 0;
  while (pos < para.size()) {
    size_t sp = para.find(' ', pos);
    if (sp == std::string::npos) sp = para.size();
    std::string word = para.substr(pos, sp - pos);
    if (col > 0 && col + 1 + word.size() > width) {
      out += "\n";
      col = 0;
    } else if (col > 0) {
      out += " ";
      ++col;
    }
    out += word;
    col += word.size();
    pos = sp + 1;
  }
  return out;
}

// Makes one syndicated copy of `a`. Returns the page text.
std::string MakeVariant(const Article& a, std::mt19937_64* rng,
                        std::string* applied) {
  std::uniform_real_distribution<double> u(0, 1);
  bool t[6];
  int n = 0;
  do {
    n = 0;
    for (bool& b : t) n += (b = u(*rng) < 0.5);
  } while (n < 2);
  std::string title = a.title;
  std::vector<std::string> paras = a.paragraphs;
  applied->clear();
  if (t[0]) {  // retitled
    static const char* kPrefixes[] = {"UPDATE: ", "Analysis: ", "", "WATCH: "};
    std::vector<std::string> words;
    std::string w;
    for (char c : paras[0]) {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w.push_back(c);
      }
    }
    std::string head;
    for (size_t i = 0; i < words.size() && i < 8; ++i) head += (i ? " " : "") + words[i];
    title = std::string(kPrefixes[(*rng)() % 4]) + head;
    *applied += "retitled ";
  }
  if (t[1] && paras.size() >= 4) {  // trimmed
    double cut = 0.2 + 0.2 * u(*rng);
    size_t drop = std::max<size_t>(1, static_cast<size_t>(paras.size() * cut));
    if (paras.size() - drop < 2) drop = paras.size() - 2;
    paras.resize(paras.size() - drop);
    *applied += "trimmed ";
  }
  if (t[5] && paras.size() >= 3) {  // paragraphs reordered
    size_t i = 1 + (*rng)() % (paras.size() - 1);
    size_t j = 1 + (*rng)() % (paras.size() - 1);
    if (i == j) j = i == 1 ? 2 : 1;
    std::swap(paras[i], paras[j]);
    *applied += "reordered ";
  }
  if (t[4]) {  // quote marks changed
    for (std::string& p : paras) p = CurlyQuotes(p);
    title = CurlyQuotes(title);
    *applied += "quotes ";
  }
  if (t[3]) {  // boilerplate added
    size_t k = 1 + (*rng)() % 3;
    for (size_t i = 0; i < k; ++i) {
      std::string line = kBoilerplate[(*rng)() % 6];
      if ((*rng)() % 3 == 0) {
        paras.insert(paras.begin(), line);
      } else {
        paras.push_back(line);
      }
    }
    *applied += "boilerplate ";
  }
  if (t[2]) {  // re-wrapped
    size_t width = 60 + (*rng)() % 17;
    for (std::string& p : paras) p = Rewrap(p, width);
    *applied += "rewrapped ";
  }
  return title + "\n\n" + Join(paras) + "\n";
}

struct Pairs {
  double predicted = 0, gold = 0, correct = 0;
  double same_topic_negatives = 0, same_topic_false = 0;
  double Precision() const { return predicted > 0 ? correct / predicted : 1; }
  double Recall() const { return gold > 0 ? correct / gold : 1; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Runs the pages through a fresh archive with `threshold`; counts pairs.
Pairs Evaluate(const std::vector<Item>& items, const std::vector<Document>& docs,
               double threshold, const std::string& path) {
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  ArchiveOptions options;
  options.story_threshold = threshold;
  std::unique_ptr<Archive> archive;
  Status s = Archive::Open(path, options, &archive);
  Pairs pairs;
  if (!s.ok()) {
    std::fprintf(stderr, "dedup_eval: %s\n", s.ToString().c_str());
    return pairs;
  }
  archive->Begin();
  std::vector<std::string> story(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    PutOutcome out;
    s = archive->Put(docs[i], {items[i].key, Hash64Hex(items[i].page)}, {}, "{}",
                     &out, &story[i]);
    if (!s.ok()) std::fprintf(stderr, "dedup_eval: %s\n", s.ToString().c_str());
  }
  archive->Commit();
  archive.reset();
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1; j < items.size(); ++j) {
      bool gold = items[i].group == items[j].group;
      bool pred = story[i] == story[j];
      pairs.gold += gold;
      pairs.predicted += pred;
      pairs.correct += gold && pred;
      if (!gold && items[i].category == items[j].category) {
        pairs.same_topic_negatives += 1;
        pairs.same_topic_false += pred;
      }
    }
  }
  return pairs;
}

int RunBbc(const std::string& dataset, uint64_t seed, size_t originals,
           size_t variants, const std::string& split, double threshold,
           bool sweep) {
  std::vector<Article> all;
  if (!LoadBbc(dataset, &all)) {
    std::fprintf(stderr, "dedup_eval: no bbc-fulltext.tar.gz in %s\n", dataset.c_str());
    return 2;
  }
  size_t dropped = 0;
  std::vector<Article> distinct = DropNearCopies(std::move(all), &dropped);
  // Split by a seeded hash of the path; draw the originals from the split.
  std::vector<Article> pool;
  for (Article& a : distinct) {
    bool dev = (Hash64(std::to_string(seed) + a.source) & 1) == 0;
    if (dev == (split == "dev")) pool.push_back(std::move(a));
  }
  std::mt19937_64 rng(seed ^ (split == "dev" ? 0x0D : 0x7E));
  std::shuffle(pool.begin(), pool.end(), rng);
  if (pool.size() > originals) pool.resize(originals);
  std::vector<Item> items;
  std::map<std::string, int> transforms;
  for (size_t g = 0; g < pool.size(); ++g) {
    const Article& a = pool[g];
    items.push_back({a.title + "\n\n" + Join(a.paragraphs) + "\n",
                     static_cast<int>(g), a.category,
                     "eval://" + a.source});
    for (size_t v = 0; v < variants; ++v) {
      std::string applied;
      std::string page = MakeVariant(a, &rng, &applied);
      for (size_t p = 0; p < applied.size();) {
        size_t e = applied.find(' ', p);
        ++transforms[applied.substr(p, e - p)];
        p = e + 1;
      }
      items.push_back({page, static_cast<int>(g), a.category,
                       "eval://" + a.source + "#v" + std::to_string(v)});
    }
  }
  std::shuffle(items.begin(), items.end(), rng);
  // Clean every page as ingest would.
  PipelineOptions po;
  po.stages = "clean";
  std::unique_ptr<Pipeline> clean;
  Status s = Pipeline::Create(po, &clean);
  if (!s.ok()) return 2;
  std::vector<Document> docs;
  for (const Item& it : items) {
    Page p;
    p.source = it.key;
    p.format = PageFormat::kText;
    p.content = it.page;
    Document d = clean->Process(p);
    d.id = Hash64Hex(it.key);
    if (!d.error.empty()) {
      d.error.clear();  // keep it: an empty text has its own story
    }
    docs.push_back(std::move(d));
  }
  const std::string path = (fs::temp_directory_path() /
                            ("dedup_eval_" + std::to_string(getpid()) + ".db"))
                               .string();
  std::printf("# BBC dedup set, split %s, seed %llu: %zu originals (%zu BBC near-copies "
              "dropped first), %zu variants each, %zu pages\n",
              split.c_str(), static_cast<unsigned long long>(seed), pool.size(),
              dropped, variants, items.size());
  std::printf("# transforms applied:");
  for (const auto& [k, n] : transforms) std::printf(" %s %d", k.c_str(), n);
  std::printf("\n");
  // The margin: how similar gold pairs are at least, and different
  // articles at most (estimates from the archive's own signatures).
  {
    std::vector<std::vector<uint32_t>> sigs;
    for (const Document& d : docs) sigs.push_back(MinHashSignature(d.text));
    double gold_min_j = 1, gold_min_c = 1, neg_max_j = 0, neg_max_c = 0;
    double gold_min_best = 1;
    for (size_t i = 0; i < items.size(); ++i) {
      for (size_t j = i + 1; j < items.size(); ++j) {
        Similarity sim = EstimateSimilarity(sigs[i], sigs[j]);
        if (items[i].group == items[j].group) {
          gold_min_j = std::min(gold_min_j, sim.jaccard);
          gold_min_c = std::min(gold_min_c, sim.containment);
          gold_min_best = std::min(gold_min_best, std::max(sim.jaccard, sim.containment));
        } else {
          neg_max_j = std::max(neg_max_j, sim.jaccard);
          neg_max_c = std::max(neg_max_c, sim.containment);
        }
      }
    }
    std::printf("# margin: gold pairs min Jaccard %.3f, min containment %.3f, "
                "min of max(J, C) %.3f; other pairs max Jaccard %.3f, max "
                "containment %.3f\n",
                gold_min_j, gold_min_c, gold_min_best, neg_max_j, neg_max_c);
  }
  std::vector<double> thresholds = {threshold};
  if (sweep) thresholds = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8};
  for (double t : thresholds) {
    Pairs p = Evaluate(items, docs, t, path);
    std::printf(
        "{\"split\":\"%s\",\"threshold\":%.2f,\"pairwise_precision\":%.4f,"
        "\"pairwise_recall\":%.4f,\"f1\":%.4f,\"gold_pairs\":%.0f,"
        "\"predicted_pairs\":%.0f,\"correct_pairs\":%.0f,"
        "\"same_topic_negative_pairs\":%.0f,\"same_topic_false_positives\":%.0f}\n",
        split.c_str(), t, p.Precision(), p.Recall(), p.F1(), p.gold, p.predicted,
        p.correct, p.same_topic_negatives, p.same_topic_false);
  }
  return 0;
}

// Groups found in Reuters-21578: ingests every record (clean stage) into a
// temporary archive and prints the groups: exact (identical normalised
// bodies) and near, with a seeded sample to read by eye.
int RunReuters(const std::string& dataset, size_t sample, uint64_t seed) {
  std::string tarball = dataset + "/reuters21578-distribution-1.0.tar.gz";
  if (!fs::exists(tarball)) {
    std::fprintf(stderr, "dedup_eval: no %s\n", tarball.c_str());
    return 2;
  }
  PipelineOptions po;
  po.stages = "clean";
  std::unique_ptr<Pipeline> clean;
  if (!Pipeline::Create(po, &clean).ok()) return 2;
  const std::string path = (fs::temp_directory_path() /
                            ("dedup_reuters_" + std::to_string(getpid()) + ".db"))
                               .string();
  fs::remove(path);
  std::unique_ptr<Archive> archive;
  Status s = Archive::Open(path, ArchiveOptions(), &archive);
  if (!s.ok()) return 2;
  auto reader = InputReader::Open({tarball}, ReadOptions());
  Page page;
  std::map<std::string, std::vector<std::string>> members;  // story -> ids
  std::map<std::string, std::string> titles, bodies, normalised;
  size_t docs = 0;
  archive->Begin();
  while (reader->Next(&page)) {
    if (!page.status.ok() || page.source.find("#newid=") == std::string::npos) continue;
    Document d = clean->Process(page);
    if (!d.error.empty()) continue;
    PutOutcome out;
    std::string story;
    s = archive->Put(d, {page.source, Hash64Hex(page.content)}, {}, "{}", &out, &story);
    if (!s.ok() || out != PutOutcome::kAdded) continue;
    ++docs;
    std::string id = page.source.substr(page.source.find("#newid=") + 7);
    members[story].push_back(id);
    titles[id] = d.title;
    bodies[id] = d.text;
    std::string storage, norm;
    for (std::string_view w : ShingleWords(d.text, &storage)) {
      norm.append(w).push_back(' ');
    }
    normalised[id] = norm;
  }
  archive->Commit();
  archive.reset();
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  size_t groups = 0, in_groups = 0, exact_groups = 0, near_groups = 0;
  std::vector<std::vector<std::string>> multi;
  for (auto& [story, ids] : members) {
    if (ids.size() < 2) continue;
    ++groups;
    in_groups += ids.size();
    bool exact = true;
    for (const std::string& id : ids) exact &= normalised[id] == normalised[ids[0]];
    (exact ? exact_groups : near_groups) += 1;
    multi.push_back(ids);
  }
  std::printf(
      "{\"dataset\":\"reuters21578\",\"articles\":%zu,\"groups\":%zu,"
      "\"articles_in_groups\":%zu,\"exact_groups\":%zu,\"near_groups\":%zu}\n",
      docs, groups, in_groups, exact_groups, near_groups);
  std::mt19937_64 rng(seed);
  std::shuffle(multi.begin(), multi.end(), rng);
  // Then the weakest groups: lowest similarity between a member and the
  // first (where false merges would show).
  std::vector<std::pair<double, size_t>> weakest;
  for (size_t g = 0; g < multi.size(); ++g) {
    std::vector<uint32_t> first = MinHashSignature(bodies[multi[g][0]]);
    double low = 1;
    for (size_t k = 1; k < multi[g].size(); ++k) {
      Similarity sim = EstimateSimilarity(first, MinHashSignature(bodies[multi[g][k]]));
      low = std::min(low, std::max(sim.jaccard, sim.containment));
    }
    weakest.emplace_back(low, g);
  }
  std::sort(weakest.begin(), weakest.end());
  std::vector<size_t> order;
  for (size_t i = 0; i < multi.size() && i < sample; ++i) order.push_back(i);
  for (size_t i = 0; i < weakest.size() && i < sample; ++i) order.push_back(weakest[i].second);
  for (size_t n = 0; n < order.size(); ++n) {
    const size_t i = order[n];
    if (n == std::min(sample, multi.size())) {
      std::printf("\n# the %zu weakest groups (lowest max(Jaccard, containment) to the first member)\n",
                  std::min(sample, weakest.size()));
    }
    const auto& ids = multi[i];
    bool exact = true;
    for (const std::string& id : ids) exact &= normalised[id] == normalised[ids[0]];
    std::printf("\n## group %zu: %zu articles, %s\n", n + 1, ids.size(),
                exact ? "exact" : "near");
    for (const std::string& id : ids) {
      std::string body = bodies[id].substr(0, 150);
      for (char& c : body) if (c == '\n') c = ' ';
      std::printf("  newid %s: %s | %s...\n", id.c_str(), titles[id].c_str(), body.c_str());
    }
  }
  return 0;
}

int Main(int argc, char** argv) {
  CLI::App app{"wire-copy dedup quality on a labelled BBC set; groups in Reuters"};
  std::string dataset;
  uint64_t seed = 20261201;
  size_t originals = 400, variants = 2, sample = 12;
  std::string split = "test";
  double threshold = ArchiveOptions().story_threshold;
  bool sweep = false, reuters = false;
  app.add_option("--dataset", dataset, "bbc-news (or reuters21578) directory");
  app.add_option("--seed", seed, "seed of the split, the draw and the variants");
  app.add_option("--originals", originals, "originals drawn from the split");
  app.add_option("--variants", variants, "syndicated copies per original");
  app.add_option("--split", split, "dev or test")->check(CLI::IsMember({"dev", "test"}));
  app.add_option("--threshold", threshold, "story Jaccard threshold");
  app.add_flag("--sweep", sweep, "try a range of thresholds (use on dev)");
  app.add_flag("--reuters", reuters, "groups found in Reuters-21578 instead");
  app.add_option("--sample", sample, "Reuters: groups printed to read by eye");
  CLI11_PARSE(app, argc, argv);
  if (reuters) {
    if (dataset.empty()) dataset = bench::FindSharedDataset("reuters21578");
    return RunReuters(dataset, sample, seed);
  }
  if (dataset.empty()) dataset = bench::FindSharedDataset("bbc-news");
  return RunBbc(dataset, seed, originals, variants, split, threshold, sweep);
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

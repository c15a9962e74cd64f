// event_gold_draw_eval: draws the sentences of the real-news event gold set
// (bench/gold/real_news_events.tsv) from the shared datasets, reproducibly.
// It is the program that made the file's references; the codes were then
// written by hand (bench/README.md, "The real-news event gold set").
//
// Sources (each page read with dateline's own readers, cleaned, split into
// sentences by the pipeline's "segment" stage, so offsets are dateline's):
//  - BBC politics: bbc-news/bbc-fulltext.tar.gz, members bbc/politics/*.
//  - Reuters-21578: reuters21578/reuters21578-distribution-1.0.tar.gz,
//    every record with a body.
//  - AEB: the 181 pages of the Zyte benchmark, each taken once, from
//    scrapinghub-aeb (HTML) or aeb-scraped (the same page as scraped text),
//    chosen by a hash of its id, so both readers are exercised and no page
//    is drawn twice.
// Eligible sentences: 6 to 80 tokens, at least three of them lower-case
// words, no line break inside (no headlines, tables, captions or bylines).
// A sentence is a "pair" candidate when dateline's actor dictionary
// (ActorDictionary::LoadDefault, on the page's date) finds at least two
// political actor names in it (not plain places, companies, media or
// multinationals: Political() below) with two different codes. From each source, in the order of a seeded hash of the reference,
// the first N pair candidates and then the first M eligible sentences
// (pair or not: "random") are taken, at most two sentences per article.
// The split (dev / test) is a hash of the reference (gold::SplitOf).
//
//   build/event_gold_draw_eval [--data DIR] [--seed S] [--out FILE]
//                              [--sheet FILE] [--counts]
//   build/event_gold_draw_eval --sheet-for GOLD.tsv --sheet FILE
//
// --out writes the gold skeleton (events "-"), --sheet a coding sheet with
// each sentence's text and article context (title, date, the lead and the
// sentences before it) for the human coder: it holds dataset text and is
// not to be committed. --counts prints the candidate pools only.
// --sheet-for writes the sheet for the rows of an existing gold file instead
// of a new draw (each row's sentence found by its offsets, else by its hash),
// with the row's gold events: for coding more of the same sentences (places).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/hash.h"
#include "bench_data.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "event_gold.h"
#include "events/actor_dictionary.h"

namespace dateline {
namespace {

struct Article {
  std::string dataset, file, article, title, published, text;
  std::vector<Span> sentences;
  std::vector<std::string> datelines;
};

struct Candidate {
  size_t article = 0;  // index into the articles
  size_t sentence = 0;
  bool pair = false;
  std::string reference;
};

struct SourceQuota {
  std::string name;
  size_t pairs = 0, randoms = 0;
};

// Returns whether an actor code names a political actor: a country,
// government, party, armed group, international or non-governmental body
// or person, not a company, a newspaper or a multinational.
bool Political(const std::string& code) {
  if (code.size() < 3 || code.compare(0, 3, "MNC") == 0 ||
      code.compare(0, 3, "---") == 0)
    return false;
  for (size_t i = 3; i + 3 <= code.size(); i += 3) {
    std::string g = code.substr(i, 3);
    if (g == "BUS" || g == "MED") return false;
  }
  return true;
}

std::string Reference(const Article& a, const Span& s) {
  return a.dataset + "/" + a.file + "#" + a.article + "@" +
         std::to_string(s.begin);
}

class Drawer {
 public:
  Drawer(const Pipeline* pipeline, const ActorDictionary* actors)
      : pipeline_(pipeline), actors_(actors) {}

  // Cleans and segments `page` and records its eligible sentences under
  // source group `group`.
  void Add(const std::string& group, const Page& page,
           const std::string& dataset, const std::string& file,
           const std::string& article) {
    Document doc = pipeline_->Process(page);
    if (!doc.error.empty() || doc.text.empty()) return;
    Article a{dataset, file,          article, doc.title,
              doc.published, doc.text, {},      doc.datelines};
    size_t index = articles_.size();
    for (const SentenceSpan& s : doc.sentences) {
      a.sentences.push_back(s.span);
      size_t ntok = s.token_end - s.token_begin;
      if (ntok < 6 || ntok > 80) continue;
      std::string_view text(doc.text.data() + s.span.begin,
                            s.span.end - s.span.begin);
      std::vector<std::string_view> words;
      int lower = 0;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& k = doc.tokens[t];
        words.emplace_back(doc.text.data() + k.begin, k.end - k.begin);
        bool all_lower = true;
        for (char ch : words.back()) all_lower = all_lower && ch >= 'a' && ch <= 'z';
        lower += all_lower;
      }
      if (lower < 3 || text.find('\n') != std::string_view::npos) continue;
      std::set<std::string> codes;
      int names = 0;
      for (size_t i = 0; i < words.size();) {
        ActorDictionary::ActorMatch m;
        size_t n = actors_->MatchActor(words, i, doc.published, &m);
        if (n == 0) {
          ++i;
          continue;
        }
        if (m.kind != ActorDictionary::ActorKind::kPlace && Political(m.code)) {
          ++names;
          codes.insert(m.code);
        }
        i += n;
      }
      Candidate c;
      c.article = index;
      c.sentence = a.sentences.size() - 1;
      c.pair = names >= 2 && codes.size() >= 2;
      c.reference = Reference(a, s.span);
      pools_[group].push_back(std::move(c));
    }
    articles_.push_back(std::move(a));
  }

  void PrintCounts() const {
    for (const auto& [group, pool] : pools_) {
      size_t pairs = 0;
      std::set<size_t> arts, pair_arts;
      for (const Candidate& c : pool) {
        arts.insert(c.article);
        if (c.pair) {
          ++pairs;
          pair_arts.insert(c.article);
        }
      }
      std::printf("%-10s %zu articles, %zu eligible sentences, %zu pair "
                  "candidates in %zu articles\n",
                  group.c_str(), arts.size(), pool.size(), pairs,
                  pair_arts.size());
    }
  }

  // Draws from each source; returns the drawn candidates with their kind.
  std::vector<std::pair<const Candidate*, std::string>> Draw(
      const std::vector<SourceQuota>& quotas, uint64_t seed) const {
    std::vector<std::pair<const Candidate*, std::string>> out;
    for (const SourceQuota& q : quotas) {
      auto it = pools_.find(q.name);
      if (it == pools_.end()) continue;
      const std::vector<Candidate>& pool = it->second;
      std::map<size_t, int> per_article;
      std::set<const Candidate*> taken;
      for (const char* kind : {"pair", "random"}) {
        bool pair = std::string(kind) == "pair";
        std::vector<std::pair<uint64_t, const Candidate*>> order;
        for (const Candidate& c : pool) {
          if (pair && !c.pair) continue;
          order.push_back({Hash64(std::to_string(seed) + ":" + kind + ":" +
                                  c.reference),
                           &c});
        }
        std::sort(order.begin(), order.end());
        size_t want = pair ? q.pairs : q.randoms, got = 0;
        for (const auto& [h, c] : order) {
          if (got >= want) break;
          if (taken.count(c) || per_article[c->article] >= 2) continue;
          taken.insert(c);
          ++per_article[c->article];
          out.push_back({c, kind});
          ++got;
        }
        if (got < want) {
          std::fprintf(stderr, "event_gold_draw: %s: only %zu %s sentences\n",
                       q.name.c_str(), got, kind);
        }
      }
    }
    // File order: by dataset, file, article, offset, so articles read whole.
    std::sort(out.begin(), out.end(), [&](const auto& x, const auto& y) {
      const Article& a = articles_[x.first->article];
      const Article& b = articles_[y.first->article];
      if (a.dataset != b.dataset) return a.dataset < b.dataset;
      if (a.file != b.file) return a.file < b.file;
      if (a.article != b.article) return a.article < b.article;
      return x.first->sentence < y.first->sentence;
    });
    return out;
  }

  const Article& article(size_t i) const { return articles_[i]; }
  size_t article_count() const { return articles_.size(); }

 private:
  const Pipeline* pipeline_;
  const ActorDictionary* actors_;
  std::vector<Article> articles_;
  std::map<std::string, std::vector<Candidate>> pools_;
};

std::string OneLine(std::string_view s) {
  std::string o;
  for (char c : s) o += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
  return o;
}

// One coding-sheet entry: the sentence k of `a` with its article's title,
// date, datelines, lead and up to three sentences before it.
std::string SheetEntry(const std::string& header, const Article& a, size_t k,
                       Span target) {
  std::string sheet = header + " date:" +
                      (a.published.empty() ? "?" : a.published) + "\n";
  sheet += "TITLE: " + OneLine(a.title) + "\n";
  for (const std::string& d : a.datelines) sheet += "DATELINE: " + OneLine(d) + "\n";
  size_t from = k >= 3 ? k - 3 : 0;
  if (from > 0) {
    const Span& l = a.sentences[0];
    sheet += "LEAD: " +
             OneLine(std::string_view(a.text.data() + l.begin, l.end - l.begin)) +
             "\n";
  }
  for (size_t j = from; j < k; ++j) {
    const Span& p = a.sentences[j];
    sheet += "  ... " +
             OneLine(std::string_view(a.text.data() + p.begin, p.end - p.begin)) +
             "\n";
  }
  sheet += ">>> " +
           OneLine(std::string_view(a.text.data() + target.begin,
                                    target.end - target.begin)) +
           "\n";
  return sheet;
}

// The sheet for the rows of a gold file (--sheet-for): each row's bytes by
// its offsets when their hash is the row's (the context: the sentences
// before the one holding them), else the article's sentence with the row's
// hash. Returns
// the number of rows not found (listed on stderr).
int SheetForGold(const Drawer& drawer,
                 const std::vector<gold::GoldSentence>& rows,
                 std::string* sheet) {
  std::map<std::string, size_t> by_article;
  for (size_t i = 0; i < drawer.article_count(); ++i) {
    const Article& a = drawer.article(i);
    by_article[a.dataset + "/" + a.file + "#" + a.article] = i;
  }
  int missing = 0;
  for (const gold::GoldSentence& row : rows) {
    auto it = by_article.find(row.dataset + "/" + row.file + "#" + row.article);
    size_t k = SIZE_MAX;
    Span target{row.begin, row.end};
    if (it != by_article.end()) {
      const Article& a = drawer.article(it->second);
      if (row.end <= a.text.size() &&
          gold::SentenceHash(std::string_view(a.text.data() + row.begin,
                                              row.end - row.begin)) ==
              row.hash) {
        for (size_t j = 0; j < a.sentences.size() && k == SIZE_MAX; ++j) {
          if (a.sentences[j].end > row.begin) k = j;
        }
      }
      for (size_t j = 0; j < a.sentences.size() && k == SIZE_MAX; ++j) {
        const Span& sp = a.sentences[j];
        std::string_view t(a.text.data() + sp.begin, sp.end - sp.begin);
        if (gold::SentenceHash(t) == row.hash) {
          k = j;
          target = sp;
        }
      }
    }
    if (k == SIZE_MAX) {
      std::fprintf(stderr, "event_gold_draw: %s: sentence not found\n",
                   row.id.c_str());
      ++missing;
      continue;
    }
    std::string events;
    for (const gold::GoldEvent& e : row.events) {
      events += (events.empty() ? "" : "; ") + gold::EventString(e);
    }
    *sheet += SheetEntry("=== " + row.id + " " + row.split + " " + row.draw +
                             " " + row.dataset + " " + row.article,
                         drawer.article(it->second), k, target);
    *sheet += "EVENTS: " + (events.empty() ? std::string("-") : events) + "\n";
    if (!row.note.empty()) *sheet += "NOTE: " + row.note + "\n";
    *sheet += "\n";
  }
  return missing;
}

int Main(int argc, char** argv) {
  CLI::App app{"draw the real-news event gold sentences"};
  std::string data, out_path, sheet_path, sheet_for;
  uint64_t seed = 20261207;
  bool counts = false;
  app.add_option("--data", data, "datasets root (default ../shared/datasets)");
  app.add_option("--seed", seed, "draw seed");
  app.add_option("--out", out_path, "write the gold skeleton here");
  app.add_option("--sheet", sheet_path,
                 "write the coding sheet (dataset text: do not commit)");
  app.add_flag("--counts", counts, "print the candidate pools only");
  app.add_option("--sheet-for", sheet_for,
                 "write the --sheet for this gold file's rows, not a new draw");
  CLI11_PARSE(app, argc, argv);
  if (data.empty()) {
    std::string bbc = bench::FindSharedDataset("bbc-news");
    if (bbc.empty()) {
      std::fprintf(stderr, "event_gold_draw: no ../shared/datasets\n");
      return 1;
    }
    data = bbc.substr(0, bbc.size() - std::string("/bbc-news").size());
  }
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(PipelineOptions{"segment", ""}, &pipeline);
  std::unique_ptr<ActorDictionary> actors;
  if (s.ok()) {
    s = ActorDictionary::LoadDefault(std::string(DATELINE_SOURCE_DIR) + "/data",
                                     &actors);
  }
  if (!s.ok() && actors == nullptr) {
    std::fprintf(stderr, "event_gold_draw: %s\n", s.ToString().c_str());
    return 1;
  }
  Drawer drawer(pipeline.get(), actors.get());

  // BBC politics.
  {
    std::string file = "bbc-fulltext.tar.gz";
    std::string path = data + "/bbc-news/" + file;
    auto reader = InputReader::Open({path}, ReadOptions());
    Page page;
    while (reader->Next(&page)) {
      if (!page.status.ok()) continue;
      std::string art = gold::ArticleOf(page, path, "");
      if (art.rfind("bbc/politics/", 0) != 0) continue;
      drawer.Add("bbc", page, "bbc-news", file, art);
    }
  }
  // Reuters-21578.
  {
    std::string file = "reuters21578-distribution-1.0.tar.gz";
    std::string path = data + "/reuters21578/" + file;
    auto reader = InputReader::Open({path}, ReadOptions());
    Page page;
    while (reader->Next(&page)) {
      if (!page.status.ok()) continue;
      std::string art = gold::ArticleOf(page, path, "");
      if (art.find("#newid=") == std::string::npos) continue;
      drawer.Add("reuters", page, "reuters21578", file, art);
    }
  }
  // AEB: each page once, HTML or scraped text by a hash of its id.
  {
    std::string html_dir = data + "/scrapinghub-aeb/html";
    for (const std::string& path : bench::ListFiles(html_dir, ".html.gz")) {
      std::string name = path.substr(path.rfind('/') + 1);
      std::string id = name.substr(0, name.size() - 8);
      bool text = Hash64("event-gold-aeb:" + id) & 1;
      std::string dataset = text ? "aeb-scraped" : "scrapinghub-aeb";
      std::string file = text ? id + ".txt" : "html/" + name;
      std::string full = data + "/" + dataset + "/" + file;
      auto reader = InputReader::Open({full}, ReadOptions());
      Page page;
      if (reader->Next(&page) && page.status.ok()) {
        drawer.Add("aeb", page, dataset, file, id);
      }
    }
  }
  drawer.PrintCounts();
  if (counts) return 0;
  if (!sheet_for.empty()) {
    std::string text;
    std::vector<gold::GoldSentence> rows;
    Status g = bench::ReadWholeFile(sheet_for, &text)
                   ? gold::ParseGold(text, sheet_for, &rows)
                   : Status::IOError("cannot read " + sheet_for);
    if (!g.ok() || sheet_path.empty()) {
      std::fprintf(stderr, "event_gold_draw: %s\n",
                   g.ok() ? "--sheet-for needs --sheet" : g.ToString().c_str());
      return 1;
    }
    std::string sheet;
    int missing = SheetForGold(drawer, rows, &sheet);
    if (!bench::WriteWholeFile(sheet_path, sheet)) {
      std::fprintf(stderr, "event_gold_draw: cannot write %s\n",
                   sheet_path.c_str());
      return 1;
    }
    std::printf("%zu rows, %d not found\n", rows.size(), missing);
    return missing == 0 ? 0 : 1;
  }

  const std::vector<SourceQuota> quotas = {
      {"bbc", 120, 30}, {"reuters", 120, 30}, {"aeb", 100, 25}};
  auto drawn = drawer.Draw(quotas, seed);
  std::string out =
      "# dateline real-news event gold set: references and CAMEO codes, no "
      "text (the datasets' licences).\n"
      "# Drawn by build/event_gold_draw_eval --seed " +
      std::to_string(seed) +
      " (bench/event_gold_draw_eval.cc); each sentence coded by hand\n"
      "# by the CAMEO codebook before the coder was run on it. Protocol and "
      "conventions: bench/README.md; parser: bench/event_gold.h.\n"
      "# Columns (TAB-separated): id split(dev|test) draw(pair|random) "
      "dataset file article begin end hash events note\n"
      "#   begin/end: bytes of the clean text dateline's reader and clean "
      "stage give for the page; hash: first 8 hex digits of\n"
      "#   Hash64Hex of those bytes. events: '-' for none, else ';'-separated "
      "SOURCE>TARGET:CODE[:n|:h|:nh]\n"
      "#   (n = negated, h = hypothetical: future, planned, conditional or "
      "question). Dyadic events only.\n"
      "# The test split is held out: do not read its rows or sentences while "
      "writing rules.\n"
      "# id\tsplit\tdraw\tdataset\tfile\tarticle\tbegin\tend\thash\t"
      "events\tnote\n";
  std::string sheet;
  int n = 0;
  for (const auto& [c, kind] : drawn) {
    const Article& a = drawer.article(c->article);
    const Span& sp = a.sentences[c->sentence];
    std::string_view text(a.text.data() + sp.begin, sp.end - sp.begin);
    char id[16];
    std::snprintf(id, sizeof(id), "g%04d", ++n);
    out += std::string(id) + "\t" + gold::SplitOf(c->reference) + "\t" + kind +
           "\t" + a.dataset + "\t" + a.file + "\t" + a.article + "\t" +
           std::to_string(sp.begin) + "\t" + std::to_string(sp.end) + "\t" +
           gold::SentenceHash(text) + "\t-\t\n";
    sheet += SheetEntry("=== " + std::string(id) + " " +
                            gold::SplitOf(c->reference) + " " + kind + " " +
                            a.dataset + " " + a.article,
                        a, c->sentence, sp) +
             "\n";
  }
  if (!out_path.empty() && !bench::WriteWholeFile(out_path, out)) {
    std::fprintf(stderr, "event_gold_draw: cannot write %s\n",
                 out_path.c_str());
    return 1;
  }
  if (out_path.empty()) std::fputs(out.c_str(), stdout);
  if (!sheet_path.empty() && !bench::WriteWholeFile(sheet_path, sheet)) {
    std::fprintf(stderr, "event_gold_draw: cannot write %s\n",
                 sheet_path.c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// Speed of the language layer (segment, tag, resolve) on real news text:
// the 181 AEB pages are cleaned once, then the pipeline up to resolve and the
// clean stage alone are timed over them on one thread; the layer's time is
// the difference. The quotes stage is timed the same way (the pipeline up to
// quotes, less the one up to resolve), and alone (QuoteExtractor::Extract
// over the layer's output), each printed as a share of the layer's time.
// The parse stage is timed as the pipeline up to parse less the one up to
// tag (tokens/s of the parser in place), and the whole default pipeline
// (every built stage, to events) in pages/s, start-up excluded.
// Prints tokens/s and sentences/s as one JSON line.
// `--models` instead times each model of the tag and parse stages alone over
// the pages' sentences (the pipeline up to segment run once before): the
// part-of-speech tagger, the chunker, the entity tagger (both stages) and
// the parser on the tagger's tags, in seconds of the thread's CPU time
// (steadier than the wall clock on a shared machine) and tokens/s.
//
//   language_speed_eval [--dataset DIR] [--repeat N] [--breakdown | --models]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "bench_data.h"
#include "pipeline_timing.h"
#include "dateline/pipeline.h"
#include "entities/tagger_model.h"
#include "quotes/quote_extractor.h"
#include "syntax/dependency_parser.h"

namespace dateline {
namespace {

// Prints one line per stage of the default pipeline: the seconds it took
// inside the pipeline's own runs (Pipeline::StageTimes, the pass with the
// least total of `repeat`) and its share of the whole.
int Breakdown(const std::vector<Page>& pages, int repeat) {
  std::unique_ptr<Pipeline> p;
  Status s = Pipeline::Create(PipelineOptions(), &p);
  if (!s.ok()) {
    std::fprintf(stderr, "language_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  Pipeline::StageTimes best;
  double best_total = 1e100, best_wall = 0;
  for (int r = 0; r < repeat; ++r) {
    Pipeline::StageTimes times;
    auto start = std::chrono::steady_clock::now();
    for (const Page& page : pages) p->Process(page, &times);
    const double wall = std::chrono::duration<double>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    double total = 0;
    for (double x : times.seconds) total += x;
    if (total < best_total) {
      best = times;
      best_total = total;
      best_wall = wall;
    }
  }
  const std::vector<std::string>& names = Pipeline::StageNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (best.seconds[i] <= 0) continue;
    std::printf("%-8s %7.4f s  %5.1f%%\n", names[i].c_str(), best.seconds[i],
                100.0 * best.seconds[i] / std::max(1e-9, best_total));
  }
  std::printf("stages   %7.4f s  (whole pass %.4f s: %.1f pages/s)\n",
              best_total, best_wall, pages.size() / std::max(1e-9, best_wall));
  return 0;
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// Prints one line per model of the tag and parse stages: the least CPU time
// of `repeat` passes over every page's sentences, its share of their sum,
// and tokens/s.
int Models(const std::vector<Page>& pages, int repeat) {
  PipelineOptions to_segment;
  to_segment.stages = "segment";
  std::unique_ptr<Pipeline> segment;
  Status s = Pipeline::Create(to_segment, &segment);
  const std::string models = std::string(DATELINE_SOURCE_DIR) + "/data/models/";
  SequenceTagger pos, chunk, ner;
  DependencyParser parser;
  if (s.ok()) s = pos.Load(models + "pos.model");
  if (s.ok()) s = chunk.Load(models + "chunk.model");
  if (s.ok()) s = ner.Load(models + "ner.model");
  if (s.ok()) s = parser.Load(models + "parser.model");
  if (!s.ok()) {
    std::fprintf(stderr, "language_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  // The words of every page (views into the documents' texts).
  std::vector<Document> docs;
  docs.reserve(pages.size());
  for (const Page& p : pages) docs.push_back(segment->Process(p));
  std::vector<TaggerDocument> words(docs.size());
  size_t tokens = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::string_view text = docs[d].text;
    for (const SentenceSpan& sent : docs[d].sentences) {
      TaggerSentence sentence;
      for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
        const Span& tok = docs[d].tokens[t];
        sentence.push_back(text.substr(tok.begin, tok.end - tok.begin));
      }
      tokens += sentence.size();
      words[d].push_back(std::move(sentence));
    }
  }
  // The tagger's tags, for the parser.
  std::vector<std::vector<std::vector<std::string>>> tags(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) pos.TagDocument(words[d], &tags[d]);
  auto best_of = [&](auto&& pass) {
    double best = 1e100;
    for (int r = 0; r < repeat; ++r) {
      const double start = ThreadCpuSeconds();
      pass();
      best = std::min(best, ThreadCpuSeconds() - start);
    }
    return best;
  };
  std::vector<std::vector<int>> ids;
  auto tag_all = [&](const SequenceTagger& tagger) {
    return best_of([&] {
      for (const TaggerDocument& doc : words) tagger.TagDocumentIds(doc, &ids);
    });
  };
  const double t_pos = tag_all(pos);
  const double t_chunk = tag_all(chunk);
  const double t_ner = tag_all(ner);
  DependencyTree tree;
  std::vector<std::string_view> tag_views;
  const double t_parse = best_of([&] {
    for (size_t d = 0; d < docs.size(); ++d) {
      for (size_t i = 0; i < words[d].size(); ++i) {
        tag_views.assign(tags[d][i].begin(), tags[d][i].end());
        parser.Parse(words[d][i], tag_views, &tree);
      }
    }
  });
  const double sum = t_pos + t_chunk + t_ner + t_parse;
  for (auto [name, t] : {std::pair{"pos", t_pos}, {"chunk", t_chunk},
                         {"ner", t_ner}, {"parse", t_parse}}) {
    std::printf("%-6s %7.4f s cpu  %5.1f%%  %8.0f tokens/s\n", name, t,
                100.0 * t / sum, tokens / std::max(1e-9, t));
  }
  std::printf("models %7.4f s cpu  (%zu tokens, %zu pages)\n", sum, tokens,
              pages.size());
  return 0;
}

int Main(int argc, char** argv) {
  CLI::App app{"language layer speed on the AEB pages"};
  std::string dataset;
  int repeat = 3;
  app.add_option("--dataset", dataset, "scrapinghub-aeb directory");
  app.add_option("--repeat", repeat, "passes; the best is kept");
  bool breakdown = false;
  app.add_flag("--breakdown", breakdown,
               "instead: the time of each stage of the default pipeline, "
               "timed inside its runs");
  bool models = false;
  app.add_flag("--models", models,
               "instead: the CPU time of each model of the tag and parse "
               "stages alone (pos, chunk, ner, parser)");
  CLI11_PARSE(app, argc, argv);
  std::vector<Page> pages = bench::AebHtmlPages(dataset);
  if (pages.empty()) {
    std::fprintf(stderr, "language_speed_eval: no AEB pages found\n");
    return 2;
  }
  if (breakdown) return Breakdown(pages, repeat);
  if (models) return Models(pages, repeat);
  std::unique_ptr<Pipeline> clean, full, quotes, to_tag_p, to_parse_p, all;
  PipelineOptions to_tag, to_parse;
  to_tag.stages = "tag";
  to_parse.stages = "parse";
  PipelineOptions to_resolve, to_quotes;
  // Lists, so the layer and quotes figures stay those of before the parser
  // (the parse and clauses stages are timed apart below).
  to_resolve.stages = "clean,segment,tag,resolve";
  to_quotes.stages = "clean,segment,tag,resolve,quotes";
  Status s = Pipeline::Create(bench::CleanStageOnly(), &clean);
  if (s.ok()) s = Pipeline::Create(to_resolve, &full);
  if (s.ok()) s = Pipeline::Create(to_quotes, &quotes);
  if (s.ok()) s = Pipeline::Create(to_tag, &to_tag_p);
  if (s.ok()) s = Pipeline::Create(to_parse, &to_parse_p);
  if (s.ok()) s = Pipeline::Create(PipelineOptions(), &all);
  if (!s.ok()) {
    std::fprintf(stderr, "language_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  size_t tokens = 0, sentences = 0, unused = 0;
  double t_full = bench::TimeProcess(*full, pages, repeat, &tokens, &sentences);
  double t_clean = bench::TimeProcess(*clean, pages, repeat, &unused, &unused);
  double t_quotes = bench::TimeProcess(*quotes, pages, repeat, &unused, &unused);
  double t_tag = bench::TimeProcess(*to_tag_p, pages, repeat, &unused, &unused);
  double t_parse =
      bench::TimeProcess(*to_parse_p, pages, repeat, &unused, &unused);
  double t_all = bench::TimeProcess(*all, pages, repeat, &unused, &unused);
  // The quotes stage alone, on the language layer's output (steadier on a
  // busy machine than the difference of two pipeline runs).
  std::vector<Document> docs;
  for (const Page& p : pages) docs.push_back(full->Process(p));
  std::unique_ptr<QuoteExtractor> extractor;
  s = QuoteExtractor::Create(
      std::string(DATELINE_SOURCE_DIR) + "/data", &extractor);
  if (!s.ok()) {
    std::fprintf(stderr, "language_speed_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  double t_extract = 1e100;
  size_t quotes_found = 0;
  for (int r = 0; r < repeat; ++r) {
    auto start = std::chrono::steady_clock::now();
    quotes_found = 0;
    for (Document& d : docs) {
      extractor->Extract(&d);
      quotes_found += d.quotes.size();
    }
    t_extract = std::min(
        t_extract, std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count());
  }
  double layer = std::max(1e-9, t_full - t_clean);
  double quotes_s = std::max(0.0, t_quotes - t_full);
  std::printf(
      "{\"pages\":%zu,\"tokens\":%zu,\"sentences\":%zu,\"full_s\":%.4f,"
      "\"clean_s\":%.4f,\"layer_s\":%.4f,\"tokens_per_s\":%.0f,"
      "\"sentences_per_s\":%.0f,\"quotes_s\":%.4f,"
      "\"quotes_share_of_layer\":%.4f,\"quotes_extract_s\":%.4f,"
      "\"quotes_extract_share_of_layer\":%.4f,\"quotes\":%zu,"
      "\"parse_s\":%.4f,\"parse_tokens_per_s\":%.0f,"
      "\"pipeline_s\":%.4f,\"pipeline_pages_per_s\":%.1f}\n",
      pages.size(), tokens, sentences, t_full, t_clean, layer, tokens / layer,
      sentences / layer, quotes_s, quotes_s / layer, t_extract,
      t_extract / layer, quotes_found, t_parse - t_tag,
      tokens / std::max(1e-9, t_parse - t_tag), t_all, pages.size() / t_all);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

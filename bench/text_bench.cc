// Throughput of the base of the language layer on real news text: the clean
// texts of the article extraction benchmark (aeb-scraped, cleaned once by
// the pipeline's "clean" stage before timing). BM_Tokenize tokenizes every
// text, BM_SplitSentences tokenizes and splits, BM_TimeExpressions adds
// time expressions. One iteration is one pass over every text; bytes are
// clean-text bytes, items are tokens.
//
//   ninja -C build-bench text_bench && build-bench/text_bench
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bench_data.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"
#include "text/sentence_splitter.h"
#include "text/time_expressions.h"
#include "text/tokenizer.h"

namespace dateline {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::string> published;
  size_t bytes = 0;
  size_t tokens = 0;
};

// Returns the clean texts of aeb-scraped, loaded and cleaned once.
const Corpus& Texts() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<bench::LoadedPage> pages = bench::LoadAebPages("text");
    if (pages.empty()) return c;
    PipelineOptions options;
    options.stages = "clean";
    std::unique_ptr<Pipeline> pipeline;
    if (!Pipeline::Create(options, &pipeline).ok()) return c;
    std::vector<Token> tokens;
    for (bench::LoadedPage& p : pages) {
      Page page;
      page.source = p.id;
      page.id = p.id;
      page.format = PageFormat::kText;
      page.content = RepairUtf8(p.content);
      page.charset = "utf-8";
      Document doc = pipeline->Process(page);
      if (doc.text.empty()) continue;
      Tokenize(doc.text, &tokens);
      c.tokens += tokens.size();
      c.bytes += doc.text.size();
      c.published.push_back(doc.published);
      c.texts.push_back(std::move(doc.text));
    }
    return c;
  }();
  return corpus;
}

bool Ready(benchmark::State& state, const Corpus& c) {
  if (c.texts.empty()) {
    state.SkipWithError(
        "dataset missing: ../shared/datasets/aeb-scraped (or clean stage "
        "failed)");
    return false;
  }
  return true;
}

void Report(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.tokens));
  state.counters["texts"] = static_cast<double>(c.texts.size());
  state.counters["tokens"] = static_cast<double>(c.tokens);
}

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = Texts();
  if (!Ready(state, c)) return;
  std::vector<Token> tokens;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      Tokenize(text, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  Report(state, c);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& c = Texts();
  if (!Ready(state, c)) return;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      TokenizeAndSplit(text, &tokens, &sentences);
      benchmark::DoNotOptimize(sentences.data());
    }
  }
  Report(state, c);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TimeExpressions(benchmark::State& state) {
  const Corpus& c = Texts();
  if (!Ready(state, c)) return;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<TimeExpression> times;
  for (auto _ : state) {
    for (size_t i = 0; i < c.texts.size(); ++i) {
      TokenizeAndSplit(c.texts[i], &tokens, &sentences);
      FindTimeExpressions(c.texts[i], tokens, sentences, c.published[i],
                          &times);
      benchmark::DoNotOptimize(times.data());
    }
  }
  Report(state, c);
}
BENCHMARK(BM_TimeExpressions)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace dateline

BENCHMARK_MAIN();

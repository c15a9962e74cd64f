// train_quotes: trains the quotes stage's model (src/quotes/quote_model.h,
// data/models/quotes.model) on the PolNeAR train split. Each train article
// goes through the language layer and the rule-based quotes stage (no
// model). Every non-partial quote is a filter example (an attribution when
// its content overlaps an annotated Content and its cue, if any, an annotated
// Cue) and, when it has a source, a source example (right when the source
// overlaps an annotated Source); every indirect content, source and cue that
// overlaps an annotated span of its label gives a start and an end example
// whose right candidate is that span's bound (skipped when out of reach).
// Only the train split is read. Deterministic: the same data and options
// give the same file (apart from its date line).
//
//   train_quotes [--archive PATH] [--data DIR] [--epochs N] [--runs N]
//                [--skip-held-out [--fold K]] [--no-filter] [--no-bounds]
//                [--out FILE] [--cue-out FILE] [--no-cue-model]
//                [--cue-threshold T]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../bench/polnear_corpus.h"
#include "dateline/pipeline.h"
#include "quotes/cue_model.h"
#include "quotes/quote_model.h"
#include "quotes/quote_extractor.h"

namespace dateline {
namespace {

// The two header lines both model files open with: when and how they were
// trained, and on what.
std::vector<std::string> Provenance(size_t articles, bool skip_held_out) {
  char date[32];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  return {std::string("trained ") + date +
              " by tools/train_quotes_main.cc (averaged perceptron)",
          "data: PolNeAR v1.0.0 train split (" + std::to_string(articles) +
              " articles" + (skip_held_out ? ", every tenth left out" : "") +
              "), first annotator; research use only, see "
              "../shared/datasets/polnear/SOURCE.md"};
}

int Main(int argc, char** argv) {
  CLI::App app{"content boundary model for the quotes stage, from PolNeAR train"};
  std::string archive, data_dir = "data",
                       out = "data/models/quotes.model";
  int epochs = 5;
  uint32_t seed = 1;
  bool skip_held_out = false;
  app.add_option("--archive", archive, "polnear-v1.0.0-train-dev.tar.gz");
  app.add_option("--data", data_dir, "the data directory (models, cues)");
  app.add_option("--epochs", epochs, "perceptron epochs");
  app.add_option("--seed", seed, "seed of the example order");
  int runs = 5;
  app.add_option("--runs", runs,
                 "average this many perceptrons (seeds seed, seed + 1, ...)");
  app.add_option("--out", out, "where to write the model");
  bool no_filter = false, no_bounds = false;
  app.add_flag("--no-filter", no_filter, "leave out the quote filter");
  app.add_flag("--no-bounds", no_bounds, "leave out the content bounds");
  app.add_flag("--skip-held-out", skip_held_out,
               "leave out every tenth article (polnear_eval --held-out)");
  double margin = 4;
  app.add_option("--keep-margin", margin,
                 "the filter keeps a quote unless dropping it scores this "
                 "much more");
  std::string cue_out = "data/models/quote_cues.model";
  app.add_option("--cue-out", cue_out, "where to write the cue detector");
  bool no_cue_model = false;
  app.add_flag("--no-cue-model", no_cue_model,
               "train no cue detector (and use none)");
  double cue_threshold = 1;
  app.add_option("--cue-threshold", cue_threshold,
                 "the cue detector takes a verb scoring above this");
  int fold = 9;
  app.add_option("--fold", fold,
                 "with --skip-held-out: leave out the articles whose index "
                 "mod 10 is this (default 9)");
  CLI11_PARSE(app, argc, argv);
  if (archive.empty()) archive = polnear::DefaultArchive();
  std::map<std::string, std::string> files;
  if (!polnear::ReadTarGz(archive, &files)) {
    std::fprintf(stderr, "train_quotes: cannot read %s\n", archive.c_str());
    return 2;
  }
  PipelineOptions options;
  options.stages = "clauses";  // the quotes stage reads the clause layer
  options.data_dir = data_dir;
  std::unique_ptr<Pipeline> layer;
  Status s = Pipeline::Create(options, &layer);
  std::unique_ptr<QuoteExtractor> quotes;
  if (s.ok()) s = QuoteExtractor::Create(data_dir, &quotes);
  if (!s.ok()) {
    std::fprintf(stderr, "train_quotes: %s\n", s.ToString().c_str());
    return 2;
  }
  quotes->SetContentModel(nullptr);
  // PolNeAR annotates acts and stances: learn from them too.
  quotes->SetKeepActs(true);
  // First the cue detector (src/quotes/cue_model.h): every verb the lexicons
  // do not list is an example, a cue when it lies inside an annotated Cue.
  // The rules then run with it, so the filter and bounds learn from the
  // quotes it adds.
  std::vector<Document> analysed;
  size_t cue_examples = 0, cue_positive = 0;
  {
    std::vector<std::pair<std::vector<uint64_t>, bool>> cue_ex;
    size_t idx = 0, bad_ann = 0;
    for (const polnear::Article& art : polnear::Articles(files, "train")) {
      if (skip_held_out && static_cast<int>(idx++ % 10) == fold) continue;
      Document doc;
      doc.text = *art.text;
      layer->AnalyseText(&doc);
      if (!no_cue_model) {
        std::vector<uint32_t> b2c;
        std::u32string text = polnear::Decode(doc.text, &b2c);
        polnear::Spans gold = polnear::ParseAnn(*art.ann, text, &bad_ann);
        for (const SentenceSpan& sent : doc.sentences) {
          int sb = static_cast<int>(sent.token_begin);
          int se = static_cast<int>(std::min<size_t>(sent.token_end, doc.tokens.size()));
          for (int i = sb; i < se; ++i) {
            if (!quotes->CueCandidate(doc, i) &&
                !QuoteExtractor::NounCueCandidate(doc, i)) {
              continue;
            }
            uint32_t b = b2c[doc.tokens[i].begin];
            bool cue = false;
            for (const auto& g : gold.by_label[1]) {
              if (g.first <= b && b < g.second) cue = true;
            }
            std::vector<uint64_t> f;
            CueModel::Features(doc, i, sb, se, &f);
            cue_ex.emplace_back(std::move(f), cue);
            if (cue) ++cue_positive;
          }
        }
      }
      analysed.push_back(std::move(doc));
    }
    cue_examples = cue_ex.size();
    if (!no_cue_model) {
      auto cue_model = std::make_shared<CueModel>();
      s = CueModel::Train(cue_ex, epochs, seed, cue_model.get());
      if (!s.ok()) {
        std::fprintf(stderr, "train_quotes: %s\n", s.ToString().c_str());
        return 2;
      }
      cue_model->info() = Provenance(analysed.size(), skip_held_out);
      cue_model->info().push_back(
          "examples: " + std::to_string(cue_examples) +
          " verbs no lexicon lists, " + std::to_string(cue_positive) +
          " of them inside an annotated Cue; options: --epochs " +
          std::to_string(epochs) + " --seed " + std::to_string(seed) +
          " --cue-threshold " + std::to_string(cue_threshold) +
          (skip_held_out ? " --skip-held-out --fold " + std::to_string(fold) : ""));
      cue_model->set_threshold(cue_threshold);
      s = cue_model->Save(cue_out);
      if (!s.ok()) {
        std::fprintf(stderr, "train_quotes: %s\n", s.ToString().c_str());
        return 2;
      }
      std::printf("cue detector: %zu examples, %zu cues, %zu features -> %s\n",
                  cue_examples, cue_positive, cue_model->feature_count(),
                  cue_out.c_str());
      quotes->SetCueModel(std::move(cue_model));
    } else {
      quotes->SetCueModel(nullptr);
    }
  }
  size_t next_doc = 0;
  std::vector<BoundaryExample> examples;
  size_t articles = 0, index = 0, spans_seen = 0, matched = 0, bad = 0;
  size_t unreachable = 0, rules_right = 0;
  size_t filter_examples = 0, filter_good = 0, source_examples = 0,
         source_good = 0;
  for (const polnear::Article& art : polnear::Articles(files, "train")) {
    if (skip_held_out && static_cast<int>(index++ % 10) == fold) continue;
    ++articles;
    const std::string& content = *art.text;
    std::vector<uint32_t> b2c;
    std::u32string text = polnear::Decode(content, &b2c);
    std::vector<uint32_t> c2b(text.size() + 1, 0);
    for (size_t i = content.size(); i-- > 0;) c2b[b2c[i]] = static_cast<uint32_t>(i);
    c2b[text.size()] = static_cast<uint32_t>(content.size());
    polnear::Spans gold = polnear::ParseAnn(*art.ann, text, &bad);
    std::vector<std::pair<uint32_t, uint32_t>> contents;  // bytes
    for (const auto& [b, e] : gold.by_label[2]) contents.emplace_back(c2b[b], c2b[e]);
    std::vector<std::pair<uint32_t, uint32_t>> cues, sources;  // bytes
    for (const auto& [b, e] : gold.by_label[1]) cues.emplace_back(c2b[b], c2b[e]);
    for (const auto& [b, e] : gold.by_label[0]) sources.emplace_back(c2b[b], c2b[e]);
    auto overlaps = [](const std::vector<std::pair<uint32_t, uint32_t>>& spans,
                       const Span& s) {
      for (const auto& c : spans) {
        if (c.first < s.end && s.begin < c.second) return true;
      }
      return false;
    };
    Document doc = std::move(analysed[next_doc++]);
    quotes->Extract(&doc);
    for (size_t q = 0; q < doc.quotes.size(); ++q) {
      BoundaryExample keep;
      std::vector<uint64_t> f;
      if (!no_filter && QuoteModel::FilterFeatures(doc, q, &f)) {
        const Quote& quote = doc.quotes[q];
        bool good = overlaps(contents, quote.span) &&
                    (quote.cue_span.end <= quote.cue_span.begin ||
                     overlaps(cues, quote.cue_span));
        keep.candidates.tokens = {0, 1};
        keep.candidates.features = {{QuoteModel::DropFeature()}, std::move(f)};
        keep.candidates.original = 1;
        keep.gold = good ? 1 : 0;
        ++filter_examples;
        if (good) ++filter_good;
        examples.push_back(std::move(keep));
      }
      if (!no_filter && QuoteModel::SourceFeatures(doc, q, &f)) {
        BoundaryExample src;
        src.candidates.tokens = {0, 1};
        src.candidates.features = {{QuoteModel::DropSourceFeature()}, std::move(f)};
        src.candidates.original = 1;
        src.gold = overlaps(sources, doc.quotes[q].speaker_span) ? 1 : 0;
        ++source_examples;
        if (src.gold == 1) ++source_good;
        examples.push_back(std::move(src));
      }
      if (no_bounds) continue;
      for (QuoteModel::Part part : {QuoteModel::Part::kContent,
                                    QuoteModel::Part::kSource,
                                    QuoteModel::Part::kCue}) {
        BoundaryExample start, end;
        if (!QuoteModel::Candidates(doc, q, part, &start.candidates,
                                    &end.candidates)) {
          continue;
        }
        const Quote& quote = doc.quotes[q];
        const auto& golds = part == QuoteModel::Part::kContent ? contents
                            : part == QuoteModel::Part::kSource ? sources
                                                                : cues;
        const Span& sp = part == QuoteModel::Part::kContent ? quote.span
                         : part == QuoteModel::Part::kSource ? quote.speaker_span
                                                             : quote.cue_span;
        ++spans_seen;
        uint32_t best_overlap = 0;
        std::pair<uint32_t, uint32_t> g{0, 0};
        for (const auto& c : golds) {
          uint32_t lo = std::max(c.first, sp.begin), hi = std::min(c.second, sp.end);
          if (hi > lo && hi - lo > best_overlap) {
            best_overlap = hi - lo;
            g = c;
          }
        }
        if (best_overlap == 0) continue;
        ++matched;
        int gt = -1, gu = -1;
        for (size_t k = 0; k < doc.tokens.size(); ++k) {
          if (doc.tokens[k].begin == g.first) gt = static_cast<int>(k);
          if (doc.tokens[k].end == g.second) gu = static_cast<int>(k) + 1;
        }
        auto word = [&](int k) {
          const Span& t = doc.tokens[k];
          return content.substr(t.begin, t.end - t.begin);
        };
        // The scorer puts back a "that" before a content and the closing
        // comma of an appositive source: the targets are without them.
        if (part == QuoteModel::Part::kContent && gt >= 0 &&
            gt + 1 < static_cast<int>(doc.tokens.size()) &&
            (word(gt) == "that" || word(gt) == "That")) {
          ++gt;
        }
        if (part == QuoteModel::Part::kSource && gu > gt + 1 && gt >= 0 &&
            word(gu - 1) == ",") {
          --gu;
        }
        start.gold = -1;
        for (size_t i = 0; i < start.candidates.tokens.size(); ++i) {
          if (start.candidates.tokens[i] == gt) start.gold = static_cast<int>(i);
        }
        end.gold = -1;
        for (size_t i = 0; i < end.candidates.tokens.size(); ++i) {
          if (end.candidates.tokens[i] == gu) end.gold = static_cast<int>(i);
        }
        for (BoundaryExample* ex : {&start, &end}) {
          if (ex->gold < 0) {
            ++unreachable;
            continue;
          }
          if (ex->gold == ex->candidates.original) ++rules_right;
          examples.push_back(std::move(*ex));
        }
      }
    }
  }
  QuoteModel model;
  s = QuoteModel::Train(examples, epochs, seed, &model, runs);
  if (!s.ok()) {
    std::fprintf(stderr, "train_quotes: %s\n", s.ToString().c_str());
    return 2;
  }
  model.info() = Provenance(articles, skip_held_out);
  model.info().push_back("options: --epochs " + std::to_string(epochs) +
                         " --seed " + std::to_string(seed) +
                         " --runs " + std::to_string(runs) +
                         (skip_held_out ? " --skip-held-out --fold " + std::to_string(fold) : "") +
                         " --keep-margin " + std::to_string(margin) +
                         (no_filter ? " --no-filter" : "") +
                         (no_bounds ? " --no-bounds" : ""));
  model.info().push_back("filter examples: " + std::to_string(filter_examples) +
                         " quotes, " + std::to_string(filter_good) +
                         " of them attributions; " +
                         std::to_string(source_examples) + " sources, " +
                         std::to_string(source_good) + " of them right");
  model.info().push_back("bounds examples: " +
                         std::to_string(examples.size() - filter_examples -
                                        source_examples) +
                         " from " + std::to_string(matched) +
                         " contents, sources and cues overlapping an annotated "
                         "one (of " + std::to_string(spans_seen) + ")");
  model.set_keep_margin(margin);
  s = model.Save(out);
  if (!s.ok()) {
    std::fprintf(stderr, "train_quotes: %s\n", s.ToString().c_str());
    return 2;
  }
  std::printf(
      "%zu articles; filter: %zu quotes, %zu attributions, %zu sources, %zu "
      "right; bounds: %zu spans, "
      "%zu overlap an annotated one, %zu examples (%zu the rules' own bound; "
      "%zu bounds out of reach); %zu features -> %s\n",
      articles, filter_examples, filter_good, source_examples, source_good,
      spans_seen, matched, examples.size() - filter_examples - source_examples,
      rules_right, unreachable,
      model.feature_count(), out.c_str());
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

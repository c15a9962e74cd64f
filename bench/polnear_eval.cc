// Attribution extraction on PolNeAR (Newell, Margolin and Ruths, LREC 2018):
// exact-span and token-overlap precision, recall and F1 for Source, Cue and
// Content, the figures the corpus's reference systems publish.
//
//   polnear_eval [ARCHIVE] [--split dev|train] [--held-out [--fold K]]
//                [--gold-vs-gold] [--show N] [--without-acts] [--data DIR]
//
// ARCHIVE is the corpus tarball (default
// ../shared/datasets/polnear/polnear-v1.0.0-train-dev.tar.gz); it is read in
// memory, never unpacked. Each article's text goes through the language
// layer and the quotes stage exactly as in the pipeline (the text is used as
// it is, without the clean stage, so offsets line up with the annotation),
// with acts and stances kept (PipelineOptions::quote_acts), as PolNeAR
// annotates them; --without-acts scores the default quotes output.
//
// How spans are aligned (the corpus's brat standoff format):
//   - offsets are Unicode code points into the .txt; a span "a b;c d" has
//     several fragments, and each fragment is scored as a span of its own
//     (fragments separated only by whitespace are joined, as a token tagger
//     sees them); every (label, fragment) is counted once per article;
//   - articles annotated by several annotators: the first .ann file in name
//     order is the gold standard;
//   - a predicted Content is the quote's span as the corpus marks it: a
//     direct quotation with its quotation marks, and the complementizer
//     "that" before either; partial quotations inside a sentence are not
//     attributions in PolNeAR's sense and are not scored; a Source is the
//     speaker's span (an appositive one with its closing comma, as the
//     corpus marks it), a Cue the cue's span.
// A token-overlap match is a predicted span sharing at least one token
// (dateline's tokenizer) with a gold span of the same label; precision counts
// matched predictions, recall matched gold spans.
// --gold-vs-gold scores the gold standard against itself (must print 100).
#include <CLI/CLI.hpp>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_data.h"
#include "polnear_corpus.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"
#include "base/utf8.h"

namespace dateline {
namespace {

using polnear::Decode;
using polnear::kLabels;
using polnear::ParseAnn;
using polnear::ReadTarGz;
using polnear::Spans;

bool IsMarkCp(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0xAB || c == 0xBB || c == '`';
}

// The predicted spans, in the corpus's conventions (see the file comment).
Spans Predicted(const Document& doc, std::u32string_view text,
                const std::vector<uint32_t>& b2c) {
  Spans out;
  for (const Quote& q : doc.quotes) {
    if (q.kind == "partial") continue;
    if (q.speaker_span.end > q.speaker_span.begin) {
      // An appositive source keeps its closing comma ("Bush, Florida's
      // former governor, said").
      uint32_t sb = b2c[q.speaker_span.begin], se = b2c[q.speaker_span.end];
      bool appositive = false;
      for (uint32_t k = sb; k < se; ++k) {
        if (text[k] == ',') appositive = true;
      }
      if (appositive && se < text.size() && text[se] == ',') ++se;
      out.by_label[0].insert({sb, se});
    }
    if (q.cue_span.end > q.cue_span.begin) {
      out.by_label[1].insert({b2c[q.cue_span.begin], b2c[q.cue_span.end]});
    }
    uint32_t b = b2c[q.span.begin], e = b2c[q.span.end];
    if (q.kind == "direct") {
      // Out to the quotation marks ('' and `` are two characters).
      for (int k = 0; k < 2 && b > 0 && IsMarkCp(text[b - 1]); ++k) --b;
      for (int k = 0; k < 2 && e < text.size() && IsMarkCp(text[e]); ++k) ++e;
    }
    {
      // "that" before the clause.
      uint32_t p = b;
      while (p > 0 && text[p - 1] == ' ') --p;
      if (p >= 4 && text.substr(p - 4, 4) == U"that" &&
          (p == 4 || text[p - 5] == ' ')) {
        b = p - 4;
      }
    }
    out.by_label[2].insert({b, e});
  }
  return out;
}

struct Counts {
  size_t gold = 0, pred = 0, exact = 0, pred_overlap = 0, gold_overlap = 0;
};

// Token index ranges of each span, for overlap matching.
bool Overlaps(std::pair<uint32_t, uint32_t> a, std::pair<uint32_t, uint32_t> b,
              const std::vector<std::pair<uint32_t, uint32_t>>& tokens) {
  uint32_t lo = std::max(a.first, b.first), hi = std::min(a.second, b.second);
  if (lo >= hi) return false;
  // Some token lies (at least partly) inside the overlap.
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), lo,
      [](const std::pair<uint32_t, uint32_t>& t, uint32_t x) { return t.second <= x; });
  return it != tokens.end() && it->first < hi;
}

void Score(const Spans& gold, const Spans& pred,
           const std::vector<std::pair<uint32_t, uint32_t>>& tokens,
           Counts* counts) {
  for (int l = 0; l < 3; ++l) {
    Counts& c = counts[l];
    c.gold += gold.by_label[l].size();
    c.pred += pred.by_label[l].size();
    for (const auto& p : pred.by_label[l]) {
      if (gold.by_label[l].count(p)) ++c.exact;
      for (const auto& g : gold.by_label[l]) {
        if (Overlaps(p, g, tokens)) {
          ++c.pred_overlap;
          break;
        }
      }
    }
    for (const auto& g : gold.by_label[l]) {
      for (const auto& p : pred.by_label[l]) {
        if (Overlaps(p, g, tokens)) {
          ++c.gold_overlap;
          break;
        }
      }
    }
  }
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int Main(int argc, char** argv) {
  CLI::App app{"PolNeAR attribution extraction: Source, Cue, Content"};
  std::string archive;
  std::string split = "dev";
  bool gold_vs_gold = false;
  int show = 0;
  app.add_option("archive", archive, "polnear-v1.0.0-train-dev.tar.gz");
  app.add_option("--split", split, "dev (report) or train (tuning)");
  app.add_flag("--gold-vs-gold", gold_vs_gold, "score the gold against itself");
  app.add_option("--show", show, "print gold and predicted spans of N articles");
  bool tenth = false;
  app.add_flag("--held-out", tenth,
               "only every tenth article (name order), the tenth of train "
               "that train_quotes and build_cues hold out");
  int fold = 9;
  app.add_option("--fold", fold,
                 "with --held-out: the articles whose index (name order) mod "
                 "10 is this (default 9; train_quotes --skip-held-out --fold)");
  std::string data_opt;
  app.add_option("--data", data_opt,
                 "the data directory (models, cue lists; default as the "
                 "pipeline's: $DATELINE_DATA_DIR, else the source tree's "
                 "data/), e.g. one holding a cross-validation fold's models");
  bool without_acts = false;
  app.add_flag("--without-acts", without_acts,
               "score the default quotes output, without the acts and "
               "stances PolNeAR annotates (PipelineOptions::quote_acts off)");
  CLI11_PARSE(app, argc, argv);
  if (archive.empty()) archive = polnear::DefaultArchive();
  std::map<std::string, std::string> files;
  if (!ReadTarGz(archive, &files)) {
    std::fprintf(stderr, "polnear_eval: cannot read %s\n", archive.c_str());
    return 2;
  }
  // The stages after clean, over each article's exact text. An empty data
  // directory is the pipeline's default, which honours $DATELINE_DATA_DIR as
  // every other evaluator's pipeline does.
  std::unique_ptr<Pipeline> analyser;
  PipelineOptions options{"quotes", data_opt};
  // PolNeAR annotates acts and stances as attributions: keep them.
  options.quote_acts = !without_acts;
  Status s = Pipeline::Create(options, &analyser);
  if (!s.ok()) {
    std::fprintf(stderr, "polnear_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  Counts counts[3];
  size_t articles = 0, bad = 0, misaligned = 0;
  size_t index = 0;
  for (const polnear::Article& art : polnear::Articles(files, split)) {
    if (tenth && static_cast<int>(index++ % 10) != fold) continue;
    const std::string& content = *art.text;
    const std::string& stem = art.stem;
    std::vector<uint32_t> b2c;
    std::u32string text = Decode(content, &b2c);
    Spans gold = ParseAnn(*art.ann, text, &bad);
    Document doc;
    doc.text = content;
    analyser->AnalyseText(&doc);
    std::vector<std::pair<uint32_t, uint32_t>> tokens;
    for (const Span& t : doc.tokens) tokens.emplace_back(b2c[t.begin], b2c[t.end]);
    Spans pred = gold_vs_gold ? gold : Predicted(doc, text, b2c);
    for (const Quote& q : doc.quotes) {
      if (q.span.end > doc.text.size()) ++misaligned;
    }
    Score(gold, pred, tokens, counts);
    if (show > 0) {
      --show;
      auto str = [&](std::pair<uint32_t, uint32_t> sp) {
        std::string o;
        for (uint32_t k = sp.first; k < sp.second && k < text.size(); ++k) {
          AppendUtf8(text[k], &o);
        }
        return o;
      };
      std::printf("== %s\n", stem.c_str());
      for (int l = 0; l < 3; ++l) {
        for (const auto& g : gold.by_label[l]) {
          std::printf("%s %s %u %u %s\n",
                      pred.by_label[l].count(g) ? "ok  " : "MISS", kLabels[l],
                      g.first, g.second, str(g).substr(0, 160).c_str());
        }
        for (const auto& p : pred.by_label[l]) {
          if (!gold.by_label[l].count(p)) {
            std::printf("FP   %s %u %u %s\n", kLabels[l], p.first, p.second,
                        str(p).substr(0, 160).c_str());
          }
        }
      }
    }
    ++articles;
  }
  if (articles == 0) {
    std::fprintf(stderr, "polnear_eval: no %s articles in %s\n", split.c_str(),
                 archive.c_str());
    return 2;
  }
  std::printf("PolNeAR %s: %zu articles%s (%zu malformed annotations skipped)\n",
              split.c_str(), articles, gold_vs_gold ? ", gold vs gold" : "", bad);
  std::printf("%-8s %7s %7s | %6s %6s %6s | %6s %6s %6s  (token overlap)\n",
              "label", "gold", "pred", "P", "R", "F1", "P", "R", "F1");
  for (int l = 0; l < 3; ++l) {
    const Counts& c = counts[l];
    double p = c.pred ? 100.0 * c.exact / c.pred : 0;
    double r = c.gold ? 100.0 * c.exact / c.gold : 0;
    double po = c.pred ? 100.0 * c.pred_overlap / c.pred : 0;
    double ro = c.gold ? 100.0 * c.gold_overlap / c.gold : 0;
    std::printf("%-8s %7zu %7zu | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f\n",
                kLabels[l], c.gold, c.pred, p, r, F1(p, r), po, ro, F1(po, ro));
  }
  if (misaligned) std::printf("warning: %zu spans outside the text\n", misaligned);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// build_cues: counts, on the PolNeAR train split, how often each verb form
// (dateline's tokenizer and POS model) lies inside an annotated Cue, and
// writes the forms that mostly do as a supplementary cue lexicon for the
// quotes stage (data/quotes/cues_polnear.tsv). Forms already in the
// hand-written lexicon (data/quotes/cues.tsv) and auxiliaries are left out.
// Only the train split is read.
//
//   build_cues [--archive PATH] [--min-count N] [--min-share X] [--out FILE]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../bench/polnear_corpus.h"
#include "entities/tagger_model.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dateline {
namespace {

std::string Lower(std::string_view w) {
  std::string s;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' &&
        w[i + 2] == '\x99') {
      s.push_back('\'');
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    s.push_back(c);
  }
  return s;
}

int Main(int argc, char** argv) {
  CLI::App app{"supplementary cue lexicon from PolNeAR train"};
  std::string archive, out = "data/quotes/cues_polnear.tsv",
                       data_dir = "data";
  int min_count = 4;
  double min_share = 0.3;
  app.add_option("--archive", archive, "polnear-v1.0.0-train-dev.tar.gz");
  app.add_option("--min-count", min_count, "times a form must be a cue");
  app.add_option("--min-share", min_share, "share of its verb uses that are cues");
  app.add_option("--out", out, "where to write the lexicon");
  app.add_option("--data", data_dir, "the data directory (models, cues.tsv)");
  bool skip_held_out = false;
  app.add_flag("--skip-held-out", skip_held_out,
               "leave out every tenth article (polnear_eval --held-out)");
  CLI11_PARSE(app, argc, argv);
  if (archive.empty()) archive = polnear::DefaultArchive();
  std::map<std::string, std::string> files;
  if (!polnear::ReadTarGz(archive, &files)) {
    std::fprintf(stderr, "build_cues: cannot read %s\n", archive.c_str());
    return 2;
  }
  SequenceTagger pos;
  Status s = pos.Load(data_dir + "/models/pos.model");
  if (!s.ok()) {
    std::fprintf(stderr, "build_cues: %s\n", s.ToString().c_str());
    return 2;
  }
  std::set<std::string> hand;
  {
    std::ifstream in(data_dir + "/quotes/cues.tsv");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::string form = line.substr(0, line.find('\t'));
      hand.insert(form);
      // The first word of a phrase ("according" of "according to") too.
      hand.insert(form.substr(0, form.find(' ')));
    }
  }
  const std::set<std::string> kAux = {
      "is", "was", "are", "were", "be", "been", "being", "has", "have", "had",
      "do", "does", "did", "will", "would", "can", "could", "may", "might",
      "should", "must", "'s", "'re", "'ve", "'m", "'d", "get", "got", "go",
      "going", "make", "made", "take", "took", "come", "came"};
  std::map<std::string, std::pair<int, int>> counts;  // form -> (verb, cue)
  size_t articles = 0;
  size_t index = 0;
  for (const polnear::Article& art : polnear::Articles(files, "train")) {
    if (skip_held_out && index++ % 10 == 9) continue;
    std::vector<uint32_t> b2c;
    std::u32string text = polnear::Decode(*art.text, &b2c);
    size_t bad = 0;
    polnear::Spans gold = polnear::ParseAnn(*art.ann, text, &bad);
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    TokenizeAndSplit(*art.text, &tokens, &sentences);
    TaggerDocument words;
    for (const Sentence& se : sentences) {
      TaggerSentence sentence;
      for (uint32_t t = se.token_begin; t < se.token_end; ++t) {
        sentence.push_back(TokenText(*art.text, tokens[t]));
      }
      words.push_back(std::move(sentence));
    }
    std::vector<std::vector<std::string>> tags;
    pos.TagDocument(words, &tags);
    for (size_t si = 0; si < sentences.size() && si < tags.size(); ++si) {
      for (size_t k = 0; k < tags[si].size(); ++k) {
        if (tags[si][k].rfind("VB", 0) != 0) continue;
        const Token& tok = tokens[sentences[si].token_begin + k];
        std::string form = Lower(TokenText(*art.text, tok));
        uint32_t cb = b2c[tok.begin], ce = b2c[tok.end];
        bool in_cue = false;
        for (const auto& span : gold.by_label[1]) {
          if (span.first <= cb && ce <= span.second) in_cue = true;
        }
        auto& c = counts[form];
        ++c.first;
        if (in_cue) ++c.second;
      }
    }
    ++articles;
  }
  std::vector<std::pair<std::string, std::pair<int, int>>> kept;
  for (const auto& [form, c] : counts) {
    if (hand.count(form) || kAux.count(form)) continue;
    if (c.second < min_count || c.second < min_share * c.first) continue;
    kept.push_back({form, c});
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.second.second > b.second.second ||
           (a.second.second == b.second.second && a.first < b.first);
  });
  std::ofstream o(out);
  if (!o) {
    std::fprintf(stderr, "build_cues: cannot write %s\n", out.c_str());
    return 2;
  }
  o << "# Generated by build_cues (tools/build_cues_main.cc); do not edit.\n"
    << "# Verb forms that are mostly reporting cues in the PolNeAR train split\n"
    << "# (" << articles << " articles, first annotator): tagged VB* by\n"
    << "# data/models/pos.model, inside an annotated Cue at least " << min_count
    << " times and in at least " << min_share * 100 << "% of their uses;\n"
    << "# forms in cues.tsv and auxiliaries left out. Rebuild:\n"
    << "#   build/build_cues --min-count " << min_count << " --min-share "
    << min_share << "\n"
    << "# Columns: FORM, CLASS (always act), then as a comment the counts\n"
    << "# (uses as a cue / uses as a verb).\n";
  for (const auto& [form, c] : kept) {
    o << form << "\tact\t# " << c.second << "/" << c.first << "\n";
  }
  std::fprintf(stderr, "build_cues: %zu forms from %zu articles -> %s\n",
               kept.size(), articles, out.c_str());
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

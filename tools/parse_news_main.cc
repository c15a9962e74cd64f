// parse_news: parses unlabelled news with a parser and writes the trees as
// CoNLL-U, the training data of uptraining (Petrov et al. 2010): a fast
// greedy parser learns from what a stronger (beam) parser makes of news.
//
//   build/parse_news --model /tmp/teacher.model --beam 8
//     --agree-model data/models/parser.model --out news.conllu
//     ../shared/datasets/reuters21578/reuters21578-distribution-1.0.tar.gz
//     ../shared/datasets/bbc-news/bbc-fulltext.tar.gz
//
// The pages go through the pipeline up to its tag stage (the data directory
// of the build, or $DATELINE_DATA_DIR), so sentences, tokens and tags are
// exactly those the parse stage reads at run time; the XPOS column holds
// the pipeline's tags (train_parser --extra-train reads them as they are).
// Sentences seen before (wire stories repeat) are written once. With
// --agree-model a sentence is kept only when that second parser's tree
// agrees with the first on at least --min-agreement of its words (head and
// relation), the agreement filter of tri-training (Li, Zhang and Chen 2014);
// each sentence's agreement is written in a "# agreement = " comment.
// Deterministic: the same inputs, models and options give the same file.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "syntax/dependency_parser.h"

namespace dateline {
namespace {

int Main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string model_path, agree_path, out_path;
  int beam = 0;
  int min_words = 5, max_words = 60;
  double min_agreement = 1.0;
  long max_sentences = 0;
  CLI::App app{"Parse unlabelled news into CoNLL-U (uptraining data)"};
  app.add_option("inputs", inputs, "pages: files, tarballs, directories")
      ->required();
  app.add_option("--model", model_path, "the parser whose trees are written")
      ->required();
  app.add_option("--beam", beam, "its beam width (0: the model's own)");
  app.add_option("--agree-model", agree_path,
                 "a second parser (greedy, its own width): keep only the "
                 "sentences where the two agree");
  app.add_option("--min-agreement", min_agreement,
                 "with --agree-model, the share of words whose head and "
                 "relation both parsers give alike for a sentence to be kept");
  app.add_option("--min-words", min_words, "shorter sentences are skipped");
  app.add_option("--max-words", max_words, "longer sentences are skipped");
  app.add_option("--max-sentences", max_sentences,
                 "stop after writing this many (0: all)");
  app.add_option("--out", out_path, "CoNLL-U file to write")->required();
  CLI11_PARSE(app, argc, argv);

  DependencyParser teacher, second;
  Status st = teacher.Load(model_path);
  if (st.ok() && beam > 0) teacher.set_beam(beam);
  if (st.ok() && !agree_path.empty()) st = second.Load(agree_path);
  std::unique_ptr<Pipeline> pipeline;
  if (st.ok()) st = Pipeline::Create(PipelineOptions("tag", ""), &pipeline);
  if (!st.ok()) {
    std::fprintf(stderr, "parse_news: %s\n", st.ToString().c_str());
    return 1;
  }
  std::ofstream out(out_path);
  if (!out) {
    std::fprintf(stderr, "parse_news: cannot write %s\n", out_path.c_str());
    return 1;
  }
  auto reader = InputReader::Open(inputs, ReadOptions());
  std::unordered_set<std::string> seen;
  long pages = 0, sentences = 0, written = 0, repeated = 0, disagreed = 0,
       words_written = 0;
  DependencyTree tree, other;
  std::vector<std::string_view> words, tags;
  Page page;
  while (reader->Next(&page)) {
    if (!page.status.ok()) continue;
    const Document doc = pipeline->Process(page);
    if (!doc.error.empty()) continue;
    ++pages;
    const std::string_view text = doc.text;
    for (const SentenceSpan& s : doc.sentences) {
      if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end)
        continue;
      const int n = static_cast<int>(s.token_end - s.token_begin);
      ++sentences;
      if (n < min_words || n > max_words) continue;
      words.clear();
      tags.clear();
      std::string key;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& tok = doc.tokens[t];
        words.push_back(text.substr(tok.begin, tok.end - tok.begin));
        tags.push_back(t < doc.pos.size() ? std::string_view(doc.pos[t])
                                          : std::string_view("FW"));
        key.append(words.back());
        key.push_back('\x1f');
      }
      if (!seen.insert(key).second) {
        ++repeated;
        continue;
      }
      teacher.Parse(words, tags, &tree);
      int same = n;
      if (!agree_path.empty()) {
        second.Parse(words, tags, &other);
        same = 0;
        for (int k = 0; k < n; ++k) {
          same += tree.heads[k] == other.heads[k] &&
                  teacher.labels()[tree.labels[k]] ==
                      second.labels()[other.labels[k]];
        }
        if (same < min_agreement * n) {
          ++disagreed;
          continue;
        }
      }
      out << "# source = " << page.source << "\n";
      if (!agree_path.empty()) {
        char agreement[64];
        std::snprintf(agreement, sizeof(agreement), "# agreement = %.3f\n",
                      static_cast<double>(same) / n);
        out << agreement;
      }
      for (int k = 0; k < n; ++k) {
        // The token as the parse stage sees it (the reader splits on tabs
        // only, so a token with a space, "U. S.", reads back the same).
        std::string form(words[k]);
        for (char& c : form)
          if (c == '\t' || c == '\n') c = ' ';
        out << k + 1 << '\t' << form << "\t_\t_\t" << tags[k] << "\t_\t"
            << tree.heads[k] + 1 << '\t' << teacher.labels()[tree.labels[k]]
            << "\t_\t_\n";
      }
      out << "\n";
      ++written;
      words_written += n;
      if (max_sentences > 0 && written >= max_sentences) break;
    }
    if (max_sentences > 0 && written >= max_sentences) break;
  }
  std::fprintf(stderr,
               "parse_news: %ld pages, %ld sentences; %ld repeated, %ld "
               "disagreeing, %ld written (%ld words) -> %s\n",
               pages, sentences, repeated, disagreed, written, words_written,
               out_path.c_str());
  return out ? 0 : 1;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

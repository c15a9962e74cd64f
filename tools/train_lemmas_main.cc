// train_lemmas: learns the clause layer's lemmatizer (src/syntax/
// lemmatizer.h) from a UD treebank's gold lemmas, by default UD
// English-EWT train, and writes data/models/lemmas.model.
//
//   build/train_lemmas --out data/models/lemmas.model
//
// Deterministic: the same treebank and options give the same file (the
// date line aside). Score it with build/lemma_eval --model FILE.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "entities/conll_corpus.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"

namespace dateline {

int Main(int argc, char** argv) {
  std::string train = "../shared/datasets/ud-english/en_ewt-ud-train.conllu.gz";
  std::string out_path;
  int min_count = 2;
  CLI::App app{"Learn the clause layer's lemmatizer from a UD treebank"};
  app.add_option("--train", train, "CoNLL-U file (plain or .gz)");
  app.add_option("--min-count", min_count,
                 "a suffix rule needs at least this many forms showing it");
  app.add_option("--out", out_path, "model file to write")->required();
  CLI11_PARSE(app, argc, argv);
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(train, &sentences);
  if (!s.ok()) {
    std::fprintf(stderr, "train_lemmas: %s\n", s.ToString().c_str());
    return 2;
  }
  Lemmatizer lem = Lemmatizer::Train(sentences, min_count);
  char date[32];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  const std::string name = train.substr(train.find_last_of('/') + 1);
  std::string header =
      "dateline lemma table (src/syntax/lemmatizer.h)\n"
      "made_by\ttrain_lemmas (suffix rules and listed forms from gold "
      "lemmas)\n"
      "date\t" + std::string(date) + "\n"
      "train\t" + name + " md5 " + ConllFileMd5(train) + " (uncompressed)\n"
      "licence\tlearnt from UD English-EWT, CC BY-SA 4.0: this table is "
      "shared under the same terms\n"
      "options\tmin_count " + std::to_string(min_count) + " max_suffix 6\n"
      "size\t" + std::to_string(lem.rules()) + " rules, " +
      std::to_string(lem.forms()) + " listed forms\n"
      "rebuild\tbuild/train_lemmas --out data/models/lemmas.model";
  std::ofstream out(out_path, std::ios::binary);
  out << lem.Serialize(header);
  if (!out) {
    std::fprintf(stderr, "train_lemmas: cannot write %s\n", out_path.c_str());
    return 2;
  }
  std::printf("%zu rules, %zu listed forms -> %s\n", lem.rules(), lem.forms(),
              out_path.c_str());
  return 0;
}

}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

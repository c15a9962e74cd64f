// train_ner: trains dateline's sequence taggers on CoNLL-2003 columns with
// the project's own averaged-perceptron trainer (src/entities/tagger_model.h)
// and writes the model with a header recording how it was made.
//
//   build/train_ner --gazetteers data/gazetteers --out data/models/ner.model
//   build/train_ner --task pos   --out data/models/pos.model
//   build/train_ner --task chunk --out data/models/chunk.model
//
// Trains on --train, picks the epoch by the score on --dev (F1 for entities,
// token accuracy for POS and chunks) and never looks at the test files.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "entities/conll_corpus.h"
#include "entities/gazetteer.h"
#include "entities/tagger_model.h"
#include "syntax/parser_corpus.h"

namespace dateline {
namespace {

std::vector<TaggedDocument> ToTagged(const ConllCorpus& corpus, int column) {
  std::vector<TaggedDocument> out;
  for (const auto& d : corpus.documents) {
    TaggedDocument td;
    for (const auto& s : d.sentences) {
      std::vector<std::string> words, labels;
      for (const auto& t : s) {
        words.push_back(t.word);
        labels.push_back(column < static_cast<int>(t.columns.size())
                             ? t.columns[column]
                             : "O");
      }
      td.words.push_back(std::move(words));
      td.labels.push_back(std::move(labels));
    }
    out.push_back(std::move(td));
  }
  return out;
}

// Reads the titles and bodies of a Reuters-21578 style SGML collection
// (plain, .gz, or a .tar.gz of .sgm files: the tar headers are skipped as
// noise), or a (.gz) tar of plain-text articles (BBC News), and splits them
// into sentences of CoNLL-like tokens.
Status ReadUnlabelled(const std::string& path,
                      std::vector<std::vector<std::string>>* sentences) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(path, "cannot open");
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) data.append(buf, n);
  gzclose(f);
  if (n < 0) return Status::IOError(path, "read failed");
  auto emit_text = [&](std::string_view text) {
    std::vector<std::string> sentence;
    auto flush = [&] {
      if (!sentence.empty()) sentences->push_back(std::move(sentence));
      sentence.clear();
    };
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() &&
             std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
      size_t j = i;
      while (j < text.size() &&
             !std::isspace(static_cast<unsigned char>(text[j])))
        ++j;
      std::string tok(text.substr(i, j - i));
      i = j;
      if (tok.empty()) continue;
      // Entities of the SGML files.
      for (auto [from, to] : {std::pair<const char*, const char*>{"&lt;", "<"},
                              {"&gt;", ">"},
                              {"&amp;", "&"}}) {
        for (size_t at; (at = tok.find(from)) != std::string::npos;)
          tok.replace(at, std::strlen(from), to);
      }
      std::vector<std::string> after;
      while (!tok.empty() && std::strchr("\"(<", tok[0])) {
        if (tok[0] != '<') sentence.push_back(std::string(1, tok[0]));
        tok.erase(0, 1);
      }
      while (!tok.empty() && std::strchr(",;:\")>?!'", tok.back())) {
        if (tok.back() != '>')
          after.insert(after.begin(), std::string(1, tok.back()));
        tok.pop_back();
      }
      bool end = false;
      if (tok.size() > 1 && tok.back() == '.' &&
          tok.find('.') == tok.size() - 1 &&
          (tok.size() > 4 ||
           std::islower(static_cast<unsigned char>(tok[0])))) {
        tok.pop_back();
        after.insert(after.begin(), ".");
        end = true;
      }
      if (tok.size() > 2 && tok.compare(tok.size() - 2, 2, "'s") == 0) {
        sentence.push_back(tok.substr(0, tok.size() - 2));
        tok = "'s";
      }
      if (!tok.empty()) sentence.push_back(tok);
      for (auto& a : after) sentence.push_back(a);
      if (end ||
          (!after.empty() && (after.back() == "?" || after.back() == "!")))
        flush();
    }
    flush();
  };
  if (data.find("<BODY>") == std::string::npos) {
    // A tar (BBC News style) of plain-text articles: a headline line, then
    // paragraphs. Each line is split as text; the tar headers (512-byte
    // blocks: name, then the size in octal at byte 124) are skipped.
    size_t at = 0;
    while (at + 512 <= data.size()) {
      std::string_view header(data.data() + at, 512);
      if (header[0] == '\0') break;
      std::string name(header.substr(0, header.find('\0')));
      const size_t size = std::strtoull(
          std::string(header.substr(124, 12)).c_str(), nullptr, 8);
      const char type = header[156];
      at += 512;
      if (at + size > data.size()) break;
      const bool text = (type == '0' || type == '\0') && name.size() > 4 &&
                        name.compare(name.size() - 4, 4, ".txt") == 0 &&
                        name.find("README") == std::string::npos;
      if (text) {
        std::string_view body(data.data() + at, size);
        for (size_t i = 0; i < body.size();) {
          size_t nl = body.find('\n', i);
          if (nl == std::string_view::npos) nl = body.size();
          if (nl > i) emit_text(body.substr(i, nl - i));
          i = nl + 1;
        }
      }
      at += (size + 511) / 512 * 512;
    }
    return Status::OK();
  }
  for (const char* tag : {"TITLE", "BODY"}) {
    const std::string open = std::string("<") + tag + ">";
    const std::string close = std::string("</") + tag + ">";
    for (size_t at = data.find(open); at != std::string::npos;
         at = data.find(open, at)) {
      size_t begin = at + open.size();
      size_t end = data.find(close, begin);
      if (end == std::string::npos) break;
      emit_text(std::string_view(data).substr(begin, end - begin));
      at = end;
    }
  }
  return Status::OK();
}

// Scores `model` on `docs`: span F1 for BILOU models, token accuracy else.
SpanCounter Evaluate(const SequenceTagger& model,
                     const std::vector<TaggedDocument>& docs) {
  SpanCounter counter;
  std::vector<std::vector<std::string>> pred;
  for (const auto& d : docs) {
    TaggerDocument doc;
    for (const auto& s : d.words) doc.emplace_back(s.begin(), s.end());
    model.TagDocument(doc, &pred);
    for (size_t s = 0; s < d.labels.size(); ++s)
      counter.Add(d.labels[s], pred[s]);
  }
  return counter;
}

int Main(int argc, char** argv) {
  // Run from the repository root: the corpora live beside it, in ../shared.
  const std::string shared = "../shared/datasets/conll2003/";
  std::string task = "ner";
  std::string train_path = shared + "eng.train.iob2.txt.gz";
  std::string dev_path = shared + "eng.valid.iob2.txt.gz";
  std::string gaz_dir;
  std::string unlabelled;
  int min_count = 5;
  std::vector<std::string> cluster_text;
  std::string cluster_sizes = "64,256,1024";
  int cluster_min_count = 3;
  int cluster_iterations = 8;
  std::string out_path;
  int epochs = 15;
  int patience = 4;
  unsigned seed = 1;
  float prune = 0.0f;
  bool two_stage = true;
  int folds = 5;
  float word_dropout = 0.2f;
  bool viterbi = true;
  CLI::App app{"Train a dateline sequence tagger on CoNLL-2003 columns"};
  app.add_option("--task", task,
                 "ner (column 4), pos (column 2) or chunk (column 3)")
      ->check(CLI::IsMember({"ner", "pos", "chunk"}));
  app.add_option("--train", train_path, "training file (CoNLL, .gz ok)");
  app.add_option("--dev", dev_path, "development file: picks the epoch");
  app.add_option("--gazetteers", gaz_dir,
                 "directory of *.tsv name lists (ner only)");
  app.add_option("--unlabelled", unlabelled,
                 "ner, pos: unlabelled news (Reuters-21578 SGML, .tar.gz ok) for "
                 "word statistics");
  app.add_option("--min-count", min_count,
                 "words rarer than this in --unlabelled are ignored");
  app.add_option("--cluster-text", cluster_text,
                 "ner, pos: unlabelled text (Reuters SGML, a tar of text files or "
                 "a CoNLL-U treebank's words, "
                 ".gz ok; repeatable) to build word clusters from");
  app.add_option("--cluster-sizes", cluster_sizes,
                 "comma-separated class counts, one exchange clustering each");
  app.add_option("--cluster-min-count", cluster_min_count,
                 "words rarer than this in --cluster-text get no class");
  app.add_option("--cluster-iterations", cluster_iterations,
                 "exchange passes over the vocabulary per clustering");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--epochs", epochs, "maximum number of epochs");
  app.add_option(
      "--patience", patience,
      "stop after this many epochs without a better dev score (0 = never)");
  app.add_option("--seed", seed, "shuffling seed");
  app.add_option("--prune", prune, "drop averaged weights with |w| below this");
  app.add_option("--two-stage", two_stage,
                 "ner (default on), pos (default off): second stage on "
                 "first-stage tags (jackknifed in training)");
  std::string tables_from;
  app.add_option("--tables-from", tables_from,
                 "ner, pos: take the word statistics and clusters stored in "
                 "this model instead of building them (--unlabelled and "
                 "--cluster-text are then ignored; the same tables give the "
                 "same model)");
  app.add_option("--folds", folds,
                 "jackknife folds for the second stage's training tags");
  app.add_option("--word-dropout", word_dropout,
                 "share of training tokens trained without word features");
  app.add_option("--viterbi", viterbi,
                 "ner: structured perceptron with second-order Viterbi "
                 "decoding (else greedy)");
  std::vector<std::string> ud_train;
  std::string ud_dev;
  app.add_option("--ud-train", ud_train,
                 "pos: also train on this CoNLL-U treebank's XPOS tags "
                 "(repeatable; brackets, quotes and extra tags mapped to "
                 "CoNLL-2003's conventions)");
  bool conll_train = true;
  app.add_option("--conll-train", conll_train,
                 "pos: train on --train's tags too (false: the --ud-train "
                 "treebanks alone, the epoch kept by --ud-dev alone)");
  app.add_option("--ud-dev", ud_dev,
                 "pos: a CoNLL-U dev treebank; the epoch kept is then the best "
                 "mean of its accuracy and --dev's");
  CLI11_PARSE(app, argc, argv);

  const bool ner = task == "ner";
  const int column = task == "ner" ? 2 : task == "pos" ? 0 : 1;
  ConllCorpus train, dev;
  Status st = ReadConllFile(train_path, &train);
  if (st.ok()) st = ReadConllFile(dev_path, &dev);
  if (!st.ok()) {
    std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
    return 1;
  }
  Gazetteer gaz;
  if (ner && !gaz_dir.empty()) {
    st = gaz.LoadDirectory(gaz_dir);
    if (!st.ok()) {
      std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  std::fprintf(stderr,
               "train: %zu docs %zu tokens; dev: %zu docs %zu tokens; "
               "gazetteer: %zu entries, %zu types\n",
               train.documents.size(), train.TokenCount(), dev.documents.size(),
               dev.TokenCount(), gaz.size(), gaz.types().size());
  std::shared_ptr<const WordLexicon> lexicon;
  std::shared_ptr<const WordClusterTable> clusters;
  std::string cluster_info, lexicon_info;
  if (!tables_from.empty()) {
    SequenceTagger from;
    st = from.Load(tables_from);
    if (!st.ok()) {
      std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
      return 1;
    }
    lexicon = from.lexicon();
    clusters = from.clusters();
    for (const auto& [k, v] : from.info()) {
      if (k == "clusters") cluster_info = v + " (tables of " + tables_from + ")";
      if (k == "unlabelled") lexicon_info = v + " (tables of " + tables_from + ")";
    }
    unlabelled.clear();
    cluster_text.clear();
    std::fprintf(stderr, "tables from %s: %zu words of statistics, %zu "
                 "clustered words\n", tables_from.c_str(),
                 lexicon ? lexicon->size() : 0, clusters ? clusters->size() : 0);
  }
  if ((ner || task == "pos") && !unlabelled.empty()) {
    std::vector<std::vector<std::string>> sentences;
    st = ReadUnlabelled(unlabelled, &sentences);
    if (!st.ok()) {
      std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
      return 1;
    }
    size_t tokens = 0;
    for (const auto& s : sentences) tokens += s.size();
    lexicon =
        std::make_shared<WordLexicon>(BuildWordLexicon(sentences, min_count));
    std::fprintf(stderr,
                 "unlabelled: %zu sentences, %zu tokens, %zu words kept\n",
                 sentences.size(), tokens, lexicon->size());
  }
  if ((ner || task == "pos") && !cluster_text.empty()) {
    std::vector<std::vector<std::string>> sentences;
    std::string files;
    for (const auto& path : cluster_text) {
      size_t before = sentences.size();
      if (path.find(".conllu") != std::string::npos) {
        // A treebank's words only (no tags): web text beside the news.
        std::vector<ConlluSentence> ud;
        st = ReadConlluFile(path, &ud);
        for (const ConlluSentence& cs : ud) {
          std::vector<std::string> words;
          for (const ConlluWord& w : cs.words) words.push_back(w.form);
          sentences.push_back(std::move(words));
        }
      } else {
        st = ReadUnlabelled(path, &sentences);
      }
      if (!st.ok()) {
        std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
        return 1;
      }
      size_t tokens = 0;
      for (size_t i = before; i < sentences.size(); ++i)
        tokens += sentences[i].size();
      if (!files.empty()) files += ", ";
      files += std::filesystem::path(path).filename().string() + " md5 " +
               ConllFileMd5(path) + " (uncompressed, " +
               std::to_string(tokens) + " tokens)";
    }
    ClusterOptions copt;
    copt.classes.clear();
    for (size_t i = 0; i < cluster_sizes.size();) {
      size_t j = cluster_sizes.find(',', i);
      if (j == std::string::npos) j = cluster_sizes.size();
      int c = std::atoi(cluster_sizes.substr(i, j - i).c_str());
      if (c >= 2) copt.classes.push_back(c);
      i = j + 1;
    }
    copt.min_count = cluster_min_count;
    copt.iterations = cluster_iterations;
    auto t0 = std::chrono::steady_clock::now();
    std::string log;
    clusters = std::make_shared<WordClusterTable>(
        BuildWordClusters(sentences, copt, &log));
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    std::fprintf(stderr, "%sclusters: %zu words, sizes %s, %.0fs\n",
                 log.c_str(), clusters->size(), cluster_sizes.c_str(), secs);
    cluster_info = files +
                   "; exchange clustering (class bigram likelihood) "
                   "of lower-cased words seen >= " +
                   std::to_string(cluster_min_count) + " times into " +
                   cluster_sizes + " classes, " +
                   std::to_string(cluster_iterations) + " passes at most; " +
                   std::to_string(clusters->size()) + " words (hashed)";
  }
  std::vector<TaggedDocument> train_docs;
  if (task != "pos" || conll_train) train_docs = ToTagged(train, column);
  std::vector<TaggedDocument> dev_docs = ToTagged(dev, column);
  std::vector<TaggedDocument> ud_dev_docs;
  std::string ud_info;
  if (task == "pos") {
    for (const std::string& path : ud_train) {
      std::vector<TaggedDocument> docs;
      st = ReadUdTaggedDocuments(path, &docs);
      if (!st.ok()) {
        std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
        return 1;
      }
      train_docs.insert(train_docs.end(), docs.begin(), docs.end());
      ud_info += (ud_info.empty() ? "" : ", ") +
                 std::filesystem::path(path).filename().string() + " md5 " +
                 ConllFileMd5(path);
    }
    if (!ud_dev.empty()) {
      st = ReadUdTaggedDocuments(ud_dev, &ud_dev_docs);
      if (!st.ok()) {
        std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
        return 1;
      }
    }
  }

  TaggerTrainOptions options;
  options.encoding =
      ner ? SequenceTagger::Encoding::kBilou : SequenceTagger::Encoding::kPlain;
  options.epochs = epochs;
  options.seed = seed;
  options.prune = prune;
  options.patience = patience;
  std::string history;
  auto start = std::chrono::steady_clock::now();
  // POS: two stages only when asked for (the committed pos.model is one).
  options.two_stage =
      two_stage && (ner || (task == "pos" && app.count("--two-stage") > 0));
  options.folds = folds;
  options.word_dropout = word_dropout;
  options.viterbi = ner && viterbi;
  options.lexicon = lexicon;
  options.clusters = clusters;
  options.on_epoch = [&](int stage, int epoch, const SequenceTagger& model) {
    SpanCounter c = Evaluate(model, dev_docs);
    double score = ner ? c.All().F1() : c.TokenAccuracy();
    if (!ner && !ud_dev_docs.empty()) {
      const double ud = Evaluate(model, ud_dev_docs).TokenAccuracy();
      std::printf("  (dev %.2f, UD dev %.2f)\n", score, ud);
      score = conll_train ? (score + ud) / 2 : ud;
    }
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (epoch == 1 && stage > 0) {
      std::printf(
          "stage %d%s\n", stage,
          stage == 1 ? "" : " (features from stage 1's tags, jackknifed)");
      history += stage == 1 ? "stage1:" : " stage2:";
    }
    std::printf("epoch %2d  dev %s %.2f  (features %zu, %.0fs)\n", epoch,
                ner ? "F1" : "accuracy", score, model.feature_count(), secs);
    std::fflush(stdout);
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%s%d:%.2f",
                  history.empty() || history.back() == ':' ? "" : " ", epoch,
                  score);
    history += buf;
    return score;
  };
  SequenceTagger model;
  int best_epoch = 0;
  double best_score = 0;
  st = TrainSequenceTagger(train_docs, gaz, options, &model, &best_epoch,
                           &best_score);
  if (!st.ok()) {
    std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
    return 1;
  }
  SpanCounter dev_counts = Evaluate(model, dev_docs);

  char date[64];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  namespace fs = std::filesystem;
  model.AddInfo("made_by",
                options.viterbi
                    ? "train_ner (dateline structured averaged perceptron, "
                      "second-order Viterbi decoding)"
                    : "train_ner (dateline averaged perceptron, greedy "
                      "decoding)");
  model.AddInfo("date", date);
  model.AddInfo("task", task);
  model.AddInfo("train", fs::path(train_path).filename().string() + " md5 " +
                             ConllFileMd5(train_path) + " (uncompressed)");
  model.AddInfo("dev", fs::path(dev_path).filename().string() + " md5 " +
                           ConllFileMd5(dev_path) + " (uncompressed)");
  model.AddInfo("gazetteers", gaz_dir.empty() ? "none"
                                              : gaz_dir + " (" +
                                                    std::to_string(gaz.size()) +
                                                    " entries, copied below)");
  if (lexicon != nullptr && !lexicon_info.empty()) {
    model.AddInfo("unlabelled", lexicon_info);
  } else if (lexicon != nullptr) {
    model.AddInfo("unlabelled",
                  fs::path(unlabelled).filename().string() + " md5 " +
                      ConllFileMd5(unlabelled) + " (uncompressed); " +
                      std::to_string(lexicon->size()) +
                      " words seen >= " + std::to_string(min_count) +
                      " times: capitalised share, frequency, top left and "
                      "right neighbour (hashed)");
  }
  if (clusters != nullptr) model.AddInfo("clusters", cluster_info);
  if (!gaz_dir.empty()) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(gaz_dir))
      if (e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string list;
    for (const auto& f : files) {
      if (!list.empty()) list += ' ';
      list += f.filename().string();
      list += " md5 ";
      list += ConllFileMd5(f.string());
    }
    model.AddInfo("gazetteer_files", list);
  }
  model.AddInfo(
      "options",
      "epochs<=" + std::to_string(epochs) + " patience " +
          std::to_string(patience) + " seed " + std::to_string(seed) +
          " prune " + std::to_string(prune) + " word-dropout " +
          std::to_string(word_dropout) +
          (options.two_stage ? " two-stage folds " + std::to_string(folds)
                             : std::string()) +
          (options.viterbi ? " viterbi" : ""));
  model.AddInfo(
      "features",
      ner ? "word, lower, shape, short shape, prefixes/suffixes 1-4, "
            "words and shapes at -2..+2, bags of words at -4..-1 and +1..+4, "
            "bigrams, caps/digit/hyphen flags, headline, gazetteer "
            "B/I/exact/neighbours, document casing, previous two tags, "
            "tag of earlier occurrence in document; stage 2 adds stage-1 "
            "tags around the word and the types the word got anywhere "
            "in the document; BILOU labels, word dropout"
          : "word, lower, shape, prefixes/suffixes 1-4, context words, "
            "previous two tags");
  if (!ud_info.empty()) model.AddInfo("ud_train", ud_info);
  if (!ud_dev_docs.empty()) {
    model.AddInfo("ud_dev", std::filesystem::path(ud_dev).filename().string() +
                                " md5 " + ConllFileMd5(ud_dev) +
                                "; epochs scored by the mean of both dev "
                                "accuracies");
  }
  model.AddInfo("dev_by_epoch", history);
  model.AddInfo("best_epoch", std::to_string(best_epoch));
  char score[160];
  if (ner) {
    std::snprintf(score, sizeof(score),
                  "F1 %.2f (P %.2f R %.2f); PER/ORG/LOC F1 %.2f",
                  dev_counts.All().F1(), dev_counts.All().Precision(),
                  dev_counts.All().Recall(), dev_counts.All({"MISC"}).F1());
  } else {
    std::snprintf(score, sizeof(score), "token accuracy %.2f",
                  dev_counts.TokenAccuracy());
  }
  model.AddInfo("dev_score", score);
  std::printf("best epoch %d: dev %s\n", best_epoch, score);
  st = model.Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "train_ner: %s\n", st.ToString().c_str());
    return 1;
  }
  std::printf("wrote %s (%zu features, %ju bytes)\n", out_path.c_str(),
              model.feature_count(),
              static_cast<uintmax_t>(fs::file_size(out_path)));
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

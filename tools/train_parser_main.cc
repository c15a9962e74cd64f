// train_parser: trains dateline's dependency parser (src/syntax) on a
// Universal Dependencies treebank, with the project's own predicted tags.
//
//   build/train_parser --out data/models/parser.model
//
// Defaults read UD English-EWT from ../shared/datasets/ud-english (run from
// the repository root); the epoch kept is the best on EWT dev by LAS.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "entities/conll_corpus.h"
#include "entities/gazetteer.h"
#include "entities/tagger_model.h"
#include "syntax/parser_corpus.h"

namespace dateline {
namespace fs = std::filesystem;

int Main(int argc, char** argv) {
  const std::string shared = "../shared/datasets/ud-english/";
  std::string train_path = shared + "en_ewt-ud-train.conllu.gz";
  std::string dev_path = shared + "en_ewt-ud-dev.conllu.gz";
  std::string pos_path = "data/models/pos.model";
  std::string out_path;
  ParserTrainOptions opt;
  opt.epochs = 15;
  opt.patience = 3;
  // Greedy by default (the committed model). The beam model measured in
  // data/models/README.md: --beam 4 --decode-beam 2 (global training from
  // epoch 3, after two greedy epochs).
  opt.beam_from = 3;
  // The committed model's templates (arc-eager-v2); --features 3 adds the
  // ones measured in data/models/README.md (issue 12, second round).
  opt.feature_version = 2;
  CLI::App app{"Train dateline's dependency parser on a CoNLL-U treebank"};
  app.add_option("--train", train_path, "training treebank (CoNLL-U, .gz ok)");
  app.add_option("--dev", dev_path, "development treebank: picks the epoch");
  app.add_option("--pos", pos_path, "the part-of-speech model whose tags the "
                                    "parser reads");
  app.add_option("--out", out_path, "model file to write")->required();
  app.add_option("--epochs", opt.epochs, "maximum number of epochs");
  app.add_option("--patience", opt.patience,
                 "stop after this many epochs without a better dev LAS");
  app.add_option("--seed", opt.seed, "shuffling and exploration seed");
  app.add_option("--explore", opt.explore,
                 "probability of following the model's own wrong move");
  app.add_option("--explore-from", opt.explore_from,
                 "first epoch (1-based) with exploration");
  app.add_option("--prune", opt.prune,
                 "drop averaged weights with |w| below this");
  std::string tagger_train = "../shared/datasets/conll2003/eng.train.iob2.txt.gz";
  int jackknife = 5;
  int tagger_epochs = 13;
  bool use_clusters = true;
  int mix = 1;
  app.add_option("--mix", mix,
                 "train this many parsers (seeds seed, seed+1, ...) and keep "
                 "the mean of their weights (parameter mixing)");
  app.add_option("--clusters", use_clusters,
                 "use the word clusters stored in --pos as features");
  app.add_option("--jackknife", jackknife,
                 "tag the training treebank with this many fold taggers, each "
                 "trained as --pos was but without its fold (0: tag it with "
                 "--pos, which may have seen it)");
  app.add_option("--tagger-train", tagger_train,
                 "the CoNLL-2003 file the fold taggers also learn from (as "
                 "--pos did; none: the treebank alone, as train_ner "
                 "--conll-train false)");
  app.add_option("--tagger-epochs", tagger_epochs, "epochs of each fold tagger");
  bool tagger_two_stage = false;
  int tagger_ud_copies = 1;
  float tagger_dropout = 0.2f;
  app.add_option("--tagger-two-stage", tagger_two_stage,
                 "fold taggers in two stages (as `train_ner --task pos "
                 "--two-stage true`)");
  app.add_option("--tagger-ud-copies", tagger_ud_copies,
                 "fold taggers see the treebank's other folds this many times "
                 "(as --ud-train given that many times to train_ner)");
  app.add_option("--tagger-word-dropout", tagger_dropout,
                 "fold taggers' word dropout (as train_ner --word-dropout)");
  std::string tags_cache;
  app.add_option("--train-tags-cache", tags_cache,
                 "file of the jackknifed training tags (one sentence a line): "
                 "read when it exists, written after jackknifing otherwise "
                 "(saves the fold taggers' minutes between experiments; "
                 "delete it when --pos or the treebank change)");
  app.add_option("--beam", opt.beam,
                 "training beam width: above 1, the epochs from --beam-from "
                 "on train globally over the beam (structured perceptron, "
                 "max-violation update); 1: greedy, dynamic oracle only");
  app.add_option("--decode-beam", opt.decode_beam,
                 "the beam width the model parses with, and its epochs are "
                 "scored with (0: --beam)");
  app.add_option("--beam-from", opt.beam_from,
                 "first epoch (1-based) trained over the beam; the epochs "
                 "before it train the greedy parser with the dynamic oracle");
  app.add_option("--features", opt.feature_version,
                 "feature templates: 2 (arc-eager-v2) or 3 (v2 and more)")
      ->check(CLI::Range(2, 3));
  std::vector<std::string> extra_paths;
  size_t extra_max = 0;
  app.add_option("--extra-train", extra_paths,
                 "automatically parsed sentences (CoNLL-U of build/parse_news, "
                 "the pipeline's tags in XPOS) to uptrain on beside --train; "
                 "may be given more than once");
  app.add_option("--extra-per-epoch", opt.extra_per_epoch,
                 "sentences of --extra-train mixed into each epoch (the next "
                 "ones of the pool, shuffled once; 0: none)");
  app.add_option("--extra-max", extra_max,
                 "read at most this many sentences of each --extra-train file "
                 "(from its start; 0: all)");
  CLI11_PARSE(app, argc, argv);

  char dropout_text[32];
  std::snprintf(dropout_text, sizeof(dropout_text), "%g", tagger_dropout);
  auto fold_info = [&]() {
    return std::to_string(jackknife) +
           "-fold jackknifed taggers (CoNLL-2003 train + the other folds" +
           (tagger_ud_copies > 1
                ? " x" + std::to_string(tagger_ud_copies)
                : std::string()) +
           ", " + std::to_string(tagger_epochs) + " epochs" +
           (tagger_two_stage ? " per stage, two stages" : "") +
           ", word dropout " + dropout_text +
           ", the word statistics and clusters of " +
           fs::path(pos_path).filename().string() + ")";
  };
  SequenceTagger pos;
  Status st = pos.Load(pos_path);
  if (!st.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
    return 1;
  }
  std::vector<ParserExample> train, dev;
  double train_tags = 0, dev_tags = 0;
  st = LoadParserExamples(train_path, pos, &train, &train_tags);
  if (st.ok()) st = LoadParserExamples(dev_path, pos, &dev, &dev_tags);
  std::string tag_info;
  bool cached = false;
  if (st.ok() && jackknife > 1 && !tags_cache.empty() &&
      fs::exists(tags_cache)) {
    std::ifstream in(tags_cache);
    std::string line;
    size_t k = 0;
    long same = 0, words = 0;
    while (k < train.size() && std::getline(in, line)) {
      std::istringstream ts(line);
      std::vector<std::string> tags;
      std::string t;
      while (ts >> t) tags.push_back(t);
      if (tags.size() != train[k].tags.size()) break;
      train[k].tags = std::move(tags);
      ++k;
    }
    if (k != train.size()) {
      st = Status::Corruption(tags_cache, "does not match the treebank");
    } else {
      std::vector<TaggedDocument> ud;
      st = ReadUdTaggedDocuments(train_path, &ud);
      size_t e = 0;
      for (const auto& d : ud) {
        for (const auto& lab : d.labels) {
          for (size_t i = 0; e < train.size() && i < lab.size(); ++i) {
            same += train[e].tags[i] == lab[i];
            ++words;
          }
          ++e;
        }
      }
      train_tags = words ? 100.0 * same / words : 0;
      cached = true;
      tag_info = fold_info();
      std::fprintf(stderr, "training tags read from %s\n", tags_cache.c_str());
    }
  }
  if (st.ok() && jackknife > 1 && !cached) {
    // The parser must learn from tags as wrong as they will be at run time:
    // each fold of the treebank is tagged by a tagger that never saw it.
    ConllCorpus conll;
    if (tagger_train != "none") st = ReadConllFile(tagger_train, &conll);
    std::vector<TaggedDocument> base, ud;
    if (st.ok()) {
      for (const auto& d : conll.documents) {
        TaggedDocument td;
        for (const auto& sent : d.sentences) {
          std::vector<std::string> w, t;
          for (const auto& tok : sent) {
            w.push_back(tok.word);
            t.push_back(tok.columns.empty() ? "O" : tok.columns[0]);
          }
          td.words.push_back(std::move(w));
          td.labels.push_back(std::move(t));
        }
        base.push_back(std::move(td));
      }
      st = ReadUdTaggedDocuments(train_path, &ud);
    }
    long same = 0, words = 0;
    size_t sent_at = 0;  // first sentence of the current UD document
    std::vector<size_t> doc_first(ud.size());
    for (size_t d = 0; d < ud.size(); ++d) {
      doc_first[d] = sent_at;
      sent_at += ud[d].words.size();
    }
    for (int fold = 0; st.ok() && fold < jackknife; ++fold) {
      std::vector<TaggedDocument> docs = base;
      for (int copy = 0; copy < std::max(1, tagger_ud_copies); ++copy)
        for (size_t d = 0; d < ud.size(); ++d)
          if (static_cast<int>(d % jackknife) != fold) docs.push_back(ud[d]);
      TaggerTrainOptions topt;
      topt.encoding = SequenceTagger::Encoding::kPlain;
      topt.epochs = tagger_epochs;
      topt.seed = opt.seed;
      topt.word_dropout = tagger_dropout;
      topt.two_stage = tagger_two_stage;
      // The tables --pos was trained with, so the folds tag as it does.
      topt.lexicon = pos.lexicon();
      topt.clusters = pos.clusters();
      SequenceTagger tagger;
      st = TrainSequenceTagger(docs, Gazetteer(), topt, &tagger);
      for (size_t d = 0; st.ok() && d < ud.size(); ++d) {
        if (static_cast<int>(d % jackknife) != fold) continue;
        TaggerDocument doc;
        for (const auto& w : ud[d].words) doc.emplace_back(w.begin(), w.end());
        std::vector<std::vector<std::string>> tags;
        tagger.TagDocument(doc, &tags);
        for (size_t k = 0; k < tags.size(); ++k) {
          ParserExample& ex = train[doc_first[d] + k];
          for (size_t i = 0; i < ex.tags.size() && i < tags[k].size(); ++i) {
            ex.tags[i] = tags[k][i];
            same += tags[k][i] == ud[d].labels[k][i];
            ++words;
          }
        }
      }
      std::fprintf(stderr, "fold tagger %d of %d done\n", fold + 1, jackknife);
    }
    train_tags = words ? 100.0 * same / words : 0;
    tag_info = fold_info();
    if (st.ok() && !tags_cache.empty()) {
      std::ofstream out(tags_cache);
      for (const ParserExample& ex : train) {
        for (size_t i = 0; i < ex.tags.size(); ++i)
          out << (i ? " " : "") << ex.tags[i];
        out << '\n';
      }
      if (!out) std::fprintf(stderr, "cannot write %s\n", tags_cache.c_str());
    }
  }
  std::vector<ParserExample> extra;
  std::string extra_info;
  for (size_t i = 0; st.ok() && i < extra_paths.size(); ++i) {
    std::vector<ParserExample> part;
    st = LoadAutoParsedExamples(extra_paths[i], extra_max, &part);
    long words = 0;
    for (const ParserExample& ex : part) words += ex.words.size();
    extra_info += (extra_info.empty() ? "" : "; ") +
                  fs::path(extra_paths[i]).filename().string() + " md5 " +
                  ConllFileMd5(extra_paths[i]) + " (" +
                  std::to_string(part.size()) + " sentences, " +
                  std::to_string(words) + " words read)";
    for (ParserExample& ex : part) extra.push_back(std::move(ex));
  }
  if (!extra.empty() && opt.extra_per_epoch > 0) {
    opt.extra = &extra;
    std::fprintf(stderr, "extra: %zu sentences, %zu an epoch\n", extra.size(),
                 opt.extra_per_epoch);
  }
  if (!st.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "train: %zu sentences (tags %.2f%% = XPOS); dev: %zu (%.2f%%)\n",
               train.size(), train_tags, dev.size(), dev_tags);
  std::string history;
  const auto start = std::chrono::steady_clock::now();
  opt.on_epoch = [&](int epoch, const DependencyParser& m) {
    AttachmentCounter c;
    ScoreParser(m, dev, &c);
    const double secs = std::chrono::duration<double>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    std::fprintf(stderr, "epoch %d: dev UAS %.2f LAS %.2f (%.0fs)\n", epoch,
                 c.Uas(), c.Las(), secs);
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%s%d:%.2f/%.2f", history.empty() ? "" : " ",
                  epoch, c.Uas(), c.Las());
    history += buf;
    return c.Las();
  };
  DependencyParser model;
  char date[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  model.AddInfo("made_by",
                opt.beam > 1
                    ? "train_parser (dateline arc-eager parser, averaged "
                      "perceptron, dynamic oracle, then global training over "
                      "a beam with max-violation updates)"
                    : "train_parser (dateline arc-eager parser, averaged "
                      "perceptron, dynamic oracle)");
  model.AddInfo("date", date);
  model.AddInfo("train", fs::path(train_path).filename().string() + " md5 " +
                             ConllFileMd5(train_path));
  model.AddInfo("dev", fs::path(dev_path).filename().string() + " md5 " +
                           ConllFileMd5(dev_path));
  if (train_path.find("ewt") != std::string::npos) {
    model.AddInfo("licence",
                  "trained on UD English-EWT, CC BY-SA 4.0: this model is "
                  "shared under the same terms");
  }
  if (use_clusters && pos.clusters() != nullptr) {
    opt.clusters = pos.clusters();
    model.AddInfo("clusters", "the word clusters of " +
                                  fs::path(pos_path).filename().string() +
                                  " (" + std::to_string(opt.clusters->size()) +
                                  " hashed words)");
  }
  model.AddInfo("tags",
                "train: " + (tag_info.empty() ? "predicted by " + fs::path(pos_path).filename().string() : tag_info) +
                    " (" + std::to_string(train_tags).substr(0, 5) +
                    "% as the treebank's XPOS); dev: predicted by " +
                    fs::path(pos_path).filename().string() + " (" +
                    std::to_string(dev_tags).substr(0, 5) + "%)");
  char options[384];
  std::snprintf(options, sizeof(options),
                "epochs %d patience %d seed %u explore %.2f explore_from %d "
                "prune %g mix %d jackknife %d tagger_epochs %d%s clusters %d "
                "features v%d%s",
                opt.epochs, opt.patience, opt.seed, opt.explore,
                opt.explore_from, opt.prune, mix, jackknife, tagger_epochs,
                (std::string(tagger_two_stage ? " tagger_two_stage 1" : "") +
                 (tagger_ud_copies > 1
                      ? " tagger_ud_copies " + std::to_string(tagger_ud_copies)
                      : std::string()) +
                 (tagger_dropout != 0.2f
                      ? std::string(" tagger_word_dropout ") + dropout_text
                      : std::string()))
                    .c_str(),
                use_clusters ? 1 : 0, opt.feature_version,
                opt.beam > 1 ? (" beam " + std::to_string(opt.beam) +
                                " beam_from " + std::to_string(opt.beam_from) +
                                " decode_beam " +
                                std::to_string(opt.decode_beam))
                                   .c_str()
                             : "");
  model.AddInfo("options", options);
  if (opt.extra != nullptr) {
    model.AddInfo("extra_train",
                  "uptraining: " + extra_info + "; " +
                      std::to_string(opt.extra_per_epoch) +
                      " of them mixed into each epoch");
  }
  std::vector<DependencyParser> runs(std::max(mix, 1));
  std::string kept;
  const uint32_t first_seed = opt.seed;
  for (size_t r = 0; r < runs.size(); ++r) {
    opt.seed = first_seed + static_cast<uint32_t>(r);
    if (runs.size() > 1) {
      std::fprintf(stderr, "run %zu of %zu (seed %u)\n", r + 1, runs.size(),
                   opt.seed);
      history += (history.empty() ? "" : " | ") + std::string("seed ") +
                 std::to_string(opt.seed) + ":";
    }
    int best_epoch = 0;
    double best = 0;
    runs[r] = DependencyParser();
    for (const auto& [k, v] : model.info()) runs[r].AddInfo(k, v);
    st = TrainDependencyParser(train, opt, &runs[r], &best_epoch, &best);
    if (!st.ok()) {
      std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
      return 1;
    }
    kept += (kept.empty() ? "" : " ") + std::to_string(best_epoch);
  }
  if (runs.size() == 1) {
    model = std::move(runs[0]);
  } else {
    std::vector<const DependencyParser*> parts;
    for (const DependencyParser& m : runs) parts.push_back(&m);
    st = DependencyParser::Mean(parts, &model);
    if (!st.ok()) {
      std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
      return 1;
    }
    model.AddInfo("mixed", std::to_string(runs.size()) +
                               " runs (seeds " + std::to_string(first_seed) +
                               ".." +
                               std::to_string(first_seed + runs.size() - 1) +
                               "), each at its best dev epoch; weights averaged");
  }
  AttachmentCounter c;
  ScoreParser(model, dev, &c);
  model.AddInfo("dev_by_epoch", "UAS/LAS " + history);
  model.AddInfo("best_epoch", kept);
  char score[96];
  std::snprintf(score, sizeof(score), "UAS %.2f LAS %.2f", c.Uas(), c.Las());
  model.AddInfo("dev_score", score);
  st = model.Save(out_path);
  if (!st.ok()) {
    std::fprintf(stderr, "train_parser: %s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "kept epoch(s) %s: dev %s -> %s\n", kept.c_str(),
               score, out_path.c_str());
  return 0;
}

}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

#include "syntax/parser_corpus.h"

#include "syntax/tag_repair.h"

namespace dateline {

std::string ConllStyleTag(const std::string& xpos) {
  if (xpos == "-LRB-") return "(";
  if (xpos == "-RRB-") return ")";
  if (xpos == "``" || xpos == "''") return "\"";
  if (xpos == "HYPH" || xpos == "NFP") return ":";
  if (xpos == "ADD") return "NNP";
  if (xpos == "AFX") return "JJ";
  if (xpos == "GW" || xpos == "XX" || xpos == "_") return "FW";
  return xpos;
}

Status ReadUdTaggedDocuments(const std::string& path,
                             std::vector<TaggedDocument>* docs) {
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(path, &sentences);
  if (!s.ok()) return s;
  docs->clear();
  TaggedDocument doc;
  for (const ConlluSentence& cs : sentences) {
    std::vector<std::string> words, tags;
    for (const ConlluWord& w : cs.words) {
      words.push_back(w.form);
      tags.push_back(ConllStyleTag(w.xpos));
    }
    doc.words.push_back(std::move(words));
    doc.labels.push_back(std::move(tags));
    if (doc.words.size() >= 100) {
      docs->push_back(std::move(doc));
      doc = TaggedDocument();
    }
  }
  if (!doc.words.empty()) docs->push_back(std::move(doc));
  return Status::OK();
}

Status LoadParserExamples(const std::string& path, const SequenceTagger& pos,
                          std::vector<ParserExample>* examples,
                          double* gold_tag_accuracy, bool gold_tags) {
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(path, &sentences);
  if (!s.ok()) return s;
  examples->clear();
  examples->reserve(sentences.size());
  long words = 0, same = 0;
  // Tagged in documents of up to 200 sentences (the tagger's unit).
  constexpr size_t kBatch = 200;
  for (size_t begin = 0; begin < sentences.size(); begin += kBatch) {
    const size_t end = std::min(sentences.size(), begin + kBatch);
    TaggerDocument doc;
    for (size_t i = begin; i < end; ++i) {
      TaggerSentence ts;
      for (const ConlluWord& w : sentences[i].words) ts.push_back(w.form);
      doc.push_back(std::move(ts));
    }
    std::vector<std::vector<std::string>> tags;
    pos.TagDocument(doc, &tags);
    for (size_t i = begin; i < end; ++i) {
      const ConlluSentence& cs = sentences[i];
      ParserExample ex;
      for (size_t k = 0; k < cs.words.size(); ++k) {
        const ConlluWord& w = cs.words[k];
        ex.words.push_back(w.form);
        ex.tags.push_back(k < tags[i - begin].size() ? tags[i - begin][k] : "");
        ex.heads.push_back(w.head - 1);
        ex.labels.push_back(w.deprel);
        ++words;
        same += ex.tags.back() == ConllStyleTag(w.xpos);
        if (gold_tags) ex.tags.back() = ConllStyleTag(w.xpos);
      }
      examples->push_back(std::move(ex));
    }
  }
  if (gold_tag_accuracy != nullptr)
    *gold_tag_accuracy = words ? 100.0 * same / words : 0;
  return Status::OK();
}

Status LoadAutoParsedExamples(const std::string& path, size_t max_sentences,
                              std::vector<ParserExample>* examples) {
  std::vector<ConlluSentence> sentences;
  Status s = ReadConlluFile(path, &sentences);
  if (!s.ok()) return s;
  if (max_sentences > 0 && sentences.size() > max_sentences)
    sentences.resize(max_sentences);
  examples->clear();
  examples->reserve(sentences.size());
  for (const ConlluSentence& cs : sentences) {
    ParserExample ex;
    for (const ConlluWord& w : cs.words) {
      ex.words.push_back(w.form);
      ex.tags.push_back(w.xpos);
      ex.heads.push_back(w.head - 1);
      ex.labels.push_back(w.deprel);
    }
    examples->push_back(std::move(ex));
  }
  return Status::OK();
}

void ScoreParser(const DependencyParser& parser,
                 const std::vector<ParserExample>& examples,
                 AttachmentCounter* counter, bool repair_tags) {
  DependencyTree tree;
  std::vector<std::string_view> words, tags;
  std::vector<int> gold_heads, heads;
  std::vector<std::string> labels;
  for (const ParserExample& ex : examples) {
    words.assign(ex.words.begin(), ex.words.end());
    tags.assign(ex.tags.begin(), ex.tags.end());
    if (repair_tags) RepairFiniteVerb(&tags);
    parser.Parse(words, tags, &tree);
    gold_heads.clear();
    heads.clear();
    labels.clear();
    for (size_t i = 0; i < ex.words.size(); ++i) {
      gold_heads.push_back(ex.heads[i] + 1);
      heads.push_back(tree.heads[i] + 1);
      labels.push_back(parser.labels()[tree.labels[i]]);
    }
    counter->Add(gold_heads, ex.labels, heads, labels);
  }
}

}  // namespace dateline

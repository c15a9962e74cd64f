#include "syntax/conllu.h"

#include <charconv>

#include "entities/conll_corpus.h"

namespace dateline {
namespace {

bool ParseInt(std::string_view s, int* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Status ParseConllu(std::string_view text, const std::string& name,
                   std::vector<ConlluSentence>* sentences) {
  sentences->clear();
  ConlluSentence cur;
  size_t line_no = 0, pos = 0;
  auto finish = [&]() -> Status {
    if (cur.words.empty()) {
      cur = ConlluSentence();
      return Status::OK();
    }
    for (const ConlluWord& w : cur.words) {
      if (w.head < 0 || w.head > static_cast<int>(cur.words.size())) {
        return Status::Corruption(name, "head outside its sentence before line " +
                                            std::to_string(line_no));
      }
    }
    sentences->push_back(std::move(cur));
    cur = ConlluSentence();
    return Status::OK();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      Status s = finish();
      if (!s.ok()) return s;
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kId = "# sent_id = ";
      if (line.substr(0, kId.size()) == kId) cur.id = line.substr(kId.size());
      continue;
    }
    std::string_view cols[10];
    size_t n = 0, b = 0;
    while (n < 10) {
      size_t t = line.find('\t', b);
      cols[n++] = line.substr(b, t == std::string_view::npos ? t : t - b);
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    const std::string where = " on line " + std::to_string(line_no);
    if (n < 10) return Status::Corruption(name, "fewer than 10 columns" + where);
    if (cols[0].find_first_of("-.") != std::string_view::npos) continue;
    int id = 0, head = 0;
    if (!ParseInt(cols[0], &id) || id != static_cast<int>(cur.words.size()) + 1) {
      return Status::Corruption(name, "bad word ID" + where);
    }
    if (!ParseInt(cols[6], &head)) {
      return Status::Corruption(name, "bad HEAD" + where);
    }
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.head = head;
    w.deprel = cols[7];
    w.space_after = cols[9].find("SpaceAfter=No") == std::string_view::npos;
    cur.words.push_back(std::move(w));
    if (nl == text.size()) break;
  }
  return finish();
}

Status ReadConlluFile(const std::string& path,
                      std::vector<ConlluSentence>* sentences) {
  std::string data;
  if (!ReadCorpusFile(path, &data)) return Status::IOError(path, "cannot read");
  return ParseConllu(data, path, sentences);
}

std::string UniversalRelation(const std::string& label) {
  return label.substr(0, label.find(':'));
}

AttachmentCounter::Counts* AttachmentCounter::Find(
    const std::string& relation) {
  for (auto& [name, counts] : relations_) {
    if (name == relation) return &counts;
  }
  relations_.emplace_back(relation, Counts());
  return &relations_.back().second;
}

void AttachmentCounter::Add(const std::vector<int>& gold_heads,
                            const std::vector<std::string>& gold_labels,
                            const std::vector<int>& heads,
                            const std::vector<std::string>& labels) {
  for (size_t i = 0; i < gold_heads.size(); ++i) {
    ++words_;
    const std::string gold = UniversalRelation(gold_labels[i]);
    const std::string pred =
        i < labels.size() ? UniversalRelation(labels[i]) : std::string();
    const bool head_ok = i < heads.size() && heads[i] == gold_heads[i];
    uas_ += head_ok;
    las_ += head_ok && gold == pred;
    full_las_ += head_ok && i < labels.size() && labels[i] == gold_labels[i];
    ++Find(gold)->gold;
    if (!pred.empty()) ++Find(pred)->predicted;
    if (head_ok && gold == pred) ++Find(gold)->correct;
  }
}

AttachmentCounter::Counts AttachmentCounter::Relation(
    const std::string& relation) const {
  for (const auto& [name, counts] : relations_) {
    if (name == relation) return counts;
  }
  return Counts();
}

double AttachmentCounter::RelationF1(const std::string& relation) const {
  const Counts c = Relation(relation);
  if (c.gold + c.predicted == 0) return 0;
  return 200.0 * c.correct / (c.gold + c.predicted);
}

}  // namespace dateline

#include "syntax/noun_frames.h"

#include "base/ascii.h"
#include "base/tsv_table.h"

namespace dateline {
namespace {

bool IsNone(const std::string& s) { return s.empty() || s == "-"; }

// Reads one row (noun, verb, agent, patient, code, flags) into *f.
bool ParseRow(const TsvRow& row, NounFrame* f) {
  f->noun = AsciiLower(row[0]);
  if (f->noun.empty()) return false;
  f->verb = IsNone(row[1]) ? "" : AsciiLower(row[1]);
  if (!IsNone(row[2])) {
    for (const std::string& a : SplitList(row[2])) {
      if (a == "poss") f->agent_poss = true;
      else if (a == "mod") f->agent_mod = true;
      else if (a == "by") f->agent_by = true;
      else return false;
    }
  }
  if (!IsNone(row[3])) f->patient = SplitList(row[3]);
  f->code = IsNone(row[4]) ? "" : row[4];
  std::string rest;
  for (const std::string& flag : SplitList(row[5], ',')) {
    if (flag == "bound") {
      f->bound = true;
    } else if (flag == "negates") {
      f->negates = true;
    } else {
      if (!rest.empty()) rest += ',';
      rest += flag;
    }
  }
  f->flags = rest;
  for (char ch : f->code) {
    if (ch < '0' || ch > '9') return false;
  }
  // An event row needs a code or a verb to take one from.
  return f->negates || !f->code.empty() || !f->verb.empty();
}

}  // namespace

Status NounFrames::LoadFile(const std::string& path) {
  std::vector<TsvRow> rows;
  Status s = ReadTsv(path, &rows);
  if (!s.ok()) return s;
  std::string bad;
  for (const TsvRow& row : rows) {
    NounFrame f;
    f.line = row.line;
    if (!ParseRow(row, &f) || index_.count(f.noun)) {
      if (!bad.empty()) bad += ',';
      bad += std::to_string(row.line);
      continue;
    }
    index_.emplace(f.noun, frames_.size());
    frames_.push_back(std::move(f));
  }
  if (!bad.empty()) return Status::Corruption("bad frame lines " + bad, path);
  return Status::OK();
}

const NounFrame* NounFrames::Find(std::string_view lemma) const {
  auto it = index_.find(std::string(lemma));
  if (it == index_.end() || frames_[it->second].negates) return nullptr;
  return &frames_[it->second];
}

bool NounFrames::Negates(std::string_view lemma) const {
  auto it = index_.find(std::string(lemma));
  return it != index_.end() && frames_[it->second].negates;
}

}  // namespace dateline

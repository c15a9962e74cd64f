#include "quotes/cue_model.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string_view>

#include "quotes/weights_file.h"

namespace dateline {
namespace {

std::string LowerWord(const Document& doc, int i) {
  if (i < 0 || i >= static_cast<int>(doc.tokens.size())) return "<none>";
  const Span& t = doc.tokens[i];
  if (t.end > doc.text.size() || t.begin > t.end) return "<none>";
  std::string_view w(doc.text.data() + t.begin, t.end - t.begin);
  if (w.size() > 24) return "<long>";
  std::string o(w);
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

// The clause layer's view of token i (Document::clauses): the lemma of the
// clause it heads, which arguments it has (a clausal complement is what a
// verb of saying or thinking takes), what kind of thing its agent is, its
// polarity and modality, and whether another clause reports it. Adds
// "cl none" when i heads no clause.
template <typename Add>
void ClauseFeatures(const Document& doc, int i, Add add) {
  if (doc.clauses.empty() || i < 0 ||
      i >= static_cast<int>(doc.tokens.size())) {
    return;
  }
  // Clauses come in token order (syntax/clauses.cc): the ones of i's
  // sentence are found by a binary search on their sentence spans.
  const uint32_t b = doc.tokens[i].begin;
  auto it = std::partition_point(
      doc.clauses.begin(), doc.clauses.end(),
      [&](const Clause& c) { return c.sentence.end <= b; });
  const Clause* cl = nullptr;
  for (; it != doc.clauses.end() && it->sentence.begin <= b; ++it) {
    if (it->predicate == static_cast<uint32_t>(i)) {
      cl = &*it;
      break;
    }
  }
  if (cl == nullptr) {
    add("cl", "none");
    return;
  }
  std::string roles;
  std::string agent = "none", comp = "none";
  for (const ClauseArgument& arg : cl->arguments) {
    std::string r = arg.role;
    if (r == "oblique") r += ":" + arg.preposition;
    if (roles.find(r) == std::string::npos && roles.size() < 64) {
      if (!roles.empty()) roles.push_back('+');
      roles += r;
    }
    if (arg.role == "agent" && agent == "none") {
      agent = "np";
      if (!arg.entity.empty()) {
        for (const Entity& e : doc.entities) {
          if (e.id == arg.entity) {
            agent = e.type;
            break;
          }
        }
      } else if (arg.head < doc.tokens.size() &&
                 doc.pos.size() == doc.tokens.size() &&
                 doc.pos[arg.head] == "PRP") {
        agent = "prp";
      }
    }
    if (arg.role == "complement" && comp == "none") {
      comp = "clause";
      if (arg.clause >= 0 &&
          arg.clause < static_cast<int>(doc.clauses.size())) {
        const Clause& inner = doc.clauses[arg.clause];
        bool subject = false;
        for (const ClauseArgument& x : inner.arguments) {
          if (x.role == "agent" && !x.controlled) subject = true;
        }
        comp = subject ? "finite" : "controlled";
      }
    }
  }
  add("cl.lemma", cl->lemma);
  add("cl.roles", roles);
  add("cl.agent", agent);
  add("cl.comp", comp);
  add("cl.lemmacomp", cl->lemma, comp);
  add("cl.agentcomp", agent, comp);
  add("cl.voice", cl->voice, comp);
  add("cl.neg", cl->negated ? "1" : "0");
  add("cl.mod", cl->modality);
  add("cl.attr", cl->attributed_by >= 0 ? "1" : "0");
}

}  // namespace

void CueModel::Features(const Document& doc, int i, int sb, int se,
                        std::vector<uint64_t>* features) {
  features->clear();
  const int n = static_cast<int>(doc.tokens.size());
  const bool pos = doc.pos.size() == doc.tokens.size();
  const bool chunks = doc.chunks.size() == doc.tokens.size();
  auto word = [&](int k) {
    return k < sb || k >= se ? std::string("<s>") : LowerWord(doc, k);
  };
  auto tag = [&](int k) {
    return !pos || k < sb || k >= se || k >= n ? std::string("<s>") : doc.pos[k];
  };
  auto add = [&](std::string_view name, std::string_view a,
                 std::string_view b = {}) {
    features->push_back(FeatureHash().Add("cue").Add(name).Add(a).Add(b).value());
  };
  const std::string w = word(i);
  add("bias", "");
  add("w", w);
  add("suf3", w.size() > 3 ? w.substr(w.size() - 3) : w);
  add("t", tag(i));
  add("w-1", word(i - 1));
  add("w+1", word(i + 1));
  add("w+2", word(i + 2));
  add("t-1", tag(i - 1));
  add("t+1", tag(i + 1));
  add("t-1t+1", tag(i - 1), tag(i + 1));
  add("ww+1", w, word(i + 1));
  add("w-1w", word(i - 1), w);
  add("wt+1", w, tag(i + 1));
  if (chunks && i < n) add("c", doc.chunks[i]);
  // What comes soon after: a complementizer, a colon, a quotation mark.
  std::string after = "none";
  for (int k = i + 1; k < se && k < i + 6; ++k) {
    std::string x = word(k);
    if (x == "that" || x == ":" || x == "\"" || x == "\xE2\x80\x9C" ||
        x == "whether" || x == "if") {
      after = x;
      break;
    }
  }
  add("after", after);
  add("wafter", w, after);
  add("first", i == sb ? "1" : i - sb < 4 ? "2" : "3");
  add("last", se - i <= 3 ? "1" : "0");
  ClauseFeatures(doc, i, add);
}

double CueModel::Score(const std::vector<uint64_t>& features) const {
  double s = 0;
  for (uint64_t f : features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) s += it->second;
  }
  return s;
}

Status CueModel::Train(
    const std::vector<std::pair<std::vector<uint64_t>, bool>>& examples,
    int epochs, uint32_t seed, CueModel* out) {
  if (examples.empty()) return Status::InvalidArgument("no cue examples", "");
  // w: current weights; u: the sum of c * update, so that the average over
  // all steps is w - u / c (Daume's trick).
  std::unordered_map<uint64_t, std::pair<double, double>> wu;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(seed);
  double c = 1;
  for (int ep = 0; ep < epochs; ++ep) {
    for (size_t k = order.size(); k > 1; --k) {
      std::uniform_int_distribution<size_t> d(0, k - 1);
      std::swap(order[k - 1], order[d(rng)]);
    }
    for (size_t idx : order) {
      const auto& [f, y] = examples[idx];
      double s = 0;
      for (uint64_t x : f) {
        auto it = wu.find(x);
        if (it != wu.end()) s += it->second.first;
      }
      double sign = y ? 1 : -1;
      if (sign * s <= 0) {
        for (uint64_t x : f) {
          auto& e = wu[x];
          e.first += sign;
          e.second += c * sign;
        }
      }
      c += 1;
    }
  }
  out->weights_.clear();
  for (const auto& [k, e] : wu) {
    float w = static_cast<float>(e.first - e.second / c);
    if (w != 0) out->weights_[k] = w;
  }
  return Status::OK();
}

Status CueModel::Save(const std::string& path) const {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Status::IOError(path, "cannot write the cue model");
  std::fprintf(f, "# quotes cue model (src/quotes/cue_model.h)\n");
  for (const std::string& line : info_) std::fprintf(f, "# %s\n", line.c_str());
  std::fprintf(f, "threshold %.6g\n", threshold_);
  std::vector<std::pair<uint64_t, float>> rows(weights_.begin(), weights_.end());
  std::sort(rows.begin(), rows.end());
  for (const auto& [k, w] : rows) std::fprintf(f, "%016" PRIx64 " %.6g\n", k, w);
  bool ok = std::fclose(f) == 0;
  if (!ok) return Status::IOError(path, "cannot write the cue model");
  return Status::OK();
}

Status CueModel::Load(const std::string& path) {
  return ReadWeightsFile(path, "threshold", &threshold_, &weights_, &info_);
}

}  // namespace dateline

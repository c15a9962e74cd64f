#include "quotes/quote_model.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string_view>

#include "quotes/weights_file.h"

namespace dateline {
namespace {

// The words of a document as the features see them.
class View {
 public:
  explicit View(const Document& doc)
      : doc_(doc),
        has_pos_(doc.pos.size() == doc.tokens.size()),
        has_chunks_(doc.chunks.size() == doc.tokens.size()) {}

  int size() const { return static_cast<int>(doc_.tokens.size()); }
  std::string_view Raw(int i) const {
    const Span& s = doc_.tokens[i];
    return std::string_view(doc_.text).substr(s.begin, s.end - s.begin);
  }
  // Lower case (ASCII, curly apostrophe as straight), long tokens cut.
  std::string Word(int i, int sb, int se) const {
    if (i < sb) return "<S>";
    if (i >= se) return "</S>";
    std::string_view t = Raw(i);
    std::string s;
    for (size_t k = 0; k < t.size() && s.size() < 24; ++k) {
      char c = t[k];
      if (c == '\xE2' && k + 2 < t.size() && t[k + 1] == '\x80' &&
          (t[k + 2] == '\x99' || t[k + 2] == '\x98')) {
        s.push_back('\'');
        k += 2;
        continue;
      }
      if (c == '\xE2' && k + 2 < t.size() && t[k + 1] == '\x80' &&
          (t[k + 2] == '\x9C' || t[k + 2] == '\x9D')) {
        s.push_back('"');
        k += 2;
        continue;
      }
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      s.push_back(c);
    }
    return s;
  }
  std::string_view Pos(int i, int sb, int se) const {
    if (i < sb) return "<S>";
    if (i >= se) return "</S>";
    return has_pos_ ? std::string_view(doc_.pos[i]) : std::string_view("-");
  }
  std::string_view Chunk(int i, int sb, int se) const {
    if (i < sb || i >= se) return "-";
    return has_chunks_ ? std::string_view(doc_.chunks[i]) : std::string_view("-");
  }
  bool Alnum(int i) const {
    std::string_view t = Raw(i);
    return !t.empty() && (std::isalnum(static_cast<unsigned char>(t[0])) ||
                          static_cast<unsigned char>(t[0]) >= 0xC3);
  }
  // Index of the token beginning at byte b, or -1.
  int TokenBeginningAt(uint32_t b) const {
    auto it = std::lower_bound(
        doc_.tokens.begin(), doc_.tokens.end(), b,
        [](const Span& s, uint32_t x) { return s.begin < x; });
    if (it == doc_.tokens.end() || it->begin != b) return -1;
    return static_cast<int>(it - doc_.tokens.begin());
  }
  // Index one past the token ending at byte e, or -1.
  int TokenEndingAt(uint32_t e) const {
    auto it = std::lower_bound(
        doc_.tokens.begin(), doc_.tokens.end(), e,
        [](const Span& s, uint32_t x) { return s.end < x; });
    if (it == doc_.tokens.end() || it->end != e) return -1;
    return static_cast<int>(it - doc_.tokens.begin()) + 1;
  }
  // First token at or after byte b.
  int FirstTokenFrom(uint32_t b) const {
    auto it = std::lower_bound(
        doc_.tokens.begin(), doc_.tokens.end(), b,
        [](const Span& s, uint32_t x) { return s.begin < x; });
    return static_cast<int>(it - doc_.tokens.begin());
  }

 private:
  const Document& doc_;
  bool has_pos_, has_chunks_;
};

// How many quotes on either side the nesting features look at.
constexpr size_t kNeighbours = 64;


int LengthBucket(int n) {
  int b = 0;
  while (n > 1 && b < 6) {
    n /= 2;
    ++b;
  }
  return b;
}

// The distance feature of a candidate: exact within kWindow, a band beyond.
int DistanceFeature(int d) {
  int a = std::abs(d);
  if (a <= QuoteModel::kWindow) return d;
  int band = a <= 16 ? 16 : a <= 32 ? 32 : 64;
  return d < 0 ? -band : band;
}

// Whether a candidate more than kWindow tokens from the rules' bound is
// looked at: only where a clause or phrase may end (end) or begin (start),
// at punctuation, a conjunction, a preposition, a wh-word or a participle,
// which keeps the far candidates few.
bool PhraseBreak(const View& v, int k, int sb, int se) {
  if (k < sb || k >= se) return true;
  if (!v.Alnum(k)) return true;
  std::string_view p = v.Pos(k, sb, se);
  return p == "CC" || p == "IN" || p == "TO" || p == "WDT" || p == "WP" ||
         p == "WRB" || p == "VBG";
}

// What a candidate more than kWindow tokens from the rules' bound adds or
// drops, in a few features instead of one per token: the distinct parts of
// speech and punctuation marks, and how many commas.
class FarRegion {
 public:
  void Summarise(const View& v, int lo, int hi, int sb, int se) {
    pos_.clear();
    punct_.clear();
    commas_ = 0;
    for (int k = lo; k < hi; ++k) {
      std::string_view p = v.Pos(k, sb, se);
      if (std::find(pos_.begin(), pos_.end(), p) == pos_.end()) pos_.push_back(p);
      if (!v.Alnum(k)) {
        std::string_view w = v.Raw(k);
        if (w == ",") ++commas_;
        if (std::find(punct_.begin(), punct_.end(), w) == punct_.end()) {
          punct_.push_back(w);
        }
      }
    }
  }
  void Emit(const FeatureHash& base, std::vector<uint64_t>* f) const {
    for (std::string_view p : pos_) f->push_back(FeatureHash(base).Add("p").Add(p).value());
    for (std::string_view w : punct_) f->push_back(FeatureHash(base).Add("m").Add(w).value());
    f->push_back(FeatureHash(base).Add("commas").Add(std::min(commas_, 3)).value());
  }

 private:
  std::vector<std::string_view> pos_, punct_;
  int commas_ = 0;
};

// The range of doc.clauses whose sentence overlaps the bytes [b, e).
// Clauses come in token order (syntax/clauses.cc), so their sentences do too:
// a binary search, not a walk over every clause for every quote (a page of
// thousands of quotes stays near linear).
std::pair<size_t, size_t> ClausesOverlapping(const Document& doc, uint32_t b,
                                             uint32_t e) {
  auto first = std::partition_point(
      doc.clauses.begin(), doc.clauses.end(),
      [&](const Clause& c) { return c.sentence.end <= b; });
  auto last = first;
  while (last != doc.clauses.end() && last->sentence.begin < e) ++last;
  return {static_cast<size_t>(first - doc.clauses.begin()),
          static_cast<size_t>(last - doc.clauses.begin())};
}

// What the boundary candidates of one part of one quote are scored against:
// the quote's sentence, the tokens of its other parts, and the clause
// layer's phrases there. Built once per quote and part by Candidates.
class CandidateContext {
 public:
  using Part = QuoteModel::Part;

  CandidateContext(const Document& doc, size_t qi, Part part, int b, int e)
      : doc_(doc), v_(doc), q_(doc.quotes[qi]), part_(part), b_(b), e_(e) {
    const Quote& q = q_;
    // The sentence(s) the quote lies in.
    const Span& target = Target(q, part);
    sb_ = v_.FirstTokenFrom(std::min(q.sentence.begin, target.begin));
    se_ = v_.FirstTokenFrom(std::max(q.sentence.end, target.end));
    sb_ = std::min(sb_, b);
    se_ = std::max(se_, e);
    pre_ = part == Part::kContent ? "c" : part == Part::kSource ? "s" : "q";
    CueContext();
    ClauseBounds();
    SentenceCounts();
    if (part == Part::kContent) OtherCues(qi);
  }

  // The span of q that part names.
  static const Span& Target(const Quote& q, Part part) {
    return part == Part::kContent  ? q.span
           : part == Part::kSource ? q.speaker_span
                                   : q.cue_span;
  }

  int sb() const { return sb_; }
  int se() const { return se_; }
  const View& view() const { return v_; }

  // Whether token k is one of the other two parts (never taken in), or for
  // a content another quote's cue.
  bool Blocked(int k) const {
    switch (part_) {
      case Part::kContent:
        return Inside(k, q_.cue_span) || Inside(k, q_.speaker_span) ||
               Barred(k);
      case Part::kSource:
        return Inside(k, q_.cue_span) || Inside(k, q_.span) || Barred(k);
      case Part::kCue:
        return Inside(k, q_.speaker_span) || Inside(k, q_.span);
    }
    return true;
  }

  // The word of token k as the features see it.
  const std::string& WordAt(int k) const {
    static const std::string kBos = "<S>", kEos = "</S>";
    if (k < sb_) return kBos;
    if (k >= se_) return kEos;
    return words_[k - sb_];
  }

  void StartFeatures(int t, std::vector<uint64_t>* f);
  void EndFeatures(int u, std::vector<uint64_t>* f);

 private:
  bool Inside(int k, const Span& s) const {
    return s.end > s.begin && doc_.tokens[k].begin < s.end &&
           doc_.tokens[k].end > s.begin;
  }
  // What token k belongs to.
  const char* Role(int k) const {
    if (k < sb_ || k >= se_) return "out";
    if (Inside(k, q_.cue_span)) return "cue";
    if (Inside(k, q_.speaker_span)) return "src";
    if (Inside(k, q_.span)) return "con";
    return "-";
  }
  FeatureHash H(const char* side, const char* name) const {
    FeatureHash f;
    f.Add(pre_).Add(side).Add(name);
    return f;
  }
  // The clause shape of the span [lo, hi): finite verbs and commas, 0-3.
  int Shape(int lo, int hi) const {
    int fv = std::min(3, verbs_before_[hi - sb_] - verbs_before_[lo - sb_]);
    int cm = std::min(3, commas_before_[hi - sb_] - commas_before_[lo - sb_]);
    return fv * 4 + cm;
  }
  void CueContext();
  void ClauseBounds();
  void SentenceCounts();
  void OtherCues(size_t qi);

  const Document& doc_;
  View v_;
  const Quote& q_;
  Part part_;
  int b_, e_;
  int sb_ = 0, se_ = 0;
  const char* pre_ = "c";
  std::string cue_last_ = "-";
  std::string cue_prev_ = "-";
  const char* src_side_ = "none";
  std::vector<const char*> arg_starts_, arg_ends_;
  int want_b_ = -1, want_e_ = -1;
  FarRegion far_;
  std::vector<std::string> words_;
  std::vector<int> verbs_before_, commas_before_;
  // Tokens a bound never takes in: for a content another quote's cue, for
  // a source the verb it is the agent of.
  std::vector<uint8_t> other_cue_;
  void BarSpeakersVerb(uint32_t k, const Span& agent);
  bool Barred(int k) const {
    return k >= sb_ && k < se_ && !other_cue_.empty() && other_cue_[k - sb_];
  }
};

// Bars from a source's bounds the predicate (token k) of the clause the
// cue's clause hangs on when the source is its agent ("After arguing that
// ..., [the governor] left the state", "[Trump] fired back a response,
// saying ..."): the source is that verb's subject, never the verb; the
// ranker took such verbs in where the source lies away from the cue.
void CandidateContext::BarSpeakersVerb(uint32_t k, const Span& agent) {
  const Span& src = q_.speaker_span;
  if (src.end <= src.begin || agent.end <= src.begin ||
      agent.begin >= src.end) {
    return;
  }
  int t = static_cast<int>(k);
  if (t < sb_ || t >= se_ || Inside(t, src)) return;
  if (other_cue_.empty()) other_cue_.assign(se_ - sb_, 0);
  other_cue_[t - sb_] = 1;
}

// Marks the tokens of the sentence inside another quote's cue: PolNeAR never
// nests attributions, so a content's bounds never take one in (the rules
// end a content before the next attribution; the ranker moved it back).
// Quotes come in text order, so only the neighbours are looked at.
void CandidateContext::OtherCues(size_t qi) {
  const size_t lo = qi > kNeighbours ? qi - kNeighbours : 0;
  const size_t hi = std::min(doc_.quotes.size(), qi + kNeighbours + 1);
  for (size_t o = lo; o < hi; ++o) {
    const Quote& other = doc_.quotes[o];
    if (o == qi || other.kind == "partial") continue;
    const Span& c = other.cue_span;
    if (c.end <= c.begin || c.end > doc_.text.size()) continue;
    if (c.begin == q_.cue_span.begin && c.end == q_.cue_span.end) continue;
    for (int k = v_.FirstTokenFrom(c.begin); k < se_ && doc_.tokens[k].begin < c.end;
         ++k) {
      if (k < sb_) continue;
      if (other_cue_.empty()) other_cue_.assign(se_ - sb_, 0);
      other_cue_[k - sb_] = 1;
    }
  }
}

// The cue's last word, the word before it ("who" of a relative clause, "to",
// a comma) and where the source stands: they tell which clause the content
// closes.
void CandidateContext::CueContext() {
  if (q_.cue_span.end > q_.cue_span.begin) {
    int ce = v_.TokenEndingAt(q_.cue_span.end);
    if (ce > 0) cue_last_ = v_.Word(ce - 1, 0, v_.size());
  }
  if (q_.cue_span.end > q_.cue_span.begin) {
    int cb = v_.TokenBeginningAt(q_.cue_span.begin);
    if (cb >= 0) cue_prev_ = v_.Word(cb - 1, sb_, se_);
    if (q_.speaker_span.end > q_.speaker_span.begin) {
      src_side_ = q_.speaker_span.begin < q_.cue_span.begin ? "before" : "after";
    }
  }
}

// The clause layer (Document::clauses): the tokens where its phrases start
// and end in the sentence, by role, and the phrase the part should be by the
// clause of the cue: its complement (the content) or its agent (the source).
// A boundary there is a constituent's.
void CandidateContext::ClauseBounds() {
  arg_starts_.assign(se_ - sb_ + 1, nullptr);
  arg_ends_.assign(se_ - sb_ + 1, nullptr);
  auto [c_lo, c_hi] = ClausesOverlapping(doc_, doc_.tokens[sb_].begin,
                                         doc_.tokens[se_ - 1].end);
  int cue_parent = -1;  // the clause the cue's clause hangs on
  for (size_t ci = c_lo; ci < c_hi; ++ci) {
    const Clause& cl = doc_.clauses[ci];
    if (cl.predicate < static_cast<uint32_t>(sb_) ||
        cl.predicate >= static_cast<uint32_t>(se_)) {
      continue;
    }
    const Span& pt = doc_.tokens[cl.predicate];
    bool of_cue = q_.cue_span.end > q_.cue_span.begin &&
                  pt.begin >= q_.cue_span.begin && pt.end <= q_.cue_span.end;
    if (of_cue && cue_parent < 0) cue_parent = cl.parent;
    for (const ClauseArgument& arg : cl.arguments) {
      if (arg.span.end <= arg.span.begin || arg.span.end > doc_.text.size()) {
        continue;
      }
      int ab = v_.FirstTokenFrom(arg.span.begin);
      int ae = v_.FirstTokenFrom(arg.span.end);
      if (ab < sb_ || ae > se_ || ae <= ab) continue;
      if (arg_starts_[ab - sb_] == nullptr) {
        arg_starts_[ab - sb_] = arg.role.c_str();
      }
      if (arg_ends_[ae - sb_] == nullptr) arg_ends_[ae - sb_] = arg.role.c_str();
      if (!of_cue || want_b_ >= 0) continue;
      if ((part_ == Part::kContent && arg.role == "complement") ||
          (part_ == Part::kSource && arg.role == "agent")) {
        want_b_ = ab;
        want_e_ = ae;
        if (part_ == Part::kContent && (v_.Raw(ab) == "that")) ++want_b_;
        if (part_ == Part::kSource && v_.Raw(ab) == "by" && ae - ab > 1) {
          ++want_b_;
        }
      }
    }
  }
  if (part_ == Part::kSource && cue_parent >= 0 &&
      cue_parent < static_cast<int>(doc_.clauses.size())) {
    const Clause& main = doc_.clauses[cue_parent];
    for (const ClauseArgument& arg : main.arguments) {
      if (arg.role == "agent") BarSpeakersVerb(main.predicate, arg.span);
    }
  }
}

// The sentence's words, made once (every candidate reads several), and the
// finite verbs and commas before each token (prefix counts): how many
// clauses a candidate span holds.
void CandidateContext::SentenceCounts() {
  words_.resize(se_ - sb_);
  for (int k = sb_; k < se_; ++k) words_[k - sb_] = v_.Word(k, sb_, se_);
  verbs_before_.assign(se_ - sb_ + 1, 0);
  commas_before_.assign(se_ - sb_ + 1, 0);
  for (int k = sb_; k < se_; ++k) {
    std::string_view p = v_.Pos(k, sb_, se_);
    bool finite = p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD";
    verbs_before_[k - sb_ + 1] = verbs_before_[k - sb_] + (finite ? 1 : 0);
    commas_before_[k - sb_ + 1] =
        commas_before_[k - sb_] + (v_.Raw(k) == "," ? 1 : 0);
  }
}

// The features of start candidate t (the span's first token).
void CandidateContext::StartFeatures(int t, std::vector<uint64_t>* fv) {
  const int sb = sb_, se = se_, b = b_, e = e_;
  const std::string& cls = q_.cue_class;
  const std::string& w0 = WordAt(t);
  const std::string &wm1 = WordAt(t - 1), &w1 = WordAt(t + 1);
  std::string_view p0 = v_.Pos(t, sb, se), pm1 = v_.Pos(t - 1, sb, se),
                   p1 = v_.Pos(t + 1, sb, se);
  std::string_view c0 = v_.Chunk(t, sb, se), cm1 = v_.Chunk(t - 1, sb, se);
  const char* r = Role(t - 1);
  int d = DistanceFeature(t - b);
  std::vector<uint64_t>& f = *fv;
  auto add = [&](FeatureHash x) { f.push_back(x.value()); };
  auto h = [&](const char* side, const char* name) { return H(side, name); };
  if (t == b) add(h("b", "orig"));
  add(h("b", "d").Add(d));
  if (!doc_.clauses.empty()) {
    const char* arg = arg_starts_[t - sb];
    add(h("b", "arg").Add(arg ? arg : "-"));
    if (want_b_ >= 0) {
      add(h("b", "want").Add(DistanceFeature(t - want_b_)));
      if (t == want_b_) add(h("b", "wantcls").Add(cls));
    } else {
      add(h("b", "nowant"));
    }
  }
  add(h("b", "w0").Add(w0));
  add(h("b", "p0").Add(p0));
  add(h("b", "w-1").Add(wm1));
  add(h("b", "p-1").Add(pm1));
  add(h("b", "w1").Add(w1));
  add(h("b", "p1").Add(p1));
  add(h("b", "c0").Add(c0));
  add(h("b", "c-1").Add(cm1));
  add(h("b", "c-1c0").Add(cm1).Add(c0));
  add(h("b", "p-1p0").Add(pm1).Add(p0));
  add(h("b", "w-1p0").Add(wm1).Add(p0));
  add(h("b", "p-1w0").Add(pm1).Add(w0));
  add(h("b", "w-1w0").Add(wm1).Add(w0));
  add(h("b", "p0p1").Add(p0).Add(p1));
  add(h("b", "dp0").Add(d).Add(p0));
  add(h("b", "clsp0").Add(cls).Add(p0));
  add(h("b", "clsw0").Add(cls).Add(w0));
  add(h("b", "r-1").Add(r));
  add(h("b", "r-1w0").Add(r).Add(w0));
  add(h("b", "r-1p0").Add(r).Add(p0));
  add(h("b", "r-1w-1").Add(r).Add(wm1));
  add(h("b", "cuew0").Add(cue_last_).Add(w0));
  add(h("b", "shape").Add(Shape(t, e)));
  add(h("b", "cprevw0").Add(cue_prev_).Add(w0));
  add(h("b", "srcw0").Add(src_side_).Add(w0));
  add(h("b", "srcw-1").Add(src_side_).Add(wm1));
  add(h("b", "shapecls").Add(Shape(t, e)).Add(cls));
  add(h("b", "cuep0").Add(cue_last_).Add(p0));
  if (std::abs(t - b) <= QuoteModel::kWindow) {
    for (int k = std::min(t, b); k < std::max(t, b); ++k) {
      const char* dir = t < b ? "add" : "drop";
      add(h("b", dir).Add(v_.Pos(k, sb, se)));
      add(h("b", dir).Add("w").Add(WordAt(k)));
    }
  } else {
    far_.Summarise(v_, std::min(t, b), std::max(t, b), sb, se);
    far_.Emit(h("b", t < b ? "fadd" : "fdrop"), &f);
  }
}

// The features of end candidate u (one past the span's last token).
void CandidateContext::EndFeatures(int u, std::vector<uint64_t>* fv) {
  const int sb = sb_, se = se_, b = b_, e = e_;
  const std::string& cls = q_.cue_class;
  const std::string &wl = WordAt(u - 1), &wn = WordAt(u),
                    &wn2 = WordAt(u + 1), &wl2 = WordAt(u - 2);
  std::string_view pl = v_.Pos(u - 1, sb, se), pn = v_.Pos(u, sb, se),
                   pn2 = v_.Pos(u + 1, sb, se);
  std::string_view cl = v_.Chunk(u - 1, sb, se), cn = v_.Chunk(u, sb, se);
  const char* r = Role(u);
  int d = DistanceFeature(u - e);
  std::vector<uint64_t>& f = *fv;
  auto add = [&](FeatureHash x) { f.push_back(x.value()); };
  auto h = [&](const char* side, const char* name) { return H(side, name); };
  if (u == e) add(h("e", "orig"));
  add(h("e", "d").Add(d));
  if (!doc_.clauses.empty()) {
    const char* arg = arg_ends_[u - sb];
    add(h("e", "arg").Add(arg ? arg : "-"));
    add(h("e", "argwn").Add(arg ? arg : "-").Add(wn));
    if (want_e_ >= 0) {
      add(h("e", "want").Add(DistanceFeature(u - want_e_)));
      if (u == want_e_) add(h("e", "wantcls").Add(cls));
    } else {
      add(h("e", "nowant"));
    }
  }
  add(h("e", "wl").Add(wl));
  add(h("e", "pl").Add(pl));
  add(h("e", "wl2").Add(wl2));
  add(h("e", "wn").Add(wn));
  add(h("e", "pn").Add(pn));
  add(h("e", "wn2").Add(wn2));
  add(h("e", "pn2").Add(pn2));
  add(h("e", "cl").Add(cl));
  add(h("e", "cn").Add(cn));
  add(h("e", "clcn").Add(cl).Add(cn));
  add(h("e", "plpn").Add(pl).Add(pn));
  add(h("e", "wlpn").Add(wl).Add(pn));
  add(h("e", "plwn").Add(pl).Add(wn));
  add(h("e", "wlwn").Add(wl).Add(wn));
  add(h("e", "wnwn2").Add(wn).Add(wn2));
  add(h("e", "pnpn2").Add(pn).Add(pn2));
  add(h("e", "dpn").Add(d).Add(pn));
  add(h("e", "clswn").Add(cls).Add(wn));
  add(h("e", "len").Add(LengthBucket(u - b)));
  add(h("e", "shape").Add(Shape(b, u)));
  add(h("e", "cprevwn").Add(cue_prev_).Add(wn));
  add(h("e", "cprevpn").Add(cue_prev_).Add(pn));
  add(h("e", "srcwn").Add(src_side_).Add(wn));
  add(h("e", "srcwl").Add(src_side_).Add(wl));
  add(h("e", "shapecls").Add(Shape(b, u)).Add(cls));
  add(h("e", "rn").Add(r));
  add(h("e", "rnwl").Add(r).Add(wl));
  add(h("e", "rnpl").Add(r).Add(pl));
  add(h("e", "rnwn").Add(r).Add(wn));
  add(h("e", "cuewn").Add(cue_last_).Add(wn));
  bool rest_punct = true;
  for (int k = u; k < se && rest_punct; ++k) rest_punct = !v_.Alnum(k);
  if (rest_punct) add(h("e", "eos").Add(wl));
  if (std::abs(u - e) <= QuoteModel::kWindow) {
    for (int k = std::min(u, e); k < std::max(u, e); ++k) {
      const char* dir = u > e ? "add" : "drop";
      add(h("e", dir).Add(v_.Pos(k, sb, se)));
      add(h("e", dir).Add("w").Add(WordAt(k)));
    }
  } else {
    far_.Summarise(v_, std::min(u, e), std::max(u, e), sb, se);
    far_.Emit(h("e", u > e ? "fadd" : "fdrop"), &f);
  }
}

// Takes the next feature vector of c, reusing the memory of an earlier call
// (Refine calls Candidates for every quote and part).
std::vector<uint64_t>& NextSlot(BoundaryCandidates* c, size_t* used) {
  if (*used == c->features.size()) c->features.emplace_back();
  std::vector<uint64_t>& f = c->features[(*used)++];
  f.clear();
  return f;
}

// Whether part of q has bounds the model may move.
bool Movable(const Document& doc, const Quote& q, QuoteModel::Part part) {
  using Part = QuoteModel::Part;
  if (q.kind == "partial" || q.span.end <= q.span.begin ||
      q.span.end > doc.text.size() || q.cue_span.end > doc.text.size() ||
      q.speaker_span.end > doc.text.size()) {
    return false;
  }
  if (part == Part::kContent && q.kind != "indirect") return false;
  // A quotation that goes on the last speaker's words has that speaker's
  // span, found at its own cue: it is not moved here.
  if (part == Part::kSource && q.cue_span.end <= q.cue_span.begin) {
    return false;
  }
  const Span& target = CandidateContext::Target(q, part);
  return target.end > target.begin;
}

}  // namespace

bool QuoteModel::Candidates(const Document& doc, size_t qi, Part part,
                            BoundaryCandidates* start, BoundaryCandidates* end) {
  size_t n_start = 0, n_end = 0;
  start->tokens.clear();
  end->tokens.clear();
  start->original = end->original = 0;
  auto finish = [&](bool ok) {
    start->features.resize(n_start);
    end->features.resize(n_end);
    return ok && n_start > 0 && n_end > 0;
  };
  if (qi >= doc.quotes.size()) return finish(false);
  const Quote& q = doc.quotes[qi];
  if (!Movable(doc, q, part)) return finish(false);
  const Span& target = CandidateContext::Target(q, part);
  View v(doc);
  const int b = v.TokenBeginningAt(target.begin);
  const int e = v.TokenEndingAt(target.end);
  if (b < 0 || e <= b) return finish(false);
  CandidateContext cx(doc, qi, part, b, e);
  const int sb = cx.sb(), se = cx.se();
  // Start candidates: the span's first token t.
  // A content's bounds are looked for further away (kContentWindow): most of
  // the rules' content ends that are wrong are more than kWindow tokens off.
  const int win = part == Part::kContent ? kContentWindow : kWindow;
  for (int t = std::max(sb, b - win); t <= std::min(e - 1, b + win); ++t) {
    if (cx.Blocked(t)) continue;
    if (std::abs(t - b) > kWindow && !PhraseBreak(v, t - 1, sb, se)) continue;
    bool ok = true;
    for (int k = t; k < b && ok; ++k) ok = !cx.Blocked(k);
    if (!ok) continue;
    // The scorer puts back a "that" before the content.
    if (part == Part::kContent && t != b && cx.WordAt(t) == "that") {
      continue;
    }
    cx.StartFeatures(t, &NextSlot(start, &n_start));
    start->tokens.push_back(t);
    if (t == b) start->original = static_cast<int>(start->tokens.size()) - 1;
  }
  // End candidates: one past the span's last token.
  for (int u = std::max(b + 1, e - win);
       u <= std::max(e, std::min(se, e + win)); ++u) {
    if (cx.Blocked(u - 1)) continue;
    if (std::abs(u - e) > kWindow && !PhraseBreak(v, u, sb, se)) continue;
    bool ok = true;
    for (int k = e; k < u && ok; ++k) ok = !cx.Blocked(k);
    if (!ok) continue;
    // The scorer puts back an appositive source's closing comma.
    if (part == Part::kSource && u != e && cx.WordAt(u - 1) == ",") {
      continue;
    }
    cx.EndFeatures(u, &NextSlot(end, &n_end));
    end->tokens.push_back(u);
    if (u == e) end->original = static_cast<int>(end->tokens.size()) - 1;
  }
  return finish(true);
}


double QuoteModel::Score(const std::vector<uint64_t>& features) const {
  double s = 0;
  if (table_keys_.empty()) {  // while training
    for (uint64_t f : features) {
      auto it = weights_.find(f);
      if (it != weights_.end()) s += it->second;
    }
    return s;
  }
  for (uint64_t f : features) {
    for (uint64_t slot = (f * 0x9E3779B97F4A7C15ULL) >> shift_;;
         slot = (slot + 1) & mask_) {
      uint64_t k = table_keys_[slot];
      if (k == f) {
        s += table_weights_[slot];
        break;
      }
      if (k == 0) break;
    }
  }
  return s;
}

void QuoteModel::BuildTable() {
  size_t size = 16;
  int bits = 4;
  while (size < weights_.size() * 2) {
    size *= 2;
    ++bits;
  }
  mask_ = size - 1;
  shift_ = 64 - bits;
  table_keys_.assign(size, 0);
  table_weights_.assign(size, 0.0f);
  for (const auto& [k, w] : weights_) {
    if (k == 0) continue;  // FeatureHash never gives 0
    uint64_t slot = (k * 0x9E3779B97F4A7C15ULL) >> shift_;
    while (table_keys_[slot] != 0) slot = (slot + 1) & mask_;
    table_keys_[slot] = k;
    table_weights_[slot] = w;
  }
}

int QuoteModel::Best(const BoundaryCandidates& c) const {
  int best = c.original;
  double best_score = c.features.empty() ? 0 : Score(c.features[c.original]);
  for (size_t i = 0; i < c.features.size(); ++i) {
    double s = Score(c.features[i]);
    if (s > best_score) {
      best_score = s;
      best = static_cast<int>(i);
    }
  }
  return best;
}

uint64_t QuoteModel::DropFeature() { return FeatureHash().Add("k.drop").value(); }

namespace {

// The filter's features of one quote, added in a fixed order (a model's
// score sums them in that order).
class FilterFeaturizer {
 public:
  FilterFeaturizer(const Document& doc, size_t qi,
                   std::vector<uint64_t>* features)
      : doc_(doc), qi_(qi), q_(doc.quotes[qi]), v_(doc), n_(v_.size()),
        out_(features) {}

  void Run() {
    Add(FeatureHash().Add("k.bias"));
    Add(FeatureHash().Add("k.kind").Add(q_.kind));
    Add(FeatureHash().Add("k.cls").Add(q_.cue_class).Add(q_.kind));
    Cue();
    Source();
    CueClause();
    bool nested = Nesting();
    Sentence();
    Add(FeatureHash().Add("k.nestedcue").Add(nested).Add(cue_last_));
    Content();
  }

 private:
  void Add(FeatureHash h) { out_->push_back(h.value()); }
  int FirstFrom(uint32_t b) const { return v_.FirstTokenFrom(b); }
  // One past the last token inside s.
  int EndOf(const Span& s) const {
    int k = FirstFrom(s.begin);
    while (k < n_ && doc_.tokens[k].begin < s.end) ++k;
    return k;
  }
  void Cue();
  void Source();
  void CueClause();
  bool Nesting();
  void Sentence();
  void Content();

  const Document& doc_;
  size_t qi_;
  const Quote& q_;
  View v_;
  const int n_;
  std::vector<uint64_t>* out_;
  int cb_ = -1, ce_ = -1;  // the cue's tokens
  std::string cue_last_ = "-";
};

// The cue's words and its neighbours.
void FilterFeaturizer::Cue() {
  const Quote& q = q_;
  const int n = n_;
  if (q.cue_span.end > q.cue_span.begin && q.cue_span.end <= doc_.text.size()) {
    cb_ = FirstFrom(q.cue_span.begin);
    ce_ = EndOf(q.cue_span);
    const int cb = cb_, ce = ce_;
    if (ce > cb) {
      cue_last_ = v_.Word(ce - 1, 0, n);
      std::string all;
      for (int k = cb; k < ce && all.size() < 40; ++k) {
        if (!all.empty()) all.push_back(' ');
        all += v_.Word(k, 0, n);
      }
      Add(FeatureHash().Add("k.cue").Add(all));
      Add(FeatureHash().Add("k.cuefirst").Add(v_.Word(cb, 0, n)));
      Add(FeatureHash().Add("k.cuelen").Add(std::min(ce - cb, 4)));
      Add(FeatureHash().Add("k.cuepos").Add(v_.Pos(ce - 1, 0, n)));
      Add(FeatureHash().Add("k.cueposcls").Add(v_.Pos(ce - 1, 0, n)).Add(q.cue_class));
      Add(FeatureHash().Add("k.cue-1").Add(v_.Word(cb - 1, 0, n)));
      Add(FeatureHash().Add("k.cue-1p").Add(v_.Pos(cb - 1, 0, n)));
      Add(FeatureHash().Add("k.cue+1").Add(v_.Word(ce, 0, n)));
      Add(FeatureHash().Add("k.cue+1p").Add(v_.Pos(ce, 0, n)));
      Add(FeatureHash().Add("k.cue+1w").Add(cue_last_).Add(v_.Word(ce, 0, n)));
      Add(FeatureHash().Add("k.cue-1w").Add(v_.Word(cb - 1, 0, n)).Add(cue_last_));
    }
  } else {
    Add(FeatureHash().Add("k.nocue"));
  }
  Add(FeatureHash().Add("k.cuelast").Add(cue_last_));
  Add(FeatureHash().Add("k.cuelastkind").Add(cue_last_).Add(q.kind));
}

// The source's head, first word, length and side of the cue.
void FilterFeaturizer::Source() {
  const Quote& q = q_;
  const int n = n_;
  if (q.speaker_span.end > q.speaker_span.begin &&
      q.speaker_span.end <= doc_.text.size()) {
    int sb = FirstFrom(q.speaker_span.begin);
    int se = EndOf(q.speaker_span);
    if (se > sb) {
      std::string head = v_.Word(se - 1, 0, n);
      Add(FeatureHash().Add("k.srchead").Add(head));
      Add(FeatureHash().Add("k.srcheadp").Add(v_.Pos(se - 1, 0, n)));
      Add(FeatureHash().Add("k.srcfirst").Add(v_.Word(sb, 0, n)));
      Add(FeatureHash().Add("k.srclen").Add(LengthBucket(se - sb)));
      Add(FeatureHash().Add("k.srccue").Add(head).Add(cue_last_));
      Add(FeatureHash().Add("k.srcpcue").Add(v_.Pos(se - 1, 0, n)).Add(cue_last_));
      Add(FeatureHash().Add("k.src-1").Add(v_.Word(sb - 1, 0, n)));
      Add(FeatureHash().Add("k.srcafter").Add(cb_ >= 0 && sb > cb_));
    }
    Add(FeatureHash().Add("k.resolved").Add(!q.speaker.empty()));
  } else {
    Add(FeatureHash().Add("k.nosrc").Add(cue_last_));
  }
}

// The clause of the cue (the clause layer): polarity, modality, and whether
// the source is its agent and the content its complement.
void FilterFeaturizer::CueClause() {
  const Quote& q = q_;
  const int cb = cb_, ce = ce_;
  if (!(cb >= 0 && ce > cb && !doc_.clauses.empty())) return;
  const Clause* cue_clause = nullptr;
  auto [c_lo, c_hi] =
      ClausesOverlapping(doc_, q.cue_span.begin, q.cue_span.end);
  for (size_t ci = c_lo; ci < c_hi; ++ci) {
    const Clause& cl = doc_.clauses[ci];
    if (cl.predicate >= static_cast<uint32_t>(cb) &&
        cl.predicate < static_cast<uint32_t>(ce)) {
      cue_clause = &cl;
      break;
    }
  }
  if (cue_clause == nullptr) {
    Add(FeatureHash().Add("k.clnone").Add(q.kind));
    return;
  }
  const Clause& cl = *cue_clause;
  auto overlaps = [](const Span& a, const Span& b) {
    return a.begin < b.end && b.begin < a.end;
  };
  bool agent = false, comp = false, has_comp = false;
  for (const ClauseArgument& arg : cl.arguments) {
    if (arg.role == "agent" && overlaps(arg.span, q.speaker_span)) agent = true;
    if (arg.role == "complement") {
      has_comp = true;
      if (overlaps(arg.span, q.span)) comp = true;
    }
  }
  Add(FeatureHash().Add("k.clneg").Add(cl.negated).Add(q.cue_class));
  Add(FeatureHash().Add("k.clmod").Add(cl.modality));
  Add(FeatureHash().Add("k.clagent").Add(agent).Add(q.kind));
  Add(FeatureHash().Add("k.clcomp").Add(has_comp).Add(comp).Add(q.kind));
  Add(FeatureHash().Add("k.clattr").Add(cl.attributed_by >= 0));
}

// Nested attributions: the cue inside another quote's words, or another cue
// inside this one's; and a quotation of the same words kept apart. Quotes
// come in text order, so only the neighbours are looked at (a page of a
// million quotes stays linear). Returns whether the cue is nested.
bool FilterFeaturizer::Nesting() {
  const Quote& q = q_;
  const size_t qi = qi_;
  bool nested = false, contains = false;
  const size_t lo = qi > kNeighbours ? qi - kNeighbours : 0;
  const size_t hi = std::min(doc_.quotes.size(), qi + kNeighbours + 1);
  for (size_t o = lo; o < hi; ++o) {
    const Quote& other = doc_.quotes[o];
    if (o == qi || other.kind == "partial") continue;
    if (q.cue_span.end > q.cue_span.begin && other.span.begin <= q.cue_span.begin &&
        q.cue_span.end <= other.span.end) {
      nested = true;
    }
    if (other.cue_span.end > other.cue_span.begin &&
        q.span.begin <= other.cue_span.begin && other.cue_span.end <= q.span.end) {
      contains = true;
    }
  }
  Add(FeatureHash().Add("k.nested").Add(nested).Add(contains));
  return nested;
}

// The sentence: a headline (mostly capitalised words), quotation marks.
void FilterFeaturizer::Sentence() {
  const Quote& q = q_;
  const int n = n_;
  if (!(q.sentence.end > q.sentence.begin && q.sentence.end <= doc_.text.size())) {
    return;
  }
  int words = 0, caps = 0;
  const int k0 = FirstFrom(q.sentence.begin);
  for (int k = k0; k < n && k < k0 + 200 && doc_.tokens[k].end <= q.sentence.end;
       ++k) {
    std::string_view t = v_.Raw(k);
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) continue;
    ++words;
    if (std::isupper(static_cast<unsigned char>(t[0]))) ++caps;
  }
  std::string_view sent = std::string_view(doc_.text).substr(
      q.sentence.begin, q.sentence.end - q.sentence.begin);
  sent = sent.substr(0, 4000);
  bool marks = sent.find('"') != std::string_view::npos ||
               sent.find("\xE2\x80\x9C") != std::string_view::npos ||
               sent.find("''") != std::string_view::npos;
  Add(FeatureHash().Add("k.headline").Add(words >= 4 && caps * 10 >= words * 7));
  Add(FeatureHash().Add("k.marks").Add(marks).Add(q.kind));
  Add(FeatureHash().Add("k.slen").Add(LengthBucket(words)));
}

// The content's length, first and last words.
void FilterFeaturizer::Content() {
  const Quote& q = q_;
  const int n = n_;
  int b = FirstFrom(q.span.begin);
  int e = EndOf(q.span);
  if (e <= b) return;
  Add(FeatureHash().Add("k.len").Add(LengthBucket(e - b)));
  Add(FeatureHash().Add("k.lencls").Add(LengthBucket(e - b)).Add(q.cue_class));
  Add(FeatureHash().Add("k.cfirst").Add(v_.Word(b, 0, n)));
  Add(FeatureHash().Add("k.cfirstp").Add(v_.Pos(b, 0, n)));
  Add(FeatureHash().Add("k.c-1").Add(v_.Word(b - 1, 0, n)));
  Add(FeatureHash().Add("k.c-1cue").Add(v_.Word(b - 1, 0, n)).Add(cue_last_));
  Add(FeatureHash().Add("k.cfirstcue").Add(v_.Pos(b, 0, n)).Add(cue_last_));
  Add(FeatureHash().Add("k.clast").Add(v_.Word(e - 1, 0, n)));
  Add(FeatureHash().Add("k.cuebefore").Add(cb_ >= 0 && cb_ < b));
}

}  // namespace

bool QuoteModel::FilterFeatures(const Document& doc, size_t qi,
                                std::vector<uint64_t>* features) {
  features->clear();
  if (qi >= doc.quotes.size()) return false;
  const Quote& q = doc.quotes[qi];
  if (q.kind == "partial" || q.span.end <= q.span.begin ||
      q.span.end > doc.text.size()) {
    return false;
  }
  FilterFeaturizer(doc, qi, features).Run();
  return true;
}

uint64_t QuoteModel::DropSourceFeature() {
  return FeatureHash().Add("k.dropsource").value();
}

bool QuoteModel::SourceFeatures(const Document& doc, size_t q,
                                std::vector<uint64_t>* features) {
  if (q >= doc.quotes.size() ||
      doc.quotes[q].speaker_span.end <= doc.quotes[q].speaker_span.begin ||
      !FilterFeatures(doc, q, features)) {
    features->clear();
    return false;
  }
  SourceFromFilter(features);
  return true;
}

void QuoteModel::SourceFromFilter(std::vector<uint64_t>* features) {
  // The filter's features, as features of their own.
  for (uint64_t& f : *features) {
    f = FeatureHash().Add("src").Add(static_cast<int>(f >> 32)).Add(
        static_cast<int>(f & 0xffffffffu)).value();
  }
}

bool QuoteModel::KeepSource(const std::vector<uint64_t>& features) const {
  return Score(features) + keep_margin_ >= Score({DropSourceFeature()});
}

bool QuoteModel::Keep(const std::vector<uint64_t>& features) const {
  return Score(features) + keep_margin_ >= Score({DropFeature()});
}

void QuoteModel::Refine(Document* doc) const {
  if (weights_.empty()) return;
  {
    std::vector<uint64_t> f;
    std::vector<Quote> kept;
    kept.reserve(doc->quotes.size());
    std::vector<uint8_t> drop_source;
    for (size_t q = 0; q < doc->quotes.size(); ++q) {
      bool judged = FilterFeatures(*doc, q, &f);
      if (judged && !Keep(f)) continue;
      // A source the model doubts is left out; the quote stays.
      bool drop = false;
      const Quote& quote = doc->quotes[q];
      if (judged && quote.speaker_span.end > quote.speaker_span.begin) {
        SourceFromFilter(&f);
        drop = !KeepSource(f);
      }
      kept.push_back(std::move(doc->quotes[q]));
      drop_source.push_back(drop);
    }
    doc->quotes = std::move(kept);
    for (size_t q = 0; q < doc->quotes.size(); ++q) {
      if (!drop_source[q]) continue;
      Quote& quote = doc->quotes[q];
      quote.speaker_span = {0, 0};
      quote.speaker.clear();
      quote.speaker_name.clear();
      quote.speakers.clear();
    }
  }
  BoundaryCandidates start, end;
  for (size_t q = 0; q < doc->quotes.size(); ++q) {
    for (Part part : {Part::kContent, Part::kSource, Part::kCue}) {
      if (!Candidates(*doc, q, part, &start, &end)) continue;
      int t = start.tokens[Best(start)];
      int u = end.tokens[Best(end)];
      if (t >= u) continue;
      Quote& quote = doc->quotes[q];
      Span s{doc->tokens[t].begin, doc->tokens[u - 1].end};
      if (part == Part::kContent) {
        quote.span = s;
      } else if (part == Part::kSource) {
        if (s.begin == quote.speaker_span.begin && s.end == quote.speaker_span.end) {
          continue;
        }
        quote.speaker_span = s;
        quote.speaker_name = doc->text.substr(s.begin, s.end - s.begin);
      } else {
        quote.cue_span = s;
        quote.cue = doc->text.substr(s.begin, s.end - s.begin);
      }
    }
  }
}

Status QuoteModel::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError(path, "cannot write the model");
  out << "# quotes model (src/quotes/quote_model.h)\n";
  for (const std::string& line : info_) out << "# " << line << "\n";
  {
    char margin[64];
    std::snprintf(margin, sizeof margin, "margin %.6g\n", keep_margin_);
    out << margin;
  }
  std::vector<std::pair<uint64_t, float>> rows(weights_.begin(), weights_.end());
  std::sort(rows.begin(), rows.end());
  char buf[64];
  for (const auto& [k, w] : rows) {
    std::snprintf(buf, sizeof buf, "%016" PRIx64 " %.6g\n", k, w);
    out << buf;
  }
  out.flush();
  if (!out) return Status::IOError(path, "cannot write the model");
  return Status::OK();
}

Status QuoteModel::Load(const std::string& path) {
  table_keys_.clear();
  table_weights_.clear();
  Status s = ReadWeightsFile(path, "margin", &keep_margin_, &weights_, &info_);
  if (!s.ok()) return s;
  BuildTable();
  return Status::OK();
}

Status QuoteModel::Train(const std::vector<BoundaryExample>& examples,
                         int epochs, uint32_t seed, QuoteModel* out,
                         int runs) {
  if (examples.empty()) return Status::InvalidArgument("no training examples");
  runs = std::max(1, runs);
  std::unordered_map<uint64_t, double> sum;  // of each run's averaged weights
  for (int run = 0; run < runs; ++run) {
    QuoteModel m;  // current weights
    std::unordered_map<uint64_t, double> total;  // sum of c * update
    double c = 1;
    std::vector<size_t> order(examples.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(seed + static_cast<uint32_t>(run));
    for (int epoch = 0; epoch < epochs; ++epoch) {
      // Fisher-Yates with the generator's raw output (std::shuffle's order
      // differs between standard libraries).
      for (size_t i = order.size(); i > 1; --i) {
        size_t j = rng() % i;
        std::swap(order[i - 1], order[j]);
      }
      for (size_t idx : order) {
        const BoundaryExample& ex = examples[idx];
        if (ex.gold < 0 ||
            ex.gold >= static_cast<int>(ex.candidates.features.size())) {
          continue;
        }
        int guess = m.Best(ex.candidates);
        if (guess != ex.gold) {
          for (uint64_t f : ex.candidates.features[ex.gold]) {
            m.weights_[f] += 1;
            total[f] += c;
          }
          for (uint64_t f : ex.candidates.features[guess]) {
            m.weights_[f] -= 1;
            total[f] -= c;
          }
        }
        c += 1;
      }
    }
    for (const auto& [k, w] : m.weights_) sum[k] += w - total[k] / c;
  }
  out->weights_.clear();
  for (const auto& [k, w] : sum) {
    double avg = w / runs;
    if (avg > 1e-4 || avg < -1e-4) out->weights_[k] = static_cast<float>(avg);
  }
  out->BuildTable();
  return Status::OK();
}

}  // namespace dateline

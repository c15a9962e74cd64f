#include "quotes/quote_extractor.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>

namespace dateline {
namespace {

using CueClass = QuoteExtractor::CueClass;

// ---------------------------------------------------------------------------
// Characters

// Returns the code point starting at text[i] (0 when out of range or not a
// lead byte) and its length in *len.
uint32_t DecodeAt(std::string_view text, size_t i, size_t* len) {
  *len = 1;
  if (i >= text.size()) return 0;
  unsigned char c = text[i];
  if (c < 0x80) return c;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) return 0xFFFD;
  uint32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) {
    unsigned char d = text[i + k];
    if ((d & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = n;
  return cp;
}

// Returns the code point ending just before text[i] (0 at the start).
uint32_t DecodeBefore(std::string_view text, size_t i) {
  if (i == 0 || i > text.size()) return 0;
  size_t b = i - 1;
  while (b > 0 && i - b < 4 &&
         (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) {
    --b;
  }
  size_t len;
  return DecodeAt(text, b, &len);
}

bool IsSpaceCp(uint32_t c) {
  return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' ||
         c == 0xA0 || c == 0x2009 || c == 0x202F;
}
bool IsDigitCp(uint32_t c) { return c >= '0' && c <= '9'; }
bool IsLetterCp(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 &&
         c != 0x2014 && c != 0x2013 && c != 0x2026 && !(c >= 0x2018 && c <= 0x201F));
}
// Punctuation after which a quotation may open: brackets and dashes.
bool IsOpenerContext(uint32_t c) {
  return IsSpaceCp(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 ||
         c == 0x2013 || c == '-' || c == '/' || c == ':' || c == 0x201C ||
         c == 0x2018 || c == '"' || c == '\'';
}

enum class MarkKind { kNone, kOpen, kClose, kAmbiguous };

struct Mark {
  uint32_t begin;
  uint32_t end;
  bool is_double;
  MarkKind kind;
  bool can_open;   // left-flanking: followed by a non-space
  bool can_close;  // right-flanking: preceded by a non-space
};

// Returns the quotation mark at text[i], if any, with its flanking.
Mark MarkAt(std::string_view text, size_t i) {
  Mark m{static_cast<uint32_t>(i), static_cast<uint32_t>(i), false,
         MarkKind::kNone, false, false};
  size_t len;
  uint32_t c = DecodeAt(text, i, &len);
  switch (c) {
    case 0x201C: case 0x201E: case 0xAB:  // “ „ «
      m.is_double = true;
      m.kind = MarkKind::kOpen;
      break;
    case 0x201D: case 0xBB:  // ” »
      m.is_double = true;
      m.kind = MarkKind::kClose;
      break;
    case '"':
      m.is_double = true;
      m.kind = MarkKind::kAmbiguous;
      break;
    case 0x2018: case 0x2039:  // ‘ ‹
      m.kind = MarkKind::kOpen;
      break;
    case 0x2019: case 0x203A:  // ’ ›
      m.kind = MarkKind::kClose;
      break;
    case '\'':
      m.kind = MarkKind::kAmbiguous;
      break;
    case '`':
      if (i + 1 < text.size() && text[i + 1] == '`') {
        m.is_double = true;
        m.kind = MarkKind::kOpen;
        len = 2;
      }
      break;
    default:
      break;
  }
  if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
    m.is_double = true;  // '' as in newswire text
    len = 2;
  }
  if (m.kind == MarkKind::kNone) return m;
  m.end = static_cast<uint32_t>(i + len);
  uint32_t prev = DecodeBefore(text, i);
  size_t nlen;
  uint32_t next = DecodeAt(text, m.end, &nlen);
  m.can_open = !IsSpaceCp(next) && IsOpenerContext(prev);
  m.can_close = !IsSpaceCp(prev) || i == 0;
  if (i == 0) m.can_close = false;
  // Apostrophes: inside a word (don't, Kim’s), eliding digits ('90s, ’90s),
  // and primes after digits (6'2", 5’ 10”) are not quotation marks.
  if (!m.is_double && IsLetterCp(prev) && IsLetterCp(next)) {
    m.kind = MarkKind::kNone;
  }
  if (!m.is_double && IsDigitCp(next) && m.kind != MarkKind::kClose) {
    m.kind = MarkKind::kNone;
  }
  if (IsDigitCp(prev) && (m.kind == MarkKind::kAmbiguous || !m.is_double)) {
    m.kind = MarkKind::kNone;
  }
  if (m.kind == MarkKind::kNone) m.end = m.begin;
  return m;
}

// One quoted stretch: [open, close) are the marks' outer bounds and
// [inner_b, inner_e) the words between them. A quotation running over
// several paragraphs is a chain of segments (continues/continued).
struct Segment {
  uint32_t open = 0, close = 0;
  uint32_t inner_b = 0, inner_e = 0;
  bool continues = false;  // the paragraph ends inside it; the next one goes on
  bool continued = false;  // continues one from the previous paragraph
};

// Returns the paragraph ends of `text` (offsets of each "\n\n" run, and the
// text size last).
std::vector<uint32_t> ParagraphEnds(std::string_view text) {
  std::vector<uint32_t> ends;
  size_t pos = 0;
  while ((pos = text.find("\n\n", pos)) != std::string_view::npos) {
    ends.push_back(static_cast<uint32_t>(pos));
    while (pos < text.size() && text[pos] == '\n') ++pos;
  }
  ends.push_back(static_cast<uint32_t>(text.size()));
  return ends;
}

// Returns true when the paragraph at text[b..] begins with an opening double
// quotation mark.
bool OpensWithDoubleMark(std::string_view text, size_t b) {
  while (b < text.size() && (text[b] == '\n' || text[b] == ' ')) ++b;
  Mark m = MarkAt(text, b);
  return m.is_double && m.can_open &&
         (m.kind == MarkKind::kOpen || m.kind == MarkKind::kAmbiguous);
}

// Finds the quoted segments of one paragraph [pb, pe); single quotes count
// only outside double ones (nested single quotes belong to the outer quote).
void ScanParagraph(std::string_view text, uint32_t pb, uint32_t pe,
                   bool next_opens, std::vector<Segment>* out) {
  int open_double = -1;  // byte of the open double mark
  uint32_t open_double_end = 0;
  int open_single = -1;
  uint32_t open_single_end = 0;
  for (uint32_t i = pb; i < pe;) {
    unsigned char c = text[i];
    if (c != '"' && c != '\'' && c != '`' && c != 0xE2 && c != 0xC2) {
      ++i;
      continue;
    }
    Mark m = MarkAt(text, i);
    if (m.kind == MarkKind::kNone) {
      size_t len;
      DecodeAt(text, i, &len);
      i += static_cast<uint32_t>(len);
      continue;
    }
    i = m.end;
    if (m.is_double) {
      // An open quotation closes at a closing mark, or at a straight one
      // that does not look like an opening one (`..., " Trump said`).
      // A “ typed for a ” (after a word, before a space: 'Wins“ that')
      // closes too.
      bool closes = open_double >= 0 &&
                    (m.kind == MarkKind::kClose ||
                     (m.kind == MarkKind::kAmbiguous &&
                      (m.can_close || !m.can_open)) ||
                     (m.kind == MarkKind::kOpen && m.can_close && !m.can_open));
      if (closes) {
        Segment s;
        s.open = static_cast<uint32_t>(open_double);
        s.close = m.end;
        s.inner_b = open_double_end;
        s.inner_e = m.begin;
        if (s.inner_e > s.inner_b) out->push_back(s);
        open_double = -1;
        open_single = -1;
      } else if (m.can_open && (m.kind == MarkKind::kOpen ||
                                m.kind == MarkKind::kAmbiguous)) {
        // A second opening mark: the first never closed; start again here.
        open_double = static_cast<int>(m.begin);
        open_double_end = m.end;
        open_single = -1;
      }
      continue;
    }
    if (open_double >= 0) {
      // Two closing single marks typed for a double one ('a “question’’').
      size_t nlen;
      if (m.kind == MarkKind::kClose && m.can_close && m.end < pe &&
          DecodeAt(text, m.end, &nlen) == 0x2019) {
        Segment s;
        s.open = static_cast<uint32_t>(open_double);
        s.close = m.end + static_cast<uint32_t>(nlen);
        s.inner_b = open_double_end;
        s.inner_e = m.begin;
        if (s.inner_e > s.inner_b) out->push_back(s);
        open_double = -1;
        open_single = -1;
        i = s.close;
      }
      continue;  // nested single quotes
    }
    if (open_single >= 0 && m.can_close &&
        (m.kind == MarkKind::kClose || m.kind == MarkKind::kAmbiguous)) {
      // Need at least three characters with a letter: 'n' is not a quote.
      std::string_view inner =
          text.substr(open_single_end, m.begin - open_single_end);
      size_t nlen;
      uint32_t after = DecodeAt(text, m.end, &nlen);
      bool has_letter = false;
      for (char ch : inner) {
        if (std::isalpha(static_cast<unsigned char>(ch))) has_letter = true;
      }
      if (inner.size() >= 3 && has_letter && !IsLetterCp(after)) {
        Segment s;
        s.open = static_cast<uint32_t>(open_single);
        s.close = m.end;
        s.inner_b = open_single_end;
        s.inner_e = m.begin;
        out->push_back(s);
        open_single = -1;
        continue;
      }
    }
    if (m.can_open && !m.can_close &&
        (m.kind == MarkKind::kOpen || m.kind == MarkKind::kAmbiguous)) {
      open_single = static_cast<int>(m.begin);
      open_single_end = m.end;
    }
  }
  // A paragraph that ends inside a double quote whose next paragraph opens
  // with a quotation mark: the quotation goes on (news convention).
  if (open_double >= 0 && next_opens) {
    Segment s;
    s.open = static_cast<uint32_t>(open_double);
    s.inner_b = open_double_end;
    uint32_t e = pe;
    while (e > s.inner_b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    s.close = e;
    s.inner_e = e;
    s.continues = true;
    if (s.inner_e > s.inner_b) out->push_back(s);
  }
}

std::vector<Segment> FindSegments(std::string_view text) {
  std::vector<Segment> segs;
  std::vector<uint32_t> ends = ParagraphEnds(text);
  uint32_t pb = 0;
  for (size_t p = 0; p < ends.size(); ++p) {
    uint32_t pe = ends[p];
    uint32_t next_b = pe;
    while (next_b < text.size() && text[next_b] == '\n') ++next_b;
    bool next_opens = p + 1 < ends.size() && OpensWithDoubleMark(text, next_b);
    size_t before = segs.size();
    ScanParagraph(text, pb, pe, next_opens, &segs);
    // Mark the first segment of this paragraph as a continuation when the
    // last one of the previous paragraph continued.
    if (segs.size() > before && before > 0 && segs[before - 1].continues &&
        segs[before].open < pb + 8) {
      segs[before].continued = true;
    }
    pb = next_b;
  }
  // A chain that never closes in its last paragraph: drop the chain's links.
  std::vector<Segment> kept;
  for (size_t i = 0; i < segs.size(); ++i) {
    if (segs[i].continues) {
      size_t j = i;
      while (j < segs.size() && segs[j].continues && j + 1 < segs.size() &&
             segs[j + 1].continued) {
        ++j;
      }
      if (segs[j].continues) {  // the chain ends unclosed
        i = j;
        continue;
      }
      // Merge the chain into one segment.
      Segment s = segs[i];
      s.close = segs[j].close;
      s.inner_e = segs[j].inner_e;
      s.continues = false;
      kept.push_back(s);
      i = j;
      continue;
    }
    kept.push_back(segs[i]);
  }
  return kept;
}

// ---------------------------------------------------------------------------
// Words

bool IsAux(std::string_view w) {
  static const char* const kAux[] = {
      "has",   "have",     "had",     "is",         "was",       "were",
      "are",   "will",     "would",   "could",      "also",      "later",
      "earlier", "previously", "repeatedly", "recently", "then", "did",
      "does",  "do",       "not",     "n't",        "never",     "reportedly",
      "again", "publicly", "privately", "once",     "already",   "often",
      "first", "just",     "may",     "might",      "should",    "can",
      "had",   "been",     "be",      "flatly",     "quickly",   "simply",
      "further", "specifically", "openly", "separately", "told"};
  for (const char* a : kAux) {
    if (w == a) return true;
  }
  return false;
}

bool IsTimeWord(std::string_view w) {
  static const char* const kTime[] = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday",
      "sunday",  "yesterday", "today",     "tonight",  "earlier", "later",
      "morning", "afternoon", "evening",   "night",    "week",    "month",
      "year",    "weekend",   "january",   "february", "march",   "april",
      "may",     "june",      "july",      "august",   "september",
      "october", "november",  "december",  "last",     "this",    "on",
      "in",      "at",        "late",      "early",    "recently",
      "monday's", "statement", "interview", "a",       "an",      "the",
      "friday's"};
  for (const char* t : kTime) {
    if (w == t) return true;
  }
  return false;
}

std::string Lower(std::string_view w) {
  // ASCII lower case, and the curly apostrophe as a straight one, so "n’t"
  // matches "n't".
  std::string s;
  s.reserve(w.size());
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

// Returns the name Quote::cue_class gives a cue class.
const char* ClassName(CueClass c) {
  switch (c) {
    case CueClass::kSpeech:
    case CueClass::kObject:
    case CueClass::kAccording:
      return "speech";
    case CueClass::kBelief:
      return "belief";
    case CueClass::kEvidence:
      return "evidence";
    case CueClass::kAct:
    case CueClass::kNone:
      return "act";
  }
  return "speech";
}

// ---------------------------------------------------------------------------
// The per-document analysis

struct Attribution {
  int sentence = 0;
  const char* cue_class = "speech";  // Quote::cue_class
  int cue_b = -1, cue_e = -1;  // tokens
  int src_b = -1, src_e = -1;  // tokens; -1 when none
  std::vector<int> segments;   // direct quotes (indices into segs)
  Span content;                // indirect content, {0,0} when none
  Span content2;               // its first part, before an interruption
  std::string speaker;         // entity id
  std::string speaker_name;
  std::vector<std::string> speakers;  // all of them, when several
};

// Where WalkLeft is in its walk over a subject.
struct LeftWalk {
  int sb = 0;           // the sentence's first token
  int j = 0;            // the last token before the cue, a comma left out
  int k = 0;            // the token looked at
  int last_in = -1;     // the first token taken in so far, -1
  int commas = 0;       // appositive commas passed
  bool appositive = false;  // a comma before the cue
};

// One cue while FindCues decides on it: its sentence, the cue word and its
// class, and what the steps found so far.
struct CueState {
  int s = 0, sb = 0, se = 0;  // the sentence and its tokens
  int i = 0;                  // the cue word
  CueClass cls = CueClass::kSpeech;
  bool colon = false;            // "said:"
  bool inverted = false;         // the source follows the cue
  bool from_subject = false;     // the source is the main clause's subject
  int b = -1, e = -1;            // the source's tokens
  int group_b = 0, group_e = 0;  // the cue's and source's tokens together
  int claim_e = 0;               // one past the tokens the attribution claims
};

class Analysis {
 public:
  Analysis(const QuoteExtractor::CueClass* (*lookup)(const void*,
                                                     std::string_view),
           const void* self, Document* doc)
      : lookup_(lookup), self_(self), doc_(doc), text_(doc->text) {}

  void Run();
  // The cue detector and the test of which tokens it is asked about.
  void SetCueModel(const CueModel* m, const QuoteExtractor* q) {
    cue_model_ = m;
    extractor_ = q;
  }

 private:
  size_t N() const { return doc_->tokens.size(); }
  std::string_view Tok(int i) const {
    if (i < 0 || i >= static_cast<int>(N())) return {};
    const Span& s = doc_->tokens[i];
    return text_.substr(s.begin, s.end - s.begin);
  }
  const std::string& Pos(int i) const {
    static const std::string kEmpty;
    return has_pos_ ? doc_->pos[i] : kEmpty;
  }
  const std::string& Chunk(int i) const {
    static const std::string kEmpty;
    return has_chunks_ ? doc_->chunks[i] : kEmpty;
  }
  bool IsVerb(int i) const {
    return !has_pos_ || (Pos(i).size() >= 2 && Pos(i)[0] == 'V');
  }
  bool IsFiniteVerb(int i) const {
    const std::string& p = Pos(i);
    return p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD";
  }
  // Returns true when token e (after a noun phrase) is the finite verb of
  // that phrase's clause, maybe after an adverb: "said China and Russia
  // have established", "said Trump will": the phrase is no inverted
  // subject but the subject of what was said.
  bool SubjectOfClause(int e, int se) const {
    if (!has_pos_ || e >= se) return false;
    if (Pos(e) == "RB" && e + 1 < se) ++e;
    return IsFiniteVerb(e) && seg_of_tok_[e] < 0 && !IsQuoteTok(e);
  }
  bool IsNominal(int i) const;
  bool IsPunct(int i, std::string_view p) const { return Tok(i) == p; }
  bool IsQuoteTok(int i) const { return quote_tok_[i] != 0; }

  int TokenAt(uint32_t byte) const;  // first token beginning at or after
  void FindCues(int s);
  bool TitleCase(int sb, int se) const;
  std::vector<int> CueOrder(int sb, int se) const;
  const CueClass* CueClassAt(int i, int sb, int se, bool title_case,
                             int* cue_e) const;
  void AttributeCue(int s, int sb, int se, int i, CueClass cls, int cue_e);
  void AccordingTo(Attribution a, int i, int cue_e, int sb, int se);
  void VerbGroup(Attribution* a, int sb, int se, CueClass cls) const;
  bool PassiveCue(Attribution* a, int i, int sb, int se);
  int InvertedSourceEnd(int e, int se) const;
  bool CueSpeaker(const Attribution& a, CueState* st) const;
  bool SpeakerFits(const CueState& st) const;
  void AdjacentQuotations(Attribution* a, const CueState& st) const;
  void ReportedContent(Attribution* a, CueState* st);
  int ContentStart(const CueState& st, bool* clause, bool* participle) const;
  bool ContentStopsAt(int p, int se, int* k) const;
  int ContentEnd(int p, int se) const;
  bool ClosingQuotation(Attribution* a, int p, int se) const;
  void ContentBeforeCue(Attribution* a, const CueState& st, int p, int ce);
  void QuotationFirstPart(Attribution* a, const CueState& st);
  void SentenceOpeners(int s, int sb, int se);
  void QuoteThenSpeaker(int s, int sb, int se);
  void CueThenQuote(int s, int sb, int se);
  // The class of token m when it is a verb of saying in the lexicons
  // (speech, object or act), else nullptr.
  const CueClass* SayingClass(int m) const;
  // The last character of segment sg's words, trailing spaces and line
  // breaks left out (0 when there are none).
  char InnerLast(int sg) const;
  // The segment whose closing mark ends at byte `end`, or -1.
  int SegmentClosingAt(uint32_t end) const;
  // Adds attribution a with its segments taken and tokens [claim_b,
  // claim_e) claimed, but for [gap_b, gap_e).
  void Commit(Attribution a, int claim_b, int claim_e, int gap_b = 0,
              int gap_e = 0);
  int ReportingRelative(int b, int e) const;
  bool WalkLeft(int j, int sb, int* b, int* e) const;
  int SkipBeforeCue(int j, int sb) const;
  bool IsDash(int m) const;
  bool DashAppositive(int j, int sb, int* b, int* e) const;
  bool IsRelative(int m) const;
  bool WalkRelative(LeftWalk* w) const;
  bool WalkHead(LeftWalk* w, bool* handled) const;
  bool WalkJoin(LeftWalk* w) const;
  bool OpeningNameAppositive(const LeftWalk& w) const;
  void TrimSourceEnd(int b, int* e) const;
  bool WalkRight(int j, int se, int* b, int* e) const;
  int SegmentEndingBefore(int tok) const;
  bool OpensSentence(int sg) const;
  bool ClosesSentence(int sg) const;
  int ObjectEnd(int p, int se) const;
  int SkipOpener(int b, int e) const;
  int SegmentStartingAt(int tok) const;
  void Resolve(Attribution* a) const;
  bool SubjectOf(int s, int limit, int* b, int* e) const;
  bool Raising(int s, int sb, int se, int i);
  bool Reportedly(int s, int sb, int se, int i);
  bool AskedPassive(int s, int sb, int se, int i);
  bool NominalCue(int s, int sb, int se, int i);
  bool OneWordObject(int p) const;
  bool PollOpener(int s, int se, int i);
  // The clause whose predicate is token `verb`, or -1.
  int ClauseAt(int verb) const {
    return verb >= 0 && verb < static_cast<int>(clause_of_pred_.size())
               ? clause_of_pred_[verb]
               : -1;
  }
  bool ClauseAgent(int verb, int sb, int se, int* b, int* e) const;
  // Whether the clause of `verb` has an agent of one token, token k.
  bool AgentHeadedBy(int verb, int k) const {
    int c = ClauseAt(verb);
    if (c < 0) return false;
    for (const ClauseArgument& arg : doc_->clauses[c].arguments) {
      if (arg.role == "agent" && arg.head == static_cast<uint32_t>(k) &&
          arg.span.begin == doc_->tokens[k].begin &&
          arg.span.end == doc_->tokens[k].end) {
        return true;
      }
    }
    return false;
  }
  bool AdverbialGerund(const Attribution& a, int i, int sb) const;
  int ParentPredicate(int verb) const;
  bool OtherClause(int cue, int d) const;
  int OtherClauseStart(const Attribution& a, int cb, int ce) const;
  bool CutAtOtherClauses(int s, size_t first);
  bool Owned(int k, size_t first) const;
  void Emit();
  Span SentenceCover(uint32_t b, uint32_t e) const;
  Span SpeakerBytes(int src_b, int src_e) const;
  void Fill(Quote* q, const Attribution& a) const;
  bool LooseQuotation(size_t sg, int last_attr, Quote* q) const;
  bool StandingQuotation(size_t sg, int first_tok, int last_tok, int last_attr,
                         Quote* q) const;

  const QuoteExtractor::CueClass* (*lookup_)(const void*, std::string_view);
  const void* self_;
  const CueModel* cue_model_ = nullptr;
  const QuoteExtractor* extractor_ = nullptr;
  Document* doc_;
  std::string_view text_;
  bool has_pos_ = false, has_chunks_ = false;
  std::vector<std::string> lower_;
  std::vector<Segment> segs_;
  std::vector<int> seg_of_tok_;  // segment whose inside holds the token, -1
  std::vector<uint8_t> quote_tok_;  // token is a quotation mark of a segment
  std::vector<uint8_t> in_mention_;  // token is inside a tagged name
  std::vector<uint8_t> claimed_;
  std::vector<int> sent_of_tok_;
  std::vector<Attribution> attrs_;
  std::vector<int> seg_attr_;  // attribution of each segment, -1
  std::vector<int> clause_of_pred_;  // clause whose predicate is the token
  // Entity mentions sorted by begin: (begin, end, entity index).
  struct M {
    uint32_t b, e;
    int entity;
  };
  std::vector<M> mentions_;
};

bool Analysis::IsNominal(int i) const {
  if (i < 0 || i >= static_cast<int>(N()) || quote_tok_[i]) return false;
  const std::string& p = Pos(i);
  std::string_view t = Tok(i);
  if (t == "'s" || t == "\xE2\x80\x99s") return true;
  if (p == "POS") return t == "'" || t == "\xE2\x80\x99";  // "voters'"
  size_t len;
  uint32_t first = t.empty() ? 0 : DecodeAt(t, 0, &len);
  if (!IsLetterCp(first) && !IsDigitCp(first)) {
    return t == "%" || t == "$";  // "42% say"
  }
  // A name the entity tagger found is a noun whatever its POS tag
  // ("Schilling/VBG told").
  if (!in_mention_.empty() && in_mention_[i]) return true;
  if (!has_pos_) return true;
  if (p.empty()) return false;
  if (p[0] == 'N' || p == "PRP" || p == "PRP$" || p == "DT" || p == "CD" ||
      p == "WP" || p == "WDT" || p == "JJ" || p == "JJS" || p == "JJR") {
    return true;
  }
  const std::string& c = Chunk(i);
  bool np = c == "I-NP" || c == "B-NP";
  // A capitalised name the POS model took for a participle ("Schilling"),
  // and a noun it took for an infinitive after "to" ("according to law/VB
  // enforcement officials") where the chunker saw a noun phrase.
  if (np && (p == "VBG" || p == "VBN") && first >= 'A' && first <= 'Z' &&
      i + 1 < static_cast<int>(N()) && Pos(i + 1)[0] == 'V') {
    return true;
  }
  if (np && p == "VB" && i > 0 && lower_[i - 1] == "to") return true;
  return np && p[0] != 'V' && p != "IN" && p != "CC" && p != "RB";
}

// Returns true when token p alone can be what a cue's clause is about: a
// name, a pronoun, a noun or a demonstrative ("endorsed him.", "praised
// Putin, saying ...", "he said that.", "half said so"), not a time word
// ("said Thursday.") or a mark. PolNeAR marks these objects as the content
// of acts and statements; the learnt filter judges them like any other.
bool Analysis::OneWordObject(int p) const {
  if (p < 0 || p >= static_cast<int>(N()) || !has_pos_ || IsQuoteTok(p) ||
      seg_of_tok_[p] >= 0) {
    return false;
  }
  const std::string& t = Pos(p);
  const std::string& w = lower_[p];
  if (w == "so") return true;
  if (t == "DT") {
    return w == "that" || w == "this" || w == "these" || w == "those";
  }
  if (IsTimeWord(w)) return false;
  return t == "PRP" || t == "NNP" || t == "NNPS" || t == "NN" || t == "NNS";
}

int Analysis::TokenAt(uint32_t byte) const {
  auto it = std::lower_bound(
      doc_->tokens.begin(), doc_->tokens.end(), byte,
      [](const Span& s, uint32_t b) { return s.begin < b; });
  return static_cast<int>(it - doc_->tokens.begin());
}

// Drops adverbs, reflexives and time words from the end of a source
// ("Obama himself", "a poll last week", "She regularly").
void Analysis::TrimSourceEnd(int b, int* e) const {
  auto day = [](const std::string& w) {
    return w == "monday" || w == "tuesday" || w == "wednesday" ||
           w == "thursday" || w == "friday" || w == "saturday" ||
           w == "sunday" || w == "today" || w == "yesterday" ||
           w == "tonight";
  };
  while (*e - 1 > b) {
    const std::string& w = lower_[*e - 1];
    if (w == ",") break;
    if ((Pos(*e - 1) == "RB" && w != "not") || w == "himself" ||
        w == "herself" || w == "themselves" || w == "itself" || day(w)) {
      --*e;
      continue;
    }
    if ((w == "night" || w == "morning" || w == "evening" || w == "week" ||
         w == "month" || w == "year") &&
        *e - 2 > b &&
        (day(lower_[*e - 2]) || lower_[*e - 2] == "last" ||
         lower_[*e - 2] == "this")) {
      *e -= 2;
      continue;
    }
    break;
  }
}

// Moves j (the last token before a cue) back over a time phrase between
// subject and cue, which belongs to neither ("the senator on Tuesday said"),
// and over ", however," or "however". Returns the new j.
int Analysis::SkipBeforeCue(int j, int sb) const {
  int k = j;
  bool timeish = false;
  while (k > sb && IsTimeWord(lower_[k]) && lower_[k] != "on" &&
         lower_[k] != "in" && lower_[k] != "the" && lower_[k] != "a" &&
         lower_[k] != "an" && lower_[k] != "at") {
    timeish = true;
    --k;
  }
  if (timeish && k > sb && (lower_[k] == "on" || lower_[k] == "in")) {
    j = k - 1;
  } else if (timeish && k >= sb && k < j &&
             (lower_[k + 1] == "last" || lower_[k + 1] == "this" ||
              lower_[k + 1] == "monday" || lower_[k + 1] == "tuesday" ||
              lower_[k + 1] == "wednesday" || lower_[k + 1] == "thursday" ||
              lower_[k + 1] == "friday" || lower_[k + 1] == "saturday" ||
              lower_[k + 1] == "sunday") &&
             IsNominal(k)) {
    j = k;  // "A Washington Post-ABC News poll last week said"
  }
  if (j - 2 >= sb && IsPunct(j, ",") && IsPunct(j - 2, ",") &&
      (lower_[j - 1] == "however" || lower_[j - 1] == "though" ||
       lower_[j - 1] == "meanwhile" || lower_[j - 1] == "too")) {
    j -= 3;
  } else if (j - 1 >= sb && lower_[j] == "however") {
    --j;
  }
  return j;
}

bool Analysis::IsDash(int m) const {
  return lower_[m] == "\xE2\x80\x94" || lower_[m] == "--" ||
         lower_[m] == "\xE2\x80\x93" || lower_[m] == "-";
}

// "Jason Sims — a teacher from Mount Pleasant — said": a subject with an
// appositive between dashes, the second dash at token j. Sets [*b, *e).
bool Analysis::DashAppositive(int j, int sb, int* b, int* e) const {
  int m = j - 1;
  while (m > sb && m > j - 30 && !IsDash(m) && !IsQuoteTok(m) &&
         seg_of_tok_[m] < 0) {
    --m;
  }
  int b2, e2;
  if (m > sb && IsDash(m) && IsNominal(m - 1) &&
      WalkLeft(m - 1, sb, &b2, &e2) && e2 == m) {
    *b = b2;
    *e = j + 1;
    return true;
  }
  return false;
}

bool Analysis::IsRelative(int m) const {
  return Pos(m) == "WP" || Pos(m) == "WDT" || lower_[m] == "who" ||
         lower_[m] == "which";
}

// One step of WalkLeft at a relative pronoun (w->k): "who said" (the
// pronoun is the source), or a relative clause inside the source
// ("Democrats in Iowa who watched the debate", "Jason Furman, who leads the
// council,") when the pronoun is its subject (not "hackers who U.S.
// officials say ..."). Returns false when the walk stops.
bool Analysis::WalkRelative(LeftWalk* w) const {
  int& k = w->k;
  if (k == w->j) {
    w->last_in = k;
    return false;
  }
  bool subject_rel = k + 1 < static_cast<int>(N()) &&
                     (!has_pos_ || Pos(k + 1)[0] == 'V' ||
                      Pos(k + 1) == "RB" || Pos(k + 1) == "MD");
  if (!subject_rel) return false;
  if (w->last_in >= 0 && k - 1 >= w->sb && IsNominal(k - 1)) {
    --k;
    return true;
  }
  if (w->last_in >= 0 && k - 2 >= w->sb && lower_[k - 1] == "," &&
      w->appositive && w->commas == 0 && IsNominal(k - 2)) {
    ++w->commas;
    k -= 2;
    return true;
  }
  return false;
}

// One step of WalkLeft at a word of the phrase's head (w->k): nouns, a
// closing parenthesis, a participle or gerund, a verb of a relative clause.
// Sets *handled when the word was one of these; returns false when the walk
// stops.
bool Analysis::WalkHead(LeftWalk* w, bool* handled) const {
  int& k = w->k;
  int& last_in = w->last_in;
  const int sb = w->sb;
  const std::string& lw = lower_[k];
  *handled = true;
  if (IsNominal(k)) {
    // Two noun phrases side by side are two things ("the ventures she").
    if (last_in == k + 1 && has_chunks_ && Chunk(k + 1) == "B-NP" &&
        Pos(k) != "POS" && Pos(k + 1) != "POS" && lw != "'s" &&
        Pos(k + 1) != "PRP" && Pos(k) != "NNP") {
      return false;
    }
    if (last_in == k + 1 && Pos(k + 1) == "PRP") return false;
    last_in = k;
    --k;
    return true;
  }
  if (lw == ")" && last_in < 0 && k - 1 >= sb) {  // "Council (NSC) said"
    --k;
    // "Sen. Bernie Sanders (I-Vt.) said": the abbreviation's period is a
    // token of its own inside the parentheses.
    if (k - 1 >= sb && lower_[k] == "." && IsNominal(k - 1)) --k;
    return true;
  }
  if (last_in < 0) return false;
  if (Pos(k) == "VBG" && k - 1 >= sb && IsNominal(k - 1) &&
      last_in == k + 1) {  // "policy planning director", "polling average"
    --k;
    return true;
  }
  if (Pos(k) == "VBG" && last_in < 0 && k - 1 >= sb &&
      (Pos(k - 1) == "PRP$" || Pos(k - 1) == "DT")) {
    last_in = k;  // a gerund as the head: "people familiar with her thinking"
    --k;
    return true;
  }
  if ((lw == "about" || lw == "virtually" || lw == "nearly" ||
       lw == "almost" || lw == "roughly" || lw == "some") &&
      last_in == k + 1) {  // "About one in five"
    last_in = k;
    --k;
    return true;
  }
  if (has_pos_ && Pos(k)[0] == 'V') {
    // A participle after a noun ("a poll released Saturday") or a verb of
    // a relative clause ("people who watched the debate").
    if (Pos(k) == "VBN" && k - 1 >= sb && IsNominal(k - 1)) {
      --k;
      return true;
    }
    int m = k - 1;
    while (m >= sb && m > k - 12 && !IsQuoteTok(m) && lower_[m] != "," &&
           lower_[m] != ";" && !IsRelative(m)) {
      --m;
    }
    if (m > sb && IsRelative(m) &&
        (lower_[m] != "that" || (IsNominal(m - 1) && m == k - 1)) &&
        (IsNominal(m - 1) || lower_[m - 1] == ",")) {
      k = m;
      return true;
    }
    return false;
  }
  *handled = false;
  return true;
}

// One step of WalkLeft at a word joining the phrase's parts (w->k):
// prepositions and conjunctions between nouns, parentheses, an adverb of an
// appositive, the commas of an appositive or an age. Returns false when the
// walk stops.
bool Analysis::WalkJoin(LeftWalk* w) const {
  int& k = w->k;
  const int sb = w->sb, j = w->j, last_in = w->last_in;
  const std::string& lw = lower_[k];
  bool prev_nominal = k - 1 >= sb && IsNominal(k - 1) && !IsQuoteTok(k - 1);
  // "People briefed on the situation", "Fields, along with ..."
  if ((lw == "on" || lw == "by" || lw == "with" || lw == "in" ||
       lw == "about") &&
      k - 2 >= sb && Pos(k - 1) == "VBN" && IsNominal(k - 2)) {
    k -= 2;
    return true;
  }
  if (lw == "with" && k - 1 >= sb && lower_[k - 1] == "along") {
    k -= 2;
    return true;
  }
  if ((lw == "of" || lw == "to" || lw == "for" || lw == "at" ||
       lw == "and" || lw == "&" || lw == "in" || lw == "with" ||
       lw == "/" || lw == "nor" || lw == "like" || lw == "including" ||
       lw == "among" ||
       (lw == "from" && Pos(k + 1).rfind("NNP", 0) == 0) ||
       (lw == "than" && k - 1 >= sb &&
        (lower_[k - 1] == "more" || lower_[k - 1] == "less" ||
         lower_[k - 1] == "fewer"))) &&
      (prev_nominal || lw == "than")) {
    bool than = lw == "than";
    --k;
    if (than) {  // "more than two dozen"
      w->last_in = k;
      --k;
    }
    return true;
  }
  if (Pos(k) == "RB" && last_in == k + 1 && k - 1 >= sb &&
      (IsNominal(k - 1) || lower_[k - 1] == ",") &&
      (lw == "now" || lw == "just" || lw == "also" || lw == "once")) {
    --k;  // "Sen. Ted Cruz of Texas, now a GOP contender"
    return true;
  }
  if ((lw == "(" || lw == ")") && k - 1 >= sb) {
    --k;
    return true;
  }
  if (lw == "," && w->appositive && w->commas == 0 && prev_nominal) {
    ++w->commas;
    --k;
    return true;
  }
  // "The other man, his cousin James York, 40,": the age's commas.
  if (lw == "," && w->appositive && w->commas == 1 && prev_nominal &&
      j - 1 >= sb && Pos(j) == "CD" && lower_[j - 1] == "," && k < j - 1) {
    ++w->commas;
    --k;
    return true;
  }
  // An age between commas ("Ramil Carr, 31, a photographer,").
  if (lw == "," && w->appositive && w->commas == 1 && k - 2 >= sb &&
      Pos(k - 1) == "CD" && lower_[k - 2] == "," && k - 3 >= sb &&
      IsNominal(k - 3)) {
    k -= 3;
    return true;
  }
  return false;
}

// "Rich Heffley, a top operative who ran the early vote, said": a name
// opening the sentence, a comma, and an appositive up to the cue. Returns
// true when the walk w ended in one.
bool Analysis::OpeningNameAppositive(const LeftWalk& w) const {
  const int sb = w.sb, j = w.j;
  int c = sb;
  while (c < j && lower_[c] != ",") ++c;
  bool name = c > sb && c < j;
  for (int m = sb; m < c && name; ++m) {
    if (!(IsNominal(m) || lower_[m] == "of" || lower_[m] == "(" ||
          lower_[m] == ")")) {
      name = false;
    }
  }
  return name && c + 1 <= j && (IsNominal(c + 1) || lower_[c + 1] == "who");
}

// Walks left from token j (the last before the cue) over the cue's subject:
// noun-phrase chunks joined by "of", "and", possessives, parentheses and one
// appositive ("Russia's ambassador, Anatoly Antonov,"). Sets [*b, *e).
bool Analysis::WalkLeft(int j, int sb, int* b, int* e) const {
  if (j < sb) return false;
  j = SkipBeforeCue(j, sb);
  if (j < sb) return false;
  if (j - 2 >= sb && IsDash(j)) return DashAppositive(j, sb, b, e);
  LeftWalk w;
  w.sb = sb;
  int end = j + 1;
  if (IsPunct(j, ",")) {
    w.appositive = true;
    --j;
  }
  w.j = j;
  w.k = j;
  while (w.k >= sb) {
    if (IsQuoteTok(w.k) || seg_of_tok_[w.k] >= 0) break;
    if (IsRelative(w.k)) {
      if (WalkRelative(&w)) continue;
      break;
    }
    bool handled = false;
    if (!WalkHead(&w, &handled)) break;
    if (handled) continue;
    if (!WalkJoin(&w)) break;
  }
  if (w.appositive && w.commas == 0 && w.last_in >= 0 &&
      OpeningNameAppositive(w)) {
    *b = sb;
    *e = end;
    return true;
  }
  if (w.last_in < 0) return false;
  *b = w.last_in;
  // Leading connectors or a dangling parenthesis are not part of it.
  while (*b < end && (lower_[*b] == "and" || lower_[*b] == "of" ||
                      lower_[*b] == ")" || lower_[*b] == "," ||
                      lower_[*b] == "in" || lower_[*b] == "on")) {
    ++(*b);
  }
  *e = end;
  if (w.appositive && w.commas == 0) *e = end - 1;  // "X, said": no appositive
  TrimSourceEnd(*b, e);
  if (*b >= *e) return false;
  // A lone determiner or possessive is no speaker.
  if (*e - *b == 1 && (Pos(*b) == "DT" || Pos(*b) == "PRP$")) return false;
  return true;
}

// Walks right from token j over an inverted subject ("said Peskov", "said
// the spokesman, Anatoly Antonov."). Sets [*b, *e).
bool Analysis::WalkRight(int j, int se, int* b, int* e) const {
  int k = j;
  int last_in = -1;
  int commas = 0;
  while (k < se) {
    if (IsQuoteTok(k) || seg_of_tok_[k] >= 0) break;
    const std::string& lw = lower_[k];
    if (IsNominal(k) && Pos(k) != "WDT" && Pos(k) != "WP") {
      last_in = k;
      ++k;
      continue;
    }
    if (last_in < 0) break;
    bool next_nominal = k + 1 < se && IsNominal(k + 1);
    if ((lw == "of" || lw == "to" || lw == "for" || lw == "at" ||
         lw == "and") &&
        next_nominal) {
      ++k;
      continue;
    }
    if (lw == "(") {  // "Harry M. Reid (D-Nev.)"
      int m = k + 1;
      while (m < se && m < k + 6 && lower_[m] != ")") ++m;
      if (m < se && lower_[m] == ")") {
        last_in = m;
        k = m + 1;
        continue;
      }
    }
    if (lw == "," && commas == 0 && next_nominal) {
      // An appositive only when it closes the clause: ", NP ." or ", NP ,"
      int m = k + 1;
      while (m < se && (IsNominal(m) || lower_[m] == "of")) ++m;
      if (m >= se || lower_[m] == "." || lower_[m] == ",") {
        ++commas;
        ++k;
        continue;
      }
    }
    break;
  }
  if (last_in < 0) return false;
  *b = j;
  *e = last_in + 1;
  if (commas > 0 && *e < se && lower_[*e] == ",") ++(*e);
  return *e > *b;
}

// Returns the segment whose closing mark is the last thing before token
// `tok` (skipping a comma after it), or -1.
int Analysis::SegmentEndingBefore(int tok) const {
  int k = tok - 1;
  while (k >= 0 && (IsPunct(k, ",") || IsPunct(k, "\xE2\x80\x94") ||
                    IsPunct(k, "--"))) {
    --k;
  }
  // The quotation ends this sentence's first words, or the sentence before
  // when the attribution opens this one ("...?" Sanders said.).
  if (k < 0 || !IsQuoteTok(k)) return -1;
  int st = sent_of_tok_[tok];
  if (sent_of_tok_[k] != st &&
      (st <= 0 || sent_of_tok_[k] != st - 1 ||
       static_cast<int>(doc_->sentences[st].token_begin) != tok ||
       text_.substr(doc_->tokens[k].end,
                    doc_->tokens[tok].begin - doc_->tokens[k].end)
               .find('\n') != std::string_view::npos)) {
    return -1;
  }
  return SegmentClosingAt(doc_->tokens[k].end);
}

int Analysis::SegmentClosingAt(uint32_t end) const {
  for (int s = static_cast<int>(segs_.size()) - 1; s >= 0; --s) {
    if (segs_[s].close == end) return s;
    if (segs_[s].close < end) break;
  }
  return -1;
}

char Analysis::InnerLast(int sg) const {
  std::string_view inner =
      text_.substr(segs_[sg].inner_b, segs_[sg].inner_e - segs_[sg].inner_b);
  while (!inner.empty() && (inner.back() == ' ' || inner.back() == '\n')) {
    inner.remove_suffix(1);
  }
  return inner.empty() ? 0 : inner.back();
}

const CueClass* Analysis::SayingClass(int m) const {
  const CueClass* c = lookup_(self_, lower_[m]);
  if (c != nullptr && (*c == CueClass::kSpeech || *c == CueClass::kObject ||
                       *c == CueClass::kAct)) {
    return c;
  }
  return nullptr;
}

void Analysis::Commit(Attribution a, int claim_b, int claim_e, int gap_b,
                      int gap_e) {
  for (int sg : a.segments) seg_attr_[sg] = static_cast<int>(attrs_.size());
  for (int k = claim_b; k < claim_e; ++k) {
    if (k < gap_b || k >= gap_e) claimed_[k] = 1;
  }
  attrs_.push_back(std::move(a));
}

// Returns true if segment sg's opening mark comes before any word of its
// sentence.
bool Analysis::OpensSentence(int sg) const {
  int k = TokenAt(segs_[sg].open);
  if (k >= static_cast<int>(N()) || sent_of_tok_[k] < 0) return false;
  for (int j = doc_->sentences[sent_of_tok_[k]].token_begin; j < k; ++j) {
    if (std::isalnum(static_cast<unsigned char>(Tok(j)[0]))) return false;
  }
  return true;
}

// Returns true if only punctuation follows segment sg in its last sentence.
bool Analysis::ClosesSentence(int sg) const {
  int k = TokenAt(segs_[sg].close);
  if (k >= static_cast<int>(N())) return true;
  int last = k > 0 ? k - 1 : 0;
  int st = sent_of_tok_[last];
  if (st < 0) return false;
  int se = static_cast<int>(doc_->sentences[st].token_end);
  for (int j = k; j < se && j < static_cast<int>(N()); ++j) {
    if (std::isalnum(static_cast<unsigned char>(Tok(j)[0]))) return false;
  }
  return true;
}

// Returns the end of the noun phrase starting at token p (with its
// prepositional phrases, coordinated nouns and quoted words), before se.
int Analysis::ObjectEnd(int p, int se) const {
  int k = p;
  int end = p;
  while (k < se) {
    const std::string& w = lower_[k];
    if (seg_of_tok_[k] >= 0 || IsQuoteTok(k) || IsNominal(k) ||
        Pos(k) == "RB" || Pos(k) == "VBN" || Pos(k) == "VBG") {
      ++k;
      if (IsNominal(k - 1) || seg_of_tok_[k - 1] >= 0 || IsQuoteTok(k - 1) ||
          Pos(k - 1) == "VBG") {
        end = k;
      }
      continue;
    }
    bool prep = w == "of" || w == "for" || w == "in" || w == "on" ||
                w == "to" || w == "about" || w == "with" || w == "from" ||
                w == "against" || w == "over" || w == "at" || w == "by" ||
                w == "and" || w == "or";
    if (prep && k + 1 < se &&
        (IsNominal(k + 1) || IsQuoteTok(k + 1) || Pos(k + 1) == "VBG")) {
      ++k;
      continue;
    }
    break;
  }
  return end;
}

// Returns the first token of the clause starting at b after a sentence
// adverb and its comma ("In fact, ...", "Still, ..."), before e.
int Analysis::SkipOpener(int b, int e) const {
  static const char* const kOpeners[] = {"still", "however", "meanwhile",
                                         "indeed", "nevertheless", "instead",
                                         "yet", "now", "moreover"};
  if (b + 2 < e && lower_[b + 1] == ",") {
    for (const char* o : kOpeners) {
      if (lower_[b] == o) return b + 2;
    }
  }
  if (b + 3 < e && lower_[b] == "in" && lower_[b + 1] == "fact" &&
      lower_[b + 2] == ",") {
    return b + 3;
  }
  return b;
}

// Returns the segment whose opening mark is token `tok` (after an optional
// comma, colon or "that"), or -1.
int Analysis::SegmentStartingAt(int tok) const {
  int k = tok;
  while (k < static_cast<int>(N()) &&
         (IsPunct(k, ",") || IsPunct(k, ":") || lower_[k] == "that")) {
    ++k;
  }
  if (k >= static_cast<int>(N()) || !IsQuoteTok(k)) return -1;
  uint32_t byte = doc_->tokens[k].begin;
  auto it = std::lower_bound(
      segs_.begin(), segs_.end(), byte,
      [](const Segment& s, uint32_t b) { return s.open < b; });
  if (it != segs_.end() && it->open == byte) {
    return static_cast<int>(it - segs_.begin());
  }
  return -1;
}

// An attribution that opens a sentence without a verb: a headline's
// "Clinton: Time for a new strategy" (the colon is the cue).
void Analysis::SentenceOpeners(int s, int sb, int se) {
  if (se - sb < 4 || seg_of_tok_[sb] >= 0 || IsQuoteTok(sb)) return;
  int k = sb;
  while (k < se && k < sb + 4 && IsNominal(k) && Pos(k) != "DT") ++k;
  if (k > sb && k < se - 2 && lower_[k] == ":" &&
      std::isupper(static_cast<unsigned char>(Tok(sb)[0]))) {
    // Interview letters and page furniture ("Q:", "Editor's note:",
    // "UPDATE:", "Photo:") name no speaker.
    const std::string& head = lower_[k - 1];
    if ((k == sb + 1 && Tok(sb).size() == 1) || head == "note" ||
        head == "update" || head == "updated" || head == "photo" ||
        head == "video" || head == "watch" || head == "related" ||
        head == "source" || head == "sources" || head == "credit" ||
        head == "correction" || head == "image" || head == "more" ||
        head == "ps" || head == "p.s." || head == "disclosure" ||
        head == "transcript" || head == "read") {
      return;
    }
    // '... assessment: "It's not quite optimistic," he said.': the verb
    // after the colon is the cue.
    for (int m = k + 1; m < se; ++m) {
      if (seg_of_tok_[m] >= 0 || IsQuoteTok(m) || !IsVerb(m)) continue;
      const QuoteExtractor::CueClass* c = lookup_(self_, lower_[m]);
      if (c != nullptr && *c == CueClass::kSpeech) return;
    }
    Attribution a;
    a.sentence = s;
    a.cue_b = k;
    a.cue_e = k + 1;
    a.src_b = sb;
    a.src_e = k;
    int ce = se;
    while (ce > k + 1 && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                          lower_[ce - 1] == "?")) {
      --ce;
    }
    if (ce > k + 1) {
      a.content = {doc_->tokens[k + 1].begin, doc_->tokens[ce - 1].end};
      for (int m = sb; m < ce; ++m) claimed_[m] = 1;
      attrs_.push_back(std::move(a));
    }
    return;
  }
}

// Returns true when most words of tokens [sb, se) are capitalised (a
// headline).
bool Analysis::TitleCase(int sb, int se) const {
  int alpha_words = 0, capitalised = 0;
  for (int i = sb; i < se; ++i) {
    std::string_view t = Tok(i);
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) continue;
    ++alpha_words;
    if (std::isupper(static_cast<unsigned char>(t[0]))) ++capitalised;
  }
  return alpha_words >= 4 && capitalised * 10 >= alpha_words * 7;
}

// Returns the tokens of [sb, se) in the order FindCues asks them: cues that
// end their sentence (", he said.", ", said an official.") go first, so the
// clause before them is theirs and not the content of an earlier verb ("They
// want to ..., Sanders said."); then the rest in text order.
std::vector<int> Analysis::CueOrder(int sb, int se) const {
  std::vector<int> order;
  for (int i = sb; i < se; ++i) {
    if (seg_of_tok_[i] >= 0 || IsQuoteTok(i)) continue;
    int words = 0;
    bool verb = false;
    for (int k = i + 1; k < se && words <= 6; ++k) {
      if (seg_of_tok_[k] >= 0 || IsQuoteTok(k)) {
        words = 99;
        break;
      }
      if (std::isalnum(static_cast<unsigned char>(Tok(k)[0]))) ++words;
      if (has_pos_ && Pos(k)[0] == 'V') verb = true;
    }
    // ... and whose subject follows a comma or quotation, or who follow one
    // themselves (not "Scott said he fully supports the compromise.").
    bool after_break = false;
    for (int k = i - 1; k >= sb && k >= i - 10; --k) {
      if (lower_[k] == "," || IsQuoteTok(k)) {
        after_break = true;
        break;
      }
      if (has_pos_ && Pos(k)[0] == 'V' && !IsAux(lower_[k])) break;
    }
    // An inversion after a comma or quotation (", said Dan Gerstein,
    // director of ...") is final however long its speaker's description.
    bool inverted_cue = i > sb && (lower_[i - 1] == "," || IsQuoteTok(i - 1)) &&
                        i + 1 < se && IsNominal(i + 1) &&
                        lookup_(self_, lower_[i]) != nullptr &&
                        *lookup_(self_, lower_[i]) == CueClass::kSpeech;
    if ((words <= 6 && !verb && after_break) || inverted_cue) order.push_back(i);
  }
  size_t finals = order.size();
  for (int i = sb; i < se; ++i) {
    if (std::find(order.begin(), order.begin() + finals, i) ==
        order.begin() + finals) {
      order.push_back(i);
    }
  }
  return order;
}

// Returns the class of token i as a cue in [sb, se), or nullptr: "according
// to", a verb of talking before "about", a lexicon's verb (as a verb here),
// or a verb the cue detector takes. Sets *cue_e one past the cue's words.
const CueClass* Analysis::CueClassAt(int i, int sb, int se, bool title_case,
                                     int* cue_e) const {
  const std::string& lw = lower_[i];
  const CueClass* cls = nullptr;
  if (lw == "according" && i + 1 < se && lower_[i + 1] == "to") {
    *cue_e = i + 2;
    return lookup_(self_, "according to");
  }
  if ((lw == "talked" || lw == "talking" || lw == "talks" || lw == "talk" ||
       lw == "spoke" || lw == "speaks" || lw == "speaking" || lw == "wrote" ||
       lw == "writes") &&
      i + 1 < se && lower_[i + 1] == "about" && IsVerb(i)) {
    // "talked about X": X is what was said.
    static const CueClass kAct = CueClass::kAct;
    return &kAct;
  }
  cls = lookup_(self_, lw);
  // A verb no lexicon lists: the cue detector decides.
  if (cls == nullptr && cue_model_ != nullptr &&
      extractor_->CueCandidate(*doc_, i)) {
    std::vector<uint64_t> f;
    CueModel::Features(*doc_, i, sb, se, &f);
    static const CueClass kLearnt = CueClass::kAct;
    if (cue_model_->IsCue(f)) cls = &kLearnt;
  }
  if (cls != nullptr &&
      (*cls == CueClass::kAccording || *cls == CueClass::kNone)) {
    cls = nullptr;
  }
  // In a headline the POS model sees capitalised words as names
  // ("Trump Says He Will Win").
  // "..., he notes.", "Viguerie argues.": the tagger reads some cue
  // forms as plural nouns; after a pronoun subject, or closing the
  // sentence after a name, they are verbs.
  // "Trump fans insist delegates must ...": a plural subject, the
  // verb's base form (tagged as a noun or preposition), then a clause.
  // "About one in five say they ...", "Six in 10 say he is": a number as
  // the subject, then a clause that opens with no noun ("three state
  // primaries" is a noun phrase).
  bool clause_next = i + 1 < se &&
                     (lower_[i + 1] == "that" || Pos(i + 1) == "PRP" ||
                      Pos(i + 1) == "EX" || Pos(i + 1) == "DT");
  bool plural_subject =
      i > sb && i + 1 < se &&
      (((Pos(i - 1) == "NNS" || Pos(i - 1) == "NNPS") &&
        (clause_next || Pos(i + 1) == "NNS" || Pos(i + 1) == "NNP")) ||
       (Pos(i - 1) == "CD" && clause_next)) &&
      cls != nullptr &&
      (*cls == CueClass::kSpeech || *cls == CueClass::kBelief) &&
      lw.back() != 's' && lw.back() != 'g' && lw.back() != 'd';
  bool verb_here =
      IsVerb(i) || plural_subject ||
      (i > sb && (Pos(i - 1) == "PRP" ||
                  (Pos(i - 1).rfind("NNP", 0) == 0 && i + 1 < se &&
                   (lower_[i + 1] == "." || lower_[i + 1] == "that"))));
  if (cls != nullptr && !verb_here &&
      !(title_case && i > sb && Pos(i).rfind("NNP", 0) == 0)) {
    cls = nullptr;
  }
  // "said" as an adjective ("the said document") or a participle after
  // a determiner is no cue; a determiner standing alone as the verb's
  // subject in the clause layer ("Some say", "another says") is a speaker,
  // but not "that" or "this" ("That said, ...", "a group that says").
  if (cls != nullptr && i > sb && Pos(i - 1) == "DT" &&
      (!AgentHeadedBy(i, i - 1) || lower_[i - 1] == "that" ||
       lower_[i - 1] == "this")) {
    cls = nullptr;
  }
  return cls;
}

// Adds the attribution of "according to" (token i, the phrase ending before
// cue_e): the source after it, the content the rest of the sentence, on
// whichever side. Does nothing when no source follows.
void Analysis::AccordingTo(Attribution a, int i, int cue_e, int sb, int se) {
  int b, e;
  if (!WalkRight(cue_e, se, &b, &e)) return;
  a.src_b = b;
  a.src_e = e;
  int cb = sb, ce = se;
  if (ce > cb && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                  lower_[ce - 1] == "?")) {
    --ce;
  }
  if (i - 1 >= sb && lower_[i - 1] == ",") {
    // "CONTENT, according to X."
    ce = i - 1;
  } else if (i == sb) {
    // "According to exit polls conducted by the Associated Press and
    // television networks, black voters ...": the source runs on to the
    // comma that ends the opening phrase.
    for (int k = e; k < se && k < e + 20; ++k) {
      if (seg_of_tok_[k] >= 0 || IsQuoteTok(k) || IsFiniteVerb(k)) break;
      if (lower_[k] == ",") {
        a.src_e = e = k;
        break;
      }
    }
    cb = e;
    while (cb < ce && lower_[cb] == ",") ++cb;
  } else {
    ce = i;
  }
  cb = SkipOpener(cb, ce);
  if (ce > cb) {
    a.content = {doc_->tokens[cb].begin, doc_->tokens[ce - 1].end};
  }
  for (int k = std::min(i, cb); k < std::max(e, ce); ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
}

// Widens the cue of *a to its verb group: auxiliaries and adverbs before
// ("has also said"), a particle ("called for", "called out", "asked about",
// "warned against", "agreed with") and "in a statement" after.
void Analysis::VerbGroup(Attribution* a, int sb, int se, CueClass cls) const {
  while (a->cue_b - 1 >= sb &&
         (IsAux(lower_[a->cue_b - 1]) ||
          (Pos(a->cue_b - 1) == "RB" && lower_[a->cue_b - 1] != "however")) &&
         !claimed_[a->cue_b - 1] && lower_[a->cue_b - 1] != "told") {
    --a->cue_b;
  }
  if (a->cue_e + 1 < se &&
      (lower_[a->cue_e] == "for" || lower_[a->cue_e] == "out" ||
       lower_[a->cue_e] == "about" || lower_[a->cue_e] == "against" ||
       lower_[a->cue_e] == "with" ||
       ((lower_[a->cue_e] == "on" || lower_[a->cue_e] == "to") &&
        cls == CueClass::kAct && Pos(a->cue_e + 1) != "VB")) &&
      !(IsTimeWord(lower_[a->cue_e + 1]) && lower_[a->cue_e + 1] != "the" &&
        lower_[a->cue_e + 1] != "a" && lower_[a->cue_e + 1] != "an" &&
        lower_[a->cue_e + 1] != "this")) {
    ++a->cue_e;
  }
  if (a->cue_e + 2 < se && lower_[a->cue_e] == "in" &&
      (lower_[a->cue_e + 1] == "a" || lower_[a->cue_e + 1] == "an") &&
      (lower_[a->cue_e + 2] == "statement")) {
    a->cue_e += 3;
  }
}

// A passive ("is believed", "was expected") names no speaker before the cue
// (token i). Returns false when the cue is no passive; else adds "... was
// first reported by the New York Times" (the agent is the source, the
// subject what it reported) when it is one, and returns true.
bool Analysis::PassiveCue(Attribution* a, int i, int sb, int se) {
  bool passive = false;
  for (int k = a->cue_b; k < i; ++k) {
    const std::string& w = lower_[k];
    if (w == "is" || w == "was" || w == "are" || w == "were" || w == "be" ||
        w == "been" || w == "being") {
      passive = true;
    }
  }
  if (!passive || Pos(i) != "VBN") return false;
  int by = a->cue_e;
  if (by + 1 < se && lower_[by] == "by") {
    int b2, e2, sb2, se2;
    if (WalkRight(by + 1, se, &b2, &e2) &&
        WalkLeft(a->cue_b - 1, sb, &sb2, &se2) && se2 == a->cue_b) {
      a->src_b = b2;
      a->src_e = e2;
      a->content = {doc_->tokens[sb2].begin, doc_->tokens[se2 - 1].end};
      for (int k = sb2; k < e2; ++k) claimed_[k] = 1;
      attrs_.push_back(std::move(*a));
    }
  }
  return true;
}

// Extends an inverted source at token e to the end of the sentence with its
// appositives and relative clauses ("said Eric Herzik, who chairs the
// department at the University of Nevada."). Returns the new end.
int Analysis::InvertedSourceEnd(int e, int se) const {
  if (!(e < se && (lower_[e] == "," || lower_[e] == "who"))) return e;
  int k = e + 1;
  while (k < se && !IsQuoteTok(k) && seg_of_tok_[k] < 0 &&
         !(lower_[k] == "," && k + 1 < se &&
           (Pos(k + 1) == "VBG" || lower_[k + 1] == "according"))) {
    ++k;
  }
  int last = k;
  while (last > e && (lower_[last - 1] == "." || lower_[last - 1] == "!" ||
                      lower_[last - 1] == "?" || lower_[last - 1] == ",")) {
    --last;
  }
  if (k == se || lower_[k] == ",") e = std::max(e, last);
  return e;
}

// Finds the speaker of the cue in *st: the subject before the cue, or after
// it when the cue follows a quotation or a comma ("...," said Peskov); a
// participle after a comma (", saying ...") has the subject of the main
// clause. Sets st->b, st->e, st->inverted and st->from_subject; returns false
// when there is none.
bool Analysis::CueSpeaker(const Attribution& a, CueState* st) const {
  const int s = st->s, sb = st->sb, se = st->se, i = st->i;
  const CueClass* cls = &st->cls;
  const std::string& lw = lower_[i];
  const bool colon = st->colon;
  int& b = st->b;
  int& e = st->e;
  bool& inverted = st->inverted;
  bool& from_subject = st->from_subject;
  int before = a.cue_b - 1;
  bool after_quote_or_comma =
      before < sb || IsQuoteTok(before) || IsPunct(before, ",") ||
      IsPunct(before, ":");
  bool finite = !has_pos_ || Pos(i) == "VBD" || Pos(i) == "VBZ" ||
                Pos(i) == "VBP";
  bool coordinated = before >= sb &&
                     (lower_[before] == "and" || lower_[before] == "but");
  if ((after_quote_or_comma && Pos(i) == "VBG") || coordinated) {
    // "Bush thought for a moment and said", ", saying ...": the subject
    // of the main clause.
    // The clause layer's agent when the walk finds none.
    if (!SubjectOf(s, i, &b, &e) && !ClauseAgent(i, sb, se, &b, &e)) {
      return false;
    }
    from_subject = true;
  } else if (before >= sb && IsPunct(before, ",") &&
             WalkLeft(before, sb, &b, &e) &&
             (e == before + 1 ||
              (before - 2 >= sb && IsPunct(before - 2, ",") &&
               e == before - 2 && Pos(before - 1) == "RB"))) {
    // "Russia's ambassador, Anatoly Antonov, said": an appositive subject
    // (its closing comma matched), not an inversion.
  } else if (after_quote_or_comma && finite && !colon &&
             *cls != CueClass::kAct &&
             (*cls != CueClass::kObject || lw.rfind("ask", 0) == 0) &&
             WalkRight(a.cue_e, se, &b, &e) && !SubjectOfClause(e, se)) {
    inverted = true;
    e = InvertedSourceEnd(e, se);
  } else if (before >= sb && IsPunct(before, ",") &&
             ClauseAgent(i, sb, se, &b, &e) && e <= before) {
    // "For now, Pantucci, at the Royal United Services Institute, said
    // China and Russia have ...": a phrase between commas before the cue,
    // and after it a clause (no inverted subject, above); the walk would
    // stop at the phrase, the clause layer's agent lies before it.
  } else if (!WalkLeft(before, sb, &b, &e)) {
    // No subject before the cue by the walk over chunks (a long
    // description, a parenthetical): the agent of the cue's clause
    // ("The union and its lawyers, after a long meeting on Monday, said").
    // The walk stays first where it finds one: its spans follow the
    // corpus's conventions (appositives, titles), and on PolNeAR train
    // the clause layer's agent in its place lost 6 points of Source F1.
    if (ClauseAgent(i, sb, se, &b, &e)) {
      from_subject = e < a.cue_b;
      inverted = b > i;
    } else if (!AdverbialGerund(a, i, sb) ||
               !ClauseAgent(ParentPredicate(i), sb, se, &b, &e) ||
               (e > a.cue_b && b < a.cue_e)) {
      return false;
    }
    if (AdverbialGerund(a, i, sb)) {
      // Not inverted: the subject of the main clause, which keeps its
      // own verb.
      from_subject = true;
      inverted = false;
    }
  }
  return true;
}

// Returns true when cue i is a gerund after a preposition ("After arguing
// that the race had narrowed, the governor left", "launched his campaign
// by talking about ..."): its speaker is the agent of the clause it hangs
// on, before or after it, and no inverted subject.
bool Analysis::AdverbialGerund(const Attribution& a, int i, int sb) const {
  int before = a.cue_b - 1;
  return has_pos_ && Pos(i) == "VBG" && before >= sb && Pos(before) == "IN";
}

// The predicate token of the clause the clause of verb hangs on, or -1.
int Analysis::ParentPredicate(int verb) const {
  int c = ClauseAt(verb);
  if (c < 0 || doc_->clauses[c].parent < 0) return -1;
  return static_cast<int>(doc_->clauses[doc_->clauses[c].parent].predicate);
}

// Returns false when the speaker found for the cue in st is none of its:
// "what he called the 'crooked' process" (a label, not a statement), or a
// person who "showed" (polls and reports show; people do not: "Putin showed
// Kim around").
bool Analysis::SpeakerFits(const CueState& st) const {
  const int sb = st.sb, b = st.b, e = st.e;
  if (b > sb && (lower_[b - 1] == "what") && st.cls != CueClass::kSpeech) {
    return false;
  }
  if (st.cls == CueClass::kEvidence) {
    bool person = e - b == 1 && (lower_[b] == "he" || lower_[b] == "she" ||
                                 lower_[b] == "i" || lower_[b] == "we");
    auto it = std::lower_bound(
        mentions_.begin(), mentions_.end(), doc_->tokens[b].begin,
        [](const M& m, uint32_t x) { return m.b < x; });
    for (; it != mentions_.end() && it->b < doc_->tokens[e - 1].end; ++it) {
      if (doc_->entities[it->entity].type == "PER") person = true;
    }
    if (person) return false;
  }
  return true;
}

// Adds to *a the direct quotations on either side of the cue and source.
// Only a quotation that opens (before) or closes (after) its sentence is the
// statement itself; one with words of the writer's around it is a partial
// quote inside the reported clause ("Trump's misinformation may be
// "strategic," he said").
void Analysis::AdjacentQuotations(Attribution* a, const CueState& st) const {
  const int se = st.se, group_b = st.group_b, group_e = st.group_e;
  int before_seg = SegmentEndingBefore(group_b);
  int after_seg = SegmentStartingAt(group_e);
  if (after_seg < 0) {
    // '"...," one aide said late last month, "but ..."': a time phrase
    // between the cue and the quotation's second part.
    int k = group_e;
    while (k < se && k < group_e + 5 && IsTimeWord(lower_[k]) &&
           seg_of_tok_[k] < 0 && !IsQuoteTok(k)) {
      ++k;
    }
    if (k > group_e && k < se && IsPunct(k, ",")) after_seg = SegmentStartingAt(k);
  }
  if (before_seg >= 0 && seg_attr_[before_seg] < 0 &&
      OpensSentence(before_seg)) {
    a->segments.push_back(before_seg);
  }
  if (after_seg >= 0 && seg_attr_[after_seg] < 0 && ClosesSentence(after_seg)) {
    a->segments.push_back(after_seg);
  } else if (!a->segments.empty()) {
    // '"...," he said of people whose rights were restored, "But ..."':
    // the quotation's second part after a longer phrase.
    for (int k = group_e + 1; k < se; ++k) {
      if (!IsQuoteTok(k)) continue;
      int sg2 = SegmentStartingAt(k);
      if (sg2 >= 0 && seg_attr_[sg2] < 0 && IsPunct(k - 1, ",") &&
          ClosesSentence(sg2)) {
        a->segments.push_back(sg2);
      }
      break;
    }
  }
}

// Returns the first token of the clause reported after the cue in st: past
// an object ("told reporters"), time phrases ("on Thursday"), a comma or
// colon, ", however," and a complementizer when one comes before any verb
// ("told reporters in a CBS interview that ..."). Sets *clause when a
// complementizer was passed and *participle when a participle follows
// (", adding, ...": it starts its own attribution).
int Analysis::ContentStart(const CueState& st, bool* clause,
                           bool* participle) const {
  const int se = st.se, group_e = st.group_e;
  int p = group_e;
  if (st.cls == CueClass::kObject && !st.inverted) {
    int ob, oe;
    if (WalkRight(p, se, &ob, &oe)) p = oe;
  }
  while (p < se && (lower_[p] == "on" || lower_[p] == "in" ||
                    lower_[p] == "last" || lower_[p] == "this") &&
         p + 1 < se && IsTimeWord(lower_[p + 1])) {
    int q = p + 1;
    while (q < se && IsTimeWord(lower_[q]) && lower_[q] != "in" &&
           lower_[q] != "on" && lower_[q] != "the" && lower_[q] != "a" &&
           lower_[q] != "an") {
      ++q;
    }
    if (q == p + 1) break;
    p = q;
  }
  if (p < se && (lower_[p] == "," || lower_[p] == ":")) ++p;
  *participle = p < se && Pos(p) == "VBG" && p > group_e;
  *clause = false;
  if (p + 2 < se && lower_[p] == "however" && lower_[p + 1] == ",") {
    p += 2;  // "said, however, that ..."
  }
  for (int k = p; k < se && k < p + 16; ++k) {
    if (lower_[k] == "that" && (Pos(k) == "IN" || k == p)) {
      p = k + 1;
      *clause = true;
      break;
    }
    // Commas may set off an adverbial before it ("saying, apparently
    // for the first time, that ...").
    if (IsVerb(k) && has_pos_ && seg_of_tok_[k] < 0) break;
  }
  return p;
}

// Returns true when a reported clause starting at p ends before token k: at
// a new attribution (", saying ...", ", according to ...") or a semicolon; a
// claim or object at ", but ...". May move *k back to a comma before it.
bool Analysis::ContentStopsAt(int p, int se, int* kk) const {
  int& k = *kk;
  bool stop = lower_[k] == ";" ||
              (lower_[k] == "," &&
               ((Pos(k + 1) == "VBG" && lower_[k + 1] != "including") ||
                lower_[k + 1] == "according"));
  // A non-restrictive relative or a dash starts a new thought; a
  // contrast (", but not women who ...") stays in what was said, as the
  // corpus marks it.
  stop = stop ||
         (lower_[k] == "," && lower_[k + 1] == "which") ||
         lower_[k] == "\xE2\x80\x94" || lower_[k] == "--" ||
         lower_[k] == "-";
  // "... and said that Trump melted down", "... but conceded": the
  // subject's next statement is an attribution of its own.
  if (!stop && (lower_[k] == "and" || lower_[k] == "but") &&
      IsVerb(k + 1) && has_pos_ && lookup_(self_, lower_[k + 1]) &&
      *lookup_(self_, lower_[k + 1]) != CueClass::kNone) {
    stop = true;
    if (k > p && lower_[k - 1] == ",") --k;
  }
  if (!stop && lower_[k] == "," && lower_[k + 1] == "however") {
    stop = true;
  }
  if (!stop && lower_[k] == ",") {
    // ", John said none were added", ", and one in five say ...",
    // ", at the town hall this week she said": another attribution.
    int m = k + 1;
    if (m < se && (lower_[m] == "and" || lower_[m] == "but")) ++m;
    bool noun = false;
    while (m < se && m < k + 11 &&
           (IsNominal(m) || Pos(m) == "IN" || Pos(m) == "RB" ||
            lower_[m] == "to")) {
      noun = IsNominal(m);
      ++m;
    }
    if (noun && m < se && IsFiniteVerb(m) && lookup_(self_, lower_[m]) &&
        (*lookup_(self_, lower_[m]) == CueClass::kSpeech ||
         *lookup_(self_, lower_[m]) == CueClass::kBelief)) {
      stop = true;
    }
  }
  if (!stop && lower_[k] == "," &&
      (lower_[k + 1] == "and" || lower_[k + 1] == "but" ||
       lower_[k + 1] == "or" || lower_[k + 1] == "so")) {
    // ", and Ms. Brainard is among ...": a new clause with its own
    // subject ends the content.
    int m = k + 2;
    while (m < se && m < k + 8 && IsNominal(m)) ++m;
    if (m > k + 2 && m < se && IsFiniteVerb(m)) stop = true;
  }
  return stop;
}

// Returns one past the last token of the clause reported from token p.
int Analysis::ContentEnd(int p, int se) const {
  for (int k = p + 1; k + 1 < se; ++k) {
    if (seg_of_tok_[k] >= 0) continue;
    if (ContentStopsAt(p, se, &k)) return k;
  }
  return se;
}

// A quotation closing the sentence after a comma or colon is what was said
// ("said on Twitter on Monday, “Next summer ...”"). Not after a
// complementizer: 'told the crowd that after 200 years, "It's time."' is one
// clause, the quotation inside it. Adds it to *a after the clause from p.
// Returns true when it did.
bool Analysis::ClosingQuotation(Attribution* a, int p, int se) const {
  for (int k = p + 1; k < se; ++k) {
    // Not after a clause of the writer's own ("said Trump was a
    // candidate of Silicon Valley: ...").
    if (IsFiniteVerb(k - 1) && seg_of_tok_[k - 1] < 0) break;
    if (!(IsPunct(k - 1, ",") || IsPunct(k - 1, ":"))) continue;
    int sg = SegmentStartingAt(k);
    if (sg < 0 || seg_attr_[sg] >= 0) continue;
    int last = se - 1;
    while (last > k && (lower_[last] == "." || lower_[last] == "!" ||
                        lower_[last] == "?")) {
      --last;
    }
    if (segs_[sg].close >= doc_->tokens[last].end) {
      a->segments.push_back(sg);
      return true;
    }
    break;
  }
  return false;
}

// The first part of an indirect content [p, ...) of *a, before its cue:
// "a surge of independents, which Democrats say could be aiding Mr.
// Sanders" (the relative pronoun), "Many of the closures, he said, have
// involved ..." (the words before the attribution).
void Analysis::ContentBeforeCue(Attribution* a, const CueState& st, int p,
                                int ce) {
  const int sb = st.sb, se = st.se, group_b = st.group_b,
            group_e = st.group_e;
  if (a->src_b - 1 >= sb && a->src_b == group_b && !claimed_[a->src_b - 1] &&
      (lower_[a->src_b - 1] == "which" || lower_[a->src_b - 1] == "who" ||
       lower_[a->src_b - 1] == "that") &&
      (Pos(a->src_b - 1) == "WDT" || Pos(a->src_b - 1) == "WP" ||
       Pos(a->src_b - 1) == "IN") &&
      (IsFiniteVerb(p) ||
       (p + 1 < ce && Pos(p) == "RB" && IsFiniteVerb(p + 1)))) {
    // (The clause after the cue has no subject of its own.)
    a->content2 = {doc_->tokens[a->src_b - 1].begin,
                   doc_->tokens[a->src_b - 1].end};
    claimed_[a->src_b - 1] = 1;
  }
  if (group_b - 1 > sb + 1 && lower_[group_b - 1] == "," && group_e < se &&
      lower_[group_e] == "," && !claimed_[group_b - 2]) {
    int cend = group_b - 1;
    bool verb = false;
    for (int k = sb; k < cend; ++k) {
      if (IsFiniteVerb(k) || seg_of_tok_[k] >= 0) verb = true;
    }
    if (verb || cend - sb >= 1) {
      a->content2 = {doc_->tokens[sb].begin, doc_->tokens[cend - 1].end};
      for (int k = sb; k < cend; ++k) claimed_[k] = 1;
    }
  }
}

// Reported speech, when no quotation is the statement: the clause after the
// cue, else the one before it. Sets a->content (or adds a closing
// quotation) and st->claim_e.
void Analysis::ReportedContent(Attribution* a, CueState* st) {
  const int s = st->s, sb = st->sb, se = st->se, group_b = st->group_b;
  bool clause = false, participle = false;
  int p = ContentStart(*st, &clause, &participle);
  int ce = ContentEnd(p, se);
  // "endorsed Clinton in New Hampshire", "pointed to the polls": the
  // corpus's content runs on to the end of the clause, but only the
  // object noun phrase with its prepositional phrases is kept from the
  // cues after it.
  int obj_claim = -1;
  if (st->cls == CueClass::kAct && !clause && has_pos_) {
    int k = ObjectEnd(p, ce);
    if (k > p) obj_claim = k;
  }
  while (ce > p && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                    lower_[ce - 1] == "?" || lower_[ce - 1] == ")")) {
    --ce;
  }
  // A quotation that opens inside the clause and runs past the sentence
  // (the splitter cut inside it) takes the clause with it to its end.
  uint32_t quote_end = 0;
  for (int k = p; k < ce; ++k) {
    if (!IsQuoteTok(k)) continue;
    int sg = SegmentStartingAt(k);
    if (sg >= 0 && segs_[sg].close > doc_->sentences[s].span.end) {
      quote_end = segs_[sg].close;
    }
    break;
  }
  if (participle) ce = p;
  if (!st->inverted && !clause && ce - p >= 2 && ClosingQuotation(a, p, se)) {
    st->claim_e = se;
  }
  if (!a->segments.empty()) {
  } else if (!st->inverted && (ce - p >= 2 || OneWordObject(p))) {
    a->content = {doc_->tokens[p].begin,
                  std::max(doc_->tokens[ce - 1].end, quote_end)};
    st->claim_e = ce;
    if (obj_claim > 0) st->claim_e = obj_claim;
    ContentBeforeCue(a, *st, p, ce);
  } else if (group_b - 1 > sb &&
             (lower_[group_b - 1] == "," || IsQuoteTok(group_b - 1))) {
    // The clause before: "..., he said", or "... "strategic," he said"
    // (the closing mark and the comma inside it belong to the clause).
    int cb = SkipOpener(sb, group_b - 1);
    int cend = IsQuoteTok(group_b - 1) ? group_b : group_b - 1;
    if (cend - cb >= 2) {
      a->content = {doc_->tokens[cb].begin, doc_->tokens[cend - 1].end};
      for (int k = cb; k < cend; ++k) claimed_[k] = 1;
    }
  }
}

// 'Clinton, a top aide said, "is very confident ..."', 'Instead, Axelrod
// said, "..."': the words before an attribution that interrupts the sentence
// are the first part of what was said (not an opening phrase of place or
// time: "In an interview, ...").
void Analysis::QuotationFirstPart(Attribution* a, const CueState& st) {
  const int sb = st.sb, group_b = st.group_b, group_e = st.group_e;
  if (a->segments.empty() || a->content2.end != 0 || group_b - 1 <= sb ||
      group_b - 1 - sb > 6 || lower_[group_b - 1] != "," ||
      segs_[a->segments.front()].open <= doc_->tokens[group_e - 1].end ||
      Pos(sb) == "IN" || Pos(sb) == "TO" || IsTimeWord(lower_[sb])) {
    return;
  }
  bool free = true;
  for (int k = sb; k < group_b - 1 && free; ++k) {
    free = !claimed_[k] && seg_of_tok_[k] < 0 && !IsQuoteTok(k);
  }
  if (free) {
    a->content2 = {doc_->tokens[sb].begin, doc_->tokens[group_b - 2].end};
    for (int k = sb; k < group_b - 1; ++k) claimed_[k] = 1;
  }
}

// Decides on the cue at token i of sentence s (its class cls, its words up
// to cue_e): finds its speaker and what was said, and adds the attribution.
void Analysis::AttributeCue(int s, int sb, int se, int i, CueClass cls,
                            int cue_e) {
  Attribution a;
  a.sentence = s;
  a.cue_b = i;
  a.cue_e = cue_e;
  a.cue_class = ClassName(cls);
  if (cls == CueClass::kAccording) {
    AccordingTo(std::move(a), i, cue_e, sb, se);
    return;
  }
  VerbGroup(&a, sb, se, cls);
  CueState st;
  st.s = s;
  st.sb = sb;
  st.se = se;
  st.i = i;
  st.cls = cls;
  // The colon that introduces what was said belongs to the cue ("said:").
  st.colon = a.cue_e < se && lower_[a.cue_e] == ":";
  if (PassiveCue(&a, i, sb, se)) return;
  if (!CueSpeaker(a, &st) || !SpeakerFits(st)) return;
  // The tokens between a source cut before a reporting relative clause and
  // the cue stay free for that clause's own attribution.
  int gap_b = 0, gap_e = 0;
  int rel = ReportingRelative(st.b, st.e);
  if (rel > st.b) {
    int e = rel;
    TrimSourceEnd(st.b, &e);
    if (e > st.b) {
      st.e = e;
      if (!st.from_subject && e <= a.cue_b) {
        gap_b = e;
        gap_e = a.cue_b;
      }
    }
  }
  if (st.colon) ++a.cue_e;
  a.src_b = st.b;
  a.src_e = st.e;
  // A subject found far away stays free for its own verb's attribution.
  st.group_b = st.from_subject ? a.cue_b : std::min(a.cue_b, st.b);
  st.group_e = st.from_subject ? a.cue_e : std::max(a.cue_e, st.e);
  AdjacentQuotations(&a, st);
  st.claim_e = st.group_e;
  if (a.segments.empty()) ReportedContent(&a, &st);
  if (a.segments.empty() && a.content.end == 0) return;
  QuotationFirstPart(&a, st);
  Commit(std::move(a), st.group_b, st.claim_e, gap_b, gap_e);
}

// Returns the comma before a non-restrictive relative clause inside the
// source [b, e) whose verb is a cue ("Barkley, who said he typically votes
// Democratic, said ..."), or -1. PolNeAR never nests attributions: that
// clause is one of its own, with "who" its source, and the outer source
// ends before it.
int Analysis::ReportingRelative(int b, int e) const {
  for (int r = b + 1; r + 1 < e; ++r) {
    if (lower_[r - 1] != "," || (lower_[r] != "who" && lower_[r] != "which")) {
      continue;
    }
    int v = r + 1;
    while (v < e && (IsAux(lower_[v]) || Pos(v) == "RB")) ++v;
    if (v >= e || !IsVerb(v)) continue;
    const CueClass* c = lookup_(self_, lower_[v]);
    if (c == nullptr || *c == CueClass::kNone || *c == CueClass::kAccording) {
      continue;
    }
    return r - 1;
  }
  return -1;
}

void Analysis::FindCues(int s) {
  const SentenceSpan& sent = doc_->sentences[s];
  int sb = static_cast<int>(sent.token_begin);
  int se = static_cast<int>(std::min<size_t>(sent.token_end, N()));
  SentenceOpeners(s, sb, se);
  bool title_case = TitleCase(sb, se);
  for (int i : CueOrder(sb, se)) {
    if (claimed_[i] || seg_of_tok_[i] >= 0 || IsQuoteTok(i)) continue;
    int cue_e = i + 1;
    const CueClass* cls = CueClassAt(i, sb, se, title_case, &cue_e);
    if (Raising(s, sb, se, i)) continue;
    if (Reportedly(s, sb, se, i)) continue;
    if (i == sb && lower_[i] == "in" && PollOpener(s, se, i)) continue;
    if (cls == nullptr && cue_model_ != nullptr && NominalCue(s, sb, se, i)) {
      continue;
    }
    if (cls == nullptr) continue;
    AttributeCue(s, sb, se, i, *cls, cue_e);
  }
  QuoteThenSpeaker(s, sb, se);
  CueThenQuote(s, sb, se);
}

// A verb of saying, a comma or colon, and a quotation that ends the
// sentence, still unclaimed: 'Another tweeted, "..."', 'She followed that by
// saying, "..."', 'as the prosecutor put it, "..."', 'Kasich cautioned
// "...," before ...' (no comma). The speaker is the verb's subject when one
// stands right before it.
void Analysis::CueThenQuote(int s, int sb, int se) {
  for (int k = sb + 1; k < se; ++k) {
    if (!IsQuoteTok(k) || IsQuoteTok(k - 1)) continue;
    int sg = SegmentStartingAt(k);
    if (sg < 0 || seg_attr_[sg] >= 0) continue;
    int v = k - 1;
    bool punct = IsPunct(v, ",") || IsPunct(v, ":");
    if (punct) --v;
    if (v < sb || claimed_[v] || seg_of_tok_[v] >= 0) continue;
    int cue = v;
    // "as X put it,"
    if (lower_[v] == "it" && v - 1 >= sb && lower_[v - 1] == "put") cue = v - 1;
    const CueClass* c = SayingClass(cue);
    if (!(c != nullptr && IsVerb(cue)) && cue == v) continue;
    // Without a comma the quotation must be the verb's object and followed
    // by its own comma or the end of the sentence.
    int last = TokenAt(segs_[sg].close);
    bool ends = true;
    for (int m = last; m < se; ++m) {
      if (std::isalnum(static_cast<unsigned char>(Tok(m)[0]))) ends = false;
    }
    if (!ends && (punct || InnerLast(sg) != ',')) continue;
    Attribution a;
    a.sentence = s;
    a.cue_b = cue;
    a.cue_e = v + 1;
    while (a.cue_b - 1 >= sb && !claimed_[a.cue_b - 1] &&
           (IsAux(lower_[a.cue_b - 1]) || Pos(a.cue_b - 1) == "RB")) {
      --a.cue_b;
    }
    a.cue_class = c != nullptr ? ClassName(*c) : "speech";
    int b, e;
    if (a.cue_b - 1 >= sb && !claimed_[a.cue_b - 1] &&
        WalkLeft(a.cue_b - 1, sb, &b, &e) && e == a.cue_b) {
      a.src_b = b;
      a.src_e = e;
    } else if (Pos(cue) == "VBG" && SubjectOf(s, cue, &b, &e)) {
      a.src_b = b;  // "She followed that by saying, ..."
      a.src_e = e;
    }
    int claim_b = a.cue_b;
    a.segments.push_back(sg);
    Commit(std::move(a), claim_b, v + 1);
  }
}

// A quotation that opens the sentence, then its speaker however long the
// description, then a verb of saying, and nothing after the verb that could
// be what was said: '"...," Gene Sperling, a top outside Clinton adviser,
// said at a recent POLITICO event.', '"...," Sen. Marco Rubio (R-Fla.) said
// Saturday night', '"...," the website explains.'. The walk from the cue
// stops at the description's commas and brackets, so the quotation was left
// without a speaker (or the cue took the phrase after it as its content);
// this runs after the other cues of the sentence and takes the quotation
// when it is still unclaimed.
void Analysis::QuoteThenSpeaker(int s, int sb, int se) {
  int k0 = sb;
  while (k0 < se && (seg_of_tok_[k0] >= 0 || IsQuoteTok(k0))) ++k0;
  if (k0 >= se) return;
  int sg = -1;
  if (k0 == sb) {
    // The quotation closed the sentence before ('...?” wrote Sanders').
    sg = SegmentEndingBefore(sb);
  } else if (IsQuoteTok(k0 - 1)) {
    sg = SegmentClosingAt(doc_->tokens[k0 - 1].end);
  }
  if (sg < 0 || seg_attr_[sg] >= 0 || !OpensSentence(sg)) return;
  // What the quotation ends with: a comma, or a question or exclamation.
  int p = k0;
  if (IsPunct(p, ",")) ++p;
  // A quotation closed by a full stop takes only a short speaker ('"...."
  // the two write.').
  char last = InnerLast(sg);
  bool open_end = p > k0 || last == ',' || last == '?' || last == '!';
  if (p >= se) return;
  auto cue_verb = [&](int m) {
    // "the statement read." ("read" is too often no cue to list).
    return lower_[m] == "read" || SayingClass(m) != nullptr;
  };
  if (IsVerb(p) && cue_verb(p) && p + 1 < se && IsNominal(p + 1)) {
    // '"...?" wrote Sanders, runner-up to ...', '"...." read the statement':
    // the verb, then its speaker.
    int b, e;
    if (!WalkRight(p + 1, se, &b, &e)) return;
    for (int m = e; m < se; ++m) {
      if (seg_of_tok_[m] >= 0 || IsQuoteTok(m) || lower_[m] == "that") return;
      if (lower_[m] == "," && m + 1 < se &&
          (lower_[m + 1] == "which" || lower_[m + 1] == "who")) {
        break;
      }
      if (IsFiniteVerb(m)) return;
    }
    for (int m = p; m < e; ++m) {
      if (claimed_[m]) return;
    }
    Attribution a;
    a.sentence = s;
    a.cue_b = p;
    a.cue_e = p + 1;
    const CueClass* c = lookup_(self_, lower_[p]);
    a.cue_class = c != nullptr ? ClassName(*c) : "speech";
    a.src_b = b;
    a.src_e = e;
    a.segments.push_back(sg);
    Commit(std::move(a), p, e);
    return;
  }
  if (!IsNominal(p) || Pos(p) == "JJ") return;
  // The speaker runs to the first verb of saying; brackets and appositives
  // may hold anything but another quotation or clause.
  int cue = -1, depth = 0;
  for (int m = p; m < se && m < p + 25; ++m) {
    if (seg_of_tok_[m] >= 0 || IsQuoteTok(m)) return;
    if (lower_[m] == "(") ++depth;
    if (lower_[m] == ")") depth = std::max(0, depth - 1);
    if (depth > 0 || m == p) continue;
    bool cue_class = cue_verb(m);
    // "the website explains.": the tagger reads the verb as a plural noun
    // at the end of a sentence.
    bool verb = IsFiniteVerb(m) ||
                ((Pos(m) == "NNS" || Pos(m) == "NN" || IsVerb(m)) && m + 1 < se &&
                 (lower_[m + 1] == "." || lower_[m + 1] == "!"));
    if (cue_class && verb) {
      cue = m;
      break;
    }
    // Another finite verb is the writer's clause, unless it is inside the
    // description ("now 81 and retired in ...", "who chairs ...").
    if (IsFiniteVerb(m) && !(lower_[m - 1] == "and" || lower_[m - 1] == "who" ||
                             lower_[m - 1] == "which")) {
      return;
    }
  }
  if (cue < 0) return;
  int cue_b = cue;
  while (cue_b - 1 > p && (IsAux(lower_[cue_b - 1]) || Pos(cue_b - 1) == "RB")) {
    --cue_b;
  }
  int src_e = cue_b;
  while (src_e > p && IsPunct(src_e - 1, ",")) --src_e;
  if (src_e <= p || (!open_end && src_e - p > 6)) return;
  // Nothing after the verb that could be what it said: no complementizer,
  // no clause before a relative ("..., which was held in ...").
  for (int m = cue + 1; m < se; ++m) {
    if (lower_[m] == "," && m + 1 < se &&
        (lower_[m + 1] == "which" || lower_[m + 1] == "who" ||
         lower_[m + 1] == "where" || lower_[m + 1] == "when")) {
      break;
    }
    // "... says as a photo of an empty podium is shown."
    if (lower_[m] == "as" || lower_[m] == "while" || lower_[m] == "when" ||
        lower_[m] == "after" || lower_[m] == "before" ||
        lower_[m] == "because") {
      break;
    }
    if (seg_of_tok_[m] >= 0 || IsQuoteTok(m) || lower_[m] == "that" ||
        lower_[m] == ":" || IsFiniteVerb(m)) {
      return;
    }
  }
  // The verb may already have an attribution of its own, one that took the
  // phrase after it as its content: that one becomes this.
  Attribution* a = nullptr;
  for (auto it = attrs_.rbegin(); it != attrs_.rend() && it->sentence == s; ++it) {
    Attribution& other = *it;
    if (other.cue_b <= cue && cue < other.cue_e) {
      if (!other.segments.empty() || other.content2.end != 0) return;
      if (other.content.end != 0 &&
          other.content.begin < doc_->tokens[cue].end) {
        return;
      }
      a = &other;
    }
  }
  if (a == nullptr) {
    for (int m = p; m <= cue; ++m) {
      if (claimed_[m]) return;
    }
    attrs_.emplace_back();
    a = &attrs_.back();
    a->sentence = s;
    const CueClass* c = lookup_(self_, lower_[cue]);
    a->cue_class = c != nullptr ? ClassName(*c) : "speech";
  }
  a->cue_b = cue_b;
  a->cue_e = cue + 1;
  a->src_b = p;
  a->src_e = src_e;
  a->content = Span{};
  a->segments.push_back(sg);
  seg_attr_[sg] = static_cast<int>(a - attrs_.data());
  for (int m = p; m <= cue; ++m) claimed_[m] = 1;
}

// Finds the agent of the clause whose predicate is token `verb`: the tokens
// [*b, *e) covering its agent arguments (coordinated agents together, "DHS
// and ICE"), inside the sentence [sb, se). Returns false when the clause
// layer has no such clause or agent.
bool Analysis::ClauseAgent(int verb, int sb, int se, int* b, int* e) const {
  int c = ClauseAt(verb);
  if (c < 0) return false;
  const Clause& cl = doc_->clauses[c];
  int lo = -1, hi = -1;
  for (const ClauseArgument& arg : cl.arguments) {
    if (arg.role != "agent") continue;
    if (arg.span.end <= arg.span.begin) continue;
    int tb = TokenAt(arg.span.begin);
    int te = TokenAt(arg.span.end);
    if (tb < sb || te > se || te <= tb) continue;
    if (lo < 0 || tb < lo) lo = tb;
    if (te > hi) hi = te;
  }
  if (lo < 0) return false;
  // A by-phrase: the agent after "by".
  if (lower_[lo] == "by" && hi - lo > 1) ++lo;
  // The span may not cross the cue or a quotation.
  for (int k = lo; k < hi; ++k) {
    if (k == verb || seg_of_tok_[k] >= 0 || IsQuoteTok(k)) return false;
  }
  *b = lo;
  *e = hi;
  return true;
}

// Returns true when clause d, whose predicate lies inside the content of an
// attribution whose cue heads clause cue, is another clause than what was
// said: the clause the cue's own clause hangs on ("After Trump said [he
// would win], Clinton ...", "Barkley, who said [...], said ..."), a
// second predicate coordinated with the cue ("said [X] and she
// accused ...", "rejected [both objections], ruled ..."), or a conjunct
// with a subject of its own whose verb is one of saying or believing ("said
// [X], but he also warned ...", wherever the parse hangs it).
bool Analysis::OtherClause(int cue, int d) const {
  const Clause& cl = doc_->clauses[d];
  if (d == doc_->clauses[cue].parent) return true;
  if (cl.relation != "conj") return false;
  if (cl.parent == cue) return true;
  const CueClass* c = lookup_(self_, lower_[cl.predicate]);
  if (c == nullptr || (*c != CueClass::kSpeech && *c != CueClass::kBelief &&
                       *c != CueClass::kObject)) {
    return false;
  }
  for (const ClauseArgument& arg : cl.arguments) {
    if (arg.role == "agent" && !arg.distributed && !arg.controlled) return true;
  }
  return false;
}

// Returns the first token in (cb, ce) of the first clause there that is
// another than what attribution a's cue reports (OtherClause), with its
// subject and the comma or conjunction before it, or ce when there is
// none. A plain conjunct of the complement ("said [the bridge would reopen
// and the road would follow]") stays in the content.
int Analysis::OtherClauseStart(const Attribution& a, int cb, int ce) const {
  int cue = -1;
  for (int k = a.cue_b; k < a.cue_e && cue < 0; ++k) cue = ClauseAt(k);
  if (cue < 0) return ce;
  // Bounded, so that a page of one endless sentence stays linear.
  constexpr int kMaxScan = 200;
  for (int k = cb + 1; k < ce && k <= cb + kMaxScan; ++k) {
    int d = ClauseAt(k);
    if (d < 0 || d == cue || !OtherClause(cue, d)) continue;
    int start = k;
    for (const ClauseArgument& arg : doc_->clauses[d].arguments) {
      if (arg.distributed || arg.controlled || arg.span.end <= arg.span.begin) {
        continue;
      }
      int tb = TokenAt(arg.span.begin);
      if (tb > cb && tb < start) start = tb;
    }
    while (start - 1 > cb &&
           (lower_[start - 1] == "," || lower_[start - 1] == "and" ||
            lower_[start - 1] == "but" || lower_[start - 1] == "or" ||
            lower_[start - 1] == "while" || lower_[start - 1] == "yet")) {
      --start;
    }
    return start;
  }
  return ce;
}

// Ends each indirect content of sentence s that follows its cue before
// another clause (OtherClauseStart): PolNeAR never lets one attribution's
// content run over another's cue, and such a clause is often a statement
// of its own. The tokens given back are free for the cues of a second
// FindCues. Only the sentence's own attributions, attrs_[first] on, are
// looked at (linear in the document). Returns true when any were given back.
bool Analysis::CutAtOtherClauses(int s, size_t first) {
  bool freed = false;
  for (size_t i = first; i < attrs_.size(); ++i) {
    Attribution& a = attrs_[i];
    if (a.sentence != s || !a.segments.empty() || a.content.end == 0 ||
        a.cue_b < 0) {
      continue;
    }
    // [cb, ce): the tokens that begin inside the content (TokenAt gives the
    // first token beginning at or after a byte, so the one after the last).
    int cb = TokenAt(a.content.begin);
    int ce = TokenAt(a.content.end);
    if (cb < a.cue_e || ce <= cb) continue;
    int cut = OtherClauseStart(a, cb, ce);
    if (cut >= ce || cut <= cb) continue;
    a.content.end = doc_->tokens[cut - 1].end;
    for (int k = cut; k < ce; ++k) {
      if (claimed_[k] && !Owned(k, first)) {
        claimed_[k] = 0;
        freed = true;
      }
    }
  }
  return freed;
}

// Returns true when token k lies in the cue, source or content of one of
// attrs_[first] on.
bool Analysis::Owned(int k, size_t first) const {
  uint32_t b = doc_->tokens[k].begin;
  for (size_t i = first; i < attrs_.size(); ++i) {
    const Attribution& a = attrs_[i];
    if ((k >= a.cue_b && k < a.cue_e) || (k >= a.src_b && k < a.src_e) ||
        (b >= a.content.begin && b < a.content.end) ||
        (b >= a.content2.begin && b < a.content2.end)) {
      return true;
    }
  }
  return false;
}

// Finds the entity the source [src_b, src_e) names, and its name.
void Analysis::Resolve(Attribution* a) const {
  if (a->src_b < 0) return;
  uint32_t sb = doc_->tokens[a->src_b].begin;
  uint32_t se = doc_->tokens[a->src_e - 1].end;
  std::string_view src = text_.substr(sb, se - sb);
  while (!src.empty() && (src.back() == ',' || src.back() == ' ')) {
    src.remove_suffix(1);
  }
  a->speaker_name = std::string(src);
  const std::vector<Entity>& ents = doc_->entities;
  // Mentions inside the source: a person first, then an organisation, then
  // anything else.
  auto first = std::lower_bound(mentions_.begin(), mentions_.end(), sb,
                                [](const M& m, uint32_t b) { return m.b < b; });
  int best = -1, best_rank = 9;
  // Places count as the speaker only alone: "officials of the United
  // States, South Korea and Japan" is none of the three.
  int places = 0;
  for (auto it = first; it != mentions_.end() && it->b < se; ++it) {
    if (it->e <= se && ents[it->entity].type == "LOC") ++places;
  }
  for (auto it = first; it != mentions_.end() && it->b < se; ++it) {
    if (it->e > se) break;
    const Entity& ent = ents[it->entity];
    if (ent.type == "LOC" && places > 1) continue;
    // People first, then organisations (the later one: "A White House
    // statement", "the U.S. State Department"), then places standing for a
    // government, then a place or other name only when it is the head.
    int rank = ent.type == "PER" ? 0 : ent.type == "ORG" ? 1
             : !ent.government.empty() ? 2 : 3;
    if (rank == 3 && it->e != se) continue;
    if (rank <= 1 && (a->speakers.empty() ||
                      a->speakers.back() != ent.id)) {
      a->speakers.push_back(ent.id);
    }
    if (rank < best_rank || (rank == best_rank && rank == 1)) {
      best = it->entity;
      best_rank = rank;
    }
  }
  // Several speakers only when the source joins them ("Sullivan and
  // counterparts Akiba and Cho").
  bool joined = false;
  for (int k = a->src_b; k < a->src_e; ++k) {
    if (lower_[k] == "and") joined = true;
  }
  if (!joined || a->speakers.size() < 2) a->speakers.clear();
  std::string head = lower_[a->src_e - 1];
  if (head == ",") head = lower_[std::max(a->src_b, a->src_e - 2)];
  if (best < 0 && a->src_e - a->src_b == 1 &&
      (head == "he" || head == "she" || head == "who")) {
    // The last person mentioned before the pronoun.
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), sb,
                               [](const M& m, uint32_t b) { return m.b < b; });
    while (it != mentions_.begin()) {
      --it;
      if (ents[it->entity].type == "PER") {
        best = it->entity;
        break;
      }
    }
  }
  if (best < 0 && a->src_e - a->src_b <= 4) {
    // A title ("the spokesman", "the Kremlin spokesman"): the last person
    // mentioned before whose roles hold the head word.
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), sb,
                               [](const M& m, uint32_t b) { return m.b < b; });
    while (it != mentions_.begin() && best < 0) {
      --it;
      const Entity& ent = ents[it->entity];
      if (ent.type != "PER") continue;
      for (const std::string& role : ent.roles) {
        std::string r = Lower(role);
        size_t p = r.rfind(head);
        if (head.size() >= 4 && p != std::string::npos &&
            p + head.size() == r.size()) {
          best = it->entity;
          break;
        }
      }
    }
  }
  if (best >= 0) {
    a->speaker = ents[best].id;
    a->speaker_name = ents[best].name;
  }
}

// Finds the subject of the main clause of sentence s, before token `limit`:
// the noun phrase before its first finite verb outside quotations. Sets the
// phrase's tokens [*b, *e).
bool Analysis::SubjectOf(int s, int limit, int* b, int* e) const {
  const SentenceSpan& sent = doc_->sentences[s];
  int sb = static_cast<int>(sent.token_begin);
  int se = std::min<int>(static_cast<int>(sent.token_end), limit);
  for (int k = sb; k < se; ++k) {
    if (seg_of_tok_[k] >= 0 || IsQuoteTok(k) || !IsFiniteVerb(k)) continue;
    int j = k - 1;
    // Adverbs and time phrases between subject and verb ("Kim on Wednesday
    // toasted").
    while (j > sb && (Pos(j) == "RB" || IsTimeWord(lower_[j]) ||
                      Pos(j) == "MD")) {
      --j;
    }
    return WalkLeft(j, sb, b, e);
  }
  return false;
}

// A raising verb or an agentless passive before an infinitive ("Trump is
// expected to win", "Sanders seemed to waver", "he is said to have ..."):
// PolNeAR's belief with no source, whose content is the subject and the
// infinitive clause, two fragments. Adds it and returns true when token i is
// such a cue.
bool Analysis::Raising(int s, int sb, int se, int i) {
  const std::string& lw = lower_[i];
  bool seem = lw == "seem" || lw == "seems" || lw == "seemed" ||
              lw == "appear" || lw == "appears" || lw == "appeared";
  bool passive = lw == "expected" || lw == "said" || lw == "believed" ||
                 lw == "thought" || lw == "reported" || lw == "rumored" ||
                 lw == "alleged" || lw == "considered";
  if (lw == "asked") return AskedPassive(s, sb, se, i);
  if (!seem && !passive) return false;
  bool infinitive = i + 2 < se && lower_[i + 1] == "to" && Pos(i + 2) == "VB";
  // A verb of seeming also takes a predicate ("the Trump team appeared
  // paralyzed", "New Hampshire seems stable"), or after "it" a clause ("It
  // appears, though, that ...", "It seemed like ...").
  int p = i + 1;
  bool expletive = false;
  if (!infinitive) {
    if (!seem || i + 1 >= se) return false;
    int k = i + 1;
    if (k + 2 < se && lower_[k] == "," &&
        (lower_[k + 1] == "though" || lower_[k + 1] == "however") &&
        lower_[k + 2] == ",") {
      k += 3;
    }
    if (i > sb && lower_[i - 1] == "it" && k < se &&
        (lower_[k] == "that" || lower_[k] == "like")) {
      expletive = true;
      p = lower_[k] == "that" ? k + 1 : k;
    } else {
      while (k < se && Pos(k) == "RB") ++k;
      if (k >= se || !(Pos(k) == "JJ" || Pos(k) == "JJR" || Pos(k) == "VBN" ||
                       Pos(k) == "VBD" || lower_[k] == "like")) {
        return false;
      }
    }
  }
  int cue_b = i;
  bool be = false;
  while (cue_b - 1 >= sb && !claimed_[cue_b - 1] &&
         (IsAux(lower_[cue_b - 1]) || Pos(cue_b - 1) == "RB") &&
         lower_[cue_b - 1] != "however") {
    const std::string& w = lower_[cue_b - 1];
    if (w == "is" || w == "was" || w == "are" || w == "were" || w == "be" ||
        w == "been" || w == "being" || w == "'s" || w == "\xE2\x80\x99s") {
      be = true;
    }
    --cue_b;
  }
  if (passive && !be) return false;
  int b, e;
  if (expletive) {
    b = e = cue_b;  // "it" is no part of what seemed
    if (cue_b - 1 >= sb && lower_[cue_b - 1] == "it") b = e = cue_b - 1;
  } else if (!WalkLeft(cue_b - 1, sb, &b, &e) || e != cue_b) {
    return false;
  }
  for (int k = b; k < e; ++k) {
    if (claimed_[k] || seg_of_tok_[k] >= 0 || IsQuoteTok(k)) return false;
  }
  int ce = se;
  for (int k = p + 1; k + 1 < se; ++k) {
    if (seg_of_tok_[k] >= 0) continue;
    if (lower_[k] == ";" || lower_[k] == "\xE2\x80\x94" || lower_[k] == "--" ||
        (lower_[k] == "," &&
         ((Pos(k + 1) == "VBG" && lower_[k + 1] != "including") ||
          lower_[k + 1] == "according" || lower_[k + 1] == "but" ||
          lower_[k + 1] == "which" || lower_[k + 1] == "while"))) {
      ce = k;
      break;
    }
  }
  while (ce > p && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                    lower_[ce - 1] == "?" || lower_[ce - 1] == ")")) {
    --ce;
  }
  if (ce - p < (infinitive ? 2 : 1)) return false;
  Attribution a;
  a.sentence = s;
  a.cue_b = cue_b;
  a.cue_e = i + 1;
  a.cue_class = "belief";
  if (e > b) a.content2 = {doc_->tokens[b].begin, doc_->tokens[e - 1].end};
  a.content = {doc_->tokens[p].begin, doc_->tokens[ce - 1].end};
  for (int k = b; k < ce; ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
  return true;
}

// "Khoga was reportedly on that trip", "Google and Facebook have reportedly
// looked at Twitter": the adverb is a cue with no source, its content the
// clause around it in two parts (the subject with its auxiliary, and the
// rest). Adds it and returns true when token i is such a cue.
bool Analysis::Reportedly(int s, int sb, int se, int i) {
  if (lower_[i] != "reportedly" && lower_[i] != "allegedly") return false;
  if (i - 1 < sb || i + 1 >= se || claimed_[i]) return false;
  int j = i;
  while (j - 1 > sb && IsAux(lower_[j - 1])) --j;
  int b, e;
  if (!WalkLeft(j - 1, sb, &b, &e) || e != j) return false;
  for (int k = b; k < i; ++k) {
    if (claimed_[k] || seg_of_tok_[k] >= 0 || IsQuoteTok(k)) return false;
  }
  int p = i + 1, ce = se;
  for (int k = p + 1; k + 1 < se; ++k) {
    if (seg_of_tok_[k] >= 0) continue;
    if (lower_[k] == ";" || lower_[k] == "\xE2\x80\x94" || lower_[k] == "--" ||
        (lower_[k] == "," && (Pos(k + 1) == "VBG" || lower_[k + 1] == "but" ||
                              lower_[k + 1] == "which" ||
                              lower_[k + 1] == "according"))) {
      ce = k;
      break;
    }
  }
  while (ce > p && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                    lower_[ce - 1] == "?" || lower_[ce - 1] == ")")) {
    --ce;
  }
  if (ce - p < 2) return false;
  Attribution a;
  a.sentence = s;
  a.cue_b = i;
  a.cue_e = i + 1;
  a.cue_class = "speech";
  a.content2 = {doc_->tokens[b].begin, doc_->tokens[i - 1].end};
  a.content = {doc_->tokens[p].begin, doc_->tokens[ce - 1].end};
  for (int k = b; k < ce; ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
  return true;
}

// "In a Washington Post-ABC News poll released Sunday, just 8 percent of
// Democrats said ...": the poll is the source, "In" the cue and the clause
// after the comma the content. Adds it and returns true when token i opens
// such a sentence.
bool Analysis::PollOpener(int s, int se, int i) {
  bool poll = false;
  int comma = -1;
  for (int k = i + 1; k < se && k < i + 20; ++k) {
    if (claimed_[k] || seg_of_tok_[k] >= 0 || IsQuoteTok(k) ||
        IsFiniteVerb(k)) {
      return false;
    }
    const std::string& w = lower_[k];
    if (w == "poll" || w == "polls" || w == "survey" || w == "surveys") {
      poll = true;
    }
    if (w == ",") {
      comma = k;
      break;
    }
  }
  if (!poll || comma < 0) return false;
  int cb = comma + 1, ce = se;
  while (ce > cb && (lower_[ce - 1] == "." || lower_[ce - 1] == "!" ||
                     lower_[ce - 1] == "?")) {
    --ce;
  }
  if (ce - cb < 2) return false;
  for (int k = cb; k < ce; ++k) {
    if (claimed_[k]) return false;
  }
  Attribution a;
  a.sentence = s;
  a.cue_b = i;
  a.cue_e = i + 1;
  a.cue_class = "evidence";
  a.src_b = i + 1;
  a.src_e = comma;
  a.content = {doc_->tokens[cb].begin, doc_->tokens[ce - 1].end};
  for (int k = i; k < ce; ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
  return true;
}

// "his repeated denunciation of Israel", "questions about whether ...",
// "Trump's claim that ...": a noun the cue detector takes for a cue, with
// its preposition; the content is the noun phrase after it (or the clause
// after "that"), the source a possessive before it. Adds it and returns
// true when token i is such a cue.
bool Analysis::NominalCue(int s, int sb, int se, int i) {
  if (claimed_[i] || i + 2 >= se ||
      !QuoteExtractor::NounCueCandidate(*doc_, i)) {
    return false;
  }
  std::vector<uint64_t> f;
  CueModel::Features(*doc_, i, sb, se, &f);
  if (!cue_model_->IsCue(f)) return false;
  bool that = lower_[i + 1] == "that";
  int p = i + 2;
  int ce;
  if (that) {
    ce = p;
    while (ce < se && !claimed_[ce] &&
           (seg_of_tok_[ce] >= 0 ||
            (lower_[ce] != ";" && lower_[ce] != "." && lower_[ce] != "?" &&
             lower_[ce] != "!" && lower_[ce] != "\xE2\x80\x94" &&
             lower_[ce] != "--" && !(lower_[ce] == "," && ce + 1 < se &&
                                     (lower_[ce + 1] == "which" ||
                                      lower_[ce + 1] == "but" ||
                                      lower_[ce + 1] == "according" ||
                                      Pos(ce + 1) == "VBG"))))) {
      ++ce;
    }
  } else {
    ce = ObjectEnd(p, se);
  }
  if (ce <= p) return false;
  for (int k = p; k < ce; ++k) {
    if (claimed_[k]) return false;
  }
  Attribution a;
  a.sentence = s;
  a.cue_b = i;
  a.cue_e = that ? i + 1 : i + 2;
  // Adjectives before the noun belong to the cue ("repeated denunciation").
  while (a.cue_b - 1 >= sb && !claimed_[a.cue_b - 1] &&
         Pos(a.cue_b - 1).rfind("JJ", 0) == 0) {
    --a.cue_b;
  }
  a.cue_class = "act";
  int j = a.cue_b - 1;
  if (j >= sb && !claimed_[j] && Pos(j) == "PRP$") {
    a.src_b = j;
    a.src_e = j + 1;
  } else if (j - 1 >= sb && (lower_[j] == "'s" || lower_[j] == "\xE2\x80\x99s") &&
             IsNominal(j - 1) && !claimed_[j - 1]) {
    int b, e;
    if (WalkLeft(j - 1, sb, &b, &e) && e == j) {
      a.src_b = b;
      a.src_e = e;
    }
  }
  a.content = {doc_->tokens[p].begin, doc_->tokens[ce - 1].end};
  int from = a.src_b >= 0 ? a.src_b : a.cue_b;
  for (int k = from; k < ce; ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
  return true;
}

// "Asked whether he would ..., Priebus said", "When asked about X", "Sanders
// was asked about their case": a question whose asker is not named; the
// content is what was asked, up to the comma that ends it.
bool Analysis::AskedPassive(int s, int sb, int se, int i) {
  int cue_b = i;
  if (i == sb || lower_[i - 1] == "when" || lower_[i - 1] == "while" ||
      lower_[i - 1] == "after" || lower_[i - 1] == "if") {
  } else {
    bool be = false;
    while (cue_b - 1 >= sb && !claimed_[cue_b - 1] &&
           (IsAux(lower_[cue_b - 1]) || Pos(cue_b - 1) == "RB")) {
      const std::string& w = lower_[cue_b - 1];
      if (w == "is" || w == "was" || w == "are" || w == "were" || w == "been" ||
          w == "being") {
        be = true;
      }
      --cue_b;
    }
    if (!be) return false;
  }
  int p = i + 1;
  if (p < se && lower_[p] == "about") ++p;
  if (p >= se || lower_[p] == "by" || lower_[p] == "to" || lower_[p] == "for" ||
      lower_[p] == "," || IsQuoteTok(p) || seg_of_tok_[p] >= 0) {
    return false;
  }
  int cue_e = p == i + 2 ? p : i + 1;
  int ce = se;
  for (int k = p + 1; k < se; ++k) {
    if (seg_of_tok_[k] >= 0) continue;
    if (lower_[k] == "," || lower_[k] == ";" || lower_[k] == ":" ||
        lower_[k] == "\xE2\x80\x94" || lower_[k] == "--") {
      ce = k;
      break;
    }
  }
  // A comma inside the closing quotation mark belongs to the question.
  int end_tok = ce;
  while (end_tok > p && (lower_[end_tok - 1] == "." || lower_[end_tok - 1] == "?" ||
                         lower_[end_tok - 1] == "!")) {
    --end_tok;
  }
  if (end_tok - p < 1) return false;
  for (int k = p; k < end_tok; ++k) {
    if (claimed_[k]) return false;
  }
  Attribution a;
  a.sentence = s;
  a.cue_b = cue_b;
  a.cue_e = cue_e;
  a.cue_class = "speech";
  a.content = {doc_->tokens[p].begin, doc_->tokens[end_tok - 1].end};
  for (int k = cue_b; k < end_tok; ++k) claimed_[k] = 1;
  attrs_.push_back(std::move(a));
  return true;
}

void Analysis::Run() {
  doc_->quotes.clear();
  const size_t n = N();
  for (const Span& t : doc_->tokens) {
    if (t.end > text_.size() || t.begin > t.end) return;  // inconsistent layer
  }
  has_pos_ = doc_->pos.size() == n && n > 0;
  has_chunks_ = doc_->chunks.size() == n && n > 0;
  lower_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = Tok(static_cast<int>(i));
    lower_[i] = t.size() <= 24 ? Lower(t) : std::string();
  }
  segs_ = FindSegments(text_);
  seg_of_tok_.assign(n, -1);
  quote_tok_.assign(n, 0);
  claimed_.assign(n, 0);
  seg_attr_.assign(segs_.size(), -1);
  for (size_t s = 0; s < segs_.size(); ++s) {
    int k = TokenAt(segs_[s].open);
    for (; k < static_cast<int>(n) && doc_->tokens[k].begin < segs_[s].close;
         ++k) {
      const Span& t = doc_->tokens[k];
      if (t.begin >= segs_[s].inner_b && t.end <= segs_[s].inner_e) {
        seg_of_tok_[k] = static_cast<int>(s);
      } else {
        quote_tok_[k] = 1;
      }
    }
  }
  in_mention_.assign(n, 0);
  for (const NamedMention& m : doc_->mentions) {
    if (m.span.end > text_.size()) continue;
    for (int k = TokenAt(m.span.begin);
         k < static_cast<int>(n) && doc_->tokens[k].end <= m.span.end; ++k) {
      in_mention_[k] = 1;
    }
  }
  // Entity mentions, sorted.
  for (size_t e = 0; e < doc_->entities.size(); ++e) {
    for (const Span& m : doc_->entities[e].mentions) {
      if (m.end <= text_.size() && m.begin < m.end) {
        mentions_.push_back({m.begin, m.end, static_cast<int>(e)});
      }
    }
  }
  std::sort(mentions_.begin(), mentions_.end(),
            [](const M& a, const M& b) { return a.b < b.b; });
  clause_of_pred_.assign(n, -1);
  for (size_t c = 0; c < doc_->clauses.size(); ++c) {
    uint32_t p = doc_->clauses[c].predicate;
    if (p < n && doc_->clauses[c].kind == "verb") {
      clause_of_pred_[p] = static_cast<int>(c);
    }
  }
  sent_of_tok_.assign(n, -1);
  for (size_t s = 0; s < doc_->sentences.size(); ++s) {
    const SentenceSpan& sent = doc_->sentences[s];
    for (uint32_t k = sent.token_begin; k < sent.token_end && k < n; ++k) {
      sent_of_tok_[k] = static_cast<int>(s);
    }
  }
  for (size_t s = 0; s < doc_->sentences.size(); ++s) {
    if (doc_->sentences[s].token_end > n ||
        doc_->sentences[s].token_begin > doc_->sentences[s].token_end) {
      continue;
    }
    size_t first = attrs_.size();
    FindCues(static_cast<int>(s));
    // What a cut content gives back may hold the next attribution.
    if (CutAtOtherClauses(static_cast<int>(s), first)) {
      FindCues(static_cast<int>(s));
    }
  }
  for (Attribution& a : attrs_) Resolve(&a);
  Emit();
}

// Returns the span of the sentences covering bytes [b, e).
Span Analysis::SentenceCover(uint32_t b, uint32_t e) const {
  const size_t n = N();
  Span s{b, e};
  for (uint32_t x : {b, e > b ? e - 1 : b}) {
    int k = std::min<int>(TokenAt(x), static_cast<int>(n) - 1);
    if (k > 0 && doc_->tokens[k].begin > x) --k;
    if (k < 0) continue;
    int si = sent_of_tok_[k];
    if (si < 0) continue;
    s.begin = std::min(s.begin, doc_->sentences[si].span.begin);
    s.end = std::max(s.end, doc_->sentences[si].span.end);
  }
  return s;
}

// Returns the bytes of source tokens [src_b, src_e), a trailing comma left
// out.
Span Analysis::SpeakerBytes(int src_b, int src_e) const {
  Span s = {doc_->tokens[src_b].begin, doc_->tokens[src_e - 1].end};
  while (s.end > s.begin && text_[s.end - 1] == ',') --s.end;
  return s;
}

// Fills in quote *q the cue, speaker and sentence of attribution a.
void Analysis::Fill(Quote* q, const Attribution& a) const {
  if (a.cue_b >= 0) {
    q->cue_span = {doc_->tokens[a.cue_b].begin, doc_->tokens[a.cue_e - 1].end};
    q->cue = std::string(
        text_.substr(q->cue_span.begin, q->cue_span.end - q->cue_span.begin));
  }
  if (a.src_b >= 0) {
    q->speaker_span = SpeakerBytes(a.src_b, a.src_e);
    // "He’s", one token: the speaker is "He".
    const std::string& w = lower_[a.src_e - 1];
    if (a.src_e - a.src_b == 1 &&
        (w == "he's" || w == "she's" || w == "it's" || w == "that's")) {
      std::string_view t = Tok(a.src_e - 1);
      q->speaker_span.end -= t.size() - (w.size() - 2);
    }
  }
  q->speaker = a.speaker;
  q->speaker_name = a.speaker_name;
  q->speakers = a.speakers;
  q->cue_class = a.cue_class;
  uint32_t b = q->span.begin, e = q->span.end;
  for (const Span& s : {q->cue_span, q->speaker_span}) {
    if (s.end > s.begin) {
      b = std::min(b, s.begin);
      e = std::max(e, s.end);
    }
  }
  q->sentence = SentenceCover(b, e);
}

// A quotation standing as its own sentence (segment sg, its words from
// first_tok to last_tok), no cue claimed: it goes on the speaker of
// attribution last_attr when that is in this paragraph or the one before.
// Returns false when it is no quotation at all.
bool Analysis::StandingQuotation(size_t sg, int first_tok, int last_tok,
                                 int last_attr, Quote* q) const {
  const Segment& seg = segs_[sg];
  q->kind = "direct";
  // A quoted heading of a word or two ("'FRIENDSHIP'") is no quotation.
  size_t words = 0;
  for (int k = first_tok; k <= last_tok; ++k) {
    if (seg_of_tok_[k] >= 0 && !Pos(k).empty() && Pos(k)[0] != '.' &&
        Pos(k)[0] != ',') {
      ++words;
    } else if (seg_of_tok_[k] >= 0 && Pos(k).empty()) {
      ++words;
    }
  }
  // Two words ending a sentence right after an attribution in the same
  // paragraph are the speaker's ('"...," Bouhlel said. "Bodies
  // everywhere."').
  char last = InnerLast(static_cast<int>(sg));
  bool sentence_end = last == '.' || last == '!' || last == '?';
  bool same_paragraph = false;
  if (last_attr >= 0 && words >= 1) {
    uint32_t ab = doc_->tokens[attrs_[last_attr].cue_b].begin;
    same_paragraph = ab < seg.open &&
                     text_.substr(ab, seg.open - ab).find('\n') ==
                         std::string_view::npos;
  }
  if (words <= 2 && !(sentence_end && same_paragraph)) return false;
  if (last_attr < 0) return true;
  const Attribution& a = attrs_[last_attr];
  uint32_t ab = doc_->tokens[a.cue_b].begin;
  std::string_view between = text_.substr(ab, seg.open - ab);
  size_t breaks = 0, pos = 0;
  while ((pos = between.find("\n\n", pos)) != std::string_view::npos) {
    ++breaks;
    pos += 2;
  }
  if (breaks <= 1) {
    Quote tmp = *q;
    Fill(&tmp, a);
    q->speaker = tmp.speaker;
    q->speaker_name = tmp.speaker_name;
    q->speakers = tmp.speakers;
    q->speaker_span = tmp.speaker_span;
  }
  return true;
}

// Makes the quote of segment sg, which no cue claimed, given the last
// attribution before it. Inside reported speech it is a partial quote of
// its speaker; a quotation standing as its own sentence goes on the last
// speaker's words; one inside a sentence is partial, attributed to the
// sentence's subject. Returns false when there is none.
bool Analysis::LooseQuotation(size_t sg, int last_attr, Quote* q) const {
  const Segment& seg = segs_[sg];
  const size_t n = N();
  q->span = {seg.inner_b, seg.inner_e};
  // Trim spaces inside the marks.
  while (q->span.begin < q->span.end && text_[q->span.begin] == ' ') {
    ++q->span.begin;
  }
  while (q->span.end > q->span.begin && text_[q->span.end - 1] == ' ') {
    --q->span.end;
  }
  if (q->span.end <= q->span.begin) return false;
  const Attribution* owner = nullptr;
  for (const Attribution& a : attrs_) {
    if ((a.content.begin <= seg.open && seg.close <= a.content.end) ||
        (a.content2.begin <= seg.open && seg.close <= a.content2.end)) {
      owner = &a;
      break;
    }
  }
  int first_tok = TokenAt(seg.open);
  int last_tok = TokenAt(seg.close) - 1;
  if (first_tok >= static_cast<int>(n) || last_tok < first_tok) return false;
  int s_first = sent_of_tok_[first_tok];
  int s_last = sent_of_tok_[std::min<int>(last_tok, static_cast<int>(n) - 1)];
  if (s_first < 0 || s_last < 0) return false;
  const SentenceSpan& sf = doc_->sentences[s_first];
  const SentenceSpan& sl = doc_->sentences[s_last];
  // Whole sentences: only punctuation outside the marks.
  bool whole = true;
  for (int k = sf.token_begin; k < first_tok; ++k) {
    if (std::isalnum(static_cast<unsigned char>(Tok(k)[0]))) whole = false;
  }
  for (int k = last_tok + 1; k < static_cast<int>(sl.token_end); ++k) {
    if (std::isalnum(static_cast<unsigned char>(Tok(k)[0]))) whole = false;
  }
  if (owner != nullptr) {
    q->kind = "partial";
    q->speaker = owner->speaker;
    q->speaker_name = owner->speaker_name;
    q->speakers = owner->speakers;
    if (owner->src_b >= 0) {
      q->speaker_span = SpeakerBytes(owner->src_b, owner->src_e);
    }
  } else if (whole) {
    if (!StandingQuotation(sg, first_tok, last_tok, last_attr, q)) {
      return false;
    }
  } else {
    q->kind = "partial";
    Attribution subject;
    if (SubjectOf(s_first, static_cast<int>(n), &subject.src_b,
                  &subject.src_e)) {
      Resolve(&subject);
      q->speaker = subject.speaker;
      q->speaker_name = subject.speaker_name;
      q->speakers = subject.speakers;
      q->speaker_span = SpeakerBytes(subject.src_b, subject.src_e);
    }
  }
  uint32_t b = q->span.begin, e = q->span.end;
  if (q->speaker_span.end > q->speaker_span.begin) {
    b = std::min(b, q->speaker_span.begin);
    e = std::max(e, q->speaker_span.end);
  }
  q->sentence = SentenceCover(b, e);
  return true;
}

void Analysis::Emit() {
  std::vector<Quote>& out = doc_->quotes;
  for (const Attribution& a : attrs_) {
    for (const Span& c : {a.content2, a.content}) {
      if (c.end <= c.begin) continue;
      Quote q;
      q.span = c;
      q.kind = "indirect";
      Fill(&q, a);
      out.push_back(std::move(q));
    }
    for (int sg : a.segments) {
      Quote q;
      q.span = {segs_[sg].inner_b, segs_[sg].inner_e};
      q.kind = "direct";
      Fill(&q, a);
      out.push_back(std::move(q));
    }
  }
  // Quotations no cue claimed, each with the last attribution before it.
  int last_attr = -1;
  size_t next_attr = 0;
  for (size_t sg = 0; sg < segs_.size(); ++sg) {
    const Segment& seg = segs_[sg];
    while (next_attr < attrs_.size()) {
      const Attribution& a = attrs_[next_attr];
      uint32_t ab = doc_->tokens[a.cue_b].begin;
      if (ab > seg.open) break;
      last_attr = static_cast<int>(next_attr);
      ++next_attr;
    }
    if (seg_attr_[sg] >= 0) {
      last_attr = std::max(last_attr, seg_attr_[sg]);
      continue;
    }
    Quote q;
    if (LooseQuotation(sg, last_attr, &q)) out.push_back(std::move(q));
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.span.begin < b.span.begin;
  });
}

}  // namespace

Status QuoteExtractor::FromLexicon(std::string_view lexicon,
                                   std::unique_ptr<QuoteExtractor>* out) {
  std::unique_ptr<QuoteExtractor> q(new QuoteExtractor());
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= lexicon.size()) {
    size_t nl = lexicon.find('\n', pos);
    if (nl == std::string_view::npos) nl = lexicon.size();
    std::string_view line = lexicon.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::Corruption("cue lexicon: no class on line",
                                std::to_string(line_no));
    }
    std::string form = Lower(line.substr(0, tab));
    std::string_view cls = line.substr(tab + 1);
    cls = cls.substr(0, cls.find('\t'));  // later columns are comments
    CueClass c;
    if (cls == "speech") {
      c = CueClass::kSpeech;
    } else if (cls == "object") {
      c = CueClass::kObject;
    } else if (cls == "belief") {
      c = CueClass::kBelief;
    } else if (cls == "act") {
      c = CueClass::kAct;
    } else if (cls == "evidence") {
      c = CueClass::kEvidence;
    } else if (cls == "according") {
      c = CueClass::kAccording;
    } else if (cls == "none") {
      c = CueClass::kNone;
    } else {
      return Status::Corruption("cue lexicon: unknown class on line",
                                std::to_string(line_no));
    }
    // The first entry of a form wins (the hand-written lexicon comes first).
    if (form.find(' ') != std::string::npos) {
      q->phrases_.emplace(form, c);
    } else {
      q->cues_.emplace(form, c);
    }
  }
  *out = std::move(q);
  return Status::OK();
}

Status QuoteExtractor::Create(const std::string& data_dir,
                              std::unique_ptr<QuoteExtractor>* out) {
  std::string path = data_dir + "/quotes/cues.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path, "cannot open the cue lexicon");
  std::stringstream ss;
  ss << in.rdbuf();
  // The supplementary lexicon counted on PolNeAR train, when present.
  std::ifstream extra(data_dir + "/quotes/cues_polnear.tsv", std::ios::binary);
  if (extra) ss << "\n" << extra.rdbuf();
  Status s = FromLexicon(ss.str(), out);
  if (!s.ok()) return Status::Corruption(path, s.ToString());
  // Verbs whose negation is no statement, when the file is present.
  std::ifstream ns(data_dir + "/quotes/non_statements.tsv", std::ios::binary);
  std::string line;
  while (ns && std::getline(ns, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::string lemma = Lower(line.substr(0, line.find('\t')));
    (*out)->non_statements_.insert(std::move(lemma));
  }
  std::string cue_path = data_dir + "/models/quote_cues.model";
  if (std::ifstream(cue_path).good()) {
    auto model = std::make_shared<CueModel>();
    s = model->Load(cue_path);
    if (!s.ok()) return s;
    (*out)->cue_model_ = std::move(model);
  }
  std::string model_path = data_dir + "/models/quotes.model";
  if (std::ifstream(model_path).good()) {
    auto model = std::make_shared<QuoteModel>();
    s = model->Load(model_path);
    if (!s.ok()) return s;
    (*out)->content_model_ = std::move(model);
  }
  return Status::OK();
}

void QuoteExtractor::Extract(Document* doc) const {
  Analysis analysis(
      [](const void* self, std::string_view w) -> const CueClass* {
        const QuoteExtractor* q = static_cast<const QuoteExtractor*>(self);
        std::string key(w);
        auto it = q->cues_.find(key);
        if (it != q->cues_.end()) return &it->second;
        auto jt = q->phrases_.find(key);
        if (jt != q->phrases_.end()) return &jt->second;
        return nullptr;
      },
      this, doc);
  analysis.SetCueModel(cue_model_.get(), this);
  analysis.Run();
  if (content_model_ != nullptr) content_model_->Refine(doc);
  DropNonStatements(doc);
}

void QuoteExtractor::DropNonStatements(Document* doc) const {
  const size_t n = doc->tokens.size();
  std::string_view text = doc->text;
  // The clause of each predicate token.
  std::vector<int> clause_of(n, -1);
  for (size_t c = 0; c < doc->clauses.size(); ++c) {
    if (doc->clauses[c].predicate < n) {
      clause_of[doc->clauses[c].predicate] = static_cast<int>(c);
    }
  }
  auto word = [&](Span s) {
    return s.end <= text.size() && s.begin < s.end
               ? Lower(text.substr(s.begin, s.end - s.begin))
               : std::string();
  };
  // Returns true when the clause says nothing was said: a verb of
  // responding, negated or with a negative subject ("Neither DHS nor ICE",
  // "nobody"), or one that a negated clause governs ("did not return
  // calls seeking comment", "declined to comment").
  std::function<bool(int, int)> silent = [&](int c, int depth) {
    const Clause& cl = doc->clauses[c];
    if (!non_statements_.count(cl.lemma)) {
      // "declined to comment", "refused to say": the cue's complement.
      if (depth > 0 || (cl.lemma != "decline" && cl.lemma != "refuse")) {
        return false;
      }
      for (const ClauseArgument& arg : cl.arguments) {
        if (arg.role == "complement" && arg.clause >= 0 &&
            static_cast<size_t>(arg.clause) < doc->clauses.size() &&
            silent(arg.clause, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    bool negative = cl.negated;
    for (const ClauseArgument& arg : cl.arguments) {
      if (arg.role != "agent") continue;
      std::string w = word(Span{arg.span.begin,
                                std::min<uint32_t>(arg.span.end,
                                                   arg.span.begin + 8)});
      std::string first = w.substr(0, w.find(' '));
      if (first == "neither" || first == "nobody" || first == "none" ||
          (first == "no" && w.rfind("no one", 0) == 0)) {
        negative = true;
      }
    }
    // "declined to comment", "refused to say", "did not try to respond":
    // a verb whose subject a negated or refusing clause controls.
    bool controlled = false;
    for (const ClauseArgument& arg : cl.arguments) {
      if (arg.role == "agent" && arg.controlled) controlled = true;
    }
    if (!negative && controlled && cl.parent >= 0 &&
        static_cast<size_t>(cl.parent) < doc->clauses.size()) {
      const Clause& up = doc->clauses[cl.parent];
      negative = up.negated || up.lemma == "decline" || up.lemma == "refuse";
    }
    return negative;
  };
  std::vector<Quote> kept;
  kept.reserve(doc->quotes.size());
  for (Quote& q : doc->quotes) {
    bool drop = !keep_acts_ && q.kind == "indirect" && q.cue_class == "act";
    // PolNeAR annotates "did not respond to" as an attribution: with acts
    // kept, so are these.
    if (!drop && !keep_acts_ && q.kind != "partial" &&
        q.cue_span.end > q.cue_span.begin) {
      // The cue's predicate: a token of the cue span that heads a clause.
      auto it = std::lower_bound(
          doc->tokens.begin(), doc->tokens.end(), q.cue_span.begin,
          [](const Span& t, uint32_t b) { return t.begin < b; });
      for (size_t k = it - doc->tokens.begin();
           k < n && doc->tokens[k].end <= q.cue_span.end && !drop; ++k) {
        if (clause_of[k] >= 0) drop = silent(clause_of[k], 0);
      }
    }
    if (!drop) kept.push_back(std::move(q));
  }
  doc->quotes = std::move(kept);
}

bool QuoteExtractor::NounCueCandidate(const Document& doc, int i) {
  if (i < 0 || static_cast<size_t>(i) + 1 >= doc.tokens.size() ||
      doc.pos.size() != doc.tokens.size()) {
    return false;
  }
  if (doc.pos[i] != "NN" && doc.pos[i] != "NNS") return false;
  const Span& t = doc.tokens[i + 1];
  if (t.end > doc.text.size() || t.begin >= t.end) return false;
  std::string_view w = std::string_view(doc.text).substr(t.begin, t.end - t.begin);
  return w == "of" || w == "about" || w == "for" || w == "on" || w == "to" ||
         w == "over" || w == "against" || w == "with" ||
         (w == "that" && doc.pos[i + 1] == "IN");
}

bool QuoteExtractor::CueCandidate(const Document& doc, int i) const {
  if (i < 0 || static_cast<size_t>(i) >= doc.tokens.size() ||
      doc.pos.size() != doc.tokens.size()) {
    return false;
  }
  const std::string& p = doc.pos[i];
  if (p.size() < 2 || p[0] != 'V') return false;
  const Span& t = doc.tokens[i];
  if (t.end > doc.text.size() || t.begin >= t.end || t.end - t.begin > 24) {
    return false;
  }
  std::string w = Lower(std::string_view(doc.text).substr(t.begin, t.end - t.begin));
  if (!std::isalpha(static_cast<unsigned char>(w[0])) || IsAux(w)) return false;
  return cues_.find(w) == cues_.end() && phrases_.find(w) == phrases_.end();
}

}  // namespace dateline

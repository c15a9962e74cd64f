// CleanScrapedText: finds the article in a page saved as plain text.
//
// The page is split into lines. Each line gets a verdict from what it says
// (boilerplate phrases: newsletter boxes, share bars, cookie notices ...)
// and a score from how it reads: prose (long, ending in sentence
// punctuation) scores its length, menus and link titles score below zero,
// end-of-article markers ("Share this", "Comments", "Related") score far
// below. The article is the run of lines with the highest total score; in
// it, short headings stay and boilerplate, captions, bylines and link lists
// go. Metadata (title, date, byline, dateline, tags, captions) is read from
// the lines around it.
//
// With a learnt line classifier (clean/line_classifier.h), the rules' work
// above becomes evidence: each line's shape, position and repetition and
// the rules' verdicts are its features, and the model decides which lines
// are article text (it never keeps a line a word list named boilerplate).
#include "clean/text_cleaner.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/hash.h"
#include "base/utf8.h"
#include "clean/line_classifier.h"
#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::CharCount;
using clean_internal::ContainsNoCase;
using clean_internal::EqualsNoCase;
using clean_internal::IsCjk;
using clean_internal::LastCodePoint;
using clean_internal::NormalizeForCompare;
using clean_internal::SplitWords;
using clean_internal::StartsWithNoCase;
using clean_internal::Trim;

// How much more a run starting right below the headline is worth.
constexpr double kHeadlineBonus = 3.0;
// End-of-article markers end a run outright.
constexpr bool kHardBarriers = true;
// Runs after the best one are taken in across at most this many lines of
// widget, when they hold at least this much prose.
constexpr size_t kMaxGapLines = 12;
constexpr double kMinMergeSum = 120;
constexpr double kMinMergeShare = 0.15;   // of the best run's sum
constexpr double kMinMergeOverlap = 0.2;  // of the title's words

struct Line {
  size_t begin = 0, end = 0;  // bytes of the input, trimmed
  std::string_view text;
  bool blank = true;
  size_t chars = 0;
  size_t words = 0;
  size_t cjk = 0;          // CJK characters
  size_t capitalized = 0;  // words starting upper case
  bool terminal = false;   // ends like a sentence
  bool prose = false;
  const char* reason = nullptr;  // boilerplate verdict
  bool barrier = false;          // ends (or precedes) an article
  double score = 0;
  bool keep = false;
  uint64_t key_hash = 0;  // Hash64(Key(text)) once computed (0: not yet)
  bool phrase = false;    // a word list named it boilerplate
};

// Returns true if `cp` ends a sentence (closing quotes and brackets count
// when a sentence end precedes them; the caller checks only the last char).
bool IsTerminal(uint32_t cp) {
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x201D:
    case '"':
    case 0x2019:
    case 0x2026:
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0x300D:
    case 0x300F:
    case ')':
    case ':':
    case ';':
    case 0xBB:
      return true;
    default:
      return false;
  }
}

// Normalized form for phrase matching: lower case, straight quotes, single
// spaces, trailing ':' and punctuation dropped.
std::string Key(std::string_view s) {
  std::string k = NormalizeForCompare(s);
  while (!k.empty() && (k.back() == ':' || k.back() == '.' || k.back() == '!' ||
                        k.back() == ' ' || k.back() == '>' || k.back() == '|'))
    k.pop_back();
  return k;
}

// Letters and digits only, lower case: "(KCNA via REUTERS)" and "KCNA via
// REUTERS" read the same.
std::string AlnumKey(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(s, &i);
    if (clean_internal::IsLetter(cp) || clean_internal::IsDigit(cp)) {
      out.append(clean_internal::ToLower(s.substr(start, i - start)));
    }
  }
  return out;
}

struct Phrase {
  const char* text;
  const char* reason;
  bool barrier;
};

// Whole-line phrases (compared after Key()).
constexpr Phrase kExactPhrases[] = {
    {"advertisement", "advertisement", false},
    {"advertisment", "advertisement", false},
    {"advertising", "advertisement", false},
    {"ad", "advertisement", false},
    {"ads", "advertisement", false},
    {"sponsored", "advertisement", false},
    {"sponsored content", "advertisement", true},
    {"paid content", "advertisement", true},
    {"promoted content", "advertisement", true},
    {"story continues below advertisement", "advertisement", false},
    {"continue reading below", "advertisement", false},
    {"continue reading the main story", "advertisement", false},
    {"continue reading", "read-more", false},
    {"article continues below", "advertisement", false},
    {"article continues after advertisement", "advertisement", false},
    {"scroll to continue with content", "advertisement", false},
    {"publicidad", "advertisement", false},
    {"publicité", "advertisement", false},
    {"anzeige", "advertisement", false},
    {"pubblicità", "advertisement", false},
    {"iklan", "advertisement", false},
    {"реклама", "advertisement", false},
    {"featured", "featured", false},
    {"featured stories", "featured", false},
    {"featured story", "featured", false},
    {"featured video", "featured", false},
    {"featured articles", "featured", true},
    {"trending", "featured", true},
    {"trending now", "featured", true},
    {"trending stories", "featured", true},
    {"most read", "featured", true},
    {"most popular", "featured", true},
    {"most viewed", "featured", true},
    {"popular", "featured", true},
    {"popular posts", "featured", true},
    {"popular stories", "featured", true},
    {"recommended", "featured", true},
    {"recommended for you", "featured", true},
    {"recommended stories", "featured", true},
    {"related", "featured", true},
    {"related articles", "featured", true},
    {"related stories", "featured", true},
    {"related posts", "featured", true},
    {"related news", "featured", true},
    {"related content", "featured", true},
    {"related coverage", "featured", true},
    {"related topics", "tags", true},
    {"more stories", "featured", true},
    {"more news", "featured", true},
    {"top stories", "featured", true},
    {"latest", "featured", true},
    {"latest news", "featured", true},
    {"latest stories", "featured", true},
    {"editor's picks", "featured", true},
    {"editors' picks", "featured", true},
    {"you may also like", "featured", true},
    {"you might also like", "featured", true},
    {"you may like", "featured", true},
    {"you may like these posts", "featured", true},
    {"we recommend", "featured", true},
    {"don't miss", "featured", true},
    {"what to read next", "read-more", true},
    {"read next", "read-more", true},
    {"read more", "read-more", false},
    {"read also", "read-more", false},
    {"also read", "read-more", false},
    {"see also", "read-more", false},
    {"more on this story", "read-more", true},
    {"further reading", "read-more", true},
    {"story timeline", "featured", true},
    {"more from", "featured", true},
    {"share", "share", false},
    {"share this", "share", true},
    {"share this article", "share", true},
    {"share this story", "share", true},
    {"share this post", "share", true},
    {"share on facebook", "share", false},
    {"share on twitter", "share", false},
    {"share via email", "share", false},
    {"share article", "share", false},
    {"share story", "share", false},
    {"tweet", "share", false},
    {"facebook", "share", false},
    {"twitter", "share", false},
    {"linkedin", "share", false},
    {"whatsapp", "share", false},
    {"pinterest", "share", false},
    {"reddit", "share", false},
    {"email", "share", false},
    {"e-mail", "share", false},
    {"print", "share", false},
    {"copy link", "share", false},
    {"comments", "comments", true},
    {"comment", "comments", true},
    {"leave a comment", "comments", true},
    {"leave a reply", "comments", true},
    {"post a comment", "comments", true},
    {"view comments", "comments", true},
    {"show comments", "comments", true},
    {"add a comment", "comments", true},
    {"join the conversation", "comments", true},
    {"discussion", "comments", true},
    {"about the author", "author", true},
    {"tags", "tags", true},
    {"topics", "tags", true},
    {"tagged", "tags", true},
    {"filed under", "tags", true},
    {"home", "navigation", false},
    {"menu", "navigation", false},
    {"search", "navigation", false},
    {"skip to content", "navigation", false},
    {"skip to main content", "navigation", false},
    {"log in", "navigation", false},
    {"login", "navigation", false},
    {"sign in", "navigation", false},
    {"register", "navigation", false},
    {"close", "navigation", false},
    {"next", "navigation", false},
    {"previous", "navigation", false},
    {"next article", "navigation", true},
    {"previous article", "navigation", true},
    {"back to top", "navigation", true},
    {"loading", "navigation", false},
};

// Phrases that mark a line when they occur anywhere in a short line.
constexpr Phrase kContainedPhrases[] = {
    {"newsletter", "newsletter", false},
    {"subscribe", "newsletter", false},
    {"subscription", "newsletter", false},
    {"sign up", "newsletter", false},
    {"signup", "newsletter", false},
    {"your inbox", "newsletter", false},
    {"email address", "newsletter", false},
    {"e-mail address", "newsletter", false},
    {"cookie", "cookie", true},
    {"all rights reserved", "copyright", true},
    {"copyright", "copyright", true},
    {"privacy policy", "navigation", true},
    {"terms of use", "navigation", true},
    {"terms of service", "navigation", true},
    {"terms & conditions", "navigation", true},
    {"terms and conditions", "navigation", true},
    {"javascript", "navigation", false},
    {"your browser", "navigation", false},
    {"follow us", "share", true},
    {"share this", "share", true},
    {"click here", "read-more", false},
    {"read more:", "read-more", false},
    {"read more about", "read-more", false},
    {"read also:", "read-more", false},
    {"also read:", "read-more", false},
    {"see also:", "read-more", false},
    {"related:", "read-more", false},
    {"more:", "read-more", false},
    {"watch:", "read-more", false},
    {"listen to this article", "navigation", false},
    {"comments", "comments", true},
    {"leave a reply", "comments", true},
    {"log in to comment", "comments", true},
    {"reply", "comments", false},
    {"posted in", "tags", false},
    {"download the app", "newsletter", false},
    {"get the app", "newsletter", false},
    {"you may also like", "featured", true},
    {"recommended for you", "featured", true},
};

// Classifies a line by what it says; sets line->reason and barrier.
void ClassifyByPhrase(Line* line) {
  std::string_view t = line->text;
  std::string key = Key(t);
  if (key.empty()) return;
  for (const Phrase& p : kExactPhrases) {
    if (key == p.text) {
      line->reason = p.reason;
      line->barrier = p.barrier;
      return;
    }
  }
  // "12 Comments", "Comments (3)".
  if (line->words <= 4 &&
      (ContainsNoCase(key, "comment") || ContainsNoCase(key, "responses"))) {
    line->reason = "comments";
    line->barrier = true;
    return;
  }
  // "More Washington Examiner", "More in Politics": the list of other
  // stories starts.
  if (line->words <= 5 && !line->terminal && key.starts_with("more ")) {
    line->reason = "featured";
    line->barrier = true;
    return;
  }
  // "34 responses to “Headline”", "12 thoughts on “Headline”".
  if (!key.empty() && key[0] >= '0' && key[0] <= '9') {
    size_t sp = key.find(' ');
    if (sp != std::string::npos) {
      std::string_view rest = std::string_view(key).substr(sp + 1);
      for (std::string_view head :
           {"responses to", "response to", "thoughts on", "comments on",
            "replies to", "comments to"}) {
        if (rest.starts_with(head)) {
          line->reason = "comments";
          line->barrier = true;
          return;
        }
      }
    }
  }
  // A commenter's header: "jane_doe says:".
  if (line->words <= 5 && !t.empty() && t.back() == ':' &&
      (key.ends_with(" says") || key.ends_with(" said") ||
       key.ends_with(" wrote"))) {
    line->reason = "comments";
    line->barrier = true;
    return;
  }
  std::vector<std::string> tags;
  if (ParseTagLine(t, &tags)) {
    line->reason = "tags";
    line->barrier = true;
    return;
  }
  if (line->words <= 12 && (StartsWithNoCase(t, "image copyright") ||
                            StartsWithNoCase(t, "image caption") ||
                            StartsWithNoCase(t, "media caption") ||
                            StartsWithNoCase(t, "image source") ||
                            StartsWithNoCase(t, "photo credit") ||
                            StartsWithNoCase(t, "image credit"))) {
    line->reason = "caption";
    return;
  }
  if (t.starts_with("©") || StartsWithNoCase(t, "(c) ") ||
      StartsWithNoCase(t, "copyright")) {
    line->reason = "copyright";
    line->barrier = true;
    return;
  }
  // Phrases inside a line: only for lines that are not long prose, except
  // the cookie and copyright notices, which are long and still boilerplate.
  for (const Phrase& p : kContainedPhrases) {
    bool strong = std::string_view(p.reason) == "cookie" ||
                  std::string_view(p.reason) == "copyright";
    size_t limit =
        strong ? 80 : (std::string_view(p.reason) == "newsletter" ? 30 : 14);
    if (line->words > limit) continue;
    if (std::string_view(p.text) == "cookie" &&
        !ContainsNoCase(key, "cookies") && !ContainsNoCase(key, "cookie "))
      continue;
    if (ContainsNoCase(key, p.text)) {
      line->reason = p.reason;
      line->barrier = p.barrier;
      return;
    }
  }
  // Comment headers and widget timestamps: "Jane on May 3, 2019 at 4:47 pm
  // said:", "2 days ago", "Rating: 12 Votes", "Reply".
  if (line->words <= 14) {
    if (key.ends_with(" said") && t.back() == ':' && line->words >= 3) {
      line->reason = "comments";
      line->barrier = true;
      return;
    }
    static constexpr std::string_view kUnits[] = {"second", "minute", "min",
                                                  "hour",   "hr",     "day",
                                                  "week",   "month",  "year"};
    auto words = SplitWords(key);
    for (size_t i = 0; i + 2 < words.size() + 1 && i + 1 < words.size(); ++i) {
      std::string_view w1 = std::string_view(key).substr(
          words[i + 1].begin, words[i + 1].end - words[i + 1].begin);
      bool unit = false;
      for (std::string_view u : kUnits) {
        unit |= w1 == u || (w1.size() == u.size() + 1 && w1.starts_with(u) &&
                            w1.back() == 's');
      }
      if (!unit) continue;
      size_t after = words[i + 1].end;
      if (key.substr(after).starts_with(" ago")) {
        line->reason = "date";
        line->barrier = true;
        return;
      }
    }
    // "32M ago", "1H ago", "updated 16M ago".
    {
      size_t ago = key.find(" ago");
      if (ago != std::string::npos && ago > 0 &&
          (ago + 4 == key.size() || key[ago + 4] == ' ')) {
        size_t b = ago;
        while (b > 0 && key[b - 1] != ' ') --b;
        std::string_view tok = std::string_view(key).substr(b, ago - b);
        size_t d = 0;
        while (d < tok.size() && tok[d] >= '0' && tok[d] <= '9') ++d;
        if (d > 0 && d < tok.size() && tok.size() - d <= 4) {
          line->reason = "date";
          line->barrier = true;
          return;
        }
      }
    }
    if (key.ends_with(" votes") || key.starts_with("rating:")) {
      line->reason = "comments";
      line->barrier = true;
      return;
    }
  }
  // Menus printed in one line: "About / Advertise / Tip Us / Contact".
  if (line->words <= 20) {
    size_t seps = 0;
    for (std::string_view sep : {" / ", " | ", " · ", " • "}) {
      size_t p = 0;
      while ((p = key.find(sep, p)) != std::string::npos) ++seps, p += 2;
    }
    if (seps >= 2 && !line->terminal) {
      line->reason = "navigation";
      return;
    }
  }
  // Editor's initials at the end of a story: "gsg", "/ra".
  {
    std::string_view w = t;
    if (!w.empty() && w.front() == '/') w.remove_prefix(1);
    bool initials = w.size() >= 2 && w.size() <= 4;
    for (char c : w) initials &= c >= 'a' && c <= 'z';
    if (initials) {
      line->reason = "editor-initials";
      return;
    }
  }
}

void Measure(Line* line) {
  std::string_view t = line->text;
  auto words = SplitWords(t);
  size_t n = 0, caps = 0;
  for (const auto& w : words) {
    size_t p = w.begin;
    uint32_t cp = DecodeUtf8(t, &p);
    if (IsCjk(cp)) {
      ++line->cjk;
      continue;
    }
    ++n;
    if (w.capitalized) ++caps;
  }
  line->words = n + line->cjk / 2;
  line->capitalized = caps;
  line->chars = CharCount(t);
  uint32_t last = LastCodePoint(t);
  line->terminal = IsTerminal(last);
  if (last == ')' && t.size() >= 2) {
    // "(185)" ends a link title; ".)" ends a sentence.
    std::string_view head = t.substr(0, t.size() - 1);
    uint32_t before = LastCodePoint(head);
    line->terminal = before == '.' || before == '!' || before == '?';
  }
  if (line->cjk >= 20) {
    line->prose = line->cjk >= 40 || line->terminal;
  } else {
    line->prose = (line->words >= 8 && line->terminal) || line->words >= 18;
    // Title Case lines are headlines or link titles, not prose.
    if (line->prose && !line->terminal && n > 0 && caps * 10 >= n * 7)
      line->prose = false;
  }
}

// Returns true for markers after which no article text follows: comments,
// copyright, tags, share bars.
bool IsHardBarrier(const Line& line) {
  if (!line.barrier || line.reason == nullptr) return false;
  std::string_view r = line.reason;
  return r == "comments" || r == "copyright" || r == "tags" || r == "author" ||
         r == "share";
}

// Scores a line for the article run.
double Score(const Line& line) {
  if (line.blank) return 0;
  if (line.reason != nullptr) {
    if (line.barrier) return -200;
    return -10;
  }
  double weight =
      static_cast<double>(line.chars) + 2.0 * static_cast<double>(line.cjk);
  if (line.prose) return weight;
  if (line.terminal && line.words >= 4) return 0.3 * weight;
  return -(12 + 0.4 * weight);
}

// Splits "By Jane Doe and John Roe | Outlet" into names.
void ParseByline(std::string_view s, std::vector<std::string>* authors) {
  s = Trim(s);
  if (StartsWithNoCase(s, "by ")) s.remove_prefix(3);
  for (std::string_view stop : {" | ", " - ", " – ", " — ", "  ", " /"}) {
    size_t p = s.find(stop);
    if (p != std::string_view::npos) s = s.substr(0, p);
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t a = s.find(", ", start);
    size_t b = s.find(" and ", start);
    size_t c = s.find(" & ", start);
    size_t e = std::min({a, b, c, s.size()});
    parts.push_back(s.substr(start, e - start));
    if (e == s.size()) break;
    start = e + (e == a ? 2 : (e == b ? 5 : 3));
  }
  for (std::string_view p : parts) {
    p = Trim(p);
    auto words = SplitWords(p);
    if (words.empty() || words.size() > 4) continue;
    bool name = true;
    for (const auto& w : words) name &= w.capitalized;
    if (name) authors->emplace_back(p);
  }
}

bool LooksLikeByline(const Line& line) {
  if (line.words == 0 || line.words > 12) return false;
  std::string_view t = line.text;
  if (!(t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("by "))) {
    return false;
  }
  auto words = SplitWords(t);
  return words.size() >= 2 && words[1].capitalized;
}

// ---- Features of a line for the line classifier (clean/line_classifier.h).
// Language-independent evidence: shape, punctuation, repetition, position;
// the rules' verdicts and word-list hits come in as features of their own.

// Feature templates (ids are part of the model's feature set: renumbering
// them needs LineClassifier::kFeatureSet bumped).
enum FeatureTemplate : uint64_t {
  kFBias = 1,
  kFWords,
  kFChars,
  kFLast,
  kFFirst,
  kFCaps,
  kFDigits,
  kFLinkLike,
  kFSeparators,
  kFCommas,
  kFProse,
  kFReason,
  kFBarrier,
  kFRuleKeep,
  kFRegion,
  kFRepeats,
  kFSentences,
  kFByline,
  kFAllCaps,
  kFDateLike,
  kFHeadlineDist,
  kFBlankAround,
  kFProseAround,
  kFKeepAround,
  kFWordsLast,
  kFKeepReason,
  kFRegionWords,
  kFKeepProseRegion,
  kFCjk,
  kFWordsTerminal,
  kFNbKeepPair,
  kFNbWordsPair,
  kFBarriersBetween,
  kFDroppedBetween,
  kFEllipsis,
  kFRegionProseBarrier,
  kFTitleWords,
};

// Returns true for the templates that carry the rules' verdicts or a word
// list's hit (rather than language-independent evidence).
bool IsRuleTemplate(uint64_t tmpl) {
  switch (tmpl % 1000) {
    case kFReason:
    case kFBarrier:
    case kFRuleKeep:
    case kFRegion:
    case kFKeepReason:
    case kFRegionWords:
    case kFKeepProseRegion:
    case kFBarriersBetween:
    case kFDroppedBetween:
    case kFRegionProseBarrier:
    case kFKeepAround:
    case kFNbKeepPair:
    case kFByline:
    case kFDateLike:
      return true;
    default:
      return false;
  }
}

uint64_t FeatureKey(uint64_t tmpl, uint64_t value) {
  return MixHash(MixHash(0xC1EA9u, tmpl), value);
}

int Bucket(size_t n, std::initializer_list<size_t> bounds) {
  int b = 0;
  for (size_t x : bounds) {
    if (n < x) return b;
    ++b;
  }
  return b;
}

int SignedBucket(long d) {
  long a = d < 0 ? -d : d;
  int b = Bucket(static_cast<size_t>(a), {1, 2, 3, 4, 6, 11, 21, 51});
  return d < 0 ? -b : b;
}

// Character class of a code point: what a line starts or ends with.
int CharShape(uint32_t cp) {
  switch (cp) {
    case '.':
      return 1;
    case '!':
    case '?':
      return 2;
    case ':':
      return 3;
    case ')':
    case ']':
      return 4;
    case '"':
    case 0x201D:
    case 0x201C:
    case 0x2019:
    case 0xBB:
    case 0xAB:
    case '\'':
      return 5;
    case ',':
    case ';':
      return 6;
    case '|':
    case '/':
    case 0xB7:
    case 0x2022:
    case '>':
    case 0x203A:
      return 7;
    case '-':
    case 0x2013:
    case 0x2014:
      return 8;
    case 0x2026:
      return 9;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
      return 10;
    default:
      break;
  }
  if (clean_internal::IsDigit(cp)) return 11;
  if (clean_internal::IsUpper(cp)) return 12;
  if (clean_internal::IsLower(cp)) return 13;
  if (IsCjk(cp)) return 14;
  if (clean_internal::IsLetter(cp)) return 15;
  return 16;
}

// What one line looks like, for itself and as a neighbour.
struct LineShape {
  int words = 0, chars = 0, last = 0, first = 0;
  int caps = 0, digits = 0, link = 0, seps = 0, commas = 0, sentences = 0;
  int region = 0;  // 0 before the run, 1 in it, 2 after
  bool prose = false, barrier = false, keep = false, byline = false;
  bool all_caps = false, date = false;
  uint64_t reason = 0;
  int cjk = 0;
};

LineShape ShapeOf(const Line& l, size_t i, size_t run_begin, size_t run_end) {
  LineShape s;
  std::string_view t = l.text;
  s.words = Bucket(l.words, {1, 2, 3, 4, 6, 9, 13, 21, 41, 81});
  s.chars = Bucket(l.chars, {4, 8, 16, 32, 64, 128, 256, 512});
  s.last = CharShape(LastCodePoint(t));
  {
    size_t p = 0;
    s.first = CharShape(DecodeUtf8(t, &p));
  }
  size_t digit_words = 0, upper_letters = 0, letters = 0;
  size_t commas = 0, sentences = 0, seps = 0;
  bool link = false;
  for (size_t k = 0; k < t.size(); ++k) {
    char c = t[k];
    if (c >= '0' && c <= '9' && (k == 0 || t[k - 1] == ' ')) ++digit_words;
    if (c == ',') ++commas;
    if ((c == '.' || c == '!' || c == '?') && k + 1 < t.size() && t[k + 1] == ' ')
      ++sentences;
    if (c == '|' || c == '/' || c == '>') ++seps;
    if (c == '@' || c == '#') link = true;
    if (c >= 'A' && c <= 'Z') ++upper_letters, ++letters;
    if (c >= 'a' && c <= 'z') ++letters;
  }
  if (t.find("http") != std::string_view::npos ||
      t.find("www.") != std::string_view::npos ||
      t.find(".com") != std::string_view::npos)
    link = true;
  s.link = link ? 1 : 0;
  s.seps = Bucket(seps, {1, 2, 4});
  s.commas = Bucket(commas, {1, 2, 4});
  s.sentences = Bucket(sentences, {1, 2, 4});
  const size_t latin_words = l.words > l.cjk / 2 ? l.words - l.cjk / 2 : 0;
  s.caps = latin_words < 2 ? -1 : static_cast<int>(l.capitalized * 4 / latin_words);
  s.digits = l.words == 0 ? 0 : static_cast<int>(std::min<size_t>(3, digit_words * 4 / l.words));
  s.all_caps = letters >= 4 && upper_letters == letters;
  s.prose = l.prose;
  s.barrier = l.barrier;
  s.keep = l.keep;
  s.reason = l.reason == nullptr ? 0 : Hash64(l.reason);
  s.region = i < run_begin ? 0 : (i < run_end ? 1 : 2);
  s.cjk = l.chars == 0 ? 0 : static_cast<int>(l.cjk * 4 / l.chars);
  return s;
}

// Fills lines_out with each non-blank body line and its feature keys.
void LineFeatures(const std::vector<Line>& lines, size_t first_body,
                  size_t headline, size_t run_begin, size_t run_end,
                  const std::vector<std::string>& title_words,
                  std::vector<size_t>* nonblank,
                  std::vector<std::vector<uint64_t>>* keys_out,
                  std::vector<std::vector<uint64_t>>* rule_keys_out) {
  std::vector<size_t>& nb = *nonblank;
  nb.clear();
  for (size_t i = first_body; i < lines.size(); ++i) {
    if (!lines[i].blank) nb.push_back(i);
  }
  const size_t n = nb.size();
  std::vector<LineShape> shapes(n);
  std::unordered_map<uint64_t, int> counts;
  std::vector<uint64_t> keys(n);
  size_t headline_nb = std::string::npos, run_begin_nb = n, run_end_nb = n;
  for (size_t k = 0; k < n; ++k) {
    const Line& l = lines[nb[k]];
    shapes[k] = ShapeOf(l, nb[k], run_begin, run_end);
    // Dates hold digits: the parser is not asked about menus.
    if (l.words <= 8 && l.words >= 1 && !l.prose &&
        std::any_of(l.text.begin(), l.text.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      shapes[k].date = !ParseDateTime(l.text).empty();
    }
    shapes[k].byline = LooksLikeByline(l);
    keys[k] = l.key_hash != 0 ? l.key_hash : Hash64(Key(l.text));
    ++counts[keys[k]];
    if (nb[k] == headline) headline_nb = k;
    if (run_begin_nb == n && nb[k] >= run_begin) run_begin_nb = k;
    if (nb[k] < run_end) run_end_nb = k;
  }
  // Between each line and the rules' run: how many end-of-article markers
  // and how many lines the rules dropped (comments and teasers lie beyond
  // both).
  std::vector<int> barriers_between(n, 0), dropped_between(n, 0);
  {
    int b = 0, d = 0;
    for (size_t k = run_end_nb + 1; k < n && run_end_nb < n; ++k) {
      barriers_between[k] = b;
      dropped_between[k] = d;
      const Line& l = lines[nb[k]];
      b += IsHardBarrier(l) ? 1 : 0;
      d += l.keep ? 0 : 1;
    }
    b = 0;
    d = 0;
    for (size_t k = std::min(run_begin_nb, n); k-- > 0;) {
      const Line& l = lines[nb[k]];
      barriers_between[k] = b;
      dropped_between[k] = d;
      b += l.barrier ? 1 : 0;
      d += l.keep ? 0 : 1;
    }
  }
  keys_out->assign(n, {});
  rule_keys_out->assign(n, {});
  for (size_t k = 0; k < n; ++k) {
    std::vector<uint64_t>& f = (*keys_out)[k];
    std::vector<uint64_t>& rf = (*rule_keys_out)[k];
    f.reserve(48);
    rf.reserve(24);
    const LineShape& s = shapes[k];
    const Line& l = lines[nb[k]];
    auto add = [&](uint64_t tmpl, uint64_t v) {
      (IsRuleTemplate(tmpl) ? rf : f).push_back(FeatureKey(tmpl, v));
    };
    if (!title_words.empty()) {
      const std::string lower = clean_internal::ToLower(l.text);
      size_t found = 0;
      for (const std::string& w : title_words)
        found += lower.find(w) != std::string::npos;
      add(kFTitleWords, static_cast<uint64_t>(
                            std::min<size_t>(found, 4) * 8 +
                            found * 4 / title_words.size()));
    }
    add(kFBias, 0);
    add(kFWords, s.words);
    add(kFChars, s.chars);
    add(kFLast, s.last);
    add(kFFirst, s.first);
    add(kFCaps, static_cast<uint64_t>(s.caps + 1));
    add(kFDigits, s.digits);
    add(kFLinkLike, s.link);
    add(kFSeparators, s.seps);
    add(kFCommas, s.commas);
    add(kFProse, s.prose);
    add(kFReason, s.reason);
    add(kFBarrier, s.barrier);
    add(kFRuleKeep, s.keep);
    add(kFRegion, s.region);
    add(kFRepeats, std::min(counts[keys[k]], 3));
    add(kFSentences, s.sentences);
    add(kFByline, s.byline);
    add(kFAllCaps, s.all_caps);
    add(kFDateLike, s.date);
    add(kFCjk, s.cjk);
    add(kFWordsLast, static_cast<uint64_t>(s.words * 32 + s.last));
    add(kFWordsTerminal, static_cast<uint64_t>(s.words * 2 + (l.terminal ? 1 : 0)));
    add(kFKeepReason, MixHash(s.keep, s.reason));
    add(kFRegionWords, static_cast<uint64_t>(s.region * 32 + s.words));
    add(kFKeepProseRegion,
        static_cast<uint64_t>(s.keep * 8 + s.prose * 4 + s.region));
    const long dh = headline_nb == std::string::npos
                        ? 1000
                        : static_cast<long>(k) - static_cast<long>(headline_nb);
    add(kFHeadlineDist, headline_nb == std::string::npos ? 99 : SignedBucket(dh) + 20);
    // No feature of where the line stands in the page or in the rules' run
    // by itself: learnt from AEB, whose pages all end in a footer, those
    // dropped the last paragraphs of pages without one.
    // The page's edges count as blank: a page's last line is not a list
    // item for ending without a blank line after it.
    const bool blank_before = nb[k] <= first_body || lines[nb[k] - 1].blank;
    const bool blank_after = nb[k] + 1 >= lines.size() || lines[nb[k] + 1].blank;
    add(kFBlankAround, blank_before * 2 + blank_after);
    add(kFBarriersBetween, std::min(barriers_between[k], 3));
    add(kFDroppedBetween, Bucket(dropped_between[k], {1, 2, 4, 8, 16}));
    add(kFEllipsis, l.text.ends_with("...") || l.text.ends_with("\u2026"));
    add(kFRegionProseBarrier,
        static_cast<uint64_t>(s.region * 16 + s.prose * 8 + std::min(barriers_between[k], 3)));
    int prose_around = 0, keep_around = 0;
    for (long d = -3; d <= 3; ++d) {
      long j = static_cast<long>(k) + d;
      if (d == 0 || j < 0 || j >= static_cast<long>(n)) continue;
      prose_around += shapes[j].prose;
      keep_around += shapes[j].keep;
    }
    add(kFProseAround, prose_around);
    add(kFKeepAround, keep_around);
    // The neighbours' shape, two each side.
    for (long d = -2; d <= 2; ++d) {
      if (d == 0) continue;
      long j = static_cast<long>(k) + d;
      const uint64_t off = static_cast<uint64_t>(d + 3) * 1000;
      if (j < 0 || j >= static_cast<long>(n)) continue;
      const LineShape& o = shapes[j];
      add(off + kFWords, o.words);
      add(off + kFLast, o.last);
      add(off + kFRuleKeep, o.keep);
      // Not the neighbours' word-list verdicts: learnt from AEB, where a
      // newsletter box mostly ends the article, they dropped the seed's
      // paragraph after one.
      add(off + kFProse, o.prose);
      add(off + kFRegion, o.region);
      add(off + kFWordsLast, static_cast<uint64_t>(o.words * 32 + o.last));
      if (d == -1 || d == 1) {
        add(off + kFNbKeepPair, static_cast<uint64_t>(s.keep * 2 + o.keep));
        add(off + kFNbWordsPair, static_cast<uint64_t>(s.words * 32 + o.words));
      }
    }
  }
}
}  // namespace

// Joins the lines of hard-wrapped text (wire copy, mail, old archives:
// every line at most about 100 bytes, paragraphs running over several
// lines) so that each paragraph is one line, as in other scraped text. Only
// a line at least 60% of the wrap width continues into the next; shorter
// lines end their paragraph. Pages with any longer line are left alone.
// Joined texts live in *storage; begin/end still span the page.
void UnwrapHardWrapped(std::vector<Line>* lines, std::deque<std::string>* storage) {
  constexpr size_t kMaxWrap = 100;
  size_t n = 0, followed = 0, width = 0;
  for (size_t i = 1; i < lines->size(); ++i) {
    const Line& l = (*lines)[i];
    if (l.blank) continue;
    ++n;
    width = std::max(width, l.text.size());
    if (i + 1 < lines->size() && !(*lines)[i + 1].blank) ++followed;
  }
  if (n < 6 || width > kMaxWrap || followed * 2 < n) return;
  std::vector<Line> out;
  out.reserve(lines->size());
  out.push_back((*lines)[0]);
  for (size_t i = 1; i < lines->size(); ++i) {
    Line l = (*lines)[i];
    if (l.blank) {
      out.push_back(l);
      continue;
    }
    size_t j = i;
    std::string joined(l.text);
    while (j + 1 < lines->size() && !(*lines)[j + 1].blank &&
           (*lines)[j].text.size() * 10 >= width * 6) {
      ++j;
      joined.push_back(' ');
      joined.append((*lines)[j].text);
    }
    if (j > i) {
      storage->push_back(std::move(joined));
      l.text = storage->back();
      l.end = (*lines)[j].end;
    }
    out.push_back(l);
    i = j;
  }
  *lines = std::move(out);
}

Status CleanScrapedText(std::string_view text, Document* doc) {
  return CleanScrapedText(text, doc, nullptr, nullptr);
}

Status CleanScrapedText(std::string_view text, Document* doc,
                        const LineClassifier* model,
                        std::vector<ScrapedLine>* lines_out) {
  // Lines, trimmed, with their byte offsets.
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    std::string_view t = Trim(raw);
    Line line;
    line.begin = t.empty() ? pos : static_cast<size_t>(t.data() - text.data());
    line.end = line.begin + t.size();
    line.text = t;
    line.blank = t.empty();
    lines.push_back(line);
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  if (lines.empty()) return Status::Corruption("empty page", doc->source);
  std::deque<std::string> joined_lines;
  UnwrapHardWrapped(&lines, &joined_lines);

  // The first line is the page <title>.
  size_t first_body = 0;
  std::string site;
  if (lines.size() > 2 && !lines[0].blank && lines[1].blank) {
    SplitTitle(lines[0].text, &doc->title, &site);
    doc->removed.push_back({std::string(lines[0].text), "title"});
    first_body = 1;
  }
  const std::string title_key = Key(doc->title);
  const std::string raw_title_key =
      first_body ? Key(lines[0].text) : std::string();

  for (size_t i = first_body; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank) continue;
    Measure(&l);
    ClassifyByPhrase(&l);
    l.phrase = l.reason != nullptr;
  }

  // The headline as printed in the body: the line matching the title, or
  // the start of the raw title ("... – Kremlin" where the title line had
  // "... - Kremlin | Inquirer News").
  size_t headline = std::string::npos;
  std::vector<size_t> headlines;
  for (size_t i = first_body; i < lines.size() && !title_key.empty(); ++i) {
    Line& l = lines[i];
    if (l.blank || l.words > 40) continue;
    std::string k = Key(l.text);
    l.key_hash = Hash64(k);
    bool match = k == title_key;
    if (!match && !raw_title_key.empty() && k.size() >= title_key.size() &&
        raw_title_key.starts_with(k) &&
        k.size() * 10 >= raw_title_key.size() * 6)
      match = true;
    if (!match) continue;
    l.reason = "title";
    l.barrier = false;
    headlines.push_back(i);
    if (headline == std::string::npos) {
      headline = i;
      if (k != title_key) doc->title.assign(l.text);
    }
  }

  // Captions printed twice ("... Agency. KCNA via REUTERS" and "...
  // Agency. (KCNA via REUTERS)"): one caption, neither copy in the body.
  std::vector<std::string> alnum(lines.size());
  for (size_t i = first_body; i < lines.size(); ++i) {
    if (!lines[i].blank && lines[i].words >= 6)
      alnum[i] = AlnumKey(lines[i].text);
  }
  for (size_t i = first_body; i < lines.size(); ++i) {
    if (alnum[i].size() < 30 || lines[i].reason != nullptr) continue;
    for (size_t j = i + 1; j < lines.size() && j <= i + 8; ++j) {
      if (alnum[j] != alnum[i]) continue;
      // Prefer the copy whose credit is marked off (parentheses, label).
      std::string ti, ci, tj, cj;
      SplitCaptionCredit(lines[i].text, &ti, &ci);
      SplitCaptionCredit(lines[j].text, &tj, &cj);
      bool use_j = !cj.empty() && (ci.empty() || lines[j].text.back() == ')');
      Caption cap;
      cap.text = use_j ? tj : ti;
      cap.credit = use_j ? cj : ci;
      doc->captions.push_back(std::move(cap));
      lines[i].reason = "caption-duplicate";
      lines[j].reason = "caption-duplicate";
      lines[i].barrier = lines[j].barrier = false;
      break;
    }
  }

  // Lines printed twice that are not captions are widgets (teasers, link
  // lists shown in two places), not the article.
  {
    std::unordered_map<std::string, int> seen;
    for (size_t i = first_body; i < lines.size(); ++i) {
      if (lines[i].blank || lines[i].words < 12) continue;
      ++seen[Key(lines[i].text)];
    }
    for (size_t i = first_body; i < lines.size(); ++i) {
      Line& l = lines[i];
      if (l.blank || l.words < 12 || l.reason != nullptr) continue;
      if (seen[Key(l.text)] >= 2) l.reason = "duplicate";
    }
  }

  // Scores and the best run (maximum-sum subarray).
  for (size_t i = first_body; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.reason != nullptr &&
        (std::string_view(l.reason) == "title" ||
         std::string_view(l.reason) == "caption-duplicate")) {
      l.score = -5;
    } else {
      l.score = Score(l);
    }
  }
  // Candidate runs: each stretch between resets of the running sum gives
  // its best prefix. The article is the candidate with the highest sum,
  // weighed up by how much of the title's vocabulary it shares and by
  // starting right below the headline.
  std::vector<std::string> title_words;
  for (const auto& w : SplitWords(doc->title)) {
    std::string lw = clean_internal::ToLower(
        std::string_view(doc->title).substr(w.begin, w.end - w.begin));
    if (CharCount(lw) >= 4 || IsCjk(LastCodePoint(lw))) {
      if (std::find(title_words.begin(), title_words.end(), lw) ==
          title_words.end())
        title_words.push_back(lw);
    }
  }
  struct Run {
    size_t begin, end;
    double sum;
    double overlap = 0;  // share of the title's words found in the run
  };
  std::vector<Run> runs;
  {
    double cur = 0, run_best = 0;
    size_t cur_begin = first_body, run_end = first_body;
    for (size_t i = first_body; i <= lines.size(); ++i) {
      if (i == lines.size() || cur + lines[i].score <= 0 ||
          (kHardBarriers && lines[i].barrier)) {
        if (run_best > 0) runs.push_back({cur_begin, run_end, run_best});
        if (i == lines.size()) break;
        cur = 0;
        run_best = 0;
        cur_begin = i + 1;
        run_end = i + 1;
        continue;
      }
      cur += lines[i].score;
      if (cur > run_best) {
        run_best = cur;
        run_end = i + 1;
      }
    }
  }
  double best = 0;
  size_t best_begin = 0, best_end = 0;
  double best_sum = 0;
  for (Run& r : runs) {
    double weight = 1.0;
    if (!title_words.empty()) {
      std::string body;
      for (size_t i = r.begin; i < r.end; ++i) {
        if (lines[i].score > 0) {
          body.append(clean_internal::ToLower(lines[i].text));
          body.push_back(' ');
        }
      }
      size_t found = 0;
      for (const std::string& w : title_words) {
        if (body.find(w) != std::string::npos) ++found;
      }
      r.overlap =
          static_cast<double>(found) / static_cast<double>(title_words.size());
      weight += 1.5 * r.overlap;
    }
    for (size_t h : headlines) {
      if (h < r.begin + 2 && h + 25 > r.begin) {
        weight += kHeadlineBonus;
        break;
      }
    }
    double value = r.sum * weight;
    if (value > best) {
      best = value;
      best_sum = r.sum;
      best_begin = r.begin;
      best_end = r.end;
    }
  }
  if (best <= 0) {
    for (size_t i = first_body; i < lines.size(); ++i) {
      if (!lines[i].blank)
        doc->removed.push_back({std::string(lines[i].text), "short-line"});
    }
    return Status::Corruption("no article text found", doc->source);
  }

  // An article broken by a widget ("Don't miss", a video box, a teaser)
  // goes on below it: take in the runs that follow (or precede) the best one
  // across a short gap with no end-of-article marker and no headline.
  if (best > 0) {
    auto gap_ok = [&](size_t from, size_t to) {
      size_t nonblank = 0;
      for (size_t i = from; i < to; ++i) {
        const Line& l = lines[i];
        if (l.blank) continue;
        ++nonblank;
        if (IsHardBarrier(l)) return false;
        if (l.reason != nullptr && std::string_view(l.reason) == "title")
          return false;
      }
      return nonblank <= kMaxGapLines;
    };
    for (const Run& r : runs) {
      if (r.begin < best_end) continue;
      if (r.sum < kMinMergeSum || r.sum < kMinMergeShare * best_sum ||
          (!title_words.empty() && r.overlap < kMinMergeOverlap) ||
          !gap_ok(best_end, r.begin))
        break;
      best_end = r.end;
    }
  }

  // A list of other stories inside the run: each teaser is headline,
  // author, date, summary, so standalone dates repeat every few lines. Cut
  // the run before the first teaser once the article has begun.
  {
    std::vector<size_t> dates;
    size_t prose_seen = 0;
    for (size_t i = best_begin; i < best_end; ++i) {
      const Line& l = lines[i];
      if (l.blank) continue;
      if (l.prose) ++prose_seen;
      // Not a tweet's signature: "— Jane (@jane) November 18, 2019".
      bool signature = l.text.find('@') != std::string_view::npos ||
                       l.text.starts_with("\u2014") || l.text.starts_with("-");
      if (prose_seen >= 3 && !l.prose && l.words <= 8 && !signature &&
          !ParseDateTime(l.text).empty()) {
        dates.push_back(i);
      }
    }
    for (size_t k = 0; k + 2 < dates.size(); ++k) {
      if (dates[k + 1] - dates[k] > 12 || dates[k + 2] - dates[k + 1] > 12) {
        continue;
      }
      // Step back over the teaser's headline and author lines.
      size_t cut = dates[k];
      for (int back = 0; back < 3 && cut > best_begin; ++back) {
        size_t prev = cut - 1;
        while (prev > best_begin && lines[prev].blank) --prev;
        if (lines[prev].prose || lines[prev].terminal) break;
        cut = prev;
      }
      for (size_t i = cut; i < best_end; ++i) {
        if (!lines[i].blank && lines[i].reason == nullptr) {
          lines[i].reason = "featured";
        }
      }
      best_end = cut;
      break;
    }
  }

  // In the run: keep prose and headings, drop boilerplate.
  for (size_t i = best_begin; i < best_end; ++i) {
    Line& l = lines[i];
    if (l.blank || l.reason != nullptr) continue;
    l.keep = true;
  }
  // Link lists inside the run: three or more short lines in a row with no
  // blank line and no sentence punctuation.
  for (size_t i = best_begin; i < best_end;) {
    size_t j = i;
    while (j < best_end && lines[j].keep && !lines[j].prose &&
           !lines[j].terminal)
      ++j;
    if (j - i >= 3) {
      for (size_t k = i; k < j; ++k) {
        lines[k].keep = false;
        lines[k].reason = "link-list";
      }
    }
    i = j == i ? i + 1 : j;
  }
  // Trim short lines off both ends of the run.
  for (size_t i = best_begin; i < best_end; ++i) {
    Line& l = lines[i];
    if (l.blank) continue;
    if (l.prose) break;
    if (l.keep) {
      l.keep = false;
      l.reason = "short-line";
    }
  }
  for (size_t i = best_end; i-- > best_begin;) {
    Line& l = lines[i];
    if (l.blank) continue;
    if (l.prose) break;
    if (l.keep && !(l.terminal && l.words >= 4)) {
      l.keep = false;
      l.reason = "short-line";
    }
    if (l.keep) break;
  }

  // The learnt line classifier, when there is one, decides which lines are
  // article text; the rules' verdicts are among its features.
  if (model != nullptr || lines_out != nullptr) {
    std::vector<size_t> nb;
    std::vector<std::vector<uint64_t>> features, rule_features;
    LineFeatures(lines, first_body, headline, best_begin, best_end,
                 title_words, &nb, &features, &rule_features);
    std::vector<ScrapedLine> scraped(nb.size());
    for (size_t k = 0; k < nb.size(); ++k) {
      if (lines_out != nullptr) scraped[k].text.assign(lines[nb[k]].text);
      scraped[k].rule_keep = lines[nb[k]].keep;
      scraped[k].features = std::move(features[k]);
      scraped[k].rule_features = std::move(rule_features[k]);
    }
    if (model != nullptr) {
      const std::vector<bool> keep = model->Decide(scraped);
      // A model that keeps no line of a page the rules found an article in
      // is wrong about this page: the rules' verdicts stand.
      if (std::find(keep.begin(), keep.end(), true) != keep.end()) {
        for (size_t k = 0; k < nb.size(); ++k) {
          Line& l = lines[nb[k]];
          if (keep[k] && !l.keep && !l.phrase) {
            l.keep = true;
          } else if (!keep[k] && l.keep) {
            l.keep = false;
            l.reason = "line-model";
          }
        }
      }
    }
    if (lines_out != nullptr) {
      for (ScrapedLine& l : scraped) lines_out->push_back(std::move(l));
    }
  }

  // Metadata from the lines around the article.
  size_t top = headline != std::string::npos ? headline : best_begin;
  for (size_t i = first_body; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank || l.keep) continue;
    if (l.reason == nullptr && l.words <= 14 && doc->published.empty() &&
        i + 12 >= top && i <= best_end) {
      std::string d = ParseDateTime(l.text);
      if (!d.empty()) {
        doc->published = d;
        l.reason = "date";
        continue;
      }
    }
    if (l.reason == nullptr && LooksLikeByline(l) && doc->authors.empty() &&
        i + 12 >= top && i <= best_end) {
      ParseByline(l.text, &doc->authors);
      l.reason = "byline";
      continue;
    }
  }
  for (size_t i = first_body; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank) continue;
    std::vector<std::string> tags;
    if (ParseTagLine(l.text, &tags) && doc->tags.empty()) {
      doc->tags = std::move(tags);
    }
  }

  // The body, one paragraph per kept line, and the removed lines.
  for (size_t i = first_body; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.blank) continue;
    if (l.keep) {
      if (!doc->text.empty()) doc->text.append("\n\n");
      OffsetPiece piece;
      piece.text_begin = static_cast<uint32_t>(doc->text.size());
      doc->text.append(l.text);
      piece.text_end = static_cast<uint32_t>(doc->text.size());
      piece.page_begin = static_cast<uint32_t>(l.begin);
      piece.page_end = static_cast<uint32_t>(l.end);
      doc->offsets.push_back(piece);
      continue;
    }
    const char* reason = l.reason;
    if (reason == nullptr)
      reason =
          i < best_begin || i >= best_end ? "outside-article" : "short-line";
    if (std::string_view(reason) == "title" && i == headline) {
      // The headline printed above the article.
    }
    doc->removed.push_back({std::string(l.text), reason});
  }

  // Datelines: the first paragraph, or the second after a short lead.
  {
    size_t start = 0;
    for (int k = 0; k < 2 && start < doc->text.size(); ++k) {
      size_t end = doc->text.find("\n\n", start);
      if (end == std::string::npos) end = doc->text.size();
      std::string_view para(doc->text.data() + start, end - start);
      if (ParseDateline(para, &doc->datelines) > 0) break;
      start = end + 2;
    }
  }

  // Characters lost in conversion: in the body (the offset map shifted to
  // match), the captions and the title.
  RepairDocumentCharacters(doc);

  if (doc->outlet.empty()) doc->outlet = OutletName(site, doc->url);
  doc->language = DetectLanguage(doc->text.empty() ? doc->title : doc->text);
  if (doc->text.empty())
    return Status::Corruption("no article text found", doc->source);
  return Status::OK();
}

}  // namespace dateline

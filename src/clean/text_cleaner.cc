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
#include "clean/text_cleaner.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
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

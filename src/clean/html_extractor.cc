// Article extraction from HTML.
//
// 1. Parse with HtmlDom (zero-copy).
// 2. Mark boilerplate elements (navigation, asides, share bars, comments,
//    newsletter and cookie blocks, hidden elements, scripts) by tag, role and
//    class/id tokens.
// 3. Group text into blocks (the nearest block-level ancestor of each text
//    node); a block is "good" when it reads like prose: long enough, few
//    links. Each element's score is the good text it holds minus a share of
//    the other text, so the article container is the element that holds the
//    article's paragraphs and little else.
// 4. Emit the container's blocks as paragraphs, dropping link lists and
//    short boilerplate lines, and record what was dropped and why.
// Metadata comes from <title>, <meta>, JSON-LD and <time> elements.
#include "clean/html_extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/utf8.h"
#include "clean/html_dom.h"
#include "clean/html_metadata.h"
#include "clean/metadata.h"

namespace dateline {
namespace {

enum Drop : uint8_t {
  kKeep = 0,
  kDropSilent,      // scripts, styles, head: not text of the page
  kDropNavigation,  // nav, menus, breadcrumbs
  kDropAside,       // asides, sidebars, related links
  kDropShare,       // share bars, social widgets
  kDropComments,
  kDropNewsletter,  // newsletter, subscription, sign-up
  kDropCookie,
  kDropAdvert,
  kDropFooter,
  kDropHeader,
  kDropHidden,
  kDropForm,
  kDropCaption,  // figures and captions: kept as captions, not body
  kDropByline,   // author and date lines
  kDropTags,
};

const char* DropReason(uint8_t d) {
  switch (d) {
    case kDropNavigation:
      return "navigation";
    case kDropAside:
      return "related";
    case kDropShare:
      return "share";
    case kDropComments:
      return "comments";
    case kDropNewsletter:
      return "newsletter";
    case kDropCookie:
      return "cookie";
    case kDropAdvert:
      return "advertisement";
    case kDropFooter:
      return "footer";
    case kDropHeader:
      return "header";
    case kDropHidden:
      return "hidden";
    case kDropForm:
      return "form";
    case kDropCaption:
      return "caption";
    case kDropByline:
      return "byline";
    case kDropTags:
      return "tags";
    default:
      return "boilerplate";
  }
}

inline char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
inline bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Class/id vocabulary. A token matches when it equals an entry or starts
// with it (entries ending in '*') — tokens are split on non-alphanumerics,
// so "header" never matches "ad".
struct TokenRule {
  const char* word;
  uint8_t drop;
};
const TokenRule kNegativeTokens[] = {
    {"nav", kDropNavigation},
    {"navbar", kDropNavigation},
    {"navigation", kDropNavigation},
    {"menu*", kDropNavigation},
    {"breadcrumb*", kDropNavigation},
    {"skip", kDropNavigation},
    {"pagination", kDropNavigation},
    {"pager", kDropNavigation},
    {"toolbar", kDropNavigation},
    {"masthead", kDropHeader},
    {"sidebar*", kDropAside},
    {"aside", kDropAside},
    {"related*", kDropAside},
    {"recommend*", kDropAside},
    {"recirc*", kDropAside},
    {"outbrain*", kDropAside},
    {"taboola*", kDropAside},
    {"trending", kDropAside},
    {"popular", kDropAside},
    {"most", kDropAside},
    {"more", kDropAside},
    {"also", kDropAside},
    {"widget*", kDropAside},
    {"teaser*", kDropAside},
    {"excerpt*", kDropAside},
    {"slideshow*", kDropAside},
    {"rail", kDropAside},
    {"share*", kDropShare},
    {"sharing", kDropShare},
    {"social*", kDropShare},
    {"sociallinks", kDropShare},
    {"follow", kDropShare},
    {"comment*", kDropComments},
    {"disqus*", kDropComments},
    {"respond", kDropComments},
    {"reply", kDropComments},
    {"newsletter*", kDropNewsletter},
    {"subscribe*", kDropNewsletter},
    {"subscription*", kDropNewsletter},
    {"signup", kDropNewsletter},
    {"optin", kDropNewsletter},
    {"paywall", kDropNewsletter},
    {"cookie*", kDropCookie},
    {"consent*", kDropCookie},
    {"gdpr", kDropCookie},
    {"ad", kDropAdvert},
    {"ads", kDropAdvert},
    {"adv", kDropAdvert},
    {"advert*", kDropAdvert},
    {"adslot*", kDropAdvert},
    {"adunit*", kDropAdvert},
    {"dfp", kDropAdvert},
    {"gpt", kDropAdvert},
    {"sponsor*", kDropAdvert},
    {"promo*", kDropAdvert},
    {"banner", kDropAdvert},
    {"footer*", kDropFooter},
    {"copyright", kDropFooter},
    {"hidden", kDropHidden},
    {"hide", kDropHidden},
    {"invisible", kDropHidden},
    {"sronly", kDropHidden},
    {"modal", kDropHidden},
    {"popup", kDropHidden},
    {"overlay", kDropHidden},
    {"print", kDropHidden},
    {"caption*", kDropCaption},
    {"credit*", kDropCaption},
    {"byline*", kDropByline},
    {"author*", kDropByline},
    {"dateline", kDropByline},
    {"timestamp", kDropByline},
    {"published", kDropByline},
    {"tags", kDropTags},
    {"tag", kDropTags},
    {"taglist", kDropTags},
    {"topics", kDropTags},
    {"keywords", kDropTags},
};
const char* const kPositiveTokens[] = {
    "article*", "body", "content", "entry*", "main", "post*",
    "story*",   "text", "blog*",   "news*",  "page", "columns"};

bool TokenMatches(std::string_view token, const char* word) {
  size_t n = std::strlen(word);
  if (n > 0 && word[n - 1] == '*') {
    return token.size() >= n - 1 && token.compare(0, n - 1, word, n - 1) == 0;
  }
  return token == std::string_view(word, n);
}

// Splits `s` (lowercased) into alphanumeric tokens. "sr-only" and
// "visually-hidden" style compounds are also tested joined ("sronly").
template <typename F>
void ForEachToken(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) {
      ++i;
    }
    size_t b = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) f(s.substr(b, i - b));
  }
}

struct ClassVerdict {
  uint8_t negative = kKeep;
  bool positive = false;
};

ClassVerdict JudgeClasses(std::string_view class_id) {
  ClassVerdict v;
  if (class_id.empty()) return v;
  std::string lower = LowerAscii(class_id);
  ForEachToken(lower, [&](std::string_view tok) {
    // A token is negative or positive, never both ("newsletter" is not
    // "news*").
    for (const TokenRule& r : kNegativeTokens) {
      if (TokenMatches(tok, r.word)) {
        if (!v.negative) v.negative = r.drop;
        return;
      }
    }
    for (const char* w : kPositiveTokens) {
      if (TokenMatches(tok, w)) v.positive = true;
    }
  });
  // Compounds split by '-' or '_': "sr-only", "screen-reader-text".
  if (!v.negative && (lower.find("sr-only") != std::string::npos ||
                      lower.find("screen-reader") != std::string::npos ||
                      lower.find("visually-hidden") != std::string::npos ||
                      lower.find("visuallyhidden") != std::string::npos)) {
    v.negative = kDropHidden;
  }
  return v;
}

// Counts code points of `raw` with whitespace runs counted once.
uint32_t CollapsedLength(std::string_view raw) {
  uint32_t n = 0;
  bool in_space = true;
  for (unsigned char c : raw) {
    if (IsSpaceByte(c)) {
      if (!in_space) ++n;
      in_space = true;
    } else {
      if ((c & 0xC0) != 0x80) ++n;
      in_space = false;
    }
  }
  return n;
}

uint32_t CountCommas(std::string_view raw) {
  uint32_t n = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == ',') ++n;
  }
  return n;
}

// Per-element facts computed in two linear passes over the tree.
struct NodeFacts {
  uint32_t block = 0;      // nearest block-level ancestor-or-self
  uint32_t text = 0;       // kept text in this block (own block only)
  uint32_t link_text = 0;  // of which inside links
  uint32_t commas = 0;
  double good = 0;   // subtree: text in prose blocks
  double other = 0;  // subtree: other kept text
  uint8_t drop = kKeep;
  uint8_t soft = kKeep;  // class/id says boilerplate; kept if it holds prose
  bool in_link = false;
  bool positive = false;
};

class Extractor {
 public:
  Extractor(std::string_view html, Document* doc) : html_(html), doc_(doc) {}

  Status Run();

 private:
  void MarkDrops();
  void ScoreBlocks();
  void SumText();
  std::vector<uint32_t> ChooseContainers() const;
  void Emit(uint32_t container);
  void EmitBlock(const std::string& block, uint32_t page_begin,
                 uint32_t page_end, uint32_t block_node);
  std::string NodeText(uint32_t node, bool include_dropped) const;
  void FinishMetadata();
  void DropLeadingText(size_t bytes, const char* reason);
  void DropTrailingLabels();
  void RecordOutside(const std::vector<uint32_t>& containers);
  bool IsTitleLine(const std::string& text) const;
  void DebugPrint(uint32_t container) const;

  std::string_view html_;
  Document* doc_;
  HtmlDom dom_;
  std::vector<NodeFacts> facts_;

  // Metadata candidates, best first.
  HtmlMetadata meta_;
};

bool IsBlockForText(const HtmlNode& n) {
  return n.type == NodeType::kElement && IsBlockTag(n.tag);
}

void Extractor::MarkDrops() {
  const auto& nodes = dom_.nodes();
  facts_.assign(nodes.size(), NodeFacts{});
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const HtmlNode& n = nodes[i];
    NodeFacts& f = facts_[i];
    const NodeFacts& pf = facts_[n.parent];
    f.drop = pf.drop;
    f.in_link = pf.in_link;
    f.block = pf.block;
    if (n.type != NodeType::kElement) {
      if (n.type == NodeType::kComment) f.drop = kDropSilent;
      continue;
    }
    if (n.tag == Tag::kA) f.in_link = true;
    if (IsBlockForText(n)) f.block = i;
    if (f.drop) continue;
    uint8_t d = kKeep;
    switch (n.tag) {
      case Tag::kScript:
      case Tag::kStyle:
      case Tag::kNoscript:
      case Tag::kTemplate:
      case Tag::kSvg:
      case Tag::kMath:
      case Tag::kHead:
      case Tag::kTitle:
      case Tag::kIframe:
      case Tag::kCanvas:
      case Tag::kVideo:
      case Tag::kAudio:
      case Tag::kObject:
      case Tag::kEmbed:
      case Tag::kMeta:
      case Tag::kLink:
      case Tag::kNoembed:
      case Tag::kNoframes:
        d = kDropSilent;
        break;
      case Tag::kButton:
      case Tag::kSelect:
      case Tag::kInput:
      case Tag::kTextarea:
      case Tag::kLabel:
      case Tag::kDialog:
        d = kDropForm;
        break;
      case Tag::kNav:
      case Tag::kMenu:
        d = kDropNavigation;
        break;
      case Tag::kAside:
        d = kDropAside;
        break;
      case Tag::kFooter:
        d = kDropFooter;
        break;
      case Tag::kFigure:
      case Tag::kFigcaption:
        d = kDropCaption;
        break;
      default:
        break;
    }
    if (!d) {
      if (dom_.HasAttr(i, "hidden")) d = kDropHidden;
      std::string_view aria = dom_.Attr(i, "aria-hidden");
      if (aria == "true") d = kDropHidden;
      std::string_view style = dom_.Attr(i, "style");
      if (!style.empty()) {
        std::string s = LowerAscii(style);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (s.find("display:none") != std::string::npos ||
            s.find("visibility:hidden") != std::string::npos) {
          d = kDropHidden;
        }
      }
    }
    if (!d) {
      std::string_view role = dom_.Attr(i, "role");
      if (!role.empty()) {
        std::string r = LowerAscii(role);
        if (r == "navigation" || r == "menu" || r == "menubar" ||
            r == "search") {
          d = kDropNavigation;
        } else if (r == "complementary") {
          d = kDropAside;
        } else if (r == "contentinfo") {
          d = kDropFooter;
        } else if (r == "banner") {
          d = kDropHeader;
        } else if (r == "dialog" || r == "alertdialog" || r == "alert") {
          d = kDropHidden;
        }
      }
    }
    if (n.tag != Tag::kBody && n.tag != Tag::kHtml && n.tag != Tag::kArticle &&
        n.tag != Tag::kMain) {
      std::string class_id;
      std::string_view cls = dom_.Attr(i, "class");
      std::string_view id = dom_.Attr(i, "id");
      class_id.append(cls);
      class_id.push_back(' ');
      class_id.append(id);
      ClassVerdict v = JudgeClasses(class_id);
      f.positive = v.positive;
      if (!d && v.negative && !v.positive) f.soft = v.negative;
    }
    f.drop = d;
  }
}

void Extractor::ScoreBlocks() {
  // First pass: hard drops only. Then class/id verdicts apply to elements
  // that do not hold a large share of the page's prose (a wrapper called
  // "content with-sidebar" or "non-ad-column" is not boilerplate).
  SumText();
  const auto& nodes = dom_.nodes();
  double total = facts_[0].good;
  std::vector<uint8_t> drop(nodes.size(), kKeep);
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const NodeFacts& f = facts_[i];
    uint8_t d = drop[nodes[i].parent];
    if (!d) d = f.drop;
    if (!d && f.soft) {
      bool protect =
          f.good >= 300 && f.good >= 0.3 * total && f.soft != kDropComments;
      if (!protect) d = f.soft;
    }
    drop[i] = d;
  }
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    NodeFacts& f = facts_[i];
    f.drop = drop[i];
    f.text = f.link_text = f.commas = 0;
    f.good = f.other = 0;
  }
  SumText();
}

void Extractor::SumText() {
  const auto& nodes = dom_.nodes();
  // Text per block.
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const HtmlNode& n = nodes[i];
    if (n.type != NodeType::kText) continue;
    const NodeFacts& f = facts_[i];
    if (f.drop) continue;
    uint32_t len = CollapsedLength(n.text);
    if (len == 0) continue;
    NodeFacts& b = facts_[f.block];
    b.text += len;
    if (f.in_link) b.link_text += len;
    b.commas += CountCommas(n.text);
  }
  // Classify blocks, then sum up the tree (children follow parents).
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    NodeFacts& f = facts_[i];
    if (f.text == 0 || f.drop) continue;
    double link_density = static_cast<double>(f.link_text) / f.text;
    uint32_t own = f.text - f.link_text;
    Tag t = nodes[i].tag;
    bool prose = own >= 80 && link_density < 0.35;
    if (!prose && own >= 40 && link_density < 0.2 && f.commas >= 1) {
      prose = true;
    }
    if (t == Tag::kLi || t == Tag::kTd) prose = prose && own >= 120;
    if (prose) {
      f.good += own;
      f.other += f.link_text;
    } else {
      f.other += f.text;
    }
  }
  for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 1;) {
    uint32_t p = nodes[i].parent;
    if (facts_[i].drop && nodes[i].type == NodeType::kElement) {
      // Dropped subtrees add nothing to their ancestors.
      continue;
    }
    facts_[p].good += facts_[i].good;
    facts_[p].other += facts_[i].other;
  }
}

// Readability-style scoring: each prose block adds to its parent (fully),
// grandparent (half) and further ancestors (less), so the element that
// directly holds many paragraphs wins over a list of teasers whose summaries
// each sit in their own wrapper. Returns the chosen elements in page order:
// the top candidate and those of its siblings that belong to the article.
std::vector<uint32_t> Extractor::ChooseContainers() const {
  const auto& nodes = dom_.nodes();
  const size_t n = nodes.size();
  std::vector<double> score(n, 0.0);
  std::vector<uint8_t> seen(n, 0);
  // Subtree text and link text, for link density.
  std::vector<uint32_t> sub_text(n, 0), sub_link(n, 0);
  for (uint32_t i = static_cast<uint32_t>(n); i-- > 1;) {
    if (facts_[i].drop && nodes[i].type == NodeType::kElement) continue;
    sub_text[i] += facts_[i].text;
    sub_link[i] += facts_[i].link_text;
    sub_text[nodes[i].parent] += sub_text[i];
    sub_link[nodes[i].parent] += sub_link[i];
  }
  auto init = [&](uint32_t i) {
    if (seen[i]) return;
    seen[i] = 1;
    double base = 0;
    switch (nodes[i].tag) {
      case Tag::kDiv:
      case Tag::kArticle:
      case Tag::kMain:
        base = 5;
        break;
      case Tag::kPre:
      case Tag::kTd:
      case Tag::kBlockquote:
        base = 3;
        break;
      case Tag::kAddress:
      case Tag::kOl:
      case Tag::kUl:
      case Tag::kDl:
      case Tag::kDd:
      case Tag::kDt:
      case Tag::kLi:
      case Tag::kForm:
        base = -3;
        break;
      case Tag::kTh:
        base = -5;
        break;
      default:
        if (IsHeading(nodes[i].tag)) base = -5;
        break;
    }
    if (facts_[i].positive) base += 25;
    if (facts_[i].soft) base -= 25;
    score[i] = base;
  };
  for (uint32_t i = 1; i < n; ++i) {
    const NodeFacts& f = facts_[i];
    if (f.drop || f.text < 25 || nodes[i].type != NodeType::kElement) continue;
    Tag t = nodes[i].tag;
    if (IsHeading(t) || t == Tag::kLi || t == Tag::kDt || t == Tag::kDd ||
        t == Tag::kTh || t == Tag::kOption || t == Tag::kBr) {
      continue;
    }
    double c = 1 + f.commas + std::min(f.text / 100.0, 3.0);
    // A <br> splits its parent's text into blocks that all belong to the
    // parent; score them at the parent.
    uint32_t a = t == Tag::kBr ? nodes[i].parent : nodes[i].parent;
    for (int level = 0; level < 5 && a != 0 && a != kNoNode;
         ++level, a = nodes[a].parent) {
      if (nodes[a].type != NodeType::kElement) break;
      init(a);
      double div = level == 0 ? 1 : (level == 1 ? 2 : level * 3);
      score[a] += c / div;
    }
  }
  uint32_t top = 0;
  double top_score = 0;
  for (uint32_t i = 1; i < n; ++i) {
    if (!seen[i] || facts_[i].drop) continue;
    double ld =
        sub_text[i] ? static_cast<double>(sub_link[i]) / sub_text[i] : 0;
    score[i] *= 1 - ld;
    if (score[i] > top_score) {
      top_score = score[i];
      top = i;
    }
  }
  if (top == 0) return {};
  // Several strong candidates under one ancestor: the ancestor holds the
  // article (text split into sibling sections).
  {
    std::vector<uint32_t> strong;
    for (uint32_t i = 1; i < n; ++i) {
      if (i != top && seen[i] && score[i] >= 0.75 * top_score) {
        strong.push_back(i);
      }
    }
    if (strong.size() >= 2) {
      for (uint32_t a = nodes[top].parent; a != 0 && a != kNoNode;
           a = nodes[a].parent) {
        size_t inside = 0;
        for (uint32_t c : strong) {
          for (uint32_t x = c; x != 0 && x != kNoNode; x = nodes[x].parent) {
            if (x == a) {
              ++inside;
              break;
            }
          }
        }
        if (inside >= std::min<size_t>(strong.size(), 2)) {
          top = a;
          break;
        }
        if (nodes[a].tag == Tag::kBody) break;
      }
    }
  }
  // An only child: its parent is the better container.
  while (nodes[top].parent != 0 && nodes[top].parent != kNoNode &&
         nodes[nodes[top].parent].tag != Tag::kBody) {
    uint32_t p = nodes[top].parent;
    size_t children = 0;
    for (uint32_t c = nodes[p].first_child; c != kNoNode;
         c = nodes[c].next_sibling) {
      if (nodes[c].type == NodeType::kElement && !facts_[c].drop) ++children;
      if (nodes[c].type == NodeType::kText &&
          CollapsedLength(nodes[c].text) > 1)
        ++children;
    }
    if (children != 1) break;
    top = p;
  }
  top_score = std::max(top_score, score[top]);
  std::vector<uint32_t> chosen;
  uint32_t parent = nodes[top].parent;
  if (parent == kNoNode || nodes[top].tag == Tag::kBody) return {top};
  double threshold = std::max(10.0, top_score * 0.2);
  std::string_view top_class = dom_.Attr(top, "class");
  for (uint32_t s = nodes[parent].first_child; s != kNoNode;
       s = nodes[s].next_sibling) {
    if (s == top) {
      chosen.push_back(s);
      continue;
    }
    if (nodes[s].type != NodeType::kElement || facts_[s].drop) continue;
    double bonus = 0;
    std::string_view cls = dom_.Attr(s, "class");
    if (!top_class.empty() && cls == top_class) bonus = top_score * 0.2;
    bool append = seen[s] && score[s] + bonus >= threshold;
    if (!append && (nodes[s].tag == Tag::kP || facts_[s].block == s)) {
      uint32_t len = sub_text[s];
      double ld = len ? static_cast<double>(sub_link[s]) / len : 1;
      if (len > 80 && ld < 0.25) append = true;
      if (len > 0 && len <= 80 && ld == 0) {
        std::string t = NodeText(s, false);
        if (t.find(". ") != std::string::npos ||
            (!t.empty() && t.back() == '.'))
          append = true;
      }
    }
    if (append) chosen.push_back(s);
  }
  return chosen;
}

std::string Extractor::NodeText(uint32_t node, bool include_dropped) const {
  const auto& nodes = dom_.nodes();
  std::string raw;
  // Iterative pre-order walk of the subtree.
  uint32_t i = nodes[node].first_child;
  while (i != kNoNode && i != node) {
    const HtmlNode& n = nodes[i];
    bool skip = !include_dropped && facts_[i].drop;
    if (n.type == NodeType::kElement && facts_[i].drop == kDropSilent) {
      skip = true;
    }
    if (!skip && n.type == NodeType::kText) {
      AppendDecodedEntities(n.text, &raw);
    } else if (!skip && n.type == NodeType::kElement) {
      if (IsBlockTag(n.tag)) raw.push_back(' ');
      if (n.first_child != kNoNode) {
        i = n.first_child;
        continue;
      }
    }
    while (i != node && nodes[i].next_sibling == kNoNode) i = nodes[i].parent;
    if (i == node) break;
    i = nodes[i].next_sibling;
  }
  return CollapseWhitespace(raw);
}

// Short lines that are boilerplate wherever they stand.
bool IsBoilerplateLine(std::string_view line, const char** reason) {
  if (line.size() > 200) return false;
  std::string l = LowerAscii(line);
  // Labels that stand alone on their line.
  std::string bare;
  for (char c : l) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ') bare += c;
  }
  static const std::pair<const char*, const char*> kLabels[] = {
      {"advert", "advertisement"}, {"ad", "advertisement"},
      {"comments", "comments"},    {"comment", "comments"},
      {"key points", "summary"},   {"share", "share"},
      {"tweet", "share"},          {"email", "share"},
      {"print", "share"},          {"related", "related"},
      {"more", "related"},         {"watch", "video"},
      {"video", "video"},          {"listen", "audio"},
      {"close", "navigation"},     {"menu", "navigation"},
      {"staff writer", "byline"},  {"staff reporter", "byline"},
      {"correspondent", "byline"}, {"contributor", "byline"},
  };
  for (const auto& [label, why] : kLabels) {
    if (bare == label) {
      *reason = why;
      return true;
    }
  }
  static const char* const kCredits[] = {
      "getty images", "ap photo",      "afp photo",    "reuters/",
      "/ reuters",    "| reuters",     "shutterstock", "photo credit",
      "image credit", "image source:", "photo:",       "photograph:",
      "(photo",       "credit:",       "photo by"};
  for (const char* c : kCredits) {
    if (l.find(c) != std::string::npos) {
      *reason = "credit";
      return true;
    }
  }
  static const std::pair<const char*, const char*> kPatterns[] = {
      {"advertisement", "advertisement"},
      {"story continues below", "advertisement"},
      {"continue reading", "read-more"},
      {"read more", "read-more"},
      {"read next", "read-more"},
      {"related:", "related"},
      {"recommended", "related"},
      {"sign up", "newsletter"},
      {"subscribe", "newsletter"},
      {"newsletter", "newsletter"},
      {"follow us", "share"},
      {"share this", "share"},
      {"all rights reserved", "copyright"},
      {"©", "copyright"},
      {"copyright", "copyright"},
      {"cookies", "cookie"},
      {"click here", "read-more"},
      {"requires javascript", "script-notice"},
      {"enable javascript", "script-notice"},
      {"tell us what you think", "comments"},
      {"leave a comment", "comments"},
      {"contact us", "contact"},
      {"leave a reply", "comments"},
  };
  for (const auto& [pat, why] : kPatterns) {
    if (l.find(pat) != std::string::npos) {
      *reason = why;
      return true;
    }
  }
  return false;
}

// A block that is mostly links: a menu item, a related-story headline. A
// sentence with a linked phrase is not one.
bool IsLinkBlock(const NodeFacts& f, const std::string& text) {
  uint32_t own = f.text - f.link_text;
  if (f.link_text * 10 > f.text * 9) return true;
  if (f.link_text * 2 <= f.text) return false;
  char last = text.empty() ? 0 : text.back();
  bool sentence = last == '.' || last == '!' || last == '?' || last == '"';
  return !(sentence && own >= 25) && own < 80;
}

// Returns `s` lowercased with only letters and digits kept, for comparing
// headlines written with different punctuation.
std::string Normalized(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80)
      out.push_back(Lower(static_cast<char>(c)));
  }
  return out;
}

bool Extractor::IsTitleLine(const std::string& text) const {
  std::string t = Normalized(text);
  if (t.size() < 8) return false;
  for (const std::string* cand :
       {&meta_.h1, &meta_.og_title, &meta_.ld_headline, &meta_.title_tag}) {
    if (cand->empty()) continue;
    std::string c = Normalized(*cand);
    if (c == t) return true;
    if (cand == &meta_.title_tag && c.size() > t.size() && t.size() >= 20 &&
        c.compare(0, t.size(), t) == 0) {
      return true;
    }
  }
  return false;
}

// A caption standing in the text: it ends with its credit in parentheses,
// "(Courier photo by Ines Albright)", "(AP Photo/Jane Doe)".
bool LooksLikeCaption(const std::string& text) {
  if (text.empty() || text.back() != ')') return false;
  size_t open = text.rfind('(');
  if (open == std::string::npos || text.size() - open > 80) return false;
  std::string credit = LowerAscii(text.substr(open));
  for (const char* w : {"photo", "image", "getty", "reuters", "afp", "ap/",
                        "picture", "courtesy", "file)"}) {
    if (credit.find(w) != std::string::npos) return true;
  }
  return false;
}

// How many words of `text` are neither numbers, nor English month or day
// names, nor the words date lines are made of ("Updated", "at", "ET",
// "de"): a date line has few ("PUBLISHED: November 19, 2019 at 8:59 pm"
// none, "sexta-feira, 22 de outubro de 2010" two), a sentence that gives a
// date many ("The United States fired on Russia on 3 May 2015 in
// Kharkiv.": seven).
int WordsBesideTheDate(const std::string& text) {
  static const std::unordered_set<std::string> kDateWords = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april",
      "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
      "september", "oct", "october", "nov", "november", "dec", "december",
      "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
      "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
      "sunday", "today", "yesterday", "updated", "update", "published",
      "posted", "modified", "last", "first", "on", "at", "by", "am", "pm",
      "a.m", "p.m", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst",
      "pdt", "gmt", "utc", "bst", "cet", "ist", "jst", "of", "the", "de",
      "del", "di", "du", "à", "a", "le", "la", "el", "em", "um"};
  int n = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string w = LowerAscii(text.substr(i, j - i));
    i = j;
    // Punctuation around a word ("PUBLISHED:", "(Nov.", "2019,") is not
    // part of it.
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())))
      w.pop_back();
    size_t k = 0;
    while (k < w.size() && std::ispunct(static_cast<unsigned char>(w[k]))) ++k;
    w.erase(0, k);
    if (w.empty() || kDateWords.count(w) > 0) continue;
    if (std::any_of(w.begin(), w.end(),
                    [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    ++n;
  }
  return n;
}

// A byline ("By Jane Doe", "Por ...") or a date line ("November 20, 2019
// 15:23", "Updated at 1:23 p.m.") standing alone.
bool IsBylineOrDateLine(const std::string& text, const char** reason) {
  static const char* const kBy[] = {"By ",  "BY ",  "by ",         "Por ",
                                    "Von ", "Par ", "Written by ", "Words by "};
  for (const char* by : kBy) {
    if (text.compare(0, std::strlen(by), by) == 0) {
      *reason = "byline";
      return true;
    }
  }
  bool digit = std::any_of(text.begin(), text.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
  if (digit && WordsBesideTheDate(text) <= 3 && !ParseDateTime(text).empty()) {
    *reason = "date";
    return true;
  }
  std::string l = LowerAscii(text);
  if (l.rfind("updated", 0) == 0 || l.rfind("published", 0) == 0 ||
      l.rfind("posted", 0) == 0) {
    if (digit) {
      *reason = "date";
      return true;
    }
  }
  return false;
}

void Extractor::EmitBlock(const std::string& block, uint32_t page_begin,
                          uint32_t page_end, uint32_t block_node) {
  std::string text = CollapseWhitespace(block);
  if (text.empty()) return;
  const NodeFacts& f = facts_[block_node];
  const char* reason = nullptr;
  size_t words = 1 + std::count(text.begin(), text.end(), ' ');
  if (f.text > 0 && IsLinkBlock(f, text)) {
    reason = "links";
  } else if (words <= 60 && LooksLikeCaption(text)) {
    Caption c;
    SplitCaptionCredit(text, &c.text, &c.credit);
    bool seen = false;
    for (const Caption& o : doc_->captions) seen |= o.text == c.text;
    if (!seen) doc_->captions.push_back(std::move(c));
    reason = "caption";
  } else if (words <= 25 && text.find('@') != std::string::npos &&
             LowerAscii(text).find("contact") != std::string::npos) {
    reason = "contact";
  } else if (words < 12 && IsBoilerplateLine(text, &reason)) {
    // reason set
  } else if (words <= 40 && IsTitleLine(text)) {
    reason = "title";
  } else if (words <= 12 && IsBylineOrDateLine(text, &reason)) {
    // reason set
  }
  if (reason) {
    doc_->removed.push_back({std::move(text), reason});
    return;
  }
  if (!doc_->text.empty()) doc_->text.append("\n\n");
  OffsetPiece piece;
  piece.text_begin = static_cast<uint32_t>(doc_->text.size());
  doc_->text.append(text);
  piece.text_end = static_cast<uint32_t>(doc_->text.size());
  piece.page_begin = page_begin;
  piece.page_end = page_end;
  doc_->offsets.push_back(piece);
}

void Extractor::Emit(uint32_t container) {
  const auto& nodes = dom_.nodes();
  std::string block;
  uint32_t block_node = container;
  uint32_t page_begin = 0, page_end = 0;
  bool have_page = false;
  auto flush = [&]() {
    if (!block.empty()) {
      EmitBlock(block, page_begin, page_end, block_node);
      block.clear();
    }
    have_page = false;
  };
  uint32_t i = nodes[container].first_child;
  while (i != kNoNode && i != container) {
    const HtmlNode& n = nodes[i];
    const NodeFacts& f = facts_[i];
    bool descend = false;
    if (n.type == NodeType::kElement) {
      if (f.drop) {
        if (f.drop != kDropSilent && f.drop != kDropCaption) {
          std::string t = NodeText(i, true);
          if (!t.empty()) doc_->removed.push_back({t, DropReason(f.drop)});
        }
      } else {
        if (IsBlockTag(n.tag)) {
          flush();
          block_node = i;
        }
        descend = n.first_child != kNoNode;
      }
    } else if (n.type == NodeType::kText && !f.drop) {
      if (f.block != block_node && !block.empty()) {
        flush();
      }
      block_node = f.block;
      AppendDecodedEntities(n.text, &block);
      if (!have_page) {
        page_begin = n.page_offset;
        have_page = true;
      }
      page_end = n.page_offset + static_cast<uint32_t>(n.text.size());
    }
    if (descend) {
      i = n.first_child;
      continue;
    }
    while (i != container && nodes[i].next_sibling == kNoNode) {
      i = nodes[i].parent;
      // Leaving a block ends its text.
      if (i != container && IsBlockForText(nodes[i])) flush();
    }
    if (i == container) break;
    i = nodes[i].next_sibling;
  }
  flush();
}

// Records in doc->removed the text outside the article containers: dropped
// elements with their reason, other blocks as "not-article". Long texts are
// cut, so a page's menus do not swell the record.
void Extractor::RecordOutside(const std::vector<uint32_t>& containers) {
  constexpr size_t kMaxRemovedBytes = 500;
  const auto& nodes = dom_.nodes();
  if (containers.size() == 1 && containers[0] == 0) return;
  std::vector<uint8_t> is_container(nodes.size(), 0);
  for (uint32_t c : containers) is_container[c] = 1;
  std::string block;
  uint32_t block_node = kNoNode;
  auto add = [&](std::string text, const char* reason) {
    text = CollapseWhitespace(text);
    if (text.empty()) return;
    if (text.size() > kMaxRemovedBytes) {
      size_t cut = kMaxRemovedBytes;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
      text.resize(cut);
      text += "…";
    }
    doc_->removed.push_back({std::move(text), reason});
  };
  auto flush = [&]() {
    add(std::move(block), "not-article");
    block.clear();
  };
  uint32_t i = nodes[0].first_child;
  while (i != kNoNode && i != 0) {
    const HtmlNode& n = nodes[i];
    const NodeFacts& f = facts_[i];
    bool descend = false;
    if (n.type == NodeType::kElement) {
      if (is_container[i]) {
        flush();
      } else if (f.drop) {
        if (f.drop != kDropSilent) {
          flush();
          add(NodeText(i, true), DropReason(f.drop));
        }
      } else {
        if (IsBlockTag(n.tag)) flush();
        descend = n.first_child != kNoNode;
      }
    } else if (n.type == NodeType::kText && !f.drop) {
      if (f.block != block_node) flush();
      block_node = f.block;
      AppendDecodedEntities(n.text, &block);
    }
    if (descend) {
      i = n.first_child;
      continue;
    }
    while (i != 0 && nodes[i].next_sibling == kNoNode) i = nodes[i].parent;
    if (i == 0) break;
    i = nodes[i].next_sibling;
  }
  flush();
}

// Moves the first `bytes` of doc->text to removed, with `reason`, and
// shifts the offset map.
void Extractor::DropLeadingText(size_t bytes, const char* reason) {
  std::string head = doc_->text.substr(0, bytes);
  while (!head.empty() && head.back() == '\n') head.pop_back();
  doc_->removed.push_back({std::move(head), reason});
  doc_->text.erase(0, bytes);
  std::vector<OffsetPiece> kept;
  for (OffsetPiece p : doc_->offsets) {
    if (p.text_end <= bytes) continue;
    p.text_begin = p.text_begin > bytes ? p.text_begin - bytes : 0;
    p.text_end -= bytes;
    kept.push_back(p);
  }
  doc_->offsets = std::move(kept);
}

// Moves short label lines at the end of the text ("More Local News",
// "Topics") to removed: an article ends with a sentence.
void Extractor::DropTrailingLabels() {
  for (int i = 0; i < 3; ++i) {
    size_t cut = doc_->text.rfind("\n\n");
    if (cut == std::string::npos) return;
    std::string_view last = std::string_view(doc_->text).substr(cut + 2);
    size_t words = 1 + std::count(last.begin(), last.end(), ' ');
    char end = last.empty() ? '.' : last.back();
    bool sentence = end == '.' || end == '!' || end == '?' || end == '"' ||
                    end == ')' || static_cast<unsigned char>(end) >= 0x80;
    if (words > 5 || sentence) return;
    // Only labels that point elsewhere; a last line such as "Story
    // Timeline" or a phone number can be the article's own.
    std::string l = LowerAscii(last);
    bool pointer = false;
    for (const char* w : {"more", "related", "latest", "stories", "topics",
                          "read", "also", "popular", "recommended"}) {
      pointer |= l.find(w) != std::string::npos;
    }
    if (!pointer) return;
    doc_->removed.push_back({std::string(last), "trailing-label"});
    doc_->text.resize(cut);
    while (!doc_->offsets.empty() && doc_->offsets.back().text_begin >= cut) {
      doc_->offsets.pop_back();
    }
  }
}

void Extractor::FinishMetadata() {
  ApplyHtmlMetadata(meta_, doc_);
  // No machine-readable date: the date line printed with the article.
  if (doc_->published.empty()) {
    for (const Removal& r : doc_->removed) {
      if (r.reason != "date" && r.reason != "byline") continue;
      std::string iso = ParseDateTime(r.text);
      if (iso.size() >= 10) {
        doc_->published = iso;
        break;
      }
    }
  }
  // The dateline opens one of the first paragraphs (a kicker or a
  // subheading may come first).
  // What stands before the dateline is a kicker or a standfirst: out.
  size_t start = 0;
  for (int para = 0; para < 5 && start < doc_->text.size(); ++para) {
    size_t end = doc_->text.find("\n\n", start);
    std::string_view p =
        std::string_view(doc_->text)
            .substr(start,
                    end == std::string::npos ? std::string::npos : end - start);
    if (ParseDateline(p, &doc_->datelines) > 0) {
      if (start > 0) DropLeadingText(start, "kicker");
      break;
    }
    // Only short lines (kicker, standfirst, credit) may precede a dateline.
    if (std::count(p.begin(), p.end(), ' ') >= 25) break;
    if (end == std::string::npos) break;
    start = end + 2;
  }
  DropTrailingLabels();
  RepairDocumentCharacters(doc_);
  if (doc_->language.empty()) doc_->language = DetectLanguage(doc_->text);
}

// Prints the chosen container and the path of the largest text block, with
// the verdicts on the way, to stderr (DATELINE_DEBUG_EXTRACT=1).
void Extractor::DebugPrint(uint32_t container) const {
  const auto& nodes = dom_.nodes();
  auto describe = [&](uint32_t i) {
    std::string_view tag = TagName(nodes[i].tag);
    std::string_view c = dom_.Attr(i, "class"), id = dom_.Attr(i, "id");
    char buf[256];
    std::snprintf(
        buf, sizeof buf, "%.*s#%.*s.%.*s[drop=%d good=%.0f other=%.0f]",
        static_cast<int>(tag.empty()
                             ? std::min<size_t>(nodes[i].name.size(), 40)
                             : tag.size()),
        tag.empty() ? nodes[i].name.data() : tag.data(),
        static_cast<int>(std::min<size_t>(id.size(), 40)), id.data(),
        static_cast<int>(std::min<size_t>(c.size(), 60)), c.data(),
        facts_[i].drop, facts_[i].good, facts_[i].other);
    return std::string(buf);
  };
  std::fprintf(stderr, "container: %s\n", describe(container).c_str());
  uint32_t biggest = 0, size = 0;
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].type == NodeType::kText && nodes[i].text.size() > size &&
        facts_[i].drop != kDropSilent) {
      size = static_cast<uint32_t>(nodes[i].text.size());
      biggest = i;
    }
  }
  for (uint32_t i = biggest; i != 0 && i != kNoNode; i = nodes[i].parent) {
    if (nodes[i].type == NodeType::kElement) {
      std::fprintf(stderr, "  < %s\n", describe(i).c_str());
    }
  }
}

Status Extractor::Run() {
  dom_.Parse(html_);
  MarkDrops();
  ReadHtmlMetadata(dom_, &meta_);
  // The <h1>s that are not boilerplate are headline candidates; the first
  // is the one the text filter compares lines with.
  for (uint32_t i = 1; i < dom_.nodes().size() && meta_.h1s.size() < 8; ++i) {
    if (dom_.node(i).type == NodeType::kElement &&
        dom_.node(i).tag == Tag::kH1 && !facts_[i].drop) {
      std::string text = NodeText(i, false);
      if (text.empty()) continue;
      if (meta_.h1.empty()) meta_.h1 = text;
      meta_.h1s.push_back({i, std::move(text)});
    }
  }
  ScoreBlocks();
  std::vector<uint32_t> containers = ChooseContainers();
  uint32_t container = containers.empty() ? 0 : containers.front();
  // Captions: every figure's caption once, with its credit.
  const auto& nodes = dom_.nodes();
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].tag != Tag::kFigcaption) continue;
    std::string t = NodeText(i, true);
    if (t.empty()) continue;
    Caption c;
    SplitCaptionCredit(t, &c.text, &c.credit);
    bool seen = false;
    for (const Caption& o : doc_->captions) seen |= o.text == c.text;
    if (!seen) doc_->captions.push_back(std::move(c));
  }
  if (std::getenv("DATELINE_DEBUG_EXTRACT")) DebugPrint(container);
  if (containers.empty()) containers.push_back(0);  // no structure: all of it
  for (uint32_t c : containers) Emit(c);
  RecordOutside(containers);
  FinishMetadata();
  if (doc_->text.empty()) {
    return Status::Corruption("no article text found in the page");
  }
  return Status::OK();
}

}  // namespace

Status ExtractArticleFromHtml(std::string_view html, Document* doc) {
  Extractor extractor(html, doc);
  return extractor.Run();
}

}  // namespace dateline

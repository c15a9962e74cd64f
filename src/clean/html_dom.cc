#include "clean/html_dom.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/utf8.h"

namespace dateline {
namespace {

// Names of Tag values, in enum order (index = enum value).
const std::string_view kTagNames[] = {
    "",           "a",       "abbr",    "address",   "area",     "article",
    "aside",      "audio",   "b",       "base",      "bdi",      "bdo",
    "blockquote", "body",    "br",      "button",    "canvas",   "caption",
    "center",     "cite",    "code",    "col",       "colgroup", "data",
    "dd",         "del",     "details", "dfn",       "dialog",   "div",
    "dl",         "dt",      "em",      "embed",     "fieldset", "figcaption",
    "figure",     "font",    "footer",  "form",      "frame",    "frameset",
    "h1",         "h2",      "h3",      "h4",        "h5",       "h6",
    "head",       "header",  "hgroup",  "hr",        "html",     "i",
    "iframe",     "img",     "input",   "ins",       "kbd",      "label",
    "legend",     "li",      "link",    "main",      "map",      "mark",
    "menu",       "meta",    "meter",   "nav",       "noembed",  "noframes",
    "noscript",   "object",  "ol",      "optgroup",  "option",   "output",
    "p",          "param",   "picture", "plaintext", "pre",      "progress",
    "q",          "rp",      "rt",      "ruby",      "s",        "samp",
    "script",     "section", "select",  "small",     "source",   "span",
    "strike",     "strong",  "style",   "sub",       "summary",  "sup",
    "svg",        "table",   "tbody",   "td",        "template", "textarea",
    "tfoot",      "th",      "thead",   "time",      "title",    "tr",
    "track",      "tt",      "u",       "ul",        "var",      "video",
    "wbr",        "xmp",     "math",
};
static_assert(sizeof(kTagNames) / sizeof(kTagNames[0]) ==
                  static_cast<size_t>(Tag::kCount),
              "kTagNames out of sync with Tag");

inline char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
inline bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != b[i]) return false;  // b is lowercase
  }
  return true;
}

struct TagIndex {
  std::array<std::pair<std::string_view, Tag>, static_cast<size_t>(Tag::kCount)>
      sorted;
  size_t n = 0;
  TagIndex() {
    for (size_t i = 1; i < static_cast<size_t>(Tag::kCount); ++i) {
      sorted[n++] = {kTagNames[i], static_cast<Tag>(i)};
    }
    std::sort(sorted.begin(), sorted.begin() + n);
  }
};

// Elements whose content is raw text up to their end tag.
bool IsRawText(Tag t) {
  switch (t) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTextarea:
    case Tag::kTitle:
    case Tag::kXmp:
    case Tag::kIframe:
    case Tag::kNoembed:
    case Tag::kNoframes:
    case Tag::kNoscript:
    case Tag::kPlaintext:
      return true;
    default:
      return false;
  }
}

bool IsVoid(Tag t) {
  switch (t) {
    case Tag::kArea:
    case Tag::kBase:
    case Tag::kBr:
    case Tag::kCol:
    case Tag::kEmbed:
    case Tag::kHr:
    case Tag::kImg:
    case Tag::kInput:
    case Tag::kLink:
    case Tag::kMeta:
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack:
    case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (HTML's "close a p element").
bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kCenter:
    case Tag::kDetails:
    case Tag::kDialog:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kForm:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kHr:
    case Tag::kMain:
    case Tag::kMenu:
    case Tag::kNav:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kSection:
    case Tag::kSummary:
    case Tag::kTable:
    case Tag::kUl:
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt:
      return true;
    default:
      return false;
  }
}

// Scope boundaries (simplified from HTML's "button scope" and friends).
constexpr Tag kButtonScope[] = {Tag::kHtml,   Tag::kTable,   Tag::kTd,
                                Tag::kTh,     Tag::kCaption, Tag::kButton,
                                Tag::kObject, Tag::kTemplate};
constexpr Tag kListScope[] = {Tag::kHtml, Tag::kTable, Tag::kTd,      Tag::kTh,
                              Tag::kUl,   Tag::kOl,    Tag::kTemplate};
constexpr Tag kDlScope[] = {Tag::kHtml, Tag::kTable, Tag::kTd,
                            Tag::kTh,   Tag::kDl,    Tag::kTemplate};
constexpr Tag kTableScope[] = {Tag::kHtml, Tag::kTable, Tag::kTemplate};
constexpr Tag kRowScope[] = {Tag::kHtml, Tag::kTable, Tag::kTr, Tag::kTemplate};
constexpr Tag kSelectScope[] = {Tag::kHtml, Tag::kSelect, Tag::kTemplate};

// Named character references: the common ones in news pages. Sorted by name.
struct Entity {
  const char* name;
  uint32_t cp;
};
const Entity kEntities[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},
    {"Agrave", 0xC0},   {"Alpha", 0x391},   {"Aring", 0xC5},
    {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Beta", 0x392},
    {"Ccedil", 0xC7},   {"Chi", 0x3A7},     {"Dagger", 0x2021},
    {"Delta", 0x394},   {"ETH", 0xD0},      {"Eacute", 0xC9},
    {"Ecirc", 0xCA},    {"Egrave", 0xC8},   {"Epsilon", 0x395},
    {"Eta", 0x397},     {"Euml", 0xCB},     {"Gamma", 0x393},
    {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Igrave", 0xCC},
    {"Iota", 0x399},    {"Iuml", 0xCF},     {"Kappa", 0x39A},
    {"Lambda", 0x39B},  {"Mu", 0x39C},      {"Ntilde", 0xD1},
    {"Nu", 0x39D},      {"OElig", 0x152},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},    {"Ograve", 0xD2},   {"Omega", 0x3A9},
    {"Omicron", 0x39F}, {"Oslash", 0xD8},   {"Otilde", 0xD5},
    {"Ouml", 0xD6},     {"Phi", 0x3A6},     {"Pi", 0x3A0},
    {"Prime", 0x2033},  {"Psi", 0x3A8},     {"Rho", 0x3A1},
    {"Scaron", 0x160},  {"Sigma", 0x3A3},   {"THORN", 0xDE},
    {"Tau", 0x3A4},     {"Theta", 0x398},   {"Uacute", 0xDA},
    {"Ucirc", 0xDB},    {"Ugrave", 0xD9},   {"Upsilon", 0x3A5},
    {"Uuml", 0xDC},     {"Xi", 0x39E},      {"Yacute", 0xDD},
    {"Yuml", 0x178},    {"Zeta", 0x396},    {"aacute", 0xE1},
    {"acirc", 0xE2},    {"acute", 0xB4},    {"aelig", 0xE6},
    {"agrave", 0xE0},   {"alpha", 0x3B1},   {"amp", 0x26},
    {"apos", 0x27},     {"aring", 0xE5},    {"asymp", 0x2248},
    {"atilde", 0xE3},   {"auml", 0xE4},     {"bdquo", 0x201E},
    {"beta", 0x3B2},    {"brvbar", 0xA6},   {"bull", 0x2022},
    {"ccedil", 0xE7},   {"cedil", 0xB8},    {"cent", 0xA2},
    {"chi", 0x3C7},     {"circ", 0x2C6},    {"copy", 0xA9},
    {"curren", 0xA4},   {"dagger", 0x2020}, {"darr", 0x2193},
    {"deg", 0xB0},      {"delta", 0x3B4},   {"divide", 0xF7},
    {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},
    {"emsp", 0x2003},   {"ensp", 0x2002},   {"epsilon", 0x3B5},
    {"eta", 0x3B7},     {"eth", 0xF0},      {"euml", 0xEB},
    {"euro", 0x20AC},   {"frac12", 0xBD},   {"frac14", 0xBC},
    {"frac34", 0xBE},   {"gamma", 0x3B3},   {"ge", 0x2265},
    {"gt", 0x3E},       {"harr", 0x2194},   {"hellip", 0x2026},
    {"iacute", 0xED},   {"icirc", 0xEE},    {"iexcl", 0xA1},
    {"igrave", 0xEC},   {"infin", 0x221E},  {"iota", 0x3B9},
    {"iquest", 0xBF},   {"iuml", 0xEF},     {"kappa", 0x3BA},
    {"lambda", 0x3BB},  {"laquo", 0xAB},    {"larr", 0x2190},
    {"ldquo", 0x201C},  {"le", 0x2264},     {"lsaquo", 0x2039},
    {"lsquo", 0x2018},  {"lt", 0x3C},       {"macr", 0xAF},
    {"mdash", 0x2014},  {"micro", 0xB5},    {"middot", 0xB7},
    {"minus", 0x2212},  {"mu", 0x3BC},      {"nbsp", 0xA0},
    {"ndash", 0x2013},  {"ne", 0x2260},     {"not", 0xAC},
    {"ntilde", 0xF1},   {"nu", 0x3BD},      {"oacute", 0xF3},
    {"ocirc", 0xF4},    {"oelig", 0x153},   {"ograve", 0xF2},
    {"omega", 0x3C9},   {"omicron", 0x3BF}, {"ordf", 0xAA},
    {"ordm", 0xBA},     {"oslash", 0xF8},   {"otilde", 0xF5},
    {"ouml", 0xF6},     {"para", 0xB6},     {"permil", 0x2030},
    {"phi", 0x3C6},     {"pi", 0x3C0},      {"plusmn", 0xB1},
    {"pound", 0xA3},    {"prime", 0x2032},  {"psi", 0x3C8},
    {"quot", 0x22},     {"raquo", 0xBB},    {"rarr", 0x2192},
    {"rdquo", 0x201D},  {"reg", 0xAE},      {"rho", 0x3C1},
    {"rsaquo", 0x203A}, {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"scaron", 0x161},  {"sect", 0xA7},     {"shy", 0xAD},
    {"sigma", 0x3C3},   {"sigmaf", 0x3C2},  {"sup1", 0xB9},
    {"sup2", 0xB2},     {"sup3", 0xB3},     {"szlig", 0xDF},
    {"tau", 0x3C4},     {"theta", 0x3B8},   {"thinsp", 0x2009},
    {"thorn", 0xFE},    {"tilde", 0x2DC},   {"times", 0xD7},
    {"trade", 0x2122},  {"uacute", 0xFA},   {"uarr", 0x2191},
    {"ucirc", 0xFB},    {"ugrave", 0xF9},   {"uml", 0xA8},
    {"upsilon", 0x3C5}, {"uuml", 0xFC},     {"xi", 0x3BE},
    {"yacute", 0xFD},   {"yen", 0xA5},      {"yuml", 0xFF},
    {"zeta", 0x3B6},    {"zwj", 0x200D},    {"zwnj", 0x200C},
};

// Windows-1252 meanings of &#128;..&#159;, as browsers decode them.
const uint16_t kC1Fixups[32] = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
    0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

}  // namespace

std::string_view TagName(Tag tag) {
  return kTagNames[static_cast<size_t>(tag)];
}

Tag LookupTag(std::string_view name) {
  static const TagIndex index;
  char buf[16];
  if (name.empty() || name.size() > sizeof(buf)) return Tag::kUnknown;
  for (size_t i = 0; i < name.size(); ++i) buf[i] = Lower(name[i]);
  std::string_view key(buf, name.size());
  auto begin = index.sorted.begin();
  auto end = begin + index.n;
  auto it = std::lower_bound(begin, end, key,
                             [](const std::pair<std::string_view, Tag>& e,
                                std::string_view k) { return e.first < k; });
  if (it != end && it->first == key) return it->second;
  return Tag::kUnknown;
}

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kBr:
    case Tag::kTr:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kCaption:
    case Tag::kLegend:
    case Tag::kOption:
    case Tag::kTitle:
    case Tag::kBody:
    case Tag::kHtml:
    case Tag::kHead:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kCanvas:
    case Tag::kIframe:
      return true;
    default:
      return ClosesP(t);
  }
}

std::string_view HtmlDom::Attr(uint32_t i, std::string_view name) const {
  const HtmlNode& n = nodes_[i];
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (EqualsIgnoreCase(attrs_[a].name, name)) {
      // A present attribute with no value must still be non-null.
      std::string_view v = attrs_[a].value;
      return v.data() ? v : std::string_view(attrs_[a].name.data(), 0);
    }
  }
  return {};
}

uint32_t HtmlDom::AddNode(NodeType type, uint32_t parent) {
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  HtmlNode& n = nodes_.back();
  n.type = type;
  n.parent = parent;
  HtmlNode& p = nodes_[parent];
  if (p.last_child == kNoNode) {
    p.first_child = id;
  } else {
    nodes_[p.last_child].next_sibling = id;
  }
  p.last_child = id;
  return id;
}

void HtmlDom::PopTo(size_t size) {
  while (open_.size() > size) {
    --open_count_[static_cast<size_t>(nodes_[open_.back()].tag)];
    open_.pop_back();
  }
}

bool HtmlDom::CloseInScope(Tag tag, const Tag* boundaries, size_t n) {
  if (open_count_[static_cast<size_t>(tag)] == 0) return false;
  for (size_t i = open_.size(); i-- > 1;) {
    Tag t = nodes_[open_[i]].tag;
    if (t == tag) {
      PopTo(i);
      return true;
    }
    if (std::find(boundaries, boundaries + n, t) != boundaries + n) {
      return false;
    }
  }
  return false;
}

void HtmlDom::OpenElement(Tag tag, std::string_view name, uint32_t attr_begin,
                          uint32_t offset, bool self_closing) {
  // Implied end tags.
  if (ClosesP(tag)) {
    CloseInScope(Tag::kP, kButtonScope, std::size(kButtonScope));
  }
  switch (tag) {
    case Tag::kLi:
      CloseInScope(Tag::kLi, kListScope, std::size(kListScope));
      break;
    case Tag::kDt:
    case Tag::kDd:
      CloseInScope(Tag::kDt, kDlScope, std::size(kDlScope));
      CloseInScope(Tag::kDd, kDlScope, std::size(kDlScope));
      break;
    case Tag::kTr:
      CloseInScope(Tag::kTr, kTableScope, std::size(kTableScope));
      break;
    case Tag::kTd:
    case Tag::kTh:
      CloseInScope(Tag::kTd, kRowScope, std::size(kRowScope));
      CloseInScope(Tag::kTh, kRowScope, std::size(kRowScope));
      break;
    case Tag::kThead:
    case Tag::kTbody:
    case Tag::kTfoot:
      CloseInScope(Tag::kThead, kTableScope, std::size(kTableScope));
      CloseInScope(Tag::kTbody, kTableScope, std::size(kTableScope));
      CloseInScope(Tag::kTfoot, kTableScope, std::size(kTableScope));
      break;
    case Tag::kOption:
      CloseInScope(Tag::kOption, kSelectScope, std::size(kSelectScope));
      break;
    case Tag::kOptgroup:
      CloseInScope(Tag::kOption, kSelectScope, std::size(kSelectScope));
      CloseInScope(Tag::kOptgroup, kSelectScope, std::size(kSelectScope));
      break;
    case Tag::kA:
      CloseInScope(Tag::kA, kButtonScope, std::size(kButtonScope));
      break;
    default:
      if (IsHeading(tag) && IsHeading(nodes_[open_.back()].tag)) {
        PopTo(open_.size() - 1);
      }
      break;
  }
  uint32_t id = AddNode(NodeType::kElement, open_.back());
  HtmlNode& n = nodes_[id];
  n.tag = tag;
  n.name = name;
  n.attr_begin = attr_begin;
  n.attr_end = static_cast<uint32_t>(attrs_.size());
  n.page_offset = offset;
  if (!IsVoid(tag) && !self_closing && open_.size() < kMaxDepth) {
    open_.push_back(id);
    ++open_count_[static_cast<size_t>(tag)];
  }
}

void HtmlDom::CloseElement(Tag tag, std::string_view name) {
  if (tag == Tag::kBody || tag == Tag::kHtml) return;  // content may follow
  if (tag != Tag::kUnknown && open_count_[static_cast<size_t>(tag)] == 0) {
    return;  // nothing to close
  }
  // Search down the stack, but not across too many levels for inline tags:
  // a stray </span> must not close the article's <div>.
  size_t limit = open_.size() > 64 && tag == Tag::kUnknown ? 64 : open_.size();
  for (size_t i = open_.size(); i-- > 1 && open_.size() - i <= limit;) {
    const HtmlNode& n = nodes_[open_[i]];
    bool match =
        tag != Tag::kUnknown
            ? n.tag == tag
            : (n.tag == Tag::kUnknown && n.name.size() == name.size() &&
               std::equal(name.begin(), name.end(), n.name.begin(),
                          [](char a, char b) { return Lower(a) == Lower(b); }));
    if (match) {
      PopTo(i);
      return;
    }
    // Table structure and list items are boundaries for their own kind.
    Tag t = n.tag;
    if ((tag == Tag::kLi || tag == Tag::kDd || tag == Tag::kDt) &&
        (t == Tag::kUl || t == Tag::kOl || t == Tag::kDl)) {
      return;
    }
    if ((tag == Tag::kTd || tag == Tag::kTh || tag == Tag::kTr) &&
        t == Tag::kTable) {
      return;
    }
  }
}

void HtmlDom::Parse(std::string_view html) {
  // Offsets are 32-bit; callers cap pages well below 4 GiB.
  if (html.size() > 0xFFFFFFF0u) html = html.substr(0, 0xFFFFFFF0u);
  page_ = html;
  nodes_.clear();
  attrs_.clear();
  open_.clear();
  std::fill(std::begin(open_count_), std::end(open_count_), 0);
  nodes_.reserve(html.size() / 40 + 16);
  attrs_.reserve(html.size() / 60 + 16);
  nodes_.emplace_back();  // root
  open_.push_back(0);

  const char* const begin = html.data();
  const char* const end = begin + html.size();
  const char* p = begin;
  auto add_text = [&](const char* b, const char* e) {
    if (b >= e) return;
    uint32_t parent = open_.back();
    // Merge with a preceding text sibling (e.g. text split by a comment).
    uint32_t last = nodes_[parent].last_child;
    if (last != kNoNode && nodes_[last].type == NodeType::kText &&
        nodes_[last].text.data() + nodes_[last].text.size() == b) {
      nodes_[last].text = std::string_view(nodes_[last].text.data(),
                                           nodes_[last].text.size() + (e - b));
      return;
    }
    uint32_t id = AddNode(NodeType::kText, parent);
    nodes_[id].text = std::string_view(b, e - b);
    nodes_[id].page_offset = static_cast<uint32_t>(b - begin);
  };

  while (p < end) {
    const char* lt = static_cast<const char*>(std::memchr(p, '<', end - p));
    if (!lt) {
      add_text(p, end);
      break;
    }
    if (lt + 1 >= end) {
      add_text(p, end);
      break;
    }
    char c = lt[1];
    if (c == '!') {
      add_text(p, lt);
      const char* q = lt + 2;
      const char* close;
      if (end - q >= 2 && q[0] == '-' && q[1] == '-') {
        std::string_view rest(q + 2, end - q - 2);
        size_t k = rest.find("-->");
        close = k == std::string_view::npos ? end : q + 2 + k + 3;
        uint32_t id = AddNode(NodeType::kComment, open_.back());
        nodes_[id].text = std::string_view(
            q + 2, (k == std::string_view::npos ? rest.size() : k));
        nodes_[id].page_offset = static_cast<uint32_t>(lt - begin);
      } else if (end - q >= 7 && std::memcmp(q, "[CDATA[", 7) == 0) {
        std::string_view rest(q + 7, end - q - 7);
        size_t k = rest.find("]]>");
        const char* tb = q + 7;
        const char* te = k == std::string_view::npos ? end : tb + k;
        add_text(tb, te);
        close = k == std::string_view::npos ? end : te + 3;
      } else {
        const char* gt = static_cast<const char*>(std::memchr(q, '>', end - q));
        close = gt ? gt + 1 : end;
      }
      p = close;
      continue;
    }
    if (c == '?') {
      add_text(p, lt);
      const char* gt = static_cast<const char*>(std::memchr(lt, '>', end - lt));
      p = gt ? gt + 1 : end;
      continue;
    }
    if (c == '/') {
      const char* q = lt + 2;
      if (q < end && IsAlpha(*q)) {
        add_text(p, lt);
        const char* nb = q;
        while (q < end && !IsSpace(*q) && *q != '/' && *q != '>') ++q;
        std::string_view name(nb, q - nb);
        const char* gt = static_cast<const char*>(std::memchr(q, '>', end - q));
        p = gt ? gt + 1 : end;
        CloseElement(LookupTag(name), name);
        continue;
      }
      // "</>" or "</ x": a bogus comment in HTML; skip to '>'.
      add_text(p, lt);
      const char* gt = static_cast<const char*>(std::memchr(q, '>', end - q));
      p = gt ? gt + 1 : end;
      continue;
    }
    if (!IsAlpha(c)) {
      // A literal '<' in text.
      add_text(p, lt + 1);
      p = lt + 1;
      continue;
    }
    add_text(p, lt);
    // Start tag.
    const char* q = lt + 1;
    const char* nb = q;
    while (q < end && !IsSpace(*q) && *q != '/' && *q != '>') ++q;
    std::string_view name(nb, q - nb);
    uint32_t attr_begin = static_cast<uint32_t>(attrs_.size());
    bool self_closing = false;
    while (q < end) {
      while (q < end && (IsSpace(*q) || *q == '/')) {
        if (*q == '/') self_closing = true;
        ++q;
      }
      if (q >= end || *q == '>') break;
      self_closing = false;
      const char* ab = q;
      ++q;  // an attribute name may start with '='
      while (q < end && !IsSpace(*q) && *q != '/' && *q != '>' && *q != '=') {
        ++q;
      }
      HtmlAttribute attr;
      attr.name = std::string_view(ab, q - ab);
      while (q < end && IsSpace(*q)) ++q;
      if (q < end && *q == '=') {
        ++q;
        while (q < end && IsSpace(*q)) ++q;
        if (q < end && (*q == '"' || *q == '\'')) {
          char quote = *q++;
          const char* vb = q;
          const char* ve =
              static_cast<const char*>(std::memchr(q, quote, end - q));
          if (!ve) ve = end;
          attr.value = std::string_view(vb, ve - vb);
          q = ve < end ? ve + 1 : end;
        } else {
          const char* vb = q;
          while (q < end && !IsSpace(*q) && *q != '>') ++q;
          attr.value = std::string_view(vb, q - vb);
        }
      }
      attrs_.push_back(attr);
    }
    p = q < end ? q + 1 : end;
    Tag tag = LookupTag(name);
    if ((tag == Tag::kHtml || tag == Tag::kBody || tag == Tag::kHead) &&
        open_count_[static_cast<size_t>(tag)] > 0) {
      attrs_.resize(attr_begin);  // a second <body>: ignore
      continue;
    }
    if (tag == Tag::kBody) {
      CloseInScope(Tag::kHead, kTableScope, std::size(kTableScope));
    }
    OpenElement(tag, name, attr_begin, static_cast<uint32_t>(lt - begin),
                self_closing);
    if (IsRawText(tag) && !self_closing) {
      // Content runs to the matching end tag ("</script" + [\s/>]).
      const char* tb = p;
      const char* te = end;
      std::string_view tname = TagName(tag);
      for (const char* s = p; s < end;) {
        const char* l = static_cast<const char*>(std::memchr(s, '<', end - s));
        if (!l) break;
        if (l + 2 + tname.size() <= end && l[1] == '/' &&
            EqualsIgnoreCase(std::string_view(l + 2, tname.size()), tname) &&
            (l + 2 + tname.size() == end || IsSpace(l[2 + tname.size()]) ||
             l[2 + tname.size()] == '>' || l[2 + tname.size()] == '/')) {
          te = l;
          break;
        }
        s = l + 1;
      }
      if (tb < te) {
        uint32_t id = AddNode(NodeType::kText, open_.back());
        nodes_[id].text = std::string_view(tb, te - tb);
        nodes_[id].page_offset = static_cast<uint32_t>(tb - begin);
      }
      if (te < end) {
        const char* gt =
            static_cast<const char*>(std::memchr(te, '>', end - te));
        p = gt ? gt + 1 : end;
      } else {
        p = end;
      }
      // Pop the raw-text element itself.
      if (open_.size() > 1 && nodes_[open_.back()].tag == tag) {
        PopTo(open_.size() - 1);
      }
    }
  }
}

void AppendDecodedEntities(std::string_view raw, std::string* out) {
  size_t i = 0;
  const size_t n = raw.size();
  while (i < n) {
    size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(raw.data() + i, n - i);
      return;
    }
    out->append(raw.data() + i, amp - i);
    i = amp + 1;
    if (i < n && raw[i] == '#') {
      size_t j = i + 1;
      uint32_t cp = 0;
      bool hex = j < n && (raw[j] == 'x' || raw[j] == 'X');
      if (hex) ++j;
      size_t digits_begin = j;
      while (j < n && j - digits_begin < 8) {
        char c = raw[j];
        int d;
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
          d = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
          d = c - 'A' + 10;
        } else {
          break;
        }
        cp = cp * (hex ? 16 : 10) + d;
        ++j;
      }
      if (j == digits_begin) {
        out->push_back('&');
        continue;
      }
      if (j < n && raw[j] == ';') ++j;
      if (cp >= 0x80 && cp < 0xA0) cp = kC1Fixups[cp - 0x80];
      if (cp == 0) cp = 0xFFFD;
      AppendUtf8(cp, out);
      i = j;
      continue;
    }
    size_t j = i;
    while (j < n && j - i < 10 &&
           ((raw[j] >= 'a' && raw[j] <= 'z') ||
            (raw[j] >= 'A' && raw[j] <= 'Z') ||
            (raw[j] >= '0' && raw[j] <= '9'))) {
      ++j;
    }
    std::string_view name = raw.substr(i, j - i);
    const Entity* found = nullptr;
    if (!name.empty()) {
      auto it = std::lower_bound(
          std::begin(kEntities), std::end(kEntities), name,
          [](const Entity& e, std::string_view k) { return e.name < k; });
      if (it != std::end(kEntities) && it->name == name) found = &*it;
    }
    if (!found) {
      out->push_back('&');
      continue;
    }
    AppendUtf8(found->cp, out);
    i = j;
    if (i < n && raw[i] == ';') ++i;
  }
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    // U+00A0 no-break space counts as a space.
    if (IsSpace(static_cast<char>(c)) ||
        (c == 0xC2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
      if (!space) out.push_back(' ');
      space = true;
      i += (c == 0xC2) ? 2 : 1;
      continue;
    }
    out.push_back(static_cast<char>(c));
    space = false;
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string DecodeHtmlText(std::string_view raw) {
  std::string out;
  AppendDecodedEntities(raw, &out);
  return CollapseWhitespace(out);
}

}  // namespace dateline

// HtmlDom: a fast, forgiving HTML parser that builds a compact tree over the
// page, for article extraction.
//
// Why not a library parser: on the benchmark pages (174 KB average) gumbo
// parses about 20 MB/s and libxml2's HTML parser about 63 MB/s on one core
// (bench/html_parse_bench.cc), which alone caps extraction below 400 pages/s.
// Extraction needs far less than a full HTML5 tree: elements, attributes and
// text with their byte offsets, and the common implied end tags (p, li, td,
// option, ...). This parser is zero-copy: nodes point into the page; entity
// decoding happens only for the text that is kept.
//
// Never fails: any byte string gives a tree (malformed markup is repaired the
// way browsers mostly do; nesting deeper than kMaxDepth is flattened). The
// page must outlive the HtmlDom. Not thread-safe for concurrent Parse; const
// access from many threads is fine.
#ifndef DATELINE_CLEAN_HTML_DOM_H_
#define DATELINE_CLEAN_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Known tags. Order matters only for the name table in html_dom.cc.
enum class Tag : uint8_t {
  kUnknown = 0,
  kA,
  kAbbr,
  kAddress,
  kArea,
  kArticle,
  kAside,
  kAudio,
  kB,
  kBase,
  kBdi,
  kBdo,
  kBlockquote,
  kBody,
  kBr,
  kButton,
  kCanvas,
  kCaption,
  kCenter,
  kCite,
  kCode,
  kCol,
  kColgroup,
  kData,
  kDd,
  kDel,
  kDetails,
  kDfn,
  kDialog,
  kDiv,
  kDl,
  kDt,
  kEm,
  kEmbed,
  kFieldset,
  kFigcaption,
  kFigure,
  kFont,
  kFooter,
  kForm,
  kFrame,
  kFrameset,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHead,
  kHeader,
  kHgroup,
  kHr,
  kHtml,
  kI,
  kIframe,
  kImg,
  kInput,
  kIns,
  kKbd,
  kLabel,
  kLegend,
  kLi,
  kLink,
  kMain,
  kMap,
  kMark,
  kMenu,
  kMeta,
  kMeter,
  kNav,
  kNoembed,
  kNoframes,
  kNoscript,
  kObject,
  kOl,
  kOptgroup,
  kOption,
  kOutput,
  kP,
  kParam,
  kPicture,
  kPlaintext,
  kPre,
  kProgress,
  kQ,
  kRp,
  kRt,
  kRuby,
  kS,
  kSamp,
  kScript,
  kSection,
  kSelect,
  kSmall,
  kSource,
  kSpan,
  kStrike,
  kStrong,
  kStyle,
  kSub,
  kSummary,
  kSup,
  kSvg,
  kTable,
  kTbody,
  kTd,
  kTemplate,
  kTextarea,
  kTfoot,
  kTh,
  kThead,
  kTime,
  kTitle,
  kTr,
  kTrack,
  kTt,
  kU,
  kUl,
  kVar,
  kVideo,
  kWbr,
  kXmp,
  kMath,
  kCount
};

// Returns the lowercase name of a known tag ("" for kUnknown).
std::string_view TagName(Tag tag);

// Returns the Tag for a name, case-insensitively; kUnknown if not known.
Tag LookupTag(std::string_view name);

struct HtmlAttribute {
  std::string_view name;   // as written (compare case-insensitively)
  std::string_view value;  // raw, entities not decoded
};

enum class NodeType : uint8_t { kElement, kText, kComment };

constexpr uint32_t kNoNode = 0xFFFFFFFF;

struct HtmlNode {
  NodeType type = NodeType::kElement;
  Tag tag = Tag::kUnknown;
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  // Element: its name in the page and its attributes [attr_begin, attr_end)
  // in HtmlDom::attributes(). Text/comment: `text` is the raw text.
  std::string_view name;
  std::string_view text;
  uint32_t attr_begin = 0;
  uint32_t attr_end = 0;
  // Byte offset of the node's start in the page (the '<' or first char).
  uint32_t page_offset = 0;
};

class HtmlDom {
 public:
  // Nesting deeper than this is flattened (children attach to the deepest
  // open element), so a page of 100,000 nested <div> stays linear.
  static constexpr size_t kMaxDepth = 512;

  HtmlDom() = default;
  HtmlDom(const HtmlDom&) = delete;
  HtmlDom& operator=(const HtmlDom&) = delete;

  // Parses `html`, replacing any previous tree. Node 0 is the root (a
  // synthetic element with Tag::kUnknown and empty name).
  void Parse(std::string_view html);

  const std::vector<HtmlNode>& nodes() const { return nodes_; }
  const HtmlNode& node(uint32_t i) const { return nodes_[i]; }
  const std::vector<HtmlAttribute>& attributes() const { return attrs_; }
  std::string_view page() const { return page_; }

  // Returns the raw value of attribute `name` (lowercase) of element `i`,
  // or a null string_view (data() == nullptr) when absent.
  std::string_view Attr(uint32_t i, std::string_view name) const;
  bool HasAttr(uint32_t i, std::string_view name) const {
    return Attr(i, name).data() != nullptr;
  }

 private:
  uint32_t AddNode(NodeType type, uint32_t parent);
  void OpenElement(Tag tag, std::string_view name, uint32_t attr_begin,
                   uint32_t offset, bool self_closing);
  void CloseElement(Tag tag, std::string_view name);
  // Pops open elements up to and including the nearest `tag` found before a
  // scope boundary; returns false if there is none.
  bool CloseInScope(Tag tag, const Tag* boundaries, size_t n);

  std::string_view page_;
  std::vector<HtmlNode> nodes_;
  std::vector<HtmlAttribute> attrs_;
  // Pops open elements until the stack has `size` entries.
  void PopTo(size_t size);

  std::vector<uint32_t> open_;  // stack of open elements (node indexes)
  // Open elements per tag, so implied end tags cost nothing when there is
  // nothing to close (a deep stack of <div> is never scanned).
  uint32_t open_count_[static_cast<size_t>(Tag::kCount)] = {};
};

// Appends `raw` with character references decoded (&amp; &#8217; &#x2019;
// &nbsp; and the common named ones) to *out.
void AppendDecodedEntities(std::string_view raw, std::string* out);

// Returns `s` with whitespace runs (and U+00A0) collapsed to one space and
// trimmed.
std::string CollapseWhitespace(std::string_view s);

// Returns `raw` with entities decoded and whitespace collapsed.
std::string DecodeHtmlText(std::string_view raw);

// Returns true for elements that start a new block of text.
bool IsBlockTag(Tag tag);

// Returns true for h1..h6.
inline bool IsHeading(Tag tag) { return tag >= Tag::kH1 && tag <= Tag::kH6; }

}  // namespace dateline

#endif  // DATELINE_CLEAN_HTML_DOM_H_

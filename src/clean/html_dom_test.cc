#include "clean/html_dom.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

// Returns the tags of the children of node `i`, e.g. "p,p,#text".
std::string Children(const HtmlDom& dom, uint32_t i) {
  std::string out;
  for (uint32_t c = dom.node(i).first_child; c != kNoNode;
       c = dom.node(c).next_sibling) {
    if (!out.empty()) out += ",";
    const HtmlNode& n = dom.node(c);
    if (n.type == NodeType::kText) {
      out += "#text";
    } else if (n.type == NodeType::kComment) {
      out += "#comment";
    } else {
      out += std::string(n.tag == Tag::kUnknown ? n.name : TagName(n.tag));
    }
  }
  return out;
}

uint32_t FindFirst(const HtmlDom& dom, Tag tag) {
  for (uint32_t i = 0; i < dom.nodes().size(); ++i) {
    if (dom.node(i).type == NodeType::kElement && dom.node(i).tag == tag) {
      return i;
    }
  }
  return kNoNode;
}

TEST(HtmlDomTest, LooksUpTagsCaseInsensitively) {
  EXPECT_EQ(LookupTag("DIV"), Tag::kDiv);
  EXPECT_EQ(LookupTag("blockquote"), Tag::kBlockquote);
  EXPECT_EQ(LookupTag("h6"), Tag::kH6);
  EXPECT_EQ(LookupTag("gel-paragraph"), Tag::kUnknown);
  EXPECT_EQ(TagName(Tag::kFigcaption), "figcaption");
}

TEST(HtmlDomTest, ImpliedParagraphEnds) {
  HtmlDom dom;
  dom.Parse("<body><p>one<p>two<div>three</div></body>");
  uint32_t body = FindFirst(dom, Tag::kBody);
  EXPECT_EQ(Children(dom, body), "p,p,div");
}

TEST(HtmlDomTest, ListItemsAndTableCellsCloseTheirSiblings) {
  HtmlDom dom;
  dom.Parse("<ul><li>a<li>b<li>c</ul><table><tr><td>1<td>2<tr><td>3</table>");
  EXPECT_EQ(Children(dom, FindFirst(dom, Tag::kUl)), "li,li,li");
  EXPECT_EQ(Children(dom, FindFirst(dom, Tag::kTable)), "tr,tr");
}

TEST(HtmlDomTest, AttributesQuotedUnquotedAndBare) {
  HtmlDom dom;
  dom.Parse("<div class='a b' ID=main data-x=\"1>2\" hidden>t</div>");
  uint32_t div = FindFirst(dom, Tag::kDiv);
  EXPECT_EQ(dom.Attr(div, "class"), "a b");
  EXPECT_EQ(dom.Attr(div, "id"), "main");
  EXPECT_EQ(dom.Attr(div, "data-x"), "1>2");
  EXPECT_TRUE(dom.HasAttr(div, "hidden"));
  EXPECT_FALSE(dom.HasAttr(div, "style"));
  EXPECT_EQ(Children(dom, div), "#text");
}

TEST(HtmlDomTest, RawTextElementsHideTheirMarkup) {
  HtmlDom dom;
  dom.Parse("<script>if (a<b) document.write('</p><div>')</script><p>x</p>");
  uint32_t script = FindFirst(dom, Tag::kScript);
  ASSERT_NE(script, kNoNode);
  EXPECT_EQ(Children(dom, script), "#text");
  EXPECT_EQ(FindFirst(dom, Tag::kDiv), kNoNode);
  EXPECT_NE(FindFirst(dom, Tag::kP), kNoNode);
}

TEST(HtmlDomTest, CommentsAndUnclosedComment) {
  HtmlDom dom;
  dom.Parse("a<!-- c -->b<!-- never closed <p>x");
  EXPECT_EQ(Children(dom, 0), "#text,#comment,#text,#comment");
}

TEST(HtmlDomTest, StrayEndTagsAreIgnored) {
  HtmlDom dom;
  dom.Parse("<div><p>a</span></b></p>b</div>");
  uint32_t div = FindFirst(dom, Tag::kDiv);
  EXPECT_EQ(Children(dom, div), "p,#text");
}

TEST(HtmlDomTest, DeepNestingIsFlattenedNotRecursed) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  HtmlDom dom;
  dom.Parse(html);
  size_t depth = 0;
  uint32_t text = kNoNode;
  for (uint32_t i = 0; i < dom.nodes().size(); ++i) {
    if (dom.node(i).type == NodeType::kText) text = i;
  }
  ASSERT_NE(text, kNoNode);
  for (uint32_t i = text; i != 0; i = dom.node(i).parent) ++depth;
  EXPECT_LE(depth, HtmlDom::kMaxDepth + 1);
}

TEST(HtmlDomTest, TruncatedTagsDoNotReadPastTheEnd) {
  for (const char* html :
       {"<", "<a", "<a href='", "<a href=x", "</", "</a", "<!", "<!-", "<!--",
        "<![CDATA[", "<?x", "<script>", "<script>x</scr", "&", "&#", "&#x"}) {
    HtmlDom dom;
    dom.Parse(html);
    EXPECT_GE(dom.nodes().size(), 1u) << html;
  }
}

TEST(HtmlDomTest, NodesKnowTheirPageOffsets) {
  HtmlDom dom;
  std::string html = "<p>Hello <b>world</b></p>";
  dom.Parse(html);
  for (const HtmlNode& n : dom.nodes()) {
    if (n.type != NodeType::kText) continue;
    EXPECT_EQ(html.substr(n.page_offset, n.text.size()), n.text);
  }
}

TEST(HtmlEntitiesTest, DecodesNamedAndNumericReferences) {
  std::string out;
  AppendDecodedEntities(
      "AT&amp;T &ldquo;x&rdquo; &#8217; &#x2014; &eacute;&nbsp;&bogus; & ;"
      " &#150;",
      &out);
  EXPECT_EQ(out,
            "AT&T \u201cx\u201d \u2019 \u2014 \u00e9\u00a0&bogus; & ; "
            "\u2013");
}

TEST(HtmlEntitiesTest, NulAndOutOfRangeBecomeReplacementCharacter) {
  std::string out;
  AppendDecodedEntities("&#0;&#x110000;", &out);
  EXPECT_EQ(out, "\uFFFD\uFFFD");
}

}  // namespace
}  // namespace dateline

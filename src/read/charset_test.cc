#include "read/charset.h"

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace dateline {
namespace {

struct Decoded {
  std::string text;
  std::string charset;
};

Decoded Decode(std::string bytes, bool html = true,
               std::string_view declared = "") {
  Decoded d;
  DecodeToUtf8(std::move(bytes), html, declared, &d.text, &d.charset);
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_EQ(d.text.find('\0'), std::string::npos);
  return d;
}

TEST(ReadCharsetTest, MetaWindows1252) {
  Decoded d = Decode(
      "<html><head><meta charset=\"windows-1252\"></head>"
      "<p>caf\xe9 \x80 5 \x93quoted\x94</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.text.find("caf\xc3\xa9 \xe2\x82\xac 5 \xe2\x80\x9cquoted"),
            std::string::npos);
}

TEST(ReadCharsetTest, MetaIso88591DecodesAsWindows1252) {
  // WHATWG: the iso-8859-1 label means windows-1252 (0x80-0x9F are not C1).
  Decoded d = Decode(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=ISO-8859-1\"><p>na\xefve \x96 dash</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.text.find("na\xc3\xafve \xe2\x80\x93 dash"), std::string::npos);
}

TEST(ReadCharsetTest, MetaShiftJis) {
  Decoded d = Decode(
      "<html><head><meta charset='Shift_JIS'></head><body>"
      "\x93\xfa\x96\x7b\x8c\xea</body></html>");
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_NE(d.text.find("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"),  // 日本語
            std::string::npos);
}

TEST(ReadCharsetTest, Utf16LittleEndianBom) {
  std::string bytes("\xff\xfe", 2);
  for (char c : std::string("<p>Hi \xe9</p>")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  Decoded d = Decode(bytes);
  EXPECT_EQ(d.charset, "utf-16le");
  EXPECT_EQ(d.text, "<p>Hi \xc3\xa9</p>");
}

TEST(ReadCharsetTest, Utf16BigEndianBomWithSurrogatePair) {
  // "A" U+1F600 "B"
  std::string bytes("\xfe\xff\x00\x41\xd8\x3d\xde\x00\x00\x42", 10);
  Decoded d = Decode(bytes, false);
  EXPECT_EQ(d.charset, "utf-16be");
  EXPECT_EQ(d.text,
            "A\xf0\x9f\x98\x80"
            "B");
}

TEST(ReadCharsetTest, Utf16WithoutBomIsGuessed) {
  std::string bytes;
  for (char c : std::string("plain text in UTF-16")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  Decoded d = Decode(bytes, false);
  EXPECT_EQ(d.charset, "utf-16le");
  EXPECT_EQ(d.text, "plain text in UTF-16");
}

TEST(ReadCharsetTest, Utf8BomIsStripped) {
  Decoded d = Decode("\xef\xbb\xbf<p>caf\xc3\xa9</p>", true, "iso-8859-1");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.text, "<p>caf\xc3\xa9</p>");
}

TEST(ReadCharsetTest, ValidUtf8WithoutDeclaration) {
  Decoded d = Decode("<p>Z\xc3\xbcrich \xe2\x80\x94 \xe6\x97\xa5</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.text, "<p>Z\xc3\xbcrich \xe2\x80\x94 \xe6\x97\xa5</p>");
}

TEST(ReadCharsetTest, InvalidUtf8FallsBackToWindows1252) {
  Decoded d = Decode("<p>Z\xfcrich caf\xe9</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.text, "<p>Z\xc3\xbcrich caf\xc3\xa9</p>");
}

TEST(ReadCharsetTest, DeclaredUtf8WithBadBytesIsRepaired) {
  Decoded d = Decode("<meta charset=utf-8><p>ok \xff bad</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_NE(d.text.find("ok \xef\xbf\xbd bad"), std::string::npos);
}

TEST(ReadCharsetTest, MetaWinsOverTransportHeader) {
  Decoded d =
      Decode("<meta charset=windows-1251><p>\xcf\xf0\xe8</p>", true, "utf-8");
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_NE(d.text.find("\xd0\x9f\xd1\x80\xd0\xb8"), std::string::npos);  // При
}

TEST(ReadCharsetTest, TransportHeaderUsedWithoutMeta) {
  Decoded d = Decode("<p>\xcf\xf0\xe8</p>", true, "windows-1251");
  EXPECT_EQ(d.charset, "windows-1251");
  // Plain text does not sniff meta but still takes the header.
  Decoded t = Decode("\xcf\xf0\xe8", false, "windows-1251");
  EXPECT_EQ(t.charset, "windows-1251");
}

TEST(ReadCharsetTest, MislabelledUtf8IsKeptAsUtf8) {
  Decoded d = Decode("<meta charset=iso-8859-1><p>caf\xc3\xa9</p>");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_NE(d.text.find("caf\xc3\xa9"), std::string::npos);
}

TEST(ReadCharsetTest, UnknownCharsetFallsThrough) {
  Decoded d =
      Decode("<meta charset=klingon-42><p>caf\xe9</p>", true, "x-user-defined");
  EXPECT_EQ(d.charset, "windows-1252");
  Decoded u = Decode("<meta charset=\"utf-7\"><p>+ADw-script</p>");
  EXPECT_EQ(u.charset, "utf-8");  // UTF-7 is refused, bytes are ASCII
}

TEST(ReadCharsetTest, NulBytesDropped) {
  Decoded d = Decode(std::string("a\0b", 3), false);
  EXPECT_EQ(d.text, "ab");
}

TEST(ReadCharsetTest, SniffAndContentTypeHelpers) {
  EXPECT_EQ(SniffHtmlCharset("<META CHARSET=\"UTF-8\">"), "utf-8");
  EXPECT_EQ(SniffHtmlCharset("<meta content='text/html;charset=koi8-r' "
                             "http-equiv='Content-Type'>"),
            "koi8-r");
  EXPECT_EQ(SniffHtmlCharset("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>"),
            "euc-jp");
  EXPECT_EQ(SniffHtmlCharset("<meta name=description content=x>"), "");
  EXPECT_EQ(SniffHtmlCharset(std::string(5000, ' ') + "<meta charset=gbk>"),
            "");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset=\"ISO-8859-2\""),
            "iso-8859-2");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CanonicalCharset("GB2312"), "gb18030");
  EXPECT_EQ(CanonicalCharset("latin1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
  EXPECT_EQ(CanonicalCharset("utf-7"), "");
}

}  // namespace
}  // namespace dateline

#include "read/detect.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

ContentKind Kind(std::string_view head, std::string* what = nullptr) {
  std::string w;
  ContentKind k = DetectContent(head, &w);
  if (what != nullptr) *what = w;
  return k;
}

TEST(ReadDetectTest, Containers) {
  EXPECT_EQ(Kind(""), ContentKind::kEmpty);
  EXPECT_EQ(Kind(" \n\t\r\n"), ContentKind::kEmpty);
  EXPECT_EQ(Kind("\x1f\x8b\x08\x00"), ContentKind::kGzip);
  EXPECT_EQ(Kind("WARC/1.0\r\nWARC-Type: warcinfo\r\n"), ContentKind::kWarc);
  EXPECT_EQ(Kind("WARC/1.1\r\n"), ContentKind::kWarc);
  EXPECT_EQ(Kind("\n  {\"html\": \"<p>\"}\n"), ContentKind::kJsonl);
  EXPECT_EQ(Kind("<!doctype html><p>x"), ContentKind::kPage);
  EXPECT_EQ(Kind("Just some words."), ContentKind::kPage);
}

TEST(ReadDetectTest, BinaryMagicNumbers) {
  std::string what;
  EXPECT_EQ(Kind("\x89PNG\r\n\x1a\n....", &what), ContentKind::kBinary);
  EXPECT_EQ(what, "PNG image");
  EXPECT_EQ(Kind("\xff\xd8\xff\xe0..JFIF", &what), ContentKind::kBinary);
  EXPECT_EQ(what, "JPEG image");
  EXPECT_EQ(Kind("GIF89a....", &what), ContentKind::kBinary);
  EXPECT_EQ(Kind("%PDF-1.7\n", &what), ContentKind::kBinary);
  EXPECT_EQ(what, "PDF document");
  EXPECT_EQ(Kind(std::string("PK\x03\x04\x14\x00", 6), &what),
            ContentKind::kBinary);
  EXPECT_EQ(what, "ZIP archive");
  EXPECT_EQ(Kind("\x7f"
                 "ELF\x02\x01\x01",
                 &what),
            ContentKind::kBinary);
  EXPECT_EQ(what, "ELF executable");
  EXPECT_EQ(Kind(std::string("\0\0\0\x20"
                             "ftypisom",
                             12),
                 &what),
            ContentKind::kBinary);
  EXPECT_EQ(Kind("BZh91AY&SY\x01\x02", &what), ContentKind::kBinary);
  EXPECT_EQ(what, "bzip2 data");
  // Short magics that text could start with need their full signature.
  EXPECT_EQ(Kind("BZh is not bzip2, it is a sentence."), ContentKind::kPage);
  EXPECT_EQ(Kind("ID3 tags are discussed here."), ContentKind::kPage);
  EXPECT_EQ(Kind("MZ is a country code."), ContentKind::kPage);
}

TEST(ReadDetectTest, ControlBytesAreBinary) {
  std::string noise;
  for (int i = 0; i < 1000; ++i) noise.push_back(static_cast<char>(i * 37));
  std::string what;
  EXPECT_EQ(Kind(noise, &what), ContentKind::kBinary);
  EXPECT_EQ(what, "binary data");
  // A stray control byte in text is not enough.
  EXPECT_EQ(Kind("Plenty of ordinary text here \x01 and more of it."),
            ContentKind::kPage);
}

TEST(ReadDetectTest, HtmlOrTextWithNameAsTieBreaker) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html>\n<title>x</title>", ""));
  EXPECT_TRUE(LooksLikeHtml("<div class=a><p>Body</p></div>", ""));
  EXPECT_TRUE(LooksLikeHtml("<HTML><BODY>x", "page.txt"));
  EXPECT_FALSE(LooksLikeHtml("Plain text, a < b and c > d.", "page.html"));
  EXPECT_FALSE(LooksLikeHtml("one tag <br> only", "article.txt"));
  EXPECT_TRUE(LooksLikeHtml("one tag <br> only", "article.html"));
  EXPECT_TRUE(LooksLikeHtml("one tag <br> only", "article.htm.gz"));
  EXPECT_FALSE(LooksLikeHtml("one tag <br> only", "article"));
  EXPECT_FALSE(LooksLikeHtml("<paragraph> is not a tag <pp>", ""));
}

}  // namespace
}  // namespace dateline

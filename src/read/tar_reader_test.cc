#include "read/tar_reader.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "read/read_test_util.h"

namespace dateline {
namespace {

using testing_util::Gzip;
using testing_util::ReadAll;

// Returns one ustar header block for `name` with `size` bytes and `type`.
std::string Header(const std::string& name, size_t size, char type = '0') {
  std::string h(512, '\0');
  h.replace(0, std::min<size_t>(name.size(), 100), name.substr(0, 100));
  std::snprintf(&h[100], 8, "%07o", 0644);
  std::snprintf(&h[108], 8, "%07o", 0);
  std::snprintf(&h[116], 8, "%07o", 0);
  char buf[13];
  std::snprintf(buf, sizeof(buf), "%011zo", size);
  h.replace(124, 11, buf, 11);
  h.replace(136, 11, "00000000000");
  h[156] = type;
  h.replace(257, 6, std::string("ustar\0", 6));
  h.replace(263, 2, "00");
  h.replace(148, 8, "        ");
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  std::snprintf(buf, sizeof(buf), "%06o", sum);
  h.replace(148, 7, buf, 7);
  return h;
}

std::string Member(const std::string& name, const std::string& data,
                   char type = '0') {
  std::string m = Header(name, data.size(), type) + data;
  m.append((512 - data.size() % 512) % 512, '\0');
  return m;
}

std::string End() { return std::string(1024, '\0'); }

const char kStory[] =
    "Minister resigns\n\nThe minister resigned on Monday after a long row "
    "over the budget, officials said.\n";

TEST(TarReaderTest, EachMemberIsAPage) {
  std::string tar = Member("dir/", "", '5') + Member("dir/a.txt", kStory) +
                    Member("dir/b.html", "<html><body><p>Hi there.</p></body></html>") +
                    Member("dir/._a.txt", "\0\0junk") + End();
  for (const std::string& bytes : {tar, Gzip(tar)}) {
    std::vector<Page> pages = ReadAll("c.tar", bytes);
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_TRUE(pages[0].status.ok()) << pages[0].status.ToString();
    EXPECT_EQ(pages[0].source, "c.tar#dir/a.txt");
    EXPECT_EQ(pages[0].content, kStory);
    EXPECT_EQ(pages[0].format, PageFormat::kText);
    EXPECT_EQ(pages[1].format, PageFormat::kHtml);
  }
}

TEST(TarReaderTest, GnuLongNameAndPaxPath) {
  std::string long_name(150, 'n');
  long_name += ".txt";
  std::string pax_rec = "path=p/x.txt\n";
  pax_rec = std::to_string(pax_rec.size() + 3) + " " + pax_rec;
  std::string tar = Member("././@LongLink", long_name + '\0', 'L') +
                    Member("short", kStory) + Member("pax", pax_rec, 'x') +
                    Member("ignored", kStory) + End();
  std::vector<Page> pages = ReadAll("l.tar", tar);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].source, "l.tar#" + long_name);
  EXPECT_EQ(pages[1].source, "l.tar#p/x.txt");
}

TEST(TarReaderTest, MembersAreReadAsInputs) {
  // A gzipped member and a JSON Lines member are unwrapped like files.
  std::string tar = Member("a.txt.gz", Gzip(kStory)) +
                    Member("b.jsonl", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n") +
                    Member("c.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR") + End();
  std::vector<Page> pages = ReadAll("m.tar", tar);
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].content, kStory);
  EXPECT_EQ(pages[1].content, "One.");
  EXPECT_EQ(pages[2].content, "Two.");
  EXPECT_TRUE(pages[3].status.IsNotSupported());
  EXPECT_EQ(pages[3].source, "m.tar#c.png");
}

TEST(TarReaderTest, TruncatedArchiveGivesOneErrorAndKeepsEarlierPages) {
  std::string tar = Member("a.txt", kStory) + Member("b.txt", std::string(3000, 'x'));
  for (size_t cut : {tar.size() - 1000, size_t{512 + 512 + 100}}) {
    std::vector<Page> pages = ReadAll("t.tar", tar.substr(0, cut));
    ASSERT_GE(pages.size(), 2u);
    EXPECT_TRUE(pages[0].status.ok());
    EXPECT_FALSE(pages.back().status.ok());
    EXPECT_NE(pages.back().status.message().find("truncated"), std::string::npos)
        << pages.back().status.ToString();
  }
  // A truncated .tar.gz too.
  std::string gz = Gzip(tar + End());
  std::vector<Page> pages = ReadAll("t.tar.gz", gz.substr(0, gz.size() / 2));
  ASSERT_FALSE(pages.empty());
  EXPECT_FALSE(pages.back().status.ok());
}

TEST(TarReaderTest, BadChecksumStops) {
  std::string tar = Member("a.txt", kStory) + Member("b.txt", kStory) + End();
  tar[512 + 512 + 10] ^= 1;  // corrupt the second header's name
  std::vector<Page> pages = ReadAll("x.tar", tar);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_TRUE(pages[1].status.IsCorruption());
  EXPECT_NE(pages[1].status.message().find("checksum"), std::string::npos);
}

TEST(TarReaderTest, HeaderFields) {
  TarHeader h;
  ASSERT_TRUE(ParseTarHeader(Header("x", 12345), &h).ok());
  EXPECT_EQ(h.size, 12345u);
  EXPECT_EQ(h.name, "x");
  std::string base256 = Header("y", 0);
  base256[124] = static_cast<char>(0x80);
  for (int i = 125; i < 136; ++i) base256[i] = 0;
  base256[135] = 7;
  base256.replace(148, 8, "        ");
  unsigned sum = 0;
  for (unsigned char c : base256) sum += c;
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%06o", sum);
  base256.replace(148, 7, buf, 7);
  ASSERT_TRUE(ParseTarHeader(base256, &h).ok());
  EXPECT_EQ(h.size, 7u);
  EXPECT_FALSE(LooksLikeTar("plain text that is not a tar"));
  EXPECT_FALSE(LooksLikeTar(std::string(512, '\0')));
}

TEST(TarReaderTest, NestedTarIsRead) {
  std::string inner = Member("in.txt", kStory) + End();
  std::vector<Page> pages = ReadAll("o.tar", Member("inner.tar", inner) + End());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].source, "o.tar#inner.tar#in.txt");
}

}  // namespace
}  // namespace dateline

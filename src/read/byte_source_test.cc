#include "read/byte_source.h"

#include <gtest/gtest.h>

#include "dateline/reader.h"
#include "read/read_test_util.h"

namespace dateline {
namespace {

using testing_util::Gzip;

// Reads a whole source in small pieces.
Status Drain(ByteSource* src, std::string* out, size_t piece = 7) {
  char buf[64];
  while (true) {
    size_t got = 0;
    Status s = src->Read(buf, std::min(piece, sizeof(buf)), &got);
    out->append(buf, got);
    if (!s.ok()) return s;
    if (got == 0) return Status::OK();
  }
}

TEST(ReadGzipTest, SingleMember) {
  GzipSource gz(std::make_unique<StringSource>(Gzip("hello, world")), "x.gz");
  std::string out;
  ASSERT_TRUE(Drain(&gz, &out).ok());
  EXPECT_EQ(out, "hello, world");
}

TEST(ReadGzipTest, MultiMemberAsWarcGzWrites) {
  std::string data = Gzip("first ") + Gzip("second ") + Gzip("third");
  GzipSource gz(std::make_unique<StringSource>(data), "x.gz");
  std::string out;
  ASSERT_TRUE(Drain(&gz, &out, 3).ok());
  EXPECT_EQ(out, "first second third");
}

TEST(ReadGzipTest, TrailingGarbageIgnored) {
  std::string data = Gzip("payload") + std::string(16, '\0');
  GzipSource gz(std::make_unique<StringSource>(data), "x.gz");
  std::string out;
  ASSERT_TRUE(Drain(&gz, &out).ok());
  EXPECT_EQ(out, "payload");
}

TEST(ReadGzipTest, TruncatedIsCorruption) {
  std::string text(5000, 'a');
  uint32_t state = 7;
  for (char& c : text) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>('a' + (state >> 16) % 26);
  }
  std::string data = Gzip(text);
  data.resize(data.size() / 2);
  GzipSource gz(std::make_unique<StringSource>(data), "cut.gz");
  std::string out;
  Status s = Drain(&gz, &out);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.message().find("truncated gzip"), std::string::npos);
  EXPECT_NE(s.message().find("cut.gz"), std::string::npos);
  EXPECT_LT(out.size(), text.size());
  EXPECT_EQ(out, text.substr(0, out.size()));
}

TEST(ReadGzipTest, BadDataIsCorruption) {
  std::string data = Gzip("some text that is long enough to matter");
  for (size_t i = 12; i < data.size() - 8; ++i) data[i] ^= 0x5a;
  GzipSource gz(std::make_unique<StringSource>(data), "bad.gz");
  std::string out;
  Status s = Drain(&gz, &out);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
}

TEST(ReadGzipTest, InflateBoundedStopsGzipBomb) {
  std::string zeros(50 << 20, '\0');  // 50 MB compresses to ~50 KB
  std::string bomb = Gzip(zeros);
  zeros.clear();
  zeros.shrink_to_fit();
  std::string out;
  Status s = InflateBounded(bomb, /*gzip=*/true, 1 << 20, &out);
  EXPECT_TRUE(s.IsInvalidArgument()) << s.ToString();
  EXPECT_LE(out.size(), (1u << 20) + 1);
}

TEST(ReadGzipTest, InflateBoundedZlibAndRawDeflate) {
  std::string out;
  ASSERT_TRUE(
      InflateBounded(testing_util::Compress("zlib body", 15), false, 1000, &out)
          .ok());
  EXPECT_EQ(out, "zlib body");
  ASSERT_TRUE(
      InflateBounded(testing_util::Compress("raw body", -15), false, 1000, &out)
          .ok());
  EXPECT_EQ(out, "raw body");
  std::string cut = Gzip(std::string(3000, 'x') + "tail");
  cut.resize(cut.size() - 10);
  EXPECT_TRUE(InflateBounded(cut, true, 100000, &out).IsCorruption());
}

TEST(ReadBufferTest, LinesExactAndSkip) {
  StringSource src("one\r\ntwo\n\nthree-is-long\nrest");
  BufferedReader in(&src);
  std::string_view line;
  bool too_long = false;
  ASSERT_TRUE(in.ReadLine(100, &line, &too_long));
  EXPECT_EQ(line, "one");
  ASSERT_TRUE(in.ReadLine(100, &line, &too_long));
  EXPECT_EQ(line, "two");
  ASSERT_TRUE(in.ReadLine(100, &line, &too_long));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(in.ReadLine(5, &line, &too_long));
  EXPECT_TRUE(too_long);
  in.SkipLine();
  EXPECT_EQ(in.Peek(2), "re");
  std::string out;
  EXPECT_TRUE(in.ReadExact(2, &out));
  EXPECT_EQ(out, "re");
  EXPECT_TRUE(in.Skip(1));
  EXPECT_FALSE(in.ReadExact(5, &out));
  EXPECT_EQ(out, "ret");
  EXPECT_TRUE(in.AtEnd());
  EXPECT_FALSE(in.ReadLine(100, &line, &too_long));
}

TEST(ReadBufferTest, LastLineWithoutNewline) {
  StringSource src("a\nb");
  BufferedReader in(&src);
  std::string_view line;
  bool too_long;
  ASSERT_TRUE(in.ReadLine(10, &line, &too_long));
  EXPECT_TRUE(in.last_line_terminated());
  ASSERT_TRUE(in.ReadLine(10, &line, &too_long));
  EXPECT_EQ(line, "b");
  EXPECT_FALSE(in.last_line_terminated());
}

TEST(ReadBufferTest, ReadUpToStopsAtLimitOverGzipBomb) {
  std::string zeros(20 << 20, 'z');
  GzipSource gz(std::make_unique<StringSource>(Gzip(zeros)), "bomb.gz");
  zeros.clear();
  zeros.shrink_to_fit();
  BufferedReader in(&gz);
  std::string out;
  EXPECT_FALSE(in.ReadUpTo(1 << 20, &out));  // more remains
  EXPECT_EQ(out.size(), 1u << 20);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(ReadFileTest, OpenAndReadErrors) {
  std::unique_ptr<ByteSource> src;
  Status s = FileSource::Open("/nonexistent/dir/file.html", &src);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("/nonexistent/dir/file.html"), std::string::npos);
  // A directory opens with stdio on Linux but cannot be read: this is the
  // read-error path that an unreadable file takes when not running as root.
  ASSERT_TRUE(FileSource::Open("/", &src).ok());
  char buf[16];
  size_t got = 0;
  s = src->Read(buf, sizeof(buf), &got);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_EQ(got, 0u);
  std::vector<Page> pages;
  ReadBlob("x", "", ReadOptions(), &pages);
  ASSERT_EQ(pages.size(), 1u);
}

}  // namespace
}  // namespace dateline

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/utf8.h"
#include "dateline/reader.h"
#include "read/read_test_util.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using testing_util::Gzip;
using testing_util::ReadAll;

Page One(const std::string& name, std::string bytes,
         const ReadOptions& options = ReadOptions()) {
  std::vector<Page> pages = ReadAll(name, std::move(bytes), options);
  EXPECT_EQ(pages.size(), 1u);
  return pages.empty() ? Page() : pages[0];
}

TEST(ReadBlobTest, HtmlAndText) {
  Page html = One("a.html", "<!DOCTYPE html><html><p>Hello</p></html>");
  EXPECT_TRUE(html.status.ok());
  EXPECT_EQ(html.format, PageFormat::kHtml);
  EXPECT_EQ(html.source, "a.html");
  EXPECT_EQ(html.charset, "utf-8");
  Page text = One("a.txt", "SEOUL (AP) - Words of a story.\n\nMore.");
  EXPECT_EQ(text.format, PageFormat::kText);
  EXPECT_EQ(text.content, "SEOUL (AP) - Words of a story.\n\nMore.");
  // Content, not the name, decides.
  Page lying = One("story.txt", "<html><body><p>x</p></body></html>");
  EXPECT_EQ(lying.format, PageFormat::kHtml);
}

TEST(ReadBlobTest, GzippedPageWithMetaCharset) {
  Page p = One("a.html.gz",
               Gzip("<html><meta charset=windows-1252><p>\x93hi\x94</p>"));
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  EXPECT_EQ(p.format, PageFormat::kHtml);
  EXPECT_EQ(p.charset, "windows-1252");
  EXPECT_NE(p.content.find("\xe2\x80\x9chi\xe2\x80\x9d"), std::string::npos);
}

TEST(ReadBlobTest, EmptyAndBinary) {
  EXPECT_EQ(One("e.html", "").status.message(), "e.html: empty input");
  EXPECT_TRUE(One("w.txt", "\n \n\t").status.IsInvalidArgument());
  EXPECT_TRUE(One("e.gz", Gzip("")).status.IsInvalidArgument());
  Page png = One("x.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
  EXPECT_TRUE(png.status.IsNotSupported());
  EXPECT_EQ(png.status.message(), "x.html: binary file (PNG image)");
  EXPECT_TRUE(png.content.empty());
  Page tgz =
      One("x.tar.gz", Gzip(std::string("name.txt") + std::string(249, '\0') +
                           "ustar  " + std::string(300, '\0')));
  EXPECT_NE(tgz.status.message().find("tar archive"), std::string::npos);
}

TEST(ReadBlobTest, InvalidUtf8IsRepairedNotAnError) {
  Page p = One("bad.txt", "caf\xc3\xa9 and \xc3\x28 broken \xed\xa0\x80");
  EXPECT_TRUE(p.status.ok());
  EXPECT_TRUE(IsValidUtf8(p.content));
  EXPECT_EQ(p.charset, "windows-1252");  // not valid UTF-8: fallback
}

TEST(ReadBlobTest, SizeLimit) {
  ReadOptions options;
  options.max_page_bytes = 100;
  Page big = One("big.html", "<p>" + std::string(200, 'a') + "</p>", options);
  EXPECT_TRUE(big.status.IsInvalidArgument());
  EXPECT_NE(big.status.message().find("limit of 100"), std::string::npos);
  Page fits = One("ok.html", "<p>" + std::string(90, 'a') + "</p>", options);
  EXPECT_TRUE(fits.status.ok());
}

TEST(ReadBlobTest, GzipBombStopsAtLimit) {
  ReadOptions options;
  options.max_page_bytes = 1 << 20;
  std::string bomb = Gzip(std::string(64 << 20, 'a'));  // 64 MB -> ~64 KB
  Page p = One("bomb.html.gz", std::move(bomb), options);
  EXPECT_TRUE(p.status.IsInvalidArgument()) << p.status.ToString();
}

TEST(ReadBlobTest, TruncatedGzipPage) {
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i)
    html += "<p>para " + std::to_string(i) + "</p>";
  std::string gz = Gzip(html);
  gz.resize(gz.size() - 100);
  Page p = One("cut.html.gz", gz);
  EXPECT_TRUE(p.status.IsCorruption());
  EXPECT_NE(p.status.message().find("truncated gzip"), std::string::npos);
  // Cut inside the gzip header: nothing decodes at all.
  Page tiny = One("tiny.gz", gz.substr(0, 5));
  EXPECT_TRUE(tiny.status.IsCorruption()) << tiny.status.ToString();
}

class ReadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_read_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked.html", fs::perms::owner_all,
                    fs::perm_options::replace, ec);
    fs::remove_all(dir_, ec);
  }
  void Write(const fs::path& rel, const std::string& bytes) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << bytes;
  }
  std::vector<Page> ReadInputs(std::vector<std::string> inputs) {
    auto reader = InputReader::Open(std::move(inputs), ReadOptions());
    std::vector<Page> pages;
    Page page;
    while (reader->Next(&page)) pages.push_back(page);
    return pages;
  }
  fs::path dir_;
};

TEST_F(ReadInputTest, DirectoryWalkedRecursivelyAndSorted) {
  Write("b.html", "<p>b</p><p>b</p>");
  Write("a/z.txt", "z text");
  Write("a/c.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  Write(".hidden/x.html", "<p>hidden</p>");
  Write(".DS_Store", std::string("\0\0\0\1Bud1", 8));
  std::vector<Page> pages = ReadInputs({dir_.string()});
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].source, (dir_ / "a/c.jsonl").string() + ":1");
  EXPECT_EQ(pages[1].source, (dir_ / "a/c.jsonl").string() + ":2");
  EXPECT_EQ(pages[2].source, (dir_ / "a/z.txt").string());
  EXPECT_EQ(pages[3].source, (dir_ / "b.html").string());
  for (const Page& p : pages) EXPECT_TRUE(p.status.ok()) << p.source;
}

TEST_F(ReadInputTest, MissingFileEmptyDirectoryAndGoodFileTogether) {
  fs::create_directories(dir_ / "empty");
  Write("good.html", "<html><p>good</p></html>");
  std::vector<Page> pages =
      ReadInputs({(dir_ / "missing.html").string(), (dir_ / "empty").string(),
                  (dir_ / "good.html").string()});
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_TRUE(pages[0].status.IsNotFound());
  EXPECT_NE(pages[0].status.message().find("missing.html"), std::string::npos);
  EXPECT_TRUE(pages[1].status.IsInvalidArgument());
  EXPECT_NE(pages[1].status.message().find("no files"), std::string::npos);
  EXPECT_TRUE(pages[2].status.ok());
}

TEST_F(ReadInputTest, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  Write("locked.html", "<p>secret</p>");
  fs::permissions(dir_ / "locked.html", fs::perms::none);
  std::vector<Page> pages = ReadInputs({(dir_ / "locked.html").string()});
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].status.IsIOError()) << pages[0].status.ToString();
}

TEST_F(ReadInputTest, LargeFileOverLimitIsRefusedUnread) {
  Write("big.html", std::string(3000, 'a'));
  ReadOptions options;
  options.max_page_bytes = 1000;
  auto reader = InputReader::Open({(dir_ / "big.html").string()}, options);
  Page page;
  ASSERT_TRUE(reader->Next(&page));
  EXPECT_TRUE(page.status.IsInvalidArgument());
  EXPECT_FALSE(reader->Next(&page));
}

// `--outlet`: pages whose input names no outlet get the option's.
TEST(ReadBlobTest, OutletOptionOnlyWhereTheInputNamesNone) {
  ReadOptions options;
  options.outlet = "BBC News";
  Page plain = One("story.txt", "Headline\n\nSome words of a story.\n",
                   options);
  EXPECT_EQ(plain.metadata.outlet, "BBC News");
  EXPECT_EQ(plain.metadata.outlet_origin, "option");
  std::vector<Page> pages =
      ReadAll("feed.jsonl",
              "{\"text\": \"a\", \"outlet\": \"Ledger\"}\n{\"text\": \"b\"}\n",
              options);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].metadata.outlet, "Ledger");
  EXPECT_EQ(pages[0].metadata.outlet_origin, "");
  EXPECT_EQ(pages[1].metadata.outlet, "BBC News");
  // No option: nothing added.
  EXPECT_EQ(One("story.txt", "Headline\n\nWords.\n").metadata.outlet, "");
}

}  // namespace
}  // namespace dateline

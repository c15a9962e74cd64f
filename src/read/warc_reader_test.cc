#include "read/warc_reader.h"

#include <gtest/gtest.h>

#include "read/read_test_util.h"

namespace dateline {
namespace {

using testing_util::Gzip;
using testing_util::HttpBlock;
using testing_util::ReadAll;
using testing_util::WarcRecord;

const char kHtml[] = "<html><body><p>Story text.</p></body></html>";

std::string Response(std::string_view uri, std::string_view http_headers,
                     std::string_view body,
                     std::string_view status = "200 OK") {
  return WarcRecord("response", uri, "application/http; msgtype=response",
                    HttpBlock(http_headers, body, status));
}

std::string Warcinfo() {
  return WarcRecord("warcinfo", "", "application/warc-fields",
                    "software: test\r\n");
}

TEST(ReadWarcTest, ResponseRecordsBecomePages) {
  std::string warc =
      Warcinfo() +
      WarcRecord("request", "http://a.example/1", "application/http",
                 "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n") +
      Response("http://a.example/1", "Content-Type: text/html\r\n", kHtml) +
      WarcRecord("metadata", "http://a.example/1", "application/warc-fields",
                 "fetchTimeMs: 5\r\n") +
      Response("http://a.example/2",
               "Content-Type: text/plain; charset=utf-8\r\n", "Plain story.");
  std::vector<Page> pages = ReadAll("crawl.warc", warc);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok()) << pages[0].status.ToString();
  EXPECT_EQ(pages[0].source, "crawl.warc#record=3");
  EXPECT_EQ(pages[0].url, "http://a.example/1");
  EXPECT_EQ(pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(pages[0].content, kHtml);
  EXPECT_EQ(pages[1].source, "crawl.warc#record=5");
  EXPECT_EQ(pages[1].format, PageFormat::kText);
  EXPECT_EQ(pages[1].content, "Plain story.");
}

TEST(ReadWarcTest, ResourceAndConversionRecords) {
  std::string warc =
      WarcRecord("resource", "file:///a.html", "text/html", kHtml) +
      WarcRecord("conversion", "http://a.example/x", "text/plain",
                 "Converted text.") +
      WarcRecord("conversion", "http://a.example/y", "application/pdf",
                 "%PDF-1.4");
  std::vector<Page> pages = ReadAll("r.warc", warc);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].content, kHtml);
  EXPECT_EQ(pages[1].content, "Converted text.");
  EXPECT_EQ(pages[1].format, PageFormat::kText);
  EXPECT_TRUE(pages[2].status.IsNotSupported());
}

TEST(ReadWarcTest, ChunkedPayload) {
  std::string chunked =
      "7\r\n<p>Chun\r\n0b\r\nked body</p\r\n1;ext=1\r\n>\r\n"
      "0\r\nTrailer: x\r\n\r\n";
  std::string warc = Response("http://c.example/",
                              "Content-Type: text/html\r\nTransfer-Encoding: "
                              "chunked\r\n",
                              chunked);
  std::vector<Page> pages = ReadAll("c.warc", warc);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].status.ok()) << pages[0].status.ToString();
  EXPECT_EQ(pages[0].content, "<p>Chunked body</p>");
}

TEST(ReadWarcTest, ChunkedHeaderButDechunkedBodyIsKept) {
  std::string warc = Response(
      "http://c.example/",
      "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", kHtml);
  std::vector<Page> pages = ReadAll("c.warc", warc);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].content, kHtml);
}

TEST(ReadWarcTest, GzipContentEncodingAndHeaderCharset) {
  std::string body = Gzip("<p>caf\xe9</p>");
  std::string warc = Response("http://g.example/",
                              "Content-Type: text/html; charset=ISO-8859-1\r\n"
                              "Content-Encoding: gzip\r\n",
                              body);
  std::vector<Page> pages = ReadAll("g.warc", warc);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_TRUE(pages[0].status.ok()) << pages[0].status.ToString();
  EXPECT_EQ(pages[0].content, "<p>caf\xc3\xa9</p>");
  EXPECT_EQ(pages[0].charset, "windows-1252");
}

TEST(ReadWarcTest, DeflateContentEncoding) {
  std::string warc =
      Response("http://d.example/",
               "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
               testing_util::Compress(kHtml, 15));
  std::vector<Page> pages = ReadAll("d.warc", warc);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].content, kHtml);
}

TEST(ReadWarcTest, NonTextAndErrorResponsesGiveErrorPages) {
  std::string warc =
      Response("http://i.example/a.png", "Content-Type: image/png\r\n",
               "\x89PNG\r\n\x1a\n") +
      Response("http://i.example/gone", "Content-Type: text/html\r\n",
               "<p>Not found</p>", "404 Not Found") +
      Response("http://i.example/lie", "Content-Type: text/html\r\n",
               "%PDF-1.5 binary") +
      Response("http://i.example/br",
               "Content-Type: text/html\r\nContent-Encoding: br\r\n",
               "\x0b\x02\x80") +
      Response("http://i.example/ok", "Content-Type: text/html\r\n", kHtml);
  std::vector<Page> pages = ReadAll("i.warc", warc);
  ASSERT_EQ(pages.size(), 5u);
  EXPECT_TRUE(pages[0].status.IsNotSupported());
  EXPECT_NE(pages[0].status.message().find("image/png"), std::string::npos);
  EXPECT_NE(pages[1].status.message().find("404"), std::string::npos);
  EXPECT_NE(pages[2].status.message().find("PDF"), std::string::npos);
  EXPECT_NE(pages[3].status.message().find("br"), std::string::npos);
  EXPECT_TRUE(pages[4].status.ok());
  EXPECT_EQ(pages[0].url, "http://i.example/a.png");
  for (const Page& p : pages) {
    if (!p.status.ok()) {
      EXPECT_TRUE(p.content.empty());
    }
  }
}

TEST(ReadWarcTest, TruncatedFinalRecordGivesOneError) {
  std::string warc =
      Response("http://t.example/1", "Content-Type: text/html\r\n", kHtml) +
      Response("http://t.example/2", "Content-Type: text/html\r\n", kHtml);
  warc.resize(warc.size() - 20);
  std::vector<Page> pages = ReadAll("t.warc", warc);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_TRUE(pages[1].status.IsCorruption());
  EXPECT_NE(pages[1].status.message().find("truncated WARC record 2"),
            std::string::npos)
      << pages[1].status.ToString();
  EXPECT_EQ(pages[1].source, "t.warc#record=2");
}

TEST(ReadWarcTest, TruncatedInsideHeader) {
  std::string first =
      Response("http://t.example/1", "Content-Type: text/html\r\n", kHtml);
  std::string warc = first + "WARC/1.0\r\nWARC-Type: resp";
  std::vector<Page> pages = ReadAll("h.warc", warc);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[1].status.IsCorruption());
}

TEST(ReadWarcTest, WarcGzMultiMember) {
  std::string gz =
      Gzip(Warcinfo()) +
      Gzip(Response("http://z.example/1", "Content-Type: text/html\r\n",
                    kHtml)) +
      Gzip(Response("http://z.example/2", "Content-Type: text/html\r\n",
                    "<p>Second</p>"));
  std::vector<Page> pages = ReadAll("crawl.warc.gz", gz);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].url, "http://z.example/1");
  EXPECT_EQ(pages[1].content, "<p>Second</p>");
  EXPECT_EQ(pages[1].source, "crawl.warc.gz#record=3");
}

TEST(ReadWarcTest, TruncatedWarcGzGivesPagesSoFarPlusOneError) {
  // Random letters, so the record stays large when compressed.
  std::string big(20000, 'x');
  uint32_t state = 12345;
  for (char& c : big) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>('a' + (state >> 16) % 26);
  }
  std::string gz =
      Gzip(Response("http://z.example/1", "Content-Type: text/html\r\n",
                    kHtml)) +
      Gzip(Response("http://z.example/2", "Content-Type: text/plain\r\n", big));
  ASSERT_GT(gz.size(), 6000u);
  gz.resize(gz.size() - 3000);
  std::vector<Page> pages = ReadAll("cut.warc.gz", gz);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_TRUE(pages[1].status.IsCorruption());
  EXPECT_NE(pages[1].status.message().find("truncated gzip"), std::string::npos)
      << pages[1].status.ToString();
}

TEST(ReadWarcTest, RecordOverSizeLimitIsRefusedAndSkipped) {
  ReadOptions options;
  options.max_page_bytes = 1000;
  std::string warc =
      WarcRecord("resource", "http://l.example/big", "text/plain",
                 std::string(3 << 20, 'a')) +
      WarcRecord("resource", "http://l.example/small", "text/plain", "Small.");
  std::vector<Page> pages = ReadAll("l.warc", warc, options);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.IsInvalidArgument());
  EXPECT_NE(pages[0].status.message().find("limit"), std::string::npos);
  EXPECT_EQ(pages[1].content, "Small.");
}

TEST(ReadWarcTest, PayloadOverLimitAfterGunzipIsRefused) {
  ReadOptions options;
  options.max_page_bytes = 4096;
  std::string warc =
      Response("http://b.example/bomb",
               "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
               Gzip(std::string(10 << 20, ' ')));
  std::vector<Page> pages = ReadAll("bomb.warc", warc, options);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].status.IsInvalidArgument())
      << pages[0].status.ToString();
}

TEST(ReadWarcTest, MissingContentLengthOrGarbageStops) {
  std::vector<Page> pages =
      ReadAll("n.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody");
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_NE(pages[0].status.message().find("Content-Length"),
            std::string::npos);
  std::string warc =
      Response("http://a/1", "Content-Type: text/html\r\n", kHtml) +
      "garbage between records\r\n";
  pages = ReadAll("g.warc", warc);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_NE(pages[1].status.message().find("expected a WARC record header"),
            std::string::npos);
}

TEST(ReadWarcTest, HttpHelpers) {
  HttpResponse http;
  ASSERT_TRUE(ParseHttpResponse(
      "HTTP/1.0 200 OK\nContent-Type: text/html\nX-Long: a\n b\n\nBODY",
      &http));
  EXPECT_EQ(http.status, 200);
  EXPECT_EQ(http.Header("content-type"), "text/html");
  EXPECT_EQ(http.Header("x-long"), "a b");
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nNo-End: x", &http));
  std::string out;
  EXPECT_FALSE(Dechunk("<html>", &out));
  EXPECT_TRUE(Dechunk("5\r\nabcde\r\nff\r\nxy", &out));  // cut short
  EXPECT_EQ(out, "abcdexy");
}

// A WARC record with its WARC-Date and, optionally, Last-Modified.
std::string DatedResponse(std::string_view uri, std::string_view warc_date,
                          std::string_view http_headers) {
  std::string block = HttpBlock(http_headers, kHtml);
  std::string r = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ";
  r.append(uri).append("\r\nWARC-Date: ").append(warc_date);
  r.append("\r\nContent-Type: application/http; msgtype=response\r\n");
  r.append("Content-Length: ").append(std::to_string(block.size()));
  r.append("\r\n\r\n").append(block).append("\r\n\r\n");
  return r;
}

TEST(ReadWarcTest, FetchDateFromHttpLastModifiedElseWarcDate) {
  std::string warc =
      DatedResponse("http://a.example/1", "2024-05-02T10:00:00Z",
                    "Content-Type: text/html\r\n"
                    "Last-Modified: Wed, 01 May 2024 08:30:00 GMT\r\n") +
      DatedResponse("http://a.example/2", "2024-05-02T10:00:05Z",
                    "Content-Type: text/html\r\n");
  std::vector<Page> pages = ReadAll("crawl.warc", warc);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].status.ok());
  EXPECT_EQ(pages[0].metadata.origin, "warc");
  EXPECT_EQ(pages[0].metadata.fetched, "Wed, 01 May 2024 08:30:00 GMT");
  EXPECT_EQ(pages[0].metadata.fetched_origin, "http");
  EXPECT_EQ(pages[1].metadata.fetched, "2024-05-02T10:00:05Z");
  EXPECT_EQ(pages[1].metadata.fetched_origin, "warc");
}

}  // namespace
}  // namespace dateline

// End to end, the binary on inputs that carry metadata (issue 16, item 1):
// a JSON Lines file in the shapes news-please, trafilatura and scrapers
// write (tests/testdata/metadata/articles.jsonl), Reuters-21578's SGML layout
// (handwritten_reuters_layout.sgm: two stories written for the test, in
// that layout; no text of the corpus), a WARC with header dates, and
// `--outlet`. Each record keeps what its input says, with metadata_source
// naming where it came from.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dateline {
namespace {

namespace fs = std::filesystem;
const std::string kBinary = DATELINE_BINARY;
const std::string kData =
    std::string(DATELINE_SOURCE_DIR) + "/tests/testdata/metadata/";

std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    out.append(buf.data(), n);
  }
  int st = pclose(pipe);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

std::vector<nlohmann::json> Records(const std::string& args) {
  int status = -1;
  std::string out =
      RunCommand(kBinary + " extract --stages clean -j 1 " + args + " 2>/dev/null",
          &status);
  EXPECT_EQ(status, 0) << args;
  std::vector<nlohmann::json> records;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    if (nl > pos) records.push_back(nlohmann::json::parse(out.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return records;
}

std::string Source(const nlohmann::json& r, const char* field) {
  const auto& m = r.at("metadata_source");
  return m.contains(field) ? m[field].get<std::string>() : "";
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("dateline_input_metadata_" + std::to_string(getpid()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Test for issue 16: a JSONL of articles with title, author and date per
// record came out title 0/89, authors 0/89, published 0/89.
TEST(InputMetadataExtractTest, JsonlInTheCommonShapesKeepsItsMetadata) {
  std::vector<nlohmann::json> r = Records(kData + "articles.jsonl");
  ASSERT_EQ(r.size(), 5u);
  for (const auto& rec : r) EXPECT_FALSE(rec.contains("error")) << rec.dump();

  // news-please: maintext, authors list, date_publish, source_domain.
  EXPECT_EQ(r[0]["title"], "Port authority approves second container terminal");
  EXPECT_EQ(r[0]["authors"],
            nlohmann::json({"Mirela Sandoval", "Tomas Okafor"}));
  EXPECT_EQ(r[0]["published"], "2024-03-01T17:42");
  EXPECT_EQ(r[0]["outlet"], "Harborgazette");
  EXPECT_EQ(r[0]["language"], "en");
  EXPECT_EQ(r[0]["description"],
            "The port authority approved a second container terminal after "
            "two years of hearings.");
  for (const char* f : {"title", "authors", "published", "outlet", "url"}) {
    EXPECT_EQ(Source(r[0], f), "input:jsonl") << f;
  }

  // trafilatura: author "A; B", date, source-hostname, tags "a,b,c".
  EXPECT_EQ(r[1]["id"], "traf-0002");
  EXPECT_EQ(r[1]["title"],
            "Drought forces early end to rice planting in the valley");
  EXPECT_EQ(r[1]["authors"], nlohmann::json({"Priya Raman", "Jonas Feld"}));
  EXPECT_EQ(r[1]["published"], "2024-04-11");
  EXPECT_EQ(r[1]["outlet"], "Valley Tribune");
  EXPECT_EQ(r[1]["tags"], nlohmann::json({"drought", "rice", "irrigation"}));
  for (const char* f : {"title", "authors", "published", "outlet", "tags"}) {
    EXPECT_EQ(Source(r[1], f), "input:jsonl") << f;
  }

  // A scraper record with an HTML body whose own metas disagree: the
  // record's fields win over the page's (og:site_name "Ledger Online",
  // author "Web Desk", another date).
  EXPECT_EQ(r[2]["title"], "Coalition reaches budget deal after all-night talks");
  EXPECT_EQ(r[2]["authors"],
            nlohmann::json({"Hanna Lindqvist", "Omar Haddad"}));
  EXPECT_EQ(r[2]["published"], "2024-05-20T06:30+02:00");
  EXPECT_EQ(r[2]["outlet"], "The Northern Ledger");
  EXPECT_EQ(r[2]["tags"], nlohmann::json({"budget", "coalition", "parliament"}));
  for (const char* f : {"title", "authors", "published", "outlet", "tags"}) {
    EXPECT_EQ(Source(r[2], f), "input:jsonl") << f;
  }
  EXPECT_EQ(Source(r[2], "language"), "html:lang");

  // Only a body and a URL: the page's own metadata, and where it came from.
  EXPECT_EQ(r[3]["title"], "Ferry service resumes after storm");
  EXPECT_EQ(r[3]["authors"], nlohmann::json({"Lea Moreau"}));
  EXPECT_EQ(r[3]["published"], "2024-06-03T07:00+00:00");
  EXPECT_EQ(Source(r[3], "title"), "html:json-ld");
  EXPECT_EQ(Source(r[3], "authors"), "html:json-ld");
  EXPECT_EQ(Source(r[3], "published"), "html:json-ld");
  EXPECT_EQ(Source(r[3], "url"), "input:jsonl");

  // NewsAPI-like: body, source.name, authors as objects, epoch pubdate.
  EXPECT_EQ(r[4]["title"], "Night buses to reach eastern suburbs");
  EXPECT_EQ(r[4]["authors"], nlohmann::json({"Sam Ortiz"}));
  EXPECT_EQ(r[4]["published"], "2024-06-10T06:13:20+00:00");
  EXPECT_EQ(r[4]["outlet"], "Metro Daily");
  EXPECT_EQ(r[4]["language"], "en");
  for (const char* f : {"title", "authors", "published", "outlet"}) {
    EXPECT_EQ(Source(r[4], f), "input:jsonl") << f;
  }
}

// Test for issue 16: 0 of 19,393 archived BBC/Reuters articles had an
// outlet, and Reuters titles' suffixes ("- TRADE", "- APRIL 7") became
// outlets and were cut from the titles.
TEST(InputMetadataExtractTest, ReutersSgmlIsReutersWithItsDates) {
  std::vector<nlohmann::json> r = Records(kData + "handwritten_reuters_layout.sgm");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0]["outlet"], "Reuters");
  EXPECT_EQ(r[0]["title"], "COCOA GROWERS EXPECT LATE HARVEST - TRADE");
  EXPECT_EQ(r[0]["published"], "1987-02-26T15:01");
  EXPECT_EQ(r[0]["tags"], nlohmann::json({"cocoa", "el-salvador", "usa"}));
  EXPECT_EQ(r[1]["outlet"], "Reuters");
  EXPECT_EQ(r[1]["title"], "SHIPYARD WINS FERRY ORDER - APRIL 7");
  EXPECT_EQ(r[1]["published"], "1987-04-07T11:02");
  for (const auto& rec : r) {
    for (const char* f : {"title", "published", "outlet", "tags"}) {
      EXPECT_EQ(Source(rec, f), "input:reuters") << f;
    }
  }
}

TEST(InputMetadataExtractTest, WarcHeaderDateWhenThePageGivesNone) {
  TempDir dir;
  auto record = [](const std::string& uri, const std::string& warc_date,
                   const std::string& http_headers, const std::string& html) {
    std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" +
                        http_headers + "\r\n" + html;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: " + warc_date +
           "\r\nContent-Type: application/http; msgtype=response\r\n"
           "Content-Length: " +
           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  };
  const std::string body =
      "<p>The river ferry sailed again on Monday after three days in port "
      "while the storm passed over the estuary.</p><p>The operator said all "
      "crossings would run to the summer timetable from Tuesday, with extra "
      "sailings for stranded visitors.</p>";
  std::ofstream(dir.path() / "crawl.warc")
      << record("https://a.example/undated", "2024-05-02T10:00:00Z",
                "Last-Modified: Wed, 01 May 2024 08:30:00 GMT\r\n",
                "<html><head><title>Ferry sails again</title></head><body>"
                "<article>" + body + "</article></body></html>")
      << record("https://a.example/crawled", "2024-05-02T10:00:05Z", "",
                "<html><head><title>Ferry sails again</title></head><body>"
                "<article>" + body + "</article></body></html>")
      << record("https://a.example/dated", "2024-05-02T10:00:09Z",
                "Last-Modified: Wed, 01 May 2024 08:30:00 GMT\r\n",
                "<html><head><title>Ferry sails again</title><meta "
                "property=\"article:published_time\" "
                "content=\"2024-04-29T07:00:00Z\"></head><body><article>" +
                    body + "</article></body></html>");
  std::vector<nlohmann::json> r = Records((dir.path() / "crawl.warc").string());
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0]["published"], "2024-05-01T08:30+00:00");
  EXPECT_EQ(Source(r[0], "published"), "input:http");
  EXPECT_EQ(r[1]["published"], "2024-05-02T10:00:05+00:00");
  EXPECT_EQ(Source(r[1], "published"), "input:warc");
  // The page's own date outranks when it was fetched.
  EXPECT_EQ(r[2]["published"], "2024-04-29T07:00+00:00");
  EXPECT_EQ(Source(r[2], "published"), "html:meta");
  EXPECT_EQ(Source(r[2], "url"), "input:warc");
}

TEST(InputMetadataExtractTest, OutletOptionForInputsThatNameNone) {
  TempDir dir;
  std::ofstream(dir.path() / "story.txt")
      << "Taxes must be trusted - Kennedy\n\nThe Liberal Democrat leader "
         "said on Monday that voters would only accept higher taxes if they "
         "trusted how the money was spent.\n\nHe told a meeting in the city "
         "that his party would publish every spending plan in full before "
         "the election.\n";
  std::vector<nlohmann::json> r =
      Records("--outlet 'BBC News' " + (dir.path() / "story.txt").string() +
              " " + kData + "handwritten_reuters_layout.sgm");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0]["outlet"], "BBC News");
  EXPECT_EQ(Source(r[0], "outlet"), "input:option");
  // Test for issue 16: without an outlet the cleaner took the headline's
  // attribution for the site ("Kennedy"); with one, it stays in the title.
  EXPECT_EQ(r[0]["title"], "Taxes must be trusted - Kennedy");
  // The input's own outlet outranks the option.
  EXPECT_EQ(r[1]["outlet"], "Reuters");
  EXPECT_EQ(Source(r[1], "outlet"), "input:reuters");
}

// Must show (issue 16): Reuters SGML archived as outlet Reuters with its
// dates.
TEST(InputMetadataIngestTest, ReutersArchivedAsReutersWithItsDates) {
  TempDir dir;
  const std::string db = (dir.path() / "a.db").string();
  int status = -1;
  std::string out = RunCommand(kBinary + " ingest -q -j 1 --archive " + db + " " +
                            kData + "handwritten_reuters_layout.sgm 2>&1",
                        &status);
  ASSERT_EQ(status, 0) << out;
  out = RunCommand(kBinary + " search --archive " + db +
                " --outlet Reuters --json 'ferry OR cocoa'",
            &status);
  ASSERT_EQ(status, 0) << out;
  std::vector<std::string> published;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    if (nl > pos) {
      auto j = nlohmann::json::parse(out.substr(pos, nl - pos));
      EXPECT_EQ(j["outlet"], "Reuters") << j.dump();
      published.push_back(j["published"].get<std::string>());
    }
    pos = nl + 1;
  }
  std::sort(published.begin(), published.end());
  EXPECT_EQ(published, (std::vector<std::string>{"1987-02-26T15:01",
                                                 "1987-04-07T11:02"}));
}

}  // namespace
}  // namespace dateline

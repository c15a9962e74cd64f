// End-to-end: runs the built `dateline` binary over a directory of bad
// inputs and checks that every page gives exactly one JSON record, that the
// unreadable ones carry an `error`, that nothing crashes, and that the good
// page comes through. Asserts reading behaviour only, not extraction
// quality. The long page is DATELINE_BAD_INPUT_LONG_MB megabytes (default
// 50, 8 under AddressSanitizer; 200 was measured by hand, see
// docs/formats.md).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "read/read_test_util.h"

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

namespace fs = std::filesystem;

// One gzip member, built by the reader tests' helper.
std::string Gzip(const std::string& data) {
  return dateline::testing_util::Compress(data);
}

std::string WarcResponse(const std::string& uri, const std::string& html) {
  std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

struct ExtractRun {
  int exit_status = -1;
  std::map<std::string, nlohmann::json> by_source;
  size_t lines = 0;
};

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("dateline_bad_input_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    auto write = [](const std::string& name, const std::string& bytes) {
      std::ofstream(*dir_ / name, std::ios::binary) << bytes;
    };
    write("empty.html", "");
    write("image.png",
          std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) +
              std::string(200, '\x7f'));
    write("invalid_utf8.txt",
          "BERLIN (dpa) - Caf\xe9 owners said \xff\xfe the \xc3\x28 plan was "
          "fine.\n\nA second paragraph of the story.\n");
    std::string story = "<html><head><title>Gz</title></head><body>";
    for (int i = 0; i < 3000; ++i) {
      story += "<p>Paragraph " + std::to_string(i * 7919 % 10007) + "</p>";
    }
    std::string gz = Gzip(story + "</body></html>");
    write("truncated.html.gz", gz.substr(0, gz.size() / 2));
    std::string warc =
        WarcResponse("http://example.com/one",
                     "<html><body><p>First record.</p></body></html>") +
        WarcResponse("http://example.com/two",
                     "<html><body><p>Second record, cut.</p></body></html>");
    write("truncated.warc", warc.substr(0, warc.size() - 30));
    {
      std::ofstream out(*dir_ / "nested.html", std::ios::binary);
      out << "<html><body>";
      for (int i = 0; i < 100000; ++i) out << "<div>";
      out << "deep text";
      for (int i = 0; i < 100000; ++i) out << "</div>";
      out << "</body></html>";
    }
    {
      // Under AddressSanitizer the whole pipeline runs about ten times
      // slower: a smaller long page keeps the test in CI's time.
      size_t mb = kSanitized ? 8 : 50;
      if (const char* env = std::getenv("DATELINE_BAD_INPUT_LONG_MB")) {
        mb = std::strtoul(env, nullptr, 10);
      }
      std::ofstream out(*dir_ / "long.html", std::ios::binary);
      out << "<html><head><title>Long</title></head><body><article>";
      const std::string para =
          "<p>The council met on Tuesday to discuss the budget, and the "
          "mayor said the plan would be published next week.</p>\n";
      for (size_t written = 0; written < (mb << 20); written += para.size()) {
        out << para;
      }
      out << "</article></body></html>";
    }
    write("good.html",
          "<!DOCTYPE html><html><head><title>Good page</title></head><body>"
          "<article><h1>Good page</h1><p>SEOUL (Reuters) - The good page "
          "has a story in it, with several sentences of text.</p><p>It goes "
          "on for a second paragraph.</p></article></body></html>");
  }

  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
  }

  // Runs `dateline extract --provenance EXTRA DIR` and parses its output.
  static ExtractRun Extract(const std::string& extra) {
    ExtractRun run;
    std::string cmd = std::string("'") + DATELINE_BINARY +
                      "' extract --provenance " + extra + " '" +
                      dir_->string() + "' 2>/dev/null";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (pipe == nullptr) return run;
    std::string line;
    char buf[1 << 16];
    size_t got;
    std::string out;
    while ((got = std::fread(buf, 1, sizeof(buf), pipe)) > 0) {
      out.append(buf, got);
    }
    int status = ::pclose(pipe);
    run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    size_t pos = 0;
    while (pos < out.size()) {
      size_t nl = out.find('\n', pos);
      if (nl == std::string::npos) nl = out.size();
      std::string_view l(out.data() + pos, nl - pos);
      pos = nl + 1;
      if (l.empty()) continue;
      ++run.lines;
      nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << "not JSON: " << l.substr(0, 200);
      if (j.is_discarded() || !j.contains("source")) continue;
      std::string source = j["source"].get<std::string>();
      source = source.substr(source.find_last_of('/') + 1);
      j.erase("text");  // keep the map small
      run.by_source[source] = std::move(j);
    }
    return run;
  }

  static bool HasError(const ExtractRun& run, const std::string& source) {
    auto it = run.by_source.find(source);
    return it != run.by_source.end() && it->second.contains("error");
  }

  static std::string Error(const ExtractRun& run, const std::string& source) {
    auto it = run.by_source.find(source);
    if (it == run.by_source.end() || !it->second.contains("error")) return "";
    return it->second["error"].get<std::string>();
  }

  static fs::path* dir_;
};

fs::path* BadInputTest::dir_ = nullptr;

const char* const kSources[] = {"empty.html",
                                "image.png",
                                "invalid_utf8.txt",
                                "truncated.html.gz",
                                "truncated.warc#record=1",
                                "truncated.warc#record=2",
                                "nested.html",
                                "long.html",
                                "good.html"};

TEST_F(BadInputTest, ReadStageGivesOneRecordPerPageWithErrors) {
  ExtractRun run = Extract("--stages read");
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.lines, std::size(kSources));
  for (const char* source : kSources) {
    EXPECT_EQ(run.by_source.count(source), 1u) << source;
  }
  EXPECT_NE(Error(run, "empty.html").find("empty input"), std::string::npos);
  EXPECT_NE(Error(run, "image.png").find("binary file (PNG image)"),
            std::string::npos);
  EXPECT_NE(Error(run, "truncated.html.gz").find("truncated gzip"),
            std::string::npos);
  EXPECT_NE(Error(run, "truncated.warc#record=2").find("truncated WARC"),
            std::string::npos);
  for (const char* ok : {"invalid_utf8.txt", "truncated.warc#record=1",
                         "nested.html", "long.html", "good.html"}) {
    EXPECT_FALSE(HasError(run, ok)) << ok << ": " << Error(run, ok);
  }
  EXPECT_EQ(run.by_source["truncated.warc#record=1"].value("url", ""),
            "http://example.com/one");
}

TEST_F(BadInputTest, FullPipelineSurvivesAndGoodPageComesThrough) {
  ExtractRun run = Extract("");
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_EQ(run.lines, std::size(kSources));
  for (const char* source : kSources) {
    EXPECT_EQ(run.by_source.count(source), 1u) << source;
  }
  for (const char* bad : {"empty.html", "image.png", "truncated.html.gz",
                          "truncated.warc#record=2"}) {
    EXPECT_TRUE(HasError(run, bad)) << bad;
  }
  EXPECT_FALSE(HasError(run, "good.html")) << Error(run, "good.html");
}

TEST_F(BadInputTest, NothingReadableExitsNonZero) {
  fs::path empty_only = *dir_ / "only_empty";
  fs::create_directories(empty_only);
  std::ofstream(empty_only / "e.txt") << "";
  std::string cmd = std::string("'") + DATELINE_BINARY + "' extract '" +
                    empty_only.string() + "' >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0);
  fs::remove_all(empty_only);
}

}  // namespace

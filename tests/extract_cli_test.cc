// End-to-end tests of `dateline extract` on the project's own sample pages.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

// Runs `command` and returns its stdout.
std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  *status = pclose(pipe);
  return out;
}

const std::string kBinary = DATELINE_BINARY;
const std::string kExamples =
    std::string(DATELINE_SOURCE_DIR) + "/examples/pages";

TEST(ExtractCliTest, ParallelOutputKeepsInputOrderAndContent) {
  int s1 = -1, s4 = -1;
  std::string one =
      RunCommand(kBinary + " extract -j 1 " + kExamples + " 2>/dev/null", &s1);
  std::string four =
      RunCommand(kBinary + " extract -j 4 " + kExamples + " 2>/dev/null", &s4);
  EXPECT_EQ(s1, 0);
  EXPECT_EQ(s4, 0);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, four);
}

TEST(ExtractCliTest, SamplePagesGiveOneValidRecordEach) {
  int status = -1;
  std::string out =
      RunCommand(kBinary + " extract " + kExamples + " 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  size_t records = 0, errors = 0;
  size_t begin = 0;
  while (begin < out.size()) {
    size_t end = out.find('\n', begin);
    ASSERT_NE(end, std::string::npos) << "every record ends with a newline";
    nlohmann::json j =
        nlohmann::json::parse(out.substr(begin, end - begin), nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    for (const char* field :
         {"id", "title", "text", "removed", "captions", "tags", "datelines"}) {
      EXPECT_TRUE(j.contains(field)) << field;
    }
    ++records;
    if (j.contains("error")) {
      ++errors;
    } else {
      EXPECT_FALSE(j["text"].get<std::string>().empty());
    }
    begin = end + 1;
  }
  // examples/pages: a WARC.gz with two pages, two HTML pages, one scraped
  // text page, three JSON Lines records of which one is deliberately bad.
  EXPECT_EQ(records, 8u);
  EXPECT_EQ(errors, 1u);
}

// The events options reach the coder: PLOVER-style events without a target
// or a named perpetrator only when asked for.
TEST(ExtractCliTest, EventOptions) {
  std::string page = testing::TempDir() + "/dateline_events_page.html";
  FILE* f = std::fopen(page.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("<html><body><article><p>Three Iraqi civilians were killed in a "
             "car bombing in Baghdad.</p></article></body></html>",
             f);
  std::fclose(f);
  auto events = [&](const std::string& flags) {
    int status = -1;
    std::string out = RunCommand(
        kBinary + " extract " + flags + " " + page + " 2>/dev/null", &status);
    EXPECT_EQ(status, 0);
    nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(j.is_discarded());
    return j.is_discarded() || !j.contains("events") ? size_t{0}
                                                      : j["events"].size();
  };
  EXPECT_EQ(events(""), 0u);
  EXPECT_EQ(events("--events-without-source"), 1u);
  int status = -1;
  RunCommand(kBinary + " extract --petrarch-dictionaries /nonexistent " + page +
                 " 2>/dev/null",
             &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::remove(page.c_str());
}

TEST(ExtractCliTest, UnknownStageIsAUsageError) {
  int status = -1;
  RunCommand(kBinary + " extract --stages nonsense " + kExamples + " 2>/dev/null",
      &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace

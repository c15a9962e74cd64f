// End-to-end tests of `dateline extract` on the project's own sample pages.
#include <gtest/gtest.h>
#include <unistd.h>

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

// --clean-model: the shipped line model cleans the sample text page; a
// model that cannot be read is a clear error, not the rules in silence.
TEST(ExtractCliTest, CleanModelOptionUsesTheModelOrSaysWhy) {
  int status = -1;
  std::string out = RunCommand(kBinary + " extract --clean-model default " +
                                   kExamples + "/ministers-meet.txt 2>/dev/null",
                               &status);
  EXPECT_EQ(status, 0);
  auto record = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(record.is_discarded()) << out;
  EXPECT_FALSE(record["text"].get<std::string>().empty());
  out = RunCommand(kBinary + " extract --clean-model /nonexistent/model " +
                       kExamples + "/ministers-meet.txt 2>&1",
                   &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("/nonexistent/model"), std::string::npos) << out;
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

// Records are regular (issue 16): every record of the default pipeline has
// every field, the lists as [] when nothing was found and unknown values as
// null, the page that could not be read included; a stage not run leaves its
// list out rather than claim it found nothing.
TEST(ExtractCliTest, RecordsAreRegular) {
  const std::vector<std::string> lists = {
      "authors", "datelines", "tags",   "captions", "removed",
      "repairs", "entities",  "times",  "quotes",   "events"};
  const std::vector<std::string> scalars = {"url", "outlet", "title",
                                            "published", "language"};
  int status = -1;
  std::string out =
      RunCommand(kBinary + " extract " + kExamples + " 2>/dev/null", &status);
  EXPECT_EQ(status, 0);
  size_t records = 0, with_error = 0, without_events = 0;
  for (size_t begin = 0, end; begin < out.size(); begin = end + 1) {
    end = out.find('\n', begin);
    ASSERT_NE(end, std::string::npos);
    nlohmann::json j =
        nlohmann::json::parse(out.substr(begin, end - begin), nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    ++records;
    with_error += j.contains("error");
    for (const std::string& k : lists) {
      ASSERT_TRUE(j.contains(k)) << k << " missing in record " << records;
      EXPECT_TRUE(j[k].is_array()) << k;
    }
    without_events += j["events"].empty();
    for (const std::string& k : scalars) {
      ASSERT_TRUE(j.contains(k)) << k << " missing in record " << records;
      EXPECT_TRUE(j[k].is_null() || (j[k].is_string() && !j[k].empty()))
          << k << " is neither null nor a value: " << j[k].dump();
    }
  }
  EXPECT_EQ(records, 8u);
  EXPECT_EQ(with_error, 1u);
  EXPECT_GE(without_events, 1u);  // the error page at least: [] not absent

  std::string clean_only = RunCommand(
      kBinary + " extract --stages clean " + kExamples + "/*.html 2>/dev/null",
      &status);
  EXPECT_EQ(status, 0);
  ASSERT_FALSE(clean_only.empty());
  nlohmann::json first = nlohmann::json::parse(
      clean_only.substr(0, clean_only.find('\n')), nullptr, false);
  ASSERT_FALSE(first.is_discarded());
  EXPECT_FALSE(first.contains("events"));
  EXPECT_FALSE(first.contains("entities"));
  EXPECT_TRUE(first["removed"].is_array());
}

// The events options reach the coder: PLOVER-style events without a target
// or a named perpetrator only when asked for.
TEST(ExtractCliTest, EventOptions) {
  // The process id keeps two checkouts testing at once on one machine apart.
  std::string page = testing::TempDir() + "/dateline_events_page_" +
                     std::to_string(::getpid()) + ".html";
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

// --layers tokens shows the whole parse: a sentence in which no clause can
// arise, which the default run leaves unparsed (syntax/parse_selection.h),
// has its tree too ("_" is the relation of an unparsed token).
TEST(ExtractCliTest, TokensLayerHasEverySentenceParsed) {
  std::string page = testing::TempDir() + "/dateline_tokens_page.html";
  FILE* f = std::fopen(page.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("<html><body><article><p>Putin met Xi in Beijing on Monday, the "
             "Kremlin said.</p><p>Moscow, Kyiv and Minsk.</p><p>Lavrov will "
             "travel there in October.</p></article></body></html>",
             f);
  std::fclose(f);
  for (const char* layers : {"tokens", "tokens,clauses"}) {
    int status = -1;
    std::string out = RunCommand(kBinary + " extract --layers " + layers +
                                     " " + page + " 2>/dev/null",
                                 &status);
    EXPECT_EQ(status, 0);
    nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << out;
    ASSERT_TRUE(j.contains("tokens")) << out;
    size_t roots = 0;
    for (const auto& token : j["tokens"]) {
      ASSERT_TRUE(token.contains("deprel"));
      EXPECT_NE(token["deprel"].get<std::string>(), "_") << layers;
      if (token["deprel"].get<std::string>() == "root") ++roots;
    }
    EXPECT_EQ(roots, 3u) << layers;  // one tree a sentence
  }
  std::remove(page.c_str());
}

TEST(ExtractCliTest, UnknownStageIsAUsageError) {
  int status = -1;
  RunCommand(kBinary + " extract --stages nonsense " + kExamples + " 2>/dev/null",
      &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace

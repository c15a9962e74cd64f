// `dateline` against a PostgreSQL archive end to end: ingest the sample
// pages (tests/testdata, examples/pages) into PostgreSQL and into SQLite and
// compare what the query verbs, export and serve's API answer; two ingests
// of the same inputs at once archive each page once. The server: store/pg_test_server.h
// (skips without PostgreSQL unless $DATELINE_TEST_REQUIRE_PG is set).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "server/api_server.h"
#include "store/pg_test_server.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
const std::string kBinary = DATELINE_BINARY;
const std::string kSource = DATELINE_SOURCE_DIR;

std::string Output(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int st = pclose(pipe);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

// The rows of a ranked search without what ranks them (score, snippet),
// sorted: the two stores rank differently (docs/archive.md).
std::string Unranked(const std::string& jsonl) {
  std::vector<std::string> rows;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      rows.push_back(line);
      continue;
    }
    j.erase("score");
    j.erase("snippet");
    rows.push_back(j.dump());
  }
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const std::string& r : rows) out += r + "\n";
  return out;
}

class PgCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why = PgServer::Get().NewDatabase(
        ::testing::UnitTest::GetInstance()->current_test_info()->name(), &pg_);
    if (!why.empty()) {
      if (PgServer::Required()) FAIL() << "PostgreSQL required: " << why;
      GTEST_SKIP() << "PostgreSQL cases skipped: " << why;
    }
    dir_ = fs::temp_directory_path() / ("dateline_pg_cli_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    lite_ = (dir_ / "a.db").string();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs `dateline ARGS --archive ARCHIVE`; the output, or fails.
  std::string Dateline(const std::string& args, const std::string& archive,
                       int want = 0) {
    int status = -1;
    std::string out = Output(kBinary + " " + args + " --archive " +
                                 ShellQuote(archive) + " 2>/dev/null",
                             &status);
    EXPECT_EQ(status, want) << args << " on " << archive;
    return out;
  }

  std::string pg_;
  std::string lite_;
  fs::path dir_;
};

TEST_F(PgCliTest, IngestAndQueryGiveWhatSqliteGives) {
  // A page with coded events: the example pages are local news whose
  // parties have no country, and give none.
  const std::string inputs =
      ShellQuote(kSource + "/tests/testdata/metadata/articles.jsonl") + " " +
      ShellQuote(kSource + "/examples/pages") + " " +
      ShellQuote(kSource + "/tests/testdata/events/drought-aid.txt");
  // One pipeline thread: the same input order, so the same page of two
  // identical ones is archived first in both stores.
  Dateline("ingest -j 1 -q " + inputs, pg_);
  Dateline("ingest -j 1 -q " + inputs, lite_);
  for (const char* verb :
       {"search harbor --json", "search 'port OR council' --json -n 0",
        "search port --since 2024-03 --until 2024-06 --json",
        "events --json -n 0", "quotes --json -n 0", "quotes --speaker Imhof --speaker-contains --json",
        "entities --json -n 0", "entities --type PER --since 2024 --json -n 0",
        "stories --min-size 1 --json -n 0", "export --format jsonl",
        "export --format csv --table quotes"}) {
    std::string a = Dateline(verb, pg_);
    std::string b = Dateline(verb, lite_);
    EXPECT_FALSE(a.empty()) << verb;
    if (std::string(verb).starts_with("search")) {
      a = Unranked(a);
      b = Unranked(b);
    }
    EXPECT_EQ(a, b) << verb;
  }
  // Ingest again: nothing added.
  Dateline("ingest -j 1 -q " + inputs, pg_);
  std::string stories = Dateline("stories --min-size 1 --json -n 0", pg_);
  EXPECT_EQ(stories, Dateline("stories --min-size 1 --json -n 0", lite_));
  // A malformed query is the user's error (exit 2) on both.
  Dateline("search '\"open' --json", pg_, 2);
  Dateline("search '\"open' --json", lite_, 2);
  // $DATELINE_ARCHIVE names the server too.
  int status = -1;
  std::string env = Output("DATELINE_ARCHIVE=" + ShellQuote(pg_) + " " + kBinary +
                               " search harbor --json 2>/dev/null",
                           &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(env, Dateline("search harbor --json", pg_));
}

// Drops what ranks search hits (score, snippet) from an API answer.
nlohmann::json WithoutRanking(nlohmann::json j) {
  if (j.contains("rows") && j["rows"].is_array()) {
    for (auto& r : j["rows"]) {
      if (!r.is_object()) continue;
      r.erase("score");
      r.erase("snippet");
    }
  }
  return j;
}

TEST_F(PgCliTest, ServeAnswersWhatItAnswersOnSqlite) {
  const std::string inputs =
      ShellQuote(kSource + "/tests/testdata/metadata/articles.jsonl") + " " +
      ShellQuote(kSource + "/examples/pages");
  Dateline("ingest -j 1 -q " + inputs, pg_);
  Dateline("ingest -j 1 -q " + inputs, lite_);
  std::unique_ptr<ApiServer> a, b;
  ServerOptions o;
  o.cache_bytes = 0;
  o.query_timeout_ms = 5000;
  o.archive = pg_;
  Status s = ApiServer::Create(o, &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  o.archive = lite_;
  ASSERT_TRUE(ApiServer::Create(o, &b).ok());
  ApiResponse first = b->Handle("/api/search", {{"q", "harbor"}});
  nlohmann::json hits = nlohmann::json::parse(first.body);
  ASSERT_FALSE(hits["rows"].empty());
  const std::string id = hits["rows"][0]["id"];
  const std::vector<std::pair<std::string, ApiParams>> requests = {
      {"/api/search", {{"q", "harbor"}}},
      {"/api/search", {{"q", "port OR council"}, {"advanced", "1"}, {"sort", "-date"}}},
      {"/api/search", {{"q", "port"}, {"sort", "date"}, {"facets", "1"}}},
      {"/api/search", {{"since", "2024-03"}, {"until", "2024-06"}}},
      {"/api/search", {{"q", "U.S. port-authority"}}},
      {"/api/events", {{"sort", "-goldstein"}}},
      {"/api/events", {}},
      {"/api/quotes", {}},
      {"/api/quotes", {{"speaker", "Imhof"}}},
      {"/api/entities", {}},
      {"/api/entities", {{"type", "PER"}, {"since", "2024"}}},
      {"/api/stories", {{"min_size", "1"}}},
      {"/api/timeline", {{"q", "port"}}},
      {"/api/timeline", {{"bucket", "day"}}},
      {"/api/network", {}},
      {"/api/places", {}},
      {"/api/stats", {}},
      {"/api/articles/" + id, {}},
      {"/api/entity", {{"name", "Clara Imhof"}}},
      {"/api/search", {{"q", "\"open"}, {"advanced", "1"}}},
  };
  size_t answered = 0;
  for (const auto& [path, params] : requests) {
    ApiResponse x = a->Handle(path, params);
    ApiResponse y = b->Handle(path, params);
    EXPECT_EQ(x.status, y.status) << path << " " << x.body;
    answered += x.status == 200 && x.body.size() > 20;
    nlohmann::json jx = nlohmann::json::parse(x.body, nullptr, false);
    nlohmann::json jy = nlohmann::json::parse(y.body, nullptr, false);
    if (path == "/api/search") {
      jx = WithoutRanking(jx);
      jy = WithoutRanking(jy);
      // Ranked lists: the same hits, maybe in another order.
      if (jx.contains("rows") && jy.contains("rows") &&
          params.find("sort") == params.end()) {
        std::vector<std::string> rx, ry;
        for (auto& r : jx["rows"]) rx.push_back(r.dump());
        for (auto& r : jy["rows"]) ry.push_back(r.dump());
        std::sort(rx.begin(), rx.end());
        std::sort(ry.begin(), ry.end());
        EXPECT_EQ(rx, ry) << path;
        jx.erase("rows");
        jy.erase("rows");
      }
    }
    EXPECT_EQ(jx, jy) << path;
  }
  EXPECT_EQ(answered, requests.size() - 1);  // all but the malformed query
}

TEST_F(PgCliTest, TwoIngestsAtOnceArchiveEachPageOnce) {
  const std::string inputs =
      ShellQuote(kSource + "/tests/testdata/metadata/articles.jsonl") + " " +
      ShellQuote(kSource + "/examples/pages");
  const std::string cmd = kBinary + " ingest -q -j 1 --archive " +
                          ShellQuote(pg_) + " " + inputs + " >/dev/null 2>&1";
  int a = -1, b = -1;
  std::thread t1([&] { a = RunShell(cmd); });
  std::thread t2([&] { b = RunShell(cmd); });
  t1.join();
  t2.join();
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 0);
  Dateline("ingest -j 1 -q " + inputs, lite_);
  EXPECT_EQ(Dateline("export --format jsonl", pg_),
            Dateline("export --format jsonl", lite_));
}

// The server restarted while an ingest writes: that run may fail (its open
// write group is lost, and it says so), but nothing half-written stays, and a
// rerun of the same inputs ends with every page archived exactly once.
TEST_F(PgCliTest, ServerRestartedMidIngestThenRerunArchivesEachPageOnce) {
  if (std::getenv("DATELINE_TEST_PG_URL") != nullptr)
    GTEST_SKIP() << "not restarting a server of the user's ($DATELINE_TEST_PG_URL)";
  const fs::path pages = dir_ / "pages";
  fs::create_directories(pages);
  const int kPages = 600;
  // Pages of different words (near-copies would all join one story).
  const char* const kWords[] = {"council", "budget", "river",   "bridge",
                                "school",  "harbour", "workers", "strike",
                                "vote",    "market",  "farmers", "hospital",
                                "court",   "festival", "museum", "ferry"};
  uint32_t rng = 20261206;
  for (int i = 0; i < kPages; ++i) {
    std::ofstream out(pages / ("page" + std::to_string(i) + ".txt"));
    out << "Town " << i << " council backs new plan\n\n14 March 2024\n\n"
        << "NORTHFIELD - The committee of town " << i << " said on Monday";
    for (int w = 0; w < 60; ++w) {
      rng = rng * 1664525u + 1013904223u;
      out << ' ' << kWords[(rng >> 16) % 16];
    }
    out << ".\n";
  }
  const std::string cmd = kBinary + " ingest -q -j 1 --archive " +
                          ShellQuote(pg_) + " " + ShellQuote(pages.string()) +
                          " >/dev/null 2>&1";
  int first = -1;
  std::thread ingest([&] { first = RunShell(cmd); });
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  const bool restarted = PgServer::Get().Restart();
  ingest.join();
  ASSERT_TRUE(restarted) << "pg_ctl restart failed";
  // 0 when the run finished before the restart; else it failed and said so.
  RecordProperty("first_run_exit", first);
  std::fprintf(stderr, "first ingest's exit status: %d\n", first);
  // Whatever the first run did, the rerun completes.
  EXPECT_EQ(RunShell(cmd), 0) << "the rerun after the restart";
  std::string out = Dateline("export --format jsonl", pg_);
  std::vector<std::string> ids;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    ids.push_back(j["id"].get<std::string>());
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids.size(), static_cast<size_t>(kPages)) << "first run exit " << first;
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end()) << "a page twice";
}

}  // namespace
}  // namespace dateline

// End-to-end tests of `dateline ingest` and the query verbs: crash safety
// (kill -9 mid-ingest, then a rerun), readers during an ingest, re-ingest,
// replacement of a changed page, and clear errors for bad queries.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "dateline/archive.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
const std::string kBinary = DATELINE_BINARY;

std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int st = pclose(pipe);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

// Writes `n` distinct plain-text news pages (title, date, paragraphs) into
// `dir`, from a fixed seed.
void WritePages(const fs::path& dir, int n, int first = 0) {
  static const char* kWords[] = {
      "council", "budget", "river", "bridge", "school", "minister", "harbour",
      "workers", "strike", "vote", "plan", "market", "farmers", "rain",
      "road", "hospital", "court", "police", "festival", "museum", "train",
      "station", "tax", "energy", "wind", "solar", "port", "ferry", "mayor",
      "teachers", "nurses", "prices", "housing", "rent", "water", "forest"};
  std::mt19937 rng(20261201);
  fs::create_directories(dir);
  for (int i = first; i < first + n; ++i) {
    std::string text = "Town " + std::to_string(i) + " council backs new " +
                       kWords[rng() % 36] + " plan\n\n14 March 2024\n\n";
    for (int p = 0; p < 4; ++p) {
      text += "NORTHFIELD - The " + std::string(kWords[rng() % 36]) +
              " committee of town " + std::to_string(i) + " said on Monday";
      for (int w = 0; w < 30; ++w) {
        text += " ";
        text += kWords[rng() % 36];
      }
      text += ", officials said.\n\n";
    }
    char name[32];
    std::snprintf(name, sizeof(name), "page%05d.txt", i);
    std::ofstream(dir / name) << text;
  }
}

class IngestCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_ingest_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ArchiveStats Stats(const std::string& db) {
    ArchiveOptions ro;
    ro.read_only = true;
    std::unique_ptr<Archive> a;
    ArchiveStats st;
    if (Archive::Open(db, ro, &a).ok()) {
      EXPECT_TRUE(a->Stats(&st).ok());
    }
    return st;
  }

  std::set<std::string> Ids(const std::string& db) {
    ArchiveOptions ro;
    ro.read_only = true;
    std::unique_ptr<Archive> a;
    std::set<std::string> ids;
    EXPECT_TRUE(Archive::Open(db, ro, &a).ok());
    SearchQuery q;
    q.limit = 0;
    size_t rows = 0;
    EXPECT_TRUE(a->Search(q, &hits_).ok());
    for (const SearchHit& h : hits_) {
      ids.insert(h.id);
      ++rows;
    }
    EXPECT_EQ(rows, ids.size()) << "an article stored twice";
    return ids;
  }

  fs::path dir_;
  std::vector<SearchHit> hits_;
};

TEST_F(IngestCliTest, KillNineMidIngestThenRerunLosesNothingAndAddsNothingTwice) {
  const int kPages = 1500;
  WritePages(dir_ / "pages", kPages);
  const std::string db = (dir_ / "crash.db").string();
  const std::string pages = (dir_ / "pages").string();

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    execl(kBinary.c_str(), kBinary.c_str(), "ingest", "-q", "--commit-every",
          "25", "--archive", db.c_str(), pages.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for some commits; meanwhile a reader queries the live archive.
  int64_t seen = 0;
  bool reader_ok = false;
  for (int i = 0; i < 6000 && seen < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!fs::exists(db)) continue;
    seen = Stats(db).articles;
    if (seen > 0 && !reader_ok) {
      int st = -1;
      std::string out = RunCommand(kBinary + " search --archive " + db +
                                       " --json council 2>&1", &st);
      EXPECT_EQ(st, 0) << out;
      reader_ok = st == 0 && out.find("\"id\"") != std::string::npos;
    }
  }
  kill(pid, SIGKILL);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "ingest finished before the kill; "
                                       "the test needs a slower ingest";
  EXPECT_TRUE(reader_ok) << "no reader could query during the ingest";

  // The archive opens and is consistent.
  {
    std::unique_ptr<Archive> a;
    ASSERT_TRUE(Archive::Open(db, ArchiveOptions(), &a).ok());
    EXPECT_TRUE(a->CheckIntegrity().ok());
  }
  const int64_t before = Stats(db).articles;
  EXPECT_GT(before, 0);
  EXPECT_LT(before, kPages);

  // A rerun completes it.
  int st = -1;
  std::string out = RunCommand(kBinary + " ingest --archive " + db + " " + pages + " 2>&1", &st);
  EXPECT_EQ(st, 0) << out;
  EXPECT_NE(out.find(std::to_string(before) + " unchanged"), std::string::npos) << out;
  ArchiveStats after = Stats(db);
  EXPECT_EQ(after.articles, kPages);

  // The same as one clean ingest: same ids, each once.
  const std::string clean = (dir_ / "clean.db").string();
  RunCommand(kBinary + " ingest -q --archive " + clean + " " + pages + " 2>&1", &st);
  EXPECT_EQ(st, 0);
  EXPECT_EQ(Ids(db), Ids(clean));
  ArchiveStats c = Stats(clean);
  EXPECT_EQ(after.entities, c.entities);
  EXPECT_EQ(after.mentions, c.mentions);
}

// Two ingests into one archive at once (two processes): the second waits
// for the first's write groups instead of failing, and every page of both
// is archived once.
TEST_F(IngestCliTest, TwoIngestsAtOnceArchiveEveryPageOnce) {
  WritePages(dir_ / "a", 300, 0);
  WritePages(dir_ / "b", 300, 300);
  const std::string db = (dir_ / "both.db").string();
  std::vector<std::thread> runs;
  std::string out[2];
  int status[2] = {-1, -1};
  for (int i = 0; i < 2; ++i) {
    runs.emplace_back([&, i] {
      const std::string pages = (dir_ / (i == 0 ? "a" : "b")).string();
      out[i] = RunCommand(kBinary + " ingest --commit-every 10 --archive " + db +
                              " " + pages + " 2>&1",
                          &status[i]);
    });
  }
  for (std::thread& t : runs) t.join();
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(status[i], 0) << out[i];
    EXPECT_NE(out[i].find("300 added"), std::string::npos) << out[i];
    EXPECT_NE(out[i].find(" 0 errors"), std::string::npos) << out[i];
  }
  EXPECT_EQ(Stats(db).articles, 600);
  EXPECT_EQ(Ids(db).size(), 600u);
}

TEST_F(IngestCliTest, ReingestAddsNothingAndAChangedPageReplacesItsOldVersion) {
  WritePages(dir_ / "pages", 20);
  const std::string db = (dir_ / "a.db").string();
  const std::string pages = (dir_ / "pages").string();
  int st = -1;
  std::string out = RunCommand(kBinary + " ingest --archive " + db + " " + pages + " 2>&1", &st);
  EXPECT_EQ(st, 0) << out;
  EXPECT_NE(out.find("20 added"), std::string::npos) << out;
  out = RunCommand(kBinary + " ingest --archive " + db + " " + pages + " 2>&1", &st);
  EXPECT_NE(out.find("0 added, 0 replaced, 20 unchanged"), std::string::npos) << out;
  // Relative and absolute paths name the same page.
  out = RunCommand("cd " + dir_.string() + " && " + kBinary + " ingest --archive a.db pages 2>&1", &st);
  EXPECT_NE(out.find("20 unchanged"), std::string::npos) << out;
  std::ofstream(dir_ / "pages" / "page00003.txt", std::ios::app)
      << "A late paragraph about the zeppelin mooring mast was added.\n";
  out = RunCommand(kBinary + " ingest --archive " + db + " " + pages + " 2>&1", &st);
  EXPECT_NE(out.find("0 added, 1 replaced, 19 unchanged"), std::string::npos) << out;
  EXPECT_EQ(Stats(db).articles, 20);
  out = RunCommand(kBinary + " search --archive " + db + " --json zeppelin", &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(out.find("Town 3 council"), std::string::npos) << out;
  out = RunCommand(kBinary + " export --format jsonl --archive " + db, &st);
  EXPECT_EQ(st, 0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 20);
  EXPECT_NE(out.find("\"story\":"), std::string::npos);
}

TEST_F(IngestCliTest, BadQueriesAndMissingArchiveGiveClearErrors) {
  WritePages(dir_ / "pages", 3);
  const std::string db = (dir_ / "a.db").string();
  int st = -1;
  RunCommand(kBinary + " ingest -q --archive " + db + " " + (dir_ / "pages").string() + " 2>&1", &st);
  ASSERT_EQ(st, 0);
  std::string out = RunCommand(kBinary + " search --archive " + db + " '\"unclosed' 2>&1", &st);
  EXPECT_EQ(st, 2);
  EXPECT_NE(out.find("bad full-text query"), std::string::npos) << out;
  out = RunCommand(kBinary + " events --archive " + db + " --since 'last week' 2>&1", &st);
  EXPECT_EQ(st, 2);
  EXPECT_NE(out.find("is not a date"), std::string::npos) << out;
  out = RunCommand(kBinary + " search --archive " + db + " \"x'); DROP TABLE articles; --\" 2>&1", &st);
  EXPECT_EQ(Stats(db).articles, 3);
  out = RunCommand(kBinary + " search --archive " + (dir_ / "none.db").string() + " x 2>&1", &st);
  EXPECT_EQ(st, 1);
  EXPECT_NE(out.find("no such archive"), std::string::npos) << out;
  out = RunCommand(kBinary + " export --format xml --archive " + db + " 2>&1", &st);
  EXPECT_EQ(st, 2);
}

// The new user's commands, on an archive holding a hand-filled document with
// a quote and events (until the quotes and events stages fill them), and the
// GDELT export of those events.
TEST_F(IngestCliTest, QuotesEventsAndGdeltExportFromTheCommandLine) {
  const std::string db = (dir_ / "q.db").string();
  Document d;
  d.id = "k1";
  d.url = "https://news.example/kremlin";
  d.outlet = "Example News";
  d.title = "Kremlin says visit is a matter for two neighbours";
  d.published = "2023-09-13T10:00:00+03:00";
  d.text = "Kremlin spokesman Dmitry Peskov said the talks between Vladimir "
           "Putin and Kim Jong Un were \"a matter for two neighbours\".";
  auto at = [&](const std::string& t) {
    uint32_t b = static_cast<uint32_t>(d.text.find(t));
    return Span{b, static_cast<uint32_t>(b + t.size())};
  };
  Entity peskov;
  peskov.id = "e1";
  peskov.name = "Dmitry Peskov";
  peskov.type = "PER";
  peskov.mentions = {at("Dmitry Peskov")};
  d.entities = {peskov};
  Quote q;
  q.span = at("a matter for two neighbours");
  q.kind = "direct";
  q.cue = "said";
  q.speaker = "e1";
  q.speaker_name = "Dmitry Peskov";
  d.quotes = {q};
  Event e;
  e.source.name = "Vladimir Putin";
  e.source.code = "RUSGOV";
  e.target.name = "Kim Jong Un";
  e.target.code = "PRKGOV";
  e.has_target = true;
  e.code = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1;
  e.date = "2023-09-13";
  e.sentence = {0, static_cast<uint32_t>(d.text.size())};
  e.evidence = "talks";
  d.events = {e};
  {
    std::unique_ptr<Archive> a;
    ASSERT_TRUE(Archive::Open(db, ArchiveOptions(), &a).ok());
    PutOutcome out;
    std::string story;
    ASSERT_TRUE(a->Put(d, {d.url, "h"}, {}, ToJsonLine(d), &out, &story).ok());
  }
  int st = -1;
  std::string out = RunCommand(kBinary + " quotes --archive " + db + " --speaker Peskov --speaker-contains", &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(out.find("a matter for two neighbours"), std::string::npos) << out;
  out = RunCommand(kBinary + " events --archive " + db +
                       " --actor RUS --actor PRK --since 2023-09 --until 2023-09 --json", &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(out.find("\"code\":\"040\""), std::string::npos) << out;
  out = RunCommand(kBinary + " events --archive " + db + " --actor rus --until 2023-08", &st);
  EXPECT_EQ(out.find("040"), std::string::npos) << out;
  out = RunCommand(kBinary + " export --format gdelt --archive " + db, &st);
  EXPECT_EQ(st, 0);
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\t'), 60) << out;
  EXPECT_NE(out.find("\t20230913\t202309\t2023\t"), std::string::npos) << out;
  EXPECT_NE(out.find("https://news.example/kremlin"), std::string::npos);
  out = RunCommand(kBinary + " export --format csv --table quotes --archive " + db, &st);
  EXPECT_NE(out.find("Dmitry Peskov"), std::string::npos) << out;
}

}  // namespace
}  // namespace dateline

// Tests for RunIngest's writer: it waits for another writer's lock (a
// second ingest into the same archive) rather than failing; it keeps the
// same copy of a page read from two inputs whatever their order.
#include "store/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "dateline/pipeline.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

TEST(IngestTest, WaitsForAnotherWritersLock) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_ingest_lock_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "pages");
  for (int i = 0; i < 5; ++i) {
    std::ofstream(dir / "pages" / ("p" + std::to_string(i) + ".txt"))
        << "Harbour story " << i << "\n\nThe harbour board met on Monday to "
        << "discuss berth " << i << " and the new ferry timetable.\n";
  }
  const std::string db = (dir / "a.db").string();
  // Another writer creates the archive and holds its lock for a while.
  std::unique_ptr<Archive> other;
  ASSERT_TRUE(Archive::Open(db, ArchiveOptions(), &other).ok());
  ASSERT_TRUE(other->Begin().ok());
  Document d;
  d.id = "held";
  d.title = "Held";
  d.text = "A page written inside the other writer's open group.";
  PutOutcome outcome;
  std::string story;
  ASSERT_TRUE(other->Put(d, {"held", "held"}, {}, ToJsonLine(d), &outcome, &story).ok());

  IngestOptions o;
  o.archive_path = db;
  o.inputs = {(dir / "pages").string()};
  o.pipeline.stages = "clean";
  o.archive.busy_timeout_ms = 50;  // far shorter than the other's group
  o.count_total = false;
  IngestProgress progress;
  Status result;
  std::thread ingest([&] { result = RunIngest(o, &progress); });
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  ASSERT_TRUE(other->Commit().ok());
  ingest.join();
  EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(progress.added, 5);
  EXPECT_EQ(progress.errors, 0);
  ArchiveStats st;
  ASSERT_TRUE(other->Stats(&st).ok());
  EXPECT_EQ(st.articles, 6);
  other.reset();
  fs::remove_all(dir);
}

// One page, saved as a file and carried in a JSON Lines record that gives
// its URL: one article, the copy with the URL, in either order of the
// inputs; a rerun adds nothing.
TEST(IngestTest, TwoCopiesOfAPageGiveTheSameArticleInEitherOrder) {
  const fs::path dir = fs::temp_directory_path() /
                       ("dateline_ingest_copies_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string html =
      "<html><head><title>Council approves library</title></head><body>"
      "<h1>Council approves library</h1><p>The town council voted on "
      "Tuesday to build a library by the river, after a year of debate about "
      "its cost and its site.</p></body></html>";
  std::ofstream(dir / "page.html") << html;
  std::string escaped;
  for (char c : html) {
    if (c == '"' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  std::ofstream(dir / "wire.jsonl")
      << "{\"url\": \"https://news.example/library\", \"html\": \"" << escaped
      << "\"}\n";
  auto ingest = [&](const std::string& name, std::vector<std::string> inputs,
                    IngestProgress* progress) {
    IngestOptions o;
    o.archive_path = (dir / name).string();
    o.inputs = std::move(inputs);
    o.pipeline.stages = "clean";
    o.count_total = false;
    o.jobs = 1;  // input order is arrival order: each order is tried
    EXPECT_TRUE(RunIngest(o, progress).ok());
    std::unique_ptr<Archive> a;
    EXPECT_TRUE(Archive::Open(o.archive_path, ArchiveOptions(), &a).ok());
    std::vector<std::string> urls;
    a->ForEachRecord(SearchQuery(), [&](const std::string& line) {
      urls.push_back(line.substr(0, line.find(",\"outlet")));
      return true;
    });
    return urls;
  };
  const std::string file = (dir / "page.html").string();
  const std::string wire = (dir / "wire.jsonl").string();
  IngestProgress p1, p2, p3;
  const std::vector<std::string> first = ingest("a.db", {file, wire}, &p1);
  const std::vector<std::string> second = ingest("b.db", {wire, file}, &p2);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first, second);
  EXPECT_NE(first[0].find("https://news.example/library"), std::string::npos)
      << first[0];
  EXPECT_EQ(p1.added + p1.replaced + p1.unchanged, 2);
  ingest("a.db", {file, wire}, &p3);
  EXPECT_EQ(p3.added + p3.replaced, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dateline

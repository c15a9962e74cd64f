// Tests for RunIngest's writer: it waits for another writer's lock (a
// second ingest into the same archive) rather than failing.
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

}  // namespace
}  // namespace dateline

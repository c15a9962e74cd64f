// Ingest: runs the pipeline over inputs on all cores and writes the
// documents into an archive from one writer thread (the caller's), in
// transaction groups, so a crash loses at most the open group and a rerun
// completes it: pages whose content was archived from the same input are
// skipped before the pipeline runs (the same bytes from another input are
// processed, and the archive keeps the preferred copy: PreferredCopy in
// dateline/archive.h). Internal to the CLI and the benchmarks.
#ifndef DATELINE_STORE_INGEST_H_
#define DATELINE_STORE_INGEST_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dateline/archive.h"
#include "dateline/options.h"
#include "dateline/pipeline.h"
#include "dateline/status.h"

namespace dateline {

struct IngestProgress {
  int64_t pages = 0;      // pages taken from the inputs so far
  int64_t added = 0;
  int64_t replaced = 0;
  int64_t unchanged = 0;  // already archived (same content)
  int64_t errors = 0;     // pages that could not be read or processed
  int64_t total = -1;     // pages in the inputs, once counted (-1 before)
  double seconds = 0;
  double write_seconds = 0;  // of which the writer spent storing
  bool done = false;
};

struct IngestOptions {
  std::string archive_path;
  std::vector<std::string> inputs;
  size_t jobs = 0;  // 0: all cores
  ReadOptions read;
  PipelineOptions pipeline;
  ArchiveOptions archive;
  // A group commits after this many documents or this many seconds.
  size_t group_documents = 512;
  double group_seconds = 2.0;
  // How long to wait, in all, for another writer (a second ingest) to let go
  // of the archive's lock before a write gives up.
  double lock_wait_seconds = 600;
  // Count the pages of the inputs on a side thread, for "time left".
  bool count_total = true;
  // Called from the writer thread after each document and at the end
  // (progress.done). May be empty.
  std::function<void(const IngestProgress&)> on_progress;
  // Called from the writer thread for each page that failed: its source and
  // the error. May be empty.
  std::function<void(const std::string& source, const std::string& error)>
      on_error;
  // Set from elsewhere (a signal handler) to stop after the current group.
  const std::atomic<bool>* stop = nullptr;
};

// Runs the ingest; *progress holds the final counts. Returns a non-OK
// status when the archive cannot be opened or written, or the pipeline
// cannot be built; page errors are counted, not returned.
Status RunIngest(const IngestOptions& options, IngestProgress* progress);

// Opens the archive for writing, waiting up to `lock_wait_seconds` while
// another writer holds its lock.
Status OpenForIngest(const std::string& path, const ArchiveOptions& options,
                     double lock_wait_seconds, std::unique_ptr<Archive>* archive);

using IngestErrorFn =
    std::function<void(const std::string& source, const std::string& error)>;

// Runs `pipeline` over `pages` (on this thread) and stores them in `archive`
// in one write group, waiting up to `lock_wait_seconds` for another writer's
// lock: the writer of a distributed ingest, where each worker stores its own
// batch (python/dateline/dask.py). Pages whose content was archived from
// the same input are skipped; a page that cannot be read or processed is counted in
// progress->errors and given to `on_error`. Adds to *progress. A failed Put
// leaves the group uncommitted (the caller drops the archive object, which
// rolls it back) and returns the error.
Status IngestBatch(const Pipeline& pipeline, Archive* archive,
                   const std::vector<Page>& pages, double lock_wait_seconds,
                   IngestProgress* progress, const IngestErrorFn& on_error = {});

// Returns the key Put uses to recognise a page: its URL (the page's, else
// the canonical one the cleaner found), else its source with the file part
// made absolute.
std::string PageKey(const std::string& page_url, const std::string& doc_url,
                    const std::string& source);

}  // namespace dateline

#endif  // DATELINE_STORE_INGEST_H_

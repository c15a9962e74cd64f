#include "store/ingest.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "base/hash.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

using Clock = std::chrono::steady_clock;

// A bounded multi-producer multi-consumer queue.
template <typename T>
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}

  // Blocks while full. Returns false if the queue was cancelled.
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // Blocks until an item or the end; nullopt at the end.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_ || cancelled_; });
    if (items_.empty() || cancelled_) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // Like Pop, but gives up after `wait`.
  std::optional<T> PopFor(std::chrono::milliseconds wait, bool* ended) {
    std::unique_lock<std::mutex> lock(mu_);
    *ended = false;
    not_empty_.wait_for(lock, wait,
                        [&] { return !items_.empty() || closed_ || cancelled_; });
    if (items_.empty()) {
      *ended = closed_ || cancelled_;
      return std::nullopt;
    }
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  // No more pushes; Pop drains what is left.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // Wakes everyone; pushes and pops fail from now on.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
  bool cancelled_ = false;
};

struct Work {
  Page page;
};

struct Result {
  enum Kind { kDocument, kSkipped, kError } kind = kError;
  Document doc;
  PutKey key;
  std::vector<uint32_t> signature;
  std::string record;
  std::string source;
  std::string error;
};

// Runs the pipeline over one page (unless `known` says its content was
// archived from this input) and makes what Put needs.
Result Prepare(
    const Pipeline& pipeline, const Page& page,
    const std::function<bool(const std::string&, const std::string&)>& known) {
  Result r;
  r.source = page.source;
  if (!page.status.ok()) {
    r.kind = Result::kError;
    r.error = page.status.ToString();
    return r;
  }
  r.key.content_hash = Hash64Hex(page.content);
  if (known(r.key.content_hash, page.source)) {
    r.kind = Result::kSkipped;
    return r;
  }
  r.doc = pipeline.Process(page);
  if (!r.doc.error.empty()) {
    r.kind = Result::kError;
    r.error = r.doc.error;
    r.doc = Document();
    return r;
  }
  r.kind = Result::kDocument;
  r.key.key = PageKey(page.url, r.doc.url, page.source);
  r.signature = Archive::Signature(r.doc.text);
  r.record = ToJsonLine(r.doc);
  // The archive keeps the record and the layers it queries; the token-level
  // layers are not needed past this point.
  r.doc.tokens.clear();
  r.doc.sentences.clear();
  r.doc.pos.clear();
  r.doc.chunks.clear();
  r.doc.offsets.clear();
  return r;
}

}  // namespace

std::string PageKey(const std::string& page_url, const std::string& doc_url,
                    const std::string& source) {
  if (!page_url.empty()) return page_url;
  if (!doc_url.empty()) return doc_url;
  if (source == "-" || source.empty()) return source;
  namespace fs = std::filesystem;
  // The file part: up to the first '#' (tar member, WARC record), or a
  // trailing ":LINE" of JSON Lines.
  std::string file = source, rest;
  size_t hash = source.find('#');
  if (hash != std::string::npos) {
    file = source.substr(0, hash);
    rest = source.substr(hash);
  } else {
    size_t colon = source.rfind(':');
    std::error_code ec;
    if (colon != std::string::npos && !fs::exists(source, ec)) {
      file = source.substr(0, colon);
      rest = source.substr(colon);
    }
  }
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
  if (ec) return source;
  return abs.string() + rest;
}

// Runs `fn` until it does not fail on the archive's lock: another ingest
// holds the write lock for a group at a time, and SQLite's busy timeout
// alone gives up (or loses the race for the lock to the other writer's next
// group). Waits up to `seconds` in all.
template <typename F>
Status WaitForLock(double seconds, F&& fn) {
  const auto until = Clock::now() + std::chrono::duration<double>(seconds);
  while (true) {
    Status s = fn();
    if (s.ok() || s.message().find("locked") == std::string::npos ||
        Clock::now() >= until) {
      return s;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Status RunIngest(const IngestOptions& options, IngestProgress* progress) {
  *progress = IngestProgress();
  const auto start = Clock::now();
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(options.pipeline, &pipeline);
  if (!s.ok()) return s;
  std::unique_ptr<Archive> archive;
  s = OpenForIngest(options.archive_path, options.archive,
                    options.lock_wait_seconds, &archive);
  if (!s.ok()) return s;
  // Content hash and source, joined by a byte neither holds.
  std::unordered_set<std::string> known;
  s = archive->ForEachContentHash(
      [&](const std::string& h, const std::string& source) {
        known.insert(h + '\0' + source);
      });
  if (!s.ok()) return s;

  const size_t jobs =
      options.jobs > 0 ? options.jobs
                       : std::max(1u, std::thread::hardware_concurrency());
  Queue<Work> work(64 * jobs);
  Queue<Result> results(64 * jobs);

  std::atomic<int64_t> total{-1};
  std::atomic<bool> counting_stop{false};
  std::thread counter;
  // Stdin can be read once only: no count then.
  const bool has_stdin =
      std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end();
  if (options.count_total && !has_stdin) {
    counter = std::thread([&] {
      auto reader = InputReader::Open(options.inputs, options.read);
      Page page;
      int64_t n = 0;
      while (!counting_stop.load() && reader->Next(&page)) ++n;
      if (!counting_stop.load()) total.store(n);
    });
  }

  std::thread producer([&] {
    auto reader = InputReader::Open(options.inputs, options.read);
    Page page;
    while (reader->Next(&page)) {
      if (options.stop != nullptr && options.stop->load()) break;
      if (!work.Push(Work{std::move(page)})) break;
      page = Page();
    }
    work.Close();
  });

  std::atomic<size_t> workers_left{jobs};
  std::vector<std::thread> workers;
  for (size_t t = 0; t < jobs; ++t) {
    workers.emplace_back([&] {
      auto is_known = [&](const std::string& h, const std::string& source) {
        return known.contains(h + '\0' + source);
      };
      while (std::optional<Work> w = work.Pop()) {
        if (!results.Push(Prepare(*pipeline, w->page, is_known))) break;
      }
      if (workers_left.fetch_sub(1) == 1) results.Close();
    });
  }

  // The writer: this thread.
  Status write_status;
  bool in_group = false;
  size_t group_docs = 0;
  auto group_start = Clock::now();
  auto report = [&](bool done) {
    progress->total = total.load();
    progress->seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    progress->done = done;
    if (options.on_progress) options.on_progress(*progress);
  };
  auto commit = [&]() -> Status {
    if (!in_group) return Status::OK();
    in_group = false;
    group_docs = 0;
    const auto t0 = Clock::now();
    Status c = archive->Commit();
    progress->write_seconds +=
        std::chrono::duration<double>(Clock::now() - t0).count();
    return c;
  };
  while (true) {
    bool ended = false;
    std::optional<Result> r = results.PopFor(std::chrono::milliseconds(200), &ended);
    if (!r) {
      if (ended) break;
      // Idle: commit a group that has waited long enough, keep the bar live.
      if (in_group && std::chrono::duration<double>(Clock::now() - group_start)
                              .count() >= options.group_seconds) {
        write_status = commit();
        if (!write_status.ok()) break;
      }
      report(false);
      continue;
    }
    ++progress->pages;
    switch (r->kind) {
      case Result::kError:
        ++progress->errors;
        if (options.on_error) options.on_error(r->source, r->error);
        break;
      case Result::kSkipped:
        ++progress->unchanged;
        break;
      case Result::kDocument: {
        if (!in_group) {
          write_status = WaitForLock(options.lock_wait_seconds,
                                     [&] { return archive->Begin(); });
          if (!write_status.ok()) break;
          in_group = true;
          group_start = Clock::now();
        }
        PutOutcome outcome;
        std::string story;
        const auto put_start = Clock::now();
        write_status = archive->Put(r->doc, r->key, r->signature, r->record,
                                    &outcome, &story);
        progress->write_seconds +=
            std::chrono::duration<double>(Clock::now() - put_start).count();
        if (!write_status.ok()) break;
        ++group_docs;
        if (outcome == PutOutcome::kAdded) ++progress->added;
        if (outcome == PutOutcome::kReplaced) ++progress->replaced;
        if (outcome == PutOutcome::kUnchanged) ++progress->unchanged;
        break;
      }
    }
    if (!write_status.ok()) break;
    if (in_group &&
        (group_docs >= options.group_documents ||
         std::chrono::duration<double>(Clock::now() - group_start).count() >=
             options.group_seconds)) {
      write_status = commit();
      if (!write_status.ok()) break;
    }
    report(false);
  }
  if (write_status.ok()) write_status = commit();
  // Stop the other threads (they may be blocked on full queues).
  counting_stop.store(true);
  work.Cancel();
  results.Cancel();
  producer.join();
  for (std::thread& t : workers) t.join();
  if (counter.joinable()) counter.join();
  report(true);
  return write_status;
}

Status OpenForIngest(const std::string& path, const ArchiveOptions& options,
                     double lock_wait_seconds, std::unique_ptr<Archive>* archive) {
  return WaitForLock(lock_wait_seconds,
                     [&] { return Archive::Open(path, options, archive); });
}

Status IngestBatch(const Pipeline& pipeline, Archive* archive,
                   const std::vector<Page>& pages, double lock_wait_seconds,
                   IngestProgress* progress, const IngestErrorFn& on_error) {
  const auto start = Clock::now();
  std::vector<Result> results;
  results.reserve(pages.size());
  for (const Page& page : pages) {
    results.push_back(Prepare(
        pipeline, page, [&](const std::string& h, const std::string& source) {
          bool found = false;
          return archive->Contains(h, source, &found).ok() && found;
        }));
  }
  Status s = WaitForLock(lock_wait_seconds, [&] { return archive->Begin(); });
  if (!s.ok()) return s;
  const auto write_start = Clock::now();
  for (Result& r : results) {
    ++progress->pages;
    if (r.kind == Result::kError) {
      ++progress->errors;
      if (on_error) on_error(r.source, r.error);
      continue;
    }
    if (r.kind == Result::kSkipped) {
      ++progress->unchanged;
      continue;
    }
    PutOutcome outcome;
    std::string story;
    s = archive->Put(r.doc, r.key, r.signature, r.record, &outcome, &story);
    if (!s.ok()) break;
    if (outcome == PutOutcome::kAdded) ++progress->added;
    if (outcome == PutOutcome::kReplaced) ++progress->replaced;
    if (outcome == PutOutcome::kUnchanged) ++progress->unchanged;
  }
  // A failed group is rolled back whole (Put on a closed group commits
  // itself, so commit only when every Put went in).
  Status c = s.ok() ? archive->Commit() : s;
  progress->write_seconds +=
      std::chrono::duration<double>(Clock::now() - write_start).count();
  progress->seconds += std::chrono::duration<double>(Clock::now() - start).count();
  return c;
}

}  // namespace dateline

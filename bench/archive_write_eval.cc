// archive_write_eval: the archive's write rate alone. The pages are read and
// run through the pipeline first (not timed); then the documents are put into
// a fresh archive in write groups of --batch documents, and only the writes
// are timed: documents/s and rows/s (articles, entities, mentions, quotes and
// events, as Stats counts them). The same program for SQLite and PostgreSQL:
//
//   build/archive_write_eval --archive /tmp/w.db
//   build/archive_write_eval --archive 'postgresql:///w?host=/tmp/pg&user=postgres'
//
// Prints one JSON line. The archive must be new (or empty): a page already in
// it is not written again and would not count.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/hash.h"
#include "dateline/archive.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

struct Prepared {
  Document doc;
  PutKey key;
  std::vector<uint32_t> signature;
  std::string record;
};

int Main(int argc, char** argv) {
  CLI::App app{"the archive's write rate alone"};
  std::string archive_target;
  std::vector<std::string> inputs = {"../shared/datasets/bbc-news/bbc-fulltext.tar.gz"};
  int batch = 64;
  app.add_option("--archive", archive_target, "a new archive: file or postgresql:// URL")
      ->required();
  app.add_option("inputs", inputs, "pages (default: bbc-news)");
  app.add_option("--batch", batch, "documents per write group");
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(PipelineOptions(), &pipeline);
  if (!s.ok()) {
    std::fprintf(stderr, "archive_write_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  std::vector<Prepared> docs;
  std::unique_ptr<InputReader> reader = InputReader::Open(inputs, ReadOptions());
  Page page;
  while (reader->Next(&page)) {
    if (!page.status.ok()) continue;
    Prepared p;
    p.doc = pipeline->Process(page);
    if (!p.doc.error.empty()) continue;
    p.key = {page.url.empty() ? page.source : page.url, Hash64Hex(page.content)};
    p.signature = Archive::Signature(p.doc.text);
    p.record = ToJsonLine(p.doc);
    docs.push_back(std::move(p));
  }
  if (docs.empty()) {
    std::fprintf(stderr, "archive_write_eval: no documents from the inputs\n");
    return 2;
  }
  std::unique_ptr<Archive> archive;
  s = Archive::Open(archive_target, ArchiveOptions(), &archive);
  if (!s.ok()) {
    std::fprintf(stderr, "archive_write_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size() && s.ok(); i += static_cast<size_t>(batch)) {
    s = archive->Begin();
    for (size_t k = i; s.ok() && k < docs.size() && k < i + batch; ++k) {
      PutOutcome outcome;
      std::string story;
      s = archive->Put(docs[k].doc, docs[k].key, docs[k].signature, docs[k].record,
                       &outcome, &story);
    }
    if (s.ok()) s = archive->Commit();
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ArchiveStats st;
  if (s.ok()) s = archive->Stats(&st);
  if (!s.ok()) {
    std::fprintf(stderr, "archive_write_eval: %s\n", s.ToString().c_str());
    return 1;
  }
  const int64_t rows = st.articles + st.entities + st.mentions + st.quotes + st.events;
  std::printf(
      "{\"documents\":%zu,\"articles\":%lld,\"rows\":%lld,\"write_s\":%.2f,"
      "\"documents_per_s\":%.0f,\"rows_per_s\":%.0f,\"batch\":%d}\n",
      docs.size(), static_cast<long long>(st.articles), static_cast<long long>(rows), secs,
      docs.size() / secs, rows / secs, batch);
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

// WarcReader: the pages in a WARC 1.0/1.1 stream (already gunzipped; WARC.gz
// is a GzipSource underneath), read record by record so the file is never
// held in memory.
//
// Kept records: `response` (the HTTP status line and headers are parsed and
// stripped; chunked transfer coding and gzip/deflate content coding are
// undone), `resource`, and `conversion` (Page::metadata.fetched: the HTTP
// Last-Modified, else the WARC-Date). Skipped without a page: warcinfo,
// request, metadata, revisit, continuation, and dns: records. A kept record
// whose payload is not a page (an image, a PDF, an HTTP 404 or redirect)
// gives a page with a NotSupported status saying so, so every kept record is
// accounted for. A record that ends early, or a stream that breaks (truncated
// gzip), gives one error page and ends the stream. Not thread-safe.
#ifndef DATELINE_READ_WARC_READER_H_
#define DATELINE_READ_WARC_READER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/options.h"
#include "read/byte_source.h"
#include "read/page_builder.h"

namespace dateline {

class WarcReader : public PageStream {
 public:
  // Reads from `in` (not owned; must outlive the reader). `name` is the
  // input's path: pages are "name#record=N", N counting every record from 1.
  WarcReader(std::string name, BufferedReader* in, const ReadOptions& options)
      : name_(std::move(name)), in_(in), options_(ClampedOptions(options)) {}

  bool Next(Page* page) override;

 private:
  // Fills *page from the block of a kept record.
  void BuildRecordPage(
      std::string_view type,
      const std::vector<std::pair<std::string, std::string>>& headers,
      std::string block, Page* page);
  // Ends the stream with one error page for a record cut short.
  bool Truncated(uint64_t record_start, Page* page);

  std::string name_;
  BufferedReader* in_;
  ReadOptions options_;
  size_t record_ = 0;
  bool done_ = false;
};

// Parsed HTTP response head, as stored in a WARC response record.
struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lowered
  size_t body_offset = 0;  // where the body starts in the block

  // Returns the value of header `name` (lowercase), or "".
  std::string_view Header(std::string_view name) const;
};

// Parses the status line and headers at the start of `block`. Returns false
// if it is not an HTTP response head.
bool ParseHttpResponse(std::string_view block, HttpResponse* response);

// Undoes chunked transfer coding. Returns false if `body` does not start
// with a chunk-size line (crawlers often store the body already de-chunked
// while keeping the header). A body cut short keeps the chunks it has.
bool Dechunk(std::string_view body, std::string* out);

}  // namespace dateline

#endif  // DATELINE_READ_WARC_READER_H_

// JsonlReader: the pages in a JSON Lines stream, one object per line with an
// `html` (-> PageFormat::kHtml), `text` or `maintext` (-> kText), `content`
// or `body` (HTML or text by their content) string field, optional `url` and
// `id`, and the metadata keys news-please, trafilatura and most scrapers
// write (title, author(s), date, outlet, keywords ...: Page::metadata,
// docs/formats.md). Read line by line, so a multi-GB file is never
// held in memory. Blank lines are skipped; a line that is not valid JSON, not
// an object, has no body field or exceeds the size limit gives a page with an
// error status and the stream goes on. Pages are "name:LINE" (1-based).
// Not thread-safe.
#ifndef DATELINE_READ_JSONL_READER_H_
#define DATELINE_READ_JSONL_READER_H_

#include <string>
#include <string_view>

#include "dateline/options.h"
#include "read/byte_source.h"
#include "read/page_builder.h"

namespace dateline {

class JsonlReader : public PageStream {
 public:
  // Reads from `in` (not owned; must outlive the reader).
  JsonlReader(std::string name, BufferedReader* in, const ReadOptions& options)
      : name_(std::move(name)), in_(in), options_(ClampedOptions(options)) {}

  bool Next(Page* page) override;

 private:
  std::string name_;
  BufferedReader* in_;
  ReadOptions options_;
  size_t line_no_ = 0;
  bool done_ = false;
};

// Fills *page (whose source is set) from one JSON Lines record.
void ParseJsonlRecord(std::string_view line, size_t max_page_bytes, Page* page);

}  // namespace dateline

#endif  // DATELINE_READ_JSONL_READER_H_

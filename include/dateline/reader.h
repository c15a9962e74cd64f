// InputReader: turns command-line inputs (files, directories, "-" for stdin)
// into Pages. Formats are detected from content: HTML, plain scraped text,
// WARC / WARC.gz, JSON Lines (the page under `html`, `text`, `maintext`,
// `content` or `body`), tar, Reuters-21578 SGML, and .gz of any. What an
// input says about a page besides its content (a JSONL record's title,
// authors, date, outlet ...; a Reuters record's; WARC and HTTP dates;
// ReadOptions::outlet) is in Page::metadata (docs/formats.md).
// Not thread-safe: one reader per thread.
#ifndef DATELINE_READER_H_
#define DATELINE_READER_H_

#include <memory>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/options.h"
#include "dateline/status.h"

namespace dateline {

class InputReader {
 public:
  virtual ~InputReader() = default;

  // Opens `inputs` lazily; a missing input is reported as a Page with a
  // NotFound status when reached, so the batch goes on.
  static std::unique_ptr<InputReader> Open(std::vector<std::string> inputs,
                                           const ReadOptions& options);

  // Stores the next page in *page and returns true; false at the end.
  // A page that could not be read has !page->status.ok().
  virtual bool Next(Page* page) = 0;
};

// Reads every page in one in-memory blob (the bytes of a file called `name`):
// detects gzip, WARC, JSON Lines, HTML or text, and appends the pages.
// Never throws; bad input becomes pages with an error status.
void ReadBlob(const std::string& name, std::string bytes,
              const ReadOptions& options, std::vector<Page>* pages);

}  // namespace dateline

#endif  // DATELINE_READER_H_

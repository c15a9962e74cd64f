// PageStream, the interface every reader implements, and BuildPage, which
// turns the bytes of one HTML or text document into a Page (binary check,
// charset, format). Internal to src/read.
#ifndef DATELINE_READ_PAGE_BUILDER_H_
#define DATELINE_READ_PAGE_BUILDER_H_

#include <string>
#include <string_view>

#include "dateline/document.h"
#include "dateline/options.h"

namespace dateline {

// Yields the pages of one input in order. Not thread-safe.
class PageStream {
 public:
  virtual ~PageStream() = default;

  // Stores the next page in *page and returns true; false at the end.
  virtual bool Next(Page* page) = 0;
};

// Fills page->content, charset, format and status from the raw `bytes` of
// one document; page->source must be set (messages name it). `declared` is
// the transport's charset label ("" if none); `format` is the format the
// transport says (kUnknown: decide from the content, with `name` breaking
// ties). `what` names the bytes in messages ("file", "payload"). A binary
// document (magic number or control bytes) or one with no text gives a
// page with an error status and no content.
void BuildPage(std::string bytes, std::string_view name,
               std::string_view declared, PageFormat format,
               std::string_view what, Page* page);

// Returns `options` with max_page_bytes capped at 2^60, so the readers can
// add slack to it without overflowing (a limit of SIZE_MAX means "none").
inline ReadOptions ClampedOptions(ReadOptions options) {
  constexpr size_t kCap = size_t{1} << 60;
  if (options.max_page_bytes > kCap) options.max_page_bytes = kCap;
  return options;
}

// Returns a page for `source` with status `status` and no content.
Page ErrorPage(const std::string& source, Status status);

}  // namespace dateline

#endif  // DATELINE_READ_PAGE_BUILDER_H_

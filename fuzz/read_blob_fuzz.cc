// Fuzzes ReadBlob, the whole reading path: format detection, gzip, WARC,
// JSON Lines, HTML/text pages and charsets. The first byte picks the file
// name (names only break ties, but they must never crash anything).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/reader.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kNames[] = {
      "page.html",  "page.txt",      "crawl.warc",   "crawl.warc.gz",
      "feed.jsonl", "feed.jsonl.gz", "page.html.gz", "noext",
      "-",          "x.htm"};
  if (size == 0) return 0;
  std::string name = kNames[data[0] % (sizeof(kNames) / sizeof(kNames[0]))];
  dateline::ReadOptions options;
  options.max_page_bytes = 1 << 20;  // keep gzip bombs cheap
  std::vector<dateline::Page> pages;
  dateline::ReadBlob(
      name, std::string(reinterpret_cast<const char*>(data) + 1, size - 1),
      options, &pages);
  // A WARC holding only warcinfo/request/metadata records has no pages;
  // any other input gives at least one (an error page if nothing else).
  if (pages.empty() &&
      std::string_view(name).find("warc") == std::string_view::npos &&
      size > 1) {
    std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (body.find("WARC/") == std::string_view::npos) std::abort();
  }
  for (const dateline::Page& page : pages) dateline::CheckPage(page);
  return 0;
}

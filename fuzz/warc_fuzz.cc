// Fuzzes the WARC reader on raw (not gzipped) bytes, and the HTTP helpers.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "read/byte_source.h"
#include "read/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  dateline::HttpResponse http;
  if (dateline::ParseHttpResponse(bytes, &http)) {
    if (http.body_offset > bytes.size()) std::abort();
  }
  std::string dechunked;
  if (dateline::Dechunk(bytes, &dechunked) && dechunked.size() > bytes.size()) {
    std::abort();
  }
  dateline::ReadOptions options;
  options.max_page_bytes = 1 << 16;
  dateline::StringSource source(bytes);
  dateline::BufferedReader in(&source);
  dateline::WarcReader reader("f.warc", &in, options);
  dateline::Page page;
  size_t pages = 0;
  while (reader.Next(&page)) {
    dateline::CheckPage(page);
    if (++pages > size + 1) std::abort();  // no page out of nothing
  }
  return 0;
}

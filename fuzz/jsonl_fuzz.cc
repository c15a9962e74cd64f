// Fuzzes the JSON Lines reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "read/byte_source.h"
#include "read/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::ReadOptions options;
  options.max_page_bytes = 1 << 12;
  dateline::StringSource source(
      std::string(reinterpret_cast<const char*>(data), size));
  dateline::BufferedReader in(&source);
  dateline::JsonlReader reader("f.jsonl", &in, options);
  dateline::Page page;
  size_t pages = 0;
  while (reader.Next(&page)) {
    dateline::CheckPage(page);
    if (++pages > size + 1) std::abort();
  }
  return 0;
}

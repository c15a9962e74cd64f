// Fuzzes the streaming gzip source and the bounded in-memory inflater.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read/byte_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  constexpr size_t kLimit = 1 << 20;
  {
    dateline::GzipSource gz(std::make_unique<dateline::StringSource>(bytes),
                            "f.gz");
    dateline::BufferedReader in(&gz);
    std::string out;
    in.ReadUpTo(kLimit, &out);
    if (out.size() > kLimit) std::abort();
  }
  for (bool gzip : {true, false}) {
    std::string out;
    dateline::Status s = dateline::InflateBounded(bytes, gzip, kLimit, &out);
    if (out.size() > kLimit + 1) std::abort();
    (void)s;
  }
  return 0;
}

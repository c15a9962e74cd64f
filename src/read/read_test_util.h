// Helpers for the reader tests: build gzip, WARC records and read blobs.
// Test-only; not part of the library.
#ifndef DATELINE_READ_READ_TEST_UTIL_H_
#define DATELINE_READ_READ_TEST_UTIL_H_

#include <zlib.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/reader.h"

namespace dateline {
namespace testing_util {

// Returns `data` as one gzip member (or a zlib stream / raw deflate when
// `window_bits` says so: 15 zlib, -15 raw, 31 gzip).
inline std::string Compress(std::string_view data, int window_bits = 31) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Gzip(std::string_view data) { return Compress(data, 31); }

// Returns one WARC/1.0 record with the given type, target URI, Content-Type
// and block, followed by the two CRLFs that end a record.
inline std::string WarcRecord(std::string_view type, std::string_view uri,
                              std::string_view content_type,
                              std::string_view block) {
  std::string r = "WARC/1.0\r\nWARC-Type: ";
  r.append(type).append("\r\n");
  if (!uri.empty()) r.append("WARC-Target-URI: ").append(uri).append("\r\n");
  r.append(
      "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n");
  if (!content_type.empty()) {
    r.append("Content-Type: ").append(content_type).append("\r\n");
  }
  r.append("Content-Length: ").append(std::to_string(block.size()));
  r.append("\r\n\r\n").append(block).append("\r\n\r\n");
  return r;
}

// Returns an HTTP response block (status line, headers, blank line, body).
inline std::string HttpBlock(std::string_view headers, std::string_view body,
                             std::string_view status = "200 OK") {
  std::string b = "HTTP/1.1 ";
  b.append(status).append("\r\n").append(headers);
  b.append("\r\n").append(body);
  return b;
}

// Reads `bytes` as the file `name`.
inline std::vector<Page> ReadAll(const std::string& name, std::string bytes,
                                 const ReadOptions& options = ReadOptions()) {
  std::vector<Page> pages;
  ReadBlob(name, std::move(bytes), options, &pages);
  return pages;
}

}  // namespace testing_util
}  // namespace dateline

#endif  // DATELINE_READ_READ_TEST_UTIL_H_

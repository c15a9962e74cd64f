// The event-location dataset (Halterman 2019; ../shared/datasets/
// event-location, see its SOURCE.md) as the bench programs read it: its one
// file is a zip archive holding a JSON array of Prodigy records, read here
// without unzip (zlib's inflate), and records count characters where
// dateline counts bytes. Read by geocode_eval, location_gazetteer_eval and
// event_location_eval.
#ifndef DATELINE_BENCH_EVENT_LOCATION_DATA_H_
#define DATELINE_BENCH_EVENT_LOCATION_DATA_H_

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {
namespace bench {

inline uint32_t Le32(std::string_view s, size_t p) {
  if (p + 4 > s.size()) return 0;
  return static_cast<uint32_t>(static_cast<unsigned char>(s[p])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[p + 3])) << 24;
}
inline uint16_t Le16(std::string_view s, size_t p) {
  if (p + 2 > s.size()) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(s[p]) |
                               static_cast<unsigned char>(s[p + 1]) << 8);
}

// Extracts the entry `name` of the zip archive `zip` (stored or deflated);
inline bool UnzipEntry(std::string_view zip, std::string_view name, std::string* out,
                std::string* error) {
  if (zip.size() < 22) {
    *error = "not a zip file";
    return false;
  }
  size_t eocd = std::string_view::npos;
  for (size_t p = zip.size() - 22;; --p) {
    if (Le32(zip, p) == 0x06054b50) {
      eocd = p;
      break;
    }
    if (p == 0 || zip.size() - p > 70000) break;
  }
  if (eocd == std::string_view::npos) {
    *error = "no end of central directory";
    return false;
  }
  size_t entries = Le16(zip, eocd + 10);
  size_t p = Le32(zip, eocd + 16);
  for (size_t k = 0; k < entries; ++k) {
    if (Le32(zip, p) != 0x02014b50) break;
    uint16_t method = Le16(zip, p + 10);
    uint32_t csize = Le32(zip, p + 20), usize = Le32(zip, p + 24);
    uint16_t nlen = Le16(zip, p + 28), xlen = Le16(zip, p + 30),
             clen = Le16(zip, p + 32);
    uint32_t local = Le32(zip, p + 42);
    std::string_view entry = zip.substr(std::min(zip.size(), p + 46), nlen);
    p += 46 + nlen + xlen + clen;
    if (entry != name) continue;
    if (Le32(zip, local) != 0x04034b50) break;
    size_t data = local + 30 + Le16(zip, local + 26) + Le16(zip, local + 28);
    if (data + csize > zip.size()) break;
    std::string_view comp = zip.substr(data, csize);
    if (method == 0) {
      *out = std::string(comp);
      return true;
    }
    if (method != 8) {
      *error = "unsupported compression method";
      return false;
    }
    out->assign(usize, '\0');
    z_stream zs{};
    if (inflateInit2(&zs, -15) != Z_OK) break;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(comp.data()));
    zs.avail_in = static_cast<uInt>(comp.size());
    zs.next_out = reinterpret_cast<Bytef*>(out->data());
    zs.avail_out = static_cast<uInt>(out->size());
    int rc = inflate(&zs, Z_FINISH);
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
      *error = "inflate failed";
      return false;
    }
    out->resize(zs.total_out);
    return true;
  }
  *error = "entry not found or damaged";
  return false;
}

// Returns the byte offset of code point `cp` in UTF-8 `s` (Prodigy's
// offsets count Python characters), s.size() when past the end.
inline size_t ByteOffset(std::string_view s, size_t cp) {
  size_t k = 0;
  for (size_t b = 0; b < s.size(); ++b) {
    if ((static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
    if (k == cp) return b;
    ++k;
  }
  return s.size();
}
}  // namespace bench
}  // namespace dateline

#endif  // DATELINE_BENCH_EVENT_LOCATION_DATA_H_

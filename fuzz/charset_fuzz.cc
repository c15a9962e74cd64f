// Fuzzes charset detection and conversion: the first byte picks the
// transport's declared charset and whether to sniff <meta>.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "base/utf8.h"
#include "read/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kDeclared[] = {
      "",         "utf-8",  "iso-8859-1",  "shift_jis",
      "euc-jp",   "gb2312", "big5",        "utf-16",
      "utf-16le", "koi8-r", "iso-2022-jp", "windows-1251",
      "euc-kr",   "bogus",  "utf-16be",    "gb18030"};
  if (size == 0) return 0;
  const char* declared = kDeclared[data[0] % 16];
  bool sniff = (data[0] & 0x80) != 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  dateline::SniffHtmlCharset(bytes);
  dateline::CharsetFromContentType(bytes.substr(0, 200));
  dateline::CanonicalCharset(bytes.substr(0, 80));
  std::string out, charset;
  dateline::DecodeToUtf8(bytes, sniff, declared, &out, &charset);
  if (!dateline::IsValidUtf8(out)) std::abort();
  if (std::memchr(out.data(), '\0', out.size()) != nullptr) std::abort();
  if (charset.empty()) std::abort();
  return 0;
}

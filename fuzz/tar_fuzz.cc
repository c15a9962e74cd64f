// Fuzzes the tar and Reuters SGML readers (through ReadBlob, which detects
// them) on raw bytes: no crash, every page keeps the Page contract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dateline/reader.h"
#include "fuzz_check.h"
#include "read/reuters_reader.h"
#include "read/tar_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (size >= 512) {
    dateline::TarHeader h;
    (void)dateline::ParseTarHeader(std::string_view(bytes).substr(0, 512), &h);
  }
  std::string text, id;
  (void)dateline::ReutersRecordToText(bytes, &text, &id);
  dateline::ReadOptions options;
  options.max_page_bytes = 1 << 16;
  std::vector<dateline::Page> pages;
  dateline::ReadBlob("f.tar", bytes, options, &pages);
  for (const dateline::Page& page : pages) dateline::CheckPage(page);
  if (pages.size() > size + 1) std::abort();
  return 0;
}

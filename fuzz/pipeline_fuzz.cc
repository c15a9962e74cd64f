// Fuzzes the pipeline past reading (the clean stage): the bytes, repaired to
// UTF-8, are processed as an HTML page and as a plain-text page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/utf8.h"
#include "dateline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<dateline::Pipeline> pipeline = [] {
    std::unique_ptr<dateline::Pipeline> p;
    dateline::PipelineOptions options;
    options.stages = "clean";
    if (!dateline::Pipeline::Create(options, &p).ok()) std::abort();
    return p;
  }();
  dateline::Page page;
  page.source = "fuzz";
  page.content = dateline::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size));
  page.charset = "utf-8";
  for (dateline::PageFormat format :
       {dateline::PageFormat::kHtml, dateline::PageFormat::kText}) {
    page.format = format;
    dateline::Document doc = pipeline->Process(page);
    std::string line = dateline::ToJsonLine(doc);
    if (line.empty() || !dateline::IsValidUtf8(line)) std::abort();
  }
  return 0;
}

// Invariants every fuzz target checks on the pages a reader yields.
#ifndef DATELINE_FUZZ_FUZZ_CHECK_H_
#define DATELINE_FUZZ_FUZZ_CHECK_H_

#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/utf8.h"
#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {

// Aborts (a fuzzer finding) unless `page` keeps the Page contract: valid
// UTF-8 content without NULs, empty content on error, a source always.
inline void CheckPage(const Page& page) {
  if (!IsValidUtf8(page.content)) std::abort();
  if (std::memchr(page.content.data(), '\0', page.content.size()) != nullptr) {
    std::abort();
  }
  if (!page.status.ok() && !page.content.empty()) std::abort();
  if (page.source.empty()) std::abort();
  if (page.status.ok() && page.format == PageFormat::kUnknown) std::abort();
}

// The fuzz target's pipeline. LoadPipeline builds it (call it from
// LLVMFuzzerInitialize, so the time a sanitized build takes to load the
// models, more on a busy machine, does not count against the first input's
// -timeout); LoadedPipeline returns it.
inline std::unique_ptr<Pipeline>& FuzzPipeline() {
  static std::unique_ptr<Pipeline> pipeline;
  return pipeline;
}
inline void LoadPipeline(const PipelineOptions& options) {
  if (!Pipeline::Create(options, &FuzzPipeline()).ok()) std::abort();
}
inline Pipeline& LoadedPipeline() {
  if (FuzzPipeline() == nullptr) std::abort();
  return *FuzzPipeline();
}

}  // namespace dateline

#endif  // DATELINE_FUZZ_FUZZ_CHECK_H_

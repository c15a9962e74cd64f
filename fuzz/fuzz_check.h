// Invariants every fuzz target checks on the pages a reader yields.
#ifndef DATELINE_FUZZ_FUZZ_CHECK_H_
#define DATELINE_FUZZ_FUZZ_CHECK_H_

#include <cstdlib>
#include <cstring>

#include "base/utf8.h"
#include "dateline/document.h"

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

}  // namespace dateline

#endif  // DATELINE_FUZZ_FUZZ_CHECK_H_

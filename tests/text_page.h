// ProcessTextPage: a plain-text page through the default pipeline (every
// stage, as `dateline extract` runs it), for tests that assert on the
// records of a page they write themselves. Header-only; builds the pipeline
// on each call.
#ifndef DATELINE_TESTS_TEXT_PAGE_H_
#define DATELINE_TESTS_TEXT_PAGE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {

// Returns the record of `text` as a page from `source`; nullptr (and a
// failed expectation) when the pipeline cannot be created.
inline std::unique_ptr<Document> ProcessTextPage(const char* source,
                                                 const char* text) {
  Page page;
  page.source = source;
  page.format = PageFormat::kText;
  page.content = text;
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(PipelineOptions{}, &pipeline);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return nullptr;
  return std::make_unique<Document>(pipeline->Process(page));
}

}  // namespace dateline

#endif  // DATELINE_TESTS_TEXT_PAGE_H_

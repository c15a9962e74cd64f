// The seed page (../shared/seed, the page the project started from) run
// through the pipeline, for the seed tests of each stage. Header-only.
#ifndef DATELINE_TESTS_SEED_PAGE_H_
#define DATELINE_TESTS_SEED_PAGE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dateline/pipeline.h"

namespace dateline {

inline constexpr char kSeedPage[] =
    DATELINE_SOURCE_DIR "/../shared/seed/000_1d3cb87e18d9be47.txt";

// Returns the seed page processed up to `stages` ("" = every built stage),
// or nullptr when ../shared is absent. Fails the calling test if the
// pipeline cannot be built.
inline std::unique_ptr<Document> ProcessSeedPage(const std::string& stages) {
  std::ifstream in(kSeedPage, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream ss;
  ss << in.rdbuf();
  Page page;
  page.source = kSeedPage;
  page.format = PageFormat::kText;
  page.content = ss.str();
  PipelineOptions options;
  options.stages = stages;
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(options, &pipeline);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return nullptr;
  return std::make_unique<Document>(pipeline->Process(page));
}

}  // namespace dateline

#endif  // DATELINE_TESTS_SEED_PAGE_H_

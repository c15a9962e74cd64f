// Fuzzes the whole pipeline on plain text (every stage: clean, segment, tag,
// resolve, quotes, events): the bytes, repaired to UTF-8, are one scraped
// page. Checks that every span the later stages give lies inside the clean
// text and that the record serialises to valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/utf8.h"
#include "dateline/pipeline.h"

namespace {

void CheckSpan(const dateline::Span& s, size_t size, bool may_be_empty) {
  if (s.begin > s.end || s.end > size) std::abort();
  if (!may_be_empty && s.begin == s.end) std::abort();
}

// The pipeline, its models loaded once. Loaded from LLVMFuzzerInitialize,
// so the minutes a sanitized build takes to load them (more on a busy
// machine) do not count against the first input's -timeout.
dateline::Pipeline& LoadedPipeline() {
  static std::unique_ptr<dateline::Pipeline> pipeline = [] {
    std::unique_ptr<dateline::Pipeline> p;
    dateline::PipelineOptions options;  // every stage that is built
    if (!dateline::Pipeline::Create(options, &p).ok()) std::abort();
    return p;
  }();
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  LoadedPipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::Pipeline* pipeline = &LoadedPipeline();
  dateline::Page page;
  page.source = "fuzz";
  page.content = dateline::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size));
  page.charset = "utf-8";
  page.format = dateline::PageFormat::kText;
  dateline::Document doc = pipeline->Process(page);
  const size_t n = doc.text.size();
  for (const dateline::Span& t : doc.tokens) CheckSpan(t, n, false);
  for (const dateline::SentenceSpan& s : doc.sentences) {
    CheckSpan(s.span, n, false);
    if (s.token_begin > s.token_end || s.token_end > doc.tokens.size()) {
      std::abort();
    }
  }
  for (const dateline::Entity& e : doc.entities) {
    for (const dateline::Span& m : e.mentions) CheckSpan(m, n, false);
  }
  for (const dateline::Quote& q : doc.quotes) {
    CheckSpan(q.span, n, true);
    CheckSpan(q.cue_span, n, true);
    CheckSpan(q.speaker_span, n, true);
    CheckSpan(q.sentence, n, true);
  }
  for (const dateline::Event& e : doc.events) {
    if (e.code.empty() || e.root.empty()) std::abort();
    CheckSpan(e.sentence, n, true);
    CheckSpan(e.trigger, n, true);
    CheckSpan(e.source.span, n, true);
    CheckSpan(e.target.span, n, true);
  }
  std::string line = dateline::ToJsonLine(doc);
  if (line.empty() || !dateline::IsValidUtf8(line)) std::abort();
  return 0;
}

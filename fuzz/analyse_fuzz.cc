// Fuzzes the whole pipeline on plain text (every stage: clean, segment, tag,
// resolve, quotes, events): the bytes, repaired to UTF-8, are one scraped
// page. Checks that every span the later stages give lies inside the clean
// text and that the record serialises to valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "dateline/pipeline.h"
#include "fuzz_check.h"

namespace {

void CheckSpan(const dateline::Span& s, size_t size, bool may_be_empty) {
  if (s.begin > s.end || s.end > size) std::abort();
  if (!may_be_empty && s.begin == s.end) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Every stage that is built.
  dateline::LoadPipeline(dateline::PipelineOptions());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::Pipeline* pipeline = &dateline::LoadedPipeline();
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

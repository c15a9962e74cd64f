// Fuzzes the parse and clauses stages through the pipeline (the bytes,
// repaired to UTF-8, are one scraped page). Checks the tree of every sentence
// the parser was given (every head inside its sentence, one root, no cycle),
// that the sentences it skipped are exactly those SentencesToParse rejects
// (no head, relation kUnparsedRelation), and that every clause points at
// tokens, spans and clauses that exist.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "dateline/pipeline.h"
#include "fuzz_check.h"
#include "syntax/parse_selection.h"

namespace {

void CheckSpan(const dateline::Span& s, size_t size) {
  if (s.begin > s.end || s.end > size) std::abort();
}

void CheckTrees(const dateline::Document& doc) {
  const size_t n = doc.tokens.size();
  if (doc.heads.size() != n || doc.deprels.size() != n) std::abort();
  const std::vector<uint8_t> selected = dateline::SentencesToParse(doc);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const dateline::SentenceSpan& s = doc.sentences[si];
    if (s.token_end > n || s.token_begin > s.token_end) std::abort();
    if (!selected[si]) {
      for (uint32_t t = s.token_begin; t < s.token_end; ++t)
        if (doc.heads[t] != -1 ||
            doc.deprels[t] != dateline::kUnparsedRelation)
          std::abort();
      continue;
    }
    int roots = 0;
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const int32_t h = doc.heads[t];
      if (h < 0) {
        ++roots;
        continue;
      }
      if (h < static_cast<int32_t>(s.token_begin) ||
          h >= static_cast<int32_t>(s.token_end) || h == static_cast<int32_t>(t))
        std::abort();
      // Following heads reaches the root within the sentence's length.
      int32_t at = static_cast<int32_t>(t);
      for (uint32_t steps = 0; at >= 0; ++steps) {
        if (steps > s.token_end - s.token_begin) std::abort();
        at = doc.heads[at];
      }
    }
    if (s.token_end > s.token_begin && roots != 1) std::abort();
  }
}

void CheckClauses(const dateline::Document& doc) {
  const size_t n = doc.text.size();
  const int clauses = static_cast<int>(doc.clauses.size());
  for (const dateline::Clause& c : doc.clauses) {
    if (c.predicate >= doc.tokens.size()) std::abort();
    CheckSpan(c.predicate_span, n);
    CheckSpan(c.sentence, n);
    if (c.parent < -1 || c.parent >= clauses) std::abort();
    if (c.attributed_by < -1 || c.attributed_by >= clauses) std::abort();
    for (const dateline::ClauseArgument& a : c.arguments) {
      if (a.head >= doc.tokens.size()) std::abort();
      CheckSpan(a.span, n);
      if (a.clause < -1 || a.clause >= clauses) std::abort();
      if (a.role.empty()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dateline::LoadPipeline(dateline::PipelineOptions("clauses", ""));
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
  if (!doc.error.empty()) return 0;
  CheckTrees(doc);
  CheckClauses(doc);
  dateline::JsonOptions json;
  json.tokens = true;
  json.clauses = true;
  std::string line = dateline::ToJsonLine(doc, json);
  if (line.empty() || !dateline::IsValidUtf8(line)) std::abort();
  return 0;
}

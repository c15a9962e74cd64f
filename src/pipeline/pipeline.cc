#include "dateline/pipeline.h"

#include <algorithm>
#include <exception>

#include "base/hash.h"
#include "clean/html_extractor.h"
#include "clean/text_cleaner.h"

namespace dateline {
namespace {

// Index of each stage in the pipeline; stages after kLastBuilt are refused.
const std::vector<std::string> kStages = {"read",   "clean",   "segment",
                                          "tag",    "resolve", "quotes",
                                          "events", "dedup",   "store"};
constexpr size_t kLastBuilt = 1;  // "clean"

// Returns true if `content` looks like HTML rather than plain text.
bool LooksLikeHtml(std::string_view content) {
  size_t limit = std::min<size_t>(content.size(), 4096);
  std::string_view head = content.substr(0, limit);
  for (const char* marker : {"<html", "<HTML", "<!DOCTYPE", "<!doctype",
                             "<head", "<body", "<div", "<p>", "<meta"}) {
    if (head.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

class PipelineImpl : public Pipeline {
 public:
  explicit PipelineImpl(size_t last_stage) : last_stage_(last_stage) {}

  Document Process(const Page& page) const override {
    Document doc;
    doc.source = page.source;
    doc.url = page.url;
    doc.format = page.format;
    if (!page.id.empty()) {
      doc.id = page.id;
    } else if (!page.url.empty()) {
      doc.id = Hash64Hex(page.url);
    } else {
      doc.id = Hash64Hex(page.content);
    }
    if (!page.status.ok()) {
      // Unreadable pages have no content to hash; keep their ids apart.
      if (page.id.empty() && page.url.empty()) doc.id = Hash64Hex(page.source);
      doc.error = page.status.ToString();
      return doc;
    }
    if (doc.format == PageFormat::kUnknown) {
      doc.format =
          LooksLikeHtml(page.content) ? PageFormat::kHtml : PageFormat::kText;
    }
    if (last_stage_ < 1) {
      doc.text = page.content;
      return doc;
    }
    try {
      Status s = doc.format == PageFormat::kHtml
                     ? ExtractArticleFromHtml(page.content, &doc)
                     : CleanScrapedText(page.content, &doc);
      if (!s.ok()) doc.error = s.ToString();
      // The page named its own address (canonical link): the id follows the
      // URL, so the same article read from a WARC and a file is one id.
      if (page.id.empty() && page.url.empty() && !doc.url.empty()) {
        doc.id = Hash64Hex(doc.url);
      }
    } catch (const std::exception& e) {
      // A library threw (e.g. std::bad_alloc on a pathological page): the
      // batch goes on with this page's error recorded.
      doc.error = std::string("Internal error in clean stage: ") + e.what();
    }
    return doc;
  }

 private:
  size_t last_stage_;
};

}  // namespace

const std::vector<std::string>& Pipeline::StageNames() { return kStages; }

Status Pipeline::Create(const PipelineOptions& options,
                        std::unique_ptr<Pipeline>* pipeline) {
  for (size_t i = 0; i < kStages.size(); ++i) {
    if (kStages[i] != options.stages) continue;
    if (i > kLastBuilt) {
      return Status::NotSupported("stage not built yet", options.stages);
    }
    *pipeline = std::make_unique<PipelineImpl>(i);
    return Status::OK();
  }
  return Status::InvalidArgument("unknown stage", options.stages);
}

}  // namespace dateline

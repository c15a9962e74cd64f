#include "clean/html_extractor.h"

namespace dateline {

Status ExtractArticleFromHtml(std::string_view html, Document* doc) {
  doc->text.assign(html);
  return Status::OK();
}

}  // namespace dateline

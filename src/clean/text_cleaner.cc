#include "clean/text_cleaner.h"

namespace dateline {

Status CleanScrapedText(std::string_view text, Document* doc) {
  doc->text.assign(text);
  return Status::OK();
}

}  // namespace dateline

// HtmlArticleExtractor: finds the article in an HTML page and fills the
// clean-stage fields of a Document (title, text, metadata, removed, offsets).
#ifndef DATELINE_CLEAN_HTML_EXTRACTOR_H_
#define DATELINE_CLEAN_HTML_EXTRACTOR_H_

#include <string_view>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

// Extracts the article from `html` (valid UTF-8) into *doc. doc->url, when
// set, helps with the outlet. Returns Corruption when no text at all could
// be found; the fields filled so far stay in *doc.
Status ExtractArticleFromHtml(std::string_view html, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_HTML_EXTRACTOR_H_

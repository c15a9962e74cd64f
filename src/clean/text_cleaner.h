// ScrapedTextCleaner: cleans a page saved as plain text by a naive scraper
// (title line, blank line, then all visible text: menus, widgets, footers).
#ifndef DATELINE_CLEAN_TEXT_CLEANER_H_
#define DATELINE_CLEAN_TEXT_CLEANER_H_

#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

// Keeps the article body of `text` (valid UTF-8) in doc->text and fills the
// metadata found in the text (title, outlet, published, datelines, tags,
// captions, language); every dropped line goes to doc->removed with its
// reason. Returns Corruption when nothing of an article is left.
Status CleanScrapedText(std::string_view text, Document* doc);

class LineClassifier;  // clean/line_classifier.h
struct ScrapedLine;

// As above; with a `model`, the model decides which lines are article text
// (the rules still find the title, metadata, captions and datelines, and
// their verdicts are the model's features). With `lines_out`, appends every
// non-blank body line with its features and the rules' own verdict (for
// training; nothing is appended for a page the rules find no article in).
// Either may be null.
Status CleanScrapedText(std::string_view text, Document* doc,
                        const LineClassifier* model,
                        std::vector<ScrapedLine>* lines_out);

}  // namespace dateline

#endif  // DATELINE_CLEAN_TEXT_CLEANER_H_

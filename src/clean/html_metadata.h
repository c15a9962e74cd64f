// HtmlMetadata: what a page says about itself in <title>, <meta>, JSON-LD,
// <time> and its canonical link, read before (and apart from) the article
// text. Plain functions; thread-safe.
#ifndef DATELINE_CLEAN_HTML_METADATA_H_
#define DATELINE_CLEAN_HTML_METADATA_H_

#include <string>
#include <vector>

#include "clean/html_dom.h"
#include "dateline/document.h"

namespace dateline {

// Candidates, as found; ApplyHtmlMetadata picks among them.
struct HtmlMetadata {
  std::string title_tag, og_title, ld_headline, h1;
  std::string site_name, ld_publisher;
  std::string published_meta, ld_published, time_datetime;
  std::vector<std::string> meta_authors, ld_authors;
  std::vector<std::string> tags;
  std::string lang;
  std::string canonical;
};

// Reads the metadata candidates of a parsed page (h1 is left to the caller,
// which knows which headings are boilerplate). Malformed JSON-LD is ignored.
void ReadHtmlMetadata(const HtmlDom& dom, HtmlMetadata* meta);

// Fills doc's title, url (when empty), outlet, published, authors, tags and
// language from the candidates, best first.
void ApplyHtmlMetadata(const HtmlMetadata& meta, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_HTML_METADATA_H_

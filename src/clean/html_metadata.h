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

// A piece of page text and the DOM node it was read from (document order
// tells a byline under the headline from one in a sidebar above it).
struct PageSnippet {
  uint32_t node = 0;
  std::string text;
};

// Candidates, as found; ApplyHtmlMetadata picks among them.
struct HtmlMetadata {
  std::string title_tag, og_title, ld_headline, h1;
  // Every <h1> that is not boilerplate, in page order (set by the caller).
  std::vector<PageSnippet> h1s;
  // Visible author evidence: rel=author / itemprop=author elements and
  // elements whose class names a byline or author, in page order.
  std::vector<PageSnippet> bylines;
  // Printed dates: <time> texts and elements whose class names a date.
  std::vector<PageSnippet> printed_dates;
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

// Returns the people named in a byline ("By Jane Doe and JOHN ROE, AP
// Writers | Updated May 3" -> {"Jane Doe", "John Roe"}), dropping roles,
// outlets, agencies, desks and accounts: a name must read as a person's
// (capitalised words, no digits, not "Staff" or "Reuters", not the site's
// own name, which `site_names` and `host` give). Empty when none.
std::vector<std::string> ParseBylineNames(std::string_view line,
                                          const std::vector<std::string>& site_names,
                                          std::string_view host);

// Fills doc's title, url (when empty), outlet, published, authors, tags and
// language from the candidates, best first.
void ApplyHtmlMetadata(const HtmlMetadata& meta, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_HTML_METADATA_H_

// ReutersReader: the articles of a Reuters-21578 SGML file (reut2-NNN.sgm),
// one page per <REUTERS> record that has a <BODY>, as plain text the
// scraped-text cleaner reads: the TITLE line, the DATE as "26 February 1987
// 15:01", then the DATELINE and BODY with the wire's 65-column lines joined
// into paragraphs. Records without a BODY (the title-only "Blah blah blah."
// briefs) give no page. Page::metadata holds what the record says (outlet
// Reuters, title, date, topics and places). SGML entities (&lt; &amp; &#N;) are decoded and
// control characters dropped. A record larger than the page limit, or one cut
// off by the end of the file, gives an error page; the stream goes on where
// it can. Streamed line by line. Not thread-safe.
#ifndef DATELINE_READ_REUTERS_READER_H_
#define DATELINE_READ_REUTERS_READER_H_

#include <string>
#include <string_view>

#include "dateline/document.h"
#include "dateline/options.h"
#include "read/byte_source.h"
#include "read/page_builder.h"

namespace dateline {

// Returns true if `head` starts (after whitespace) with the Reuters-21578
// doctype or a <REUTERS element.
bool LooksLikeReutersSgml(std::string_view head);

// Turns one <REUTERS ...>...</REUTERS> record into page text (see above).
// Returns false if the record has no BODY. Sets *newid to its NEWID.
bool ReutersRecordToText(std::string_view record, std::string* text,
                         std::string* newid);

// Fills *meta from one record: outlet "Reuters", the TITLE, the DATE as ISO
// 8601 ("1987-02-26T15:01"), the TOPICS then PLACES as tags, origin
// "reuters".
void ReutersRecordMetadata(std::string_view record, PageMetadata* meta);

class ReutersReader : public PageStream {
 public:
  // Reads from `in` (not owned). Pages are "name#newid=N".
  ReutersReader(std::string name, BufferedReader* in,
                const ReadOptions& options)
      : name_(std::move(name)), in_(in), options_(ClampedOptions(options)) {}

  bool Next(Page* page) override;

 private:
  std::string name_;
  BufferedReader* in_;
  ReadOptions options_;
  size_t pages_ = 0;  // pages yielded so far, error pages included
  size_t records_ = 0;
  bool done_ = false;
};

}  // namespace dateline

#endif  // DATELINE_READ_REUTERS_READER_H_

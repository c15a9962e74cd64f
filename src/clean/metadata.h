// Metadata helpers shared by the HTML extractor and the scraped-text
// cleaner: titles, dates, datelines, tags, caption credits, character
// repair and language. Pure functions over UTF-8 strings; thread-safe.
#ifndef DATELINE_CLEAN_METADATA_H_
#define DATELINE_CLEAN_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"

namespace dateline {

// Splits a page title such as "Headline - Kremlin | Inquirer News" into the
// headline ("Headline - Kremlin") and the site name ("Inquirer News"), using
// the last " | ", " - ", " – ", " — ", " :: " separator whose right side
// looks like a site name. `site` is "" when there is none.
void SplitTitle(std::string_view raw, std::string* title, std::string* site);

// Returns the outlet name for a site name or URL host ("Inquirer News" or
// "newsinfo.inquirer.net" -> "Inquirer"); "" when unsure.
std::string OutletName(std::string_view site_name, std::string_view url);

// Parses a date or date-time written in a common form ("2023-09-15T01:47:00
// +08:00", "/ 01:47 AM September 15, 2023", "Sept. 15, 2023", "15 September
// 2023 11:02 BST", "Updated 3 May 2019") and returns ISO 8601
// ("2023-09-15T01:47", with offset when given, date alone when no time).
// Returns "" when `s` holds no date.
std::string ParseDateTime(std::string_view s);

// Finds a dateline at the start of a paragraph ("SEOUL/MOSCOW – ",
// "WASHINGTON (Reuters) - ", "LONDON, May 3 (AP) —") and stores its places
// in *places. Returns the byte length of the dateline prefix, 0 when none.
size_t ParseDateline(std::string_view paragraph,
                     std::vector<std::string>* places);

// Returns the byte length of the dateline a sentence of `paragraph` should
// start after, as UD's English Web Treebank makes "WASHINGTON (Reuters) -" a
// sentence of its own: ParseDateline's prefix, or an all-capitals one ended
// by a colon ("NEW DELHI: "), when what follows opens a sentence of prose (a
// capital, a digit or a quote, not all in capitals: "TRUMP WINS - BIDEN
// CONCEDES" is a headline) and the prefix is not one bare two-letter name
// ("US - China talks"). 0 when there is none.
size_t LeadDatelineLength(std::string_view paragraph);

// Parses a tag line ("TAGS: guns, Kim Jong-Un, North Korea") into *tags.
// Returns false when `line` is not a tag line.
bool ParseTagLine(std::string_view line, std::vector<std::string>* tags);

// Splits a caption into its text and credit ("... released by KCNA. KCNA via
// REUTERS" -> credit "KCNA via REUTERS"; "(Photo: AP)"; "Photo: Getty").
void SplitCaptionCredit(std::string_view caption, std::string* text,
                        std::string* credit);

// Repairs characters lost in a bad conversion ("?" or U+FFFD inside a word,
// as in "Vostochny ?osmodrome") where the word is certain, in place, and
// appends one Repair per change. Spans are bytes of *text after repair.
void RepairLostCharacters(std::string* text, std::vector<Repair>* repairs);

// Repairs lost characters in doc->text (shifting doc->offsets to match),
// the title and the captions, recording each in doc->repairs with its
// field.
void RepairDocumentCharacters(Document* doc);

// Returns the ISO 639-1 code of the language of `text`, "" when unsure.
std::string DetectLanguage(std::string_view text);

// Returns a date an input gives ("2019-03-15 10:20:00", "Sun, 06 Nov 1994
// 08:49:37 GMT", "2024-05-01T12:00:00Z", seconds or milliseconds since 1970)
// in ISO 8601 as ParseDateTime writes it; "" when it holds no date.
std::string NormalizeInputDate(std::string_view raw);

// Puts what the input says about `page` (Page::metadata, Page::url) ahead of
// what the cleaner put in *doc: each of title, authors, published, language,
// outlet, tags and description the input gives, once normalised (dates to
// ISO 8601, languages to ISO 639-1, author strings split into names),
// replaces the cleaner's; a value that does not normalise leaves the
// cleaner's. The fetch date fills `published` only when it is still empty.
// Records where each field came from in doc->metadata_source ("input:jsonl",
// ...), naming the page's text or detection for cleaner values without a
// finer source (docs/schema.md).
void ApplyPageMetadata(const Page& page, Document* doc);

}  // namespace dateline

#endif  // DATELINE_CLEAN_METADATA_H_

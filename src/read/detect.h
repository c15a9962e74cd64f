// Format detection from the first bytes of an input (docs/formats.md).
// Content decides; the file name only breaks ties between HTML and text.
// Stateless functions; thread-safe.
#ifndef DATELINE_READ_DETECT_H_
#define DATELINE_READ_DETECT_H_

#include <string>
#include <string_view>

namespace dateline {

// How many leading bytes the detectors look at.
constexpr size_t kDetectBytes = 8192;

enum class ContentKind {
  kEmpty,   // no bytes, or only whitespace
  kGzip,    // 1f 8b
  kWarc,    // "WARC/1.0", "WARC/1.1" (any "WARC/" version line)
  kJsonl,   // first non-blank byte '{'
  kTar,     // a tar header (valid checksum) in the first 512 bytes
  kReuters, // Reuters-21578 SGML (<!DOCTYPE lewis or <REUTERS)
  kBinary,  // a known binary magic number, or too many control bytes
  kPage,    // HTML or plain text: one page (see LooksLikeHtml)
};

// Classifies an input from its first bytes `head` (up to kDetectBytes; all
// of the input if shorter). Sets *binary_what to a description such as
// "PNG image" when it returns kBinary.
ContentKind DetectContent(std::string_view head, std::string* binary_what);

// Returns a description ("PNG image", "PDF document", ...) if `head` starts
// with a known binary magic number, else "".
std::string BinaryMagic(std::string_view head);

// Returns true if more than a few percent of `head` are NULs and control
// bytes that text does not use (not TAB, LF, CR, FF, VT or ESC).
bool MostlyControlBytes(std::string_view head);

// Returns true if the decoded UTF-8 page `head` is HTML: an HTML tag
// (<!doctype html>, <html, <head, <body, <div, <p, <meta, ...) near its
// start. `name` breaks ties: a page with a single common tag is HTML when
// named *.html / *.htm, text otherwise; *.txt needs a document-level tag.
bool LooksLikeHtml(std::string_view head, std::string_view name);

}  // namespace dateline

#endif  // DATELINE_READ_DETECT_H_

// Charset detection and conversion to UTF-8 for page bytes (HTML or text,
// from files or WARC payloads).
//
// The order of evidence (docs/formats.md explains why):
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. for HTML, <meta charset=...>, <meta http-equiv="Content-Type"
//      content="...; charset=..."> or an XML declaration in the first 4 KB;
//   3. the transport's charset (HTTP / WARC Content-Type), when given;
//   4. UTF-8 when the bytes are valid UTF-8;
//   5. windows-1252.
// A declaration (2 or 3) of a single-byte Latin charset is overruled when the
// bytes are valid UTF-8 and contain non-ASCII: mislabelled UTF-8 is common,
// while legacy text that happens to be valid multi-byte UTF-8 is not.
// Unknown charset names fall through to the next step. Stateless functions;
// thread-safe.
#ifndef DATELINE_READ_CHARSET_H_
#define DATELINE_READ_CHARSET_H_

#include <string>
#include <string_view>

namespace dateline {

// Returns the charset named in an HTML head (meta charset, meta http-equiv
// Content-Type, or <?xml encoding=...?>) within its first 4096 bytes, as
// written (lowercased, trimmed), or "" when there is none.
std::string SniffHtmlCharset(std::string_view head);

// Returns the charset parameter of a Content-Type value such as
// "text/html; charset=ISO-8859-1" (lowercased, unquoted), or "".
std::string CharsetFromContentType(std::string_view content_type);

// Maps a charset label to the name of the decoder to use, following the
// WHATWG Encoding Standard where it differs from ICU (iso-8859-1, ascii ->
// windows-1252; gb2312 -> gb18030, ...). Returns "" if `label` names no
// charset ICU can decode.
std::string CanonicalCharset(std::string_view label);

// Returns "utf-16le" or "utf-16be" when `head` looks like UTF-16 text
// without a byte order mark (NULs in every other byte), else "".
std::string GuessBomlessUtf16(std::string_view head);

// Decodes `bytes` to valid UTF-8 (no NUL bytes) in *out, choosing the
// charset as described above, and sets *charset to the decoder used
// ("utf-8", "windows-1252", "shift_jis", ...). `sniff_meta` enables step 2;
// `declared` is the transport's charset label ("" if none). Ill-formed
// sequences become U+FFFD. Never fails.
void DecodeToUtf8(std::string bytes, bool sniff_meta, std::string_view declared,
                  std::string* out, std::string* charset);

// Converts `bytes` from charset `name` (a CanonicalCharset result) to UTF-8
// in *out. Returns false if ICU has no such converter.
bool ConvertToUtf8(std::string_view bytes, const std::string& name,
                   std::string* out);

}  // namespace dateline

#endif  // DATELINE_READ_CHARSET_H_

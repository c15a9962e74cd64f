#include "read/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "base/utf8.h"

namespace dateline {
namespace {

constexpr size_t kSniffBytes = 4096;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Reads the value after `key` at s[pos] ("key = 'value'"), as the HTML
// meta prescan does. Returns "" if no '=' follows.
std::string ValueAfter(std::string_view s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  char quote = 0;
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) quote = s[pos++];
  size_t end = pos;
  while (end < s.size()) {
    char c = s[end];
    if (quote != 0 ? c == quote
                   : (IsSpace(c) || c == ';' || c == '>' || c == '"' ||
                      c == '\'' || c == '/')) {
      break;
    }
    if (quote != 0 && (c == ';' || IsSpace(c))) break;
    ++end;
  }
  return Trim(s.substr(pos, end - pos));
}

// Appends UTF-16 code units as UTF-8; a high surrogate at the end waits in
// *pending for its partner; unpaired surrogates become U+FFFD.
void AppendUtf16(const UChar* s, size_t n, uint32_t* pending,
                 std::string* out) {
  for (size_t i = 0; i < n; ++i) {
    uint32_t u = s[i];
    if (*pending != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendUtf8(0x10000 + ((*pending - 0xD800) << 10) + (u - 0xDC00), out);
        *pending = 0;
        continue;
      }
      AppendUtf8(0xFFFD, out);
      *pending = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      *pending = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      AppendUtf8(0xFFFD, out);
    } else if (u == 0) {
      // NUL bytes are dropped: content never holds them.
    } else if (u < 0x80) {
      out->push_back(static_cast<char>(u));
    } else {
      AppendUtf8(u, out);
    }
  }
}

// Writes U+FFFD for every unassigned, illegal or irregular sequence (ICU's
// own substitute callback may write U+001A for some single-byte charsets).
void SubstituteFffd(const void*, UConverterToUnicodeArgs* args, const char*,
                    int32_t, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  static const UChar kFffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

// Returns an ICU converter for `name` (caller closes) or nullptr.
UConverter* OpenConverter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || cnv == nullptr) {
    if (cnv != nullptr) ucnv_close(cnv);
    return nullptr;
  }
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv, SubstituteFffd, nullptr, nullptr, nullptr, &err);
  return cnv;
}

bool IsSingleByte(const std::string& name) {
  UConverter* cnv = OpenConverter(name);
  if (cnv == nullptr) return false;
  bool single = ucnv_getMaxCharSize(cnv) == 1;
  ucnv_close(cnv);
  return single;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
}

// Sets *out to `bytes` as UTF-8, repaired only when needed.
void TakeUtf8(std::string bytes, std::string* out) {
  if (IsValidUtf8(bytes) &&
      std::memchr(bytes.data(), '\0', bytes.size()) == nullptr) {
    *out = std::move(bytes);
  } else {
    *out = RepairUtf8(bytes);
  }
}

void StripLeadingBom(std::string* s) {
  if (s->size() >= 3 && s->compare(0, 3, "\xEF\xBB\xBF") == 0) s->erase(0, 3);
}

}  // namespace

std::string SniffHtmlCharset(std::string_view head) {
  std::string h = AsciiLower(head.substr(0, std::min(head.size(), kSniffBytes)));
  std::string_view s(h);
  if (s.substr(0, 5) == "<?xml") {
    size_t end = s.find("?>");
    std::string_view decl = s.substr(0, end);
    size_t enc = decl.find("encoding");
    if (enc != std::string_view::npos) {
      std::string v = ValueAfter(decl, enc + 8);
      if (!v.empty()) return v;
    }
  }
  size_t pos = 0;
  while ((pos = s.find("<meta", pos)) != std::string_view::npos) {
    size_t end = s.find('>', pos);
    std::string_view tag = s.substr(
        pos, end == std::string_view::npos ? s.size() - pos : end - pos + 1);
    size_t cs = 0;
    while ((cs = tag.find("charset", cs)) != std::string_view::npos) {
      std::string v = ValueAfter(tag, cs + 7);
      if (!v.empty()) return v;
      cs += 7;
    }
    pos += 5;
  }
  return "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::string ct = AsciiLower(content_type);
  size_t pos = ct.find("charset");
  if (pos == std::string::npos) return "";
  return ValueAfter(ct, pos + 7);
}

std::string CanonicalCharset(std::string_view label) {
  std::string l = Trim(AsciiLower(label));
  if (l.empty() || l.size() > 64) return "";
  for (char c : l) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == ':' || c == '+';
    if (!ok) return "";
  }
  // Labels the WHATWG Encoding Standard decodes differently from ICU.
  static const struct {
    const char* label;
    const char* name;
  } kMap[] = {
      {"utf8", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"},
      {"iso-8859-9", "windows-1254"},
      {"latin5", "windows-1254"},
      {"iso-8859-11", "windows-874"},
      {"tis-620", "windows-874"},
      {"gb2312", "gb18030"},
      {"gbk", "gb18030"},
      {"x-gbk", "gb18030"},
      {"gb_2312-80", "gb18030"},
      {"euc-kr", "windows-949"},
      {"ks_c_5601-1987", "windows-949"},
      {"sjis", "shift_jis"},
      {"x-sjis", "shift_jis"},
      {"ms_kanji", "shift_jis"},
      {"windows-31j", "shift_jis"},
      {"big5-hkscs", "big5"},
  };
  for (const auto& m : kMap) {
    if (l == m.label) return m.name;
  }
  // Charsets the web does not allow (UTF-7 and friends can smuggle markup)
  // or that are never page encodings.
  for (const char* bad :
       {"utf-7", "utf7", "utf-32", "ucs-4", "scsu", "bocu", "ebcdic", "ibm0",
        "cp037", "x-user-defined", "replacement", "hz-gb", "iso-2022-kr",
        "iso-2022-cn"}) {
    if (l.rfind(bad, 0) == 0) return "";
  }
  if (l == "utf-8") return l;
  UConverter* cnv = OpenConverter(l);
  if (cnv == nullptr) return "";
  ucnv_close(cnv);
  return l;
}

std::string GuessBomlessUtf16(std::string_view head) {
  size_t n = std::min<size_t>(head.size(), kSniffBytes) & ~size_t{1};
  if (n < 8) return "";
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    if (head[i] == '\0') ++zero_even;
    if (head[i + 1] == '\0') ++zero_odd;
  }
  size_t pairs = n / 2;
  // Mostly-Latin UTF-16: the high byte of most units is zero, the low byte
  // almost never.
  if (zero_odd * 10 >= pairs * 6 && zero_even * 20 <= pairs) {
    return "utf-16le";
  }
  if (zero_even * 10 >= pairs * 6 && zero_odd * 20 <= pairs) {
    return "utf-16be";
  }
  return "";
}

bool ConvertToUtf8(std::string_view bytes, const std::string& name,
                   std::string* out) {
  out->clear();
  if (name == "utf-8") {
    TakeUtf8(std::string(bytes), out);
    return true;
  }
  UConverter* cnv = OpenConverter(name);
  if (cnv == nullptr) return false;
  out->reserve(bytes.size() + bytes.size() / 4);
  // Convert in slices so a large page never needs a whole UTF-16 copy.
  UChar buf[8192];
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  uint32_t pending = 0;
  while (true) {
    UChar* target = buf;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &target, buf + 8192, &src, src_end, nullptr,
                   /*flush=*/true, &err);
    AppendUtf16(buf, target - buf, &pending, out);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      // The callback substitutes, so this is unexpected; keep what we have.
      AppendUtf8(0xFFFD, out);
    }
    break;
  }
  if (pending != 0) AppendUtf8(0xFFFD, out);
  ucnv_close(cnv);
  StripLeadingBom(out);
  return true;
}

void DecodeToUtf8(std::string bytes, bool sniff_meta, std::string_view declared,
                  std::string* out, std::string* charset) {
  std::string_view b(bytes);
  // 1. Byte order mark.
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.erase(0, 3);
    TakeUtf8(std::move(bytes), out);
    *charset = "utf-8";
    return;
  }
  if (b.size() >= 2 &&
      (b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF")) {
    *charset = b[0] == '\xFF' ? "utf-16le" : "utf-16be";
    ConvertToUtf8(b.substr(2), *charset, out);
    return;
  }
  std::string utf16 = GuessBomlessUtf16(b);
  if (!utf16.empty()) {
    *charset = utf16;
    ConvertToUtf8(b, utf16, out);
    return;
  }
  // 2 and 3. Declarations: the page's own, then the transport's.
  const bool valid_utf8 = IsValidUtf8(b);
  std::string labels[2];
  if (sniff_meta) labels[0] = SniffHtmlCharset(b);
  labels[1] = std::string(declared);
  for (int i = 0; i < 2; ++i) {
    std::string name = CanonicalCharset(labels[i]);
    if (name.empty()) continue;
    // A meta tag read by an ASCII prescan cannot really mean UTF-16.
    if (i == 0 && name.rfind("utf-16", 0) == 0) name = "utf-8";
    if (name != "utf-8" && valid_utf8 && HasNonAscii(b) && IsSingleByte(name)) {
      break;  // mislabelled UTF-8: fall through to step 4
    }
    if (name == "utf-8") {
      TakeUtf8(std::move(bytes), out);
      *charset = name;
      return;
    }
    if (ConvertToUtf8(b, name, out)) {
      *charset = name;
      return;
    }
  }
  // 4 and 5.
  if (valid_utf8) {
    TakeUtf8(std::move(bytes), out);
    *charset = "utf-8";
    return;
  }
  *charset = "windows-1252";
  ConvertToUtf8(b, *charset, out);
}

}  // namespace dateline

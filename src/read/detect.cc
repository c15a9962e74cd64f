#include "read/detect.h"

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "read/byte_source.h"
#include "read/reuters_reader.h"
#include "read/tar_reader.h"

namespace dateline {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Returns the lowercased name without a trailing ".gz".
std::string BaseName(std::string_view name) {
  std::string n = AsciiLower(name);
  if (EndsWith(n, ".gz")) n.resize(n.size() - 3);
  return n;
}

}  // namespace

std::string BinaryMagic(std::string_view h) {
  static const struct {
    size_t offset;
    std::string_view magic;
    const char* what;
  } kMagic[] = {
      {0, "\x89PNG\r\n\x1a\n", "PNG image"},
      {0, "\xFF\xD8\xFF", "JPEG image"},
      {0, "GIF87a", "GIF image"},
      {0, "GIF89a", "GIF image"},
      {0, "%PDF-", "PDF document"},
      {0, std::string_view("PK\x03\x04", 4), "ZIP archive"},
      {0, std::string_view("PK\x05\x06", 4), "ZIP archive"},
      {0,
       "\x7f"
       "ELF",
       "ELF executable"},
      {0,
       std::string_view("\xFD"
                        "7zXZ\x00",
                        6),
       "xz data"},
      {0, "\x28\xB5\x2F\xFD", "zstd data"},
      {0, "7z\xBC\xAF\x27\x1C", "7-zip archive"},
      {0, "Rar!\x1A\x07", "RAR archive"},
      {0, std::string_view("SQLite format 3\x00", 16), "SQLite database"},
      {0, std::string_view("II*\x00", 4), "TIFF image"},
      {0, std::string_view("MM\x00*", 4), "TIFF image"},
      {0,
       std::string_view("\x00"
                        "asm",
                        4),
       "WebAssembly module"},
      {0, "\xCA\xFE\xBA\xBE", "Java class or Mach-O file"},
      {0, "\xCF\xFA\xED\xFE", "Mach-O executable"},
      {0, "OggS", "Ogg media"},
      {0, "fLaC", "FLAC audio"},
      {0, "wOFF", "WOFF font"},
      {0, "wOF2", "WOFF2 font"},
      {0, "\x1A\x45\xDF\xA3", "Matroska/WebM video"},
      {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "MS Office document"},
      {0, "{\\rtf", "RTF document"},
      {4, "ftyp", "MP4/QuickTime media"},
      {257, "ustar", "tar archive"},
  };
  for (const auto& m : kMagic) {
    if (h.size() >= m.offset + m.magic.size() &&
        h.substr(m.offset, m.magic.size()) == m.magic) {
      return m.what;
    }
  }
  // Short magics that could start text: check the byte after them too.
  if (StartsWith(h, "BZh") && h.size() >= 4 && h[3] >= '1' && h[3] <= '9' &&
      h.size() >= 10 && h.substr(4, 6) == "1AY&SY") {
    return "bzip2 data";
  }
  if (StartsWith(h, "ID3") && h.size() >= 5 && h[3] >= 2 && h[3] <= 4 &&
      h[4] == 0) {
    return "MP3 audio";
  }
  if (StartsWith(h, "RIFF") && h.size() >= 12) {
    std::string_view kind = h.substr(8, 4);
    if (kind == "WEBP") return "WebP image";
    if (kind == "WAVE") return "WAV audio";
    if (kind == "AVI ") return "AVI video";
    return "RIFF media";
  }
  if (StartsWith(h, "MZ") && h.size() >= 64 &&
      std::memchr(h.data(), '\0', std::min<size_t>(h.size(), 64)) != nullptr) {
    return "Windows executable";
  }
  return "";
}

bool MostlyControlBytes(std::string_view head) {
  if (head.empty()) return false;
  size_t bad = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && !IsSpace(ch) && c != 0x1b) || c == 0x7f) ++bad;
  }
  return bad * 100 > head.size() * 5;
}

ContentKind DetectContent(std::string_view head, std::string* binary_what) {
  binary_what->clear();
  if (head.empty()) return ContentKind::kEmpty;
  if (IsGzipMagic(head)) return ContentKind::kGzip;
  std::string_view h = head;
  if (StartsWith(h, "\xEF\xBB\xBF")) h.remove_prefix(3);
  size_t first = 0;
  while (first < h.size() && IsSpace(h[first])) ++first;
  std::string_view trimmed = h.substr(first);
  if (StartsWith(trimmed, "WARC/")) return ContentKind::kWarc;
  if (LooksLikeTar(head)) return ContentKind::kTar;
  if (LooksLikeReutersSgml(h)) return ContentKind::kReuters;
  std::string magic = BinaryMagic(head);
  if (!magic.empty()) {
    *binary_what = magic;
    return ContentKind::kBinary;
  }
  // UTF-16 has NULs by design; it is text.
  if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF")) {
    return ContentKind::kPage;
  }
  size_t n = std::min(head.size(), kDetectBytes) & ~size_t{1};
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += head[i] == '\0';
    zero_odd += head[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  const bool utf16ish =
      pairs >= 4 && ((zero_odd * 10 >= pairs * 6 && zero_even * 20 <= pairs) ||
                     (zero_even * 10 >= pairs * 6 && zero_odd * 20 <= pairs));
  if (!utf16ish && MostlyControlBytes(head.substr(0, kDetectBytes))) {
    *binary_what = "binary data";
    return ContentKind::kBinary;
  }
  if (trimmed.empty() && head.size() < kDetectBytes) return ContentKind::kEmpty;
  if (!trimmed.empty() && trimmed[0] == '{') return ContentKind::kJsonl;
  return ContentKind::kPage;
}

bool LooksLikeHtml(std::string_view head, std::string_view name) {
  std::string h = AsciiLower(head.substr(0, std::min(head.size(), kDetectBytes)));
  auto tag_at = [&](size_t pos, std::string_view tag) {
    if (h.compare(pos, tag.size(), tag) != 0) return false;
    size_t after = pos + tag.size();
    if (after >= h.size()) return true;
    char c = h[after];
    return IsSpace(c) || c == '>' || c == '/';
  };
  static const std::string_view kStrong[] = {"<!doctype html", "<html", "<head",
                                             "<body"};
  static const std::string_view kWeak[] = {
      "<div",        "<p",      "<meta",   "<title",   "<article", "<section",
      "<span",       "<br",     "<table",  "<a",       "<script",  "<style",
      "<link",       "<h1",     "<h2",     "<h3",      "<h4",      "<ul",
      "<ol",         "<li",     "<header", "<footer",  "<nav",     "<main",
      "<img",        "<form",   "<iframe", "<font",    "<center",  "<b",
      "<i",          "<em",     "<strong", "<td",      "<tr",      "<pre",
      "<blockquote", "<figure", "<time",   "<noscript"};
  int weak = 0;
  for (size_t pos = h.find('<'); pos != std::string::npos;
       pos = h.find('<', pos + 1)) {
    for (std::string_view tag : kStrong) {
      if (tag_at(pos, tag)) return true;
    }
    if (h.compare(pos, 4, "<!--") == 0) {
      ++weak;
      continue;
    }
    for (std::string_view tag : kWeak) {
      if (tag_at(pos, tag)) {
        ++weak;
        break;
      }
    }
    if (weak >= 5) break;
  }
  std::string base = BaseName(name);
  bool html_name = false;
  for (const char* ext :
       {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"}) {
    if (EndsWith(base, ext)) html_name = true;
  }
  bool text_name = EndsWith(base, ".txt") || EndsWith(base, ".text");
  if (html_name) return weak >= 1;
  if (text_name) return weak >= 5;
  return weak >= 2;
}

}  // namespace dateline

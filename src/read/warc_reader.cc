#include "read/warc_reader.h"

#include <algorithm>
#include <charconv>

#include "base/ascii.h"
#include "read/charset.h"

namespace dateline {
namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kMaxHeaderLines = 1024;
// Room for the HTTP head on top of a page of max_page_bytes.
constexpr uint64_t kHttpHeadSlack = 1 << 20;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view FindHeader(
    const std::vector<std::pair<std::string, std::string>>& headers,
    std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

// Parses a non-negative decimal; returns false on anything else.
bool ParseUint(std::string_view s, uint64_t* value) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

enum class PayloadKind { kHtml, kText, kSniff, kReject };

// Returns what to do with a payload of this Content-Type.
PayloadKind KindOf(std::string_view content_type, std::string* media) {
  std::string ct = AsciiLower(content_type);
  *media = std::string(Trim(std::string_view(ct).substr(0, ct.find(';'))));
  const std::string& m = *media;
  if (m.empty() || m == "application/octet-stream" || m == "unknown/unknown" ||
      m == "application/unknown") {
    return PayloadKind::kSniff;
  }
  if (m == "text/html" || m == "application/xhtml+xml") {
    return PayloadKind::kHtml;
  }
  if (m == "text/plain") return PayloadKind::kText;
  if (m.rfind("text/", 0) == 0) {
    for (const char* no :
         {"text/css", "text/javascript", "text/ecmascript", "text/csv",
          "text/tab-separated-values", "text/calendar", "text/vcard",
          "text/vtt", "text/xml", "text/x-javascript", "text/dns"}) {
      if (m == no) return PayloadKind::kReject;
    }
    return PayloadKind::kSniff;
  }
  return PayloadKind::kReject;
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

bool ParseHttpResponse(std::string_view block, HttpResponse* response) {
  *response = HttpResponse();
  if (block.substr(0, 5) != "HTTP/") return false;
  size_t pos = 0;
  bool first = true;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // no end of head
    std::string_view line = block.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      first = false;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return false;
      std::string_view code = line.substr(sp + 1, 3);
      uint64_t value = 0;
      if (code.size() != 3 || !ParseUint(code, &value)) return false;
      response->status = static_cast<int>(value);
      continue;
    }
    if (line.empty()) {
      response->body_offset = pos;
      return true;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !response->headers.empty()) {
      response->headers.back().second.append(" ").append(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerate junk lines
    if (response->headers.size() < kMaxHeaderLines) {
      response->headers.emplace_back(AsciiLower(Trim(line.substr(0, colon))),
                                     std::string(Trim(line.substr(colon + 1))));
    }
  }
  return false;
}

bool Dechunk(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  bool first = true;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view line = body.substr(
        pos, nl == std::string_view::npos ? body.size() - pos : nl - pos);
    line = Trim(line.substr(0, line.find(';')));
    uint64_t size = 0;
    auto [ptr, ec] =
        std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (ec != std::errc() || ptr != line.data() + line.size()) {
      if (first) return false;
      break;  // garbage after some chunks: keep what we have
    }
    first = false;
    if (size == 0 || nl == std::string_view::npos) break;
    pos = nl + 1;
    size_t take =
        static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    out->append(body.substr(pos, take));
    pos += take;
    if (take < size) break;  // cut short
    // The CRLF after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return true;
}

bool WarcReader::Truncated(uint64_t record_start, Page* page) {
  done_ = true;
  std::string source = name_ + "#record=" + std::to_string(record_);
  if (!in_->status().ok()) {
    *page = ErrorPage(source, in_->status());
  } else {
    *page = ErrorPage(
        source, Status::Corruption(
                    name_, "truncated WARC record " + std::to_string(record_) +
                               " at byte " + std::to_string(record_start)));
  }
  return true;
}

bool WarcReader::Next(Page* page) {
  while (!done_) {
    const uint64_t record_start = in_->offset();
    std::string_view line;
    bool too_long = false;
    if (!in_->ReadLine(kMaxHeaderLine, &line, &too_long)) {
      done_ = true;
      if (!in_->status().ok()) {
        ++record_;
        return Truncated(record_start, page);
      }
      return false;
    }
    if (!too_long && Trim(line).empty()) continue;  // between records
    if (too_long || line.substr(0, 5) != "WARC/") {
      done_ = true;
      *page = ErrorPage(
          name_ + "#record=" + std::to_string(record_ + 1),
          Status::Corruption(name_, "expected a WARC record header at byte " +
                                        std::to_string(record_start)));
      return true;
    }
    ++record_;
    std::vector<std::pair<std::string, std::string>> headers;
    bool header_done = false;
    while (headers.size() <= kMaxHeaderLines) {
      if (!in_->ReadLine(kMaxHeaderLine, &line, &too_long)) break;
      if (too_long) break;
      if (line.empty()) {
        header_done = true;
        break;
      }
      if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
        headers.back().second.append(" ").append(Trim(line));
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      headers.emplace_back(AsciiLower(Trim(line.substr(0, colon))),
                           std::string(Trim(line.substr(colon + 1))));
    }
    if (!header_done) {
      if (in_->AtEnd()) return Truncated(record_start, page);
      done_ = true;
      *page = ErrorPage(name_ + "#record=" + std::to_string(record_),
                        Status::Corruption(name_,
                                           "malformed WARC header in "
                                           "record " +
                                               std::to_string(record_)));
      return true;
    }
    uint64_t length = 0;
    if (!ParseUint(FindHeader(headers, "content-length"), &length)) {
      done_ = true;
      *page = ErrorPage(
          name_ + "#record=" + std::to_string(record_),
          Status::Corruption(name_, "WARC record " + std::to_string(record_) +
                                        " has no valid "
                                        "Content-Length"));
      return true;
    }
    std::string type = AsciiLower(FindHeader(headers, "warc-type"));
    std::string_view uri = FindHeader(headers, "warc-target-uri");
    bool keep =
        (type == "response" || type == "resource" || type == "conversion") &&
        uri.substr(0, 4) != "dns:";
    if (!keep) {
      if (!in_->Skip(length)) return Truncated(record_start, page);
      continue;
    }
    const std::string source = name_ + "#record=" + std::to_string(record_);
    if (length > options_.max_page_bytes + kHttpHeadSlack) {
      if (!in_->Skip(length)) return Truncated(record_start, page);
      *page = ErrorPage(
          source, Status::InvalidArgument(
                      source, "record of " + std::to_string(length) +
                                  " bytes is larger than the "
                                  "page limit of " +
                                  std::to_string(options_.max_page_bytes)));
      page->url = std::string(uri);
      return true;
    }
    std::string block;
    block.reserve(static_cast<size_t>(length));
    if (!in_->ReadExact(static_cast<size_t>(length), &block)) {
      return Truncated(record_start, page);
    }
    *page = Page();
    page->source = source;
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
      uri = uri.substr(1, uri.size() - 2);
    }
    page->url = std::string(uri);
    BuildRecordPage(type, headers, std::move(block), page);
    page->id.clear();
    return true;
  }
  return false;
}

void WarcReader::BuildRecordPage(
    std::string_view type,
    const std::vector<std::pair<std::string, std::string>>& headers,
    std::string block, Page* page) {
  const std::string& source = page->source;
  std::string content_type(FindHeader(headers, "content-type"));
  std::string body;
  std::string last_modified;  // the HTTP Last-Modified header
  bool is_http =
      AsciiLower(content_type).find("application/http") != std::string::npos ||
      (type == "response" && block.compare(0, 5, "HTTP/") == 0);
  if (is_http) {
    HttpResponse http;
    if (!ParseHttpResponse(block, &http)) {
      page->status = Status::Corruption(source, "malformed HTTP response");
      return;
    }
    if (http.status < 200 || http.status > 299) {
      page->status = Status::NotSupported(
          source,
          "HTTP status " + std::to_string(http.status) + ", not a page");
      return;
    }
    content_type = std::string(http.Header("content-type"));
    last_modified = std::string(http.Header("last-modified"));
    std::string_view raw = std::string_view(block).substr(http.body_offset);
    std::string dechunked;
    if (AsciiLower(http.Header("transfer-encoding")).find("chunked") !=
            std::string::npos &&
        Dechunk(raw, &dechunked)) {
      body = std::move(dechunked);
    } else {
      body = std::string(raw);
    }
    block.clear();
    block.shrink_to_fit();
    std::string coding = AsciiLower(http.Header("content-encoding"));
    if (!coding.empty() && coding != "identity") {
      bool gzip = coding.find("gzip") != std::string::npos;
      bool deflate = coding.find("deflate") != std::string::npos;
      if (gzip || deflate) {
        // Many crawlers store the payload decoded but keep the header, so
        // only inflate what looks compressed.
        bool looks_compressed =
            gzip ? IsGzipMagic(body)
                 : (body.size() >= 2 &&
                    (static_cast<unsigned char>(body[0]) & 0x0f) == 8) ||
                       IsGzipMagic(body);
        if (looks_compressed) {
          std::string inflated;
          Status s = InflateBounded(body, gzip || IsGzipMagic(body),
                                    options_.max_page_bytes, &inflated);
          if (!s.ok() &&
              !(deflate && !gzip && s.IsCorruption() && inflated.empty())) {
            page->status = s.IsInvalidArgument()
                               ? Status::InvalidArgument(source, s.message())
                               : Status::Corruption(source, s.message());
            return;
          }
          if (s.ok()) body = std::move(inflated);
        }
      } else {
        page->status = Status::NotSupported(
            source, "content-encoding " + coding + " not supported");
        return;
      }
    }
  } else {
    body = std::move(block);
  }
  if (body.size() > options_.max_page_bytes) {
    page->status = Status::InvalidArgument(
        source, "page of " + std::to_string(body.size()) +
                    " bytes is larger than the limit of " +
                    std::to_string(options_.max_page_bytes));
    return;
  }
  std::string media;
  PayloadKind kind = KindOf(content_type, &media);
  if (kind == PayloadKind::kReject) {
    page->status =
        Status::NotSupported(source, "non-text payload (" + media + ")");
    return;
  }
  PageFormat format = kind == PayloadKind::kHtml   ? PageFormat::kHtml
                      : kind == PayloadKind::kText ? PageFormat::kText
                                                   : PageFormat::kUnknown;
  // The URL's path breaks HTML/text ties the way a file name does.
  std::string_view path = page->url;
  path = path.substr(0, path.find_first_of("?#"));
  BuildPage(std::move(body), path, CharsetFromContentType(content_type), format,
            "payload", page);
  page->metadata.origin = "warc";
  // When the page last changed, else when it was fetched: a publication
  // date only for pages that give none themselves.
  if (!last_modified.empty()) {
    page->metadata.fetched = std::move(last_modified);
    page->metadata.fetched_origin = "http";
  } else if (std::string_view date = FindHeader(headers, "warc-date");
             !date.empty()) {
    page->metadata.fetched = std::string(date);
    page->metadata.fetched_origin = "warc";
  }
}

}  // namespace dateline

#include "read/page_builder.h"

#include <algorithm>

#include "read/charset.h"
#include "read/detect.h"

namespace dateline {
namespace {

bool AllSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  });
}

}  // namespace

Page ErrorPage(const std::string& source, Status status) {
  Page page;
  page.source = source;
  page.status = std::move(status);
  return page;
}

void BuildPage(std::string bytes, std::string_view name,
               std::string_view declared, PageFormat format,
               std::string_view what, Page* page) {
  page->content.clear();
  page->charset.clear();
  page->format = PageFormat::kUnknown;
  page->status = Status::OK();
  std::string_view head(bytes.data(), std::min(bytes.size(), kDetectBytes));
  std::string binary_what;
  ContentKind kind = DetectContent(head, &binary_what);
  if (kind == ContentKind::kBinary || kind == ContentKind::kGzip ||
      kind == ContentKind::kTar) {
    if (kind == ContentKind::kGzip) binary_what = "gzip data";
    if (kind == ContentKind::kTar) binary_what = "tar archive";
    page->status = Status::NotSupported(
        page->source, "binary " + std::string(what) + " (" + binary_what + ")");
    return;
  }
  std::string content, charset;
  DecodeToUtf8(std::move(bytes), /*sniff_meta=*/format != PageFormat::kText,
               declared, &content, &charset);
  if (AllSpace(content)) {
    page->status = Status::InvalidArgument(page->source, "empty input");
    return;
  }
  if (format == PageFormat::kUnknown) {
    format =
        LooksLikeHtml(content, name) ? PageFormat::kHtml : PageFormat::kText;
  }
  page->format = format;
  page->charset = std::move(charset);
  page->content = std::move(content);
}

}  // namespace dateline

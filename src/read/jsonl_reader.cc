#include "read/jsonl_reader.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace dateline {
namespace {

bool AllSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

// Returns a JSON scalar as a string ("" for null, objects and arrays).
std::string ScalarString(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return "";
}

}  // namespace

void ParseJsonlRecord(std::string_view line, size_t max_page_bytes,
                      Page* page) {
  const std::string& source = page->source;
  // JSON must be UTF-8; repair rather than reject a line with bad bytes.
  std::string repaired;
  if (!IsValidUtf8(line)) {
    repaired = RepairUtf8(line);
    line = repaired;
  }
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line.begin(), line.end());
  } catch (const std::exception& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
    std::string_view what = e.what();
    if (size_t close = what.find("] ");
        !what.empty() && what[0] == '[' && close != std::string_view::npos) {
      what.remove_prefix(close + 2);
    }
    page->status =
        Status::Corruption(source, "invalid JSON: " + std::string(what));
    return;
  }
  if (!record.is_object()) {
    page->status = Status::Corruption(source, "not a JSON object");
    return;
  }
  PageFormat format = PageFormat::kUnknown;
  nlohmann::json* body = nullptr;
  auto it = record.find("html");
  if (it != record.end() && it->is_string()) {
    format = PageFormat::kHtml;
    body = &*it;
  } else if ((it = record.find("text")) != record.end() && it->is_string()) {
    format = PageFormat::kText;
    body = &*it;
  }
  if (auto u = record.find("url"); u != record.end()) {
    page->url = RepairUtf8(ScalarString(*u));
  }
  if (auto i = record.find("id"); i != record.end()) {
    page->id = RepairUtf8(ScalarString(*i));
  }
  if (body == nullptr) {
    page->status =
        Status::InvalidArgument(source, "no string `html` or `text` field");
    return;
  }
  std::string& content = body->get_ref<std::string&>();
  if (content.size() > max_page_bytes) {
    page->status = Status::InvalidArgument(
        source, "page of " + std::to_string(content.size()) +
                    " bytes is larger than the limit of " +
                    std::to_string(max_page_bytes));
    return;
  }
  // \u0000 escapes decode to NULs, which content never holds.
  if (std::memchr(content.data(), '\0', content.size()) != nullptr) {
    page->content = RepairUtf8(content);
  } else {
    page->content = std::move(content);
  }
  if (std::all_of(page->content.begin(), page->content.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
               c == '\v';
      })) {
    page->content.clear();
    page->status = Status::InvalidArgument(source, "empty input");
    return;
  }
  page->format = format;
  page->charset = "utf-8";
}

bool JsonlReader::Next(Page* page) {
  // JSON escaping makes a line longer than the page it holds.
  const size_t max_line =
      options_.max_page_bytes + options_.max_page_bytes / 4 + 4096;
  while (!done_) {
    std::string_view line;
    bool too_long = false;
    if (!in_->ReadLine(max_line, &line, &too_long)) {
      done_ = true;
      if (!in_->status().ok()) {
        *page = ErrorPage(name_ + ":" + std::to_string(line_no_ + 1),
                          in_->status());
        return true;
      }
      return false;
    }
    ++line_no_;
    const std::string source = name_ + ":" + std::to_string(line_no_);
    if (too_long) {
      in_->SkipLine();
      *page = ErrorPage(
          source, Status::InvalidArgument(source, "line longer than " +
                                                      std::to_string(max_line) +
                                                      " bytes"));
      return true;
    }
    if (!in_->last_line_terminated() && !in_->status().ok()) {
      // The stream broke inside this line (truncated gzip): report that,
      // once, rather than a JSON error.
      done_ = true;
      *page = ErrorPage(source, in_->status());
      return true;
    }
    if (AllSpace(line)) continue;
    *page = Page();
    page->source = source;
    ParseJsonlRecord(line, options_.max_page_bytes, page);
    if (!page->status.ok()) page->content.clear();
    return true;
  }
  return false;
}

}  // namespace dateline

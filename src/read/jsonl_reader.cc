#include "read/jsonl_reader.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "read/detect.h"

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

// The fields that hold the page, first found wins: `html` (HTML), `text`
// (trafilatura, plain scrapers), `maintext` (news-please), `content`, `body`.
struct BodyField {
  const char* key;
  PageFormat format;  // kUnknown: decided from the content
};
constexpr BodyField kBodyFields[] = {{"html", PageFormat::kHtml},
                                     {"text", PageFormat::kText},
                                     {"maintext", PageFormat::kText},
                                     {"content", PageFormat::kUnknown},
                                     {"body", PageFormat::kUnknown}};

// Returns the first non-empty string among `keys` ("" if none); a value
// that is an object gives its "name" ({"name": "BBC News"}).
std::string FirstString(const nlohmann::json& record,
                        std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = record.find(key);
    if (it == record.end()) continue;
    std::string value;
    if (it->is_object()) {
      auto name = it->find("name");
      if (name != it->end()) value = ScalarString(*name);
    } else {
      value = ScalarString(*it);
    }
    if (!value.empty()) return RepairUtf8(value);
  }
  return "";
}

// Appends the strings of the first of `keys` present: a string as it is
// (the clean stage splits "A; B"), a list's strings and objects' "name"s.
void StringList(const nlohmann::json& record,
                std::initializer_list<const char*> keys,
                std::vector<std::string>* out) {
  for (const char* key : keys) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) continue;
    std::vector<const nlohmann::json*> items;
    if (it->is_array()) {
      for (const auto& e : *it) items.push_back(&e);
    } else {
      items.push_back(&*it);
    }
    for (const nlohmann::json* e : items) {
      std::string value;
      if (e->is_object()) {
        auto name = e->find("name");
        if (name != e->end()) value = ScalarString(*name);
      } else {
        value = ScalarString(*e);
      }
      if (!value.empty()) out->push_back(RepairUtf8(value));
    }
    if (!out->empty()) return;
  }
}

// Reads the metadata keys under the names news-please, trafilatura and most
// scrapers write them (docs/formats.md).
void ReadJsonlMetadata(const nlohmann::json& record, PageMetadata* m) {
  m->title = FirstString(record, {"title", "headline"});
  StringList(record, {"authors", "author", "byline", "creator"}, &m->authors);
  m->published = FirstString(
      record, {"published", "date_publish", "date_published", "datePublished",
               "pubdate", "pub_date", "publish_date", "published_date",
               "published_at", "publication_date", "date"});
  m->language = FirstString(record, {"language", "lang"});
  // A name before a domain: "outlet", "site_name" ... then "source_domain".
  m->outlet = FirstString(record, {"outlet", "site_name", "sitename",
                                   "source-hostname", "source_name",
                                   "publisher"});
  // "source" names the outlet only as an object (NewsAPI's {"id", "name"});
  // as a string it is often a path or URL.
  if (auto it = record.find("source");
      m->outlet.empty() && it != record.end() && it->is_object()) {
    m->outlet = FirstString(*it, {"name"});
  }
  if (m->outlet.find("://") != std::string::npos) m->outlet.clear();
  if (m->outlet.empty()) {
    m->outlet = FirstString(record, {"source_domain", "hostname", "domain"});
  }
  StringList(record, {"keywords", "tags", "news_keywords"}, &m->tags);
  m->description =
      FirstString(record, {"description", "summary", "excerpt"});
  m->origin = "jsonl";
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
  for (const BodyField& field : kBodyFields) {
    auto it = record.find(field.key);
    if (it == record.end() || !it->is_string()) continue;
    // A blank field gives way to a later one (news-please writes "text": ""
    // beside "maintext"); all blank: the first, an empty page below.
    const std::string& value = it->get_ref<const std::string&>();
    bool blank = std::all_of(value.begin(), value.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
             c == '\v';
    });
    if (body == nullptr || !blank) {
      body = &*it;
      format = field.format;
    }
    if (!blank) break;
  }
  if (auto u = record.find("url"); u != record.end()) {
    page->url = RepairUtf8(ScalarString(*u));
  }
  if (auto i = record.find("id"); i != record.end()) {
    page->id = RepairUtf8(ScalarString(*i));
  }
  if (body == nullptr) {
    page->status = Status::InvalidArgument(
        source,
        "no string `html`, `text`, `maintext`, `content` or `body` field");
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
  if (format == PageFormat::kUnknown) {
    format = LooksLikeHtml(std::string_view(page->content).substr(
                               0, std::min(page->content.size(), kDetectBytes)),
                           "")
                 ? PageFormat::kHtml
                 : PageFormat::kText;
  }
  page->format = format;
  page->charset = "utf-8";
  ReadJsonlMetadata(record, &page->metadata);
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

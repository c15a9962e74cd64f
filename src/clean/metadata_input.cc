// What the input says about a page (Page::metadata) put ahead of what the
// cleaner found in it, and Document::metadata_source filled in. The readers
// pass values as the input writes them; they are normalised here, with the
// cleaner's own helpers, so an input date reads like a page's.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::SplitWords;
using clean_internal::Trim;

// Returns `s` trimmed, with runs of white space (newlines too) made one space.
std::string OneLine(std::string_view s) {
  s = Trim(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// Returns a domain-like value ("www.bbc.co.uk", "nytimes.com") as the
// outlet the URL host names ("BBC", "Nytimes"); other values as they are.
std::string OutletFromInput(std::string_view raw) {
  std::string value = OneLine(raw);
  bool domain = value.find(' ') == std::string::npos &&
                value.find('.') != std::string::npos &&
                value.find('.') + 1 < value.size();
  if (!domain) return value;
  std::string label = OutletName("", "http://" + value);
  if (label.empty()) return value;
  // Short labels are initials: "bbc" -> "BBC", "cnn" -> "CNN".
  if (label.size() <= 3) {
    for (char& c : label) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
  }
  return label;
}

// Splits an author string into names: "By Jane Doe and John Roe", "A; B",
// "A, B" (a comma splits only between names of two words or more, so "Doe,
// Jane" stays one). Drops addresses and what is too long for a name.
void AddAuthors(std::string_view raw, std::vector<std::string>* out) {
  std::string s = OneLine(raw);
  std::vector<std::string> parts;
  auto split = [](const std::string& text, std::string_view sep) {
    std::vector<std::string> pieces;
    size_t start = 0;
    while (true) {
      size_t p = text.find(sep, start);
      pieces.push_back(text.substr(start, p == std::string::npos
                                              ? std::string::npos
                                              : p - start));
      if (p == std::string::npos) break;
      start = p + sep.size();
    }
    return pieces;
  };
  parts.push_back(s);
  for (std::string_view sep : {";", "|", " and ", " & ", " und ", " et ",
                               " y "}) {
    std::vector<std::string> next;
    for (const std::string& p : parts) {
      for (std::string& q : split(p, sep)) next.push_back(std::move(q));
    }
    parts = std::move(next);
  }
  std::vector<std::string> names;
  for (const std::string& p : parts) {
    std::vector<std::string> pieces = split(p, ",");
    bool all_full = pieces.size() > 1 &&
                    std::all_of(pieces.begin(), pieces.end(),
                                [](const std::string& q) {
                                  return SplitWords(q).size() >= 2;
                                });
    if (all_full) {
      for (std::string& q : pieces) names.push_back(std::move(q));
    } else {
      names.push_back(p);
    }
  }
  for (const std::string& n : names) {
    std::string name(Trim(n));
    for (std::string_view by : {"By ", "BY ", "by "}) {
      if (name.starts_with(by)) name = std::string(Trim(name.substr(3)));
    }
    if (name.empty() || name.size() > 80 ||
        name.find("://") != std::string::npos ||
        name.find('@') != std::string::npos || SplitWords(name).empty()) {
      continue;
    }
    if (std::find(out->begin(), out->end(), name) == out->end()) {
      out->push_back(std::move(name));
    }
  }
}

// Returns an ISO 639-1 code from "en", "EN", "en-US", "en_GB"; "" otherwise.
std::string LanguageCode(std::string_view raw) {
  std::string_view s = Trim(raw);
  s = s.substr(0, s.find_first_of("-_"));
  if (s.size() != 2) return "";
  std::string code;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') return "";
    code.push_back(c);
  }
  return code;
}

// Splits a tag string ("a, b; c") into tags, or keeps it whole.
void AddTags(std::string_view raw, std::vector<std::string>* out) {
  std::string s = OneLine(raw);
  if (s.empty()) return;
  std::vector<std::string> tags;
  if (s.find_first_of(",;|") == std::string::npos ||
      !ParseTagLine("Tags: " + s, &tags)) {
    tags = {s};
  }
  for (std::string& t : tags) {
    bool seen = std::any_of(out->begin(), out->end(), [&](const std::string& o) {
      return clean_internal::ToLower(o) == clean_internal::ToLower(t);
    });
    if (!seen && !t.empty()) out->push_back(std::move(t));
  }
}

// The cleaner took what follows a dash in the title line for the site name
// ("Abortion not a poll issue - Blair" -> outlet "Blair"); when the input
// names another outlet, that was the headline's attribution: put it back.
void RestoreTitleSuffix(std::string_view input_outlet, Document* doc) {
  auto it = doc->metadata_source.find("outlet");
  const bool from_title =
      doc->metadata_source.find("title") == doc->metadata_source.end() ||
      doc->metadata_source["title"] == "text" ||
      doc->metadata_source["title"] == "html:title";
  if (doc->outlet.empty() || !from_title ||
      (it != doc->metadata_source.end() && it->second != "text" &&
       it->second != "html:title")) {
    return;
  }
  std::string guessed = clean_internal::ToLower(doc->outlet);
  std::string named = clean_internal::ToLower(input_outlet);
  if (guessed.find(named) != std::string::npos ||
      named.find(guessed) != std::string::npos) {
    return;  // the same outlet, named two ways
  }
  for (const Removal& r : doc->removed) {
    if (r.reason != "title") continue;
    std::string_view raw = Trim(r.text);
    if (!raw.starts_with(doc->title) || raw.size() <= doc->title.size()) {
      break;
    }
    std::string_view rest = Trim(raw.substr(doc->title.size()));
    for (std::string_view dash : {"-", "–", "—"}) {
      if (!rest.starts_with(dash)) continue;
      if (Trim(rest.substr(dash.size())) != doc->outlet) break;
      doc->repairs.erase(
          std::remove_if(doc->repairs.begin(), doc->repairs.end(),
                         [](const Repair& rep) { return rep.field == "title"; }),
          doc->repairs.end());
      doc->title = OneLine(raw);
      return;
    }
    break;
  }
}

}  // namespace

std::string NormalizeInputDate(std::string_view raw) {
  std::string_view s = Trim(raw);
  // Seconds (10 digits) or milliseconds (13) since 1970, as some scrapers
  // and APIs write them: UTC.
  if (AllDigits(s) && (s.size() == 10 || s.size() == 13)) {
    long long v = std::stoll(std::string(s.substr(0, 10)));
    std::time_t t = static_cast<std::time_t>(v);
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) return "";
    char buf[96];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d+00:00",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec);
    return ParseDateTime(buf);
  }
  return ParseDateTime(s);
}

void ApplyPageMetadata(const Page& page, Document* doc) {
  const PageMetadata& m = page.metadata;
  auto& source = doc->metadata_source;
  const std::string input =
      m.origin.empty() ? std::string("input") : "input:" + m.origin;
  if (!page.url.empty() && doc->url == page.url) source["url"] = input;

  std::string title = OneLine(m.title);
  if (!title.empty()) {
    if (title != doc->title) {
      // Repairs made in the cleaner's title no longer apply.
      doc->repairs.erase(
          std::remove_if(doc->repairs.begin(), doc->repairs.end(),
                         [](const Repair& r) { return r.field == "title"; }),
          doc->repairs.end());
      doc->title = std::move(title);
    }
    source["title"] = input;
  }
  std::vector<std::string> authors;
  for (const std::string& a : m.authors) AddAuthors(a, &authors);
  if (!authors.empty()) {
    doc->authors = std::move(authors);
    source["authors"] = input;
  }
  if (std::string date = NormalizeInputDate(m.published); !date.empty()) {
    doc->published = std::move(date);
    source["published"] = input;
  }
  if (std::string lang = LanguageCode(m.language); !lang.empty()) {
    doc->language = std::move(lang);
    source["language"] = input;
  }
  if (std::string outlet = OutletFromInput(m.outlet); !outlet.empty()) {
    RestoreTitleSuffix(outlet, doc);
    doc->outlet = std::move(outlet);
    source["outlet"] = m.outlet_origin.empty()
                           ? input
                           : "input:" + m.outlet_origin;
  }
  std::vector<std::string> tags;
  for (const std::string& t : m.tags) AddTags(t, &tags);
  if (!tags.empty()) {
    doc->tags = std::move(tags);
    source["tags"] = input;
  }
  if (std::string d = OneLine(m.description); !d.empty()) {
    doc->description = std::move(d);
    source["description"] = input;
  }
  // When the page was fetched or last changed: better than no date.
  if (doc->published.empty() && !m.fetched.empty()) {
    if (std::string date = NormalizeInputDate(m.fetched); !date.empty()) {
      doc->published = std::move(date);
      source["published"] = "input:" + m.fetched_origin;
    }
  }

  // The cleaner's values without a finer source: the page's text (a printed
  // date line or byline, the scraped text's title line), or detection.
  const bool html = doc->format == PageFormat::kHtml;
  const std::string page_text = html ? "html:text" : "text";
  auto fill = [&](const char* field, bool present, const std::string& from) {
    if (present && source.find(field) == source.end()) source[field] = from;
  };
  fill("url", !doc->url.empty(), html ? "html:canonical" : "input");
  fill("outlet", !doc->outlet.empty(), page_text);
  fill("title", !doc->title.empty(), page_text);
  fill("published", !doc->published.empty(), page_text);
  fill("authors", !doc->authors.empty(), page_text);
  fill("language", !doc->language.empty(), "detected");
  fill("tags", !doc->tags.empty(), page_text);
}

}  // namespace dateline

// Serialises a Document as the JSON record of CONTRACT.md.
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "dateline/document.h"

namespace dateline {

const char* PageFormatName(PageFormat format) {
  switch (format) {
    case PageFormat::kHtml:
      return "html";
    case PageFormat::kText:
      return "text";
    default:
      return "unknown";
  }
}

std::string ToJsonLine(const Document& doc, const JsonOptions& options) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["id"] = doc.id;
  if (!doc.url.empty()) j["url"] = doc.url;
  if (!doc.outlet.empty()) j["outlet"] = doc.outlet;
  j["title"] = doc.title;
  if (!doc.published.empty()) {
    j["published"] = doc.published;
  } else {
    j["published"] = nullptr;
  }
  j["authors"] = doc.authors;
  j["datelines"] = doc.datelines;
  if (!doc.language.empty()) {
    j["language"] = doc.language;
  } else {
    j["language"] = nullptr;
  }
  j["tags"] = doc.tags;
  Json captions = Json::array();
  for (const Caption& c : doc.captions) {
    captions.push_back({{"text", c.text}, {"credit", c.credit}});
  }
  j["captions"] = std::move(captions);
  j["text"] = doc.text;
  Json removed = Json::array();
  for (const Removal& r : doc.removed) {
    removed.push_back({{"text", r.text}, {"reason", r.reason}});
  }
  j["removed"] = std::move(removed);
  CodePointIndex index(doc.text);
  Json repairs = Json::array();
  for (const Repair& r : doc.repairs) {
    repairs.push_back(
        {{"span",
          {index.ToCodePoint(r.span.begin), index.ToCodePoint(r.span.end)}},
         {"original", r.original},
         {"replacement", r.replacement},
         {"word", r.word}});
  }
  j["repairs"] = std::move(repairs);
  if (!doc.error.empty()) j["error"] = doc.error;
  if (options.provenance) {
    j["source"] = doc.source;
    j["format"] = PageFormatName(doc.format);
    Json offsets = Json::array();
    for (const OffsetPiece& p : doc.offsets) {
      offsets.push_back({index.ToCodePoint(p.text_begin),
                         index.ToCodePoint(p.text_end), p.page_begin,
                         p.page_end});
    }
    j["offsets"] = std::move(offsets);
  }
  // Strings are valid UTF-8 by construction; replace rather than throw if a
  // stage ever breaks that.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dateline

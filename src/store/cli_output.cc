#include "store/cli_output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace dateline {
namespace {

using Json = nlohmann::json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json ActorJson(const EventActor& a) {
  Json j = {{"name", a.name}, {"code", a.code}};
  j["entity"] = a.entity.empty() ? Json(nullptr) : Json(a.entity);
  return j;
}

}  // namespace

size_t TerminalWidth() {
  if (const char* c = std::getenv("COLUMNS")) {
    long v = std::strtol(c, nullptr, 10);
    if (v >= 40 && v <= 1000) return static_cast<size_t>(v);
  }
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return 120;
}

std::string Fit(const std::string& s, size_t width) {
  std::string clean;
  clean.reserve(s.size());
  for (char c : s) clean.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
  if (CodePointCount(clean) <= width) return clean;
  std::string out;
  size_t pos = 0, n = 0;
  const size_t keep = width > 3 ? width - 3 : width;
  while (pos < clean.size() && n < keep) {
    size_t before = pos;
    DecodeUtf8(clean, &pos);
    out.append(clean, before, pos - before);
    ++n;
  }
  if (width > 3) out += "...";
  return out;
}

std::string DatePart(const std::string& iso) {
  return iso.size() >= 10 ? iso.substr(0, 10) : iso;
}

void TextTable::Print(std::FILE* out, size_t width) const {
  const size_t cols = headers_.size();
  std::vector<size_t> w(cols, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < cols && c < row.size(); ++c) {
      w[c] = std::max(w[c], std::min<size_t>(CodePointCount(row[c]), 60));
    }
  };
  measure(headers_);
  for (const auto& r : rows_) measure(r);
  size_t fixed = 0;
  for (size_t c = 0; c < cols; ++c) {
    if (c != flex_) fixed += w[c] + 2;
  }
  if (flex_ < cols) {
    size_t room = width > fixed + 10 ? width - fixed : 10;
    w[flex_] = std::min(w[flex_], room);
    if (w[flex_] < 10) w[flex_] = std::min<size_t>(10, room);
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (size_t c = 0; c < cols; ++c) {
      std::string cell = Fit(c < row.size() ? row[c] : "", w[c]);
      s += cell;
      if (c + 1 < cols) s.append(w[c] - CodePointCount(cell) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::fprintf(out, "%s\n", s.c_str());
  };
  line(headers_);
  for (size_t i = 0; i < rows_.size(); ++i) {
    line(rows_[i]);
    auto it = notes_.find(i);
    if (it != notes_.end()) {
      std::fprintf(out, "    %s\n",
                   Fit(it->second, width > 8 ? width - 4 : width).c_str());
    }
  }
}

std::string ToJson(const SearchHit& h) {
  Json j = {{"id", h.id},          {"title", h.title},
            {"outlet", h.outlet},  {"url", h.url},
            {"source", h.source},  {"published", h.published},
            {"story", h.story},    {"snippet", h.snippet},
            {"score", h.score}};
  return Dump(j);
}

std::string ToJson(const EventRow& r) {
  const Event& e = r.event;
  Json j = {{"article", r.article},
            {"title", r.title},
            {"published", r.published},
            {"url", r.url},
            {"outlet", r.outlet},
            {"source", ActorJson(e.source)},
            {"target", e.has_target ? ActorJson(e.target) : Json(nullptr)},
            {"code", e.code},
            {"root", e.root},
            {"quad_class", e.quad_class},
            {"goldstein", e.goldstein},
            {"date", e.date.empty() ? Json(nullptr) : Json(e.date)},
            {"location", e.location.empty() ? Json(nullptr) : Json(e.location)},
            {"negated", e.negated},
            {"hypothetical", e.hypothetical},
            {"evidence", e.evidence}};
  // As the extract record gives them (docs/schema.md).
  if (!e.date_source.empty()) j["date_source"] = e.date_source;
  if (!e.location_source.empty()) j["location_source"] = e.location_source;
  if (e.geo.resolved) {
    j["geo"] = {{"name", e.geo.name},       {"country", e.geo.country},
                {"type", e.geo.type},       {"feature", e.geo.feature},
                {"adm1", e.geo.adm1},       {"lat", e.geo.latitude},
                {"lon", e.geo.longitude},   {"id", e.geo.feature_id}};
  }
  if (e.has_reporter) j["reporter"] = ActorJson(e.reporter);
  return Dump(j);
}

std::string ToJson(const QuoteRow& r) {
  const Quote& q = r.quote;
  Json j = {{"article", r.article},
            {"title", r.title},
            {"published", r.published},
            {"outlet", r.outlet},
            {"text", r.text},
            {"kind", q.kind},
            {"cue", q.cue},
            {"speaker", q.speaker.empty() ? Json(nullptr) : Json(q.speaker)},
            {"speaker_name", q.speaker_name},
            {"speaker_entity", r.speaker_entity_name}};
  return Dump(j);
}

std::string ToJson(const EntityCount& e) {
  Json j = {{"name", e.name},         {"type", e.type},
            {"country", e.country},   {"articles", e.articles},
            {"mentions", e.mentions},
            {"canonical_id",
             e.canonical_id.empty() ? Json() : Json(e.canonical_id)}};
  return Dump(j);
}

std::string ToJson(const StoryRow& s) {
  Json j = {{"story", s.story},
            {"size", s.size},
            {"title", s.title},
            {"first_published", s.first_published},
            {"last_published", s.last_published},
            {"outlets", s.outlets},
            {"members", s.members}};
  return Dump(j);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(fields[i]);
  }
  return line;
}

}  // namespace dateline

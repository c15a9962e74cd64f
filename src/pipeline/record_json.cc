// Serialises a Document as the JSON record of CONTRACT.md.
#include <algorithm>
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

namespace {

using Json = nlohmann::ordered_json;

Json CodePointSpan(const CodePointIndex& index, const Span& s) {
  return Json::array({index.ToCodePoint(s.begin), index.ToCodePoint(s.end)});
}

std::string SpanText(const Document& doc, const Span& s) {
  size_t b = std::min<size_t>(s.begin, doc.text.size());
  size_t e = std::min<size_t>(std::max(s.begin, s.end), doc.text.size());
  return doc.text.substr(b, e - b);
}

// The tokens with their tags and parse (`--layers tokens`). Heads are token
// indices (-1 for a sentence's root), as in the parse.
Json TokensJson(const Document& doc, const CodePointIndex& index) {
  Json tokens = Json::array();
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    Json item = {{"span", CodePointSpan(index, doc.tokens[t])}};
    if (t < doc.pos.size()) item["pos"] = doc.pos[t];
    if (t < doc.heads.size()) item["head"] = doc.heads[t];
    if (t < doc.deprels.size()) item["deprel"] = doc.deprels[t];
    tokens.push_back(std::move(item));
  }
  return tokens;
}

// The clause layer (`--layers clauses`).
Json ClausesJson(const Document& doc, const CodePointIndex& index) {
  Json clauses = Json::array();
  for (const Clause& c : doc.clauses) {
    Json arguments = Json::array();
    for (const ClauseArgument& a : c.arguments) {
      Json head = a.head < doc.tokens.size()
                      ? CodePointSpan(index, doc.tokens[a.head])
                      : Json(nullptr);
      arguments.push_back(
          {{"role", a.role},
           {"preposition", a.preposition},
           {"head", std::move(head)},
           {"span", CodePointSpan(index, a.span)},
           {"text", SpanText(doc, a.span)},
           {"entity", a.entity.empty() ? Json(nullptr) : Json(a.entity)},
           {"clause", a.clause},
           {"distributed", a.distributed},
           {"controlled", a.controlled}});
    }
    clauses.push_back({{"predicate", CodePointSpan(index, c.predicate_span)},
                       {"text", SpanText(doc, c.predicate_span)},
                       {"lemma", c.lemma},
                       {"kind", c.kind},
                       {"voice", c.voice},
                       {"tense", c.tense},
                       {"negated", c.negated},
                       {"modality", c.modality},
                       {"parent", c.parent},
                       {"attributed_by", c.attributed_by},
                       {"sentence", CodePointSpan(index, c.sentence)},
                       {"arguments", std::move(arguments)}});
  }
  return clauses;
}

}  // namespace

std::string ToJsonLine(const Document& doc, const JsonOptions& options) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["id"] = doc.id;
  // One null convention: a field not known is null, a list with nothing in
  // it is [] (docs/schema.md).
  j["url"] = doc.url.empty() ? Json(nullptr) : Json(doc.url);
  j["outlet"] = doc.outlet.empty() ? Json(nullptr) : Json(doc.outlet);
  j["title"] = doc.title.empty() ? Json(nullptr) : Json(doc.title);
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
  if (!doc.description.empty()) j["description"] = doc.description;
  j["metadata_source"] = Json::object();
  for (const auto& [field, from] : doc.metadata_source) {
    j["metadata_source"][field] = from;
  }
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
    // Spans are code points of the field they repaired.
    Json span;
    if (r.field == "text") {
      span = {index.ToCodePoint(r.span.begin), index.ToCodePoint(r.span.end)};
    } else {
      std::string_view field = doc.title;
      if (r.field == "caption" && r.index < doc.captions.size()) {
        field = doc.captions[r.index].text;
      }
      size_t b = std::min<size_t>(r.span.begin, field.size());
      size_t e = std::min<size_t>(r.span.end, field.size());
      span = {CodePointCount(field.substr(0, b)),
              CodePointCount(field.substr(0, e))};
    }
    Json item = {{"span", std::move(span)}, {"field", r.field}};
    if (r.field == "caption") item["index"] = r.index;
    item["original"] = r.original;
    item["replacement"] = r.replacement;
    item["word"] = r.word;
    repairs.push_back(std::move(item));
  }
  j["repairs"] = std::move(repairs);
  if (doc.layers.entities || !doc.entities.empty()) {
    Json entities = Json::array();
    auto spans = [&](const std::vector<Span>& v) {
      Json out = Json::array();
      for (const Span& s : v) {
        out.push_back({index.ToCodePoint(s.begin), index.ToCodePoint(s.end)});
      }
      return out;
    };
    for (const Entity& e : doc.entities) {
      Json item = {{"id", e.id},
                   {"name", e.name},
                   {"type", e.type},
                   {"aliases", e.aliases},
                   {"roles", e.roles},
                   {"country", e.country},
                   {"mentions", spans(e.mentions)}};
      item["canonical_id"] =
          e.canonical_id.empty() ? Json() : Json(e.canonical_id);
      if (!e.canonical_name.empty()) item["canonical_name"] = e.canonical_name;
      if (e.age >= 0) item["age"] = e.age;
      if (!e.government.empty()) {
        item["government"] = e.government;
        item["government_mentions"] = spans(e.government_mentions);
      }
      entities.push_back(std::move(item));
    }
    j["entities"] = std::move(entities);
  }
  if (doc.layers.entities || !doc.times.empty()) {
    Json times = Json::array();
    for (const TimeMention& t : doc.times) {
      times.push_back(
          {{"text", doc.text.substr(t.span.begin, t.span.end - t.span.begin)},
           {"span",
            {index.ToCodePoint(t.span.begin), index.ToCodePoint(t.span.end)}},
           {"value", t.value},
           {"granularity", t.granularity}});
    }
    j["times"] = std::move(times);
  }
  auto cp_span = [&](const Span& s) {
    return Json::array(
        {index.ToCodePoint(s.begin), index.ToCodePoint(s.end)});
  };
  auto span_text = [&](const Span& s) {
    size_t b = std::min<size_t>(s.begin, doc.text.size());
    size_t e = std::min<size_t>(std::max(s.begin, s.end), doc.text.size());
    return doc.text.substr(b, e - b);
  };
  if (doc.layers.quotes || !doc.quotes.empty()) {
    Json quotes = Json::array();
    for (const Quote& q : doc.quotes) {
      Json item = {{"text", span_text(q.span)},
                   {"span", cp_span(q.span)},
                   {"kind", q.kind},
                   {"cue", q.cue}};
      if (!q.speaker.empty()) {
        item["speaker"] = q.speaker;
      } else {
        item["speaker"] = nullptr;
      }
      item["speaker_name"] = q.speaker_name;
      if (!q.speakers.empty()) item["speakers"] = q.speakers;
      if (!q.cue_class.empty()) item["cue_class"] = q.cue_class;
      if (q.cue_span.end > q.cue_span.begin) {
        item["cue_span"] = cp_span(q.cue_span);
      }
      if (q.speaker_span.end > q.speaker_span.begin) {
        item["speaker_span"] = cp_span(q.speaker_span);
      }
      item["sentence"] = cp_span(q.sentence);
      quotes.push_back(std::move(item));
    }
    j["quotes"] = std::move(quotes);
  }
  if (doc.layers.events || !doc.events.empty()) {
    auto actor = [&](const EventActor& a) {
      Json item = {{"name", a.name}, {"code", a.code}};
      if (!a.entity.empty()) {
        item["entity"] = a.entity;
      } else {
        item["entity"] = nullptr;
      }
      if (a.span.end > a.span.begin) item["span"] = cp_span(a.span);
      return item;
    };
    Json events = Json::array();
    for (const Event& e : doc.events) {
      Json item;
      item["source"] = actor(e.source);
      item["target"] = e.has_target ? actor(e.target) : Json(nullptr);
      item["code"] = e.code;
      item["root"] = e.root;
      item["quad_class"] = e.quad_class;
      item["goldstein"] = e.goldstein;
      item["date"] = e.date.empty() ? Json(nullptr) : Json(e.date);
      item["location"] =
          e.location.empty() ? Json(nullptr) : Json(e.location);
      item["negated"] = e.negated;
      item["hypothetical"] = e.hypothetical;
      item["sentence"] = cp_span(e.sentence);
      item["evidence"] = e.evidence;
      if (e.trigger.end > e.trigger.begin) item["trigger"] = cp_span(e.trigger);
      if (!e.date_source.empty()) item["date_source"] = e.date_source;
      if (!e.location_source.empty())
        item["location_source"] = e.location_source;
      if (e.geo.resolved) {
        item["geo"] = {{"name", e.geo.name},
                       {"country", e.geo.country},
                       {"type", e.geo.type},
                       {"feature", e.geo.feature},
                       {"adm1", e.geo.adm1},
                       {"lat", e.geo.latitude},
                       {"lon", e.geo.longitude},
                       {"id", e.geo.feature_id}};
      }
      if (e.has_reporter) item["reporter"] = actor(e.reporter);
      events.push_back(std::move(item));
    }
    j["events"] = std::move(events);
  }
  if (options.tokens) j["tokens"] = TokensJson(doc, index);
  if (options.clauses) j["clauses"] = ClausesJson(doc, index);
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

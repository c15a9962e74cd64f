// Reads a page's own metadata: <title>, <meta> (Open Graph, article:*,
// Dublin Core, parsely, sailthru ...), JSON-LD (NewsArticle and kin, also in
// @graph), <time datetime>, <link rel=canonical>, <html lang>.
#include "clean/html_metadata.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clean/metadata.h"

namespace dateline {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Reads the article facts of one JSON-LD block (also inside @graph).
void ReadJsonLd(std::string_view json, HtmlMetadata* m) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded()) return;
  std::vector<const nlohmann::json*> stack = {&j};
  auto str = [](const nlohmann::json& v) -> std::string {
    return v.is_string() ? v.get<std::string>() : std::string();
  };
  size_t visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& e : *v) stack.push_back(&e);
      continue;
    }
    if (!v->is_object()) continue;
    if (v->contains("@graph")) stack.push_back(&(*v)["@graph"]);
    std::string type;
    if (v->contains("@type")) {
      const auto& t = (*v)["@type"];
      type = t.is_array() && !t.empty() ? str(t[0]) : str(t);
    }
    bool article = type.find("Article") != std::string::npos ||
                   type == "BlogPosting" || type == "Report" ||
                   type == "WebPage";
    if (!article) continue;
    bool strong = type != "WebPage";
    if (v->contains("headline") && (strong || m->ld_headline.empty())) {
      m->ld_headline = str((*v)["headline"]);
    }
    if (v->contains("datePublished") && (strong || m->ld_published.empty())) {
      m->ld_published = str((*v)["datePublished"]);
    }
    if (v->contains("author") && strong && m->ld_authors.empty()) {
      const auto& a = (*v)["author"];
      std::vector<const nlohmann::json*> as;
      if (a.is_array()) {
        for (const auto& e : a) as.push_back(&e);
      } else {
        as.push_back(&a);
      }
      for (const auto* e : as) {
        std::string name =
            e->is_object() && e->contains("name") ? str((*e)["name"]) : str(*e);
        if (!name.empty() && name.find("http") != 0) {
          m->ld_authors.push_back(name);
        }
      }
    }
    if (v->contains("publisher") && (*v)["publisher"].is_object() &&
        (*v)["publisher"].contains("name")) {
      m->ld_publisher = str((*v)["publisher"]["name"]);
    }
    if (v->contains("keywords") && m->tags.empty()) {
      const auto& k = (*v)["keywords"];
      if (k.is_array()) {
        for (const auto& e : k) {
          if (e.is_string()) m->tags.push_back(e.get<std::string>());
        }
      } else if (k.is_string()) {
        ParseTagLine("Tags: " + k.get<std::string>(), &m->tags);
      }
    }
  }
}

// Returns an author name without "By " and a trailing role ("Jane Doe, AP
// Auto Writer" -> "Jane Doe"), or "" when it is not a name.
std::string CleanAuthor(std::string_view raw) {
  std::string a = DecodeHtmlText(raw);
  for (const char* by : {"By ", "BY ", "by "}) {
    if (a.rfind(by, 0) == 0) a = a.substr(3);
  }
  size_t comma = a.find(", ");
  if (comma != std::string::npos) a.resize(comma);
  if (a.size() > 80 || a.find('@') != std::string::npos) return "";
  // ALL CAPS names read better in title case.
  bool has_lower = std::any_of(a.begin(), a.end(),
                               [](char c) { return c >= 'a' && c <= 'z'; });
  if (!has_lower) {
    bool start = true;
    for (char& c : a) {
      if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return a;
}

}  // namespace

void ReadHtmlMetadata(const HtmlDom& dom, HtmlMetadata* m) {
  const auto& nodes = dom.nodes();
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const HtmlNode& n = nodes[i];
    if (n.type != NodeType::kElement) continue;
    switch (n.tag) {
      case Tag::kHtml: {
        std::string_view lang = dom.Attr(i, "lang");
        if (lang.size() >= 2) m->lang = LowerAscii(lang.substr(0, 2));
        break;
      }
      case Tag::kTitle:
        if (m->title_tag.empty() && n.first_child != kNoNode) {
          m->title_tag = DecodeHtmlText(nodes[n.first_child].text);
        }
        break;
      case Tag::kTime:
        if (m->time_datetime.empty()) {
          std::string_view dt = dom.Attr(i, "datetime");
          if (!dt.empty()) m->time_datetime = DecodeHtmlText(dt);
        }
        break;
      case Tag::kLink: {
        std::string_view rel = dom.Attr(i, "rel");
        if (m->canonical.empty() && LowerAscii(rel) == "canonical") {
          m->canonical = DecodeHtmlText(dom.Attr(i, "href"));
        }
        break;
      }
      case Tag::kScript: {
        std::string_view type = dom.Attr(i, "type");
        if (LowerAscii(type) == "application/ld+json" &&
            n.first_child != kNoNode) {
          ReadJsonLd(nodes[n.first_child].text, m);
        }
        break;
      }
      case Tag::kMeta: {
        std::string key = LowerAscii(dom.Attr(i, "property"));
        if (key.empty()) key = LowerAscii(dom.Attr(i, "name"));
        if (key.empty()) key = LowerAscii(dom.Attr(i, "itemprop"));
        if (key.empty()) break;
        std::string value = DecodeHtmlText(dom.Attr(i, "content"));
        if (value.empty()) break;
        if (key == "og:title" || key == "twitter:title") {
          if (m->og_title.empty()) m->og_title = value;
        } else if (key == "og:site_name" || key == "application-name") {
          if (m->site_name.empty()) m->site_name = value;
        } else if (key == "article:published_time" ||
                   key == "article:published" || key == "og:published_time" ||
                   key == "datepublished" || key == "pubdate" ||
                   key == "publishdate" || key == "date" || key == "dc.date" ||
                   key == "dc.date.issued" || key == "sailthru.date" ||
                   key == "parsely-pub-date" || key == "article.published" ||
                   key == "dcterms.created" || key == "publish-date") {
          if (m->published_meta.empty()) m->published_meta = value;
        } else if (key == "author" || key == "article:author" ||
                   key == "sailthru.author" || key == "parsely-author" ||
                   key == "dc.creator" || key == "byl") {
          if (value.find("http") != 0 && value.find('/') == std::string::npos) {
            std::string v = value;
            if (v.size() > 3 &&
                (v.compare(0, 3, "By ") == 0 || v.compare(0, 3, "BY ") == 0)) {
              v = v.substr(3);
            }
            if (std::find(m->meta_authors.begin(), m->meta_authors.end(), v) ==
                m->meta_authors.end()) {
              m->meta_authors.push_back(v);
            }
          }
        } else if (key == "article:tag") {
          m->tags.push_back(value);
        } else if (key == "news_keywords" || key == "keywords") {
          std::vector<std::string> tags;
          if (m->tags.empty() && ParseTagLine("Tags: " + value, &tags)) {
            m->tags = tags;
          }
        } else if (key == "og:url") {
          if (m->canonical.empty()) m->canonical = value;
        }
        break;
      }
      default:
        break;
    }
  }
}

void ApplyHtmlMetadata(const HtmlMetadata& meta, Document* doc) {
  const HtmlMetadata* m = &meta;
  std::string title, site;
  SplitTitle(m->title_tag, &title, &site);
  auto& source = doc->metadata_source;
  if (!m->ld_headline.empty()) {
    doc->title = m->ld_headline;
    source["title"] = "html:json-ld";
  } else if (!m->og_title.empty()) {
    std::string t, s;
    SplitTitle(m->og_title, &t, &s);
    doc->title = t;
    source["title"] = "html:meta";
  } else if (!m->h1.empty()) {
    doc->title = m->h1;
    source["title"] = "html:h1";
  } else {
    doc->title = title;
    if (!title.empty()) source["title"] = "html:title";
  }
  if (doc->url.empty() && !m->canonical.empty()) {
    doc->url = m->canonical;
    source["url"] = "html:canonical";
  }
  // A site name that is an address says no more than the URL does.
  auto usable = [](const std::string& name) {
    return !name.empty() && name.find("://") == std::string::npos &&
           name.rfind("www.", 0) != 0;
  };
  std::string outlet_source =
      usable(m->site_name)
          ? m->site_name
          : (usable(m->ld_publisher) ? m->ld_publisher
                                     : (usable(site) ? site : ""));
  doc->outlet = OutletName(outlet_source, doc->url);
  if (doc->outlet.empty()) doc->outlet = outlet_source;
  if (!doc->outlet.empty()) {
    source["outlet"] = outlet_source.empty()           ? "url"
                       : outlet_source == m->site_name ? "html:meta"
                       : outlet_source == m->ld_publisher
                           ? "html:json-ld"
                           : "html:title";
  }
  const std::pair<const std::string*, const char*> dates[] = {
      {&m->published_meta, "html:meta"},
      {&m->ld_published, "html:json-ld"},
      {&m->time_datetime, "html:time"}};
  for (const auto& [cand, from] : dates) {
    if (cand->empty()) continue;
    std::string iso = ParseDateTime(*cand);
    if (!iso.empty()) {
      doc->published = iso;
      source["published"] = from;
      break;
    }
  }
  for (const std::string& a :
       !m->ld_authors.empty() ? m->ld_authors : m->meta_authors) {
    std::string name = CleanAuthor(a);
    if (!name.empty() && std::find(doc->authors.begin(), doc->authors.end(),
                                   name) == doc->authors.end()) {
      doc->authors.push_back(std::move(name));
    }
  }
  if (!doc->authors.empty()) {
    source["authors"] = !m->ld_authors.empty() ? "html:json-ld" : "html:meta";
  }
  // Tags once each, whatever their case (keywords and article:tag repeat).
  for (const std::string& t : m->tags) {
    std::string key = LowerAscii(t);
    bool seen = false;
    for (const std::string& o : doc->tags) seen |= LowerAscii(o) == key;
    if (!seen && !t.empty()) doc->tags.push_back(t);
  }
  if (!doc->tags.empty()) source["tags"] = "html:meta";
  doc->language = m->lang;
  if (!doc->language.empty()) source["language"] = "html:lang";
}

}  // namespace dateline

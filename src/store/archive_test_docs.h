// Documents for the archive tests (src/store/*_test.cc), filled by hand
// with every layer the archive stores. Test-only.
#ifndef DATELINE_STORE_ARCHIVE_TEST_DOCS_H_
#define DATELINE_STORE_ARCHIVE_TEST_DOCS_H_

#include <string>
#include <vector>

#include "dateline/document.h"

namespace dateline {
namespace testdocs {

// The span of the first `s` in `text`.
inline Span At(const std::string& text, const std::string& s) {
  size_t b = text.find(s);
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + s.size())};
}

inline Document Kremlin() {
  Document d;
  d.id = "k1";
  d.url = "https://news.example/kremlin";
  d.outlet = "Example News";
  d.title = "Kremlin says Kim visit is a matter for two neighbours";
  d.published = "2023-09-13T10:00:00+03:00";
  d.language = "en";
  d.text =
      "MOSCOW - Kremlin spokesman Dmitry Peskov said on Wednesday that the "
      "talks between Vladimir Putin and Kim Jong Un were \"a matter for two "
      "neighbours\" and no one else. Russia and North Korea signed no "
      "agreements, Peskov added, but they discussed military cooperation at "
      "the Vostochny cosmodrome in the far east of the country.";
  auto at = [&](const std::string& s) { return At(d.text, s); };
  Entity peskov;
  peskov.id = "e1";
  peskov.name = "Dmitry Peskov";
  peskov.type = "PER";
  peskov.aliases = {"Peskov"};
  peskov.roles = {"Kremlin spokesman"};
  peskov.country = "RUS";
  peskov.mentions = {at("Dmitry Peskov"), at("Peskov added")};
  peskov.mentions[1].end = peskov.mentions[1].begin + 6;
  Entity putin;
  putin.id = "e2";
  putin.name = "Vladimir Putin";
  putin.type = "PER";
  putin.mentions = {at("Vladimir Putin")};
  Entity kim;
  kim.id = "e3";
  kim.name = "Kim Jong Un";
  kim.type = "PER";
  kim.country = "PRK";
  kim.mentions = {at("Kim Jong Un")};
  Entity russia;
  russia.id = "e4";
  russia.name = "Russia";
  russia.type = "LOC";
  russia.mentions = {at("Russia")};
  d.entities = {peskov, putin, kim, russia};
  Quote q;
  q.span = at("a matter for two neighbours");
  q.kind = "partial";
  q.cue = "said";
  q.cue_span = at("said");
  q.speaker = "e1";
  q.speaker_name = "Dmitry Peskov";
  q.speaker_span = peskov.mentions[0];
  q.sentence = {0, static_cast<uint32_t>(d.text.find(" Russia"))};
  d.quotes = {q};
  Event e;
  e.source = {"Vladimir Putin", "RUSGOV", "e2", at("Vladimir Putin")};
  e.target = {"Kim Jong Un", "PRKGOV", "e3", at("Kim Jong Un")};
  e.has_target = true;
  e.code = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.date = "2023-09-13";
  e.location = "Vostochny";
  e.sentence = q.sentence;
  e.trigger = at("talks");
  e.evidence = "talks";
  e.date_source = "clause";
  e.location_source = "clause";
  e.geo.resolved = true;
  e.geo.name = "Tsiolkovsky";
  e.geo.country = "RUS";
  e.geo.type = 4;
  e.geo.feature = "city";
  e.geo.latitude = 51.7;
  e.geo.longitude = 128.1;
  e.geo.feature_id = "7668452";
  e.geo.adm1 = "RU05";
  e.reporter = {"Dmitry Peskov", "RUSGOV", "e1", peskov.mentions[0]};
  e.has_reporter = true;
  Event e2 = e;
  e2.date_source = "published";
  e2.location_source = "dateline";
  e2.geo = EventGeo();
  e2.reporter = EventActor();
  e2.has_reporter = false;
  e2.source = {"Russia", "RUS", "e4", at("Russia")};
  e2.target = {"North Korea", "PRK", "", at("North Korea")};
  e2.code = "0311";
  e2.root = "03";
  e2.date = "";
  e2.negated = true;
  e2.evidence = "signed no agreements";
  d.events = {e, e2};
  return d;
}

// The Kremlin story again as another article ("k2", its own URL), its
// text ending in `tail` so that its content hash differs.
inline Document KremlinCopy(const std::string& tail) {
  Document d = Kremlin();
  d.id = "k2";
  d.url = "https://other.example/k2";
  d.text += tail;
  return d;
}

inline Document Other(const std::string& id, const std::string& text,
                      const std::string& published = "2023-10-01") {
  Document d;
  d.id = id;
  d.title = "Other story " + id;
  d.published = published;
  d.text = text;
  return d;
}

inline const char kWire[] =
    "The central bank raised its main interest rate by half a point on "
    "Thursday, the third rise this year, saying inflation was still too high. "
    "Markets had expected a smaller move, and the currency rose sharply after "
    "the announcement. Economists said further increases were likely before "
    "the end of the year, as food and fuel prices kept climbing. The bank's "
    "governor said wages were rising faster than productivity and that the "
    "labour market remained tight despite slower growth in the second half.";

inline const char kFootball[] =
    "The national football team lost its opening match of the tournament on "
    "Saturday after a late penalty, and the coach said his players had been "
    "tired after a long season.";

// kWire as another outlet carries it: re-wrapped, a line of boilerplate.
inline std::string WireCopy() {
  std::string copy = kWire;
  for (size_t i = 50; i < copy.size(); i += 70) {
    if (copy[i] == ' ') copy[i] = '\n';
  }
  copy += "\n\nCopyright 2023 Other Outlet. All rights reserved.";
  return copy;
}

// Five unrelated articles: m1..m4 dated 2023-01 to 2024-06, m5 undated;
// two outlets; three events (USA->CHN twice at Geneva, FRA->DEU at Paris);
// three entities (Geneva in three articles).
inline std::vector<Document> Mixed() {
  struct Spec {
    const char* id;
    const char* published;
    const char* outlet;
    const char* text;
  } specs[] = {
      {"m1", "2023-01-15", "Harbour Times",
       "Harbour pilots in Geneva voted to strike over pay after talks with the "
       "port operator collapsed late on Sunday night."},
      {"m2", "2023-02-10", "Port Daily",
       "Trade envoys met in Geneva for a second round of tariff negotiations, "
       "and both sides described the mood as constructive."},
      {"m3", "2023-03-05", "Harbour Times",
       "A new harbour ferry line opened between the two islands, cutting the "
       "crossing time to forty minutes for commuters."},
      {"m4", "2024-06-01", "Port Daily",
       "The Harbour Authority in Geneva approved a budget for dredging the "
       "eastern channel before the summer shipping season."},
      {"m5", "", "Wire",
       "Jean Dupont, a retired teacher, planted four hundred oak trees along "
       "the river banks of his village over thirty years."},
  };
  std::vector<Document> docs;
  for (const Spec& s : specs) {
    Document d;
    d.id = s.id;
    d.published = s.published;
    d.outlet = s.outlet;
    d.title = std::string("Report ") + s.id;
    d.text = s.text;
    d.url = std::string("https://") +
            (d.outlet == "Port Daily" ? "portdaily.example/" : "news.example/") +
            s.id;
    auto entity = [&](const char* id, const char* name, const char* type) {
      Entity e;
      e.id = id;
      e.name = name;
      e.type = type;
      e.mentions = {At(d.text, name)};
      d.entities.push_back(e);
    };
    auto event = [&](const char* src, const char* tgt, int quad,
                     double goldstein, const char* date, const char* where) {
      Event e;
      e.source = {src, src, "", {0, 5}};
      e.target = {tgt, tgt, "", {6, 10}};
      e.has_target = true;
      e.code = quad == 4 ? "190" : "036";
      e.root = quad == 4 ? "19" : "03";
      e.quad_class = quad;
      e.goldstein = goldstein;
      e.date = date;
      e.location = where;
      e.sentence = {0, 20};
      e.trigger = {0, 5};
      e.evidence = "x";
      d.events.push_back(e);
    };
    const std::string id = s.id;
    if (id == "m1" || id == "m2" || id == "m4") entity("g", "Geneva", "LOC");
    if (id == "m4") entity("h", "Harbour Authority", "ORG");
    if (id == "m5") entity("j", "Jean Dupont", "PER");
    if (id == "m1") event("USAGOV", "CHN", 4, -10, "", "Geneva");
    if (id == "m2") event("USA", "CHNGOV", 1, 2, "2023-02-11", "Geneva");
    if (id == "m5") event("FRA", "DEU", 1, 3, "", "Paris");
    docs.push_back(d);
  }
  return docs;
}

}  // namespace testdocs
}  // namespace dateline

#endif  // DATELINE_STORE_ARCHIVE_TEST_DOCS_H_

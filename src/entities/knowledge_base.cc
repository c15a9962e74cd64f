// The canonical entities and the linker (see knowledge_base.h).
//
// Names index the entities by NameKey ("U.S." and "US" are one key); a key
// shared by several entities (a country and a person, two organisations)
// is decided per document by type, office and the countries the document
// names, or left unlinked. People who held an office (leaders.tsv) are
// also indexed by surname, the only way an article that writes "Mr Blair"
// throughout reaches Tony Blair.
#include "entities/knowledge_base.h"

#include <algorithm>
#include <optional>
#include <set>

#include "base/tsv_table.h"
#include "entities/entity_resolver.h"
#include "entities/leaders_table.h"

namespace dateline {
namespace {

std::string Join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += w[i];
  }
  return out;
}

// Particles that belong to a surname ("al-Assad", "von der Leyen").
bool IsParticle(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "al", "el", "bin", "ibn", "von", "van", "der", "den", "de",
      "da",  "di", "du",  "la",  "le",  "dos", "das", "del"};
  return kWords.count(w) > 0;
}

bool IsGenerational(std::string_view w) {
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

// Countries whose people's names put the family name first.
bool FamilyNameFirst(std::string_view iso3) {
  return iso3 == "CHN" || iso3 == "TWN" || iso3 == "PRK" || iso3 == "KOR" ||
         iso3 == "VNM" || iso3 == "KHM";
}

// The key of `name` with a leading courtesy title dropped.
std::string LinkKey(std::string_view name) {
  std::vector<std::string> w = SplitList(NameKey(name), ' ');
  if (w.size() >= 2 && IsCourtesyTitle(w.front())) w.erase(w.begin());
  return Join(w, 0, w.size());
}

// Whether a term (start, end: ISO prefixes) covers `day` (ISO date).
bool InOffice(const CanonicalEntity::Term& t, std::string_view day) {
  if (day.empty()) return false;
  bool started = t.start.empty() || t.start <= day;
  bool ongoing = t.end.empty() || day.substr(0, t.end.size()) <= t.end;
  return started && ongoing;
}

bool StartedBy(const CanonicalEntity::Term& t, std::string_view day) {
  return day.empty() || t.start.empty() || t.start.substr(0, day.size()) <= day;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return !s.empty() && std::find(v.begin(), v.end(), s) != v.end();
}

// Links a place entity to the place the geocoder resolves its name to:
// countries by their table id, other places by GeoNames' feature id.
void LinkPlace(const Geocoder& places, const std::vector<std::string>& countries,
               Entity* e) {
  std::optional<GeoPlace> p = places.Resolve(e->name, countries);
  if (!p || p->feature_id.empty()) return;
  // "Dallas County" and "Quezon province" are not the city the geocoder
  // finds once the place word is dropped (the table has no counties).
  const std::vector<std::string> w = SplitList(NameKey(e->name), ' ');
  static const std::set<std::string, std::less<>> kAdmin = {
      "county", "province", "region", "district", "prefecture", "oblast",
      "governorate", "department", "municipality", "parish", "state"};
  if (w.size() >= 2 && kAdmin.count(w.back()) &&
      p->type != GeoType::kUsState && p->type != GeoType::kWorldState) {
    return;
  }
  e->canonical_id = (p->type == GeoType::kCountry ? "country:" : "geo:") +
                    p->feature_id;
  e->canonical_name = p->name;
  if (e->country.empty()) e->country = p->country_iso3;
}

}  // namespace

std::string CanonicalSlug(std::string_view name) {
  std::string out = NameKey(name);
  for (char& c : out) {
    if (c == ' ') c = '-';
  }
  return out;
}

uint32_t KnowledgeBase::Add(const std::string& id, const std::string& name,
                            const std::string& type,
                            const std::string& country) {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    CanonicalEntity& e = entities_[it->second];
    if (e.country.empty()) e.country = country;
    return it->second;
  }
  const uint32_t index = static_cast<uint32_t>(entities_.size());
  entities_.push_back({id, name, type, country, "", {}});
  by_id_.emplace(id, index);
  AddName(index, name);
  return index;
}

void KnowledgeBase::AddName(uint32_t e, std::string_view name) {
  std::string key = LinkKey(name);
  if (key.empty()) return;
  std::vector<uint32_t>& v = by_key_[key];
  if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
}

Status KnowledgeBase::Create(const std::string& dir,
                             std::unique_ptr<KnowledgeBase>* out) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  std::vector<TsvRow> rows;
  // name iso3 cameo_code aliases demonyms capital government_metonyms
  Status s = ReadTsv(dir + "/countries.tsv", &rows);
  if (!s.ok()) return Status::NotFound(dir + "/countries.tsv", s.ToString());
  for (const TsvRow& r : rows) {
    if (r[1].empty()) continue;
    uint32_t e = kb->Add("country:" + r[1], r[0], "LOC", r[1]);
    for (const std::string& a : SplitList(r[3])) kb->AddName(e, a);
  }
  // Organisations: name type country cameo aliases; institutions: name type
  // aliases; companies: name aliases. One entity per name across the files.
  rows.clear();
  if (ReadTsv(dir + "/organizations.tsv", &rows).ok()) {
    for (const TsvRow& r : rows) {
      uint32_t e = kb->Add("org:" + CanonicalSlug(r[0]), r[0], "ORG", r[2]);
      for (const std::string& a : SplitList(r[4])) kb->AddName(e, a);
    }
  }
  rows.clear();
  if (ReadTsv(dir + "/institutions.tsv", &rows).ok()) {
    for (const TsvRow& r : rows) {
      uint32_t e = kb->Add("org:" + CanonicalSlug(r[0]), r[0], "ORG", "");
      for (const std::string& a : SplitList(r[2])) kb->AddName(e, a);
    }
  }
  rows.clear();
  if (ReadTsv(dir + "/companies.tsv", &rows).ok()) {
    for (const TsvRow& r : rows) {
      uint32_t e = kb->Add("org:" + CanonicalSlug(r[0]), r[0], "ORG", "");
      for (const std::string& a : SplitList(r[1])) kb->AddName(e, a);
    }
  }
  // People: office-holders (name country role start end aliases ...), then
  // the people of news and sport (name field aliases surname).
  std::set<std::string, std::less<>> given;
  rows.clear();
  if (ReadTsv(dir + "/first_names.tsv", &rows).ok()) {
    for (const TsvRow& r : rows) given.insert(NameKey(r[0]));
  }
  std::vector<uint32_t> leaders;
  std::vector<LeaderRow> terms;
  if (ReadLeaders(dir + "/leaders.tsv", &terms).ok()) {
    for (const LeaderRow& r : terms) {
      uint32_t e =
          kb->Add("person:" + CanonicalSlug(r.name), r.name, "PER", r.country);
      kb->entities_[e].terms.push_back({r.country, r.role, r.start, r.end});
      for (const std::string& a : r.aliases) kb->AddName(e, a);
      leaders.push_back(e);
    }
  }
  rows.clear();
  if (ReadTsv(dir + "/people.tsv", &rows).ok()) {
    for (const TsvRow& r : rows) {
      uint32_t e = kb->Add("person:" + CanonicalSlug(r[0]), r[0], "PER", "");
      for (const std::string& a : SplitList(r[2])) kb->AddName(e, a);
      if (!r[3].empty()) kb->entities_[e].surname = NameKey(r[3]);
    }
  }
  // Surnames of office-holders: the table's, else the last word (the first
  // for names written family name first, unless it is a given name), with
  // its particles ("al-Assad" is found as "assad" and "al assad").
  std::sort(leaders.begin(), leaders.end());
  leaders.erase(std::unique(leaders.begin(), leaders.end()), leaders.end());
  for (uint32_t e : leaders) {
    CanonicalEntity& c = kb->entities_[e];
    std::vector<std::string> w = SplitList(NameKey(c.name), ' ');
    while (w.size() > 1 && IsGenerational(w.back())) w.pop_back();
    std::vector<std::string> keys;
    if (!c.surname.empty()) {
      keys.push_back(c.surname);
    } else if (w.size() >= 2) {
      if (FamilyNameFirst(c.country) && !given.count(w.front())) {
        keys.push_back(w.front());
      } else {
        keys.push_back(w.back());
        size_t from = w.size() - 1;
        while (from > 1 && IsParticle(w[from - 1])) --from;
        if (from < w.size() - 1) keys.push_back(Join(w, from, w.size()));
      }
      c.surname = keys.front();
    }
    for (const std::string& k : keys) kb->by_surname_[k].push_back(e);
  }
  *out = std::move(kb);
  return Status::OK();
}

const CanonicalEntity* KnowledgeBase::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<const CanonicalEntity*> KnowledgeBase::Named(
    std::string_view name) const {
  std::vector<const CanonicalEntity*> out;
  auto it = by_key_.find(LinkKey(name));
  if (it != by_key_.end()) {
    for (uint32_t e : it->second) out.push_back(&entities_[e]);
  }
  return out;
}

int KnowledgeBase::Choose(const std::vector<uint32_t>& candidates,
                          const Entity& e, std::string_view day,
                          const std::vector<std::string>& countries,
                          bool by_surname) const {
  auto in_countries = [&](const CanonicalEntity& c) {
    if (Contains(countries, c.country)) return true;
    for (const CanonicalEntity::Term& t : c.terms) {
      if (Contains(countries, t.country)) return true;
    }
    return false;
  };
  auto in_office = [&](const CanonicalEntity& c) {
    for (const CanonicalEntity::Term& t : c.terms) {
      if (InOffice(t, day) && Contains(countries, t.country)) return true;
    }
    return false;
  };
  auto started = [&](const CanonicalEntity& c) {
    for (const CanonicalEntity::Term& t : c.terms) {
      if (StartedBy(t, day)) return true;
    }
    return c.terms.empty();
  };
  // Narrows `v` by `keep` when some candidates pass; returns the one left.
  std::vector<uint32_t> v = candidates;
  auto narrow = [&](auto keep, bool required) {
    std::vector<uint32_t> kept;
    for (uint32_t c : v) {
      if (keep(entities_[c])) kept.push_back(c);
    }
    if (!kept.empty() || required) v = std::move(kept);
  };
  if (by_surname) {
    // A surname alone is only an office-holder of the document's countries
    // who had taken office by its date; on a known date, one in office then
    // goes first.
    narrow([&](const CanonicalEntity& c) { return in_countries(c); }, true);
    narrow([&](const CanonicalEntity& c) { return started(c); }, true);
    narrow([&](const CanonicalEntity& c) { return in_office(c); }, false);
    return v.size() == 1 ? static_cast<int>(v.front()) : -1;
  }
  narrow([&](const CanonicalEntity& c) { return c.type == e.type; }, false);
  narrow([&](const CanonicalEntity& c) { return in_office(c); }, false);
  narrow([&](const CanonicalEntity& c) { return in_countries(c); }, false);
  if (v.size() != 1) return -1;
  // A national organisation of a country the document never names is a
  // namesake ("Conservatives in parliament" of a story about Turkey).
  const CanonicalEntity& c = entities_[v.front()];
  if (c.type == "ORG" && !c.country.empty() && !countries.empty() &&
      !in_countries(c)) {
    return -1;
  }
  return static_cast<int>(v.front());
}

void KnowledgeBase::Link(std::string_view published,
                         std::vector<Entity>* entities) const {
  const std::string_view day = published.substr(0, 10);
  std::vector<std::string> countries;
  for (const Entity& e : *entities) {
    for (const std::string* c : {&e.country, &e.government}) {
      if (!c->empty() && !Contains(countries, *c)) countries.push_back(*c);
    }
  }
  auto link = [&](Entity* e, int c) {
    const CanonicalEntity& k = entities_[c];
    e->canonical_id = k.id;
    e->canonical_name = k.name;
    e->type = k.type;
    if (e->country.empty()) e->country = k.country;
    if (e->country.empty() && !k.terms.empty()) e->country = k.terms[0].country;
  };
  std::vector<Entity*> surname_only;
  for (Entity& e : *entities) {
    e.canonical_id.clear();
    e.canonical_name.clear();
    // Every name of the entity; those matching entities of a compatible type.
    std::vector<uint32_t> candidates;
    bool one_word_person = e.type == "PER";
    // The entity's name first; its other forms only when the name finds
    // nothing, and not the short ones ("BT" after "Bankers Trust Co" is a
    // ticker, not British Telecom).
    std::vector<std::string> names = {e.name};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (size_t n = 0; n < names.size(); ++n) {
      if (n > 0 && (!candidates.empty() || names[n].size() <= 3)) continue;
      const std::string key = LinkKey(names[n]);
      if (key.empty()) continue;
      const bool multiword = key.find(' ') != std::string::npos;
      if (e.type == "PER" && multiword) one_word_person = false;
      auto it = by_key_.find(key);
      if (it == by_key_.end()) continue;
      for (uint32_t c : it->second) {
        const std::string& type = entities_[c].type;
        // "Jordan" the basketball player is not the country: a one-word name
        // crosses between people and the rest only in neither direction.
        const bool compatible =
            type == e.type || multiword || (type != "PER" && e.type != "PER");
        if (compatible &&
            std::find(candidates.begin(), candidates.end(), c) ==
                candidates.end()) {
          candidates.push_back(c);
        }
      }
    }
    int chosen = -1;
    if (!candidates.empty()) {
      chosen = Choose(candidates, e, day, countries, false);
    }
    if (chosen >= 0) {
      link(&e, chosen);
    } else if (candidates.empty() && one_word_person) {
      surname_only.push_back(&e);
    } else if (candidates.empty() && e.type == "LOC" && places_ != nullptr) {
      LinkPlace(*places_, countries, &e);
    }
  }
  // Surnames last, when the document's countries include its linked
  // people's. (EntityResolver has already joined a surname to a person the
  // document names in full, so a surname left alone names nobody else here.)
  for (const Entity& e : *entities) {
    if (!e.country.empty() && !Contains(countries, e.country))
      countries.push_back(e.country);
  }
  // The country the document is most about (mentions of its entities).
  std::unordered_map<std::string, size_t> weight;
  std::string top;
  for (const Entity& e : *entities) {
    if (e.country.empty()) continue;
    size_t& w = weight[e.country];
    w += e.mentions.size();
    if (top.empty() || w > weight[top] || (w == weight[top] && e.country < top))
      top = e.country;
  }
  for (Entity* e : surname_only) {
    auto it = by_surname_.find(LinkKey(e->name));
    if (it == by_surname_.end()) continue;
    int chosen = Choose(it->second, *e, day, countries, true);
    if (chosen < 0) continue;
    // Unless in office on the document's date, an office-holder of the
    // country the document is most about: "Mr Howard" of a British story
    // that mentions Australia is not John Howard.
    bool sure = false;
    for (const CanonicalEntity::Term& t : entities_[chosen].terms) {
      sure |= t.country == top ||
              (InOffice(t, day) && Contains(countries, t.country));
    }
    if (!sure) chosen = -1;
    if (chosen >= 0) link(e, chosen);
  }
}

}  // namespace dateline

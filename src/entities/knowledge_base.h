// KnowledgeBase: the canonical entities dateline knows by name — countries,
// international and national organisations, and people — read from the
// project's gazetteers (data/gazetteers/*.tsv), and the linker that ties
// the entities of one document to them (Entity::canonical_id), so that
// "Tony Blair" in one article and "Mr Blair" in another are one entity of
// the archive; places by GeoNames through the Geocoder (SetPlaces). Built once; Link is const and thread-safe.
//
// Ids are readable and stable across runs: "country:GBR" (ISO 3166
// alpha-3), "org:united-nations", "person:tony-blair" (the table's name,
// NameKey'd, spaces as '-'). Each canonical entity has one type (LOC, ORG, PER): a
// linked entity takes it, whatever the tagger said in that article.
#ifndef DATELINE_ENTITIES_KNOWLEDGE_BASE_H_
#define DATELINE_ENTITIES_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "geo/geocoder.h"

namespace dateline {

struct CanonicalEntity {
  std::string id;       // "person:tony-blair"
  std::string name;     // "Tony Blair"
  std::string type;     // LOC, ORG or PER
  std::string country;  // ISO 3166 alpha-3, "" for IGOs and unknown
  // A person's family name as news writes it alone ("blair", "xi"; NameKey
  // form); "" when unknown.
  std::string surname;
  // Offices held (leaders.tsv): country, role, start and end (ISO dates or
  // prefixes; end "" while in office).
  struct Term {
    std::string country, role, start, end;
  };
  std::vector<Term> terms;
};

class KnowledgeBase {
 public:
  // Reads countries.tsv (required), organizations.tsv, institutions.tsv,
  // leaders.tsv and people.tsv (each optional) from `gazetteer_dir`.
  // NotFound when countries.tsv is missing.
  static Status Create(const std::string& gazetteer_dir,
                       std::unique_ptr<KnowledgeBase>* kb);

  // Places other than countries: a place entity (LOC) the tables above do
  // not name is the place `places` resolves its name to in the document's
  // countries ("NEW YORK" and "New York" are geo:5128581, GeoNames' id; a
  // US state geo:USTX). Optional; not owned; must outlive this object.
  void SetPlaces(const Geocoder* places) { places_ = places; }

  // Links the entities of one document (as EntityResolver made them):
  // by any of an entity's names (courtesy titles dropped), choosing among
  // entities of the same name by type, office on `published` and the
  // countries the document names; a person named only by a surname ("Mr
  // Blair") by the office-holders of that surname in the document's
  // countries, on `published` when it is known. Sets canonical_id,
  // canonical_name and type; fills an empty country. Entities without one
  // unambiguous match stay unlinked (canonical_id "").
  void Link(std::string_view published, std::vector<Entity>* entities) const;

  // The entity with this id, or nullptr.
  const CanonicalEntity* Find(std::string_view id) const;
  // Entities one of whose names has this NameKey ("U.S." finds the USA).
  std::vector<const CanonicalEntity*> Named(std::string_view name) const;
  size_t size() const { return entities_.size(); }

 private:
  KnowledgeBase() = default;
  // Adds (or finds, by id) an entity; returns its index.
  uint32_t Add(const std::string& id, const std::string& name,
               const std::string& type, const std::string& country);
  void AddName(uint32_t e, std::string_view name);
  // The one candidate to link `e` to, or -1.
  int Choose(const std::vector<uint32_t>& candidates, const Entity& e,
             std::string_view day, const std::vector<std::string>& countries,
             bool by_surname) const;

  std::vector<CanonicalEntity> entities_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_key_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_surname_;
  const Geocoder* places_ = nullptr;
};

// "Tony Blair" -> "tony-blair": the id part of a name.
std::string CanonicalSlug(std::string_view name);

}  // namespace dateline

#endif  // DATELINE_ENTITIES_KNOWLEDGE_BASE_H_

// EntityResolver: turns the tagger's name mentions into one Entity per
// real-world referent in a document (within-document resolution), with
// aliases, roles ("Kremlin spokesman"), ages ("Kim, 39"), the country an
// entity belongs to, and government metonyms ("Moscow said", "the
// Kremlin"). Built once from the project's gazetteers; Resolve is const and
// thread-safe.
#ifndef DATELINE_ENTITIES_ENTITY_RESOLVER_H_
#define DATELINE_ENTITIES_ENTITY_RESOLVER_H_

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

class EntityResolver {
 public:
  // Loads countries.tsv (required) and leaders.tsv (optional) from
  // `gazetteer_dir`. Returns NotFound when countries.tsv is missing and
  // Corruption when a line has too few columns.
  static Status Create(const std::string& gazetteer_dir,
                       std::unique_ptr<EntityResolver>* resolver);

  // Resolves `mentions` (in any order, not overlapping) of `text`, whose
  // sentences are `sentences` (may be empty: then the paragraph is the
  // context), into *entities, ordered by first mention. `tags` (the page's
  // tag list) adds aliases such as "Kim Jong-Un". `published` (ISO date,
  // may be empty: today's roles) picks the roles the gazetteer gives people
  // the text names without one. `datelines` are the spans of `text` that are
  // datelines ("WASHINGTON, March 3 -", found by the clean stage's
  // ParseDateline): a capital named there is where the story was filed, not
  // its government acting.
  void Resolve(std::string_view text, const std::vector<Span>& sentences,
               const std::vector<NamedMention>& mentions,
               const std::vector<std::string>& tags,
               std::vector<Entity>* entities,
               std::string_view published = {},
               const std::vector<Span>& datelines = {}) const;

  // Returns the ISO alpha-3 code for a country name, alias or demonym
  // ("Russia", "U.S.", "North Korean"), or "".
  std::string CountryOf(std::string_view name) const;

  // Returns the country whose government `name` can stand for ("Moscow",
  // "Kremlin", "White House"), or "".
  std::string GovernmentOf(std::string_view name) const;

 private:
  EntityResolver() = default;

  // One role period of a person from leaders.tsv.
  struct Leader {
    std::string country;
    std::string role;
    std::string start;  // ISO date (or year-month, year) the role began
    std::string end;    // "" while in office
  };
  std::unordered_map<std::string, std::string> countries_;    // key -> iso3
  std::unordered_map<std::string, std::string> demonyms_;     // key -> iso3
  std::unordered_map<std::string, std::string> governments_;  // key -> iso3
  std::unordered_map<std::string, std::vector<Leader>> leaders_;
  std::set<std::string> institutions_;  // "kremlin", "white house"
};

// Returns the comparison key of a name: lowercase, hyphens and dots as
// spaces ("Kim Jong-Un" -> "kim jong un", "U.S." -> "u s"), possessive
// "'s" and a leading "the" dropped, spaces collapsed.
std::string NameKey(std::string_view name);

// Whether `word` (a NameKey word: lowercase, no dot) is a courtesy title
// written before a person's name ("mr", "ms", "sir"); offices ("president")
// are roles, and "lord" is part of a peer's name.
bool IsCourtesyTitle(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_ENTITIES_ENTITY_RESOLVER_H_

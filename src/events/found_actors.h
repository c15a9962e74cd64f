// FoundActor and FoundGroup: the actors the actor finder names in one
// sentence, as the reference resolver (events/references.h) and the clause
// coder (events/clause_coder.h) read them. Plain values.
#ifndef DATELINE_EVENTS_FOUND_ACTORS_H_
#define DATELINE_EVENTS_FOUND_ACTORS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Whether a CAMEO actor code opens with a country ("RUSGOV", "USA"): three
// capitals that are no organisation prefix (IGO, NGO, IMG, MNC, UAF).
inline bool CountryPrefix(const std::string& code) {
  if (code.size() < 3) return false;
  for (size_t i = 0; i < 3; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') return false;
  }
  const std::string c = code.substr(0, 3);
  return c != "IGO" && c != "NGO" && c != "IMG" && c != "MNC" && c != "UAF";
}

// Returns whether an actor code is a company's ("JPNBUS", "---BUS"; not
// an organisation's "IGOBUSIMF").
inline bool Company(const std::string& code) {
  return code.size() >= 6 && code.compare(3, 3, "BUS") == 0 &&
         code.compare(0, 3, "IGO") != 0 && code.compare(0, 3, "NGO") != 0;
}

// Whether lower-case `w` is a reflexive pronoun ("himself", "themselves"):
// it stands for its own clause's doer, never for a second party.
inline bool ReflexivePronoun(std::string_view w) {
  return w == "himself" || w == "herself" || w == "itself" ||
         w == "themselves" || w == "myself" || w == "ourselves" ||
         w == "yourself" || w == "yourselves";
}

// An actor the actor finder coded in a sentence: tokens [b, e).
struct FoundActor {
  uint32_t b = 0, e = 0;
  std::string code, entity, name;
  bool person = false;
  // A reference: a pronoun ("he", "its"), a first-person word in a
  // quotation or a definite description ("the ministry") that stands for an
  // actor named elsewhere. Unresolved while `code` is empty; once resolved,
  // [b, e) are still the reference's own words and code, entity and name
  // the referent's ("he" -> "Tony Blair", e4, GBRGOV).
  bool pronoun = false;
  // A place that is not a country, capital or government metonym
  // ("Jeddah", "Komsomolsk-on-Amur"): a location, never an actor.
  bool place = false;
  // The sector a possessive reference names ("its forces": MIL), which the
  // referent's country takes; "" when none.
  std::string sector;
  // The country was not named with the actor but taken from the story
  // ("Officials said" in a story about Brazil: BRAGOV).
  bool country_from_story = false;
};
// Actors joined by coordination or apposition ("Russia and North Korea").
struct FoundGroup {
  uint32_t b = 0, e = 0;
  std::vector<FoundActor> actors;
};

}  // namespace dateline

#endif  // DATELINE_EVENTS_FOUND_ACTORS_H_

// Place-name keys: the form in which the geocoder and the tool that builds its
// table compare names, so both sides agree on what "the same name" means.
#ifndef DATELINE_GEO_PLACE_NAME_H_
#define DATELINE_GEO_PLACE_NAME_H_

#include <string>
#include <string_view>

namespace dateline {
namespace geo {

// Returns the lookup key of a place name: case-folded, Latin diacritics
// removed (NFKD, combining marks dropped; ß ss, ø o, ł l, đ d, æ ae, œ oe,
// ı i, þ th), apostrophes and periods dropped, other punctuation and spaces
// collapsed to one space, a possessive "'s" and a leading "the" removed, a
// run of one-letter words joined ("D. C." = "D.C." = "dc"), and the
// abbreviations st, ste, mt, ft spelt out ("St. Petersburg" = "Saint
// Petersburg"). Non-Latin letters are kept (case-folded). Returns "" when
// nothing of a name is left. Thread-safe.
std::string PlaceKey(std::string_view name);

// Returns true when `s` has a letter outside the Latin script (Cyrillic,
// Arabic, CJK ...), so a GeoNames alternate name in that script can be left
// out of a table meant for English news.
bool HasNonLatinLetter(std::string_view s);

// Returns true when the first character of `s` is an upper-case letter.
bool StartsWithCapital(std::string_view s);

}  // namespace geo
}  // namespace dateline

#endif  // DATELINE_GEO_PLACE_NAME_H_

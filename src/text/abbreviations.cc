#include "text/abbreviations.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dateline {
namespace {

// Titles and name parts: always followed by a name, so never sentence-final
// in news copy.
constexpr std::string_view kTitles[] = {
    "Mr",   "Mrs",  "Ms",   "Messrs", "Mmes", "Mx",     "Dr",   "Prof",
    "Gen",  "Lt",   "Col",  "Maj",    "Capt", "Cpt",    "Cmdr", "Cdr",
    "Adm",  "Sgt",  "Cpl",  "Pvt",    "Brig", "Lieut",  "Sen",  "Sens",
    "Rep",  "Reps", "Gov",  "Govs",   "Pres", "Atty",   "Supt", "Insp",
    "Det",  "Rev",  "Revs", "Fr",     "Hon",  "Amb",    "Gens", "Mt",
    "Ft",   "St",   "Msgr", "Sra",    "Mme",  "Mlle",   "Ste",  "Lt.Col",
    "vs",   "v",    "Vs",   "cf",     "viz",  "approx", "ca",   "Dept",
    "Univ", "Assn", "Bros", "Pt",     "Ave",  "Blvd",   "Rd",   "Hwy",
    "Ph.D", "M.D",  "Op",   "Nos",
};

constexpr std::string_view kBeforeNumber[] = {
    "No", "Art", "Vol", "pp", "Fig", "Sec", "Ch", "Nr", "Tel", "Ext",
};

// Abbreviations that may close a sentence ("... based in the U.S.").
constexpr std::string_view kCanEnd[] = {
    // Countries, organisations, places written with periods.
    "U.S",
    "U.K",
    "U.N",
    "E.U",
    "U.S.A",
    "U.A.E",
    "D.C",
    "N.Y",
    "L.A",
    "S.F",
    "N.J",
    "N.C",
    "S.C",
    "N.H",
    "N.M",
    "N.D",
    "S.D",
    "R.I",
    "W.Va",
    "P.R",
    // Company suffixes.
    "Inc",
    "Corp",
    "Ltd",
    "Co",
    "Cos",
    "Plc",
    "plc",
    "Bhd",
    "Pty",
    "L.P",
    "L.L.C",
    "S.A",
    "N.V",
    "A.G",
    "Jr",
    "Sr",
    // Latin and other lowercase ones.
    "etc",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "A.M",
    "P.M",
    "al",
    // Months (Sept. 13); "May" never takes a period.
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    // US states in AP style that are not also common words.
    "Ala",
    "Ariz",
    "Ark",
    "Calif",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Ill",
    "Kan",
    "Kans",
    "Ky",
    "Md",
    "Mich",
    "Minn",
    "Mont",
    "Neb",
    "Nev",
    "Okla",
    "Ore",
    "Penn",
    "Tenn",
    "Tex",
    "Vt",
    "Wis",
    "Wyo",
    // Weekdays as abbreviated in listings.
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
};

constexpr std::string_view kStarters[] = {
    "The",     "A",     "An",        "He",        "She",        "It",
    "They",    "We",    "I",         "You",       "But",        "And",
    "Yet",     "So",    "Or",        "In",        "On",         "At",
    "As",      "After", "Before",    "This",      "That",       "These",
    "Those",   "There", "Their",     "His",       "Her",        "Its",
    "Our",     "My",    "However",   "Meanwhile", "Both",       "When",
    "While",   "If",    "Although",  "Though",    "Asked",      "Some",
    "Many",    "Most",  "Earlier",   "Later",     "Also",       "Still",
    "Last",    "Other", "Officials", "According", "Since",      "During",
    "Despite", "For",   "From",      "Under",     "What",       "Why",
    "How",     "Who",   "Where",     "Neither",   "Nor",        "No",
    "Not",     "One",   "Two",       "Each",      "Such",       "Instead",
    "Then",    "Now",   "Today",     "Yesterday", "Separately",
};

}  // namespace

AbbreviationKind LookupAbbreviation(std::string_view word) {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, AbbreviationKind>();
    for (std::string_view w : kCanEnd)
      (*m)[w] = AbbreviationKind::kCanEndSentence;
    for (std::string_view w : kBeforeNumber)
      (*m)[w] = AbbreviationKind::kBeforeNumber;
    for (std::string_view w : kTitles) (*m)[w] = AbbreviationKind::kTitle;
    return m;
  }();
  auto it = kMap->find(word);
  return it == kMap->end() ? AbbreviationKind::kNone : it->second;
}

bool IsSentenceStarter(std::string_view word) {
  static const auto* const kSet = new std::unordered_set<std::string_view>(
      std::begin(kStarters), std::end(kStarters));
  return kSet->count(word) != 0;
}

}  // namespace dateline

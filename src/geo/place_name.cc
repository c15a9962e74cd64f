#include "geo/place_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <vector>

#include "base/utf8.h"

namespace dateline {
namespace geo {
namespace {

bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 ||
         cp == 0x02BC || cp == 0x02BB || cp == 0x00B4 || cp == 0x02B9;
}

// Letters NFKD does not decompose into a base letter and a mark.
const char* SpecialFold(uint32_t cp) {
  switch (cp) {
    case 0x00DF: return "ss";  // ß
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x00F0: return "d";   // ð
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x0131: return "i";   // ı
    case 0x00FE: return "th";  // þ
    case 0x0127: return "h";   // ħ
    default: return nullptr;
  }
}

}  // namespace

std::string PlaceKey(std::string_view name) {
  // A possessive ("Russia's", "Gaza’s") is not part of the name.
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (name.size() > suffix.size() + 1 &&
        name.substr(name.size() - suffix.size()) == suffix) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  icu::UnicodeString decomposed;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(err)) {
    decomposed = nfkd->normalize(in, err);
  }
  if (U_FAILURE(err)) decomposed = in;

  std::vector<std::string> words(1);
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) == U_NON_SPACING_MARK || IsApostrophe(cp) ||
        cp == '.') {
      continue;
    }
    if (u_isalnum(cp)) {
      UChar32 folded = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
      if (const char* s = SpecialFold(static_cast<uint32_t>(folded))) {
        words.back() += s;
      } else {
        AppendUtf8(static_cast<uint32_t>(folded), &words.back());
      }
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() > 1 && words[0] == "the") words.erase(words.begin());

  std::string key;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string& w = words[k];
    if (w == "st") w = "saint";
    else if (w == "ste") w = "sainte";
    else if (w == "mt") w = "mount";
    else if (w == "ft") w = "fort";
    // Join one-letter words in a run ("d c" -> "dc", "u s a" -> "usa").
    bool single = w.size() == 1;
    bool prev_single = k > 0 && words[k - 1].size() == 1;
    if (!key.empty() && !(single && prev_single)) key += ' ';
    key += w;
  }
  return key;
}

bool HasNonLatinLetter(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    uint32_t cp = DecodeUtf8(s, &pos);
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    if (U_SUCCESS(err) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
        sc != USCRIPT_INHERITED) {
      return true;
    }
  }
  return false;
}

bool StartsWithCapital(std::string_view s) {
  size_t pos = 0;
  return !s.empty() && u_isupper(static_cast<UChar32>(DecodeUtf8(s, &pos)));
}

}  // namespace geo
}  // namespace dateline

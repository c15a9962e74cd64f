// DetectLanguage: the script decides for non-Latin text; for Latin text,
// profiles of the commonest function words of each language (written for
// this project from ordinary grammar knowledge) are counted, a word shared
// by several languages counting for each a share.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/utf8.h"
#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

struct Profile {
  const char* code;
  const char* words;  // space separated, lower case
};

constexpr Profile kProfiles[] = {
    {"en",
     "the and of to in is that for it with was on as are by this be at from "
     "have has he said not but they his an which were will would been their "
     "who had its also after more than about there we she her"},
    {"fr",
     "le la les des et est une un du dans que qui pour pas sur au avec ce il "
     "elle sont par plus ont été mais aux cette ses nous leur être sa son "
     "comme tout fait"},
    {"de",
     "der die das und ist nicht ein eine den dem mit von zu auf für sich "
     "auch es im des werden wird wurde hat sie bei nach aus oder dass einer "
     "noch wie sind nur über"},
    {"es",
     "el la los las de y en que un una por con para del se es al lo como "
     "más pero sus fue ha este esta son también está entre muy sin sobre "
     "hay cuando"},
    {"it",
     "il la di e che un una per del della non sono con gli le da dei nel "
     "alla è anche più ha come ma delle questo essere sul degli nella stato "
     "alle"},
    {"pt",
     "o a os as de do da dos das e que em um uma para com não no na por se "
     "mais ao foi são como mas pelo pela também está ele seu sua muito "
     "nos"},
    {"nl",
     "de het een en van is dat op te in niet met voor zijn die ook aan er "
     "maar om bij als door worden werd naar heeft nog wordt deze dit wel "
     "hij"},
    {"tr",
     "ve bir bu da de için ile olarak çok daha olan gibi ama kadar sonra ne "
     "var değil ben mi şekilde yılında tarafından ise göre ya her dedi "
     "olduğu"},
    {"pl",
     "i w z na się nie do to że jest o jak po co a od przez za dla tak ale "
     "jego czy już być został jej tym są"},
    {"sv",
     "och i att det som en på är av för med den till inte har de om ett var "
     "jag men från vid så kan sig också efter"},
    {"id",
     "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke "
     "karena ada oleh sudah mereka bisa telah kami saat atau lebih"},
    {"ro",
     "și în de la cu pe un o din care este să nu a fost mai pentru sunt "
     "acest această sau ca dar"},
};

// word -> indexes of the profiles that list it.
const std::unordered_map<std::string, std::vector<int>>& WordIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string, std::vector<int>>();
    for (int i = 0; i < static_cast<int>(std::size(kProfiles)); ++i) {
      std::string_view w = kProfiles[i].words;
      size_t start = 0;
      while (start < w.size()) {
        size_t end = w.find(' ', start);
        if (end == std::string_view::npos) end = w.size();
        if (end > start) {
          auto& v = (*m)[std::string(w.substr(start, end - start))];
          if (v.empty() || v.back() != i) v.push_back(i);
        }
        start = end + 1;
      }
    }
    return m;
  }();
  return *index;
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > 40000) text = text.substr(0, 40000);
  // Script census.
  size_t latin = 0, cyrillic = 0, arabic = 0, han = 0, kana = 0, hangul = 0,
         greek = 0, hebrew = 0, thai = 0, devanagari = 0, letters = 0;
  size_t ukrainian = 0, persian = 0, urdu = 0;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = DecodeUtf8(text, &i);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++latin, ++letters;
      continue;
    }
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    ++letters;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    switch (sc) {
      case USCRIPT_LATIN: ++latin; break;
      case USCRIPT_CYRILLIC:
        ++cyrillic;
        if (cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491)
          ++ukrainian;
        break;
      case USCRIPT_ARABIC:
        ++arabic;
        if (cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF)
          ++persian;
        if (cp == 0x0679 || cp == 0x0688 || cp == 0x0691 || cp == 0x06BA ||
            cp == 0x06D2)
          ++urdu;
        break;
      case USCRIPT_HAN: ++han; break;
      case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: ++kana; break;
      case USCRIPT_HANGUL: ++hangul; break;
      case USCRIPT_GREEK: ++greek; break;
      case USCRIPT_HEBREW: ++hebrew; break;
      case USCRIPT_THAI: ++thai; break;
      case USCRIPT_DEVANAGARI: ++devanagari; break;
      default: break;
    }
  }
  if (letters < 10) return "";
  size_t cjk = han + kana + hangul;
  // CJK characters each carry a word's worth of text: weigh them up.
  size_t non_latin = cyrillic + arabic + cjk * 3 + greek + hebrew + thai +
                     devanagari;
  if (non_latin > latin) {
    if (hangul * 3 >= cjk && hangul > 0) return "ko";
    if (kana * 10 >= cjk && kana > 0) return "ja";
    if (han > 0 && han >= cyrillic && han >= arabic) return "zh";
    size_t best = std::max({cyrillic, arabic, greek, hebrew, thai, devanagari});
    if (best == cyrillic) {
      return ukrainian * 50 > cyrillic ? "uk" : "ru";
    }
    if (best == arabic) {
      if (urdu * 40 > arabic) return "ur";
      if (persian * 40 > arabic) return "fa";
      return "ar";
    }
    if (best == greek) return "el";
    if (best == hebrew) return "he";
    if (best == thai) return "th";
    if (best == devanagari) return "hi";
    return "";
  }
  // Latin script: function-word profiles.
  const auto& index = WordIndex();
  std::vector<double> score(std::size(kProfiles), 0.0);
  size_t words = 0;
  for (const auto& w : clean_internal::SplitWords(text)) {
    ++words;
    std::string lower = clean_internal::ToLower(text.substr(w.begin, w.end - w.begin));
    auto it = index.find(lower);
    if (it == index.end()) continue;
    double share = 1.0 / static_cast<double>(it->second.size());
    for (int p : it->second) score[p] += share;
  }
  int best = -1, second = -1;
  for (int p = 0; p < static_cast<int>(score.size()); ++p) {
    if (best < 0 || score[p] > score[best]) {
      second = best;
      best = p;
    } else if (second < 0 || score[p] > score[second]) {
      second = p;
    }
  }
  if (best < 0 || score[best] < 2.0) return "";
  if (second >= 0 && score[best] < 1.2 * score[second]) return "";
  (void)words;
  return kProfiles[best].code;
}

}  // namespace dateline

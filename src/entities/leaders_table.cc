#include "entities/leaders_table.h"

#include <iterator>
#include <unordered_set>

#include "base/tsv_table.h"

namespace dateline {
namespace {

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

}  // namespace

Status ReadLeaders(const std::string& path, std::vector<LeaderRow>* rows) {
  static const char* const kColumns[] = {"name", "country_iso3", "role",
                                         "start", "end", "aliases",
                                         "cameo_actor"};
  std::vector<TsvRow> tsv;
  std::vector<std::string> header;
  Status s = ReadTsv(path, &tsv, &header);
  if (!s.ok()) return s;
  for (size_t i = 0; i < std::size(kColumns); ++i) {
    if (i >= header.size() || Trimmed(header[i]) != kColumns[i]) {
      return Status::Corruption(
          path, std::string("header: expected column ") +
                    std::to_string(i + 1) + " '" + kColumns[i] + "'");
    }
  }
  rows->clear();
  rows->reserve(tsv.size());
  for (const TsvRow& r : tsv) {
    LeaderRow row;
    row.line = r.line;
    row.name = Trimmed(r[0]);
    if (row.name.empty()) continue;
    row.country = Trimmed(r[1]);
    row.role = Trimmed(r[2]);
    row.start = Trimmed(r[3]);
    row.end = Trimmed(r[4]);
    for (const std::string& a : SplitList(r[5])) {
      std::string alias = Trimmed(a);
      if (!alias.empty()) row.aliases.push_back(std::move(alias));
    }
    row.cameo_actor = Trimmed(r[6]);
    rows->push_back(std::move(row));
  }
  return Status::OK();
}

bool SurnameIsAlsoAWord(std::string_view surname) {
  // Family names that are also common words, given names or city names.
  static const auto* words = new std::unordered_set<std::string_view>{
      "i", "ii", "iii", "iv", "v", "vi", "jr", "sr", "said", "may", "major",
      "brown", "rice", "price", "cook", "cooper", "baker", "carter", "gates",
      "hunt", "lake", "fox", "moon", "young", "martin", "michel", "joseph",
      "jonathan", "christopher", "thomas", "gabriel", "howard", "harris",
      "johnson", "miller", "wallace", "clarke", "berger", "austin",
      "wellington", "ali", "ahmed", "ibrahim", "hussein", "khan", "singh",
      "patel", "costa", "silva", "ramos", "hague", "gore", "dole", "straw",
      "earnest", "summers", "levy", "cleverly", "philippe", "teodoro",
      "park", "chi", "ma", "wi", "lan", "ban", "kim", "lee", "han", "shin",
      "cho", "chung", "ahn", "salam", "salman", "talal", "thani", "saud",
      "nahyan", "aziz", "mohamad", "anand", "abbott", "moussa", "seko",
      "leyen", "nieto", "obrador", "sabah", "al", "el", "bin", "abdullah",
      "garcia", "omar",
      // Found when leaders.tsv grew to every state's leaders (2026-12-06):
      // family names that are also English words, given names, places,
      // currencies or other actors' names ("Sen." for senator, "No" at the
      // start of a sentence, "Boko" Haram, the yen).
      "ba", "bah", "barre", "bio", "boko", "burton", "carr", "champagne",
      "collins", "dan", "drew", "eke", "fils", "fletcher", "fore", "granger",
      "henry", "hoi", "jean", "kang", "khalifa", "landau", "lasso", "manet",
      "martins", "mason", "medina", "merino", "meta", "moses", "muscat",
      "neves", "no", "nova", "peters", "pierre", "sen", "shea", "sima", "slim",
      "turner",
      "wright", "x", "xiv", "yen"};
  return words->count(surname) > 0;
}

}  // namespace dateline

// Within-document entity resolution.
//
// People: a mention of two or more words founds an entity ("Kim Jong Un");
// a shorter one ("Kim", "Putin") joins the entity whose first or last name it
// is, the most mentioned one first, then the nearest before it — so "Kim"
// goes to Kim Jong Un, not to his father Kim Jong Il, mentioned once.
// Organisations and places: one entity per name key, whatever type the
// tagger gave each mention; an acronym ("NSC") joins the organisation whose
// initials it spells. Roles, ages and countries come from the words around
// a person's mentions; government metonyms from the gazetteer.
#include "entities/entity_resolver.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/ascii.h"
#include "base/tsv_table.h"
#include "entities/leaders_table.h"

namespace dateline {
namespace {

// Words that head a role ("spokesman") and words that may modify one
// ("foreign", "national security"). Lowercase.
const std::set<std::string, std::less<>> kRoleHeads = {
    "president",    "minister",       "spokesman",    "spokeswoman",
    "spokesperson", "leader",         "ambassador",   "adviser",
    "advisor",      "secretary",      "chancellor",   "premier",
    "king",         "queen",          "prince",       "general",
    "senator",      "governor",       "mayor",        "chief",
    "director",     "chairman",       "chairwoman",   "ceo",
    "envoy",        "commander",      "official",     "head",
    "diplomat",     "representative", "lawmaker",     "judge",
    "prosecutor",   "coach",          "founder",      "executive",
    "emperor",      "pope",           "sheikh",       "dictator",
    "monarch",      "vice-president", "speaker",      "negotiator",
    "chairperson",  "administrator",  "commissioner", "inspector"};
const std::set<std::string, std::less<>> kRoleModifiers = {
    "foreign",     "defense", "defence",      "interior",  "finance",
    "economy",     "trade",   "justice",      "national",  "security",
    "deputy",      "vice",    "prime",        "senior",    "former",
    "top",         "acting",  "state",        "first",     "supreme",
    "military",    "army",    "navy",         "press",     "white",
    "house",       "health",  "energy",       "education", "opposition",
    "party",       "general", "chief",        "attorney",  "minister",
    "secretary",   "spy",     "intelligence", "economic",  "executive",
    "deputy-prime"};
const std::set<std::string, std::less<>> kPlacePrepositions = {
    "in",      "at",     "to",      "from",     "near", "into",    "via",
    "across",  "around", "outside", "inside",   "of",   "through", "toward",
    "towards", "visit",  "visited", "visiting", "over", "on"};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A word of the text with its byte offsets; `core` is the word without
// punctuation at its edges, lowercased.
struct Word {
  uint32_t begin, end;
  std::string core;
  bool trailing_punct;  // "States," "said:" — a clause ends here
};

// Splits text[begin, end) into words.
std::vector<Word> Words(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Word> out;
  uint32_t i = begin;
  while (i < end) {
    while (i < end && IsSpace(text[i])) ++i;
    uint32_t b = i;
    while (i < end && !IsSpace(text[i])) ++i;
    if (i == b) break;
    std::string_view w = text.substr(b, i - b);
    Word word{b, i, "", false};
    size_t s = 0, e = w.size();
    auto punct = [](unsigned char c) {
      return c == ',' || c == ';' || c == ':' || c == '"' || c == '(' ||
             c == ')' || c == '!' || c == '?';
    };
    while (s < e && punct(w[s])) ++s;
    // Curly quotes (3 bytes) at the edges.
    auto curly = [&](size_t at) {
      return at + 3 <= w.size() && static_cast<unsigned char>(w[at]) == 0xE2 &&
             static_cast<unsigned char>(w[at + 1]) == 0x80 &&
             (static_cast<unsigned char>(w[at + 2]) == 0x9C ||
              static_cast<unsigned char>(w[at + 2]) == 0x9D);
    };
    if (curly(s)) s += 3;
    size_t e0 = e;
    while (e > s && (punct(w[e - 1]) || w[e - 1] == '.')) --e;
    if (e >= s + 3 && curly(e - 3)) e -= 3;
    word.trailing_punct = e < e0 && w[e0 - 1] != '.';
    // "U.S." keeps its dots; a sentence-final period does not matter here.
    word.core = AsciiLower(w.substr(s, e - s));
    if (e < e0 && w[e] == '.' && word.core.find('.') != std::string::npos) {
      word.core.push_back('.');
    }
    out.push_back(std::move(word));
  }
  return out;
}

bool EndsWithPossessive(std::string_view w, std::string_view* stem) {
  for (std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s) {
      *stem = w.substr(0, w.size() - s.size());
      return true;
    }
  }
  return false;
}

// "k maggs", "p de villiers": an initial, then a surname.
bool InitialForm(const std::vector<std::string>& words) {
  return words.size() >= 2 && words[0].size() == 1 &&
         words[0][0] >= 'a' && words[0][0] <= 'z';
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// Working state for one entity while resolving.
struct Cluster {
  std::string key;
  std::string type;
  std::vector<size_t> mentions;  // indexes into the sorted mention list
  std::map<std::string, int> type_votes;
};

}  // namespace

bool IsCourtesyTitle(std::string_view word) {
  static const std::set<std::string, std::less<>> kTitles = {
      "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "mme"};
  return kTitles.count(word) > 0;
}

std::string NameKey(std::string_view name) {
  std::string_view stem;
  if (EndsWithPossessive(name, &stem)) name = stem;
  std::string out;
  out.reserve(name.size());
  bool space = true;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool sep = IsSpace(c) || c == '-';
    // U+2010..U+2014 hyphens and dashes.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < name.size() &&
        static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(name[i + 2]) <= 0x94) {
      sep = true;
      i += 2;
    }
    if (sep) {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    if (c == '.') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    space = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

Status EntityResolver::Create(const std::string& gazetteer_dir,
                              std::unique_ptr<EntityResolver>* resolver) {
  std::unique_ptr<EntityResolver> r(new EntityResolver());
  std::string path = gazetteer_dir + "/countries.tsv";
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows).ok()) {
    return Status::NotFound(path, "cannot open gazetteer");
  }
  for (const TsvRow& row : rows) {
    const std::vector<std::string>& cols = row.cols;
    if (cols.size() < 7) {
      return Status::Corruption(path + ":" + std::to_string(row.line),
                                "expected 7 columns");
    }
    const std::string& iso = cols[1];
    if (iso.empty()) continue;
    r->countries_.emplace(NameKey(cols[0]), iso);
    for (const std::string& a : SplitList(cols[3])) {
      r->countries_.emplace(NameKey(a), iso);
    }
    for (const std::string& d : SplitList(cols[4])) {
      r->demonyms_.emplace(NameKey(d), iso);
    }
    std::string capital = NameKey(cols[5]);
    for (const std::string& g : SplitList(cols[6])) {
      std::string key = NameKey(g);
      r->governments_.emplace(key, iso);
      // Not the capital, nor its short form ("Washington"): an institution.
      if (capital.rfind(key, 0) != 0) r->institutions_.insert(key);
    }
  }
  // Leaders are optional: roles and countries of people named without one.
  std::vector<LeaderRow> leaders;
  if (ReadLeaders(gazetteer_dir + "/leaders.tsv", &leaders).ok()) {
    for (const LeaderRow& row : leaders) {
      std::string role = row.role;  // "foreign_minister" -> "foreign minister"
      std::replace(role.begin(), role.end(), '_', ' ');
      Leader l{row.country, role, row.start, row.end};
      r->leaders_[NameKey(row.name)].push_back(l);
      for (const std::string& a : row.aliases) {
        r->leaders_[NameKey(a)].push_back(l);
      }
    }
  }
  *resolver = std::move(r);
  return Status::OK();
}

std::string EntityResolver::CountryOf(std::string_view name) const {
  std::string key = NameKey(name);
  auto it = countries_.find(key);
  if (it != countries_.end()) return it->second;
  it = demonyms_.find(key);
  if (it != demonyms_.end()) return it->second;
  return "";
}

std::string EntityResolver::GovernmentOf(std::string_view name) const {
  auto it = governments_.find(NameKey(name));
  return it == governments_.end() ? "" : it->second;
}

namespace {

// Facts read around one person mention.
struct PersonContext {
  std::string role;
  std::string country;
  int age = -1;
};

}  // namespace

// Reads role, country and age from the words before and after a mention.
static PersonContext ReadPersonContext(const EntityResolver& r,
                                       std::string_view text, Span sentence,
                                       Span mention) {
  PersonContext ctx;
  std::vector<Word> before = Words(text, sentence.begin, mention.begin);
  // 1. Title words right before the name: "Kremlin spokesman Dmitry
  //    Peskov", "U.S. national security adviser Jake Sullivan".
  int role_first = -1, role_last = -1;
  bool has_head = false;
  for (int i = static_cast<int>(before.size()) - 1; i >= 0; --i) {
    const Word& w = before[i];
    if (w.trailing_punct) break;
    if (w.core.size() > 10 && w.core.ends_with("-year-old")) {
      ctx.age = std::atoi(w.core.c_str());
      continue;
    }
    if (kRoleHeads.count(w.core) || kRoleModifiers.count(w.core)) {
      has_head |= kRoleHeads.count(w.core) > 0;
      if (role_last < 0) role_last = i;
      role_first = i;
      continue;
    }
    // Two-word country or demonym ("North Korean", "South Korea's").
    if (i > 0 && !before[i - 1].trailing_punct) {
      std::string two = before[i - 1].core + " " + w.core;
      std::string_view stem;
      std::string_view probe = two;
      if (EndsWithPossessive(two, &stem)) probe = stem;
      std::string c = r.CountryOf(probe);
      if (!c.empty()) {
        ctx.country = c;
        break;
      }
    }
    std::string_view stem;
    std::string_view probe = w.core;
    if (EndsWithPossessive(w.core, &stem)) probe = stem;
    std::string c = r.CountryOf(probe);
    if (!c.empty()) {
      ctx.country = c;
      break;
    }
    std::string g = r.GovernmentOf(probe);
    if (!g.empty() && role_last >= 0) {
      // "Kremlin spokesman": the institution is part of the role.
      ctx.country = g;
      role_first = i;
      continue;
    }
    break;
  }
  if (has_head && role_first >= 0) {
    ctx.role = std::string(
        text.substr(before[role_first].begin,
                    before[role_last].end - before[role_first].begin));
    while (!ctx.role.empty() &&
           (ctx.role.back() == ',' || ctx.role.back() == ' ')) {
      ctx.role.pop_back();
    }
  }
  // 2. An appositive before the name: "Russia's ambassador to the United
  //    States, Anatoly Antonov, said".
  if (ctx.role.empty() && !before.empty() && before.back().trailing_punct &&
      text[before.back().end - 1] == ',') {
    int end = static_cast<int>(before.size()) - 1;
    int start = end;
    while (start > 0 && !before[start - 1].trailing_punct) --start;
    bool head = false;
    for (int i = start; i <= end; ++i)
      head |= kRoleHeads.count(before[i].core) > 0;
    if (head && end - start <= 10) {
      int first = start;
      if (before[first].core == "the" || before[first].core == "a") ++first;
      std::string_view stem;
      if (first <= end && EndsWithPossessive(before[first].core, &stem)) {
        std::string c = r.CountryOf(stem);
        if (!c.empty()) {
          ctx.country = c;
          ++first;
        }
      }
      if (first <= end) {
        ctx.role = std::string(text.substr(
            before[first].begin, before[end].end - before[first].begin));
        while (!ctx.role.empty() && ctx.role.back() == ',') ctx.role.pop_back();
      }
    }
  }
  // 3. After the name: "Kim, 39," and "Takeo Akiba of Japan".
  std::vector<Word> after = Words(text, mention.end, sentence.end);
  // The comma right after the name stands alone as a "word": drop it.
  after.erase(std::remove_if(after.begin(), after.end(),
                             [](const Word& w) { return w.core.empty(); }),
              after.end());
  if (mention.end < text.size() && text[mention.end] == ',' && !after.empty()) {
    const std::string& w = after.front().core;
    if (!w.empty() && w.size() <= 3 &&
        std::all_of(w.begin(), w.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      ctx.age = std::atoi(w.c_str());
    }
  }
  if (ctx.country.empty() && after.size() >= 2 && after[0].core == "of") {
    std::string c;
    if (after.size() >= 3) c = r.CountryOf(after[1].core + " " + after[2].core);
    if (c.empty()) c = r.CountryOf(after[1].core);
    ctx.country = c;
  }
  return ctx;
}

void EntityResolver::Resolve(std::string_view text,
                             const std::vector<Span>& sentences,
                             const std::vector<NamedMention>& input,
                             const std::vector<std::string>& tags,
                             std::vector<Entity>* entities,
                             std::string_view published,
                             const std::vector<Span>& datelines) const {
  entities->clear();
  std::vector<NamedMention> mentions = input;
  std::sort(mentions.begin(), mentions.end(),
            [](const NamedMention& a, const NamedMention& b) {
              return a.span.begin < b.span.begin;
            });
  const size_t n = mentions.size();
  std::vector<std::string> surface(n), key(n);
  std::vector<std::vector<std::string>> words(n);
  for (size_t i = 0; i < n; ++i) {
    Span s = mentions[i].span;
    s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(text.size()));
    s.begin = std::min(s.begin, s.end);
    mentions[i].span = s;
    surface[i] = std::string(text.substr(s.begin, s.end - s.begin));
    key[i] = NameKey(surface[i]);
    words[i] = SplitList(key[i], ' ');
    // "Mr Blair" is a short name of Tony Blair, "Sir Keir Starmer" his
    // full name: a courtesy title is not part of the name.
    if (mentions[i].type == "PER" && words[i].size() >= 2 &&
        IsCourtesyTitle(words[i].front())) {
      words[i].erase(words[i].begin());
      key[i] = JoinWords(words[i]);
    }
  }
  std::vector<Cluster> clusters;
  std::vector<int> cluster_of(n, -1);
  std::map<std::string, int> by_key;  // "PER:kim jong un" / "X:kremlin"
  auto add_to = [&](int c, size_t i) {
    clusters[c].mentions.push_back(i);
    ++clusters[c].type_votes[mentions[i].type];
    cluster_of[i] = c;
  };
  auto found = [&](const std::string& k, size_t i) {
    auto it = by_key.find(k);
    if (it != by_key.end()) {
      add_to(it->second, i);
      return;
    }
    int c = static_cast<int>(clusters.size());
    clusters.push_back({key[i], mentions[i].type, {}, {}});
    by_key[k] = c;
    add_to(c, i);
  };
  // Pass 1: full names of people; every name of other things.
  for (size_t i = 0; i < n; ++i) {
    if (key[i].empty()) continue;
    if (mentions[i].type == "PER") {
      if (words[i].size() >= 2 && !InitialForm(words[i]))
        found("PER:" + key[i], i);
    } else {
      found("X:" + key[i], i);
    }
  }
  // Pass 2: short names of people join a full name whose first or last
  // word they are (an index, so a long page stays linear): the one whose
  // full name was written last before the short one ("Jimmy Lai ... his son
  // Sebastien Lai ... Lai said" is the son), else, for a short name before
  // any full name (a headline), the one written out most often. Only full
  // names count, so one short name joining a cluster does not pull the next.
  std::vector<size_t> founding(clusters.size());
  for (size_t c = 0; c < clusters.size(); ++c)
    founding[c] = clusters[c].mentions.size();
  std::unordered_map<std::string, std::vector<size_t>> by_name_part;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (clusters[c].type_votes.count("PER") == 0) continue;
    std::vector<std::string> cw = SplitList(clusters[c].key, ' ');
    if (cw.size() < 2) continue;
    by_name_part[cw.front()].push_back(c);
    if (cw.back() != cw.front()) by_name_part[cw.back()].push_back(c);
  }
  for (size_t i = 0; i < n; ++i) {
    if (key[i].empty() || cluster_of[i] >= 0) continue;
    int best = -1;
    size_t best_count = 0;
    size_t best_last = 0;  // 1 + the last full mention before i, 0: none
    size_t best_first = 0;
    // A surname alone, or an initial and the surname ("K Maggs" is Kevin
    // Maggs of the team list, "P de Villiers" Pieter de Villiers).
    std::vector<size_t> candidates;
    const bool initial = InitialForm(words[i]);
    if (words[i].size() == 1 || initial) {
      auto it = by_name_part.find(words[i].back());
      if (it != by_name_part.end()) candidates = it->second;
    }
    if (initial) {
      std::erase_if(candidates, [&](size_t c) {
        std::vector<std::string> cw = SplitList(clusters[c].key, ' ');
        if (cw.size() < words[i].size() || cw[0][0] != words[i][0][0])
          return true;
        return !std::equal(words[i].begin() + 1, words[i].end(),
                           cw.end() - (words[i].size() - 1));
      });
    }
    for (size_t c : candidates) {
      const Cluster& cl = clusters[c];
      size_t last_before = 0;
      for (size_t k = 0; k < founding[c]; ++k) {
        if (cl.mentions[k] < i)
          last_before = std::max(last_before, cl.mentions[k] + 1);
      }
      const size_t count = founding[c];
      const size_t first = cl.mentions.front();
      bool better;
      if (best < 0) {
        better = true;
      } else if (last_before != best_last) {
        better = last_before > best_last;
      } else if (count != best_count) {
        better = count > best_count;
      } else {
        better = first < best_first;
      }
      if (better) {
        best = static_cast<int>(c);
        best_count = count;
        best_last = last_before;
        best_first = first;
      }
    }
    if (best >= 0) {
      add_to(best, i);
    } else {
      found("PER:" + key[i], i);
    }
  }
  // Acronyms join the organisation whose initials they spell ("NSC").
  for (size_t c = 0; c < clusters.size(); ++c) {
    Cluster& cl = clusters[c];
    if (cl.mentions.empty() || cl.key.find(' ') != std::string::npos ||
        cl.key.size() < 2 || cl.key.size() > 6) {
      continue;
    }
    const std::string& s = surface[cl.mentions.front()];
    if (std::any_of(s.begin(), s.end(),
                    [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
      continue;
    }
    for (size_t o = 0; o < clusters.size(); ++o) {
      if (o == c || clusters[o].mentions.empty()) continue;
      std::string initials;
      for (const std::string& w : SplitList(clusters[o].key, ' ')) {
        if (w == "of" || w == "the" || w == "and" || w == "for") continue;
        initials.push_back(w[0]);
      }
      if (initials == cl.key) {
        for (size_t m : cl.mentions) add_to(static_cast<int>(o), m);
        cl.mentions.clear();
        break;
      }
    }
  }
  // Names of one country ("North Korea", "DPRK") are one entity.
  {
    std::map<std::string, int> by_country;
    for (size_t c = 0; c < clusters.size(); ++c) {
      Cluster& cl = clusters[c];
      if (cl.mentions.empty() || cl.type_votes.count("PER")) continue;
      auto it = countries_.find(cl.key);
      if (it == countries_.end()) continue;
      auto [first, inserted] = by_country.emplace(it->second, c);
      if (inserted) continue;
      Cluster& into = clusters[first->second];
      for (size_t m : cl.mentions) {
        into.mentions.push_back(m);
        ++into.type_votes[mentions[m].type];
      }
      cl.mentions.clear();
    }
  }
  // Entities, in order of first mention.
  std::vector<int> order;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (!clusters[c].mentions.empty()) {
      std::sort(clusters[c].mentions.begin(), clusters[c].mentions.end());
      order.push_back(static_cast<int>(c));
    }
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return clusters[a].mentions.front() < clusters[b].mentions.front();
  });
  auto sentence_of = [&](Span m) {
    // Sentences are in text order: the last one starting at or before m.
    auto it = std::upper_bound(
        sentences.begin(), sentences.end(), m.begin,
        [](uint32_t pos, const Span& s) { return pos < s.begin; });
    if (it != sentences.begin()) {
      const Span& s = *(it - 1);
      if (s.begin <= m.begin && m.end <= s.end) return s;
    }
    // No sentences: the paragraph around the mention.
    size_t b = text.rfind("\n\n", m.begin);
    size_t e = text.find("\n\n", m.end);
    return Span{b == std::string_view::npos ? 0 : static_cast<uint32_t>(b + 2),
                e == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                            : static_cast<uint32_t>(e)};
  };
  for (int c : order) {
    const Cluster& cl = clusters[c];
    Entity e;
    e.id = std::to_string(entities->size() + 1);
    e.id.insert(e.id.begin(), 'e');
    int votes = -1;
    for (const auto& [type, v] : cl.type_votes) {
      if (v > votes) {
        votes = v;
        e.type = type;
      }
    }
    // A person's or organisation's name is the fullest form ("National
    // Security Council" over "NSC"); a place goes by its most frequent form
    // ("Moscow" over the dateline's "MOSCOW"). Other forms are aliases.
    size_t name_m = cl.mentions.front();
    if (e.type == "PER" || e.type == "ORG") {
      for (size_t m : cl.mentions) {
        if (words[m].size() > words[name_m].size() ||
            (words[m].size() == words[name_m].size() &&
             InitialForm(words[name_m]) && !InitialForm(words[m]))) {
          name_m = m;
        }
      }
    } else {
      std::map<std::string, int> freq;
      for (size_t m : cl.mentions) ++freq[surface[m]];
      for (size_t m : cl.mentions) {
        if (freq[surface[m]] > freq[surface[name_m]]) name_m = m;
      }
    }
    std::string_view stem;
    e.name = surface[name_m];
    if (EndsWithPossessive(e.name, &stem)) e.name = std::string(stem);
    std::set<std::string> seen_keys = {NameKey(e.name)};
    std::set<std::string> seen_alias = {e.name};
    for (size_t m : cl.mentions) {
      e.mentions.push_back(mentions[m].span);
      std::string form = surface[m];
      if (EndsWithPossessive(form, &stem)) form = std::string(stem);
      if (seen_alias.insert(form).second && form != e.name) {
        e.aliases.push_back(form);
      }
      seen_keys.insert(key[m]);
    }
    for (const std::string& t : tags) {
      std::string k = NameKey(t);
      if (seen_keys.count(k) && seen_alias.insert(t).second) {
        e.aliases.push_back(t);
      }
    }
    if (e.type == "PER") {
      for (size_t m : cl.mentions) {
        PersonContext ctx = ReadPersonContext(
            *this, text, sentence_of(mentions[m].span), mentions[m].span);
        if (!ctx.role.empty() && std::find(e.roles.begin(), e.roles.end(),
                                           ctx.role) == e.roles.end()) {
          e.roles.push_back(ctx.role);
        }
        if (e.country.empty()) e.country = ctx.country;
        if (e.age < 0) e.age = ctx.age;
      }
      auto it = leaders_.find(NameKey(e.name));
      if (it != leaders_.end()) {
        if (e.country.empty()) e.country = it->second.front().country;
        // The role held on the publication date (ISO strings compare in
        // time order; "2024" ends after any day of 2024).
        std::string_view day = published.substr(0, 10);
        for (const Leader& l : it->second) {
          bool started = day.empty() || l.start <= day;
          bool ongoing = l.end.empty() ||
                         (!day.empty() && day.substr(0, l.end.size()) <= l.end);
          if (started && ongoing && e.roles.empty()) {
            e.roles.push_back(l.role);
            if (e.country.empty()) e.country = l.country;
          }
        }
      }
    } else {
      e.country = CountryOf(e.name);
      // Institutions that stand for a government ("Kremlin", "White House")
      // are organisations whatever the tagger said.
      if (institutions_.count(NameKey(e.name))) e.type = "ORG";
      std::string gov = GovernmentOf(e.name);
      if (!gov.empty()) {
        if (e.country.empty()) e.country = gov;
        for (size_t m : cl.mentions) {
          Span s = mentions[m].span;
          std::vector<Word> before = Words(text, sentence_of(s).begin, s.begin);
          bool place = !before.empty() && !before.back().trailing_punct &&
                       kPlacePrepositions.count(before.back().core) > 0;
          const bool dateline = std::any_of(
              datelines.begin(), datelines.end(), [&](const Span& d) {
                return s.begin >= d.begin && s.end <= d.end;
              });
          if (!place && !dateline) e.government_mentions.push_back(s);
        }
        if (!e.government_mentions.empty()) e.government = gov;
      }
    }
    entities->push_back(std::move(e));
  }
}

}  // namespace dateline

// The actor finder (actor_finder.h): pieces -> actors -> groups, with
// pronouns resolved.
#include "events/actor_finder.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "base/ascii.h"
#include "entities/leaders_table.h"
#include "events/actor_dictionary.h"
#include "events/event_attributes.h"
#include "events/event_lexicons.h"
#include "syntax/lemma_candidates.h"

namespace dateline {
namespace token_actors {
namespace {

// Curly apostrophes become straight ones so "Russia’s" and "won’t" read as
// the tokenizer's "'s" and "n't".
std::string Normal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
        s[i + 2] == '\x99') {
      out.push_back('\'');
      i += 2;
      continue;
    }
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

// Words that close a clause for the subject and object searches.
const std::unordered_set<std::string>& ClauseWords() {
  static const auto* s = new std::unordered_set<std::string>{
      ";",       "but",     "while",  "whereas", "although", "though",
      "because", "if",      "unless", "whether", "when",     "after",
      "before",  "as",      "who",    "which",   "whose",    "where",
      "--",      ":",       "until",    "once",
      "\xE2\x80\x93", "\xE2\x80\x94", "so",     "yet"};
  return *s;
}

const std::unordered_set<std::string>& Pronouns() {
  static const auto* s = new std::unordered_set<std::string>{
      "he", "she", "they", "it", "we", "his", "her", "their", "its", "them",
      "him", "itself", "themselves", "himself", "herself"};
  return *s;
}

bool PluralPronoun(std::string_view w) {
  return w == "they" || w == "their" || w == "them" || w == "themselves" ||
         w == "we";
}
bool PersonPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "his" || w == "her" ||
         w == "him" || w == "himself" || w == "herself";
}

// The sector a role names ("Foreign Minister" -> GOV), "" when none.
std::string SectorOfRole(std::string_view role) {
  std::string r = AsciiLower(role);
  static const char* kMil[] = {"general", "commander", "admiral", "army",
                               "military", "defense chief", "defence chief",
                               "colonel", "marshal", "troops"};
  for (const char* w : kMil) {
    if (r.find(w) != std::string::npos && r.find("secretary") == std::string::npos &&
        r.find("attorney") == std::string::npos)
      return "MIL";
  }
  static const char* kGov[] = {
      "minister", "president", "premier", "chancellor", "spokes",
      "ambassador", "adviser", "advisor", "secretary", "leader", "king",
      "queen", "emperor", "envoy", "diplomat", "official", "governor",
      "mayor", "prince", "monarch", "head of state", "chief of staff",
      "foreign", "cabinet", "aide", "kremlin", "ayatollah", "sultan", "emir"};
  for (const char* w : kGov) {
    if (r.find(w) != std::string::npos) return "GOV";
  }
  if (r.find("judge") != std::string::npos ||
      r.find("prosecutor") != std::string::npos)
    return "JUD";
  if (r.find("lawmaker") != std::string::npos ||
      r.find("senator") != std::string::npos ||
      r.find("legislator") != std::string::npos)
    return "LEG";
  if (r.find("police") != std::string::npos) return "COP";
  if (r.find("rebel") != std::string::npos) return "REB";
  return "";
}

}  // namespace

// The words of a name as the dictionary's matcher reads them ("Scott
// Morrison" -> {"Scott", "Morrison"}): split at spaces.
std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b < name.size();) {
    size_t sp = name.find(' ', b);
    if (sp == std::string_view::npos) sp = name.size();
    if (sp > b) out.push_back(name.substr(b, sp - b));
    b = sp + 1;
  }
  return out;
}

const std::unordered_set<std::string>& ReportingVerbs() {
  static const auto* s = new std::unordered_set<std::string>{
      "say",     "said",     "says",    "saying",   "tell",     "told",
      "tells",   "announce", "announced", "announces", "report", "reported",
      "reports", "state",    "stated",  "states",   "add",      "added",
      "adds",    "note",     "noted",   "notes",    "declare",  "declared",
      "declares", "confirm", "confirmed", "confirms", "write",   "wrote",
      "writes",  "believe",  "believed", "believes", "explain", "explained",
      "argue",   "argued",   "argues",  "stress",   "stressed", "stresses",
      "predict", "predicted", "insisted", "indicated", "suggested",
      "reiterated", "acknowledged", "conceded"};
  return *s;
}

void LoadSurnames(const std::string& path, SurnameIndex* out) {
  static const std::unordered_set<std::string> kFamilyFirst = {
      "CHN", "PRK", "KOR", "VNM", "TWN", "SGP", "KHM", "MMR"};
  auto add = [&](const std::string& key, const std::string& full) {
    if (key.size() < 3 || SurnameIsAlsoAWord(AsciiLower(key))) return;
    auto& v = (*out)[AsciiLower(key)];
    if (std::find(v.begin(), v.end(), full) == v.end()) v.push_back(full);
  };
  std::vector<LeaderRow> leaders;
  if (!ReadLeaders(path, &leaders).ok()) return;
  for (const LeaderRow& row : leaders) {
    std::vector<std::string> names = {row.name};
    names.insert(names.end(), row.aliases.begin(), row.aliases.end());
    for (const std::string& n : names) {
      std::vector<std::string> w;
      std::stringstream ws(n);
      std::string c;
      while (ws >> c) w.push_back(c);
      if (w.size() < 2) continue;
      add(w.back(), n);
      // Family name first, unless an alias opens with a title ("King
      // Norodom Sihamoni": "The King" is no Cambodian).
      if (kFamilyFirst.count(row.country) && SectorOfRole(w.front()).empty())
        add(w.front(), n);
    }
  }
}

ActorFinder::ActorFinder(const ActorDictionary* dictionary,
                         const SurnameIndex& surnames, bool petrarch,
                         Document* doc, const EventLexicons* lexicons)
    : dictionary(dictionary),
      lexicons(lexicons),
      surnames(surnames),
      petrarch(petrarch),
      doc(doc),
      text(doc->text) {}

void ActorFinder::Prepare() {
  for (const TimeMention& tm : doc->times) {
    if (IsCalendarDate(tm.value) && tm.value > fallback_date)
      fallback_date = tm.value;
  }
  size_t n = doc->tokens.size();
  low.resize(n);
  for (size_t t = 0; t < n; ++t) low[t] = Normal(Word(t));
  for (const Entity& e : doc->entities) {
    const std::string& c = e.type == "ORG" ? e.government : e.country;
    if (c.size() == 3) named_countries[c] += e.mentions.size();
  }
  if (!doc->datelines.empty() && dictionary) {
    const std::vector<std::string_view> dw = NameWords(doc->datelines[0]);
    ActorDictionary::ActorMatch m;
    using Kind = ActorDictionary::ActorKind;
    if (!dw.empty() && dictionary->MatchActor(dw, 0, "", &m) == dw.size() &&
        (m.kind == Kind::kCountry || m.kind == Kind::kCapital ||
         m.kind == Kind::kPlace) &&
        m.code.size() == 3)
      dateline_country = m.code;
  }
  token_entity.assign(n, -1);
  entity_start.assign(n, 0);
  entity_gov.assign(n, 0);
  auto first_token = [&](uint32_t byte) {
    auto it = std::lower_bound(
        doc->tokens.begin(), doc->tokens.end(), byte,
        [](const Span& s, uint32_t b) { return s.end <= b; });
    return static_cast<size_t>(it - doc->tokens.begin());
  };
  for (size_t ei = 0; ei < doc->entities.size(); ++ei) {
    const Entity& e = doc->entities[ei];
    auto mark = [&](const Span& m, bool gov) {
      size_t t = first_token(m.begin);
      bool first = true;
      for (; t < n && doc->tokens[t].begin < m.end; ++t) {
        token_entity[t] = static_cast<int>(ei);
        if (first) entity_start[t] = 1;
        if (gov) entity_gov[t] = 1;
        first = false;
      }
    };
    for (const Span& m : e.mentions) mark(m, false);
    for (const Span& m : e.government_mentions) mark(m, true);
  }
}

// Returns the country whose party a party name of `home` is in this
// article: `home` when the dateline is there or the article names it,
// else the dateline's country, else the country the article names most
// (at least three times and twice any other); else `home`.
std::string ActorFinder::PartyCountry(const std::string& home) const {
  if (home == dateline_country || named_countries.count(home)) return home;
  if (!dateline_country.empty()) return dateline_country;
  std::string best;
  size_t first = 0, second = 0;
  for (const auto& [c, n] : named_countries) {
    if (n > first || (n == first && c < best)) {
      second = first;
      first = n;
      best = c;
    } else if (n > second) {
      second = n;
    }
  }
  if (first < 3 || first < 2 * second) return home;
  return best;
}

// Returns true for a country code with one sector ("CHNBUS", "USAGOV"),
// false for an organisation's code ("IGOUNO") or a bare country.
bool ActorFinder::CountryWithSector(const std::string& code) const {
  return code.size() == 6 && dictionary &&
         dictionary->IsCountryCode(std::string_view(code).substr(0, 3));
}

// The code an entity gives by itself: people from their role and
// country, places from their country, bodies from their government.
std::string ActorFinder::EntityCode(const Entity& e, bool gov_mention) const {
  if (e.type == "PER") {
    if (e.country.empty()) return "";
    for (const std::string& r : e.roles) {
      std::string sector = SectorOfRole(r);
      if (!sector.empty()) return e.country + sector;
    }
    return "";
  }
  if (!e.government.empty()) {
    if (e.type == "ORG" || gov_mention) return e.government + "GOV";
    return e.government;
  }
  if (e.type == "LOC" || e.type == "MISC") return e.country;
  return "";
}

// Whether the one-word dictionary match of token t, the person `name`
// ("Scott Morrison" for "Morrison"), is a surname the entity layer knows
// as someone else's: the token's entity has a full name of its own that
// the dictionary does not take for that person ("Morrison" in a story
// about Timothy Morrison).
bool ActorFinder::SurnameOfAnother(uint32_t t, const std::string& name) const {
  if (name.find(' ') == std::string::npos || token_entity[t] < 0) return false;
  const Entity& e = doc->entities[token_entity[t]];
  if (e.type != "PER" || e.name.find(' ') == std::string::npos) return false;
  const std::vector<std::string_view> full = NameWords(e.name);
  std::string same;
  const size_t m = dictionary->MatchActor(full, 0, "", nullptr, &same);
  return !(m == full.size() && same == name);
}

// A piece of an actor: a name, a sector word or a pronoun, tokens [b, e).
struct ActorFinder::Piece {
  uint32_t b, e;
  std::string code;
  int kind;  // 0 country, 1 agent, 2 full, 3 pronoun, 4 uncoded entity
  std::string entity, etype;
  std::string dict_name;  // the dictionary's name, to recode by date
  bool party = false;     // a political party (PartyCountry decides)
};

// What the pieces merged into one actor say so far.
struct ActorFinder::Merged {
  std::string country, agent, full, entity, etype;
  bool person = false, joined_of = false;
  std::string dict_name, prefix;
  // A party name: qualified by its own country ("British Labour"), or
  // recoded to the other country that qualifies it ("Australian
  // Labour").
  bool party = false, party_own = false, party_recoded = false;

  // Takes piece p in: its country, sector, full code, entity. With
  // `petrarch` a second sector joins the first.
  void Absorb(const Piece& p, bool petrarch);
};

void ActorFinder::Merged::Absorb(const Piece& p, bool petrarch) {
  if (p.kind == 0 && country.empty()) country = p.code;
  if (p.kind == 1) {
    std::string a = StartsWith(p.code, "---") ? p.code.substr(3) : p.code;
    // PETRARCH "[NGO~]" goes before the country code.
    if (p.dict_name == "~") {
      prefix += a;
    } else if (agent.empty()) {
      agent = a;
    } else if (agent.find(a) == std::string::npos && prefix.empty() &&
               petrarch) {
      agent += a;
    }
  }
  if (p.kind == 2) {
    party = p.party;
    party_own = p.party && country == p.code.substr(0, 3);
    full = p.code;
    dict_name = p.kind == 2 ? p.dict_name : "";
    if (country.empty()) country = p.code.substr(0, 3);
  }
  if (!p.entity.empty() && (entity.empty() || p.etype == "PER")) {
    entity = p.entity;
    etype = p.etype;
  }
  if (p.etype == "PER") person = true;
}

// Finds the actors of sentence [sb, se) in token order.
std::vector<Actor> ActorFinder::FindActors(uint32_t sb, uint32_t se,
                                           const Words& words,
                                           std::string_view date) const {
  return MergePieces(MatchPieces(sb, se, words, date), sb);
}

// Returns the pieces of sentence [sb, se) in token order: names the
// dictionary or the entity layer knows, sector words, pronouns.
std::vector<ActorFinder::Piece> ActorFinder::MatchPieces(
    uint32_t sb, uint32_t se, const std::vector<std::string_view>& words,
    std::string_view date) const {
  std::vector<Piece> pieces;
  for (uint32_t t = sb; t < se;) {
    size_t i = t - sb;
    std::string code, name;
    bool party = false;
    size_t n = MatchName(t, i, words, date, &code, &name, &party);
    // An acronym that is also a word is the word in a heading ("WHO IS
    // THE FRONT-RUNNER?") and before a determiner or participle ("there
    // IS an oxygen bar").
    if (n == 1 && (words[i] == "IS" || words[i] == "WHO") &&
        HeadingWord(t, sb, se, words)) {
      ++t;
      continue;
    }
    if (n > 0 && t + n < se && LocatedBody(t, n)) {
      ++t;
      continue;
    }
    size_t ent_len = EntityLength(t, sb, se, words);
    // "220 mln Australian dlrs", "in New Zealand dollars": a country that
    // names a currency is no party.
    if ((n > 0 || ent_len > 0) &&
        CurrencyAt(t + static_cast<uint32_t>(std::max(n, ent_len)), se)) {
      t += static_cast<uint32_t>(std::max(n, ent_len));
      continue;
    }
    if (ent_len > n) {
      // A company named with a country is the company, not the country.
      std::string company = CompanyWithCountry(t, ent_len, sb, words, date);
      if (!company.empty()) {
        Piece p{t, t + static_cast<uint32_t>(ent_len), company, 2,
                doc->entities[token_entity[t]].id, "ORG", ""};
        if (p.e > se) p.e = se;
        pieces.push_back(p);
        t = p.e;
        continue;
      }
    }
    if (n > 0 || ent_len > 0) {
      pieces.push_back(NamePiece(t, sb, se, words, n, ent_len, code, name,
                                 party));
      t = pieces.back().e;
      continue;
    }
    std::string agent;
    bool agent_before = false;
    size_t an = AgentLength(t, se, i, words, &agent, &agent_before);
  if (an > 0 && !agent.empty()) {
    // An agent piece's dict_name "~" marks PETRARCH's "[NGO~]": the
    // sector goes before the country code.
    Piece p{t, t + static_cast<uint32_t>(an), agent, 1, "", "",
            agent_before ? "~" : ""};
    if (p.e > se) p.e = se;
    pieces.push_back(p);
    t = p.e;
    continue;
  }
  if (Pronouns().count(low[t]) && Tag(t) != "NNP") {
    pieces.push_back({t, t + 1, "", 3, "", "", ""});
  }
  ++t;
}
  return pieces;
}

// Returns the length of the name the actor dictionary (or the surname
// index) finds at token t (words[i]), 0 if none; sets its *code, *name and
// whether it is a *party.
size_t ActorFinder::MatchName(uint32_t t, size_t i,
                              const std::vector<std::string_view>& words,
                              std::string_view date, std::string* code_out,
                              std::string* name_out, bool* party_out) const {
  std::string& code = *code_out;
  std::string& name = *name_out;
  ActorDictionary::ActorMatch matched;
  size_t n =
      dictionary ? dictionary->MatchActor(words, i, date, &matched) : 0;
  code = std::move(matched.code);
  name = std::move(matched.name);
  *party_out =
      n > 0 && matched.kind == ActorDictionary::ActorKind::kParty;
  if (n == 1 && SurnameOfAnother(t, name)) {
    n = 0;
    code.clear();
  }
  // Capitalised, not an acronym ("BAK" is no Korean surname).
  bool capitalised = words[i].size() > 1 && words[i][0] >= 'A' &&
                     words[i][0] <= 'Z' && words[i][1] >= 'a' &&
                     words[i][1] <= 'z';
  // "President obama": a lower-cased surname right after a capitalised
  // title is still the name.
  if (!capitalised && i > 0 && words[i].size() > 2 &&
      words[i][0] >= 'a' && words[i][0] <= 'z' && !words[i - 1].empty() &&
      words[i - 1][0] >= 'A' && words[i - 1][0] <= 'Z' &&
      !SectorOfRole(words[i - 1]).empty())
    capitalised = true;
  if (n == 0 && dictionary && !surnames.empty() && capitalised &&
      (token_entity[t] < 0 ||
       EntityCode(doc->entities[token_entity[t]], false).empty())) {
    auto it = surnames.find(low[t]);
    if (it != surnames.end()) {
      // The entity layer knows the full name: "Cook" in a story about
      // Tim Cook is not Robin Cook.
      std::string known;
      if (token_entity[t] >= 0) {
        known = AsciiLower(doc->entities[token_entity[t]].name);
        std::replace(known.begin(), known.end(), '-', ' ');
        if (known.find(' ') == std::string::npos) known.clear();
      }
      for (const std::string& full : it->second) {
        if (!known.empty()) {
          std::string f = AsciiLower(full);
          std::replace(f.begin(), f.end(), '-', ' ');
          if (f != known) continue;
        }
        const std::vector<std::string_view> fw = NameWords(full);
        std::string c2, n2;
        if (dictionary->MatchActor(fw, 0, date, &c2, &n2) == fw.size() &&
            !c2.empty()) {
          // Several people share the surname: the one in office on
          // the date ("Bush" in 2008) before a former office holder.
          bool former = c2.size() >= 3 &&
                        c2.compare(c2.size() - 3, 3, "ELI") == 0;
          if (n == 0 || !former) {
            code = c2;
            name = full;
            n = 1;
          }
          if (!former) break;
        }
      }
    }
  }
  return n;
}

// Returns true if the one-token name at t ("IS", "WHO") stands in a heading
// or before a determiner or participle: the word, not the acronym.
bool ActorFinder::HeadingWord(uint32_t t, uint32_t sb, uint32_t se,
                              const Words& words) const {
  size_t upper = 0, letters = 0;
  for (uint32_t u = sb; u < se; ++u) {
    for (char ch : words[u - sb]) {
      if (ch >= 'A' && ch <= 'Z') ++upper;
      if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) ++letters;
    }
  }
  std::string_view next = t + 1 < se ? Tag(t + 1) : "";
  if (upper * 2 > letters || next == "DT" || next == "JJ" ||
      next == "RB" || next == "VBN" || next == "VBG" || next == "PRP" ||
      next == "IN") {
    return true;
  }
  return false;
}

// Returns true if the name of tokens [t, t + n) is where a body sits ("a
// UK-based group", "a Geneva-based agency"), not who it is.
bool ActorFinder::LocatedBody(uint32_t t, size_t n) const {
  const std::string& w = low[t + n - 1];
  static const std::string_view kLoc[] = {"-based", "-headquartered",
                                           "-registered", "-born",
                                           "-linked", "-affiliated",
                                           "-allied", "-aligned",
                                           "-backed", "-inspired"};
  for (std::string_view suf : kLoc) {
    if (w.size() > suf.size() &&
        w.compare(w.size() - suf.size(), suf.size(), suf) == 0 &&
        (StartsWith(Tag(t + static_cast<uint32_t>(n)), "NN") ||
         Tag(t + static_cast<uint32_t>(n)) == "JJ")) {
      return true;
    }
  }
  return false;
}

// Returns the length of the entity mention starting at t, 0 if none starts
// there.
size_t ActorFinder::EntityLength(uint32_t t, uint32_t sb, uint32_t se,
                                 const Words& words) const {
  int ent = token_entity[t];
  size_t ent_len = 0;
  if (ent >= 0 && entity_start[t]) {
    uint32_t u = t;
    // A name does not run into a lower-case verb the tagger joined to
    // it ("Romendacil arrived").
    while (u < se && token_entity[u] == ent &&
           !(u > t && IsVerbTag(Tag(u)) && !words[u - sb].empty() &&
             words[u - sb][0] >= 'a' && words[u - sb][0] <= 'z'))
      ++u;
    ent_len = u - t;
  }
  return ent_len;
}

// Returns the piece of a name at t: the dictionary's `n` tokens and code
// (`code`, `name`, `party`) when it covers the entity mention of
// `ent_len` tokens, else the mention with the entity's own code.
ActorFinder::Piece ActorFinder::NamePiece(
    uint32_t t, uint32_t sb, uint32_t se,
    const std::vector<std::string_view>& words, size_t n, size_t ent_len,
    const std::string& code, const std::string& name, bool party) const {
  int ent = token_entity[t];
  Piece p;
  p.b = t;
  std::string ecode;
  if (ent_len > 0) {
    const Entity& e = doc->entities[ent];
    ecode = EntityCode(e, entity_gov[t]);
    p.entity = e.id;
    p.etype = e.type;
  }
  // The dictionary's code when it covers the mention, else the
  // entity's own.
  // A person named after a place ("Alexandria Ocasio-Cortez",
  // "Jordan Peterson") is not the place's country.
  bool named_after_place = ent_len > n && code.size() == 3 &&
                           doc->entities[ent].type == "PER";
  if (!code.empty() && n > 0 && !named_after_place) {
    // The dictionary's name; a longer mention ("Bree President
    // Romendacil") is read on piece by piece.
    p.e = t + static_cast<uint32_t>(n);
    p.code = code;
    p.dict_name = name;
    p.party = party;
  } else {
    p.e = t + static_cast<uint32_t>(std::max(n, ent_len));
    p.code = !ecode.empty() || named_after_place ? ecode : code;
  }
  if (p.e > se) p.e = se;
  if (p.code.empty()) {
    // A body the entity layer could not code: the sector of its head, of
    // the country its name ends with after "of" ("the Imperial Government
    // of China" CHNGOV).
    const std::string sector = BodySector(p.b, p.e, sb, words);
    if (!sector.empty()) p.code = OfCountry(p.b, p.e, sb, words) + sector;
  }
  if (p.code.empty()) {
    p.kind = 4;
  } else {
    p.kind = p.code.size() == 3 ? 0 : 2;
    if (StartsWith(p.code, "---") && p.code.size() > 3) p.kind = 1;
  }
  return p;
}

// Returns the first "of" after token b in tokens [b, e), e when none: where
// the head of a name like "Ministry of Trade" ends.
uint32_t ActorFinder::OfAt(uint32_t b, uint32_t e) const {
  uint32_t u = b + 1;
  while (u < e && low[u] != "of") ++u;
  return std::min(u, e);
}

// Returns the sector of the body named by tokens [b, e): the sector word
// that ends its head ("National Security Council" -> GOV), the head
// stopping before "of" ("Ministry of International Trade and Industry" ->
// GOV); "" when no sector word ends it.
std::string ActorFinder::BodySector(
    uint32_t b, uint32_t e, uint32_t sb,
    const std::vector<std::string_view>& words) const {
  const uint32_t head_end = OfAt(b, e);
  if (dictionary == nullptr) return "";
  for (uint32_t u = b; u < head_end; ++u) {
    std::string agent;
    size_t an = dictionary->MatchAgent(words, u - sb, &agent);
    if (an > 0 && u + an == head_end && !agent.empty()) return agent;
  }
  return "";
}

// Returns whether tokens from t read "of" and a company's name: an
// organisation the entity layer found whose name ends in a legal form
// ("Inc", "Corp", "Ltd", "PLC", "AG" ...).
bool ActorFinder::CompanyAfter(uint32_t t) const {
  const size_t n = std::min(low.size(), token_entity.size());
  if (t + 1 >= n || low[t] != "of") return false;
  const int ent = token_entity[t + 1];
  if (ent < 0 || doc->entities[ent].type != "ORG") return false;
  uint32_t last = t + 1;
  while (last + 1 < n && token_entity[last + 1] == ent) ++last;
  return LegalForm(last);
}

// Returns whether token t (before se) is a noun naming a currency ("dlrs",
// "francs", "yen", "won" as a noun, not the verb): lexicons.tsv `currency`.
bool ActorFinder::CurrencyAt(uint32_t t, uint32_t se) const {
  if (lexicons == nullptr) return false;
  if (t >= se || t >= low.size()) return false;
  if (!StartsWith(Tag(t), "NN")) return false;
  // "Saudi Arabian Crown Prince", "the British Mark Carney": a capitalised
  // word before another is part of a name.
  auto capital = [&](uint32_t u) {
    const std::string_view w = Word(u);
    return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  };
  if (capital(t) && t + 1 < se && capital(t + 1)) return false;
  return lexicons->Has("currency", low[t]);
}

// Returns whether token t is a company's legal form ("Inc", "Corp.",
// "Ltd", "PLC", "AG" ...).
bool ActorFinder::LegalForm(uint32_t t) const {
  static constexpr std::array<std::string_view, 16> kLegalForms = {
      "inc",  "corp", "corporation", "co",  "ltd", "limited", "plc",  "llc",
      "ag",   "sa",   "nv",          "gmbh", "spa", "bhd",    "kk",   "ab"};
  if (t >= low.size()) return false;
  std::string_view w = low[t];
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return std::find(kLegalForms.begin(), kLegalForms.end(), w) !=
         kLegalForms.end();
}

// Returns the code of the organisation the entity layer found at tokens
// [t, t + ent_len) when it is a company named with a country ("GM Canada",
// "Japan Line Ltd", "Canada Packers Inc"): the country it names, sector
// BUS. A company is a mention that holds a company's name or ends in a
// legal form, and no sector word other than a business's ("Bank of
// Korea": the sector is the head's, as for any body; "China National
// Petroleum Corp" CHNBUS). "" when the mention is no such company: the
// country word then stands for its country, as before.
std::string ActorFinder::CompanyWithCountry(
    uint32_t t, size_t ent_len, uint32_t sb,
    const std::vector<std::string_view>& words, std::string_view date) const {
  const int ent = token_entity[t];
  if (dictionary == nullptr || ent < 0 || ent_len < 2 ||
      doc->entities[ent].type != "ORG") {
    return "";
  }
  const uint32_t e = t + static_cast<uint32_t>(ent_len);
  std::string country;
  bool company = LegalForm(e - 1);
  for (uint32_t u = t; u < e;) {
    ActorDictionary::ActorMatch m;
    size_t n = dictionary->MatchActor(words, u - sb, date, &m);
    if (n > 0 && u + n <= e) {
      if (m.code.size() == 3 && n < ent_len && country.empty()) {
        country = m.code;
      } else if (Company(m.code)) {
        company = true;
      } else if (m.code.size() > 3 || m.kind ==
                                           ActorDictionary::ActorKind::kParty) {
        return "";  // a government body, party or other actor
      }
      u += static_cast<uint32_t>(n);
      continue;
    }
    std::string agent;
    size_t an = dictionary->MatchAgent(words, u - sb, &agent);
    if (an > 0 && u + an <= e) {
      if (agent != "BUS") return "";
      company = true;
      u += static_cast<uint32_t>(an);
      continue;
    }
    ++u;
  }
  return company && !country.empty() ? country + "BUS" : "";
}

// Returns the country named after the first "of" in tokens [b, e) ("the
// Government of China" -> CHN), "---" when none.
std::string ActorFinder::OfCountry(
    uint32_t b, uint32_t e, uint32_t sb,
    const std::vector<std::string_view>& words) const {
  if (dictionary == nullptr) return "---";
  for (uint32_t u = OfAt(b, e) + 1; u < e; ++u) {
    ActorDictionary::ActorMatch m;
    size_t n = dictionary->MatchActor(words, u - sb, "", &m);
    if (n > 0 && u + n == e && m.code.size() == 3) return m.code;
  }
  return "---";
}

// Returns the length of the sector word ("rebels", "Foreign Minister") at
// t (words[i]) that names an actor, 0 if none; sets its *agent code and
// whether it goes *before the country code.
size_t ActorFinder::AgentLength(uint32_t t, uint32_t se, size_t i,
                                const std::vector<std::string_view>& words,
                                std::string* agent_out,
                                bool* before_out) const {
  std::string& agent = *agent_out;
  bool& agent_before = *before_out;
  size_t an = dictionary ? dictionary->MatchAgent(words, i, &agent,
                                                    &agent_before)
                          : 0;
  // A sector word modifying a noun is no actor ("military matters",
  // "civilian aviation factories"); before another sector word the
  // head wins ("government forces" -> forces).
  if (an > 0 && !agent.empty() && t + an < se) {
    std::string_view next = Tag(t + static_cast<uint32_t>(an));
    // ... but before a generic head the sector word is the actor's:
    // "rebel leaders" REB, "opposition figures" OPP.
    static const std::unordered_set<std::string> kGenericHead = {
        "leader", "leaders", "official", "officials", "member",
        "members", "commander", "commanders", "chief", "chiefs",
        "figure", "figures", "spokesman", "spokesmen", "spokeswoman",
        "representative", "representatives", "delegation",
        "delegations", "sources", "source", "coalition", "coalitions",
        "alliance", "bloc", "movement", "faction", "factions", "group",
        "groups", "camp"};
    const std::string& head = low[t + static_cast<uint32_t>(an)];
    if (kGenericHead.count(head)) {
      ++an;
    } else if (StartsWith(next, "NN") && next != "NNP" && next != "NNPS" &&
               head != "today" && head != "yesterday" &&
               head != "tonight" && head != "tomorrow") {
      // ("the government today said": a time, not a head noun)
      an = 0;
    }
  }
  // "military and civilian aviation factories"
  if (an == 1 && Tag(t) == "JJ" && t + 1 < se &&
      (Tag(t + 1) == "CC" || StartsWith(Tag(t + 1), "NN")))
    an = 0;
  return an;
}

// Merges neighbouring pieces into one actor: "Russian" + "President" +
// "Vladimir Putin", "officials of" + "the United States", "Russia 's" +
// "military".
std::vector<Actor> ActorFinder::MergePieces(const std::vector<Piece>& pieces,
                                            uint32_t sb) const {
  std::vector<Actor> out;
  for (size_t k = 0; k < pieces.size();) {
    if (pieces[k].kind == 3) {
      out.push_back(PronounActor(pieces, &k));
      continue;
    }
    Merged m;
    m.Absorb(pieces[k], petrarch);
    const size_t j = JoinPieces(pieces, k, &m);
    RecodeMerged(pieces, k, j, sb, &m);
    Actor a = MergedActor(pieces, k, j, m);
    if (a.code.size() >= 3 && a.code.compare(0, 3, "IGO") != 0 &&
        a.code.compare(0, 3, "NGO") != 0 && CompanyAfter(a.e)) {
      // "President Nobuo Ito of International Telecom Japan Inc": a title
      // held in a company is a company officer's, not an office of state.
      a.code = a.code.substr(0, 3) + "BUS";
    }
    if (!a.code.empty() || !a.entity.empty()) out.push_back(a);
    k = j + 1;
  }
  return out;
}

// Returns the actor of the pronoun piece *k, with the sector piece after a
// possessive ("its forces", "their troops": the referent's sector);
// advances *k past what it took.
Actor ActorFinder::PronounActor(const std::vector<Piece>& pieces,
                                size_t* k_inout) const {
  size_t& k = *k_inout;
  Actor a;
  a.b = pieces[k].b;
  a.e = pieces[k].e;
  a.pronoun = true;
  a.pronoun_word = low[a.b];
  ++k;
  // "its forces", "their troops": the referent's sector.
  const std::string& w = a.pronoun_word;
  if ((w == "its" || w == "their" || w == "his" || w == "her") &&
      k < pieces.size() && pieces[k].kind == 1 &&
      pieces[k].b == a.e && pieces[k].dict_name != "~" &&
      (pieces[k].code.size() == 3 ||
       (pieces[k].code.size() == 6 && StartsWith(pieces[k].code, "---")))) {
    a.poss_agent = pieces[k].code.substr(pieces[k].code.size() - 3);
    a.e = pieces[k].e;
    ++k;
  }
  return a;
}

// Joins to the actor of piece k the pieces after it that the words
// between let join (of/from/in, "'s", a modifier, an officer's title);
// returns the last piece joined.
size_t ActorFinder::JoinPieces(const std::vector<Piece>& pieces, size_t k,
                               Merged* m) const {
  auto absorb = [&](const Piece& p) { m->Absorb(p, petrarch); };
  const std::string& country = m->country;
  const std::string& full = m->full;
  bool& joined_of = m->joined_of;
  bool& party_recoded = m->party_recoded;
  size_t j = k;
  while (j + 1 < pieces.size()) {
    const Piece& p = pieces[j];
    const Piece& q = pieces[j + 1];
    if (q.kind == 3) break;
    // Gap words allowed between pieces.
    bool ok = true, has_of = false;
    uint32_t gap = q.b - p.e;
    if (gap > 3) ok = false;
    for (uint32_t u = p.e; ok && u < q.b; ++u) {
      const std::string& w = low[u];
      if (w == "of" || w == "from" || w == "in") {
        has_of = true;
      } else if (w == "'s" || w == "'" || w == "the") {
      } else if (!has_of && p.kind == 0 && q.kind == 1 && gap <= 2 &&
                 (Tag(u) == "NN" || Tag(u) == "JJ") && !w.empty() &&
                 w[0] >= 'a' && w[0] <= 'z' && low[p.e] != "'s") {
        // "French maritime authorities", "Israeli border police": a
        // noun or two between a country and its sector.
      } else if (!has_of && q.kind == 1 && u == q.b - 1 && u > p.e &&
                 low[u - 1] == "'s" && p.kind == 0 &&
                 (Tag(u) == "JJ" || Tag(u) == "NNP" || Tag(u) == "VBG")) {
        // "Nicaragua's Sandinista government", "Israel's ruling
        // party": one modifier between a country's "'s" and the sector.
      } else if (has_of && (Tag(u) == "JJ" || Tag(u) == "VBN")) {
        // "dissidents from military-ruled Myanmar"
      } else if (!has_of && gap == 1 && p.kind == 2 && q.kind == 4 &&
                 q.etype == "PER" &&
                 (w == "secretary-general" || w == "chairman" ||
                  w == "director" || w == "director-general" ||
                  w == "chief" || w == "head" || w == "commissioner" ||
                  w == "chairwoman" || w == "chairperson")) {
        // "Arab League Secretary-General Chedli Klibi": the body's
        // officer.
      } else {
        ok = false;
      }
    }
    if (ok && !has_of && gap > 2) ok = false;
    if (!ok) break;
    bool p_country = !country.empty();
    if (has_of) joined_of = true;
    // of/from/in joins only an agent to a country ("officials of the
    // United States"), never two places ("the war in Ukraine").
    if (has_of) {
      if (!(p.kind == 1 && !p_country && (q.kind == 0 || q.kind == 2) &&
            full.empty()))
        break;
    } else {
      if (q.kind == 0 && p_country && q.code != country) break;
      if (q.kind == 2 && p_country && !full.empty()) break;  // two people
      // "the Syrian Golan Heights": an uncoded place right after a
      // country adjective belongs to it.
      // ... nor a name a country's "'s" possesses ("Kenya's Liberal
      // Democratic Party", "Nicaragua's Sandinista government"): the
      // country's.
      bool modifier = p.kind == 0 && q.b == p.e + 1 && low[p.e] == "'s";
      if (q.kind == 4 && q.etype != "PER" && !modifier &&
          !(p.kind == 0 && q.b == p.e && q.etype == "LOC"))
        break;
      if (q.kind == 2 && p_country && q.code.substr(0, 3) != country &&
          p.kind != 1) {
        // "South Korea's National Security Council": the country
        // named wins over the dictionary's (another country's body of
        // the same name); people and IGOs stay apart.
        if (full.empty() && q.etype != "PER" && q.code.size() > 3 &&
            !StartsWith(q.code, "IGO") && p.kind == 0) {
          Piece r = q;
          // A party of another country's name is a party there; its
          // role at home (government, opposition) says nothing.
          r.code = country + (q.party ? "PTY" : q.code.substr(3));
          absorb(r);
          party_recoded = q.party;
          ++j;
          continue;
        }
        break;
      }
    }
    absorb(q);
    ++j;
  }
  return j;
}

// Recodes the merged pieces [k, j]: an organisation's sector, a party
// named outside its country, a title over a former office holder's ELI.
void ActorFinder::RecodeMerged(const std::vector<Piece>& pieces, size_t k,
                               size_t j, uint32_t sb, Merged* m) const {
  std::string& full = m->full;
  const std::string& agent = m->agent;
  const std::string& prefix = m->prefix;
  const bool person = m->person, party = m->party;
  const bool party_own = m->party_own, party_recoded = m->party_recoded;
  // "UN troops" -> IGOUNOMIL: an organisation's sector.
  // A body that already has a sector keeps it ("An Alibaba spokesperson"
  // is CHNBUS, not CHNBUSGOV).
  bool has_sector = CountryWithSector(full);
  if (!full.empty() && !agent.empty() && !person && full.size() <= 6 &&
      !has_sector && full.find(agent) == std::string::npos) {
    bool agent_after = false;
    for (size_t m = k; m <= j; ++m) {
      if (pieces[m].kind == 2) {
        for (size_t n2 = m + 1; n2 <= j; ++n2)
          if (pieces[n2].kind == 1) agent_after = true;
      }
    }
    if (agent_after) full += agent;
  }
  // A party name codes its own country only in that country's news;
  // elsewhere it is the party of the country the article is about
  // (Labour in a story datelined Wellington), with the sector a word
  // beside it gives ("Labour government"), else PTY.
  if (party && (party_recoded || !party_own)) {
    std::string home = full.substr(0, 3);
    std::string there = party_recoded ? home : PartyCountry(home);
    if (there != home || party_recoded)
      full = there + (agent.empty() ? "PTY" : agent);
    else if (!agent.empty() && agent != "GOV")
      full = home + agent;
  } else if (party && !agent.empty() && agent != "GOV") {
    // A sector word beside a party names that sector of its country
    // ("Republican lawmakers" USALEG, "Labour MPs" GBRLEG); a word of
    // government keeps the party's code of the date ("Labour leader"
    // in opposition is no government).
    full = full.substr(0, 3) + agent;
  }
  // "President Michel Suleiman", "General David Petraeus": a title in
  // the text names the office a dictionary person holds then, over
  // the out-of-office ELI code (an undated page, or a date outside the
  // dictionary's periods); "former President X" keeps ELI.
  if (full.size() == 6 && full.compare(3, 3, "ELI") == 0 &&
      !agent.empty() && prefix.empty()) {
    bool title_before = false;
    for (size_t m = k; m <= j; ++m) {
      if (pieces[m].kind == 2) break;
      if (pieces[m].kind == 1) title_before = true;
    }
    bool former = false;
    for (uint32_t u = pieces[k].b > sb + 3 ? pieces[k].b - 3 : sb;
         u < pieces[j].e; ++u) {
      if (low[u] == "former" || low[u] == "ex" || low[u] == "late" ||
          low[u] == "then" || low[u] == "ousted" || low[u] == "exiled" ||
          StartsWith(low[u], "ex-"))
        former = true;
    }
    if (title_before && !former) full = full.substr(0, 3) + agent;
  }
}

// Returns the actor of the merged pieces [k, j].
Actor ActorFinder::MergedActor(const std::vector<Piece>& pieces, size_t k,
                               size_t j, const Merged& m) const {
  const std::string& country = m.country;
  const std::string& agent = m.agent;
  const std::string& full = m.full;
  const std::string& prefix = m.prefix;
  Actor a;
  a.b = pieces[k].b;
  a.e = pieces[j].e;
  a.entity = m.entity;
  a.etype = m.etype;
  a.person = m.person;
  if (m.joined_of && full.empty() && !agent.empty()) a.agent_of = agent;
  a.dict_name = m.dict_name;
  a.dict_code = full;
  if (!full.empty()) {
    a.code = full;
  } else if (!country.empty() && !agent.empty()) {
    a.code = prefix + country + agent;
  } else if (!country.empty()) {
    a.code = prefix + country;
  } else if (!agent.empty()) {
    a.code = prefix.empty() ? "---" + agent : prefix + agent;
  } else if (!prefix.empty()) {
    a.code = prefix;
  }
  return a;
}

// A finite verb, not the possessive "'s" the tagger sometimes reads as
// "is".
bool ActorFinder::Finite(uint32_t t) const {
  if (!IsFiniteTag(Tag(t)) || low[t] == "'s") return false;
  return !Adjectival(t);
}

// A participle the tagger read as a verb but that modifies a noun ("the
// two exiled dissidents").
bool ActorFinder::Adjectival(uint32_t t) const {
  if (t == 0 || t + 1 >= low.size()) return false;
  std::string_view tag = Tag(t), before = Tag(t - 1);
  if (tag != "VBD" && tag != "VBN" && tag != "VBG") return false;
  if ((before == "DT" || before == "CD" || before == "JJ" ||
       before == "PRP$" || before == "POS") &&
      StartsWith(Tag(t + 1), "NN"))
    return true;
  // A reduced relative on a common noun: "memos sent by Bree".
  return (before == "NN" || before == "NNS") && tag != "VBG" &&
         (low[t + 1] == "by" || low[t + 1] == "from");
}

// Returns true if token u belongs to a quantity before a noun.
bool ActorFinder::QuantityWord(uint32_t u) const {
  static const std::unordered_set<std::string> kWords = {
      "more", "than", "least", "fewer", "less", "nearly", "almost",
      "about", "some", "around", "roughly", "approximately", "hundreds",
      "thousands", "dozens", "scores", "tens", "millions"};
  const std::string& w = low[u];
  if (kWords.count(w)) return true;
  bool next_cd = u + 1 < low.size() && Tag(u + 1) == "CD";
  if ((w == "at" || w == "up" || w == "over" || w == "to") && u + 1 < low.size() &&
      (next_cd || low[u + 1] == "least" || low[u + 1] == "to"))
    return true;
  if (w == "of" && u > 0 &&
      (kWords.count(low[u - 1]) || Tag(u - 1) == "CD"))
    return true;
  return false;
}

bool ActorFinder::IsClauseWord(uint32_t t) const {
  const std::string& w = low[t];
  if (ClauseWords().count(w)) return true;
  if (IsVerbTag(Tag(t)) && ReportingVerbs().count(w)) return true;
  if (w == "that" && (Tag(t) == "IN" || Tag(t) == "WDT")) return true;
  return false;
}

// Groups coordinated actors ("the United States, South Korea and Japan").
std::vector<Group> ActorFinder::MakeGroups(const std::vector<Actor>& actors,
                                           uint32_t sb) const {
  std::vector<Group> groups;
  for (size_t k = 0; k < actors.size();) {
    Group g;
    g.actors.push_back(actors[k]);
    const size_t j = ExtendList(actors, k, &g);
    ShareSectors(&g);
    g.b = actors[k].b;
    g.e = actors[j].e;
    g.subject_ok = CanBeSubject(g, sb);
    groups.push_back(std::move(g));
    k = j + 1;
  }
  return groups;
}

// Extends the list of group g, which holds actors[k], with the actors
// after it that a list ("A, B and C") or an apposition ("A, B,": one
// actor, the more specific code) joins; returns the last one taken.
size_t ActorFinder::ExtendList(const std::vector<Actor>& actors, size_t k,
                               Group* group) const {
  Group& g = *group;
  size_t j = k;
  while (j + 1 < actors.size()) {
    const Actor& p = actors[j];
    const Actor& q = actors[j + 1];
    if (p.pronoun != q.pronoun) break;
    bool ok = q.b > p.e && q.b - p.e <= 4;
    bool has_and = false;
    for (uint32_t u = p.e; ok && u < q.b; ++u) {
      const std::string& w = low[u];
      if (w == "and" || w == "&" || w == "nor" || w == "or") {
        has_and = true;
      } else if (w != "," && w != "the" && w != "both" && w != "neither" &&
                 w != "either" && Tag(u) != "JJ") {
        ok = false;  // adjectives may sit in a list ("the awful Fornost")
      }
    }
    // An uncoded name before a comma ends an opening phrase ("On
    // Cessation of Hostilities, the Sudanese government and ..."); it
    // does not head a list.
    if (ok && g.actors.back().code.empty() && !has_and) {
      for (uint32_t u = p.e; u < q.b; ++u) {
        if (low[u] == ",") ok = false;
      }
    }
    if (!ok) break;
    if (!has_and) {
      // "A, B and C" is a list; "A, B," is an apposition: one actor,
      // the more specific code.
      // Look along the list: commas, then an "and" before a later one.
      bool later_and = false;
      for (size_t m = j + 1; m + 1 < actors.size() && !later_and; ++m) {
        const Actor& x = actors[m];
        const Actor& r = actors[m + 1];
        if (r.b <= x.e || r.b - x.e > 4) break;
        bool list_gap = true;
        for (uint32_t u = x.e; u < r.b; ++u) {
          if (low[u] == "and" || low[u] == "nor" || low[u] == "or") {
            later_and = true;
          } else if (low[u] != "," && low[u] != "the" && Tag(u) != "JJ") {
            list_gap = false;
          }
        }
        if (!list_gap) {
          later_and = false;
          break;
        }
      }
      Actor& last = g.actors.back();
      bool related = last.code.size() >= 3 && q.code.size() >= 3 &&
                     (last.code.compare(0, 3, q.code, 0, 3) == 0 ||
                      StartsWith(last.code, "---") ||
                      StartsWith(q.code, "---"));
      if (!later_and && !related) break;
      // "killing at least eight people, Syrian state media reported":
      // a name right before a finite verb is that verb's subject, not
      // an apposition of the phrase before the comma.
      if (!later_and && q.e < low.size() &&
          (Tag(q.e) == "VBD" || Tag(q.e) == "VBZ" || Tag(q.e) == "VBP"))
        break;
      if (!later_and) {
        if (q.code.size() > last.code.size()) {
          last.code = q.code;
        }
        if (last.entity.empty() || q.etype == "PER") {
          last.entity = q.entity;
          last.etype = q.etype;
        }
        last.person = last.person || q.person;
        ++j;
        continue;
      }
    }
    g.actors.push_back(q);
    ++j;
  }
  return j;
}

// Shares sectors across a list: "US and British activists" (USAOPP,
// GBROPP), "officials of the United States, South Korea and Japan".
void ActorFinder::ShareSectors(Group* group) const {
  Group& g = *group;
  if (g.actors.size() < 2) return;
  std::string share = g.actors[0].agent_of;
  const Actor& last = g.actors.back();
  bool adjectives = true;
  for (size_t m = 0; m + 1 < g.actors.size(); ++m) {
    const Actor& a = g.actors[m];
    if (a.code.size() != 3 || a.e != a.b + 1) adjectives = false;
  }
  // Only when the last one reads country-then-sector ("British
  // activists"), not "the government of Gondor".
  std::string_view head = Tag(last.b);
  bool country_first = last.agent_of.empty() && low[last.b] != "the" &&
                       !(StartsWith(head, "NN") && head != "NNP" &&
                         head != "NNPS");
  if (share.empty() && adjectives && country_first &&
      last.code.size() > 3 && !StartsWith(last.code, "---") &&
      last.etype != "PER" && !last.person &&
      !StartsWith(last.code, "IGO"))
    share = last.code.substr(3);
  if (!share.empty()) {
    for (Actor& a : g.actors) {
      if (a.code.size() == 3) a.code += share;
    }
  }
  // "Danish media and government": the bare sector takes the
  // country named first.
  const std::string& first = g.actors[0].code;
  if (first.size() >= 3 && !StartsWith(first, "---") &&
      !StartsWith(first, "IGO") && !g.actors[0].person) {
    for (Actor& a : g.actors) {
      if (StartsWith(a.code, "---") && a.code.size() > 3)
        a.code = first.substr(0, 3) + a.code.substr(3);
    }
  }
}

// Returns true if group g can be a subject: not right after a preposition,
// no finite verb before it in its clause.
bool ActorFinder::CanBeSubject(const Group& g, uint32_t sb) const {
  uint32_t u = g.b;
  bool prep = false;
  while (u > sb) {
    --u;
    std::string_view tag = Tag(u);
    if (tag == "DT" || tag == "JJ" || tag == "CD" || tag == "PRP$" ||
        low[u] == "both" || IsQuote(low[u]))
      continue;
    // "Up to 1,000 ethnic Turks", "at least 200 supporters".
    if (QuantityWord(u)) continue;
    if ((tag == "IN" || tag == "TO") && !ClauseWords().count(low[u]) &&
        low[u] != "that")
      prep = true;
    // "Hundreds of UN troops", "some of the rebels": the head.
    if (prep && low[u] == "of" && u > sb) {
      static const std::unordered_set<std::string> kQuantity = {
          "hundreds", "thousands", "dozens", "scores", "tens", "millions",
          "some", "many", "most", "all", "one", "two", "three", "several",
          "members", "member", "leader", "leaders", "group", "number",
          "republic", "kingdom", "state", "third", "thirds", "half",
          "quarter", "majority", "rest", "remainder",
          "none", "each", "both"};
      if (kQuantity.count(low[u - 1]) || Tag(u - 1) == "CD") prep = false;
    }
    break;
  }
  bool verb_before = false;
  for (uint32_t v = g.b; v > sb;) {
    --v;
    if (IsClauseWord(v) || low[v] == ",") break;
    if (Finite(v)) {
      verb_before = true;
      break;
    }
  }
  return !prep && !verb_before;
}

// The time mention for an event around trigger t in sentence s.
std::string ActorFinder::DateFor(const SentenceSpan& s, uint32_t t) const {
  const TimeMention* best = nullptr;
  int64_t best_d = 0;
  uint32_t at = doc->tokens[t].begin;
  for (const TimeMention& tm : doc->times) {
    if (tm.span.begin < s.span.begin || tm.span.end > s.span.end) continue;
    if (!IsCalendarDate(tm.value)) continue;
    int64_t d = tm.span.begin >= at ? tm.span.begin - at
                                    : (at - tm.span.end) + 40;
    if (!best || d < best_d) {
      best = &tm;
      best_d = d;
    }
  }
  if (best && IsCalendarDate(best->value)) return best->value;
  if (doc->published.size() >= 10) return doc->published.substr(0, 10);
  return doc->published;
}

// Replaces pronoun actors by what they refer to: the nearest earlier
// subject in the sentence, else the previous sentence's subjects.
void ActorFinder::ResolvePronouns(std::vector<Group>* groups) const {
  for (size_t g = 0; g < groups->size(); ++g) {
    Group& gr = (*groups)[g];
    if (gr.actors.empty() || !gr.actors[0].pronoun) continue;
    const std::string& w = gr.actors[0].pronoun_word;
    std::vector<Actor> ref;
    bool reflexive = ReflexivePronoun(w);
    for (size_t h = g; h-- > 0 && reflexive;) {
      const Group& c = (*groups)[h];
      if (c.actors.empty() || c.actors[0].pronoun) continue;
      ref = c.actors;  // the clause's own subject
      break;
    }
    for (size_t h = g; h-- > 0 && ref.empty();) {
      const Group& c = (*groups)[h];
      if (c.actors.empty() || c.actors[0].pronoun) continue;
      if (c.actors[0].code.empty()) continue;
      if (PersonPronoun(w) && (c.actors.size() > 1 || !c.actors[0].person))
        continue;
      if (!PluralPronoun(w) && c.actors.size() > 1) continue;
      // "they" is a list or a plural noun ("officials"), and one that
      // says who ("the two leaders" = ---GOV says nothing).
      if (PluralPronoun(w) && c.actors.size() == 1) {
        std::string_view last = Tag(c.e - 1);
        if (last != "NNS" && last != "NNPS") continue;
        if (StartsWith(c.actors[0].code, "---")) continue;
      }
      if (w == "it" || w == "its" || w == "itself") {
        if (c.actors[0].person) continue;
      }
      if (!c.subject_ok) continue;
      ref = c.actors;
      break;
    }
    // "Putin showed Kim around ... and they held talks": the last two
    // people or parties named.
    if (ref.empty() && PluralPronoun(w)) {
      std::vector<Actor> two;
      for (size_t h = g; h-- > 0 && two.size() < 2;) {
        const Group& c = (*groups)[h];
        if (c.actors.size() != 1 || c.actors[0].pronoun ||
            c.actors[0].code.empty() ||
            StartsWith(c.actors[0].code, "---"))
          continue;
        // A possessive modifier ("Russia's facility") is not a party.
        if (c.e < low.size() && (low[c.e] == "'s" || low[c.e] == "'"))
          continue;
        if (!two.empty() && (two[0].code == c.actors[0].code ||
                             two[0].entity == c.actors[0].entity))
          continue;
        two.push_back(c.actors[0]);
      }
      if (two.size() == 2) ref = {two[1], two[0]};
    }
    // "The US claimed that they had attacked": with no plural party in
    // the sentence, a collective (a country, a body) the clause before
    // has as subject.
    if (ref.empty() && PluralPronoun(w) && !PersonPronoun(w)) {
      for (size_t h = g; h-- > 0;) {
        const Group& c = (*groups)[h];
        if (c.actors.size() != 1 || c.actors[0].pronoun) continue;
        if (c.subject_ok && !c.actors[0].person &&
            !c.actors[0].code.empty() &&
            !StartsWith(c.actors[0].code, "---"))
          ref = c.actors;
        break;
      }
    }
    if (ref.empty() && !previous_subjects.empty()) {
      bool plural = previous_subjects.size() > 1;
      if (PluralPronoun(w) == plural) ref = previous_subjects;
    }
    uint32_t b = gr.actors[0].b, e = gr.actors[0].e;
    std::string poss_agent = gr.actors[0].poss_agent;
    gr.actors.clear();
    for (Actor a : ref) {
      if (!poss_agent.empty() && a.code.size() >= 3 &&
          !StartsWith(a.code, "---")) {
        std::string base = a.code;
        if (CountryWithSector(base)) base = base.substr(0, 3);
        a.code = base + poss_agent;
        a.poss_agent = poss_agent;
        a.person = false;
        a.dict_name.clear();
        a.dict_code.clear();
      }
      if (a.name.empty()) {
        const Span& x = doc->tokens[a.b];
        const Span& y = doc->tokens[a.e - 1];
        a.name = std::string(text.substr(x.begin, y.end - x.begin));
      }
      a.b = b;
      a.e = e;
      a.pronoun = true;
      gr.actors.push_back(a);
    }
  }
}

// The actor finder for the clause coder: the sentence's actors, grouped
// by coordination, pronouns resolved, places told from governments.
std::vector<FoundGroup> ActorFinder::FoundGroupsOf(
    const SentenceSpan& s, const std::string& clause_date) {
  uint32_t sb = s.token_begin, se = s.token_end;
  std::vector<FoundGroup> out;
  if (se <= sb || se > doc->tokens.size()) return out;
  std::string_view sentence_text =
      text.substr(s.span.begin, s.span.end - s.span.begin);
  if (dictionary && dictionary->Discard(sentence_text)) return out;
  std::vector<std::string_view> words;
  words.reserve(se - sb);
  for (uint32_t t = sb; t < se; ++t) words.push_back(Word(t));
  std::string date = clause_date;
  if (date.empty()) date = DateFor(s, sb);
  std::vector<Actor> actors =
      FindActors(sb, se, words, date.empty() ? fallback_date : date);
  std::vector<Group> groups = MakeGroups(actors, sb);
  // Pronouns take a party of their own sentence here; the ones left are
  // the document's reference resolver's (ResolveReferences, called by
  // FillActorCodes), which reads the sentences before.
  std::vector<Actor> pronouns(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].actors.empty() && groups[i].actors[0].pronoun)
      pronouns[i] = groups[i].actors[0];
  }
  previous_subjects.clear();
  ResolvePronouns(&groups);
  for (size_t i = 0; i < groups.size(); ++i) {
    const Group& g = groups[i];
    FoundGroup fg;
    fg.b = g.b;
    fg.e = g.e;
    if (g.actors.empty() && pronouns[i].pronoun) {
      FoundActor f;
      f.b = pronouns[i].b;
      f.e = pronouns[i].e;
      f.pronoun = true;
      f.sector = pronouns[i].poss_agent;
      fg.actors.push_back(std::move(f));
    }
    for (const Actor& a : g.actors) {
      FoundActor f;
      f.b = a.b;
      f.e = a.e;
      f.code = a.code;
      f.entity = a.entity;
      f.name = a.name;
      f.person = a.person || a.etype == "PER";
      f.pronoun = a.pronoun;
      if (!f.person && !f.pronoun && a.code.size() == 3 && dictionary &&
          (a.etype == "LOC" || a.etype.empty()) &&
          dictionary->IsCountryCode(a.code)) {
        const Span& x = doc->tokens[a.b];
        const Span& y = doc->tokens[a.e - 1];
        std::string name(text.substr(x.begin, y.end - x.begin));
        f.place = dictionary->CountryOf(name).empty() &&
                  dictionary->CountryOf(a.dict_name).empty();
      }
      fg.actors.push_back(std::move(f));
    }
    out.push_back(std::move(fg));
  }
  return out;
}

}  // namespace token_actors
}  // namespace dateline

#include "events/actor_dictionary.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "entities/leaders_table.h"

namespace dateline {
namespace {

constexpr uint32_t kNoNode = std::numeric_limits<uint32_t>::max();
constexpr int32_t kNoPayload = -1;
constexpr size_t kMaxNameTokens = 24;
constexpr int32_t kFarFuture = 99991231;

// ---------------------------------------------------------------------------
// Normalisation

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Folds Latin letters with diacritics to their ASCII base letter, lower
// case ("François" -> "francois", "Erdoğan" -> "erdogan", "Orbán" ->
// "orban"), for the Latin-1 Supplement and Latin Extended-A blocks; other
// bytes are kept. Returns the folded string.
std::string FoldLatin(std::string_view s) {
  // Base letters of U+00C0..U+00FF ('\0' = keep as is).
  static constexpr char kLatin1[] =
      "aaaaaaaceeeeiiii"   // C0-CF
      "dnooooo\0ouuuuyts"  // D0-DF (D7 = multiplication sign kept)
      "aaaaaaaceeeeiiii"   // E0-EF
      "dnooooo\0ouuuuyty"; // F0-FF (F7 = division sign kept)
  // Base letters of U+0100..U+017F.
  static constexpr char kExtA[] =
      "aaaaaaccccccccdd"  // 0100
      "ddeeeeeeeeeegggg"  // 0110
      "gggghhhhiiiiiiii"  // 0120
      "iiiijjkkklllllll"  // 0130
      "lllnnnnnnnnnoooo"  // 0140
      "oooorrrrrrssssss"  // 0150
      "ssttttttuuuuuuuu"  // 0160
      "uuuuwwyyyzzzzzzs"; // 0170
  std::string out;
  out.reserve(s.size());
  for (size_t k = 0; k < s.size(); ++k) {
    unsigned char c = s[k];
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
      continue;
    }
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && k + 1 < s.size()) {
      unsigned char d = s[k + 1];
      if (d >= 0x80 && d <= 0xBF) {
        uint32_t cp = ((c & 0x1F) << 6) | (d & 0x3F);
        char base = 0;
        if (cp >= 0xC0 && cp <= 0xFF) base = kLatin1[cp - 0xC0];
        else if (cp >= 0x100 && cp <= 0x17F) base = kExtA[cp - 0x100];
        if (cp == 0xDF) {  // sharp s
          out += "ss";
          ++k;
          continue;
        }
        if (base != 0) {
          out.push_back(base);
          ++k;
          continue;
        }
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

bool IsSeparator(char c) {
  return c == '-' || c == '_' || c == ' ' || c == '\t' || c == ',' ||
         c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == '/' || c == '\r' || c == '\n';
}

// Calls fn(atom) for each normalised piece of one token: typographic
// apostrophes and dashes become ASCII, a possessive "'s"/"'" at the end is
// dropped, periods vanish ("U.S." -> "us"), separators split pieces, and
// the pieces are lower-cased. A token of punctuation alone has no atoms.
template <typename Fn>
void ForEachAtom(std::string_view tok, Fn fn) {
  std::string t;
  t.reserve(tok.size());
  for (size_t k = 0; k < tok.size(); ++k) {
    unsigned char c = tok[k];
    if (c == 0xE2 && k + 2 < tok.size() &&
        static_cast<unsigned char>(tok[k + 1]) == 0x80) {
      unsigned char d = tok[k + 2];
      if (d == 0x98 || d == 0x99) {  // ‘ ’
        t.push_back('\'');
        k += 2;
        continue;
      }
      if (d >= 0x90 && d <= 0x95) {  // hyphens and dashes
        t.push_back('-');
        k += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {  // “ ”
        t.push_back('"');
        k += 2;
        continue;
      }
    }
    t.push_back(static_cast<char>(c));
  }
  // Possessive.
  if (t.size() >= 2 && t[t.size() - 2] == '\'' &&
      (t.back() == 's' || t.back() == 'S')) {
    t.resize(t.size() - 2);
  } else if (!t.empty() && t.back() == '\'') {
    t.pop_back();
  }
  std::string atom;
  auto flush = [&]() {
    // Strip apostrophes left at the edges ("'s" alone, quotes).
    size_t b = 0, e = atom.size();
    while (b < e && atom[b] == '\'') ++b;
    while (e > b && atom[e - 1] == '\'') --e;
    if (e > b) {
      std::string a = FoldLatin(std::string_view(atom).substr(b, e - b));
      fn(std::string_view(a));
    }
    atom.clear();
  };
  for (char c : t) {
    if (c == '.') continue;
    if (IsSeparator(c)) {
      flush();
    } else {
      atom.push_back(c);
    }
  }
  flush();
}

// The atoms of a phrase of several words: each word is normalised as a
// token of text would be (so "South Korea's National Security Council"
// drops the possessive inside it).
std::vector<std::string> PhraseAtoms(std::string_view phrase) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= phrase.size()) {
    size_t sp = phrase.find_first_of(" \t", start);
    if (sp == std::string_view::npos) sp = phrase.size();
    ForEachAtom(phrase.substr(start, sp - start),
                [&](std::string_view a) { out.emplace_back(a); });
    start = sp + 1;
  }
  return out;
}

bool HasUpperOrNonAscii(std::string_view s) {
  for (char c : s)
    if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
      return true;
  return false;
}

bool HasAsciiLower(std::string_view s) {
  for (char c : s)
    if (IsAsciiLower(c)) return true;
  return false;
}

// Words that are also written in capitals as acronyms: a one-word name
// equal to one of them matches only capitalised text ("US" not "us").
const std::unordered_set<std::string_view>& CommonWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "us",  "un",  "is",  "it",   "who", "as",  "at",  "an",  "am",
      "in",  "on",  "or",  "no",   "so",  "do",  "be",  "me",  "we",
      "he",  "aid", "can", "fed",  "pa",  "ban", "war", "law", "act",
      "art", "sun", "cap", "arms", "hope", "care", "eu", "au", "ice",
      "fair", "all", "one", "sad", "mad", "end", "oil", "red", "bar"};
  return *words;
}

// Second halves of hyphenated compounds after a name ("Saudi-led").
const std::unordered_set<std::string_view>& CompoundSuffixes() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "led", "backed", "based", "made", "born", "owned", "controlled",
      "held", "run", "allied", "sponsored", "funded", "brokered", "drafted",
      "linked", "aligned", "supported", "installed", "occupied", "bound",
      "friendly", "leaning", "style", "era", "registered", "flagged",
      "built", "trained", "armed", "operated", "dominated", "appointed"};
  return *words;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' ||
                   s[b] == '\n'))
    ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                   s[e - 1] == '\n'))
    --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Parses a PETRARCH date: YYYYMMDD, or YYMMDD (00-30 -> 20YY, else 19YY).
bool ParsePetrarchDate(std::string_view s, int32_t* out) {
  // The length first: std::stoi throws on a long run of digits.
  if (!AllDigits(s) || (s.size() != 6 && s.size() != 8)) return false;
  int32_t v = std::stoi(std::string(s));
  if (s.size() == 6) {
    int yy = v / 10000;
    v += (yy <= 30 ? 20000000 : 19000000);
  }
  int month = (v / 100) % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  *out = v;
  return true;
}

// Parses an ISO date "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYYMMDD". A
// partial date takes the first day of its period, or the last when
// `end_of_period`.
bool ParseIsoDate(std::string_view s, bool end_of_period, int32_t* out) {
  if (s.size() == 8 && AllDigits(s)) return ParsePetrarchDate(s, out);
  if (s.size() < 4 || !AllDigits(s.substr(0, 4))) return false;
  int32_t year = std::stoi(std::string(s.substr(0, 4)));
  int month = end_of_period ? 12 : 1, day = end_of_period ? 31 : 1;
  if (s.size() >= 7) {
    if (s[4] != '-' || !AllDigits(s.substr(5, 2))) return false;
    month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12) return false;
    if (s.size() >= 10) {
      if (s[7] != '-' || !AllDigits(s.substr(8, 2)) || s.size() != 10)
        return false;
      day = std::stoi(std::string(s.substr(8, 2)));
      if (day < 1 || day > 31) return false;
    } else if (s.size() != 7) {
      return false;
    }
  } else if (s.size() != 4) {
    return false;
  }
  *out = year * 10000 + month * 100 + day;
  return true;
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, "cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path, "read failed");
  *out = ss.str();
  return Status::OK();
}

// Collects the lines a loader could not parse.
class LineErrors {
 public:
  void Add(size_t lineno, std::string_view why) {
    ++count_;
    if (count_ <= 12) {
      if (!text_.empty()) text_ += "; ";
      text_ += "line " + std::to_string(lineno) + ": " + std::string(why);
    }
  }
  size_t count() const { return count_; }
  Status ToStatus(std::string_view name) const {
    if (count_ == 0) return Status::OK();
    std::string msg = std::to_string(count_) + " line(s) not parsed: " + text_;
    if (count_ > 12) msg += "; ...";
    return Status::Corruption(name, msg);
  }

 private:
  size_t count_ = 0;
  std::string text_;
};

// Calls fn(lineno, line) for each line of `text` (CR stripped).
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t lineno = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(lineno, line);
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Tries and entries

namespace {

// A trie over atoms: edges in one hash map keyed by (node, atom hash).
class AtomTrie {
 public:
  AtomTrie() : payload_(1, kNoPayload) {}

  uint32_t Insert(const std::vector<std::string>& atoms) {
    uint32_t node = 0;
    for (const std::string& a : atoms) {
      uint64_t key = Key(node, a);
      auto it = edges_.find(key);
      if (it == edges_.end()) {
        uint32_t next = static_cast<uint32_t>(payload_.size());
        payload_.push_back(kNoPayload);
        edges_.emplace(key, next);
        node = next;
      } else {
        node = it->second;
      }
    }
    return node;
  }
  uint32_t Child(uint32_t node, std::string_view atom) const {
    auto it = edges_.find(Key(node, atom));
    return it == edges_.end() ? kNoNode : it->second;
  }
  int32_t payload(uint32_t node) const { return payload_[node]; }
  void set_payload(uint32_t node, int32_t p) { payload_[node] = p; }

 private:
  static uint64_t Key(uint32_t node, std::string_view atom) {
    uint64_t h = std::hash<std::string_view>()(atom);
    uint64_t n = (static_cast<uint64_t>(node) + 1) * 0x9E3779B97F4A7C15ULL;
    return h ^ (n + (h << 6) + (h >> 2));
  }
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<int32_t> payload_;
};

struct CodeRule {
  enum Kind { kAny, kBefore, kFrom, kRange };
  std::string code;
  Kind kind = kAny;
  int32_t d1 = 0, d2 = 0;
};

struct ActorEntry {
  std::string name;
  std::vector<CodeRule> rules;
  std::string fallback;  // when no rule applies (former officials: XXXELI)
  ActorDictionary::ActorKind kind = ActorDictionary::ActorKind::kPetrarch;
  bool upper_only = false;   // the text must be in capitals ("US")
  bool capitalized = false;  // the text must start with a capital ("Putin")
};

struct AgentEntry {
  std::string code;
  bool before = false;
};

// Resolves the code of `e` on `date` (yyyymmdd): among the date-restricted
// rules that hold, the narrowest wins (the PETRARCH unit tests nest a short
// interval inside a long one and expect the short one), ties to the first
// listed; then the first unrestricted rule; then the fallback.
const std::string& Resolve(const ActorEntry& e, int32_t date) {
  const CodeRule* best = nullptr;
  int64_t best_width = 0;
  for (const CodeRule& r : e.rules) {
    bool holds = false;
    int64_t width = std::numeric_limits<int64_t>::max();
    switch (r.kind) {
      case CodeRule::kAny:
        continue;
      case CodeRule::kBefore:
        holds = date < r.d1;
        break;
      case CodeRule::kFrom:
        holds = date >= r.d1;
        break;
      case CodeRule::kRange:
        holds = date >= r.d1 && date <= r.d2;
        width = static_cast<int64_t>(r.d2) - r.d1;
        break;
    }
    if (holds && (best == nullptr || width < best_width)) {
      best = &r;
      best_width = width;
    }
  }
  if (best != nullptr) return best->code;
  for (const CodeRule& r : e.rules)
    if (r.kind == CodeRule::kAny) return r.code;
  return e.fallback;
}

}  // namespace

struct ActorDictionary::Impl {
  AtomTrie actor_trie, agent_trie, country_trie, discard_trie;
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<std::string> countries;  // payloads of country_trie
  std::vector<int> discards;           // 1 sentence, 2 story
  std::unordered_set<std::string> country_codes;  // countries.tsv cameo_code
  // Normalised surname -> indices into `actors` of the people bearing it.
  std::unordered_map<std::string, std::vector<int32_t>> people_by_surname;

  struct DefaultLoader;  // LoadDefault's steps

  // Returns the entry for `atoms`, creating it (named `name`) if new.
  ActorEntry* ActorFor(const std::vector<std::string>& atoms,
                       std::string_view name, bool* created) {
    uint32_t node = actor_trie.Insert(atoms);
    int32_t p = actor_trie.payload(node);
    *created = p == kNoPayload;
    if (p == kNoPayload) {
      p = static_cast<int32_t>(actors.size());
      actors.emplace_back();
      actors.back().name = std::string(name);
      actor_trie.set_payload(node, p);
    }
    return &actors[p];
  }

  // Walks `trie` over words[i...]; returns the number of tokens of the
  // longest match and its payload in *payload. `accept(payload, first)`
  // may refuse a match.
  template <typename Accept>
  size_t Walk(const AtomTrie& trie, const std::vector<std::string_view>& words,
              size_t i, int32_t* payload, Accept accept) const {
    if (i >= words.size()) return 0;
    uint32_t node = 0;
    size_t best = 0;
    size_t end = std::min(words.size(), i + kMaxNameTokens);
    for (size_t t = i; t < end; ++t) {
      size_t n_atoms = 0;
      bool dead = false, compound = false;
      uint32_t last = node;
      ForEachAtom(words[t], [&](std::string_view a) {
        if (dead) return;
        ++n_atoms;
        uint32_t next = trie.Child(node, a);
        if (next == kNoNode) {
          // "Vietnamese-led", "U.S.-backed": a name, then a hyphenated
          // participle in the same token.
          compound = n_atoms > 1 && CompoundSuffixes().count(a) > 0;
          last = node;
          dead = true;
          return;
        }
        node = next;
      });
      if (dead) {
        if (compound) {
          int32_t p = trie.payload(last);
          if (p != kNoPayload && accept(p, words[i])) {
            best = t - i + 1;
            *payload = p;
          }
        }
        break;
      }
      if (n_atoms == 0) {
        if (t == i) return 0;
        continue;  // punctuation inside a name ("Jong - un")
      }
      int32_t p = trie.payload(node);
      if (p != kNoPayload && accept(p, words[i])) {
        best = t - i + 1;
        *payload = p;
      }
    }
    return best;
  }
};

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {}
ActorDictionary::~ActorDictionary() = default;

size_t ActorDictionary::actor_count() const { return impl_->actors.size(); }
size_t ActorDictionary::agent_count() const { return impl_->agents.size(); }

// ---------------------------------------------------------------------------
// Matching

size_t ActorDictionary::MatchActor(const std::vector<std::string_view>& words,
                                   size_t i, std::string_view date,
                                   ActorMatch* match) const {
  int32_t payload = kNoPayload;
  size_t n = impl_->Walk(
      impl_->actor_trie, words, i, &payload,
      [&](int32_t p, std::string_view first) {
        const ActorEntry& e = impl_->actors[p];
        std::string_view whole = first;
        first = first.substr(0, first.find('-'));  // "U.S.-led"
        if (e.upper_only && HasAsciiLower(first)) return false;
        // All lower case ("pole", "armed") is a common word, not the name;
        // "iSrael" or "ISRAEL" is the name written oddly; "al-Qaeda" is
        // capitalised after its article.
        if (e.capitalized && !HasUpperOrNonAscii(whole)) return false;
        return true;
      });
  if (n == 0) return 0;
  const ActorEntry& e = impl_->actors[payload];
  int32_t d = kFarFuture;
  if (!date.empty() && !ParseIsoDate(date, false, &d)) d = kFarFuture;
  if (match != nullptr) {
    match->tokens = n;
    match->code = Resolve(e, d);
    match->name = e.name;
    match->kind = e.kind;
  }
  return n;
}

size_t ActorDictionary::MatchActor(const std::vector<std::string_view>& words,
                                   size_t i, std::string_view date,
                                   std::string* code, std::string* name) const {
  ActorMatch m;
  size_t n = MatchActor(words, i, date, &m);
  if (n == 0) return 0;
  if (code != nullptr) *code = std::move(m.code);
  if (name != nullptr) *name = std::move(m.name);
  return n;
}

size_t ActorDictionary::MatchAgent(const std::vector<std::string_view>& words,
                                   size_t i, std::string* code,
                                   bool* before_actor) const {
  int32_t payload = kNoPayload;
  size_t n = impl_->Walk(impl_->agent_trie, words, i, &payload,
                         [](int32_t, std::string_view) { return true; });
  if (n == 0) return 0;
  const AgentEntry& e = impl_->agents[payload];
  if (code != nullptr) *code = e.code;
  if (before_actor != nullptr) *before_actor = e.before;
  return n;
}

std::string ActorDictionary::CountryOf(std::string_view phrase) const {
  uint32_t node = 0;
  bool any = false;
  ForEachAtom(phrase, [&](std::string_view a) {
    if (node == kNoNode) return;
    any = true;
    node = impl_->country_trie.Child(node, a);
  });
  if (!any || node == kNoNode) return "";
  int32_t p = impl_->country_trie.payload(node);
  return p == kNoPayload ? "" : impl_->countries[p];
}

std::vector<ActorDictionary::ActorMatch> ActorDictionary::SurnameCandidates(
    std::string_view surname, std::string_view date) const {
  std::vector<ActorMatch> out;
  std::string key;
  size_t n_atoms = 0;
  ForEachAtom(surname, [&](std::string_view a) {
    key = std::string(a);
    ++n_atoms;
  });
  if (n_atoms != 1) return out;
  auto it = impl_->people_by_surname.find(key);
  if (it == impl_->people_by_surname.end()) return out;
  int32_t d = kFarFuture;
  if (!date.empty() && !ParseIsoDate(date, false, &d)) d = kFarFuture;
  for (int32_t idx : it->second) {
    const ActorEntry& e = impl_->actors[idx];
    // In office: a dated period holds, or the person has an undated code.
    bool in_office = false;
    for (const CodeRule& r : e.rules) {
      switch (r.kind) {
        case CodeRule::kAny: in_office = true; break;
        case CodeRule::kBefore: in_office |= d < r.d1; break;
        case CodeRule::kFrom: in_office |= d >= r.d1; break;
        case CodeRule::kRange: in_office |= d >= r.d1 && d <= r.d2; break;
      }
    }
    if (!in_office) continue;
    ActorMatch m;
    m.tokens = 1;
    m.code = Resolve(e, d);
    m.name = e.name;
    m.kind = e.kind;
    out.push_back(std::move(m));
  }
  return out;
}

int ActorDictionary::DiscardLevel(std::string_view text) const {
  if (impl_->discards.empty()) return 0;
  std::vector<std::string> atoms;
  size_t start = 0;
  while (start < text.size()) {
    size_t sp = start;
    while (sp < text.size() && text[sp] != ' ' && text[sp] != '\n' &&
           text[sp] != '\t' && text[sp] != '\r')
      ++sp;
    ForEachAtom(text.substr(start, sp - start),
                [&](std::string_view a) { atoms.emplace_back(a); });
    start = sp + 1;
  }
  int level = 0;
  for (size_t b = 0; b < atoms.size() && level < 2; ++b) {
    uint32_t node = 0;
    for (size_t k = b; k < atoms.size(); ++k) {
      node = impl_->discard_trie.Child(node, atoms[k]);
      if (node == kNoNode) break;
      int32_t p = impl_->discard_trie.payload(node);
      if (p != kNoPayload) level = std::max(level, impl_->discards[p]);
    }
  }
  return level;
}

bool ActorDictionary::IsCountryCode(std::string_view code) const {
  return impl_->country_codes.count(std::string(code)) > 0;
}

bool ActorDictionary::Discard(std::string_view sentence) const {
  return DiscardLevel(sentence) != 0;
}

// ---------------------------------------------------------------------------
// PETRARCH formats

namespace {

// Removes PETRARCH comments from one line: everything from '#', and
// "<!-- ... -->" spans; *in_block tracks a block comment across lines.
// Lines starting with "<!" are skipped whole, as PETRARCH does.
std::string StripPetrarchComments(std::string_view line, bool* in_block) {
  std::string s(line);
  if (*in_block) {
    size_t close = s.find("-->");
    if (close == std::string::npos) return "";
    *in_block = false;
    s = s.substr(close + 3);
  }
  std::string t = Trim(s);
  if (t.rfind("<!", 0) == 0) {
    if (t.find("-->") == std::string::npos && t.rfind("<!--", 0) == 0)
      *in_block = true;
    return "";
  }
  size_t hash = s.find('#');
  if (hash != std::string::npos) s.resize(hash);
  while (true) {
    size_t open = s.find("<!--");
    if (open == std::string::npos) break;
    size_t close = s.find("-->", open + 4);
    if (close == std::string::npos) {
      s.resize(open);
      *in_block = true;
      break;
    }
    s.erase(open, close + 3 - open);
  }
  return Trim(s);
}

// Parses the inside of one "[CODE date]" block.
bool ParseCodeBlock(std::string_view inside, CodeRule* rule,
                    std::string* why) {
  std::string s = Trim(inside);
  size_t sp = s.find_first_of(" \t");
  rule->code = s.substr(0, sp);
  if (rule->code.empty()) {
    *why = "empty code";
    return false;
  }
  std::string date;
  if (sp != std::string::npos)
    for (char c : s.substr(sp))
      if (c != ' ' && c != '\t') date.push_back(c);
  if (date.empty()) {
    rule->kind = CodeRule::kAny;
    return true;
  }
  if (date[0] == '<' || date[0] == '>') {
    rule->kind = date[0] == '<' ? CodeRule::kBefore : CodeRule::kFrom;
    if (!ParsePetrarchDate(std::string_view(date).substr(1), &rule->d1)) {
      *why = "bad date restriction '" + date + "'";
      return false;
    }
    return true;
  }
  size_t dash = date.find('-');
  if (dash == std::string::npos) {
    *why = "bad date restriction '" + date + "'";
    return false;
  }
  rule->kind = CodeRule::kRange;
  if (!ParsePetrarchDate(std::string_view(date).substr(0, dash), &rule->d1) ||
      !ParsePetrarchDate(std::string_view(date).substr(dash + 1),
                         &rule->d2) ||
      rule->d2 < rule->d1) {
    *why = "bad date interval '" + date + "'";
    return false;
  }
  return true;
}

// Parses every "[...]" block of `s` into `rules`; false on a bad block.
bool ParseCodeBlocks(std::string_view s, std::vector<CodeRule>* rules,
                     std::string* why) {
  size_t pos = 0;
  while (true) {
    size_t open = s.find('[', pos);
    if (open == std::string_view::npos) return true;
    size_t close = s.find(']', open + 1);
    std::string_view inside =
        close == std::string_view::npos ? s.substr(open + 1)
                                        : s.substr(open + 1, close - open - 1);
    CodeRule r;
    if (!ParseCodeBlock(inside, &r, why)) return false;
    rules->push_back(std::move(r));
    if (close == std::string_view::npos) return true;
    pos = close + 1;
  }
}

// A PETRARCH phrase ("UNITED_STATES", "PRESIDENT HOSNI MURBARAK", "UN_")
// as display name and atoms.
std::string PetrarchName(std::string_view phrase) {
  std::string name;
  for (char c : phrase) name.push_back(c == '_' ? ' ' : c);
  return Trim(name);
}

// Whether a name as written in a mixed-case dictionary starts with a
// capital letter; such a name matches only capitalised text ("Pole", not
// "pole"; "Armed Islamic Group", not "armed Islamic group").
bool StartsUpper(std::string_view original) {
  return !original.empty() && original[0] >= 'A' && original[0] <= 'Z';
}

bool IsUpperOnly(const std::vector<std::string>& atoms,
                 std::string_view original, bool mixed_case_source) {
  if (atoms.size() != 1 || HasAsciiLower(original)) return false;
  if (CommonWords().count(atoms[0])) return true;
  return mixed_case_source && atoms[0].size() <= 3;
}

}  // namespace

Status ActorDictionary::LoadPetrarchActors(const std::string& path) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  return ParsePetrarchActors(text, path);
}

Status ActorDictionary::LoadPetrarchAgents(const std::string& path) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  return ParsePetrarchAgents(text, path);
}

Status ActorDictionary::LoadPetrarchDiscards(const std::string& path) {
  std::string text;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return s;
  return ParsePetrarchDiscards(text, path);
}

Status ActorDictionary::ParsePetrarchActors(std::string_view text,
                                            std::string_view name) {
  LoadStats stats;
  LineErrors errors;
  bool in_block = false;
  // The current group: a base phrase, its synonyms, and their codes.
  std::vector<std::string> group;  // phrases as written
  std::vector<CodeRule> rules;
  bool group_ok = true;
  auto flush = [&]() {
    if (!group.empty() && group_ok) {
      std::string display = PetrarchName(group[0]);
      for (const std::string& phrase : group) {
        std::vector<std::string> atoms = PhraseAtoms(PetrarchName(phrase));
        if (atoms.empty()) continue;
        bool created = false;
        ActorEntry* e = impl_->ActorFor(atoms, display, &created);
        // A later definition replaces an earlier one, as in PETRARCH.
        e->name = display;
        e->rules = rules;
        e->fallback.clear();
        e->upper_only = IsUpperOnly(atoms, phrase, false);
        ++stats.entries;
      }
    }
    group.clear();
    rules.clear();
    group_ok = true;
  };
  ForEachLine(text, [&](size_t lineno, std::string_view raw) {
    std::string line = StripPetrarchComments(raw, &in_block);
    if (line.empty()) return;
    ++stats.lines;
    std::string why;
    if (line[0] == '[') {
      if (group.empty()) {
        errors.Add(lineno, "code block with no actor before it");
        return;
      }
      if (!ParseCodeBlocks(line, &rules, &why)) {
        errors.Add(lineno, why);
        group_ok = false;
      }
      return;
    }
    bool synonym = line[0] == '+';
    if (!synonym) flush();
    std::string_view body = std::string_view(line).substr(synonym ? 1 : 0);
    size_t open = body.find('[');
    std::string phrase = Trim(body.substr(0, open));
    if (phrase.empty() || PhraseAtoms(PetrarchName(phrase)).empty()) {
      errors.Add(lineno, "no actor phrase");
      if (!synonym) group_ok = false;
      return;
    }
    if (synonym && group.empty()) {
      errors.Add(lineno, "synonym with no actor before it");
      return;
    }
    group.push_back(phrase);
    if (open != std::string_view::npos &&
        !ParseCodeBlocks(body.substr(open), &rules, &why)) {
      errors.Add(lineno, why);
      group_ok = false;
    }
  });
  flush();
  stats.skipped = errors.count();
  actor_stats_ = stats;
  return errors.ToStatus(name);
}

namespace {

// The regular plural of a phrase's last word, PETRARCH-style: -y after a
// consonant -> -ies; -s, -x, -z, -ch, -sh -> -es; -man -> -men; else -s.
std::string RegularPlural(const std::string& phrase) {
  if (phrase.empty()) return phrase;
  auto upper = [](char c) { return static_cast<char>(c & ~0x20); };
  size_t n = phrase.size();
  char last = upper(phrase[n - 1]);
  bool caps = phrase[n - 1] >= 'A' && phrase[n - 1] <= 'Z';
  auto suffix = [&](std::string_view s) {
    std::string out;
    for (char c : s) out.push_back(caps ? upper(c) : c);
    return out;
  };
  if (n >= 3 && upper(phrase[n - 3]) == 'M' && upper(phrase[n - 2]) == 'A' &&
      last == 'N')
    return phrase.substr(0, n - 2) + suffix("en");
  if (last == 'Y' && n >= 2 &&
      std::string_view("AEIOU").find(upper(phrase[n - 2])) ==
          std::string_view::npos)
    return phrase.substr(0, n - 1) + suffix("ies");
  if (last == 'S' || last == 'X' || last == 'Z' ||
      (n >= 2 && (upper(phrase[n - 2]) == 'C' || upper(phrase[n - 2]) == 'S') &&
       last == 'H'))
    return phrase + suffix("es");
  return phrase + suffix("s");
}

}  // namespace

Status ActorDictionary::ParsePetrarchAgents(std::string_view text,
                                            std::string_view name) {
  LoadStats stats;
  LineErrors errors;
  bool in_block = false;
  std::unordered_map<std::string, std::vector<std::string>> markers;
  auto store = [&](const std::string& phrase, const AgentEntry& entry) {
    std::vector<std::string> atoms = PhraseAtoms(PetrarchName(phrase));
    if (atoms.empty()) return;
    uint32_t node = impl_->agent_trie.Insert(atoms);
    int32_t p = impl_->agent_trie.payload(node);
    if (p == kNoPayload) {
      p = static_cast<int32_t>(impl_->agents.size());
      impl_->agents.push_back(entry);
      impl_->agent_trie.set_payload(node, p);
    } else {
      impl_->agents[p] = entry;
    }
    ++stats.entries;
  };
  ForEachLine(text, [&](size_t lineno, std::string_view raw) {
    std::string line = StripPetrarchComments(raw, &in_block);
    if (line.empty()) return;
    ++stats.lines;
    if (line[0] == '!' && line.find('[') == std::string::npos) {
      // !MARKER! = WORD, WORD, ...
      size_t close = line.find('!', 1);
      size_t eq = line.find('=');
      if (close == std::string::npos || eq == std::string::npos ||
          eq < close) {
        errors.Add(lineno, "bad substitution marker");
        return;
      }
      std::string marker = line.substr(0, close + 1);
      std::vector<std::string>& words = markers[marker];
      words.clear();
      for (std::string_view w : Split(std::string_view(line).substr(eq + 1), ','))
        if (!Trim(w).empty()) words.push_back(Trim(w));
      if (words.empty()) errors.Add(lineno, "marker with no words");
      return;
    }
    size_t open = line.find('[');
    size_t close = open == std::string::npos ? open : line.find(']', open);
    if (open == std::string::npos || close == std::string::npos) {
      errors.Add(lineno, "no [code]");
      return;
    }
    std::string code = Trim(std::string_view(line).substr(open + 1,
                                                          close - open - 1));
    AgentEntry entry;
    size_t tilde = code.find('~');
    if (tilde == std::string::npos) {
      entry.code = code;  // PETRARCH reads a bare code as a suffix
    } else {
      entry.before = tilde + 1 == code.size();
      code.erase(tilde, 1);
      entry.code = Trim(code);
    }
    if (entry.code.empty()) {
      errors.Add(lineno, "empty code");
      return;
    }
    std::string head = Trim(std::string_view(line).substr(0, open));
    std::vector<std::string> plurals;
    bool explicit_plural = false;
    size_t brace = head.find('{');
    if (brace != std::string::npos) {
      explicit_plural = true;
      size_t end = head.find('}', brace);
      std::string inside = head.substr(
          brace + 1, end == std::string::npos ? std::string::npos
                                              : end - brace - 1);
      for (std::string_view p : Split(inside, ' '))
        for (std::string_view q : Split(p, ','))
          if (!Trim(q).empty()) plurals.push_back(Trim(q));
      head = Trim(std::string_view(head).substr(0, brace));
    }
    if (head.empty()) {
      errors.Add(lineno, "no agent phrase");
      return;
    }
    // Expand one !MARKER! (PETRARCH allows one per phrase).
    std::vector<std::string> forms;
    size_t m1 = head.find('!');
    size_t m2 = m1 == std::string::npos ? m1 : head.find('!', m1 + 1);
    if (m1 != std::string::npos) {
      auto it = m2 == std::string::npos
                    ? markers.end()
                    : markers.find(head.substr(m1, m2 - m1 + 1));
      if (it == markers.end()) {
        errors.Add(lineno, "undefined substitution marker");
        return;
      }
      for (const std::string& w : it->second)
        forms.push_back(head.substr(0, m1) + w + head.substr(m2 + 1));
    } else {
      forms.push_back(head);
      if (explicit_plural) {
        for (const std::string& p : plurals) forms.push_back(p);
      } else {
        forms.push_back(RegularPlural(head));
      }
    }
    for (const std::string& f : forms) store(f, entry);
  });
  stats.skipped = errors.count();
  agent_stats_ = stats;
  return errors.ToStatus(name);
}

Status ActorDictionary::ParsePetrarchDiscards(std::string_view text,
                                              std::string_view name) {
  LoadStats stats;
  LineErrors errors;
  bool in_block = false;
  ForEachLine(text, [&](size_t lineno, std::string_view raw) {
    std::string line = StripPetrarchComments(raw, &in_block);
    if (line.empty()) return;
    ++stats.lines;
    int level = 1;
    std::string_view body = line;
    if (body[0] == '+') {
      level = 2;
      body.remove_prefix(1);
    }
    std::vector<std::string> atoms;
    const std::string phrase = PetrarchName(body);
    for (std::string_view w : Split(phrase, ' '))
      ForEachAtom(w, [&](std::string_view a) { atoms.emplace_back(a); });
    if (atoms.empty()) {
      errors.Add(lineno, "no discard phrase");
      return;
    }
    uint32_t node = impl_->discard_trie.Insert(atoms);
    int32_t p = impl_->discard_trie.payload(node);
    if (p == kNoPayload) {
      p = static_cast<int32_t>(impl_->discards.size());
      impl_->discards.push_back(level);
      impl_->discard_trie.set_payload(node, p);
    } else {
      impl_->discards[p] = level;
    }
    ++stats.entries;
  });
  stats.skipped = errors.count();
  discard_stats_ = stats;
  return errors.ToStatus(name);
}

// ---------------------------------------------------------------------------
// dateline's own TSV dictionaries

namespace {

// A TSV file with a "# name<TAB>..." header comment naming its columns.
class TsvTable {
 public:
  // Takes the text; rows are views into it.
  Status Parse(std::string text, std::string_view file,
               const std::vector<std::string>& required) {
    file_ = std::string(file);
    text_ = std::move(text);
    ForEachLine(text_, [&](size_t lineno, std::string_view line) {
      if (line.empty()) return;
      if (line[0] == '#') {
        std::string_view h = line.substr(1);
        while (!h.empty() && h[0] == ' ') h.remove_prefix(1);
        if (columns_.empty() && h.rfind("name\t", 0) == 0) {
          auto cols = Split(h, '\t');
          for (size_t k = 0; k < cols.size(); ++k)
            columns_[Trim(cols[k])] = k;
        }
        return;
      }
      rows_.push_back({lineno, Split(line, '\t')});
    });
    for (const std::string& c : required)
      if (!columns_.count(c))
        return Status::Corruption(file_, "no column '" + c + "' in header");
    return Status::OK();
  }
  struct Row {
    size_t lineno;
    std::vector<std::string_view> fields;
  };
  const std::vector<Row>& rows() const { return rows_; }
  std::string_view Get(const Row& r, const std::string& col) const {
    auto it = columns_.find(col);
    if (it == columns_.end() || it->second >= r.fields.size()) return {};
    return r.fields[it->second];
  }
  bool Has(const std::string& col) const { return columns_.count(col) > 0; }

 private:
  std::string file_, text_;
  std::unordered_map<std::string, size_t> columns_;
  std::vector<Row> rows_;
};

std::vector<std::string> ListField(std::string_view f) {
  std::vector<std::string> out;
  if (f.empty()) return out;
  for (std::string_view v : Split(f, '|'))
    if (!Trim(v).empty()) out.push_back(Trim(v));
  return out;
}

// Sets the period of *rule from an office's ISO `start` and `end` ("" for
// an open end): a range, from, before or (neither) any. Returns false on
// a bad date, leaving *rule as it was.
bool SetPeriod(const std::string& start, const std::string& end,
               CodeRule* rule) {
  int32_t d1 = 0, d2 = 0;
  bool ok = true;
  if (!start.empty()) ok = ParseIsoDate(start, false, &d1);
  if (ok && !end.empty()) ok = ParseIsoDate(end, true, &d2);
  if (!ok) return false;
  if (!start.empty() && !end.empty()) {
    rule->kind = CodeRule::kRange;
    rule->d1 = d1;
    rule->d2 = d2;
  } else if (!start.empty()) {
    rule->kind = CodeRule::kFrom;
    rule->d1 = d1;
  } else if (!end.empty()) {
    rule->kind = CodeRule::kBefore;
    rule->d1 = d2 + 1;
  }
  return true;
}

}  // namespace

// Reads dateline's tables (LoadDefault) into a dictionary's Impl, a step
// per table, and keeps what the steps share: the statistics, the problems
// met (for the Status), ISO to CAMEO country codes, the leaders and the
// people of actors.tsv (for the surname pass).
struct ActorDictionary::Impl::DefaultLoader {
  DefaultLoader(const std::string& data_dir, Impl* impl)
      : data_dir(data_dir), im(*impl) {}

  // Notes a skipped row (the first 12 are named in the Status).
  void Note(const Status& s) {
  if (s.ok()) return;
  if (++n_problems > 12) return;
  if (!problems.empty()) problems += " | ";
  problems += s.message();
  }
  // Reads data_dir/rel into *t; a missing file that is not `required` is
  // NotFound.
  Status Read(const std::string& rel, TsvTable* t,
              const std::vector<std::string>& cols, bool required) {
  std::string text, path = data_dir + "/" + rel;
  Status s = ReadFile(path, &text);
  if (!s.ok()) return required ? s : Status::NotFound(path);
  return t->Parse(std::move(text), path, cols);
  }
  // Adds `phrase` as an actor with an unrestricted code; an existing entry
  // keeps its codes (the first file that names a phrase wins).
  void AddFixed(const std::string& phrase, const std::string& display,
                const std::string& code, ActorKind kind) {
  std::vector<std::string> atoms = PhraseAtoms(phrase);
  if (atoms.empty() || code.empty()) return;
  bool created = false;
  ActorEntry* e = im.ActorFor(atoms, display, &created);
  if (!created) return;
  e->rules.push_back({code, CodeRule::kAny, 0, 0});
  e->kind = kind;
  e->upper_only = IsUpperOnly(atoms, phrase, true);
  e->capitalized = StartsUpper(phrase);
  ++stats.entries;
  }
  // Adds `phrase` as a name of the country `code` (the first one wins).
  void AddCountryName(const std::string& phrase, const std::string& code) {
  std::vector<std::string> atoms = PhraseAtoms(phrase);
  if (atoms.empty() || code.empty()) return;
  uint32_t node = im.country_trie.Insert(atoms);
  if (im.country_trie.payload(node) != kNoPayload) return;
  im.country_trie.set_payload(node,
                              static_cast<int32_t>(im.countries.size()));
  im.countries.push_back(code);
  }

  Status LoadAgents();
  Status LoadCountries();
  Status LoadRegions();
  Status LoadOrganizations();
  Status LoadLeaders();
  Status LoadPlaces();
  Status LoadExtraActors();
  void AddSurnames();

  const std::string& data_dir;
  Impl& im;
  LoadStats stats;
  std::string problems;
  size_t n_problems = 0;
  std::unordered_map<std::string, std::string> iso_to_cameo;
  std::vector<LeaderRow> leaders;
  // People of actors.tsv (rows with a period) join the surname pass.
  std::vector<std::pair<std::string, std::string>> extra_people;  // name, country
};

// Agents: phrase, code, plural forms ("" = the regular plural, "-" = none).
Status ActorDictionary::Impl::DefaultLoader::LoadAgents() {
  Status s;
  TsvTable agents;
  s = Read("events/agents.tsv", &agents, {"name", "code"}, true);
  if (!s.ok()) return s;
  for (const auto& r : agents.rows()) {
    ++stats.lines;
    std::string phrase = Trim(agents.Get(r, "name"));
    std::string code = Trim(agents.Get(r, "code"));
    if (phrase.empty() || code.empty()) {
      Note(Status::Corruption(
          "events/agents.tsv line " + std::to_string(r.lineno),
          "empty name or code"));
      continue;
    }
    AgentEntry entry;
    entry.code = code;
    if (!code.empty() && code.back() == '~') {
      entry.before = true;
      entry.code.pop_back();
    }
    std::vector<std::string> forms = {phrase};
    std::string plural = Trim(agents.Get(r, "plural"));
    if (plural.empty()) {
      forms.push_back(RegularPlural(phrase));
    } else if (plural != "-") {
      for (auto& p : ListField(plural)) forms.push_back(p);
    }
    for (auto& a : ListField(agents.Get(r, "aliases"))) forms.push_back(a);
    for (const auto& f : forms) {
      std::vector<std::string> atoms = PhraseAtoms(f);
      if (atoms.empty()) continue;
      uint32_t node = im.agent_trie.Insert(atoms);
      if (im.agent_trie.payload(node) != kNoPayload) continue;
      im.agent_trie.set_payload(node, static_cast<int32_t>(im.agents.size()));
      im.agents.push_back(entry);
    }
  }
  return Status::OK();
}

// Countries: names, aliases and demonyms are the country; the capital is
// the country too (as in CAMEO dictionaries: "Moscow" -> RUS); other
// metonyms are its government ("Kremlin" -> RUSGOV).
Status ActorDictionary::Impl::DefaultLoader::LoadCountries() {
  Status s;
  TsvTable countries;
  s = Read("gazetteers/countries.tsv", &countries,
                  {"name", "iso3", "cameo_code"}, true);
  if (!s.ok()) return s;
  for (const auto& r : countries.rows()) {
    ++stats.lines;
    std::string name = Trim(countries.Get(r, "name"));
    std::string code = Trim(countries.Get(r, "cameo_code"));
    std::string iso = Trim(countries.Get(r, "iso3"));
    if (name.empty() || code.empty()) continue;
    if (!iso.empty()) iso_to_cameo.emplace(iso, code);
    im.country_codes.insert(code);
    std::vector<std::string> names = {name};
    for (auto& a : ListField(countries.Get(r, "aliases"))) names.push_back(a);
    for (auto& a : ListField(countries.Get(r, "demonyms"))) names.push_back(a);
    std::vector<std::string> capitals = ListField(countries.Get(r, "capital"));
    for (const auto& n : names) {
      AddFixed(n, name, code, ActorKind::kCountry);
      AddCountryName(n, code);
    }
    for (const auto& c : capitals) {
      AddFixed(c, name, code, ActorKind::kCapital);
      AddCountryName(c, code);
    }
    for (const auto& m : ListField(countries.Get(r, "government_metonyms"))) {
      bool is_capital =
          std::find(capitals.begin(), capitals.end(), m) != capitals.end() ||
          (!capitals.empty() && capitals[0].rfind(m + ",", 0) == 0);
      AddFixed(m, name, is_capital ? code : code + "GOV",
                is_capital ? ActorKind::kCapital : ActorKind::kMetonym);
      AddCountryName(m, code);
    }
  }
  return Status::OK();
}

// World regions (events/regions.tsv): the adjectives of a region's
// countries as a group are a country-like party ("European leaders":
// EURGOV); the region's own name stays a place.
Status ActorDictionary::Impl::DefaultLoader::LoadRegions() {
  TsvTable regions;
  Status s = Read("events/regions.tsv", &regions,
                  {"name", "cameo_code", "demonyms"}, false);
  if (s.IsNotFound()) return Status::OK();
  if (!s.ok()) return s;
  for (const auto& r : regions.rows()) {
    ++stats.lines;
    std::string name = Trim(regions.Get(r, "name"));
    std::string code = Trim(regions.Get(r, "cameo_code"));
    if (name.empty() || code.size() != 3) continue;
    for (const auto& d : ListField(regions.Get(r, "demonyms"))) {
      AddFixed(d, name, code, ActorKind::kCountry);
    }
  }
  return Status::OK();
}

Status ActorDictionary::Impl::DefaultLoader::LoadOrganizations() {
  Status s;
  TsvTable orgs;
  s = Read("gazetteers/organizations.tsv", &orgs, {"name", "cameo_code"},
           true);
  if (!s.ok()) return s;
  for (const auto& r : orgs.rows()) {
    ++stats.lines;
    std::string name = Trim(orgs.Get(r, "name"));
    std::string code = Trim(orgs.Get(r, "cameo_code"));
    if (name.empty() || code.empty()) continue;  // no known code: not an actor
    // A bare generic name that is also a sector word ("Congress", "Senate",
    // "National Security Council") is left to the agent dictionary: which
    // country's body it is depends on the text ("Rwanda's Senate").
    auto add_org = [&](const std::string& phrase) {
      std::vector<std::string> atoms = PhraseAtoms(phrase);
      uint32_t node = 0;
      for (const std::string& a : atoms) {
        node = im.agent_trie.Child(node, a);
        if (node == kNoNode) break;
      }
      if (node != kNoNode && im.agent_trie.payload(node) != kNoPayload) return;
      AddFixed(phrase, name, code, ActorKind::kOrganization);
    };
    add_org(name);
    for (auto& a : ListField(orgs.Get(r, "aliases"))) add_org(a);
  }
  return Status::OK();
}

// Leaders: one rule per row and period; out of office, a person with a
// country is one of its elites (CAMEO ELI).
Status ActorDictionary::Impl::DefaultLoader::LoadLeaders() {
  Status s;
  const size_t first_leader = im.actors.size();
  s = ReadLeaders(data_dir + "/gazetteers/leaders.tsv", &leaders);
  if (!s.ok()) return s;
  for (const LeaderRow& r : leaders) {
    ++stats.lines;
    const std::string& name = r.name;
    const std::string& code = r.cameo_actor;
    if (code.empty()) continue;
    const std::string& start = r.start;
    const std::string& end = r.end;
    CodeRule rule;
    rule.code = code;
    if (!SetPeriod(start, end, &rule)) {
      Note(Status::Corruption(
          "gazetteers/leaders.tsv line " + std::to_string(r.line),
          "bad date"));
      continue;
    }
    const std::string& iso = r.country;
    auto c = iso_to_cameo.find(iso);
    std::string fallback = c == iso_to_cameo.end() ? "" : c->second + "ELI";
    std::vector<std::string> names = {name};
    names.insert(names.end(), r.aliases.begin(), r.aliases.end());
    for (const auto& n : names) {
      std::vector<std::string> atoms = PhraseAtoms(n);
      if (atoms.empty()) continue;
      bool created = false;
      ActorEntry* e = im.ActorFor(atoms, name, &created);
      if (created) {
        e->kind = ActorKind::kPerson;
        e->upper_only = IsUpperOnly(atoms, n, true);
        e->capitalized = StartsUpper(n);
      }
      // A country or organisation of the same name keeps its code.
      if (!created && static_cast<size_t>(e - im.actors.data()) < first_leader)
        continue;
      e->rules.push_back(rule);
      if (e->fallback.empty()) e->fallback = fallback;
      ++stats.entries;
    }
  }
  return Status::OK();
}

// Places: a city or region of one country stands for that country, as in
// CAMEO country dictionaries ("Zurich" -> CHE); seas, world regions and
// places of several or disputed countries are left out.
// The gazetteers' places first, then data/events/places.tsv (places the
// gazetteers lack; a name already present keeps its first entry).
Status ActorDictionary::Impl::DefaultLoader::LoadPlaces() {
  Status s;
  for (const char* file : {"gazetteers/places.tsv", "events/places.tsv"}) {
    TsvTable places;
    s = Read(file, &places, {"name", "type", "country_iso3"}, false);
    if (!s.ok() && !s.IsNotFound()) return s;
    if (!s.ok()) continue;
    for (const auto& r : places.rows()) {
      ++stats.lines;
      std::string type = Trim(places.Get(r, "type"));
      std::string iso = Trim(places.Get(r, "country_iso3"));
      if (type == "geo" || iso.empty() || iso.find('|') != std::string::npos)
        continue;
      auto c = iso_to_cameo.find(iso);
      if (c == iso_to_cameo.end()) continue;
      std::string name = Trim(places.Get(r, "name"));
      AddFixed(name, name, c->second, ActorKind::kPlace);
      for (auto& a : ListField(places.Get(r, "aliases")))
        AddFixed(a, name, c->second, ActorKind::kPlace);
    }
  }
  return Status::OK();
}

// Extra actors of data/events/actors.tsv come last: an undated code there
// goes before the gazetteers' code (overrides it), a dated one is added to
// the person's periods.
Status ActorDictionary::Impl::DefaultLoader::LoadExtraActors() {
  Status s;
  TsvTable extra;
  s = Read("events/actors.tsv", &extra, {"name", "code"}, false);
  if (!s.ok() && !s.IsNotFound()) return s;
  if (s.ok()) {
    for (const auto& r : extra.rows()) {
      ++stats.lines;
      std::string name = Trim(extra.Get(r, "name"));
      std::string code = Trim(extra.Get(r, "code"));
      if (name.empty() || code.empty()) {
        Note(Status::Corruption("events/actors.tsv line " +
                                    std::to_string(r.lineno),
                                "empty name or code"));
        continue;
      }
      std::string start = Trim(extra.Get(r, "start"));
      std::string end = Trim(extra.Get(r, "end"));
      CodeRule rule;
      rule.code = code;
      if (!SetPeriod(start, end, &rule)) {
        Note(Status::Corruption("events/actors.tsv line " +
                                    std::to_string(r.lineno),
                                "bad date"));
        continue;
      }
      std::string fallback = Trim(extra.Get(r, "fallback"));
      // The person's country: the fallback's, else the code's ("IGO..." for
      // an international post would split a person into two countries).
      // kind: person | group | party | place; without the column, dated
      // rows are people and undated ones groups.
      std::string kind_field = Trim(extra.Get(r, "kind"));
      bool person = kind_field.empty() ? rule.kind != CodeRule::kAny
                                       : kind_field == "person";
      ActorKind kind = person                  ? ActorKind::kPerson
                       : kind_field == "place" ? ActorKind::kPlace
                       : kind_field == "party" ? ActorKind::kParty
                                               : ActorKind::kOrganization;
      if (person)
        extra_people.emplace_back(
            name, (fallback.empty() ? code : fallback).substr(0, 3));
      std::vector<std::string> names = {name};
      for (auto& a : ListField(extra.Get(r, "aliases"))) names.push_back(a);
      for (const auto& n : names) {
        std::vector<std::string> atoms = PhraseAtoms(n);
        if (atoms.empty()) continue;
        bool created = false;
        ActorEntry* e = im.ActorFor(atoms, name, &created);
        if (created) {
          e->kind = kind;
          e->upper_only = IsUpperOnly(atoms, n, true);
          e->capitalized = StartsUpper(n);
        }
        // A party stays one whatever table named it first.
        if (kind == ActorKind::kParty) e->kind = kind;
        if (rule.kind == CodeRule::kAny)
          e->rules.insert(e->rules.begin(), rule);
        else
          e->rules.push_back(rule);
        if (!fallback.empty()) e->fallback = fallback;
        ++stats.entries;
      }
    }
  }
  return Status::OK();
}

// Surnames: news names a known person by surname alone ("Putin said").
// The family name is the last word, or the first for Chinese and Korean
// names. A surname is left out when people of different countries share
// it ("Kim", "Lee"), when it is already a name of anything else, or when
// it is a common word or given name (SurnameIsAlsoAWord); it matches only
// capitalised text.
void ActorDictionary::Impl::DefaultLoader::AddSurnames() {
  struct Candidate {
    std::set<std::string> countries, people;
    std::vector<CodeRule> rules;
    std::string fallback, display;
    std::vector<std::string> key;  // the surname's atoms
  };
  std::map<std::string, Candidate> surnames;
  std::set<std::string> seen_rows;
  std::vector<std::pair<std::string, std::string>> people;  // name, country
  for (const LeaderRow& r : leaders) {
    if (!r.cameo_actor.empty()) people.emplace_back(r.name, r.country);
  }
  for (const auto& p : extra_people) people.push_back(p);
  for (const auto& [name, iso] : people) {
    std::vector<std::string> atoms = PhraseAtoms(name);
    if (atoms.size() < 2) continue;
    bool family_first = iso == "CHN" || iso == "PRK" || iso == "KOR" ||
                        iso == "TWN" || iso == "HKG" || iso == "MAC";
    std::string surname = family_first ? atoms.front() : atoms.back();
    // Every person goes into the surname index (SurnameCandidates), even
    // when the surname alone is too ambiguous to be a name.
    {
      uint32_t pn = 0;
      for (const std::string& a : atoms) {
        if (pn == kNoNode) break;
        pn = im.actor_trie.Child(pn, a);
      }
      if (pn != kNoNode && im.actor_trie.payload(pn) != kNoPayload) {
        auto& v = im.people_by_surname[surname];
        int32_t idx = im.actor_trie.payload(pn);
        if (std::find(v.begin(), v.end(), idx) == v.end()) v.push_back(idx);
      }
    }
    // A hyphenated family name ("Kilroy-Silk", "Kramp-Karrenbauer") is
    // also a key of its own, all its atoms ("Silk" alone may be a word);
    // the last atom stays one ("Assad" for "al-Assad").
    std::vector<std::vector<std::string>> keys = {{surname}};
    if (!family_first) {
      size_t sp = name.find_last_of(' ');
      std::vector<std::string> whole =
          PhraseAtoms(sp == std::string::npos ? name : name.substr(sp + 1));
      if (whole.size() > 1 && whole.size() < atoms.size())
        keys.push_back(whole);
    }
    for (const std::vector<std::string>& key : keys) {
      std::string surname_key;
      for (const std::string& a : key)
        surname_key += (surname_key.empty() ? "" : " ") + a;
      if (SurnameIsAlsoAWord(surname_key)) continue;
      uint32_t node = 0;
      bool exists = true;
      for (const std::string& a : key) {
        node = im.actor_trie.Child(node, a);
        if (node == kNoNode) {
          exists = false;
          break;
        }
      }
      if (exists && im.actor_trie.payload(node) != kNoPayload) continue;
      uint32_t agent_node = 0;
      for (const std::string& a : key) {
        if (agent_node != kNoNode)
          agent_node = im.agent_trie.Child(agent_node, a);
      }
      if (agent_node != kNoNode &&
          im.agent_trie.payload(agent_node) != kNoPayload)
        continue;
      // The person's entry holds their rules and fallback already.
      std::vector<std::string> name_atoms = PhraseAtoms(name);
      uint32_t pn = 0;
      for (const std::string& a : name_atoms) {
        if (pn == kNoNode) break;
        pn = im.actor_trie.Child(pn, a);
      }
      if (pn == kNoNode || im.actor_trie.payload(pn) == kNoPayload) continue;
      if (!seen_rows.insert(surname_key + "\t" + name).second) continue;
      const ActorEntry& person = im.actors[im.actor_trie.payload(pn)];
      Candidate& c = surnames[surname_key];
      c.countries.insert(iso);
      c.people.insert(name);
      for (const CodeRule& rule : person.rules) c.rules.push_back(rule);
      if (c.fallback.empty()) c.fallback = person.fallback;
      c.display = name;
      c.key = key;
    }
  }
  for (auto& [surname, c] : surnames) {
    if (c.countries.size() != 1) continue;
    const std::vector<std::string>& key = c.key;
    bool created = false;
    std::string display = c.people.size() == 1 ? c.display : surname;
    if (c.people.size() > 1 && !display.empty())
      display[0] = static_cast<char>(display[0] & ~0x20);
    ActorEntry* e = im.ActorFor(key, display, &created);
    if (!created) continue;
    e->rules = c.rules;
    e->fallback = c.fallback;
    e->kind = ActorKind::kSurname;
    e->capitalized = true;
    ++stats.entries;
  }
}

Status ActorDictionary::LoadDefault(const std::string& data_dir,
                                    std::unique_ptr<ActorDictionary>* out) {
  auto dict = std::make_unique<ActorDictionary>();
  Impl::DefaultLoader loader(data_dir, dict->impl_.get());
  for (Status (Impl::DefaultLoader::*step)() :
       {&Impl::DefaultLoader::LoadAgents, &Impl::DefaultLoader::LoadCountries,
        &Impl::DefaultLoader::LoadRegions,
        &Impl::DefaultLoader::LoadOrganizations,
        &Impl::DefaultLoader::LoadLeaders, &Impl::DefaultLoader::LoadPlaces,
        &Impl::DefaultLoader::LoadExtraActors}) {
    Status s = (loader.*step)();
    if (!s.ok()) return s;
  }
  loader.AddSurnames();
  const size_t n_problems = loader.n_problems;
  const std::string& problems = loader.problems;
  dict->actor_stats_ = loader.stats;
  *out = std::move(dict);
  if (n_problems > 0)
    return Status::Corruption(
        data_dir, std::to_string(n_problems) + " row(s) skipped: " + problems +
                      (n_problems > 12 ? " | ..." : ""));
  return Status::OK();
}

}  // namespace dateline

// Reader for PETRARCH-2 verb dictionaries (the format of
// PETR.Validate.verbs.txt and CAMEO.2.0.txt), turned into EventPatterns.
//
// What is read: synonym sets ("&NAME" then "+word" lines, possibly nesting
// other sets), verb blocks ("--- NAME [code] ---", then the verb and its
// irregular forms "WORD {FORMS}" on the following lines, each with an
// optional own code), and pattern lines "- words * words [code]" where "*"
// stands for the verb, words before it must precede it and words after it
// follow it. Connected words ("A_B") are read as consecutive words. The
// source/target slot markers "$" and "+" and the compound marker "%" are
// dropped: the coder finds actors by its own rules. "[---]" means no code.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/ascii.h"

#include "events/event_coder.h"

namespace dateline {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Takes "[code]" out of `line`; returns "" when there is none. "[a:b]" is
// PETRARCH's pair of codes: a for source -> target, b for target -> source,
// put in *reverse.
std::string TakeCode(std::string* line, std::string* reverse = nullptr) {
  size_t b = line->find('[');
  if (b == std::string::npos) return "";
  size_t e = line->find(']', b);
  if (e == std::string::npos) return "";
  std::string code = Trim(line->substr(b + 1, e - b - 1));
  line->erase(b, e - b + 1);
  size_t colon = code.find(':');
  if (colon != std::string::npos) {
    if (reverse) *reverse = Trim(code.substr(colon + 1));
    code = code.substr(0, colon);
  }
  return code;
}

// Splits on spaces; a word connected to the one before by "_" ("NEW_TIES")
// keeps a leading "_": it must follow that word directly.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) {
    size_t b = 0;
    bool first = true;
    while (b <= w.size()) {
      size_t u = w.find('_', b);
      if (u == std::string::npos) u = w.size();
      std::string piece = w.substr(b, u - b);
      if (!piece.empty()) out.push_back(first ? piece : "_" + piece);
      first = false;
      b = u + 1;
    }
  }
  return out;
}

// A pattern line or verb line as read, before synonym sets expand.
struct Raw {
  std::string code, reverse;
  bool compound = false;
  std::vector<std::string> before, after;
  std::vector<std::string> verbs;
  int line;
};

// The reader of a dictionary's lines: the synonym sets, the verb block
// being read and the patterns read so far.
struct PetrarchReader {
  std::map<std::string, std::vector<std::string>> synsets;
  std::string current_set;
  std::string block_code, block_reverse;
  std::vector<std::string> block_verbs;  // lemmas of the current block
  bool in_block_head = false;
  std::vector<Raw> raws;

  // Reads line n: a synonym set's name or member, a verb block's head, a
  // pattern line or a verb line.
  void ReadLine(std::string line, int n);
  // Reads a pattern line ("- words * words [code]", `t` trimmed).
  void ReadPattern(const std::string& t, int n);
  // Reads a verb line of a block's head ("WORD {FORM FORM}  [code]").
  void ReadVerb(const std::string& t, int n);
  // Returns the word lists `words` stands for, synonym sets expanded (one
  // level of nesting is enough for the files in use; deeper sets expand
  // through the same loop); at most 256.
  std::vector<std::vector<std::string>> Expand(
      const std::vector<std::string>& words) const;
};

void PetrarchReader::ReadLine(std::string line, int n) {
  size_t hash = line.find('#');
  if (hash != std::string::npos) line = line.substr(0, hash);
  if (line.find("<!--") != std::string::npos) return;
  std::string t = Trim(line);
  if (t.empty()) {
    current_set.clear();
    return;
  }
  if (t[0] == '&') {
    // "&PREPOSIT1_" is used as "&PREPOSIT1": names end at the underscore.
    current_set = AsciiLower(Trim(t.substr(1)));
    while (!current_set.empty() && current_set.back() == '_')
      current_set.pop_back();
    synsets[current_set];
    return;
  }
  if (t[0] == '+' && !current_set.empty()) {
    synsets[current_set].push_back(AsciiLower(Trim(t.substr(1))));
    return;
  }
  if (t.rfind("---", 0) == 0) {
    std::string head = t.substr(3);
    block_reverse.clear();
    block_code = TakeCode(&head, &block_reverse);
    block_verbs.clear();
    in_block_head = true;
    current_set.clear();
    return;
  }
  if (t[0] == '-') {
    ReadPattern(t, n);
    return;
  }
  if (in_block_head) ReadVerb(t, n);
}

void PetrarchReader::ReadPattern(const std::string& t, int n) {
  in_block_head = false;
  std::string body = t.substr(1);
  std::string reverse;
  std::string code = TakeCode(&body, &reverse);
  if (code.empty()) {
    code = block_code;
    reverse = block_reverse;
  }
  Raw r;
  r.code = code;
  r.reverse = reverse;
  r.compound = body.find('%') != std::string::npos;
  r.line = n;
  r.verbs = block_verbs;
  bool seen_star = false;
  bool joined_star = false;  // "*_OUT": the next word follows the verb
  for (const std::string& raw : Words(body)) {
    bool joined = raw[0] == '_';
    std::string w = joined ? raw.substr(1) : raw;
    if (w == "*") {
      seen_star = true;
      joined_star = true;
      continue;
    }
    if (w == "$" || w == "+" || w == "%" || w == "^") continue;
    if (seen_star && joined_star && r.after.empty() &&
        raw.size() > 1 && joined)
      joined = true;
    else if (seen_star && r.after.empty())
      joined = false;
    joined_star = false;
    std::string x = w;
    while (!x.empty() && (x.back() == '+' || x.back() == '$' ||
                          x.back() == '%'))
      x.pop_back();
    while (!x.empty() && (x[0] == '+' || x[0] == '$' || x[0] == '%'))
      x.erase(0, 1);
    if (x.empty()) continue;
    if (!seen_star) joined = false;  // before-words: order only
    // (Built in two steps: GCC 12 warns, wrongly, of an overlapping copy
    // in `"_" + word` once this is a function of its own.)
    std::string word = joined ? "_" : "";
    word += AsciiLower(x);
    (seen_star ? r.after : r.before).push_back(std::move(word));
  }
  raws.push_back(std::move(r));
}

void PetrarchReader::ReadVerb(const std::string& t, int n) {
  // "WORD {FORM FORM}  [code]": the verb and its irregular forms.
  std::string body = t;
  std::string reverse;
  std::string code = TakeCode(&body, &reverse);
  std::string forms;
  size_t lb = body.find('{');
  if (lb != std::string::npos) {
    size_t rb = body.find('}', lb);
    forms = body.substr(lb + 1, rb == std::string::npos
                                    ? std::string::npos
                                    : rb - lb - 1);
    body = body.substr(0, lb);
  }
  std::vector<std::string> ws = Words(body);
  if (ws.empty()) return;
  std::string verb = AsciiLower(ws[0]);
  block_verbs.push_back(verb);
  for (const std::string& f : Words(forms)) {
    block_verbs.push_back(AsciiLower(f));
  }
  Raw r;
  r.code = code.empty() ? block_code : code;
  r.reverse = code.empty() ? block_reverse : reverse;
  r.line = n;
  r.verbs = {verb};
  for (const std::string& f : Words(forms)) r.verbs.push_back(AsciiLower(f));
  // Multi-word verbs ("PAY VISIT"): the rest follows the verb.
  for (size_t k = 1; k < ws.size(); ++k) r.after.push_back(AsciiLower(ws[k]));
  raws.push_back(std::move(r));
}

std::vector<std::vector<std::string>> PetrarchReader::Expand(
    const std::vector<std::string>& words) const {
  std::vector<std::vector<std::string>> outs = {{}};
  for (const std::string& raw : words) {
    bool joined = !raw.empty() && raw[0] == '_';
    std::string w = joined ? raw.substr(1) : raw;
    std::vector<std::string> alts;
    if (w.empty()) continue;
    if (w[0] == '&') {
      std::string name = w.substr(1);
      while (!name.empty() && name.back() == '_') name.pop_back();
      auto it = synsets.find(name);
      if (it == synsets.end()) {
        alts.push_back(w);
      } else {
        for (const std::string& a : it->second) {
          if (!a.empty() && a[0] == '&') {
            auto jt = synsets.find(a.substr(1));
            if (jt != synsets.end()) {
              for (const std::string& b : jt->second) alts.push_back(b);
            }
          } else {
            alts.push_back(a);
          }
        }
      }
    } else {
      alts.push_back(w);
    }
    std::vector<std::vector<std::string>> next;
    for (const auto& o : outs) {
      for (const std::string& a : alts) {
        std::vector<std::string> x = o;
        bool first = true;
        for (const std::string& piece : Words(a)) {
          // The set's own words follow each other; its first word keeps
          // the connection the pattern gave it.
          std::string bare = piece[0] == '_' ? piece.substr(1) : piece;
          x.push_back(first ? (joined ? "_" : "") + bare : "_" + bare);
          first = false;
        }
        next.push_back(std::move(x));
        if (next.size() >= 256) break;
      }
      // Synonym sets multiply: a pattern yields at most 256 expansions.
      if (next.size() >= 256) break;
    }
    outs = std::move(next);
  }
  return outs;
}

}  // namespace

Status EventCoder::LoadPetrarchVerbs(const std::string& path,
                                     std::vector<EventPattern>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read PETRARCH verbs", path);
  PetrarchReader reader;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) reader.ReadLine(line, ++n);
  // A bound on the whole dictionary, so a hostile file cannot exhaust
  // memory (the real ones give a few thousand patterns).
  constexpr size_t kMaxPatterns = 500000;
  for (const Raw& r : reader.raws) {
    if (out->size() >= kMaxPatterns) {
      return Status::Corruption("too many patterns after expanding synonym sets",
                                path);
    }
    if (r.code.empty() || r.code == "---") continue;
    for (const std::string& verb : r.verbs) {
      for (const auto& after : reader.Expand(r.after)) {
        for (const auto& before : reader.Expand(r.before)) {
          EventPattern p;
          p.code = r.code;
          if (r.reverse != "---") p.reverse_code = r.reverse;
          p.sym = r.compound;  // "%": a compound actor acts on itself
          p.compound = r.compound;
          p.line = r.line;
          p.words.push_back(verb);
          for (const std::string& w : after) p.words.push_back(w);
          p.before.assign(before.rbegin(), before.rend());
          p.solo = true;
          out->push_back(std::move(p));
        }
      }
    }
  }
  return Status::OK();
}

}  // namespace dateline

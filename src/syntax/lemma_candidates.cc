// Base forms of English verb and noun forms, by suffix rules and a table of
// irregular verbs; the pattern index holds lemmas, so a word is looked up
// under each candidate.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/lemma_candidates.h"

namespace dateline {
namespace {

const std::unordered_map<std::string_view, std::string_view>& Irregular() {
  static const auto* table = new std::unordered_map<std::string_view,
                                                    std::string_view>{
      {"met", "meet"},       {"held", "hold"},       {"took", "take"},
      {"taken", "take"},     {"gave", "give"},       {"given", "give"},
      {"went", "go"},        {"gone", "go"},         {"said", "say"},
      {"made", "make"},      {"sent", "send"},       {"brought", "bring"},
      {"fought", "fight"},   {"shot", "shoot"},      {"struck", "strike"},
      {"stricken", "strike"}, {"threw", "throw"},    {"thrown", "throw"},
      {"began", "begin"},    {"begun", "begin"},     {"told", "tell"},
      {"sought", "seek"},    {"won", "win"},         {"led", "lead"},
      {"left", "leave"},     {"fled", "flee"},       {"stole", "steal"},
      {"stolen", "steal"},   {"beat", "beat"},       {"beaten", "beat"},
      {"bore", "bear"},      {"born", "bear"},       {"broke", "break"},
      {"broken", "break"},   {"spoke", "speak"},     {"spoken", "speak"},
      {"wrote", "write"},    {"written", "write"},   {"rode", "ride"},
      {"drove", "drive"},    {"driven", "drive"},    {"flew", "fly"},
      {"flown", "fly"},      {"froze", "freeze"},    {"frozen", "freeze"},
      {"chose", "choose"},   {"chosen", "choose"},   {"forgave", "forgive"},
      {"forgiven", "forgive"}, {"withdrew", "withdraw"},
      {"withdrawn", "withdraw"}, {"overthrew", "overthrow"},
      {"overthrown", "overthrow"}, {"undertook", "undertake"},
      {"undertaken", "undertake"}, {"bound", "bind"}, {"found", "find"},
      {"hid", "hide"},       {"hidden", "hide"},     {"caught", "catch"},
      {"taught", "teach"},   {"bought", "buy"},      {"sold", "sell"},
      {"paid", "pay"},       {"laid", "lay"},        {"lent", "lend"},
      {"spent", "spend"},    {"built", "build"},     {"felt", "feel"},
      {"kept", "keep"},      {"slew", "slay"},       {"slain", "slay"},
      {"swore", "swear"},    {"sworn", "swear"},     {"tore", "tear"},
      {"torn", "tear"},      {"wore", "wear"},       {"shook", "shake"},
      {"shaken", "shake"},   {"stood", "stand"},     {"understood", "understand"},
      {"saw", "see"},        {"seen", "see"},        {"knew", "know"},
      {"known", "know"},     {"grew", "grow"},       {"grown", "grow"},
      {"drew", "draw"},      {"drawn", "draw"},      {"rose", "rise"},
      {"risen", "rise"},     {"fell", "fall"},       {"fallen", "fall"},
      {"came", "come"},      {"became", "become"},   {"ran", "run"},
      {"sat", "sit"},        {"set", "set"},         {"put", "put"},
      {"cut", "cut"},        {"hit", "hit"},         {"let", "let"},
      {"quit", "quit"},      {"shut", "shut"},       {"spread", "spread"},
      {"upheld", "uphold"},  {"withheld", "withhold"}, {"oversaw", "oversee"},
      {"overseen", "oversee"}, {"is", "be"},         {"are", "be"},
      {"was", "be"},         {"were", "be"},         {"been", "be"},
      {"being", "be"},       {"am", "be"},           {"has", "have"},
      {"had", "have"},       {"having", "have"},     {"did", "do"},
      {"done", "do"},        {"does", "do"},         {"fed", "feed"},
      {"hung", "hang"},      {"dealt", "deal"},      {"meant", "mean"},
      {"heard", "hear"},     {"lost", "lose"},       {"sped", "speed"},
      {"shed", "shed"},      {"bid", "bid"},         {"forbade", "forbid"},
      {"forbidden", "forbid"}, {"mistook", "mistake"}, {"sank", "sink"},
      {"sunk", "sink"},      {"sprang", "spring"},   {"stung", "sting"},
      {"swept", "sweep"},    {"wept", "weep"},       {"woke", "wake"},
      {"awoke", "awake"},    {"overran", "overrun"}, {"overcame", "overcome"},
      {"retook", "retake"},  {"retaken", "retake"},  {"rebuilt", "rebuild"},
      {"reelected", "reelect"}, {"children", "child"}, {"people", "person"},
      {"men", "man"},        {"women", "woman"},     {"blew", "blow"},
      {"blown", "blow"},
  };
  return *table;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

std::vector<std::string> LemmaCandidates(std::string_view word) {
  std::string w(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::vector<std::string> out;
  out.push_back(w);
  auto it = Irregular().find(w);
  if (it != Irregular().end()) out.emplace_back(it->second);
  size_t n = w.size();
  auto ends = [&](std::string_view s) {
    return n > s.size() + 1 && w.compare(n - s.size(), s.size(), s) == 0;
  };
  auto add_stem = [&](std::string stem) {
    out.push_back(stem);
    out.push_back(stem + "e");
    size_t m = stem.size();
    // Doubled final consonant: "stopped" -> "stop", "expelled" -> "expel";
    // "shelling" keeps "shell" as well (the stem itself is a candidate).
    if (m >= 3 && stem[m - 1] == stem[m - 2] && !IsVowel(stem[m - 1])) {
      out.push_back(stem.substr(0, m - 1));
    }
  };
  if (ends("ies")) {
    out.push_back(w.substr(0, n - 3) + "y");
  } else if (ends("ied")) {
    out.push_back(w.substr(0, n - 3) + "y");
  } else if (ends("ing")) {
    add_stem(w.substr(0, n - 3));
  } else if (ends("ed")) {
    add_stem(w.substr(0, n - 2));
  } else if (ends("es")) {
    out.push_back(w.substr(0, n - 2));
    out.push_back(w.substr(0, n - 1));
  } else if (ends("s") && !ends("ss")) {
    out.push_back(w.substr(0, n - 1));
  }
  return out;
}

}  // namespace dateline

// Fuzzes the PETRARCH dictionary readers and the matchers: the first byte
// picks the format (actors, agents, discards, or CAMEO table TSV), the rest
// is the dictionary; every token of the input is then matched as text
// against what loaded.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "events/actor_dictionary.h"
#include "events/cameo.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  dateline::ActorDictionary dict;
  switch (data[0] % 4) {
    case 0: dict.ParsePetrarchActors(text, "fuzz"); break;
    case 1: dict.ParsePetrarchAgents(text, "fuzz"); break;
    case 2: dict.ParsePetrarchDiscards(text, "fuzz"); break;
    default: {
      std::unique_ptr<dateline::CameoTable> table;
      size_t half = text.size() / 2;
      if (dateline::CameoTable::Parse(text.substr(0, half), text.substr(half),
                                      &table)
              .ok()) {
        if (table == nullptr || table->size() == 0) std::abort();
        for (const auto& c : table->codes())
          if (table->Root(c.code).size() != 2) std::abort();
      }
      return 0;
    }
  }
  std::vector<std::string_view> words;
  size_t b = 0;
  for (size_t k = 0; k <= text.size(); ++k) {
    if (k == text.size() || text[k] == ' ' || text[k] == '\n') {
      if (k > b) words.push_back(text.substr(b, k - b));
      b = k + 1;
    }
  }
  const char* dates[] = {"", "2001-01-01", "19950601", "bogus"};
  for (size_t i = 0; i <= words.size(); ++i) {
    std::string code, name;
    size_t n = dict.MatchActor(words, i, dates[i % 4], &code, &name);
    if (n > words.size() - std::min(i, words.size())) std::abort();
    n = dict.MatchAgent(words, i, &code);
    if (n > words.size() - std::min(i, words.size())) std::abort();
  }
  dict.DiscardLevel(text);
  dict.CountryOf(text.substr(0, 64));
  if (!words.empty()) dict.SurnameCandidates(words[0], "2020-01-01");
  return 0;
}

#include "syntax/tag_repair.h"

namespace dateline {
namespace {

bool Finite(std::string_view t) {
  return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD";
}

bool NounOrPronoun(std::string_view t) {
  return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP";
}

// The first tag of a noun phrase that can be a verb's object.
bool ObjectStart(std::string_view t) {
  return t == "DT" || t == "CD" || t == "JJ" || t == "PRP$" || t == "NN" ||
         t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP";
}

}  // namespace

int ParticipleAsFiniteVerb(const std::vector<std::string_view>& tags) {
  for (std::string_view t : tags) {
    if (Finite(t)) return -1;
  }
  for (size_t i = 1; i + 1 < tags.size(); ++i) {
    if (tags[i] != "VBN") continue;
    // Only the first participle: a later one is inside the first's phrase.
    if (NounOrPronoun(tags[i - 1]) && ObjectStart(tags[i + 1]))
      return static_cast<int>(i);
    return -1;
  }
  return -1;
}

bool RepairFiniteVerb(std::vector<std::string_view>* tags) {
  int i = ParticipleAsFiniteVerb(*tags);
  if (i < 0) return false;
  (*tags)[static_cast<size_t>(i)] = "VBD";
  return true;
}

}  // namespace dateline

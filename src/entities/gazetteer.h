// Gazetteer: lists of names (countries, cities, organisations, people...)
// compiled into a trie over lower-cased tokens, so a tagger can ask which
// tokens of a sentence lie inside a known name of which type. Immutable after
// loading; const methods are safe to call from several threads.
#ifndef DATELINE_ENTITIES_GAZETTEER_H_
#define DATELINE_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

class Gazetteer {
 public:
  // One token's matches: bit t of `begin` is set when a name of type t starts
  // at the token, bit t of `inside` when the token is inside (not first in) a
  // name of type t.
  struct TokenMatch {
    uint32_t begin = 0;
    uint32_t inside = 0;
  };

  static constexpr int kMaxTypes = 32;

  // Adds one name (split into tokens the way CoNLL text is) of `type`.
  // Types beyond kMaxTypes distinct ones are ignored.
  void Add(std::string_view name, std::string_view type);

  // Loads every *.tsv file of `dir` (sorted by name): one `name<TAB>type...`
  // entry per line, lines starting with '#' ignored. Returns IOError when the
  // directory cannot be listed or a file cannot be read.
  Status LoadDirectory(const std::string& dir);

  // Fills `out` (resized to words.size()) with every name matching a token
  // sequence of `words`, case-insensitively.
  void Match(const std::vector<std::string_view>& words,
             std::vector<TokenMatch>* out) const;

  const std::vector<std::string>& types() const { return types_; }
  size_t size() const { return entries_.size(); }

  // The entries as added, "type<TAB>tok tok tok", so that a model can carry
  // its own copy of the gazetteer it was trained with.
  const std::vector<std::string>& entries() const { return entries_; }
  // Adds an entry in the form returned by entries().
  void AddEntryLine(std::string_view line);

  // Splits a name into tokens like CoNLL-2003's tokenisation (spaces, and
  // commas, brackets and quotes split off words).
  static std::vector<std::string> Tokenize(std::string_view name);

  // Writes `word` with typographic quotes as ASCII ones (’ ‘ -> ', “ ” ->
  // "), the way CoNLL text and the lists write them; with `lower`, ASCII
  // letters lower-cased too.
  static void NormalizeQuotes(std::string_view word, bool lower,
                              std::string* out);

 private:
  int TypeId(std::string_view type);
  void AddTokens(const std::vector<std::string>& toks, int type);

  std::vector<std::string> types_;
  std::vector<std::string> entries_;
  // Edges (node << 64 is impossible, so key = Mix(node, token hash)).
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<uint32_t> node_types_{0};  // node 0 is the root
};

}  // namespace dateline

#endif  // DATELINE_ENTITIES_GAZETTEER_H_

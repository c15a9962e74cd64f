#include "store/pg_text_search.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"

namespace dateline {
namespace {

// PostgreSQL's limits on a tsvector: positions up to 16383, at most 256 of
// them per lexeme, lexemes under 2 KB.
constexpr int kMaxPosition = 16383;
constexpr size_t kMaxPositionsPerTerm = 255;
constexpr size_t kMaxTermBytes = 2000;

// unicode61's token characters: letters, numbers, private use.
bool IsTermChar(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z');
  }
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_PRIVATE_USE_CHAR:
      return true;
    default:
      return false;
  }
}

// Lower case, and for Latin letters without diacritics: the canonical
// decomposition's base letter when the rest of it is combining marks
// ("É" -> "e"), as remove_diacritics 2 folds (Latin script only: "й"
// stays).
uint32_t FoldChar(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  UChar32 c = u_tolower(static_cast<UChar32>(cp));
  const bool latin = (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
  if (!latin) return static_cast<uint32_t>(c);
  UErrorCode err = U_ZERO_ERROR;
  static const UNormalizer2* nfd = unorm2_getNFDInstance(&err);
  if (nfd == nullptr) return static_cast<uint32_t>(c);
  UChar buf[16];
  err = U_ZERO_ERROR;
  int32_t n = unorm2_getDecomposition(nfd, c, buf, 16, &err);
  if (U_FAILURE(err) || n <= 1) return static_cast<uint32_t>(c);
  int32_t i = 0;
  UChar32 base;
  U16_NEXT(buf, i, n, base);
  while (i < n) {
    UChar32 m;
    U16_NEXT(buf, i, n, m);
    if (u_charType(m) != U_NON_SPACING_MARK) return static_cast<uint32_t>(c);
  }
  return static_cast<uint32_t>(base);
}

void AppendQuoted(std::string_view term, std::string* out) {
  out->push_back('\'');
  for (char c : term) {
    if (c == '\'') out->push_back('\'');
    if (c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('\'');
}

// A recursive-descent reader of FTS5 query syntax that writes tsquery text.
class FtsParser {
 public:
  FtsParser(std::string_view q, const std::vector<FtsColumn>& columns)
      : q_(q), columns_(columns) {}

  Status Parse(std::string* out) {
    Next();
    if (tok_ == kEnd) return Error("empty query");
    std::string e;
    Status s = Or(&e);
    if (!s.ok()) return s;
    if (tok_ != kEnd) return Near();
    *out = std::move(e);
    return Status::OK();
  }

 private:
  enum Tok { kEnd, kWord, kString, kPunct };

  Status Error(const std::string& why) {
    return Status::InvalidArgument(why);
  }
  Status Near() {
    return Error("syntax error near \"" + std::string(text_) + "\"");
  }

  static bool BarewordChar(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 || c == 0x1a;
  }

  // Reads the next token into tok_/text_ (word_ for a string's content).
  void Next() {
    while (pos_ < q_.size() && (q_[pos_] == ' ' || q_[pos_] == '\t' ||
                                q_[pos_] == '\n' || q_[pos_] == '\r')) {
      ++pos_;
    }
    if (pos_ >= q_.size()) {
      tok_ = kEnd;
      text_ = {};
      return;
    }
    const size_t b = pos_;
    const unsigned char c = static_cast<unsigned char>(q_[pos_]);
    if (c == '"') {
      word_.clear();
      ++pos_;
      bad_string_ = true;
      while (pos_ < q_.size()) {
        if (q_[pos_] == '"') {
          if (pos_ + 1 < q_.size() && q_[pos_ + 1] == '"') {
            word_.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          bad_string_ = false;
          break;
        }
        word_.push_back(q_[pos_++]);
      }
      tok_ = kString;
      text_ = q_.substr(b, pos_ - b);
      return;
    }
    if (BarewordChar(c)) {
      while (pos_ < q_.size() &&
             BarewordChar(static_cast<unsigned char>(q_[pos_]))) {
        ++pos_;
      }
      tok_ = kWord;
      text_ = q_.substr(b, pos_ - b);
      word_ = std::string(text_);
      return;
    }
    ++pos_;
    tok_ = kPunct;
    text_ = q_.substr(b, 1);
  }

  bool Is(char p) const { return tok_ == kPunct && text_[0] == p; }
  bool IsKeyword(std::string_view k) const {
    return tok_ == kWord && text_ == k;
  }

  // The next token without consuming (for "word :" and "NEAR (").
  char PeekPunct() {
    size_t p = pos_;
    while (p < q_.size() && (q_[p] == ' ' || q_[p] == '\t' || q_[p] == '\n' ||
                             q_[p] == '\r')) {
      ++p;
    }
    return p < q_.size() ? q_[p] : '\0';
  }

  bool StartsUnary() const {
    if (tok_ == kString) return true;
    if (tok_ == kWord) {
      return text_ != "OR" && text_ != "AND" && text_ != "NOT";
    }
    return Is('(') || Is('{') || Is('-') || Is('^');
  }

  Status Or(std::string* out) {
    Status s = And(out);
    while (s.ok() && IsKeyword("OR")) {
      Next();
      std::string r;
      s = And(&r);
      *out = "( " + *out + " | " + r + " )";
    }
    return s;
  }

  Status And(std::string* out) {
    Status s = Not(out);
    while (s.ok()) {
      if (IsKeyword("AND")) {
        Next();
      } else if (!StartsUnary()) {
        break;
      }
      std::string r;
      s = Not(&r);
      *out = "( " + *out + " & " + r + " )";
    }
    return s;
  }

  Status Not(std::string* out) {
    Status s = Unary(out);
    while (s.ok() && IsKeyword("NOT")) {
      Next();
      std::string r;
      s = Unary(&r);
      *out = "( " + *out + " & !" + r + " )";
    }
    return s;
  }

  // The weight letters of the named columns (or all others, `exclude`).
  Status Weights(const std::vector<std::string>& names, bool exclude,
                 std::string* weights) {
    std::string w;
    for (const std::string& n : names) {
      auto it = std::find_if(columns_.begin(), columns_.end(),
                             [&](const FtsColumn& c) { return c.name == n; });
      if (it == columns_.end()) return Error("no such column: " + n);
      w.push_back(it->weight);
    }
    if (exclude) {
      std::string rest;
      for (const FtsColumn& c : columns_) {
        if (w.find(c.weight) == std::string::npos) rest.push_back(c.weight);
      }
      w = rest;
    }
    if (w.empty()) w.push_back('!');  // no column left: matches nothing
    *weights = w;
    return Status::OK();
  }

  Status Filtered(const std::string& weights, std::string* out) {
    std::string saved = weights_;
    weights_ = weights;
    Status s = Unary(out);
    weights_ = saved;
    return s;
  }

  Status Unary(std::string* out) {
    if (tok_ == kEnd) return Error("syntax error near \"\"");
    if (Is('(')) {
      Next();
      Status s = Or(out);
      if (!s.ok()) return s;
      if (!Is(')')) return Near();
      Next();
      return Status::OK();
    }
    if (Is('^')) return Error("'^' (first token) is not supported here");
    if (Is('{') || Is('-')) {
      const bool exclude = Is('-');
      if (exclude) Next();
      std::vector<std::string> names;
      if (Is('{')) {
        Next();
        while (tok_ == kWord) {
          names.push_back(word_);
          Next();
        }
        if (!Is('}')) return Near();
      } else if (tok_ == kWord) {
        names.push_back(word_);
      } else {
        return Near();
      }
      Next();
      if (!Is(':')) return Near();
      Next();
      std::string w;
      Status s = Weights(names, exclude, &w);
      if (!s.ok()) return s;
      return Filtered(w, out);
    }
    if (tok_ == kWord && PeekPunct() == ':') {
      std::vector<std::string> names = {word_};
      Next();
      Next();
      std::string w;
      Status s = Weights(names, false, &w);
      if (!s.ok()) return s;
      return Filtered(w, out);
    }
    if (IsKeyword("NEAR") && PeekPunct() == '(') {
      Next();
      Next();
      std::vector<std::string> parts;
      while (tok_ == kWord || tok_ == kString) {
        std::string p;
        Status s = Phrase(&p);
        if (!s.ok()) return s;
        parts.push_back(p);
      }
      if (Is(',')) {
        Next();
        if (tok_ != kWord) return Near();
        Next();
      }
      if (!Is(')') || parts.empty()) return Near();
      Next();
      *out = parts[0];
      for (size_t i = 1; i < parts.size(); ++i) {
        *out = "( " + *out + " & " + parts[i] + " )";
      }
      return Status::OK();
    }
    if (tok_ == kWord || tok_ == kString) {
      if (tok_ == kWord && (text_ == "OR" || text_ == "AND" || text_ == "NOT")) {
        return Near();
      }
      return Phrase(out);
    }
    return Near();
  }

  // A phrase: a string or bareword, "*" for a prefix, "+" joining more.
  Status Phrase(std::string* out) {
    std::vector<std::pair<std::string, bool>> terms;  // term, prefix
    for (;;) {
      if (tok_ == kString && bad_string_) return Error("unterminated string");
      if (tok_ != kWord && tok_ != kString) return Near();
      for (std::string& t : SearchTerms(word_)) terms.push_back({t, false});
      Next();
      if (Is('*')) {
        if (!terms.empty()) terms.back().second = true;
        Next();
      }
      if (!Is('+')) break;
      Next();
    }
    if (terms.empty()) {
      *out = "'!'";  // no term (punctuation only): matches nothing
      return Status::OK();
    }
    if (weights_ == "!") {
      *out = "'!'";
      return Status::OK();
    }
    std::string p;
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i > 0) p += " <-> ";
      AppendQuoted(terms[i].first, &p);
      if (terms[i].second || !weights_.empty()) p.push_back(':');
      if (terms[i].second) p.push_back('*');
      p += weights_;
    }
    *out = terms.size() > 1 ? "( " + p + " )" : p;
    return Status::OK();
  }

  std::string_view q_;
  const std::vector<FtsColumn>& columns_;
  size_t pos_ = 0;
  Tok tok_ = kEnd;
  std::string_view text_;
  std::string word_;
  bool bad_string_ = false;
  std::string weights_;  // the column filter in force ("" for all)
};

}  // namespace

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  size_t pos = 0;
  while (pos < text.size()) {
    const uint32_t cp = DecodeUtf8(text, &pos);
    if (IsTermChar(cp)) {
      if (cur.size() < kMaxTermBytes) AppendUtf8(FoldChar(cp), &cur);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string TsVectorLiteral(
    const std::vector<std::pair<std::string_view, char>>& fields) {
  std::map<std::string, std::vector<std::pair<int, char>>> terms;
  int pos = 1;
  for (const auto& [text, weight] : fields) {
    for (std::string& t : SearchTerms(text)) {
      auto& p = terms[std::move(t)];
      const int at = std::min(pos, kMaxPosition);
      if (p.size() < kMaxPositionsPerTerm &&
          (p.empty() || p.back().first != at)) {
        p.push_back({at, weight});
      }
      ++pos;
    }
    pos += 1;  // a gap: no phrase across fields
  }
  std::string out;
  for (const auto& [term, positions] : terms) {
    if (!out.empty()) out.push_back(' ');
    AppendQuoted(term, &out);
    out.push_back(':');
    for (size_t i = 0; i < positions.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += std::to_string(positions[i].first);
      out.push_back(positions[i].second);
    }
  }
  return out;
}

Status FtsToTsQuery(std::string_view q, const std::vector<FtsColumn>& columns,
                    std::string* tsquery) {
  tsquery->clear();
  FtsParser p(q, columns);
  return p.Parse(tsquery);
}

}  // namespace dateline

// RepairLostCharacters: characters lost in a bad charset conversion show up
// as '?' or U+FFFD inside a word ("Vostochny ?osmodrome", where the page had
// a Cyrillic "С"). A lost character is put back only when exactly one word
// fits: candidates come from the document's own words and from a system word
// list (/usr/share/dict, Debian package wamerican-huge or wamerican), read
// once on first use. A question mark that ends a word ("Why?") or stands
// alone is never touched.
#include <unicode/uchar.h>

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/system_words.h"
#include "base/utf8.h"
#include "clean/metadata.h"
#include "clean/text_util.h"

namespace dateline {
namespace {

using clean_internal::IsDigit;
using clean_internal::IsLetter;
using clean_internal::IsUpper;
using clean_internal::ToLower;

constexpr uint32_t kReplacementChar = 0xFFFD;

bool IsLost(uint32_t cp) { return cp == '?' || cp == kReplacementChar; }

// Letters a lost character may have been (ASCII and the accented letters of
// western European languages); the apostrophe is handled on its own.
const std::vector<std::string>& CandidateLetters() {
  static const std::vector<std::string>* letters = [] {
    auto* v = new std::vector<std::string>();
    for (char c = 'a'; c <= 'z'; ++c) v->push_back(std::string(1, c));
    for (const char* s : {"à", "á", "â", "ã", "ä", "å", "æ", "ç", "è", "é",
                          "ê", "ë", "ì", "í", "î", "ï", "ñ", "ò", "ó", "ô",
                          "õ", "ö", "ø", "ù", "ú", "û", "ü", "ý", "ÿ", "ß",
                          "œ", "ł", "ś", "ş", "ğ", "ı", "č", "š", "ž"}) {
      v->push_back(s);
    }
    return v;
  }();
  return *letters;
}

// Contractions and possessives after an apostrophe.
bool IsClitic(std::string_view s) {
  return s == "s" || s == "t" || s == "re" || s == "ve" || s == "ll" ||
         s == "d" || s == "m";
}

struct Token {
  size_t begin, end;  // bytes of the text
  bool has_lost = false;
};

// Splits into tokens of letters, digits, lost characters and inner
// apostrophes/hyphens.
std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  bool in = false;
  Token cur{0, 0};
  while (i < s.size()) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(s, &i);
    bool part = IsLetter(cp) || IsDigit(cp) || IsLost(cp) ||
                ((cp == '\'' || cp == 0x2019 || cp == '-') && in);
    if (part) {
      if (!in) {
        in = true;
        cur = Token{start, start};
      }
      if (IsLost(cp)) cur.has_lost = true;
      cur.end = i;
    } else if (in) {
      out.push_back(cur);
      in = false;
    }
  }
  if (in) out.push_back(cur);
  return out;
}

uint32_t CodePointAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, &pos);
}

std::string ToUpper(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = DecodeUtf8(s, &i);
    AppendUtf8(static_cast<uint32_t>(u_toupper(static_cast<UChar32>(cp))),
               &out);
  }
  return out;
}

// Returns true if the word at byte `pos` opens a sentence or a line.
bool AtSentenceStart(std::string_view s, size_t pos) {
  while (pos > 0 && s[pos - 1] == ' ') --pos;
  if (pos == 0) return true;
  uint32_t prev = clean_internal::LastCodePoint(s.substr(0, pos));
  return prev == '.' || prev == '!' || prev == '?' || prev == '\n' ||
         prev == 0x201C || prev == '"' || prev == ':';
}

// Lower-cased word -> one spelling seen in the document.
using Vocabulary = std::unordered_map<std::string, std::string>;

}  // namespace

void RepairLostCharacters(std::string* text, std::vector<Repair>* repairs) {
  std::string_view s = *text;
  std::vector<Token> tokens = Tokens(s);
  bool any = false;
  for (const Token& t : tokens) any |= t.has_lost;
  if (!any) return;

  Vocabulary doc_words;
  size_t curly = 0, straight = 0;
  for (const Token& t : tokens) {
    std::string_view w = s.substr(t.begin, t.end - t.begin);
    if (!t.has_lost) doc_words.emplace(ToLower(w), std::string(w));
    if (w.find("’") != std::string_view::npos) ++curly;
    if (w.find('\'') != std::string_view::npos) ++straight;
  }
  const std::string apostrophe = curly >= straight ? "’" : "'";

  std::string out;
  out.reserve(s.size());
  size_t copied = 0;
  for (size_t ti = 0; ti < tokens.size(); ++ti) {
    const Token& t = tokens[ti];
    if (!t.has_lost) continue;
    std::string_view w = s.substr(t.begin, t.end - t.begin);
    // Exactly one lost character, with a letter next to it on each side
    // that exists; a trailing '?' ("Why?") is punctuation.
    size_t lost_at = std::string_view::npos, lost_len = 0, count = 0;
    for (size_t i = 0; i < w.size();) {
      size_t start = i;
      uint32_t cp = DecodeUtf8(w, &i);
      if (IsLost(cp)) {
        ++count;
        lost_at = start;
        lost_len = i - start;
      }
    }
    if (count != 1) continue;
    std::string_view before = w.substr(0, lost_at);
    std::string_view after = w.substr(lost_at + lost_len);
    if (after.empty()) continue;  // "Why?", "?"
    {
      size_t p = 0;
      if (!IsLetter(DecodeUtf8(after, &p))) continue;
    }
    if (!before.empty() && !IsLetter(clean_internal::LastCodePoint(before)))
      continue;
    // A URL or a query string: '?' after '/', '=' or '.' in the same chunk.
    {
      size_t chunk_begin = t.begin;
      while (chunk_begin > 0 && s[chunk_begin - 1] != ' ' &&
             s[chunk_begin - 1] != '\n')
        --chunk_begin;
      size_t chunk_end = t.end;
      while (chunk_end < s.size() && s[chunk_end] != ' ' &&
             s[chunk_end] != '\n')
        ++chunk_end;
      std::string_view chunk = s.substr(chunk_begin, chunk_end - chunk_begin);
      if (chunk.find('/') != std::string_view::npos ||
          chunk.find('=') != std::string_view::npos ||
          chunk.find('&') != std::string_view::npos ||
          chunk.find("://") != std::string_view::npos)
        continue;
    }
    std::string replacement;
    std::string original(w.substr(lost_at, lost_len));
    if (!before.empty() && IsClitic(after)) {
      // "Russia?s", "don?t": the lost character was an apostrophe, the
      // commonest non-ASCII character of news text.
      replacement = apostrophe;
    } else {
      std::string lower_before = ToLower(before);
      std::string lower_after = ToLower(after);
      const auto& dict = SystemWords();
      std::string fit, fit_spelling;
      int fits = 0;
      for (const std::string& c : CandidateLetters()) {
        std::string cand = lower_before + c + lower_after;
        auto it = doc_words.find(cand);
        bool in_doc = it != doc_words.end();
        if (in_doc || dict.Contains(cand)) {
          if (++fits > 1) break;
          fit = c;
          fit_spelling = in_doc ? it->second : "";
        }
      }
      if (fits != 1) continue;
      replacement = fit;
      // The case: as the document spells the word, else upper case when the
      // word starts a sentence or follows a capitalised word (a name:
      // "Vostochny Cosmodrome") or its neighbours are in capitals.
      bool upper = false;
      if (!fit_spelling.empty()) {
        upper = IsUpper(CodePointAt(fit_spelling, before.size()));
      } else if (before.empty()) {
        bool rest_upper = after.size() > 1 && IsUpper(CodePointAt(after, 0));
        bool after_name = false;
        if (ti > 0) {
          const Token& prev = tokens[ti - 1];
          std::string_view gap = s.substr(prev.end, t.begin - prev.end);
          after_name = gap == " " && IsUpper(CodePointAt(s, prev.begin)) &&
                       !AtSentenceStart(s, prev.begin);
        }
        upper = rest_upper || AtSentenceStart(s, t.begin) || after_name;
      } else {
        upper = IsUpper(clean_internal::LastCodePoint(before)) &&
                IsUpper(CodePointAt(after, 0));
      }
      if (upper) replacement = ToUpper(replacement);
    }
    // Copy up to the lost character, then the replacement.
    size_t abs = t.begin + lost_at;
    out.append(s.substr(copied, abs - copied));
    Repair r;
    r.span.begin = static_cast<uint32_t>(out.size());
    out.append(replacement);
    r.span.end = static_cast<uint32_t>(out.size());
    r.original = original;
    r.replacement = replacement;
    copied = abs + lost_len;
    // The word as it now reads.
    size_t word_begin_out = out.size() - replacement.size() - before.size();
    r.word = out.substr(word_begin_out) + std::string(after);
    repairs->push_back(std::move(r));
  }
  if (copied == 0 && out.empty()) return;
  out.append(s.substr(copied));
  *text = std::move(out);
}

void RepairDocumentCharacters(Document* doc) {
  std::vector<Repair> repairs;
  RepairLostCharacters(&doc->text, &repairs);
  if (!repairs.empty()) {
    for (OffsetPiece& p : doc->offsets) {
      // Shift each piece by the growth of the repairs before it; r.span is
      // in repaired text, so compare with the piece's shifted position.
      int64_t shift_begin = 0, shift_end = 0;
      for (const Repair& r : repairs) {
        int64_t delta = static_cast<int64_t>(r.replacement.size()) -
                        static_cast<int64_t>(r.original.size());
        if (r.span.begin < p.text_begin + shift_begin) shift_begin += delta;
        if (r.span.begin < p.text_end + shift_end) shift_end += delta;
      }
      p.text_begin = static_cast<uint32_t>(p.text_begin + shift_begin);
      p.text_end = static_cast<uint32_t>(p.text_end + shift_end);
    }
    for (Repair& r : repairs) doc->repairs.push_back(std::move(r));
  }
  std::vector<Repair> more;
  RepairLostCharacters(&doc->title, &more);
  for (Repair& r : more) {
    r.field = "title";
    doc->repairs.push_back(std::move(r));
  }
  for (size_t i = 0; i < doc->captions.size(); ++i) {
    more.clear();
    RepairLostCharacters(&doc->captions[i].text, &more);
    for (Repair& r : more) {
      r.field = "caption";
      r.index = static_cast<uint32_t>(i);
      doc->repairs.push_back(std::move(r));
    }
  }
}

}  // namespace dateline

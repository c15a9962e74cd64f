#include "dedup/minhash.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "base/hash.h"
#include "base/utf8.h"

namespace dateline {
namespace {

// Word characters: ASCII letters and digits, and code points from U+00C0 up
// except the punctuation and symbol blocks (curly quotes, dashes, bullets).
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  }
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

uint64_t Mix(uint64_t x) {
  // splitmix64 finaliser.
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct Permutations {
  std::array<uint64_t, kSignatureSize> a;
  std::array<uint64_t, kSignatureSize> b;
  Permutations() {
    for (size_t i = 0; i < kSignatureSize; ++i) {
      a[i] = Mix(2 * i + 1) | 1;
      b[i] = Mix(2 * i + 2);
    }
  }
};
const Permutations& Perms() {
  static const Permutations kPerms;
  return kPerms;
}

}  // namespace

std::vector<std::string_view> ShingleWords(std::string_view text,
                                           std::string* storage) {
  storage->clear();
  storage->reserve(text.size());
  std::vector<std::pair<size_t, size_t>> ranges;
  size_t pos = 0;
  bool in_word = false;
  size_t start = 0;
  while (pos < text.size()) {
    size_t before = pos;
    uint32_t cp = DecodeUtf8(text, &pos);
    if (pos == before) ++pos;  // never stall on bad bytes
    if (IsWordCodePoint(cp)) {
      if (!in_word) {
        start = storage->size();
        in_word = true;
      }
      if (cp < 0x80) {
        char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        storage->push_back(c);
      } else {
        storage->append(text.substr(before, pos - before));
      }
    } else if (in_word) {
      ranges.emplace_back(start, storage->size() - start);
      in_word = false;
    }
  }
  if (in_word) ranges.emplace_back(start, storage->size() - start);
  std::vector<std::string_view> words;
  words.reserve(ranges.size());
  for (auto [b, n] : ranges) words.emplace_back(storage->data() + b, n);
  return words;
}

std::vector<uint64_t> ShingleHashes(std::string_view text) {
  std::string storage;
  std::vector<std::string_view> words = ShingleWords(text, &storage);
  std::vector<uint64_t> word_hashes;
  word_hashes.reserve(words.size());
  for (std::string_view w : words) word_hashes.push_back(Hash64(w));
  std::vector<uint64_t> out;
  if (word_hashes.empty()) return out;
  const size_t k = std::min(kShingleWords, word_hashes.size());
  out.reserve(word_hashes.size() - k + 1);
  for (size_t i = 0; i + k <= word_hashes.size(); ++i) {
    uint64_t h = 0x51ED270B27E5A1ull;
    for (size_t j = 0; j < k; ++j) h = Mix(h ^ word_hashes[i + j]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The hashes of the distinct number tokens of `text`: whitespace-separated
// tokens with a digit, stripped of surrounding punctuation, sorted.
std::vector<uint32_t> FigureHashes(std::string_view text) {
  std::vector<uint32_t> out;
  size_t pos = 0;
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  while (pos < text.size()) {
    while (pos < text.size() && space(text[pos])) ++pos;
    size_t e = pos;
    while (e < text.size() && !space(text[e])) ++e;
    std::string_view tok = text.substr(pos, e - pos);
    pos = e;
    auto edge = [](char c) {
      return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80);
    };
    while (!tok.empty() && edge(tok.front())) tok.remove_prefix(1);
    while (!tok.empty() && edge(tok.back())) tok.remove_suffix(1);
    if (tok.find_first_of("0123456789") == std::string_view::npos) continue;
    out.push_back(static_cast<uint32_t>(Hash64(tok) >> 32));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // UINT32_MAX pads the slots.
  if (!out.empty() && out.back() == UINT32_MAX) out.back() = UINT32_MAX - 1;
  return out;
}

}  // namespace

double FigureContainment(const std::vector<uint32_t>& a,
                         const std::vector<uint32_t>& b) {
  if (a.size() != kFullSignatureSize || b.size() != kFullSignatureSize) return 1;
  const uint32_t na = a[kSignatureSize], nb = b[kSignatureSize];
  if (std::min(na, nb) < 2) return 1;
  auto slots = [](const std::vector<uint32_t>& s) {
    std::vector<uint32_t> v;
    for (size_t i = kSignatureSize + 1; i < s.size(); ++i) {
      if (s[i] != UINT32_MAX) v.push_back(s[i]);
    }
    return v;
  };
  std::vector<uint32_t> sa = slots(a), sb = slots(b);
  if (na <= kNumberSlots && nb <= kNumberSlots) {
    std::vector<uint32_t> both;
    std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(),
                          std::back_inserter(both));
    return static_cast<double>(both.size()) / std::min(na, nb);
  }
  // Bottom-k: the k smallest of the union, and how many are in both.
  std::vector<uint32_t> uni;
  std::set_union(sa.begin(), sa.end(), sb.begin(), sb.end(),
                 std::back_inserter(uni));
  const size_t k = std::min(sa.size(), sb.size());
  if (k == 0) return 1;
  uni.resize(std::min(uni.size(), k));
  size_t in_both = 0;
  for (uint32_t h : uni) {
    in_both += std::binary_search(sa.begin(), sa.end(), h) &&
               std::binary_search(sb.begin(), sb.end(), h);
  }
  const double j = static_cast<double>(in_both) / uni.size();
  const double inter = j * (na + nb) / (1 + j);
  return std::min(1.0, inter / std::min(na, nb));
}

std::vector<uint32_t> MinHashSignature(std::string_view text) {
  std::vector<uint64_t> shingles = ShingleHashes(text);
  std::vector<uint32_t> sig;
  if (shingles.empty()) return sig;
  const Permutations& p = Perms();
  // The first kSignatureSize - 1 slots are minima; the last is the size.
  sig.assign(kSignatureSize, UINT32_MAX);
  for (uint64_t s : shingles) {
    for (size_t i = 0; i + 1 < kSignatureSize; ++i) {
      uint32_t v = static_cast<uint32_t>((p.a[i] * s + p.b[i]) >> 32);
      if (v < sig[i]) sig[i] = v;
    }
  }
  sig[kSignatureSize - 1] = static_cast<uint32_t>(
      std::min<size_t>(shingles.size(), UINT32_MAX));
  std::vector<uint32_t> figures = FigureHashes(text);
  sig.push_back(static_cast<uint32_t>(std::min<size_t>(figures.size(), UINT32_MAX)));
  for (size_t i = 0; i < kNumberSlots; ++i) {
    sig.push_back(i < figures.size() ? figures[i] : UINT32_MAX);
  }
  return sig;
}

std::vector<int64_t> BandKeys(const std::vector<uint32_t>& sig) {
  std::vector<int64_t> keys;
  if (sig.size() < kSignatureSize) return keys;
  keys.reserve(kBands);
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t h = Mix(band + 0x1234);
    for (size_t r = 0; r < kRows; ++r) {
      size_t i = band * kRows + r;
      // The size slot is not a minimum: the last band uses the one before.
      if (i == kSignatureSize - 1) i = kSignatureSize - 2 - kRows;
      h = Mix(h ^ sig[i]);
    }
    keys.push_back(static_cast<int64_t>(h >> 1));
  }
  return keys;
}

Similarity EstimateSimilarity(const std::vector<uint32_t>& a,
                              const std::vector<uint32_t>& b) {
  Similarity s;
  if (a.size() < kSignatureSize || b.size() < kSignatureSize) return s;
  size_t same = 0;
  for (size_t i = 0; i + 1 < kSignatureSize; ++i) same += a[i] == b[i];
  s.jaccard = static_cast<double>(same) / (kSignatureSize - 1);
  const double na = a[kSignatureSize - 1], nb = b[kSignatureSize - 1];
  // |A n B| = J (|A| + |B|) / (1 + J).
  const double inter = s.jaccard * (na + nb) / (1 + s.jaccard);
  const double smaller = std::min(na, nb);
  s.containment = smaller > 0 ? std::min(1.0, inter / smaller) : 0;
  return s;
}

bool SameStory(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
               const StoryRule& rule) {
  if (a.size() < kSignatureSize || b.size() < kSignatureSize) return false;
  if (FigureContainment(a, b) < rule.min_figure_containment) return false;
  Similarity s = EstimateSimilarity(a, b);
  const uint32_t smaller = std::min(a[kSignatureSize - 1], b[kSignatureSize - 1]);
  if (smaller < rule.short_text_shingles) {
    return s.jaccard >= rule.short_text_min_jaccard;
  }
  if (s.jaccard >= rule.min_jaccard) return true;
  return smaller >= rule.min_shingles_for_containment &&
         s.containment >= rule.min_containment;
}

}  // namespace dateline

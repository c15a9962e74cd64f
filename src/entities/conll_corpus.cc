#include "entities/conll_corpus.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace dateline {

// gzread passes plain files through.
bool ReadCorpusFile(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, n);
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

namespace {

// A small MD5 (RFC 1321), enough to record which data a model was made from.
class Md5 {
 public:
  std::string Digest(std::string_view data) {
    uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    std::string msg(data);
    uint64_t bits = static_cast<uint64_t>(data.size()) * 8;
    msg.push_back(static_cast<char>(0x80));
    while (msg.size() % 64 != 56) msg.push_back('\0');
    for (int i = 0; i < 8; ++i)
      msg.push_back(static_cast<char>(bits >> (8 * i)));
    static const uint32_t kK[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
        0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
        0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
        0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
        0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
        0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
        0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
        0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
    static const int kR[64] = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    for (size_t off = 0; off < msg.size(); off += 64) {
      uint32_t w[16];
      for (int i = 0; i < 16; ++i) {
        const unsigned char* p =
            reinterpret_cast<const unsigned char*>(msg.data() + off + 4 * i);
        w[i] = p[0] | (p[1] << 8) | (p[2] << 16) |
               (static_cast<uint32_t>(p[3]) << 24);
      }
      uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
      for (int i = 0; i < 64; ++i) {
        uint32_t f;
        int g;
        if (i < 16) {
          f = (b & c) | (~b & d);
          g = i;
        } else if (i < 32) {
          f = (d & b) | (~d & c);
          g = (5 * i + 1) % 16;
        } else if (i < 48) {
          f = b ^ c ^ d;
          g = (3 * i + 5) % 16;
        } else {
          f = c ^ (b | ~d);
          g = (7 * i) % 16;
        }
        uint32_t tmp = d;
        d = c;
        c = b;
        uint32_t x = a + f + kK[i] + w[g];
        b = b + ((x << kR[i]) | (x >> (32 - kR[i])));
        a = tmp;
      }
      h[0] += a;
      h[1] += b;
      h[2] += c;
      h[3] += d;
    }
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) {
        unsigned v = (h[i] >> (8 * j)) & 0xff;
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 15]);
      }
    }
    return out;
  }
};

}  // namespace

size_t ConllCorpus::TokenCount() const {
  size_t n = 0;
  for (const auto& d : documents)
    for (const auto& s : d.sentences) n += s.size();
  return n;
}

Status ReadConllFile(const std::string& path, ConllCorpus* corpus) {
  std::string data;
  if (!ReadCorpusFile(path, &data)) return Status::IOError(path, "cannot read");
  corpus->documents.clear();
  ConllDocument doc;
  ConllSentence sentence;
  auto end_sentence = [&] {
    if (!sentence.empty()) doc.sentences.push_back(std::move(sentence));
    sentence.clear();
  };
  auto end_document = [&] {
    end_sentence();
    if (!doc.sentences.empty()) corpus->documents.push_back(std::move(doc));
    doc = ConllDocument();
  };
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string> cols;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) cols.emplace_back(line.substr(i, j - i));
      i = j;
    }
    if (cols.empty()) {
      end_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      end_document();
      continue;
    }
    if (cols.size() < 2) {
      return Status::Corruption(path, "line " + std::to_string(line_no) +
                                          ": expected WORD and tag columns");
    }
    ConllToken tok;
    tok.word = std::move(cols[0]);
    tok.columns.assign(std::make_move_iterator(cols.begin() + 1),
                       std::make_move_iterator(cols.end()));
    sentence.push_back(std::move(tok));
  }
  end_document();
  return Status::OK();
}

std::string ConllFileMd5(const std::string& path) {
  std::string data;
  if (!ReadCorpusFile(path, &data)) return "";
  return Md5().Digest(data);
}

std::vector<LabelledSpan> SpansFromIob(const std::vector<std::string>& tags) {
  std::vector<LabelledSpan> spans;
  std::string_view cur_type;
  int begin = -1;
  auto close = [&](int end) {
    if (begin >= 0) spans.push_back({begin, end, std::string(cur_type)});
    begin = -1;
    cur_type = {};
  };
  for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
    std::string_view t = tags[i];
    if (t.size() < 2 || t[1] != '-' || (t[0] != 'B' && t[0] != 'I')) {
      close(i);
      continue;
    }
    std::string_view type = t.substr(2);
    if (t[0] == 'B' || begin < 0 || type != cur_type) {
      close(i);
      begin = i;
      cur_type = type;
    }
  }
  close(static_cast<int>(tags.size()));
  return spans;
}

SpanCounter::Counts* SpanCounter::Get(const std::string& type) {
  for (auto& [t, c] : per_type_)
    if (t == type) return &c;
  per_type_.emplace_back(type, Counts());
  return &per_type_.back().second;
}

void SpanCounter::Add(const std::vector<std::string>& gold,
                      const std::vector<std::string>& predicted) {
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i)
    correct_tokens_ += gold[i] == predicted[i];
  tokens_ += static_cast<long>(gold.size());
  std::vector<LabelledSpan> g = SpansFromIob(gold);
  std::vector<LabelledSpan> p = SpansFromIob(predicted);
  std::vector<bool> matched(p.size(), false);
  for (const auto& gs : g) {
    bool found = false;
    for (size_t k = 0; k < p.size(); ++k) {
      if (!matched[k] && p[k] == gs) {
        matched[k] = true;
        found = true;
        break;
      }
    }
    if (found) {
      ++Get(gs.type)->tp;
    } else {
      ++Get(gs.type)->fn;
    }
  }
  for (size_t k = 0; k < p.size(); ++k)
    if (!matched[k]) ++Get(p[k].type)->fp;
}

SpanCounter::Counts SpanCounter::All(
    const std::vector<std::string>& excluded) const {
  Counts sum;
  for (const auto& [t, c] : per_type_) {
    if (std::find(excluded.begin(), excluded.end(), t) != excluded.end())
      continue;
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return sum;
}

SpanCounter::Counts SpanCounter::Type(const std::string& type) const {
  for (const auto& [t, c] : per_type_)
    if (t == type) return c;
  return Counts();
}

std::vector<std::string> SpanCounter::Types() const {
  std::vector<std::string> out;
  for (const auto& [t, c] : per_type_) out.push_back(t);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace dateline

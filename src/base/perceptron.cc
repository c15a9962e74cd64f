#include "base/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace dateline {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

void* AllocateLarge(size_t bytes) {
#ifdef __linux__
  if (bytes >= kHugePage) {
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
    // Before the first touch, so the pages are faulted in huge; a refusal
    // only costs speed.
    madvise(p, rounded, MADV_HUGEPAGE);
    return p;
  }
#endif
  return ::operator new(bytes);
}

void FreeLarge(void* p, size_t bytes) {
#ifdef __linux__
  if (bytes >= kHugePage) {
    std::free(p);
    return;
  }
#endif
  ::operator delete(p);
}

namespace {

void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
uint64_t GetU64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

}  // namespace

bool PerceptronWeights::Index() {
  size_t size = 16;
  while (size < row_keys_.size() * 2) size *= 2;
  slots_.assign(size, Slot());
  mask_ = size - 1;
  dense_.clear();
  bool unique = true;
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    uint64_t s = row_keys_[r] & mask_;
    while (slots_[s].key != 0) {
      if (slots_[s].key == row_keys_[r]) unique = false;
      s = (s + 1) & mask_;
    }
    Slot& slot = slots_[s];
    slot.key = row_keys_[r];
    slot.offset = row_begin_[r];
    const uint32_t nnz = row_begin_[r + 1] - row_begin_[r];
    slot.count = nnz;
    if (classes_ <= 0 || nnz * 4 <= static_cast<uint32_t>(classes_)) continue;
    slot.offset = static_cast<uint32_t>(dense_.size());
    slot.count = kDense;
    dense_.resize(dense_.size() + classes_, 0);
    int16_t* w = dense_.data() + slot.offset;
    for (uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e)
      w[entries_[e].cls] = entries_[e].q;
  }
  return unique;
}

void PerceptronWeights::Serialize(std::string* out) const {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.9g", scale_);
  *out += "weights\t" + std::to_string(row_keys_.size()) + "\t" + buf + "\n";
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    PutU64(out, row_keys_[r]);
    out->push_back(static_cast<char>(row_begin_[r + 1] - row_begin_[r]));
    for (uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e) {
      const long q = entries_[e].q;
      out->push_back(static_cast<char>(entries_[e].cls));
      out->push_back(static_cast<char>(q & 0xff));
      out->push_back(static_cast<char>((q >> 8) & 0xff));
    }
  }
}

Status PerceptronWeights::Parse(const std::string& path, std::string_view data,
                                size_t* pos_ptr, int classes) {
  size_t& pos = *pos_ptr;
  auto bad = [&](const std::string& why) {
    return Status::Corruption(path, why);
  };
  if (classes <= 0 || classes > kMaxClasses) return bad("bad class count");
  size_t nl = data.find('\n', pos);
  if (nl == std::string_view::npos) return bad("truncated weights header");
  std::string header(data.substr(pos, nl - pos));
  pos = nl + 1;
  if (header.rfind("weights\t", 0) != 0) return bad("no weights section");
  char* end = nullptr;
  const char* p = header.c_str() + 8;
  unsigned long long rows = std::strtoull(p, &end, 10);
  if (end == p || *end != '\t') return bad("bad weights header");
  p = end + 1;
  float scale = std::strtof(p, &end);
  if (end == p || !(scale > 0) || !std::isfinite(scale))
    return bad("bad weights scale");
  // Each row takes at least 9 bytes: a count larger than the data is corrupt
  // (and must not make us reserve memory for it).
  if (rows > (data.size() - pos) / 9) return bad("truncated weights");
  PerceptronWeights w;
  w.classes_ = classes;
  w.scale_ = scale;
  w.row_keys_.reserve(rows);
  w.row_begin_.reserve(rows + 1);
  w.row_begin_.push_back(0);
  // At most one entry per 3 bytes left.
  w.entries_.reserve((data.size() - pos) / 3);
  const auto* u = reinterpret_cast<const unsigned char*>(data.data());
  for (size_t r = 0; r < rows; ++r) {
    if (pos + 9 > data.size()) return bad("truncated weights");
    const uint64_t key = GetU64(u + pos);
    const int nnz = u[pos + 8];
    pos += 9;
    if (key == 0) return bad("zero feature key");
    if (pos + 3 * static_cast<size_t>(nnz) > data.size())
      return bad("truncated weights");
    for (int e = 0; e < nnz; ++e) {
      const int cls = u[pos];
      const int16_t q = static_cast<int16_t>(u[pos + 1] | (u[pos + 2] << 8));
      pos += 3;
      if (cls >= classes) return bad("class out of range");
      w.entries_.push_back({q, static_cast<uint8_t>(cls)});
    }
    w.row_keys_.push_back(key);
    w.row_begin_.push_back(static_cast<uint32_t>(w.entries_.size()));
  }
  w.entries_.shrink_to_fit();
  // Keys must be unique, or lookups would silently miss rows.
  if (!w.Index()) return bad("duplicate feature key");
  *this = std::move(w);
  return Status::OK();
}

PerceptronWeights PerceptronWeights::Mean(
    const std::vector<const PerceptronWeights*>& parts) {
  PerceptronWeights out;
  if (parts.empty()) return out;
  out.classes_ = parts[0]->classes_;
  std::unordered_map<uint64_t, size_t> row_of;
  std::vector<float> sums;
  std::vector<uint64_t> keys;
  for (const PerceptronWeights* p : parts) {
    for (size_t r = 0; r < p->row_keys_.size(); ++r) {
      auto [it, inserted] = row_of.emplace(p->row_keys_[r], keys.size());
      if (inserted) {
        keys.push_back(p->row_keys_[r]);
        sums.resize(sums.size() + out.classes_, 0.0f);
      }
      float* row = sums.data() + it->second * out.classes_;
      for (uint32_t e = p->row_begin_[r]; e < p->row_begin_[r + 1]; ++e) {
        const Entry& x = p->entries_[e];
        if (x.cls < out.classes_) row[x.cls] += x.q * p->scale_;
      }
    }
  }
  float max_abs = 0;
  for (float& v : sums) {
    v /= static_cast<float>(parts.size());
    max_abs = std::max(max_abs, std::fabs(v));
  }
  out.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  out.row_begin_.push_back(0);
  for (size_t r : order) {
    const size_t before = out.entries_.size();
    for (int c = 0; c < out.classes_; ++c) {
      const float v = sums[r * out.classes_ + c];
      const long q = std::lround(v / out.scale_);
      if (q == 0) continue;
      out.entries_.push_back({static_cast<int16_t>(q), static_cast<uint8_t>(c)});
    }
    if (out.entries_.size() == before) continue;
    out.row_keys_.push_back(keys[r]);
    out.row_begin_.push_back(static_cast<uint32_t>(out.entries_.size()));
  }
  out.Index();
  return out;
}

PerceptronWeights PerceptronWeights::FromRows(int classes, float scale,
                                              const std::vector<uint64_t>& keys,
                                              const std::vector<int16_t>& q) {
  PerceptronWeights out;
  out.classes_ = classes;
  out.scale_ = scale;
  out.row_begin_.push_back(0);
  for (size_t r = 0; r < keys.size(); ++r) {
    const size_t before = out.entries_.size();
    for (int c = 0; c < classes; ++c) {
      const int16_t v = q[r * classes + c];
      if (v == 0) continue;
      out.entries_.push_back({v, static_cast<uint8_t>(c)});
    }
    if (out.entries_.size() == before) continue;
    out.row_keys_.push_back(keys[r]);
    out.row_begin_.push_back(static_cast<uint32_t>(out.entries_.size()));
  }
  out.Index();
  return out;
}

PerceptronWeights PerceptronWeights::Pruned(float min_abs) const {
  PerceptronWeights out;
  out.classes_ = classes_;
  out.scale_ = scale_;
  out.row_begin_.push_back(0);
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    const size_t before = out.entries_.size();
    for (uint32_t e = row_begin_[r]; e < row_begin_[r + 1]; ++e) {
      if (std::fabs(entries_[e].q * scale_) < min_abs) continue;
      out.entries_.push_back(entries_[e]);
    }
    if (out.entries_.size() == before) continue;
    out.row_keys_.push_back(row_keys_[r]);
    out.row_begin_.push_back(static_cast<uint32_t>(out.entries_.size()));
  }
  out.Index();
  return out;
}

PerceptronTrainer::PerceptronTrainer(int classes) : classes_(classes) {
  Rehash(1 << 16);
}

int PerceptronTrainer::Find(uint64_t key) const {
  for (uint64_t s = key & mask_;; s = (s + 1) & mask_) {
    if (keys_[s] == key) return rows_[s];
    if (keys_[s] == 0) return -1;
  }
}

int PerceptronTrainer::FindOrInsert(uint64_t key) {
  if ((count_ + 1) * 2 > keys_.size()) Rehash(keys_.size() * 2);
  uint64_t s = key & mask_;
  for (;; s = (s + 1) & mask_) {
    if (keys_[s] == key) return rows_[s];
    if (keys_[s] == 0) break;
  }
  keys_[s] = key;
  rows_[s] = static_cast<int32_t>(count_++);
  row_keys_.push_back(key);
  w_.resize(count_ * classes_, 0.0f);
  u_.resize(count_ * classes_, 0.0);
  return rows_[s];
}

void PerceptronTrainer::Rehash(size_t size) {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<int32_t> old_rows = std::move(rows_);
  keys_.assign(size, 0);
  rows_.assign(size, -1);
  mask_ = size - 1;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    uint64_t s = old_keys[i] & mask_;
    while (keys_[s] != 0) s = (s + 1) & mask_;
    keys_[s] = old_keys[i];
    rows_[s] = old_rows[i];
  }
}

void PerceptronTrainer::Score(const uint64_t* keys, size_t count,
                              float* scores) const {
  for (size_t i = 0; i < count; ++i) {
    const int r = Find(keys[i]);
    if (r < 0) continue;
    const float* w = w_.data() + static_cast<size_t>(r) * classes_;
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::Score(const uint64_t* keys, size_t count,
                              float* scores, LookupCache* cache) const {
  for (size_t i = 0; i < count; ++i) {
    const size_t at = (keys[i] >> 40) & (LookupCache::kSize - 1);
    int r;
    if (cache->keys_[at] == keys[i]) {
      r = cache->rows_[at];
    } else {
      r = Find(keys[i]);
      cache->keys_[at] = keys[i];
      cache->rows_[at] = r;
    }
    if (r < 0) continue;
    const float* w = w_.data() + static_cast<size_t>(r) * classes_;
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::Update(const uint64_t* keys, size_t count, int cls,
                               float delta) {
  for (size_t i = 0; i < count; ++i) {
    const size_t at = static_cast<size_t>(FindOrInsert(keys[i])) * classes_ + cls;
    w_[at] += delta;
    u_[at] += clock_ * delta;
  }
}

PerceptronWeights PerceptronTrainer::Averaged(float prune) const {
  PerceptronWeights out;
  out.classes_ = classes_;
  // Averaged weights, then a scale that maps the largest onto int16.
  std::vector<float> avg(w_.size());
  float max_abs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] / clock_);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  out.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const float keep = std::max(prune, out.scale_ * 0.5f);
  out.row_begin_.push_back(0);
  // Rows in key order, so the same weights always give the same file.
  std::vector<size_t> order(count_);
  for (size_t r = 0; r < count_; ++r) order[r] = r;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return row_keys_[a] < row_keys_[b]; });
  for (size_t r : order) {
    const size_t before = out.entries_.size();
    for (int c = 0; c < classes_; ++c) {
      const float v = avg[r * classes_ + c];
      if (std::fabs(v) < keep) continue;
      const long q = std::lround(v / out.scale_);
      out.entries_.push_back({static_cast<int16_t>(q), static_cast<uint8_t>(c)});
    }
    if (out.entries_.size() == before) continue;
    out.row_keys_.push_back(row_keys_[r]);
    out.row_begin_.push_back(static_cast<uint32_t>(out.entries_.size()));
  }
  out.Index();
  return out;
}

}  // namespace dateline

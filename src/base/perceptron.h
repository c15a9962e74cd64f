// The averaged multi-class perceptron the learnt models share: hashed
// feature keys, one row of class weights per key.
//
// PerceptronTrainer holds dense rows while learning (weights and the running
// sums averaging needs, Daumé's trick: averaged = w - u / c) and grows as
// features are first updated. PerceptronWeights is what a model keeps: the
// averaged rows, pruned, quantised to int16 and stored sparsely (only the
// classes a feature has a weight for), in the binary row format the sequence
// tagger's model files also use: per row the key (8 bytes, little-endian),
// the count of weights (1 byte), then (class: 1 byte, weight: int16) pairs.
// A PerceptronWeights is immutable once built: Score may be called from
// several threads. The trainer is single-threaded.
#ifndef DATELINE_BASE_PERCEPTRON_H_
#define DATELINE_BASE_PERCEPTRON_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline {

// Allocates `bytes` for a large table read at random: on Linux, in 2 MB
// pages where the kernel grants them (transparent huge pages on request),
// so a lookup costs no TLB miss on top of its cache miss. FreeLarge takes
// the same size back.
void* AllocateLarge(size_t bytes);
void FreeLarge(void* p, size_t bytes);

// A std::vector allocator over AllocateLarge.
template <typename T>
struct LargeTableAllocator {
  using value_type = T;
  LargeTableAllocator() = default;
  template <typename U>
  LargeTableAllocator(const LargeTableAllocator<U>&) {}
  T* allocate(size_t n) {
    return static_cast<T*>(AllocateLarge(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) { FreeLarge(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const LargeTableAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const LargeTableAllocator<U>&) const {
    return false;
  }
};

class PerceptronWeights {
 public:
  // At most this many classes (the class is one byte in the file).
  static constexpr int kMaxClasses = 255;

  int classes() const { return classes_; }
  size_t rows() const { return row_keys_.size(); }
  // What one integer step of Score is worth.
  float scale() const { return scale_; }

  // Adds the weights of every key found in `keys` to scores[0..classes).
  // The table is far larger than the caches, so the slots of all keys are
  // fetched ahead first (a slot holds all a lookup needs: one miss), then
  // their weights, then the weights are added.
  //
  // Weights are kept as the file stores them, int16 steps of one scale, and
  // summed as integers: half the memory traffic of floats, same argmax.
  void Score(const uint64_t* keys, size_t count, int32_t* scores) const {
    if (slots_.empty()) return;
    constexpr size_t kBatch = 128;
    const Slot* found[kBatch];
    for (size_t base = 0; base < count; base += kBatch) {
      const size_t n = std::min(kBatch, count - base);
      LookUpBatch(keys + base, n, /*float_rows=*/false, found);
      for (size_t i = 0; i < n; ++i) AddRow(found[i], scores);
    }
  }

  // A memo of recent lookups (key -> its slot, or none), for a caller whose
  // feature keys repeat from one scoring to the next: a beam's hypotheses
  // share most of their stack and buffer, so most of their keys. One per
  // thread (Score writes to it); valid only for the table it was used with.
  class LookupCache {
   public:
    LookupCache() : entries_(kSize) {}

   private:
    friend class PerceptronWeights;
    static constexpr size_t kSize = 4096;
    struct Item {
      uint64_t key = 0;  // 0: empty
      const void* slot = nullptr;  // nullptr: the key has no row
    };
    std::vector<Item> entries_;
  };

  // As Score, remembering lookups in *cache (a hit reads no table slot).
  void Score(const uint64_t* keys, size_t count, int32_t* scores,
             LookupCache* cache) const {
    if (slots_.empty()) return;
    constexpr size_t kBatch = 128;
    const Slot* found[kBatch];
    LookupCache::Item* memo[kBatch];
    for (size_t base = 0; base < count; base += kBatch) {
      const size_t n = std::min(kBatch, count - base);
      for (size_t i = 0; i < n; ++i) {
        const uint64_t key = keys[base + i];
        memo[i] = &cache->entries_[(key >> 40) & (LookupCache::kSize - 1)];
        if (memo[i]->key == key) {
          found[i] = static_cast<const Slot*>(memo[i]->slot);
          memo[i] = nullptr;  // a hit
        } else {
          __builtin_prefetch(&slots_[key & mask_]);
        }
      }
      for (size_t i = 0; i < n; ++i) {
        const uint64_t key = keys[base + i];
        if (memo[i] != nullptr) {
          found[i] = Find(key);
          memo[i]->key = key;
          memo[i]->slot = found[i];
        }
        if (found[i] == nullptr) continue;
        if (found[i]->count == kDense) {
          __builtin_prefetch(&dense_[found[i]->offset]);
        } else {
          __builtin_prefetch(&entries_[found[i]->offset]);
        }
      }
      for (size_t i = 0; i < n; ++i) AddRow(found[i], scores);
    }
  }

  // Adds the weights of `key` (when it has a row), each times scale(), to
  // scores[0..classes) as floats: for models decoded over float scores (the
  // sequence tagger's Viterbi). Bit for bit what adding a dense float row of
  // q * scale() would give, since the classes without a weight add nothing.
  void AddScaled(uint64_t key, float* scores) const {
    if (slots_.empty()) return;
    AddScaledRow(Find(key), scores);
  }

  // As AddScaled(keys[i], dests[i]) for each i in order (the same sums), with
  // the lookups of a batch prefetched together rather than one cache miss
  // after another: the taggers score ~50 features a word, most of them
  // absent from the table.
  void AddScaledMany(const uint64_t* keys, float* const* dests,
                     size_t count) const {
    if (slots_.empty()) return;
    constexpr size_t kBatch = 64;
    const Slot* found[kBatch];
    const bool floats = !dense_f_.empty();
    for (size_t base = 0; base < count; base += kBatch) {
      const size_t n = std::min(kBatch, count - base);
      LookUpBatch(keys + base, n, floats, found);
      for (size_t i = 0; i < n; ++i) AddScaledRow(found[i], dests[base + i]);
    }
  }

 private:
  struct Slot;
  // Finds the slots of keys[0, n) into found[] (nullptr: no row): all their
  // slots fetched ahead first (a slot holds all a lookup needs: one miss),
  // then the rows found (the float copy of dense rows when `float_rows`).
  void LookUpBatch(const uint64_t* keys, size_t n, bool float_rows,
                   const Slot** found) const {
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask_]);
    for (size_t i = 0; i < n; ++i) {
      found[i] = Find(keys[i]);
      if (found[i] == nullptr) continue;
      if (found[i]->count != kDense) {
        __builtin_prefetch(&entries_[found[i]->offset]);
      } else if (float_rows) {
        __builtin_prefetch(&dense_f_[found[i]->offset]);
      } else {
        __builtin_prefetch(&dense_[found[i]->offset]);
      }
    }
  }
  void AddScaledRow(const Slot* slot, float* scores) const {
    if (slot == nullptr) return;
    if (slot->count == kDense) {
      if (!dense_f_.empty()) {
        // q * scale as floats, a vectorisable pass (a zero adds nothing).
        const float* w = dense_f_.data() + slot->offset;
        for (int c = 0; c < classes_; ++c) scores[c] += w[c];
        return;
      }
      const int16_t* w = dense_.data() + slot->offset;
      for (int c = 0; c < classes_; ++c)
        scores[c] += static_cast<float>(w[c]) * scale_;
      return;
    }
    const Entry* e = entries_.data() + slot->offset;
    for (uint32_t k = 0; k < slot->count; ++k)
      scores[e[k].cls] += static_cast<float>(e[k].q) * scale_;
  }

 public:
  // Keeps a float copy (q * scale) of the dense rows, for AddScaled: a model
  // decoded over floats calls it once after loading (more memory, a
  // vectorised add per frequent feature instead of a conversion per class).
  void KeepFloatRows() {
    dense_f_.resize(dense_.size());
    for (size_t i = 0; i < dense_.size(); ++i)
      dense_f_[i] = static_cast<float>(dense_[i]) * scale_;
  }

  // Builds a table from dense rows of int16 steps (`q`: rows of `classes`
  // values, one per key, in the order of `keys`), keeping only the nonzero
  // steps; rows with none are left out.
  static PerceptronWeights FromRows(int classes, float scale,
                                    const std::vector<uint64_t>& keys,
                                    const std::vector<int16_t>& q);

  // Returns this table without the weights below `min_abs` in magnitude
  // (rows left empty removed).
  PerceptronWeights Pruned(float min_abs) const;

  // Returns the mean of tables over the same classes: a key's weight is the
  // sum of its weights in every table divided by their number.
  static PerceptronWeights Mean(const std::vector<const PerceptronWeights*>& parts);

  // Appends the rows to *out (see the class comment; the scale first, as
  // "weights\tROWS\tSCALE\n").
  void Serialize(std::string* out) const;
  // Reads rows written by Serialize from data[*pos...], advancing *pos.
  // Returns Corruption (naming `path`) on a malformed or truncated table.
  Status Parse(const std::string& path, std::string_view data, size_t* pos,
               int classes);

 private:
  friend class PerceptronTrainer;
  // One weight of a sparse row.
  struct Entry {
    int16_t q;    // weight / scale_
    uint8_t cls;  // its class
    uint8_t unused = 0;
  };
  static constexpr uint32_t kDense = 0xffffffffu;
  // One slot of the open-addressing table (16 bytes, four to a cache line):
  // the key, and where its weights are: `count` entries from entries_[offset]
  // or, when count is kDense, a dense row at dense_[offset]. The table is at
  // most half full, because most lookups are of features the model never
  // kept, and a miss probes until an empty slot (about 2.5 slots at half
  // full, 6 at 70%).
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t offset = 0;
    uint32_t count = 0;
  };
  void AddRow(const Slot* slot, int32_t* __restrict scores) const {
    if (slot == nullptr) return;
    // A local count: a store through `scores` (int) could otherwise be a
    // store to classes_ for the compiler, which then adds one by one.
    const int classes = classes_;
    if (slot->count == kDense) {
      // A frequent feature with weights for most classes: one
      // vectorisable pass beats scattered adds.
      const int16_t* __restrict w = dense_.data() + slot->offset;
      for (int c = 0; c < classes; ++c) scores[c] += w[c];
      return;
    }
    const Entry* e = entries_.data() + slot->offset;
    const uint32_t count = slot->count;
    for (uint32_t k = 0; k < count; ++k) scores[e[k].cls] += e[k].q;
  }
  const Slot* Find(uint64_t key) const {
    for (uint64_t s = key & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].key == key) return &slots_[s];
      if (slots_[s].key == 0) return nullptr;
    }
  }
  // Builds the lookup table over row_keys_, with dense copies of the rows
  // that have weights for more than a quarter of the classes. Returns false
  // when a key is there twice (lookups would silently miss rows).
  bool Index();

  int classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> row_keys_;
  std::vector<uint32_t> row_begin_;  // rows() + 1 offsets into entries
  // The rows' weights (row_begin_ says where), the dense rows and the slots:
  // the tables read at random, so in huge pages where granted.
  std::vector<Entry, LargeTableAllocator<Entry>> entries_;
  std::vector<int16_t, LargeTableAllocator<int16_t>> dense_;
  std::vector<float> dense_f_;  // KeepFloatRows: dense_ * scale_
  std::vector<Slot, LargeTableAllocator<Slot>> slots_;
  uint64_t mask_ = 0;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes);

  int classes() const { return classes_; }
  size_t rows() const { return count_; }

  // Adds the current (not averaged) weights of `keys` to scores.
  void Score(const uint64_t* keys, size_t count, float* scores) const;

  // A memo of lookups (key -> row) for scoring many states between two
  // updates (a beam's search over a sentence); Update invalidates it, so
  // call Clear after updating.
  class LookupCache {
   public:
    LookupCache() : keys_(kSize, 0), rows_(kSize, -1) {}
    void Clear() { std::fill(keys_.begin(), keys_.end(), 0); }

   private:
    friend class PerceptronTrainer;
    static constexpr size_t kSize = 4096;
    std::vector<uint64_t> keys_;
    std::vector<int> rows_;
  };
  // As Score, remembering lookups in *cache.
  void Score(const uint64_t* keys, size_t count, float* scores,
             LookupCache* cache) const;
  // Adds `delta` to the weight of `cls` for every key (creating rows).
  void Update(const uint64_t* keys, size_t count, int cls, float delta);
  // Counts one example seen (the clock averaging weighs updates by).
  void Tick() { ++clock_; }

  // Returns the averaged weights; weights with |w| below `prune` are
  // dropped and rows left empty removed. Quantised to int16 steps.
  PerceptronWeights Averaged(float prune = 0.0f) const;

 private:
  int Find(uint64_t key) const;
  int FindOrInsert(uint64_t key);
  void Rehash(size_t size);

  int classes_;
  size_t count_ = 0;
  uint64_t mask_ = 0;
  double clock_ = 1;
  std::vector<uint64_t> keys_;
  std::vector<int32_t> rows_;
  std::vector<uint64_t> row_keys_;
  std::vector<float> w_;
  std::vector<double> u_;
};

}  // namespace dateline

#endif  // DATELINE_BASE_PERCEPTRON_H_

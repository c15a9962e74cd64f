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
      for (size_t i = 0; i < n; ++i)
        __builtin_prefetch(&slots_[keys[base + i] & mask_]);
      for (size_t i = 0; i < n; ++i) {
        found[i] = Find(keys[base + i]);
        if (found[i] == nullptr) continue;
        if (found[i]->dense >= 0) {
          __builtin_prefetch(&dense_[found[i]->dense]);
        } else {
          __builtin_prefetch(&entry_class_[found[i]->begin]);
          __builtin_prefetch(&entry_q_[found[i]->begin]);
        }
      }
      for (size_t i = 0; i < n; ++i) {
        const Slot* slot = found[i];
        if (slot == nullptr) continue;
        if (slot->dense >= 0) {
          // A frequent feature with weights for most classes: one
          // vectorisable pass beats scattered adds.
          const int16_t* w = dense_.data() + slot->dense;
          for (int c = 0; c < classes_; ++c) scores[c] += w[c];
          continue;
        }
        for (uint32_t e = slot->begin; e < slot->end; ++e) {
          scores[entry_class_[e]] += entry_q_[e];
        }
      }
    }
  }

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
  // One slot of the open-addressing table: the key, its sparse entries
  // [begin, end), and the offset of its dense copy in dense_ (or -1).
  struct Slot {
    uint64_t key = 0;  // 0: empty
    uint32_t begin = 0;
    uint32_t end = 0;
    int32_t dense = -1;
    int32_t row = -1;
  };
  const Slot* Find(uint64_t key) const {
    for (uint64_t s = key & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].key == key) return &slots_[s];
      if (slots_[s].key == 0) return nullptr;
    }
  }
  int FindRow(uint64_t key) const {
    if (slots_.empty()) return -1;
    const Slot* slot = Find(key);
    return slot == nullptr ? -1 : slot->row;
  }
  // Builds the lookup table over row_keys_, with dense copies of the rows
  // that have weights for more than a quarter of the classes.
  void Index();

  int classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> row_keys_;
  std::vector<uint32_t> row_begin_;  // rows() + 1 offsets into entries
  std::vector<uint8_t> entry_class_;
  std::vector<int16_t> entry_q_;  // weight / scale_
  std::vector<int16_t> dense_;
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes);

  int classes() const { return classes_; }
  size_t rows() const { return count_; }

  // Adds the current (not averaged) weights of `keys` to scores.
  void Score(const uint64_t* keys, size_t count, float* scores) const;
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

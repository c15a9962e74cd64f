#include "read/tar_reader.h"

#include <algorithm>

namespace dateline {
namespace {

constexpr size_t kBlock = 512;
// Long names (GNU 'L') and pax headers larger than this are refused.
constexpr uint64_t kMaxMetaBytes = 1 << 20;

std::string_view Field(std::string_view block, size_t off, size_t len) {
  std::string_view f = block.substr(off, len);
  size_t nul = f.find('\0');
  return nul == std::string_view::npos ? f : f.substr(0, nul);
}

// Parses an octal field (spaces and NULs around it), or GNU base-256 when
// the high bit of the first byte is set. Returns false if malformed.
bool ParseNumber(std::string_view f, uint64_t* out) {
  *out = 0;
  if (!f.empty() && (static_cast<unsigned char>(f[0]) & 0x80) != 0) {
    if (static_cast<unsigned char>(f[0]) != 0x80) return false;  // negative
    for (size_t i = 1; i < f.size(); ++i) {
      if (*out >> 56 != 0) return false;
      *out = (*out << 8) | static_cast<unsigned char>(f[i]);
    }
    return true;
  }
  size_t i = 0;
  while (i < f.size() && f[i] == ' ') ++i;
  bool any = false;
  for (; i < f.size() && f[i] >= '0' && f[i] <= '7'; ++i) {
    if (*out >> 60 != 0) return false;
    *out = *out * 8 + static_cast<uint64_t>(f[i] - '0');
    any = true;
  }
  for (; i < f.size(); ++i) {
    if (f[i] != ' ' && f[i] != '\0') return false;
  }
  return any || f.find_first_not_of(" \0", 0, 2) == std::string_view::npos;
}

// Serves exactly the bytes of one member from the archive's reader; `left`
// counts what is not yet read (shared with the TarReader, which skips the
// rest when the member's reader stops early).
class MemberSource : public ByteSource {
 public:
  MemberSource(BufferedReader* in, std::shared_ptr<uint64_t> left,
               uint64_t size, std::string name)
      : in_(in), left_(std::move(left)), size_(size), name_(std::move(name)) {}

  Status Read(char* buf, size_t n, size_t* got) override {
    *got = 0;
    n = static_cast<size_t>(std::min<uint64_t>(n, *left_));
    if (n == 0) return Status::OK();
    Status s = in_->ReadSome(buf, n, got);
    *left_ -= *got;
    if (!s.ok()) return s;
    if (*got == 0) {
      return Status::Corruption(name_, "truncated tar archive (member cut short)");
    }
    return Status::OK();
  }
  int64_t SizeHint() const override { return static_cast<int64_t>(size_); }

 private:
  BufferedReader* in_;
  std::shared_ptr<uint64_t> left_;
  uint64_t size_;
  std::string name_;
};

// Reads the value of `key` from pax extended header records
// ("LEN key=value\n"...). Returns false if not there or malformed.
bool PaxValue(std::string_view pax, std::string_view key, std::string* value) {
  size_t pos = 0;
  while (pos < pax.size()) {
    size_t sp = pax.find(' ', pos);
    if (sp == std::string_view::npos) return false;
    uint64_t len = 0;
    for (size_t i = pos; i < sp; ++i) {
      if (pax[i] < '0' || pax[i] > '9' || len > pax.size()) return false;
      len = len * 10 + static_cast<uint64_t>(pax[i] - '0');
    }
    if (len <= sp - pos || pos + len > pax.size()) return false;
    std::string_view rec = pax.substr(sp + 1, pos + len - sp - 1);
    if (!rec.empty() && rec.back() == '\n') rec.remove_suffix(1);
    size_t eq = rec.find('=');
    if (eq != std::string_view::npos && rec.substr(0, eq) == key) {
      value->assign(rec.substr(eq + 1));
      return true;
    }
    pos += len;
  }
  return false;
}

}  // namespace

bool IsZeroBlock(std::string_view block) {
  return std::all_of(block.begin(), block.end(),
                     [](char c) { return c == '\0'; });
}

Status ParseTarHeader(std::string_view block, TarHeader* header) {
  if (block.size() != kBlock) {
    return Status::Corruption("tar archive", "short header block");
  }
  uint64_t stored = 0;
  if (!ParseNumber(block.substr(148, 8), &stored)) {
    return Status::Corruption("tar archive", "bad header checksum field");
  }
  uint64_t sum_unsigned = 0;
  int64_t sum_signed = 0;
  for (size_t i = 0; i < kBlock; ++i) {
    unsigned char c =
        (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
    sum_unsigned += c;
    sum_signed += static_cast<signed char>(c);
  }
  if (stored != sum_unsigned && static_cast<int64_t>(stored) != sum_signed) {
    return Status::Corruption("tar archive", "bad header checksum");
  }
  if (!ParseNumber(block.substr(124, 12), &header->size)) {
    return Status::Corruption("tar archive", "bad size field");
  }
  header->type = block[156];
  std::string name(Field(block, 0, 100));
  if (block.substr(257, 5) == "ustar") {
    std::string_view prefix = Field(block, 345, 155);
    if (!prefix.empty() && block.substr(257, 6) == std::string_view("ustar\0", 6)) {
      name = std::string(prefix) + "/" + name;
    }
  }
  header->name = std::move(name);
  return Status::OK();
}

bool LooksLikeTar(std::string_view head) {
  if (head.size() < kBlock) return false;
  TarHeader h;
  if (!ParseTarHeader(head.substr(0, kBlock), &h).ok()) return false;
  if (head.substr(257, 5) == "ustar") return true;
  // v7 tar: a name, an octal mode field and a known type.
  return !h.name.empty() && (h.type == '\0' || (h.type >= '0' && h.type <= '7'));
}

bool TarReader::Fail(Page* page, const std::string& why) {
  done_ = true;
  member_.reset();
  *page = ErrorPage(name_, Status::Corruption(
                               name_, why + " at offset " +
                                          std::to_string(in_->offset())));
  return true;
}

bool TarReader::FinishMember() {
  member_.reset();
  uint64_t skip = (left_ ? *left_ : 0) + member_pad_;
  left_.reset();
  member_pad_ = 0;
  return in_->Skip(skip);
}

bool TarReader::Next(Page* page) {
  if (done_) return false;
  if (member_ != nullptr) {
    if (member_->Next(page)) return true;
    if (!FinishMember()) return Fail(page, "truncated tar archive");
  }
  std::string long_name;
  uint64_t pax_size = UINT64_MAX;
  std::string block;
  while (true) {
    block.clear();
    if (in_->AtEnd()) {
      done_ = true;  // no end-of-archive blocks: tolerated
      if (!in_->status().ok()) return Fail(page, in_->status().message());
      return false;
    }
    if (!in_->ReadExact(kBlock, &block)) {
      if (!in_->status().ok()) return Fail(page, in_->status().message());
      return Fail(page, "truncated tar archive (header cut short)");
    }
    if (IsZeroBlock(block)) {
      done_ = true;
      return false;
    }
    TarHeader h;
    Status s = ParseTarHeader(block, &h);
    if (!s.ok()) return Fail(page, "not a valid tar archive: " + s.message());
    if (pax_size != UINT64_MAX) h.size = pax_size;
    const uint64_t pad = (kBlock - h.size % kBlock) % kBlock;
    if (h.type == 'L' || h.type == 'x') {
      if (h.size > kMaxMetaBytes) return Fail(page, "tar metadata too large");
      std::string meta;
      if (!in_->ReadExact(static_cast<size_t>(h.size), &meta) ||
          !in_->Skip(pad)) {
        return Fail(page, "truncated tar archive");
      }
      if (h.type == 'L') {
        long_name.assign(meta.c_str());
      } else {
        std::string v;
        if (PaxValue(meta, "path", &v)) long_name = v;
        if (PaxValue(meta, "size", &v)) {
          uint64_t n = 0;
          bool ok = !v.empty() && v.size() < 19;
          for (char c : v) ok = ok && c >= '0' && c <= '9';
          if (!ok) return Fail(page, "bad pax size");
          for (char c : v) n = n * 10 + static_cast<uint64_t>(c - '0');
          pax_size = n;
        }
      }
      continue;
    }
    std::string member = long_name.empty() ? h.name : long_name;
    long_name.clear();
    pax_size = UINT64_MAX;
    const bool regular = h.type == '0' || h.type == '\0' || h.type == '7';
    std::string base = member.substr(member.rfind('/') + 1);
    if (!regular || h.size == 0 || base.empty() || base.starts_with("._")) {
      if (!in_->Skip(h.size + pad)) return Fail(page, "truncated tar archive");
      continue;
    }
    left_ = std::make_shared<uint64_t>(h.size);
    member_pad_ = pad;
    std::string source = name_ + "#" + member;
    member_ = open_(source, std::make_unique<MemberSource>(in_, left_, h.size,
                                                           source));
    if (member_ != nullptr && member_->Next(page)) return true;
    if (!FinishMember()) return Fail(page, "truncated tar archive");
  }
}

}  // namespace dateline

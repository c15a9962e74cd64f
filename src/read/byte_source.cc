#include "read/byte_source.h"

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dateline {
namespace {

constexpr size_t kChunk = 64 * 1024;

}  // namespace

// ---------------------------------------------------------------- FileSource

Status FileSource::Open(const std::string& path,
                        std::unique_ptr<ByteSource>* source) {
  if (path == "-") {
    source->reset(new FileSource(path, stdin, -1));
    return Status::OK();
  }
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Status::NotFound(path, "no such file");
    }
    return Status::IOError(path,
                           std::string("cannot open: ") + std::strerror(err));
  }
  int64_t size = -1;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
    size = static_cast<int64_t>(st.st_size);
  }
  source->reset(new FileSource(path, f, size));
  return Status::OK();
}

FileSource::~FileSource() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

Status FileSource::Read(char* buf, size_t n, size_t* got) {
  *got = std::fread(buf, 1, n, file_);
  if (*got < n && std::ferror(file_)) {
    int err = errno;
    std::clearerr(file_);
    if (*got > 0) return Status::OK();  // report the error on the next call
    return Status::IOError(path_,
                           std::string("read error: ") + std::strerror(err));
  }
  return Status::OK();
}

// -------------------------------------------------------------- StringSource

Status StringSource::Read(char* buf, size_t n, size_t* got) {
  size_t take = std::min(n, bytes_.size() - pos_);
  if (take > 0) std::memcpy(buf, bytes_.data() + pos_, take);
  pos_ += take;
  *got = take;
  return Status::OK();
}

// ---------------------------------------------------------------- GzipSource

GzipSource::GzipSource(std::unique_ptr<ByteSource> compressed, std::string name)
    : src_(std::move(compressed)),
      name_(std::move(name)),
      zs_(std::make_unique<z_stream>()) {
  std::memset(zs_.get(), 0, sizeof(z_stream));
  // 16 + 15: gzip wrapper only, largest window.
  if (inflateInit2(zs_.get(), 16 + MAX_WBITS) != Z_OK) {
    error_ = Status::IOError(name_, "cannot initialise zlib");
    zs_.reset();
  }
}

GzipSource::~GzipSource() {
  if (zs_) inflateEnd(zs_.get());
}

uint64_t GzipSource::compressed_offset() const {
  return read_total_ - (zs_ ? zs_->avail_in : 0);
}

Status GzipSource::FillInput() {
  // Keep the unread tail, then top up to a full chunk.
  size_t keep = zs_->avail_in;
  if (keep > 0 && zs_->next_in != reinterpret_cast<Bytef*>(in_.data())) {
    std::memmove(in_.data(), zs_->next_in, keep);
  }
  in_.resize(std::max(kChunk, keep + kChunk / 2));
  size_t got = 0;
  Status s = src_->Read(in_.data() + keep, in_.size() - keep, &got);
  in_.resize(keep + got);
  read_total_ += got;
  if (!s.ok()) return s;
  if (got == 0) in_eof_ = true;
  zs_->next_in = reinterpret_cast<Bytef*>(in_.data());
  zs_->avail_in = static_cast<uInt>(in_.size());
  return Status::OK();
}

Status GzipSource::Read(char* buf, size_t n, size_t* got) {
  *got = 0;
  if (!error_.ok()) return error_;
  if (finished_ || n == 0) return Status::OK();
  zs_->next_out = reinterpret_cast<Bytef*>(buf);
  zs_->avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
  const uInt want = zs_->avail_out;
  while (zs_->avail_out > 0) {
    if (member_done_) {
      // Another member follows only if the next bytes are gzip magic.
      while (zs_->avail_in < 2 && !in_eof_) {
        Status s = FillInput();
        if (!s.ok()) {
          error_ = s;
          break;
        }
      }
      if (!error_.ok()) break;
      std::string_view next(reinterpret_cast<const char*>(zs_->next_in),
                            zs_->avail_in);
      if (!IsGzipMagic(next)) {
        finished_ = true;  // end, or trailing bytes we ignore
        break;
      }
      inflateReset(zs_.get());
      member_done_ = false;
    }
    if (zs_->avail_in == 0) {
      if (!in_eof_) {
        Status s = FillInput();
        if (!s.ok()) {
          error_ = s;
          break;
        }
      }
      if (zs_->avail_in == 0 && in_eof_) {
        error_ = Status::Corruption(name_,
                                    "truncated gzip data at compressed byte " +
                                        std::to_string(compressed_offset()));
        break;
      }
    }
    int ret = inflate(zs_.get(), Z_NO_FLUSH);
    if (ret == Z_STREAM_END) {
      member_done_ = true;
    } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
      // Progress, or needs more input (handled above).
    } else {
      const char* msg = zs_->msg != nullptr ? zs_->msg : "inflate failed";
      error_ = Status::Corruption(
          name_, std::string("bad gzip data at compressed byte ") +
                     std::to_string(compressed_offset()) + ": " + msg);
      break;
    }
  }
  *got = want - zs_->avail_out;
  if (*got > 0) return Status::OK();  // any error is reported next call
  return error_;
}

Status InflateBounded(std::string_view data, bool gzip, size_t max_out,
                      std::string* out) {
  // deflate as sent by servers is usually zlib-wrapped, sometimes raw.
  const int attempts = gzip ? 1 : 2;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    out->clear();
    z_stream zs;
    std::memset(&zs, 0, sizeof(zs));
    int bits = gzip ? 32 + MAX_WBITS : (attempt == 0 ? MAX_WBITS : -MAX_WBITS);
    if (inflateInit2(&zs, bits) != Z_OK) {
      return Status::IOError("cannot initialise zlib");
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), 1u << 31));
    int ret = Z_OK;
    Status status;
    while (true) {
      if (out->size() >= max_out + 1) {
        status = Status::InvalidArgument("decompressed payload larger than " +
                                         std::to_string(max_out) + " bytes");
        break;
      }
      size_t old = out->size();
      size_t chunk =
          std::min<size_t>(std::max<size_t>(kChunk, old), max_out + 1 - old);
      out->resize(old + chunk);
      zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      zs.avail_out = static_cast<uInt>(chunk);
      ret = inflate(&zs, Z_NO_FLUSH);
      out->resize(old + (chunk - zs.avail_out));
      if (ret == Z_STREAM_END) break;
      if (ret == Z_OK) continue;
      if (ret == Z_BUF_ERROR && zs.avail_in > 0 && zs.avail_out == 0) {
        continue;
      }
      if (ret == Z_BUF_ERROR) {
        status = Status::Corruption("truncated compressed payload");
      } else {
        status =
            Status::Corruption(std::string("bad compressed payload: ") +
                               (zs.msg != nullptr ? zs.msg : "inflate failed"));
      }
      break;
    }
    bool retry = !gzip && attempt == 0 && ret == Z_DATA_ERROR && out->empty();
    inflateEnd(&zs);
    if (retry) continue;
    if (!status.ok()) return status;
    return Status::OK();
  }
  return Status::Corruption("bad compressed payload");
}

// ------------------------------------------------------------ BufferedReader

bool BufferedReader::FillMore(size_t want) {
  while (buffered() < want && !eof_ && status_.ok()) {
    if (pos_ > 0 && (pos_ >= buf_.size() / 2 || buffered() == 0)) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    size_t chunk = std::max(kChunk, want - buffered());
    size_t old = buf_.size();
    buf_.resize(old + chunk);
    size_t got = 0;
    Status s = src_->Read(buf_.data() + old, chunk, &got);
    buf_.resize(old + got);
    if (!s.ok()) {
      status_ = s;
    } else if (got == 0) {
      eof_ = true;
    }
  }
  return buffered() >= want;
}

std::string_view BufferedReader::Peek(size_t n) {
  FillMore(n);
  return std::string_view(buf_.data() + pos_, std::min(n, buffered()));
}

bool BufferedReader::ReadLine(size_t max, std::string_view* line,
                              bool* too_long) {
  *too_long = false;
  size_t scanned = 0;
  while (true) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start + scanned, '\n', buffered() - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - start;
      if (len > max) {
        *too_long = true;
        *line = {};
        return true;
      }
      *line = std::string_view(start, len);
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      Consume(len + 1);
      last_line_terminated_ = true;
      return true;
    }
    scanned = buffered();
    if (scanned > max) {
      *too_long = true;
      *line = {};
      return true;
    }
    if (!FillMore(scanned + 1)) {
      if (buffered() == 0) return false;
      if (buffered() > max) {
        *too_long = true;
        *line = {};
        return true;
      }
      // A last line without a newline.
      last_line_terminated_ = false;
      *line = std::string_view(buf_.data() + pos_, buffered());
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      Consume(buffered());
      return true;
    }
  }
}

void BufferedReader::SkipLine() {
  while (true) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', buffered());
    if (nl != nullptr) {
      Consume(static_cast<const char*>(nl) - start + 1);
      return;
    }
    Consume(buffered());
    if (!FillMore(1)) return;
  }
}

bool BufferedReader::ReadExact(size_t n, std::string* out) {
  size_t take = std::min(n, buffered());
  out->append(buf_.data() + pos_, take);
  Consume(take);
  size_t rest = n - take;
  if (rest == 0) return true;
  // Large reads go straight from the source into *out.
  size_t old = out->size();
  out->resize(old + rest);
  size_t done = 0;
  while (done < rest && !eof_ && status_.ok()) {
    size_t got = 0;
    Status s = src_->Read(out->data() + old + done, rest - done, &got);
    done += got;
    offset_ += got;
    if (!s.ok()) {
      status_ = s;
    } else if (got == 0) {
      eof_ = true;
    }
  }
  out->resize(old + done);
  return done == rest;
}

bool BufferedReader::ReadUpTo(size_t max, std::string* out) {
  size_t take = std::min(max, buffered());
  out->append(buf_.data() + pos_, take);
  Consume(take);
  size_t limit = out->size() + (max - take);
  while (out->size() < limit && !eof_ && status_.ok()) {
    size_t old = out->size();
    size_t chunk = std::min(limit - old, std::max(kChunk, old));
    out->resize(old + chunk);
    size_t got = 0;
    Status s = src_->Read(out->data() + old, chunk, &got);
    out->resize(old + got);
    offset_ += got;
    if (!s.ok()) {
      status_ = s;
    } else if (got == 0) {
      eof_ = true;
    }
  }
  return AtEnd();
}

bool BufferedReader::Skip(uint64_t n) {
  size_t take = static_cast<size_t>(std::min<uint64_t>(n, buffered()));
  Consume(take);
  n -= take;
  char scratch[16 * 1024];
  while (n > 0 && !eof_ && status_.ok()) {
    size_t got = 0;
    Status s = src_->Read(
        scratch, static_cast<size_t>(std::min<uint64_t>(n, sizeof(scratch))),
        &got);
    n -= got;
    offset_ += got;
    if (!s.ok()) {
      status_ = s;
    } else if (got == 0) {
      eof_ = true;
    }
  }
  return n == 0;
}

bool BufferedReader::AtEnd() { return buffered() == 0 && !FillMore(1); }

Status BufferedReader::ReadSome(char* buf, size_t n, size_t* got) {
  *got = 0;
  if (buffered() > 0) {
    size_t take = std::min(n, buffered());
    std::memcpy(buf, buf_.data() + pos_, take);
    Consume(take);
    *got = take;
    return Status::OK();
  }
  if (eof_ || n == 0) return Status::OK();
  if (!status_.ok()) return status_;
  Status s = src_->Read(buf, n, got);
  offset_ += *got;
  if (!s.ok()) {
    status_ = s;
  } else if (*got == 0) {
    eof_ = true;
  }
  return s;
}

}  // namespace dateline

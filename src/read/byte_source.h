// Byte sources for the readers: a file (or stdin), an in-memory string, and a
// streaming gzip decoder over another source, plus BufferedReader, which
// adds peeking, lines and exact reads on top of any of them.
//
// Every source reads in bounded chunks, so a multi-GB WARC.gz is never held
// in memory; callers bound what they keep (ReadOptions::max_page_bytes).
// None of these classes is thread-safe; each is owned by one reader.
#ifndef DATELINE_READ_BYTE_SOURCE_H_
#define DATELINE_READ_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/status.h"

typedef struct z_stream_s z_stream;

namespace dateline {

// A stream of bytes read front to back.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `n` bytes into `buf` and sets *got to the number read;
  // *got == 0 with an OK status means the end of the data. Returns IOError
  // or Corruption (e.g. truncated gzip) when the data cannot be read; the
  // bytes read before the failure have already been delivered.
  virtual Status Read(char* buf, size_t n, size_t* got) = 0;

  // Returns the size in bytes when known up front (a regular file), else -1.
  virtual int64_t SizeHint() const { return -1; }
};

// Reads a file through stdio. Owns the FILE* unless it is stdin.
class FileSource : public ByteSource {
 public:
  // Opens `path` ("-" for stdin). Returns NotFound or IOError (naming the
  // path and the system's reason) when it cannot be opened.
  static Status Open(const std::string& path,
                     std::unique_ptr<ByteSource>* source);
  ~FileSource() override;

  Status Read(char* buf, size_t n, size_t* got) override;
  int64_t SizeHint() const override { return size_; }

 private:
  FileSource(std::string path, std::FILE* file, int64_t size)
      : path_(std::move(path)), file_(file), size_(size) {}

  std::string path_;
  std::FILE* file_;
  int64_t size_;
};

// Reads an in-memory string it owns.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}

  Status Read(char* buf, size_t n, size_t* got) override;
  int64_t SizeHint() const override {
    return static_cast<int64_t>(bytes_.size());
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

// Decompresses gzip from another source with zlib's streaming inflate.
// Handles multi-member files (each WARC record its own member, as WARC.gz
// writers do); bytes after the last member that are not another gzip member
// are ignored. A stream that ends inside a member gives Corruption
// "truncated gzip data".
class GzipSource : public ByteSource {
 public:
  // `name` is used in error messages.
  GzipSource(std::unique_ptr<ByteSource> compressed, std::string name);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Status Read(char* buf, size_t n, size_t* got) override;

  // Returns the number of compressed bytes consumed so far.
  uint64_t compressed_offset() const;

 private:
  // Refills in_ from the compressed source. Sets in_eof_ at its end.
  Status FillInput();

  std::unique_ptr<ByteSource> src_;
  std::string name_;
  std::unique_ptr<z_stream> zs_;
  std::string in_;
  bool in_eof_ = false;
  bool member_done_ = false;  // the last member ended cleanly
  bool finished_ = false;     // no more output
  Status error_;              // sticky
  uint64_t read_total_ = 0;   // compressed bytes read from src_
};

// Returns true if `head` starts with the gzip magic bytes.
inline bool IsGzipMagic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

// Inflates the in-memory `data` (gzip, zlib or raw deflate, chosen from the
// header: `gzip` selects gzip/zlib auto-detection, otherwise zlib falling
// back to raw deflate) into *out, stopping with InvalidArgument once the
// output would exceed `max_out` bytes (a gzip bomb stops there). Returns
// Corruption for bad or truncated data.
Status InflateBounded(std::string_view data, bool gzip, size_t max_out,
                      std::string* out);

// Buffers a ByteSource: peek ahead, read lines, read or skip exact counts.
// The first failure of the source is kept (status()); the bytes before it
// are still served, so callers see "premature end" and then ask status().
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* source) : src_(source) {}

  // Returns up to `n` upcoming bytes without consuming them (fewer at the
  // end of the data). The view is valid until the next call.
  std::string_view Peek(size_t n);

  // Reads the next line (without its "\n" or "\r\n") into *line, a view
  // valid until the next call. Returns false at the end of the data. A line
  // longer than `max` bytes is not returned: *too_long is set, and the
  // caller should SkipLine().
  bool ReadLine(size_t max, std::string_view* line, bool* too_long);

  // Discards the rest of the current line, including its newline.
  void SkipLine();

  // Appends exactly `n` bytes to *out; returns false (having appended what
  // there was) if the data ends first.
  bool ReadExact(size_t n, std::string* out);

  // Appends everything up to `max` bytes to *out. Returns true if the data
  // ended within the limit, false if there is more.
  bool ReadUpTo(size_t max, std::string* out);

  // Discards `n` bytes; returns false if the data ends first.
  bool Skip(uint64_t n);

  // Returns true if no bytes remain.
  bool AtEnd();

  // Reads up to `n` bytes (buffered ones first) like ByteSource::Read.
  Status ReadSome(char* buf, size_t n, size_t* got);

  // Returns true if the last ReadLine ended with a newline (false for a
  // last line cut off by the end of the data).
  bool last_line_terminated() const { return last_line_terminated_; }

  // Returns the number of bytes consumed so far.
  uint64_t offset() const { return offset_; }

  // Returns the first error of the source (OK if none).
  const Status& status() const { return status_; }

 private:
  // Reads more into buf_; returns false at the end of the data or on error.
  bool FillMore(size_t want);
  size_t buffered() const { return buf_.size() - pos_; }
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }

  ByteSource* src_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  bool last_line_terminated_ = true;
  Status status_;
};

}  // namespace dateline

#endif  // DATELINE_READ_BYTE_SOURCE_H_

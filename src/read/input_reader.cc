// InputReader and ReadBlob: walk the inputs, open each as a byte stream,
// detect its format from the first bytes and hand it to the right reader
// (docs/formats.md). Containers (WARC, JSON Lines, gzip) are streamed;
// single pages are read whole up to ReadOptions::max_page_bytes.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <system_error>

#include "dateline/reader.h"
#include "read/byte_source.h"
#include "read/detect.h"
#include "read/jsonl_reader.h"
#include "read/page_builder.h"
#include "read/reuters_reader.h"
#include "read/tar_reader.h"
#include "read/warc_reader.h"

namespace dateline {
namespace {

// gzip inside gzip is unwrapped this many times at most.
constexpr int kMaxGzipDepth = 2;
// A tar inside a tar (inside a tar) is read; deeper nesting is refused.
constexpr int kMaxTarDepth = 2;

// Serves the bytes of a BufferedReader (the ones it already peeked at, then
// the rest of its source) as a ByteSource; owns both.
class ReaderSource : public ByteSource {
 public:
  ReaderSource(std::unique_ptr<ByteSource> inner,
               std::unique_ptr<BufferedReader> reader)
      : inner_(std::move(inner)), reader_(std::move(reader)) {}

  Status Read(char* buf, size_t n, size_t* got) override {
    return reader_->ReadSome(buf, n, got);
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::unique_ptr<BufferedReader> reader_;
};

// Gives a readable page whose input names no outlet the one the options name
// (`--outlet`).
void ApplyOutletOption(const ReadOptions& options, Page* page) {
  if (options.outlet.empty() || !page->status.ok() ||
      !page->metadata.outlet.empty()) {
    return;
  }
  page->metadata.outlet = options.outlet;
  page->metadata.outlet_origin = "option";
}

// The pages of one input: detects the format, then delegates.
class InputStream : public PageStream {
 public:
  InputStream(std::string name, std::unique_ptr<ByteSource> source,
              const ReadOptions& options, int tar_depth = 0)
      : name_(std::move(name)),
        src_(std::move(source)),
        options_(ClampedOptions(options)),
        tar_depth_(tar_depth) {}

  bool Next(Page* page) override {
    if (!started_) {
      started_ = true;
      return Start(page);
    }
    return delegate_ != nullptr && delegate_->Next(page);
  }

 private:
  // Detects the format; returns the first page, or false for none.
  bool Start(Page* page) {
    in_ = std::make_unique<BufferedReader>(src_.get());
    const int64_t file_size = src_->SizeHint();
    for (int depth = 0;; ++depth) {
      std::string_view head = in_->Peek(kDetectBytes);
      if (head.empty() && !in_->status().ok()) {
        *page = ErrorPage(name_, in_->status());
        return true;
      }
      std::string what;
      ContentKind kind = DetectContent(head, &what);
      switch (kind) {
        case ContentKind::kGzip:
          if (depth >= kMaxGzipDepth) {
            *page = ErrorPage(
                name_, Status::NotSupported(name_, "gzip nested too deep"));
            return true;
          }
          src_ = std::make_unique<GzipSource>(
              std::make_unique<ReaderSource>(std::move(src_), std::move(in_)),
              name_);
          in_ = std::make_unique<BufferedReader>(src_.get());
          gzipped_ = true;
          continue;
        case ContentKind::kEmpty:
          *page = ErrorPage(name_,
                            Status::InvalidArgument(
                                name_, gzipped_ ? "empty input (after gunzip)"
                                                : "empty input"));
          return true;
        case ContentKind::kBinary:
          *page = ErrorPage(
              name_, Status::NotSupported(name_, "binary file (" + what + ")"));
          return true;
        case ContentKind::kWarc:
          delegate_ = std::make_unique<WarcReader>(name_, in_.get(), options_);
          return delegate_->Next(page);
        case ContentKind::kJsonl:
          delegate_ = std::make_unique<JsonlReader>(name_, in_.get(), options_);
          return delegate_->Next(page);
        case ContentKind::kTar: {
          if (tar_depth_ >= kMaxTarDepth) {
            *page = ErrorPage(
                name_, Status::NotSupported(name_, "tar nested too deep"));
            return true;
          }
          const ReadOptions options = options_;
          const int depth = tar_depth_ + 1;
          delegate_ = std::make_unique<TarReader>(
              name_, in_.get(),
              [options, depth](std::string member,
                               std::unique_ptr<ByteSource> bytes) {
                return std::make_unique<InputStream>(
                    std::move(member), std::move(bytes), options, depth);
              });
          return delegate_->Next(page);
        }
        case ContentKind::kReuters:
          delegate_ = std::make_unique<ReutersReader>(name_, in_.get(), options_);
          return delegate_->Next(page);
        case ContentKind::kPage:
          return ReadSinglePage(file_size, page);
      }
    }
  }

  bool ReadSinglePage(int64_t file_size, Page* page) {
    const size_t limit = options_.max_page_bytes;
    auto too_large = [&]() {
      return ErrorPage(name_, Status::InvalidArgument(
                                  name_, "page larger than the limit of " +
                                             std::to_string(limit) + " bytes"));
    };
    // Refuse an oversized plain file without reading it.
    if (!gzipped_ && file_size >= 0 &&
        static_cast<uint64_t>(file_size) > limit) {
      *page = too_large();
      return true;
    }
    std::string bytes;
    if (!gzipped_ && file_size > 0) {
      bytes.reserve(static_cast<size_t>(file_size));
    }
    bool complete = in_->ReadUpTo(limit, &bytes);
    if (!in_->status().ok()) {
      *page = ErrorPage(name_, in_->status());
      return true;
    }
    if (!complete) {
      *page = too_large();
      return true;
    }
    *page = Page();
    page->source = name_;
    BuildPage(std::move(bytes), name_, "", PageFormat::kUnknown, "file", page);
    return true;
  }

  std::string name_;
  std::unique_ptr<ByteSource> src_;
  ReadOptions options_;
  std::unique_ptr<BufferedReader> in_;
  std::unique_ptr<PageStream> delegate_;
  int tar_depth_ = 0;
  bool started_ = false;
  bool gzipped_ = false;
};

class InputReaderImpl : public InputReader {
 public:
  InputReaderImpl(std::vector<std::string> inputs, const ReadOptions& options)
      : inputs_(inputs.begin(), inputs.end()), options_(options) {}

  bool Next(Page* page) override {
    while (true) {
      if (stream_ != nullptr) {
        if (stream_->Next(page)) {
          ApplyOutletOption(options_, page);
          return true;
        }
        stream_.reset();
      }
      if (inputs_.empty()) return false;
      std::string input = std::move(inputs_.front());
      inputs_.pop_front();
      if (Open(input, page)) return true;
    }
  }

 private:
  // Opens `input` into stream_, or queues a directory's files. Returns true
  // with *page set when the input itself is an error page.
  bool Open(const std::string& input, Page* page) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      Status s = ListDirectory(input, &files);
      if (!s.ok()) {
        *page = ErrorPage(input, s);
        return true;
      }
      if (files.empty()) {
        *page = ErrorPage(
            input, Status::InvalidArgument(input, "directory has no files"));
        return true;
      }
      inputs_.insert(inputs_.begin(), files.begin(), files.end());
      return false;
    }
    std::unique_ptr<ByteSource> source;
    Status s = FileSource::Open(input, &source);
    if (!s.ok()) {
      *page = ErrorPage(input, s);
      return true;
    }
    stream_ = std::make_unique<InputStream>(input, std::move(source), options_);
    return false;
  }

  // Lists the regular files under `dir` (recursively if asked), sorted,
  // skipping hidden files and directories (names starting with '.').
  Status ListDirectory(const std::string& dir,
                       std::vector<std::string>* files) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto hidden = [](const fs::path& p) {
      std::string name = p.filename().string();
      return !name.empty() && name[0] == '.';
    };
    if (options_.recursive) {
      fs::recursive_directory_iterator it(
          dir, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        std::error_code entry_ec;
        if (hidden(it->path())) {
          if (it->is_directory(entry_ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(entry_ec)) {
          files->push_back(it->path().string());
        }
      }
    } else {
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;
        if (!hidden(it->path()) && it->is_regular_file(entry_ec)) {
          files->push_back(it->path().string());
        }
      }
    }
    if (ec) {
      return Status::IOError(dir, "cannot read directory: " + ec.message());
    }
    std::sort(files->begin(), files->end());
    return Status::OK();
  }

  std::deque<std::string> inputs_;
  ReadOptions options_;
  std::unique_ptr<PageStream> stream_;
};

}  // namespace

std::unique_ptr<InputReader> InputReader::Open(std::vector<std::string> inputs,
                                               const ReadOptions& options) {
  return std::make_unique<InputReaderImpl>(std::move(inputs), options);
}

void ReadBlob(const std::string& name, std::string bytes,
              const ReadOptions& options, std::vector<Page>* pages) {
  InputStream stream(name, std::make_unique<StringSource>(std::move(bytes)),
                     options);
  Page page;
  while (stream.Next(&page)) {
    ApplyOutletOption(options, &page);
    pages->push_back(std::move(page));
  }
}

}  // namespace dateline

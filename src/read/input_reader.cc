// Minimal reader: files, directories and stdin, content repaired to UTF-8.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "base/utf8.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

class InputReaderImpl : public InputReader {
 public:
  InputReaderImpl(std::vector<std::string> inputs, const ReadOptions& options)
      : inputs_(std::move(inputs)), options_(options) {}

  bool Next(Page* page) override {
    while (pending_.empty()) {
      if (next_input_ >= inputs_.size()) return false;
      Expand(inputs_[next_input_++]);
    }
    *page = std::move(pending_.front());
    pending_.erase(pending_.begin());
    return true;
  }

 private:
  void Expand(const std::string& input) {
    if (input == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)),
                        std::istreambuf_iterator<char>());
      ReadBlob("-", std::move(bytes), options_, &pending_);
      return;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> files;
      for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
           !ec && it != std::filesystem::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      inputs_.insert(inputs_.begin() + next_input_, files.begin(), files.end());
      return;
    }
    std::ifstream in(input, std::ios::binary);
    Page page;
    page.source = input;
    if (!in) {
      page.status = Status::NotFound(input, "cannot open");
      pending_.push_back(std::move(page));
      return;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    ReadBlob(input, std::move(ss).str(), options_, &pending_);
  }

  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  ReadOptions options_;
  std::vector<Page> pending_;
};

}  // namespace

std::unique_ptr<InputReader> InputReader::Open(std::vector<std::string> inputs,
                                               const ReadOptions& options) {
  return std::make_unique<InputReaderImpl>(std::move(inputs), options);
}

void ReadBlob(const std::string& name, std::string bytes,
              const ReadOptions& options, std::vector<Page>* pages) {
  Page page;
  page.source = name;
  if (bytes.size() > options.max_page_bytes) {
    page.status = Status::InvalidArgument(name, "page too large");
  } else {
    page.content = RepairUtf8(bytes);
    page.charset = "utf-8";
  }
  pages->push_back(std::move(page));
}

}  // namespace dateline

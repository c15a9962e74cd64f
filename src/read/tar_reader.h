// TarReader: the members of a tar stream (POSIX ustar, GNU long names, pax
// path/size headers), each handed to an opener that reads it as an input of
// its own (a page, a WARC, JSON Lines, a Reuters SGML file, even a .gz), so
// `dateline ingest corpus.tar.gz` reads every article inside.
//
// Members are streamed, never held whole: the opener gets a ByteSource that
// serves exactly the member's bytes. Directories, links and devices are
// skipped, as are empty files and AppleDouble "._" files. A header with a bad
// checksum, or an archive that ends inside a header or a member, gives one
// error page naming the offset and ends the stream. Not thread-safe.
#ifndef DATELINE_READ_TAR_READER_H_
#define DATELINE_READ_TAR_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/options.h"
#include "read/byte_source.h"
#include "read/page_builder.h"

namespace dateline {

// One parsed 512-byte tar header.
struct TarHeader {
  std::string name;  // prefix/name as stored
  uint64_t size = 0;
  char type = '0';
};

// Parses one 512-byte block. Returns Corruption for a bad checksum or size
// field. Does not handle long-name records (the reader does).
Status ParseTarHeader(std::string_view block, TarHeader* header);

// Returns true if `block` (512 bytes) is all zeros (an end-of-archive block).
bool IsZeroBlock(std::string_view block);

// Returns true if `head` looks like a tar stream: a valid header checksum in
// the first block, with "ustar" at offset 257 or a plausible v7 header.
bool LooksLikeTar(std::string_view head);

class TarReader : public PageStream {
 public:
  // Opens one member: `source_name` names it in pages ("a.tar#dir/f.txt"),
  // `bytes` serves its content (and knows its size).
  using MemberOpener = std::function<std::unique_ptr<PageStream>(
      std::string source_name, std::unique_ptr<ByteSource> bytes)>;

  // Reads from `in` (not owned; must outlive the reader). `name` is the
  // input's path.
  TarReader(std::string name, BufferedReader* in, MemberOpener open)
      : name_(std::move(name)), in_(in), open_(std::move(open)) {}

  bool Next(Page* page) override;

 private:
  // Ends the stream with one error page.
  bool Fail(Page* page, const std::string& why);
  // Skips the rest of the current member and its padding. Returns false if
  // the data ends first.
  bool FinishMember();

  std::string name_;
  BufferedReader* in_;
  MemberOpener open_;
  std::unique_ptr<PageStream> member_;
  uint64_t member_pad_ = 0;
  std::shared_ptr<uint64_t> left_;  // shared with the member's source
  bool done_ = false;
};

}  // namespace dateline

#endif  // DATELINE_READ_TAR_READER_H_

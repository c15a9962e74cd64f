// Plain option structs for readers and the pipeline.
#ifndef DATELINE_OPTIONS_H_
#define DATELINE_OPTIONS_H_

#include <cstddef>
#include <string>

namespace dateline {

struct ReadOptions {
  // Pages (after decompression) larger than this are refused with an error
  // record rather than read, so one huge file cannot exhaust memory.
  size_t max_page_bytes = size_t{256} << 20;
  // Walk directories recursively.
  bool recursive = true;
};

struct PipelineOptions {
  // The last stage to run: a prefix of the pipeline ("read", "clean",
  // "segment", "tag", "resolve"). Empty: every stage that is built.
  std::string stages;
  // Where the models and gazetteers are (data/ of the source tree): empty
  // means $DATELINE_DATA_DIR, else the data/ directory the build came from.
  std::string data_dir;
};

}  // namespace dateline

#endif  // DATELINE_OPTIONS_H_

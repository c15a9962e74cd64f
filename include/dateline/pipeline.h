// Pipeline: runs the stages, in order, over a Page and returns a Document.
// Created once (stages and their data are loaded in Create) and then used
// from any number of threads: Process is const and thread-safe.
#ifndef DATELINE_PIPELINE_H_
#define DATELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/options.h"
#include "dateline/status.h"

namespace dateline {

class Pipeline {
 public:
  virtual ~Pipeline() = default;

  // Builds a pipeline that stops after options.stages. Returns
  // InvalidArgument for an unknown stage and NotSupported for a stage that
  // is not built yet.
  static Status Create(const PipelineOptions& options,
                       std::unique_ptr<Pipeline>* pipeline);

  // Returns the names of all stages, in order.
  static const std::vector<std::string>& StageNames();

  // Runs the stages over `page`. Never throws: a failure becomes
  // Document::error and the fields filled so far.
  Document Process(const Page& page) const { return Process(page, nullptr); }

  // Seconds each stage took, added up over the Process calls given this
  // object (one per thread): `seconds[i]` is StageNames()[i]'s ("read" is
  // never timed here; "clean" includes what the page's own metadata adds).
  struct StageTimes {
    std::vector<double> seconds = std::vector<double>(StageNames().size(), 0.0);
  };
  // As Process(page), adding each stage's time to *times when not null.
  virtual Document Process(const Page& page, StageTimes* times) const = 0;

  // Runs the stages after clean (segment up to the last stage) over
  // doc->text, taken as already clean, so every span keeps the offsets of
  // the text given: for evaluation corpora and tests. Reads doc->published
  // and doc->tags as context. Never throws: a failure becomes doc->error.
  virtual void AnalyseText(Document* doc) const = 0;
};

}  // namespace dateline

#endif  // DATELINE_PIPELINE_H_

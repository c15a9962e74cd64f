// LanguageLayer: the pipeline's stages after clean (segment, tag, resolve,
// quotes) over a bare text, through Pipeline::AnalyseText, so a test or an
// evaluation can give the exact text whose offsets it knows. Header-only;
// used by the quotes unit tests and bench/polnear_eval.cc. Load once; Run is
// const and thread-safe.
#ifndef DATELINE_TESTS_LANGUAGE_LAYER_H_
#define DATELINE_TESTS_LANGUAGE_LAYER_H_

#include <memory>
#include <string>

#include "dateline/document.h"
#include "dateline/pipeline.h"

namespace dateline {

class LanguageLayer {
 public:
  // Loads the models, gazetteers and cue lexicon under `data_dir`; with
  // `quote_acts` the quotes stage keeps acts and stances
  // (PipelineOptions::quote_acts, as PolNeAR annotates them). Returns the
  // first loader's error.
  Status Load(const std::string& data_dir, bool quote_acts = false) {
    PipelineOptions options;
    options.stages = "quotes";
    options.data_dir = data_dir;
    options.quote_acts = quote_acts;
    return Pipeline::Create(options, &pipeline_);
  }

  // Fills every layer of *doc from doc->text, up to doc->quotes.
  void Run(Document* doc) const { pipeline_->AnalyseText(doc); }

 private:
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace dateline

#endif  // DATELINE_TESTS_LANGUAGE_LAYER_H_

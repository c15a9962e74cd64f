// LanguageLayer: the language layer (segment, tag, resolve) and the quotes
// stage over a bare text, run as src/pipeline/pipeline.cc runs them but
// without the clean stage, so a test or an evaluation can give the exact text
// whose offsets it knows. Header-only; used by the quotes unit tests and
// bench/polnear_eval.cc. Load once; Run is const and thread-safe.
#ifndef DATELINE_TESTS_LANGUAGE_LAYER_H_
#define DATELINE_TESTS_LANGUAGE_LAYER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dateline/document.h"
#include "entities/entity_resolver.h"
#include "entities/tagger_model.h"
#include "quotes/quote_extractor.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dateline {

// The language layer and the quotes stage over a bare text, as
// src/pipeline/pipeline.cc runs them.
class LanguageLayer {
 public:
  // Loads the models, gazetteers and cue lexicon under `data_dir`.
  // Returns the first loader's error.
  Status Load(const std::string& data_dir) {
    Status s = ner_.Load(data_dir + "/models/ner.model");
    if (s.ok()) s = pos_.Load(data_dir + "/models/pos.model");
    if (s.ok()) s = chunk_.Load(data_dir + "/models/chunk.model");
    if (s.ok()) s = EntityResolver::Create(data_dir + "/gazetteers", &resolver_);
    if (s.ok()) s = QuoteExtractor::Create(data_dir, &quotes_);
    return s;
  }

  // Fills every layer of *doc from doc->text, then doc->quotes.
  void Run(Document* doc) const {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    TokenizeAndSplit(doc->text, &tokens, &sentences);
    for (const Token& t : tokens) doc->tokens.push_back({t.begin, t.end});
    for (const Sentence& s : sentences) {
      doc->sentences.push_back({{s.begin, s.end}, s.token_begin, s.token_end});
    }
    std::string_view text = doc->text;
    TaggerDocument words;
    for (const SentenceSpan& s : doc->sentences) {
      TaggerSentence sentence;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& tok = doc->tokens[t];
        sentence.push_back(text.substr(tok.begin, tok.end - tok.begin));
      }
      words.push_back(std::move(sentence));
    }
    std::vector<std::vector<std::string>> labels;
    for (auto [tagger, out] :
         {std::pair{&pos_, &doc->pos}, {&chunk_, &doc->chunks}}) {
      tagger->TagDocument(words, &labels);
      out->assign(doc->tokens.size(), "O");
      for (size_t si = 0; si < doc->sentences.size() && si < labels.size(); ++si) {
        for (size_t k = 0; k < labels[si].size(); ++k) {
          (*out)[doc->sentences[si].token_begin + k] = labels[si][k];
        }
      }
      labels.clear();
    }
    ner_.TagDocument(words, &labels);
    for (size_t si = 0; si < doc->sentences.size() && si < labels.size(); ++si) {
      const SentenceSpan& s = doc->sentences[si];
      NamedMention open;
      bool in = false;
      for (size_t k = 0; k < labels[si].size(); ++k) {
        const Span& tok = doc->tokens[s.token_begin + k];
        const std::string& tag = labels[si][k];
        if (tag.size() > 2 && tag[0] == 'I' && in && open.type == tag.substr(2)) {
          open.span.end = tok.end;
          continue;
        }
        if (in) doc->mentions.push_back(open);
        in = false;
        if (tag.size() > 2) {
          open = {{tok.begin, tok.end}, tag.substr(2)};
          in = true;
        }
      }
      if (in) doc->mentions.push_back(open);
    }
    std::vector<Span> sentence_spans;
    for (const SentenceSpan& s : doc->sentences) sentence_spans.push_back(s.span);
    resolver_->Resolve(doc->text, sentence_spans, doc->mentions, doc->tags,
                       &doc->entities, doc->published);
    quotes_->Extract(doc);
  }

 private:
  SequenceTagger ner_, pos_, chunk_;
  std::unique_ptr<EntityResolver> resolver_;
  std::unique_ptr<QuoteExtractor> quotes_;
};

}  // namespace dateline

#endif  // DATELINE_TESTS_LANGUAGE_LAYER_H_

#include "dateline/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <exception>

#include "base/hash.h"
#include "clean/html_extractor.h"
#include "clean/text_cleaner.h"
#include "entities/entity_resolver.h"
#include "entities/tagger_model.h"
#include "quotes/quote_extractor.h"
#include "events/event_coder.h"
#include "text/sentence_splitter.h"
#include "text/time_expressions.h"
#include "text/tokenizer.h"

namespace dateline {
namespace {

// The stages in order; those after kLastBuilt are refused.
const std::vector<std::string> kStages = {"read",   "clean",   "segment",
                                          "tag",    "resolve", "quotes",
                                          "events", "dedup",   "store"};
enum StageIndex : size_t {
  kRead = 0,
  kClean = 1,
  kSegment = 2,
  kTag = 3,
  kResolve = 4,
  kQuotes = 5,
  kEvents = 6,
};
constexpr size_t kLastBuilt = kEvents;

// Returns true if `content` looks like HTML rather than plain text.
bool LooksLikeHtml(std::string_view content) {
  size_t limit = std::min<size_t>(content.size(), 4096);
  std::string_view head = content.substr(0, limit);
  for (const char* marker : {"<html", "<HTML", "<!DOCTYPE", "<!doctype",
                             "<head", "<body", "<div", "<p>", "<meta"}) {
    if (head.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

std::string DataDir(const PipelineOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("DATELINE_DATA_DIR")) return env;
  return DATELINE_DATA_DIR;
}

class PipelineImpl : public Pipeline {
 public:
  explicit PipelineImpl(size_t last_stage) : last_stage_(last_stage) {}

  Status Load(const std::string& data_dir, const PipelineOptions& options) {
    if (last_stage_ >= kTag) {
      ner_ = std::make_unique<SequenceTagger>();
      Status s = ner_->Load(data_dir + "/models/ner.model");
      if (!s.ok()) return s;
      pos_ = std::make_unique<SequenceTagger>();
      s = pos_->Load(data_dir + "/models/pos.model");
      if (!s.ok()) return s;
      chunk_ = std::make_unique<SequenceTagger>();
      s = chunk_->Load(data_dir + "/models/chunk.model");
      if (!s.ok()) return s;
    }
    if (last_stage_ >= kResolve) {
      Status s = EntityResolver::Create(data_dir + "/gazetteers", &resolver_);
      if (!s.ok()) return s;
    }
    if (last_stage_ >= kQuotes) {
      Status s = QuoteExtractor::Create(data_dir, &quotes_);
      if (!s.ok()) return s;
    }
    if (last_stage_ >= kEvents) {
      EventCoderOptions eo;
      eo.petrarch_dir = options.event_dictionaries;
      eo.allow_missing_target = options.events_without_target;
      eo.allow_missing_source = options.events_without_source;
      eo.code_sports_pages = options.code_sports_pages;
      Status s = EventCoder::Create(data_dir, eo, &events_);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Document Process(const Page& page) const override {
    Document doc;
    doc.source = page.source;
    doc.url = page.url;
    doc.format = page.format;
    if (!page.id.empty()) {
      doc.id = page.id;
    } else if (!page.url.empty()) {
      doc.id = Hash64Hex(page.url);
    } else {
      doc.id = Hash64Hex(page.content);
    }
    if (!page.status.ok()) {
      // Unreadable pages have no content to hash; keep their ids apart.
      if (page.id.empty() && page.url.empty()) doc.id = Hash64Hex(page.source);
      doc.error = page.status.ToString();
      return doc;
    }
    if (doc.format == PageFormat::kUnknown) {
      doc.format =
          LooksLikeHtml(page.content) ? PageFormat::kHtml : PageFormat::kText;
    }
    if (last_stage_ < kClean) {
      doc.text = page.content;
      return doc;
    }
    try {
      Status s = doc.format == PageFormat::kHtml
                     ? ExtractArticleFromHtml(page.content, &doc)
                     : CleanScrapedText(page.content, &doc);
      if (!s.ok()) doc.error = s.ToString();
      // The page named its own address (canonical link): the id follows the
      // URL, so the same article read from a WARC and a file is one id.
      if (page.id.empty() && page.url.empty() && !doc.url.empty()) {
        doc.id = Hash64Hex(doc.url);
      }
      if (doc.error.empty()) Analyse(&doc);
    } catch (const std::exception& e) {
      // A library threw (e.g. std::bad_alloc on a pathological page): the
      // batch goes on with this page's error recorded.
      doc.error = std::string("Internal error: ") + e.what();
    }
    return doc;
  }

  void AnalyseText(Document* doc) const override {
    try {
      Analyse(doc);
    } catch (const std::exception& e) {
      doc->error = std::string("Internal error: ") + e.what();
    }
  }

 private:
  // Runs the language layer (segment, tag, resolve), the quotes stage, then
  // the event coder.
  void Analyse(Document* doc) const {
    if (last_stage_ < kSegment) return;
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    TokenizeAndSplit(doc->text, &tokens, &sentences);
    doc->tokens.reserve(tokens.size());
    for (const Token& t : tokens) doc->tokens.push_back({t.begin, t.end});
    doc->sentences.reserve(sentences.size());
    for (const Sentence& s : sentences) {
      doc->sentences.push_back({{s.begin, s.end}, s.token_begin, s.token_end});
    }
    if (last_stage_ < kTag) return;
    Tag(doc);
    if (last_stage_ < kResolve) return;
    std::vector<Span> sentence_spans;
    sentence_spans.reserve(doc->sentences.size());
    for (const SentenceSpan& s : doc->sentences)
      sentence_spans.push_back(s.span);
    resolver_->Resolve(doc->text, sentence_spans, doc->mentions, doc->tags,
                       &doc->entities, doc->published);
    std::vector<TimeExpression> times;
    FindTimeExpressions(doc->text, tokens, sentences, doc->published, &times);
    for (TimeExpression& t : times) {
      doc->times.push_back({{t.begin, t.end},
                            std::move(t.value),
                            std::move(t.granularity),
                            std::move(t.rule)});
    }
    if (last_stage_ < kQuotes) return;
    quotes_->Extract(doc);
    if (last_stage_ < kEvents) return;
    events_->Code(doc);
  }

  // Names: the tagger's IOB2 labels over each sentence's tokens, as spans.
  void Tag(Document* doc) const {
    std::string_view text = doc->text;
    TaggerDocument words;
    words.reserve(doc->sentences.size());
    for (const SentenceSpan& s : doc->sentences) {
      TaggerSentence sentence;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& tok = doc->tokens[t];
        sentence.push_back(text.substr(tok.begin, tok.end - tok.begin));
      }
      words.push_back(std::move(sentence));
    }
    // Part of speech and chunks, one label per token (the models read
    // words only, so they are independent of each other and of the names).
    std::vector<std::vector<std::string>> labels;
    for (auto [tagger, out] :
         {std::pair{pos_.get(), &doc->pos}, {chunk_.get(), &doc->chunks}}) {
      tagger->TagDocument(words, &labels);
      out->assign(doc->tokens.size(), "O");
      for (size_t si = 0; si < doc->sentences.size() && si < labels.size();
           ++si) {
        const SentenceSpan& s = doc->sentences[si];
        for (size_t k = 0; k < labels[si].size(); ++k) {
          (*out)[s.token_begin + k] = std::move(labels[si][k]);
        }
      }
      labels.clear();
    }
    ner_->TagDocument(words, &labels);
    for (size_t si = 0; si < doc->sentences.size() && si < labels.size();
         ++si) {
      const SentenceSpan& s = doc->sentences[si];
      const std::vector<std::string>& l = labels[si];
      NamedMention open;
      bool in = false;
      auto close = [&]() {
        if (in) doc->mentions.push_back(open);
        in = false;
      };
      for (size_t k = 0; k < l.size(); ++k) {
        const Span& tok = doc->tokens[s.token_begin + k];
        const std::string& tag = l[k];
        if (tag.size() > 2 && tag[0] == 'I' && in &&
            open.type == tag.substr(2)) {
          open.span.end = tok.end;
          continue;
        }
        close();
        if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I')) {
          open = {{tok.begin, tok.end}, tag.substr(2)};
          in = true;
        }
      }
      close();
    }
  }

  size_t last_stage_;
  std::unique_ptr<SequenceTagger> ner_;
  std::unique_ptr<SequenceTagger> pos_;
  std::unique_ptr<SequenceTagger> chunk_;
  std::unique_ptr<EntityResolver> resolver_;
  std::unique_ptr<QuoteExtractor> quotes_;
  std::unique_ptr<EventCoder> events_;
};

}  // namespace

const std::vector<std::string>& Pipeline::StageNames() { return kStages; }

Status Pipeline::Create(const PipelineOptions& options,
                        std::unique_ptr<Pipeline>* pipeline) {
  std::string stages =
      options.stages.empty() ? kStages[kLastBuilt] : options.stages;
  for (size_t i = 0; i < kStages.size(); ++i) {
    if (kStages[i] != stages) continue;
    if (i > kLastBuilt) {
      return Status::NotSupported("stage not built yet", stages);
    }
    auto impl = std::make_unique<PipelineImpl>(i);
    Status s = impl->Load(DataDir(options), options);
    if (!s.ok()) return s;
    *pipeline = std::move(impl);
    return Status::OK();
  }
  return Status::InvalidArgument("unknown stage", stages);
}

}  // namespace dateline

#include "dateline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <fstream>

#include "base/hash.h"
#include "base/system_words.h"
#include "clean/html_extractor.h"
#include "clean/line_classifier.h"
#include "clean/metadata.h"
#include "clean/text_cleaner.h"
#include "entities/entity_resolver.h"
#include "entities/knowledge_base.h"
#include "geo/geocoder.h"
#include "entities/tagger_model.h"
#include "quotes/quote_extractor.h"
#include "syntax/clauses.h"
#include "syntax/dependency_parser.h"
#include "syntax/parse_selection.h"
#include "syntax/tag_repair.h"
#include "events/event_coder.h"
#include "text/sentence_splitter.h"
#include "text/time_expressions.h"
#include "text/tokenizer.h"

namespace dateline {
namespace {

// The stages in order, each with the layers it requires and provides (as
// spaCy's components declare `requires` and `assigns`); Create checks that
// every stage asked for finds its layers provided by an earlier one. Stages
// after kLastBuilt are refused.
struct StageSpec {
  const char* name;
  std::vector<std::string> needs;
  std::vector<std::string> provides;
};
const std::vector<StageSpec>& Specs() {
  static const std::vector<StageSpec> kSpecs = {
      {"read", {}, {"page"}},
      {"clean", {"page"}, {"text", "metadata"}},
      {"segment", {"text"}, {"tokens", "sentences"}},
      {"tag", {"tokens", "sentences"}, {"pos", "chunks", "mentions"}},
      {"parse", {"tokens", "sentences", "pos"}, {"tree"}},
      {"resolve", {"text", "sentences", "mentions"}, {"entities", "times"}},
      {"clauses", {"tree", "entities"}, {"clauses"}},
      {"quotes", {"pos", "chunks", "entities"}, {"quotes"}},
      // The events stage codes from clauses (and the quotes' speakers).
      {"events", {"pos", "entities", "times", "clauses", "quotes"}, {"events"}},
      {"dedup", {"text"}, {"story"}},
      {"store", {"events"}, {"archive"}},
  };
  return kSpecs;
}
const std::vector<std::string>& StageList() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const StageSpec& s : Specs()) names.push_back(s.name);
    return names;
  }();
  return kNames;
}
enum StageIndex : size_t {
  kRead = 0,
  kClean,
  kSegment,
  kTag,
  kParse,
  kResolve,
  kClauses,
  kQuotes,
  kEvents,
  kStageCount = 11,
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
  explicit PipelineImpl(std::vector<bool> on) : on_(std::move(on)) {}

  Status Load(const std::string& data_dir, const PipelineOptions& options) {
    if (On(kClean) && !options.clean_model.empty() &&
        options.clean_model != "none") {
      std::string path = options.clean_model;
      if (path == "default") path = data_dir + "/models/" + LineClassifier::kFileName;
      clean_model_ = std::make_unique<LineClassifier>();
      Status s = clean_model_->Load(path);
      if (!s.ok()) return s;
    }
    if (On(kTag)) {
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
    if (On(kParse)) {
      // Only the clause layer reads the tree when it runs; else the tree is
      // what the caller wants.
      select_sentences_ = On(kClauses) && !options.full_parse;
      parser_ = std::make_unique<DependencyParser>();
      Status s = parser_->Load(data_dir + "/models/parser.model");
      if (!s.ok()) return s;
    }
    if (On(kClauses)) {
      // The learnt lemma table; without the file, ClauseLemma's rules.
      const std::string path = data_dir + "/models/lemmas.model";
      if (std::ifstream(path).good()) {
        lemmatizer_ = std::make_unique<Lemmatizer>();
        Status s = lemmatizer_->Load(path);
        if (!s.ok()) return s;
        // Rules' lemmas checked against the system word list ("resum" is
        // no word: "resume").
        lemmatizer_->set_known_words(&SystemWords());
      }
    }
    if (On(kClauses) || On(kEvents)) {
      // The event nouns the clause layer reads and the coder codes; without
      // the file, verbs only.
      const std::string path = data_dir + "/syntax/noun_frames.tsv";
      if (std::ifstream(path).good()) {
        noun_frames_ = std::make_unique<NounFrames>();
        Status s = noun_frames_->LoadFile(path);
        if (!s.ok()) return s;
      }
    }
    if (On(kResolve)) {
      Status s = EntityResolver::Create(data_dir + "/gazetteers", &resolver_);
      if (!s.ok()) return s;
      s = KnowledgeBase::Create(data_dir + "/gazetteers", &knowledge_);
      if (!s.ok()) return s;
    }
    // The GeoNames place table (data/geo), optional, loaded once for the
    // stages that read it: entity linking and event places.
    if ((On(kResolve) || On(kEvents)) &&
        !Geocoder::Load(data_dir, &places_).ok()) {
      places_.reset();
    }
    if (On(kResolve)) knowledge_->SetPlaces(places_.get());
    if (On(kQuotes)) {
      Status s = QuoteExtractor::Create(data_dir, &quotes_);
      if (!s.ok()) return s;
      quotes_->SetKeepActs(options.quote_acts);
    }
    if (On(kEvents)) {
      EventCoderOptions eo;
      eo.petrarch_dir = options.event_dictionaries;
      eo.allow_missing_target = options.events_without_target;
      eo.allow_missing_source = options.events_without_source;
      eo.code_sports_pages = options.code_sports_pages;
      eo.geocoder = places_.get();
      eo.noun_frames = noun_frames_.get();
      Status s = EventCoder::Create(data_dir, eo, &events_);
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  Document Process(const Page& page, StageTimes* times) const override {
    Document doc;
    doc.layers = {On(kResolve), On(kQuotes), On(kEvents)};
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
    if (!On(kClean)) {
      doc.text = page.content;
      ApplyPageMetadata(page, &doc);  // what the input says, read as it is
      return doc;
    }
    try {
      Timer clean(times, kClean);
      Status s = doc.format == PageFormat::kHtml
                     ? ExtractArticleFromHtml(page.content, &doc)
                     : CleanScrapedText(page.content, &doc, clean_model_.get(), nullptr);
      if (!s.ok()) doc.error = s.ToString();
      // What the input says outranks what the cleaner found.
      ApplyPageMetadata(page, &doc);
      clean.Stop();
      // The page named its own address (canonical link): the id follows the
      // URL, so the same article read from a WARC and a file is one id.
      if (page.id.empty() && page.url.empty() && !doc.url.empty()) {
        doc.id = Hash64Hex(doc.url);
      }
      if (doc.error.empty()) Analyse(&doc, times);
    } catch (const std::exception& e) {
      // A library threw (e.g. std::bad_alloc on a pathological page): the
      // batch goes on with this page's error recorded.
      doc.error = std::string("Internal error: ") + e.what();
    }
    return doc;
  }

  void AnalyseText(Document* doc) const override {
    try {
      Analyse(doc, nullptr);
    } catch (const std::exception& e) {
      doc->error = std::string("Internal error: ") + e.what();
    }
  }

 private:
  // Adds the time from its construction to Stop() (or its end) to
  // times->seconds[stage]; does nothing when times is null.
  class Timer {
   public:
    Timer(StageTimes* times, size_t stage) : times_(times), stage_(stage) {
      if (times_ != nullptr) start_ = std::chrono::steady_clock::now();
    }
    ~Timer() { Stop(); }
    void Stop() {
      if (times_ == nullptr) return;
      times_->seconds[stage_] += std::chrono::duration<double>(
                                     std::chrono::steady_clock::now() - start_)
                                     .count();
      times_ = nullptr;
    }

   private:
    StageTimes* times_;
    size_t stage_;
    std::chrono::steady_clock::time_point start_;
  };

  // Runs the stages after clean that are on, in the order of Specs().
  void Analyse(Document* doc, StageTimes* times) const {
    if (!On(kSegment)) return;
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    {
      Timer timer(times, kSegment);
      TokenizeAndSplit(doc->text, &tokens, &sentences);
      doc->tokens.reserve(tokens.size());
      for (const Token& t : tokens) doc->tokens.push_back({t.begin, t.end});
      doc->sentences.reserve(sentences.size());
      for (const Sentence& s : sentences) {
        doc->sentences.push_back({{s.begin, s.end}, s.token_begin, s.token_end});
      }
    }
    auto run = [&](size_t stage, auto&& fn) {
      if (!On(stage)) return;
      Timer timer(times, stage);
      fn();
    };
    run(kTag, [&] { Tag(doc); });
    run(kParse, [&] { Parse(doc); });
    run(kResolve, [&] { Resolve(doc, tokens, sentences); });
    run(kClauses, [&] {
      BuildClauses(doc, lemmatizer_.get(), noun_frames_.get());
    });
    run(kQuotes, [&] { quotes_->Extract(doc); });
    run(kEvents, [&] { events_->Code(doc); });
  }

  bool On(size_t stage) const { return stage < on_.size() && on_[stage]; }

  // The datelines that open paragraphs of `text` ("SEOUL/MOSCOW -",
  // "WASHINGTON, March 3 -"), as the clean stage reads them.
  static std::vector<Span> DatelineSpans(std::string_view text) {
    std::vector<Span> out;
    std::vector<std::string> places;
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find("\n\n", begin);
      if (end == std::string_view::npos) end = text.size();
      const size_t n = ParseDateline(text.substr(begin, end - begin), &places);
      if (n > 0)
        out.push_back({static_cast<uint32_t>(begin),
                       static_cast<uint32_t>(begin + n)});
      begin = end + 2;
    }
    return out;
  }

  // Entities (within-document resolution) and time expressions.
  void Resolve(Document* doc, const std::vector<Token>& tokens,
               const std::vector<Sentence>& sentences) const {
    std::vector<Span> sentence_spans;
    sentence_spans.reserve(doc->sentences.size());
    for (const SentenceSpan& s : doc->sentences)
      sentence_spans.push_back(s.span);
    resolver_->Resolve(doc->text, sentence_spans, doc->mentions, doc->tags,
                       &doc->entities, doc->published, DatelineSpans(doc->text));
    knowledge_->Link(doc->published, &doc->entities);
    std::vector<TimeExpression> times;
    FindTimeExpressions(doc->text, tokens, sentences, doc->published, &times);
    for (TimeExpression& t : times) {
      doc->times.push_back({{t.begin, t.end},
                            std::move(t.value),
                            std::move(t.granularity),
                            std::move(t.rule)});
    }
  }

  // The dependency tree of each sentence, over its tokens and tags (of the
  // sentences SentencesToParse selects, unless every one is wanted).
  void Parse(Document* doc) const {
    std::string_view text = doc->text;
    doc->heads.assign(doc->tokens.size(), -1);
    doc->deprels.assign(doc->tokens.size(), "root");
    std::vector<std::string_view> words, tags;
    DependencyTree tree;
    std::vector<uint8_t> selected;
    if (select_sentences_) selected = SentencesToParse(*doc);
    const std::string unparsed(kUnparsedRelation);
    for (size_t si = 0; si < doc->sentences.size(); ++si) {
      const SentenceSpan& s = doc->sentences[si];
      if (s.token_end > doc->tokens.size() || s.token_begin >= s.token_end)
        continue;
      if (si < selected.size() && !selected[si]) {
        std::fill(doc->deprels.begin() + s.token_begin,
                  doc->deprels.begin() + s.token_end, unparsed);
        continue;
      }
      words.clear();
      tags.clear();
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        const Span& tok = doc->tokens[t];
        words.push_back(text.substr(tok.begin, tok.end - tok.begin));
        tags.push_back(t < doc->pos.size() ? std::string_view(doc->pos[t])
                                           : std::string_view());
      }
      parser_->Parse(words, tags, &tree);
      for (size_t k = 0; k < words.size(); ++k) {
        const uint32_t t = s.token_begin + static_cast<uint32_t>(k);
        doc->heads[t] = tree.heads[k] < 0
                            ? -1
                            : static_cast<int32_t>(s.token_begin) + tree.heads[k];
        doc->deprels[t] = parser_->labels()[tree.labels[k]];
      }
    }
  }

  // Names: the tagger's IOB2 labels over each sentence's tokens, as spans.
  // "Police arrested 40 people": in a sentence with no finite verb, the
  // participle the tagger gave its verb is the verb (syntax/tag_repair.h).
  static void RepairFiniteVerbs(Document* doc) {
    std::vector<std::string_view> tags;
    for (const SentenceSpan& s : doc->sentences) {
      if (s.token_end > doc->pos.size() || s.token_begin >= s.token_end)
        continue;
      tags.assign(doc->pos.begin() + s.token_begin,
                  doc->pos.begin() + s.token_end);
      int k = ParticipleAsFiniteVerb(tags);
      if (k >= 0) doc->pos[s.token_begin + k] = "VBD";
    }
  }

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
    RepairFiniteVerbs(doc);
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

  std::vector<bool> on_;  // per stage of Specs(): runs
  std::unique_ptr<LineClassifier> clean_model_;
  std::unique_ptr<SequenceTagger> ner_;
  std::unique_ptr<SequenceTagger> pos_;
  std::unique_ptr<SequenceTagger> chunk_;
  std::unique_ptr<DependencyParser> parser_;
  bool select_sentences_ = false;  // parse only SentencesToParse's
  std::unique_ptr<Lemmatizer> lemmatizer_;  // null: ClauseLemma's rules
  std::unique_ptr<NounFrames> noun_frames_;  // null: no event nouns
  std::unique_ptr<EntityResolver> resolver_;
  std::unique_ptr<Geocoder> places_;  // before knowledge_, which reads it
  std::unique_ptr<KnowledgeBase> knowledge_;
  std::unique_ptr<QuoteExtractor> quotes_;
  std::unique_ptr<EventCoder> events_;
};

}  // namespace

const std::vector<std::string>& Pipeline::StageNames() { return StageList(); }

Status Pipeline::Create(const PipelineOptions& options,
                        std::unique_ptr<Pipeline>* pipeline) {
  const std::vector<StageSpec>& specs = Specs();
  auto index_of = [&](std::string_view name) -> int {
    for (size_t i = 0; i < specs.size(); ++i) {
      if (name == specs[i].name) return static_cast<int>(i);
    }
    return -1;
  };
  std::vector<bool> on(specs.size(), false);
  const std::string stages =
      options.stages.empty() ? specs[kLastBuilt].name : options.stages;
  if (stages.find(',') == std::string::npos) {
    // One name: that stage and every stage before it.
    const int last = index_of(stages);
    if (last < 0) return Status::InvalidArgument("unknown stage", stages);
    if (static_cast<size_t>(last) > kLastBuilt)
      return Status::NotSupported("stage not built yet", stages);
    for (int i = 0; i <= last; ++i) on[i] = true;
  } else {
    // A list: exactly those stages (the reader always runs).
    on[kRead] = true;
    size_t begin = 0;
    while (begin <= stages.size()) {
      size_t end = stages.find(',', begin);
      if (end == std::string::npos) end = stages.size();
      const std::string name = stages.substr(begin, end - begin);
      begin = end + 1;
      if (name.empty()) continue;
      const int i = index_of(name);
      if (i < 0) return Status::InvalidArgument("unknown stage", name);
      if (static_cast<size_t>(i) > kLastBuilt)
        return Status::NotSupported("stage not built yet", name);
      on[i] = true;
    }
  }
  // Every stage's layers must come from a stage that runs before it.
  std::vector<std::string> provided;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!on[i]) continue;
    for (const std::string& layer : specs[i].needs) {
      if (std::find(provided.begin(), provided.end(), layer) != provided.end())
        continue;
      std::string by;
      for (const StageSpec& p : specs) {
        if (std::find(p.provides.begin(), p.provides.end(), layer) !=
            p.provides.end()) {
          by = p.name;
          break;
        }
      }
      return Status::InvalidArgument(
          std::string("stage '") + specs[i].name + "' requires the '" + layer +
              "' layer, which stage '" + by + "' provides",
          "add '" + by + "' before it in --stages");
    }
    provided.insert(provided.end(), specs[i].provides.begin(),
                    specs[i].provides.end());
  }
  auto impl = std::make_unique<PipelineImpl>(on);
  Status s = impl->Load(DataDir(options), options);
  if (!s.ok()) return s;
  *pipeline = std::move(impl);
  return Status::OK();
}

}  // namespace dateline

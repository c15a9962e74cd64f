// dateline: the command-line front end. Verbs as in CONTRACT.md.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "dateline/archive.h"
#include "dateline/pipeline.h"
#include "dateline/reader.h"
#include "events/gdelt_export.h"
#include "server/api_server.h"
#include "store/cli_output.h"
#include "store/ingest.h"
#include "store/postgres_archive.h"

namespace {

// Options of the pipeline's stages (clean, events), shared by extract and
// ingest.
struct StageArgs {
  std::string clean_model;
  std::string dictionaries;
  bool without_target = false;
  bool without_source = false;
  bool sports = false;

  void Add(CLI::App* app) {
    app->add_option("--clean-model", clean_model,
                    "Scraped-text pages: the cleaner's learnt line classifier "
                    "('default': data/models/clean_lines.model, or a model's "
                    "path; default: the rules alone)");
    app->add_option("--petrarch-dictionaries", dictionaries,
                    "Code events with the PETRARCH-format dictionaries in DIR "
                    "(PETR.Validate.{verbs,actors,agents,discards}.txt)")
        ->check(CLI::ExistingDirectory);
    app->add_flag("--events-without-target", without_target,
                  "Also emit events with no target, as PLOVER allows");
    app->add_flag("--events-without-source", without_source,
                  "Also emit violent events whose perpetrator is not named");
    app->add_flag("--code-sports-pages", sports,
                  "Also code match reports (teams named as countries)");
  }
  void Apply(dateline::PipelineOptions* o) const {
    o->clean_model = clean_model;
    o->event_dictionaries = dictionaries;
    o->events_without_target = without_target;
    o->events_without_source = without_source;
    o->code_sports_pages = sports;
  }
};

struct ExtractArgs {
  std::vector<std::string> inputs;
  StageArgs events;
  std::string stages;  // empty: every stage that is built
  bool provenance = false;
  std::vector<std::string> layers;  // --layers tokens,clauses
  size_t max_page_mb = 256;
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string outlet;  // --outlet: for pages whose input names none
};

// Runs `dateline extract`: one JSON line per page on stdout. Returns the exit
// status: 0 if at least one page was read, 1 if none could be, 2 for usage.
int RunExtract(const ExtractArgs& args) {
  dateline::JsonOptions jopts;
  jopts.provenance = args.provenance;
  for (const std::string& layer : args.layers) {
    if (layer == "tokens") {
      jopts.tokens = true;
    } else if (layer == "clauses") {
      jopts.clauses = true;
    } else {
      std::fprintf(stderr,
                   "dateline: unknown layer \"%s\" (tokens, clauses)\n",
                   layer.c_str());
      return 2;
    }
  }
  dateline::PipelineOptions popts;
  popts.stages = args.stages;
  // The record shows the tree (tokens) or what is read off it (clauses):
  // every sentence is parsed, not only those a clause can come from.
  popts.full_parse = jopts.tokens || jopts.clauses;
  args.events.Apply(&popts);
  std::unique_ptr<dateline::Pipeline> pipeline;
  dateline::Status s = dateline::Pipeline::Create(popts, &pipeline);
  if (!s.ok()) {
    std::fprintf(stderr, "dateline: %s\n", s.ToString().c_str());
    return 2;
  }
  dateline::ReadOptions ropts;
  ropts.max_page_bytes = args.max_page_mb << 20;
  ropts.outlet = args.outlet;
  auto reader = dateline::InputReader::Open(args.inputs, ropts);
  // Pages are read in order, cleaned in parallel in batches, and written in
  // input order. A batch is bounded in pages and bytes so memory stays flat.
  const size_t jobs = std::max<size_t>(1, args.jobs);
  const size_t kBatchPages = 32 * jobs;
  const size_t kBatchBytes = size_t{128} << 20;
  std::vector<dateline::Page> batch;
  std::vector<std::string> lines;
  std::vector<std::string> errors_text;
  size_t pages = 0, errors = 0;
  bool more = true;
  while (more) {
    batch.clear();
    size_t bytes = 0;
    dateline::Page page;
    while (batch.size() < kBatchPages && bytes < kBatchBytes &&
           (more = reader->Next(&page))) {
      bytes += page.content.size();
      batch.push_back(std::move(page));
    }
    if (batch.empty()) break;
    lines.assign(batch.size(), std::string());
    errors_text.assign(batch.size(), std::string());
    std::atomic<size_t> next{0};
    auto work = [&]() {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        dateline::Document doc = pipeline->Process(batch[i]);
        if (!doc.error.empty()) {
          // Reader errors already name the input.
          errors_text[i] = doc.error.find(doc.source) != std::string::npos
                               ? doc.error
                               : doc.source + ": " + doc.error;
        }
        lines[i] = dateline::ToJsonLine(doc, jopts);
        lines[i].push_back('\n');
        batch[i] = dateline::Page();  // free the page early
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < std::min(jobs, batch.size()); ++t) {
      threads.emplace_back(work);
    }
    work();
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      ++pages;
      if (!errors_text[i].empty()) {
        ++errors;
        std::fprintf(stderr, "dateline: %s\n", errors_text[i].c_str());
      }
      std::fwrite(lines[i].data(), 1, lines[i].size(), stdout);
    }
  }
  std::fflush(stdout);
  if (pages == 0) {
    std::fprintf(stderr, "dateline: no pages in the input\n");
    return 1;
  }
  return errors == pages ? 1 : 0;
}


// ---------------------------------------------------------------------------
// The archive verbs.

std::string DefaultArchive() {
  if (const char* env = std::getenv("DATELINE_ARCHIVE")) return env;
  return "dateline.db";
}

struct IngestArgs {
  std::vector<std::string> inputs;
  StageArgs events;
  std::string archive = DefaultArchive();
  size_t jobs = 0;
  size_t max_page_mb = 256;
  std::string errors_file;
  bool quiet = false;
  size_t commit_every = 512;
  std::string outlet;  // --outlet: for pages whose input names none
};

std::atomic<bool> g_stop{false};
extern "C" void OnInterrupt(int) {
  g_stop.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C kills
}

std::string Clock(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "?";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
                  s % 60);
  } else {
    std::snprintf(buf, sizeof(buf), "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

std::string Thousands(int64_t n) {
  std::string d = std::to_string(n), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(d[i]);
  }
  return out;
}

// Runs `dateline ingest`. Exit status: 0 if pages were archived or already
// there, 1 if nothing could be read or the archive failed, 2 for usage.
int RunIngestVerb(const IngestArgs& args) {
  dateline::IngestOptions opts;
  opts.archive_path = args.archive;
  opts.inputs = args.inputs;
  opts.jobs = args.jobs;
  opts.read.max_page_bytes = args.max_page_mb << 20;
  opts.read.outlet = args.outlet;
  opts.stop = &g_stop;
  opts.group_documents = std::max<size_t>(1, args.commit_every);
  args.events.Apply(&opts.pipeline);
  const bool tty = isatty(STDERR_FILENO) != 0;
  std::FILE* errors_out = nullptr;
  if (!args.errors_file.empty()) {
    errors_out = std::fopen(args.errors_file.c_str(), "w");
    if (errors_out == nullptr) {
      std::fprintf(stderr, "dateline ingest: cannot write %s\n",
                   args.errors_file.c_str());
      return 2;
    }
  }
  constexpr int64_t kShownErrors = 10;
  int64_t shown = 0;
  bool bar_drawn = false;
  auto clear_bar = [&]() {
    if (bar_drawn) std::fputs("\r\033[K", stderr);
    bar_drawn = false;
  };
  opts.on_error = [&](const std::string& source, const std::string& error) {
    std::string line =
        error.find(source) != std::string::npos ? error : source + ": " + error;
    if (errors_out != nullptr) std::fprintf(errors_out, "%s\n", line.c_str());
    if (args.quiet || shown >= kShownErrors) return;
    ++shown;
    clear_bar();
    std::fprintf(stderr, "dateline: %s\n", line.c_str());
  };
  double last_draw = -1;
  opts.on_progress = [&](const dateline::IngestProgress& p) {
    if (args.quiet || p.done) return;
    const double interval = tty ? 0.1 : 10.0;
    if (last_draw >= 0 && p.seconds - last_draw < interval) return;
    if (last_draw < 0 && !tty && p.seconds < interval) return;
    last_draw = p.seconds;
    const double rate = p.seconds > 0 ? p.pages / p.seconds : 0;
    std::string left = "?";
    if (p.total >= 0 && rate > 0) {
      left = Clock(std::max<int64_t>(0, p.total - p.pages) / rate);
    }
    char buf[256];
    if (tty) {
      std::string bar;
      if (p.total > 0) {
        const int width = 24;
        int filled = static_cast<int>(width * std::min<double>(1.0, double(p.pages) / p.total));
        bar = "[" + std::string(filled, '=') + std::string(width - filled, ' ') + "] ";
        std::snprintf(buf, sizeof(buf), "%s%3d%%  %s/%s pages  %.0f pages/s  %s errors  %s left",
                      bar.c_str(), static_cast<int>(100.0 * p.pages / p.total),
                      Thousands(p.pages).c_str(), Thousands(p.total).c_str(),
                      rate, Thousands(p.errors).c_str(), left.c_str());
      } else {
        std::snprintf(buf, sizeof(buf), "%s pages  %.0f pages/s  %s errors  (counting)",
                      Thousands(p.pages).c_str(), rate, Thousands(p.errors).c_str());
      }
      std::fprintf(stderr, "\r\033[K%s", buf);
      bar_drawn = true;
    } else {
      std::fprintf(stderr, "ingest: %lld pages, %.0f pages/s, %lld errors, %s left\n",
                   static_cast<long long>(p.pages), rate,
                   static_cast<long long>(p.errors), left.c_str());
    }
    std::fflush(stderr);
  };
  std::signal(SIGINT, OnInterrupt);
  dateline::IngestProgress p;
  dateline::Status s = dateline::RunIngest(opts, &p);
  std::signal(SIGINT, SIG_DFL);
  clear_bar();
  if (errors_out != nullptr) std::fclose(errors_out);
  if (p.errors > shown && !args.quiet) {
    std::fprintf(stderr, "dateline: %lld more errors%s\n",
                 static_cast<long long>(p.errors - shown),
                 args.errors_file.empty() ? " (--errors FILE lists them all)" : "");
  }
  if (!s.ok()) {
    std::fprintf(stderr, "dateline ingest: %s\n", s.ToString().c_str());
    return s.IsInvalidArgument() || s.IsNotSupported() ? 2 : 1;
  }
  std::fprintf(stderr,
               "ingest: %lld pages in %.1f s (%.0f pages/s): %lld added, %lld "
               "replaced, %lld unchanged, %lld errors; writer busy %.1f s%s\n",
               static_cast<long long>(p.pages), p.seconds,
               p.seconds > 0 ? p.pages / p.seconds : 0.0,
               static_cast<long long>(p.added), static_cast<long long>(p.replaced),
               static_cast<long long>(p.unchanged), static_cast<long long>(p.errors),
               p.write_seconds, g_stop.load() ? " (interrupted: run again to finish)" : "");
  std::unique_ptr<dateline::Archive> archive;
  dateline::ArchiveOptions ro;
  ro.read_only = true;
  dateline::ArchiveStats st;
  if (dateline::Archive::Open(args.archive, ro, &archive).ok() &&
      archive->Stats(&st).ok()) {
    std::fprintf(stderr,
                 "archive %s: %lld articles, %lld stories of 2+ (%lld articles), "
                 "%lld entities, %lld quotes, %lld events\n",
                 dateline::RedactTarget(args.archive).c_str(),
                 static_cast<long long>(st.articles),
                 static_cast<long long>(st.stories),
                 static_cast<long long>(st.duplicate_articles),
                 static_cast<long long>(st.entities),
                 static_cast<long long>(st.quotes),
                 static_cast<long long>(st.events));
  }
  if (p.pages == 0) {
    std::fprintf(stderr, "dateline: no pages in the input\n");
    return 1;
  }
  return p.errors == p.pages ? 1 : 0;
}

// Options shared by the query verbs.
struct QueryArgs {
  std::string archive = DefaultArchive();
  bool json = false;
  size_t limit = 20;
  std::string since, until;
  bool include_undated = false;
  // search / stories / export
  std::string query;
  std::string outlet;
  std::string story;
  size_t min_size = 2;
  // events
  std::vector<std::string> actors;
  std::string entity;
  std::string code;
  int quad = 0;
  // quotes
  std::string speaker;
  bool speaker_contains = false;
  std::string canonical;
  std::string words;
  // entities
  std::string type;
  std::string name;
  // export
  std::string format;
  std::string table = "articles";
};

void AddCommon(CLI::App* sub, QueryArgs* q, bool limit = true) {
  sub->add_option("--archive", q->archive,
                  "Archive: SQLite file or postgresql:// URL (default $DATELINE_ARCHIVE or ./dateline.db)");
  sub->add_option("--since", q->since, "From this date: YYYY, YYYY-MM or YYYY-MM-DD");
  sub->add_option("--until", q->until, "Up to this date, inclusive (same forms)");
  sub->add_flag("--include-undated", q->include_undated,
                "With --since/--until, keep items that have no date too");
  if (limit) {
    sub->add_option("-n,--limit", q->limit, "At most this many rows (0: all)");
    sub->add_flag("--json", q->json, "JSON Lines, one object per row");
  }
}

int Fail(const char* verb, const dateline::Status& s) {
  std::fprintf(stderr, "dateline %s: %s\n", verb, s.ToString().c_str());
  return s.IsInvalidArgument() ? 2 : 1;
}

dateline::Status OpenReadOnly(const QueryArgs& q,
                              std::unique_ptr<dateline::Archive>* archive) {
  dateline::ArchiveOptions ro;
  ro.read_only = true;
  return dateline::Archive::Open(q.archive, ro, archive);
}

void Print(const std::string& line) {
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
}

dateline::EventQuery EventQueryOf(const QueryArgs& a) {
  dateline::EventQuery q;
  q.actors = a.actors;
  for (std::string& c : q.actors) {
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  q.entity = a.entity;
  q.code = a.code;
  q.quad_class = a.quad;
  q.period = {a.since, a.until, a.include_undated};
  q.limit = a.limit;
  return q;
}

dateline::SearchQuery SearchQueryOf(const QueryArgs& a) {
  dateline::SearchQuery q;
  q.query = a.query;
  q.period = {a.since, a.until, a.include_undated};
  q.outlet = a.outlet;
  q.story = a.story;
  q.limit = a.limit;
  return q;
}

std::string ActorText(const dateline::EventActor& a) {
  if (a.code.empty()) return a.name;
  if (a.name.empty()) return a.code;
  return a.name + " (" + a.code + ")";
}

int RunQuery(const std::string& verb, QueryArgs& a) {
  std::unique_ptr<dateline::Archive> archive;
  dateline::Status s = OpenReadOnly(a, &archive);
  if (!s.ok()) return Fail(verb.c_str(), s);
  const size_t width = dateline::TerminalWidth();
  if (verb == "search") {
    std::vector<dateline::SearchHit> hits;
    s = archive->Search(SearchQueryOf(a), &hits);
    if (!s.ok()) return Fail("search", s);
    if (a.json) {
      for (const auto& h : hits) Print(dateline::ToJson(h));
      return 0;
    }
    dateline::TextTable t({"#", "date", "outlet", "title", "id", "story"}, 3);
    for (size_t i = 0; i < hits.size(); ++i) {
      const auto& h = hits[i];
      t.Row({std::to_string(i + 1), dateline::DatePart(h.published),
             h.outlet.empty() ? "-" : h.outlet, h.title.empty() ? "(no title)" : h.title,
             h.id, h.story == h.id ? "" : h.story});
      t.Note(h.snippet);
    }
    t.Print(stdout, width);
    if (hits.empty()) std::fprintf(stderr, "no matches\n");
    return 0;
  }
  if (verb == "events") {
    std::vector<dateline::EventRow> rows;
    s = archive->Events(EventQueryOf(a), &rows);
    if (!s.ok()) return Fail("events", s);
    if (a.json) {
      for (const auto& r : rows) Print(dateline::ToJson(r));
      return 0;
    }
    dateline::TextTable t({"date", "source", "code", "target", "evidence", "article"}, 4);
    for (const auto& r : rows) {
      const auto& e = r.event;
      std::string code = e.code;
      if (e.negated) code += " (not)";
      if (e.hypothetical) code += " (hyp)";
      t.Row({dateline::DatePart(e.date.empty() ? r.published : e.date),
             ActorText(e.source), code, e.has_target ? ActorText(e.target) : "-",
             e.evidence, r.article});
    }
    t.Print(stdout, width);
    if (rows.empty()) std::fprintf(stderr, "no events\n");
    return 0;
  }
  if (verb == "quotes") {
    dateline::QuoteQuery q;
    q.speaker = a.speaker;
    q.speaker_contains = a.speaker_contains;
    q.words = a.words;
    q.period = {a.since, a.until, a.include_undated};
    q.limit = a.limit;
    std::vector<dateline::QuoteRow> rows;
    s = archive->Quotes(q, &rows);
    if (!s.ok()) return Fail("quotes", s);
    if (a.json) {
      for (const auto& r : rows) Print(dateline::ToJson(r));
      return 0;
    }
    dateline::TextTable t({"date", "speaker", "quote", "outlet", "article"}, 2);
    for (const auto& r : rows) {
      std::string speaker = r.speaker_entity_name.empty() ? r.quote.speaker_name
                                                          : r.speaker_entity_name;
      t.Row({dateline::DatePart(r.published), speaker.empty() ? "?" : speaker,
             r.text, r.outlet.empty() ? "-" : r.outlet, r.article});
    }
    t.Print(stdout, width);
    if (rows.empty()) std::fprintf(stderr, "no quotes\n");
    return 0;
  }
  if (verb == "entities") {
    dateline::EntityQuery q;
    q.type = a.type;
    for (char& ch : q.type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    q.name = a.name;
    q.canonical = a.canonical;
    q.period = {a.since, a.until, a.include_undated};
    q.limit = a.limit;
    std::vector<dateline::EntityCount> rows;
    s = archive->Entities(q, &rows);
    if (!s.ok()) return Fail("entities", s);
    if (a.json) {
      for (const auto& r : rows) Print(dateline::ToJson(r));
      return 0;
    }
    dateline::TextTable t(
        {"#", "name", "type", "country", "articles", "mentions", "canonical"}, 1);
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      t.Row({std::to_string(i + 1), r.name, r.type, r.country,
             std::to_string(r.articles), std::to_string(r.mentions),
             r.canonical_id.empty() ? "-" : r.canonical_id});
    }
    t.Print(stdout, width);
    return 0;
  }
  if (verb == "stories") {
    dateline::StoryQuery q;
    q.min_size = a.min_size;
    q.period = {a.since, a.until, a.include_undated};
    q.query = a.query;
    q.limit = a.limit;
    std::vector<dateline::StoryRow> rows;
    s = archive->Stories(q, &rows);
    if (!s.ok()) return Fail("stories", s);
    if (a.json) {
      for (const auto& r : rows) Print(dateline::ToJson(r));
      return 0;
    }
    dateline::TextTable t({"size", "first", "last", "title", "outlets", "story"}, 3);
    for (const auto& r : rows) {
      std::string outlets;
      for (size_t i = 0; i < r.outlets.size(); ++i) {
        if (i > 0) outlets += ", ";
        outlets += r.outlets[i];
      }
      t.Row({std::to_string(r.size), dateline::DatePart(r.first_published),
             dateline::DatePart(r.last_published), r.title, outlets, r.story});
    }
    t.Print(stdout, width);
    if (rows.empty()) std::fprintf(stderr, "no stories with %zu or more articles\n", q.min_size);
    return 0;
  }
  return 2;
}

int RunExport(QueryArgs& a) {
  if (a.format != "gdelt" && a.format != "jsonl" && a.format != "csv") {
    std::fprintf(stderr, "dateline export: --format is gdelt, jsonl or csv\n");
    return 2;
  }
  std::unique_ptr<dateline::Archive> archive;
  dateline::Status s = OpenReadOnly(a, &archive);
  if (!s.ok()) return Fail("export", s);
  a.limit = 0;
  if (a.format == "jsonl") {
    s = archive->ForEachRecord(SearchQueryOf(a), [](const std::string& r) {
      Print(r);
      return std::ferror(stdout) == 0;
    });
  } else if (a.format == "gdelt" || (a.format == "csv" && a.table == "events")) {
    const bool gdelt = a.format == "gdelt";
    if (!gdelt) {
      std::puts("event_id,date,source_name,source_code,target_name,target_code,"
                "code,root,quad_class,goldstein,negated,hypothetical,location,"
                "evidence,article,url");
    }
    s = archive->ForEachEvent(EventQueryOf(a), [&](const dateline::EventRow& r) {
      if (gdelt) {
        dateline::GdeltEventInput in;
        in.global_event_id = r.event_id;
        in.event = r.event;
        in.published = r.published;
        in.date_added = r.ingested_at;
        in.source_url = r.url.empty() ? r.source : r.url;
        in.is_root = r.in_lead ? 1 : 0;
        Print(dateline::GdeltEventLine(in));
      } else {
        const auto& e = r.event;
        std::vector<std::string> f = {
            std::to_string(r.event_id), e.date.empty() ? r.published : e.date,
            e.source.name, e.source.code, e.target.name, e.target.code, e.code,
            e.root, std::to_string(e.quad_class), std::to_string(e.goldstein),
            e.negated ? "1" : "0", e.hypothetical ? "1" : "0", e.location,
            e.evidence, r.article, r.url};
        Print(dateline::CsvLine(f));
      }
      return std::ferror(stdout) == 0;
    });
  } else if (a.table == "articles") {
    std::puts("id,published,outlet,title,url,story,words");
    dateline::SearchQuery q = SearchQueryOf(a);
    s = archive->ForEachRecord(q, [](const std::string& r) {
      nlohmann::json j = nlohmann::json::parse(r, nullptr, false);
      if (j.is_discarded()) return true;
      auto str = [&](const char* k) {
        return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : "";
      };
      std::string text = str("text");
      size_t words = 0;
      bool in = false;
      for (char c : text) {
        bool sp = c == ' ' || c == '\n';
        if (!sp && !in) ++words;
        in = !sp;
      }
      std::vector<std::string> f = {str("id"), str("published"), str("outlet"),
                                    str("title"), str("url"),
                                    str("story"), std::to_string(words)};
      Print(dateline::CsvLine(f));
      return std::ferror(stdout) == 0;
    });
  } else if (a.table == "quotes") {
    std::puts("published,speaker_name,speaker_entity,kind,cue,text,article");
    dateline::QuoteQuery q;
    q.speaker = a.speaker;
    q.speaker_contains = a.speaker_contains;
    q.words = a.words;
    q.period = {a.since, a.until, a.include_undated};
    q.limit = 0;
    std::vector<dateline::QuoteRow> rows;
    s = archive->Quotes(q, &rows);
    for (const auto& r : rows) {
      std::vector<std::string> f = {r.published, r.quote.speaker_name,
                                    r.speaker_entity_name, r.quote.kind,
                                    r.quote.cue, r.text, r.article};
      Print(dateline::CsvLine(f));
    }
  } else {
    std::fprintf(stderr, "dateline export: --table is articles, events or quotes\n");
    return 2;
  }
  std::fflush(stdout);
  if (!s.ok()) return Fail("export", s);
  return 0;
}

struct ServeArgs {
  std::string archive = DefaultArchive();
  std::string host = "127.0.0.1";
  int port = 8080;
  int query_timeout_ms = 1000;
  int cache_mb = 64;
  int max_queries = 8;
};

// Runs `dateline serve` until SIGINT or SIGTERM. Returns 0 after a clean
// stop, 1 when the archive cannot be opened or the port bound.
int RunServe(const ServeArgs& a) {
  dateline::ServerOptions opts;
  opts.archive = a.archive;
  opts.host = a.host;
  opts.port = a.port;
  opts.query_timeout_ms = a.query_timeout_ms;
  opts.cache_bytes = static_cast<size_t>(a.cache_mb) << 20;
  opts.connections = static_cast<size_t>(a.max_queries);
  std::unique_ptr<dateline::ApiServer> server;
  dateline::Status s = dateline::ApiServer::Create(opts, &server);
  if (!s.ok()) return Fail("serve", s);
  // The signals are taken by sigwait below, not by the server's threads
  // (they inherit this mask).
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  int port = 0;
  s = server->Start(&port);
  if (!s.ok()) return Fail("serve", s);
  std::fprintf(stderr, "dateline serve: %s on http://%s:%d/ (Ctrl-C stops)\n",
               dateline::RedactTarget(a.archive).c_str(), a.host.c_str(), port);
  std::fflush(stderr);
  int sig = 0;
  sigwait(&set, &sig);
  server->Stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dateline: news pages in, structured record out"};
  app.require_subcommand(1);

  ExtractArgs extract;
  CLI::App* ex = app.add_subcommand(
      "extract", "Print one JSON record per article (JSON Lines)");
  ex->add_option("INPUT", extract.inputs,
                 "Files, directories (walked) or - for stdin")
      ->required();
  ex->add_option("--stages", extract.stages,
                 "Stop after this stage: read, clean, segment, tag, parse, "
                 "resolve, clauses, quotes, events (default: all); or a "
                 "comma-separated list of exactly the stages to run, checked "
                 "for the layers each requires");
  ex->add_flag("--provenance", extract.provenance,
               "Add source, format and the offset map back to the page");
  ex->add_option("--layers", extract.layers,
                 "Also write these layers, comma separated: tokens (span, "
                 "pos, head, deprel), clauses (predicates and arguments)")
      ->delimiter(',');
  ex->add_option("-j,--jobs", extract.jobs,
                 "Pages cleaned in parallel (default: all cores); output "
                 "keeps input order");
  ex->add_option("--max-page-mb", extract.max_page_mb,
                 "Refuse pages larger than this (MiB)");
  ex->add_option("--outlet", extract.outlet,
                 "Outlet of the pages whose input names none (the input's "
                 "own outranks it, it outranks the page's)");
  extract.events.Add(ex);

  IngestArgs ingest;
  CLI::App* in = app.add_subcommand(
      "ingest", "Add pages to an archive (SQLite file; default ./dateline.db)");
  in->add_option("INPUT", ingest.inputs,
                 "Files, directories, .tar/.tar.gz, WARC, JSON Lines, - for stdin")
      ->required();
  in->add_option("--archive", ingest.archive,
                 "Archive: SQLite file or postgresql:// URL (default $DATELINE_ARCHIVE or ./dateline.db)");
  in->add_option("-j,--jobs", ingest.jobs, "Pipeline threads (default: all cores)");
  in->add_option("--max-page-mb", ingest.max_page_mb,
                 "Refuse pages larger than this (MiB)");
  in->add_option("--errors", ingest.errors_file, "Write every page error to FILE");
  in->add_option("--outlet", ingest.outlet,
                 "Outlet of the pages whose input names none (the input's "
                 "own outranks it, it outranks the page's)");
  in->add_flag("-q,--quiet", ingest.quiet, "No progress and no error lines");
  ingest.events.Add(in);
  in->add_option("--commit-every", ingest.commit_every,
                 "Documents per transaction (default 512; also every 2 s)");

  QueryArgs q;
  CLI::App* search = app.add_subcommand(
      "search", "Full-text search over titles and text, ranked, with snippets");
  search->add_option("QUERY", q.query,
                     "Words, \"a phrase\", OR, NOT, NEAR(a b), prefix*")
      ->required();
  search->add_option("--outlet", q.outlet, "Only this outlet");
  search->add_option("--story", q.story, "Only the members of this story");
  AddCommon(search, &q);

  CLI::App* events = app.add_subcommand("events", "Coded events (CAMEO)");
  events->add_option("--actor", q.actors,
                     "CAMEO actor code prefix (RUS, RUSGOV); twice for events "
                     "between two actors");
  events->add_option("--entity", q.entity, "Actor name or entity containing this");
  events->add_option("--code", q.code, "CAMEO event code or root (04, 036)");
  events->add_option("--quad", q.quad, "Quad class 1-4");
  AddCommon(events, &q);

  CLI::App* quotes = app.add_subcommand("quotes", "Quotations and their speakers");
  quotes->add_option("--speaker", q.speaker,
                     "This speaker exactly (any case): a canonical entity's id or "
                     "name ('Tony Blair' also finds 'Mr Blair'), else the name "
                     "an article gave");
  quotes->add_flag("--speaker-contains", q.speaker_contains,
                   "--speaker matches as words inside any speaker name "
                   "('Blair' finds Tony Blair and Bob Blair)");
  quotes->add_option("--words", q.words, "Full-text query over the quoted words");
  AddCommon(quotes, &q);

  CLI::App* entities = app.add_subcommand(
      "entities", "Most mentioned people, organisations and places");
  entities->add_option("--type", q.type, "PER, ORG, LOC or MISC");
  entities->add_option("--name", q.name, "Names containing this");
  entities->add_option("--canonical", q.canonical,
                       "Only this canonical entity (person:tony-blair, "
                       "country:GBR, org:united-nations)");
  AddCommon(entities, &q);

  CLI::App* stories = app.add_subcommand(
      "stories", "Largest groups of near-duplicate copies and their outlets");
  stories->add_option("--min-size", q.min_size, "Groups of at least this many (default 2)");
  stories->add_option("--query", q.query, "Only stories with a member matching this");
  AddCommon(stories, &q);

  CLI::App* exp = app.add_subcommand(
      "export", "Stream the archive: gdelt (events, GDELT 2.0 TSV), jsonl "
                "(records), csv (articles, events or quotes)");
  exp->add_option("--format", q.format, "gdelt, jsonl or csv")->required();
  exp->add_option("--table", q.table, "For csv: articles (default), events or quotes");
  exp->add_option("--query", q.query, "Articles matching this full-text query");
  exp->add_option("--outlet", q.outlet, "Articles from this outlet");
  exp->add_option("--story", q.story, "Articles of this story");
  exp->add_option("--actor", q.actors, "Events: actor code prefix (twice: between)");
  exp->add_option("--entity", q.entity, "Events: actor name or entity");
  exp->add_option("--code", q.code, "Events: CAMEO code or root");
  exp->add_option("--speaker", q.speaker, "Quotes: this speaker (as quotes --speaker)");
  exp->add_flag("--speaker-contains", q.speaker_contains,
                "Quotes: --speaker as words inside any speaker name");
  exp->add_option("--words", q.words, "Quotes: quoted words");
  AddCommon(exp, &q, /*limit=*/false);

  ServeArgs sv;
  CLI::App* serve = app.add_subcommand(
      "serve", "HTTP API and browser UI over an archive (127.0.0.1 by default)");
  serve->add_option("--archive", sv.archive,
                    "Archive: SQLite file or postgresql:// URL (default $DATELINE_ARCHIVE or ./dateline.db)");
  serve->add_option("--port", sv.port, "TCP port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", sv.host,
                    "Address to listen on (default 127.0.0.1; others expose the "
                    "archive to the network)");
  serve->add_option("--query-timeout-ms", sv.query_timeout_ms,
                    "Time budget of one query; over it the answer is 503 "
                    "(default 1000)")
      ->check(CLI::Range(1, 600000));
  serve->add_option("--cache-mb", sv.cache_mb,
                    "Memory for answers to repeated requests, dropped when the "
                    "archive changes (default 64; 0: no cache)")
      ->check(CLI::Range(0, 65536));
  serve->add_option("--max-queries", sv.max_queries,
                    "Queries run at once (archive connections; others wait "
                    "their turn; default 8)")
      ->check(CLI::Range(1, 256));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (ex->parsed()) return RunExtract(extract);
  if (in->parsed()) return RunIngestVerb(ingest);
  for (const char* verb : {"search", "events", "quotes", "entities", "stories"}) {
    if (app.got_subcommand(verb)) return RunQuery(verb, q);
  }
  if (exp->parsed()) return RunExport(q);
  if (serve->parsed()) return RunServe(sv);
  return 2;
}

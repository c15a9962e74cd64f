// Query latency on an archive: a fixed set of searches, event queries and
// the other query verbs, each run --repeat times through the Archive API
// (what the CLI verbs call), after one warm-up pass. Prints p50 and p99 in
// milliseconds per kind and overall, as JSON lines.
//
//   query_latency_eval --archive PATH [--repeat N]
//
// The archive is the one bench/run_archive_bench.sh builds from bbc-news and
// reuters21578. Event queries run over whatever events the archive holds
// (none until the events stage is built).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <filesystem>

#include "dateline/archive.h"

namespace dateline {
namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int Main(int argc, char** argv) {
  CLI::App app{"query latency on an archive"};
  std::string path;
  int repeat = 20;
  app.add_option("--archive", path, "archive file")->required();
  app.add_option("--repeat", repeat, "runs of each query");
  int synthetic = 0;
  app.add_option("--synthetic-events", synthetic,
                 "copy the archive to a temporary file and add this many "
                 "synthetic events per article first (until the events stage "
                 "fills the table)");
  CLI11_PARSE(app, argc, argv);
  std::string copy;
  if (synthetic > 0) {
    namespace fs = std::filesystem;
    copy = (fs::temp_directory_path() / "query_latency_eval.db").string();
    fs::remove(copy);
    fs::remove(copy + "-wal");
    fs::remove(copy + "-shm");
    std::error_code ec;
    fs::copy_file(path, copy, ec);
    if (ec) {
      std::fprintf(stderr, "query_latency_eval: cannot copy %s\n", path.c_str());
      return 2;
    }
    sqlite3* db = nullptr;
    sqlite3_open(copy.c_str(), &db);
    // Actor codes from ten countries (some with a GOV role), CAMEO codes
    // over all twenty roots, the article's date: the table's size and
    // spread, not its meaning.
    std::string sql =
        "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " +
        std::to_string(synthetic) +
        ") INSERT INTO events(article, source_name, source_code, has_target, "
        "target_name, target_code, code, root, quad_class, goldstein, "
        "event_date, evidence) SELECT article, s, s, 1, t, t, c, substr(c, 1, 2), "
        "1 + abs(random()) % 4, (abs(random()) % 200 - 100) / 10.0, d, 'said' FROM "
        "(SELECT a.rowid AS article, a.published AS d, "
        "substr('USARUSPRKCHNGBRFRADEUJPNIRNISR', 1 + 3 * (abs(random()) % 10), 3) "
        "|| (CASE WHEN random() % 2 = 0 THEN 'GOV' ELSE '' END) AS s, "
        "substr('USARUSPRKCHNGBRFRADEUJPNIRNISR', 1 + 3 * (abs(random()) % 10), 3) AS t, "
        "printf('%02d%d', 1 + abs(random()) % 20, abs(random()) % 10) AS c "
        "FROM articles a, k)";
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::fprintf(stderr, "query_latency_eval: %s\n", err ? err : "?");
      return 2;
    }
    sqlite3_close(db);
    path = copy;
  }
  ArchiveOptions ro;
  ro.read_only = true;
  std::unique_ptr<Archive> a;
  Status s = Archive::Open(path, ro, &a);
  if (!s.ok()) {
    std::fprintf(stderr, "query_latency_eval: %s\n", s.ToString().c_str());
    return 2;
  }
  struct Query {
    std::string kind;
    std::string name;
    std::function<Status()> run;
  };
  std::vector<Query> queries;
  std::vector<SearchHit> hits;
  for (const char* q :
       {"oil", "oil prices", "\"interest rates\"", "bank OR banks", "Blair",
        "election", "football", "profit*", "gold NEAR(price, 5)",
        "coffee export", "Microsoft", "dollar NOT yen", "said", "film award",
        "strike", "inflation", "\"central bank\" rates", "tennis Australian",
        "shares rose", "wheat Soviet"}) {
    queries.push_back({"search", q, [&, q] {
                         SearchQuery sq;
                         sq.query = q;
                         sq.limit = 20;
                         return a->Search(sq, &hits);
                       }});
  }
  std::vector<EventRow> events;
  auto ev = [&](std::string name, EventQuery q) {
    queries.push_back({"events", name, [&, q] { return a->Events(q, &events); }});
  };
  {
    EventQuery q;
    q.actors = {"RUS", "PRK"};
    q.period = {"2023-09", "2023-09"};
    ev("RUS-PRK 2023-09", q);
    q = EventQuery();
    q.actors = {"USA"};
    ev("USA", q);
    q = EventQuery();
    q.code = "04";
    ev("root 04", q);
    q = EventQuery();
    q.code = "036";
    q.period = {"1987", "1987"};
    ev("036 in 1987", q);
    q = EventQuery();
    q.actors = {"USA", "IRN"};
    q.period = {"1987-03", "1987-04"};
    ev("USA-IRN Mar-Apr 1987", q);
    q = EventQuery();
    q.actors = {"RUSGOV"};
    q.code = "1";
    ev("RUSGOV roots 1x", q);
    q = EventQuery();
    q.entity = "Reagan";
    ev("entity Reagan", q);
    q = EventQuery();
    q.quad_class = 4;
    ev("quad 4", q);
    q = EventQuery();
    q.period = {"1987-03-01", "1987-03-31"};
    ev("March 1987", q);
    q = EventQuery();
    q.actors = {"GBR"};
    q.code = "01";
    ev("GBR root 01", q);
  }
  std::vector<QuoteRow> quotes;
  for (const char* sp : {"Peskov", "Blair", "Reagan"}) {
    queries.push_back({"quotes", std::string("speaker ") + sp, [&, sp] {
                         QuoteQuery q;
                         q.speaker = sp;
                         return a->Quotes(q, &quotes);
                       }});
  }
  std::vector<EntityCount> ents;
  queries.push_back({"entities", "top PER", [&] {
                       EntityQuery q;
                       q.type = "PER";
                       return a->Entities(q, &ents);
                     }});
  queries.push_back({"entities", "top ORG March 1987", [&] {
                       EntityQuery q;
                       q.type = "ORG";
                       q.period = {"1987-03", "1987-03"};
                       return a->Entities(q, &ents);
                     }});
  std::vector<StoryRow> stories;
  queries.push_back({"stories", "largest", [&] {
                       return a->Stories(StoryQuery(), &stories);
                     }});
  queries.push_back({"stories", "query oil", [&] {
                       StoryQuery q;
                       q.query = "oil";
                       return a->Stories(q, &stories);
                     }});
  std::map<std::string, std::vector<double>> by_kind;
  std::vector<double> search_and_events;
  std::map<std::string, double> worst;
  for (int pass = 0; pass <= repeat; ++pass) {
    for (const Query& q : queries) {
      auto t0 = std::chrono::steady_clock::now();
      Status st = q.run();
      double ms = std::chrono::duration<double, std::milli>(
                      std::chrono::steady_clock::now() - t0)
                      .count();
      if (!st.ok()) {
        std::fprintf(stderr, "query_latency_eval: %s %s: %s\n", q.kind.c_str(),
                     q.name.c_str(), st.ToString().c_str());
        return 1;
      }
      if (pass == 0) continue;  // warm-up
      by_kind[q.kind].push_back(ms);
      if (q.kind == "search" || q.kind == "events") search_and_events.push_back(ms);
      worst[q.kind + ": " + q.name] = std::max(worst[q.kind + ": " + q.name], ms);
    }
  }
  ArchiveStats stats;
  a->Stats(&stats);
  std::printf("{\"archive_articles\":%lld,\"archive_events\":%lld,\"repeat\":%d}\n",
              static_cast<long long>(stats.articles),
              static_cast<long long>(stats.events), repeat);
  for (const auto& [kind, v] : by_kind) {
    std::printf("{\"kind\":\"%s\",\"queries\":%zu,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
                kind.c_str(), v.size(), Percentile(v, 0.5), Percentile(v, 0.99),
                Percentile(v, 1.0));
  }
  std::printf("{\"kind\":\"search+events\",\"queries\":%zu,\"p50_ms\":%.2f,\"p99_ms\":%.2f}\n",
              search_and_events.size(), Percentile(search_and_events, 0.5),
              Percentile(search_and_events, 0.99));
  std::vector<std::pair<double, std::string>> slow;
  for (const auto& [name, ms] : worst) slow.emplace_back(ms, name);
  std::sort(slow.rbegin(), slow.rend());
  std::printf("# slowest:");
  for (size_t i = 0; i < slow.size() && i < 5; ++i) {
    std::printf(" %s %.1f ms;", slow[i].second.c_str(), slow[i].first);
  }
  std::printf("\n");
  if (!copy.empty()) {
    a.reset();
    std::filesystem::remove(copy);
    std::filesystem::remove(copy + "-wal");
    std::filesystem::remove(copy + "-shm");
  }
  return 0;
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) { return dateline::Main(argc, argv); }

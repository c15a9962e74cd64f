// Identity across the archive (issue 16, item 3): how many entities the
// archive lists once entities are linked to canonical entities, and seeded
// samples to check by hand.
//
//   identity_eval [--archive PATH] [--sample N] [--seed N]
//
// Reads a SQLite archive written by `dateline ingest` (default
// /tmp/big.db: BBC News + Reuters-21578, see bench/README.md). Prints:
// - rows: entity rows (one per entity per article) and the share linked;
// - names: distinct (name, type) pairs as the articles name them, against
//   the distinct entities the archive lists (a linked row counts as its
//   canonical entity) and the number of canonical entities;
// - merges: a sample of (name as written, canonical entity) pairs where the
//   written name is not the canonical name ("Mr Blair" -> Tony Blair,
//   "NEW YORK" -> New York City), each with one article and the sentence of
//   its first mention, to judge whether the link is right;
// - non-merges: a sample of pairs of person names of two or more words that
//   share their last word and were not linked to one canonical entity ("Bob
//   Blair" and "Tony Blair"), each with an article, to judge whether they
//   are indeed different people.
// The order of each sample is a seeded hash of its key, so a rerun on the
// same archive prints the same samples.
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/hash.h"

namespace {

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

// Runs `sql`, calling fn(columns) for each row; false on error (printed).
template <typename Fn>
bool Query(sqlite3* db, const std::string& sql, Fn fn) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "identity_eval: %s\n", sqlite3_errmsg(db));
    return false;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> cols;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const unsigned char* t = sqlite3_column_text(st, i);
      cols.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    fn(cols);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "identity_eval: %s\n", sqlite3_errmsg(db));
    return false;
  }
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

std::string LastWord(const std::string& name) {
  size_t sp = name.find_last_of(' ');
  return Lower(sp == std::string::npos ? name : name.substr(sp + 1));
}

// `s` as an SQL string literal.
std::string Quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    q.push_back(c);
    if (c == '\'') q.push_back('\'');
  }
  return q + "'";
}

// The sentence around byte `at` of `text` (at most 300 bytes, one line).
std::string Around(const std::string& text, size_t at) {
  if (at > text.size()) return "";
  size_t b = text.rfind(". ", at);
  b = b == std::string::npos ? 0 : b + 2;
  size_t nl = text.rfind('\n', at);
  if (nl != std::string::npos && nl + 1 > b) b = nl + 1;
  size_t e = text.find(". ", at);
  e = e == std::string::npos ? text.size() : e + 1;
  size_t nl2 = text.find('\n', at);
  if (nl2 != std::string::npos && nl2 < e) e = nl2;
  std::string s = text.substr(b, std::min<size_t>(e - b, 300));
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "/tmp/big.db";
  size_t sample = 50;
  uint64_t seed = 20261206;
  CLI::App app{"Canonical entities of an archive: counts and samples to check"};
  app.add_option("--archive", path, "SQLite archive (dateline ingest)");
  app.add_option("--sample", sample, "Pairs in each sample");
  app.add_option("--seed", seed, "Seed of the samples' order");
  CLI11_PARSE(app, argc, argv);

  Db d;
  if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    std::fprintf(stderr, "identity_eval: cannot open %s\n", path.c_str());
    return 1;
  }
  std::string rows, linked, names, listed, canonical;
  bool ok = Query(d.db,
                  "SELECT count(*), sum(canonical_id != ''), count(DISTINCT "
                  "name || char(31) || type), count(DISTINCT iif(canonical_id "
                  "!= '', canonical_id, name || char(31) || type)), "
                  "count(DISTINCT nullif(canonical_id, '')) FROM entities",
                  [&](const std::vector<std::string>& c) {
                    rows = c[0], linked = c[1], names = c[2], listed = c[3],
                    canonical = c[4];
                  });
  if (!ok) return 1;
  std::printf("rows %s, linked %s (%.1f%%)\n", rows.c_str(), linked.c_str(),
              100.0 * std::atof(linked.c_str()) /
                  std::max(1.0, std::atof(rows.c_str())));
  std::printf("names %s as written -> %s entities listed (%s canonical "
              "entities + the unlinked names)\n",
              names.c_str(), listed.c_str(), canonical.c_str());
  std::map<std::string, std::string> by_type;
  Query(d.db,
        "SELECT type, count(DISTINCT name), count(DISTINCT iif(canonical_id "
        "!= '', canonical_id, name)) FROM entities GROUP BY type",
        [&](const std::vector<std::string>& c) {
          std::printf("  %s: %s names -> %s\n", c[0].c_str(), c[1].c_str(),
                      c[2].c_str());
        });

  // Merges: written names that differ from their canonical name.
  struct Pair {
    uint64_t order;
    std::string a, b, article;
    int64_t articles;
  };
  std::vector<Pair> merges;
  ok = Query(d.db,
             "SELECT name, canonical_name, canonical_id, count(*), min(article) "
             "FROM entities WHERE canonical_id != '' AND lower(name) != "
             "lower(canonical_name) GROUP BY name, canonical_id",
             [&](const std::vector<std::string>& c) {
               const std::string key = c[0] + "\x1f" + c[2];
               merges.push_back({dateline::MixHash(dateline::Hash64(key), seed),
                                 c[0], c[1] + " [" + c[2] + "]", c[4],
                                 std::atoll(c[3].c_str())});
             });
  if (!ok) return 1;
  std::sort(merges.begin(), merges.end(),
            [](const Pair& x, const Pair& y) { return x.order < y.order; });
  std::printf("\nmerges: %zu (written name, canonical entity) pairs whose "
              "names differ; %zu drawn\n",
              merges.size(), std::min(sample, merges.size()));
  auto context = [&](const std::string& article, const std::string& name) {
    std::string out;
    Query(d.db,
          "SELECT a.id, a.text, min(m.begin) FROM articles a JOIN entities n ON "
          "n.article = a.rowid JOIN mentions m ON m.article = a.rowid AND "
          "m.eid = n.eid WHERE a.rowid = " + article + " AND (n.name = " +
              Quoted(name) + " OR n.canonical_name = " + Quoted(name) + ")",
          [&](const std::vector<std::string>& c) {
            out = c[0] + ": " + Around(c[1], std::atoll(c[2].c_str()));
          });
    return out;
  };
  for (size_t i = 0; i < merges.size() && i < sample; ++i) {
    const Pair& p = merges[i];
    std::printf("M%02zu\t%s\t-> %s\t(%lld rows)\n\t%s\n", i + 1, p.a.c_str(),
                p.b.c_str(), static_cast<long long>(p.articles),
                context(p.article, p.a).c_str());
  }

  // Non-merges: person names sharing their last word, not one entity.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      by_last;  // last word -> (listed key, an article)
  ok = Query(d.db,
             "SELECT iif(canonical_id != '', canonical_name, name) AS k, "
             "max(canonical_id), min(article) FROM entities WHERE type = 'PER' "
             "AND instr(iif(canonical_id != '', canonical_name, name), ' ') > 0 "
             "GROUP BY k",
             [&](const std::vector<std::string>& c) {
               by_last[LastWord(c[0])].push_back({c[0], c[2]});
             });
  if (!ok) return 1;
  std::vector<Pair> apart;
  for (const auto& [last, v] : by_last) {
    if (last.size() < 3) continue;
    for (size_t i = 0; i < v.size(); ++i) {
      for (size_t j = i + 1; j < v.size() && j < i + 20; ++j) {
        const std::string key = v[i].first + "\x1f" + v[j].first;
        apart.push_back({dateline::MixHash(dateline::Hash64(key), seed),
                         v[i].first, v[j].first, v[i].second + "," + v[j].second,
                         0});
      }
    }
  }
  std::sort(apart.begin(), apart.end(),
            [](const Pair& x, const Pair& y) { return x.order < y.order; });
  std::printf("\nnon-merges: %zu pairs of person names sharing the last word, "
              "listed apart; %zu drawn\n",
              apart.size(), std::min(sample, apart.size()));
  for (size_t i = 0; i < apart.size() && i < sample; ++i) {
    const Pair& p = apart[i];
    const std::string a1 = p.article.substr(0, p.article.find(','));
    const std::string a2 = p.article.substr(p.article.find(',') + 1);
    std::printf("N%02zu\t%s | %s\n\t%s\n\t%s\n", i + 1, p.a.c_str(),
                p.b.c_str(), context(a1, p.a).c_str(),
                context(a2, p.b).c_str());
  }
  return 0;
}

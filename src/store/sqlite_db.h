// Thin RAII helpers over the SQLite C API for the archive: a connection and
// prepared statements with bound parameters (user text is only ever bound).
// Internal to src/store; errors come back as Status with SQLite's message.
// Not thread-safe: one connection per thread.
#ifndef DATELINE_STORE_SQLITE_DB_H_
#define DATELINE_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline {

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) {
    o.stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  // Frees the compiled statement (before its connection closes).
  void Finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  // Compiles `sql` on `db`. Returns IOError with SQLite's message.
  Status Prepare(sqlite3* db, std::string_view sql);
  bool prepared() const { return stmt_ != nullptr; }

  // Resets the statement and clears its bindings.
  void Reset();
  // Binds parameter i (1-based).
  void Bind(int i, std::string_view text);
  void Bind(int i, int64_t v);
  void Bind(int i, double v);
  void BindBlob(int i, const void* data, size_t size);
  void BindNull(int i);

  // Steps once: true with a row, false when done; *status set on error.
  bool Step(Status* status);
  // Steps to the end (for statements without rows).
  Status Run();

  std::string Text(int col) const;
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::vector<uint32_t> Blob32(int col) const;
  std::string_view BlobView(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p == nullptr ? std::string_view()
                        : std::string_view(static_cast<const char*>(p),
                                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Returns an IOError for SQLite result code `rc` on `db`, with its message
// ("archive is locked" for SQLITE_BUSY).
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Runs one or more statements without results.
Status Exec(sqlite3* db, const char* sql);

}  // namespace dateline

#endif  // DATELINE_STORE_SQLITE_DB_H_

#include "store/sqlite_db.h"

#include <cstring>

namespace dateline {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return Status::IOError(what, "archive is locked by another process: " + msg);
  }
  if (rc == SQLITE_NOTADB) {
    return Status::IOError(what, "not a dateline archive (" + msg + ")");
  }
  return Status::IOError(what, msg);
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if (rc == SQLITE_NOTADB) {
      return Status::IOError("archive", "not a dateline archive (" + msg + ")");
    }
    return Status::IOError("archive", msg);
  }
  return Status::OK();
}

Status Statement::Prepare(sqlite3* db, std::string_view sql) {
  db_ = db;
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "archive");
  return Status::OK();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::Bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}
void Statement::Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
void Statement::Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
void Statement::BindBlob(int i, const void* data, size_t size) {
  sqlite3_bind_blob(stmt_, i, data, static_cast<int>(size), SQLITE_TRANSIENT);
}
void Statement::BindNull(int i) { sqlite3_bind_null(stmt_, i); }

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = SqliteError(db_, rc, "archive");
  return false;
}

Status Statement::Run() {
  Status s;
  while (Step(&s)) {
  }
  sqlite3_reset(stmt_);
  return s;
}

std::string Statement::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  if (t == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::vector<uint32_t> Statement::Blob32(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  size_t n = static_cast<size_t>(sqlite3_column_bytes(stmt_, col));
  std::vector<uint32_t> out(n / 4);
  if (p != nullptr && !out.empty()) std::memcpy(out.data(), p, out.size() * 4);
  return out;
}

}  // namespace dateline

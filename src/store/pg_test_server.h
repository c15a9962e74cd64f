// A PostgreSQL server for tests (test-only): $DATELINE_TEST_PG_URL names
// one to use (each test gets a schema of its own there, dropped at exit);
// else a throwaway cluster is started on first use with the server binaries
// found under /usr/lib/postgresql/N/bin (initdb + pg_ctl in a temporary
// directory, a Unix socket in that directory and no TCP, fsync off), as the
// `postgres` user when the test runs as root (initdb refuses root), and
// stopped at exit (or, if the test is killed, by a watcher process once the
// test is gone). Each test gets a database of its own (createdb).
#ifndef DATELINE_STORE_PG_TEST_SERVER_H_
#define DATELINE_STORE_PG_TEST_SERVER_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "store/postgres_archive.h"

namespace dateline {

// Runs a shell command; returns its exit status.
inline int RunShell(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return rc == -1 ? -1 : WEXITSTATUS(rc);
}

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// The PostgreSQL server of this test binary: started on first use, stopped
// at exit.
class PgServer {
 public:
  static PgServer& Get() {
    static PgServer server;
    return server;
  }

  // Sets *target to the connection string of a new, empty database for one
  // test; returns "" or why PostgreSQL cases must skip.
  std::string NewDatabase(const std::string& name, std::string* target) {
    if (!HavePostgres()) return "dateline was built without libpq (libpq-dev)";
    if (!started_) Start();
    if (!why_not_.empty()) return why_not_;
    if (!url_.empty()) {
      // A server of the user's: a schema of this test's own (first on the
      // search path), so nothing else in that database is touched and
      // tests may run at once; dropped at exit.
      const std::string schema = "dateline_test_" + std::to_string(getpid()) +
                                 "_" + std::to_string(++databases_);
      if (RunShell("psql -X -q -v ON_ERROR_STOP=1 " + ShellQuote(url_) +
                   " -c " + ShellQuote("DROP SCHEMA IF EXISTS " + schema +
                                       " CASCADE; CREATE SCHEMA " + schema) +
                   " >/dev/null 2>&1") != 0) {
        return "cannot create a schema in $DATELINE_TEST_PG_URL (psql)";
      }
      schemas_.push_back(schema);
      if (url_.find("://") != std::string::npos) {
        *target = url_ + (url_.find('?') == std::string::npos ? "?" : "&") +
                  "options=-csearch_path%3D" + schema;
      } else {
        *target = url_ + " options='-csearch_path=" + schema + "'";
      }
      return "";
    }
    const std::string db = "t" + std::to_string(++databases_) + "_" + name;
    if (RunShell(As() + ShellQuote(bin_ + "/createdb") + " -h " + ShellQuote(dir_) +
            " -U postgres " + ShellQuote(db) + " >/dev/null 2>&1") != 0) {
      return "createdb failed in " + dir_;
    }
    *target = "postgresql:///" + db + "?host=" + dir_ + "&user=postgres";
    return "";
  }

  // True when $DATELINE_TEST_REQUIRE_PG is set: CI, where a PostgreSQL
  // case that cannot run is a failure, not a skip.
  static bool Required() {
    const char* v = std::getenv("DATELINE_TEST_REQUIRE_PG");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
  }

  // Restarts the throwaway cluster (fast shutdown: connections are cut);
  // false for a server of the user's or when it fails.
  bool Restart() {
    if (!url_.empty() || dir_.empty() || !why_not_.empty()) return false;
    return RunShell(As() + ShellQuote(bin_ + "/pg_ctl") + " -D " +
                    ShellQuote(dir_ + "/data") + " -l " +
                    ShellQuote(dir_ + "/server.log") + " -w -m fast -o " +
                    ShellQuote("-k " + dir_ + " -c listen_addresses= -F") +
                    " restart >/dev/null 2>&1") == 0;
  }

  ~PgServer() {
    for (const std::string& schema : schemas_) {
      RunShell("psql -X -q " + ShellQuote(url_) + " -c " +
               ShellQuote("DROP SCHEMA IF EXISTS " + schema + " CASCADE") +
               " >/dev/null 2>&1");
    }
    if (!dir_.empty() && url_.empty()) {
      RunShell(As() + ShellQuote(bin_ + "/pg_ctl") + " -D " + ShellQuote(dir_ + "/data") +
          " -m immediate -w stop >/dev/null 2>&1");
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

 private:
  // The prefix that runs a server binary as a user initdb accepts.
  std::string As() const {
    return geteuid() == 0 ? "runuser -u postgres -- " : "";
  }

  void Start() {
    started_ = true;
    if (const char* url = std::getenv("DATELINE_TEST_PG_URL")) {
      url_ = url;
      return;
    }
    for (const char* v : {"17", "16", "15", "14", "13"}) {
      std::string b = std::string("/usr/lib/postgresql/") + v + "/bin";
      if (std::filesystem::exists(b + "/initdb") && std::filesystem::exists(b + "/pg_ctl")) {
        bin_ = b;
        break;
      }
    }
    if (bin_.empty()) {
      why_not_ = "no PostgreSQL server binaries (apt-get install postgresql-15, "
                 "or set DATELINE_TEST_PG_URL)";
      return;
    }
    if (geteuid() == 0 && RunShell("id -u postgres >/dev/null 2>&1") != 0) {
      why_not_ = "running as root and there is no `postgres` user for initdb";
      return;
    }
    char tmpl[] = "/tmp/dateline_pg_XXXXXX";
    if (mkdtemp(tmpl) == nullptr) {
      why_not_ = "cannot make a temporary directory";
      return;
    }
    dir_ = tmpl;
    if (geteuid() == 0) RunShell("chown postgres " + ShellQuote(dir_));
    // initdb's output goes to a file of the test's own; the server's log
    // is written by the server's user.
    const std::string log = dir_ + "/server.log";
    if (RunShell(As() + ShellQuote(bin_ + "/initdb") + " -D " + ShellQuote(dir_ + "/data") +
            " -A trust -U postgres --no-sync -E UTF8 --locale=C >" +
            ShellQuote(dir_ + "/initdb.log") + " 2>&1") != 0) {
      why_not_ = "initdb failed (see " + dir_ + "/initdb.log)";
      return;
    }
    // A Unix socket in the directory only; no fsync (a throwaway cluster).
    if (RunShell(As() + ShellQuote(bin_ + "/pg_ctl") + " -D " + ShellQuote(dir_ + "/data") +
            " -l " + ShellQuote(log) + " -w -o " +
            ShellQuote("-k " + dir_ + " -c listen_addresses= -F") +
            " start >/dev/null 2>&1") != 0) {
      why_not_ = "pg_ctl start failed (see " + log + ")";
      return;
    }
    // A test killed before its exit handlers (a timeout, SIGPIPE, Ctrl-C)
    // must not leave the cluster running: a watcher stops and removes it
    // once this process is gone.
    const std::string stop = As() + ShellQuote(bin_ + "/pg_ctl") + " -D " +
                             ShellQuote(dir_ + "/data") +
                             " -m immediate -w stop; rm -rf " + ShellQuote(dir_);
    RunShell("nohup sh -c " +
             ShellQuote("while kill -0 " + std::to_string(getpid()) +
                        " 2>/dev/null; do sleep 1; done; " + stop) +
             " >/dev/null 2>&1 &");
  }

  bool started_ = false;
  std::string why_not_;
  std::string url_;  // $DATELINE_TEST_PG_URL
  std::string bin_;
  std::string dir_;
  int databases_ = 0;
  std::vector<std::string> schemas_;  // made in $DATELINE_TEST_PG_URL
};

}  // namespace dateline

#endif  // DATELINE_STORE_PG_TEST_SERVER_H_

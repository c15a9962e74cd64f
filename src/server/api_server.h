// ApiServer: `dateline serve`, an HTTP server with a JSON API over an archive
// (docs/serve.md) and the browser UI in web/ (embedded at build time).
//
// The archive is opened read-only, one connection per request thread (kept
// in a small pool), so the server answers while an ingest writes. Every
// query goes through the Archive API: user text is bound, never spliced into
// SQL. Row counts are bounded (limit 1..kMaxLimit). Bad parameters give a
// JSON error with status 400, an unknown article 404. A server on a loopback
// address answers only requests whose Host is that address (403 otherwise),
// so a web page cannot reach it by DNS rebinding.
//
// Thread safety: Start/Stop from one thread; requests are served on the
// server's own threads. httplib stays inside api_server.cc.
#ifndef DATELINE_SERVER_API_SERVER_H_
#define DATELINE_SERVER_API_SERVER_H_

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dateline/status.h"

namespace dateline {

struct ServerOptions {
  std::string archive;            // archive file (must exist)
  std::string host = "127.0.0.1";  // loopback only unless asked
  int port = 8080;                // 0: any free port
  // Time budget of one query (ms): over it the answer is 503 "timeout".
  int query_timeout_ms = 1000;
  // Where data/events/cameo.tsv is (CAMEO labels); "" for the default
  // ($DATELINE_DATA_DIR, else the source tree's data/).
  std::string data_dir;
  // Threads serving connections (an idle keep-alive connection holds one)
  // and archive connections running queries (at most this many at once).
  size_t threads = 64;
  size_t connections = 8;
  // Answers kept for repeated requests (bytes; 0: none). An answer is
  // dropped as soon as the archive changes (an ingest commits).
  size_t cache_bytes = 64 << 20;
};

// One HTTP response, as the API builds it (for tests without sockets, and
// for the HTTP layer).
struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones
};

// Query parameters: a name may be given more than once (actor=RUS&actor=PRK).
using ApiParams = std::multimap<std::string, std::string>;

class ApiServer {
 public:
  // The most rows one request returns (a download: kMaxExportLimit).
  static constexpr size_t kMaxLimit = 500;
  static constexpr size_t kMaxExportLimit = 10000;
  static constexpr size_t kMaxOffset = 1000000;

  // Checks that `options.archive` opens read-only (NotFound / IOError
  // otherwise) and returns a server that is not listening yet.
  static Status Create(const ServerOptions& options,
                       std::unique_ptr<ApiServer>* server);
  virtual ~ApiServer() = default;

  // Binds host:port (port 0: a free one) and starts serving on background
  // threads. Sets *port to the bound port. IOError if it cannot bind.
  virtual Status Start(int* port) = 0;
  // Stops listening and joins the server threads (also done on
  // destruction).
  virtual void Stop() = 0;

  // Answers GET `path` with `params` without the network (what Start's
  // threads call for each request).
  virtual ApiResponse Handle(const std::string& path,
                             const ApiParams& params) = 0;
};

}  // namespace dateline

#endif  // DATELINE_SERVER_API_SERVER_H_

// ApiServer over cpp-httplib (Debian libcpp-httplib-dev). Requests are
// answered by Handle(), which only sees a path and parameters; httplib is the
// transport. See docs/serve.md for the endpoints.
#include "server/api_server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dateline/archive.h"
#include "events/cameo.h"
#include "events/gdelt_export.h"
#include "geo/geocoder.h"
#include "server/web_assets.h"
#include "store/cli_output.h"

namespace dateline {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxParamBytes = 1000;

// Sent with every response: no inline script or style, nothing from
// elsewhere, never inside a frame.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
    "data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The error codes of the API, by HTTP status.
const char* ErrorCode(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

ApiResponse Error(int status, const std::string& message,
                  const char* code = nullptr) {
  ApiResponse r;
  r.status = status;
  r.body = Dump({{"error", {{"code", code != nullptr ? code : ErrorCode(status)},
                            {"status", status},
                            {"message", message}}}});
  return r;
}

// Maps an archive Status to an HTTP status: the user's mistake (400), an
// unknown item (404), a query over its time budget or a busy archive
// (503), else the server's (500). The message goes without the Status's
// code name ("Invalid argument: ") and the server's file names.
ApiResponse FromStatus(const Status& s) {
  std::string msg = s.message();
  // The archive names CLI options ("--since"); the API's names lack dashes.
  for (size_t p; (p = msg.find("--")) != std::string::npos;) msg.erase(p, 2);
  if (s.IsInvalidArgument()) return Error(400, msg);
  if (s.IsNotFound()) return Error(404, msg);
  if (s.IsTimedOut()) return Error(503, msg, "timeout");
  if (msg.find("locked") != std::string::npos ||
      msg.find("busy") != std::string::npos) {
    return Error(503, "the archive is busy; try again", "busy");
  }
  return Error(500, "the archive could not answer (see the server's log)");
}

ApiResponse Ok(const Json& j) {
  ApiResponse r;
  r.body = Dump(j);
  return r;
}

bool IsWebUrl(const std::string& u) {
  auto starts = [&](const char* p) {
    size_t n = std::strlen(p);
    if (u.size() < n) return false;
    for (size_t i = 0; i < n; ++i) {
      if (std::tolower(static_cast<unsigned char>(u[i])) != p[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

std::string HostOfUrl(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return "";
  size_t b = p + 3;
  size_t e = url.find_first_of("/?#:@", b);
  std::string host = url.substr(b, e == std::string::npos ? e : e - b);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// One convention for every row the API gives: a missing value is null (not
// ""); a URL is kept only when it is http(s) (a page's canonical link may
// be `javascript:`); the input path of an article (`source`, a file on the
// server) is never shown; an article without an outlet shows its URL's
// host, else null.
void Normalise(Json* row, bool has_input_source) {
  for (const char* k : {"published", "date", "first_published",
                        "last_published", "outlet", "url", "location",
                        "country", "story", "snippet", "speaker_entity"}) {
    auto it = row->find(k);
    if (it != row->end() && it->is_string() && it->get<std::string>().empty()) {
      *it = nullptr;
    }
  }
  auto url = row->find("url");
  if (url != row->end() && url->is_string() && !IsWebUrl(url->get<std::string>())) {
    *url = nullptr;
  }
  auto outlet = row->find("outlet");
  if (outlet != row->end() && outlet->is_null() && url != row->end() &&
      url->is_string()) {
    std::string host = HostOfUrl(url->get<std::string>());
    if (!host.empty()) *outlet = host;
  }
  if (has_input_source) row->erase("source");
}

// The parameters of one request, checked against what the endpoint takes.
class Params {
 public:
  explicit Params(const ApiParams& p) : p_(p) {}

  // Refuses names the endpoint does not take, repeated names (but those in
  // `multi`) and over-long values. Returns "" or the message.
  std::string Check(const std::set<std::string>& allowed,
                    const std::set<std::string>& multi = {}) const {
    for (auto it = p_.begin(); it != p_.end(); ++it) {
      const std::string& k = it->first;
      if (!allowed.count(k)) {
        std::string names;
        for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
        return "unknown parameter '" + k.substr(0, 64) + "' (this endpoint takes " +
               names + ")";
      }
      if (!multi.count(k) && p_.count(k) > 1) {
        return "parameter '" + k + "' given more than once";
      }
      if (it->second.size() > kMaxParamBytes) {
        return "parameter '" + k + "' is longer than " +
               std::to_string(kMaxParamBytes) + " bytes";
      }
      // A NUL or another control character is never text a user meant
      // (and a NUL cuts SQLite's full-text query short).
      if (std::any_of(it->second.begin(), it->second.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 && c != '\t';
          })) {
        return "parameter '" + k + "' contains a control character";
      }
    }
    return "";
  }
  std::string Get(const std::string& k) const {
    auto it = p_.find(k);
    return it == p_.end() ? "" : it->second;
  }
  std::vector<std::string> All(const std::string& k) const {
    std::vector<std::string> out;
    auto [b, e] = p_.equal_range(k);
    for (auto it = b; it != e; ++it) {
      if (!it->second.empty()) out.push_back(it->second);
    }
    return out;
  }
  // Parses an integer parameter in [lo, hi]; `def` when absent or empty.
  std::string Int(const std::string& k, int64_t lo, int64_t hi, int64_t def,
                  int64_t* out) const {
    *out = def;
    std::string v = Get(k);
    if (v.empty()) return "";
    bool digits = v.size() <= 9 &&
                  std::all_of(v.begin(), v.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    int64_t n = digits ? std::stoll(v) : -1;
    if (!digits || n < lo || n > hi) {
      return "parameter '" + k + "' must be a whole number from " +
             std::to_string(lo) + " to " + std::to_string(hi) + ", not '" +
             v.substr(0, 64) + "'";
    }
    *out = n;
    return "";
  }
  // Parses a yes/no parameter (1/0, true/false, yes/no); `def` when absent.
  std::string Bool(const std::string& k, bool def, bool* out) const {
    *out = def;
    std::string v = Get(k);
    if (v.empty()) return "";
    if (v == "1" || v == "true" || v == "yes") {
      *out = true;
    } else if (v == "0" || v == "false" || v == "no") {
      *out = false;
    } else {
      return "parameter '" + k + "' must be 1 or 0, not '" + v.substr(0, 64) + "'";
    }
    return "";
  }
  // Checks that parameter `k` is one of `values` (or absent).
  std::string OneOf(const std::string& k, const std::set<std::string>& values) const {
    std::string v = Get(k);
    if (v.empty() || values.count(v)) return "";
    std::string names;
    for (const std::string& a : values) names += (names.empty() ? "" : ", ") + a;
    return "parameter '" + k + "' must be one of " + names + ", not '" +
           v.substr(0, 64) + "'";
  }

 private:
  const ApiParams& p_;
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// True when a search query uses FTS5 syntax: "a phrase", a prefix*, an
// operator word in capitals (OR, NOT, AND), NEAR(...) or (groups).
// Everything else is searched as typed ("U.S.", "oil-prices", "AT&T").
bool LooksAdvanced(const std::string& q) {
  // Quotes and brackets count only when balanced (a stray one is typing).
  const auto quotes = std::count(q.begin(), q.end(), '"');
  const auto open = std::count(q.begin(), q.end(), '(');
  if ((quotes > 0 && quotes % 2 == 0) ||
      (open > 0 && open == std::count(q.begin(), q.end(), ')'))) {
    return true;
  }
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && q[i] == ' ') ++i;
    size_t b = i;
    while (i < q.size() && q[i] != ' ') ++i;
    std::string_view w(q.data() + b, i - b);
    if (w == "OR" || w == "NOT" || w == "AND" || w.starts_with("NEAR(") ||
        (w.size() > 1 && w.back() == '*')) {
      return true;
    }
  }
  return false;
}

// The paging of one list request.
struct Paging {
  size_t limit = 20;
  size_t offset = 0;
  bool include_undated = false;
  std::string format;  // "", "csv", "jsonl" or "gdelt"
};

// Wraps rows: {"rows": [...], "count": n, "total": t, "undated": u,
// "offset": o, "limit": l, "more": bool}.
Json Page(Json rows, const Paging& pg, const ListTotals& totals) {
  Json j;
  j["count"] = rows.size();
  j["total"] = totals.total;
  j["undated"] = totals.undated >= 0 ? Json(totals.undated) : Json(nullptr);
  j["offset"] = pg.offset;
  j["limit"] = pg.limit;
  j["more"] = static_cast<int64_t>(pg.offset + rows.size()) < totals.total;
  j["rows"] = std::move(rows);
  return j;
}

const char* ContentType(const std::string& path) {
  auto ends = [&](const char* s) { return path.ends_with(s); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".json")) return "application/json";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

// A download of rows as CSV or JSON Lines (the rows' own fields; nested
// objects as JSON text in CSV).
ApiResponse Download(const Json& rows, const std::string& format,
                     const std::string& name) {
  ApiResponse r;
  if (format == "jsonl") {
    r.content_type = "application/x-ndjson; charset=utf-8";
    for (const Json& row : rows) r.body += Dump(row) + "\n";
  } else {
    r.content_type = "text/csv; charset=utf-8";
    std::vector<std::string> cols;
    if (!rows.empty()) {
      for (auto it = rows[0].begin(); it != rows[0].end(); ++it) cols.push_back(it.key());
    }
    r.body = CsvLine(cols) + "\n";
    for (const Json& row : rows) {
      std::vector<std::string> cells;
      for (const std::string& c : cols) {
        auto it = row.find(c);
        if (it == row.end() || it->is_null()) {
          cells.emplace_back();
        } else if (it->is_string()) {
          cells.push_back(it->get<std::string>());
        } else {
          cells.push_back(Dump(*it));
        }
      }
      r.body += CsvLine(cells) + "\n";
    }
  }
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"dateline-" +
                                                  name + "." + format + "\""});
  return r;
}

// The answers of recent requests, least recently used dropped first, each
// with the archive version it was computed at: an answer is served only
// while the archive is at that version. Bounded by bytes. Thread-safe.
class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool Get(const std::string& key, int64_t version, ApiResponse* out) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    if (it->second->version != version) {
      Erase(it);
      return false;
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    *out = it->second->response;
    return true;
  }

  void Put(const std::string& key, int64_t version, const ApiResponse& r) {
    const size_t size = key.size() + r.body.size() + 256;
    if (size > max_bytes_ / 16) return;  // one answer never crowds out many
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it != map_.end()) Erase(it);
    lru_.push_front({key, version, r, size});
    map_[key] = lru_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_ && !lru_.empty()) Erase(map_.find(lru_.back().key));
  }

 private:
  struct Entry {
    std::string key;
    int64_t version;
    ApiResponse response;
    size_t size;
  };
  void Erase(std::unordered_map<std::string, std::list<Entry>::iterator>::iterator it) {
    bytes_ -= it->second->size;
    lru_.erase(it->second);
    map_.erase(it);
  }

  const size_t max_bytes_;
  std::mutex mu_;
  std::list<Entry> lru_;
  std::unordered_map<std::string, std::list<Entry>::iterator> map_;
  size_t bytes_ = 0;
};

class HttpApiServer : public ApiServer {
 public:
  explicit HttpApiServer(const ServerOptions& options) : options_(options) {
    // Labels are a nicety: without the table, events have no "label".
    if (!CameoTable::Load(DataDir() + "/events", &cameo_).ok()) cameo_.reset();
  }
  ~HttpApiServer() override { Stop(); }

  Status Open(std::unique_ptr<Archive>* archive) {
    ArchiveOptions ro;
    ro.read_only = true;
    ro.busy_timeout_ms = 2000;
    ro.query_timeout_ms = options_.query_timeout_ms;
    ro.cache_kib = 4096;  // the file is mapped; a small cache of its own
    return Archive::Open(options_.archive, ro, archive);
  }

  Status Start(int* port) override {
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
    // second server on a port in use binds too and the two share requests.
    // The socket is kept to widen its listen backlog after the bind.
    svr_.set_socket_options([this](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      listen_fd_ = sock;
    });
    const size_t threads = std::max<size_t>(4, options_.threads);
    svr_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Headers and body go out in separate writes: without TCP_NODELAY the
    // second waits for the client's delayed ACK (40 ms on Linux).
    svr_.set_tcp_nodelay(true);
    svr_.set_keep_alive_max_count(1000);
    svr_.set_keep_alive_timeout(5);
    svr_.set_payload_max_length(64 * 1024);
    svr_.set_read_timeout(5, 0);
    svr_.set_write_timeout(10, 0);
    svr_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cross-Origin-Opener-Policy", "same-origin"},
                              {"Cache-Control", "no-store"}});
    // Before the body is read: other methods are refused at once (405), and
    // a request under a foreign Host name (DNS rebinding) with 403.
    svr_.set_pre_routing_handler([this](const httplib::Request& req,
                                        httplib::Response& res) {
      ApiResponse r;
      if (req.method != "GET" && req.method != "HEAD") {
        r = Error(405, "method " + req.method.substr(0, 20) +
                           " not allowed: the API answers GET only");
        res.set_header("Allow", "GET, HEAD");
        res.set_header("Connection", "close");
      } else if (!GuardHost(req.get_header_value("Host"))) {
        r = Error(403, "Host '" + req.get_header_value("Host").substr(0, 100) +
                           "' is not this server's address (use http://127.0.0.1:" +
                           std::to_string(port_) + "/)");
      } else {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      res.status = r.status;
      res.set_content(r.body, r.content_type.c_str());
      return httplib::Server::HandlerResponse::Handled;
    });
    svr_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      ApiResponse r = Handle(req.path, req.params);
      res.status = r.status;
      for (const auto& [k, v] : r.headers) res.set_header(k.c_str(), v);
      res.set_content(r.body, r.content_type.c_str());
    });
    svr_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      ApiResponse r = Error(res.status, res.status == 404 ? "not found"
                                        : res.status == 413 ? "request too large"
                                                            : "bad request");
      res.set_content(r.body, r.content_type.c_str());
    });
    int bound = options_.port;
    if (options_.port == 0) {
      bound = svr_.bind_to_any_port(options_.host);
      if (bound < 0) bound = 0;
    } else if (!svr_.bind_to_port(options_.host, options_.port)) {
      bound = 0;
    }
    if (bound <= 0) {
      return Status::IOError(options_.host + ":" + std::to_string(options_.port),
                             "cannot listen (port in use or bad address)");
    }
    // httplib listens with a backlog of 5: many clients connecting at once
    // overflowed it (the kernel drops the SYNs; the client waits 1 s). A
    // second listen() on the bound socket sets a backlog the kernel caps at
    // net.core.somaxconn.
    if (listen_fd_ >= 0) ::listen(listen_fd_, 1024);
    *port = bound;
    port_ = bound;
    listening_done_ = false;
    thread_ = std::thread([this] {
      svr_.listen_after_bind();
      listening_done_ = true;
    });
    // httplib's stop() does nothing until the listening loop runs: wait for
    // it, so that a Stop right after Start is not lost (the thread would
    // then block in accept for good).
    while (!svr_.is_running() && !listening_done_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return Status::OK();
  }

  void Stop() override {
    svr_.stop();
    if (thread_.joinable()) thread_.join();
  }

  ApiResponse Handle(const std::string& path, const ApiParams& params) override {
    if (!path.starts_with("/api/")) return Static(path);
    if (cache_ == nullptr) return Query(path, params);
    // A repeated request at the same archive version: the kept answer.
    int64_t version = 0;
    {
      std::lock_guard<std::mutex> lock(watch_mu_);
      if (watch_ == nullptr || !watch_->Version(&version).ok()) {
        return Query(path, params);
      }
    }
    std::string key = path;
    for (const auto& [k, v] : params) {
      key.push_back('\x1f');
      key += k;
      key.push_back('=');
      key += v;
    }
    ApiResponse r;
    if (cache_->Get(key, version, &r)) return r;
    r = Query(path, params);
    if (r.status == 200) cache_->Put(key, version, r);
    return r;
  }

  // Sets up the answer cache with its own connection to watch the
  // archive's version.
  Status OpenCache() {
    if (options_.cache_bytes == 0) return Status::OK();
    Status s = Open(&watch_);
    if (!s.ok()) return s;
    cache_ = std::make_unique<ResponseCache>(options_.cache_bytes);
    return Status::OK();
  }

 private:
  // Answers an API request from the archive.
  ApiResponse Query(const std::string& path, const ApiParams& params) {
    // One read-only connection per request, from the pool; at most
    // options_.connections queries run at once (the others wait here, so a
    // burst does not open a connection per thread).
    std::unique_ptr<Archive> archive;
    {
      std::unique_lock<std::mutex> lock(mu_);
      const size_t cap = std::max<size_t>(1, options_.connections);
      if (!cv_.wait_for(lock, std::chrono::seconds(10),
                        [&] { return !pool_.empty() || open_ < cap; })) {
        return Error(503, "the server is busy; try again", "busy");
      }
      if (!pool_.empty()) {
        archive = std::move(pool_.back());
        pool_.pop_back();
      } else {
        ++open_;
      }
    }
    if (archive == nullptr) {
      Status s = Open(&archive);
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu_);
        --open_;
        cv_.notify_one();
        return Error(503, "the archive cannot be opened", "unavailable");
      }
    }
    ApiResponse r;
    archive->RestartBudget();  // one budget for all the request's queries
    try {
      r = Route(archive.get(), path, Params(params));
    } catch (const std::exception& e) {
      // nlohmann::json throws on a corrupt stored record, for one.
      std::fprintf(stderr, "dateline serve: %s: %s\n", path.substr(0, 200).c_str(), e.what());
      r = Error(500, "internal error (see the server's log)");
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      pool_.push_back(std::move(archive));
    }
    cv_.notify_one();
    return r;
  }

  // Returns false for a request to a loopback server under another host
  // name: a page elsewhere that rebinds its name to 127.0.0.1 (DNS
  // rebinding) must not read the archive.
  bool GuardHost(const std::string& host) const {
    const std::string& h = options_.host;
    if (h != "127.0.0.1" && h != "localhost" && h != "::1") return true;
    const std::string p = ":" + std::to_string(port_);
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
      if (host == name + p || (port_ == 80 && host == name)) return true;
    }
    return false;
  }

  ApiResponse Static(const std::string& path) {
    std::string p = path == "/" ? "/index.html" : path;
    for (size_t i = 0; i < kWebAssetCount; ++i) {
      if (p == kWebAssets[i].path) {
        ApiResponse r;
        r.content_type = ContentType(p);
        r.body.assign(reinterpret_cast<const char*>(kWebAssets[i].data),
                      kWebAssets[i].size);
        return r;
      }
    }
    return Error(404, "no such page");
  }

  ApiResponse Route(Archive* db, const std::string& path, const Params& p) {
    if (path == "/api/search") return Search(db, p);
    if (path == "/api/events") return Events(db, p);
    if (path == "/api/quotes") return Quotes(db, p);
    if (path == "/api/entities") return Entities(db, p);
    if (path == "/api/entity") return EntityPage(db, p);
    if (path == "/api/stories") return Stories(db, p);
    if (path == "/api/timeline") return Timeline(db, p);
    if (path == "/api/network") return Network(db, p);
    if (path == "/api/places") return Places(db, p);
    if (path == "/api/stats") return Stats(db, p);
    const std::string kArticle = "/api/articles/";
    if (path.starts_with(kArticle) && path.size() > kArticle.size()) {
      return Article(db, path.substr(kArticle.size()), p);
    }
    const std::string kStory = "/api/stories/";
    if (path.starts_with(kStory) && path.size() > kStory.size()) {
      return Story(db, path.substr(kStory.size()), p);
    }
    return Error(404, "no such endpoint (see /api/search, /api/events, "
                      "/api/quotes, /api/entities, /api/entity, "
                      "/api/stories, /api/timeline, /api/network, "
                      "/api/places, /api/stats, /api/articles/ID, "
                      "/api/stories/ID)");
  }

  // The totals of a list of `shown` rows: counted, unless the first page
  // holds every match and there is no period (whose undated items are
  // counted apart).
  template <typename Q>
  static Status Totals(Archive* db, const Q& q, const Paging& pg, size_t shown,
                       ListTotals* out) {
    if (pg.offset == 0 && shown < pg.limit && q.period.since.empty() &&
        q.period.until.empty()) {
      *out = ListTotals();
      out->total = static_cast<int64_t>(shown);
      return Status::OK();
    }
    return db->Count(q, out);
  }

  // The names every list endpoint takes besides its own.
  static std::set<std::string> ListParams(std::set<std::string> own,
                                          bool formats = true) {
    for (const char* k : {"since", "until", "include_undated", "limit", "offset"}) {
      own.insert(k);
    }
    if (formats) own.insert("format");
    return own;
  }

  // Reads limit (default `def`), offset, format and the period; "" or the
  // message.
  static std::string Common(const Params& p, size_t def, Paging* pg,
                            Period* period, bool gdelt = false) {
    std::string err = p.OneOf("format", gdelt ? std::set<std::string>{"csv", "jsonl", "gdelt"}
                                              : std::set<std::string>{"csv", "jsonl"});
    if (!err.empty()) return err;
    pg->format = p.Get("format");
    const size_t max = pg->format.empty() ? kMaxLimit : kMaxExportLimit;
    int64_t n = 0;
    err = p.Int("limit", 1, static_cast<int64_t>(max), static_cast<int64_t>(def), &n);
    if (!err.empty()) return err;
    pg->limit = static_cast<size_t>(n);
    err = p.Int("offset", 0, static_cast<int64_t>(kMaxOffset), 0, &n);
    if (!err.empty()) return err;
    pg->offset = static_cast<size_t>(n);
    err = p.Bool("include_undated", false, &pg->include_undated);
    if (!err.empty()) return err;
    period->since = p.Get("since");
    period->until = p.Get("until");
    period->include_undated = pg->include_undated;
    return "";
  }

  ApiResponse Search(Archive* db, const Params& p) {
    std::string err = p.Check(ListParams({"q", "outlet", "story", "advanced", "sort", "facets"}));
    SearchQuery q;
    Paging pg;
    if (err.empty()) err = Common(p, 20, &pg, &q.period);
    bool facets = false;
    if (err.empty()) err = p.Bool("facets", false, &facets);
    if (err.empty()) err = p.OneOf("sort", {"relevance", "date", "-date"});
    q.query = p.Get("q");
    bool advanced = LooksAdvanced(q.query);
    if (err.empty()) err = p.Bool("advanced", advanced, &advanced);
    if (!err.empty()) return Error(400, err);
    q.plain = !advanced;
    q.outlet = p.Get("outlet");
    q.story = p.Get("story");
    const std::string sort = p.Get("sort");
    q.order = sort == "date"    ? SearchOrder::kOldest
              : sort == "-date" ? SearchOrder::kNewest
                                : SearchOrder::kRelevance;
    q.limit = pg.limit;
    q.offset = pg.offset;
    std::vector<SearchHit> hits;
    Status s = db->Search(q, &hits);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const SearchHit& h : hits) {
      Json j = Json::parse(ToJson(h));
      Normalise(&j, true);
      rows.push_back(std::move(j));
    }
    if (!pg.format.empty()) return Download(rows, pg.format, "search");
    ListTotals totals;
    s = Totals(db, q, pg, rows.size(), &totals);
    if (!s.ok()) return FromStatus(s);
    Json j = Page(std::move(rows), pg, totals);
    j["advanced"] = advanced;
    if (facets) {
      SearchFacets f;
      s = db->Facets(q, &f);
      if (!s.ok()) return FromStatus(s);
      auto list = [](const std::vector<FacetCount>& v) {
        Json a = Json::array();
        for (const FacetCount& c : v) {
          a.push_back({{"value", c.value.empty() ? Json(nullptr) : Json(c.value)},
                       {"count", c.count}});
        }
        return a;
      };
      j["facets"] = {{"outlet", list(f.outlet)}, {"year", list(f.year)}};
    }
    return Ok(j);
  }

  Json EventJson(const EventRow& r) const {
    Json j = Json::parse(ToJson(r));
    j["event_id"] = r.event_id;
    const CameoCode* c = cameo_ != nullptr ? cameo_->Find(r.event.code) : nullptr;
    j["label"] = c != nullptr ? Json(c->name) : Json(nullptr);
    Normalise(&j, false);
    return j;
  }

  ApiResponse Events(Archive* db, const Params& p) {
    std::string err = p.Check(
        ListParams({"actor", "entity", "code", "quad", "sort"}), {"actor"});
    EventQuery q;
    Paging pg;
    if (err.empty()) err = Common(p, 50, &pg, &q.period, true);
    int64_t quad = 0;
    if (err.empty()) err = p.Int("quad", 1, 4, 0, &quad);
    if (err.empty()) err = p.OneOf("sort", {"date", "-date", "goldstein", "-goldstein"});
    if (!err.empty()) return Error(400, err);
    q.quad_class = static_cast<int>(quad);
    for (const std::string& a : p.All("actor")) q.actors.push_back(Upper(a));
    q.entity = p.Get("entity");
    q.code = p.Get("code");
    const std::string sort = p.Get("sort");
    q.order = sort == "-date"        ? EventOrder::kNewest
              : sort == "goldstein"  ? EventOrder::kGoldsteinLow
              : sort == "-goldstein" ? EventOrder::kGoldstein
                                     : EventOrder::kOldest;
    q.limit = pg.limit;
    q.offset = pg.offset;
    std::vector<EventRow> out;
    Status s = db->Events(q, &out);
    if (!s.ok()) return FromStatus(s);
    if (pg.format == "gdelt") {
      ApiResponse r;
      r.content_type = "text/tab-separated-values; charset=utf-8";
      for (const EventRow& e : out) {
        GdeltEventInput in;
        in.global_event_id = e.event_id;
        in.event = e.event;
        in.published = e.published;
        in.date_added = e.ingested_at;
        in.source_url = IsWebUrl(e.url) ? e.url : "";
        in.is_root = e.in_lead ? 1 : 0;
        r.body += GdeltEventLine(in) + "\n";
      }
      r.headers.push_back({"Content-Disposition",
                           "attachment; filename=\"dateline-events.gdelt.tsv\""});
      return r;
    }
    Json rows = Json::array();
    for (const EventRow& r : out) rows.push_back(EventJson(r));
    if (!pg.format.empty()) return Download(rows, pg.format, "events");
    ListTotals totals;
    s = Totals(db, q, pg, rows.size(), &totals);
    if (!s.ok()) return FromStatus(s);
    return Ok(Page(std::move(rows), pg, totals));
  }

  ApiResponse Quotes(Archive* db, const Params& p) {
    std::string err =
        p.Check(ListParams({"speaker", "speaker_match", "words"}));
    QuoteQuery q;
    Paging pg;
    if (err.empty()) err = Common(p, 50, &pg, &q.period);
    const std::string match = p.Get("speaker_match");
    if (err.empty() && !match.empty() && match != "exact" &&
        match != "contains") {
      err = "speaker_match: 'exact' or 'contains'";
    }
    if (!err.empty()) return Error(400, err);
    q.speaker = p.Get("speaker");
    q.speaker_contains = match == "contains";
    q.words = p.Get("words");
    q.limit = pg.limit;
    q.offset = pg.offset;
    std::vector<QuoteRow> out;
    Status s = db->Quotes(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const QuoteRow& r : out) {
      Json j = Json::parse(ToJson(r));
      Normalise(&j, false);
      rows.push_back(std::move(j));
    }
    if (!pg.format.empty()) return Download(rows, pg.format, "quotes");
    ListTotals totals;
    s = Totals(db, q, pg, rows.size(), &totals);
    if (!s.ok()) return FromStatus(s);
    return Ok(Page(std::move(rows), pg, totals));
  }

  ApiResponse Entities(Archive* db, const Params& p) {
    std::string err = p.Check(ListParams({"type", "name", "canonical"}));
    EntityQuery q;
    Paging pg;
    if (err.empty()) err = Common(p, 20, &pg, &q.period);
    if (!err.empty()) return Error(400, err);
    q.type = Upper(p.Get("type"));
    q.name = p.Get("name");
    q.canonical = p.Get("canonical");
    q.limit = pg.limit;
    q.offset = pg.offset;
    std::vector<EntityCount> out;
    Status s = db->Entities(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const EntityCount& r : out) {
      Json j = Json::parse(ToJson(r));
      Normalise(&j, false);
      rows.push_back(std::move(j));
    }
    if (!pg.format.empty()) return Download(rows, pg.format, "entities");
    ListTotals totals;
    s = Totals(db, q, pg, rows.size(), &totals);
    if (!s.ok()) return FromStatus(s);
    return Ok(Page(std::move(rows), pg, totals));
  }

  ApiResponse EntityPage(Archive* db, const Params& p) {
    std::string err = p.Check({"name", "type"});
    if (err.empty() && p.Get("name").empty()) err = "parameter 'name' is required";
    if (!err.empty()) return Error(400, err);
    EntityProfile e;
    Status s = db->Profile(p.Get("name"), Upper(p.Get("type")), &e);
    if (!s.ok()) return FromStatus(s);
    return Ok({{"name", e.name},
               {"type", e.type},
               {"country", e.country.empty() ? Json(nullptr) : Json(e.country)},
               {"aliases", e.aliases},
               {"articles", e.articles},
               {"mentions", e.mentions},
               {"quotes", e.quotes},
               {"events_as_source", e.events_as_source},
               {"events_as_target", e.events_as_target}});
  }

  ApiResponse Stories(Archive* db, const Params& p) {
    std::string err = p.Check(ListParams({"min_size", "query"}));
    StoryQuery q;
    Paging pg;
    if (err.empty()) err = Common(p, 20, &pg, &q.period);
    int64_t min_size = 2;
    if (err.empty()) err = p.Int("min_size", 1, 1000000, 2, &min_size);
    if (!err.empty()) return Error(400, err);
    q.min_size = static_cast<size_t>(min_size);
    q.query = p.Get("query");
    q.limit = pg.limit;
    q.offset = pg.offset;
    std::vector<StoryRow> out;
    Status s = db->Stories(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const StoryRow& r : out) {
      Json j = Json::parse(ToJson(r));
      Normalise(&j, false);
      rows.push_back(std::move(j));
    }
    if (!pg.format.empty()) return Download(rows, pg.format, "stories");
    ListTotals totals;
    s = Totals(db, q, pg, rows.size(), &totals);
    if (!s.ok()) return FromStatus(s);
    return Ok(Page(std::move(rows), pg, totals));
  }

  ApiResponse Story(Archive* db, const std::string& id, const Params& p) {
    std::string err = p.Check({});
    if (!err.empty()) return Error(400, err);
    if (id.size() > 200) return Error(400, "story id longer than 200 bytes");
    std::vector<StoryMember> members;
    Status s = db->StoryMembers(id, &members);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const StoryMember& m : members) {
      Json j = {{"id", m.id},         {"title", m.title},
                {"outlet", m.outlet}, {"url", m.url},
                {"published", m.published}, {"excerpt", m.excerpt}};
      Normalise(&j, false);
      rows.push_back(std::move(j));
    }
    return Ok({{"story", id}, {"size", rows.size()}, {"members", std::move(rows)}});
  }

  ApiResponse Timeline(Archive* db, const Params& p) {
    std::string err = p.Check({"q", "advanced", "since", "until", "bucket"});
    if (err.empty()) err = p.OneOf("bucket", {"day", "month", "year"});
    TimelineQuery q;
    q.query = p.Get("q");
    bool advanced = LooksAdvanced(q.query);
    if (err.empty()) err = p.Bool("advanced", advanced, &advanced);
    if (!err.empty()) return Error(400, err);
    q.plain = !advanced;
    q.period.since = p.Get("since");
    q.period.until = p.Get("until");
    const std::string bucket = p.Get("bucket").empty() ? "month" : p.Get("bucket");
    q.bucket = bucket == "day"    ? TimeBucket::kDay
               : bucket == "year" ? TimeBucket::kYear
                                  : TimeBucket::kMonth;
    TimelineResult t;
    Status s = db->Timeline(q, &t);
    if (!s.ok()) return FromStatus(s);
    Json series = Json::array();
    for (const TimelinePoint& pt : t.points) {
      series.push_back({{"period", pt.period},
                        {"articles", pt.articles},
                        {"quotes", pt.quotes},
                        {"events", pt.events}});
    }
    return Ok({{"bucket", bucket},
               {"advanced", advanced},
               {"series", std::move(series)},
               {"undated",
                {{"articles", t.undated.articles},
                 {"quotes", t.undated.quotes},
                 {"events", t.undated.events}}}});
  }

  ApiResponse Network(Archive* db, const Params& p) {
    std::string err = p.Check({"since", "until", "quad", "level", "limit"});
    if (err.empty()) err = p.OneOf("level", {"country", "actor"});
    NetworkQuery q;
    int64_t quad = 0, limit = 200;
    if (err.empty()) err = p.Int("quad", 1, 4, 0, &quad);
    if (err.empty()) err = p.Int("limit", 1, 2000, 200, &limit);
    if (!err.empty()) return Error(400, err);
    q.period.since = p.Get("since");
    q.period.until = p.Get("until");
    q.quad_class = static_cast<int>(quad);
    q.by_country = p.Get("level") != "actor";
    q.limit = static_cast<size_t>(limit);
    std::vector<NetworkEdge> edges;
    Status s = db->Network(q, &edges);
    if (!s.ok()) return FromStatus(s);
    std::map<std::string, int64_t> nodes;
    Json e = Json::array();
    for (const NetworkEdge& x : edges) {
      nodes[x.source] += x.events;
      nodes[x.target] += x.events;
      e.push_back({{"source", x.source},
                   {"target", x.target},
                   {"events", x.events},
                   {"goldstein", x.goldstein}});
    }
    Json n = Json::array();
    for (const auto& [id, count] : nodes) n.push_back({{"id", id}, {"events", count}});
    return Ok({{"level", q.by_country ? "country" : "actor"},
               {"nodes", std::move(n)},
               {"edges", std::move(e)}});
  }

  ApiResponse Places(Archive* db, const Params& p) {
    std::string err = p.Check(
        {"since", "until", "include_undated", "quad", "code", "actor", "limit"}, {"actor"});
    EventQuery q;
    Paging pg;
    int64_t quad = 0, limit = 200;
    if (err.empty()) err = p.Int("quad", 1, 4, 0, &quad);
    if (err.empty()) err = p.Int("limit", 1, 2000, 200, &limit);
    bool undated = false;
    if (err.empty()) err = p.Bool("include_undated", false, &undated);
    if (!err.empty()) return Error(400, err);
    q.period.since = p.Get("since");
    q.period.until = p.Get("until");
    q.period.include_undated = undated;
    q.quad_class = static_cast<int>(quad);
    q.code = p.Get("code");
    for (const std::string& a : p.All("actor")) q.actors.push_back(Upper(a));
    q.limit = static_cast<size_t>(limit);
    std::vector<PlaceCount> places;
    Status s = db->Places(q, &places);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    std::map<std::string, int64_t> countries;
    for (const PlaceCount& pc : places) {
      Json row = {{"name", pc.name}, {"events", pc.events}, {"country", nullptr},
                  {"lat", nullptr},  {"lon", nullptr},      {"geo_type", nullptr},
                  {"feature_id", nullptr}};
      if (pc.geo.resolved) {
        // Geocoded when coded, with the article's countries.
        countries[pc.geo.country] += pc.events;
        row["country"] = pc.geo.country;
        row["lat"] = pc.geo.latitude;
        row["lon"] = pc.geo.longitude;
        row["geo_type"] = pc.geo.type;
        row["feature_id"] = pc.geo.feature_id;
        rows.push_back(std::move(row));
        continue;
      }
      // Archived without a place (before schema 4): by the name alone.
      std::optional<GeoPlace> g = Geocode(pc.name);
      if (g.has_value()) {
        countries[g->country_iso3] += pc.events;
        row["country"] = g->country_iso3;
        row["lat"] = g->lat;
        row["lon"] = g->lon;
        row["geo_type"] = static_cast<int>(g->type);
        row["feature_id"] = g->feature_id;
      }
      rows.push_back(std::move(row));
    }
    Json c = Json::array();
    for (const auto& [k, v] : countries) c.push_back({{"country", k}, {"events", v}});
    return Ok({{"rows", std::move(rows)}, {"countries", std::move(c)}});
  }

  // The place a location names (the GeoNames-derived gazetteer, loaded on
  // first use), nullopt when unknown or the table is missing.
  std::optional<GeoPlace> Geocode(const std::string& name) {
    std::call_once(geo_once_, [this] {
      if (!Geocoder::Load(DataDir(), &geo_).ok()) geo_.reset();
    });
    if (geo_ == nullptr) return std::nullopt;
    return geo_->Resolve(name, {});
  }

  std::string DataDir() const {
    if (!options_.data_dir.empty()) return options_.data_dir;
    const char* env = std::getenv("DATELINE_DATA_DIR");
    return env != nullptr ? env : DATELINE_DATA_DIR;
  }

  ApiResponse Stats(Archive* db, const Params& p) {
    std::string err = p.Check({});
    if (!err.empty()) return Error(400, err);
    ArchiveStats st;
    Status s = db->Stats(&st);
    if (!s.ok()) return FromStatus(s);
    return Ok({{"articles", st.articles},
               {"stories", st.stories},
               {"duplicate_articles", st.duplicate_articles},
               {"entities", st.entities},
               {"mentions", st.mentions},
               {"quotes", st.quotes},
               {"events", st.events}});
  }

  ApiResponse Article(Archive* db, const std::string& id, const Params& p) {
    std::string err = p.Check({});
    if (!err.empty()) return Error(400, err);
    if (id.size() > 200) return Error(400, "article id longer than 200 bytes");
    std::string record;
    Status s = db->Record(id, &record);
    if (!s.ok()) return FromStatus(s);
    // The stored record as the CLI gives it, less what the API does not
    // show: the input path, a URL that is not http(s).
    Json j = Json::parse(record);
    if (j.is_object()) {
      auto src = j.find("source");
      if (src != j.end() && src->is_string() && !IsWebUrl(src->get<std::string>())) {
        j.erase(src);
      }
      auto url = j.find("url");
      if (url != j.end() && url->is_string() && !IsWebUrl(url->get<std::string>())) {
        *url = nullptr;
      }
    }
    return Ok(j);
  }

  ServerOptions options_;
  std::unique_ptr<CameoTable> cameo_;
  std::unique_ptr<ResponseCache> cache_;
  std::mutex watch_mu_;
  std::unique_ptr<Archive> watch_;  // reads the archive's version only
  std::once_flag geo_once_;
  std::unique_ptr<Geocoder> geo_;
  int port_ = 0;
  int listen_fd_ = -1;
  httplib::Server svr_;
  std::thread thread_;
  std::atomic<bool> listening_done_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  size_t open_ = 0;  // connections opened (in the pool or in use)
  std::vector<std::unique_ptr<Archive>> pool_;
};

}  // namespace

Status ApiServer::Create(const ServerOptions& options,
                         std::unique_ptr<ApiServer>* server) {
  server->reset();
  auto impl = std::make_unique<HttpApiServer>(options);
  std::unique_ptr<Archive> archive;
  Status s = impl->Open(&archive);
  if (!s.ok()) return s;
  s = impl->OpenCache();
  if (!s.ok()) return s;
  *server = std::move(impl);
  return Status::OK();
}

}  // namespace dateline

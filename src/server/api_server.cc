// ApiServer over cpp-httplib (Debian libcpp-httplib-dev). Requests are
// answered by Handle(), which only sees a path and parameters; httplib is the
// transport. See docs/serve.md for the endpoints.
#include "server/api_server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "dateline/archive.h"
#include "server/web_assets.h"
#include "store/cli_output.h"

namespace dateline {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxParamBytes = 1000;
constexpr size_t kPoolSize = 8;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ApiResponse Error(int status, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.body = Dump({{"error", {{"status", status}, {"message", message}}}});
  return r;
}

// Maps an archive Status to an HTTP status: the user's mistake (400), an
// unknown article (404), a busy archive (503), else the server's (500).
ApiResponse FromStatus(const Status& s) {
  std::string msg = s.ToString();
  // The archive names CLI options ("--since"); the API's names lack dashes.
  for (size_t p; (p = msg.find("--")) != std::string::npos;) msg.erase(p, 2);
  if (s.IsInvalidArgument()) return Error(400, msg);
  if (s.IsNotFound()) return Error(404, msg);
  if (msg.find("locked") != std::string::npos ||
      msg.find("busy") != std::string::npos) {
    return Error(503, msg);
  }
  return Error(500, msg);
}

ApiResponse Ok(const Json& j) {
  ApiResponse r;
  r.body = Dump(j);
  return r;
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

 private:
  const ApiParams& p_;
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Wraps rows: {"rows": [...], "count": n, "limit": L, "more": bool}. Rows
// were fetched with limit + 1 so "more" says whether the limit cut them.
Json Page(Json rows, size_t limit) {
  bool more = rows.size() > limit;
  if (more) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(limit), rows.end());
  Json j;
  j["count"] = rows.size();
  j["limit"] = limit;
  j["more"] = more;
  j["rows"] = std::move(rows);
  return j;
}

const char* ContentType(const std::string& path) {
  auto ends = [&](const char* s) { return path.ends_with(s); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

class HttpApiServer : public ApiServer {
 public:
  explicit HttpApiServer(const ServerOptions& options) : options_(options) {}
  ~HttpApiServer() override { Stop(); }

  Status Open(std::unique_ptr<Archive>* archive) {
    ArchiveOptions ro;
    ro.read_only = true;
    ro.busy_timeout_ms = 5000;
    return Archive::Open(options_.archive, ro, archive);
  }

  Status Start(int* port) override {
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
    // second server on a port in use binds too and the two share requests.
    svr_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    svr_.set_payload_max_length(64 * 1024);
    svr_.set_read_timeout(10, 0);
    svr_.set_write_timeout(10, 0);
    svr_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Cache-Control", "no-store"}});
    svr_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      ApiResponse r = GuardHost(req.get_header_value("Host"))
                          ? Handle(req.path, req.params)
                          : Error(403, "Host '" + req.get_header_value("Host").substr(0, 100) +
                                           "' is not this server's address (use http://127.0.0.1:" +
                                           std::to_string(port_) + "/)");
      res.status = r.status;
      res.set_content(r.body, r.content_type.c_str());
    });
    svr_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      ApiResponse r = Error(res.status, res.status == 404 ? "not found" : "bad request");
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
    // One read-only connection per request, from the pool.
    std::unique_ptr<Archive> archive;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        archive = std::move(pool_.back());
        pool_.pop_back();
      }
    }
    if (archive == nullptr) {
      Status s = Open(&archive);
      if (!s.ok()) return Error(503, s.ToString());
    }
    ApiResponse r;
    try {
      r = Route(archive.get(), path, Params(params));
    } catch (const std::exception& e) {
      // nlohmann::json throws on a corrupt stored record, for one.
      r = Error(500, std::string("internal error: ") + e.what());
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (pool_.size() < kPoolSize) pool_.push_back(std::move(archive));
    }
    return r;
  }

 private:
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
    ApiResponse r = Error(404, "no such page: " + path.substr(0, 200));
    return r;
  }

  ApiResponse Route(Archive* db, const std::string& path, const Params& p) {
    if (path == "/api/search") return Search(db, p);
    if (path == "/api/events") return Events(db, p);
    if (path == "/api/quotes") return Quotes(db, p);
    if (path == "/api/entities") return Entities(db, p);
    if (path == "/api/stories") return Stories(db, p);
    if (path == "/api/stats") return Stats(db, p);
    const std::string kArticle = "/api/articles/";
    if (path.starts_with(kArticle) && path.size() > kArticle.size()) {
      return Article(db, path.substr(kArticle.size()), p);
    }
    return Error(404, "no such endpoint: " + path.substr(0, 200) +
                          " (see /api/search, /api/events, /api/quotes, "
                          "/api/entities, /api/stories, /api/stats, "
                          "/api/articles/ID)");
  }

  // Reads limit (default `def`) and the period; "" or the message.
  static std::string Common(const Params& p, size_t def, size_t* limit,
                            Period* period) {
    int64_t n = 0;
    std::string err = p.Int("limit", 1, kMaxLimit, static_cast<int64_t>(def), &n);
    *limit = static_cast<size_t>(n);
    period->since = p.Get("since");
    period->until = p.Get("until");
    return err;
  }

  ApiResponse Search(Archive* db, const Params& p) {
    std::string err = p.Check({"q", "since", "until", "outlet", "story", "limit"});
    SearchQuery q;
    if (err.empty()) err = Common(p, 20, &q.limit, &q.period);
    if (!err.empty()) return Error(400, err);
    q.query = p.Get("q");
    q.outlet = p.Get("outlet");
    q.story = p.Get("story");
    const size_t limit = q.limit;
    q.limit = limit + 1;
    std::vector<SearchHit> hits;
    Status s = db->Search(q, &hits);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const SearchHit& h : hits) rows.push_back(Json::parse(ToJson(h)));
    return Ok(Page(std::move(rows), limit));
  }

  ApiResponse Events(Archive* db, const Params& p) {
    std::string err = p.Check(
        {"actor", "entity", "code", "quad", "since", "until", "limit"}, {"actor"});
    EventQuery q;
    if (err.empty()) err = Common(p, 50, &q.limit, &q.period);
    int64_t quad = 0;
    if (err.empty()) err = p.Int("quad", 1, 4, 0, &quad);
    if (!err.empty()) return Error(400, err);
    q.quad_class = static_cast<int>(quad);
    for (const std::string& a : p.All("actor")) q.actors.push_back(Upper(a));
    q.entity = p.Get("entity");
    q.code = p.Get("code");
    const size_t limit = q.limit;
    q.limit = limit + 1;
    std::vector<EventRow> out;
    Status s = db->Events(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const EventRow& r : out) {
      Json j = Json::parse(ToJson(r));
      j["event_id"] = r.event_id;
      rows.push_back(std::move(j));
    }
    return Ok(Page(std::move(rows), limit));
  }

  ApiResponse Quotes(Archive* db, const Params& p) {
    std::string err = p.Check({"speaker", "words", "since", "until", "limit"});
    QuoteQuery q;
    if (err.empty()) err = Common(p, 50, &q.limit, &q.period);
    if (!err.empty()) return Error(400, err);
    q.speaker = p.Get("speaker");
    q.words = p.Get("words");
    const size_t limit = q.limit;
    q.limit = limit + 1;
    std::vector<QuoteRow> out;
    Status s = db->Quotes(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const QuoteRow& r : out) rows.push_back(Json::parse(ToJson(r)));
    return Ok(Page(std::move(rows), limit));
  }

  ApiResponse Entities(Archive* db, const Params& p) {
    std::string err = p.Check({"type", "name", "since", "until", "limit"});
    EntityQuery q;
    if (err.empty()) err = Common(p, 20, &q.limit, &q.period);
    if (!err.empty()) return Error(400, err);
    q.type = Upper(p.Get("type"));
    q.name = p.Get("name");
    const size_t limit = q.limit;
    q.limit = limit + 1;
    std::vector<EntityCount> out;
    Status s = db->Entities(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const EntityCount& r : out) rows.push_back(Json::parse(ToJson(r)));
    return Ok(Page(std::move(rows), limit));
  }

  ApiResponse Stories(Archive* db, const Params& p) {
    std::string err = p.Check({"min_size", "query", "since", "until", "limit"});
    StoryQuery q;
    if (err.empty()) err = Common(p, 20, &q.limit, &q.period);
    int64_t min_size = 2;
    if (err.empty()) err = p.Int("min_size", 1, 1000000, 2, &min_size);
    if (!err.empty()) return Error(400, err);
    q.min_size = static_cast<size_t>(min_size);
    q.query = p.Get("query");
    const size_t limit = q.limit;
    q.limit = limit + 1;
    std::vector<StoryRow> out;
    Status s = db->Stories(q, &out);
    if (!s.ok()) return FromStatus(s);
    Json rows = Json::array();
    for (const StoryRow& r : out) rows.push_back(Json::parse(ToJson(r)));
    return Ok(Page(std::move(rows), limit));
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
    ApiResponse r;
    r.body = std::move(record);  // already JSON (the stored record)
    return r;
  }

  ServerOptions options_;
  int port_ = 0;
  httplib::Server svr_;
  std::thread thread_;
  std::atomic<bool> listening_done_{false};
  std::mutex mu_;
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
  *server = std::move(impl);
  return Status::OK();
}

}  // namespace dateline

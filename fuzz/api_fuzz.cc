// Fuzzes `dateline serve`'s request handling (ApiServer::Handle, no
// sockets) over a small archive: the first line of the input is the path,
// each further line a parameter `name=value`. Every answer must be JSON (for
// /api/ paths) with a status the API documents, an error must have its code
// and message, and no answer may show the server's file paths.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "dateline/archive.h"
#include "server/api_server.h"

namespace {

std::string g_dir;

dateline::ApiServer* Server() {
  static std::unique_ptr<dateline::ApiServer> server = [] {
    namespace fs = std::filesystem;
    g_dir = (fs::temp_directory_path() / ("dateline_api_fuzz_" + std::to_string(getpid()))).string();
    fs::remove_all(g_dir);
    fs::create_directories(g_dir);
    const std::string path = g_dir + "/a.db";
    std::unique_ptr<dateline::Archive> w;
    if (!dateline::Archive::Open(path, dateline::ArchiveOptions(), &w).ok()) std::abort();
    for (int i = 0; i < 3; ++i) {
      dateline::Document d;
      d.id = "d" + std::to_string(i);
      d.title = "Harbour strike " + std::to_string(i);
      d.published = i == 2 ? "" : "2023-09-1" + std::to_string(i);
      d.url = i == 1 ? "javascript:alert(1)" : "https://news.example/" + d.id;
      d.source = g_dir + "/pages/" + d.id + ".html";
      d.text = "MOSCOW \xe2\x80\x93 Kremlin spokesman Dmitry Peskov said the talks went well.";
      dateline::Entity e;
      e.id = "e1";
      e.name = "Dmitry Peskov";
      e.type = "PER";
      e.mentions = {{31, 44}};
      d.entities = {e};
      dateline::Event ev;
      ev.source = {"Russia", "RUS", "", {0, 6}};
      ev.target = {"North Korea", "PRK", "", {0, 6}};
      ev.has_target = true;
      ev.code = "040";
      ev.root = "04";
      ev.quad_class = 1;
      ev.location = "Pyongyang";
      d.events = {ev};
      dateline::PutOutcome out;
      std::string story;
      if (!w->Put(d, {d.id, d.id}, {}, dateline::ToJsonLine(d), &out, &story).ok()) std::abort();
    }
    dateline::ServerOptions o;
    o.archive = path;
    o.port = 0;
    o.query_timeout_ms = 200;
    o.cache_bytes = 1 << 20;
    std::unique_ptr<dateline::ApiServer> s;
    if (!dateline::ApiServer::Create(o, &s).ok()) std::abort();
    return s;
  }();
  return server.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dateline::ApiServer* server = Server();
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string path = in.substr(0, nl);
  dateline::ApiParams params;
  while (nl != std::string::npos && params.size() < 16) {
    size_t b = nl + 1;
    nl = in.find('\n', b);
    std::string line = in.substr(b, nl == std::string::npos ? std::string::npos : nl - b);
    size_t eq = line.find('=');
    params.emplace(line.substr(0, eq), eq == std::string::npos ? "" : line.substr(eq + 1));
  }
  dateline::ApiResponse r = server->Handle(path, params);
  switch (r.status) {
    case 200: case 400: case 403: case 404: case 405: case 503: break;
    default: std::abort();  // 500 is a bug
  }
  // A server path shown (unless the request itself carried it: an error
  // message may quote the user's text).
  if (r.body.find(g_dir) != std::string::npos && in.find(g_dir) == std::string::npos) {
    std::abort();
  }
  if (!path.starts_with("/api/")) return 0;
  if (r.content_type != "application/json") return 0;  // a download
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded()) std::abort();
  if (r.status != 200) {
    if (!j.contains("error") || !j["error"].contains("code") ||
        !j["error"].contains("message")) {
      std::abort();
    }
  }
  // A URL given out is a web URL.
  if (j.is_object() && j.contains("rows") && j["rows"].is_array()) {
    for (const auto& row : j["rows"]) {
      if (row.is_object() && row.contains("url") && row["url"].is_string()) {
        const std::string u = row["url"];
        if (!u.starts_with("http://") && !u.starts_with("https://")) std::abort();
      }
    }
  }
  return 0;
}

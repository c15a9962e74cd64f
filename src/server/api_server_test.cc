// Tests for `dateline serve`'s JSON API: a server on an ephemeral loopback
// port over a small archive built from a hand-filled Document, queried with
// httplib's client.
#include "server/api_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "dateline/archive.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A document with every layer the API returns. The text starts with a
// three-byte dash so byte and code-point offsets differ.
Document Kremlin() {
  Document d;
  d.id = "k1";
  d.url = "https://news.example/kremlin";
  d.outlet = "Example News";
  d.title = "Kremlin says Kim visit is a matter for two neighbours";
  d.published = "2023-09-13T10:00:00+03:00";
  d.language = "en";
  d.text =
      "MOSCOW \u2013 Kremlin spokesman Dmitry Peskov said on Wednesday that "
      "the talks between Vladimir Putin and Kim Jong Un were \"a matter for "
      "two neighbours\" and no one else.\n\nRussia and North Korea signed no "
      "agreements, Peskov added.";
  auto at = [&](const std::string& s) {
    size_t b = d.text.find(s);
    return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + s.size())};
  };
  Entity peskov;
  peskov.id = "e1";
  peskov.name = "Dmitry Peskov";
  peskov.type = "PER";
  peskov.country = "RUS";
  peskov.roles = {"Kremlin spokesman"};
  peskov.mentions = {at("Dmitry Peskov")};
  Entity putin;
  putin.id = "e2";
  putin.name = "Vladimir Putin";
  putin.type = "PER";
  putin.mentions = {at("Vladimir Putin")};
  Entity kim;
  kim.id = "e3";
  kim.name = "Kim Jong Un";
  kim.type = "PER";
  kim.country = "PRK";
  kim.mentions = {at("Kim Jong Un")};
  Entity russia;
  russia.id = "e4";
  russia.name = "Russia";
  russia.type = "LOC";
  russia.mentions = {at("Russia")};
  d.entities = {peskov, putin, kim, russia};
  Quote q;
  q.span = at("a matter for two neighbours");
  q.kind = "partial";
  q.cue = "said";
  q.cue_span = at("said");
  q.speaker = "e1";
  q.speaker_name = "Dmitry Peskov";
  q.speaker_span = peskov.mentions[0];
  q.sentence = {0, static_cast<uint32_t>(d.text.find("\n\n"))};
  d.quotes = {q};
  Event e;
  e.source = {"Vladimir Putin", "RUSGOV", "e2", at("Vladimir Putin")};
  e.target = {"Kim Jong Un", "PRKGOV", "e3", at("Kim Jong Un")};
  e.has_target = true;
  e.code = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.date = "2023-09-13";
  e.sentence = q.sentence;
  e.trigger = at("talks");
  e.evidence = "talks";
  d.events = {e};
  return d;
}

Document Other(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.title = "Harbour strike " + id;
  d.published = "2023-10-01";
  d.text = text;
  return d;
}

// Returns the code points [b, e) of UTF-8 `s`.
std::string CodePoints(const std::string& s, size_t b, size_t e) {
  std::string out;
  size_t cp = 0;
  for (size_t i = 0; i < s.size(); ++cp) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    if (cp >= b && cp < e) out.append(s, i, n);
    i += n;
  }
  return out;
}

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dateline_api_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "a.db").string();
    ASSERT_TRUE(Archive::Open(path_, ArchiveOptions(), &writer_).ok());
    Put(Kremlin(), "k");
    ServerOptions o;
    o.archive = path_;
    o.port = 0;
    Status s = ApiServer::Create(o, &server_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    s = server_->Start(&port_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_GT(port_, 0);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5, 0);
    client_->set_read_timeout(10, 0);
  }
  void TearDown() override {
    client_.reset();
    if (server_) server_->Stop();
    server_.reset();
    writer_.reset();
    fs::remove_all(dir_);
  }

  void Put(const Document& d, const std::string& key) {
    PutOutcome out;
    std::string story;
    Status s = writer_->Put(d, {key, key + "-hash"}, {}, ToJsonLine(d), &out, &story);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // GETs `path`; sets *status and returns the parsed body (null if none).
  Json Get(const std::string& path, int* status) {
    auto res = client_->Get(path);
    if (!res) {
      ADD_FAILURE() << "no response for " << path << ": " << httplib::to_string(res.error());
      *status = 0;
      return Json();
    }
    *status = res->status;
    return Json::parse(res->body, nullptr, false);
  }
  // Expects an error with `status` and a message containing `words`.
  void ExpectError(const std::string& path, int status, const std::string& words) {
    int got = 0;
    Json j = Get(path, &got);
    EXPECT_EQ(got, status) << path;
    ASSERT_TRUE(j.is_object() && j.contains("error")) << path << ": " << j.dump();
    EXPECT_EQ(j["error"]["status"], status);
    std::string msg = j["error"]["message"];
    EXPECT_NE(msg.find(words), std::string::npos) << path << ": " << msg;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Archive> writer_;
  std::unique_ptr<ApiServer> server_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

TEST_F(ApiServerTest, SearchRanksAndMarksSnippets) {
  Put(Other("h1", "Dock workers went on strike at the harbour; the Kremlin "
                  "had nothing to say about it, Peskov told reporters."), "h1");
  int st = 0;
  Json j = Get("/api/search?q=Kremlin", &st);
  ASSERT_EQ(st, 200) << j.dump();
  ASSERT_EQ(j["count"], 2);
  EXPECT_EQ(j["more"], false);
  // Titles weigh four times the text: the one with Kremlin in its title
  // comes first.
  EXPECT_EQ(j["rows"][0]["id"], "k1");
  EXPECT_EQ(j["rows"][1]["id"], "h1");
  EXPECT_NE(j["rows"][1]["snippet"].get<std::string>().find("[Kremlin]"), std::string::npos);
  EXPECT_EQ(j["rows"][0]["outlet"], "Example News");

  j = Get("/api/search?q=harbour&limit=1", &st);
  ASSERT_EQ(st, 200);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["rows"][0]["id"], "h1");
  j = Get("/api/search?q=Peskov&limit=1", &st);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["more"], true);
  j = Get("/api/search?q=Peskov&since=2023-10", &st);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["rows"][0]["id"], "h1");
  // No query: every article, newest first.
  j = Get("/api/search", &st);
  EXPECT_EQ(j["count"], 2);
  EXPECT_EQ(j["rows"][0]["id"], "h1");
}

TEST_F(ApiServerTest, BadParametersAreJsonErrors) {
  ExpectError("/api/search?q=%22unclosed", 400, "bad full-text query");
  ExpectError("/api/search?q=x&limit=0", 400, "limit");
  ExpectError("/api/search?q=x&limit=501", 400, "from 1 to 500");
  ExpectError("/api/search?q=x&limit=ten", 400, "'ten'");
  ExpectError("/api/search?q=x&bogus=1", 400, "unknown parameter 'bogus'");
  ExpectError("/api/search?q=x&q=y", 400, "more than once");
  ExpectError("/api/search?since=2023-13x", 400, "since");
  ExpectError("/api/search?q=" + std::string(1200, 'a'), 400, "longer than");
  ExpectError("/api/events?actor=RUS;DROP", 400, "not a CAMEO actor code");
  ExpectError("/api/events?actor=A&actor=B&actor=C", 400, "at most two");
  ExpectError("/api/events?code=abc", 400, "not a CAMEO event code");
  ExpectError("/api/events?quad=5", 400, "quad");
  ExpectError("/api/entities?type=XYZ", 400, "not PER, ORG, LOC or MISC");
  ExpectError("/api/stories?min_size=-1", 400, "min_size");
  ExpectError("/api/quotes?words=%22x", 400, "bad full-text query");
  ExpectError("/api/articles/nope", 404, "no such article");
  ExpectError("/api/nothing", 404, "no such endpoint");
  ExpectError("/nothing.html", 404, "no such page");
}

TEST_F(ApiServerTest, UserTextIsNeverSql) {
  int st = 0;
  Json j = Get("/api/search?outlet=x%27%20OR%20%271%27=%271", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["count"], 0);
  j = Get("/api/quotes?speaker=%27%3B%20DROP%20TABLE%20quotes%3B%20--", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["count"], 0);
  j = Get("/api/entities?name=%25", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["count"], 0);  // "%" is not a wildcard
  j = Get("/api/quotes", &st);
  EXPECT_EQ(j["count"], 1);  // the table is still there
}

TEST_F(ApiServerTest, EventsQuotesEntitiesStories) {
  int st = 0;
  Json j = Get("/api/events?actor=rus&actor=PRK&since=2023-09&until=2023-09", &st);
  ASSERT_EQ(st, 200) << j.dump();
  ASSERT_EQ(j["count"], 1);
  const Json& e = j["rows"][0];
  EXPECT_EQ(e["code"], "040");
  EXPECT_EQ(e["source"]["code"], "RUSGOV");
  EXPECT_EQ(e["target"]["name"], "Kim Jong Un");
  EXPECT_EQ(e["article"], "k1");
  EXPECT_GT(e["event_id"].get<int64_t>(), 0);
  EXPECT_EQ(Get("/api/events?entity=Putin&code=04&quad=1", &st)["count"], 1);
  EXPECT_EQ(Get("/api/events?code=19", &st)["count"], 0);
  EXPECT_EQ(Get("/api/events?until=2023-08", &st)["count"], 0);

  j = Get("/api/quotes?speaker=peskov&words=neighbours", &st);
  ASSERT_EQ(st, 200);
  ASSERT_EQ(j["count"], 1);
  EXPECT_EQ(j["rows"][0]["text"], "a matter for two neighbours");
  EXPECT_EQ(j["rows"][0]["speaker_entity"], "Dmitry Peskov");

  j = Get("/api/entities?type=per", &st);
  ASSERT_EQ(st, 200);
  EXPECT_EQ(j["count"], 3);
  j = Get("/api/entities?limit=1", &st);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["more"], true);

  j = Get("/api/stories?min_size=1", &st);
  ASSERT_EQ(st, 200);
  ASSERT_EQ(j["count"], 1);
  EXPECT_EQ(j["rows"][0]["members"][0], "k1");

  j = Get("/api/stats", &st);
  ASSERT_EQ(st, 200);
  EXPECT_EQ(j["articles"], 1);
  EXPECT_EQ(j["events"], 1);
  EXPECT_EQ(j["quotes"], 1);
}

TEST_F(ApiServerTest, ArticleHasLayersWithCodePointSpans) {
  int st = 0;
  Json j = Get("/api/articles/k1", &st);
  ASSERT_EQ(st, 200) << j.dump();
  const std::string text = j["text"];
  EXPECT_EQ(j["story"], "k1");
  ASSERT_EQ(j["entities"].size(), 4u);
  for (const Json& e : j["entities"]) {
    for (const Json& m : e["mentions"]) {
      EXPECT_EQ(CodePoints(text, m[0], m[1]), e["name"].get<std::string>());
    }
  }
  ASSERT_EQ(j["quotes"].size(), 1u);
  const Json& q = j["quotes"][0];
  EXPECT_EQ(CodePoints(text, q["span"][0], q["span"][1]), "a matter for two neighbours");
  EXPECT_EQ(CodePoints(text, q["cue_span"][0], q["cue_span"][1]), "said");
  ASSERT_EQ(j["events"].size(), 1u);
  const Json& e = j["events"][0];
  EXPECT_EQ(CodePoints(text, e["trigger"][0], e["trigger"][1]), "talks");
  EXPECT_EQ(CodePoints(text, e["source"]["span"][0], e["source"]["span"][1]), "Vladimir Putin");
}

TEST_F(ApiServerTest, ServesTheEmbeddedUi) {
  auto res = client_->Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(res->body.find("<title>dateline</title>"), std::string::npos);
  res = client_->Get("/app.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_NE(res->body.find("highlight"), std::string::npos);
  res = client_->Get("/style.css");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // A loopback server answers only to its own address (DNS rebinding).
  res = client_->Get("/api/stats", {{"Host", "evil.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_NE(res->body.find("not this server's address"), std::string::npos);
  httplib::Client by_name("localhost", port_);
  res = by_name.Get("/api/stats");
  if (res) {
    EXPECT_EQ(res->status, 200);  // when localhost resolves to 127.0.0.1
  }
  // Only GET is served.
  res = client_->Post("/api/search", "x", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
}

TEST_F(ApiServerTest, AnswersWhileAnIngestWrites) {
  // A writer holds an open transaction group, as `ingest` does between
  // commits: the server still answers, from the last commit.
  ASSERT_TRUE(writer_->Begin().ok());
  Put(Other("h2", "Harbour cranes stood still for a second day of the strike."), "h2");
  int st = 0;
  Json j = Get("/api/search?q=cranes", &st);
  EXPECT_EQ(st, 200) << j.dump();
  EXPECT_EQ(j["count"], 0);
  EXPECT_EQ(Get("/api/stats", &st)["articles"], 1);
  ASSERT_TRUE(writer_->Commit().ok());
  j = Get("/api/search?q=cranes", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(Get("/api/stats", &st)["articles"], 2);
}

TEST_F(ApiServerTest, RefusesAPortInUse) {
  ServerOptions o;
  o.archive = path_;
  o.port = port_;
  std::unique_ptr<ApiServer> second;
  ASSERT_TRUE(ApiServer::Create(o, &second).ok());
  int port = 0;
  Status s = second->Start(&port);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_NE(s.ToString().find("cannot listen"), std::string::npos);
}

TEST(ApiServerCreate, RefusesAMissingArchiveAndListensOnLoopback) {
  ServerOptions o;
  EXPECT_EQ(o.host, "127.0.0.1");
  o.archive = "/nonexistent/dir/a.db";
  std::unique_ptr<ApiServer> server;
  Status s = ApiServer::Create(o, &server);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_EQ(server, nullptr);
}

}  // namespace
}  // namespace dateline

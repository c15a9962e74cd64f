// Tests for `dateline serve`'s JSON API: a server on an ephemeral loopback
// port over a small archive built from a hand-filled Document, queried with
// httplib's client.
#include "server/api_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
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
  ExpectError("/api/search?q=%22unclosed&advanced=1", 400, "bad full-text query");
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

  // The speaker exactly (any case), or as words of a name when asked.
  EXPECT_EQ(Get("/api/quotes?speaker=peskov", &st)["count"], 0);
  EXPECT_EQ(Get("/api/quotes?speaker=dmitry%20peskov", &st)["count"], 1);
  Get("/api/quotes?speaker=peskov&speaker_match=fuzzy", &st);
  EXPECT_EQ(st, 400);
  j = Get("/api/quotes?speaker=peskov&speaker_match=contains&words=neighbours", &st);
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

// The defects of issue 15, one test each (they failed on the server before
// its hardening).

TEST_F(ApiServerTest, SecurityHeadersOnEveryResponse) {
  for (const std::string path : {"/", "/app.js", "/api/stats", "/api/nothing",
                                 "/api/search?q=%22x", "/nothing.html"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
  auto res = client_->Get("/api/stats", {{"Host", "evil.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
}

TEST_F(ApiServerTest, OnlyWebLinksAndNoServerPathsInAnswers) {
  // A stranger's page: its canonical link is script, it has no outlet, and
  // it came from a file on the server.
  Document d = Other("x1", "Harbour pilots said the port would reopen.");
  d.url = "javascript:alert(document.cookie)";
  d.source = "/srv/private/feeds/pages.tar.gz#x1.html";
  Put(d, "x1");
  int st = 0;
  Json j = Get("/api/search?q=pilots", &st);
  ASSERT_EQ(st, 200) << j.dump();
  ASSERT_EQ(j["count"], 1);
  const Json& row = j["rows"][0];
  EXPECT_TRUE(row["url"].is_null()) << row.dump();
  EXPECT_TRUE(row["outlet"].is_null()) << row.dump();
  EXPECT_FALSE(row.contains("source")) << row.dump();
  EXPECT_EQ(j.dump().find("/srv/private"), std::string::npos);
  j = Get("/api/articles/x1", &st);
  ASSERT_EQ(st, 200);
  EXPECT_TRUE(j["url"].is_null()) << j.dump().substr(0, 300);
  EXPECT_EQ(j.dump().find("/srv/private"), std::string::npos);
  EXPECT_EQ(j.dump().find("javascript:"), std::string::npos);
  // An outlet-less article with a web URL shows the URL's host.
  Document w = Other("w1", "Harbour tugs idle.");
  w.url = "https://www.harbour.example/news/1";
  Put(w, "w1");
  j = Get("/api/search?q=tugs", &st);
  EXPECT_EQ(j["rows"][0]["outlet"], "harbour.example");
}

TEST_F(ApiServerTest, OneErrorShapeWithoutInternalPrefixes) {
  int st = 0;
  Json j = Get("/api/search?q=%22unclosed&advanced=1", &st);
  EXPECT_EQ(st, 400);
  EXPECT_EQ(j["error"]["code"], "bad_request");
  std::string msg = j["error"]["message"];
  EXPECT_EQ(msg.find("Invalid argument"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("fts5:"), std::string::npos) << msg;
  j = Get("/api/articles/nope", &st);
  EXPECT_EQ(st, 404);
  EXPECT_EQ(j["error"]["code"], "not_found");
  msg = j["error"]["message"];
  EXPECT_EQ(msg.find("NotFound"), std::string::npos) << msg;
  j = Get("/api/nothing", &st);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message"].get<std::string>().find("/api/nothing"), std::string::npos);
}

TEST_F(ApiServerTest, OtherMethodsAreRefusedAtOnce) {
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    httplib::Request req;
    req.method = method;
    req.path = "/api/search";
    // A declared body that never comes: the answer must not wait for it.
    req.set_header("Content-Length", "100");
    auto t0 = std::chrono::steady_clock::now();
    auto res = client_->send(req);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(res) << method;
    EXPECT_EQ(res->status, 405) << method;
    EXPECT_EQ(res->get_header_value("Allow"), "GET, HEAD") << method;
    EXPECT_LT(s, 2.0) << method;
    Json j = Json::parse(res->body, nullptr, false);
    EXPECT_EQ(j["error"]["code"], "method_not_allowed") << method;
  }
  auto res = client_->Head("/api/stats");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ApiServerTest, DatesAreValidated) {
  ExpectError("/api/search?since=1987-13", 400, "not a date");
  ExpectError("/api/events?until=1987-02-30", 400, "not a date");
  ExpectError("/api/quotes?since=2023-00", 400, "not a date");
  ExpectError("/api/entities?since=2023-04-31", 400, "not a date");
  int st = 0;
  Get("/api/search?since=2024-02-29", &st);
  EXPECT_EQ(st, 200);
  ExpectError("/api/search?since=2023-02-29", 400, "not a date");
}

TEST_F(ApiServerTest, ControlCharactersAreRefused) {
  // Found by fuzz/api_fuzz.cc: a NUL in a speaker name was a 500.
  ExpectError("/api/quotes?speaker=Pe%00kov", 400, "control character");
  ExpectError("/api/search?q=a%0Db", 400, "control character");
  int st = 0;
  Get("/api/search?q=a%09b", &st);  // a tab is whitespace
  EXPECT_EQ(st, 200);
}

TEST_F(ApiServerTest, SearchTakesWhatPeopleType) {
  Put(Other("p1", "The U.S. said oil-prices rose 100% after AT&T's report."), "p1");
  int st = 0;
  for (const std::string q : {"U.S.", "oil-prices", "AT%26T", "100%25", "U.S.%20oil",
                              "report%20%26", "%3A%3B", "a%22b"}) {
    Json j = Get("/api/search?q=" + q, &st);
    EXPECT_EQ(st, 200) << q << ": " << j.dump();
    if (q != "%3A%3B" && q != "a%22b") {
      EXPECT_EQ(j["count"], 1) << q;
    }
  }
  // Full-text syntax is still there, detected or asked for.
  Json j = Get("/api/search?q=strike%20OR%20oil", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["advanced"], true);
  EXPECT_EQ(j["count"], 1);
  j = Get("/api/search?q=Kreml*", &st);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["rows"][0]["id"], "k1");
  j = Get("/api/search?q=Kreml*&advanced=0", &st);
  EXPECT_EQ(st, 200);
  EXPECT_EQ(j["count"], 0);  // "Kreml" as a word
  // Too many terms is the user's error, said so.
  std::string many;
  for (int i = 0; i < 201; ++i) {
    many.append("w");
    many.append(std::to_string(i));
    many.append("%20");
  }
  ExpectError("/api/search?q=" + many, 400, "more than 200 terms");
}

TEST_F(ApiServerTest, ListsPageWithTotals) {
  ASSERT_TRUE(writer_->Begin().ok());
  for (int i = 0; i < 60; ++i) {
    Document d = Kremlin();
    d.id = "k-" + std::to_string(i);
    d.text += " Copy " + std::to_string(i) + ".";
    d.published = "2023-09-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    Put(d, d.id);
  }
  ASSERT_TRUE(writer_->Commit().ok());
  int st = 0;
  Json j = Get("/api/quotes?speaker=Dmitry%20Peskov", &st);
  ASSERT_EQ(st, 200);
  EXPECT_EQ(j["count"], 50);
  EXPECT_EQ(j["total"], 61);
  EXPECT_EQ(j["more"], true);
  j = Get("/api/quotes?speaker=Dmitry%20Peskov&offset=50", &st);
  EXPECT_EQ(j["count"], 11);
  EXPECT_EQ(j["offset"], 50);
  EXPECT_EQ(j["more"], false);
  j = Get("/api/search?q=Kremlin&limit=7&offset=56", &st);
  EXPECT_EQ(j["total"], 61);
  EXPECT_EQ(j["count"], 5);
  EXPECT_EQ(Get("/api/events?limit=10&offset=10", &st)["total"], 61);
  EXPECT_EQ(Get("/api/entities?type=PER", &st)["total"], 3);
  ExpectError("/api/quotes?offset=-1", 400, "offset");
  // A download may be longer than a page.
  auto res = client_->Get("/api/events?format=csv&limit=5000");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(std::count(res->body.begin(), res->body.end(), '\n'), 62);
  res = client_->Get("/api/events?format=gdelt&limit=3");
  ASSERT_TRUE(res);
  EXPECT_EQ(std::count(res->body.begin(), res->body.end(), '\n'), 3);
  EXPECT_EQ(std::count(res->body.begin(), res->body.begin() + res->body.find('\n'), '\t'), 60);
  res = client_->Get("/api/quotes?format=jsonl&limit=2");
  ASSERT_TRUE(res);
  EXPECT_EQ(std::count(res->body.begin(), res->body.end(), '\n'), 2);
  ExpectError("/api/events?limit=5000", 400, "from 1 to 500");
  ExpectError("/api/quotes?format=gdelt", 400, "format");
}

TEST_F(ApiServerTest, UndatedItemsAreKeptAndCounted) {
  Document d = Other("u1", "Harbour strike without a date.");
  d.published = "";
  Put(d, "u1");
  Put(Other("h1", "Harbour strike on a known day."), "h1");
  int st = 0;
  Json j = Get("/api/search?q=harbour&since=2023", &st);
  ASSERT_EQ(st, 200);
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["undated"], 1);
  // Without a period nothing is left out: no count.
  EXPECT_TRUE(Get("/api/search?q=harbour", &st)["undated"].is_null());
  j = Get("/api/search?q=harbour&since=2023&include_undated=1", &st);
  EXPECT_EQ(j["count"], 2);
  // Newest first puts the undated last; oldest first too.
  j = Get("/api/search?sort=-date", &st);
  ASSERT_EQ(j["count"], 3);
  EXPECT_EQ(j["rows"][0]["id"], "h1");
  EXPECT_EQ(j["rows"][2]["id"], "u1");
  EXPECT_TRUE(j["rows"][2]["published"].is_null());
  j = Get("/api/search?sort=date", &st);
  EXPECT_EQ(j["rows"][0]["id"], "k1");
  EXPECT_EQ(j["rows"][2]["id"], "u1");
  // One null convention: a missing date is null everywhere.
  j = Get("/api/stories?min_size=1&until=2022&include_undated=1", &st);
  ASSERT_EQ(j["count"], 1);
  EXPECT_TRUE(j["rows"][0]["first_published"].is_null());
}

TEST_F(ApiServerTest, ViewsOverTheArchive) {
  Put(Other("h1", "Harbour strike."), "h1");
  int st = 0;
  Json j = Get("/api/timeline?q=harbour%20OR%20Kremlin&bucket=month", &st);
  ASSERT_EQ(st, 200) << j.dump();
  ASSERT_EQ(j["series"].size(), 2u);
  EXPECT_EQ(j["series"][0]["period"], "2023-09");
  EXPECT_EQ(j["series"][0]["articles"], 1);
  EXPECT_EQ(j["series"][0]["quotes"], 1);
  EXPECT_EQ(j["series"][0]["events"], 1);
  EXPECT_EQ(j["series"][1]["period"], "2023-10");
  EXPECT_EQ(j["undated"]["articles"], 0);
  ExpectError("/api/timeline?bucket=week", 400, "bucket");

  j = Get("/api/network", &st);
  ASSERT_EQ(st, 200);
  ASSERT_EQ(j["edges"].size(), 1u);
  EXPECT_EQ(j["edges"][0]["source"], "RUS");
  EXPECT_EQ(j["edges"][0]["target"], "PRK");
  EXPECT_EQ(j["edges"][0]["events"], 1);
  EXPECT_EQ(j["nodes"].size(), 2u);
  j = Get("/api/network?level=actor&quad=1", &st);
  EXPECT_EQ(j["edges"][0]["source"], "RUSGOV");
  EXPECT_EQ(Get("/api/network?quad=4", &st)["edges"].size(), 0u);

  j = Get("/api/entity?name=dmitry%20peskov", &st);
  ASSERT_EQ(st, 200) << j.dump();
  EXPECT_EQ(j["name"], "Dmitry Peskov");
  EXPECT_EQ(j["quotes"], 1);
  EXPECT_EQ(j["articles"], 1);
  j = Get("/api/entity?name=Vladimir%20Putin", &st);
  EXPECT_EQ(j["events_as_source"], 1);
  EXPECT_EQ(j["events_as_target"], 0);
  ExpectError("/api/entity?name=Nobody", 404, "no entity");

  j = Get("/api/stories/k1", &st);
  ASSERT_EQ(st, 200);
  ASSERT_EQ(j["members"].size(), 1u);
  EXPECT_EQ(j["members"][0]["outlet"], "Example News");
  EXPECT_NE(j["members"][0]["excerpt"].get<std::string>().find("Kremlin spokesman"),
            std::string::npos);
  ExpectError("/api/stories/nope", 404, "no such story");

  j = Get("/api/events", &st);
  EXPECT_EQ(j["rows"][0]["label"], "Consult, not specified below");

  // Places: events per location, geocoded (GeoNames-derived table).
  Document v = Kremlin();
  v.id = "v1";
  v.text += " Again.";
  v.events[0].location = "Pyongyang";
  Put(v, "v1");
  j = Get("/api/places", &st);
  ASSERT_EQ(st, 200) << j.dump();
  ASSERT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["name"], "Pyongyang");
  EXPECT_EQ(j["rows"][0]["country"], "PRK");
  EXPECT_NEAR(j["rows"][0]["lat"].get<double>(), 39.0, 0.2);
  EXPECT_NEAR(j["rows"][0]["lon"].get<double>(), 125.75, 0.2);
  ASSERT_EQ(j["countries"].size(), 1u);
  EXPECT_EQ(j["countries"][0]["country"], "PRK");
  EXPECT_EQ(j["countries"][0]["events"], 1);

  // An event geocoded when it was coded keeps that place ("Paris" in a
  // Texas story), where the name alone would be the French capital.
  Document t = Kremlin();
  t.id = "t1";
  t.text += " Texas.";
  t.events.resize(1);
  t.events[0].location = "Paris";
  t.events[0].geo.resolved = true;
  t.events[0].geo.name = "Paris";
  t.events[0].geo.country = "USA";
  t.events[0].geo.type = 3;
  t.events[0].geo.feature = "US city";
  t.events[0].geo.latitude = 33.66;
  t.events[0].geo.longitude = -95.56;
  t.events[0].geo.feature_id = "4717560";
  t.events[0].geo.adm1 = "USTX";
  Put(t, "t1");
  j = Get("/api/places", &st);
  ASSERT_EQ(st, 200) << j.dump();
  bool paris = false;
  for (const auto& row : j["rows"]) {
    if (row["name"] != "Paris") continue;
    paris = true;
    EXPECT_EQ(row["country"], "USA");
    EXPECT_NEAR(row["lat"].get<double>(), 33.66, 1e-6);
    EXPECT_EQ(row["geo_type"], 3);
    EXPECT_EQ(row["feature_id"], "4717560");
  }
  EXPECT_TRUE(paris) << j.dump();
}

TEST_F(ApiServerTest, IdleConnectionsDoNotHoldEveryWorker) {
  // Forty clients keep their connections open (keep-alive) and idle; the
  // next client is still answered at once.
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 40; ++i) {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_keep_alive(true);
    auto res = c->Get("/api/stats");
    ASSERT_TRUE(res);
    idle.push_back(std::move(c));
  }
  auto t0 = std::chrono::steady_clock::now();
  httplib::Client fresh("127.0.0.1", port_);
  auto res = fresh.Get("/api/stats");
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(s, 1.0);
}

TEST(ApiServerBudget, ASlowQueryStopsAtItsBudget) {
  fs::path dir = fs::temp_directory_path() /
                 ("dateline_api_budget_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "a.db").string();
  {
    std::unique_ptr<Archive> w;
    ASSERT_TRUE(Archive::Open(path, ArchiveOptions(), &w).ok());
    ASSERT_TRUE(w->Begin().ok());
    std::string text;
    for (int i = 0; i < 3000; ++i) {
      Document d = Other(std::string("d").append(std::to_string(i)), "");
      for (int k = 0; k < 40; ++k) {
        d.text.append("a");
        d.text.append(std::to_string((i * 41 + k * 7) % 997));
        d.text.append("x ");
      }
      PutOutcome out;
      std::string story;
      ASSERT_TRUE(w->Put(d, {d.id, d.id}, {}, ToJsonLine(d), &out, &story).ok());
    }
    ASSERT_TRUE(w->Commit().ok());
  }
  ServerOptions o;
  o.archive = path;
  o.port = 0;
  o.query_timeout_ms = 20;
  std::unique_ptr<ApiServer> server;
  ASSERT_TRUE(ApiServer::Create(o, &server).ok());
  // 120 prefix terms, as the slow request of the issue.
  std::string q;
  for (int i = 0; i < 120; ++i) {
    if (i > 0) q.append("%20OR%20");
    q.append("a");
    q.append(std::to_string(i % 10));
    q.append("*");
  }
  httplib::Params decoded;
  httplib::detail::parse_query_text("q=" + q, decoded);
  ApiParams params(decoded.begin(), decoded.end());
  auto t0 = std::chrono::steady_clock::now();
  ApiResponse r = server->Handle("/api/search", params);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.status, 503) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("\"timeout\""), std::string::npos) << r.body.substr(0, 300);
  EXPECT_LT(s, 1.0);
  // The next query on the same connection runs normally.
  r = server->Handle("/api/stats", {});
  EXPECT_EQ(r.status, 200);
  server.reset();
  fs::remove_all(dir);
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

// The real HTTP engine against loopback servers: every fault ends in the right status, nothing
// crashes or hangs, the other queries complete; paging, politeness, cache and secrets.
#include "search/web_search.hpp"
#include "search/web_search_fixture.hpp"
#include "support/english.hpp"
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <mutex>

using namespace empreinte;
using search::QueryStatus;
namespace ws = empreinte::test::web_search;

TEST_CASE("search: pages are chained until a page adds nothing new")
{
  ws::FaultServer f;
  search::WebSearch web({ws::backend(ws::k_json_def, f.url("ok"))}, ws::fast_options());
  const auto out = web.search_all(ws::queries({"\"Camille Martin\"", "camimart75"}), 5);
  REQUIRE(out.size() == 2);
  for (const auto& o : out) {
    CHECK(o.status == QueryStatus::ok);
    CHECK(o.backend == "loop");
    REQUIRE(o.results.size() == 20);
    CHECK(o.results[0].rank == 1);
    CHECK(o.results[19].rank == 20);
  }
  CHECK(out[1].query_index == 1);
  // Pages 1, 2 and 3 (which repeats page 2, so paging stops) for each query.
  CHECK(f.count("ok") == 6);
  CHECK(web.requests_sent() == 6);
}

TEST_CASE("search: every fault ends in its status, and the other queries complete")
{
  ws::FaultServer f;
  test::ResettingServer reset;
  auto options = ws::fast_options();
  options.engine.request_timeout = std::chrono::milliseconds(500);
  std::vector<search::ResolvedBackend> backends;
  const std::vector<std::pair<std::string, QueryStatus>> expected{
      {"ok", QueryStatus::ok},
      {"retry429", QueryStatus::ok},
      {"always429", QueryStatus::rate_limited},
      {"flaky500", QueryStatus::ok},
      {"down503", QueryStatus::error},
      {"slow", QueryStatus::timeout},
      {"truncated", QueryStatus::error},
      {"badjson", QueryStatus::error},
      {"reset", QueryStatus::error},
  };
  // One web search per scenario, all at once on one engine: the names must differ.
  for (const auto& [scenario, status] : expected) {
    std::string def = ws::k_json_def;
    def.replace(def.find("\"loop\""), 6, "\"" + scenario + "\"");
    backends.push_back(ws::backend(def.c_str(), scenario == "reset" ? reset.url() : f.url(scenario)));
  }
  backends.push_back(ws::backend(ws::k_html_def, f.url("nomarkup")));
  backends.back().def.name = "nomarkup";
  backends.push_back(ws::backend(ws::k_html_def, f.url("captcha")));
  backends.back().def.name = "captcha";
  backends.push_back(ws::backend(ws::k_html_def, f.url("htmlempty")));
  backends.back().def.name = "htmlempty";
  search::WebSearch web(std::move(backends), options);
  const auto start = std::chrono::steady_clock::now();
  const auto out = web.search_all(ws::queries({"q"}), 1);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(out.size() == expected.size() + 3);
  std::map<std::string, const search::QueryOutcome*> by;
  for (const auto& o : out) {
    by[o.backend] = &o;
  }
  for (const auto& entry : expected) {
    const std::string& scenario = entry.first; // INFO captures: no structured binding (clang 14)
    const QueryStatus status = entry.second;
    INFO(scenario << ": " << test::english(by[scenario]->reason));
    CHECK(by[scenario]->status == status);
    if (status != QueryStatus::ok) {
      CHECK(!by[scenario]->reason.empty());
    }
  }
  CHECK(by["nomarkup"]->status == QueryStatus::layout_changed);
  CHECK(test::english(by["nomarkup"]->reason).find("New look") != std::string::npos);
  CHECK(by["captcha"]->status == QueryStatus::blocked);
  CHECK(by["htmlempty"]->status == QueryStatus::empty);
  CHECK(by["ok"]->results.size() == 10);
  CHECK(by["retry429"]->results.size() == 10);
  CHECK(f.count("retry429") == 2);  // retried once, after Retry-After
  CHECK(f.count("always429") == 1); // Retry-After beyond the cap: no pointless wait
  CHECK(f.count("flaky500") == 2);
  CHECK(f.count("down503") == 3); // the first attempt and two retries
  CHECK(test::english(by["down503"]->reason).find("503") != std::string::npos);
  CHECK(test::english(by["down503"]->reason).find("3 attempts") != std::string::npos);
  CHECK(test::english(by["truncated"]->reason).find("cut short") != std::string::npos);
  CHECK(test::english(by["reset"]->reason).find("reset") != std::string::npos);
  // A request that ran out of its own time names the flag that sets it.
  CHECK(test::english(by["slow"]->reason).find("--request-timeout") != std::string::npos);
  // Retry-After: 1 was honoured (a lower bound, never an upper one: no timing assertion).
  CHECK(elapsed >= std::chrono::milliseconds(1000));
}

TEST_CASE("search: HTML results resolve relative links and decode entities")
{
  ws::FaultServer f;
  search::WebSearch web({ws::backend(ws::k_html_def, f.url("htmlok"))}, ws::fast_options());
  const auto out = web.search_all(ws::queries({"x"}), 1);
  REQUIRE(out.size() == 1);
  REQUIRE(out[0].results.size() == 2);
  CHECK(out[0].results[0].url == f.server.url() + "/page/1");
  CHECK(out[0].results[0].title == "One & only");
}

TEST_CASE("search: the deadline ends slow requests as timeouts, without hanging")
{
  ws::FaultServer f;
  auto options = ws::fast_options();
  options.engine.deadline = std::chrono::milliseconds(300);
  search::WebSearch web({ws::backend(ws::k_json_def, f.url("slow"))}, options);
  const auto out = web.search_all(ws::queries({"a", "b", "c"}), 3);
  REQUIRE(out.size() == 3);
  for (const auto& o : out) {
    CHECK(o.status == QueryStatus::timeout);
    // The whole run's limit ran out, not one request's: the reason names --timeout.
    CHECK(test::english(o.reason).find("--timeout") != std::string::npos);
    CHECK(test::english(o.reason).find("--request-timeout") == std::string::npos);
  }
}

TEST_CASE("search: a proxy that cannot be reached is named as the proxy")
{
  ws::FaultServer f;
  auto options = ws::fast_options();
  // A loopback port nobody listens on: the connection to the proxy is refused.
  options.engine.proxy = "http://127.0.0.1:9";
  search::WebSearch web({ws::backend(ws::k_json_def, f.url("ok"))}, options);
  const auto out = web.search_all(ws::queries({"a"}), 1);
  REQUIRE(out.size() == 1);
  CHECK(out[0].status == QueryStatus::error);
  CHECK(test::english(out[0].reason).find("the proxy") != std::string::npos);
}

TEST_CASE("search: politeness spaces the requests to one engine")
{
  ws::FaultServer f;
  auto b = ws::backend(ws::k_json_def, f.url("ok"));
  b.def.politeness.concurrency = 1;
  b.def.politeness.min_interval_ms = 150;
  search::WebSearch web({b}, ws::fast_options());
  const auto start = std::chrono::steady_clock::now();
  const auto out = web.search_all(ws::queries({"a", "b", "c"}), 1);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
  CHECK(f.count("ok") == 3);
}

TEST_CASE("search: a re-run within the TTL sends no request, and secrets stay out of the cache")
{
  ws::FaultServer f;
  test::TempDir dir;
  const std::string key = "sk-loopback-0123456789";
  auto options = ws::fast_options();
  options.cache.emplace(dir.path() / "responses", std::chrono::hours(24));
  {
    search::WebSearch web({ws::backend(ws::k_json_def, f.url("ok"), key)}, options);
    const auto out = web.search_all(ws::queries({"a"}), 1);
    CHECK(out[0].status == QueryStatus::ok);
    CHECK(web.requests_sent() == 1);
  }
  CHECK(f.seen_keys == std::vector<std::string>{key}); // the key was sent, as a header
  {
    search::WebSearch web({ws::backend(ws::k_json_def, f.url("ok"), key)}, options);
    const auto out = web.search_all(ws::queries({"a"}), 1);
    CHECK(out[0].status == QueryStatus::ok);
    CHECK(out[0].results.size() == 10);
    CHECK(web.requests_sent() == 0);
    CHECK(web.cache_hits() == 1);
  }
  {
    auto refresh = options;
    refresh.refresh = true;
    search::WebSearch web({ws::backend(ws::k_json_def, f.url("ok"), key)}, refresh);
    (void)web.search_all(ws::queries({"a"}), 1);
    CHECK(web.requests_sent() == 1);
  }
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (e.is_regular_file()) {
      ++files;
      CHECK(test::slurp(e.path()).find(key) == std::string::npos);
      CHECK(e.path().string().find(key) == std::string::npos);
      CHECK((std::filesystem::status(e.path()).permissions() &
             std::filesystem::perms::others_read) == std::filesystem::perms::none);
    }
  }
  CHECK(files == 1);
  const auto dir_perms = std::filesystem::status(dir.path() / "responses").permissions();
  CHECK((dir_perms & std::filesystem::perms::group_all) == std::filesystem::perms::none);
}

TEST_CASE("search: requests are built from the definition, secrets masked in the cache key")
{
  auto b = ws::backend(ws::k_json_def, "http://127.0.0.1:9/", "sekret-key-42");
  const auto r = search::build_request(b, "\"Hélène Vasseur\" site:x.com", 2);
  CHECK(r.real.url ==
        "http://127.0.0.1:9/"
        "search?key=sekret-key-42&q=%22H%C3%A9l%C3%A8ne%20Vasseur%22%20site%3Ax.com&p=2");
  CHECK(r.cache_key.find("sekret") == std::string::npos);
  CHECK(r.shown_url.find("%3Capi_key%3E") != std::string::npos); // "<api_key>", encoded
  CHECK(b.mask().apply("error for key sekret-key-42") == "error for key ***");
}

TEST_CASE("search: credentials in a base_url stay out of cache keys and reasons")
{
  // Regression: http://u:PASS@host/ was written in clear into every cache key.
  auto b = ws::backend(ws::k_json_def, "http://user:pa%40ss-w0rd@127.0.0.1:9/", "sekret-key-42");
  const auto r = search::build_request(b, "q", 1);
  CHECK(r.real.url.find("user:pa%40ss-w0rd@") != std::string::npos); // sent as given
  CHECK(r.cache_key.find("pa%40ss-w0rd") == std::string::npos);
  CHECK(r.cache_key.find("http://***@127.0.0.1") != std::string::npos);
  CHECK(r.shown_url.find("pa%40ss") == std::string::npos);
  const auto mask = b.mask();
  CHECK(mask.apply("x pa@ss-w0rd y pa%40ss-w0rd z") == "x *** y *** z");
}

TEST_CASE("search: a key the engine echoes back reaches neither the results nor the cache")
{
  test::LoopbackServer server;
  const std::string key = "echoed-secret-777";
  server.http().Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string k = req.get_param_value("key");
    res.set_content(R"({"results": [{"url": "https://a.example/p?key=)" + k
                      + R"(", "title": "key )" + k + R"(", "content": "your key is )" + k
                      + R"("}], "echo": ")" + k + R"("})",
                    "application/json");
  });
  server.start();
  test::TempDir dir;
  auto options = ws::fast_options();
  options.cache.emplace(dir.path() / "responses", std::chrono::hours(24));
  search::WebSearch web({ws::backend(ws::k_json_def, server.url(), key)}, options);
  const auto out = web.search_all(ws::queries({"a"}), 1);
  REQUIRE(out.size() == 1);
  REQUIRE(out[0].results.size() == 1);
  CHECK(out[0].results[0].url == "https://a.example/p?key=***");
  CHECK(out[0].results[0].title == "key ***");
  CHECK(out[0].results[0].snippet == "your key is ***");
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (e.is_regular_file()) {
      CHECK(test::slurp(e.path()).find(key) == std::string::npos);
    }
  }
}

TEST_CASE("search: a response slow to read holds up neither the other queries nor the deadline")
{
  // Regression: reading 8 MiB of nested result blocks blocked the transfer loop for 46 s, so
  // --timeout 10 ended after 47 s with the later queries lost.
  test::LoopbackServer server;
  std::string hostile = "<html><body>";
  while (hostile.size() < 8u * 1024 * 1024 - 64) {
    hostile += "<div class=\"hit\"><p>x</p>";
  }
  hostile += "</body></html>";
  server.http().Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_param_value("q") == "hostile") {
      res.set_content(hostile, "text/html");
      return;
    }
    res.set_content("<html><body><div class=\"hit\"><a href=\"https://a.example/"
                      + req.get_param_value("q") + "\">A</a></div></body></html>",
                    "text/html");
  });
  server.start();
  auto b = ws::backend(ws::k_html_def, server.url());
  b.def.politeness.concurrency = 1; // the others wait behind the hostile one in the lane
  auto options = ws::fast_options();
  options.engine.deadline = std::chrono::milliseconds(3000); // ends a hostile read under ASan
  search::WebSearch web({b}, options);
  const auto start = std::chrono::steady_clock::now();
  const auto out = web.search_all(ws::queries({"hostile", "a", "b", "c"}), 1);
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE(out.size() == 4);
  MESSAGE("hostile page: " << search::status_name(out[0].status) << " ("
                           << test::english(out[0].reason) << ")");
  CHECK(out[0].status != QueryStatus::ok); // no hit has a link: never results
  for (std::size_t i = 1; i < 4; ++i) {
    CAPTURE(i);
    CHECK(out[i].status == QueryStatus::ok);
    CHECK(out[i].results.size() == 1);
  }
  // A liveness bound, not a speed target: the run ends with the deadline, not minutes later.
  CHECK(took < std::chrono::seconds(30));
}

TEST_CASE("search: https:// on a plain-HTTP port is not reported as an untrusted certificate")
{
  // Regression: the reason read "TLS failure (certificate not trusted?)".
  test::LoopbackServer server;
  server.http().Get("/search", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{}", "application/json");
  });
  server.start();
  const std::string https = "https://127.0.0.1:" + std::to_string(server.port());
  search::WebSearch web({ws::backend(ws::k_json_def, https)}, ws::fast_options());
  const auto out = web.search_all(ws::queries({"a"}), 1);
  REQUIRE(out.size() == 1);
  CHECK(out[0].status == QueryStatus::error);
  CHECK(test::english(out[0].reason).find("does not speak TLS on this port") != std::string::npos);
  CHECK(test::english(out[0].reason).find("certificate") == std::string::npos);
}

TEST_CASE("search: a metasearch 'no results' after engines failed in the same run is not trusted")
{
  // Regression: searx suspends a failing engine and then skips it in silence: every later
  // query read `empty`, the silent zero the tool promises never to report.
  test::LoopbackServer server;
  std::atomic<int> calls{0};
  server.http().Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
    ++calls;
    if (req.get_param_value("q") == "first") {
      res.set_content(R"({"results": [], "unresponsive_engines": [["corpus", "HTTP error"]]})",
                      "application/json");
    } else {
      res.set_content(R"({"results": [], "unresponsive_engines": []})", "application/json");
    }
  });
  server.start();
  auto def = search::load_backend_def(test::source_dir() + "/rules/backends/searxng.json");
  REQUIRE(def.ok());
  search::BackendOpts opts;
  opts["searxng"]["base_url"] = server.url();
  auto b = search::resolve_backend(*def, {}, opts, [](const std::string&) { return std::nullopt; });
  b.def.politeness = {1, 0}; // "first" is answered before the others are asked
  test::TempDir dir;
  auto options = ws::fast_options();
  options.cache.emplace(dir.path() / "responses", std::chrono::hours(24));
  {
    search::WebSearch web({b}, options);
    const auto out = web.search_all(ws::queries({"first", "second", "third"}), 1);
    REQUIRE(out.size() == 3);
    CHECK(out[0].status == QueryStatus::error);
    for (std::size_t i = 1; i < 3; ++i) {
      CAPTURE(i);
      CHECK(out[i].status == QueryStatus::error);
      CHECK(test::english(out[i].reason).find("engines did not answer (corpus (HTTP error))")
            != std::string::npos);
      CHECK(test::english(out[i].reason).find("not a real 'no results'") != std::string::npos);
    }
  }
  // Nothing was cached: the next run asks again rather than replaying a doubtful "no results".
  CHECK_FALSE(std::filesystem::exists(dir.path() / "responses"));
  // Without a failure in the run, "no results" is believed, and cached.
  {
    search::WebSearch web({b}, options);
    const auto out = web.search_all(ws::queries({"second"}), 1);
    REQUIRE(out.size() == 1);
    CHECK(out[0].status == QueryStatus::empty);
  }
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path() / "responses")) {
    files += e.is_regular_file();
  }
  CHECK(files == 1);
}

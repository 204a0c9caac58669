// The loopback engines of the web search tests: two backend definitions (JSON and HTML), a
// server with one fault per path prefix, and quick engine options. Named ws:: in the tests.
#pragma once

#include "search/web_search.hpp"
#include "support/loopback.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace empreinte::test::web_search {

const char* const k_json_def = R"({
  "schema": "empreinte/backend/v1",
  "name": "loop",
  "description": "loopback JSON engine",
  "params": {
    "base_url": {"description": "server", "required": true},
    "api_key": {"description": "key", "secret": true}
  },
  "request": {
    "url": "{base_url}/search",
    "query": {"q": "{query}", "key": "{api_key}"},
    "headers": {"X-Key": "{api_key}"},
    "pagination": {"scheme": "page_number", "param": "p", "first": 1}
  },
  "politeness": {"concurrency": 4, "min_interval_ms": 0},
  "response": {
    "format": "json",
    "results": "/results",
    "fields": {"url": {"pointer": "/url"}, "title": {"pointer": "/title"}, "snippet": {"pointer": "/content"}}
  }
})";

const char* const k_html_def = R"({
  "schema": "empreinte/backend/v1",
  "name": "loophtml",
  "description": "loopback HTML engine",
  "params": {"base_url": {"description": "server", "required": true}},
  "request": {"url": "{base_url}/search", "query": {"q": "{query}"}},
  "politeness": {"concurrency": 4, "min_interval_ms": 0},
  "response": {
    "format": "html",
    "results": "div.hit",
    "fields": {"url": {"selector": "a", "attribute": "href"}, "title": {"selector": "a"}},
    "markers": [
      {"selector": "form#captcha", "status": "blocked", "reason": "captcha"},
      {"selector": "p.none", "status": "empty", "reason": "no results"}
    ]
  }
})";

inline search::ResolvedBackend
backend(const char* def_text, const std::string& base_url, const std::string& key = "")
{
  auto def = search::parse_backend_def(def_text, "test");
  REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().to_string()));
  search::SearchConfig config;
  search::BackendOpts opts;
  opts[def->name]["base_url"] = base_url;
  if (!key.empty()) {
    opts[def->name]["api_key"] = key;
  }
  auto r =
      search::resolve_backend(*def, config, opts, [](const std::string&) { return std::nullopt; });
  REQUIRE(r.usable());
  return r;
}

inline search::WebSearchOptions fast_options()
{
  search::WebSearchOptions o;
  o.engine.backoff_base = std::chrono::milliseconds(20);
  o.engine.request_timeout = std::chrono::milliseconds(3000);
  o.engine.connect_timeout = std::chrono::milliseconds(10000);
  o.engine.deadline = std::chrono::milliseconds(30000);
  o.engine.user_agent = "empreinte-test";
  return o;
}

inline std::vector<plan::Query> queries(std::initializer_list<const char*> texts)
{
  std::vector<plan::Query> out;
  for (const char* t : texts) {
    plan::Query q;
    q.id = "q" + std::to_string(out.size() + 1);
    q.text = t;
    out.push_back(q);
  }
  return out;
}

// Ten results per page for page 1 and 2, then the same ten again (an engine that repeats).
inline std::string page_json(const std::string& q, int page)
{
  std::string items;
  const int p = std::min(page, 2);
  for (int i = 1; i <= 10; ++i) {
    items += fmt::format(R"({}{{"url":"https://r.example/{}/{}/{}","title":"T{}","content":"S"}})",
                         items.empty() ? "" : ",",
                         q.size(),
                         p,
                         i,
                         i);
  }
  return R"({"results":[)" + items + "]}";
}

// A loopback engine with one scenario per path prefix, counting the requests of each.
struct FaultServer
{
  test::LoopbackServer server;
  std::mutex mutex;
  std::map<std::string, int> hits;
  std::vector<std::string> seen_keys; // X-Key headers received

  int count(const std::string& scenario)
  {
    std::lock_guard lock(mutex);
    return hits[scenario];
  }
  int bump(const std::string& scenario, const httplib::Request& req)
  {
    std::lock_guard lock(mutex);
    if (req.has_header("X-Key")) {
      seen_keys.push_back(req.get_header_value("X-Key"));
    }
    return ++hits[scenario];
  }

  FaultServer()
  {
    auto& s = server.http();
    s.Get("/ok/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("ok", req);
      const int page = req.has_param("p") ? std::stoi(req.get_param_value("p")) : 1;
      res.set_content(page_json(req.get_param_value("q"), page), "application/json");
    });
    s.Get("/retry429/search", [this](const httplib::Request& req, httplib::Response& res) {
      if (bump("retry429", req) == 1) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        return;
      }
      res.set_content(page_json("x", 1), "application/json");
    });
    s.Get("/always429/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("always429", req);
      res.status = 429;
      res.set_header("Retry-After", "3600"); // beyond the cap: give up at once
    });
    s.Get("/flaky500/search", [this](const httplib::Request& req, httplib::Response& res) {
      if (bump("flaky500", req) == 1) {
        res.status = 500;
        return;
      }
      res.set_content(page_json("x", 1), "application/json");
    });
    s.Get("/down503/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("down503", req);
      res.status = 503;
    });
    s.Get("/slow/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("slow", req);
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      res.set_content(page_json("x", 1), "application/json");
    });
    s.Get("/truncated/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("truncated", req);
      res.set_content_provider(
          1000, "application/json", [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset == 0) {
              sink.write("{\"results\": [", 13);
              return true;
            }
            return false; // the connection ends after 13 of 1000 bytes
          });
    });
    s.Get("/badjson/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("badjson", req);
      res.set_content("{\"results\": [{\"url\": ", "application/json");
    });
    s.Get("/nomarkup/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("nomarkup", req);
      res.set_content(
          "<html><head><title>New look</title></head><body><main>Hello</main></body></html>",
          "text/html");
    });
    s.Get("/captcha/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("captcha", req);
      res.set_content("<html><body><form id=\"captcha\"></form></body></html>", "text/html");
    });
    s.Get("/htmlok/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("htmlok", req);
      res.set_content(
          "<html><body><div class=\"hit\"><a href=\"/page/1\">One &amp; only</a></div>"
          "<div class=\"hit\"><a href=\"https://b.example/\">Two</a></div></body></html>",
          "text/html");
    });
    s.Get("/htmlempty/search", [this](const httplib::Request& req, httplib::Response& res) {
      bump("htmlempty", req);
      res.set_content("<html><body><p class=\"none\">Nothing</p></body></html>", "text/html");
    });
    server.start();
  }

  std::string url(const std::string& scenario) const { return server.url() + "/" + scenario; }
};

} // namespace empreinte::test::web_search

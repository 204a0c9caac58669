// End to end: with no backend chosen, the audit spreads its queries over the engines that need
// no key, and a query one of them blocks or rate-limits goes to the next; the report says which
// engine answered each query. Loopback engines: one blocks, one rate-limits, one answers.
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace empreinte;
using json = nlohmann::json;

namespace {

struct Engines
{
  test::LoopbackServer server;
  std::atomic<int> duckduckgo{0};
  std::atomic<int> mojeek{0};
  std::atomic<int> startpage{0};
  test::TempDir dir;

  // Behaviours: "block" (a captcha page), "limit" (429 for an hour), "answer" (results).
  Engines(const std::string& ddg, const std::string& moj, const std::string& sp)
  {
    auto serve = [](const std::string& how, httplib::Response& res) {
      if (how == "block") {
        res.set_content("<html><body><form id=\"challenge-form\"></form><div id=\"captcha\">"
                        "</div><p>anomaly-modal</p></body></html>",
                        "text/html");
      } else if (how == "limit") {
        res.status = 429;
        res.set_header("Retry-After", "3600");
      } else {
        res.set_content(test::search_fixture("startpage/html_query-javascript-tutorial_a.html"),
                        "text/html");
      }
    };
    auto& s = server.http();
    s.Get("/duckduckgo", [this, ddg, serve](const httplib::Request&, httplib::Response& res) {
      ++duckduckgo;
      serve(ddg, res);
    });
    s.Get("/mojeek", [this, moj, serve](const httplib::Request&, httplib::Response& res) {
      ++mojeek;
      serve(moj, res);
    });
    s.Get("/startpage", [this, sp, serve](const httplib::Request&, httplib::Response& res) {
      ++startpage;
      serve(sp, res);
    });
    server.start();
    // Every engine reads the answer as Startpage's page (the fixture), captcha markers kept.
    for (const std::string name : {"duckduckgo", "mojeek", "startpage"}) {
      json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/startpage.json"));
      def["name"] = name;
      def["request"]["url"] = server.url() + "/" + name;
      // A block is seen before the engine's next request would start.
      def["politeness"] = {{"concurrency", 1}, {"min_interval_ms", name == "startpage" ? 0 : 400}};
      def["response"]["markers"].push_back(
          {{"selector", "form#challenge-form"}, {"status", "blocked"}, {"reason", "a captcha"}});
      dir.write("backends/" + name + ".json", def.dump(2));
    }
  }

  test::ProcessResult audit(const std::vector<std::string>& extra = {}) const
  {
    std::vector<std::string> args{"audit",           "--first", "Camille", "--last",
                                  "Martin",          "--max-queries", "6", "--backends-dir",
                                  (dir.path() / "backends").string(), "--no-cache"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_empreinte(args);
  }
};

} // namespace

TEST_CASE("keyless default: a query blocked or rate-limited goes to the next engine")
{
  Engines e("block", "limit", "answer");
  const auto r = e.audit({"--format", "json", "--quiet"});
  INFO(r.err);
  CHECK(r.exit_code == 0); // every query was answered in the end
  const json report = json::parse(r.out);
  CHECK(test::schema_violations(r.out).empty());
  CHECK(report["complete"] == true);
  REQUIRE(report["queries"].size() == 6); // one entry per query, not per engine
  std::set<std::string> ids;
  std::set<std::string> refused; // engines that failed a query before startpage answered it
  for (const auto& q : report["queries"]) {
    INFO(q.dump());
    ids.insert(q["id"].get<std::string>());
    CHECK(q["backend"] == "startpage");
    CHECK(q["status"] == "ok");
    CHECK(q["results"] == 10);
    if (q.contains("tried")) {
      for (const auto& a : q["tried"]) {
        CHECK((a["backend"] == "duckduckgo" || a["backend"] == "mojeek"));
        CHECK((a["status"] == "blocked" || a["status"] == "rate_limited"));
        refused.insert(a["backend"].get<std::string>());
      }
    }
  }
  CHECK(ids.size() == 6);
  // q1 began on duckduckgo, q2 on mojeek (whichever refused first is skipped by the others).
  CHECK(refused == std::set<std::string>{"duckduckgo", "mojeek"});
  // Once an engine blocked or rate-limited, it got (almost) no more requests: politeness.
  CHECK(e.duckduckgo <= 2);
  CHECK(e.mojeek <= 2);
  CHECK(e.startpage == 7); // six queries, the first name search reading two result pages
  std::map<std::string, json> health;
  for (const auto& b : report["backends"]) {
    health[b["name"]] = b;
  }
  CHECK(health["duckduckgo"]["statuses"]["blocked"].get<int>() >= 1);
  CHECK(health["mojeek"]["statuses"]["rate_limited"].get<int>() >= 1);
  CHECK(health["startpage"]["statuses"]["ok"] == 6);

  const auto text = e.audit({"--quiet"});
  CHECK(text.out.find("tried duckduckgo (blocked), ") != std::string::npos);
  CHECK(text.out.find("mojeek (rate-limited), then startpage") != std::string::npos);
  CHECK(text.out.find("[startpage]") == std::string::npos); // one engine answered them all
  const auto md = e.audit({"--quiet", "--format", "md", "--lang", "fr"});
  CHECK(md.out.find("essayé duckduckgo (bloqué), ") != std::string::npos);
  CHECK(md.out.find("débit limité), puis startpage") != std::string::npos);
}

TEST_CASE("keyless default: queries are spread over the engines that answer")
{
  Engines e("answer", "answer", "answer");
  const auto r = e.audit({"--format", "json", "--quiet"});
  CHECK(r.exit_code == 0);
  const json report = json::parse(r.out);
  std::map<std::string, int> by;
  for (const auto& q : report["queries"]) {
    ++by[q["backend"].get<std::string>()];
    CHECK_FALSE(q.contains("tried"));
  }
  CHECK(by["duckduckgo"] == 2);
  CHECK(by["mojeek"] == 2);
  CHECK(by["startpage"] == 2);
  // Each query asked once, not three times (the first name search reads two result pages).
  CHECK(e.duckduckgo + e.mojeek + e.startpage == 7);
  const auto text = e.audit({"--quiet"});
  CHECK(text.out.find("[mojeek]") != std::string::npos);
}

TEST_CASE("keyless default: when every engine refuses, the audit is incomplete and says so")
{
  Engines e("block", "limit", "block");
  const auto r = e.audit({"--format", "json", "--quiet"});
  CHECK(r.exit_code == 3);
  const json report = json::parse(r.out);
  CHECK(test::schema_violations(r.out).empty());
  CHECK(report["complete"] == false);
  for (const auto& q : report["queries"]) {
    INFO(q.dump());
    CHECK((q["status"] == "blocked" || q["status"] == "rate_limited"));
    CHECK_FALSE(q["error"].is_null());
  }
  // Choosing an engine turns the rotation off: every query goes to it.
  Engines one("answer", "limit", "block");
  const auto chosen = one.audit({"--backend", "duckduckgo", "--format", "json", "--quiet"});
  CHECK(chosen.exit_code == 0);
  CHECK(one.mojeek == 0);
  CHECK(one.duckduckgo == 7); // the first name search reads two result pages
}

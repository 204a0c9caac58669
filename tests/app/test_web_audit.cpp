// End to end: the real binary audits through every shipped web backend, whose definitions are
// pointed at a loopback server replaying recorded responses (the user override folder, as a
// user would); faults give exit code 3 and plain advice; secrets never leak.
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace empreinte;
using json = nlohmann::json;

namespace {

// The shipped definition of `name`, its URL moved to `url`, written as the user's override.
void override_definition(const test::TempDir& dir, const std::string& name, const std::string& url)
{
  json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/" + name + ".json"));
  def["request"]["url"] = url;
  def["politeness"] = {{"concurrency", 2}, {"min_interval_ms", 0}};
  dir.write("backends/" + name + ".json", def.dump(2));
}

struct Replay
{
  test::LoopbackServer server;
  Replay()
  {
    auto& s = server.http();
    s.Post("/html/", [](const httplib::Request& req, httplib::Response& res) {
      // Page 2 is asked with the hidden inputs of page 1's "Next" form (s=10, vqd=...).
      const bool next = req.body.find("vqd=") != std::string::npos;
      res.set_content(test::search_fixture(next ? "duckduckgo/html_eino_no-more-results.html"
                                                : "duckduckgo/html_eino_query-eino_10results.html"),
                      "text/html");
    });
    s.Get("/searxng/search", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(test::search_fixture("searxng/searxng_owui_query-python_30results.json"),
                      "application/json");
    });
    s.Get("/brave", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("X-Subscription-Token") != "brave-secret-token-123") {
        res.status = 422;
        res.set_content(
            R"({"type":"ErrorResponse","error":{"code":"SUBSCRIPTION_TOKEN_INVALID","detail":"bad"}})",
            "application/json");
        return;
      }
      res.set_content(test::search_fixture("brave/web_query-hello-world_20results.json"),
                      "application/json");
    });
    s.Get("/cse", [](const httplib::Request& req, httplib::Response& res) {
      // Google's error bodies can quote the request; the key must still never reach the report.
      if (req.get_param_value("key") != "cse-secret-key-456") {
        res.status = 400;
        res.set_content(R"({"error":{"code":400,"message":"API key not valid: )" +
                            req.get_param_value("key") + R"("}})",
                        "application/json");
        return;
      }
      res.set_content(test::search_fixture("google_cse/cse_owui_query.json"), "application/json");
    });
    s.Get("/mojeek", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(test::search_fixture("mojeek/html_query-javascript-tutorial_10results.html"),
                      "text/html");
    });
    s.Get("/startpage", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(test::search_fixture("startpage/html_query-javascript-tutorial_a.html"),
                      "text/html");
    });
    s.Get("/blocked", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("<html><body><form id=\"challenge-form\"></form></body></html>", "text/html");
    });
    server.start();
  }
};

json run_audit(const test::TempDir& dir,
               const std::vector<std::string>& extra,
               const std::map<std::string, std::string>& env,
               int expected_exit,
               std::string* err = nullptr)
{
  std::vector<std::string> args{"audit",
                                "--first",
                                "Camille",
                                "--last",
                                "Martin",
                                "--max-queries",
                                "2",
                                "--backends-dir",
                                (dir.path() / "backends").string(),
                                "--format",
                                "json",
                                "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = test::run_empreinte(args, env);
  INFO(r.err);
  CHECK(r.exit_code == expected_exit);
  if (err) {
    *err = r.out + r.err;
  }
  const json report = json::parse(r.out, nullptr, false);
  REQUIRE(!report.is_discarded());
  CHECK(test::schema_violations(r.out).empty());
  return report;
}

} // namespace

TEST_CASE("web audit: every shipped backend, replayed on loopback through the real engine")
{
  Replay replay;
  test::TempDir dir;
  const std::string base = replay.server.url();
  override_definition(dir, "duckduckgo", base + "/html/");
  override_definition(dir, "searxng", "{base_url}/search");
  override_definition(dir, "brave", base + "/brave");
  override_definition(dir, "google-cse", base + "/cse");
  override_definition(dir, "mojeek", base + "/mojeek");
  override_definition(dir, "startpage", base + "/startpage");
  const std::map<std::string, std::string> env{{"BRAVE_API_KEY", "brave-secret-token-123"},
                                               {"GOOGLE_CSE_KEY", "cse-secret-key-456"},
                                               {"GOOGLE_CSE_CX", "cx-1"}};
  std::string output;
  const json report = run_audit(dir,
                                {"--backend",
                                 "duckduckgo",
                                 "--backend",
                                 "searxng",
                                 "--backend",
                                 "brave",
                                 "--backend",
                                 "google-cse",
                                 "--backend",
                                 "mojeek",
                                 "--backend",
                                 "startpage",
                                 "--backend-opt",
                                 "searxng.base_url=" + base + "/searxng",
                                 "--pages",
                                 "2"},
                                env,
                                0,
                                &output);
  CHECK(report["complete"] == true);
  REQUIRE(report["backends"].size() == 6);
  for (const auto& b : report["backends"]) {
    INFO(b.dump());
    CHECK(b["queries"] == 2);
    CHECK(b["statuses"]["ok"] == 2);
    CHECK(b["advice"].is_null());
  }
  std::map<std::string, std::size_t> results;
  for (const auto& q : report["queries"]) {
    CHECK(q["status"] == "ok");
    results[q["backend"]] = q["results"].get<std::size_t>();
  }
  CHECK(results["duckduckgo"] == 10); // page 2 said "No more results."
  CHECK(results["searxng"] == 30);
  CHECK(results["brave"] == 20);
  CHECK(results["google-cse"] == 10);
  CHECK(results["mojeek"] == 10);
  CHECK(results["startpage"] == 10);
  // A page found by several engines lists each of them.
  bool shared = false;
  for (const auto& t : report["traces"]) {
    std::set<std::string> backends;
    for (const auto& s : t["found_by"]) {
      backends.insert(s["backend"].get<std::string>());
    }
    shared = shared || backends.size() >= 2;
  }
  CHECK(shared);
  CHECK(output.find("brave-secret-token-123") == std::string::npos);
  CHECK(output.find("cse-secret-key-456") == std::string::npos);
}

TEST_CASE("web audit: failures give exit code 3, statuses and advice, secrets stay out")
{
  Replay replay;
  test::TempDir dir;
  const std::string base = replay.server.url();
  override_definition(dir, "duckduckgo", base + "/blocked");
  override_definition(dir, "google-cse", base + "/cse");
  const std::map<std::string, std::string> env{{"GOOGLE_CSE_KEY", "wrong-secret-key-789"},
                                               {"GOOGLE_CSE_CX", "cx"}};
  std::string output;
  {
    // The loopback captcha page answers GET.
    json def = json::parse(test::slurp(dir.path() / "backends/duckduckgo.json"));
    def["request"]["method"] = "GET";
    def["request"].erase("form");
    def["request"]["query"] = {{"q", "{query}"}};
    dir.write("backends/duckduckgo.json", def.dump());
  }
  const json report =
      run_audit(dir, {"--backend", "duckduckgo", "--backend", "google-cse"}, env, 3, &output);
  CHECK(report["complete"] == false);
  for (const auto& q : report["queries"]) {
    if (q["backend"] == "duckduckgo") {
      CHECK(q["status"] == "blocked");
    } else {
      CHECK(q["status"] == "error");
      CHECK(q["error"].get<std::string>().find("***") != std::string::npos);
    }
  }
  CHECK(report["backends"][0]["advice"].get<std::string>().find("retry later") !=
        std::string::npos);
  CHECK(output.find("wrong-secret-key-789") == std::string::npos);

  // The terminal summary says what to do. DuckDuckGo alone: with two engines, a query whose
  // first engine fails moves to the other unless it is already down, so how many queries each
  // one saw depends on which answered first.
  const auto text = test::run_empreinte({"audit",
                                         "--first",
                                         "Camille",
                                         "--last",
                                         "Martin",
                                         "--max-queries",
                                         "2",
                                         "--backend",
                                         "duckduckgo",
                                         "--backends-dir",
                                         (dir.path() / "backends").string(),
                                         "--no-cache"},
                                        env);
  CHECK(text.exit_code == 3);
  CHECK(text.out.find(
            "duckduckgo blocked 2 of 2 queries: retry later, or configure searxng or brave") !=
        std::string::npos);
  for (const char* format : {"md", "html"}) {
    CAPTURE(format);
    const auto other = test::run_empreinte({"audit",
                                            "--first",
                                            "Camille",
                                            "--last",
                                            "Martin",
                                            "--max-queries",
                                            "2",
                                            "--backend",
                                            "duckduckgo",
                                            "--backends-dir",
                                            (dir.path() / "backends").string(),
                                            "--format",
                                            format,
                                            "--lang",
                                            "fr"},
                                           env);
    CHECK(other.exit_code == 3);
    CHECK(other.out.find("duckduckgo a bloqué 2 requêtes sur 2 : réessayez plus tard") !=
          std::string::npos);
  }
}

TEST_CASE("web audit: backends check sends one live query per backend and prints its status")
{
  Replay replay;
  test::TempDir dir;
  override_definition(dir, "duckduckgo", replay.server.url() + "/html/");
  override_definition(dir, "mojeek", replay.server.url() + "/mojeek");
  const std::string backends = (dir.path() / "backends").string();
  auto r = test::run_empreinte({"backends",
                                "check",
                                "duckduckgo",
                                "mojeek",
                                "--backends-dir",
                                backends,
                                "--format",
                                "json"});
  CHECK(r.exit_code == 0);
  const json list = json::parse(r.out);
  REQUIRE(list.size() == 2);
  CHECK(list[0]["name"] == "duckduckgo");
  CHECK(list[0]["status"] == "ok");
  CHECK(list[0]["results"] == 10);
  CHECK(list[1]["status"] == "ok");

  override_definition(dir, "mojeek", replay.server.url() + "/blocked");
  r = test::run_empreinte({"backends", "check", "mojeek", "--backends-dir", backends});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("layout_changed") != std::string::npos); // a GET on a page that is not Mojeek's
}

TEST_CASE("web audit: the config file chooses backends and sets their parameters")
{
  Replay replay;
  test::TempDir dir;
  dir.write("config/empreinte/config.json",
            R"({"schema": "empreinte/config/v1", "default_backends": ["searxng"],
                "backends": {"searxng": {"base_url": ")" +
                replay.server.url() + R"(/searxng/"}}})");
  const auto r = test::run_empreinte({"audit",
                                      "--first",
                                      "Camille",
                                      "--last",
                                      "Martin",
                                      "--max-queries",
                                      "1",
                                      "--format",
                                      "json",
                                      "--quiet"},
                                     {{"XDG_CONFIG_HOME", (dir.path() / "config").string()}});
  CHECK(r.exit_code == 0);
  const json report = json::parse(r.out);
  REQUIRE(report["backends"].size() == 1);
  CHECK(report["backends"][0]["name"] == "searxng");
  CHECK(report["queries"][0]["results"] == 30);
  // --backend-opt wins over the config file.
  const auto over = test::run_empreinte({"audit",
                                         "--first",
                                         "Camille",
                                         "--last",
                                         "Martin",
                                         "--max-queries",
                                         "1",
                                         "--backend-opt",
                                         "searxng.base_url=http://127.0.0.1:9",
                                         "--format",
                                         "json",
                                         "--quiet",
                                         "--no-cache",
                                         "--timeout",
                                         "20"},
                                        {{"XDG_CONFIG_HOME", (dir.path() / "config").string()}});
  CHECK(over.exit_code == 3);
  CHECK(json::parse(over.out)["queries"][0]["error"].get<std::string>().find("could not connect") !=
        std::string::npos);
}

TEST_CASE("web audit: --proxy sends the requests through the proxy")
{
  Replay replay;
  test::TempDir dir;
  override_definition(dir, "mojeek", replay.server.url() + "/mojeek");
  // Port 9 is closed: going through the proxy fails, so the query fails (NO_PROXY emptied,
  // else the tests' own NO_PROXY=127.0.0.1 would bypass it).
  const auto r = test::run_empreinte({"audit",
                                      "--first",
                                      "Camille",
                                      "--last",
                                      "Martin",
                                      "--max-queries",
                                      "1",
                                      "--backend",
                                      "mojeek",
                                      "--backends-dir",
                                      (dir.path() / "backends").string(),
                                      "--proxy",
                                      "http://127.0.0.1:9",
                                      "--format",
                                      "json",
                                      "--quiet"},
                                     {{"NO_PROXY", ""}, {"ALL_PROXY", ""}});
  CHECK(r.exit_code == 3);
  CHECK(json::parse(r.out)["queries"][0]["status"] == "error");
  const auto direct = test::run_empreinte({"audit",
                                           "--first",
                                           "Camille",
                                           "--last",
                                           "Martin",
                                           "--max-queries",
                                           "1",
                                           "--backend",
                                           "mojeek",
                                           "--backends-dir",
                                           (dir.path() / "backends").string(),
                                           "--format",
                                           "json",
                                           "--quiet"});
  CHECK(direct.exit_code == 0);
}

TEST_CASE("web audit: --read-pages reads the result pages and judges them on their text")
{
  test::LoopbackServer site;
  auto& s = site.http();
  const std::string base = site.url();
  s.Get("/searxng/search", [base](const httplib::Request&, httplib::Response& res) {
    json results = json::array();
    for (const char* path : {"/team", "/private/cv", "/check", "/cv.pdf"}) {
      results.push_back({{"url", base + path},
                         {"title", std::string("Camille Martin ") + path},
                         {"content", "Camille Martin"}});
    }
    res.set_content(json{{"query", "x"}, {"results", results}, {"unresponsive_engines", json::array()}}.dump(),
                    "application/json");
  });
  s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  s.Get("/team", [](const httplib::Request&, httplib::Response& res) {
    // The job and employer are only in the page body, as on many real team pages.
    res.set_content(R"(<html lang="fr"><head><title>L'équipe</title></head><body>
      <ul><li>Camille Martin, architecte chez Atelier Roux, camille.martin75@example.org</li>
      <li>Paul Durand, paul.durand@example.org</li></ul></body></html>)",
                    "text/html");
  });
  s.Get("/check", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><title>Just a moment...</title></head></html>", "text/html");
  });
  s.Get("/cv.pdf", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("%PDF-1.4", "application/pdf");
  });
  site.start();
  test::TempDir dir;
  override_definition(dir, "searxng", base + "/searxng/search");
  auto audit = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"audit", "--first", "Camille", "--last", "Martin",
                                  "--job", "architecte", "--employer", "Atelier Roux",
                                  "--email", "camille.martin75@example.org", "--max-queries", "1",
                                  "--backend", "searxng", "--backend-opt",
                                  "searxng.base_url=" + base, "--backends-dir",
                                  (dir.path() / "backends").string(), "--format", "json",
                                  "--quiet", "--no-cache"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = test::run_empreinte(args, {{"XDG_CACHE_HOME", (dir.path() / "cache").string()}});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(test::schema_violations(r.out).empty());
    return json::parse(r.out);
  };
  std::map<std::string, json> by_path;
  const json read_report = audit({});
  for (const auto& t : read_report["traces"]) {
    by_path[t["url"].get<std::string>().substr(base.size())] = t;
  }
  REQUIRE(by_path.size() == 4);
  CHECK(by_path["/team"]["page"]["status"] == "read");
  CHECK(by_path["/team"]["page"]["lang"] == "fr");
  CHECK(by_path["/team"]["job_link"] == true); // only the page says so
  bool quoted = false;
  for (const auto& e : by_path["/team"]["evidence_details"]) {
    quoted = quoted || (e.value("where", "") == "page" && !e.value("quote", "").empty());
  }
  CHECK(quoted);
  // A colleague's e-mail beside hers is not her data.
  for (const auto& item : by_path["/team"]["sensitive"]) {
    CHECK(item["text"] != "paul.durand@example.org");
  }
  CHECK(by_path["/private/cv"]["page"]["status"] == "robots");
  CHECK(by_path["/check"]["page"]["status"] == "blocked");
  CHECK(by_path["/cv.pdf"]["page"]["status"] == "not_html");
  // --read-pages 0: nothing is read, the verdicts come from the snippets.
  const json snippets_only = audit({"--read-pages", "0"});
  for (const auto& t : snippets_only["traces"]) {
    CHECK(t["page"]["status"] == "not_read");
    CHECK(t["job_link"] == false);
  }
}

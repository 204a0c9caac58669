// End to end: the commands around web searching that send no search: configuration errors
// (exit 2, a clear message), `backends` and `parse` on saved pages, `cache clear`.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

using namespace empreinte;
using json = nlohmann::json;

TEST_CASE("web audit: configuration errors are clear and exit 2")
{
  test::TempDir dir;
  dir.write("backends/.keep", "");
  SUBCASE("a backend that needs a key says how to set it")
  {
    const auto r =
        test::run_empreinte({"audit", "--first", "A", "--last", "B", "--backend", "brave"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("BRAVE_API_KEY") != std::string::npos);
  }
  SUBCASE("an unknown backend lists the known ones")
  {
    const auto r =
        test::run_empreinte({"audit", "--first", "A", "--last", "B", "--backend", "bing"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown backend \"bing\"") != std::string::npos);
    CHECK(r.err.find("duckduckgo") != std::string::npos);
  }
  SUBCASE("a malformed --backend-opt never echoes its value")
  {
    const auto r = test::run_empreinte(
        {"audit", "--first", "A", "--last", "B", "--backend-opt", "brave=topsecret"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("topsecret") == std::string::npos);
  }
  SUBCASE("a definition with an unknown key names the file and the JSON path")
  {
    dir.write("backends/mine.json",
              R"({"schema": "empreinte/backend/v1", "name": "mine", "description": "d",
      "request": {"url": "http://127.0.0.1:9/", "pagnation": {}}, "response": {"format": "json", "results": "/r",
      "fields": {"url": {"pointer": "/u"}, "title": {"pointer": "/t"}}}})");
    const auto r =
        test::run_empreinte({"backends", "--backends-dir", (dir.path() / "backends").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("mine.json") != std::string::npos);
    CHECK(r.err.find("/request/pagnation") != std::string::npos);
  }
  SUBCASE("a config file with an unknown key")
  {
    const auto cfg =
        dir.write("config.json", R"({"schema": "empreinte/config/v1", "backend": ["x"]})");
    const auto r = test::run_empreinte({"backends", "--config", cfg.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown key \"backend\"") != std::string::npos);
  }
}

TEST_CASE("web audit: backends lists definitions and usability, parse reads a saved page")
{
  const auto list =
      test::run_empreinte({"backends", "--format", "json"}, {{"BRAVE_API_KEY", "k-secret-000"}});
  REQUIRE(list.exit_code == 0);
  const json l = json::parse(list.out);
  std::map<std::string, json> by;
  for (const auto& b : l) {
    by[b["name"]] = b;
  }
  CHECK(by.count("duckduckgo"));
  CHECK(by["duckduckgo"]["usable"] == true);
  CHECK(by["brave"]["usable"] == true);
  CHECK(by["brave"]["params"]["api_key"]["from"] == "BRAVE_API_KEY");
  CHECK(by["searxng"]["usable"] == false);
  CHECK(by["google-cse"]["notes"].dump().find("2027-01-01") != std::string::npos);
  CHECK(list.out.find("k-secret-000") == std::string::npos);
  const auto text = test::run_empreinte({"backends"});
  CHECK(text.out.find("2027-01-01") != std::string::npos);

  const auto parsed = test::run_empreinte(
      {"parse",
       "--backend",
       "duckduckgo",
       std::string(EMPREINTE_TEST_DIR) +
           "/fixtures/search/duckduckgo/html_kul_query-cgb-awxp-eur-1_uddg-redirects.html",
       "--format",
       "json"});
  CHECK(parsed.exit_code == 0);
  const json p = json::parse(parsed.out);
  CHECK(p["backend"] == "duckduckgo");
  CHECK(p["status"] == "ok");
  CHECK(p["results"].size() == 14);
  CHECK(p["results"][0]["url"] == "https://vgdb.uk/mario-golf/game/48484");
  CHECK(p["results"][0]["rank"] == 1);

  const auto blocked = test::run_empreinte(
      {"parse",
       "--backend",
       "searxng",
       std::string(EMPREINTE_TEST_DIR) +
           "/fixtures/search/searxng/html_searx-be_bot-verification-page.html"});
  CHECK(blocked.exit_code == 3);
  CHECK(blocked.out.find("searxng: blocked") != std::string::npos);
}

TEST_CASE("web audit: cache clear empties the cache")
{
  test::TempDir cache;
  cache.write("empreinte/responses/abc.json", "{}");
  const auto r =
      test::run_empreinte({"cache", "clear"}, {{"XDG_CACHE_HOME", cache.path().string()}});
  CHECK(r.exit_code == 0);
  CHECK(!std::filesystem::exists(cache.path() / "empreinte" / "responses"));
}

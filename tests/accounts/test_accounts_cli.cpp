// End to end: the real binary checks accounts on loopback sites that imitate the shipped
// rules (through the test-only EMPREINTE_TEST_ACCOUNTS_CONNECT), prints text and JSON that
// validate, self-checks, and `audit --accounts` turns the accounts found into traces.
#include "accounts/sites.hpp"
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/site_imitator.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace empreinte;
using json = nlohmann::json;

namespace {

// Imitates the shipped sites: "knownname" and each site's `known` name have accounts. The
// profile page of knownname on GitHub names Camille Martin.
struct ImitatedSites
{
  accounts::SiteList list;
  test::LoopbackServer server;
  std::unique_ptr<test::SiteImitator> imitator;

  // `failing_host` answers every request with a bot-challenge page (a site that cannot answer;
  // a 403, so that no retry slows the test).
  explicit ImitatedSites(std::string failing_host = {})
  {
    auto loaded = accounts::load_sites(test::source_dir() + "/rules/accounts.json");
    REQUIRE(loaded);
    list = std::move(*loaded);
    std::set<std::string> existing = {"knownname"};
    for (const auto& s : list.sites) {
      existing.insert(s.known);
    }
    imitator = std::make_unique<test::SiteImitator>(list, existing);
    server.http().new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.http().Get(".*", [this, failing_host](const httplib::Request& req, httplib::Response& res) {
      if (!failing_host.empty() && req.get_header_value("Host") == failing_host) {
        res.status = 403;
        res.set_content("<html><head><title>Just a moment...</title></head><body></body></html>",
                        "text/html");
      } else if (req.path == "/robots.txt") {
        res.status = 404;
      } else if (req.get_header_value("Host") == "github.com" && req.path == "/knownname") {
        res.set_content("<html><head><title>knownname</title></head><body><h1>Camille "
                        "Martin</h1><p>Architect, Lyon</p></body></html>",
                        "text/html");
      } else if (!imitator->answer(req, res)) {
        res.status = 500;
      }
    });
    server.start();
  }

  std::map<std::string, std::string> env() const
  {
    return {{"EMPREINTE_TEST_ACCOUNTS_CONNECT", "127.0.0.1:" + std::to_string(server.port())}};
  }
};

// A mojeek backend answering every query with a recorded page, from a loopback server: the
// searches of `audit --accounts` without the internet. Its definition is in dir/backends.
struct RecordedMojeek
{
  test::LoopbackServer server;
  test::TempDir dir;

  RecordedMojeek()
  {
    server.http().Get("/mojeek", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(test::slurp(std::string(EMPREINTE_TEST_DIR)
                                  + "/fixtures/search/mojeek/html_query-javascript-tutorial_10results.html"),
                      "text/html");
    });
    server.start();
    json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/mojeek.json"));
    def["request"]["url"] = server.url() + "/mojeek";
    def["politeness"] = {{"concurrency", 2}, {"min_interval_ms", 0}};
    dir.write("backends/mojeek.json", def.dump(2));
  }
};

// Validates `text` against $defs/accounts of the report schema.
std::string accounts_schema_violations(const std::string& text)
{
  test::TempDir dir;
  const auto file = dir.write("accounts.json", text);
  const auto r = test::run_process(
    {"/usr/bin/python3", "-c",
     "import json, sys, jsonschema\n"
     "s = json.load(open(sys.argv[1]))\n"
     "d = json.load(open(sys.argv[2]))\n"
     "v = jsonschema.Draft202012Validator({'$defs': s['$defs'], '$ref': '#/$defs/accounts'})\n"
     "errors = [e.message for e in v.iter_errors(d)]\n"
     "print('\\n'.join(errors))\n"
     "sys.exit(1 if errors else 0)\n",
     test::source_dir() + "/reports/report.schema.json", file.string()},
    {{"PYTHONNOUSERSITE", "1"}});
  return r.exit_code == 0 ? std::string() : r.out + r.err;
}

} // namespace

TEST_CASE("accounts cli: found and not found, text and JSON, profile evidence")
{
  ImitatedSites sites;
  const std::vector<std::string> base = {"accounts", "--first", "Camille", "--last", "Martin",
                                         "--location", "Lyon", "--pseudonym", "knownname",
                                         "--sites", "github,gitlab,hashnode", "--host-interval",
                                         "0"};
  auto args = base;
  args.insert(args.end(), {"--format", "json", "--quiet"});
  const auto r = test::run_empreinte(args, sites.env());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const json j = json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["schema"] == "empreinte/accounts-report/v1");
  CHECK(accounts_schema_violations(r.out).empty());
  CHECK(j["counts"]["found"] == 3);
  REQUIRE(j["checks"].size() == 3);
  CHECK(j["checks"][0]["site"] == "github");
  CHECK(j["checks"][0]["url"] == "https://github.com/knownname");
  CHECK(j["checks"][0]["control"]["status"] == "not_found");
  CHECK(j["checks"][0]["profile"]["ties_name"] == true);
  CHECK(j["checks"][0]["profile"]["city"] == "Lyon");
  CHECK(j["checks"][1]["profile"]["ties_name"] == false);

  const auto text = test::run_empreinte(base, sites.env());
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("TIES THE PSEUDONYM TO YOU") != std::string::npos);
  CHECK(text.out.find("knownname on GitHub: https://github.com/knownname") != std::string::npos);

  SUBCASE("a cached re-run sends nothing")
  {
    const auto again = test::run_empreinte(args, sites.env());
    const json k = json::parse(again.out, nullptr, false);
    REQUIRE(k.is_object());
    CHECK(k["requests_sent"] == 0);
    CHECK(k["counts"] == j["counts"]);
  }
  SUBCASE("an unknown site id is a usage error with a suggestion")
  {
    const auto bad = test::run_empreinte({"accounts", "--pseudonym", "x", "--sites", "githu"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("did you mean: github") != std::string::npos);
  }
  SUBCASE("no pseudonym is a usage error")
  {
    const auto none = test::run_empreinte({"accounts", "--first", "A", "--last", "B"});
    CHECK(none.exit_code == 2);
  }
}

TEST_CASE("accounts cli: --lang fr writes the text in French, the JSON reasons stay English")
{
  ImitatedSites sites("codeberg.org");
  const std::vector<std::string> base = {"accounts", "--first", "Camille", "--last", "Martin",
                                         "--location", "Lyon", "--pseudonym", "knownname",
                                         "--sites", "github,gitlab,codeberg", "--host-interval",
                                         "0", "--quiet"};
  auto french = base;
  french.insert(french.end(), {"--lang", "fr"});
  const auto fr = test::run_empreinte(french, sites.env());
  INFO(fr.err);
  CHECK(fr.exit_code == 3); // codeberg could not answer
  CHECK(fr.out.find("Comptes de knownname sur 3 sites") != std::string::npos);
  CHECK(fr.out.find("Trouvés (2) :") != std::string::npos);
  CHECK(fr.out.find("knownname sur GitHub : https://github.com/knownname") != std::string::npos);
  CHECK(fr.out.find("RELIE LE PSEUDONYME À VOUS") != std::string::npos);
  CHECK(fr.out.find("Sans réponse (1)") != std::string::npos);
  CHECK(fr.out.find("a répondu à la place du profil") != std::string::npos);
  CHECK(fr.out.find("requêtes envoyées") != std::string::npos);
  // No English sentence of the check is left in the French text.
  for (const char* english : {"the profile", "the page", "the site", "Found (", "requests sent"}) {
    CAPTURE(english);
    CHECK(fr.out.find(english) == std::string::npos);
  }
  // Without --lang, the locale decides.
  auto env = sites.env();
  env["LANG"] = "fr_FR.UTF-8";
  CHECK(test::run_empreinte(base, env).out.find("Trouvés (2) :") != std::string::npos);
  env["LANG"] = "en_GB.UTF-8";
  CHECK(test::run_empreinte(base, env).out.find("Found (2):") != std::string::npos);

  auto as_json = french;
  as_json.insert(as_json.end(), {"--format", "json"});
  const json j = json::parse(test::run_empreinte(as_json, sites.env()).out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(accounts_schema_violations(j.dump()).empty());
  for (const auto& check : j["checks"]) {
    CAPTURE(check["site"]);
    const std::string reason = check["reason"];
    const bool english = reason.rfind("the ", 0) == 0 || reason.rfind("a ", 0) == 0;
    CHECK(english);
  }
}

TEST_CASE("accounts cli: self-check passes on sites that behave, fails on one that says yes")
{
  ImitatedSites sites;
  const auto ok = test::run_empreinte({"accounts", "self-check", "github", "gitlab",
                                       "--host-interval", "0", "--no-cache"},
                                      sites.env());
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ok   github") != std::string::npos);
  CHECK(ok.out.find("2 of 2 sites passed") != std::string::npos);
}

TEST_CASE("accounts cli: audit --accounts makes the accounts found voluntary traces")
{
  ImitatedSites sites;
  RecordedMojeek search;
  const test::TempDir& dir = search.dir;
  const auto r = test::run_empreinte(
    {"audit", "--first", "Camille", "--last", "Martin", "--pseudonym", "knownname",
     "--max-queries", "2", "--backend", "mojeek", "--backends-dir",
     (dir.path() / "backends").string(), "--read-pages", "0", "--accounts", "--account-sites",
     "github,gitlab", "--format", "json", "--quiet"},
    sites.env());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const json report = json::parse(r.out, nullptr, false);
  REQUIRE(report.is_object());
  CHECK(test::schema_violations(r.out).empty());
  CHECK(report["accounts"]["counts"]["found"] == 2);
  const json* github = nullptr;
  for (const auto& t : report["traces"]) {
    if (t["url"] == "https://github.com/knownname") {
      github = &t;
    }
  }
  REQUIRE(github != nullptr);
  CHECK((*github)["kind"] == "voluntary");
  CHECK((*github)["pseudonym_link"] == true);
  CHECK((*github)["found_by"][0]["query"] == "accounts");
  for (const auto& f : report["findings"]) {
    if (f.contains("pseudonyms")) {
      CHECK(f["counts"]["accounts_found"] == 2);
      CHECK(f["counts"]["accounts_naming_you"] == 1);
      CHECK(f["linked"] == true);
    }
  }
  SUBCASE("not on an offline corpus")
  {
    const auto offline = test::run_empreinte({"demo", "--quiet"});
    CHECK(offline.exit_code == 0);
    const auto refused = test::run_empreinte(
      {"audit", "--first", "A", "--last", "B", "--corpus",
       test::source_dir() + "/training/corpus", "--accounts"});
    CHECK(refused.exit_code == 2);
  }
}

TEST_CASE("accounts cli: every report format has the accounts section, in English and French")
{
  ImitatedSites sites("codeberg.org");
  RecordedMojeek search;
  const test::TempDir& dir = search.dir;
  struct Expect
  {
    std::string lang, heading, found, unanswered, warning, why;
  };
  for (const Expect& e : {Expect{"en", "Your accounts under your pseudonyms", "knownname on GitHub",
                                 "Not answered (1)", "could not ask 1 site(s)",
                                 "answered instead of the profile"},
                          Expect{"fr", "Vos comptes sous vos pseudonymes", "knownname sur GitHub",
                                 "Sans réponse (1)", "pas pu interroger 1 site(s)",
                                 "a répondu à la place du profil"}}) {
    for (const std::string ext : {"txt", "md", "html"}) {
      CAPTURE(e.lang);
      CAPTURE(ext);
      const auto out = dir.path() / ("report-" + e.lang + "." + ext);
      const auto r = test::run_empreinte(
        {"audit", "--first", "Camille", "--last", "Martin", "--pseudonym", "knownname",
         "--max-queries", "1", "--backend", "mojeek", "--backends-dir",
         (dir.path() / "backends").string(), "--read-pages", "0", "--accounts",
         "--account-sites", "github,gitlab,codeberg", "--lang", e.lang, "-o", out.string(),
         "--quiet"},
        sites.env());
      INFO(r.err);
      CHECK(r.exit_code == 3); // one site could not answer: incomplete
      const std::string report = test::slurp(out);
      CHECK(report.find(e.heading) != std::string::npos);
      CHECK(report.find(e.found) != std::string::npos);
      CHECK(report.find("https://github.com/knownname") != std::string::npos);
      CHECK(report.find(e.unanswered) != std::string::npos);
      CHECK(report.find("Codeberg (knownname)") != std::string::npos);
      CHECK(report.find(e.warning) != std::string::npos);
      CHECK(report.find(e.why) != std::string::npos); // why Codeberg did not answer
      if (ext == "html") {
        // The account links to its trace in the same report.
        const auto at = report.find("class=\"account\"><a href=\"#");
        REQUIRE(at != std::string::npos);
        const auto id_begin = at + std::string("class=\"account\"><a href=\"#").size();
        const std::string id = report.substr(id_begin, report.find('"', id_begin) - id_begin);
        CHECK(report.find("id=\"" + id + "\"") != std::string::npos);
      }
    }
  }
}

TEST_CASE("accounts cli: rules lint loads the site lists with the same strict loader")
{
  test::TempDir dir;
  std::filesystem::copy(test::source_dir() + "/rules", dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  json sites = json::parse(test::slurp(dir.path() / "rules" / "accounts.json"));
  sites["sites"][2]["detect"]["presenseStrs"] = json::array({"x"}); // maigret's misspelling
  dir.write("rules/accounts.json", sites.dump(2));
  const auto r = test::run_empreinte({"rules", "lint", (dir.path() / "rules").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("accounts.json: /sites/2/detect") != std::string::npos);
  CHECK(r.out.find("presenseStrs") != std::string::npos);
}

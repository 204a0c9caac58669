// End to end: the built binary, as a user runs it, on the bundled training corpus.
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>

using namespace empreinte;
using nlohmann::json;

namespace {

std::string persona(const std::string& id)
{
  return test::source_dir() + "/training/personas/" + id + ".json";
}

std::string corpus()
{
  return test::source_dir() + "/training/corpus";
}

} // namespace

TEST_CASE("cli: demo prints a readable report of the default persona")
{
  const auto r = test::run_empreinte({"demo"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Digital footprint of Hélène Vasseur") != std::string::npos);
  for (const char* section : {"1. name search", "2. network search", "3. pseudonym search", "4. job search",
                              "voluntary traces", "inherited traces", "involuntary traces"}) {
    CAPTURE(section);
    CHECK(r.out.find(section) != std::string::npos);
  }
  CHECK(r.out.find("\x1b[") == std::string::npos); // not a terminal: no colour
}

TEST_CASE("cli: the text report fits the width, shows trace ids and lists each action once")
{
  for (const std::string lang : {"en", "fr"}) {
    for (const std::size_t width : {std::size_t{80}, std::size_t{60}}) {
      CAPTURE(lang);
      CAPTURE(width);
      const auto r = test::run_empreinte({"demo", "--lang", lang}, {{"COLUMNS", std::to_string(width)}});
      REQUIRE(r.exit_code == 0);
      std::size_t start = 0;
      std::size_t longest = 0;
      while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        end = end == std::string::npos ? r.out.size() : end;
        const std::string line = r.out.substr(start, end - start);
        // A URL longer than the width is left whole on a line of its own, to stay copyable.
        const bool one_word = line.find_first_not_of(' ') != std::string::npos
                              && line.find(' ', line.find_first_not_of(' ')) == std::string::npos;
        if (!one_word) {
          longest = std::max(longest, util::char_count(line));
        }
        start = end + 1;
      }
      CHECK(longest <= width);
    }
  }
  test::TempDir dir;
  const auto js = dir.path() / "r.json";
  const auto txt = dir.path() / "r.txt";
  REQUIRE(test::run_empreinte({"demo", "-o", js.string(), "-o", txt.string()}).exit_code == 0);
  const json report = json::parse(test::slurp(js));
  const auto text = test::slurp(txt);
  // Every trace can be named for `letter --trace ID`.
  for (const auto& t : report["traces"]) {
    CAPTURE(t["id"]);
    CHECK(text.find(t["id"].get<std::string>()) != std::string::npos);
  }
  // An action serving many traces is listed once in "What to do first", with the traces it covers.
  const std::string plan = text.substr(text.find("What to do first"));
  const std::string head = "Ask Google to delist the page";
  CHECK(plan.find(head) != std::string::npos);
  CHECK(plan.find(head, plan.find(head) + 1) == std::string::npos);
  CHECK(plan.find("for: t") != std::string::npos);
}

TEST_CASE("cli: audit --format json on the training corpus")
{
  for (const char* id : {"helene-vasseur", "declan-ashworth"}) {
    CAPTURE(id);
    const auto r = test::run_empreinte(
      {"audit", "--profile", persona(id), "--corpus", corpus(), "--format", "json"},
      {{"SOURCE_DATE_EPOCH", "1790000000"}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const json report = json::parse(r.out);
    CHECK(test::schema_violations(r.out) == "");
    CHECK(report["schema"] == "empreinte/report/v1");
    CHECK(report["tool"]["name"] == "empreinte");
    CHECK(report["generated_at"] == "2026-09-21T14:13:20Z");
    CHECK(report["complete"] == true);
    CHECK(report["subject"]["first_name"].is_string());

    std::set<std::string> families;
    std::set<std::string> query_ids;
    for (const auto& q : report["queries"]) {
      families.insert(q["family"].get<std::string>());
      query_ids.insert(q["id"].get<std::string>());
      CHECK(q["backend"] == "corpus");
      CHECK((q["status"] == "ok" || q["status"] == "empty"));
      CHECK(q["error"].is_null());
      CHECK(q["question"].get<std::string>().size() > 10);
    }
    CHECK(families == std::set<std::string>{"name", "network", "pseudonym", "job"});

    std::set<std::string> kinds;
    std::set<std::string> ids;
    bool merged = false;
    for (const auto& t : report["traces"]) {
      kinds.insert(t["kind"].get<std::string>());
      CHECK(ids.insert(t["id"].get<std::string>()).second);
      CHECK(t["url"].get<std::string>().rfind("https://", 0) == 0);
      CHECK_FALSE(t["domain"].get<std::string>().empty());
      CHECK(t["confidence"].get<double>() >= 0.0);
      CHECK(t["confidence"].get<double>() <= 1.0);
      CHECK(t["about_subject"].get<double>() >= 0.0);
      CHECK(t["about_subject"].get<double>() <= 1.0);
      CHECK_FALSE(t["evidence"].empty());
      CHECK_FALSE(t["found_by"].empty());
      std::set<std::string> queries;
      for (const auto& s : t["found_by"]) {
        CHECK(query_ids.count(s["query"].get<std::string>()) == 1);
        CHECK(s["rank"].get<int>() >= 1);
        queries.insert(s["query"].get<std::string>());
      }
      merged = merged || queries.size() > 1;
    }
    CHECK(merged); // the same page found by several queries is one trace
    CHECK(report["score"]["exposure"].get<int>() >= 0);
    CHECK(report["score"]["exposure"].get<int>() <= 100);
    CHECK(report["score"]["control"].get<int>() >= 0);
    CHECK(report["score"]["control"].get<int>() <= 100);
    for (const char* family : {"name", "network", "pseudonym", "job"}) {
      CAPTURE(family);
      CHECK_FALSE(report["findings"][family]["verdict"].get<std::string>().empty());
    }
    CHECK(report["findings"]["pseudonym"]["linked"] == true); // both personas' pseudonyms are tied
    CHECK(report["findings"]["job"]["linked"] == true);
    double points = 0;
    for (const auto& t : report["traces"]) {
      const auto risk = t["risk"].get<std::string>();
      CHECK((risk == "low" || risk == "medium" || risk == "high"));
      CHECK_FALSE(t["risk_reasons"].empty());
      points += t["exposure_points"].get<double>();
    }
    CHECK(points == doctest::Approx(report["score"]["exposure_points"].get<double>()).epsilon(0.01));
    CHECK(kinds.count("voluntary") == 1);
    CHECK(kinds.count("inherited") == 1);
    CHECK(kinds.count("involuntary") == 1);
  }
}

TEST_CASE("cli: the namesake in not_me is not about the subject")
{
  const auto r = test::run_empreinte(
    {"audit", "--profile", persona("helene-vasseur"), "--corpus", corpus(), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  const json report = json::parse(r.out);
  const auto not_me = report["subject"]["not_me"][0].get<std::string>();
  for (const auto& t : report["traces"]) {
    if (t["url"] == not_me) {
      CHECK(t["about_subject"] == 0.0);
    }
  }
}

TEST_CASE("cli: plan prints the four searches, as text and JSON")
{
  const auto text = test::run_empreinte({"plan", "--first", "Camille", "--last", "Martin",
                                         "--pseudonym", "camimart75", "--job", "architecte",
                                         "--network", "twitter"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("\"Camille Martin\" site:x.com") != std::string::npos);
  const auto js = test::run_empreinte({"plan", "--profile", persona("helene-vasseur"),
                                       "--format", "json", "--max-queries", "4"});
  REQUIRE(js.exit_code == 0);
  const json plan = json::parse(js.out);
  REQUIRE(plan["queries"].size() == 4);
  CHECK(plan["queries"][0]["family"] == "name");
  CHECK(plan["queries"][3]["family"] == "job");
}

TEST_CASE("cli: bad input gets a clear message and exit code 2")
{
  test::TempDir dir;
  const auto bad_types = dir.write("bad.json", R"({"first_name": "A", "last_name": ["B"]})");
  const auto bad_json = dir.write("broken.json", R"({"first_name": "A",)");
  const auto bad_network = dir.write("net.json", R"({"first_name": "A", "last_name": "B", "networks": ["myspace"]})");
  dir.write("empty/readme.txt", "no pages");
  struct Case
  {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
    {{"audit", "--profile", bad_types.string(), "--corpus", corpus()}, "bad.json: /last_name"},
    {{"audit", "--profile", bad_json.string(), "--corpus", corpus()}, "invalid JSON at byte"},
    {{"plan", "--profile", bad_network.string()}, "unknown network \"myspace\""},
    {{"audit", "--first", "A", "--last", "B", "--corpus", (dir.path() / "empty").string()}, "no HTML pages"},
    {{"audit", "--first", "A", "--last", "B", "--corpus", (dir.path() / "none").string()}, "corpus folder not found"},
    {{"audit", "--first", "A", "--last", "B", "--backend", "corpus"}, "--corpus"},
    {{"audit", "--first", "A", "--last", "B", "--backend", "duckduckgo", "--corpus", corpus()}, "only for the corpus"},
    {{"audit", "--first", "A", "--last", "B", "--backend", "google", "--corpus", corpus()}, "unknown backend"},
    {{"audit", "--corpus", corpus()}, "no subject to audit"},
    {{"demo", "--persona", "nobody"}, "unknown training persona"},
    {{"demo", "--format", "pdf"}, "pdf"},
    {{"plan", "--first", "A"}, "last name is empty"},
    {{"audit", "--bogus"}, "unexpected argument --bogus (command line): check the spelling; run 'empreinte audit --help'"},
    {{}, "no command given (command line): give one"},
    {{"demo", "--format"}, "--format needs a value (--format)"},
    {{"demo", "--format", "pdf"}, "bad value: pdf not in"},
    {{"demo", "-o", (dir.path() / "missing" / "r.html").string()}, "does not exist (-o "},
    {{"demo", "-o", dir.path().string()}, "will not replace a folder with a file (-o "},
    // A flag's bad value is blamed on the flag, even when a valid profile file comes with it.
    {{"plan", "--profile", persona("helene-vasseur"), "--email", "nope"}, "(command line: --email)"},
    {{"plan", "--profile", persona("helene-vasseur"), "--birth-year", "1066"}, "(command line: --birth-year)"},
    // A proxy that curl could not use is refused before anything is sent.
    {{"audit", "--first", "A", "--last", "B", "--backend", "duckduckgo", "--proxy", "ftp://p:1"},
     "unsupported proxy scheme \"ftp\" (--proxy)"},
    {{"audit", "--first", "A", "--last", "B", "--backend", "duckduckgo", "--proxy", "http://"},
     "not a proxy URL (--proxy)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    const auto r = test::run_empreinte(c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("empreinte: error: ", 0) == 0);
    CHECK(r.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("cli: --help and --version exit 0 and document the exit codes")
{
  const auto help = test::run_empreinte({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Exit codes: 0 success") != std::string::npos);
  for (const char* cmd : {"plan", "audit", "demo"}) {
    const auto sub = test::run_empreinte({cmd, "--help"});
    CAPTURE(cmd);
    CHECK(sub.exit_code == 0);
    CHECK(sub.out.find("3 audit incomplete") != std::string::npos);
  }
  const auto version = test::run_empreinte({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("empreinte ", 0) == 0);
}

TEST_CASE("cli: an unwritable cache directory falls back to an in-memory index")
{
  const auto r = test::run_empreinte({"demo", "--format", "json"}, {{"XDG_CACHE_HOME", "/proc/empreinte-no"}});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("indexing in memory") != std::string::npos);
}

TEST_CASE("cli: classify reads a list, parse output or a saved report")
{
  test::TempDir dir;
  const auto list = dir.write("results.json", R"json([
    {"url": "https://www.instagram.com/helvass38/", "title": "Hélène Vasseur (@helvass38) • Photos et vidéos Instagram",
     "snippet": "Infirmière à Grenoble", "rank": 1, "query": "\"Hélène Vasseur\"", "query_family": "name", "extra": 1},
    {"url": "https://www.pagesjaunes.fr/pagesblanches/x", "title": "VASSEUR Hélène - Grenoble",
     "snippet": "17 rue des Alliés 38100 Grenoble - 04 65 71 33 90"}])json");
  const auto r = test::run_empreinte({"classify", "--profile", persona("helene-vasseur"), list.string(), "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json out = json::parse(r.out);
  REQUIRE(out["traces"].size() == 2);
  CHECK(out["traces"][0]["kind"] == "voluntary");
  CHECK(out["traces"][0]["pseudonym_link"] == true);
  CHECK(out["traces"][1]["kind"] == "involuntary");
  bool phone = false;
  for (const auto& s : out["traces"][1]["sensitive"]) {
    phone = phone || (s["category"] == "phone" && s["known"] == true);
  }
  CHECK(phone);

  const auto wrapped = dir.write("parse.json", R"json({"backend": "x", "status": "ok", "results": [
    {"rank": 1, "url": "https://www.pagesjaunes.fr/pagesblanches/x", "title": "VASSEUR Hélène", "snippet": "Grenoble"}]})json");
  const auto r2 = test::run_empreinte({"classify", "--profile", persona("helene-vasseur"), wrapped.string(), "--format", "json"});
  REQUIRE(r2.exit_code == 0);
  CHECK(json::parse(r2.out)["traces"].size() == 1);

  const auto report = dir.path() / "report.json";
  REQUIRE(test::run_empreinte({"demo", "--format", "json", "-o", report.string()}).exit_code == 0);
  const auto r3 = test::run_empreinte({"classify", "--profile", persona("helene-vasseur"), report.string(), "--format", "json"});
  REQUIRE(r3.exit_code == 0);
  CHECK(json::parse(r3.out)["traces"].size() == json::parse(test::slurp(report))["traces"].size());

  const auto bad = dir.write("bad.json", R"json([{"title": "no url"}])json");
  const auto r4 = test::run_empreinte({"classify", "--profile", persona("helene-vasseur"), bad.string()});
  CHECK(r4.exit_code == 2);
  CHECK(r4.err.find("bad.json: /0/url") != std::string::npos);
  const auto odd = dir.write("odd.json", R"json({"nothing": true})json");
  CHECK(test::run_empreinte({"classify", "--profile", persona("helene-vasseur"), odd.string()}).exit_code == 2);
}

TEST_CASE("cli: rules lint passes on the shipped rules and fails on a broken folder")
{
  const auto ok = test::run_empreinte({"rules", "lint"});
  INFO(ok.out);
  CHECK(ok.exit_code == 0);
  test::TempDir dir;
  dir.write("networks.json", "{}");
  const auto bad = test::run_empreinte({"rules", "lint", dir.path().string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("networks.json: /schema: missing required string \"schema\"") != std::string::npos);
}

TEST_CASE("cli: the report schema rejects what it must")
{
  const auto r = test::run_empreinte({"demo", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(test::schema_violations(r.out) == "");
  json broken = json::parse(r.out);
  broken["traces"][0]["kind"] = "maybe";
  CHECK(test::schema_violations(broken.dump()).find("/traces/0/kind") != std::string::npos);
  broken = json::parse(r.out);
  broken["score"]["exposure"] = 140;
  CHECK(test::schema_violations(broken.dump()) != "");
}

TEST_CASE("cli: letter prints a pre-filled GDPR letter for one trace of a saved report")
{
  test::TempDir dir;
  const auto report = dir.path() / "report.json";
  REQUIRE(test::run_empreinte({"demo", "--format", "json", "-o", report.string()}).exit_code == 0);
  const json r = json::parse(test::slurp(report));
  std::string id;
  std::string url;
  for (const auto& t : r["traces"]) {
    if (t["kind"] == "involuntary" && t["about_subject"].get<double>() >= 0.5) {
      id = t["id"];
      url = t["url"];
      break;
    }
  }
  REQUIRE_FALSE(id.empty());
  const auto fr = test::run_empreinte(
      {"letter", report.string(), "--trace", id, "--right", "erasure", "--lang", "fr"});
  INFO(fr.err);
  REQUIRE(fr.exit_code == 0);
  CHECK(fr.out.find(url) != std::string::npos);
  CHECK(fr.out.find("article 17") != std::string::npos);
  CHECK(fr.out.find("CNIL") != std::string::npos);
  CHECK(fr.out.find("Hélène Vasseur") != std::string::npos);
  const auto en = test::run_empreinte({"letter", report.string(), "--trace", id, "--right", "objection", "--lang", "en"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("Article 21") != std::string::npos);
  const auto rect = test::run_empreinte({"letter", report.string(), "--trace", id, "--right", "rectification", "--lang", "en", "--authority", "BE"});
  REQUIRE(rect.exit_code == 0);
  CHECK(rect.out.find("Article 16") != std::string::npos);

  const auto missing = test::run_empreinte({"letter", report.string(), "--trace", "t000000000000", "--right", "erasure"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no trace \"t000000000000\"") != std::string::npos);
  CHECK(test::run_empreinte({"letter", report.string(), "--trace", id, "--right", "deletion"}).exit_code == 2);
  const auto not_report = dir.write("x.json", "[]");
  CHECK(test::run_empreinte({"letter", not_report.string(), "--trace", id, "--right", "erasure"}).exit_code == 2);
}

TEST_CASE("cli: escape sequences and markup from a page never reach the terminal or the Markdown")
{
  test::TempDir dir;
  dir.write("corpus/evil.example/index.html",
            "<html><head><title>Camille Martin \x1b[2J\x1b]0;owned\x07 \xC2\x9B" "31m</title></head>"
            "<body><p>Camille Martin \x1b[31mred\x1b[0m \xE2\x80\xAE" "desrever [x](javascript:alert(1))</p></body></html>");
  for (const char* format : {"text", "md"}) {
    CAPTURE(format);
    const auto r = test::run_empreinte({"audit", "--first", "Camille", "--last", "Martin", "--corpus",
                                        (dir.path() / "corpus").string(), "--format", format},
                                       {{"NO_COLOR", "1"}});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("evil.example") != std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\xC2\x9B") == std::string::npos);
    CHECK(r.out.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(r.out.find("](javascript:") == std::string::npos);
  }
}

TEST_CASE("cli: a corpus page over 16 MiB is left out, named on stderr and in the report")
{
  test::TempDir dir;
  dir.write("corpus/www.example.org/camille.html",
            "<html><head><title>Camille Martin</title></head><body><p>Camille Martin, Lyon.</p></body></html>");
  dir.write("corpus/dump.example/huge.html", "<p>Camille Martin</p>" + std::string(17u * 1024 * 1024, 'x'));
  const auto r = test::run_empreinte({"audit", "--first", "Camille", "--last", "Martin", "--corpus",
                                      (dir.path() / "corpus").string(), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("1 corpus page(s) over 16 MiB left out: dump.example/huge.html") != std::string::npos);
  const json report = json::parse(r.out);
  bool warned = false;
  for (const auto& w : report["warnings"]) {
    warned = warned || w.get<std::string>().find("1 page(s) of the corpus are over 16 MiB") == 0;
  }
  CHECK(warned);
  CHECK(r.out.find("www.example.org/camille") != std::string::npos);
}

// End to end: where the report goes (-o, atomically), in which format (--format or the
// extension), and how a corpus audit's report points at the saved pages; CSV for spreadsheets.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <string>

using namespace empreinte;
using nlohmann::json;

TEST_CASE("cli: -o writes the report to a file, nothing on stdout")
{
  test::TempDir dir;
  const auto file = dir.path() / "report.json";
  const auto r = test::run_empreinte({"demo", "--format", "json", "-o", file.string(), "--quiet"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(json::parse(test::slurp(file))["schema"] == "empreinte/report/v1");
  CHECK(test::schema_violations(test::slurp(file)) == "");
}

TEST_CASE("cli: -o picks the format from the extension unless --format says otherwise")
{
  test::TempDir dir;
  const auto html = dir.path() / "r.html";
  const auto csv = dir.path() / "r.CSV";
  const auto md = dir.path() / "r.markdown";
  const auto forced = dir.path() / "forced.html";
  const auto other = dir.path() / "r.report";
  REQUIRE(test::run_empreinte({"demo", "-o", html.string(), "--quiet"}).exit_code == 0);
  REQUIRE(test::run_empreinte({"demo", "-o", csv.string(), "--quiet"}).exit_code == 0);
  REQUIRE(test::run_empreinte({"demo", "-o", md.string(), "--quiet"}).exit_code == 0);
  REQUIRE(test::run_empreinte({"demo", "--format", "json", "-o", forced.string(), "--quiet"}).exit_code == 0);
  REQUIRE(test::run_empreinte({"demo", "-o", other.string(), "--quiet"}).exit_code == 0);
  CHECK(test::slurp(html).rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(test::slurp(csv).rfind("id,about_you,", 0) == 0);
  CHECK(test::slurp(md).rfind("# Digital footprint", 0) == 0);
  CHECK(json::parse(test::slurp(forced))["schema"] == "empreinte/report/v1");
  CHECK(test::slurp(other).rfind("Digital footprint of", 0) == 0);
}

TEST_CASE("cli: a corpus audit links every trace to its saved page, never to the live address")
{
  test::TempDir dir;
  const auto html = dir.path() / "r.html";
  const auto md = dir.path() / "r.md";
  const auto txt = dir.path() / "r.txt";
  const auto js = dir.path() / "r.json";
  REQUIRE(test::run_empreinte({"demo", "-o", html.string(), "-o", md.string(), "-o", txt.string(),
                               "-o", js.string(), "--quiet"})
            .exit_code == 0);
  const auto report = json::parse(test::slurp(js));
  const std::string h = test::slurp(html);
  const std::string m = test::slurp(md);
  const std::string t = test::slurp(txt);
  const std::string stdout_html = test::run_empreinte({"demo", "--format", "html"}).out;
  std::size_t saved = 0;
  for (const auto& trace : report["traces"]) {
    const std::string url = trace["url"];
    CAPTURE(url);
    // The live address is never a link target...
    CHECK(h.find("href=\"" + url + "\"") == std::string::npos);
    CHECK(stdout_html.find("href=\"" + url + "\"") == std::string::npos);
    CHECK(m.find("](" + url + ")") == std::string::npos);
    // ...but it is still shown, as text.
    std::string escaped = url; // as HTML writes it
    for (std::size_t at = escaped.find('&'); at != std::string::npos; at = escaped.find('&', at + 1)) {
      escaped.replace(at, 1, "&amp;");
    }
    CHECK(h.find(escaped) != std::string::npos);
    CHECK(m.find("`" + url + "`") != std::string::npos);
    if (trace["page"].contains("saved")) {
      ++saved;
      const std::string path = trace["page"]["saved"];
      // Written to a file: relative to the report's folder, so that both can move together.
      const auto target = std::filesystem::relative(test::source_dir() + "/training/corpus/" + path, dir.path());
      CHECK(t.find(target.string()) != std::string::npos);
      CHECK(std::filesystem::exists(dir.path() / target));
      // On standard output: an absolute file:// link.
      CHECK(stdout_html.find("href=\"file:///") != std::string::npos);
    }
  }
  CHECK(saved == report["traces"].size());
}

TEST_CASE("cli: --format csv gives one RFC 4180 row per trace, safe for spreadsheets")
{
  const auto r = test::run_empreinte({"demo", "--format", "csv"});
  REQUIRE(r.exit_code == 0);
  const auto report = json::parse(test::run_empreinte({"demo", "--format", "json"}).out);
  // Parsed by Python's csv module, the reference reader.
  test::TempDir dir;
  const auto file = dir.write("r.csv", r.out);
  const auto parsed = test::run_process(
    {"/usr/bin/python3", "-c",
     "import csv,json,sys; rows=list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True)); "
     "print(json.dumps(rows))",
     file.string()});
  REQUIRE(parsed.exit_code == 0);
  const auto rows = json::parse(parsed.out);
  REQUIRE(rows.size() == report["traces"].size() + 1);
  CHECK(rows[0][0] == "id");
  CHECK(rows[0].size() == 19);
  CHECK(rows[0][18] == "saved_page");
  std::set<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i].size() == 19);
    ids.insert(rows[i][0].get<std::string>());
    // An offline audit: every trace names its saved copy, which exists (stdout: absolute path).
    const std::string saved = rows[i][18];
    CAPTURE(saved);
    CHECK(std::filesystem::path(saved).is_absolute());
    CHECK(std::filesystem::exists(saved));
  }
  for (const auto& t : report["traces"]) {
    CHECK(ids.count(t["id"].get<std::string>()) == 1);
  }
  CHECK(r.out.find("\r\n") != std::string::npos);
}

TEST_CASE("cli: several -o write one audit in each file's format, all checked before the run")
{
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "sub");
  const std::map<std::string, std::string> env{{"EMPREINTE_NOW", "2026-12-01T10:00:00Z"}};
  const auto js = dir.path() / "r.json";
  const auto html = dir.path() / "r.HTML";
  const auto txt = dir.path() / "r.txt";
  const auto csv = dir.path() / "r.csv";
  const auto md = dir.path() / "r.md";
  const auto md_in_sub = dir.path() / "sub" / "r.md";
  const auto r = test::run_empreinte({"demo", "-o", js.string(), "-o", html.string(), "-o",
                                      txt.string(), "-o", csv.string(), "-o", md.string(), "-o",
                                      md_in_sub.string()},
                                     env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  // Each file in the format its extension names, the same report as a run with that format.
  const auto single = test::run_empreinte({"demo", "--format", "json", "--quiet"}, env);
  REQUIRE(single.exit_code == 0);
  CHECK(test::slurp(js) == single.out);
  CHECK(test::slurp(html).rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(test::slurp(txt).rfind("Digital footprint of", 0) == 0);
  CHECK(test::slurp(csv).rfind("id,about_you,", 0) == 0);
  CHECK(test::slurp(md).rfind("# Digital footprint", 0) == 0);
  CHECK(test::slurp(md) != test::slurp(md_in_sub)); // saved pages linked from each file's folder
  const auto report = json::parse(single.out);
  for (const auto& trace : report["traces"]) {
    const std::string path = test::source_dir() + "/training/corpus/"
                             + trace["page"]["saved"].get<std::string>();
    CAPTURE(path);
    CHECK(test::slurp(md).find(std::filesystem::relative(path, dir.path()).string())
          != std::string::npos);
    CHECK(test::slurp(md_in_sub).find(std::filesystem::relative(path, dir.path() / "sub").string())
          != std::string::npos);
  }
  for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
    if (f.is_regular_file()) {
      CHECK((f.status().permissions() & std::filesystem::perms::all)
            == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    }
  }

  // What cannot be told apart or written is refused before anything runs: nothing is written.
  test::TempDir empty;
  const auto a = (empty.path() / "a.json").string();
  const auto refused = [&](std::vector<std::string> args, const std::string& message) {
    CAPTURE(message);
    args.insert(args.begin(), "demo");
    const auto bad = test::run_empreinte(args);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find(message) != std::string::npos);
    CHECK(bad.out.empty());
    CHECK(std::filesystem::is_empty(empty.path()));
  };
  refused({"-o", a, "-o", (empty.path() / "b.html").string(), "--format", "json"},
          "leave out --format: each file's extension gives its format");
  refused({"-o", a, "-o", (empty.path() / "b.report").string()},
          "end the file name in one of .txt, .json, .md, .html, .csv");
  refused({"-o", a, "-o", (empty.path() / "." / "a.json").string()}, "the same file is given twice");
  refused({"-o", a, "-o", "-"}, "standard output (-o -) cannot be one of several outputs");
  refused({"-o", a, "-o", (empty.path() / "missing" / "b.md").string()}, "does not exist");
}

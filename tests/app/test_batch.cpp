// End to end: `empreinte batch` on the offline corpus and on a loopback web engine: good, bad
// and failing lines, the reports folder, the exit codes, and one engine's politeness held
// across subjects.
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <mutex>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

using namespace empreinte;
using json = nlohmann::json;

namespace {

// A persona's profile file on one line.
std::string persona_line(const std::string& id)
{
  return json::parse(test::slurp(test::source_dir() + "/training/personas/" + id + ".json")).dump();
}

std::vector<json> lines_of(const std::string& out)
{
  std::vector<json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const json j = json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    lines.push_back(j);
  }
  return lines;
}

// A loopback port nothing listens on.
int closed_port()
{
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// The shipped duckduckgo definition as the user's override, asking `url` by GET.
void duckduckgo_at(const test::TempDir& dir, const std::string& url, int min_interval_ms)
{
  json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/duckduckgo.json"));
  def["request"]["url"] = url;
  def["request"]["method"] = "GET";
  def["request"].erase("form");
  def["request"]["query"] = {{"q", "{query}"}};
  def["politeness"] = {{"concurrency", 1}, {"min_interval_ms", min_interval_ms}};
  dir.write("backends/duckduckgo.json", def.dump(2));
}

std::vector<std::string> web_args(const test::TempDir& dir, const std::string& input)
{
  return {"batch", input, "--backend", "duckduckgo", "--backends-dir",
          (dir.path() / "backends").string(), "--max-queries", "2", "--read-pages", "0",
          "--no-cache", "--request-timeout", "5", "--quiet"};
}

} // namespace

TEST_CASE("batch: good and bad lines on the offline corpus, reports written to a folder")
{
  test::TempDir dir;
  const auto input = dir.write("people.jsonl", persona_line("helene-vasseur") + "\n"
                                                   + "this is not JSON\n"
                                                   + R"({"first_name": "Ann"})" + "\n"
                                                   + "\n"
                                                   + persona_line("declan-ashworth") + "\n"
                                                   + R"({"first_name": "A", "last_name": "B", "networks": ["myspace"]})");
  const auto out_dir = dir.path() / "reports";
  const auto r = test::run_empreinte({"batch", input.string(), "--corpus",
                                      test::source_dir() + "/training/corpus", "--output-dir",
                                      out_dir.string(), "--format", "html", "--jobs", "2",
                                      "--quiet"});
  INFO(r.err);
  CHECK(r.exit_code == 2); // bad lines
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0]["line"] == 1);
  CHECK(lines[0]["complete"] == true);
  CHECK(lines[0]["report"]["subject"]["last_name"] == "Vasseur");
  CHECK(test::schema_violations(lines[0]["report"].dump()).empty());
  CHECK(lines[0]["report"]["traces"].size() > 20);
  CHECK(lines[1]["line"] == 2);
  CHECK(lines[1]["error"]["where"].get<std::string>().find("people.jsonl line 2") != std::string::npos);
  CHECK(lines[2]["line"] == 3);
  CHECK(lines[2]["error"]["where"].get<std::string>().find("people.jsonl line 3") != std::string::npos);
  CHECK(lines[3]["line"] == 5); // the blank line is skipped, still counted
  CHECK(lines[3]["report"]["subject"]["last_name"] == "Ashworth");
  CHECK(lines[4]["line"] == 6);
  CHECK(lines[4]["error"]["what"].get<std::string>().find("myspace") != std::string::npos);
  for (const auto& written_report : {std::pair{0, "0001-helene-vasseur.html"},
                                      std::pair{3, "0005-declan-ashworth.html"}}) {
    const int n = written_report.first;
    const std::string name = written_report.second; // not a structured binding: clang 14
    CAPTURE(name);
    CHECK(lines[n]["file"] == (out_dir / name).string());
    const std::string html = test::slurp(out_dir / name);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    // An offline corpus: every trace links to its saved page, never to its live address.
    for (const auto& t : lines[n]["report"]["traces"]) {
      CHECK(html.find("href=\"" + t["url"].get<std::string>() + "\"") == std::string::npos);
    }
    CHECK(html.find("training/corpus/") != std::string::npos);
  }
  CHECK(std::distance(std::filesystem::directory_iterator(out_dir),
                      std::filesystem::directory_iterator()) == 2);

  // The same subjects one at a time give the same verdicts as audit does.
  const auto audit = test::run_empreinte({"audit", "--profile",
                                          test::source_dir() + "/training/personas/helene-vasseur.json",
                                          "--corpus", test::source_dir() + "/training/corpus",
                                          "--format", "json", "--quiet"});
  REQUIRE(audit.exit_code == 0);
  const json alone = json::parse(audit.out);
  CHECK(alone["traces"].size() == lines[0]["report"]["traces"].size());
  CHECK(alone["score"] == lines[0]["report"]["score"]);

  // Only good lines: exit 0, -o writes the lines to a file.
  const auto good = dir.write("good.jsonl", persona_line("noreen-kiely") + "\n");
  const auto ok = test::run_empreinte({"batch", good.string(), "--backend", "corpus", "--corpus",
                                       test::source_dir() + "/training/corpus", "-o",
                                       (dir.path() / "out.jsonl").string(), "--quiet"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.empty());
  const auto written = lines_of(test::slurp(dir.path() / "out.jsonl"));
  REQUIRE(written.size() == 1);
  CHECK(written[0]["complete"] == true);

  // Every report format goes to the folder, CSV too (its saved_page column, relative to it).
  const auto csv_dir = dir.path() / "csv";
  const auto csv = test::run_empreinte({"batch", good.string(), "--corpus",
                                        test::source_dir() + "/training/corpus", "--output-dir",
                                        csv_dir.string(), "--format", "csv", "--quiet"});
  CHECK(csv.exit_code == 0);
  const std::string table = test::slurp(csv_dir / "0001-noreen-kiely.csv");
  CHECK(table.rfind("id,about_you,", 0) == 0);
  CHECK(table.find(",saved_page\r\n") != std::string::npos);
  CHECK(table.find("training/corpus/") != std::string::npos);

  // Usage errors.
  CHECK(test::run_empreinte({"batch", good.string(), "--corpus", test::source_dir() + "/training/corpus",
                             "--format", "html"}).exit_code == 2); // --format needs --output-dir
  CHECK(test::run_empreinte({"batch", (dir.path() / "none.jsonl").string(), "--corpus",
                             test::source_dir() + "/training/corpus"}).exit_code == 2);
  CHECK(test::run_empreinte({"batch", good.string(), "--corpus", test::source_dir() + "/training/corpus",
                             "--jobs", "0"}).exit_code == 2);
  const auto help = test::run_empreinte({"batch", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("2 usage error or at least one bad input line") != std::string::npos);
}

TEST_CASE("batch: a web engine on a closed port makes every audit incomplete: exit 3")
{
  test::TempDir dir;
  duckduckgo_at(dir, "http://127.0.0.1:" + std::to_string(closed_port()) + "/search", 0);
  const auto input = dir.write("people.jsonl", R"({"first_name": "Camille", "last_name": "Martin"})"
                                               "\n"
                                               R"({"first_name": "Sacha", "last_name": "Durand"})"
                                               "\n");
  const auto r = test::run_empreinte(web_args(dir, input.string()));
  INFO(r.err);
  CHECK(r.exit_code == 3);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  for (const auto& l : lines) {
    CHECK(l["complete"] == false);
    for (const auto& q : l["report"]["queries"]) {
      CHECK(q["status"] == "error");
    }
  }
}

TEST_CASE("batch: good, bad and failing lines through one polite engine")
{
  test::LoopbackServer server;
  std::mutex mutex;
  std::vector<std::chrono::steady_clock::time_point> arrivals;
  server.http().Get("/search", [&](const httplib::Request& req, httplib::Response& res) {
    {
      const std::lock_guard lock(mutex);
      arrivals.push_back(std::chrono::steady_clock::now());
    }
    if (req.get_param_value("q").find("Failing") != std::string::npos) {
      res.set_content("<html><body><form id=\"challenge-form\"></form></body></html>", "text/html");
      return;
    }
    res.set_content(test::slurp(std::string(EMPREINTE_TEST_DIR)
                                + "/fixtures/search/duckduckgo/html_eino_query-eino_10results.html"),
                    "text/html");
  });
  // Page 2 of the name search: the "Next" form of page 1, posted back.
  server.http().Post("/html/", [&](const httplib::Request&, httplib::Response& res) {
    {
      const std::lock_guard lock(mutex);
      arrivals.push_back(std::chrono::steady_clock::now());
    }
    res.set_content(test::slurp(std::string(EMPREINTE_TEST_DIR)
                                + "/fixtures/search/duckduckgo/html_eino_no-more-results.html"),
                    "text/html");
  });
  server.start();
  test::TempDir dir;
  constexpr int k_interval_ms = 300;
  duckduckgo_at(dir, server.url() + "/search", k_interval_ms);
  const auto input = dir.write("people.jsonl", R"({"first_name": "Camille", "last_name": "Martin"})"
                                               "\n{\"first_name\": \n"
                                               R"({"first_name": "Failing", "last_name": "Person"})"
                                               "\n");
  for (const std::string jobs : {"1", "2"}) {
    CAPTURE(jobs);
    arrivals.clear();
    auto args = web_args(dir, input.string());
    args.insert(args.end(), {"--jobs", jobs});
    const auto r = test::run_empreinte(args);
    INFO(r.err);
    CHECK(r.exit_code == 2); // a bad line wins over an incomplete audit
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    INFO(lines[0]["report"]["queries"].dump());
    CHECK(lines[0]["complete"] == true);
    CHECK(lines[0]["report"]["queries"][0]["status"] == "ok");
    CHECK(lines[1]["line"] == 2);
    CHECK(lines[1].contains("error"));
    CHECK(lines[2]["complete"] == false);
    CHECK(lines[2]["report"]["queries"][0]["status"] == "blocked");
    // Five requests (two pages of the first name search), one engine: never two closer than
    // its min interval, across subjects too.
    const std::lock_guard lock(mutex);
    REQUIRE(arrivals.size() == 5);
    for (std::size_t i = 1; i < arrivals.size(); ++i) {
      const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[i] - arrivals[i - 1]);
      CAPTURE(i);
      CHECK(gap.count() >= k_interval_ms - 20);
    }
  }
}

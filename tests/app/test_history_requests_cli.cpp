// End to end, in the world of history_world.hpp: a removal request's life on a fake clock, and
// an incomplete audit's effect on the history and --fail-on.
#include "app/history_world.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

using namespace empreinte;
using nlohmann::json;
namespace fs = std::filesystem;
using namespace empreinte::test::history;

TEST_CASE("history e2e: a removal request's life on a fake clock")
{
  World w;
  REQUIRE(w.audit(w.corpus_a, "2026-10-01T09:00:00Z").exit_code == 0);
  const json a = json_of(w.audit(w.corpus_a, "2026-10-01", {"--no-history", "--format", "json"}));
  const std::string removed = trace_id(a, k_removed_url);
  const std::string present = trace_id(a, k_present_url);

  auto added = w.run({"requests",
                      "add",
                      removed,
                      "--right",
                      "erasure",
                      "--via",
                      "email",
                      "--sent",
                      "2026-10-02",
                      "--jurisdiction",
                      "fr"},
                     "2026-10-02");
  INFO(added.err);
  CHECK(added.exit_code == 0);
  CHECK(contains(added.out, "request #1 recorded: erasure (Art. 17), answer due by 2026-11-02"));
  CHECK(w.run({"requests", "add", present, "--right", "erasure", "--sent", "2026-10-03"},
              "2026-10-02")
            .exit_code == 2);
  CHECK(w.run({"requests", "add", present, "--right", "erasure", "--sent", "02/10/2026"},
              "2026-10-02")
            .exit_code == 2);
  CHECK(w.run({"requests", "add", "t000000000000", "--right", "erasure"}, "2026-10-02").exit_code ==
        2);
  const auto early = w.run({"requests", "list"}, "2026-10-20");
  CHECK(contains(early.out, "answer due by 2026-11-02 (Article 12(3) GDPR) — 13 day(s) left"));
  CHECK(contains(early.out, "may extend it to 2027-01-02"));
  CHECK_FALSE(contains(early.out, "OVERDUE"));

  // The second audit no longer finds the page: the request worked.
  const auto second = w.audit(w.corpus_b, "2026-11-01T09:00:00Z", {"--format", "json"});
  REQUIRE(second.exit_code == 0);
  CHECK(json_of(second)["since_last"]["requests"] ==
        json::array({{{"id", 1}, {"right", "erasure"}, {"state", "gone_now"}}}));
  CHECK(contains(w.run({"diff"}).out, "#1 erasure (Art. 17), sent 2026-10-02: the page went away"));
  const auto late = w.run({"requests", "list"}, "2026-11-10");
  CHECK(contains(late.out, "OVERDUE by 8 day(s)"));
  CHECK(contains(late.out, "latest audit (2026-11-01): the page is gone"));
  CHECK_FALSE(contains(late.out, "requests complaint 1"));
  CHECK(contains(late.out, "the page is gone: if that settles it, close the request: empreinte "
                           "requests done 1 --outcome removed"));
  REQUIRE(
      w.run({"requests", "done", "1", "--outcome", "removed", "--date", "2026-11-10"}, "2026-11-10")
          .exit_code == 0);

  // A request that goes unanswered, is extended, then refused: the complaint letter.
  REQUIRE(w.run({"requests",
                 "add",
                 present,
                 "--right",
                 "objection",
                 "--via",
                 "post",
                 "--sent",
                 "2026-10-01",
                 "--jurisdiction",
                 "FR"},
                "2026-11-02")
              .exit_code == 0);
  const auto overdue = w.run({"requests", "list", "--format", "json"}, "2026-12-01");
  CHECK(test::schema_violations(overdue.out, "requests.schema.json") == "");
  const json list = json_of(overdue);
  REQUIRE(list["requests"].size() == 2);
  CHECK(list["requests"][0]["outcome"] == "removed");
  CHECK(list["requests"][0]["overdue"] == false);
  CHECK(list["requests"][1]["due"] == "2026-11-01");
  CHECK(list["requests"][1]["overdue"] == true);
  CHECK(list["requests"][1]["days_late"] == 30);
  CHECK(list["requests"][1]["page"] == "present");
  CHECK(contains(w.run({"requests", "list"}, "2026-12-01").out,
                 "complain to the authority: empreinte requests complaint 2"));
  const auto extended = w.run({"requests", "extend", "2", "--date", "2026-11-20"}, "2026-12-01");
  CHECK(extended.exit_code == 0);
  CHECK(contains(extended.out, "answer due by 2027-01-01"));
  CHECK(json_of(w.run({"requests", "list", "--format", "json"},
                      "2026-12-01"))["requests"][1]["overdue"] == false);
  const auto refused = w.run(
      {"requests", "done", "2", "--outcome", "refused", "--date", "2026-12-05"}, "2026-12-06");
  CHECK(refused.exit_code == 0);
  CHECK(contains(refused.out, "empreinte requests complaint 2"));
  const auto letter = w.run({"requests", "complaint", "2", "--lang", "fr"}, "2026-12-06");
  INFO(letter.err);
  CHECK(letter.exit_code == 0);
  for (const char* part :
       {"CNIL (Commission nationale de l'informatique et des libertés)",
        "réclamation",
        "2026-10-01 : j'ai adressé une demande d'opposition au traitement de mes données (article "
        "21 du RGPD) par courrier",
        "2026-11-01 : la réponse était due au plus tard (article 12, paragraphe 3, du RGPD)",
        "2027-01-01",
        "2026-12-05 : ma demande a été refusée",
        "Mes vérifications ultérieures (2026-11-01) montrent que la page est toujours en ligne",
        k_present_url}) {
    CAPTURE(part);
    CHECK(contains(letter.out, part));
  }
  const auto english =
      w.run({"requests", "complaint", "2", "--lang", "en", "--authority", "ico"}, "2026-12-06");
  CHECK(contains(english.out, "Information Commissioner"));
  CHECK(contains(english.out, "my request was refused"));
  CHECK(w.run({"requests", "done", "9", "--outcome", "removed"}).exit_code == 2);
  CHECK(w.run({"requests", "done", "2", "--outcome", "maybe"}).exit_code == 2);
}

TEST_CASE("history e2e: an incomplete audit: --fail-on exits 5, what failed searches found is not "
          "seen, never gone")
{
  // A search engine on loopback that answers, and one that shows a captcha.
  test::LoopbackServer server;
  server.http().Post("/html/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(test::slurp(std::string(EMPREINTE_TEST_DIR) +
                                "/fixtures/search/duckduckgo/html_eino_query-eino_10results.html"),
                    "text/html");
  });
  server.http().Get("/blocked", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body><form id=\"challenge-form\"></form></body></html>", "text/html");
  });
  server.start();
  World w;
  auto definition =
      [&](const std::string& dir, const std::string& name, const std::string& path, bool get) {
        json def =
            json::parse(test::slurp(test::source_dir() + "/rules/backends/" + name + ".json"));
        def["request"]["url"] = server.url() + path;
        def["politeness"] = {{"concurrency", 2}, {"min_interval_ms", 0}};
        if (get && def["request"]["method"] != "GET") {
          def["request"]["method"] = "GET";
          def["request"].erase("form");
          def["request"]["query"] = {{"q", "{query}"}};
        }
        w.dir.write(dir + "/" + name + ".json", def.dump(2));
      };
  definition("answers", "duckduckgo", "/html/", false);
  definition("answers", "mojeek", "/blocked", true);
  definition("blocked", "duckduckgo", "/blocked", true);
  definition("blocked", "mojeek", "/blocked", true);
  // Camille says the first result is hers, so that it is a trace about her.
  auto audit = [&](const std::string& dir,
                   const std::string& now,
                   const std::vector<std::string>& backends) {
    std::vector<std::string> args{"audit",
                                  "--first",
                                  "Camille",
                                  "--last",
                                  "Martin",
                                  "--is-me",
                                  "https://github.com/cloudwego/eino",
                                  "--max-queries",
                                  "2",
                                  "--backends-dir",
                                  (w.dir.path() / dir).string(),
                                  "--no-cache",
                                  "--quiet",
                                  "--fail-on",
                                  "new"};
    for (const auto& b : backends) {
      args.push_back("--backend");
      args.push_back(b);
    }
    return w.run(args, now);
  };
  const auto blocked = audit("blocked", "2026-10-01", {"duckduckgo"});
  INFO(blocked.err);
  CHECK(blocked.exit_code == 3); // incomplete, nothing stored before to compare with
  const auto both = audit("answers", "2026-11-01", {"duckduckgo", "mojeek"});
  INFO(both.err);
  CHECK(both.exit_code == 5); // a new trace about her, and mojeek failed
  CHECK(contains(both.err, "--fail-on new: 1 new trace(s) about you"));
  const auto again = audit("blocked", "2026-12-01", {"duckduckgo", "mojeek"});
  CHECK(again.exit_code == 3); // nothing new: still incomplete
  const auto d = w.run({"diff", "--subject", "camille-martin", "--format", "json"});
  INFO(d.err);
  REQUIRE(d.exit_code == 0);
  const json diff = json_of(d);
  CHECK(diff["counts"]["gone"] == 0);
  CHECK(diff["counts"]["not_seen"].get<int>() >= 10);
  CHECK(diff["about_you"]["not_seen"] == 1);
  for (const auto& t : diff["traces"]) {
    CHECK(t["change"] == "not_seen");
    CHECK(t["reason"] == "search_failed");
  }
  const auto text = w.run({"diff", "--subject", "Camille Martin"});
  CHECK(contains(text.out, "The newer audit is incomplete (4 of 4 queries failed)"));
  CHECK(contains(text.out, "Not seen (1) — not counted as gone"));
  CHECK_FALSE(contains(text.out, "Gone ("));
  CHECK(w.stored_runs() == std::vector<std::int64_t>{1, 2, 3});
}

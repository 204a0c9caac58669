// End to end: the real binary audits a training persona twice over corpora that differ (a page
// removed, one added, one changed) and the history, diff, --fail-on, mark, review (on a
// pseudo-terminal) and removal requests (on a fake clock) are checked as a person uses them.
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

TEST_CASE("history e2e: two audits, the history, the diff in every format, --fail-on")
{
  World w;
  auto first = w.audit(w.corpus_a, "2026-10-01T09:00:00Z", {"--fail-on", "new"});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(contains(first.err, "nothing to compare with yet"));
  CHECK_FALSE(contains(first.out, "Since your last audit"));
  CHECK((fs::status(w.data / "empreinte" / "history.sqlite").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  // A month later: a new page about her, one gone, one changed.
  auto second =
      w.audit(w.corpus_b, "2026-11-01T09:00:00Z", {"--fail-on", "new", "--format", "json"});
  INFO(second.err);
  CHECK(second.exit_code == 4);
  CHECK(contains(second.err, "--fail-on new: 1 new trace(s) about you"));
  CHECK(test::schema_violations(second.out) == "");
  const json report = json_of(second);
  REQUIRE(report.contains("since_last"));
  CHECK(report["since_last"]["previous_run"] == 1);
  CHECK(report["since_last"]["about_you"] ==
        json{{"new", 1}, {"gone", 1}, {"not_seen", 0}, {"changed", 1}});
  CHECK(w.stored_runs() == std::vector<std::int64_t>{1, 2});

  // The blocks below read the two stored audits and store nothing, so they share them (as
  // doctest subcases, the two audits would run again for each).
  { // history lists both runs
    const auto text = w.run({"history"});
    CHECK(text.exit_code == 0);
    CHECK(contains(text.out, "Audits of Hélène Vasseur (helene-vasseur)"));
    CHECK(contains(text.out, "2026-10-01 09:00  corpus"));
    CHECK(contains(text.out, "2026-11-01 09:00  corpus"));
    const auto j = w.run({"history", "--format", "json", "--subject", "Hélène Vasseur"});
    CHECK(j.exit_code == 0);
    CHECK(test::schema_violations(j.out, "history.schema.json") == "");
    CHECK(json_of(j)["runs"].size() == 2);
    CHECK(w.run({"history", "--subject", "someone else"}).exit_code == 2);
  }
  { // the diff, in every format
    const auto text = w.run({"diff"});
    INFO(text.err);
    CHECK(text.exit_code == 0);
    CHECK(contains(text.out, "run 1 of 2026-10-01 → run 2 of 2026-11-01"));
    CHECK(contains(text.out, "New (1)"));
    CHECK(contains(text.out, k_added_url));
    CHECK(contains(text.out, "Gone (1) — searched again, not found"));
    CHECK(contains(text.out, k_removed_url));
    CHECK(contains(text.out, "Changed (1)"));
    CHECK(contains(text.out, "now exposes: phone “06 39 98 52 14”"));
    CHECK_FALSE(contains(text.out, "\x1b["));
    const auto j = w.run({"diff", "previous", "latest", "--format", "json"});
    CHECK(j.exit_code == 0);
    CHECK(test::schema_violations(j.out, "diff.schema.json") == "");
    const json d = json_of(j);
    CHECK(d["before"]["run"] == 1);
    CHECK(d["after"]["run"] == 2);
    CHECK(d["about_you"] == json{{"new", 1}, {"gone", 1}, {"not_seen", 0}, {"changed", 1}});
    CHECK(d["score"]["exposure"]["before"] == report["since_last"]["score"]["exposure"]["before"]);
    CHECK(d["score"]["exposure"]["after"] == report["score"]["exposure"]);
    // Named the other way round, the older audit is still the base.
    const auto backwards = w.run({"diff", "latest", "previous", "--format", "json"});
    CHECK(json_of(backwards)["about_you"] == d["about_you"]);
    CHECK(json_of(w.run({"diff", "1", "2", "--format", "json"}))["counts"] == d["counts"]);
    const auto md = w.run({"diff", "--format", "md"});
    CHECK(contains(md.out, "## New (1)"));
    CHECK(contains(md.out, "](" + std::string(k_added_url) + ")"));
    const auto fr = w.run({"diff", "--lang", "fr"});
    CHECK(contains(fr.out, "Nouvelles (1)"));
    const auto html_file = w.dir.path() / "diff.html";
    const auto html = w.run({"diff", "--format", "html", "-o", html_file.string()});
    CHECK(html.exit_code == 0);
    const std::string page = test::slurp(html_file);
    CHECK(contains(page, "Content-Security-Policy"));
    CHECK_FALSE(contains(page, "<script"));
    CHECK(contains(page, k_added_url));
    // Two saved report files compare as well, without the history.
    const auto a =
        w.audit(w.corpus_a,
                "2026-12-01",
                {"--no-history", "--format", "json", "-o", (w.dir.path() / "a.json").string()});
    CHECK(a.exit_code == 0);
    const auto files = test::run_empreinte({"diff",
                                            (w.dir.path() / "a.json").string(),
                                            (w.dir.path() / "a.json").string(),
                                            "--format",
                                            "json"});
    CHECK(files.exit_code == 0);
    CHECK(json_of(files)["counts"]["new"] == 0);
    CHECK(w.run({"diff", "7", "latest"}).exit_code == 2);
    CHECK(w.run({"diff", (w.dir.path() / "missing.json").string()}).exit_code == 2);
  }
  { // --fail-on compares with the latest stored run; --no-history stores nothing
    // The same corpus again: nothing new, exposure not up.
    CHECK(
        w.audit(w.corpus_b, "2026-12-01", {"--no-history", "--fail-on", "new,new-high,exposure-up"})
            .exit_code == 0);
    // The old corpus against the latest: the removed page is back, high risk, but exposure is down.
    const auto back = w.audit(w.corpus_a, "2026-12-01", {"--no-history", "--fail-on", "new-high"});
    CHECK(back.exit_code == 4);
    CHECK(contains(back.err, "new-high: 1 trace(s) about you newly at high risk"));
    CHECK(
        w.audit(w.corpus_a, "2026-12-01", {"--no-history", "--fail-on", "exposure-up"}).exit_code ==
        0);
    CHECK(w.audit(w.corpus_a, "2026-12-01", {"--no-history", "--fail-on", "sometimes"}).exit_code ==
          2);
    CHECK(w.stored_runs() == std::vector<std::int64_t>{1, 2});
    // The "since your last audit" section in the other formats.
    const auto md = w.audit(w.corpus_a, "2026-12-01", {"--no-history", "--format", "md"});
    CHECK(contains(md.out, "## Since your last audit (2026-11-01, run 2)"));
    const auto html =
        w.audit(w.corpus_a, "2026-12-01", {"--no-history", "--format", "html", "--lang", "fr"});
    CHECK(contains(html.out, "<h2>Depuis votre dernier audit (2026-11-01, audit n° 2)</h2>"));
    // The demo never touches the history.
    CHECK(w.run({"demo", "--quiet"}).exit_code == 0);
    CHECK(w.stored_runs() == std::vector<std::int64_t>{1, 2});
  }
}

TEST_CASE("history e2e: a crash or Ctrl-C during an audit leaves the history as it was")
{
  World w;
  REQUIRE(w.audit(w.corpus_a, "2026-10-01").exit_code == 0);
  REQUIRE(w.stored_runs() == std::vector<std::int64_t>{1});

  SUBCASE("killed in the middle of the store's transaction")
  {
    auto env = w.env("2026-11-01");
    env["EMPREINTE_TEST_CRASH_IN_STORE"] = "1";
    const auto crashed = test::run_empreinte(
        {"audit", "--profile", w.profile.string(), "--corpus", w.corpus_b.string(), "--quiet"},
        env);
    CHECK(crashed.exit_code == 128 + 6); // SIGABRT
    CHECK(w.stored_runs() == std::vector<std::int64_t>{1});
    CHECK(w.audit(w.corpus_b, "2026-11-02").exit_code == 0);
    CHECK(w.stored_runs() == std::vector<std::int64_t>{1, 2});
  }
  SUBCASE("Ctrl-C while the searches are running")
  {
    // A search engine that takes its time: the audit is interrupted mid-search.
    test::LoopbackServer server;
    std::atomic<bool> stop{false};
    server.http().Post("/html/", [&](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 100 && !stop; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      res.set_content("<html><body></body></html>", "text/html");
    });
    server.start();
    json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/duckduckgo.json"));
    def["request"]["url"] = server.url() + "/html/";
    w.dir.write("backends/duckduckgo.json", def.dump(2));
    const auto r = w.on_terminal({"--wait", "", "--after", "1.5", "--send", "^C"},
                                 {"audit",
                                  "--profile",
                                  w.profile.string(),
                                  "--backend",
                                  "duckduckgo",
                                  "--backends-dir",
                                  (w.dir.path() / "backends").string(),
                                  "--no-cache"});
    stop = true;
    INFO(r.out);
    CHECK(r.exit_code == 128 + 2); // SIGINT
    CHECK(w.stored_runs() == std::vector<std::int64_t>{1});
    const auto history = w.run({"history"});
    CHECK(history.exit_code == 0);
    CHECK(contains(history.out, "2026-10-01"));
  }
}

TEST_CASE("history e2e: mark and review write is_me / not_me, and the classifier obeys")
{
  World w;
  REQUIRE(w.audit(w.corpus_b, "2026-11-01").exit_code == 0);
  const json before =
      json_of(w.audit(w.corpus_b, "2026-11-02", {"--no-history", "--format", "json"}));
  // Both blocks write the profile, and nothing else: each starts from the same profile, and
  // they share the two audits above (as doctest subcases, the audits would run for each).
  const std::string profile_before = test::slurp(w.profile);

  { // mark, by URL or trace id
    const std::string namesake_id = trace_id(before, "https://www.instagram.com/p/C4xQ2mLr8Zt");
    const auto me = w.run({"mark",
                           std::string(k_added_url) + "?utm_source=x",
                           "--me",
                           "--profile",
                           w.profile.string()});
    INFO(me.err);
    CHECK(me.exit_code == 0);
    CHECK(contains(me.out, "is now marked as yours (is_me)"));
    const auto not_me = w.run({"mark", namesake_id, "--not-me", "--profile", w.profile.string()});
    INFO(not_me.err);
    CHECK(not_me.exit_code == 0);
    const json profile = json::parse(test::slurp(w.profile));
    CHECK(profile["is_me"] == json::array({k_added_url}));
    CHECK(profile["not_me"].size() == 2); // the persona's own, and this one
    CHECK(profile["first_name"] == "Hélène");
    const json after =
        json_of(w.audit(w.corpus_b, "2026-11-02", {"--no-history", "--format", "json"}));
    for (const auto& t : after["traces"]) {
      if (t["url"] == k_added_url) {
        CHECK(t["about_subject"] == 1.0);
      }
      if (t["id"] == namesake_id) {
        CHECK(t["about_subject"] == 0.0);
      }
    }
    CHECK(w.run({"mark", "not a url", "--me", "--profile", w.profile.string()}).exit_code == 2);
    CHECK(w.run({"mark", k_added_url, "--profile", w.profile.string()}).exit_code == 2);
  }
  w.dir.write(w.profile.filename().string(), profile_before);
  REQUIRE(test::slurp(w.profile) == profile_before);
  { // review on a terminal: open, me, not me; without one it says what to use
    const auto opened_log = w.dir.path() / "opened.txt";
    const auto browser =
        w.dir.write("browser.sh", "#!/bin/sh\necho \"$1\" >> " + opened_log.string() + "\n");
    fs::permissions(browser, fs::perms::owner_all);
    const auto r = w.on_terminal({"--wait",
                                  "[m]",
                                  "--send",
                                  "o",
                                  "--wait",
                                  "[m]",
                                  "--send",
                                  "m",
                                  "--wait",
                                  "[m]",
                                  "--send",
                                  "n",
                                  "--wait",
                                  "[m]",
                                  "--send",
                                  "q"},
                                 {"review"},
                                 {{"BROWSER", browser.string()}});
    INFO(r.out);
    CHECK(r.exit_code == 0);
    // "N pages may or may not be about you": the uncertain ones of the stored audit.
    const int asked = std::atoi(r.out.c_str());
    REQUIRE(asked >= 3);
    CHECK(contains(r.out, "[1/" + std::to_string(asked) + "]"));
    CHECK(contains(r.out, "opened in your browser"));
    CHECK(contains(r.out, "saved: yours (is_me)"));
    CHECK(contains(r.out, "saved: someone else (not_me)"));
    CHECK(contains(r.out, "1 marked yours, 1 someone else's, 0 skipped"));
    const json profile = json::parse(test::slurp(w.profile));
    REQUIRE(profile["is_me"].size() == 1);
    CHECK(test::slurp(opened_log) == profile["is_me"][0].get<std::string>() + "\n");
    CHECK(profile["not_me"].size() == 2);
    // The two settled pages are not asked about again.
    const auto again = w.on_terminal({"--wait", "[m]", "--send", "q"}, {"review"});
    CHECK(again.exit_code == 0);
    CHECK(std::atoi(again.out.c_str()) == asked - 2);
    CHECK(contains(again.out, "0 marked yours, 0 someone else's, 0 skipped"));
    // A saved report where nothing is uncertain.
    json settled = before;
    for (auto& t : settled["traces"]) {
      t["about_subject"] = 0.98;
    }
    const auto file = w.dir.write("settled.json", settled.dump());
    const auto nothing =
        w.on_terminal({}, {"review", file.string(), "--profile", w.profile.string()});
    CHECK(nothing.exit_code == 0);
    CHECK(contains(nothing.out, "Nothing to review"));
    const auto no_tty = w.run({"review"});
    CHECK(no_tty.exit_code == 2);
    CHECK(contains(no_tty.err, "empreinte mark URL --me|--not-me --profile FILE"));
  }
}

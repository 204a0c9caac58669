// End to end: the real binary audits a training persona twice over corpora that differ (a page
// removed, one added, one changed) and the history, diff, --fail-on, mark, review (on a
// pseudo-terminal) and removal requests (on a fake clock) are checked as a person uses them.
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "util/sqlite.hpp"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

using namespace empreinte;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* const k_removed = "www.pappers.fr/entreprise/vasseur-helene-903472157.html";
const char* const k_removed_url = "https://www.pappers.fr/entreprise/vasseur-helene-903472157";
const char* const k_changed = "www.instagram.com/helvass38/index.html";
const char* const k_added_url = "https://www.annuaire-des-voisins.fr/helene-vasseur-grenoble";
const char* const k_present_url =
    "https://www.trouver-une-personne.fr/fiche/helene-vasseur-grenoble-38";

// Two corpora: the training one, and the same a month later with a page removed, one added and
// one changed; a profile of the training persona the tests may rewrite; a private history.
struct World
{
  test::TempDir dir;
  fs::path corpus_a;
  fs::path corpus_b;
  fs::path profile;
  fs::path data;

  World()
  {
    corpus_a = dir.path() / "corpus-a";
    corpus_b = dir.path() / "corpus-b";
    data = dir.path() / "data";
    fs::copy(test::source_dir() + "/training/corpus", corpus_a, fs::copy_options::recursive);
    fs::copy(corpus_a, corpus_b, fs::copy_options::recursive);
    fs::remove(corpus_b / k_removed);
    std::string page = test::slurp(corpus_b / k_changed);
    const std::string title = "<title>Hélène Vasseur (@helvass38) • ";
    REQUIRE(page.find(title) != std::string::npos);
    page.replace(page.find(title), title.size(), title + "06 39 98 52 14 • ");
    dir.write("corpus-b/" + std::string(k_changed), page);
    dir.write("corpus-b/www.annuaire-des-voisins.fr/helene-vasseur-grenoble.html",
              R"(<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Hélène Vasseur à Grenoble - téléphone et adresse</title>
<meta name="description" content="Hélène Vasseur, 12 rue des Alliés, 38100 Grenoble. Téléphone : 06 39 98 52 14."></head>
<body><h1>Hélène Vasseur</h1><p>Hélène Vasseur habite 12 rue des Alliés, 38100 Grenoble.
Téléphone : 06 39 98 52 14. Née le 14/03/1989.</p></body></html>
)");
    profile = dir.write("me.json",
                        test::slurp(test::source_dir() + "/training/personas/helene-vasseur.json"));
  }

  std::map<std::string, std::string> env(const std::string& now) const
  {
    return {{"XDG_DATA_HOME", data.string()}, {"EMPREINTE_NOW", now}};
  }

  test::ProcessResult run(const std::vector<std::string>& args,
                          const std::string& now = "2026-11-15") const
  {
    return test::run_empreinte(args, env(now));
  }

  test::ProcessResult audit(const fs::path& corpus,
                            const std::string& now,
                            const std::vector<std::string>& extra = {}) const
  {
    std::vector<std::string> args{
        "audit", "--profile", profile.string(), "--corpus", corpus.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args, now);
  }

  // Runs under a pseudo-terminal through tests/tools/pty_driver.py.
  test::ProcessResult on_terminal(const std::vector<std::string>& driver_steps,
                                  const std::vector<std::string>& args,
                                  std::map<std::string, std::string> extra_env = {}) const
  {
    std::vector<std::string> argv{"/usr/bin/python3",
                                  test::source_dir() + "/tests/tools/pty_driver.py"};
    argv.insert(argv.end(), driver_steps.begin(), driver_steps.end());
    argv.push_back("--");
    argv.push_back(EMPREINTE_BINARY);
    argv.insert(argv.end(), args.begin(), args.end());
    auto e = env("2026-11-15");
    e.insert(extra_env.begin(), extra_env.end());
    return test::run_process(argv, e);
  }

  // Runs and report ids straight from the database, as a check independent of the binary.
  std::vector<std::int64_t> stored_runs() const
  {
    std::vector<std::int64_t> ids;
    const auto path = data / "empreinte" / "history.sqlite";
    if (!fs::exists(path)) {
      return ids;
    }
    auto db = util::Database::open(path.string(), util::Database::Mode::read_only);
    REQUIRE(db);
    auto check = db->prepare("PRAGMA integrity_check");
    REQUIRE(check);
    REQUIRE(check->step());
    CHECK(check->column_text(0) == "ok");
    auto s = db->prepare(
        "SELECT runs.id FROM runs JOIN reports ON reports.run = runs.id ORDER BY runs.id");
    REQUIRE(s);
    while (s->step()) {
      ids.push_back(s->column_int(0));
    }
    return ids;
  }
};

json json_of(const test::ProcessResult& r)
{
  const json j = json::parse(r.out, nullptr, false);
  const std::string output = r.out + r.err;
  INFO(output);
  REQUIRE(!j.is_discarded());
  return j;
}

std::string trace_id(const json& report, const std::string& url)
{
  for (const auto& t : report["traces"]) {
    if (t["url"] == url) {
      return t["id"].get<std::string>();
    }
  }
  FAIL("no trace " << url);
  return {};
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

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

  SUBCASE("history lists both runs")
  {
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
  SUBCASE("the diff, in every format")
  {
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
  SUBCASE("--fail-on compares with the latest stored run; --no-history stores nothing")
  {
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

  SUBCASE("mark, by URL or trace id")
  {
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
  SUBCASE("review on a terminal: open, me, not me; without one it says what to use")
  {
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

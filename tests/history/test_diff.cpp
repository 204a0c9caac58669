// The diff on small hand-written reports: each kind of change, the honest "not seen", the four
// searches, the findings, and reports of other versions.
#include "history/diff.hpp"
#include "history/diff_view.hpp"
#include "history/diff_json.hpp"
#include "history/diff_render.hpp"
#include "history/digest.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace empreinte;
using nlohmann::json;

namespace {

json query(const std::string& id,
           const std::string& family,
           const std::string& text,
           const std::string& status = "ok",
           const std::string& backend = "corpus")
{
  return {{"id", id}, {"family", family}, {"text", text}, {"backend", backend}, {"status", status}};
}

json trace(const std::string& id,
           double about,
           const std::string& risk,
           const std::string& query_id,
           json sensitive = json::array(),
           const std::string& kind = "involuntary")
{
  return {{"id", id},
          {"url", "https://example.com/" + id},
          {"domain", "example.com"},
          {"title", "Page " + id},
          {"kind", kind},
          {"about_subject", about},
          {"risk", risk},
          {"exposure_points", about * 10},
          {"found_by", json::array({{{"query", query_id}, {"backend", "corpus"}, {"rank", 1}}})},
          {"sensitive", std::move(sensitive)}};
}

// A saved audit report (JSON) with these queries and traces.
json saved(json queries, json traces, int exposure, const std::string& date)
{
  bool complete = true;
  for (const auto& q : queries) {
    complete = complete && (q["status"] == "ok" || q["status"] == "empty");
  }
  return {{"schema", "empreinte/report/v1"},
          {"generated_at", date},
          {"lang", "en"},
          {"subject", {{"first_name", "Jo"}, {"last_name", "Doe"}}},
          {"complete", complete},
          {"score", {{"exposure", exposure}, {"control", 30}}},
          {"findings", {{"pseudonym", {{"linked", true}}}, {"job", {{"linked", false}}}}},
          {"queries", std::move(queries)},
          {"traces", std::move(traces)}};
}

const history::TraceChange* find(const history::Diff& d, const std::string& id)
{
  for (const auto& t : d.traces) {
    if (t.id == id) {
      return &t;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("diff: new, gone, changed, and not seen when the search failed")
{
  const json phone =
      json::array({{{"category", "phone"}, {"text", "06 12 34 56 78"}, {"known", true}}});
  const json before = saved(json::array({query("q1", "name", "\"Jo Doe\""),
                                          query("q2", "pseudonym", "jodo"),
                                          query("q3", "job", "Jo Doe nurse")}),
                             json::array({trace("tkeep", 0.9, "low", "q1"),
                                          trace("tgone", 0.9, "high", "q1"),
                                          trace("tfail", 0.9, "medium", "q2"),
                                          trace("tunrun", 0.8, "low", "q3"),
                                          trace("tchange", 0.6, "medium", "q1"),
                                          trace("tother", 0.1, "low", "q1")}),
                             40,
                             "2026-10-01T09:00:00Z");
  json after = saved(
      // q2 is blocked this time; q3 is not run at all (the profile lost its job).
      json::array({query("q1", "name", "\"Jo Doe\""), query("q2", "pseudonym", "jodo", "blocked")}),
      json::array({trace("tkeep", 0.9, "low", "q1"),
                   trace("tnew", 0.9, "high", "q1", phone),
                   trace("tchange", 0.9, "high", "q1", phone, "inherited"),
                   trace("tother", 0.15, "low", "q1"),
                   trace("tnamesake", 0.1, "low", "q1")}),
      55,
      "2026-11-01T09:00:00Z");
  // Fields added by later versions are ignored; a finding may become unknown (null).
  after["traces"][0]["page"] = {{"status", "read"}};
  after["traces"][0]["evidence_details"] = json::array();
  after["findings"]["pseudonym"]["linked"] = nullptr;

  const auto d = history::diff_reports(before, after);
  CHECK(d.subject == "jo-doe");
  CHECK(d.before.exposure == 40);
  CHECK(d.after.exposure == 55);
  CHECK_FALSE(d.after.complete);
  REQUIRE(find(d, "tnew"));
  CHECK(find(d, "tnew")->change == history::Change::added);
  REQUIRE(find(d, "tgone"));
  CHECK(find(d, "tgone")->change == history::Change::gone);
  REQUIRE(find(d, "tfail"));
  CHECK(find(d, "tfail")->change == history::Change::not_seen);
  CHECK(find(d, "tfail")->reason == "search_failed");
  REQUIRE(find(d, "tunrun"));
  CHECK(find(d, "tunrun")->change == history::Change::not_seen);
  CHECK(find(d, "tunrun")->reason == "not_searched");
  const auto* changed = find(d, "tchange");
  REQUIRE(changed);
  CHECK(changed->change == history::Change::changed);
  CHECK(changed->what == std::vector<std::string>{"kind", "about", "risk", "exposed"});
  REQUIRE(changed->exposed_added.size() == 1);
  CHECK(changed->exposed_added[0].category == "phone");
  CHECK_FALSE(find(d, "tkeep"));  // unchanged
  CHECK_FALSE(find(d, "tother")); // a namesake's small moves are not news
  REQUIRE(find(d, "tnamesake"));  // but a new page is listed, as not about you
  CHECK_FALSE(find(d, "tnamesake")->after->about_you());
  CHECK(d.unchanged == 2);
  CHECK(d.unchanged_about == 1); // tkeep; tother is a namesake's
  // The summary counts only what is about the person, unchanged included.
  CHECK(history::view_of(d, "en").summary.find("; 1 unchanged") != std::string::npos);
  CHECK(d.count(history::Change::added) == 2);
  CHECK(d.count(history::Change::added, true) == 1);
  CHECK(d.count(history::Change::gone) == 1);
  CHECK(d.count(history::Change::not_seen) == 2);
  // New first, most exposing first.
  CHECK(d.traces.front().id == "tnew");

  REQUIRE(d.families.size() == 4);
  CHECK(d.families[0].family == "name");
  CHECK(d.families[0].before == 3);
  CHECK(d.families[0].after == 3);
  CHECK(d.families[0].added == 1);
  CHECK(d.families[0].gone == 1);
  CHECK(d.families[2].family == "pseudonym");
  CHECK(d.families[2].failed_after == 1);
  CHECK(d.families[2].not_seen == 1);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].family == "pseudonym");
  CHECK(d.findings[0].before == true);
  CHECK_FALSE(d.findings[0].after.has_value());

  SUBCASE("the digests the history keeps give the same diff")
  {
    const auto small = history::diff_reports(history::digest_of(before), history::digest_of(after));
    CHECK(history::diff_to_json(small, "0.1.0") == history::diff_to_json(d, "0.1.0"));
    CHECK(history::digest_of(history::digest_of(after)) == history::digest_of(after));
  }
  SUBCASE("as JSON, valid against its schema")
  {
    const auto j = history::diff_to_json(d, "0.1.0");
    CHECK(test::schema_violations(j.dump(), "diff.schema.json") == "");
    CHECK(j["counts"]["not_seen"] == 2);
    CHECK(j["about_you"]["new"] == 1);
    CHECK(j["score"]["exposure"]["change"] == 15);
  }
  SUBCASE("in words, never calling a not-seen page gone")
  {
    const auto text = history::render_diff_text(d, "en", util::Style{});
    CHECK(text.find("Not seen (2)") != std::string::npos);
    CHECK(text.find("search failed") != std::string::npos);
    CHECK(text.find("not searched this time") != std::string::npos);
    CHECK(text.find("Gone (1)") != std::string::npos);
    CHECK(text.find("exposure 40 → 55 (+15)") != std::string::npos);
    CHECK(text.find("The newer audit is incomplete (1 of 2 queries failed)") != std::string::npos);
    CHECK(text.find("pseudonym tied to your name: yes → unknown") != std::string::npos);
    const auto fr = history::render_diff_text(d, "fr", util::Style{});
    CHECK(fr.find("Non vues (2)") != std::string::npos);
    const auto md = history::render_diff_markdown(d, "en");
    CHECK(md.find("## New (1)") != std::string::npos);
    CHECK(md.find("[Page tnew](https://example.com/tnew)") != std::string::npos);
  }
}

TEST_CASE("diff: third-party text cannot inject markup in Markdown or HTML")
{
  json t = trace("tevil", 0.9, "high", "q1");
  t["title"] = "<script>alert(1)</script> [x](javascript:alert(1))";
  t["url"] = "javascript:alert(1)";
  const json before =
      saved(json::array({query("q1", "name", "x")}), json::array(), 0, "2026-10-01T00:00:00Z");
  const json after =
      saved(json::array({query("q1", "name", "x")}), json::array({t}), 10, "2026-11-01T00:00:00Z");
  const auto d = history::diff_reports(before, after);
  const auto md = history::render_diff_markdown(d, "en");
  CHECK(md.find("<script>") == std::string::npos);
  // Escaped: "\[x\](javascript:..." is text, not a link.
  const auto at = md.find("](javascript:");
  CHECK((at == std::string::npos || md[at - 1] == '\\'));
  const std::string tmpl =
      test::slurp(test::source_dir() + "/reports/templates/diff.html.mustache");
  const auto html = history::render_diff_html(d, "en", tmpl, "0.1.0");
  REQUIRE(html);
  CHECK(html->find("<script>") == std::string::npos);
  CHECK(html->find("&lt;script&gt;") != std::string::npos);
  CHECK(html->find("href=\"javascript:") == std::string::npos);
  CHECK(html->find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("diff: identical audits change nothing")
{
  const json r = saved(json::array({query("q1", "name", "x")}),
                        json::array({trace("a", 0.9, "low", "q1")}),
                        5,
                        "2026-10-01T00:00:00Z");
  const auto d = history::diff_reports(r, r);
  CHECK(d.traces.empty());
  CHECK(d.unchanged == 1);
  CHECK(history::render_diff_text(d, "en", util::Style{}).find("Nothing changed.") !=
        std::string::npos);
  CHECK(history::about_changed(0.45, 0.55));
  CHECK(history::about_changed(0.6, 0.8));
  CHECK_FALSE(history::about_changed(0.6, 0.7));
}

TEST_CASE("diff: a page is gone only when a search that found it ran again and succeeded")
{
  // tboth was found by two searches; only one of them failed this time.
  json tboth = trace("tboth", 0.9, "medium", "q1");
  tboth["found_by"].push_back({{"query", "q2"}, {"backend", "corpus"}, {"rank", 3}});
  const json before =
      saved(json::array({query("q1", "name", "\"Jo Doe\""), query("q2", "pseudonym", "jodo")}),
             json::array({tboth, trace("tonly2", 0.9, "medium", "q2")}),
             20,
             "2026-10-01T00:00:00Z");

  SUBCASE("one of its searches succeeded: gone")
  {
    const json after = saved(json::array({query("q1", "name", "\"Jo Doe\""),
                                           query("q2", "pseudonym", "jodo", "rate_limited")}),
                              json::array(),
                              0,
                              "2026-11-01T00:00:00Z");
    const auto d = history::diff_reports(before, after);
    REQUIRE(find(d, "tboth"));
    CHECK(find(d, "tboth")->change == history::Change::gone);
    CHECK(find(d, "tboth")->reason.empty());
    REQUIRE(find(d, "tonly2"));
    CHECK(find(d, "tonly2")->change == history::Change::not_seen);
    CHECK(find(d, "tonly2")->reason == "search_failed");
    CHECK(history::why_missing(before["traces"][1], before, after) == "search_failed");
    CHECK(history::why_missing(before["traces"][0], before, after) == "");
  }
  SUBCASE("every search failed: not seen, in every format, never gone")
  {
    const json after = saved(json::array({query("q1", "name", "\"Jo Doe\"", "timeout"),
                                           query("q2", "pseudonym", "jodo", "blocked")}),
                              json::array(),
                              0,
                              "2026-11-01T00:00:00Z");
    const auto d = history::diff_reports(before, after);
    CHECK(d.count(history::Change::gone) == 0);
    CHECK(d.count(history::Change::not_seen) == 2);
    for (const auto& t : d.traces) {
      CHECK(t.reason == "search_failed");
    }
    const auto j = history::diff_to_json(d, "0.1.0");
    CHECK(j["counts"]["gone"] == 0);
    CHECK(j["counts"]["not_seen"] == 2);
    CHECK(test::schema_violations(j.dump(), "diff.schema.json") == "");
    const auto text = history::render_diff_text(d, "en", util::Style{});
    CHECK(text.find("Gone") == std::string::npos);
    CHECK(text.find("search failed") != std::string::npos);
    const auto md = history::render_diff_markdown(d, "en");
    CHECK(md.find("## Gone") == std::string::npos);
    CHECK(md.find("## Not seen (2)") != std::string::npos);
    const auto fr = history::render_diff_text(d, "fr", util::Style{});
    CHECK(fr.find("Disparues") == std::string::npos);
  }
  SUBCASE("the same search on the same engine is matched by its text, whatever its id")
  {
    // The plan changed: the name query is now q7, and still finds nothing.
    const json after = saved(
        json::array({query("q7", "name", "\"Jo Doe\""), query("q8", "pseudonym", "jodo", "error")}),
        json::array(),
        0,
        "2026-11-01T00:00:00Z");
    const auto d = history::diff_reports(before, after);
    REQUIRE(find(d, "tboth"));
    CHECK(find(d, "tboth")->change == history::Change::gone);
  }
  SUBCASE("the search ran on another engine only: not seen (not searched), never gone")
  {
    const json after = saved(json::array({query("q1", "name", "\"Jo Doe\"", "ok", "mojeek"),
                                           query("q2", "pseudonym", "jodo", "ok", "mojeek")}),
                              json::array(),
                              0,
                              "2026-11-01T00:00:00Z");
    const auto d = history::diff_reports(before, after);
    CHECK(d.count(history::Change::gone) == 0);
    REQUIRE(find(d, "tboth"));
    CHECK(find(d, "tboth")->reason == "not_searched");
  }
}

TEST_CASE("diff: changes of a page about you, each told once")
{
  const json email =
      json::array({{{"category", "email"}, {"text", "jo@example.org"}, {"known", true}}});
  const json phone =
      json::array({{{"category", "phone"}, {"text", "06 12 34 56 78"}, {"known", true}}});
  const json before = saved(json::array({query("q1", "name", "x")}),
                             json::array({trace("tless", 0.9, "high", "q1", email),
                                          trace("tnow", 0.3, "low", "q1"),
                                          trace("tnot", 0.8, "low", "q1"),
                                          trace("tsmall", 0.7, "low", "q1")}),
                             30,
                             "2026-10-01T00:00:00Z");
  const json after = saved(json::array({query("q1", "name", "x")}),
                            json::array({trace("tless", 0.9, "high", "q1", phone),
                                         trace("tnow", 0.7, "low", "q1"),
                                         trace("tnot", 0.2, "low", "q1"),
                                         trace("tsmall", 0.8, "low", "q1")}),
                            25,
                            "2026-11-01T00:00:00Z");
  const auto d = history::diff_reports(before, after);

  const auto* less = find(d, "tless");
  REQUIRE(less);
  CHECK(less->what == std::vector<std::string>{"exposed"});
  REQUIRE(less->exposed_added.size() == 1);
  CHECK(less->exposed_added[0].category == "phone");
  REQUIRE(less->exposed_removed.size() == 1);
  CHECK(less->exposed_removed[0].category == "email");

  // A namesake's page that turns out to be about you, and the other way round.
  REQUIRE(find(d, "tnow"));
  CHECK(find(d, "tnow")->what == std::vector<std::string>{"about"});
  REQUIRE(find(d, "tnot"));
  CHECK(find(d, "tnot")->what == std::vector<std::string>{"about"});
  CHECK_FALSE(find(d, "tsmall")); // 0.7 -> 0.8: the same verdict
  CHECK(d.unchanged == 1);
  CHECK(d.count(history::Change::changed) == 3);
  // The scores go down as well as up.
  CHECK(history::diff_to_json(d, "0.1.0")["score"]["exposure"]["change"] == -5);
  CHECK(history::render_diff_text(d, "en", util::Style{}).find("exposure 30 → 25 (\u22125)") !=
        std::string::npos);
}

TEST_CASE("diff: new pages, most exposing first, pages about you before namesakes'")
{
  const json before =
      saved(json::array({query("q1", "name", "x")}), json::array(), 0, "2026-10-01T00:00:00Z");
  const json after = saved(json::array({query("q1", "name", "x")}),
                            json::array({trace("tlow", 0.9, "low", "q1"),
                                         trace("tnamesake", 0.1, "high", "q1"),
                                         trace("thigh", 0.9, "high", "q1"),
                                         trace("tmedium", 0.9, "medium", "q1")}),
                            40,
                            "2026-11-01T00:00:00Z");
  const auto d = history::diff_reports(before, after);
  std::vector<std::string> order;
  for (const auto& t : d.traces) {
    order.push_back(t.id);
  }
  CHECK(order == std::vector<std::string>{"thigh", "tmedium", "tlow", "tnamesake"});
  CHECK(d.count(history::Change::added, true) == 3);
  CHECK(d.families[0].added == 3); // the namesake's page is not counted as yours
  CHECK(d.families[0].before == 0);
  CHECK(d.families[0].after == 3);
}

TEST_CASE("diff: reports of older or newer versions, with fields missing or added")
{
  // An old report: no risk, no found_by, no findings, no score; numbers where strings were.
  const json old = {{"schema", "empreinte/report/v1"},
                    {"subject", {{"first_name", "Jo"}, {"last_name", "Doe"}}},
                    {"traces",
                     json::array({{{"id", "ta"}, {"url", "https://a.example/"}, {"kind", 3}},
                                  {{"id", "tb"}, {"about_subject", 0.9}}})}};
  json newer = saved(json::array({query("q1", "name", "x")}),
                      json::array({trace("ta", 0.9, "high", "q1")}),
                      12,
                      "2026-11-01T00:00:00Z");
  newer["schema"] = "empreinte/report/v2";
  newer["something_new"] = {{"nested", true}};
  const auto d = history::diff_reports(old, newer);
  CHECK(d.before.exposure == 0);
  CHECK(d.after.exposure == 12);
  REQUIRE(find(d, "ta"));
  // Was unknown (not about you, no kind, no risk): only what is known is compared.
  CHECK(find(d, "ta")->change == history::Change::changed);
  CHECK(find(d, "ta")->what == std::vector<std::string>{"about"});
  REQUIRE(find(d, "tb"));
  // Nothing says which search found it: not seen, never gone.
  CHECK(find(d, "tb")->change == history::Change::not_seen);
  CHECK(find(d, "tb")->reason == "not_searched");
  CHECK(test::schema_violations(history::diff_to_json(d, "0.1.0").dump(), "diff.schema.json") ==
        "");
  // Not even objects: an empty diff, no exception.
  const auto nothing = history::diff_reports(json::array(), json("text"));
  CHECK(nothing.traces.empty());
  CHECK(nothing.families.size() == 4);
  CHECK(history::digest_of(json("text")) == json::object());
}

// The pipeline with a fake backend (ninja's in-memory stand-in style): failed queries are data
// in the report, never an exception, and every format says the audit is incomplete.
#include "app/data_paths.hpp"
#include "app/pipeline.hpp"
#include "report/html_report.hpp"
#include "report/markdown_report.hpp"
#include "report/text_report.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

// Answers name queries with two results and fails every other family.
class FakeBackend final : public search::Backend
{
public:
  std::string name() const override { return "fake"; }
  search::QueryOutcome search(const plan::Query& query, int) override
  {
    search::QueryOutcome out{"fake", search::QueryStatus::ok, {}, {}};
    if (query.family != plan::Family::name) {
      out.status = search::QueryStatus::error;
      out.reason = {"transport.reset"};
      return out;
    }
    out.results = {{1, "https://www.instagram.com/camimart75/", "Camille Martin (@camimart75) • Instagram", "Lyon"},
                   {2, "https://www.pagesjaunes.fr/pagesblanches/x", "MARTIN Camille - Lyon", "06 39 98 00 11"}};
    return out;
  }
};

} // namespace

TEST_CASE("pipeline: failed queries make an incomplete report, in every format")
{
  auto data = app::find_data_paths();
  REQUIRE(data);
  auto rules = app::load_rules(*data);
  REQUIRE(rules);
  auto remedies = app::load_remedies(*data);
  REQUIRE(remedies);
  profile::Profile p;
  p.first_name = "Camille";
  p.last_name = "Martin";
  p.pseudonyms = {"camimart75"};
  p.networks = {"instagram"};
  p.job = {"architecte", "Atelier Roux"};
  FakeBackend backend;
  const auto r = app::run_audit(p, *rules, *remedies, backend, {});
  CHECK_FALSE(r.complete());
  REQUIRE(r.queries.size() >= 4);
  int failed = 0;
  for (const auto& q : r.queries) {
    failed += search::is_failure(q.outcome.status) ? 1 : 0;
  }
  CHECK(failed == static_cast<int>(r.queries.size()) - 1);
  CHECK(r.traces.size() == 2);
  const auto report_json = report::to_json(r);
  CHECK(report_json["complete"] == false);
  CHECK(report_json["queries"][1]["status"] == "error");
  CHECK(report_json["queries"][1]["error"] == "the connection was reset");
  CHECK(report::render_text(r, util::Style{}).find("Audit incomplete") != std::string::npos);
  CHECK(report::render_markdown(r).find("Audit incomplete") != std::string::npos);
  auto html = report::render_html(r, test::slurp(data->root / "reports" / "templates" / "report.html.mustache"));
  REQUIRE(html);
  CHECK(html->find("Audit incomplete") != std::string::npos);
  CHECK(html->find("the connection was reset") != std::string::npos);
  // A French report says why in French, in every format; the JSON keeps English for scripts.
  auto in_french = r;
  in_french.lang = "fr";
  CHECK(report::to_json(in_french)["queries"][1]["error"] == "the connection was reset");
  CHECK(report::render_text(in_french, util::Style{}).find("la connexion a été coupée")
        != std::string::npos);
  CHECK(report::render_markdown(in_french).find("| erreur : la connexion a été coupée |")
        != std::string::npos);
  CHECK(report::render_markdown(r).find("| error: the connection was reset |") != std::string::npos);
  auto html_fr = report::render_html(
      in_french, test::slurp(data->root / "reports" / "templates" / "report.html.mustache"));
  REQUIRE(html_fr);
  CHECK(html_fr->find("la connexion a été coupée") != std::string::npos);
  CHECK(html_fr->find("the connection was reset") == std::string::npos);
  CHECK(report_json["score"]["partial"] == true);
  // The pseudonym is linked by a page the name search found: that "yes" stands. The job
  // searches failed and nothing links the job: unknown, never "no".
  CHECK(report_json["findings"]["pseudonym"]["linked"] == true);
  CHECK(report_json["findings"]["job"]["answered"] == false);
  CHECK(report_json["findings"]["job"]["linked"].is_null());
  // Instagram was found by the name search, so "indexed" stands, but its own search failed.
  CHECK(report_json["findings"]["network"]["networks"][0]["searched"] == false);
}

namespace {

// Every query fails, as with no network.
class DeadBackend final : public search::Backend
{
public:
  std::string name() const override { return "dead"; }
  search::QueryOutcome search(const plan::Query&, int) override
  {
    return {"dead", search::QueryStatus::error, {"transport.dns"}, {}};
  }
};

} // namespace

TEST_CASE("pipeline: an audit where every search failed is no clean bill")
{
  auto data = app::find_data_paths();
  REQUIRE(data);
  auto rules = app::load_rules(*data);
  REQUIRE(rules);
  auto remedies = app::load_remedies(*data);
  REQUIRE(remedies);
  profile::Profile p;
  p.first_name = "Camille";
  p.last_name = "Martin";
  p.pseudonyms = {"camimart75"};
  p.job = {"architecte", "Atelier Roux"};
  DeadBackend backend;
  for (const std::string lang : {"en", "fr"}) {
    app::AuditSettings settings;
    settings.lang = lang;
    const auto r = app::run_audit(p, *rules, *remedies, backend, settings);
    const auto report_json = report::to_json(r);
    for (const char* family : {"name", "network", "pseudonym", "job"}) {
      INFO(family);
      CHECK(report_json["findings"][family]["answered"] == false);
      CHECK(!report_json["findings"][family]["unknown_reason"].get<std::string>().empty());
    }
    CHECK(report_json["findings"]["pseudonym"]["linked"].is_null());
    CHECK(report_json["findings"]["job"]["linked"].is_null());
    CHECK(report_json["findings"]["job"]["professional_presence"].is_null());
    CHECK(report_json["score"]["partial"] == true);
    const std::string text = report::render_text(r, util::Style{});
    // The failure comes first, before any score or finding.
    CHECK(text.find(lang == "fr" ? "Audit incomplet" : "Audit incomplete") < text.find("Scores"));
    for (const char* never : {"Nothing comes up", "No: no page", "Rien ne sort", "Non : aucune"}) {
      CHECK(text.find(never) == std::string::npos);
    }
  }
}

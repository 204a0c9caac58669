// Request deadlines on a fixed clock: calendar months, the extension, overdue, jurisdictions,
// and whether the page went away.
#include "history/requests.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace empreinte;
using nlohmann::json;

namespace {

history::Request sent_on(const std::string& date, const std::string& jurisdiction = "FR")
{
  history::Request r;
  r.id = 1;
  r.trace = "tabc";
  r.right = "erasure";
  r.sent = date;
  r.jurisdiction = jurisdiction;
  return r;
}

util::FixedClock on(const std::string& date)
{
  return util::FixedClock(*util::parse_time(date + "T12:00:00Z"));
}

} // namespace

TEST_CASE("requests: a month runs to the same day of the next month, or its last day")
{
  CHECK(history::add_months("2026-10-02", 1) == "2026-11-02");
  CHECK(history::add_months("2026-01-31", 1) == "2026-02-28");
  CHECK(history::add_months("2028-01-31", 1) == "2028-02-29");
  CHECK(history::add_months("2026-12-15", 1) == "2027-01-15");
  CHECK(history::add_months("2026-11-02", 2) == "2027-01-02");
  CHECK(history::add_days("2026-12-20", 30) == "2027-01-19");
  CHECK(history::add_months("nope", 1).empty());
}

TEST_CASE("requests: GDPR deadline one month, extendable by two, overdue on the day after")
{
  const auto rules = history::Jurisdictions::builtin();
  const auto* fr = rules.find("FR");
  REQUIRE(fr);
  CHECK(fr->authority == "cnil");
  auto r = sent_on("2026-10-02");
  auto s = history::request_status(r, fr, on("2026-10-20"), "en");
  CHECK(s.due == "2026-11-02");
  CHECK(s.extended_due == "2027-01-02");
  CHECK(s.cite == "Article 12(3) GDPR");
  CHECK_FALSE(s.overdue);
  CHECK(s.days == 13);
  CHECK_FALSE(s.complaint_due);
  CHECK_FALSE(history::request_status(r, fr, on("2026-11-02"), "en").overdue);
  s = history::request_status(r, fr, on("2026-11-03"), "fr");
  CHECK(s.overdue);
  CHECK(s.days == 1);
  CHECK(s.complaint_due);
  CHECK(s.cite == "article 12, paragraphe 3, du RGPD");
  r.extended = true; // the controller said it needs two more months
  s = history::request_status(r, fr, on("2026-12-01"), "en");
  CHECK_FALSE(s.overdue);
  CHECK(history::request_status(r, fr, on("2027-01-03"), "en").overdue);
  r.outcome = "removed";
  s = history::request_status(r, fr, on("2027-06-01"), "en");
  CHECK_FALSE(s.open);
  CHECK_FALSE(s.overdue);
  CHECK_FALSE(s.complaint_due);
  r.outcome = "refused";
  CHECK(history::request_status(r, fr, on("2026-10-05"), "en").complaint_due);
  CHECK(rules.find("GB")->cite_en == "Article 12(3) UK GDPR");
  CHECK_FALSE(rules.find("US-CA")); // no built-in rule: no deadline is invented
  const auto unknown =
      history::request_status(sent_on("2026-10-02", "US-CA"), nullptr, on("2027-01-01"), "en");
  CHECK(unknown.due.empty());
  CHECK_FALSE(unknown.overdue);
}

TEST_CASE("requests: rules/jurisdictions.json, when present, gives each jurisdiction's deadline")
{
  test::TempDir dir;
  dir.write("jurisdictions.json", R"j({"schema":"empreinte/jurisdictions/v1",
    "authorities":[{"id":"cppa-us-ca","name":"California Privacy Protection Agency","complaint_url":"https://cppa.ca.gov/","address":null}],
    "jurisdictions":[
    {"id":"US-CA","deadline":{"days":45,"extension_days":45,"cite":{"en":"Cal. Civ. Code § 1798.130(a)(2)","fr":"Cal. Civ. Code § 1798.130(a)(2)"}},"authority":"cppa-us-ca"},
    {"id":"US","deadline":null,"authority":null},
    {"id":"FR","deadline":{"months":1,"extension_months":2,"cite":{"en":"Article 12(3) GDPR","fr":"article 12, paragraphe 3, du RGPD"}},"authority":"cnil"}]})j");
  auto rules = history::Jurisdictions::load(dir.path());
  REQUIRE(rules);
  const auto* ca = rules->find("US-CA");
  REQUIRE(ca);
  const auto s =
      history::request_status(sent_on("2026-10-02", "US-CA"), ca, on("2026-12-01"), "en");
  CHECK(s.due == "2026-11-16");
  CHECK(s.extended_due == "2026-12-31");
  CHECK(s.overdue);
  CHECK_FALSE(rules->find("US"));
  REQUIRE(rules->authority("cppa-us-ca"));
  CHECK(rules->authority("cppa-us-ca")->name == "California Privacy Protection Agency");
  CHECK(rules->authority("cppa-us-ca")->address.empty());
  CHECK(rules->find("DE")); // the built-in GDPR rule stays for the others
  auto none = history::Jurisdictions::load(dir.path() / "missing");
  REQUIRE(none);
  CHECK(none->find("FR"));
}

TEST_CASE("requests: the page is present, gone, or not seen when its search failed")
{
  const json origin =
      json::parse(R"({"queries":[{"id":"q1","text":"x","backend":"corpus","status":"ok"}],
    "traces":[{"id":"tabc","found_by":[{"query":"q1","backend":"corpus","rank":1}]}]})");
  const json still =
      json::parse(R"({"queries":[{"id":"q1","text":"x","backend":"corpus","status":"ok"}],
    "traces":[{"id":"tabc"}]})");
  const json gone = json::parse(
      R"({"queries":[{"id":"q1","text":"x","backend":"corpus","status":"ok"}],"traces":[]})");
  const json failed = json::parse(
      R"({"queries":[{"id":"q1","text":"x","backend":"corpus","status":"blocked"}],"traces":[]})");
  const auto r = sent_on("2026-10-02");
  CHECK(history::page_state(r, origin, still, nullptr) == "present");
  CHECK(history::page_state(r, origin, gone, nullptr) == "gone");
  CHECK(history::page_state(r, origin, failed, nullptr) == "not_seen");
  const auto d = history::diff_reports(origin, gone);
  CHECK(history::page_state(r, origin, gone, &d) == "gone_now");
}

#include "score/findings.hpp"
#include "score/scores.hpp"

#include <doctest/doctest.h>

using namespace empreinte;
using traces::Kind;
using traces::Trace;

namespace {

Trace make(const std::string& id, Kind kind, int rank, std::vector<std::string> categories = {},
           std::vector<std::string> queries = {"q1"})
{
  Trace t;
  t.id = id;
  t.url = "https://example.com/" + id;
  t.kind = kind;
  t.about_subject = 0.9;
  for (const auto& q : queries) {
    t.found_by.push_back({q, "corpus", rank});
  }
  for (const auto& c : categories) {
    t.sensitive.push_back({c, "x", false});
  }
  return t;
}

} // namespace

TEST_CASE("scores: visibility and sensitivity follow docs/scoring.md")
{
  CHECK(score::visibility(make("a", Kind::voluntary, 1)) == doctest::Approx(1.0));
  CHECK(score::visibility(make("a", Kind::voluntary, 7)) == doctest::Approx(0.6));
  CHECK(score::visibility(make("a", Kind::voluntary, 15)) == doctest::Approx(0.3));
  CHECK(score::visibility(make("a", Kind::voluntary, 40)) == doctest::Approx(0.15));
  CHECK(score::visibility(make("a", Kind::voluntary, 1, {}, {"q1", "q2", "q3"})) == doctest::Approx(1.5));
  CHECK(score::visibility(make("a", Kind::voluntary, 1, {}, {"q1", "q2", "q3", "q4", "q5", "q6"})) == doctest::Approx(2.0));
  auto t = make("a", Kind::involuntary, 1, {"phone", "address", "phone"});
  CHECK(score::sensitivity(t) == doctest::Approx(8.0)); // 1 + 3 + 4, phone once
  t.pseudonym_link = true;
  t.job_link = true;
  CHECK(score::sensitivity(t) == doctest::Approx(9.5));
}

TEST_CASE("scores: the documented broker example, saturation and namesakes")
{
  std::vector<Trace> traces{make("broker", Kind::involuntary, 1, {"phone", "address"}, {"q1", "q2"})};
  Trace namesake = make("other", Kind::involuntary, 1, {"phone"});
  namesake.about_subject = 0.2;
  traces.push_back(namesake);
  const auto s = score::score_traces(traces);
  CHECK(traces[0].exposure_points == doctest::Approx(15.0));
  CHECK(s.exposure_points == doctest::Approx(15.0));
  CHECK(s.exposure == 39);
  CHECK(traces[0].risk == Trace::Risk::high);
  CHECK(traces[1].exposure_points == 0.0);
  CHECK(s.kinds.at("involuntary") == 1);
  std::vector<Trace> none;
  const auto empty = score::score_traces(none);
  CHECK(empty.exposure == 0);
  CHECK(empty.control == 0);
}

TEST_CASE("scores: control weighs first-page sightings by 1/rank")
{
  std::vector<Trace> traces{make("mine", Kind::voluntary, 1), make("theirs", Kind::inherited, 2),
                            make("late", Kind::inherited, 15)};
  const auto s = score::score_traces(traces);
  CHECK(s.control == 67); // 1 / (1 + 1/2)
  traces[0].sensitive.push_back({"embarrassing", "drunk", false});
  CHECK(score::score_traces(traces).control == 33); // counts half: 0.5 / 1.5
}

TEST_CASE("scores: risk levels and reasons")
{
  std::vector<Trace> traces{make("health", Kind::voluntary, 30, {"health"}), make("mail", Kind::voluntary, 30, {"email"}),
                            make("plain", Kind::voluntary, 30), make("broker", Kind::involuntary, 30)};
  score::score_traces(traces);
  CHECK(traces[0].risk == Trace::Risk::high);
  CHECK(traces[1].risk == Trace::Risk::medium);
  CHECK(traces[2].risk == Trace::Risk::low);
  REQUIRE(traces[2].risk_reasons.size() == 1);
  CHECK(traces[2].risk_reasons[0].key == "risk_reason.little");
  CHECK(traces[3].risk == Trace::Risk::medium);
}

TEST_CASE("findings: the four questions")
{
  profile::Profile p;
  p.first_name = "Camille";
  p.last_name = "Martin";
  p.pseudonyms = {"camimart75"};
  p.job = {"architecte", "Atelier Roux"};
  std::vector<score::QueryRef> queries{{"q1", plan::Family::name, "Camille Martin"},
                                       {"q2", plan::Family::network, "instagram"},
                                       {"q3", plan::Family::pseudonym, "camimart75"},
                                       {"q4", plan::Family::job, "architecte"}};
  auto own = make("own", Kind::voluntary, 1, {}, {"q1", "q4"});
  own.platform = "linkedin";
  own.job_link = true;
  auto insta = make("insta", Kind::voluntary, 2, {"embarrassing"}, {"q1", "q2"});
  insta.platform = "instagram";
  insta.pseudonym_link = true;
  insta.title = "Camille Martin (@camimart75)";
  auto namesake = make("namesake", Kind::voluntary, 3);
  namesake.about_subject = 0.1;
  std::vector<Trace> traces{own, insta, namesake};
  const auto findings = score::make_findings(p, queries, traces);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].counts.at("about_you") == 2);
  CHECK(findings[0].counts.at("namesakes") == 1);
  CHECK(findings[0].counts.at("share_voluntary") == doctest::Approx(1.0));
  REQUIRE(findings[1].networks.size() == 1);
  CHECK(findings[1].networks[0].traces == std::vector<std::string>{"insta"});
  CHECK(findings[1].networks[0].flagged == std::vector<std::string>{"insta"});
  CHECK(*findings[2].linked);
  CHECK(findings[2].verdict.key == "finding.pseudonym.linked_one"); // one page: singular
  CHECK(findings[2].verdict.args.at(0) == "camimart75");
  CHECK(*findings[3].linked);
  CHECK(*findings[3].professional_presence);
  CHECK(findings[3].presence == std::vector<std::string>{"own"});
  traces[0].job_link = false;
  traces[1].pseudonym_link = false;
  const auto none = score::make_findings(p, queries, traces);
  CHECK_FALSE(*none[2].linked);
  CHECK_FALSE(*none[3].linked);
  CHECK_FALSE(*none[3].professional_presence);
}

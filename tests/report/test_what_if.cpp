// --what-if topN: the scores again as if the first actions of the plan had worked, in every
// format and both languages, on the demo persona (the trainer's before/after).
#include "report/what_if.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace empreinte;
using json = nlohmann::json;

TEST_CASE("what if: top and topN are read, anything else is refused")
{
  CHECK(report::parse_what_if("top") == report::k_what_if_default);
  CHECK(report::parse_what_if("top1") == 1u);
  CHECK(report::parse_what_if("top50") == 50u);
  for (const char* bad : {"", "to", "top0", "top51", "top-1", "top 3", "top3x", "bottom", "TOP"}) {
    CAPTURE(bad);
    CHECK_FALSE(report::parse_what_if(bad));
  }
}

TEST_CASE("what if: the demo persona after the first actions, in every format")
{
  const auto plain = test::run_empreinte({"demo", "--format", "json", "--quiet"});
  REQUIRE(plain.exit_code == 0);
  const json before = json::parse(plain.out);
  CHECK_FALSE(before.contains("what_if")); // only when asked

  const auto r = test::run_empreinte({"demo", "--what-if", "top3", "--format", "json", "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(test::schema_violations(r.out).empty());
  const json j = json::parse(r.out);
  const json& w = j["what_if"];
  CHECK(w["top"] == 3);
  CHECK(w["actions"].size() == 3);
  REQUIRE(!w["removed"].empty());
  CHECK(w["score"]["exposure"]["before"] == j["score"]["exposure"]);
  CHECK(w["score"]["exposure"]["after"].get<int>() < j["score"]["exposure"].get<int>());
  CHECK(w["score"]["control"]["before"] == j["score"]["control"]);
  // The report itself is unchanged: the what-if is beside it, not applied to it.
  CHECK(j["score"] == before["score"]);
  CHECK(j["traces"].size() == before["traces"].size());
  // Every trace assumed gone is one of the report's, about the person, and covered by one of
  // the first three actions.
  std::set<std::string> about;
  for (const auto& t : j["traces"]) {
    if (t["about_subject"].get<double>() >= 0.5) {
      about.insert(t["id"].get<std::string>());
    }
  }
  for (const auto& id : w["removed"]) {
    CHECK(about.count(id.get<std::string>()) == 1);
  }
  // More actions never remove fewer traces.
  const auto all = test::run_empreinte({"demo", "--what-if", "top50", "--format", "json", "--quiet"});
  REQUIRE(all.exit_code == 0);
  const json w50 = json::parse(all.out)["what_if"];
  CHECK(w50["removed"].size() >= w["removed"].size());
  CHECK(w50["score"]["exposure"]["after"].get<int>() <= w["score"]["exposure"]["after"].get<int>());

  test::TempDir dir;
  for (const std::string lang : {"en", "fr"}) {
    CAPTURE(lang);
    std::vector<std::string> args{"demo", "--what-if", "top", "--lang", lang, "--quiet"};
    for (const std::string ext : {"txt", "md", "html"}) {
      args.push_back("-o");
      args.push_back((dir.path() / ("demo-" + lang + "." + ext)).string());
    }
    REQUIRE(test::run_empreinte(args).exit_code == 0); // one audit, the three formats
    for (const std::string ext : {"txt", "md", "html"}) {
      CAPTURE(ext);
      const std::string text = test::slurp(dir.path() / ("demo-" + lang + "." + ext));
      CHECK(text.find(lang == "fr" ? "Et si vous agissiez" : "What if you acted") != std::string::npos);
      CHECK(text.find(lang == "fr" ? "premières actions aboutissaient" : "If the first 5 actions worked")
            != std::string::npos);
    }
  }
}

TEST_CASE("what if: a bad value is a usage error naming the option")
{
  const auto r = test::run_empreinte({"demo", "--what-if", "top0"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--what-if") != std::string::npos);
}

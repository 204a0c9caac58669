#include "plan/networks.hpp"
#include "plan/planner.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte;

namespace {

plan::NetworkCatalog catalog()
{
  auto c = plan::NetworkCatalog::from_json_text(R"({"schema": "empreinte/networks/v1", "networks": [
    {"id": "facebook", "name": "Facebook", "domains": ["facebook.com"], "default": true},
    {"id": "instagram", "name": "Instagram", "domains": ["instagram.com"], "default": true},
    {"id": "strava", "name": "Strava", "domains": ["strava.com"]},
    {"id": "x", "name": "X", "domains": ["x.com", "twitter.com"], "aliases": ["twitter"], "default": true}]})",
                                                "networks.json");
  REQUIRE(c);
  return std::move(*c);
}

profile::Profile camille()
{
  profile::Profile p;
  p.first_name = "Camille";
  p.last_name = "Martin";
  p.other_names = {"Camille Roux"};
  p.pseudonyms = {"camimart75"};
  p.networks = {"instagram", "x"};
  p.job = {"architecte", "Atelier Roux"};
  return p;
}

std::vector<std::string> texts(const std::vector<plan::Query>& plan)
{
  std::vector<std::string> out;
  for (const auto& q : plan) {
    out.push_back(q.text);
  }
  return out;
}

} // namespace

TEST_CASE("plan: the four families, in order, with quoted phrases")
{
  const auto plan = plan::make_plan(camille(), catalog());
  CHECK(texts(plan) == std::vector<std::string>{
                         "\"Camille Martin\"",
                         "\"Camille Roux\"",
                         "\"Camille Martin\" site:instagram.com",
                         "\"Camille Martin\" site:x.com OR site:twitter.com",
                         "\"Camille Martin\" \"camimart75\"",
                         "\"camimart75\"",
                         "\"Camille Martin\" \"architecte\"",
                         "\"Camille Martin\" \"Atelier Roux\"",
                       });
  CHECK(plan.front().id == "q1");
  CHECK(plan.back().id == "q8");
  CHECK(plan[2].family == plan::Family::network);
  CHECK(plan[2].target == "instagram");
  CHECK(plan[4].family == plan::Family::pseudonym);
  CHECK(plan[7].family == plan::Family::job);
  const auto query_json = plan::query_to_json(plan[4]);
  CHECK(query_json["family"] == "pseudonym");
  CHECK(query_json["question"] == "Is my pseudonym tied to my real identity?");
}

TEST_CASE("plan: default networks when the profile names none")
{
  auto p = camille();
  p.networks.clear();
  const auto plan = plan::make_plan(p, catalog());
  std::vector<std::string> targets;
  for (const auto& q : plan) {
    if (q.family == plan::Family::network) {
      targets.push_back(q.target);
    }
  }
  CHECK(targets == std::vector<std::string>{"facebook", "instagram", "x"});
}

TEST_CASE("plan: duplicates are removed, quotes inside values too")
{
  auto p = camille();
  p.other_names = {"camille MARTIN", "Camille \"Cam\" Roux"};
  p.pseudonyms.clear();
  p.job = {"", "Atelier Roux"};
  const auto plan = plan::make_plan(p, catalog());
  CHECK(texts(plan)[0] == "\"Camille Martin\"");
  CHECK(texts(plan)[1] == "\"Camille Cam Roux\"");
  CHECK(plan.size() == 5);
}

TEST_CASE("plan: --max-queries keeps every question before any second query")
{
  const auto plan = plan::make_plan(camille(), catalog(), {4});
  CHECK(texts(plan) == std::vector<std::string>{"\"Camille Martin\"",
                                               "\"Camille Martin\" site:instagram.com",
                                               "\"Camille Martin\" \"camimart75\"",
                                               "\"Camille Martin\" \"architecte\""});
  CHECK(plan::make_plan(camille(), catalog(), {6}).size() == 6);
  CHECK(plan::make_plan(camille(), catalog(), {100}).size() == 8);
  CHECK(plan::make_plan(camille(), catalog(), {1}).front().family == plan::Family::name);
}

TEST_CASE("plan: networks resolve aliases and reject unknown ids")
{
  const auto c = catalog();
  auto p = camille();
  p.networks = {"Twitter", "x", "instagram"};
  REQUIRE(plan::resolve_networks(p, c, "p.json"));
  CHECK(p.networks == std::vector<std::string>{"x", "instagram"});
  p.networks = {"instagram", "myspace"};
  auto status = plan::resolve_networks(p, c, "p.json");
  REQUIRE_FALSE(status);
  CHECK(status.error().where == "p.json: /networks/1");
  CHECK(status.error().hint.find("facebook, instagram, strava, x") != std::string::npos);
}

TEST_CASE("plan: the network catalog is validated strictly")
{
  CHECK_FALSE(plan::NetworkCatalog::from_json_text(
    R"({"schema": "empreinte/networks/v1", "networks": [{"id": "a", "name": "A", "domain": ["a.com"]}]})", "n.json"));
  CHECK_FALSE(plan::NetworkCatalog::from_json_text(
    R"({"schema": "empreinte/networks/v1", "networks": [{"id": "a", "name": "A", "domains": []}]})", "n.json"));
  auto dup = plan::NetworkCatalog::from_json_text(
    R"({"schema": "empreinte/networks/v1", "networks": [{"id": "a", "name": "A", "domains": ["a.com"]},
       {"id": "b", "name": "B", "domains": ["b.com"], "aliases": ["a"]}]})", "n.json");
  REQUIRE_FALSE(dup);
  CHECK(dup.error().where == "n.json: /networks/1/id");
  CHECK_FALSE(plan::NetworkCatalog::from_json_text(R"({"schema": "v0", "networks": []})", "n.json"));
}

TEST_CASE("plan: a network given as a domain is searched with site:, a typo gets the closest id")
{
  const auto c = catalog();
  auto p = camille();
  p.networks = {"visorando.com", "https://www.Strava.com/athletes/12", "strava"};
  REQUIRE(plan::resolve_networks(p, c, "command line"));
  CHECK(p.networks == std::vector<std::string>{"visorando.com", "strava.com", "strava"});
  const auto plan = plan::make_plan(p, c);
  const auto all = texts(plan);
  CHECK(std::count(all.begin(), all.end(), "\"Camille Martin\" site:visorando.com") == 1);
  CHECK(std::count(all.begin(), all.end(), "\"Camille Martin\" site:strava.com") == 1); // once
  p.networks = {"instagrm"};
  const auto status = plan::resolve_networks(p, c, "command line");
  REQUIRE_FALSE(status);
  CHECK(status.error().hint.rfind("did you mean instagram?", 0) == 0);
  p.networks = {"not a site"};
  CHECK_FALSE(plan::resolve_networks(p, c, "command line"));
}

TEST_CASE("plan: the name search reads two pages, the city narrows it, the employer's core name")
{
  auto p = camille();
  p.location = "Lyon";
  p.job = {"architecte", "Atelier Roux SARL"};
  const auto plan = plan::make_plan(p, catalog());
  CHECK(plan[0].text == "\"Camille Martin\"");
  CHECK(plan[0].pages == 2);
  CHECK(plan[1].text == "\"Camille Martin\" Lyon");
  CHECK(plan[1].pages == 0);
  CHECK(plan.back().text == "\"Camille Martin\" \"Atelier Roux\"");
}

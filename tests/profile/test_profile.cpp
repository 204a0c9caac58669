#include "profile/profile.hpp"
#include "support/temp_dir.hpp"
#include "util/json_fields.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

util::Result<profile::Profile> parse_profile(const std::string& text)
{
  auto value = util::parse_json(text, "p.json");
  REQUIRE(value);
  return profile::profile_from_json(*value, "p.json");
}

} // namespace

TEST_CASE("profile: the documented example parses")
{
  auto p =
      parse_profile(R"({"first_name":"Camille","last_name":"Martin","other_names":["Camille Roux"],
   "pseudonyms":["camimart75"],"networks":["linkedin","instagram","x"],
   "job":{"title":"architecte","employer":"Atelier Roux"},"location":"Lyon",
   "emails":["camille.martin75@example.org"],"phones":["+33 6 12 34 56 78"],
   "not_me":["https://example.com/some-namesake-page"]})");
  REQUIRE(p);
  CHECK(p->first_name == "Camille");
  CHECK(p->job.employer == "Atelier Roux");
  CHECK(p->networks.size() == 3);
  CHECK(p->not_me.size() == 1);
  // Round trip.
  auto again = profile::profile_from_json(nlohmann::json::parse(profile::profile_to_json(*p).dump()), "x");
  REQUIRE(again);
  CHECK(again->pseudonyms == p->pseudonyms);
  CHECK(again->phones == p->phones);
}

TEST_CASE("profile: only first and last name are required")
{
  auto p = parse_profile(R"({"first_name":"Jo","last_name":"Doe"})");
  REQUIRE(p);
  CHECK(p->pseudonyms.empty());
}

TEST_CASE("profile: errors name the key and the fix")
{
  struct Case
  {
    const char* json;
    const char* where;
    const char* what;
  };
  const Case cases[] = {
    {R"({"first_name":"A","last_name":"B","pseudonym":["x"]})", "p.json: /pseudonym", "unknown key"},
    {R"({"first_name":"A","last_name":3})", "p.json: /last_name", "expected a string"},
    {R"({"first_name":"A"})", "p.json: /last_name", "missing required"},
    {R"({"first_name":"  ","last_name":"B"})", "p.json: /first_name", "first name is empty"},
    {R"({"first_name":"A","last_name":"123"})", "p.json: /last_name", "last name is empty"},
    {R"({"first_name":"A","last_name":"B","emails":["nope"]})", "p.json: /emails/0", "not an e-mail"},
    {R"({"first_name":"A","last_name":"B","phones":["12"]})", "p.json: /phones/0", "not a phone"},
    {R"({"first_name":"A","last_name":"B","job":"dev"})", "p.json: /job", "expected an object"},
    {R"({"first_name":"A","last_name":"B","job":{"titel":"dev"}})", "p.json: /job/titel", "unknown key"},
    {R"({"first_name":"A","last_name":"B","networks":[""]})", "p.json: /networks/0", "empty value"},
    {R"(["A","B"])", "p.json: /", "expected an object"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    auto p = parse_profile(c.json);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == util::ErrorKind::input);
    CHECK(p.error().where == c.where);
    CHECK(p.error().what.find(c.what) != std::string::npos);
  }
}

TEST_CASE("profile: flags add to and override the file")
{
  test::TempDir dir;
  const auto file = dir.write("p.json", R"({"first_name":"Camille","last_name":"Martin","pseudonyms":["a"]})");
  profile::ProfileFlags flags;
  flags.profile_file = file.string();
  flags.last_name = "Roux";
  flags.pseudonyms = {"b"};
  flags.job_title = "architecte";
  auto p = profile::profile_from_flags(flags);
  REQUIRE(p);
  CHECK(p->first_name == "Camille");
  CHECK(p->last_name == "Roux");
  CHECK(p->pseudonyms == std::vector<std::string>{"a", "b"});
  CHECK(p->job.title == "architecte");

  SUBCASE("flags alone")
  {
    profile::ProfileFlags only;
    only.first_name = "Jo";
    only.last_name = "Doe";
    CHECK(profile::profile_from_flags(only));
    only.last_name.clear();
    auto bad = profile::profile_from_flags(only);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().where == "command line: --last");
  }
  SUBCASE("missing file")
  {
    profile::ProfileFlags missing;
    missing.profile_file = (dir.path() / "none.json").string();
    auto bad = profile::profile_from_flags(missing);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().what == "file not found");
  }
}

TEST_CASE("profile: is_me lists the pages the person confirmed, never also in not_me")
{
  auto p = parse_profile(R"({"first_name":"Jo","last_name":"Doe","is_me":["https://example.com/jo"],
   "not_me":["https://example.com/other-jo"]})");
  REQUIRE(p);
  CHECK(p->is_me == std::vector<std::string>{"https://example.com/jo"});
  CHECK(profile::profile_to_json(*p)["is_me"][0] == "https://example.com/jo");
  auto both =
      parse_profile(R"({"first_name":"Jo","last_name":"Doe","is_me":["https://example.com/jo"],
   "not_me":["https://example.com/jo"]})");
  REQUIRE_FALSE(both);
  CHECK(both.error().where == "p.json: /is_me/0");
  CHECK(both.error().hint.find("empreinte mark") != std::string::npos);
  CHECK_FALSE(parse_profile(R"({"first_name":"Jo","last_name":"Doe","is_me":[""]})"));
}

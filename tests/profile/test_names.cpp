#include "profile/names.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace empreinte;
using empreinte::util::words;

namespace {

profile::Profile person(std::string first, std::string last, std::vector<std::string> others = {})
{
  profile::Profile p;
  p.first_name = std::move(first);
  p.last_name = std::move(last);
  p.other_names = std::move(others);
  return p;
}

const profile::NameForm* find(const profile::Profile& p, const std::string& text)
{
  static std::vector<profile::NameForm> forms;
  forms = profile::name_forms(p);
  return profile::find_name(forms, words(text));
}

} // namespace

TEST_CASE("names: accents, case and hyphens never matter")
{
  const auto p = person("Hélène", "Müller-Ñúñez");
  REQUIRE(find(p, "page of helene muller-nunez"));
  REQUIRE(find(p, "HELENE MULLER NUNEZ"));
  CHECK(find(p, "helene muller-nunez")->strength == profile::NameStrength::full);
  CHECK_FALSE(find(p, "helene muller"));
}

TEST_CASE("names: both orders, compound first names")
{
  const auto p = person("Jean-Pierre", "Martin");
  CHECK(find(p, "MARTIN Jean-Pierre, gérant"));
  CHECK(find(p, "Martin, Jean Pierre"));
  CHECK(find(p, "jean-pierre martin"));
  CHECK_FALSE(find(p, "Pierre Martin"));
}

TEST_CASE("names: other names and initials")
{
  const auto p = person("Claire", "Dumontet", {"Claire Berthier"});
  REQUIRE(find(p, "Claire Berthier, architecte"));
  CHECK(find(p, "Claire Berthier, architecte")->display == "Claire Berthier");
  const auto* initial = find(p, "C. Dumontet a dit");
  REQUIRE(initial);
  CHECK(initial->strength == profile::NameStrength::initial);
  CHECK(find(p, "C. Berthier"));
  // A single-word other name is a surname: combined with the first name.
  const auto married = person("Anne", "Roux", {"Lefèvre"});
  CHECK(find(married, "Anne Lefevre"));
  // A full form wins over an initial form in the same text.
  CHECK(find(p, "C. Dumontet (Claire Dumontet)")->strength == profile::NameStrength::full);
}

TEST_CASE("names: full_name squeezes spaces")
{
  CHECK(profile::full_name(person(" Hélène ", "Vasseur ")) == "Hélène Vasseur");
}

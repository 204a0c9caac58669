#include "profile/employer.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte::profile;

TEST_CASE("employer: the core name drops legal forms and a leading kind of business")
{
  CHECK(employer_core("Boulangerie Le Fournil du Port") == "Le Fournil du Port");
  CHECK(employer_core("Quillware Sàrl") == "Quillware");
  CHECK(employer_core("SARL Garage Martin") == "Garage Martin"); // nothing left but a surname
  CHECK(employer_core("Brightline Analytics Ltd") == "Brightline Analytics");
  CHECK(employer_core("Acme") == "Acme");
  CHECK(employer_core("Cabinet Dupré & Associés LLP") == "Dupré & Associés");
}

TEST_CASE("employer: forms to match, whole name first")
{
  const auto forms = employer_forms("Boulangerie Le Fournil du Port SARL");
  REQUIRE(forms.size() >= 3);
  CHECK(forms[0] == std::vector<std::string>{"boulangerie", "le", "fournil", "du", "port", "sarl"});
  CHECK(std::find(forms.begin(), forms.end(), std::vector<std::string>{"fournil", "du", "port"})
        != forms.end());
  CHECK(employer_forms("Quillware Sàrl")
        == std::vector<std::vector<std::string>>{{"quillware", "sarl"}, {"quillware"}});
  CHECK(employer_forms("").empty());
  // Too short to name one business on its own.
  CHECK(employer_forms("Bar Ao").size() == 1);
}

#include "support/shipped_rules.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>

namespace empreinte::test {

const classify::Rules& shipped_rules()
{
  static const classify::Rules rules = [] {
    auto loaded = classify::Rules::load(std::string(EMPREINTE_SOURCE_DIR) + "/rules");
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().to_string()));
    return std::move(*loaded);
  }();
  return rules;
}

} // namespace empreinte::test

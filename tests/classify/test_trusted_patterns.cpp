// The program trusts the patterns the build checked (src/tools/pattern_digests.cpp): the list
// covers the shipped rules, and any other pattern is still checked when it loads.
#include "app/trusted_patterns.hpp"
#include "classify/patterns.hpp"
#include "classify/rules.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte;

namespace {

// Trusts `digests` for one test, as main() does, and trusts nothing again afterwards.
class Trusting
{
public:
  explicit Trusting(std::span<const std::uint64_t> digests) { classify::trust_patterns(digests); }
  ~Trusting() { classify::trust_patterns({}); }
  Trusting(const Trusting&) = delete;
  Trusting& operator=(const Trusting&) = delete;
};

} // namespace

TEST_CASE("trusted patterns: the program's list covers every pattern of the shipped rules")
{
  const auto digests = app::trusted_pattern_digests();
  CHECK(digests.size() >= 500);
  CHECK(std::is_sorted(digests.begin(), digests.end()));
  const Trusting trusting(digests);
  const std::size_t before = classify::patterns_parsed();
  auto rules = classify::Rules::load(std::string(EMPREINTE_SOURCE_DIR) + "/rules");
  REQUIRE_MESSAGE(rules, (rules ? "" : rules.error().to_string()));
  CHECK(classify::patterns_parsed() == before); // nothing parsed twice
}

TEST_CASE("trusted patterns: a pattern that is not listed is parsed and refused as always")
{
  const Trusting trusting(app::trusted_pattern_digests());
  const std::size_t before = classify::patterns_parsed();
  classify::PatternSet set;
  auto bad = set.add("\\bnurse(", "rules/cues.json: /cues/0/pattern");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().what.find("pattern does not compile") != std::string::npos);
  CHECK(bad.error().where == "rules/cues.json: /cues/0/pattern");
  auto lazy = classify::LazyPattern::check("(?P<user>[a-z]+", "platforms.json: /platforms/0");
  CHECK_FALSE(lazy);
  CHECK(classify::patterns_parsed() == before + 2);
  // The named group a pattern must capture is checked for trusted patterns too.
  const std::string no_group = "^https://example\\.org/([a-z]+)$";
  const std::uint64_t digest = classify::pattern_digest(no_group, /*case_sensitive=*/false);
  const Trusting listed(std::span<const std::uint64_t>(&digest, 1));
  auto missing = classify::LazyPattern::check(no_group, "platforms.json: /platforms/1", "user");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().what.find("no named group \"user\"") != std::string::npos);
}

TEST_CASE("trusted patterns: a listed pattern is not parsed, and a broken one matches nothing")
{
  // Only a digest collision could list a pattern that does not parse: it then fails to
  // compile on first use, and matches nothing, as a pattern too large for RE2 does.
  const std::string broken = "nurse(";
  const std::uint64_t digest = classify::pattern_digest(broken, /*case_sensitive=*/true);
  const Trusting trusting(std::span<const std::uint64_t>(&digest, 1));
  const std::size_t before = classify::patterns_parsed();
  classify::PatternSet set;
  REQUIRE(set.add(broken, "test"));
  REQUIRE(set.add("nurse", "test"));
  REQUIRE(set.compile());
  CHECK(classify::patterns_parsed() == before + 1); // "nurse" only
  CHECK(set.matches("a nurse( here") == std::vector<int>{1});
  CHECK(classify::pattern_digest(broken, true) != classify::pattern_digest(broken, false));
}

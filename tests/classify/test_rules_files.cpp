// Every shipped rules file loads through the real loaders and every example holds: a typo or a
// broken example in rules/ fails here (the same check as `empreinte rules lint`).
#include "classify/rules.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

using namespace empreinte;

namespace {

const std::string& rules_dir()
{
  static const std::string dir = std::string(EMPREINTE_SOURCE_DIR) + "/rules";
  return dir;
}

} // namespace

TEST_CASE("rules files: lint finds no problem")
{
  const auto problems = classify::lint_rules(rules_dir());
  for (const auto& p : problems) {
    MESSAGE(p.where << ": " << p.message);
  }
  CHECK(problems.empty());
}

TEST_CASE("rules files: coverage the classifier relies on")
{
  auto rules = classify::Rules::load(rules_dir());
  REQUIRE_MESSAGE(rules, (rules ? "" : rules.error().to_string()));
  for (const char* id : {"facebook", "instagram", "x", "twitter", "linkedin", "tiktok", "youtube",
                         "snapchat", "pinterest", "reddit", "threads", "bluesky", "mastodon",
                         "github", "twitch", "tumblr", "medium", "substack", "flickr", "vimeo",
                         "soundcloud", "strava", "goodreads", "viadeo", "xing", "malt", "vinted",
                         "leboncoin"}) {
    CAPTURE(id);
    CHECK(rules->networks.find(id) != nullptr);
  }
  CHECK(rules->networks.find("twitter")->id == "x");
  CHECK(rules->networks.defaults().size() >= 4);
  CHECK(rules->platforms.size() >= 80);
  std::size_t involuntary = 0;
  std::size_t news = 0;
  for (const auto& site : rules->sites.all()) {
    involuntary += classify::kind_of_category(site.category) == traces::Kind::involuntary ? 1 : 0;
    news += site.category == classify::SiteCategory::news ? 1 : 0;
  }
  CHECK(involuntary >= 150);
  CHECK(news >= 100);
  CHECK(rules->sites.find("web.archive.org")->category == classify::SiteCategory::archive);
  CHECK(rules->sites.find("www.instagram.com")->category == classify::SiteCategory::social);
  CHECK(rules->cues.size() >= 100);
  CHECK(rules->sensitive.pattern_count() >= 15);
  CHECK(rules->places.size() >= 500);
  CHECK(rules->occupations.size() >= 200);
}

TEST_CASE("rules lint: a broken file is reported with file and JSON path")
{
  // Lint a copy of the rules with one broken file.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("empreinte-lint-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(rules_dir(), dir, fs::copy_options::recursive);
  {
    std::ofstream out(dir / "cues.json");
    out << R"json({"schema": "empreinte/cues/v1", "cues": [{"id": "x", "lang": "fr", "field": "text",
      "pattern": "(?=x)", "kind": "involuntary", "weight": 0.5, "means": "m", "means_fr": "m"}]})json";
  }
  const auto problems = classify::lint_rules(dir);
  fs::remove_all(dir);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.find("cues.json: /cues/0/pattern") != std::string::npos);
}

TEST_CASE("rules files: the two-step load gives the plain files first, then the pattern sets or their error")
{
  namespace fs = std::filesystem;
  auto pending = classify::PendingRules::start(rules_dir());
  REQUIRE(pending);
  CHECK(pending->partial().networks.find("linkedin") != nullptr);
  CHECK(pending->partial().places.size() >= 500);
  auto rules = pending->finish();
  REQUIRE(rules);
  CHECK(rules->cues.size() >= 100);
  CHECK(rules->sensitive.pattern_count() >= 15);

  const fs::path dir = fs::temp_directory_path() / ("empreinte-pending-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(rules_dir(), dir, fs::copy_options::recursive);
  {
    std::ofstream out(dir / "lexicons.json");
    out << R"json({"schema": "empreinte/lexicons/v1", "terms": [], "patterns": [{"id": "x",
      "category": "phone", "pattern": "(?P<value>[0-9]+", "examples": {}}]})json";
  }
  auto broken = classify::PendingRules::start(dir);
  REQUIRE(broken); // the plain files are fine
  auto finished = broken->finish();
  fs::remove_all(dir);
  REQUIRE_FALSE(finished);
  CHECK(finished.error().where.find("lexicons.json: /patterns/0/pattern") != std::string::npos);
  CHECK(finished.error().what.find("pattern does not compile") == 0);
}

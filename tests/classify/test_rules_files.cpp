// Every shipped rules file loads through the real loaders: a typo in rules/ fails here.
#include "classify/site_rules.hpp"
#include "plan/networks.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("rules files: networks.json and sites.json load and cover what the docs promise")
{
  const std::string root = EMPREINTE_SOURCE_DIR;
  auto networks = plan::NetworkCatalog::load(root + "/rules/networks.json");
  REQUIRE_MESSAGE(networks, (networks ? "" : networks.error().to_string()));
  for (const char* id : {"facebook", "instagram", "x", "twitter", "linkedin", "tiktok", "youtube",
                         "snapchat", "pinterest", "reddit", "threads", "bluesky", "mastodon",
                         "github", "twitch", "tumblr", "medium", "substack", "flickr", "vimeo",
                         "soundcloud", "strava", "goodreads", "viadeo", "xing", "malt", "vinted",
                         "leboncoin"}) {
    CAPTURE(id);
    CHECK(networks->find(id) != nullptr);
  }
  CHECK(networks->find("twitter")->id == "x");
  CHECK(networks->defaults().size() >= 4);

  auto sites = classify::SiteRules::load(root + "/rules/sites.json", *networks);
  REQUIRE_MESSAGE(sites, (sites ? "" : sites.error().to_string()));
  CHECK(sites->find("www.pagesjaunes.fr") != nullptr);
  CHECK(sites->find("web.archive.org")->category == classify::SiteCategory::archive);
  CHECK(sites->find("www.instagram.com")->category == classify::SiteCategory::social);
}

// Known sites by category (rules/sites.json) and the networks (rules/networks.json).
#pragma once

#include "plan/networks.hpp"
#include "traces/trace.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace empreinte::classify {

// What a known site is; the kind of its pages follows from it (see kind_of_category).
enum class SiteCategory {
  people_search,
  broker,
  directory,
  registry,
  aggregator,
  archive,
  mirror,
  leak,
  news,
  organisation,
  sports_results,
  genealogy,
  obituary,
  forum,
  blog_host,
  reviews,
  social, // a network from rules/networks.json
};

std::string_view category_name(SiteCategory category);
std::optional<SiteCategory> category_from_name(std::string_view name);

// The kind a category's pages have, or unknown when it depends on the page (forums, blogs).
traces::Kind kind_of_category(SiteCategory category);

struct Site
{
  std::string domain; // registrable domain or exact host
  std::string name;
  SiteCategory category = SiteCategory::news;
  std::string country;
  std::string network_id; // for social sites
};

// Looks sites up by host: "fr.linkedin.com" finds "linkedin.com".
class SiteRules
{
public:
  // Loads rules/sites.json and adds the networks' domains as social sites.
  static util::Result<SiteRules> load(const std::string& sites_path,
                                      const plan::NetworkCatalog& networks);
  static util::Result<SiteRules> from_json_text(const std::string& text,
                                                const std::string& source,
                                                const plan::NetworkCatalog& networks);

  // The most specific site whose domain is the host or one of its parents, or nullptr.
  const Site* find(std::string_view host) const;
  std::size_t size() const { return m_sites.size(); }
  const std::vector<Site>& all() const { return m_sites; }

private:
  void add(Site site);
  std::vector<Site> m_sites;
  std::unordered_map<std::string, std::size_t> m_by_domain;
};

} // namespace empreinte::classify

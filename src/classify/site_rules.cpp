// Loading is strict (closed schema) so that a typo in rules/ fails loudly instead of
// silently matching nothing.
#include "classify/site_rules.hpp"

#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <array>
#include <utility>

namespace empreinte::classify {

namespace {

constexpr std::array<std::pair<SiteCategory, std::string_view>, 17> k_categories{{
  {SiteCategory::people_search, "people_search"},
  {SiteCategory::broker, "broker"},
  {SiteCategory::directory, "directory"},
  {SiteCategory::registry, "registry"},
  {SiteCategory::aggregator, "aggregator"},
  {SiteCategory::archive, "archive"},
  {SiteCategory::mirror, "mirror"},
  {SiteCategory::leak, "leak"},
  {SiteCategory::news, "news"},
  {SiteCategory::organisation, "organisation"},
  {SiteCategory::sports_results, "sports_results"},
  {SiteCategory::genealogy, "genealogy"},
  {SiteCategory::obituary, "obituary"},
  {SiteCategory::forum, "forum"},
  {SiteCategory::blog_host, "blog_host"},
  {SiteCategory::reviews, "reviews"},
  {SiteCategory::social, "social"},
}};

} // namespace

std::string_view category_name(SiteCategory category)
{
  for (const auto& [c, name] : k_categories) {
    if (c == category) {
      return name;
    }
  }
  return "";
}

std::optional<SiteCategory> category_from_name(std::string_view name)
{
  for (const auto& [c, n] : k_categories) {
    if (n == name) {
      return c;
    }
  }
  return std::nullopt;
}

traces::Kind kind_of_category(SiteCategory category)
{
  switch (category) {
  case SiteCategory::people_search:
  case SiteCategory::broker:
  case SiteCategory::directory:
  case SiteCategory::registry:
  case SiteCategory::aggregator:
  case SiteCategory::archive:
  case SiteCategory::mirror:
  case SiteCategory::leak:
    return traces::Kind::involuntary;
  case SiteCategory::news:
  case SiteCategory::organisation:
  case SiteCategory::sports_results:
  case SiteCategory::genealogy:
  case SiteCategory::obituary:
    return traces::Kind::inherited;
  case SiteCategory::social:
    return traces::Kind::voluntary;
  case SiteCategory::forum:
  case SiteCategory::blog_host:
  case SiteCategory::reviews:
    return traces::Kind::unknown;
  }
  return traces::Kind::unknown;
}

util::Result<SiteRules> SiteRules::load(const std::string& sites_path,
                                        const plan::NetworkCatalog& networks)
{
  auto text = util::read_file(sites_path);
  if (!text) {
    return text.error();
  }
  return from_json_text(*text, sites_path, networks);
}

util::Result<SiteRules> SiteRules::from_json_text(const std::string& text,
                                                  const std::string& source,
                                                  const plan::NetworkCatalog& networks)
{
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  util::JsonFields root(*value, source, "");
  root.allow_only({"schema", "source", "sites"});
  if (root.string("schema", true) != "empreinte/sites/v1" && !root.error()) {
    root.fail("unsupported schema", "schema", "expected \"empreinte/sites/v1\"");
  }
  root.string("source");
  const auto* list = root.array("sites", true);
  if (root.error()) {
    return *root.error();
  }
  SiteRules rules;
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields f((*list)[i], source, "/sites/" + std::to_string(i));
    f.allow_only({"domain", "name", "category", "country"});
    Site site;
    site.domain = f.string("domain", true);
    site.name = f.string("name", true);
    const std::string category = f.string("category", true);
    site.country = f.string("country");
    if (!f.error()) {
      if (auto c = category_from_name(category); c && *c != SiteCategory::social) {
        site.category = *c;
      } else {
        f.fail("unknown category \"" + category + "\"",
               "category",
               "use people_search, broker, directory, registry, aggregator, archive, mirror, "
               "leak, news, organisation, sports_results, genealogy, obituary, forum, "
               "blog_host or reviews");
      }
    }
    if (!f.error() && (site.domain != util::ascii_lower(site.domain)
                       || site.domain.find_first_of("/: ") != std::string::npos)) {
      f.fail("domain must be a lower-case host name without scheme or path", "domain");
    }
    if (!f.error() && rules.m_by_domain.count(site.domain)) {
      f.fail("duplicate domain \"" + site.domain + "\"", "domain");
    }
    if (f.error()) {
      return *f.error();
    }
    rules.add(std::move(site));
  }
  for (const auto& n : networks.all()) {
    for (const auto& domain : n.domains) {
      if (!rules.m_by_domain.count(domain)) {
        rules.add(Site{domain, n.name, SiteCategory::social, "INTL", n.id});
      }
    }
  }
  return rules;
}

void SiteRules::add(Site site)
{
  m_by_domain.emplace(site.domain, m_sites.size());
  m_sites.push_back(std::move(site));
}

const Site* SiteRules::find(std::string_view host_view) const
{
  std::string host = util::ascii_lower(host_view);
  while (!host.empty()) {
    if (auto it = m_by_domain.find(host); it != m_by_domain.end()) {
      return &m_sites[it->second];
    }
    const auto dot = host.find('.');
    if (dot == std::string::npos) {
      break;
    }
    host.erase(0, dot + 1);
  }
  return nullptr;
}

} // namespace empreinte::classify

// Networks are data (rules/networks.json) so that adding one needs no rebuild.
#include "plan/networks.hpp"

#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <set>

namespace empreinte::plan {

using nlohmann::json;

util::Result<NetworkCatalog> NetworkCatalog::load(const std::string& path)
{
  auto text = util::read_file(path);
  if (!text) {
    return text.error();
  }
  return from_json_text(*text, path);
}

util::Result<NetworkCatalog> NetworkCatalog::from_json_text(const std::string& text,
                                                            const std::string& source)
{
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  util::JsonFields root(*value, source, "");
  root.allow_only({"schema", "source", "networks"});
  if (root.string("schema", true) != "empreinte/networks/v1" && !root.error()) {
    root.fail("unsupported schema", "schema", "expected \"empreinte/networks/v1\"");
  }
  root.string("source");
  const json* list = root.array("networks", true);
  if (root.error()) {
    return *root.error();
  }
  NetworkCatalog catalog;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields f((*list)[i], source, "/networks/" + std::to_string(i));
    f.allow_only({"id", "name", "domains", "aliases", "default"});
    Network n;
    n.id = f.string("id", true);
    n.name = f.string("name", true);
    n.domains = f.strings("domains", true);
    n.aliases = f.strings("aliases");
    n.is_default = f.boolean("default", false);
    if (!f.error() && n.domains.empty()) {
      f.fail("a network needs at least one domain", "domains");
    }
    for (const auto& key : [&] {
           auto keys = n.aliases;
           keys.push_back(n.id);
           return keys;
         }()) {
      if (!f.error() && !seen.insert(util::ascii_lower(key)).second) {
        f.fail("duplicate network id or alias \"" + key + "\"", "id");
      }
    }
    if (f.error()) {
      return *f.error();
    }
    catalog.m_networks.push_back(std::move(n));
  }
  return catalog;
}

const Network* NetworkCatalog::find(const std::string& id_or_alias) const
{
  const std::string key = util::ascii_lower(util::squeeze_spaces(id_or_alias));
  for (const auto& n : m_networks) {
    if (n.id == key || std::find(n.aliases.begin(), n.aliases.end(), key) != n.aliases.end()) {
      return &n;
    }
  }
  return nullptr;
}

namespace {

// "https://www.Piaille.fr/@me" -> "piaille.fr"; "" when it is not a host name with a dot.
std::string as_domain(const std::string& given)
{
  std::string d = util::ascii_lower(util::squeeze_spaces(given));
  for (const char* scheme : {"https://", "http://"}) {
    if (d.rfind(scheme, 0) == 0) {
      d.erase(0, std::string_view(scheme).size());
    }
  }
  if (const auto slash = d.find('/'); slash != std::string::npos) {
    d.erase(slash);
  }
  if (d.rfind("www.", 0) == 0) {
    d.erase(0, 4);
  }
  while (!d.empty() && d.back() == '.') {
    d.pop_back();
  }
  const bool valid = d.find('.') != std::string::npos && d.size() <= 253 && d.front() != '.'
                     && d.find("..") == std::string::npos
                     && std::all_of(d.begin(), d.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
                        });
  return valid ? d : std::string();
}

std::size_t edit_distance(const std::string& a, const std::string& b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

} // namespace

std::optional<Network> NetworkCatalog::resolve(const std::string& given) const
{
  if (const Network* n = find(given)) {
    return *n;
  }
  const std::string domain = as_domain(given);
  if (domain.empty()) {
    return std::nullopt;
  }
  for (const auto& n : m_networks) {
    for (const auto& d : n.domains) {
      if (domain == d || (domain.size() > d.size() && domain.compare(domain.size() - d.size(), d.size(), d) == 0
                          && domain[domain.size() - d.size() - 1] == '.')) {
        Network one = n; // that site of the network only: the person's own instance
        one.domains = {domain};
        return one;
      }
    }
  }
  return Network{domain, domain, {domain}, {}, false};
}

std::vector<std::string> NetworkCatalog::closest(const std::string& given) const
{
  const std::string key = util::ascii_lower(util::squeeze_spaces(given));
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& n : m_networks) {
    std::size_t best = edit_distance(key, n.id);
    for (const auto& a : n.aliases) {
      best = std::min(best, edit_distance(key, a));
    }
    // A prefix ("insta", "linked") counts as close.
    if (key.size() >= 3 && n.id.rfind(key, 0) == 0) {
      best = 0;
    }
    if (best <= std::max<std::size_t>(2, key.size() / 3)) {
      scored.emplace_back(best, n.id);
    }
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
    out.push_back(scored[i].second);
  }
  return out;
}

std::vector<const Network*> NetworkCatalog::defaults() const
{
  std::vector<const Network*> out;
  for (const auto& n : m_networks) {
    if (n.is_default) {
      out.push_back(&n);
    }
  }
  return out;
}

std::string NetworkCatalog::id_list() const
{
  std::string out;
  for (const auto& n : m_networks) {
    out += (out.empty() ? "" : ", ") + n.id;
  }
  return out;
}

util::Status resolve_networks(profile::Profile& profile,
                              const NetworkCatalog& catalog,
                              const std::string& source)
{
  std::vector<std::string> resolved;
  for (std::size_t i = 0; i < profile.networks.size(); ++i) {
    const auto n = catalog.resolve(profile.networks[i]);
    if (!n) {
      const bool from_file = source != "command line";
      const auto near = catalog.closest(profile.networks[i]);
      std::string hint;
      for (const auto& id : near) {
        hint += (hint.empty() ? "did you mean " : " or ") + id;
      }
      hint += std::string(hint.empty() ? "" : "? ") + "Give a known id (" + catalog.id_list()
              + ") or the site's domain, e.g. visorando.com";
      return util::input_error("unknown network \"" + profile.networks[i] + "\"",
                               from_file ? source + ": /networks/" + std::to_string(i)
                                         : "command line: --network",
                               hint);
    }
    // A known id or alias is kept as its id; a site given as a domain is kept as the domain.
    const std::string id = catalog.find(profile.networks[i]) ? n->id : n->domains.front();
    if (std::find(resolved.begin(), resolved.end(), id) == resolved.end()) {
      resolved.push_back(id);
    }
  }
  profile.networks = std::move(resolved);
  return util::ok_status();
}

} // namespace empreinte::plan

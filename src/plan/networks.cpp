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
    const Network* n = catalog.find(profile.networks[i]);
    if (!n) {
      const bool from_file = source != "command line";
      return util::input_error(
        "unknown network \"" + profile.networks[i] + "\"",
        from_file ? source + ": /networks/" + std::to_string(i) : "command line: --network",
        "use one of: " + catalog.id_list());
    }
    if (std::find(resolved.begin(), resolved.end(), n->id) == resolved.end()) {
      resolved.push_back(n->id);
    }
  }
  profile.networks = std::move(resolved);
  return util::ok_status();
}

} // namespace empreinte::plan

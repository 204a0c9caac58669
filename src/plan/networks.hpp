// The social networks a person can name, and the domains a network search is restricted to.
#pragma once

#include "profile/profile.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace empreinte::plan {

// One network from rules/networks.json.
struct Network
{
  std::string id;
  std::string name;
  std::vector<std::string> domains; // most important first; used for site:
  std::vector<std::string> aliases; // other accepted ids ("twitter" for "x")
  bool is_default = false;          // searched when the person names no network
};

// The known networks, loaded from rules/networks.json.
class NetworkCatalog
{
public:
  static util::Result<NetworkCatalog> load(const std::string& path);
  static util::Result<NetworkCatalog> from_json_text(const std::string& text,
                                                     const std::string& source);

  // The network with this id or alias (case-insensitive), or nullptr.
  const Network* find(const std::string& id_or_alias) const;
  // What the person named: an id or alias, else a site given as a domain ("visorando.com",
  // "https://piaille.fr/"): the catalog's network with that domain, or a network of its own
  // searched with site:domain. nullopt when it is neither.
  std::optional<Network> resolve(const std::string& given) const;
  // The known ids closest in spelling to `given` (at most 3), for "did you mean".
  std::vector<std::string> closest(const std::string& given) const;
  const std::vector<Network>& all() const { return m_networks; }
  std::vector<const Network*> defaults() const;
  // "facebook, instagram, ..." for error messages.
  std::string id_list() const;

private:
  std::vector<Network> m_networks;
};

// Replaces aliases by canonical ids and removes duplicates; an unknown id is an input error
// naming the profile key or flag and listing the known ids.
util::Status resolve_networks(profile::Profile& profile,
                              const NetworkCatalog& catalog,
                              const std::string& source);

} // namespace empreinte::plan

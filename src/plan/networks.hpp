// The social networks a person can name, and the domains a network search is restricted to.
#pragma once

#include "profile/profile.hpp"
#include "util/result.hpp"

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

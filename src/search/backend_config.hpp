// Where a backend's parameters come from: --backend-opt, then the environment variable its
// definition names, then the config file, then the definition's default.
#pragma once

#include "search/backend_def.hpp"
#include "util/result.hpp"
#include "util/secret_mask.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::search {

constexpr const char* k_config_schema = "empreinte/config/v1";

// $XDG_CONFIG_HOME/empreinte/config.json (schema empreinte/config/v1; docs/backends.md).
struct SearchConfig
{
  std::vector<std::string> default_backends; // used when no --backend is given
  std::map<std::string, std::map<std::string, std::string>> params; // backend -> param -> value
  std::string user_agent;
  std::string proxy;
  std::string source; // the file, or "" when there is none
};

// $XDG_CONFIG_HOME/empreinte, else $HOME/.config/empreinte (not created).
std::filesystem::path config_dir();

// Reads the config file; a missing file is an empty config unless `required` (--config).
util::Result<SearchConfig> load_search_config(const std::filesystem::path& path, bool required);
// Reads config text; `source` names it in errors (the file).
util::Result<SearchConfig> parse_search_config(const std::string& text, const std::string& source);

// --backend-opt NAME.PARAM=VALUE, parsed: backend -> param -> value.
using BackendOpts = std::map<std::string, std::map<std::string, std::string>>;
util::Result<BackendOpts> parse_backend_opts(const std::vector<std::string>& opts);

// A definition with its parameter values.
struct ResolvedBackend
{
  BackendDef def;
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> origins; // param -> "--backend-opt", "BRAVE_API_KEY", ...
  std::vector<std::string> missing;           // required parameters nobody set

  bool usable() const { return missing.empty(); }
  // What to mask wherever text leaves the program: the values of secret parameters and the
  // credentials in any URL-valued parameter (a searxng base_url "http://u:PASS@host/").
  util::SecretMask mask() const;
  // What the user should do to make it usable ("set BRAVE_API_KEY, or ...").
  std::string how_to_configure() const;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
// The process environment.
std::optional<std::string> getenv_lookup(const std::string& name);

ResolvedBackend resolve_backend(const BackendDef& def,
                                const SearchConfig& config,
                                const BackendOpts& opts,
                                const EnvLookup& env = getenv_lookup);

// Checks that every backend and parameter named in `opts` and `config` exists.
util::Status check_backend_names(const std::vector<BackendDef>& defs,
                                 const SearchConfig& config,
                                 const BackendOpts& opts);

} // namespace empreinte::search

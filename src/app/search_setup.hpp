// Choosing and configuring search backends from flags, environment and the config file:
// shared by `audit`, `parse` and `backends`.
#pragma once

#include "app/data_paths.hpp"
#include "search/backend_config.hpp"
#include "search/backend_def.hpp"
#include "search/web_search.hpp"
#include "util/result.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace empreinte::app {

// Flags that say where backend definitions and settings come from.
struct SearchFlags
{
  std::vector<std::string> backends;     // --backend (repeatable)
  std::vector<std::string> backend_opts; // --backend-opt NAME.PARAM=VALUE
  std::string backends_dir;              // --backends-dir
  std::string config;                    // --config
};

// --backends-dir and --config (and --backend-opt when `with_opts`).
void add_definition_options(CLI::App& command, SearchFlags& flags, bool with_opts);

// Everything known about backends: definitions (shipped, then the user's folder, then
// --backends-dir; later ones override), the config file and --backend-opt values.
struct SearchSetup
{
  std::vector<search::BackendDef> defs;
  std::vector<std::string> folders; // where definitions were looked for, in order
  search::SearchConfig config;
  search::BackendOpts opts;

  const search::BackendDef* find(const std::string& name) const;
  std::string known_names() const;
};

util::Result<SearchSetup> load_search_setup(const DataPaths& data, const SearchFlags& flags);
// Same, finding the data directory first (for commands that need nothing else from it).
util::Result<SearchSetup> load_search_setup(const SearchFlags& flags);

// The named backends with their parameters; an unknown name or a missing required parameter
// (an API key...) is an input error saying how to set it.
util::Result<std::vector<search::ResolvedBackend>>
resolve_backends(const SearchSetup& setup, const std::vector<std::string>& names);

// An input error when `value` (a query, a header, a parameter) is not valid UTF-8 or holds a
// control character (which would split an HTTP header); `where` names the flag or variable.
util::Status check_setting_text(std::string_view value, const std::string& where);

// The honest default User-Agent: the tool, its version and what it does.
std::string default_user_agent();

} // namespace empreinte::app

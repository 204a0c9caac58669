// Definitions are data: a user adds an engine with one file, no rebuild. The order of folders
// lets a user's file replace a shipped definition of the same name.
#include "app/search_setup.hpp"

#include "util/text.hpp"

#include <algorithm>

#ifndef EMPREINTE_VERSION
#define EMPREINTE_VERSION "0.0.0"
#endif

namespace empreinte::app {

void add_definition_options(CLI::App& c, SearchFlags& f, bool with_opts)
{
  const char* group = "Search backends";
  if (with_opts) {
    c.add_option(
         "--backend-opt",
         f.backend_opts,
         "Set a backend parameter: NAME.PARAM=VALUE (e.g. searxng.base_url=http://127.0.0.1:8888)")
        ->group(group);
  }
  c.add_option("--backends-dir",
               f.backends_dir,
               "Extra folder of backend definitions (NAME.json), read last")
      ->group(group);
  c.add_option(
       "--config", f.config, "Config file (default: $XDG_CONFIG_HOME/empreinte/config.json)")
      ->group(group);
}

const search::BackendDef* SearchSetup::find(const std::string& name) const
{
  auto it = std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.name == name; });
  return it == defs.end() ? nullptr : &*it;
}

std::string SearchSetup::known_names() const
{
  std::string out = "corpus";
  for (const auto& d : defs) {
    out += ", " + d.name;
  }
  return out;
}

util::Result<SearchSetup> load_search_setup(const DataPaths& data, const SearchFlags& flags)
{
  SearchSetup s;
  std::vector<std::filesystem::path> folders{data.root / "rules" / "backends"};
  const auto user = search::config_dir();
  if (!user.empty()) {
    folders.push_back(user / "backends");
  }
  if (!flags.backends_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(flags.backends_dir, ec)) {
      return util::input_error("not a folder",
                               flags.backends_dir,
                               "give --backends-dir a folder of NAME.json definitions");
    }
    folders.push_back(flags.backends_dir);
  }
  for (const auto& f : folders) {
    s.folders.push_back(f.string());
  }
  auto defs = search::load_backend_defs(folders);
  if (!defs) {
    return defs.error();
  }
  s.defs = std::move(*defs);
  const bool explicit_config = !flags.config.empty();
  const std::filesystem::path config_path = explicit_config
                                                ? std::filesystem::path(flags.config)
                                                : (user.empty() ? user : user / "config.json");
  auto config = search::load_search_config(config_path, explicit_config);
  if (!config) {
    return config.error();
  }
  s.config = std::move(*config);
  auto opts = search::parse_backend_opts(flags.backend_opts);
  if (!opts) {
    return opts.error();
  }
  s.opts = std::move(*opts);
  if (auto st = search::check_backend_names(s.defs, s.config, s.opts); !st) {
    return st.error();
  }
  return s;
}

util::Result<SearchSetup> load_search_setup(const SearchFlags& flags)
{
  auto data = find_data_paths();
  if (!data) {
    return data.error();
  }
  return load_search_setup(*data, flags);
}

util::Result<std::vector<search::ResolvedBackend>>
resolve_backends(const SearchSetup& setup, const std::vector<std::string>& names)
{
  std::vector<search::ResolvedBackend> out;
  for (const auto& name : names) {
    const search::BackendDef* def = setup.find(name);
    if (!def) {
      return util::input_error("unknown backend \"" + name + "\"",
                               "--backend",
                               "known backends: " + setup.known_names() +
                                   " (see 'empreinte backends')");
    }
    if (std::any_of(out.begin(), out.end(), [&](const auto& r) { return r.def.name == name; })) {
      continue;
    }
    auto resolved = search::resolve_backend(*def, setup.config, setup.opts);
    for (const auto& [param, value] : resolved.values) {
      const std::string origin = resolved.origins.count(param) ? resolved.origins.at(param) : "";
      if (auto s = check_setting_text(value, name + "." + param + " (from " + origin + ")"); !s) {
        return s.error();
      }
    }
    if (!resolved.usable()) {
      return util::input_error("backend \"" + name + "\" is not configured: missing " +
                                   resolved.missing.front(),
                               "--backend " + name,
                               resolved.how_to_configure());
    }
    out.push_back(std::move(resolved));
  }
  return out;
}

util::Status check_setting_text(std::string_view value, const std::string& where)
{
  const std::string problem = util::text_problem(value);
  if (problem.empty()) {
    return util::ok_status();
  }
  return util::input_error("the value " + problem,
                           where,
                           "write it in UTF-8, without control characters");
}

std::string default_user_agent()
{
  return std::string("empreinte/") + EMPREINTE_VERSION +
         " (personal digital-footprint audit; one person searching their own name)";
}

} // namespace empreinte::app

// The command line wins over the environment, which wins over the config file: the usual
// precedence (curl, git), so a one-off override never needs the file edited.
#include "search/backend_config.hpp"

#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <algorithm>
#include <cstdlib>

namespace empreinte::search {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path config_dir()
{
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/') {
    return fs::path(xdg) / "empreinte";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".config" / "empreinte";
  }
  return {};
}

util::Result<SearchConfig> load_search_config(const fs::path& path, bool required)
{
  SearchConfig config;
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) {
    if (required) {
      return util::input_error(
          "config file not found", path.string(), "check the path given to --config");
    }
    return config;
  }
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) {
    return text.error();
  }
  return parse_search_config(*text, path.string());
}

util::Result<SearchConfig> parse_search_config(const std::string& text, const std::string& source)
{
  SearchConfig config;
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  util::JsonFields root(*value, source, "");
  root.allow_only({"schema", "default_backends", "backends", "user_agent", "proxy"});
  const std::string schema = root.string("schema", true);
  if (!root.error() && schema != k_config_schema) {
    root.fail("unsupported schema \"" + schema + "\"",
              "schema",
              std::string("expected \"") + k_config_schema + "\"");
  }
  config.default_backends = root.strings("default_backends");
  config.user_agent = root.string("user_agent");
  config.proxy = root.string("proxy");
  if (const json* backends = root.object("backends")) {
    for (const auto& [name, params] : backends->items()) {
      util::JsonFields f(params, source, "/backends/" + util::pointer_escape(name));
      if (f.error()) {
        return *f.error();
      }
      for (const auto& [param, v] : params.items()) {
        if (!v.is_string()) {
          f.fail(
              std::string("expected a string, found ") + v.type_name(), param, "quote the value");
          return *f.error();
        }
        config.params[name][param] = v.get<std::string>();
      }
    }
  }
  if (root.error()) {
    return *root.error();
  }
  config.source = source;
  return config;
}

util::Result<BackendOpts> parse_backend_opts(const std::vector<std::string>& opts)
{
  BackendOpts out;
  for (const auto& opt : opts) {
    const auto dot = opt.find('.');
    const auto eq = opt.find('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq || dot == 0 ||
        eq == dot + 1) {
      // Never echo the value: it may be an API key.
      const std::string shown = eq == std::string::npos ? opt : opt.substr(0, eq) + "=...";
      return util::input_error(
          "malformed --backend-opt \"" + shown + "\"",
          "--backend-opt",
          "write NAME.PARAM=VALUE, e.g. searxng.base_url=http://127.0.0.1:8888");
    }
    out[opt.substr(0, dot)][opt.substr(dot + 1, eq - dot - 1)] = opt.substr(eq + 1);
  }
  return out;
}

std::optional<std::string> getenv_lookup(const std::string& name)
{
  const char* v = std::getenv(name.c_str());
  if (!v || !*v) {
    return std::nullopt;
  }
  return std::string(v);
}

util::SecretMask ResolvedBackend::mask() const
{
  util::SecretMask out;
  for (const auto& p : def.params) {
    auto it = values.find(p.name);
    if (it == values.end()) {
      continue;
    }
    if (p.secret) {
      out.add(it->second);
    } else {
      out.add_url_credentials(it->second);
    }
  }
  return out;
}

std::string ResolvedBackend::how_to_configure() const
{
  std::string out;
  for (const auto& name : missing) {
    const BackendParam* p = def.param(name);
    std::string ways;
    if (p && !p->env.empty()) {
      ways = "set " + p->env + ", or ";
    }
    ways += "pass --backend-opt " + def.name + "." + name + "=VALUE, or add \"" + name +
            "\" under \"backends\": {\"" + def.name + "\": ...} in config.json";
    out += (out.empty() ? "" : "; ") + name + ": " + ways;
  }
  return out;
}

ResolvedBackend resolve_backend(const BackendDef& def,
                                const SearchConfig& config,
                                const BackendOpts& opts,
                                const EnvLookup& env)
{
  ResolvedBackend r;
  r.def = def;
  const auto* from_opts = opts.count(def.name) ? &opts.at(def.name) : nullptr;
  const auto* from_config = config.params.count(def.name) ? &config.params.at(def.name) : nullptr;
  for (const auto& p : def.params) {
    std::optional<std::string> value;
    std::string origin;
    if (from_opts && from_opts->count(p.name)) {
      value = from_opts->at(p.name);
      origin = "--backend-opt";
    } else if (!p.env.empty() && (value = env(p.env))) {
      origin = p.env;
    } else if (from_config && from_config->count(p.name)) {
      value = from_config->at(p.name);
      origin = config.source;
    } else if (!p.default_value.empty()) {
      value = p.default_value;
      origin = "default";
    }
    if (value && p.name.size() > 4 && p.name.compare(p.name.size() - 4, 4, "_url") == 0) {
      while (value->size() > 1 && value->back() == '/') {
        value->pop_back(); // "{base_url}/search" must not become "//search"
      }
    }
    if (!value || value->empty()) {
      if (p.required) {
        r.missing.push_back(p.name);
      }
      continue;
    }
    r.values[p.name] = *value;
    r.origins[p.name] = origin;
  }
  return r;
}

util::Status check_backend_names(const std::vector<BackendDef>& defs,
                                 const SearchConfig& config,
                                 const BackendOpts& opts)
{
  auto find = [&](const std::string& name) -> const BackendDef* {
    auto it =
        std::find_if(defs.begin(), defs.end(), [&](const BackendDef& d) { return d.name == name; });
    return it == defs.end() ? nullptr : &*it;
  };
  std::string known;
  for (const auto& d : defs) {
    known += (known.empty() ? "" : ", ") + d.name;
  }
  auto check = [&](const std::string& backend,
                   const std::map<std::string, std::string>& params,
                   const std::string& where) -> util::Status {
    const BackendDef* def = find(backend);
    if (!def) {
      return util::input_error(
          "unknown backend \"" + backend + "\"", where, "known backends: " + known);
    }
    for (const auto& [param, unused] : params) {
      if (!def->param(param)) {
        std::string names;
        for (const auto& p : def->params) {
          names += (names.empty() ? "" : ", ") + p.name;
        }
        return util::input_error("backend \"" + backend + "\" has no parameter \"" + param + "\"",
                                 where,
                                 names.empty() ? "it takes no parameter"
                                               : "its parameters: " + names);
      }
    }
    return util::ok_status();
  };
  for (const auto& [backend, params] : opts) {
    if (auto s = check(backend, params, "--backend-opt"); !s) {
      return s;
    }
  }
  for (const auto& [backend, params] : config.params) {
    if (auto s =
            check(backend, params, config.source + ": /backends/" + util::pointer_escape(backend));
        !s) {
      return s;
    }
  }
  for (const auto& name : config.default_backends) {
    if (!find(name) && name != "corpus") {
      return util::input_error("unknown backend \"" + name + "\"",
                               config.source + ": /default_backends",
                               "known backends: " + known);
    }
  }
  return util::ok_status();
}

} // namespace empreinte::search

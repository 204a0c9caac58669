// `empreinte backends [check]` and `empreinte cache clear`: what engines are known, which are
// usable, and whether they answer right now.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/search_setup.hpp"
#include "report/i18n.hpp"
#include "search/response_cache.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace empreinte::app {

namespace {

struct BackendsCommand
{
  SearchFlags search;
  OutputOptions output;
  std::vector<std::string> names; // check: which backends (default: every usable one)
  std::string query = "empreinte numérique";
  double timeout_s = 30;
  std::string proxy;
};

std::string params_line(const search::ResolvedBackend& r)
{
  const util::SecretMask mask = r.mask();
  std::string out;
  for (const auto& p : r.def.params) {
    std::string state;
    if (auto it = r.origins.find(p.name); it != r.origins.end()) {
      // Secret values are never shown; others are, so a wrong instance URL is easy to spot,
      // with any password in them masked.
      state = p.secret ? "set (" + it->second + ")"
                       : mask.apply(r.values.at(p.name)) + " (" + it->second + ")";
    } else {
      state = p.required ? "MISSING" : "unset";
    }
    out += fmt::format(
        "    {} = {}{}\n", p.name, state, p.env.empty() ? "" : "   [env " + p.env + "]");
  }
  return out;
}

int run_list(const BackendsCommand& cmd)
{
  auto setup = load_search_setup(cmd.search);
  if (!setup) {
    return report_error(setup.error());
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string text;
  for (const auto& def : setup->defs) {
    const auto r = search::resolve_backend(def, setup->config, setup->opts);
    nlohmann::ordered_json params = nlohmann::ordered_json::object();
    for (const auto& p : def.params) {
      const auto it = r.origins.find(p.name);
      params[p.name] = {
          {"set", it != r.origins.end()},
          {"from",
           it != r.origins.end() ? nlohmann::ordered_json(it->second)
                                 : nlohmann::ordered_json(nullptr)},
          {"required", p.required},
          {"secret", p.secret},
          {"env", p.env.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.env)}};
    }
    list.push_back({{"name", def.name},
                    {"description", def.description},
                    {"definition", def.source},
                    {"usable", r.usable()},
                    {"keyless_default", def.keyless_default},
                    {"missing", r.missing},
                    {"params", params},
                    {"notes", def.notes}});
    text += fmt::format("{}  {}\n  {}\n  definition: {}\n",
                        def.name,
                        r.usable() ? "usable" : "NOT USABLE",
                        def.description,
                        def.source);
    if (def.keyless_default) {
      text += "  in the keyless default: used in turn with the others when no backend is chosen\n";
    }
    text += params_line(r);
    if (!r.usable()) {
      text += "  to use it: " + r.how_to_configure() + "\n";
    }
    for (const auto& n : def.notes) {
      text += "  note: " + n + "\n";
    }
    text += "\n";
  }
  text += "corpus  usable\n  Offline: a folder of saved pages (--corpus DIR), searched with SQLite "
          "FTS5\n\n";
  text += "Definitions are read from: ";
  for (std::size_t i = 0; i < setup->folders.size(); ++i) {
    text += (i ? ", " : "") + setup->folders[i];
  }
  text += "\n";
  std::string content = cmd.output.format == "json" ? list.dump(2) + "\n" : text;
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

int run_check(const BackendsCommand& cmd)
{
  auto setup = load_search_setup(cmd.search);
  if (!setup) {
    return report_error(setup.error());
  }
  std::vector<std::string> names = cmd.names;
  if (names.empty()) {
    for (const auto& def : setup->defs) {
      if (search::resolve_backend(def, setup->config, setup->opts).usable()) {
        names.push_back(def.name);
      }
    }
  }
  auto backends = resolve_backends(*setup, names);
  if (!backends) {
    return report_error(backends.error());
  }
  for (const auto& [value, where] : {std::pair{cmd.query, "--query"}, std::pair{cmd.proxy, "--proxy"}}) {
    if (auto s = check_setting_text(value, where); !s) {
      return report_error(s.error());
    }
  }
  for (const auto& [value, where] : {std::pair{cmd.proxy, "--proxy"}, std::pair{setup->config.proxy, "config: proxy"}}) {
    if (auto s = check_proxy(value, where); !s) {
      return report_error(s.error());
    }
  }
  search::WebSearchOptions options;
  options.engine.deadline = std::chrono::milliseconds(static_cast<long long>(cmd.timeout_s * 1000));
  options.engine.max_retries = 0; // a check reports what happens now
  options.engine.proxy = !cmd.proxy.empty() ? cmd.proxy : setup->config.proxy;
  options.engine.user_agent =
      setup->config.user_agent.empty() ? default_user_agent() : setup->config.user_agent;
  search::WebSearch web(std::move(*backends), std::move(options));
  plan::Query q;
  q.id = "check";
  q.text = cmd.query;
  const auto outcomes = web.search_all({q}, 1);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string text;
  bool failed = false;
  for (const auto& o : outcomes) {
    failed = failed || search::is_failure(o.status);
    const std::string reason = report::tr("en", o.reason);
    list.push_back(
        {{"name", o.backend},
         {"status", search::status_name(o.status)},
         {"reason", o.reason.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(reason)},
         {"results", o.results.size()}});
    text += fmt::format("{:<12} {:<15} {} results{}\n",
                        o.backend,
                        search::status_name(o.status),
                        o.results.size(),
                        o.reason.empty() ? "" : "  " + util::strip_controls(reason));
  }
  if (outcomes.empty()) {
    text = "no usable web backend: see 'empreinte backends'\n";
  }
  std::string content = cmd.output.format == "json" ? list.dump(2) + "\n" : text;
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return failed ? k_exit_incomplete : k_exit_ok;
}

int run_cache_clear(const OutputOptions& output)
{
  auto dir = util::cache_dir();
  if (!dir) {
    return report_error(dir.error());
  }
  auto removed = search::clear_cache(*dir);
  if (!removed) {
    return report_error(removed.error());
  }
  note(output, fmt::format("removed {} cached files from {}", *removed, dir->string()));
  return k_exit_ok;
}

} // namespace

void add_backends_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<BackendsCommand>();
  CLI::App* sub = app.add_subcommand(
      "backends",
      "List the search backends, where each definition comes from and whether it is usable");
  sub->footer(k_exit_help);
  add_definition_options(*sub, cmd->search, true);
  add_output_options(*sub, cmd->output, {"text", "json"});
  sub->callback([cmd, sub, &runner] {
    if (sub->get_subcommands().empty()) {
      runner = [cmd] { return run_list(*cmd); };
    }
  });
  auto check = std::make_shared<BackendsCommand>();
  CLI::App* csub = sub->add_subcommand(
      "check",
      "Send one tiny live query to each usable backend (or those named) and print its status");
  csub->footer("Exit codes: 0 every backend answered, 2 usage or configuration error, 3 some "
               "backend failed (blocked, rate_limited, timeout, ...).");
  csub->add_option("NAME", check->names, "Backends to check (default: every usable one)");
  csub->add_option("--query", check->query, "The query to send")->capture_default_str();
  csub->add_option("--timeout", check->timeout_s, "Time limit, in seconds")
      ->check(CLI::Range(1.0, 600.0))
      ->capture_default_str();
  csub->add_option("--proxy", check->proxy, "Proxy URL (socks5h://... for Tor)");
  add_definition_options(*csub, check->search, true);
  add_output_options(*csub, check->output, {"text", "json"});
  csub->callback([check, &runner] { runner = [check] { return run_check(*check); }; });
}

void add_cache_command(CLI::App& app, Runner& runner)
{
  CLI::App* sub = app.add_subcommand("cache", "Manage the cache ($XDG_CACHE_HOME/empreinte)");
  sub->require_subcommand(1);
  auto output = std::make_shared<OutputOptions>();
  CLI::App* clear =
      sub->add_subcommand("clear", "Empty the cache: search responses and corpus indexes");
  clear->add_flag("-q,--quiet", output->quiet, "Say nothing");
  clear->callback([output, &runner] { runner = [output] { return run_cache_clear(*output); }; });
}

} // namespace empreinte::app

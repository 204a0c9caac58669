// `empreinte rules lint [DIR]`: checks rules files the way the classifier loads them.
#include "accounts/sites.hpp"
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "classify/rules.hpp"
#include "score/remedies.hpp"
#include "search/backend_def.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <memory>

namespace empreinte::app {

namespace {

int run_lint(const std::string& dir_flag)
{
  std::string dir = dir_flag;
  if (dir.empty()) {
    auto data = find_data_paths();
    if (!data) {
      return report_error(data.error());
    }
    dir = (data->root / "rules").string();
  }
  auto problems = classify::lint_rules(dir);
  if (auto remedies = score::Remedies::load(dir + "/remedies.json"); !remedies) {
    problems.push_back({remedies.error().where, remedies.error().what});
  }
  // The account-check sites, through the loader `empreinte accounts` uses; each site's known
  // and absent names must fit its own username rule (else its self-check cannot run).
  const std::string accounts_path = dir + "/accounts.json";
  if (std::filesystem::exists(accounts_path)) {
    const std::string wmn = dir + "/accounts-wmn.json";
    auto sites =
      accounts::load_sites(accounts_path, std::filesystem::exists(wmn) ? wmn : std::string());
    if (!sites) {
      problems.push_back({sites.error().where, sites.error().what});
    } else {
      for (const auto& site : sites->sites) {
        for (const auto& name : {site.known, site.absent}) {
          if (!site.applies_to(name)) {
            problems.push_back({accounts_path + ": site " + site.id,
                                "example name \"" + name + "\" does not fit its username rule"});
          }
        }
      }
    }
  }
  // Backend definitions are rules too: the same strict loader as at run time.
  if (auto defs = search::load_backend_defs({std::filesystem::path(dir) / "backends"}); !defs) {
    problems.push_back({defs.error().where, defs.error().what});
  }
  for (const auto& p : problems) {
    fmt::print("{}: {}\n", p.where, p.message);
  }
  if (!problems.empty()) {
    fmt::print(stderr, "empreinte: {} problem(s) in the rules of {}\n", problems.size(), dir);
    return k_exit_usage;
  }
  fmt::print("rules in {}: all files load and every example classifies as stated\n", dir);
  return k_exit_ok;
}

} // namespace

void add_rules_command(CLI::App& app, Runner& runner)
{
  CLI::App* rules = app.add_subcommand("rules", "Work with the rules data");
  rules->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  CLI::App* lint = rules->add_subcommand(
    "lint", "Validate rules files: closed schemas, unique ids, patterns compile, examples hold");
  lint->footer(k_exit_help);
  lint->add_option("DIR", *dir, "Rules folder (default: the installed rules)");
  lint->callback([dir, &runner] { runner = [dir] { return run_lint(*dir); }; });
}

} // namespace empreinte::app

// `empreinte accounts`: where a pseudonym has accounts, and whether they give the name away;
// `empreinte accounts self-check [SITES]`: each site's known and absent names.
#include "app/accounts_run.hpp"
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "report/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

struct AccountsCommand
{
  profile::ProfileFlags subject;
  AccountFlags flags;
  OutputOptions output;
  bool all = false; // --all: list the sites without an account too
  std::string lang; // --lang; "" = from the locale
};

// The person: a profile (names optional here: a pseudonym is enough to look for accounts,
// names are what the profile pages are searched for).
util::Result<profile::Profile> person_of(const profile::ProfileFlags& flags)
{
  const bool names = !flags.profile_file.empty() || !flags.first_name.empty()
                     || !flags.last_name.empty();
  if (names) {
    return profile::profile_from_flags(flags);
  }
  profile::Profile p;
  p.pseudonyms = flags.pseudonyms;
  p.location = flags.location;
  p.job = {flags.job_title, flags.employer};
  for (const auto& name : p.pseudonyms) {
    if (util::squeeze_spaces(name).empty()) {
      return util::input_error("empty pseudonym", "--pseudonym");
    }
  }
  return p;
}

int run_accounts(const AccountsCommand& cmd)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto person = person_of(cmd.subject);
  if (!person) {
    return report_error(person.error());
  }
  if (person->pseudonyms.empty()) {
    return report_error(util::input_error("no pseudonym to look for", "command line",
                                          "give --pseudonym NAME, or a profile with pseudonyms"));
  }
  AccountFlags flags = cmd.flags;
  flags.quiet = cmd.output.quiet;
  auto summary = check_pseudonyms(*data, *person, flags);
  if (!summary) {
    return report_error(summary.error());
  }
  std::string content;
  if (cmd.output.format == "json") {
    nlohmann::ordered_json j;
    j["schema"] = "empreinte/accounts-report/v1";
    const auto body = accounts::to_json(*summary);
    for (const auto& [k, v] : body.items()) {
      j[k] = v;
    }
    content = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  } else {
    content = accounts::render_text(*summary, cmd.all, resolve_lang(cmd.lang));
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  if (summary->incomplete()) {
    note(cmd.output, "account check incomplete: some sites could not be checked (see why above)");
    return k_exit_incomplete;
  }
  return k_exit_ok;
}

int run_self_check(const AccountsCommand& cmd, const std::vector<std::string>& ids)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  AccountFlags flags = cmd.flags;
  flags.quiet = cmd.output.quiet;
  if (!ids.empty()) {
    flags.sites = ids;
  }
  auto list = load_account_sites(*data, flags.wmn);
  if (!list) {
    return report_error(list.error());
  }
  auto sites = choose_sites(*list, flags);
  if (!sites) {
    return report_error(sites.error());
  }
  auto options = checker_options(flags);
  if (!options) {
    return report_error(options.error());
  }
  std::size_t sent = 0;
  std::size_t hits = 0;
  const auto results = accounts::self_check(*sites, *list, *options, sent, hits);
  std::size_t passed = 0;
  std::string content;
  nlohmann::ordered_json j;
  j["schema"] = "empreinte/accounts-self-check/v1";
  auto& rows = j["sites"] = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    passed += r.passed() ? 1 : 0;
    if (cmd.output.format == "json") {
      rows.push_back({{"site", r.site->id},
                      {"passed", r.passed()},
                      {"known", {{"name", r.known.name},
                                 {"status", accounts::status_name(r.known.status)},
                                 {"reason", report::tr("en", r.known.reason)}}},
                      {"absent", {{"name", r.absent.name},
                                  {"status", accounts::status_name(r.absent.status)},
                                  {"reason", report::tr("en", r.absent.reason)}}}});
    } else {
      content += fmt::format("{} {}\n", r.passed() ? "ok  " : "FAIL", r.site->id);
      if (!r.passed()) {
        content += fmt::format("     known {}: {} ({})\n", r.known.name,
                               accounts::status_name(r.known.status), report::tr("en", r.known.reason));
        content += fmt::format("     absent {}: {} ({})\n", r.absent.name,
                               accounts::status_name(r.absent.status), report::tr("en", r.absent.reason));
      }
    }
  }
  if (cmd.output.format == "json") {
    j["passed"] = passed;
    j["failed"] = results.size() - passed;
    j["requests_sent"] = sent;
    j["cache_hits"] = hits;
    content = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  } else {
    content += fmt::format("\n{} of {} sites passed; {} requests sent, {} answers from the cache\n",
                           passed, results.size(), sent, hits);
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return passed == results.size() ? k_exit_ok : k_exit_incomplete;
}

} // namespace

void add_accounts_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<AccountsCommand>();
  CLI::App* sub = app.add_subcommand(
    "accounts", "Find a pseudonym's accounts across sites, and whether they show your name");
  sub->footer(k_exit_help_accounts);
  add_profile_options(*sub, cmd->subject);
  add_account_selection_options(*sub, cmd->flags, "Sites");
  add_account_network_options(*sub, cmd->flags);
  sub->add_flag("--all", cmd->all, "Also list the sites where no account was found (text)")
    ->group("Output");
  add_output_options(*sub, cmd->output, {"text", "json"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner, sub] {
    if (sub->get_subcommands().empty()) {
      runner = [cmd] { return run_accounts(*cmd); };
    }
  });

  auto ids = std::make_shared<std::vector<std::string>>();
  auto check = std::make_shared<AccountsCommand>();
  CLI::App* self = sub->add_subcommand(
    "self-check", "Check that sites still tell accounts apart: each site's known name must be "
                  "found and its absent name not");
  self->footer(k_exit_help_self_check);
  self->add_option("SITES", *ids, "Site ids (default: the default set; see --all-sites)");
  add_account_selection_options(*self, check->flags, "Sites");
  add_account_network_options(*self, check->flags);
  add_output_options(*self, check->output, {"text", "json"});
  self->callback([check, ids, &runner] {
    runner = [check, ids] { return run_self_check(*check, *ids); };
  });
}

} // namespace empreinte::app

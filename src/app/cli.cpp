// The parser, its help text and the mapping of parse errors to exit code 2.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/options.hpp"
#include "app/run.hpp"
#include "util/temp_files.hpp"

#include <fmt/format.h>

#ifndef EMPREINTE_VERSION
#define EMPREINTE_VERSION "0.0.0"
#endif

namespace empreinte::app {

namespace {

// The command the user was typing ("audit", "backends check"), for the hints.
std::string command_path(const CLI::App& app)
{
  std::string path;
  const CLI::App* at = &app;
  while (true) {
    const auto subs = at->get_subcommands();
    if (subs.empty()) {
      break;
    }
    at = subs.front();
    path += " " + at->get_name();
  }
  return path;
}

// CLI11's messages in the project's form: what (where): what to do.
util::Error usage_error(const CLI::ParseError& e, const CLI::App& app)
{
  const std::string command = command_path(app);
  const std::string help = "run 'empreinte" + (command.empty() ? std::string(" COMMAND") : command)
                           + " --help' for the options";
  std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    const auto colon = what.find(": ");
    const std::string args = colon == std::string::npos ? what : what.substr(colon + 2);
    return util::input_error("unexpected argument" + std::string(args.find(' ') != std::string::npos ? "s " : " ")
                               + args,
                             "command line",
                             "check the spelling; " + help);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) {
      return util::input_error("no command given",
                               "command line",
                               "give one, e.g. 'empreinte demo' or 'empreinte audit --profile me.json'; "
                               "run 'empreinte --help' for the list");
    }
    return util::input_error(what, "command line", help);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    // "--first: 1 required TEXT missing"
    const auto colon = what.find(':');
    const std::string flag = colon == std::string::npos ? "an option" : what.substr(0, colon);
    return util::input_error(flag + " needs a value", flag, "write the value after it; " + help);
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) || dynamic_cast<const CLI::ConversionError*>(&e)) {
    // "--format: csv2 not in {text,json}" or "--max-queries: Value x could not be converted"
    const auto colon = what.find(": ");
    if (colon != std::string::npos && what.rfind("-", 0) == 0) {
      return util::input_error("bad value: " + what.substr(colon + 2), what.substr(0, colon), help);
    }
    return util::input_error("bad value: " + what, "command line", help);
  }
  return util::input_error(what, "command line", help);
}

} // namespace

int run(int argc, char** argv)
{
  util::install_interrupt_cleanup();
  CLI::App app{"empreinte: audit your own digital footprint the way a stranger would find it.\n"
               "Runs the four searches of the method (name, name + network, name + pseudonym,\n"
               "name + job), sorts every result into voluntary, inherited and involuntary\n"
               "traces, and explains each verdict.",
               "empreinte"};
  app.set_version_flag("--version", std::string("empreinte ") + EMPREINTE_VERSION);
  app.footer(k_exit_help);
  app.require_subcommand(1);
  app.fallthrough(false);

  Runner runner;
  add_plan_command(app, runner);
  add_audit_commands(app, runner);
  add_accounts_command(app, runner);
  add_classify_command(app, runner);
  add_rules_command(app, runner);
  add_letter_command(app, runner);
  add_parse_command(app, runner);
  add_backends_command(app, runner);
  add_cache_command(app, runner);
  add_history_command(app, runner);
  add_diff_command(app, runner);
  add_review_command(app, runner);
  add_mark_command(app, runner);
  add_requests_command(app, runner);
  add_batch_command(app, runner);
  add_quiz_command(app, runner);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report_error(usage_error(e, app));
  }
  return runner ? runner() : k_exit_usage;
}

} // namespace empreinte::app

// The parser, its help text and the mapping of parse errors to exit code 2.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "util/temp_files.hpp"

#include <fmt/format.h>

#ifndef EMPREINTE_VERSION
#define EMPREINTE_VERSION "0.0.0"
#endif

namespace empreinte::app {

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
  add_classify_command(app, runner);
  add_rules_command(app, runner);
  add_letter_command(app, runner);
  add_parse_command(app, runner);
  add_backends_command(app, runner);
  add_cache_command(app, runner);
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
    fmt::print(stderr, "empreinte: error: {}\n", e.what());
    fmt::print(stderr, "Run 'empreinte --help' or 'empreinte COMMAND --help' for usage.\n");
    return k_exit_usage;
  }
  return runner ? runner() : k_exit_usage;
}

} // namespace empreinte::app

// `empreinte parse`: reads a saved search-engine response the way an audit would, offline —
// for debugging a definition and for people writing one.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/search_setup.hpp"
#include "parse/search_response.hpp"
#include "report/i18n.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace empreinte::app {

namespace {

struct ParseCommand
{
  SearchFlags search;
  std::string backend;
  std::string file;
  int http_status = 200;
  std::string url;
  OutputOptions output;
};

int run_parse(const ParseCommand& cmd)
{
  auto setup = load_search_setup(cmd.search);
  if (!setup) {
    return report_error(setup.error());
  }
  const search::BackendDef* def = setup->find(cmd.backend);
  if (!def) {
    return report_error(util::input_error("unknown backend \"" + cmd.backend + "\"",
                                          "--backend",
                                          "known web backends: " + setup->known_names()));
  }
  auto body = util::read_file(cmd.file);
  if (!body) {
    return report_error(body.error());
  }
  // Relative links resolve against the engine's own address, as they would live.
  std::string url = cmd.url;
  if (url.empty()) {
    url = def->request.url.find('{') == 0 ? "https://invalid/" : def->request.url;
  }
  const auto page = parse::parse_response(*def, cmd.http_status, *body, url);
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& r : page.results) {
    results.push_back(
        {{"rank", r.rank}, {"url", r.url}, {"title", r.title}, {"snippet", r.snippet}});
  }
  std::string content;
  const std::string reason = report::tr("en", page.reason);
  if (cmd.output.format == "json") {
    nlohmann::ordered_json out = {{"backend", def->name},
                                  {"status", search::status_name(page.status)},
                                  {"reason",
                                   page.reason.empty() ? nlohmann::ordered_json(nullptr)
                                                       : nlohmann::ordered_json(reason)},
                                  {"results", results}};
    content = out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  } else {
    content = fmt::format("{}: {}{} · {} results\n",
                          def->name,
                          search::status_name(page.status),
                          page.reason.empty() ? "" : " (" + util::strip_controls(reason) + ")",
                          page.results.size());
    for (const auto& r : page.results) {
      content += fmt::format("{:>3}. {}\n     {}\n",
                             r.rank,
                             util::strip_controls(r.title),
                             util::strip_controls(r.url));
      if (!r.snippet.empty()) {
        content += "     " + util::strip_controls(util::truncate_utf8(r.snippet, 160)) + "\n";
      }
    }
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return search::is_failure(page.status) ? k_exit_incomplete : k_exit_ok;
}

} // namespace

void add_parse_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<ParseCommand>();
  CLI::App* sub = app.add_subcommand(
      "parse", "Parse a saved search-engine response offline: status, reason and ranked results");
  sub->footer("Exit codes: 0 the response has results or says there are none, 2 usage or input "
              "error, 3 the response is a failure (blocked, rate_limited, layout_changed, error).");
  sub->add_option("--backend", cmd->backend, "Backend whose definition reads the response")
      ->required();
  sub->add_option("FILE", cmd->file, "The saved response body")->required();
  sub->add_option("--http-status", cmd->http_status, "HTTP status the response came with")
      ->check(CLI::Range(100, 599))
      ->capture_default_str();
  sub->add_option("--url", cmd->url, "URL it was fetched from (to resolve relative links)");
  add_definition_options(*sub, cmd->search, false);
  add_output_options(*sub, cmd->output, {"text", "json"});
  sub->callback([cmd, &runner] { runner = [cmd] { return run_parse(*cmd); }; });
}

} // namespace empreinte::app

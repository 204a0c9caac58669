// `empreinte plan`: shows what would be searched, without searching.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "plan/planner.hpp"
#include "profile/names.hpp"
#include "report/i18n.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

struct PlanCommand
{
  profile::ProfileFlags subject;
  OutputOptions output;
  std::size_t max_queries = 0;
  std::string lang; // --lang; empty: from the environment
};

std::string render_plan_text(const profile::Profile& subject,
                             const std::vector<plan::Query>& queries,
                             const std::string& lang)
{
  using report::tr;
  std::string out =
      tr(lang, "plan.title", {profile::full_name(subject), std::to_string(queries.size())}) + "\n";
  int section = 0;
  for (plan::Family family :
       {plan::Family::name, plan::Family::network, plan::Family::pseudonym, plan::Family::job}) {
    ++section;
    out += fmt::format("\n{}. {} — {}\n",
                       section,
                       tr(lang, "family." + std::string(plan::family_name(family))),
                       plan::family_question(family, lang));
    bool any = false;
    for (const auto& q : queries) {
      if (q.family == family) {
        out += fmt::format("   {:<4} {}\n", q.id, q.text);
        any = true;
      }
    }
    if (!any) {
      out += "   " + tr(lang, "plan.nothing") + "\n";
    }
  }
  return out;
}

int run_plan(const PlanCommand& cmd)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto catalog = plan::NetworkCatalog::load(data->rules("networks.json").string());
  if (!catalog) {
    return report_error(catalog.error());
  }
  auto subject = load_subject(cmd.subject, *catalog);
  if (!subject) {
    return report_error(subject.error());
  }
  const auto queries = plan::make_plan(*subject, *catalog, {cmd.max_queries});
  const std::string lang = resolve_lang(cmd.lang);
  std::string content;
  if (cmd.output.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& q : queries) {
      list.push_back(plan::query_to_json(q, lang));
    }
    content = nlohmann::ordered_json{{"queries", list}}.dump(
        2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  } else {
    content = render_plan_text(*subject, queries, lang);
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_plan_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<PlanCommand>();
  CLI::App* sub = app.add_subcommand("plan", "Print the searches an audit would run");
  sub->footer(k_exit_help);
  add_profile_options(*sub, cmd->subject);
  sub->add_option("--max-queries",
                  cmd->max_queries,
                  "Keep at most N queries, taken in turn from each of the four searches");
  add_output_options(*sub, cmd->output, {"text", "json"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run_plan(*cmd); }; });
}

} // namespace empreinte::app

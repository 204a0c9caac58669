// `empreinte letter`: the GDPR letter for one trace of a saved report.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/pipeline.hpp"
#include "report/letter.hpp"
#include "util/clock.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

using nlohmann::json;

struct LetterCommand
{
  std::string report;
  std::string trace;
  std::string right;
  std::string lang = "fr";
  std::string authority; // id or country code; default by language
  OutputOptions output;
};

int run_letter(const LetterCommand& cmd)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto text = util::read_file(cmd.report, 16u * 1024 * 1024); // reports are a few MB at most
  if (!text) {
    return report_error(text.error());
  }
  auto report = util::parse_json(*text, cmd.report);
  if (!report) {
    return report_error(report.error());
  }
  if (!report->is_object() || report->value("schema", "") != "empreinte/report/v1"
      || !(*report)["traces"].is_array()) {
    return report_error(util::input_error("not an empreinte report", cmd.report,
                                          "give a report saved with --format json -o FILE"));
  }
  const json* trace = nullptr;
  std::string ids;
  for (const auto& t : (*report)["traces"]) {
    if (t.value("id", "") == cmd.trace) {
      trace = &t;
    }
    if (ids.size() < 200) {
      ids += (ids.empty() ? "" : ", ") + t.value("id", "");
    }
  }
  if (!trace) {
    return report_error(util::input_error("no trace \"" + cmd.trace + "\" in the report", cmd.report,
                                          "use one of the report's trace ids: " + ids));
  }
  auto rules = load_rules(*data);
  if (!rules) {
    return report_error(rules.error());
  }
  auto remedies = load_remedies(*data);
  if (!remedies) {
    return report_error(remedies.error());
  }
  const std::string url = trace->value("url", "");
  const auto parts = util::parse_http_url(url);
  const std::string bare_host = parts ? parts->host : std::string();
  std::string controller = trace->value("domain", "");
  if (const auto* site = rules->sites.find(bare_host)) {
    controller = site->name;
  }
  std::string contact;
  if (const auto* site = remedies->site(bare_host); site && !site->email.empty()) {
    contact = site->email;
  }
  std::string exposed;
  if ((*trace)["sensitive"].is_array()) {
    for (const auto& s : (*trace)["sensitive"]) {
      exposed += (exposed.empty() ? "" : ", ") + s.value("text", "") + " (" + s.value("category", "") + ")";
    }
  }
  const std::string key = cmd.authority.empty() ? (cmd.lang == "fr" ? "cnil" : "ico") : cmd.authority;
  const score::Authority* authority = remedies->authority(key);
  if (!authority) {
    return report_error(util::input_error("unknown data-protection authority \"" + key + "\"", "--authority",
                                          "give an authority id (cnil, ico, ...) or a country code (FR, GB, BE...)"));
  }
  const auto& subject = (*report)["subject"];
  const std::string name = subject.value("first_name", "") + " " + subject.value("last_name", "");
  const auto path = data->root / "reports" / "letters" / (cmd.right + "." + cmd.lang + ".mustache");
  auto tmpl = util::read_file(path);
  if (!tmpl) {
    return report_error(tmpl.error());
  }
  auto letter = report::render_letter(*tmpl,
                                      {{"subject_name", name},
                                       {"controller_name", controller},
                                       {"controller_contact", contact},
                                       {"url", url},
                                       {"title", trace->value("title", "")},
                                       {"data", exposed},
                                       {"date", util::now_rfc3339().substr(0, 10)},
                                       {"authority_name", authority->name},
                                       {"authority_url", authority->complaint_url}});
  if (!letter) {
    return report_error(letter.error());
  }
  if (auto s = write_output(cmd.output, *letter); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_letter_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<LetterCommand>();
  CLI::App* sub = app.add_subcommand(
    "letter", "Print a GDPR letter (erasure, rectification, objection) for one trace of a saved report");
  sub->footer(k_exit_help);
  sub->add_option("REPORT", cmd->report, "A report saved with --format json -o FILE")->required();
  sub->add_option("--trace", cmd->trace, "The trace id (see the report)")->required();
  sub->add_option("--right", cmd->right, "The right to exercise")
    ->required()
    ->check(CLI::IsMember({"erasure", "rectification", "objection"}));
  sub->add_option("--lang", cmd->lang, "Language of the letter")
    ->check(CLI::IsMember({"fr", "en"}))
    ->capture_default_str();
  sub->add_option("--authority", cmd->authority,
                  "Data-protection authority named in the letter (id or country; default CNIL in French, ICO in English)");
  sub->add_option("-o,--output", cmd->output.output, "Write to FILE instead of stdout");
  sub->callback([cmd, &runner] { runner = [cmd] { return run_letter(*cmd); }; });
}

} // namespace empreinte::app

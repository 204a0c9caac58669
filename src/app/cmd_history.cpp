// `empreinte history`: the stored audits of a person, oldest first, from the summary rows only.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "report/i18n.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

using nlohmann::ordered_json;
using report::tr;

struct HistoryCommand
{
  std::string subject;
  OutputOptions output;
  std::string lang;
};

std::vector<std::string> split_columns(const std::string& text)
{
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t bar = text.find('|'); bar != std::string::npos; bar = text.find('|', start)) {
    out.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

std::size_t width_of(const std::string& s)
{
  std::size_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::string render_text(const std::vector<history::RunSummary>& runs, const std::string& lang)
{
  std::string out = tr(lang, "history.title", {runs.front().name, runs.front().subject}) + "\n\n";
  std::vector<std::vector<std::string>> rows{split_columns(tr(lang, "history.columns"))};
  for (const auto& r : runs) {
    std::string backends;
    for (const auto& b : r.backends) {
      backends += (backends.empty() ? "" : ",") + b;
    }
    std::string date = r.generated_at.substr(0, 16);
    if (date.size() > 10) {
      date[10] = ' ';
    }
    rows.push_back({std::to_string(r.id),
                    date,
                    backends.empty() ? "-" : backends,
                    r.complete ? tr(lang, "diff.yes")
                               : tr(lang, "history.failed", {std::to_string(r.failed_queries)}),
                    std::to_string(r.exposure),
                    std::to_string(r.control),
                    std::to_string(r.traces),
                    std::to_string(r.about_you),
                    std::to_string(r.high_risk)});
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], width_of(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      const std::string cell = row[i];
      const std::string padding(widths[i] - width_of(cell), ' ');
      // Numbers right-aligned, words left-aligned.
      const bool numeric = i >= 4 || i == 0;
      line += (i ? "  " : "") + (numeric ? padding + cell : cell + padding);
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

ordered_json render_json(const std::vector<history::RunSummary>& runs, const std::string& subject)
{
  ordered_json list = ordered_json::array();
  for (const auto& r : runs) {
    list.push_back({{"run", r.id},
                    {"generated_at", r.generated_at},
                    {"stored_at", r.stored_at},
                    {"backends", r.backends},
                    {"complete", r.complete},
                    {"queries", r.queries},
                    {"failed_queries", r.failed_queries},
                    {"exposure", r.exposure},
                    {"control", r.control},
                    {"traces", r.traces},
                    {"about_you", r.about_you},
                    {"high_risk", r.high_risk}});
  }
  return {{"schema", "empreinte/history/v1"},
          {"subject", {{"key", subject}, {"name", runs.empty() ? "" : runs.front().name}}},
          {"runs", list}};
}

int run_history(const HistoryCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  auto store = open_history(history::Store::Access::read_only);
  if (!store) {
    return report_error(store.error());
  }
  if (!*store) {
    auto path = history::Store::default_path();
    note(cmd.output, tr(lang, "history.none", {path ? path->string() : std::string("?")}));
    return cmd.output.format == "json"
               ? (write_output(cmd.output, render_json({}, "").dump(2) + "\n") ? k_exit_ok
                                                                               : k_exit_runtime)
               : k_exit_ok;
  }
  auto subject = choose_subject(**store, cmd.subject);
  if (!subject) {
    return report_error(subject.error());
  }
  auto runs = (*store)->runs(*subject);
  if (!runs) {
    return report_error(runs.error());
  }
  const std::string content = cmd.output.format == "json"
                                  ? render_json(*runs, *subject).dump(2) + "\n"
                                  : render_text(*runs, lang);
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_history_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<HistoryCommand>();
  CLI::App* sub = app.add_subcommand("history", "List the stored audits of a person, oldest first");
  sub->footer(k_exit_help);
  sub->add_option("--subject",
                  cmd->subject,
                  "Whose audits (a name or key such as helene-vasseur); needed when the history "
                  "holds several people");
  add_output_options(*sub, cmd->output, {"text", "json"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run_history(*cmd); }; });
}

} // namespace empreinte::app

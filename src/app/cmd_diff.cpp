// `empreinte diff [OLD] [NEW]`: what changed between two audits, from the history or from files.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "history/diff_json.hpp"
#include "history/diff_render.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>
#include <memory>

#ifndef EMPREINTE_VERSION
#define EMPREINTE_VERSION "0.0.0"
#endif

namespace empreinte::app {

namespace {

struct DiffCommand
{
  std::string older = "previous";
  std::string newer = "latest";
  std::string subject;
  OutputOptions output;
  std::string lang;
};

bool names_a_run(const std::string& spec)
{
  return spec == "latest" || spec == "previous" ||
         (!spec.empty() && spec.find_first_not_of("0123456789") == std::string::npos);
}

int run_diff(DiffCommand cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  std::optional<history::Store> store;
  std::string subject;
  if (names_a_run(cmd.older) || names_a_run(cmd.newer) || !cmd.subject.empty()) {
    auto opened = open_history(history::Store::Access::read_only);
    if (!opened) {
      return report_error(opened.error());
    }
    if (!*opened) {
      return report_error(
          util::input_error("no audit stored yet",
                            "history",
                            "run 'empreinte audit' twice, or compare two report files"));
    }
    store = std::move(*opened);
    if (cmd.older == "latest" || cmd.older == "previous" || cmd.newer == "latest" ||
        cmd.newer == "previous") {
      auto chosen = choose_subject(*store, cmd.subject);
      if (!chosen) {
        return report_error(chosen.error());
      }
      subject = *chosen;
    }
  }
  auto newer =
      read_audit(store ? &*store : nullptr, cmd.newer, subject, std::nullopt, Detail::digest);
  if (!newer) {
    return report_error(newer.error());
  }
  auto older =
      read_audit(store ? &*store : nullptr, cmd.older, subject, newer->run, Detail::digest);
  if (!older) {
    return report_error(older.error());
  }
  // The older audit is always the base, however the two were named ("diff latest previous").
  const bool backwards = older->run && newer->run ? *older->run > *newer->run
                                                  : older->report.value("generated_at", "") >
                                                        newer->report.value("generated_at", "");
  if (backwards) {
    std::swap(*older, *newer);
    note(cmd.output, "comparing the older audit with the newer one");
  }
  history::Diff d = history::diff_reports(older->report, newer->report);
  d.before.run = older->run;
  d.before.file = older->file;
  d.after.run = newer->run;
  d.after.file = newer->file;
  if (const auto other =
          history::subject_key(older->report.value("subject", nlohmann::json::object()));
      other != d.subject) {
    note(cmd.output,
         fmt::format("warning: these audits are of two people ({} and {})", other, d.subject));
  }
  if (store) {
    auto follow = follow_up_requests(*store, d.subject, newer->report, &d);
    if (!follow) {
      return report_error(follow.error());
    }
    d.requests = std::move(*follow);
  }
  std::string content;
  if (cmd.output.format == "json") {
    content = history::diff_to_json(d, EMPREINTE_VERSION).dump(2) + "\n";
  } else if (cmd.output.format == "md") {
    content = history::render_diff_markdown(d, lang);
  } else if (cmd.output.format == "html") {
    auto data = find_data_paths();
    if (!data) {
      return report_error(data.error());
    }
    auto tmpl = util::read_file(data->root / "reports" / "templates" / "diff.html.mustache");
    if (!tmpl) {
      return report_error(tmpl.error());
    }
    auto html = history::render_diff_html(d, lang, *tmpl, EMPREINTE_VERSION);
    if (!html) {
      return report_error(html.error());
    }
    content = std::move(*html);
  } else {
    util::Style style;
    style.enabled = cmd.output.output.empty() && util::use_color(stdout);
    content = history::render_diff_text(d, lang, style);
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace

void add_diff_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<DiffCommand>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "What changed between two audits: traces new, gone, not seen (search failed), changed");
  sub->footer(k_exit_help);
  sub->add_option(
      "OLD",
      cmd->older,
      "A run id, latest, previous, or a report saved with --format json (default: previous)");
  sub->add_option("NEW", cmd->newer, "Idem (default: latest)");
  sub->add_option("--subject",
                  cmd->subject,
                  "Whose audits (a name or key); needed when the history holds several people");
  add_output_options(*sub, cmd->output, {"text", "json", "md", "html"});
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run_diff(*cmd); }; });
}

} // namespace empreinte::app

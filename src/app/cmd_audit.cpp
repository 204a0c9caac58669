// `empreinte audit` and `empreinte demo`: the main job, on a corpus of saved pages.
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "report/html_report.hpp"
#include "report/markdown_report.hpp"
#include "report/redact.hpp"
#include "report/text_report.hpp"
#include "search/corpus_backend.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

struct AuditCommand
{
  profile::ProfileFlags subject;
  OutputOptions output;
  std::string backend = "corpus";
  std::string corpus;
  std::string persona = "helene-vasseur"; // demo only
  AuditSettings settings;
  bool no_cache = false;
  bool redact = false;
  std::string lang; // --lang; empty: from the environment
};

util::Result<std::unique_ptr<search::Backend>> open_backend(const AuditCommand& cmd)
{
  if (cmd.backend != "corpus") {
    return util::input_error("unknown backend \"" + cmd.backend + "\"",
                             "--backend",
                             "this version searches an offline corpus: use --backend corpus "
                             "--corpus DIR");
  }
  if (cmd.corpus.empty()) {
    return util::input_error("the corpus backend needs a folder of saved pages",
                             "--corpus",
                             "give --corpus DIR, or run 'empreinte demo'");
  }
  std::optional<std::filesystem::path> cache;
  if (!cmd.no_cache) {
    auto dir = util::cache_dir();
    if (dir) {
      cache = *dir;
    } else {
      note(cmd.output, "warning: " + dir.error().to_string() + "; indexing in memory");
    }
  }
  auto index = search::CorpusIndex::open(cmd.corpus, cache);
  if (!index) {
    return index.error();
  }
  if (index->rebuilt()) {
    note(cmd.output, fmt::format("indexed {} pages of {}", index->page_count(), cmd.corpus));
  }
  return std::unique_ptr<search::Backend>(
    std::make_unique<search::CorpusBackend>(std::move(*index)));
}

int run(AuditCommand cmd, bool demo)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  if (demo) {
    cmd.subject = {};
    cmd.subject.profile_file = (data->training() / "personas" / (cmd.persona + ".json")).string();
    cmd.corpus = (data->training() / "corpus").string();
    if (!std::filesystem::exists(cmd.subject.profile_file)) {
      return report_error(util::input_error("unknown training persona \"" + cmd.persona + "\"",
                                            "--persona",
                                            "see the files in " + data->training().string()
                                              + "/personas"));
    }
  } else if (!cmd.subject.any_subject()) {
    return report_error(util::input_error(
      "no subject to audit", "command line", "give --profile FILE, or --first and --last"));
  }
  auto rules = load_rules(*data);
  if (!rules) {
    return report_error(rules.error());
  }
  auto remedies = load_remedies(*data);
  if (!remedies) {
    return report_error(remedies.error());
  }
  auto subject = load_subject(cmd.subject, rules->networks);
  if (!subject) {
    return report_error(subject.error());
  }
  auto backend = open_backend(cmd);
  if (!backend) {
    return report_error(backend.error());
  }
  cmd.settings.lang = resolve_lang(cmd.lang);
  report::Report r = run_audit(*subject, *rules, *remedies, **backend, cmd.settings);
  if (cmd.redact) {
    report::redact(r);
  }
  std::string content;
  if (cmd.output.format == "json") {
    content = report::to_json(r).dump(2) + "\n";
  } else if (cmd.output.format == "md") {
    content = report::render_markdown(r);
  } else if (cmd.output.format == "html") {
    auto tmpl = util::read_file(data->root / "reports" / "templates" / "report.html.mustache");
    if (!tmpl) {
      return report_error(tmpl.error());
    }
    auto html = report::render_html(r, *tmpl);
    if (!html) {
      return report_error(html.error());
    }
    content = std::move(*html);
  } else {
    util::Style style;
    style.enabled = cmd.output.output.empty() && util::use_color(stdout);
    content = report::render_text(r, style);
  }
  if (auto s = write_output(cmd.output, content); !s) {
    return report_error(s.error());
  }
  if (!r.complete()) {
    note(cmd.output, "audit incomplete: some queries failed (see the report)");
    return k_exit_incomplete;
  }
  return k_exit_ok;
}

void add_search_options(CLI::App& sub, AuditCommand& cmd)
{
  const char* group = "Search";
  sub.add_option("--max-queries",
                 cmd.settings.plan.max_queries,
                 "Keep at most N queries, taken in turn from each of the four searches")
    ->group(group);
  sub.add_option("--pages", cmd.settings.pages, "Result pages per query (10 results a page)")
    ->check(CLI::Range(1, 10))
    ->capture_default_str()
    ->group(group);
  sub.add_flag("--no-cache", cmd.no_cache, "Do not keep the corpus index in the cache directory")
    ->group(group);
  sub.add_flag("--redact", cmd.redact,
               "Mask personal data (e-mails, phones, addresses, birth dates, identifiers) in the report, for sharing")
    ->group("Output");
}

} // namespace

void add_audit_commands(CLI::App& app, Runner& runner)
{
  auto audit = std::make_shared<AuditCommand>();
  CLI::App* sub = app.add_subcommand("audit", "Audit a person: search, classify, report");
  sub->footer(k_exit_help);
  add_profile_options(*sub, audit->subject);
  sub->add_option("--backend", audit->backend, "Search backend")
    ->capture_default_str()
    ->group("Search");
  sub->add_option("--corpus", audit->corpus, "Folder of saved HTML pages (corpus backend)")
    ->group("Search");
  add_search_options(*sub, *audit);
  add_output_options(*sub, audit->output, {"text", "json", "md", "html"});
  add_lang_option(*sub, audit->lang);
  sub->callback([audit, &runner] { runner = [audit] { return run(*audit, false); }; });

  auto demo = std::make_shared<AuditCommand>();
  CLI::App* dsub = app.add_subcommand(
    "demo", "Audit a fictional training persona on the bundled offline corpus");
  dsub->footer(k_exit_help);
  dsub->add_option("--persona", demo->persona, "Training persona (file name in training/personas)")
    ->capture_default_str();
  add_search_options(*dsub, *demo);
  add_output_options(*dsub, demo->output, {"text", "json", "md", "html"});
  add_lang_option(*dsub, demo->lang);
  dsub->callback([demo, &runner] { runner = [demo] { return run(*demo, true); }; });
}

} // namespace empreinte::app

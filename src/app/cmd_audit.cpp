// `empreinte audit` and `empreinte demo`: the main job, on a corpus of saved pages.
#include "app/audit_history.hpp"
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "app/search_setup.hpp"
#include "report/html_report.hpp"
#include "report/markdown_report.hpp"
#include "report/redact.hpp"
#include "report/text_report.hpp"
#include "search/corpus_backend.hpp"
#include "search/web_search.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <memory>

namespace empreinte::app {

namespace {

// Result pages per query on an offline corpus when --pages is not given.
constexpr int k_corpus_pages = 5;

struct AuditCommand
{
  profile::ProfileFlags subject;
  OutputOptions output;
  SearchFlags search;
  std::string corpus;
  double timeout_s = 300;
  double request_timeout_s = 20;
  std::string proxy;
  std::string user_agent;
  bool refresh = false;
  std::string persona = "helene-vasseur"; // demo only
  AuditSettings settings{.plan = {}, .pages = 0}; // pages: by backend unless --pages
  bool no_cache = false;
  bool redact = false;
  std::string lang; // --lang; empty: from the environment
  AuditHistoryOptions history; // audit only: the demo never touches the history
};

// The cache directory, or nullopt with --no-cache or when there is none (a warning says what
// happens instead: `without`).
std::optional<std::filesystem::path> cache_dir_unless_disabled(const AuditCommand& cmd,
                                                               std::string_view without)
{
  if (cmd.no_cache) {
    return std::nullopt;
  }
  auto dir = util::cache_dir();
  if (!dir) {
    note(cmd.output, "warning: " + dir.error().to_string() + "; " + std::string(without));
    return std::nullopt;
  }
  return *dir;
}

util::Result<std::unique_ptr<search::Backend>> open_corpus(const AuditCommand& cmd)
{
  if (cmd.corpus.empty()) {
    return util::input_error("the corpus backend needs a folder of saved pages",
                             "--corpus",
                             "give --corpus DIR, or run 'empreinte demo'");
  }
  const auto cache = cache_dir_unless_disabled(cmd, "indexing in memory");
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

// Which backends to use: --backend, else the corpus when --corpus is given, else the config
// file's default_backends, else duckduckgo (no key needed).
std::vector<std::string> chosen_backends(const AuditCommand& cmd, const SearchSetup& setup)
{
  if (!cmd.search.backends.empty()) {
    return cmd.search.backends;
  }
  if (!cmd.corpus.empty()) {
    return {"corpus"};
  }
  if (!setup.config.default_backends.empty()) {
    return setup.config.default_backends;
  }
  return {"duckduckgo"};
}

util::Result<std::unique_ptr<search::Backend>> open_backend(const AuditCommand& cmd,
                                                            const DataPaths& data)
{
  auto setup = load_search_setup(data, cmd.search);
  if (!setup) {
    return setup.error();
  }
  const auto names = chosen_backends(cmd, *setup);
  if (std::find(names.begin(), names.end(), "corpus") != names.end()) {
    if (names.size() > 1) {
      return util::input_error("the offline corpus cannot be combined with web backends",
                               "--backend", "run the corpus and the web backends separately");
    }
    return open_corpus(cmd);
  }
  auto backends = resolve_backends(*setup, names);
  if (!backends) {
    return backends.error();
  }
  if (!cmd.corpus.empty()) {
    return util::input_error("--corpus is only for the corpus backend", "--corpus",
                             "drop --corpus, or use --backend corpus");
  }
  search::WebSearchOptions options;
  options.engine.deadline = std::chrono::milliseconds(static_cast<long long>(cmd.timeout_s * 1000));
  options.engine.request_timeout =
    std::chrono::milliseconds(static_cast<long long>(cmd.request_timeout_s * 1000));
  options.engine.proxy = !cmd.proxy.empty() ? cmd.proxy : setup->config.proxy;
  options.engine.user_agent = !cmd.user_agent.empty()              ? cmd.user_agent
                              : !setup->config.user_agent.empty() ? setup->config.user_agent
                                                                  : default_user_agent();
  options.refresh = cmd.refresh;
  if (const auto dir = cache_dir_unless_disabled(cmd, "responses are not cached")) {
    options.cache.emplace(*dir / "responses", std::chrono::hours(24));
  }
  if (!cmd.output.quiet && util::is_terminal(stderr)) {
    options.progress = [](std::size_t done, std::size_t total) {
      fmt::print(stderr, "\r\x1b[Ksearching: {}/{} requests", done, total);
      if (done == total) {
        fmt::print(stderr, "\r\x1b[K");
      }
    };
  }
  return std::unique_ptr<search::Backend>(
    std::make_unique<search::WebSearch>(std::move(*backends), std::move(options)));
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
  auto backend = open_backend(cmd, *data);
  if (!backend) {
    return report_error(backend.error());
  }
  cmd.settings.lang = resolve_lang(cmd.lang);
  std::unique_ptr<read::PageReader> reader;
  if (auto* corpus = dynamic_cast<search::CorpusBackend*>(backend->get())) {
    // Every page is on disk: read them all.
    reader = std::make_unique<read::SavedPageReader>(corpus->dir());
    if (cmd.settings.pages == 0) {
      cmd.settings.pages = k_corpus_pages;
    }
  }
  if (cmd.settings.pages == 0) {
    cmd.settings.pages = 1;
  }
  report::Report r = run_audit(*subject, *rules, *remedies, **backend, cmd.settings, reader.get());
  if (auto* web = dynamic_cast<search::WebSearch*>(backend->get())) {
    note(cmd.output, fmt::format("{} requests sent, {} answers from the cache", web->requests_sent(),
                                 web->cache_hits()));
  }
  std::optional<AuditHistory> history;
  if (!demo) {
    auto h = AuditHistory::begin(r, cmd.history);
    if (!h) {
      return report_error(h.error());
    }
    history = std::move(*h);
  }
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
  if (history) {
    const auto profile = cmd.subject.profile_file.empty()
                           ? std::string()
                           : std::filesystem::absolute(cmd.subject.profile_file).string();
    if (auto stored = history->finish(profile); !stored) {
      note(cmd.output, "the report was written, but the run could not be stored in the history");
      return report_error(stored.error());
    }
  }
  if (!r.complete()) {
    note(cmd.output, "audit incomplete: some queries failed (see the report)");
  }
  if (history) {
    return history->exit_code(r.complete());
  }
  return r.complete() ? k_exit_ok : k_exit_incomplete;
}

void add_search_options(CLI::App& sub, AuditCommand& cmd)
{
  const char* group = "Search";
  sub.add_option("--max-queries",
                 cmd.settings.plan.max_queries,
                 "Keep at most N queries, taken in turn from each of the four searches")
    ->group(group);
  sub.add_option("--pages", cmd.settings.pages,
                 "Result pages per query, 10 results a page (default: 1 on the web, out of "
                 "politeness; 5 on an offline corpus, where reading more costs nothing)")
    ->check(CLI::Range(1, 10))
    ->group(group);
  sub.add_flag("--no-cache", cmd.no_cache,
               "Neither read nor write the cache (search responses, corpus index)")
    ->group(group);
  sub.add_flag("--redact", cmd.redact,
               "Mask personal data (e-mails, phones, addresses, birth dates, identifiers) in the report, for sharing")
    ->group("Output");
}

void add_web_options(CLI::App& sub, AuditCommand& cmd)
{
  const char* group = "Search backends";
  sub.add_option("--backend", cmd.search.backends,
                 "Search backend, repeatable: duckduckgo (default), searxng, brave, google-cse, "
                 "mojeek, startpage, yours, or corpus (offline)")
    ->group(group);
  sub.add_option("--corpus", cmd.corpus, "Folder of saved HTML pages (the offline corpus backend)")
    ->group(group);
  add_definition_options(sub, cmd.search, true);
  sub.add_option("--timeout", cmd.timeout_s, "Time limit for all the searches, in seconds (0: none)")
    ->check(CLI::Range(0.0, 86400.0))
    ->capture_default_str()
    ->group(group);
  sub.add_option("--request-timeout", cmd.request_timeout_s, "Time limit for one request, in seconds")
    ->check(CLI::Range(0.1, 600.0))
    ->capture_default_str()
    ->group(group);
  sub.add_option("--proxy", cmd.proxy,
                 "Proxy URL, e.g. socks5h://127.0.0.1:9050 for Tor (curl's proxy variables also work)")
    ->group(group);
  sub.add_option("--user-agent", cmd.user_agent, "User-Agent header (default: empreinte/VERSION ...)")
    ->group(group);
  sub.add_flag("--refresh", cmd.refresh, "Ignore cached responses (new ones are still stored)")
    ->group(group);
}

} // namespace

void add_audit_commands(CLI::App& app, Runner& runner)
{
  auto audit = std::make_shared<AuditCommand>();
  CLI::App* sub = app.add_subcommand("audit", "Audit a person: search, classify, report");
  sub->footer(k_exit_help);
  add_profile_options(*sub, audit->subject);
  add_web_options(*sub, *audit);
  add_search_options(*sub, *audit);
  add_output_options(*sub, audit->output, {"text", "json", "md", "html"});
  add_lang_option(*sub, audit->lang);
  add_audit_history_options(*sub, audit->history);
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

// `empreinte audit` and `empreinte demo`: the main job, on a corpus of saved pages.
#include "app/audit_history.hpp"
#include "app/accounts_run.hpp"
#include "app/audit_command.hpp"
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "app/search_setup.hpp"
#include "report/csv_report.hpp"
#include "report/html_report.hpp"
#include "report/markdown_report.hpp"
#include "report/redact.hpp"
#include "report/what_if.hpp"
#include "report/text_report.hpp"
#include "read/web_reader.hpp"
#include "search/corpus_backend.hpp"
#include "search/web_search.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <fmt/format.h>
#include <memory>
#include <vector>

namespace empreinte::app {

namespace {

// Result pages per query on an offline corpus when --pages is not given.
constexpr int k_corpus_pages = 5;
// Result pages read on the web when --read-pages is not given (docs/classification.md).
constexpr int k_web_read_pages = 10;
// The report's formats, the first being the default.
const std::vector<std::string> k_report_formats{"text", "json", "md", "html", "csv"};

} // namespace

void settle_settings(AuditCommand& cmd, const Searcher& searcher)
{
  cmd.settings.lang = resolve_lang(cmd.lang);
  const auto* corpus = dynamic_cast<search::CorpusBackend*>(searcher.backend.get());
  const bool offline = corpus != nullptr;
  // Pages over the size cap were left out of the index: the report says which.
  if (corpus && !corpus->skipped().empty()) {
    cmd.settings.warnings.push_back(util::Message{
      "warning.corpus_skipped",
      {std::to_string(corpus->skipped().size()), skipped_list(corpus->skipped())},
      {}});
  }
  if (cmd.settings.pages == 0) {
    cmd.settings.pages = offline ? k_corpus_pages : 1;
  }
  if (cmd.read_pages < 0) {
    cmd.settings.read_pages = offline ? -1 : k_web_read_pages;
  } else {
    cmd.settings.read_pages = cmd.read_pages;
  }
}

void link_saved_pages(report::Report& r, const std::string& corpus, const std::string& output)
{
  std::error_code ec;
  const auto corpus_dir = std::filesystem::absolute(corpus, ec);
  r.corpus_dir = ec ? corpus : corpus_dir.lexically_normal().string();
  r.written_to_dir.clear();
  if (!output.empty()) {
    const auto out_dir = std::filesystem::absolute(output, ec).parent_path();
    r.written_to_dir = ec ? "" : out_dir.lexically_normal().string();
  }
  // An action that links to the page itself ("delete what you published": the post) would
  // open the live address: offline, the trace's own link (the saved page) is the one to use.
  for (auto& t : r.traces) {
    for (auto& a : t.actions) {
      if (a.url == t.url) {
        a.url.clear();
      }
    }
  }
}

util::Result<std::string> render_report(const report::Report& r,
                                        const std::string& format,
                                        const DataPaths& data,
                                        bool for_stdout)
{
  if (format == "json") {
    // Text is checked where it enters; replacing here is the last line of defence, so that a
    // stray byte can never lose a report whose searches were all sent.
    return report::to_json(r).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  if (format == "md") {
    return report::render_markdown(r);
  }
  if (format == "csv") {
    return report::render_csv(r);
  }
  if (format == "html") {
    auto tmpl = util::read_file(data.root / "reports" / "templates" / "report.html.mustache");
    if (!tmpl) {
      return tmpl.error();
    }
    return report::render_html(r, *tmpl);
  }
  util::Style style;
  style.enabled = for_stdout && util::use_color(stdout);
  // A file gets 80 columns; a terminal its own width (or $COLUMNS).
  style.width = for_stdout ? util::text_width(stdout) : 80;
  return report::render_text(r, style);
}

namespace {

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
  auto outputs = check_outputs(cmd.output, k_report_formats);
  if (!outputs) {
    return report_error(outputs.error());
  }
  // The remedies (and their contacts) load while the rules compile, and the backend opens
  // (the corpus is listed, its index checked) while the pattern sets finish compiling
  // (issue 14: start-up). Every check that needs no pattern still comes first.
  auto remedies_loading = std::async(std::launch::async, [&data] { return load_remedies(*data); });
  auto pending = start_rules(*data);
  auto remedies = remedies_loading.get();
  if (!pending) {
    return report_error(pending.error());
  }
  if (!remedies) {
    return report_error(remedies.error());
  }
  auto subject = load_subject(cmd.subject, pending->partial().networks);
  if (!subject) {
    return report_error(subject.error());
  }
  // A country that is none is refused before any search is sent.
  const bool country_flag = !cmd.subject.country.empty() || cmd.subject.profile_file.empty();
  if (auto where = choose_jurisdiction(*subject, pending->partial(), *remedies,
                                       country_flag ? "command line" : cmd.subject.profile_file);
      !where) {
    return report_error(where.error());
  }
  auto backend = open_backend(cmd, *data);
  auto rules = pending->finish();
  if (!rules) {
    return report_error(rules.error());
  }
  if (!backend) {
    return report_error(backend.error());
  }
  std::optional<accounts::Summary> account_check;
  if (cmd.accounts) {
    if (dynamic_cast<search::CorpusBackend*>(backend->backend.get()) != nullptr) {
      return report_error(util::input_error("the account check asks the sites themselves: it "
                                            "cannot run on an offline corpus",
                                            "--accounts", "drop --accounts, or audit on the web"));
    }
    AccountFlags flags;
    flags.sites = cmd.account_sites;
    flags.all_sites = cmd.all_account_sites;
    flags.timeout_s = cmd.timeout_s;
    flags.request_timeout_s = cmd.request_timeout_s;
    flags.proxy = cmd.proxy;
    flags.user_agent = cmd.user_agent;
    flags.no_cache = cmd.no_cache;
    flags.refresh = cmd.refresh;
    flags.quiet = cmd.output.quiet;
    auto summary = check_pseudonyms(*data, *subject, flags);
    if (!summary) {
      return report_error(summary.error());
    }
    note(cmd.output, fmt::format("account check: {} requests sent, {} answers from the cache",
                                 summary->requests_sent, summary->cache_hits));
    account_check = std::move(*summary);
  }
  settle_settings(cmd, *backend);
  const bool offline = dynamic_cast<search::CorpusBackend*>(backend->backend.get()) != nullptr;
  report::Report r = run_audit(*subject, *rules, *remedies, *backend->backend, cmd.settings,
                               backend->reader.get(), account_check ? &*account_check : nullptr);
  if (auto* web = dynamic_cast<search::WebSearch*>(backend->backend.get())) {
    auto* pages = dynamic_cast<read::WebPageReader*>(backend->reader.get());
    note(cmd.output,
         fmt::format("{} requests sent, {} answers from the cache", web->requests_sent()
                       + (pages ? pages->requests_sent() : 0),
                     web->cache_hits() + (pages ? pages->cache_hits() : 0)));
  }
  if (!cmd.what_if.empty()) {
    r.what_if = report::what_if_top(r, report::parse_what_if(cmd.what_if).value_or(report::k_what_if_default));
  }
  if (offline) {
    link_saved_pages(r, cmd.corpus, outputs->front().path);
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
  // Several -o: one audit, one report in each file's format (the searches are not sent again).
  for (const auto& file : *outputs) {
    if (offline && outputs->size() > 1) {
      link_saved_pages(r, cmd.corpus, file.path); // links relative to where this file goes
    }
    auto content = render_report(r, file.format, *data, file.path.empty());
    if (!content) {
      return report_error(content.error());
    }
    OutputOptions where = cmd.output;
    where.output = file.path;
    if (auto s = write_output(where, *content); !s) {
      return report_error(s.error());
    }
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
  const bool accounts_incomplete = account_check && account_check->incomplete();
  if (accounts_incomplete) {
    note(cmd.output, "audit incomplete: some sites of the account check could not be checked");
  }
  const bool complete = r.complete() && !accounts_incomplete;
  if (history) {
    return history->exit_code(complete);
  }
  return complete ? k_exit_ok : k_exit_incomplete;
}

} // namespace

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
  sub.add_option("--read-pages", cmd.read_pages,
                 "Read the N result pages most likely about you, to judge them on their whole "
                 "text (default: 10 on the web, every page on an offline corpus; 0: none)")
    ->check(CLI::Range(0, 200))
    ->group(group);
  sub.add_flag("--no-cache", cmd.no_cache,
               "Neither read nor write the cache (search responses, corpus index)")
    ->group(group);
  sub.add_option("--what-if", cmd.what_if,
                 "Add the scores as if the first actions of the plan had worked: top (the first "
                 "5) or topN (the first N, 1-50)")
    ->check(CLI::Validator(
      [](std::string& v) {
        return report::parse_what_if(v) ? std::string() : "use top or topN (N from 1 to 50)";
      },
      "top|topN", "what-if"))
    ->group("Output");
  sub.add_flag("--redact", cmd.redact,
               "Mask personal data (e-mails, phones, addresses, birth dates, identifiers) in the report, for sharing")
    ->group("Output");
}

void add_web_options(CLI::App& sub, AuditCommand& cmd)
{
  const char* group = "Search backends";
  sub.add_option("--backend", cmd.search.backends,
                 "Search backend, repeatable (each query goes to each): duckduckgo, mojeek, "
                 "startpage, searxng, brave, google-cse, yours, or corpus (offline). Default: "
                 "the engines that need no key, in turn, a query one of them blocks retried on "
                 "the next")
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

// --accounts, --account-sites, --all-account-sites: `audit` only (batch and demo have no
// account check).
void add_account_options(CLI::App& sub, AuditCommand& cmd)
{
  const char* accounts = "Accounts (see 'empreinte accounts --help')";
  sub.add_flag("--accounts", cmd.accounts,
               "Also look for the pseudonyms' accounts across sites; those found become your "
               "traces, with what their profile pages show")
    ->group(accounts);
  sub.add_option("--account-sites", cmd.account_sites,
                 "With --accounts: only these site ids (comma-separated)")
    ->delimiter(',')
    ->group(accounts);
  sub.add_flag("--all-account-sites", cmd.all_account_sites,
               "With --accounts: every site of the list, not only the default set")
    ->group(accounts);
}

void add_audit_commands(CLI::App& app, Runner& runner)
{
  auto audit = std::make_shared<AuditCommand>();
  CLI::App* sub = app.add_subcommand("audit", "Audit a person: search, classify, report");
  sub->footer(k_exit_help);
  add_profile_options(*sub, audit->subject);
  add_web_options(*sub, *audit);
  add_account_options(*sub, *audit);
  add_search_options(*sub, *audit);
  add_output_options(*sub, audit->output, k_report_formats, true);
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
  add_output_options(*dsub, demo->output, k_report_formats, true);
  add_lang_option(*dsub, demo->lang);
  dsub->callback([demo, &runner] { runner = [demo] { return run(*demo, true); }; });
}

} // namespace empreinte::app

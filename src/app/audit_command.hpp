// What `audit`, `demo` and `batch` share: their search settings and options, the backend
// opened once, and a report rendered in any format (src/app/cmd_audit.cpp).
#pragma once

#include "app/audit_history.hpp"
#include "app/data_paths.hpp"
#include "app/options.hpp"
#include "app/pipeline.hpp"
#include "app/search_setup.hpp"
#include "read/page_reader.hpp"
#include "report/report.hpp"
#include "search/backend.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

namespace empreinte::app {

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
  std::string what_if; // --what-if top|topN; "" when not asked
  int read_pages = -1; // --read-pages; -1: by backend
  std::string lang; // --lang; empty: from the environment
  AuditHistoryOptions history; // audit only: the demo never touches the history
  bool accounts = false;                  // --accounts: check the pseudonyms across sites
  std::vector<std::string> account_sites; // --account-sites
  bool all_account_sites = false;         // --all-account-sites
};

// The search backend and the reader of its result pages.
struct Searcher
{
  std::unique_ptr<search::Backend> backend;
  std::unique_ptr<read::PageReader> reader;
};

// The backend the flags choose (the offline corpus, or the web engines with one HTTP engine
// for all the searches sent through it) and its page reader.
util::Result<Searcher> open_backend(const AuditCommand& cmd, const DataPaths& data);

// "a.html, b.html (+3)": the corpus pages skipped for their size, named.
std::string skipped_list(const std::vector<std::string>& skipped);

// Settles what depends on the backend: result pages per query, pages to read, the language.
void settle_settings(AuditCommand& cmd, const Searcher& searcher);

// Offline corpus audits: every link of `r` opens the saved page (relative to the folder of
// `output`, a file path, or absolute file:// links when it is ""), never the live address.
void link_saved_pages(report::Report& r, const std::string& corpus, const std::string& output);

// The report in `format` (text, json, md, html, csv); text for standard output gets its colours and
// width when `for_stdout`, else 80 columns.
util::Result<std::string> render_report(const report::Report& r,
                                        const std::string& format,
                                        const DataPaths& data,
                                        bool for_stdout);

// --max-queries, --pages, --read-pages, --no-cache, --redact.
void add_search_options(CLI::App& sub, AuditCommand& cmd);
// --backend, --corpus, definitions, --timeout, --request-timeout, --proxy, --user-agent, --refresh.
void add_web_options(CLI::App& sub, AuditCommand& cmd);

} // namespace empreinte::app

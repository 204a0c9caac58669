// Setting up an account check from flags: shared by `empreinte accounts` and `audit --accounts`.
#pragma once

#include "accounts/checker.hpp"
#include "accounts/summary.hpp"
#include "app/data_paths.hpp"
#include "profile/profile.hpp"
#include "util/result.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace empreinte::app {

struct AccountFlags
{
  std::vector<std::string> sites; // --sites id,id (empty: the default set)
  bool all_sites = false;         // --all-sites: every site but adult ones
  bool nsfw = false;              // --nsfw: adult sites too
  bool wmn = false;               // --wmn: also the WhatsMyName list (CC BY-SA)
  int concurrency = accounts::k_default_concurrency;
  double host_interval_s = 1.0;
  bool no_read = false;           // --no-read: do not read the profile pages found
  // Network settings (shared with the audit's flags when run from `audit`).
  double timeout_s = 600;
  double request_timeout_s = 15;
  std::string proxy;
  std::string user_agent;
  bool no_cache = false;
  bool refresh = false;
  bool quiet = false;
};

// --sites, --all-sites, --nsfw, --wmn, --concurrency, --host-interval, --no-read (in `group`).
void add_account_selection_options(CLI::App& command, AccountFlags& flags, const char* group);
// --timeout, --request-timeout, --proxy, --user-agent, --no-cache, --refresh.
void add_account_network_options(CLI::App& command, AccountFlags& flags);

// The sites chosen by the flags from the loaded list; an unknown id is an input error naming
// the closest ones.
util::Result<std::vector<const accounts::Site*>> choose_sites(const accounts::SiteList& list,
                                                              const AccountFlags& flags);

// rules/accounts.json, and rules/accounts-wmn.json with --wmn.
util::Result<accounts::SiteList> load_account_sites(const DataPaths& data, bool wmn);

// The checker's options from the flags: politeness, timeouts, proxy, cache, progress, and the
// test-only loopback override ($EMPREINTE_TEST_ACCOUNTS_CONNECT, docs/accounts.md).
util::Result<accounts::CheckerOptions> checker_options(const AccountFlags& flags);

// Checks the person's pseudonyms and reads the profile pages found.
util::Result<accounts::Summary> check_pseudonyms(const DataPaths& data,
                                                 const profile::Profile& person,
                                                 const AccountFlags& flags);

} // namespace empreinte::app

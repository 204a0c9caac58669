// The documented exit codes (README, --help).
#pragma once

namespace empreinte::app {

constexpr int k_exit_ok = 0;         // success
constexpr int k_exit_runtime = 1;    // runtime error (disk, database, network set-up)
constexpr int k_exit_usage = 2;      // usage or input error (bad flag, profile, corpus, rules)
constexpr int k_exit_incomplete = 3; // audit incomplete: some queries failed, report written
constexpr int k_exit_fail_on = 4;    // a --fail-on condition happened (audit complete)
constexpr int k_exit_fail_on_incomplete = 5; // a --fail-on condition happened, audit incomplete

constexpr const char* k_exit_help = "Exit codes: 0 success, 1 runtime error, 2 usage or input "
                                    "error, 3 audit incomplete (some queries failed; the report "
                                    "is still written and says which), 4 a --fail-on condition "
                                    "happened, 5 a --fail-on condition happened and the audit is "
                                    "incomplete.";

constexpr const char* k_exit_help_accounts =
  "Exit codes: 0 every site answered (found or not found), 1 runtime error, 2 usage or input "
  "error, 3 incomplete (some sites blocked, rate-limited, failed or timed out; the output says "
  "which).";

constexpr const char* k_exit_help_self_check =
  "Exit codes: 0 every site passed (known name found, absent name not found), 1 runtime error, "
  "2 usage or input error, 3 some site failed or could not be checked.";

} // namespace empreinte::app

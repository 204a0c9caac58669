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

} // namespace empreinte::app

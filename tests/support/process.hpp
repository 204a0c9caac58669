// Runs the built `empreinte` binary as a user would, capturing output and exit code.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace empreinte::test {

struct ProcessResult
{
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the empreinte binary with `args`; `env` entries are set for the child only.
// XDG_CACHE_HOME defaults to a fresh directory so tests never touch the user's cache,
// XDG_DATA_HOME to a fresh one per run so that each starts with an empty history, and
// LC_ALL, LC_MESSAGES and LANG are unset so that reports are in English unless `env` says.
ProcessResult run_empreinte(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env = {});

// Runs any program (argv[0] is a path) with the environment of run_empreinte.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

// Validates a JSON report against reports/report.schema.json with python3-jsonschema (Debian's
// /usr/bin/python3). Returns "" when valid, else the validator's messages.
std::string schema_violations(const std::string& report_json);

// The same against another schema of reports/ ("diff.schema.json").
std::string schema_violations(const std::string& json_text, const std::string& schema_name);

// The repository's root (for training/ and rules/).
std::string source_dir();

} // namespace empreinte::test

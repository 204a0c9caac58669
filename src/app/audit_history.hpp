// The audit's dealings with the history: before the report is rendered, the comparison with
// the previous run of the same person ("since your last audit", --fail-on); after it is
// written, the run is stored.
#pragma once

#include "history/since_last.hpp"
#include "history/store.hpp"
#include "report/report.hpp"
#include "util/result.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::app {

struct AuditHistoryOptions
{
  bool store = true;                // false with --no-history
  std::vector<std::string> fail_on; // new, new-high, exposure-up
};

// --no-history and --fail-on.
void add_audit_history_options(CLI::App& command, AuditHistoryOptions& options);

class AuditHistory
{
public:
  // Compares `report` with the previous stored run of its subject, if any, and sets
  // report.since_last. Call before redacting: the run is stored as the audit found it.
  static util::Result<AuditHistory> begin(report::Report& report,
                                          const AuditHistoryOptions& options);

  // Stores the run (one transaction) unless --no-history; returns its id.
  util::Result<std::optional<std::int64_t>> finish(const std::string& profile_path);

  // The --fail-on conditions met, one line each.
  const std::vector<std::string>& hits() const { return m_hits; }
  // True when a previous run existed to compare with.
  bool compared() const { return m_previous.has_value(); }

  // The audit's exit code: 4 when a --fail-on condition is met (5 when the audit is also
  // incomplete), else 3 when incomplete, else 0; prints the conditions met on stderr.
  int exit_code(bool complete) const;

private:
  AuditHistoryOptions m_options;
  nlohmann::json m_report; // as stored: before redaction, without since_last
  std::optional<history::Store> m_store;
  std::optional<std::int64_t> m_previous;
  std::vector<std::string> m_hits;
};

} // namespace empreinte::app

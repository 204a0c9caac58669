// The audit pipeline: profile -> plan -> search -> traces -> classify -> report.
#pragma once

#include "app/data_paths.hpp"
#include "classify/rules.hpp"
#include "plan/networks.hpp"
#include "plan/planner.hpp"
#include "profile/profile.hpp"
#include "report/report.hpp"
#include "search/backend.hpp"
#include "util/result.hpp"

namespace empreinte::app {

// The profile from flags, its networks resolved against the catalog.
util::Result<profile::Profile> load_subject(const profile::ProfileFlags& flags,
                                            const plan::NetworkCatalog& catalog);

struct AuditSettings
{
  plan::PlanOptions plan;
  int pages = 1;
  std::string lang = "en"; // of the report's sentences, actions and advice
};

// Every rules file of the data directory, loaded and compiled.
util::Result<classify::Rules> load_rules(const DataPaths& data);

// What to do about traces (rules/remedies.json).
util::Result<score::Remedies> load_remedies(const DataPaths& data);

// Runs the plan on `backend`, merges and classifies the results, scores them and attaches
// the actions and advice. Failed queries are data in the report, not errors.
report::Report run_audit(const profile::Profile& subject,
                         const classify::Rules& rules,
                         const score::Remedies& remedies,
                         search::Backend& backend,
                         const AuditSettings& settings);

} // namespace empreinte::app

// The audit pipeline: profile -> plan -> search -> traces -> classify -> report.
#pragma once

#include "accounts/summary.hpp"
#include "app/data_paths.hpp"
#include "classify/rules.hpp"
#include "classify/subject.hpp"
#include "plan/networks.hpp"
#include "plan/planner.hpp"
#include "profile/profile.hpp"
#include "read/page_reader.hpp"
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
  int pages = 1; // result pages per query (the app sets 0, "by backend", before running)
  std::string lang = "en"; // of the report's sentences, actions and advice
  // Result pages to read (the most promising first); -1: every page. Needs a reader.
  int read_pages = -1;
  classify::Tuning tuning; // the classifier's fitted constants (tests and bench/eval --lopo)
  // Shown at the top of the report, after the profile's own (corpus pages left out...).
  std::vector<util::Message> warnings = {};
};

// Every rules file of the data directory, loaded and compiled.
util::Result<classify::Rules> load_rules(const DataPaths& data);
// The same in two steps (classify::PendingRules): work can go on while the patterns compile.
util::Result<classify::PendingRules> start_rules(const DataPaths& data);

// What to do about traces (rules/remedies.json).
util::Result<score::Remedies> load_remedies(const DataPaths& data);

// The person's jurisdiction: the profile's country, else derived from its location or phones
// (docs/remedies.md). An input error naming `source` (the profile file or "command line") when
// the country given is not one.
util::Result<score::JurisdictionChoice> choose_jurisdiction(const profile::Profile& subject,
                                                            const classify::Rules& rules,
                                                            const score::Remedies& remedies,
                                                            const std::string& source);

// Runs the plan on `backend`, merges the results, reads the most promising pages with
// `reader` (none when null), classifies and scores them and attaches the actions and advice.
// Failed queries and unread pages are data in the report, not errors. The accounts found by
// an account check (`accounts`, when not null) join the traces as the person's own.
report::Report run_audit(const profile::Profile& subject,
                         const classify::Rules& rules,
                         const score::Remedies& remedies,
                         search::Backend& backend,
                         const AuditSettings& settings,
                         read::PageReader* reader = nullptr,
                         const accounts::Summary* accounts = nullptr);

// Makes the traces of accounts found the person's own (voluntary), with what their profile
// page shows as evidence, once the classifier has judged them.
void mark_account_traces(std::vector<traces::Trace>& traces, const accounts::Summary& accounts);

// The two halves of run_audit, for subjects that share one search (`empreinte batch` sends the
// queries of several subjects to the backend at once): the queries of the plan, then the rest
// from the backend's outcomes (their query_index into `queries`).
std::vector<plan::Query> plan_audit(const profile::Profile& subject,
                                    const classify::Rules& rules,
                                    const AuditSettings& settings);
report::Report finish_audit(const profile::Profile& subject,
                            const classify::Rules& rules,
                            const score::Remedies& remedies,
                            const std::vector<plan::Query>& queries,
                            const std::vector<search::QueryOutcome>& outcomes,
                            const AuditSettings& settings,
                            read::PageReader* reader = nullptr,
                            const accounts::Summary* accounts = nullptr);

// Reads the pages of the `limit` traces most likely about the person (by the verdicts already
// on them; -1: all) and puts what was read on the traces.
void read_pages(std::vector<traces::Trace>& traces, read::PageReader& reader, int limit);

} // namespace empreinte::app

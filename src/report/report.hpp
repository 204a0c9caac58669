// The audit's result: what was searched, how each search ended, and the traces found.
#pragma once

#include "accounts/summary.hpp"
#include "plan/query.hpp"
#include "profile/profile.hpp"
#include "report/since_last.hpp"
#include "report/what_if.hpp"
#include "score/findings.hpp"
#include "score/remedies.hpp"
#include "score/scores.hpp"
#include "search/backend.hpp"
#include "traces/trace.hpp"

#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::report {

constexpr const char* k_schema = "empreinte/report/v1";

// One query as run on one backend.
struct QueryRun
{
  plan::Query query;
  search::QueryOutcome outcome;
};

// Where the person lives for the law, copied from the rules so that the report stands alone.
struct JurisdictionUsed
{
  score::Jurisdiction jurisdiction;
  score::ChosenBy how = score::ChosenBy::fallback;
  std::string from; // the profile value it came from, or ""
  std::optional<score::Authority> authority;
};

struct Report
{
  std::string tool_version;
  std::string generated_at; // RFC 3339
  profile::Profile subject;
  std::vector<QueryRun> queries;
  std::vector<traces::Trace> traces;
  score::Scores scores;
  std::vector<score::Finding> findings; // name, network, pseudonym, job
  std::vector<score::GlobalAdvice> advice;
  std::string lang = "en"; // "en" or "fr": the language of every sentence of the report
  // What the person should know before reading on (a profile too thin to tell namesakes
  // apart...), shown first in every format.
  std::vector<util::Message> warnings;
  // Offline corpus audits: the corpus folder (absolute), so that every link opens the saved
  // page, never the live URL (a click in a training room must not land on a real person's
  // account); and the folder the report is written to, for links relative to it ("" = stdout:
  // absolute file:// links).
  std::string corpus_dir;
  std::string written_to_dir;
  std::optional<SinceLast> since_last; // set by the history when the subject was audited before
  // The person's jurisdiction, which the actions and letters follow, and how it was chosen.
  std::optional<JurisdictionUsed> jurisdiction;
  // The account check of the pseudonyms (audit --accounts); its found accounts are traces too.
  std::optional<accounts::Summary> accounts;
  // --what-if topN: the scores as if the first N actions had worked.
  std::optional<WhatIf> what_if;

  // True when every query ended ok or empty.
  bool complete() const;
  // Traces at or above this about_subject count as the person's; below, "possibly someone else".
  static constexpr double k_about_threshold = 0.5;
};

// How one backend fared: how many queries ended in each status.
struct BackendHealth
{
  std::string name;
  std::size_t queries = 0;
  std::map<search::QueryStatus, std::size_t> statuses;
  bool deadline_ran_out = false; // a timeout was the whole run's limit (--timeout), not one request's
  std::size_t failed() const;
};

// One entry per backend, in order of first appearance in the queries; a query an engine failed
// before another answered it counts for both.
std::vector<BackendHealth> backend_health(const Report& report);

// What to do about a backend's failures, one line in `lang` ("duckduckgo blocked 3 of 8
// queries: retry later, or configure searxng or brave"); empty when nothing failed.
std::string health_advice(const BackendHealth& health, std::string_view lang);

// Where a trace's link goes in an offline corpus audit: the saved page, relative to the
// report's folder when it is written to a file, else a file:// URL; "" when the trace has no
// saved copy or the audit was not offline (then the live URL is the link).
std::string saved_page_link(const Report& report, const traces::Trace& trace);

// The saved page's path on disk (for the text report): relative to the report's folder when
// it is written to a file, else absolute; "" without a saved copy.
std::string saved_page_path(const Report& report, const traces::Trace& trace);

// "Audit incomplete: 3 of 8 searches failed; what follows is partial..." in the report's
// language, for the top of every format.
std::string incomplete_headline(const Report& report);

// The advice line of every backend with failures, in the report's language.
std::vector<std::string> failure_advice(const Report& report);

// "tried duckduckgo (blocked), mojeek (rate-limited), then startpage" in `lang`: the engines
// the keyless default moved a query through; empty when the first engine answered.
std::string engines_tried(const search::QueryOutcome& outcome, std::string_view lang);

// The report as JSON (schema empreinte/report/v1).
nlohmann::ordered_json to_json(const Report& report);

// One trace as it appears in the report's "traces" (also printed by `empreinte classify`),
// its sentences in `lang`.
nlohmann::ordered_json trace_to_json(const traces::Trace& trace, const std::string& lang = "en");

} // namespace empreinte::report

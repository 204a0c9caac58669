// The audit's result: what was searched, how each search ended, and the traces found.
#pragma once

#include "accounts/summary.hpp"
#include "plan/query.hpp"
#include "profile/profile.hpp"
#include "score/findings.hpp"
#include "score/remedies.hpp"
#include "score/scores.hpp"
#include "search/backend.hpp"
#include "traces/trace.hpp"

#include <map>
#include <optional>
#include <nlohmann/json.hpp>
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
  // The account check of the pseudonyms (audit --accounts); its found accounts are traces too.
  std::optional<accounts::Summary> accounts;

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
  std::size_t failed() const;
};

// One entry per backend, in order of first appearance in the queries; a query an engine failed
// before another answered it counts for both.
std::vector<BackendHealth> backend_health(const Report& report);

// What to do about a backend's failures, one line in `lang` ("duckduckgo blocked 3 of 8
// queries: retry later, or configure searxng or brave"); empty when nothing failed.
std::string health_advice(const BackendHealth& health, std::string_view lang);

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

// The outcome of an account check as plain data, for the `accounts` command's output and the
// audit report (which keeps it without the site list).
#pragma once

#include "accounts/checker.hpp"
#include "accounts/evidence.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::accounts {

struct Row
{
  std::string site;     // site id
  std::string site_name;
  std::string category;
  std::string pseudonym;
  std::string url;
  Status status = Status::unknown;
  util::Message reason; // accounts.reason.*: English in JSON, the reader's language in text
  int http_status = 0;
  std::string control_name;                     // "" when the site had no control probe
  Status control_status = Status::not_applicable;
  std::string licence;                          // of the site's definition
  std::optional<ProfileEvidence> profile;       // found accounts whose page was read
};

struct Summary
{
  std::vector<std::string> pseudonyms;
  std::size_t sites = 0;
  std::vector<Row> rows;
  std::size_t requests_sent = 0;
  std::size_t cache_hits = 0;
  std::vector<std::string> attributions; // licences that ask for one (WhatsMyName)

  std::map<Status, std::size_t> counts() const;
  // The checks that could not be answered (blocked, rate-limited, error, timeout).
  std::size_t not_asked() const;
  // True when some check could not be answered.
  bool incomplete() const;
};

Summary summarise(const CheckRun& run,
                  std::size_t sites,
                  const std::vector<ProfileEvidence>& evidence,
                  const SiteList& list);

// The rank given to an account found by the check in a trace's sightings: it was not in any
// search result, so it weighs as a page one has to look for (beyond the first pages), never as
// a first-page result the person controls.
constexpr int k_account_rank = 50;
// The query id of the account check's sightings.
constexpr const char* k_account_query = "accounts";

// The trace the account check made of a found row (sighted by k_account_query at the row's
// normalised URL); null when there is none (the person set it aside with --not-me).
const traces::Trace* account_trace(const std::vector<traces::Trace>& traces, const Row& row);

// One voluntary trace per account found (the evidence of its profile page on it), for the
// audit report. Sightings: query "accounts", backend "accounts:<site id>".
std::vector<traces::Trace> found_traces(const Summary& summary);

// Schema empreinte/accounts-report/v1 (reports/report.schema.json, $defs/accounts), and the "accounts"
// member of the audit report.
nlohmann::ordered_json to_json(const Summary& summary);

// For people, in `lang` ("en" or "fr"): found accounts first with what their page shows, then
// what could not be checked and why, then the counts.
std::string render_text(const Summary& summary, bool all, const std::string& lang);

} // namespace empreinte::accounts

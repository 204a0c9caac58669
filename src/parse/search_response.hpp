// One search engine response -> ranked results and an honest status, as a backend
// definition says to read it (JSON pointers or CSS selectors, markers, drop and unwrap rules).
#pragma once

#include "search/backend.hpp"
#include "search/backend_def.hpp"
#include "util/message.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::parse {

// What one page of a response says.
struct ResponsePage
{
  search::QueryStatus status = search::QueryStatus::error;
  util::Message reason; // one line; for ok, notes such as engines that did not answer
  std::vector<search::SearchResult> results; // rank = the engine's rank, else 1.. on this page
  bool rank_given = false;  // ranks come from the response (absolute), not positions
  std::optional<bool> more; // the engine says whether more results exist
  search::Pairs next_form;  // form pagination: the next-page form's inputs
  std::string next_action;  // and its action URL, resolved; "" when there is no next page
  // A metasearch engine's engines that did not answer, as "name (message)"; and whether one
  // of them was blocked (the definition's blocked_words).
  std::vector<std::string> unresponsive;
  bool unresponsive_blocked = false;
};

// How much reading one response may cost. A real results page is read in milliseconds; a
// hostile one (megabytes of nested result blocks) stops when the budget is spent and ends as
// `error` (or `timeout` when `deadline`, the audit's, came first).
struct ParseLimits
{
  std::chrono::milliseconds time_budget{5000};
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// Results kept from one page: engines show 10 to 100; more is a broken or hostile answer.
inline constexpr std::size_t k_max_results_per_page = 500;

// Reads a response with HTTP status `http_status` (200 for a saved page). `request_url` is
// used to resolve relative and protocol-relative links.
ResponsePage parse_response(const search::BackendDef& def,
                            int http_status,
                            std::string_view body,
                            std::string_view request_url,
                            const ParseLimits& limits = {});

// The target of a redirect wrapper ("//duckduckgo.com/l/?uddg=https%3A%2F%2F..."), or the URL
// itself, made absolute against `base`.
std::string unwrap_url(const std::vector<search::UnwrapRule>& rules,
                       std::string_view url,
                       std::string_view base);

} // namespace empreinte::parse

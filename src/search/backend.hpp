// The Backend interface: what every search engine, offline or on the web, answers to a query.
#pragma once

#include "plan/query.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::search {

// One result as the engine ranked it.
struct SearchResult
{
  int rank = 0; // 1-based, across pages
  std::string url;
  std::string title;
  std::string snippet;
};

// How a query ended. Web backends add more states (blocked, rate_limited, ...); a failure is
// reported as data, never thrown.
enum class QueryStatus { ok, empty, error };

std::string_view status_name(QueryStatus status);
bool is_failure(QueryStatus status);

// What one backend answered to one query.
struct QueryOutcome
{
  std::string backend;
  QueryStatus status = QueryStatus::error;
  std::string reason; // one line; empty when ok
  std::vector<SearchResult> results;
};

// A search engine. Implementations must not throw for failures of a query: they return an
// outcome with an error status and a reason.
class Backend
{
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;
  // Runs one query, returning up to `pages` pages of results.
  virtual QueryOutcome search(const plan::Query& query, int pages) = 0;
  // Runs every query; the default runs them one by one. Concurrent backends override it.
  virtual std::vector<QueryOutcome> search_all(const std::vector<plan::Query>& queries, int pages);
};

} // namespace empreinte::search

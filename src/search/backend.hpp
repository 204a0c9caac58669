// The Backend interface: what every search engine, offline or on the web, answers to a query.
#pragma once

#include "plan/query.hpp"
#include "util/message.hpp"

#include <optional>
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
  std::string saved_path = {}; // offline corpus: the saved page, relative to the corpus folder
};

// How a query ended on one backend; a failure is reported as data, never thrown.
//   ok             results came back
//   empty          the engine said it has no results
//   blocked        a captcha or bot page, or access denied (403)
//   rate_limited   429 after retries, or a quota error
//   layout_changed a page where neither results nor a no-results marker were found
//   timeout        no answer in time (a request's timeout or the audit's deadline)
//   error          anything else: DNS, TLS, connection, invalid JSON, 5xx after retries
enum class QueryStatus { ok, empty, blocked, rate_limited, layout_changed, timeout, error };

std::string_view status_name(QueryStatus status);
std::optional<QueryStatus> status_from_name(std::string_view name);
bool is_failure(QueryStatus status);
// Every status, in the order above (for counts in reports).
const std::vector<QueryStatus>& all_statuses();

// An engine that failed a query before the query went to the next one (the keyless default
// retries a query an engine blocked or rate-limited on another engine).
struct Attempt
{
  std::string backend;
  QueryStatus status = QueryStatus::error;
  util::Message reason;
};

// What one backend answered to one query.
struct QueryOutcome
{
  std::string backend; // the engine that answered (or failed last)
  QueryStatus status = QueryStatus::error;
  util::Message reason; // one line, in the report's language once rendered; empty when ok
  std::vector<SearchResult> results;
  std::size_t query_index = 0; // position of the query in the plan
  std::vector<Attempt> tried = {}; // engines that failed it before `backend`, in order
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
  // Runs every query; the default runs them one by one. Backends that search several engines
  // return one outcome per query and engine, in plan order (query_index says which query).
  virtual std::vector<QueryOutcome> search_all(const std::vector<plan::Query>& queries, int pages);
};

} // namespace empreinte::search

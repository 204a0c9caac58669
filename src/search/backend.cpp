// Status names are part of the JSON report format: never rename them.
#include "search/backend.hpp"

namespace empreinte::search {

std::string_view status_name(QueryStatus status)
{
  switch (status) {
  case QueryStatus::ok:
    return "ok";
  case QueryStatus::empty:
    return "empty";
  case QueryStatus::error:
    return "error";
  }
  return "error";
}

bool is_failure(QueryStatus status)
{
  return status != QueryStatus::ok && status != QueryStatus::empty;
}

std::vector<QueryOutcome> Backend::search_all(const std::vector<plan::Query>& queries, int pages)
{
  std::vector<QueryOutcome> out;
  out.reserve(queries.size());
  for (const auto& q : queries) {
    out.push_back(search(q, pages));
  }
  return out;
}

} // namespace empreinte::search

// Status names are part of the JSON report format: never rename them.
#include "search/backend.hpp"

#include <algorithm>

namespace empreinte::search {

std::string_view status_name(QueryStatus status)
{
  switch (status) {
  case QueryStatus::ok:
    return "ok";
  case QueryStatus::empty:
    return "empty";
  case QueryStatus::blocked:
    return "blocked";
  case QueryStatus::rate_limited:
    return "rate_limited";
  case QueryStatus::layout_changed:
    return "layout_changed";
  case QueryStatus::timeout:
    return "timeout";
  case QueryStatus::error:
    return "error";
  }
  return "error";
}

std::optional<QueryStatus> status_from_name(std::string_view name)
{
  for (QueryStatus s : all_statuses()) {
    if (status_name(s) == name) {
      return s;
    }
  }
  return std::nullopt;
}

const std::vector<QueryStatus>& all_statuses()
{
  static const std::vector<QueryStatus> k_all{QueryStatus::ok,
                                              QueryStatus::empty,
                                              QueryStatus::blocked,
                                              QueryStatus::rate_limited,
                                              QueryStatus::layout_changed,
                                              QueryStatus::timeout,
                                              QueryStatus::error};
  return k_all;
}

bool is_failure(QueryStatus status)
{
  return status != QueryStatus::ok && status != QueryStatus::empty;
}

std::vector<QueryOutcome> Backend::search_all(const std::vector<plan::Query>& queries, int pages)
{
  std::vector<QueryOutcome> out;
  out.reserve(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    out.push_back(search(queries[i], std::max(pages, queries[i].pages)));
    out.back().query_index = i;
  }
  return out;
}

} // namespace empreinte::search

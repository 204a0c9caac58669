// Kind names are part of the JSON report format: never rename them.
#include "traces/trace.hpp"

#include <algorithm>
#include <climits>

namespace empreinte::traces {

std::string_view kind_name(Kind kind)
{
  switch (kind) {
  case Kind::voluntary:
    return "voluntary";
  case Kind::inherited:
    return "inherited";
  case Kind::involuntary:
    return "involuntary";
  case Kind::unknown:
    return "unknown";
  }
  return "unknown";
}

std::string_view page_status_name(PageStatus status)
{
  switch (status) {
  case PageStatus::read:
    return "read";
  case PageStatus::login_wall:
    return "login_wall";
  case PageStatus::blocked:
    return "blocked";
  case PageStatus::robots:
    return "robots";
  case PageStatus::not_html:
    return "not_html";
  case PageStatus::too_large:
    return "too_large";
  case PageStatus::error:
    return "error";
  case PageStatus::not_read:
    return "not_read";
  }
  return "not_read";
}

std::string_view risk_name(Trace::Risk risk)
{
  switch (risk) {
  case Trace::Risk::low:
    return "low";
  case Trace::Risk::medium:
    return "medium";
  case Trace::Risk::high:
    return "high";
  }
  return "low";
}

int Trace::best_rank() const
{
  int best = INT_MAX;
  for (const auto& s : found_by) {
    best = std::min(best, s.rank);
  }
  return found_by.empty() ? 0 : best;
}

} // namespace empreinte::traces

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

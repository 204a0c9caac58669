// Search outcomes -> traces: one trace per normalised URL, listing every sighting.
#pragma once

#include "plan/query.hpp"
#include "search/backend.hpp"
#include "traces/trace.hpp"

#include <vector>

namespace empreinte::traces {

// Merges the results of `outcomes` (each answers queries[outcome.query_index];
// a query may have one outcome per backend) into traces, in order of
// discovery. Results whose URL is not http(s) are dropped.
std::vector<Trace> merge(const std::vector<plan::Query>& queries,
                         const std::vector<search::QueryOutcome>& outcomes);

} // namespace empreinte::traces

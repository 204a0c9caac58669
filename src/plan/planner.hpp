// Turns a profile into the four searches of the method.
#pragma once

#include "plan/networks.hpp"
#include "plan/query.hpp"
#include "profile/profile.hpp"

#include <vector>

namespace empreinte::plan {

struct PlanOptions
{
  // Keep at most this many queries (0 = all). Queries are kept round-robin across the
  // families, so that every question is asked once before any is asked twice.
  std::size_t max_queries = 0;
};

// The plan, in family order (name, network, pseudonym, job), duplicates removed, ids q1..qN.
// With no networks in the profile, the catalog's default networks are searched.
std::vector<Query> make_plan(const profile::Profile& profile,
                             const NetworkCatalog& catalog,
                             const PlanOptions& options = {});

// `text` as an exact phrase for a search engine: "text", inner quotes removed.
std::string quote(const std::string& text);

} // namespace empreinte::plan

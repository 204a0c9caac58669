// The report's "since your last audit" section, from the diff with the previous run, and the
// --fail-on conditions cron and timers alert on.
#pragma once

#include "history/diff.hpp"
#include "report/since_last.hpp"

#include <string>
#include <vector>

namespace empreinte::history {

// The section for the report: counts of traces about the person and the most notable ones.
report::SinceLast since_last(const Diff& diff, std::int64_t previous_run);

// --fail-on conditions.
enum class FailOn { new_trace, new_high, exposure_up };

// Parses "new", "new-high", "exposure-up"; nullopt for anything else.
std::optional<FailOn> parse_fail_on(const std::string& name);

// The conditions of `wanted` that `diff` meets, each as one line for the user ("new: 2 new
// traces about you"):
//   new          a trace about you that the previous audit did not have;
//   new-high     such a trace at high risk, or a trace about you that rose to high risk;
//   exposure-up  the exposure score went up.
std::vector<std::string> fail_on_hits(const Diff& diff, const std::vector<FailOn>& wanted);

} // namespace empreinte::history

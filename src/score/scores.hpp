// Exposure and control scores, and each trace's risk: a formula anyone can check (docs/scoring.md).
#pragma once

#include "plan/query.hpp"
#include "traces/trace.hpp"

#include <map>
#include <string>
#include <vector>

namespace empreinte::score {

struct Scores
{
  int exposure = 0; // 0-100: how much a stranger learns
  int control = 0;  // 0-100: how much of what comes up first the person controls
  double exposure_points = 0.0;     // sum of the traces' points (before saturation)
  double control_weight = 0.0;      // weight of first-page sightings the person controls
  double first_page_weight = 0.0;   // weight of every first-page sighting about the person
  std::map<std::string, int> kinds; // traces about the person, by kind
};

// How visible a trace is: its best rank (1-3: 1.0, 4-10: 0.6, 11-20: 0.3, beyond: 0.15),
// times 1 + 0.25 per further query that surfaced it (at most 2.0).
double visibility(const traces::Trace& trace);

// How much a trace reveals: 1 for the name itself, plus the weight of each category of
// personal data it exposes, plus 1 when it ties a pseudonym and 0.5 when it ties the job.
double sensitivity(const traces::Trace& trace);

// Fills each trace's risk, risk reasons and exposure points, and computes the scores.
// Traces below the about_subject threshold count for nothing.
Scores score_traces(std::vector<traces::Trace>& traces, double about_threshold = 0.5);

} // namespace empreinte::score

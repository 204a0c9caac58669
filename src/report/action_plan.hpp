// "What to do first": every action of every trace about the person, once, with the traces it
// covers, most urgent first. The same table in every format.
#pragma once

#include "report/report.hpp"

#include <string>
#include <vector>

namespace empreinte::report {

struct PlannedAction
{
  traces::Action action;
  traces::Trace::Risk risk = traces::Trace::Risk::low; // the highest of its traces
  double points = 0.0;                                 // their exposure points, summed
  std::vector<std::string> traces;                     // trace ids, riskiest first
};

// Ordered by risk, then exposure points, then number of traces; ties in first-seen order.
std::vector<PlannedAction> action_plan(const Report& report);

// The traces about the person (or not), riskiest first, then by exposure points, then in
// discovery order.
std::vector<const traces::Trace*> traces_by_risk(const Report& report, bool about_subject);

} // namespace empreinte::report

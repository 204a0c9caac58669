// One action can serve many traces (one opt-out for a broker's five pages): it is listed once.
#include "report/action_plan.hpp"

#include <algorithm>
#include <map>

namespace empreinte::report {

std::vector<const traces::Trace*> traces_by_risk(const Report& r, bool about_subject)
{
  std::vector<const traces::Trace*> out;
  for (const auto& t : r.traces) {
    if ((t.about_subject >= Report::k_about_threshold) == about_subject) {
      out.push_back(&t);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const traces::Trace* a, const traces::Trace* b) {
    if (a->risk != b->risk) {
      return a->risk > b->risk;
    }
    return a->exposure_points > b->exposure_points;
  });
  return out;
}

std::vector<PlannedAction> action_plan(const Report& r)
{
  std::vector<PlannedAction> plan;
  std::map<std::string, std::size_t> index; // action id + url -> position
  for (const traces::Trace* t : traces_by_risk(r, true)) {
    for (const auto& a : t->actions) {
      const std::string key = a.id + "\x1f" + a.url;
      auto [it, inserted] = index.try_emplace(key, plan.size());
      if (inserted) {
        plan.push_back(PlannedAction{a, t->risk, 0.0, {}});
      }
      PlannedAction& p = plan[it->second];
      p.risk = std::max(p.risk, t->risk);
      p.points += t->exposure_points;
      p.traces.push_back(t->id);
    }
  }
  std::stable_sort(plan.begin(), plan.end(), [](const PlannedAction& a, const PlannedAction& b) {
    if (a.risk != b.risk) {
      return a.risk > b.risk;
    }
    if (a.points != b.points) {
      return a.points > b.points;
    }
    return a.traces.size() > b.traces.size();
  });
  return plan;
}

} // namespace empreinte::report

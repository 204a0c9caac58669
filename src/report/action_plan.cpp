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
  std::map<std::string, std::size_t> index; // action id (or title) -> position
  for (const traces::Trace* t : traces_by_risk(r, true)) {
    for (const auto& a : t->actions) {
      auto [it, inserted] = index.try_emplace(a.id.empty() ? a.title : a.id, plan.size());
      if (inserted) {
        plan.push_back(PlannedAction{a, {}, t->risk, 0.0, {}});
      }
      PlannedAction& p = plan[it->second];
      p.risk = std::max(p.risk, t->risk);
      p.points += t->exposure_points;
      if (std::find(p.traces.begin(), p.traces.end(), t->id) != p.traces.end()) {
        continue;
      }
      p.traces.push_back(t->id);
      auto link = std::find_if(p.links.begin(), p.links.end(),
                               [&](const PlannedAction::Link& l) { return l.url == a.url; });
      if (link == p.links.end()) {
        p.links.push_back({a.url, {t->id}});
      } else {
        link->traces.push_back(t->id);
      }
    }
  }
  for (auto& p : plan) {
    if (p.links.size() <= 1) {
      p.action.url = p.links.empty() ? "" : p.links.front().url;
      p.links.clear();
    } else {
      p.action.url.clear();
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

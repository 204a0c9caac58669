#include "report/what_if.hpp"

#include "report/action_plan.hpp"
#include "report/i18n.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace empreinte::report {

std::optional<std::size_t> parse_what_if(const std::string& text)
{
  if (text == "top") {
    return k_what_if_default;
  }
  if (text.size() < 4 || text.compare(0, 3, "top") != 0) {
    return std::nullopt;
  }
  std::size_t n = 0;
  const char* begin = text.data() + 3;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(begin, end, n);
  if (ec != std::errc() || at != end || n < 1 || n > 50) {
    return std::nullopt;
  }
  return n;
}

WhatIf what_if_top(const Report& report, std::size_t n)
{
  WhatIf out;
  out.asked = n;
  std::set<std::string> gone;
  const auto plan = action_plan(report);
  for (std::size_t i = 0; i < plan.size() && out.actions.size() < n; ++i) {
    if (plan[i].action.kind == "presence") {
      continue; // building a presence adds pages, it takes none away
    }
    out.actions.push_back(plan[i].action.title);
    for (const auto& id : plan[i].traces) {
      if (gone.insert(id).second) {
        out.removed.push_back(id);
      }
    }
  }
  std::vector<traces::Trace> left;
  for (const auto& t : report.traces) {
    if (!gone.count(t.id)) {
      left.push_back(t);
    }
  }
  out.after = score::score_traces(left, Report::k_about_threshold);
  return out;
}

WhatIfText word_what_if(const Report& r)
{
  WhatIfText out;
  if (!r.what_if) {
    return out;
  }
  const WhatIf& w = *r.what_if;
  const std::string& lang = r.lang;
  out.heading = tr(lang, util::Message{"what_if.heading", {}, {}});
  if (w.actions.empty()) {
    out.lines.push_back(tr(lang, util::Message{"what_if.nothing", {}, {}}));
    return out;
  }
  out.lines.push_back(tr(lang, util::Message{"what_if.scores",
                                             {std::to_string(w.actions.size()), std::to_string(w.removed.size()),
                                              std::to_string(r.scores.exposure), std::to_string(w.after.exposure),
                                              std::to_string(r.scores.control), std::to_string(w.after.control)},
                                             {}}));
  std::string actions;
  for (std::size_t i = 0; i < w.actions.size(); ++i) {
    actions += (i ? std::string(semicolon(lang)) : std::string()) + std::to_string(i + 1) + ". " + w.actions[i];
  }
  out.lines.push_back(tr(lang, util::Message{"what_if.actions", {actions}, {}}));
  out.lines.push_back(tr(lang, util::Message{"what_if.caveat", {}, {}}));
  return out;
}

} // namespace empreinte::report

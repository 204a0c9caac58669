// The most exposing page first: if the person stops after two answers, those two mattered most.
#include "history/review.hpp"

#include "history/diff.hpp"

#include "history/stored_json.hpp"
#include "traces/url_normalise.hpp"

#include <algorithm>
#include <set>

namespace empreinte::history {

using nlohmann::json;

namespace {

using stored::integer;
using stored::number;
using stored::str;

} // namespace

std::vector<ReviewItem> review_items(const json& report,
                                     const std::vector<std::string>& is_me,
                                     const std::vector<std::string>& not_me)
{
  std::set<std::string> settled;
  for (const auto* list : {&is_me, &not_me}) {
    for (const auto& u : *list) {
      settled.insert(traces::normalise_url(u).value_or(u));
    }
  }
  std::vector<ReviewItem> out;
  if (!report.is_object() || !report.contains("traces") || !report["traces"].is_array()) {
    return out;
  }
  for (const auto& t : report["traces"]) {
    const double about = number(t, "about_subject");
    const std::string url = str(t, "url");
    if (about < k_uncertain_low || about >= k_uncertain_high || settled.count(url)) {
      continue;
    }
    ReviewItem item;
    item.id = str(t, "id");
    item.url = url;
    item.title = str(t, "title");
    item.domain = str(t, "domain");
    item.kind = str(t, "kind");
    item.risk = str(t, "risk");
    item.about = about;
    item.exposure_points = number(t, "exposure_points");
    if (t.contains("evidence") && t["evidence"].is_array()) {
      for (const auto& e : t["evidence"]) {
        if (e.is_string()) {
          item.evidence.push_back(e.get<std::string>());
        }
      }
    }
    if (t.contains("sensitive") && t["sensitive"].is_array()) {
      for (const auto& s : t["sensitive"]) {
        item.exposed.push_back(str(s, "category") + ": " + str(s, "text"));
      }
    }
    out.push_back(std::move(item));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
    if (a.exposure_points != b.exposure_points) {
      return a.exposure_points > b.exposure_points;
    }
    if (risk_rank(a.risk) != risk_rank(b.risk)) {
      return risk_rank(a.risk) > risk_rank(b.risk);
    }
    if (a.exposed.size() != b.exposed.size()) {
      return a.exposed.size() > b.exposed.size();
    }
    return a.about > b.about;
  });
  return out;
}

} // namespace empreinte::history

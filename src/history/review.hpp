// Which traces to ask the person about: those whose about-you verdict is uncertain, most
// exposing first, leaving out pages the profile already settles.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::history {

struct ReviewItem
{
  std::string id;
  std::string url;
  std::string title;
  std::string domain;
  std::string kind;
  std::string risk;
  double about = 0;
  double exposure_points = 0;
  std::vector<std::string> evidence; // the report's sentences
  std::vector<std::string> exposed;  // "category: text"
};

// About-you verdicts in [k_uncertain_low, k_uncertain_high) are uncertain: a name alone, or a
// name with a weak detail; outside, the classifier has reasons either way.
constexpr double k_uncertain_low = 0.2;
constexpr double k_uncertain_high = 0.8;

// The uncertain traces of `report` whose URL is in neither list (normalised URLs), sorted by
// exposure points, then risk, then how much they expose.
std::vector<ReviewItem> review_items(const nlohmann::json& report,
                                     const std::vector<std::string>& is_me,
                                     const std::vector<std::string>& not_me);

} // namespace empreinte::history

// Every constant here is documented in docs/scoring.md: change both together.
#include "score/scores.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

namespace empreinte::score {

using traces::Kind;
using traces::Trace;

namespace {

// Weight of each category of exposed data (sensitivity).
double category_weight(const std::string& category)
{
  static const std::map<std::string, double> k_weights{
    {"email", 2},     {"phone", 3},     {"address", 4},    {"birthdate", 3},
    {"national_id", 5}, {"financial", 5}, {"health", 4},   {"criminal", 4},
    {"sexual_orientation", 4}, {"religion", 3}, {"politics", 3}, {"union", 3},
    {"ethnicity", 4}, {"minors", 4},    {"embarrassing", 2}};
  const auto it = k_weights.find(category);
  return it == k_weights.end() ? 1.0 : it->second;
}

// Who published it: machines' collections weigh most, what the person controls least.
double kind_factor(Kind kind)
{
  switch (kind) {
  case Kind::involuntary:
    return 1.5;
  case Kind::inherited:
    return 1.0;
  case Kind::voluntary:
    return 0.8;
  case Kind::unknown:
    return 1.0;
  }
  return 1.0;
}

// Exposure saturates: E points give 100 * (1 - e^(-E/30)).
constexpr double k_exposure_scale = 30.0;

bool has(const Trace& t, std::initializer_list<const char*> categories)
{
  return std::any_of(t.sensitive.begin(), t.sensitive.end(), [&](const auto& s) {
    return std::any_of(categories.begin(), categories.end(), [&](const char* c) { return s.category == c; });
  });
}

void judge_risk(Trace& t)
{
  t.risk_reasons.clear();
  std::set<std::string> categories;
  for (const auto& s : t.sensitive) {
    categories.insert(s.category);
  }
  const bool special = has(t, {"national_id", "financial", "criminal", "health", "sexual_orientation",
                               "ethnicity", "religion", "politics", "union", "minors"});
  const bool contact = has(t, {"phone", "address", "email", "birthdate"});
  if (t.kind == Kind::involuntary && has(t, {"phone", "address", "birthdate", "national_id", "financial"})) {
    t.risk = Trace::Risk::high;
    t.risk_reasons.push_back({"risk_reason.collection_contact", {}, {}});
  } else if (special) {
    t.risk = Trace::Risk::high;
    t.risk_reasons.push_back({"risk_reason.special", {}, {}});
  } else if (t.exposure_points >= 8.0) {
    t.risk = Trace::Risk::high;
    t.risk_reasons.push_back(
        {"risk_reason.visible", {fmt::format("{:.1f}", t.exposure_points)}, {}});
  } else if (contact || t.pseudonym_link || t.kind == Kind::involuntary || has(t, {"embarrassing"})
             || t.exposure_points >= 3.0) {
    t.risk = Trace::Risk::medium;
  } else {
    t.risk = Trace::Risk::low;
  }
  for (const auto& c : categories) {
    t.risk_reasons.push_back({"risk_reason.exposes", {}, {{"category." + c, {}, {}}}});
  }
  if (t.pseudonym_link) {
    t.risk_reasons.push_back({"risk_reason.pseudonym", {}, {}});
  }
  if (t.kind == Kind::involuntary && t.risk != Trace::Risk::high) {
    t.risk_reasons.push_back({"risk_reason.collection", {}, {}});
  }
  if (t.risk_reasons.empty()) {
    t.risk_reasons.push_back({"risk_reason.little", {}, {}});
  }
}

} // namespace

double visibility(const Trace& t)
{
  const int rank = t.best_rank();
  double v = rank >= 1 && rank <= 3 ? 1.0 : rank <= 10 ? 0.6 : rank <= 20 ? 0.3 : 0.15;
  std::set<std::string> queries;
  for (const auto& s : t.found_by) {
    queries.insert(s.query);
  }
  const double spread = queries.empty() ? 1.0 : std::min(2.0, 1.0 + 0.25 * double(queries.size() - 1));
  return v * spread;
}

double sensitivity(const Trace& t)
{
  double s = 1.0;
  std::set<std::string> seen;
  for (const auto& item : t.sensitive) {
    if (seen.insert(item.category).second) {
      s += category_weight(item.category);
    }
  }
  s += t.pseudonym_link ? 1.0 : 0.0;
  s += t.job_link ? 0.5 : 0.0;
  return s;
}

Scores score_traces(std::vector<Trace>& traces, double about_threshold)
{
  Scores out;
  for (auto& t : traces) {
    if (t.about_subject < about_threshold) {
      t.exposure_points = 0.0;
      t.risk = Trace::Risk::low;
      t.risk_reasons = {util::Message{"risk_reason.someone_else", {}, {}}};
      continue;
    }
    ++out.kinds[std::string(traces::kind_name(t.kind))];
    t.exposure_points = std::round(sensitivity(t) * kind_factor(t.kind) * visibility(t) * 100.0) / 100.0;
    out.exposure_points += t.exposure_points;
    judge_risk(t);
    // Control: first-page sightings, weighted by 1/rank, that the person controls.
    for (const auto& s : t.found_by) {
      if (s.rank < 1 || s.rank > 10) {
        continue;
      }
      const double w = 1.0 / s.rank;
      out.first_page_weight += w;
      if (t.kind == Kind::voluntary) {
        out.control_weight += has(t, {"embarrassing"}) ? w / 2 : w;
      }
    }
  }
  out.exposure = static_cast<int>(std::lround(100.0 * (1.0 - std::exp(-out.exposure_points / k_exposure_scale))));
  out.control = out.first_page_weight > 0
                  ? static_cast<int>(std::lround(100.0 * out.control_weight / out.first_page_weight))
                  : 0;
  return out;
}

} // namespace empreinte::score

// Only traces about the person count: a namesake's page coming or going is not news to them.
#include "history/since_last.hpp"

#include <fmt/format.h>

namespace empreinte::history {

namespace {

constexpr std::size_t k_max_new = 5;
constexpr std::size_t k_max_changed = 3;
constexpr std::size_t k_max_gone = 3;

bool mine(const TraceChange& t)
{
  return (t.before && t.before->about_you()) || (t.after && t.after->about_you());
}

bool rose_to_high(const TraceChange& t)
{
  return t.change == Change::changed && t.after && t.after->about_you() &&
         t.after->risk == "high" && t.before && t.before->risk != "high";
}

} // namespace

report::SinceLast since_last(const Diff& d, std::int64_t previous_run)
{
  report::SinceLast s;
  s.previous_run = previous_run;
  s.previous_generated_at = d.before.generated_at;
  s.previous_complete = d.before.complete;
  s.exposure_before = d.before.exposure;
  s.control_before = d.before.control;
  s.added = d.count(Change::added, true);
  s.gone = d.count(Change::gone, true);
  s.not_seen = d.count(Change::not_seen, true);
  s.changed = d.count(Change::changed, true);
  std::size_t news = 0;
  std::size_t changes = 0;
  std::size_t gones = 0;
  for (const auto& t : d.traces) {
    if (!mine(t)) {
      continue;
    }
    report::SinceLastTrace item{
        change_name(t.change), t.id, t.url, t.title, t.latest().risk, {}, {}};
    if (t.change == Change::added && news < k_max_new && t.after->about_you()) {
      ++news;
    } else if (t.change == Change::changed && changes < k_max_changed) {
      ++changes;
      item.what = t.what;
      item.risk_before = t.before ? t.before->risk : std::string();
    } else if (t.change == Change::gone && gones < k_max_gone) {
      ++gones;
    } else {
      continue;
    }
    s.traces.push_back(std::move(item));
  }
  for (const auto& r : d.requests) {
    if (r.outcome.empty() || r.state == "gone_now") {
      s.requests.push_back({r.id, r.right, r.state});
    }
  }
  return s;
}

std::optional<FailOn> parse_fail_on(const std::string& name)
{
  if (name == "new") {
    return FailOn::new_trace;
  }
  if (name == "new-high") {
    return FailOn::new_high;
  }
  if (name == "exposure-up") {
    return FailOn::exposure_up;
  }
  return std::nullopt;
}

std::vector<std::string> fail_on_hits(const Diff& d, const std::vector<FailOn>& wanted)
{
  std::vector<std::string> out;
  for (FailOn f : wanted) {
    switch (f) {
    case FailOn::new_trace: {
      std::size_t n = 0;
      for (const auto& t : d.traces) {
        n += t.change == Change::added && t.after->about_you() ? 1 : 0;
      }
      if (n > 0) {
        out.push_back(fmt::format("new: {} new trace(s) about you", n));
      }
      break;
    }
    case FailOn::new_high: {
      std::size_t n = 0;
      for (const auto& t : d.traces) {
        const bool fresh =
            t.change == Change::added && t.after->about_you() && t.after->risk == "high";
        n += fresh || rose_to_high(t) ? 1 : 0;
      }
      if (n > 0) {
        out.push_back(fmt::format("new-high: {} trace(s) about you newly at high risk", n));
      }
      break;
    }
    case FailOn::exposure_up:
      if (d.after.exposure > d.before.exposure) {
        out.push_back(
            fmt::format("exposure-up: exposure {} -> {}", d.before.exposure, d.after.exposure));
      }
      break;
    }
  }
  return out;
}

} // namespace empreinte::history

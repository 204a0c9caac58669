// Few lines: the section says what moved and points to `empreinte diff` for the rest.
#include "report/since_last.hpp"

#include "report/i18n.hpp"

#include <fmt/format.h>

namespace empreinte::report {

using nlohmann::ordered_json;

namespace {

std::string signed_number(int v)
{
  return v > 0 ? "+" + std::to_string(v) : v < 0 ? "\u2212" + std::to_string(-v) : "\u00b10";
}

} // namespace

SinceLastText word_since_last(const SinceLast& s,
                              int exposure_now,
                              int control_now,
                              const std::string& lang,
                              const std::function<std::string(std::string_view)>& escape)
{
  SinceLastText out;
  out.heading = tr(
      lang, "since.title", {s.previous_generated_at.substr(0, 10), std::to_string(s.previous_run)});
  out.lines.push_back(tr(lang,
                         "since.scores",
                         {std::to_string(s.exposure_before),
                          std::to_string(exposure_now),
                          signed_number(exposure_now - s.exposure_before),
                          std::to_string(s.control_before),
                          std::to_string(control_now),
                          signed_number(control_now - s.control_before)}));
  out.lines.push_back(tr(lang,
                         "since.counts",
                         {std::to_string(s.added),
                          std::to_string(s.gone),
                          std::to_string(s.not_seen),
                          std::to_string(s.changed)}));
  for (const auto& t : s.traces) {
    const std::string name = escape(t.title.empty() ? t.url : t.title);
    const std::string risk = t.risk.empty() ? std::string() : tr_or(lang, "risk." + t.risk, t.risk);
    if (t.change == "new") {
      out.lines.push_back(tr(lang, "since.new", {name, risk, escape(t.url)}));
    } else if (t.change == "gone") {
      out.lines.push_back(tr(lang, "since.gone", {name, escape(t.url)}));
    } else {
      std::string what;
      for (const auto& w : t.what) {
        std::string word = w == "risk" && !t.risk_before.empty() && !t.risk.empty()
                               ? tr(lang,
                                    "since.what.risk_to",
                                    {tr_or(lang, "risk." + t.risk_before, t.risk_before), risk})
                               : tr(lang, "since.what." + w);
        what += (what.empty() ? "" : std::string(semicolon(lang))) + word;
      }
      out.lines.push_back(tr(lang, "since.changed", {name, what}));
    }
  }
  for (const auto& r : s.requests) {
    out.lines.push_back(tr(lang,
                           "since.request",
                           {std::to_string(r.id),
                            tr_or(lang, "right." + r.right, r.right),
                            tr(lang, "request_state." + r.state)}));
  }
  if (!s.previous_complete) {
    out.lines.push_back(tr(lang, "since.previous_incomplete"));
  }
  if (s.stored) {
    out.lines.push_back(tr(lang, "since.details"));
  }
  return out;
}

ordered_json since_last_json(const SinceLast& s, int exposure_now, int control_now)
{
  ordered_json traces = ordered_json::array();
  for (const auto& t : s.traces) {
    traces.push_back({{"change", t.change},
                      {"id", t.id},
                      {"url", t.url},
                      {"title", t.title},
                      {"risk", t.risk.empty() ? ordered_json(nullptr) : ordered_json(t.risk)},
                      {"what", t.what}});
  }
  ordered_json requests = ordered_json::array();
  for (const auto& r : s.requests) {
    requests.push_back({{"id", r.id}, {"right", r.right}, {"state", r.state}});
  }
  return {{"previous_run", s.previous_run},
          {"previous_generated_at", s.previous_generated_at},
          {"previous_complete", s.previous_complete},
          {"score",
           {{"exposure", {{"before", s.exposure_before}, {"after", exposure_now}}},
            {"control", {{"before", s.control_before}, {"after", control_now}}}}},
          {"about_you",
           {{"new", s.added}, {"gone", s.gone}, {"not_seen", s.not_seen}, {"changed", s.changed}}},
          {"traces", traces},
          {"requests", requests}};
}

} // namespace empreinte::report

// Machine values only (no sentences): scripts match on these, whatever the language.
#include "history/diff_json.hpp"

#include <cmath>

namespace empreinte::history {

using nlohmann::ordered_json;

namespace {

double round2(double v)
{
  return std::round(v * 100.0) / 100.0;
}

ordered_json exposed_json(const std::vector<Exposed>& items)
{
  ordered_json out = ordered_json::array();
  for (const auto& e : items) {
    out.push_back({{"category", e.category}, {"text", e.text}});
  }
  return out;
}

ordered_json state_json(const std::optional<TraceState>& s)
{
  if (!s) {
    return nullptr;
  }
  return {{"kind", s->kind},
          {"about_subject", round2(s->about)},
          {"risk", s->risk.empty() ? ordered_json(nullptr) : ordered_json(s->risk)},
          {"exposure_points", round2(s->exposure_points)},
          {"exposed", exposed_json(s->exposed)},
          {"families", s->families}};
}

ordered_json side_json(const AuditSide& s)
{
  return {{"run", s.run ? ordered_json(*s.run) : ordered_json(nullptr)},
          {"file", s.file.empty() ? ordered_json(nullptr) : ordered_json(s.file)},
          {"generated_at", s.generated_at},
          {"complete", s.complete},
          {"backends", s.backends},
          {"traces", s.traces},
          {"about_you", s.about_you}};
}

ordered_json optional_bool(const std::optional<bool>& v)
{
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

} // namespace

ordered_json diff_to_json(const Diff& d, const std::string& tool_version)
{
  ordered_json traces = ordered_json::array();
  for (const auto& t : d.traces) {
    const bool mine = (t.before && t.before->about_you()) || (t.after && t.after->about_you());
    traces.push_back(
        {{"change", change_name(t.change)},
         {"id", t.id},
         {"url", t.url},
         {"title", t.title},
         {"domain", t.domain},
         {"about_you", mine},
         {"before", state_json(t.before)},
         {"after", state_json(t.after)},
         {"what", t.what},
         {"exposed_added", exposed_json(t.exposed_added)},
         {"exposed_removed", exposed_json(t.exposed_removed)},
         {"reason", t.reason.empty() ? ordered_json(nullptr) : ordered_json(t.reason)}});
  }
  ordered_json families = ordered_json::array();
  for (const auto& f : d.families) {
    families.push_back({{"family", f.family},
                        {"before", f.before},
                        {"after", f.after},
                        {"new", f.added},
                        {"gone", f.gone},
                        {"not_seen", f.not_seen},
                        {"changed", f.changed},
                        {"queries", {{"before", f.queries_before}, {"after", f.queries_after}}},
                        {"failed", {{"before", f.failed_before}, {"after", f.failed_after}}}});
  }
  ordered_json findings = ordered_json::array();
  for (const auto& f : d.findings) {
    findings.push_back({{"family", f.family},
                        {"key", f.key},
                        {"before", optional_bool(f.before)},
                        {"after", optional_bool(f.after)}});
  }
  ordered_json requests = ordered_json::array();
  for (const auto& r : d.requests) {
    requests.push_back(
        {{"id", r.id},
         {"trace", r.trace},
         {"url", r.url},
         {"right", r.right},
         {"sent", r.sent},
         {"outcome", r.outcome.empty() ? ordered_json(nullptr) : ordered_json(r.outcome)},
         {"state", r.state}});
  }
  auto score = [](int before, int after) {
    return ordered_json{{"before", before}, {"after", after}, {"change", after - before}};
  };
  ordered_json counts = ordered_json::object();
  ordered_json mine = ordered_json::object();
  for (Change c : {Change::added, Change::gone, Change::not_seen, Change::changed}) {
    counts[change_name(c)] = d.count(c);
    mine[change_name(c)] = d.count(c, true);
  }
  counts["unchanged"] = d.unchanged;
  return {{"schema", k_diff_schema},
          {"tool", {{"name", "empreinte"}, {"version", tool_version}}},
          {"subject", {{"key", d.subject}, {"name", d.name}}},
          {"before", side_json(d.before)},
          {"after", side_json(d.after)},
          {"score",
           {{"exposure", score(d.before.exposure, d.after.exposure)},
            {"control", score(d.before.control, d.after.control)}}},
          {"counts", counts},
          {"about_you", mine},
          {"families", families},
          {"findings", findings},
          {"requests", requests},
          {"traces", traces}};
}

} // namespace empreinte::history

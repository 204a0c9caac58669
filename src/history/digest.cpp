// Kept with every stored run so that comparing two audits reads a tenth of their reports.
#include "history/digest.hpp"

namespace empreinte::history {

using nlohmann::json;

namespace {

void copy(const json& from, json& to, std::initializer_list<const char*> keys)
{
  if (!from.is_object()) {
    return;
  }
  for (const char* key : keys) {
    if (const auto it = from.find(key); it != from.end()) {
      to[key] = *it;
    }
  }
}

} // namespace

json digest_of(const json& report)
{
  json out = json::object();
  if (!report.is_object()) {
    return out;
  }
  copy(report, out, {"schema", "generated_at", "lang", "subject", "complete", "jurisdiction"});
  if (report.is_object() && report.contains("score")) {
    json score = json::object();
    copy(report["score"], score, {"exposure", "control"});
    out["score"] = score;
  }
  if (report.is_object() && report.contains("findings") && report["findings"].is_object()) {
    json findings = json::object();
    for (const auto& [family, finding] : report["findings"].items()) {
      json f = json::object();
      copy(finding, f, {"linked", "professional_presence"});
      findings[family] = f;
    }
    out["findings"] = findings;
  }
  json backends = json::array();
  for (const auto& b : report.value("backends", json::array())) {
    json item = json::object();
    copy(b, item, {"name"});
    backends.push_back(item);
  }
  out["backends"] = backends;
  json queries = json::array();
  for (const auto& q : report.value("queries", json::array())) {
    json item = json::object();
    copy(q, item, {"id", "family", "text", "backend", "status"});
    queries.push_back(item);
  }
  out["queries"] = queries;
  json traces = json::array();
  for (const auto& t : report.value("traces", json::array())) {
    json item = json::object();
    copy(t,
         item,
         {"id",
          "url",
          "domain",
          "title",
          "kind",
          "about_subject",
          "risk",
          "exposure_points",
          "found_by"});
    json sensitive = json::array();
    if (t.is_object() && t.contains("sensitive") && t["sensitive"].is_array()) {
      for (const auto& s : t["sensitive"]) {
        json e = json::object();
        copy(s, e, {"category", "text"});
        sensitive.push_back(e);
      }
    }
    item["sensitive"] = sensitive;
    traces.push_back(item);
  }
  out["traces"] = traces;
  return out;
}

} // namespace empreinte::history

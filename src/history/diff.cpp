// A trace missing from the newer audit is "gone" only when a search that found it before ran
// again and succeeded; when those searches failed, or were not run, it is "not seen": the
// audit cannot tell whether the page is still there.
#include "history/diff.hpp"

#include "history/store.hpp"
#include "history/stored_json.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace empreinte::history {

using nlohmann::json;

namespace {

using stored::integer;
using stored::number;
using stored::str;

const char* const k_families[] = {"name", "network", "pseudonym", "job"};

const json& list(const json& object, const char* key)
{
  static const json empty = json::array();
  if (!object.is_object()) {
    return empty;
  }
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : empty;
}

bool failed(const std::string& status)
{
  return status != "ok" && status != "empty";
}

// The queries of one audit: by id and backend (how traces cite them), and by text and backend
// (how two audits' queries are matched: ids are positions in a plan that may change).
struct Queries
{
  struct Info
  {
    std::string family;
    std::string text;
    std::string backend;
    std::string status;
  };
  std::map<std::pair<std::string, std::string>, Info> by_id;
  std::map<std::string, Info> first_by_id; // when a sighting names no backend
  std::multimap<std::pair<std::string, std::string>, std::string> status_by_text;

  explicit Queries(const json& report)
  {
    for (const auto& q : list(report, "queries")) {
      Info info{str(q, "family"), str(q, "text"), str(q, "backend"), str(q, "status")};
      by_id.emplace(std::make_pair(str(q, "id"), info.backend), info);
      first_by_id.emplace(str(q, "id"), info);
      status_by_text.emplace(std::make_pair(info.text, info.backend), info.status);
    }
  }

  const Info* find(const json& sighting) const
  {
    const auto it = by_id.find({str(sighting, "query"), str(sighting, "backend")});
    if (it != by_id.end()) {
      return &it->second;
    }
    const auto any = first_by_id.find(str(sighting, "query"));
    return any != first_by_id.end() ? &any->second : nullptr;
  }
};

TraceState state_of(const json& trace, const Queries& queries)
{
  TraceState s;
  s.kind = str(trace, "kind");
  s.about = number(trace, "about_subject");
  s.risk = str(trace, "risk");
  s.exposure_points = number(trace, "exposure_points");
  std::set<Exposed> exposed;
  for (const auto& item : list(trace, "sensitive")) {
    exposed.insert({str(item, "category"), str(item, "text")});
  }
  s.exposed.assign(exposed.begin(), exposed.end());
  std::set<std::string> families;
  for (const auto& sighting : list(trace, "found_by")) {
    if (const auto* q = queries.find(sighting); q && !q->family.empty()) {
      families.insert(q->family);
    }
  }
  for (const char* f : k_families) {
    if (families.count(f)) {
      s.families.push_back(f);
    }
  }
  return s;
}

// Why a trace of the older audit is missing from the newer one: "" (gone: searched again and
// not found), "search_failed" or "not_searched".
std::string why_missing(const json& trace, const Queries& before, const Queries& after)
{
  bool searched = false;
  bool failure = false;
  for (const auto& sighting : list(trace, "found_by")) {
    const auto* q = before.find(sighting);
    if (!q) {
      continue;
    }
    const auto [first, last] = after.status_by_text.equal_range({q->text, q->backend});
    for (auto it = first; it != last; ++it) {
      (failed(it->second) ? failure : searched) = true;
    }
  }
  return searched ? "" : failure ? "search_failed" : "not_searched";
}

int change_rank(Change c)
{
  switch (c) {
  case Change::added:
    return 0;
  case Change::changed:
    return 1;
  case Change::gone:
    return 2;
  case Change::not_seen:
    return 3;
  }
  return 4;
}

std::optional<bool> yes_no(const json& report, const char* family, const char* key)
{
  const json& findings =
      report.is_object() && report.contains("findings") ? report["findings"] : json();
  if (!findings.is_object() || !findings.contains(family) || !findings[family].is_object()) {
    return std::nullopt;
  }
  const auto& f = findings[family];
  const auto it = f.find(key);
  return it != f.end() && it->is_boolean() ? std::optional<bool>(it->get<bool>()) : std::nullopt;
}

AuditSide side_of(const json& report)
{
  const RunSummary summary = summarise(report);
  AuditSide side;
  side.generated_at = summary.generated_at;
  side.lang = str(report, "lang");
  side.complete = summary.complete;
  side.backends = summary.backends;
  side.exposure = summary.exposure;
  side.control = summary.control;
  side.traces = summary.traces;
  side.about_you = summary.about_you;
  return side;
}

} // namespace

const char* change_name(Change change)
{
  switch (change) {
  case Change::added:
    return "new";
  case Change::gone:
    return "gone";
  case Change::not_seen:
    return "not_seen";
  case Change::changed:
    return "changed";
  }
  return "changed";
}

std::string why_missing(const json& trace, const json& report_before, const json& report_after)
{
  return why_missing(trace, Queries(report_before), Queries(report_after));
}

bool about_changed(double before, double after)
{
  return (before >= 0.5) != (after >= 0.5) || std::fabs(after - before) >= 0.2 - 1e-9;
}

std::size_t Diff::count(Change change, bool about_you_only) const
{
  return static_cast<std::size_t>(
      std::count_if(traces.begin(), traces.end(), [&](const TraceChange& t) {
        if (t.change != change) {
          return false;
        }
        if (!about_you_only) {
          return true;
        }
        return (t.before && t.before->about_you()) || (t.after && t.after->about_you());
      }));
}

Diff diff_reports(const json& before, const json& after)
{
  Diff d;
  const json subject = after.is_object() ? after.value("subject", json::object()) : json::object();
  d.subject = subject_key(subject);
  d.name = subject_name(subject);
  d.before = side_of(before);
  d.after = side_of(after);
  const Queries queries_before(before);
  const Queries queries_after(after);

  std::map<std::string, const json*> old_traces;
  for (const auto& t : list(before, "traces")) {
    old_traces.emplace(str(t, "id"), &t);
  }
  std::set<std::string> seen;
  for (const auto& t : list(after, "traces")) {
    const std::string id = str(t, "id");
    seen.insert(id);
    TraceChange c;
    c.id = id;
    c.url = str(t, "url");
    c.title = str(t, "title");
    c.domain = str(t, "domain");
    c.after = state_of(t, queries_after);
    const auto old = old_traces.find(id);
    if (old == old_traces.end()) {
      c.change = Change::added;
      d.traces.push_back(std::move(c));
      continue;
    }
    c.before = state_of(*old->second, queries_before);
    const TraceState& a = *c.before;
    const TraceState& b = *c.after;
    if (!a.about_you() && !b.about_you()) {
      ++d.unchanged; // a namesake's page: its details are not the person's concern
      continue;
    }
    c.change = Change::changed;
    if (!a.kind.empty() && !b.kind.empty() && a.kind != b.kind) {
      c.what.push_back("kind");
    }
    if (about_changed(a.about, b.about)) {
      c.what.push_back("about");
    }
    if (!a.risk.empty() && !b.risk.empty() && a.risk != b.risk) {
      c.what.push_back("risk");
    }
    std::set_difference(b.exposed.begin(),
                        b.exposed.end(),
                        a.exposed.begin(),
                        a.exposed.end(),
                        std::back_inserter(c.exposed_added));
    std::set_difference(a.exposed.begin(),
                        a.exposed.end(),
                        b.exposed.begin(),
                        b.exposed.end(),
                        std::back_inserter(c.exposed_removed));
    if (!c.exposed_added.empty() || !c.exposed_removed.empty()) {
      c.what.push_back("exposed");
    }
    if (c.what.empty()) {
      ++d.unchanged;
      d.unchanged_about += b.about_you() ? 1 : 0;
      continue;
    }
    d.traces.push_back(std::move(c));
  }
  for (const auto& t : list(before, "traces")) {
    const std::string id = str(t, "id");
    if (seen.count(id)) {
      continue;
    }
    TraceChange c;
    c.id = id;
    c.url = str(t, "url");
    c.title = str(t, "title");
    c.domain = str(t, "domain");
    c.before = state_of(t, queries_before);
    c.reason = why_missing(t, queries_before, queries_after);
    c.change = c.reason.empty() ? Change::gone : Change::not_seen;
    d.traces.push_back(std::move(c));
  }
  std::stable_sort(
      d.traces.begin(), d.traces.end(), [](const TraceChange& x, const TraceChange& y) {
        if (x.change != y.change) {
          return change_rank(x.change) < change_rank(y.change);
        }
        const TraceState& a = x.latest();
        const TraceState& b = y.latest();
        if (a.about_you() != b.about_you()) {
          return a.about_you();
        }
        if (risk_rank(a.risk) != risk_rank(b.risk)) {
          return risk_rank(a.risk) > risk_rank(b.risk);
        }
        if (a.exposure_points != b.exposure_points) {
          return a.exposure_points > b.exposure_points;
        }
        return x.url < y.url;
      });

  for (const char* family : k_families) {
    FamilyChange f;
    f.family = family;
    auto count_about = [&](const json& report, const Queries& queries) {
      int n = 0;
      for (const auto& t : list(report, "traces")) {
        const TraceState s = state_of(t, queries);
        n += s.about_you() && std::count(s.families.begin(), s.families.end(), family) ? 1 : 0;
      }
      return n;
    };
    f.before = count_about(before, queries_before);
    f.after = count_about(after, queries_after);
    for (const auto& c : d.traces) {
      const bool mine = (c.before && c.before->about_you()) || (c.after && c.after->about_you());
      const auto& fams = c.latest().families;
      if (!mine) {
        continue;
      }
      if (std::find(fams.begin(), fams.end(), family) == fams.end()) {
        continue;
      }
      switch (c.change) {
      case Change::added:
        ++f.added;
        break;
      case Change::gone:
        ++f.gone;
        break;
      case Change::not_seen:
        ++f.not_seen;
        break;
      case Change::changed:
        ++f.changed;
        break;
      }
    }
    for (const auto& q : list(before, "queries")) {
      if (str(q, "family") == family) {
        ++f.queries_before;
        f.failed_before += failed(str(q, "status")) ? 1 : 0;
      }
    }
    for (const auto& q : list(after, "queries")) {
      if (str(q, "family") == family) {
        ++f.queries_after;
        f.failed_after += failed(str(q, "status")) ? 1 : 0;
      }
    }
    d.families.push_back(f);
  }

  for (const auto& [family, key] : {std::pair{"pseudonym", "linked"},
                                    std::pair{"job", "linked"},
                                    std::pair{"job", "professional_presence"}}) {
    FindingChange f{family, key, yes_no(before, family, key), yes_no(after, family, key)};
    if (f.before != f.after) {
      d.findings.push_back(f);
    }
  }
  return d;
}

int risk_rank(const std::string& risk)
{
  return risk == "high" ? 3 : risk == "medium" ? 2 : risk == "low" ? 1 : 0;
}

} // namespace empreinte::history

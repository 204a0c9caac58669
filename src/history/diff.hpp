// What changed between two audits of one person: traces new, gone, not seen (their search
// failed) or changed, the scores, the findings and each of the four searches. Reads report JSON
// of any version: fields added later are ignored, fields missing count as unknown.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::history {

// A personal datum a trace exposes.
struct Exposed
{
  std::string category;
  std::string text;
  bool operator==(const Exposed&) const = default;
  bool operator<(const Exposed& o) const
  {
    return category != o.category ? category < o.category : text < o.text;
  }
};

// One trace as one audit saw it.
struct TraceState
{
  std::string kind;
  double about = 0; // about_subject
  std::string risk; // low, medium, high; "" when the report has none
  double exposure_points = 0;
  std::vector<Exposed> exposed;      // sorted
  std::vector<std::string> families; // the searches that found it: name, network, pseudonym, job
  bool about_you() const { return about >= 0.5; }
};

enum class Change { added, gone, not_seen, changed };

// "new", "gone", "not_seen", "changed".
const char* change_name(Change change);

struct TraceChange
{
  Change change = Change::changed;
  std::string id;
  std::string url;
  std::string title;
  std::string domain;
  std::optional<TraceState> before; // absent for new traces
  std::optional<TraceState> after;  // absent for gone and not-seen traces
  // For changed traces, what changed: "kind", "about", "risk", "exposed".
  std::vector<std::string> what;
  std::vector<Exposed> exposed_added;
  std::vector<Exposed> exposed_removed;
  // For not-seen traces: "search_failed" (the searches that found it failed this time) or
  // "not_searched" (they were not run this time).
  std::string reason;

  // The state that describes the trace now, or last time it was seen.
  const TraceState& latest() const { return after ? *after : *before; }
};

// One audit: where it comes from and its headline figures.
struct AuditSide
{
  std::optional<std::int64_t> run; // history run id, when from the history
  std::string file;                // report file, when from a file
  std::string generated_at;
  std::string lang;
  bool complete = true;
  std::vector<std::string> backends;
  int exposure = 0;
  int control = 0;
  int traces = 0;
  int about_you = 0;
};

// One of the four searches in both audits.
struct FamilyChange
{
  std::string family;
  int before = 0; // traces about you it found
  int after = 0;
  int added = 0;
  int gone = 0;
  int not_seen = 0;
  int changed = 0;
  int failed_before = 0; // queries that failed
  int failed_after = 0;
  int queries_before = 0;
  int queries_after = 0;
};

// A finding's yes/no answer in both audits ("pseudonym linked"); nullopt is unknown.
struct FindingChange
{
  std::string family; // pseudonym, job
  std::string key;    // linked, professional_presence
  std::optional<bool> before;
  std::optional<bool> after;
};

// A removal request and whether its trace actually went away.
struct RequestFollowUp
{
  std::int64_t id = 0;
  std::string trace;
  std::string url;
  std::string right;
  std::string sent;
  std::string outcome; // "" while open
  // "gone" (searched for and not found), "gone_now" (went away in this diff), "present",
  // "not_seen" (its search failed).
  std::string state;
};

struct Diff
{
  std::string subject; // key
  std::string name;
  AuditSide before;
  AuditSide after;
  std::vector<TraceChange> traces; // new, then changed, gone, not seen; most exposing first
  int unchanged = 0;       // every trace seen both times and unchanged, namesakes included
  int unchanged_about = 0; // of which about the person (the summary's count)
  std::vector<FamilyChange> families;  // name, network, pseudonym, job
  std::vector<FindingChange> findings; // only those that differ
  std::vector<RequestFollowUp> requests;

  std::size_t count(Change change, bool about_you_only = false) const;
};

// Compares two reports (schema empreinte/report/v1, any later version).
Diff diff_reports(const nlohmann::json& before, const nlohmann::json& after);

// Why `trace`, seen in `report_before`, is missing from `report_after`: "" (gone: a search that
// found it ran again and succeeded), "search_failed" or "not_searched".
std::string why_missing(const nlohmann::json& trace,
                        const nlohmann::json& report_before,
                        const nlohmann::json& report_after);

// True for a change of about-you worth telling: it crosses 0.5, or moves by 0.2 or more.
bool about_changed(double before, double after);

// "high" 3, "medium" 2, "low" 1, anything else 0: for sorting by risk.
int risk_rank(const std::string& risk);

} // namespace empreinte::history

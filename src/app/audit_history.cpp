// Nothing is written before the report is: a crash or Ctrl-C during the searches leaves the
// history untouched, and the run goes in with one transaction at the end.
#include "app/audit_history.hpp"

#include "app/exit_codes.hpp"
#include "app/history_access.hpp"

#include <fmt/format.h>

namespace empreinte::app {

void add_audit_history_options(CLI::App& c, AuditHistoryOptions& o)
{
  const char* group = "History (docs/history.md)";
  c.add_flag(
       "--no-history",
       [&o](std::int64_t) { o.store = false; },
       "Do not store this run in the history (it is still compared with the stored ones)")
      ->group(group);
  c.add_option("--fail-on",
               o.fail_on,
               "Exit with code 4 when, since the last stored audit: new (a new trace about you), "
               "new-high (one at high risk), exposure-up (the exposure score rose); repeatable or "
               "comma-separated")
      ->delimiter(',')
      ->check(CLI::IsMember({"new", "new-high", "exposure-up"}))
      ->group(group);
}

int AuditHistory::exit_code(bool complete) const
{
  for (const auto& hit : m_hits) {
    fmt::print(stderr, "empreinte: --fail-on {}\n", hit);
  }
  if (!m_hits.empty()) {
    return complete ? k_exit_fail_on : k_exit_fail_on_incomplete;
  }
  if (!m_options.fail_on.empty() && !m_previous) {
    fmt::print(stderr,
               "empreinte: --fail-on: no earlier audit of this person is stored, so nothing to "
               "compare with yet\n");
  }
  return complete ? k_exit_ok : k_exit_incomplete;
}

util::Result<AuditHistory> AuditHistory::begin(report::Report& report,
                                               const AuditHistoryOptions& options)
{
  AuditHistory h;
  h.m_options = options;
  h.m_report = report::to_json(report);
  std::vector<history::FailOn> wanted;
  for (const auto& name : options.fail_on) {
    if (const auto f = history::parse_fail_on(name)) {
      wanted.push_back(*f);
    }
  }
  auto store = open_history(options.store ? history::Store::Access::read_write
                                          : history::Store::Access::read_only);
  if (!store) {
    return store.error();
  }
  h.m_store = std::move(*store);
  if (!h.m_store) {
    return h;
  }
  const std::string subject =
      history::subject_key(h.m_report.value("subject", nlohmann::json::object()));
  auto previous = h.m_store->latest(subject);
  if (!previous) {
    return previous.error();
  }
  if (!*previous) {
    return h;
  }
  auto before = h.m_store->digest(**previous);
  if (!before) {
    return before.error();
  }
  h.m_previous = **previous;
  history::Diff d = history::diff_reports(*before, h.m_report);
  d.before.run = **previous;
  auto follow = follow_up_requests(*h.m_store, subject, h.m_report, &d);
  if (!follow) {
    return follow.error();
  }
  d.requests = std::move(*follow);
  report.since_last = history::since_last(d, **previous);
  report.since_last->stored = options.store;
  h.m_hits = history::fail_on_hits(d, wanted);
  return h;
}

util::Result<std::optional<std::int64_t>> AuditHistory::finish(const std::string& profile_path)
{
  if (!m_options.store || !m_store) {
    return std::optional<std::int64_t>();
  }
  auto id = m_store->add_run(m_report, profile_path);
  if (!id) {
    return id.error();
  }
  return std::optional<std::int64_t>(*id);
}

} // namespace empreinte::app

// Stages exchange plain structs; this file only wires them in order.
#include "app/pipeline.hpp"

#include "classify/classifier.hpp"
#include "score/profile_check.hpp"
#include "traces/merge.hpp"
#include "util/clock.hpp"

#include <algorithm>
#include <numeric>

#ifndef EMPREINTE_VERSION
#define EMPREINTE_VERSION "0.0.0"
#endif

namespace empreinte::app {

util::Result<profile::Profile> load_subject(const profile::ProfileFlags& flags,
                                            const plan::NetworkCatalog& catalog)
{
  auto subject = profile::profile_from_flags(flags);
  if (!subject) {
    return subject.error();
  }
  const std::string source = flags.profile_file.empty() ? "command line" : flags.profile_file;
  if (auto s = plan::resolve_networks(*subject, catalog, source); !s) {
    return s.error();
  }
  return subject;
}

util::Result<classify::Rules> load_rules(const DataPaths& data)
{
  return classify::Rules::load(data.root / "rules");
}

util::Result<score::Remedies> load_remedies(const DataPaths& data)
{
  return score::Remedies::load(data.rules("remedies.json").string());
}

void read_pages(std::vector<traces::Trace>& traces, read::PageReader& reader, int limit)
{
  std::vector<std::size_t> order(traces.size());
  std::iota(order.begin(), order.end(), 0);
  // Most likely about the person first; among equals, the best placed in the results.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (traces[a].about_subject != traces[b].about_subject) {
      return traces[a].about_subject > traces[b].about_subject;
    }
    return traces[a].best_rank() < traces[b].best_rank();
  });
  if (limit >= 0 && order.size() > static_cast<std::size_t>(limit)) {
    order.resize(static_cast<std::size_t>(limit));
  }
  std::vector<read::ReadRequest> requests;
  for (std::size_t i : order) {
    requests.push_back({traces[i].url, traces[i].page.saved_path});
  }
  auto pages = reader.read(requests);
  for (std::size_t k = 0; k < order.size() && k < pages.size(); ++k) {
    traces[order[k]].page = std::move(pages[k]);
  }
}

std::vector<plan::Query> plan_audit(const profile::Profile& subject,
                                    const classify::Rules& rules,
                                    const AuditSettings& settings)
{
  return plan::make_plan(subject, rules.networks, settings.plan);
}

report::Report run_audit(const profile::Profile& subject,
                         const classify::Rules& rules,
                         const score::Remedies& remedies,
                         search::Backend& backend,
                         const AuditSettings& settings,
                         read::PageReader* reader)
{
  const auto queries = plan_audit(subject, rules, settings);
  const auto outcomes = backend.search_all(queries, settings.pages);
  return finish_audit(subject, rules, remedies, queries, outcomes, settings, reader);
}

report::Report finish_audit(const profile::Profile& subject,
                            const classify::Rules& rules,
                            const score::Remedies& remedies,
                            const std::vector<plan::Query>& queries,
                            const std::vector<search::QueryOutcome>& outcomes,
                            const AuditSettings& settings,
                            read::PageReader* reader)
{
  report::Report r;
  r.tool_version = EMPREINTE_VERSION;
  r.generated_at = util::now_rfc3339();
  r.subject = subject;
  r.lang = settings.lang;
  if (auto warning = score::thin_profile_warning(subject)) {
    r.warnings.push_back(std::move(*warning));
  }
  for (const auto& outcome : outcomes) {
    if (outcome.query_index < queries.size()) {
      r.queries.push_back(report::QueryRun{queries[outcome.query_index], outcome});
    }
  }
  r.traces = traces::merge(queries, outcomes);
  const classify::Classifier classifier(subject, rules, settings.tuning);
  if (reader && settings.read_pages != 0) {
    classifier.classify_all(r.traces); // from the snippets, to choose which pages to read
    read_pages(r.traces, *reader, settings.read_pages);
  }
  classifier.classify_all(r.traces);
  r.scores = score::score_traces(r.traces, report::Report::k_about_threshold);
  std::vector<score::QueryRef> refs;
  for (const auto& q : queries) {
    // A query failed when no backend answered it (ok or empty).
    const bool answered = std::any_of(outcomes.begin(), outcomes.end(), [&](const auto& o) {
      return o.query_index < queries.size() && queries[o.query_index].id == q.id
             && !search::is_failure(o.status);
    });
    refs.push_back({q.id, q.family, q.target, !answered});
  }
  r.findings = score::make_findings(subject, refs, r.traces, report::Report::k_about_threshold);
  for (auto& t : r.traces) {
    if (t.about_subject >= report::Report::k_about_threshold) {
      t.actions = remedies.for_trace(t, r.lang);
    }
  }
  r.advice = remedies.advice(r.findings, r.traces, report::Report::k_about_threshold);
  return r;
}

} // namespace empreinte::app

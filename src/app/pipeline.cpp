// Stages exchange plain structs; this file only wires them in order.
#include "app/pipeline.hpp"

#include "classify/classifier.hpp"
#include "report/accounts_section.hpp"
#include "score/profile_check.hpp"
#include "traces/merge.hpp"
#include "traces/url_normalise.hpp"
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

util::Result<classify::PendingRules> start_rules(const DataPaths& data)
{
  return classify::PendingRules::start(data.root / "rules");
}

util::Result<score::Remedies> load_remedies(const DataPaths& data)
{
  return score::Remedies::load(data.rules("remedies.json").string());
}

util::Result<score::JurisdictionChoice> choose_jurisdiction(const profile::Profile& subject,
                                                            const classify::Rules& rules,
                                                            const score::Remedies& remedies,
                                                            const std::string& source)
{
  return remedies.jurisdictions().choose(subject, rules.places, source);
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
                         read::PageReader* reader,
                         const accounts::Summary* accounts)
{
  const auto queries = plan_audit(subject, rules, settings);
  const auto outcomes = backend.search_all(queries, settings.pages);
  return finish_audit(subject, rules, remedies, queries, outcomes, settings, reader, accounts);
}

report::Report finish_audit(const profile::Profile& subject,
                            const classify::Rules& rules,
                            const score::Remedies& remedies,
                            const std::vector<plan::Query>& queries,
                            const std::vector<search::QueryOutcome>& outcomes,
                            const AuditSettings& settings,
                            read::PageReader* reader,
                            const accounts::Summary* accounts)
{
  report::Report r;
  r.tool_version = EMPREINTE_VERSION;
  r.generated_at = util::now_rfc3339();
  r.subject = subject;
  r.lang = settings.lang;
  if (auto warning = score::thin_profile_warning(subject)) {
    r.warnings.push_back(std::move(*warning));
  }
  r.warnings.insert(r.warnings.end(), settings.warnings.begin(), settings.warnings.end());
  for (const auto& outcome : outcomes) {
    if (outcome.query_index < queries.size()) {
      r.queries.push_back(report::QueryRun{queries[outcome.query_index], outcome});
    }
  }
  r.traces = traces::merge(queries, outcomes);
  if (accounts) {
    // An account the searches found too keeps its search sightings and gains the check's.
    for (auto& t : accounts::found_traces(*accounts)) {
      // The person says this account is someone else's.
      if (std::any_of(subject.not_me.begin(), subject.not_me.end(), [&](const std::string& u) {
            return traces::normalise_url(u).value_or(u) == t.url;
          })) {
        continue;
      }
      const auto same = std::find_if(r.traces.begin(), r.traces.end(),
                                     [&](const traces::Trace& o) { return o.id == t.id; });
      if (same == r.traces.end()) {
        r.traces.push_back(std::move(t));
      } else {
        same->found_by.insert(same->found_by.end(), t.found_by.begin(), t.found_by.end());
        if (same->page.status == traces::PageStatus::not_read) {
          same->page = t.page;
        }
      }
    }
    r.accounts = *accounts;
    if (auto warning = report::accounts_warning(*accounts)) {
      r.warnings.push_back(std::move(*warning));
    }
  }
  const classify::Classifier classifier(subject, rules, settings.tuning);
  if (reader && settings.read_pages != 0) {
    // From the snippets, to choose which pages to read; when every page is read (the offline
    // corpus), there is nothing to choose, and this pass would cost a sixth of the run.
    if (settings.read_pages > 0 && r.traces.size() > static_cast<std::size_t>(settings.read_pages)) {
      classifier.classify_all(r.traces);
    }
    read_pages(r.traces, *reader, settings.read_pages);
  }
  classifier.classify_all(r.traces);
  if (accounts) {
    mark_account_traces(r.traces, *accounts);
  }
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
  if (accounts) {
    for (auto& f : r.findings) {
      if (f.family == plan::Family::pseudonym) {
        std::size_t found = 0;
        std::size_t naming = 0;
        for (const auto& row : accounts->rows) {
          found += row.status == accounts::Status::found ? 1 : 0;
          naming += row.profile && row.profile->ties_name() ? 1 : 0;
        }
        f.counts["accounts_found"] = static_cast<double>(found);
        f.counts["accounts_naming_you"] = static_cast<double>(naming);
      }
    }
  }
  // The country was checked when the profile was read; here a bad one falls back to INTL.
  auto chosen = choose_jurisdiction(subject, rules, remedies, "profile");
  const score::JurisdictionChoice where =
      chosen ? *chosen : score::JurisdictionChoice{remedies.jurisdictions().fallback(), score::ChosenBy::fallback, {}};
  if (where.jurisdiction) {
    const score::Authority* authority = remedies.complaint_authority(*where.jurisdiction);
    r.jurisdiction = report::JurisdictionUsed{
        *where.jurisdiction,
        where.how,
        where.from,
        authority ? std::optional<score::Authority>(*authority) : std::nullopt};
    for (auto& t : r.traces) {
      if (t.about_subject >= report::Report::k_about_threshold) {
        const classify::Site* site = rules.sites.find(t.host);
        t.actions = remedies.for_trace(t, *where.jurisdiction, site ? site->country : "", r.lang);
      }
    }
  }
  r.advice = remedies.advice(r.findings, r.traces, where, report::Report::k_about_threshold);
  return r;
}

void mark_account_traces(std::vector<traces::Trace>& traces, const accounts::Summary& accounts)
{
  for (const auto& row : accounts.rows) {
    if (row.status != accounts::Status::found) {
      continue;
    }
    const traces::Trace* found = accounts::account_trace(traces, row);
    if (!found) {
      continue; // left out (--not-me)
    }
    const auto t = traces.begin() + (found - traces.data());
    const bool names = row.profile && row.profile->ties_name();
    // The person gave the pseudonym as theirs: an account under it is theirs unless they say
    // otherwise (--not-me), though another person may hold the same handle on one site.
    t->kind = traces::Kind::voluntary;
    t->confidence = std::max(t->confidence, 0.9);
    t->about_subject = std::max(t->about_subject, names ? 0.95 : 0.6);
    t->pseudonym_link = t->pseudonym_link || names;
    std::vector<util::Message> said;
    said.push_back({"account.found", {row.pseudonym, row.site_name}, {row.reason}});
    if (row.profile) {
      const auto& e = *row.profile;
      if (names) {
        said.push_back({"account.real_name", {e.real_name}, {}, "page", ""});
      }
      if (!e.city.empty()) {
        said.push_back({"account.city", {e.city}, {}, "page", ""});
      }
      if (!e.job.empty()) {
        said.push_back({"account.job", {e.job}, {}, "page", ""});
      }
      if (!e.photo.empty()) {
        said.push_back({"account.photo", {}, {}, "page", ""});
      }
      if (!e.links.empty()) {
        std::string links;
        for (const auto& l : e.links) {
          links += (links.empty() ? "" : ", ") + l;
        }
        said.push_back({"account.links", {links}, {}, "page", ""});
      }
    }
    t->evidence.insert(t->evidence.begin(), said.begin(), said.end());
    if (t->category.empty()) {
      t->category = row.category == "forum" ? "forum" : row.category == "blog" ? "blog_host"
                                                                               : "social";
    }
  }
}

} // namespace empreinte::app

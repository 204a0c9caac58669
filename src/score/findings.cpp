// Findings only count traces about the person; namesakes are counted as such, never mixed in.
#include "score/findings.hpp"

#include "score/scores.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace empreinte::score {

using traces::Kind;
using traces::Trace;

namespace {

bool exposes_sensitive(const Trace& t)
{
  return !t.sensitive.empty();
}

// The queries of `family` (and `target`, when given) that failed, and how many there were.
std::pair<std::size_t, std::size_t> failures(const std::vector<QueryRef>& queries,
                                             plan::Family family,
                                             const std::string& target = {})
{
  std::size_t failed = 0;
  std::size_t total = 0;
  for (const auto& q : queries) {
    if (q.family == family && (target.empty() || q.target == target)) {
      ++total;
      failed += q.failed ? 1 : 0;
    }
  }
  return {failed, total};
}

util::Message unknown_reason(std::size_t failed, std::size_t total)
{
  return {"finding.unknown_reason", {fmt::format("{}", failed), fmt::format("{}", total)}, {}};
}

Finding name_finding(const std::vector<QueryRef>& queries, const std::vector<Trace>& traces, double threshold)
{
  Finding f;
  f.family = plan::Family::name;
  // The first page for the name: the first name query's top 10.
  const auto first = std::find_if(queries.begin(), queries.end(), [](const QueryRef& q) {
    return q.family == plan::Family::name;
  });
  std::vector<const Trace*> top;
  for (const auto& t : traces) {
    if (first != queries.end()
        && std::any_of(t.found_by.begin(), t.found_by.end(), [&](const auto& s) {
             return s.query == first->id && s.rank <= 10;
           })) {
      top.push_back(&t);
    }
  }
  std::map<std::string, double> kinds{{"voluntary", 0}, {"inherited", 0}, {"involuntary", 0}, {"unknown", 0}};
  double mine = 0;
  double namesakes = 0;
  for (const Trace* t : top) {
    if (t->about_subject >= threshold) {
      ++mine;
      ++kinds[std::string(traces::kind_name(t->kind))];
    } else {
      ++namesakes;
    }
  }
  f.counts["top10"] = static_cast<double>(top.size());
  f.counts["about_you"] = mine;
  f.counts["namesakes"] = namesakes;
  for (const auto& [k, n] : kinds) {
    f.counts[k] = n;
    f.counts["share_" + k] = mine > 0 ? std::round(100.0 * n / mine) / 100.0 : 0.0;
  }
  std::vector<const Trace*> visible;
  for (const auto& t : traces) {
    if (t.about_subject >= threshold) {
      visible.push_back(&t);
    }
  }
  std::stable_sort(visible.begin(), visible.end(), [](const Trace* a, const Trace* b) {
    return visibility(*a) > visibility(*b);
  });
  for (std::size_t i = 0; i < visible.size() && i < 3; ++i) {
    f.evidence.push_back(visible[i]->id);
  }
  if (first != queries.end() && first->failed) {
    f.unknown = unknown_reason(1, 1);
    f.verdict = {"finding.name.unknown", {}, {}};
  } else if (top.empty()) {
    f.verdict = {"finding.name.nothing", {}, {}};
  } else if (mine == 0) {
    f.verdict = {"finding.name.others", {fmt::format("{}", namesakes)}, {}};
  } else {
    std::string dominant = "voluntary";
    for (const auto& [k, n] : kinds) {
      if (n > kinds[dominant]) {
        dominant = k;
      }
    }
    f.verdict = {
        namesakes > 0 ? "finding.name.mine_namesakes" : "finding.name.mine",
        {fmt::format("{}", mine), fmt::format("{}", top.size()), fmt::format("{}", namesakes)},
        {{"finding.name.dominant." + dominant, {}, {}}}};
  }
  return f;
}

Finding network_finding(const std::vector<QueryRef>& queries,
                        const std::vector<Trace>& traces,
                        double threshold)
{
  Finding f;
  f.family = plan::Family::network;
  std::vector<std::string> networks;
  for (const auto& q : queries) {
    if (q.family == plan::Family::network
        && std::find(networks.begin(), networks.end(), q.target) == networks.end()) {
      networks.push_back(q.target);
    }
  }
  double indexed = 0;
  double flagged = 0;
  bool any_unsearched = false;
  for (const auto& network : networks) {
    NetworkFinding n;
    n.network = network;
    const auto [failed, total] = failures(queries, plan::Family::network, network);
    n.searched = failed < total;
    any_unsearched = any_unsearched || !n.searched;
    for (const auto& t : traces) {
      if (t.about_subject >= threshold && t.platform == network) {
        n.traces.push_back(t.id);
        if (exposes_sensitive(t)) {
          n.flagged.push_back(t.id);
        }
      }
    }
    indexed += static_cast<double>(n.traces.size());
    flagged += static_cast<double>(n.flagged.size());
    f.evidence.insert(f.evidence.end(), n.flagged.begin(), n.flagged.end());
    f.networks.push_back(std::move(n));
  }
  f.counts["networks"] = static_cast<double>(networks.size());
  f.counts["indexed"] = indexed;
  f.counts["flagged"] = flagged;
  const auto [failed, total] = failures(queries, plan::Family::network);
  if (networks.empty()) {
    f.verdict = {"finding.network.none_searched", {}, {}};
  } else if (indexed == 0 && any_unsearched) {
    f.unknown = unknown_reason(failed, total);
    f.verdict = {"finding.network.unknown", {}, {}};
  } else if (indexed == 0) {
    f.verdict = {"finding.network.none_indexed", {}, {}};
  } else if (flagged == 0) {
    f.verdict = {"finding.network.indexed", {fmt::format("{}", indexed)}, {}};
  } else {
    f.verdict = {flagged == 1 ? "finding.network.flagged_one" : "finding.network.flagged",
                 {fmt::format("{}", indexed), fmt::format("{}", flagged)},
                 {}};
  }
  return f;
}

Finding pseudonym_finding(const profile::Profile& subject,
                          const std::vector<QueryRef>& queries,
                          const std::vector<Trace>& traces,
                          double threshold)
{
  Finding f;
  f.family = plan::Family::pseudonym;
  bool any = false;
  for (const auto& pseudonym : subject.pseudonyms) {
    PseudonymFinding p;
    p.pseudonym = pseudonym;
    const auto words = util::words(pseudonym);
    for (const auto& t : traces) {
      if (t.about_subject < threshold || !t.pseudonym_link) {
        continue;
      }
      std::string text = t.title + " " + t.url;
      for (const auto& s : t.snippets) {
        text += " " + s;
      }
      // With one pseudonym every link is to it; with several, the trace must show this one.
      if (subject.pseudonyms.size() == 1 || util::contains_words(util::words(text), words)) {
        p.evidence.push_back(t.id);
      }
    }
    const auto [failed, total] = failures(queries, plan::Family::pseudonym, pseudonym);
    if (!p.evidence.empty()) {
      p.linked = true;
    } else if (failed == 0 || total == 0) {
      p.linked = false;
    } // else unknown: a failed search cannot say "no"
    any = any || p.evidence.size() > 0;
    f.evidence.insert(f.evidence.end(), p.evidence.begin(), p.evidence.end());
    f.pseudonyms.push_back(std::move(p));
  }
  const auto [failed, total] = failures(queries, plan::Family::pseudonym);
  if (any) {
    f.linked = true;
  } else if (failed == 0) {
    f.linked = false;
  } else {
    f.unknown = unknown_reason(failed, total);
  }
  f.counts["pseudonyms"] = static_cast<double>(subject.pseudonyms.size());
  f.counts["linking_traces"] = static_cast<double>(f.evidence.size());
  if (subject.pseudonyms.empty()) {
    f.verdict = {"finding.pseudonym.none_given", {}, {}};
  } else if (any) {
    std::string names;
    for (const auto& p : f.pseudonyms) {
      if (p.linked) {
        names += (names.empty() ? "" : ", ") + p.pseudonym;
      }
    }
    f.verdict = {f.evidence.size() == 1 ? "finding.pseudonym.linked_one"
                                        : "finding.pseudonym.linked",
                 {names, fmt::format("{}", f.evidence.size())},
                 {}};
  } else if (f.unknown) {
    f.verdict = {"finding.pseudonym.unknown", {}, {}};
  } else {
    f.verdict = {"finding.pseudonym.not_linked", {}, {}};
  }
  return f;
}

Finding job_finding(const profile::Profile& subject,
                    const std::vector<QueryRef>& queries,
                    const std::vector<Trace>& traces,
                    double threshold)
{
  Finding f;
  f.family = plan::Family::job;
  for (const auto& t : traces) {
    if (t.about_subject < threshold) {
      continue;
    }
    if (t.job_link) {
      f.evidence.push_back(t.id);
    }
    const bool first_page = t.best_rank() >= 1 && t.best_rank() <= 10;
    if (first_page && t.kind == Kind::voluntary && (t.job_link || t.own_site)
        && std::none_of(t.sensitive.begin(), t.sensitive.end(), [](const auto& s) { return s.category == "embarrassing"; })) {
      f.presence.push_back(t.id);
    }
  }
  const auto [failed, total] = failures(queries, plan::Family::job);
  const auto [name_failed, name_total] = failures(queries, plan::Family::name);
  f.linked = !f.evidence.empty();
  f.professional_presence = !f.presence.empty();
  if (!*f.linked && failed > 0) {
    f.linked.reset();
    f.unknown = unknown_reason(failed, total);
  }
  if (!*f.professional_presence && (name_failed > 0 || failed > 0)) {
    f.professional_presence.reset(); // the first results were not all seen
  }
  f.counts["linking_traces"] = static_cast<double>(f.evidence.size());
  f.counts["presence"] = static_cast<double>(f.presence.size());
  if (subject.job.title.empty() && subject.job.employer.empty()) {
    f.verdict = {"finding.job.none_given", {}, {}};
  } else if (f.unknown) {
    f.verdict = {"finding.job.unknown", {}, {}};
  } else if (*f.linked && f.professional_presence.value_or(false)) {
    f.verdict = {f.evidence.size() == 1 ? "finding.job.linked_presence_one"
                                        : "finding.job.linked_presence",
                 {fmt::format("{}", f.evidence.size())},
                 {}};
  } else if (*f.linked && !f.professional_presence) {
    f.verdict = {f.evidence.size() == 1 ? "finding.job.linked_unknown_presence_one"
                                        : "finding.job.linked_unknown_presence",
                 {fmt::format("{}", f.evidence.size())},
                 {}};
  } else if (*f.linked) {
    f.verdict = {f.evidence.size() == 1 ? "finding.job.linked_one" : "finding.job.linked",
                 {fmt::format("{}", f.evidence.size())},
                 {}};
  } else {
    f.verdict = {"finding.job.not_linked", {}, {}};
  }
  return f;
}

} // namespace

std::vector<Finding> make_findings(const profile::Profile& subject,
                                   const std::vector<QueryRef>& queries,
                                   const std::vector<Trace>& traces,
                                   double about_threshold)
{
  return {name_finding(queries, traces, about_threshold),
          network_finding(queries, traces, about_threshold),
          pseudonym_finding(subject, queries, traces, about_threshold),
          job_finding(subject, queries, traces, about_threshold)};
}

} // namespace empreinte::score

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
  if (top.empty()) {
    f.verdict = "Nothing comes up for your name on the first page.";
  } else if (mine == 0) {
    f.verdict = fmt::format("The first page for your name is about other people ({} namesake results).", namesakes);
  } else {
    std::string dominant = "voluntary";
    for (const auto& [k, n] : kinds) {
      if (n > kinds[dominant]) {
        dominant = k;
      }
    }
    static const std::map<std::string, std::string> k_what{
      {"voluntary", "what you published yourself"},
      {"inherited", "what others published about you"},
      {"involuntary", "what directories, brokers and archives collected"},
      {"unknown", "pages of unclear origin"}};
    f.verdict = fmt::format("{} of the first {} results are about you; {} dominates{}.",
                            mine,
                            top.size(),
                            k_what.at(dominant),
                            namesakes > 0 ? fmt::format(", and {} are about namesakes", namesakes) : "");
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
  for (const auto& network : networks) {
    NetworkFinding n;
    n.network = network;
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
  if (networks.empty()) {
    f.verdict = "No network was searched.";
  } else if (indexed == 0) {
    f.verdict = "No profile or post of yours from these networks is indexed under your name.";
  } else if (flagged == 0) {
    f.verdict = fmt::format("{} profiles or posts from your networks are indexed under your name; none exposes sensitive data.", indexed);
  } else {
    f.verdict = fmt::format("{} profiles or posts from your networks are indexed under your name, and {} of them "
                            "expose sensitive or embarrassing data: review their privacy settings.",
                            indexed, flagged);
  }
  return f;
}

Finding pseudonym_finding(const profile::Profile& subject, const std::vector<Trace>& traces, double threshold)
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
    p.linked = !p.evidence.empty();
    any = any || p.linked;
    f.evidence.insert(f.evidence.end(), p.evidence.begin(), p.evidence.end());
    f.pseudonyms.push_back(std::move(p));
  }
  f.linked = any;
  f.counts["pseudonyms"] = static_cast<double>(subject.pseudonyms.size());
  f.counts["linking_traces"] = static_cast<double>(f.evidence.size());
  if (subject.pseudonyms.empty()) {
    f.verdict = "You gave no pseudonym to check.";
  } else if (any) {
    std::string names;
    for (const auto& p : f.pseudonyms) {
      if (p.linked) {
        names += (names.empty() ? "" : ", ") + p.pseudonym;
      }
    }
    f.verdict = fmt::format("Yes: {} is tied to your real name by {} pages. Anyone can now connect what you "
                            "post under it to you; it is time to change it.",
                            names, f.evidence.size());
  } else {
    f.verdict = "No: no page found ties your pseudonym to your real name.";
  }
  return f;
}

Finding job_finding(const profile::Profile& subject, const std::vector<Trace>& traces, double threshold)
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
  f.linked = !f.evidence.empty();
  f.professional_presence = !f.presence.empty();
  f.counts["linking_traces"] = static_cast<double>(f.evidence.size());
  f.counts["presence"] = static_cast<double>(f.presence.size());
  if (subject.job.title.empty() && subject.job.employer.empty()) {
    f.verdict = "You gave no job or employer to check.";
  } else if (*f.linked && *f.professional_presence) {
    f.verdict = fmt::format("Yes: {} pages tie your job to your name, and you control a professional presence among the first results.",
                            f.evidence.size());
  } else if (*f.linked) {
    f.verdict = fmt::format("Yes: {} pages tie your job to your name, but none of the first results is a professional presence you control: create or refresh one.",
                            f.evidence.size());
  } else {
    f.verdict = "No page found ties your job to your name; a professional profile you control would put your best foot forward.";
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
          pseudonym_finding(subject, traces, about_threshold),
          job_finding(subject, traces, about_threshold)};
}

} // namespace empreinte::score

// Written to be read top-down in one screenful per section: headline first, details after.
#include "report/text_report.hpp"

#include "profile/names.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

namespace empreinte::report {

using traces::Kind;
using traces::Trace;

namespace {

std::string clean(std::string_view s, std::size_t max_bytes)
{
  return util::truncate_utf8(util::strip_controls(s), max_bytes);
}

std::string kind_label(Kind kind, const util::Style& style)
{
  switch (kind) {
  case Kind::voluntary:
    return style.green("voluntary");
  case Kind::inherited:
    return style.blue("inherited");
  case Kind::involuntary:
    return style.red("involuntary");
  case Kind::unknown:
    return style.dim("unknown");
  }
  return "unknown";
}

std::string_view kind_meaning(Kind kind)
{
  switch (kind) {
  case Kind::voluntary:
    return "published by you or on your accounts";
  case Kind::inherited:
    return "published about you by someone else";
  case Kind::involuntary:
    return "collected or aggregated by machines (directories, brokers, archives)";
  case Kind::unknown:
    return "not yet classified: look at them yourself";
  }
  return "";
}

bool about(const Trace& t)
{
  return t.about_subject >= Report::k_about_threshold;
}

void trace_line(std::string& out, const Trace& t, const util::Style& style, bool with_evidence)
{
  const std::string risk = std::string(traces::risk_name(t.risk)) + " risk";
  out += fmt::format("  - {}\n    {}  {} {}\n",
                     style.bold(clean(t.title.empty() ? t.url : t.title, 110)),
                     clean(t.url, 110),
                     style.dim(fmt::format("[{} {:.0f}%, about you {:.0f}%]",
                                           traces::kind_name(t.kind),
                                           t.confidence * 100,
                                           t.about_subject * 100)),
                     t.risk == traces::Trace::Risk::high     ? style.red(risk)
                     : t.risk == traces::Trace::Risk::medium ? style.yellow(risk)
                                                             : style.dim(risk));
  if (with_evidence && !t.evidence.empty()) {
    std::string why;
    for (const auto& e : t.evidence) {
      why += (why.empty() ? "" : "; ") + e;
    }
    out += "    " + style.dim("why: " + clean(why, 300)) + "\n";
  }
  if (!t.sensitive.empty()) {
    std::string exposed;
    for (const auto& s : t.sensitive) {
      exposed += (exposed.empty() ? "" : ", ") + s.category + " \"" + clean(s.text, 60) + "\""
                 + (s.known ? " (yours)" : "");
    }
    out += "    " + style.yellow("exposes: " + exposed) + "\n";
  }
  for (std::size_t i = 0; with_evidence && i < t.actions.size() && i < 3; ++i) {
    const auto& a = t.actions[i];
    out += "    " + style.green("→ " + clean(a.title, 120)) + (a.url.empty() ? "" : " " + style.dim(clean(a.url, 120)))
           + "\n";
  }
  if (t.pseudonym_link || t.job_link) {
    std::string ties = t.pseudonym_link ? "your pseudonym" : "";
    if (t.job_link) {
      ties += std::string(ties.empty() ? "" : " and ") + "your job";
    }
    out += "    " + style.yellow("ties " + ties + " to your name") + "\n";
  }
}

} // namespace

std::string render_text(const Report& r, const util::Style& style)
{
  std::string out;
  const std::string name = profile::full_name(r.subject);
  std::size_t mine = 0;
  std::map<Kind, std::size_t> by_kind;
  for (const auto& t : r.traces) {
    if (about(t)) {
      ++mine;
      ++by_kind[t.kind];
    }
  }
  std::string backends;
  for (const auto& q : r.queries) {
    if (backends.find(q.outcome.backend) == std::string::npos) {
      backends += (backends.empty() ? "" : ", ") + q.outcome.backend;
    }
  }
  out += style.bold(fmt::format("Digital footprint of {}", clean(name, 200))) + "\n";
  out += fmt::format("{} queries on {} · {} traces found: {} about you, {} possibly someone else\n",
                     r.queries.size(),
                     backends.empty() ? "no backend" : backends,
                     r.traces.size(),
                     mine,
                     r.traces.size() - mine);
  out += fmt::format("About you: {} voluntary, {} inherited, {} involuntary, {} unknown\n",
                     by_kind[Kind::voluntary],
                     by_kind[Kind::inherited],
                     by_kind[Kind::involuntary],
                     by_kind[Kind::unknown]);
  std::size_t exposing = 0;
  std::size_t pseudonym_links = 0;
  std::size_t job_links = 0;
  for (const auto& t : r.traces) {
    exposing += about(t) && !t.sensitive.empty() ? 1 : 0;
    pseudonym_links += t.pseudonym_link ? 1 : 0;
    job_links += t.job_link ? 1 : 0;
  }
  out += fmt::format("{} traces expose personal data; {} tie a pseudonym and {} your job to your name\n",
                     exposing,
                     pseudonym_links,
                     job_links);
  auto gauge = [&](int value, bool high_is_bad) {
    const std::string text = fmt::format("{:>3}/100", value);
    const bool bad = high_is_bad ? value >= 60 : value < 40;
    const bool good = high_is_bad ? value < 30 : value >= 70;
    return bad ? style.red(text) : good ? style.green(text) : style.yellow(text);
  };
  out += "\n" + style.bold("Scores") + " (docs/scoring.md)\n";
  out += fmt::format("  exposure {}  how much a stranger learns about you\n", gauge(r.scores.exposure, true));
  out += fmt::format("  control  {}  how much of what comes up first you published yourself\n",
                     gauge(r.scores.control, false));
  if (!r.findings.empty()) {
    out += "\n" + style.bold("Findings") + "\n";
    for (const auto& f : r.findings) {
      out += fmt::format("  {:<10} {}\n", std::string(plan::family_name(f.family)) + ":", clean(f.verdict, 400));
    }
  }
  if (!r.advice.empty()) {
    out += "\n" + style.bold("What to do first") + "\n";
    for (const auto& g : r.advice) {
      out += "  - " + style.bold(clean(g.title.in(r.lang), 200)) + ": " + clean(g.how.in(r.lang), 600) + "\n";
    }
    out += "  For a trace: empreinte letter REPORT.json --trace ID --right erasure|rectification|objection\n";
  }

  // The four searches, each with its question and what came up first.
  int section = 0;
  for (plan::Family family :
       {plan::Family::name, plan::Family::network, plan::Family::pseudonym, plan::Family::job}) {
    ++section;
    std::vector<const QueryRun*> runs;
    for (const auto& q : r.queries) {
      if (q.query.family == family) {
        runs.push_back(&q);
      }
    }
    out += "\n" + style.bold(fmt::format("{}. {} search", section, plan::family_name(family)))
           + " — " + std::string(plan::family_question(family)) + "\n";
    if (runs.empty()) {
      out += "  not searched (the profile gives nothing for it)\n";
      continue;
    }
    for (const auto* run : runs) {
      std::string status = std::string(search::status_name(run->outcome.status));
      if (search::is_failure(run->outcome.status)) {
        status = style.red(status + ": " + clean(run->outcome.reason, 200));
      }
      out += fmt::format("  {} {}  {} result(s), {}\n",
                         style.dim(run->query.id),
                         clean(run->query.text, 160),
                         run->outcome.results.size(),
                         status);
      // The first three results about the person, as a stranger would see them.
      int shown = 0;
      for (const auto& result : run->outcome.results) {
        if (shown == 3) {
          break;
        }
        const auto it = std::find_if(r.traces.begin(), r.traces.end(), [&](const Trace& t) {
          return std::any_of(t.found_by.begin(), t.found_by.end(), [&](const auto& s) {
            return s.query == run->query.id && s.rank == result.rank;
          });
        });
        if (it == r.traces.end() || !about(*it)) {
          continue;
        }
        ++shown;
        out += fmt::format("      #{} {} {}\n",
                           result.rank,
                           kind_label(it->kind, style),
                           clean(it->title.empty() ? it->url : it->title, 90));
      }
    }
  }

  // Traces about the person, grouped by kind, with the evidence behind each verdict.
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    std::vector<const Trace*> group;
    for (const auto& t : r.traces) {
      if (about(t) && t.kind == kind) {
        group.push_back(&t);
      }
    }
    if (group.empty()) {
      continue;
    }
    out += "\n" + style.bold(fmt::format("{} traces ({})", traces::kind_name(kind), group.size()))
           + " — " + std::string(kind_meaning(kind)) + "\n";
    for (const auto* t : group) {
      trace_line(out, *t, style, true);
    }
  }
  std::vector<const Trace*> others;
  for (const auto& t : r.traces) {
    if (!about(t)) {
      others.push_back(&t);
    }
  }
  if (!others.empty()) {
    out += "\n" + style.bold(fmt::format("Possibly someone else ({})", others.size()))
           + " — not counted; add a URL to \"not_me\" in your profile to settle it\n";
    for (const auto* t : others) {
      trace_line(out, *t, style, false);
    }
  }
  std::size_t failed = 0;
  for (const auto& q : r.queries) {
    failed += search::is_failure(q.outcome.status) ? 1 : 0;
  }
  if (failed > 0) {
    out += "\n"
           + style.red(fmt::format("Audit incomplete: {} of {} queries failed; the results above "
                                   "miss what they would have found.",
                                   failed,
                                   r.queries.size()))
           + "\n";
    for (const auto& h : backend_health(r)) {
      if (h.failed() > 0) {
        out += "  " + clean(health_advice(h), 400) + "\n";
      }
    }
  }
  return out;
}

} // namespace empreinte::report

// Written to be read top-down in one screenful per section: headline first, details after.
#include "report/text_report.hpp"

#include "profile/names.hpp"
#include "report/action_plan.hpp"
#include "report/i18n.hpp"
#include "report/accounts_section.hpp"
#include "report/rights.hpp"
#include "report/what_if.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

namespace empreinte::report {

using traces::Kind;
using traces::Trace;

namespace {

std::string kind_word(Kind kind, const std::string& lang)
{
  return tr(lang, "kind_label." + std::string(traces::kind_name(kind)));
}

std::string kind_label(Kind kind, const util::Style& style, const std::string& lang)
{
  const std::string word = kind_word(kind, lang);
  switch (kind) {
  case Kind::voluntary:
    return style.green(word);
  case Kind::inherited:
    return style.blue(word);
  case Kind::involuntary:
    return style.red(word);
  case Kind::unknown:
    return style.dim(word);
  }
  return word;
}

// Pads to `width` characters, not bytes: French labels carry accents.
std::string pad(const std::string& s, std::size_t width)
{
  std::size_t chars = 0;
  for (unsigned char c : s) {
    chars += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return s + std::string(chars < width ? width - chars : 0, ' ');
}

bool about(const Trace& t)
{
  return t.about_subject >= Report::k_about_threshold;
}

// One trace: its title, address and id, the verdicts, then the reasons, the data it exposes
// and its first action, each wrapped to the width without cutting words.
void trace_line(std::string& out,
                const Trace& t,
                const util::Style& style,
                bool with_evidence,
                const std::string& lang,
                const std::string& saved_path)
{
  const std::size_t width = style.width;
  const std::string risk = tr(lang, "risk." + std::string(traces::risk_name(t.risk)));
  out += "  - " + style.bold(util::wrap(util::safe_excerpt(t.title.empty() ? t.url : t.title, 300), width, "    ", 4))
         + "\n";
  out += "    " + util::wrap(util::safe_excerpt(t.url, 400), width, "    ", 4) + "\n";
  // Offline audits: the saved copy, which is what to open (never the live address).
  if (!saved_path.empty()) {
    out += "    "
           + style.dim(util::wrap(tr(lang, "report.offline_copy") + std::string(colon(lang)) + util::safe_excerpt(saved_path, 600),
                                  width, "      ", 4))
           + "\n";
  }
  const std::string verdict =
    t.id + " · "
    + tr(lang, "report.kind_confidence",
         {kind_word(t.kind, lang), fmt::format("{:.0f}", t.confidence * 100)})
    + ", " + tr(lang, "report.about_you", {fmt::format("{:.0f}", t.about_subject * 100)}) + ", "
    + risk;
  const std::string wrapped = util::wrap(verdict, width, "    ", 4);
  out += "    "
         + (t.risk == traces::Trace::Risk::high     ? style.red(wrapped)
            : t.risk == traces::Trace::Risk::medium ? style.yellow(wrapped)
                                                    : style.dim(wrapped))
         + "\n";
  if (with_evidence && !t.evidence.empty()) {
    std::string why;
    for (const auto& e : t.evidence) {
      why += (why.empty() ? "" : std::string(semicolon(lang))) + tr_evidence(lang, e);
    }
    out += "    "
           + style.dim(util::wrap(tr(lang, "report.why") + std::string(colon(lang)) + util::safe_excerpt(why, 900),
                                  width, "      ", 4))
           + "\n";
  }
  if (!t.sensitive.empty()) {
    std::string exposed;
    for (const auto& s : t.sensitive) {
      exposed += (exposed.empty() ? "" : ", ") + tr(lang, "category." + s.category) + " \""
                 + util::safe_excerpt(s.text, 60) + "\"" + (s.known ? " " + tr(lang, "report.yours") : "");
    }
    out += "    "
           + style.yellow(util::wrap(tr(lang, "report.exposes") + std::string(colon(lang)) + exposed,
                                     width, "      ", 4))
           + "\n";
  }
  if (t.pseudonym_link || t.job_link) {
    const char* key = t.pseudonym_link && t.job_link ? "report.links.both"
                      : t.pseudonym_link             ? "report.links.pseudonym"
                                                     : "report.links.job";
    out += "    " + style.yellow(util::wrap(tr(lang, key), width, "      ", 4)) + "\n";
  }
  if (with_evidence && !t.actions.empty()) {
    // The first action only: the table "What to do first" lists them all, once each.
    out += "    " + style.green(util::wrap("→ " + util::safe_excerpt(t.actions.front().title, 200), width, "      ", 4))
           + "\n";
  }
}

} // namespace

std::string render_text(const Report& r, const util::Style& style)
{
  const std::string& lang = r.lang;
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
  auto n = [](std::size_t v) { return std::to_string(v); };
  out += style.bold(tr(lang, "report.title", {util::safe_excerpt(name, 200)})) + "\n";
  // A failed audit says so first: what follows is partial, and "nothing" may be a failure.
  if (!r.complete()) {
    out += style.red(util::wrap("!! " + incomplete_headline(r), style.width, "   ")) + "\n";
    for (const auto& line : failure_advice(r)) {
      out += "   " + util::wrap(util::safe_excerpt(line, 400), style.width, "   ", 3) + "\n";
    }
  }
  for (const auto& w : r.warnings) {
    out += style.yellow(util::wrap("! " + tr(lang, w), style.width, "  ")) + "\n";
  }
  const auto line = [&](const std::string& text) { return util::wrap(text, style.width, "  ") + "\n"; };
  out += line(tr(lang,
                 "report.summary",
                 {n(r.queries.size()),
                  backends.empty() ? tr(lang, "report.no_backend") : backends,
                  n(r.traces.size()),
                  n(mine),
                  n(r.traces.size() - mine)}));
  out += line(tr(lang,
                 "report.summary_kinds",
                 {n(by_kind[Kind::voluntary]),
                  n(by_kind[Kind::inherited]),
                  n(by_kind[Kind::involuntary]),
                  n(by_kind[Kind::unknown])}));
  std::size_t exposing = 0;
  std::size_t pseudonym_links = 0;
  std::size_t job_links = 0;
  for (const auto& t : r.traces) {
    exposing += about(t) && !t.sensitive.empty() ? 1 : 0;
    pseudonym_links += t.pseudonym_link ? 1 : 0;
    job_links += t.job_link ? 1 : 0;
  }
  out += line(tr(lang, "report.summary_exposing", {n(exposing), n(pseudonym_links), n(job_links)}));
  if (r.since_last) {
    const auto since = word_since_last(*r.since_last, r.scores.exposure, r.scores.control, lang,
                                       [](std::string_view t) { return util::safe_excerpt(t, 110); });
    out += "\n" + style.bold(since.heading) + "\n";
    for (const auto& l : since.lines) {
      out += "  " + util::wrap(l, style.width, "    ", 2) + "\n";
    }
  }
  auto gauge = [&](int value, bool high_is_bad) {
    const std::string text = fmt::format("{:>3}/100", value);
    const bool bad = high_is_bad ? value >= 60 : value < 40;
    const bool good = high_is_bad ? value < 30 : value >= 70;
    return bad ? style.red(text) : good ? style.green(text) : style.yellow(text);
  };
  const std::string exposure = tr(lang, "report.exposure");
  const std::string control = tr(lang, "report.control");
  const std::size_t width = std::max(exposure.size(), control.size());
  out += "\n" + style.bold(tr(lang, "report.scores")) + " (docs/scoring.md)"
         + (r.complete() ? "" : " " + style.red(tr(lang, "report.scores_partial"))) + "\n";
  // The meaning of each gauge is wrapped under itself, after "  name 100/100  ".
  const std::size_t meaning_column = 2 + width + 1 + 7 + 2;
  const std::string meaning_indent(meaning_column, ' ');
  out += "  " + pad(exposure, width) + " " + gauge(r.scores.exposure, true) + "  "
         + util::wrap(tr(lang, "report.exposure_meaning"), style.width, meaning_indent, meaning_column)
         + "\n";
  out += "  " + pad(control, width) + " " + gauge(r.scores.control, false) + "  "
         + util::wrap(tr(lang, "report.control_meaning"), style.width, meaning_indent, meaning_column)
         + "\n";
  if (!r.findings.empty()) {
    out += "\n" + style.bold(tr(lang, "report.findings")) + "\n";
    for (const auto& f : r.findings) {
      // One column wide enough for the longest family word ("pseudonyme :").
      const std::string word = tr(lang, "family." + std::string(plan::family_name(f.family))) +
                               std::string(colon(lang).substr(0, colon(lang).size() - 1));
      const std::size_t column = lang == "fr" ? 13 : 11;
      out += "  " + pad(word, column)
             + util::wrap(util::safe_excerpt(tr(lang, f.verdict), 600), style.width,
                          std::string(2 + column, ' '), 2 + column)
             + "\n";
    }
  }
  // The law the actions follow, the authority, the deadline (docs/remedies.md).
  if (const auto rights = word_rights(r); !rights.heading.empty()) {
    out += "\n" + style.bold(rights.heading) + "\n";
    for (const auto& l : rights.lines) {
      out += "  " + util::wrap(util::safe_excerpt(l, 600), style.width, "  ", 2) + "\n";
    }
  }
  // What the account check of the pseudonyms found, and what it could not ask.
  if (const auto acc = word_accounts(r); !acc.heading.empty()) {
    out += "\n" + style.bold(acc.heading) + "\n";
    out += "  " + util::wrap(util::safe_excerpt(acc.summary, 600), style.width, "  ", 2) + "\n";
    for (const auto& e : acc.found) {
      out += "  - " + util::safe_excerpt(e.head, 200) + " [" + e.trace_id + "]: " + util::safe_excerpt(e.url, 300) + "\n";
      for (const auto& d : e.details) {
        out += "      " + util::wrap(util::safe_excerpt(d, 600), style.width, "      ", 6) + "\n";
      }
    }
    if (!acc.unanswered_heading.empty()) {
      out += "  " + util::wrap(util::safe_excerpt(acc.unanswered_heading, 600), style.width, "  ", 2) + "\n";
      for (const auto& l : acc.unanswered) {
        out += "  - " + util::wrap(util::safe_excerpt(l, 300), style.width, "    ", 4) + "\n";
      }
    }
    if (!acc.counts.empty()) {
      out += "  " + util::wrap(util::safe_excerpt(acc.counts, 600), style.width, "  ", 2) + "\n";
    }
    for (const auto& note : acc.notes) {
      out += "  " + util::wrap(util::safe_excerpt(note, 600), style.width, "  ", 2) + "\n";
    }
  }
  // Every action once, with the traces it covers, most urgent first.
  const auto plan = action_plan(r);
  if (!plan.empty()) {
    out += "\n" + style.bold(tr(lang, "report.advice")) + "\n";
    std::size_t number = 0;
    for (const auto& p : plan) {
      const std::string risk = tr(lang, "risk." + std::string(traces::risk_name(p.risk)));
      std::string ids;
      for (std::size_t i = 0; i < p.traces.size(); ++i) {
        ids += (i ? ", " : "") + p.traces[i];
      }
      const std::string head = fmt::format("{:>2}. ", ++number);
      out += head
             + style.bold(util::wrap(util::safe_excerpt(p.action.title, 200) + " (" + risk + ")", style.width,
                                     "    ", head.size()))
             + "\n";
      out += "    " + util::wrap(util::safe_excerpt(p.action.how, 900), style.width, "    ", 4) + "\n";
      if (!p.action.url.empty()) {
        out += "    " + style.dim(util::wrap(util::safe_excerpt(p.action.url, 300), style.width, "    ", 4)) + "\n";
      }
      // Each site's own address for it (a deletion page per platform), with its traces.
      for (const auto& link : p.links) {
        if (link.url.empty()) {
          continue;
        }
        std::string which;
        for (const auto& id : link.traces) {
          which += (which.empty() ? "" : ", ") + id;
        }
        out += "    "
               + style.dim(util::wrap(util::safe_excerpt(link.url, 300) + " (" + which + ")", style.width, "      ", 4))
               + "\n";
      }
      out += "    "
             + style.dim(util::wrap(tr(lang, "report.for_traces", {ids}), style.width, "    ", 4))
             + "\n";
    }
    out += "  " + util::wrap(tr(lang, "report.letter_hint"), style.width, "  ", 2) + "\n";
  }
  if (const auto w = word_what_if(r); !w.heading.empty()) {
    out += "\n" + style.bold(w.heading) + "\n";
    for (const auto& l : w.lines) {
      out += "  " + util::wrap(util::safe_excerpt(l, 1200), style.width, "  ", 2) + "\n";
    }
  }
  if (!r.advice.empty()) {
    out += "\n" + style.bold(tr(lang, "report.general_advice")) + "\n";
    for (const auto& g : r.advice) {
      out += "  - "
             + util::wrap(util::safe_excerpt(g.title.in(r.lang), 200) + std::string(colon(lang))
                              + util::safe_excerpt(g.how.in(r.lang), 900),
                          style.width, "    ", 4)
             + "\n";
    }
  }

  // The four searches, each with its question and what came up first; which engine answered
  // each query when there were several.
  bool several_backends = false;
  for (const auto& q : r.queries) {
    several_backends = several_backends || q.outcome.backend != r.queries.front().outcome.backend;
  }
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
    const std::string heading =
      tr(lang,
         "report.search",
         {std::to_string(section), tr(lang, "family." + std::string(plan::family_name(family)))});
    out += "\n" + style.bold(heading) + " "
           + util::wrap("— " + std::string(plan::family_question(family, lang)), style.width, "  ",
                        util::char_count(heading) + 1)
           + "\n";
    if (runs.empty()) {
      out += "  " + tr(lang, "report.not_searched") + "\n";
      continue;
    }
    for (const auto* run : runs) {
      const std::string_view status_id = search::status_name(run->outcome.status);
      std::string status = tr_or(lang, "status." + std::string(status_id), status_id);
      const bool failed = search::is_failure(run->outcome.status);
      if (failed) {
        status = tr(lang,
                    "search.status_because",
                    {status, util::safe_excerpt(tr(lang, run->outcome.reason), 200)});
      }
      const std::string query_line = util::wrap(
        fmt::format("{} {}  {}{}",
                    run->query.id,
                    util::safe_excerpt(run->query.text, 160),
                    tr(lang, "report.results", {std::to_string(run->outcome.results.size()), status}),
                    several_backends ? " [" + util::safe_excerpt(run->outcome.backend, 40) + "]" : ""),
        style.width, "      ", 2);
      out += "  " + (failed ? style.red(query_line) : query_line) + "\n";
      if (const std::string tried = engines_tried(run->outcome, lang); !tried.empty()) {
        out += "      " + style.dim(util::wrap(util::safe_excerpt(tried, 300), style.width, "      ", 6)) + "\n";
      }
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
        // One line each: the title is cut to what is left of the width.
        const std::string head =
          fmt::format("      #{} {} ", result.rank, kind_word(it->kind, lang));
        const std::size_t used = util::char_count(head);
        const std::size_t room = style.width > used + 10 ? style.width - used : 10;
        out += fmt::format("      #{} {} {}\n",
                           result.rank,
                           kind_label(it->kind, style, lang),
                           util::truncate_chars(util::safe_excerpt(it->title.empty() ? it->url : it->title, 400),
                                                room));
      }
    }
  }

  // Traces about the person, grouped by kind, with the evidence behind each verdict.
  const auto mine_by_risk = traces_by_risk(r, true);
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    std::vector<const Trace*> group;
    for (const Trace* t : mine_by_risk) {
      if (t->kind == kind) {
        group.push_back(t);
      }
    }
    if (group.empty()) {
      continue;
    }
    const std::string kind_key(traces::kind_name(kind));
    const std::string heading =
      fmt::format("{} ({})", tr(lang, "kind_traces." + kind_key), group.size());
    out += "\n" + style.bold(heading) + " "
           + util::wrap("— " + tr(lang, "kind_meaning." + kind_key), style.width, "  ",
                        util::char_count(heading) + 1)
           + "\n";
    for (const auto* t : group) {
      trace_line(out, *t, style, true, lang, saved_page_path(r, *t));
    }
  }
  const std::vector<const Trace*> others = traces_by_risk(r, false);
  if (!others.empty()) {
    const std::string heading = tr(lang, "report.namesakes", {std::to_string(others.size())});
    out += "\n" + style.bold(heading) + " "
           + util::wrap("— " + tr(lang, "report.namesakes_hint"), style.width, "  ",
                        util::char_count(heading) + 1)
           + "\n";
    for (const auto* t : others) {
      trace_line(out, *t, style, false, lang, saved_page_path(r, *t));
    }
  }
  return out;
}

} // namespace empreinte::report

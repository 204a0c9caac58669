// Same content and order as the terminal summary: scores, findings, traces by kind, namesakes.
#include "report/markdown_report.hpp"

#include "profile/names.hpp"
#include "report/action_plan.hpp"
#include "report/i18n.hpp"
#include "report/accounts_section.hpp"
#include "report/rights.hpp"
#include "report/what_if.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace empreinte::report {

using traces::Kind;
using traces::Trace;

std::string markdown_escape(std::string_view text)
{
  const std::string clean = util::strip_controls(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    // Enough to stop links, images, emphasis, code spans and table cells; third-party text
    // never starts a line, so line-start markers (#, -, 1.) need nothing.
    case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
      out += '\\';
      out += c;
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

// A Markdown link to an http(s) URL, or the escaped text when the URL is anything else.
std::string link(const std::string& label, const std::string& url)
{
  if (!util::parse_http_url(url)) {
    return markdown_escape(label);
  }
  std::string safe;
  for (char c : util::strip_controls(url)) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>') {
      safe += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      safe += c;
    }
  }
  return "[" + markdown_escape(label) + "](" + safe + ")";
}

// Text inside a code span: no backquote can close it, no control character.
std::string code_text(std::string_view text)
{
  std::string out = util::strip_controls(text);
  std::replace(out.begin(), out.end(), '`', '\'');
  return out;
}

// "Why", "Exposes"... followed by the colon each language writes.
std::string label(const std::string& lang, std::string_view key)
{
  std::string word = tr(lang, key);
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
  }
  return word + std::string(colon(lang));
}

void trace_item(std::string& out, const Trace& t, bool details, const Report& r)
{
  const std::string& lang = r.lang;
  // Offline audits link to the saved page; the live address is only shown, as code (never a
  // link, not even an automatic one).
  const std::string shown = util::truncate_utf8(t.title.empty() ? t.url : t.title, 140);
  const std::string saved = saved_page_link(r, t);
  const std::string title =
    saved.empty() ? link(shown, t.url)
                  : "[" + markdown_escape(shown) + "](" + saved + ") (" + tr(lang, "report.live_address")
                      + std::string(colon(lang)) + "`" + code_text(t.url) + "`)";
  out += fmt::format("- {} — `{}` · {}, {}, {}\n",
                     title,
                     t.id,
                     tr(lang,
                        "report.kind_confidence",
                        {tr(lang, "kind_label." + std::string(traces::kind_name(t.kind))),
                         fmt::format("{:.0f}", t.confidence * 100)}),
                     tr(lang, "report.about_you", {fmt::format("{:.0f}", t.about_subject * 100)}),
                     tr(lang, "risk." + std::string(traces::risk_name(t.risk))));
  if (!details) {
    return;
  }
  std::string why;
  for (const auto& e : t.evidence) {
    why += (why.empty() ? "" : std::string(semicolon(lang))) + markdown_escape(tr_evidence(lang, e));
  }
  out += "  - " + label(lang, "report.why") + why + "\n";
  if (!t.sensitive.empty()) {
    std::string exposed;
    for (const auto& s : t.sensitive) {
      exposed += (exposed.empty() ? "" : ", ") + tr(lang, "category." + s.category) + " “" +
                 markdown_escape(s.text) + "”" + (s.known ? " " + tr(lang, "report.yours") : "");
    }
    out += "  - " + label(lang, "report.exposes") + exposed + "\n";
  }
  // The first action only: "What to do first" lists every action once, with its traces.
  if (!t.actions.empty()) {
    const auto& a = t.actions.front();
    out += "  - " + label(lang, "report.to_do") +
           (a.url.empty() ? markdown_escape(a.title) : link(a.title, a.url)) + "\n";
  }
  if (t.pseudonym_link || t.job_link) {
    const char* key = t.pseudonym_link && t.job_link ? "report.links.both"
                      : t.pseudonym_link             ? "report.links.pseudonym"
                                                     : "report.links.job";
    std::string ties = tr(lang, key);
    ties[0] =
        static_cast<char>(ties[0] - 'a' + 'A'); // every entry starts with a lower-case ASCII letter
    out += "  - " + ties + "\n";
  }
}

} // namespace

std::string render_markdown(const Report& r)
{
  const std::string& lang = r.lang;
  std::string out;
  out += "# " + tr(lang, "report.title", {markdown_escape(profile::full_name(r.subject))}) + "\n\n";
  if (!r.complete()) {
    out += "> **" + markdown_escape(incomplete_headline(r)) + "**\n";
    for (const auto& line : failure_advice(r)) {
      out += ">\n> - " + markdown_escape(line) + "\n";
    }
    out += "\n";
  }
  for (const auto& w : r.warnings) {
    out += "> **" + markdown_escape(tr(lang, w)) + "**\n\n";
  }
  out += tr(lang,
            "md.generated",
            {r.generated_at,
             r.tool_version,
             std::to_string(r.queries.size()),
             std::to_string(r.traces.size())}) +
         "\n\n";
  if (r.since_last) {
    const auto since = word_since_last(*r.since_last, r.scores.exposure, r.scores.control, lang,
                                       [](std::string_view t) { return markdown_escape(t); });
    out += "## " + since.heading + "\n\n";
    for (const auto& line : since.lines) {
      out += "- " + line + "\n";
    }
    out += "\n";
  }
  out += "## " + tr(lang, "report.scores")
         + (r.complete() ? "" : " (" + tr(lang, "report.scores_partial") + ")") + "\n\n"
         + tr(lang, "md.scores_header") +
         "\n|---|---|---|\n";
  out += fmt::format("| {} | {}/100 | {} |\n",
                     tr(lang, "report.exposure"),
                     r.scores.exposure,
                     tr(lang, "report.exposure_meaning"));
  out += fmt::format("| {} | {}/100 | {} |\n\n",
                     tr(lang, "report.control"),
                     r.scores.control,
                     tr(lang, "report.control_meaning"));
  out += "## " + tr(lang, "report.findings") + "\n\n";
  for (const auto& f : r.findings) {
    out += fmt::format("- **{}** — {}{}{}\n",
                       tr(lang, "family." + std::string(plan::family_name(f.family))),
                       markdown_escape(plan::family_question(f.family, lang)),
                       lang == "fr" ? " " : ": ",
                       markdown_escape(tr(lang, f.verdict)));
  }
  if (const auto rights = word_rights(r); !rights.heading.empty()) {
    out += "\n## " + rights.heading + "\n\n";
    for (const auto& l : rights.lines) {
      out += "- " + markdown_escape(l) + "\n";
    }
  }
  if (const auto acc = word_accounts(r); !acc.heading.empty()) {
    out += "\n## " + acc.heading + "\n\n" + markdown_escape(acc.summary) + "\n\n";
    for (const auto& e : acc.found) {
      out += "- **" + markdown_escape(e.head) + "** (" + e.trace_id + "): `" + code_text(e.url) + "`\n";
      for (const auto& d : e.details) {
        out += "  - " + markdown_escape(d) + "\n";
      }
    }
    if (!acc.unanswered_heading.empty()) {
      out += "\n" + markdown_escape(acc.unanswered_heading) + "\n\n";
      for (const auto& l : acc.unanswered) {
        out += "- " + markdown_escape(l) + "\n";
      }
    }
    if (!acc.counts.empty()) {
      out += "\n" + markdown_escape(acc.counts) + "\n";
    }
    for (const auto& note : acc.notes) {
      out += "\n" + markdown_escape(note) + "\n";
    }
  }
  // Every action once, most urgent first, with the traces it covers.
  if (const auto plan = action_plan(r); !plan.empty()) {
    out += "\n## " + tr(lang, "report.advice") + "\n\n" + tr(lang, "md.plan_header")
           + "\n|---|---|---|---|\n";
    std::size_t number = 0;
    for (const auto& p : plan) {
      std::string ids;
      for (const auto& id : p.traces) {
        ids += (ids.empty() ? "`" : ", `") + id + "`";
      }
      // Each site's own address for it (a deletion page per platform), with its traces.
      std::string links;
      for (const auto& l : p.links) {
        if (l.url.empty()) {
          continue;
        }
        const auto parts = util::parse_http_url(l.url);
        std::string which;
        for (const auto& id : l.traces) {
          which += (which.empty() ? "`" : ", `") + id + "`";
        }
        links += (links.empty() ? "" : ", ") + link(parts ? parts->host : l.url, l.url) + " (" + which
                 + ")";
      }
      out += fmt::format("| {} | {} — {}{} | {} | {} |\n",
                         ++number,
                         p.action.url.empty() ? "**" + markdown_escape(p.action.title) + "**"
                                              : link(p.action.title, p.action.url),
                         markdown_escape(p.action.how),
                         links.empty() ? "" : " " + links,
                         tr(lang, "risk." + std::string(traces::risk_name(p.risk))),
                         ids);
    }
    out += "\n" + tr(lang, "md.letter_hint") + "\n";
  }
  if (const auto w = word_what_if(r); !w.heading.empty()) {
    out += "\n## " + w.heading + "\n\n";
    for (const auto& l : w.lines) {
      out += "- " + markdown_escape(l) + "\n";
    }
  }
  if (!r.advice.empty()) {
    out += "\n## " + tr(lang, "report.general_advice") + "\n\n";
    for (const auto& g : r.advice) {
      out += "- **" + markdown_escape(g.title.in(r.lang)) + "**" + std::string(colon(lang)) +
             markdown_escape(g.how.in(r.lang)) + "\n";
    }
  }
  out += "\n## " + tr(lang, "report.searches") + "\n\n" + tr(lang, "md.searches_header") +
         "\n|---|---|---|---|---|\n";
  for (const auto& q : r.queries) {
    const std::string_view status_id = search::status_name(q.outcome.status);
    std::string status = tr_or(lang, "status." + std::string(status_id), status_id);
    if (!q.outcome.reason.empty()) {
      status = tr(lang,
                  "search.status_because",
                  {status, markdown_escape(tr(lang, q.outcome.reason))});
    }
    if (!q.outcome.tried.empty()) {
      status += " (" + markdown_escape(engines_tried(q.outcome, lang)) + ")";
    }
    out += fmt::format("| {} | {} | {} | {} | {} |\n",
                       q.query.id,
                       tr(lang, "family." + std::string(plan::family_name(q.query.family))),
                       markdown_escape(q.query.text),
                       status,
                       q.outcome.results.size());
  }
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    std::string items;
    std::size_t n = 0;
    for (const Trace* t : traces_by_risk(r, true)) {
      if (t->kind == kind) {
        trace_item(items, *t, true, r);
        ++n;
      }
    }
    if (n > 0) {
      out += fmt::format("\n## {} ({})\n\n",
                         tr(lang, "kind_traces." + std::string(traces::kind_name(kind))),
                         n) +
             items;
    }
  }
  std::string others;
  std::size_t n = 0;
  for (const Trace* t : traces_by_risk(r, false)) {
    trace_item(others, *t, false, r);
    ++n;
  }
  if (n > 0) {
    out += "\n## " + tr(lang, "report.namesakes", {std::to_string(n)}) + "\n\n" +
           tr(lang, "md.namesakes_hint") + "\n\n" + others;
  }
  return out;
}

} // namespace empreinte::report

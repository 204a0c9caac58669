// Same content and order as the terminal summary: scores, findings, traces by kind, namesakes.
#include "report/markdown_report.hpp"

#include "profile/names.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

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

void trace_item(std::string& out, const Trace& t, bool details)
{
  out += fmt::format("- {} — {} {:.0f}%, about you {:.0f}%, {} risk\n",
                     link(util::truncate_utf8(t.title.empty() ? t.url : t.title, 140), t.url),
                     traces::kind_name(t.kind),
                     t.confidence * 100,
                     t.about_subject * 100,
                     traces::risk_name(t.risk));
  if (!details) {
    return;
  }
  std::string why;
  for (const auto& e : t.evidence) {
    why += (why.empty() ? "" : "; ") + markdown_escape(e);
  }
  out += "  - Why: " + why + "\n";
  if (!t.sensitive.empty()) {
    std::string exposed;
    for (const auto& s : t.sensitive) {
      exposed += (exposed.empty() ? "" : ", ") + s.category + " “" + markdown_escape(s.text) + "”"
                 + (s.known ? " (yours)" : "");
    }
    out += "  - Exposes: " + exposed + "\n";
  }
  for (const auto& a : t.actions) {
    out += "  - To do: " + (a.url.empty() ? markdown_escape(a.title) : link(a.title, a.url)) + " — "
           + markdown_escape(a.how) + "\n";
  }
  if (t.pseudonym_link || t.job_link) {
    out += std::string("  - Ties ") + (t.pseudonym_link ? "your pseudonym" : "")
           + (t.pseudonym_link && t.job_link ? " and " : "") + (t.job_link ? "your job" : "")
           + " to your name\n";
  }
}

} // namespace

std::string render_markdown(const Report& r)
{
  std::string out;
  out += "# Digital footprint of " + markdown_escape(profile::full_name(r.subject)) + "\n\n";
  out += fmt::format("Generated {} by empreinte {}. {} queries, {} traces.\n\n",
                     r.generated_at, r.tool_version, r.queries.size(), r.traces.size());
  out += "## Scores\n\n| score | value | meaning |\n|---|---|---|\n";
  out += fmt::format("| exposure | {}/100 | how much a stranger learns about you |\n", r.scores.exposure);
  out += fmt::format("| control | {}/100 | how much of what comes up first you published yourself |\n\n",
                     r.scores.control);
  out += "## Findings\n\n";
  for (const auto& f : r.findings) {
    out += fmt::format("- **{}** — {}: {}\n",
                       plan::family_name(f.family),
                       markdown_escape(plan::family_question(f.family)),
                       markdown_escape(f.verdict));
  }
  if (!r.advice.empty()) {
    out += "\n## What to do first\n\n";
    for (const auto& g : r.advice) {
      out += "- **" + markdown_escape(g.title.in(r.lang)) + "**: " + markdown_escape(g.how.in(r.lang)) + "\n";
    }
    out += "\nFor one trace: `empreinte letter REPORT.json --trace ID --right erasure|rectification|objection`.\n";
  }
  out += "\n## Searches\n\n| id | family | query | status | results |\n|---|---|---|---|---|\n";
  for (const auto& q : r.queries) {
    out += fmt::format("| {} | {} | {} | {}{} | {} |\n",
                       q.query.id,
                       plan::family_name(q.query.family),
                       markdown_escape(q.query.text),
                       search::status_name(q.outcome.status),
                       q.outcome.reason.empty() ? "" : ": " + markdown_escape(q.outcome.reason),
                       q.outcome.results.size());
  }
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    std::string items;
    std::size_t n = 0;
    for (const auto& t : r.traces) {
      if (t.about_subject >= Report::k_about_threshold && t.kind == kind) {
        trace_item(items, t, true);
        ++n;
      }
    }
    if (n > 0) {
      out += fmt::format("\n## {} traces ({})\n\n", traces::kind_name(kind), n) + items;
    }
  }
  std::string others;
  std::size_t n = 0;
  for (const auto& t : r.traces) {
    if (t.about_subject < Report::k_about_threshold) {
      trace_item(others, t, false);
      ++n;
    }
  }
  if (n > 0) {
    out += fmt::format("\n## Possibly someone else ({})\n\nNot counted. Add a URL to `not_me` in your profile to settle it.\n\n", n)
           + others;
  }
  if (!r.complete()) {
    out += "\n**Audit incomplete**: some queries failed (see Searches); re-run later.\n";
  }
  return out;
}

} // namespace empreinte::report

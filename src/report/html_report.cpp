// The template decides the layout; this file only turns the report into Mustache data.
#include "report/html_report.hpp"

#include "profile/names.hpp"
#include "report/action_plan.hpp"
#include "report/i18n.hpp"
#include "report/accounts_section.hpp"
#include "report/rights.hpp"
#include "report/what_if.hpp"
#include "util/terminal.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <map>

namespace empreinte::report {

namespace mu = kainjow::mustache;
using traces::Kind;
using traces::Trace;

namespace {

constexpr double k_gauge_circumference = 301.59; // 2 pi 48
constexpr double k_donut_circumference = 251.33; // 2 pi 40

std::string text(std::string_view s)
{
  return util::strip_controls(s);
}

// Sentences as a template list, each cleaned.
mu::list text_list(const std::vector<std::string>& sentences)
{
  mu::list out;
  for (const auto& l : sentences) {
    out.push_back(mu::data(text(l)));
  }
  return out;
}

// A section of a heading and sentences ({{heading}}, {{#lines}}).
mu::data heading_and_lines(const std::string& heading, const std::vector<std::string>& lines)
{
  mu::data section;
  section.set("heading", text(heading));
  section.set("lines", text_list(lines));
  return section;
}

// A link target only for http(s) URLs; anything else (javascript:, data:) is never a link.
void set_link(mu::data& d, const std::string& url)
{
  const bool ok = util::parse_http_url(url).has_value() && url.rfind("http", 0) == 0;
  d.set("has_url", ok ? mu::data::type::bool_true : mu::data::type::bool_false);
  if (ok) {
    d.set("url", text(url));
  }
}

std::string kind_color(Kind kind)
{
  switch (kind) {
  case Kind::voluntary:
    return "#2e7d32";
  case Kind::inherited:
    return "#1a56c4";
  case Kind::involuntary:
    return "#c62828";
  case Kind::unknown:
    return "#9aa3af";
  }
  return "#9aa3af";
}

std::string capitalised(std::string s)
{
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  }
  return s;
}

// The words around a colon: French puts a space before it.
std::string with_colon(const std::string& lang, std::string_view key)
{
  const std::string_view c = colon(lang);
  return capitalised(tr(lang, key)) + std::string(c.substr(0, c.size() - 1));
}

mu::data trace_data(const Trace& t, const Report& r)
{
  const std::string& lang = r.lang;
  mu::data d;
  d.set("id", t.id);
  d.set("title", text(t.title.empty() ? t.url : t.title));
  // Offline audits link to the saved page; the live address is only shown, as text.
  if (const std::string saved = saved_page_link(r, t); !saved.empty()) {
    d.set("has_url", mu::data::type::bool_true);
    d.set("url", saved);
    d.set("has_live", mu::data::type::bool_true);
    d.set("live_url", text(t.url));
  } else {
    set_link(d, t.url);
    d.set("has_live", mu::data::type::bool_false);
  }
  d.set("domain", text(t.domain.empty() ? t.host : t.domain));
  d.set("kind", std::string(traces::kind_name(t.kind)));
  d.set("kind_confidence",
        tr(lang,
           "report.kind_confidence",
           {tr(lang, "kind_label." + std::string(traces::kind_name(t.kind))),
            fmt::format("{:.0f}", t.confidence * 100)}));
  d.set("about", tr(lang, "report.about_you", {fmt::format("{:.0f}", t.about_subject * 100)}));
  d.set("risk", std::string(traces::risk_name(t.risk)));
  d.set("risk_label", tr(lang, "risk." + std::string(traces::risk_name(t.risk))));
  mu::list evidence;
  for (const auto& e : t.evidence) {
    evidence.push_back(mu::data(text(tr_evidence(lang, e))));
  }
  d.set("evidence", evidence);
  mu::list sensitive;
  for (const auto& s : t.sensitive) {
    mu::data item;
    item.set("category", tr(lang, "category." + s.category));
    item.set("text", text(s.text));
    item.set("known", s.known ? mu::data::type::bool_true : mu::data::type::bool_false);
    sensitive.push_back(item);
  }
  d.set("has_sensitive", t.sensitive.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("sensitive", sensitive);
  mu::list links;
  if (t.pseudonym_link) {
    links.push_back(mu::data(capitalised(tr(lang, "report.links.pseudonym"))));
  }
  if (t.job_link) {
    links.push_back(mu::data(capitalised(tr(lang, "report.links.job"))));
  }
  d.set("links", links);
  // The first action only: "What to do first" lists every action once, with its traces.
  mu::list actions;
  for (const auto& a : t.actions) {
    if (!actions.empty()) {
      break;
    }
    mu::data item;
    item.set("title", text(a.title));
    item.set("how", text(a.how));
    set_link(item, a.url);
    actions.push_back(item);
  }
  d.set("has_actions", t.actions.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("actions", actions);
  return d;
}

// Every fixed word of the template, in the report's language (variables "l_*").
void set_labels(mu::data& d, const Report& r, std::size_t mine)
{
  const std::string& lang = r.lang;
  const std::string name = text(profile::full_name(r.subject));
  d.set("l_title", tr(lang, "report.title", {name}));
  d.set("l_meta",
        tr(lang,
           "html.meta",
           {r.generated_at,
            r.tool_version,
            std::to_string(r.queries.size()),
            std::to_string(r.traces.size()),
            std::to_string(mine)}));
  d.set("l_incomplete", incomplete_headline(r));
  const std::string exposure = tr(lang, "report.exposure");
  const std::string control = tr(lang, "report.control");
  d.set("l_exposure", capitalised(exposure));
  d.set("l_exposure_meaning", tr(lang, "report.exposure_meaning"));
  d.set("l_exposure_aria",
        tr(lang, "html.gauge_label", {exposure, std::to_string(r.scores.exposure)}));
  d.set("l_control", capitalised(control));
  d.set("l_control_meaning", tr(lang, "report.control_meaning"));
  d.set("l_control_aria",
        tr(lang, "html.gauge_label", {control, std::to_string(r.scores.control)}));
  d.set("l_by_kind", tr(lang, "html.by_kind"));
  d.set("l_donut", tr(lang, "html.donut_label"));
  d.set("l_four_searches", tr(lang, "html.four_searches"));
  d.set("l_advice", tr(lang, "report.advice"));
  d.set("l_live", with_colon(lang, "report.live_address"));
  d.set("l_general_advice", tr(lang, "report.general_advice"));
  d.set("l_exposure_polarity", tr(lang, "html.polarity_lower_better"));
  d.set("l_control_polarity", tr(lang, "html.polarity_higher_better"));
  d.set("l_summary", tr(lang, "html.summary"));
  d.set("l_kind", tr(lang, "html.table_kind"));
  d.set("l_risk_high", capitalised(tr(lang, "risk.high")));
  d.set("l_risk_medium", capitalised(tr(lang, "risk.medium")));
  d.set("l_risk_low", capitalised(tr(lang, "risk.low")));
  d.set("l_total", tr(lang, "html.total"));
  d.set("l_action", tr(lang, "html.table_action"));
  d.set("l_risk", tr(lang, "html.table_risk"));
  d.set("l_for_traces", tr(lang, "html.table_traces"));
  d.set("l_letter_intro", tr(lang, "html.letter_intro"));
  d.set("l_letter_command", tr(lang, "html.letter_command"));
  d.set("l_why", with_colon(lang, "report.why"));
  d.set("l_exposes", with_colon(lang, "report.exposes"));
  d.set("l_yours", tr(lang, "report.yours"));
  d.set("l_colon", std::string(colon(lang).substr(0, colon(lang).size() - 1)));
  d.set("l_semicolon", std::string(semicolon(lang).substr(0, semicolon(lang).size() - 1)));
  d.set("l_namesakes_hint", tr(lang, "html.namesakes_hint"));
  d.set("l_searches", tr(lang, "html.searches", {std::to_string(r.queries.size())}));
  d.set("l_family", tr(lang, "html.table_family"));
  d.set("l_query", tr(lang, "html.table_query"));
  d.set("l_status", tr(lang, "html.table_status"));
  d.set("l_results", tr(lang, "html.table_results"));
  d.set("l_footer", tr(lang, "html.footer"));
}

std::string gauge_color(int value, bool high_is_bad)
{
  const bool bad = high_is_bad ? value >= 60 : value < 40;
  const bool good = high_is_bad ? value < 30 : value >= 70;
  return bad ? "#c62828" : good ? "#2e7d32" : "#f3b33d";
}

} // namespace

util::Result<std::string> render_html(const Report& r, const std::string& template_text)
{
  mu::mustache tmpl{template_text};
  if (!tmpl.is_valid()) {
    return util::runtime_error("invalid HTML template: " + tmpl.error_message());
  }
  const std::string& lang = r.lang;
  mu::data d;
  d.set("lang", lang);
  d.set("name", text(profile::full_name(r.subject)));
  d.set("generated_at", r.generated_at);
  d.set("version", r.tool_version);
  d.set("query_count", std::to_string(r.queries.size()));
  d.set("trace_count", std::to_string(r.traces.size()));
  d.set("incomplete", r.complete() ? mu::data::type::bool_false : mu::data::type::bool_true);
  mu::list warnings;
  for (const auto& w : r.warnings) {
    mu::data item;
    item.set("text", text(tr(r.lang, w)));
    warnings.push_back(item);
  }
  d.set("warnings", warnings);
  mu::data health{mu::data::type::list};
  for (const auto& line : failure_advice(r)) {
    mu::data item;
    item.set("text", text(line));
    health.push_back(item);
  }
  d.set("backend_advice", health);
  if (r.since_last) {
    const auto since = word_since_last(*r.since_last, r.scores.exposure, r.scores.control, lang,
                                       [](std::string_view t) { return text(t); });
    mu::data section;
    section.set("heading", since.heading);
    mu::list lines;
    for (const auto& line : since.lines) {
      lines.push_back(mu::data(line));
    }
    section.set("lines", lines);
    d.set("since_last", section);
  }
  d.set("exposure", std::to_string(r.scores.exposure));
  d.set("control", std::to_string(r.scores.control));
  d.set("exposure_dash", fmt::format("{:.2f}", k_gauge_circumference * r.scores.exposure / 100.0));
  d.set("control_dash", fmt::format("{:.2f}", k_gauge_circumference * r.scores.control / 100.0));
  d.set("exposure_color", gauge_color(r.scores.exposure, true));
  d.set("control_color", gauge_color(r.scores.control, false));

  std::size_t mine = 0;
  for (const auto& t : r.traces) {
    mine += t.about_subject >= Report::k_about_threshold ? 1 : 0;
  }
  d.set("mine", std::to_string(mine));
  set_labels(d, r, mine);
  mu::list donut;
  double offset = 0;
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    const auto it = r.scores.kinds.find(std::string(traces::kind_name(kind)));
    const int count = it == r.scores.kinds.end() ? 0 : it->second;
    if (count == 0 || mine == 0) {
      continue;
    }
    const double length = k_donut_circumference * count / static_cast<double>(mine);
    mu::data segment;
    segment.set("kind", tr(lang, "kind_label." + std::string(traces::kind_name(kind))));
    segment.set("count", std::to_string(count));
    segment.set("color", kind_color(kind));
    segment.set("length", fmt::format("{:.2f}", length));
    segment.set("offset", fmt::format("{:.2f}", -offset));
    offset += length;
    donut.push_back(segment);
  }
  d.set("donut", donut);

  mu::list findings;
  for (const auto& f : r.findings) {
    mu::data item;
    item.set("family", tr(lang, "family." + std::string(plan::family_name(f.family))));
    item.set("question", std::string(plan::family_question(f.family, lang)));
    item.set("verdict", text(tr(lang, f.verdict)));
    findings.push_back(item);
  }
  d.set("findings", findings);
  if (const auto rights = word_rights(r); !rights.heading.empty()) {
    d.set("rights", heading_and_lines(rights.heading, rights.lines));
  }
  if (const auto acc = word_accounts(r); !acc.heading.empty()) {
    mu::data section;
    section.set("heading", text(acc.heading));
    section.set("summary", text(acc.summary));
    mu::list found;
    for (const auto& e : acc.found) {
      mu::data item;
      item.set("head", text(e.head));
      item.set("url", text(e.url));
      item.set("id", e.trace_id);
      item.set("has_details", e.details.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
      item.set("details", text_list(e.details));
      found.push_back(item);
    }
    section.set("found", found);
    if (!acc.unanswered_heading.empty()) {
      section.set("unanswered", heading_and_lines(acc.unanswered_heading, acc.unanswered));
    }
    section.set("counts", text(acc.counts));
    section.set("notes", text_list(acc.notes));
    d.set("accounts", section);
  }
  if (const auto w = word_what_if(r); !w.heading.empty()) {
    d.set("what_if", heading_and_lines(w.heading, w.lines));
  }
  mu::list advice;
  for (const auto& g : r.advice) {
    mu::data item;
    item.set("title", text(g.title.in(r.lang)));
    item.set("how", text(g.how.in(r.lang)));
    advice.push_back(item);
  }
  d.set("has_advice", r.advice.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("advice", advice);

  // "What to do first": every action once, most urgent first, with the traces it covers (links
  // to them in the page) and each site's own address where they differ.
  const auto planned = action_plan(r);
  mu::list plan_rows;
  std::size_t number = 0;
  for (const auto& p : planned) {
    mu::data row;
    row.set("number", std::to_string(++number));
    row.set("title", text(p.action.title));
    row.set("how", text(p.action.how));
    set_link(row, p.action.url);
    row.set("risk", std::string(traces::risk_name(p.risk)));
    row.set("risk_label", tr(lang, "risk." + std::string(traces::risk_name(p.risk))));
    mu::list ids;
    for (const auto& id : p.traces) {
      ids.push_back(mu::data(id));
    }
    row.set("traces", ids);
    mu::list sites;
    for (const auto& l : p.links) {
      const auto parts = util::parse_http_url(l.url);
      if (!parts) {
        continue;
      }
      mu::data site;
      site.set("host", text(parts->host));
      set_link(site, l.url);
      mu::list site_ids;
      for (const auto& id : l.traces) {
        site_ids.push_back(mu::data(id));
      }
      site.set("traces", site_ids);
      sites.push_back(site);
    }
    row.set("sites", sites);
    plan_rows.push_back(row);
  }
  d.set("has_plan", planned.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("plan", plan_rows);

  // The summary table: traces about the person by kind and risk.
  mu::list summary;
  std::map<std::pair<Kind, traces::Trace::Risk>, int> cells;
  for (const auto& t : r.traces) {
    if (t.about_subject >= Report::k_about_threshold) {
      ++cells[{t.kind, t.risk}];
    }
  }
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    mu::data row;
    row.set("kind", std::string(traces::kind_name(kind)));
    row.set("kind_label", capitalised(tr(lang, "kind_label." + std::string(traces::kind_name(kind)))));
    int total = 0;
    for (auto [risk, name] : {std::pair{traces::Trace::Risk::high, "high"},
                              std::pair{traces::Trace::Risk::medium, "medium"},
                              std::pair{traces::Trace::Risk::low, "low"}}) {
      const int n = cells[{kind, risk}];
      row.set(name, std::to_string(n));
      total += n;
    }
    row.set("total", std::to_string(total));
    summary.push_back(row);
  }
  d.set("summary", summary);

  mu::list groups;
  for (Kind kind : {Kind::voluntary, Kind::inherited, Kind::involuntary, Kind::unknown}) {
    mu::list list;
    for (const Trace* t : traces_by_risk(r, true)) {
      if (t->kind == kind) {
        list.push_back(trace_data(*t, r));
      }
    }
    if (list.empty()) {
      continue;
    }
    mu::data group;
    const std::string kind_key(traces::kind_name(kind));
    group.set("kind", kind_key);
    group.set("heading",
              capitalised(tr(lang, "kind_traces." + kind_key)) + " (" +
                  std::to_string(list.size()) + ")");
    group.set("meaning", capitalised(tr(lang, "kind_meaning." + kind_key)) + ".");
    group.set("count", std::to_string(list.size()));
    group.set("traces", list);
    groups.push_back(group);
  }
  d.set("groups", groups);
  mu::list namesakes;
  for (const Trace* t : traces_by_risk(r, false)) {
    namesakes.push_back(trace_data(*t, r));
  }
  d.set("has_namesakes", namesakes.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("namesake_count", std::to_string(namesakes.size()));
  d.set("l_namesakes", tr(lang, "html.namesakes", {std::to_string(namesakes.size())}));
  d.set("namesakes", namesakes);
  mu::list queries;
  for (const auto& q : r.queries) {
    mu::data item;
    item.set("id", q.query.id);
    item.set("family", tr(lang, "family." + std::string(plan::family_name(q.query.family))));
    item.set("text", text(q.query.text));
    const std::string_view status = search::status_name(q.outcome.status);
    item.set("status", tr_or(lang, "status." + std::string(status), status));
    if (!q.outcome.reason.empty()) {
      item.set("reason", text(tr(lang, q.outcome.reason)));
    }
    if (!q.outcome.tried.empty()) {
      item.set("tried", text(engines_tried(q.outcome, lang)));
    }
    item.set("results", std::to_string(q.outcome.results.size()));
    queries.push_back(item);
  }
  d.set("queries", queries);
  std::string out = tmpl.render(d);
  if (!tmpl.is_valid()) {
    return util::runtime_error("cannot render the HTML report: " + tmpl.error_message());
  }
  return out;
}

} // namespace empreinte::report

// The template decides the layout; this file only turns the report into Mustache data.
#include "report/html_report.hpp"

#include "profile/names.hpp"
#include "util/terminal.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

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

mu::data trace_data(const Trace& t)
{
  mu::data d;
  d.set("id", t.id);
  d.set("title", text(t.title.empty() ? t.url : t.title));
  set_link(d, t.url);
  d.set("domain", text(t.domain.empty() ? t.host : t.domain));
  d.set("kind", std::string(traces::kind_name(t.kind)));
  d.set("confidence", fmt::format("{:.0f}", t.confidence * 100));
  d.set("about", fmt::format("{:.0f}", t.about_subject * 100));
  d.set("risk", std::string(traces::risk_name(t.risk)));
  mu::list evidence;
  for (const auto& e : t.evidence) {
    evidence.push_back(mu::data(text(e)));
  }
  d.set("evidence", evidence);
  mu::list sensitive;
  for (const auto& s : t.sensitive) {
    mu::data item;
    item.set("category", s.category);
    item.set("text", text(s.text));
    item.set("known", s.known ? mu::data::type::bool_true : mu::data::type::bool_false);
    sensitive.push_back(item);
  }
  d.set("has_sensitive", t.sensitive.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("sensitive", sensitive);
  mu::list links;
  if (t.pseudonym_link) {
    links.push_back(mu::data(std::string("Ties your pseudonym to your name")));
  }
  if (t.job_link) {
    links.push_back(mu::data(std::string("Ties your job to your name")));
  }
  d.set("links", links);
  mu::list actions;
  for (const auto& a : t.actions) {
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
  mu::data d;
  d.set("lang", r.lang);
  d.set("name", text(profile::full_name(r.subject)));
  d.set("generated_at", r.generated_at);
  d.set("version", r.tool_version);
  d.set("query_count", std::to_string(r.queries.size()));
  d.set("trace_count", std::to_string(r.traces.size()));
  d.set("incomplete", r.complete() ? mu::data::type::bool_false : mu::data::type::bool_true);
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
    segment.set("kind", std::string(traces::kind_name(kind)));
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
    item.set("family", std::string(plan::family_name(f.family)));
    item.set("question", std::string(plan::family_question(f.family)));
    item.set("verdict", text(f.verdict));
    findings.push_back(item);
  }
  d.set("findings", findings);
  mu::list advice;
  for (const auto& g : r.advice) {
    mu::data item;
    item.set("title", text(g.title.in(r.lang)));
    item.set("how", text(g.how.in(r.lang)));
    advice.push_back(item);
  }
  d.set("has_advice", r.advice.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("advice", advice);

  static const std::pair<Kind, const char*> k_groups[] = {
    {Kind::voluntary, "Published by you or on your accounts."},
    {Kind::inherited, "Published about you by someone else."},
    {Kind::involuntary, "Collected or aggregated by machines: directories, brokers, registries, archives."},
    {Kind::unknown, "Not classified: look at them yourself."}};
  mu::list groups;
  for (const auto& [kind, meaning] : k_groups) {
    mu::list list;
    for (const auto& t : r.traces) {
      if (t.about_subject >= Report::k_about_threshold && t.kind == kind) {
        list.push_back(trace_data(t));
      }
    }
    if (list.empty()) {
      continue;
    }
    mu::data group;
    group.set("kind", std::string(traces::kind_name(kind)));
    group.set("meaning", std::string(meaning));
    group.set("count", std::to_string(list.size()));
    group.set("traces", list);
    groups.push_back(group);
  }
  d.set("groups", groups);
  mu::list namesakes;
  for (const auto& t : r.traces) {
    if (t.about_subject < Report::k_about_threshold) {
      namesakes.push_back(trace_data(t));
    }
  }
  d.set("has_namesakes", namesakes.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
  d.set("namesake_count", std::to_string(namesakes.size()));
  d.set("namesakes", namesakes);
  mu::list queries;
  for (const auto& q : r.queries) {
    mu::data item;
    item.set("id", q.query.id);
    item.set("family", std::string(plan::family_name(q.query.family)));
    item.set("text", text(q.query.text));
    item.set("status", std::string(search::status_name(q.outcome.status)));
    if (!q.outcome.reason.empty()) {
      item.set("reason", text(q.outcome.reason));
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

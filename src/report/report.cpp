// The JSON shape is a contract with scripts: later versions add fields, never rename or drop.
#include "report/report.hpp"

#include "report/i18n.hpp"
#include "report/rights.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

namespace empreinte::report {

using nlohmann::ordered_json;

bool Report::complete() const
{
  return std::none_of(queries.begin(), queries.end(), [](const QueryRun& q) {
    return search::is_failure(q.outcome.status);
  });
}

std::size_t BackendHealth::failed() const
{
  std::size_t n = 0;
  for (const auto& [status, count] : statuses) {
    n += search::is_failure(status) ? count : 0;
  }
  return n;
}

std::vector<BackendHealth> backend_health(const Report& r)
{
  std::vector<BackendHealth> out;
  auto count = [&out](const std::string& backend,
                      search::QueryStatus status,
                      const util::Message& reason) {
    auto it = std::find_if(
        out.begin(), out.end(), [&](const BackendHealth& h) { return h.name == backend; });
    if (it == out.end()) {
      out.push_back(BackendHealth{backend, 0, {}, false});
      it = out.end() - 1;
    }
    ++it->queries;
    ++it->statuses[status];
    // The whole run's limit names its flag (transport.deadline); one request's names its own.
    it->deadline_ran_out = it->deadline_ran_out
                           || (status == search::QueryStatus::timeout
                               && tr("en", reason).find("--timeout") != std::string::npos);
  };
  for (const auto& q : r.queries) {
    // Engines that failed a query before another answered it fared badly all the same.
    for (const auto& a : q.outcome.tried) {
      count(a.backend, a.status, a.reason);
    }
    count(q.outcome.backend, q.outcome.status, q.outcome.reason);
  }
  return out;
}

std::string health_advice(const BackendHealth& h, std::string_view lang)
{
  using search::QueryStatus;
  // The most frequent failure decides the advice.
  QueryStatus worst = QueryStatus::ok;
  std::size_t most = 0;
  for (const auto& [status, count] : h.statuses) {
    if (search::is_failure(status) && count > most) {
      worst = status;
      most = count;
    }
  }
  if (most == 0) {
    return {};
  }
  const std::string alternatives = tr(lang, h.name == "searxng" ? "health.alt.instance"
                                            : h.name == "brave" ? "health.alt.searxng"
                                                                : "health.alt.others");
  std::string what;
  switch (worst) {
  case QueryStatus::blocked:
    what = h.name == "searxng" ? tr(lang, "health.do.instance_blocked")
                               : tr(lang, "health.do.retry", {alternatives});
    break;
  case QueryStatus::rate_limited:
    what = tr(lang, "health.do.wait", {alternatives});
    break;
  case QueryStatus::timeout:
    // The whole run's limit (--timeout) or one request's (--request-timeout): the reason says.
    what = tr(lang, h.deadline_ran_out ? "health.do.deadline" : "health.do.timeout");
    break;
  case QueryStatus::layout_changed:
    what = tr(lang, "health.do.layout");
    break;
  default:
    what = tr(lang, "health.do.error");
    break;
  }
  const std::string key = worst == QueryStatus::error ? "health.error"
                                                      : "health." + std::string(search::status_name(worst));
  return tr(lang, key, {h.name, std::to_string(h.failed()), std::to_string(h.queries), what});
}

namespace {

std::string absolute_saved_path(const Report& r, const traces::Trace& t)
{
  if (r.corpus_dir.empty() || t.page.saved_path.empty()) {
    return {};
  }
  return (std::filesystem::path(r.corpus_dir) / t.page.saved_path).lexically_normal().string();
}

} // namespace

std::string saved_page_path(const Report& r, const traces::Trace& t)
{
  const std::string path = absolute_saved_path(r, t);
  if (!path.empty() && !r.written_to_dir.empty()) {
    const auto relative = std::filesystem::path(path).lexically_relative(r.written_to_dir);
    if (!relative.empty()) {
      return relative.generic_string();
    }
  }
  return path;
}

std::string saved_page_link(const Report& r, const traces::Trace& t)
{
  const std::string path = absolute_saved_path(r, t);
  if (path.empty()) {
    return {};
  }
  // Percent-encode each segment, keep the slashes: a file name is never markup or a scheme.
  auto encode = [](const std::string& p) {
    std::string out;
    for (unsigned char c : p) {
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                         || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
      out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return out;
  };
  if (!r.written_to_dir.empty()) {
    const auto relative = std::filesystem::path(path).lexically_relative(r.written_to_dir);
    if (!relative.empty()) {
      return encode(relative.generic_string());
    }
  }
  return "file://" + encode(path);
}

std::string incomplete_headline(const Report& r)
{
  std::size_t failed = 0;
  for (const auto& q : r.queries) {
    failed += search::is_failure(q.outcome.status) ? 1 : 0;
  }
  return tr(r.lang, "report.incomplete", {std::to_string(failed), std::to_string(r.queries.size())});
}

std::vector<std::string> failure_advice(const Report& r)
{
  std::vector<std::string> out;
  for (const auto& h : backend_health(r)) {
    if (h.failed() > 0) {
      out.push_back(health_advice(h, r.lang));
    }
  }
  return out;
}

std::string engines_tried(const search::QueryOutcome& outcome, std::string_view lang)
{
  if (outcome.tried.empty()) {
    return {};
  }
  std::string before;
  for (const auto& a : outcome.tried) {
    const std::string_view status = search::status_name(a.status);
    before += (before.empty() ? "" : ", ") + a.backend + " (" +
              tr_or(lang, "status." + std::string(status), status) + ")";
  }
  return tr(lang, "report.tried", {before, outcome.backend});
}

namespace {

// Two decimals: verdicts are estimates, more digits would be noise.
double round2(double v)
{
  return std::round(v * 100.0) / 100.0;
}

ordered_json actions_json(const std::vector<traces::Action>& actions)
{
  ordered_json out = ordered_json::array();
  for (const auto& a : actions) {
    out.push_back({{"id", a.id},
                   {"kind", a.kind},
                   {"title", a.title},
                   {"how", a.how},
                   {"url", a.url.empty() ? ordered_json(nullptr) : ordered_json(a.url)}});
  }
  return out;
}

ordered_json messages_json(const std::vector<util::Message>& messages, const std::string& lang)
{
  ordered_json out = ordered_json::array();
  for (const auto& m : messages) {
    out.push_back(tr(lang, m));
  }
  return out;
}

ordered_json evidence_json(const std::vector<util::Message>& messages, const std::string& lang)
{
  ordered_json out = ordered_json::array();
  for (const auto& m : messages) {
    out.push_back(tr_evidence(lang, m));
  }
  return out;
}

// Evidence for scripts: the catalogue key, the sentence, and where it was seen.
ordered_json evidence_details_json(const std::vector<util::Message>& messages,
                                   const std::string& lang)
{
  ordered_json out = ordered_json::array();
  for (const auto& m : messages) {
    ordered_json e = {{"key", m.key}, {"text", tr(lang, m)}};
    if (!m.where.empty()) {
      e["where"] = m.where;
    }
    if (!m.quote.empty()) {
      e["quote"] = m.quote;
    }
    out.push_back(std::move(e));
  }
  return out;
}

ordered_json page_json(const traces::PageRead& page)
{
  ordered_json out = {{"status", traces::page_status_name(page.status)}};
  if (!page.reason.empty()) {
    out["reason"] = page.reason;
  }
  if (page.content && !page.content->signals.lang.empty()) {
    out["lang"] = page.content->signals.lang;
  }
  if (!page.saved_path.empty()) {
    out["saved"] = page.saved_path;
  }
  return out;
}

} // namespace

ordered_json trace_to_json(const traces::Trace& t, const std::string& lang)
{
  ordered_json sensitive = ordered_json::array();
  for (const auto& s : t.sensitive) {
    ordered_json item = {{"category", s.category}, {"text", s.text}, {"known", s.known}};
    if (!s.where.empty()) {
      item["where"] = s.where;
    }
    if (!s.quote.empty()) {
      item["quote"] = s.quote;
    }
    sensitive.push_back(std::move(item));
  }
  ordered_json found_by = ordered_json::array();
  for (const auto& s : t.found_by) {
    found_by.push_back({{"query", s.query}, {"backend", s.backend}, {"rank", s.rank}});
  }
  return {{"id", t.id},
          {"url", t.url},
          {"domain", t.domain},
          {"title", t.title},
          {"snippet", t.snippets.empty() ? std::string() : t.snippets.front()},
          {"snippets", t.snippets},
          {"kind", traces::kind_name(t.kind)},
          {"confidence", round2(t.confidence)},
          {"about_subject", round2(t.about_subject)},
          {"found_by", found_by},
          {"evidence", evidence_json(t.evidence, lang)},
          {"evidence_details", evidence_details_json(t.evidence, lang)},
          {"page", page_json(t.page)},
          {"sensitive", sensitive},
          {"pseudonym_link", t.pseudonym_link},
          {"job_link", t.job_link},
          {"platform", t.platform.empty() ? ordered_json(nullptr) : ordered_json(t.platform)},
          {"platform_page",
           t.platform_page.empty() ? ordered_json(nullptr) : ordered_json(t.platform_page)},
          {"category", t.category.empty() ? ordered_json(nullptr) : ordered_json(t.category)},
          {"risk", traces::risk_name(t.risk)},
          {"risk_reasons", messages_json(t.risk_reasons, lang)},
          {"exposure_points", t.exposure_points},
          {"actions", actions_json(t.actions)}};
}

namespace {

ordered_json finding_json(const score::Finding& f, const std::string& lang)
{
  ordered_json out = {{"verdict", tr(lang, f.verdict)}, {"evidence", f.evidence}};
  // A question the failed searches left open is unknown: null, never false.
  out["answered"] = !f.unknown.has_value();
  if (f.unknown) {
    out["unknown_reason"] = tr(lang, *f.unknown);
  }
  ordered_json counts = ordered_json::object();
  for (const auto& [k, v] : f.counts) {
    counts[k] = v == std::floor(v) ? ordered_json(static_cast<long long>(v)) : ordered_json(v);
  }
  out["counts"] = counts;
  if (f.family == plan::Family::pseudonym || f.family == plan::Family::job) {
    out["linked"] = f.linked ? ordered_json(*f.linked) : ordered_json(nullptr);
  }
  if (f.family == plan::Family::job) {
    out["professional_presence"] =
        f.professional_presence ? ordered_json(*f.professional_presence) : ordered_json(nullptr);
    out["presence"] = f.presence;
  }
  if (f.family == plan::Family::network) {
    ordered_json networks = ordered_json::array();
    for (const auto& n : f.networks) {
      networks.push_back({{"network", n.network},
                          {"searched", n.searched},
                          {"traces", n.traces},
                          {"flagged", n.flagged}});
    }
    out["networks"] = networks;
  }
  if (f.family == plan::Family::pseudonym) {
    ordered_json list = ordered_json::array();
    for (const auto& p : f.pseudonyms) {
      list.push_back({{"pseudonym", p.pseudonym},
                      {"linked", p.linked ? ordered_json(*p.linked) : ordered_json(nullptr)},
                      {"evidence", p.evidence}});
    }
    out["pseudonyms"] = list;
  }
  return out;
}

} // namespace

namespace {

ordered_json jurisdiction_json(const Report& r)
{
  if (!r.jurisdiction) {
    return nullptr;
  }
  const auto& used = *r.jurisdiction;
  const auto& j = used.jurisdiction;
  ordered_json authority = nullptr;
  if (used.authority) {
    authority = {{"id", used.authority->id},
                 {"name", used.authority->name},
                 {"complaint_url",
                  used.authority->complaint_url.empty()
                      ? ordered_json(nullptr)
                      : ordered_json(used.authority->complaint_url)}};
  }
  ordered_json deadline = nullptr;
  if (const auto& d = j.deadline) {
    const bool months = d->months > 0;
    const int extension = months ? d->extension_months : d->extension_days;
    deadline = {{months ? "months" : "days", months ? d->months : d->days},
                {months ? "extension_months" : "extension_days",
                 extension ? ordered_json(extension) : ordered_json(nullptr)},
                {"cite", d->cite.in(r.lang)}};
  }
  return {{"id", j.id},
          {"name", j.name.in(r.lang)},
          {"law", j.has_law() ? ordered_json(j.law.short_name.in(r.lang)) : ordered_json(nullptr)},
          {"law_name", j.law.name.in(r.lang)},
          {"authority", authority},
          {"deadline", deadline},
          {"delisting", j.delisting},
          {"chosen_by", score::chosen_by_name(used.how)},
          {"from", used.from.empty() ? ordered_json(nullptr) : ordered_json(used.from)},
          {"reason", jurisdiction_reason(used, r.lang)}};
}

ordered_json advice_json(const Report& r)
{
  ordered_json out = ordered_json::array();
  for (const auto& g : r.advice) {
    out.push_back({{"id", g.id}, {"title", g.title.in(r.lang)}, {"how", g.how.in(r.lang)}});
  }
  return out;
}

} // namespace

ordered_json to_json(const Report& r)
{
  ordered_json queries = ordered_json::array();
  for (const auto& q : r.queries) {
    ordered_json item = plan::query_to_json(q.query, r.lang);
    item["backend"] = q.outcome.backend;
    item["status"] = search::status_name(q.outcome.status);
    item["results"] = q.outcome.results.size();
    // Scripts read the reasons in English, whatever the report's language.
    item["error"] = q.outcome.reason.empty() ? ordered_json(nullptr)
                                             : ordered_json(tr("en", q.outcome.reason));
    if (!q.outcome.tried.empty()) {
      ordered_json tried = ordered_json::array();
      for (const auto& a : q.outcome.tried) {
        tried.push_back(
            {{"backend", a.backend},
             {"status", search::status_name(a.status)},
             {"error",
              a.reason.empty() ? ordered_json(nullptr) : ordered_json(tr("en", a.reason))}});
      }
      item["tried"] = std::move(tried);
    }
    queries.push_back(std::move(item));
  }
  ordered_json traces = ordered_json::array();
  for (const auto& t : r.traces) {
    traces.push_back(trace_to_json(t, r.lang));
  }
  ordered_json findings = ordered_json::object();
  for (const auto& f : r.findings) {
    findings[std::string(plan::family_name(f.family))] = finding_json(f, r.lang);
  }
  ordered_json kinds = ordered_json::object();
  for (const auto& [k, n] : r.scores.kinds) {
    kinds[k] = n;
  }
  ordered_json backends = ordered_json::array();
  for (const auto& h : backend_health(r)) {
    ordered_json statuses = ordered_json::object();
    for (search::QueryStatus s : search::all_statuses()) {
      auto it = h.statuses.find(s);
      statuses[std::string(search::status_name(s))] = it == h.statuses.end() ? 0 : it->second;
    }
    backends.push_back(
        {{"name", h.name},
         {"queries", h.queries},
         {"failed", h.failed()},
         {"statuses", statuses},
         {"advice", h.failed() ? ordered_json(health_advice(h, r.lang)) : ordered_json(nullptr)}});
  }
  ordered_json out = {{"schema", k_schema},
                      {"tool", {{"name", "empreinte"}, {"version", r.tool_version}}},
                      {"generated_at", r.generated_at},
                      {"lang", r.lang},
                      {"subject", profile::profile_to_json(r.subject)},
                      {"jurisdiction", jurisdiction_json(r)},
                      {"complete", r.complete()},
                      {"score",
                       {{"partial", !r.complete()},
                        {"exposure", r.scores.exposure},
                        {"control", r.scores.control},
                        {"exposure_points", round2(r.scores.exposure_points)},
                        {"control_weight", round2(r.scores.control_weight)},
                        {"first_page_weight", round2(r.scores.first_page_weight)},
                        {"traces_by_kind", kinds}}},
                      {"warnings", messages_json(r.warnings, r.lang)},
                      {"findings", findings},
                      {"advice", advice_json(r)},
                      {"backends", backends},
                      {"queries", queries},
                      {"traces", traces}};
  if (r.since_last) {
    out["since_last"] = since_last_json(*r.since_last, r.scores.exposure, r.scores.control);
  }
  if (r.accounts) {
    out["accounts"] = accounts::to_json(*r.accounts);
  }
  if (r.what_if) {
    const WhatIf& w = *r.what_if;
    out["what_if"] = {{"top", w.asked},
                      {"actions", w.actions},
                      {"removed", w.removed},
                      {"score",
                       {{"exposure", {{"before", r.scores.exposure}, {"after", w.after.exposure}}},
                        {"control", {{"before", r.scores.control}, {"after", w.after.control}}}}}};
  }
  return out;
}

} // namespace empreinte::report

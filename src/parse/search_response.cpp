// "0 results" is only said when the engine said it. A page with neither results nor a
// no-results marker is `layout_changed`, a captcha is `blocked`, and a metasearch engine whose
// engines failed is a failure: the most common complaint against OSINT tools is silence that
// hides a block.
#include "parse/search_response.hpp"

#include "parse/search_response_parts.hpp"

#include "parse/budget.hpp"
#include "parse/css_select.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace empreinte::parse {

using search::QueryStatus;
using json = nlohmann::json;

namespace {

constexpr std::size_t k_reason_bytes = 300;

} // namespace

namespace response_parts {

std::string clean_line(std::string_view text)
{
  return util::truncate_utf8(util::squeeze_spaces(util::sanitize_utf8(text)), k_reason_bytes);
}

} // namespace response_parts

namespace {

using namespace response_parts;

// A definition's reason for a status, in both languages, and the engine's own words if any.
util::Message engine_says(const std::string& reason,
                          const std::string& reason_fr,
                          std::string_view detail)
{
  std::vector<std::string> args{clean_line(reason),
                                clean_line(reason_fr.empty() ? reason : reason_fr)};
  if (detail.empty()) {
    return {"search.engine_says", std::move(args)};
  }
  args.push_back(clean_line(detail));
  return {"search.engine_says_detail", std::move(args)};
}

// A JSON member by pointer, or nullptr (never throws).
const json* at_pointer(const json& root, const std::string& pointer)
{
  if (pointer.empty()) {
    return &root;
  }
  try {
    const json::json_pointer p(pointer);
    if (!root.contains(p)) {
      return nullptr;
    }
    return &root.at(p);
  } catch (const json::exception&) {
    return nullptr;
  }
}

std::string scalar_text(const json* v)
{
  if (!v || v->is_null()) {
    return {};
  }
  // Numbers, booleans, objects and lists as JSON text (an error object, a numeric rank).
  return v->is_string() ? v->get<std::string>() : v->dump();
}

// Titles and snippets of some APIs carry <strong> and entities.
std::string markup_to_text(const std::string& text)
{
  if (text.find_first_of("<&") == std::string::npos) {
    return util::squeeze_spaces(text);
  }
  const HtmlDocument doc = HtmlDocument::parse("<!DOCTYPE html><body>" + text);
  return doc.text(doc.root());
}

bool contains_ci(std::string_view haystack, std::string_view needle)
{
  return util::ascii_lower(haystack).find(util::ascii_lower(needle)) != std::string::npos;
}

bool drop(const std::vector<search::DropRule>& rules, const search::SearchResult& r)
{
  return std::any_of(rules.begin(), rules.end(), [&](const search::DropRule& d) {
    const std::string& v = d.field == "url" ? r.url : d.field == "title" ? r.title : r.snippet;
    return (!d.equals.empty() && v == d.equals) ||
           (!d.prefix.empty() && v.rfind(d.prefix, 0) == 0) ||
           (!d.contains.empty() && v.find(d.contains) != std::string::npos);
  });
}

int parse_rank(const std::string& text)
{
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      break;
    }
    v = v * 10 + (c - '0');
    if (v > 100000) {
      return 0;
    }
  }
  return v;
}

// Default meanings of HTTP status codes; the definition may override any of them.
void status_from_http(const search::BackendDef& def,
                      int code,
                      std::string_view body,
                      ResponsePage& out)
{
  for (const auto& rule : def.response.status_codes) {
    if (rule.code != code) {
      continue;
    }
    out.status = rule.status;
    std::string detail;
    if (!rule.reason_pointer.empty()) {
      const json v = json::parse(body, nullptr, false);
      if (!v.is_discarded()) {
        detail = scalar_text(at_pointer(v, rule.reason_pointer));
      }
    }
    out.reason = {"search.http",
                  {std::to_string(code)},
                  {engine_says(rule.reason, rule.reason_fr, detail)}};
    return;
  }
  if (code == 429) {
    out.status = QueryStatus::rate_limited;
    out.reason = {"search.http_429"};
  } else if (code == 403) {
    out.status = QueryStatus::blocked;
    out.reason = {"search.http_403"};
  } else if (code >= 500) {
    out.status = QueryStatus::error;
    out.reason = {"search.http_failed", {std::to_string(code)}};
  } else {
    out.status = QueryStatus::error;
    out.reason = {"search.http_unexpected", {std::to_string(code)}};
  }
}

// A metasearch engine's list of engines that did not answer: [["google", "CAPTCHA"], ...].
std::vector<std::pair<std::string, std::string>> unresponsive(const search::ResponseSpec& spec,
                                                              const json& doc)
{
  std::vector<std::pair<std::string, std::string>> out;
  const json* list = at_pointer(doc, spec.unresponsive->pointer);
  if (!list || !list->is_array()) {
    return out;
  }
  for (const auto& item : *list) {
    if (item.is_array() && !item.empty()) {
      out.emplace_back(scalar_text(&item[0]), item.size() > 1 ? scalar_text(&item[1]) : "");
    } else if (item.is_string()) {
      out.emplace_back(item.get<std::string>(), "");
    }
  }
  std::sort(out.begin(), out.end()); // sets dumped as lists: order is not meaningful
  return out;
}

std::string describe(const std::vector<std::pair<std::string, std::string>>& engines)
{
  std::string out;
  for (const auto& [name, message] : engines) {
    out += (out.empty() ? "" : ", ") + name + (message.empty() ? "" : " (" + message + ")");
  }
  return out;
}

} // namespace

namespace response_parts {

MarkerHit find_marker(const search::BackendDef& def,
                      std::string_view body,
                      const json* doc_json,
                      const HtmlDocument* doc_html,
                      bool want_empty)
{
  for (const auto& m : def.response.markers) {
    if ((m.status == QueryStatus::empty) != want_empty) {
      continue;
    }
    bool hit = false;
    std::string detail;
    if (!m.contains.empty()) {
      hit = body.find(m.contains) != std::string_view::npos;
    } else if (!m.pointer.empty() && doc_json) {
      const json* v = at_pointer(*doc_json, m.pointer);
      hit = v && !v->is_null() && (m.equals.empty() || scalar_text(v) == m.equals);
    } else if (!m.selector.empty() && doc_html) {
      auto sel = Selector::compile(m.selector);
      hit = sel && doc_html->select_first(*sel, doc_html->root());
    }
    if (!hit) {
      continue;
    }
    if (!m.reason_pointer.empty() && doc_json) {
      detail = scalar_text(at_pointer(*doc_json, m.reason_pointer));
    }
    return {&m, detail};
  }
  return {};
}

void apply_marker(const MarkerHit& hit, ResponsePage& out)
{
  out.status = hit.marker->status;
  out.reason = engine_says(hit.marker->reason, hit.marker->reason_fr, hit.detail);
  out.results.clear();
}

void finish_results(const search::BackendDef& def,
                    std::vector<search::SearchResult>& raw,
                    std::string_view request_url,
                    ResponsePage& out)
{
  int position = 0;
  for (auto& r : raw) {
    r.url = unwrap_url(def.response.unwrap, r.url, request_url);
    r.title = util::squeeze_spaces(util::sanitize_utf8(r.title));
    r.snippet = util::squeeze_spaces(util::sanitize_utf8(r.snippet));
    if (r.url.empty() || drop(def.response.drop, r)) {
      continue;
    }
    ++position;
    if (!out.rank_given || r.rank <= 0) {
      r.rank = position;
    }
    out.results.push_back(std::move(r));
  }
}

} // namespace response_parts

namespace {

void parse_json_page(const search::BackendDef& def,
                     std::string_view body,
                     std::string_view request_url,
                     ResponsePage& out)
{
  const auto& spec = def.response;
  // The engine's keys are its business (last one wins), but the document's size is bounded.
  auto parsed = util::parse_json(body, "response", util::JsonLimits{1'000'000, 512, false});
  const json doc = parsed ? std::move(*parsed) : json(json::value_t::discarded);
  if (doc.is_discarded()) {
    // A bot page served where JSON was expected is a block, not a parsing error.
    if (auto hit = find_marker(def, body, nullptr, nullptr, false); hit.marker) {
      apply_marker(hit, out);
      return;
    }
    out.status = QueryStatus::error;
    const bool html = body.find('<') != std::string_view::npos &&
                      util::ascii_lower(body.substr(0, 512)).find("<html") != std::string::npos;
    out.reason = {html ? "search.html_not_json" : "search.invalid_json"};
    return;
  }
  if (auto hit = find_marker(def, body, &doc, nullptr, false); hit.marker) {
    apply_marker(hit, out);
    return;
  }
  const json* list = at_pointer(doc, spec.results);
  std::vector<search::SearchResult> raw;
  out.rank_given = !spec.rank.pointer.empty();
  if (list && list->is_array()) {
    for (const auto& item : *list) {
      if (raw.size() >= k_max_results_per_page || budget_spent()) {
        break;
      }
      search::SearchResult r;
      r.url = scalar_text(at_pointer(item, spec.url.pointer));
      r.title = scalar_text(at_pointer(item, spec.title.pointer));
      if (!spec.snippet.pointer.empty()) {
        r.snippet = scalar_text(at_pointer(item, spec.snippet.pointer));
      }
      if (spec.html_in_text) {
        r.title = markup_to_text(r.title);
        r.snippet = markup_to_text(r.snippet);
      }
      if (out.rank_given) {
        r.rank = parse_rank(scalar_text(at_pointer(item, spec.rank.pointer)));
      }
      raw.push_back(std::move(r));
    }
  }
  if (!spec.more_pointer.empty()) {
    if (const json* more = at_pointer(doc, spec.more_pointer); more && more->is_boolean()) {
      out.more = more->get<bool>();
    }
  }
  finish_results(def, raw, request_url, out);
  const auto failed = spec.unresponsive ? unresponsive(spec, doc)
                                        : std::vector<std::pair<std::string, std::string>>{};
  for (const auto& [name, message] : failed) {
    out.unresponsive.push_back(clean_line(name + (message.empty() ? "" : " (" + message + ")")));
  }
  out.unresponsive_blocked = std::any_of(failed.begin(), failed.end(), [&](const auto& e) {
    return std::any_of(spec.unresponsive->blocked_words.begin(),
                       spec.unresponsive->blocked_words.end(),
                       [&](const std::string& w) { return contains_ci(e.second, w); });
  });
  if (!out.results.empty()) {
    out.status = QueryStatus::ok;
    if (!failed.empty()) {
      out.reason = {"search.engines_silent", {clean_line(describe(failed))}};
    }
    return;
  }
  if (!failed.empty()) {
    out.status = out.unresponsive_blocked ? QueryStatus::blocked : QueryStatus::error;
    out.reason = {"search.empty_engines_silent", {clean_line(describe(failed))}};
    return;
  }
  if (auto hit = find_marker(def, body, &doc, nullptr, true); hit.marker) {
    apply_marker(hit, out);
    return;
  }
  if ((list && list->is_array()) || (!list && spec.missing_means_empty)) {
    out.status = QueryStatus::empty;
    out.reason = {};
    return;
  }
  out.status = QueryStatus::layout_changed;
  out.reason = {list ? "search.not_a_list" : "search.no_list", {clean_line(spec.results)}};
}

// The reading itself; parse_response wraps it in its budget.
ResponsePage read_response(const search::BackendDef& def,
                           int http_status,
                           std::string_view body,
                           std::string_view request_url);

} // namespace

std::string unwrap_url(const std::vector<search::UnwrapRule>& rules,
                       std::string_view url,
                       std::string_view base)
{
  std::string absolute = util::resolve_url(base.empty() ? "https://invalid/" : base, url);
  if (absolute.empty()) {
    return {};
  }
  for (const auto& rule : rules) {
    if (absolute.find(rule.contains) == std::string::npos) {
      continue;
    }
    const auto parts = util::parse_http_url(absolute);
    if (!parts) {
      continue;
    }
    if (auto target = util::query_param(parts->query, rule.param); target && !target->empty()) {
      absolute = util::resolve_url(base.empty() ? "https://invalid/" : base, *target);
      break;
    }
  }
  const auto parts = util::parse_http_url(absolute);
  return parts ? absolute : std::string();
}

ResponsePage parse_response(const search::BackendDef& def,
                            int http_status,
                            std::string_view body,
                            std::string_view request_url,
                            const ParseLimits& limits)
{
  const auto start = Budget::Clock::now();
  const auto own = limits.time_budget.count() > 0 ? start + limits.time_budget
                                                  : Budget::Clock::time_point::max();
  const auto audit_ran_out = [] {
    ResponsePage late;
    late.status = QueryStatus::timeout;
    late.reason = {"search.read_deadline"};
    return late;
  };
  // Gumbo cannot be stopped half-way: a response that arrives after the audit's deadline is
  // not read at all (a big page would cost seconds for nothing).
  if (start >= limits.deadline) {
    return audit_ran_out();
  }
  Budget budget(std::min(own, limits.deadline));
  const BudgetScope scope(budget);
  ResponsePage out = read_response(def, http_status, body, request_url);
  if (budget.was_spent() || Budget::Clock::now() >= std::min(own, limits.deadline)) {
    if (limits.deadline <= own) {
      return audit_ran_out();
    }
    ResponsePage late;
    late.status = QueryStatus::error;
    late.reason = {"search.read_budget",
                   {fmt::format("{:g}", static_cast<double>(limits.time_budget.count()) / 1000),
                    std::to_string(body.size() / 1024)}};
    return late;
  }
  return out;
}

namespace {

ResponsePage read_response(const search::BackendDef& def,
                           int http_status,
                           std::string_view body,
                           std::string_view request_url)
{
  ResponsePage out;
  const bool has_rule =
      std::any_of(def.response.status_codes.begin(),
                  def.response.status_codes.end(),
                  [&](const search::StatusCodeRule& r) { return r.code == http_status; });
  if (has_rule || http_status < 200 || http_status > 299) {
    status_from_http(def, http_status, body, out); // DuckDuckGo's 202 is a refusal, not a page
    return out;
  }
  if (def.response.format == search::ResponseFormat::json) {
    parse_json_page(def, body, request_url, out);
  } else {
    parse_html_page(def, body, request_url, out);
  }
  return out;
}

} // namespace

} // namespace empreinte::parse

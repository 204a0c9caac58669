// Pages are chained: page N+1 is asked for only once page N added something new, so a
// repeating engine costs one extra request at most. Secrets are masked in everything that
// leaves this file except the request itself.
#include "search/web_search.hpp"

#include "parse/search_response.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <memory>
#include <unordered_set>

namespace empreinte::search {

namespace {

struct Values
{
  const ResolvedBackend& backend;
  const std::string& query;
  std::string page;
  bool masked = false;

  std::string get(const std::string& name) const
  {
    if (name == "query") {
      return query;
    }
    if (name == "page") {
      return page;
    }
    const BackendParam* p = backend.def.param(name);
    if (masked && p && p->secret) {
      return "<" + name + ">";
    }
    auto it = backend.values.find(name);
    return it == backend.values.end() ? std::string() : it->second;
  }
};

std::string render(const std::string& tmpl, const Values& v)
{
  std::string out;
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const auto open = tmpl.find('{', pos);
    if (open == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    const auto close = tmpl.find('}', open);
    if (close == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    out += tmpl.substr(pos, open - pos);
    out += v.get(tmpl.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  return out;
}

std::string encode_pairs(const Pairs& pairs)
{
  std::string out;
  for (const auto& [k, v] : pairs) {
    out += (out.empty() ? "" : "&") + util::percent_encode(k) + "=" + util::percent_encode(v);
  }
  return out;
}

// The value of the pagination parameter for `page`, or nullopt when it is not sent.
std::optional<std::string> page_value(const PaginationSpec& p, int page)
{
  if (page == 1 && p.omit_on_first) {
    return std::nullopt;
  }
  switch (p.scheme) {
  case Pagination::page_number:
    return std::to_string(p.first + page - 1);
  case Pagination::offset:
    return std::to_string(p.first + (page - 1) * p.per_page);
  case Pagination::page_index:
    return std::to_string(page - 1);
  case Pagination::none:
  case Pagination::form:
    return std::nullopt;
  }
  return std::nullopt;
}

HttpRequest make(const ResolvedBackend& b,
                 const std::string& query,
                 int page,
                 const Pairs& form,
                 const std::string& action,
                 bool masked)
{
  const RequestSpec& spec = b.def.request;
  const auto pv = page_value(spec.pagination, page);
  const Values v{b, query, pv.value_or(""), masked};
  HttpRequest r;
  for (const auto& [name, value] : spec.headers) {
    r.headers.push_back(name + ": " + render(value, v));
  }
  if (page > 1 && spec.pagination.scheme == Pagination::form) {
    r.method = "POST";
    r.url = action;
    Pairs pairs = form;
    if (masked) {
      for (auto& [k, val] : pairs) {
        val = mask_secrets(val, b.secrets());
      }
    }
    r.body = encode_pairs(pairs);
    r.headers.push_back("Content-Type: application/x-www-form-urlencoded");
    return r;
  }
  r.method = spec.method;
  Pairs query_pairs;
  for (const auto& [name, value] : spec.query) {
    query_pairs.emplace_back(name, render(value, v));
  }
  Pairs form_pairs;
  for (const auto& [name, value] : spec.form) {
    form_pairs.emplace_back(name, render(value, v));
  }
  if (pv && !spec.pagination.param.empty()) {
    (r.method == "POST" && !spec.form.empty() ? form_pairs : query_pairs)
        .emplace_back(spec.pagination.param, *pv);
  }
  r.url = render(spec.url, v);
  if (!query_pairs.empty()) {
    r.url += (r.url.find('?') == std::string::npos ? "?" : "&") + encode_pairs(query_pairs);
  }
  if (r.method == "POST") {
    r.body = encode_pairs(form_pairs);
    r.headers.push_back("Content-Type: application/x-www-form-urlencoded");
  }
  return r;
}

// Secrets as sent: raw, and percent-encoded in URLs and bodies.
std::vector<std::string> all_forms(const ResolvedBackend& b)
{
  std::vector<std::string> out;
  for (const auto& s : b.secrets()) {
    out.push_back(s);
    const std::string enc = util::percent_encode(s);
    if (enc != s) {
      out.push_back(enc);
    }
  }
  return out;
}

QueryStatus status_of(const HttpResponse& r)
{
  return r.error == TransportError::timeout || r.error == TransportError::deadline
             ? QueryStatus::timeout
             : QueryStatus::error;
}

// One query on one backend, across its pages.
struct Task
{
  std::size_t query = 0;
  std::size_t backend = 0;
  int lane = 0;
  int page = 0;
  int max_pages = 1;
  std::string text;
  QueryOutcome outcome;
  std::unordered_set<std::string> seen;
};

} // namespace

BuiltRequest build_request(const ResolvedBackend& backend,
                           const std::string& query,
                           int page,
                           const Pairs& form,
                           const std::string& action)
{
  BuiltRequest out;
  out.real = make(backend, query, page, form, action, false);
  const HttpRequest shown = make(backend, query, page, form, action, true);
  out.cache_key = ResponseCache::key_of(shown.method, shown.url, shown.body, shown.headers);
  out.shown_url = shown.url;
  return out;
}

WebSearch::WebSearch(std::vector<ResolvedBackend> backends, WebSearchOptions options)
    : m_backends(std::move(backends)), m_options(std::move(options))
{
}

std::string WebSearch::name() const
{
  std::string out;
  for (const auto& b : m_backends) {
    out += (out.empty() ? "" : "+") + b.def.name;
  }
  return out;
}

QueryOutcome WebSearch::search(const plan::Query& query, int pages)
{
  auto all = search_all({query}, pages);
  return all.empty() ? QueryOutcome{} : all.front();
}

std::vector<QueryOutcome> WebSearch::search_all(const std::vector<plan::Query>& queries, int pages)
{
  HttpEngine engine(m_options.engine);
  engine.on_progress = m_options.progress;
  std::vector<int> lanes;
  std::vector<std::vector<std::string>> secrets;
  for (const auto& b : m_backends) {
    lanes.push_back(engine.add_lane(b.def.politeness.concurrency,
                                    std::chrono::milliseconds(b.def.politeness.min_interval_ms)));
    secrets.push_back(all_forms(b));
  }
  std::vector<std::unique_ptr<Task>> tasks;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    for (std::size_t b = 0; b < m_backends.size(); ++b) {
      auto t = std::make_unique<Task>();
      t->query = q;
      t->backend = b;
      t->lane = lanes[b];
      t->text = queries[q].text;
      t->max_pages = std::max({1, pages, queries[q].pages});
      t->outcome.backend = m_backends[b].def.name;
      t->outcome.query_index = q;
      t->outcome.status = QueryStatus::error;
      tasks.push_back(std::move(t));
    }
  }

  // Handles one page's answer; returns the next page's request when there is one.
  std::function<void(Task&, Pairs, std::string)> ask;
  auto on_answer = [&](Task& t, const BuiltRequest& req, const HttpResponse& resp) {
    const ResolvedBackend& b = m_backends[t.backend];
    const auto& masks = secrets[t.backend];
    const std::string where = t.page > 1 ? fmt::format("page {}: ", t.page) : "";
    if (resp.error != TransportError::none) {
      t.outcome.status = status_of(resp);
      t.outcome.reason = mask_secrets(where + transport_reason(resp), masks);
      return;
    }
    parse::ResponsePage page = parse::parse_response(b.def, resp.status, resp.body, req.real.url);
    if (resp.attempts > 1 && (resp.status == 429 || resp.status >= 500)) {
      page.reason += fmt::format(" (after {} attempts)", resp.attempts);
    }
    if (!resp.from_cache && m_options.cache && resp.status >= 200 && resp.status < 300 &&
        (page.status == QueryStatus::ok || page.status == QueryStatus::empty)) {
      (void)m_options.cache->put(req.cache_key, resp.body);
    }
    if (page.status == QueryStatus::empty) {
      if (t.page == 1) {
        t.outcome.status = QueryStatus::empty;
        t.outcome.reason = mask_secrets(page.reason, masks);
      }
      return; // on later pages: simply the end of the results
    }
    if (page.status != QueryStatus::ok) {
      t.outcome.status = page.status;
      t.outcome.reason = mask_secrets(where + page.reason, masks);
      return; // results of earlier pages are kept, but the query is not complete
    }
    t.outcome.status = QueryStatus::ok;
    if (!page.reason.empty()) {
      t.outcome.reason = mask_secrets(where + page.reason, masks);
    }
    std::size_t added = 0;
    for (auto& r : page.results) {
      if (!t.seen.insert(r.url).second) {
        continue;
      }
      if (!page.rank_given) {
        r.rank = static_cast<int>(t.outcome.results.size()) + 1;
      }
      t.outcome.results.push_back(std::move(r));
      ++added;
    }
    const auto scheme = b.def.request.pagination.scheme;
    const bool can_page =
        scheme != Pagination::none && (scheme != Pagination::form || !page.next_action.empty());
    if (t.page < t.max_pages && added > 0 && page.more.value_or(true) && can_page) {
      ask(t, std::move(page.next_form), page.next_action);
    }
  };
  ask = [&](Task& t, Pairs form, std::string action) {
    ++t.page;
    const ResolvedBackend& b = m_backends[t.backend];
    auto req = std::make_shared<BuiltRequest>(build_request(b, t.text, t.page, form, action));
    if (m_options.cache && !m_options.refresh) {
      if (auto body = m_options.cache->get(req->cache_key)) {
        ++m_cache_hits;
        HttpResponse cached;
        cached.status = 200;
        cached.body = std::move(*body);
        cached.attempts = 0;
        cached.from_cache = true;
        on_answer(t, *req, cached);
        return;
      }
    }
    engine.submit(
        t.lane, req->real, [&t, req, &on_answer](HttpResponse resp) { on_answer(t, *req, resp); });
  };
  for (auto& t : tasks) {
    ask(*t, {}, {});
  }
  engine.run();
  m_sent += engine.requests_sent();
  std::vector<QueryOutcome> out;
  out.reserve(tasks.size());
  for (auto& t : tasks) {
    out.push_back(std::move(t->outcome));
  }
  return out;
}

} // namespace empreinte::search

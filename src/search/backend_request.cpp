// A backend's HTTP request for one query and page, from its definition (rules/backends):
// templates filled, pagination, the next-page form; and the same request with its secrets
// masked, for the cache key and what the report shows.
#include "search/web_search.hpp"

#include "util/text.hpp"
#include "util/url.hpp"

#include <optional>

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
    r.body = encode_pairs(form);
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

} // namespace

BuiltRequest build_request(const ResolvedBackend& backend,
                           const std::string& query,
                           int page,
                           const Pairs& form,
                           const std::string& action)
{
  BuiltRequest out;
  out.real = make(backend, query, page, form, action, false);
  // Secret parameters are rendered as <name>; whatever is left (credentials in a base_url, a
  // key echoed into a next-page form) is masked.
  HttpRequest shown = make(backend, query, page, form, action, true);
  const util::SecretMask mask = backend.mask();
  shown.url = mask.apply(shown.url);
  shown.body = mask.apply(shown.body);
  for (auto& h : shown.headers) {
    h = mask.apply(h);
  }
  out.cache_key = ResponseCache::key_of(shown.method, shown.url, shown.body, shown.headers);
  out.shown_url = shown.url;
  return out;
}

} // namespace empreinte::search

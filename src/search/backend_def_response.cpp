// The response side of a backend definition: how to read the engine's answer, its status
// codes and markers, and which results to drop or unwrap. As strict as the request side.
#include "search/backend_def_reader.hpp"

namespace empreinte::search::detail {

namespace {

const char* const k_statuses_hint =
    "one of empty, blocked, rate_limited, layout_changed, timeout, error";

} // namespace

template <typename T, typename ReadOne>
std::vector<T>
DefReader::read_list(util::JsonFields& parent, std::string_view key, ReadOne read_one)
{
  std::vector<T> out;
  const json* list = parent.array(key);
  keep(parent.error());
  if (!list) {
    return out;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields e(
        (*list)[i], m_source, parent.pointer() + "/" + std::string(key) + "/" + std::to_string(i));
    T item = read_one(e);
    keep(e.error());
    out.push_back(std::move(item));
  }
  return out;
}

QueryStatus DefReader::read_status(util::JsonFields& f, std::string_view key, bool allow_empty)
{
  const std::string name = f.string(key, true);
  const auto status = status_from_name(name);
  if (!f.error() &&
      (!status || *status == QueryStatus::ok || (!allow_empty && *status == QueryStatus::empty))) {
    fail(f, "invalid status \"" + name + "\"", key, k_statuses_hint);
  }
  keep(f.error());
  return status.value_or(QueryStatus::error);
}

FieldSpec DefReader::read_field(util::JsonFields& parent, std::string_view key, bool required)
{
  FieldSpec out;
  if (!parent.has(key)) {
    if (required) {
      fail(parent, "missing required field \"" + std::string(key) + "\"", key);
    }
    return out;
  }
  const json* obj = parent.object(key);
  keep(parent.error());
  if (!obj) {
    return out;
  }
  util::JsonFields f(*obj, m_source, parent.pointer() + "/" + std::string(key));
  if (m_def.response.format == ResponseFormat::json) {
    f.allow_only({"pointer"});
    out.pointer = f.string("pointer", true);
    check_pointer(f, "pointer", out.pointer);
  } else {
    f.allow_only({"selector", "attribute"});
    out.selector = f.string("selector");
    out.attribute = f.string("attribute");
    check_selector(f, "selector", out.selector);
  }
  keep(f.error());
  return out;
}

void DefReader::read_response(const json& value)
{
  util::JsonFields f(value, m_source, "/response");
  f.allow_only({"format",
                "results",
                "missing_means_empty",
                "fields",
                "html_in_text",
                "more",
                "status_codes",
                "markers",
                "drop",
                "unwrap",
                "unresponsive"});
  ResponseSpec& r = m_def.response;
  const std::string format = f.string("format", true);
  if (format == "json") {
    r.format = ResponseFormat::json;
  } else if (format == "html") {
    r.format = ResponseFormat::html;
  } else if (!f.error()) {
    fail(f, "unknown response format \"" + format + "\"", "format", "json or html");
  }
  r.results = f.string("results", true);
  keep(f.error());
  if (r.format == ResponseFormat::json) {
    check_pointer(f, "results", r.results);
  } else {
    check_selector(f, "results", r.results);
  }
  r.missing_means_empty = f.boolean("missing_means_empty", false);
  r.html_in_text = f.boolean("html_in_text", false);
  r.more_pointer = f.string("more");
  check_pointer(f, "more", r.more_pointer);
  if (const json* fields = f.object("fields", true)) {
    util::JsonFields ff(*fields, m_source, "/response/fields");
    ff.allow_only({"url", "title", "snippet", "rank"});
    r.url = read_field(ff, "url", true);
    r.title = read_field(ff, "title", true);
    r.snippet = read_field(ff, "snippet", false);
    r.rank = read_field(ff, "rank", false);
    keep(ff.error());
  }
  r.status_codes = read_list<StatusCodeRule>(f, "status_codes", [&](util::JsonFields& e) {
    e.allow_only({"code", "status", "reason", "reason_fr", "reason_pointer"});
    StatusCodeRule rule;
    rule.code = static_cast<int>(e.integer("code", 0, 100, 599));
    if (rule.code < 100 || rule.code > 599) {
      fail(e, "code must be an HTTP status between 100 and 599", "code");
    }
    rule.status = read_status(e, "status", true);
    rule.reason = e.string("reason", true);
    rule.reason_fr = e.string("reason_fr");
    rule.reason_pointer = e.string("reason_pointer");
    check_pointer(e, "reason_pointer", rule.reason_pointer);
    return rule;
  });
  r.markers = read_list<Marker>(f, "markers", [&](util::JsonFields& e) {
    e.allow_only(
        {"pointer", "equals", "selector", "contains", "status", "reason", "reason_fr",
         "reason_pointer"});
    Marker m;
    m.pointer = e.string("pointer");
    m.equals = e.string("equals");
    m.selector = e.string("selector");
    m.contains = e.string("contains");
    m.status = read_status(e, "status", true);
    m.reason = e.string("reason", true);
    m.reason_fr = e.string("reason_fr");
    m.reason_pointer = e.string("reason_pointer");
    const int kinds = !m.pointer.empty() + !m.selector.empty() + !m.contains.empty();
    if (kinds != 1) {
      fail(e, "a marker needs exactly one of pointer, selector, contains", {});
    }
    if (!m.selector.empty() && r.format != ResponseFormat::html) {
      fail(e, "selector markers are for HTML responses", "selector", "use pointer or contains");
    }
    if (!m.pointer.empty() && r.format != ResponseFormat::json) {
      fail(e, "pointer markers are for JSON responses", "pointer", "use selector or contains");
    }
    check_pointer(e, "pointer", m.pointer);
    check_pointer(e, "reason_pointer", m.reason_pointer);
    check_selector(e, "selector", m.selector);
    return m;
  });
  r.drop = read_list<DropRule>(f, "drop", [&](util::JsonFields& e) {
    e.allow_only({"field", "equals", "prefix", "contains"});
    DropRule d;
    d.field = e.string("field", true);
    d.equals = e.string("equals");
    d.prefix = e.string("prefix");
    d.contains = e.string("contains");
    if (!e.error() && d.field != "url" && d.field != "title" && d.field != "snippet") {
      fail(e, "unknown field \"" + d.field + "\"", "field", "url, title or snippet");
    }
    if (d.equals.empty() && d.prefix.empty() && d.contains.empty()) {
      fail(e, "a drop rule needs equals, prefix or contains", {});
    }
    return d;
  });
  r.unwrap = read_list<UnwrapRule>(f, "unwrap", [&](util::JsonFields& e) {
    e.allow_only({"contains", "param"});
    UnwrapRule u;
    u.contains = e.string("contains", true);
    u.param = e.string("param", true);
    return u;
  });
  if (const json* u = f.object("unresponsive")) {
    util::JsonFields e(*u, m_source, "/response/unresponsive");
    e.allow_only({"pointer", "blocked_words"});
    UnresponsiveSpec spec;
    spec.pointer = e.string("pointer", true);
    spec.blocked_words = e.strings("blocked_words");
    check_pointer(e, "pointer", spec.pointer);
    keep(e.error());
    r.unresponsive = std::move(spec);
  }
  keep(f.error());
}

} // namespace empreinte::search::detail

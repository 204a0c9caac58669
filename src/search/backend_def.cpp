// As strict as the schema: maigret's loader accepts any key, so a misspelt field silently
// matches everything. Here an unknown key, a template naming an undeclared parameter or a
// selector outside the supported subset is an error naming the file and the JSON pointer.
#include "search/backend_def.hpp"

#include "parse/css_select.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <algorithm>
#include <map>
#include <re2/re2.h>

namespace empreinte::search {

using nlohmann::json;

const BackendParam* BackendDef::param(std::string_view param_name) const
{
  for (const auto& p : params) {
    if (p.name == param_name) {
      return &p;
    }
  }
  return nullptr;
}

namespace {

const char* const k_statuses_hint =
    "one of empty, blocked, rate_limited, layout_changed, timeout, error";

class DefReader
{
public:
  DefReader(const json& root, std::string source) : m_root(root), m_source(std::move(source)) {}

  util::Result<BackendDef> read();

private:
  void keep(const std::optional<util::Error>& error)
  {
    if (error && !m_error) {
      m_error = error;
    }
  }
  void fail(util::JsonFields& f, std::string what, std::string_view key, std::string hint = {})
  {
    f.fail(std::move(what), key, std::move(hint));
    keep(f.error());
  }

  void read_params(const json& value);
  void read_request(const json& value);
  void read_pagination(const json& value, const std::string& pointer);
  Pairs read_pairs(util::JsonFields& parent, std::string_view key);
  void read_politeness(const json& value);
  void read_response(const json& value);
  FieldSpec read_field(util::JsonFields& parent, std::string_view key, bool required);
  QueryStatus read_status(util::JsonFields& f, std::string_view key, bool allow_ok_empty);
  void check_template(util::JsonFields& f, std::string_view key, const std::string& text);
  void check_selector(util::JsonFields& f, std::string_view key, const std::string& text);
  void check_pointer(util::JsonFields& f, std::string_view key, const std::string& text);

  const json& m_root;
  std::string m_source;
  BackendDef m_def;
  std::optional<util::Error> m_error;
};

util::Result<BackendDef> DefReader::read()
{
  util::JsonFields root(m_root, m_source, "");
  root.allow_only({"schema",
                   "name",
                   "description",
                   "notes",
                   "params",
                   "request",
                   "politeness",
                   "response",
                   "source"});
  const std::string schema = root.string("schema", true);
  if (!root.error() && schema != k_backend_schema) {
    root.fail("unsupported schema \"" + schema + "\"",
              "schema",
              std::string("expected \"") + k_backend_schema + "\"");
  }
  m_def.name = root.string("name", true);
  if (!root.error() && !re2::RE2::FullMatch(m_def.name, "[a-z0-9][a-z0-9-]{0,31}")) {
    root.fail("invalid backend name \"" + m_def.name + "\"",
              "name",
              "use 1 to 32 lower-case letters, digits and dashes");
  }
  m_def.description = root.string("description", true);
  m_def.notes = root.strings("notes");
  (void)root.string("source");
  keep(root.error());
  if (m_error) {
    return *m_error;
  }
  if (const json* p = root.object("params")) {
    read_params(*p);
  }
  if (const json* p = root.object("politeness")) {
    read_politeness(*p);
  }
  if (const json* p = root.object("request", true)) {
    read_request(*p);
  }
  if (const json* p = root.object("response", true)) {
    read_response(*p);
  }
  keep(root.error());
  if (m_error) {
    return *m_error;
  }
  m_def.source = m_source;
  return m_def;
}

void DefReader::read_params(const json& value)
{
  for (const auto& [name, spec] : value.items()) {
    util::JsonFields f(spec, m_source, "/params/" + util::pointer_escape(name));
    f.allow_only({"description", "env", "default", "required", "secret"});
    BackendParam p;
    p.name = name;
    if (name == "query" || name == "page" || !re2::RE2::FullMatch(name, "[a-z][a-z0-9_]{0,31}")) {
      f.fail("invalid parameter name \"" + name + "\"",
             {},
             "use lower-case letters, digits and _; query and page are reserved");
    }
    p.description = f.string("description", true);
    p.env = f.string("env");
    if (!p.env.empty() && !re2::RE2::FullMatch(p.env, "[A-Z][A-Z0-9_]*")) {
      f.fail("invalid environment variable name \"" + p.env + "\"",
             "env",
             "use upper-case letters, digits and _");
    }
    p.default_value = f.string("default");
    p.required = f.boolean("required", false);
    p.secret = f.boolean("secret", false);
    if (p.secret && !p.default_value.empty()) {
      f.fail("a secret parameter cannot have a default", "default", "remove the default");
    }
    keep(f.error());
    m_def.params.push_back(std::move(p));
  }
}

void DefReader::check_template(util::JsonFields& f, std::string_view key, const std::string& text)
{
  std::size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    const auto end = text.find('}', pos);
    if (end == std::string::npos) {
      fail(f, "unclosed \"{\" in template \"" + text + "\"", key, "write {name}");
      return;
    }
    const std::string name = text.substr(pos + 1, end - pos - 1);
    if (name != "query" && name != "page" && !m_def.param(name)) {
      fail(f,
           "template names an undeclared parameter \"" + name + "\"",
           key,
           "declare it under \"params\", or use {query} or {page}");
      return;
    }
    pos = end + 1;
  }
}

void DefReader::check_selector(util::JsonFields& f, std::string_view key, const std::string& text)
{
  if (text.empty()) {
    return;
  }
  auto s = parse::Selector::compile(text);
  if (!s) {
    fail(f,
         "invalid CSS selector \"" + text + "\": " + s.error().what,
         key,
         "see docs/css-selectors.md for the supported subset");
  }
}

void DefReader::check_pointer(util::JsonFields& f, std::string_view key, const std::string& text)
{
  if (!text.empty() && text.front() != '/') {
    fail(f,
         "invalid JSON pointer \"" + text + "\"",
         key,
         "a JSON pointer starts with /, e.g. /results");
    return;
  }
  try {
    (void)json::json_pointer(text);
  } catch (const json::exception&) {
    fail(f, "invalid JSON pointer \"" + text + "\"", key, "escape ~ as ~0 and / as ~1");
  }
}

Pairs DefReader::read_pairs(util::JsonFields& parent, std::string_view key)
{
  Pairs out;
  const json* obj = parent.object(key);
  keep(parent.error());
  if (!obj) {
    return out;
  }
  util::JsonFields f(*obj, m_source, parent.pointer() + "/" + std::string(key));
  for (const auto& [name, v] : obj->items()) {
    if (!v.is_string()) {
      fail(f, std::string("expected a string, found ") + v.type_name(), name, "quote the value");
      continue;
    }
    check_template(f, name, v.get<std::string>());
    out.emplace_back(name, v.get<std::string>());
  }
  return out;
}

void DefReader::read_request(const json& value)
{
  util::JsonFields f(value, m_source, "/request");
  f.allow_only({"method", "url", "query", "form", "headers", "pagination"});
  RequestSpec& r = m_def.request;
  r.method = f.string("method");
  if (r.method.empty()) {
    r.method = "GET";
  }
  if (r.method != "GET" && r.method != "POST") {
    fail(f, "unsupported method \"" + r.method + "\"", "method", "use GET or POST");
  }
  r.url = f.string("url", true);
  keep(f.error());
  if (!r.url.empty()) {
    check_template(f, "url", r.url);
    if (r.url.rfind("http://", 0) != 0 && r.url.rfind("https://", 0) != 0 && r.url.front() != '{') {
      fail(f,
           "the URL must start with http:// or https:// (or a parameter such as {base_url})",
           "url");
    }
  }
  r.query = read_pairs(f, "query");
  r.form = read_pairs(f, "form");
  r.headers = read_pairs(f, "headers");
  if (!r.form.empty() && r.method != "POST") {
    fail(f, "a form body needs \"method\": \"POST\"", "form");
  }
  if (const json* p = f.object("pagination")) {
    read_pagination(*p, "/request/pagination");
  }
  keep(f.error());
}

void DefReader::read_pagination(const json& value, const std::string& pointer)
{
  util::JsonFields f(value, m_source, pointer);
  f.allow_only({"scheme", "param", "first", "per_page", "omit_on_first", "form"});
  PaginationSpec& p = m_def.request.pagination;
  static const std::map<std::string, Pagination, std::less<>> k_schemes{
      {"form", Pagination::form},
      {"none", Pagination::none},
      {"offset", Pagination::offset},
      {"page_index", Pagination::page_index},
      {"page_number", Pagination::page_number}};
  const std::string scheme = f.string("scheme", true);
  if (auto it = k_schemes.find(scheme); it != k_schemes.end()) {
    p.scheme = it->second;
  } else if (!f.error()) {
    fail(f,
         "unknown pagination scheme \"" + scheme + "\"",
         "scheme",
         "one of none, page_number, offset, page_index, form");
  }
  p.param = f.string("param");
  p.first = static_cast<int>(f.number("first", 1));
  p.per_page = static_cast<int>(f.number("per_page", 10));
  p.omit_on_first = f.boolean("omit_on_first", false);
  p.form = f.string("form");
  if (p.per_page < 1 || p.per_page > 100) {
    fail(f, "per_page must be between 1 and 100", "per_page");
  }
  const bool needs_param = p.scheme == Pagination::page_number || p.scheme == Pagination::offset ||
                           p.scheme == Pagination::page_index;
  if (needs_param && p.param.empty()) {
    fail(f, "this scheme needs \"param\", the parameter that carries the page", "param");
  }
  if (p.scheme == Pagination::form && p.form.empty()) {
    fail(f, "the form scheme needs \"form\", the CSS selector of the next-page form", "form");
  }
  check_selector(f, "form", p.form);
  keep(f.error());
}

void DefReader::read_politeness(const json& value)
{
  util::JsonFields f(value, m_source, "/politeness");
  f.allow_only({"concurrency", "min_interval_ms"});
  m_def.politeness.concurrency = static_cast<int>(f.number("concurrency", 1));
  m_def.politeness.min_interval_ms = static_cast<int>(f.number("min_interval_ms", 1000));
  if (m_def.politeness.concurrency < 1 || m_def.politeness.concurrency > 16) {
    fail(f, "concurrency must be between 1 and 16", "concurrency");
  }
  if (m_def.politeness.min_interval_ms < 0 || m_def.politeness.min_interval_ms > 60000) {
    fail(f, "min_interval_ms must be between 0 and 60000", "min_interval_ms");
  }
  keep(f.error());
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
  if (const json* list = f.array("status_codes")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      util::JsonFields e((*list)[i], m_source, "/response/status_codes/" + std::to_string(i));
      e.allow_only({"code", "status", "reason", "reason_pointer"});
      StatusCodeRule rule;
      rule.code = static_cast<int>(e.number("code", 0));
      if (rule.code < 100 || rule.code > 599) {
        fail(e, "code must be an HTTP status between 100 and 599", "code");
      }
      rule.status = read_status(e, "status", true);
      rule.reason = e.string("reason", true);
      rule.reason_pointer = e.string("reason_pointer");
      check_pointer(e, "reason_pointer", rule.reason_pointer);
      keep(e.error());
      r.status_codes.push_back(std::move(rule));
    }
  }
  if (const json* list = f.array("markers")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      util::JsonFields e((*list)[i], m_source, "/response/markers/" + std::to_string(i));
      e.allow_only(
          {"pointer", "equals", "selector", "contains", "status", "reason", "reason_pointer"});
      Marker m;
      m.pointer = e.string("pointer");
      m.equals = e.string("equals");
      m.selector = e.string("selector");
      m.contains = e.string("contains");
      m.status = read_status(e, "status", true);
      m.reason = e.string("reason", true);
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
      keep(e.error());
      r.markers.push_back(std::move(m));
    }
  }
  if (const json* list = f.array("drop")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      util::JsonFields e((*list)[i], m_source, "/response/drop/" + std::to_string(i));
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
      keep(e.error());
      r.drop.push_back(std::move(d));
    }
  }
  if (const json* list = f.array("unwrap")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      util::JsonFields e((*list)[i], m_source, "/response/unwrap/" + std::to_string(i));
      e.allow_only({"contains", "param"});
      UnwrapRule u;
      u.contains = e.string("contains", true);
      u.param = e.string("param", true);
      keep(e.error());
      r.unwrap.push_back(std::move(u));
    }
  }
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

} // namespace

util::Result<BackendDef> parse_backend_def(const std::string& text, const std::string& source)
{
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  return DefReader(*value, source).read();
}

util::Result<BackendDef> load_backend_def(const std::filesystem::path& path)
{
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) {
    return text.error();
  }
  return parse_backend_def(*text, path.string());
}

util::Result<std::vector<BackendDef>>
load_backend_defs(const std::vector<std::filesystem::path>& folders)
{
  std::vector<BackendDef> out;
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".json") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      auto def = load_backend_def(file);
      if (!def) {
        return def.error();
      }
      if (file.stem() != def->name) {
        return util::input_error("backend \"" + def->name + "\" is defined in a file named " +
                                     file.filename().string(),
                                 file.string() + ": /name",
                                 "name the file " + def->name + ".json");
      }
      auto same = std::find_if(
          out.begin(), out.end(), [&](const BackendDef& d) { return d.name == def->name; });
      if (same != out.end()) {
        *same = std::move(*def);
      } else {
        out.push_back(std::move(*def));
      }
    }
  }
  return out;
}

} // namespace empreinte::search

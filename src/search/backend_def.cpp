// As strict as the schema: maigret's loader accepts any key, so a misspelt field silently
// matches everything. Here an unknown key, a template naming an undeclared parameter or a
// selector outside the supported subset is an error naming the file and the JSON pointer.
#include "search/backend_def.hpp"

#include "parse/css_select.hpp"
#include "search/backend_def_reader.hpp"
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

namespace detail {

namespace {

// Compiled once per run, not on every call (RE2::FullMatch on a string literal compiles it).
const re2::RE2& k_name_re()
{
  static const re2::RE2 re("[a-z0-9][a-z0-9-]{0,31}");
  return re;
}
const re2::RE2& k_param_re()
{
  static const re2::RE2 re("[a-z][a-z0-9_]{0,31}");
  return re;
}
const re2::RE2& k_env_re()
{
  static const re2::RE2 re("[A-Z][A-Z0-9_]*");
  return re;
}

} // namespace

util::Result<BackendDef> DefReader::read()
{
  util::JsonFields root(m_root, m_source, "");
  root.allow_only({"schema",
                   "name",
                   "description",
                   "notes",
                   "keyless_default",
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
  if (!root.error() && !re2::RE2::FullMatch(m_def.name, k_name_re())) {
    root.fail("invalid backend name \"" + m_def.name + "\"",
              "name",
              "use 1 to 32 lower-case letters, digits and dashes");
  }
  m_def.description = root.string("description", true);
  m_def.notes = root.strings("notes");
  m_def.keyless_default = root.boolean("keyless_default", false);
  (void)root.string("source");
  keep(root.error());
  if (m_error) {
    return *m_error;
  }
  if (const json* p = root.object("params")) {
    read_params(*p);
  }
  if (m_def.keyless_default && std::any_of(m_def.params.begin(), m_def.params.end(), [](const auto& p) {
        return p.required || p.secret;
      })) {
    root.fail("a keyless default engine cannot need a parameter or a secret",
              "keyless_default",
              "remove keyless_default, or make every parameter optional and not secret");
    keep(root.error());
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
    if (name == "query" || name == "page" || !re2::RE2::FullMatch(name, k_param_re())) {
      f.fail("invalid parameter name \"" + name + "\"",
             {},
             "use lower-case letters, digits and _; query and page are reserved");
    }
    p.description = f.string("description", true);
    p.env = f.string("env");
    if (!p.env.empty() && !re2::RE2::FullMatch(p.env, k_env_re())) {
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
  p.first = static_cast<int>(f.integer("first", 1, 0, 1000));
  p.per_page = static_cast<int>(f.integer("per_page", 10, 1, 100));
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
  m_def.politeness.concurrency = static_cast<int>(f.integer("concurrency", 1, 1, 16));
  m_def.politeness.min_interval_ms =
      static_cast<int>(f.integer("min_interval_ms", 1000, 0, 60000));
  if (m_def.politeness.concurrency < 1 || m_def.politeness.concurrency > 16) {
    fail(f, "concurrency must be between 1 and 16", "concurrency");
  }
  if (m_def.politeness.min_interval_ms < 0 || m_def.politeness.min_interval_ms > 60000) {
    fail(f, "min_interval_ms must be between 0 and 60000", "min_interval_ms");
  }
  keep(f.error());
}

} // namespace detail

util::Result<BackendDef> parse_backend_def(const std::string& text, const std::string& source)
{
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  return detail::DefReader(*value, source).read();
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

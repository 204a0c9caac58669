// Loaders of profiles, rules and reports share this so that every error reads the same way.
#include "util/json_fields.hpp"

#include <algorithm>

namespace empreinte::util {

using nlohmann::json;

Result<json> parse_json(std::string_view text, const std::string& source)
{
  json value = json::parse(text.begin(), text.end(), nullptr, false);
  if (value.is_discarded()) {
    // Parse again with exceptions to learn where it failed; only on the error path.
    std::string detail = "invalid JSON";
    try {
      const json unused = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
      detail = "invalid JSON at byte " + std::to_string(e.byte);
    }
    return input_error(detail, source, "fix the syntax (a JSON linter shows the spot)");
  }
  return value;
}

std::string pointer_escape(std::string_view key)
{
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

JsonFields::JsonFields(const json& value, std::string source, std::string pointer)
  : m_value(value),
    m_source(std::move(source)),
    m_pointer(std::move(pointer))
{
  if (!m_value.is_object()) {
    fail(std::string("expected an object, found ") + m_value.type_name());
  }
}

std::string JsonFields::where(std::string_view key) const
{
  std::string path = m_pointer;
  if (!key.empty()) {
    path += "/" + pointer_escape(key);
  }
  return m_source + ": " + (path.empty() ? "/" : path);
}

void JsonFields::fail(std::string what, std::string_view key, std::string hint)
{
  if (!m_error) {
    m_error = input_error(std::move(what), where(key), std::move(hint));
  }
}

void JsonFields::fail_at(std::string what, std::string_view path, std::string hint)
{
  if (!m_error) {
    const std::string full = m_pointer + "/" + std::string(path);
    m_error = input_error(std::move(what), m_source + ": " + full, std::move(hint));
  }
}

JsonFields& JsonFields::allow_only(std::initializer_list<std::string_view> allowed)
{
  if (!m_value.is_object()) {
    return *this;
  }
  for (const auto& [key, unused] : m_value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (auto name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
      }
      fail("unknown key \"" + key + "\"", key, "allowed keys: " + list);
    }
  }
  return *this;
}

bool JsonFields::has(std::string_view key) const
{
  return m_value.is_object() && m_value.contains(key);
}

const json* JsonFields::member(std::string_view key, bool required, const char* type_name)
{
  if (!m_value.is_object()) {
    return nullptr;
  }
  auto it = m_value.find(key);
  if (it == m_value.end() || it->is_null()) {
    if (required) {
      fail(std::string("missing required ") + type_name + " \"" + std::string(key) + "\"",
           key,
           "add it");
    }
    return nullptr;
  }
  return &*it;
}

std::string JsonFields::string(std::string_view key, bool required)
{
  const json* v = member(key, required, "string");
  if (!v) {
    return {};
  }
  if (!v->is_string()) {
    fail(std::string("expected a string, found ") + v->type_name(),
         key,
         "write it in double quotes, e.g. \"Martin\"");
    return {};
  }
  return v->get<std::string>();
}

std::vector<std::string> JsonFields::strings(std::string_view key, bool required)
{
  std::vector<std::string> out;
  const json* v = member(key, required, "list of strings");
  if (!v) {
    return out;
  }
  if (!v->is_array()) {
    fail(std::string("expected a list of strings, found ") + v->type_name(),
         key,
         "write a list, e.g. [\"first\", \"second\"]");
    return out;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string()) {
      fail_at(std::string("expected a string, found ") + item.type_name(),
              pointer_escape(key) + "/" + std::to_string(i),
           "write it in double quotes");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

bool JsonFields::boolean(std::string_view key, bool fallback)
{
  const json* v = member(key, false, "boolean");
  if (!v) {
    return fallback;
  }
  if (!v->is_boolean()) {
    fail(std::string("expected true or false, found ") + v->type_name(), key, "write true or false");
    return fallback;
  }
  return v->get<bool>();
}

double JsonFields::number(std::string_view key, double fallback)
{
  const json* v = member(key, false, "number");
  if (!v) {
    return fallback;
  }
  if (!v->is_number()) {
    fail(std::string("expected a number, found ") + v->type_name(), key, "write a number without quotes");
    return fallback;
  }
  return v->get<double>();
}

const json* JsonFields::object(std::string_view key, bool required)
{
  const json* v = member(key, required, "object");
  if (v && !v->is_object()) {
    fail(std::string("expected an object, found ") + v->type_name(), key, "write an object, e.g. {\"title\": \"...\"}");
    return nullptr;
  }
  return v;
}

const json* JsonFields::array(std::string_view key, bool required)
{
  const json* v = member(key, required, "list");
  if (v && !v->is_array()) {
    fail(std::string("expected a list, found ") + v->type_name(), key, "write a list: [ ... ]");
    return nullptr;
  }
  return v;
}

} // namespace empreinte::util

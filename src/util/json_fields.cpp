// Loaders of profiles, rules and reports share this so that every error reads the same way.
#include "util/json_fields.hpp"

#include <algorithm>
#include <cmath>

namespace empreinte::util {

using nlohmann::json;

namespace {

// "byte 12 (line 2, column 5)": where an error is, for a person with an editor.
std::string position_of(std::string_view text, std::size_t byte)
{
  byte = std::min(byte, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column; // characters, not bytes
    }
  }
  return "byte " + std::to_string(byte) + " (line " + std::to_string(line) + ", column "
         + std::to_string(column) + ")";
}

// Builds the DOM from nlohmann's SAX events, as its own DOM parser does, but stricter: a key
// given twice, numbers out of range, too many values or too deep nesting are errors that say
// where, instead of a silent last-wins, an exception or unbounded memory.
class Builder
{
public:
  Builder(std::string_view text, const std::string& source, const JsonLimits& limits)
    : m_text(text),
      m_source(source),
      m_limits(limits)
  {
  }

  bool null() { return add(nullptr); }
  bool boolean(bool v) { return add(v); }
  bool number_integer(json::number_integer_t v) { return add(v); }
  bool number_unsigned(json::number_unsigned_t v) { return add(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return add(v); }
  bool string(json::string_t& v) { return add(std::move(v)); }
  bool binary(json::binary_t&) { return fail(input_error("binary values are not JSON", m_source)); }

  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_array() { return close(); }

  bool key(json::string_t& k)
  {
    json& object = *m_stack.back();
    if (m_limits.reject_duplicate_keys && object.contains(k)) {
      return fail(input_error("key \"" + k + "\" given twice",
                              m_source + ": " + pointer() + "/" + pointer_escape(k),
                              "keep one of them"));
    }
    m_keys.back() = k;
    m_slot = &object[k];
    return true;
  }

  bool parse_error(std::size_t position,
                   const std::string& token,
                   const nlohmann::detail::exception& e)
  {
    // `position` is just past the token that failed: point at its start.
    const std::size_t byte = position >= token.size() ? position - token.size() : 0;
    if (e.id == 406) { // out_of_range: number overflow ("1e999")
      return fail(input_error("number out of range at " + position_of(m_text, byte),
                              m_source,
                              "write a number between -1e308 and 1e308"));
    }
    return fail(input_error("invalid JSON at " + position_of(m_text, byte),
                            m_source,
                            "fix the syntax (a JSON linter shows the spot)"));
  }

  json& root() { return m_root; }
  const std::optional<Error>& error() const { return m_error; }

private:
  bool fail(Error e)
  {
    if (!m_error) {
      m_error = std::move(e);
    }
    return false;
  }

  // The JSON pointer of the innermost open container.
  std::string pointer() const
  {
    std::string out;
    for (std::size_t i = 0; i + 1 < m_stack.size(); ++i) {
      out += "/" + (m_stack[i]->is_array() ? std::to_string(m_stack[i]->size() - 1)
                                           : pointer_escape(m_keys[i]));
    }
    return out;
  }

  // Where the next value goes: the root, the end of the open array, or the slot of the last key.
  json* place()
  {
    if (m_stack.empty()) {
      return &m_root;
    }
    json& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.emplace_back();
      return &parent.back();
    }
    return m_slot;
  }

  bool count()
  {
    if (++m_values > m_limits.max_values) {
      return fail(input_error("too many values (more than " + std::to_string(m_limits.max_values)
                                + ")",
                              m_source,
                              "give a smaller file"));
    }
    return true;
  }

  template<typename T> bool add(T&& v)
  {
    if (!count()) {
      return false;
    }
    *place() = json(std::forward<T>(v));
    return true;
  }

  bool open(json::value_t type)
  {
    if (!count()) {
      return false;
    }
    if (m_stack.size() >= m_limits.max_depth) {
      return fail(input_error("nesting deeper than " + std::to_string(m_limits.max_depth)
                                + " levels at " + pointer(),
                              m_source,
                              "give a flatter file"));
    }
    json* slot = place();
    *slot = json(type);
    m_stack.push_back(slot);
    m_keys.emplace_back();
    return true;
  }

  bool close()
  {
    m_stack.pop_back();
    m_keys.pop_back();
    return true;
  }

  std::string_view m_text;
  const std::string& m_source;
  JsonLimits m_limits;
  json m_root;
  std::vector<json*> m_stack;        // open containers, outermost first
  std::vector<std::string> m_keys;   // per open container: its current key (objects)
  json* m_slot = nullptr;            // where the value of the last key goes
  std::size_t m_values = 0;
  std::optional<Error> m_error;
};

} // namespace

Result<json> parse_json(std::string_view text, const std::string& source, const JsonLimits& limits)
{
  Builder builder(text, source, limits);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
  if (!ok || builder.error()) {
    if (builder.error()) {
      return *builder.error();
    }
    return input_error("invalid JSON", source, "fix the syntax (a JSON linter shows the spot)");
  }
  return std::move(builder.root());
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

long long JsonFields::integer(std::string_view key, long long fallback, long long min, long long max)
{
  const json* v = member(key, false, "number");
  if (!v) {
    return fallback;
  }
  const std::string range = std::to_string(min) + " and " + std::to_string(max);
  if (!v->is_number()) {
    fail(std::string("expected a whole number, found ") + v->type_name(),
         key,
         "write a number between " + range + ", without quotes");
    return fallback;
  }
  // Compared as doubles first: converting an out-of-range double to an integer is undefined.
  const double d = v->get<double>();
  if (!(d >= static_cast<double>(min) && d <= static_cast<double>(max)) || d != std::floor(d)) {
    fail("expected a whole number between " + range, key, "write a number in that range");
    return fallback;
  }
  return v->is_number_float() ? static_cast<long long>(d) : v->get<long long>();
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

// Strict reading of JSON objects for closed schemas: unknown keys and wrong types are errors
// that name the file and the JSON pointer.
#pragma once

#include "util/result.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::util {

// Bounds on what one JSON text may hold: the memory of a parsed document grows with the
// number of values far faster than with the text's size ("[[],[],..." is 40 bytes a value).
struct JsonLimits
{
  std::size_t max_values = 4'000'000;
  std::size_t max_depth = 512;
  bool reject_duplicate_keys = true; // false: the last one wins (third-party documents)
};

// Parses JSON text strictly; every error is an input error naming `source` and the place: a
// syntax error or a number out of range ("1e999") by byte, line and column, a key given twice
// by its JSON pointer, and too many values or too deep a nesting.
Result<nlohmann::json> parse_json(std::string_view text,
                                  const std::string& source,
                                  const JsonLimits& limits = {});

// Reads the fields of one JSON object. The first problem found is kept; later reads return
// defaults, so a loader reads everything and checks error() once.
class JsonFields
{
public:
  // `source` names the file (or "--profile"), `pointer` the object's JSON pointer ("" = root).
  JsonFields(const nlohmann::json& value, std::string source, std::string pointer);

  // Records an error for any key not in `allowed`.
  JsonFields& allow_only(std::initializer_list<std::string_view> allowed);

  bool has(std::string_view key) const;
  std::string string(std::string_view key, bool required = false);
  std::vector<std::string> strings(std::string_view key, bool required = false);
  bool boolean(std::string_view key, bool fallback);
  double number(std::string_view key, double fallback);
  // A whole number in [min, max]; anything else (1.5, 1e300, "3") is an error saying the range.
  long long integer(std::string_view key, long long fallback, long long min, long long max);
  // The member object or array, or nullptr when absent (an error when of another type).
  const nlohmann::json* object(std::string_view key, bool required = false);
  const nlohmann::json* array(std::string_view key, bool required = false);

  // "source: /pointer/key", the place of a member, for error messages.
  std::string where(std::string_view key = {}) const;
  const std::string& source() const { return m_source; }
  const std::string& pointer() const { return m_pointer; }

  void fail(std::string what, std::string_view key = {}, std::string hint = {});
  // As fail(), with `path` a JSON pointer relative to this object ("list/3"), not escaped.
  void fail_at(std::string what, std::string_view path, std::string hint = {});
  const std::optional<Error>& error() const { return m_error; }

private:
  const nlohmann::json* member(std::string_view key, bool required, const char* type_name);

  const nlohmann::json& m_value;
  std::string m_source;
  std::string m_pointer;
  std::optional<Error> m_error;
};

// Escapes a key for use in a JSON pointer (RFC 6901).
std::string pointer_escape(std::string_view key);

} // namespace empreinte::util

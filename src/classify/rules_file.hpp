// Shared start of every rules loader: read, parse, check the schema name and the root keys.
#pragma once

#include "util/json_fields.hpp"
#include "util/result.hpp"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::classify {

// Reads `path`, parses it and checks that "schema" is `schema` and that the root has no key
// outside `root_keys` ("schema" and "source" are always allowed).
util::Result<nlohmann::json> load_rules_json(const std::string& path,
                                             std::string_view schema,
                                             std::initializer_list<std::string_view> root_keys);

// Same, from text already read (tests).
util::Result<nlohmann::json> parse_rules_json(const std::string& text,
                                              const std::string& source,
                                              std::string_view schema,
                                              std::initializer_list<std::string_view> root_keys);

// One failed rules example or check, as "file: /json/pointer: message".
struct LintProblem
{
  std::string where;
  std::string message;
};

} // namespace empreinte::classify

// The reader of backend definitions, shared by the two files that implement it: the request
// side (backend_def.cpp) and the response side (backend_def_response.cpp). Internal.
#pragma once

#include "search/backend_def.hpp"
#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::search::detail {

using nlohmann::json;

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
  // Reads each object of the list `key` (if present) with `read_one(fields)`.
  template <typename T, typename ReadOne>
  std::vector<T> read_list(util::JsonFields& parent, std::string_view key, ReadOne read_one);
  QueryStatus read_status(util::JsonFields& f, std::string_view key, bool allow_ok_empty);
  void check_template(util::JsonFields& f, std::string_view key, const std::string& text);
  void check_selector(util::JsonFields& f, std::string_view key, const std::string& text);
  void check_pointer(util::JsonFields& f, std::string_view key, const std::string& text);

  const json& m_root;
  std::string m_source;
  BackendDef m_def;
  std::optional<util::Error> m_error;
};

} // namespace empreinte::search::detail

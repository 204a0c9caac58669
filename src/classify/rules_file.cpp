// Every rules file names its schema so that an old or foreign file is refused, not misread.
#include "classify/rules_file.hpp"

#include "util/fs.hpp"

#include <algorithm>

namespace empreinte::classify {

util::Result<nlohmann::json> parse_rules_json(const std::string& text,
                                              const std::string& source,
                                              std::string_view schema,
                                              std::initializer_list<std::string_view> root_keys)
{
  auto value = util::parse_json(text, source);
  if (!value) {
    return value.error();
  }
  util::JsonFields root(*value, source, "");
  if (root.error()) {
    return *root.error();
  }
  for (const auto& [key, unused] : value->items()) {
    if (key != "schema" && key != "source"
        && std::find(root_keys.begin(), root_keys.end(), key) == root_keys.end()) {
      root.fail("unknown key \"" + key + "\"", key, "remove it or fix its spelling");
    }
  }
  const std::string found = root.string("schema", true);
  if (!root.error() && found != schema) {
    root.fail("unsupported schema \"" + found + "\"",
              "schema",
              "expected \"" + std::string(schema) + "\"");
  }
  (void)root.string("source");
  if (root.error()) {
    return *root.error();
  }
  return std::move(*value);
}

util::Result<nlohmann::json> load_rules_json(const std::string& path,
                                             std::string_view schema,
                                             std::initializer_list<std::string_view> root_keys)
{
  auto text = util::read_file(path);
  if (!text) {
    return text.error();
  }
  return parse_rules_json(*text, path, schema, root_keys);
}

} // namespace empreinte::classify

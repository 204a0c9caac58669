// libFuzzer target: the config file loader ($XDG_CONFIG_HOME/empreinte/config.json) and the
// checks of the backend names and parameters it sets. Seeds: fuzz/seeds/config.
#include "fuzz_check.hpp"
#include "search/backend_config.hpp"
#include "search/backend_def.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  static const auto defs = [] {
    auto loaded = search::load_backend_defs({fuzz::source_path("rules/backends")});
    if (!loaded) {
      std::abort();
    }
    return std::move(*loaded);
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto config = search::parse_search_config(text, "config.json");
  if (!config) {
    FUZZ_CHECK(config.error().kind == util::ErrorKind::input);
    return 0;
  }
  auto checked = search::check_backend_names(defs, *config, {});
  if (checked) {
    for (const auto& def : defs) {
      const auto resolved =
          search::resolve_backend(def, *config, {}, [](const std::string&) { return std::nullopt; });
      (void)resolved.mask().apply(text);
      (void)resolved.how_to_configure();
    }
  }
  return 0;
}

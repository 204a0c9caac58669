// libFuzzer target: the backend definition loader (a user's engine file), then the requests
// built from what it accepts and a response read with it. Seeds: rules/backends.
#include "fuzz_check.hpp"
#include "parse/search_response.hpp"
#include "search/backend_config.hpp"
#include "search/backend_def.hpp"
#include "search/web_search.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto def = search::parse_backend_def(text, "mine.json");
  if (!def) {
    FUZZ_CHECK(def.error().kind == util::ErrorKind::input);
    return 0;
  }
  search::BackendOpts opts;
  for (const auto& p : def->params) {
    opts[def->name][p.name] = p.secret ? "secret-value-123" : "https://u:pw-456@host.example/x";
  }
  const auto resolved =
      search::resolve_backend(*def, {}, opts, [](const std::string&) { return std::nullopt; });
  // The secrets may only show where the definition itself writes them.
  const bool own_words = text.find("secret-value-123") != std::string::npos ||
                         text.find("pw-456") != std::string::npos;
  for (int page = 1; page <= 2; ++page) {
    const auto request = search::build_request(resolved, "\"Camille Martin\" site:x.example", page);
    FUZZ_CHECK(own_words || request.cache_key.find("secret-value-123") == std::string::npos);
    FUZZ_CHECK(own_words || request.cache_key.find("pw-456") == std::string::npos);
  }
  const auto page = parse::parse_response(
      *def, 200, R"({"results": [{"url": "https://a.example/", "title": "t"}]})", "https://e/");
  FUZZ_CHECK((page.status == search::QueryStatus::ok) == !page.results.empty());
  return 0;
}

// The search-response targets: input byte 0 picks a definition, byte 1 an HTTP status, the rest
// is the body; whatever it is, the page read from it must keep the reader's promises.
#pragma once

#include "fuzz_check.hpp"
#include "parse/search_response.hpp"
#include "report/i18n.hpp"
#include "search/backend_def.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace empreinte::fuzz {

inline std::vector<search::BackendDef> shipped_defs(std::initializer_list<const char*> names)
{
  std::vector<search::BackendDef> out;
  for (const char* name : names) {
    auto def = search::load_backend_def(source_path(std::string("rules/backends/") + name + ".json"));
    if (!def) {
      std::fprintf(stderr, "cannot load %s: %s\n", name, def.error().to_string().c_str());
      std::abort();
    }
    out.push_back(std::move(*def));
  }
  return out;
}

inline int read_response(const std::vector<search::BackendDef>& defs,
                         const std::uint8_t* data,
                         std::size_t size)
{
  if (size < 2) {
    return 0;
  }
  static constexpr int k_codes[] = {200, 200, 200, 200, 202, 204, 301, 400, 403, 422, 429, 503};
  const search::BackendDef& def = defs[data[0] % defs.size()];
  const int status = k_codes[data[1] % (sizeof k_codes / sizeof k_codes[0])];
  const std::string_view body(reinterpret_cast<const char*>(data + 2), size - 2);
  const auto page = parse::parse_response(def, status, body, "https://engine.example/search?q=x");

  FUZZ_CHECK((page.status == search::QueryStatus::ok) == !page.results.empty());
  FUZZ_CHECK(page.results.size() <= parse::k_max_results_per_page);
  // The reason, in both languages: one valid line, whatever the engine sent.
  for (const char* lang : {"en", "fr"}) {
    const std::string reason = report::tr(lang, page.reason);
    FUZZ_CHECK(util::is_valid_utf8(reason));
    FUZZ_CHECK(page.reason.empty() == reason.empty());
  }
  for (const auto& r : page.results) {
    FUZZ_CHECK(r.rank >= 1);
    FUZZ_CHECK(util::parse_http_url(r.url).has_value()); // only http(s) pages reach traces
    FUZZ_CHECK(util::is_valid_utf8(r.title));
    FUZZ_CHECK(util::is_valid_utf8(r.snippet));
  }
  return 0;
}

} // namespace empreinte::fuzz

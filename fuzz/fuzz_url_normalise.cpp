// libFuzzer target: URL normalisation. Properties: it never crashes; what it returns parses as
// an http(s) URL with a host; normalising again changes nothing (idempotent); the trace id
// and the registrable domain can be computed. Seeds: URLs from the fixtures (fuzz/make-seeds).
#include "fuzz_check.hpp"
#include "traces/url_normalise.hpp"
#include "util/url.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  const std::string_view url(reinterpret_cast<const char*>(data), size);
  const auto once = traces::normalise_url(url);
  if (!once) {
    return 0;
  }
  const auto parts = util::parse_http_url(*once);
  FUZZ_CHECK(parts.has_value());
  FUZZ_CHECK(!parts->host.empty());
  FUZZ_CHECK(parts->fragment.empty());
  FUZZ_CHECK(traces::normalise_url(*once) == once);
  FUZZ_CHECK(traces::trace_id(*once).size() == 13);
  (void)traces::registrable_domain(parts->host);
  return 0;
}

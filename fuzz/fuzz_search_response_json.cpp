// libFuzzer target: search-engine responses read with the JSON definitions (searxng, brave,
// google-cse). Seeds: tests/fixtures/search/{searxng,brave,google_cse} (fuzz/make-seeds).
#include "response_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const auto defs = empreinte::fuzz::shipped_defs({"searxng", "brave", "google-cse"});
  return empreinte::fuzz::read_response(defs, data, size);
}

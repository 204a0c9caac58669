// libFuzzer target: search-engine responses read with the HTML definitions (duckduckgo,
// mojeek, startpage): CSS selectors, markers, form pagination, unwrapping. Seeds:
// tests/fixtures/search/{duckduckgo,mojeek,startpage} (fuzz/make-seeds).
#include "response_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  static const auto defs = empreinte::fuzz::shipped_defs({"duckduckgo", "mojeek", "startpage"});
  return empreinte::fuzz::read_response(defs, data, size);
}

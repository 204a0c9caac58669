// libFuzzer target: the page extractor the corpus backend indexes with (title, description,
// visible text, canonical link). Seeds: training/corpus pages (fuzz/make-seeds).
#include "fuzz_check.hpp"
#include "parse/html_page.hpp"
#include "util/text.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  parse::PageLimits limits;
  limits.max_text_bytes = 64 * 1024;
  const parse::PageText page = parse::extract_page(html, limits);
  FUZZ_CHECK(util::is_valid_utf8(page.title));
  FUZZ_CHECK(util::is_valid_utf8(page.description));
  FUZZ_CHECK(util::is_valid_utf8(page.text));
  FUZZ_CHECK(util::is_valid_utf8(page.canonical));
  FUZZ_CHECK(page.text.size() <= limits.max_text_bytes + 8); // "…" may end a cut text
  return 0;
}

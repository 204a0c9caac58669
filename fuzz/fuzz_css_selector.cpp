// libFuzzer target: the CSS selector compiler, and the matcher on a document. Input:
// "SELECTOR\0HTML"; without a NUL, the selector runs on a fixed results page. A selector
// compiles or is refused with a message naming the place; a compiled one matches in bounds.
// Seeds: the selectors of rules/backends and tests (fuzz/make-seeds).
#include "fuzz_check.hpp"
#include "parse/css_select.hpp"
#include "util/text.hpp"

#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  static const std::string k_page =
      "<!doctype html><html><body><div id=links class=\"results main\"><div class=\"result "
      "web-result\"><h2><a class=result__a href=\"https://a.example/\">A <b>b</b></a></h2><p "
      "class=result__snippet lang=fr data-x='1 2'>snip</p></div><div class=\"result "
      "result--ad\"><a href=/ad>ad</a></div><form class=nav><input name=s value=10></form>"
      "<template><a class=result__a href=/t>t</a></template></div></body></html>";
  const char* bytes = reinterpret_cast<const char*>(data);
  const char* nul = static_cast<const char*>(std::memchr(bytes, 0, size));
  const std::string_view selector_text(bytes, nul ? static_cast<std::size_t>(nul - bytes) : size);
  auto selector = parse::Selector::compile(selector_text);
  if (!selector) {
    FUZZ_CHECK(!selector.error().what.empty());
    return 0;
  }
  const std::string_view html =
      nul ? std::string_view(nul + 1, size - static_cast<std::size_t>(nul - bytes) - 1) : k_page;
  const auto doc = parse::HtmlDocument::parse(html);
  const auto all = doc.select_all(*selector, doc.root());
  FUZZ_CHECK(all.size() <= parse::k_max_matches);
  const auto first = doc.select_first(*selector, doc.root());
  FUZZ_CHECK(all.empty() ? !first : first.node == all.front().node);
  for (std::size_t i = 0; i < all.size() && i < 8; ++i) {
    FUZZ_CHECK(util::is_valid_utf8(doc.text(all[i], 4096)));
    (void)doc.attribute(all[i], "href");
  }
  return 0;
}

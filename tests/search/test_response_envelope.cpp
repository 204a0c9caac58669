#include "search/response_envelope.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("response envelope: an answer round-trips, and a body with bad UTF-8 never throws")
{
  search::HttpResponse r;
  r.status = 301;
  r.content_type = "text/html; charset=iso-8859-1";
  r.location = "https://example.com/b";
  r.body = "caf\xe9 <b>ok</b>"; // Latin-1 bytes, not UTF-8: pages send them
  std::string text;
  REQUIRE_NOTHROW(text = search::to_envelope(r));
  const auto back = search::from_envelope(text);
  REQUIRE(back);
  CHECK(back->status == 301);
  CHECK(back->content_type == r.content_type);
  CHECK(back->location == r.location);
  CHECK(back->body == "caf\xef\xbf\xbd <b>ok</b>"); // U+FFFD where the bad byte was
  CHECK(back->from_cache);

  CHECK_FALSE(search::from_envelope("not json"));
  CHECK_FALSE(search::from_envelope("[1, 2]"));
}

#include "util/json_fields.hpp"

#include <doctest/doctest.h>

using namespace empreinte::util;

TEST_CASE("json_fields: unknown keys and wrong types name the place")
{
  auto value = parse_json(R"({"name": "x", "list": ["a", 2], "nmae": 1})", "f.json");
  REQUIRE(value);
  SUBCASE("unknown key")
  {
    JsonFields f(*value, "f.json", "");
    f.allow_only({"name", "list"});
    REQUIRE(f.error());
    CHECK(f.error()->where == "f.json: /nmae");
    CHECK(f.error()->what == "unknown key \"nmae\"");
    CHECK(f.error()->hint.find("allowed keys: name, list") != std::string::npos);
  }
  SUBCASE("wrong type inside a list")
  {
    JsonFields f(*value, "f.json", "/root");
    (void)f.strings("list");
    REQUIRE(f.error());
    CHECK(f.error()->where == "f.json: /root/list/1");
  }
  SUBCASE("missing required")
  {
    JsonFields f(*value, "f.json", "");
    (void)f.string("other", true);
    REQUIRE(f.error());
    CHECK(f.error()->what == "missing required string \"other\"");
  }
}

TEST_CASE("json_fields: syntax errors give the byte offset")
{
  auto value = parse_json("{\"a\": }", "bad.json");
  REQUIRE_FALSE(value);
  CHECK(value.error().where == "bad.json");
  CHECK(value.error().what.find("invalid JSON at byte") == 0);
  CHECK(value.error().kind == ErrorKind::input);
}

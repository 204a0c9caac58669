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

TEST_CASE("json_fields: numbers out of range, keys given twice and bombs are input errors with a place")
{
  SUBCASE("1e999 says where, never an internal error")
  {
    auto value = parse_json("{\n  \"a\": [1,\n   1e999]}", "n.json");
    REQUIRE_FALSE(value);
    CHECK(value.error().kind == ErrorKind::input);
    CHECK(value.error().where == "n.json");
    CHECK(value.error().what == "number out of range at byte 16 (line 3, column 4)");
    CHECK_FALSE(parse_json("-1e400", "n.json"));
    CHECK(parse_json("1e308", "n.json"));
  }
  SUBCASE("a key given twice names its JSON pointer")
  {
    auto value = parse_json(R"({"a": [{"x": 1}, {"b": {"k": 1, "k": 2}}]})", "d.json");
    REQUIRE_FALSE(value);
    CHECK(value.error().what == "key \"k\" given twice");
    CHECK(value.error().where == "d.json: /a/1/b/k");
    CHECK(parse_json(R"({"a": {"k": 1}, "b": {"k": 2}})", "d.json"));
  }
  SUBCASE("syntax errors say line and column")
  {
    auto value = parse_json("{\n\"a\": tru}", "s.json");
    REQUIRE_FALSE(value);
    CHECK(value.error().what.find("invalid JSON at byte") == 0);
    CHECK(value.error().what.find("(line 2, column") != std::string::npos);
  }
  SUBCASE("too many values or too deep")
  {
    std::string many = "[";
    for (int i = 0; i < 100; ++i) {
      many += "[],";
    }
    many += "0]";
    auto value = parse_json(many, "m.json", JsonLimits{50, 512});
    REQUIRE_FALSE(value);
    CHECK(value.error().what.find("too many values") == 0);
    CHECK(parse_json(many, "m.json"));
    const std::string deep = std::string(600, '[') + std::string(600, ']');
    auto nested = parse_json(deep, "deep.json");
    REQUIRE_FALSE(nested);
    CHECK(nested.error().what.find("nesting deeper than 512 levels") == 0);
  }
  SUBCASE("the document is the one nlohmann builds")
  {
    const std::string text = R"({"a": [1, -2, 3.5, "x", null, true, {"b": []}], "c": {}})";
    auto value = parse_json(text, "ok.json");
    REQUIRE(value);
    CHECK(*value == nlohmann::json::parse(text));
  }
}

TEST_CASE("json_fields: integer() checks the type and the range")
{
  auto value = parse_json(R"({"a": 3, "b": 1e300, "c": 2.5, "d": "4", "e": -1, "f": 7.0})", "i.json");
  REQUIRE(value);
  JsonFields ok(*value, "i.json", "");
  CHECK(ok.integer("a", 0, 0, 10) == 3);
  CHECK(ok.integer("f", 0, 0, 10) == 7);
  CHECK(ok.integer("missing", 5, 0, 10) == 5);
  CHECK_FALSE(ok.error());
  for (const char* key : {"b", "c", "d", "e"}) {
    CAPTURE(key);
    JsonFields f(*value, "i.json", "");
    CHECK(f.integer(key, 1, 0, 10) == 1);
    REQUIRE(f.error());
    CHECK(f.error()->where == std::string("i.json: /") + key);
  }
}

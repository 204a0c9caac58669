#include "search/query_syntax.hpp"

#include <doctest/doctest.h>

using namespace empreinte::search;

TEST_CASE("query syntax: phrases, terms, OR, exclusions and sites")
{
  const auto q = parse_query(R"("Hélène Vasseur" infirmière OR nurse -"Lille" -notaire site:LinkedIn.com OR site:.x.com/)");
  REQUIRE(q.groups.size() == 2);
  CHECK(q.groups[0].size() == 1);
  CHECK(q.groups[0][0].text == "Hélène Vasseur");
  CHECK(q.groups[0][0].phrase);
  CHECK(q.groups[1].size() == 2);
  CHECK(q.groups[1][1].text == "nurse");
  REQUIRE(q.excluded.size() == 2);
  CHECK(q.excluded[0].text == "Lille");
  CHECK(q.sites == std::vector<std::string>{"linkedin.com", "x.com"});
  CHECK(to_fts5(q) == R"((("Hélène Vasseur" OR NEAR("helene" "vasseur", 1)) AND ("infirmière" OR "nurse")) NOT ("Lille" OR "notaire"))");
}

TEST_CASE("query syntax: user text is never FTS5 syntax")
{
  // FTS5 operators and column filters inside terms stay quoted strings.
  const auto q = parse_query(R"(title:evil NEAR(a b) "say ""hi""" AND)");
  const std::string fts = to_fts5(q);
  CHECK(fts.find("\"title:evil\"") != std::string::npos);
  CHECK(fts.find("\"NEAR(a\"") != std::string::npos);
  CHECK(fts.find("\"AND\"") != std::string::npos);
}

TEST_CASE("query syntax: control characters and invalid bytes separate words")
{
  // Found by fuzz_query_syntax: a NUL inside a quoted FTS5 string ended it for SQLite, which
  // read the rest of the query as FTS5 syntax.
  const std::string raw("\"Camille Martin\" (linkedin OR inst-\0\0 x.com)", 44);
  const std::string fts = to_fts5(parse_query(raw));
  CHECK(fts.find('\0') == std::string::npos);
  CHECK(fts.find("\"Camille Martin\"") != std::string::npos);
  const std::string invalid = to_fts5(parse_query("caf\xe9 \x1b[2J"));
  CHECK(invalid.find('\x1b') == std::string::npos);
  CHECK(invalid.find("caf\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("query syntax: lenient on odd input")
{
  CHECK(parse_query("").empty());
  CHECK(parse_query("   \t ").empty());
  CHECK(parse_query("--- ... !!!").empty());
  const auto unclosed = parse_query("\"open phrase");
  REQUIRE(unclosed.groups.size() == 1);
  CHECK(unclosed.groups[0][0].text == "open phrase");
  CHECK(parse_query("OR OR a").groups.size() == 1);
  const auto sites_only = parse_query("site:example.com -site:bad.example.com");
  CHECK_FALSE(sites_only.empty());
  CHECK(to_fts5(sites_only).empty());
  CHECK(sites_only.excluded_sites == std::vector<std::string>{"bad.example.com"});
  CHECK(parse_query("a-b").groups.size() == 1); // a hyphen inside a word is not exclusion
}

TEST_CASE("query syntax: host_matches is the domain or a subdomain")
{
  CHECK(host_matches("instagram.com", "instagram.com"));
  CHECK(host_matches("www.instagram.com", "instagram.com"));
  CHECK_FALSE(host_matches("notinstagram.com", "instagram.com"));
  CHECK_FALSE(host_matches("instagram.com.evil.net", "instagram.com"));
  CHECK_FALSE(host_matches("com", "instagram.com"));
}

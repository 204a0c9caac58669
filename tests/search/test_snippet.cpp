#include "search/snippet.hpp"

#include <doctest/doctest.h>

using empreinte::search::bounded_snippet;
using empreinte::search::k_snippet_max_hits;

TEST_CASE("snippet: the window around the hits, as the page wrote it")
{
  const std::string text = "Bienvenue.  Selon Helene VASSEUR, infirmière, tout va bien.";
  CHECK(bounded_snippet(text, {"helene", "vasseur"}) == "Bienvenue. Selon Helene VASSEUR, infirmière, tout va bien.");
  CHECK(bounded_snippet("Hélène Vasseur", {"helene", "vasseur"}) == "Hélène Vasseur");
  CHECK(bounded_snippet("", {"x"}).empty());
}

TEST_CASE("snippet: long texts are cut with ellipses, around the best window")
{
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "mot" + std::to_string(i) + " ";
  }
  text += "Claire then Dumontet ";
  for (int i = 0; i < 100; ++i) {
    text += "fin" + std::to_string(i) + " ";
  }
  text = "Claire alone here. " + text;
  const std::string s = bounded_snippet(text, {"claire", "dumontet"}, 8);
  // The window with both words wins over the earlier one with a single word.
  CHECK(s.find("Claire then Dumontet") != std::string::npos);
  CHECK(s.rfind("…", 0) == 0);
  CHECK(s.size() >= 3);
  CHECK(s.substr(s.size() - 3) == "…");
  // Without a hit: the first words.
  CHECK(bounded_snippet(text, {"absent"}, 3) == "Claire alone here…");
}

TEST_CASE("snippet: only the first hits are looked at, however many a page repeats")
{
  // Past the first k_snippet_max_hits hits of "claire", a better window (both words) is never
  // looked for: the cost of a page is bounded whatever it repeats.
  std::string text;
  for (std::size_t i = 0; i < k_snippet_max_hits; ++i) {
    text += "claire x x x x x x x x x x ";
  }
  const std::string late = "claire dumontet";
  std::string hostile = text;
  for (int i = 0; i < 40'000; ++i) {
    hostile += "claire ";
  }
  hostile += late;
  const std::string s = bounded_snippet(hostile, {"claire", "dumontet"});
  CHECK(s.find("dumontet") == std::string::npos);
  CHECK(s.find("claire") != std::string::npos);
  CHECK(s.size() < 400); // about 32 words
  // The same better window within the first hits is found.
  const std::string early = bounded_snippet(late + " " + text, {"claire", "dumontet"});
  CHECK(early.find("claire dumontet") == 0);
}

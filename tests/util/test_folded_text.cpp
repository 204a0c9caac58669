#include "util/folded_text.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace empreinte::util;

TEST_CASE("folded text: folds like fold() and maps back to the original")
{
  const std::string original = "Hélène VASSEUR, 5 avenue Jean-Jaurès, Œuvre ﬁne";
  const FoldedText t(original);
  CHECK(t.folded() == fold(original));
  const auto at = t.folded().find("avenue jean-jaures");
  REQUIRE(at != std::string::npos);
  CHECK(t.original_of(at, at + std::string("avenue jean-jaures").size()) == "avenue Jean-Jaurès");
  const auto name = t.folded().find("helene vasseur");
  CHECK(t.original_of(name, name + 14) == "Hélène VASSEUR");
  const auto words = t.words();
  std::vector<std::string> plain;
  for (const auto& w : words) {
    plain.push_back(w.word);
  }
  CHECK(plain == split_words(t.folded()));
  CHECK(t.original_of(words[1].begin, words[1].end) == "VASSEUR");
}

TEST_CASE("folded text: quotes are whole words with an ellipsis where cut")
{
  const FoldedText t("un deux trois quatre cinq six sept huit neuf dix onze douze treize");
  const auto at = t.folded().find("sept");
  CHECK(t.quote(at, at + 4, 12) == "\xE2\x80\xA6" "cinq six sept huit neuf\xE2\x80\xA6");
  CHECK(t.quote(0, 2, 200) == "un deux trois quatre cinq six sept huit neuf dix onze douze treize");
  CHECK(FoldedText("").quote(0, 0).empty());
  CHECK(FoldedText("caf\xFF").folded() == "caf\xEF\xBF\xBD");
}

#include "classify/literal_prefilter.hpp"
#include "classify/patterns.hpp"

#include <doctest/doctest.h>
#include <random>
#include <re2/re2.h>

using empreinte::classify::PatternSet;
using empreinte::classify::Prefilter;

namespace {

std::string needs(const std::string& pattern)
{
  return Prefilter::of(pattern, 3).str();
}

bool met_by(const Prefilter& p, const std::string& text)
{
  return p.met([&](const Prefilter& leaf) { return text.find(leaf.word) != std::string::npos; });
}

// A random pattern over a small alphabet, made of every construct the reader models.
std::string random_pattern(std::mt19937& rng, int depth)
{
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  static const char* const atoms[] = {"a", "b", "c", " ", "ab", "abc", "ca", "[ab]", "[^a]", "[a-c]", "[a-z]",
                                      ".", "\\b", "\\s", "\\d", "^", "$", "\\.", "é", "['’]", "[-a]", "\\x{e9}"};
  std::string out;
  const int parts = 1 + pick(4);
  for (int i = 0; i < parts; ++i) {
    std::string part;
    if (depth > 0 && pick(4) == 0) {
      part = std::string(pick(2) ? "(?:" : "(?P<g" + std::to_string(depth) + std::to_string(i) + ">")
             + random_pattern(rng, depth - 1) + (pick(2) ? "|" + random_pattern(rng, depth - 1) : "") + ")";
    } else {
      part = atoms[pick(static_cast<int>(std::size(atoms)))];
    }
    static const char* const quantifiers[] = {"", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "{2,}", "??"};
    const char* q = quantifiers[pick(static_cast<int>(std::size(quantifiers)))];
    if (*q && part != "^" && part != "$" && part != "\\b") {
      part += q;
    }
    out += part;
  }
  if (pick(5) == 0) {
    out += "|" + random_pattern(rng, depth > 0 ? depth - 1 : 0);
  }
  return out;
}

std::string random_text(std::mt19937& rng)
{
  static const char* const pieces[] = {"a", "b", "c", " ", "ab", "abc", "é", "’", "'", ".", "1", "-", "z"};
  std::string out;
  const auto n = rng() % 12;
  for (unsigned i = 0; i < n; ++i) {
    out += pieces[rng() % std::size(pieces)];
  }
  return out;
}

} // namespace

TEST_CASE("literal prefilter: the words a pattern needs")
{
  CHECK(needs(R"(\bphotos?\b)") == R"(or("photo", "photos"))");
  CHECK(needs(R"(guest|joined by)") == R"(or("guest", "joined by"))");
  CHECK(needs(R"(\bcv\b)") == "all"); // too short to look for
  CHECK(needs(R"(\b\d{5}\b)") == "all");
  CHECK(needs(R"(\bparrain(?:e)? de (?:la )?promotion\b)")
        == R"(or("parrain de la promotion", "parrain de promotion", "parraine de la promotion", "parraine de promotion"))");
  CHECK(needs(R"(\bphotos?\b[^.]{0,60}\bbib (?:number|no)?)")
        == R"(and(or("photo", "photos"), or("bib ", "bib no", "bib number")))");
  CHECK(needs(R"(\bcour d['’]assises\b)") == R"(or("cour d'assises", "cour d’assises"))");
  CHECK(needs(R"(\bne (?:le|en) \d{4}\b|\bborn in \d{4}\b)") == R"(or("ne en ", "ne le ", "born in "))");
  CHECK(needs(R"(/(?:articles?|story)/|/article\d+)") == R"(or("/article/", "/articles/", "/story/", "/article"))");
  CHECK(needs(R"(\bde (?P<value>\d+) ans\b)") == R"(and("de ", " ans"))");
  CHECK(needs(R"(a.c)") == "all");
  CHECK(needs(R"(abc\.def)") == R"("abc.def")");
  CHECK(needs(R"(x{2,3}yz)") == "all"); // "x" needed, "yz" too short
  CHECK(needs(R"(photo{1}s)") == R"("photos")");
  CHECK(needs(R"(abc(?:def)*ghi)") == R"(and("abc", "ghi"))");
  CHECK(needs(R"(a{,3}bcd)") == R"("a{,3}bcd")"); // not a repetition: RE2 reads the brace literally
  // What it does not model counts as needing nothing, which is always safe.
  CHECK(needs(R"((?i)abcdef)") == "all");
  CHECK(needs(R"(\x{e9}t\x{e9})") == "all");
  CHECK(needs(R"([a-z]+ment\b)") == R"("ment")");
  CHECK(needs(R"(\Qa.b\E)") == "all");
  // A class of a few characters is exact; of many, anything.
  CHECK(needs(R"(ab[cd]ef)") == R"(or("abcef", "abdef"))");
  CHECK(needs(R"(ab[c-z]ef)") == "all");
}

TEST_CASE("literal prefilter: every text a random pattern matches meets its condition")
{
  // Thousands of random patterns of the modelled constructs against random texts: the
  // condition is necessary, so a match always meets it. Each pattern also runs on texts built
  // to match it (its own needed words), so the check sees matches, not only misses.
  std::mt19937 rng(20261205);
  re2::RE2::Options o;
  o.set_log_errors(false);
  int checked = 0;
  int matched = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string pattern = random_pattern(rng, 2);
    const re2::RE2 re(pattern, o);
    if (!re.ok()) {
      continue;
    }
    const Prefilter p = Prefilter::of(pattern, 2);
    for (int t = 0; t < 20; ++t) {
      const std::string text = random_text(rng);
      ++checked;
      if (re2::RE2::PartialMatch(text, re)) {
        ++matched;
        if (!met_by(p, text)) {
          FAIL_CHECK("pattern " << pattern << " matches \"" << text << "\" but needs " << p.str());
        }
      }
    }
  }
  CHECK(checked > 40000);
  CHECK(matched > 5000);
}

TEST_CASE("pattern set: a pattern is compiled only when a text holds its words")
{
  PatternSet set;
  REQUIRE(set.add(R"(\bwayback machine\b)", "test"));
  REQUIRE(set.add(R"(\bphotos? (?:of|by)\b)", "test"));
  REQUIRE(set.add(R"(\b\d{5}\b)", "test")); // needs no word: runs on every text
  REQUIRE(set.compile());
  CHECK(set.compiled_count() == 0);
  CHECK(set.matches("nothing here").empty());
  CHECK(set.compiled_count() == 1); // the one that needs no word
  CHECK(set.matches("photos by claire, 75011") == std::vector<int>{1, 2});
  CHECK(set.compiled_count() == 2);
  CHECK(set.candidates("photo of") == std::vector<int>{1, 2});
  CHECK(set.matches("the wayback machine") == std::vector<int>{0});
  CHECK(set.compiled_count() == 3);
}

TEST_CASE("pattern set: a required group is checked when the pattern is added")
{
  PatternSet set;
  auto missing = set.add(R"(\bage (\d+)\b)", "lexicons.json: /patterns/2/pattern", "value");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().what == "pattern has no named group \"value\"");
  CHECK(missing.error().where == "lexicons.json: /patterns/2/pattern");
  CHECK(set.add(R"(\bage (?P<value>\d+)\b)", "test", "value"));
}

#include "classify/patterns.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace empreinte::classify;
namespace fs = std::filesystem;

namespace {

std::string slurp_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What one-by-one matching finds: the prefiltered set must find exactly this.
std::vector<int> one_by_one(const std::vector<std::string>& patterns, const std::string& text)
{
  // Each pattern compiled once per list (the shipped cues are matched against many texts).
  static std::map<std::vector<std::string>, std::vector<std::unique_ptr<re2::RE2>>> compiled;
  auto& res = compiled[patterns];
  if (res.empty()) {
    re2::RE2::Options o;
    o.set_log_errors(false);
    for (const auto& p : patterns) {
      res.push_back(std::make_unique<re2::RE2>(p, o));
    }
  }
  std::vector<int> out;
  for (std::size_t i = 0; i < res.size(); ++i) {
    if (re2::RE2::PartialMatch(text, *res[i])) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

} // namespace

TEST_CASE("pattern set: prefiltered matches are the patterns' own matches")
{
  const std::vector<std::string> patterns{
    R"(\bphotos?\b[^.]{0,60}\bbib (?:number|no\.?|#)?\s*\d+)", // words and a counted gap
    R"(\b\d{5}\b)",                                            // no literal word at all
    R"(\bne (?:le|en) \d{4}\b|\bborn in \d{4}\b)",             // alternatives, short words
    R"(\bcv\b)",                                               // a word under the minimum length
    R"(guest|joined by)",
    R"(’s profile)",                                           // a non-ASCII literal
  };
  PatternSet set;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    auto added = set.add(patterns[i], "test");
    REQUIRE(added);
    CHECK(*added == static_cast<int>(i));
  }
  REQUIRE(set.compile());
  CHECK(set.atom_count() > 0);
  const std::vector<std::string> texts{
    "",
    "photos of the race, bib number 1234",
    "photos. bib number 1234", // the gap stops at a full stop
    "75011 paris",
    "ne le 1981 a lyon",
    "my cv here",
    "our special guest today",
    "claire’s profile",
    "claire's profile",
    "nothing to see",
  };
  for (const auto& text : texts) {
    CAPTURE(text);
    const auto found = set.matches(text);
    CHECK(found == one_by_one(patterns, text));
    const auto maybe = set.candidates(text);
    for (int i : found) {
      CHECK(std::find(maybe.begin(), maybe.end(), i) != maybe.end());
    }
  }
  CHECK(set.matches("photos of the race, bib number 1234") == std::vector<int>{0});
  CHECK(set.matches("nothing to see").empty());
}

TEST_CASE("pattern set: the shipped cues find on real pages what they find one by one")
{
  // Every cue of rules/cues.json against the folded text of the training corpus' pages and of
  // the cues' own examples: the prefilter must never lose a match.
  const auto cues = nlohmann::json::parse(slurp_file(fs::path(EMPREINTE_SOURCE_DIR) / "rules/cues.json"));
  std::vector<std::string> patterns;
  std::vector<std::string> texts;
  PatternSet set;
  for (const auto& cue : cues.at("cues")) {
    patterns.push_back(cue.at("pattern").get<std::string>());
    REQUIRE(set.add(patterns.back(), cue.at("id").get<std::string>()));
    for (const char* key : {"match", "no_match"}) {
      for (const auto& example : cue.value("examples", nlohmann::json::object()).value(key, nlohmann::json::array())) {
        texts.push_back(empreinte::util::fold(example.get<std::string>()));
      }
    }
  }
  REQUIRE(set.compile());
  std::size_t pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(EMPREINTE_SOURCE_DIR) / "training/corpus")) {
    if (e.is_regular_file() && pages < 60) {
      texts.push_back(empreinte::util::fold(slurp_file(e.path())));
      ++pages;
    }
  }
  REQUIRE(pages > 20);
  std::size_t matched = 0;
  for (const auto& text : texts) {
    const auto found = set.matches(text);
    matched += found.size();
    if (found != one_by_one(patterns, text)) {
      FAIL_CHECK("differs on: " << text.substr(0, 200));
    }
  }
  CHECK(matched > 100); // the check saw real matches, not only misses
}

TEST_CASE("pattern set: bad patterns are refused with the place they come from")
{
  PatternSet set;
  auto upper = set.add(R"(\bPhotos\b)", "cues.json: /cues/3/pattern");
  REQUIRE_FALSE(upper);
  CHECK(upper.error().where == "cues.json: /cues/3/pattern");
  CHECK(upper.error().what.find("upper-case letter ('P')") != std::string::npos);
  auto broken = set.add(R"((?<=a)b)", "cues.json: /cues/4/pattern");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().what.find("pattern does not compile: ") == 0);
  CHECK(broken.error().hint.find("no lookahead") != std::string::npos);
  REQUIRE(set.compile());
  CHECK(set.empty());
  CHECK(set.matches("anything").empty());
}

TEST_CASE("literal scan: every string found where it is, whatever overlaps it")
{
  const LiteralScan scan({"photo", "photos", "hot", "os", "ne", "’s", "end", "a b", "photos of"});
  CHECK(scan.size() == 9);
  CHECK(scan.find("").empty());
  CHECK(scan.find("ph").empty());
  CHECK(scan.find("photos") == std::vector<int>{0, 1, 2, 3});
  CHECK(scan.find("photos of the end") == std::vector<int>{0, 1, 2, 3, 6, 8});
  CHECK(scan.find("claire’s") == std::vector<int>{5});
  CHECK(scan.find("a b") == std::vector<int>{7});
  CHECK(scan.find("xxend") == std::vector<int>{6});     // at the very end
  CHECK(scan.find("one") == std::vector<int>{4});       // a string shorter than three bytes
  CHECK(scan.find("hothothot") == std::vector<int>{2}); // reported once
  // Against a plain search, on every substring of a text made of the strings' pieces.
  const std::string text = "xphotophotos ofendosnea bhot’s";
  const std::vector<std::string> all{"photo", "photos", "hot", "os", "ne", "’s", "end", "a b", "photos of"};
  for (std::size_t from = 0; from < text.size(); ++from) {
    for (std::size_t to = from; to <= text.size(); ++to) {
      const std::string_view part = std::string_view(text).substr(from, to - from);
      std::vector<int> expected;
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (part.find(all[i]) != std::string_view::npos) {
          expected.push_back(static_cast<int>(i));
        }
      }
      CHECK(scan.find(part) == expected);
    }
  }
}

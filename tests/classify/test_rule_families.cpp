// Each rule family's loader and matcher, on small inline rules files.
#include "classify/cues.hpp"
#include "classify/occupations.hpp"
#include "classify/places.hpp"
#include "classify/platforms.hpp"
#include "classify/rules_file.hpp"
#include "classify/sensitive.hpp"
#include "util/text.hpp"

#include <atomic>
#include <doctest/doctest.h>
#include <thread>

using namespace empreinte;
using namespace empreinte::classify;

namespace {

nlohmann::json parse_rules(const std::string& text, std::string_view schema, std::initializer_list<std::string_view> keys)
{
  auto v = parse_rules_json(text, "t.json", schema, keys);
  REQUIRE_MESSAGE(v, (v ? "" : v.error().to_string()));
  return *v;
}

const char* k_platforms = R"json({"schema": "empreinte/platforms/v1", "platforms": [
  {"id": "instagram", "name": "Instagram", "network": "instagram", "category": "photo", "hosts": ["instagram.com"],
   "profile": ["^https?://(?:[a-z0-9-]+\\.)*instagram\\.com/(?P<handle>[a-z0-9_.]{1,30})$"],
   "posts": ["^https?://(?:[a-z0-9-]+\\.)*instagram\\.com/(?:p|reel)/(?P<post_id>[a-z0-9_-]+)$"],
   "reserved": ["explore", "p", "reel", "accounts"],
   "author_cues": ["^(?P<author>.+?) (?:on|sur) instagram\\b"],
   "examples": {"profile": ["https://www.instagram.com/helvass38"], "post": ["https://www.instagram.com/p/abc"],
                "neither": ["https://www.instagram.com/explore"]}},
  {"id": "x", "name": "X", "network": "x", "category": "general", "hosts": ["x.com", "twitter.com"],
   "profile": ["^https?://(?:[a-z0-9-]+\\.)*(?:x|twitter)\\.com/(?P<handle>[a-z0-9_]{1,15})$"],
   "posts": ["^https?://(?:[a-z0-9-]+\\.)*(?:x|twitter)\\.com/(?P<handle>[a-z0-9_]{1,15})/status/(?P<post_id>[0-9]+)$"],
   "reserved": ["home", "explore", "search"]}]})json";

} // namespace

TEST_CASE("platforms: profile, post, reserved paths and authors")
{
  auto value = parse_rules(k_platforms, "empreinte/platforms/v1", {"platforms"});
  auto rules = PlatformRules::from_json(value, "t.json");
  REQUIRE_MESSAGE(rules, (rules ? "" : rules.error().to_string()));
  auto m = rules->match("https://www.instagram.com/helvass38", "www.instagram.com");
  CHECK(m.type == PageType::profile);
  CHECK(m.handle == "helvass38");
  CHECK(m.platform->id == "instagram");
  CHECK(rules->match("https://www.instagram.com/p/C4x", "www.instagram.com").type == PageType::post);
  CHECK(rules->match("https://www.instagram.com/explore", "www.instagram.com").type == PageType::none);
  const auto status = rules->match("https://x.com/dashfc84/status/17", "x.com");
  CHECK(status.type == PageType::post);
  CHECK(status.handle == "dashfc84");
  CHECK(rules->match("https://twitter.com/Home", "twitter.com").type == PageType::none);
  CHECK(rules->match("https://example.com/helvass38", "example.com").platform == nullptr);
  CHECK(rules->author_from_text(*m.platform, util::fold("Lucie Garnier sur Instagram : « Joyeux anniv »")) == "lucie garnier");
  CHECK(rules->lint_examples(value, "t.json").empty());

  SUBCASE("examples that do not hold are reported with their place")
  {
    auto bad = value;
    bad["platforms"][0]["examples"]["neither"].push_back("https://www.instagram.com/someone");
    const auto problems = rules->lint_examples(bad, "t.json");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == "t.json: /platforms/0/examples/neither/1");
  }
  SUBCASE("profile patterns must capture the handle")
  {
    auto bad = value;
    bad["platforms"][1]["profile"][0] = "^https://x\\.com/[a-z]+$";
    auto r = PlatformRules::from_json(bad, "t.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().where == "t.json: /platforms/1/profile/0");
  }
  SUBCASE("lookarounds are refused with a hint")
  {
    auto bad = value;
    bad["platforms"][1]["posts"][0] = "^https://x\\.com/(?!home)(?P<handle>[a-z]+)$";
    auto r = PlatformRules::from_json(bad, "t.json");
    REQUIRE_FALSE(r);
    CHECK(r.error().hint.find("no lookahead") != std::string::npos);
  }
  SUBCASE("unknown keys are refused")
  {
    auto bad = value;
    bad["platforms"][0]["patern"] = "x";
    CHECK_FALSE(PlatformRules::from_json(bad, "t.json"));
  }
  SUBCASE("a pattern is compiled on its first use, from several threads at once")
  {
    // Checked at load, compiled when a URL of its platform comes: the classifier's threads
    // may all reach a fresh pattern together.
    auto fresh = PlatformRules::from_json(value, "t.json");
    REQUIRE(fresh);
    std::atomic<int> profiles{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&] {
        const auto p = fresh->match("https://x.com/dashfc84", "x.com");
        profiles += p.type == PageType::profile && p.handle == "dashfc84" ? 1 : 0;
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(profiles == 4);
  }
}

TEST_CASE("cues: one pass per field, every matching cue returned")
{
  auto value = parse_rules(R"json({"schema": "empreinte/cues/v1", "cues": [
    {"id": "a", "lang": "fr", "field": "text", "pattern": "\\bne le\\b", "kind": "involuntary", "weight": 0.5,
     "means": "a birth date", "means_fr": "une date de naissance",
     "examples": {"match": ["ne le 14 mars"], "no_match": ["nele"]}},
    {"id": "b", "lang": "any", "field": "path", "pattern": "^/people/", "kind": "involuntary", "weight": 0.6,
     "means": "a people page", "means_fr": "une page de personnes",
     "examples": {"match": ["/people/x"], "no_match": ["/p/people"]}},
    {"id": "c", "lang": "en", "field": "title", "pattern": "\\bobituary\\b", "kind": "inherited", "weight": 0.8,
     "means": "an obituary", "means_fr": "une nécrologie"}]})json", "empreinte/cues/v1", {"cues"});
  auto rules = CueRules::from_json(value, "t.json");
  REQUIRE(rules);
  CueInput input{util::fold("John Obituary"), util::fold("John Obituary\nNé le 3 mai"), "/people/john", "example.com"};
  const auto hits = rules->evaluate(input);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0]->id == "a");
  CHECK(hits[2]->kind == traces::Kind::inherited);
  CHECK(rules->lint_examples(value, "t.json").empty());
  auto bad = value;
  bad["cues"][0]["kind"] = "maybe";
  CHECK_FALSE(CueRules::from_json(bad, "t.json"));
  bad = value;
  bad["cues"][1]["weight"] = 2;
  CHECK_FALSE(CueRules::from_json(bad, "t.json"));
  bad = value;
  bad["cues"][2].erase("means_fr"); // every cue speaks both languages
  CHECK_FALSE(CueRules::from_json(bad, "t.json"));
  CHECK(hits[2]->means_fr == "une nécrologie");
  // Texts are folded to lower case: an upper-case letter could never match and is refused,
  // naming the cue; escapes and group names may use capitals.
  bad = value;
  bad["cues"][2]["pattern"] = "\\bObituary\\b";
  const auto upper = CueRules::from_json(bad, "t.json");
  REQUIRE_FALSE(upper);
  CHECK(upper.error().where == "t.json: /cues/2/pattern");
  CHECK(upper.error().what.find("upper-case letter ('O')") != std::string::npos);
  bad = value;
  bad["cues"][2]["pattern"] = "\\bobit\\B\\x{1F92E}\\p{Lu}\\pL(?P<Value>x)";
  CHECK(CueRules::from_json(bad, "t.json"));
}

TEST_CASE("sensitive: whole-word terms, validated and contextual patterns")
{
  auto value = parse_rules(R"json({"schema": "empreinte/lexicons/v1", "terms": [
     {"id": "health-fr", "category": "health", "lang": "fr", "terms": ["arret maladie", "burn-out"]}],
    "patterns": [
     {"id": "iban", "category": "financial", "pattern": "(?P<value>\\b[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){3,7}(?: ?[a-z0-9]{1,3})?)", "validator": "iban"},
     {"id": "dob", "category": "birthdate", "pattern": "(?P<value>\\b\\d{2}/\\d{2}/(?:19|20)\\d{2}\\b)", "context": "\\bne(?:e)? le\\b"}]})json",
                     "empreinte/lexicons/v1", {"terms", "patterns"});
  auto rules = SensitiveRules::from_json(value, "t.json");
  REQUIRE_MESSAGE(rules, (rules ? "" : rules.error().to_string()));
  auto categories = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : rules->detect(util::fold(text))) {
      out.push_back(s.category + ":" + s.text);
    }
    return out;
  };
  CHECK(categories("En arrêt maladie, burn-out total") == std::vector<std::string>{"health:arret maladie", "health:burn out"});
  CHECK(categories("les arrets maladies").empty()); // whole words only
  CHECK(categories("IBAN FR76 3000 6000 0112 3456 7890 189") == std::vector<std::string>{"financial:fr76 3000 6000 0112 3456 7890 189"});
  CHECK(categories("IBAN FR76 3000 6000 0112 3456 7890 188").empty()); // checksum fails
  CHECK(categories("Née le 14/03/1989 à Grenoble") == std::vector<std::string>{"birthdate:14/03/1989"});
  CHECK(categories("Facture du 14/03/1989").empty()); // no birth context
}

TEST_CASE("places and occupations: resolve the profile, find them in text")
{
  auto places = Places::from_json(parse_rules(R"json({"schema": "empreinte/places/v1",
    "regions": [{"code": "FR-38", "country": "FR", "names": ["Isère"]}, {"code": "FR-ARA", "country": "FR", "names": ["Auvergne-Rhône-Alpes"]},
                {"code": "FR-33", "country": "FR", "names": ["Gironde"]}, {"code": "FR-NAQ", "country": "FR", "names": ["Nouvelle-Aquitaine"]}],
    "places": [{"name": "Grenoble", "country": "FR", "regions": ["FR-38", "FR-ARA"]},
               {"name": "Saint-Martin-d'Hères", "country": "FR", "regions": ["FR-38", "FR-ARA"]},
               {"name": "Bordeaux", "country": "FR", "regions": ["FR-33", "FR-NAQ"]}],
    "ambiguous": [{"name": "Orange", "country": "FR", "regions": ["FR-ARA"]}]})json",
                                        "empreinte/places/v1", {"regions", "places", "ambiguous"}), "t.json");
  REQUIRE(places);
  const Place* home = places->resolve("Grenoble (38)");
  REQUIRE(home);
  const auto found = places->find(util::words("Infirmière à Saint-Martin-d’Hères puis Bordeaux, forfait Orange"));
  REQUIRE(found.size() == 2);
  CHECK(Places::same_area(*found[0], *home));
  CHECK_FALSE(Places::same_area(*found[1], *home));
  CHECK(places->resolve("Isère"));
  CHECK(places->resolve("Orange")); // ambiguous names still resolve a profile's own location

  auto occupations = Occupations::from_json(parse_rules(R"json({"schema": "empreinte/occupations/v1", "occupations": [
    {"id": "nurse", "group": "health", "terms": ["infirmière", "infirmière puéricultrice", "nurse"]},
    {"id": "notary", "group": "law", "terms": ["notaire", "notary"]}]})json", "empreinte/occupations/v1", {"occupations"}), "t.json");
  REQUIRE(occupations);
  const auto mine = occupations->resolve("Infirmière puéricultrice");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0]->id == "nurse");
  const auto seen = occupations->find(util::words("Maître Vasseur, notaire à Lille"));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].first->id == "notary");
  CHECK(seen[0].second == 2);
}

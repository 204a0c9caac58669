// What to do about traces, from the shipped rules/remedies.json.
#include "classify/rules.hpp"
#include "score/remedies.hpp"
#include "support/shipped_rules.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte;

namespace {

const score::Remedies& remedies()
{
  static const score::Remedies r = [] {
    auto loaded = score::Remedies::load(std::string(EMPREINTE_SOURCE_DIR) + "/rules/remedies.json");
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().to_string()));
    return std::move(*loaded);
  }();
  return r;
}

const score::Jurisdiction& where(const std::string& id)
{
  const auto* j = remedies().jurisdictions().find(id);
  REQUIRE(j);
  return *j;
}

std::vector<traces::Action>
actions_for(const traces::Trace& t, const std::string& lang, const std::string& country = "FR")
{
  return remedies().for_trace(t, where(country), "", lang);
}

// The jurisdiction chosen for a profile with these fields.
std::string chosen(const std::string& country,
                   const std::string& location,
                   const std::vector<std::string>& phones = {})
{
  profile::Profile p;
  p.first_name = "Alex";
  p.last_name = "Martin";
  p.country = country;
  p.location = location;
  p.phones = phones;
  auto c = remedies().jurisdictions().choose(p, test::shipped_rules().places, "me.json");
  REQUIRE_MESSAGE(c, (c ? "" : c.error().to_string()));
  return c->jurisdiction->id + "/" + std::string(score::chosen_by_name(c->how));
}

traces::Trace trace(const std::string& host, traces::Kind kind, const std::string& category, const std::string& platform = "")
{
  traces::Trace t;
  t.url = "https://" + host + "/x";
  t.host = host;
  t.kind = kind;
  t.category = category;
  t.platform = platform;
  t.about_subject = 0.9;
  return t;
}

bool has(const std::vector<traces::Action>& actions, const std::string& id)
{
  return std::any_of(actions.begin(), actions.end(), [&](const auto& a) { return a.id == id; });
}

} // namespace

TEST_CASE("remedies: own accounts get the platform's settings and deletion links first")
{
  auto account = trace("www.facebook.com", traces::Kind::voluntary, "social", "facebook");
  account.platform_page = "profile";
  const auto actions = actions_for(account, "en");
  REQUIRE_FALSE(actions.empty());
  CHECK(actions.front().url.find("facebook.com") != std::string::npos);
  CHECK(has(actions, "delete-account"));
  CHECK_FALSE(has(actions, "delete-content")); // the account is what is deleted
  // One of the person's posts: deleted where it is, the account stays.
  auto post = trace("www.facebook.com", traces::Kind::voluntary, "social", "facebook");
  post.platform_page = "post";
  const auto on_post = actions_for(post, "en");
  CHECK_FALSE(has(on_post, "delete-account"));
  const auto del = std::find_if(
      on_post.begin(), on_post.end(), [](const auto& a) { return a.id == "delete-content"; });
  REQUIRE(del != on_post.end());
  CHECK(del->url == post.url);
}

TEST_CASE("remedies: someone else's post is reported or asked about, never 'delete your account'")
{
  const auto actions =
      actions_for(trace("www.instagram.com", traces::Kind::inherited, "social", "instagram"), "en");
  CHECK_FALSE(has(actions, "delete-account"));
  CHECK_FALSE(has(actions, "privacy-settings"));
  CHECK_FALSE(has(actions, "delete-content"));
  CHECK_FALSE(actions.empty());
}

TEST_CASE("remedies: directories and brokers get their opt-out route, GDPR rights and delisting")
{
  const auto actions =
      actions_for(trace("www.pagesjaunes.fr", traces::Kind::involuntary, "directory"), "fr");
  REQUIRE_FALSE(actions.empty());
  CHECK(actions.front().id == "opt-out-site");
  CHECK(actions.front().how.find("liste rouge") != std::string::npos); // the site's own advice, in French
  CHECK(has(actions, "gdpr-objection"));
  const auto unknown = actions_for(trace("www.example.com", traces::Kind::unknown, ""), "en");
  CHECK_FALSE(unknown.empty());
}

TEST_CASE("remedies: global advice follows the findings")
{
  score::Finding pseudonym;
  pseudonym.family = plan::Family::pseudonym;
  pseudonym.linked = true;
  score::Finding job;
  job.family = plan::Family::job;
  job.professional_presence = false;
  std::vector<traces::Trace> none;
  const score::JurisdictionChoice france{&where("FR"), score::ChosenBy::given, "FR"};
  auto ids = [](const std::vector<score::GlobalAdvice>& advice) {
    std::vector<std::string> out;
    for (const auto& a : advice) {
      out.push_back(a.id);
    }
    return out;
  };
  const auto advice = ids(remedies().advice({pseudonym, job}, none, france));
  CHECK(std::count(advice.begin(), advice.end(), "change-pseudonym") == 1);
  CHECK(std::count(advice.begin(), advice.end(), "build-presence") == 1);
  CHECK(std::count(advice.begin(), advice.end(), "rerun-audit") == 1);
  pseudonym.linked = false;
  job.professional_presence = true;
  const auto calm = ids(remedies().advice({pseudonym, job}, none, france));
  CHECK(std::count(calm.begin(), calm.end(), "change-pseudonym") == 0);
  CHECK(std::count(calm.begin(), calm.end(), "build-presence") == 0);
  CHECK(remedies().authority("FR")->id == "cnil");
  CHECK(remedies().authority("ico") != nullptr);
}

TEST_CASE("jurisdiction: the profile's country, else its location, else its phone, else none")
{
  CHECK(chosen("GB", "") == "GB/given");
  CHECK(chosen("Royaume-Uni", "") == "GB/given");
  CHECK(chosen("suisse", "") == "CH/given");
  CHECK(chosen("CA-QC", "") == "CA-QC/given");
  CHECK(chosen("US-NY", "") == "US/given"); // a state without its own entry: its country
  CHECK(chosen("", "Manchester") == "GB/location");
  CHECK(chosen("", "Lausanne") == "CH/location");
  CHECK(chosen("", "Austin, Texas") == "US-TX/location");
  CHECK(chosen("", "", {"06 12 34 56 78", "+41 79 123 45 67"}) == "CH/phone");
  CHECK(chosen("", "", {"+1 514 555 0101"}) == "INTL/default"); // +1 is shared
  CHECK(chosen("", "") == "INTL/default");
  profile::Profile p;
  p.country = "Atlantis";
  const auto bad = remedies().jurisdictions().choose(p, test::shipped_rules().places, "me.json");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().where == "me.json: /country");
}

TEST_CASE("remedies: the law, authority and registers follow the person's jurisdiction")
{
  auto text = [](const std::vector<traces::Action>& actions) {
    std::string out;
    for (const auto& a : actions) {
      out += a.id + " " + a.title + " " + a.how + " " + a.url + "\n";
    }
    return out;
  };
  const auto people = trace("www.192.com", traces::Kind::involuntary, "people_search");
  const auto uk = text(actions_for(people, "en", "GB"));
  CHECK(uk.find("UK GDPR") != std::string::npos);
  CHECK(uk.find("Information Commissioner") != std::string::npos);
  CHECK(uk.find("gb-open-register") != std::string::npos);
  CHECK(uk.find("CNIL") == std::string::npos);
  const auto ch = text(actions_for(people, "en", "CH"));
  CHECK(ch.find("nFADP") != std::string::npos);
  CHECK(ch.find("FDPIC") != std::string::npos);
  CHECK(ch.find("CNIL") == std::string::npos);
  // A register page: the registers of the site's country.
  const auto register_page = trace(
      "find-and-update.company-information.service.gov.uk", traces::Kind::involuntary, "registry");
  const auto registry = text(remedies().for_trace(register_page, where("FR"), "GB", "en"));
  CHECK(registry.find("companies-house") != std::string::npos);
  CHECK(registry.find("rcs-hide-address") == std::string::npos);
  CHECK(registry.find("sirene") == std::string::npos);
  // No law where the person lives: a European site's law still binds it.
  const auto us = text(remedies().for_trace(people, where("US"), "GB", "en"));
  CHECK(us.find("UK GDPR") != std::string::npos);
}

TEST_CASE("remedies: minor-data and press actions only where they apply")
{
  auto post = trace("www.example-forum.fr", traces::Kind::inherited, "forum");
  CHECK_FALSE(has(actions_for(post, "fr"), "gdpr-erasure-minor"));
  post.sensitive.push_back({"minors", "collégienne", false});
  CHECK(has(actions_for(post, "fr"), "gdpr-erasure-minor"));
  CHECK_FALSE(has(actions_for(post, "en", "GB"), "gdpr-erasure-minor")); // a French law
  CHECK(has(actions_for(trace("www.lemonde.fr", traces::Kind::inherited, "news"), "fr"),
            "press-anonymise"));
  CHECK_FALSE(
      has(actions_for(trace("www.pagesjaunes.fr", traces::Kind::involuntary, "directory"), "fr"),
          "press-anonymise"));
  // The person's own forum post: delete it; no letter, no complaint.
  const auto own =
      actions_for(trace("www.example-forum.fr", traces::Kind::voluntary, "forum"), "fr");
  CHECK(has(own, "delete-content"));
  CHECK_FALSE(has(own, "gdpr-erasure"));
  CHECK_FALSE(has(own, "dpa-complaint"));
}

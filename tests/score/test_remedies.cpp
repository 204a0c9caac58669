// What to do about traces, from the shipped rules/remedies.json.
#include "score/remedies.hpp"

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
  const auto actions = remedies().for_trace(trace("www.facebook.com", traces::Kind::voluntary, "social", "facebook"), "en");
  REQUIRE_FALSE(actions.empty());
  CHECK(actions.front().url.find("facebook.com") != std::string::npos);
  CHECK(has(actions, "delete-account"));
}

TEST_CASE("remedies: someone else's post is reported or asked about, never 'delete your account'")
{
  const auto actions = remedies().for_trace(trace("www.instagram.com", traces::Kind::inherited, "social", "instagram"), "en");
  CHECK_FALSE(has(actions, "delete-account"));
  CHECK_FALSE(has(actions, "privacy-settings"));
  CHECK_FALSE(actions.empty());
}

TEST_CASE("remedies: directories and brokers get their opt-out route, GDPR rights and delisting")
{
  const auto actions = remedies().for_trace(trace("www.pagesjaunes.fr", traces::Kind::involuntary, "directory"), "fr");
  REQUIRE_FALSE(actions.empty());
  CHECK(actions.front().id == "opt-out-site");
  CHECK(actions.front().how.find("liste rouge") != std::string::npos); // the site's own advice, in French
  CHECK(has(actions, "gdpr-objection"));
  const auto unknown = remedies().for_trace(trace("www.example.com", traces::Kind::unknown, ""), "en");
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
  auto ids = [](const std::vector<score::GlobalAdvice>& advice) {
    std::vector<std::string> out;
    for (const auto& a : advice) {
      out.push_back(a.id);
    }
    return out;
  };
  const auto advice = ids(remedies().advice({pseudonym, job}, none));
  CHECK(std::count(advice.begin(), advice.end(), "change-pseudonym") == 1);
  CHECK(std::count(advice.begin(), advice.end(), "build-presence") == 1);
  CHECK(std::count(advice.begin(), advice.end(), "rerun-audit") == 1);
  pseudonym.linked = false;
  job.professional_presence = true;
  const auto calm = ids(remedies().advice({pseudonym, job}, none));
  CHECK(std::count(calm.begin(), calm.end(), "change-pseudonym") == 0);
  CHECK(std::count(calm.begin(), calm.end(), "build-presence") == 0);
  CHECK(remedies().authority("FR")->id == "cnil");
  CHECK(remedies().authority("ico") != nullptr);
}

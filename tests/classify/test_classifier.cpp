#include "classify/classifier.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

const classify::SiteRules& rules()
{
  static const plan::NetworkCatalog networks = [] {
    auto c = plan::NetworkCatalog::from_json_text(R"({"schema": "empreinte/networks/v1", "networks": [
      {"id": "instagram", "name": "Instagram", "domains": ["instagram.com"]},
      {"id": "facebook", "name": "Facebook", "domains": ["facebook.com"]}]})", "n.json");
    REQUIRE(c);
    return std::move(*c);
  }();
  static const classify::SiteRules r = [] {
    auto s = classify::SiteRules::from_json_text(R"({"schema": "empreinte/sites/v1", "sites": [
      {"domain": "pagesjaunes.fr", "name": "PagesJaunes", "category": "directory", "country": "FR"},
      {"domain": "ledauphine.com", "name": "Le Dauphiné", "category": "news", "country": "FR"},
      {"domain": "archive.org", "name": "Internet Archive", "category": "archive", "country": "INTL"},
      {"domain": "skyrock.com", "name": "Skyrock", "category": "blog_host", "country": "FR"}]})",
                                                 "s.json", networks);
    REQUIRE(s);
    return std::move(*s);
  }();
  return r;
}

profile::Profile helene()
{
  profile::Profile p;
  p.first_name = "Hélène";
  p.last_name = "Vasseur";
  p.pseudonyms = {"helvass38"};
  p.location = "Grenoble";
  p.job = {"infirmière puéricultrice", "Clinique des Tilleuls"};
  p.emails = {"helene.vasseur38@example.org"};
  p.phones = {"+33 6 39 98 52 14"};
  p.not_me = {"https://www.namesake.example/"};
  return p;
}

traces::Trace trace(const std::string& url, const std::string& title, const std::string& snippet)
{
  traces::Trace t;
  t.url = url;
  t.host = url.substr(url.find("//") + 2);
  t.host = t.host.substr(0, t.host.find('/'));
  t.title = title;
  t.snippets = {snippet};
  return t;
}

traces::Trace classified(traces::Trace t)
{
  classify::Classifier(helene(), rules()).classify(t);
  return t;
}

} // namespace

TEST_CASE("classify: own social profile is voluntary and about the subject")
{
  const auto t = classified(trace("https://www.instagram.com/helvass38", "Hélène Vasseur (@helvass38)", "Trail, Grenoble"));
  CHECK(t.kind == traces::Kind::voluntary);
  CHECK(t.confidence >= 0.8);
  CHECK(t.about_subject >= 0.8);
  CHECK(std::find(t.evidence.begin(), t.evidence.end(), "your pseudonym appears") != t.evidence.end());
}

TEST_CASE("classify: known sites give their category's kind")
{
  CHECK(classified(trace("https://www.pagesjaunes.fr/pagesblanches/x", "VASSEUR Hélène", "04 65 71 33 90")).kind
        == traces::Kind::involuntary);
  CHECK(classified(trace("https://www.ledauphine.com/a", "Article", "Hélène Vasseur, infirmière")).kind
        == traces::Kind::inherited);
  CHECK(classified(trace("https://web.archive.org/web/2016/http://x", "Archive", "helvass38")).kind
        == traces::Kind::involuntary);
  CHECK(classified(trace("https://helvass38.skyrock.com/1-post.html", "Blog", "soirée")).kind
        == traces::Kind::voluntary);
  CHECK(classified(trace("https://someone.skyrock.com/1-post.html", "Blog", "Hélène Vasseur")).kind
        == traces::Kind::inherited);
}

TEST_CASE("classify: own site and employer's site from the host name")
{
  CHECK(classified(trace("https://helenevasseur.example/cv", "CV", "Hélène Vasseur")).kind
        == traces::Kind::voluntary);
  CHECK(classified(trace("https://www.clinique-des-tilleuls.fr/equipe", "Équipe", "H. Vasseur")).kind
        == traces::Kind::inherited);
  const auto unknown = classified(trace("https://random.example/page", "Hélène Vasseur", "x"));
  CHECK(unknown.kind == traces::Kind::unknown);
  CHECK(unknown.confidence == 0.0);
}

TEST_CASE("classify: about_subject weighs the name and the person's own details")
{
  const auto phone = classified(trace("https://x.example/", "Annuaire", "VASSEUR H. 06.39.98.52.14"));
  CHECK(phone.about_subject >= 0.5);
  CHECK(std::find(phone.evidence.begin(), phone.evidence.end(), "your own phone number appears") != phone.evidence.end());
  const auto email = classified(trace("https://x.example/", "Leak", "HELENE.VASSEUR38@EXAMPLE.ORG"));
  CHECK(email.about_subject >= 0.5);
  const auto surname = classified(trace("https://x.example/", "Didier Vasseur", "maire"));
  CHECK(surname.about_subject < 0.5);
  const auto nothing = classified(trace("https://x.example/", "Recette", "poires"));
  CHECK(nothing.about_subject < 0.1);
  const auto listed = classified(trace("https://www.namesake.example/", "Hélène Vasseur", "Grenoble infirmière puéricultrice"));
  CHECK(listed.about_subject == 0.0);
  const auto strong = classified(trace("https://x.example/", "Hélène Vasseur", "infirmière puéricultrice à la Clinique des Tilleuls, Grenoble"));
  CHECK(strong.about_subject > classified(trace("https://x.example/", "Hélène Vasseur", "peintre")).about_subject);
}

TEST_CASE("classify: site rules are strict and find parents")
{
  CHECK(rules().find("www.pagesjaunes.fr")->name == "PagesJaunes");
  CHECK(rules().find("fr-fr.facebook.com")->category == classify::SiteCategory::social);
  CHECK(rules().find("example.com") == nullptr);
  plan::NetworkCatalog none;
  CHECK_FALSE(classify::SiteRules::from_json_text(
    R"({"schema": "empreinte/sites/v1", "sites": [{"domain": "a.com", "name": "A", "category": "newz"}]})", "s.json", none));
  CHECK_FALSE(classify::SiteRules::from_json_text(
    R"({"schema": "empreinte/sites/v1", "sites": [{"domain": "https://a.com", "name": "A", "category": "news"}]})", "s.json", none));
  CHECK_FALSE(classify::SiteRules::from_json_text(
    R"({"schema": "empreinte/sites/v1", "sites": [{"domain": "a.com", "name": "A", "category": "news", "kind": "x"}]})", "s.json", none));
  CHECK_FALSE(classify::SiteRules::from_json_text(
    R"({"schema": "empreinte/sites/v1", "sites": [{"domain": "a.com", "name": "A", "category": "news"},
       {"domain": "a.com", "name": "B", "category": "news"}]})", "s.json", none));
}

// The classifier with the shipped rules, on situations the rules must get right on sites they
// have never seen (all people, sites and numbers here are invented).
#include "classify/classifier.hpp"
#include "classify/rules.hpp"
#include "score/scores.hpp"
#include "traces/url_normalise.hpp"
#include "util/text.hpp"
#include "support/shipped_rules.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte;
using traces::Kind;

namespace {

profile::Profile margaux()
{
  profile::Profile p;
  p.first_name = "Margaux";
  p.last_name = "Lefranc";
  p.other_names = {"Margaux Peyrol"};
  p.pseudonyms = {"margo_lfr"};
  p.location = "Toulouse";
  p.job = {"kinésithérapeute", "Cabinet Garonne Santé"};
  p.emails = {"margaux.lefranc@example.net"};
  p.phones = {"+33 6 39 98 17 42"};
  p.not_me = {"https://www.example.org/margaux-lefranc-namesake"};
  return p;
}

traces::Trace trace(const std::string& url, const std::string& title, const std::string& snippet)
{
  traces::Trace t;
  t.url = *traces::normalise_url(url);
  t.host = t.url.substr(t.url.find("//") + 2);
  t.host = t.host.substr(0, t.host.find_first_of("/:?"));
  t.domain = traces::registrable_domain(t.host);
  t.title = title;
  t.snippets = {snippet};
  return t;
}

traces::Trace judge(traces::Trace t, const profile::Profile& p = margaux())
{
  std::vector<traces::Trace> list{std::move(t)};
  classify::Classifier(p, test::shipped_rules()).classify_all(list);
  return list.front();
}

bool has_category(const traces::Trace& t, const std::string& category)
{
  return std::any_of(t.sensitive.begin(), t.sensitive.end(), [&](const auto& s) { return s.category == category; });
}

std::vector<std::string> categories_in(const std::string& snippet)
{
  const auto t = judge(trace("https://www.some-unknown-site.example/page", "Margaux Lefranc", snippet));
  std::vector<std::string> out;
  for (const auto& s : t.sensitive) {
    out.push_back(s.category);
  }
  return out;
}

} // namespace

TEST_CASE("classifier: own accounts and posts are voluntary")
{
  const auto profile = judge(trace("https://www.instagram.com/margo_lfr/", "Margaux Lefranc (@margo_lfr) • Instagram photos and videos", "Kiné à Toulouse"));
  CHECK(profile.kind == Kind::voluntary);
  CHECK(profile.confidence >= 0.8);
  CHECK(profile.about_subject >= 0.8);
  CHECK(profile.pseudonym_link);
  const auto post = judge(trace("https://x.com/margo_lfr/status/1790000000000000000", "Margaux Lefranc sur X : « Premier marathon bouclé »", "Toulouse"));
  CHECK(post.kind == Kind::voluntary);
  const auto linkedin = judge(trace("https://fr.linkedin.com/in/margaux-lefranc-1a2b3c", "Margaux Lefranc - Kinésithérapeute - Cabinet Garonne Santé | LinkedIn", "Toulouse"));
  CHECK(linkedin.kind == Kind::voluntary);
  CHECK(linkedin.job_link);
  const auto own_site = judge(trace("https://www.margauxlefranc-kine.example/a-propos", "À propos - Margaux Lefranc", "Je suis kinésithérapeute"));
  CHECK(own_site.kind == Kind::voluntary);
}

TEST_CASE("classifier: someone else's post about the person is inherited")
{
  const auto tagged = judge(trace("https://www.instagram.com/p/Cq1w2e3r4t5/", "Julie Marchand sur Instagram : « Bravo @margo_lfr pour ton marathon ! »", "Margaux Lefranc au marathon de Toulouse"));
  CHECK(tagged.kind == Kind::inherited);
  CHECK(tagged.about_subject >= 0.5);
  CHECK(tagged.pseudonym_link);
  const auto news = judge(trace("https://www.ladepeche.fr/2024/05/12/toulouse-un-marathon-record-123456.php", "Toulouse : un marathon record", "Margaux Lefranc, kinésithérapeute, a fini deuxième"));
  CHECK(news.kind == Kind::inherited);
  CHECK(news.job_link);
}

TEST_CASE("classifier: involuntary sources, listed or recognised by their words")
{
  CHECK(judge(trace("https://www.pagesjaunes.fr/pagesblanches/recherche?quoiqui=lefranc", "LEFRANC Margaux - Toulouse", "12 rue des Fictifs 31000 Toulouse")).kind == Kind::involuntary);
  CHECK(judge(trace("https://web.archive.org/web/2015/http://margo-lfr.example/", "Blog de margo_lfr", "archive")).kind == Kind::involuntary);
  // A people-search site no list knows.
  const auto unknown = judge(trace("https://www.qui-est-ce-annuaire.example/personne/margaux-lefranc-toulouse",
                                   "Margaux Lefranc, 34 ans, Toulouse : téléphone, adresse, e-mail",
                                   "Retrouvez le numéro de téléphone et l'adresse de Margaux Lefranc à Toulouse. Âge : 34 ans."));
  CHECK(unknown.kind == Kind::involuntary);
}

TEST_CASE("classifier: namesakes and evidence against")
{
  const auto other_city_job = judge(trace("https://www.notaires-lille.example/margaux-lefranc", "Maître Margaux Lefranc, notaire à Lille", "Office notarial"));
  CHECK(other_city_job.about_subject < 0.5);
  CHECK(std::any_of(
      other_city_job.evidence.begin(), other_city_job.evidence.end(), [](const auto& e) {
        return e.key == "identity.other_place" || e.key == "identity.other_job";
      }));
  CHECK(other_city_job.sensitive.empty()); // never the exposure of a namesake
  const auto obituary = judge(trace("https://www.avis-deces.example/margaux-lefranc", "Avis de décès de Margaux Lefranc (1931 - 2019)", "Obsèques à Lyon"));
  CHECK(obituary.about_subject < 0.5);
  const auto listed = judge(trace("https://www.example.org/margaux-lefranc-namesake", "Margaux Lefranc", "kinésithérapeute à Toulouse"));
  CHECK(listed.about_subject == 0.0);
  // Own details beat a different city: people travel.
  const auto travel = judge(trace("https://www.example.com/race", "Résultats Marathon de Bordeaux", "Margaux Lefranc (margo_lfr) 3h12"));
  CHECK(travel.about_subject >= 0.5);
  // Only the surname: not the person.
  CHECK(judge(trace("https://www.example.com/x", "Didier Lefranc, maire", "Conseil municipal")).about_subject < 0.5);
  // Own e-mail or phone: the person, whatever the name.
  CHECK(judge(trace("https://pastebin.com/abc123", "users_2019", "margaux.lefranc@example.net:hash")).about_subject >= 0.75);
}

TEST_CASE("detectors: phones in French, Belgian, Swiss, Canadian, UK, US and international formats")
{
  for (const char* text : {"Tél. 06 39 98 17 42", "tel 06.39.98.17.42", "+33 6 39 98 17 42", "+33 (0)6 39 98 17 42",
                           "0033 6 39 98 17 42", "+32 470 00 00 00", "+41 79 000 00 00", "(418) 555-0147",
                           "+1 503 555 0148", "07700 900417", "+44 7700 900417", "0161 496 0823", "+262 692 00 00 00"}) {
    CAPTURE(text);
    const auto found = categories_in(text);
    CHECK(std::count(found.begin(), found.end(), "phone") == 1);
  }
  for (const char* text : {"Commande n° 0612345678901 expédiée", "SIRET 732 829 320 00074", "le 14/03/1989", "ISBN 978-2-07-036822-8",
                           "prix : 1 234 567 €", "de 14h à 18h30"}) {
    CAPTURE(text);
    CHECK_FALSE(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", text)), "phone"));
  }
}

TEST_CASE("detectors: IBAN and NIR by checksum, birth dates only with a birth context")
{
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "IBAN FR76 3000 6000 0112 3456 7890 189")), "financial"));
  CHECK_FALSE(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "IBAN FR76 3000 6000 0112 3456 7890 188")), "financial"));
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "N° sécu : 1 89 03 38 185 123 93")), "national_id"));
  CHECK_FALSE(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "N° sécu : 1 89 03 38 185 123 94")), "national_id"));
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "née le 14 mars 1989 à Toulouse")), "birthdate"));
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "Margaux Lefranc (born July 1984)")), "birthdate"));
  CHECK_FALSE(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "inscrite le 14/03/2019, 34 ans")), "birthdate"));
  CHECK_FALSE(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "née en 1989")), "birthdate"));
}

TEST_CASE("detectors: own data is marked known, special categories from the lexicons")
{
  const auto t = judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc",
                             "Contact : margaux.lefranc@example.net ou autre.adresse@example.com, 06 39 98 17 42"));
  int known = 0;
  int unknown = 0;
  for (const auto& s : t.sensitive) {
    if (s.category == "email" || s.category == "phone") {
      (s.known ? known : unknown)++;
    }
  }
  CHECK(known == 2);
  CHECK(unknown == 1);
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "en arrêt maladie pour burn-out")), "health"));
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "délégué syndical CGT")), "union"));
  CHECK(has_category(judge(trace("https://www.some-unknown-site.example/p", "Margaux Lefranc", "complètement bourrée hier soir")), "embarrassing"));
  CHECK(categories_in("Kinésithérapeute à Toulouse, marathonienne").empty());
}

TEST_CASE("classifier: a post of the person on the platform of their pseudonym account ties the two")
{
  std::vector<traces::Trace> list{
    trace("https://www.instagram.com/margo_lfr/", "Margaux Lefranc (@margo_lfr) • Instagram", "Toulouse"),
    trace("https://www.instagram.com/p/Cz9y8x7w6v5/", "Margaux Lefranc sur Instagram : « Sortie longue »", "Dimanche")};
  classify::Classifier(margaux(), test::shipped_rules()).classify_all(list);
  CHECK(list[0].pseudonym_link);
  CHECK(list[1].pseudonym_link);
  CHECK(list[1].kind == Kind::voluntary);
}

TEST_CASE("classifier: pages in is_me are certainly the person's, pages in not_me certainly not")
{
  // A page that says nothing of Margaux but her name and another city: a namesake, unless she
  // says it is hers.
  const auto page = trace("https://www.club-example.fr/membres/margaux-lefranc?utm_source=x",
                          "Margaux Lefranc - Lille", "Margaux Lefranc, Lille, présidente du club.");
  const auto unsure = judge(page);
  CHECK(unsure.about_subject < 0.5);
  auto p = margaux();
  p.is_me = {"HTTPS://www.club-example.fr/membres/margaux-lefranc"}; // normalised like traces
  const auto mine = judge(page, p);
  CHECK(mine.about_subject == 1.0);
  REQUIRE_FALSE(mine.evidence.empty());
  CHECK(mine.evidence.front().key == "identity.is_me");
  // The page is still read: it names her, which the evidence keeps.
  CHECK(std::any_of(mine.evidence.begin(), mine.evidence.end(),
                    [](const util::Message& m) { return m.key == "identity.full_name"; }));
  p.is_me.clear();
  p.not_me = {"https://www.club-example.fr/membres/margaux-lefranc"};
  const auto other = judge(page, p);
  CHECK(other.about_subject == 0.0);
  CHECK(other.evidence.front().key == "identity.not_me");
}

TEST_CASE(
    "classifier: other people's e-mails and phones on a leak page are not the person's exposure")
{
  const std::string own = "margaux.lefranc@example.net";
  const auto leak = judge(trace("https://justpaste.it/x7k2q",
                                "Margaux Lefranc combo list",
                                "Margaux Lefranc " + own +
                                    ":azerty12 paul.durand@example.org:soleil75 "
                                    "+33 6 12 34 56 78 j.benoit@example.com:marseille13"));
  REQUIRE(leak.category == "leak");
  REQUIRE(leak.about_subject >= 0.5);
  std::vector<std::string> data;
  for (const auto& s : leak.sensitive) {
    if (s.category == "email" || s.category == "phone") {
      data.push_back(s.text);
    }
  }
  CHECK(data == std::vector<std::string>{own}); // the person's own address, nobody else's

  // The same page with only the person's line scores the same: the others add nothing.
  const auto alone = judge(trace("https://justpaste.it/x7k2q",
                                 "Margaux Lefranc combo list",
                                 "Margaux Lefranc " + own + ":azerty12"));
  std::vector<traces::Trace> a{leak};
  std::vector<traces::Trace> b{alone};
  a.front().found_by = b.front().found_by = {traces::Sighting{"name-1", "corpus", 1}};
  CHECK(score::score_traces(a).exposure == score::score_traces(b).exposure);
  CHECK(a.front().exposure_points > 0.0);
  CHECK(a.front().exposure_points == doctest::Approx(b.front().exposure_points));

  // An address that carries the person's name is theirs even when the profile lacks it.
  const auto team = judge(trace("https://www.some-unknown-site.example/equipe",
                                "Margaux Lefranc - équipe",
                                "Margaux Lefranc m.lefranc@garonne-sante.example, Paul Durand "
                                "p.durand@garonne-sante.example, "
                                "Inès Roy i.roy@garonne-sante.example"));
  std::vector<std::string> emails;
  for (const auto& s : team.sensitive) {
    if (s.category == "email") {
      emails.push_back(s.text);
    }
  }
  CHECK(emails == std::vector<std::string>{"m.lefranc@garonne-sante.example"});

  // A colleague's address at the domain of the person's own is the colleague's.
  const auto colleague =
      judge(trace("https://www.some-unknown-site.example/contact",
                  "Margaux Lefranc",
                  "Margaux Lefranc " + own + " ; Paul Durand paul.durand@example.net"));
  emails.clear();
  for (const auto& s : colleague.sensitive) {
    if (s.category == "email") {
      emails.push_back(s.text);
    }
  }
  CHECK(emails == std::vector<std::string>{own});
}

// Verdicts from whole pages, with the shipped rules: the name anywhere, what describes its
// bearer only near it, data as the page writes it, quotes to check (invented people and sites).
#include "classify/classifier.hpp"
#include "classify/rules.hpp"
#include "read/page_reader.hpp"
#include "score/profile_check.hpp"
#include "traces/url_normalise.hpp"
#include "support/shipped_rules.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace empreinte;

namespace {

traces::Trace with_page(const std::string& url, const std::string& title,
                        const std::string& snippet, const std::string& html)
{
  traces::Trace t;
  t.url = *traces::normalise_url(url);
  t.host = t.url.substr(t.url.find("//") + 2);
  t.host = t.host.substr(0, t.host.find('/'));
  t.domain = traces::registrable_domain(t.host);
  t.title = title;
  t.snippets = {snippet};
  t.page.status = traces::PageStatus::read;
  t.page.content = read::parse_page(html);
  return t;
}

profile::Profile yannick(bool with_details)
{
  profile::Profile p;
  p.first_name = "Yannick";
  p.last_name = "Corbel";
  if (with_details) {
    p.location = "Brest";
    p.job = {"plombier", "Corbel Plomberie"};
    p.birth_year = 1979;
  }
  return p;
}

traces::Trace judged(const profile::Profile& p, traces::Trace t)
{
  std::vector<traces::Trace> list{std::move(t)};
  classify::Classifier(p, test::shipped_rules()).classify_all(list);
  return list.front();
}

// The addresses a trace exposes, as the page wrote them.
std::vector<std::string> addresses_of(const traces::Trace& t)
{
  std::vector<std::string> out;
  for (const auto& item : t.sensitive) {
    if (item.category == "address") {
      out.push_back(item.text);
    }
  }
  return out;
}

bool has_evidence(const traces::Trace& t, const std::string& key, const std::string& where = "")
{
  return std::any_of(t.evidence.begin(), t.evidence.end(), [&](const util::Message& m) {
    return m.key == key && (where.empty() || m.where == where);
  });
}

} // namespace

TEST_CASE("page evidence: the name only in the page body counts, with a quote to check")
{
  const auto t = judged(yannick(true), with_page("https://www.club-voile-iroise.example/bureau",
                                                 "Le bureau du club", "Le bureau 2024",
                                                 R"(<html><body><h1>Le bureau</h1>
    <p>Trésorier : Yannick Corbel, plombier à Brest.</p></body></html>)"));
  CHECK(t.about_subject >= 0.5);
  const auto it = std::find_if(t.evidence.begin(), t.evidence.end(),
                               [](const auto& m) { return m.key == "identity.full_name"; });
  REQUIRE(it != t.evidence.end());
  CHECK(it->where == "page");
  CHECK(it->quote.find("Yannick Corbel") != std::string::npos);
  CHECK(has_evidence(t, "identity.job", "page"));
  CHECK(t.job_link);
}

TEST_CASE("page evidence: another city or age near the name sets a namesake aside")
{
  const std::string html = R"(<html><body><p>Course de Noël : Yannick Corbel, 67 ans,
    retraité de Marseille, l'emporte chez les vétérans.</p><p>Brest accueillera l'édition
    suivante, ouverte aux plombiers comme aux autres.</p></body></html>)";
  const auto page = with_page("https://www.course-noel.example/resultats", "Résultats",
                              "Course de Noël", html);
  const auto full = judged(yannick(true), page);
  CHECK(full.about_subject < 0.5);
  CHECK(has_evidence(full, "identity.other_age"));
  // Brest and "plombiers" are far from the name: they describe nobody, so they confirm nothing.
  CHECK_FALSE(has_evidence(full, "identity.location"));
  // A profile that gives no city, job or birth year is never contradicted by one.
  const auto thin = judged(yannick(false), page);
  CHECK(thin.about_subject >= 0.5);
  CHECK_FALSE(has_evidence(thin, "identity.other_place"));
  CHECK_FALSE(has_evidence(thin, "identity.other_age"));
}

TEST_CASE("page evidence: another trade in a town of the same region is a namesake, a club role "
          "is no trade")
{
  // Quimper is in Brest's département: it weighs less than Brest itself, and another trade
  // beside it sets the page aside.
  const auto other = judged(yannick(true),
                            with_page("https://www.annuaire-sante.example/yannick-corbel",
                                      "Yannick Corbel, kinésithérapeute à Quimper", "Cabinet",
                                      "<html><body><p>Cabinet de kinésithérapie</p></body></html>"));
  CHECK(has_evidence(other, "identity.region"));
  CHECK_FALSE(has_evidence(other, "identity.location"));
  CHECK(has_evidence(other, "identity.other_job"));
  CHECK(other.about_subject < 0.5);
  // "secrétaire du club": an unpaid role in an association, not another job.
  const auto club = judged(yannick(true),
                           with_page("https://www.club-voile-iroise.example/sortie",
                                     "Sortie du mois à Quimper", "Sortie",
                                     R"(<html><body><p>Inscriptions auprès de Yannick Corbel,
    secrétaire du club, avant vendredi.</p></body></html>)"));
  CHECK_FALSE(has_evidence(club, "identity.other_job"));
  CHECK(club.about_subject >= 0.5);
  // A retired plumber is not confirmed by "départ à la retraite" (which folds like
  // "retraité"): a status is shared by millions.
  auto retired = yannick(true);
  retired.job = {"plombier (retraité)", ""};
  const auto party = judged(retired, with_page("https://www.journal-local.example/depart",
                                               "Quimper : Yannick Corbel fête son départ",
                                               "Départ",
                                               R"(<html><body><p>Yannick Corbel a fêté son
    départ à la retraite après trente ans à l'Ehpad.</p></body></html>)"));
  CHECK_FALSE(has_evidence(party, "identity.job"));
}

TEST_CASE("page evidence: data beside the person's name, not a neighbour's, as the page writes it")
{
  auto p = yannick(true);
  const auto t = judged(p, with_page("https://www.club-voile-iroise.example/contacts",
                                     "Contacts du club", "Contacts",
                                     R"(<html><body><ul>
    <li>Yannick Corbel, trésorier, 12 rue de Siam, 29200 Brest</li>
    <li>Soizic Le Gall, secrétaire, soizic.legall@example.org, 06 39 98 11 22</li>
    </ul></body></html>)"));
  REQUIRE(t.about_subject >= 0.5);
  bool address = false;
  for (const auto& item : t.sensitive) {
    CHECK(item.text.find("soizic") == std::string::npos);
    CHECK(item.text.find("06 39 98 11 22") == std::string::npos);
    if (item.category == "address") {
      address = true;
      CHECK(item.text.find("rue de Siam") != std::string::npos); // the page's own case
      CHECK(item.where == "page");
    }
  }
  CHECK(address);
}

TEST_CASE("page evidence: an acronym in capitals is data, a surname in capitals beside a first "
          "name is not")
{
  const auto t = judged(yannick(true), with_page("https://www.peoplefinder.example/yannick-corbel",
                                                 "Yannick Corbel, Brest - background report",
                                                 "Yannick Corbel, 45, Brest",
                                                 R"(<html><body><h1>Yannick Corbel</h1>
    <p>Records (1): DUI – alcohol, arrest 09/16/2007.</p>
    <p>Neighbours: Marcel GAY, Odette PERRET.</p></body></html>)"));
  REQUIRE(t.about_subject >= 0.5);
  bool criminal = false;
  for (const auto& item : t.sensitive) {
    CAPTURE(item.text);
    criminal = criminal || (item.category == "criminal" && item.text == "DUI");
    CHECK(item.category != "sexual_orientation"); // GAY is a neighbour's surname
  }
  CHECK(criminal);
}

TEST_CASE("page evidence: in a legal notice, the registered office is not a home address, the "
          "manager's address is")
{
  const auto t = judged(
    yannick(true),
    with_page("https://www.annonces-legales.example/avis/corbel-plomberie",
              "Avis de constitution - CORBEL PLOMBERIE",
              "CORBEL PLOMBERIE, SARL au capital de 5 000 €. Siège social : 8 rue de la Porte",
              R"(<html><body><h1>Avis de constitution</h1>
    <p>CORBEL PLOMBERIE, SARL au capital de 5 000 €. Siège social : 8 rue de la Porte, 29200 Brest.
    Gérance : M. Yannick Corbel, demeurant 14 rue Bugeaud, 29200 Brest.</p></body></html>)"));
  REQUIRE(t.about_subject >= 0.5);
  const auto addresses = addresses_of(t);
  REQUIRE(addresses.size() == 1);
  CHECK(addresses.front().find("Bugeaud") != std::string::npos);
}

TEST_CASE("page evidence: an address labelled as a workplace is not a home address, an address "
          "near the employer's name still is")
{
  const auto t = judged(
    yannick(true),
    with_page("https://www.registre-artisans.example/yannick-corbel", "Yannick Corbel - artisan",
              "Yannick Corbel, plombier",
              R"(<html><body><h1>Yannick Corbel</h1>
    <p>Registered business address: Corbel Plomberie, 8 rue de la Porte, 29200 Brest.</p>
    <p>Corbel Plomberie, 14 rue Bugeaud, 29200 Brest, au-dessus de l'atelier.</p></body></html>)"));
  REQUIRE(t.about_subject >= 0.5);
  const auto addresses = addresses_of(t);
  // The labelled one goes, street and town; a small business may well be run from home.
  REQUIRE(addresses.size() == 1);
  CHECK(addresses.front().find("Bugeaud") != std::string::npos);
}

TEST_CASE("page evidence: a profile too thin to tell namesakes apart gets a warning")
{
  const auto warning = score::thin_profile_warning(yannick(false));
  REQUIRE(warning);
  CHECK(warning->args.front().find("location") != std::string::npos);
  CHECK_FALSE(score::thin_profile_warning(yannick(true)));
  auto one = yannick(false);
  one.pseudonyms = {"ycorbel29"};
  CHECK(score::thin_profile_warning(one)); // one detail is not enough
}

TEST_CASE("page evidence: on a page listing people, only the blocks about the person count, even "
          "when its title names them")
{
  const std::string html = R"(<html><head><title>Yannick Corbel - dump</title></head><body>
    <p>Yannick Corbel</p><p>12 rue de Siam, 29200 Brest</p>
    <p>Paul Durand</p><p>3 rue Jean Jaurès, 35000 Rennes</p><p>né le 04/05/1980</p>
    <p>Inès Roy</p><p>8 avenue Foch, 75016 Paris</p></body></html>)";
  const auto t = judged(yannick(true), with_page("https://justpaste.it/k2x9q",
                                                 "Yannick Corbel - dump", "Yannick Corbel", html));
  REQUIRE(t.category == "leak");
  REQUIRE(t.about_subject >= 0.5);
  std::vector<std::string> addresses;
  for (const auto& s : t.sensitive) {
    CAPTURE(s.text);
    CHECK(s.category != "birth_date"); // Paul Durand's
    if (s.category == "address") {
      addresses.push_back(s.text);
    }
  }
  REQUIRE(addresses.size() == 1);
  CHECK(addresses.front().find("Siam") != std::string::npos);
}

TEST_CASE("page evidence: many pages judged on several threads get the verdicts each gets alone")
{
  // Forty read pages are worth more than one thread (classify_all spreads them when the
  // process may use several cores): the verdicts must not depend on it.
  const auto p = yannick(true);
  std::vector<traces::Trace> list;
  for (int i = 0; i < 40; ++i) {
    const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    const std::string body =
      i % 3 == 0   ? "<p>Yannick Corbel, plombier à Brest, né en 1979. Tél. 06 12 34 56 " + n + "</p>"
      : i % 3 == 1 ? "<p>Yannick Corbel, boulanger à Lyon, 31 ans.</p>"
                   : "<p>Compte rendu du conseil municipal n° " + n + ".</p>";
    list.push_back(with_page("https://site" + n + ".example/page", "Page " + n, "Page " + n,
                             "<html><body>" + body + "</body></html>"));
  }
  std::vector<traces::Trace> alone = list;
  classify::Classifier(p, test::shipped_rules()).classify_all(list);
  for (std::size_t i = 0; i < alone.size(); ++i) {
    std::vector<traces::Trace> one{alone[i]};
    classify::Classifier(p, test::shipped_rules()).classify_all(one);
    CAPTURE(i);
    CHECK(list[i].kind == one.front().kind);
    CHECK(list[i].about_subject == one.front().about_subject);
    CHECK(list[i].sensitive.size() == one.front().sensitive.size());
    CHECK(list[i].evidence.size() == one.front().evidence.size());
  }
  CHECK(list[0].about_subject >= 0.5);
  CHECK(list[0].sensitive.size() >= 1);
}

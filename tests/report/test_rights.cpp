#include "report/markdown_report.hpp"
#include "report/rights.hpp"
#include "report/text_report.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

report::JurisdictionUsed france()
{
  report::JurisdictionUsed used;
  auto& j = used.jurisdiction;
  j.id = "FR";
  j.name = {"France", "France"};
  j.law.id = "eu-gdpr";
  j.law.name = {"General Data Protection Regulation (EU) 2016/679",
                "Règlement général sur la protection des données (UE) 2016/679"};
  j.law.short_name = {"GDPR", "RGPD"};
  score::Deadline d;
  d.months = 1;
  d.extension_months = 2;
  d.cite = {"Article 12(3) GDPR", "article 12, paragraphe 3, du RGPD"};
  j.deadline = d;
  j.delisting = true;
  used.how = score::ChosenBy::given;
  used.from = "FR";
  used.authority = score::Authority{"cnil", "FR", "CNIL", "https://www.cnil.fr/fr/plaintes", ""};
  return used;
}

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("rights: the law, why it was chosen, the authority and the deadline, in both languages")
{
  report::Report r;
  r.jurisdiction = france();
  auto rights = report::word_rights(r);
  CHECK(rights.heading == "Your rights");
  REQUIRE(rights.lines.size() == 4);
  CHECK(rights.lines[0]
        == "France: GDPR (General Data Protection Regulation (EU) 2016/679), chosen from the "
           "country in your profile (FR).");
  CHECK(rights.lines[1]
        == "Data-protection authority: CNIL; complaints: https://www.cnil.fr/fr/plaintes");
  CHECK(rights.lines[2]
        == "A site must answer your request within 1 month (Article 12(3) GDPR), or 2 months more "
           "if it tells you why.");
  CHECK(has(rights.lines[3], "delist"));

  r.lang = "fr";
  rights = report::word_rights(r);
  CHECK(rights.heading == "Vos droits");
  CHECK(has(rights.lines[0], "France : RGPD (Règlement général"));
  CHECK(has(rights.lines[0], "choisi d'après le pays de votre profil (FR)"));
  CHECK(has(rights.lines[2], "sous 1 mois (article 12, paragraphe 3, du RGPD), ou 2 mois de plus"));
}

TEST_CASE("rights: no country found says what to add, no law says so plainly, none, no section")
{
  report::Report r;
  CHECK(report::word_rights(r).heading.empty());
  CHECK(!has(report::render_text(r, util::Style{}), "Your rights"));

  report::JurisdictionUsed other;
  other.jurisdiction.id = "INTL";
  other.jurisdiction.name = {"Other countries", "Autres pays"};
  other.jurisdiction.law.id = "none";
  other.jurisdiction.law.name = {"No law identified in this file", ""};
  other.jurisdiction.notes = {"Write to the site's privacy address.", ""};
  r.jurisdiction = other;
  auto rights = report::word_rights(r);
  REQUIRE(rights.lines.size() == 2);
  CHECK(has(rights.lines[0], "Other countries: no law chosen, no country in your profile"));
  CHECK(has(rights.lines[0], "add \"country\" to your profile"));
  CHECK(rights.lines[1] == "Write to the site's privacy address.");

  r.jurisdiction->how = score::ChosenBy::phone;
  r.jurisdiction->jurisdiction.name = {"United States (no general privacy law)", ""};
  r.jurisdiction->jurisdiction.law.name = {"No general data-protection law", ""};
  rights = report::word_rights(r);
  CHECK(rights.lines[0]
        == "United States (no general privacy law): No general data-protection law, chosen from "
           "the country code of your phone number.");
}

TEST_CASE("rights: the text and Markdown reports show the section before the actions")
{
  report::Report r;
  r.jurisdiction = france();
  const std::string text = report::render_text(r, util::Style{});
  REQUIRE(has(text, "\nYour rights\n  France: GDPR"));
  CHECK(has(text, "  Data-protection authority: CNIL; complaints:"));
  const std::string md = report::render_markdown(r);
  CHECK(has(md, "\n## Your rights\n\n- France: GDPR"));
  CHECK(has(md, "- Data-protection authority: CNIL; complaints: https://www.cnil.fr/fr/plaintes"));
}

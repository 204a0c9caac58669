#include "report/redact.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("redact: folded data found again in the original text, phones in any format")
{
  report::Secrets s;
  s.folded = {"17 rue des allies"};
  s.phone_tails = {"639985214"};
  s.emails = {"helene.vasseur38@example.org"};
  CHECK(report::mask("Chez elle, 17 Rue des Alliés, Grenoble", s) == "Chez elle, [redacted], Grenoble");
  CHECK(report::mask("Tél. +33 6 39 98 52 14 ou 06.39.98.52.14", s) == "Tél. [redacted] ou [redacted]");
  CHECK(report::mask("https://annuaire.example/numero/0639985214", s) == "https://annuaire.example/numero/[redacted]");
  CHECK(report::mask("Écrire à Helene.Vasseur38@Example.org", s) == "Écrire à [redacted]");
  CHECK(report::mask("Commande 123456789 livrée", s) == "Commande 123456789 livrée");
  CHECK(report::mask("rien à cacher", s) == "rien à cacher");
}

// Every sentence of the program in English and French, in parts by what uses them
// (i18n_catalogue_*.cpp); report/i18n.cpp sorts them once for lookups.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

std::vector<CatalogueEntry> catalogue_entries()
{
  std::vector<CatalogueEntry> all;
  for (const auto part : {catalogue_report(),
                          catalogue_verdicts(),
                          catalogue_accounts(),
                          catalogue_history(),
                          catalogue_quiz(),
                          catalogue_search()}) {
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

} // namespace empreinte::report

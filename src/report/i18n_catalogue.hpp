// The sentences' catalogue as written, in parts by what uses them (report/i18n.cpp sorts it
// for lookups). A key is unique across all parts.
#pragma once

#include "report/i18n.hpp"

#include <span>
#include <vector>

namespace empreinte::report {

// What every report format says around the traces (i18n_catalogue_report.cpp).
std::span<const CatalogueEntry> catalogue_report();
// Verdicts, risks and findings (i18n_catalogue_verdicts.cpp).
std::span<const CatalogueEntry> catalogue_verdicts();
// The account check (i18n_catalogue_accounts.cpp).
std::span<const CatalogueEntry> catalogue_accounts();
// History, diff, review and removal requests (i18n_catalogue_history.cpp).
std::span<const CatalogueEntry> catalogue_history();
// The quiz on a training persona (i18n_catalogue_quiz.cpp).
std::span<const CatalogueEntry> catalogue_quiz();
// Why a search failed: the engine's answer, the transfer (i18n_catalogue_search.cpp).
std::span<const CatalogueEntry> catalogue_search();

// Every entry of every part, unsorted.
std::vector<CatalogueEntry> catalogue_entries();

} // namespace empreinte::report

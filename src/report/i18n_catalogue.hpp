// The sentences' catalogue as written (report/i18n.cpp sorts it for lookups).
#pragma once

#include "report/i18n.hpp"

#include <span>

namespace empreinte::report {

// Every entry, in the order of the source (grouped by stage), unsorted.
std::span<const CatalogueEntry> catalogue_entries();

} // namespace empreinte::report

// The report as CSV, for spreadsheets: one row per trace (docs/report.md, "CSV").
#pragma once

#include "report/report.hpp"

#include <string>
#include <string_view>

namespace empreinte::report {

// RFC 4180: a header row, then one row per trace (about the person first, riskiest first);
// CRLF line ends; fields quoted when they hold a comma, a quote or a line break. Column names
// are stable identifiers; human columns (title, why, first action) are in the report's language.
std::string render_csv(const Report& report);

// One CSV field. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return) gets a leading apostrophe, so that a page title can never become a formula.
std::string csv_field(std::string_view text);

} // namespace empreinte::report

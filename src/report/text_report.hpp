// The terminal summary: the four searches, then the traces by kind, then what failed.
#pragma once

#include "report/report.hpp"
#include "util/terminal.hpp"

#include <string>

namespace empreinte::report {

// Renders the report for a person reading a terminal. Third-party text is stripped of
// control characters; colour follows `style`.
std::string render_text(const Report& report, const util::Style& style);

} // namespace empreinte::report

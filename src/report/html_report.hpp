// The report as one self-contained HTML page (template reports/templates/report.html.mustache).
#pragma once

#include "report/report.hpp"
#include "util/result.hpp"

#include <string>

namespace empreinte::report {

// Renders the report with the Mustache `template_text`. Every third-party string goes
// through Mustache's HTML escaping; links are set only for http(s) URLs; the template carries
// a strict Content-Security-Policy and no script.
util::Result<std::string> render_html(const Report& report, const std::string& template_text);

} // namespace empreinte::report

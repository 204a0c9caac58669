// The report as Markdown, for pasting into notes and tickets.
#pragma once

#include "report/report.hpp"

#include <string>

namespace empreinte::report {

// Renders the report as Markdown. Third-party text is escaped so that no title or snippet
// can add a link, an image or HTML; links point only to http(s) URLs.
std::string render_markdown(const Report& report);

// `text` with Markdown and HTML punctuation escaped and control characters removed.
std::string markdown_escape(std::string_view text);

} // namespace empreinte::report

// The diff in the four formats people read: text for the terminal, Markdown for notes, HTML for
// a page to keep (JSON is diff_json.hpp).
#pragma once

#include "history/diff.hpp"
#include "util/result.hpp"
#include "util/terminal.hpp"

#include <string>

namespace empreinte::history {

std::string render_diff_text(const Diff& diff, const std::string& lang, const util::Style& style);

std::string render_diff_markdown(const Diff& diff, const std::string& lang);

// Renders reports/templates/diff.html.mustache: self-contained, strict CSP, no script, every
// third-party string escaped, links only to http(s) pages.
util::Result<std::string> render_diff_html(const Diff& diff,
                                           const std::string& lang,
                                           const std::string& template_text,
                                           const std::string& tool_version);

} // namespace empreinte::history

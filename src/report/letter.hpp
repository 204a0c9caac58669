// GDPR letters (erasure, rectification, objection), pre-filled for one trace.
#pragma once

#include "util/result.hpp"

#include <map>
#include <string>

namespace empreinte::report {

// Renders the Mustache letter template `template_text` with `values` (plain text: values
// are inserted as they are). Empty values are left unset so that optional sections vanish.
util::Result<std::string> render_letter(const std::string& template_text,
                                        const std::map<std::string, std::string>& values);

} // namespace empreinte::report

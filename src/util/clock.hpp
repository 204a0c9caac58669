// Wall-clock time for reports, overridable for reproducible output.
#pragma once

#include <string>

namespace empreinte::util {

// Current UTC time as RFC 3339 ("2026-11-22T10:00:00Z"). Honours SOURCE_DATE_EPOCH so that
// golden reports and examples are reproducible.
std::string now_rfc3339();

} // namespace empreinte::util

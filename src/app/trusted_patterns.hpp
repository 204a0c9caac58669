// The digests of the shipped rules' patterns, generated when the program is built
// (src/tools/pattern_digests.cpp): main() trusts them (classify::trust_patterns), so that
// each run does not parse again what the build already checked.
#pragma once

#include <cstdint>
#include <span>

namespace empreinte::app {

// Sorted; defined by the generated source, linked into the program only.
std::span<const std::uint64_t> trusted_pattern_digests();

} // namespace empreinte::app

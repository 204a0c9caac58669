// The shipped rules/ folder, loaded once per test process and shared by the tests that judge
// with it (each load costs a second under the sanitizers).
#pragma once

#include "classify/rules.hpp"

namespace empreinte::test {

// The rules of the source tree's rules/ folder (fails the calling test if they do not load).
const classify::Rules& shipped_rules();

} // namespace empreinte::test

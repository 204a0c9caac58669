// What every fuzz target shares: the repository's data, and property checks that abort (so
// that libFuzzer saves the input) with a message saying which property failed.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifndef EMPREINTE_SOURCE_DIR
#error "EMPREINTE_SOURCE_DIR must name the repository (fuzz/CMakeLists.txt sets it)"
#endif

namespace empreinte::fuzz {

// A file of the repository (rules/backends/duckduckgo.json...).
inline std::string source_path(std::string_view relative)
{
  return std::string(EMPREINTE_SOURCE_DIR) + "/" + std::string(relative);
}

[[noreturn]] inline void property_failed(const char* what, const char* file, int line)
{
  std::fprintf(stderr, "%s:%d: property violated: %s\n", file, line, what);
  std::abort();
}

} // namespace empreinte::fuzz

#define FUZZ_CHECK(condition)                                                                      \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      ::empreinte::fuzz::property_failed(#condition, __FILE__, __LINE__);                          \
    }                                                                                              \
  } while (false)

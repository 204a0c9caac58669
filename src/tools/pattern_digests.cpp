// Build step: parses every pattern of a rules folder, as `empreinte rules lint` does, and
// writes the digests of those that parse as a C++ source compiled into the program, which then
// does not parse them again at each start (classify::trust_patterns). A rules problem is
// printed as a warning, not an error: the tests and `rules lint` report it, and a pattern that
// fails is simply not trusted, so it is checked (and refused) at load as before.
//
//   empreinte_pattern_digests RULES_DIR OUTPUT.cpp
#include "classify/patterns.hpp"
#include "classify/rules.hpp"
#include "util/fs.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

int main(int argc, char** argv)
{
  using namespace empreinte;
  if (argc != 3) {
    std::fprintf(stderr, "usage: empreinte_pattern_digests RULES_DIR OUTPUT.cpp\n");
    return 2;
  }
  std::vector<std::uint64_t> digests;
  classify::record_checked_patterns(&digests);
  const auto problems = classify::lint_rules(argv[1]);
  classify::record_checked_patterns(nullptr);
  for (const auto& p : problems) {
    std::fprintf(stderr, "empreinte_pattern_digests: warning: %s: %s\n", p.where.c_str(),
                 p.message.c_str());
  }
  std::sort(digests.begin(), digests.end());
  digests.erase(std::unique(digests.begin(), digests.end()), digests.end());
  std::string out = fmt::format(
    "// Generated at build time by empreinte_pattern_digests (src/tools/pattern_digests.cpp):\n"
    "// the digests of the {} patterns that parse in\n// {}\n// Do not edit.\n"
    "#include \"app/trusted_patterns.hpp\"\n\n"
    "#include <array>\n\n"
    "namespace empreinte::app {{\n\n"
    "namespace {{\n"
    "const std::array<std::uint64_t, {}> k_digests{{{{\n",
    digests.size(), argv[1], digests.size());
  for (const auto d : digests) {
    out += fmt::format("  0x{:016x}U,\n", d);
  }
  out += "}};\n} // namespace\n\n"
         "std::span<const std::uint64_t> trusted_pattern_digests()\n{\n"
         "  return k_digests;\n}\n\n"
         "} // namespace empreinte::app\n";
  if (auto s = util::write_file_atomic(argv[2], out, 0644); !s) {
    std::fprintf(stderr, "empreinte_pattern_digests: error: %s: %s\n", argv[2],
                 s.error().what.c_str());
    return 1;
  }
  return 0;
}

// CTest runs each doctest case by name (doctest_discover_tests): a ';' in a name splits it
// into CMake list items, and the case would silently run nothing under ctest.
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <re2/re2.h>
#include <string>

TEST_CASE("tests: no test case name holds a semicolon")
{
  static const RE2 k_name(R"re(TEST_CASE\(\s*("(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*))re");
  std::size_t names = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(EMPREINTE_TEST_DIR)) {
    if (entry.path().extension() != ".cpp") {
      continue;
    }
    const std::string text = empreinte::test::slurp(entry.path());
    re2::StringPiece rest(text);
    std::string name;
    while (RE2::FindAndConsume(&rest, k_name, &name)) {
      CAPTURE(entry.path().string());
      CAPTURE(name);
      CHECK(name.find(';') == std::string::npos);
      ++names;
    }
  }
  CHECK(names > 200);
}

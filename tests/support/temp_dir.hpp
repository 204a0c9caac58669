// A fresh temporary directory per test, removed afterwards (as ccache's tests do).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace empreinte::test {

class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // Writes `content` to `relative` below the directory, creating parent folders.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

private:
  std::filesystem::path m_path;
};

// Reads a whole file (test helper: aborts the test on failure).
std::string slurp(const std::filesystem::path& path);

// A recorded search-engine response of tests/fixtures/search/ (PROVENANCE.md there).
std::string search_fixture(const std::string& relative);

} // namespace empreinte::test

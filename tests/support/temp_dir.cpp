// mkdtemp gives each test its own directory, so tests never share state.
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace empreinte::test {

TempDir::TempDir()
{
  std::string pattern = (fs::temp_directory_path() / "empreinte-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  std::error_code ec;
  fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
  for (auto it = fs::recursive_directory_iterator(m_path, ec);
       it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add | fs::perm_options::nofollow, ec);
  }
  fs::remove_all(m_path, ec);
}

fs::path TempDir::write(const std::string& relative, const std::string& content) const
{
  const fs::path p = m_path / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

std::string slurp(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string search_fixture(const std::string& relative)
{
  const fs::path path = fs::path(EMPREINTE_TEST_DIR) / "fixtures" / "search" / relative;
  if (!fs::is_regular_file(path)) {
    throw std::runtime_error("missing test fixture " + path.string());
  }
  return slurp(path);
}

} // namespace empreinte::test

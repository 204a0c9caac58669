#include "support/temp_dir.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace empreinte;

TEST_CASE("fs: atomic write replaces the file and leaves no temporary")
{
  test::TempDir dir;
  const auto target = dir.path() / "report.json";
  REQUIRE(util::write_file_atomic(target, "one"));
  REQUIRE(util::write_file_atomic(target, "two", 0600));
  CHECK(test::slurp(target) == "two");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) {
    ++files;
  }
  CHECK(files == 1);
  CHECK_FALSE(util::write_file_atomic(dir.path() / "missing" / "x", "data"));
}

TEST_CASE("fs: read_file errors are input errors with the path")
{
  test::TempDir dir;
  auto missing = util::read_file(dir.path() / "nope.json");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().where == (dir.path() / "nope.json").string());
  auto directory = util::read_file(dir.path());
  REQUIRE_FALSE(directory);
  dir.write("big", std::string(100, 'x'));
  CHECK_FALSE(util::read_file(dir.path() / "big", 10));
  CHECK(*util::read_file(dir.path() / "big", 100) == std::string(100, 'x'));
}

TEST_CASE("fs: cache_dir follows XDG_CACHE_HOME and is private")
{
  test::TempDir dir;
  ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1);
  auto cache = util::cache_dir();
  REQUIRE(cache);
  CHECK(*cache == dir.path() / "empreinte");
  struct stat st{};
  REQUIRE(::stat(cache->c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  ::unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("hash: FNV-1a is stable and fields are length-prefixed")
{
  CHECK(util::hash_hex("") == "cbf29ce484222325");
  CHECK(util::hash_hex("a") == "af63dc4c8601ec8c");
  CHECK(util::Hasher().field("ab").field("c").hex() != util::Hasher().field("a").field("bc").hex());
}

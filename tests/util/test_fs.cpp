#include "support/temp_dir.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"
#include "util/temp_files.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("fs: the writer refuses what is not a regular file and writes 0600")
{
  test::TempDir dir;
  const auto plain = dir.path() / "report.txt";
  REQUIRE(util::write_file_atomic(plain, "one"));
  struct stat st{};
  REQUIRE(::stat(plain.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(util::write_file_atomic(plain, "two", 0644)); // an explicit mode, whatever the umask
  REQUIRE(::stat(plain.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);

  auto refused = [&](const std::filesystem::path& p, const std::string& what) {
    auto s = util::write_file_atomic(p, "data");
    REQUIRE_FALSE(s);
    CHECK(s.error().kind == util::ErrorKind::input);
    CHECK(s.error().what.find(what) != std::string::npos);
    CHECK(s.error().where == p.string());
  };
  SUBCASE("a FIFO")
  {
    const auto fifo = dir.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    refused(fifo, "named pipe");
    CHECK(std::filesystem::is_fifo(fifo));
  }
  SUBCASE("a symbolic link, whose target is left alone")
  {
    const auto link = dir.path() / "link";
    std::filesystem::create_symlink(plain, link);
    refused(link, "symbolic link");
    CHECK(std::filesystem::is_symlink(link));
    CHECK(test::slurp(plain) == "two");
  }
  SUBCASE("a folder")
  {
    std::filesystem::create_directory(dir.path() / "sub");
    refused(dir.path() / "sub", "folder");
  }
  SUBCASE("a device node (as root only: creating one needs it)")
  {
    const auto dev = dir.path() / "null";
    if (::geteuid() == 0 && ::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
      refused(dev, "device");
      REQUIRE(::lstat(dev.c_str(), &st) == 0);
      CHECK(S_ISCHR(st.st_mode));
    }
  }
  std::size_t temporaries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    temporaries += e.path().filename().string().find(".tmp.") != std::string::npos;
  }
  CHECK(temporaries == 0);
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

TEST_CASE("fs: devices and pipes are read with the same bound as files")
{
  // Regression: `plan --profile /dev/zero` read 4.5 GB in 10 s.
  auto zero = util::read_file("/dev/zero", 1024 * 1024);
  REQUIRE_FALSE(zero);
  CHECK(zero.error().kind == util::ErrorKind::input);
  CHECK(zero.error().what.find("too large") != std::string::npos);
  auto empty = util::read_file("/dev/null", 10);
  REQUIRE(empty);
  CHECK(empty->empty());
  test::TempDir dir;
  const auto loop = dir.path() / "loop.json";
  std::filesystem::create_symlink(loop, loop);
  auto looped = util::read_file(loop);
  REQUIRE_FALSE(looped);
  CHECK(looped.error().what == "symbolic link loop");
  std::filesystem::create_symlink(dir.path() / "gone", dir.path() / "broken");
  auto broken = util::read_file(dir.path() / "broken");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().what == "file not found (a broken link)");
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

TEST_CASE("temp files: removed unless released, stale ones of dead processes removed")
{
  test::TempDir dir;
  {
    util::TempFile t(dir.path() / "a.tmp.1.0");
    dir.write("a.tmp.1.0", "x");
  }
  CHECK_FALSE(std::filesystem::exists(dir.path() / "a.tmp.1.0"));
  {
    util::TempFile t(dir.path() / "b");
    dir.write("b", "x");
    t.release();
  }
  CHECK(std::filesystem::exists(dir.path() / "b"));

  // A process that is gone for sure: one we started and waited for.
  const pid_t dead = ::fork();
  if (dead == 0) {
    ::_exit(0);
  }
  ::waitpid(dead, nullptr, 0);
  const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  auto make = [&](const std::string& name, bool aged) {
    const auto p = dir.write(name, "x");
    if (aged) {
      std::filesystem::last_write_time(p, old);
    }
    return p;
  };
  const auto stale = make("corpus-1.sqlite.tmp." + std::to_string(dead) + ".0", true);
  const auto recent = make("corpus-2.sqlite.tmp." + std::to_string(dead) + ".1", false);
  const auto mine = make("x.json.tmp." + std::to_string(::getpid()) + ".0", true);
  const auto alive = make("y.json.tmp.1.0", true); // pid 1 always exists
  const auto other = make("notes.tmp.txt", true);
  CHECK(util::remove_stale_temporaries(dir.path()) == 1);
  CHECK_FALSE(std::filesystem::exists(stale));
  for (const auto& kept : {recent, mine, alive, other}) {
    CHECK(std::filesystem::exists(kept));
  }
}

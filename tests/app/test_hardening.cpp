// End to end: the binary under hostile input and a hostile environment (devices, pipes,
// invalid text, full disks, interrupted runs). Each case is the regression test of a defect
// found by fuzzing or by hand (docs/fuzzing.md).
#include "support/loopback.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <thread>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace empreinte;
using json = nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("hardening: -o never replaces a device, a FIFO or a link, and writes 0600")
{
  test::TempDir dir;
  SUBCASE("a FIFO stays a FIFO")
  {
    const auto fifo = dir.path() / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto r = test::run_empreinte({"demo", "--quiet", "-o", fifo.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("will not replace a named pipe (FIFO)") != std::string::npos);
    CHECK(r.err.find(fifo.string()) != std::string::npos);
    CHECK(fs::is_fifo(fifo));
  }
  SUBCASE("a character device stays a device (as root only: creating one needs it)")
  {
    const auto dev = dir.path() / "f";
    if (::geteuid() == 0 && ::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0) {
      const auto r = test::run_empreinte({"demo", "--quiet", "-o", dev.string()});
      CHECK(r.exit_code == 2);
      struct stat st{};
      REQUIRE(::lstat(dev.c_str(), &st) == 0);
      CHECK(S_ISCHR(st.st_mode));
    }
  }
  SUBCASE("a symbolic link and its target are left alone")
  {
    const auto target = dir.write("target", "keep");
    const auto link = dir.path() / "link";
    fs::create_symlink(target, link);
    const auto r = test::run_empreinte({"demo", "--quiet", "-o", link.string()});
    CHECK(r.exit_code == 2);
    CHECK(fs::is_symlink(link));
    CHECK(test::slurp(target) == "keep");
  }
  SUBCASE("a report file is private")
  {
    const auto file = dir.write("report.txt", "old");
    ::chmod(file.c_str(), 0644);
    const auto r = test::run_empreinte({"demo", "--quiet", "-o", file.string()});
    CHECK(r.exit_code == 0);
    struct stat st{};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(test::slurp(file).size() > 100);
  }
}

TEST_CASE("hardening: devices and pipes given as input are read with a bound")
{
  // Regression: `plan --profile /dev/zero` read 4.5 GB in 10 s.
  const auto r = test::run_empreinte({"plan", "--profile", "/dev/zero"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("file too large") != std::string::npos);
  CHECK(r.err.find("/dev/zero") != std::string::npos);
  const auto c = test::run_empreinte({"classify", "--first", "A", "--last", "B", "/dev/zero"});
  CHECK(c.exit_code == 2);
  CHECK(c.err.find("file too large") != std::string::npos);
}

TEST_CASE("hardening: JSON number errors and keys given twice are input errors with a place")
{
  test::TempDir dir;
  // Regression: 1e999 gave "internal error ... please report it", exit 1, no position.
  const auto huge = dir.write("huge.json", "{\"first_name\": \"A\", \"last_name\": \"B\",\n \"x\": 1e999}");
  auto r = test::run_empreinte({"plan", "--profile", huge.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("number out of range at byte 44 (line 2, column 7) (" + huge.string() + ")")
        != std::string::npos);
  CHECK(r.err.find("internal error") == std::string::npos);
  const auto twice = dir.write("twice.json",
                               R"({"first_name": "A", "last_name": "B", "first_name": "C"})");
  r = test::run_empreinte({"plan", "--profile", twice.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("key \"first_name\" given twice (" + twice.string() + ": /first_name)")
        != std::string::npos);
  const auto results = dir.write("results.json", R"([{"url": "https://a.example/", "rank": 1e300}])");
  r = test::run_empreinte({"classify", "--first", "A", "--last", "B", results.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/0/rank") != std::string::npos);
}

namespace {

// A loopback Mojeek that counts the requests it gets, and the definition pointing at it.
struct CountingEngine
{
  test::LoopbackServer server;
  std::atomic<int> requests{0};
  test::TempDir dir;

  CountingEngine()
  {
    server.http().Get("/search", [this](const httplib::Request&, httplib::Response& res) {
      ++requests;
      res.set_content("<html><body><ul class=\"results-standard\"></ul></body></html>",
                      "text/html");
    });
    server.start();
    json def = json::parse(test::slurp(test::source_dir() + "/rules/backends/mojeek.json"));
    def["request"]["url"] = server.url() + "/search";
    def["politeness"] = {{"concurrency", 2}, {"min_interval_ms", 0}};
    dir.write("backends/mojeek.json", def.dump(2));
  }
  std::string backends() const { return (dir.path() / "backends").string(); }
};

} // namespace

TEST_CASE("hardening: invalid UTF-8 and control characters are refused where they enter")
{
  CountingEngine engine;
  auto audit = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"audit",       "--backend", "mojeek", "--backends-dir",
                                  engine.backends(), "--format", "json", "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_empreinte(args);
  };
  SUBCASE("a flag with invalid UTF-8 stops the audit before any search")
  {
    // Regression: --format json failed with an internal error after every search was sent.
    const auto r = audit({"--first", "Cam\xffille", "--last", "Martin"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the value is not valid UTF-8 (command line: --first)") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
    CHECK(engine.requests == 0);
  }
  SUBCASE("a control character in a profile file is refused and never echoed")
  {
    const auto profile = engine.dir.write(
      "me.json", R"({"first_name": "Camille", "last_name": "Martin", "pseudonyms": ["x\u001b[2Jy"]})");
    const auto r = audit({"--profile", profile.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("contains a control character (" + profile.string() + ": /pseudonyms/0)")
          != std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
    const auto plan = test::run_empreinte({"plan", "--profile", profile.string()});
    CHECK(plan.exit_code == 2);
    CHECK(plan.out.empty());
    CHECK(engine.requests == 0);
  }
  SUBCASE("a header value cannot carry a line break")
  {
    const auto r = audit({"--first", "A", "--last", "B", "--user-agent", "x\r\nX-Injected: 1"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--user-agent") != std::string::npos);
    CHECK(engine.requests == 0);
  }
  SUBCASE("valid text goes through")
  {
    const auto r = audit({"--first", "Hélène", "--last", "Vasseur", "--max-queries", "1"});
    CHECK(r.exit_code == 3); // the loopback page is not Mojeek's: layout_changed
    CHECK(engine.requests == 1);
  }
  SUBCASE("error messages never drive the terminal")
  {
    const auto r = test::run_empreinte({"plan", "--profile", "/nonexistent/\x1b[31mred"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("hardening: credentials in a searxng base_url are masked in listings and reports")
{
  // Regression: `backends` printed http://u:PASS@host/ in clear.
  const std::map<std::string, std::string> env{{"SEARXNG_URL", "http://me:S3cret-pass@127.0.0.1:9/"}};
  const auto list = test::run_empreinte({"backends"}, env);
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("S3cret-pass") == std::string::npos);
  CHECK(list.out.find("http://***@127.0.0.1:9 (SEARXNG_URL)") != std::string::npos);
  const auto audit = test::run_empreinte({"audit", "--first", "A", "--last", "B", "--backend",
                                          "searxng", "--max-queries", "1", "--format", "json"},
                                         env);
  CHECK(audit.exit_code == 3); // port 9 is closed
  CHECK((audit.out + audit.err).find("S3cret-pass") == std::string::npos);
}

namespace {

// Files in `dir` (recursively) whose name holds ".tmp.": temporaries.
std::vector<std::string> temporaries(const fs::path& dir)
{
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->path().filename().string().find(".tmp.") != std::string::npos) {
      out.push_back(it->path().string());
    }
  }
  return out;
}

// A corpus of `pages` pages of some kilobytes each: long enough to index to be interrupted.
fs::path write_big_corpus(const test::TempDir& dir, int pages)
{
  std::string text;
  for (int w = 0; w < 400; ++w) {
    text += (w % 7 == 0 ? "Camille Martin " : "lorem ipsum dolor ") + std::to_string(w) + " ";
  }
  for (int i = 0; i < pages; ++i) {
    dir.write("corpus/www.site" + std::to_string(i % 40) + ".example/p" + std::to_string(i) + ".html",
              "<html><head><title>Page " + std::to_string(i) + "</title></head><body><p>" + text
                + "</p></body></html>");
  }
  return dir.path() / "corpus";
}

} // namespace

TEST_CASE("hardening: a full disk while indexing falls back to memory and leaves nothing")
{
  // Regression: exit 1, no path, no advice, no fallback. A file-size limit makes every write
  // past 64 KiB fail as a full disk would (empreinte ignores SIGXFSZ for this reason).
  test::TempDir cache;
  const auto r = test::run_process(
    {"/usr/bin/prlimit", "--fsize=65536", EMPREINTE_BINARY, "demo", "--format", "json"},
    {{"XDG_CACHE_HOME", cache.path().string()}});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: cannot store the corpus index in " + (cache.path() / "empreinte").string())
        != std::string::npos);
  CHECK(r.err.find("indexed in memory instead: free some disk space") != std::string::npos);
  CHECK(json::parse(r.out, nullptr, false)["complete"] == true);
  CHECK(temporaries(cache.path()).empty());
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(cache.path() / "empreinte")) {
    (void)e;
    ++files;
  }
  CHECK(files == 0);
}

TEST_CASE("hardening: Ctrl-C while indexing leaves no temporary file, stale ones are removed")
{
  // Regression: corpus-*.sqlite.tmp.* files (MBs, mode 0644) stayed behind for good.
  test::TempDir dir;
  const fs::path corpus = write_big_corpus(dir, 1500);
  const fs::path cache = dir.path() / "cache";
  std::vector<std::string> env_strings{"XDG_CACHE_HOME=" + cache.string(), "ALL_PROXY=http://127.0.0.1:9"};
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    if (entry.rfind("XDG_CACHE_HOME=", 0) != 0 && entry.rfind("ALL_PROXY=", 0) != 0) {
      env_strings.push_back(entry);
    }
  }
  std::vector<char*> envp;
  for (auto& e : env_strings) {
    envp.push_back(e.data());
  }
  envp.push_back(nullptr);
  std::vector<std::string> args{EMPREINTE_BINARY, "audit", "--first", "Camille", "--last",
                                "Martin", "--corpus", corpus.string(), "--quiet"};
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait for the index's temporary file, then interrupt as Ctrl-C would.
  bool seen = false;
  int status = 0;
  for (int i = 0; i < 2000 && !seen; ++i) {
    seen = !temporaries(cache).empty();
    if (!seen) {
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        break; // indexing finished before we saw it: the machine is fast, nothing to check
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  if (seen) {
    struct stat st{};
    const auto tmp = temporaries(cache);
    if (!tmp.empty() && ::stat(tmp.front().c_str(), &st) == 0) {
      CHECK((st.st_mode & 0777) == 0600);
    }
    ::kill(pid, SIGINT);
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGINT);
  }
  if (!seen && ::waitpid(pid, &status, WNOHANG) == 0) {
    ::waitpid(pid, &status, 0); // never saw it (a loaded machine): let the run finish
  }
  MESSAGE("interrupted while indexing: " << seen);
  CHECK(temporaries(cache).empty());

  // One left by a run killed outright is removed by the next run that indexes.
  const pid_t dead = ::fork();
  if (dead == 0) {
    ::_exit(0);
  }
  ::waitpid(dead, nullptr, 0);
  fs::create_directories(cache / "empreinte");
  const auto stale = cache / "empreinte" / ("corpus-0.sqlite.tmp." + std::to_string(dead) + ".0");
  { std::ofstream(stale) << "half an index"; }
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
  const auto r = test::run_empreinte({"demo", "--quiet"}, {{"XDG_CACHE_HOME", cache.string()}});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
}

TEST_CASE("hardening: classify refuses more results than an audit can find")
{
  // Regression: 300,000 results took 2.2 GB and 15 s (the 64 MB input cap allowed ~4 GB).
  test::TempDir dir;
  std::string rows = "{\"results\": [";
  for (int i = 0; i < 20'001; ++i) {
    rows += (i ? ",{\"url\": \"https://a.example/" : "{\"url\": \"https://a.example/")
            + std::to_string(i) + "\"}";
  }
  rows += "]}";
  const auto file = dir.write("many.json", rows);
  const auto r = test::run_empreinte({"classify", "--first", "A", "--last", "B", file.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("20001 results, more than the 20000 one run classifies") != std::string::npos);
  CHECK(r.err.find("split the file") != std::string::npos);
}

TEST_CASE("hardening: a broken user backend definition does not stop an offline audit")
{
  test::TempDir dir;
  dir.write("config/empreinte/backends/broken.json", "{\"schema\": \"empreinte/backend/v1\"");
  dir.write("config/empreinte/config.json", "{\"schema\": ");
  const std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", (dir.path() / "config").string()}};
  const auto demo = test::run_empreinte({"demo", "--quiet", "--format", "json"}, env);
  CHECK(demo.exit_code == 0);
  const auto audit = test::run_empreinte({"audit", "--first", "Camille", "--last", "Martin",
                                          "--corpus", test::source_dir() + "/training/corpus",
                                          "--backend", "corpus", "--quiet"},
                                         env);
  CHECK(audit.exit_code == 0);
  // A web audit still reads them, and says what is wrong.
  const auto web = test::run_empreinte({"audit", "--first", "A", "--last", "B"}, env);
  CHECK(web.exit_code == 2);
  CHECK(web.err.find("broken.json") != std::string::npos);
}

// posix_spawn with pipes drained by poll(): no shell, no quoting, no deadlock on big output.
#include "support/process.hpp"

#include "support/temp_dir.hpp"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace empreinte::test {

std::string source_dir()
{
  return EMPREINTE_SOURCE_DIR;
}

ProcessResult run_empreinte(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env)
{
  std::vector<std::string> argv{EMPREINTE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, env);
}

std::string schema_violations(const std::string& report_json)
{
  return schema_violations(report_json, "report.schema.json");
}

std::string schema_violations(const std::string& json_text, const std::string& schema_name)
{
  static TempDir dir;
  static int counter = 0;
  const auto file = dir.write("report-" + std::to_string(counter++) + ".json", json_text);
  const auto r = run_process({"/usr/bin/python3",
                              source_dir() + "/tests/tools/validate_report.py",
                              source_dir() + "/reports/" + schema_name,
                              file.string()},
                             {{"PYTHONNOUSERSITE", "1"}});
  return r.exit_code == 0 ? std::string() : r.out + r.err;
}

ProcessResult run_process(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env)
{
  static TempDir cache; // one cache for the whole run, never the user's
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const auto eq = entry.find('=');
    if (eq != std::string::npos) {
      vars[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
  }
  vars["XDG_CACHE_HOME"] = cache.path().string();
  // Each run starts with an empty history (the user's is never touched) unless the test gives
  // XDG_DATA_HOME to share one between runs.
  static int runs = 0;
  vars["XDG_DATA_HOME"] = (cache.path() / ("data-" + std::to_string(runs++))).string();
  // Neither the user's config file nor their API keys may change what a test sees.
  vars["XDG_CONFIG_HOME"] = (cache.path() / "config").string();
  for (const char* key : {"BRAVE_API_KEY", "GOOGLE_CSE_KEY", "GOOGLE_CSE_CX", "SEARXNG_URL", "http_proxy",
                          "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"}) {
    vars.erase(key);
  }
  // Tests never touch the internet: a request that is not for loopback goes to a closed port.
  vars["ALL_PROXY"] = "http://127.0.0.1:9";
  vars["NO_PROXY"] = "127.0.0.1,localhost";
  vars.erase("NO_COLOR");
  // Reports follow the locale: tests see English unless they ask for another.
  vars.erase("LC_ALL");
  vars.erase("LC_MESSAGES");
  vars.erase("LANG");
  for (const auto& [k, v] : env) {
    vars[k] = v;
  }
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : vars) {
    env_strings.push_back(k + "=" + v);
  }
  std::vector<char*> envp;
  for (auto& s : env_strings) {
    envp.push_back(s.data());
  }
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings = args;
  std::vector<char*> argv;
  for (auto& s : argv_strings) {
    argv.push_back(s.data());
  }
  argv.push_back(nullptr);

  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    throw std::runtime_error("posix_spawn failed");
  }
  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
        const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
        if (n > 0) {
          sinks[i]->append(buffer, static_cast<std::size_t>(n));
        } else {
          ::close(fds[i].fd);
          fds[i].fd = -1;
          --open_fds;
        }
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

} // namespace empreinte::test

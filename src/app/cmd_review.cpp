// `empreinte review [REPORT|latest]`: the "is this me?" questions on a terminal. The terminal
// is put in single-key mode for the session and restored on every way out, Ctrl-C included.
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "history/review_session.hpp"
#include "profile/profile.hpp"
#include "report/i18n.hpp"
#include "util/terminal.hpp"
#include "util/url.hpp"

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace empreinte::app {

namespace {

struct ReviewCommand
{
  std::string report = "latest";
  std::string profile;
  std::string subject;
  std::string lang;
};

termios g_saved{}; // the terminal as it was, for the signal handler

extern "C" void restore_and_die(int sig)
{
  ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Single keys without echo while alive; the terminal as it was afterwards.
class KeyMode
{
public:
  KeyMode()
  {
    if (::tcgetattr(STDIN_FILENO, &g_saved) != 0) {
      return;
    }
    termios raw = g_saved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO)); // ISIG stays: Ctrl-C still works
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
    if (m_active) {
      std::signal(SIGINT, restore_and_die);
      std::signal(SIGTERM, restore_and_die);
      std::signal(SIGHUP, restore_and_die);
    }
  }
  ~KeyMode()
  {
    if (m_active) {
      ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
      std::signal(SIGINT, SIG_DFL);
      std::signal(SIGTERM, SIG_DFL);
      std::signal(SIGHUP, SIG_DFL);
    }
  }
  KeyMode(const KeyMode&) = delete;
  KeyMode& operator=(const KeyMode&) = delete;

private:
  bool m_active = false;
};

int read_key()
{
  unsigned char c = 0;
  while (true) {
    const ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n == 1) {
      return c;
    }
    if (n < 0 && errno == EINTR) {
      continue;
    }
    return -1;
  }
}

// $BROWSER, else xdg-open; run without a shell, its output discarded.
util::Status open_in_browser(const std::string& url)
{
  if (!util::parse_http_url(url) || url.rfind("http", 0) != 0) {
    return util::input_error("not an http(s) page");
  }
  const char* browser = std::getenv("BROWSER");
  std::string program = browser && *browser ? browser : "xdg-open";
  std::vector<std::string> args{program, url};
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    return util::runtime_error(program + " cannot be run (set BROWSER)");
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return util::runtime_error(program + " failed (set BROWSER)");
  }
  return util::ok_status();
}

int run_review(const ReviewCommand& cmd)
{
  const std::string lang = resolve_lang(cmd.lang);
  if (!::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO)) {
    return report_error(util::input_error("review asks questions and needs a terminal",
                                          "standard input/output",
                                          "without one, settle pages one at a time: empreinte mark "
                                          "URL --me|--not-me --profile FILE"));
  }
  auto opened = open_history(history::Store::Access::read_only);
  if (!opened) {
    return report_error(opened.error());
  }
  const history::Store* store = *opened ? &**opened : nullptr;
  std::string subject;
  if (store && (cmd.report == "latest" || cmd.report == "previous")) {
    auto chosen = choose_subject(*store, cmd.subject);
    if (!chosen) {
      return report_error(chosen.error());
    }
    subject = *chosen;
  }
  auto audit = read_audit(store, cmd.report, subject);
  if (!audit) {
    return report_error(audit.error());
  }
  std::string profile_path = cmd.profile;
  if (profile_path.empty() && store && audit->run) {
    if (auto run = store->run(*audit->run); run && *run) {
      profile_path = (*run)->profile_path;
    }
  }
  if (profile_path.empty()) {
    return report_error(util::input_error("no profile file to write your answers to",
                                          "--profile",
                                          "give the profile file the audit used: --profile FILE"));
  }
  auto profile = profile::load_profile(profile_path);
  if (!profile) {
    return report_error(profile.error());
  }
  const auto items = history::review_items(audit->report, profile->is_me, profile->not_me);
  if (items.empty()) {
    fmt::print("{}\n", report::tr(lang, "review.nothing"));
    return k_exit_ok;
  }
  history::ReviewIo io;
  io.read_key = read_key;
  io.write = [](std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  };
  io.open = open_in_browser;
  io.width = util::text_width(stdout);
  util::Result<history::ReviewTally> tally = history::ReviewTally{};
  {
    KeyMode keys;
    tally = history::run_review(items, profile_path, lang, io);
  }
  if (!tally) {
    return report_error(tally.error());
  }
  return k_exit_ok;
}

} // namespace

void add_review_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<ReviewCommand>();
  CLI::App* sub = app.add_subcommand("review",
                                     "On a terminal: is each uncertain page about you? Answers go "
                                     "to is_me / not_me in the profile");
  sub->footer(k_exit_help);
  sub->add_option("REPORT",
                  cmd->report,
                  "latest (default), a run id, or a report saved with --format json -o FILE")
      ->capture_default_str();
  sub->add_option("--profile",
                  cmd->profile,
                  "The profile file to update (default: the one the stored audit read)");
  sub->add_option(
      "--subject", cmd->subject, "Whose latest audit, when the history holds several people");
  add_lang_option(*sub, cmd->lang);
  sub->callback([cmd, &runner] { runner = [cmd] { return run_review(*cmd); }; });
}

} // namespace empreinte::app

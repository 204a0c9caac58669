// The handler may only call async-signal-safe functions: it reads a fixed table of paths
// guarded by lock-free atomics and calls unlink(), signal() and raise(), nothing else.
#include "util/temp_files.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace empreinte::util {

namespace {

constexpr int k_slots = 64;
constexpr std::size_t k_path_max = 4096;
constexpr auto k_stale_after = std::chrono::minutes(5);

struct Slot
{
  std::atomic<bool> used{false};  // claimed by a TempFile
  std::atomic<bool> ready{false}; // path written: the handler may unlink it
  char path[k_path_max] = {};
};

std::array<Slot, k_slots> g_slots;

static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int sig)
{
  for (auto& slot : g_slots) {
    if (slot.ready.load()) {
      ::unlink(slot.path);
    }
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

int claim(const fs::path& path)
{
  const std::string text = path.string();
  if (text.size() >= k_path_max) {
    return -1;
  }
  for (int i = 0; i < k_slots; ++i) {
    bool expected = false;
    if (g_slots[i].used.compare_exchange_strong(expected, true)) {
      std::memcpy(g_slots[i].path, text.c_str(), text.size() + 1);
      g_slots[i].ready.store(true);
      return i;
    }
  }
  return -1; // more temporaries than slots at once: only the interrupted case loses
}

void unclaim(int slot)
{
  if (slot >= 0) {
    g_slots[slot].ready.store(false);
    g_slots[slot].used.store(false);
  }
}

// "NAME.tmp.PID.N" -> PID, or 0 when the name is not one of ours.
pid_t temporary_owner(const std::string& name)
{
  const auto tmp = name.rfind(".tmp.");
  if (tmp == std::string::npos) {
    return 0;
  }
  const std::string rest = name.substr(tmp + 5);
  const auto dot = rest.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == rest.size()) {
    return 0;
  }
  long long pid = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (i == dot) {
      continue;
    }
    if (c < '0' || c > '9') {
      return 0;
    }
    if (i < dot) {
      pid = pid * 10 + (c - '0');
      if (pid > 1'000'000'000) {
        return 0;
      }
    }
  }
  return static_cast<pid_t>(pid);
}

} // namespace

TempFile::TempFile(fs::path path) : m_path(std::move(path)), m_slot(claim(m_path)) {}

TempFile::~TempFile()
{
  if (m_slot >= 0) {
    std::error_code ec;
    fs::remove(m_path, ec);
  }
  unclaim(m_slot);
}

void TempFile::release()
{
  unclaim(m_slot);
  m_slot = -1;
}

void install_interrupt_cleanup()
{
  struct sigaction action{};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old{};
    // A signal ignored by whoever started us (nohup, a shell's background job) stays ignored.
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) {
      ::sigaction(sig, &action, nullptr);
    }
  }
  std::signal(SIGXFSZ, SIG_IGN);
}

std::size_t remove_stale_temporaries(const fs::path& dir)
{
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const pid_t pid = temporary_owner(entry.path().filename().string());
    if (pid <= 0 || pid == ::getpid()) {
      continue;
    }
    // ESRCH: no such process (EPERM: it exists, another user's). The age guards against a
    // process of another machine or container sharing the folder: a file being written is
    // recent.
    std::error_code tec;
    const auto age = fs::file_time_type::clock::now() - fs::last_write_time(entry.path(), tec);
    if (!tec && age > k_stale_after && ::kill(pid, 0) != 0 && errno == ESRCH) {
      std::error_code rec;
      removed += fs::remove(entry.path(), rec) ? 1 : 0;
    }
  }
  return removed;
}

} // namespace empreinte::util

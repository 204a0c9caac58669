// std::thread::hardware_concurrency counts the machine's cores: in a container limited to one
// CPU, or under `taskset -c 0`, it would start threads that only take turns.
#include "util/cpus.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sched.h>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace empreinte::util {

namespace {

std::optional<long long> parse_number(std::string_view text)
{
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<unsigned> cpus_of(long long quota, long long period)
{
  if (quota <= 0 || period <= 0) {
    return std::nullopt;
  }
  const long long cpus = (quota + period - 1) / period;
  return static_cast<unsigned>(std::clamp<long long>(cpus, 1, 1 << 16));
}

std::string read_small(const std::string& path)
{
  std::ifstream in(path);
  std::string text;
  std::getline(in, text, '\0');
  return text.substr(0, 4096);
}

unsigned affinity_cpus()
{
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) {
      return static_cast<unsigned>(n);
    }
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

// The quota of this process's cgroup or of any of its ancestors, the smallest.
std::optional<unsigned> quota_cpus()
{
  std::optional<unsigned> best;
  auto take = [&](std::optional<unsigned> q) {
    if (q && (!best || *q < *best)) {
      best = q;
    }
  };
  std::istringstream lines(read_small("/proc/self/cgroup"));
  std::string line;
  while (std::getline(lines, line)) {
    const auto first = line.find(':');
    const auto second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) {
      continue;
    }
    const std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    const bool v2 = line.compare(0, first, "0") == 0 && controllers.empty();
    bool v1_cpu = false;
    std::istringstream names(controllers);
    for (std::string name; std::getline(names, name, ',');) {
      v1_cpu = v1_cpu || name == "cpu";
    }
    if (!v2 && !v1_cpu) {
      continue;
    }
    if (path.find("..") != std::string::npos) {
      continue;
    }
    for (;;) {
      const std::string dir = path == "/" ? std::string() : path;
      if (v2) {
        take(cpus_from_cpu_max(read_small("/sys/fs/cgroup" + dir + "/cpu.max")));
      } else {
        for (const char* mount : {"/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"}) {
          const std::string base = mount + dir;
          take(cpus_from_cfs(read_small(base + "/cpu.cfs_quota_us"),
                             read_small(base + "/cpu.cfs_period_us")));
        }
      }
      if (path.empty() || path == "/") {
        break;
      }
      const auto slash = path.rfind('/');
      path = slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
    }
  }
  return best;
}

} // namespace

std::optional<unsigned> cpus_from_cpu_max(std::string_view cpu_max)
{
  const auto space = cpu_max.find(' ');
  if (space == std::string_view::npos) {
    return std::nullopt;
  }
  const auto quota = parse_number(cpu_max.substr(0, space));
  const auto period = parse_number(cpu_max.substr(space + 1));
  if (!quota || !period) {
    return std::nullopt; // "max": no quota
  }
  return cpus_of(*quota, *period);
}

std::optional<unsigned> cpus_from_cfs(std::string_view quota_us, std::string_view period_us)
{
  const auto quota = parse_number(quota_us);
  const auto period = parse_number(period_us);
  if (!quota || !period) {
    return std::nullopt;
  }
  return cpus_of(*quota, *period);
}

unsigned available_cpus()
{
  static const unsigned cpus = [] {
    unsigned n = affinity_cpus();
    if (const auto quota = quota_cpus()) {
      n = std::min(n, *quota);
    }
    return std::max(1u, n);
  }();
  return cpus;
}

} // namespace empreinte::util

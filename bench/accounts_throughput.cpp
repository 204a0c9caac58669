// Measures the account check against a loopback server that imitates the sites of
// rules/accounts.json with a fixed latency: wall time against the bound set by the politeness
// settings, requests sent, peak memory, and a cached re-run (docs/benchmarks.md). Prints
// figures; never fails on timing.
//
//   empreinte_bench_accounts [--sites N] [--latency-ms L] [--concurrency C] [--interval-ms I]
//                            [--read]   (also read the profile pages found)
#include "accounts/checker.hpp"
#include "accounts/evidence.hpp"
#include "read/web_reader.hpp"
#include "support/site_imitator.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <signal.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace empreinte;
using Clock = std::chrono::steady_clock;

namespace {

struct Settings
{
  std::size_t sites = 500;
  int latency_ms = 100;
  int concurrency = accounts::k_default_concurrency;
  int interval_ms = static_cast<int>(accounts::k_default_host_interval.count());
  bool read = false;
};

// The server runs in a child process, so the client's peak memory is its own.
pid_t start_server(const accounts::SiteList& list, int latency_ms, int& port)
{
  int fds[2];
  if (::pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    test::SiteImitator imitator(list, {"benchuser1"});
    httplib::Server server;
    // One thread per open connection: each imitated site is a server of its own on the
    // internet, and a connection the client keeps alive holds a thread for up to 5 s.
    server.new_task_queue = [] { return new httplib::ThreadPool(1024); };
    server.set_tcp_nodelay(true);
    server.Get(".*", [&, latency_ms](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
      if (req.path == "/robots.txt") {
        res.status = 404;
      } else if (!imitator.answer(req, res)) {
        res.status = 500;
      }
    });
    const int p = server.bind_to_any_port("127.0.0.1");
    for (int fd = 3; fd < 256; ++fd) {
      int accepting = 0;
      socklen_t len = sizeof accepting;
      if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) == 0 && accepting) {
        ::listen(fd, 256);
      }
    }
    if (::write(fds[1], &p, sizeof p) != sizeof p) {
      std::_Exit(1);
    }
    ::close(fds[1]);
    server.listen_after_bind();
    std::_Exit(0);
  }
  ::close(fds[1]);
  if (::read(fds[0], &port, sizeof port) != sizeof port) {
    std::perror("read");
    std::exit(1);
  }
  ::close(fds[0]);
  return pid;
}

std::string host_of(const std::string& url)
{
  const auto u = util::parse_http_url(url);
  return u ? u->host : url;
}

} // namespace

int main(int argc, char** argv)
{
  Settings s;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (a == "--sites") {
      s.sites = static_cast<std::size_t>(v);
    } else if (a == "--latency-ms") {
      s.latency_ms = v;
    } else if (a == "--concurrency") {
      s.concurrency = v;
    } else if (a == "--interval-ms") {
      s.interval_ms = v;
    }
  }
  for (int i = 1; i < argc; ++i) {
    s.read = s.read || std::string(argv[i]) == "--read";
  }
  auto list = accounts::load_sites(std::string(EMPREINTE_SOURCE_DIR) + "/rules/accounts.json",
                                   std::string(EMPREINTE_SOURCE_DIR) + "/rules/accounts-wmn.json");
  if (!list) {
    fmt::print(stderr, "{}\n", list.error().to_string());
    return 1;
  }
  // Sites the imitator can route (not {user}.host), adult ones left out, first by id.
  std::vector<const accounts::Site*> sites;
  for (const auto& site : list->sites) {
    const std::string t = site.probe.empty() ? site.url : site.probe;
    if (!site.nsfw && host_of(t).find("{user}") == std::string::npos
        && t.substr(0, t.find('/', 8)).find("{user}") == std::string::npos
        && sites.size() < s.sites) {
      sites.push_back(&site);
    }
  }
  int port = 0;
  const pid_t server = start_server(*list, s.latency_ms, port);
  const std::vector<std::string> names = {"benchuser1", "benchuser2"};

  accounts::CheckerOptions o;
  o.engine.connect_to = {"::127.0.0.1:" + std::to_string(port)};
  o.engine.proxy = "";
  o.engine.max_concurrency = s.concurrency;
  o.engine.max_retries = 1;
  o.engine.user_agent = "empreinte-bench";
  o.per_host_interval = std::chrono::milliseconds(s.interval_ms);
  o.rewrite = [](const std::string& url) {
    return url.rfind("https://", 0) == 0 ? "http://" + url.substr(8) : url;
  };
  const auto dir = std::filesystem::temp_directory_path()
                   / fmt::format("empreinte-bench-accounts-{}", ::getpid());
  o.cache.emplace(dir / "accounts", std::chrono::hours(1));

  // The bound: every request takes the latency, C at a time; and a host's requests are
  // spaced by max(interval, latency) one after the other.
  std::map<std::string, int> per_host;
  std::size_t requests = 0;
  for (const auto* site : sites) {
    int n = 0;
    for (const auto& name : names) {
      n += site->applies_to(name) ? 1 : 0;
    }
    n += n > 0 ? 1 : 0; // the control probe
    per_host[host_of(site->request_url("x"))] += n;
    requests += static_cast<std::size_t>(n);
  }
  int worst = 0;
  for (const auto& [h, n] : per_host) {
    worst = std::max(worst, n);
  }
  const double lat = s.latency_ms / 1000.0;
  const double throughput_bound = static_cast<double>(requests) * lat / s.concurrency;
  const double host_bound = (worst - 1) * std::max(lat, s.interval_ms / 1000.0) + lat;
  const double bound = std::max(throughput_bound, host_bound);

  const auto start = Clock::now();
  auto run = accounts::check_accounts(sites, names, *list, o);
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::map<accounts::Status, int> counts;
  for (const auto& c : run.checks) {
    ++counts[c.status];
  }
  std::size_t read_sent = 0;
  double read_wall = 0;
  if (s.read) {
    const auto reading = nlohmann::json::parse(
      R"({"schema": "empreinte/reading/v1", "block_status": [403, 429], "login_walls": []})");
    auto walls = read::Walls::from_json(reading, nlohmann::json::object(), "bench");
    read::WebReaderOptions ro;
    ro.engine = o.engine;
    ro.per_site_interval = o.per_host_interval;
    read::WebPageReader reader(std::move(*walls), ro);
    profile::Profile person;
    person.first_name = "Bench";
    person.last_name = "User";
    const auto t0 = Clock::now();
    (void)accounts::read_profiles(run.checks, reader, person, *list, o.rewrite);
    read_wall = std::chrono::duration<double>(Clock::now() - t0).count();
    read_sent = reader.requests_sent();
  }
  const auto t1 = Clock::now();
  auto again = accounts::check_accounts(sites, names, *list, o);
  const double cached_wall = std::chrono::duration<double>(Clock::now() - t1).count();

  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);
  std::filesystem::remove_all(dir);
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);

  fmt::print("account check: {} sites x {} pseudonyms, latency {} ms, concurrency {}, "
             "host interval {} ms\n",
             sites.size(), names.size(), s.latency_ms, s.concurrency, s.interval_ms);
  fmt::print("  requests expected {} (checks + one control per site), sent {}\n", requests,
             run.requests_sent);
  fmt::print("  bound: max(requests x latency / concurrency = {:.2f} s, busiest host {} "
             "requests = {:.2f} s) = {:.2f} s\n",
             throughput_bound, worst, host_bound, bound);
  fmt::print("  wall {:.2f} s = {:.2f} x the bound\n", wall, wall / bound);
  fmt::print("  statuses:");
  for (const auto& [st, n] : counts) {
    fmt::print(" {} {}", accounts::status_name(st), n);
  }
  fmt::print("\n");
  if (s.read) {
    fmt::print("  reading the profiles found: {} requests (robots.txt + page), {:.2f} s\n",
               read_sent, read_wall);
  }
  fmt::print("  cached re-run: {} requests sent, {} cache hits, {:.3f} s\n", again.requests_sent,
             again.cache_hits, cached_wall);
  std::string uncached;
  for (const auto& c : again.checks) {
    if (!c.from_cache && c.status != accounts::Status::not_applicable) {
      uncached += fmt::format(" {}:{}({} {})", c.site->id, c.name, accounts::status_name(c.status),
                              c.http_status);
    }
  }
  if (!uncached.empty()) {
    fmt::print("  asked again (answers that are not cached):{}\n", uncached);
  }
  fmt::print("  peak RSS (client): {:.1f} MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}

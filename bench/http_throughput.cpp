// Measures the HTTP engine against a loopback server with a fixed latency: wall time against
// the lower bound set by concurrency and politeness, against curl --parallel, peak memory,
// and a cached re-run. Prints figures and ratios; never fails on timing.
//
//   empreinte_bench_http [--queries Q] [--concurrency C] [--interval-ms I] [--latency-ms L]
//   (BENCH_TRACE=1 prints the time of every finished request)
#include "report/i18n.hpp"
#include "search/web_search.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <httplib.h>
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
  int queries = 40;
  int concurrency = 8;
  int interval_ms = 0;
  int latency_ms = 100;
};

// The server runs in a child process so that the client's peak memory is its own.
pid_t start_server(int latency_ms, int& port)
{
  int fds[2];
  if (::pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    httplib::Server server;
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server.set_tcp_nodelay(true); // else Nagle and delayed ACKs add ~40 ms to every reply
    server.Get("/search", [latency_ms](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
      const std::string q = req.get_param_value("q");
      std::string items;
      for (int i = 1; i <= 10; ++i) {
        items += fmt::format(
            R"({}{{"url":"https://r.example/{}/{}","title":"Result {}","content":"snippet"}})",
            i == 1 ? "" : ",",
            q,
            i,
            i);
      }
      // Not a compressible type: the server's brotli would otherwise cost ~3 ms a reply, and
      // this measures the client. The parser does not look at the content type.
      res.set_content(R"({"results":[)" + items + "]}", "application/octet-stream");
    });
    const int p = server.bind_to_any_port("127.0.0.1");
    // cpp-httplib listens with a backlog of 5: eight simultaneous connects then lose SYNs and
    // wait for the kernel's 1 s retransmission, which measures the server, not the client.
    // Calling listen() again on the listening socket raises its backlog.
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

search::ResolvedBackend loopback_backend(int port, const Settings& s)
{
  const std::string text = fmt::format(R"({{
    "schema": "empreinte/backend/v1", "name": "bench", "description": "loopback",
    "params": {{"base_url": {{"description": "server", "default": "http://127.0.0.1:{}"}}}},
    "request": {{"url": "{{base_url}}/search", "query": {{"q": "{{query}}"}}}},
    "politeness": {{"concurrency": {}, "min_interval_ms": {}}},
    "response": {{"format": "json", "results": "/results",
                  "fields": {{"url": {{"pointer": "/url"}}, "title": {{"pointer": "/title"}}}}}}
  }})",
                                       port,
                                       std::min(16, s.concurrency),
                                       s.interval_ms);
  auto def = search::parse_backend_def(text, "bench");
  if (!def) {
    fmt::print(stderr, "{}\n", def.error().to_string());
    std::exit(1);
  }
  return search::resolve_backend(*def, {}, {}, [](const std::string&) { return std::nullopt; });
}

std::vector<plan::Query> make_queries(int n)
{
  std::vector<plan::Query> out;
  for (int i = 0; i < n; ++i) {
    plan::Query q;
    q.id = "q" + std::to_string(i + 1);
    q.text = "query" + std::to_string(i + 1);
    out.push_back(q);
  }
  return out;
}

double
run_ours(int port, const Settings& s, std::optional<search::ResponseCache> cache, std::size_t& sent)
{
  search::WebSearchOptions o;
  o.engine.max_concurrency = s.concurrency;
  o.engine.user_agent = "empreinte-bench";
  o.cache = std::move(cache);
  const auto start = Clock::now();
  if (std::getenv("BENCH_TRACE")) {
    o.progress = [start](std::size_t done, std::size_t total) {
      fmt::print(stderr,
                 "{:.3f} {}/{}\n",
                 std::chrono::duration<double>(Clock::now() - start).count(),
                 done,
                 total);
    };
  }
  search::WebSearch web({loopback_backend(port, s)}, o);
  const auto out = web.search_all(make_queries(s.queries), 1);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  sent = web.requests_sent();
  for (const auto& r : out) {
    if (r.status != search::QueryStatus::ok) {
      fmt::print(stderr, "unexpected status {}: {}\n", search::status_name(r.status),
                 report::tr("en", r.reason));
    }
  }
  return seconds;
}

// The same requests with curl's own parallel transfers, as a reference (compressed, like ours).
double run_curl(int port, const Settings& s)
{
  if (std::system("command -v curl >/dev/null 2>&1") != 0) {
    return -1;
  }
  const auto list =
      std::filesystem::temp_directory_path() / fmt::format("empreinte-bench-{}.txt", ::getpid());
  {
    std::FILE* f = std::fopen(list.c_str(), "w");
    for (int i = 0; i < s.queries; ++i) {
      fmt::print(f,
                 "url = \"http://127.0.0.1:{}/search?q=query{}\"\noutput = \"/dev/null\"\n",
                 port,
                 i + 1);
    }
    std::fclose(f);
  }
  const std::string cmd =
      fmt::format("curl -s --compressed --parallel --parallel-immediate --parallel-max {} -K {}",
                  s.concurrency,
                  list.string());
  const auto start = Clock::now();
  const int rc = std::system(cmd.c_str());
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::filesystem::remove(list);
  return rc == 0 ? seconds : -1;
}

} // namespace

int main(int argc, char** argv)
{
  Settings s;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const int v = std::atoi(argv[i + 1]);
    if (a == "--queries") {
      s.queries = std::max(1, v);
    } else if (a == "--concurrency") {
      s.concurrency = std::max(1, v);
    } else if (a == "--interval-ms") {
      s.interval_ms = std::max(0, v);
    } else if (a == "--latency-ms") {
      s.latency_ms = std::max(0, v);
    } else {
      fmt::print(stderr,
                 "usage: empreinte_bench_http [--queries Q] [--concurrency C] [--interval-ms I] "
                 "[--latency-ms L]\n");
      return 2;
    }
  }
  int port = 0;
  const pid_t server = start_server(s.latency_ms, port);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  const double L = s.latency_ms / 1000.0;
  const double I = s.interval_ms / 1000.0;
  const double bound = std::max(std::ceil(static_cast<double>(s.queries) / s.concurrency) * L,
                                (s.queries - 1) * I + L);
  std::size_t sent = 0;
  const double ours = run_ours(port, s, std::nullopt, sent);
  const double curl = run_curl(port, s);

  const auto cache_dir =
      std::filesystem::temp_directory_path() / fmt::format("empreinte-bench-cache-{}", ::getpid());
  std::size_t first_sent = 0;
  std::size_t cached_sent = 0;
  (void)run_ours(port, s, search::ResponseCache(cache_dir, std::chrono::hours(1)), first_sent);
  const double cached =
      run_ours(port, s, search::ResponseCache(cache_dir, std::chrono::hours(1)), cached_sent);
  std::filesystem::remove_all(cache_dir);

  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);

  fmt::print("HTTP engine on loopback: Q={} queries, concurrency C={}, interval I={} ms, latency "
             "L={} ms\n",
             s.queries,
             s.concurrency,
             s.interval_ms,
             s.latency_ms);
  fmt::print("  wall time            {:8.3f} s  ({} requests)\n", ours, sent);
  fmt::print("  lower bound          {:8.3f} s  = max(ceil(Q/C) x L, (Q-1) x I + L)\n", bound);
  fmt::print("  ratio to bound       {:8.3f}    (target <= 1.10)\n", ours / bound);
  if (curl > 0) {
    fmt::print("  curl --parallel      {:8.3f} s  (--parallel-max {})\n", curl, s.concurrency);
    if (s.interval_ms == 0) {
      fmt::print("  ratio to curl        {:8.3f}    (target <= 1.2)\n", ours / curl);
    } else {
      fmt::print(
          "  ratio to curl        {:8.3f}    (not comparable: curl has no per-host interval)\n",
          ours / curl);
    }
  } else {
    fmt::print("  curl --parallel      not run (no curl command)\n");
  }
  fmt::print("  peak RSS (client)    {:8.1f} MB (target <= 30 MB for Q = 40)\n",
             usage.ru_maxrss / 1024.0);
  fmt::print("  cached re-run        {:8.3f} s  ({} requests; first run sent {})\n",
             cached,
             cached_sent,
             first_sent);
  return 0;
}

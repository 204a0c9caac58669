// History at scale: 500 stored audits of 60 traces (years of monthly audits, and more), then
// `empreinte history` and `empreinte diff latest previous` timed as a person runs them, and
// their library calls timed in-process. Prints figures; never asserts on timing.
// Usage: empreinte_bench_history [EMPREINTE_BINARY] [--runs N] [--traces N] [--requests N]
#include "app/history_access.hpp"
#include "history/diff.hpp"
#include "history/diff_render.hpp"
#include "history/store.hpp"
#include "util/fs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using namespace empreinte;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start)
{
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats
{
  double min = 0;
  double median = 0;
  double max = 0;
};

Stats stats(std::vector<double> v)
{
  std::sort(v.begin(), v.end());
  return {v.front(), v[v.size() / 2], v.back()};
}

// One audit: the example report's traces repeated to `count`, renumbered; audit `n` loses two
// pages, gains two and raises one risk, as a month brings.
json audit(const json& example, int n, int count)
{
  json r = example;
  r["generated_at"] = fmt::format("{:04}-{:02}-01T09:00:00Z", 2026 + n / 12, n % 12 + 1);
  json traces = json::array();
  const auto& source = example["traces"];
  for (int i = 0; i < count; ++i) {
    json t = source[static_cast<std::size_t>(i) % source.size()];
    int page = i;
    if (i < 2) {
      page = 1000 + n * 2 + i; // churn: two pages new each month, last month's two gone
    }
    t["id"] = fmt::format("t{:012x}", page);
    t["url"] = fmt::format("https://example{}.com/page/{}", page % 37, page);
    t["about_subject"] = 0.9;
    if (i == 2) {
      t["risk"] = n % 2 ? "high" : "medium";
    }
    traces.push_back(std::move(t));
  }
  r["traces"] = std::move(traces);
  r["score"]["exposure"] = 40 + n % 20;
  return r;
}

// Runs `argv` with XDG_DATA_HOME=`data`, output discarded; returns wall time in ms.
double time_process(const std::vector<std::string>& args, const fs::path& data)
{
  std::vector<std::string> env_strings{
      "XDG_DATA_HOME=" + data.string(), "LANG=C.UTF-8", "HOME=" + data.string()};
  std::vector<char*> envp;
  for (auto& s : env_strings) {
    envp.push_back(s.data());
  }
  envp.push_back(nullptr);
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) {
    std::fprintf(stderr, "cannot run %s\n", argv[0]);
    std::exit(1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  const double ms = ms_since(start);
  posix_spawn_file_actions_destroy(&actions);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "%s failed\n", argv[1]);
    std::exit(1);
  }
  return ms;
}

} // namespace

int main(int argc, char** argv)
{
  std::string binary = EMPREINTE_BINARY;
  int runs = 500;
  int traces = 60;
  int requests = 12;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (a == "--traces" && i + 1 < argc) {
      traces = std::atoi(argv[++i]);
    } else if (a == "--requests" && i + 1 < argc) {
      requests = std::atoi(argv[++i]);
    } else {
      binary = a;
    }
  }
  auto text =
      util::read_file(fs::path(EMPREINTE_SOURCE_DIR) / "reports/examples/helene-vasseur.json");
  if (!text) {
    std::fprintf(stderr, "%s\n", text.error().to_string().c_str());
    return 1;
  }
  const json example = json::parse(*text);
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("empreinte-bench-history-{}", ::getpid());
  const fs::path data = dir / "data";
  const fs::path path = data / "empreinte" / "history.sqlite";

  // Fill the store as years of audits would, one transaction per audit.
  std::size_t report_bytes = 0;
  auto start = Clock::now();
  {
    auto store = history::Store::open(path, history::Store::Access::read_write);
    if (!store) {
      std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
      return 1;
    }
    const int every = requests > 0 ? std::max(1, runs / requests) : runs + 1;
    for (int n = 0; n < runs; ++n) {
      const json r = audit(example, n, traces);
      report_bytes += r.dump().size();
      auto id = (*store)->add_run(r, "");
      if (!id) {
        std::fprintf(stderr, "%s\n", id.error().to_string().c_str());
        return 1;
      }
      // Now and then, a request about one of the month's new pages (gone the month after).
      if (n % every == every - 1 && requests > 0) {
        history::Request q;
        q.subject = "helene-vasseur";
        q.trace = r["traces"][0]["id"];
        q.url = r["traces"][0]["url"];
        q.run = *id;
        q.right = "erasure";
        q.sent = r["generated_at"].get<std::string>().substr(0, 10);
        q.jurisdiction = "FR";
        q.origin = app::request_origin(r, r["traces"][0]);
        if (auto added = (*store)->add_request(q); !added) {
          std::fprintf(stderr, "%s\n", added.error().to_string().c_str());
          return 1;
        }
      }
    }
  }
  const double fill_ms = ms_since(start);
  fmt::print(
      "History at scale: {} stored audits of {} traces (reports {:.0f} KiB each), {} removal "
      "requests, store {:.1f} MiB\n",
      runs,
      traces,
      report_bytes / 1024.0 / runs,
      requests,
      fs::file_size(path) / 1048576.0);
  fmt::print("  storing: {:.1f} ms per audit (one transaction each, synchronous=FULL)\n\n",
             fill_ms / runs);

  constexpr int k_repeats = 21;
  std::vector<double> list_ms;
  std::vector<double> diff_ms;
  for (int i = 0; i < k_repeats; ++i) {
    start = Clock::now();
    auto store = history::Store::open(path, history::Store::Access::read_only);
    auto listed = (**store).runs("helene-vasseur");
    list_ms.push_back(ms_since(start));
    if (!listed || static_cast<int>(listed->size()) != runs) {
      std::fprintf(stderr, "listing failed\n");
      return 1;
    }
    start = Clock::now();
    auto again = history::Store::open(path, history::Store::Access::read_only);
    const auto latest = (**again).latest("helene-vasseur");
    const auto previous = (**again).latest("helene-vasseur", **latest);
    const auto after = (**again).digest(**latest);
    const auto before = (**again).digest(**previous);
    const auto d = history::diff_reports(*before, *after);
    const auto out = history::render_diff_text(d, "en", util::Style{});
    diff_ms.push_back(ms_since(start));
    if (d.count(history::Change::added) != 2 || out.empty()) {
      std::fprintf(stderr, "unexpected diff\n");
      return 1;
    }
  }
  const auto l = stats(list_ms);
  const auto d = stats(diff_ms);
  fmt::print("in-process (open the store each time), median of {} [min, max]:\n", k_repeats);
  fmt::print("  list the runs                      {:6.2f} ms  [{:.2f}, {:.2f}]\n",
             l.median,
             l.min,
             l.max);
  fmt::print("  load two digests, diff, text       {:6.2f} ms  [{:.2f}, {:.2f}]\n\n",
             d.median,
             d.min,
             d.max);

  std::vector<double> history_ms;
  std::vector<double> diff_cmd_ms;
  std::vector<double> diff_json_ms;
  for (int i = 0; i < k_repeats; ++i) {
    history_ms.push_back(time_process({binary, "history"}, data));
    diff_cmd_ms.push_back(time_process({binary, "diff", "latest", "previous"}, data));
    diff_json_ms.push_back(
        time_process({binary, "diff", "latest", "previous", "--format", "json"}, data));
  }
  const auto h = stats(history_ms);
  const auto c = stats(diff_cmd_ms);
  const auto j = stats(diff_json_ms);
  fmt::print("the commands, whole process (start-up included), median of {} [min, max]:\n",
             k_repeats);
  fmt::print("  empreinte history                              {:6.1f} ms  [{:.1f}, {:.1f}]  "
             "(target < 50)\n",
             h.median,
             h.min,
             h.max);
  fmt::print("  empreinte diff latest previous                 {:6.1f} ms  [{:.1f}, {:.1f}]  "
             "(target < 50)\n",
             c.median,
             c.min,
             c.max);
  fmt::print("  empreinte diff latest previous --format json   {:6.1f} ms  [{:.1f}, {:.1f}]\n",
             j.median,
             j.min,
             j.max);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}

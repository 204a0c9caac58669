// The cost of loading and compiling every rules file, the bulk of a warm demo's start-up
// (issue 14): min and median of N loads, in-process, then the same for each file on its own
// (one thread), so the largest share is plain to see. Never fails on timing.
//
//   empreinte_bench_rules [--runs N] [RULES_DIR]
#include "classify/rules.hpp"
#include "score/remedies.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

struct Figures
{
  double min = 0;
  double median = 0;
};

// Runs `load` `runs` times; false when it fails (its message is printed).
bool measure(int runs, const std::function<std::string()>& load, Figures& out)
{
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::string error = load();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return false;
    }
  }
  std::sort(times.begin(), times.end());
  out = Figures{times.front(), times[times.size() / 2]};
  return true;
}

template<typename Loaded>
std::string error_of(const empreinte::util::Result<Loaded>& r)
{
  return r ? std::string() : r.error().where + ": " + r.error().what;
}

} // namespace

int main(int argc, char** argv)
{
  namespace classify = empreinte::classify;
  int runs = 20;
  std::string dir = EMPREINTE_SOURCE_DIR "/rules";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) {
      runs = std::stoi(argv[++i]);
    } else {
      dir = a;
    }
  }
  Figures all;
  if (!measure(runs, [&] { return error_of(classify::Rules::load(dir)); }, all)) {
    return 1;
  }
  std::printf("rules load: min %.4f s, median %.4f s over %d runs\n", all.min, all.median, runs);

  const auto networks = empreinte::plan::NetworkCatalog::load(dir + "/networks.json");
  if (!networks) {
    std::fprintf(stderr, "%s\n", error_of(networks).c_str());
    return 1;
  }
  const std::vector<std::pair<const char*, std::function<std::string()>>> files{
    {"networks.json", [&] { return error_of(empreinte::plan::NetworkCatalog::load(dir + "/networks.json")); }},
    {"sites.json", [&] { return error_of(classify::SiteRules::load(dir + "/sites.json", *networks)); }},
    {"platforms.json", [&] { return error_of(classify::PlatformRules::load(dir + "/platforms.json")); }},
    {"places.json", [&] { return error_of(classify::Places::load(dir + "/places.json")); }},
    {"occupations.json", [&] { return error_of(classify::Occupations::load(dir + "/occupations.json")); }},
    {"cues.json", [&] { return error_of(classify::CueRules::load(dir + "/cues.json")); }},
    {"lexicons.json", [&] { return error_of(classify::SensitiveRules::load(dir + "/lexicons.json")); }},
    {"remedies.json (+ contacts)", [&] { return error_of(empreinte::score::Remedies::load(dir + "/remedies.json")); }},
  };
  std::printf("each file alone, one thread (min / median, ms):\n");
  for (const auto& [name, load] : files) {
    Figures f;
    if (!measure(runs, load, f)) {
      return 1;
    }
    std::printf("  %-28s %7.2f %7.2f\n", name, f.min * 1e3, f.median * 1e3);
  }
  return 0;
}

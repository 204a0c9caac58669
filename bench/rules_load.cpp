// The cost of loading and compiling every rules file, the bulk of a warm demo's start-up
// (issue 14): min and median of N loads, in-process. Never fails on timing.
//
//   empreinte_bench_rules [--runs N] [RULES_DIR]
#include "classify/rules.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
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
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto rules = empreinte::classify::Rules::load(dir);
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!rules) {
      std::fprintf(stderr, "%s\n", rules.error().what.c_str());
      return 1;
    }
  }
  std::sort(times.begin(), times.end());
  std::printf("rules load: min %.4f s, median %.4f s over %d runs\n", times.front(),
              times[times.size() / 2], runs);
  return 0;
}

// bench/classify_throughput: classifies N results (the dev set's results repeated with distinct
// URLs, default 10,000) and prints the time and rate. Target: well under a second.
#include "classify/classifier.hpp"
#include "classify/rules.hpp"
#include "eval_data.hpp"

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>

using namespace empreinte;

int main(int argc, char** argv)
{
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  const auto load_start = std::chrono::steady_clock::now();
  auto rules = classify::Rules::load(std::string(EMPREINTE_SOURCE_DIR) + "/rules");
  if (!rules) {
    fmt::print(stderr, "error: {}\n", rules.error().to_string());
    return 1;
  }
  const double load_ms =
    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start).count();
  auto personas = bench::load_personas(std::string(EMPREINTE_SOURCE_DIR) + "/tests/eval/dev");
  std::vector<traces::Trace> traces;
  traces.reserve(n);
  for (std::size_t i = 0; traces.size() < n; ++i) {
    for (const auto& p : personas) {
      for (const auto& t : p.traces) {
        if (traces.size() == n) {
          break;
        }
        traces::Trace copy = t;
        copy.url += (copy.url.find('?') == std::string::npos ? "?n=" : "&n=") + std::to_string(i);
        traces.push_back(std::move(copy));
      }
    }
  }
  const classify::Classifier classifier(personas.front().profile, *rules);
  const auto start = std::chrono::steady_clock::now();
  classifier.classify_all(traces);
  const double seconds =
    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("rules loaded and compiled in {:.1f} ms\n", load_ms);
  fmt::print("classified {} results in {:.3f} s ({:.0f} results/s; target: 10,000 well under 1 s)\n",
             traces.size(), seconds, static_cast<double>(traces.size()) / seconds);
  return 0;
}

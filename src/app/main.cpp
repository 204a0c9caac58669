// empreinte's entry point: argv in, exit code out. Everything else lives in empreinte_core.
#include "app/run.hpp"
#include "app/trusted_patterns.hpp"
#include "classify/patterns.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
  try {
    // The shipped rules' patterns were parsed when the program was built.
    empreinte::classify::trust_patterns(empreinte::app::trusted_pattern_digests());
    return empreinte::app::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "empreinte: error: internal error: %s (please report it)\n", e.what());
    return 1;
  }
}

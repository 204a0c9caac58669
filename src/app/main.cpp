// empreinte's entry point: argv in, exit code out. Everything else lives in empreinte_core.
#include "app/commands.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
  try {
    return empreinte::app::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "empreinte: error: internal error: %s (please report it)\n", e.what());
    return 1;
  }
}

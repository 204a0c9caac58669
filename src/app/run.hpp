// The program's one entry into empreinte_core, apart from the command-line parser's own
// headers, so that main.cpp compiles in a second (a build's last step waits for it).
#pragma once

namespace empreinte::app {

// Parses argv, runs the chosen subcommand, returns the process exit code.
int run(int argc, char** argv);

} // namespace empreinte::app

// A build-tree binary finds the source tree's data, an installed one its share/ directory.
#include "app/data_paths.hpp"

#include <cstdlib>
#include <system_error>
#include <vector>

#ifndef EMPREINTE_SOURCE_DIR
#define EMPREINTE_SOURCE_DIR ""
#endif
#ifndef EMPREINTE_BINARY_DIR
#define EMPREINTE_BINARY_DIR ""
#endif

namespace fs = std::filesystem;

namespace empreinte::app {

util::Result<DataPaths> find_data_paths()
{
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("EMPREINTE_DATA_DIR"); env && *env) {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "share" / "empreinte");
  }
  // The source tree only for a program still in its build tree: an installed or packaged one
  // must use its own data, never a path of the machine it was built on.
  const std::string build_dir = EMPREINTE_BINARY_DIR;
  if (ec || build_dir.empty() || exe.string().rfind(build_dir + "/", 0) == 0) {
    candidates.emplace_back(EMPREINTE_SOURCE_DIR);
  }
  for (const auto& c : candidates) {
    if (!c.empty() && fs::exists(c / "rules" / "networks.json", ec)) {
      return DataPaths{c};
    }
  }
  return util::runtime_error("cannot find the rules data (rules/networks.json)",
                             {},
                             "set EMPREINTE_DATA_DIR to the folder that holds rules/");
}

} // namespace empreinte::app

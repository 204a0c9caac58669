// Where the rules and training data are found at run time.
#pragma once

#include "util/result.hpp"

#include <filesystem>

namespace empreinte::app {

struct DataPaths
{
  std::filesystem::path root; // holds rules/ and training/

  std::filesystem::path rules(const char* name) const { return root / "rules" / name; }
  std::filesystem::path training() const { return root / "training"; }
};

// The data directory: $EMPREINTE_DATA_DIR, else <exe>/../share/empreinte, else the source
// tree the binary was built from. The first that holds rules/networks.json wins.
util::Result<DataPaths> find_data_paths();

} // namespace empreinte::app

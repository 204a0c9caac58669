// The diff as JSON for scripts (schema empreinte/diff/v1, reports/diff.schema.json).
#pragma once

#include "history/diff.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace empreinte::history {

constexpr const char* k_diff_schema = "empreinte/diff/v1";

nlohmann::ordered_json diff_to_json(const Diff& diff, const std::string& tool_version);

} // namespace empreinte::history

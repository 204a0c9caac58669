// "What if you acted": the scores again as if the first actions of "What to do first" had
// worked (each trace they cover deleted, hidden or delisted, so no longer found by a search on
// the name). The trainer's before/after and a person's "is it worth it?": an estimate from the
// same scoring, never a promise (registers and press stay at their source; delisting only
// removes them from searches on the name).
#pragma once

#include "score/scores.hpp"
#include "traces/trace.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::report {

struct Report;

struct WhatIf
{
  std::size_t asked = 0;              // N of --what-if topN
  std::vector<std::string> actions;   // the actions assumed done, in the report's language
  std::vector<std::string> removed;   // ids of the traces they cover
  score::Scores after;
};

// The default N of `--what-if top`.
constexpr std::size_t k_what_if_default = 5;

// N from "top" (the default) or "topN" (1-50); nullopt for anything else.
std::optional<std::size_t> parse_what_if(const std::string& text);

// The scores of `report` with the traces covered by its first `n` planned actions removed
// (actions that build a presence remove nothing and are not counted).
WhatIf what_if_top(const Report& report, std::size_t n);

// The section in the report's language, for the human formats; an empty heading when the
// report has no what-if.
struct WhatIfText
{
  std::string heading;
  std::vector<std::string> lines;
};
WhatIfText word_what_if(const Report& report);

} // namespace empreinte::report

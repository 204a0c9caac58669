// Every rules file, loaded and compiled together (rules/*.json).
#pragma once

#include "classify/cues.hpp"
#include "classify/occupations.hpp"
#include "classify/places.hpp"
#include "classify/platforms.hpp"
#include "classify/sensitive.hpp"
#include "classify/site_rules.hpp"
#include "plan/networks.hpp"

#include <filesystem>
#include <vector>

namespace empreinte::classify {

struct Rules
{
  plan::NetworkCatalog networks;
  SiteRules sites;
  PlatformRules platforms;
  CueRules cues;
  SensitiveRules sensitive;
  Places places;
  Occupations occupations;

  // Loads every file of `dir` (networks, sites, platforms, cues, lexicons, places, occupations).
  static util::Result<Rules> load(const std::filesystem::path& dir);
};

// Checks the rules in `dir`: every file loads through its strict loader (closed schema,
// unique ids, patterns compile), every example classifies as stated, and cross-references
// hold (a platform's network exists). Returns every problem found.
std::vector<LintProblem> lint_rules(const std::filesystem::path& dir);

} // namespace empreinte::classify

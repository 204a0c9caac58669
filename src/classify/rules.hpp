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
#include <future>
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

// Rules loading in two steps, so that a caller can work while the pattern sets compile (a
// third of a start-up): `start` reads every file but cues.json and lexicons.json on this
// thread while those two compile on another core, `finish` waits for them.
class PendingRules
{
public:
  static util::Result<PendingRules> start(const std::filesystem::path& dir);
  // Everything but `cues` and `sensitive`, ready now.
  const Rules& partial() const { return m_rules; }
  // The whole rules, or the first error of cues.json or lexicons.json. Call once.
  util::Result<Rules> finish();

private:
  struct Compiled
  {
    util::Result<CueRules> cues;
    util::Result<SensitiveRules> sensitive;
  };
  Rules m_rules;
  std::future<Compiled> m_compiled;
};

// Checks the rules in `dir`: every file loads through its strict loader (closed schema,
// unique ids, patterns compile), every example classifies as stated, and cross-references
// hold (a platform's network exists). Returns every problem found.
std::vector<LintProblem> lint_rules(const std::filesystem::path& dir);

} // namespace empreinte::classify

// Title, snippet and URL cues that suggest a trace's kind on sites no list knows (rules/cues.json).
#pragma once

#include "classify/patterns.hpp"
#include "classify/rules_file.hpp"
#include "traces/trace.hpp"
#include "util/result.hpp"

#include <array>
#include <string>
#include <vector>

namespace empreinte::classify {

enum class CueField { title, text, path, host };

struct Cue
{
  std::string id;
  std::string lang;
  CueField field = CueField::text;
  traces::Kind kind = traces::Kind::unknown;
  double weight = 0.0;
  std::string means;    // evidence shown to the user, in English
  std::string means_fr; // the same in French
};

// The parts of a trace cues look at, prepared once.
struct CueInput
{
  std::string title; // folded
  std::string text;  // folded title + snippets
  std::string path;  // lower-case path and "?query"
  std::string host;  // lower-case
};

class CueRules
{
public:
  static util::Result<CueRules> load(const std::string& path);
  static util::Result<CueRules> from_json(const nlohmann::json& value, const std::string& source);

  // Every cue that matches, in file order.
  std::vector<const Cue*> evaluate(const CueInput& input) const;
  std::size_t size() const { return m_cues.size(); }
  std::vector<LintProblem> lint_examples(const nlohmann::json& value,
                                         const std::string& source) const;

private:
  std::vector<Cue> m_cues;
  std::vector<std::string> m_patterns; // one per cue: `rules lint` compiles them itself
  std::array<PatternSet, 4> m_sets;
  std::array<std::vector<std::size_t>, 4> m_set_to_cue;
};

} // namespace empreinte::classify

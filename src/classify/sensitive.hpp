// What personal data a trace exposes: lexicon terms and validated patterns (rules/lexicons.json).
#pragma once

#include "classify/patterns.hpp"
#include "classify/rules_file.hpp"
#include "traces/trace.hpp"
#include "util/folded_text.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace empreinte::classify {

using Sensitive = traces::SensitiveItem;

class SensitiveRules
{
public:
  static util::Result<SensitiveRules> load(const std::string& path);
  static util::Result<SensitiveRules> from_json(const nlohmann::json& value,
                                                const std::string& source);

  // Everything `folded` (folded title and snippets) exposes, one entry per category and text.
  std::vector<Sensitive> detect(const std::string& folded) const;

  // One datum found in folded text: its category and byte range (of the datum itself).
  struct Span
  {
    std::string category;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool term = false; // a lexicon term (else a pattern's datum)
  };
  // Everything `folded` exposes, with where each datum is, in order of category then place.
  std::vector<Span> detect_spans(const std::string& folded) const;

  std::size_t term_count() const { return m_term_count; }
  std::size_t pattern_count() const { return m_patterns.size(); }
  std::vector<LintProblem> lint_examples(const nlohmann::json& value,
                                         const std::string& source) const;

  static const std::vector<std::string>& categories();

private:
  struct Term
  {
    std::vector<std::string> words;
    std::string category;
    std::size_t entry = 0;
  };
  struct Pattern
  {
    std::string id;
    std::string category;
    std::string validator; // "", "iban", "nir", "luhn"
    int index = 0; // in m_set
    std::optional<LazyPattern> context; // compiled on first use
  };

  void detect_terms(const std::vector<util::WordSpan>& words,
                    std::vector<Span>& out,
                    std::size_t only_entry = static_cast<std::size_t>(-1)) const;
  void detect_pattern(const Pattern& p, const std::string& folded, std::vector<Span>& out) const;

  std::unordered_map<std::string, std::vector<Term>> m_terms_by_first_word;
  std::size_t m_term_count = 0;
  std::vector<Pattern> m_patterns;
  PatternSet m_set;
};

} // namespace empreinte::classify

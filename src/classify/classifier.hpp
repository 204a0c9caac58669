// First classification of traces: is it about the person, and who published it.
#pragma once

#include "classify/site_rules.hpp"
#include "profile/names.hpp"
#include "profile/profile.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

// Gives each trace `about_subject`, `kind`, `confidence` and the `evidence` behind them, from
// the profile, the site rules and what the title, snippets and URL say.
class Classifier
{
public:
  Classifier(const profile::Profile& profile, const SiteRules& rules);

  void classify(traces::Trace& trace) const;
  void classify_all(std::vector<traces::Trace>& traces) const;

private:
  struct Identity
  {
    std::vector<profile::NameForm> names;
    std::vector<std::string> surnames;                // folded words, one entry per surname
    std::vector<std::vector<std::string>> pseudonyms; // folded words
    std::vector<std::string> slugs; // name and pseudonyms without separators: "helenevasseur"
    std::vector<std::string> pseudonym_slugs;
    std::vector<std::string> emails;       // lower-case
    std::vector<std::string> phone_tails;  // last 9 digits
    std::vector<std::string> location;     // folded words
    std::vector<std::string> job_title;    // folded words
    std::vector<std::string> employer;     // folded words
    std::string employer_slug;
    std::vector<std::string> not_me;       // normalised URLs
  };

  void judge_subject(traces::Trace& trace, const std::string& text) const;
  void judge_kind(traces::Trace& trace) const;

  const SiteRules& m_rules;
  Identity m_id;
};

} // namespace empreinte::classify

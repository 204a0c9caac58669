// What to do about each trace, and global advice (rules/remedies.json).
#pragma once

#include "score/findings.hpp"
#include "traces/trace.hpp"
#include "util/result.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::score {

// A text in English and French.
struct Localized
{
  std::string en;
  std::string fr;
  const std::string& in(const std::string& lang) const { return lang == "fr" && !fr.empty() ? fr : en; }
};

struct RemedyAction
{
  std::string id;
  std::string kind;
  Localized title;
  Localized how;
  std::string url;
};

struct PlatformRemedy
{
  std::string privacy_url;
  std::string delete_url;
  std::string report_url;
  Localized notes;
};

struct SiteRemedy
{
  std::string opt_out_url;
  std::string email;
  Localized how;
};

struct Authority
{
  std::string id;
  std::string country;
  std::string name;
  std::string complaint_url;
  std::string address;
};

struct GlobalAdvice
{
  std::string id;
  std::string when; // pseudonym_linked, no_professional_presence, sensitive_on_networks,
                    // contact_data_exposed, always
  Localized title;
  Localized how;
};

class Remedies
{
public:
  static util::Result<Remedies> load(const std::string& path);
  static util::Result<Remedies> from_json(const nlohmann::json& value, const std::string& source);

  // The actions for one trace about the person, most specific first: the platform's own
  // settings and forms, the site's opt-out, then what fits the trace's category and kind.
  std::vector<traces::Action> for_trace(const traces::Trace& trace, const std::string& lang) const;

  // Global advice from the findings and traces.
  std::vector<GlobalAdvice> advice(const std::vector<Finding>& findings,
                                   const std::vector<traces::Trace>& traces,
                                   double about_threshold = 0.5) const;

  const Authority* authority(const std::string& id_or_country) const;
  const SiteRemedy* site(const std::string& host) const;
  const RemedyAction* action(const std::string& id) const;

private:
  std::map<std::string, RemedyAction> m_actions;
  std::map<std::string, PlatformRemedy> m_platforms;
  std::map<std::string, SiteRemedy> m_sites;
  std::map<std::string, std::vector<std::string>> m_categories; // category -> action ids
  std::map<std::string, Localized> m_category_advice;
  std::vector<Authority> m_authorities;
  std::vector<GlobalAdvice> m_global;
};

} // namespace empreinte::score

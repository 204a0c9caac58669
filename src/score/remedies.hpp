// What to do about each trace, and global advice (rules/remedies.json).
#pragma once

#include "score/contacts.hpp"
#include "score/findings.hpp"
#include "score/jurisdiction.hpp"
#include "traces/trace.hpp"
#include "util/result.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::score {

struct RemedyAction
{
  std::string id;
  std::string kind;
  Localized title; // may hold {law}, {article}, {deadline}, {authority}
  Localized how;
  std::string url;
  std::string right;                      // the right it exercises, or ""
  std::vector<std::string> conditions;    // own, own_account, not_own, minors, delisting, authority
  std::vector<std::string> jurisdictions; // where the person must live; empty: anywhere
  std::vector<std::string> url_for;       // where the url serves; empty: anywhere
  std::string otherwise;                  // action given instead when this one does not apply
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

struct GlobalAdvice
{
  std::string id;
  std::string when; // pseudonym_linked, no_professional_presence, sensitive_on_networks,
                    // contact_data_exposed, law_known, no_law, no_country, always
  Localized title;
  Localized how;
};

class Remedies
{
public:
  // Reads `path` (rules/remedies.json) and, beside it, jurisdictions.json and contacts.json.
  static util::Result<Remedies> load(const std::string& path);
  // rules/remedies.json alone: no jurisdictions nor contacts (tests of the file's shape).
  static util::Result<Remedies> from_json(const nlohmann::json& value, const std::string& source);

  // The actions for one trace about the person, most specific first: the platform's own
  // settings and forms, the site's opt-out, then what fits the trace's category and kind,
  // under the law of the request (law_for). `site_country` is the site's country
  // (rules/sites.json), "" when unknown (then rules/contacts.json's is used).
  std::vector<traces::Action> for_trace(const traces::Trace& trace,
                                        const Jurisdiction& person,
                                        const std::string& site_country,
                                        const std::string& lang) const;

  // The law a request about a site is made under: the person's when it has one, else the
  // site's country's when it has one (the GDPR binds controllers established in Europe
  // wherever the person lives), else the person's (no law).
  const Jurisdiction& law_for(const Jurisdiction& person, const std::string& site_country) const;
  // The jurisdiction whose registry remedies fit a trace of `category` on a site of
  // `site_country`: the site's for registries and aggregators, else the person's.
  const Jurisdiction& registry_jurisdiction(const Jurisdiction& person,
                                            const std::string& category,
                                            const std::string& site_country) const;
  // The authority for complaints under `law`, or nullptr.
  const Authority* complaint_authority(const Jurisdiction& law) const;

  // Global advice from the findings, traces and the person's jurisdiction.
  std::vector<GlobalAdvice> advice(const std::vector<Finding>& findings,
                                   const std::vector<traces::Trace>& traces,
                                   const JurisdictionChoice& where,
                                   double about_threshold = 0.5) const;

  // An authority by id or country code, or nullptr.
  const Authority* authority(const std::string& id_or_country) const;
  const SiteRemedy* site(const std::string& host) const;
  const RemedyAction* action(const std::string& id) const;
  const Jurisdictions& jurisdictions() const { return m_jurisdictions; }
  const Contacts& contacts() const { return m_contacts; }

private:
  std::optional<traces::Action> make(const std::string& id,
                                     const traces::Trace& trace,
                                     const Jurisdiction& person,
                                     const std::string& site_country,
                                     const std::string& lang) const;

  std::map<std::string, RemedyAction> m_actions;
  std::map<std::string, PlatformRemedy> m_platforms;
  std::map<std::string, SiteRemedy> m_sites;
  std::map<std::string, std::vector<std::string>> m_categories; // category -> action ids
  std::map<std::string, Localized> m_category_advice;
  std::vector<Authority> m_authorities;
  std::vector<GlobalAdvice> m_global;
  Jurisdictions m_jurisdictions;
  Contacts m_contacts;
};

} // namespace empreinte::score

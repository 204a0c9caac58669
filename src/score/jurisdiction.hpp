// Which law protects the person, who enforces it and how long a controller has to answer
// (rules/jurisdictions.json), and how the person's jurisdiction is chosen from the profile.
#pragma once

#include "classify/phrase_index.hpp"
#include "classify/places.hpp"
#include "profile/profile.hpp"
#include "util/result.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::util {
class JsonFields;
}

namespace empreinte::score {

// A text in English and French.
struct Localized
{
  std::string en;
  std::string fr;
  const std::string& in(const std::string& lang) const
  {
    return lang == "fr" && !fr.empty() ? fr : en;
  }
  bool empty() const { return en.empty() && fr.empty(); }
};

// Reads {"en": ..., "fr": ...} at `key` (the rules loaders of this folder share it).
Localized read_localized(util::JsonFields& fields, std::string_view key, bool required);

// A data-protection authority (rules/remedies.json or rules/jurisdictions.json `authorities`).
struct Authority
{
  std::string id;
  std::string country;
  std::string name;
  std::string complaint_url;
  std::string address;
};

// How long a controller has to answer: months or days, with an optional extension.
struct Deadline
{
  int months = 0;
  int days = 0;
  int extension_months = 0;
  int extension_days = 0;
  Localized cite;
};

// An official-register option that exists in one jurisdiction (Companies House, RCS...).
struct RegistryRemedy
{
  std::string id;
  Localized name;
  Localized how;
  std::string url;
  std::string confidence;              // high, medium
  std::vector<std::string> categories; // site categories it fits (registry, directory...)
};

struct Law
{
  std::string id; // eu-gdpr, uk-gdpr, ch-fadp...; "none" for the fallbacks
  Localized name;
  Localized short_name; // GDPR / RGPD, UK GDPR, nFADP / nLPD, Law 25 / Loi 25...
  std::string url;
};

// One entry of rules/jurisdictions.json.
struct Jurisdiction
{
  std::string id; // FR, GB, CH, CA-QC, US-CA, US, INTL...
  Localized name;
  std::string parent;
  Law law;
  std::map<std::string, Localized> articles; // access, rectification, erasure, objection,
                                             // complaint, delisting; absent: no such right
  std::optional<Deadline> deadline;
  std::string authority; // authority id, "" when none
  std::vector<std::string> languages;
  bool delisting = false; // the search engines' European delisting forms accept its residents
  Localized identity_proof;
  Localized sending;
  Localized notes;
  std::vector<RegistryRemedy> registry_remedies;

  bool has_law() const { return law.id != "none"; }
  // How to cite `right` in `lang`, or nullptr when the law does not give it.
  const std::string* article(const std::string& right, const std::string& lang) const;
};

// How the person's jurisdiction was chosen.
enum class ChosenBy { given, location, phone, fallback };

// "given", "location", "phone", "default".
std::string_view chosen_by_name(ChosenBy how);

struct JurisdictionChoice
{
  const Jurisdiction* jurisdiction = nullptr;
  ChosenBy how = ChosenBy::fallback;
  std::string from; // the profile value it came from ("Manchester", "+44 7700 900417"), or ""
};

// The answer period as it follows "within" / "dans un délai": "one month" / "d'un mois",
// "30 days" / "de 30 jours"; a default Deadline gives "a reasonable time" / "raisonnable".
std::string deadline_words(const Deadline& deadline, const std::string& lang);

class Jurisdictions
{
public:
  // Reads rules/jurisdictions.json; `known` are the authorities of rules/remedies.json, which
  // entries may name besides the file's own.
  static util::Result<Jurisdictions> load(const std::string& path,
                                          const std::vector<Authority>& known);
  static util::Result<Jurisdictions> from_json(const nlohmann::json& value,
                                               const std::string& source,
                                               const std::vector<Authority>& known);

  // The entry with this id (case-insensitive), or nullptr.
  const Jurisdiction* find(std::string_view id) const;
  // The entry for a code: itself, else its parent country ("US-NY" -> US, "FR-38" -> FR), else
  // the INTL fallback. Never null once loaded.
  const Jurisdiction* for_code(std::string_view code) const;
  // The fallback for countries the file does not describe.
  const Jurisdiction* fallback() const { return find("INTL"); }

  // A country as a person writes it: a code (fr, GB, US-CA), an ISO alpha-2 code the file does
  // not describe (-> INTL), or a name in English, French or the local language. nullptr when
  // it is none of these.
  const Jurisdiction* resolve_country(std::string_view text) const;
  // The jurisdiction a location names ("Manchester", "Austin, Texas", "Sherbrooke (Québec)"),
  // from the country and region names of this file and the places of rules/places.json;
  // `hint` (a jurisdiction from the phone) settles a place name found in several countries.
  const Jurisdiction* from_location(std::string_view location,
                                    const classify::Places& places,
                                    const Jurisdiction* hint = nullptr) const;
  // The jurisdiction of an international phone number (+44..., 0033...), by its longest
  // calling code; nullptr for national numbers and shared codes (+1).
  const Jurisdiction* from_phone(std::string_view phone) const;

  // The person's jurisdiction: `country` when given (an error naming `source` when it is not
  // one), else from `location`, else from the phones, else the INTL fallback.
  util::Result<JurisdictionChoice> choose(const profile::Profile& person,
                                          const classify::Places& places,
                                          const std::string& source) const;

  const Authority* authority(std::string_view id) const;
  const std::vector<Jurisdiction>& all() const { return m_entries; }
  // Every authority: remedies.json's, then this file's.
  const std::vector<Authority>& authorities() const { return m_authorities; }

private:
  std::vector<Jurisdiction> m_entries;
  std::vector<Authority> m_authorities;                // remedies.json's and this file's
  std::map<std::string, std::string> m_phone_prefixes; // "+44" -> "GB"; "" for shared codes
  std::vector<std::string> m_name_ids;                 // payloads of m_names
  classify::PhraseIndex m_names;                       // folded country and region names
};

} // namespace empreinte::score

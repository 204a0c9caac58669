// Removal requests: the legal deadline for an answer, whether it has passed, and whether the
// page actually went away in the audits since.
#pragma once

#include "history/diff.hpp"
#include "history/store.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::history {

// How long a controller has to answer in one jurisdiction: months or days, and the extension
// the law allows (0: none).
struct DeadlineRule
{
  int months = 0;
  int days = 0;
  int extension_months = 0;
  int extension_days = 0;
  std::string cite_en; // "Article 12(3) GDPR"
  std::string cite_fr;
  std::string authority; // id of the authority to complain to, "" when unknown
};

// A data-protection authority listed with the jurisdictions (US states' attorneys general...).
struct AuthorityInfo
{
  std::string id;
  std::string name;
  std::string complaint_url;
  std::string address;
};

// Deadline rules by jurisdiction id ("FR", "GB", "US-CA"): rules/jurisdictions.json when the
// data has it, else the GDPR rule (one month, extendable by two, Art. 12(3)) for the EU and EEA
// countries and the UK GDPR's for GB.
class Jurisdictions
{
public:
  static util::Result<Jurisdictions> load(const std::filesystem::path& rules_dir);
  // The built-in rules only.
  static Jurisdictions builtin();
  const DeadlineRule* find(const std::string& id) const;
  // An authority of rules/jurisdictions.json by id, or null.
  const AuthorityInfo* authority(const std::string& id) const;

private:
  std::map<std::string, DeadlineRule> m_rules;
  std::map<std::string, AuthorityInfo> m_authorities;
};

// "2026-01-31" + 1 month = "2026-02-28": a month runs to the same day of the next month, or its
// last day when there is none.
std::string add_months(const std::string& date, int months);
std::string add_days(const std::string& date, int days);

// Where a request stands on a given day.
struct RequestStatus
{
  std::string due;          // the date the answer is due, "" when no deadline is known
  std::string extended_due; // the date with the extension the law allows, "" when none
  std::string cite;         // the provision, in the language asked for
  bool open = true;         // no outcome yet
  bool overdue = false;     // open and past the due date (the extended one when extended)
  int days = 0;             // days late when overdue, else days left (open only)
  // An overdue, refused or unanswered request: time for the complaint to the authority.
  bool complaint_due = false;
};

RequestStatus request_status(const Request& request,
                             const DeadlineRule* rule,
                             const util::Clock& clock,
                             const std::string& lang);

// What became of a request's page in `latest` (the newest audit of the subject): "present",
// "gone" or "not_seen"; `origin` is the audit the request was made from (null when unknown),
// and `diff`, when given, tells whether it went away between the last two audits ("gone_now").
std::string page_state(const Request& request,
                       const nlohmann::json& origin,
                       const nlohmann::json& latest,
                       const Diff* diff);

} // namespace empreinte::history

// "Your accounts": what the account check of the pseudonyms found (audit --accounts), in every
// human format. The found accounts are traces too; this section says which sites were asked,
// which could not answer and why (a site that did not answer is not "no account"), and what
// each found profile shows that ties the pseudonym to the person. The JSON report has the same
// facts under "accounts"; the renderers only lay it out.
#pragma once

#include "report/report.hpp"

#include <string>
#include <vector>

namespace empreinte::report {

struct AccountEntry
{
  std::string head;     // "dashfc84 on GitHub"
  std::string url;      // the profile's address, shown as text
  std::string trace_id; // the trace it became, for a link to it
  std::vector<std::string> details; // what the profile shows, one sentence each
};

struct AccountsText
{
  std::string heading;
  std::string summary; // sites asked, accounts found, how many name the person
  std::vector<AccountEntry> found;
  std::string unanswered_heading; // "" when every site answered
  std::vector<std::string> unanswered; // "Bitbucket (dashfc84): blocked: <reason>"
  std::string counts;                  // every status with its count
  std::vector<std::string> notes;      // attributions the site lists' licences ask for
};

// The section in the report's language, or an empty heading when no account check ran.
AccountsText word_accounts(const Report& r);

// The warning every format shows first when the account check could not ask every site.
std::optional<util::Message> accounts_warning(const accounts::Summary& summary);

} // namespace empreinte::report

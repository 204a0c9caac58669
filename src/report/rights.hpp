// "Your rights": which law the actions and letters follow, why that one, the authority to
// complain to and how long a site has to answer. Every human format shows it (the JSON report
// has the same facts under "jurisdiction"); the renderers only lay it out.
#pragma once

#include "report/report.hpp"

#include <string>
#include <vector>

namespace empreinte::report {

struct RightsText
{
  std::string heading;
  std::vector<std::string> lines;
};

// Why this jurisdiction, in `lang` ("the country in your profile (FR)"...).
std::string jurisdiction_reason(const JurisdictionUsed& used, const std::string& lang);

// The section in `lang`, or an empty heading when the report has no jurisdiction.
RightsText word_rights(const Report& r);

} // namespace empreinte::report

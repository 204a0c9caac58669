// Masking personal data in a report before it is shared (--redact).
#pragma once

#include "report/report.hpp"

#include <string>
#include <vector>

namespace empreinte::report {

// What to mask: e-mail addresses, phone numbers (by their last nine digits, whatever the
// formatting), and other data found folded (addresses, birth dates, identifiers).
struct Secrets
{
  std::vector<std::string> emails;      // lower-case
  std::vector<std::string> phone_tails; // last nine digits
  std::vector<std::string> folded;      // folded texts
};

// The subject's own e-mails and phones, and every e-mail, phone, address, birth date,
// national identifier and financial datum detected in the report's traces.
Secrets secrets_of(const Report& report);

// `text` with every secret replaced by "[redacted]".
std::string mask(const std::string& text, const Secrets& secrets);

// Masks the report in place: the subject's e-mails and phones, and the traces' URLs, titles,
// snippets, evidence and exposed data. Used for every format.
void redact(Report& report);

} // namespace empreinte::report

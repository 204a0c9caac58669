// Two details are the least that separates a person from the others of the same name: a
// common name has namesakes in the same city, and many share a trade.
#include "score/profile_check.hpp"

namespace empreinte::score {

std::optional<util::Message> thin_profile_warning(const profile::Profile& p)
{
  int given = 0;
  given += p.location.empty() ? 0 : 1;
  given += p.job.title.empty() && p.job.employer.empty() ? 0 : 1;
  given += p.birth_year == 0 ? 0 : 1;
  given += p.pseudonyms.empty() ? 0 : 1;
  given += p.emails.empty() && p.phones.empty() ? 0 : 1;
  if (given >= 2) {
    return std::nullopt;
  }
  std::string missing;
  auto add = [&](bool absent, const char* key) {
    if (absent) {
      missing += (missing.empty() ? "" : ", ") + std::string(key);
    }
  };
  add(p.location.empty(), "location");
  add(p.job.title.empty() && p.job.employer.empty(), "job");
  add(p.birth_year == 0, "birth_year");
  add(p.emails.empty() && p.phones.empty(), "emails");
  add(p.pseudonyms.empty(), "pseudonyms");
  return util::Message{"warning.thin_profile", {missing}, {}};
}

} // namespace empreinte::score

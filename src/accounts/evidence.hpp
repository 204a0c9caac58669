// What a found account's public profile page gives away: the evidence that ties a pseudonym
// to the person (real name, city, job, photo, links to their other accounts).
#pragma once

#include "accounts/checker.hpp"
#include "profile/profile.hpp"
#include "read/page_reader.hpp"
#include "traces/trace.hpp"

#include <set>
#include <string>
#include <vector>

namespace empreinte::accounts {

struct ProfileEvidence
{
  traces::PageRead page;   // status, reason, and the page when read
  std::string real_name;   // the person's name as the profile shows it; "" when absent
  std::string city;        // the person's location when the profile shows it
  std::string job;         // the job title or employer when the profile shows it
  std::string photo;       // the profile's picture (og:image), "" when none
  std::vector<std::string> links; // other accounts: rel="me", JSON-LD sameAs, links to sites
                                  // of the account list
  // True when the page names the person: the pseudonym is tied to the real name.
  bool ties_name() const { return !real_name.empty(); }
  bool any() const
  {
    return ties_name() || !city.empty() || !job.empty() || !photo.empty() || !links.empty();
  }
};

// The hosts of every site of the list (for links in a bio that point to other accounts).
std::set<std::string> account_hosts(const SiteList& list);

// Judges one read profile page against the person's profile.
ProfileEvidence judge_profile(const traces::PageRead& page,
                              const std::string& page_url,
                              const profile::Profile& person,
                              const std::set<std::string>& hosts);

// Reads the profile page of every found check with `reader` (public pages, robots.txt
// honoured, no login) and judges it; one entry per check, empty evidence when not found.
// `rewrite` is the test-only URL override of the checker (null: none).
std::vector<ProfileEvidence> read_profiles(const std::vector<Check>& checks,
                                           read::PageReader& reader,
                                           const profile::Profile& person,
                                           const SiteList& list,
                                           const std::function<std::string(const std::string&)>& rewrite);

} // namespace empreinte::accounts

// The subject of an audit: who they are, and the data used to recognise them in results.
#pragma once

#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::profile {

// The person's current job, used by the fourth search.
struct Job
{
  std::string title;
  std::string employer;
};

// A person to audit. Only first and last name are required.
struct Profile
{
  std::string first_name;
  std::string last_name;
  std::vector<std::string> other_names; // birth or married names, nicknames ("Camille Roux")
  std::vector<std::string> pseudonyms;
  std::vector<std::string> networks; // ids from rules/networks.json, resolved by the planner
  Job job;
  std::string location;
  int birth_year = 0;              // 0: not given; tells namesakes of another age apart
  std::vector<std::string> emails; // only used to recognise the person's own data
  std::vector<std::string> phones; // idem
  std::vector<std::string> not_me; // URLs the person knows are about someone else
  std::vector<std::string> is_me;  // URLs the person confirmed are about them
  // Where the person lives, for the law that protects them: an ISO 3166 code ("FR", "GB",
  // "US-CA", "CA-QC") or a country name; "" = derived from location or phone (score/jurisdiction).
  std::string country;
  std::string postal_address; // one line, parts separated by commas; for letters' sender block
  std::string reply_email;    // where answers to letters should go
};

// Values given on the command line; they add to (lists) or replace (scalars) a profile file.
struct ProfileFlags
{
  std::string profile_file;
  std::string first_name;
  std::string last_name;
  std::vector<std::string> other_names;
  std::vector<std::string> pseudonyms;
  std::vector<std::string> networks;
  std::string job_title;
  std::string employer;
  std::string location;
  int birth_year = 0;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> not_me;
  std::vector<std::string> is_me;
  std::string country;
  std::string postal_address;
  std::string reply_email;

  bool any_subject() const;
};

// Reads a profile from JSON. `source` names the file in error messages.
util::Result<Profile> profile_from_json(const nlohmann::json& value, const std::string& source);

// Reads a profile file (JSON).
util::Result<Profile> load_profile(const std::string& path);

// The profile file (if any) with the flags applied on top, validated.
util::Result<Profile> profile_from_flags(const ProfileFlags& flags);

// Checks the values: names present and made of letters, no empty strings in lists.
util::Status validate(const Profile& profile, const std::string& source);

// The profile as JSON, in the shape profile_from_json reads (empty fields left out).
nlohmann::ordered_json profile_to_json(const Profile& profile);

} // namespace empreinte::profile

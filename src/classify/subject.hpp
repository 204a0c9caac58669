// The person, prepared for matching: name forms, slugs, own data, place and occupations.
#pragma once

#include "classify/rules.hpp"
#include "profile/names.hpp"
#include "profile/profile.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

// The classifier's numeric choices that were fitted to labelled data (bench/eval --lopo
// measures them leave-one-persona-out; docs/benchmarks.md).
struct Tuning
{
  std::size_t name_window = 10; // words either side of a name that describe its bearer
  double against = 0.2;         // weight of each detail that contradicts (place, trade, age)
};

struct Subject
{
  Tuning tuning;
  profile::Profile profile;
  std::vector<profile::NameForm> names;
  std::vector<std::vector<std::string>> surnames;   // folded words of each surname
  std::vector<std::string> first_names;             // folded first words of given names
  std::vector<std::vector<std::string>> pseudonyms; // folded words
  std::vector<std::string> pseudonym_slugs;         // "helvass38"
  std::vector<std::string> name_slugs;              // "helenevasseur", "vasseurhelene", ...
  std::vector<std::string> emails;                  // lower-case
  std::vector<std::string> phone_tails;             // last 9 digits
  std::vector<std::string> location;                // folded words
  const Place* place = nullptr;                     // the location in rules/places.json
  std::vector<std::string> job_title;               // folded words
  std::vector<std::string> job_keywords;            // its distinctive words ("staps")
  std::vector<const Occupation*> occupations;       // of the job title
  std::vector<std::string> employer;                // folded words
  std::string employer_slug;                        // "cliniquedestilleuls"
  std::vector<std::vector<std::string>> employer_forms; // the whole name, then shorter forms
  std::vector<std::string> employer_slugs; // of each form, articles dropped: "fournilzola"
  std::vector<std::string> not_me;                  // normalised URLs
  std::vector<std::string> is_me;                   // normalised URLs the person confirmed
  bool owns_employer = false; // named founder or owner of the employer: its site is theirs

  static Subject make(const profile::Profile& profile, const Rules& rules, Tuning tuning = {});

  // True when `slug` (folded, no separators) is one of the person's names or pseudonyms, or
  // carries one (a name slug followed by digits or a suffix: "helenevasseur38").
  bool owns_slug(const std::string& slug) const;
  bool is_pseudonym_slug(const std::string& slug) const;
};

// Folded letters and digits only: "Hélène.Vasseur-38" -> "helenevasseur38".
std::string slug_of(std::string_view text);

} // namespace empreinte::classify

// Places a person may say they live or work in (rules/places.json), with their regions.
#pragma once

#include "classify/phrase_index.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::classify {

struct Place
{
  std::string name;
  std::string country;
  std::vector<std::string> regions; // region codes, most local first
};

class Places
{
public:
  static util::Result<Places> load(const std::string& path);
  static util::Result<Places> from_json(const nlohmann::json& value, const std::string& source);

  // Unambiguous places named in `words`.
  std::vector<const Place*> find(const std::vector<std::string>& words) const;
  // The place or region a profile's location names ("Grenoble", "Isère"), or nullptr.
  const Place* resolve(const std::string& location) const;
  // Every place the first place name in `location` may be ("Manchester": England and New
  // Hampshire), in the order of the rules; empty when it names none.
  std::vector<const Place*> resolve_all(const std::string& location) const;
  // True when two places share a region (or are the same place).
  static bool same_area(const Place& a, const Place& b);
  std::size_t size() const { return m_places.size(); }

private:
  std::vector<Place> m_places; // places, ambiguous places, then regions as pseudo-places
  std::size_t m_unambiguous = 0;
  PhraseIndex m_index;         // unambiguous places and regions
  PhraseIndex m_all;           // every place and region, for resolving the profile's location
};

} // namespace empreinte::classify

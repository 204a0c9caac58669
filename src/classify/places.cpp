// Ambiguous names (Orange, Nice, Reading...) are kept for the profile's own location but never
// read as a place in third-party text.
#include "classify/places.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"

#include <algorithm>

namespace empreinte::classify {

using nlohmann::json;

util::Result<Places> Places::load(const std::string& path)
{
  auto value = load_rules_json(path, "empreinte/places/v1", {"regions", "places", "ambiguous"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

util::Result<Places> Places::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* regions = root.array("regions", true);
  const json* places = root.array("places", true);
  const json* ambiguous = root.array("ambiguous");
  if (root.error()) {
    return *root.error();
  }
  Places out;
  std::vector<Place> region_places;
  for (std::size_t i = 0; i < regions->size(); ++i) {
    util::JsonFields f((*regions)[i], source, "/regions/" + std::to_string(i));
    f.allow_only({"code", "country", "names"});
    Place region;
    const std::string code = f.string("code", true);
    region.country = f.string("country", true);
    const auto names = f.strings("names", true);
    if (f.error()) {
      return *f.error();
    }
    region.regions = {code};
    for (const auto& name : names) {
      region.name = name;
      region_places.push_back(region);
    }
  }
  auto read_places = [&](const json& list, const std::string& pointer, bool is_ambiguous) -> util::Status {
    for (std::size_t i = 0; i < list.size(); ++i) {
      util::JsonFields f(list[i], source, pointer + "/" + std::to_string(i));
      f.allow_only({"name", "country", "regions", "aliases"});
      Place p;
      p.name = f.string("name", true);
      p.country = f.string("country", true);
      p.regions = f.strings("regions", true);
      const auto aliases = f.strings("aliases");
      if (f.error()) {
        return *f.error();
      }
      const std::size_t id = out.m_places.size();
      if (!is_ambiguous) {
        out.m_index.add(p.name, id);
        for (const auto& a : aliases) {
          out.m_index.add(a, id);
        }
      }
      out.m_all.add(p.name, id);
      for (const auto& a : aliases) {
        out.m_all.add(a, id);
      }
      out.m_places.push_back(std::move(p));
    }
    return util::ok_status();
  };
  if (auto s = read_places(*places, "/places", false); !s) {
    return s.error();
  }
  out.m_unambiguous = out.m_places.size();
  if (ambiguous) {
    if (auto s = read_places(*ambiguous, "/ambiguous", true); !s) {
      return s.error();
    }
  }
  for (auto& r : region_places) {
    // Region names are places too in text ("Jura", "Oregon"); ambiguous ones are written in
    // qualified form in the rules ("département du Nord").
    out.m_index.add(r.name, out.m_places.size());
    out.m_all.add(r.name, out.m_places.size());
    out.m_places.push_back(std::move(r));
  }
  return out;
}

std::vector<const Place*> Places::find(const std::vector<std::string>& words) const
{
  std::vector<const Place*> out;
  for (const auto& hit : m_index.find_all(words)) {
    out.push_back(&m_places[hit.id]);
  }
  return out;
}

const Place* Places::resolve(const std::string& location) const
{
  const auto hits = m_all.find_all(util::words(location));
  return hits.empty() ? nullptr : &m_places[hits.front().id];
}

std::vector<const Place*> Places::resolve_all(const std::string& location) const
{
  std::vector<const Place*> out;
  const auto words = util::words(location);
  const auto hits = m_all.find_all(words);
  if (!hits.empty()) {
    for (std::size_t id : m_all.ids_at(words, hits.front())) {
      out.push_back(&m_places[id]);
    }
  }
  return out;
}

bool Places::same_area(const Place& a, const Place& b)
{
  if (&a == &b || (a.name == b.name && a.country == b.country)) {
    return true;
  }
  for (const auto& r : a.regions) {
    if (std::find(b.regions.begin(), b.regions.end(), r) != b.regions.end()) {
      return true;
    }
  }
  return false;
}

} // namespace empreinte::classify

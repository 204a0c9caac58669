// A job title is reduced to occupations so that "infirmière" and "nurse" agree.
#include "classify/occupations.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"

#include <set>

namespace empreinte::classify {

using nlohmann::json;

util::Result<Occupations> Occupations::load(const std::string& path)
{
  auto value = load_rules_json(path, "empreinte/occupations/v1", {"occupations"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

util::Result<Occupations> Occupations::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* list = root.array("occupations", true);
  if (root.error()) {
    return *root.error();
  }
  Occupations out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields f((*list)[i], source, "/occupations/" + std::to_string(i));
    f.allow_only({"id", "group", "terms"});
    Occupation o;
    o.id = f.string("id", true);
    o.group = f.string("group", true);
    const auto terms = f.strings("terms", true);
    if (!f.error() && !ids.insert(o.id).second) {
      f.fail("duplicate occupation id \"" + o.id + "\"", "id");
    }
    if (f.error()) {
      return *f.error();
    }
    for (const auto& t : terms) {
      out.m_index.add(t, out.m_occupations.size());
    }
    out.m_occupations.push_back(std::move(o));
  }
  return out;
}

std::vector<std::pair<const Occupation*, std::size_t>> Occupations::find(
  const std::vector<std::string>& words) const
{
  std::vector<std::pair<const Occupation*, std::size_t>> out;
  for (const auto& hit : m_index.find_all(words)) {
    out.emplace_back(&m_occupations[hit.id], hit.start);
  }
  return out;
}

std::vector<const Occupation*> Occupations::resolve(const std::string& job_title) const
{
  std::vector<const Occupation*> out;
  for (const auto& [o, pos] : find(util::words(job_title))) {
    out.push_back(o);
  }
  return out;
}

} // namespace empreinte::classify

// Job titles, grouped by occupation (rules/occupations.json).
#pragma once

#include "classify/phrase_index.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace empreinte::classify {

struct Occupation
{
  std::string id;
  std::string group;
};

class Occupations
{
public:
  static util::Result<Occupations> load(const std::string& path);
  static util::Result<Occupations> from_json(const nlohmann::json& value, const std::string& source);

  // Occupations named in `words`, with the position of each mention.
  std::vector<std::pair<const Occupation*, std::size_t>> find(const std::vector<std::string>& words) const;
  // The occupations a job title names ("infirmière puéricultrice" -> nurse).
  std::vector<const Occupation*> resolve(const std::string& job_title) const;
  std::size_t size() const { return m_occupations.size(); }

private:
  std::vector<Occupation> m_occupations;
  PhraseIndex m_index;
};

} // namespace empreinte::classify

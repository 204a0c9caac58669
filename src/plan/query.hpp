// A planned search: which of the method's four questions it answers, and its text.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace empreinte::plan {

// The four searches of the method, in the order they are run and reported.
enum class Family { name, network, pseudonym, job };

// One query of the plan.
struct Query
{
  std::string id; // "q1", "q2", ... in plan order
  Family family = Family::name;
  std::string text;   // as typed into a search engine: "\"Hélène Vasseur\" site:instagram.com"
  std::string target; // what the query is about: the name form, network id, pseudonym, job field
  int pages = 0;      // read at least this many result pages (0: the audit's --pages)
};

std::string_view family_name(Family family);
std::optional<Family> family_from_name(std::string_view name);

// The question a family answers, in the method's words, in English or French ("fr").
std::string_view family_question(Family family, std::string_view lang = "en");

// {"id", "family", "text", "question", "target"}: the query fields shared by plan and report,
// the question in `lang`.
nlohmann::ordered_json query_to_json(const Query& query, std::string_view lang = "en");

} // namespace empreinte::plan

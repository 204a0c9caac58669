// Family names are part of the JSON report format: never rename them.
#include "plan/query.hpp"

namespace empreinte::plan {

std::string_view family_name(Family family)
{
  switch (family) {
  case Family::name:
    return "name";
  case Family::network:
    return "network";
  case Family::pseudonym:
    return "pseudonym";
  case Family::job:
    return "job";
  }
  return "name";
}

std::optional<Family> family_from_name(std::string_view name)
{
  for (Family f : {Family::name, Family::network, Family::pseudonym, Family::job}) {
    if (family_name(f) == name) {
      return f;
    }
  }
  return std::nullopt;
}

std::string_view family_question(Family family, std::string_view lang)
{
  const bool fr = lang == "fr";
  switch (family) {
  case Family::name:
    return fr ? "Que sort-il globalement en première page sur mon nom ?"
              : "What comes out overall on the first page for my name?";
  case Family::network:
    return fr ? "Les publications de mes réseaux sociaux sont-elles indexées sous mon nom ?"
              : "Are posts from my social networks indexed under my name?";
  case Family::pseudonym:
    return fr ? "Mon pseudonyme est-il relié à ma véritable identité ?"
              : "Is my pseudonym tied to my real identity?";
  case Family::job:
    return fr ? "Mon activité professionnelle est-elle liée à mon identité ?"
              : "Is my professional activity linked to my identity?";
  }
  return "";
}

nlohmann::ordered_json query_to_json(const Query& query, std::string_view lang)
{
  return {{"id", query.id},
          {"family", family_name(query.family)},
          {"text", query.text},
          {"question", family_question(query.family, lang)},
          {"target", query.target}};
}

} // namespace empreinte::plan

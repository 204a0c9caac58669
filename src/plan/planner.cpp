// The method asks four questions; the plan asks each one with the fewest, most telling queries.
#include "plan/planner.hpp"

#include "profile/employer.hpp"
#include "profile/names.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>

namespace empreinte::plan {

std::string quote(const std::string& text)
{
  std::string clean;
  for (char c : util::squeeze_spaces(text)) {
    if (c != '"') {
      clean += c;
    }
  }
  return "\"" + util::squeeze_spaces(clean) + "\"";
}

namespace {

struct Candidate
{
  Family family;
  std::string text;
  std::string target;
  int pages = 0;
};

std::string site_clause(const Network& network)
{
  std::string out;
  for (const auto& domain : network.domains) {
    out += (out.empty() ? "" : " OR ") + ("site:" + domain);
  }
  return out;
}

std::vector<Candidate> family_candidates(Family family,
                                         const profile::Profile& p,
                                         const NetworkCatalog& catalog)
{
  const std::string name = quote(profile::full_name(p));
  std::vector<Candidate> out;
  switch (family) {
  case Family::name:
    // The first page is what everyone sees; the second is where a stranger who insists goes.
    out.push_back({family, name, profile::full_name(p), 2});
    if (!p.location.empty()) {
      // Narrows a common name to the person's city, as people do by hand.
      out.push_back({family, name + " " + util::squeeze_spaces(p.location), p.location});
    }
    for (const auto& other : p.other_names) {
      // A single-word other name is a surname (birth or married name).
      const std::string full =
        util::words(other).size() == 1 ? p.first_name + " " + other : other;
      out.push_back({family, quote(full), util::squeeze_spaces(full)});
    }
    break;
  case Family::network: {
    std::vector<Network> networks;
    for (const auto& id : p.networks) {
      if (auto n = catalog.resolve(id)) {
        networks.push_back(std::move(*n));
      }
    }
    if (networks.empty()) {
      for (const Network* n : catalog.defaults()) {
        networks.push_back(*n);
      }
    }
    for (const Network& n : networks) {
      out.push_back({family, name + " " + site_clause(n), n.id});
    }
    break;
  }
  case Family::pseudonym:
    for (const auto& pseudonym : p.pseudonyms) {
      out.push_back({family, name + " " + quote(pseudonym), pseudonym});
      out.push_back({family, quote(pseudonym), pseudonym});
    }
    break;
  case Family::job:
    if (!p.job.title.empty()) {
      out.push_back({family, name + " " + quote(p.job.title), p.job.title});
    }
    if (!p.job.employer.empty()) {
      // Pages name a business without its legal form or its kind ("Le Fournil", not
      // "Boulangerie Le Fournil SARL"): the core name finds both.
      out.push_back({family, name + " " + quote(profile::employer_core(p.job.employer)),
                     p.job.employer});
    }
    break;
  }
  return out;
}

} // namespace

std::vector<Query> make_plan(const profile::Profile& p,
                             const NetworkCatalog& catalog,
                             const PlanOptions& options)
{
  constexpr std::array families{Family::name, Family::network, Family::pseudonym, Family::job};
  std::array<std::vector<Candidate>, families.size()> by_family;
  std::vector<std::string> seen; // folded texts, to drop duplicates
  for (std::size_t f = 0; f < families.size(); ++f) {
    for (auto& c : family_candidates(families[f], p, catalog)) {
      std::string key = util::fold(util::squeeze_spaces(c.text));
      if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
        seen.push_back(std::move(key));
        by_family[f].push_back(std::move(c));
      }
    }
  }
  // Round-robin selection marks what to keep; the plan itself stays in family order.
  std::array<std::size_t, families.size()> keep{};
  std::size_t total = 0;
  for (const auto& list : by_family) {
    total += list.size();
  }
  const std::size_t limit = options.max_queries == 0 ? total : std::min(options.max_queries, total);
  for (std::size_t kept = 0, round = 0; kept < limit; ++round) {
    for (std::size_t f = 0; f < families.size() && kept < limit; ++f) {
      if (round < by_family[f].size()) {
        ++keep[f];
        ++kept;
      }
    }
  }
  std::vector<Query> plan;
  for (std::size_t f = 0; f < families.size(); ++f) {
    for (std::size_t i = 0; i < keep[f]; ++i) {
      auto& c = by_family[f][i];
      plan.push_back(Query{"q" + std::to_string(plan.size() + 1),
                           c.family,
                           std::move(c.text),
                           std::move(c.target),
                           c.pages});
    }
  }
  return plan;
}

} // namespace empreinte::plan

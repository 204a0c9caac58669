// Loading stops at a file's first error (it is unusable); lint goes on to report them all.
#include "classify/rules.hpp"

#include "util/cpus.hpp"

#include <functional>
#include <future>
#include <set>

namespace empreinte::classify {

namespace fs = std::filesystem;

util::Result<Rules> Rules::load(const fs::path& dir)
{
  auto pending = PendingRules::start(dir);
  if (!pending) {
    return pending.error();
  }
  return pending->finish();
}

util::Result<PendingRules> PendingRules::start(const fs::path& dir)
{
  // The pattern sets (cues and lexicons) cost most of a run's start-up to compile: on a second
  // core they compile while this thread reads the other files, and while the caller goes on
  // (issue 14).
  auto compile = [dir] {
    return Compiled{CueRules::load((dir / "cues.json").string()),
                    SensitiveRules::load((dir / "lexicons.json").string())};
  };
  PendingRules p;
  p.m_compiled = util::available_cpus() > 1 ? std::async(std::launch::async, compile)
                                            : std::async(std::launch::deferred, compile);
  Rules& r = p.m_rules;
  auto networks = plan::NetworkCatalog::load((dir / "networks.json").string());
  if (!networks) {
    return networks.error();
  }
  r.networks = std::move(*networks);
  auto sites = SiteRules::load((dir / "sites.json").string(), r.networks);
  if (!sites) {
    return sites.error();
  }
  r.sites = std::move(*sites);
  auto platforms = PlatformRules::load((dir / "platforms.json").string());
  if (!platforms) {
    return platforms.error();
  }
  r.platforms = std::move(*platforms);
  auto places = Places::load((dir / "places.json").string());
  if (!places) {
    return places.error();
  }
  r.places = std::move(*places);
  auto occupations = Occupations::load((dir / "occupations.json").string());
  if (!occupations) {
    return occupations.error();
  }
  r.occupations = std::move(*occupations);
  return p;
}

util::Result<Rules> PendingRules::finish()
{
  Compiled sets = m_compiled.get();
  if (!sets.cues) {
    return sets.cues.error();
  }
  m_rules.cues = std::move(*sets.cues);
  if (!sets.sensitive) {
    return sets.sensitive.error();
  }
  m_rules.sensitive = std::move(*sets.sensitive);
  return std::move(m_rules);
}

namespace {

LintProblem from_error(const util::Error& e)
{
  return LintProblem{e.where, e.what + (e.hint.empty() ? "" : " (" + e.hint + ")")};
}

template<typename Loaded>
void lint_file(const fs::path& path,
               std::string_view schema,
               std::initializer_list<std::string_view> keys,
               std::vector<LintProblem>& problems,
               const std::function<util::Result<Loaded>(const nlohmann::json&, const std::string&)>& build,
               const std::function<std::vector<LintProblem>(const Loaded&, const nlohmann::json&, const std::string&)>& examples)
{
  auto value = load_rules_json(path.string(), schema, keys);
  if (!value) {
    problems.push_back(from_error(value.error()));
    return;
  }
  auto loaded = build(*value, path.string());
  if (!loaded) {
    problems.push_back(from_error(loaded.error()));
    return;
  }
  if (examples) {
    for (auto& p : examples(*loaded, *value, path.string())) {
      problems.push_back(std::move(p));
    }
  }
}

} // namespace

std::vector<LintProblem> lint_rules(const fs::path& dir)
{
  std::vector<LintProblem> problems;
  auto networks = plan::NetworkCatalog::load((dir / "networks.json").string());
  if (!networks) {
    problems.push_back(from_error(networks.error()));
  }
  const plan::NetworkCatalog catalog = networks ? *networks : plan::NetworkCatalog();
  if (auto sites = SiteRules::load((dir / "sites.json").string(), catalog); !sites) {
    problems.push_back(from_error(sites.error()));
  }
  lint_file<PlatformRules>(
    dir / "platforms.json", "empreinte/platforms/v1", {"platforms"}, problems,
    [](const nlohmann::json& v, const std::string& s) { return PlatformRules::from_json(v, s); },
    [&](const PlatformRules& rules, const nlohmann::json& v, const std::string& s) {
      auto found = rules.lint_examples(v, s);
      const auto& list = v.at("platforms");
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto network = list[i].value("network", nlohmann::json()).is_string()
                               ? list[i]["network"].get<std::string>()
                               : std::string();
        if (!network.empty() && networks && !catalog.find(network)) {
          found.push_back({s + ": /platforms/" + std::to_string(i) + "/network",
                           "unknown network \"" + network + "\" (not in networks.json)"});
        }
      }
      return found;
    });
  lint_file<CueRules>(
    dir / "cues.json", "empreinte/cues/v1", {"cues"}, problems,
    [](const nlohmann::json& v, const std::string& s) { return CueRules::from_json(v, s); },
    [](const CueRules& rules, const nlohmann::json& v, const std::string& s) {
      return rules.lint_examples(v, s);
    });
  lint_file<SensitiveRules>(
    dir / "lexicons.json", "empreinte/lexicons/v1", {"terms", "patterns"}, problems,
    [](const nlohmann::json& v, const std::string& s) { return SensitiveRules::from_json(v, s); },
    [](const SensitiveRules& rules, const nlohmann::json& v, const std::string& s) {
      return rules.lint_examples(v, s);
    });
  lint_file<Places>(
    dir / "places.json", "empreinte/places/v1", {"regions", "places", "ambiguous"}, problems,
    [](const nlohmann::json& v, const std::string& s) { return Places::from_json(v, s); }, nullptr);
  lint_file<Occupations>(
    dir / "occupations.json", "empreinte/occupations/v1", {"occupations"}, problems,
    [](const nlohmann::json& v, const std::string& s) { return Occupations::from_json(v, s); }, nullptr);
  return problems;
}

} // namespace empreinte::classify

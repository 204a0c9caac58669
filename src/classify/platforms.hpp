// Platforms with their profile and post URL patterns (rules/platforms.json).
#pragma once

#include "classify/patterns.hpp"
#include "classify/rules_file.hpp"
#include "util/result.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace empreinte::classify {

struct Platform
{
  std::string id;
  std::string name;
  std::string network; // id in rules/networks.json, or ""
  std::string category;
  std::vector<std::string> hosts;
  std::vector<LazyPattern> profile;
  std::vector<LazyPattern> posts;
  // Lower-case path segments that are never handles: a profile or post pattern whose "handle"
  // capture is one of them does not match (RE2 has no negative lookahead).
  std::vector<std::string> reserved;
  std::vector<LazyPattern> author_cues;
};

enum class PageType { none, profile, post };

// What a URL is on a platform.
struct PlatformMatch
{
  const Platform* platform = nullptr;
  PageType type = PageType::none;
  std::string handle; // account of a profile, or author of a post when the URL shows it
};

class PlatformRules
{
public:
  static util::Result<PlatformRules> load(const std::string& path);
  static util::Result<PlatformRules> from_json(const nlohmann::json& value,
                                               const std::string& source);

  // The platforms of the most specific known suffix of `host` (usually one).
  std::vector<const Platform*> platforms_of(std::string_view host) const;
  // Classifies a normalised URL.
  PlatformMatch match(const std::string& normalised_url, std::string_view host) const;
  // The author of a post page, from its folded title or snippet ("x sur instagram : ..."):
  // a display name or a handle, whichever the cue gives; "" when none.
  std::string author_from_text(const Platform& platform, std::string_view folded_text) const;

  std::size_t size() const { return m_platforms.size(); }
  // Checks every example of `value` (the parsed file) against the loaded rules.
  std::vector<LintProblem> lint_examples(const nlohmann::json& value,
                                         const std::string& source) const;

private:
  std::vector<Platform> m_platforms;
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_host;
};

} // namespace empreinte::classify

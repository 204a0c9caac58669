// Matching is a small backtracking-free walk: "*" matches any run, "$" anchors the end.
#include "read/robots.hpp"

#include "util/text.hpp"

namespace empreinte::read {

namespace {

constexpr std::size_t k_max_bytes = 500 * 1024; // RFC 9309: at least 500 KiB are parsed
constexpr std::size_t k_max_rules = 5000;

std::string trim(std::string_view s)
{
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

// Does `pattern` match the start of `path`? Greedy-free matching with the last "*" position
// remembered, so the cost stays linear in practice.
bool matches(std::string_view pattern, std::string_view path)
{
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) {
    pattern.remove_suffix(1);
  }
  std::size_t p = 0;
  std::size_t s = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) {
        return true;
      }
      // Anchored but text remains: backtrack to the last star if any.
    } else if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || mark >= path.size()) {
      return false;
    }
    p = star + 1;
    s = ++mark;
  }
}

} // namespace

RobotsRules RobotsRules::disallow_all()
{
  RobotsRules r;
  r.m_rules.push_back(Rule{false, "/"});
  return r;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view agent)
{
  text = text.substr(0, k_max_bytes);
  const std::string me = util::ascii_lower(agent);
  // Groups: consecutive user-agent lines, then their rules.
  std::vector<Rule> mine;
  std::vector<Rule> star;
  bool found_mine = false;
  bool in_agents = false; // reading the user-agent lines of a group
  bool group_mine = false;
  bool group_star = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    const std::string key = util::ascii_lower(trim(line.substr(0, colon)));
    const std::string value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) {
        group_mine = group_star = false;
        in_agents = true;
      }
      const std::string ua = util::ascii_lower(value);
      if (ua == "*") {
        group_star = true;
      } else if (!ua.empty() && me.rfind(ua, 0) == 0) {
        group_mine = found_mine = true;
      }
      continue;
    }
    if (key != "allow" && key != "disallow") {
      continue; // sitemap, crawl-delay...: not ours to use
    }
    in_agents = false;
    if (value.empty()) {
      continue; // "Disallow:" allows everything
    }
    const Rule rule{key == "allow", value};
    if (group_mine && mine.size() < k_max_rules) {
      mine.push_back(rule);
    }
    if (group_star && star.size() < k_max_rules) {
      star.push_back(rule);
    }
  }
  RobotsRules r;
  r.m_rules = found_mine ? std::move(mine) : std::move(star);
  return r;
}

bool RobotsRules::allowed(std::string_view path) const
{
  std::size_t best = 0;
  bool allow = true;
  bool any = false;
  for (const auto& rule : m_rules) {
    if (!matches(rule.pattern, path)) {
      continue;
    }
    const std::size_t length = rule.pattern.size();
    if (!any || length > best || (length == best && rule.allow)) {
      best = length;
      allow = rule.allow;
      any = true;
    }
  }
  return allow;
}

} // namespace empreinte::read

// robots.txt as search engines read it (RFC 9309): the group for our product token, else "*";
// the longest matching Allow or Disallow rule wins, Allow on a tie; "*" and "$" in patterns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::read {

class RobotsRules
{
public:
  // Everything allowed (no robots.txt, or one that is unreachable with a 4xx).
  RobotsRules() = default;
  // Parses `text` for the product token `agent` ("empreinte"); lines are bounded, bad lines
  // ignored, as the RFC asks.
  static RobotsRules parse(std::string_view text, std::string_view agent);
  // Nothing allowed (robots.txt answered 5xx or could not be fetched: RFC 9309 2.3.1.4).
  static RobotsRules disallow_all();

  // True when `path` (path and query, starting with "/") may be read.
  bool allowed(std::string_view path) const;

private:
  struct Rule
  {
    bool allow = false;
    std::string pattern;
  };
  std::vector<Rule> m_rules;
};

} // namespace empreinte::read

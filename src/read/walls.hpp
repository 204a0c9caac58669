// What a page that cannot be read looks like: login walls of the big platforms, captcha and
// bot-wall fingerprints (rules/reading.json, with the fingerprints of rules/accounts.json).
#pragma once

#include "traces/trace.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::read {

class Walls
{
public:
  // Loads rules/reading.json and the /blocked part of rules/accounts.json.
  static util::Result<Walls> load(const std::string& reading_path, const std::string& accounts_path);
  static util::Result<Walls> from_json(const nlohmann::json& reading,
                                       const nlohmann::json& blocked,
                                       const std::string& source);

  // A status and reason when the answer is a wall or a block, nullopt when the page may be read.
  // `host` is the page's host, `location` the redirect target ("" when none).
  struct Verdict
  {
    traces::PageStatus status;
    std::string reason;
  };
  std::optional<Verdict> judge(const std::string& host,
                               int status,
                               const std::string& location,
                               const std::string& body) const;
  // True when `host` is a site that walls its pages.
  bool walls_host(const std::string& host) const;

private:
  struct LoginWall
  {
    std::string domain;
    std::vector<int> status;
    std::vector<std::string> redirect_contains;
    std::vector<std::string> body_contains;
  };
  const LoginWall* wall_of(const std::string& host) const;

  std::vector<int> m_block_status;
  std::vector<LoginWall> m_walls;
  std::vector<std::string> m_signatures;
};

} // namespace empreinte::read

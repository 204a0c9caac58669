// Plain substring tests: fingerprints are literal pieces of pages, never patterns.
#include "read/walls.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::read {

using nlohmann::json;

util::Result<Walls> Walls::load(const std::string& reading_path, const std::string& accounts_path)
{
  auto reading =
    classify::load_rules_json(reading_path, "empreinte/reading/v1", {"block_status", "login_walls"});
  if (!reading) {
    return reading.error();
  }
  auto accounts = classify::load_rules_json(accounts_path, "empreinte/accounts/v1",
                                            {"licence", "blocked", "sites"});
  if (!accounts) {
    return accounts.error();
  }
  return from_json(*reading, accounts->value("blocked", json::object()), reading_path);
}

util::Result<Walls> Walls::from_json(const json& reading, const json& blocked, const std::string& source)
{
  Walls w;
  util::JsonFields root(reading, source, "");
  const json* status = root.array("block_status", true);
  const json* walls = root.array("login_walls", true);
  if (root.error()) {
    return *root.error();
  }
  auto ints = [](const json& list) {
    std::vector<int> out;
    for (const auto& v : list) {
      if (v.is_number_integer()) {
        out.push_back(v.get<int>());
      }
    }
    return out;
  };
  w.m_block_status = ints(*status);
  for (std::size_t i = 0; i < walls->size(); ++i) {
    util::JsonFields f((*walls)[i], source, "/login_walls/" + std::to_string(i));
    f.allow_only({"domain", "status", "redirect_contains", "body_contains"});
    LoginWall wall;
    wall.domain = util::ascii_lower(f.string("domain", true));
    const json* codes = f.array("status", true);
    wall.redirect_contains = f.strings("redirect_contains", true);
    wall.body_contains = f.strings("body_contains", true);
    if (f.error()) {
      return *f.error();
    }
    wall.status = ints(*codes);
    w.m_walls.push_back(std::move(wall));
  }
  if (blocked.is_object()) {
    for (const auto& sig : blocked.value("signatures", json::array())) {
      if (sig.is_object() && sig.value("text", "").size() >= 8) {
        w.m_signatures.push_back(sig.value("text", ""));
      }
    }
  }
  return w;
}

const Walls::LoginWall* Walls::wall_of(const std::string& host) const
{
  const std::string h = util::ascii_lower(host);
  for (const auto& wall : m_walls) {
    if (h == wall.domain
        || (h.size() > wall.domain.size() && h.compare(h.size() - wall.domain.size(), wall.domain.size(), wall.domain) == 0
            && h[h.size() - wall.domain.size() - 1] == '.')) {
      return &wall;
    }
  }
  return nullptr;
}

bool Walls::walls_host(const std::string& host) const
{
  return wall_of(host) != nullptr;
}

std::optional<Walls::Verdict> Walls::judge(const std::string& host,
                                           int status,
                                           const std::string& location,
                                           const std::string& body) const
{
  auto contains_any = [](const std::string& text, const std::vector<std::string>& needles) {
    return std::any_of(needles.begin(), needles.end(), [&](const std::string& n) {
      return text.find(n) != std::string::npos;
    });
  };
  if (const LoginWall* wall = wall_of(host)) {
    if (std::find(wall->status.begin(), wall->status.end(), status) != wall->status.end()) {
      return Verdict{traces::PageStatus::login_wall,
                     "the site answers " + std::to_string(status) + " to visitors who are not logged in"};
    }
    if (!location.empty() && contains_any(location, wall->redirect_contains)) {
      return Verdict{traces::PageStatus::login_wall, "the site sends visitors to its login page"};
    }
    if (contains_any(body, wall->body_contains)) {
      return Verdict{traces::PageStatus::login_wall, "the site shows this page only after logging in"};
    }
  }
  if (status == 401 || status == 407) {
    return Verdict{traces::PageStatus::login_wall, "the page asks for a login (" + std::to_string(status) + ")"};
  }
  if (contains_any(body, m_signatures)) {
    return Verdict{traces::PageStatus::blocked, "a captcha or bot check answered instead of the page"};
  }
  if (std::find(m_block_status.begin(), m_block_status.end(), status) != m_block_status.end()) {
    return Verdict{traces::PageStatus::blocked,
                   status == 429 ? "the site asks to slow down (429)"
                                 : "the site refused the request (" + std::to_string(status) + ")"};
  }
  return std::nullopt;
}

} // namespace empreinte::read

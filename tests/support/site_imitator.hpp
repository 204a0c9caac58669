// A loopback stand-in for the sites of rules/accounts.json: answers a request (by its Host
// header and path) the way the site's detection rules expect for an existing or an absent
// account. Header-only: the account tests and bench/accounts_throughput.cpp share it.
#pragma once

#include "accounts/sites.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <httplib.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace empreinte::test {

class SiteImitator
{
public:
  // `existing`: the names that have an account on every site.
  SiteImitator(const accounts::SiteList& list, std::set<std::string> existing)
      : m_existing(std::move(existing))
  {
    for (const auto& s : list.sites) {
      add_route(s, s.probe.empty() ? s.url : s.probe, false);
      if (!s.probe.empty()) {
        add_route(s, s.url, true); // the public profile page, read once an account is found
      }
    }
  }

  void add_route(const accounts::Site& s, const std::string& with_fragment, bool page)
  {
    const std::string t = with_fragment.substr(0, with_fragment.find('#')); // never sent
    {
      Route r;
      r.site = &s;
      r.page = page;
      const auto at = t.find("{user}");
      auto u = util::parse_http_url(t.substr(0, at) + "x" + t.substr(at + 6));
      if (!u) {
        return;
      }
      r.host = u->host + (u->port.empty() ? "" : ":" + u->port);
      for (const auto& h : s.headers) {
        if (h.rfind("Host: ", 0) == 0) {
          r.host = util::ascii_lower(h.substr(6)); // the site's own Host (Venmo's probe)
        }
      }
      // What comes before and after {user} in "path?query".
      const std::string scheme_host = t.substr(0, t.find_first_of("/?", t.find("://") + 3));
      if (at < scheme_host.size()) {
        return; // {user} in the host name (user.example.com): not imitated
      }
      r.before = t.substr(scheme_host.size(), at - scheme_host.size());
      if (r.before.empty() || r.before[0] != '/') {
        r.before = "/" + r.before; // "https://host?q=": curl asks for "/?q="
      }
      r.after = t.substr(at + 6);
      m_routes[r.host].push_back(r);
    }
  }

  // Answers like the site would; false when no site has this host and path.
  bool answer(const httplib::Request& req, httplib::Response& res) const
  {
    const auto it = m_routes.find(util::ascii_lower(req.get_header_value("Host")));
    if (it == m_routes.end()) {
      return false;
    }
    std::string target = req.path;
    if (!req.params.empty()) {
      const auto q = req.target.find('?');
      if (q != std::string::npos) {
        target = req.target;
      }
    }
    for (const auto& r : it->second) {
      if (target.size() < r.before.size() + r.after.size() || target.rfind(r.before, 0) != 0
          || target.compare(target.size() - r.after.size(), r.after.size(), r.after) != 0) {
        continue;
      }
      const std::string user = util::percent_decode(
        target.substr(r.before.size(), target.size() - r.before.size() - r.after.size()));
      if (r.page) {
        res.status = m_existing.count(user) ? 200 : 404;
        res.set_content("<html><head><title>" + user + "</title></head><body></body></html>",
                        "text/html");
        return true;
      }
      reply(*r.site, user, m_existing.count(user) > 0, res);
      return true;
    }
    return false;
  }

  static void reply(const accounts::Site& s, const std::string& user, bool exists,
                    httplib::Response& res)
  {
    const auto& d = s.detect;
    if (exists) {
      res.status = d.found_status.front();
      std::string body = "<html><head><title>" + user + " profile</title></head><body><h1>"
                         + user + "</h1>";
      if (!d.present_strings.empty()) {
        body += d.present_strings.front();
      }
      res.set_content(body + "</body></html>", "text/html");
      return;
    }
    switch (d.method) {
    case accounts::Method::status:
      res.status = d.absent_status.front();
      res.set_content("<html><body>Not found</body></html>", "text/html");
      return;
    case accounts::Method::message:
      if (!d.absent_strings.empty()) {
        res.status = 200; // the soft 404 these sites send
        res.set_content("<html><body>" + d.absent_strings.front() + "</body></html>",
                        "text/html");
      } else {
        res.status = 200; // no way to say "absent": the check must call it unknown
        res.set_content("<html><body>Nothing to see</body></html>", "text/html");
      }
      return;
    case accounts::Method::redirect: {
      std::string to = d.absent_redirect;
      if (const auto at = to.find("{user}"); at != std::string::npos) {
        to.replace(at, 6, user);
      }
      res.status = 302;
      res.set_header("Location", to.empty() ? "/" : "https://" + to);
      return;
    }
    }
  }

private:
  struct Route
  {
    const accounts::Site* site = nullptr;
    bool page = false; // the profile page of a site checked through a probe
    std::string host;
    std::string before;
    std::string after;
  };
  std::map<std::string, std::vector<Route>> m_routes;
  std::set<std::string> m_existing;
};

} // namespace empreinte::test

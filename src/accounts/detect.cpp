// Blocks are judged before the site's own rules: a challenge page answers 200 and would pass
// for an account on every site that detects by status.
#include "accounts/detect.hpp"

#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace empreinte::accounts {

namespace {

bool has(const std::vector<int>& list, int v)
{
  return std::find(list.begin(), list.end(), v) != list.end();
}

const std::string* first_in(const std::string& body, const std::vector<std::string>& needles)
{
  for (const auto& n : needles) {
    if (body.find(n) != std::string::npos) {
      return &n;
    }
  }
  return nullptr;
}

std::string quoted(const std::string& text)
{
  return "\"" + util::truncate_utf8(util::squeeze_spaces(text), 60) + "\"";
}

// Scheme-less, without a leading "www.": how absent_redirect prefixes are written.
std::string bare(const std::string& url)
{
  std::string out = url;
  if (const auto p = out.find("://"); p != std::string::npos) {
    out = out.substr(p + 3);
  }
  if (util::ascii_lower(out.substr(0, 4)) == "www.") {
    out = out.substr(4);
  }
  return out;
}

} // namespace

std::string_view status_name(Status status)
{
  switch (status) {
  case Status::found:
    return "found";
  case Status::not_found:
    return "not_found";
  case Status::blocked:
    return "blocked";
  case Status::rate_limited:
    return "rate_limited";
  case Status::error:
    return "error";
  case Status::timeout:
    return "timeout";
  case Status::unknown:
    return "unknown";
  case Status::not_applicable:
    return "not_applicable";
  }
  return "unknown";
}

bool is_login_url(std::string_view url)
{
  const std::string u = util::ascii_lower(url);
  const auto p = util::parse_http_url(u);
  const std::string path = p ? p->path + "?" + p->query : u;
  for (const char* word : {"login", "log-in", "signin", "sign-in", "sign_in", "signup",
                           "sign-up", "/auth", "/session", "accounts/login", "checkpoint"}) {
    if (path.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

Verdict judge(const Site& site,
              const SiteList& list,
              const std::string& name,
              const std::string& request_url,
              const search::HttpResponse& r)
{
  using search::TransportError;
  if (r.error == TransportError::timeout || r.error == TransportError::deadline) {
    return {Status::timeout, search::transport_reason(r)};
  }
  if (r.error == TransportError::too_large) {
    return {Status::unknown, "the answer is too large to judge"};
  }
  if (r.error != TransportError::none) {
    return {Status::error, search::transport_reason(r)};
  }
  const Detect& d = site.detect;
  for (const auto& sig : list.signatures) {
    if (r.body.find(sig.text) != std::string::npos) {
      return {Status::blocked,
              fmt::format("a {} page answered instead of the profile ({})",
                          sig.protection == "captcha" ? "captcha" : sig.protection + " challenge",
                          quoted(sig.text))};
    }
  }
  if (const auto* s = first_in(r.body, d.blocked_strings)) {
    return {Status::blocked, "the site's block page answered (" + quoted(*s) + ")"};
  }
  const bool listed = has(d.found_status, r.status) || has(d.absent_status, r.status);
  if (!listed && r.status == 429) {
    return {Status::rate_limited, "the site asks to slow down (429)"};
  }
  if (!listed && (r.status == 401 || r.status == 407)) {
    return {Status::blocked, fmt::format("the site asks for a login ({})", r.status)};
  }
  if (!listed && has(list.blocked_status, r.status)) {
    return {Status::blocked, fmt::format("the site refused the request ({})", r.status)};
  }
  const bool redirect = r.status >= 300 && r.status < 400;
  std::string target;
  if (redirect && !r.location.empty()) {
    target = util::resolve_url(request_url, r.location);
  }
  switch (d.method) {
  case Method::status:
    if (has(d.found_status, r.status)) {
      return {Status::found, fmt::format("the profile page answers {}", r.status)};
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, fmt::format("the site answers {} for this name", r.status)};
    }
    break;
  case Method::message:
    if (const auto* s = first_in(r.body, d.absent_strings)) {
      return {Status::not_found, "the page says " + quoted(*s)};
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, fmt::format("the site answers {} for this name", r.status)};
    }
    if (has(d.found_status, r.status)) {
      if (d.present_strings.empty()) {
        return {Status::found, fmt::format("the page answers {} without the 'no such user' text",
                                           r.status)};
      }
      if (const auto* s = first_in(r.body, d.present_strings)) {
        return {Status::found, "the profile page shows " + quoted(*s)};
      }
      return {Status::unknown,
              "the page has neither the site's 'no such user' text nor its profile text"};
    }
    break;
  case Method::redirect: {
    if (redirect) {
      if (d.absent_redirect.empty()) {
        return {Status::not_found, "the site redirects away from the profile address"};
      }
      std::string prefix = d.absent_redirect;
      if (const auto at = prefix.find("{user}"); at != std::string::npos) {
        prefix.replace(at, 6, util::percent_encode(name));
      }
      if (!target.empty() && bare(target).rfind(prefix, 0) == 0) {
        return {Status::not_found, "the site redirects to " + bare(target)};
      }
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, fmt::format("the site answers {} for this name", r.status)};
    }
    if (has(d.found_status, r.status)) {
      if (d.present_strings.empty() || first_in(r.body, d.present_strings)) {
        return {Status::found, fmt::format("the profile address answers {} without redirecting",
                                           r.status)};
      }
      return {Status::unknown, "the page lacks the site's profile text"};
    }
    break;
  }
  }
  if (redirect) {
    return {Status::unknown,
            "the site redirects" + (target.empty() ? std::string() : " to " + target)
              + ", which its rules do not explain"};
  }
  return {Status::unknown, fmt::format("the site answered {}, which its rules do not explain",
                                       r.status)};
}

} // namespace empreinte::accounts

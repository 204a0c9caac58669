// Blocks are judged before the site's own rules: a challenge page answers 200 and would pass
// for an account on every site that detects by status.
#include "accounts/detect.hpp"

#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>

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

} // namespace

util::Message why(std::string_view reason, std::vector<std::string> args)
{
  return util::Message{"accounts.reason." + std::string(reason), std::move(args), {}};
}

namespace {

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

namespace {

// The request failed on the way: the transfer's own sentence, in the report's language.
util::Message transport_failed(const search::HttpResponse& r)
{
  return {"accounts.reason.transport", {}, {search::transport_message(r)}};
}

} // namespace

Verdict judge(const Site& site,
              const SiteList& list,
              const std::string& name,
              const std::string& request_url,
              const search::HttpResponse& r)
{
  using search::TransportError;
  if (r.error == TransportError::timeout || r.error == TransportError::deadline) {
    return {Status::timeout, transport_failed(r)};
  }
  if (r.error == TransportError::too_large) {
    return {Status::unknown, why("too_large")};
  }
  if (r.error != TransportError::none) {
    return {Status::error, transport_failed(r)};
  }
  const Detect& d = site.detect;
  for (const auto& sig : list.signatures) {
    if (r.body.find(sig.text) != std::string::npos) {
      return {Status::blocked,
              sig.protection == "captcha" ? why("captcha", {quoted(sig.text)})
                                          : why("challenge", {sig.protection, quoted(sig.text)})};
    }
  }
  if (const auto* s = first_in(r.body, d.blocked_strings)) {
    return {Status::blocked, why("block_page", {quoted(*s)})};
  }
  const bool listed = has(d.found_status, r.status) || has(d.absent_status, r.status);
  if (!listed && r.status == 429) {
    return {Status::rate_limited, why("slow_down")};
  }
  if (!listed && (r.status == 401 || r.status == 407)) {
    return {Status::blocked, why("login", {std::to_string(r.status)})};
  }
  if (!listed && has(list.blocked_status, r.status)) {
    return {Status::blocked, why("refused", {std::to_string(r.status)})};
  }
  const bool redirect = r.status >= 300 && r.status < 400;
  std::string target;
  if (redirect && !r.location.empty()) {
    target = util::resolve_url(request_url, r.location);
  }
  switch (d.method) {
  case Method::status:
    if (has(d.found_status, r.status)) {
      return {Status::found, why("profile_answers", {std::to_string(r.status)})};
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, why("absent_status", {std::to_string(r.status)})};
    }
    break;
  case Method::message:
    if (const auto* s = first_in(r.body, d.absent_strings)) {
      return {Status::not_found, why("page_says", {quoted(*s)})};
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, why("absent_status", {std::to_string(r.status)})};
    }
    if (has(d.found_status, r.status)) {
      if (d.present_strings.empty()) {
        return {Status::found, why("no_absent_text", {std::to_string(r.status)})};
      }
      if (const auto* s = first_in(r.body, d.present_strings)) {
        return {Status::found, why("profile_shows", {quoted(*s)})};
      }
      return {Status::unknown, why("neither_text")};
    }
    break;
  case Method::redirect: {
    if (redirect) {
      if (d.absent_redirect.empty()) {
        return {Status::not_found, why("redirects_away")};
      }
      std::string prefix = d.absent_redirect;
      if (const auto at = prefix.find("{user}"); at != std::string::npos) {
        prefix.replace(at, 6, util::percent_encode(name));
      }
      if (!target.empty() && bare(target).rfind(prefix, 0) == 0) {
        return {Status::not_found, why("redirects_to", {bare(target)})};
      }
    }
    if (has(d.absent_status, r.status)) {
      return {Status::not_found, why("absent_status", {std::to_string(r.status)})};
    }
    if (has(d.found_status, r.status)) {
      if (d.present_strings.empty() || first_in(r.body, d.present_strings)) {
        return {Status::found, why("no_redirect", {std::to_string(r.status)})};
      }
      return {Status::unknown, why("no_profile_text")};
    }
    break;
  }
  }
  if (redirect) {
    return {Status::unknown, target.empty() ? why("unexplained_redirect")
                                            : why("unexplained_redirect_to", {target})};
  }
  return {Status::unknown, why("unexplained_status", {std::to_string(r.status)})};
}

} // namespace empreinte::accounts

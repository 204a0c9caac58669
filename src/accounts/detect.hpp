// One site's answer -> a status with a reason (the reading order of the accounts schema).
#pragma once

#include "accounts/sites.hpp"
#include "search/http_engine.hpp"
#include "util/message.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace empreinte::accounts {

// What a check says, never a silent guess (docs/accounts.md, "Statuses"):
//   found           the site's answer means an account exists
//   not_found       the site's answer means no account
//   blocked         a WAF, captcha, bot or login page answered instead
//   rate_limited    the site asked to slow down (429)
//   error           no usable answer: network failure, unexpected HTTP error
//   timeout         no answer in time
//   unknown         an answer that fits neither found nor absent, or a site that also "finds"
//                   a random name (the control probe)
//   not_applicable  the site does not accept such a name (no request was sent)
enum class Status { found, not_found, blocked, rate_limited, error, timeout, unknown, not_applicable };

std::string_view status_name(Status status);

// Why a check has its status, in the person's language when shown (keys accounts.reason.* of
// src/report/i18n_catalogue_accounts.cpp; JSON outputs carry the English sentence).
struct Verdict
{
  Status status = Status::unknown;
  util::Message reason;
};

// The reason `accounts.reason.<reason>` with its arguments.
util::Message why(std::string_view reason, std::vector<std::string> args = {});

// Judges the final answer to a check of `name` on `site` (redirects already followed, except
// for the redirect method). `request_url` is the URL that answered (for relative redirects).
Verdict judge(const Site& site,
              const SiteList& list,
              const std::string& name,
              const std::string& request_url,
              const search::HttpResponse& response);

// True when `url` looks like a login or sign-up page (where sites send logged-out visitors).
bool is_login_url(std::string_view url);

} // namespace empreinte::accounts

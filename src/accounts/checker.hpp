// Asking sites whether pseudonyms have accounts: politely (one request at a time per host,
// spaced; a modest global concurrency), through the response cache, with a control probe.
#pragma once

#include "accounts/detect.hpp"
#include "accounts/sites.hpp"
#include "search/http_engine.hpp"
#include "search/response_cache.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::accounts {

// Why a name is asked for.
enum class Role { pseudonym, control, known, absent };

// One name asked of one site, and what the answer means.
struct Check
{
  const Site* site = nullptr;
  std::string name;
  Role role = Role::pseudonym;
  std::string url;     // the public profile address (what the report shows)
  Status status = Status::unknown;
  util::Message reason;
  int http_status = 0; // of the last answer; 0 when none
  bool from_cache = false;
};

struct CheckerOptions
{
  search::EngineOptions engine; // timeouts, proxy, User-Agent, deadline, global concurrency
  std::chrono::milliseconds per_host_interval{1000}; // between two requests to one host
  std::optional<search::ResponseCache> cache;        // nullopt: --no-cache
  bool refresh = false;                              // skip cached answers (store new ones)
  // Test-only: the URL actually requested for a site's URL (loopback servers); null: itself.
  std::function<std::string(const std::string&)> rewrite;
  std::function<void(std::size_t, std::size_t)> progress;
};

// The politeness defaults of `empreinte accounts` (docs/accounts.md): at most this many
// requests in flight, and this long between two requests to the same host.
constexpr int k_default_concurrency = 8;
constexpr int k_max_concurrency = 10;
constexpr std::chrono::milliseconds k_default_host_interval{1000};

// Runs the checks (their site, name and role set) and fills status, reason and url.
// Returns the number of requests sent and cache hits through `sent`/`hits`.
void run_checks(std::vector<Check>& checks,
                const SiteList& list,
                const CheckerOptions& options,
                std::size_t& sent,
                std::size_t& hits);

// The outcome of `empreinte accounts`: one check per site and pseudonym, one control per site.
struct CheckRun
{
  std::vector<std::string> pseudonyms;
  std::vector<Check> checks;   // by site (in list order), then pseudonym
  std::vector<Check> controls; // one per site checked
  std::size_t requests_sent = 0;
  std::size_t cache_hits = 0;
};

// Checks every pseudonym on every site, plus a random control name per site: a site that
// reports the control as found makes its "found" `unknown`. The control name of a site is
// kept in the cache like the answers (a re-run within the cache's life asks nothing new).
CheckRun check_accounts(const std::vector<const Site*>& sites,
                        const std::vector<std::string>& pseudonyms,
                        const SiteList& list,
                        const CheckerOptions& options);

// A random name the site accepts, unlikely to be anybody's ("" when the site's username rule
// accepts none of the shapes tried).
std::string control_name(const Site& site);

// The self-check of a site: its known name must be found and its absent name not.
struct SelfCheck
{
  const Site* site = nullptr;
  Check known;
  Check absent;
  bool passed() const
  {
    return known.status == Status::found && absent.status == Status::not_found;
  }
};

std::vector<SelfCheck> self_check(const std::vector<const Site*>& sites,
                                  const SiteList& list,
                                  const CheckerOptions& options,
                                  std::size_t& sent,
                                  std::size_t& hits);

} // namespace empreinte::accounts

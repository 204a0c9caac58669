// The politeness defaults live here and in accounts/checker.hpp; docs/accounts.md explains them.
#include "app/accounts_run.hpp"

#include "app/search_setup.hpp"
#include "read/web_reader.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace empreinte::app {

namespace {

std::chrono::milliseconds ms(double seconds)
{
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

// Test-only: "127.0.0.1:PORT" sends every request there, over plain HTTP, keeping the Host
// header, so that a loopback server can imitate many named sites.
std::string test_connect()
{
  const char* v = std::getenv("EMPREINTE_TEST_ACCOUNTS_CONNECT");
  return v ? v : "";
}

std::function<std::string(const std::string&)> test_rewrite()
{
  if (test_connect().empty()) {
    return nullptr;
  }
  return [](const std::string& url) {
    return url.rfind("https://", 0) == 0 ? "http://" + url.substr(8) : url;
  };
}

} // namespace

void add_account_selection_options(CLI::App& c, AccountFlags& f, const char* group)
{
  c.add_option("--sites", f.sites, "Check only these site ids (comma-separated or repeated)")
    ->delimiter(',')
    ->group(group);
  c.add_flag("--all-sites", f.all_sites,
             "Check every site of the list, not only the default set of dependable ones")
    ->group(group);
  c.add_flag("--nsfw", f.nsfw, "Include adult sites (with --all-sites or --sites)")->group(group);
  c.add_flag("--wmn", f.wmn, "Also check the WhatsMyName sites (rules/accounts-wmn.json, CC BY-SA)")
    ->group(group);
  c.add_option("--concurrency", f.concurrency, "Requests in flight at most, across all sites")
    ->check(CLI::Range(1, accounts::k_max_concurrency))
    ->capture_default_str()
    ->group(group);
  c.add_option("--host-interval", f.host_interval_s,
               "Seconds between two requests to the same site")
    ->check(CLI::Range(0.0, 60.0))
    ->capture_default_str()
    ->group(group);
  c.add_flag("--no-read", f.no_read,
             "Do not read the profile pages of the accounts found (no evidence of who they are)")
    ->group(group);
}

void add_account_network_options(CLI::App& c, AccountFlags& f)
{
  const char* group = "Network";
  c.add_option("--timeout", f.timeout_s, "Time limit for the whole check, in seconds (0: none)")
    ->check(CLI::Range(0.0, 86400.0))
    ->capture_default_str()
    ->group(group);
  c.add_option("--request-timeout", f.request_timeout_s, "Time limit for one request, in seconds")
    ->check(CLI::Range(0.1, 600.0))
    ->capture_default_str()
    ->group(group);
  c.add_option("--proxy", f.proxy,
               "Proxy URL, e.g. socks5h://127.0.0.1:9050 for Tor (curl's proxy variables also work)")
    ->group(group);
  c.add_option("--user-agent", f.user_agent, "User-Agent header (default: empreinte/VERSION ...)")
    ->group(group);
  c.add_flag("--no-cache", f.no_cache, "Neither read nor write the cache")->group(group);
  c.add_flag("--refresh", f.refresh,
             "Ignore cached answers and draw new control names (new answers are still stored)")
    ->group(group);
}

util::Result<accounts::SiteList> load_account_sites(const DataPaths& data, bool wmn)
{
  return accounts::load_sites(data.rules("accounts.json").string(),
                              wmn ? data.rules("accounts-wmn.json").string() : std::string());
}

util::Result<std::vector<const accounts::Site*>> choose_sites(const accounts::SiteList& list,
                                                              const AccountFlags& flags)
{
  std::vector<const accounts::Site*> out;
  if (!flags.sites.empty()) {
    for (const auto& id : flags.sites) {
      const accounts::Site* s = list.find(id);
      if (!s) {
        std::string close;
        for (const auto& site : list.sites) {
          if (site.id.find(id) != std::string::npos || id.find(site.id) != std::string::npos) {
            close += (close.empty() ? "" : ", ") + site.id;
          }
        }
        return util::input_error("unknown site \"" + id + "\"", "--sites",
                                 close.empty() ? "see the ids in rules/accounts.json"
                                               : "did you mean: " + close);
      }
      if (s->nsfw && !flags.nsfw) {
        return util::input_error("\"" + id + "\" is an adult site", "--sites", "add --nsfw");
      }
      if (std::find(out.begin(), out.end(), s) == out.end()) {
        out.push_back(s);
      }
    }
    return out;
  }
  for (const auto& s : list.sites) {
    if (s.nsfw && !flags.nsfw) {
      continue;
    }
    const bool extra = s.licence != "MIT"; // the WhatsMyName file: asked for with --wmn
    if (flags.all_sites || s.in_default || (extra && flags.wmn)) {
      out.push_back(&s);
    }
  }
  return out;
}

util::Result<accounts::CheckerOptions> checker_options(const AccountFlags& flags)
{
  for (const auto& [value, where] : {std::pair{flags.user_agent, "--user-agent"},
                                     std::pair{flags.proxy, "--proxy"}}) {
    if (auto s = check_setting_text(value, where); !s) {
      return s.error();
    }
  }
  accounts::CheckerOptions o;
  o.engine.max_concurrency = flags.concurrency;
  o.engine.deadline = ms(flags.timeout_s);
  o.engine.request_timeout = ms(flags.request_timeout_s);
  o.engine.connect_timeout = std::min(o.engine.request_timeout, std::chrono::milliseconds(10000));
  o.engine.max_retries = 1; // a second try for a 429 or a reset; more would not be polite
  o.engine.retry_after_cap = std::chrono::milliseconds(10000);
  o.engine.proxy = flags.proxy;
  o.engine.user_agent = flags.user_agent.empty() ? default_user_agent() : flags.user_agent;
  if (const std::string c = test_connect(); !c.empty()) {
    o.engine.connect_to = {"::" + c};
  }
  o.rewrite = test_rewrite();
  o.per_host_interval = ms(flags.host_interval_s);
  o.refresh = flags.refresh;
  if (!flags.no_cache) {
    if (auto dir = util::cache_dir()) {
      o.cache.emplace(*dir / "accounts", std::chrono::hours(24));
    } else if (!flags.quiet) {
      fmt::print(stderr, "empreinte: warning: {}; answers are not cached\n", dir.error().to_string());
    }
  }
  if (!flags.quiet && util::is_terminal(stderr)) {
    o.progress = [](std::size_t done, std::size_t total) {
      fmt::print(stderr, "\r\x1b[Kchecking accounts: {}/{} requests", done, total);
      if (done == total) {
        fmt::print(stderr, "\r\x1b[K");
      }
    };
  }
  return o;
}

util::Result<accounts::Summary> check_pseudonyms(const DataPaths& data,
                                                 const profile::Profile& person,
                                                 const AccountFlags& flags)
{
  auto list = load_account_sites(data, flags.wmn);
  if (!list) {
    return list.error();
  }
  auto sites = choose_sites(*list, flags);
  if (!sites) {
    return sites.error();
  }
  auto options = checker_options(flags);
  if (!options) {
    return options.error();
  }
  auto run = accounts::check_accounts(*sites, person.pseudonyms, *list, *options);
  std::vector<accounts::ProfileEvidence> evidence;
  if (!flags.no_read) {
    auto walls = read::Walls::load(data.rules("reading.json").string(),
                                   data.rules("accounts.json").string());
    if (!walls) {
      return walls.error();
    }
    read::WebReaderOptions ro;
    ro.engine = options->engine;
    ro.engine.max_retries = 1;
    ro.per_site_interval = options->per_host_interval;
    ro.refresh = flags.refresh;
    if (options->cache) {
      ro.cache.emplace(options->cache->dir().parent_path() / "pages", std::chrono::hours(24));
    }
    if (options->progress) {
      ro.progress = [](std::size_t done, std::size_t total) {
        fmt::print(stderr, "\r\x1b[Kreading profiles: {}/{} requests", done, total);
        if (done == total) {
          fmt::print(stderr, "\r\x1b[K");
        }
      };
    }
    read::WebPageReader reader(std::move(*walls), std::move(ro));
    evidence = accounts::read_profiles(run.checks, reader, person, *list, options->rewrite);
    run.requests_sent += reader.requests_sent();
    run.cache_hits += reader.cache_hits();
  }
  return accounts::summarise(run, sites->size(), evidence, *list);
}

} // namespace empreinte::app

// Every check is a chain of callbacks on the engine's loop: request, judge, maybe follow a
// redirect on the same lane. Nothing sleeps; the engine spaces the requests of each host.
#include "accounts/checker.hpp"

#include "search/response_envelope.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <map>
#include <random>

namespace empreinte::accounts {

namespace {

constexpr int k_max_redirects = 5;
constexpr std::size_t k_max_answer_bytes = 2u * 1024 * 1024;

std::string host_and_port(const std::string& url)
{
  const auto u = util::parse_http_url(url);
  return u ? u->host + (u->port.empty() ? "" : ":" + u->port) : url;
}

} // namespace

void run_checks(std::vector<Check>& checks,
                const SiteList& list,
                const CheckerOptions& options,
                std::size_t& sent,
                std::size_t& hits)
{
  search::EngineOptions engine_options = options.engine;
  engine_options.max_concurrency = std::clamp(engine_options.max_concurrency, 1, k_max_concurrency);
  engine_options.max_body_bytes = k_max_answer_bytes;
  search::HttpEngine engine(engine_options);
  engine.on_progress = options.progress;
  std::map<std::string, int> lanes; // by host of the site's own URL (never the rewritten one)
  auto rewrite = [&](const std::string& url) {
    return options.rewrite ? options.rewrite(url) : url;
  };

  // Redirects stay on the lane of the first request: lanes are made before the loop runs.
  std::function<void(std::size_t, int, std::string, int)> ask;
  ask = [&](std::size_t i, int lane, std::string url, int hops) {
    Check& c = checks[i];
    const std::vector<std::string> headers = c.site->headers;
    std::vector<std::string> key_headers = headers;
    key_headers.push_back("accounts");
    const std::string key = search::ResponseCache::key_of("GET", url, "", key_headers);
    auto judge_answer = [&, i, lane, url, hops](search::HttpResponse r) {
      Check& ch = checks[i];
      ch.http_status = r.status;
      ch.from_cache = ch.from_cache || r.from_cache;
      const bool redirect = r.error == search::TransportError::none && r.status >= 300
                            && r.status < 400 && !r.location.empty();
      if (redirect) {
        const std::string target = util::resolve_url(url, r.location);
        if (ch.site->detect.method != Method::redirect) {
          if (is_login_url(target)) {
            ch.status = Status::blocked;
            ch.reason = why("login_page_at", {target});
            return;
          }
          if (hops >= k_max_redirects || target.empty()) {
            ch.status = Status::unknown;
            ch.reason = why("too_many_redirects");
            return;
          }
          ask(i, lane, target, hops + 1);
          return;
        }
      }
      Verdict v = judge(*ch.site, list, ch.name, url, r);
      if (redirect && v.status == Status::unknown && is_login_url(r.location)) {
        v = {Status::blocked, why("login_page")};
      }
      ch.status = v.status;
      ch.reason = std::move(v.reason);
    };
    if (options.cache && !options.refresh) {
      if (auto text = options.cache->get(key)) {
        if (auto cached = search::from_envelope(*text)) {
          ++hits;
          judge_answer(std::move(*cached));
          return;
        }
      }
    }
    search::HttpRequest request;
    request.url = rewrite(url);
    request.headers = headers;
    request.max_body_bytes = k_max_answer_bytes;
    // A 5xx is not kept (the site may be back tomorrow) unless the site's rules use it.
    const Detect& d = checks[i].site->detect;
    auto listed = [&d](int status) {
      return std::find(d.found_status.begin(), d.found_status.end(), status)
               != d.found_status.end()
             || std::find(d.absent_status.begin(), d.absent_status.end(), status)
                  != d.absent_status.end();
    };
    engine.submit(lane, std::move(request),
                  [&options, key, judge_answer, listed](search::HttpResponse r) {
                    if (options.cache && r.error == search::TransportError::none && r.status > 0
                        && r.status != 429 && (r.status < 500 || listed(r.status))) {
                      (void)options.cache->put(key, search::to_envelope(r));
                    }
                    judge_answer(std::move(r));
                  });
  };

  for (std::size_t i = 0; i < checks.size(); ++i) {
    Check& c = checks[i];
    c.url = c.site->profile_url(c.name);
    if (!c.site->applies_to(c.name)) {
      c.status = Status::not_applicable;
      c.reason = why("name_not_accepted");
      continue;
    }
    const std::string url = c.site->request_url(c.name);
    auto [it, inserted] = lanes.try_emplace(host_and_port(url), 0);
    if (inserted) {
      it->second = engine.add_lane(1, options.per_host_interval);
    }
    ask(i, it->second, url, 0);
  }
  engine.run();
  sent += engine.requests_sent();
}

std::string control_name(const Site& site)
{
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  const std::string alnum = letters + "0123456789";
  auto make = [&](const std::string& alphabet, int n) {
    std::string s;
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    s += letters[pick(rng) % letters.size()];
    for (int k = 1; k < n; ++k) {
      s += alphabet[pick(rng)];
    }
    return s;
  };
  for (const auto& [alphabet, n] : {std::pair{alnum, 14}, std::pair{alnum, 10},
                                    std::pair{letters, 12}, std::pair{letters, 8},
                                    std::pair{letters, 6}, std::pair{alnum, 24},
                                    std::pair{letters, 4}, std::pair{letters, 3}}) {
    const std::string name = make(alphabet, n);
    if (site.applies_to(name)) {
      return name;
    }
  }
  return {};
}

CheckRun check_accounts(const std::vector<const Site*>& sites,
                        const std::vector<std::string>& pseudonyms,
                        const SiteList& list,
                        const CheckerOptions& options)
{
  CheckRun run;
  run.pseudonyms = pseudonyms;
  std::vector<Check> all;
  std::vector<std::size_t> control_of(sites.size(), std::string::npos);
  for (std::size_t s = 0; s < sites.size(); ++s) {
    const Site* site = sites[s];
    bool any = false;
    for (const auto& p : pseudonyms) {
      Check c;
      c.site = site;
      c.name = p;
      all.push_back(std::move(c));
      any = any || site->applies_to(p);
    }
    if (!any) {
      continue;
    }
    // The control name is kept with the answers, so a re-run within the cache's life asks
    // the same name and sends nothing.
    const std::string key = search::ResponseCache::key_of("CONTROL", site->id, "", {});
    std::string name;
    if (options.cache && !options.refresh) {
      name = options.cache->get(key).value_or("");
    }
    if (name.empty() || !site->applies_to(name)) {
      name = control_name(*site);
      if (options.cache && !name.empty()) {
        (void)options.cache->put(key, name);
      }
    }
    Check c;
    c.site = site;
    c.role = Role::control;
    c.name = name;
    if (name.empty()) {
      c.url = site->url;
      c.status = Status::not_applicable;
      c.reason = why("no_control_name");
      run.controls.push_back(std::move(c));
      continue;
    }
    control_of[s] = all.size();
    all.push_back(std::move(c));
  }
  run_checks(all, list, options, run.requests_sent, run.cache_hits);
  std::map<const Site*, const Check*> controls;
  for (const auto& c : all) {
    if (c.role == Role::control) {
      controls[c.site] = &c;
    }
  }
  for (auto& c : all) {
    if (c.role == Role::control) {
      continue;
    }
    const auto it = controls.find(c.site);
    if (c.status != Status::found || it == controls.end()) {
      continue;
    }
    const Check& control = *it->second;
    if (control.status == Status::found) {
      c.status = Status::unknown;
      c.reason = why("control_found", {control.name});
    } else if (control.status != Status::not_found) {
      util::Message first = std::move(c.reason);
      c.reason = why("control_unconfirmed", {std::string(status_name(control.status))});
      c.reason.parts.push_back(std::move(first));
    }
  }
  for (auto& c : all) {
    (c.role == Role::control ? run.controls : run.checks).push_back(std::move(c));
  }
  return run;
}

std::vector<SelfCheck> self_check(const std::vector<const Site*>& sites,
                                  const SiteList& list,
                                  const CheckerOptions& options,
                                  std::size_t& sent,
                                  std::size_t& hits)
{
  std::vector<Check> checks;
  for (const Site* site : sites) {
    Check known;
    known.site = site;
    known.name = site->known;
    known.role = Role::known;
    Check absent = known;
    absent.name = site->absent;
    absent.role = Role::absent;
    checks.push_back(std::move(known));
    checks.push_back(std::move(absent));
  }
  run_checks(checks, list, options, sent, hits);
  std::vector<SelfCheck> out;
  for (std::size_t i = 0; i + 1 < checks.size(); i += 2) {
    out.push_back({checks[i].site, std::move(checks[i]), std::move(checks[i + 1])});
  }
  return out;
}

} // namespace empreinte::accounts

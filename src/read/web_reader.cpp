// Callbacks chain the requests of one site: robots.txt first, then its pages one by one (the
// lane's politeness spaces them); redirects resubmit on the same lane.
#include "read/web_reader.hpp"

#include "report/i18n.hpp"
#include "search/response_envelope.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <map>
#include <memory>

namespace empreinte::read {

namespace {

constexpr int k_max_redirects = 3;
constexpr std::size_t k_max_robots_bytes = 512 * 1024;

// Cached answers keep what judging needs: status, type, redirect and body.
bool is_html(const std::string& content_type)
{
  const std::string t = util::ascii_lower(content_type);
  return t.empty() || t.rfind("text/html", 0) == 0 || t.rfind("application/xhtml+xml", 0) == 0;
}

std::string site_of(const util::UrlParts& u)
{
  return u.scheme + "://" + u.host + (u.port.empty() ? "" : ":" + u.port);
}

std::string path_of(const util::UrlParts& u)
{
  return (u.path.empty() ? "/" : u.path) + (u.query.empty() ? "" : "?" + u.query);
}

} // namespace

traces::PageRead judge_answer(const Walls& walls,
                              const std::string& host,
                              const search::HttpResponse& r,
                              std::size_t max_bytes)
{
  traces::PageRead page;
  if (r.error == search::TransportError::too_large) {
    page.status = traces::PageStatus::too_large;
    page.reason = "the page is over " + std::to_string(max_bytes / 1024) + " KiB";
    return page;
  }
  if (r.error != search::TransportError::none) {
    page.status = traces::PageStatus::error;
    page.reason = report::tr("en", search::transport_message(r));
    return page;
  }
  if (auto wall = walls.judge(host, r.status, r.location, r.body)) {
    page.status = wall->status;
    page.reason = wall->reason;
    return page;
  }
  if (r.status >= 300 && r.status < 400) {
    page.status = traces::PageStatus::error;
    page.reason = "the page redirects to another site (not followed)";
    return page;
  }
  if (r.status != 200) {
    page.status = traces::PageStatus::error;
    page.reason = "the site answered " + std::to_string(r.status);
    return page;
  }
  if (!is_html(r.content_type)) {
    page.status = traces::PageStatus::not_html;
    page.reason = "not an HTML page (" + util::truncate_utf8(r.content_type, 60) + ")";
    return page;
  }
  page.status = traces::PageStatus::read;
  page.content = parse_page(r.body);
  return page;
}

WebPageReader::WebPageReader(Walls walls, WebReaderOptions options)
  : m_walls(std::move(walls)),
    m_options(std::move(options))
{
}

std::vector<traces::PageRead> WebPageReader::read(const std::vector<ReadRequest>& requests)
{
  std::vector<traces::PageRead> out(requests.size());
  search::EngineOptions engine_options = m_options.engine;
  engine_options.max_body_bytes = std::max(m_options.max_page_bytes, k_max_robots_bytes);
  search::HttpEngine engine(engine_options);
  engine.on_progress = m_options.progress;

  struct Site
  {
    int lane = 0;
    std::optional<RobotsRules> robots;
    std::vector<std::size_t> waiting; // requests waiting for robots.txt
  };
  std::map<std::string, Site> sites;
  struct Parsed
  {
    util::UrlParts url;
    std::string site;
  };
  std::vector<std::optional<Parsed>> parsed(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto u = util::parse_http_url(requests[i].url);
    if (!u) {
      out[i].status = traces::PageStatus::error;
      out[i].reason = "not a web address that can be read";
      continue;
    }
    const std::string site = site_of(*u);
    parsed[i] = Parsed{*u, site};
    auto [it, inserted] = sites.try_emplace(site);
    if (inserted) {
      it->second.lane = engine.add_lane(1, m_options.per_site_interval);
    }
    it->second.waiting.push_back(i);
  }

  // Fetches through the cache; `done` gets the answer.
  auto fetch = [&](int lane, const std::string& url, std::size_t max_bytes,
                   std::function<void(search::HttpResponse)> done) {
    const std::string key = search::ResponseCache::key_of("GET", url, "", {"reader"});
    if (m_options.cache && !m_options.refresh) {
      if (auto text = m_options.cache->get(key)) {
        if (auto cached = search::from_envelope(*text)) {
          ++m_cache_hits;
          done(std::move(*cached));
          return;
        }
      }
    }
    search::HttpRequest request;
    request.url = url;
    request.headers = {"Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"};
    request.max_body_bytes = max_bytes;
    engine.submit(lane, std::move(request), [this, key, done](search::HttpResponse r) {
      if (m_options.cache && r.error == search::TransportError::none && r.status > 0
          && r.status < 500 && r.status != 429) {
        (void)m_options.cache->put(key, search::to_envelope(r));
      }
      done(std::move(r));
    });
  };

  // `key` is the site the request started on: its lane and robots.txt serve its redirects.
  std::function<void(std::size_t, const std::string&, util::UrlParts, int)> get_page;
  get_page = [&](std::size_t i, const std::string& key, util::UrlParts url, int hops) {
    Site& site = sites[key];
    if (site.robots && !site.robots->allowed(path_of(url))) {
      out[i].status = traces::PageStatus::robots;
      out[i].reason = "the site's robots.txt asks robots not to read this page";
      return;
    }
    fetch(site.lane, util::join_url(url), m_options.max_page_bytes,
          [&, i, key, url, hops](search::HttpResponse r) {
            const bool redirect = r.error == search::TransportError::none && r.status >= 300
                                  && r.status < 400 && !r.location.empty();
            if (redirect && !m_walls.judge(url.host, r.status, r.location, r.body)) {
              const auto next =
                util::parse_http_url(util::resolve_url(util::join_url(url), r.location));
              if (next && next->host == url.host && next->port == url.port
                  && hops < k_max_redirects) {
                get_page(i, key, *next, hops + 1); // same site: http -> https, a trailing slash
                return;
              }
            }
            out[i] = judge_answer(m_walls, url.host, r, m_options.max_page_bytes);
          });
  };

  for (auto& [name, site] : sites) {
    const std::string robots_url = name + "/robots.txt";
    fetch(site.lane, robots_url, k_max_robots_bytes,
          [&, name = name](search::HttpResponse r) {
            Site& s = sites[name];
            if (r.error != search::TransportError::none) {
              s.robots = RobotsRules::disallow_all();
              for (std::size_t i : s.waiting) {
                out[i].status = traces::PageStatus::error;
                out[i].reason = "the site could not be reached: "
                                + report::tr("en", search::transport_message(r));
              }
              return;
            }
            // RFC 9309: 4xx means no rules; 5xx (and redirects we do not follow) mean none
            // can be assumed, so nothing is read.
            if (r.status >= 200 && r.status < 300) {
              s.robots = RobotsRules::parse(r.body, m_options.robots_agent);
            } else if (r.status >= 400 && r.status < 500) {
              s.robots = RobotsRules();
            } else {
              s.robots = RobotsRules::disallow_all();
            }
            for (std::size_t i : s.waiting) {
              get_page(i, name, parsed[i]->url, 0);
            }
          });
  }
  engine.run();
  m_sent += engine.requests_sent();
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].status == traces::PageStatus::not_read && parsed[i]) {
      out[i].status = traces::PageStatus::error;
      out[i].reason = "no answer before the time limit";
    }
  }
  return out;
}

} // namespace empreinte::read

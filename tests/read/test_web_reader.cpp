// Reading result pages from loopback sites: robots.txt, login walls, captchas, huge, slow and
// non-HTML pages, redirects, politeness and the cache. Nothing leaves the machine.
#include "read/robots.hpp"
#include "read/web_reader.hpp"
#include "support/loopback.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <thread>

using namespace empreinte;
using traces::PageStatus;

namespace {

// A login wall on the loopback host, and one captcha fingerprint, as the rules files give them.
read::Walls test_walls()
{
  const auto reading = nlohmann::json::parse(R"({
    "schema": "empreinte/reading/v1", "source": "test", "block_status": [403, 429, 503],
    "login_walls": [{"domain": "127.0.0.1", "status": [999], "redirect_contains": ["/accounts/login"],
                     "body_contains": ["You must log in to continue"]}]})");
  const auto blocked = nlohmann::json::parse(
    R"({"status": [403], "signatures": [{"text": "<title>Just a moment...</title>", "protection": "cloudflare", "source": "t"}]})");
  auto walls = read::Walls::from_json(reading, blocked, "test");
  REQUIRE(walls);
  return *walls;
}

read::WebReaderOptions fast_reader_options()
{
  read::WebReaderOptions o;
  o.engine.request_timeout = std::chrono::milliseconds(1500);
  o.engine.max_retries = 0;
  o.engine.proxy = "";
  o.per_site_interval = std::chrono::milliseconds(0);
  o.max_page_bytes = 64 * 1024;
  return o;
}

const char* const k_reader_page = R"(<html lang="fr"><head><title>Camille Martin</title></head>
  <body><p>Camille Martin, architecte à Lyon.</p></body></html>)";

} // namespace

TEST_CASE("robots: groups, longest match, wildcards")
{
  const auto r = read::RobotsRules::parse(R"(# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private
Allow: /private/open
Disallow: /*.pdf$
Disallow:

User-agent: empreinte
User-agent: other
Disallow: /only-for-us
)", "empreinte");
  CHECK_FALSE(r.allowed("/only-for-us/page"));
  CHECK(r.allowed("/private")); // our group replaces "*"
  const auto star = read::RobotsRules::parse(
    "User-agent: *\nDisallow: /private\nAllow: /private/open\nDisallow: /*.pdf$\n", "empreinte");
  CHECK_FALSE(star.allowed("/private/x"));
  CHECK(star.allowed("/private/open/y"));
  CHECK_FALSE(star.allowed("/files/cv.pdf"));
  CHECK(star.allowed("/files/cv.pdf?x=1"));
  CHECK(star.allowed("/"));
  CHECK(read::RobotsRules().allowed("/anything"));
  CHECK_FALSE(read::RobotsRules::disallow_all().allowed("/"));
  CHECK(read::RobotsRules::parse(std::string(600000, 'x'), "empreinte").allowed("/"));
}

TEST_CASE("web reader: every kind of answer ends in its page status")
{
  test::LoopbackServer site;
  std::atomic<int> robots_hits{0};
  auto& s = site.http();
  s.Get("/robots.txt", [&](const httplib::Request&, httplib::Response& res) {
    ++robots_hits;
    res.set_content("User-agent: *\nDisallow: /secret\n", "text/plain");
  });
  s.Get("/page", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(k_reader_page, "text/html; charset=utf-8");
  });
  s.Get("/secret", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(k_reader_page, "text/html");
  });
  s.Get("/profile", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/accounts/login/?next=/profile");
  });
  s.Get("/walled", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><body>You must log in to continue.</body></html>", "text/html");
  });
  s.Get("/captcha", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html><head><title>Just a moment...</title></head></html>", "text/html");
  });
  s.Get("/huge", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>" + std::string(200 * 1024, 'a') + "</p>", "text/html");
  });
  s.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    res.set_content(k_reader_page, "text/html");
  });
  s.Get("/cv.pdf", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("%PDF-1.4", "application/pdf");
  });
  s.Get("/moved", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/page");
  });
  s.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  s.Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  s.Get("/forbidden", [](const httplib::Request&, httplib::Response& res) { res.status = 403; });
  s.Get("/authwall", [](const httplib::Request&, httplib::Response& res) { res.status = 999; });
  test::LoopbackServer other;
  other.http().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
  });
  other.http().Get("/elsewhere", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(site.url() + "/page");
  });
  site.start();
  other.start();

  read::WebPageReader reader(test_walls(), fast_reader_options());
  const std::vector<std::pair<std::string, PageStatus>> cases{
    {"/page", PageStatus::read},         {"/secret", PageStatus::robots},
    {"/profile", PageStatus::login_wall}, {"/walled", PageStatus::login_wall},
    {"/captcha", PageStatus::blocked},    {"/huge", PageStatus::too_large},
    {"/slow", PageStatus::error},         {"/cv.pdf", PageStatus::not_html},
    {"/moved", PageStatus::read},         {"/loop", PageStatus::error},
    {"/gone", PageStatus::error},         {"/forbidden", PageStatus::blocked},
    {"/authwall", PageStatus::login_wall}};
  std::vector<read::ReadRequest> requests;
  for (const auto& [path, status] : cases) {
    requests.push_back({site.url() + path, ""});
  }
  requests.push_back({other.url() + "/elsewhere", ""});
  requests.push_back({"ftp://example.org/x", ""});
  const auto start = std::chrono::steady_clock::now();
  const auto pages = reader.read(requests);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(pages.size() == requests.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].first << ": " << pages[i].reason);
    CHECK(traces::page_status_name(pages[i].status) == traces::page_status_name(cases[i].second));
    CHECK(pages[i].reason.empty() == (pages[i].status == PageStatus::read));
  }
  REQUIRE(pages[0].content);
  CHECK(pages[0].content->signals.lang == "fr");
  CHECK(pages[0].content->text.find("architecte") != std::string::npos);
  CHECK(pages[cases.size()].status == PageStatus::error); // a redirect to another site
  CHECK(pages[cases.size()].reason.find("another site") != std::string::npos);
  CHECK(pages[cases.size() + 1].status == PageStatus::error);
  CHECK(robots_hits == 1); // once per site and run
  // The slow page costs its own timeout, not the others' time (one lane per site, but the
  // deadline of a request is its own).
  CHECK(elapsed < std::chrono::seconds(20));
}

TEST_CASE("web reader: a site whose robots.txt fails is not read, the cache serves re-runs")
{
  test::LoopbackServer site;
  std::atomic<int> hits{0};
  site.http().Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 500;
  });
  site.http().Get("/page", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.set_content(k_reader_page, "text/html");
  });
  test::LoopbackServer open_site;
  open_site.http().Get("/page", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.set_content(k_reader_page, "text/html");
  });
  site.start();
  open_site.start();
  test::TempDir dir;
  auto options = fast_reader_options();
  options.cache.emplace(dir.path() / "pages", std::chrono::hours(24));
  {
    read::WebPageReader reader(test_walls(), options);
    const auto pages = reader.read({{site.url() + "/page", ""}, {open_site.url() + "/page", ""}});
    CHECK(pages[0].status == PageStatus::robots);
    CHECK(pages[1].status == PageStatus::read); // no robots.txt (404): everything allowed
    CHECK(hits == 1);
  }
  read::WebPageReader again(test_walls(), options);
  const auto pages = again.read({{open_site.url() + "/page", ""}});
  CHECK(pages[0].status == PageStatus::read);
  CHECK(hits == 1);
  CHECK(again.requests_sent() == 0);
  CHECK(again.cache_hits() == 2); // robots.txt and the page
}

TEST_CASE("web reader: one request at a time per site, spaced")
{
  test::LoopbackServer site;
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  site.http().Get(R"(/p/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    const int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    --in_flight;
    res.set_content(k_reader_page, "text/html");
  });
  site.start();
  auto options = fast_reader_options();
  options.per_site_interval = std::chrono::milliseconds(100);
  read::WebPageReader reader(test_walls(), options);
  std::vector<read::ReadRequest> requests;
  for (int i = 0; i < 5; ++i) {
    requests.push_back({site.url() + "/p/" + std::to_string(i), ""});
  }
  const auto start = std::chrono::steady_clock::now();
  const auto pages = reader.read(requests);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  for (const auto& p : pages) {
    CHECK(p.status == PageStatus::read);
  }
  CHECK(max_in_flight == 1);
  CHECK(elapsed >= std::chrono::milliseconds(500)); // robots.txt + 5 pages, 100 ms apart
}

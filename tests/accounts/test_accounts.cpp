// The account check against loopback sites: found, absent, soft 404, WAF and captcha pages,
// 429, slow answers, redirects to a login page, the control probe, the self-check, the cache
// and what profile pages give away. Nothing leaves the machine: every request goes to
// 127.0.0.1 through the checker's test-only override.
#include "accounts/checker.hpp"
#include "accounts/evidence.hpp"
#include "accounts/summary.hpp"
#include "read/web_reader.hpp"
#include "report/i18n.hpp"
#include "support/loopback.hpp"
#include "support/site_imitator.hpp"
#include "support/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <thread>

using namespace empreinte;
using accounts::Status;

namespace {

// A check's reason as the JSON outputs carry it.
std::string english_reason(const empreinte::util::Message& m)
{
  return empreinte::report::tr("en", m);
}

// Sites on made-up hosts; the loopback server tells them apart by their Host header.
const char* const k_sites = R"({
  "schema": "empreinte/accounts/v1", "licence": "MIT", "source": "test",
  "blocked": {"status": [403, 429, 503],
              "signatures": [{"text": "<title>Just a moment...</title>", "protection": "cloudflare", "source": "t"},
                             {"text": "/cdn-cgi/scripts/hcaptcha.challenge.js", "protection": "captcha", "source": "t"}]},
  "sites": [
    {"id": "bycode", "name": "ByCode", "category": "social", "nsfw": false,
     "url": "https://bycode.test/u/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "captcha", "name": "Captcha", "category": "social", "nsfw": false,
     "url": "https://captcha.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": ["captcha"], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "login", "name": "LoginWall", "category": "social", "nsfw": false,
     "url": "https://login.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "moved", "name": "Moved", "category": "dev", "nsfw": false,
     "url": "https://moved.test/{user}",
     "detect": {"method": "redirect", "found_status": [200], "absent_status": [],
                "absent_strings": [], "present_strings": [], "blocked_strings": [],
                "absent_redirect": "moved.test/search?q={user}"},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "naive", "name": "Naive", "category": "forum", "nsfw": false,
     "url": "https://naive.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "ratelimit", "name": "RateLimit", "category": "social", "nsfw": false,
     "url": "https://ratelimit.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "shortnames", "name": "ShortNames", "category": "social", "nsfw": false,
     "url": "https://short.test/{user}", "username": "^[a-z]{1,4}$",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "bob", "absent": "zz", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "slow", "name": "Slow", "category": "social", "nsfw": false,
     "url": "https://slow.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "soft404", "name": "Soft404", "category": "blog", "nsfw": false,
     "url": "https://soft.test/@{user}",
     "detect": {"method": "message", "found_status": [200], "absent_status": [],
                "absent_strings": ["This user does not exist"], "present_strings": ["Joined in"],
                "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": [], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"},
    {"id": "waf", "name": "Waf", "category": "social", "nsfw": false,
     "url": "https://waf.test/{user}",
     "detect": {"method": "status", "found_status": [200], "absent_status": [404],
                "absent_strings": [], "present_strings": [], "blocked_strings": []},
     "known": "alice", "absent": "nobody", "protection": ["cloudflare"], "default": true, "source": "sherlock @0000000000000000000000000000000000000000"}
  ]})";

accounts::SiteList test_sites()
{
  auto list = accounts::sites_from_json(nlohmann::json::parse(k_sites), "test");
  REQUIRE(list);
  return *list;
}

// Alice Martin's profile on bycode.test: her name, city, job, photo and links to her accounts.
const char* const k_alice_page = R"(<html><head><title>alice on ByCode</title>
  <meta property="og:image" content="https://bycode.test/avatars/alice.jpg"></head>
  <body><h1>alice</h1><p>Alice Martin, luthier in Lyon.</p>
  <a rel="me" href="https://mastodon.test/@alice">Mastodon</a>
  <a href="https://soft.test/@alice">my blog</a>
  <a href="https://bycode.test/explore">Explore</a></body></html>)";

// One loopback server for every site, and how many requests each host received.
struct Sites
{
  test::LoopbackServer server;
  std::atomic<int> requests{0};
  std::atomic<int> slow_requests{0};

  Sites()
  {
    // A thread per kept-alive connection, and the slow site holds its own for a while.
    server.http().new_task_queue = [] { return new httplib::ThreadPool(32); };
    server.http().Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests;
      const std::string host = req.get_header_value("Host");
      const std::string path = req.path;
      const bool alice = path.find("alice") != std::string::npos;
      if (path == "/robots.txt") {
        res.status = 404;
      } else if (host == "bycode.test") {
        res.status = alice ? 200 : 404;
        res.set_content(alice ? k_alice_page : "<html>no</html>", "text/html");
      } else if (host == "naive.test") {
        res.set_content("<html><body>Welcome!</body></html>", "text/html"); // 200 for anyone
      } else if (host == "soft.test") {
        res.set_content(alice ? "<html><body>alice. Joined in 2019</body></html>"
                              : "<html><body>This user does not exist</body></html>",
                        "text/html");
      } else if (host == "waf.test") {
        res.set_content("<html><head><title>Just a moment...</title></head></html>", "text/html");
      } else if (host == "captcha.test") {
        res.set_content(R"(<script src="/cdn-cgi/scripts/hcaptcha.challenge.js"></script>)",
                        "text/html");
      } else if (host == "ratelimit.test") {
        res.status = 429;
        res.set_content("Too Many Requests", "text/plain");
      } else if (host == "slow.test") {
        ++slow_requests;
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        res.status = 404;
      } else if (host == "login.test") {
        res.status = 302;
        res.set_header("Location", "/accounts/login?next=" + path);
      } else if (host == "moved.test") {
        if (alice) {
          res.set_content("<html>alice</html>", "text/html");
        } else {
          res.status = 302;
          res.set_header("Location", "https://moved.test/search?q=" + path.substr(1));
        }
      } else if (host == "short.test") {
        res.status = path == "/bob" ? 200 : 404;
      } else {
        res.status = 500;
      }
    });
    server.start();
  }

  accounts::CheckerOptions options() const
  {
    accounts::CheckerOptions o;
    o.engine.connect_to = {"::127.0.0.1:" + std::to_string(server.port())};
    o.engine.proxy = "";
    o.engine.request_timeout = std::chrono::milliseconds(700);
    o.engine.max_retries = 0;
    o.per_host_interval = std::chrono::milliseconds(0);
    o.rewrite = [](const std::string& url) {
      return url.rfind("https://", 0) == 0 ? "http://" + url.substr(8) : url;
    };
    return o;
  }
};

std::vector<const accounts::Site*> all_of(const accounts::SiteList& list)
{
  std::vector<const accounts::Site*> out;
  for (const auto& s : list.sites) {
    out.push_back(&s);
  }
  return out;
}

const accounts::Check& check_of(const accounts::CheckRun& run, const std::string& site,
                                const std::string& name)
{
  for (const auto& c : run.checks) {
    if (c.site->id == site && c.name == name) {
      return c;
    }
  }
  FAIL("no check for " << site << " " << name);
  throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("accounts: the site list loads strictly")
{
  auto doc = nlohmann::json::parse(k_sites);
  SUBCASE("the test list loads")
  {
    auto list = accounts::sites_from_json(doc, "t");
    REQUIRE(list);
    CHECK(list->sites.size() == 10);
    CHECK(list->find("soft404") != nullptr);
    CHECK(list->find("nope") == nullptr);
  }
  SUBCASE("a misspelt key is an error naming the place")
  {
    doc["sites"][0]["detect"]["presence_strings"] = nlohmann::json::array();
    auto list = accounts::sites_from_json(doc, "t");
    REQUIRE_FALSE(list);
    CHECK(list.error().to_string().find("/sites/0/detect") != std::string::npos);
  }
  SUBCASE("a template without {user} is refused")
  {
    doc["sites"][1]["url"] = "https://captcha.test/profile";
    CHECK_FALSE(accounts::sites_from_json(doc, "t"));
  }
  SUBCASE("a username pattern must compile")
  {
    doc["sites"][1]["username"] = "^[a-z";
    CHECK_FALSE(accounts::sites_from_json(doc, "t"));
  }
  SUBCASE("ids are unique")
  {
    doc["sites"][1]["id"] = "bycode";
    CHECK_FALSE(accounts::sites_from_json(doc, "t"));
  }
  SUBCASE("the shipped lists load (accounts.json and the WhatsMyName file)")
  {
    auto list = accounts::load_sites(std::string(EMPREINTE_SOURCE_DIR) + "/rules/accounts.json",
                                     std::string(EMPREINTE_SOURCE_DIR) + "/rules/accounts-wmn.json");
    REQUIRE(list);
    CHECK(list->sites.size() > 900);
    CHECK(list->attributions.size() == 1);
    CHECK(std::count_if(list->sites.begin(), list->sites.end(),
                        [](const auto& s) { return s.in_default; })
          > 150);
  }
}

TEST_CASE("accounts: each kind of answer gets its status and a reason")
{
  const auto list = test_sites();
  Sites sites;
  const auto run = accounts::check_accounts(all_of(list), {"alice", "nobody"}, list,
                                            sites.options());
  CHECK(run.checks.size() == 20);
  CHECK(check_of(run, "bycode", "alice").status == Status::found);
  CHECK(check_of(run, "bycode", "nobody").status == Status::not_found);
  CHECK(check_of(run, "bycode", "alice").url == "https://bycode.test/u/alice");
  // A soft 404 answers 200 for everyone: its text tells them apart.
  CHECK(check_of(run, "soft404", "alice").status == Status::found);
  CHECK(check_of(run, "soft404", "nobody").status == Status::not_found);
  CHECK(english_reason(check_of(run, "soft404", "nobody").reason).find("This user does not exist")
        != std::string::npos);
  // WAF and captcha pages answer 200: never an account.
  CHECK(check_of(run, "waf", "alice").status == Status::blocked);
  CHECK(english_reason(check_of(run, "waf", "alice").reason).find("cloudflare") != std::string::npos);
  CHECK(check_of(run, "captcha", "nobody").status == Status::blocked);
  CHECK(english_reason(check_of(run, "captcha", "nobody").reason).find("captcha") != std::string::npos);
  CHECK(check_of(run, "ratelimit", "alice").status == Status::rate_limited);
  CHECK(check_of(run, "slow", "alice").status == Status::timeout);
  // A redirect to a login page is a wall, not a profile.
  CHECK(check_of(run, "login", "alice").status == Status::blocked);
  CHECK(english_reason(check_of(run, "login", "alice").reason).find("login") != std::string::npos);
  CHECK(check_of(run, "moved", "alice").status == Status::found);
  CHECK(check_of(run, "moved", "nobody").status == Status::not_found);
  // The site's username rule: no request for a name it cannot hold.
  CHECK(check_of(run, "shortnames", "alice").status == Status::not_applicable);
  CHECK(check_of(run, "shortnames", "nobody").status == Status::not_applicable);
  for (const auto& c : run.checks) {
    CAPTURE(c.site->id);
    CHECK_FALSE(c.reason.key.empty());
  }
}

TEST_CASE("accounts: a site that 'finds' a random control name is unknown, not found")
{
  const auto list = test_sites();
  Sites sites;
  const auto run = accounts::check_accounts(all_of(list), {"alice"}, list, sites.options());
  const auto& naive = check_of(run, "naive", "alice");
  CHECK(naive.status == Status::unknown);
  CHECK(english_reason(naive.reason).find("random name") != std::string::npos);
  // One control per site asked (not for the site that accepts none of the names).
  CHECK(run.controls.size() == list.sites.size() - 1);
  for (const auto& c : run.controls) {
    CHECK(c.name != "alice");
    CHECK(c.name.size() >= 6);
    if (c.site->id == "bycode") {
      CHECK(c.status == Status::not_found);
    }
  }
  CHECK(check_of(run, "bycode", "alice").status == Status::found);
  // A control name fits the site's username rule.
  const auto* shortnames = list.find("shortnames");
  for (int i = 0; i < 20; ++i) {
    const std::string name = accounts::control_name(*shortnames);
    CHECK(shortnames->applies_to(name));
    CHECK(name.size() <= 4);
  }
}

TEST_CASE("accounts: self-check finds the known name and not the absent one")
{
  const auto list = test_sites();
  Sites sites;
  std::vector<const accounts::Site*> chosen = {list.find("bycode"), list.find("soft404"),
                                               list.find("naive"), list.find("waf")};
  std::size_t sent = 0;
  std::size_t hits = 0;
  const auto results = accounts::self_check(chosen, list, sites.options(), sent, hits);
  REQUIRE(results.size() == 4);
  CHECK(results[0].passed());
  CHECK(results[1].passed());
  CHECK_FALSE(results[2].passed()); // says yes to everyone
  CHECK(results[2].absent.status == Status::found);
  CHECK_FALSE(results[3].passed());
  CHECK(results[3].known.status == Status::blocked);
  CHECK(sent == 8);
}

TEST_CASE("accounts: politeness: one request at a time per host, spaced")
{
  const auto list = test_sites();
  Sites sites;
  auto options = sites.options();
  options.per_host_interval = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  // Three names and a control on one host: four requests at least 300 ms apart.
  const auto run =
    accounts::check_accounts({list.find("bycode")}, {"alice", "bob", "carol"}, list, options);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(run.requests_sent == 4);
  CHECK(elapsed >= std::chrono::milliseconds(900));
}

TEST_CASE("accounts: a cached re-run sends nothing and says the same")
{
  const auto list = test_sites();
  Sites sites;
  test::TempDir dir;
  auto options = sites.options();
  options.cache.emplace(dir.path() / "accounts", std::chrono::hours(1));
  std::vector<const accounts::Site*> chosen = {list.find("bycode"), list.find("soft404"),
                                               list.find("naive"), list.find("moved")};
  const auto first = accounts::check_accounts(chosen, {"alice", "nobody"}, list, options);
  CHECK(first.requests_sent == 12);
  const int requests = sites.requests;
  const auto second = accounts::check_accounts(chosen, {"alice", "nobody"}, list, options);
  CHECK(second.requests_sent == 0);
  CHECK(sites.requests == requests);
  CHECK(second.cache_hits == 12);
  REQUIRE(first.checks.size() == second.checks.size());
  for (std::size_t i = 0; i < first.checks.size(); ++i) {
    CHECK(first.checks[i].status == second.checks[i].status);
  }
  for (std::size_t i = 0; i < first.controls.size(); ++i) {
    CHECK(first.controls[i].name == second.controls[i].name);
  }
  SUBCASE("--refresh asks again, with a new control name")
  {
    options.refresh = true;
    const auto third = accounts::check_accounts(chosen, {"alice", "nobody"}, list, options);
    CHECK(third.requests_sent == 12);
    CHECK(third.controls[0].name != first.controls[0].name);
  }
}

TEST_CASE("accounts: the profile page says what ties the pseudonym to the person")
{
  const auto list = test_sites();
  Sites sites;
  auto options = sites.options();
  const auto run = accounts::check_accounts({list.find("bycode"), list.find("soft404")},
                                            {"alice"}, list, options);
  profile::Profile person;
  person.first_name = "Alice";
  person.last_name = "Martin";
  person.location = "Lyon, France";
  person.job.title = "Luthier";
  person.pseudonyms = {"alice"};
  const auto reading = nlohmann::json::parse(
    R"({"schema": "empreinte/reading/v1", "block_status": [403, 429], "login_walls": []})");
  auto walls = read::Walls::from_json(reading, nlohmann::json::object(), "test");
  REQUIRE(walls);
  read::WebReaderOptions ro;
  ro.engine = options.engine;
  ro.per_site_interval = std::chrono::milliseconds(0);
  read::WebPageReader reader(std::move(*walls), ro);
  const auto evidence = accounts::read_profiles(run.checks, reader, person, list, options.rewrite);
  REQUIRE(evidence.size() == 2);
  const auto& e = evidence[0];
  CHECK(e.page.status == traces::PageStatus::read);
  CHECK(e.ties_name());
  CHECK(e.real_name == "Alice Martin");
  CHECK(e.city == "Lyon");
  CHECK(e.job == "Luthier");
  CHECK(e.photo == "https://bycode.test/avatars/alice.jpg");
  // rel="me" and a link to another site of the list; not the site's own menu.
  CHECK(e.links == std::vector<std::string>{"https://mastodon.test/@alice",
                                            "https://soft.test/@alice"});
  // The soft404 profile shows nothing of the person.
  CHECK(evidence[1].page.status == traces::PageStatus::read);
  CHECK_FALSE(evidence[1].any());

  const auto summary = accounts::summarise(run, 2, evidence, list);
  const auto j = accounts::to_json(summary);
  CHECK(j["counts"]["found"] == 2);
  CHECK(j["checks"][0]["profile"]["ties_name"] == true);
  CHECK(j["checks"][0]["control"]["status"] == "not_found");
  const std::string text = accounts::render_text(summary, false, "en");
  CHECK(text.find("TIES THE PSEUDONYM TO YOU") != std::string::npos);
  CHECK(text.find("links to another account: https://mastodon.test/@alice") != std::string::npos);
}

TEST_CASE("accounts: the shipped default sites, imitated, are found and not found as stated")
{
  auto list = accounts::load_sites(std::string(EMPREINTE_SOURCE_DIR) + "/rules/accounts.json");
  REQUIRE(list);
  test::LoopbackServer server;
  test::SiteImitator imitator(*list, {"knownname"});
  server.http().new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.http().Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    if (!imitator.answer(req, res)) {
      res.status = 500;
    }
  });
  server.start();
  accounts::CheckerOptions o;
  o.engine.connect_to = {"::127.0.0.1:" + std::to_string(server.port())};
  o.engine.proxy = "";
  o.engine.max_retries = 0;
  o.engine.request_timeout = std::chrono::milliseconds(5000);
  o.per_host_interval = std::chrono::milliseconds(0);
  o.rewrite = [](const std::string& url) {
    return url.rfind("https://", 0) == 0 ? "http://" + url.substr(8) : url;
  };
  std::vector<const accounts::Site*> chosen;
  for (const auto& s : list->sites) {
    if (s.in_default && s.applies_to("knownname") && s.url.find("{user}.") == std::string::npos
        && s.probe.find("{user}.") == std::string::npos) {
      chosen.push_back(&s);
    }
  }
  REQUIRE(chosen.size() > 100);
  const auto run = accounts::check_accounts(chosen, {"knownname", "absentname"}, *list, o);
  for (const auto& c : run.checks) {
    CAPTURE(c.site->id);
    CAPTURE(c.reason);
    if (c.name == "knownname") {
      CHECK(c.status == Status::found);
    } else if (!c.site->detect.absent_strings.empty() || !c.site->detect.absent_status.empty()
               || c.site->detect.method == accounts::Method::redirect) {
      CHECK(c.status == Status::not_found);
    } else {
      CHECK(c.status == Status::unknown); // the site has no way to say "absent"
    }
  }
}

// Every recorded response parses to its results or to the status it deserves, through the
// shipped definitions (rules/backends).
#include "parse/search_response.hpp"
#include "report/i18n.hpp"
#include "search/backend_def.hpp"
#include "support/english.hpp"
#include "support/temp_dir.hpp"
#include "util/fs.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace empreinte;
using search::QueryStatus;

namespace {

search::BackendDef shipped(const std::string& name)
{
  auto def = search::load_backend_def(std::string(EMPREINTE_SOURCE_DIR) + "/rules/backends/" +
                                      name + ".json");
  REQUIRE_MESSAGE(def.ok(), (def.ok() ? "" : def.error().to_string()));
  return *def;
}

parse::ResponsePage
parse_fixture(const std::string& backend, const std::string& path, int status = 200)
{
  const auto def = shipped(backend);
  const std::string base =
      def.request.url.front() == '{' ? "https://searx.example/search" : def.request.url;
  return parse::parse_response(def, status, test::search_fixture(path), base);
}

} // namespace

TEST_CASE("parse: duckduckgo html pages")
{
  SUBCASE("ten direct results, with the next-page form")
  {
    const auto p = parse_fixture("duckduckgo", "duckduckgo/html_eino_query-eino_10results.html");
    CHECK(p.status == QueryStatus::ok);
    REQUIRE(p.results.size() == 10);
    CHECK(p.results[0].rank == 1);
    CHECK(p.results[0].url == "https://github.com/cloudwego/eino");
    CHECK(p.results[0].title.rfind("GitHub - cloudwego/eino", 0) == 0);
    CHECK(p.results[0].snippet.rfind("Eino is a framework for building LLM applications", 0) == 0);
    CHECK(p.results[1].url == "https://www.cloudwego.io/zh/docs/eino/overview/");
    CHECK(p.results[9].rank == 10);
    CHECK(p.next_action == "https://html.duckduckgo.com/html/");
    bool has_vqd = false;
    for (const auto& [k, v] : p.next_form) {
      has_vqd = has_vqd || (k == "vqd" && v.rfind("4-", 0) == 0);
    }
    CHECK(has_vqd);
  }
  SUBCASE("redirect links are unwrapped to their targets")
  {
    const auto p =
        parse_fixture("duckduckgo", "duckduckgo/html_kul_query-cgb-awxp-eur-1_uddg-redirects.html");
    CHECK(p.status == QueryStatus::ok);
    REQUIRE(p.results.size() == 14);
    CHECK(p.results[0].url == "https://vgdb.uk/mario-golf/game/48484");
    CHECK(p.results[0].title ==
          "Get information and compare prices of Mario Golf for Game Boy | VGDb");
    for (const auto& r : p.results) {
      CHECK(r.url.find("duckduckgo.com") == std::string::npos);
    }
  }
  SUBCASE("the fake EOF result means no results")
  {
    const auto p = parse_fixture("duckduckgo", "duckduckgo/html_eino_no-results_eof.html");
    CHECK(p.status == QueryStatus::empty);
    CHECK(p.results.empty());
  }
  SUBCASE("'No more results.' means no results")
  {
    const auto p = parse_fixture("duckduckgo", "duckduckgo/html_eino_no-more-results.html");
    CHECK(p.status == QueryStatus::empty);
  }
  SUBCASE("a captcha page is blocked, a 202 is rate-limited")
  {
    const auto def = shipped("duckduckgo");
    const std::string captcha =
        "<html><body><form id=\"challenge-form\" action=\"/x\"></form></body></html>";
    CHECK(parse::parse_response(def, 200, captcha, def.request.url).status == QueryStatus::blocked);
    CHECK(parse::parse_response(def, 202, "<html></html>", def.request.url).status ==
          QueryStatus::rate_limited);
  }
  SUBCASE("a page without result markup is layout_changed, never empty")
  {
    const auto def = shipped("duckduckgo");
    const auto p = parse::parse_response(
        def, 200, "<html><title>Hi</title><body><p>new design</p></body></html>", def.request.url);
    CHECK(p.status == QueryStatus::layout_changed);
    CHECK(test::english(p.reason).find("Hi") != std::string::npos);
  }
}

TEST_CASE("parse: searxng json")
{
  SUBCASE("thirty results, in order")
  {
    const auto p = parse_fixture("searxng", "searxng/searxng_owui_query-python_30results.json");
    CHECK(p.status == QueryStatus::ok);
    REQUIRE(p.results.size() == 30);
    CHECK(p.results[0].url == "https://www.python.org/");
    CHECK(p.results[29].url == "https://www.learnpython.org/");
    CHECK(p.results[29].rank == 30);
  }
  SUBCASE("a bot-verification page is blocked")
  {
    const auto p = parse_fixture("searxng", "searxng/html_searx-be_bot-verification-page.html");
    CHECK(p.status == QueryStatus::blocked);
  }
  SUBCASE("no results with unresponsive engines is a failure, never empty")
  {
    const auto def = shipped("searxng");
    auto p = parse::parse_response(
        def,
        200,
        R"({"query":"x","results":[],"unresponsive_engines":[["google","CAPTCHA"],["bing","timeout"]]})",
        "http://127.0.0.1/search");
    CHECK(p.status == QueryStatus::blocked);
    CHECK(test::english(p.reason).find("google (CAPTCHA)") != std::string::npos);
    p = parse::parse_response(def,
                              200,
                              R"({"results":[],"unresponsive_engines":[["corpus","HTTP error"]]})",
                              "http://127.0.0.1/search");
    CHECK(p.status == QueryStatus::error);
    CHECK(test::english(p.reason).find("corpus (HTTP error)") != std::string::npos);
    p = parse::parse_response(
        def, 200, R"({"results":[],"unresponsive_engines":[]})", "http://127.0.0.1/search");
    CHECK(p.status == QueryStatus::empty);
  }
  SUBCASE("results with some unresponsive engines are ok, and the reason names them")
  {
    const auto def = shipped("searxng");
    const auto p = parse::parse_response(
        def,
        200,
        R"({"results":[{"url":"https://a.example/","title":"A","content":"a"}],"unresponsive_engines":[["qwant","access denied"]]})",
        "http://127.0.0.1/search");
    CHECK(p.status == QueryStatus::ok);
    CHECK(test::english(p.reason).find("qwant") != std::string::npos);
  }
  SUBCASE("HTTP errors and invalid JSON")
  {
    const auto def = shipped("searxng");
    CHECK(parse::parse_response(def, 403, "Forbidden", "http://h/").status == QueryStatus::blocked);
    CHECK(parse::parse_response(def, 429, "", "http://h/").status == QueryStatus::rate_limited);
    CHECK(parse::parse_response(def, 503, "", "http://h/").status == QueryStatus::error);
    CHECK(parse::parse_response(def, 200, R"({"results": [)", "http://h/").status ==
          QueryStatus::error);
    const auto boom = parse::parse_response(def, 200, R"({"error": "boom"})", "http://h/");
    CHECK(test::english(boom.reason).find("boom") != std::string::npos);
  }
  SUBCASE("Qwant's 'Service unavailable' page is never ok")
  {
    const auto p = parse_fixture("searxng", "qwant/www_html_service-unavailable.html");
    CHECK(search::is_failure(p.status));
  }
}

TEST_CASE("parse: brave json")
{
  const auto p = parse_fixture("brave", "brave/web_query-hello-world_20results.json");
  CHECK(p.status == QueryStatus::ok);
  REQUIRE(p.results.size() == 20);
  CHECK(p.results[0].url == "https://en.wikipedia.org/wiki/%22Hello,_World!%22_program");
  CHECK(p.results[0].title == "\"Hello, World!\" program - Wikipedia");
  // <strong> and &quot; in descriptions become plain text.
  CHECK(p.results[0].snippet.find("<strong>") == std::string::npos);
  CHECK(p.results[0].snippet.rfind("A \"Hello, World!\" program is usually", 0) == 0);
  CHECK(p.results[19].url == "https://gobyexample.com/hello-world");
  CHECK(p.more == true);
  CHECK(parse_fixture("brave", "brave/web_owui_query-python.json").results.size() == 20);

  const auto def = shipped("brave");
  SUBCASE("a bad key is answered with 422")
  {
    const auto e = parse::parse_response(
        def,
        422,
        R"({"type":"ErrorResponse","error":{"id":"x","status":422,"code":"SUBSCRIPTION_TOKEN_INVALID","detail":"The provided subscription token is invalid."},"time":1})",
        def.request.url);
    CHECK(e.status == QueryStatus::error);
    CHECK(test::english(e.reason).find("SUBSCRIPTION_TOKEN_INVALID") != std::string::npos);
  }
  SUBCASE("a quota error is rate_limited; no web section means no results")
  {
    CHECK(parse::parse_response(def, 429, R"({"error":{"code":"QUOTA_LIMITED"}})", def.request.url)
              .status == QueryStatus::rate_limited);
    CHECK(parse::parse_response(
              def, 200, R"({"type":"search","query":{"original":"x"}})", def.request.url)
              .status == QueryStatus::empty);
  }
}

TEST_CASE("parse: a reason reads in the report's language, the engine's own words as sent")
{
  const auto brave = shipped("brave");
  const std::string refused = R"({"error":{"code":"SUBSCRIPTION_TOKEN_INVALID"}})";
  const auto e = parse::parse_response(brave, 422, refused, brave.request.url);
  CHECK(report::tr("en", e.reason)
        == "HTTP 422: the API key or a parameter was refused (check BRAVE_API_KEY): "
           "SUBSCRIPTION_TOKEN_INVALID");
  CHECK(report::tr("fr", e.reason)
        == "HTTP 422 : la clé d'API ou un paramètre a été refusé (vérifiez BRAVE_API_KEY) : "
           "SUBSCRIPTION_TOKEN_INVALID");
  // One's own definition may have no reason_fr: French reports show its reason as written.
  auto own = brave;
  for (auto& rule : own.response.status_codes) {
    rule.reason_fr.clear();
  }
  CHECK(report::tr("fr", parse::parse_response(own, 422, refused, own.request.url).reason)
        == "HTTP 422 : the API key or a parameter was refused (check BRAVE_API_KEY) : "
           "SUBSCRIPTION_TOKEN_INVALID");
  // The defaults, and a marker.
  CHECK(report::tr("fr", parse::parse_response(brave, 503, "", brave.request.url).reason)
        == "HTTP 503 : le moteur a échoué");
  const auto ddg = shipped("duckduckgo");
  const auto bot = parse::parse_response(
      ddg, 200, R"(<html><body><div class="anomaly-modal">x</div></body></html>)", ddg.request.url);
  CHECK(bot.status == QueryStatus::blocked);
  CHECK(report::tr("fr", bot.reason) == "DuckDuckGo a répondu par sa vérification anti-robot");
  CHECK(report::tr("en", bot.reason) == "DuckDuckGo answered with its bot check");
}

TEST_CASE("parse: google custom search json")
{
  auto p = parse_fixture("google-cse", "google_cse/cse_owui_query.json");
  CHECK(p.status == QueryStatus::ok);
  REQUIRE(p.results.size() == 10);
  CHECK(p.results[0].url == "https://www.feynmanlectures.caltech.edu/");
  CHECK(p.results[0].title == "The Feynman Lectures on Physics");
  p = parse_fixture("google-cse", "google_cse/cse_eino_query-pregel-dag_num3.json");
  REQUIRE(p.results.size() == 3);
  CHECK(p.results[2].url == "https://www.cnblogs.com/linhaifeng/p/15919143.html");
  const auto def = shipped("google-cse");
  // No "items" at all: Google's way of saying "no results".
  CHECK(parse::parse_response(
            def,
            200,
            R"({"kind":"customsearch#search","searchInformation":{"totalResults":"0"}})",
            def.request.url)
            .status == QueryStatus::empty);
  const auto quota = parse::parse_response(
      def,
      429,
      R"({"error":{"code":429,"message":"Quota exceeded for quota metric 'Queries'","status":"RESOURCE_EXHAUSTED"}})",
      def.request.url);
  CHECK(quota.status == QueryStatus::rate_limited);
  CHECK(test::english(quota.reason).find("Quota exceeded") != std::string::npos);
}

TEST_CASE("parse: mojeek and startpage html")
{
  auto p = parse_fixture("mojeek", "mojeek/html_query-javascript-tutorial_10results.html");
  CHECK(p.status == QueryStatus::ok);
  REQUIRE(p.results.size() == 10);
  CHECK(p.results[0].url == "https://javascript.info/");
  CHECK(p.results[0].title == "The Modern JavaScript Tutorial");
  CHECK(p.results[0].snippet.rfind("The Modern JavaScript Tutorial ... Main course", 0) == 0);
  CHECK(p.results[9].url == "https://smartwebby.com/DHTML/");

  p = parse_fixture("startpage", "startpage/html_query-javascript-tutorial_a.html");
  CHECK(p.status == QueryStatus::ok);
  REQUIRE(p.results.size() == 10);
  CHECK(p.results[0].url == "https://www.w3schools.com/js/");
  CHECK(p.results[1].url == "https://javascript.info/");
  CHECK(!p.results[0].title.empty());
  CHECK(!p.results[0].snippet.empty());
  const auto def = shipped("startpage");
  CHECK(parse::parse_response(def, 302, "", def.request.url).status == QueryStatus::blocked);
}

TEST_CASE("parse: unwrap_url")
{
  const std::vector<search::UnwrapRule> rules{{"duckduckgo.com/l/", "uddg"}};
  CHECK(parse::unwrap_url(rules,
                          "//duckduckgo.com/l/?uddg=https%3A%2F%2Fa.example%2Fx%3Fy%3D1&amp;rut=1",
                          "https://html.duckduckgo.com/html/") == "https://a.example/x?y=1");
  CHECK(parse::unwrap_url(rules,
                          "//duckduckgo.com/l/?kh=-1&uddg=https%3A%2F%2Fb.example%2F",
                          "https://h/") == "https://b.example/");
  CHECK(parse::unwrap_url(rules, "/relative/page", "https://www.mojeek.com/search") ==
        "https://www.mojeek.com/relative/page");
  CHECK(parse::unwrap_url(rules, "javascript:alert(1)", "https://h/").empty());
}

namespace {

// 8 MiB of unclosed result blocks, each with its own link: the nesting an engine never sends.
std::string nested_blocks(std::size_t bytes, bool with_fields)
{
  std::string out = "<html><body>";
  for (int i = 0; out.size() < bytes; ++i) {
    out += "<div class=\"web-result\">";
    if (with_fields) {
      out += "<a class=\"result__a\" href=\"https://ex.com/" + std::to_string(i) + "\">T"
             + std::to_string(i) + "</a><div class=\"result__snippet\">s" + std::to_string(i)
             + "</div>";
    } else {
      out += "<p>x</p>";
    }
  }
  return out + "</body></html>";
}

} // namespace

TEST_CASE("parse: nested result blocks are read one by one, each with its own fields")
{
  // Regression: 8 MiB of nested blocks took 46 s to read with the duckduckgo definition (each
  // block's fields were looked for in every block below it: quadratic).
  const auto def = shipped("duckduckgo");
  const auto page = parse::parse_response(def, 200, nested_blocks(200'000, true), def.request.url);
  CHECK(page.status == QueryStatus::ok);
  REQUIRE(page.results.size() > 100);
  CHECK(page.results.size() <= parse::k_max_results_per_page);
  for (std::size_t i = 0; i < page.results.size(); ++i) {
    CAPTURE(i);
    CHECK(page.results[i].url == "https://ex.com/" + std::to_string(i));
    CHECK(page.results[i].title == "T" + std::to_string(i));
    CHECK(page.results[i].snippet == "s" + std::to_string(i)); // not the text of those below
  }
}

TEST_CASE("parse: a page too complex for the budget is an error, the audit's deadline a timeout")
{
  const auto def = shipped("duckduckgo");
  // 2 MiB of blocks nested 65,000 deep: Gumbo alone takes far more than the 1 ms budget (at
  // 8 MiB, the size cap, seconds: its cost grows with the square of the depth).
  const std::string hostile = nested_blocks(2u * 1024 * 1024, false);
  parse::ParseLimits tight;
  tight.time_budget = std::chrono::milliseconds(1);
  auto page = parse::parse_response(def, 200, hostile, def.request.url, tight);
  CHECK(page.status == QueryStatus::error);
  CHECK(test::english(page.reason).find("took more than 0.001 s") != std::string::npos);
  CHECK(page.results.empty());
  // A response that arrives after the audit's deadline is not read at all: at once, a timeout.
  parse::ParseLimits late;
  late.deadline = std::chrono::steady_clock::now();
  page = parse::parse_response(def, 200, hostile, def.request.url, late);
  CHECK(page.status == QueryStatus::timeout);
  CHECK(test::english(page.reason) == "the audit's time limit ran out while reading the response");
  // An ordinary page is read well within the default budget.
  page = parse_fixture("duckduckgo", "duckduckgo/html_eino_query-eino_10results.html");
  CHECK(page.status == QueryStatus::ok);
}

// The CSS selector subset: every construct, its errors, text extraction and a recorded DDG page.
#include "parse/css_select.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace empreinte::parse;

namespace {

Selector compile(std::string_view text)
{
  auto selector = Selector::compile(text);
  REQUIRE_MESSAGE(selector.ok(), selector.error().what);
  return std::move(selector).value();
}

std::string compile_error(std::string_view text)
{
  const auto selector = Selector::compile(text);
  REQUIRE_MESSAGE(!selector.ok(), text);
  return selector.error().what;
}

// The `id` attributes of the matches, space-separated, in the order returned.
std::string ids(const HtmlDocument& doc, std::string_view selector)
{
  std::string out;
  for (const HtmlNode node : doc.select_all(compile(selector), doc.root())) {
    out += (out.empty() ? "" : " ") + doc.attribute(node, "id").value_or("?");
  }
  return out;
}

std::string read_fixture(const std::string& relative)
{
  std::ifstream in(std::string(EMPREINTE_TEST_DIR) + "/fixtures/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in, relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const k_page = R"(<!DOCTYPE html><html><head><title>T</title></head><body>
<div id="d1" class="result  web-result
  big" data-kind="organic link">
  <h2 id="h1" class="result__title"><a id="a1" class="result__a" href="https://one.example/x">One</a></h2>
  <P id="p1" Lang="en-GB">para <SPAN id="s1" class="result__a">inner</SPAN></P>
</div>
<div id="d2" class="result result--ad" data-kind='ad "sponsored"'>
  <section id="sec"><a id="a2" class="result__a" href="/ad">Ad</a></section>
</div>
<ul id="u1"><li id="l1"><my-widget id="w1">custom</my-widget></li></ul>
</body></html>)";

} // namespace

TEST_CASE("parse: css type, universal, class, id and attribute selectors")
{
  const auto doc = HtmlDocument::parse(k_page);
  SUBCASE("type selectors are case-insensitive; unknown elements match by name")
  {
    CHECK(ids(doc, "p") == "p1");
    CHECK(ids(doc, "SPAN") == "s1");
    CHECK(ids(doc, "my-widget") == "w1");
    CHECK(ids(doc, "section") == "sec");
  }
  SUBCASE("the universal selector matches every element under the scope")
  {
    const auto all = doc.select_all(compile("*"), doc.root());
    CHECK(all.size() == 14); // head, title, body and the eleven elements with ids
    CHECK(ids(doc, "li *") == "w1");
  }
  SUBCASE("classes match one word of the white-space separated list")
  {
    CHECK(ids(doc, ".result") == "d1 d2");
    CHECK(ids(doc, ".web-result.big") == "d1");
    CHECK(ids(doc, "div.big.result--ad") == "");
    CHECK(ids(doc, ".resul") == "");
    CHECK(ids(doc, ".Result") == ""); // class names are case-sensitive
  }
  SUBCASE("ids")
  {
    CHECK(ids(doc, "#a2") == "a2");
    CHECK(ids(doc, "a#a2.result__a") == "a2");
    CHECK(ids(doc, "#a2#a1") == "");
  }
  SUBCASE("attribute presence, equality, prefix, substring and word")
  {
    CHECK(ids(doc, "[href]") == "a1 a2");
    CHECK(ids(doc, "[LANG]") == "p1"); // attribute names are case-insensitive
    CHECK(ids(doc, "[href=\"/ad\"]") == "a2");
    CHECK(ids(doc, "[href='/ad']") == "a2");
    CHECK(ids(doc, "[lang=en-GB]") == "p1");
    CHECK(ids(doc, "[href^=https]") == "a1");
    CHECK(ids(doc, "[href^='https://one.example/']") == "a1");
    CHECK(ids(doc, "[href*=example]") == "a1");
    CHECK(ids(doc, "[data-kind~=link]") == "d1");
    CHECK(ids(doc, "[data-kind~=lin]") == "");
    CHECK(ids(doc, "[data-kind='ad \"sponsored\"']") == "d2");
    CHECK(ids(doc, R"([data-kind="ad \"sponsored\""])") == "d2");
    CHECK(ids(doc, "[ href = \"/ad\" ]") == "a2");
    CHECK(ids(doc, "[href^='']") == ""); // empty operands match nothing, as in CSS
    CHECK(ids(doc, "[href*=\"\"]") == "");
    CHECK(ids(doc, "[data-kind~=\"ad sponsored\"]") == "");
  }
}

TEST_CASE("parse: css combinators, selector lists and :not")
{
  const auto doc = HtmlDocument::parse(k_page);
  SUBCASE("descendant and child")
  {
    CHECK(ids(doc, "div a") == "a1 a2");
    CHECK(ids(doc, "div > a") == "");
    CHECK(ids(doc, "div>section>a") == "a2");
    CHECK(ids(doc, "h2.result__title > a.result__a") == "a1");
    CHECK(ids(doc, "body div > h2 a") == "a1");
    CHECK(ids(doc, "html  body\n\tdiv p span") == "s1");
  }
  SUBCASE("a child chain after a descendant combinator tries every ancestor")
  {
    // The closest div under body is d1 for s1, but `div > p > span` needs p's parent.
    const auto nested = HtmlDocument::parse(
        R"(<div id="outer"><section><div id="mid"><p><span id="x">x</span></p></div></section></div>)");
    CHECK(ids(nested, "div > section div > p > span") == "x");
    CHECK(ids(nested, "div > section > div > p > span") == "x");
    CHECK(ids(nested, "div > div > p > span") == "");
    CHECK(ids(nested, "#outer > div span") == "");
    CHECK(ids(nested, "#outer > section span") == "x");
  }
  SUBCASE("selector lists: document order, no duplicates")
  {
    CHECK(ids(doc, "#a2, #a1") == "a1 a2");
    CHECK(ids(doc, "a, .result__a, [href]") == "a1 s1 a2");
    CHECK(ids(doc, "li , div") == "d1 d2 l1");
  }
  SUBCASE(":not of simple and compound selectors and lists")
  {
    CHECK(ids(doc, "div.result:not(.result--ad)") == "d1");
    CHECK(ids(doc, ".result__a:not(a)") == "s1");
    CHECK(ids(doc, "a:not([href^=http])") == "a2");
    CHECK(ids(doc, "div:not(.result.big)") == "d2");
    CHECK(ids(doc, "*:not(head, title, body, div, section, a, span, p, h2, ul, li, my-widget)") ==
          "");
    CHECK(ids(doc, ":not(*)").empty());
    CHECK(ids(doc, "div :NOT( a ) > a") == "a1 a2");
  }
  SUBCASE("select_first and scopes")
  {
    const auto d2 = doc.select_first(compile("#d2"), doc.root());
    REQUIRE(d2);
    CHECK(doc.attribute(doc.select_first(compile("a"), d2), "id") == "a2");
    CHECK(doc.select_all(compile("div"), d2).empty()); // the scope itself is not a match
    // Combinators may reach above the scope, as with querySelectorAll.
    CHECK(doc.select_all(compile("body div a"), d2).size() == 1);
    CHECK_FALSE(doc.select_first(compile("table"), doc.root()));
    CHECK(doc.select_all(compile("a"), HtmlNode{}).empty());
  }
  SUBCASE("attributes and title")
  {
    const auto a1 = doc.select_first(compile("#a1"), doc.root());
    CHECK(doc.attribute(a1, "href") == "https://one.example/x");
    CHECK(doc.attribute(a1, "HREF") == "https://one.example/x");
    CHECK(doc.attribute(a1, "title") == std::nullopt);
    CHECK(doc.attribute(HtmlNode{}, "href") == std::nullopt);
    CHECK(doc.title() == "T");
    CHECK(HtmlDocument::parse("<p>no title</p>").title().empty());
  }
}

TEST_CASE("parse: css unsupported and malformed selectors are errors naming the place")
{
  CHECK(compile_error("a + b") == "unsupported sibling combinator \"+\" at character 3 of CSS "
                                  "selector \"a + b\"");
  CHECK(compile_error("a ~ b").find("sibling combinator \"~\" at character 3") !=
        std::string::npos);
  CHECK(compile_error("li:nth-child(2)") ==
        "unsupported pseudo-class \":nth-child\" at character 3 of CSS selector "
        "\"li:nth-child(2)\"");
  CHECK(compile_error("a:hover").find("\":hover\" at character 2") != std::string::npos);
  CHECK(compile_error("p::before").find("pseudo-element \"::before\"") != std::string::npos);
  CHECK(compile_error("[href$=pdf]").find("operator \"$=\" at character 6") != std::string::npos);
  CHECK(compile_error("[lang|=en]").find("operator \"|=\"") != std::string::npos);
  CHECK(compile_error("[type=a i]").find("attribute flag") != std::string::npos);
  CHECK(compile_error("svg|a").find("namespace") != std::string::npos);
  CHECK(compile_error(".a\\:b").find("escape") != std::string::npos);
  CHECK(compile_error(":not(:not(a))").find("nested :not()") != std::string::npos);
  CHECK(compile_error(":not(a b)").find("combinator inside :not()") != std::string::npos);
  CHECK(compile_error(":not(a").find("unclosed :not(") != std::string::npos);
  CHECK(compile_error("").find("empty selector") != std::string::npos);
  CHECK(compile_error("   ").find("empty selector") != std::string::npos);
  CHECK(compile_error("a,").find("ends with \",\"") != std::string::npos);
  CHECK(compile_error(", a").find("\",\" without a selector before it at character 1") !=
        std::string::npos);
  CHECK(compile_error("> a").find("\">\" without a selector before it") != std::string::npos);
  CHECK(compile_error("a >").find("without a selector after it at character 3") !=
        std::string::npos);
  CHECK(compile_error(".").find("expected a class name after \".\" at character 2") !=
        std::string::npos);
  CHECK(compile_error("#1x").find("expected an id") != std::string::npos);
  CHECK(compile_error("[href").find("expected \"]\" or one of") != std::string::npos);
  CHECK(compile_error("[href=\"x]").find("unterminated quoted string at character 7") !=
        std::string::npos);
  CHECK(compile_error("[href=]").find("quoted string or an identifier") != std::string::npos);
  CHECK(compile_error("a)").find("unexpected \")\" at character 2") != std::string::npos);
  CHECK(compile_error(std::string(2000, 'a')).find("longer than") != std::string::npos);
  std::string long_chain = "a";
  for (int i = 0; i < 64; ++i) {
    long_chain += " a";
  }
  CHECK(compile_error(long_chain).find("more than 64 compound selectors") != std::string::npos);
  const auto error = Selector::compile("a + b").error();
  CHECK(error.kind == empreinte::util::ErrorKind::input);
  CHECK(compile("  a.b[c] , d ").text() == "  a.b[c] , d ");
}

TEST_CASE("parse: css text is visible, decoded and squeezed")
{
  const auto doc = HtmlDocument::parse(R"(<div id="t">  Fish&nbsp;&nbsp;&amp;
    <b>Chi</b>ps&nbsp;<script>var x = "<p>no</p>";</script><style>p{}</style>
    <template><p>tpl</p></template><!-- comment --><p>caf&eacute;</p>line<br>break
    &lt;tag&gt; &#x27;q&#x27;</div>)");
  const auto t = doc.select_first(compile("#t"), doc.root());
  CHECK(doc.text(t) == "Fish & Chips café line break <tag> 'q'");
  CHECK(doc.text(HtmlNode{}).empty());
  const auto bad = HtmlDocument::parse("<p>caf\xE9 \xFF</p>");
  CHECK(bad.text(bad.select_first(compile("p"), bad.root())) == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  const auto titled = HtmlDocument::parse("<title>  a\n &amp;\tb </title><svg><title>x</title>");
  CHECK(titled.title() == "a & b");
}

TEST_CASE("parse: css documents are movable and inputs capped")
{
  auto doc = HtmlDocument::parse("<p id=x>one</p>");
  HtmlDocument moved = std::move(doc);
  CHECK(ids(moved, "p") == "x");
  const auto cut = HtmlDocument::parse("<p id=a>abcdef</p><p id=b>ghijkl</p>", 12);
  CHECK(ids(cut, "p") == "a");
  // A cut never splits a UTF-8 sequence.
  const auto utf8 = HtmlDocument::parse("<p>\xC3\xA9\xC3\xA9", 6);
  CHECK(utf8.text(utf8.root()) == "\xC3\xA9");
  // At most k_max_matches results.
  std::string many;
  for (std::size_t i = 0; i < k_max_matches + 5; ++i) {
    many += "<i></i>";
  }
  const auto big = HtmlDocument::parse(many);
  CHECK(big.select_all(compile("i"), big.root()).size() == k_max_matches);
}

TEST_CASE("parse: css hostile nesting neither crashes nor hangs")
{
  // Gumbo alone spends ~40 s on 50,000 nested <div>s; flattened, these take a second or two.
  // (No timing assertion: a hang shows as ctest's timeout, speed belongs in bench/.)
  for (const std::string_view open : {"<div>", "<span class=a>", "<b>", "<div/>", "<table>"}) {
    CAPTURE(open);
    std::string deep;
    for (int i = 0; i < 100'000; ++i) {
      deep += open;
    }
    deep += "<a id=deep href=/x>deep&amp;text</a>";
    const auto doc = HtmlDocument::parse(deep);
    const auto found = doc.select_all(compile("* > * * a[href], body a"), doc.root());
    REQUIRE(found.size() == 1);
    CHECK(doc.text(found[0]) == "deep&text");
    CHECK(doc.text(doc.root()) == "deep&text");
    CHECK(doc.select_all(compile("div div div span, b > b > b"), doc.root()).size() <=
          k_max_matches);
  }
}

TEST_CASE("parse: css on a recorded DuckDuckGo result page")
{
  const auto html = read_fixture("search/duckduckgo/html_eino_query-eino_10results.html");
  const auto doc = HtmlDocument::parse(html);
  CHECK(doc.title() == "eino at DuckDuckGo");
  const auto results = doc.select_all(compile("div.result:not(.result--ad)"), doc.root());
  REQUIRE(results.size() == 10);

  const auto title_link = compile("h2.result__title > a.result__a");
  const auto snippet = compile("a.result__snippet");
  const auto first = doc.select_first(title_link, results[0]);
  REQUIRE(first);
  CHECK(doc.text(first) ==
        "GitHub - cloudwego/eino: The ultimate LLM/AI application development ...");
  CHECK(doc.attribute(first, "href") == "https://github.com/cloudwego/eino");
  CHECK(doc.text(doc.select_first(snippet, results[0]))
            .rfind("Eino is a framework for building", 0) == 0);
  const auto second = doc.select_first(snippet, results[1]);
  CHECK(doc.text(second).rfind(
            "Eino: 概述 简介. Eino['aino] (近似音: i know，希望框架能达到 \"i know\"", 0) == 0);
  const auto last = doc.select_first(title_link, results[9]);
  CHECK(doc.text(last) == "Eino - Wikipedia");
  CHECK(doc.attribute(last, "href") == "https://en.wikipedia.org/wiki/Eino");
  for (const auto result : results) {
    CHECK(doc.select_all(title_link, result).size() == 1);
    CHECK(doc.select_all(snippet, result).size() == 1);
  }
  CHECK(doc.select_all(title_link, doc.root()).size() == 10);
  CHECK(doc.select_all(snippet, doc.root()).size() == 10);
  // Dates after "&nbsp; &nbsp;" read as plain text.
  const auto extras =
      doc.select_first(compile(".result__extras__url > span:not(.result__icon)"), results[1]);
  CHECK(doc.text(extras) == "2025-06-23T00:00:00.0000000");

  // An ad marked the way DuckDuckGo marks them is left out.
  std::string with_ad = html;
  const std::string marker = "class=\"result results_links";
  with_ad.replace(with_ad.find(marker), marker.size(), "class=\"result result--ad results_links");
  const auto ad_doc = HtmlDocument::parse(with_ad);
  CHECK(ad_doc.select_all(compile("div.result:not(.result--ad)"), ad_doc.root()).size() == 9);
  CHECK(ad_doc.select_all(compile("div.result"), ad_doc.root()).size() == 10);
}

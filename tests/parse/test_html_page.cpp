#include "parse/html_page.hpp"

#include <doctest/doctest.h>

using namespace empreinte::parse;

TEST_CASE("html page: canonical, title, description and visible text")
{
  const auto p = extract_page(R"(<!DOCTYPE html><html><head>
    <title>  Hélène   Vasseur | Facebook </title>
    <link rel="alternate" href="https://m.facebook.com/x">
    <link rel="Canonical Shortlink" href=" https://www.facebook.com/helene.vasseur.38 ">
    <meta name="Description" content="Hélène Vasseur est sur Facebook.">
    <style>body { color: red }</style><script>var secret = 1;</script>
    </head><body><nav>Menu Accueil</nav><h1>Hélène</h1><p>Infirmière <b>à</b> Grenoble</p>
    <script>tracker()</script><noscript>Enable JS</noscript><template><p>tpl</p></template>
    <!-- comment --></body></html>)");
  CHECK(p.canonical == "https://www.facebook.com/helene.vasseur.38");
  CHECK(p.title == "Hélène Vasseur | Facebook");
  CHECK(p.description == "Hélène Vasseur est sur Facebook.");
  CHECK(p.text == "Hélène Infirmière à Grenoble");
}

TEST_CASE("html page: Open Graph and <h1> fallbacks")
{
  const auto og = extract_page(R"(<meta property="og:title" content="OG title">
    <meta property="og:description" content="OG description"><p>x</p>)");
  CHECK(og.title == "OG title");
  CHECK(og.description == "OG description");
  const auto h1 = extract_page("<body><h1>Heading <i>one</i></h1><h1>two</h1></body>");
  CHECK(h1.title == "Heading one");
  CHECK(h1.canonical.empty());
}

TEST_CASE("html page: broken and hostile input never crashes")
{
  CHECK(extract_page("").text.empty());
  CHECK(extract_page("<p>unclosed <b>bold <i>it").text == "unclosed bold it");
  CHECK(extract_page("<p>caf\xE9 \xFF</p>").text == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
  std::string deep;
  for (int i = 0; i < 100000; ++i) {
    deep += "<div>";
  }
  deep += "deep text";
  CHECK(extract_page(deep).text == "deep text");
}

TEST_CASE("html page: limits cap the parsed input and the text")
{
  std::string big = "<p>";
  for (int i = 0; i < 1000; ++i) {
    big += "word ";
  }
  big += "</p>";
  PageLimits limits;
  limits.max_text_bytes = 100;
  const auto p = extract_page(big, limits);
  CHECK(p.text.size() <= 100 + 3);
  limits.max_html_bytes = 10;
  const auto cut = extract_page("<p>abcdef</p><p>ghijkl</p>", limits).text;
  CHECK(cut.rfind("abcdef", 0) == 0);
  CHECK(cut.find("ghijkl") == std::string::npos);
}

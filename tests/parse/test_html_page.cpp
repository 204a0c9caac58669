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

TEST_CASE("html page: structured signals, when asked for")
{
  PageLimits limits;
  limits.signals = true;
  const auto p = extract_page(R"(<!DOCTYPE html><html lang="FR-fr"><head>
    <title>Camille Martin (@camimart75) • Instagram</title>
    <meta property="og:site_name" content="Instagram"><meta property="og:type" content="profile">
    <meta name="author" content=" Camille  Martin ">
    <link rel="me" href="https://mastodon.social/@cami">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"Camille Martin",
       "alternateName":"camimart75","sameAs":["https://x.com/cami","https://cami.example"]}},
      {"@type":["NewsArticle"],"author":[{"@type":"Person","name":"Jo Reporter"},"Ann Other"]}]}
    </script><script type="application/ld+json">{ broken json</script>
    </head><body><h1>Camille</h1><h2>Architecte</h2>
    <p>Première ligne <a rel="author me" href="/about">moi</a></p><ul><li>un</li><li>deux</li></ul>
    <pre>alice;alice@example.org
bob;bob@example.org</pre>texte<br>suite</body></html>)",
                              limits);
  CHECK(p.signals.lang == "fr-fr");
  CHECK(p.signals.site_name == "Instagram");
  CHECK(p.signals.og_type == "profile");
  CHECK(p.signals.meta_author == "Camille Martin");
  CHECK(p.signals.headings == std::vector<std::string>{"Camille", "Architecte"});
  CHECK(p.signals.me_links == std::vector<std::string>{"https://mastodon.social/@cami", "/about"});
  CHECK(p.signals.author_links == std::vector<std::string>{"/about"});
  CHECK(p.signals.ld_profile_name == "Camille Martin");
  CHECK(p.signals.ld_profile_handle == "camimart75");
  CHECK(p.signals.ld_persons == std::vector<std::string>{"Camille Martin"}); // authors apart
  CHECK(p.signals.ld_authors == std::vector<std::string>{"Jo Reporter", "Ann Other"});
  CHECK(p.signals.ld_same_as.size() == 2);
  CHECK(p.blocks
        == std::vector<std::string>{"Camille", "Architecte", "Première ligne moi", "un", "deux",
                                    "alice;alice@example.org", "bob;bob@example.org", "texte",
                                    "suite"});
  // Without the flag, nothing more than before is collected.
  const auto plain = extract_page("<html lang=fr><body><p>a</p><p>b</p></body></html>");
  CHECK(plain.blocks.empty());
  CHECK(plain.signals.lang.empty());
}

TEST_CASE("html page: hostile JSON-LD stays bounded")
{
  PageLimits limits;
  limits.signals = true;
  std::string deep = "<script type=application/ld+json>";
  for (int i = 0; i < 200000; ++i) {
    deep += "[";
  }
  deep += "</script><p>ok</p>";
  std::string closed = "<script type=application/ld+json>";
  closed += std::string(100000, '[') + std::string(100000, ']') + "</script>";
  CHECK(extract_page(closed, limits).signals.ld_types.empty());
  const auto p = extract_page(deep, limits);
  CHECK(p.text == "ok");
  std::string many = "<script type=application/ld+json>[";
  for (int i = 0; i < 50000; ++i) {
    many += R"({"@type":"Person","name":"P)" + std::to_string(i) + R"("},)";
  }
  many += "{}]</script>";
  CHECK(extract_page(many, limits).signals.ld_persons.size() <= 32);
}

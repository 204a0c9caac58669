#include "traces/url_normalise.hpp"

#include <doctest/doctest.h>

using namespace empreinte::traces;

TEST_CASE("urls: normalisation gives one spelling per page")
{
  CHECK(normalise_url("HTTPS://WWW.Example.COM:443/Path/?utm_source=x&id=3&fbclid=abc#top")
        == "https://www.example.com/Path?id=3");
  CHECK(normalise_url("http://example.com:80") == "http://example.com/");
  CHECK(normalise_url("http://example.com:8080/a/") == "http://example.com:8080/a");
  CHECK(normalise_url("https://example.com/?gclid=1&utm_medium=2") == "https://example.com/");
  CHECK(normalise_url("https://example.com./a") == "https://example.com/a");
  CHECK_FALSE(normalise_url("ftp://example.com/"));
  CHECK_FALSE(normalise_url("javascript:alert(1)"));
  CHECK_FALSE(normalise_url("/relative/path"));
  CHECK_FALSE(normalise_url(""));
}

TEST_CASE("urls: hosts of dots only are not pages, and normalising twice changes nothing")
{
  // Regression: "http://." normalised to "http:///", which merge then dereferenced.
  for (const char* url : {"http://.", "http:/.", "http://...", "https://./a", "http://.:80/"}) {
    CAPTURE(url);
    CHECK_FALSE(normalise_url(url));
  }
  for (const char* url : {"https://fr.m.facebook.com/x",
                          "https://m.fr.linkedin.com/in/x/",
                          "https://example.com/a/amp/amp/",
                          "https://example.com/amp/amp",
                          "https://x.cdn.ampproject.org/c/s/m.example.com/p/amp?amp=1",
                          "http://example.com..//",
                          "HTTP://EXAMPLE.com/%7Euser/?utm_source=a&b=1#f",
                          "https://www.google.com/amp/s/www.google.com/amp/s/example.com/a",
                          "http://a.b.c.d.e.f.example.co.uk./x/./y/../z"}) {
    CAPTURE(url);
    const auto once = normalise_url(url);
    REQUIRE(once);
    CHECK(normalise_url(*once) == once);
  }
  CHECK(normalise_url("https://fr.m.facebook.com/x") == "https://www.facebook.com/x");
  CHECK(normalise_url("https://example.com/a/amp/amp/") == "https://example.com/a");
}

TEST_CASE("urls: mobile, locale and AMP copies are one page")
{
  CHECK(normalise_url("https://m.facebook.com/helene.vasseur.38") == "https://www.facebook.com/helene.vasseur.38");
  CHECK(normalise_url("https://fr-fr.facebook.com/helene.vasseur.38/") == "https://www.facebook.com/helene.vasseur.38");
  CHECK(normalise_url("https://uk.linkedin.com/in/declan") == "https://www.linkedin.com/in/declan");
  CHECK(normalise_url("https://fr.linkedin.com/in/declan") == normalise_url("https://www.linkedin.com/in/declan"));
  CHECK(normalise_url("https://old.reddit.com/user/dashfc84") == "https://www.reddit.com/user/dashfc84");
  CHECK(normalise_url("https://mobile.twitter.com/dashfc84") == "https://www.twitter.com/dashfc84");
  CHECK(normalise_url("https://m.lemonde.fr/a") == "https://www.lemonde.fr/a");
  CHECK(normalise_url("https://en.m.wikipedia.org/wiki/X") == "https://en.wikipedia.org/wiki/X");
  // Locale subdomains of other sites are other pages.
  CHECK(normalise_url("https://fr.wikipedia.org/wiki/X") == "https://fr.wikipedia.org/wiki/X");
  CHECK(normalise_url("https://m.co.uk/") == "https://m.co.uk/");
  // AMP
  CHECK(normalise_url("https://www-ledauphine-com.cdn.ampproject.org/c/s/www.ledauphine.com/sport/a.html?amp=1")
        == "https://www.ledauphine.com/sport/a.html");
  CHECK(normalise_url("https://www.google.com/amp/s/www.bbc.co.uk/news/uk-1/amp") == "https://www.bbc.co.uk/news/uk-1");
  CHECK(normalise_url("https://www.example.com/article/amp/") == "https://www.example.com/article");
  CHECK(normalise_url("https://www.example.com/a?outputType=amp&id=2") == "https://www.example.com/a?id=2");
  CHECK(normalise_url("https://www.example.com/camp") == "https://www.example.com/camp");
}

TEST_CASE("urls: registrable domain from the Public Suffix List")
{
  CHECK(registrable_domain("www.bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("fr.linkedin.com") == "linkedin.com");
  CHECK(registrable_domain("WWW.Example.COM") == "example.com");
  CHECK(registrable_domain("helvass38.skyrock.com") == "skyrock.com");
  CHECK(registrable_domain("dashfc84.github.io") == "dashfc84.github.io"); // github.io is a public suffix
  CHECK(registrable_domain("127.0.0.1").empty());
  CHECK(registrable_domain("[::1]").empty());
  CHECK(registrable_domain("co.uk").empty());
}

TEST_CASE("urls: trace ids are stable")
{
  CHECK(trace_id("https://example.com/") == trace_id("https://example.com/"));
  CHECK(trace_id("https://example.com/") != trace_id("https://example.com/a"));
  CHECK(trace_id("https://example.com/").size() == 13);
  CHECK(trace_id("https://example.com/")[0] == 't');
}

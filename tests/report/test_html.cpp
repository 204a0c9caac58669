// The HTML report: self-contained, strict CSP, and no third-party string runs or renders as markup.
#include "report/html_report.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

std::string template_text()
{
  return test::slurp(std::string(EMPREINTE_SOURCE_DIR) + "/reports/templates/report.html.mustache");
}

report::Report hostile_report()
{
  report::Report r;
  r.tool_version = "0.1.0";
  r.generated_at = "2026-11-22T10:00:00Z";
  r.subject.first_name = "Camille<script>alert(1)</script>";
  r.subject.last_name = "Martin";
  traces::Trace t;
  t.id = "t000000000001";
  t.url = "javascript:alert(1)";
  t.title = "<script>alert('title')</script>";
  t.snippets = {"<img src=x onerror=alert(1)>"};
  t.evidence = {{"identity.full_name", {"\"><svg onload=alert(1)>"}, {}}};
  t.sensitive = {{"email", "<b>x@example.com</b>", false}};
  t.actions = {{"opt-out-site", "opt_out", "Opt out <i>now</i>", "how", "javascript:alert(2)"}};
  t.about_subject = 0.9;
  t.kind = traces::Kind::involuntary;
  r.traces.push_back(t);
  t.id = "t000000000002";
  t.url = "https://example.com/a?b=\"c\"&d=<e>";
  t.title = "ok";
  r.traces.push_back(t);
  r.scores.kinds["involuntary"] = 2;
  return r;
}

} // namespace

TEST_CASE("html: strict CSP, no script, no external resource")
{
  auto html = report::render_html(hostile_report(), template_text());
  REQUIRE(html);
  CHECK(html->find("Content-Security-Policy") != std::string::npos);
  CHECK(html->find("default-src 'none'") != std::string::npos);
  CHECK(html->find("<script") == std::string::npos);
  CHECK(html->find("src=\"http") == std::string::npos);
  CHECK(html->find("<link") == std::string::npos);
}

TEST_CASE("html: every third-party string is escaped, links are http(s) only")
{
  auto html = report::render_html(hostile_report(), template_text());
  REQUIRE(html);
  CHECK(html->find("<img") == std::string::npos);
  CHECK(html->find("<svg onload") == std::string::npos);
  CHECK(html->find("<b>x@") == std::string::npos);
  CHECK(html->find("<i>now") == std::string::npos);
  CHECK(html->find("javascript:") == std::string::npos);
  CHECK(html->find("&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt;") != std::string::npos);
  CHECK(html->find("href=\"https://example.com/a?b=&quot;c&quot;&amp;d=&lt;e&gt;\" rel=\"noopener noreferrer\"") != std::string::npos);
  // Every link out of the page carries rel="noopener noreferrer"; the others go to a trace of
  // the same page ("#t..." from the action table).
  std::size_t pos = 0;
  std::size_t in_page = 0;
  while ((pos = html->find("<a ", pos)) != std::string::npos) {
    const auto end = html->find('>', pos);
    const std::string tag = html->substr(pos, end - pos);
    if (tag.find("href=\"#t") != std::string::npos) {
      ++in_page;
    } else {
      CHECK(tag.find("rel=\"noopener noreferrer\"") != std::string::npos);
    }
    pos = end;
  }
  CHECK(in_page > 0);
}

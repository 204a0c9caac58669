#include "report/markdown_report.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("markdown: third-party text cannot add links, images or HTML")
{
  CHECK(report::markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(report::markdown_escape("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
  CHECK(report::markdown_escape("![img](http://evil.example/x.png)") == "!\\[img\\](http://evil.example/x.png)");
  CHECK(report::markdown_escape("a | b *c* _d_ `e`") == "a \\| b \\*c\\* \\_d\\_ \\`e\\`");
  CHECK(report::markdown_escape("x\x1b[31my") == "x\\[31my");

  report::Report r;
  r.subject.first_name = "Camille";
  r.subject.last_name = "Martin";
  traces::Trace t;
  t.id = "t000000000001";
  t.url = "javascript:alert(1)";
  t.title = "<img src=x onerror=alert(1)>";
  t.about_subject = 0.9;
  r.traces.push_back(t);
  t.url = "https://example.com/a(c)";
  t.title = "fine";
  r.traces.push_back(t);
  const std::string md = report::render_markdown(r);
  CHECK(md.find("<img") == std::string::npos);
  CHECK(md.find("](javascript:") == std::string::npos);
  CHECK(md.find("[fine](https://example.com/a%28c%29)") != std::string::npos);
}

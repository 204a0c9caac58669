#include "parse/html_nesting.hpp"

#include <doctest/doctest.h>

using empreinte::parse::flatten_deep_nesting;

TEST_CASE("parse: html nesting past the limit becomes siblings")
{
  CHECK(flatten_deep_nesting("<div><div><div><div>x</div></div></div></div>", 2) ==
        "<div><div></div><div></div><div>x</div></div></div></div>");
  CHECK(flatten_deep_nesting("<b><i></i><i><u>x</u></i></b>", 2) ==
        "<b><i></i><i></i><u>x</u></i></b>");
  SUBCASE("within the limit, input is unchanged")
  {
    const std::string page = R"(<!DOCTYPE html><!-- <div><div> --><html lang=en><body>
      <div class="a>b" title='<div>'><p>one<p>two<ul><li>1<li>2</ul><br><img src=x>
      <script>if (a<b) { document.write("<div><div><div>"); }</script>
      <svg><path d="M0"/><path/></svg><TEXTAREA><div><div></TEXTAREA></div></body></html>)";
    CHECK(flatten_deep_nesting(page, 4) == page);
  }
  SUBCASE("end tags close what they name, a few elements down")
  {
    CHECK(flatten_deep_nesting("<div><span><a></div><div><em>x", 2) ==
          "<div><span></span><a></div><div><em>x");
    CHECK(flatten_deep_nesting("</div></div><div><div><div>", 2) ==
          "</div></div><div><div></div><div>");
  }
  CHECK(flatten_deep_nesting("", 2).empty());
  CHECK(flatten_deep_nesting("<", 2) == "<");
  CHECK(flatten_deep_nesting("<div class=\"unterminated", 0) == "<div class=\"unterminated");
}

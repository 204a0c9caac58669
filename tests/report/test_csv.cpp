// The CSV report: quoting as RFC 4180 says, and no page title can become a spreadsheet formula.
#include "report/csv_report.hpp"

#include <doctest/doctest.h>

using empreinte::report::csv_field;

TEST_CASE("csv: fields are quoted only when they must be, quotes doubled")
{
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("") == "");
  CHECK(csv_field("Hélène") == "Hélène");
}

TEST_CASE("csv: text a spreadsheet would evaluate gets a leading apostrophe")
{
  CHECK(csv_field("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  CHECK(csv_field("+33 6 12") == "'+33 6 12");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("a=b") == "a=b");
}

TEST_CASE("csv: control characters never reach the file")
{
  const std::string field = csv_field("title\x1b[31m red");
  CHECK(field.find('\x1b') == std::string::npos);
}

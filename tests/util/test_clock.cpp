// The process clock and the date parser: what request deadlines and report dates rest on.
#include "util/clock.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("util: parse_time reads RFC 3339 times and plain dates")
{
  CHECK(util::parse_time("1970-01-01") == std::time_t{0});
  CHECK(util::parse_time("2026-11-22T10:00:00Z") == std::time_t{1795341600});
  CHECK(util::parse_time("2026-11-22T11:00:00+01:00") == std::time_t{1795341600});
  CHECK(util::parse_time("2026-11-22T09:30:00-00:30") == std::time_t{1795341600});
  CHECK(util::parse_time("2026-11-22T10:00:00.250Z") == std::time_t{1795341600});
  CHECK(util::parse_time("2028-02-29") == util::parse_time("2028-02-29T00:00:00Z"));
  for (const char* bad : {"",
                          "2026",
                          "2026-13-01",
                          "2026-02-30",
                          "2027-02-29",
                          "2026-11-22T25:00:00Z",
                          "2026-11-22T10:00:00",
                          "2026-11-22T10:00:00+1",
                          "22/11/2026",
                          "2026-11-22x"}) {
    CAPTURE(bad);
    CHECK_FALSE(util::parse_time(bad).has_value());
  }
  CHECK(util::format_rfc3339(1795341600) == "2026-11-22T10:00:00Z");
  CHECK(util::format_date(1795341600) == "2026-11-22");
}

TEST_CASE("util: EMPREINTE_NOW fixes the process clock, before SOURCE_DATE_EPOCH")
{
  const util::FixedClock fixed(42);
  CHECK(fixed.now() == 42);
  ::setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
  CHECK(util::process_clock().now() == 1790000000);
  ::setenv("EMPREINTE_NOW", "2026-12-01", 1);
  CHECK(util::now_rfc3339() == "2026-12-01T00:00:00Z");
  ::setenv("EMPREINTE_NOW", "1795341600", 1);
  CHECK(util::now_rfc3339() == "2026-11-22T10:00:00Z");
  ::setenv("EMPREINTE_NOW", "not a date", 1); // ignored: the next source decides
  CHECK(util::process_clock().now() == 1790000000);
  ::unsetenv("EMPREINTE_NOW");
  ::unsetenv("SOURCE_DATE_EPOCH");
  const std::time_t before = std::time(nullptr);
  const std::time_t now = util::process_clock().now();
  CHECK(now >= before);
  CHECK(now <= before + 5);
}

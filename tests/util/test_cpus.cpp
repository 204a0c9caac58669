#include "util/cpus.hpp"

#include <doctest/doctest.h>
#include <sched.h>

using namespace empreinte;

TEST_CASE("cpus: cgroup v2 cpu.max quotas, rounded up")
{
  CHECK(util::cpus_from_cpu_max("200000 100000\n") == 2u);
  CHECK(util::cpus_from_cpu_max("150000 100000") == 2u);
  CHECK(util::cpus_from_cpu_max("50000 100000") == 1u);
  CHECK(util::cpus_from_cpu_max("max 100000\n") == std::nullopt);
  CHECK(util::cpus_from_cpu_max("") == std::nullopt);
  CHECK(util::cpus_from_cpu_max("garbage") == std::nullopt);
  CHECK(util::cpus_from_cpu_max("0 100000") == std::nullopt);
}

TEST_CASE("cpus: cgroup v1 quotas")
{
  CHECK(util::cpus_from_cfs("100000\n", "100000\n") == 1u);
  CHECK(util::cpus_from_cfs("350000", "100000") == 4u);
  CHECK(util::cpus_from_cfs("-1\n", "100000\n") == std::nullopt);
  CHECK(util::cpus_from_cfs("", "") == std::nullopt);
}

TEST_CASE("cpus: never more than the affinity mask allows, never none")
{
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(::sched_getaffinity(0, sizeof set, &set) == 0);
  CHECK(util::available_cpus() >= 1u);
  CHECK(util::available_cpus() <= static_cast<unsigned>(CPU_COUNT(&set)));
}

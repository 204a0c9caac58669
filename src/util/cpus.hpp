// How many threads the work of one run may use: the cores this process may run on, not the
// cores of the machine.
#pragma once

#include <optional>
#include <string_view>

namespace empreinte::util {

// The CPUs this process may use: those of its affinity mask (sched_getaffinity: taskset,
// cpusets), capped by its cgroup's CPU quota (cgroup v2 cpu.max, v1 cpu.cfs_quota_us), quota
// rounded up; at least 1. Computed once per run.
unsigned available_cpus();

// The CPUs a cgroup v2 "cpu.max" line allows ("200000 100000" -> 2, "150000 100000" -> 2,
// "max 100000" -> nullopt: no quota); nullopt when it cannot be read.
std::optional<unsigned> cpus_from_cpu_max(std::string_view cpu_max);

// The same from cgroup v1's cpu.cfs_quota_us and cpu.cfs_period_us (quota -1: none).
std::optional<unsigned> cpus_from_cfs(std::string_view quota_us, std::string_view period_us);

} // namespace empreinte::util

#!/usr/bin/env python3
"""Two builds of the program run alternately, to compare their start-up on a noisy machine.

  bench/ab_startup.py OLD_BINARY NEW_BINARY [RUNS] [ARGS...]

Runs each binary once to warm the caches, then RUNS times each (default 15), alternating, with
ARGS (default: demo --format json), and prints wall and CPU (user + system) min and median.
Alternating spreads the machine's noise over both. Prints figures; never fails on timing.
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bins = sys.argv[1:3]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    args = sys.argv[4:] or ["demo", "--format", "json"]
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for b in bins:
        subprocess.run([b] + args, **quiet)
    results = {b: [] for b in bins}
    for _ in range(runs):
        for b in bins:
            start = time.monotonic()
            proc = subprocess.Popen([b] + args, **quiet)
            _, _, usage = os.wait4(proc.pid, 0)
            results[b].append((time.monotonic() - start, usage.ru_utime + usage.ru_stime))
    for b in bins:
        wall = [r[0] for r in results[b]]
        cpu = [r[1] for r in results[b]]
        print(f"{b}: wall min {min(wall):.3f} s, median {statistics.median(wall):.3f} s; "
              f"CPU min {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

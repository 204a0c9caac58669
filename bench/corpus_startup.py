#!/usr/bin/env python3
"""Start-up and hostile-page costs of whole runs (issue 14), min of N runs, peak RSS.

  bench/corpus_startup.py BINARY [--runs 5] [--work DIR]

Measures, with a warm cache (a first run is not counted):
  - `empreinte demo --format json` (the training persona on the bundled corpus);
  - `empreinte audit` of "Camille Martin" on a copy of the training corpus, then the same with
    one hostile page added that repeats the name 40,000 times.
Prints figures; never fails on timing.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(argv, env, runs):
    best, peak = None, 0
    for i in range(runs + 1):
        start = time.monotonic()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        if os.waitstatus_to_exitcode(status) != 0:
            print("  run failed:", " ".join(argv), file=sys.stderr)
        if i == 0:
            continue  # builds or updates the cache
        best = wall if best is None else min(best, wall)
        peak = max(peak, usage.ru_maxrss)
    return best, peak / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="empreinte-startup-")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1",
               ALL_PROXY="http://127.0.0.1:9")
    s, m = run([a.binary, "demo", "--format", "json"], env, a.runs)
    print(f"demo (warm cache)                 {s:.3f} s  peak {m:.1f} MiB")

    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "training", "corpus"), corpus)
    audit = [a.binary, "audit", "--first", "Camille", "--last", "Martin", "--corpus", corpus,
             "--format", "json"]
    s0, m0 = run(audit, env, a.runs)
    print(f"audit, training corpus            {s0:.3f} s  peak {m0:.1f} MiB")
    os.makedirs(os.path.join(corpus, "hostile.example"), exist_ok=True)
    with open(os.path.join(corpus, "hostile.example", "index.html"), "w") as f:
        f.write("<html><head><title>Annuaire</title></head><body><p>"
                + "Camille Martin " * 40000 + "</p></body></html>")
    s1, m1 = run(audit, env, a.runs)
    print(f"audit, + one hostile page         {s1:.3f} s  peak {m1:.1f} MiB  (+{s1 - s0:.3f} s)")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

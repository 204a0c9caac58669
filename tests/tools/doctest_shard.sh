#!/usr/bin/env bash
# Runs shard I of N of the doctest cases in one process: CTest's tests when the build sets
# EMPREINTE_TEST_SHARDS (scripts/test does for build-san). Under the sanitizers a process costs
# 0.2 s before the first test; one per case was a sixth of the suite. The cases are shuffled
# with a fixed seed (the same order in every shard, so the shards split it exactly) to spread
# the long end-to-end cases over the shards. A failure names its case in the output.
# Usage: doctest_shard.sh TEST_BINARY I N
set -euo pipefail
bin=${1:?usage: doctest_shard.sh TEST_BINARY I N}
i=${2:?usage: doctest_shard.sh TEST_BINARY I N}
n=${3:?usage: doctest_shard.sh TEST_BINARY I N}
order=(--order-by=rand --rand-seed=20261205)
count=$("$bin" "${order[@]}" --count | sed -n 's/.*passing the current filters: *\([0-9]*\).*/\1/p')
if [[ -z $count ]]; then
  echo "doctest_shard.sh: $bin --count printed no count" >&2
  exit 1
fi
first=$(((i - 1) * count / n + 1))
last=$((i * count / n))
if ((first > last)); then
  echo "shard $i/$n: no test case (the binary has $count)"
  exit 0
fi
echo "shard $i/$n: test cases $first to $last of $count"
exec "$bin" "${order[@]}" --first="$first" --last="$last"

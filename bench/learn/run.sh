#!/usr/bin/env bash
# The learned ranking's cost, run by hand: a quarter's 3,000 items scored with the topics alone and
# with 5,000 decisions and 8 past issues learned, in one JVM (bench/learn/LearnBench.java), then a
# fresh JVM per repeat. Prints each run with the load average beside it. See bench/learn/README.md.
set -euo pipefail
REPEAT="${1:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JAR=target/kildevakt.jar
if [ ! -f "$JAR" ]; then
    echo "building $JAR ..."
    mvn -q -B -o package -DskipTests
fi
for run in $(seq 1 "$REPEAT"); do
    echo "== run $run of $REPEAT, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$JAR" bench/learn/LearnBench.java src/test/resources/no/kildevakt/rank/realistic.jsonl 5
done

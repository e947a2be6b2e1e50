#!/usr/bin/env bash
# Start-up benchmark, run by hand (not a test): cold `validate` (bundled feeds.yml), `crawl --force`
# when every source answers 304, and `digest --period 2025-Q4` on a small database, each run
# --runs times as a fresh JVM, with and without an AppCDS archive and the short-run JIT/GC flags.
# Prints a Markdown table: median wall, median CPU (user+sys), classes loaded (and how many of
# them came from the jar rather than a CDS archive), with the load average beside it.
# See bench/startup/README.md.
set -euo pipefail

usage() {
    cat <<'EOF2'
usage: bash bench/startup/run.sh [--jar JAR] [--runs N] [--port N] [--variants "plain cds ..."]
  --jar JAR        the jar to measure (default target/kildevakt.jar)
  --runs N         runs per command and variant (default 10)
  --port N         port of the loopback feed servers (default 8775)
  --variants LIST  any of: plain cds flags cds+flags launcher c1 serial cds+c1 cds+serial
                   (default: plain cds flags cds+flags launcher; flags = c1 + serial)
EOF2
}

JAR=target/kildevakt.jar RUNS=10 PORT=8775 VARIANTS="plain cds flags cds+flags launcher"
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift ;;
        --runs) RUNS="$2"; shift ;;
        --port) PORT="$2"; shift ;;
        --variants) VARIANTS="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
[ -f "$JAR" ] || { echo "run.sh: $JAR is missing: mvn -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: GNU time (/usr/bin/time) is needed" >&2; exit 2; }
OUT=bench/out/startup
rm -rf "$OUT"
mkdir -p "$OUT"
C1=-XX:TieredStopAtLevel=1 SERIAL=-XX:+UseSerialGC
FLAGS="$C1 $SERIAL"

# ---- a small crawl target: 2 hosts x 4 feeds, no added latency, every re-fetch a 304 --------
python3 bench/serve.py --port "$PORT" --first 2 --last 3 --feeds-per-host 4 --latency-ms 0 \
    --max-seconds 1800 --ready-file "$OUT/server.ready" 2> "$OUT/server.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -f "$OUT/server.ready" ] && break; sleep 0.1; done
[ -f "$OUT/server.ready" ] || { cat "$OUT/server.log" >&2; echo "run.sh: feed server did not start" >&2; exit 2; }
{
    printf 'settings:\n  contact: "kildevakt-bench@localhost"\n  per_host_delay: 0ms\n  interval: 6h\n'
    printf 'sections:\n  - {id: bench, title: "Benchmark"}\nsources:\n'
    for h in 2 3; do for f in 0 1 2 3; do
        printf '  - {id: h%02d-f%d, url: "http://127.0.0.%d:%d/feed/%d.xml", section: bench}\n' "$h" "$f" "$h" "$PORT" "$f"
    done; done
} > "$OUT/feeds.yml"
java -jar "$JAR" --config "$OUT/feeds.yml" --db "$OUT/bench.db" -q crawl --force > "$OUT/first-crawl.out" 2>&1 \
    || { cat "$OUT/first-crawl.out" >&2; echo "run.sh: the first crawl failed" >&2; exit 2; }
# the measured re-crawl must be all 304s, or it measures something else
java -jar "$JAR" --config "$OUT/feeds.yml" --db "$OUT/bench.db" crawl --force --json > "$OUT/recrawl.json" 2> "$OUT/recrawl.err" || true
[ "$(grep -c '"outcome" : "not_modified"' "$OUT/recrawl.json")" = 8 ] \
    || { cat "$OUT/recrawl.json" "$OUT/recrawl.err" >&2; echo "run.sh: the re-crawl is not eight 304s" >&2; exit 2; }

# the three commands, by name; each runs in $ROOT so `validate` reads the bundled feeds.yml
declare -A CMD=(
    [validate]="validate"
    [crawl304]="--config $OUT/feeds.yml --db $OUT/bench.db crawl --force"
    [digest]="--config $OUT/feeds.yml --db $OUT/bench.db digest --period 2025-Q4"
)
NAMES="validate crawl304 digest"

# one dynamic AppCDS archive per command, as bin/kildevakt makes them on first use
for n in $NAMES; do
    # shellcheck disable=SC2086 # the command lines are meant to split on spaces
    java -XX:ArchiveClassesAtExit="$OUT/$n.jsa" -jar "$JAR" ${CMD[$n]} > "$OUT/$n.dump.log" 2>&1 || true
    [ -f "$OUT/$n.jsa" ] || { cat "$OUT/$n.dump.log" >&2; echo "run.sh: no archive for $n" >&2; exit 2; }
done
# the launcher keeps its archives apart from the jar under measurement
LAUNCH_HOME="$OUT/launcher"
mkdir -p "$LAUNCH_HOME"
cp "$JAR" "$LAUNCH_HOME/kildevakt.jar"

jvm() { # jvm VARIANT NAME: the argv prefix for a variant
    case "$1" in
        plain) echo "java -jar $JAR" ;;
        cds) echo "java -XX:SharedArchiveFile=$OUT/$2.jsa -Xshare:auto -jar $JAR" ;;
        flags) echo "java $FLAGS -jar $JAR" ;;
        cds+flags) echo "java -XX:SharedArchiveFile=$OUT/$2.jsa -Xshare:auto $FLAGS -jar $JAR" ;;
        c1) echo "java $C1 -jar $JAR" ;;
        serial) echo "java $SERIAL -jar $JAR" ;;
        cds+c1) echo "java -XX:SharedArchiveFile=$OUT/$2.jsa -Xshare:auto $C1 -jar $JAR" ;;
        cds+serial) echo "java -XX:SharedArchiveFile=$OUT/$2.jsa -Xshare:auto $SERIAL -jar $JAR" ;;
        launcher) echo "env KILDEVAKT_JAR=$LAUNCH_HOME/kildevakt.jar bash bin/kildevakt" ;;
    esac
}
# warm the launcher's archives (its first run per command makes them) and the page cache
for n in $NAMES; do for v in $VARIANTS; do
    # shellcheck disable=SC2046,SC2086
    $(jvm "$v" "$n") ${CMD[$n]} > /dev/null 2>&1 || true
done; done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# runs outermost, so that every variant sees the same spells of load from other work
for i in $(seq 1 "$RUNS"); do
    for n in $NAMES; do for v in $VARIANTS; do
        # shellcheck disable=SC2046,SC2086
        /usr/bin/time -f "%e %U %S" -o "$OUT/t" $(jvm "$v" "$n") ${CMD[$n]} > /dev/null 2> "$OUT/err" \
            || { cat "$OUT/err" >&2; echo "run.sh: $v $n failed" >&2; exit 2; }
        echo "$n $v $(tail -1 "$OUT/t")" >> "$OUT/times.txt"
    done; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# classes loaded, from one more run each with -Xlog:class+load (not timed)
for n in $NAMES; do for v in $VARIANTS; do
    [ "$v" = launcher ] && continue
    # shellcheck disable=SC2046,SC2086
    set -- $(jvm "$v" "$n")
    shift   # "java"
    java -Xlog:class+load:file="$OUT/classes.$n.$v.log" "$@" ${CMD[$n]} > /dev/null 2>&1 || true
    total=$(grep -c 'source:' "$OUT/classes.$n.$v.log" || true)
    fromjar=$(grep 'source:' "$OUT/classes.$n.$v.log" | grep -vc 'shared objects file' || true)
    echo "$n $v $total $fromjar" >> "$OUT/classes.txt"
done; done

python3 - "$OUT" "$LOAD_BEFORE" "$LOAD_AFTER" "$RUNS" "$VARIANTS" <<'PY'
import statistics, sys
out, before, after, runs, variants = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split()
times = {}
for line in open(f"{out}/times.txt"):
    n, v, wall, user, sys_ = line.split()
    times.setdefault((n, v), []).append((float(wall), float(user) + float(sys_)))
classes = {}
try:
    for line in open(f"{out}/classes.txt"):
        n, v, total, fromjar = line.split()
        classes[(n, v)] = f"{total} ({fromjar} not archived)"
except FileNotFoundError:
    pass
print(f"{runs} runs each, medians; load average before {before}, after {after}; {open('/proc/cpuinfo').read().count('processor')} cores\n")
print("| command | variant | wall s | CPU s (user+sys) | classes loaded |")
print("|---|---|---|---|---|")
for n in ["validate", "crawl304", "digest"]:
    for v in variants:
        if (n, v) not in times:
            continue
        t = times[(n, v)]
        print(f"| {n} | {v} | {statistics.median(w for w, _ in t):.2f} | {statistics.median(c for _, c in t):.2f} | {classes.get((n, v), '-')} |")
PY

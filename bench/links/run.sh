#!/usr/bin/env bash
# The check-links benchmark, run by hand: 5,000 distinct links over 50 loopback hosts (--hosts: fewer)
# (127.0.0.2-127.0.0.51, bench/links/serve.py, 20 ms latency, a mix of statuses), checked by
# kildevakt, linkinator 7 and LinkChecker in turn. Writes bench/out/links/ and prints report.md.
# See bench/links/README.md. Exit code 0 when it ran, 2 when the set-up failed.
set -euo pipefail

PORT=8766 PER_HOST=2 CONCURRENCY=100 BUILD=0 PEERS=1 LINKCHECKER=1 JVM_OPTS="" HOSTS=50
JAR=${JAR:-target/kildevakt.jar}
LAUNCHER_CDS=""
while [ $# -gt 0 ]; do
    case "$1" in
        --build) BUILD=1 ;;
        --jar) JAR="$2"; shift ;;
        --launcher) LAUNCHER_CDS="$2"; shift ;;
        --no-peers) PEERS=0 ;;
        --no-linkchecker) LINKCHECKER=0 ;;
        --port) PORT="$2"; shift ;;
        --per-host) PER_HOST="$2"; shift ;;
        --hosts) HOSTS="$2"; shift ;;
        --concurrency) CONCURRENCY="$2"; shift ;;
        --jvm-opts) JVM_OPTS="$2"; shift ;;
        -h|--help) echo "usage: bash bench/links/run.sh [--build] [--no-peers] [--no-linkchecker] [--port N] [--per-host N] [--concurrency N] [--hosts N] [--jar PATH] [--launcher DIR] [--jvm-opts \"...\"]"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
# fewer hosts, the same 100 links each: a run at 25 and one at 50 give the CPU an added link costs
# beyond the start-up, at the same politeness bound (README)
[[ "$HOSTS" =~ ^[1-9][0-9]*$ ]] && [ "$HOSTS" -le 50 ] || { echo "run.sh: --hosts takes 1 to 50" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/out/links
NPM=bench/out/npm
FIRST=2 LAST=$((HOSTS + 1)) PER=100
STATS="http://127.0.0.$FIRST:$PORT/__stats"
die() { echo "run.sh: $*" >&2; exit 2; }
# the control endpoints, patiently: on a loaded machine the farm can be slow to answer
control() { local i; for i in 1 2 3 4 5; do curl -fs -m 60 "http://127.0.0.$FIRST:$PORT/$1" && return 0; sleep 2; done; return 1; }
now() { date +%s.%N; }

if [ "$BUILD" = 1 ]; then mvn -q -B package -DskipTests; fi
[ -f "$JAR" ] || die "$JAR is missing: run with --build"
rm -rf "$OUT"; mkdir -p "$OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load"

# The farm stands in for remote servers: it must answer in its 20 ms whatever the checker does to the two
# cores, so it runs ahead of the tools (a tool with a hundred threads would otherwise starve it and be
# charged for its own contention). Without the right to raise priority, nice says so and runs it as is.
nice -n -5 python3 bench/links/serve.py --first $FIRST --last $LAST --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q '^serving' "$OUT/server.log" && break; kill -0 $SERVER 2>/dev/null || break; sleep 0.2; done
# ours, not a farm left on the port by another run
kill -0 $SERVER 2>/dev/null && curl -fs "$STATS" >/dev/null || die "the link farm did not start (see $OUT/server.log)"

# the issue: one HTML page citing every link once, one per line
python3 - "$OUT" "$FIRST" "$LAST" "$PER" "$PORT" <<'PY'
import sys
sys.path.insert(0, "bench/links")
from serve import KINDS
out, first, last, per, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
with open(out + "/issue.html", "w") as html, open(out + "/expected.tsv", "w") as exp:
    html.write("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Benchmark issue</title></head><body>\n")
    for n in range(per):
        for h in range(first, last + 1):
            url = "http://127.0.0.%d:%s/p/%d" % (h, port, n)
            html.write('<p><a href="%s">lenke %d</a></p>\n' % (url, n))
            exp.write("%s\t%s\n" % (url, KINDS[n % 20][1]))
    html.write("</body></html>\n")
PY

# one tool: reset the counters, run, time it, keep the counters
measure() {
    local name="$1"; shift
    control __reset >/dev/null || die "cannot reset the farm's counters"
    control __cpu > "$OUT/$name.farm0" || true
    local start end rc=0
    start=$(now)
    # GNU time, when there is one, for the CPU time (user + sys): the figure load skews least
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || rc=$?
    else
        "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || rc=$?
    fi
    end=$(now)
    echo "$(echo "$end - $start" | bc)" > "$OUT/$name.wall"
    echo "$start $end" > "$OUT/$name.span"
    echo "$rc" > "$OUT/$name.rc"
    control __stats > "$OUT/$name.stats" || echo "run.sh: no counters for $name" >&2
    control __cpu > "$OUT/$name.farm1" || true
    echo "run.sh: $name took $(cat "$OUT/$name.wall") s (exit $rc)" >&2
}

if [ -n "$LAUNCHER_CDS" ]; then
    # as users run it: bin/kildevakt, its AppCDS archive kept in LAUNCHER_CDS across runs (the first run
    # makes it, so run twice and read the second) and its default flags, plus any extra ones
    mkdir -p "$LAUNCHER_CDS"
    unset KILDEVAKT_JAVA_OPTS
    export KILDEVAKT_JAR="$JAR" KILDEVAKT_CDS_DIR="$LAUNCHER_CDS" KILDEVAKT_EXTRA_JAVA_OPTS="$JVM_OPTS"
    KV=(bin/kildevakt)
else
    # shellcheck disable=SC2206 # the extra JVM flags are meant to split on spaces
    KV=(java $JVM_OPTS -jar "$JAR")
fi
measure kildevakt "${KV[@]}" --config "$OUT/none.yml" --db "$OUT/bench.db" check-links "$OUT/issue.html" \
    --format json --per-host "$PER_HOST" --concurrency "$CONCURRENCY" --timeout 10

if [ "$PEERS" = 1 ]; then
    if [ ! -x "$NPM/node_modules/.bin/linkinator" ]; then
        mkdir -p "$NPM"
        npm install --silent --prefix "$NPM" linkinator@7 > "$OUT/npm.log" 2>&1 || echo "run.sh: linkinator could not be installed" >&2
    fi
    if [ -x "$NPM/node_modules/.bin/linkinator" ]; then
        # no per-host limit in linkinator: the same global limit
        measure linkinator "$NPM/node_modules/.bin/linkinator" "$OUT/issue.html" --format json \
            --concurrency "$CONCURRENCY" --timeout 10000
    fi
    if [ "$LINKCHECKER" = 1 ] && ! command -v linkchecker >/dev/null; then
        apt-get install -y -qq linkchecker python3-pdfminer > "$OUT/apt.log" 2>&1 || echo "run.sh: LinkChecker could not be installed" >&2
    fi
    if [ "$LINKCHECKER" = 1 ] && command -v linkchecker >/dev/null; then
        # no per-host concurrency limit either; maxrequestspersecond is its per-host politeness knob:
        # 2 in flight at 20 ms each is 100 per second, the same budget kildevakt gets
        printf '[checking]\nthreads=%s\ntimeout=10\nmaxrequestspersecond=100\n[output]\nstatus=0\n' "$CONCURRENCY" > "$OUT/linkcheckerrc"
        measure linkchecker linkchecker --config "$OUT/linkcheckerrc" --check-extern -o csv "$OUT/issue.html"
    fi
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load"
python3 bench/links/report.py "$OUT" | tee "$OUT/report.md"

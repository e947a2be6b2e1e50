#!/usr/bin/env bash
# The large-database check, run by hand: builds a database of N items (default 150,000) with
# bench/bigdb/BigDb.java, then runs `items --json` and two wide `digest --format json --all` with
# -Xmx256m under /usr/bin/time -v, and prints time, peak RSS, exit code and bytes written for each.
# See bench/bigdb/README.md. Exit code 0 when every command succeeded, 1 when one failed, 2 on set-up.
set -euo pipefail

N=150000 JAR=target/kildevakt.jar HEAP=256m
while [ $# -gt 0 ]; do
    case "$1" in
        --items) N="$2"; shift ;;
        --jar) JAR="$2"; shift ;;
        --heap) HEAP="$2"; shift ;;
        -h|--help) echo "usage: bash bench/bigdb/run.sh [--items N] [--jar FILE] [--heap 256m]"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/out/bigdb
DB="$OUT/k-$N.db"
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "run.sh: no $JAR (mvn -q -o package -DskipTests)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }
if [ ! -f "$DB" ]; then
    java -cp "$JAR" bench/bigdb/BigDb.java "$DB" "$N"
fi

failed=0
run() {
    local name="$1"; shift
    echo "== $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if /usr/bin/time -v -o "$OUT/$name.time" java "-Xmx$HEAP" -jar "$JAR" --config feeds.yml --db "$DB" "$@" \
            > "$OUT/$name.json" 2> "$OUT/$name.err"; then :; else failed=1; fi
    grep -E "Elapsed|Maximum resident|Exit status" "$OUT/$name.time" | sed 's/^\s*/   /'
    grep -m1 -E "OutOfMemoryError|Exception" "$OUT/$name.err" | sed 's/^/   /' || true
    echo "   bytes written: $(wc -c < "$OUT/$name.json")"
}
run items items --json
run digest-2024 digest --period 2024 --format json --all
run digest-all digest --from 2024-01-01 --to 2025-12-31 --format json --all
exit "$failed"

#!/usr/bin/env bash
# The feed-parse benchmark, run by hand: every feed file in the shared corpora (feedparser, feed-rs,
# gofeed, miniflux, crawler-commons/rss), parsed from memory by kildevakt's FeedParser and by Python's
# feedparser, warm-up rounds then measured rounds each; prints files/s, entries, failures and the
# ratio. See bench/parse/README.md. Exit code 0 when it ran, 2 when the set-up failed.
set -euo pipefail

WARMUP=10 ROUNDS=10 REPEAT=1
SHARED="${KILDEVAKT_SHARED:-/work/shared}"
while [ $# -gt 0 ]; do
    case "$1" in
        --warmup) WARMUP="$2"; shift ;;
        --rounds) ROUNDS="$2"; shift ;;
        --repeat) REPEAT="$2"; shift ;;
        --shared) SHARED="$2"; shift ;;
        --jvm-opts) JVM_OPTS="$2"; shift ;;
        -h|--help) echo "usage: bash bench/parse/run.sh [--warmup N] [--rounds N] [--repeat N] [--shared DIR] [--jvm-opts \"...\"]"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT=bench/out/parse
JAR=target/kildevakt.jar
CORPORA="$SHARED/corpora"
die() { echo "run.sh: $*" >&2; exit 2; }

[ -d "$CORPORA" ] || die "no corpora at $CORPORA (use --shared DIR)"
if [ ! -f "$JAR" ]; then
    echo "building $JAR ..."
    mvn -q -B -o package -DskipTests || die "the build failed"
fi
PY="${FEEDPARSER_PYTHON:-/usr/bin/python3}"   # Debian's python3, where python3-feedparser is
[ -x "$PY" ] || die "$PY is missing"
PEER=1
if ! "$PY" -c 'import feedparser' 2>/dev/null; then
    echo "run.sh: Python's feedparser is NOT installed for $PY: apt-get install -y python3-feedparser" >&2
    echo "run.sh: measuring kildevakt only" >&2
    PEER=0
fi

mkdir -p "$OUT"
# the feed test-data folders only (not the sitemaps, robots files or readability's HTML pages)
find "$CORPORA/feedparser" "$CORPORA/feed-rs/fixture" "$CORPORA/gofeed/testdata" \
     "$CORPORA/miniflux" "$CORPORA/crawler-commons/rss" \
     -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' \) \
    | LC_ALL=C sort > "$OUT/files.txt"
[ -s "$OUT/files.txt" ] || die "no feed files under $CORPORA"

: > "$OUT/results.tsv"
for run in $(seq 1 "$REPEAT"); do
    LOAD="$(cut -d' ' -f1 /proc/loadavg)"
    echo "== run $run of $REPEAT, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086 # flags split on spaces
    java ${JVM_OPTS:-} -cp "$JAR" bench/parse/ParseBench.java --warmup "$WARMUP" --rounds "$ROUNDS" \
        --failures "$OUT/kildevakt-failures.tsv" "$OUT/files.txt" 2> "$OUT/kildevakt.stderr.log" | tee "$OUT/kildevakt.out" \
        || die "ParseBench failed (see $OUT/kildevakt.stderr.log)"
    grep '^RESULT' "$OUT/kildevakt.out" | sed "s/^RESULT/$run/; s/\$/\t$LOAD/" >> "$OUT/results.tsv"
    if [ "$PEER" = 1 ]; then
        "$PY" bench/parse/feedparser_bench.py --warmup "$WARMUP" --rounds "$ROUNDS" \
            --failures "$OUT/feedparser-failures.tsv" "$OUT/files.txt" 2> "$OUT/feedparser.stderr.log" | tee "$OUT/feedparser.out" \
            || die "feedparser_bench.py failed (see $OUT/feedparser.stderr.log)"
        grep '^RESULT' "$OUT/feedparser.out" | sed "s/^RESULT/$run/; s/\$/\t$LOAD/" >> "$OUT/results.tsv"
    fi
    echo "   load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
done

# results.tsv: run, tool, files, files/s, entries, failures, 1-minute load average before the run
echo
awk -F'\t' '
    BEGIN { printf "| run | load | parser | files | files/s (median) | entries | failures | × feedparser |\n|---:|---:|---|---:|---:|---:|---:|---:|\n" }
    { rate[$1, $2] = $4; row[NR] = $0; runs[$1] = 1 }
    END {
        for (i = 1; i <= NR; i++) {
            split(row[i], f, "\t")
            peer = rate[f[1], "feedparser"]
            ratio = (peer > 0) ? sprintf("%.1f", f[4] / peer) : "n/a"
            printf "| %s | %s | %s | %d | %.1f | %d | %d | %s |\n", f[1], f[7], f[2], f[3], f[4], f[5], f[6], ratio
        }
        n = 0
        for (r in runs) if (rate[r, "feedparser"] > 0) ratios[++n] = rate[r, "kildevakt"] / rate[r, "feedparser"]
        if (n > 0) {
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (ratios[j] < ratios[i]) { t = ratios[i]; ratios[i] = ratios[j]; ratios[j] = t }
            med = (n % 2) ? ratios[(n + 1) / 2] : (ratios[n / 2] + ratios[n / 2 + 1]) / 2
            printf "\nkildevakt / feedparser: %.1f× (median over %d run(s); target ≥ 5×: %s)\n", med, n, (med >= 5 ? "met" : "NOT met")
        }
    }' "$OUT/results.tsv" | tee "$OUT/report.md"

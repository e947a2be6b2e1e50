#!/usr/bin/python3
"""Parse throughput of Python's feedparser, the peer for bench/parse/ParseBench.java.

Same protocol as the Java side, so the two figures can be divided: all files read into memory
first, parsed as raw bytes with no HTTP headers and no base URL (kildevakt gets null for both),
warm-up rounds, then measured rounds; the figure is the median files/s of the measured rounds.
feedparser rarely raises: it flags broken input as `bozo` and recovers, so an exception is a
failure and bozo is reported on its own.

Run with the Debian interpreter, which is where `apt-get install -y python3-feedparser` puts it:
    /usr/bin/python3 bench/parse/feedparser_bench.py [--warmup N] [--rounds N] [--failures OUT] FILE_LIST
Exit code 3 when feedparser is not installed.
"""
import argparse
import io
import statistics
import sys
import time

try:
    import feedparser
except ImportError:
    print("feedparser_bench: feedparser is NOT installed for %s; install it with "
          "`apt-get install -y python3-feedparser` and run this script with /usr/bin/python3"
          % sys.executable, file=sys.stderr)
    sys.exit(3)


def one_pass(inputs):
    entries = failures = bozo = 0
    failure_lines = []
    start = time.perf_counter()
    for path, data in inputs:
        try:
            result = feedparser.parse(io.BytesIO(data))
            entries += len(result.entries)
            if result.bozo:
                bozo += 1
        except Exception as e:  # noqa: BLE001 - any exception is a failure, never a crash
            failures += 1
            failure_lines.append("%s\t%s: %s" % (path, type(e).__name__, e))
    return time.perf_counter() - start, entries, failures, bozo, failure_lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--failures", help="write one path<TAB>error line per failed file here")
    ap.add_argument("file_list")
    args = ap.parse_args()
    inputs = []
    with open(args.file_list, encoding="utf-8") as f:
        for line in f:
            path = line.strip()
            if path:
                with open(path, "rb") as g:
                    inputs.append((path, g.read()))
    n = len(inputs)
    print("feedparser %s (Python %s): %d files, %.2f MB, %d warm-up + %d measured rounds"
          % (feedparser.__version__, sys.version.split()[0], n,
             sum(len(d) for _, d in inputs) / 1e6, args.warmup, args.rounds))
    for r in range(args.warmup):
        secs = one_pass(inputs)[0]
        print("  warm-up %d: %.1f files/s" % (r + 1, n / secs), flush=True)
    rates = []
    last = None
    for r in range(args.rounds):
        last = one_pass(inputs)
        rates.append(n / last[0])
        print("  round %d:   %.1f files/s" % (r + 1, rates[-1]), flush=True)
    median = statistics.median(rates)
    _, entries, failures, bozo, failure_lines = last
    print("  median %.1f files/s (min %.1f, max %.1f); %d entries, %d failures, %d bozo (recovered)"
          % (median, min(rates), max(rates), entries, failures, bozo))
    if failure_lines:
        print("  first failure: " + failure_lines[0])
    if args.failures:
        with open(args.failures, "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in failure_lines)
    print("RESULT\tfeedparser\t%d\t%.1f\t%d\t%d" % (n, median, entries, failures))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turns the files run.sh leaves in bench/out/ into the benchmark report (Markdown).

Reads, per phase P (crawl1, crawl2, and urlwatch1, urlwatch2 when urlwatch ran):
    P.wall      wall seconds (date +%s.%N before and after)
    P.rc        exit code
    P.time      /usr/bin/time -v output (peak RSS)
    P.stats     the server counters for the phase (GET /__stats?reset=1 right after it)
    P.out       stdout (crawl --json for kildevakt)
    P.err       stderr
and settings.env (per_host_delay_ms, latency_ms, sources, xmx, startup.wall).
Prints the Markdown report; exits 1 when a target is missed or a check fails, so a script can tell.
"""

import json
import os
import re
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "bench/out"


def read(name, default=None):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def env():
    values = {}
    for line in (read("settings.env") or "").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            values[k.strip()] = v.strip()
    return values


def phase(name):
    if read(name + ".wall") is None:
        return None
    p = {"name": name, "wall": float(read(name + ".wall")), "rc": int((read(name + ".rc") or "-1").strip())}
    timing = read(name + ".time") or ""
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing)
    p["peak_rss_mb"] = int(m.group(1)) / 1024 if m else None
    p["cpu_s"] = cpu_seconds(timing)
    p["stats"] = json.loads(read(name + ".stats") or "{}")
    p["out"] = read(name + ".out") or ""
    p["err"] = read(name + ".err") or ""
    return p


def cpu_seconds(timing):
    """User + system CPU seconds from /usr/bin/time -v output, or None."""
    u = re.search(r"User time \(seconds\): ([\d.]+)", timing)
    s = re.search(r"System time \(seconds\): ([\d.]+)", timing)
    return float(u.group(1)) + float(s.group(1)) if u and s else None


def lower_bound_s(stats, latency_ms, delay_ms):
    """Politeness lower bound: the busiest host's requests, each latency_ms long, delay_ms apart."""
    best = 0.0
    for h in stats.get("hosts", {}).values():
        n = h["requests"]
        if n:
            best = max(best, (n * latency_ms + (n - 1) * delay_ms) / 1000)
    return best


def crawl_statuses(p):
    try:
        doc = json.loads(p["out"])
    except ValueError:
        return None, None
    counts = {}
    for s in doc.get("sources", []):
        counts[s.get("status")] = counts.get(s.get("status"), 0) + 1
    return counts, doc


def fmt(x, digits=2, unit=""):
    return "n/a" if x is None else f"{x:.{digits}f}{unit}"


def main():
    e = env()
    latency = float(e.get("latency_ms", 50))
    delay = float(e.get("per_host_delay_ms", 200))
    sources = int(e.get("sources", 500))
    startup = float(e["startup_wall"]) if e.get("startup_wall") else None
    c1, c2 = phase("crawl1"), phase("crawl2")
    u1, u2 = phase("urlwatch1"), phase("urlwatch2")
    problems = []
    rows = []

    def row(what, value, target="", verdict=""):
        rows.append(f"| {what} | {value} | {target} | {verdict} |")

    def check(ok):
        return "ok" if ok else "**MISSED**"

    if startup is not None:
        row("JVM + CLI start-up (`validate` of the same feeds.yml, no network): wall, CPU",
            fmt(startup, 2, " s") + ", " + fmt(cpu_seconds(read("validate.time") or ""), 2, " s"))
    for label, p, expected in (("first crawl", c1, {"ok"}), ("re-crawl", c2, {"not_modified", "ok"})):
        if p is None:
            problems.append(f"{label}: did not run")
            continue
        st = p["stats"].get("totals", {})
        lb = lower_bound_s(p["stats"], latency, delay)
        ratio = p["wall"] / lb if lb else None
        counts, doc = crawl_statuses(p)
        good = sum(v for k, v in (counts or {}).items() if k in expected)
        row(f"{label}: wall time", fmt(p["wall"], 2, " s"))
        row(f"{label}: politeness lower bound (busiest host: requests × {latency:g} ms + gaps × {delay:g} ms)",
            fmt(lb, 2, " s"))
        row(f"{label}: wall / lower bound", fmt(ratio, 2), "≤ 1.30", check(ratio is not None and ratio <= 1.3))
        if lb and st.get("first_request_s") is not None and st.get("last_response_s") is not None:
            span = st["last_response_s"] - st["first_request_s"]
            row(f"{label}: network span (first request → last response, {span:.2f} s) / lower bound", fmt(span / lb, 2))
        if startup is not None and lb:
            row(f"{label}: (wall − JVM/CLI start-up {startup:.2f} s) / lower bound", fmt((p["wall"] - startup) / lb, 2))
        row(f"{label}: requests (feeds 200 / 304 / robots.txt / other)",
            f"{st.get('requests', 0)} ({st.get('feeds_200', 0)} / {st.get('feeds_304', 0)} / {st.get('robots', 0)} / {st.get('other', 0)})")
        row(f"{label}: bytes served", f"{st.get('bytes', 0):,}")
        row(f"{label}: CPU time (user + sys) / wall = cores busy", fmt(p["cpu_s"], 2, " s") + " / "
            + fmt(p["wall"], 2, " s") + " = " + fmt(p["cpu_s"] / p["wall"] if p["cpu_s"] else None, 2))
        new_items = doc.get("new_items") if doc else None
        if p["cpu_s"] and new_items:
            # the measure, and the same less start-up (validate's CPU), which no item causes
            start_cpu = cpu_seconds(read("validate.time") or "")
            row(f"{label}: CPU per stored item (all; less start-up CPU)", fmt(p["cpu_s"] / new_items * 1000, 3, " ms")
                + ("; " + fmt((p["cpu_s"] - start_cpu) / new_items * 1000, 3, " ms") if start_cpu else ""))
        row(f"{label}: first request / last response after start (server clock); longest host span",
            fmt(st.get("first_request_s"), 2, " s") + " / " + fmt(st.get("last_response_s"), 2, " s") + "; "
            + fmt(st.get("longest_host_span_s"), 2, " s"))
        row(f"{label}: sources {'/'.join(sorted(expected))} (of {sources})",
            f"{good} — {json.dumps(counts, sort_keys=True) if counts else 'no JSON'}"
            + (f", {doc.get('new_items')} new items" if doc else ""),
            f"{sources}", check(good == sources))
        row(f"{label}: exit code", str(p["rc"]), "0", check(p["rc"] == 0))
        oom = "OutOfMemoryError" in p["err"]
        row(f"{label}: peak RSS (-Xmx{e.get('xmx', '256m')})", fmt(p["peak_rss_mb"], 0, " MB")
            + (" — **OutOfMemoryError**" if oom else ", no OOM"), "runs in -Xmx256m", check(not oom and p["rc"] in (0, 1)))
        row(f"{label}: max requests in flight per host", str(st.get("max_in_flight_per_host")), "1",
            check(st.get("max_in_flight_per_host") == 1))
        # The start-to-start interval is the robust proof: the client waits delay after it has read a response,
        # and a response takes at least latency, so starts are >= latency + delay apart. The server's
        # end-to-start gap can read low when a server thread is descheduled between sending and noting the time.
        starts = st.get("min_start_interval_ms")
        row(f"{label}: min interval between request starts, same host", fmt(starts, 0, " ms"),
            f"≥ {latency + delay:g} ms (latency + delay)", check(starts is not None and starts >= (latency + delay) * 0.98))
        row(f"{label}: min gap, end of response → next request, same host (server clock, noisy under load)",
            fmt(st.get("min_gap_ms"), 0, " ms"), f"≈ {delay:g} ms")
        if ratio is not None and ratio > 1.3:
            problems.append(f"{label}: wall/lower bound {ratio:.2f} > 1.3")
        if good != sources:
            problems.append(f"{label}: {good} of {sources} sources {expected}")
        if oom or p["rc"] != 0:
            problems.append(f"{label}: exit {p['rc']}{', OOM' if oom else ''}")

    if c1 and c2:
        b1 = c1["stats"].get("totals", {}).get("bytes", 0)
        b2 = c2["stats"].get("totals", {}).get("bytes", 0)
        share = b2 / b1 if b1 else None
        row("re-crawl bytes / first-crawl bytes", fmt(share * 100 if share is not None else None, 2, " %"), "≤ 5 %",
            check(share is not None and share <= 0.05))
        if share is None or share > 0.05:
            problems.append("re-crawl moved more than 5 % of the first crawl's bytes")

    if u1:
        for label, p, k in (("urlwatch first run", u1, c1), ("urlwatch second run", u2, c2)):
            if p is None:
                continue
            st = p["stats"].get("totals", {})
            row(f"{label}: wall time (10 workers, no per-host delay, no robots.txt)", fmt(p["wall"], 2, " s"))
            row(f"{label}: requests (200 / 304 / other), bytes",
                f"{st.get('requests', 0)} ({st.get('feeds_200', 0)} / {st.get('feeds_304', 0)} / {st.get('other', 0)}), {st.get('bytes', 0):,} B")
            row(f"{label}: max requests in flight per host / requests overlapping another on their host / min gap",
                f"{st.get('max_in_flight_per_host')} / {st.get('overlaps')} / "
                + (fmt(st.get("min_gap_ms"), 0, " ms") if st.get("min_gap_ms") is not None else "none (never idle)"))
            row(f"{label}: peak RSS, exit code", fmt(p["peak_rss_mb"], 0, " MB") + f", {p['rc']}")
            if k:
                row(f"kildevakt / urlwatch wall time ({'first' if p is u1 else 'second'} run)", fmt(k["wall"] / p["wall"], 2))
        if u1 and u2:
            b1 = u1["stats"].get("totals", {}).get("bytes", 0)
            b2 = u2["stats"].get("totals", {}).get("bytes", 0)
            row("urlwatch: second-run bytes / first-run bytes", fmt(b2 / b1 * 100 if b1 else None, 2, " %"))
    else:
        row("urlwatch", "not run")

    print(f"## kildevakt crawl benchmark\n")
    print(f"{sources} RSS feeds on {e.get('hosts', 50)} loopback hosts, {latency:g} ms added latency per response, "
          f"per_host_delay {delay:g} ms, concurrency {e.get('concurrency', '?')}, java -Xmx{e.get('xmx', '256m')} {e.get('jvm_opts', '')}".rstrip() + "; "
          f"{e.get('date', '')} on {e.get('machine', '')}; load average (1/5/15 min) before the run {e.get('load', '?')}.\n")
    print("| measure | value | target | verdict |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    print()
    if problems:
        print("Missed: " + "; ".join(problems) + ".")
    else:
        print("All targets met.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

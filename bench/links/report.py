#!/usr/bin/env python3
"""Turns bench/out/links/ into the Markdown table of the check-links benchmark."""

import csv
import io
import json
import os
import sys
import urllib.parse

OUT = sys.argv[1]


def read(name, default=""):
    path = os.path.join(OUT, name)
    return open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else default


expected = dict(line.rstrip("\n").split("\t") for line in read("expected.tsv").splitlines() if line)


def kildevakt_verdicts():
    data = json.loads(read("kildevakt.out") or "{}")
    return {l["url"]: l["status"] for l in data.get("links", [])}


def linkinator_verdicts():
    text = read("linkinator.out")
    data = json.loads(text[text.index("{"):]) if "{" in text else {}
    states = {"OK": "ok", "BROKEN": "broken", "SKIPPED": "skipped"}
    return {l["url"]: states.get(l.get("state"), "?") for l in data.get("links", [])}


def linkchecker_verdicts():
    lines = [l for l in read("linkchecker.out").splitlines() if l and not l.startswith("#")]
    # LinkChecker lists only what it found invalid or worth a warning: every other link it checked is fine
    verdicts = {u: "ok" for u in expected} if lines else {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"):
        url = row.get("urlname") or ""
        note = ((row.get("warningstring") or "") + " " + (row.get("infostring") or "")).lower()
        if row.get("valid") == "True":
            verdicts[url] = "redirect" if "redirect" in note else "ok"
        else:
            verdicts[url] = "broken"
    return verdicts


def cpu_seconds(name):
    """User + system CPU seconds of one tool's process, from /usr/bin/time -v, or None."""
    user = sys_ = None
    for line in read(name + ".time").splitlines():
        line = line.strip()
        if line.startswith("User time (seconds):"):
            user = float(line.split(":")[1])
        elif line.startswith("System time (seconds):"):
            sys_ = float(line.split(":")[1])
    return user + sys_ if user is not None and sys_ is not None else None


def farm_cpu(name):
    """CPU seconds the link farm spent while this tool ran (its /__cpu before and after), or None."""
    try:
        return json.loads(read(name + ".farm1"))["cpu_seconds"] - json.loads(read(name + ".farm0"))["cpu_seconds"]
    except (ValueError, KeyError, TypeError):
        return None


def figures(name, verdicts):
    stats = json.loads(read(name + ".stats") or "{}")
    gets = sum(s["requests"].get("GET", 0) for s in stats.values())
    heads = sum(s["requests"].get("HEAD", 0) for s in stats.values())
    in_flight = max((s["max_in_flight"] for s in stats.values()), default=0)
    connections = sum(s.get("connections", 0) for s in stats.values())
    firsts = [s["first_request_ms"] for s in stats.values() if s.get("first_request_ms")]
    lasts = [s["last_response_ms"] for s in stats.values() if s.get("last_response_ms")]
    # from the first request the farm saw to its last answer: the checking itself, without start-up and report
    network = (max(lasts) - min(firsts)) / 1000.0 if firsts and lasts else None
    # the tool's start and end (run.sh's clock, the same as the farm's): what came before and after the network
    span = read(name + ".span").split()
    before = after = None
    if network is not None and len(span) == 2:
        before, after = min(firsts) / 1000.0 - float(span[0]), float(span[1]) - max(lasts) / 1000.0
    wall = float(read(name + ".wall") or "nan")
    checked = [u for u in expected if u in verdicts]
    right = sum(1 for u in checked if verdicts[u] == expected[u])
    by_kind = {}
    for u, want in expected.items():
        got = verdicts.get(u)
        ok, total = by_kind.get(want, (0, 0))
        by_kind[want] = (ok + (got == want), total + 1)
    return {"wall": wall, "requests": gets + heads, "gets": gets, "heads": heads, "in_flight": in_flight,
            "right": right, "reported": len(checked), "by_kind": by_kind, "rc": read(name + ".rc").strip(),
            "cpu": cpu_seconds(name), "farm_cpu": farm_cpu(name),
            "connections": connections, "network": network, "before": before, "after": after}


tools = [("kildevakt", kildevakt_verdicts)]
if os.path.exists(os.path.join(OUT, "linkinator.wall")):
    tools.append(("linkinator 7", linkinator_verdicts))
if os.path.exists(os.path.join(OUT, "linkchecker.wall")):
    tools.append(("LinkChecker", linkchecker_verdicts))

rows = {}
for label, verdicts in tools:
    name = label.split()[0].lower()
    try:
        rows[label] = figures(name, verdicts())
    except Exception as e:  # a peer's output we cannot read is reported, not fatal
        rows[label] = None
        print("could not read %s output: %s" % (label, e), file=sys.stderr)

links = len(expected)
base = rows.get("kildevakt")
print("# check-links benchmark\n")
hosts = len({urllib.parse.urlsplit(url).hostname for url in expected})
print("%d distinct links on %d loopback hosts, 20 ms latency per response, per-host limit 2 where the tool has one."
      % (links, hosts))
print(read("load").replace("\n", "; ").strip("; ") + "\n")
print("| tool | wall s | × kildevakt | before / network / after s | CPU s (user + sys) | CPU ms per link | farm CPU s | requests | per link | GET / HEAD | connections | max in flight per host | classified right | exit |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
for label, f in rows.items():
    if f is None:
        print("| %s | (output unreadable) | | | | | | | | | | | | |" % label)
        continue
    ratio = f["wall"] / base["wall"] if base else float("nan")
    cpu = "%.2f" % f["cpu"] if f["cpu"] is not None else "?"
    cpu_per_link = "%.2f" % (1000.0 * f["cpu"] / links) if f["cpu"] is not None else "?"
    farm = "%.2f" % f["farm_cpu"] if f["farm_cpu"] is not None else "?"
    network = "%.2f / %.2f / %.2f" % (f["before"], f["network"], f["after"]) if f["before"] is not None else "?"
    print("| %s | %.2f | %.2f | %s | %s | %s | %s | %d | %.2f | %d / %d | %d | %d | %d of %d (%.0f %%) | %s |" % (
        label, f["wall"], ratio, network, cpu, cpu_per_link, farm, f["requests"], f["requests"] / links, f["gets"], f["heads"],
        f["connections"], f["in_flight"],
        f["right"], links, 100.0 * f["right"] / links, f["rc"]))
print("\nClassified right, by expected status:\n")
kinds = sorted(next(iter(r for r in rows.values() if r))["by_kind"])
print("| tool | " + " | ".join(kinds) + " |")
print("|---|" + "---:|" * len(kinds))
for label, f in rows.items():
    if f:
        print("| %s | " % label + " | ".join("%d/%d" % f["by_kind"][k] for k in kinds) + " |")

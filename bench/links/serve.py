#!/usr/bin/env python3
"""Loopback link farm for the check-links benchmark (Python 3 standard library only).

One HTTP/1.1 server (keep-alive) per address 127.0.0.<first> .. 127.0.0.<last>, all on one port,
each serving /p/<n> for n = 0 .. links_per_host-1. What a path answers depends on n % 20, so every
host has the same mix (see KINDS). Every counted response waits --latency-ms first.

Cheap and fair to every checker: the farm must never be what a run waits for. So it is a few
processes (--procs, hosts dealt out among them), each one asyncio event loop with no thread per
connection: a request's 20 ms is a timer, not a sleeping thread, and no Python lock (the GIL
included) is shared between hosts of different processes. (The first farm, a thread per connection
in one process, spent its time handing the GIL around and added its own waits to every tool.)

Counters per address, in shared memory so that any host answers for all: requests by method, the
most in flight at once. Control endpoints (never counted, any host): GET /__stats (JSON), GET /__reset,
GET /__cpu (user + system CPU seconds of all the farm's processes so far, so a report can say what the
harness itself cost). Stops by itself after --max-seconds.
"""

import argparse
import asyncio
import email.utils
import json
import multiprocessing
import os
import signal
import sys
import time

PAGE = ("<!doctype html><html lang=\"no\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
        "<body><nav>Forside Aktuelt Dokumenter</nav><main><h1>{title}</h1><p>"
        + "Regjeringen legger fram tiltak mot menneskehandel og arbeidslivskriminalitet. " * 40
        + "</p></main></body></html>")

# n % 20 -> (kind, expected status in a correct checker)
KINDS = {**{i: ("ok", "ok") for i in range(0, 13)},
         13: ("head405", "ok"),          # HEAD answered 405, GET 200
         14: ("404", "broken"),
         15: ("301", "redirect"),        # 301 to /p/<n>-new (200)
         16: ("302", "ok"),              # 302 to /p/<n>-tmp (200)
         17: ("soft404", "broken"),      # 200 "Fant ikke siden"
         18: ("403", "blocked"),
         19: ("410", "broken")}

REASONS = {200: "OK", 204: "No Content", 301: "Moved Permanently", 302: "Found", 400: "Bad Request",
           403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 410: "Gone",
           500: "Internal Server Error", 501: "Not Implemented"}
SERVER = "linkfarm/2 Python/%d.%d.%d" % sys.version_info[:3]
HTML = [("Content-Type", "text/html; charset=utf-8")]

# counters of one host in the shared array: GETs, HEADs, in flight now, most in flight, connections
# accepted, and when (ms since the epoch) its first counted request came and its last answer went
GET, HEAD, IN_FLIGHT, MAX_IN_FLIGHT, CONNECTIONS, FIRST_MS, LAST_MS = range(7)
SLOTS = 7


def route(method, path):
    """(status, headers, body) of a counted request: the same answers as the first farm gave."""
    path = path.split("?")[0].split("#")[0]
    if not path.startswith("/p/"):
        return 404, HTML, b"no such page"
    name = path[3:]
    if name.endswith("-new") or name.endswith("-tmp"):
        return 200, HTML, PAGE.format(title="Ny side " + name).encode()
    try:
        n = int(name)
    except ValueError:
        return 404, HTML, b"no such page"
    kind = KINDS[n % 20][0]
    if kind == "ok":
        return 200, HTML, PAGE.format(title="Side " + name).encode()
    if kind == "head405":
        if method == "HEAD":
            return 405, [("Allow", "GET")], b""
        return 200, HTML, PAGE.format(title="Side " + name).encode()
    if kind in ("404", "403", "410"):
        return int(kind), HTML, b"<html><title>Error</title></html>"
    if kind == "301":
        return 301, [("Location", path + "-new")], b""
    if kind == "302":
        return 302, [("Location", path + "-tmp")], b""
    if kind == "soft404":
        return 200, HTML, PAGE.format(title="Fant ikke siden").encode()
    return 500, HTML, b""


class Farm:
    """What every process shares: the counters of all hosts, and the farm's process ids for its CPU time."""

    def __init__(self, first, last, latency):
        self.first, self.last, self.latency = first, last, latency
        self.hosts = ["127.0.0.%d" % i for i in range(first, last + 1)]
        self.counters = multiprocessing.RawArray("q", len(self.hosts) * SLOTS)  # each written by one process only
        self.pids = multiprocessing.RawArray("i", 64)
        self._date = (0, "")
        self._answers = {}

    def base(self, host):
        return (host - self.first) * SLOTS

    def date(self):
        now = int(time.time())
        if now != self._date[0]:
            self._date = (now, email.utils.formatdate(now, usegmt=True))
        return self._date[1]

    def head(self, status, headers, length):
        lines = ["HTTP/1.1 %d %s" % (status, REASONS.get(status, "")), "Server: " + SERVER, "Date: " + self.date()]
        lines += ["%s: %s" % kv for kv in headers]
        lines.append("Content-Length: %d" % length)
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def answer(self, method, path):
        """A counted request's response bytes, made once per method and path (the Date line aside)."""
        key = (method, path)
        got = self._answers.get(key)
        if got is None:
            got = route(method, path)
            if len(self._answers) < 100000:
                self._answers[key] = got
        status, headers, body = got
        return self.head(status, headers, len(body)) + (b"" if method == "HEAD" else body)

    def stats(self):
        c = self.counters
        out = {}
        for i, host in enumerate(self.hosts):
            b = i * SLOTS
            requests = {m: c[b + k] for m, k in (("GET", GET), ("HEAD", HEAD)) if c[b + k]}
            out[host] = {"requests": requests, "max_in_flight": c[b + MAX_IN_FLIGHT], "connections": c[b + CONNECTIONS],
                         "first_request_ms": c[b + FIRST_MS], "last_response_ms": c[b + LAST_MS]}
        return out

    def cpu_seconds(self):
        """User + system CPU of every farm process so far (from /proc: Linux), for the report's farm column."""
        ticks = 0
        for pid in self.pids:
            if pid:
                try:
                    with open("/proc/%d/stat" % pid) as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    ticks += int(fields[11]) + int(fields[12])
                except (OSError, IndexError, ValueError):
                    pass
        return ticks / os.sysconf("SC_CLK_TCK")

    def reset(self):
        for i in range(len(self.counters)):
            self.counters[i] = 0


class Connection(asyncio.Protocol):
    """One client connection: requests answered in order, each after the latency, keep-alive as HTTP/1.1 has it."""

    def __init__(self, farm, host):
        self.farm, self.host, self.base = farm, host, farm.base(host)
        self.buffer = b""
        self.pending = []      # parsed requests not yet answered: (method, path, close)
        self.busy = False      # one request of this connection waiting out its latency
        self.transport = None
        self.closed = False

    def connection_made(self, transport):
        self.transport = transport
        self.farm.counters[self.base + CONNECTIONS] += 1

    def connection_lost(self, exc):
        self.closed = True

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > 65536:
                    self.transport.close()
                return
            head = self.buffer[:end].decode("latin-1").split("\r\n")
            parts = head[0].split()
            headers = {}
            for line in head[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            body_length = int(headers.get("content-length", "0") or 0)
            if len(self.buffer) < end + 4 + body_length:
                return
            self.buffer = self.buffer[end + 4 + body_length:]
            if len(parts) != 3:
                self.pending.append(("BAD", "/", True))
            else:
                version = parts[2]
                connection = headers.get("connection", "").lower()
                close = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
                self.pending.append((parts[0], parts[1], close))
            self.next()

    def next(self):
        if self.busy or not self.pending or self.closed:
            return
        method, path, close = self.pending.pop(0)
        farm = self.farm
        if method == "BAD":
            return self.send(farm.head(400, [("Connection", "close")], 0), True)
        if path.startswith("/__stats"):
            body = json.dumps(farm.stats()).encode()
            return self.send(farm.head(200, [("Content-Type", "application/json")], len(body)) + body, close)
        if path.startswith("/__cpu"):
            body = json.dumps({"cpu_seconds": farm.cpu_seconds()}).encode()
            return self.send(farm.head(200, [("Content-Type", "application/json")], len(body)) + body, close)
        if path.startswith("/__reset"):
            farm.reset()
            return self.send(farm.head(204, [], 0), close)
        if method not in ("GET", "HEAD"):
            body = b"unsupported method"
            return self.send(farm.head(501, HTML, len(body)) + body, close)
        c, b = farm.counters, self.base
        c[b + (GET if method == "GET" else HEAD)] += 1
        c[b + IN_FLIGHT] += 1
        if c[b + IN_FLIGHT] > c[b + MAX_IN_FLIGHT]:
            c[b + MAX_IN_FLIGHT] = c[b + IN_FLIGHT]
        if not c[b + FIRST_MS]:
            c[b + FIRST_MS] = int(time.time() * 1000)
        self.busy = True
        asyncio.get_running_loop().call_later(farm.latency, self.respond, method, path, close)

    def respond(self, method, path, close):
        c, b = self.farm.counters, self.base
        c[b + IN_FLIGHT] -= 1
        self.busy = False
        self.send(self.farm.answer(method, path), close)
        c[b + LAST_MS] = int(time.time() * 1000)

    def send(self, data, close):
        if self.closed:
            return
        self.transport.write(data)
        if close:
            self.transport.close()
            self.closed = True
        else:
            self.next()


def serve(farm, hosts, port, max_seconds, ready):
    """One process: an event loop serving `hosts` (numbers) until SIGTERM or max_seconds."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the farm stops

    async def main():
        loop = asyncio.get_running_loop()
        servers = []
        for h in hosts:
            servers.append(await loop.create_server(lambda h=h: Connection(farm, h), "127.0.0.%d" % h, port,
                                                    backlog=1024, reuse_address=True))
        stop = loop.create_future()
        loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
        ready.release()
        try:
            await asyncio.wait_for(stop, max_seconds)
        except asyncio.TimeoutError:
            pass
        for s in servers:
            s.close()

    asyncio.run(main())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", type=int, default=2)
    ap.add_argument("--last", type=int, default=51)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--latency-ms", type=int, default=20)
    ap.add_argument("--max-seconds", type=int, default=1800)
    ap.add_argument("--procs", type=int, default=min(5, os.cpu_count() or 1),
                    help="processes the hosts are dealt out to (default: the cores, at most 5)")
    args = ap.parse_args()
    farm = Farm(args.first, args.last, args.latency_ms / 1000)
    numbers = list(range(args.first, args.last + 1))
    procs = max(1, min(args.procs, len(numbers), 64))
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Semaphore(0)
    children = []
    for k in range(procs):
        p = ctx.Process(target=serve, args=(farm, numbers[k::procs], args.port, args.max_seconds, ready), daemon=True)
        p.start()
        farm.pids[k] = p.pid
        children.append(p)
    farm.pids[procs] = os.getpid()
    started, deadline = 0, time.monotonic() + 30
    while started < procs:
        if ready.acquire(timeout=0.1):
            started += 1
        elif any(c.exitcode is not None for c in children) or time.monotonic() > deadline:
            print("the farm did not start (an address in use?)", file=sys.stderr, flush=True)
            for c in children:
                c.terminate()
            sys.exit(2)

    def stop(*_):
        for c in children:
            if c.is_alive():
                c.terminate()
        for c in children:
            c.join(5)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("serving %d hosts on port %d in %d processes" % (len(numbers), args.port, procs), flush=True)
    deadline = time.monotonic() + args.max_seconds
    while time.monotonic() < deadline and all(c.is_alive() for c in children):
        time.sleep(0.5)
    stop()


if __name__ == "__main__":
    main()
